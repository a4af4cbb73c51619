"""A YAML syntax error is reported where the author went wrong, with a hint that fits it."""

import pytest

from reportgen.errors import ReportError
from reportgen.yamlsrc.source import load

CASES = [
    # (the report, line, column, in the message, in the hint)
    ('title: "测试\nbody:\n  - 正文。\n', 1, 8, 'the quote " opened here is never closed',
     'end the text with " too'),
    ("title: '测试\nbody:\n  - 正文。\n", 1, 8, "the quote ' opened here is never closed",
     "written ''"),
    ('title: 测试\nbody:\n  - "第一段\n  - 第二段\n', 3, 5, "never closed", 'written \\"'),
    ('title: "测试\nbody:\n  - "正文"\n  - 第二\n', 1, 8,
     'the quote " opened here runs on to line 3', 'end the text with " too'),
    ('title: 测试\nbody: [正文, 第二\n', 2, 7, "the `[` opened here has no `]`",
     "close the list with ]"),
    ('title: 测试\nmetadata: {author: x\nbody:\n  - 正文\n', 2, 11,
     "the `{` opened here has no `}`", "must be quoted"),
    ('title: 标题\nbody:\n  - section: 一节\n   body: [正文]\n', 4, 4,
     "`body:` is at column 4, but `section:` on line 3 is at column 5", "move `body:` to column 5"),
    ('title: 测试\nbody:\n  - section: 甲\n     body:\n      - x\n', 4, 6,
     "`body:` is at column 6", "column 5"),
    ('title: 测试\n  body:\n  - x\n', 2, 3, "`body:` is at column 3, but `title:`", "column 1"),
    ('title: 测试\nbody:\n  - 甲\n  metadata:\n', 4, 3, "`metadata:` stands among the items",
     "starts at column 1"),
    ('title: 测试\nbody:\n  - 甲\n - 乙\n', 4, 2, "this `- ` item is at column 2, the item on "
                                               "line 3 at column 3", "one column"),
    ('title: 测试\n- x\n', 2, 1, "a `- ` item where a `key:` was expected", "under the key"),
    ('title: 测试\nbody:\n\t- 正文\n', 3, 1, "a tab", "spaces, not tabs"),
    ('title: 会议: 测试\nbody:\n  - x\n', 1, 10, "a `: ` inside a text", "full-width"),
    ('title:测试\nbody:\n  - x\n', 1, 1, "`title:测试` needs a space after the colon",
     "write `title: 测试`"),
    ('title: x\nbody:\n  - section:甲\n    body:\n      - y\n', 3, 5,
     "`section:甲` needs a space", "`section: 甲`"),
    ('title: "测试"后\nbody:\n  - x\n', 1, 12, 'text goes on after the closing "',
     "inside the quotes"),
    ("title: 测试\nbody:\n  - 'It's fine\n  - x\n", 3, 9, "text goes on after the closing '",
     "inside the quotes"),
    ('title: {{ a }}年\nbody:\n  - x\n', 1, 15, "text goes on after `}`", '"{{ year }}年"'),
    ('title: x\nbody:\n  - [注]文本\n', 3, 8, "text goes on after `]`", '"[注]文本"'),
    ('title: 测试\n正文\nbody:\n  - x\n', 2, 1, "neither `key: value` nor a `- ` item",
     "list item"),
    ('title: 测试\nbody:\n  - |\n  x\n', 4, 3, "indented more than the line with the `|`",
     "indent this line"),
    ('title: x\nbody:\n  - >\n    甲\n   乙\n  - 丙\n', 5, 4, "out of line with the text above",
     "one indentation"),
    ('title: |x\n  y\n', 1, 9, "after `|` or `>` the text starts on the next line",
     "quote the whole text"),
    ('title: "测试\\q"\nbody:\n  - x\n', 1, 11, "`\\q` is no escape", "' '"),
    ('title: @测试\nbody:\n  - x\n', 1, 8, "a text cannot start with @", 'quote it'),
    ('title: *测试\nbody:\n  - x\n', 1, 8, "a text cannot start with *", 'quote it'),
    ('title: 测试\n---\ntitle: y\n', 2, 1, "a second YAML document", "delete this `---`"),
]


@pytest.mark.parametrize("text, line, column, message, hint", CASES,
                         ids=[c[3][:30] for c in CASES])
def test_each_syntax_error_is_located_where_it_starts(tmp_path, text, line, column, message,
                                                     hint):
    path = tmp_path / "r.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ReportError) as caught:
        load(path)
    [problem] = caught.value.diagnostics
    assert (problem.line, problem.column) == (line, column), problem.format()
    assert problem.message.startswith("YAML syntax: ") and message in problem.message
    assert hint in problem.hint
