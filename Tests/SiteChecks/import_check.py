"""`bulletin import` on Word documents made as district offices make them (word_documents.py:
仿宋/黑体 direct formatting, hand-typed 一、（一）1.（1）, a table, photos, a footnote, manual line
breaks, full-width indents, empty paragraphs), run under LANG=zh_CN.UTF-8 on a copy of the tests'
content: the Markdown written, the photos saved and processed by a build, the messages for a
.doc, a .wps, a broken file and a missing pandoc, the warning of `check` about a .docx no
write-up links, that nothing is ever overwritten, and the time of importing a report longer
than 10 pages with 6 photos (at most 2 s).
Usage: import_check.py BULLETIN_BINARY PROJECT_FOLDER. Exits 1 on any failure."""
import glob
import os
import re
import shutil
import sys
import tempfile
import time

from pages import Failures, run_bulletin, tree_hash
from word_documents import district_report, photo_table, styled_document

fail = Failures()
CHINESE = "zh_CN.UTF-8"


def run(binary, work, arguments, language=CHINESE, path=None):
    return run_bulletin(binary, work, arguments, language, path)


def imported_path(result):
    found = re.search(r"已导入 (\S+\.md)，", result.stdout)
    return found.group(1) if found else None


def check_written_markdown(work, relative):
    text = open(os.path.join(work, relative), encoding="utf-8").read()
    front, body = text.split("\n---\n", 1)
    expectations = {
        "the title from the centred title paragraph": 'title: "沙河小学2023年家庭教育工作总结"' in front,
        "the date from the date line": "\ndate: 2023-05-12\n" in front,
        "the kind from the option": "\nkind: practice\n" in front,
        "the title paragraph left out of the body": "沙河小学2023年家庭教育工作总结" not in body,
        "一、 as a level-2 heading": "\n## 一、基本情况\n" in "\n" + body,
        "（一） as a level-3 heading": "\n### （一）组织领导\n" in body,
        "bold 1． as a level-4 heading": "\n#### 1．分层开设课程\n" in body,
        "a plain 1. paragraph kept numbered": "\n1\\. 线上线下结合，每月一次专题讲座。\n" in body,
        "（1） kept inside its paragraph": "课程，（1）低年级重习惯养成" in body,
        "the manual line break joined": "校长任组长，分管副校长任副组长" in body,
        "no full-width indent left": "\u3000\u3000" not in body,
        "no empty paragraph left": "\n\n\n" not in body,
        "the table as a pipe table": re.search(r"\n\| 序号 +\| 活动名称 +\| 时间 +\| 参加人数 +\|\n\|-", body) is not None,
        "a merged table's title row as the paragraph before it": "\n各年级家长学校开课情况\n\n| 年级 " in body,
        "a cell merged down repeated, two paragraphs in one cell joined": re.search(
            r"\n\| 低年级 +\| 习惯养成 亲子共读 +\| 王老师 +\|\n\| 低年级 +\| 劳动教育 +\| 李老师 +\|\n", body) is not None,
        "no table lost": "[TABLE]" not in body,
        "the footnote mark in the text": "家庭教育促进法》\\[1\\]，" in body,
        "the footnote under 注释": re.search(r"\n## 注释\n\n\\\[1\\\] 《中华人民共和国家庭教育促进法》自2022年1月1日起施行。", body) is not None,
        "the first photo described by its caption": re.search(r"!\[家长开放日活动现场\]\(\.\./\.\./assets/[a-z0-9-]+-1\.jpg\)", body) is not None,
        "the second photo described by its caption": re.search(r"!\[亲子阅读节\]\(\.\./\.\./assets/[a-z0-9-]+-2\.jpg\)", body) is not None,
    }
    for what, ok in expectations.items():
        if not ok:
            fail(f"{relative}: {what}\n{text}")
    return text


