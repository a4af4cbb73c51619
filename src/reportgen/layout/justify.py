"""Place the characters of a broken line: justified flush to both margins, or left/centre/right."""

from __future__ import annotations

from dataclasses import dataclass

from reportgen.layout.charclass import BLANK_LEFT
from reportgen.layout.linebreak import EPS, Advance, Line
from reportgen.layout.pieces import LOOSE, Piece, letters, pieces, stretch

ALIGNS = ("justify", "left", "center", "right")


@dataclass(frozen=True)
class Placed:
    """A character, or a whole Latin word or number, drawn as one string at ``x``."""

    text: str  # one character, or a Latin run drawn as one string
    x: float  # x position relative to the column's left edge
    width: float  # advance actually used (may be compressed punctuation)
    shift: float = 0.0  # draw the glyph at x + shift: negative where an opening mark's blank
    # left half was squeezed, so that its ink stays next to the text it opens


def justify(line: Line, advance: Advance, *, align: str = "justify") -> list[Placed]:
    """Position the pieces of ``line``; their texts joined give back ``line.text``.

    With ``justify`` every line but the last ends exactly at ``line.offset + line.width``: the
    slack goes evenly into the gaps between pieces, except before a closing mark, after an
    opening one or between two marks while other gaps exist (``pieces.stretch``). A line
    holding one token only has its letters spaced, and so has every Latin run of a line whose
    gaps would otherwise open wider than ``LOOSE`` ems (a URL and a few ideographs); a line of
    one character cannot be spread and is set left. The last line, and the other alignments,
    keep natural advances (less any squeeze the breaker chose).
    """
    if align not in ALIGNS:
        raise ValueError(f"align must be one of {', '.join(ALIGNS)}, not {align!r}")
    text = line.text
    found = pieces(text)
    if align == "justify" and not line.last and len(found) == 1:
        found = [(k, k + 1, False) for k in range(len(text))]
    squeeze = {index - line.start: amount for index, amount in line.squeeze}
    widths = _widths(text, found, advance, squeeze)
    slack = line.width - sum(widths)
    gaps = [0.0] * len(found)  # space after each piece
    spread = align == "justify" and not line.last and slack > EPS and len(found) > 1
    if spread:
        may = stretch(text, found)
        if slack / sum(may) > LOOSE * advance("\u4e00") and any(p[2] for p in found):
            # Few gaps for much slack (a URL and a few ideographs): space the Latin letters
            # too, rather than open holes of several millimetres between the ideographs.
            found = letters(text, found)
            widths = _widths(text, found, advance, squeeze)
            may = stretch(text, found)
        step = slack / sum(may)
        gaps = [step if s else 0.0 for s in may] + [0.0]
    x = line.offset + {"center": slack / 2, "right": slack}.get(align, 0.0)
    placed = []
    for (start, end, _), width, gap in zip(found, widths, gaps, strict=True):
        shift = -squeeze.get(start, 0.0) if text[start] in BLANK_LEFT else 0.0
        placed.append(Placed(text[start:end], x, width, shift))
        x += width + gap
    if spread:  # land exactly on the margin, whatever the float error of the sums
        end = placed[-1]
        placed[-1] = Placed(end.text, line.offset + line.width - end.width, end.width, end.shift)
    return placed


def _widths(text: str, found: list[Piece], advance: Advance,
            squeeze: dict[int, float]) -> list[float]:
    """Each piece's advance, less what the breaker squeezed out of its marks."""
    return [sum(map(advance, text[s:e])) - sum(squeeze.get(k, 0.0) for k in range(s, e))
            for s, e, _ in found]
