"""Starter reports for `reportgen new KIND`: commented YAML a user fills in."""

from __future__ import annotations

from reportgen.errors import EXIT_USAGE, Diagnostic, ReportError
from reportgen.template import templates_dir


def starter_text(kind: str) -> str:
    """The commented starter YAML for `kind`."""
    folder = templates_dir() / "starters"
    path = folder / f"{kind}.yaml"
    if not path.is_file():
        from reportgen.reader.validate import did_you_mean

        kinds = sorted(p.stem for p in folder.glob("*.yaml"))
        raise ReportError([Diagnostic(f"no starter for `{kind}`",
                                      hint=did_you_mean(kind, kinds)
                                      or "kinds: " + ", ".join(kinds))], EXIT_USAGE)
    return path.read_text(encoding="utf-8")
