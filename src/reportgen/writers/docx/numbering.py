"""numbering.xml: live lists for headings (一、 （一） 1. （1） ①, or a template's) and plan points.

A number belongs to a paragraph style, never to the paragraph, so that a heading an editor adds
from the style list is numbered and the ones after it renumber:

- every heading counts in one list definition whose levels are linked to the styles 标题 1–5;
- a section that numbers its subsections its own way (01 02 03 under （二）) gets, for them, a
  style of its own based on the heading style of their level and bound to an instance of the
  same definition (`w:num`) with that level's format overridden. Instances of one definition
  share its counters, so 01 restarts under each （N） as 1. does;
- plan points count in a second definition, linked to 计划条目 (a plan numbered its own way gets
  a derived style likewise). A plan in a plan point's body counts at the definition's next
  level, in a style of its own (计划条目 2, based on 计划条目) numbered as the reader numbers
  such a plan (（1） under points 1.), so that neither plan counts on from the other and the
  inner count starts anew under each outer point, as levels do.

The count starts anew where no higher level says so: at each plan's first point and at the first
section under a plan point. There, and only there, the paragraph itself names an instance that
restarts its level (`w:startOverride`), as Word's own 重新开始于 1 does.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reportgen.numbering import NumberStyle
from reportgen.template import Template, heading_role
from reportgen.writers.docx import oxml
from reportgen.writers.docx.layout import Grid
from reportgen.writers.docx.styles import PARAGRAPH_STYLES, style_id

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
HEADINGS, PLAN = 0, 1
"""The two list definitions (`w:abstractNumId`); instance `n + 1` is each one's own."""


@dataclass(frozen=True)
class Binding:
    """How a numbered paragraph gets its number: the paragraph style bound to its list, and the
    `w:numPr` it carries itself when it restarts the count (None otherwise)."""

    style: str
    num: oxml.Element | None = None


@dataclass(frozen=True)
class DerivedStyle:
    """A heading or plan point style numbering its level its own way (01 02 03)."""

    style_id: str
    name: str
    based_on: str
    num_id: int
    ilvl: int


