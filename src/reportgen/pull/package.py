"""The parts of a revised DOCX that pull reads: document, styles, lists, comments, properties,
and the first page's header (a letter's letterhead)."""

from __future__ import annotations

import posixpath
import zipfile
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from reportgen.errors import EXIT_INVALID_INPUT, EXIT_IO, fail
from reportgen.pull.lists import Lists
from reportgen.pull.styles import SAFE_PARSER, Styles, W

MAX_PART = 256 * 1024 * 1024
"""The largest part pull unpacks (a document's text is a few MB at most)."""

_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_OFFICE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
_R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_CUSTOM = "{http://schemas.openxmlformats.org/officeDocument/2006/custom-properties}property"
_VT = "{http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes}"


@dataclass
class Package:
    """The XML parts of one DOCX that pull needs (None where the file has no such part)."""

    document: etree._Element
    styles: Styles
    lists: Lists
    comments: etree._Element | None
    comments_extended: etree._Element | None
    properties: dict[str, str]
    """Custom document properties by name (the fingerprint and the source report are here)."""
    first_header: etree._Element | None = None
    """The header of the first page of the first section, where a letter's mark stands (None
    where the document gives the first page no header of its own)."""


def read(path: Path) -> Package:
    """The parts of the DOCX at `path`; a file that is no DOCX is a one-line error."""
    try:
        with path.open("rb") as handle:
            magic = handle.read(8)
    except FileNotFoundError:
        raise fail("file not found", file=path, exit_code=EXIT_IO,
                   hint="give the path of the DOCX the editor sent back, e.g. "
                        "output/report.docx")
    except IsADirectoryError:
        raise fail("is a folder, not a DOCX", file=path, exit_code=EXIT_IO,
                   hint="give the path of one .docx file in it")
    except OSError as exc:
        raise fail(f"cannot read: {exc.strerror}", file=path, exit_code=EXIT_IO,
                   hint="check that the file may be read, or copy it somewhere it may")
    if magic.startswith(b"\xd0\xcf\x11\xe0"):
        raise fail("is a Word 97-2003 document (.doc), not a DOCX", file=path,
                   hint="open it in Word or WPS and save it as .docx (Word 2007 or later)")
    try:
        with zipfile.ZipFile(path) as zf:
            return _parts(zf, path)
    except zipfile.BadZipFile:
        raise fail("is not a DOCX (not a zip package)", file=path,
                   hint="save the document as .docx from Word, WPS or LibreOffice")
    except etree.XMLSyntaxError as exc:
        raise fail(f"the DOCX holds broken XML: {exc}", file=path,
                   hint="open it in Word, WPS or LibreOffice and save it again")


def read_bytes(data: bytes) -> Package:
    """The parts of a DOCX held in memory (one reportgen just built)."""
    import io

    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return _parts(zf, Path("<built>"))


def _parts(zf: zipfile.ZipFile, path: Path) -> Package:
    names = set(zf.namelist())

    def xml(name: str | None) -> etree._Element | None:
        raw = blob(name)
        return None if raw is None else etree.fromstring(raw, parser=SAFE_PARSER)

    def blob(name: str | None) -> bytes | None:
        if name is None or name not in names:
            return None
        if zf.getinfo(name).file_size > MAX_PART:
            raise fail(f"the DOCX part {name} is larger than {MAX_PART // 2**20} MB",
                       file=path, exit_code=EXIT_INVALID_INPUT,
                       hint="pull reads the text of a report; save the document again "
                            "without the pictures or objects pasted into it")
        return zf.read(name)

    main = _target(xml("_rels/.rels"), "", "officeDocument") or "word/document.xml"
    document = xml(main)
    if document is None:
        raise fail("is not a word-processing document (it has no main document part)",
                   file=path, hint="pull reads DOCX files, not spreadsheets or slides")
    rels = xml(posixpath.join(posixpath.dirname(main), "_rels", posixpath.basename(main)
                              + ".rels"))
    base = posixpath.dirname(main)
    custom = xml(_target(xml("_rels/.rels"), "", "custom-properties") or "docProps/custom.xml")
    return Package(
        document=document,
        styles=Styles.parse(blob(_target(rels, base, "styles"))),
        lists=Lists.parse(blob(_target(rels, base, "numbering"))),
        comments=xml(_target(rels, base, "comments")),
        comments_extended=xml(_target(rels, base, "commentsExtended",
                                      "http://schemas.microsoft.com/office/2011/relationships/")),
        properties=_properties(custom),
        first_header=xml(_first_header(document, rels, base)))


def _target(rels: etree._Element | None, base: str, kind: str,
            namespace: str = _OFFICE) -> str | None:
    """The part a relationship of type `kind` points to, as a path inside the zip."""
    if rels is None:
        return None
    for rel in rels.iter(_REL):
        if rel.get("Type") == namespace + kind and rel.get("TargetMode") != "External":
            return _resolved(rel, base)
    return None


def _resolved(rel: etree._Element, base: str) -> str:
    target = rel.get("Target", "")
    joined = target.lstrip("/") if target.startswith("/") else posixpath.join(base, target)
    return posixpath.normpath(joined)


def _first_header(document: etree._Element, rels: etree._Element | None,
                  base: str) -> str | None:
    """The part of the first section's first-page header, as a path inside the zip."""
    section = next(document.iter(f"{W}sectPr"), None)
    if section is None or rels is None:
        return None
    found = next((ref.get(f"{_R}id") for ref in section.iter(f"{W}headerReference")
                  if ref.get(f"{W}type") == "first"), None)
    for rel in rels.iter(_REL):
        if found is not None and rel.get("Id") == found and rel.get("TargetMode") != "External":
            return _resolved(rel, base)
    return None


def _properties(custom: etree._Element | None) -> dict[str, str]:
    if custom is None:
        return {}
    found = {}
    for prop in custom.iter(_CUSTOM):
        value = next(iter(prop), None)
        if value is not None and value.tag.startswith(_VT):
            found[prop.get("name", "")] = value.text or ""
    return found
