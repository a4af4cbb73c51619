"""Chinese line breaking after W3C CLREQ and GB/T 15834: lines that never overflow the margin.

How it works:
1. ``units.make_units`` cuts the paragraph into units (``tokens.segments``): an ideograph or
   punctuation mark, a whole Latin/number token (V2.3, 3 000字, 第12期, a URL), a run of
   dashes (——) or ellipses (……). Spaces become the gap in front of the next unit; at a line
   break that gap is dropped. Adjacent full-width marks around a bracket or quote are always
   set in 1.5 ems.
2. Every boundary between units is a break opportunity unless the next unit may not start a
   line (，。）》” …), the previous may not end one (（《“), or UAX #14 glues Latin to a bracket.
3. Lines are filled greedily. If the units that fit end where no break is allowed, the conflict
   is settled by pushing in (squeezing the blank half of full-width punctuation, at most one em
   in all), else by pushing out (ending the line at the previous opportunity; the justifier
   spreads the slack). A line that would come out loose (its gaps wider than a quarter em)
   pushes in too when it can: marks are compressed before characters are spread apart.
4. A URL or e-mail address longer than a quarter of a line that does not fit where it starts
   is cut after / . - @, a date between its parts (2026年|2月3日), a document number before
   its bracketed year (桂文旅发|〔2026〕12号), rather than leaving the line before it loose.
   Any other token moves whole unless the line before it would open gaps wider than half an
   em (TOO_LOOSE); then it is cut at a seam (ISBN 978-7-|5013-…, GB/T|9704—2012;
   ``units.soft_cut``). A token wider than a whole line (or glued by such rules into a run
   wider than a line, as in “192万人次”， in a narrow cell) is cut at its best inner point
   (before a document number's year; after / — - @ 万, else between characters) and the
   line filled with its head. Nothing is set past the margin; only a run of marks longer than
   a line, with no token to cut, breaks a rule (fit "forced").
"""

from __future__ import annotations

from dataclasses import dataclass

from reportgen.layout.pieces import LOOSE, spread
from reportgen.layout.tokens import WORD
from reportgen.layout.units import (
    EPS,
    Advance,
    Unit,
    cut,
    is_address,
    make_units,
    natural,
    pairs,
    set_width,
    soft_cut,
    split,
    squeezes,
)

__all__ = ["EPS", "Advance", "Line", "break_lines"]

PUSH_IN_LIMIT = 1.0  # most squeeze (in ems) a push-in may use before pushing out instead
_MIN_HEAD = 3  # fewest characters of an over-long token worth starting at a line's end
_ADDRESS_SHARE = 1 / 4  # of a line: an address longer than this may be cut after / . - @
TOO_LOOSE = 0.5  # ems between characters: past this a token is cut at a seam rather than moved


@dataclass(frozen=True)
class Line:
    """One line of a paragraph; ``text`` is ``paragraph[start:end]``, never edged by spaces."""

    text: str  # characters on this line (a breakable space at either end dropped)
    start: int  # index of the first char in the paragraph text
    end: int  # index after the last char
    offset: float  # left offset of the line inside the column (first-line indent)
    width: float  # width available to this line (column width - offset)
    natural: float  # natural width at default advances
    last: bool  # last line of the paragraph (not justified)
    squeeze: tuple[tuple[int, float], ...] = ()  # (paragraph index, points removed) per mark
    fit: str = "natural"  # natural | push-in | push-out | split | forced (a rule had to give)

    @property
    def set_width(self) -> float:
        """Width of the line with its squeezed punctuation, before justification."""
        return self.natural - sum(amount for _, amount in self.squeeze)


def memo(advance: Advance) -> Advance:
    """``advance`` remembering each character's width."""
    cache: dict[str, float] = {}

    def adv(ch: str) -> float:
        width = cache.get(ch)
        if width is None:
            width = cache[ch] = advance(ch)
        return width

    return adv


_Fit = tuple[int, float, tuple[tuple[int, float], ...], str]  # end unit, natural, squeeze, fit


