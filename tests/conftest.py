"""Shared fixtures: paths of the project, the example report, and test markers."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
EXAMPLE = DATA / "liuzhou-library-2025.yaml"
SEED = ROOT / "tests" / "fixtures" / "seed-liuzhou-library-2025.txt"
"""A copy of ../shared/seeds/000_2887222474f6f104.txt, the published report (NFKC folded)."""
SHARED_SEED = ROOT.parent / "shared" / "seeds" / "000_2887222474f6f104.txt"


def pytest_addoption(parser):
    parser.addoption("--update-goldens", action="store_true",
                     help="rewrite tests/golden/ from the current outputs")


def pytest_configure(config):
    config.addinivalue_line("markers", "libreoffice: needs LibreOffice (soffice); skipped without")
    config.addinivalue_line("markers", "slow: builds large documents")
    config.addinivalue_line("markers", "install: builds the wheel and installs it (about 20 s; "
                                       "-m 'not install' leaves it out)")


@pytest.fixture(autouse=True, scope="session")
def _qpdf_checks_every_pdf():
    """Every PDF reportgen writes in the tests passes `qpdf --check` (see helpers/qpdf.py)."""
    from reportgen.writers.pdf import writer
    from tests.helpers.qpdf import checking_canvas

    original = writer.Canvas
    writer.Canvas = checking_canvas(original)
    yield
    writer.Canvas = original


@pytest.fixture
def write_yaml(tmp_path):
    """Write YAML text to a file in tmp_path and return its path."""

    def write(text: str, name: str = "report.yaml") -> Path:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return path

    return write
