"""Writes a deterministic synthetic content folder for measurements: the project's real site.yaml,
bases.yaml, models and notices, plus N write-ups spread over the 20 bases (Chinese bodies of
2–6 KB with headings, lists, links and images), bulletins featuring write-ups, and a few images.
With --rich, the bodies are of a large vocabulary instead (about 6.5 KB each, Chinese words of the
3,755 common characters mixed with made-up English words, drawn with a long tail), as real
reports are: most terms of the search index are then rare ones.
Usage: generate_content.py [--rich] N OUTPUT_FOLDER [PROJECT_FOLDER]"""
import argparse
import os
import random
import shutil
import struct
import sys
import zlib

PHRASES = [
    "家庭教育指导服务", "家校社协同育人", "亲子阅读活动", "家长学校", "留守儿童关爱", "困境儿童帮扶", "社区儿童之家",
    "家庭教育讲座", "家访", "家长会", "心理健康教育", "劳动教育实践", "传统文化进家庭", "好家风好家训", "亲子运动会",
    "志愿服务", "家庭教育咨询", "科学育儿知识", "社区网格员", "班主任", "妇联执委", "家长委员会", "课后服务",
    "周末亲子课堂", "线上家长课堂", "家庭教育宣传周", "读书分享会", "家庭教育个案辅导", "隔代教养", "青春期沟通",
]
VERBS = ["组织开展", "持续推进", "探索建立", "定期举办", "深入实施", "积极参与", "总结提炼", "广泛宣传", "不断完善", "协同推动"]
TAILS = ["取得了良好效果。", "受到家长欢迎。", "形成了常态化机制。", "带动了周边学校和社区。", "为家长提供了实用方法。",
         "让孩子在实践中成长。", "增进了亲子之间的理解。", "提升了家长的育儿能力。"]
HEADINGS = ["工作背景", "主要做法", "特色亮点", "取得成效", "经验体会", "下一步打算"]
MODELS = ["guidance-service", "parent-child-practice", "left-behind-support", "home-school-community", "science-publicity"]
KINDS = ["practice", "practice", "event", "event", "report"]


def sentence(rng):
    return "".join([rng.choice(VERBS), rng.choice(PHRASES), "，", rng.choice(VERBS), rng.choice(PHRASES), "，", rng.choice(TAILS)])


def body(rng, links, image):
    target = rng.randint(2000, 6000)
    parts = []
    size = 0
    heading = 0
    while size < target:
        if heading < len(HEADINGS) and (not parts or rng.random() < 0.25):
            parts.append("## " + HEADINGS[heading])
            heading += 1
        roll = rng.random()
        if roll < 0.15:
            parts.append("\n".join("- " + sentence(rng) for _ in range(rng.randint(2, 4))))
        elif roll < 0.2 and links:
            parts.append(f"详见[{rng.choice(PHRASES)}]({rng.choice(links)})，" + sentence(rng))
        elif roll < 0.23:
            parts.append(f"![{rng.choice(PHRASES)}现场]({image})")
        else:
            parts.append("".join(sentence(rng) for _ in range(rng.randint(2, 5))))
        size = sum(len(part.encode("utf-8")) for part in parts)
    return "\n\n".join(parts) + "\n"


class RichVocabulary:
    """Words drawn with a long tail: the first few are in nearly every write-up, most in a handful."""

    def __init__(self, rng):
        common = [bytes([high, low]).decode("gb2312") for high in range(0xB0, 0xD8) for low in range(0xA1, 0xFF)
                  if not (high == 0xD7 and low > 0xF9)]
        words = ["咖啡", "家长", "孩子", "学校", "社区", "活动", "老师", "春天", "机场", "阅读"]
        seen = set(words)
        while len(words) < 40000:
            word = "".join(rng.choice(common) for _ in range(rng.choice((2, 2, 2, 3, 4))))
            if word not in seen:
                seen.add(word)
                words.append(word)
        self.chinese = words
        syllables = [c + v for c in "bcdfghjklmnprstvwz" for v in ("a", "e", "i", "o", "u", "ai", "ou", "er")]
        english = ["the", "family", "school", "coffee", "parents", "children", "practice", "community"]
        known = set(english)
        while len(english) < 8000:
            word = "".join(rng.choice(syllables) for _ in range(rng.randint(1, 4)))
            if word not in known:
                known.add(word)
                english.append(word)
        self.english = english

    @staticmethod
    def pick(rng, words):
        return words[int(len(words) * rng.random() ** 4)]

    def sentence(self, rng):
        parts = []
        for _ in range(rng.randint(6, 16)):
            if rng.random() < 0.2:
                parts.append(" " + " ".join(self.pick(rng, self.english) for _ in range(rng.randint(1, 3))) + " ")
            else:
                parts.append(self.pick(rng, self.chinese))
        return "".join(parts).strip() + rng.choice(("。", "；", "！", "。"))

    def body(self, rng, links, image):
        target = rng.randint(5000, 8000)
        parts = []
        size = 0
        heading = 0
        while size < target:
            if heading < len(HEADINGS) and (not parts or rng.random() < 0.15):
                parts.append("## " + HEADINGS[heading])
                heading += 1
            roll = rng.random()
            if roll < 0.1:
                parts.append("\n".join("- " + self.sentence(rng) for _ in range(rng.randint(2, 4))))
            elif roll < 0.13 and links:
                parts.append(f"详见[{self.pick(rng, self.chinese)}]({rng.choice(links)})，" + self.sentence(rng))
            elif roll < 0.15:
                parts.append(f"![{self.pick(rng, self.chinese)}现场]({image})")
            else:
                parts.append("".join(self.sentence(rng) for _ in range(rng.randint(2, 5))))
            size = sum(len(part.encode("utf-8")) for part in parts)
        return "\n\n".join(parts) + "\n"


