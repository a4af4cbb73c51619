"""Every example in data/ builds to DOCX and PDF, and each kind's blocks sit where GB/T 9704
puts them: label, addressee, run-in headings, attachments, signature and date, 版记; tables
appear cell for cell in both outputs, from the YAML, a CSV and an XLSX file."""

from __future__ import annotations

import re
import zipfile

import docx
import pdfplumber
import pytest

from reportgen.cli import main
from tests.conftest import DATA
from tests.pdfcheck import check_pdf

MM = 72 / 25.4
LEFT, RIGHT = 28 * MM, 184 * MM
CH = 156 * MM / 28  # one character on the grid
EXAMPLES = sorted(p.stem for p in DATA.glob("*.yaml"))


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("examples")
    assert main(["build", str(DATA), "-o", str(out), "-j", "1"]) == 0
    return out


def lines_of(pdf_path):
    """(page number, x0, x1, top, text) of every text line, in reading order."""
    found = []
    with pdfplumber.open(pdf_path) as pdf:
        for number, page in enumerate(pdf.pages, start=1):
            for line in page.extract_text_lines(strip=True):
                found.append((number, line["x0"], line["x1"], line["top"], line["text"]))
    return found


def docx_text(path) -> str:
    return "\n".join(p.text for p in docx.Document(str(path)).paragraphs)


EXPECTED_FINDINGS = {
    # GB/T 9704 10.1: a letter's mark stands 30 mm below the paper's edge, above the text
    # block, and its first page shows no page number.
    "library-letter": [(1, "page_number"), (1, "outside_block")],
}


@pytest.mark.parametrize("name", EXAMPLES)
def test_each_example_builds_to_both_formats_without_a_layout_finding(built, name):
    pdf, document = built / f"{name}.pdf", built / f"{name}.docx"
    assert pdf.stat().st_size > 10_000 and zipfile.is_zipfile(document)
    report = check_pdf(pdf)
    found = sorted((f.page, f.kind) for f in report.findings)
    assert found == sorted(EXPECTED_FINDINGS.get(name, [])), report.summary()


def test_handout_label_addressee_and_run_in_headings(built):
    lines = lines_of(built / "wenhuaguan-safety-handout.pdf")
    (_, x0, _, _, label) = lines[0]
    assert label == "会议材料之三" and x0 == pytest.approx(LEFT, abs=0.5)
    addressee = next(line for line in lines if line[4].startswith("馆内各部门"))
    assert addressee[4].endswith("：") and addressee[1] == pytest.approx(LEFT, abs=0.5)
    with pdfplumber.open(built / "wenhuaguan-safety-handout.pdf") as pdf:
        chars = pdf.pages[0].chars
    start = next(i for i, c in enumerate(chars)
                 if c["text"] == "压" and chars[i + 1]["text"] == "实")
    heading = chars[start - 2:start + 7]  # 一、压实安全责任。
    text = chars[start + 7]  # 各
    assert "".join(c["text"] for c in heading) == "一、压实安全责任。"
    assert all("Hei" in c["fontname"] for c in heading)
    assert "Fangsong" in text["fontname"]  # the body's 仿宋, on the heading's baseline
    assert text["matrix"][5] == pytest.approx(heading[0]["matrix"][5])
    assert heading[0]["x0"] == pytest.approx(LEFT + 2 * CH, abs=0.5)


def test_attachments_align_under_the_first_name(built):
    lines = lines_of(built / "wenhuaguan-safety-handout.pdf")
    first = next(line for line in lines if line[4].startswith("附件："))
    second = next(line for line in lines if line[4].startswith("2."))
    third = next(line for line in lines if line[4].startswith("3."))
    wrapped = lines[lines.index(third) + 1]
    assert first[1] == pytest.approx(LEFT + 2 * CH, abs=0.5)  # indented 2 characters
    with pdfplumber.open(built / "wenhuaguan-safety-handout.pdf") as pdf:
        chars = [c for page in pdf.pages for c in page.chars]
    one = next(c for c in chars if c["text"] == "1" and chars[chars.index(c) + 1]["text"] == ".")
    assert second[1] == pytest.approx(one["x0"], abs=0.5)  # 2. under 1.
    name_start = next(c for c in chars if c["text"] == "龙" and c["top"] == pytest.approx(
        third[3], abs=1))
    assert wrapped[1] == pytest.approx(name_start["x0"], abs=0.5)  # wrapped under the name


@pytest.mark.parametrize("name", ["wenhuaguan-safety-handout", "library-spring-festival-notice"])
def test_signature_and_date_per_gb_t_9704_7_3_5_2(built, name):
    lines = lines_of(built / f"{name}.pdf")
    date_at = next(i for i, line in enumerate(lines) if re.fullmatch(r"\d{4}年\d+月\d+日", line[4]))
    signature, date = lines[date_at - 1], lines[date_at]
    assert date[1] - signature[1] == pytest.approx(2 * CH, abs=0.5)  # date 2 characters right
    # The signature 2 characters from the right, the date starting 2 characters right of it;
    # a date that would then come closer than 2 characters to the edge is set 2 from the edge
    # and the signature moves left with it.
    edge = RIGHT - 2 * CH
    sig_width, date_width = signature[2] - signature[1], date[2] - date[1]
    assert date[1] == pytest.approx(min(edge - sig_width + 2 * CH, edge - date_width), abs=0.5)
    note = lines[date_at + 1]
    assert note[4].startswith("（") and note[1] == pytest.approx(LEFT + 2 * CH, abs=0.5)


