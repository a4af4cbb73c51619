"""The list instances of a revised DOCX (word/numbering.xml), as pull tells plans apart by them.

A plan point is numbered by its style, and the first point of each plan names an instance of
its own that restarts the count (`w:startOverride`). LibreOffice, saving, gives every numbered
paragraph an instance of its own but keeps the restarts; DOCX written before plan points were
bound to a style gave each plan a list definition of its own. So a point starts a new plan
where its instance restarts its level or belongs to another definition than the plan's.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

from reportgen.pull.styles import SAFE_PARSER, W


@dataclass
class Lists:
    """numId → the list definition (`w:abstractNumId`) of each instance, and the levels that
    each instance restarts."""

    definitions: dict[int, int] = field(default_factory=dict)
    restarted: set[tuple[int, int]] = field(default_factory=set)

    @classmethod
    def parse(cls, xml: bytes | None) -> Lists:
        found = cls()
        if not xml:
            return found
        for num in etree.fromstring(xml, parser=SAFE_PARSER).iter(f"{W}num"):
            num_id = _int(num.get(f"{W}numId"))
            abstract = num.find(f"{W}abstractNumId")
            if num_id is None or abstract is None:
                continue
            definition = _int(abstract.get(f"{W}val"))
            if definition is not None:
                found.definitions[num_id] = definition
            for override in num.iter(f"{W}lvlOverride"):
                ilvl = _int(override.get(f"{W}ilvl"))
                if ilvl is not None and override.find(f"{W}startOverride") is not None:
                    found.restarted.add((num_id, ilvl))
        return found

    def restarts(self, num_id: int, ilvl: int) -> bool:
        """Whether instance `num_id` counts level `ilvl` from its start again."""
        return (num_id, ilvl) in self.restarted

    def definition(self, num_id: int) -> int | None:
        return self.definitions.get(num_id)


def _int(value: str | None) -> int | None:
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None
