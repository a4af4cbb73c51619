"""Checking loaded YAML against the report schema, every problem at once, each with a location.

A small interpreter for the part of JSON Schema that `schema.py` uses (type, properties,
required, additionalProperties, items, min/max items and values, enum, const, anyOf, $ref),
written for messages an office user can act on: "expected text", "unknown field `titel`
(did you mean `title`?)".
"""

from __future__ import annotations

import datetime as _dt
from typing import Any

from reportgen import dates
from reportgen.errors import Diagnostic
from reportgen.suggest import did_you_mean
from reportgen.yamlsrc.source import Path_, Source

_TYPE_WORDS = {
    "string": "text",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
    "array": "a list (lines starting with `- `)",
    "object": "fields (`name: value` lines)",
    "null": "nothing",
}


def validate(source: Source, schema: dict) -> list[Diagnostic]:
    """All problems of `source.data` against `schema`, in file order."""
    checker = _Checker(source, schema)
    checker.check(source.data, schema, ())
    return sorted(checker.problems, key=lambda d: (d.line or 0, d.column or 0))


def type_name(value: Any) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "fields"
    if isinstance(value, (_dt.date, _dt.datetime)):
        return "a date"
    if value is None:
        return "nothing (an empty value)"
    return type(value).__name__


class _Checker:
    def __init__(self, source: Source, root: dict):
        self.source = source
        self.root = root
        self.problems: list[Diagnostic] = []

    def report(self, path: Path_, message: str, hint: str, key: bool = False):
        self.problems.append(self.source.diagnostic(path, message, hint, key=key))

    def resolve(self, schema: dict) -> dict:
        while "$ref" in schema:
            ref = schema["$ref"]
            assert ref.startswith("#/"), ref
            node: Any = self.root
            for part in ref[2:].split("/"):
                node = node[part]
            schema = node
        return schema

    def check(self, value: Any, schema: dict, path: Path_) -> None:
        schema = self.resolve(schema)
        if "anyOf" in schema:
            self.check_any_of(value, schema, path)
            return
        if "const" in schema and value != schema["const"]:
            self.report(path, f"must be {schema['const']!r}, not {value!r}",
                        f"write `{path[-1]}: {schema['const']}`, the only value this version "
                        "of reportgen reads here")
            return
        if "enum" in schema and value not in schema["enum"]:
            choices = ", ".join(map(str, schema["enum"]))
            self.report(path, f"{value!r} is not one of {choices}",
                        did_you_mean(value, schema["enum"])
                        or _described(schema, "write one of them as listed"))
            return
        expected = schema.get("type")
        if expected and not _has_type(value, expected, schema.get("format")):
            self.report(path, f"expected {_TYPE_WORDS[expected]}, found {type_name(value)}",
                        _type_hint(expected, value, schema))
            return
        if isinstance(value, str):
            if len(value.strip()) < schema.get("minLength", 0):
                self.report(path, "is empty", "write the text, or delete the field")
        elif isinstance(value, (int, float)) and not isinstance(value, bool):
            low, high = schema.get("minimum"), schema.get("maximum")
            if low is not None and value < low or high is not None and value > high:
                self.report(path, f"{value:g} is out of range",
                            f"between {low:g} and {high:g}")
        elif isinstance(value, list):
            self.check_list(value, schema, path)
        elif isinstance(value, dict):
            self.check_mapping(value, schema, path)

    def check_list(self, value: list, schema: dict, path: Path_) -> None:
        if len(value) < schema.get("minItems", 0):
            required = len(path) == 1 and path[0] in self.root.get("required", ())
            self.report(path, "the list is empty", "add at least one entry"
                        + ("" if required else ", or delete the field"))
        if "maxItems" in schema and len(value) > schema["maxItems"]:
            excess = len(value) - schema["maxItems"]
            about = _described(schema, "")
            self.report(path, f"has {len(value)} entries; at most {schema['maxItems']} allowed",
                        f"delete {excess} of them" + (f"; {about}" if about else ""))
        if "items" in schema:
            for i, item in enumerate(value):
                self.check(item, schema["items"], path + (i,))

    def check_mapping(self, value: dict, schema: dict, path: Path_) -> None:
        properties = schema.get("properties", {})
        misspelt = {did_you_mean(key, properties) for key in value if key not in properties}
        for name in schema.get("required", []):
            if name not in value and f"did you mean `{name}`?" not in misspelt:
                self.report(path, f"`{name}` is missing",
                            f"add `{name}:`" + (f"; {properties[name]['description']}"
                                                if "description" in properties.get(name, {})
                                                else ""))
        for name, item in value.items():
            if name in properties:
                self.check(item, properties[name], path + (name,))
            elif schema.get("additionalProperties", True) is False:
                hint = did_you_mean(name, properties) or (
                    "allowed here: " + ", ".join(f"`{p}`" for p in properties))
                self.report(path + (name,), f"unknown field `{name}`", hint, key=True)

    def check_any_of(self, value: Any, schema: dict, path: Path_) -> None:
        options = [self.resolve(option) for option in schema["anyOf"]]
        keys = schema.get("x-discriminator")
        if isinstance(value, dict) and keys:
            present = [k for k in keys if k in value]
            if len(present) != 1:
                self.report_no_kind(value, keys, present, path)
                return
            for option in options:
                if present[0] in option.get("required", ()):
                    self.check(value, option, path)
                    return
        matching = [o for o in options if _has_type(value, o.get("type"), o.get("format"))]
        if not matching and any(o.get("format") == "date" for o in options):
            self.report(path, f"expected a date, found {type_name(value)}", dates.hint(value))
            return
        if not matching:
            kinds = " or ".join(dict.fromkeys(_TYPE_WORDS[o["type"]] for o in options
                                              if "type" in o))
            first = next((o for o in options if "type" in o), {"type": "string"})
            self.report(path, f"expected {kinds}, found {type_name(value)}",
                        _type_hint(first["type"], value, first))
            return
        best = matching[0]
        if len(matching) > 1:
            # Prefer the option under which the value has no problems.
            for option in matching:
                trial = _Checker(self.source, self.root)
                trial.check(value, option, path)
                if not trial.problems:
                    return
        self.check(value, best, path)

    def report_no_kind(self, value: dict, keys, present, path: Path_) -> None:
        names = ", ".join(f"`{k}:`" for k in keys)
        if present:
            self.report(path, f"a block has only one of {names}; this one has "
                              + " and ".join(f"`{k}`" for k in present),
                        "split it into separate list entries")
            return
        for name in value:
            guess = did_you_mean(name, keys)
            if guess:
                self.report(path + (name,), f"unknown field `{name}`", guess, key=True)
                return
        self.report(path, f"a block is a paragraph (text) or starts with one of {names}",
                    "a paragraph containing `: ` must be quoted, or use a full-width colon ：")


