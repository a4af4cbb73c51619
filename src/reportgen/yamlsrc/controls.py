"""Characters a report's YAML cannot hold, each an error at its own line, column and field:
control characters other than tab and line ends (C0, DEL, C1), U+FFFE and U+FFFF, which YAML
refuses to read, and NEL, LINE SEPARATOR and PARAGRAPH SEPARATOR, which YAML reads as line
breaks that editors do not show.

YAML stops at the first refused character and names it by its byte offset (libyaml counts
UTF-8 bytes), so after a few Chinese characters its line and column point elsewhere. The file
is read instead with each such character replaced by U+FFFD, an ordinary character to YAML:
the structure comes out as written, and so does the text or key holding each character.
"""

from __future__ import annotations

import bisect
import re
from pathlib import Path

from yaml.nodes import Node

from reportgen.errors import Diagnostic, ReportError
from reportgen.xmlchars import describe
from reportgen.yamlsrc.tree import format_path, scalars

# Anything but YAML's printable characters (C0 and C1 controls, DEL, surrogates, U+FFFE and
# U+FFFF), and the three line breaks only YAML sees (NEL is among the C1 controls). Written as
# the characters refused, not as the negation of those allowed: a class that spans the whole
# of Unicode takes 5 ms to compile, on every build.
_REFUSED = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff"
                      "\ufffe\uffff]")
_HIDDEN_BREAKS = "\x85\u2028\u2029"
_STAND_IN = "\ufffd"
MAX_LISTED = 20
"""Characters named one by one; the rest are counted in one more line."""


def find(text: str) -> list[int]:
    """Where the refused characters stand in `text` (the first MAX_LISTED + 1 of them)."""
    found = []
    for match in _REFUSED.finditer(text):
        found.append(match.start())
        if len(found) > MAX_LISTED:
            break
    return found


def stand_in(text: str) -> str:
    """`text` with every refused character replaced by one YAML reads as text."""
    return _REFUSED.sub(_STAND_IN, text)


def error(file: Path, text: str, found: list[int], root: Node | None) -> ReportError:
    """The errors for the characters at `found`, each with the field of the text or key
    holding it in `root` (the node tree of `stand_in(text)`; None if that could not be read)."""
    fields = _fields(found, root) if root is not None else {}
    problems = [_problem(file, text, at, fields.get(at)) for at in found[:MAX_LISTED]]
    if len(found) > MAX_LISTED:
        more = len(_REFUSED.findall(text, found[MAX_LISTED]))
        problems.append(Diagnostic(
            f"and {more:,} more such characters", file=file,
            hint="retype the texts holding them, or paste them again as plain text"))
    return ReportError(problems)


def _problem(file: Path, text: str, at: int, field: str | None) -> Diagnostic:
    line = text.count("\n", 0, at) + 1
    column = at - text.rfind("\n", 0, at)
    if text[at] in _HIDDEN_BREAKS:
        message = "which YAML reads as a line break although editors do not show one"
        hint = ("delete it, or press Enter there; it often comes from copying out of Word or "
                "a web page")
    else:
        message = "which a report cannot hold"
        hint = ("delete it (most editors do not show it); it often comes from copying out of "
                "a web page or PDF")
    return Diagnostic(f"contains {describe(text[at])}, {message}", file=file, line=line,
                      column=column, field=field, hint=hint)


def _fields(found: list[int], root: Node) -> dict[int, str]:
    """The field path of the scalar (text or key) each index of `found` falls in."""
    fields: dict[int, str] = {}
    for located in scalars(root):
        start, end = located.node.start_mark.index, located.node.end_mark.index
        for at in found[bisect.bisect_left(found, start):bisect.bisect_left(found, end)]:
            fields[at] = format_path(_as_named(located.path)) or None
    return fields


def _as_named(path: tuple) -> tuple:
    """`path` up to a key holding a refused character (no field has such a name)."""
    for depth, part in enumerate(path):
        if isinstance(part, str) and _STAND_IN in part:
            return path[:depth]
    return path
