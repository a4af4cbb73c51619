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
from reportgen.errors import EXIT_INTERNAL, EXIT_INVALID_INPUT, EXIT_USAGE, ReportError, fail
from reportgen.pull import compare, officialsync, package, pages, review, seals, wordml, wordread
from reportgen.pull.align import align
from reportgen.pull.body import BodySync
from reportgen.pull.doc import POINT, SECTION, TABLE, Block, Report, TableText
from reportgen.pull.fields import FieldSync, bare_text
from reportgen.pull.pages import Paired
from reportgen.pull.plan import Plan
from reportgen.pull.records import Change, Conflict, Loss
from reportgen.pull.revised import bare_units, revised_report
from reportgen.pull.source import Source, read_source
from reportgen.pull.structure import arrange, parents
from reportgen.template import FIELDS as TEMPLATE_FIELDS
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
    body = wordread.read_body(parts.document, styles)
    result.revisions = body.revisions
    result.comments = review.comments(parts.comments, parts.comments_extended, body.anchors,
                                      body.anchored_in)
    for loss in body.losses:
        result.losses.append(Loss("the DOCX", loss))
    header = wordread.read_story(parts.first_header, styles) \
        if parts.first_header is not None else []
    revised = revised_report(body, styles, compare.labels(source), parts.lists, header)
    result.losses += [Loss(f"paragraph {n} of the DOCX", loss) for n, loss in revised.losses]
    fresh = compare.Fresh(source, parts.properties.get(fingerprint.DOCX_FONTS))
    result.losses += compare.others(revised, source, fresh) + compare.restyled(styles, fresh)
    align(source.report.flat(), revised.body)
    arranged = arrange(revised.body, parents(source.report.body))
    pairs = pages.paired(source.report.pages, revised.pages)
    plan = Plan(source.text, source.data, prefer)
    result.places = _places(revised, source, plan)
    result.losses += compare.layout(body, revised, fresh, result.places)
    if fresh.problem is not None:
        result.losses.append(Loss("the DOCX", "its styles and formatting could not be "
                                              f"compared with a build ({fresh.problem})"))
    if result.revisions and not accept_revisions:
        return result
    try:
        BodySync(plan, report_file).run(source.report.body, arranged)
        officialsync.fit(source.report.fields, revised.fields, source.data,
                         source.document.template.head.layout == "letter", plan)
        FieldSync(plan, source.document.template.kind,
                  source.document.template.fields).run(source.report.fields, revised.fields)
        carried = pages.PageSync(plan, report_file).run(source.report.pages, revised.pages,
                                                        pairs)
        seals.check(revised.seals, source.data, source.report.fields.get("organisation", []),
                    plan)
        plan.apply_data()
        after = apply(source.text, plan.edits) if not plan.conflicts else source.text
    except EditError as exc:
        raise fail(f"the DOCX's changes cannot be written into the YAML in place: {exc}; "
                   "nothing was written", file=report_file,
                   hint="carry this change over by hand, then pull again") from None
    result.changes, result.conflicts = plan.changes, plan.conflicts
    result.losses += plan.losses
    if not plan.conflicts and after != source.text:
        _check(source, after, arranged, carried, plan)
        plan.settle_lines(after)
    result.after = after
    return result


def _places(revised: Report, source: Source, plan_lines: Plan) -> dict[int, str]:
    """Where each DOCX paragraph's text stands in the YAML (file:line), where known."""
    from reportgen.yamlsrc.tree import format_path

    found: dict[int, str] = {}
    for block in (*revised.body, *(b for page in revised.pages for b in page.body)):
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

def _check(source: Source, after: str, arranged: list[Block], carried: Paired,
           plan: Plan) -> None:
    """Raise an internal error unless the edited YAML prints what the pull meant."""
    try:
        again = read_source(source.file, source.template, text=after)
    except ReportError as exc:
        problem = exc.diagnostics[0]
        if problem.field is None:  # YAML that does not parse: pull wrote it wrong
            _broken(source, f"it would not read: {problem.message}")
        # the editor made what a report may not hold (a 版头 above a label, say)
        raise fail(f"the revisions cannot be carried back: the report would then be refused "
                   f"at {problem.field}: {problem.message}; nothing was written",
                   file=source.file, exit_code=EXIT_INVALID_INPUT,
                   hint="undo that revision in the DOCX and pull again, or make the change "
                        "in the YAML by hand") from None
    _same_body(source, "the body", again.report.body, arranged, plan)
    for was, _, body in carried:
        page = again.report.pages[source.report.pages.index(was)]
        _same_body(source, f"attachments[{was.path[1]}].body", page.body, body, plan)
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


def _same_body(source: Source, what: str, got_body: list[Block], arranged: list[Block],
               plan: Plan) -> None:
    """Raise an internal error unless the edited YAML's body `got_body` reads as the DOCX's
    `arranged` (but for what the pull keeps as the YAML has it)."""
    wanted = _intended(arranged, plan)
    got = [_key(b, depth) for depth, b in _nested(got_body)]
    if got != wanted:
        first = next((i for i, (a, b) in enumerate(zip(got, wanted, strict=False)) if a != b),
                     min(len(got), len(wanted)))
        _broken(source, f"{what} would read differently at block {first + 1}: "
                        f"{got[first:first + 1]} instead of {wanted[first:first + 1]}")


def _intended(arranged: list[Block], plan: Plan) -> list[tuple]:
    """The body as the edited YAML must print it: the DOCX's, but for texts the pull keeps as
    the YAML has them (computed text, the cells of a CSV or XLSX file)."""
    out = []
    for depth, block in _nested(arranged):
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
        out.append(_key(Block(block.kind, text, run_in, block.level, table), depth))
    return out


def _nested(blocks: list[Block], depth: int = 1):
    """(depth, block) for each block under `blocks` in reading order, its depth that of the
    tree: the YAML's nesting, from which the reader numbers a section (a section under a plan
    point takes the level after the point's, whatever heading level the DOCX gave it)."""
    for block in blocks:
        yield depth, block
        yield from _nested(block.children, depth + 1)


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


def _key(block: Block, depth: int) -> tuple:
    if block.kind == "plan":
        return ("plan",)
    return (block.kind, depth if block.kind == SECTION else 0, block.text, block.run_in,
            block.table.key() if block.table is not None else None)


def _broken(source: Source, why: str) -> None:
    raise fail(f"internal error: the pulled report would not say what the DOCX says ({why}); "
               "nothing was written", file=source.file, exit_code=EXIT_INTERNAL,
               hint="this is a bug in reportgen; please report it with the DOCX and the YAML")
