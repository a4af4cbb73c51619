"""Templates: one readable YAML file per kind of document (page, faces per role, numbering).

A template says how a kind of document looks and which top-level fields it has; it names faces
by key (song, hei, kai, fangsong, xiaobiaosong …, resolved by the font registry for the PDF and
the bundled DOCX profile) and by the names offices have installed (仿宋_GB2312 …, for the
standard DOCX profile). A template may start from another with `base: annual-report`.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from reportgen.errors import Diagnostic, ReportError, fail
from reportgen.files import relative_to, relative_to_current
from reportgen.numbering import (
    DEFAULT_LEVELS,
    DEFAULT_PLAN,
    NumberingError,
    NumberStyle,
    parse_style,
)
from reportgen.pagecheck import MAX_FORMAT, page_number_format, page_problems
from reportgen.resources import resource_dir
from reportgen.templatesettings import check_text, settings_from

DEFAULT_TEMPLATE = "annual-report"
"""The kind of document a report that names no `template:` is."""

ROLES = (
    "title", "label", "doc_number", "addressee", "preamble", "body",
    "heading1", "heading2", "heading3", "heading4", "heading5", "plan_item",
    "table", "table_header", "caption", "closing", "attachment", "signature", "date", "note",
    "imprint", "page_number",
    "copy_number", "secrecy", "urgency", "mark", "signers", "attachment_label",
    "attendance", "attendance_label",
)
"""Every kind of text a template styles; each has a paragraph style in the DOCX."""


def heading_role(level: int) -> str:
    """The role of a section heading at `level` (1 is 一、); levels past five share heading5."""
    return f"heading{min(max(level, 1), 5)}"


FIELDS = ("label", "copy_number", "secrecy", "urgency", "mark", "doc_number", "signers",
          "preamble", "title", "addressee", "body", "attachments", "attendance", "signature",
          "note", "closing", "imprint")
"""The top-level report fields a kind may have, in the order they print."""


@dataclass(frozen=True)
class RoleStyle:
    """How one role's text is set: faces, size, weight, alignment, indents and spacing."""

    faces: tuple[str, ...] = ("fangsong", "song")
    office_faces: tuple[str, ...] = ("仿宋_GB2312", "仿宋")
    size_pt: float = 16.0
    bold: bool = False
    align: str = "justify"
    indent_chars: float = 2.0
    """First-line indent, in characters of this role's size."""
    space_before_lines: float = 0.0
    space_after_lines: float = 0.0
    keep_with_next: bool = False
    color: str = "000000"
    """The text's colour as six hex digits (RGB); the 发文机关标志 is red, FF0000."""


@dataclass(frozen=True)
class PageNumber:
    """The page number: `— N —` in 4号 (14 pt), 7 mm below the text block, outer side."""

    format: str = "— {n} —"
    size_pt: float = 14.0
    below_text_mm: float = 7.0
    placement: str = "outside"
    """`outside`: odd pages right, even pages left; or `center`, `right`."""
    inset_chars: float = 1.0


@dataclass(frozen=True)
class Head:
    """版头 geometry: where the 发文机关标志 and the red rules go.

    `layout` is `document` (GB/T 9704 7.2: the mark `mark_top_mm` below the text block's top
    edge, a rule as wide as the block `rule_below_mm` below the 发文字号) or `letter` (10.1:
    the mark `mark_top_mm` below the paper's top edge, a double rule `rule_below_mm` below the
    mark and another `foot_rule_mm` above the paper's bottom edge, both `rule_length_mm` long).
    """

    layout: str = "document"
    mark_top_mm: float = 35.0
    rule_below_mm: float = 4.0
    rule_pt: float = 1.0
    """Thickness of the red rule; in a letter, of the thick line of each double rule."""
    thin_rule_pt: float = 0.5
    """A letter's thin line of each double rule."""
    rule_gap_pt: float = 1.5
    """A letter's space between the two lines of a double rule."""
    rule_length_mm: float = 0.0
    """0: as wide as the text block."""
    foot_rule_mm: float = 0.0
    """0: none."""
    color: str = "FF0000"
    seal_mm: float = 42.0
    """The seal's diameter (its image's larger side) unless the report or the SVG says."""


