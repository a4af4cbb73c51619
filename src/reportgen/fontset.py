"""Font registry: which face (宋体, 黑体, 楷体, 仿宋 …) draws which character, for every writer.

Faces are named by keys: `song`, `song-bold`, `hei`, `kai`, `fangsong` (bundled, see
fonts/README.md), `xiaobiaosong` (only from the user's own fonts), and the bundled `fallback-*`
faces, which hold the rarer ideographs, one file per range of blocks. A user font found in
`font_dirs` under an office name (`officefonts`: 仿宋_GB2312, 方正仿宋_GBK, SimFang …), or named
in `overrides`, takes a key's place; a user font of any other name fills in the characters that
the bundled faces lack. A face may also be asked for by a family or PostScript name.

Bundled fonts are found in `$REPORTGEN_FONTS_DIR`, else in `fonts/` of the project root (a
checkout or an editable install). Nothing is parsed until it is needed, and bundled font files
are never opened here: their exact coverage comes from `manifest.json`, so a fallback file is
opened only by a writer that draws one of its characters. A user font's cmap is read on its
first `covers()`. Measured on 2 busy cores: importing this module 15–25 ms, a registry 0.1 ms,
resolving five keys (reads the manifest) 0.2 ms, the first `covers()` of a bundled face at most
0.3 ms; of a user font 130 ms for 41,494 characters (HanaMinA).

This module knows no backend: fontTools only, imported when a user font is read.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import Any

from reportgen.errors import fail
from reportgen.files import is_regular
from reportgen.officefonts import OfficeFont, normalize, recognise
from reportgen.resources import resource_dir
from reportgen.xmlchars import first_forbidden

FONTS_DIR_ENV = "REPORTGEN_FONTS_DIR"
FONT_SUFFIXES = (".ttf", ".ttc", ".otf")


@dataclass(frozen=True)
class Face:
    """One font file (or member of a collection) and what the registry knows about it.

    `coverage` is the face's code points as "20-7E,A0-FF,101,…" (hex) when known without
    opening the file (bundled faces, from the manifest); None means the cmap is read. `names`
    are every family, full and PostScript name of a user font, in every language; `office` the
    office font it is recognised as (None for bundled faces and fonts of other names).
    """

    key: str
    family: str
    path: Path
    ps_name: str
    index: int = 0
    bold: bool = False
    bundled: bool = False
    coverage: str | None = field(default=None, repr=False, compare=False)
    names: tuple[str, ...] = field(default=(), repr=False, compare=False)
    office: OfficeFont | None = field(default=None, repr=False, compare=False)

    @property
    def pdf_name(self) -> str:
        """A font name unique to this file: the PostScript name, plus a hash for user fonts."""
        if self.bundled:
            return self.ps_name
        digest = hashlib.sha1(f"{self.path.resolve()}#{self.index}".encode()).hexdigest()
        return f"{re.sub(r'[^A-Za-z0-9._+-]', '', self.ps_name) or self.key}-{digest[:8]}"

    @cached_property
    def cmap(self) -> Mapping[int, str]:
        """Code point to glyph name, read from the font's cmap table on first use."""
        from fontTools.ttLib import TTFont

        with TTFont(self.path, fontNumber=self.index, lazy=True) as font:
            return font.getBestCmap() or {}

    @property
    def loaded(self) -> bool:
        """Whether the cmap has been read (the file opened) yet."""
        return "cmap" in self.__dict__

    def covers(self, ch: str) -> bool:
        """Whether the face has a glyph for the character `ch`."""
        code = ord(ch)
        if self.coverage is None:
            return code in self.cmap
        starts, ends = self._ranges
        i = bisect_right(starts, code) - 1
        return i >= 0 and code <= ends[i]

    @cached_property
    def _ranges(self) -> tuple[list[int], list[int]]:
        starts, ends = [], []
        for item in self.coverage.split(",") if self.coverage else ():
            lo, _, hi = item.partition("-")
            starts.append(int(lo, 16))
            ends.append(int(hi or lo, 16))
        return starts, ends


def default_fonts_dir() -> Path:
    """$REPORTGEN_FONTS_DIR, else `fonts/` of the checkout or the install."""
    return resource_dir("fonts", FONTS_DIR_ENV)


