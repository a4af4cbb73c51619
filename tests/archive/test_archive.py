"""`reportgen archive`: folders by year and 件号, the catalogue (归档文件目录), the manifest, the
same bytes for the same inputs, and `--verify` finding every change."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import shutil
from pathlib import Path

import openpyxl
import pytest
from pypdf import PdfReader

from reportgen.cli import main
from tests.conftest import DATA, EXAMPLE
from tests.pdfa import check_pdfa

HANDOUT = DATA / "wenhuaguan-safety-handout.yaml"
NOTICE = DATA / "library-spring-festival-notice.yaml"
COLUMNS = ["序号", "档号", "年度", "件号", "责任者", "文号", "题名", "日期", "页数", "密级",
           "保管期限", "备注"]


def run(capsys, *args) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture(scope="module")
def archive(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("archive") / "档案"
    assert main(["archive", str(EXAMPLE), str(NOTICE), "-o", str(folder), "--retention", "永久",
                 "--fonds", "Z109"]) == 0
    return folder


def files_of(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())


def test_each_report_gets_a_folder_under_its_year_with_pdfa_docx_and_yaml(archive):
    assert files_of(archive) == [
        "2026/0001/liuzhou-library-2025.docx", "2026/0001/liuzhou-library-2025.pdf",
        "2026/0001/liuzhou-library-2025.yaml",
        "2026/0002/library-spring-festival-notice.docx",
        "2026/0002/library-spring-festival-notice.pdf",
        "2026/0002/library-spring-festival-notice.yaml",
        "manifest.json", "归档文件目录.csv", "归档文件目录.xlsx"]
    assert (archive / "2026/0001/liuzhou-library-2025.yaml").read_bytes() == EXAMPLE.read_bytes()
    pdf = (archive / "2026/0001/liuzhou-library-2025.pdf").read_bytes()
    assert check_pdfa(pdf, 2, "U") == []


def test_the_catalogue_has_the_fields_of_da_t_22_in_xlsx_and_csv(archive):
    raw = (archive / "归档文件目录.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # Excel reads it as UTF-8
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    pages = len(PdfReader(archive / "2026/0001/liuzhou-library-2025.pdf").pages)
    assert rows == [
        COLUMNS,
        ["1", "Z109-WS·2026-Y-0001", "2026", "0001", "柳州市图书馆", "",
         "柳州市图书馆2025年工作总结及2026年工作计划", "20260126", str(pages), "", "永久", ""],
        ["2", "Z109-WS·2026-Y-0002", "2026", "0002", "柳州市图书馆", "柳图发〔2026〕3号",
         "关于2026年春节期间开放时间调整的通知", "20260203",
         str(len(PdfReader(archive / "2026/0002/library-spring-festival-notice.pdf").pages)),
         "", "永久", ""]]
    sheet = openpyxl.load_workbook(archive / "归档文件目录.xlsx").active
    assert sheet.title == "归档文件目录"
    assert [[("" if v is None else str(v)) for v in row] for row in sheet.values] == rows


def test_every_sha256_in_the_manifest_matches_its_file(archive):
    manifest = json.loads((archive / "manifest.json").read_text(encoding="utf-8"))
    listed = {entry["path"]: entry for entry in manifest["files"]}
    assert sorted(listed) == [p for p in files_of(archive) if p != "manifest.json"]
    for path, entry in listed.items():
        data = (archive / path).read_bytes()
        assert entry["sha256"] == hashlib.sha256(data).hexdigest()
        assert entry["size"] == len(data)
        if path.endswith(".pdf"):
            assert entry["pages"] == len(PdfReader(archive / path).pages)


def test_the_same_inputs_give_the_same_bytes(archive, tmp_path, capsys):
    again = tmp_path / "again"
    assert run(capsys, "archive", EXAMPLE, NOTICE, "-o", again, "--retention", "永久",
               "--fonds", "Z109")[0] == 0
    assert files_of(again) == files_of(archive)
    for path in files_of(archive):
        assert (again / path).read_bytes() == (archive / path).read_bytes(), path


def test_verify_passes_an_untouched_archive_and_finds_every_change(archive, tmp_path, capsys):
    code, out, _ = run(capsys, "archive", "--verify", archive)
    assert code == 0 and "8 files match the manifest" in out
    copy = tmp_path / "copy"
    shutil.copytree(archive, copy)
    pdf = copy / "2026/0001/liuzhou-library-2025.pdf"
    data = bytearray(pdf.read_bytes())
    data[len(data) // 2] ^= 0x01  # one bit of one byte
    pdf.write_bytes(bytes(data))
    (copy / "2026/0002/library-spring-festival-notice.yaml").unlink()
    (copy / "2026/0002/note.txt").write_text("added", encoding="utf-8")
    code, out, _ = run(capsys, "archive", "--verify", copy)
    assert code == 7
    lines = out.splitlines()
    assert lines[0].startswith("changed: 2026/0001/liuzhou-library-2025.pdf (sha256 ")
    assert lines[1] == "missing: 2026/0002/library-spring-festival-notice.yaml"
    assert lines[2] == "extra: 2026/0002/note.txt"
    assert lines[3].endswith("6 files match the manifest, 3 differences")


def test_an_existing_archive_is_replaced_only_with_force_and_kept(archive, tmp_path, capsys):
    folder = tmp_path / "arch"
    assert run(capsys, "archive", EXAMPLE, "-o", folder, "--retention", "D30")[0] == 0
    before = {p: (folder / p).read_bytes() for p in files_of(folder)}
    code, _, err = run(capsys, "archive", NOTICE, "-o", folder, "--retention", "D30")
    assert code == 3 and "not overwriting" in err
    assert {p: (folder / p).read_bytes() for p in files_of(folder)} == before
    code, out, _ = run(capsys, "archive", NOTICE, "-o", folder, "--retention", "D30", "--force")
    assert code == 0 and "kept the old archive as" in out
    (backup,) = [p for p in tmp_path.iterdir() if p.name.startswith("arch.backup-")]
    assert {p: (backup / p).read_bytes() for p in files_of(backup)} == before
    assert "2026/0001/library-spring-festival-notice.pdf" in files_of(folder)


def test_table_files_go_beside_the_report_and_3u_carries_them(tmp_path, capsys):
    folder = tmp_path / "arch"
    assert run(capsys, "archive", HANDOUT, "-o", folder, "--retention", "定期10年",
               "--pdfa", "3u")[0] == 0
    assert "2026/0001/branch-visits-2025.csv" in files_of(folder)
    pdf = folder / "2026/0001/wenhuaguan-safety-handout.pdf"
    assert sorted(PdfReader(pdf).attachments) == [
        "branch-visits-2025.csv", "wenhuaguan-safety-handout.docx",
        "wenhuaguan-safety-handout.yaml"]
    rows = list(csv.reader(io.StringIO((folder / "归档文件目录.csv").read_text("utf-8-sig"))))
    assert rows[1][COLUMNS.index("保管期限")] == "定期10年" and rows[1][1] == ""  # no 全宗号


def test_a_report_without_a_date_or_retention_stops_the_archive(write_yaml, tmp_path, capsys):
    report = write_yaml("title: 标题\nbody:\n  - 正文。\n")
    code, _, err = run(capsys, "archive", report, "-o", tmp_path / "arch")
    assert code == 1
    assert f"error: {report}: metadata.date: an archive files each report under the year" in err
    assert "in a `metadata:` section" in err
    assert "no 保管期限" in err
    assert not (tmp_path / "arch").exists()
    assert [p.name for p in tmp_path.iterdir()] == ["report.yaml"]  # no staging left behind


def test_a_missing_date_is_located_at_the_metadata_it_belongs_under(write_yaml, tmp_path,
                                                                    capsys):
    report = write_yaml("title: 标题\nmetadata:\n  author: 某馆\nbody:\n  - 正文。\n")
    code, _, err = run(capsys, "archive", report, "-o", tmp_path / "arch", "--retention", "永久")
    assert code == 1
    assert err.startswith(f"error: {report}:2:1: metadata.date: an archive files each report")
    assert "add `date: 2026-01-15` (or 2026年1月15日) under this `metadata:`" in err


def test_a_date_that_is_no_date_stops_the_archive_at_its_line(write_yaml, tmp_path, capsys):
    report = write_yaml("title: 标题\nmetadata:\n  date: 明年\nbody:\n  - 正文。\n")
    code, _, err = run(capsys, "archive", report, "-o", tmp_path / "arch", "--retention", "永久")
    assert code == 1 and err.startswith(f"error: {report}:3:9: metadata.date: `明年` is not a date")


def test_a_report_with_errors_leaves_no_archive(write_yaml, tmp_path, capsys):
    report = write_yaml("title: 标题\nbody:\n  - section: 一\n    colour: red\n")
    code, _, err = run(capsys, "archive", EXAMPLE, report, "-o", tmp_path / "arch",
                       "--retention", "永久")
    assert code == 1 and "report.yaml:4:5" in err
    assert not (tmp_path / "arch").exists()


def test_verify_of_a_folder_without_manifest_says_so(tmp_path, capsys):
    code, _, err = run(capsys, "archive", "--verify", tmp_path)
    assert code == 5 and "no manifest.json" in err


def test_archive_usage_errors(tmp_path, capsys):
    assert run(capsys, "archive", EXAMPLE)[0] == 2
    assert run(capsys, "archive", EXAMPLE, "-o", tmp_path, "--verify", tmp_path)[0] == 2
    code, _, err = run(capsys, "archive", EXAMPLE, "-o", tmp_path / "a", "--retention", "十年")
    assert code == 2 and "unknown 保管期限" in err


def catalogue_rows(folder: Path) -> dict[str, dict[str, str]]:
    """The catalogue's rows by 题名, each as column → value."""
    rows = list(csv.reader(io.StringIO((folder / "归档文件目录.csv").read_text("utf-8-sig"))))
    return {row[COLUMNS.index("题名")]: dict(zip(COLUMNS, row, strict=True)) for row in rows[1:]}


