"""Running LibreOffice headless from tests: convert a file, or skip when `soffice` is missing.

Each conversion uses a private user profile in a temporary directory, so tests that run in
parallel (pytest-xdist) or beside a desktop LibreOffice do not lock each other out.

LibreOffice finds fonts through fontconfig. A machine with no Chinese font installed (a fresh
CI image) would draw every ideograph with one wrong glyph, so each conversion also sees the
project's bundled faces in `fonts/`: the rendering no longer depends on what the machine has.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

TIMEOUT_S = 120
BUNDLED_FONTS = Path(__file__).resolve().parents[2] / "fonts"
FONT_CACHE = Path(tempfile.gettempdir()) / "reportgen-tests-fontconfig"


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
            done = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT_S,
                                  env=_environment(Path(profile)))
        except subprocess.TimeoutExpired:
            pytest.fail(f"LibreOffice took longer than {TIMEOUT_S} s to convert {source.name}")
    target = out_dir / f"{source.stem}.{fmt.split(':')[0]}"
    if done.returncode != 0 or not target.exists():
        pytest.fail(f"LibreOffice could not convert {source.name} (exit {done.returncode}):\n"
                    f"{done.stdout}\n{done.stderr}")
    return target


def _environment(scratch: Path) -> dict[str, str]:
    """The environment for soffice: the machine's fontconfig setup plus the bundled fonts."""
    config = scratch / "fonts.conf"
    config.write_text('<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n'
                      "<fontconfig><include ignore_missing=\"yes\">/etc/fonts/fonts.conf"
                      f"</include><dir>{BUNDLED_FONTS}</dir>"
                      f"<cachedir>{FONT_CACHE}</cachedir></fontconfig>\n",
                      encoding="utf-8")
    return {**os.environ, "FONTCONFIG_FILE": str(config)}
