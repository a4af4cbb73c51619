"""The document's properties (title, author, dates …) and the Info dictionary that holds them.

The same `Properties` fill the Info dictionary and, in a PDF/A, the XMP metadata, so the two
always agree (ISO 19005-2 6.6.2.3.1). The dates are the report's `metadata: date` when it has
one, at midnight China Standard Time (+08:00): the file then says when the document was made,
not when it was last built. Without a date a build takes the time of the build, and a
reproducible build 2000-01-01 00:00 UTC.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass

from reportlab.pdfbase import pdfdoc

from reportgen.model import Metadata

CHINA_TIME = _dt.timezone(_dt.timedelta(hours=8))
FIXED_TIME = _dt.datetime(2000, 1, 1, tzinfo=_dt.UTC)


@dataclass(frozen=True)
class Properties:
    """What the document information dictionary says; empty texts are left out of it."""

    title: str
    author: str
    subject: str
    keywords: tuple[str, ...]
    creator: str
    producer: str
    date: _dt.datetime
    """Both the creation and the modification date; always with a time zone."""
    language: str

    @classmethod
    def of(cls, metadata: Metadata, creator: str, producer: str, *,
           reproducible: bool) -> Properties:
        if metadata.date is not None:
            date = _dt.datetime.combine(metadata.date, _dt.time(), CHINA_TIME)
        elif reproducible:
            date = FIXED_TIME
        else:
            date = _dt.datetime.now().astimezone().replace(microsecond=0)
        return cls(metadata.title, metadata.author, metadata.subject, metadata.keywords,
                   creator, producer, date, metadata.language)

    @property
    def keyword_text(self) -> str:
        """The keywords as one text, as the Info dictionary and pdf:Keywords hold them."""
        return ", ".join(self.keywords)


def pdf_date(date: _dt.datetime) -> str:
    """`date` as a PDF date string (ISO 32000-1 7.9.4): D:20260126000000+08'00'."""
    offset = date.utcoffset() or _dt.timedelta()
    sign = "-" if offset < _dt.timedelta() else "+"
    minutes = abs(int(offset.total_seconds())) // 60
    return f"D:{date:%Y%m%d%H%M%S}{sign}{minutes // 60:02d}'{minutes % 60:02d}'"


class InfoDictionary(pdfdoc.PDFInfo):
    """reportlab's Info dictionary with our properties: no empty entries, the dates of
    `Properties`, and no /Trapped (reportgen does not trap, and says nothing about it)."""

    def __init__(self, properties: Properties) -> None:
        super().__init__()
        self.properties = properties

    def digest(self, md5object) -> None:  # reportlab folds the Info into the file's /ID
        md5object.update(repr(self.properties).encode("utf-8"))

    def format(self, document) -> bytes:
        p = self.properties
        entries = {"Title": p.title, "Author": p.author, "Subject": p.subject,
                   "Keywords": p.keyword_text, "Creator": p.creator, "Producer": p.producer}
        fields = {key: pdfdoc.PDFString(value) for key, value in entries.items() if value}
        fields["CreationDate"] = fields["ModDate"] = pdfdoc.PDFString(pdf_date(p.date))
        return pdfdoc.PDFDictionary(fields).format(document)
