"""The YAML report format, version 1, as a JSON Schema (the validator and `schemas/` use it).

This dict is the single definition of the format: `reportgen.reader.validate` checks reports
against it, and `schemas/report.schema.json` is this dict written out (`reportgen schema`), kept
identical by a test, so editors (yaml-language-server) complete and check what we check.
Descriptions are in English with the Chinese term of the trade, since users read them in editors.
"""

from __future__ import annotations

import json

SCHEMA_ID = "https://reportgen.invalid/schemas/report.schema.json"

_text = {"type": "string", "minLength": 1}
_date = {
    "description": "A date: 2026-01-26 (YAML date) or text as printed, 2026年1月26日.",
    "anyOf": [{"type": "string", "format": "date"}, {"type": "string", "minLength": 1}],
}
_DATE_TEXT = r"^\s*\d{4}(-\d{1,2}-\d{1,2}|\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)\s*$"
_report_date = {
    "description": "The report's date, 2026-01-26 or 2026年1月26日: the dates of the PDF and the "
                   "DOCX, and the year an archive files it under.",
    # A YAML date (a string to a JSON validator, so the pattern holds it too), or a text.
    "anyOf": [{"type": "string", "format": "date", "pattern": _DATE_TEXT},
              {"type": "string", "pattern": _DATE_TEXT}],
}
_lines = {
    "description": "One line of text, or a list of lines.",
    "anyOf": [_text, {"type": "array", "items": _text, "minItems": 1}],
}
_numbering_sample = {
    "type": "string",
    "minLength": 1,
    "description": "A numbering style written as its first number: 一、 （一） 1. （1） ① 01 A.",
}

_paragraph = {"type": "string", "minLength": 1, "description": "A body paragraph (正文段落)."}

_section = {
    "type": "object",
    "description": "A numbered heading and what is under it. Write the heading without its "
                   "number: reportgen numbers 一、 （一） 1. （1） ① by depth.",
    "properties": {
        "section": {**_text, "description": "The heading text, without 一、 / （一） / 1."},
        "text": {**_text, "description": "Run-in text: the heading runs into this text in one "
                                         "paragraph (一、压实责任。各部门负责人……)."},
        "numbering": {**_numbering_sample,
                      "description": "How this section's own subsections are numbered, e.g. "
                                     "01 for 01 02 03 (the default follows the depth)."},
        "body": {"$ref": "#/$defs/body"},
    },
    "required": ["section"],
    "additionalProperties": False,
}

_plan_item = {
    "anyOf": [
        {**_text, "description": "A plan point, e.g. 全面从严治党，筑牢思想根基."},
        {
            "type": "object",
            "properties": {
                "point": {**_text, "description": "The plan point's heading."},
                "text": {**_text, "description": "Run-in text after the point's heading."},
                "body": {"$ref": "#/$defs/body"},
            },
            "required": ["point"],
            "additionalProperties": False,
        },
    ]
}

_plan = {
    "type": "object",
    "description": "An N-point plan (工作计划): a numbered list of its own, 1. 2. … by default.",
    "properties": {
        "plan": {"type": "array", "items": _plan_item, "minItems": 1},
        "numbering": {**_numbering_sample, "description": "Numbering of the points (default 1.)."},
    },
    "required": ["plan"],
    "additionalProperties": False,
}

_value = {"anyOf": [{"type": "string"}, {"type": "number"}, {"type": "null"}]}

_cell = {
    "anyOf": [
        _value,
        {
            "type": "object",
            "description": "A merged cell (合并单元格): its text and how many columns and rows "
                           "it covers. The rows below leave out the positions it covers.",
            "properties": {
                "text": {**_value, "description": "The cell's text."},
                "columns": {"type": "integer", "minimum": 1,
                            "description": "Columns it spans (default 1)."},
                "rows": {"type": "integer", "minimum": 1,
                         "description": "Rows it spans (default 1)."},
            },
            "required": ["text"],
            "additionalProperties": False,
        },
    ]
}

_row = {"type": "array", "items": _cell, "minItems": 1}

