"""A command's options made into build settings: formats, font folders, standard input, and
usage errors that write nothing."""

from __future__ import annotations

import docx
import pdfplumber
import pytest

from tests.conftest import EXAMPLE
from tests.helpers.cli import run
from tests.helpers.fonts import make_font


def test_format_selects_outputs_and_a_bad_format_is_a_usage_error(tmp_path, capsys):
    assert run(capsys, "build", EXAMPLE, "-o", tmp_path, "--format", "pdf")[0] == 0
    assert [p.suffix for p in tmp_path.iterdir()] == [".pdf"]
    code, _, err = run(capsys, "build", EXAMPLE, "-o", tmp_path, "--format", "odt")
    assert code == 2 and err.startswith("error: unknown format odt")


def test_a_missing_fonts_folder_is_a_usage_error(tmp_path, capsys):
    code, _, err = run(capsys, "build", EXAMPLE, "--fonts", tmp_path / "nope")
    assert code == 2 and "fonts folder not found (--fonts)" in err


def test_a_font_file_given_as_the_fonts_folder_is_named_a_file(tmp_path, capsys, monkeypatch):
    font = tmp_path / "fangsong.ttf"
    font.write_bytes(b"")
    code, _, err = run(capsys, "build", EXAMPLE, "--fonts", font, "-o", tmp_path / "out")
    assert code == 2 and err.startswith(
        f"error: {font}: is a file, not a folder: --fonts names a folder of fonts")
    assert f"(--fonts {tmp_path})" in err and "not found" not in err
    monkeypatch.setenv("REPORTGEN_FONTS", str(font))
    code, _, err = run(capsys, "build", EXAMPLE, "-o", tmp_path / "out")
    assert code == 2 and "is a file, not a folder: REPORTGEN_FONTS names a folder" in err
    assert not (tmp_path / "out").exists()


def test_the_reportgen_fonts_setting_names_font_folders(tmp_path, capsys, write_yaml,
                                                        monkeypatch):
    fonts = tmp_path / "office-fonts"
    fonts.mkdir()
    make_font(fonts / "fs.ttf", {"en": "FangSong_GB2312", "zh-CN": "仿宋_GB2312"})
    monkeypatch.setenv("REPORTGEN_FONTS", str(fonts))
    report = write_yaml("title: 标题\nbody:\n  - 仿宋\n")
    assert run(capsys, "build", report, "-o", tmp_path / "out", "--format", "pdf")[0] == 0
    with pdfplumber.open(tmp_path / "out" / "report.pdf") as pdf:
        body = [c for c in pdf.pages[0].chars if c["text"] in "仿宋" and c["size"] == 16]
    assert body and all("TestFont" in c["fontname"] for c in body)
    monkeypatch.setenv("REPORTGEN_FONTS", str(tmp_path / "missing"))
    code, _, err = run(capsys, "build", report, "-o", tmp_path / "out")
    assert code == 2 and "REPORTGEN_FONTS" in err


def test_build_dash_reads_the_report_from_standard_input(tmp_path, capsys, monkeypatch):
    """Relative paths in the report (a table's CSV) resolve against the current folder."""
    import io

    (tmp_path / "visits.csv").write_text("分馆,人次\n柳南,3 274\n", encoding="utf-8")
    report = "title: 标题\nbody:\n  - 正文。\n  - table:\n      source: visits.csv\n"
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(report.encode())))
    code, out, err = run(capsys, "build", "-", "--name", "plan", "-o", "out")
    assert code == 0, err
    assert out == "built out/plan.docx, out/plan.pdf\n"
    assert [c.text for c in docx.Document(tmp_path / "out" / "plan.docx").tables[0].rows[1].cells
            ] == ["柳南", "3 274"]
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b"title: x\nbody: []\n")))
    code, _, err = run(capsys, "validate", "-")
    assert code == 1 and err.startswith("error: <stdin>:2:7: body: the list is empty")


@pytest.mark.parametrize("args, message", [
    (["build", "r.yaml", "-o", "-"], "-o - : a DOCX or PDF cannot go to standard output"),
    (["build", "r.yaml", "-j", "0"], "argument -j/--jobs: must be 1 or more, got 0"),
    (["build", "r.yaml", "-j", "many"], "expected a whole number"),
    (["build", "-", "r.yaml"], "`-` (standard input) must be the only report"),
    (["build", "r.yaml", "--name", "x"], "--name is for a report read from standard input"),
    (["fix", "-"], "fix repairs files in place"),
])
def test_usage_errors_write_nothing(tmp_path, capsys, monkeypatch, args, message):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "r.yaml").write_text("title: 标题\nbody:\n  - 正文。\n", encoding="utf-8")
    try:
        code, _, err = run(capsys, *args)
    except SystemExit as exited:  # argparse's own checks exit from within
        code, err = exited.code, capsys.readouterr().err
    assert code == 2 and err.startswith("error: ") and message in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.yaml"]


MISSING = {  # a report naming a file that is not there, and the field its error names
    "table.source": "title: 标题\nbody:\n  - table:\n      source: visits.csv\n",
    "signature.seal": "template: notice\ntitle: 标题\nbody: [正文。]\nsignature:\n"
                      "  organisation: 某馆\n  date: 2026-01-26\n  seal: seal.png\n",
    "template": "template: mine/notice.yaml\ntitle: 标题\nbody: [正文。]\n",
}


@pytest.mark.parametrize("field", MISSING)
def test_a_missing_file_of_a_report_from_standard_input_is_looked_for_in_the_current_folder(
        tmp_path, capsys, monkeypatch, field):
    import io

    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(MISSING[field].encode())))
    code, _, err = run(capsys, "build", "-", "-o", "out")
    assert code == 1 and err.startswith("error: <stdin>:") and f"{field}: " in err
    assert err.endswith(f"relative to the current folder ({tmp_path}), as the report came from "
                        "standard input)\n")


@pytest.mark.parametrize("field", MISSING)
def test_a_missing_file_of_a_report_is_looked_for_in_the_report_s_folder(
        tmp_path, capsys, monkeypatch, field):
    (tmp_path / "reports").mkdir()
    report = tmp_path / "reports" / "r.yaml"
    report.write_text(MISSING[field], encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, _, err = run(capsys, "build", "reports/r.yaml", "-o", "out")
    assert code == 1 and f"{field}: " in err
    assert err.endswith(f"relative to the folder of r.yaml ({tmp_path / 'reports'}))\n")


def test_a_template_file_on_the_command_line_is_relative_to_the_current_folder(
        tmp_path, capsys, monkeypatch):
    (tmp_path / "reports").mkdir()
    (tmp_path / "reports" / "r.yaml").write_text("title: 标题\nbody: [正文。]\n", encoding="utf-8")
    (tmp_path / "mine.yaml").write_text("base: notice\ndescription: 本馆通知\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert run(capsys, "build", "reports/r.yaml", "--template", "mine.yaml", "-o", "out",
               "--format", "docx")[0] == 0
    code, _, err = run(capsys, "build", "reports/r.yaml", "--template", "reports/mine.yaml")
    assert code == 2 and err == (
        "error: --template reports/mine.yaml: template file not found (hint: give a kind "
        "(reportgen templates lists them) or the path of a .yaml file, relative to the current "
        f"folder ({tmp_path}))\n")
