"""The user's own font files read: each usable font a face, recognised as an office font
(officefonts.py) or else a fallback, and each unusable file a note saying why."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from reportgen.errors import fail
from reportgen.files import is_regular
from reportgen.fontface import Face
from reportgen.officefonts import recognise
from reportgen.xmlchars import first_forbidden

FONT_SUFFIXES = (".ttf", ".ttc", ".otf")


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
class UserFaces:
    """What the font files of the user provide: faces of office fonts (`named`), fallback faces
    (any other TrueType font), and notes on files that cannot be used."""

    named: list[Face] = field(default_factory=list)
    fallbacks: list[Face] = field(default_factory=list)
    notes: list[FontNote] = field(default_factory=list)


def read_user_fonts(dirs: Sequence[Path]) -> UserFaces:
    """The faces and notes of every font file in the folders `dirs`, in the order of the files."""
    found = UserFaces()
    for path in _font_files(dirs):
        file = _user_faces(path)
        found.named += file.named
        found.fallbacks += file.fallbacks
        found.notes += file.notes
    return found


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


def _user_faces(path: Path) -> UserFaces:
    """What a font file of the user provides: faces for the keys of the office fonts it is,
    or else a fallback face; CFF and unreadable files give a note instead."""
    found = UserFaces()
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


def override_face(key: str, path: Path) -> Face:
    if not path.is_file():
        raise fail(f"font for {key} not found", file=path, hint="check the path of the font file")
    try:
        with _members(path) as members:
            index, font = members[0]
            outlines = "glyf" in font
            face = _make_face(key, path, index, font)
    except Exception as exc:  # fontTools raises many types on damaged or foreign files
        raise fail(f"font for {key} cannot be read: {exc}", file=path,
                   hint="give a TrueType (.ttf, .ttc) or OpenType (.otf) font file") from exc
    if not outlines:
        raise fail(
            f"font for {key} has PostScript (CFF) outlines, which the PDF writer cannot use",
            file=path,
            hint="use a TrueType (.ttf) version of the font",
        )
    return face
