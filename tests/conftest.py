"""Shared fixtures: paths of the project, the example report, test markers, and the check that
every DOCX a test writes is valid for Word."""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

import pytest
from hypothesis import settings

from reportgen import fingerprint
from tests.helpers import ooxml

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
EXAMPLE = DATA / "liuzhou-library-2025.yaml"
SEED = ROOT / "tests" / "fixtures" / "seed-liuzhou-library-2025.txt"
"""A copy of ../shared/seeds/000_2887222474f6f104.txt, the published report (NFKC folded)."""
SHARED_SEED = ROOT.parent / "shared" / "seeds" / "000_2887222474f6f104.txt"


# Property tests draw the same examples on every run, so that a run which lands work is
# repeatable; HYPOTHESIS_PROFILE=explore draws new ones each time, to look for new failures.
settings.register_profile("repeatable", derandomize=True)
settings.register_profile("explore", derandomize=False)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "repeatable"))


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


def build_copy(report: Path, folder: Path) -> tuple[Path, Path]:
    """`report` copied into `folder` and built there as `reportgen build --reproducible`
    does: the paths of its DOCX and PDF."""
    import shutil

    from reportgen.cli import main

    copy = folder / report.name
    shutil.copy(report, copy)
    assert main(["build", str(copy), "-o", str(folder), "--reproducible"]) == 0
    return folder / f"{report.stem}.docx", folder / f"{report.stem}.pdf"


@pytest.fixture
def write_yaml(tmp_path):
    """Write YAML text to a file in tmp_path and return its path."""

    def write(text: str, name: str = "report.yaml") -> Path:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return path

    return write


_checked: set[Path] = set()  # folders under the session's temporary folder already looked at


@pytest.fixture(autouse=True)
def every_docx_written_is_valid(tmp_path_factory):
    """After each test, every DOCX reportgen wrote in the folders it made under the session's
    temporary folder (its `tmp_path`, a module's `tmp_path_factory.mktemp`) is checked against
    the OOXML schemas and by openxml-audit (tests/helpers/ooxml.py); the test fails with their
    findings. Files someone else wrote or edited (python-docx in the editing tests, a backup kept
    by --force) are left out, and so is a folder once looked at: a test that writes a DOCX into
    an earlier test's folder is not checked."""
    yield
    failures = []
    for folder in sorted(set(tmp_path_factory.getbasetemp().iterdir()) - _checked):
        _checked.add(folder)
        for path in sorted(folder.rglob("*.docx")) if folder.is_dir() else ():
            if _written_by_reportgen(path):
                failures += [f"{path.name}: {problem}" for problem in ooxml.problems(path)]
    if failures:
        pytest.fail("DOCX not valid for Word:\n" + "\n".join(failures[:20]), pytrace=False)


def _written_by_reportgen(path: Path) -> bool:
    """Whether `path` is a DOCX as reportgen wrote it: its application is reportgen and its
    fingerprint, when it has one, still matches (an edited one pulled since is the editor's)."""
    try:
        with zipfile.ZipFile(path) as package:
            app = package.read("docProps/app.xml")
    except (zipfile.BadZipFile, KeyError, OSError):
        return False
    return b"<Application>reportgen</Application>" in app and \
        fingerprint.state_of(path) not in (fingerprint.State.EDITED, fingerprint.State.PULLED)
