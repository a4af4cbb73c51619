"""Benchmark: cold build vs. the import floor and LibreOffice, batch throughput, page growth.

Run from the project root: `python benchmarks/run.py [--runs N] [--quick]`. Every figure is a
median of several runs in this one invocation, measured on this machine; results go to
`benchmarks/results/latest.json` and a table on standard output.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "data" / "liuzhou-library-2025.yaml"
FLOOR = "import docx, reportlab.platypus, yaml, jinja2"
MEASURE = (
    "import resource, sys, time\n"
    "from reportgen.cli import main\n"
    "t = time.perf_counter(); code = main(sys.argv[1:])\n"
    "own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
    "helper = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss\n"
    "print('RESULT', time.perf_counter() - t, own + helper, code)\n"
)
"""Peak memory counts the process and its forked PDF helper together (their peaks added: an
upper bound, since the two share the pages they had at the fork)."""


def timed(command: list[str], runs: int, cwd: Path = ROOT, env: dict | None = None) -> float:
    """Median wall time of `command`, in seconds, after one untimed run (which warms the
    operating system's file cache, and for reportgen the font cache, as any earlier use would)."""
    subprocess.run(command, cwd=cwd, check=True, capture_output=True, env=env)
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(command, cwd=cwd, check=True, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL, env=env)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def compile_package() -> None:
    """Write reportgen's bytecode, as a regular install or any first run does.

    The import floor's packages were compiled when pip installed them; an editable install
    leaves reportgen's modules to be compiled on first import, and with
    PYTHONDONTWRITEBYTECODE set they would be compiled again on every run. Compiling them here
    compares like with like."""
    import compileall

    import reportgen

    compileall.compile_dir(str(Path(reportgen.__file__).parent), quiet=1)


def first_build(out: Path, work: Path) -> float:
    """One build with an empty font cache: what the very first run on a machine costs."""
    env = dict(os.environ, REPORTGEN_CACHE_DIR=str(work / "empty-font-cache"))
    started = time.perf_counter()
    subprocess.run(build_command(str(EXAMPLE), "-o", str(out), "--force"), cwd=ROOT, check=True,
                   capture_output=True, env=env)
    return time.perf_counter() - started


def build_command(*args: str) -> list[str]:
    return [sys.executable, "-m", "reportgen", "build", *args]


def measure_in_process(args: list[str]) -> tuple[float, float]:
    """(seconds, peak resident MB) of one build in a fresh interpreter."""
    done = subprocess.run([sys.executable, "-c", MEASURE, *args], cwd=ROOT, check=True,
                          capture_output=True, text=True)
    line = next(x for x in done.stdout.splitlines() if x.startswith("RESULT"))
    _, seconds, rss_kb, code = line.split()
    if code != "0":
        raise RuntimeError(f"build failed: {done.stderr}")
    return float(seconds), int(rss_kb) / 1024


def long_report(pages: int, folder: Path) -> Path:
    """A report of about `pages` pages: the example's body repeated."""
    text = EXAMPLE.read_text(encoding="utf-8")
    head, body = text.split("\nbody:\n", 1)
    body, closing = body.split("\nclosing:\n", 1)
    copies = max(1, round(pages / 6))  # the example body fills about 6 pages
    path = folder / f"long-{pages}.yaml"
    path.write_text(f"{head}\nbody:\n{body * copies}\nclosing:\n{closing}", encoding="utf-8")
    return path


def page_count(pdf: Path) -> int:
    from pypdf import PdfReader

    return len(PdfReader(str(pdf)).pages)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--quick", action="store_true", help="fewer runs, no 500 pages")
    args = parser.parse_args()
    runs = 3 if args.quick else args.runs
    results: dict = {"machine": {"cores": os.cpu_count(), "python": sys.version.split()[0]}}
    work = Path(tempfile.mkdtemp(prefix="reportgen-bench-"))
    try:
        out = work / "out"
        compile_package()
        floor = timed([sys.executable, "-c", FLOOR], runs)
        build = timed(build_command(str(EXAMPLE), "-o", str(out), "--force"), runs)
        results["cold_build"] = {"import_floor_s": floor, "build_s": build,
                                 "ratio_to_floor": build / floor,
                                 "first_build_empty_font_cache_s": first_build(out, work)}
        soffice = shutil.which("soffice")
        if soffice:
            docx = out / f"{EXAMPLE.stem}.docx"
            profile = work / "lo-profile"
            convert = [soffice, f"-env:UserInstallation=file://{profile}", "--headless",
                       "--convert-to", "pdf", "--outdir", str(work / "lo"), str(docx)]
            lo = timed(convert, max(3, runs // 2))  # the untimed first run sets the profile up
            results["libreoffice"] = {"convert_s": lo, "speedup_vs_libreoffice": lo / build}
        batch_dir = work / "batch"
        batch_dir.mkdir()
        for n in range(100):
            shutil.copy(EXAMPLE, batch_dir / f"report-{n:03d}.yaml")
        started = time.perf_counter()
        subprocess.run(build_command(str(batch_dir), "-o", str(work / "batch-out")), cwd=ROOT,
                       check=True, capture_output=True)
        batch = time.perf_counter() - started
        results["batch"] = {"reports": 100, "seconds": batch, "reports_per_s": 100 / batch}
        growth = []
        for pages in (10, 100) if args.quick else (10, 100, 500):
            report = long_report(pages, work)
            seconds, peak = measure_in_process(["build", str(report), "-o", str(work / "growth"),
                                                "--force"])
            actual = page_count(work / "growth" / f"{report.stem}.pdf")
            growth.append({"target_pages": pages, "pages": actual, "seconds": seconds,
                           "peak_mb": peak, "s_per_page": seconds / actual})
        results["growth"] = growth
    finally:
        shutil.rmtree(work, ignore_errors=True)
    (ROOT / "benchmarks" / "results").mkdir(exist_ok=True)
    (ROOT / "benchmarks" / "results" / "latest.json").write_text(json.dumps(results, indent=2))
    print_table(results)
    return 0


def print_table(results: dict) -> None:
    cold = results["cold_build"]
    print(f"{'measure':<44}{'value':>14}")
    print(f"{'import floor (docx, reportlab, yaml, jinja2)':<44}{cold['import_floor_s']:>13.3f}s")
    print(f"{'cold build of the example (DOCX + PDF)':<44}{cold['build_s']:>13.3f}s")
    print(f"{'  ratio to the import floor':<44}{cold['ratio_to_floor']:>13.2f}x")
    print(f"{'  first build, empty font cache (one run)':<44}"
          f"{cold['first_build_empty_font_cache_s']:>13.3f}s")
    if "libreoffice" in results:
        lo = results["libreoffice"]
        print(f"{'LibreOffice DOCX -> PDF':<44}{lo['convert_s']:>13.3f}s")
        print(f"{'  reportgen faster by':<44}{lo['speedup_vs_libreoffice']:>13.1f}x")
    batch = results["batch"]
    print(f"{'batch of 100 reports':<44}{batch['seconds']:>13.2f}s")
    print(f"{'  reports per second':<44}{batch['reports_per_s']:>14.1f}")
    for row in results["growth"]:
        label = f"{row['pages']} pages: seconds / peak MB"
        print(f"{label:<44}{row['seconds']:>8.2f} /{row['peak_mb']:>5.0f}")


if __name__ == "__main__":
    raise SystemExit(main())
