"""Reading YAML: encodings, line ends, and what is refused (tags, aliases, duplicate keys)."""

from pathlib import Path

import pytest

from reportgen.errors import ReportError
from reportgen.yamlsrc.source import format_path, load, read_text


def test_utf8_with_bom_and_crlf_reads_like_plain_utf8(tmp_path):
    path = tmp_path / "r.yaml"
    path.write_bytes(b"\xef\xbb\xbftitle: \xe6\xa0\x87\xe9\xa2\x98\r\nbody: []\r\n")
    assert load(path).data == {"title": "标题", "body": []}


def test_gbk_file_is_named_with_the_fix(tmp_path):
    path = tmp_path / "r.yaml"
    path.write_bytes("title: 柳州市图书馆工作总结\n".encode("gbk"))
    with pytest.raises(ReportError) as caught:
        read_text(path)
    message = str(caught.value)
    assert "GBK/GB18030" in message and "UTF-8" in message and "r.yaml:1" in message


def test_utf16_is_named(tmp_path):
    path = tmp_path / "r.yaml"
    path.write_bytes("title: x\n".encode("utf-16"))
    with pytest.raises(ReportError, match="UTF-16"):
        read_text(path)


def test_every_value_knows_its_line_and_column(tmp_path):
    path = tmp_path / "r.yaml"
    path.write_text("title: 标题\nbody:\n  - 段落\n  - section: 标题二\n", encoding="utf-8")
    source = load(path)
    assert source.marks[("body", 1, "section")] == (4, 14)
    assert source.where(("body", 1, "section", "missing"))["line"] == 4


@pytest.mark.parametrize("text, message", [
    ("a: &x 1\nb: *x\n", "anchors"),
    ("a: !!python/object/apply:os.system ['true']\n", "tag"),
    ("a: !custom 1\n", "tag"),
    ("title: a\ntitle: b\n", "given twice"),
    ("title: a: b\n", "YAML syntax"),
    ("title:\n\t- a\n", "tabs"),
    ("", "empty"),
])
def test_what_is_refused_is_named_with_its_line(tmp_path, text, message):
    path = tmp_path / "r.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ReportError) as caught:
        load(path)
    assert message in str(caught.value)
    assert "r.yaml" in str(caught.value)


def test_an_alias_bomb_is_refused_before_it_expands(tmp_path):
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [*a{i-1}, *a{i-1}, *a{i-1}, *a{i-1}, *a{i-1}]" for i in range(1, 30)]
    path = tmp_path / "bomb.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(ReportError, match="anchors"):
        load(path)


def test_field_paths_read_like_code():
    assert format_path(("body", 2, "items", 0, "title")) == "body[2].items[0].title"
    assert format_path(()) == ""


@pytest.mark.parametrize("encoding, named", [
    ("utf-32", "UTF-32"),
    ("utf-32-le", "UTF-32 (without a byte order mark)"),
    ("utf-16-le", "UTF-16 (without a byte order mark)"),
    ("utf-16-be", "UTF-16 (without a byte order mark)"),
])
def test_wide_encodings_are_named_as_they_are(tmp_path, encoding, named):
    path = tmp_path / "r.yaml"
    path.write_bytes("title: 柳州市图书馆\nbody:\n  - 正文。\n".encode(encoding))
    with pytest.raises(ReportError) as caught:
        read_text(path)
    assert f"file is {named};" in str(caught.value)


@pytest.mark.parametrize("mark", ["\u2028", "\u2029", "\x85"])
def test_a_line_break_editors_do_not_show_is_located_where_it_stands(tmp_path, mark):
    path = tmp_path / "r.yaml"
    path.write_text(f"title: 标题\nbody:\n  - 正文{mark}。\n  - 第二段。\n", encoding="utf-8")
    with pytest.raises(ReportError) as caught:
        load(path)
    assert f"r.yaml:3:7: body[0]: contains U+{ord(mark):04X}" in str(caught.value)
    assert "YAML reads as a line break" in str(caught.value)


def test_a_number_too_long_for_a_number_is_not_called_a_date(tmp_path):
    path = tmp_path / "r.yaml"
    path.write_text("data:\n  n: " + "9" * 5000 + "\n", encoding="utf-8")
    with pytest.raises(ReportError) as caught:
        load(path)
    message = str(caught.value)
    assert "r.yaml:2:6: data.n: a number of 5,000 digits" in message and "date" not in message
    assert "quote it" in message


def test_the_size_is_known_before_the_file_is_read(tmp_path):
    path = tmp_path / "r.yaml"
    with path.open("wb") as sparse:  # 11 MB that take no room on disk and are never read
        sparse.truncate(11 * 1024 * 1024)
    with pytest.raises(ReportError, match="file is 11 MB; a report or template may be at "
                                          "most 10 MB"):
        read_text(path)


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_an_endless_stream_is_read_only_up_to_the_limit():
    with pytest.raises(ReportError, match="the stream holds more than 10 MB; a report"):
        read_text(Path("/dev/zero"))


def test_more_values_than_any_report_needs_are_refused_before_they_are_built(tmp_path):
    path = tmp_path / "r.yaml"
    path.write_text("data:\n  x: [" + "[]," * 600_000 + "]\n", encoding="utf-8")
    with pytest.raises(ReportError, match="more than 500,000 values"):
        load(path)
