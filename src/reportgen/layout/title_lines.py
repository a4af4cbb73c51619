"""Balanced lines: the fewest, as even as possible; for a title, none sticking out above.

GB/T 9704-2012 7.3.1 sets a long title in lines that keep words whole, "排列对称，长短适宜",
as a trapezoid (梯形, upper lines shorter) or a diamond (菱形); never an inverted trapezoid
or a rectangle whose upper line sticks out. Widths are the measured set widths of the lines
(a digit of a title face is not half an ideograph), so the rule holds as printed.
"""

from __future__ import annotations

from reportgen.layout.charclass import is_ideograph
from reportgen.layout.linebreak import Line, break_lines, memo
from reportgen.layout.title_words import BETWEEN_WORDS, INSIDE_A_WORD, UNKNOWN, break_kind
from reportgen.layout.tokens import CHAR
from reportgen.layout.units import EPS, Advance, Unit, make_units, natural, set_width, squeezes

_BREAK_BEFORE = ("及", "和", "与", "暨", "的", "关于")  # good places to break a title
_WORD_SPLIT = 6 ** 2  # ems²: the cost of a break inside a known word or a short quoted name


def balanced_lines(
    text: str, advance: Advance, width: float, max_lines: int | None = None, *,
    shaped: bool = False,
) -> list[Line]:
    """Break a title into the fewest lines, as equal as possible, in a trapezoid or diamond.

    Breaks only where ``break_lines`` could (never inside a token, never against the
    punctuation rules), and would rather break beside punctuation, a number or a conjunction
    (及、和、与、暨、的、关于) than between two other ideographs, which may split a word: such
    a break costs (3 em)², as much as two lines each 2.1 em off the mean width; of two
    breakings as even, the one with the upper lines shorter. ``shaped`` (a title, not a table
    header): as set (``advance`` measures each character), the first line is no wider than
    the second, and the lines grow to a longest one and then shrink (``_follows``); a title
    that cannot keep its known words and short quoted names whole in that shape takes one
    more line (within ``max_lines``), and one that cannot take the shape at all is only as
    even as it can be. The caller centres the lines. Raises ValueError if more than
    ``max_lines`` lines are needed.
    """
    adv = memo(advance)
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
    total = set_width(units, 0, n)
    quoted = _quote_costs(text, adv("\u4e00"))
    penalty = [0.0] + [_word_break_cost(text, units, k, adv) + quoted.get(units[k].start, 0.0)
                       for k in stops[1:-1]] + [0.0]
    path = _shaped_path(spans, penalty, total, count, max_lines, adv("\u4e00")) if shaped \
        else _balanced_path(spans, penalty, total / count, count, False)
    lines = []
    for s, e in path:
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
    if kind != INSIDE_A_WORD and text.startswith(_BREAK_BEFORE, after.start):
        return 0.0  # before 及 和 与 … unless it is part of a word (普及, 参与)
    ems = {BETWEEN_WORDS: 1, UNKNOWN: 3, INSIDE_A_WORD: 6}[kind]
    return (ems * adv("\u4e00")) ** 2


def _shaped_path(spans: list[list], penalty: list[float], total: float, count: int,
                 max_lines: int | None, em: float) -> list[tuple[int, int]]:
    """The most even lines in the shape GB/T 9704 asks for, breaking no word nor short quoted
    name if that can be done in ``count`` lines or one more (words come first: 词意完整);
    else in ``count`` lines breaking one; else, when no breaks give that shape at all, the
    most even ``count`` lines."""
    hard = frozenset(k for k, cost in enumerate(penalty) if cost >= _WORD_SPLIT * em * em)
    tries = [(count, hard)]
    if max_lines is None or count < max_lines:
        tries.append((count + 1, hard))
    tries.append((count, frozenset()))
    for lines, forbidden in tries:
        path = _balanced_path(spans, penalty, total / lines, lines, True, forbidden)
        if path is not None:
            return path
    return _balanced_path(spans, penalty, total / count, count, False)


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


def _balanced_path(spans: list[list], penalty: list[float], mean: float, count: int,
                   shaped: bool, forbidden: frozenset[int] = frozenset()
                   ) -> list[tuple[int, int]] | None:
    """The ``count`` spans (first stop, last stop) from the first stop to the last that are
    most even (least squared distance from the mean width, plus break penalties), then have
    the upper lines shorter; None if there are none. ``shaped``: only a trapezoid or diamond
    (``_follows``); no line ends at a ``forbidden`` stop."""
    size = len(penalty)
    widths = {(s, e): w for s in range(size - 1) for e, w in spans[s]}
    # A state is a line's span and whether a line was already shorter than the one above it;
    # it keeps its best cost and the state of the line before.
    best: dict[tuple[int, int, bool], tuple[tuple[float, float], tuple | None]] = {
        (0, e, False): (((w - mean) ** 2 + penalty[e], (count - 1) * w), None)
        for e, w in spans[0] if e not in forbidden or e == size - 1}
    trail = []  # the states of each line before the last
    for line in range(1, count):
        reached: dict[tuple[int, int, bool], tuple[tuple[float, float], tuple | None]] = {}
        for state, ((spread, weight), _) in best.items():
            s, e, falling = state
            for f, w in spans[e] if e < size - 1 else ():
                if f in forbidden and f != size - 1:
                    continue
                shape = _follows(widths[(s, e)], w, line, falling) if shaped else False
                if shape is None:
                    continue
                cost = (spread + (w - mean) ** 2 + penalty[f],
                        weight + (count - 1 - line) * w)
                if (e, f, shape) not in reached or cost < reached[(e, f, shape)][0]:
                    reached[(e, f, shape)] = (cost, state)
        trail.append(best)
        best = reached
    ends = [(cost, state) for state, (cost, _) in best.items() if state[1] == size - 1]
    if not ends:
        return None
    state: tuple | None = min(ends)[1]
    path = []
    for states in (best, *reversed(trail)):
        path.append(state[:2])
        state = states[state][1]
    return path[::-1]


def _follows(above: float, width: float, line: int, falling: bool) -> bool | None:
    """Whether a line ``width`` wide may follow one ``above`` wide in a trapezoid (梯形: no line
    longer than the next) or a diamond (菱形: lines grow to a longest, then shrink), the second
    line no shorter than the first either way: None if not, else whether the lines now fall."""
    if width >= above - EPS:
        return None if falling else False
    return None if line == 1 else True
