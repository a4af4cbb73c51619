"""Readers: the YAML report format, read and validated into the document model."""
