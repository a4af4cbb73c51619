"""Near misses: `did you mean `title`?` for a misspelt field, setting, template or starter name."""

from __future__ import annotations

import difflib
from collections.abc import Iterable


def did_you_mean(word: str, choices: Iterable) -> str | None:
    """`did you mean `title`?` for a near miss among `choices`, else None."""
    close = difflib.get_close_matches(str(word), [str(c) for c in choices], n=1, cutoff=0.6)
    return f"did you mean `{close[0]}`?" if close else None


def choice_hint(word: str, choices: Iterable, label: str = "one of") -> str:
    """The hint for a name not among `choices`: `did you mean …?` for a near miss, else the
    choices listed after `label` ("one of annual-report, notice")."""
    return did_you_mean(word, choices) or f"{label} " + ", ".join(str(c) for c in choices)
