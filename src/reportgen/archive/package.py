"""An archive package: each report built as PDF/A and DOCX beside its sources, in a folder per
year and per 件号, with the catalogue and the manifest; written whole or not at all."""

from __future__ import annotations

import datetime as _dt
import os
import shutil
import tempfile
from dataclasses import dataclass, field, replace
from pathlib import Path

from reportgen import model
from reportgen.archive.catalogue import Entry, catalogue_csv, catalogue_xlsx
from reportgen.archive.manifest import NAME as MANIFEST
from reportgen.archive.manifest import manifest_json, pdf_pages
from reportgen.archive.settings import RETENTION, ArchiveSettings
from reportgen.build import BuildSettings, build, check
from reportgen.errors import EXIT_IO, EXIT_OUTPUT_PROTECTED, Diagnostic, ReportError, fail
from reportgen.outputs import set_aside

CATALOGUE = "归档文件目录"
_CHINA = _dt.timezone(_dt.timedelta(hours=8))


@dataclass
class ArchiveResult:
    folder: Path
    entries: list[Entry]
    files: int
    warnings: list[Diagnostic] = field(default_factory=list)
    backup: Path | None = None


@dataclass(frozen=True)
class _Report:
    file: Path
    document: model.Document
    year: int
    item: int
    retention: str
    classification: str
    remarks: str

    @property
    def folder(self) -> str:
        return f"{self.year}/{self.item:04d}"


def make_archive(reports: list[Path], folder: Path, settings: ArchiveSettings,
                 build_settings: BuildSettings, *, pdfa: str = "2u",
                 force: bool = False) -> ArchiveResult:
    """Build `reports` into the archive `folder`. An existing non-empty `folder` is replaced
    only with `force`, and then kept as a backup beside the new one."""
    _check_target(folder, force)
    warnings: list[Diagnostic] = []
    planned = _plan(reports, settings, build_settings, warnings)
    build_settings = replace(build_settings, reproducible=True, pdfa=pdfa, force=False,
                             formats=("docx", "pdf"))
    folder.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{folder.name}.", dir=folder.parent))
    try:
        files: dict[str, bytes] = {}
        entries = []
        for serial, report in enumerate(planned, start=1):
            files.update(_build(report, staging, build_settings))
            pdf = files[f"{report.folder}/{report.file.stem}.pdf"]
            entries.append(_entry(serial, report, pdf_pages(pdf), settings.fonds))
        stamp = _stamp(planned)
        files[f"{CATALOGUE}.csv"] = catalogue_csv(entries)
        files[f"{CATALOGUE}.xlsx"] = catalogue_xlsx(entries, stamp)
        for name in (f"{CATALOGUE}.csv", f"{CATALOGUE}.xlsx"):
            (staging / name).write_bytes(files[name])
        (staging / MANIFEST).write_bytes(manifest_json(files))
        backup = _move_into_place(staging, folder)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return ArchiveResult(folder, entries, len(files) + 1, warnings, backup)


def _check_target(folder: Path, force: bool) -> None:
    if folder.exists() and not folder.is_dir():
        raise fail("is a file; -o names the archive's folder", file=folder,
                   exit_code=EXIT_OUTPUT_PROTECTED, hint="choose a new folder's name")
    if folder.is_dir() and any(folder.iterdir()) and not force:
        raise fail("folder exists and is not empty; not overwriting it", file=folder,
                   exit_code=EXIT_OUTPUT_PROTECTED,
                   hint="choose a new folder, or add --force to replace it (the old one is "
                        "kept as a backup beside it)")


