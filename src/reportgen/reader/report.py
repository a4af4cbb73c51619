"""The YAML report reader: a validated file becomes a `Document` (numbering assigned here)."""

from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path
from typing import Any

from reportgen import model
from reportgen.budget import UNLIMITED, Deadline
from reportgen.errors import Diagnostic, ReportError
from reportgen.numbering import NumberingError, NumberStyle, parse_style
from reportgen.reader import official
from reportgen.reader.metadata import read_metadata
from reportgen.reader.schema import REPORT_SCHEMA
from reportgen.reader.tablespec import build_table
from reportgen.reader.texts import GlyphCheck, TextReader
from reportgen.reader.validate import validate
from reportgen.template import DEFAULT_TEMPLATE, FIELDS, Template, load_template
from reportgen.yamlsrc.source import Path_, Source, load

PLAN_NESTING = 9
"""How many plans may stand one in a point of another: the levels of a Word list, each plan
counting at a level of its own in the DOCX."""


def read_report(file: Path, *, template: str | None = None,
                warnings: list[Diagnostic] | None = None,
                glyph_check: GlyphCheck | None = None, text: str | None = None,
                missing_glyphs: str = "warning",
                deadline: Deadline = UNLIMITED,
                printed: dict[Path_, str] | None = None) -> model.Document:
    """Read, validate and build the report in `file` (or `text`, as if read from `file`);
    raises ReportError with every problem.

    `printed`, when given, receives each text as printed (expressions evaluated, lines
    joined, a date as 2026年2月3日) by its field path, for `reportgen pull` to compare with.

    Problems that do not stop a build (half-width punctuation in Chinese text, lines a fold
    joined that look like list items, characters no font can draw when `glyph_check` is given)
    are appended to `warnings`. `missing_glyphs="error"` makes characters no font can draw an
    error instead (a PDF/A may not show the .notdef box, ISO 19005-2 6.2.11.8). A report over
    one of the limits of `budget`, or still being read at `deadline`, stops at once with that
    error.
    """
    source = load(file, text)
    if not isinstance(source.data, dict):
        raise ReportError([source.diagnostic((), "a report is a set of `name: value` fields",
                                             "start from `reportgen new annual-report`")])
    problems = validate(source, REPORT_SCHEMA)
    if problems:
        raise ReportError(problems)
    builder = _Builder(source, template, glyph_check, missing_glyphs, deadline)
    builder.printed = printed
    document = builder.build()
    if warnings is not None:
        warnings.extend(sorted(source.notes + builder.warnings,
                               key=lambda d: (d.line or 0, d.column or 0)))
    return document


