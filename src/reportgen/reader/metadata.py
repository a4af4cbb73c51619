"""A report's document properties (标题 title, 作者 author, 主题 subject, 关键词 keywords and
the date) from its `metadata:`, as the DOCX and the PDF carry them."""

from __future__ import annotations

import datetime as _dt
from typing import Any

from reportgen import dates, model
from reportgen.reader.texts import TextReader
from reportgen.yamlsrc.source import Path_


def read_metadata(reader: TextReader, blocks) -> model.Metadata:
    """The document's properties: those `metadata:` gives, the title else from the `blocks`'
    printed title (cut to what a property holds)."""
    meta = reader.data.get("metadata", {})
    title = next((b.text for b in blocks if isinstance(b, model.Title)), "")
    if len(title) > model.MAX_PROPERTY:  # the printed title is whole; its property is cut
        title = title[:model.MAX_PROPERTY - 1] + "…"
    date = _date(reader, meta.get("date"), ("metadata", "date"))
    keywords = tuple(reader.text(k, ("metadata", "keywords", i))
                     for i, k in enumerate(meta.get("keywords", [])))
    _property_length(reader, ", ".join(keywords), ("metadata", "keywords"))
    return model.Metadata(
        title=_property(reader, meta, "title") if "title" in meta else title,
        author=_property(reader, meta, "author"),
        subject=_property(reader, meta, "subject"),
        keywords=keywords,
        date=date,
    )


def _date(reader: TextReader, value: Any, path: Path_) -> _dt.date | None:
    """The report's date: a YAML date, or a text in one of dates.FORMS; other text is an
    error (the PDF would silently carry the time of the build instead)."""
    if isinstance(value, _dt.datetime):
        return value.date()
    if value is None or isinstance(value, _dt.date):
        return value
    hint = f"{dates.hint(value)}: it dates the PDF and the DOCX, and files the report in an archive"
    try:
        day = dates.parse(str(value))
    except ValueError as exc:
        reader.error(path, f"`{value}` is not a valid date: {exc}", hint)
        return None
    if day is None:
        reader.error(path, f"`{value}` is not a date", hint)
    return day


def _property(reader: TextReader, meta: dict, name: str) -> str:
    text = reader.text(meta.get(name, ""), ("metadata", name))
    _property_length(reader, text, ("metadata", name))
    return text


def _property_length(reader: TextReader, text: str, path: Path_) -> None:
    """Document properties hold at most MAX_PROPERTY characters (Word's limit)."""
    if len(text) > model.MAX_PROPERTY:
        reader.error(path, f"has {len(text)} characters; a document property holds at most "
                           f"{model.MAX_PROPERTY}", "shorten it")
