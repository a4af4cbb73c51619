"""One pull: read the DOCX and its report, align them, plan the edits, and check the result.

Nothing is written here. The edited YAML is read back as `build` reads it and must print what
the DOCX holds (where the pull carries it back) and keep every other value as it was, or the
pull stops with an internal error: a pull never leaves a report that says something else.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field, replace
from pathlib import Path

from reportgen import fingerprint
from reportgen.errors import EXIT_INTERNAL, EXIT_USAGE, ReportError, fail
from reportgen.pull import package, review, wordml
from reportgen.pull.align import align
from reportgen.pull.body import BodySync
from reportgen.pull.doc import POINT, SECTION, TABLE, Block, Report, TableText
from reportgen.pull.fields import FieldSync, bare_text
from reportgen.pull.plan import Plan
from reportgen.pull.records import Change, Conflict, Loss
from reportgen.pull.revised import bare_units, revised_report
from reportgen.pull.source import Source, read_source
from reportgen.pull.structure import arrange, parents
from reportgen.pull.styles import Styles
from reportgen.template import FIELDS as TEMPLATE_FIELDS
from reportgen.writers.docx.styles import PARAGRAPH_STYLES
from reportgen.yamlsrc.edits import EditError, apply


@dataclass
class Pulled:
    """What a pull found and would do: the report's text before and after, and why."""

    docx: Path
    report: Path
    before: str
    after: str
    changes: list[Change] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    losses: list[Loss] = field(default_factory=list)
    comments: list[review.Comment] = field(default_factory=list)
    revisions: list[wordml.Revision] = field(default_factory=list)
    stale: bool = False
    """The report changed since the DOCX was built (or last pulled)."""
    unedited: bool = False
    """The DOCX is as reportgen wrote it: there is nothing to pull."""
    places: dict[int, str] = field(default_factory=dict)
    """DOCX paragraph number → where its text is in the YAML, for comments and revisions."""

    @property
    def changed(self) -> bool:
        return self.after != self.before

    def digest(self) -> str:
        return "sha256:" + hashlib.sha256(self.after.encode("utf-8")).hexdigest()


def find_report(docx: Path, into: Path | None) -> Path:
    """The report to pull `docx` into: `into`, else the one its fingerprint names."""
    if into is not None:
        return into
    found = fingerprint.properties(docx)
    for candidate in (found.get(fingerprint.SOURCE), found.get(fingerprint.SOURCE_PATH)):
        if candidate:
            path = Path(candidate)
            path = path if path.is_absolute() else Path(os.path.normpath(docx.parent / path))
            if path.is_file():
                return _shown(path)
    named = found.get(fingerprint.SOURCE_PATH) or found.get(fingerprint.SOURCE)
    raise ReportError([fail(
        f"the report it was built from ({named}) is not there" if named else
        "it does not say which report it was built from (it was not built by reportgen, "
        "or from standard input)", file=docx,
        hint="name the report: reportgen pull EDITED.docx --into REPORT.yaml").diagnostics[0]],
        EXIT_USAGE)


def _shown(path: Path) -> Path:
    """`path` relative to the current folder where it is inside it, as messages show it."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve())
    except ValueError:
        return path


def pull(docx: Path, into: Path | None = None, *, accept_revisions: bool = False,
         prefer: str | None = None, template: str | None = None) -> Pulled:
    """What pulling `docx` into its report would do (nothing is written)."""
    parts = package.read(docx)
    report_file = find_report(docx, into)
    source = read_source(report_file, template or parts.properties.get(fingerprint.TEMPLATE))
    result = Pulled(docx, report_file, source.text, source.text)
    recorded = parts.properties.get(fingerprint.SOURCE_DIGEST)
    result.stale = bool(recorded) and recorded != "sha256:" + hashlib.sha256(
        report_file.read_bytes()).hexdigest()
    if fingerprint.state_of(docx) is fingerprint.State.UNCHANGED:
        result.unedited = True
        return result
    styles = parts.styles
    body = wordml.read_body(parts.document, styles)
    result.revisions = body.revisions
    result.comments = review.comments(parts.comments, parts.comments_extended, body.anchors,
                                      body.anchored_in)
    for loss in body.losses:
        result.losses.append(Loss("the DOCX", loss))
    revised = revised_report(body, styles, _labels(source))
    result.losses += [Loss(f"paragraph {n} of the DOCX", loss) for n, loss in revised.losses]
    fresh = _Fresh(source, parts.properties.get(fingerprint.DOCX_FONTS))
    result.losses += _others(revised, source, fresh) + _restyled(styles, fresh)
    if fresh.problem is not None:
        result.losses.append(Loss("the DOCX", "its styles and the fields pull does not know "
                                              f"could not be compared ({fresh.problem})"))
    align(source.report.flat(), revised.body)
    arranged = arrange(revised.body, parents(source.report.body))
    plan = Plan(source.text, source.data, prefer)
    result.places = _places(revised, source, plan)
    result.losses += _layout(body, revised, fresh, result.places)
    if result.revisions and not accept_revisions:
        return result
    try:
        BodySync(plan, report_file).run(source.report.body, arranged)
        FieldSync(plan, source.document.template.kind,
                  source.document.template.fields).run(source.report.fields, revised.fields)
        plan.apply_data()
        after = apply(source.text, plan.edits) if not plan.conflicts else source.text
    except EditError as exc:
        raise fail(f"the DOCX's changes cannot be written into the YAML in place: {exc}; "
                   "nothing was written", file=report_file,
                   hint="carry this change over by hand, then pull again") from None
    result.changes, result.conflicts = plan.changes, plan.conflicts
    result.losses += plan.losses
    if not plan.conflicts and after != source.text:
        _check(source, after, arranged, plan)
        plan.settle_lines(after)
    result.after = after
    return result


class _Fresh:
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
            body = wordml.read_body(self.parts.document, self.parts.styles)
            self._read = body, revised_report(body, self.parts.styles, _labels(self.source))
        return self._read


def _others(revised: Report, source: Source, fresh: _Fresh) -> list[Loss]:
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


def _restyled(edited: Styles, fresh: _Fresh) -> list[Loss]:
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


def _layout(body: wordml.Body, revised: Report, fresh: _Fresh,
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


def _labels(source: Source):
    def labels(kind: str, level: int):
        return source.styles_at(level) if kind == SECTION else source.plan_styles()

    return labels


def _places(revised: Report, source: Source, plan_lines: Plan) -> dict[int, str]:
    """Where each DOCX paragraph's text stands in the YAML (file:line), where known."""
    from reportgen.reader.source import format_path

    found: dict[int, str] = {}
    for block in revised.body:
        if block.para is not None and block.match is not None and block.match.path:
            path = block.match.path
            found[block.para] = f"{source.file}:{plan_lines.line(path)} ({format_path(path)})"
    for name, texts in revised.fields.items():
        olds = source.report.fields.get(name, [])
        for n, text in enumerate(texts):
            if text.para is not None and n < len(olds):
                path = olds[n].path
                found[text.para] = f"{source.file}:{plan_lines.line(path)} ({format_path(path)})"
    return found


