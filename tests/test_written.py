"""Numbers print as written: table cells and {{ name }} keep the YAML text; arithmetic computes."""

from __future__ import annotations

import pickle

import docx

from reportgen.cli import main
from reportgen.reader.report import read_report
from reportgen.written import WrittenFloat, WrittenInt, as_written

REPORT = """title: 标题
data:
  rate: 65.0
  price: 1.50
  opened: 9:30
  visitors: 1920000.0
body:
  - 达标率{{ rate }}%，票价{{ price }}元，{{ opened }}开馆，两倍{{ rate * 2 }}，
    约{{ visitors | wan }}万
  - table:
      header: [指标, 2024, 2025]
      rows:
        - [达标率, 65.0, 70.50]
        - [票价, 1.50, 2]
        - [开馆, 9:30, 0x1F]
        - [藏书, 3 274, 1e3]
"""


def test_table_cells_and_data_values_print_as_written(write_yaml):
    document = read_report(write_yaml(REPORT))
    assert document.blocks[1].text == "达标率65.0%，票价1.50元，9:30开馆，两倍130，约192万"
    assert document.blocks[2].rows == (("达标率", "65.0", "70.50"), ("票价", "1.50", "2"),
                                       ("开馆", "9:30", "0x1F"), ("藏书", "3 274", "1e3"))
    assert document.blocks[2].header == (("指标", "2024", "2025"),)


def test_the_docx_table_shows_the_written_numbers(write_yaml, tmp_path, capsys):
    report = write_yaml(REPORT)
    assert main(["build", str(report), "-o", str(tmp_path), "--format", "docx"]) == 0
    table = docx.Document(tmp_path / "report.docx").tables[0]
    assert [c.text for c in table.rows[1].cells] == ["达标率", "65.0", "70.50"]


def test_arithmetic_gives_plain_numbers_and_helpers_use_the_value():
    rate, opened = as_written(65.0, "65.0"), as_written(570, "9:30")
    assert str(rate) == "65.0" and f"{rate}" == "65.0" and f"{rate:.2f}" == "65.00"
    assert type(rate * 2) is float and str(rate * 2) == "130.0"
    assert type(opened + 1) is int and opened + 1 == 571
    assert as_written(True, "yes") is True


def test_written_numbers_survive_pickling():
    for number in (WrittenInt(570, "9:30"), WrittenFloat(1.5, "1.50")):
        copy = pickle.loads(pickle.dumps(number))
        assert (type(copy), copy, str(copy)) == (type(number), number, str(number))
