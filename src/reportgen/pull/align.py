"""Which block of the DOCX is which block of the YAML: the two sequences aligned by their text.

Unchanged blocks are paired first (difflib finds the longest runs of equal blocks); between
them, blocks of one kind are paired where their texts are alike, keeping their order (a
paragraph the editor reworded is a change, not a deletion and an addition); what is left is
paired across the document where it is nearly the same text (a section moved elsewhere).
"""

from __future__ import annotations

from collections.abc import Sequence
from difflib import SequenceMatcher

from reportgen.pull.doc import TABLE, Block

ALIKE = 0.5
"""Two blocks of one kind standing in the same place are one block changed when their texts
are at least this alike (difflib's ratio: 2 × matching characters / all characters)."""
MOVED = 0.8
"""Two blocks in different places are one block moved when their texts are this alike."""
_LARGEST = 60_000
"""Pairs of blocks compared one by one at most in one stretch; beyond, pairing goes in order."""


def align(old: Sequence[Block], new: Sequence[Block]) -> None:
    """Set `match` of each block of `new` (the DOCX, flat) to the block of `old` (the YAML,
    flat) it is, or leave it None for a block the editor added."""
    matcher = SequenceMatcher(None, [b.key() for b in old], [b.key() for b in new],
                              autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            for a, b in zip(old[i1:i2], new[j1:j2], strict=True):
                b.match = a
        elif tag == "replace":
            _pair_in_order(old[i1:i2], new[j1:j2])
    _pair_moved(old, new)


def similarity(a: Block, b: Block) -> float:
    """How alike two blocks are, 0 to 1; 0 for blocks of different kinds."""
    if a.kind != b.kind:
        return 0.0
    ta, tb = _words(a), _words(b)
    if ta == tb:
        return 1.0
    matcher = SequenceMatcher(None, ta, tb, autojunk=False)
    if matcher.real_quick_ratio() < ALIKE or matcher.quick_ratio() < ALIKE:
        return 0.0
    ratio = matcher.ratio()
    return ratio * (0.9 if a.level != b.level else 1.0)


def _words(block: Block) -> str:
    if block.kind == TABLE and block.table is not None:
        return "\t".join(filter(None, [block.table.caption or "", *block.table.cells()]))
    return block.text + "\n" + (block.run_in or "")


def _pair_in_order(old: Sequence[Block], new: Sequence[Block]) -> None:
    """Pair alike blocks of two stretches, in order, for the most likeness in all."""
    if len(old) * len(new) > _LARGEST:
        for a, b in zip(old, new, strict=False):
            if similarity(a, b) >= ALIKE:
                b.match = a
        return
    score = [[0.0] * (len(new) + 1) for _ in range(len(old) + 1)]
    alike = [[0.0] * len(new) for _ in range(len(old))]
    for i in range(len(old) - 1, -1, -1):
        for j in range(len(new) - 1, -1, -1):
            alike[i][j] = s = similarity(old[i], new[j])
            paired = score[i + 1][j + 1] + s if s >= ALIKE else -1.0
            score[i][j] = max(paired, score[i + 1][j], score[i][j + 1])
    i = j = 0
    while i < len(old) and j < len(new):
        s = alike[i][j]
        if s >= ALIKE and score[i][j] == score[i + 1][j + 1] + s:
            new[j].match = old[i]
            i, j = i + 1, j + 1
        elif score[i][j] == score[i + 1][j]:
            i += 1
        else:
            j += 1


def _pair_moved(old: Sequence[Block], new: Sequence[Block]) -> None:
    """Pair blocks left over on both sides that are nearly the same text, best pairs first."""
    taken = {id(b.match) for b in new if b.match is not None}
    left_old = [a for a in old if id(a) not in taken]
    left_new = [b for b in new if b.match is None]
    if not left_old or not left_new or len(left_old) * len(left_new) > _LARGEST:
        return
    pairs = sorted(((similarity(a, b), i, j) for i, a in enumerate(left_old)
                    for j, b in enumerate(left_new)), reverse=True)
    used_old, used_new = set(), set()
    for s, i, j in pairs:
        if s < MOVED:
            break
        if i in used_old or j in used_new:
            continue
        left_new[j].match = left_old[i]
        used_old.add(i)
        used_new.add(j)
