"""Texts measured in the faces the PDF draws them with: the widths reportlab reads."""

from __future__ import annotations

import pytest

from reportgen.advances import measure
from reportgen.fontmetrics import advances
from reportgen.fontset import FontRegistry
from reportgen.writers.pdf.text import Setter, Style
from tests.helpers.fonts import make_font

REGISTRY = FontRegistry()


def test_a_text_is_measured_in_the_face_the_registry_picks_for_each_character(tmp_path):
    make_font(tmp_path / "fs.ttf", {"en": "FangSong_GB2312", "zh-CN": "仿宋_GB2312"},
              extra="0123456789")  # an office 仿宋 whose digits are 0.6 em and has no 年
    width = measure(FontRegistry(font_dirs=[tmp_path]), ["fangsong", "song"])
    bundled = advances(REGISTRY.find("fangsong").path, "年")
    assert width("2026年") == pytest.approx(4 * 0.6 + bundled["年"])


@pytest.mark.parametrize("faces", [("fangsong", "song"), ("kai",), ("hei",), ("song-bold",)])
def test_the_pdf_writer_measures_the_same_widths(faces):
    """Where both writers place something by a text's width, they agree to the point."""
    text = "柳州市图书馆2026年1月26日（代章）Library 1,234.5%：𫖯䶮"
    style = Style(faces, 16.0)
    pdf = Setter(REGISTRY, 1.0).metrics(style).width(text)
    assert measure(REGISTRY, faces)(text) * 16 == pytest.approx(pdf, rel=1e-12)
