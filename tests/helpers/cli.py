"""The command line run in the test process: its exit code, standard output and error output."""

from __future__ import annotations

from reportgen.cli import main


def run(capsys, *args) -> tuple[int, str, str]:
    """`reportgen ARGS…` run by main(): exit code, standard output, error output."""
    code = main([str(a) for a in args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err
