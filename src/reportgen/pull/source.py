"""The report as its YAML says it: every printed text with its field path, the body as a tree."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from reportgen import model
from reportgen.numbering import NumberStyle
from reportgen.pull.doc import (
    PARAGRAPH,
    PLAN,
    POINT,
    SECTION,
    TABLE,
    Block,
    Page,
    Report,
    Text,
)
from reportgen.pull.tables import yaml_table
from reportgen.reader.official import ATTENDANCE_LABELS
from reportgen.reader.report import read_report, under_point
from reportgen.yamlsrc.source import load, read_text
from reportgen.yamlsrc.tree import Path_


@dataclass
class Source:
    """A report file read for pull: its text, data, document and printed texts."""

    file: Path
    text: str
    data: dict
    document: model.Document
    printed: dict[Path_, str]
    report: Report = field(default_factory=Report)
    warnings: list = field(default_factory=list)
    template: str | None = None
    """The template read with, if not the report's own."""

    def styles_at(self, level: int) -> set[NumberStyle]:
        """The numbering styles headings of `level` print with in this report (a typed
        number in one of these is taken off a heading)."""
        template = self.document.template
        found = {template.levels[level - 1]} if level <= len(template.levels) else set()
        found |= {b.numbering.style for b in self.document.walk()
                  if isinstance(b, model.Section) and b.level == level}
        return found

    def plan_styles(self) -> set[NumberStyle]:
        return {self.document.template.plan} | {b.numbering.style for b in self.document.walk()
                                               if isinstance(b, model.PlanItem)}


def read_source(file: Path, template: str | None = None, text: str | None = None) -> Source:
    """Read `file` (or `text` as if read from it) as `build` does, raising ReportError on any
    problem, keeping the printed text of every field path."""
    text = read_text(file) if text is None else text
    printed: dict[Path_, str] = {}
    warnings: list = []
    document = read_report(file, template=template, text=text, printed=printed,
                           warnings=warnings)
    data = load(file, text).data
    source = Source(file, text, data, document, printed, warnings=warnings, template=template)
    source.report = _Walk(source).report()
    return source


