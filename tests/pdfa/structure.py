"""ISO 19005-2 6.1: file structure (header, trailer, cross-reference table, streams, objects),
and 6.5 / 6.2.10 (no actions that run code, no transparency), read from the file's bytes."""

from __future__ import annotations

import re

from pypdf.generic import ArrayObject, NameObject, StreamObject

from .document import Pdf, Violation

_EOL = rb"(?:\r\n|\r|\n)"
_FORBIDDEN_FILTERS = {"/LZWDecode", "/LZW", "/Crypt"}
_FORBIDDEN_ACTIONS = {"/Launch", "/Sound", "/Movie", "/ResetForm", "/ImportData", "/Hide",
                      "/SetOCGState", "/Rendition", "/Trans", "/GoTo3DView", "/JavaScript"}


def check_structure(pdf: Pdf) -> list[Violation]:
    return [*_header(pdf), *_trailer(pdf), *_xref(pdf), *_objects(pdf), *_streams(pdf),
            *_actions(pdf), *_transparency(pdf)]


def _header(pdf: Pdf) -> list[Violation]:
    """6.1.2: %PDF-1.n (n 0 to 7) at byte 0, an EOL, then a comment of four or more bytes
    above 127."""
    if not re.match(rb"%PDF-1\.[0-7]" + _EOL + rb"%[\x80-\xff]{4}", pdf.data):
        return [Violation("6.1.2", f"header is {pdf.data[:20]!r}")]
    return []


def _trailer(pdf: Pdf) -> list[Violation]:
    """6.1.3: the trailer has an /ID of two strings and no /Encrypt; nothing follows the last
    %%EOF but one optional EOL."""
    found = []
    ids = pdf.trailer.get("/ID")
    if not isinstance(ids, ArrayObject) or len(ids) != 2 or not all(
            len(bytes(getattr(i, "original_bytes", i))) for i in ids):
        found.append(Violation("6.1.3", f"trailer /ID is {ids!r}"))
    if "/Encrypt" in pdf.trailer:
        found.append(Violation("6.1.3", "trailer has /Encrypt"))
    if not re.search(rb"%%EOF" + _EOL + rb"?\Z", pdf.data):
        found.append(Violation("6.1.3", f"data after the last %%EOF: {pdf.data[-20:]!r}"))
    if not re.search(rb"startxref" + _EOL + rb"(\d+)" + _EOL + rb"%%EOF", pdf.data[-64:]):
        found.append(Violation("6.1.3", "no startxref offset before %%EOF"))
    return found


def _xref(pdf: Pdf) -> list[Violation]:
    """6.1.4: `xref` and each subsection header (two numbers, one space between) are each
    followed by an EOL; entries are 20 bytes."""
    found = []
    tables = [m.end() for m in re.finditer(rb"(?:^|[\r\n])xref", pdf.data)]
    if not tables:
        return [Violation("6.1.4", "no cross-reference table (a stream only is fine for PDF/A-2 "
                                   "but not what this checker reads)")]
    for start in tables:
        section = re.match(_EOL + rb"(\d+) (\d+)" + _EOL, pdf.data[start:start + 40])
        if section is None:
            found.append(Violation("6.1.4", f"bad xref subsection header at byte {start}"))
            continue
        entries = pdf.data[start + section.end():]
        for n in range(int(section.group(2))):
            if not re.fullmatch(rb"\d{10} \d{5} [nf](?: \r| \n|\r\n)", entries[20 * n:20 * n + 20]):
                found.append(Violation("6.1.4", f"xref entry {n} is not 20 bytes"))
                break
    return found


def _objects(pdf: Pdf) -> list[Violation]:
    """6.1.8 (indirect objects): `N G obj` with single spaces, each offset in the table
    pointing at its object."""
    found = []
    for number, offset in pdf.reader.xref.get(0, {}).items():
        if not re.match(rb"%d 0 obj" % number, pdf.data[offset:offset + 20]):
            found.append(Violation("6.1.8", f"object {number} does not start at its offset"))
    return found


def _streams(pdf: Pdf) -> list[Violation]:
    """6.1.7.1: `stream` followed by CRLF or LF, the data exactly /Length long, an EOL before
    `endstream`, no /F, /FFilter or /FDecodeParms; 6.1.7.2: no LZW or Crypt filter."""
    found = []
    for number, offset in pdf.reader.xref.get(0, {}).items():
        stream = pdf.objects.get(number)
        if not isinstance(stream, StreamObject):
            continue
        keyword = pdf.data.find(b"stream", offset)
        start = re.match(rb"stream(\r\n|\n)", pdf.data[keyword:keyword + 8])
        if start is None:
            found.append(Violation("6.1.7.1", f"object {number}: no CRLF or LF after stream"))
            continue
        length = re.search(rb"/Length\s+(\d+)(\s+0\s+R)?", pdf.data[offset:keyword])
        if length is None:
            found.append(Violation("6.1.7.1", f"object {number}: stream without /Length"))
            continue
        size = int(pdf.objects[int(length.group(1))]) if length.group(2) else \
            int(length.group(1))
        end = keyword + start.end() + size
        if not re.match(_EOL + rb"endstream", pdf.data[end:end + 12]):
            found.append(Violation("6.1.7.1", f"object {number}: /Length does not end at an EOL "
                                              "before endstream"))
        for key in ("/F", "/FFilter", "/FDecodeParms"):
            if key in stream:
                found.append(Violation("6.1.7.1", f"object {number}: stream has {key}"))
        filters = stream.get("/Filter")
        names = [filters] if isinstance(filters, NameObject) else list(filters or [])
        if _FORBIDDEN_FILTERS.intersection(str(n) for n in names):
            found.append(Violation("6.1.7.2", f"object {number}: filter {names}"))
    return found


def _actions(pdf: Pdf) -> list[Violation]:
    """6.5.1: no JavaScript or other forbidden action anywhere, no /AA additional actions, no
    JavaScript name tree."""
    found = []
    names = pdf.catalog.get("/Names")
    if names is not None and "/JavaScript" in names.get_object():
        found.append(Violation("6.5.1", "catalog has a JavaScript name tree"))
    for number, obj in pdf.dictionaries:
        if obj.get("/S") in _FORBIDDEN_ACTIONS:
            found.append(Violation("6.5.1", f"object {number} is a {obj['/S']} action"))
        if "/AA" in obj:
            found.append(Violation("6.5.2", f"object {number} has additional actions /AA"))
        if "/JS" in obj:
            found.append(Violation("6.5.1", f"object {number} holds JavaScript"))
    return found


def _transparency(pdf: Pdf) -> list[Violation]:
    """6.2.10 (as reportgen promises none): no soft mask, constant alpha below 1, blend mode
    other than Normal, or transparency group anywhere."""
    found = []
    for number, obj in pdf.dictionaries:
        mask = obj.get("/SMask")
        if mask is not None and mask != "/None":
            found.append(Violation("6.2.10", f"object {number} has a soft mask"))
        for key in ("/CA", "/ca"):
            if key in obj and float(obj[key]) != 1.0:
                found.append(Violation("6.2.10", f"object {number}: {key} {obj[key]}"))
        if obj.get("/BM") not in (None, "/Normal", "/Compatible"):
            found.append(Violation("6.2.10", f"object {number}: blend mode {obj['/BM']}"))
        group = obj.get("/Group")
        if group is not None and group.get_object().get("/S") == "/Transparency":
            found.append(Violation("6.2.10", f"object {number} has a transparency group"))
    return found
