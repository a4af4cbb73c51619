"""Line-breaking rules checked at every break inside a paragraph: line start, line end, tokens.

The tables here are the checker's own, written from Chinese typesetting practice (GB/T 15834
punctuation, the 行首/行尾禁则 of CLREQ), so that they can catch a line breaker's mistakes
rather than repeat them. Only breaks *inside* a paragraph (see ``lines.paragraphs``) are
judged: what a paragraph starts or ends with is the author's text, not the breaker's choice.

- ``line_start``: a continuation line whose first character is a closing mark that must not
  begin a line (``LINE_START_FORBIDDEN``: ，。、；：？！）》」』】〕〉〗〙”’ ］｝, the
  ellipsis … and ‥, the middle dot ·, 々, ％ ℃, half-width , . ; : ? ! ) ] } %). A whole
  …… starting a line counts; a whole —— does not.
- ``line_end``: a line, not its paragraph's last, ending with an opening mark
  (``LINE_END_FORBIDDEN``: （《「『【〔〈〖“‘ and half-width ( [ {).
- ``split_token``: a token that must stay whole (``TOKEN_PATTERNS``) runs across the break.
  The lines' texts are joined without anything between them, so ``ISO`` | ``8601`` reads as
  ``ISO8601`` and still counts as one split standard number. Dates split by unit: ``2026年``,
  ``2月``, ``3日`` each stay whole (digits with their 年/月/日), but a break between them is
  fine. A token wider than a whole line (``chars_per_line`` grid cells) cannot stay whole: a
  break inside it counts (as ``long <pattern>``) only between two letters or digits, and not
  at all after or before a mark such as / - . @. Two Latin words broken at the space between
  them cannot be told from one split word, because a PDF does not draw the space at a break;
  the checker assumes Chinese text, where that is rare. A URL or e-mail address wider than
  ``ADDRESS_SHARE`` of a line may break after / . - @ (``ADDRESS_BREAKS``), and nowhere else;
  an ISBN (ISBN 978-7-5013-6543-2, 11 characters wide) after a hyphen or after ``ISBN``. A
  document number (发文字号, GB/T 9704 7.2.4: 桂文旅发〔2026〕12号, the year in 〔〕, [] ［］
  or 【】) never breaks from its bracketed year to its 号; before the bracket it may, and
  whatever ideographs stand before it (its issuer's code, up to six) are Chinese text that
  may break anywhere, as far as this rule goes.

Each break is reported once: a split token takes precedence over the line-start and line-end
marks at the same break, so the second half of —— or …… at a line start, or ``35|%``, counts
as a split token only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lines import Geometry, Paragraph, TextLine

LINE_START_FORBIDDEN = frozenset("，。、；：？！）》」』】〕〉〗”’…‥·々％℃］｝〙,.;:?!)]}%")
LINE_END_FORBIDDEN = frozenset("（《「『【〔〈〖“‘［｛〘([{")
ADDRESS_SHARE = 0.25  # of a line's grid cells
ADDRESS_BREAKS = "/.-@"
ISBN_BREAKS = "-N"  # an ISBN, as long as an address, may break after a hyphen or after ISBN
DOC_NUMBER = "document number"

_NUMBER = r"(?<![\d.])[+\-−±]?\d+(?:[.,]\d+)*"
_UNITS = (
    "人次|万|亿|千|百|人|册|件|场|次|条|本|名|处|部|种|个月|个|项|所|家|台|套|篇|元|米|公里|"
    "平方米|小时|分钟|天|周|年度|年|月|日|号|岁|倍|页|字|期|届|季度|批|份|位|户|辆|张|座|层|"
    "TB|GB|MB|KB|km|kg|cm|mm|%|％|‰|℃"
)
# Tried in order; the first pattern spanning a break names it. Specific before generic.
TOKEN_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(pattern))
    for name, pattern in (
        ("url", r"(?:https?://|www\.)[A-Za-z0-9._~:/?#\[\]@!$&'*+,;=%\-]+[A-Za-z0-9/]"),
        ("email", r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+"),
        ("isbn", r"ISBN\s?\d{1,5}(?:-\d{1,7}){2,3}-[\dX]"),
        (
            "standard",
            r"(?:GB/T|GB/Z|GB|ISO/IEC|ISO|IEC|WH/T|DB\d{2}/T|[A-Z]{2,4}/T)\s?\d+(?:\.\d+)*"
            r"(?:\s?[—–\-:：]\s?\d{4})?",
        ),
        (DOC_NUMBER, r"[\u3400-\u9fff]{0,6}(?P<year>〔\d{4}〕|\[\d{4}\]|［\d{4}］|【\d{4}】)"
                     r"第?\d+号"),
        ("phone", r"(?<!\d)(?:\d{3,4}-\d{7,8}|400-\d{3}-\d{4}|1[3-9]\d{9})(?!\d)"),
        (
            "time",
            r"(?<!\d)\d{1,2}[:：]\d{2}(?:\s?(?:——|—|–|-|~|～|至)\s?\d{1,2}[:：]\d{2})?(?!\d)",
        ),
        ("date", r"(?<!\d)\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?!\d)"),
        ("year range", r"(?<!\d)\d{4}\s?[-—–~～]\s?\d{4}(?:年度|年)?"),
        ("version", r"(?<![A-Za-z])[Vv]\d+(?:\.\d+)*"),
        ("number+unit", rf"(?:第)?{_NUMBER}(?:\s?(?:万|亿)?(?:{_UNITS}))"),
        ("grouped number", r"(?<!\d)\d{1,3}(?: \d{3})+(?!\d)"),
        ("number", _NUMBER),
        ("word", r"[A-Za-z][A-Za-z0-9]*(?:[-'][A-Za-z0-9]+)*"),
        ("dash pair", r"[—―]{2,}|⸺"),
        ("ellipsis pair", r"…{2,}|⋯{2,}|\.{3,}"),
    )
)


@dataclass(frozen=True)
class Finding:
    """One problem at a place: ``page`` and ``line`` are 1-based, ``line`` counts every line
    of the page top to bottom (0 for the page itself); ``paragraph`` is the 0-based index
    among all paragraphs, None for page-level findings."""

    page: int
    line: int
    kind: str
    text: str
    detail: str = ""
    paragraph: int | None = None


def break_findings(paragraphs: list[Paragraph], geometry: Geometry) -> list[Finding]:
    """Line-start, line-end and split-token findings at every break of every paragraph."""
    found = []
    for number, paragraph in enumerate(paragraphs):
        if paragraph.kind in ("page_number", "other") or len(paragraph.lines) < 2:
            continue
        found.extend(_paragraph_findings(number, paragraph, geometry))
    return found


def _paragraph_findings(number: int, paragraph: Paragraph, geometry: Geometry) -> list[Finding]:
    texts = [line.text for line in paragraph.lines]
    cells = [_char_cells(line) for line in paragraph.lines]
    joined = "".join(texts)
    widths = [w for line_cells in cells for w in line_cells]
    breaks = []
    offset = 0
    for text in texts[:-1]:
        offset += len(text)
        breaks.append(offset)
    splits = _split_tokens(joined, widths, breaks, geometry.chars_per_line)
    found = []
    for i, at in enumerate(breaks):
        before, after = paragraph.lines[i], paragraph.lines[i + 1]
        if at in splits:
            name, start, end = splits[at]
            token = f"{joined[start:at]}|{joined[at:end]}"
            found.append(
                Finding(before.page, before.index, "split_token", token, name, number)
            )
            continue
        if texts[i][-1] in LINE_END_FORBIDDEN:
            found.append(
                Finding(before.page, before.index, "line_end", texts[i], texts[i][-1], number)
            )
        if texts[i + 1][0] in LINE_START_FORBIDDEN:
            found.append(
                Finding(after.page, after.index, "line_start", texts[i + 1], texts[i + 1][0],
                        number)
            )
    return found


def _char_cells(line: TextLine) -> list[float]:
    """Grid cells of each character of ``line.text``, spread evenly over multi-char glyphs."""
    widths: list[float] = []
    for glyph in line.glyphs:
        widths.extend([glyph.cells / len(glyph.text)] * len(glyph.text))
    text = "".join(g.text for g in line.glyphs)
    start = len(text) - len(text.lstrip())
    return widths[start : start + len(line.text)]


def _split_tokens(
    text: str, widths: list[float], breaks: list[int], capacity: int
) -> dict[int, tuple[str, int, int]]:
    """For each break that splits a token: (pattern name, token start, token end)."""
    splits: dict[int, tuple[str, int, int]] = {}
    wide: dict[int, tuple[str, int, int]] = {}
    allowed: set[int] = set()  # in a long address, after / . - @
    for name, pattern in TOKEN_PATTERNS:
        for match in pattern.finditer(text):
            start, end = match.span()
            width = sum(widths[start:end])
            long_address = name in ("url", "email") and width > ADDRESS_SHARE * capacity
            for at in breaks:
                if not start < at < end:
                    continue
                if name == DOC_NUMBER and at <= match.start("year"):
                    continue  # the issuer's code is Chinese text, which may break anywhere
                if long_address and text[at - 1] in ADDRESS_BREAKS or \
                        name == "isbn" and text[at - 1] in ISBN_BREAKS:
                    allowed.add(at)
                (splits if width <= capacity else wide).setdefault(at, (name, start, end))
    for at, (name, start, end) in wide.items():
        if text[at - 1].isalnum() and text[at].isalnum():
            splits[at] = (f"long {name}", start, end)
        else:
            splits.pop(at, None)
    for at in allowed:
        splits.pop(at, None)
    return splits
