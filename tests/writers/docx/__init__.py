"""Tests of reportgen's docx package."""
