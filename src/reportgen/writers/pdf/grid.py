"""The page grid (版心 and 行格): where the text block is and where each line's baseline sits."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.units import mm

from reportgen.layout.baseline import baseline_depth
from reportgen.template import Template


@dataclass(frozen=True)
class Grid:
    """A page with its text block, in points, y measured downwards from the page's top edge.

    The text block holds `lines` grid lines of equal pitch; the baseline of grid line `row` is
    `baseline(row)`, 4/5 of the way down the grid line, where a word processor seats the
    baseline of a line of exact height (reportgen.layout.baseline); every role shares that
    baseline, so a 22 pt title sits on the same grid as the body, as in the DOCX.
    Characters are set `chars` to a full line: every advance is scaled by `scale`, which makes a
    full-width 16 pt character 15.79 pt wide (156 mm / 28).
    """

    page_width: float
    page_height: float
    left: float
    top: float
    width: float
    height: float
    lines: int
    chars: int
    body_size: float

    @classmethod
    def of(cls, template: Template) -> Grid:
        page = template.page
        return cls(
            page_width=page.width_mm * mm,
            page_height=page.height_mm * mm,
            left=page.left_mm * mm,
            top=page.top_mm * mm,
            width=page.text_width_mm * mm,
            height=page.text_height_mm * mm,
            lines=page.lines,
            chars=page.chars,
            body_size=template.role("body").size_pt,
        )

    @property
    def pitch(self) -> float:
        """Distance between two grid lines (225 mm / 22 ≈ 28.99 pt)."""
        return self.height / self.lines

    @property
    def scale(self) -> float:
        """Horizontal scale of all text on the grid, so that `chars` body characters fill a line."""
        return self.width / (self.chars * self.body_size)

    @property
    def bottom(self) -> float:
        """The text block's bottom edge."""
        return self.top + self.height

    @property
    def right(self) -> float:
        """The text block's right edge."""
        return self.left + self.width

    def baseline(self, row: float) -> float:
        """The baseline of grid line `row` (0 is the first line of the page)."""
        return self.top + row * self.pitch + baseline_depth(self.pitch)

    def boundary(self, row: float) -> float:
        """The top edge of grid line `row`; `boundary(lines)` is the text block's bottom."""
        return self.top + row * self.pitch
