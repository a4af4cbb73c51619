"""The installed command as a separate process: its quick exit loses no output, no message and
no exit status (tests elsewhere call main() in-process, which never takes that exit)."""

from __future__ import annotations

import os
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


def closed_pipe_run(*args, **kwargs) -> subprocess.CompletedProcess:
    """Run the command with a standard output whose reader is already gone."""
    reader, writer = os.pipe()
    os.close(reader)
    try:
        return subprocess.run([sys.executable, "-m", "reportgen", *map(str, args)],
                              stdout=writer, stderr=subprocess.PIPE, text=True, timeout=120,
                              **kwargs)
    finally:
        os.close(writer)


def test_a_closed_pipe_is_a_quiet_exit_with_the_commands_own_code(tmp_path):
    for args in (["templates"], ["schema"], ["--help"], ["new", "notice"]):
        done = closed_pipe_run(*args)
        assert (done.returncode, done.stderr) == (0, ""), args
    # A build goes on when nobody reads its messages, and says how it went by its exit code.
    done = closed_pipe_run("build", EXAMPLE, "-o", tmp_path)
    assert (done.returncode, done.stderr) == (0, "")
    assert (tmp_path / f"{EXAMPLE.stem}.pdf").exists()


def test_output_larger_than_a_pipe_buffer_stops_quietly_when_the_reader_leaves(tmp_path):
    report = tmp_path / "long.yaml"
    report.write_text("title: 标题\nbody:\n" + "".join(f"  - 第{n}段,内容:说明(注)\n"
                                                     for n in range(3000)), encoding="utf-8")
    full = command("fix", "--diff", report)
    assert full.returncode == 0 and len(full.stdout.encode()) > 2 * 65536
    done = subprocess.run(f'"{sys.executable}" -m reportgen fix --diff "{report}" | head -c 100;'
                          ' echo " exit=${PIPESTATUS[0]}"', shell=True, executable="/bin/bash",
                          capture_output=True, text=True, timeout=120)
    assert done.stdout.endswith(" exit=0\n") and "Error" not in done.stderr
    assert "internal error" not in done.stderr


def pty_run(*args, env: dict | None = None) -> str:
    """The command's standard error as a terminal shows it."""
    import pty

    primary, secondary = pty.openpty()
    try:
        subprocess.run([sys.executable, "-m", "reportgen", *map(str, args)],
                       stdout=subprocess.DEVNULL, stderr=secondary, timeout=120,
                       env={**os.environ, **(env or {})})
        os.close(secondary)
        chunks = []
        while True:
            try:
                chunk = os.read(primary, 65536)
            except OSError:
                break
            if not chunk:
                break
            chunks.append(chunk)
        return b"".join(chunks).decode()
    finally:
        os.close(primary)


def test_errors_and_warnings_are_coloured_on_a_terminal_only(write_yaml):
    report = write_yaml("title: 标题\nbody:\n  - 上午,开会\n  - x: [\n")
    warned = write_yaml("title: 标题\nbody:\n  - 上午,开会\n", name="w.yaml")
    env = {"NO_COLOR": "", "TERM": "xterm"}
    assert "\033[1;31merror:\033[0m" in pty_run("validate", report, env=env)
    assert "\033[1;35mwarning:\033[0m" in pty_run("validate", warned, env=env)
    assert "\033[" not in pty_run("validate", report, env={"NO_COLOR": "1"})
    piped = command("validate", report).stderr
    assert piped.startswith("error:") and "\033[" not in piped
