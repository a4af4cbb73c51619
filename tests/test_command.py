"""The installed command as a separate process: its quick exit loses no output, no message and
no exit status (tests elsewhere call main() in-process, which never takes that exit)."""

from __future__ import annotations

import subprocess
import sys

from pypdf import PdfReader

from reportgen.build import BuildSettings, build
from tests.conftest import EXAMPLE


def command(*args, cwd=None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "reportgen", *map(str, args)], cwd=cwd,
                          capture_output=True, text=True, timeout=120)


def test_a_build_leaves_the_same_complete_files_as_an_in_process_build(tmp_path):
    done = command("build", EXAMPLE, "-o", tmp_path / "command", "--reproducible")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("built ") and done.stderr == ""
    build(EXAMPLE, BuildSettings(out_dir=tmp_path / "in-process", reproducible=True))
    for name in (f"{EXAMPLE.stem}.docx", f"{EXAMPLE.stem}.pdf"):
        made = (tmp_path / "command" / name).read_bytes()
        assert made == (tmp_path / "in-process" / name).read_bytes()
    assert len(PdfReader(tmp_path / "command" / f"{EXAMPLE.stem}.pdf").pages) > 1


def test_an_invalid_report_exits_1_with_every_message_flushed(write_yaml, tmp_path):
    text = EXAMPLE.read_text(encoding="utf-8").rstrip("\n") + "\ncolour: red\n"
    bad = write_yaml(text)
    done = command("build", bad, "-o", tmp_path / "out")
    assert done.returncode == 1
    assert f"report.yaml:{text.count(chr(10))}:1: colour: unknown field" in done.stderr
    assert "Traceback" not in done.stderr
    assert not (tmp_path / "out").exists()


def test_usage_errors_and_help_keep_their_exit_codes():
    assert command("build", "--no-such-option").returncode == 2
    helped = command("--help")
    assert helped.returncode == 0 and "build" in helped.stdout
