"""The YAML report reader: a validated file becomes a `Document` (numbering assigned here)."""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any

from reportgen import dates, model
from reportgen.budget import (
    MAX_REPORT_CHARS,
    MAX_TABLE_CELLS,
    MAX_TABLE_COLUMNS,
    MAX_TABLE_ROWS,
    MAX_TEXT_CHARS,
    UNLIMITED,
    Deadline,
)
from reportgen.chinese import joins_with_space
from reportgen.errors import Diagnostic, ReportError
from reportgen.expressions import ExpressionError, Expressions
from reportgen.numbering import NumberingError, NumberStyle, parse_style
from reportgen.punctuation import half_width_hint, half_width_message, repairs
from reportgen.reader import official
from reportgen.reader.schema import REPORT_SCHEMA
from reportgen.reader.tablespec import build_table
from reportgen.reader.validate import validate
from reportgen.template import FIELDS, Template, load_template
from reportgen.written import WrittenFloat
from reportgen.xmlchars import describe, first_forbidden
from reportgen.yamlsrc.source import Path_, Source, load

DEFAULT_TEMPLATE = "annual-report"
PLAN_NESTING = 9
"""How many plans may stand one in a point of another: the levels of a Word list, each plan
counting at a level of its own in the DOCX."""

GlyphCheck = Callable[[str], list[str]]
"""Given a text, the characters of it that no font can draw."""


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


def _date_text(value: Any) -> str:
    return dates.printed(value) if isinstance(value, _dt.date) else str(value)


