"""A changed text carried into its YAML scalar: the changed characters only, in the scalar's style.

Each printed character is traced to where it comes from: a character of the scalar, a space
the reader put between two lines, or the output of an `{{ expression }}`. The editor's text is
compared with the printed one character by character; a change of written characters becomes
an edit of just those characters in the file (line folding, quoting and the expressions around
them stay), a change inside what `{{ name }}` printed may become a new `data:` value, and a
change of what an expression computed is a conflict for the user to settle.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from reportgen.chinese import joins_with_space
from reportgen.expressions import ExpressionError, Expressions, has_expression

_EXPRESSION = re.compile(r"\{\{(.*?)\}\}", re.S)
_NAME = re.compile(r"^\s*([A-Za-z_][A-Za-z0-9_]*)\s*$")
_NAMES = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


@dataclass(frozen=True)
class Expr:
    """One `{{ … }}` of a text: its source (inside the braces), its span in the scalar's value
    and what it printed."""

    source: str
    start: int
    end: int
    output: str

    @property
    def name(self) -> str | None:
        """The `data:` name it prints as it is (`{{ visitors }}`), or None."""
        found = _NAME.match(self.source)
        return found.group(1) if found else None


Origin = int | Expr | None
"""Where a printed character comes from: an index of the scalar's value, an expression, or
None for a space the reader put between two lines."""


@dataclass
class Printed:
    """A scalar's printed text and the origin of each of its characters."""

    text: str
    origins: list[Origin]
    expressions: list[Expr] = field(default_factory=list)


@dataclass
class Outcome:
    """How a changed text goes into its scalar."""

    edits: list[tuple[int, int, str]] = field(default_factory=list)
    """(start, end, new text) of the scalar's value."""
    data: dict[str, str] = field(default_factory=dict)
    """`data:` name → what it prints now (the editor changed only what `{{ name }}` printed)."""
    conflict: bool = False
    """The editor changed what an expression computes: no edit keeps the expression."""
    whole: bool = False
    """A change the value cannot take character by character (a space the reader put between
    two lines): the value is rewritten whole, where it has no expression."""
    names: list[str] = field(default_factory=list)
    """The `data:` names in the expressions the change touches."""


def printed(value: str, expressions: Expressions | None) -> Printed | None:
    """How the reader prints `value` (a scalar's value, its lines joined), with origins; None
    where that cannot be traced (a `{% … %}` block, a comment)."""
    exprs: list[Expr] = []
    chars: list[tuple[str, Origin]] = []
    if has_expression(value) or "{#" in value:
        if expressions is None or "{%" in value or "{#" in value:
            return None
        at = 0
        for found in _EXPRESSION.finditer(value):
            chars += [(value[k], k) for k in range(at, found.start())]
            try:
                output = expressions.render(found.group(0))
            except ExpressionError:
                return None
            expr = Expr(found.group(1), found.start(), found.end(), output)
            exprs.append(expr)
            chars += [(ch, expr) for ch in output]
            at = found.end()
        chars += [(value[k], k) for k in range(at, len(value))]
    else:
        chars = [(ch, k) for k, ch in enumerate(value)]
    chars = _stripped(chars)
    if any(ch == "\n" for ch, _ in chars):
        chars = _joined(chars)
    return Printed("".join(ch for ch, _ in chars), [o for _, o in chars], exprs)


def _stripped(chars: list[tuple[str, Origin]]) -> list[tuple[str, Origin]]:
    start, end = 0, len(chars)
    while start < end and chars[start][0].isspace():
        start += 1
    while end > start and chars[end - 1][0].isspace():
        end -= 1
    return chars[start:end]


def _joined(chars: list[tuple[str, Origin]]) -> list[tuple[str, Origin]]:
    """Lines joined as reader/report.py joins them: each trimmed, blank ones dropped, a space
    between two lines only where joins_with_space says so."""
    lines: list[list[tuple[str, Origin]]] = [[]]
    for pair in chars:
        if pair[0] == "\n":
            lines.append([])
        else:
            lines[-1].append(pair)
    out: list[tuple[str, Origin]] = []
    for line in (_stripped(line) for line in lines):
        if not line:
            continue
        if out and joins_with_space(out[-1][0], line[0][0]):
            out.append((" ", None))
        out += line
    return out


def outcome(trace: Printed, new: str) -> Outcome:
    """How the printed text `trace` becomes `new`."""
    result = Outcome()
    outputs: dict[int, str] = {}
    matcher = SequenceMatcher(None, trace.text, new, autojunk=False)
    for tag, i1, i2, j1, j2 in reversed(matcher.get_opcodes()):
        if tag == "equal":
            continue
        replacement = new[j1:j2]
        expr = _inside(trace, i1, i2, replacement)
        if expr is not None:
            first = trace.origins.index(expr)
            current = outputs.get(id(expr), expr.output)
            outputs[id(expr)] = current[:i1 - first] + replacement + current[i2 - first:]
            result.names += _NAMES.findall(expr.source)
            continue
        touched = {id(o): o for o in trace.origins[i1:i2] if isinstance(o, Expr)}
        if touched:
            result.conflict = True
            result.names += [n for e in touched.values() for n in _NAMES.findall(e.source)]
            continue
        span = _value_span(trace.origins, i1, i2)
        if span is None:
            result.whole = True
            continue
        result.edits.append((*span, literal(replacement)))
    for expr in trace.expressions:
        if id(expr) not in outputs:
            continue
        if expr.name is None:
            result.conflict = True
        else:
            result.data[expr.name] = outputs[id(expr)]
    if result.whole and trace.expressions:
        result.conflict = True
    result.names = list(dict.fromkeys(result.names))
    return result


def _inside(trace: Printed, i1: int, i2: int, replacement: str) -> Expr | None:
    """The expression whose output alone a change falls in: every character it replaces is
    of that output, or it adds digits or letters right beside it (27 → 278)."""
    origins = trace.origins
    if i1 < i2:
        first = origins[i1]
        if isinstance(first, Expr) and all(o is first for o in origins[i1:i2]):
            return first
        return None
    for at, edge in ((i1 - 1, -1), (i1, 0)):
        if 0 <= at < len(origins) and isinstance(origins[at], Expr) and replacement and \
                replacement[edge].isalnum() and trace.text[at].isalnum():
            return origins[at]
    return None


def _value_span(origins: list[Origin], i1: int, i2: int) -> tuple[int, int] | None:
    """The span of the value that printed characters i1:i2 come from; for an insertion
    (i1 == i2), the place beside its neighbours. None where there is no such span."""
    if i1 < i2:
        first, last = origins[i1], origins[i2 - 1]
        if not isinstance(first, int) or not isinstance(last, int):
            return None
        return first, last + 1
    after = origins[i1] if i1 < len(origins) else None
    before = origins[i1 - 1] if i1 > 0 else None
    if isinstance(before, int):
        return before + 1, before + 1
    if isinstance(after, int):
        return after, after
    if isinstance(before, Expr):
        return before.end, before.end
    if isinstance(after, Expr):
        return after.start, after.start
    return None


def literal(text: str) -> str:
    """`text` as YAML text that prints as it reads: `{{` and `{%` written as expressions
    printing them (an editor's braces are not an expression)."""
    if not (has_expression(text) or "{#" in text):
        return text
    return re.sub(r"\{[{%#]", lambda m: "{{ '" + m.group(0) + "' }}", text)
