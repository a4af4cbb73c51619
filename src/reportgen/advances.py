"""Advance widths read straight from a font file, for layout that every writer shares.

The PDF writer measures text with reportlab; the DOCX writer must not import it, yet where it
places something by the width of a text (a seal centred over the date, GB/T 9704 7.3.5.1) it
has to agree with the PDF to the point. Both read the same numbers: the `hmtx` advance of the
glyph the `cmap` gives, over `head`'s units per em (reportlab keeps exactly these).

fontTools would decompile a CJK face's whole cmap to look up a date (60–130 ms a face on a busy
machine, after 80 ms to import it), so this module reads only the tables it needs and searches
the cmap subtable (format 12, else format 4) by bisection: a face costs a few file reads.
"""

from __future__ import annotations

import struct
import sys
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from functools import cache
from pathlib import Path
from typing import BinaryIO

from reportgen.fontset import FontRegistry

_FORMAT_12 = ((3, 10), (0, 4), (0, 6))
_FORMAT_4 = ((3, 1), (0, 3), (0, 2), (0, 1), (0, 0))
"""Unicode cmap subtables by (platform, encoding), in order of preference."""


class Advances:
    """The advance widths of one font (a member `index` of a collection), in ems by character.

    A character the font lacks gets the width of its .notdef glyph, as reportlab gives it.
    """

    def __init__(self, path: Path, index: int = 0) -> None:
        with open(path, "rb") as file:
            tables = _directory(file, index)
            units = _read(file, tables, b"head", 18, 2)
            self._units = struct.unpack(">H", units)[0]
            self._metrics = struct.unpack(">H", _read(file, tables, b"hhea", 34, 2))[0]
            self._hmtx = _read(file, tables, b"hmtx", 0, 4 * self._metrics)
            self._glyph = _cmap(file, tables)

    def __call__(self, ch: str) -> float:
        glyph = min(self._glyph(ord(ch)), self._metrics - 1)
        return struct.unpack_from(">H", self._hmtx, 4 * glyph)[0] / self._units


@cache
def advances(path: Path, index: int = 0) -> Advances:
    """The advances of a font file, read once per process."""
    return Advances(path, index)


def measure(fonts: FontRegistry, faces: Sequence[str]) -> Callable[[str], float]:
    """How wide a text is, in ems, set in the first of `faces` that exists: each character in
    the face the registry picks for it, as the PDF writer draws it."""
    face = fonts.resolve(faces)

    def width(text: str) -> float:
        total = 0.0
        for ch in text:
            drawn = fonts.split_by_coverage(ch, face)[0][0]
            total += advances(drawn.path, drawn.index)(ch)
        return total

    return width


def _directory(file: BinaryIO, index: int) -> dict[bytes, tuple[int, int]]:
    """Offset and length of each table of the font (of member `index` of a collection)."""
    start = 0
    head = file.read(12)
    if head[:4] == b"ttcf":
        file.seek(12 + 4 * index)
        start = struct.unpack(">I", file.read(4))[0]
        file.seek(start)
        head = file.read(12)
    count = struct.unpack(">H", head[4:6])[0]
    records = file.read(16 * count)
    tables = {}
    for i in range(count):
        tag, _, offset, length = struct.unpack_from(">4sIII", records, 16 * i)
        tables[tag] = (offset, length)
    return tables


def _read(file: BinaryIO, tables: dict[bytes, tuple[int, int]], tag: bytes, at: int,
          size: int) -> bytes:
    offset, length = tables[tag]
    file.seek(offset + at)
    data = file.read(min(size, length - at))
    if len(data) < size:
        raise ValueError(f"the font's {tag.decode()} table is too short")
    return data


def _words(data: bytes, code: str) -> array:
    """Big-endian unsigned integers (`code` H or I) as an array."""
    found = array(code, data)
    if sys.byteorder == "little":
        found.byteswap()
    return found


def _cmap(file: BinaryIO, tables: dict[bytes, tuple[int, int]]) -> Callable[[int], int]:
    """Code point to glyph id (0 where the font has none), from the preferred subtable."""
    base, length = tables[b"cmap"]
    file.seek(base)
    data = file.read(length)
    count = struct.unpack_from(">H", data, 2)[0]
    offsets = {}
    for i in range(count):
        platform, encoding, offset = struct.unpack_from(">HHI", data, 4 + 8 * i)
        offsets[platform, encoding] = offset
    for key in _FORMAT_12:
        if key in offsets and struct.unpack_from(">H", data, offsets[key])[0] == 12:
            return _format_12(data, offsets[key])
    for key in _FORMAT_4:
        if key in offsets and struct.unpack_from(">H", data, offsets[key])[0] == 4:
            return _format_4(data, offsets[key])
    return lambda code: 0


def _format_12(data: bytes, at: int) -> Callable[[int], int]:
    groups = struct.unpack_from(">I", data, at + 12)[0]
    table = _words(data[at + 16:at + 16 + 12 * groups], "I")
    starts, ends, glyphs = table[0::3], table[1::3], table[2::3]

    def glyph(code: int) -> int:
        i = bisect_right(starts, code) - 1
        return glyphs[i] + code - starts[i] if i >= 0 and code <= ends[i] else 0

    return glyph


def _format_4(data: bytes, at: int) -> Callable[[int], int]:
    segments = struct.unpack_from(">H", data, at + 6)[0] // 2
    length = struct.unpack_from(">H", data, at + 2)[0]
    words = _words(data[at + 14:at + length - length % 2], "H")
    ends = words[:segments]
    starts = words[segments + 1:2 * segments + 1]
    deltas = words[2 * segments + 1:3 * segments + 1]
    ranges = 3 * segments + 1  # where idRangeOffset starts, in words

    def glyph(code: int) -> int:
        i = bisect_left(ends, code)
        if i == segments or code < starts[i]:
            return 0
        offset = words[ranges + i]
        if offset == 0:
            return (code + deltas[i]) & 0xFFFF
        found = words[ranges + i + offset // 2 + code - starts[i]]
        return (found + deltas[i]) & 0xFFFF if found else 0

    return glyph