class FontRegistry:
    """The faces a document can use: the user's fonts first, then the bundled ones."""

    def __init__(
        self,
        font_dirs: Sequence[Path] = (),
        overrides: Mapping[str, Path] = {},
        bundled_dir: Path | None = None,
    ) -> None:
        """`bundled_dir` None means `default_fonts_dir()`."""
        self._font_dirs = [Path(d) for d in font_dirs]
        self._overrides = {key: Path(path) for key, path in overrides.items()}
        self._bundled_dir = bundled_dir if bundled_dir is not None else default_fonts_dir()
        self._chains: dict[Face, list[Face]] = {}

    @cached_property
    def _bundled(self) -> dict[str, list[Face]]:
        """Bundled faces by role ("primary", "fallback"), in the manifest's order."""
        roles: dict[str, list[Face]] = {"primary": [], "fallback": []}
        manifest = self._bundled_dir / "manifest.json"
        if not manifest.is_file():
            return roles
        for f in json.loads(manifest.read_text(encoding="utf-8"))["faces"]:
            path = self._bundled_dir / f["file"]
            face = Face(
                f["key"],
                f["family"],
                path,
                f["ps_name"],
                bold=f["bold"],
                bundled=True,
                coverage=f["cmap"],
            )
            roles[f["role"]].append(face)
        return roles

    @property
    def primaries(self) -> list[Face]:
        """Bundled faces meant for whole runs of text (song, song-bold, hei, kai)."""
        return self._bundled["primary"]

    @property
    def fallbacks(self) -> list[Face]:
        """Bundled faces that only fill in rare ideographs, in the order they are tried."""
        return self._bundled["fallback"]

    @cached_property
    def _user(self) -> _UserFile:
        """The user's fonts, in the order of their files: faces of office fonts (`named`,
        ranked by `_office`), fallback faces (any other TrueType font), and notes on files
        that cannot be used."""
        found = _UserFile()
        for path in _font_files(self._font_dirs):
            file = _user_faces(path)
            found.named += file.named
            found.fallbacks += file.fallbacks
            found.notes += file.notes
        return found

    @cached_property
    def _office(self) -> dict[str, list[Face]]:
        """The user's office fonts by key, best-ranked first (then in the order found)."""
        by_key: dict[str, list[Face]] = {}
        for face in sorted(self._user.named, key=lambda f: f.office.rank):
            by_key.setdefault(face.key, []).append(face)
        return by_key

    @property
    def user_fallbacks(self) -> list[Face]:
        """The user's fonts of other family names: tried for characters that the face of a
        run and the bundled primaries lack, before the bundled fallbacks."""
        return self._user.fallbacks

    @property
    def user_fonts(self) -> list[UserFont]:
        """Every font file (or member of a collection) in the font folders, and what the
        registry made of it, in the order found."""
        fonts = [UserFont(face.path, face) for face in self._user.named + self._user.fallbacks]
        fonts += [UserFont(note.path, None, note) for note in self._user.notes]
        return sorted(fonts, key=lambda font: (str(font.path), font.face.index if font.face
                                               else 0))

    @property
    def notes(self) -> list[FontNote]:
        """Problems with the user's font files (CFF outlines, unreadable files)."""
        return self._user.notes

    @cached_property
    def faces(self) -> dict[str, Face]:
        """Every face by key; the user's (overrides, then `font_dirs`) shadow bundled ones."""
        faces = {face.key: face for face in self.primaries + self.fallbacks}
        faces.update({key: found[0] for key, found in self._office.items()})
        for key, path in self._overrides.items():
            faces[key] = _override_face(key, path)
        return faces

    @cached_property
    def _by_name(self) -> dict[str, Face]:
        """Every face by each of its names (normalized): the user's first, regular before bold,
        then the bundled faces' families and PostScript names."""
        found: dict[str, Face] = {}
        for face in sorted(self._user.named + self._user.fallbacks, key=lambda f: f.bold):
            for name in face.names:
                found.setdefault(normalize(name), face)
        for face in sorted(self.primaries + self.fallbacks, key=lambda f: f.bold):
            for name in (face.family, face.ps_name):
                found.setdefault(normalize(name), face)
        return found

    def find(self, name: str) -> Face | None:
        """The face of a key (`fangsong`), or else the font of that family or PostScript name
        (方正仿宋_GBK, FZFSK--GBK1-0, Reportgen Song); None when there is none."""
        return self.faces.get(name) or self._by_name.get(normalize(name))

    def resolve(self, keys: Sequence[str]) -> Face:
        """The first face that exists among `keys` (face keys or font names, see `find`), in
        order of preference."""
        for key in keys:
            face = self.find(key)
            if face is not None:
                return face
        hint = (
            f"bundled fonts are read from {self._bundled_dir}; set {FONTS_DIR_ENV} to the "
            "fonts/ directory of reportgen"
            if not self.primaries
            else "add a font with that family name to the font directories"
        )
        raise fail(f"no font for {' or '.join(keys)}", hint=hint)

    def split_by_coverage(self, text: str, face: Face) -> list[tuple[Face, str]]:
        """`text` cut into runs, each with the first face that has glyphs for it.

        Faces are tried in this order: `face`, the bundled primary faces (same key first, then
        same weight), the user's fonts of other family names (`user_fallbacks`), then the
        bundled fallbacks (one per block, in the manifest's order). White space and
        combining marks stay in the run before them when its face has them; a character no face
        has stays in the current run (see `missing`).
        """
        runs: list[tuple[Face, list[str]]] = []
        chain = self._chain(face)
        for ch in text:
            current = runs[-1][0] if runs else None
            if current is not None and _is_neutral(ch) and current.covers(ch):
                chosen = current
            else:
                chosen = next((f for f in chain if f.covers(ch)), current or face)
            if chosen is current:
                runs[-1][1].append(ch)
            else:
                runs.append((chosen, [ch]))
        return [(f, "".join(chars)) for f, chars in runs]

    def missing(self, text: str) -> list[str]:
        """Characters of `text` that no face can draw, each once, white space and controls aside."""
        faces = [*self.faces.values(), *self.primaries, *self._user.named, *self.user_fallbacks]
        return [
            ch
            for ch in dict.fromkeys(text)
            if not (ch.isspace() or unicodedata.category(ch) in ("Cc", "Cf"))
            and not any(f.covers(ch) for f in faces)
        ]

    def _chain(self, face: Face) -> list[Face]:
        """The faces to try, in order, for a character of a run set in `face`."""
        if face not in self._chains:
            alike = [f for f in self._office.get(face.key, ()) if f != face]
            others = sorted(
                (f for f in self.primaries if f != face),
                key=lambda f: (f.key != face.key, f.bold != face.bold),
            )
            self._chains[face] = [face, *alike, *others, *self.user_fallbacks, *self.fallbacks]
        return self._chains[face]


