"""Dates as reports write them: a YAML date or the text 2026-01-15 (2026-1-15), and
2026年1月15日, as GB/T 9704 prints them (no zero padding)."""

from __future__ import annotations

import datetime as _dt
import re

FORMS = "2026-01-15 or 2026年1月15日"
"""The forms `parse` reads, as a hint names them."""
_FORMS = (re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})"),
          re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日"))


def printed(day: _dt.date) -> str:
    """2026-02-03 as documents print it: 2026年2月3日."""
    return f"{day.year}年{day.month}月{day.day}日"


def parse(text: str) -> _dt.date | None:
    """The date `text` writes in one of FORMS, None if it writes no date; raises ValueError
    (saying why) for one that does not exist, such as 2026-02-30."""
    for form in _FORMS:
        found = form.fullmatch(text.strip())
        if found:
            return _dt.date(*(int(part) for part in found.groups()))
    return None


def hint(value: object) -> str:
    """What to write instead of `value` where a date is expected: 20260101 (a number, or
    digits) reads as 2026-01-01 if that date exists."""
    digits = str(value).strip()
    if re.fullmatch(r"\d{8}", digits):
        try:
            day = _dt.date(int(digits[:4]), int(digits[4:6]), int(digits[6:]))
        except ValueError:
            pass
        else:
            return f"write it as {day.isoformat()} or {printed(day)}"
    return f"write the date as {FORMS}"
