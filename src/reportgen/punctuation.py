"""Half-width punctuation in Chinese text, and what it should be (GB/T 15834).

`repairs(text)` finds `, ; : ? ! ( )`, straight quotes, `...` and `--` written half-width in
Chinese context and gives the full-width marks: ，；：？！（） “ ” ‘ ’ …… ——. A mark is in Chinese
context when the nearest character on either side (past spaces and other half-width marks) is
Chinese, or, for a pair of brackets or quotes, when what they enclose holds Chinese. Numbers
(1,234  9:00  3:2), URLs, e-mail addresses, `{{ expressions }}`, apostrophes (it's) and marks
between Latin words are left alone.

A `.` is a full stop written half-width when it ends a Chinese sentence: after a 汉字 or a
full-width closing bracket or quote, or after a figure that follows Chinese, at the end of the
text or before Chinese (but `1.` before Chinese numbers a list). Only the plainest of them, at
the end of a text after a 汉字 or a closing mark, is `sure`: a `.` inside a text may join a
name (阿卜杜拉.艾买提), and one after a figure may belong to it. The reader warns about every
repair; `reportgen fix` makes the sure ones.
"""

from __future__ import annotations

import re
from functools import cache
from typing import NamedTuple

from reportgen.chinese import is_chinese, is_han

FULL_WIDTH = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}
_MARKS = ",;:?!()\"'"
_URL_TAIL = ".,;:!?)'\""
_CANDIDATE = re.compile(r"[,;:?!()\"']|\.\.\.|--|\.\s*(?:\Z|[^\x00-\x7f])")
_CLOSERS = "）】」』》〉〕〗］｝"
"""Full-width closing brackets: a `.` after one ends a Chinese sentence."""
_QUOTE_CLOSERS = "”’"
"""Closing quotes, of either width: a `.` after one ends a Chinese sentence if what it closes
does."""
_FULL_STOP = re.compile(r"(?<!\.)\.(?!\.)")
_LIST_NUMBER = re.compile(r"(?:\A|[^\d.,:/%A-Za-z+\-])\d+\Z")
"""A bare number before a `.`: before Chinese, `1.` numbers a list (主要有：1.加强管理)."""


@cache
def _patterns() -> tuple[re.Pattern, re.Pattern]:
    """What is protected from repair, and runs of dots and hyphens (compiled when first
    needed: most texts have no half-width mark at all)."""
    protected = re.compile(
        r"\{\{.*?\}\}|\{%.*?%\}"  # expressions
        r"|(?:https?|ftp)://[!-~]+|www\.[!-~]+"  # URLs (ASCII only: Chinese after one ends it)
        r"|[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+",  # e-mail addresses
        re.DOTALL)
    return protected, re.compile(r"\.{3,}|(?<!-)--(?![-A-Za-z])")


class Repair(NamedTuple):
    """Replace text[start:end] by `new`; `mark` is the half-width mark (or run) found at
    `at`. The span takes in the spaces beside a mark, which full-width marks do not want.
    `sure`: the repair cannot be wrong, so `reportgen fix` makes it (else it is only warned
    about)."""

    start: int
    end: int
    new: str
    mark: str
    at: int
    sure: bool = True


def repairs(text: str) -> list[Repair]:
    """Every half-width mark of `text` in Chinese context, with its repair, in text order."""
    if not _CANDIDATE.search(text):
        return []
    protected = _protected(text)
    found: list[Repair] = []
    quotes: dict[str, list[int]] = {'"': [], "'": []}
    brackets: list[int] = []
    pairs: list[tuple[int, int]] = []
    for i, ch in enumerate(text):
        if protected[i] or ch not in _MARKS:
            continue
        if ch in quotes:
            if not (ch == "'" and _between_letters(text, i)):
                quotes[ch].append(i)
        elif ch == "(":
            brackets.append(i)
        elif ch == ")":
            if brackets:
                pairs.append((brackets.pop(), i))
            elif _chinese_beside(text, protected, i):
                found.append(_mark(text, i, "）"))
        elif not _in_number(text, i) and _chinese_beside(text, protected, i):
            found.append(_mark(text, i, FULL_WIDTH[ch]))
    for i in brackets:  # opened, never closed
        if _chinese_beside(text, protected, i):
            found.append(_mark(text, i, "（"))
    for left, right in pairs:
        if _chinese_pair(text, left, right):
            found += [_mark(text, left, "（", spaces="before"),
                      _mark(text, right, "）", spaces="after")]
    for quote, (opening, closing) in (('"', "“”"), ("'", "‘’")):
        places = quotes[quote]
        if len(places) % 2:  # cannot tell which opens: leave them to the author
            continue
        for left, right in zip(places[::2], places[1::2], strict=True):
            if _chinese_pair(text, left, right):
                found += [_mark(text, left, opening, spaces="before"),
                          _mark(text, right, closing, spaces="after")]
    for run in _patterns()[1].finditer(text):
        i = run.start()
        dots = run.group()[0] == "."  # -- between figures is a range (2024--2025), not ——
        if not any(protected[i:run.end()]) and _chinese_beside(text, protected, i, run.end(),
                                                               figures=dots):
            found.append(_mark(text, i, "……" if dots else "——", end=run.end()))
    closing = {r.at for r in found if r.new in "）”’"}
    found += _full_stops(text, protected, closing)
    return sorted(found, key=lambda r: r.at)


