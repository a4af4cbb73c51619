"""Baseline: reportlab's own CJK wrapping of the stress corpus, measured by the PDF checker.

Run from the project root: ``python benchmarks/linebreak_baseline.py [--out PATH] [--list N]``
sets every paragraph of ``tests/layout/stress_corpus.py`` with reportlab's ``Paragraph``
(``wordWrap='CJK'``, ``TA_JUSTIFY``, 16 pt, first line indented two characters, 22 lines per
page) in the GB/T 9704 text block on A4, with page numbers, and prints the checker's figures.
``--pdf PATH`` checks any PDF instead (reportgen's own output, say) and prints its summary.
"""

from __future__ import annotations

import argparse
import importlib.util
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from reportlab.lib.enums import TA_JUSTIFY  # noqa: E402
from reportlab.lib.pagesizes import A4  # noqa: E402
from reportlab.lib.styles import ParagraphStyle  # noqa: E402
from reportlab.lib.units import mm  # noqa: E402
from reportlab.pdfbase import pdfmetrics  # noqa: E402
from reportlab.pdfbase.ttfonts import TTFont  # noqa: E402
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate, Paragraph  # noqa: E402

from tests.pdfcheck import CheckReport, check_pdf  # noqa: E402

CORPUS = ROOT / "tests" / "layout" / "stress_corpus.py"
FONT_CANDIDATES = (
    Path("/usr/share/fonts/truetype/arphic/uming.ttc"),
    ROOT / "fonts" / "ReportgenSong-Regular.ttf",
)
FONT_NAME = "BaselineCJK"
BODY, NUMBER_SIZE = 16, 14
LEFT, TOP, WIDTH, HEIGHT = 28 * mm, 37 * mm, 156 * mm, 225 * mm
PITCH = HEIGHT / 22


def register_font() -> Path:
    """Register the first CJK TrueType font found; its path."""
    for path in FONT_CANDIDATES:
        if path.exists():
            font = TTFont(FONT_NAME, str(path), subfontIndex=0)
            # reportlab shares fonts by PostScript name: a name of its own keeps this
            # registration from standing in for reportgen's in the same process.
            font.face.name = FONT_NAME.encode("ascii")
            pdfmetrics.registerFont(font)
            return path
    sys.exit("error: no CJK font: apt-get install -y fonts-arphic-uming")


def load_corpus() -> list[str]:
    spec = importlib.util.spec_from_file_location("stress_corpus", CORPUS)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.stress_paragraphs()


def draw_page_number(canvas, doc) -> None:
    """GB/T 9704 page number: 14 pt, glyph tops 7 mm below the block, odd right, even left."""
    number = canvas.getPageNumber()
    text = f"— {number} —"
    glyph_top = A4[1] - TOP - HEIGHT - 7 * mm  # from the page's bottom edge
    descent = pdfmetrics.getDescent(FONT_NAME, NUMBER_SIZE)  # negative
    baseline = glyph_top - NUMBER_SIZE - descent
    canvas.setFont(FONT_NAME, NUMBER_SIZE)
    if number % 2:
        canvas.drawRightString(LEFT + WIDTH - NUMBER_SIZE, baseline, text)
    else:
        canvas.drawString(LEFT + NUMBER_SIZE, baseline, text)


def build_pdf(paragraphs: list[str], out: Path) -> None:
    style = ParagraphStyle(
        "body",
        fontName=FONT_NAME,
        fontSize=BODY,
        leading=PITCH,
        firstLineIndent=2 * BODY,
        alignment=TA_JUSTIFY,
        wordWrap="CJK",
    )
    # The frame gets a hair more than 22 pitches so that rounding cannot drop the 22nd line.
    frame = Frame(LEFT, A4[1] - TOP - HEIGHT - 0.01, WIDTH, HEIGHT + 0.01,
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    doc = BaseDocTemplate(str(out), pagesize=A4,
                          pageTemplates=[PageTemplate("body", [frame], onPage=draw_page_number)])
    doc.build([Paragraph(escape(text), style) for text in paragraphs])


def print_baseline(report: CheckReport, corpus: list[str], listed: int) -> None:
    m = report.measurements
    out = print
    out(report.summary())
    out("")
    out(f"corpus paragraphs {len(corpus)}; paragraphs the checker found {report.paragraphs}")
    out(f"body lines {m.body_lines}, wrapped {m.wrapped_lines}, full {len(m.full_line_cells)}")
    for kind, n in report.counts.items():
        out(f"  {kind:15} {n}")
    for name, n in sorted(report.split_tokens.items(), key=lambda kv: -kv[1]):
        out(f"  split {name:13} {n}")
    starts = Counter(f.detail for f in report.of_kind("line_start"))
    ends = Counter(f.detail for f in report.of_kind("line_end"))
    out(f"line starts by mark: {' '.join(f'{k}{n}' for k, n in starts.most_common())}")
    out(f"line ends by mark: {' '.join(f'{k}{n}' for k, n in ends.most_common())}")
    overflow = [float(f.detail.split()[0]) for f in report.of_kind("overflow")]
    if overflow:
        lasts = Counter(f.text[-1] for f in report.of_kind("overflow"))
        out(f"overflows: {len(overflow)}, median {statistics.median(overflow):.1f} pt, "
            f"max {max(overflow):.1f} pt; last glyph: "
            + " ".join(f"{k}{n}" for k, n in lasts.most_common()))
    ragged = [g for g in m.right_gaps if g > 1]
    if m.right_gaps:
        out(f"wrapped lines ragged (>1 pt short): {len(ragged)} of {len(m.right_gaps)}")
    if ragged:
        quartiles = statistics.quantiles(ragged, n=4)
        out(f"  ragged gap pt: mean {statistics.mean(ragged):.1f}, quartiles "
            f"{' / '.join(f'{q:.1f}' for q in quartiles)}, max {max(ragged):.1f}")
        buckets = Counter(min(int(g // 4) * 4, 16) for g in ragged)
        out("  by 4 pt bucket: " + ", ".join(
            f"{b}–{b + 4 if b < 16 else '∞'} pt {buckets[b]}" for b in sorted(buckets)))
    for finding in report.findings[:listed]:
        out(f"  p{finding.page} l{finding.line} {finding.kind} {finding.detail}: {finding.text}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pdf", type=Path, help="check this PDF instead of building the corpus")
    parser.add_argument("--out", type=Path, help="where to write the baseline PDF")
    parser.add_argument("--list", type=int, default=0, metavar="N", help="list N findings")
    args = parser.parse_args(argv)
    if args.pdf:
        report = check_pdf(args.pdf)
        print(report.summary())
        for finding in report.findings[: args.list]:
            print(f"  p{finding.page} l{finding.line} {finding.kind} {finding.detail}: "
                  f"{finding.text}")
        return 0
    font = register_font()
    corpus = load_corpus()
    with tempfile.TemporaryDirectory() as folder:
        out = args.out or Path(folder) / "linebreak_baseline.pdf"
        started = time.perf_counter()
        build_pdf(corpus, out)
        built = time.perf_counter() - started
        report = check_pdf(out)
        checked = time.perf_counter() - started - built
    print(f"font {font.name}; built in {built:.1f} s, checked in {checked:.1f} s")
    print_baseline(report, corpus, args.list)
    return 0


if __name__ == "__main__":
    sys.exit(main())
