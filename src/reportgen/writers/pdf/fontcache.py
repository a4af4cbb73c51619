"""A disk cache of reportlab's parsed TrueType metrics: a known face costs a file read, not a parse.

reportlab parses a font's cmap, widths and glyph offsets on every registration (30–100 ms for a
24,000-glyph CJK face), which dominates a cold build. The parsed state is plain data, so it is
kept with `marshal` (builtin types only; nothing in it can run code) under the user's cache
folder, keyed by the file's path, size and modification time and by reportlab's version. Any
problem with the cache falls back to parsing: the cache can make a build faster, never wrong.
"""

from __future__ import annotations

import hashlib
import marshal
import mmap
import os
import tempfile
from array import array
from pathlib import Path

import reportlab
from reportlab.pdfbase.ttfonts import TTFNameBytes, TTFontFace

CACHE_ENV = "REPORTGEN_CACHE_DIR"
_FORMAT = 4
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


def load_face(path: Path, index: int = 0) -> TTFontFace:
    """reportlab's parsed face for `path` (member `index` of a collection), cached on disk."""
    folder = cache_dir()
    entry = folder / f"{_key(path, index)}.ttfmeta" if folder else None
    if entry is not None and entry.is_file():
        try:
            return _rebuild(marshal.loads(entry.read_bytes()), path)
        except (OSError, ValueError, EOFError, TypeError, KeyError):
            pass
    face = TTFontFace(str(path), subfontIndex=index)
    if entry is not None:
        _store(face, entry)
    return face


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
    return array("I", mapping.keys()).tobytes(), kind, array(kind, mapping.values()).tobytes()


def _unpacked(keys: bytes, kind: str, values: bytes) -> dict[int, float]:
    return dict(zip(array("I", keys), array(kind, values), strict=True))


def _store(face: TTFontFace, entry: Path) -> None:
    """Write `face`'s parsed state to `entry`; any problem just leaves the cache without it."""
    try:
        data = marshal.dumps(_state_of(face))
        entry.parent.mkdir(parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(dir=entry.parent, suffix=".part")
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temp, entry)
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


def _rebuild(state: dict, path: Path) -> TTFontFace:
    face = TTFontFace.__new__(TTFontFace)
    glyphs, widths, metrics, positions = state.pop("_packed")
    face.__dict__.update(state)
    face.charToGlyph = _unpacked(*glyphs)
    face.charWidths = _unpacked(*widths)
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
