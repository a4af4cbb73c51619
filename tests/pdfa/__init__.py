"""An independent PDF/A checker (ISO 19005-2, and 19005-3 for associated files) for the tests.

It covers the clauses reportgen's PDF/A output implements, named by clause number; it is no
replacement for veraPDF, which archives should run on their side. ``check_pdfa`` returns every
violation found; an empty list means the file passed the checks implemented here.
"""

from __future__ import annotations

from .document import Pdf, Violation
from .files import check_embedded_files
from .fonts import check_fonts
from .intents import check_output_intent
from .metadata import check_metadata
from .structure import check_structure


def check_pdfa(data: bytes, part: int = 2, conformance: str = "U") -> list[Violation]:
    """Every violation of the implemented clauses in the PDF `data`, claimed as PDF/A-`part`
    level `conformance`."""
    pdf = Pdf(data)
    return [*check_structure(pdf), *check_fonts(pdf, conformance),
            *check_output_intent(pdf), *check_metadata(pdf, part, conformance),
            *check_embedded_files(pdf, part)]


__all__ = ["Pdf", "Violation", "check_pdfa"]
