"""The pipeline for one report: read and validate, lay out with each writer, write safely."""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from pathlib import Path

from reportgen.errors import (
    EXIT_BUILD_FAILED,
    EXIT_WARNINGS_STRICT,
    Diagnostic,
    ReportError,
    fail,
)
from reportgen.files import STDIN_FILE

FORMATS = ("docx", "pdf")


@dataclass(frozen=True)
class BuildSettings:
    """What the command line decides for every report of a run."""

    out_dir: Path | None = None
    """None: the `output/` folder of the current directory."""
    formats: tuple[str, ...] = FORMATS
    template: str | None = None
    font_dirs: tuple[Path, ...] = ()
    docx_fonts: str = "standard"
    force: bool = False
    strict: bool = False
    reproducible: bool = False
    pdfa: str | None = None
    """`2u` or `3u`: the PDF is a PDF/A of that level (3u carries the sources and the DOCX)."""
    parallel_formats: bool = True
    """Make the PDF in a forked helper, which gets ready while the report is read, and the DOCX
    meanwhile in this process (off in batches, whose workers keep every core busy anyway)."""
    stdin: str | None = None
    """The text of the report read from standard input (the input named STDIN_FILE)."""
    name: str | None = None
    """The outputs' name for the report read from standard input (default: report)."""


@dataclass
class BuildResult:
    """What building one report did: files written, backups made, warnings; or the error
    that stopped it (then nothing was written)."""

    source: Path
    outputs: list[Path] = field(default_factory=list)
    backups: list[Path] = field(default_factory=list)
    warnings: list[Diagnostic] = field(default_factory=list)
    error: ReportError | None = None


_REGISTRIES: dict[tuple[Path, ...], object] = {}


def font_registry(font_dirs: tuple[Path, ...]):
    """One registry per set of font folders, kept for the life of the process."""
    key = tuple(p.resolve() for p in font_dirs)
    if key not in _REGISTRIES:
        from reportgen.fontset import FontRegistry

        _REGISTRIES[key] = FontRegistry(font_dirs=key)
    return _REGISTRIES[key]


def font_dirs(file: Path, settings: BuildSettings) -> tuple[Path, ...]:
    """The font folders of a report: those of the settings, then a fonts/ folder beside it."""
    beside = file.parent / "fonts"
    return settings.font_dirs + ((beside,) if beside.is_dir() else ())


def check(file: Path, settings: BuildSettings, deadline=None):
    """Read and validate `file`: (document, warnings, font registry); raises ReportError.
    `deadline` (a budget.Deadline) bounds the time it may take; None: the usual limit."""
    from reportgen.budget import Deadline
    from reportgen.reader.report import read_report

    registry = font_registry(font_dirs(file, settings))
    warnings = [Diagnostic(note.message, note.path, hint=note.hint, severity="warning")
                for note in registry.notes]
    document = read_report(file, template=settings.template, warnings=warnings,
                           glyph_check=registry.missing,
                           text=settings.stdin if file == STDIN_FILE else None,
                           missing_glyphs="error" if settings.pdfa else "warning",
                           deadline=deadline or Deadline(file=file))
    if settings.strict and warnings:
        raise ReportError([_as_error(w) for w in warnings], EXIT_WARNINGS_STRICT)
    return document, warnings, registry


def _as_error(warning: Diagnostic) -> Diagnostic:
    return Diagnostic(warning.message, warning.file, warning.line, warning.column,
                      warning.field, warning.hint, severity="error")


def output_paths(file: Path, settings: BuildSettings) -> dict[str, Path]:
    out_dir = settings.out_dir if settings.out_dir is not None else Path("output")
    stem = (settings.name or "report") if settings.stdin is not None else file.stem
    return {fmt: out_dir / f"{stem}.{fmt}" for fmt in settings.formats}


def build(file: Path, settings: BuildSettings) -> BuildResult:
    """Build one report into every requested format; all outputs or none are written."""
    from reportgen import forked
    from reportgen.budget import Deadline
    from reportgen.commit import recover
    from reportgen.outputs import write_outputs

    paths = output_paths(file, settings)
    recover(next(iter(paths.values())).parent)  # what a killed build left there
    deadline = Deadline(file=file)
    if settings.pdfa == "3u":  # the PDF carries the DOCX: one after the other
        document, warnings, registry = check(file, settings, deadline)
        checked = _check_writable(paths, settings)
        report = settings.stdin.encode("utf-8") if settings.stdin is not None else None
        origin = provenance(file, paths["docx"], settings) if "docx" in paths else {}
        rendered = _with_attachments(document, _options(registry, settings, deadline, origin),
                                     next(iter(paths.values())).stem, report)
        rendered = {fmt: rendered[fmt] for fmt in paths}
    elif settings.parallel_formats and set(paths) == {"docx", "pdf"} and forked.available():
        # Two cores: the helper imports the PDF writer while this process reads the report,
        # then lays out the PDF while this process makes the DOCX.
        with forked.Helper(lambda: _pdf_job(file, settings, deadline)) as helper:
            document, warnings, registry = check(file, settings, deadline)
            checked = _check_writable(paths, settings)
            helper.send(document)
            docx = render("docx", document, _options(registry, settings, deadline,
                                                     provenance(file, paths["docx"], settings)))
            rendered = {"docx": docx, "pdf": _helper_result(helper, file)}
    else:
        document, warnings, registry = check(file, settings, deadline)
        checked = _check_writable(paths, settings)
        options = _options(registry, settings, deadline,
                           provenance(file, paths["docx"], settings) if "docx" in paths else {})
        rendered = {fmt: render(fmt, document, options) for fmt in paths}
    backups = write_outputs({paths[fmt]: data for fmt, data in rendered.items()}, checked,
                            force=settings.force)
    return BuildResult(file, list(paths.values()), backups, warnings)


