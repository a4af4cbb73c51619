"""The DOCX read back with python-docx: text in order, no typed numbers, page, footers, props."""

from __future__ import annotations

import datetime as _dt
import io
import re

import docx
import pytest
from docx.shared import Mm

from reportgen import model
from reportgen.fontset import FontRegistry
from reportgen.reader.report import read_report
from reportgen.template import load_template
from reportgen.writers.docx import write
from reportgen.writers.options import WriteOptions
from tests.conftest import DATA
from tests.writers.docx import samples
from tests.writers.docx.parts import NS, names, part, read, w

TYPED_NUMBER = re.compile(r"^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十\d]+）|\d+[.．、]|"
                          r"[①-⑳])")


def texts(path) -> list[str]:
    """Every paragraph's text, body and table cells, in document order."""
    body = part(path, "word/document.xml").find("w:body", NS)
    return ["".join(t.text or "" for t in p.iter(w("t")))
            for p in body.iter(w("p"))]


def expected_texts(document: model.Document) -> list[str]:
    """The text the model says each paragraph carries, in reading order."""
    out: list[str] = []
    for block in document.walk():
        if isinstance(block, (model.Section, model.PlanItem)):
            out.append(block.title + (block.run_in or ""))
        elif isinstance(block, (model.Paragraph, model.Label, model.DocumentNumber,
                                model.Addressee, model.Note)):
            out.append(block.text)
        elif isinstance(block, (model.Title, model.ClosingLines)):
            out.extend(block.lines)
    return out


def test_all_text_of_the_report_is_present_in_order(example, example_docx):
    found = texts(example_docx)
    at = 0
    for text in expected_texts(example):
        assert text in found[at:], f"missing or out of order: {text}"
        at = found.index(text, at) + 1
    assert len(found) == len(expected_texts(example))


def test_no_number_is_typed_into_a_heading_or_plan_point(example_docx):
    typed = [t for t in texts(example_docx) if TYPED_NUMBER.match(t)]
    assert typed == []


def test_headings_and_plan_points_are_numbered_paragraphs(example, example_docx):
    document = docx.Document(str(example_docx))
    by_text = {p.text: p for p in document.paragraphs}
    for block in example.walk():
        if isinstance(block, (model.Section, model.PlanItem)):
            paragraph = by_text[block.title]
            style_num = paragraph.style.element.find("w:pPr/w:numPr", NS)
            direct_num = paragraph._p.find("w:pPr/w:numPr", NS)
            assert style_num is not None or direct_num is not None, block.title


def test_every_style_in_use_names_an_east_asian_face_and_chinese(example_docx):
    document = docx.Document(str(example_docx))
    used = {p.style.style_id for p in document.paragraphs}
    used |= {p.style.style_id for t in document.tables for r in t.rows for c in r.cells
             for p in c.paragraphs}
    styles = part(example_docx, "word/styles.xml")
    defaults = styles.find("w:docDefaults/w:rPrDefault/w:rPr", NS)
    assert defaults.find("w:rFonts", NS).get(w("eastAsia"))
    assert defaults.find("w:lang", NS).get(w("eastAsia")) == "zh-CN"
    for style_id in used:
        style = styles.find(f"w:style[@w:styleId='{style_id}']", NS)
        while style.find("w:rPr", NS) is None:  # a numbered style takes its base's faces
            based_on = style.find("w:basedOn", NS).get(w("val"))
            style = styles.find(f"w:style[@w:styleId='{based_on}']", NS)
        fonts = style.find("w:rPr/w:rFonts", NS)
        assert fonts is not None and fonts.get(w("eastAsia")), style_id
        assert fonts.get(w("ascii")) == fonts.get(w("eastAsia"))
        assert style.find("w:rPr/w:lang", NS).get(w("eastAsia")) == "zh-CN"
    assert not styles.xpath("//w:rFonts[@w:eastAsiaTheme or @w:asciiTheme]", namespaces=NS)


