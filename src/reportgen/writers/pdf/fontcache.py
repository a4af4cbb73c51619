"""A disk cache of reportlab's parsed TrueType metrics: a known face costs a file read, not a parse.

reportlab parses a font's cmap, widths and glyph offsets on every registration (30–100 ms for a
24,000-glyph CJK face), which dominates a cold build. The parsed state is plain data, so it is
kept with `marshal` (builtin types only; nothing in it can run code) under the user's cache
folder, keyed by the file's path, size and modification time and by reportlab's version, each
entry with a CRC-32 of its contents. An entry that is damaged or does not hold together is
deleted and the font parsed again: the cache can make a build faster, never wrong or failed.

A face rebuilt from the cache does not unpack its 24,000-entry character maps either: they
fill in from sorted arrays as characters are asked for (`MappedFace.ensure`), and the glyf
table is read in place from the mapped file instead of being copied for every subset.
"""

from __future__ import annotations

import hashlib
import marshal
import mmap
import os
import re
import zlib
from array import array
from bisect import bisect_left
from collections.abc import Iterable
from pathlib import Path

import reportlab
from reportlab.pdfbase.ttfonts import TTFNameBytes, TTFontFace

from reportgen.commit import Commit, recover
from reportgen.files import open_regular

CACHE_ENV = "REPORTGEN_CACHE_DIR"
_FORMAT = 6
_NAMES = ("name", "familyName", "styleName", "fullName", "uniqueFontID")
_SKIPPED = ("_ttf_data", "_pdfScale", "glyphToChar")
"""Not cached: the file's bytes (mapped instead), a lambda, and a map only parsing uses."""


def cache_dir() -> Path | None:
    """$REPORTGEN_CACHE_DIR, else the XDG cache folder; None when caching is off (`off`)."""
    configured = os.environ.get(CACHE_ENV)
    if configured == "off":
        return None
    if configured:
        return Path(configured)
    base = os.environ.get("XDG_CACHE_HOME")
    if not base:
        try:
            base = Path.home() / ".cache"
        except (RuntimeError, KeyError):  # no home folder (a bare service account)
            return None
    return Path(base) / "reportgen"


class MappedFace(TTFontFace):
    """reportlab's face, with character maps that may fill in on demand (see `ensure`) and a
    glyf table that is sliced where it lies rather than copied whole."""

    _lazy: tuple[tuple[array, array], tuple[array, array]] | None = None
    """(codes, glyphs) and (codes, widths), codes sorted, for a face rebuilt from the cache;
    None when the maps were parsed in full."""

    def ensure(self, codes: Iterable[int]) -> None:
        """Make `charToGlyph` and `charWidths` hold every one of `codes` the font has.

        Every path by which reportlab reads the maps goes through a caller of this first:
        `UnicodeTTFont.splitString` and `stringWidth` (fonts.py) and the glyph-top reading
        in draw.py; the subsetter only sees codes that splitString assigned."""
        if self._lazy is None:
            return
        wanted = set(codes).difference(self.charToGlyph, self._absent)
        for code in wanted:
            glyph = _find(self._lazy[0], code)
            if glyph is None:
                self._absent.add(code)
                continue
            self.charToGlyph[code] = glyph
            width = _find(self._lazy[1], code)
            if width is not None:
                self.charWidths[code] = width

    def get_table(self, tag):  # reportlab's name
        if tag == "glyf":  # the subsetter slices out its glyphs; 10 MB need not be copied
            pos, length = self.get_table_pos(tag)
            return _TableView(self._ttf_data, pos, length)
        return super().get_table(tag)


class _TableView:
    """A table of the font file that slices to bytes without copying the whole table."""

    def __init__(self, data, start: int, length: int) -> None:
        self._data, self._start, self._length = data, start, length

    def __len__(self) -> int:
        return self._length

    def __getitem__(self, part: slice) -> bytes:
        first, stop, step = part.indices(self._length)
        if step != 1:
            raise ValueError("a font table is sliced in order")
        return self._data[self._start + first:self._start + max(first, stop)]


def _find(pairs: tuple[array, array], code: int):
    keys, values = pairs
    at = bisect_left(keys, code)
    return values[at] if at < len(keys) and keys[at] == code else None


def load_face(path: Path, index: int = 0) -> MappedFace:
    """reportlab's parsed face for `path` (member `index` of a collection), cached on disk."""
    folder = cache_dir()
    entry = folder / f"{_key(path, index)}.ttfmeta" if folder else None
    if entry is not None:
        _tidy(folder)
        face = _cached(entry, path)
        if face is not None:
            return face
    face = MappedFace(str(path), subfontIndex=index)
    if entry is not None:
        _store(face, entry)
    return face


_EARLIER_TEMP = re.compile(r"tmp[a-z0-9_]{8}\.part")
"""Temp files of versions that wrote the cache with mkstemp's names."""
_tidied: set[Path] = set()


