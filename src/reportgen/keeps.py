"""Keeps: which blocks stay with what follows them and which stay whole on a page, decided once
for every writer (the PDF's pagination; the DOCX's keep-with-next and keep-lines-together).

The rules, from what an office's 文秘 expects of a printed page:

- A heading (一、 （一） 1. （1）) keeps with the content under it, and so does a plan point
  (工作计划的一点) that has text under it: neither ever ends a page. A heading with nothing under
  it is an item of a list (三项重点工作 written as three bare 1. 2. 3. headings), not a chain of
  headings: it keeps with nothing, so that a run of them may break like lines of a paragraph.
- A run-in heading (一、压实责任。各部门负责人……) is a paragraph and keeps like one.
- The title keeps with what follows it and is never broken; so is a table's caption (the table
  writer keeps it with its table).
- 落款: the signature is never parted from its date (one block, kept whole), and never stands
  on a page without text: the block before it keeps with it; so does the date with the 附注.
  The 附件说明 is no text of that kind: it keeps with the 落款 below it, and the text above
  it keeps with it, so a page never opens with the attachment list.
- No keep carries more than `MAX_CARRIED_LINES` lines of a page over to the next one: when
  honouring every keep would leave more of a page empty, the page breaks inside the kept run
  instead (a writer that cannot count lines, as a DOCX's, leaves that to the word processor).

The template's `keep_with_next` says which roles keep at all; `keep` narrows it by content.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportgen import model
from reportgen.template import Template, heading_role

MAX_CARRIED_LINES = 5
"""Most lines of a page a keep may move to the next page (the page ends that much short)."""


@dataclass(frozen=True)
class Keep:
    """How a block is kept on the page: `with_next`, it never ends a page (it goes where the
    first lines of what follows go); `together`, it is never broken across pages."""

    with_next: bool = False
    together: bool = False


def role_of(block: model.Block | model.PlanItem) -> str | None:
    """The role a block's own text is set in (None for blocks of several roles: tables,
    attachments' lists, signatures, the 版记)."""
    if isinstance(block, model.Section):
        return "body" if block.run_in is not None else heading_role(block.level)
    if isinstance(block, model.PlanItem):
        return "body" if block.run_in is not None else "plan_item"
    if isinstance(block, model.Paragraph):
        return block.role
    return _ROLES.get(type(block))


_ROLES: dict[type, str] = {
    model.Title: "title", model.Label: "label", model.DocumentNumber: "doc_number",
    model.Addressee: "addressee", model.ClosingLines: "closing", model.Attachments: "attachment",
    model.Note: "note",
}


def keep(block: model.Block | model.PlanItem, template: Template) -> Keep:
    """How `block` is kept, from its role's `keep_with_next` and what it holds."""
    if isinstance(block, model.Signature):
        return Keep(together=True)
    role = role_of(block)
    if role is None:
        return Keep()
    with_next = template.role(role).keep_with_next
    if isinstance(block, (model.Section, model.PlanItem)):
        heading = block.run_in is None
        return Keep(with_next=with_next and heading and bool(block.blocks), together=heading)
    return Keep(with_next=with_next, together=isinstance(block, model.Title))


def keeps_previous(block: model.Block | model.PlanItem) -> bool:
    """Whether the block before `block` must stay on its page: the text before the 落款 or the
    附件说明, and the date before the 附注."""
    return isinstance(block, (model.Signature, model.Attachments, model.Note))
