"""The package around the text: properties, settings, theme, fonts part, and a zip that repeats
exactly.

python-docx starts from a template of its own; what it leaves behind goes: its name as author, a
thumbnail, Word 2010 style effects, web settings, bibliography custom XML, the namespaces of Mac
Word 2008 on every root, revision ids (rsids), its settings and its theme.
"""

from __future__ import annotations

import datetime as _dt
import io
import zipfile

import docx.document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from lxml import etree

from reportgen.model import Metadata
from reportgen.writers.docx import oxml
from reportgen.writers.docx.fontembed import CONTENT_TYPE, RELATIONSHIP, EmbeddedFont
from reportgen.writers.docx.fonts import Family

_LEFTOVERS = (RT.CUSTOM_XML, "http://schemas.microsoft.com/office/2007/relationships/"
                             "stylesWithEffects", RT.THUMBNAIL, RT.WEB_SETTINGS)

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_FIXED_TIME = _dt.datetime(2000, 1, 1, tzinfo=_dt.UTC)
ZIP_TIME = (1980, 1, 1, 0, 0, 0)

_APP_XML = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
            'extended-properties"><Application>reportgen</Application>'
            '<DocSecurity>0</DocSecurity></Properties>')


def clean(document: docx.document.Document) -> None:
    """Drop the default template's parts that say nothing about this document."""
    for owner in (document.part.package, document.part):
        for rid, rel in list(owner.rels.items()):
            if rel.reltype in _LEFTOVERS:
                _drop(owner.rels, rid)
    app = document.part.package.part_related_by(RT.EXTENDED_PROPERTIES)
    app._blob = _APP_XML.encode()


def _drop(rels, rid: str) -> None:
    del rels[rid]
    rels.related_parts.pop(rid, None)


_LONGEST = 255


def set_properties(document: docx.document.Document, metadata: Metadata,
                   reproducible: bool) -> None:
    """Core properties from the metadata; with `reproducible`, no clock time anywhere. Each
    text property holds at most 255 characters (python-docx refuses more; a long title is cut
    there, as Word shows it in a line anyway)."""
    props = document.core_properties
    props.title = metadata.title[:_LONGEST]
    props.author = metadata.author[:_LONGEST]
    props.subject = metadata.subject[:_LONGEST]
    props.keywords = ", ".join(metadata.keywords)[:_LONGEST]
    props.language = metadata.language
    props.comments = ""
    props.category = ""
    props.last_modified_by = metadata.author
    props.revision = 1
    created = (_dt.datetime.combine(metadata.date, _dt.time(), _dt.UTC)
               if metadata.date else _FIXED_TIME if reproducible else _now())
    props.created = created
    props.modified = created if reproducible else max(created, _now())


def _now() -> _dt.datetime:
    return _dt.datetime.now(_dt.UTC).replace(microsecond=0)


def set_settings(document: docx.document.Document, root: oxml.Element) -> None:
    """Replace settings.xml with `root` (see `settings.element`)."""
    document.part.part_related_by(RT.SETTINGS)._element = root


def set_theme(document: docx.document.Document, xml: bytes) -> None:
    """Replace the theme part's content with `xml` (see `theme.theme_xml`)."""
    document.part.part_related_by(RT.THEME)._blob = xml


def tidy(document: docx.document.Document) -> None:
    """Give the main document and the footers roots that declare only the namespaces they use
    (w, r), and drop revision ids (`w:rsid…`), which say nothing about a file no one edited."""
    parts = [document.part] + [rel.target_part for rel in document.part.rels.values()
                                if rel.reltype == RT.FOOTER]
    for part in parts:
        old = part._element
        root = oxml.el_with_namespaces(old.tag.replace(f"{{{_W}}}", "w:"), ("w", "r"))
        root.extend(list(old))
        for node in root.iter():
            for name in [n for n in node.attrib if n.startswith(f"{{{_W}}}rsid")]:
                del node.attrib[name]
        part._element = root


def write_font_table(document: docx.document.Document, families: list[Family],
                     embedded: dict[str, EmbeddedFont]) -> None:
    """fontTable.xml naming `families`; faces in `embedded` (by path) become font parts."""
    table_part = document.part.part_related_by(RT.FONT_TABLE)
    for rid in list(table_part.rels):
        _drop(table_part.rels, rid)
    count = 0

    def relate(face) -> tuple[str, str] | None:
        nonlocal count
        font = embedded.get(str(face.path)) if face is not None else None
        if font is None:
            return None
        count += 1
        part = Part(PackURI(f"/word/fonts/font{count}.odttf"), CONTENT_TYPE, font.data,
                    document.part.package)
        return table_part.relate_to(part, RELATIONSHIP), font.key

    root = oxml.fonts(*(oxml.font(family.name, alt_name=family.alt_name,
                                  regular=relate(family.regular), bold=relate(family.bold))
                        for family in families))
    table_part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8",
                                      standalone=True)


def save(document: docx.document.Document) -> bytes:
    """The DOCX bytes, every zip entry dated the same so equal input gives equal bytes."""
    raw = io.BytesIO()
    document.save(raw)
    out = io.BytesIO()
    with zipfile.ZipFile(raw) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(entry, source.read(info))
    return out.getvalue()
