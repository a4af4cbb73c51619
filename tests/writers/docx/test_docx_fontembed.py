"""Embedded fonts: subset, obfuscated per ECMA-376 §17.8.1, related from fontTable.xml."""

from __future__ import annotations

import io
import re

import pytest
from fontTools.ttLib import TTFont

from reportgen.fontset import FontRegistry
from reportgen.writers.docx import writer
from reportgen.writers.docx.fontembed import (
    CONTENT_TYPE,
    font_key,
    likely_characters,
    obfuscate,
    subset,
    subset_family,
)
from tests.writers.docx import samples
from tests.writers.docx.parts import NS, R, names, part, read, w


def test_obfuscation_xors_the_first_32_bytes_with_the_key_reversed():
    key = "{00112233-4455-6677-8899-AABBCCDDEEFF}"
    data = bytes(40)
    reversed_key = bytes.fromhex("FFEEDDCCBBAA99887766554433221100")
    assert obfuscate(data, key) == reversed_key * 2 + bytes(8)
    assert obfuscate(obfuscate(b"x" * 64, key), key) == b"x" * 64


def test_the_font_key_is_a_guid_derived_from_the_font_bytes():
    key = font_key(b"some font")
    assert re.fullmatch(r"\{[0-9A-F]{8}(-[0-9A-F]{4}){3}-[0-9A-F]{12}\}", key)
    assert key == font_key(b"some font") != font_key(b"another font")


def test_likely_characters_are_ascii_gb2312_symbols_and_level_1_hanzi():
    chars = likely_characters()
    hanzi = [c for c in chars if "\u4e00" <= c <= "\u9fff"]
    assert len(hanzi) == 3755
    assert {"啊", "座", "，", "。", "、", "“", "”", "（", "）", "《", "》", "A", "1", "—"} <= chars
    assert "亍" not in chars  # the first hanzi of GB2312 level 2


@pytest.fixture(scope="module")
def song():
    return FontRegistry().resolve(["song"])


def test_a_subset_is_named_after_what_it_holds(song):
    name = subset_family(song.family, "柳州市图书馆")
    assert re.fullmatch(r"Reportgen Song [A-Z]{6}", name)
    assert name == subset_family(song.family, "馆书图市州柳") != subset_family(song.family, "柳州")
    font = TTFont(io.BytesIO(subset(song.path, "柳州市图书馆𫖯", family=name)))
    records = {(r.nameID, str(r.toUnicode())) for r in font["name"].names}
    assert {value for nid, value in records if nid in (1, 16)} == {name}
    tag = name.rsplit(" ", 1)[1]
    assert font["name"].getDebugName(6) == f"ReportgenSong{tag}-Regular"
    assert not [value for nid, value in records if nid in (1, 3, 4, 6, 16) and tag not in value]
    cmap = font.getBestCmap()
    assert all(ord(c) in cmap for c in "柳州市图书馆")
    assert ord("鑫") not in cmap


def untagged(family: str) -> str:
    """`family` without the tag naming its subset (Reportgen Song KQZMTA)."""
    return re.fullmatch(r"(.+) [A-Z]{6}", family).group(1)


def embedded(path) -> dict[str, tuple[str, str]]:
    """(family name, kind) -> (font key, part name) for each embedded face, from fontTable.xml;
    the family names without the tags of their subsets."""
    table = part(path, "word/fontTable.xml")
    rels = part(path, "word/_rels/fontTable.xml.rels")
    targets = {r.get("Id"): r.get("Target") for r in rels}
    out = {}
    for font in table:
        for kind in ("embedRegular", "embedBold"):
            node = font.find(f"w:{kind}", NS)
            if node is not None:
                out[(untagged(font.get(w("name"))), kind)] = (node.get(w("fontKey")),
                                                    "word/" + targets[node.get(f"{{{R}}}id")])
    return out


def test_the_bundled_profile_embeds_each_face_it_names(bundled_docx, example):
    fonts = embedded(bundled_docx)
    assert set(fonts) == {("Reportgen Fangsong", "embedRegular"),
                          ("Reportgen Song", "embedRegular"), ("Reportgen Song", "embedBold"),
                          ("Reportgen Hei", "embedRegular"), ("Reportgen Kai", "embedRegular")}
    types = read(bundled_docx, "[Content_Types].xml").decode()
    text = set(writer._text(example))
    for (family, kind), (key, name) in fonts.items():
        assert name in names(bundled_docx) and name.endswith(".odttf")
        assert re.search(f'PartName="/{name}" ContentType="{CONTENT_TYPE}"', types)
        data = obfuscate(read(bundled_docx, name), key)
        assert font_key(data) == key
        font = TTFont(io.BytesIO(data))
        assert untagged(font["name"].getDebugName(1)) == family
        assert (font["head"].macStyle & 1 == 1) == (kind == "embedBold")
        cmap = font.getBestCmap()
        assert all(ord(c) in cmap for c in text if not c.isspace())
        assert font["OS/2"].fsType & 0x0002 == 0  # not restricted: Word will use it


