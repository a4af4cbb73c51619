"""A DOCX's custom document properties (docProps/custom.xml): read, and written keeping the
properties other programs put there (WPS adds its own)."""

from __future__ import annotations

NS_CUSTOM = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
NS_VT = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
FMTID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"


def read(raw: bytes) -> dict[str, str]:
    """The text properties of a custom.xml part, by name (empty if it cannot be read)."""
    if not raw:
        return {}
    from lxml import etree  # imported by the DOCX writer anyway; not by a PDF-only build

    try:
        root = etree.fromstring(raw, parser=_parser())
    except etree.XMLSyntaxError:
        return {}
    return {p.get("name", ""): "".join(p.itertext())
            for p in root.iter(f"{{{NS_CUSTOM}}}property")}


def _parser():
    from lxml import etree

    return etree.XMLParser(resolve_entities=False, no_network=True)


def written(values: dict[str, str], keep: bytes | None = None) -> bytes:
    """A custom.xml part holding `values` as text properties (a new one written
    `<property fmtid=… pid=… name=…>`), and the other properties of `keep`, the part as it
    was, as they were."""
    from lxml import etree

    root = etree.fromstring(keep, parser=_parser()) if keep else etree.Element(
        f"{{{NS_CUSTOM}}}Properties", nsmap={None: NS_CUSTOM, "vt": NS_VT})
    by_name = {p.get("name"): p for p in root.iter(f"{{{NS_CUSTOM}}}property")}
    pid = max((int(p.get("pid", "1")) for p in by_name.values() if p.get("pid", "").isdigit()),
              default=1)
    for name, value in values.items():
        prop = by_name.get(name)
        if prop is None:
            pid += 1
            prop = etree.SubElement(root, f"{{{NS_CUSTOM}}}property", fmtid=FMTID,
                                    pid=str(pid), name=name)
        for child in list(prop):
            prop.remove(child)
        etree.SubElement(prop, f"{{{NS_VT}}}lpwstr").text = value
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
