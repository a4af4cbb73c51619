"""Options every writer receives: the font registry and the choices a user makes per build."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from reportgen.budget import UNLIMITED, Deadline

if TYPE_CHECKING:
    from reportgen.fontset import FontRegistry

DOCX_FONT_PROFILES = ("standard", "bundled")
PDFA_LEVELS = ("2u", "3u")


@dataclass(frozen=True)
class Attachment:
    """A file carried inside the output (a PDF/A-3 associated file).

    `relationship` says what the file is to the document, as PDF's /AFRelationship does:
    `Source` (what it was made from: the report's YAML, a table's CSV) or `Alternative`
    (another rendering of it: the DOCX).
    """

    name: str
    data: bytes
    mime: str
    relationship: str
    description: str


@dataclass(frozen=True)
class WriteOptions:
    """What a writer needs besides the document.

    `docx_fonts` is `standard` (name the faces Chinese offices have installed, embed nothing) or
    `bundled` (name the bundled faces and embed subsets of them). `reproducible` fixes every
    timestamp and random id so that the same input gives the same bytes (golden tests).
    `pdfa` asks the PDF writer for PDF/A-2u (`2u`) or PDF/A-3u (`3u`, which also embeds
    `attachments`); None writes a plain PDF.
    `deadline` is checked between blocks and pages: past it, writing stops with an error.
    `provenance` is what a DOCX records of where it comes from, for `reportgen pull` (the
    report's path …; build.provenance); empty for a DOCX that goes nowhere an editor works.
    """

    fonts: FontRegistry
    docx_fonts: str = "standard"
    reproducible: bool = False
    pdfa: str | None = None
    attachments: tuple[Attachment, ...] = ()
    deadline: Deadline = UNLIMITED
    provenance: tuple[tuple[str, str], ...] = ()
