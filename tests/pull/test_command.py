"""`reportgen pull` on the command line: what it prints, writes and exits with."""

from __future__ import annotations

import shutil

import docx
import pytest

from reportgen.cli import main
from reportgen.fingerprint import SOURCE, State, properties, state_of
from tests.pull.helpers import built, touched

REPORT = "# 报告\ntitle: 标题\nbody:\n  - 第一段。   # 注释\n  - 第二段。\n"


@pytest.fixture
def setup(tmp_path):
    """A report and its DOCX, the second paragraph reworded by an editor."""
    report = tmp_path / "report.yaml"
    report.write_text(REPORT, encoding="utf-8")
    path = built(report, tmp_path / "out")
    document = docx.Document(str(path))
    document.paragraphs[-1].runs[0].text = "第二段，改过。"
    document.save(str(path))
    return report, path


def test_pull_writes_the_change_and_says_where(setup, capsys):
    report, path = setup
    assert main(["pull", str(path)]) == 0
    captured = capsys.readouterr()
    assert f"{report}:5: changed paragraph (body[1]): 第二段。 → 第二段，改过。" in captured.out
    assert f"pulled 1 change into {report}" in captured.err
    assert report.read_text(encoding="utf-8") == REPORT.replace("第二段。", "第二段，改过。")
    assert state_of(path) is State.PULLED
    assert main(["pull", str(path)]) == 0
    assert "nothing to pull" in capsys.readouterr().out


def test_check_and_diff_write_nothing(setup, capsys):
    report, path = setup
    assert main(["pull", "--check", str(path)]) == 1
    assert main(["pull", "--diff", str(path)]) == 0
    out = capsys.readouterr().out
    assert "-  - 第二段。\n+  - 第二段，改过。" in out
    assert report.read_text(encoding="utf-8") == REPORT
    assert state_of(path) is State.EDITED


def test_the_report_found_from_the_docx_also_when_the_docx_moved(setup, tmp_path, capsys):
    report, path = setup
    assert properties(path)[SOURCE] == "../report.yaml"
    elsewhere = tmp_path / "mail" / "收到的修改稿.docx"
    elsewhere.parent.mkdir()
    shutil.copy(path, elsewhere)
    assert main(["pull", str(elsewhere)]) == 0  # by the absolute path it also records
    assert "第二段，改过。" in report.read_text(encoding="utf-8")


def test_a_report_changed_since_the_build_is_not_overwritten_without_force(setup, capsys):
    report, path = setup
    report.write_text(REPORT.replace("第一段。", "第一段，作者又改了。"), encoding="utf-8")
    assert main(["pull", str(path)]) == 1
    err = capsys.readouterr().err
    assert "has changed since report.docx was built" in err and "--force" in err
    assert "作者又改了" in report.read_text(encoding="utf-8")
    assert main(["pull", "--force", str(path)]) == 0
    text = report.read_text(encoding="utf-8")
    assert "第二段，改过。" in text and "作者又改了" not in text  # the DOCX's text won


def test_byte_order_mark_line_ends_and_permissions_stay(setup):
    report, path = setup
    report.write_bytes(b"\xef\xbb\xbf" + REPORT.replace("\n", "\r\n").encode("utf-8"))
    report.chmod(0o640)
    touched(path)
    assert main(["pull", "--force", str(path)]) == 0
    raw = report.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and raw.count(b"\r\n") == REPORT.count("\n")
    assert "第二段，改过。".encode() in raw
    assert report.stat().st_mode & 0o777 == 0o640


def test_an_unedited_docx_has_nothing_to_pull(tmp_path, capsys):
    report = tmp_path / "report.yaml"
    report.write_text(REPORT, encoding="utf-8")
    path = built(report, tmp_path / "out")
    assert main(["pull", str(path)]) == 0
    assert "is as reportgen built it: nothing to pull" in capsys.readouterr().out


@pytest.mark.parametrize("args, message", [
    (["pull", "report.yaml"], "the first file is the edited DOCX"),
    (["pull", "-"], "pull reads a DOCX file"),
])
def test_usage_errors(args, message, capsys):
    assert main(args) == 2
    assert message in capsys.readouterr().err


def test_files_that_are_not_a_revised_docx(tmp_path, capsys):
    old = tmp_path / "old.docx"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100)
    assert main(["pull", str(old), "--into", str(tmp_path / "r.yaml")]) == 1
    assert "Word 97-2003 document (.doc)" in capsys.readouterr().err
    assert main(["pull", str(tmp_path / "missing.docx")]) == 5
    foreign = tmp_path / "foreign.docx"
    docx.Document().save(str(foreign))
    assert main(["pull", str(foreign)]) == 2
    assert "--into REPORT.yaml" in capsys.readouterr().err


def test_strict_writes_nothing_when_something_cannot_come_back(setup, capsys):
    report, path = setup
    document = docx.Document(str(path))
    document.paragraphs[-1].runs[0].bold = True
    document.save(str(path))
    assert main(["pull", "--strict", str(path)]) == 4
    err = capsys.readouterr().err
    assert "not carried back: bold on 「第二段，改过。」" in err
    assert report.read_text(encoding="utf-8") == REPORT
    assert main(["pull", str(path)]) == 0
    assert "`build` will ask for --force" in capsys.readouterr().err
    assert state_of(path) is State.EDITED


def test_paragraphs_of_a_role_pull_does_not_know_are_compared_with_a_build(setup, monkeypatch,
                                                                          capsys):
    from reportgen.pull import fields, revised

    monkeypatch.delitem(revised._FIELD_OF_ROLE, "title")  # as a role added to the writer later
    monkeypatch.delitem(fields.WHAT, "title")
    report, path = setup
    assert main(["pull", str(path), "--check"]) == 1
    assert "warning" not in capsys.readouterr().err  # the title is as the YAML builds it
    document = docx.Document(str(path))
    document.paragraphs[0].runs[0].text = "新标题"
    document.save(str(path))
    assert main(["pull", str(path)]) == 0
    err = capsys.readouterr().err
    assert "「新标题」 (title) changed or added: pull does not carry that field back" in err
    assert "「标题」 (title) deleted" in err
    assert "title: 标题\n" in report.read_text(encoding="utf-8")


def test_a_template_chosen_at_build_time_is_used_by_pull(tmp_path, capsys):
    report = tmp_path / "report.yaml"
    report.write_text("title: 标题\nbody:\n  - 正文。\n", encoding="utf-8")
    assert main(["build", str(report), "-o", str(tmp_path / "out"), "--format", "docx",
                 "--template", "notice"]) == 0
    path = tmp_path / "out" / "report.docx"
    document = docx.Document(str(path))
    paragraph = document.add_paragraph("（附注文字）")
    paragraph.style = document.styles["附注"]
    document.save(str(path))
    assert main(["pull", str(path)]) == 0  # the notice's fields, not the annual report's
    assert "note: 附注文字\n" in report.read_text(encoding="utf-8")


def test_a_style_the_editor_changed_is_named(setup, capsys):
    from docx.shared import Pt

    report, path = setup
    document = docx.Document(str(path))
    document.styles["Title"].font.size = Pt(26)
    document.styles["Normal"].font.bold = True
    document.save(str(path))
    assert main(["pull", str(path)]) == 0
    err = capsys.readouterr().err
    assert "not carried back: the style Title changed (size 44 → 52); the template sets it" in err
    assert "the style Normal changed (bold off → on)" in err
    assert err.count("the style") == 2  # not again for the styles based on Normal
