"""Titles as both writers set them: the PDF's lines, measured, in a trapezoid or diamond, and
the DOCX's title paragraph broken at the same places."""

from __future__ import annotations

import docx
import pdfplumber
import yaml

from reportgen.cli import main
from tests.layout.test_title_lines import well_shaped

TITLES = (
    "关于召开2026年全市公共文化服务体系建设工作会议的通知",
    "关于开展2026年第12期全民阅读推广志愿服务培训的通知",
    "市群众艺术馆2025年度全民艺术普及工作总结及2026年度工作计划",
    "关于做好2026年3月15日至4月30日全市公共图书馆古籍普查登记工作及2025年度数据报送的通知",
    "柳州市2025年公共文化服务体系建设绩效考核结果及2026年度重点工作安排和经费保障措施的通报",
)


def title_lines_of_pdf(path) -> list[tuple[str, float]]:
    """The 22 pt lines of the first page, top to bottom: (text, width from ink box to box)."""
    with pdfplumber.open(path) as pdf:
        chars = [c for c in pdf.pages[0].chars if c["size"] > 20 and c["text"].strip()]
    rows: dict[float, list] = {}
    for c in chars:
        rows.setdefault(round(c["top"]), []).append(c)
    return [("".join(c["text"] for c in sorted(row, key=lambda c: c["x0"])),
             max(c["x1"] for c in row) - min(c["x0"] for c in row))
            for _, row in sorted(rows.items())]


def test_title_lines_grow_downwards_in_the_pdf_and_break_alike_in_the_docx(tmp_path):
    """The DOCX takes the PDF's breaks whichever fonts it names (its own office faces too)."""
    for n, title in enumerate(TITLES):
        report = tmp_path / f"t{n}.yaml"
        report.write_text(yaml.safe_dump({"template": "notice", "title": title,
                                          "body": ["正文。"]}, allow_unicode=True),
                          encoding="utf-8")
    assert main(["build", str(tmp_path), "-o", str(tmp_path)]) == 0
    for n, title in enumerate(TITLES):
        lines = title_lines_of_pdf(tmp_path / f"t{n}.pdf")
        assert "".join(text for text, _ in lines) == title
        assert len(lines) in (2, 3)
        assert well_shaped([width for _, width in lines]), lines
        [paragraph] = [p for p in docx.Document(tmp_path / f"t{n}.docx").paragraphs
                       if p.text.replace("\n", "") == title]
        assert paragraph.text.split("\n") == [text for text, _ in lines]
