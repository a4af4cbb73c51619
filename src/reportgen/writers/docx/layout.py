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

    Word and LibreOffice snap lines to `line_pitch`; characters are brought to the grid by a
    small negative spacing on text of the grid's size (LAYOUT.md: `linesAndChars` misbehaves
    in LibreOffice).
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

    def char_spacing(self, size_pt: float) -> int:
        """Run spacing (twips) that fits `chars` characters on a line; 0 off the grid's size."""
        if size_pt != self.size_pt:
            return 0
        return math.floor(self.char_pitch - pt(size_pt))

    def lines(self, count: float) -> tuple[int, int]:
        """`count` grid lines as (twips, 1/100 lines) for `w:spacing` before/after."""
        return round(count * self.line_pitch), round(count * 100)

    def chars(self, count: float, size_pt: float) -> tuple[int, int]:
        """`count` characters of `size_pt` as (twips, 1/100 characters) for `w:ind`."""
        return round(count * pt(size_pt)), round(count * 100)
