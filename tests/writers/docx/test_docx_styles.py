"""styles.xml: a complete paragraph style per template role, the defaults every paragraph
inherits, and the character style of the text after a run-in heading."""

from __future__ import annotations

import pytest

from reportgen import model
from reportgen.template import ROLES
from reportgen.writers.docx.styles import (
    PARAGRAPH_STYLES,
    RUN_IN_TEXT,
    attachment_indents,
    signature_indents,
)
from tests.writers.docx import samples
from tests.writers.docx.parts import NS, part, w


@pytest.fixture(scope="module")
def styles(example_docx):
    return part(example_docx, "word/styles.xml")


def style(styles, style_id: str):
    found = styles.find(f"w:style[@w:styleId='{style_id}']", NS)
    assert found is not None, style_id
    return found


def attr(node, path: str, name: str) -> str | None:
    found = node.find(path, NS)
    return None if found is None else found.get(w(name))


@pytest.mark.parametrize("role", ROLES)
def test_every_role_has_a_complete_paragraph_style(styles, role):
    node = style(styles, PARAGRAPH_STYLES[role][0])
    assert node.get(w("type")) == "paragraph"
    assert attr(node, "w:rPr/w:rFonts", "eastAsia")
    assert attr(node, "w:rPr/w:rFonts", "hAnsi") == attr(node, "w:rPr/w:rFonts", "eastAsia")
    assert attr(node, "w:rPr/w:lang", "eastAsia") == "zh-CN"
    assert attr(node, "w:rPr/w:sz", "val")
    assert attr(node, "w:rPr/w:b", "val") in ("0", "1")
    assert attr(node, "w:pPr/w:jc", "val") in ("both", "left", "center", "right")
    assert node.find("w:pPr/w:ind", NS) is not None
    assert node.find("w:pPr/w:spacing", NS) is not None


def test_body_is_normal_justified_with_a_two_character_indent(styles):
    normal = style(styles, "Normal")
    assert normal.get(w("default")) == "1"
    assert attr(normal, "w:pPr/w:jc", "val") == "both"
    assert attr(normal, "w:pPr/w:ind", "firstLineChars") == "200"
    assert attr(normal, "w:pPr/w:ind", "firstLine") == "640"
    assert attr(normal, "w:rPr/w:rFonts", "eastAsia") == "仿宋_GB2312"
    assert attr(normal, "w:rPr/w:sz", "val") == "32"
    assert attr(normal, "w:rPr/w:spacing", "val") == "-6"


@pytest.mark.parametrize(("style_id", "face"), [
    ("Heading1", "黑体"), ("Heading2", "楷体_GB2312"), ("Heading3", "仿宋_GB2312"),
    ("Title", "方正小标宋简体"), ("TableHeader", "黑体"), ("Footer", "宋体"),
])
def test_faces_follow_the_template(styles, style_id, face):
    assert attr(style(styles, style_id), "w:rPr/w:rFonts", "eastAsia") == face


def test_headings_keep_with_the_next_paragraph(styles):
    for n in range(1, 6):
        assert style(styles, f"Heading{n}").find("w:pPr/w:keepNext", NS) is not None


def test_title_is_22_point_centred_with_a_blank_grid_line_around_it(styles):
    title = style(styles, "Title")
    assert attr(title, "w:rPr/w:sz", "val") == "44"
    assert attr(title, "w:pPr/w:jc", "val") == "center"
    assert attr(title, "w:pPr/w:spacing", "beforeLines") == "100"
    assert attr(title, "w:pPr/w:spacing", "afterLines") == "100"
    assert attr(title, "w:pPr/w:spacing", "line") == "579"
    assert title.find("w:pPr/w:contextualSpacing", NS) is not None
    assert title.find("w:rPr/w:spacing", NS) is None