_table = {
    "type": "object",
    "description": "A table: caption, header row and rows, or rows read from a CSV/XLSX file.",
    "properties": {
        "table": {
            "type": "object",
            "properties": {
                "caption": {**_text, "description": "The caption (表题) above the table."},
                "units": {**_text, "description": "The units line above the table at the "
                                                  "right: 万元 prints 单位：万元."},
                "header": {"anyOf": [_row, {"type": "array", "items": _row, "minItems": 1}],
                           "description": "The header row (表头), or a list of header rows "
                                          "(a two-level header)."},
                "rows": {"type": "array", "items": _row,
                         "description": "Body rows, each a list of cells."},
                "source": {**_text, "description": "A .csv or .xlsx file beside the YAML; its "
                                                   "first row is the header unless `header` is "
                                                   "given."},
                "sheet": {**_text, "description": "The XLSX sheet to read (default: first)."},
                "header_rows": {"type": "integer", "minimum": 1,
                                "description": "How many rows of the file make the header "
                                               "(default: the first, and the rows its merged "
                                               "cells reach down to)."},
                "align": {"type": "array",
                          "items": {"enum": ["left", "center", "right", "decimal"]},
                          "description": "Alignment per column; numbers default to right; "
                                         "decimal lines numbers up on the decimal point."},
                "columns": {
                    "type": "array",
                    "description": "Settings per column, in order; null keeps the defaults.",
                    "items": {"anyOf": [{"type": "null"}, {
                        "type": "object",
                        "properties": {
                            "align": {"enum": ["left", "center", "right", "decimal"]},
                            "width": {"type": "number", "exclusiveMinimum": 0,
                                      "maximum": 60,
                                      "description": "Width in characters of the table's "
                                                     "text (default: from the content)."},
                        },
                        "additionalProperties": False,
                    }]},
                },
                "total": {"enum": ["auto", "first", "last", "none"],
                          "description": "Which row is the total (合计), set apart: auto (rows "
                                         "labelled 合计, 总计, 小计), first, last or none."},
                "notes": {**_lines, "description": "Notes (注) below the table, in a smaller "
                                                   "size; 注： is added."},
                "orientation": {"enum": ["auto", "portrait", "landscape"],
                                "description": "auto: landscape pages only for a table too "
                                               "wide for the page (GB/T 9704-2012 §8)."},
            },
            "additionalProperties": False,
        }
    },
    "required": ["table"],
    "additionalProperties": False,
}

_attachment = {
    "anyOf": [
        {**_text, "description": "An attachment's name (附件说明 only)."},
        {
            "type": "object",
            "description": "An attachment set on pages of its own after the main text "
                           "(GB/T 9704 7.3.7): 附件1 top left, its title on the third line, "
                           "then its body.",
            "properties": {
                "title": {**_text, "description": "The attachment's name, as the 附件说明 "
                                                 "lists it and as its page's title."},
                "body": {"$ref": "#/$defs/body"},
            },
            "required": ["title"],
            "additionalProperties": False,
        },
    ]
}

_seal_file = {**_text, "description": "A PNG or SVG file of the seal (red), relative to the "
                                      "report."}