def test_runs_carry_no_direct_formatting_but_the_text_after_run_in_headings(tmp_path):
    path = samples.write_docx(samples.notice(), tmp_path / "notice.docx")
    body = part(path, "word/document.xml").find("w:body", NS)
    styled = [r_pr.find("w:rStyle", NS).get(w("val")) for r_pr in body.iter(w("rPr"))]
    assert styled == ["RunInText", "RunInText"]


def test_the_page_is_a4_with_gbt_9704_margins_and_a_22_line_grid(example_docx):
    section = docx.Document(str(example_docx)).sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    margins = (section.top_margin, section.bottom_margin, section.left_margin,
               section.right_margin)
    assert [round(m.mm, 1) for m in margins] == [37.0, 35.0, 28.0, 26.0]
    grid = section._sectPr.find("w:docGrid", NS)
    assert (grid.get(w("type")), grid.get(w("linePitch")), grid.get(w("charSpace"))) == \
        ("linesAndChars", "579", "-849")
    assert 22 * 579 <= Mm(225).twips


def test_footers_hold_a_page_field_outside_on_odd_and_even_pages(example_docx):
    document = docx.Document(str(example_docx))
    assert document.settings.odd_and_even_pages_header_footer
    section = document.sections[0]
    for footer, style, align in ((section.footer, "FooterOdd", "right"),
                                 (section.even_page_footer, "FooterEven", "left")):
        (paragraph,) = footer.paragraphs
        assert paragraph.style.style_id == style
        assert paragraph.style.paragraph_format.alignment.name.lower() == align
        instructions = [t.text.strip() for t in paragraph._p.iter(w("instrText"))]
        assert instructions == ["PAGE"]
        kinds = [f.get(w("fldCharType")) for f in paragraph._p.iter(w("fldChar"))]
        assert kinds == ["begin", "separate", "end"]
        assert paragraph.text == "— 1 —"
        size = paragraph.style.base_style.font.size
        assert size.pt == 14


def test_core_properties_come_from_the_metadata(example, example_docx):
    props = docx.Document(str(example_docx)).core_properties
    assert props.title == example.metadata.title
    assert props.author == "柳州市图书馆"
    assert props.subject == example.metadata.subject
    assert props.keywords == "工作总结, 工作计划, 公共图书馆, 全民阅读"
    assert props.language == "zh-CN"
    assert props.created == _dt.datetime(2026, 1, 26, tzinfo=_dt.UTC)
    assert "python-docx" not in (props.comments + props.author + props.last_modified_by)


def test_default_template_leftovers_are_gone(example_docx):
    settings = part(example_docx, "word/settings.xml")
    assert settings.find("w:themeFontLang", NS).get(w("eastAsia")) == "zh-CN"
    defaults = part(example_docx, "word/styles.xml").find("w:docDefaults", NS)
    spacing = defaults.find("w:pPrDefault/w:pPr/w:spacing", NS)
    assert (spacing.get(w("line")), spacing.get(w("lineRule")), spacing.get(w("after"))) == \
        ("579", "exact", "0")
    assert defaults.find("w:rPrDefault/w:rPr/w:sz", NS).get(w("val")) == "32"
    assert not {"docProps/thumbnail.jpeg", "word/stylesWithEffects.xml",
                "customXml/item1.xml"} & set(names(example_docx))
    assert b"python-docx" not in read(example_docx, "docProps/core.xml")
    assert b"reportgen" in read(example_docx, "docProps/app.xml")
    assert not any(f.get(w("name")) in ("ＭＳ 明朝", "Cambria")
                   for f in part(example_docx, "word/fontTable.xml"))


def test_standard_profile_names_office_faces_and_embeds_nothing(example_docx):
    fonts = part(example_docx, "word/fontTable.xml")
    by_name = {f.get(w("name")): f for f in fonts}
    assert list(by_name)[0] == "仿宋_GB2312"
    assert by_name["仿宋_GB2312"].find("w:altName", NS).get(w("val")) == "仿宋"
    assert {"黑体", "楷体_GB2312", "方正小标宋简体"} <= set(by_name)
    assert not fonts.xpath("//w:embedRegular", namespaces=NS)
    assert not any(n.startswith("word/fonts/") for n in names(example_docx))


