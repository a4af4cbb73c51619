"""Fixtures for the DOCX writer tests: the example report, written once per font profile."""

from __future__ import annotations

from pathlib import Path

import pytest

from reportgen import model
from reportgen.reader.report import read_report
from tests.conftest import EXAMPLE
from tests.writers.docx.samples import write_docx


@pytest.fixture(scope="session")
def example() -> model.Document:
    return read_report(EXAMPLE)


@pytest.fixture(scope="session")
def example_docx(example, tmp_path_factory) -> Path:
    """The example report as DOCX, standard profile."""
    return write_docx(example, tmp_path_factory.mktemp("standard") / "example.docx")


@pytest.fixture(scope="session")
def bundled_docx(example, tmp_path_factory) -> Path:
    """The example report as DOCX with the bundled faces embedded (takes a few seconds)."""
    return write_docx(example, tmp_path_factory.mktemp("bundled") / "example.docx", "bundled")