class _Builder(TextReader):
    """One report read into a `Document`: its fields in the template's order, its sections and
    plans numbered."""

    def __init__(self, source: Source, template_override: str | None,
                 glyph_check: GlyphCheck | None, missing_glyphs: str = "warning",
                 deadline: Deadline = UNLIMITED):
        super().__init__(source, glyph_check, missing_glyphs, deadline)
        self.template_name = template_override or self.data.get("template", DEFAULT_TEMPLATE)
        self.template: Template | None = None
        self.section_list = "sections"
        self.plan_count = 0
        self.plans_open = 0  # the plans whose points' bodies are being read
        self.attachment_titles: tuple[str, ...] = ()

    # -- numbering -----------------------------------------------------------------------------
    @contextmanager
    def own_numbering(self, list_id: str):
        """Sections read inside number in a sequence of their own (an attachment's)."""
        saved, self.section_list = self.section_list, list_id
        try:
            yield
        finally:
            self.section_list = saved

    def style(self, sample: Any, path: Path_) -> NumberStyle | None:
        try:
            return parse_style(sample)
        except NumberingError as exc:
            self.error(path, str(exc), exc.hint)
            return None

    # -- the document ----------------------------------------------------------------------------
    def build(self) -> model.Document:
        data = self.data
        self.template = self.load_template()
        template = self.template
        numbering = data.get("numbering", {})
        levels = None
        if "levels" in numbering:
            parsed = [self.style(s, ("numbering", "levels", i))
                      for i, s in enumerate(numbering["levels"])]
            levels = tuple(s for s in parsed if s) + template.levels[len(parsed):]
        plan = self.style(numbering["plan"], ("numbering", "plan")) if "plan" in numbering \
            else None
        template = self.template = template.with_numbering(levels, plan)
        self.check_fields(template)

        blocks: list[model.Block] = []
        masthead = official.has_masthead(data)
        for name in template.fields:
            if name not in data:
                continue
            if masthead and name in official.MASTHEAD_FIELDS:
                if not any(isinstance(b, model.Masthead) for b in blocks):
                    blocks.append(official.masthead(self, data))
                continue
            blocks.extend(self.field(name, data[name]))
        if masthead and "label" in data:
            self.error(("label",), "a document with a 版头 has no label above it",
                       "delete `label:`; 份号, 密级 and 紧急程度 take the top left corner")
        if "attachments" in data and "attachments" in template.fields:
            pages = official.attachment_pages(self, data["attachments"], self.attachment_titles)
            at = next((i for i, b in enumerate(blocks) if isinstance(b, model.Imprint)),
                      len(blocks))
            blocks[at:at] = pages  # 附件 come before the 版记 (GB/T 9704 7.3.7)
        metadata = read_metadata(self, blocks)
        if self.problems:
            raise ReportError(sorted(self.problems, key=lambda d: (d.line or 0, d.column or 0)))
        return model.Document(metadata=metadata, template=template, blocks=tuple(blocks),
                              sources=tuple(dict.fromkeys(self.sources)))

    def load_template(self) -> Template:
        try:
            return load_template(str(self.template_name), self.source.file)
        except ReportError as exc:
            for diagnostic in exc.diagnostics:
                if diagnostic.file is None:
                    where = self.source.where(("template",))
                    diagnostic = Diagnostic(diagnostic.message, hint=diagnostic.hint, **where)
                self.problems.append(diagnostic)
            raise ReportError(self.problems) from None

    def check_fields(self, template: Template) -> None:
        for name in self.data:
            if name in FIELDS and name not in template.fields:
                self.problems.append(self.source.diagnostic(
                    (name,), f"the {template.kind} template has no `{name}`",
                    f"fields of {template.kind}: " + ", ".join(template.fields)
                    + "; choose another template: reportgen templates", key=True))

    def field(self, name: str, value: Any) -> list[model.Block]:
        path: Path_ = (name,)
        if name == "label":
            return [model.Label(self.text(value, path))]
        if name == "doc_number":
            return [model.DocumentNumber(self.text(value, path))]
        if name == "preamble":
            return [model.Paragraph(self.text(p, path + (i,)), role="preamble")
                    for i, p in enumerate(value)]
        if name == "title":
            lines = value if isinstance(value, list) else [value]
            return [model.Title(tuple(self.text(t, path + (i,)) for i, t in enumerate(lines)))]
        if name == "addressee":
            return [model.Addressee(self.addressee(value, path))]
        if name == "body":
            return list(self.body(value, path, depth=1, styles=self.template.levels))
        if name == "attachments":
            self.attachment_titles = official.attachment_names(self, value)
            return [model.Attachments(self.attachment_titles)]
        if name == "attendance":
            return official.attendance(self, value)
        if name == "signature":
            return [official.signature(self, value, self.template.head.seal_mm)]
        if name == "note":
            return [model.Note(self.text(value, path))]
        if name == "closing":
            return [model.ClosingLines(tuple(self.text(t, path + (i,))
                                             for i, t in enumerate(value)))]
        if name == "imprint":
            if self.template.head.layout == "letter":
                for key in ("issuer", "issued"):
                    if key in value:
                        self.error(path + (key,), "a letter's 版记 has no 印发机关 or 印发日期 "
                                                  "(GB/T 9704 10.1)", f"delete `{key}:`")
            return [model.Imprint(
                copies_to=self.text(value["copies_to"], path + ("copies_to",))
                if "copies_to" in value else None,
                issuer=self.text(value["issuer"], path + ("issuer",))
                if "issuer" in value else None,
                issued=self.date(value["issued"], path + ("issued",))
                if "issued" in value else None)]
        raise AssertionError(name)

    def addressee(self, value: Any, path: Path_) -> str:
        text = self.text(value, path)
        if text.endswith((":", "：")):
            text = text[:-1]
        return text + "："

    # -- body ----------------------------------------------------------------------------------
    def body(self, items: list, path: Path_, depth: int, styles: tuple[NumberStyle, ...],
             child_style: NumberStyle | None = None, point: NumberStyle | None = None):
        """The blocks of a body whose sections are at `depth`; `point` is the style of the plan
        point the body is under, if it is one's."""
        ordinal = 0
        for i, item in enumerate(items):
            here = path + (i,)
            if isinstance(item, str):
                yield model.Paragraph(self.text(item, here))
            elif "section" in item:
                ordinal += 1
                section = self.section(item, here, depth, styles, child_style, ordinal, point)
                if section is not None:
                    yield section
            elif "plan" in item:
                plan = self.plan(item, here, depth, styles, point)
                if plan is not None:
                    yield plan
            elif "table" in item:
                table = build_table(self, item["table"], here + ("table",))
                if table is not None:
                    yield table

    def section(self, item: dict, path: Path_, depth: int, styles, child_style, ordinal,
                point: NumberStyle | None = None):
        if depth > len(styles) and point is not None:
            self.error(path + ("section",), f"a section under a plan point numbered "
                                            f"{point.sample} is numbered at the level after "
                                            f"the point's, and numbering has {len(styles)} "
                                            "levels (一、 （一） 1. （1） ①)",
                       "number the plan 1. (the default), or write this heading as a paragraph")
            return None
        if depth > len(styles):
            self.error(path + ("section",), f"sections are nested {depth} deep; numbering goes "
                                            f"to {len(styles)} levels (一、 （一） 1. （1） ①)",
                       "move this heading up a level, or write it as a paragraph")
            return None
        style = child_style or styles[depth - 1]
        if style.limit is not None and ordinal > style.limit:
            self.error(path + ("section",), f"numbering {style.sample} counts only to "
                                            f"{style.limit}", "choose another style with "
                                                              "`numbering:` on the parent")
            return None
        sub_style = None
        if "numbering" in item:
            sub_style = self.style(item["numbering"], path + ("numbering",))
        numbering = model.Numbering(depth, style, ordinal, self.section_list)
        blocks = tuple(self.body(item.get("body", []), path + ("body",), depth + 1, styles,
                                 sub_style))
        title = self.text(item["section"], path + ("section",))
        run_in = None
        if "text" in item:
            run_in = self.text(item["text"], path + ("text",))
            self.check_run_in(title, path + ("section",))
        return model.Section(title, numbering, blocks, run_in)

    def check_run_in(self, heading: str, path: Path_) -> None:
        """A heading that runs into its text ends with a mark, usually 。 (一、压实责任。…)."""
        if not heading.endswith(tuple("。！？：；…")):
            self.warnings.append(self.source.diagnostic(
                path, "a heading that runs into its text usually ends with 。",
                f"write `{heading}。`", severity="warning"))

    def plan(self, item: dict, path: Path_, depth: int, styles,
             point: NumberStyle | None = None) -> model.Plan | None:
        """A plan among sections of `depth`; in the body of a point of style `point`, it is
        numbered as that point's sections are (1. → （1）), unless it says otherwise, so that
        its points never look like the outer plan's."""
        if self.plans_open == PLAN_NESTING:
            self.error(path + ("plan",), f"plans are nested {PLAN_NESTING + 1} deep (a plan in a "
                                         f"point of a plan …); a list has {PLAN_NESTING} levels",
                       "write the points of this plan as paragraphs")
            return None
        self.plan_count += 1
        list_id = f"plan-{self.plan_count}"
        style = self.template.plan
        if point is not None and depth <= len(styles):
            style = styles[depth - 1]
        if "numbering" in item:
            style = self.style(item["numbering"], path + ("numbering",)) or style
        points = []
        for n, point in enumerate(item["plan"], start=1):
            here = path + ("plan", n - 1)
            if style.limit is not None and n > style.limit:
                self.error(here, f"numbering {style.sample} counts only to {style.limit}",
                           "number this plan with a style that counts further: `numbering: 1.` "
                           "beside its `plan:`")
                break
            numbering = model.Numbering(depth, style, n, list_id)
            if isinstance(point, str):
                points.append(model.PlanItem(self.text(point, here), numbering))
                continue
            self.plans_open += 1
            blocks = tuple(self.body(point.get("body", []), here + ("body",),
                                     under_point(style, depth, styles), styles, point=style))
            self.plans_open -= 1
            title = self.text(point["point"], here + ("point",))
            run_in = None
            if "text" in point:
                run_in = self.text(point["text"], here + ("text",))
                self.check_run_in(title, here + ("point",))
            points.append(model.PlanItem(title, numbering, blocks, run_in))
        return model.Plan(tuple(points))


def under_point(point: NumberStyle, depth: int, styles: tuple[NumberStyle, ...]) -> int:
    """The level of the sections under a plan point of style `point`, the plan standing among
    sections of `depth`: the level after the point's own in the document's numbering (under
    1. they are （1）, under （1） ①), so that no sub-item is numbered like the points; at
    least the level below the plan's."""
    level = depth + 1
    if point in styles:
        level = max(level, styles.index(point) + 2)
    while level <= len(styles) and styles[level - 1] == point:
        level += 1
    return level
