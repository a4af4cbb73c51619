"""The sandbox expressions run in: Jinja2's immutable sandbox, with every value it makes bounded.

Jinja2's sandbox keeps expressions away from Python's internals, not from memory: `'x' * 10**9`,
`'%1000000000s' | format(x)`, `indent(10**9)`, `'x'.ljust(10**9)`, a text doubled twenty
times with `~`, or the `join` of a long list each make gigabytes within the time limit. So:

- an operation that could make a large value in one step is measured before it runs: the
  widths and counts of `center`, `indent`, `wordwrap`, `batch`, `slice`, `ljust`, `rjust`,
  `zfill`, `expandtabs`; the widths in `%` and `format` patterns; the results of `*`, `**`,
  `+`, `~`, `replace` and `join`;
- every value an operator, filter or call makes is charged to the allowance of the text being
  rendered (MAX_CREATED characters or items), and none may be longer than MAX_TEXT_CHARS;
- the rendered text is collected piece by piece, up to MAX_TEXT_CHARS.
"""

from __future__ import annotations

import functools
import re
import string
from collections.abc import Iterable, Iterator
from typing import Any

from jinja2.compiler import CodeGenerator
from jinja2.sandbox import ImmutableSandboxedEnvironment

from reportgen import operands
from reportgen.budget import MAX_TEXT_CHARS
from reportgen.expressions import ExpressionError

MAX_CREATED = 10 * MAX_TEXT_CHARS
"""Characters (or items) that the expressions of one text may make in all."""
MAX_POWER = 64
"""The largest exponent `**` takes (of a base above 1)."""
_MAX_NUMBER_BITS = 4096
"""Whole numbers an expression makes stay below 2**4096 (1,234 digits)."""
_HINT = "a report needs no text that long; check the numbers in the expression"


def _too_long(size: int, what: str = "the result") -> ExpressionError:
    return ExpressionError(f"{what} would be {size:,} characters long; an expression may make "
                           f"at most {MAX_TEXT_CHARS:,}", _HINT)


def _within(size: int, what: str = "the result") -> None:
    if size > MAX_TEXT_CHARS:
        raise _too_long(size, what)


def _size(value: Any) -> int:
    if isinstance(value, (str, bytes, list, tuple, dict, set, frozenset)):
        return len(value)
    if isinstance(value, int) and not isinstance(value, bool):
        if value.bit_length() > _MAX_NUMBER_BITS:
            raise ExpressionError("a number in the expression grows too large",
                                  "check the calculation")
        return value.bit_length() // 3
    return 1


class Allowance:
    """What the expressions of one text may still make."""

    def __init__(self) -> None:
        self.left = MAX_CREATED

    def charge(self, value: Any) -> Any:
        """`value`, counted; an iterator is counted item by item as it is consumed."""
        size = _size(value)
        _within(size)
        self.left -= size
        if self.left < 0:
            raise ExpressionError(f"the expressions of this text make more than "
                                  f"{MAX_CREATED:,} characters in all", _HINT)
        if isinstance(value, Iterator):
            return map(self.charge, value)
        return value


# -- checks made before an operation --------------------------------------------------------------

_PERCENT = re.compile(r"%(?:\([^)]*\))?[#0\- +]*(\*|\d+)?(?:\.(\*|\d+))?")


def _check_percent(pattern: Any) -> None:
    """Widths and precisions of a `%` pattern (`'%8.2f' % x`, `|format`) within the bound."""
    if not isinstance(pattern, str):
        return
    for found in _PERCENT.finditer(pattern.replace("%%", "")):
        for number in found.groups():
            if number == "*":
                raise ExpressionError("a width taken from the values (`*`) is not allowed in "
                                      "a pattern", "write the width as a number: %8s")
            if number is not None:
                _within(int(number), "a width in the pattern")


def _check_format(pattern: str) -> None:
    """The same for a `str.format` pattern: `'{:>8}'.format(x)`."""
    for _, _, spec, _ in string.Formatter().parse(pattern):
        if spec and "{" in spec:
            raise ExpressionError("a width taken from the values is not allowed in a pattern",
                                  "write the width as a number: {:>8}")
        for number in re.findall(r"\d+", spec or ""):
            _within(int(number), "a width in the pattern")


def _width(value: Any) -> int:
    return value if isinstance(value, int) else len(str(value))


def _replaced(text: Any, old: Any, new: Any, count: Any = None) -> None:
    text, old, new = str(text), str(old), str(new)
    times = len(text) + 1 if not old else text.count(old)
    if isinstance(count, int) and count >= 0:
        times = min(times, count)
    _within(len(text) + times * (len(new) - len(old)))


def _joined(items: list, separator: Any) -> None:
    _within(sum(len(str(item)) for item in items) + max(len(items) - 1, 0) * len(str(separator)))


def _indent_check(text, width=4, *_, **__):
    _within(len(str(text)) + (str(text).count("\n") + 1) * _width(width))


def _wordwrap_check(text, width=79, break_long_words=True, wrapstring=None, *_, **__):
    _within(len(str(text)) * (1 + len(wrapstring or "\n")))