def fixable(text: str) -> list[Repair]:
    """The repairs of `text` that `reportgen fix` makes: the sure ones."""
    return [repair for repair in repairs(text) if repair.sure]


def repaired(text: str, found: list[Repair] | None = None) -> str:
    """`text` with the repairs `found` in it (by default, the sure ones)."""
    for repair in sorted(fixable(text) if found is None else found, key=lambda r: -r.start):
        text = text[:repair.start] + repair.new + text[repair.end:]
    return text


def _full_stops(text: str, protected: list[bool], closing: set[int]) -> list[Repair]:
    """Each `.` that ends a Chinese sentence, to become 。: sure at the end of the text (past
    closing marks) after a 汉字 or a full-width closing mark. `closing` are the places of
    half-width closing marks found to become full-width (`(附件).` is `（附件）。`)."""
    found = []
    for stop in _FULL_STOP.finditer(text):
        i = stop.start()
        if protected[i]:
            continue
        rest = i + 1
        while rest < len(text) and (text[rest].isspace() or text[rest] in _CLOSERS
                                    or text[rest] in _QUOTE_CLOSERS or rest in closing):
            rest += 1
        at_end = rest == len(text)
        if not at_end and not is_chinese(text[rest]):
            continue
        if _after_chinese(text, i, closing):
            sure = at_end
        else:  # after a figure (an address, an expression) that follows Chinese
            reached, passed = _reach(text, protected, i, -1)
            if not (passed and is_chinese(reached)) or \
                    not at_end and _LIST_NUMBER.search(text, 0, i):
                continue
            sure = False
        found.append(_mark(text, i, "。")._replace(sure=sure))
    return found


def _after_chinese(text: str, i: int, closing: set[int]) -> bool:
    """Whether text[i] follows (past spaces) a full-width closing bracket, or a 汉字 (past
    closing quotes)."""
    j = i - 1
    while j >= 0 and text[j] == " ":
        j -= 1
    if j >= 0 and (text[j] in _CLOSERS or j in closing and text[j] == ")"):
        return True
    while j >= 0 and (text[j] in _QUOTE_CLOSERS or j in closing):
        j -= 1
    return j >= 0 and is_han(text[j])


def _protected(text: str) -> list[bool]:
    mask = [False] * len(text)
    for match in _patterns()[0].finditer(text):
        end = match.end()
        if not match.group().startswith("{"):  # a mark after a URL ends the sentence, not it
            while text[end - 1] in _URL_TAIL and not (
                    text[end - 1] == ")" and text.count("(", match.start(), end)
                    >= text.count(")", match.start(), end)):
                end -= 1
        mask[match.start():end] = [True] * (end - match.start())
    return mask


def _mark(text: str, i: int, new: str, *, end: int | None = None,
          spaces: str = "around") -> Repair:
    """The repair of the mark text[i:end], taking in the spaces `around` it, or only those
    `before` or `after` (the outside of a bracket: `系统 (V2.3) 新增` → `系统（V2.3）新增`)."""
    end = i + 1 if end is None else end
    start, stop = i, end
    if spaces != "after":
        while start > 0 and text[start - 1] == " ":
            start -= 1
    if spaces != "before":
        while stop < len(text) and text[stop] == " ":
            stop += 1
    return Repair(start, stop, new, text[i:end], i)


def _neighbour(text: str, i: int, step: int) -> str:
    """The nearest character from i in direction `step`, past spaces, line breaks (lines join
    without a space beside Chinese) and half-width marks."""
    i += step
    while 0 <= i < len(text) and (text[i].isspace() or text[i] in _MARKS or text[i] == "."):
        i += step
    return text[i] if 0 <= i < len(text) else ""