def _plan(reports: list[Path], settings: ArchiveSettings, build_settings: BuildSettings,
          warnings: list[Diagnostic]) -> list[_Report]:
    """Read every report and give each its year and 件号: numbers the settings give are kept,
    the others count on from 1 within each year, in order of date, then of the command line."""
    problems: list[Diagnostic] = []
    read = []
    for file in reports:
        try:
            document, found, _ = check(file, build_settings)
        except ReportError as exc:
            problems += exc.diagnostics
            continue
        warnings += found
        entry = settings.entry(file)
        retention = entry.retention or settings.retention
        if document.metadata.date is None:
            problems.append(_no_date(file))
        if retention is None:
            problems.append(Diagnostic("no 保管期限 (retention period) for this report",
                                       file=file, hint="--retention 永久|定期30年|定期10年, or "
                                                       "retention: in the settings file"))
        if document.metadata.date is not None and retention is not None:
            read.append((file, document, entry, retention))
    if problems:
        raise ReportError(problems)
    read.sort(key=lambda r: r[1].metadata.date)  # stable: ties keep the command line's order
    taken: dict[int, dict[int, Path]] = {}
    for file, document, entry, _ in read:
        if entry.item is not None:
            year = taken.setdefault(document.metadata.date.year, {})
            if entry.item in year:
                problems.append(Diagnostic(f"件号 {entry.item} is given to {year[entry.item].name} "
                                           "too", file=file, hint="give each report of a year "
                                                                  "its own item"))
            year[entry.item] = file
    if problems:
        raise ReportError(problems)
    planned = []
    for file, document, entry, retention in read:
        year = document.metadata.date.year
        item = entry.item
        if item is None:
            item = next(n for n in range(1, 10000) if n not in taken.setdefault(year, {}))
            taken[year][item] = file
        planned.append(_Report(file, document, year, item, retention,
                               _classification(document, entry.classification, settings),
                               entry.remarks))
    planned.sort(key=lambda r: (r.year, r.item))
    return planned


def _classification(document: model.Document, given: str | None,
                    settings: ArchiveSettings) -> str:
    """密级 for the catalogue: the settings' for this very report (the archivist's word on a
    level changed or lifted since the document was issued), else the level the document is
    marked with (秘密 of 秘密★6个月), else the one for every report (--classification or the
    settings' top level), which never lowers or raises a marked document's."""
    if given is not None:
        return given
    return document.secrecy_level or settings.classification


def _no_date(file: Path) -> Diagnostic:
    """The error for a report without `metadata: date`, at its `metadata:` if it has one."""
    from reportgen.yamlsrc.source import load

    line, column = load(file).key_marks.get(("metadata",), (None, None))
    where = "under this `metadata:`" if line else "in a `metadata:` section"
    return Diagnostic("an archive files each report under the year of its date, and this "
                      "report has none", file=file, line=line, column=column,
                      field="metadata.date",
                      hint=f"add `date: 2026-01-15` (or 2026年1月15日) {where}")


def _build(report: _Report, staging: Path, settings: BuildSettings) -> dict[str, bytes]:
    """Build the report into its folder and copy its sources there (table files at their
    place relative to the report); path within the archive → bytes of each file."""
    folder = staging / report.folder
    result = build(report.file, replace(settings, out_dir=folder))
    paths = list(result.outputs)
    base = report.file.parent
    for source in report.document.sources:
        try:
            relative = source.relative_to(base) if source != report.file else Path(source.name)
        except ValueError:
            raise fail("a table file outside the report's folder cannot go into the archive "
                       "beside it", file=source, hint="move it into the report's folder, or "
                                                      "below it") from None
        target = folder / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            shutil.copyfile(source, target)
        except OSError as exc:
            raise fail(f"cannot copy: {exc.strerror}", file=source, exit_code=EXIT_IO,
                       hint="check that the file can be read and the archive's drive has "
                            "room") from None
        paths.append(target)
    return {p.relative_to(staging).as_posix(): p.read_bytes() for p in paths}


def _entry(serial: int, report: _Report, pages: int, fonds: str) -> Entry:
    meta = report.document.metadata
    blocks = list(report.document.walk())
    responsible = meta.author or "、".join(
        org for b in blocks if isinstance(b, model.Signature) for org in b.organisations)
    item = f"{report.item:04d}"
    code = f"{fonds}-WS·{report.year}-{RETENTION[report.retention]}-{item}" if fonds else ""
    number = report.document.doc_number or ""
    return Entry(serial, code, report.year, item, responsible, number, meta.title,
                 f"{meta.date:%Y%m%d}", pages, report.classification, report.retention,
                 report.remarks)


def _stamp(planned: list[_Report]) -> _dt.datetime:
    """The archive's date: that of its latest report, at midnight China time."""
    latest = max(r.document.metadata.date for r in planned)
    return _dt.datetime.combine(latest, _dt.time(), _CHINA)


def _move_into_place(staging: Path, folder: Path) -> Path | None:
    """Put the staged archive at `folder`; an old non-empty one becomes a backup beside it."""
    backup = None
    if folder.is_dir() and any(folder.iterdir()):
        backup = set_aside(folder)
    elif folder.is_dir():
        folder.rmdir()
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(staging, 0o777 & ~umask)  # mkdtemp makes 0700; an archive is an ordinary folder
    os.replace(staging, folder)
    return backup
