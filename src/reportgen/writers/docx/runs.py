"""Runs of text: line breaks and tabs as elements, rare characters in the face that draws them."""

from __future__ import annotations

from collections.abc import Callable
from copy import deepcopy

from docx.oxml.ns import qn

from reportgen.writers.docx import oxml

Fallback = Callable[[str], "str | None"]
"""The family that draws a character none of the document's own faces has, or None."""


def runs(text: str, properties: oxml.Element | None = None,
         fallback: Fallback | None = None) -> list[oxml.Element]:
    """Runs for `text`: line breaks become `w:br`, tabs `w:tab`; each run shares `properties`.
    A character that `fallback` gives a family gets a run naming that family."""
    out = []
    for line_no, line in enumerate(text.split("\n")):
        if line_no:
            out.append(oxml.el("w:r", None, _copy(properties), oxml.el("w:br")))
        for part_no, part in enumerate(line.split("\t")):
            if part_no:
                out.append(oxml.el("w:r", None, _copy(properties), oxml.el("w:tab")))
            for family, piece in _by_family(part, fallback):
                out.append(oxml.text_run(piece, _with_family(properties, family)))
    return out


def _by_family(text: str, fallback: Fallback | None) -> list[tuple[str | None, str]]:
    """`text` cut where the family that draws it changes (None: the style's own)."""
    if not text:
        return []
    if fallback is None:
        return [(None, text)]
    pieces: list[tuple[str | None, str]] = []
    for ch in text:
        family = fallback(ch)
        if pieces and pieces[-1][0] == family:
            pieces[-1] = (family, pieces[-1][1] + ch)
        else:
            pieces.append((family, ch))
    return pieces


def _with_family(properties: oxml.Element | None, family: str | None) -> oxml.Element | None:
    """A copy of `properties`, naming `family` for every script when it is given."""
    if family is None:
        return _copy(properties)
    rpr = _copy(properties) if properties is not None else oxml.el("w:rPr")
    at = 1 if rpr.find(qn("w:rStyle")) is not None else 0  # rFonts follows rStyle
    rpr.insert(at, oxml.r_fonts(family))
    return rpr


def _copy(node: oxml.Element | None) -> oxml.Element | None:
    return None if node is None else deepcopy(node)
