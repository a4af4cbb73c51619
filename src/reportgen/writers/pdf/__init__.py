"""PDF writer: the document model laid out and drawn with reportlab."""

from reportgen.writers.pdf.writer import write

__all__ = ["write"]
