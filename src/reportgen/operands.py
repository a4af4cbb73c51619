"""Operators compute with numbers only: a text in arithmetic, or compared with a number, is an
error that says how to compute with it.

Python, and so Jinja2, would give an answer that looks like a figure: `"3 274" * 2` repeats the
text (`3 2743 274`), `"3 274" + "1"` joins two texts, `"3 274" == 3274` is false and
`"3 274" < "500"` compares letters. A figure written as text (`"3 274"`, `"192万"`) prints as
written but is no number; the error names the `data:` entry and the fix.
"""

from __future__ import annotations

import operator
import re
from collections.abc import Callable, Iterable
from decimal import Decimal
from typing import Any

from reportgen import figures
from reportgen.expressions import ExpressionError, plain_number

Namer = Callable[[Any], "str | None"]
"""The name in `data:` of a value, if it is one of its entries."""

_SHOWN = {"eq": "==", "ne": "!=", "gt": ">", "gteq": ">=", "lt": "<", "lteq": "<="}
_COMPARE: dict[str, Callable[[Any, Any], Any]] = {
    "eq": operator.eq, "ne": operator.ne, "gt": operator.gt, "gteq": operator.ge,
    "lt": operator.lt, "lteq": operator.le,
    "in": lambda a, b: a in b, "notin": lambda a, b: a not in b,
}
_CONVERSION = re.compile(r"%(?:\([^)]*\))?[#0\- +]*(?:\*|\d+)?(?:\.(?:\*|\d+))?[diouxXeEfFgGcrsa]")


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float, Decimal)) and not isinstance(value, bool)


def _text(text: str, name: Namer) -> str:
    key = name(text)
    return f"`{key}` in `data:`, the text \"{text}\"" if key else f"the text \"{text}\""


def _refused(message: str, text: str, name: Namer, op: str) -> ExpressionError:
    """The error `message` about `text`, with the hint that fits it."""
    entry = name(text) or "name"
    number = figures.value(text)
    if number is not None:
        hint = f"to compute with it, write it in `data:` as a bare number, `{entry}: " \
               f"{plain_number(number)}`"
        if any(ch in text for ch in figures.GROUPING):
            hint += f", and print it grouped with `{{{{ {entry} | thousands }}}}`"
    elif any(ch.isdigit() for ch in text):
        hint = ("a figure with a unit or a mark (192万, 12%) is text: write the bare number in "
                f"`data:` (`{entry}: 1920000`) and the unit in the sentence")
    elif op == "+":
        hint = "to join texts write ~: {{ a ~ b }}"
    else:
        hint = "arithmetic works on numbers, written bare in `data:` (192000, 18.6)"
    return ExpressionError(message, hint)


def check_binary(op: str, left: Any, right: Any, name: Namer) -> None:
    """Refuse arithmetic (`+ - * / // % **`) with a text in it; `'%.1f' % x`, a pattern on
    the left of `%`, is formatting and stays."""
    if op == "%" and isinstance(left, str) and _CONVERSION.search(left.replace("%%", "")):
        return
    for value in (left, right):
        if isinstance(value, str):
            raise _refused(f"`{op}` needs numbers, but got {_text(value, name)}", value, name,
                           op)


def check_unary(op: str, value: Any, name: Namer) -> None:
    """Refuse a sign (`-x`, `+x`) on a text."""
    if isinstance(value, str):
        raise _refused(f"a sign `{op}` needs a number, but got {_text(value, name)}", value,
                       name, op)


def compared(left: Any, pairs: Iterable[tuple[str, Any]], name: Namer) -> Any:
    """`left op1 right1 op2 right2 …` as Python chains it, refusing a text compared with a
    number, and an order (`<`, `>=` …) of two texts of which one is a figure."""
    result: Any = True
    for op, right in pairs:
        if op in _SHOWN:
            _check_comparison(_SHOWN[op], left, right, name)
        result = _COMPARE[op](left, right)
        if not result:
            return result
        left = right
    return result


def _check_comparison(shown: str, left: Any, right: Any, name: Namer) -> None:
    for text, other in ((left, right), (right, left)):
        if isinstance(text, str) and _is_number(other):
            never = ", so they are never equal" if shown in ("==", "!=") else ""
            raise _refused(f"`{shown}` compares a number with {_text(text, name)}{never}",
                           text, name, shown)
    if shown in ("<", "<=", ">", ">=") and isinstance(left, str) and isinstance(right, str):
        for text in (left, right):
            if figures.value(text) is not None:
                raise _refused(f"`{shown}` compares {_text(text, name)} with another text, "
                               "character by character, not as numbers", text, name, shown)