def _tidy(folder: Path) -> None:
    """Once per process: delete temp files that a build killed while storing left here."""
    if folder not in _tidied:
        _tidied.add(folder)
        recover(folder, earlier=_EARLIER_TEMP)


def _cached(entry: Path, path: Path) -> MappedFace | None:
    """The face kept in `entry`, or None when there is none or it does not hold together (it
    is then deleted, to be stored again): the cache may make a build faster, never fail it."""
    try:
        with open_regular(entry) as handle:
            data = handle.read()
    except OSError:
        return None
    try:
        return _rebuild(marshal.loads(_checked(data)), path)
    except Exception:  # noqa: BLE001 - whatever is wrong with the entry, parse the font again
        try:
            entry.unlink()
        except OSError:
            pass
        return None


_MAGIC = b"reportgen font cache\n"


def _checked(data: bytes) -> bytes:
    """The payload of an entry, after its header (magic, length, CRC-32) is checked."""
    header = len(_MAGIC) + 12
    if not data.startswith(_MAGIC) or len(data) < header:
        raise ValueError("not a cache entry")
    length = int.from_bytes(data[len(_MAGIC):len(_MAGIC) + 8], "big")
    crc = int.from_bytes(data[len(_MAGIC) + 8:header], "big")
    payload = data[header:]
    if len(payload) != length or zlib.crc32(payload) != crc:
        raise ValueError("a damaged cache entry")
    return payload


def _key(path: Path, index: int) -> str:
    stat = path.stat()
    text = (f"{path.resolve()}|{stat.st_size}|{stat.st_mtime_ns}|{index}|"
            f"{reportlab.Version}|{_FORMAT}")
    return hashlib.sha256(text.encode()).hexdigest()[:32]


class _Metrics:
    """hmetrics as reportlab reads it, (advance, lsb) by glyph, kept in one flat array."""

    def __init__(self, flat: array):
        self._flat = flat

    def __getitem__(self, glyph: int) -> tuple[int, int]:
        return self._flat[2 * glyph], self._flat[2 * glyph + 1]

    def __len__(self) -> int:
        return len(self._flat) // 2


def _packed(mapping: dict[int, float], kind: str) -> tuple[bytes, str, bytes]:
    """`mapping` as sorted codes and their values, each an array's bytes."""
    codes = sorted(mapping)
    return (array("I", codes).tobytes(), kind,
            array(kind, [mapping[code] for code in codes]).tobytes())


def _unpacked(codes: bytes, kind: str, values: bytes) -> tuple[array, array]:
    return array("I", codes), array(kind, values)


def _store(face: TTFontFace, entry: Path) -> None:
    """Write `face`'s parsed state to `entry`; any problem just leaves the cache without it."""
    try:
        payload = marshal.dumps(_state_of(face))
        header = _MAGIC + len(payload).to_bytes(8, "big") + zlib.crc32(payload).to_bytes(4, "big")
        entry.parent.mkdir(parents=True, exist_ok=True)
        with Commit(entry.parent) as files:
            files.write(entry, header + payload)
            files.finish()
    except (OSError, ValueError, TypeError, OverflowError):
        pass  # a read-only home or an odd value: parse again next time


def _state_of(face: TTFontFace) -> dict:
    # The large tables go in as packed arrays: unpacking them is several times faster than
    # unmarshalling the equivalent dicts and lists.
    state = {k: v for k, v in face.__dict__.items()
             if k not in _SKIPPED + ("charToGlyph", "charWidths", "hmetrics", "glyphPos")}
    for name in _NAMES:
        if name in state:
            state[name] = bytes(state[name])
    # Glyph ids are whole numbers; widths are floats when a face's em is not 1000 units.
    widths_kind = "i" if all(isinstance(v, int) for v in face.charWidths.values()) else "d"
    state["_packed"] = (
        _packed(face.charToGlyph, "i"),
        _packed(face.charWidths, widths_kind),
        array("i", [v for pair in face.hmetrics for v in pair]).tobytes(),
        array("I", face.glyphPos).tobytes())
    return state


def _rebuild(state: dict, path: Path) -> MappedFace:
    face = MappedFace.__new__(MappedFace)
    glyphs, widths, metrics, positions = state.pop("_packed")
    face.__dict__.update(state)
    face._lazy = (_unpacked(*glyphs), _unpacked(*widths))
    face._absent = set()
    face.charToGlyph = {}
    face.charWidths = {}
    # reportlab's subset state looks up ASCII directly when a document first uses the font.
    face.ensure(range(0x100))
    face.hmetrics = _Metrics(array("i", metrics))
    face.glyphPos = array("I", positions)
    for name in _NAMES:
        if name in state:
            setattr(face, name, TTFNameBytes(state[name]))
    units = face.unitsPerEm
    face._pdfScale = (lambda x: x) if units == 1000 else (lambda x: x * 1000 / units)
    face.glyphToChar = {}
    with path.open("rb") as handle:  # mapped, not read: a subset touches only its glyphs
        face._ttf_data = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
    return face
