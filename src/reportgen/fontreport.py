"""What `reportgen fonts` shows: the face that draws each role, and what became of each font of
the user's (used, not used and why, a fallback, or left out)."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from pathlib import Path

from reportgen.fontface import Face
from reportgen.fontset import FontRegistry
from reportgen.officefonts import OFFICE_FONTS
from reportgen.template import ROLES, Template
from reportgen.userfonts import UserFont

FIELD_ROLES = {
    "body": ("body", "heading1", "heading2", "heading3", "heading4", "heading5", "plan_item",
             "table", "table_header", "caption"),
    "attachments": ("attachment",),
    "signature": ("signature", "date"),
}
"""The roles a report field's text is set in, where they are not the field's own name."""


def kind_roles(template: Template) -> list[str]:
    """The roles a document of `template` uses: those of its fields and the page number."""
    used = {role for name in template.fields for role in FIELD_ROLES.get(name, (name,))}
    return [role for role in ROLES if role in used or role == "page_number"]


def font_report(template: Template, registry: FontRegistry, font_dirs: Iterable[Path] = (),
                texts: Iterable[str] | None = None) -> list[str]:
    """The lines of the report for a document of `template`; `texts` are the report's texts
    (None without a report), to tell which of its characters a fallback font draws."""
    roles = kind_roles(template)
    drawn = {role: registry.resolve(template.role(role).faces) for role in roles}
    lines = [f"Fonts for {template.kind}" + (f" ({template.source})" if template.source else ""),
             ""]
    rows = [("role", "faces asked for", "drawn with", "from", "DOCX names")]
    for role in roles:
        spec = template.role(role)
        rows.append((role, ", ".join(spec.faces), _face_name(drawn[role]), _origin(drawn[role]),
                     spec.office_faces[0] if spec.office_faces else ""))
    lines += _table(rows)
    lines += _unmet(template, registry, drawn)
    lines.append("")
    lines += _user_fonts(registry, drawn, list(font_dirs), texts)
    return lines


def _face_name(face: Face) -> str:
    if face.office is not None and face.office.name != face.family:
        return f"{face.office.name} ({face.family})"
    return face.family + (" Bold" if face.bold and "bold" not in face.family.lower() else "")


def _origin(face: Face) -> str:
    return f"bundled: {face.path.name}" if face.bundled else f"your font: {face.path}"


def _unmet(template: Template, registry: FontRegistry, drawn: dict[str, Face]) -> list[str]:
    """A line for each face a role asked for first but did not get, and why."""
    lines = []
    for wanted in dict.fromkeys(template.role(role).faces[0] for role in drawn):
        if registry.find(wanted) is not None:
            continue
        roles = [role for role in drawn if template.role(role).faces[0] == wanted]
        instead = _face_name(drawn[roles[0]])
        offices = OFFICE_FONTS.get(wanted.removesuffix("-bold"))
        why = (f"none of your fonts is {_either(names[0] for names in offices)}" if offices
               else "no font has that key or family name")
        verb = "uses" if len(roles) == 1 else "use"
        lines.append(f"{wanted}: {why}; {', '.join(roles)} {verb} {instead} instead")
    return [""] + lines if lines else []


def _user_fonts(registry: FontRegistry, drawn: dict[str, Face], font_dirs: list[Path],
                texts: Iterable[str] | None) -> list[str]:
    fonts = registry.user_fonts
    where = ", ".join(str(d) for d in font_dirs) or "none"
    if not fonts:
        return [f"Your fonts: none found (folders: {where})",
                "  (hint: --fonts DIR, the REPORTGEN_FONTS variable, or a fonts/ folder beside "
                "the report)"]
    lines = [f"Your fonts ({len(fonts)}; folders: {where}):"]
    extra = _drawn_by_fallbacks(registry, texts) if texts is not None else None
    for font in fonts:
        lines.append(f"  {_font_title(font)}  {font.path}")
        lines.append(f"      {_fate(font, registry, drawn, extra)}")
    return lines


def _font_title(font: UserFont) -> str:
    if font.face is None:
        return "(unusable)"
    face = font.face
    names = [face.family, face.ps_name]
    if face.office is not None:
        names.insert(0, face.office.name)
    return " / ".join(dict.fromkeys(names)) + (" (bold)" if face.bold else "")


def _fate(font: UserFont, registry: FontRegistry, drawn: dict[str, Face],
          extra: dict[Face, str] | None) -> str:
    """What the font does for this template: used, not used (and why), fallback, left out."""
    face = font.face
    if face is None:
        note = font.note
        return f"left out: {note.message} (hint: {note.hint})" if note else "left out"
    roles = [role for role, used in drawn.items() if used == face]
    if roles:
        return f"used ({face.key}): draws {', '.join(roles)}"
    if face.office is None:
        found = ""
        if extra is not None:
            chars = extra.get(face, "")
            found = f"; in this report: {len(chars)} ({chars})" if chars else \
                "; in this report: none"
        return "fallback: draws characters that no bundled face has" + found
    chosen = registry.faces.get(face.key)
    if chosen is not None and chosen != face and not chosen.bundled:
        return (f"not used for {face.key}: {_face_name(chosen)} comes first; it draws the "
                f"characters {_face_name(chosen)} lacks (name it in a role's faces to use it)")
    return f"not used: no role of this template asks for {face.key}"


def _drawn_by_fallbacks(registry: FontRegistry, texts: Iterable[str]) -> dict[Face, str]:
    """The characters of `texts` that no face of a key has and a user fallback font draws."""
    keyed = [*registry.faces.values(), *registry.primaries]
    found: dict[Face, str] = {}
    for ch in dict.fromkeys("".join(texts)):
        if ch.isspace() or any(face.covers(ch) for face in keyed):
            continue
        face = next((f for f in registry.user_fallbacks if f.covers(ch)), None)
        if face is not None:
            found[face] = found.get(face, "") + ch
    return found


def _either(names: Iterable[str]) -> str:
    names = list(names)
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]


def _table(rows: list[tuple[str, ...]]) -> list[str]:
    """Rows in columns padded to their widest cell, counting a Chinese character as two."""
    widths = [max(_width(row[i]) for row in rows) for i in range(len(rows[0]))]
    return ["  ".join(cell + " " * (width - _width(cell)) for cell, width in
                      zip(row, widths, strict=True)).rstrip() for row in rows]


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