def test_text_after_a_run_in_heading_has_a_character_style_in_the_body_face(styles):
    char = style(styles, RUN_IN_TEXT)
    normal = style(styles, "Normal")
    assert char.get(w("type")) == "character"
    assert attr(char, "w:name", "val") == "段中正文"
    for path, name in (("w:rPr/w:rFonts", "eastAsia"), ("w:rPr/w:sz", "val"),
                       ("w:rPr/w:b", "val"), ("w:rPr/w:spacing", "val")):
        assert attr(char, path, name) == attr(normal, path, name)


def test_every_paragraph_keeps_punctuation_inside_the_margin_and_no_line_alone(styles):
    defaults = styles.find("w:docDefaults/w:pPrDefault/w:pPr", NS)
    assert attr(defaults, "w:overflowPunct", "val") == "0"
    assert attr(defaults, "w:widowControl", "val") == "1"
    assert attr(defaults, "w:autoSpaceDE", "val") == "0"
    assert attr(defaults, "w:snapToGrid", "val") == "0"  # see layout.Grid
    for node in styles.iterfind("w:style", NS):
        assert node.find("w:pPr/w:overflowPunct", NS) is None, node.get(w("styleId"))
        assert node.find("w:pPr/w:widowControl", NS) is None, node.get(w("styleId"))


def test_the_title_and_the_signature_never_break_across_pages(styles):
    for style_id in ("Title", "Signature"):
        assert style(styles, style_id).find("w:pPr/w:keepLines", NS) is not None
        assert style(styles, style_id).find("w:pPr/w:keepNext", NS) is not None
    assert style(styles, "Normal").find("w:pPr/w:keepNext", NS) is None


def test_signature_sits_two_characters_in_and_the_date_two_right_of_it():
    # 柳州市图书馆 is 6 characters wide, 2026年2月3日 also 6: the date keeps 2 characters to
    # the right edge and the signature moves left so the date starts 2 right of its first.
    assert signature_indents(model.Signature(("柳州市图书馆",), "2026年2月3日")) == (4.0, 2.0)
    long_name = model.Signature(("柳州市文化广电和旅游局",), "2026年2月3日")
    assert signature_indents(long_name) == (2.0, 5.0)  # 11 wide: date from 11 to 5 in


def test_attachment_names_hang_under_the_first_name():
    two = model.Attachments(("甲", "乙"))
    assert attachment_indents(two, 2.0) == (6.0, 4.0)
    one = model.Attachments(("甲",))
    assert attachment_indents(one, 2.0) == (5.0, 3.0)
    twelve = model.Attachments(tuple("甲乙丙丁戊己庚辛壬癸子丑"))
    assert attachment_indents(twelve, 2.0) == (6.5, 4.5)


def test_notice_styles_carry_the_document_dependent_indents_and_rules(tmp_path):
    styles = part(samples.write_docx(samples.notice(), tmp_path / "n.docx"), "word/styles.xml")
    signature, date = style(styles, "Signature"), style(styles, "Date")
    assert attr(signature, "w:pPr/w:ind", "rightChars") == "400"
    assert attr(date, "w:pPr/w:ind", "rightChars") == "200"
    assert signature.find("w:pPr/w:keepNext", NS) is not None
    attachment = style(styles, "Attachment")
    assert attr(attachment, "w:pPr/w:ind", "leftChars") == "600"
    assert attr(attachment, "w:pPr/w:ind", "hangingChars") == "400"
    continued = style(styles, "AttachmentContinued")
    assert attr(continued, "w:basedOn", "val") == "Attachment"
    assert attr(continued, "w:pPr/w:ind", "hangingChars") == "100"
    imprint = style(styles, "Imprint")
    borders = {b.tag.split("}")[1]: b.get(w("sz")) for b in imprint.find("w:pPr/w:pBdr", NS)}
    assert borders == {"top": "8", "bottom": "8", "between": "6"}
    assert attr(imprint, "w:rPr/w:sz", "val") == "28"
