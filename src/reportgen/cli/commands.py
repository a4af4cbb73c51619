"""What each command does: build, archive, validate, fix, pull, new, templates, fonts, schema."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from reportgen.cli.settings import STDIN, build_settings, report_files, usage_error
from reportgen.console import err, out, write
from reportgen.errors import EXIT_ARCHIVE_CHANGED, EXIT_BUILD_FAILED, EXIT_OK, ReportError


def _command_build(args) -> int:
    from reportgen.batch import run_batch

    settings = build_settings(args)
    files = report_files(args, settings)
    started = time.perf_counter()
    results = run_batch(files, settings, jobs=args.jobs, progress=sys.stderr.isatty())
    failed = 0
    for result in results:
        for warning in result.warnings:
            err(warning.format())
        if result.error is not None:
            failed += 1
            for diagnostic in result.error.diagnostics:
                err(diagnostic.format())
        else:
            for backup in result.backups:
                out(f"kept the old file as {backup}")
            out("built " + ", ".join(str(p) for p in result.outputs))
    elapsed = time.perf_counter() - started
    if len(files) > 1:
        out(f"{len(files) - failed} built, {failed} failed, in {elapsed:.1f} s")
        for result in results:
            if result.error is not None:
                out(f"  failed: {result.source}: {result.error.diagnostics[0].message}")
    if failed:
        return results[0].error.exit_code if len(files) == 1 else EXIT_BUILD_FAILED
    return EXIT_OK


def _command_validate(args) -> int:
    from reportgen.batch import internal_error
    from reportgen.build import check

    settings = build_settings(args)
    worst = EXIT_OK
    for file in report_files(args, settings):
        try:
            try:
                _, warnings, _ = check(file, settings)
            except ReportError:
                raise
            except Exception as exc:  # a bug: said for this file, the others still checked
                if os.environ.get("REPORTGEN_DEBUG"):
                    raise
                raise internal_error(file, exc) from None
        except ReportError as exc:
            for diagnostic in exc.diagnostics:
                err(diagnostic.format())
            worst = worst or exc.exit_code
            continue
        for warning in warnings:
            err(warning.format())
        count = len(warnings)
        out(f"ok: {file}" + (f" ({count} warning{'s' if count > 1 else ''})" if count else ""))
    return worst


def _command_fix(args) -> int:
    from reportgen.batch import expand_inputs
    from reportgen.fix.command import run_fix

    if STDIN in map(str, args.inputs):
        raise usage_error("fix repairs files in place; it does not read standard input",
                          "reportgen fix FILE, or --diff to see the changes")
    return run_fix(expand_inputs(args.inputs), check=args.check, diff=args.diff, out=out,
                   err=err)


def _command_pull(args) -> int:
    from reportgen.pull.command import PullOptions, run_pull

    if str(args.docx) == STDIN or args.into is not None and str(args.into) == STDIN:
        raise usage_error("pull reads a DOCX file and updates a report file in place",
                          "reportgen pull EDITED.docx --into REPORT.yaml")
    if args.docx.suffix.lower() in (".yaml", ".yml"):
        raise usage_error("the first file is the edited DOCX; the report comes after --into",
                          f"reportgen pull EDITED.docx --into {args.docx}", file=args.docx)
    options = PullOptions(into=args.into, check=args.check, diff=args.diff,
                          accept_revisions=args.accept_revisions, prefer=args.prefer,
                          strict=args.strict, force=args.force, template=args.template)
    return run_pull(args.docx, options, out=out, err=err)


def _write_new_file(path: Path, text: str, force: bool) -> None:
    """Write `text` to `path` (a file the user named with -o), refusing to replace one."""
    if path.is_dir():
        raise usage_error("is a folder; -o takes the name of the file to write", file=path,
                          hint=f"-o {path / 'NAME'}")
    if path.exists() and not force:
        raise usage_error("file exists; not overwriting it", file=path,
                          hint="choose another name, or add --force")
    from reportgen.outputs import write_atomically

    write_atomically({path: text.encode("utf-8")})


def _command_archive(args) -> int:
    from reportgen.archive import load_settings, make_archive, verify

    if args.verify is not None:
        if args.inputs or args.output:
            raise usage_error("--verify DIR takes no reports and no -o",
                              "reportgen archive --verify DIR")
        matching, findings = verify(args.verify)
        for finding in findings:
            out(str(finding))
        out(f"{args.verify}: {matching} files match the manifest"
            + (f", {len(findings)} differences" if findings else ""))
        return EXIT_ARCHIVE_CHANGED if findings else EXIT_OK
    if not args.inputs or args.output is None:
        raise usage_error("archive needs reports and -o DIR", "reportgen archive REPORTS… -o DIR")
    if STDIN in map(str, args.inputs):
        raise usage_error("an archive keeps each report's file; it does not read standard input",
                          "save the report to a file first")
    from reportgen.batch import expand_inputs

    settings = load_settings(args.settings, retention=args.retention, fonds=args.fonds,
                             classification=args.classification)
    result = make_archive(expand_inputs(args.inputs), args.output, settings,
                          build_settings(args), pdfa=args.pdfa, force=args.force)
    for warning in result.warnings:
        err(warning.format())
    if result.backup is not None:
        out(f"kept the old archive as {result.backup}")
    for entry in result.entries:
        out(f"{entry.year}/{entry.item}  {entry.pages:>3} pages  {entry.title}")
    out(f"archived {len(result.entries)} reports ({result.files} files) in {result.folder}")
    return EXIT_OK


def _command_new(args) -> int:
    from reportgen.starters import starter_text

    text = starter_text(args.kind)
    if args.output is None:
        write(text)
        return EXIT_OK
    _write_new_file(args.output, text, args.force)
    out(f"wrote {args.output}; edit it, then: reportgen build {args.output}")
    return EXIT_OK


def _command_templates(args) -> int:
    from reportgen.template import available_kinds

    kinds = available_kinds()
    width = max(len(k) for k in kinds)
    for kind, description in kinds.items():
        out(f"{kind:<{width}}  {description}")
    return EXIT_OK


def _command_fonts(args) -> int:
    from reportgen.build import check, font_dirs, font_registry
    from reportgen.fontreport import font_report

    settings = build_settings(args)
    texts = None
    if args.report is not None:
        if not args.report.is_file():
            raise usage_error("report file not found", "reportgen fonts [REPORT.yaml]", args.report)
        document, _, registry = check(args.report, settings)
        template, texts = document.template, list(document.texts())
        dirs = font_dirs(args.report, settings)
    else:
        from reportgen.template import load_template

        template = load_template(args.template or "annual-report")
        dirs = settings.font_dirs
        registry = font_registry(dirs)
    for line in font_report(template, registry, dirs, texts):
        out(line)
    return EXIT_OK


def _command_schema(args) -> int:
    from reportgen.reader.schema import schema_json

    if args.output is None:
        write(schema_json())
    else:
        _write_new_file(args.output, schema_json(), args.force)
        out(f"wrote {args.output}")
    return EXIT_OK


COMMANDS = {"build": _command_build, "archive": _command_archive,
            "validate": _command_validate, "fix": _command_fix, "pull": _command_pull,
            "new": _command_new, "templates": _command_templates, "fonts": _command_fonts,
            "schema": _command_schema}
