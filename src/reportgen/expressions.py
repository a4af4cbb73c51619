"""Text expressions: `{{ visitors | wan }}万人次` in any string, evaluated in a Jinja2 sandbox.

Only strings that contain `{{` or `{%` are rendered, so most reports never import Jinja2. The
names an expression can use are the report's `data:` mapping plus the helpers below; an
undefined name or an attempt to reach Python internals is an error naming the field.
"""

from __future__ import annotations

import datetime as _dt
import math
from contextlib import contextmanager
from decimal import ROUND_HALF_UP, Decimal, DecimalException
from typing import Any

from reportgen import dates, figures
from reportgen.numbering import chinese_number
from reportgen.written import WrittenFloat, WrittenInt

THIN_SPACE = "\u2009"


class ExpressionError(ValueError):
    """An expression that cannot be evaluated; the message says why in user terms, the hint
    what to do about it."""

    def __init__(self, message: str, hint: str):
        super().__init__(message)
        self.hint = hint


DATA_HINT = ("names come from the `data:` mapping of the report (docs/format.md, Expressions); "
             "to print {{ as text, write {{ '{{' }}")
_NUMBER_HINT = "write it in `data:` as a bare number: 192000 or 18.6, without units or commas"
DECIMALS_SHOWN = 2
"""A computed number with more decimal places than this gets a warning (it is printed whole)."""


def has_expression(text: str) -> bool:
    return "{{" in text or "{%" in text


def _number(value: Any, what: str) -> Decimal:
    _raise_if_undefined(value)
    if isinstance(value, bool) or not isinstance(value, (int, float, Decimal, str)):
        raise ExpressionError(f"{what} needs a number, got {value!r}", _NUMBER_HINT)
    if isinstance(value, (WrittenInt, WrittenFloat)):  # its value, not its text (9:30 is 570)
        return Decimal(int(value)) if isinstance(value, int) else Decimal(repr(float(value)))
    if not isinstance(value, str):
        return Decimal(str(value))  # an infinite one fails where it is used, saying so
    number = figures.value(value)
    if number is None:
        raise ExpressionError(f"{what} needs a number, got {value!r}", _NUMBER_HINT)
    return number


def _round(value: Decimal, digits: int) -> Decimal:
    return value.quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP)


def plain_number(value: Decimal) -> str:
    """A Decimal without trailing zeros or exponent: 192.00 -> 192, 1.50 -> 1.5."""
    text = format(value.normalize(), "f")
    return "0" if text in ("-0", "") else text


def _raise_if_undefined(value: Any) -> None:
    """An undefined name passed to a helper is reported as undefined, not as a wrong type."""
    from jinja2 import Undefined

    if isinstance(value, Undefined):
        value._fail_with_undefined_error()


def growth(current: Any, previous: Any, digits: int = 1) -> str:
    """Change from `previous` to `current` in percent with its sign: growth(531, 392) -> +35.5%."""
    now, before = _number(current, "growth"), _number(previous, "growth")
    if before == 0:
        raise ExpressionError("growth: the previous value is 0, so no percentage exists",
                              "write the change in words, or compare with another year")
    change = _round((now - before) / abs(before) * 100, digits)
    sign = "+" if change > 0 else ("-" if change < 0 else "")
    return f"{sign}{format(abs(change), 'f')}%"


def change(current: Any, previous: Any, digits: int = 1) -> str:
    """The change in words, as reports write it: 增长35.5%, 下降26.2%, or 持平."""
    text = growth(current, previous, digits)
    if text.startswith("+"):
        return "增长" + text[1:]
    if text.startswith("-"):
        return "下降" + text[1:]
    return "持平"


def percent(value: Any, digits: int = 1) -> str:
    """A ratio as a percentage: 0.355 -> 35.5%."""
    return f"{format(_round(_number(value, 'percent') * 100, digits), 'f')}%"


def wan(value: Any, digits: int = 2) -> str:
    """In units of 万 (10 000), trailing zeros dropped: 1920000 -> 192, 1590500 -> 159.05."""
    return plain_number(_round(_number(value, "wan") / 10000, digits))