def png(path, seed):
    """A small valid PNG, so image links resolve to real files."""
    width = height = 8
    raw = b"".join(b"\x00" + bytes([(seed * 37 + x * 11 + y * 5) % 256 for x in range(width) for _ in range(3)]) for y in range(height))
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    with open(path, "wb") as handle:
        handle.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
                     + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def base_ids(project):
    ids = []
    for line in open(os.path.join(project, "Content/bases.yaml"), encoding="utf-8"):
        if line.startswith("  - id: ") and not line.strip().endswith('"2020"'):
            ids.append(line.split(":", 1)[1].strip())
    return ids


def main(count, output, project, rich=False):
    rng = random.Random(20200101)
    vocabulary = RichVocabulary(random.Random(20240101)) if rich else None
    if os.path.exists(output):
        shutil.rmtree(output)
    os.makedirs(output)
    for name in ("site.yaml", "bases.yaml"):
        shutil.copy(os.path.join(project, "Content", name), os.path.join(output, name))
    for folder in ("models", "notices", "pages"):
        shutil.copytree(os.path.join(project, "Content", folder), os.path.join(output, folder))
    os.makedirs(os.path.join(output, "assets"))
    images = []
    for index in range(20):
        png(os.path.join(output, "assets", f"photo-{index}.png"), index)
        images.append(f"photo-{index}.png")
    bases = base_ids(project)
    written = []
    reported = set()
    for index in range(count):
        base = bases[index % len(bases)]
        slug = f"item-{index:05d}"
        year = 2020 + (index * 7) % 5
        month = 1 + (index * 5) % 12
        day = 1 + (index * 3) % 28
        kind = KINDS[index % len(KINDS)]
        # One annual report per base and year, as the programme asks; a second would be an error.
        if kind == "report":
            if (base, year) in reported:
                kind = "practice"
            else:
                reported.add((base, year))
        links = [f"../{written[j][0]}/{written[j][1]}.md" for j in rng.sample(range(len(written)), min(2, len(written)))] if written else []
        models = sorted(rng.sample(MODELS, rng.randint(1, 2)))
        folder = os.path.join(output, "bases", base)
        os.makedirs(folder, exist_ok=True)
        title = f"{rng.choice(PHRASES)}：{rng.choice(VERBS)}{rng.choice(PHRASES)}（{index + 1}）"
        front = [f"title: \"{title}\"", f"date: {year}-{month:02d}-{day:02d}", f"kind: {kind}"]
        if kind == "report":
            front.append(f"year: {year}")
        front.append("models: [" + ", ".join(models) + "]")
        front.append(f"summary: \"{sentence(rng)}\"")
        image = "../../assets/" + rng.choice(images)
        text = "---\n" + "\n".join(front) + "\n---\n\n" + (vocabulary.body(rng, links, image) if vocabulary else body(rng, links, image))
        with open(os.path.join(folder, slug + ".md"), "w", encoding="utf-8") as handle:
            handle.write(text)
        written.append((base, slug))
    os.makedirs(os.path.join(output, "bulletins"), exist_ok=True)
    per_year = {}
    issues = []
    for start in range(0, len(written), 50):
        items = written[start:start + 5]
        year = 2020 + (start // 50) % 5
        per_year[year] = per_year.get(year, 0) + 1
        issues.append((year, per_year[year], start, items))
    # 总第N期 is written in each bulletin, running over the years in order.
    for serial, (year, number, start, items) in enumerate(sorted(issues, key=lambda issue: issue[:2]), start=1):
        lines = ["---", f"title: \"家庭教育工作简报（{start // 50 + 1}）\"", f"year: {year}", f"number: {number}", f"serial: {serial}",
                 f"date: {year}-{1 + number % 12:02d}", "items:"] + [f"  - {b}/{s}" for b, s in items] + ["---", "", "**编者按**：" + sentence(rng), ""]
        with open(os.path.join(output, "bulletins", f"{year}-{number}.md"), "w", encoding="utf-8") as handle:
            handle.write("\n".join(lines))
    print(f"wrote {count} write-ups and {sum(per_year.values())} bulletins into {output}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--rich", action="store_true", help="bodies of a large mixed Chinese and English vocabulary")
    parser.add_argument("count", type=int)
    parser.add_argument("output")
    parser.add_argument("project", nargs="?", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "../.."))
    arguments = parser.parse_args()
    main(arguments.count, arguments.output, arguments.project, arguments.rich)
