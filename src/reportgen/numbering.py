"""Numbering styles (一、 （一） 1. （1） ① 01): read from a sample such as （一）, print labels."""

from __future__ import annotations

from dataclasses import dataclass

CHINESE_DIGITS = "零一二三四五六七八九"
COUNTERS = ("chinese", "decimal", "decimal-zero", "circled", "upper-letter", "lower-letter")

# ① to ⑳, ㉑ to ㉟, ㊱ to ㊿: the three Unicode runs of circled numbers.
_CIRCLED = (
    [chr(0x2460 + i) for i in range(20)]
    + [chr(0x3251 + i) for i in range(15)]
    + [chr(0x32B1 + i) for i in range(15)]
)

DEFAULT_LEVELS = ("一、", "（一）", "1.", "（1）", "①")
"""The GB/T 9704 heading numbers by level, plus ① for a fifth level."""

DEFAULT_PLAN = "1."


_SAMPLES_HINT = "write the first number as it should print: 一、 （一） 1. （1） ① 01 A."


class NumberingError(ValueError):
    """A numbering sample that cannot be understood, or a number a style cannot print; `hint`
    says what to write instead."""

    def __init__(self, message: str, hint: str = _SAMPLES_HINT):
        super().__init__(message)
        self.hint = hint


@dataclass(frozen=True)
class NumberStyle:
    """How one level counts: a counter between a fixed prefix and suffix, e.g. （ 一 ）."""

    counter: str
    prefix: str = ""
    suffix: str = ""

    @property
    def sample(self) -> str:
        """The label of the first item, the form authors write in YAML ("（一）")."""
        return self.label(1)

    @property
    def limit(self) -> int | None:
        """The largest number this style can print, or None when there is no limit."""
        if self.counter == "circled":
            return len(_CIRCLED)
        if self.counter in ("upper-letter", "lower-letter"):
            return 26
        return None

    def label(self, n: int) -> str:
        """The printed number for ordinal `n` (1-based)."""
        if n < 1:
            raise NumberingError(f"numbers start at 1, not {n}")
        if self.limit is not None and n > self.limit:
            raise NumberingError(f"style {self.sample!r} counts only to {self.limit}",
                                 "choose a style that counts further, such as 1.")
        return f"{self.prefix}{_count(self.counter, n)}{self.suffix}"


def _count(counter: str, n: int) -> str:
    if counter == "chinese":
        return chinese_number(n)
    if counter == "decimal":
        return str(n)
    if counter == "decimal-zero":
        return f"{n:02d}"
    if counter == "circled":
        return _CIRCLED[n - 1]
    if counter == "upper-letter":
        return chr(ord("A") + n - 1)
    if counter == "lower-letter":
        return chr(ord("a") + n - 1)
    raise NumberingError(f"unknown counter {counter!r}")


def chinese_number(n: int) -> str:
    """Chinese numerals as counted in headings: 1 一, 10 十, 11 十一, 20 二十, 105 一百零五."""
    if n < 0:
        return "负" + chinese_number(-n)
    if n < 10:
        return CHINESE_DIGITS[n]
    if n < 20:
        return "十" + (CHINESE_DIGITS[n - 10] if n > 10 else "")
    units = ((100000000, "亿"), (10000, "万"), (1000, "千"), (100, "百"), (10, "十"))
    out: list[str] = []
    rest = n
    pending_zero = False
    for value, name in units:
        digit, rest = divmod(rest, value)
        if digit:
            if pending_zero:
                out.append("零")
            out.append((chinese_number(digit) if value >= 10000 else CHINESE_DIGITS[digit]) + name)
            pending_zero = False
        elif out:
            pending_zero = True
    if rest:
        if pending_zero or (out and n % 10 == rest and n % 100 < 10):
            out.append("零")
        out.append(CHINESE_DIGITS[rest])
    return "".join(out)


_COUNTER_TOKENS = (("01", "decimal-zero"), ("1", "decimal"), ("一", "chinese"), ("①", "circled"),
                   ("A", "upper-letter"), ("a", "lower-letter"))


def parse_style(sample: str) -> NumberStyle:
    """The style whose first label is `sample`: "一、", "（一）", "1.", "（1）", "①", "01", "A."."""
    if not isinstance(sample, str) or not sample.strip():
        raise NumberingError("a numbering style is written as its first number")
    for token, counter in _COUNTER_TOKENS:
        at = sample.find(token)
        if at < 0:
            continue
        prefix, suffix = sample[:at], sample[at + len(token):]
        if any(ch.isascii() and ch.isalnum() or ch in CHINESE_DIGITS for ch in prefix + suffix):
            continue
        if suffix and "\u4e00" <= suffix[-1] <= "\u9fff":
            suffix += "\u3000"  # 第一章　总则: a label ending in a word is set off by a space
        return NumberStyle(counter, prefix, suffix)
    raise NumberingError(f"cannot read {sample!r} as a numbering style")
