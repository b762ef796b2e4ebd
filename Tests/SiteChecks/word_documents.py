"""Word documents as district offices write them, made with python-docx for the import check.

Nothing here uses Word's heading styles: the title is a centred 方正小标宋 paragraph, headings are
paragraphs in 黑体 / 楷体 / bold 仿宋 with their numbers typed by hand (一、 （一） 1. （1）), body
paragraphs are 仿宋 indented with full-width spaces or a first-line indent, some lines end in
manual line breaks, empty paragraphs space things out, and a date line closes the document.
python-docx has no footnote API, so the footnote part is written as XML and related to the
document as Word does it.
"""

import io
import random

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from PIL import Image, ImageDraw

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def photo_bytes(seed, width=1600, height=1200):
    """A JPEG like a phone photo: shapes and noise, so that it compresses as a photo does."""
    rng = random.Random(seed)
    image = Image.new("RGB", (width, height), (rng.randrange(256), rng.randrange(256), rng.randrange(256)))
    draw = ImageDraw.Draw(image)
    for _ in range(60):
        x, y = rng.randrange(width), rng.randrange(height)
        draw.ellipse((x, y, x + rng.randrange(40, 400), y + rng.randrange(40, 400)),
                     fill=(rng.randrange(256), rng.randrange(256), rng.randrange(256)))
    noise = Image.effect_noise((width, height), 40).convert("RGB")
    image = Image.blend(image, noise, 0.15)
    out = io.BytesIO()
    image.save(out, "JPEG", quality=88)
    return out.getvalue()


def set_font(run, name, size=None, bold=False):
    run.font.name = name
    run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), name)
    if size:
        run.font.size = Pt(size)
    run.bold = bold or None


def paragraph(document, text, font="仿宋_GB2312", size=16, bold=False, indent=True, align=None):
    p = document.add_paragraph()
    if indent:
        p.paragraph_format.first_line_indent = Pt(size * 2)
    if align:
        p.alignment = align
    set_font(p.add_run(text), font, size, bold)
    return p


class Footnotes:
    """The footnotes part, made the way Word lays it out: two separators, then the notes."""

    def __init__(self, document):
        self.document = document
        self.notes = []

    def add(self, p, text):
        number = len(self.notes) + 1
        self.notes.append(text)
        run = p.add_run()
        run._element.append(parse_xml(
            f'<w:rPr xmlns:w="{W}"><w:vertAlign w:val="superscript"/></w:rPr>'))
        run._element.append(parse_xml(f'<w:footnoteReference xmlns:w="{W}" w:id="{number}"/>'))

    def attach(self):
        notes = "".join(
            f'<w:footnote w:id="{i}"><w:p><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
            f'<w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> {text}</w:t></w:r></w:p></w:footnote>'
            for i, text in enumerate(self.notes, start=1))
        xml = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:footnotes xmlns:w="{W}">'
               '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
               '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>'
               f'{notes}</w:footnotes>')
        part = Part(PackURI("/word/footnotes.xml"),
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml",
                    xml.encode("utf-8"), self.document.part.package)
        self.document.part.relate_to(part, RT.FOOTNOTES)


def activity_table(document, rows):
    table = document.add_table(rows=1, cols=4)
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, ["序号", "活动名称", "时间", "参加人数"]):
        set_font(cell.paragraphs[0].add_run(text), "黑体", 12)
    for row in rows:
        cells = table.add_row().cells
        for cell, text in zip(cells, row):
            set_font(cell.paragraphs[0].add_run(text), "仿宋_GB2312", 12)
    return table


def class_table(document):
    """A table as offices draw them: a title row across it, a cell merged down, a cell of two paragraphs."""
    table = document.add_table(rows=4, cols=3)
    table.style = "Table Grid"
    title = table.cell(0, 0).merge(table.cell(0, 2))
    set_font(title.paragraphs[0].add_run("各年级家长学校开课情况"), "黑体", 12)
    for cell, text in zip(table.rows[1].cells, ["年级", "课程", "授课教师"]):
        set_font(cell.paragraphs[0].add_run(text), "黑体", 12)
    grade = table.cell(2, 0).merge(table.cell(3, 0))
    set_font(grade.paragraphs[0].add_run("低年级"), "仿宋_GB2312", 12)
    set_font(table.cell(2, 1).paragraphs[0].add_run("习惯养成"), "仿宋_GB2312", 12)
    set_font(table.cell(2, 1).add_paragraph().add_run("亲子共读"), "仿宋_GB2312", 12)
    set_font(table.cell(2, 2).paragraphs[0].add_run("王老师"), "仿宋_GB2312", 12)
    set_font(table.cell(3, 1).paragraphs[0].add_run("劳动教育"), "仿宋_GB2312", 12)
    set_font(table.cell(3, 2).paragraphs[0].add_run("李老师"), "仿宋_GB2312", 12)


def add_photo(document, seed, caption, size):
    p = document.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.add_run().add_picture(io.BytesIO(photo_bytes(seed, *size)), width=Cm(14))
    paragraph(document, caption, font="楷体_GB2312", size=14, indent=False, align=WD_ALIGN_PARAGRAPH.CENTER)


