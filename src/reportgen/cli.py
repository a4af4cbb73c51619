"""The command line: build, archive, validate, fix, pull, new, templates, fonts, schema;
one-line errors, exit codes."""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from reportgen import __version__
from reportgen.console import err, out, write
from reportgen.errors import (
    EXIT_ARCHIVE_CHANGED,
    EXIT_BUILD_FAILED,
    EXIT_INTERNAL,
    EXIT_MEANINGS,
    EXIT_OK,
    EXIT_USAGE,
    Diagnostic,
    ReportError,
)
from reportgen.writers.options import PDFA_LEVELS

STDIN = "-"

_EXAMPLES = {
    None: """examples:
  reportgen new annual-report -o my-report.yaml    a commented starter (also: handout, notice)
  reportgen validate my-report.yaml                check it, write nothing
  reportgen build my-report.yaml                   output/my-report.docx and .pdf
  reportgen fix my-report.yaml                     full-width punctuation, in place
  reportgen pull output/my-report.docx             an editor's revisions back into the YAML
  reportgen build data/ -o out/                    every report of a folder""",
    "build": """examples:
  reportgen build my-report.yaml                   output/my-report.docx and .pdf
  reportgen build my-report.yaml -o out/ --format pdf
  reportgen build data/ -j 2                       every .yaml of a folder, two at a time
  reportgen build - --name plan < plan.yaml        read the report from standard input;
                                                   paths in it (a table's CSV) are relative
                                                   to the current folder""",
    "validate": """examples:
  reportgen validate my-report.yaml
  reportgen validate --strict data/                warnings count as errors (for CI)""",
    "fix": """examples:
  reportgen fix my-report.yaml                     repair in place, print each change
  reportgen fix --diff my-report.yaml              show the changes as a diff, write nothing
  reportgen fix --check data/                      exit 1 if anything would change (for CI)

  , ; : ? ! ( ) in Chinese text become ，；：？！（）, straight quotes “ ” ‘ ’, ... ……, -- ——;
  numbers, times (9:00), URLs, e-mail addresses and Latin sentences stay as they are.""",
    "pull": """examples:
  reportgen pull output/report.docx                carry the editor's changes into the report
                                                   it was built from, in place
  reportgen pull --diff edited.docx --into report.yaml
                                                   show the changes as a diff, write nothing
  reportgen pull --check output/report.docx        exit 1 if the DOCX holds changes the YAML
                                                   does not have yet (for CI)

  Then `reportgen build report.yaml` builds the editor's text (it replaces the pulled DOCX).
  Tracked changes must be accepted or rejected first (or --accept-revisions); comments are
  listed; what the report cannot hold (pictures, bold, page breaks) is listed as not carried
  back. Where the editor changed computed text ({{ … }}), pull stops unless --prefer says
  which side wins.""",
    "new": """examples:
  reportgen new notice                             print the starter
  reportgen new handout -o handout.yaml""",
    "fonts": """examples:
  reportgen fonts                                  the annual-report's roles, bundled fonts
  reportgen fonts my-report.yaml --fonts ~/公文字体  its roles with your fonts, and what became
                                                   of each font file in the folder""",
    "schema": """examples:
  reportgen schema -o report.schema.json           for your editor's YAML language server""",
}


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # one line and exit code 2, as documented
        err(f"error: {message} (hint: reportgen {self.prog.split()[-1]} --help)")
        raise SystemExit(EXIT_USAGE)

    def format_help(self) -> str:
        """The help, with where the format is documented and what the exit codes mean."""
        from reportgen.resources import resource_dir

        docs = resource_dir("docs") / "format.md"
        codes = "\n".join(f"  {code:<3} {meaning}" for code, meaning in EXIT_MEANINGS.items())
        return (super().format_help().rstrip("\n")
                + f"\n\nthe report format: {docs}\n\nexit codes:\n{codes}\n")

    def print_help(self, file=None) -> None:
        if file is None:
            write(self.format_help())  # a closed pipe (--help | head) stays quiet
        else:
            super().print_help(file)


