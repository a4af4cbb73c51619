"""reportlab fonts from registry faces: embedded subsets whose text copies back exactly."""

from __future__ import annotations

import io
import re
import shutil

import pdfplumber
import pypdf
import pytest
from fontTools.ttLib import TTFont
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas

from reportgen.fontset import FontRegistry
from reportgen.writers.pdf.fonts import register, to_unicode_cmap

TEXT = "𫖯䶮㮾堃喆燊 and ASCII"


@pytest.fixture(scope="module")
def registry() -> FontRegistry:
    return FontRegistry()


def draw(registry: FontRegistry, text: str, path, key: str = "song") -> None:
    """One line of `text` in face `key`, each run in the face the registry picks for it."""
    face = registry.resolve([key])
    canvas = Canvas(str(path), initialFontName=register(face))
    line = canvas.beginText(72, 700)
    for run_face, run in registry.split_by_coverage(text, face):
        line.setFont(register(run_face), 16)
        line.textOut(run)
    canvas.drawText(line)
    canvas.save()


def pdf_fonts(path) -> list[pypdf.generic.DictionaryObject]:
    page = pypdf.PdfReader(path).pages[0]
    return [font.get_object() for font in page["/Resources"]["/Font"].values()]


def to_unicode(font) -> dict[int, str]:
    """Code to text from a font's ToUnicode bfchar entries."""
    cmap = font["/ToUnicode"].get_object().get_data().decode("ascii")
    pairs = re.findall(r"<([0-9A-F]{2})> <([0-9A-F]{4,})>", cmap)
    return {int(code, 16): bytes.fromhex(text).decode("utf-16-be") for code, text in pairs}


@pytest.mark.parametrize("key", ["song", "song-bold", "hei", "kai"])
def test_copied_text_is_the_text_drawn(registry, tmp_path, key):
    path = tmp_path / "out.pdf"
    draw(registry, TEXT, path, key)
    with pdfplumber.open(path) as pdf:
        assert pdf.pages[0].extract_text() == TEXT
    assert pypdf.PdfReader(path).pages[0].extract_text() == TEXT
    text = "王𠀀先生 𪜀" + chr(0x9FFF)  # fallback-b, fallback-c and kai's Unicode 14 ideograph
    draw(registry, text, path, key)
    with pdfplumber.open(path) as pdf:
        assert pdf.pages[0].extract_text() == text
    assert pypdf.PdfReader(path).pages[0].extract_text() == text


def test_every_font_is_embedded_and_draws_real_glyphs(registry, tmp_path):
    path = tmp_path / "out.pdf"
    text = TEXT + " 𠀀" + chr(0x9FFF)  # Ext B from fallback-b; U+9FFF (Unicode 14) from kai
    draw(registry, text, path)
    fonts = pdf_fonts(path)
    assert [str(font["/BaseFont"]).split("+")[1] for font in fonts] == [
        "ReportgenSong-Regular",
        "ReportgenFallbackB-Regular",
        "ReportgenKai-Regular",
    ]
    drawable = set()
    for font in fonts:
        program = font["/FontDescriptor"]["/FontFile2"].get_object().get_data()
        embedded = TTFont(io.BytesIO(program))
        cmap = embedded["cmap"].tables[0].cmap  # reportlab writes one (1, 0) subtable
        for code, char in to_unicode(font).items():
            if code in cmap and not char.isspace():
                assert embedded["glyf"][cmap[code]].numberOfContours > 0, (font["/BaseFont"], char)
                drawable.add(char)
    assert set(text) - {" "} <= drawable


def test_to_unicode_writes_surrogate_pairs_in_blocks_of_100():
    cmap = to_unicode_cmap("AAAAAA+Test", [0, 0x41, 0x2B5AF, *range(0x4E00, 0x4E00 + 150)])
    assert "<02> <D86DDDAF>" in cmap
    assert "<01> <0041>" in cmap
    assert re.findall(r"(\d+) beginbfchar", cmap) == ["100", "53"]


def test_every_bundled_face_loads_in_reportlab(registry):
    for face in registry.primaries + registry.fallbacks:
        font = pdfmetrics.getFont(register(face))
        font.face.ensure([*face.cmap, *range(0x20000, 0x20100), 0xFFFF])  # maps fill on demand
        assert set(font.face.charToGlyph) - {0xFFFF} == set(face.cmap)  # 0xFFFF: cmap end mark


def test_faces_are_registered_once_each_under_their_own_name(registry, tmp_path):
    face = registry.resolve(["song"])
    assert register(face) == register(face) == "ReportgenSong-Regular"
    source = registry.fallbacks[-1].path
    a, b = tmp_path / "a.ttf", tmp_path / "b.ttf"
    shutil.copy(source, a), shutil.copy(source, b)
    face_a = FontRegistry(overrides={"fangsong": a}).resolve(["fangsong"])
    face_b = FontRegistry(overrides={"fangsong": b}).resolve(["fangsong"])
    name_a, name_b = register(face_a), register(face_b)
    assert name_a != name_b
    assert pdfmetrics.getFont(name_a) is not pdfmetrics.getFont(name_b)


def test_each_subset_has_a_tag_of_its_own_derived_from_what_it_holds(tmp_path):
    """ISO 32000-1 9.6.4: six capital letters, different for different subsets in one file
    (reportlab tags the first subset of every font AAAAAA); the same in every build."""
    from reportgen.cli import main
    from tests.conftest import EXAMPLE

    tags = []
    for run in ("a", "b"):
        assert main(["build", str(EXAMPLE), "-o", str(tmp_path / run), "--format", "pdf",
                     "--reproducible"]) == 0
        reader = pypdf.PdfReader(tmp_path / run / EXAMPLE.with_suffix(".pdf").name)
        fonts = {font.idnum: font.get_object() for page in reader.pages
                 for font in page["/Resources"]["/Font"].values()}
        names = [str(font["/BaseFont"]) for font in fonts.values()]
        assert all(str(font["/FontDescriptor"]["/FontName"]) == str(font["/BaseFont"])
                   for font in fonts.values())
        tags.append([name[1:].partition("+")[0] for name in names])
    found = tags[0]
    assert len(found) >= 5
    assert all(re.fullmatch("[A-Z]{6}", tag) for tag in found)
    assert len(set(found)) == len(found)
    assert tags[1] == found
    assert (tmp_path / "a" / "liuzhou-library-2025.pdf").read_bytes() == \
        (tmp_path / "b" / "liuzhou-library-2025.pdf").read_bytes()


def test_subset_tags_differ_for_other_contents_and_never_repeat():
    from reportgen.writers.pdf.fonts import subset_tag

    taken: set[str] = set()
    first = subset_tag("ReportgenSong-Regular", [0x4E00, 0x4E01], taken)
    assert subset_tag("ReportgenSong-Regular", [0x4E00, 0x4E02], set()) != first
    assert subset_tag("ReportgenSong-Bold", [0x4E00, 0x4E01], set()) != first
    assert subset_tag("ReportgenSong-Regular", [0x4E00, 0x4E01], set()) == first
    again = subset_tag("ReportgenSong-Regular", [0x4E00, 0x4E01], taken)
    assert again != first and taken == {first, again}
