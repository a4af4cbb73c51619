"""The DOCX writer: a `Document` in, an editable Word file out, styled and numbered live."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import TYPE_CHECKING, BinaryIO

import docx
from docx.oxml.ns import qn
from docx.oxml.parser import parse_xml
from lxml import etree

from reportgen import model
from reportgen.fontmetrics import VerticalMetrics, vertical_metrics
from reportgen.writers.docx import blocks, fontembed, package, page, settings, styles, tables, theme
from reportgen.writers.docx.fonts import Faces, Family
from reportgen.writers.docx.layout import Grid
from reportgen.writers.docx.numbering import Numbering
from reportgen.writers.docx.seal import Pictures
from reportgen.writers.options import WriteOptions

if TYPE_CHECKING:
    from reportgen.fontface import Face


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
    named = {family.name for family in faces.families()}
    families = faces.families() + [Family(face.family, regular=face)
                                   for face in dict.fromkeys(fallbacks.values())
                                   if face.family not in named]
    embedded = _embed(characters, families, named, faces.typed(), fallbacks) if bundled else {}
    renamed = {family.name: embedded[str((family.regular or family.bold).path)].family
               for family in families} if embedded else {}
    faces.rename(renamed)
    families = [replace(family, name=renamed.get(family.name, family.name))
                for family in families]
    drawn_by = {ch: renamed.get(face.family, face.family) for ch, face in fallbacks.items()}
    writer = blocks.Body(body, numbering, grid, template, options.fonts,
                         drawn_by.get if drawn_by else None, Pictures(word), options.deadline)
    writer.write(document.blocks)
    _replace(word.part.numbering_part, numbering.element())
    footer = page.FooterLine.of(template.page, _page_number_metrics(template, options))
    _replace(word.part._styles_part, styles.build(
        document, grid, faces, numbering, footer.height,
        tables.table_styles(writer.tables.styles, template, faces)))
    page.set_up(word, template.page, grid, footer, writer.masthead.header_distance)
    writer.sections.finish(word, template.page)
    package.write_font_table(word, families, embedded)
    package.tidy(word)
    content = etree.tostring(word.part.element) if options.reproducible else None
    package.set_settings(word, settings.element(
        language=document.metadata.language, tab_stop=grid.chars(2, grid.size_pt)[0],
        odd_and_even=page.odd_and_even(template.page), embed_fonts=bool(embedded),
        doc_id=settings.doc_id(content)))
    package.set_theme(word, theme.theme_xml(faces.name("body"), faces.name("heading1")))
    package.set_properties(word, document.metadata, options.reproducible)
    out.write(package.save(word))


def _page_number_metrics(template, options: WriteOptions) -> VerticalMetrics:
    """The metrics of the face the PDF prints page numbers with, and of the number's decoration
    (the dashes of — N —) that stands tallest in it."""
    face = options.fonts.resolve(template.role("page_number").faces)
    decoration = [ch for ch in template.page.page_number.format.replace("{n}", "")
                  if not ch.isspace()] or ["0"]
    return max((vertical_metrics(face.path, ch, face.index) for ch in decoration),
               key=lambda metrics: metrics.top)


def _replace(part, root) -> None:
    """Give an XML part a new root, parsed so python-docx's element classes apply."""
    part._element = parse_xml(etree.tostring(root))


def _embed(characters: set[str], families: list[Family], named: set[str], typed: set[Face],
           fallbacks: dict[str, Face]) -> dict[str, fontembed.EmbeddedFont]:
    """The embedded font of each bundled face, keyed by its path: a face editors type in
    (`typed`) with the document's characters and those an editor may type next, another face
    the styles name (the page numbers' Song) with the document's characters, a fallback face
    with just the characters it draws; the faces of one family share the name of their
    subsets."""
    out = {}
    for family in families:
        wanted = {}
        for face in (family.regular, family.bold):
            if face in typed:
                wanted[face] = characters | fontembed.likely_characters()
            elif face is not None and family.name in named:
                wanted[face] = characters
            elif face is not None:
                wanted[face] = {ch for ch, by in fallbacks.items() if by.family == family.name}
        name = fontembed.subset_family(family.name, set().union(*wanted.values()))
        for face, chars in wanted.items():
            out[str(face.path)] = fontembed.embed(face.path, chars, face.index, family=name)
    return out


def _text(document: model.Document) -> Iterator[str]:
    """Every character the document prints, numbers and fixed words included."""
    yield from "附件：抄送印发（）。0123456789" + document.template.page.page_number.format
    for block in document.walk():
        for text in model.block_texts(block):
            yield from text
