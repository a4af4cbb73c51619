"""Golden files: what a reader sees of each example, line by line, compared with tests/golden/.

A PDF is summarised as its text lines with position, face and size, a turned page (横排表格)
marked, and each page's vertical table rules (the column widths); a DOCX as its paragraphs with
style, list level and text, its tables with their grid, merged cells and repeated rows, and its
section breaks with their orientation. Timestamps and font subset prefixes are left out, so a golden
changes only when the layout does. `pytest --update-goldens` rewrites them after an intended
change; review the diff before committing it.
"""

from __future__ import annotations

import re

import docx
import pdfplumber
import pytest
from docx.table import Table

from reportgen.cli import main
from tests.conftest import DATA

GOLDEN = __import__("pathlib").Path(__file__).parent / "golden"
EXAMPLES = sorted(p.stem for p in DATA.glob("*.yaml"))


def pdf_summary(path) -> str:
    rows = []
    with pdfplumber.open(path) as pdf:
        for number, page in enumerate(pdf.pages, start=1):
            rows.append(f"page {number}" + (" turned" if page.rotation else ""))
            rules = sorted({round(e["x0"], 1) for e in page.edges if e["orientation"] == "v"})
            if rules:
                rows.append("  columns " + " ".join(f"{x:.1f}" for x in rules))
            for line in page.extract_text_lines(strip=True):
                first = line["chars"][0]
                face = re.sub(r"^[A-Z]{6}\+", "", first["fontname"])
                rows.append(f"  {line['top']:7.2f} {line['x0']:7.2f} {line['x1']:7.2f} "
                            f"{face} {first['size']:.1f} | {line['text']}")
    return "\n".join(rows) + "\n"


def docx_summary(path) -> str:
    document = docx.Document(str(path))
    rows = []
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            rows += _table_summary(block)
            continue
        num = block._p.pPr.numPr if block._p.pPr is not None else None
        level = num.ilvl.val if num is not None and num.ilvl is not None else "-"
        rows.append(f"{block.style.name} [{level}] | {block.text}")
        section = block._p.find(f"{W}pPr/{W}sectPr")
        if section is not None:
            rows.append(f"section ends: {_orientation(section)}")
    rows.append(f"last section: {_orientation(document.element.body.find(f'{W}sectPr'))}")
    return "\n".join(rows) + "\n"


W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _orientation(section) -> str:
    size = section.find(f"{W}pgSz")
    return f"{size.get(f'{W}orient') or 'portrait'} {size.get(f'{W}w')}x{size.get(f'{W}h')}"


def _table_summary(table) -> list[str]:
    """The grid's widths, then per row: header / keep flags and each cell as its style, spans
    and text."""
    grid = [col.get(f"{W}w") for col in table._tbl.iter(f"{W}gridCol")]
    rows = [f"table grid {' '.join(grid)}"]
    for tr in table._tbl.iter(f"{W}tr"):
        flags = [name for name in ("tblHeader", "cantSplit") if tr.find(f"{W}trPr/{W}{name}")
                 is not None]
        cells = []
        for tc in tr.iter(f"{W}tc"):
            span = tc.find(f"{W}tcPr/{W}gridSpan")
            merge = tc.find(f"{W}tcPr/{W}vMerge")
            style = tc.find(f".//{W}pStyle")
            text = "".join(t.text or "" for t in tc.iter(f"{W}t"))
            mark = f"×{span.get(f'{W}val')}" if span is not None else ""
            if merge is not None:
                mark += "↓" if merge.get(f"{W}val") == "restart" else "┆"
            cells.append(f"{style.get(f'{W}val') if style is not None else '-'}{mark} {text}")
        rows.append(f"  row {','.join(flags)} | " + " | ".join(cells))
    return rows


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
