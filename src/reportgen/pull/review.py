"""Comments (批注) of a revised DOCX: who wrote what, on which words, and the replies to it."""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from reportgen.pull.styles import W

_W14 = "{http://schemas.microsoft.com/office/word/2010/wordml}"
_W15 = "{http://schemas.microsoft.com/office/word/2012/wordml}"


@dataclass(frozen=True)
class Comment:
    """One comment: its author and date, its text, the text it is anchored to, and whether it
    answers another comment or was marked done."""

    cid: str
    author: str
    date: str
    text: str
    anchor: str
    paragraph: int | None
    """The number of the paragraph its anchor starts in (1-based), if known."""
    reply_to: str | None = None
    done: bool = False


def comments(part: etree._Element | None, extended: etree._Element | None,
             anchors: dict[str, str], anchored_in: dict[str, int]) -> list[Comment]:
    """The comments of word/comments.xml in their order, with their anchors (pull/wordread.py
    collects them from the document) and replies (word/commentsExtended.xml)."""
    if part is None:
        return []
    threads: dict[str, tuple[str | None, bool]] = {}
    if extended is not None:
        for entry in extended.iter(f"{_W15}commentEx"):
            threads[entry.get(f"{_W15}paraId", "")] = (
                entry.get(f"{_W15}paraIdParent"), entry.get(f"{_W15}done") in ("1", "true"))
    by_para: dict[str, str] = {}
    found = []
    for node in part.iter(f"{W}comment"):
        cid = node.get(f"{W}id", "")
        paragraphs = node.findall(f".//{W}p")
        text = "\n".join("".join(t.text or "" for t in p.iter(f"{W}t")) for p in paragraphs)
        last = paragraphs[-1].get(f"{_W14}paraId") if paragraphs else None
        if last:
            by_para[last] = cid
        parent, done = threads.get(last or "", (None, False))
        found.append((Comment(cid, node.get(f"{W}author", ""), node.get(f"{W}date", ""),
                              text.strip(), anchors.get(cid, "").strip(), anchored_in.get(cid)),
                      parent, done))
    return [Comment(c.cid, c.author, c.date, c.text, c.anchor, c.paragraph,
                    by_para.get(parent) if parent else None, done)
            for c, parent, done in found]
