"""Place the characters of a broken line: justified flush to both margins, or left/centre/right."""

from __future__ import annotations

from dataclasses import dataclass

from reportgen.layout.charclass import BLANK_LEFT, NO_END, NO_START, is_ideograph
from reportgen.layout.linebreak import EPS, Advance, Line
from reportgen.layout.tokens import CHAR, WORD, segments

ALIGNS = ("justify", "left", "center", "right")
LOOSE = 0.25
"""Ems of slack per gap beyond which a justified line spaces the letters of its Latin runs too."""


@dataclass(frozen=True)
class Placed:
    """A character, or a whole Latin word or number, drawn as one string at ``x``."""

    text: str  # one character, or a Latin run drawn as one string
    x: float  # x position relative to the column's left edge
    width: float  # advance actually used (may be compressed punctuation)
    shift: float = 0.0  # draw the glyph at x + shift: negative where an opening mark's blank
    # left half was squeezed, so that its ink stays next to the text it opens


_Piece = tuple[int, int, bool]  # (start, end, latin): latin for a run of Latin text
_ASCII_MARKS = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")


def justify(line: Line, advance: Advance, *, align: str = "justify") -> list[Placed]:
    """Position the pieces of ``line``; their texts joined give back ``line.text``.

    With ``justify`` every line but the last ends exactly at ``line.offset + line.width``: the
    slack goes evenly into the gaps between pieces, except before a closing mark or after an
    opening one while other gaps exist. A line holding one token only has its letters spaced,
    and so has every Latin run of a line whose gaps would otherwise open wider than ``LOOSE``
    ems (a URL and a few ideographs); a line of one character cannot be spread and is set left. The last line, and the other
    alignments, keep natural advances (less any squeeze the breaker chose).
    """
    if align not in ALIGNS:
        raise ValueError(f"align must be one of {', '.join(ALIGNS)}, not {align!r}")
    text = line.text
    pieces = _pieces(text)
    if align == "justify" and not line.last and len(pieces) == 1:
        pieces = [(k, k + 1, False) for k in range(len(text))]
    squeeze = {index - line.start: amount for index, amount in line.squeeze}
    widths = _widths(text, pieces, advance, squeeze)
    slack = line.width - sum(widths)
    gaps = [0.0] * len(pieces)  # space after each piece
    spread = align == "justify" and not line.last and slack > EPS and len(pieces) > 1
    if spread:
        stretch = _stretch(text, pieces)
        if slack / sum(stretch) > LOOSE * advance("\u4e00") and any(p[2] for p in pieces):
            # Few gaps for much slack (a URL and a few ideographs): space the Latin letters
            # too, rather than open holes of several millimetres between the ideographs.
            pieces = [piece for s, e, latin in pieces
                      for piece in ([(k, k + 1, True) for k in range(s, e)] if latin
                                    else [(s, e, False)])]
            widths = _widths(text, pieces, advance, squeeze)
            stretch = _stretch(text, pieces)
        step = slack / sum(stretch)
        gaps = [step if s else 0.0 for s in stretch] + [0.0]
    x = line.offset + {"center": slack / 2, "right": slack}.get(align, 0.0)
    placed = []
    for (start, end, _), width, gap in zip(pieces, widths, gaps, strict=True):
        shift = -squeeze.get(start, 0.0) if text[start] in BLANK_LEFT else 0.0
        placed.append(Placed(text[start:end], x, width, shift))
        x += width + gap
    if spread:  # land exactly on the margin, whatever the float error of the sums
        end = placed[-1]
        placed[-1] = Placed(end.text, line.offset + line.width - end.width, end.width, end.shift)
    return placed


def _widths(text: str, pieces: list[_Piece], advance: Advance,
            squeeze: dict[int, float]) -> list[float]:
    """Each piece's advance, less what the breaker squeezed out of its marks."""
    return [sum(map(advance, text[s:e])) - sum(squeeze.get(k, 0.0) for k in range(s, e))
            for s, e, _ in pieces]


def _stretch(text: str, pieces: list[_Piece]) -> list[bool]:
    """For each gap between two pieces, whether slack may go there (all, if none may)."""
    stretch = [_stretchable(text, a, b) for a, b in zip(pieces, pieces[1:], strict=False)]
    return stretch if any(stretch) else [True] * len(stretch)


def _pieces(text: str) -> list[_Piece]:
    """Spans drawn as one string: a Latin run (a token's letters and digits with any ASCII
    punctuation touching them, as in example.org/ or (V2.3)), a dash, ellipsis or space run, or
    a single character (each ideograph of a token such as 192万人次 stands alone)."""
    pieces: list[_Piece] = []
    for start, end, kind in segments(text):
        if kind == WORD:
            run = start
            for k in range(start, end):
                if is_ideograph(text[k]):
                    if run < k:
                        _add_latin(pieces, run, k)
                    pieces.append((k, k + 1, False))
                    run = k + 1
            if run < end:
                _add_latin(pieces, run, end)
        elif kind == CHAR and text[start] in _ASCII_MARKS:
            _add_latin(pieces, start, end)
        else:
            pieces.append((start, end, False))
    return pieces


def _add_latin(pieces: list[_Piece], start: int, end: int) -> None:
    """Append a Latin run, joining it to a Latin run that ends where it starts."""
    if pieces and pieces[-1][2] and pieces[-1][1] == start:
        pieces[-1] = (pieces[-1][0], end, True)
    else:
        pieces.append((start, end, True))


def _stretchable(text: str, before: _Piece, after: _Piece) -> bool:
    """Whether slack may go between two pieces: not after an opening nor before a closing mark."""
    if not before[2] and text[before[1] - 1] in NO_END:
        return False
    return after[2] or text[after[0]] not in NO_START
