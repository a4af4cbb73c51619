"""Font registry: which face (宋体, 黑体, 楷体, 仿宋 …) draws which character, for every writer.

Faces are named by keys: `song`, `song-bold`, `hei`, `kai`, `fangsong` (bundled, see
fonts/README.md), `xiaobiaosong` (only from the user's own fonts), and the bundled `fallback-*`
faces, which hold the rarer ideographs, one file per range of blocks. A user font found in
`font_dirs` under an office name (`officefonts`: 仿宋_GB2312, 方正仿宋_GBK, SimFang …), or named
in `overrides`, takes a key's place; a user font of any other name fills in the characters that
the bundled faces lack. A face may also be asked for by a family or PostScript name. A face is
fontface.py's `Face`; userfonts.py reads the user's font files.

Bundled fonts are found in `$REPORTGEN_FONTS_DIR`, else in `fonts/` of the project root (a
checkout or an editable install). Nothing is parsed until it is needed, and bundled font files
are never opened here: their exact coverage comes from `manifest.json`, so a fallback file is
opened only by a writer that draws one of its characters. A user font's cmap is read on its
first `covers()`. Measured on 2 busy cores: importing this module 15–25 ms, a registry 0.1 ms,
resolving five keys (reads the manifest) 0.2 ms, the first `covers()` of a bundled face at most
0.3 ms; of a user font 130 ms for 41,494 characters (HanaMinA).

The registry knows no backend: fontTools only, imported when a user font is read.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Mapping, Sequence
from functools import cached_property
from pathlib import Path

from reportgen.errors import fail
from reportgen.fontface import Face
from reportgen.officefonts import normalize
from reportgen.resources import resource_dir
from reportgen.userfonts import FontNote, UserFaces, UserFont, override_face, read_user_fonts

FONTS_DIR_ENV = "REPORTGEN_FONTS_DIR"


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
    def _user(self) -> UserFaces:
        """The user's fonts, in the order of their files: faces of office fonts (`named`,
        ranked by `_office`), fallback faces (any other TrueType font), and notes on files
        that cannot be used."""
        return read_user_fonts(self._font_dirs)

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
            faces[key] = override_face(key, path)
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