def district_report(path, title="沙河小学2023年家庭教育工作总结", sections=1, photos=2, date="2023年5月12日",
                    photo_size=(1600, 1200)):
    """A write-up as a district office sends it. `sections` repeats the body (each about three
    pages), `photos` (of `photo_size` pixels) are spread through it."""
    document = Document()
    section = document.sections[0]
    section.top_margin, section.bottom_margin = Cm(3.7), Cm(3.5)
    section.left_margin, section.right_margin = Cm(2.8), Cm(2.6)
    footnotes = Footnotes(document)

    paragraph(document, title, font="方正小标宋简体", size=22, indent=False, align=WD_ALIGN_PARAGRAPH.CENTER)
    document.add_paragraph()
    intro = paragraph(document, "", indent=False)
    set_font(intro.add_run("\u3000\u3000为深入贯彻落实《中华人民共和国家庭教育促进法》"), "仿宋_GB2312", 16)
    footnotes.add(intro, "《中华人民共和国家庭教育促进法》自2022年1月1日起施行。")
    set_font(intro.add_run("，我校坚持家校社协同育人，现将有关工作总结如下。"), "仿宋_GB2312", 16)
    document.add_paragraph()

    photo_seeds = iter(range(photos))
    numbers = "一二三四五六七八九十"
    for index in range(sections):
        n = numbers[(index * 2) % 10]
        m = numbers[(index * 2 + 1) % 10]
        paragraph(document, f"{n}、基本情况", font="黑体", indent=True)
        paragraph(document, "（一）组织领导", font="楷体_GB2312")
        p = paragraph(document, "")
        set_font(p.add_run("学校成立家庭教育工作领导小组，校长任组长，"), "仿宋_GB2312", 16)
        p.add_run().add_break()
        set_font(p.add_run("分管副校长任副组长，各年级组长、班主任为成员。"), "仿宋_GB2312", 16)
        paragraph(document, "（二）队伍建设", font="楷体_GB2312")
        paragraph(document, "\u3000\u3000组建由骨干教师、心理健康教师和家长志愿者组成的指导团队，每学期开展培训两次。"
                  "全年共培训指导教师86人次，覆盖全校各班级。", indent=False)
        for _ in range(6):
            paragraph(document, "学校坚持把家庭教育指导纳入学校工作计划，做到有计划、有制度、有活动、有记录。"
                      "各班级通过家长会、家访、线上交流等方式，帮助家长树立科学的家庭教育理念，"
                      "掌握正确的家庭教育方法，形成家校共育的良好局面。")
        seed = next(photo_seeds, None)
        if seed is not None:
            add_photo(document, 100 * index + seed, f"图{seed + 1}　家长开放日活动现场", photo_size)
        paragraph(document, f"{m}、主要做法", font="黑体")
        paragraph(document, "（一）办好家长学校", font="楷体_GB2312")
        paragraph(document, "1．分层开设课程", bold=True)
        paragraph(document, "按照低、中、高三个学段分别开设家长课程，（1）低年级重习惯养成，（2）中年级重学习方法，"
                  "（3）高年级重青春期教育。")
        class_table(document)
        paragraph(document, "2．创新授课方式", bold=True)
        paragraph(document, "1. 线上线下结合，每月一次专题讲座。")
        paragraph(document, "2. 邀请优秀家长分享育儿经验。")
        document.add_paragraph("\u3000\u3000")
        paragraph(document, "（二）开展亲子实践活动", font="楷体_GB2312")
        paragraph(document, "全年开展的主要活动见下表。")
        activity_table(document, [("1", "家长开放日", "3月", "320"), ("2", "亲子阅读节", "4月", "450"),
                                  ("3", "劳动实践周", "5月", "600")])
        document.add_paragraph()
        for _ in range(6):
            paragraph(document, "活动坚持以学生为中心，注重家长参与和体验，"
                      "让家长在活动中了解孩子、理解教育，增进亲子关系，促进学生全面发展。")
        seed = next(photo_seeds, None)
        if seed is not None:
            add_photo(document, 100 * index + seed, f"图{seed + 1}　亲子阅读节", photo_size)
    for seed in photo_seeds:
        add_photo(document, 1000 + seed, f"图{seed + 1}　活动剪影", photo_size)

    document.add_paragraph()
    paragraph(document, "万州区沙河小学", indent=False, align=WD_ALIGN_PARAGRAPH.RIGHT)
    if date:
        paragraph(document, date, indent=False, align=WD_ALIGN_PARAGRAPH.RIGHT)
    footnotes.attach()
    document.save(path)


def photo_table(path):
    """Photos as offices lay them out: two side by side in a table, their captions in the row below."""
    document = Document()
    paragraph(document, "亲子运动会", font="方正小标宋简体", size=22, indent=False, align=WD_ALIGN_PARAGRAPH.CENTER)
    paragraph(document, "学校举办亲子运动会，三百余个家庭参加。")
    table = document.add_table(rows=2, cols=2)
    for column, caption in enumerate(["图1　亲子接力跑", "图2　家长志愿者"]):
        table.cell(0, column).paragraphs[0].add_run().add_picture(io.BytesIO(photo_bytes(50 + column)), width=Cm(7))
        set_font(table.cell(1, column).paragraphs[0].add_run(caption), "楷体_GB2312", 12)
    paragraph(document, "2023年5月20日", indent=False, align=WD_ALIGN_PARAGRAPH.RIGHT)
    document.save(path)


def styled_document(path):
    """A document written with Word's own styles: 标题 (Title), 标题 1 and 标题 2, one of them numbered by hand."""
    document = Document()
    document.add_heading("中华路小学家长课堂纪实", 0)
    document.add_heading("一、活动背景", 1)
    document.add_paragraph("学校每月开设一次家长课堂。")
    document.add_heading("课堂实录", 2)
    document.add_paragraph("家长们围绕习惯养成展开讨论。")
    document.add_paragraph("2023年4月1日")
    document.save(path)


if __name__ == "__main__":
    import sys
    district_report(sys.argv[1], sections=int(sys.argv[2]) if len(sys.argv) > 2 else 1,
                    photos=int(sys.argv[3]) if len(sys.argv) > 3 else 2)
