"""reportgen: Chinese institutional documents (DOCX and PDF) from YAML report data."""

__version__ = "0.1.0"
