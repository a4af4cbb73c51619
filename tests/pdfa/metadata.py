"""ISO 19005-2 6.6: XMP metadata. The stream is unfiltered, its packet well-formed RDF with
the right namespaces and value types, every property in a predefined schema or one described by
an extension schema, the PDF/A identification present, and every Info entry equal to its XMP
counterpart."""

from __future__ import annotations

import datetime as _dt
import re
import xml.etree.ElementTree as ET

from .document import Pdf, Violation

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
DC = "http://purl.org/dc/elements/1.1/"
XMP = "http://ns.adobe.com/xap/1.0/"
PDF = "http://ns.adobe.com/pdf/1.3/"
PDFAID = "http://www.aiim.org/pdfa/ns/id/"
PDFA_EXTENSION = "http://www.aiim.org/pdfa/ns/extension/"
PDFA_SCHEMA = "http://www.aiim.org/pdfa/ns/schema#"
# Schemas of the XMP Specification 2005 that PDF/A-2 predefines (6.6.2.3.2), with PDF/A's own.
PREDEFINED = {DC, XMP, PDF, PDFAID, PDFA_EXTENSION,
              "http://ns.adobe.com/xap/1.0/rights/", "http://ns.adobe.com/xap/1.0/mm/",
              "http://ns.adobe.com/xap/1.0/bj/", "http://ns.adobe.com/xap/1.0/t/pg/",
              "http://ns.adobe.com/xmp/1.0/DynamicMedia/", "http://ns.adobe.com/photoshop/1.0/",
              "http://ns.adobe.com/tiff/1.0/", "http://ns.adobe.com/exif/1.0/",
              "http://ns.adobe.com/exif/1.0/aux/", "http://ns.adobe.com/camera-raw-settings/1.0/"}
# The value type of the Dublin Core properties PDF/A pairs with Info entries, and of dc:subject.
_CONTAINERS = {"title": "Alt", "description": "Alt", "creator": "Seq", "subject": "Bag",
               "language": "Bag"}
# Info entry → (namespace, property) of its XMP counterpart (6.6.2.3.1, Table 1).
EQUIVALENT = {"/Title": (DC, "title"), "/Author": (DC, "creator"),
              "/Subject": (DC, "description"), "/Keywords": (PDF, "Keywords"),
              "/Creator": (XMP, "CreatorTool"), "/Producer": (PDF, "Producer"),
              "/CreationDate": (XMP, "CreateDate"), "/ModDate": (XMP, "ModifyDate")}


def check_metadata(pdf: Pdf, part: int, conformance: str) -> list[Violation]:
    stream = pdf.catalog.get("/Metadata")
    if stream is None:
        return [Violation("6.6.2.1", "the catalog has no /Metadata")]
    stream = stream.get_object()
    found = []
    if stream.get("/Type") != "/Metadata" or stream.get("/Subtype") != "/XML":
        found.append(Violation("6.6.2.1", "metadata stream is not /Type /Metadata /Subtype /XML"))
    if "/Filter" in stream:
        found.append(Violation("6.6.2.1", "metadata stream is filtered"))
    data = stream.get_data()
    header = re.match(rb"(?:\xef\xbb\xbf)?<\?xpacket ([^?]*)\?>", data)
    if header is None or re.search(rb"\b(bytes|encoding)=", header.group(1)):
        found.append(Violation("6.6.2.1", "the packet header is missing or has bytes= or "
                                          "encoding="))
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        return [*found, Violation("6.6.2.3.1", f"XMP is not well-formed XML: {exc}")]
    properties, problems = read_properties(root)
    found += problems
    found += _identification(properties, part, conformance)
    found += _agreement(pdf, properties)
    return found


