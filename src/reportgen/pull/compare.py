"""What a build of the YAML as it is tells about the revised DOCX: what only the editor did.

Some of a DOCX's formatting is the writer's own (a table's units line set right, a wide table's
landscape section, the writer's styles), and some paragraphs are of roles pull does not carry
back yet. Comparing with the DOCX the YAML builds now tells the editor's changes from those,
so that each is named as not carried back, and nothing the writer made is.
"""

from __future__ import annotations

from reportgen.pull import package, wordml, wordread
from reportgen.pull.doc import SECTION, Report
from reportgen.pull.records import Loss
from reportgen.pull.revised import revised_report
from reportgen.pull.source import Source
from reportgen.pull.styles import Styles
from reportgen.writers.docx.styles import PARAGRAPH_STYLES


class Fresh:
    """The DOCX the YAML builds now, read as the revised one is: made only when asked for;
    None where it cannot be made (then nothing is compared with it, and `problem` says why)."""

    def __init__(self, source: Source, fonts: str | None):
        self.source, self.fonts = source, fonts or "standard"
        self._parts: package.Package | None = None
        self._read: tuple[wordml.Body, Report] | None = None
        self.problem: str | None = None

    @property
    def parts(self) -> package.Package | None:
        if self._parts is None and self.problem is None:
            from reportgen.build import font_registry, render
            from reportgen.writers.options import WriteOptions

            options = WriteOptions(fonts=font_registry(()), docx_fonts=self.fonts)
            try:
                self._parts = package.read_bytes(render("docx", self.source.document, options))
            except Exception as exc:  # noqa: BLE001 - a comparison only: the pull goes on
                self.problem = f"{type(exc).__name__}: {exc}"
        return self._parts

    def read(self) -> tuple[wordml.Body, Report] | None:
        """The fresh DOCX's body and its report texts (None where it cannot be made)."""
        if self.parts is None:
            return None
        if self._read is None:
            body = wordread.read_body(self.parts.document, self.parts.styles)
            self._read = body, revised_report(body, self.parts.styles, labels(self.source),
                                              self.parts.lists)
        return self._read


def others(revised: Report, source: Source, fresh: Fresh) -> list[Loss]:
    """Paragraphs of roles pull does not carry back, compared with the DOCX the YAML builds:
    each the editor changed, added or deleted is named, for the YAML to be changed by hand."""
    made = fresh.read() if revised.other else None
    if made is None:
        return []
    was = [(t.field, t.text) for t in made[1].other]
    now = [(t.field, t.text) for t in revised.other]
    return [Loss("the DOCX", f"「{text[:20]}」 ({role}) {how}: pull does not carry that field "
                             "back yet; change the YAML by hand")
            for how, mine, theirs in (("changed or added", now, was), ("deleted", was, now))
            for role, text in mine if (role, text) not in theirs]


_COMPARED = {"b": "bold", "i": "italic", "u": "underline", "size": "size", "face": "font",
             "color": "colour"}


def restyled(edited: Styles, fresh: Fresh) -> list[Loss]:
    """The report's styles the editor changed (a heading's font, the body's size): the
    template decides them, so each change is named, once (not again for every style based
    on a changed one)."""
    if fresh.parts is None:
        return []
    built = fresh.parts.styles
    found: dict[str, tuple[str, ...]] = {}
    for role in PARAGRAPH_STYLES:
        mine, theirs = edited.of_role(role), built.of_role(role)
        if mine is None or theirs is None:
            continue
        now, was = edited.look(mine), built.look(theirs)
        changed = [f"{_COMPARED[key]} {was.get(key, 'off')} → {now.get(key, 'off')}"
                   for key in _COMPARED if now.get(key, "off") != was.get(key, "off")]
        if (edited.align(mine) or "left") != (built.align(theirs) or "left"):
            changed.append(f"alignment {built.align(theirs)} → {edited.align(mine)}")
        if changed:
            found[mine] = tuple(changed)
    return [Loss("the DOCX", f"the style {edited.name(sid)} changed ({', '.join(changed)}); "
                             "the template sets it")
            for sid, changed in found.items()
            if found.get(edited.styles[sid].based_on or "") != changed]


def layout(body: wordml.Body, revised: Report, fresh: Fresh,
            places: dict[int, str]) -> list[Loss]:
    """Alignments and section breaks the editor made: those a fresh build does not have (the
    writer itself aligns a table's units line right, and turns a wide table's pages)."""
    made = fresh.read() if revised.aligned or body.section_breaks else None
    if made is None:
        return []
    ours = {(role, align) for _, role, align in made[1].aligned}
    losses = [Loss(places.get(n, f"paragraph {n} of the DOCX"), f"its alignment ({align})")
              for n, role, align in revised.aligned if (role, align) not in ours]
    extra = len(body.section_breaks) - len(made[0].section_breaks)
    if extra > 0:
        losses.append(Loss("the DOCX", f"{extra} section break{'s' if extra > 1 else ''} (a "
                                       "part on pages of its own, turned or numbered apart)"))
    return losses


def labels(source: Source):
    def labels(kind: str, level: int):
        return source.styles_at(level) if kind == SECTION else source.plan_styles()

    return labels
