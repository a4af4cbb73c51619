"""A paragraph as units for the line breaker: unbreakable pieces with their widths, where a line
may start, the blank halves of punctuation that may be squeezed, and where a token too long for
its line may be cut."""

from __future__ import annotations

import re
from collections.abc import Callable

from reportgen.layout.charclass import (
    BLANK_LEFT,
    BLANK_RIGHT,
    CLOSING_BRACKETS,
    NO_END,
    NO_START,
    OPENING,
    OPENING_BRACKETS,
    is_ideograph,
)
from reportgen.layout.tokens import CHAR, DASH, ELLIPSIS, SPACE, WORD, YEAR_BRACKETS, segments

Advance = Callable[[str], float]  # advance width in points of ONE character

EPS = 1e-6  # points; absorbs float error in sums of advances
_BRACKETS = frozenset(OPENING_BRACKETS + CLOSING_BRACKETS)  # 夹注符号: brackets and quotes
_CUT_AFTER = ("/\u2014\u2013~", "@-_?&=#万亿", ".:,")  # good places to cut a token, best first
_SEAM_DASHES = "-\u2010\u2011\u2012\u2013\u2014\u2015"  # a token's seams: ISBN 978-7-…, 9:00—17:00
_DATE_UNITS = "年月日时"  # a date or time may part after these: 2026年|2月3日
_YEAR_OPENING = "".join(o for o, _ in YEAR_BRACKETS)  # 桂文旅发|〔2026〕12号
ADDRESS_CUT_AFTER = "/.-@"
"""Where a URL or e-mail address longer than a quarter of a line may be cut (no hyphen added)."""
_ADDRESS = re.compile(r"(?:(?:https?|ftp)://|www\.)\S+|[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+"
                      r"(?:\.[A-Za-z0-9\-]+)+")


class Unit:
    """An unbreakable piece of the paragraph with what the breaker needs to know about it."""

    __slots__ = ("start", "end", "kind", "width", "gap", "brk", "end_sq", "pair_sq", "pair_at",
                 "mid_sq", "bracket")

    def __init__(self, start: int, end: int, kind: str, width: float, gap: float) -> None:
        self.start = start
        self.end = end
        self.kind = kind
        self.width = width
        self.gap = gap  # width of the breakable spaces in front of this unit
        self.brk = False  # may a line start with this unit?
        self.end_sq = 0.0  # squeezable blank on the right when this unit ends a line
        self.pair_sq = 0.0  # blank between the previous unit and this one, always squeezed
        self.pair_at = -1  # paragraph index of the mark that pair_sq squeezes
        self.mid_sq = 0.0  # blank a push-in may squeeze inside a line (a lone full-width mark)
        self.bracket = False  # a full-width bracket or quotation mark (夹注符号), not a stop


def make_units(text: str, adv: Advance) -> list[Unit]:
    """Units of ``text`` with widths, break opportunities and squeezable blanks.

    Two full-width marks side by side, one of them a bracket or quotation mark (夹注符号),
    lose one blank half between them (CLREQ 3.1.6.2: ），  。”  》《  、“  （「 take 1.5 ems):
    that is `pair_sq`, squeezed wherever they meet. Two stops (？！) keep their full widths.
    """
    full = 0.75 * adv("\u4e00")  # a mark is full width when its advance is over 3/4 em
    units: list[Unit] = []
    gap = 0.0
    prev: Unit | None = None
    for start, end, kind in segments(text):
        if kind == SPACE:
            gap += sum(adv(ch) for ch in text[start:end])
            continue
        if end - start == 1:
            ch = text[start]
            unit = Unit(start, end, kind, adv(ch), gap)
            wide_mark = kind == CHAR and unit.width >= full
            if wide_mark and (ch in BLANK_RIGHT or ch in BLANK_LEFT):
                unit.mid_sq = unit.width / 2
                unit.bracket = ch in _BRACKETS
                if ch in BLANK_RIGHT:
                    unit.end_sq = unit.width / 2
        else:
            unit = Unit(start, end, kind, sum(adv(ch) for ch in text[start:end]), gap)
            wide_mark = False
        if prev is not None:
            last = text[prev.end - 1]
            first = text[start]
            unit.brk = _may_start(text, unit) and (prev.kind == WORD or last not in NO_END)
            if not gap and (
                (prev.kind == WORD and first in "([{") or (last in ")]}" and kind == WORD)
            ):
                unit.brk = False  # UAX #14 LB30: f(x), (a)b
            if not gap and wide_mark and (first in _BRACKETS or last in _BRACKETS):
                if prev.end_sq and (first in BLANK_RIGHT or first in BLANK_LEFT):
                    unit.pair_sq, unit.pair_at = prev.end_sq, prev.start  # ），  。「  。”
                elif first in BLANK_LEFT and last in BLANK_LEFT and prev.width >= full:
                    unit.pair_sq, unit.pair_at = unit.width / 2, start  # （「
        units.append(unit)
        prev = unit
        gap = 0.0
    return units


