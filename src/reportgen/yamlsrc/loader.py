"""The YAML loader every reader of a report uses: PyYAML's safe loader, numbers as YAML 1.2 reads
them.

PyYAML follows YAML 1.1, where a float needs a decimal point and a signed exponent: `1.0e+3`
is the number 1000 but `1e3`, `1E3`, `2.5e3` and `1e-3` are texts, so that `{{ a * 2 }}` would
repeat the text `1e3` while `growth(a, b)` reads it as 1000. YAML 1.2, JSON and the editors
that check a report against its JSON Schema read every one of them as a number; so does
reportgen. Such a number prints as written (written.py), like any other.
"""

from __future__ import annotations

import re

import yaml
from yaml.nodes import ScalarNode

_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's when PyYAML has it

FLOAT_TAG = "tag:yaml.org,2002:float"
_EXPONENT = re.compile(r"^[-+]?(?:[0-9][0-9_]*(?:\.[0-9_]*)?|\.[0-9_]+)[eE][-+]?[0-9]+$")


class Loader(_Base):
    """The safe loader, reading numbers in exponent form (1e3, 2.5E-2) as numbers."""


Loader.add_implicit_resolver(FLOAT_TAG, _EXPONENT, list("-+.0123456789"))
_RESOLVER = Loader("")


def plain_tag(text: str) -> str:
    """The tag YAML gives `text` written bare: str, int, float, bool, null or timestamp."""
    return _RESOLVER.resolve(ScalarNode, text, (True, False))


def reads_as_number(text: str) -> bool:
    """Whether `text` written bare is a number to the report's reader (not a text)."""
    return plain_tag(text) in ("tag:yaml.org,2002:int", FLOAT_TAG)
