"""The DOCX writer stage: the document model to WordprocessingML with live styles and numbering."""

from reportgen.writers.docx.writer import write

__all__ = ["write"]
