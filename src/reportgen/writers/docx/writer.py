"""The DOCX writer: a `Document` in, an editable Word file out, styled and numbered live."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, BinaryIO

import docx
from docx.oxml.ns import qn
from docx.oxml.parser import parse_xml
from lxml import etree

from reportgen import model
from reportgen.writers.docx import blocks, fontembed, package, page, styles, tables
from reportgen.writers.docx.fonts import Faces, Family
from reportgen.writers.docx.layout import Grid
from reportgen.writers.docx.numbering import Numbering
from reportgen.writers.docx.seal import Pictures
from reportgen.writers.options import WriteOptions

if TYPE_CHECKING:
    from reportgen.fontset import Face


def write(document: model.Document, options: WriteOptions, out: BinaryIO) -> None:
    """Write `document` as DOCX to `out`, with the font profile chosen in `options`."""
    template = document.template
    grid = Grid(template.page, template.role("body").size_pt)
    faces = Faces(template, options)
    numbering = Numbering(template, grid)
    word = docx.Document()
    package.clean(word)
    body = word.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    bundled = options.docx_fonts == "bundled"
    characters = set(_text(document)) if bundled else set()
    fallbacks = faces.fallbacks(characters, options.fonts) if bundled else {}
    writer = blocks.Body(body, numbering, grid, template, options.fonts,
                         _family_of(fallbacks) if fallbacks else None, Pictures(word))
    writer.write(document.blocks)
    _replace(word.part.numbering_part, numbering.element())
    _replace(word.part._styles_part, styles.build(
        document, grid, faces, numbering.main.num_id,
        tables.table_styles(writer.tables.styles, template, faces)))
    head = template.head
    page.set_up(word, template.page, grid,
                head.mark_top_mm if head.layout == "letter" else page.HEADER_MM)
    writer.sections.finish(word, template.page)
    named = {family.name for family in faces.families()}
    families = faces.families() + [Family(face.family, regular=face)
                                   for face in dict.fromkeys(fallbacks.values())
                                   if face.family not in named]
    embedded = _embed(characters, faces.families(), fallbacks) if bundled else {}
    package.write_font_table(word, families, embedded)
    package.set_settings(word, language=document.metadata.language,
                         embed_fonts=bool(embedded))
    package.set_properties(word, document.metadata, options.reproducible)
    out.write(package.save(word))


def _replace(part, root) -> None:
    """Give an XML part a new root, parsed so python-docx's element classes apply."""
    part._element = parse_xml(etree.tostring(root))


def _family_of(fallbacks: dict[str, Face]):
    return lambda ch: fallbacks[ch].family if ch in fallbacks else None


def _embed(characters: set[str], named: list[Family],
           fallbacks: dict[str, Face]) -> dict[str, fontembed.EmbeddedFont]:
    """The embedded font of each bundled face, keyed by its path: a named face with the
    document's characters and those an editor may type next, a fallback face with just the
    characters it draws."""
    out = {}
    for family in named:
        for face in (family.regular, family.bold):
            if face is not None and str(face.path) not in out:
                out[str(face.path)] = fontembed.embed(face.path, characters, face.index)
    for face in dict.fromkeys(fallbacks.values()):
        if str(face.path) not in out:  # a named face already holds every character
            drawn = {ch for ch, f in fallbacks.items() if f == face}
            out[str(face.path)] = fontembed.embed(face.path, drawn, face.index, likely=False)
    return out


def _text(document: model.Document) -> Iterator[str]:
    """Every character the document prints, numbers and fixed words included."""
    yield from "附件：抄送印发（）。0123456789" + document.template.page.page_number.format
    for block in document.walk():
        for text in model.block_texts(block):
            yield from text
