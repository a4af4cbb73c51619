"""Lengths for the DOCX: millimetres and points to twips, and the 22 × 28 grid of GB/T 9704."""

from __future__ import annotations

import math
from dataclasses import dataclass

from reportgen.template import Page


def mm(value: float) -> int:
    """Millimetres in twips (1/1440 inch)."""
    return round(value * 1440 / 25.4)


def pt(value: float) -> int:
    """Points in twips."""
    return round(value * 20)


@dataclass(frozen=True)
class Grid:
    """The document grid: `lines` lines of `chars` characters of `size_pt` in the text block.

    The section declares it as a grid of lines and characters (`char_space`), so that Word's
    and WPS's page setup shows 22 × 28. Paragraphs do not snap to it (`w:snapToGrid` off): every
    style has an exact line height of whole grid lines instead, and characters of the grid's
    size come to 28 a line by a small negative spacing of their own (`char_spacing`).

    Why, measured in LibreOffice 7.4 (see README): LibreOffice gives a character wider than
    the grid's pitch two cells of it, so a paragraph that snaps to a 15.79 pt grid sets 16 pt
    text 14 characters a line; one that does not snap sets it 27 a line, LibreOffice never
    narrowing a character to the grid. The grid of lines alone, without characters, would set
    the same lines but leave Word's page setup without 28 characters a line.
    """

    page: Page
    size_pt: float

    @property
    def text_width(self) -> int:
        return mm(self.page.text_width_mm)

    @property
    def line_pitch(self) -> int:
        """Twips from one baseline to the next: the text block height shared by the lines."""
        return math.floor(mm(self.page.text_height_mm) / self.page.lines)

    @property
    def char_pitch(self) -> float:
        return self.text_width / self.page.chars

    @property
    def char_space(self) -> int:
        """`w:docGrid w:charSpace`: the character pitch less the body size, in 1/4096 pt
        (ECMA-376 Part 1, 17.6.5), rounded down so that `chars` characters fit a line."""
        return math.floor((self.char_pitch - pt(self.size_pt)) / 20 * 4096)

    def char_spacing(self, size_pt: float) -> int:
        """Run spacing (twips) that fits `chars` characters of the grid's size on a line, one
        twip under the pitch: LibreOffice, reading the grid in its own units, breaks lines at
        28 of its cells of 314.6 twips, which 28 characters of 315 twips overflow; 0 for text
        of another size."""
        if size_pt != self.size_pt:
            return 0
        return math.floor(self.char_pitch) - 1 - pt(size_pt)

    def lines(self, count: float) -> tuple[int, int]:
        """`count` grid lines as (twips, 1/100 lines) for `w:spacing` before/after."""
        return round(count * self.line_pitch), round(count * 100)

    def chars(self, count: float, size_pt: float) -> tuple[int, int]:
        """`count` characters of `size_pt` as (twips, 1/100 characters) for `w:ind`."""
        return round(count * pt(size_pt)), round(count * 100)