def _helper_result(helper, file: Path) -> bytes:
    """The PDF from the helper; its death (killed for memory, a crash) is this report's error."""
    from reportgen.forked import HelperDied

    try:
        return helper.result()
    except HelperDied as exc:
        from reportgen.pool import how_it_ended  # multiprocessing: 17 ms, only now

        raise fail(f"the process laying out the PDF ended abruptly "
                   f"({how_it_ended(exc.exitcode)})", file=file, exit_code=EXIT_BUILD_FAILED,
                   hint="it may have run out of memory; REPORTGEN_DEBUG=1 shows details") from None


def _check_writable(paths: dict[str, Path], settings: BuildSettings) -> dict:
    """What each output path holds; raises for a protected one unless --force."""
    from reportgen.outputs import check_writable

    return {path: check_writable(path, force=settings.force) for path in paths.values()}


def _options(registry, settings: BuildSettings, deadline=None,
             origin: dict[str, str] | None = None):
    from reportgen.budget import UNLIMITED
    from reportgen.writers.options import WriteOptions

    return WriteOptions(fonts=registry, docx_fonts=settings.docx_fonts,
                        reproducible=settings.reproducible, pdfa=settings.pdfa,
                        deadline=deadline or UNLIMITED,
                        provenance=tuple((origin or {}).items()))


def _with_attachments(document, options, name: str, report: bytes | None) -> dict[str, bytes]:
    """The DOCX, then the PDF/A-3 that carries the report's sources and that DOCX (see
    attachments.attachments for `name` and `report`)."""
    from dataclasses import replace

    from reportgen.attachments import attachments

    docx = render("docx", document, options)
    files = attachments(document, docx, name, report)
    pdf = render("pdf", document, replace(options, attachments=files))
    return {"docx": docx, "pdf": pdf}


def _pdf_job(file: Path, settings: BuildSettings, deadline):
    """In the helper, before the report is read: load the PDF writer and the font registry;
    the job then turns the document into PDF bytes."""
    from reportgen.writers import pdf  # noqa: F401 - imported now, while the parent reads

    options = _options(font_registry(font_dirs(file, settings)), settings, deadline)
    return lambda document: render("pdf", document, options)


def provenance(file: Path, docx: Path, settings: BuildSettings) -> dict[str, str]:
    """Where a DOCX comes from, for `reportgen pull`: the report's path relative to the DOCX
    and absolute, a digest of the report's bytes, and the template and font profile chosen on
    the command line. Nothing for standard input; no paths with --reproducible, whose bytes
    must not depend on the folders a build runs in."""
    import hashlib
    import os

    from reportgen import fingerprint

    if settings.stdin is not None:
        return {}
    source = file.resolve()
    try:
        data = source.read_bytes()
    except OSError:
        return {}
    found = {fingerprint.SOURCE_DIGEST: "sha256:" + hashlib.sha256(data).hexdigest()}
    if not settings.reproducible:
        relative = os.path.relpath(source, docx.parent.resolve())
        found |= {fingerprint.SOURCE: Path(relative).as_posix(),
                  fingerprint.SOURCE_PATH: str(source)}
    if settings.template is not None:
        found[fingerprint.TEMPLATE] = settings.template
    if settings.docx_fonts != "standard":
        found[fingerprint.DOCX_FONTS] = settings.docx_fonts
    return found


def render(fmt: str, document, options) -> bytes:
    """The bytes of `document` in format `fmt` (docx or pdf), with their fingerprint; a DOCX
    records `options.provenance` (see provenance())."""
    from reportgen.fingerprint import stamp

    buffer = io.BytesIO()
    if fmt == "docx":
        from reportgen.writers import docx

        docx.write(document, options, buffer)
    elif fmt == "pdf":
        from reportgen.writers import pdf

        pdf.write(document, options, buffer)
    else:
        raise ValueError(fmt)
    return stamp(fmt, buffer.getvalue(), dict(options.provenance))