REPORT_SCHEMA: dict = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": SCHEMA_ID,
    "title": "reportgen report, format 1",
    "type": "object",
    "properties": {
        "format": {"const": 1, "description": "The format version; 1 (the only one so far)."},
        "template": {**_text, "description": "The kind of document: annual-report, handout, "
                                             "notice, minutes, letter, or a path to a "
                                             "template file."},
        "metadata": {
            "type": "object",
            "description": "Document properties (PDF info, DOCX core properties).",
            "properties": {
                "title": {**_text, "description": "Defaults to the title."},
                "author": {**_text, "description": "Author or organisation."},
                "subject": _text,
                "keywords": {"type": "array", "items": _text},
                "date": _report_date,
            },
            "additionalProperties": False,
        },
        "data": {
            "type": "object",
            "description": "Named numbers and text for {{ expressions }} in any string.",
        },
        "numbering": {
            "type": "object",
            "description": "Numbering styles for the whole document.",
            "properties": {
                "levels": {"type": "array", "items": _numbering_sample, "minItems": 1,
                           "maxItems": 5,
                           "description": "Styles by depth (default 一、 （一） 1. （1） ①)."},
                "plan": {**_numbering_sample, "description": "Style of plan points (1.)."},
            },
            "additionalProperties": False,
        },
        "label": {**_text, "description": "Top-left label, e.g. 会议材料之三 (handout, notice)."},
        "copy_number": {**_text, "description": "份号: the copy's number, 6 digits, quoted: "
                                                "\"000123\" (GB/T 9704 7.2.1)."},
        "secrecy": {**_text, "description": "密级和保密期限, e.g. 机密★1年 (GB/T 9704 7.2.2)."},
        "urgency": {"enum": ["特急", "加急", "特提", "平急"],
                    "description": "紧急程度: 特急 or 加急 (telegrams also 特提, 平急), GB/T "
                                   "9704 7.2.3."},
        "mark": {
            "description": "发文机关标志 (GB/T 9704 7.2.4), red and centred: the organisation's "
                           "name and 文件, or the name alone; 纪要标志 in minutes.",
            "anyOf": [
                _text,
                {
                    "type": "object",
                    "description": "A joint document: the organisations stacked, the suffix "
                                   "(文件) to their right.",
                    "properties": {
                        "organisations": {"type": "array", "items": _text, "minItems": 1,
                                          "description": "The organisations, the lead one "
                                                         "first."},
                        "suffix": {**_text, "description": "文件, set to the right of the "
                                                          "names."},
                    },
                    "required": ["organisations"],
                    "additionalProperties": False,
                },
            ],
        },
        "signers": {"type": "array", "items": _text, "minItems": 1,
                    "description": "签发人 of a 上行文 (GB/T 9704 7.2.6): the names; the "
                                   "发文字号 then moves left, on the line of the last name."},
        "doc_number": {**_text, "description": "发文字号, e.g. 柳图发〔2026〕3号 (notice)."},
        "preamble": {"type": "array", "items": _paragraph,
                     "description": "Paragraphs before the title, e.g. the meeting it was "
                                    "given at (annual-report)."},
        "title": {**_lines, "description": "The title (标题); a list gives explicit lines."},
        "addressee": {**_text, "description": "主送机关, ending with a full-width colon："},
        "body": {"$ref": "#/$defs/body"},
        "attachments": {"type": "array", "items": _attachment, "minItems": 1,
                        "description": "附件说明: attachment names, without numbers; an entry "
                                       "with `title:` and `body:` is also set on pages of its "
                                       "own."},
        "attendance": {
            "type": "object",
            "description": "纪要 (GB/T 9704 10.3): who attended, each list after its label.",
            "properties": {
                "present": {**_lines, "description": "出席: names (and units)."},
                "on_leave": {**_lines, "description": "请假: names."},
                "observers": {**_lines, "description": "列席: names."},
            },
            "additionalProperties": False,
        },
        "signature": {
            "type": "object",
            "description": "落款: organisation(s) and date.",
            "properties": {
                "organisation": _lines,
                "date": _date,
                "seal": {"description": "印章: a PNG or SVG file; for several organisations, "
                                        "one file per organisation (GB/T 9704 7.3.5.1).",
                         "anyOf": [_seal_file, {"type": "array", "items": _seal_file,
                                                "minItems": 1}]},
                "seal_mm": {"type": "number", "minimum": 10, "maximum": 100,
                            "description": "The seal's diameter in mm (default 42, or the "
                                           "SVG's own size)."},
            },
            "required": ["organisation", "date"],
            "additionalProperties": False,
        },
        "note": {**_text, "description": "附注, printed in parentheses after the date."},
        "closing": {"type": "array", "items": _text,
                    "description": "Closing lines such as 供稿：业务推广部 (annual-report)."},
        "imprint": {
            "type": "object",
            "description": "版记 (notice): 抄送 and 印发机关 / 印发日期 between rules.",
            "properties": {"copies_to": _text, "issuer": _text, "issued": _date},
            "additionalProperties": False,
        },
    },
    "required": ["title", "body"],
    "additionalProperties": False,
    "$defs": {
        "body": {
            "type": "array",
            "minItems": 1,
            "description": "Blocks in order: a text is a paragraph; `section:`, `plan:` and "
                           "`table:` make the others.",
            "items": {
                "anyOf": [_paragraph, _section, _plan, _table],
                "x-discriminator": ["section", "plan", "table"],
            },
        }
    },
}


def schema_json() -> str:
    """The schema as the text of `schemas/report.schema.json`."""
    return json.dumps(REPORT_SCHEMA, ensure_ascii=False, indent=2) + "\n"