def yi(value: Any, digits: int = 2) -> str:
    """In units of 亿 (100 000 000): 123400000 -> 1.23."""
    return plain_number(_round(_number(value, "yi") / 100000000, digits))


def thousands(value: Any) -> str:
    """Digits grouped by three with a thin space (GB/T 15835): 3274 -> 3 274."""
    number = _number(value, "thousands")
    sign = "-" if number < 0 else ""
    whole, _, fraction = plain_number(abs(number)).partition(".")
    groups = []
    while whole:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    grouped = THIN_SPACE.join(groups)
    return sign + grouped + (f".{fraction}" if fraction else "")


def chinese(value: Any) -> str:
    """A whole number in Chinese numerals: 12 -> 十二, 2026 -> 二千零二十六."""
    number = _number(value, "chinese")
    if number != number.to_integral_value():
        raise ExpressionError(f"chinese needs a whole number, got {value!r}",
                              "chinese writes 0 to 99 999 as 一, 十二, 一百零五 …")
    return chinese_number(int(number))


def date_cn(value: Any) -> str:
    """A date as printed in documents, no zero padding: 2026-01-26 -> 2026年1月26日."""
    _raise_if_undefined(value)
    day = value
    if isinstance(value, str):
        try:
            day = dates.parse(value)
        except ValueError:
            day = None
    if not isinstance(day, _dt.date):
        raise ExpressionError(f"date needs a date such as 2026-01-26, got {value!r}",
                              f"in `data:`, {dates.hint(value)}")
    return dates.printed(day)


_NO_DEFAULT: Any = object()


def _figure(value: str, what: str, default: Any) -> Decimal | None:
    """The number a text shows, as the helpers read it; None when it shows none and a default
    was given (Jinja's `int` and `float` would silently give 0)."""
    try:
        return _number(value, what)
    except ExpressionError:
        if default is _NO_DEFAULT:
            raise
        return None


def to_int(value: Any, default: Any = _NO_DEFAULT, base: int = 10) -> Any:
    """Jinja's `int`, reading a figure written as text as the helpers do (`"3 274"` is 3274);
    a text that is no number is an error, not 0, unless a default is given."""
    if isinstance(value, str) and base == 10:
        number = _figure(value, "int", default)
        return default if number is None else int(number)
    from jinja2.filters import do_int

    return do_int(value, 0 if default is _NO_DEFAULT else default, base)


def to_float(value: Any, default: Any = _NO_DEFAULT) -> Any:
    """Jinja's `float`, reading texts as `to_int` does."""
    if isinstance(value, str):
        number = _figure(value, "float", default)
        return default if number is None else float(number)
    from jinja2.filters import do_float

    return do_float(value, 0.0 if default is _NO_DEFAULT else default)


FILTERS = {"growth": growth, "change": change, "percent": percent, "wan": wan, "yi": yi,
           "thousands": thousands, "chinese": chinese, "date": date_cn}


