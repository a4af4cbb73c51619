"""Options every writer receives: the font registry and the choices a user makes per build."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reportgen.fontset import FontRegistry

DOCX_FONT_PROFILES = ("standard", "bundled")


@dataclass(frozen=True)
class WriteOptions:
    """What a writer needs besides the document.

    `docx_fonts` is `standard` (name the faces Chinese offices have installed, embed nothing) or
    `bundled` (name the bundled faces and embed subsets of them). `reproducible` fixes every
    timestamp and random id so that the same input gives the same bytes (golden tests).
    """

    fonts: FontRegistry
    docx_fonts: str = "standard"
    reproducible: bool = False