def test_the_notice_imprint_sits_between_full_width_rules(built):
    path = built / "library-spring-festival-notice.pdf"
    with pdfplumber.open(path) as pdf:
        last = pdf.pages[-1]
        rules = sorted(last.lines, key=lambda r: r["top"])
        words = last.extract_text_lines()
    assert len(rules) == 3
    for rule in rules:
        assert rule["x0"] == pytest.approx(LEFT, abs=0.5) and rule["x1"] == pytest.approx(
            RIGHT, abs=0.5)
    assert rules[0]["linewidth"] > rules[1]["linewidth"] < rules[2]["linewidth"]
    assert rules[2]["top"] == pytest.approx(262 * MM, abs=1)  # the last rule on the block edge
    copies = next(w for w in words if w["text"].startswith("抄送："))
    issued = next(w for w in words if w["text"].endswith("印发"))
    assert rules[0]["top"] < copies["top"] < rules[1]["top"] < issued["top"] < rules[2]["top"]
    assert copies["x0"] == pytest.approx(LEFT + 14, abs=0.5)  # 1 character (14 pt) in
    assert issued["x1"] == pytest.approx(RIGHT - 14, abs=0.5)


def test_the_notice_docx_has_the_same_blocks_in_their_styles(built):
    document = docx.Document(str(built / "library-spring-festival-notice.docx"))
    by_text = {p.text: p.style.name for p in document.paragraphs if p.text}
    assert by_text["柳图发〔2026〕3号"] != by_text["馆内各部门："]
    assert any(t.startswith("抄送：") for t in by_text)
    text = docx_text(built / "library-spring-festival-notice.docx")
    for piece in ("馆内通知", "柳图发〔2026〕3号", "馆内各部门：", "开放时间安排",
                  "春节期间值班安排表", "柳州市图书馆办公室", "2026年2月3日"):
        assert piece in text


def table_cells_in_docx(path) -> list[list[str]]:
    document = docx.Document(str(path))
    return [[cell.text for cell in row.cells] for table in document.tables for row in table.rows]


def test_a_csv_table_appears_cell_for_cell_in_both_outputs(built):
    rows = [line.split(",") for line in
            (DATA / "branch-visits-2025.csv").read_text("utf-8").strip().splitlines()]
    assert table_cells_in_docx(built / "wenhuaguan-safety-handout.docx") == rows
    pdf_lines = [line[4] for line in lines_of(built / "wenhuaguan-safety-handout.pdf")]
    for row in rows[1:]:
        assert " ".join(row) in pdf_lines


def test_an_xlsx_table_appears_cell_for_cell_in_both_outputs(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "2025年"
    rows = [["项目", "场次", "参与人次"], ["讲座", 9, 2700], ["展览", 6, 100000],
            ["研学", 12, 864]]
    for row in rows:
        sheet.append(row)
    book.save(tmp_path / "events.xlsx")
    (tmp_path / "r.yaml").write_text(
        "title: 阅读推广活动统计\nbody:\n  - table:\n      caption: 2025年阅读推广活动\n"
        "      source: events.xlsx\n      sheet: 2025年\n", encoding="utf-8")
    assert main(["build", str(tmp_path / "r.yaml"), "-o", str(tmp_path)]) == 0
    expected = [[str(c) for c in row] for row in rows]
    assert table_cells_in_docx(tmp_path / "r.docx") == expected
    pdf_lines = [line[4] for line in lines_of(tmp_path / "r.pdf")]
    for row in expected:
        assert " ".join(row) in pdf_lines
    assert "2025年阅读推广活动" in pdf_lines


def test_an_organisation_longer_than_a_line_is_broken_and_stays_on_the_page(tmp_path):
    (tmp_path / "r.yaml").write_text(
        "template: handout\ntitle: 通知\nbody: [正文。]\nsignature:\n"
        "  organisation: 龙城市文化广电和旅游局龙城市文化广电和旅游局龙城市文化广电和旅游局\n"
        "  date: 2026-02-03\n", encoding="utf-8")
    assert main(["build", str(tmp_path / "r.yaml"), "-o", str(tmp_path), "--format", "pdf"]) == 0
    lines = lines_of(tmp_path / "r.pdf")
    date_at = next(i for i, line in enumerate(lines) if line[4] == "2026年2月3日")
    first, second = lines[date_at - 2], lines[date_at - 1]
    assert first[4] + second[4] == "龙城市文化广电和旅游局" * 3
    assert all(LEFT - 0.5 <= line[1] and line[2] <= RIGHT + 0.5 for line in (first, second))
    assert first[2] == pytest.approx(second[2], abs=0.5)  # one right edge
    assert lines[date_at][1] - first[1] == pytest.approx(2 * CH, abs=0.5)


def test_free_text_longer_than_a_line_in_signature_date_and_imprint_stays_on_the_page(tmp_path):
    long = "很长" * 40
    (tmp_path / "r.yaml").write_text(
        f"template: notice\ntitle: 通知\nbody: [正文。]\nsignature:\n  organisation: 甲\n"
        f"  date: {long}\nimprint:\n  issuer: {long}\n  issued: {long}\n", encoding="utf-8")
    assert main(["build", str(tmp_path / "r.yaml"), "-o", str(tmp_path), "--format", "pdf"]) == 0
    with pdfplumber.open(tmp_path / "r.pdf") as pdf:
        chars = [c for page in pdf.pages for c in page.chars]
    assert min(c["x0"] for c in chars) >= LEFT - 0.5
    assert max(c["x1"] for c in chars) <= RIGHT + 0.5
    assert "".join(c["text"] for c in chars).count("很长") == 3 * 40
