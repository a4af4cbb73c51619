"""How wide a text is in the faces the PDF writer draws it with, read from the font files.

The PDF writer measures text with reportlab; the DOCX writer must not import it, yet where it
places something by the width of a text (a seal centred over the date, GB/T 9704 7.3.5.1) it
has to agree with the PDF to the point. Both read the same numbers: the `hmtx` advance of the
glyph the `cmap` gives, over `head`'s units per em (reportlab keeps exactly these), here
through `fontmetrics.advances`, which reads only those tables of the file.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from reportgen.fontmetrics import advances
from reportgen.fontset import FontRegistry


def measure(fonts: FontRegistry, faces: Sequence[str]) -> Callable[[str], float]:
    """How wide a text is, in ems, set in the first of `faces` that exists: each character in
    the face the registry picks for it, as the PDF writer draws it."""
    face = fonts.resolve(faces)
    known: dict[tuple[Path, int], dict[str, float]] = {}

    def width(text: str) -> float:
        total = 0.0
        for drawn, run in fonts.split_by_coverage(text, face):
            ems = known.setdefault((drawn.path, drawn.index), {})
            missing = "".join(set(run) - ems.keys())
            if missing:
                ems.update(advances(drawn.path, missing, drawn.index))
            total += sum(ems[ch] for ch in run)
        return total

    return width