class _Builder:
    def __init__(self, source: Source, template_override: str | None,
                 glyph_check: GlyphCheck | None, missing_glyphs: str = "warning",
                 deadline: Deadline = UNLIMITED):
        self.source = source
        self.missing_glyphs = missing_glyphs
        self.sources: list[Path] = [source.file]
        self.deadline = deadline
        self.chars = 0  # in all texts so far
        self.cells = 0  # in all tables so far
        self.data: dict = source.data
        self.problems: list[Diagnostic] = []
        self.warnings: list[Diagnostic] = []
        self.glyph_check = glyph_check
        self.expressions = Expressions(self.data.get("data", {}) or {})
        self.template_name = template_override or self.data.get("template", DEFAULT_TEMPLATE)
        self.template: Template | None = None
        self.section_list = "sections"
        self.plan_count = 0
        self.plans_open = 0  # the plans whose points' bodies are being read
        self.attachment_titles: tuple[str, ...] = ()
        self.printed: dict[Path_, str] | None = None

    # -- helpers -------------------------------------------------------------------------------
    def error(self, path: Path_, message: str, hint: str | None = None) -> None:
        self.problems.append(self.source.diagnostic(path, message, hint))

    def warn(self, path: Path_, message: str, hint: str | None = None) -> None:
        self.warnings.append(self.source.diagnostic(path, message, hint, severity="warning"))

    @contextmanager
    def own_numbering(self, list_id: str):
        """Sections read inside number in a sequence of their own (an attachment's)."""
        saved, self.section_list = self.section_list, list_id
        try:
            yield
        finally:
            self.section_list = saved

    def text(self, value: Any, path: Path_) -> str:
        """The text at `path`: expressions rendered, lines joined, forbidden characters found."""
        if isinstance(value, _dt.date):
            text = _date_text(value)
            if self.printed is not None:
                self.printed[path] = text
            return text
        self.deadline.check()
        text = self.short_enough(str(value), path)
        try:
            text = self.short_enough(self.expressions.render(text), path)
        except ExpressionError as exc:
            self.error(path, str(exc), exc.hint)
            return text
        self.chars += len(text)
        if self.chars > MAX_REPORT_CHARS:
            self.stop(path, f"the report's texts pass {MAX_REPORT_CHARS:,} characters here, "
                            "the most one report may hold (about 1,800 pages)",
                      "split it into several reports")
        for message, hint in self.expressions.take_notes():
            self.warnings.append(self.source.diagnostic(path, message, hint, severity="warning"))
        text = _join_lines(text.strip())
        index = first_forbidden(text)
        if index is not None:
            self.error(path, f"contains {describe(text[index])} at character {index + 1}, "
                             "which a document cannot hold",
                       "delete it; it often comes from copying out of a web page or PDF")
        self.lint(text, path)
        if self.printed is not None:
            self.printed[path] = text
        return text

    def short_enough(self, text: str, path: Path_) -> str:
        """`text`, unless it is longer than one text may be: then the build stops here."""
        if len(text) > MAX_TEXT_CHARS:
            self.stop(path, f"this text has {len(text):,} characters; one text may have at "
                            f"most {MAX_TEXT_CHARS:,}", "split it into several paragraphs")
        return text

    def count_table(self, rows: int, width: int, path: Path_) -> None:
        """Stop when a table has more rows or columns than a table may, or the tables so far
        more cells than a report may hold."""
        self.cells += rows * width
        if width > MAX_TABLE_COLUMNS or rows > MAX_TABLE_ROWS or self.cells > MAX_TABLE_CELLS:
            self.stop(path, f"a table of {rows:,} × {width} cells is more than a report may "
                            f"hold: {MAX_TABLE_ROWS:,} rows and {MAX_TABLE_COLUMNS} columns a "
                            f"table, {MAX_TABLE_CELLS:,} cells in all tables",
                      "split it into several tables or reports, or summarise it")

    def stop(self, path: Path_, message: str, hint: str) -> None:
        """Stop reading: an error at `path`, raised with the problems found so far."""
        self.error(path, message, hint)
        raise ReportError(sorted(self.problems, key=lambda d: (d.line or 0, d.column or 0)))

    def lint(self, text: str, path: Path_) -> None:
        found = repairs(text)
        if found:
            self.warnings.append(self.source.diagnostic(
                path, half_width_message(found), f"`reportgen fix {self.source.file}` makes them "
                f"full-width in place: {half_width_hint(found)}", severity="warning"))
        if self.glyph_check is not None:
            missing = self.glyph_check(text)
            if missing:
                listed = " ".join(f"{ch} (U+{ord(ch):04X})" for ch in dict.fromkeys(missing))
                if self.missing_glyphs == "error":
                    self.error(path, f"no font can draw {listed}, and a PDF/A may not print "
                                     "an empty box in its place",
                               "add a font that has them with --fonts DIR; see README, Fonts")
                else:
                    self.warnings.append(self.source.diagnostic(
                        path, f"no font can draw {listed}",
                        "add a font that has them with --fonts DIR; see README, Fonts",
                        severity="warning"))

    def date(self, value: Any, path: Path_) -> str:
        """A date as GB/T 9704 prints it (2026年2月3日); an ISO date in quotes counts too."""
        text = self.text(value, path)
        if re.fullmatch(r"\d{4}-\d{1,2}-\d{1,2}", text):
            year, month, day = (int(part) for part in text.split("-"))
            try:
                text = _date_text(_dt.date(year, month, day))
                if self.printed is not None:
                    self.printed[path] = text
                return text
            except ValueError as exc:
                self.error(path, f"`{text}` is not a valid date: {exc}",
                           "write the date as YYYY-MM-DD, e.g. 2026-02-03")
        return text

    def style(self, sample: Any, path: Path_) -> NumberStyle | None:
        try:
            return parse_style(sample)
        except NumberingError as exc:
            self.error(path, str(exc))
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
        metadata = self.metadata(blocks)
        if self.problems:
            raise ReportError(sorted(self.problems, key=lambda d: (d.line or 0, d.column or 0)))
        return model.Document(metadata=metadata, template=template, blocks=tuple(blocks),
                              sources=tuple(dict.fromkeys(self.sources)))

    def load_template(self) -> Template:
        try:
            return load_template(str(self.template_name), self.source.file.parent)
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

    def metadata(self, blocks) -> model.Metadata:
        meta = self.data.get("metadata", {})
        title = next((b.text for b in blocks if isinstance(b, model.Title)), "")
        if len(title) > model.MAX_PROPERTY:  # the printed title is whole; its property is cut
            title = title[:model.MAX_PROPERTY - 1] + "…"
        date = self.metadata_date(meta.get("date"), ("metadata", "date"))
        keywords = tuple(self.text(k, ("metadata", "keywords", i))
                         for i, k in enumerate(meta.get("keywords", [])))
        self.property_length(", ".join(keywords), ("metadata", "keywords"))
        return model.Metadata(
            title=self.property(meta, "title") if "title" in meta else title,
            author=self.property(meta, "author"),
            subject=self.property(meta, "subject"),
            keywords=keywords,
            date=date,
        )

    def metadata_date(self, value: Any, path: Path_) -> _dt.date | None:
        """The report's date: a YAML date, or a text in one of dates.FORMS; other text is an
        error (the PDF would silently carry the time of the build instead)."""
        if isinstance(value, _dt.datetime):
            return value.date()
        if value is None or isinstance(value, _dt.date):
            return value
        hint = (f"write it as {dates.FORMS}: it dates the PDF and the DOCX, and files the "
                "report in an archive")
        try:
            day = dates.parse(str(value))
        except ValueError as exc:
            self.error(path, f"`{value}` is not a valid date: {exc}", hint)
            return None
        if day is None:
            self.error(path, f"`{value}` is not a date", hint)
        return day

    def property(self, meta: dict, name: str) -> str:
        text = self.text(meta.get(name, ""), ("metadata", name))
        self.property_length(text, ("metadata", name))
        return text

    def property_length(self, text: str, path: Path_) -> None:
        """Document properties hold at most MAX_PROPERTY characters (Word's limit)."""
        if len(text) > model.MAX_PROPERTY:
            self.error(path, f"has {len(text)} characters; a document property holds at most "
                             f"{model.MAX_PROPERTY}", "shorten it")

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
                plan = self.plan(item, here, depth, styles)
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

    def plan(self, item: dict, path: Path_, depth: int, styles) -> model.Plan | None:
        if self.plans_open == PLAN_NESTING:
            self.error(path + ("plan",), f"plans are nested {PLAN_NESTING + 1} deep (a plan in a "
                                         f"point of a plan …); a list has {PLAN_NESTING} levels",
                       "write the points of this plan as paragraphs")
            return None
        self.plan_count += 1
        list_id = f"plan-{self.plan_count}"
        style = self.template.plan
        if "numbering" in item:
            style = self.style(item["numbering"], path + ("numbering",)) or style
        points = []
        for n, point in enumerate(item["plan"], start=1):
            here = path + ("plan", n - 1)
            if style.limit is not None and n > style.limit:
                self.error(here, f"numbering {style.sample} counts only to {style.limit}")
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

    @contextmanager
    def relocated(self, file: Path | None, line: int | None):
        """Problems and warnings found inside the block point at `file` line `line` (a row of
        a CSV or XLSX table) instead of the report's `source:` line."""
        starts = [(found, len(found)) for found in (self.problems, self.warnings)]
        yield
        if file is None:
            return
        for found, start in starts:
            found[start:] = [replace(d, file=file, line=line, column=None) for d in found[start:]]

    def cell(self, value: Any, path: Path_) -> str:
        if value is None:
            return ""
        if isinstance(value, float) and not isinstance(value, WrittenFloat) and \
                value.is_integer():  # from a spreadsheet; a YAML number prints as written
            value = int(value)
        return self.text(value, path)


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


def _join_lines(text: str) -> str:
    """Lines of a multi-line text (`|`, or blank lines in `>`) joined as one paragraph, with a
    space only between Latin words and numbers (reportgen.chinese.joins_with_space)."""
    if "\n" not in text:
        return text
    parts = [p.strip() for p in text.split("\n") if p.strip()]
    out = parts[0] if parts else ""
    for part in parts[1:]:
        out += (" " if joins_with_space(out[-1], part[0]) else "") + part
    return out
