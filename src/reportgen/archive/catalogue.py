"""归档文件目录 (the archive's catalogue, DA/T 22-2015 5.5): one row per report, as XLSX and as
CSV (UTF-8 with a byte order mark, so that Excel opens it as UTF-8). The same rows give the same
bytes: the XLSX's timestamps are the archive's date, not the time it was written."""

from __future__ import annotations

import csv
import datetime as _dt
import io
import re
import zipfile
from dataclasses import astuple, dataclass

COLUMNS = ("序号", "档号", "年度", "件号", "责任者", "文号", "题名", "日期", "页数", "密级",
           "保管期限", "备注")
SHEET = "归档文件目录"
_WIDTHS = (6, 24, 6, 6, 20, 20, 48, 10, 6, 8, 10, 20)  # characters, for the XLSX columns


@dataclass(frozen=True)
class Entry:
    """One catalogue row (one 件): the fields of DA/T 22-2015 5.5 in the order of `COLUMNS`."""

    serial: int  # 序号
    code: str  # 档号: 全宗号-WS·年度-保管期限代码-件号, empty without a 全宗号
    year: int  # 年度
    item: str  # 件号, four digits
    responsible: str  # 责任者: the issuing body
    number: str  # 文号: the 发文字号, if the document has one
    title: str  # 题名
    date: str  # 日期: YYYYMMDD
    pages: int  # 页数: of the PDF
    classification: str  # 密级
    retention: str  # 保管期限
    remarks: str  # 备注


def catalogue_csv(entries: list[Entry]) -> bytes:
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    writer.writerows(astuple(entry) for entry in entries)
    return out.getvalue().encode("utf-8-sig")


def catalogue_xlsx(entries: list[Entry], stamp: _dt.datetime) -> bytes:
    """The catalogue as a workbook of one sheet, a header row frozen above the entries; every
    timestamp inside is `stamp`."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    book = Workbook()
    sheet = book.active
    sheet.title = SHEET
    sheet.append(COLUMNS)
    for entry in entries:
        sheet.append(astuple(entry))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(horizontal="center")
    for column, width in enumerate(_WIDTHS, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width * 2 + 2
    for row in sheet.iter_rows(min_row=2):
        row[COLUMNS.index("题名")].alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "A2"
    book.properties.creator = "reportgen"
    book.properties.title = SHEET
    out = io.BytesIO()
    book.save(out)
    return _stable(out.getvalue(), stamp)


def _stable(xlsx: bytes, stamp: _dt.datetime) -> bytes:
    """`xlsx` with `stamp` as its created and modified time (openpyxl writes the time of
    saving) and as the date of every zip entry."""
    when = stamp.astimezone(_dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(xlsx)) as source, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "docProps/core.xml":
                data = re.sub(rb"(<dcterms:(created|modified)[^>]*>)[^<]*(</dcterms:\2>)",
                              rb"\g<1>" + when.encode() + rb"\g<3>", data)
            entry = zipfile.ZipInfo(info.filename, date_time=stamp.timetuple()[:6])
            entry.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(entry, data)
    return out.getvalue()