def test_reproducible_output_is_byte_for_byte_the_same(example):
    def build() -> bytes:
        out = io.BytesIO()
        write(example, WriteOptions(fonts=FontRegistry(), reproducible=True), out)
        return out.getvalue()

    assert build() == build()


def test_without_reproducible_the_modified_time_is_now(example):
    out = io.BytesIO()
    write(example, WriteOptions(fonts=FontRegistry()), out)
    props = docx.Document(out).core_properties
    assert props.modified.date() >= _dt.date.today() - _dt.timedelta(days=1)
    assert props.created == _dt.datetime(2026, 1, 26, tzinfo=_dt.UTC)


def test_title_lines_are_paragraphs_of_the_title_style(tmp_path):
    path = samples.write_docx(samples.notice(), tmp_path / "notice.docx")
    document = docx.Document(str(path))
    titles = [p.text for p in document.paragraphs if p.style.style_id == "Title"]
    assert titles == ["关于做好2026年春节期间", "安全工作的通知"]


@pytest.mark.parametrize(("style", "text"), [
    ("DocLabel", "会议材料之三"),
    ("DocNumber", "柳图发〔2026〕3号"),
    ("Addressee", "各部门："),
    ("Attachment", "附件：1.春节期间值班安排表"),
    ("AttachmentContinued", "2.安全检查记录表，名称较长需要回行时与上一行附件名称的首字对齐"),
    ("Signature", "柳州市图书馆"),
    ("Date", "2026年2月3日"),
    ("Note", "（联系人：张三，电话：0772-1234567）"),
    ("Imprint", "抄送：市文化广电和旅游局。"),
    ("Imprint", "柳州市图书馆办公室\t2026年2月3日印发"),
    ("Caption", "表1 安全检查情况"),
])
def test_each_block_of_a_notice_has_its_role_style(tmp_path, style, text):
    path = samples.write_docx(samples.notice(), tmp_path / "notice.docx")
    paragraphs = docx.Document(str(path)).paragraphs
    assert any(p.style.style_id == style and p.text == text for p in paragraphs)


def test_a_run_in_section_is_a_heading_paragraph_whose_text_is_in_the_body_face(tmp_path):
    path = samples.write_docx(samples.notice(), tmp_path / "notice.docx")
    document = docx.Document(str(path))
    (paragraph,) = [p for p in document.paragraphs if p.text.startswith("压实责任")]
    assert paragraph.style.style_id == "Heading1"  # numbered by its style, Enter gives 正文
    assert paragraph.style.element.find("w:next", NS).get(w("val")) == "Normal"
    assert paragraph.text == "压实责任。各部门负责人是本部门安全工作第一责任人。"
    heading, text = paragraph.runs
    assert heading.style.style_id == "DefaultParagraphFont"  # the heading style's face
    assert text.style.style_id == "RunInText"  # typing at its end goes on in the body face
    assert paragraph._p.find("w:pPr/w:numPr", NS) is None
    # laid out as the body is: it does not keep with the paragraph after it
    assert paragraph._p.find("w:pPr/w:keepNext", NS).get(w("val")) == "0"
    again = [p for p in document.paragraphs if p.text.startswith("加强巡查")][0]
    assert again.text.startswith("加强巡查。节假日")


def test_a_table_is_a_word_table_with_a_repeating_header_row(tmp_path):
    path = samples.write_docx(samples.notice(), tmp_path / "notice.docx")
    document = docx.Document(str(path))
    (table,) = document.tables
    assert table.style.style_id == "ReportTable"
    assert [c.text for c in table.rows[0].cells] == ["项目", "数量", "备注"]
    assert table.rows[0]._tr.find("w:trPr/w:tblHeader", NS) is not None
    assert table.rows[1]._tr.find("w:trPr/w:tblHeader", NS) is None
    cells = table.rows[1].cells
    assert cells[0].paragraphs[0].style.style_id == "TableText"
    assert table.rows[0].cells[0].paragraphs[0].style.style_id == "TableHeader"
    jc = [c.paragraphs[0].alignment for c in cells]
    assert [a.name.lower() if a is not None else None for a in jc] == [None, "right", "center"]
    borders = table.style.element.find("w:tblPr/w:tblBorders", NS)
    assert {b.tag.split("}")[1] for b in borders} >= {"top", "bottom", "insideH", "insideV"}


