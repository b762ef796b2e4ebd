"""The PDF of every bulletin, as `bulletin build` makes it with WeasyPrint from the print stylesheet,
checked with poppler's tools on a copy of the project's content with one more bulletin of three
items (one with photos): A4 pages (pdfinfo), every font embedded (pdffonts), the masthead, 第N期
and every item's title in the text (pdftotext), page numbers, the print versions of the photos
(pdfimages), and the bulletin page's link with the PDF's type and size. Then: a build in which no
bulletin changed renders no PDF and publishes the same bytes, as does one made without the cache; an edit of an item renders that
bulletin's PDF alone; without a renderer the build says so once and publishes no PDF, and `--pdf`
fails. Writes page 1 of the bulletin as a PNG into the folder given.
Usage: pdf_check.py BULLETIN_BINARY PROJECT_FOLDER SCREENSHOT_FOLDER. Exits 1 on any failure."""
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

from pages import Failures, run_bulletin

fail = Failures()

THREE_ITEMS = """---
title: 示例：三篇稿件的简报
year: 2021
number: 2
date: 2021-06
example: true
items:
  - wanzhou-shahe-primary/example-practice
  - bishan-xiguan-village/example-event
  - wanzhou-shahe-primary/example-photos
distribution:
  报: 市妇联、市教委
---

本期为格式示例，收录三篇示例稿件，用于检查简报的 PDF 版。参见[本站首页](https://example.org/zt/jiaoyu/)。
"""


def run(binary, work, *arguments, path=None):
    started = time.monotonic()
    done = run_bulletin(binary, work, ["--lang", "en", *arguments], "C.UTF-8", path, timeout=600)
    return done, time.monotonic() - started


def tool(*arguments):
    return subprocess.run(arguments, capture_output=True, text=True, check=True).stdout


def pdfs_made(output):
    """(rendered, unchanged) from `build --verbose`."""
    found = re.search(r"PDFs: (\d+) rendered, (\d+) unchanged", output)
    return (int(found.group(1)), int(found.group(2))) if found else None


def published_pdfs(site):
    return sorted(os.path.relpath(os.path.join(folder, name), site)
                  for folder, _, names in os.walk(site) for name in names if name.endswith(".pdf"))


def check_pdf(path, masthead, titles, issue, photos, link):
    info = tool("pdfinfo", path)
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    size = re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", info)
    if not size or abs(float(size.group(1)) - 595.28) > 1 or abs(float(size.group(2)) - 841.89) > 1:
        fail(f"{path}: not A4: {size and size.group(0)}")
    fonts = tool("pdffonts", path).splitlines()[2:]
    if not fonts:
        fail(f"{path}: no fonts")
    for line in fonts:
        columns = line.split()
        # name, type…, encoding, emb, sub, uni, object, generation
        if columns[-5] != "yes":
            fail(f"{path}: font not embedded: {line}")
    if not any("CJK" in line for line in fonts):
        fail(f"{path}: no Chinese font (Noto CJK) embedded: {fonts}")
    text = tool("pdftotext", "-layout", path, "-")
    flat = re.sub(r"\s+", "", text)
    for expected in [masthead, issue] + titles:
        if re.sub(r"\s+", "", expected) not in flat:
            fail(f"{path}: '{expected}' is not in its text")
    numbers = re.findall(r"—\s*(\d+)\s*—", text)
    if numbers != [str(n) for n in range(1, pages + 1)]:
        fail(f"{path}: page numbers {numbers}, expected 1 to {pages}")
    if "导航" in text or "跳到正文" in text or "适老化" in text:
        fail(f"{path}: navigation or the toolbar is printed")
    if link and f"（{link}）" not in flat:
        fail(f"{path}: a link's address is not printed after its text")
    if photos:
        images = tool("pdfimages", "-list", path).splitlines()[2:]
        widths = [int(line.split()[3]) for line in images]
        if len(widths) < photos or min(widths, default=0) < 1000:
            fail(f"{path}: expected {photos} photos in their print version (>= 1000 px wide), found widths {widths}")
    return pages


