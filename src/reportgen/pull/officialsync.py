"""An official document's 版头, 落款 and attendance read from the DOCX, fitted to the YAML's shape.

What the DOCX prints as one text the YAML may hold in parts, and some changes the YAML cannot
take as they stand: `fit` settles both before the fields are carried back (fields.py). A mark
printed as one line is split into the `organisations` and `suffix` the YAML writes it as; a
纪要's attendance list written as a YAML list is split at the 、 the writer joins it with. A
change the YAML could not hold is named and that field kept as the YAML has it: a joint mark
that lost its table, organisations added to or removed from a sealed 落款 (`seal:` gives one
file per organisation), a 发文字号 deleted from under its 签发人, a letter's 版记 line that
reads as a 印发机关. `problem` says whether an
editor's 份号, 密级 or 紧急程度 is one the reader takes.
"""

from __future__ import annotations

from reportgen.pull.doc import Text
from reportgen.pull.plan import Plan
from reportgen.reader.official import (
    ATTENDANCE_LABELS,
    copy_number_problem,
    secrecy_problem,
)
from reportgen.reader.schema import REPORT_SCHEMA

Fields = dict[str, list[Text]]


def fit(old: Fields, new: Fields, data: dict, letter: bool, plan: Plan) -> None:
    """Bring the DOCX's fields `new` into the shape of the YAML's `old` (the report `data`,
    a `letter` or not); what cannot be carried back is named in `plan` and kept as `old` has
    it."""
    _mark(old, new, plan)
    for name, what in (("issuer", "印发机关"), ("issued", "印发日期")) if letter else ():
        for text in new.pop(name, []):  # a 版记 line that lost its 抄送：
            plan.loss(plan.where(None, text.para), f"「{text.text}」 as the 版记's {what}: a "
                                                   "letter's 版记 has 抄送 only (GB/T 9704 10.1); "
                                                   "the YAML keeps its 版记")
            _keep(old, new, "copies_to")
    for key in ATTENDANCE_LABELS:
        if old.get(key) and isinstance(old[key][0].path[-1], int) and new.get(key):
            new[key] = [Text(key, name.strip(), para=text.para, losses=text.losses)
                        for text in new[key] for name in text.text.split("、") if name.strip()]
    signature = data.get("signature")
    sealed = isinstance(signature, dict) and "seal" in signature
    orgs, now = old.get("organisation", []), new.get("organisation", [])
    if sealed and now and len(now) != len(orgs):
        _keep(old, new, "organisation", plan,
              f"the sealed 落款 has {len(now)} organisation(s) in the DOCX and {len(orgs)} in "
              "the YAML, each with its seal (`seal:` gives one file per organisation); change "
              "`signature` by hand")
    if new.get("signers") and old.get("doc_number") and not new.get("doc_number"):
        _keep(old, new, "doc_number", plan, "the 发文字号 was deleted but not its 签发人, who "
                                            "stand on its line; the YAML keeps it")


def _mark(old: Fields, new: Fields, plan: Plan) -> None:
    """A mark the YAML writes as `organisations` and `suffix` but the DOCX prints as one line
    (a single organisation), split as the YAML splits it; a mark whose form changed is kept."""
    orgs, suffix = old.get("mark_organisations", []), old.get("mark_suffix", [])
    lines = new.get("mark", [])
    if not orgs or not lines:
        if old.get("mark") and new.get("mark_organisations"):
            _kept_mark(old, new, plan, "the 发文机关标志 became a joint one (a table of names)")
        return
    line, org, end = lines[0], orgs[0].text, suffix[0].text if suffix else ""
    if len(orgs) > 1 or len(lines) > 1 or new.get("mark_organisations"):
        _kept_mark(old, new, plan, "the joint 发文机关标志 lost its form (a table of names)")
    elif end and line.text.endswith(end) and len(line.text) > len(end):
        _split_mark(new, line, line.text[:-len(end)], end)
    elif line.text.startswith(org):
        _split_mark(new, line, org, line.text[len(org):])
    else:
        _kept_mark(old, new, plan, f"the 发文机关标志 「{line.text}」 cannot be told apart into "
                                   "the `organisations` and `suffix` the YAML writes it as")


def _split_mark(new: Fields, line: Text, org: str, suffix: str) -> None:
    del new["mark"]
    new["mark_organisations"] = [Text("mark_organisations", org, para=line.para,
                                      losses=line.losses)]
    new["mark_suffix"] = [Text("mark_suffix", suffix, para=line.para)] if suffix else []


def _kept_mark(old: Fields, new: Fields, plan: Plan, why: str) -> None:
    plan.loss(plan.where(("mark",)), f"{why}; change `mark` by hand")
    for name in ("mark", "mark_organisations", "mark_suffix"):
        _keep(old, new, name)


def _keep(old: Fields, new: Fields, name: str, plan: Plan | None = None,
          why: str | None = None) -> None:
    """Read the DOCX's field `name` as the YAML has it; `why` not, named in `plan` where
    the YAML has it."""
    kept = old.get(name, [])
    if plan is not None and why is not None:
        path = kept[0].path if kept else None
        plan.loss(plan.where(path[:-1] if path and isinstance(path[-1], int) else path), why)
    new[name] = [Text(name, text.text, para=text.para) for text in kept]


_URGENCY = tuple(REPORT_SCHEMA["properties"]["urgency"]["enum"])


def problem(name: str, text: str) -> str | None:
    """Why the reader would refuse `text` as field `name` (份号, 密级, 紧急程度); None if it
    takes it."""
    if name == "copy_number":
        found = copy_number_problem(text)
    elif name == "secrecy":
        found = secrecy_problem(text)
    elif name == "urgency" and text not in _URGENCY:
        found = (f"`{text}` is not a 紧急程度", f"it is one of {', '.join(_URGENCY)} (GB/T 9704 "
                                                "7.2.3)")
    else:
        found = None
    return None if found is None else f"{found[0]}: {found[1]}"