def _chinese_beside(text: str, protected: list[bool], i: int, end: int | None = None, *,
                    figures: bool = True) -> bool:
    """Whether the mark text[i:end] stands in Chinese: Chinese is its nearest character on a
    side; or, with `figures`, Chinese is reached on one side past figures (30%, 12.8TB, 9:00),
    URLs, addresses and expressions, and the other side is no Latin word (`占30%!` at the end
    of a text, `分别为30%,40%和`; not `使用CNKI, Wanfang` nor `in 2025, we`)."""
    end = i + 1 if end is None else end
    if is_chinese(_neighbour(text, i, -1)) or is_chinese(_neighbour(text, end - 1, 1)):
        return True
    if not figures:
        return False
    before, past_before = _reach(text, protected, i, -1)
    after, past_after = _reach(text, protected, end - 1, 1)
    return (past_before and is_chinese(before) and not _latin(after)) or (
        past_after and is_chinese(after) and not _latin(before))


_FIGURE_BEFORE = re.compile(r"[+\-]?\d[\d.,:]*(?:[A-Za-z]{1,3}|[%‰℃°])?\Z")
_FIGURE_AFTER = re.compile(r"[+\-]?\d[\d.,:]*(?:[A-Za-z]{1,3}|[%‰℃°])?")
_UNIT_MARKS = "%‰℃°"
_FIGURE_LONGEST = 40


def _reach(text: str, protected: list[bool], i: int, step: int) -> tuple[str, bool]:
    """The character reached from i in direction `step` past spaces and half-width marks
    (as `_neighbour`), then past figures, lone units, and protected spans (URLs, addresses,
    expressions); and whether any of those was passed."""
    j, passed = i, False
    while True:
        j += step
        while 0 <= j < len(text) and (text[j].isspace() or text[j] in _MARKS and
                                      not protected[j]):
            j += step
        if not 0 <= j < len(text):
            return "", passed
        if protected[j]:
            while 0 <= j + step < len(text) and protected[j + step]:
                j += step
        elif text[j] in _UNIT_MARKS:
            pass
        elif step < 0 and (found := _FIGURE_BEFORE.search(
                text, max(0, j + 1 - _FIGURE_LONGEST), j + 1)):
            j = found.start()
        elif step > 0 and (found := _FIGURE_AFTER.match(text, j)):
            j = found.end() - 1
        else:
            return text[j], passed
        passed = True


def _latin(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def _chinese_pair(text: str, left: int, right: int) -> bool:
    return (any(is_chinese(ch) for ch in text[left + 1:right])
            or is_chinese(_neighbour(text, left, -1)) or is_chinese(_neighbour(text, right, 1)))


def _in_number(text: str, i: int) -> bool:
    """1,234  9:00  3:2  — a mark between two digits belongs to the number."""
    return 0 < i < len(text) - 1 and text[i - 1].isdigit() and text[i + 1].isdigit()


def _between_letters(text: str, i: int) -> bool:
    """it's, O'Brien: an apostrophe, not a quote."""
    return 0 < i < len(text) - 1 and text[i - 1].isalpha() and text[i + 1].isalpha() and \
        not is_chinese(text[i - 1]) and not is_chinese(text[i + 1])


def half_width_message(found: list[Repair], shown: int = 6) -> str:
    """`half-width , ( ) in Chinese text at characters 3, 8, 13` for a warning."""
    marks = " ".join(f"`{m}`" for m in dict.fromkeys(r.mark for r in found))
    places = ", ".join(str(r.at + 1) for r in found[:shown])
    more = f" and {len(found) - shown} more" if len(found) > shown else ""
    plural = "s" if len(found) > 1 else ""
    return f"half-width {marks} in Chinese text at character{plural} {places}{more}"


def half_width_hint(found: list[Repair]) -> str:
    """`，（）` : the full-width marks to write instead."""
    return "".join(dict.fromkeys(r.new for r in found))


def fix_hint(found: list[Repair], file: object) -> str:
    """The hint of the warning about `found` in a text of `file`: what `reportgen fix` makes
    full-width, and the full stops it leaves to the author."""
    sure = [r for r in found if r.sure]
    left = [r for r in found if not r.sure]
    hints = []
    if sure:
        hints.append(f"`reportgen fix {file}` makes them full-width in place: "
                     f"{half_width_hint(sure)}")
    if left:
        places = ", ".join(str(r.at + 1) for r in left)
        hints.append(f"write 。 for the `.` at character{'s' if len(left) > 1 else ''} "
                     f"{places} where it ends a sentence (fix leaves it to you: a `.` there "
                     "may belong to a figure, an address or a name)")
    return "; ".join(hints)
