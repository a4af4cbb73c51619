"""Running LibreOffice headless from tests: convert a file, or skip when `soffice` is missing.

Each conversion uses a private user profile in a temporary directory, so tests that run in
parallel (pytest-xdist) or beside a desktop LibreOffice do not lock each other out.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

TIMEOUT_S = 120


def soffice() -> str:
    """The path of `soffice`, or skip the calling test when LibreOffice is not installed."""
    path = shutil.which("soffice") or shutil.which("libreoffice")
    if path is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    return path


def convert(source: Path, fmt: str = "pdf", out_dir: Path | None = None) -> Path:
    """Convert `source` with LibreOffice to `fmt` (pdf, docx, odt …); returns the new file.

    The result goes to `out_dir` (default: beside `source`). Fails the test with LibreOffice's
    output when the conversion fails or takes longer than TIMEOUT_S seconds.
    """
    program = soffice()
    out_dir = out_dir or source.parent
    with tempfile.TemporaryDirectory(prefix="reportgen-lo-") as profile:
        command = [program, f"-env:UserInstallation={Path(profile).as_uri()}", "--headless",
                   "--norestore", "--convert-to", fmt, "--outdir", str(out_dir), str(source)]
        try:
            done = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT_S)
        except subprocess.TimeoutExpired:
            pytest.fail(f"LibreOffice took longer than {TIMEOUT_S} s to convert {source.name}")
    target = out_dir / f"{source.stem}.{fmt.split(':')[0]}"
    if done.returncode != 0 or not target.exists():
        pytest.fail(f"LibreOffice could not convert {source.name} (exit {done.returncode}):\n"
                    f"{done.stdout}\n{done.stderr}")
    return target
