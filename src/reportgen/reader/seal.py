"""Seal images (印章): a PNG or SVG file checked, sized and made ready for both writers.

Both writers draw the same picture: a PNG in RGBA whose paper white is transparent, at most
`MAX_SIDE` pixels on its longer side (480 dpi for a 42 mm seal, above the 300 dpi offices
print). An SVG is rendered with resvg (resvg-py), which draws everything seal makers put in SVG
files, text along a path included, from one self-contained wheel (sealsvg.py); the original
SVG is kept for the DOCX, where Word 2016 and later draw it sharp and older readers the PNG.

The file is read as the report's other files are (files.py): a FIFO, a device or a folder is
refused without being opened for long, a file over `MAX_BYTES` before it is read. A PNG's size
in pixels is read from its header before it is decoded, so a small file that unpacks to
gigapixels (a decompression bomb) is refused first.
"""

from __future__ import annotations

import io
import struct
from dataclasses import dataclass
from pathlib import Path

from reportgen.budget import UNLIMITED, Deadline
from reportgen.files import UNREADABLE_HINT, SpecialFile, TooLarge, read_limited, relative_to
from reportgen.model import Seal
from reportgen.reader import sealsvg

MAX_BYTES = 10 * 1024 * 1024
MAX_SIDE = 800
"""Pixels on the longer side of the picture the writers get."""
MAX_PIXELS = 40_000_000
"""Pixels a PNG seal may have (6,300 × 6,300: a 42 mm seal scanned at 3,800 dpi)."""
_PNG = b"\x89PNG\r\n\x1a\n"
_RESAVE = "open it in an image editor and save it again as PNG"


class SealError(Exception):
    """A seal file that cannot be used: the message and a hint."""

    def __init__(self, message: str, hint: str) -> None:
        super().__init__(message)
        self.hint = hint


@dataclass(frozen=True)
class ReadSeal:
    """The seal, and a warning (message, hint) when it is not red."""

    seal: Seal
    warning: tuple[str, str] | None = None


def read_seal(file: Path, size_mm: float | None, default_mm: float,
              font_dirs: tuple[Path, ...] = (), deadline: Deadline = UNLIMITED,
              named_in: Path | None = None) -> ReadSeal:
    """The seal in `file`, its larger side `size_mm` (else an SVG's own size, else
    `default_mm`); raises SealError when the file is missing, too big, not a PNG or SVG, or
    not drawable within its limits (an SVG's drawing is bounded by `deadline` too). `named_in`
    is the report that names it (its hints say where the path is looked for)."""
    hint = f"give the path of a PNG or SVG file, {relative_to(named_in)}"
    try:
        raw = read_limited(file, MAX_BYTES)
    except FileNotFoundError:
        raise SealError(f"seal image {file.name} not found", hint) from None
    except SpecialFile as exc:
        raise SealError(f"seal image {file.name} {exc}", hint) from None
    except TooLarge as exc:
        raise SealError(f"seal image {file.name} is {exc.size // 1_048_576} MB",
                        f"a seal needs no more than {MAX_SIDE} pixels across; save it "
                        "smaller") from None
    except OSError as exc:
        raise SealError(f"cannot read the seal image {file.name}: {exc.strerror}",
                        UNREADABLE_HINT) from None
    svg = None
    if raw.startswith(_PNG):
        picture = _open_png(raw, file)
    elif _looks_like_svg(raw):
        svg = raw
        try:
            own = sealsvg.size_mm(sealsvg.parse(raw))
            picture = sealsvg.draw(raw, font_dirs, MAX_SIDE, deadline)
        except sealsvg.SvgError as exc:
            raise SealError(f"seal image {file.name} {exc}", exc.hint) from None
        size_mm = size_mm or (max(own) if own else None)
    else:
        kind = "a JPEG" if raw[:3] == b"\xff\xd8\xff" else "not a PNG or SVG"
        raise SealError(f"seal image {file.name} is {kind} image",
                        "save the seal as PNG (with a transparent background) or SVG")
    picture = _transparent_paper(picture)
    box = picture.getbbox()
    if box is None:
        raise SealError(f"seal image {file.name} is empty (nothing but white or transparency)",
                        "scan or export the seal again: its red must be in the picture")
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

    if raw[12:16] == b"IHDR":
        width, height = struct.unpack(">II", raw[16:24])
        if width * height > MAX_PIXELS:
            raise SealError(f"seal image {file.name} is {width} × {height} pixels",
                            f"a seal needs no more than {MAX_SIDE} pixels across; save it "
                            "smaller")
    try:
        picture = Image.open(io.BytesIO(raw))
        if picture.width * picture.height > MAX_PIXELS:
            raise SealError(f"seal image {file.name} is {picture.width} × {picture.height} "
                            "pixels", f"a seal needs no more than {MAX_SIDE} pixels across")
        picture.load()
    except (UnidentifiedImageError, OSError, SyntaxError) as exc:
        raise SealError(f"seal image {file.name} is a damaged PNG ({exc})", _RESAVE) from None
    except (ValueError, Image.DecompressionBombError) as exc:  # a text or profile chunk bomb
        raise SealError(f"seal image {file.name} holds more than a PNG seal may ({exc})",
                        _RESAVE + ", without its metadata") from None
    return picture.convert("RGBA")


def _looks_like_svg(raw: bytes) -> bool:
    head = raw[:2048].lstrip(b"\xef\xbb\xbf").lstrip()
    return head.startswith((b"<?xml", b"<svg", b"<!--", b"<!DOCTYPE svg")) and b"<svg" in raw


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
