"""The PDF writer's one function: a document in, a GB/T 9704 PDF out (reportlab's canvas)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import BinaryIO

import reportlab
from reportlab import rl_config
from reportlab.pdfgen.canvas import Canvas

from reportgen import __version__
from reportgen.model import Document, Metadata
from reportgen.writers.options import WriteOptions
from reportgen.writers.pdf.boxes import lay_out
from reportgen.writers.pdf.draw import PageNumbers, draw_page
from reportgen.writers.pdf.fonts import register
from reportgen.writers.pdf.grid import Grid
from reportgen.writers.pdf.paginate import paginate
from reportgen.writers.pdf.text import Setter

CREATOR = f"reportgen {__version__}"


def write(document: Document, options: WriteOptions, out: BinaryIO) -> None:
    """Lay out `document` on its template's grid, paginate it and write the PDF to `out`.

    With `options.reproducible` the file carries no timestamp or random id, so the same input
    gives the same bytes. Fonts are embedded as subsets.
    """
    grid = Grid.of(document.template)
    setter = Setter(options.fonts, grid.scale)
    page_setup = document.template.page
    pages = paginate(lay_out(document, setter, grid), grid.lines, grid.width,
                     page_setup.double_sided)
    numbers = PageNumbers(setter, document.template, grid)
    with _binary_streams():
        # The body face as the canvas's initial font: reportlab's default (Helvetica) would
        # otherwise sit in every page's resources, unused and unembedded.
        body = register(options.fonts.resolve(document.template.role("body").faces))
        canvas = Canvas(out, pagesize=(grid.page_width, grid.page_height),
                        invariant=1 if options.reproducible else 0,
                        lang=document.metadata.language or None, initialFontName=body)
        _describe(canvas, document.metadata)
        for number, page in enumerate(pages, start=1):
            draw_page(canvas, page, grid)
            if page.numbered and (number > 1 or page_setup.first_page_number):
                numbers.draw(canvas, number)
            canvas.showPage()
        canvas.save()


@contextmanager
def _binary_streams() -> Iterator[None]:
    """Page streams compressed only, not also ASCII85-encoded as reportlab does by default
    (ASCII85 adds a quarter to their size and time to encode). reportlab reads this setting
    from its global config, so it is set for the build and restored."""
    saved = rl_config.useA85
    rl_config.useA85 = 0
    try:
        yield
    finally:
        rl_config.useA85 = saved


def _describe(canvas: Canvas, metadata: Metadata) -> None:
    """The Info dictionary: title, author, subject, keywords, creator and producer."""
    canvas.setTitle(metadata.title)
    canvas.setAuthor(metadata.author)
    canvas.setSubject(metadata.subject)
    canvas.setKeywords(", ".join(metadata.keywords))
    canvas.setCreator(CREATOR)
    canvas.setProducer(f"{CREATOR} (ReportLab {reportlab.Version})")
