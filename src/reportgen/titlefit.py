"""How a title breaks into lines, one answer for both writers: measured with the title face's own
advances, read from its font file.

The PDF sets the lines centred; the DOCX gets the same breaks as line breaks in one paragraph,
because Word and LibreOffice would fill the first line and split 节|日 or leave 的意见 alone on
the second. The advances are the face's at the title's size, not narrowed to the PDF's grid:
a line that fits them fits in a word processor, which does not narrow the title, too.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reportgen.fontmetrics import advances
from reportgen.layout.title_lines import balanced_lines

if TYPE_CHECKING:
    from reportgen.fontset import FontRegistry
    from reportgen.template import RoleStyle


def title_lines(text: str, fonts: FontRegistry, role: RoleStyle, width: float) -> list[str]:
    """`text` in balanced lines `width` points wide, in a trapezoid or diamond (see
    `layout.title_lines`), each character measured in the face that draws it: the role's
    face, or the one that has a rare character."""
    face = fonts.resolve(role.faces)
    ems: dict[str, float] = {}

    def advance(ch: str) -> float:
        if ch not in ems:  # the breaker also asks for characters not in the text (一)
            for drawn_by, run in fonts.split_by_coverage(text + ch, face):
                ems.update(advances(drawn_by.path, run, drawn_by.index))
        return role.size_pt * ems[ch]

    return [line.text for line in balanced_lines(text, advance, width, shaped=True)]
