"""The texts outside the body carried into the YAML: title, addressee, attachments, signature …

A field the DOCX changed is edited in place; one the editor deleted is removed, and one the
editor added (a 附注 typed in its style) is written where the template's order puts it. Lists
(the preamble, the title's lines, attachments, closing lines, several organisations) gain and
lose items as the body does. The decorations the writer adds are put back as the YAML had
them: an addressee keeps the colon it was written with, a note its parentheses.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from reportgen.pull import officialsync
from reportgen.pull.align import align
from reportgen.pull.doc import LISTS, PARAGRAPH, Block, Text
from reportgen.pull.plan import Plan
from reportgen.pull.records import Change
from reportgen.pull.revised import bare_addressee, bare_note, join_lines
from reportgen.pull.texts import literal
from reportgen.template import FIELDS as TEMPLATE_FIELDS
from reportgen.yamlsrc.tree import Path_

WHAT = {"label": "label", "copy_number": "copy number (份号)", "secrecy": "密级",
        "urgency": "紧急程度", "mark": "发文机关标志", "mark_organisations":
        "organisation of the 发文机关标志", "mark_suffix": "发文机关标志's suffix",
        "doc_number": "document number (发文字号)", "signers": "签发人",
        "preamble": "preamble paragraph", "title": "title", "addressee": "addressee (主送机关)",
        "attachments": "attachment (附件)", "present": "出席 name", "on_leave": "请假 name",
        "observers": "列席 name", "organisation": "signature (落款)", "date": "date",
        "note": "note (附注)", "closing": "closing line", "copies_to": "抄送",
        "issuer": "印发机关", "issued": "印发日期"}
"""Each field outside the body, in print order, as the summary names it."""
_KEY = {"organisation": ("signature", "organisation"), "date": ("signature", "date"),
        "mark_organisations": ("mark", "organisations"), "mark_suffix": ("mark", "suffix"),
        "present": ("attendance", "present"), "on_leave": ("attendance", "on_leave"),
        "observers": ("attendance", "observers"), "copies_to": ("imprint", "copies_to"),
        "issuer": ("imprint", "issuer"), "issued": ("imprint", "issued")}
_GROUPS = {"imprint": ("copies_to", "issuer", "issued"),
           "attendance": ("present", "on_leave", "observers")}
"""Mappings that go as a whole when none of their fields is left (版记, a 纪要's lists)."""
_MARK_KEPT = ("a program may lose it with the first page's header, so the YAML keeps it: "
              "delete `mark:` yourself if the document goes out without it")
_REQUIRED = {"title": "a report needs it, so the YAML keeps it",
             "date": "a signature needs it, so the YAML keeps it",
             "organisation": "a signature needs it, so the YAML keeps it",
             "mark": _MARK_KEPT, "mark_organisations": _MARK_KEPT}
"""Fields never removed by a pull, and why: a report (or its signature) cannot be without
them, and a 发文机关标志 gone from the DOCX is likelier a program's slip than the editor's."""


class FieldSync:
    """Compares the fields of the YAML with those of the DOCX and plans the edits."""

    def __init__(self, plan: Plan, kind: str, template_fields: tuple[str, ...]):
        self.plan = plan
        self.kind = kind
        self.template_fields = template_fields

    def run(self, old: dict[str, list[Text]], new: dict[str, list[Text]]) -> None:
        # A 版记 (or a 纪要's attendance) as a whole goes only when none of its lines is left:
        # deleting its keys one by one would leave `imprint:` empty, deleting it for its last
        # key a line added to it.
        self.gone = {group for group, names in _GROUPS.items()
                     if not any(new.get(name) for name in names)}
        self.deleted: set[str] = set()
        for name in WHAT:
            was, now = old.get(name, []), new.get(name, [])
            for text in now:
                for loss in text.losses:
                    self.plan.loss(self.plan.where(was[0].path if was else None, text.para),
                                   loss)
            intent = self.list(name, was, now) if name in LISTS else self.single(name, was, now)
            if was or now:
                self.plan.fields[name] = intent

    # -- one text ------------------------------------------------------------------------------
    def single(self, name: str, was: list[Text], now: list[Text]) -> list[str]:
        """Carry one text back; what the field will print (decorations off)."""
        plan = self.plan
        for extra in now[1:]:
            plan.loss(plan.where(None, extra.para), f"a second {WHAT[name]} paragraph "
                                                    f"(「{extra.text[:20]}」)")
        if was and now:
            return [self.text(name, was[0], now[0].text)]
        if was:
            return self.removed(name, was[0])
        if now:
            return self.added(name, now[0].text, now[0].para)
        return []

    def text(self, name: str, old: Text, new: str) -> str:
        """Make the YAML text `old` read as the editor's `new` (decorations off); what it
        will print."""
        if name == "title":
            if same_title(new, old.text):
                return old.text
            new = join_lines(new.split("\n"))
        bare = bare_text(name, old.text)
        if bare == new:
            return bare
        problem = officialsync.problem(name, new)
        if problem is not None:
            self.plan.loss(self.plan.where(old.path), f"{problem}; the YAML keeps 「{bare}」")
            return bare
        printed = redecorated(name, new, old.text)
        self.plan.set_text(old.path, old.text, printed, WHAT[name])
        return bare_text(name, self.plan.expected.get(old.path, printed))

    def removed(self, name: str, old: Text) -> list[str]:
        plan = self.plan
        if name in _REQUIRED:
            plan.loss(plan.where(old.path), f"the {WHAT[name]} was deleted in the DOCX; "
                                            f"{_REQUIRED[name]}")
            return [bare_text(name, old.text)]
        self.drop(old.path)
        plan.changes.append(Change("removed", WHAT[name], old.path, plan.line(old.path),
                                   old.text))
        return []

    def drop(self, path: Path_) -> None:
        """Delete the value at `path`: with the mapping it is in, when that loses every key."""
        if path[0] in self.gone:
            if path[0] in self.deleted:
                return
            path = path[:1]
            self.deleted.add(path[0])
        self.plan.delete(path)

    def added(self, name: str, text: str | list[str], para: int | None) -> list[str]:
        """A field the YAML does not have, written where the template's order puts it."""
        plan = self.plan
        key = _KEY.get(name, (name,))
        texts = [text] if isinstance(text, str) else text
        problem = officialsync.problem(name, texts[0])
        if problem is not None:
            plan.loss(plan.where(None, para), problem)
            return []
        value = literal(text) if isinstance(text, str) else [literal(t) for t in text]
        if key[0] not in self.template_fields:
            plan.loss(plan.where(None, para), f"a {WHAT[name]}, which the {self.kind} template "
                                              "does not have")
            return []
        change = Change("added", WHAT[name], key, 0, None, " / ".join(texts))
        if len(key) == 2 and not plan.has(key[:1]):
            if key[0] == "signature":
                plan.loss(plan.where(None, para), f"a {WHAT[name]} without the rest of a "
                                                  "signature (落款 and date)")
                return []
            plan.insert((), self._position(key[0]), {key[1]: value}, key=key[0], change=change)
        elif len(key) == 2:
            mapping = plan.collection(key[:1])
            order = [v[1] for v in _KEY.values() if v[0] == key[0]]
            later = [i for i, e in enumerate(mapping.entries)
                     if e.key is not None and e.key.value in order
                     and order.index(e.key.value) > order.index(key[1])]
            plan.insert(key[:1], later[0] if later else len(mapping.entries), value, key=key[1],
                        change=change)
        else:
            plan.insert((), self._position(key[0]), value, key=key[0], change=change)
        return texts

    def _position(self, key: str) -> int:
        """Where a top-level field goes: before the first field printed after it."""
        root = self.plan.collection(())
        rank = {name: i for i, name in enumerate(TEMPLATE_FIELDS)}
        for i, entry in enumerate(root.entries):
            other = entry.key.value if entry.key is not None else None
            if other in rank and rank[other] > rank[key]:
                return i
        return len(root.entries)

    # -- lists ---------------------------------------------------------------------------------
    def list(self, name: str, was: list[Text], now: list[Text]) -> list[str]:
        """Carry a list of texts back; what the field will print."""
        plan = self.plan
        if not now:
            if was and name not in _REQUIRED:
                path = was[0].path if not isinstance(was[0].path[-1], int) else \
                    was[0].path[:-1]
                self.drop(path)
                plan.changes.append(Change("removed", WHAT[name], path, plan.line(path),
                                           "、".join(t.text for t in was)))
                return []
            return self.removed(name, was[0]) + [bare_text(name, t.text) for t in was[1:]] \
                if was else []
        if not was:
            return self.added(name, [_comparable(name, t.text) for t in now], now[0].para)
        if name == "attachments" and any(len(t.path) == 3 for t in was):  # some on pages
            return self.paged(name, was, now)
        if not isinstance(was[0].path[-1], int):  # one text, not a list
            if len(now) == 1:
                return [self.text(name, was[0], now[0].text)]
            return self.as_list(name, was[0], now)
        olds = [Block(PARAGRAPH, bare_text(name, t.text)) for t in was]
        news = [Block(PARAGRAPH, _comparable(name, t.text, was)) for t in now]
        align(olds, news)
        by_block = {id(b): t for b, t in zip(olds, was, strict=True)}
        path = was[0].path[:-1]
        wanted = [id(b.match) if b.match is not None else -n - 1 for n, b in enumerate(news)]
        matcher = SequenceMatcher(None, [id(b) for b in olds], wanted, autojunk=False)
        intent = []
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag == "equal":
                intent += [self.text(name, by_block[id(a)], text.text)
                           for a, text in zip(olds[i1:i2], now[j1:j2], strict=True)]
                continue
            for a in olds[i1:i2]:
                old = by_block[id(a)]
                plan.delete(old.path)
                plan.changes.append(Change("removed", WHAT[name], old.path,
                                           plan.line(old.path), old.text))
            for text in now[j1:j2]:
                plan.insert(path, i2, literal(_comparable(name, text.text)),
                            change=Change("added", WHAT[name], path, 0, None, text.text))
                intent.append(_comparable(name, text.text))
        return intent

    def paged(self, name: str, was: list[Text], now: list[Text]) -> list[str]:
        """Attachments some of which are set on pages of their own (`title` and `body`): each
        line edited in place; one added or deleted is named, for the pages go with it."""
        if len(now) == len(was):
            return [self.text(name, old, new.text) for old, new in zip(was, now, strict=True)]
        self.plan.loss(self.plan.where(was[0].path, now[0].para),
                       f"{abs(len(now) - len(was))} {WHAT[name]} line(s) "
                       f"{'added' if len(now) > len(was) else 'deleted'} beside attachments "
                       "set on pages of their own; change `attachments` in the YAML by hand")
        return [bare_text(name, t.text) for t in was]

    def as_list(self, name: str, old: Text, now: list[Text]) -> list[str]:
        """One text the DOCX now holds as several lines: the value becomes a list."""
        plan, key = self.plan, old.path
        parent = plan.collection(key[:-1])
        at = parent.index(str(key[-1]))
        texts = [_comparable(name, t.text) for t in now]
        plan.delete(key)
        plan.insert(key[:-1], at, [literal(t) for t in texts], key=str(key[-1]))
        plan.changes.append(Change("changed", WHAT[name], key, plan.line(key), old.text,
                                   " / ".join(texts)))
        return texts


def _comparable(name: str, text: str, olds: list[Text] = ()) -> str:
    """A DOCX text as it compares with the YAML's: a title line read with its breaks taken
    out, as the YAML line it reads as where there is one (the writer drops a space it breaks
    at, so the line alone cannot say whether one stood there)."""
    if name != "title":
        return text
    return next((old.text for old in olds if same_title(text, old.text)),
                join_lines(text.split("\n")))


def bare_text(name: str, printed: str) -> str:
    """The YAML's printed text of field `name` without what the writer adds or keeps off."""
    if name == "addressee":
        return bare_addressee(printed)
    if name == "note":
        return bare_note(printed)
    if name == "copies_to":
        return printed.removeprefix("抄送：").removeprefix("抄送:")
    if name == "issued":
        return printed.removesuffix("印发")
    if name == "copy_number" and printed.isascii() and printed.isdigit():
        return printed.zfill(6)
    return printed


def redecorated(name: str, new: str, old: str) -> str:
    """The editor's bare text `new` dressed as the YAML's `old` was (a colon, parentheses)."""
    if name == "addressee" and old != bare_addressee(old):
        return new + old[len(bare_addressee(old)):]
    if name == "note" and old != bare_note(old):
        return old[0] + new + old[-1]
    if name == "copies_to" and old.startswith("抄送"):
        return old[:len(old) - len(bare_text(name, old))] + new
    if name == "issued" and old.endswith("印发"):
        return new + "印发"
    if name == "copy_number" and len(old) < 6 and old.isascii() and old.isdigit() \
            and new.isascii() and new.isdigit():
        return new.lstrip("0").zfill(len(old))  # written without the zeros that pad it
    return new


def same_title(lines: str, printed: str) -> bool:
    """Whether a title paragraph (its lines broken where the writer broke them) reads as the
    YAML's title: the spaces the writer drops at a break may have stood there."""
    parts = [re.escape(part) for part in lines.split("\n")]
    return re.fullmatch(r"[ \t\u3000]*".join(parts), printed) is not None
