"""What a pull does and finds, for the summary: changes, conflicts, and what it leaves out."""

from __future__ import annotations

from dataclasses import dataclass

from reportgen.yamlsrc.tree import Path_


@dataclass(frozen=True)
class Change:
    """One thing the pull does to the YAML, for the summary."""

    action: str
    """changed, added, removed, moved, data, kept (a conflict settled for the YAML)."""
    what: str
    path: Path_
    line: int
    old: str | None = None
    new: str | None = None
    at: int | None = None
    """For an entry added: where it goes in the file's text (its line is known once the
    edits are made)."""


@dataclass(frozen=True)
class Conflict:
    """A text an expression computes that the editor changed: the sentence before and after,
    and the `data:` names it uses."""

    path: Path_
    line: int
    old: str
    new: str
    names: tuple[str, ...]


@dataclass(frozen=True)
class Loss:
    """Something of the DOCX the report format cannot hold: where, and what."""

    where: str
    what: str
