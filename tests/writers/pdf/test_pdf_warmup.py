"""Warming up: the faces and widths measured ahead change nothing in the PDF."""

from __future__ import annotations

import pytest

from reportgen.fontset import FontRegistry
from reportgen.reader.report import read_report
from reportgen.template import load_template
from reportgen.writers.pdf import warmup
from reportgen.writers.pdf.grid import Grid
from reportgen.writers.pdf.text import Setter, Style
from reportgen.writers.pdf.warmup import warm_up, warm_up_on_source
from tests.conftest import DATA, EXAMPLE
from tests.writers.pdf.documents import pdf_bytes


@pytest.mark.parametrize("report", [EXAMPLE, DATA / "culture-bureau-safety-notice.yaml"],
                         ids=lambda p: p.stem)
def test_a_pdf_laid_out_after_a_warm_up_is_the_one_laid_out_cold(report):
    document = read_report(report)
    cold = pdf_bytes(document, FontRegistry())
    warmed = FontRegistry()
    source = report.read_text(encoding="utf-8")
    warm_up(warmed, document.template, source)
    body = Setter(warmed, Grid.of(document.template).scale).metrics(
        Style.of(document.template.role("body")))
    assert set(body._glyphs) == {ch for ch in source if not ch.isspace()}  # measured ahead
    assert pdf_bytes(document, warmed) == cold


@pytest.mark.parametrize("source, named, expected", [
    ("format: 1\ntemplate: notice\ntitle: 通知\n", None, "notice"),
    ("format: 1\ntemplate: 'handout'  # 会议材料\n", None, "handout"),
    ("format: 1\ntitle: 总结\n", None, "annual-report"),
    ("format: 1\ntemplate: notice\n", "handout", "handout"),  # --template wins
    ("format: 1\nbody:\n  - template: notice\n", None, "annual-report"),  # not at the top
])
def test_the_template_warmed_for_is_the_one_named_first_else_the_default(
        source, named, expected, monkeypatch, tmp_path):
    loaded = []
    monkeypatch.setattr(warmup, "load_template",
                        lambda name, _: loaded.append(name) or load_template(name))
    warm_up_on_source(FontRegistry(), source, named, tmp_path / "report.yaml")
    assert loaded == [expected]
