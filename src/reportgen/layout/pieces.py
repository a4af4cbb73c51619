"""What justification may spread: a line's pieces (drawn as one string each) and its gaps.

Shared by the justifier, which spreads a line's slack, and the line breaker, which asks how
loose a line would be before it settles for it.
"""

from __future__ import annotations

from reportgen.layout.charclass import BLANK_LEFT, BLANK_RIGHT, NO_END, NO_START, is_ideograph
from reportgen.layout.tokens import CHAR, WORD, segments

LOOSE = 0.25
"""Ems of slack per gap beyond which a justified line spaces the letters of its Latin runs too,
and beyond which the breaker calls a line loose."""

Piece = tuple[int, int, bool]
"""(start, end, latin): text[start:end] drawn as one string; latin for a run of Latin text."""

_ASCII_MARKS = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
_MARKS = BLANK_LEFT | BLANK_RIGHT


def pieces(text: str) -> list[Piece]:
    """Spans drawn as one string: a Latin run (a token's letters and digits with any ASCII
    punctuation touching them, as in example.org/ or (V2.3)), a dash, ellipsis or space run, or
    a single character (each ideograph or full-width mark of a token such as 192万人次 or
    桂发〔2026〕1号 stands alone)."""
    found: list[Piece] = []
    for start, end, kind in segments(text):
        if kind == WORD:
            run = start
            for k in range(start, end):
                if is_ideograph(text[k]) or text[k] in _MARKS:
                    if run < k:
                        _add_latin(found, run, k)
                    found.append((k, k + 1, False))
                    run = k + 1
            if run < end:
                _add_latin(found, run, end)
        elif kind == CHAR and text[start] in _ASCII_MARKS:
            _add_latin(found, start, end)
        else:
            found.append((start, end, False))
    return found


def letters(text: str, found: list[Piece]) -> list[Piece]:
    """`found` with every Latin run cut into its letters, for spacing them too."""
    return [piece for s, e, latin in found
            for piece in ([(k, k + 1, True) for k in range(s, e)] if latin else [(s, e, False)])]


def stretch(text: str, found: list[Piece]) -> list[bool]:
    """For each gap between two pieces, whether slack may go there (all, if none may)."""
    may = [_stretchable(text, a, b) for a, b in zip(found, found[1:], strict=False)]
    return may if any(may) else [True] * len(may)


def spread(text: str, slack: float, em: float) -> float:
    """The slack per gap, in points, that justifying `text` over `slack` more points would put
    between its pieces (between the letters of its Latin runs too when the gaps alone would
    open wider than LOOSE ems); 0 for a text of one piece."""
    found = pieces(text)
    gaps = sum(stretch(text, found))
    if not gaps:
        return 0.0
    if slack / gaps > LOOSE * em and any(latin for _, _, latin in found):
        gaps = sum(stretch(text, letters(text, found)))
    return slack / gaps


def _add_latin(found: list[Piece], start: int, end: int) -> None:
    """Append a Latin run, joining it to a Latin run that ends where it starts."""
    if found and found[-1][2] and found[-1][1] == start:
        found[-1] = (found[-1][0], end, True)
    else:
        found.append((start, end, True))


def _stretchable(text: str, before: Piece, after: Piece) -> bool:
    """Whether slack may go between two pieces: not after an opening nor before a closing mark,
    nor between two full-width marks (which keep their compressed 1.5 ems)."""
    if not before[2] and text[before[1] - 1] in NO_END:
        return False
    if not (before[2] or after[2]) and text[before[1] - 1] in _MARKS and text[after[0]] in _MARKS:
        return False
    return after[2] or text[after[0]] not in NO_START
