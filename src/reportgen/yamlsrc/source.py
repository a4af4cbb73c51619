"""Reading a YAML file into plain values with the line and column of every value.

Only plain data comes out (dict, list, str, int, float, bool, None, date): no tag may construct
a Python object, anchors and aliases are refused (so an alias bomb cannot blow up memory) and a
key given twice is an error instead of silently losing the first value. Text written over
several lines is joined without a space beside Chinese (folding.py), and a number keeps
the text it was written as (written.py).
"""

from __future__ import annotations

import codecs
import datetime as _dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from reportgen.budget import MAX_FILE_BYTES, MAX_YAML_VALUES, megabytes
from reportgen.errors import EXIT_IO, Diagnostic, ReportError, fail
from reportgen.files import UNREADABLE_HINT, TooLarge, read_limited
from reportgen.written import as_written
from reportgen.yamlsrc import controls
from reportgen.yamlsrc.loader import Loader
from reportgen.yamlsrc.syntax import syntax_error
from reportgen.yamlsrc.tree import Path_, format_path


@dataclass
class Source:
    """A loaded YAML file: its values, and where each value (by field path) starts."""

    file: Path
    data: Any
    marks: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    key_marks: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    notes: list[Diagnostic] = field(default_factory=list)
    """Warnings found while reading (a line that folding joined into a text but that looks
    like a list item or a comment)."""

    def where(self, path: Path_, *, key: bool = False) -> dict:
        """file/line/column/field for a diagnostic about `path` (its nearest located ancestor)."""
        table = self.key_marks if key and path in self.key_marks else self.marks
        probe = path
        while probe and probe not in table:
            probe = probe[:-1]
        line, column = table.get(probe, (None, None))
        return {"file": self.file, "line": line, "column": column,
                "field": format_path(path) or None}

    def diagnostic(self, path: Path_, message: str, hint: str, severity: str = "error",
                   key: bool = False) -> Diagnostic:
        return Diagnostic(message, hint=hint, severity=severity, **self.where(path, key=key))


def read_text(file: Path, *, streams: bool = True) -> str:
    """The file's text: UTF-8 with or without BOM, CRLF or LF; other encodings are named.

    Its size is checked before it is read (a pipe or device is read only up to the limit;
    with `streams` False only a regular file is read at all)."""
    try:
        raw = read_limited(file, MAX_FILE_BYTES, streams=streams)
    except FileNotFoundError:
        raise fail("file not found", file=file, exit_code=EXIT_IO,
                   hint="check the path; `reportgen new annual-report -o FILE` writes a starter")
    except IsADirectoryError:
        raise fail("is a folder, not a YAML file", file=file, exit_code=EXIT_IO,
                   hint="name a report file, e.g. report.yaml")
    except TooLarge as exc:
        raise _too_large(file, exc.size) from None
    except OSError as exc:
        raise fail(f"cannot read: {exc.strerror or exc}", file=file, exit_code=EXIT_IO,
                   hint=UNREADABLE_HINT)
    return decode(raw, file)


def _too_large(file: Path, size: int | None):
    held = f"file is {megabytes(size)}" if size else \
        f"the stream holds more than {megabytes(MAX_FILE_BYTES)}"
    return fail(f"{held}; a report or template may be at most {megabytes(MAX_FILE_BYTES)}",
                file=file,
                hint="a report of 1,000 pages takes about 3 MB: check that this is the right file")


def decode(raw: bytes, file: Path) -> str:
    """The text of a report's bytes (read from `file`), as read_text says; bytes read from a
    stream are to be read up to one past MAX_FILE_BYTES, so that too many are seen."""
    if len(raw) > MAX_FILE_BYTES:
        raise _too_large(file, None)
    wide = _wide_encoding(raw)
    if wide:
        raise fail(f"file is {wide}; reportgen reads UTF-8", file=file,
                   hint="save it as UTF-8 (in Notepad: Save As, Encoding: UTF-8)")
    raw = raw.removeprefix(codecs.BOM_UTF8)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise fail(_guess_encoding_message(raw), file=file, line=line,
                   hint="save it as UTF-8 (in WPS or Notepad: Save As, Encoding: UTF-8), "
                        "or convert: iconv -f GB18030 -t UTF-8 in.yaml > out.yaml")
    return text.replace("\r\n", "\n").replace("\r", "\n")


_BOMS = ((codecs.BOM_UTF32_LE, "UTF-32"), (codecs.BOM_UTF32_BE, "UTF-32"),
         (codecs.BOM_UTF16_LE, "UTF-16"), (codecs.BOM_UTF16_BE, "UTF-16"))


