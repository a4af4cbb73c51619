"""The DOCX's blocks nested as the YAML nests them: sections by heading level, plans of points.

A heading holds what follows it up to the next heading of its level or above; a plan holds
its points, and a point what follows it up to the next point or heading. Where the DOCX alone
cannot say where a paragraph belongs (after the last point of a plan, or after a section's
last paragraph: in it, or after it?) the YAML decides: a paragraph the YAML already has goes
where the YAML has it, if that place is open here; a new one goes with its neighbours.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportgen.pull.doc import PARAGRAPH, PLAN, POINT, SECTION, TABLE, Block

ROOT = Block("root")
"""The owner of the top-level body, on both sides."""


def parents(body: list[Block]) -> dict[int, Block]:
    """Each YAML block's owner (by id): the section or point whose body holds it, the plan of
    a point, or ROOT."""
    found: dict[int, Block] = {}

    def visit(blocks: list[Block], owner: Block) -> None:
        for block in blocks:
            found[id(block)] = owner
            visit(block.children, block)

    visit(body, ROOT)
    return found


@dataclass
class _Frame:
    owner: Block
    """The section or point whose body this is, the plan whose points these are, or ROOT."""
    depth: int
    """The depth of the sections a body holds; of the points of a plan."""
    sections: bool = False
    """Whether a section of this body has been met (it sets a point's `depth`)."""

    @property
    def plan(self) -> bool:
        return self.owner.kind == PLAN

    @property
    def yaml(self) -> Block | None:
        return ROOT if self.owner is ROOT else self.owner.match


def arrange(flat: list[Block], yaml_parents: dict[int, Block]) -> list[Block]:
    """The top-level blocks of the DOCX, each holding what is under it; `flat` holds every
    block in reading order, its `match` set (align.py)."""
    top: list[Block] = []
    stack = [_Frame(ROOT, 1)]

    def place(block: Block) -> None:
        (top if stack[-1].owner is ROOT else stack[-1].owner.children).append(block)

    def pop_to(frame: _Frame) -> None:
        while stack[-1] is not frame:
            stack.pop()

    def yaml_owner(block: Block) -> Block | None:
        return yaml_parents.get(id(block.match)) if block.match is not None else None

    for n, block in enumerate(flat):
        if block.kind == SECTION:
            while len(stack) > 1 and (stack[-1].plan or stack[-1].depth > block.level):
                stack.pop()
            if stack[-1].owner.kind == POINT and not stack[-1].sections:
                # a point's sections take the level after the point's own (（1） under 1.)
                stack[-1].depth = max(stack[-1].depth, block.level)
            stack[-1].sections = True
            block.level = stack[-1].depth
            place(block)
            stack.append(_Frame(block, block.level + 1))
        elif block.kind == POINT:
            frame = _plan_place(stack, block, yaml_owner(block), yaml_parents)
            pop_to(frame)
            if not frame.plan:
                _settle_point(stack)
                plan = Block(PLAN, level=frame.depth, plan=block.plan, nested=block.nested)
                place(plan)
                frame = _Frame(plan, frame.depth)
                stack.append(frame)
            if frame.owner.match is None and block.match is not None:
                frame.owner.match = yaml_owner(block)
            block.level = frame.depth
            place(block)
            stack.append(_Frame(block, frame.depth + 1))
        elif block.kind in (PARAGRAPH, TABLE):
            frame = _frame_of(stack, block, flat, n, yaml_owner)
            pop_to(frame)
            place(block)
    return top


def _plan_place(stack: list[_Frame], point: Block, owner: Block | None,
                yaml_parents: dict[int, Block]) -> _Frame:
    """The open plan a point continues, or the open body where it starts a plan: the plan it
    counts in, if open; else where the YAML has its plan, if that is open here; else beside
    the innermost open plan of its level (a plan in a point's body is a level down), or in the
    innermost body."""
    plans = [f for f in reversed(stack) if f.plan]
    for frame in plans:
        if frame.owner.plan == point.plan:
            return frame  # it counts on in the list of the points before it
    if owner is not None:
        for frame in plans:
            if frame.owner.match is owner:
                return frame
        container = yaml_parents.get(id(owner))
        for frame in reversed(stack):
            if frame.plan:
                continue
            if frame.yaml is container:
                return frame
            if frame.owner is not ROOT and frame.owner.match is None:
                break  # a heading the editor added takes what follows it
    for i in range(len(stack) - 1, 0, -1):
        if stack[i].plan and stack[i].owner.nested == point.nested:
            return stack[i - 1]
    return stack[-1]


def _settle_point(stack: list[_Frame]) -> None:
    """Before a plan starts in a point's body: the level of the point's sections, as the YAML
    numbers them, where no section has said it yet (a section after the inner plan belongs
    to the point, not to the inner plan's last point)."""
    frame = stack[-1]
    if frame.owner.kind != POINT or frame.sections:
        return
    known = [frame.owner.match] if frame.owner.match is not None else []
    if stack[-2].owner.match is not None:
        known += stack[-2].owner.match.children  # the points of its plan, alike
    level = next((p.sections_at for p in known if p.sections_at is not None), None)
    if level is not None:
        frame.depth = max(frame.depth, level)


def _frame_of(stack: list[_Frame], block: Block, flat: list[Block], n: int,
              yaml_owner) -> _Frame:
    """The open body a paragraph or table goes in: the innermost, or further out where the
    YAML has it (a paragraph after a section's subsections, after a plan's last point); a
    heading the editor added takes what follows it, as in Word."""
    guide = block if block.match is not None else _next_known(flat, n)
    if guide is not None:
        owner = yaml_owner(guide)
        for frame in reversed(stack):
            if frame.plan:
                continue
            if frame.yaml is owner:
                return frame
            if frame.owner is not ROOT and frame.owner.match is None:
                break
    if stack[-1].owner.kind == POINT and not _plan_goes_on(flat, n, stack[-1].owner):
        plan_frame = stack[-2]  # not placed by the YAML: by whether points hold text
        yaml_plan = plan_frame.owner.match
        has_bodies = any(p.children for p in plan_frame.owner.children) or (
            yaml_plan is not None and any(p.children for p in yaml_plan.children))
        if not has_bodies and len(stack) > 2:
            return stack[-3]  # points without text of their own: a paragraph after the plan
    return stack[-1]


def _plan_goes_on(flat: list[Block], n: int, point: Block) -> bool:
    """Whether a point of the same plan follows block `n` before any heading: then what
    stands between is the point's own."""
    for block in flat[n + 1:]:
        if block.kind == SECTION:
            return False
        if block.kind == POINT:
            return block.plan == point.plan
    return False


def _next_known(flat: list[Block], n: int) -> Block | None:
    """The next block after `n` that the YAML has, before the next heading or point."""
    for block in flat[n + 1:]:
        if block.kind in (SECTION, POINT):
            return None
        if block.match is not None:
            return block
    return None
