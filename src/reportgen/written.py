"""Numbers as the author wrote them: a YAML number that prints its own text (65.0, 1.50, 9:30).

YAML reads `65.0` as the float 65 and `1.50` as 1.5; a report prints what was written, since
the trailing zeros of a statistic carry meaning. These types are the number for arithmetic
(`{{ rate * 2 }}` computes with 65.0 and gives a plain float) and the written text for print.
"""

from __future__ import annotations


class WrittenInt(int):
    """A whole number that prints as written: `1_000`, `0x1F` and `9:30` (YAML 1.1 reads it as
    570) print so; arithmetic on it gives a plain int."""

    written: str

    def __new__(cls, value: int, written: str) -> WrittenInt:
        number = super().__new__(cls, value)
        number.written = written
        return number

    def __str__(self) -> str:
        return self.written

    __repr__ = __str__

    def __reduce__(self):
        return (WrittenInt, (int(self), self.written))


class WrittenFloat(float):
    """A number with a fraction that prints as written (65.0, 1.50); arithmetic on it gives a
    plain float."""

    written: str

    def __new__(cls, value: float, written: str) -> WrittenFloat:
        number = super().__new__(cls, value)
        number.written = written
        return number

    def __str__(self) -> str:
        return self.written

    __repr__ = __str__

    def __reduce__(self):
        return (WrittenFloat, (float(self), self.written))


def as_written(value: int | float, written: str) -> int | float:
    """`value` remembering `written`; a bool stays a bool (Python allows no subclass of it)."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int):
        return WrittenInt(value, written)
    return WrittenFloat(value, written)
