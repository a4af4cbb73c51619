"""Tables: widths from content, header repeated across pages, numbers flush right, 0.5 pt rules."""

from __future__ import annotations

import io

import pdfplumber
import pytest

from reportgen import model
from reportgen.writers.pdf.tables import column_widths
from reportgen.writers.pdf.text import Setter, Style
from tests.writers.pdf.documents import (
    LEFT,
    MM,
    RIGHT,
    document,
    paragraph,
    pdf_bytes,
    read_lines,
    text_lines,
)

WIDTH = 156 * MM
HEADER = ("项目", "数量", "说明")


def stats_table(rows: int, caption: str | None = "表1 2025年主要业务数据") -> model.Table:
    body = tuple((f"第{n}项业务", f"{n * 1234:,}", "较上年增长" if n % 2 else "持平")
                 for n in range(1, rows + 1))
    return model.Table(HEADER, body, ("left", "right", "left"), caption)


@pytest.fixture(scope="module")
def metrics(registry):
    return Setter(registry, WIDTH / (28 * 16)).metrics(Style(("song",), 14.0))


def test_columns_share_the_width_in_proportion_to_their_content(metrics):
    rows = [(("名称", "12"), metrics), (("柳州市图书馆", "3456"), metrics)]
    widths = column_widths(rows, 2, WIDTH, 7.0)
    assert sum(widths) == pytest.approx(WIDTH)
    most = [metrics.width("柳州市图书馆") + 14, metrics.width("3456") + 14]
    assert widths[0] / widths[1] == pytest.approx(most[0] / most[1])


def test_a_crowded_table_gives_every_column_its_widest_word(metrics):
    long = "推进珍贵古籍数字化项目完成入选国家珍贵古籍名录文献的影像制作扫描古籍" * 3
    rows = [(("编号", "内容"), metrics), (("ISBN978-7-5013-1234-5", long), metrics)]
    widths = column_widths(rows, 2, WIDTH, 7.0)
    assert sum(widths) == pytest.approx(WIDTH)
    assert widths[0] >= metrics.width("ISBN978-7-5013-1234-5") + 14


def test_a_table_across_a_page_repeats_its_header(registry):
    data = pdf_bytes(document(paragraph(12), stats_table(14)), registry)
    pages = read_lines(data)
    second = [line for line in pages[1] if not line.is_page_number]
    assert second[0].text.replace(" ", "") == "项目数量说明"
    heads = [line for line in text_lines(pages) if line.text.replace(" ", "") == "项目数量说明"]
    assert len(heads) == 2
    caption = next(line for line in text_lines(pages) if line.text.startswith("表1"))
    assert caption.page == 1
    rows = [line.text[:line.text.index("业务") + 2] for line in text_lines(pages)
            if line.text.startswith("第")]
    assert rows == [f"第{n}项业务" for n in range(1, 15)]  # each row whole, in order


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
    padding = 7 * WIDTH / (28 * 16)  # half a 14 pt character on the grid
    ends: dict[int, float] = {}
    for c in chars:
        if xs[1] < c["x0"] < xs[2]:
            ends[round(c["top"])] = max(ends.get(round(c["top"]), 0.0), c["x1"])
    assert len(ends) == 4  # header and three rows
    body = sorted(ends.items())[1:]
    assert all(x == pytest.approx(xs[2] - padding, abs=0.01) for _, x in body)


def test_an_empty_cell_a_long_url_and_a_short_header_share_the_width(metrics):
    url = "https://example.org/a/very/long/path/that/does/not/fit/in/a/narrow/column/index.html"
    widths = column_widths([(("网址", "说明"), metrics), ((url, ""), metrics)], 2, 442.2, 8.0)
    assert sum(widths) == pytest.approx(442.2)
    assert widths[1] >= metrics.width("说明") + 16  # the short header is not broken
    assert widths[0] < 442.2 - metrics.width("说明")
