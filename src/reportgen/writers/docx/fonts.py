"""Which font family each role names in the DOCX, for the `standard` and `bundled` profiles.

`standard` names the faces Chinese offices have installed (仿宋_GB2312, 黑体, 楷体_GB2312 …)
from the template's `office_faces`, the next one as `w:altName`; `bundled` names the faces the
font registry resolves from the template's `faces` keys, which the writer then embeds.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from reportgen.template import ROLES, Template
from reportgen.writers.options import WriteOptions

FIELD_ROLES = ("page_number",)
"""Roles whose text is a field an editor does not type: their face needs only the document's
characters, not the ones an editor may type next."""

if TYPE_CHECKING:
    from collections.abc import Iterable

    from reportgen.fontface import Face
    from reportgen.fontset import FontRegistry


@dataclass
class Family:
    """A `w:font` entry: the family name, an alternative name, and the bundled regular and bold
    faces to embed (None in the standard profile, where nothing is embedded)."""

    name: str
    alt_name: str | None = None
    regular: Face | None = None
    bold: Face | None = None


class Faces:
    """The family named for each role."""

    def __init__(self, template: Template, options: WriteOptions):
        self._names: dict[str, str] = {}
        self._bold: dict[str, bool] = {}
        self._families: dict[str, Family] = {}
        self._typed: set[Face] = set()
        for role in ("body", *ROLES):
            rs = template.role(role)
            office = rs.office_faces or template.role("body").office_faces
            if options.docx_fonts == "bundled":
                face = options.fonts.resolve(rs.faces)
                # an editor without the embedded face sees the office's own in its place
                family = self._families.setdefault(face.family, Family(face.family, office[0]))
                setattr(family, "bold" if face.bold else "regular", face)
                self._names[role], self._bold[role] = face.family, face.bold
                if role not in FIELD_ROLES:
                    self._typed.add(face)
            else:
                alt_name = office[1] if len(office) > 1 else None
                self._families.setdefault(office[0], Family(office[0], alt_name))
                self._names[role], self._bold[role] = office[0], False

    def typed(self) -> set[Face]:
        """The bundled faces of the roles an editor types in (all but `FIELD_ROLES`); none in
        the standard profile."""
        return set(self._typed)

    def name(self, role: str) -> str:
        """The family name written in `w:rFonts` for `role`."""
        return self._names[role]

    def rename(self, names: dict[str, str]) -> None:
        """Name families by `names` (old name to new) from now on: embedded subsets."""
        self._names = {role: names.get(name, name) for role, name in self._names.items()}
        self._families = {names.get(name, name): replace(family, name=names.get(name, name))
                          for name, family in self._families.items()}

    def bold(self, role: str) -> bool:
        """Whether `role` is set in a bold face of its family (a bundled bold 宋体 title)."""
        return self._bold[role]

    def families(self) -> list[Family]:
        """Each family once, body's first (Word lists the main face first)."""
        return list(self._families.values())

    def fallbacks(self, characters: Iterable[str], registry: FontRegistry) -> dict[str, Face]:
        """For each of `characters` that one of the named faces lacks (rare ideographs of
        names), the face that is to draw it wherever it appears: the first that has it of the
        named faces (body's first), the other bundled primaries, the user's other fonts and the
        bundled fallbacks, as the PDF chooses. Empty in the standard profile, which names no
        bundled face: Word or LibreOffice then finds the character in an installed font."""
        own = [face for family in self._families.values()
               for face in (family.regular, family.bold) if face is not None]
        if not own:
            return {}
        chain = [*own, *registry.primaries, *registry.user_fallbacks, *registry.fallbacks]
        found = {}
        for ch in characters:
            if ch.isspace() or all(face.covers(ch) for face in own):
                continue
            face = next((f for f in chain if f.covers(ch)), None)
            if face is not None:
                found[ch] = face
        return found
