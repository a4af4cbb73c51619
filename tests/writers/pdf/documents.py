"""Documents built in code for the PDF writer tests, and the PDF read back as lines of chars."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from pathlib import Path

import pdfplumber

from reportgen import model
from reportgen.fontset import FontRegistry
from reportgen.numbering import NumberStyle
from reportgen.template import load_template
from reportgen.writers.options import WriteOptions
from reportgen.writers.pdf import write

MM = 72 / 25.4
PAGE_HEIGHT = 297 * MM
LEFT = 28 * MM
RIGHT = (28 + 156) * MM
TOP = 37 * MM
BOTTOM = (37 + 225) * MM
PITCH = 225 * MM / 22
CHAR = 156 * MM / 28  # one full-width 16 pt character on the grid
# The baseline below a line's top: 4/5 of the grid line down, where LibreOffice seats the
# baseline of a line of exact height (README, "Where LibreOffice 7.4 differs").
BASELINE = 0.8 * PITCH
# Marks whose blank right half the line breaker may squeeze at a line's end: their glyph box
# then hangs half an em past the margin while their ink stays inside.
SQUEEZABLE = set("，。、；：？！）〕］｝》〉」』】〗〙〛”’")

PARAGRAPH = ("扎实开展深入贯彻中央八项规定精神学习教育，推行“五学联动”学习机制，深入学习贯彻习近平"
             "总书记关于加强党的作风建设的重要论述，引导支部党员干部深刻领会中央八项规定精神。")


def template(kind: str = "annual-report"):
    return load_template(kind)


def document(*blocks: model.Block, kind: str = "annual-report") -> model.Document:
    meta = model.Metadata(title="测试文档", author="柳州市图书馆", subject="测试",
                          keywords=("测试", "版式"))
    return model.Document(meta, template(kind), tuple(blocks))


def section(level: int, ordinal: int, title: str, *blocks: model.Block,
            style: NumberStyle | None = None, run_in: str | None = None) -> model.Section:
    style = style or template().levels[level - 1]
    return model.Section(title, model.Numbering(level, style, ordinal, "sections"), blocks, run_in)


def plan(*titles: str) -> model.Plan:
    style = template().plan
    return model.Plan(tuple(model.PlanItem(t, model.Numbering(2, style, n, "plan-1"))
                            for n, t in enumerate(titles, start=1)))


def paragraph(lines: int) -> model.Paragraph:
    """A paragraph of ideographs only that takes exactly `lines` lines (the first indented)."""
    text = "".join(chr(0x4E00 + (i * 37) % 3000) for i in range(28 * lines - 2))
    return model.Paragraph(text)


def pdf_bytes(doc: model.Document, registry: FontRegistry, *, reproducible: bool = True) -> bytes:
    out = io.BytesIO()
    write(doc, WriteOptions(fonts=registry, reproducible=reproducible), out)
    return out.getvalue()


def write_pdf(doc: model.Document, registry: FontRegistry, path: Path) -> Path:
    path.write_bytes(pdf_bytes(doc, registry))
    return path


@dataclass
class TextLine:
    """Characters of one page sharing a baseline, left to right."""

    page: int
    baseline: float  # from the page's top
    chars: list[dict]

    @property
    def text(self) -> str:
        return "".join(c["text"] for c in self.chars)

    @property
    def x0(self) -> float:
        return self.chars[0]["x0"]

    @property
    def x1(self) -> float:
        return self.chars[-1]["x1"]

    @property
    def set_x1(self) -> float:
        """Where the line as set ends: a squeezable mark at its end may keep half its box."""
        last = self.chars[-1]
        if last["text"] in SQUEEZABLE and last["x1"] > RIGHT + 0.5:
            return last["x0"] + last["width"] / 2
        return last["x1"]

    @property
    def size(self) -> float:
        return round(max(c["size"] for c in self.chars), 1)

    @property
    def row(self) -> float:
        """The grid line the baseline sits on (a whole number when it is on the grid)."""
        return (self.baseline - TOP - BASELINE) / PITCH

    @property
    def is_page_number(self) -> bool:
        return self.baseline > BOTTOM


def read_lines(pdf: Path | bytes) -> list[list[TextLine]]:
    """Per page, its text lines from top to bottom (page numbers last)."""
    source = io.BytesIO(pdf) if isinstance(pdf, bytes) else pdf
    pages = []
    with pdfplumber.open(source) as opened:
        for number, page in enumerate(opened.pages, start=1):
            rows: dict[float, list[dict]] = {}
            for char in page.chars:
                baseline = round(PAGE_HEIGHT - char["matrix"][5], 3)
                rows.setdefault(baseline, []).append(char)
            pages.append([TextLine(number, b, sorted(cs, key=lambda c: c["x0"]))
                          for b, cs in sorted(rows.items())])
    return pages


def text_lines(pages: list[list[TextLine]]) -> list[TextLine]:
    """Every line of the running text, in reading order, page numbers left out."""
    return [line for page in pages for line in page if not line.is_page_number]


def table_lines(pdf: Path | bytes) -> list[list[str]]:
    """Each line of text between the vertical rules of a table, pages in order, as its text in
    each column from left to right (spaces left out). Works on any PDF whose rules are lines:
    reportgen's own and LibreOffice's."""
    source = io.BytesIO(pdf) if isinstance(pdf, bytes) else pdf
    found = []
    with pdfplumber.open(source) as opened:
        for page in opened.pages:
            rules = [e for e in page.edges if e["orientation"] == "v"]
            if not rules:
                continue
            xs = _merged(sorted(e["x0"] for e in rules))
            top, bottom = min(e["top"] for e in rules), max(e["bottom"] for e in rules)
            rows: dict[float, list[dict]] = {}
            for char in page.chars:
                if top < char["top"] < bottom and char["text"].strip():
                    rows.setdefault(round(char["bottom"], 1), []).append(char)
            for _, chars in sorted(rows.items()):
                found.append(["".join(c["text"] for c in sorted(chars, key=lambda c: c["x0"])
                                      if left < (c["x0"] + c["x1"]) / 2 < right)
                              for left, right in zip(xs, xs[1:], strict=False)])
    return found


def _merged(xs: list[float]) -> list[float]:
    """`xs` with values less than a point apart counted once (a rule drawn twice)."""
    merged: list[float] = []
    for x in xs:
        if not merged or x - merged[-1] > 1:
            merged.append(x)
    return merged


NUMBER = re.compile(r"\d+(?:[.,]\d+)*%?")
"""A number as a table prints it: 1243, 98.5%."""


def numbers(texts: list[str]) -> list[str]:
    """The numbers in `texts`, in order: a number broken across two lines counts as two."""
    return [found for text in texts for found in NUMBER.findall(text)]
