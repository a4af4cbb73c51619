"""A report's texts read one by one: expressions rendered, lines joined, dates printed, the
budget's limits kept, and what no document or font can hold found."""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any

from reportgen import dates
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
from reportgen.punctuation import fix_hint, half_width_message, repairs
from reportgen.written import WrittenFloat
from reportgen.xmlchars import describe, first_forbidden
from reportgen.yamlsrc.source import Path_, Source

GlyphCheck = Callable[[str], list[str]]
"""Given a text, the characters of it that no font can draw."""


class TextReader:
    """What reading one report shares (its problems, warnings, data and the counts the budget
    limits) and the reading of each text in it; the report's builder (report.py) adds the
    document's structure."""

    def __init__(self, source: Source, glyph_check: GlyphCheck | None,
                 missing_glyphs: str = "warning", deadline: Deadline = UNLIMITED):
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
        self.printed: dict[Path_, str] | None = None

    def error(self, path: Path_, message: str, hint: str) -> None:
        self.problems.append(self.source.diagnostic(path, message, hint))

    def warn(self, path: Path_, message: str, hint: str) -> None:
        self.warnings.append(self.source.diagnostic(path, message, hint, severity="warning"))

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
                path, half_width_message(found), fix_hint(found, self.source.file),
                severity="warning"))
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


def _date_text(value: Any) -> str:
    return dates.printed(value) if isinstance(value, _dt.date) else str(value)


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
