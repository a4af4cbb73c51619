"""The resource budget of one build: every size bounded before it is read, and a time limit.

A report of a few kilobytes must not be able to take gigabytes or hours: each input is
measured before it is read or expanded (files by their size, spreadsheets by their unpacked
size and their cells, YAML by its values, expressions by what they create) and refused with a
located error when it passes a limit below. The limits are far above what any real report
needs: the largest allowed report is about 1,800 pages. docs/format.md lists them for users.
"""

from __future__ import annotations

import time
from pathlib import Path

from reportgen.errors import fail

MAX_FILE_BYTES = 10 * 1024 * 1024
"""A report, template or table file (CSV or XLSX, as stored)."""
MAX_UNPACKED_BYTES = 100 * 1024 * 1024
"""All the parts of an XLSX file together, unpacked."""
MAX_YAML_VALUES = 500_000
"""Values (texts, numbers, lists, mappings) in one YAML file."""
MAX_TEXT_CHARS = 100_000
"""One text (a paragraph, a heading, a cell …) after its expressions are evaluated; also any
value an expression makes on the way."""
MAX_REPORT_CHARS = 1_000_000
"""All the texts of a report together: about 1,800 pages of body text."""
MAX_TABLE_ROWS = 10_000
MAX_TABLE_COLUMNS = 64
MAX_TABLE_CELLS = 50_000
"""Cells in all the tables of a report together (a table of 2,500 rows of 20 columns takes
about 20 s and 200 MB to build, on a busy machine)."""
REPORT_SECONDS = 60.0
"""How long reading, laying out and writing one report may take."""


def megabytes(size: int) -> str:
    return f"{size / 1_048_576:.0f} MB" if size >= 1_048_576 else f"{size / 1024:.0f} KB"


class Deadline:
    """The time one report may still take; `check()` raises once it has passed.

    Checked between blocks, texts and pages, so each check is cheap (a clock read) and the
    work between two checks is itself bounded by the limits above.
    """

    def __init__(self, seconds: float | None = None, file: Path | None = None) -> None:
        """`seconds` from now (None: REPORT_SECONDS); `file` is named in the error."""
        self.seconds = REPORT_SECONDS if seconds is None else seconds
        self.file = file
        self.ends = time.monotonic() + self.seconds  # CLOCK_MONOTONIC: the same in a forked helper

    def left(self) -> float:
        """Seconds still left (infinite for UNLIMITED), never below 0."""
        return max(0.0, self.ends - time.monotonic())

    def check(self) -> None:
        if time.monotonic() > self.ends:
            raise fail(f"building this report took longer than {self.seconds:g} s, the limit "
                       "for one report", file=self.file,
                       hint="split it into several reports, or shorten its longest tables and "
                            "texts")


UNLIMITED = Deadline(float("inf"))
"""For callers that set no time limit (tests of one stage, `validate` of a template)."""
