"""A new editor's mistakes, checked with a Chinese locale: on a copy of the project's content, a
write-up made by `bulletin new` and left unwritten, a full-width colon typed by a Chinese input
method, a zero-width space pasted into a bulletin's item, a bulletin without its 总第N期, a photo
path with spaces, a bulletin item typed as a write-up's title and a list closed with 】. `check` and `build` under LANG=zh_CN.UTF-8 must name each at its file, line and
column, in Chinese, exit 1, and leave the built site byte for byte as it was; `--lang en` gives
the same places in English.
Usage: chinese_editor_check.py BULLETIN_BINARY PROJECT_FOLDER. Exits 1 on any failure."""
import os
import re
import shutil
import sys
import tempfile

from pages import Failures, run_bulletin as run, tree_hash

fail = Failures()


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(text)


def main(binary, project):
    work = tempfile.mkdtemp(prefix="bulletin-chinese-check-")
    try:
        shutil.copytree(os.path.join(project, "Content"), os.path.join(work, "Content"))
        shutil.copytree(os.path.join(project, "Templates"), os.path.join(work, "Templates"))
        first = run(binary, work, ["build", "--as-of", "2023-06-01"], "zh_CN.UTF-8")
        if first.returncode != 0:
            fail(f"the project's content does not build: {first.stderr}")
            return
        published = tree_hash(os.path.join(work, "Public"))

        made = run(binary, work, ["new", "writeup", "--base", "万州区沙河小学", "--kind", "活动", "家长开放日"], "zh_CN.UTF-8")
        if made.returncode != 0 or "jia-zhang-kai-fang-ri.md" not in made.stdout:
            fail(f"new writeup with a Chinese title and base name: {made.returncode} {made.stdout} {made.stderr}")
        expected = {"Content/bases/wanzhou-shahe-primary/jia-zhang-kai-fang-ri.md:12:1"}

        def mistake(path, text, place=None):
            """Writes a content file as an editor would; `place` (line:column) is where check must name its error."""
            write(os.path.join(work, path), text)
            if place:
                expected.add(f"{path}:{place}")

        mistake("Content/bases/xiushan-library/du-shu-zhou.md",
                "---\ntitle: 读书周\ndate: 2023-04-23\nkind: event\nsummary：全馆开放\n---\n\n正文。\n", "5:8")

        mistake("Content/bases/xiushan-library/kai-fang-ri.md",
                "---\ntitle: 开放日\ndate: 2023-05-12\nkind: event\n---\n\n活动现场。\n\n![开放日照片](../../assets/开放日 照片 (1).jpg)\n", "9:1")

        # Chinese titles and lists as an input method types them: quotes inside a title, a list
        # separated by the full-width comma.
        mistake("Content/bases/xiushan-library/shuang-jian.md",
                "---\ntitle: \"双减\"背景下的家校共育\ndate: 2023-04-23\nkind: practice\n---\n\n正文。\n", "2:8")
        mistake("Content/bases/xiushan-library/jia-zhang-ke-tang.md",
                "---\ntitle: 家长课堂\ndate: 2023-04-23\nkind: event\nmodels: [guidance-service，home-school-community]\n---\n\n正文。\n", "5:10")

        mistake("Content/bulletins/2023-1.md",
                "---\ntitle: 第1期\nyear: 2023\nnumber: 1\ndate: 2023-05\nitems:\n  - xiushan-library/du\u200bshu-zhou\n---\n\n编者按。\n", "7:23")
        mistake("Content/bulletins/2023-2.md",
                "---\ntitle: 第2期\nyear: 2023\nnumber: 2\ndate: 2023-06\nitems:\n  - xiushan-library/example-report\n---\n\n编者按。\n", "2:1")

        # A write-up known by its title, a list closed with the input method's bracket, and (a
        # warning, in a file of its own) a photo typed with the input method's punctuation.
        mistake("Content/bulletins/2023-3.md",
                "---\ntitle: 第3期\nyear: 2023\nnumber: 3\nserial: 3\ndate: 2023-06\nitems:\n  - 《示例：年度工作情况报告的写法》\n---\n\n编者按。\n", "8:5")
        mistake("Content/bases/xiushan-library/qin-zi-yue-du.md",
                "---\ntitle: 亲子阅读\ndate: 2023-04-23\nkind: event\nmodels: [guidance-service】\n---\n\n正文。\n", "5:9")
        mistake("Content/bases/xiushan-library/yue-du-zhao-pian.md",
                "---\ntitle: 阅读照片\ndate: 2023-04-23\nkind: event\n---\n\n现场：！[阅读现场]（../../assets/x.jpg）\n")

        for command in (["check", "--as-of", "2023-06-01"], ["build", "--as-of", "2023-06-01"]):
            result = run(binary, work, command, "zh_CN.UTF-8")
            name = " ".join(command[:1])
            if result.returncode != 1:
                fail(f"{name} under a Chinese locale exited {result.returncode}, not 1: {result.stderr}")
            errors = [line for line in result.stderr.splitlines() if re.match(r"^\S+:\d+:\d+: 错误：", line)]
            found = {line.split(": 错误：")[0] for line in errors}
            for place in sorted(expected - found):
                fail(f"{name} under a Chinese locale did not name {place}:\n{result.stderr}")
            for line in errors:
                if not re.search(r"[\u4e00-\u9fff]", line.split("错误：", 1)[1]):
                    fail(f"{name}: an error is not in Chinese: {line}")
            if ": error: " in result.stderr or "hint: " in result.stderr:
                fail(f"{name} under a Chinese locale printed English labels:\n{result.stderr}")
            if "提示：" not in result.stderr:
                fail(f"{name} under a Chinese locale printed no hint:\n{result.stderr}")
            for hint in ("这里应是 guidance-service, home-school-community", "请把其中的引号改为中文引号：title: “双减”背景下的家校共育",
                         "请写成“基地 id/文件名”：'xiushan-library/example-report'", "请在值的末尾补上半角的 ]：models: [guidance-service]",
                         "yue-du-zhao-pian.md:7:4: 警告：！[阅读现场]（../../assets/x.jpg） 像是用全角符号输入的链接或图片"):
                if hint not in result.stderr:
                    fail(f"{name} under a Chinese locale did not say what to write ({hint}):\n{result.stderr}")
        if tree_hash(os.path.join(work, "Public")) != published:
            fail("a failed build changed the published site")

        english = run(binary, work, ["check", "--as-of", "2023-06-01", "--lang", "en"], "zh_CN.UTF-8")
        found = {line.split(": error: ")[0] for line in english.stderr.splitlines() if ": error: " in line}
        if english.returncode != 1 or not expected <= found:
            fail(f"--lang en under a Chinese locale: {english.returncode}\n{english.stderr}")
        print(f"{len(expected)} mistakes named in Chinese by check and build, and in English with --lang en")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
    print(f"chinese editor checks: {fail.count} failures")
    sys.exit(1 if fail.count else 0)