@dataclass(frozen=True)
class Page:
    """A4 with GB/T 9704 margins and the 22 × 28 grid."""

    width_mm: float = 210.0
    height_mm: float = 297.0
    top_mm: float = 37.0
    bottom_mm: float = 35.0
    left_mm: float = 28.0
    right_mm: float = 26.0
    lines: int = 22
    chars: int = 28
    page_number: PageNumber = field(default_factory=PageNumber)
    double_sided: bool = False
    """Printed on both sides (GB/T 9704 6.2): the 版记 lands on an even page, after a blank
    page where needed, and neither is numbered (7.5)."""
    first_page_number: bool = True
    """False: the first page shows no page number (a letter, 10.1)."""

    @property
    def text_width_mm(self) -> float:
        return self.width_mm - self.left_mm - self.right_mm

    @property
    def text_height_mm(self) -> float:
        return self.height_mm - self.top_mm - self.bottom_mm


@dataclass(frozen=True)
class Template:
    """A kind of document: its fields, page, numbering styles and role styles."""

    kind: str
    description: str
    fields: tuple[str, ...]
    page: Page
    levels: tuple[NumberStyle, ...]
    plan: NumberStyle
    roles: dict[str, RoleStyle]
    source: Path | None = None
    head: Head = field(default_factory=Head)

    def role(self, name: str) -> RoleStyle:
        return self.roles[name]

    def with_numbering(self, levels: tuple[NumberStyle, ...] | None,
                       plan: NumberStyle | None) -> Template:
        return replace(self, levels=levels or self.levels, plan=plan or self.plan)


def templates_dir() -> Path:
    """Where the bundled templates are: $REPORTGEN_TEMPLATES, the source tree, or the install."""
    found = resource_dir("templates", "REPORTGEN_TEMPLATES")
    if not found.is_dir():
        raise fail("cannot find the bundled templates folder",
                   hint="set REPORTGEN_TEMPLATES to the templates/ folder of reportgen")
    return found


def available_kinds() -> dict[str, str]:
    """Kind name -> one-line description, for `reportgen templates`."""
    out = {}
    for path in sorted(templates_dir().glob("*.yaml")):
        out[path.stem] = load_template(path.stem).description
    return out


_CACHE: dict[Path, Template] = {}


def load_template(name: str, named_in: Path | None = None) -> Template:
    """The template for a kind name (annual-report) or a template file's path, relative to the
    folder of the file `named_in` (a report or a template; the current folder for a report read
    from standard input, or for None)."""
    path = _locate(name, named_in)
    if path not in _CACHE:
        _CACHE[path] = _read(path, seen=())
    return _CACHE[path]


def missing_file_hint(where: str) -> str:
    """The hint for a template file not found `where` ("relative to …")."""
    return f"give a kind (reportgen templates lists them) or the path of a .yaml file, {where}"


def is_template_file(name: str) -> bool:
    """Whether `name` is a template file's path rather than a kind (annual-report)."""
    return name.endswith((".yaml", ".yml")) or "/" in name or os.sep in name


def _locate(name: str, named_in: Path | None) -> Path:
    if is_template_file(name):
        path = Path(name)
        if not path.is_absolute() and named_in is not None:
            path = named_in.parent / path
        if not path.is_file():
            where = relative_to(named_in) if named_in is not None else relative_to_current()
            raise fail(f"template file {name} not found", field="template",
                       hint=missing_file_hint(where))
        return path.resolve()
    path = templates_dir() / f"{name}.yaml"
    if not path.is_file():
        from reportgen.suggest import choice_hint

        kinds = sorted(p.stem for p in templates_dir().glob("*.yaml"))
        raise fail(f"unknown template `{name}`", field="template", hint=choice_hint(name, kinds))
    return path.resolve()


