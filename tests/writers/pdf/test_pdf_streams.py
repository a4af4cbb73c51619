"""Flate data any reader inflates, from ISA-L or zlib (every PDF the tests write also passes
`qpdf --check`, which inflates each stream: tests/helpers/qpdf.py)."""

from __future__ import annotations

import subprocess
import sys
import zlib

from reportgen.writers.pdf.streams import deflate
from tests.writers.pdf.documents import PARAGRAPH

SAMPLE = (PARAGRAPH * 40).encode("utf-8") + bytes(range(256)) * 40


def test_deflate_writes_the_zlib_format_that_flatedecode_reads():
    packed = deflate(SAMPLE)
    assert zlib.decompress(packed) == SAMPLE
    assert len(packed) < len(SAMPLE) / 3


def test_without_isal_streams_are_deflated_by_zlib():
    """Where isal has no wheel it is not installed (pyproject.toml): the same bytes come back."""
    code = ("import sys, zlib; sys.modules['isal'] = None; sys.modules['isal.isal_zlib'] = None\n"
            "from reportgen.writers.pdf.streams import deflate\n"
            "data = bytes(range(256)) * 100\n"
            "assert deflate(data) == zlib.compress(data, 6)\n")
    subprocess.run([sys.executable, "-c", code], check=True)
