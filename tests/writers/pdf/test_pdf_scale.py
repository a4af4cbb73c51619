"""A 500-page report builds completely (speed and memory are the benchmark's job, not a test's)."""

from __future__ import annotations

import io
import re
from dataclasses import replace

import pypdf
import pytest

from tests.writers.pdf.documents import pdf_bytes


@pytest.mark.slow
def test_a_500_page_report_has_every_page_numbered_in_order(example, registry):
    big = replace(example, blocks=example.blocks * 75)
    pages = pypdf.PdfReader(io.BytesIO(pdf_bytes(big, registry))).pages
    assert len(pages) >= 500
    for number in (1, 2, 250, len(pages)):
        footer = pages[number - 1].extract_text().strip().splitlines()[-1]
        assert re.fullmatch(rf"—\s*{number}\s*—", footer.strip()), footer
