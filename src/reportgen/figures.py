"""Figures written as text: whether a text is one, and the number it holds.

One grammar for every place that asks: a table column of figures is set to the right and its
cells line up on their decimal point; `pull` writes a cell the editor typed as a bare YAML
number; an expression reads `"3 274"` as 3274 and refuses to compare it as letters. A figure
has a sign (+ - − ±), digits grouped by commas or spaces (3 274, 1,234), a fraction (12.30)
and an exponent (1e3, 1.5E-2); as a table prints it, also a currency sign before it (¥1,200)
and a percent, a magnitude or a unit after it (88.7%, 12.5万, 12.8TB).
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

PLACEHOLDERS = frozenset({"—", "——", "-", "–", "－", "…", "……", "/", "／", "x", "X", "×"})
"""What statistical tables print for no figure (—, …, ×)."""

GROUPING = ", \u2009\u202f\u00a0\u3000"
"""What may group the digits of a figure: a comma, or a plain, thin, no-break or ideographic
space."""

_PRINTED = re.compile(f"[+\\-−±]?[¥$€£]?\\d[\\d{GROUPING}]*(?:\\.\\d+)?(?:[eE][+\\-−]?\\d+)?"
                      "(?:[%‰℃]|[万亿千百]?[A-Za-z]*)?")
_BARE = re.compile("[+\\-]?\\d+(?:\\.\\d+)?(?:[eE][+\\-]?\\d+)?")
_READ = str.maketrans({"−": "-", **{ch: None for ch in GROUPING + "_"}})


def is_figure(text: str) -> bool:
    """Whether `text` is a figure as a table prints it: 1243, 2 318, +1 204, −3.5, 88.7%,
    12.30, 1e3, 1.5E-2, ¥1,200; or a placeholder for no figure (—)."""
    text = text.strip()
    return text in PLACEHOLDERS or bool(text) and _PRINTED.fullmatch(text) is not None


def is_bare(text: str) -> bool:
    """Whether `text` is a number as YAML writes one bare and a report prints it: 12, -3.5,
    12.30, 1e3 (no grouping, no unit)."""
    return _BARE.fullmatch(text) is not None


def value(text: str) -> Decimal | None:
    """The number a figure written as text holds (`3 274`, `1,234`, `−3`, `1e3`), None when
    `text` holds none (a unit, a word, an infinity)."""
    try:
        number = Decimal(text.strip().translate(_READ))
    except InvalidOperation:
        return None
    return number if number.is_finite() and any(ch.isdigit() for ch in text) else None