def _is_neutral(ch: str) -> bool:
    return ch.isspace() or unicodedata.combining(ch) > 0 or unicodedata.category(ch) == "Mn"


def _font_files(dirs: Sequence[Path]) -> Iterator[Path]:
    for directory in dirs:
        if directory.is_dir():
            files = (p for p in directory.rglob("*") if p.suffix.lower() in FONT_SUFFIXES)
            yield from sorted(files)


@contextmanager
def _members(path: Path) -> Iterator[list[tuple[int, Any]]]:
    """(index, lazily read fontTools TTFont) for each font in a file; closed on exit."""
    from fontTools.ttLib import TTCollection, TTFont

    if path.suffix.lower() == ".ttc":
        with TTCollection(path, lazy=True) as collection:
            yield list(enumerate(collection.fonts))
    else:
        with TTFont(path, lazy=True) as font:
            yield [(0, font)]


_NAME_IDS = (16, 1, 21, 4, 6)
"""Typographic, legacy and WWS family names, full names and PostScript names."""


def _font_names(font: Any) -> tuple[str, ...]:
    """Every name the font goes by, in every language and platform of its name table (the
    Chinese family name of an office font is often only under Windows language 0x804)."""
    records = sorted((rec for rec in font["name"].names if rec.nameID in _NAME_IDS),
                     key=lambda rec: _NAME_IDS.index(rec.nameID))
    names = (rec.toStr(errors="ignore").strip("\x00 ") for rec in records)
    return tuple(dict.fromkeys(name for name in names if name))


