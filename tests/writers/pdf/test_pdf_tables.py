"""Tables: widths from content, header repeated across pages, numbers flush right, 0.5 pt rules."""

from __future__ import annotations

import io

import pdfplumber
import pytest

from reportgen import model
from reportgen.tablefit import fit
from tests.writers.docx import samples
from tests.writers.docx.samples import SPANNED
from tests.writers.pdf.documents import (
    LEFT,
    MM,
    RIGHT,
    document,
    numbers,
    paragraph,
    pdf_bytes,
    read_lines,
    table_lines,
    text_lines,
)

WIDTH = 156 * MM
HEADER = ("项目", "数量", "说明")


def stats_table(rows: int, caption: str | None = "表1 2025年主要业务数据") -> model.Table:
    body = tuple((f"第{n}项业务", f"{n * 1234:,}", "较上年增长" if n % 2 else "持平")
                 for n in range(1, rows + 1))
    return model.Table.simple(HEADER, body, ("left", "right", "left"), caption)


def test_numbers_print_whole_and_short_headers_on_one_line(registry):
    table = samples.activities_table()
    lines = table_lines(pdf_bytes(document(table, kind="handout"), registry))
    assert ["序号", "活动名称", "承办单位", "参与人次", "备注"] in lines
    for k in range(len(table.header)):
        assert numbers([line[k] for line in lines]) == numbers([row[k] for row in table.rows])
    organisers = [line[2] for line in lines if line[2] not in ("", "承办单位")]
    assert organisers == [row[2] for row in table.rows if row[2]]  # each on one line


def test_a_table_that_fits_on_a_page_moves_to_the_next_one_whole(registry):
    pages = read_lines(pdf_bytes(document(paragraph(12), stats_table(14)), registry))
    assert [line.text for line in pages[0] if line.text.startswith(("表1", "第"))] == []
    second = [line for line in pages[1] if not line.is_page_number]
    assert second[0].text.startswith("表1")
    assert sum(line.text.startswith("第") for line in second) == 14


def test_a_table_across_a_page_repeats_its_header(registry):
    data = pdf_bytes(document(paragraph(12), stats_table(40)), registry)
    pages = read_lines(data)
    second = [line for line in pages[1] if not line.is_page_number]
    assert second[0].text.replace(" ", "") == "项目数量说明"
    heads = [line for line in text_lines(pages) if line.text.replace(" ", "") == "项目数量说明"]
    assert [line.page for line in heads] == [1, 2, 3]
    caption = next(line for line in text_lines(pages) if line.text.startswith("表1"))
    assert caption.page == 1
    rows = [line.text[:line.text.index("业务") + 2] for line in text_lines(pages)
            if line.text.startswith("第")]
    assert rows == [f"第{n}项业务" for n in range(1, 41)]  # each row whole, in order


def test_numbers_are_flush_right_and_the_grid_is_half_a_point(registry):
    data = pdf_bytes(document(stats_table(3, caption=None)), registry)
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        page = pdf.pages[0]
        rules = page.lines
        chars = [c for c in page.chars if c["size"] == 14]
    xs = sorted({round(r["x0"], 2) for r in rules if abs(r["x0"] - r["x1"]) < 0.01})
    assert len(xs) == 4
    assert all(r["linewidth"] == 0.5 for r in rules)
    assert xs[0] == pytest.approx(LEFT, abs=0.01) and xs[-1] == pytest.approx(RIGHT, abs=0.01)
    padding = 0.4 * 14  # tablefit.PADDING of a 14 pt cell
    ends: dict[int, float] = {}
    for c in chars:
        if xs[1] < c["x0"] < xs[2]:
            ends[round(c["top"])] = max(ends.get(round(c["top"]), 0.0), c["x1"])
    assert len(ends) == 4  # header and three rows
    body = sorted(ends.items())[1:]
    assert all(x == pytest.approx(xs[2] - padding, abs=0.01) for _, x in body)


def test_units_above_at_the_right_notes_below_in_a_smaller_size(registry):
    data = pdf_bytes(document(SPANNED), registry)
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        page = pdf.pages[0]
        lines = page.extract_text_lines()
        rules = [e for e in page.edges if e["orientation"] == "h"]
    top, bottom = min(r["top"] for r in rules), max(r["top"] for r in rules)
    units = next(line for line in lines if line["text"] == "单位：万元")
    assert units["x1"] == pytest.approx(RIGHT, abs=0.5) and 0 < top - units["bottom"] < 10
    note = next(line for line in lines if line["text"].startswith("注："))
    assert 0 < note["top"] - bottom < 10 and note["x0"] == pytest.approx(LEFT, abs=0.5)
    assert note["chars"][0]["size"] < units["chars"][0]["size"]


def test_a_wide_table_steps_down_and_its_rules_are_the_fitted_columns(registry):
    wide = model.Table.simple([f"指标{n}" for n in range(9)],
                              [[f"{n} 31{n}" for n in range(9)]] * 3, ["right"] * 9)
    doc = document(wide)
    placed = fit(wide, doc.template)
    with pdfplumber.open(io.BytesIO(pdf_bytes(doc, registry))) as pdf:
        page = pdf.pages[0]
        sizes = {round(c["size"], 1) for c in page.chars if c["text"].isdigit() and
                 c["top"] < 700}
        xs = sorted({round(e["x0"], 2) for e in page.edges if e["orientation"] == "v"})
    assert placed.size < 14 and sizes == {placed.size}
    edges = [LEFT]
    for width in placed.widths:
        edges.append(edges[-1] + width)
    assert xs == pytest.approx(edges, abs=0.05)


def test_a_column_of_figures_in_any_written_form_is_flush_right(write_yaml, registry):
    """1e3 and 1.5E-2 are numbers to the reader; their column printed them ragged left."""
    from reportgen.reader.report import read_report

    cells = ["1e3", "1.5E-2", '"−3"', '"+1 204"', "88.7%", "12.30", "—"]
    rows = "".join(f"        - [项{n}, {cell}]\n" for n, cell in enumerate(cells))
    path = write_yaml(f"title: 标题\nbody:\n  - table:\n      header: [项目, 数值]\n"
                      f"      rows:\n{rows}")
    data = pdf_bytes(read_report(path), registry)
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        page = pdf.pages[0]
        xs = sorted({round(r["x0"], 2) for r in page.lines if abs(r["x0"] - r["x1"]) < 0.01})
        ys = [r["top"] for r in page.lines if abs(r["top"] - r["bottom"]) < 0.01]
        ends: dict[int, float] = {}
        for c in page.chars:
            if xs[1] < c["x0"] < xs[2] and min(ys) < c["top"] < max(ys):
                ends[round(c["top"])] = max(ends.get(round(c["top"]), 0.0), c["x1"])
    body = [x for _, x in sorted(ends.items())[1:]]
    assert len(body) == len(cells)
    assert max(body) - min(body) < 0.01 and max(body) > xs[2] - 14  # flush with the padding
