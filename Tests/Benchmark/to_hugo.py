"""Turns a bulletin content folder into a Hugo site with the same pages: write-ups as pages in one
section per base, bulletins, notices, models as a taxonomy with its own pages, the theme in
hugo-theme/ (a layout with head, navigation and footer, list pages, the taxonomy, the search page and its index, the reports table).
Usage: to_hugo.py CONTENT_FOLDER HUGO_SITE_FOLDER"""
import os
import re
import shutil
import sys

FRONT = re.compile(r"\A---\n(.*?)\n---\n(.*)\Z", re.S)


def split(path):
    match = FRONT.match(open(path, encoding="utf-8").read())
    fields = {}
    for line in match.group(1).split("\n"):
        if ":" in line and not line.startswith((" ", "#", "-")):
            key, value = line.split(":", 1)
            fields[key.strip()] = value.strip()
    return fields, match.group(2)


def full_date(text):
    parts = text.strip('"').split("-")
    return "-".join(parts + ["01"] * (3 - len(parts)))


def front(fields):
    return "---\n" + "\n".join(f"{key}: {value}" for key, value in fields.items()) + "\n---\n"


def main(content, site):
    here = os.path.dirname(os.path.abspath(__file__))
    if os.path.exists(site):
        shutil.rmtree(site)
    shutil.copytree(os.path.join(here, "hugo-theme/layouts"), os.path.join(site, "layouts"))
    os.makedirs(os.path.join(site, "static"))
    # Fingerprinted by Hugo Pipes, as bulletin fingerprints its theme files.
    os.makedirs(os.path.join(site, "assets"))
    for name in ("style.css", "care.js", "search.js"):
        shutil.copy(os.path.join(here, "../../Templates/static", name), os.path.join(site, "assets", name))
    if os.path.isdir(os.path.join(content, "assets")):
        shutil.copytree(os.path.join(content, "assets"), os.path.join(site, "static/assets"))
    with open(os.path.join(site, "hugo.toml"), "w", encoding="utf-8") as handle:
        handle.write('baseURL = "http://localhost:8000/"\ntitle = "重庆市家庭教育创新实践基地"\nlanguageCode = "zh-Hans"\n'
                     'hasCJKLanguage = true\n[taxonomies]\n  model = "models"\n'
                     # One feed (of the newest 30) and one search index for the whole site, as bulletin writes them.
                     '[outputs]\n  home = ["HTML", "RSS", "SearchIndex"]\n  section = ["HTML"]\n  taxonomy = ["HTML"]\n'
                     '  term = ["HTML"]\n[outputFormats.SearchIndex]\n  mediaType = "application/json"\n'
                     '  baseName = "search-index"\n  isPlainText = true\n[services.rss]\n  limit = 30\n')
    names = dict(re.findall(r"- id: (\S+)\n\s+name: (\S+)", open(os.path.join(content, "bases.yaml"), encoding="utf-8").read()))
    out = os.path.join(site, "content")
    for directory, _, files in os.walk(content):
        for name in files:
            if not name.endswith(".md"):
                continue
            path = os.path.join(directory, name)
            relative = os.path.relpath(path, content)
            parts = relative.split(os.sep)
            fields, body = split(path)
            page = {"title": fields.get("title", '""')}
            if "date" in fields:
                page["date"] = full_date(fields["date"])
            if parts[0] == "bases" and len(parts) == 3:
                page["kind"] = fields.get("kind", "practice")
                models = fields.get("models", "[]")
                page["models"] = models
                if "summary" in fields:
                    page["summary"] = fields["summary"]
                target = os.path.join(out, "bases", parts[1], parts[2])
                index = os.path.join(out, "bases", parts[1], "_index.md")
                if not os.path.exists(index):
                    os.makedirs(os.path.dirname(index), exist_ok=True)
                    with open(index, "w", encoding="utf-8") as handle:
                        handle.write(front({"title": names.get(parts[1], parts[1])}))
            elif parts[0] == "models":
                target = os.path.join(out, "models", name[:-3], "_index.md")
            elif parts[0] in ("bulletins", "notices") and len(parts) == 2:
                target = os.path.join(out, parts[0], name)
            elif parts[0] == "pages":
                target = os.path.join(out, name)
            else:
                continue
            os.makedirs(os.path.dirname(target), exist_ok=True)
            with open(target, "w", encoding="utf-8") as handle:
                handle.write(front(page) + body)
    for name, title in (("search", "站内搜索"), ("reports", "年度报告")):
        with open(os.path.join(out, name + ".md"), "w", encoding="utf-8") as handle:
            handle.write(front({"title": title, "layout": name}))
    for section, title in (("bases", "实践基地"), ("bulletins", "工作简报"), ("notices", "通知公告")):
        os.makedirs(os.path.join(out, section), exist_ok=True)
        with open(os.path.join(out, section, "_index.md"), "w", encoding="utf-8") as handle:
            handle.write(front({"title": title}))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
