"""Where the bundled templates, fonts, schema and docs are: the install, or a source checkout."""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path


def resource_dir(name: str, env: str | None = None) -> Path:
    """The `name` folder (templates, fonts, schemas, docs): $env if set, else the installed
    package's data, else the checkout's top-level folder.

    A wheel carries the folders as package data, `reportgen/_data/<name>` (pyproject.toml maps
    the repository's top-level folders there), found with importlib.resources wherever the
    package is installed. A source checkout and an editable install read the top-level folders
    beside `src/`. If neither exists, the checkout path is returned so that an error names a
    sensible place.
    """
    if env and os.environ.get(env):
        return Path(os.environ[env])
    return _bundled(name)


@cache
def _bundled(name: str) -> Path:
    from importlib.resources import files

    installed = files("reportgen") / "_data" / name
    if isinstance(installed, Path) and installed.is_dir():
        return installed
    return Path(__file__).resolve().parents[2] / name
