"""A template's settings read into their dataclasses (`Page`, `RoleStyle`, `Head` …): each
named, checked for its type, its range or its choices, and its text for what a DOCX can hold."""

from __future__ import annotations

from dataclasses import fields, is_dataclass, replace
from typing import Any

from reportgen.xmlchars import describe, first_forbidden


def check_text(value: Any, path: tuple, source, problems: list) -> None:
    """A text of a template (a face name, a description) must be one a DOCX can hold."""
    if isinstance(value, str):
        index = first_forbidden(value)
        if index is not None:
            problems.append(source.diagnostic(path, f"contains {describe(value[index])}, which "
                                                    "a document cannot hold", "delete it"))


def settings_from(cls, raw: Any, default, path, source, problems):
    """`default` with the fields given in `raw` replaced, each checked for type."""
    if not isinstance(raw, dict):
        problems.append(source.diagnostic(path, "expected `name: value` fields",
                                          "write each setting on a line of its own below, "
                                          "indented: `size_pt: 16`"))
        return default
    changes = {}
    by_name = {f.name: f for f in fields(cls)}
    for key, value in raw.items():
        if key not in by_name:
            from reportgen.suggest import choice_hint

            problems.append(source.diagnostic(path + (key,), f"unknown setting `{key}`",
                                              choice_hint(key, by_name, "settings here:"),
                                              key=True))
            continue
        current = getattr(default, key)
        if is_dataclass(current):  # a group of settings (the page number's)
            changes[key] = settings_from(type(current), value, current, path + (key,), source,
                                         problems)
        elif key in ("color",):
            if not isinstance(value, str) or not _is_colour(value):
                problems.append(source.diagnostic(
                    path + (key,), f"{value!r} is not a colour",
                    "six hex digits of red, green and blue: FF0000 is red, 000000 black; "
                    "quote it if it starts with a digit"))
                continue
            changes[key] = value.upper()
        elif isinstance(current, tuple):
            if isinstance(value, str):
                value = [value]
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                problems.append(source.diagnostic(path + (key,), "expected a list of names",
                                                  'write the names in brackets: ["仿宋_GB2312", '
                                                  '"FangSong"]'))
                continue
            for i, name in enumerate(value):
                check_text(name, path + (key, i), source, problems)
            changes[key] = tuple(value)
        elif isinstance(current, bool):
            if not isinstance(value, bool):
                problems.append(source.diagnostic(path + (key,), "expected true or false",
                                                  f"write `{key}: true` or `{key}: false`"))
                continue
            changes[key] = value
        elif isinstance(current, (int, float)):
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                problems.append(source.diagnostic(path + (key,), "expected a number",
                                                  f"write it without quotes or units, e.g. "
                                                  f"`{key}: {current:g}`"))
                continue
            low, high = _RANGES.get(key, (0, 1000))
            if isinstance(current, int) and value != int(value):
                problems.append(source.diagnostic(path + (key,), "expected a whole number",
                                                  f"e.g. {current}"))
                continue
            if not low <= value <= high:
                problems.append(source.diagnostic(
                    path + (key,), f"{value:g} is out of range",
                    f"{key} goes from {low:g} to {high:g}; the standard value is {current:g}"))
                continue
            changes[key] = type(current)(value)
        elif key in _CHOICES:
            if value not in _CHOICES[key]:
                from reportgen.suggest import did_you_mean

                problems.append(source.diagnostic(
                    path + (key,), f"{value!r} is not one of {', '.join(_CHOICES[key])}",
                    did_you_mean(value, _CHOICES[key]) or "write one of them as listed"))
                continue
            changes[key] = value
        else:
            check_text(str(value), path + (key,), source, problems)
            changes[key] = str(value)
    return replace(default, **changes)


_RANGES = {
    "width_mm": (50, 1200), "height_mm": (50, 1200),
    "top_mm": (0, 300), "bottom_mm": (0, 300), "left_mm": (0, 300), "right_mm": (0, 300),
    "lines": (1, 80), "chars": (1, 80), "size_pt": (4, 96), "below_text_mm": (0, 100),
    "inset_chars": (0, 20), "indent_chars": (-10, 20),
    "space_before_lines": (0, 20), "space_after_lines": (0, 20),
    "mark_top_mm": (0, 200), "rule_below_mm": (0, 50), "rule_pt": (0.1, 10),
    "thin_rule_pt": (0.1, 10), "rule_gap_pt": (0, 20), "rule_length_mm": (0, 1200),
    "foot_rule_mm": (0, 200), "seal_mm": (10, 100),
}
"""What each number setting may be; a number not listed here may go from 0 to 1000."""

_CHOICES = {"align": ("justify", "left", "center", "right"),
            "placement": ("outside", "center", "right"),
            "layout": ("document", "letter")}
"""Settings that take one of a few words."""


def _is_colour(value: str) -> bool:
    return len(value) == 6 and all(ch in "0123456789abcdefABCDEF" for ch in value)
