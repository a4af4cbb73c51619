"""Seal images (印章): a PNG or SVG file checked, sized and made ready for both writers.

Both writers draw the same picture: a PNG in RGBA whose paper white is transparent, at most
`MAX_SIDE` pixels on its longer side (480 dpi for a 42 mm seal, above the 300 dpi offices
print). An SVG is rendered with resvg (resvg-py), which draws everything seal makers put in SVG
files, text along a path included, from one self-contained wheel; the original SVG is kept for
the DOCX, where Word 2016 and later draw it sharp and older readers the PNG.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree

from reportgen.model import Seal

MAX_BYTES = 10 * 1024 * 1024
MAX_SIDE = 800
"""Pixels on the longer side of the picture the writers get."""
RENDER_DPI = 480
"""For an SVG without a size in mm, cm or in; one with gets `MAX_SIDE` pixels."""
_PNG = b"\x89PNG\r\n\x1a\n"
_UNITS_MM = {"mm": 1.0, "cm": 10.0, "in": 25.4, "pt": 25.4 / 72, "pc": 25.4 / 6}


class SealError(Exception):
    """A seal file that cannot be used: the message and a hint."""

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.hint = hint


@dataclass(frozen=True)
class ReadSeal:
    """The seal, and a warning (message, hint) when it is not red."""

    seal: Seal
    warning: tuple[str, str] | None = None


def read_seal(file: Path, size_mm: float | None, default_mm: float,
              font_dirs: tuple[Path, ...] = ()) -> ReadSeal:
    """The seal in `file`, its larger side `size_mm` (else an SVG's own size, else
    `default_mm`); raises SealError when the file is missing, too big or not a PNG or SVG."""
    try:
        raw = file.read_bytes()
    except FileNotFoundError:
        raise SealError(f"seal image {file.name} not found",
                        "give the path of a PNG or SVG file, relative to the report")
    except IsADirectoryError:
        raise SealError(f"{file.name} is a folder, not a seal image")
    except OSError as exc:
        raise SealError(f"cannot read the seal image {file.name}: {exc.strerror}")
    if len(raw) > MAX_BYTES:
        raise SealError(f"seal image {file.name} is {len(raw) // 1_048_576} MB",
                        f"a seal needs no more than {MAX_SIDE} pixels across; save it smaller")
    svg = None
    if raw.startswith(_PNG):
        picture = _open_png(raw, file)
    elif _looks_like_svg(raw):
        svg = raw
        own = _svg_size_mm(raw)
        size_mm = size_mm or (max(own) if own else None)
        dpi = MAX_SIDE * 25.4 / max(own) if own else RENDER_DPI
        picture = _render_svg(raw, file, font_dirs, dpi)
    else:
        kind = "a JPEG" if raw[:3] == b"\xff\xd8\xff" else "not a PNG or SVG"
        raise SealError(f"seal image {file.name} is {kind} image",
                        "save the seal as PNG (with a transparent background) or SVG")
    picture = _transparent_paper(picture)
    box = picture.getbbox()
    if box is None:
        raise SealError(f"seal image {file.name} is empty (nothing but white or transparency)")
    picture = picture.crop(box)
    if max(picture.size) > MAX_SIDE:
        picture.thumbnail((MAX_SIDE, MAX_SIDE))
    side = size_mm or default_mm
    width, height = picture.size
    scale = side / max(width, height)
    out = io.BytesIO()
    picture.save(out, "PNG", compress_level=6)
    seal = Seal(out.getvalue(), width * scale, height * scale, svg, file.name)
    return ReadSeal(seal, None if _is_red(picture) else (
        f"seal image {file.name} is not red",
        "GB/T 9704 7.3.5.1 asks for a red seal; use the red original, not a grey scan"))


def _open_png(raw: bytes, file: Path):
    from PIL import Image, UnidentifiedImageError

    try:
        picture = Image.open(io.BytesIO(raw))
        if picture.width * picture.height > 40_000_000:
            raise SealError(f"seal image {file.name} is {picture.width} × {picture.height} "
                            "pixels", f"a seal needs no more than {MAX_SIDE} pixels across")
        picture.load()
    except (UnidentifiedImageError, OSError, SyntaxError) as exc:
        raise SealError(f"seal image {file.name} is a damaged PNG ({exc})",
                        "open it in an image editor and save it again as PNG")
    return picture.convert("RGBA")


def _looks_like_svg(raw: bytes) -> bool:
    head = raw[:2048].lstrip(b"\xef\xbb\xbf").lstrip()
    return head.startswith((b"<?xml", b"<svg", b"<!--", b"<!DOCTYPE svg")) and b"<svg" in raw


def _svg_size_mm(raw: bytes) -> tuple[float, float] | None:
    """The SVG's width and height in millimetres when it gives them in absolute units."""
    try:
        root = ElementTree.fromstring(raw)
    except ElementTree.ParseError:
        return None
    sizes = []
    for name in ("width", "height"):
        found = re.fullmatch(r"\s*([0-9.]+)\s*(mm|cm|in|pt|pc)\s*", root.get(name, ""))
        if not found:
            return None
        sizes.append(float(found.group(1)) * _UNITS_MM[found.group(2)])
    return sizes[0], sizes[1]


def _render_svg(raw: bytes, file: Path, font_dirs: tuple[Path, ...], dpi: float):
    import resvg_py
    from PIL import Image

    try:
        ElementTree.fromstring(raw)
    except ElementTree.ParseError as exc:
        raise SealError(f"seal image {file.name} is not valid SVG: {exc}",
                        "open it in a vector editor (Inkscape) and save it again")
    try:
        png = resvg_py.svg_to_bytes(svg_string=raw.decode("utf-8", "replace"), dpi=dpi,
                                    font_dirs=[str(d) for d in font_dirs],
                                    resources_dir=str(file.parent))
    except ValueError as exc:
        raise SealError(f"seal image {file.name} cannot be drawn: {exc}",
                        "give the <svg> element a width and height, e.g. width=\"42mm\"")
    return Image.open(io.BytesIO(bytes(png))).convert("RGBA")


def _transparent_paper(picture):
    """Paper white made transparent, so text shows through the seal as through ink: a scan
    without transparency has white paper around and inside the ring."""
    from PIL import ImageChops

    red, green, blue, alpha = picture.split()
    if alpha.getextrema()[0] < 255:
        return picture
    # How far each pixel is from white, as the alpha it keeps (the ink's colour stays).
    whiteness = ImageChops.darker(ImageChops.darker(red, green), blue)
    picture.putalpha(whiteness.point(lambda v: 0 if v > 235 else min(255, (255 - v) * 4)))
    return picture


def _is_red(picture) -> bool:
    """Whether the ink (opaque pixels) is red on average: red well above green and blue."""
    from PIL import ImageStat

    ink = picture.getchannel("A").point(lambda a: 255 if a > 128 else 0)
    if ink.getbbox() is None:
        return False
    r, g, b = ImageStat.Stat(picture.convert("RGB"), mask=ink).mean
    return r > 120 and r > 1.6 * g and r > 1.6 * b
