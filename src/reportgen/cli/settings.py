"""A command's options made into build settings: each checked, a misuse a usage error (exit 2)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from reportgen.errors import EXIT_USAGE, Diagnostic, ReportError

STDIN = "-"


def usage_error(message: str, hint: str, file: Path | None = None) -> ReportError:
    """The error of a command used wrongly (exit code 2), to raise."""
    return ReportError([Diagnostic(message, file=file, hint=hint)], EXIT_USAGE)


def _check_fonts_folder(folder: Path, origin: str) -> None:
    """`folder`, given by `origin` (--fonts or REPORTGEN_FONTS), must be a folder."""
    if folder.is_dir():
        return
    if folder.exists():
        parent = folder.parent if str(folder.parent) != "" else Path(".")
        raise usage_error(f"is a file, not a folder: {origin} names a folder of fonts",
                          file=folder,
                          hint=f"name the folder it is in ({origin} {parent}); every .ttf and "
                               ".ttc there is read and each font is chosen by its name (see "
                               "README, Fonts)")
    raise usage_error(f"fonts folder not found ({origin})", file=folder,
                      hint="--fonts and REPORTGEN_FONTS name folders of .ttf and .ttc files")


def build_settings(args):
    """The build settings of a command's options (and REPORTGEN_FONTS), each checked."""
    from reportgen.build import FORMATS, BuildSettings

    formats = tuple(f.strip().lower() for f in getattr(args, "format", "docx,pdf").split(",")
                    if f.strip())
    unknown = [f for f in formats if f not in FORMATS]
    if unknown or not formats:
        raise usage_error(f"unknown format {', '.join(unknown) or '(none)'}",
                          "--format docx,pdf, docx or pdf")
    out_dir = getattr(args, "output", None)
    if out_dir is not None and str(out_dir) == STDIN:
        raise usage_error("-o - : a DOCX or PDF cannot go to standard output; -o names a folder",
                          "-o out/ writes out/NAME.docx and out/NAME.pdf")
    if out_dir is not None and out_dir.exists() and not out_dir.is_dir():
        raise usage_error("is a file; -o takes the folder the outputs go to",
                          "name a folder for the outputs, e.g. -o out", file=out_dir)
    configured = [Path(p) for p in os.environ.get("REPORTGEN_FONTS", "").split(os.pathsep) if p]
    for folder, origin in [(p, "REPORTGEN_FONTS") for p in configured] + \
            [(p, "--fonts") for p in args.fonts]:
        _check_fonts_folder(folder, origin)
    stdin = _stdin_report(args)
    return BuildSettings(out_dir=out_dir, formats=formats, template=_template(args.template),
                         font_dirs=tuple(args.fonts + configured),
                         docx_fonts=getattr(args, "docx_fonts", "standard"),
                         force=getattr(args, "force", False), strict=args.strict,
                         reproducible=getattr(args, "reproducible", False),
                         pdfa=getattr(args, "pdfa", None),
                         stdin=stdin, name=getattr(args, "name", None))


def _template(name: str | None) -> str | None:
    """--template: a kind, or a template file's path, which the command line gives relative to
    the current folder (a report's `template:` is relative to the report)."""
    if name is None:
        return None
    from reportgen.files import relative_to_current
    from reportgen.template import is_template_file, missing_file_hint

    if not is_template_file(name):
        return name
    path = Path(name)
    if not path.is_file():
        raise usage_error(f"--template {name}: template file not found",
                          missing_file_hint(relative_to_current()))
    return str(path.absolute())


def _stdin_report(args) -> str | None:
    """The report read from standard input when the only input is `-`."""
    if STDIN not in map(str, args.inputs):
        if getattr(args, "name", None):
            raise usage_error("--name is for a report read from standard input (`-`)",
                              "the outputs of a file are named after it")
        return None
    if len(args.inputs) > 1:
        raise usage_error("`-` (standard input) must be the only report",
                          "build files and folders in another run")
    from reportgen.budget import MAX_FILE_BYTES
    from reportgen.files import STDIN_FILE
    from reportgen.yamlsrc.source import decode

    return decode(sys.stdin.buffer.read(MAX_FILE_BYTES + 1), STDIN_FILE)  # bounded: /dev/zero


def report_files(args, settings) -> list[Path]:
    """The report files to read (importing no reader yet: a build forks its PDF helper first)."""
    from reportgen.batch import expand_inputs
    from reportgen.files import STDIN_FILE

    return [STDIN_FILE] if settings.stdin is not None else expand_inputs(args.inputs)
