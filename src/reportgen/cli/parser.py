"""The command line's grammar: each command's arguments and options, its help with examples, the
exit codes, and a usage error in one line."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import NoReturn

from reportgen import __version__
from reportgen.console import err, write
from reportgen.errors import EXIT_MEANINGS, EXIT_USAGE
from reportgen.writers.options import PDFA_LEVELS

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
    def parse_args(self, args=None, namespace=None):
        """As argparse's, but arguments no command knows send the user to the help of the
        command typed (`reportgen build --help`), not to the top parser's."""
        parsed, extras = self.parse_known_args(args, namespace)
        if extras:
            command = getattr(parsed, "command", None)
            _usage_error(f"unrecognized arguments: {' '.join(extras)}",
                         f"{self.prog} {command}" if command else self.prog)
        return parsed

    def error(self, message: str) -> NoReturn:
        _usage_error(message, self.prog)  # a command's parser's prog is `reportgen build`

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


def _usage_error(message: str, prog: str) -> NoReturn:
    """One line and exit code 2, as documented; the hint names the help of `prog`."""
    err(f"error: {message} (hint: {prog} --help)")
    raise SystemExit(EXIT_USAGE)


def _positive(text: str) -> int:
    try:
        number = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more, got {number}")
    return number


def make_parser() -> argparse.ArgumentParser:
    """The parser of `reportgen`: a subcommand for each command, with its options and help."""
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
    archive.add_argument("--classification", metavar="TEXT",
                         help="密级 of every report not marked with one (a report's own "
                              "secrecy: wins)")
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
