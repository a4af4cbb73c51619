"""The pipeline for one report: read and validate, lay out with each writer, write safely."""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from pathlib import Path

from reportgen.errors import EXIT_WARNINGS_STRICT, Diagnostic, ReportError
from reportgen.reader.report import read_report

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
    parallel_formats: bool = True
    """Make the DOCX in a forked child while the PDF is laid out (off in parallel batches,
    whose workers already keep every core busy)."""


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


def _font_dirs(file: Path, settings: BuildSettings) -> tuple[Path, ...]:
    beside = file.parent / "fonts"
    return settings.font_dirs + ((beside,) if beside.is_dir() else ())


def check(file: Path, settings: BuildSettings):
    """Read and validate `file`: (document, warnings, font registry); raises ReportError."""
    registry = font_registry(_font_dirs(file, settings))
    warnings: list[Diagnostic] = []
    document = read_report(file, template=settings.template, warnings=warnings,
                           glyph_check=registry.missing)
    if settings.strict and warnings:
        raise ReportError([_as_error(w) for w in warnings], EXIT_WARNINGS_STRICT)
    return document, warnings, registry


def _as_error(warning: Diagnostic) -> Diagnostic:
    return Diagnostic(warning.message, warning.file, warning.line, warning.column,
                      warning.field, warning.hint, severity="error")


def output_paths(file: Path, settings: BuildSettings) -> dict[str, Path]:
    out_dir = settings.out_dir if settings.out_dir is not None else Path("output")
    return {fmt: out_dir / f"{file.stem}.{fmt}" for fmt in settings.formats}


def build(file: Path, settings: BuildSettings) -> BuildResult:
    """Build one report into every requested format; all outputs or none are written."""
    from reportgen.outputs import check_writable, write_atomically
    from reportgen.writers.options import WriteOptions

    document, warnings, registry = check(file, settings)
    paths = output_paths(file, settings)
    backups = {}
    for path in paths.values():
        backup = check_writable(path, force=settings.force)
        if backup is not None:
            backups[path] = backup
    options = WriteOptions(fonts=registry, docx_fonts=settings.docx_fonts,
                           reproducible=settings.reproducible)
    rendered = render_all(tuple(paths), document, options, parallel=settings.parallel_formats)
    write_atomically({paths[fmt]: data for fmt, data in rendered.items()}, backups)
    return BuildResult(file, list(paths.values()), list(backups.values()), warnings)


def render_all(formats: tuple[str, ...], document, options, *,
               parallel: bool = True) -> dict[str, bytes]:
    """The bytes of `document` in each format; with `parallel`, the DOCX is made in a forked
    child while this process makes the PDF (two cores: the slower of the two, not the sum)."""
    from reportgen import forked

    if parallel and set(formats) == {"docx", "pdf"} and forked.available():
        child = forked.Child(lambda: render("docx", document, options))
        pdf = render("pdf", document, options)
        return {"docx": child.result(), "pdf": pdf}
    return {fmt: render(fmt, document, options) for fmt in formats}


def render(fmt: str, document, options) -> bytes:
    """The bytes of `document` in format `fmt` (docx or pdf)."""
    buffer = io.BytesIO()
    if fmt == "docx":
        from reportgen.fingerprint import stamp
        from reportgen.writers import docx

        docx.write(document, options, buffer)
        return stamp(buffer.getvalue())
    if fmt == "pdf":
        from reportgen.writers import pdf

        pdf.write(document, options, buffer)
        return buffer.getvalue()
    raise ValueError(fmt)
