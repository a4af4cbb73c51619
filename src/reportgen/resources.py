"""Where the bundled templates and fonts are: a source checkout, or an installed copy."""

from __future__ import annotations

import os
import sys
from pathlib import Path


def resource_dir(name: str, env: str) -> Path:
    """The `name` folder (fonts, templates): $env, the checkout beside src/, or the install.

    A checkout (and an editable install) has them next to `src/`; a regular `pip install .`
    puts them under `<prefix>/share/reportgen/`. The first that exists wins; if none does,
    the checkout path is returned so that the error names a sensible place.
    """
    if os.environ.get(env):
        return Path(os.environ[env])
    checkout = Path(__file__).resolve().parents[2] / name
    installed = Path(sys.prefix) / "share" / "reportgen" / name
    for candidate in (checkout, installed):
        if candidate.is_dir():
            return candidate
    return checkout
