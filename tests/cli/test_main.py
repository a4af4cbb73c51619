"""main(): no command is the help and exit code 2; a bug is one line with exit code 70."""

from __future__ import annotations

from reportgen.cli import main
from tests.conftest import EXAMPLE
from tests.helpers.cli import run


def test_no_command_prints_help_and_exits_2(capsys):
    assert main([]) == 2
    assert "build" in capsys.readouterr().out


def test_an_internal_error_is_one_line_without_traceback(monkeypatch, capsys, tmp_path):
    import reportgen.build

    def broken(*args, **kwargs):
        raise RuntimeError("simulated")

    monkeypatch.setattr(reportgen.build, "render", broken)
    monkeypatch.delenv("REPORTGEN_DEBUG", raising=False)
    code, _, err = run(capsys, "build", EXAMPLE, "-o", tmp_path, "-j", "1")
    assert code == 70 and "internal error" in err and "Traceback" not in err
    assert not any(tmp_path.iterdir())