_FILTER_CHECKS = {
    "center": lambda value, width=80, *_, **__: _within(_width(width)),
    "indent": _indent_check,
    "wordwrap": _wordwrap_check,
    "batch": lambda value, linecount, *_, **__: _within(_width(linecount)),
    "slice": lambda value, slices, *_, **__: _within(_width(slices)),
    "format": lambda value, *_, **__: _check_percent(value),
    "replace": lambda text, old, new, count=None: _replaced(text, old, new, count),
}
"""Checks of filters that could make a large value in one step, by filter name; `join`, whose
items may come from an iterator, is checked in `_bounded_filter`."""

_STR_METHOD_CHECKS = {
    "ljust": lambda text, width, *_: _within(_width(width)),
    "rjust": lambda text, width, *_: _within(_width(width)),
    "center": lambda text, width, *_: _within(_width(width)),
    "zfill": lambda text, width: _within(_width(width)),
    "expandtabs": lambda text, tabsize=8: _within(len(text) * max(_width(tabsize), 1)),
    "replace": _replaced,
}


def _bounded_filter(env: Bounded, name: str, func):
    check = _FILTER_CHECKS.get(name)
    passed = getattr(func, "jinja_pass_arg", None) is not None  # context or environment first

    @functools.wraps(func)
    def bounded(*args, **kwargs):
        lead, rest = (args[:1], args[1:]) if passed else ((), args)
        if name == "join" and rest:
            items = list(rest[0])
            _joined(items, rest[1] if len(rest) > 1 else kwargs.get("d", ""))
            rest = (items, *rest[1:])
        elif check is not None and rest:
            check(*rest, **kwargs)
        return env.allowance.charge(func(*lead, *rest, **kwargs))

    return bounded


class _Generator(CodeGenerator):
    """Jinja2's code generator, with `~` joining its operands through `environment.joined`
    and comparisons made by `environment.compared`."""

    def visit_Concat(self, node, frame) -> None:  # noqa: N802 (Jinja2's name)
        self.write("environment.joined((")
        for arg in node.nodes:
            self.visit(arg, frame)
            self.write(", ")
        self.write("))")

    def visit_Compare(self, node, frame) -> None:  # noqa: N802 (Jinja2's name)
        self.write("environment.compared(")
        self.visit(node.expr, frame)
        self.write(", (")
        for operand in node.ops:
            self.write(f"({operand.op!r}, ")
            self.visit(operand.expr, frame)
            self.write("), ")
        self.write("))")


class Bounded(ImmutableSandboxedEnvironment):
    """The immutable sandbox with every value bounded and operators computing with numbers
    only (operands.py); `allowance` is reset for each text, `names` holds the `data:` entries
    that are texts, by identity, to name them in errors."""

    code_generator_class = _Generator
    intercepted_binops = frozenset({"*", "**", "+", "-", "/", "//", "%"})
    intercepted_unops = frozenset({"-", "+"})

    def __init__(self, **options) -> None:
        super().__init__(**options)
        self.allowance = Allowance()
        self.names: dict[int, str] = {}
        self.filters = {name: _bounded_filter(self, name, func)
                        for name, func in self.filters.items()}

    def bound_filters(self, filters: dict) -> None:
        """Add filters of our own, charged like the rest."""
        self.filters.update({name: _bounded_filter(self, name, func)
                             for name, func in filters.items()})

    def joined(self, parts: Iterable[Any]) -> str:
        pieces = [str(part) for part in parts]
        _within(sum(map(len, pieces)))
        return self.allowance.charge("".join(pieces))

    def name(self, value: Any) -> str | None:
        """The `data:` entry `value` is, if it is one."""
        return self.names.get(id(value))

    def compared(self, left: Any, pairs: Iterable[tuple[str, Any]]) -> Any:
        """`left op right …` of a comparison, as `_Generator` compiles it."""
        return operands.compared(left, pairs, self.name)

    def call_unop(self, context, operator, arg):
        operands.check_unary(operator, arg, self.name)
        return super().call_unop(context, operator, arg)

    def call_binop(self, context, operator, left, right):
        operands.check_binary(operator, left, right, self.name)
        if operator == "**" and isinstance(right, (int, float)) and abs(right) > MAX_POWER and (
                isinstance(left, (int, float)) and abs(left) > 1):
            raise ExpressionError(f"{left} ** {right} is too large a power",
                                  f"powers above {MAX_POWER} are refused")
        if operator == "*":
            for seq, count in ((left, right), (right, left)):
                if isinstance(seq, (list, tuple)) and isinstance(count, int):
                    _within(len(seq) * count, f"repeating a list {count:,} times")
        if operator == "+" and isinstance(left, (list, tuple)) and \
                isinstance(right, (list, tuple)):
            _within(len(left) + len(right))
        if operator == "%":
            _check_percent(left)
        return self.allowance.charge(super().call_binop(context, operator, left, right))

    def call(__self, __context, __obj, *args, **kwargs):  # noqa: N805 (Jinja2's signature)
        method = getattr(__obj, "__wrapped__", __obj)  # str.format comes wrapped by the sandbox
        owner = getattr(method, "__self__", None)
        if isinstance(owner, str):
            name = getattr(method, "__name__", "")
            if name in ("format", "format_map"):
                _check_format(owner)
            elif name == "join" and args:
                items = list(args[0])
                _joined(items, owner)
                args = (items, *args[1:])
            elif name in _STR_METHOD_CHECKS:
                _STR_METHOD_CHECKS[name](owner, *args, **kwargs)
        return __self.allowance.charge(super().call(__context, __obj, *args, **kwargs))
