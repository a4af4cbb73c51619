"""Diagnostics: one error type that carries file, line, column, field, message and hint."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

# Exit codes, one per kind of failure (the README has the same table).
EXIT_OK = 0
EXIT_INVALID_INPUT = 1  # the YAML (or a file it names) is wrong: validation errors
EXIT_USAGE = 2  # bad command line
EXIT_OUTPUT_PROTECTED = 3  # refusing to overwrite an edited DOCX without --force
EXIT_WARNINGS_STRICT = 4  # --strict and there were warnings
EXIT_IO = 5  # cannot read an input or write an output
EXIT_BUILD_FAILED = 6  # some files of a batch failed, or an internal error
EXIT_ARCHIVE_CHANGED = 7  # archive --verify: a file changed, missing or extra
EXIT_INTERNAL = 70  # a bug in reportgen

EXIT_MEANINGS = {
    EXIT_OK: "done (built, valid, fixed)",
    EXIT_INVALID_INPUT: "the report is wrong (or `fix --check`, `pull --check`: something would "
                        "change; `pull`: tracked changes, or computed text the editor changed)",
    EXIT_USAGE: "bad command line",
    EXIT_OUTPUT_PROTECTED: "an output was edited since reportgen wrote it, or is not "
                           "reportgen's: not overwritten",
    EXIT_WARNINGS_STRICT: "--strict and there were warnings",
    EXIT_IO: "a file could not be read or written",
    EXIT_BUILD_FAILED: "several reports were built and some failed",
    EXIT_ARCHIVE_CHANGED: "archive --verify: a file changed, is missing or was added",
    EXIT_INTERNAL: "a bug in reportgen",
}
"""What each exit code means, for `reportgen --help` (the README has the same table)."""


@dataclass(frozen=True)
class Diagnostic:
    """One problem, located as precisely as we know: file, line and column (1-based), field path."""

    message: str
    file: Path | None = None
    line: int | None = None
    column: int | None = None
    field: str | None = None
    hint: str | None = None
    severity: str = "error"

    def format(self) -> str:
        """`error: report.yaml:12:5: body[2].title: expected text (hint: …)`, one line."""
        where = ""
        if self.file is not None:
            where = str(self.file)
            if self.line is not None:
                where += f":{self.line}"
                if self.column is not None:
                    where += f":{self.column}"
            where += ": "
        subject = f"{self.field}: " if self.field else ""
        hint = f" (hint: {self.hint})" if self.hint else ""
        return f"{self.severity}: {where}{subject}{self.message}{hint}"


@dataclass
class ReportError(Exception):
    """One or more problems that stop a build; `exit_code` says which kind."""

    diagnostics: list[Diagnostic] = field(default_factory=list)
    exit_code: int = EXIT_INVALID_INPUT

    def __str__(self) -> str:
        return "\n".join(d.format() for d in self.diagnostics)

    def __reduce__(self):  # travels between batch worker processes intact
        return (ReportError, (self.diagnostics, self.exit_code))


def fail(message: str, *, exit_code: int = EXIT_INVALID_INPUT, **where) -> ReportError:
    """A ReportError holding a single diagnostic (raise the result)."""
    return ReportError([Diagnostic(message, **where)], exit_code)