def test_every_kind_of_document_with_a_doc_number_gives_its_wenhao(tmp_path, capsys):
    kinds = ["culture-bureau-safety-notice", "library-upward-report", "library-letter",
             "library-meeting-minutes", "liuzhou-library-2025"]
    folder = tmp_path / "arch"
    assert run(capsys, "archive", *(DATA / f"{k}.yaml" for k in kinds), "-o", folder,
               "--retention", "永久")[0] == 0
    numbers = {title: row["文号"] for title, row in catalogue_rows(folder).items()}
    assert numbers == {
        "关于开展2026年春节前后公共文化场馆安全检查的通知": "柳图发〔2026〕5号",  # 版头, 下行文
        "柳州市图书馆关于2026年春节期间开放服务工作安排的报告": "柳图报〔2026〕2号",  # 签发人
        "关于商请支持2026年新春阅读系列活动的函": "柳图函〔2026〕7号",  # 信函
        "关于春节期间读者服务工作的馆长办公会议纪要": "〔2026〕3号",  # 纪要
        "柳州市图书馆2025年工作总结及2026年工作计划": ""}


def test_the_catalogue_records_the_level_a_document_is_marked_with(write_yaml, tmp_path, capsys):
    notice = "template: notice\nmetadata: {{date: 2026-01-26}}\n{}title: {}\nbody: [正文。]\n"
    marked = write_yaml(notice.format("secrecy: 机密★1年\n", "标明机密"), "marked.yaml")
    lifted = write_yaml(notice.format("secrecy: 秘密★6个月\n", "已解密"), "lifted.yaml")
    plain = write_yaml(notice.format("", "未标密级"), "plain.yaml")
    reports = (marked, lifted, plain)

    assert run(capsys, "archive", *reports, "-o", tmp_path / "a", "--retention", "永久")[0] == 0
    levels = {title: row["密级"] for title, row in catalogue_rows(tmp_path / "a").items()}
    assert levels == {"标明机密": "机密", "已解密": "秘密", "未标密级": ""}

    # --classification is the level of the reports that mark none: it never lowers (or
    # raises) a marked document's; the settings' word on one report wins over its mark.
    settings = write_yaml("reports:\n  lifted.yaml:\n    classification: ''\n", "archive.yaml")
    assert run(capsys, "archive", *reports, "-o", tmp_path / "b", "--retention", "永久",
               "--classification", "内部", "--settings", settings)[0] == 0
    levels = {title: row["密级"] for title, row in catalogue_rows(tmp_path / "b").items()}
    assert levels == {"标明机密": "机密", "已解密": "", "未标密级": "内部"}