def _positive(text: str) -> int:
    try:
        number = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more, got {number}")
    return number


def _parser() -> argparse.ArgumentParser:
    raw = argparse.RawDescriptionHelpFormatter
    parser = _Parser(prog="reportgen", description="Chinese institutional documents (DOCX and "
                                                   "PDF) from YAML report data.",
                     epilog=_EXAMPLES[None], formatter_class=raw)
    parser.add_argument("--version", action="version", version=f"reportgen {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    def command(name: str, help: str) -> argparse.ArgumentParser:
        return commands.add_parser(name, help=help, description=help[0].upper() + help[1:] + ".",
                                   epilog=_EXAMPLES.get(name), formatter_class=raw)

    build = command("build", "build DOCX and PDF from report files or folders")
    _add_input_options(build)
    build.add_argument("-o", "--output", type=Path, metavar="DIR",
                       help="folder for the outputs (default: ./output)")
    build.add_argument("--name", metavar="NAME",
                       help="with `-` (standard input): the outputs' name (default: report)")
    build.add_argument("--format", default="docx,pdf", metavar="LIST",
                       help="formats to write: docx,pdf (default), docx or pdf")
    build.add_argument("--docx-fonts", choices=("standard", "bundled"), default="standard",
                       help="standard: name the faces offices have (仿宋_GB2312 …); bundled: "
                            "name and embed reportgen's faces")
    build.add_argument("--force", action="store_true",
                       help="replace outputs that were edited or not written by reportgen, "
                            "keeping the old file as a backup beside it")
    build.add_argument("-j", "--jobs", type=_positive, default=None, metavar="N",
                       help="reports built at once (default: one per core)")
    build.add_argument("--reproducible", action="store_true",
                       help="fixed timestamps and ids: the same input gives the same bytes")
    build.add_argument("--pdfa", nargs="?", const="2u", type=_pdfa_level, metavar="LEVEL",
                       help="write the PDF as PDF/A-2u (--pdfa) or PDF/A-3u (--pdfa=3u, which "
                            "carries the report's YAML, table files and DOCX inside)")

    archive = command("archive", "build reports into an archive: PDF/A, DOCX and sources by "
                                 "year, a catalogue (归档文件目录) and a manifest; or --verify one")
    archive.add_argument("inputs", nargs="*", type=Path, metavar="FILE",
                         help="report files (.yaml) or folders of them")
    archive.add_argument("-o", "--output", type=Path, metavar="DIR",
                         help="the archive's folder (new or empty, or --force)")
    archive.add_argument("--verify", type=Path, metavar="DIR",
                         help="recompute every checksum of an archive and list what changed, "
                              "is missing or was added")
    archive.add_argument("--settings", type=Path, metavar="FILE",
                         help="archive settings: 保管期限, 件号, 密级, 备注 and 全宗号 "
                              "(docs/archive.md)")
    archive.add_argument("--retention", metavar="PERIOD",
                         help="保管期限 of every report: 永久, 定期30年 or 定期10年")
    archive.add_argument("--classification", metavar="TEXT", help="密级 of every report")
    archive.add_argument("--fonds", metavar="CODE", help="全宗号, to fill in each 档号")
    archive.add_argument("--pdfa", type=_pdfa_level, default="2u", metavar="LEVEL",
                         help="2u (default) or 3u (the PDF also carries its sources and DOCX)")
    archive.add_argument("--force", action="store_true",
                         help="replace an existing archive, keeping it as a backup beside it")
    archive.add_argument("--template", metavar="KIND", help=argparse.SUPPRESS)
    archive.add_argument("--fonts", type=Path, action="append", default=[], metavar="DIR",
                         help="a folder of your own TrueType fonts; repeatable")
    archive.add_argument("--strict", action="store_true", help="treat warnings as errors")

    validate = command("validate", "check report files without writing")
    _add_input_options(validate)

    fix = command("fix", "repair half-width punctuation in the reports' text, in place")
    fix.add_argument("inputs", nargs="+", type=Path, metavar="FILE",
                     help="report files (.yaml) or folders of them")
    fix.add_argument("--check", action="store_true",
                     help="write nothing; exit 1 if anything would change")
    fix.add_argument("--diff", action="store_true",
                     help="write nothing; print the changes as a unified diff")

    pull = command("pull", "carry an editor's revisions of a DOCX back into its report")
    pull.add_argument("docx", type=Path, metavar="EDITED.docx",
                      help="the revised DOCX (built by reportgen, edited in Word, WPS or "
                           "LibreOffice)")
    pull.add_argument("--into", type=Path, metavar="REPORT.yaml",
                      help="the report to update (default: the one the DOCX was built from)")
    pull.add_argument("--diff", action="store_true",
                      help="write nothing; print the changes as a unified diff")
    pull.add_argument("--check", action="store_true",
                      help="write nothing; exit 1 if the DOCX holds changes not in the YAML")
    pull.add_argument("--accept-revisions", action="store_true",
                      help="take tracked changes (修订) as accepted instead of refusing them")
    pull.add_argument("--prefer", choices=("docx", "yaml"),
                      help="where the editor changed computed text: docx replaces the "
                           "expression by the editor's text, yaml leaves the change out")
    pull.add_argument("--strict", action="store_true",
                      help="write nothing if anything cannot be carried back")
    pull.add_argument("--force", action="store_true",
                      help="pull even though the report changed since the DOCX was built")
    pull.add_argument("--template", metavar="KIND",
                      help="the template the DOCX was built with, if not the report's own "
                           "(default: the one `build --template` recorded in the DOCX)")

    new = command("new", "write a commented starter report for a kind")
    new.add_argument("kind", help="annual-report, handout or notice (see `reportgen templates`)")
    new.add_argument("-o", "--output", type=Path, metavar="FILE",
                     help="file to write (default: print it)")
    new.add_argument("--force", action="store_true", help="replace an existing FILE")

    command("templates", "list the kinds of document")
    fonts = command("fonts", "show which font draws each role, and what became of your own "
                             "fonts")
    fonts.add_argument("report", nargs="?", type=Path, metavar="REPORT",
                       help="a report file: its template, its fonts/ folder and characters")
    fonts.add_argument("--template", metavar="KIND",
                       help="this template instead of the report's (default without a report: "
                            "annual-report)")
    fonts.add_argument("--fonts", type=Path, action="append", default=[], metavar="DIR",
                       help="a folder of your own TrueType fonts (仿宋_GB2312 …); repeatable")
    fonts.set_defaults(strict=False, inputs=[])
    schema = command("schema", "print the JSON Schema of the report format")
    schema.add_argument("-o", "--output", type=Path, metavar="FILE",
                        help="file to write (default: print it)")
    schema.add_argument("--force", action="store_true", help="replace an existing FILE")
    return parser


def _pdfa_level(value: str) -> str:
    """A PDF/A level of the command line (2u, 3u); anything else, such as a report file the
    bare --pdfa took for its level, says how to write it."""
    if value.lower() in PDFA_LEVELS:
        return value.lower()
    raise argparse.ArgumentTypeError(f"`{value}` is not a PDF/A level (2u or 3u); write "
                                     "--pdfa=3u, or put a bare --pdfa after the report files")


def _add_input_options(command: argparse.ArgumentParser) -> None:
    command.add_argument("inputs", nargs="+", type=Path, metavar="FILE",
                         help="report files (.yaml) or folders of them; - reads one report "
                              "from standard input")
    command.add_argument("--template", metavar="KIND",
                         help="use this template instead of the report's `template:`")
    command.add_argument("--fonts", type=Path, action="append", default=[], metavar="DIR",
                         help="a folder of your own TrueType fonts (仿宋_GB2312 …); repeatable")
    command.add_argument("--strict", action="store_true", help="treat warnings as errors")


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
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


def _usage(message: str, hint: str | None = None, file: Path | None = None) -> ReportError:
    return ReportError([Diagnostic(message, file=file, hint=hint)], EXIT_USAGE)


def _check_fonts_folder(folder: Path, origin: str) -> None:
    """`folder`, given by `origin` (--fonts or REPORTGEN_FONTS), must be a folder."""
    if folder.is_dir():
        return
    if folder.exists():
        parent = folder.parent if str(folder.parent) != "" else Path(".")
        raise _usage(f"is a file, not a folder: {origin} names a folder of fonts", file=folder,
                     hint=f"name the folder it is in ({origin} {parent}); every .ttf and .ttc "
                          "there is read and each font is chosen by its name (see README, "
                          "Fonts)")
    raise _usage(f"fonts folder not found ({origin})", file=folder,
                 hint="--fonts and REPORTGEN_FONTS name folders of .ttf and .ttc files")


def _settings(args):
    from reportgen.build import FORMATS, BuildSettings

    formats = tuple(f.strip().lower() for f in getattr(args, "format", "docx,pdf").split(",")
                    if f.strip())
    unknown = [f for f in formats if f not in FORMATS]
    if unknown or not formats:
        raise _usage(f"unknown format {', '.join(unknown) or '(none)'}",
                     "--format docx,pdf, docx or pdf")
    out_dir = getattr(args, "output", None)
    if out_dir is not None and str(out_dir) == STDIN:
        raise _usage("-o - : a DOCX or PDF cannot go to standard output; -o names a folder",
                     "-o out/ writes out/NAME.docx and out/NAME.pdf")
    if out_dir is not None and out_dir.exists() and not out_dir.is_dir():
        raise _usage("is a file; -o takes the folder the outputs go to", file=out_dir)
    configured = [Path(p) for p in os.environ.get("REPORTGEN_FONTS", "").split(os.pathsep) if p]
    for folder, origin in [(p, "REPORTGEN_FONTS") for p in configured] + \
            [(p, "--fonts") for p in args.fonts]:
        _check_fonts_folder(folder, origin)
    stdin = _stdin_report(args)
    return BuildSettings(out_dir=out_dir, formats=formats, template=args.template,
                         font_dirs=tuple(args.fonts + configured),
                         docx_fonts=getattr(args, "docx_fonts", "standard"),
                         force=getattr(args, "force", False), strict=args.strict,
                         reproducible=getattr(args, "reproducible", False),
                         pdfa=getattr(args, "pdfa", None),
                         stdin=stdin, name=getattr(args, "name", None))


def _stdin_report(args) -> str | None:
    """The report read from standard input when the only input is `-`."""
    if STDIN not in map(str, args.inputs):
        if getattr(args, "name", None):
            raise _usage("--name is for a report read from standard input (`-`)",
                         "the outputs of a file are named after it")
        return None
    if len(args.inputs) > 1:
        raise _usage("`-` (standard input) must be the only report",
                     "build files and folders in another run")
    from reportgen.budget import MAX_FILE_BYTES
    from reportgen.build import STDIN_FILE
    from reportgen.yamlsrc.source import decode

    return decode(sys.stdin.buffer.read(MAX_FILE_BYTES + 1), STDIN_FILE)  # bounded: /dev/zero


def _inputs(args, settings) -> list[Path]:
    """The report files to read (importing no reader yet: a build forks its PDF helper first)."""
    from reportgen.batch import expand_inputs
    from reportgen.build import STDIN_FILE

    return [STDIN_FILE] if settings.stdin is not None else expand_inputs(args.inputs)


def _command_build(args) -> int:
    from reportgen.batch import run_batch

    settings = _settings(args)
    files = _inputs(args, settings)
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

    settings = _settings(args)
    worst = EXIT_OK
    for file in _inputs(args, settings):
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
        raise _usage("fix repairs files in place; it does not read standard input",
                     "reportgen fix FILE, or --diff to see the changes")
    return run_fix(expand_inputs(args.inputs), check=args.check, diff=args.diff, out=out,
                   err=err)


def _command_pull(args) -> int:
    from reportgen.pull.command import PullOptions, run_pull

    if str(args.docx) == STDIN or args.into is not None and str(args.into) == STDIN:
        raise _usage("pull reads a DOCX file and updates a report file in place",
                     "reportgen pull EDITED.docx --into REPORT.yaml")
    if args.docx.suffix.lower() in (".yaml", ".yml"):
        raise _usage("the first file is the edited DOCX; the report comes after --into",
                     f"reportgen pull EDITED.docx --into {args.docx}", file=args.docx)
    options = PullOptions(into=args.into, check=args.check, diff=args.diff,
                          accept_revisions=args.accept_revisions, prefer=args.prefer,
                          strict=args.strict, force=args.force, template=args.template)
    return run_pull(args.docx, options, out=out, err=err)


def _write_new_file(path: Path, text: str, force: bool) -> None:
    """Write `text` to `path` (a file the user named with -o), refusing to replace one."""
    if path.is_dir():
        raise _usage("is a folder; -o takes the name of the file to write", file=path,
                     hint=f"-o {path / 'NAME'}")
    if path.exists() and not force:
        raise _usage("file exists; not overwriting it", file=path,
                     hint="choose another name, or add --force")
    from reportgen.outputs import write_atomically

    write_atomically({path: text.encode("utf-8")})


def _command_archive(args) -> int:
    from reportgen.archive import load_settings, make_archive, verify

    if args.verify is not None:
        if args.inputs or args.output:
            raise _usage("--verify DIR takes no reports and no -o",
                         "reportgen archive --verify DIR")
        matching, findings = verify(args.verify)
        for finding in findings:
            out(str(finding))
        out(f"{args.verify}: {matching} files match the manifest"
            + (f", {len(findings)} differences" if findings else ""))
        return EXIT_ARCHIVE_CHANGED if findings else EXIT_OK
    if not args.inputs or args.output is None:
        raise _usage("archive needs reports and -o DIR", "reportgen archive REPORTS… -o DIR")
    if STDIN in map(str, args.inputs):
        raise _usage("an archive keeps each report's file; it does not read standard input",
                     "save the report to a file first")
    from reportgen.batch import expand_inputs

    settings = load_settings(args.settings, retention=args.retention, fonds=args.fonds,
                             classification=args.classification)
    result = make_archive(expand_inputs(args.inputs), args.output, settings,
                          _settings(args), pdfa=args.pdfa, force=args.force)
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

    settings = _settings(args)
    texts = None
    if args.report is not None:
        if not args.report.is_file():
            raise _usage("report file not found", "reportgen fonts [REPORT.yaml]", args.report)
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


def run() -> None:
    """The `reportgen` command: main(), then a quick exit.

    Tearing the interpreter down (freeing lxml, reportlab and font tables module by module)
    takes about 20 ms, an eighth of a whole build, and does nothing a finished run needs:
    every output is written, closed and moved into place, and no atexit work is registered.
    So the command flushes its streams and leaves with os._exit. Tests call main() instead.
    """
    code = main()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except OSError:  # a closed pipe (reportgen … | head): nothing left to tell anyone
            pass
    os._exit(code)


_COMMANDS = {"build": _command_build, "archive": _command_archive,
             "validate": _command_validate, "fix": _command_fix, "pull": _command_pull,
             "new": _command_new, "templates": _command_templates, "fonts": _command_fonts,
             "schema": _command_schema}
