"""Headings over a table turned onto landscape pages go on its turned page, in both writers."""

from __future__ import annotations

import re
from pathlib import Path

import pdfplumber
import pypdf
import pytest

from reportgen.cli import main
from tests.conftest import ROOT
from tests.helpers.libreoffice import convert

REPORT = ROOT / "tests" / "fixtures" / "sections-over-turned-tables.yaml"
HEADINGS = ("一、馆藏与利用", "（一）馆藏情况", "二、各月查档情况")
CAPTIONS = ("表12025年各县（区）档案馆馆藏及利用情况", "表22025年各区逐月查档人次")


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("turned")
    assert main(["build", str(REPORT), "-o", str(out), "--reproducible", "-j", "1"]) == 0
    return {"pdf": out / f"{REPORT.stem}.pdf", "docx": out / f"{REPORT.stem}.docx"}


def lines_by_page(pdf: Path) -> list[tuple[bool, list[str]]]:
    """Each page: whether it is shown turned (rotated, or LibreOffice's wide page), and its
    text lines (spaces left out), top to bottom in reading order, page numbers left out."""
    pages = []
    with pdfplumber.open(pdf) as opened:
        for page in opened.pages:
            turned = page.rotation in (90, 270) or page.width > page.height
            text = page.extract_text() or ""
            lines = [re.sub(r"\s", "", line) for line in text.splitlines()]
            pages.append((turned, [ln for ln in lines if ln and not re.fullmatch(r"—\d+—", ln)]))
    return pages


@pytest.mark.parametrize("output", ["pdf", "libreoffice"])
def test_each_heading_stands_on_its_tables_turned_page_above_the_caption(built, output):
    pdf = built["pdf"] if output == "pdf" else convert(built["docx"], out_dir=built["docx"].parent
                                                       / "libreoffice")
    pages = lines_by_page(pdf)
    assert len(pages) == 3
    (upright, first), (turned, second), (_, third) = pages
    assert not upright and turned
    assert first[-1] == "2025年全市档案事业统计情况如下。"  # before, 一、 ended page 1 alone
    found = [second.index(text) for text in (*HEADINGS[:2], CAPTIONS[0], HEADINGS[2],
                                              CAPTIONS[1])]
    assert found == sorted(found)
    assert third == ["以上数据截至2025年12月31日。"]


def test_the_bookmarks_of_headings_on_a_turned_page_lead_to_it(built):
    reader = pypdf.PdfReader(built["pdf"])
    outline = reader.outline
    titles = [(item.title, reader.get_destination_page_number(item) + 1)
              for item in (outline[0], outline[1][0], outline[2])]
    assert titles == [(HEADINGS[0], 2), (HEADINGS[1], 2), (HEADINGS[2], 2)]
