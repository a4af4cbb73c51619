"""numbering.xml: live multilevel lists for headings (一、 （一） 1. （1） ①) and for plans.

One list, linked to the heading styles, numbers every section. A group of sibling sections
numbered in another style (01 02 … under （二）) gets a list of its own, a copy of its parent's
with that level changed, so it restarts under each parent; its descendants stay in it so that
they restart under its items. Each plan is a one-level list of its own. No number is ever typed
into the text.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reportgen.numbering import NumberStyle
from reportgen.template import Template
from reportgen.writers.docx import oxml
from reportgen.writers.docx.layout import Grid
from reportgen.writers.docx.styles import heading_role, style_id

LEVELS = 9
"""Word defines nine levels per list; deeper ones than the template's count in decimal."""

NUM_FMT = {
    "chinese": "chineseCounting",
    "decimal": "decimal",
    "decimal-zero": "decimalZero",
    "circled": "decimalEnclosedCircle",
    "upper-letter": "upperLetter",
    "lower-letter": "lowerLetter",
}
"""Our counters to `w:numFmt` values."""

_FALLBACK = NumberStyle("decimal", "", ".")


@dataclass(frozen=True)
class NumberedList:
    """A list instance: its `w:num` id and the style of each level (level 1 first)."""

    num_id: int
    levels: tuple[NumberStyle, ...]

    def style(self, level: int) -> NumberStyle:
        return self.levels[level - 1] if level <= len(self.levels) else _FALLBACK


@dataclass
class Numbering:
    """The lists of one document, created as the writer meets sections and plans."""

    template: Template
    grid: Grid
    _definitions: list = field(default_factory=list)
    main: NumberedList = field(init=False)

    def __post_init__(self) -> None:
        self.main = self._add(tuple(self.template.levels), "headings", linked=True)

    def sections(self, parent: NumberedList, level: int, style: NumberStyle,
                 fresh: bool) -> NumberedList:
        """The list for sibling sections at `level` in `style` under a parent in `parent`.

        `fresh` asks for a new list even when the style matches (sections under a plan point).
        """
        if not fresh and parent.style(level) == style:
            return parent
        levels = list(parent.levels) + [_FALLBACK] * max(0, level - len(parent.levels))
        levels[level - 1] = style
        return self._add(tuple(levels), f"headings-{len(self._definitions) + 1}", linked=False)

    def plan(self, style: NumberStyle) -> NumberedList:
        """A new one-level list for the points of a plan, counting from 1."""
        return self._add((style,), f"plan-{len(self._definitions) + 1}", linked=False,
                         role="plan_item")

    def element(self) -> oxml.Element:
        """The `w:numbering` root: every abstract definition, then every list instance."""
        root = oxml.el("w:numbering")
        for abstract_id, (name, levels) in enumerate(self._definitions):
            root.append(oxml.abstract_num(abstract_id, f"reportgen-{name}", levels))
        for abstract_id in range(len(self._definitions)):
            root.append(oxml.num(abstract_id + 1, abstract_id))
        return root

    def _add(self, levels: tuple[NumberStyle, ...], name: str, *, linked: bool,
             role: str | None = None) -> NumberedList:
        count = 1 if role else LEVELS
        lvls = []
        for ilvl in range(count):
            style = levels[ilvl] if ilvl < len(levels) else _FALLBACK
            level_role = role or heading_role(ilvl + 1)
            lvls.append(self._lvl(ilvl, style, level_role, linked))
        self._definitions.append((name, lvls))
        return NumberedList(len(self._definitions), levels)

    def _lvl(self, ilvl: int, style: NumberStyle, role: str, linked: bool) -> oxml.Element:
        """A level whose number sits where a typed number would: at the first-line indent."""
        role_style = self.template.role(role)
        first, first_chars = self.grid.chars(role_style.indent_chars, role_style.size_pt)
        indent = oxml.ind(left=0, left_chars=0, first_line=first, first_line_chars=first_chars)
        text = f"{style.prefix}%{ilvl + 1}{style.suffix}"
        linked_style = style_id(role) if linked and ilvl < 5 else None
        return oxml.lvl(ilvl, NUM_FMT[style.counter], text, indent=indent, style=linked_style)
