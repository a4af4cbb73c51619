"""The seals over a 落款 in the DOCX beside `seal:`: each one the editor deleted or added is named.

The writer anchors each organisation's seal (GB/T 9704 7.3.5.1) to its line as a picture
described by its file's name. Each file of `seal:` is looked for among the pictures of the
落款's lines by that name (a picture a program left without one stands in for a missing seal);
a seal not found was deleted, a picture no seal accounts for was added.

Neither is carried back. `seal:` gives every organisation its seal or none, so one seal of
several cannot go alone; and a seal comes out of a DOCX most often because the paper copy is
to be stamped by hand, which GB/T 9704 still sets as a sealed 落款: taking `seal:` out would move
the organisation and date to the unsealed layout (7.3.5.2). A picture pasted over a 落款 is not
a seal file beside the report. So each is named where `seal:` stands, for the user to decide.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from reportgen.pull.doc import SealLine, Text
from reportgen.pull.plan import Plan
from reportgen.yamlsrc.tree import Path_


@dataclass(frozen=True)
class _Wanted:
    """A seal `seal:` gives: its file, where the file is named, and its organisation."""

    file: str
    path: Path_
    organisation: str


def check(lines: list[SealLine], data: dict, organisations: list[Text], plan: Plan) -> None:
    """Name in `plan` each seal of the report (`data`) missing from the DOCX's 落款 `lines`,
    and each picture there that is none of them; `organisations` are the YAML's."""
    wanted = _wanted(data, organisations)
    pictures = [(line, name) for line in lines for name in line.pictures]
    missing = []
    for seal in wanted:
        found = next((p for p in pictures if p[1] == seal.file), None)
        if found is not None:
            pictures.remove(found)
        else:
            missing.append(seal)
    unnamed = [p for p in pictures if not p[1]]  # a program dropped their descriptions
    if unnamed and missing:
        stand_in = min(len(unnamed), len(missing))
        for picture in unnamed[:stand_in]:
            pictures.remove(picture)
        if stand_in < len(missing):  # which of them is gone, the pictures cannot tell
            _deleted(plan, missing, len(missing) - stand_in, len(wanted) > 1)
        missing = []
    for seal in missing:
        sharing = [w for w in wanted if w.file == seal.file]
        _deleted(plan, sharing if len(sharing) > 1 else [seal], 1, len(wanted) > 1)
    where = organisations[0].path[:2] if organisations else None  # signature.organisation
    for line, name in pictures:
        plan.loss(plan.where(where, line.para),
                  f"a picture{f' ({name})' if name else ''} added on the 落款 line of "
                  f"{'、'.join(line.organisations) or 'the signature'}: a seal comes from "
                  "`seal:`, a PNG or SVG file beside the report")


def _deleted(plan: Plan, among: list[_Wanted], count: int, several: bool) -> None:
    """Name `count` seals deleted, of the seals `among` (one seal: that one)."""
    if len(among) == 1:
        whose, where = f"the seal of {among[0].organisation} ({among[0].file})", among[0].path
    else:
        whose = (f"{count} of the seals of {'、'.join(w.organisation for w in among)} "
                 f"({', '.join(dict.fromkeys(w.file for w in among))})")
        where = ("signature", "seal")
    plan.loss(plan.where(where),
              f"{whose} {'was' if count == 1 else 'were'} deleted in the DOCX; a pull leaves "
              "`seal:` as it is (a 落款 to be stamped by hand keeps the sealed layout, GB/T 9704 "
              "7.3.5.1): delete `seal:` "
              + ("(every organisation has its seal, or none) " if several else "")
              + "yourself if the document goes out unsealed")


def _wanted(data: dict, organisations: list[Text]) -> list[_Wanted]:
    signature = data.get("signature")
    if not isinstance(signature, dict) or "seal" not in signature:
        return []
    files = signature["seal"]
    paths: list[Path_] = [("signature", "seal", i) for i in range(len(files))] \
        if isinstance(files, list) else [("signature", "seal")]
    files = files if isinstance(files, list) else [files]
    names = [t.text for t in organisations]
    return [_Wanted(Path(str(file)).name, path, names[i] if i < len(names) else "")
            for i, (file, path) in enumerate(zip(files, paths, strict=True))]