@dataclass
class Numbering:
    """The lists of one document; styles and instances are added as the writer meets them."""

    template: Template
    grid: Grid
    derived: dict[tuple[int, int, NumberStyle], DerivedStyle] = field(default_factory=dict)
    _instances: list[tuple[int, list[oxml.Element]]] = field(default_factory=list)
    nested_plans: list[DerivedStyle] = field(default_factory=list)
    """The points' styles of plans in plan points, one per depth met (计划条目 2 …)."""

    def __post_init__(self) -> None:
        self._instances += [(HEADINGS, []), (PLAN, [])]

    @property
    def heading_num_id(self) -> int:
        """The list instance of the heading styles."""
        return HEADINGS + 1

    @property
    def plan_num_id(self) -> int:
        """The list instance of the plan point style."""
        return PLAN + 1

    def heading(self, level: int, style: NumberStyle, restart: bool = False) -> Binding:
        """The number of a section at `level` counted in `style`; `restart` counts from 1."""
        role = heading_role(level)
        default = self._level_style(level - 1)
        return self._bind(HEADINGS, level - 1, role, style, default, restart)

    def plan_point(self, style: NumberStyle, restart: bool = False, nested: int = 0) -> Binding:
        """The number of a plan point counted in `style`; `restart` counts from 1; `nested`
        is how many plans the point's plan stands in (a plan in a point's body: 1)."""
        while len(self.nested_plans) < nested:
            depth = len(self.nested_plans) + 1
            base, name = PARAGRAPH_STYLES["plan_item"]
            self.nested_plans.append(DerivedStyle(f"{base}{depth + 1}", f"{name} {depth + 1}",
                                                  base, self.plan_num_id, depth))
        return self._bind(PLAN, nested, "plan_item", style, self._plan_style(nested), restart)

    def _plan_style(self, ilvl: int) -> NumberStyle:
        """The style level `ilvl` of the plan list counts in: the template's for a plan among
        sections; for a plan in a point's body, the style after its point's in the numbering,
        as the reader numbers such a plan unless it says otherwise (1. → （1） → ①, then 1.
        again). A plan numbered otherwise gets a derived style."""
        style, levels = self.template.plan, self.template.levels
        for _ in range(ilvl):
            style = levels[levels.index(style) + 1] if style in levels[:-1] \
                else self.template.plan
        return style

    def element(self) -> oxml.Element:
        """The `w:numbering` root: both definitions, then every list instance."""
        headings = [self._lvl(ilvl, self._level_style(ilvl), heading_role(ilvl + 1),
                              style_id(heading_role(ilvl + 1)) if ilvl < 5 else None)
                    for ilvl in range(LEVELS)]
        plan = [self._lvl(ilvl, self._plan_style(ilvl), "plan_item", self._base(PLAN, ilvl)[0])
                for ilvl in range(1 + len(self.nested_plans))]
        root = oxml.el("w:numbering", None,
                       oxml.abstract_num(HEADINGS, "reportgen-headings", headings),
                       oxml.abstract_num(PLAN, "reportgen-plan", plan))
        for n, (abstract_id, overrides) in enumerate(self._instances, start=1):
            root.append(oxml.num(n, abstract_id, overrides))
        return root

    def _base(self, abstract_id: int, ilvl: int) -> tuple[str, str]:
        """The id and name of the style numbered by level `ilvl` of a definition as it is."""
        if abstract_id == PLAN:
            nested = self.nested_plans[ilvl - 1] if ilvl else None
            return (nested.style_id, nested.name) if nested else PARAGRAPH_STYLES["plan_item"]
        base, name = PARAGRAPH_STYLES[heading_role(ilvl + 1)]
        return base, "标题 " + name.split()[-1]

    def _bind(self, abstract_id: int, ilvl: int, role: str, style: NumberStyle,
              default: NumberStyle, restart: bool) -> Binding:
        sid, lvl = self._base(abstract_id, ilvl)[0], None
        if style != default:
            sid = self._derived(abstract_id, ilvl, role, style).style_id
            lvl = self._lvl(ilvl, style, role, sid)
        if not restart:
            return Binding(sid)
        restart_id = self._instance(abstract_id, oxml.lvl_override(ilvl, 1, lvl))
        return Binding(sid, oxml.num_pr(restart_id, ilvl))

    def _derived(self, abstract_id: int, ilvl: int, role: str,
                 style: NumberStyle) -> DerivedStyle:
        key = (abstract_id, ilvl, style)
        if key not in self.derived:
            base, label = self._base(abstract_id, ilvl)
            sid = f"{PARAGRAPH_STYLES[role][0]}Num{len(self.derived) + 1}"
            lvl = self._lvl(ilvl, style, role, pstyle=sid)
            num_id = self._instance(abstract_id, oxml.lvl_override(ilvl, None, lvl))
            self.derived[key] = DerivedStyle(sid, f"{label}（{style.sample}）", base, num_id,
                                             ilvl)
        return self.derived[key]

    def _instance(self, abstract_id: int, override: oxml.Element) -> int:
        self._instances.append((abstract_id, [override]))
        return len(self._instances)

    def _level_style(self, ilvl: int) -> NumberStyle:
        levels = self.template.levels
        return levels[ilvl] if ilvl < len(levels) else _FALLBACK

    def _lvl(self, ilvl: int, style: NumberStyle, role: str,
             pstyle: str | None = None) -> oxml.Element:
        """A level whose number sits where a typed number would: at the first-line indent;
        `pstyle` is the paragraph style linked to it."""
        role_style = self.template.role(role)
        first, first_chars = self.grid.chars(role_style.indent_chars, role_style.size_pt)
        indent = oxml.ind(left=0, left_chars=0, first_line=first, first_line_chars=first_chars)
        text = f"{style.prefix}%{ilvl + 1}{style.suffix}"
        return oxml.lvl(ilvl, NUM_FMT[style.counter], text, indent=indent, style=pstyle)