class _Walk:
    def __init__(self, source: Source):
        self.printed = source.printed
        self.data = source.data
        self.document = source.document
        self.fields = set(source.document.template.fields)

    def text(self, path: Path_) -> str:
        return self.printed.get(path, "")

    def report(self) -> Report:
        data, report = self.data, Report()
        fields = report.fields

        def add(name: str, path: Path_, printed_at: Path_ | None = None) -> None:
            fields.setdefault(name, []).append(Text(name, self.text(printed_at or path), path))

        for name in ("label", "copy_number", "secrecy", "urgency", "doc_number", "addressee",
                     "note"):
            if name in data and name in self.fields:
                add(name, (name,))
        self.masthead(data, add)
        for name in ("preamble", "attachments", "closing"):
            for i, entry in enumerate(data.get(name) or () if name in self.fields else ()):
                # An attachment set on pages of its own is named by its `title`.
                add(name, (name, i, "title") if isinstance(entry, dict) else (name, i))
        title = data.get("title")
        if isinstance(title, list):
            for i, _ in enumerate(title):
                add("title", ("title", i))
        elif title is not None:
            add("title", ("title",), ("title", 0))  # the reader prints it as line 0
        signature = data.get("signature") if "signature" in self.fields else None
        if isinstance(signature, dict):
            orgs = signature.get("organisation")
            if isinstance(orgs, list):
                for i, _ in enumerate(orgs):
                    add("organisation", ("signature", "organisation", i))
            elif orgs is not None:
                add("organisation", ("signature", "organisation"),
                    ("signature", "organisation", 0))
            if "date" in signature:
                add("date", ("signature", "date"))
        imprint = data.get("imprint") if "imprint" in self.fields else None
        for name in ("copies_to", "issuer", "issued"):
            if isinstance(imprint, dict) and name in imprint:
                add(name, ("imprint", name))
        attendance = data.get("attendance") if "attendance" in self.fields else None
        for key in ATTENDANCE_LABELS:
            if isinstance(attendance, dict) and key in attendance:
                self.lines(key, ("attendance", key), attendance[key], add)
        report.body = self.blocks(data.get("body") or [], ("body",),
                                  _body_of(self.document.blocks))
        made = [b for b in self.document.blocks if isinstance(b, model.AttachmentPage)]
        entries = [(i, entry) for i, entry in enumerate(data.get("attachments") or ())
                   if isinstance(entry, dict)] if "attachments" in self.fields else []
        for (i, entry), page in zip(entries, made, strict=False):
            here = ("attachments", i)
            report.pages.append(Page(
                Text("attachment_label", page.label), Text("title", page.title, here + ("title",)),
                self.blocks(entry.get("body") or [], here + ("body",), _body_of(page.blocks)),
                path=here))
        return report

    def masthead(self, data: dict, add) -> None:
        """The 发文机关标志 (a text, or a joint one's organisations and suffix) and the 签发人."""
        mark = data.get("mark") if "mark" in self.fields else None
        if isinstance(mark, dict):
            for i, _ in enumerate(mark.get("organisations") or ()):
                add("mark_organisations", ("mark", "organisations", i))
            if "suffix" in mark:
                add("mark_suffix", ("mark", "suffix"))
        elif mark is not None:
            add("mark", ("mark",))
        if "signers" in self.fields:
            for i, _ in enumerate(data.get("signers") or ()):
                add("signers", ("signers", i))

    @staticmethod
    def lines(name: str, path: Path_, value, add) -> None:
        """A text at `path`, or each text of the list there."""
        if isinstance(value, list):
            for i, _ in enumerate(value):
                add(name, path + (i,))
        else:
            add(name, path)

    def blocks(self, items: list, path: Path_, made: list, depth: int = 1) -> list[Block]:
        """The blocks of the YAML list `items` at `path`, beside the model's blocks `made`
        from it (one per item, in order)."""
        out = []
        for i, (item, block) in enumerate(zip(items, made, strict=False)):
            here = path + (i,)
            if isinstance(item, str):
                out.append(Block(PARAGRAPH, self.text(here), path=here))
            elif not isinstance(item, dict):
                continue
            elif "section" in item:
                out.append(Block(SECTION, self.text(here + ("section",)),
                                 self.printed.get(here + ("text",)), level=block.level,
                                 children=self.blocks(item.get("body") or [], here + ("body",),
                                                      list(block.blocks), depth + 1),
                                 path=here))
            elif "plan" in item:
                out.append(Block(PLAN, level=depth, path=here,
                                 children=self.points(item["plan"] or [], here + ("plan",),
                                                      list(block.items), depth)))
            elif "table" in item:
                table, cells = yaml_table(item["table"], block, here + ("table",))
                out.append(Block(TABLE, table=table, path=here, source=item["table"],
                                 cells=cells))
        return out

    def points(self, items: list, path: Path_, made: list, depth: int) -> list[Block]:
        out = []
        levels = self.document.template.levels
        for j, (point, item) in enumerate(zip(items, made, strict=False)):
            here = path + (j,)
            sections_at = under_point(item.numbering.style, item.numbering.level, levels)
            if isinstance(point, dict):
                out.append(Block(POINT, self.text(here + ("point",)),
                                 self.printed.get(here + ("text",)), level=depth,
                                 children=self.blocks(point.get("body") or [], here + ("body",),
                                                      list(item.blocks), depth + 1), path=here,
                                 sections_at=sections_at))
            else:
                out.append(Block(POINT, self.text(here), level=depth, path=here,
                                 sections_at=sections_at))
        return out


def _body_of(blocks) -> list:
    """The blocks of a body among `blocks` (the model's): sections, plans, tables and body
    paragraphs."""
    return [b for b in blocks if isinstance(b, (model.Section, model.Plan, model.Table))
            or isinstance(b, model.Paragraph) and b.role == "body"]
