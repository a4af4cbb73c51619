"""The parsed-font cache gives back exactly what parsing gives, and never breaks a build."""

import marshal
import os
import zlib

import pytest
from reportlab.pdfbase.ttfonts import TTFontFace

from reportgen.fontset import default_fonts_dir
from reportgen.writers.pdf import fontcache

SONG = default_fonts_dir() / "ReportgenSong-Regular.ttf"


def test_a_cached_face_equals_a_parsed_one(tmp_path, monkeypatch):
    monkeypatch.setenv(fontcache.CACHE_ENV, str(tmp_path))
    parsed = TTFontFace(str(SONG))
    first = fontcache.load_face(SONG)  # parses and stores
    assert list(tmp_path.glob("*.ttfmeta"))
    cached = fontcache.load_face(SONG)  # rebuilt from the cache
    assert len(cached.charToGlyph) <= 0x100  # the maps fill in as characters are asked for
    cached.ensure([*parsed.charToGlyph, 0x10FFFD, 0xE000])  # two codes the font lacks
    for face in (first, cached):
        assert face.charToGlyph == parsed.charToGlyph
        assert face.charWidths == parsed.charWidths
        assert [face.hmetrics[g] for g in range(0, parsed.numGlyphs, 97)] == \
            [tuple(parsed.hmetrics[g]) for g in range(0, parsed.numGlyphs, 97)]
        assert list(face.glyphPos) == list(parsed.glyphPos)
        assert face.name == parsed.name and face.name.ustr == parsed.name.ustr
    subset = [ord(ch) for ch in "柳州市图书馆（一）“五学联动”2025年AI"]
    assert cached.makeSubset(subset) == parsed.makeSubset(subset)


def test_a_fresh_cached_face_finds_each_character_it_is_asked_for(tmp_path, monkeypatch):
    monkeypatch.setenv(fontcache.CACHE_ENV, str(tmp_path))
    parsed = fontcache.load_face(SONG)
    cached = fontcache.load_face(SONG)
    text = "𫖯䶮㮾堃喆燊，“（一）”"
    cached.ensure(map(ord, text))
    for ch in text:
        assert cached.charToGlyph.get(ord(ch)) == parsed.charToGlyph.get(ord(ch))
        assert cached.charWidths.get(ord(ch)) == parsed.charWidths.get(ord(ch))
    subset = [ord(ch) for ch in text]
    assert cached.makeSubset(subset) == parsed.makeSubset(subset)


def test_a_damaged_cache_entry_is_ignored(tmp_path, monkeypatch):
    monkeypatch.setenv(fontcache.CACHE_ENV, str(tmp_path))
    fontcache.load_face(SONG)
    for entry in tmp_path.glob("*.ttfmeta"):
        entry.write_bytes(b"not marshal data")
    assert fontcache.load_face(SONG).charToGlyph[ord("柳")]


def test_caching_can_be_switched_off_and_an_unwritable_cache_is_harmless(tmp_path, monkeypatch):
    monkeypatch.setenv(fontcache.CACHE_ENV, "off")
    assert fontcache.cache_dir() is None
    assert fontcache.load_face(SONG).numGlyphs > 20000
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("x")
    monkeypatch.setenv(fontcache.CACHE_ENV, str(blocked))
    assert fontcache.load_face(SONG).numGlyphs > 20000


def _entry(payload: bytes) -> bytes:
    """A cache entry whose header (length, CRC-32) matches `payload`."""
    return (fontcache._MAGIC + len(payload).to_bytes(8, "big")
            + zlib.crc32(payload).to_bytes(4, "big") + payload)


@pytest.mark.parametrize("damage", [
    lambda good: os.urandom(len(good)),  # random bytes
    lambda good: marshal.dumps(5),  # a marshal value, of the wrong kind
    lambda good: _entry(marshal.dumps({"_packed": 5})),  # a right header over a wrong value
    lambda good: good[:len(good) // 2],  # cut short
    lambda good: good[:-100] + bytes([good[-100] ^ 1]) + good[-99:],  # one bit flipped
], ids=["random", "wrong-value", "wrong-state", "truncated", "bit-flip"])
def test_a_damaged_cache_entry_is_rebuilt_and_never_fails_a_build(tmp_path, monkeypatch,
                                                                  damage):
    monkeypatch.setenv(fontcache.CACHE_ENV, str(tmp_path))
    parsed = fontcache.load_face(SONG)
    (entry,) = tmp_path.glob("*.ttfmeta")
    good = entry.read_bytes()
    entry.write_bytes(damage(good))
    face = fontcache.load_face(SONG)
    assert face.charToGlyph[ord("柳")] == parsed.charToGlyph[ord("柳")]
    assert face.makeSubset([ord("柳")]) == parsed.makeSubset([ord("柳")])
    assert entry.read_bytes() == good  # stored again, whole