def test_the_bundled_profile_names_the_bundled_families_in_styles(bundled_docx):
    styles = part(bundled_docx, "word/styles.xml")
    faces = {s.get(w("styleId")): s.find("w:rPr/w:rFonts", NS).get(w("eastAsia"))
             for s in styles.findall("w:style[@w:type='paragraph']", NS)
             if s.find("w:rPr/w:rFonts", NS) is not None}
    faces = {style: untagged(face) for style, face in faces.items()}
    assert faces["Normal"] == "Reportgen Fangsong"
    assert faces["Heading1"] == "Reportgen Hei" and faces["Heading2"] == "Reportgen Kai"
    title = styles.find("w:style[@w:styleId='Title']", NS)
    assert title.find("w:rPr/w:b", NS).get(w("val")) == "1"  # set in the bold face
    settings = part(bundled_docx, "word/settings.xml")
    assert settings.find("w:embedTrueTypeFonts", NS) is not None


def test_characters_the_named_faces_lack_are_runs_naming_the_face_that_has_them(tmp_path):
    path = samples.write_docx(samples.rare_names(), tmp_path / "rare.docx", "bundled")
    body = part(path, "word/document.xml")
    faces = {}
    for run in body.iter(w("r")):
        text = "".join(t.text or "" for t in run.iter(w("t")))
        fonts = run.find("w:rPr/w:rFonts", NS)
        for ch in text:
            faces.setdefault(ch, set()).add(None if fonts is None
                                            else untagged(fonts.get(w("eastAsia"))))
    assert faces["𡒄"] == {"Reportgen Kai"}
    assert faces["𠀀"] == {"Reportgen Fallback B"}  # in the body and in the table cell
    assert faces["𪚥"] == {"Reportgen Fallback B"} and faces["𪜀"] == {"Reportgen Fallback C"}
    assert faces["㐀"] == {"Reportgen Fallback A"} and faces["馆"] == {None}
    fonts = embedded(path)
    for family in ("Reportgen Fallback A", "Reportgen Fallback B", "Reportgen Fallback C"):
        key, name = fonts[(family, "embedRegular")]
        font = TTFont(io.BytesIO(obfuscate(read(path, name), key)))
        assert len(font.getBestCmap()) <= 3  # just the characters it draws, not 3,755 hanzi


def test_the_standard_profile_names_no_fallback_face(tmp_path):
    path = samples.write_docx(samples.rare_names(), tmp_path / "rare.docx", "standard")
    assert part(path, "word/document.xml").find(".//w:r/w:rPr/w:rFonts", NS) is None
    assert not [name for name in names(path) if name.endswith(".odttf")]


def test_two_documents_with_other_text_name_their_subsets_apart(tmp_path):
    def family(document, name) -> str:
        table = part(samples.write_docx(document, tmp_path / name, "bundled"),
                     "word/fontTable.xml")
        return table.find("w:font", NS).get(w("name"))

    # a word processor keeping fonts by name would draw one with the other's subset
    notice, rare = family(samples.notice(), "a.docx"), family(samples.rare_names(), "b.docx")
    assert untagged(notice) == untagged(rare) == "Reportgen Fangsong" and notice != rare
    assert family(samples.notice(), "c.docx") == notice


def test_a_subset_is_the_same_bytes_in_every_build(monkeypatch):
    """--reproducible DOCX: the subset keeps the face's own date, not the time it was made."""
    import time as clock

    path = FontRegistry().resolve(["song"]).path
    first = subset(path, "一二三")
    monkeypatch.setattr(clock, "time", lambda: 2_000_000_000.0)  # another day entirely
    assert subset(path, "一二三") == first


def test_the_page_numbers_face_holds_the_documents_characters_only(bundled_docx, example):
    """The regular Song draws only page numbers (and marks the 仿宋 lacks): editors do not type
    in it, so the 3,755 level-1 hanzi and the GB2312 symbols it would keep are left out."""
    fonts = embedded(bundled_docx)
    text = {c for c in writer._text(example) if not c.isspace()}
    sizes = {}
    for (family, kind), (key, name) in fonts.items():
        cmap = TTFont(io.BytesIO(obfuscate(read(bundled_docx, name), key))).getBestCmap()
        sizes[(family, kind)] = len(cmap)
        assert all(ord(c) in cmap for c in text)
    assert sizes[("Reportgen Song", "embedRegular")] <= len(text | set(" "))
    assert all(size >= 4000 for face, size in sizes.items()
               if face != ("Reportgen Song", "embedRegular")), sizes