def _wide_encoding(raw: bytes) -> str | None:
    """"UTF-16" or "UTF-32" when `raw` is in one of them, with a byte order mark or without
    (then YAML's ASCII keys and line ends leave NUL bytes in a telling pattern); else None."""
    for bom, name in _BOMS:  # UTF-32's little-endian mark starts with UTF-16's: tried first
        if raw.startswith(bom):
            return name
    head = raw[:4096]
    if len(head) < 4 or head.count(0) < len(head) // 4:  # a stray NUL is reported as such
        return None
    for name, codec in (("UTF-32 (without a byte order mark)", "utf-32-le"),
                        ("UTF-32 (without a byte order mark)", "utf-32-be"),
                        ("UTF-16 (without a byte order mark)", "utf-16-le"),
                        ("UTF-16 (without a byte order mark)", "utf-16-be")):
        usable = len(head) - len(head) % (4 if "32" in codec else 2)
        try:
            decoded = head[:usable].decode(codec)
        except UnicodeDecodeError:
            continue
        if "\x00" not in decoded:
            return name
    return None


def _guess_encoding_message(raw: bytes) -> str:
    try:
        raw.decode("gb18030")
    except UnicodeDecodeError:
        return "file is not valid UTF-8"
    return "file is not UTF-8; it looks like GBK/GB18030 (the usual encoding on Chinese Windows)"


_STR = "tag:yaml.org,2002:str"
_NUMBER_TAGS = ("tag:yaml.org,2002:int", "tag:yaml.org,2002:float")
_PLAIN_TAGS = {
    "tag:yaml.org,2002:str", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool", "tag:yaml.org,2002:null", "tag:yaml.org,2002:timestamp",
    "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map",
}


def load(file: Path, text: str | None = None, *, streams: bool = True) -> Source:
    """Parse `file` (or `text` as if it came from `file`) into a Source; `streams` as for
    `read_text`."""
    if text is None:
        text = read_text(file, streams=streams)
    refused = controls.find(text)
    readable = controls.stand_in(text) if refused else text
    _check_shape(file, readable)
    loader = Loader(readable)
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        if refused:
            raise controls.error(file, text, refused, None) from None
        raise syntax_error(file, readable, exc)
    finally:
        loader.dispose()
    if refused:
        raise controls.error(file, text, refused, node)
    source = Source(file, None)
    if node is None:
        raise fail("the file is empty", file=file, hint="start from `reportgen new annual-report`")
    converter = _Converter(source, text)
    source.data = converter.convert(node, (), -1)
    if converter.problems:
        raise ReportError(converter.problems)
    return source


MAX_DEPTH = 60
"""How deeply YAML values may nest; five levels of sections need about a dozen."""
_TOO_DEEP = f"values are nested more than {MAX_DEPTH} levels deep"
_TOO_DEEP_HINT = "sections go five levels deep at most; check the indentation"


def _check_shape(file: Path, text: str) -> None:
    """Refuse values nested deeper than MAX_DEPTH, or more than MAX_YAML_VALUES of them, from
    the event stream, before composing: the composer recurses once per level (libyaml's
    would crash on a few hundred thousand levels of [[[…]]]), and each value it makes costs
    hundreds of bytes. Syntax errors are left for the composing pass to report."""
    loader = Loader(text)
    depth = values = 0
    try:
        while loader.check_event():
            event = loader.get_event()
            if isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
                depth -= 1
                continue
            if not isinstance(event, yaml.NodeEvent):  # stream and document events
                continue
            values += 1
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    mark = event.start_mark
                    raise fail(_TOO_DEEP, file=file, line=mark.line + 1,
                               column=mark.column + 1, hint=_TOO_DEEP_HINT)
            if values > MAX_YAML_VALUES:
                mark = event.start_mark
                raise fail(f"holds more than {MAX_YAML_VALUES:,} values (texts, numbers, "
                           "lists, fields)", file=file, line=mark.line + 1,
                           column=mark.column + 1,
                           hint="a report of 1,000 pages holds a few thousand: split this one")
    except yaml.MarkedYAMLError as exc:
        if "nesting depth" in str(exc.problem):  # newer libyaml stops at 1000 levels itself
            mark = exc.problem_mark
            raise fail(_TOO_DEEP, file=file, line=mark.line + 1, column=mark.column + 1,
                       hint=_TOO_DEEP_HINT)
        return  # a syntax error: the composing pass reports it
    except yaml.YAMLError:
        return
    finally:
        loader.dispose()


