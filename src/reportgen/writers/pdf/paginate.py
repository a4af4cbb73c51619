"""Pagination: boxes onto pages of grid lines, in one pass over the boxes.

A heading (any box that keeps with the next, see `reportgen.keeps`) never ends a page: it goes
with the first lines of what follows. A paragraph never leaves one line alone at the foot or the
head of a page: a line more moves over, and the page ends short. But no keep leaves more than
`MAX_CARRIED_LINES` lines of a page empty: a run of kept boxes that would is set as it comes
instead, its headings each with at least a line after them, its last box broken where the page
ends, unless it keeps together (a 落款 is never parted from its date or its seal). A table
repeats its header rows on every page it reaches; one that fits on a page is never broken (it
moves to the next page), a longer one breaks between its bands of rows only, leaving at least
two on each side, its notes and what keeps with it (a 落款) with the last. Landscape tables
go on turned pages of their own; the 版头, page breaks and the 版记 never do. Spacing before and
after boxes is whole grid lines; the larger of two neighbours' spacing applies, and none at the
top of a page.

How much of a box must fit where it starts (its lead) is worked out once, from the last box to
the first, so the pass never looks back: the cost is linear in the number of lines.

A sealed signature that does not fit below the text tightens the line spacing of its page by up
to `MAX_SQUEEZE` lines instead of moving on (GB/T 9704 7.3.5.5); the grid lines of a 版头 or a
table above stay where they are, being placed in points. Printed on both sides, the 版记
lands on an even page, after a blank page where needed, and then neither is numbered (7.5).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from math import ceil

from reportgen.budget import UNLIMITED, Deadline
from reportgen.keeps import MAX_CARRIED_LINES
from reportgen.writers.pdf.flow import (
    Box,
    Fixed,
    ImprintBox,
    Item,
    Page,
    PageBreak,
    Rule,
    TableBox,
)
from reportgen.writers.pdf.tablepages import EPS, TablePlacer, table_lead
from reportgen.writers.pdf.text import Line

MIN_LINES = 2  # lines of a paragraph kept together at the foot and at the head of a page
MAX_SQUEEZE = 2  # grid lines a page may gain by tighter spacing to hold a seal and date
MIN_TIGHTENED = 0.85  # of the pitch: tightened lines stay this far apart (3号 on the standard
#                       grid: 24.6 pt, over half an em between lines)


def paginate(items: Sequence[Item], lines: int, width: float, pitch: float,
             double_sided: bool = False, deadline: Deadline = UNLIMITED) -> list[Page]:
    """The items on pages of `lines` grid lines `pitch` points apart; `width` is the text
    block's width in points. `double_sided`: printed on both sides (where the 版记 goes).
    `deadline` is checked before each item and each new page (a long table's parts)."""
    pager = _Pager(lines, width, pitch, deadline)
    leads = _leads(items, lines, pitch)
    run_end = -1  # items up to this one are a kept run set as it comes
    for i, item in enumerate(items):
        deadline.check()
        if isinstance(item, Box):
            if i > run_end and item.keep_with_next and \
                    pager.left_empty(item, leads[i]) > MAX_CARRIED_LINES:
                end = _run_end(items, i)
                if end is not None and pager.fits(_run_head(items, i, end), item):
                    run_end = end
            if i < run_end or (i == run_end and _whole(item)):
                pager.run_box(item)
                continue
            after = 0
            following = items[i + 1] if i + 1 < len(items) else None
            if item.keep_with_next and following is not None:
                after = _gap(item, following) + leads[i + 1]
            squeeze = item.squeeze or item.keep_with_next and isinstance(following, Box) \
                and following.squeeze
            pager.box(item, leads[i], after, squeeze)
        elif isinstance(item, TableBox):
            kept = item.keep_with_next and not item.landscape and i + 1 < len(items)
            pager.table(item, leads[i], _gap(item, items[i + 1]) + leads[i + 1] if kept else 0)
        elif isinstance(item, Fixed):
            pager.fixed(item)
        elif isinstance(item, PageBreak):
            pager.page_break()
        else:
            pager.imprint(item, double_sided)
    return pager.pages


def _whole(box: Box) -> bool:
    """Whether the box moves as one: too short to leave two lines on each side of a break."""
    return box.keep_together or len(box.lines) < 2 * MIN_LINES


def _gap(item: Item, following: Item) -> int:
    return max(item.space_after, following.space_before)


def _run_end(items: Sequence[Item], i: int) -> int | None:
    """The last item of the kept run starting at items[i]: the first box after its boxes that
    keep with the next; None when a table or the 版记 ends it (a table is not broken by it)."""
    j = i
    while j + 1 < len(items) and isinstance(items[j], Box) and items[j].keep_with_next:
        j += 1
    return j if isinstance(items[j], Box) and not items[j].keep_with_next else None


def _run_head(items: Sequence[Item], i: int, end: int) -> int:
    """The grid lines a kept run needs on the page where it starts: its boxes that keep with
    the next, the spacing between them, and a line (two of a longer box) of its last box, or
    all of it when it keeps together (a 落款 is never parted from its date)."""
    head = 0
    for k in range(i, end + 1):
        box = items[k]
        if k > i:
            head += _gap(items[k - 1], box)
        if k < end or box.keep_together:
            head += len(box.lines)
        else:
            head += 1 if _whole(box) else MIN_LINES
    return head


def _leads(items: Sequence[Item], lines: int, pitch: float) -> list[int]:
    """For each item, the grid lines that must fit on the page where it starts: a whole box and,
    when it keeps with the next, the next item's lead; two lines of a breakable box; a whole
    table that fits on a page, else its top with its first rows. Never more than a page; none
    for a landscape table, which starts a page of its own."""
    leads = [0] * len(items)
    for i in range(len(items) - 1, -1, -1):
        item = items[i]
        if isinstance(item, Box):
            lead = len(item.lines) if _whole(item) else MIN_LINES
            if item.keep_with_next and _whole(item) and i + 1 < len(items):
                lead += _gap(item, items[i + 1]) + leads[i + 1]
        elif isinstance(item, TableBox) and item.landscape:
            lead = 0
        elif isinstance(item, TableBox):
            lead = ceil(table_lead(item, lines * pitch) / pitch - EPS)
            if item.keep_with_next and item.height <= lines * pitch and i + 1 < len(items):
                lead += _gap(item, items[i + 1]) + leads[i + 1]
        elif isinstance(item, Fixed):
            lead = item.height
        elif isinstance(item, PageBreak):
            lead = 0
        else:
            lead = len(item.lines)
        leads[i] = min(lead, lines)
    return leads


class _Pager:
    def __init__(self, lines: int, width: float, pitch: float,
                 deadline: Deadline = UNLIMITED) -> None:
        self.deadline = deadline
        self.lines = lines
        self.width = width
        self.pitch = pitch
        self.pages = [Page()]
        self.tables = TablePlacer(self.pages, self.new_page, pitch)
        self.used = 0  # grid lines taken on the current page
        self.space_after = 0  # of the item placed last

    @property
    def capacity(self) -> int:
        """Grid lines the current page holds (more when its spacing was tightened)."""
        return self.pages[-1].rows or self.lines

    def new_page(self, landscape: bool = False) -> None:
        self.deadline.check()
        self.pages.append(Page(landscape=landscape))
        self.used = 0

    def turn(self, landscape: bool) -> None:
        """Go on on a page of the orientation asked for: the current one when it is empty."""
        page = self.pages[-1]
        if page.landscape == landscape:
            return
        if self.used or page.lines or page.free:
            self.new_page(landscape)
        else:
            page.landscape = landscape

    def squeeze(self, overflow: int) -> bool:
        """Tighten this page's line spacing to hold `overflow` more lines, if few enough; the
        grid lines held in place (under a 版头 or a table) keep theirs, and the others stay
        `MIN_TIGHTENED` of the pitch apart."""
        page = self.pages[-1]
        if not 0 < overflow <= MAX_SQUEEZE or page.rows is not None or page.landscape:
            return False
        room = self.lines - page.held
        if room < MIN_TIGHTENED * (room + overflow):
            return False
        page.rows = self.lines + overflow
        return True

    def put(self, line: Line) -> None:
        self.pages[-1].lines.append((self.used, line))
        self.used += 1

    def start(self, item: Item, lead: int, squeeze: bool = False) -> None:
        """Skip the spacing before `item`, or begin a page when its lead does not fit here."""
        self.turn(False)
        gap = max(self.space_after, item.space_before) if self.used else 0
        overflow = self.used + gap + lead - self.capacity
        if self.used and overflow > 0 and not (squeeze and self.squeeze(overflow)):
            self.new_page()
            gap = 0
        self.used += gap

    def left_empty(self, item: Item, lead: int) -> int:
        """The grid lines this page would end short by if `item` (of `lead` lines that must
        fit) began the next page; 0 when it fits here, or this page is a turned one."""
        if self.pages[-1].landscape:
            return 0
        gap = max(self.space_after, item.space_before) if self.used else 0
        room = self.capacity - self.used - gap
        return room if self.used and lead > room else 0

    def fits(self, lines: int, item: Item) -> bool:
        """Whether `lines` grid lines fit on this page after the spacing before `item`."""
        gap = max(self.space_after, item.space_before) if self.used else 0
        return self.used + gap + lines <= self.capacity

    def run_box(self, box: Box) -> None:
        """Place a box of a kept run as it comes (the run's start made sure its boxes that keep
        with the next, and a line after them, fit); the run's last box, if short, breaks where
        the page ends (a longer one is placed as any other, with no widow or orphan)."""
        self.turn(False)
        self.used += max(self.space_after, box.space_before) if self.used else 0
        for i, line in enumerate(box.lines):
            if self.used == self.capacity:
                self.new_page()
            if i == 0:
                self.mark(box)
            self.put(line)
        self.space_after = box.space_after

    def mark(self, box: Box) -> None:
        """Put the box's pictures and bookmark on this page, its first line going here."""
        page = self.pages[-1]
        page.pictures += [replace(p, row=p.row + self.used) for p in box.pictures]
        if box.bookmark is not None:
            page.bookmarks.append((self.used, box.bookmark))

    def box(self, box: Box, lead: int, after: int, squeeze: bool = False) -> None:
        """Place `box`; `after` is what must follow it on its last page (spacing and the next
        item's lead) when it keeps with the next; `squeeze` allows tighter spacing for it."""
        self.start(box, lead, squeeze)
        whole = _whole(box)
        n = len(box.lines)
        i = 0
        while i < n:
            room = self.capacity - self.used
            rest = n - i
            if rest <= room and (whole or rest + after <= room or rest < 2 * MIN_LINES):
                take = rest
            elif rest <= room and squeeze and self.squeeze(rest + after - room):
                take = rest
            elif rest <= room:  # it fits, what must follow does not: two lines go along
                take = rest - MIN_LINES
            elif whole:
                take = room if i or not self.used else 0  # longer than a page: cut it
            else:
                take = min(room, rest - MIN_LINES)
            if take and not i:
                self.mark(box)
            for line in box.lines[i:i + take]:
                self.put(line)
            i += take
            if i < n:
                self.new_page()
        self.space_after = box.space_after

    def table(self, table: TableBox, lead: int, after: int = 0) -> None:
        """Place `table` from the next grid line (a landscape one on turned pages); what follows
        goes on from the first whole grid line below it, which the page then holds in place.
        `after` grid lines must follow the table on its last page (it keeps with the next)."""
        if table.landscape:
            self.turn(True)
            height = self.width  # a turned page's block is as high as the portrait one is wide
            gap = max(self.space_after, table.space_before) if self.used else 0
            y = (self.used + gap) * self.pitch  # `place` begins a page if the table needs one
        else:
            self.start(table, lead)
            if self.pages[-1].rows is not None:  # a tightened page ends with its 落款
                self.new_page()
            height = self.lines * self.pitch
            y = self.used * self.pitch
        width = self.lines * self.pitch if table.landscape else self.width
        y = self.tables.place(table, y, height, width, after * self.pitch)
        self.used = min(self.lines, ceil(y / self.pitch - EPS))
        self.pages[-1].held = self.used
        self.space_after = table.space_after

    def fixed(self, item: Fixed) -> None:
        """The 版头 at the top of a page, which holds its grid lines in place."""
        self.turn(False)
        if self.used:
            self.new_page()
        page = self.pages[-1]
        page.lines += item.lines
        page.free += item.free
        page.rules += item.rules
        page.held = self.used = item.height
        self.space_after = item.space_after

    def page_break(self) -> None:
        self.turn(False)
        if self.used:
            self.new_page()
        self.space_after = 0

    def imprint(self, box: ImprintBox, double_sided: bool = False) -> None:
        """版记 at the foot of the last page; on a page of its own when it does not fit. Printed
        on both sides it goes on an even page: after a blank page when the text ended on an
        even page it could not share, and then neither page is numbered (GB/T 9704 7.5)."""
        self.turn(False)
        top = self.capacity - len(box.lines)
        gap = max(self.space_after, box.space_before) if self.used else 0
        if self.used + gap > top:
            self.new_page()
        if double_sided and len(self.pages) % 2:
            blank = not self.used
            self.new_page()
            if blank:
                self.pages[-2].numbered = self.pages[-1].numbered = False
        top = self.capacity - len(box.lines)
        page = self.pages[-1]
        page.lines += [(top + i, line) for i, line in enumerate(box.lines)]
        for b, w in box.rules:
            y = page.boundary(top + b, self.lines, self.pitch)
            page.rules.append(Rule(0.0, y, self.width, y, w))
        self.used = self.capacity
        self.space_after = box.space_after
