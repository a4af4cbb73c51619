"""Golden files: what a reader sees of each example, line by line, compared with tests/golden/.

A PDF is summarised as its text lines with position, face and size; a DOCX as its paragraphs
with style, list level and text. Timestamps and font subset prefixes are left out, so a golden
changes only when the layout does. `pytest --update-goldens` rewrites them after an intended
change; review the diff before committing it.
"""

from __future__ import annotations

import re

import docx
import pdfplumber
import pytest

from reportgen.cli import main
from tests.conftest import DATA

GOLDEN = __import__("pathlib").Path(__file__).parent / "golden"
EXAMPLES = sorted(p.stem for p in DATA.glob("*.yaml"))


def pdf_summary(path) -> str:
    rows = []
    with pdfplumber.open(path) as pdf:
        for number, page in enumerate(pdf.pages, start=1):
            rows.append(f"page {number}")
            for line in page.extract_text_lines(strip=True):
                first = line["chars"][0]
                face = re.sub(r"^[A-Z]{6}\+", "", first["fontname"])
                rows.append(f"  {line['top']:7.2f} {line['x0']:7.2f} {line['x1']:7.2f} "
                            f"{face} {first['size']:.1f} | {line['text']}")
    return "\n".join(rows) + "\n"


def docx_summary(path) -> str:
    rows = []
    for paragraph in docx.Document(str(path)).paragraphs:
        num = paragraph._p.pPr.numPr if paragraph._p.pPr is not None else None
        level = num.ilvl.val if num is not None and num.ilvl is not None else "-"
        rows.append(f"{paragraph.style.name} [{level}] | {paragraph.text}")
    return "\n".join(rows) + "\n"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("golden")
    assert main(["build", str(DATA), "-o", str(out), "-j", "1", "--reproducible"]) == 0
    return out


@pytest.mark.parametrize("name", EXAMPLES)
@pytest.mark.parametrize("fmt, summarise", [("pdf", pdf_summary), ("docx", docx_summary)])
def test_the_example_matches_its_golden_file(built, name, fmt, summarise, request):
    actual = summarise(built / f"{name}.{fmt}")
    golden = GOLDEN / f"{name}.{fmt}.txt"
    if request.config.getoption("--update-goldens"):
        golden.write_text(actual, encoding="utf-8")
    assert golden.exists(), f"no golden file {golden.name}: run pytest --update-goldens"
    assert actual == golden.read_text(encoding="utf-8")
