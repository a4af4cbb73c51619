"""Reading a written DOCX back: its XML parts and the WordprocessingML namespace."""

from __future__ import annotations

import zipfile
from pathlib import Path

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS = {"w": W, "r": R}


def w(name: str) -> str:
    """The Clark name of `w:name`, for attributes and tags."""
    return f"{{{W}}}{name}"


def part(path: Path, name: str) -> etree._Element:
    """The parsed XML part `name` (e.g. word/numbering.xml) of the DOCX at `path`."""
    with zipfile.ZipFile(path) as docx:
        return etree.fromstring(docx.read(name))


def names(path: Path) -> list[str]:
    with zipfile.ZipFile(path) as docx:
        return docx.namelist()


def read(path: Path, name: str) -> bytes:
    with zipfile.ZipFile(path) as docx:
        return docx.read(name)
