"""The command line: build, validate, new, templates, schema; one-line errors, documented exits."""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from reportgen import __version__
from reportgen.errors import (
    EXIT_BUILD_FAILED,
    EXIT_INTERNAL,
    EXIT_OK,
    EXIT_USAGE,
    Diagnostic,
    ReportError,
)


def out(message: str = "") -> None:
    print(message, file=sys.stdout, flush=True)


def err(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # one line and exit code 2, as documented
        err(f"error: {message} (hint: reportgen {self.prog.split()[-1]} --help)")
        raise SystemExit(EXIT_USAGE)


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="reportgen", description="Chinese institutional documents (DOCX and "
                                                   "PDF) from YAML report data.")
    parser.add_argument("--version", action="version", version=f"reportgen {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    build = commands.add_parser("build", help="build DOCX and PDF from report files or folders")
    _add_input_options(build)
    build.add_argument("-o", "--output", type=Path, metavar="DIR",
                       help="folder for the outputs (default: ./output)")
    build.add_argument("--format", default="docx,pdf", metavar="LIST",
                       help="formats to write: docx,pdf (default), docx or pdf")
    build.add_argument("--docx-fonts", choices=("standard", "bundled"), default="standard",
                       help="standard: name the faces offices have (仿宋_GB2312 …); bundled: "
                            "name and embed reportgen's faces")
    build.add_argument("--force", action="store_true",
                       help="replace outputs that were edited or not written by reportgen, "
                            "keeping the old file as a backup beside it")
    build.add_argument("-j", "--jobs", type=int, default=None, metavar="N",
                       help="reports built at once (default: one per core)")
    build.add_argument("--reproducible", action="store_true",
                       help="fixed timestamps and ids: the same input gives the same bytes")

    validate = commands.add_parser("validate", help="check report files without writing")
    _add_input_options(validate)

    new = commands.add_parser("new", help="write a commented starter report for a kind")
    new.add_argument("kind", help="annual-report, handout or notice (see `reportgen templates`)")
    new.add_argument("-o", "--output", type=Path, metavar="FILE",
                     help="file to write (default: print to the terminal)")
    new.add_argument("--force", action="store_true", help="replace an existing FILE")

    commands.add_parser("templates", help="list the kinds of document")
    schema = commands.add_parser("schema", help="print the JSON Schema of the report format")
    schema.add_argument("-o", "--output", type=Path, metavar="FILE")
    return parser


def _add_input_options(command: argparse.ArgumentParser) -> None:
    command.add_argument("inputs", nargs="+", type=Path, metavar="FILE",
                         help="report files (.yaml) or folders of them")
    command.add_argument("--template", metavar="KIND",
                         help="use this template instead of the report's `template:`")
    command.add_argument("--fonts", type=Path, action="append", default=[], metavar="DIR",
                         help="a folder of your own TrueType fonts (仿宋_GB2312 …); repeatable")
    command.add_argument("--strict", action="store_true", help="treat warnings as errors")


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command is None:
        _parser().print_help()
        return EXIT_USAGE
    try:
        return _COMMANDS[args.command](args)
    except ReportError as exc:
        for diagnostic in exc.diagnostics:
            err(diagnostic.format())
        return exc.exit_code
    except KeyboardInterrupt:
        err("error: interrupted")
        return 130
    except Exception as exc:  # a bug: one line, unless debugging
        if os.environ.get("REPORTGEN_DEBUG"):
            raise
        err(f"error: internal error: {type(exc).__name__}: {exc} (hint: this is a bug in "
            "reportgen; run again with REPORTGEN_DEBUG=1 for details and report it)")
        return EXIT_INTERNAL


def _settings(args):
    from reportgen.build import FORMATS, BuildSettings

    formats = tuple(f.strip().lower() for f in getattr(args, "format", "docx,pdf").split(",")
                    if f.strip())
    unknown = [f for f in formats if f not in FORMATS]
    if unknown or not formats:
        raise ReportError([Diagnostic(f"unknown format {', '.join(unknown) or '(none)'}",
                                      hint="--format docx,pdf, docx or pdf")], EXIT_USAGE)
    out_dir = getattr(args, "output", None)
    if out_dir is not None and out_dir.exists() and not out_dir.is_dir():
        raise ReportError([Diagnostic("is a file; -o takes the folder the outputs go to",
                                      file=out_dir)], EXIT_USAGE)
    configured = [Path(p) for p in os.environ.get("REPORTGEN_FONTS", "").split(os.pathsep) if p]
    for folder in configured + args.fonts:
        if not folder.is_dir():
            raise ReportError([Diagnostic("fonts folder not found", file=folder,
                                          hint="--fonts and REPORTGEN_FONTS name folders of "
                                               ".ttf files")],
                              EXIT_USAGE)
    return BuildSettings(out_dir=getattr(args, "output", None), formats=formats,
                         template=args.template, font_dirs=tuple(args.fonts + configured),
                         docx_fonts=getattr(args, "docx_fonts", "standard"),
                         force=getattr(args, "force", False), strict=args.strict,
                         reproducible=getattr(args, "reproducible", False))


def _command_build(args) -> int:
    from reportgen.batch import expand_inputs, run_batch

    settings = _settings(args)
    files = expand_inputs(args.inputs)
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
    from reportgen.batch import expand_inputs, internal_error
    from reportgen.build import check

    settings = _settings(args)
    worst = EXIT_OK
    for file in expand_inputs(args.inputs):
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


def _command_new(args) -> int:
    from reportgen.starters import starter_text

    text = starter_text(args.kind)
    if args.output is None:
        sys.stdout.write(text)
        return EXIT_OK
    if args.output.exists() and not args.force:
        raise ReportError([Diagnostic("file exists; not overwriting it", file=args.output,
                                      hint="choose another name, or add --force")], EXIT_USAGE)
    from reportgen.outputs import write_atomically

    write_atomically({args.output: text.encode("utf-8")})
    out(f"wrote {args.output}; edit it, then: reportgen build {args.output}")
    return EXIT_OK


def _command_templates(args) -> int:
    from reportgen.template import available_kinds

    kinds = available_kinds()
    width = max(len(k) for k in kinds)
    for kind, description in kinds.items():
        out(f"{kind:<{width}}  {description}")
    return EXIT_OK


def _command_schema(args) -> int:
    from reportgen.reader.schema import schema_json

    if args.output is None:
        sys.stdout.write(schema_json())
        return EXIT_OK
    if args.output.is_dir():
        raise ReportError([Diagnostic("is a folder; -o takes the file to write",
                                      file=args.output,
                                      hint=f"e.g. -o {args.output / 'report.schema.json'}")],
                          EXIT_USAGE)
    from reportgen.outputs import write_atomically

    write_atomically({args.output: schema_json().encode("utf-8")})
    return EXIT_OK


def run() -> None:
    """The `reportgen` command: main(), then a quick exit.

    Tearing the interpreter down (freeing lxml, reportlab and font tables module by module)
    takes about 20 ms, an eighth of a whole build, and does nothing a finished run needs:
    every output is written, closed and moved into place, and no atexit work is registered.
    So the command flushes its streams and leaves with os._exit. Tests call main() instead.
    """
    code = main()
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except OSError:  # a closed pipe (reportgen … | head): nothing left to tell anyone
        pass
    os._exit(code)


_COMMANDS = {"build": _command_build, "validate": _command_validate, "new": _command_new,
             "templates": _command_templates, "schema": _command_schema}
