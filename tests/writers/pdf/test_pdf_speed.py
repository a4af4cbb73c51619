"""Speed and memory: the example in well under a tenth of a second, 500 pages in under 30 s."""

from __future__ import annotations

import io
import resource
import time
from dataclasses import replace

import pypdf
import pytest

from tests.writers.pdf.documents import pdf_bytes


def test_the_example_builds_fast_once_fonts_are_loaded(example, registry):
    pdf_bytes(example, registry)
    best = min(_seconds(lambda: pdf_bytes(example, registry)) for _ in range(5))
    assert best < 0.1


@pytest.mark.slow
def test_a_500_page_report_builds_in_under_30_s_and_500_mb(example, registry):
    pdf_bytes(example, registry)
    big = replace(example, blocks=example.blocks * 75)
    data = b""

    def build() -> None:
        nonlocal data
        data = pdf_bytes(big, registry)

    seconds = _seconds(build)
    assert len(pypdf.PdfReader(io.BytesIO(data)).pages) >= 500
    assert seconds < 30
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss < 500 * 1024  # KiB on Linux


def _seconds(work) -> float:
    start = time.perf_counter()
    work()
    return time.perf_counter() - start