class Expressions:
    """Renders strings of one report against its `data:` mapping."""

    def __init__(self, data: dict[str, Any]):
        self.data = data
        self._env = None
        self.notes: list[tuple[str, str]] = []
        """(message, hint) of things worth a warning, from the texts rendered so far."""

    def take_notes(self) -> list[tuple[str, str]]:
        """The notes of the texts rendered since the last call."""
        notes, self.notes = self.notes, []
        return notes

    def _shown(self, value: Any) -> Any:
        """How the value of one {{ … }} is printed: a computed float without binary noise
        (1.1 + 2.2 prints 3.3, not 3.3000000000000003; 6 / 2 prints 3); a number of `data:`
        as it was written (65.0, 1.50)."""
        if isinstance(value, WrittenInt) or isinstance(value, WrittenFloat) and math.isfinite(
                value):
            return str(value)
        if not isinstance(value, float):
            return value
        if not math.isfinite(value):
            raise ExpressionError(f"the result is {value}, not a number a report can print",
                                  "a number in `data:` is too large (1e400 is infinite) or a "
                                  "calculation divides infinity")
        text = plain_number(Decimal(format(value, ".12g")))
        decimals = len(text.partition(".")[2])
        if decimals > DECIMALS_SHOWN:
            self.notes.append((f"a computed number prints with {decimals} decimal places: {text}",
                               "round it in the expression, e.g. {{ (visitors / 365) | round(1) }}"
                               ", or use a helper such as wan or percent"))
        return text

    def _environment(self):
        if self._env is None:
            from jinja2 import StrictUndefined

            from reportgen.sandbox import Bounded

            env = Bounded(undefined=StrictUndefined, autoescape=False,
                          keep_trailing_newline=True, finalize=self._shown)
            env.bound_filters({**FILTERS, "int": to_int, "float": to_float})
            env.globals.clear()
            env.globals.update(FILTERS)
            env.names = {id(value): name for name, value in self.data.items()
                         if isinstance(value, str)}
            self._env = env
        return self._env

    def render(self, text: str) -> str:
        """`text` with its expressions evaluated; raises ExpressionError with a plain message."""
        if not has_expression(text):
            return text
        from jinja2 import TemplateSyntaxError, UndefinedError
        from jinja2.exceptions import SecurityError

        try:
            with _time_limit(RENDER_SECONDS):
                return self._rendered(text)
        except UndefinedError as exc:
            raise ExpressionError(f"{_undefined_message(exc)}", DATA_HINT) from None
        except SecurityError as exc:
            raise ExpressionError(f"not allowed in a report: {exc}",
                                  "expressions may use the `data:` names, arithmetic and the "
                                  "helpers in docs/format.md, nothing of Python's") from None
        except TemplateSyntaxError as exc:
            raise ExpressionError(f"expression syntax: {exc.message}",
                                  "an expression is written {{ name }} or {{ name | helper }}; "
                                  "to print {{ as text, write {{ '{{' }}") from None
        except ExpressionError:
            raise
        except (RecursionError, SyntaxError, MemoryError):
            # A macro that calls itself, or thousands of nested brackets or filters: Jinja2
            # and Python's compiler recurse once per level.
            raise ExpressionError("the expression is nested too deeply, calls itself "
                                  "without end, or needs too much memory",
                                  "write it in simpler steps") from None
        except ZeroDivisionError:
            raise ExpressionError("division by zero",
                                  "check the divisor's value in `data:`") from None
        except DecimalException:
            raise ExpressionError("a number is too large or not a number for this helper",
                                  "check the value in `data:` (1e400 is infinite)") from None
        except (TypeError, ValueError, ArithmeticError, AttributeError, LookupError) as exc:
            raise ExpressionError(f"cannot evaluate: {exc}",
                                  "check the types: arithmetic needs numbers, and a number "
                                  "written with a unit (\"192万\") is text") from None

    def _rendered(self, text: str) -> str:
        """The text rendered piece by piece, each piece counted against the bound."""
        from reportgen.budget import MAX_TEXT_CHARS
        from reportgen.sandbox import Allowance

        env = self._environment()
        env.allowance = Allowance()
        pieces, length = [], 0
        for piece in env.from_string(text).generate(self.data):
            length += len(piece)
            if length > MAX_TEXT_CHARS:
                raise ExpressionError(f"the text with its expressions passes "
                                      f"{MAX_TEXT_CHARS:,} characters",
                                      "a loop in an expression prints too much")
            pieces.append(piece)
        return "".join(pieces)


RENDER_SECONDS = 1.0
"""How long one text's expressions may take: ordinary ones take microseconds."""


@contextmanager
def _time_limit(seconds: float):
    """Stop an expression that runs too long (POSIX, main thread); elsewhere no limit."""
    import signal
    import threading

    if not hasattr(signal, "setitimer") or threading.current_thread() is not \
            threading.main_thread():
        yield
        return

    def expired(signum, frame):
        raise ExpressionError(f"an expression took longer than {seconds:g} s",
                              "loops in expressions should be short: compute long results in "
                              "the data before they go into the report")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _undefined_message(exc: Exception) -> str:
    message = str(exc)
    if "is undefined" in message:
        name = message.split("'")[1] if "'" in message else message
        return f"`{name}` is not defined in `data:`"
    if "has no attribute" in message:
        return f"not allowed or not defined: {message}"
    return message