def read_properties(root: ET.Element) -> tuple[dict[tuple[str, str], object], list[Violation]]:
    """(namespace, name) → value of every property of every rdf:Description: text, a list for
    Seq and Bag, a dict by xml:lang for Alt; with the violations of the RDF's form."""
    rdf = root if root.tag == f"{{{RDF}}}RDF" else root.find(f"{{{RDF}}}RDF")
    if rdf is None:
        return {}, [Violation("6.6.2.3.1", "no rdf:RDF element")]
    properties: dict[tuple[str, str], object] = {}
    problems = []
    described = _extension_namespaces(rdf)
    for description in rdf.findall(f"{{{RDF}}}Description"):
        items = [(name, value) for name, value in description.attrib.items()
                 if not name.startswith(f"{{{RDF}}}")]
        items += [(child.tag, child) for child in description]
        for tag, value in items:
            namespace, _, name = tag[1:].partition("}")
            if namespace not in PREDEFINED and namespace not in described:
                problems.append(Violation("6.6.2.3.3", f"{name} of {namespace} is neither "
                                                       "predefined nor in an extension schema"))
            properties[namespace, name] = _value(value)
            wanted = _CONTAINERS.get(name) if namespace == DC else None
            if wanted and (isinstance(value, str) or value.find(f"{{{RDF}}}{wanted}") is None):
                problems.append(Violation("6.6.2.3.1", f"dc:{name} is not an rdf:{wanted}"))
    return properties, problems


def _extension_namespaces(rdf: ET.Element) -> set[str]:
    """The namespace URIs that pdfaExtension:schemas describes."""
    return {e.text.strip() for e in rdf.iter(f"{{{PDFA_SCHEMA}}}namespaceURI") if e.text}


def _value(value) -> object:
    if isinstance(value, str):
        return value
    for kind in ("Seq", "Bag"):
        container = value.find(f"{{{RDF}}}{kind}")
        if container is not None:
            return [li.text or "" for li in container.findall(f"{{{RDF}}}li")]
    alt = value.find(f"{{{RDF}}}Alt")
    if alt is not None:
        return {li.get(XML_LANG): li.text or "" for li in alt.findall(f"{{{RDF}}}li")}
    return value.text or ""


def _identification(properties: dict, part: int, conformance: str) -> list[Violation]:
    """6.6.4: pdfaid:part and pdfaid:conformance name the part and level the file claims."""
    claimed = (properties.get((PDFAID, "part")), properties.get((PDFAID, "conformance")))
    if claimed != (str(part), conformance):
        return [Violation("6.6.4", f"pdfaid part/conformance {claimed}, "
                                   f"expected {(str(part), conformance)}")]
    return []


def _agreement(pdf: Pdf, properties: dict) -> list[Violation]:
    """6.6.2.3.1: each entry of the Info dictionary equals its XMP counterpart."""
    found = []
    for key, prop in EQUIVALENT.items():
        if key not in pdf.info:
            continue
        info = str(pdf.info[key])
        xmp = properties.get(prop)
        if isinstance(xmp, dict):
            xmp = xmp.get("x-default")
        elif isinstance(xmp, list):
            xmp = xmp[0] if len(xmp) == 1 else xmp
        same = (_pdf_date(info) == _xmp_date(xmp)) if key.endswith("Date") and xmp else \
            info == xmp
        if not same:
            found.append(Violation("6.6.2.3.1", f"Info {key} {info!r} but XMP {prop[1]} {xmp!r}"))
    return found


def _pdf_date(text: str) -> _dt.datetime | None:
    match = re.fullmatch(r"D:(\d{14})(?:([+-])(\d\d)'(\d\d)'?|Z)?", text)
    if match is None:
        return None
    sign, hours, minutes = match.group(2), match.group(3) or "0", match.group(4) or "0"
    offset = _dt.timedelta(hours=int(hours), minutes=int(minutes)) * (-1 if sign == "-" else 1)
    return _dt.datetime.strptime(match.group(1), "%Y%m%d%H%M%S").replace(
        tzinfo=_dt.timezone(offset))


def _xmp_date(text) -> _dt.datetime | None:
    try:
        return _dt.datetime.fromisoformat(str(text).replace("Z", "+00:00"))
    except ValueError:
        return None
