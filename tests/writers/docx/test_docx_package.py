"""The package around the text: settings written whole, the theme, the document's id, the roots
and the footer line, with nothing of python-docx's template left."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from reportgen.fontmetrics import VerticalMetrics
from reportgen.fontset import FontRegistry
from reportgen.template import Page
from reportgen.writers.docx import write
from reportgen.writers.docx.page import FooterLine
from reportgen.writers.options import WriteOptions
from tests.helpers import ooxml
from tests.writers.docx import samples
from tests.writers.docx.parts import NS, names, part, read, w

A = "http://schemas.openxmlformats.org/drawingml/2006/main"


def test_word_opens_it_in_its_own_layout_not_a_compatibility_mode(example_docx):
    settings = part(example_docx, "word/settings.xml")
    modes = {s.get(w("name")): s.get(w("val"))
             for s in settings.iterfind("w:compat/w:compatSetting", NS)}
    assert modes["compatibilityMode"] == "15"
    assert settings.find("w:zoom", NS).get(w("percent")) == "100"
    assert settings.find("w:characterSpacingControl", NS).get(w("val")) == "compressPunctuation"
    assert settings.find("w:evenAndOddHeaders", NS) is not None
    assert settings.find("w:rsids", NS) is None


def doc_id(data: bytes) -> str:
    settings = part(io.BytesIO(data), "word/settings.xml")
    return settings.find("{http://schemas.microsoft.com/office/word/2010/wordml}docId").get(
        "{http://schemas.microsoft.com/office/word/2010/wordml}val")


def build(document, reproducible: bool) -> bytes:
    out = io.BytesIO()
    write(document, WriteOptions(fonts=FontRegistry(), reproducible=reproducible), out)
    return out.getvalue()


def test_each_file_has_a_document_id_of_its_own(example):
    fresh = {doc_id(build(example, reproducible=False)) for _ in range(3)}
    assert len(fresh) == 3
    same = doc_id(build(example, reproducible=True))
    assert same == doc_id(build(example, reproducible=True))
    assert same != doc_id(build(samples.notice(), reproducible=True))
    assert all(int(value, 16) < 0x80000000 for value in fresh | {same})


def test_the_theme_names_the_documents_own_faces(example_docx):
    theme = part(example_docx, "word/theme/theme1.xml")
    faces = {(font.getparent().tag.split("}")[1], font.tag.split("}")[1], font.get("script")):
             font.get("typeface") for font in theme.iter(f"{{{A}}}latin", f"{{{A}}}ea",
                                                         f"{{{A}}}font")}
    assert faces[("minorFont", "ea", None)] == faces[("minorFont", "latin", None)] == "仿宋_GB2312"
    assert faces[("minorFont", "font", "Hans")] == "仿宋_GB2312"
    assert faces[("majorFont", "ea", None)] == "黑体"
    assert not {"Calibri", "Cambria", "ＭＳ 明朝"} & set(faces.values())


def test_the_parts_declare_only_what_they_use(example_docx):
    assert "word/webSettings.xml" not in names(example_docx)
    for name in ("word/document.xml", "word/footer1.xml"):
        head = read(example_docx, name)[:400].decode()
        assert "xmlns:mo=" not in head and "mc:Ignorable" not in head, name
    assert b"w:rsid" not in read(example_docx, "word/document.xml")


def test_the_footer_line_puts_the_dash_top_7_mm_under_the_block():
    # A face with ascent 0.9, descent 0.1 and a dash 0.3 em high, at 14 pt: the line is 14 pt
    # (280 twips) high, its baseline 4/5 of it down, so its bottom stands 56 + 84 twips (0.2
    # of the line, then 0.3 em) under the dash's top.
    line = FooterLine.of(Page(), VerticalMetrics(ascent=0.9, descent=0.1, top=0.3))
    assert line.height == 280
    assert line.footer_distance == round(28 * 1440 / 25.4) - 140


def test_the_schema_check_finds_what_word_would_refuse(example_docx, tmp_path):
    broken = tmp_path / "broken.bin"  # not .docx: the check after each test leaves it alone
    data = read(example_docx, "word/settings.xml").replace(b' w:percent="100"', b"")
    _rewrite(example_docx, broken, "word/settings.xml", data)
    found = ooxml.schema_problems(broken.read_bytes())
    assert len(found) == 1 and "percent" in found[0]
    styles = read(example_docx, "word/styles.xml").replace(b'w:val="both"', b'w:val="bogus"', 1)
    _rewrite(example_docx, broken, "word/styles.xml", styles)
    assert any("bogus" in problem for problem in ooxml.audit_problems(broken))


def _rewrite(source: Path, target: Path, name: str, data: bytes) -> None:
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w") as zout:
        for info in zin.infolist():
            zout.writestr(info, data if info.filename == name else zin.read(info))
