"""``check_pdf``: read a built PDF, apply the rules and measurements, and report the findings.

Finding kinds, defined in ``rules`` (breaks), ``measure`` (geometry and ink) and ``spacing``
(inside lines): ``line_start``, ``line_end``, ``split_token``, ``overflow``, ``ragged``,
``outside_block``, ``lines_per_page``, ``page_number``, ``glyph_offset``, ``mark_pair``,
``loose``. Pages are rendered (``ink``) as the measurements need them.
"""

from __future__ import annotations

import statistics
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from .ink import Ink
from .lines import MM, Geometry, paragraphs, read_pages
from .measure import Measurements, measure
from .rules import Finding, break_findings
from .spacing import spacing_findings

KINDS = (
    "line_start",
    "line_end",
    "split_token",
    "overflow",
    "ragged",
    "outside_block",
    "lines_per_page",
    "page_number",
    "glyph_offset",
    "mark_pair",
    "loose",
)


@dataclass
class CheckReport:
    """What the checker found in one PDF; ``findings`` are sorted by page and line."""

    path: str
    geometry: Geometry
    pages: int
    paragraphs: int
    tables: int
    measurements: Measurements
    findings: list[Finding] = field(default_factory=list)

    @property
    def counts(self) -> dict[str, int]:
        """Findings per kind, every kind listed (zero when absent)."""
        found = Counter(f.kind for f in self.findings)
        return {kind: found.get(kind, 0) for kind in KINDS}

    @property
    def split_tokens(self) -> dict[str, int]:
        """Split tokens per pattern name."""
        return dict(Counter(f.detail for f in self.findings if f.kind == "split_token"))

    def of_kind(self, kind: str) -> list[Finding]:
        return [f for f in self.findings if f.kind == kind]

    def summary(self) -> str:
        """A few lines of figures for people."""
        m = self.measurements
        g = self.geometry
        counts = ", ".join(f"{kind} {n}" for kind, n in self.counts.items())
        lines = [
            f"{self.path}: {self.pages} pages, {self.paragraphs} paragraphs, "
            f"{m.body_lines} body lines ({m.wrapped_lines} wrapped), {self.tables} tables",
            f"findings: {len(self.findings)} ({counts})",
        ]
        if self.split_tokens:
            tokens = ", ".join(f"{k} {n}" for k, n in sorted(self.split_tokens.items()))
            lines.append(f"split tokens: {tokens}")
        lines.append(
            f"chars per full line (n={len(m.full_line_cells)}, expected {g.chars_per_line}): "
            + _distribution(round(c, 1) for c in m.full_line_cells)
        )
        lines.append(f"right gap of wrapped lines: {_gaps(m.right_gaps)}")
        if m.pitches:
            lines.append(
                f"line pitch: median {statistics.median(m.pitches):.2f} pt, "
                f"min {min(m.pitches):.2f}, max {max(m.pitches):.2f} (expected {g.pitch:.2f})"
            )
        lines.append(
            f"lines per page: {_distribution(m.lines_per_page)}; full pages "
            f"{len(m.full_pages)}: {_distribution(m.lines_per_page[p - 1] for p in m.full_pages)}"
        )
        if m.extents:
            expected = (g.left, g.right, g.top, g.bottom)
            reached = (
                min(e.left_mm for e in m.extents),
                max(e.right_mm for e in m.extents),
                min(e.top_mm for e in m.extents),
                max(e.bottom_mm for e in m.extents),
            )
            sides = zip(("left", "right", "top", "bottom"), reached, expected, strict=True)
            lines.append(
                "text block reached (mm, expected in brackets): "
                + ", ".join(f"{side} {mm:.1f} ({pt / MM:.1f})" for side, mm, pt in sides)
            )
        if m.page_numbers:
            lines.append(
                f"page numbers: {len(m.page_numbers)} of {self.pages} pages; dash ink "
                f"{_span(p.gap_mm for p in m.page_numbers)} mm below the block; sides "
                + _distribution(p.side for p in m.page_numbers)
                + f"; inset {_span(p.inset for p in m.page_numbers)} pt "
                f"(ink {_span(p.ink_inset for p in m.page_numbers)} pt)"
            )
        lines.append(f"glyphs checked against their ink (glyph_offset): {m.glyphs_checked}")
        if m.mark_pairs:
            lines.append(f"adjacent mark pairs: {len(m.mark_pairs)}, widths (em) "
                         + _distribution(round(w, 2) for w in m.mark_pairs))
        if m.loosest_gaps:
            loose = sum(g > 0.25 for g in m.loosest_gaps)
            lines.append(f"widest gap of wrapped body lines: max {max(m.loosest_gaps):.2f} em, "
                         f"median {statistics.median(m.loosest_gaps):.3f} em, over ¼ em {loose}")
        return "\n".join(lines)


def check_pdf(
    path: str | Path,
    *,
    text_left_mm: float = 28,
    text_top_mm: float = 37,
    text_width_mm: float = 156,
    text_height_mm: float = 225,
    body_size: float = 16,
) -> CheckReport:
    """Check the PDF at ``path`` against a text block and body size (GB/T 9704 by default)."""
    geometry = Geometry(
        text_left_mm=text_left_mm,
        text_top_mm=text_top_mm,
        text_width_mm=text_width_mm,
        text_height_mm=text_height_mm,
        body_size=body_size,
    )
    pages = read_pages(path, geometry)
    found = paragraphs(pages, geometry)
    with Ink(path) as ink:
        measured = measure(pages, found, geometry, ink)
    findings = break_findings(found, geometry) + measured.findings
    for number, paragraph in enumerate(found):
        findings += spacing_findings(number, paragraph, measured.mark_pairs,
                                     measured.loosest_gaps)
    findings.sort(key=lambda f: (f.page, f.line, KINDS.index(f.kind)))
    return CheckReport(
        path=str(path),
        geometry=geometry,
        pages=len(pages),
        paragraphs=len(found),
        tables=sum(page.tables for page in pages),
        measurements=measured,
        findings=findings,
    )


def _distribution(values) -> str:
    """``value ×count`` pairs, most common first; "none" when empty."""
    counted = Counter(values).most_common()
    if not counted:
        return "none"
    return ", ".join(f"{value} ×{n}" for value, n in counted)


def _span(values) -> str:
    """``min–max`` to one decimal, or the one value when they agree."""
    values = list(values)
    low, high = f"{min(values):.1f}", f"{max(values):.1f}"
    return low if low == high else f"{low}–{high}"


def _gaps(gaps: list[float]) -> str:
    if not gaps:
        return "none"
    flush = sum(abs(g) <= 1 for g in gaps)
    ragged = [g for g in gaps if g > 1]
    over = [-g for g in gaps if g < -0.5]
    parts = [f"n={len(gaps)}", f"flush (±1 pt) {flush}", f"ragged (>1 pt) {len(ragged)}"]
    if ragged:
        parts.append(
            f"ragged gap median {statistics.median(ragged):.1f} pt, max {max(ragged):.1f} pt"
        )
    parts.append(f"past the margin (>0.5 pt) {len(over)}")
    if over:
        parts.append(f"max {max(over):.1f} pt")
    return ", ".join(parts)
