"""Options every writer receives: the font registry and the choices a user makes per build."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from reportgen.budget import UNLIMITED, Deadline

if TYPE_CHECKING:
    from reportgen.fontset import FontRegistry

DOCX_FONT_PROFILES = ("standard", "bundled")


@dataclass(frozen=True)
class WriteOptions:
    """What a writer needs besides the document.

    `docx_fonts` is `standard` (name the faces Chinese offices have installed, embed nothing) or
    `bundled` (name the bundled faces and embed subsets of them). `reproducible` fixes every
    timestamp and random id so that the same input gives the same bytes (golden tests).
    `deadline` is checked between blocks and pages: past it, writing stops with an error.
    """

    fonts: FontRegistry
    docx_fonts: str = "standard"
    reproducible: bool = False
    deadline: Deadline = UNLIMITED
