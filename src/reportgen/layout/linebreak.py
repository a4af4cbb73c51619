"""Chinese line breaking after W3C CLREQ and GB/T 15834: lines that never overflow the margin.

How it works:
1. ``tokens.segments`` cuts the paragraph into units: an ideograph or punctuation mark, a whole
   Latin/number token (V2.3, 3 274人, a URL), a run of dashes (——) or ellipses (……). Spaces
   become the gap in front of the next unit; at a line break that gap is dropped.
2. Every boundary between units is a break opportunity unless the next unit may not start a
   line (，。）》” …), the previous may not end one (（《“), or UAX #14 glues Latin to a bracket.
3. Lines are filled greedily. If the units that fit end where no break is allowed, the conflict
   is settled by pushing in (squeezing the blank half of full-width punctuation at the line end
   or between two adjacent marks, when at most one em is needed), else by pushing out (ending
   the line at the previous opportunity; the justifier spreads the slack).
4. A token wider than a whole line (or glued by such rules into a run wider than a line, as in
   “192万人次”， in a narrow cell) is cut at its best inner point (after / — - @ 万, else
   between characters) and the line filled with its head. Nothing is set past the margin; only
   a run of marks longer than a line, with no token to cut, breaks a rule (fit "forced").
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from reportgen.layout.charclass import (
    BLANK_LEFT,
    BLANK_RIGHT,
    NO_END,
    NO_START,
    OPENING,
    is_ideograph,
)
from reportgen.layout.title_words import BETWEEN_WORDS, INSIDE_A_WORD, UNKNOWN, break_kind
from reportgen.layout.tokens import CHAR, DASH, ELLIPSIS, SPACE, WORD, segments

Advance = Callable[[str], float]  # advance width in points of ONE character

EPS = 1e-6  # points; absorbs float error in sums of advances
PUSH_IN_LIMIT = 1.0  # most squeeze (in ems) a push-in may use before pushing out instead
_TITLE_BREAK_BEFORE = ("及", "和", "与", "暨", "的", "关于")  # good places to break a title
_MIN_HEAD = 3  # fewest characters of an over-long token worth starting at a line's end
_CUT_AFTER = ("/\u2014\u2013~", "@-_?&=#万亿", ".:,")  # good places to cut a token, best first


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


class _Unit:
    """An unbreakable piece of the paragraph with what the breaker needs to know about it."""

    __slots__ = ("start", "end", "kind", "width", "gap", "brk", "end_sq", "pair_sq", "pair_at")

    def __init__(self, start: int, end: int, kind: str, width: float, gap: float) -> None:
        self.start = start
        self.end = end
        self.kind = kind
        self.width = width
        self.gap = gap  # width of the breakable spaces in front of this unit
        self.brk = False  # may a line start with this unit?
        self.end_sq = 0.0  # squeezable blank on the right when this unit ends a line
        self.pair_sq = 0.0  # squeezable blank between the previous unit and this one
        self.pair_at = -1  # paragraph index of the mark that pair_sq squeezes


def _memo(advance: Advance) -> Advance:
    cache: dict[str, float] = {}

    def adv(ch: str) -> float:
        width = cache.get(ch)
        if width is None:
            width = cache[ch] = advance(ch)
        return width

    return adv


def _may_start(text: str, unit: _Unit) -> bool:
    if unit.kind == WORD:
        return True
    if unit.kind == DASH and unit.end - unit.start > 1:
        return True  # a 破折号 may begin a line; only its halves may not be parted
    return text[unit.start] not in NO_START


def _units(text: str, adv: Advance) -> list[_Unit]:
    """Units of ``text`` with widths, break opportunities and squeezable blanks."""
    full = 0.75 * adv("\u4e00")  # a mark is full width when its advance is over 3/4 em
    units: list[_Unit] = []
    gap = 0.0
    prev: _Unit | None = None
    for start, end, kind in segments(text):
        if kind == SPACE:
            gap += sum(adv(ch) for ch in text[start:end])
            continue
        if end - start == 1:
            ch = text[start]
            unit = _Unit(start, end, kind, adv(ch), gap)
            wide_mark = kind == CHAR and unit.width >= full
            if wide_mark and ch in BLANK_RIGHT:
                unit.end_sq = unit.width / 2
        else:
            unit = _Unit(start, end, kind, sum(adv(ch) for ch in text[start:end]), gap)
            wide_mark = False
        if prev is not None:
            last = text[prev.end - 1]
            first = text[start]
            unit.brk = _may_start(text, unit) and (prev.kind == WORD or last not in NO_END)
            if not gap and (
                (prev.kind == WORD and first in "([{") or (last in ")]}" and kind == WORD)
            ):
                unit.brk = False  # UAX #14 LB30: f(x), (a)b
            if not gap and wide_mark:  # two full-width marks side by side: one blank can go
                if prev.end_sq and (first in BLANK_RIGHT or first in BLANK_LEFT):
                    unit.pair_sq, unit.pair_at = prev.end_sq, prev.start  # ），  。「  。”
                elif first in BLANK_LEFT and last in BLANK_LEFT and prev.width >= full:
                    unit.pair_sq, unit.pair_at = unit.width / 2, start  # （「
        units.append(unit)
        prev = unit
        gap = 0.0
    return units


def _natural(units: list[_Unit], i: int, j: int) -> float:
    return sum(u.width + u.gap for u in units[i + 1 : j]) + units[i].width


def _squeezes(units: list[_Unit], i: int, j: int, need: float) -> tuple[tuple[int, float], ...]:
    """Squeeze at least ``need`` points out of units[i:j]: the line-end mark first, then pairs.

    A mark is set at half width or not at all (CLREQ), never at an odd width in between: the
    slack a whole squeeze leaves is spread by justification like any other."""
    blanks = [(units[j - 1].start, units[j - 1].end_sq)]
    blanks += [(units[k].pair_at, units[k].pair_sq) for k in range(j - 1, i, -1)]
    out = []
    for index, blank in blanks:
        if need <= EPS:
            break
        if blank:
            out.append((index, blank))
            need -= blank
    return tuple(sorted(out))


def _cut(text: str, unit: _Unit, room: float, adv: Advance) -> tuple[int, int, bool]:
    """Where to cut an over-long unit so that its head fits ``room``.

    Returns (head end, tail start, whether the cut is a good one). Good cuts, best first: at an
    inner space or after a dash or slash; after @ - _ ? & = # 万 亿 or before a number; after
    . : , or a number — the last of the best kind that keeps a third of the room or more.
    Otherwise the last point the punctuation rules allow; (start, start, False) if none fits.
    """
    if unit.kind in (DASH, ELLIPSIS):
        return _cut_marks(text, unit, room, adv)
    best = (unit.start, unit.start)
    good: list[tuple[int, int] | None] = [None] * len(_CUT_AFTER)
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
        rank = _rank(before, after)
        if width >= floor and rank is not None:
            good[rank] = best
    for cut in good:
        if cut is not None:
            return (*cut, True)
    return (*best, False)


def _cut_marks(text: str, unit: _Unit, room: float, adv: Advance) -> tuple[int, int, bool]:
    """Where to cut a run of dashes or ellipses longer than a line (—————— ……………): after
    as many whole pairs (—— ……) as fit, or one mark when not even a pair does. The rule that
    such a mark never starts a line has to give, once per line; setting one mark per line
    instead would turn a run of 2,000 into 2,000 lines."""
    width, fits = 0.0, unit.start
    for k in range(unit.start, unit.end):
        width += adv(text[k])
        if width > room + EPS:
            break
        fits = k + 1
    pairs = unit.start + (fits - unit.start) // 2 * 2
    cut = pairs if pairs > unit.start else fits
    return cut, cut, cut > unit.start


def _rank(before: str, after: str) -> int | None:
    """How good a cut between two characters of a token is: 0 best, None not good at all."""
    if after == " ":
        return None if before.isdigit() else 0  # GB/T| 9704, but never 3| 274
    if is_ideograph(before) and after.isdigit():
        return 1  # 2026年|2月3日
    if before.isdigit() and is_ideograph(after):
        return 2  # 46809|册
    return next((rank for rank, chars in enumerate(_CUT_AFTER) if before in chars), None)


def _split(text: str, units: list[_Unit], p: int, cut: tuple[int, int], adv: Advance) -> None:
    """Replace units[p] by its head text[start:cut[0]] and its tail text[cut[1]:end]."""
    unit = units[p]
    head_end, tail_start = cut
    head_width = sum(adv(c) for c in text[unit.start : head_end])
    kind = unit.kind if unit.kind in (DASH, ELLIPSIS) else WORD  # a run of marks stays one
    head = _Unit(unit.start, head_end, kind, head_width, unit.gap)
    head.brk, head.pair_sq, head.pair_at = unit.brk, unit.pair_sq, unit.pair_at
    tail_gap = sum(adv(c) for c in text[head_end:tail_start])
    tail = _Unit(tail_start, unit.end, kind, unit.width - head.width - tail_gap, tail_gap)
    tail.brk = True
    units[p : p + 1] = [head, tail]


def _fill(
    text: str, units: list[_Unit], i: int, room: float, later_room: float, em: float, adv: Advance
) -> tuple[int, float, tuple[tuple[int, float], ...], str]:
    """Choose the end of the line starting at units[i]: (end unit, natural, squeeze, fit)."""
    n = len(units)
    natural = pairs = 0.0
    p = i
    while p < n:
        unit = units[p]
        add = unit.width + unit.gap if p > i else unit.width
        if natural + add > room + EPS:
            break
        natural += add
        if p > i:
            pairs += unit.pair_sq
        p += 1
    if p == n:
        return n, natural, (), "natural"
    unit = units[p]
    gap = unit.gap if p > i else 0.0
    if unit.end - unit.start > 1 and (unit.width > later_room + EPS or p == i):
        *cut, good = _cut(text, unit, room - natural - gap, adv)
        head = cut[0] - unit.start
        if head and (p == i or not unit.brk or (good and head >= _MIN_HEAD)):
            _split(text, units, p, (cut[0], cut[1]), adv)
            return p + 1, natural + gap + units[p].width, (), "split"
        if p == i:  # not even one character fits: set one anyway
            tail = unit.start + 1 + (text[unit.start + 1] == " ")
            _split(text, units, p, (unit.start + 1, tail), adv)
            return p + 1, units[p].width, (), "forced"
    if p > i and unit.brk:
        return p, natural, (), "natural"

    # Conflict: no break allowed where the natural fill ends (or nothing fits at all).
    b, over, blanks = p, natural, pairs
    while b < n and over <= 2 * room:
        unit = units[b]
        over += unit.width + unit.gap if b > i else unit.width
        if b > i:
            blanks += unit.pair_sq
        b += 1
        if b == n or units[b].brk:
            break
    need = over - room
    can_push_in = (b == n or units[b].brk) and need <= blanks + units[b - 1].end_sq + EPS
    if can_push_in and need <= PUSH_IN_LIMIT * em + EPS:
        return b, over, _squeezes(units, i, b, need), "push-in"
    a = next((k for k in range(p - 1, i, -1) if units[k].brk), None)
    # Pushing out moves the unbreakable run to the next line. When it is longer than a whole
    # line there too (the scan passed two lines without a break) and holds no token to cut
    # (文______…), it is forced there as here: pushing out would only leave this line short.
    hopeless = not (b == n or units[b].brk) and a is not None and not any(
        units[k].kind == WORD and units[k].end - units[k].start > 1 for k in range(a, b))
    if a is not None and not hopeless:
        return a, _natural(units, i, a), (), "push-out"
    if can_push_in:
        return b, over, _squeezes(units, i, b, need), "push-in"
    # The unbreakable run is longer than the line: rather cut a token in it than break a rule.
    k = next((k for k in range(min(p, n - 1), i - 1, -1) if units[k].kind == WORD), None)
    if k is not None and units[k].end - units[k].start > 1:
        before = _natural(units, i, k) + units[k].gap if k > i else 0.0
        *cut, _ = _cut(text, units[k], room - before, adv)
        if cut[0] > units[k].start:
            _split(text, units, k, (cut[0], cut[1]), adv)
            return k + 1, before + units[k].width, (), "split"
    end = max(p, i + 1)
    return end, _natural(units, i, end), (), "forced"


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
    units = _units(text, adv)
    em = adv("\u4e00")
    lines: list[Line] = []
    i = 0
    while i < len(units):
        offset = first_indent if not lines else indent
        room = width - offset
        j, natural, squeeze, fit = _fill(text, units, i, room, width - indent, em, adv)
        start, end = units[i].start, units[j - 1].end
        last = j == len(units)
        lines.append(Line(text[start:end], start, end, offset, room, natural, last, squeeze, fit))
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
    units = _units(text, adv)
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
    mean = _natural(units, 0, n) / count
    quoted = _quote_costs(text, adv("\u4e00"))
    penalty = [0.0] + [_word_break_cost(text, units, k, adv) + quoted.get(units[k].start, 0.0)
                       for k in stops[1:-1]] + [0.0]
    lines = []
    for s, e in _balanced_path(spans, penalty, mean, count):
        i, j = stops[s], stops[e]
        start, end = units[i].start, units[j - 1].end
        natural = _natural(units, i, j)
        need = natural - width
        squeeze = _squeezes(units, i, j, need) if need > EPS else ()
        fit = "push-in" if squeeze else "natural"
        lines.append(Line(text[start:end], start, end, 0.0, width, natural, j == n, squeeze, fit))
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


def _word_break_cost(text: str, units: list[_Unit], k: int, adv: Advance) -> float:
    """Cost of a title break before units[k]: nothing beside punctuation, a number or a
    conjunction (not inside a word: 普及); (1 em)² between two known words; (3 em)² between two other ideographs;
    (6 em)² inside a known word (see ``title_words``)."""
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


def _feasible_spans(units: list[_Unit], stops: list[int], width: float) -> list[list]:
    """For each stop s, the (stop e, set width) pairs such that units[stops[s]:stops[e]] fit."""
    most_end_sq = max(u.end_sq for u in units)
    spans: list[list] = []
    for s, i in enumerate(stops[:-1]):
        row = []
        natural = blanks = 0.0
        j = i
        for e in range(s + 1, len(stops)):
            for k in range(j, stops[e]):
                unit = units[k]
                natural += unit.width + unit.gap if k > i else unit.width
                if k > i:
                    blanks += unit.pair_sq
            j = stops[e]
            if natural - blanks > width + most_end_sq + EPS:
                break  # natural - blanks only grows: no longer span can fit
            if natural - blanks - units[j - 1].end_sq <= width + EPS:
                row.append((e, min(natural, width)))
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