def _position(text: str, at: int) -> tuple[int, int]:
    """Line and column (1-based) of index `at` of `text`."""
    return text.count("\n", 0, at) + 1, at - text.rfind("\n", 0, at)


class _Converter:
    """Nodes to plain values, recording where each value is; multi-line text is joined from
    its source (folding.py) and a number keeps the text it was written as."""

    def __init__(self, source: Source, text: str):
        self.source, self.text = source, text
        self.constructor = yaml.SafeLoader("")
        self.problems: list[Diagnostic] = []
        self.seen: set[int] = set()

    def convert(self, node: Node, path: Path_, parent_indent: int) -> Any:
        source = self.source
        source.marks[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
        # The composer hands an alias (*name) back as the very node its anchor made: meeting a
        # node twice means an alias, refused before anything is expanded (no alias bomb).
        if id(node) in self.seen:
            raise fail("anchors and aliases (&name, *name) are not supported in reports",
                       file=source.file, line=node.start_mark.line + 1,
                       column=node.start_mark.column + 1, hint="write the value out in full")
        self.seen.add(id(node))
        if node.tag not in _PLAIN_TAGS:
            self.problems.append(source.diagnostic(path, f"YAML tag {node.tag} is not allowed",
                                                   hint="remove the !tag; reports hold plain data"))
            return None
        if isinstance(node, ScalarNode):
            return self.scalar(node, path, parent_indent)
        indent = -1 if node.flow_style else node.start_mark.column
        if isinstance(node, SequenceNode):
            return [self.convert(child, path + (i,), indent) for i, child in enumerate(node.value)]
        if isinstance(node, MappingNode):
            return self.mapping(node, path, indent)
        raise AssertionError(f"unknown YAML node {node!r}")

    def scalar(self, node: ScalarNode, path: Path_, parent_indent: int) -> Any:
        if node.tag == _STR and node.start_mark.line != node.end_mark.line and node.style != "|":
            from reportgen.yamlsrc import folding  # only for text written over several lines

            folded = folding.fold(self.text, node, parent_indent)
            if folded is not None:
                value, slips = folded
                for at, message, hint in slips:
                    line, column = _position(self.text, at)
                    self.source.notes.append(Diagnostic(
                        message, file=self.source.file, line=line, column=column,
                        field=format_path(path) or None, hint=hint, severity="warning"))
                return value
        try:
            value = self.constructor.construct_object(node, deep=True)
        except ValueError as exc:
            self.problems.append(_unconstructed(self.source, path, node, exc))
            return None
        if isinstance(value, _dt.datetime):
            value = value.date() if value.time() == _dt.time() else value
        if node.tag in _NUMBER_TAGS:
            value = as_written(value, node.value)
        return value

    def mapping(self, node: MappingNode, path: Path_, indent: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, ScalarNode) else None
            if key is None or key_node.tag not in (_STR, "tag:yaml.org,2002:int",
                                                   "tag:yaml.org,2002:bool",
                                                   "tag:yaml.org,2002:null"):
                self.problems.append(self.source.diagnostic(
                    path, "a key must be a plain name",
                    "write a field name before the colon, such as `title:`; a text that starts "
                    "with ? or holds `: ` must be quoted"))
                continue
            child = path + (key,)
            self.source.key_marks[child] = (key_node.start_mark.line + 1,
                                            key_node.start_mark.column + 1)
            if key in result:
                line = key_node.start_mark.line + 1
                self.problems.append(Diagnostic(
                    f"`{key}` is given twice", file=self.source.file, line=line,
                    column=key_node.start_mark.column + 1, field=format_path(child),
                    hint="merge the two or delete one; YAML would silently keep only the last"))
                continue
            result[key] = self.convert(value_node, child, indent)
        return result


def _unconstructed(source: Source, path: Path_, node: ScalarNode, exc: ValueError) -> Diagnostic:
    """Why a plain scalar that looks like a date or a number is not one."""
    if node.tag == "tag:yaml.org,2002:timestamp":  # 2026-02-30
        return source.diagnostic(path, f"`{node.value}` is not a valid date: {exc}",
                                 "write the date as YYYY-MM-DD, e.g. 2026-02-03")
    digits = sum(ch.isdigit() for ch in node.value)
    return source.diagnostic(path, f"a number of {digits:,} digits is longer than a number "
                                   "may be", "quote it to keep it as text: \"…\"")
