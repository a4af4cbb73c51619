"""Is a DOCX valid for Word? Its XML parts against the ISO/IEC 29500 transitional schemas, and
the whole package through `openxml-audit`, a port of the Open XML SDK's validator.

The schemas (`tests/fixtures/ooxml-schemas`, see PROVENANCE.md there) know nothing of
Microsoft's extensions, so each part first goes through Markup Compatibility processing as an
ISO/IEC 29500 consumer does it: what belongs to a namespace listed in `mc:Ignorable` is dropped.
`openxml-audit` then checks those extensions (`w14:docId`) against Office's own schemas, and the
package: content types, relationships and core properties, which the schemas here do not cover.

Each file's findings are kept by the digest of its bytes: the tests write the same document
many times over, and each is checked once.
"""

from __future__ import annotations

import hashlib
import io
import zipfile
from functools import cache
from pathlib import Path

from lxml import etree

SCHEMAS = Path(__file__).resolve().parents[1] / "fixtures" / "ooxml-schemas"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_VALIDATED = {  # root namespace of a part: the schema that declares it
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main": "wml.xsd",
    "http://schemas.openxmlformats.org/drawingml/2006/main": "dml-main.xsd",
    "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties":
        "shared-documentPropertiesExtended.xsd",
    "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties":
        "shared-documentPropertiesCustom.xsd",
}
_NOT_VALIDATED = ("[Content_Types].xml", "docProps/core.xml")
"""Package parts of the Open Packaging Conventions (ECMA-376 Part 2), whose schemas are not
here; `openxml-audit` checks them, and relationship parts (`.rels`)."""

_findings: dict[str, list[str]] = {}


def problems(path: Path) -> list[str]:
    """Everything the schemas and `openxml-audit` find wrong with the DOCX at `path`."""
    data = path.read_bytes()
    key = hashlib.sha256(data).hexdigest()
    if key not in _findings:
        _findings[key] = schema_problems(data) + audit_problems(path)
    return _findings[key]


def schema_problems(data: bytes) -> list[str]:
    """Schema errors in the XML parts of the DOCX `data`, one line each, part name first."""
    found = []
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        for name in package.namelist():
            if not name.endswith(".xml") or name in _NOT_VALIDATED:
                continue
            root = etree.fromstring(package.read(name))
            if etree.QName(root).namespace not in _VALIDATED:
                found.append(f"{name}: no schema for <{root.tag}>")
                continue
            schema = _schema()
            if not schema.validate(_compatible(root)):
                found += [f"{name}: {e.path}: {e.message}" for e in schema.error_log]
    return list(dict.fromkeys(found))


def audit_problems(path: Path) -> list[str]:
    """What `openxml-audit` (Office 2010 rules, the oldest Word reportgen targets) finds."""
    result = _auditor().validate(path)
    return [f"openxml-audit: {error}" for error in result.errors]


def _compatible(root: etree._Element) -> etree._Element:
    """A copy of `root` as an ISO/IEC 29500 consumer reads it (ECMA-376 Part 3): elements and
    attributes of the namespaces that `mc:Ignorable` lists, and that attribute, removed."""
    root = etree.fromstring(etree.tostring(root))
    ignorable: set[str] = set()
    for node in root.iter(etree.Element):
        prefixes = node.attrib.pop(f"{{{MC}}}Ignorable", "")
        ignorable |= {node.nsmap[prefix] for prefix in prefixes.split()}
    for node in list(root.iter(etree.Element)):
        if etree.QName(node).namespace in ignorable:
            node.getparent().remove(node)
            continue
        for name in [n for n in node.attrib if etree.QName(n).namespace in ignorable]:
            del node.attrib[name]
    return root


@cache
def _schema() -> etree.XMLSchema:
    """One schema importing every namespace a DOCX part of ours may have at its root."""
    folder = SCHEMAS / "ISO-IEC29500-4_2016"
    imports = "".join(f'<xsd:import namespace="{ns}" schemaLocation="{(folder / xsd).as_uri()}"/>'
                      for ns, xsd in _VALIDATED.items())
    driver = f'<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema">{imports}</xsd:schema>'
    return etree.XMLSchema(etree.fromstring(driver.encode()))


@cache
def _auditor():
    from openxml_audit.errors import FileFormat
    from openxml_audit.validator import OpenXmlValidator

    return OpenXmlValidator(file_format=FileFormat.OFFICE_2010)
