"""Where a sealed 落款's organisations, seals and date go (GB/T 9704 7.3.5.1), for both writers.

The date stands 4 characters in from the right; each organisation is centred over its seal's
centre, the last one over the date; the organisation's line sits `SEAL_BELOW_CENTRE` lines
below its seal's centre (居中偏下), with as many empty lines above it as put the seal's top
below the text above and within one line of it (that text's em box on its grid line's baseline,
4/5 of the way down, reportgen.layout.baseline).
Seals of a joint document stand side by side from the right, as many as fit a row, never
touching; further rows go above. Lengths are in points from the text block's left edge, rows
in grid lines from the 落款's first line. The widths come from the faces that draw the text,
so the DOCX puts its seal where the PDF has it.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from reportgen.layout.baseline import baseline_depth

DATE_IN_CHARS = 4
"""7.3.5.1: the date 4 characters in from the right."""
SEAL_BELOW_CENTRE = 0.25
"""How far (grid lines) the organisation's line centre sits below the seal's centre."""
SEAL_GAP_CHARS = 1.0
"""Space between the seals of a joint document, in characters (7.3.5.1: never touching)."""


@dataclass(frozen=True)
class Seat:
    """One organisation: the grid line of its name, its name's left edge and its seal's
    centre."""

    row: int
    name_x: float
    centre: float


@dataclass(frozen=True)
class SealedSignature:
    """The 落款's organisations (`seats`, in the report's order) and its date, with the grid
    `pitch` they were laid out on."""

    seats: tuple[Seat, ...]
    date_x: float
    pitch: float

    @property
    def date_row(self) -> int:
        """The date's grid line: the one under the last row of organisations."""
        return max(seat.row for seat in self.seats) + 1

    def seal_top(self, height: float) -> float:
        """The top edge of a seal `height` points tall, in points below the top of its
        organisation's grid line (negative: above it)."""
        return (0.5 - SEAL_BELOW_CENTRE) * self.pitch - height / 2


def sealed_signature(names: Sequence[float], date: float, seals: Sequence[tuple[float, float]],
                     *, em: float, width: float, pitch: float, size: float,
                     descent: float) -> SealedSignature:
    """The layout of organisations `names` wide over seals of (width, height) `seals`, one
    each, and a date `date` wide, on a block `width` wide whose characters are `em` wide and
    whose grid lines are `pitch` apart, the text above set in `size` points, its em box
    reaching `descent` ems below its baseline (fontmetrics.em_ascent: 0.12 in Song, 0.15 in
    the bundled 仿宋)."""
    centre = width - DATE_IN_CHARS * em - date / 2
    diameter = max(height for _, height in seals) / pitch
    # The seal's top, blank + SEAL_BELOW_CENTRE - diameter / 2 grid lines below the 落款's
    # first line, lies in the one line below the em box of the text above.
    below_text = (pitch - baseline_depth(pitch) - descent * size) / pitch
    blank = max(1, math.ceil(diameter / 2 - SEAL_BELOW_CENTRE - below_text))
    row_height = max(blank + 1, math.ceil(diameter + 0.25))
    # Seals side by side, as far apart as their widest name needs.
    step = max(max(seal for seal, _ in seals), max(names)) + SEAL_GAP_CHARS * em
    count = len(seals)
    per_row = max(1, min(count, int((centre + step / 2 + 1e-6) // step)))
    rows = [range(max(0, end - per_row), end) for end in range(count, 0, -per_row)][::-1]
    seats = {}
    for r, members in enumerate(rows):
        for k, index in enumerate(members):
            x = centre - (len(members) - 1 - k) * step
            name_x = min(max(0.0, x - names[index] / 2), width - names[index])
            seats[index] = Seat(blank + r * row_height, name_x, x)
    date_x = min(centre - date / 2, width - date)
    return SealedSignature(tuple(seats[i] for i in range(count)), date_x, pitch)
