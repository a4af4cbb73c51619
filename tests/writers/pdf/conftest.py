"""Fixtures for the PDF writer tests: one font registry, the example report built once."""

from __future__ import annotations

from pathlib import Path

import pytest

from reportgen import model
from reportgen.fontset import FontRegistry
from reportgen.reader.report import read_report
from tests.conftest import EXAMPLE
from tests.writers.pdf.documents import TextLine, read_lines, write_pdf


@pytest.fixture(scope="session")
def registry() -> FontRegistry:
    return FontRegistry()


@pytest.fixture(scope="session")
def example() -> model.Document:
    return read_report(EXAMPLE)


@pytest.fixture(scope="session")
def example_pdf(example, registry, tmp_path_factory) -> Path:
    return write_pdf(example, registry, tmp_path_factory.mktemp("pdf") / "example.pdf")


@pytest.fixture(scope="session")
def example_pages(example_pdf) -> list[list[TextLine]]:
    return read_lines(example_pdf)
