"""Attachments set on pages of their own (附件, GB/T 9704 7.3.7) carried back: title and body.

The DOCX's attachments are paired in order with the entries of `attachments` that have a
body. Each one's body is aligned, nested and carried back as the report's is (align.py,
structure.py, body.py), into `attachments[i].body`; a table there read from a CSV or XLSX file
is named, not written. Its title is the entry's `title`, which the 附件说明 prints too and
which its line there sets; a title on the page that says otherwise is named (taking it would
undo itself at the next pull of the same DOCX, whose 附件说明 still says the other). The label
(附件1) is the writer's numbering, and attachments' pages added or deleted change what the
附件说明 lists: those are named for the YAML to be changed by hand.
"""

from __future__ import annotations

from pathlib import Path

from reportgen.pull.align import align
from reportgen.pull.body import BodySync
from reportgen.pull.doc import Block, Page, flat
from reportgen.pull.fields import same_title
from reportgen.pull.plan import Plan
from reportgen.pull.revised import join_lines
from reportgen.pull.structure import arrange, parents

Paired = list[tuple[Page, Page, list[Block]]]
"""Each YAML page with the DOCX's and the DOCX's body arranged as the YAML's nests."""


def paired(old: list[Page], new: list[Page]) -> Paired | None:
    """The pages paired in order, each DOCX body aligned with the YAML's (align.py) and
    nested as it (structure.py); None where the DOCX has more or fewer."""
    if len(old) != len(new):
        return None
    pairs = []
    for was, now in zip(old, new, strict=True):
        align(flat(was.body), now.body)
        pairs.append((was, now, arrange(now.body, parents(was.body))))
    return pairs


class PageSync:
    """Compares the attachments set on pages of their own in the YAML and in the DOCX."""

    def __init__(self, plan: Plan, report_file: Path):
        self.plan = plan
        self.report_file = report_file

    def run(self, old: list[Page], new: list[Page], pairs: Paired | None) -> Paired:
        """Plan the edits (`pairs` as `paired` gives them); the pages whose body is carried
        back."""
        plan = self.plan
        if pairs is None:
            plan.loss(plan.where(old[0].path if old else ("attachments",),
                                 new[0].label.para if new else None),
                      f"{len(new)} attachment(s) set on pages of their own in the DOCX, "
                      f"{len(old)} in the YAML: pages added or deleted are not carried back; "
                      "change `attachments` by hand")
            return []
        carried = []
        for was, now, body in pairs:
            for text in (now.label, now.title):
                for loss in text.losses if text is not None else ():
                    plan.loss(plan.where(was.title.path, text.para), loss)
            self.label(was, now)
            self.title(was, now)
            if self.body(was, now, body):
                carried.append((was, now, body))
        return carried

    def label(self, was: Page, now: Page) -> None:
        if now.label.text != was.label.text:
            self.plan.loss(self.plan.where(was.path, now.label.para),
                           f"the label 「{now.label.text}」: reportgen numbers the attachments "
                           f"set on pages of their own ({was.label.text}) by their place in "
                           "`attachments`")

    def title(self, was: Page, now: Page) -> None:
        """The page's title beside the entry's `title`, which the 附件说明's line of it sets
        (fields.py): one that differs from what the YAML will say is named. Where the DOCX
        says two things of one title, the 附件说明's wins, pull after pull."""
        plan, old = self.plan, was.title
        if now.title is None:
            plan.loss(plan.where(old.path, now.label.para), f"the title of {was.label.text} was "
                                                            "deleted; the YAML keeps it")
            return
        if same_title(now.title.text, old.text):
            return  # as the YAML printed it: the 附件说明's line decides
        new = join_lines(now.title.text.split("\n"))
        listed = plan.expected.get(old.path, old.text)
        if new != listed:
            plan.loss(plan.where(old.path, now.title.para),
                      f"the title on the pages of {was.label.text} 「{new}」 differs from its line "
                      f"in the 附件说明 「{listed}」, which the YAML takes: edit both to change it")

    def body(self, was: Page, now: Page, body: list[Block]) -> bool:
        """Carry the page's body back; False where it is not."""
        plan = self.plan
        if not body or not was.body:
            if body or was.body:
                plan.loss(plan.where(was.path, now.label.para),
                          f"the body of {was.label.text} was "
                          f"{'deleted' if was.body else 'written where the YAML has none'}: "
                          "change `attachments` by hand")
            return False
        BodySync(plan, self.report_file).run(was.body, body, was.path + ("body",))
        return True
