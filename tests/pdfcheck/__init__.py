"""An independent PDF layout checker: line-breaking rules, GB/T 9704 geometry, glyph ink."""

from .ink import Ink
from .lines import Geometry, Glyph, Page, Paragraph, TextLine, paragraphs, read_pages
from .measure import (
    CLOSING_MARKS,
    OPENING_MARKS,
    Measurements,
    PageExtent,
    PageNumberMark,
    measure,
)
from .report import KINDS, CheckReport, check_pdf
from .rules import (
    LINE_END_FORBIDDEN,
    LINE_START_FORBIDDEN,
    TOKEN_PATTERNS,
    Finding,
    break_findings,
)

__all__ = [
    "CLOSING_MARKS",
    "KINDS",
    "LINE_END_FORBIDDEN",
    "LINE_START_FORBIDDEN",
    "OPENING_MARKS",
    "TOKEN_PATTERNS",
    "CheckReport",
    "Finding",
    "Geometry",
    "Glyph",
    "Ink",
    "Measurements",
    "Page",
    "PageExtent",
    "PageNumberMark",
    "Paragraph",
    "TextLine",
    "break_findings",
    "check_pdf",
    "measure",
    "paragraphs",
    "read_pages",
]
