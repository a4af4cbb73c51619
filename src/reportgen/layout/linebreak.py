"""Chinese line breaking after W3C CLREQ and GB/T 15834: lines that never overflow the margin.

How it works:
1. ``units.make_units`` cuts the paragraph into units (``tokens.segments``): an ideograph or
   punctuation mark, a whole Latin/number token (V2.3, 3 274人, a URL), a run of dashes (——) or
   ellipses (……). Spaces become the gap in front of the next unit; at a line break that gap is
   dropped. Adjacent full-width marks around a bracket or quote are always set in 1.5 ems.
2. Every boundary between units is a break opportunity unless the next unit may not start a
   line (，。）》” …), the previous may not end one (（《“), or UAX #14 glues Latin to a bracket.
3. Lines are filled greedily. If the units that fit end where no break is allowed, the conflict
   is settled by pushing in (squeezing the blank half of full-width punctuation, at most one em
   in all), else by pushing out (ending the line at the previous opportunity; the justifier
   spreads the slack). A line that would come out loose (its gaps wider than a quarter em)
   pushes in too when it can: marks are compressed before characters are spread apart.
4. A URL or e-mail address longer than a quarter of a line that does not fit where it starts
   is cut after / . - @, a date between its parts (2026年|2月3日), rather than leaving the line
   before it loose. A token wider than a whole
   line (or glued by such rules into a run wider than a line, as in “192万人次”， in a narrow
   cell) is cut at its best inner point (after / — - @ 万, else between characters) and the
   line filled with its head. Nothing is set past the margin; only a run of marks longer than
   a line, with no token to cut, breaks a rule (fit "forced").
"""

from __future__ import annotations

from dataclasses import dataclass

from reportgen.layout.charclass import is_ideograph
from reportgen.layout.pieces import LOOSE, spread
from reportgen.layout.title_words import BETWEEN_WORDS, INSIDE_A_WORD, UNKNOWN, break_kind
from reportgen.layout.tokens import CHAR, WORD
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

__all__ = ["EPS", "Advance", "Line", "balanced_lines", "break_lines"]

PUSH_IN_LIMIT = 1.0  # most squeeze (in ems) a push-in may use before pushing out instead
_TITLE_BREAK_BEFORE = ("及", "和", "与", "暨", "的", "关于")  # good places to break a title
_MIN_HEAD = 3  # fewest characters of an over-long token worth starting at a line's end
_ADDRESS_SHARE = 1 / 4  # of a line: an address longer than this may be cut after / . - @


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


def _memo(advance: Advance) -> Advance:
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
            if self._loose(i, p, room):
                better = self._soft_cut(i, p, room) or self._push_in(i, p, room, True)
                if better is not None:
                    return better
            return p, natural(units, i, p), pairs(units, i, p), "natural"
        return self._conflict(i, p, room)

    def _loose(self, i: int, j: int, room: float) -> bool:
        """Whether units[i:j] justified over ``room`` would open gaps wider than LOOSE ems."""
        units = self.units
        slack = room - set_width(units, i, j)
        if slack <= LOOSE * self.em + EPS:  # not even one gap could be that wide
            return False
        text = self.text[units[i].start:units[j - 1].end]
        return spread(text, slack, self.em) > LOOSE * self.em + EPS

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

    def _soft_cut(self, i: int, p: int, room: float) -> _Fit | None:
        """A token in the run that starts at units[p] and does not fit (with the marks glued to
        it: “https://…”，) cut where the rules let a token part (``units.soft_cut``: a long URL
        or e-mail after / . - @, a date between its parts) to fill the line."""
        text, units = self.text, self.units
        run = [p]
        while run[-1] + 1 < len(units) and not units[run[-1] + 1].brk:
            run.append(run[-1] + 1)
        for q in run:
            unit = units[q]
            if unit.kind != WORD or unit.end - unit.start < 2:
                continue
            address = unit.width > _ADDRESS_SHARE * self.later_room and \
                is_address(text[unit.start:unit.end])
            free = room - set_width(units, i, q) - unit.gap
            at = soft_cut(text, unit, free, self.adv, address)
            if at is not None:
                split(text, units, q, (at, at), self.adv)
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
            if self._loose(i, a, room):
                better = self._soft_cut(i, a, room) or self._push_in(i, p, room, True)
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
    adv = _memo(advance)
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


def balanced_lines(
    text: str, advance: Advance, width: float, max_lines: int | None = None
) -> list[Line]:
    """Break a title into the fewest lines, as equal as possible, upper lines no longer.

    Breaks only where ``break_lines`` could (never inside a token, never against the
    punctuation rules), and would rather break beside punctuation, a number or a conjunction
    (及、和、与、暨、的、关于) than between two other ideographs, which may split a word: such
    a break costs (3 em)², as much as two lines each 2.1 em off the mean width. The caller
    centres the lines. Raises ValueError if more than ``max_lines`` lines are needed.
    """
    adv = _memo(advance)
    units = make_units(text, adv)
    n = len(units)
    if not n:
        return []
    stops = [0] + [k for k in range(1, n) if units[k].brk] + [n]
    spans = _feasible_spans(units, stops, width)
    count = _fewest_lines(spans, len(stops))
    greedy = break_lines(text, advance, width) if count is None else None
    if greedy is not None:  # a token wider than the line: the greedy breaker cuts it
        count = len(greedy)
    if max_lines is not None and count > max_lines:
        raise ValueError(f"title needs {count} lines, more than max_lines={max_lines}")
    if greedy is not None:
        return greedy
    mean = set_width(units, 0, n) / count
    quoted = _quote_costs(text, adv("\u4e00"))
    penalty = [0.0] + [_word_break_cost(text, units, k, adv) + quoted.get(units[k].start, 0.0)
                       for k in stops[1:-1]] + [0.0]
    lines = []
    for s, e in _balanced_path(spans, penalty, mean, count):
        i, j = stops[s], stops[e]
        start, end = units[i].start, units[j - 1].end
        need = set_width(units, i, j) - width
        squeeze = squeezes(units, i, j, need) or ()
        fit = "push-in" if need > EPS else "natural"
        lines.append(Line(text[start:end], start, end, 0.0, width, natural(units, i, j), j == n,
                          squeeze, fit))
    return lines