def main(binary, project, shots):
    work = tempfile.mkdtemp(prefix="bulletin-pdf-check-")
    try:
        shutil.copytree(os.path.join(project, "Content"), os.path.join(work, "Content"))
        shutil.copytree(os.path.join(project, "Templates"), os.path.join(work, "Templates"))
        with open(os.path.join(work, "Content/bulletins/2021-2.md"), "w", encoding="utf-8") as handle:
            handle.write(THREE_ITEMS)
        site = os.path.join(work, "Public")

        built, seconds = run(binary, work, "build", "--pdf", "--verbose", "--as-of", "2023-06-01")
        if built.returncode != 0:
            fail(f"build --pdf failed: {built.stdout} {built.stderr}")
            return
        stage = re.search(r"^\s*pdf: (\d+) ms", built.stdout, re.M)
        print(f"pdf check: cold build with 2 bulletins in {seconds:.1f} s; PDF stage {stage.group(1) if stage else '?'} ms "
              f"(both bulletins side by side); {pdfs_made(built.stdout)} (rendered, unchanged)")
        if pdfs_made(built.stdout) != (2, 0):
            fail(f"the cold build should render 2 PDFs: {built.stdout}")
        expected = ["bulletins/2021/1/jianbao-2021-1.pdf", "bulletins/2021/2/jianbao-2021-2.pdf"]
        if published_pdfs(site) != expected:
            fail(f"published PDFs {published_pdfs(site)}, expected {expected}")
            return

        titles = {"bulletins/2021/1/jianbao-2021-1.pdf": ["示例：特色做法稿件的写法", "示例：活动稿件的写法"],
                  "bulletins/2021/2/jianbao-2021-2.pdf": ["示例：特色做法稿件的写法", "示例：活动稿件的写法", "示例：配有照片的稿件的写法"]}
        for pdf, item_titles in titles.items():
            pages = check_pdf(os.path.join(site, pdf), "重庆市家庭教育创新实践基地工作简报", item_titles,
                              "第" + pdf.split("/")[2] + "期", photos=3 if pdf.endswith("2.pdf") else 0,
                              link="https://example.org/zt/jiaoyu/" if pdf.endswith("2.pdf") else None)
            size = os.path.getsize(os.path.join(site, pdf))
            label = f"{(size + 1023) // 1024}KB" if size < 1048576 else f"{round(size * 10 / 1048576) / 10}MB"
            page = open(os.path.join(site, os.path.dirname(pdf), "index.html"), encoding="utf-8").read()
            link = f'<a href="{os.path.basename(pdf)}">'
            if link not in page or f"（PDF，{label}）" not in page:
                fail(f"{pdf}: its bulletin page does not link it with （PDF，{label}）")
            print(f"pdf check: {pdf}: {pages} pages, {size} bytes")

        os.makedirs(shots, exist_ok=True)
        subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile",
                        os.path.join(site, expected[1]), os.path.join(shots, "bulletin-pdf-1")], check=True)

        before = {pdf: open(os.path.join(site, pdf), "rb").read() for pdf in expected}
        with open(os.path.join(work, "Content/bases/xiushan-library/example-report.md"), "a", encoding="utf-8") as handle:
            handle.write("\n本段为检查而加。\n")
        again, _ = run(binary, work, "build", "--pdf", "--verbose", "--as-of", "2023-06-01")
        if again.returncode != 0 or pdfs_made(again.stdout) != (0, 2):
            fail(f"a build where no bulletin changed should render no PDF: {pdfs_made(again.stdout)} {again.stderr}")
        if any(open(os.path.join(site, pdf), "rb").read() != data for pdf, data in before.items()):
            fail("a build where no bulletin changed published other PDF bytes")

        # Made again from nothing: the same bytes (two builds of the same input are identical).
        shutil.rmtree(os.path.join(work, ".Public.pdf"))
        with open(os.path.join(work, "Content/bases/xiushan-library/example-report.md"), "a", encoding="utf-8") as handle:
            handle.write("\n本段也为检查而加。\n")
        remade, _ = run(binary, work, "build", "--pdf", "--verbose", "--as-of", "2023-06-01")
        if remade.returncode != 0 or pdfs_made(remade.stdout) != (2, 0):
            fail(f"the PDFs were not made again without their cache: {pdfs_made(remade.stdout)} {remade.stderr}")
        changed = [pdf for pdf, data in before.items() if open(os.path.join(site, pdf), "rb").read() != data]
        if changed:
            fail(f"PDFs made again from the same input differ: {changed}")

        with open(os.path.join(work, "Content/bases/wanzhou-shahe-primary/example-photos.md"), "a", encoding="utf-8") as handle:
            handle.write("\n本段为检查而加。\n")
        edited, _ = run(binary, work, "build", "--pdf", "--verbose", "--as-of", "2023-06-01")
        if edited.returncode != 0 or pdfs_made(edited.stdout) != (1, 1):
            fail(f"an edit of an item of one bulletin should render that PDF alone: {pdfs_made(edited.stdout)} {edited.stderr}")
        elif "本段为检查而加" not in tool("pdftotext", os.path.join(site, expected[1]), "-").replace("\n", ""):
            fail("the edited item is not in the PDF made again")

        # No renderer on the PATH: one warning, no PDF, no link; --pdf fails and leaves the site.
        bare = tempfile.mkdtemp(prefix="bulletin-no-renderer-")
        without, _ = run(binary, work, "build", "--output", "Bare", "--as-of", "2023-06-01", path=bare)
        warnings = without.stderr.count("no PDF renderer is installed")
        if without.returncode != 0 or warnings != 1:
            fail(f"without a renderer the build should go on and say so once: exit {without.returncode}, said {warnings} times: {without.stderr}")
        if published_pdfs(os.path.join(work, "Bare")):
            fail("without a renderer PDFs were published")
        if "jianbao-" in open(os.path.join(work, "Bare/bulletins/2021/1/index.html"), encoding="utf-8").read():
            fail("without a renderer the bulletin page links a PDF")
        forced, _ = run(binary, work, "build", "--pdf", "--output", "Forced", "--as-of", "2023-06-01", path=bare)
        if forced.returncode != 1 or "--pdf asks for the PDF of every bulletin" not in forced.stderr \
                or os.path.exists(os.path.join(work, "Forced")):
            fail(f"--pdf without a renderer should fail and write nothing: exit {forced.returncode} {forced.stderr}")
        os.rmdir(bare)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main(*sys.argv[1:4])
    print(f"pdf check: {fail.count} failures")
    sys.exit(1 if fail.count else 0)
