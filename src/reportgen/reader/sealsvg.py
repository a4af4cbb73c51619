"""SVG seals: checked to need nothing outside themselves, drawn by resvg within time and memory.

The seal's SVG goes into the DOCX as it is (Word 2016 and later draw it), so it must be
self-contained: a reference to another file or to the web (`href`, `xlink:href`, CSS `url()` or
`@import`, an `xml-stylesheet`) is refused, never fetched; internal references (`#ring`) and
pictures embedded as `data:` are fine. XML entities are expanded by expat, which refuses the
"billion laughs" and never loads an external one.

resvg draws the seal fitted into `MAX_SIDE` pixels, in a forked child process (POSIX) whose
address space is limited: a drawing that takes too long (blur filters over thousands of shapes)
or too much memory (an embedded picture of gigapixels), or that crashes resvg, ends that child
and is this seal's error, within the report's time limit; the build goes on to report it.
"""

from __future__ import annotations

import io
import os
import re
from pathlib import Path
from xml.etree import ElementTree

from reportgen import forked
from reportgen.budget import UNLIMITED, Deadline

SEAL_SECONDS = 20.0
"""How long drawing one SVG seal may take (within what is left of the report's time)."""
SEAL_MEMORY = 1024 ** 3
"""Bytes of address space the child drawing a seal may take beyond the parent's."""
_UNITS_MM = {"mm": 1.0, "cm": 10.0, "in": 25.4, "pt": 25.4 / 72, "pc": 25.4 / 6}
_XLINK_HREF = "{http://www.w3.org/1999/xlink}href"
_OUTSIDE_CSS = re.compile(r"""@import|url\(\s*['"]?\s*(?!#|data:)([^)'"]*)""", re.IGNORECASE)
_REDRAW = "open it in a vector editor (Inkscape) and save it again"


class SvgError(Exception):
    """An SVG seal that cannot be used: the message (after the seal's name) and a hint."""

    def __init__(self, message: str, hint: str) -> None:
        super().__init__(message)
        self.hint = hint


def parse(raw: bytes) -> ElementTree.Element:
    """The SVG's root element, once checked to refer to nothing outside the file."""
    try:
        root = ElementTree.fromstring(raw)
    except ElementTree.ParseError as exc:
        raise SvgError(f"is not valid SVG: {exc}", _REDRAW) from None
    outside = _outside_reference(root, raw)
    if outside is not None:
        raise SvgError(f"refers to {outside[:80]!r} outside itself, which reportgen does not "
                       "fetch", "a seal must be self-contained: embed the picture in the SVG "
                       "(a data: URI) or save the seal as PNG")
    return root


def _outside_reference(root: ElementTree.Element, raw: bytes) -> str | None:
    if b"<?xml-stylesheet" in raw:
        return "<?xml-stylesheet?>"
    for element in root.iter():
        for name in ("href", _XLINK_HREF):
            target = element.get(name, "").strip()
            if target and not target.startswith(("#", "data:")):
                return target
        css = " ".join(filter(None, (element.get("style"), element.text
                                     if _local(element.tag) == "style" else None)))
        for value in element.attrib.values():
            if "url(" in value:
                css += " " + value
        found = _OUTSIDE_CSS.search(css)
        if found:
            return found.group(1) or "@import"
    return None


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def size_mm(root: ElementTree.Element) -> tuple[float, float] | None:
    """The SVG's width and height in millimetres when it gives them in absolute units."""
    sizes = []
    for name in ("width", "height"):
        found = re.fullmatch(r"\s*([0-9.]+)\s*(mm|cm|in|pt|pc)\s*", root.get(name, ""))
        if not found:
            return None
        sizes.append(float(found.group(1)) * _UNITS_MM[found.group(2)])
    return sizes[0], sizes[1]


def draw(raw: bytes, font_dirs: tuple[Path, ...], side: int,
         deadline: Deadline = UNLIMITED):
    """The seal drawn by resvg as an RGBA picture whose larger side is `side` pixels."""
    job = (raw.decode("utf-8", "replace"), side, tuple(str(d) for d in font_dirs))
    try:
        if not hasattr(os, "fork"):
            return _picture(_render(job))
        seconds = min(SEAL_SECONDS, deadline.left())
        with forked.Helper(_limited) as helper:
            helper.send(job)
            return _picture(helper.result(timeout=seconds))
    except forked.HelperTimedOut as exc:
        deadline.check()
        raise SvgError(f"takes longer than {exc.seconds:g} s to draw",
                       "simplify it (filters, blurs, very many shapes) or save it as PNG") \
            from None
    except forked.HelperDied:
        raise SvgError("cannot be drawn: it needs more memory than a seal may take, or crashed "
                       "the SVG renderer", "check any picture embedded in it, or save the seal "
                       "as PNG") from None
    except Exception as exc:  # noqa: BLE001 - whatever resvg makes of the file is the file's
        hint = "give the <svg> element a width and height, e.g. width=\"42mm\"" \
            if "size" in str(exc) else _REDRAW
        raise SvgError(f"cannot be drawn: {exc}", hint) from None


def _limited():
    """In the child: its address space bounded and its stderr silenced (resvg's abort on a
    failed allocation prints a backtrace note there), then the job."""
    null = os.open(os.devnull, os.O_WRONLY)
    os.dup2(null, 2)
    os.close(null)
    try:
        import resource

        with open("/proc/self/statm", encoding="ascii") as statm:
            size = int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
        limit = size + SEAL_MEMORY
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    except (ImportError, OSError, ValueError):
        pass  # no /proc (not Linux): the time limit still holds
    return _render


def _render(job: tuple[str, int, tuple[str, ...]]) -> bytes:
    import resvg_py

    svg, side, font_dirs = job
    # 96 dpi gives mm and in their size, which the fit then scales to `side`.
    return bytes(resvg_py.svg_to_bytes(svg_string=svg, dpi=96, width=side, height=side,
                                       font_dirs=list(font_dirs)))


def _picture(png: bytes):
    from PIL import Image

    return Image.open(io.BytesIO(png)).convert("RGBA")
