"""The figures README gives for loose lines: reportgen's PDFs measured by the PDF checker.

Run from the project root: ``python benchmarks/loose_lines.py [REPORT.yaml …]`` builds every
paragraph of ``tests/layout/stress_corpus.py`` (each subject at each offset of a line) as one
report, and any reports named, as PDFs in a temporary folder, and prints for each: its wrapped
body lines, how many open a gap between two characters wider than a quarter of a character,
the widest such gap (in characters), and the tokens the checker found split.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from reportgen.cli import main  # noqa: E402
from tests.layout.stress_corpus import stress_paragraphs  # noqa: E402
from tests.pdfcheck import check_pdf  # noqa: E402
from tests.pdfcheck.spacing import LOOSE, LOOSE_TOLERANCE  # noqa: E402


def run(reports: list[Path]) -> None:
    with tempfile.TemporaryDirectory() as work:
        out = Path(work)
        corpus = out / "stress-corpus.yaml"
        corpus.write_text(yaml.safe_dump({"title": "断行压力测试", "body": stress_paragraphs()},
                                         allow_unicode=True), encoding="utf-8")
        for report in [corpus, *reports]:
            if main(["build", str(report), "-o", str(out), "--format", "pdf", "--force"]):
                sys.exit(f"error: {report} did not build")
            measured = check_pdf(out / f"{report.stem}.pdf")
            gaps = measured.measurements.loosest_gaps
            loose = [gap for gap in gaps if gap > LOOSE + LOOSE_TOLERANCE / 16]
            split = ", ".join(f"{name} {n}" for name, n in sorted(measured.split_tokens.items()))
            print(f"{report.name}: {len(gaps)} wrapped lines, {len(loose)} over a quarter, "
                  f"widest gap {max(gaps, default=0):.2f}; split tokens: {split or 'none'}")


if __name__ == "__main__":
    run([Path(arg) for arg in sys.argv[1:]])
