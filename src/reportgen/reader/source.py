"""The YAML loader's names as pull/ imports them; the loader itself is yamlsrc/source.py."""

from reportgen.yamlsrc.source import load, read_text
from reportgen.yamlsrc.tree import format_path

__all__ = ["format_path", "load", "read_text"]