def test_a_single_attachment_has_no_number(tmp_path):
    document = samples.notice()
    blocks = tuple(model.Attachments(("春节期间值班安排表",))
                   if isinstance(b, model.Attachments) else b for b in document.blocks)
    path = samples.write_docx(model.Document(document.metadata, document.template, blocks),
                              tmp_path / "one.docx")
    attachments = [p.text for p in docx.Document(str(path)).paragraphs
                   if p.style.style_id.startswith("Attachment")]
    assert attachments == ["附件：春节期间值班安排表"]


def test_a_long_title_gets_the_pdfs_balanced_line_break(tmp_path):
    # Word and LibreOffice would fill the first line and leave 的意见 alone on the second.
    handout = read_report(DATA / "wenhuaguan-safety-handout.yaml")
    out = io.BytesIO()
    write(handout, WriteOptions(fonts=FontRegistry()), out)
    titles = [p.text for p in docx.Document(out).paragraphs if p.style.style_id == "Title"]
    assert titles == ["关于做好2026年春季\n文化场馆安全生产工作的意见"]


def test_headings_and_plan_points_keep_as_reportgen_keeps_says(tmp_path):
    # plan points with nothing under them are a list: they keep with nothing, though 计划条目
    # keeps with the next paragraph when a point has text under it
    path = samples.write_docx(samples.twelve_point_plan(), tmp_path / "plan.docx")
    document = docx.Document(str(path))
    points = [p for p in document.paragraphs if p.style.style_id == "PlanItem"]
    assert points[0].style.element.find("w:pPr/w:keepNext", NS) is not None
    assert {p._p.find("w:pPr/w:keepNext", NS).get(w("val")) for p in points} == {"0"}
    heading = next(p for p in document.paragraphs if p.style.style_id == "Heading1")
    assert heading._p.find("w:pPr/w:keepNext", NS) is None  # its style's keep: it has a plan


def test_a_title_longer_than_a_core_property_holds_still_builds(tmp_path):
    from reportgen.build import font_registry, render
    from reportgen.reader.report import read_report
    from reportgen.writers.options import WriteOptions

    report = tmp_path / "long.yaml"
    report.write_text("title: [" + ", ".join(["很长的标题" * 20] * 3) + "]\nbody:\n  - 正文。\n",
                      encoding="utf-8")
    data = render("docx", read_report(report), WriteOptions(fonts=font_registry(())))
    import io

    import docx as python_docx

    document = python_docx.Document(io.BytesIO(data))
    assert len(document.core_properties.title) == 255
    assert document.paragraphs[0].text.replace("\n", "").startswith("很长的标题" * 20)


def test_the_text_before_the_attachment_list_keeps_with_it_even_a_bare_heading(tmp_path):
    """A heading with nothing under it keeps with nothing (keepNext off), unless the 附件说明
    follows it: then it keeps with the attachment list, which keeps with the 落款."""
    items = tuple(samples.section(2, n, f"第{n}项工作") for n in (1, 2, 3))
    document = model.Document(samples.metadata("通知"), load_template("notice"), (
        samples.section(1, 1, "工作要求", items),
        model.Attachments(("值班安排表", "检查记录表")),
        model.Signature(("柳州市图书馆",), "2026年2月3日"),
    ))
    path = samples.write_docx(document, tmp_path / "closing.docx")
    paragraphs = docx.Document(str(path)).paragraphs
    keeps = {p.text: p._p.find("w:pPr/w:keepNext", NS) for p in paragraphs}
    assert [keeps[f"第{n}项工作"].get(w("val")) for n in (1, 2)] == ["0", "0"]
    last = keeps["第3项工作"]
    assert last is not None and last.get(w("val")) is None
    assert keeps["附件：1.值班安排表"] is not None
