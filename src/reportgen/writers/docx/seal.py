"""Seals in the DOCX: the picture parts, and a picture anchored behind the 落款 (GB/T 9704
7.3.5.1), which Word and LibreOffice keep where it is put as the text around it changes."""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml.ns import nsdecls
from docx.oxml.parser import parse_xml

from reportgen import model
from reportgen.writers.docx import oxml
from reportgen.xmlchars import quoted_attribute

if TYPE_CHECKING:
    import docx.document

EMU_PER_TWIP = 635
SVG_EXTENSION = "{96DAC541-7B7A-43D3-8B79-37D633B846F1}"
"""The `a:ext` of an SVG picture (Office 2016): Word draws the SVG, older readers the PNG."""


class Pictures:
    """Pictures and first-page parts of the package being written."""

    def __init__(self, document: docx.document.Document) -> None:
        self._document = document
        self._count = 0

    def add(self, seal: model.Seal) -> tuple[str, str | None, int]:
        """Relationship ids of the seal's PNG and SVG (or None), and a new drawing id."""
        part = self._document.part
        png_id, _ = part.get_or_add_image(io.BytesIO(seal.png))
        svg_id = None
        if seal.svg is not None:
            self._count += 1
            svg = Part(PackURI(f"/word/media/seal{self._count}.svg"), "image/svg+xml",
                       seal.svg, part.package)
            svg_id = part.relate_to(svg, RT.IMAGE)
        self._count += 1
        return png_id, svg_id, self._count

    def first_page(self) -> tuple[oxml.Element, oxml.Element]:
        """The first page's own header and footer (emptied), used instead of the others."""
        section = self._document.sections[0]
        section.different_first_page_header_footer = True
        parts = []
        for story in (section.first_page_header, section.first_page_footer):
            story.is_linked_to_previous = False
            element = story._element
            for child in list(element):
                element.remove(child)
            parts.append(element)
        return parts[0], parts[1]


def anchor(pictures: Pictures | None, seal: model.Seal, x: int, y: int) -> oxml.Element:
    """A run holding the seal as a picture behind the text, `x` twips from the left margin
    and `y` twips below the top of its paragraph."""
    if pictures is None:
        return oxml.el("w:r")
    png_id, svg_id, number = pictures.add(seal)
    cx = round(seal.width_mm * 36000)
    cy = round(seal.height_mm * 36000)
    svg = (f'<a:extLst><a:ext uri="{SVG_EXTENSION}"><asvg:svgBlip xmlns:asvg='
           '"http://schemas.microsoft.com/office/drawing/2016/SVG/main" '
           f'r:embed="{svg_id}"/></a:ext></a:extLst>') if svg_id else ""
    name = quoted_attribute(seal.name)
    xml = (
        f'<w:r {nsdecls("w", "wp", "a", "pic", "r")}><w:drawing>'
        '<wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" '
        f'relativeHeight="{number}" behindDoc="1" locked="0" layoutInCell="1" '
        'allowOverlap="1"><wp:simplePos x="0" y="0"/>'
        f'<wp:positionH relativeFrom="margin"><wp:posOffset>{x * EMU_PER_TWIP}'
        '</wp:posOffset></wp:positionH>'
        f'<wp:positionV relativeFrom="paragraph"><wp:posOffset>{y * EMU_PER_TWIP}'
        '</wp:posOffset></wp:positionV>'
        f'<wp:extent cx="{cx}" cy="{cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>'
        f'<wp:wrapNone/><wp:docPr id="{number}" name="印章 {number}" descr={name}/>'
        '<wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect="1"/>'
        '</wp:cNvGraphicFramePr><a:graphic><a:graphicData '
        'uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic>'
        f'<pic:nvPicPr><pic:cNvPr id="0" name={name}/><pic:cNvPicPr/></pic:nvPicPr>'
        f'<pic:blipFill><a:blip r:embed="{png_id}">{svg}</a:blip><a:stretch><a:fillRect/>'
        '</a:stretch></pic:blipFill><pic:spPr><a:xfrm><a:off x="0" y="0"/>'
        f'<a:ext cx="{cx}" cy="{cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/>'
        '</a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic></wp:anchor>'
        '</w:drawing></w:r>')
    return parse_xml(xml)