def main(binary, project):
    work = tempfile.mkdtemp(prefix="bulletin-import-check-")
    try:
        shutil.copytree(os.path.join(project, "Tests/Fixture/Content"), os.path.join(work, "Content"))
        shutil.copytree(os.path.join(project, "Templates"), os.path.join(work, "Templates"))
        incoming = os.path.join(work, "来稿")
        os.makedirs(incoming)
        report = os.path.join(incoming, "沙河小学工作总结.docx")
        district_report(report)

        # 1. The import, as an editor types it.
        result = run(binary, work, ["import", "来稿/沙河小学工作总结.docx", "--base", "沙河小学"])
        print(result.stdout + result.stderr, end="")
        relative = imported_path(result)
        if result.returncode != 0 or relative is None or "2 张照片已存入 Content/assets/" not in result.stdout:
            fail(f"import: exit {result.returncode}\n{result.stdout}{result.stderr}")
            return
        text = check_written_markdown(work, relative)
        photos = re.findall(r"\]\(\.\./\.\./assets/([a-z0-9-]+\.jpg)\)", text)
        for photo in photos:
            if not os.path.isfile(os.path.join(work, "Content/assets", photo)):
                fail(f"the photo {photo} was not saved in Content/assets/")

        # 2. It builds, with the photos processed into their versions.
        built = run(binary, work, ["build", "--as-of", "2023-06-01"])
        if built.returncode != 0:
            fail(f"the imported write-up does not build: {built.stderr}")
        page = os.path.join(work, "Public", relative[len("Content/"):-len(".md")], "index.html")
        html = open(page, encoding="utf-8").read() if os.path.isfile(page) else ""
        for photo in photos:
            stem = photo[:-len(".jpg")]
            versions = glob.glob(os.path.join(work, "Public/assets", stem + ".w*.webp"))
            if not versions or f'alt="{"家长开放日活动现场" if stem.endswith("-1") else "亲子阅读节"}"' not in html or "<picture" not in html:
                fail(f"{photo}: no processed versions ({versions}) or no <picture> in {page}")
        if "<h2>一、基本情况</h2>" not in html or "<h4>1．分层开设课程</h4>" not in html:
            fail(f"the headings are not on the page {page}")

        # 3. Nothing is overwritten: the same name refused, a second import gets names of its own.
        before = tree_hash(os.path.join(work, "Content"))
        slug = os.path.basename(relative)[:-len(".md")]
        again = run(binary, work, ["import", "来稿/沙河小学工作总结.docx", "--base", "沙河小学", "--slug", slug])
        if again.returncode != 2 or f"{relative} 已存在，未作改动" not in again.stderr:
            fail(f"an import onto {relative}: exit {again.returncode} {again.stderr}")
        if tree_hash(os.path.join(work, "Content")) != before:
            fail("a refused import changed the content folder")
        second = run(binary, work, ["import", "来稿/沙河小学工作总结.docx", "--base", "wanzhou-shahe-primary"])
        second_path = imported_path(second)
        if second.returncode != 0 or second_path is None or second_path == relative:
            fail(f"a second import of the same document: exit {second.returncode} {second.stdout} {second.stderr}")
        elif open(os.path.join(work, relative), encoding="utf-8").read() != text:
            fail("a second import changed the first write-up")
        elif set(re.findall(r"\]\(\.\./\.\./assets/([a-z0-9-]+\.jpg)\)", open(os.path.join(work, second_path), encoding="utf-8").read())) & set(photos):
            fail("a second import reused the first one's photo names")

        # A table of photos with their captions below is written out as photos, not as a table.
        photo_table(os.path.join(incoming, "运动会.docx"))
        laid_out = run(binary, work, ["import", "来稿/运动会.docx", "--base", "沙河小学", "--kind", "活动"])
        laid_out_path = imported_path(laid_out)
        laid_out_text = open(os.path.join(work, laid_out_path), encoding="utf-8").read() if laid_out_path else ""
        if laid_out.returncode != 0 or not re.search(
                r"\n!\[亲子接力跑\]\(\.\./\.\./assets/[a-z0-9-]+-1\.jpg\)\n\n图1　亲子接力跑\n\n"
                r"!\[家长志愿者\]\(\.\./\.\./assets/[a-z0-9-]+-2\.jpg\)\n\n图2　家长志愿者\n", laid_out_text) \
                or "\n|" in laid_out_text or "date: 2023-05-20" not in laid_out_text:
            fail(f"a table of photos: exit {laid_out.returncode} {laid_out.stderr}\n{laid_out_text}")

        # Word's own styles: the Title paragraph (which pandoc keeps apart) is the title, 标题 1 and 2
        # follow it, a typed number deciding the level.
        styled_document(os.path.join(incoming, "家长课堂.docx"))
        styled = run(binary, work, ["import", "来稿/家长课堂.docx", "--base", "中华路小学", "--kind", "活动"])
        styled_path = imported_path(styled)
        styled_text = open(os.path.join(work, styled_path), encoding="utf-8").read() if styled_path else ""
        if styled.returncode != 0 or 'title: "中华路小学家长课堂纪实"' not in styled_text \
                or "\n## 一、活动背景\n\n学校每月开设一次家长课堂。\n\n### 课堂实录\n" not in styled_text:
            fail(f"a document in Word's heading styles: exit {styled.returncode} {styled.stderr}\n{styled_text}")

        # 4. Files that are not .docx: a clear message at the file, nothing written.
        with open(os.path.join(incoming, "旧版.doc"), "wb") as handle:
            handle.write(bytes([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) + bytes(504))
        shutil.copy(os.path.join(incoming, "旧版.doc"), os.path.join(incoming, "通知.wps"))
        shutil.copy(os.path.join(incoming, "旧版.doc"), os.path.join(incoming, "改了名.docx"))
        with open(os.path.join(incoming, "不是文档.docx"), "w") as handle:
            handle.write("这不是 Word 文档")
        data = open(report, "rb").read()
        with open(os.path.join(incoming, "传了一半.docx"), "wb") as handle:
            handle.write(data[: len(data) // 3])
        before = tree_hash(os.path.join(work, "Content"))
        bad = {
            "旧版.doc": "这是旧版 Word 文档（.doc），无法导入",
            "通知.wps": "这是 WPS 文字文档（.wps），无法导入",
            "改了名.docx": "实为旧版 Word、WPS 文档或加密文档",
            "不是文档.docx": "此文件不是完整的 .docx 文档",
            "传了一半.docx": "pandoc 无法读取此文档",
        }
        for name, said in bad.items():
            refused = run(binary, work, ["import", "来稿/" + name, "--base", "沙河小学"])
            if refused.returncode != 1 or not refused.stderr.startswith(f"来稿/{name}:1:1: 错误：") or said not in refused.stderr \
                    or "另存为" not in refused.stderr:
                fail(f"{name}: exit {refused.returncode}\n{refused.stderr}")
            else:
                print(refused.stderr, end="")
        english = run(binary, work, ["--lang", "en", "import", "来稿/旧版.doc", "--base", "沙河小学"])
        if "来稿/旧版.doc:1:1: error: this is an old Word document (.doc)" not in english.stderr or "Save As" not in english.stderr:
            fail(f"the .doc message in English: {english.stderr}")
        no_pandoc = run(os.path.abspath(binary), work, ["import", "来稿/沙河小学工作总结.docx", "--base", "沙河小学"], path="/nonexistent")
        if no_pandoc.returncode != 1 or "未安装 pandoc" not in no_pandoc.stderr or "apt-get install pandoc" not in no_pandoc.stderr:
            fail(f"without pandoc: exit {no_pandoc.returncode} {no_pandoc.stderr}")
        if tree_hash(os.path.join(work, "Content")) != before:
            fail("a refused document changed the content folder")

        # 5. A .docx dropped into a base's folder and linked by no write-up: check warns at the file.
        shutil.copy(report, os.path.join(work, "Content/bases/wanzhou-shahe-primary/沙河小学工作总结.docx"))
        checked = run(binary, work, ["check"])
        warning = "Content/bases/wanzhou-shahe-primary/沙河小学工作总结.docx:1:1: 警告：没有稿件链接这份 Word 文档"
        if checked.returncode != 0 or warning not in checked.stderr or "bulletin import Content/bases/wanzhou-shahe-primary/沙河小学工作总结.docx" not in checked.stderr:
            fail(f"check on an unlinked .docx: exit {checked.returncode} {checked.stderr}")
        os.remove(os.path.join(work, "Content/bases/wanzhou-shahe-primary/沙河小学工作总结.docx"))

        # 6. Speed, against a bar of 2 s for a 10-page report with 6 photos: three sections, 16 A4
        # pages at GB/T 9704's margins and 16 pt (counted by printing pandoc's HTML of it with
        # WeasyPrint), with 6 photos of a phone's 4032 × 3024 pixels.
        long_report = os.path.join(incoming, "十页报告.docx")
        district_report(long_report, title="沙河小学2023年度家庭教育工作报告", sections=3, photos=6, photo_size=(4032, 3024))
        times = []
        for base in ["渝中区中华路小学校", "大渡口幼儿园", "梁平区西苑小学"]:  # one 2023 report each
            start = time.monotonic()
            timed = run(binary, work, ["import", "来稿/十页报告.docx", "--base", base, "--kind", "年度报告"])
            times.append(time.monotonic() - start)
            if timed.returncode != 0 or "6 张照片已存入" not in timed.stdout or "year: 2023" not in open(
                    os.path.join(work, imported_path(timed) or "missing"), encoding="utf-8").read():
                fail(f"the 10-page report: exit {timed.returncode} {timed.stdout} {timed.stderr}")
        size = os.path.getsize(long_report) / 1_048_576
        print(f"import of a 16-page report with 6 photos ({size:.1f} MB): best {min(times):.2f} s, worst {max(times):.2f} s")
        if min(times) > 2:
            fail(f"the import took {min(times):.2f} s, more than 2 s")
        rebuilt = run(binary, work, ["build", "--as-of", "2023-06-01"])
        if rebuilt.returncode != 0:
            fail(f"the imported reports do not build: {rebuilt.stderr}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
    print(f"import check: {fail.count} failures")
    sys.exit(1 if fail.count else 0)