def _may_start(text: str, unit: Unit) -> bool:
    if unit.kind == WORD:
        return True
    if unit.kind == DASH and unit.end - unit.start > 1:
        return True  # a 破折号 may begin a line; only its halves may not be parted
    return text[unit.start] not in NO_START


def natural(units: list[Unit], i: int, j: int) -> float:
    """Width of units[i:j] at full advances, the spaces between them included."""
    return sum(u.width + u.gap for u in units[i + 1 : j]) + units[i].width


def pairs(units: list[Unit], i: int, j: int) -> tuple[tuple[int, float], ...]:
    """The pair squeezes inside units[i:j], as (paragraph index, points)."""
    return tuple((u.pair_at, u.pair_sq) for u in units[i + 1 : j] if u.pair_sq)


def set_width(units: list[Unit], i: int, j: int) -> float:
    """Width of units[i:j] as set: full advances less the pair squeezes."""
    return natural(units, i, j) - sum(amount for _, amount in pairs(units, i, j))


def squeezes(units: list[Unit], i: int, j: int, need: float,
             mid_line: bool = False) -> tuple[tuple[int, float], ...] | None:
    """The pair squeezes of units[i:j], and more blanks to take out at least ``need`` points:
    the line-end mark's, then (``mid_line``) those of lone brackets and quotation marks inside
    the line, then of lone stops, each from the line's end backwards; None if they do not add
    up to ``need``.

    A mark is set at half width or not at all (CLREQ), never at an odd width in between: the
    slack a whole squeeze leaves is spread by justification like any other."""
    taken = {at for at, _ in pairs(units, i, j)}
    blanks = [(units[j - 1].start, units[j - 1].end_sq)]
    if mid_line:
        inner = [u for u in units[j - 2 : i : -1] if u.mid_sq and u.start not in taken]
        blanks += [(u.start, u.mid_sq) for u in inner if u.bracket]
        blanks += [(u.start, u.mid_sq) for u in inner if not u.bracket]
    out = list(pairs(units, i, j))
    for index, blank in blanks:
        if need <= EPS:
            break
        if blank and index not in taken:
            out.append((index, blank))
            taken.add(index)
            need -= blank
    return tuple(sorted(out)) if need <= EPS else None


def is_address(text: str) -> bool:
    """Whether ``text`` is a URL or an e-mail address."""
    return _ADDRESS.fullmatch(text) is not None


def cut(text: str, unit: Unit, room: float, adv: Advance) -> tuple[int, int, bool]:
    """Where to cut an over-long unit so that its head fits ``room``.

    Returns (head end, tail start, whether the cut is a good one). Good cuts: at an inner space
    or after a dash or slash; after @ - _ ? & = # 万 亿 or before a number; after . : , or a
    number — the last good one that keeps a third of the room or more, so that the line is
    filled as far as it can be; in a document number only before its bracketed year
    (桂文旅发|〔2026〕12号). Otherwise the last point the punctuation rules allow;
    (start, start, False) if none fits.
    """
    if unit.kind in (DASH, ELLIPSIS):
        return _cut_marks(text, unit, room, adv)
    year = next((k for k in range(unit.start + 1, unit.end)
                 if _year_seam(text[k - 1], text[k])), None)
    best = (unit.start, unit.start)
    good: tuple[int, int] | None = None
    floor = room / 3
    width = 0.0
    for k in range(unit.start + 1, unit.end):
        width += adv(text[k - 1])
        if width > room + EPS:
            break
        before, after = text[k - 1], text[k]
        if before == " " or after in NO_START or before in OPENING:
            continue
        best = (k, k + (after == " "))
        if k == year or year is None and width >= floor and _rank(before, after) is not None:
            good = best
    return (*good, True) if good is not None else (*best, False)