def _make_face(key: str, path: Path, index: int, font: Any) -> Face:
    name = font["name"]
    family = name.getDebugName(16) or name.getDebugName(1) or path.stem
    ps_name = name.getDebugName(6) or path.stem
    bold = bool(font["head"].macStyle & 1) or font["OS/2"].usWeightClass >= 700
    names = _font_names(font)
    return Face(key, family, path, ps_name, index=index, bold=bold, names=names,
                office=recognise(names))


@dataclass(frozen=True)
class FontNote:
    """Why a font file of the user's is not used, and what to do about it."""

    path: Path
    message: str
    hint: str


@dataclass(frozen=True)
class UserFont:
    """A font file (or member of a collection) of the user's: the `face` the registry made of
    it, or None and the `note` saying why it cannot be used."""

    path: Path
    face: Face | None
    note: FontNote | None = None


@dataclass
class _UserFile:
    named: list[Face] = field(default_factory=list)
    fallbacks: list[Face] = field(default_factory=list)
    notes: list[FontNote] = field(default_factory=list)


def _user_faces(path: Path) -> _UserFile:
    """What a font file of the user provides: faces for the keys of the office fonts it is,
    or else a fallback face; CFF and unreadable files give a note instead."""
    found = _UserFile()
    if not is_regular(path):  # a FIFO named x.ttf would hold the build up forever
        found.notes.append(FontNote(path, "is not a regular file; left out",
                                    "remove it from the fonts folder"))
        return found
    try:
        with _members(path) as members:
            for index, font in members:
                face = _make_face("user", path, index, font)
                problem = _unusable(font, face)
                if "glyf" not in font:
                    found.notes.append(FontNote(
                        path, f"{face.family} has PostScript (CFF) outlines, which the PDF "
                              "writer cannot use; the font is left out",
                        "use a TrueType (.ttf) version of the font"))
                elif problem:
                    found.notes.append(FontNote(
                        path, f"{face.family!r} {problem}; the font is left out",
                        "remove it from the fonts folder, or replace it"))
                elif face.office is not None:
                    key = face.office.key + ("-bold" if face.bold else "")
                    found.named.append(replace(face, key=key))
                else:
                    found.fallbacks.append(replace(face, key=f"user:{face.ps_name}#{index}"))
    except Exception as exc:  # fontTools raises many types on damaged or foreign files
        found.notes.append(FontNote(path, f"not a font reportgen can read ({exc})",
                                    "remove it from the fonts folder, or replace it"))
    return found


_TABLES = ("head", "hhea", "maxp", "hmtx", "loca", "name", "cmap")
"""Tables the PDF writer reads from a TrueType font (glyf aside: its absence means CFF)."""


def _unusable(font: Any, face: Face) -> str | None:
    """Why the PDF writer could not use `font`, which fontTools reads: a missing table, a
    broken em, no Unicode character map, a name a document cannot hold, or a licence that
    forbids embedding; None if it can."""
    missing = [tag for tag in _TABLES if tag not in font]
    if missing:
        return f"lacks the table{'s' if len(missing) > 1 else ''} {', '.join(missing)}"
    units = font["head"].unitsPerEm
    if not 16 <= units <= 16384:
        return f"has {units} units per em (a font has 16 to 16384)"
    if not any(table.isUnicode() for table in font["cmap"].tables):
        return "has no Unicode character map"
    if first_forbidden(face.family + face.ps_name) is not None:
        return "has a control character in its name"
    fs_type = font["OS/2"].fsType if "OS/2" in font else 0
    if fs_type == 0x0002 or fs_type & 0x0300:
        return "does not allow embedding in a document (its licence bits, fsType)"
    return None


def _override_face(key: str, path: Path) -> Face:
    if not path.is_file():
        raise fail(f"font for {key} not found", file=path)
    try:
        with _members(path) as members:
            index, font = members[0]
            outlines = "glyf" in font
            face = _make_face(key, path, index, font)
    except Exception as exc:  # fontTools raises many types on damaged or foreign files
        raise fail(f"font for {key} cannot be read: {exc}", file=path) from exc
    if not outlines:
        raise fail(
            f"font for {key} has PostScript (CFF) outlines, which the PDF writer cannot use",
            file=path,
            hint="use a TrueType (.ttf) version of the font",
        )
    return face
