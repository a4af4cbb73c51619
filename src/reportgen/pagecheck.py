"""Whether a template's page holds together: a text block, a grid the body fits, and a page
number that lies on the page."""

from __future__ import annotations

import string
import unicodedata
from typing import TYPE_CHECKING

from reportgen.xmlchars import first_forbidden

if TYPE_CHECKING:
    from reportgen.template import Page

MAX_FORMAT = 40
"""Characters in a page number format."""


def page_number_format(text: str) -> bool:
    """Whether `text` is a page number format: {n} at least once, no other fields, no format
    spec or conversion (`{n:>100000000}` would make a page number of 100 MB), not long."""
    if len(text) > MAX_FORMAT or first_forbidden(text) is not None:
        return False
    try:
        fields_ = [(name, spec, conversion)
                   for _, name, spec, conversion in string.Formatter().parse(text)
                   if name is not None]
    except ValueError:  # an unmatched brace
        return False
    return bool(fields_) and all(f == ("n", "", None) for f in fields_)


def page_problems(page: Page, body_pt: float, source) -> list:
    """The page as a whole: a text block that exists, a page number on the page, and a grid
    the body text fits."""
    problems = []
    if page.text_width_mm < 20 or page.text_height_mm < 20:
        problems.append(source.diagnostic(
            ("page",), f"the margins leave a text block of {page.text_width_mm:g} × "
                       f"{page.text_height_mm:g} mm",
            "width_mm - left_mm - right_mm and height_mm - top_mm - bottom_mm must each be at "
            "least 20 mm; A4 with GB/T 9704 margins gives 156 × 225 mm"))
        return problems
    problems += _page_number_problems(page, source)
    body_mm = body_pt * 25.4 / 72
    for setting, count, length, low, high, usual in (
            ("chars", page.chars, page.text_width_mm, 0.9, 2.0, 28),
            ("lines", page.lines, page.text_height_mm, 1.0, 4.0, 22)):
        pitch = length / count / body_mm
        if not low <= pitch <= high:
            problems.append(source.diagnostic(
                ("page", setting), f"{count} {setting} in {length:g} mm give each {pitch:.2f} "
                                   f"times the {body_pt:g} pt body size",
                f"choose {setting} so that this is between {low:g} and {high:g}: {usual} for "
                "16 pt on A4"))
    return problems


def _page_number_problems(page: Page, source) -> list:
    """The page number must fit on the page: its line below the text block within the bottom
    margin, and its inset and text within the text block's width."""
    number = page.page_number
    line_mm = number.size_pt * 1.25 * 25.4 / 72
    problems = []
    if number.below_text_mm + line_mm > page.bottom_mm:
        problems.append(source.diagnostic(
            ("page", "page_number", "below_text_mm"),
            f"the page number ({number.size_pt:g} pt, a line of {line_mm:.1f} mm) "
            f"{number.below_text_mm:g} mm below the text block ends below the page: the bottom "
            f"margin is {page.bottom_mm:g} mm",
            "make below_text_mm or size_pt smaller, or bottom_mm larger"))
    ems = sum(1.0 if unicodedata.east_asian_width(ch) in "WF" else 0.6
              for ch in number.format.replace("{n}", "888"))
    wide_mm = (number.inset_chars + ems) * number.size_pt * 25.4 / 72
    if wide_mm > page.text_width_mm:
        problems.append(source.diagnostic(
            ("page", "page_number", "inset_chars"),
            f"the page number, {number.inset_chars:g} character"
            f"{'' if number.inset_chars == 1 else 's'} in from the edge, needs "
            f"{wide_mm:.0f} mm: wider than the text block ({page.text_width_mm:g} mm)",
            "make inset_chars or size_pt smaller"))
    return problems
