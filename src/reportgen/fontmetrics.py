"""Metrics of a TrueType face read straight from its tables, in ems: ascent, descent, the top
of one glyph and of the ideographic em box; the advance widths of characters.

A few reads of a mapped file: fontTools takes about a third of a second to open a CJK face and
find one glyph, longer than a whole DOCX build.
"""

from __future__ import annotations

import mmap
import struct
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Sequence

    from reportgen.fontset import FontRegistry


@dataclass(frozen=True)
class VerticalMetrics:
    """`ascent` and `descent` (positive, below the baseline) as the face's horizontal header
    (hhea) gives them, which word processors take for a line's height; `top` of the glyph asked
    for, above the baseline (0 for a glyph with no outline or none at all). All in ems."""

    ascent: float
    descent: float
    top: float


@cache
def vertical_metrics(path: Path, ch: str, index: int = 0) -> VerticalMetrics:
    """The metrics of the face at `path` (member `index` of a collection) and of `ch`'s glyph."""
    with path.open("rb") as file, mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ) as data:
        tables = _tables(data, index)
        units = _u16(data, tables[b"head"] + 18)
        long_offsets = _i16(data, tables[b"head"] + 50) == 1
        ascent, descent = struct.unpack_from(">hh", data, tables[b"hhea"] + 4)
        glyph = _glyph_id(data, tables[b"cmap"], ord(ch))
        top = 0
        if glyph and b"glyf" in tables:
            loca = tables[b"loca"]
            if long_offsets:
                start, end = struct.unpack_from(">II", data, loca + 4 * glyph)
            else:
                start, end = (2 * n for n in struct.unpack_from(">HH", data, loca + 2 * glyph))
            if end > start:
                top = _i16(data, tables[b"glyf"] + start + 8)
    return VerticalMetrics(ascent / units, -descent / units, top / units)


@cache
def em_ascent(path: Path, index: int = 0) -> float:
    """How far the face's ideographic em box reaches above the baseline, in ems: one em above
    its typographic descender (OS/2 sTypoDescender; without an OS/2 table, the lowest point of
    its glyphs), as reportlab declares a face's descent and the PDF writer measures to it
    (0.88 in Song, Hei and Kai, 0.85 in the bundled 仿宋)."""
    with path.open("rb") as file, mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ) as data:
        tables = _tables(data, index)
        units = _u16(data, tables[b"head"] + 18)
        if b"OS/2" in tables:
            descender = _i16(data, tables[b"OS/2"] + 70)
        else:
            descender = _i16(data, tables[b"head"] + 38)
    return 1 + descender / units


def em_descent(fonts: FontRegistry, faces: Sequence[str]) -> float:
    """How far (ems) the em box of the face that `fonts` picks from `faces` reaches below the
    baseline: 1 − `em_ascent`."""
    face = fonts.resolve(faces)
    return 1 - em_ascent(face.path, face.index)


def advances(path: Path, text: str, index: int = 0) -> dict[str, float]:
    """The advance width of each character of `text` in the face at `path` (member `index` of a
    collection), in ems; a character the face lacks gets its .notdef glyph's advance."""
    with path.open("rb") as file, mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ) as data:
        tables = _tables(data, index)
        units = _u16(data, tables[b"head"] + 18)
        metrics = _u16(data, tables[b"hhea"] + 34)  # numberOfHMetrics
        hmtx = tables[b"hmtx"]
        glyphs = _glyph_ids(data, tables[b"cmap"], {ord(ch) for ch in text})
        return {chr(code): _u16(data, hmtx + 4 * min(glyph, metrics - 1)) / units
                for code, glyph in glyphs.items()}


def _glyph_ids(data, cmap: int, codes: set[int]) -> dict[int, int]:
    """`_glyph_id` of each of `codes`, the groups of a format 12 subtable read once."""
    table = _subtables(data, cmap).get(12)
    if table is None:
        return {code: _glyph_id(data, cmap, code) for code in codes}
    count = struct.unpack_from(">I", data, table + 12)[0]
    groups = list(struct.iter_unpack(">III", data[table + 16:table + 16 + 12 * count]))
    firsts = [first for first, _, _ in groups]
    found = {}
    for code in codes:
        i = bisect_right(firsts, code) - 1
        first, last, glyph = groups[i] if i >= 0 else (0, -1, 0)
        found[code] = glyph + code - first if code <= last else 0
    return found


def _tables(data, index: int) -> dict[bytes, int]:
    """Table tag to offset, for member `index` of a collection or the one face of a file."""
    base = 0
    if data[:4] == b"ttcf":
        base = struct.unpack_from(">I", data, 12 + 4 * index)[0]
    count = _u16(data, base + 4)
    return {data[at:at + 4]: struct.unpack_from(">I", data, at + 8)[0]
            for at in range(base + 12, base + 12 + 16 * count, 16)}


def _glyph_id(data, cmap: int, code: int) -> int:
    """The glyph of `code` from a Unicode subtable of format 12 (any plane) or 4 (the BMP)."""
    subtables = _subtables(data, cmap)
    if 12 in subtables:
        table = subtables[12]
        for at in range(table + 16, table + 16 + 12 * struct.unpack_from(">I", data, table + 12)[0],
                        12):
            first, last, glyph = struct.unpack_from(">III", data, at)
            if first <= code <= last:
                return glyph + code - first
        return 0
    if 4 in subtables and code <= 0xFFFF:
        table = subtables[4]
        segments = _u16(data, table + 6) // 2
        ends, starts = table + 14, table + 16 + 2 * segments
        deltas, ranges = starts + 2 * segments, starts + 4 * segments
        for i in range(segments):
            if code <= _u16(data, ends + 2 * i):
                start = _u16(data, starts + 2 * i)
                if code < start:
                    return 0
                offset = _u16(data, ranges + 2 * i)
                if offset == 0:
                    return (code + _i16(data, deltas + 2 * i)) & 0xFFFF
                glyph = _u16(data, ranges + 2 * i + offset + 2 * (code - start))
                return (glyph + _i16(data, deltas + 2 * i)) & 0xFFFF if glyph else 0
    return 0


def _subtables(data, cmap: int) -> dict[int, int]:
    """Format to offset of the cmap's Unicode subtables."""
    subtables = {}
    for at in range(cmap + 4, cmap + 4 + 8 * _u16(data, cmap + 2), 8):
        platform, encoding, offset = struct.unpack_from(">HHI", data, at)
        if (platform, encoding) in ((3, 10), (0, 4), (3, 1), (0, 3)):
            subtables[_u16(data, cmap + offset)] = cmap + offset
    return subtables


def _u16(data, at: int) -> int:
    return struct.unpack_from(">H", data, at)[0]


def _i16(data, at: int) -> int:
    return struct.unpack_from(">h", data, at)[0]
