"""A character the YAML cannot hold is reported at its own line and column, with its field."""

import pytest

from reportgen.errors import ReportError
from reportgen.yamlsrc.controls import MAX_LISTED
from reportgen.yamlsrc.source import load

# Where the mark ^ goes, and the field the error must name (None: outside any text).
PLACES = [
    ("title: 柳州市图书馆^工作总结\nbody:\n  - 正文。\n", "title"),
    ("title: 标题\nbody:\n  - 第一段。\n  - 第二段^有字。\n", "body[1]"),
    ("title: 标题\nbody:\n  - \"引号里的^文字\"\n", "body[0]"),
    ("title: 标题\nbody:\n  - '单引号^里'\n", "body[0]"),
    ("title: 标题\nbody:\n  - section: 标题^文字\n    body:\n      - 正文。\n",
     "body[0].section"),
    ("title: 标题\nbody:\n  - >\n    折叠的\n    第二行^文字\n", "body[0]"),
    ("title: 标题\nbody:\n  - |\n    字面的^文字\n", "body[0]"),
    ("title: 标题\nmetadata:\n  auth^or: 某馆\nbody:\n  - 正文。\n", "metadata"),
    ("title: 标题\nmetadata:\n  author^: 某馆\nbody:\n  - 正文。\n", "metadata"),
    ("title: 标题\nmetadata:\n  author: 某^馆\nbody:\n  - 正文。\n", "metadata.author"),
    ("title: 标题\nbody: [甲^乙, 丙]\n", "body[0]"),
    ("title: 标题\nbody:\n  - 正文。 # 注释^里\n", None),
    ("title: 标题^\nbody:\n  - 正文。\n", "title"),
]
CHARS = ["\x01", "\x07", "\x0b", "\x0c", "\x1b", "\x7f", "\x80", "\x9f", "\ufffe", "\x85",
         "\u2028"]


@pytest.mark.parametrize("char", CHARS, ids=lambda c: f"U+{ord(c):04X}")
@pytest.mark.parametrize("place, field", PLACES, ids=lambda p: str(p)[:24])
def test_each_character_is_named_where_it_stands(tmp_path, char, place, field):
    text = place.replace("^", char)
    at = place.index("^")
    line = place.count("\n", 0, at) + 1
    column = at - place.rfind("\n", 0, at)
    path = tmp_path / "r.yaml"
    path.write_bytes(text.encode("utf-8"))
    with pytest.raises(ReportError) as caught:
        load(path)
    [problem] = caught.value.diagnostics
    assert (problem.line, problem.column, problem.field) == (line, column, field)
    assert problem.message.startswith(f"contains U+{ord(char):04X} (")
    assert problem.hint


def test_every_character_is_named_and_past_the_listed_ones_counted(tmp_path):
    lines = [f"  - 第{n}段\x07。" for n in range(MAX_LISTED + 5)]
    path = tmp_path / "r.yaml"
    path.write_text("title: 标题\nbody:\n" + "\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(ReportError) as caught:
        load(path)
    problems = caught.value.diagnostics
    assert [(p.line, p.field) for p in problems[:MAX_LISTED]] == [
        (3 + n, f"body[{n}]") for n in range(MAX_LISTED)]
    assert problems[MAX_LISTED].message == "and 5 more such characters"
    assert len(problems) == MAX_LISTED + 1


def test_a_character_in_a_file_yaml_cannot_parse_is_still_located(tmp_path):
    path = tmp_path / "r.yaml"
    path.write_text("title: 标题\x07\nbody: [甲\n", encoding="utf-8")
    with pytest.raises(ReportError) as caught:
        load(path)
    [problem] = caught.value.diagnostics
    assert (problem.line, problem.column, problem.field) == (1, 10, None)
    assert "U+0007" in problem.message
