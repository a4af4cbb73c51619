"""The font registry: bundled coverage, user fonts found by Chinese family name, lazy loading."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont

from reportgen.errors import ReportError
from reportgen.fontset import FontRegistry
from tests.helpers.fonts import make_font, renamed_font

PRIMARY = ("song", "song-bold", "hei", "kai", "fangsong")
NAMES = "𫖯䶮㮾堃喆燊"  # rare characters of personal and place names
BLOCKS = {"URO": (0x4E00, 0x9FFF), "ExtA": (0x3400, 0x4DBF), "ExtB": (0x20000, 0x2A6DF)}
BLOCKS["ExtC"] = (0x2A700, 0x2B73F)


def gb2312() -> str:
    chars = []
    for lead in range(0xA1, 0xF8):
        for trail in range(0xA1, 0xFF):
            try:
                chars.append(bytes((lead, trail)).decode("gb2312"))
            except UnicodeDecodeError:
                pass
    return "".join(chars)


@pytest.fixture(scope="module")
def registry() -> FontRegistry:
    return FontRegistry()


@pytest.mark.parametrize("key", PRIMARY)
def test_each_primary_face_covers_all_of_gb2312(registry, key):
    face = registry.resolve([key])
    assert face.bundled and face.key == key
    wanted = gb2312()
    if key == "fangsong":  # Zhuque Fangsong lacks ℃ ① ㈠ ０ …: they fall back (fonts/README.md)
        wanted = [ch for ch in wanted if unicodedata.name(ch).startswith("CJK UNIFIED")]
        assert len(wanted) == 6763
    assert [ch for ch in wanted if not face.covers(ch)] == []


def test_the_fangsong_face_sets_chinese_quotes_full_width_against_the_quoted_text(registry):
    face = registry.resolve(["fangsong"])
    with TTFont(face.path) as font:
        cmap, glyf, hmtx = font.getBestCmap(), font["glyf"], font["hmtx"]
        for ch, side in zip("“‘”’", "RRLL", strict=True):
            advance, lsb = hmtx[cmap[ord(ch)]]
            glyph = glyf[cmap[ord(ch)]]
            assert advance == 1000 and lsb == glyph.xMin
            ink_centre = (glyph.xMin + glyph.xMax) / 2
            assert (ink_centre > 500) == (side == "R"), ch
        wrong = [name for name in font.getGlyphOrder()
                 if glyf[name].numberOfContours and hmtx[name][1] != glyf[name].xMin]
        assert wrong == []  # side bearings match the outlines: the ink is where its box says


def test_characters_the_fangsong_face_lacks_fall_back_to_the_song_face(registry):
    fangsong = registry.resolve(["fangsong"])
    runs = registry.split_by_coverage("气温①℃“仿宋”", fangsong)
    assert [(face.key, text) for face, text in runs] == [
        ("fangsong", "气温"), ("song", "①℃"), ("fangsong", "“仿宋”")]


def test_rare_name_characters_are_each_drawn_by_some_face(registry):
    song = registry.resolve(["song"])
    runs = registry.split_by_coverage(NAMES, song)
    assert "".join(text for _, text in runs) == NAMES
    for face, text in runs:
        assert all(face.covers(ch) for ch in text)
    assert registry.missing(NAMES) == []


def test_every_assigned_ideograph_of_uro_and_ext_a_to_c_is_drawn(registry):
    for lo, hi in BLOCKS.values():
        text = "".join(chr(c) for c in range(lo, hi + 1) if unicodedata.name(chr(c), ""))
        assert registry.missing(text) == []


def test_bundled_files_are_truetype_with_unique_postscript_names(registry):
    bundled = registry.primaries + registry.fallbacks
    for face in bundled:
        with TTFont(face.path, lazy=True) as font:
            assert "glyf" in font and "CFF " not in font
            assert font["maxp"].numGlyphs < 65535
            assert font["name"].getDebugName(6) == face.ps_name == face.pdf_name
    assert len({face.ps_name for face in bundled}) == len(bundled) == 8


def test_missing_names_only_characters_no_face_has(registry):
    assert registry.missing("报告 \n\t\u200b😀𰀀😀") == ["😀", "𰀀"]  # emoji; Ext G


def test_resolve_takes_the_first_available_key(registry):
    assert registry.resolve(["xiaobiaosong", "song-bold"]).key == "song-bold"
    assert registry.resolve(["fangsong", "song"]).key == "fangsong"
    with pytest.raises(ReportError, match="no font for xiaobiaosong"):
        registry.resolve(["xiaobiaosong"])


def test_split_keeps_spaces_and_punctuation_in_the_run(registry):
    song = registry.resolve(["song"])
    text = "二〇二五年 工作总结：①完成，ABC 123。"
    assert registry.split_by_coverage(text, song) == [(song, text)]


def test_split_returns_to_the_requested_face_after_a_fallback(registry):
    song = registry.resolve(["song"])
    runs = registry.split_by_coverage("王𠀀 先生", song)  # U+20000, Ext B, in no primary face
    assert [(face.key, text) for face, text in runs] == [
        ("song", "王"),
        ("fallback-b", "𠀀"),
        ("song", " 先生"),
    ]


def test_bundled_faces_are_split_without_opening_any_font_file(monkeypatch):
    opened = []
    original = TTFont.__init__

    def spy(self, file=None, *args, **kwargs):
        opened.append(Path(file).name)
        original(self, file, *args, **kwargs)

    monkeypatch.setattr(TTFont, "__init__", spy)
    registry = FontRegistry()
    song = registry.resolve(["song"])
    registry.resolve(["xiaobiaosong", "song-bold"])
    runs = registry.split_by_coverage(gb2312() + "𪜀", song)  # U+2A700: Ext C, no primary face
    assert [face.key for face, _ in runs] == ["song", "fallback-c"]
    assert opened == []
    assert not any(face.loaded for face in registry.primaries + registry.fallbacks)


def test_user_font_is_found_by_its_chinese_family_name(tmp_path, registry):
    make_font(tmp_path / "fs.ttf", {"en": "Some Font", "zh-CN": "仿宋_GB2312"})
    user = FontRegistry(font_dirs=[tmp_path])
    face = user.resolve(["fangsong", "song"])
    assert (face.key, face.family, face.bundled) == ("fangsong", "Some Font", False)
    assert face.covers("仿") and not face.covers("体")
    assert face.pdf_name.startswith("TestFont-Regular-")
    runs = user.split_by_coverage("仿宋体", face)  # 体: the bundled 仿宋 before any other face
    assert [(f.key, f.bundled, text) for f, text in runs] == [
        ("fangsong", False, "仿宋"), ("fangsong", True, "体")]


def test_user_fonts_take_precedence_and_bold_gets_its_own_key(tmp_path):
    make_font(tmp_path / "simsun.ttf", {"en": "SimSun"})
    make_font(tmp_path / "heib.ttf", {"en": "SimHei"}, bold=True)
    user = FontRegistry(font_dirs=[tmp_path])
    assert user.resolve(["song"]).path == tmp_path / "simsun.ttf"
    assert user.resolve(["hei-bold"]).bold
    assert user.resolve(["hei"]).bundled


EXT_G = "\U00030000\U00030001"  # CJK Extension G: in no bundled face


def test_a_user_font_of_any_name_fills_in_what_the_bundled_faces_lack(tmp_path, registry):
    make_font(tmp_path / "babel.ttf", {"en": "BabelStone Han"}, extra=EXT_G)
    assert registry.missing("甲" + EXT_G) == list(EXT_G)
    user = FontRegistry(font_dirs=[tmp_path])
    assert user.missing("甲" + EXT_G) == []
    [extra] = user.user_fallbacks
    song = user.resolve(["song"])
    runs = user.split_by_coverage("甲宋" + EXT_G + "乙", song)
    assert [(face.path.name, text) for face, text in runs] == [
        (song.path.name, "甲宋"), ("babel.ttf", EXT_G), (song.path.name, "乙")]
    assert extra.key not in ("song", "fangsong") and user.resolve(["song"]).bundled


def test_missing_bundled_fonts_say_where_they_were_looked_for(tmp_path):
    with pytest.raises(ReportError) as error:
        FontRegistry(bundled_dir=tmp_path).resolve(["song"])
    assert "REPORTGEN_FONTS_DIR" in str(error.value)


def test_of_two_office_fonts_of_a_key_the_better_ranked_draws_and_the_other_fills_in(tmp_path):
    renamed_font(tmp_path / "a-huawen.ttf", "STFangsong", "STFangsong", chinese="华文仿宋",
                 face="ReportgenKai-Regular.ttf")
    make_font(tmp_path / "b-gb2312.ttf", {"en": "FangSong_GB2312", "zh-CN": "仿宋_GB2312"})
    registry = FontRegistry(font_dirs=[tmp_path])
    face = registry.resolve(["fangsong", "song"])
    assert face.office.name == "仿宋_GB2312"  # ranked first, though found second
    runs = registry.split_by_coverage("仿宋体", face)  # 体: the tiny 仿宋_GB2312 lacks it
    assert [(f.office.name, text) for f, text in runs] == [("仿宋_GB2312", "仿宋"),
                                                           ("华文仿宋", "体")]


def test_a_role_may_name_any_family_or_postscript_name(tmp_path):
    renamed_font(tmp_path / "fz.ttf", "FZFangSong-Z02", "FZFSK--GBK1-0", chinese="方正仿宋_GBK")
    make_font(tmp_path / "gb.ttf", {"en": "FangSong_GB2312", "zh-CN": "仿宋_GB2312"})
    registry = FontRegistry(font_dirs=[tmp_path])
    assert registry.resolve(["fangsong"]).office.name == "仿宋_GB2312"
    for name in ("方正仿宋_GBK", "FZFangSong-Z02", "fzfsk gbk1 0"):
        assert registry.resolve([name, "fangsong"]).path.name == "fz.ttf"
    assert registry.resolve(["方正仿宋简体", "Reportgen Kai"]).key == "kai"  # not installed
    with pytest.raises(ReportError, match="no font for 方正仿宋简体"):
        registry.resolve(["方正仿宋简体"])


