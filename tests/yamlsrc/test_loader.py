"""Numbers in exponent form are numbers, as YAML 1.2 and the report's JSON Schema read them."""

import pytest

from reportgen.reader.report import read_report
from reportgen.yamlsrc.edits import plain_ok
from reportgen.yamlsrc.loader import reads_as_number


@pytest.mark.parametrize("text", ["1e3", "1E3", "2.5e3", "1e-3", "-1e+3", "1.0e+3", ".5e2",
                                  "1_000e2", "12", "0x1F", "1.50"])
def test_a_number_in_any_form_reads_as_a_number(text):
    assert reads_as_number(text)
    assert not plain_ok(text)  # so a text that looks like one is written quoted


@pytest.mark.parametrize("text", ["1e", "e3", "1e3万", "1 000", "2026-01-15", "1e3.5", "V2.3"])
def test_texts_that_only_look_numeric_stay_texts(text):
    assert not reads_as_number(text)


def test_1e3_in_data_is_one_number_on_every_path(write_yaml):
    document = read_report(write_yaml(
        "title: 测试\ndata:\n  a: 1e3\n  b: 2\nbody:\n"
        "  - \"{{ a }}，{{ a * b }}，{{ growth(a, b) }}，{{ a | int }}，{{ a > 999 }}\"\n"
        "  - table:\n      header: [项目, 数量]\n      rows:\n        - [甲, 1e3]\n"))
    paragraph, table = document.blocks[1], document.blocks[2]
    assert paragraph.text == "1e3，2000，+49900.0%，1000，True"
    assert table.rows[0][1] == "1e3"
