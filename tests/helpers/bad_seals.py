"""Bad seal files for the catalogue of bad inputs, made when the tests run: PNG bombs, SVGs that
refer to other files or to the web, special files where the seal should be. Each maker writes
`NAME.yaml`, a notice whose 落款 names the seal on its line 7, and the seal file."""

from __future__ import annotations

import base64
import os
import struct
import zlib
from collections.abc import Callable
from pathlib import Path

_NOTICE = ("template: notice\ntitle: 通知\nbody: [正文。]\nsignature:\n"
           "  organisation: 柳州市图书馆\n  date: 2026-02-03\n  seal: {}\n")
_SVG = ('<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
        'width="42mm" height="42mm" viewBox="0 0 100 100"><circle cx="50" cy="50" r="40" '
        'fill="none" stroke="red" stroke-width="4"/>{}</svg>')


def _notice(folder: Path, name: str, seal: str) -> None:
    (folder / f"{name}.yaml").write_text(_NOTICE.format(seal), encoding="utf-8")


def _svg(folder: Path, name: str, inside: str) -> None:
    (folder / f"{name}.svg").write_text(_SVG.format(inside), encoding="utf-8")
    _notice(folder, name, f"{name}.svg")


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def _png(width: int, height: int, rows: int, extra: bytes = b"") -> bytes:
    """A grey PNG of `width` × `height` whose first `rows` rows of zeros are stored."""
    packer = zlib.compressobj(9)
    row = b"\x00" * (width + 1)
    data = b"".join(packer.compress(row) for _ in range(rows)) + packer.flush()
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header) + extra + _chunk(b"IDAT", data)
            + _chunk(b"IEND", b""))


def seal_png_bomb(folder: Path) -> None:
    """167 bytes that claim 30,000 × 30,000 pixels (Pillow calls it a decompression bomb)."""
    (folder / "seal-png-bomb.png").write_bytes(_png(30_000, 30_000, 1))
    _notice(folder, "seal-png-bomb", "seal-png-bomb.png")


def seal_png_text_bomb(folder: Path) -> None:
    """A 10 × 10 seal with a text chunk of 50 KB that unpacks to 50 MB."""
    text = _chunk(b"zTXt", b"Comment\x00\x00" + zlib.compress(b"a" * 50 * 1024 * 1024, 9))
    (folder / "seal-png-text-bomb.png").write_bytes(_png(10, 10, 10, text))
    _notice(folder, "seal-png-text-bomb", "seal-png-text-bomb.png")


def seal_svg_malformed(folder: Path) -> None:
    (folder / "seal-svg-malformed.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg">'
                                                   '<circle r="4"', encoding="utf-8")
    _notice(folder, "seal-svg-malformed", "seal-svg-malformed.svg")


def seal_svg_file_reference(folder: Path) -> None:
    _svg(folder, "seal-svg-file-reference",
         '<image href="file:///etc/hostname" width="10" height="10"/>')


def seal_svg_web_reference(folder: Path) -> None:
    _svg(folder, "seal-svg-web-reference",
         '<image href="http://127.0.0.1:9/seal.png" width="10" height="10"/>')


def seal_svg_other_file(folder: Path) -> None:
    """An xlink to a picture beside it, which exists: still not read."""
    (folder / "seal-svg-other-file.png").write_bytes(_png(10, 10, 10))
    _svg(folder, "seal-svg-other-file",
         '<image xlink:href="seal-svg-other-file.png" width="100" height="100"/>')


def seal_svg_css_import(folder: Path) -> None:
    _svg(folder, "seal-svg-css-import",
         "<style>@import url(http://127.0.0.1:9/seal.css);</style>")


def seal_svg_embedded_bomb(folder: Path) -> None:
    """A picture of 20,000 × 20,000 pixels embedded as data: (380 KB): resvg would need some
    2 GB to draw it."""
    png = _png(20_000, 20_000, 20_000)
    uri = "data:image/png;base64," + base64.b64encode(png).decode("ascii")
    _svg(folder, "seal-svg-embedded-bomb", f'<image href="{uri}" width="100" height="100"/>')


def seal_fifo(folder: Path) -> None:
    os.mkfifo(folder / "seal-fifo.png")
    _notice(folder, "seal-fifo", "seal-fifo.png")


def seal_device(folder: Path) -> None:
    _notice(folder, "seal-device", "/dev/zero")


def seal_folder(folder: Path) -> None:
    (folder / "seal-folder.png").mkdir()
    _notice(folder, "seal-folder", "seal-folder.png")


def seal_missing(folder: Path) -> None:
    _notice(folder, "seal-missing", "nowhere.png")


SEAL_MAKERS: dict[str, Callable[[Path], None]] = {
    maker.__name__.replace("_", "-"): maker for maker in (
        seal_png_bomb, seal_png_text_bomb, seal_svg_malformed, seal_svg_file_reference,
        seal_svg_web_reference, seal_svg_other_file, seal_svg_css_import,
        seal_svg_embedded_bomb, seal_fifo, seal_device, seal_folder, seal_missing)}
"""Case name to maker."""
