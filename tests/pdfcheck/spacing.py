"""Spacing inside lines: adjacent punctuation (标点挤压) and gaps between neighbouring characters.

Measured on pdfplumber's character boxes (pt). A full-width mark's box is one em wide whatever
part of it the text takes; where punctuation is compressed the next box starts inside it.

- *mark pair*: two full-width marks side by side on a line, at least one of them a bracket or
  quotation mark (夹注符号), where the first is a closing mark or a stop and the second any mark
  but a stop, or both open (GB/T 15834 and CLREQ 3.1.6.2: ），  。”  》《  、“  ）（  “《). Two
  stops (？！) are not a pair: CLREQ compresses only around brackets and quotes. Its *width*
  is from the first box's left edge to the second's right edge, in ems of the wider box:
  2 when nothing is compressed, 1.5 when one blank half is gone. ``mark_pair`` finding: wider
  than 1.5 em (by more than ``PAIR_TOLERANCE``).
- *gap*: the space between a glyph box's right edge and the next one's left edge on a line;
  what justification adds there (a space character is a box of its own, so the space between
  two words is not a gap). ``loose`` finding: a wrapped body line (not its paragraph's last)
  with a gap wider than ``LOOSE`` of the type size: a quarter em, 4 pt or 1.4 mm at 16 pt.

The mark classes are the checker's own (``CLOSING_MARKS``, ``OPENING_MARKS`` and ``STOPS``
here), written from GB/T 15834, not taken from the line breaker.
"""

from __future__ import annotations

from .lines import Glyph, Paragraph, TextLine
from .measure import CLOSING_MARKS, FULL_WIDTH_BOX, OPENING_MARKS
from .rules import Finding

STOPS = frozenset("。，、；：！？")  # 点号 set in a full-width box
PAIR_LIMIT = 1.5  # ems
PAIR_TOLERANCE = 0.02  # ems
LOOSE = 0.25  # of the type size
LOOSE_TOLERANCE = 0.05  # pt


def mark_pairs(line: TextLine) -> list[tuple[Glyph, Glyph, float]]:
    """The line's adjacent mark pairs with their widths in ems."""
    glyphs = line.glyphs
    pairs = []
    for a, b in zip(glyphs, glyphs[1:], strict=False):
        if not (_full_width(a) and _full_width(b)) or (a.text in STOPS and b.text in STOPS):
            continue
        closing = a.text in CLOSING_MARKS and (b.text in CLOSING_MARKS or b.text in OPENING_MARKS)
        opening = a.text in OPENING_MARKS and b.text in OPENING_MARKS
        if closing or opening:
            em = max(a.x1 - a.x0, b.x1 - b.x0)
            pairs.append((a, b, (b.x1 - a.x0) / em))
    return pairs


def gaps(line: TextLine) -> list[float]:
    """The gaps between neighbouring glyph boxes of the line, in pt (negative: overlapping)."""
    glyphs = line.glyphs[line.glyphs.index(line.ink[0]):line.glyphs.index(line.ink[-1]) + 1]
    return [b.x0 - a.x1 for a, b in zip(glyphs, glyphs[1:], strict=False)]


def spacing_findings(number: int, paragraph: Paragraph, widths: list[float],
                     loosest: list[float]) -> list[Finding]:
    """``mark_pair`` findings on every line of the paragraph, ``loose`` findings on its wrapped
    body lines; each pair's width and each wrapped body line's widest gap (in ems of its size)
    are appended to ``widths`` and ``loosest``."""
    found = []
    for index, line in enumerate(paragraph.lines):
        for a, b, width in mark_pairs(line):
            widths.append(width)
            if width > PAIR_LIMIT + PAIR_TOLERANCE:
                found.append(Finding(line.page, line.index, "mark_pair", a.text + b.text,
                                     f"{width:.2f} em", number))
        if paragraph.kind != "body" or index == len(paragraph.lines) - 1:
            continue
        widest = max(gaps(line), default=0.0)
        loosest.append(widest / line.size)
        if widest > LOOSE * line.size + LOOSE_TOLERANCE:
            found.append(Finding(line.page, line.index, "loose", line.text,
                                 f"{widest:.1f} pt gap", number))
    return found


def _full_width(glyph: Glyph) -> bool:
    return glyph.x1 - glyph.x0 >= FULL_WIDTH_BOX * glyph.size