_PAIRS = {"“": "”", "‘": "’", "《": "》", "〈": "〉", "「": "」", "『": "』", "（": "）",
          "【": "】", "〔": "〕"}
_SHORT_QUOTE = 12  # characters: a quoted name up to this long should not be split at all


def _quote_costs(text: str, em: float) -> dict[int, float]:
    """What a title break costs at each position inside a pair of quotation marks or brackets
    (after the opening mark, up to the closing one): (6 em)² in a short name such as
    “文化和自然遗产日”, (3 em)² in a longer one such as a 《…实施方案》 that must break anyway."""
    costs: dict[int, float] = {}
    opened: list[tuple[int, str]] = []
    for at, ch in enumerate(text):
        if opened and ch == opened[-1][1]:
            start, _ = opened.pop()
            ems = 6 if at - start - 1 <= _SHORT_QUOTE else 3
            for inside in range(start + 1, at + 1):
                costs[inside] = max(costs.get(inside, 0.0), (ems * em) ** 2)
        if ch in _PAIRS:
            opened.append((at, _PAIRS[ch]))
    return costs


def _word_break_cost(text: str, units: list[Unit], k: int, adv: Advance) -> float:
    """Cost of a title break before units[k]: nothing beside punctuation, a number or a
    conjunction (not inside a word: 普及); (1 em)² between two known words; (3 em)² between
    two other ideographs; (6 em)² inside a known word (see ``title_words``)."""
    before, after = units[k - 1], units[k]
    if before.kind != CHAR or after.kind != CHAR:
        return 0.0  # beside a number, a Latin word or a dash
    if not (is_ideograph(text[before.start]) and is_ideograph(text[after.start])):
        return 0.0  # beside punctuation
    kind = break_kind(text, after.start)
    if kind != INSIDE_A_WORD and text.startswith(_TITLE_BREAK_BEFORE, after.start):
        return 0.0  # before 及 和 与 … unless it is part of a word (普及, 参与)
    ems = {BETWEEN_WORDS: 1, UNKNOWN: 3, INSIDE_A_WORD: 6}[kind]
    return (ems * adv("\u4e00")) ** 2


def _feasible_spans(units: list[Unit], stops: list[int], width: float) -> list[list]:
    """For each stop s, the (stop e, set width) pairs such that units[stops[s]:stops[e]] fit
    (a mark at the line end may be squeezed for it)."""
    most_end_sq = max(u.end_sq for u in units)
    spans: list[list] = []
    for s, i in enumerate(stops[:-1]):
        row = []
        used = 0.0  # set width, pairs squeezed
        j = i
        for e in range(s + 1, len(stops)):
            for k in range(j, stops[e]):
                unit = units[k]
                used += unit.width + unit.gap - unit.pair_sq if k > i else unit.width
            j = stops[e]
            if used > width + most_end_sq + EPS:
                break  # the set width only grows: no longer span can fit
            if used - units[j - 1].end_sq <= width + EPS:
                row.append((e, min(used, width)))
        spans.append(row)
    return spans


def _fewest_lines(spans: list[list], size: int) -> int | None:
    fewest: list[int | None] = [None] * size
    fewest[0] = 0
    for s in range(size - 1):
        if fewest[s] is None:
            continue
        for e, _ in spans[s]:
            if fewest[e] is None or fewest[s] + 1 < fewest[e]:
                fewest[e] = fewest[s] + 1
    return fewest[size - 1]


def _balanced_path(
    spans: list[list], penalty: list[float], mean: float, count: int
) -> list[tuple[int, int]]:
    """The ``count`` spans from the first stop to the last that are most even (least squared
    distance from the mean width, plus break penalties), then have the upper lines shorter
    (a trapezoid, one of the shapes GB/T 9704 asks of titles)."""
    size = len(penalty)
    best: list[list[tuple[float, float] | None]] = [[None] * size for _ in range(count + 1)]
    back: dict[tuple[int, int], int] = {}
    best[0][0] = (0.0, 0.0)
    for line in range(count):
        for s in range(size - 1):
            if best[line][s] is None:
                continue
            spread, weight = best[line][s]
            for e, w in spans[s]:
                cost = (spread + (w - mean) ** 2 + penalty[e], weight + (count - 1 - line) * w)
                if best[line + 1][e] is None or cost < best[line + 1][e]:
                    best[line + 1][e] = cost
                    back[(line + 1, e)] = s
    path = []
    e = size - 1
    for line in range(count, 0, -1):
        s = back[(line, e)]
        path.append((s, e))
        e = s
    return path[::-1]
