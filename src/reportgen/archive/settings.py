"""Archive settings: the catalogue's fields a report does not carry (保管期限, 件号, 密级, 备注,
全宗号), from command-line options and an optional YAML settings file, checked with located
errors like a report."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from reportgen.errors import EXIT_USAGE, Diagnostic, ReportError
from reportgen.suggest import choice_hint
from reportgen.yamlsrc.source import Path_, Source, load

RETENTION = {"永久": "Y", "定期30年": "D30", "定期10年": "D10"}
"""保管期限 and its code in a 档号 (DA/T 22-2015)."""
_RETENTION_CODES = {code: name for name, code in RETENTION.items()}
_TOP = ("fonds", "retention", "classification", "reports")
_PER_REPORT = ("item", "retention", "classification", "remarks")
HINT = "see docs/archive.md, Settings"


@dataclass(frozen=True)
class ReportEntry:
    """What the settings say about one report (by its file name); None: not said."""

    item: int | None = None
    retention: str | None = None
    classification: str | None = None
    remarks: str = ""


@dataclass(frozen=True)
class ArchiveSettings:
    """Catalogue fields for every report, and per report by file name."""

    fonds: str = ""
    """全宗号; with it the catalogue fills in each 档号."""
    retention: str | None = None
    """保管期限 of every report not given one of its own: 永久, 定期30年 or 定期10年."""
    classification: str = ""
    """密级 of every report neither marked with one (`secrecy:`) nor given one of its own;
    empty for none."""
    reports: dict[str, ReportEntry] = field(default_factory=dict)

    def entry(self, report: Path) -> ReportEntry:
        return self.reports.get(report.name, ReportEntry())


def retention_name(value: str) -> str | None:
    """保管期限 as its full name, from the name or its code (Y, D30, D10); None if neither."""
    value = value.strip()
    if value in RETENTION:
        return value
    return _RETENTION_CODES.get(value.upper())


def load_settings(file: Path | None, *, retention: str | None = None, fonds: str | None = None,
                  classification: str | None = None) -> ArchiveSettings:
    """The settings file's values (if any), then the options given, which win."""
    settings = _read(file) if file is not None else ArchiveSettings()
    if retention is not None:
        name = retention_name(retention)
        if name is None:
            raise ReportError([Diagnostic(f"--retention {retention}: unknown 保管期限",
                                          hint="永久, 定期30年 or 定期10年 (Y, D30, D10)")],
                              EXIT_USAGE)
        settings = replace(settings, retention=name)
    if fonds is not None:
        settings = replace(settings, fonds=fonds)
    if classification is not None:
        settings = replace(settings, classification=classification)
    return settings


def _read(file: Path) -> ArchiveSettings:
    source = load(file)
    problems: list[Diagnostic] = []
    data = source.data if source.data is not None else {}
    if not isinstance(data, dict):
        raise ReportError([source.diagnostic((), "archive settings are `name: value` fields",
                                             HINT)])
    _known(source, data, (), _TOP, problems)
    reports: dict[str, ReportEntry] = {}
    listed = data.get("reports") or {}
    if not isinstance(listed, dict):
        problems.append(source.diagnostic(("reports",), "expected report file names, each with "
                                                        "its fields", HINT))
        listed = {}
    for name, fields in listed.items():
        path = ("reports", name)
        if not isinstance(fields, dict):
            problems.append(source.diagnostic(path, "expected fields (item, retention, "
                                                    "classification, remarks)", HINT))
            continue
        _known(source, fields, path, _PER_REPORT, problems)
        item = fields.get("item")
        if item is not None and (not isinstance(item, int) or isinstance(item, bool)
                                 or not 1 <= item <= 9999):
            problems.append(source.diagnostic(path + ("item",), "件号 is a number from 1 to "
                                                                "9999", HINT))
            item = None
        reports[str(name)] = ReportEntry(
            item=item,
            retention=_retention(source, fields, path, problems),
            classification=_text(source, fields, path + ("classification",), problems),
            remarks=_text(source, fields, path + ("remarks",), problems) or "")
    settings = ArchiveSettings(
        fonds=_text(source, data, ("fonds",), problems) or "",
        retention=_retention(source, data, (), problems),
        classification=_text(source, data, ("classification",), problems) or "",
        reports=reports)
    if problems:
        raise ReportError(problems)
    return settings


def _known(source: Source, data: dict, path: Path_, names: tuple[str, ...],
           problems: list[Diagnostic]) -> None:
    for key in data:
        if key not in names:
            problems.append(source.diagnostic(path + (key,), f"unknown field `{key}`",
                                              choice_hint(str(key), names, "fields:"), key=True))


def _text(source: Source, data: dict, path: Path_, problems: list[Diagnostic]) -> str | None:
    value: Any = data.get(path[-1])
    if value is None:
        return None
    if not isinstance(value, (str, int)) or isinstance(value, bool):
        problems.append(source.diagnostic(path, "expected text", HINT))
        return None
    return str(value).strip()


def _retention(source: Source, data: dict, path: Path_,
               problems: list[Diagnostic]) -> str | None:
    text = _text(source, data, path + ("retention",), problems)
    if text is None:
        return None
    name = retention_name(text)
    if name is None:
        problems.append(source.diagnostic(path + ("retention",), f"unknown 保管期限 `{text}`",
                                          "永久, 定期30年 or 定期10年 (Y, D30, D10)"))
    return name
