"""Ink of a PDF's pages: pages rendered lazily with pypdfium2, dark pixels boxed in pt.

Character boxes say where a glyph's frame is; the ink says where it was drawn. Pixels are
thresholded at half coverage (``INK_LEVEL``: anti-aliased edges count once half dark; red
counts as ink). Two resolutions:

- a whole page at ``dpi`` (300: 15–20 ms a page), the first time the page is asked about,
  kept while it is one of the ``keep`` most recently used pages. Glyphs smaller than about
  100 pixels to the em are drawn from hinted bitmaps placed on whole pixels, so their ink
  edges can be off by up to 0.35 pt at 300 dpi;
- a small area at ``FINE_DPI`` (``fine=True``), rendered afresh for each question and not
  kept: glyphs are drawn from their outlines at that size, edges within 0.1 pt.

Coordinates are pdfplumber's: pt from the page's top-left corner. The renderer draws the
crop box, which is the media box for the PDFs checked here (no cropping, no rotation).
"""

from __future__ import annotations

import math
from collections import OrderedDict
from collections.abc import Iterable
from pathlib import Path
from types import TracebackType

import pypdfium2 as pdfium
from PIL import Image

DPI = 300  # a pixel is 0.24 pt
FINE_DPI = 1200
INK_LEVEL = 128  # grey below which a pixel is ink
_INK_TABLE = [255 if grey < INK_LEVEL else 0 for grey in range(256)]

Box = tuple[float, float, float, float]  # x0, top, x1, bottom in pt


class Ink:
    """The ink on the pages of the PDF at ``path``; use as a context manager, or ``close``."""

    def __init__(self, path: str | Path, *, dpi: float = DPI, keep: int = 2) -> None:
        self.scale = dpi / 72  # pixels per pt
        self.rendered: list[int] = []  # pages rendered whole, 1-based, in order
        self.fine_renders = 0
        self._document = pdfium.PdfDocument(str(path))
        self._keep = keep
        self._masks: OrderedDict[int, Image.Image] = OrderedDict()

    def box(
        self, page: int, area: Box, exclude: Iterable[Box] = (), *, fine: bool = False
    ) -> Box | None:
        """The bounding box of the ink inside ``area`` on ``page`` (1-based), ink inside the
        ``exclude`` boxes not counted; None when there is no ink. A pixel is inside a box when
        its centre is."""
        if fine:
            mask, scale, (dx, dy) = self._fine(page, area)
        else:
            mask, scale, dx, dy = self._mask(page), self.scale, 0, 0
        left, top, right, bottom = _pixels(area, scale)
        if right <= left or bottom <= top:
            return None
        crop = mask.crop((left - dx, top - dy, right - dx, bottom - dy))
        for box in exclude:
            x0, y0, x1, y1 = _pixels(box, scale)
            crop.paste(0, (x0 - left, y0 - top, x1 - left, y1 - top))
        found = crop.getbbox()
        if found is None:
            return None
        x0, y0, x1, y1 = found
        return ((left + x0) / scale, (top + y0) / scale, (left + x1) / scale, (top + y1) / scale)

    def amount(self, page: int, area: Box) -> int:
        """How many ink pixels of the whole-page rendering lie inside ``area`` on ``page``."""
        left, top, right, bottom = _pixels(area, self.scale)
        if right <= left or bottom <= top:
            return 0
        return self._mask(page).crop((left, top, right, bottom)).histogram()[255]

    def close(self) -> None:
        self._masks.clear()
        self._document.close()

    def __enter__(self) -> Ink:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

    def _mask(self, page: int) -> Image.Image:
        """The whole page's ink: 255 where ink, 0 elsewhere."""
        if page in self._masks:
            self._masks.move_to_end(page)
            return self._masks[page]
        rendering = self._document[page - 1]
        mask = rendering.render(scale=self.scale, grayscale=True).to_pil().point(_INK_TABLE)
        rendering.close()
        self.rendered.append(page)
        self._masks[page] = mask
        while len(self._masks) > self._keep:
            self._masks.popitem(last=False)
        return mask

    def _fine(self, page: int, area: Box) -> tuple[Image.Image, float, tuple[int, int]]:
        """The ink of ``area`` and a point around it at ``FINE_DPI``: the mask, its pixels per
        pt, and the page pixel at its top-left corner."""
        scale = FINE_DPI / 72
        rendering = self._document[page - 1]
        width, height = rendering.get_size()
        x0, top, x1, bottom = area
        # pt cut from the left, bottom, right and top of the page
        cut = (
            max(0.0, x0 - 1),
            max(0.0, height - bottom - 1),
            max(0.0, width - x1 - 1),
            max(0.0, top - 1),
        )
        bitmap = rendering.render(scale=scale, grayscale=True, crop=cut)
        mask = bitmap.to_pil().point(_INK_TABLE)
        rendering.close()
        self.fine_renders += 1
        return mask, scale, (math.ceil(cut[0] * scale), math.ceil(cut[3] * scale))


def _pixels(box: Box, scale: float) -> tuple[int, int, int, int]:
    """The pixels whose centres lie inside ``box``, as a crop box."""
    x0, top, x1, bottom = box
    return round(x0 * scale), round(top * scale), round(x1 * scale), round(bottom * scale)
