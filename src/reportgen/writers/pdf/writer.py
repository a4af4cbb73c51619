"""The PDF writer's one function: a document in, a GB/T 9704 PDF out (reportlab's canvas)."""

from __future__ import annotations

from typing import BinaryIO

import reportlab
from reportlab.pdfgen.canvas import Canvas

from reportgen import __version__
from reportgen.model import Document
from reportgen.writers.options import WriteOptions
from reportgen.writers.pdf import pdfa
from reportgen.writers.pdf.boxes import lay_out
from reportgen.writers.pdf.docinfo import InfoDictionary, Properties
from reportgen.writers.pdf.draw import PageNumbers, draw_page
from reportgen.writers.pdf.fonts import register
from reportgen.writers.pdf.grid import Grid
from reportgen.writers.pdf.outline import Outline
from reportgen.writers.pdf.paginate import paginate
from reportgen.writers.pdf.streams import pdf_streams
from reportgen.writers.pdf.text import Setter

CREATOR = f"reportgen {__version__}"


def write(document: Document, options: WriteOptions, out: BinaryIO) -> None:
    """Lay out `document` on its template's grid, paginate it and write the PDF to `out`.

    Every heading gets a bookmark. With `options.reproducible` the file carries no timestamp
    or random id, so the same input gives the same bytes. Fonts are embedded as subsets. With
    `options.pdfa` the file is a PDF/A of that level (see `pdfa`).
    """
    grid = Grid.of(document.template)
    setter = Setter(options.fonts, grid.scale)
    page_setup = document.template.page
    pages = paginate(lay_out(document, setter, grid, deadline=options.deadline), grid.lines,
                     grid.width, grid.pitch, page_setup.double_sided, options.deadline)
    numbers = PageNumbers(setter, document.template, grid)
    properties = Properties.of(document.metadata, CREATOR,
                               f"{CREATOR} (ReportLab {reportlab.Version})",
                               reproducible=options.reproducible)
    with pdf_streams():
        # The body face as the canvas's initial font: reportlab's default (Helvetica) would
        # otherwise sit in every page's resources, unused and unembedded.
        body = register(options.fonts.resolve(document.template.role("body").faces))
        canvas = Canvas(out, pagesize=(grid.page_width, grid.page_height),
                        invariant=1 if options.reproducible else 0,
                        pdfVersion=pdfa.PDF_VERSION if options.pdfa else None,
                        lang=document.metadata.language or None, initialFontName=body)
        canvas._doc.info = InfoDictionary(properties)
        if options.pdfa:
            pdfa.conform(canvas._doc, options.pdfa, properties, options.attachments)
        outline = Outline(canvas, grid)
        portrait = (grid.page_width, grid.page_height)
        for number, page in enumerate(pages, start=1):
            options.deadline.check()
            # A turned page keeps its portrait MediaBox and is shown turned (/Rotate 90);
            # reportlab takes the page size as shown and swaps it back for a turned page.
            canvas.setPageSize(portrait[::-1] if page.landscape else portrait)
            canvas.setPageRotation(90 if page.landscape else 0)
            draw_page(canvas, page, grid)
            if page.numbered and (number > 1 or page_setup.first_page_number):
                numbers.draw(canvas, number)
            outline.mark(page)
            canvas.showPage()
        if outline.count and len(pages) > 1:
            canvas.showOutline()
        canvas.save()
