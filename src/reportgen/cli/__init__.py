"""The command line: `reportgen COMMAND …` parsed and run, every failure one line with its exit
code (the commands in commands.py, their options in parser.py)."""

from __future__ import annotations

import os
import sys

from reportgen.cli.commands import COMMANDS
from reportgen.cli.parser import make_parser
from reportgen.console import err
from reportgen.errors import EXIT_INTERNAL, EXIT_USAGE, ReportError


def main(argv: list[str] | None = None) -> int:
    """Run the command in `argv` (None: the process's arguments); its exit code."""
    parser = make_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return EXIT_USAGE
    try:
        return COMMANDS[args.command](args)
    except ReportError as exc:
        for diagnostic in exc.diagnostics:
            err(diagnostic.format())
        return exc.exit_code
    except KeyboardInterrupt:
        err("error: interrupted (hint: stopped by Ctrl+C; run the command again to finish)")
        return 130
    except Exception as exc:  # a bug: one line, unless debugging
        if os.environ.get("REPORTGEN_DEBUG"):
            raise
        err(f"error: internal error: {type(exc).__name__}: {exc} (hint: this is a bug in "
            "reportgen; run again with REPORTGEN_DEBUG=1 for details and report it)")
        return EXIT_INTERNAL


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
