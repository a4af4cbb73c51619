"""SVG seals: self-contained ones drawn, others refused unread; drawing bounded in time by its
own limit and by the report's (reportgen.reader.sealsvg). The refusals of bad seal files as a
user meets them are in the catalogue of bad inputs (tests/helpers/bad_seals.py)."""

from __future__ import annotations

import base64
import io
import time

import pytest
from PIL import Image

from reportgen.budget import Deadline
from reportgen.errors import ReportError
from reportgen.reader import sealsvg
from reportgen.reader.seal import SealError, read_seal

SVG = ('<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
       'width="42mm" height="21mm" viewBox="0 0 200 100">{}</svg>')
SLOW = SVG.format('<filter id="f"><feGaussianBlur stdDeviation="50000"/></filter>' + "".join(
    f'<circle cx="100" cy="50" r="{i % 40 + 1}" fill="red" filter="url(#f)"/>'
    for i in range(2000)))
"""Two thousand blurred circles: well over a minute to draw."""


def _red_png() -> str:
    out = io.BytesIO()
    Image.new("RGB", (4, 4), (220, 0, 0)).save(out, "PNG")
    return base64.b64encode(out.getvalue()).decode("ascii")


def test_internal_references_and_embedded_pictures_are_drawn(tmp_path):
    """`#id` references (a `use`, a gradient's url) and a data: picture need nothing outside."""
    inside = ('<defs><radialGradient id="g"><stop offset="0" stop-color="red"/></radialGradient>'
              '<circle id="ring" cx="50" cy="50" r="40" fill="url(#g)"/></defs>'
              '<use xlink:href="#ring"/><use href="#ring" x="100"/>'
              f'<image href="data:image/png;base64,{_red_png()}" x="90" y="40" width="20" '
              'height="20"/>')
    (tmp_path / "seal.svg").write_text(SVG.format(inside), encoding="utf-8")
    seal = read_seal(tmp_path / "seal.svg", None, 42).seal
    picture = Image.open(io.BytesIO(seal.png))  # 4 px a unit, cropped to the ink from (10, 10)
    assert picture.size == pytest.approx((720, 320), abs=2)  # both circles: the `use`s drawn
    red, green, _, alpha = picture.getpixel((360, 160))  # the picture between them
    assert alpha == 255 and red > 200 and green < 30


@pytest.mark.parametrize("inside, found", [
    ('<image href="../private/scan.png" width="9" height="9"/>', "../private/scan.png"),
    ('<image xlink:href="https://example.org/a.png" width="9" height="9"/>',
     "https://example.org/a.png"),
    ('<circle r="9" style="fill: url(\'other.svg#paint\')"/>', "other.svg#paint"),
    ('<circle r="9" fill="url(other.svg#paint)"/>', "other.svg#paint"),
    ("<style>circle { fill: url(https://example.org/p.svg#p) }</style>",
     "https://example.org/p.svg#p"),
])
def test_a_reference_outside_the_file_is_named_and_never_followed(inside, found):
    with pytest.raises(sealsvg.SvgError, match="outside itself") as raised:
        sealsvg.parse(SVG.format(inside).encode())
    assert found in str(raised.value)


def test_a_stylesheet_processing_instruction_is_refused():
    raw = b'<?xml-stylesheet href="seal.css"?>' + SVG.format("").encode()
    with pytest.raises(sealsvg.SvgError, match="xml-stylesheet"):
        sealsvg.parse(raw)


def test_a_drawing_that_takes_too_long_is_stopped_at_the_seals_limit(tmp_path, monkeypatch):
    monkeypatch.setattr(sealsvg, "SEAL_SECONDS", 1.0)
    (tmp_path / "seal.svg").write_text(SLOW, encoding="utf-8")
    started = time.monotonic()
    with pytest.raises(SealError, match="seal.svg takes longer than 1 s to draw"):
        read_seal(tmp_path / "seal.svg", None, 42)
    assert time.monotonic() - started < 10


def test_a_drawing_stops_when_the_reports_time_is_up(tmp_path):
    (tmp_path / "seal.svg").write_text(SLOW, encoding="utf-8")
    started = time.monotonic()
    with pytest.raises(ReportError, match="took longer than 1 s, the limit for one report"):
        read_seal(tmp_path / "seal.svg", None, 42, deadline=Deadline(1.0))
    assert time.monotonic() - started < 10