def _has_type(value: Any, expected: str | None, fmt: str | None = None) -> bool:
    if expected is None:
        return True
    if expected == "string":
        if isinstance(value, (_dt.date, _dt.datetime)):
            return fmt == "date"
        return isinstance(value, str) and fmt != "date"
    if expected == "integer":
        return isinstance(value, int) and not isinstance(value, bool)
    if expected == "number":
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if expected == "boolean":
        return isinstance(value, bool)
    if expected == "array":
        return isinstance(value, list)
    if expected == "object":
        return isinstance(value, dict)
    if expected == "null":
        return value is None
    raise AssertionError(expected)


def _type_hint(expected: str, value: Any, schema: dict) -> str:
    """What to write instead of `value` where `schema` (of type `expected`) is."""
    if value is None:
        return "the value after the colon is missing"
    if expected == "string":
        if isinstance(value, bool):
            return "quote it to keep it as text: YAML reads yes, no, true and false as true " \
                   "or false"
        if isinstance(value, (int, float, _dt.date)):
            return "quote it to keep it as text: \"…\""
        if isinstance(value, dict):
            return "a text containing `: ` must be quoted, or use a full-width colon ："
        return "write the text on the same line after the colon, not as a list of `- ` lines"
    if expected == "array":
        return "start each entry on its own line with `- `"
    if expected == "object":
        names = schema.get("required") or list(schema.get("properties", {}))[:3]
        fields = ", ".join(f"`{name}: …`" for name in names) or "`name: value`"
        return f"write its fields on lines of their own below it, indented: {fields}"
    if expected in ("integer", "number"):
        return "write a number without quotes or units, e.g. 12"
    return _described(schema, f"write {_TYPE_WORDS[expected]}")


def _described(schema: dict, otherwise: str) -> str:
    """The schema's description (what editors show for the field) as a hint, else `otherwise`."""
    description = schema.get("description", "").rstrip(".")
    return description or otherwise