class _Filler:
    """Chooses where each line of one paragraph ends."""

    def __init__(self, text: str, units: list[Unit], later_room: float, adv: Advance) -> None:
        self.text = text
        self.units = units
        self.later_room = later_room  # room of a line after the first
        self.adv = adv
        self.em = adv("\u4e00")

    def line(self, i: int, room: float) -> _Fit:
        """The end of the line starting at units[i], ``room`` points wide."""
        units, n = self.units, len(self.units)
        p, used = i, 0.0  # units that fit, and their set width
        while p < n:
            unit = units[p]
            add = unit.width + unit.gap - unit.pair_sq if p > i else unit.width
            if used + add > room + EPS:
                break
            used += add
            p += 1
        if p == n:
            return n, natural(units, i, n), pairs(units, i, n), "natural"
        unit = units[p]
        free = room - used - (unit.gap - unit.pair_sq if p > i else 0.0)  # for units[p]'s head
        if unit.end - unit.start > 1 and (unit.width > self.later_room + EPS or p == i):
            head = self._long_token(i, p, free)
            if head is not None:
                return head
        if p > i and unit.brk:
            better = self._tighten(i, p, p, room)
            if better is not None:
                return better
            return p, natural(units, i, p), pairs(units, i, p), "natural"
        return self._conflict(i, p, room)

    def _loose(self, i: int, j: int, room: float, limit: float = LOOSE) -> bool:
        """Whether units[i:j] justified over ``room`` would open gaps wider than ``limit`` ems."""
        units = self.units
        slack = room - set_width(units, i, j)
        if slack <= limit * self.em + EPS:  # not even one gap could be that wide
            return False
        text = self.text[units[i].start:units[j - 1].end]
        return spread(text, slack, self.em) > limit * self.em + EPS

    def _tighten(self, i: int, a: int, p: int, room: float) -> _Fit | None:
        """A fuller line than units[i:a] (which ends where a break is allowed, before the run
        from units[p] that does not fit) if that one would come out loose: a long address or a
        date cut, marks compressed to take in the run, or, if the line would open gaps wider
        than TOO_LOOSE ems, a token of the run cut at a seam; None to keep units[i:a]."""
        if not self._loose(i, a, room):
            return None
        better = self._soft_cut(i, a, room) or self._push_in(i, p, room, True)
        if better is None and self._loose(i, a, room, TOO_LOOSE):
            better = self._soft_cut(i, a, room, seams=True)
        return better

    def _long_token(self, i: int, p: int, free: float) -> _Fit | None:
        """units[p] is wider than a line (or starts one): its head, cut to fill the line."""
        text, units, unit = self.text, self.units, self.units[p]
        *at, good = cut(text, unit, free, self.adv)
        head = at[0] - unit.start
        if head and (p == i or not unit.brk or (good and head >= _MIN_HEAD)):
            split(text, units, p, (at[0], at[1]), self.adv)
            return p + 1, natural(units, i, p + 1), pairs(units, i, p + 1), "split"
        if p == i:  # not even one character fits: set one anyway
            tail = unit.start + 1 + (text[unit.start + 1] == " ")
            split(text, units, p, (unit.start + 1, tail), self.adv)
            return p + 1, units[p].width, (), "forced"
        return None

    def _soft_cut(self, i: int, p: int, room: float, seams: bool = False) -> _Fit | None:
        """A token in the run that starts at units[p] and does not fit (with the marks glued to
        it: “https://…”，) cut where the rules let a token part (``units.soft_cut``: a long URL
        or e-mail after / . - @, a date between its parts; with ``seams``, any address so, and
        any token at a hyphen, dash or designation's space) to fill the line."""
        text, units = self.text, self.units
        run = [p]
        while run[-1] + 1 < len(units) and not units[run[-1] + 1].brk:
            run.append(run[-1] + 1)
        for q in run:
            unit = units[q]
            if unit.kind != WORD or unit.end - unit.start < 2:
                continue
            address = (seams or unit.width > _ADDRESS_SHARE * self.later_room) and \
                is_address(text[unit.start:unit.end])
            free = room - set_width(units, i, q) - unit.gap
            at = soft_cut(text, unit, free, self.adv, address, seams)
            if at is not None:
                split(text, units, q, at, self.adv)
                return q + 1, natural(units, i, q + 1), pairs(units, i, q + 1), "split"
        return None

    def _push_in(self, i: int, p: int, room: float, mid_line: bool) -> _Fit | None:
        """units[i:b], b the first break opportunity after p, squeezed into ``room`` (at most
        PUSH_IN_LIMIT ems; ``mid_line``: marks inside the line may give up their blanks too)."""
        b, need = self._run(i, p, room, PUSH_IN_LIMIT * self.em)
        if b is None:
            return None
        squeeze = squeezes(self.units, i, b, need, mid_line)
        if squeeze is None:
            return None
        return b, natural(self.units, i, b), squeeze, "push-in"

    def _run(self, i: int, p: int, room: float, limit: float) -> tuple[int | None, float]:
        """The first break opportunity b after p and how far units[i:b] pass ``room``; None
        for b when they pass it by more than ``limit`` points."""
        units, n = self.units, len(self.units)
        used = set_width(units, i, p)
        b = p
        while b < n and (b == p or not units[b].brk):
            unit = units[b]
            used += unit.width + unit.gap - unit.pair_sq if b > i else unit.width
            b += 1
            if used - room > limit + EPS:
                return None, used - room
        return b, used - room

    def _hopeless(self, a: int) -> bool:
        """Whether the unbreakable run from units[a] is longer than a whole line and holds no
        token to cut (文______…): pushing it out to the next line would only leave this one
        short, for it is forced there as here."""
        units, n = self.units, len(self.units)
        width, b = 0.0, a
        while b < n and (b == a or not units[b].brk):
            unit = units[b]
            if unit.kind == WORD and unit.end - unit.start > 1:
                return False
            width += unit.width + unit.gap if b > a else unit.width
            if width > self.later_room + EPS:
                return True
            b += 1
        return False

    def _conflict(self, i: int, p: int, room: float) -> _Fit:
        """No break is allowed where the natural fill ends (or nothing fits at all): push in
        (squeezing at most an em), else push out to the last opportunity (pushing in after
        all, inside the line too, if pushing out would leave the line loose), else squeeze
        whatever it takes, else cut a token, else break a rule. A long address cut after / .
        - @ comes before a loose push-out too."""
        units, n = self.units, len(self.units)
        pushed = self._push_in(i, p, room, False)
        if pushed is not None:
            return pushed
        a = next((k for k in range(p - 1, i, -1) if units[k].brk), None)
        if a is not None and not self._hopeless(a):
            better = self._tighten(i, a, p, room)
            if better is not None:
                return better
            return a, natural(units, i, a), pairs(units, i, a), "push-out"
        b, need = self._run(i, p, room, room)
        squeeze = squeezes(units, i, b, need) if b is not None else None
        if squeeze is not None:
            return b, natural(units, i, b), squeeze, "push-in"
        # The unbreakable run is longer than the line: rather cut a token in it than break a rule.
        text = self.text
        k = next((k for k in range(min(p, n - 1), i - 1, -1) if units[k].kind == WORD), None)
        if k is not None and units[k].end - units[k].start > 1:
            before = set_width(units, i, k) + units[k].gap - units[k].pair_sq if k > i else 0.0
            *at, _ = cut(text, units[k], room - before, self.adv)
            if at[0] > units[k].start:
                split(text, units, k, (at[0], at[1]), self.adv)
                return k + 1, natural(units, i, k + 1), pairs(units, i, k + 1), "split"
        end = max(p, i + 1)
        return end, natural(units, i, end), pairs(units, i, end), "forced"


def break_lines(
    text: str, advance: Advance, width: float, *, first_indent: float = 0.0, indent: float = 0.0
) -> list[Line]:
    """Break a paragraph into lines ``width`` points wide; the first indented by ``first_indent``.

    Every character of ``text`` lands on exactly one line, in order, except breakable spaces at
    the start or end of a line, which are dropped: the line texts joined are ``text`` less the
    spaces at the breaks. Later lines are indented by ``indent`` (for continuation lines aligned
    under a name, as in 附件说明). ``text`` is one paragraph: a tab or newline in it is just a
    breakable space. An empty or all-space text gives no lines.
    """
    adv = memo(advance)
    units = make_units(text, adv)
    filler = _Filler(text, units, width - indent, adv)
    lines: list[Line] = []
    i = 0
    while i < len(units):
        offset = first_indent if not lines else indent
        room = width - offset
        j, natural_width, squeeze, fit = filler.line(i, room)
        start, end = units[i].start, units[j - 1].end
        last = j == len(units)
        lines.append(Line(text[start:end], start, end, offset, room, natural_width, last,
                          squeeze, fit))
        i = j
    return lines
