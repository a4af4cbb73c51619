"""The folding reader's name as pull/ imports it; the module itself is yamlsrc/folding.py."""

from reportgen.yamlsrc.folding import read_scalar

__all__ = ["read_scalar"]
