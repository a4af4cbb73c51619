"""An independent PDF layout checker: line-breaking rules and GB/T 9704 geometry from char boxes."""

from .lines import Geometry, Glyph, Page, Paragraph, TextLine, paragraphs, read_pages
from .measure import Measurements, PageExtent, PageNumberMark, measure
from .report import KINDS, CheckReport, check_pdf
from .rules import (
    LINE_END_FORBIDDEN,
    LINE_START_FORBIDDEN,
    TOKEN_PATTERNS,
    Finding,
    break_findings,
)

__all__ = [
    "KINDS",
    "LINE_END_FORBIDDEN",
    "LINE_START_FORBIDDEN",
    "TOKEN_PATTERNS",
    "CheckReport",
    "Finding",
    "Geometry",
    "Glyph",
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