def _read(path: Path, seen: tuple[Path, ...]) -> Template:
    from reportgen.yamlsrc.source import load

    source = load(path, streams=False)
    raw = source.data
    problems: list[Diagnostic] = []
    if not isinstance(raw, dict):
        raise fail("a template is a set of `name: value` fields", file=path, line=1,
                   hint="start from a template in templates/, e.g. `base: notice` and the "
                        "fields you change")
    base: dict[str, Any] = {}
    if "base" in raw:
        try:
            base_path = _locate(str(raw["base"]), path)
        except ReportError as exc:  # named against this file's `base:`, not the report
            raise ReportError([source.diagnostic(("base",), d.message, d.hint)
                               for d in exc.diagnostics]) from None
        if base_path in seen + (path,):
            raise fail("templates extend each other in a circle", file=path, field="base",
                       hint=f"`base: {raw['base']}` leads back to this file; base one "
                            "template of the circle on a kind (`reportgen templates` lists "
                            "them)")
        parent = _read(base_path, seen + (path,))
        base = {"description": parent.description, "fields": parent.fields,
                "page": parent.page, "levels": parent.levels, "plan": parent.plan,
                "roles": parent.roles, "head": parent.head}
    known = {"kind", "base", "description", "fields", "page", "numbering", "roles", "head"}
    for key in raw:
        if key not in known:
            from reportgen.suggest import choice_hint

            problems.append(source.diagnostic((key,), f"unknown template field `{key}`",
                                              choice_hint(key, sorted(known), "fields:"),
                                              key=True))
    fields_ = tuple(_part(raw, "fields", list, base.get("fields", FIELDS), source, problems))
    for i, name in enumerate(fields_):
        if name not in FIELDS:
            problems.append(source.diagnostic(("fields", i), f"unknown report field `{name}`",
                                              "one of " + ", ".join(FIELDS)))
    page = settings_from(Page, raw.get("page", {}), base.get("page", Page()), ("page",),
                           source, problems)
    head = settings_from(Head, raw.get("head", {}), base.get("head", Head()), ("head",),
                           source, problems)
    if not page_number_format(page.page_number.format):
        problems.append(source.diagnostic(("page", "page_number", "format"),
                                          "the page number format needs {n}, and no other "
                                          f"braces, in at most {MAX_FORMAT} characters",
                                          "e.g. \"— {n} —\" or \"第{n}页\""))
    levels, plan = base.get("levels", None), base.get("plan", None)
    numbering = _part(raw, "numbering", dict, {}, source, problems)
    if "levels" in numbering:
        if isinstance(numbering["levels"], list):
            parsed = [_style(sample, ("numbering", "levels", i), source, problems)
                      for i, sample in enumerate(numbering["levels"])]
            levels = tuple(parsed) if None not in parsed else levels
        else:
            problems.append(source.diagnostic(("numbering", "levels"),
                                              "expected a list of styles by depth",
                                              'e.g. ["一、", "（一）", "1.", "（1）", "①"]'))
    if "plan" in numbering:
        plan = _style(numbering["plan"], ("numbering", "plan"), source, problems) or plan
    roles = dict(base.get("roles", {}))
    raw_roles = _part(raw, "roles", dict, {}, source, problems)
    body = settings_from(RoleStyle, raw_roles.get("body", {}), roles.get("body", RoleStyle()),
                           ("roles", "body"), source, problems)
    for role in ROLES:
        if role == "body":
            roles[role] = body
            continue
        inherited = roles.get(role, body)
        roles[role] = settings_from(RoleStyle, raw_roles.get(role, {}), inherited,
                                      ("roles", role), source, problems)
    for role in raw_roles:
        if role not in ROLES:
            from reportgen.suggest import choice_hint

            problems.append(source.diagnostic(("roles", role), f"unknown role `{role}`",
                                              choice_hint(role, ROLES, "roles:"), key=True))
    if not problems:
        problems += page_problems(page, roles["body"].size_pt, source)
    if problems:
        raise ReportError(problems)
    for key in ("kind", "description"):
        check_text(raw.get(key, ""), (key,), source, problems)
    if problems:
        raise ReportError(problems)
    return Template(
        kind=str(raw.get("kind", path.stem)),
        description=str(raw.get("description", base.get("description", ""))),
        fields=fields_,
        page=page,
        levels=levels or tuple(parse_style(s) for s in DEFAULT_LEVELS),
        plan=plan or parse_style(DEFAULT_PLAN),
        roles=roles,
        source=path,
        head=head,
    )


def _part(raw: dict, key: str, kind: type, default: Any, source, problems: list) -> Any:
    """`raw[key]` when it is of `kind` (a list or a mapping), else `default` and a problem."""
    value = raw.get(key)
    if value is None:
        return default
    if not isinstance(value, kind):
        problems.append(source.diagnostic(
            (key,), "expected a list (lines starting with `- `)" if kind is list
            else "expected `name: value` fields", f"see templates/annual-report.yaml for `{key}`"))
        return default
    return value


def _style(sample: Any, path: tuple, source, problems: list) -> NumberStyle | None:
    """The numbering style written as `sample` (its first number), or None after a problem."""
    if not isinstance(sample, str):
        number = isinstance(sample, (int, float)) and not isinstance(sample, bool)
        problems.append(source.diagnostic(
            path, f"expected text, found {f'the number `{sample}`' if number else repr(sample)}",
            'quote it: YAML reads 1. and 01 as numbers, so write "1." or "01"'))
        return None
    try:
        return parse_style(sample)
    except NumberingError as exc:
        problems.append(source.diagnostic(path, str(exc), exc.hint))
        return None