def _cut_marks(text: str, unit: Unit, room: float, adv: Advance) -> tuple[int, int, bool]:
    """Where to cut a run of dashes or ellipses longer than a line (—————— ……………): after
    as many whole pairs (—— ……) as fit, or one mark when not even a pair does. The rule that
    such a mark never starts a line has to give, once a line; setting one mark a line instead
    would turn a run of 2,000 into 2,000 lines."""
    width, fits = 0.0, unit.start
    for k in range(unit.start, unit.end):
        width += adv(text[k])
        if width > room + EPS:
            break
        fits = k + 1
    whole_pairs = unit.start + (fits - unit.start) // 2 * 2
    at = whole_pairs if whole_pairs > unit.start else fits
    return at, at, at > unit.start


def soft_cut(text: str, unit: Unit, room: float, adv: Advance, address: bool,
             seams: bool = False) -> tuple[int, int] | None:
    """Where a token that fits a line may still be cut, rather than leave the line before it
    loose, so that its head fills ``room`` best: (head end, tail start), or None if there is no
    such place. Between a date's parts (2026年|2月3日) and between a document number's code
    and its bracketed year (桂文旅发|〔2026〕12号); in an ``address`` (a long URL or e-mail)
    after / . - @ (https:// may end a line, as style guides allow), three characters or more
    from either end; with ``seams``, also at a seam of the token, three characters or more
    from either end: after a hyphen or dash between two letters or digits (ISBN 978-7-|5013-…,
    9:00—|17:00), or at the space after a designation (GB/T| 9704—2012, the space dropped)."""
    width = 0.0
    found = None
    for k in range(unit.start + 1, unit.end):
        width += adv(text[k - 1])
        if width > room + EPS:
            break
        before, after = text[k - 1], text[k]
        inner = unit.start + 3 <= k <= unit.end - 3
        if before in _DATE_UNITS and after.isdigit() or _year_seam(before, after) or (
                address and before in ADDRESS_CUT_AFTER and inner):
            found = (k, k)
        elif seams and inner and _seam(text, k):
            found = (k, k + (after == " "))
    return found


def _seam(text: str, k: int) -> bool:
    """Whether a token may part before text[k] when keeping it whole would leave a hole: after a
    hyphen or dash joining two letters or digits, or at a space after a letter."""
    before, after = text[k - 1], text[k]
    if after == " ":
        return before.isalpha() and text[k + 1].isalnum()
    return before in _SEAM_DASHES and text[k - 2].isalnum() and after.isalnum()


def _year_seam(before: str, after: str) -> bool:
    """Whether a document number may part between these: its code and its bracketed year."""
    return after in _YEAR_OPENING and is_ideograph(before)


def _rank(before: str, after: str) -> int | None:
    """How good a cut between two characters of a token is: 0 best, None not good at all."""
    if after == " ":
        return None if before.isdigit() else 0  # GB/T| 9704, but never 3| 274
    if is_ideograph(before) and after.isdigit():
        return 1  # 2026年|2月3日
    if before.isdigit() and is_ideograph(after):
        return 2  # 46809|册
    return next((rank for rank, chars in enumerate(_CUT_AFTER) if before in chars), None)


def split(text: str, units: list[Unit], p: int, at: tuple[int, int], adv: Advance) -> None:
    """Replace units[p] by its head text[start:at[0]] and its tail text[at[1]:end]."""
    unit = units[p]
    head_end, tail_start = at
    head_width = sum(adv(c) for c in text[unit.start : head_end])
    kind = unit.kind if unit.kind in (DASH, ELLIPSIS) else WORD  # a run of marks stays one
    head = Unit(unit.start, head_end, kind, head_width, unit.gap)
    head.brk, head.pair_sq, head.pair_at = unit.brk, unit.pair_sq, unit.pair_at
    tail_gap = sum(adv(c) for c in text[head_end:tail_start])
    tail = Unit(tail_start, unit.end, kind, unit.width - head.width - tail_gap, tail_gap)
    tail.brk = True
    units[p : p + 1] = [head, tail]
