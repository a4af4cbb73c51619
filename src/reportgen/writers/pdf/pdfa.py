"""PDF/A (ISO 19005-2 and -3, level U): what a plain reportgen PDF lacks, added to its catalog.

The rest of the file is already as PDF/A wants it (fonts embedded with ToUnicode maps, no
transparency, encryption, JavaScript or LZW, a document /ID, /Lang); see README, PDF/A. Here:
the XMP metadata stream (6.6.2), the sRGB output intent (6.2.3), and for PDF/A-3 the associated
files (ISO 19005-3 6.8): embedded file streams with their MIME type and /Params, file
specifications with /AFRelationship, listed in the catalog's /AF and /EmbeddedFiles name tree.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from reportlab.pdfbase import pdfdoc

from reportgen.writers.options import Attachment
from reportgen.writers.pdf.docinfo import Properties, pdf_date
from reportgen.writers.pdf.xmp import packet

ICC_PROFILE = Path(__file__).with_name("icc") / "sRGB.icc"
OUTPUT_CONDITION = "sRGB IEC61966-2.1"
PDF_VERSION = (1, 7)  # the version PDF/A-2 and PDF/A-3 are based on (ISO 32000-1)


def conform(doc: pdfdoc.PDFDocument, level: str, properties: Properties,
            attachments: tuple[Attachment, ...]) -> None:
    """Make `doc` a PDF/A of `level` (`2u` or `3u`); `attachments` only go into a PDF/A-3."""
    part, conformance = int(level[0]), level[1:].upper()
    catalog = doc.Catalog
    inline = ["OutputIntents"]
    catalog.Metadata = _stream({"Type": pdfdoc.PDFName("Metadata"),
                                "Subtype": pdfdoc.PDFName("XML")},
                               packet(properties, part, conformance), compress=False)
    catalog.OutputIntents = pdfdoc.PDFArray([_output_intent()])
    if part == 3 and attachments:
        specs = [(a.name, doc.Reference(_file_spec(a, properties))) for a in attachments]
        catalog.Names = pdfdoc.PDFDictionary({"EmbeddedFiles": pdfdoc.PDFDictionary({
            "Names": pdfdoc.PDFArray([item for name, ref in sorted(specs, key=_name_key)
                                      for item in (pdfdoc.PDFString(name), ref)])})})
        catalog.AF = pdfdoc.PDFArray([ref for _, ref in specs])
        inline.append("AF")
    # reportlab writes only the catalog entries it knows of; these two go in as they are
    catalog.__NoDefault__ = [*type(catalog).__NoDefault__, *inline]


def _output_intent() -> pdfdoc.PDFDictionary:
    profile = _stream({"N": 3}, ICC_PROFILE.read_bytes(), compress=True)
    return pdfdoc.PDFDictionary({
        "Type": pdfdoc.PDFName("OutputIntent"),
        "S": pdfdoc.PDFName("GTS_PDFA1"),
        "OutputConditionIdentifier": pdfdoc.PDFString(OUTPUT_CONDITION),
        "RegistryName": pdfdoc.PDFString("http://www.color.org"),
        "Info": pdfdoc.PDFString(OUTPUT_CONDITION),
        "DestOutputProfile": profile,
    })


def _file_spec(attachment: Attachment, properties: Properties) -> pdfdoc.PDFDictionary:
    """The file specification of an associated file, its embedded file stream inside."""
    data = attachment.data
    stream = _stream({
        "Type": pdfdoc.PDFName("EmbeddedFile"),
        "Subtype": _mime_name(attachment.mime),
        "Params": pdfdoc.PDFDictionary({
            "ModDate": pdfdoc.PDFString(pdf_date(properties.date)),
            "Size": len(data),
            "CheckSum": pdfdoc.PDFText(hashlib.md5(data, usedforsecurity=False).digest()),
        }),
    }, data, compress=True)
    name = pdfdoc.PDFString(attachment.name)
    return pdfdoc.PDFDictionary({
        "Type": pdfdoc.PDFName("Filespec"),
        "F": name,
        "UF": name,
        "Desc": pdfdoc.PDFString(attachment.description),
        "AFRelationship": pdfdoc.PDFName(attachment.relationship),
        "EF": pdfdoc.PDFDictionary({"F": stream, "UF": stream}),
    })


def _stream(entries: dict, data: bytes, *, compress: bool) -> pdfdoc.PDFStream:
    return pdfdoc.PDFStream(pdfdoc.PDFDictionary(entries), data,
                            [pdfdoc.PDFZCompress] if compress else [])


def _mime_name(mime: str) -> str:
    """A MIME type as a PDF name: `/application#2Fyaml` (a name cannot hold `/` itself;
    reportlab's PDFName leaves it unescaped)."""
    return "/" + "".join(c if c.isalnum() or c in "-.+_" else f"#{ord(c):02X}" for c in mime)


def _name_key(item: tuple[str, object]) -> bytes:
    """A name tree's keys are in the order of their bytes (ISO 32000-1 7.9.6), as written:
    PDFDocEncoding where it suffices, UTF-16BE with its byte order mark otherwise."""
    try:
        return item[0].encode("pdfdoc")
    except UnicodeEncodeError:
        return b"\xfe\xff" + item[0].encode("utf-16-be")
