"""The archive settings file: 件号, 保管期限, 密级 and 备注 per report, and errors that name the
file, line and field like a report's."""

from __future__ import annotations

import csv
import io

from reportgen.cli import main
from tests.conftest import DATA, EXAMPLE

NOTICE = DATA / "library-spring-festival-notice.yaml"


def run(capsys, *args) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_settings_give_each_report_its_item_retention_classification_and_remarks(
        tmp_path, capsys):
    settings = tmp_path / "archive.yaml"
    settings.write_text(
        "fonds: Z109\nretention: D30\nreports:\n"
        f"  {EXAMPLE.name}:\n    item: 12\n    retention: 永久\n    remarks: 职工大会材料\n"
        f"  {NOTICE.name}:\n    classification: 内部\n", encoding="utf-8")
    folder = tmp_path / "arch"
    code, out, err = run(capsys, "archive", NOTICE, EXAMPLE, "-o", folder, "--settings",
                         settings)
    assert code == 0, err
    rows = list(csv.DictReader(io.StringIO((folder / "归档文件目录.csv").read_text("utf-8-sig"))))
    # the notice takes 件号 1 (12 is given to the example), the example sorts after it
    assert [(r["件号"], r["档号"], r["保管期限"], r["密级"], r["备注"]) for r in rows] == [
        ("0001", "Z109-WS·2026-D30-0001", "定期30年", "内部", ""),
        ("0012", "Z109-WS·2026-Y-0012", "永久", "", "职工大会材料")]
    assert (folder / "2026/0012/liuzhou-library-2025.pdf").is_file()


def test_an_option_wins_over_the_settings_file(tmp_path, capsys):
    settings = tmp_path / "archive.yaml"
    settings.write_text("retention: 永久\n", encoding="utf-8")
    folder = tmp_path / "arch"
    assert run(capsys, "archive", NOTICE, "-o", folder, "--settings", settings,
               "--retention", "定期10年")[0] == 0
    rows = list(csv.DictReader(io.StringIO((folder / "归档文件目录.csv").read_text("utf-8-sig"))))
    assert rows[0]["保管期限"] == "定期10年"


def test_mistakes_in_the_settings_file_are_located(tmp_path, capsys):
    settings = tmp_path / "archive.yaml"
    settings.write_text("retension: 永久\nreports:\n  a.yaml:\n    item: 0\n"
                        "    retention: 十年\n", encoding="utf-8")
    code, _, err = run(capsys, "archive", NOTICE, "-o", tmp_path / "arch", "--settings",
                       settings)
    assert code == 1
    lines = err.splitlines()
    assert f"error: {settings}:1:1: retension: unknown field `retension` " \
           "(hint: did you mean `retention`?)" in lines
    assert any(line.startswith(f"error: {settings}:4:11: reports.a.yaml.item: 件号 is a number")
               for line in lines)
    assert any(line.startswith(f"error: {settings}:5:16: reports.a.yaml.retention: unknown "
                               "保管期限 `十年`") for line in lines)
    assert not (tmp_path / "arch").exists()


def test_two_reports_given_one_item_is_an_error(tmp_path, capsys):
    settings = tmp_path / "archive.yaml"
    settings.write_text(f"retention: 永久\nreports:\n  {EXAMPLE.name}: {{item: 3}}\n"
                        f"  {NOTICE.name}: {{item: 3}}\n", encoding="utf-8")
    code, _, err = run(capsys, "archive", EXAMPLE, NOTICE, "-o", tmp_path / "arch",
                       "--settings", settings)
    assert code == 1 and "件号 3 is given to liuzhou-library-2025.yaml too" in err