# -- the check ----------------------------------------------------------------------------------

def _check(source: Source, after: str, arranged: list[Block], plan: Plan) -> None:
    """Raise an internal error unless the edited YAML prints what the pull meant."""
    try:
        again = read_source(source.file, source.template, text=after)
    except ReportError as exc:
        _broken(source, f"it would not read: {exc.diagnostics[0].message}")
        return
    wanted = _intended(arranged, plan)
    got = [_key(b) for top in again.report.body for b in top.walk()]
    if got != wanted:
        first = next((i for i, (a, b) in enumerate(zip(got, wanted, strict=False)) if a != b),
                     min(len(got), len(wanted)))
        _broken(source, f"the body would read differently at block {first + 1}: "
                        f"{got[first:first + 1]} instead of {wanted[first:first + 1]}")
    for name, meant in plan.fields.items():
        now = [bare_text(name, t.text) for t in again.report.fields.get(name, [])]
        if now != meant:
            _broken(source, f"{name} would read {now} instead of {meant}")
    for key in (set(source.data) | set(again.data)) - set(TEMPLATE_FIELDS):
        before, now = source.data.get(key), again.data.get(key)
        if key == "data":
            before = {k: v for k, v in (before or {}).items() if k not in plan.data_updates}
            now = {k: v for k, v in (now or {}).items() if k not in plan.data_updates}
        if before != now:
            _broken(source, f"`{key}` would change")


def _intended(arranged: list[Block], plan: Plan) -> list[tuple]:
    """The body as the edited YAML must print it: the DOCX's, but for texts the pull keeps as
    the YAML has them (computed text, the cells of a CSV or XLSX file)."""
    out = []
    for top in arranged:
        for block in top.walk():
            old, text, run_in, table = block.match, block.text, block.run_in, block.table
            if old is not None and old.path is not None:
                path = old.path
                if block.kind == SECTION or block.kind == POINT and \
                        plan.node(path + ("point",)) is not None:
                    path = path + (_HEAD[block.kind],)
                text = plan.expected.get(path, text)
                run_in = plan.expected.get(old.path + ("text",), run_in)
                if block.kind == TABLE:
                    table = _table_kept(table, old, plan)
            out.append(_key(Block(block.kind, text, run_in, block.level, table)))
    return out


_HEAD = {SECTION: "section", POINT: "point"}


def _table_kept(table: TableText, old: Block, plan: Plan) -> TableText:
    """A DOCX table as the YAML will print it: as the YAML has it where the pull left it
    alone, a file's cells as the file has them, texts kept by `--prefer yaml` kept."""
    if id(old) in plan.kept:
        return old.table
    spec = old.source if isinstance(old.source, dict) else {}
    if "source" in spec:
        table = replace(table, header=table.header if "header" in spec else old.table.header,
                        rows=old.table.rows)
    grid = [list(row) for row in (*table.header, *table.rows)]
    for (g, k), path in (old.cells or {}).items():
        if path in plan.expected and g < len(grid) and k < len(grid[g]):
            grid[g][k] = plan.expected[path]
    at = old.path + ("table",)
    units = plan.expected.get(at + ("units",))
    heads = len(table.header)
    return replace(table, caption=plan.expected.get(at + ("caption",), table.caption),
                   units=bare_units(units) if units is not None else table.units,
                   header=tuple(map(tuple, grid[:heads])), rows=tuple(map(tuple, grid[heads:])))


def _key(block: Block) -> tuple:
    if block.kind == "plan":
        return ("plan",)
    return (block.kind, block.level if block.kind == SECTION else 0, block.text, block.run_in,
            block.table.key() if block.table is not None else None)


def _broken(source: Source, why: str) -> None:
    raise fail(f"internal error: the pulled report would not say what the DOCX says ({why}); "
               "nothing was written", file=source.file, exit_code=EXIT_INTERNAL,
               hint="this is a bug in reportgen; please report it with the DOCX and the YAML")
