"""Bad inputs of the catalogue that are made when the tests run: large ones (a zip bomb, a
paragraph of 100,001 characters) and spreadsheets, which are binary. Each maker writes
`NAME.yaml`, and any file it names, into the folder it is given."""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable
from pathlib import Path

import openpyxl

from tests.helpers.bad_seals import SEAL_MAKERS

_TABLE = "title: 标题\nbody:\n  - table:\n      source: {}\n"


def _report(folder: Path, name: str, text: str) -> None:
    (folder / f"{name}.yaml").write_text(text, encoding="utf-8")


def _sheet(folder: Path, name: str, cells: dict, change=None) -> None:
    """`NAME.xlsx` holding `cells`, its sheet's XML passed through `change`, and NAME.yaml."""
    book = openpyxl.Workbook()
    for ref, value in cells.items():
        book.active[ref] = value
    path = folder / f"{name}.xlsx"
    book.save(path)
    if change is not None:
        with zipfile.ZipFile(path) as source:
            parts = {info.filename: source.read(info) for info in source.infolist()}
        part = "xl/worksheets/sheet1.xml"
        parts[part] = change(parts[part])
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
            for member, data in parts.items():
                target.writestr(member, data)
    _report(folder, name, _TABLE.format(path.name))


def xlsx_far_cells(folder: Path) -> None:
    _sheet(folder, "xlsx-far-cells", {"A1": "类别", "XFD1048576": 1})


def xlsx_zip_bomb(folder: Path) -> None:
    """A workbook of 200 KB whose sheet unpacks to 200 MB."""
    _sheet(folder, "xlsx-zip-bomb", {"A1": "类别"})
    path = folder / "xlsx-zip-bomb.xlsx"
    with zipfile.ZipFile(path) as source:
        parts = {info.filename: source.read(info) for info in source.infolist()}
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for member, data in parts.items():
            if member != "xl/worksheets/sheet1.xml":
                target.writestr(member, data)
                continue
            head, tail = data.split(b"<sheetData>")
            with target.open(member, "w", force_zip64=True) as sheet:
                sheet.write(head + b"<sheetData>")
                for _ in range(200):
                    sheet.write(b" " * 1_048_576)
                sheet.write(tail)


def xlsx_bad_number(folder: Path) -> None:
    _sheet(folder, "xlsx-bad-number", {"A1": "人次", "A2": 5},
           lambda xml: xml.replace(b"<v>5</v>", "<v>5万</v>".encode()))


def xlsx_missing_shared_string(folder: Path) -> None:
    _sheet(folder, "xlsx-missing-shared-string", {"A1": "人次", "A2": 5},
           lambda xml: re.sub(rb'<c r="A1" t="inlineStr">.*?</c>', b'<c r="A1" t="s"><v>99</v></c>',
                              xml))


def xlsx_billion_laughs(folder: Path) -> None:
    entities = b"".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">'.encode() for i in range(1, 10))
    _sheet(folder, "xlsx-billion-laughs", {"A1": "x"},
           lambda xml: b'<!DOCTYPE worksheet [<!ENTITY l0 "ha">' + entities + b"]>"
           + xml.replace(b"<t>x</t>", b"<t>&l9;</t>"))


def csv_unclosed_quote(folder: Path) -> None:
    (folder / "csv-unclosed-quote.csv").write_text(
        '类别,说明\n讲座,"全年九场\n' + "展览，六场；" * 40_000 + "\n", encoding="utf-8")
    _report(folder, "csv-unclosed-quote", _TABLE.format("csv-unclosed-quote.csv"))


def table_too_many_rows(folder: Path) -> None:
    (folder / "table-too-many-rows.csv").write_text(
        "类别,场次\n" + "讲座,9\n" * 10_005, encoding="utf-8")
    _report(folder, "table-too-many-rows", _TABLE.format("table-too-many-rows.csv"))


def text_too_long(folder: Path) -> None:
    _report(folder, "text-too-long", "title: 标题\nbody:\n  - " + "长" * 100_001 + "\n")


def report_too_long(folder: Path) -> None:
    paragraph = "柳州市图书馆全年接待读者192万人次。" * 5_000
    _report(folder, "report-too-long", "title: 标题\nbody:\n" + f"  - {paragraph}\n" * 12)


def too_many_values(folder: Path) -> None:
    _report(folder, "too-many-values", "title: 标题\ndata:\n  x: [" + "1," * 600_000 + "]\n"
                                       "body: [正文。]\n")


def file_too_large(folder: Path) -> None:
    path = folder / "file-too-large.yaml"
    path.write_text("title: 标题\nbody: [正文。]\n", encoding="utf-8")
    with path.open("r+b") as sparse:  # 11 MB that take no room on disk
        sparse.truncate(11 * 1024 * 1024)


def number_too_long(folder: Path) -> None:
    _report(folder, "number-too-long", "title: 标题\ndata:\n  visitors: " + "9" * 5_000
                                       + "\nbody: [正文。]\n")


def expression_deep_parentheses(folder: Path) -> None:
    _report(folder, "expression-deep-parentheses",
            "title: 标题\nbody:\n  - \"{{ " + "(" * 3_000 + "1" + ")" * 3_000 + " }}\"\n")


def expression_filter_chain(folder: Path) -> None:
    _report(folder, "expression-filter-chain",
            "title: 标题\nbody:\n  - \"{{ 1" + " | abs" * 5_000 + " }}\"\n")


MAKERS: dict[str, Callable[[Path], None]] = {
    maker.__name__.replace("_", "-"): maker for maker in (
        xlsx_far_cells, xlsx_zip_bomb, xlsx_bad_number, xlsx_missing_shared_string,
        xlsx_billion_laughs, csv_unclosed_quote, table_too_many_rows, text_too_long,
        report_too_long, too_many_values, file_too_large, number_too_long,
        expression_deep_parentheses, expression_filter_chain)} | SEAL_MAKERS
"""Case name to maker."""
