"""The command line's grammar: --version, help with examples, documentation and exit codes."""

from __future__ import annotations

from pathlib import Path

import pytest

from reportgen import __version__
from reportgen.cli import main


def test_version(capsys):
    with pytest.raises(SystemExit) as exited:
        main(["--version"])
    assert exited.value.code == 0
    assert __version__ in capsys.readouterr().out


def test_help_shows_examples_the_documentation_and_the_exit_codes(capsys):
    for args in (["--help"], ["build", "--help"], ["fix", "--help"]):
        with pytest.raises(SystemExit) as exited:
            main(args)
        text = capsys.readouterr().out
        assert exited.value.code == 0 and "examples:\n  reportgen " in text
        docs = text.split("the report format: ")[1].splitlines()[0]
        assert Path(docs).is_file() and Path(docs).name == "format.md"
        assert "  70  a bug in reportgen" in text and "  4   --strict and there were" in text
    with pytest.raises(SystemExit):
        main(["build", "--help"])
    assert "build - --name plan < plan.yaml" in capsys.readouterr().out


@pytest.mark.parametrize("args, hint", [
    (["build", "-q", "report.yaml"], "reportgen build --help"),  # unknown to the command
    (["archive", "--bogus"], "reportgen archive --help"),
    (["build"], "reportgen build --help"),  # the command's own check
    (["--bogus"], "reportgen --help"),  # no command typed
    (["biuld", "report.yaml"], "reportgen --help"),
])
def test_a_usage_error_points_to_the_help_of_the_command_typed(capsys, args, hint):
    with pytest.raises(SystemExit) as exited:
        main(args)
    (line,) = capsys.readouterr().err.splitlines()
    assert exited.value.code == 2 and line.startswith("error: ")
    assert line.endswith(f" (hint: {hint})")
