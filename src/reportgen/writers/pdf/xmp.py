"""XMP metadata (ISO 16684-1) for a PDF/A: the document's properties as RDF/XML.

Every property comes from the same `Properties` as the Info dictionary, in the XMP property that
ISO 19005-2 6.6.2.3.1 pairs with each Info entry (Title → dc:title, Author → dc:creator,
Subject → dc:description, Keywords → pdf:Keywords, Creator → xmp:CreatorTool, Producer →
pdf:Producer, CreationDate → xmp:CreateDate, ModDate → xmp:ModifyDate), plus the PDF/A
identification (pdfaid:part, pdfaid:conformance). Only properties of schemas that PDF/A
predefines are written (Dublin Core, XMP basic, Adobe PDF, PDF/A identification), so no
extension schema is needed (6.6.2.3.2).
"""

from __future__ import annotations

import datetime as _dt

from reportgen.writers.pdf.docinfo import Properties
from reportgen.xmlchars import escaped

NAMESPACES = {
    "dc": "http://purl.org/dc/elements/1.1/",
    "xmp": "http://ns.adobe.com/xap/1.0/",
    "pdf": "http://ns.adobe.com/pdf/1.3/",
    "pdfaid": "http://www.aiim.org/pdfa/ns/id/",
}
_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
# The packet wrapper of XMP (ISO 16684-1 7.3); PDF/A forbids its bytes and encoding attributes.
_BEGIN = '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>'
_END = '<?xpacket end="w"?>'
_PADDING = (" " * 99 + "\n") * 20  # room for a later editor to grow the packet in place


def xmp_date(date: _dt.datetime) -> str:
    """`date` as an XMP date (ISO 8601 with its offset): 2026-01-26T00:00:00+08:00."""
    return date.isoformat(timespec="seconds")


def packet(properties: Properties, part: int, conformance: str) -> bytes:
    """The XMP packet, UTF-8, for a PDF/A-`part` file of level `conformance` (A, B or U)."""
    p = properties
    date = xmp_date(p.date)
    fields = [
        _simple("dc:format", "application/pdf"),
        _alt("dc:title", p.title) if p.title else "",
        _array("dc:creator", "Seq", [p.author]) if p.author else "",
        _alt("dc:description", p.subject) if p.subject else "",
        _array("dc:subject", "Bag", p.keywords) if p.keywords else "",
        _array("dc:language", "Bag", [p.language]) if p.language else "",
        _simple("xmp:CreatorTool", p.creator) if p.creator else "",
        _simple("xmp:CreateDate", date),
        _simple("xmp:ModifyDate", date),
        _simple("xmp:MetadataDate", date),
        _simple("pdf:Producer", p.producer) if p.producer else "",
        _simple("pdf:Keywords", p.keyword_text) if p.keywords else "",
        _simple("pdfaid:part", str(part)),
        _simple("pdfaid:conformance", conformance),
    ]
    declarations = "".join(f'\n    xmlns:{prefix}="{uri}"' for prefix, uri in NAMESPACES.items())
    body = "".join(field for field in fields if field)
    text = (f'{_BEGIN}\n<x:xmpmeta xmlns:x="adobe:ns:meta/">\n'
            f' <rdf:RDF xmlns:rdf="{_RDF}">\n'
            f'  <rdf:Description rdf:about=""{declarations}>\n{body}'
            f'  </rdf:Description>\n </rdf:RDF>\n</x:xmpmeta>\n{_PADDING}{_END}')
    return text.encode("utf-8")


def _simple(name: str, value: str) -> str:
    return f"   <{name}>{escaped(value)}</{name}>\n"


def _alt(name: str, value: str) -> str:
    """A language alternative with the one default entry."""
    return (f'   <{name}><rdf:Alt><rdf:li xml:lang="x-default">{escaped(value)}</rdf:li>'
            f"</rdf:Alt></{name}>\n")


def _array(name: str, kind: str, values) -> str:
    items = "".join(f"<rdf:li>{escaped(v)}</rdf:li>" for v in values)
    return f"   <{name}><rdf:{kind}>{items}</rdf:{kind}></{name}>\n"
