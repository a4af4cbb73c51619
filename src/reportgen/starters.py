"""Starter reports for `reportgen new KIND`: commented YAML a user fills in."""

from __future__ import annotations

from reportgen.errors import EXIT_USAGE, Diagnostic, ReportError
from reportgen.template import templates_dir


def starter_text(kind: str) -> str:
    """The commented starter YAML for `kind`."""
    folder = templates_dir() / "starters"
    path = folder / f"{kind}.yaml"
    if not path.is_file():
        from reportgen.suggest import choice_hint

        kinds = sorted(p.stem for p in folder.glob("*.yaml"))
        raise ReportError([Diagnostic(f"no starter for `{kind}`",
                                      hint=choice_hint(kind, kinds, "kinds:"))], EXIT_USAGE)
    return _with_schema_line(path.read_text(encoding="utf-8"))


_PLACEHOLDER = "https://reportgen.invalid/schemas/report.schema.json"


def _with_schema_line(text: str) -> str:
    """The starter with its `$schema` comment pointing at the schema file of this install, so
    that an editor with the YAML language server completes and checks fields; without that
    file, a comment saying how to write one."""
    from reportgen.resources import resource_dir

    schema = resource_dir("schemas", "REPORTGEN_SCHEMAS_DIR") / "report.schema.json"
    if schema.is_file():
        return text.replace(_PLACEHOLDER, schema.as_uri())
    first, _, rest = text.partition("\n")
    if _PLACEHOLDER not in first:
        return text
    return ("# For completion in your editor: reportgen schema -o report.schema.json, then\n"
            "# yaml-language-server: $schema=report.schema.json\n" + rest)
