"""The archive (归档): reports built as PDF/A with their DOCX and sources, a catalogue following
DA/T 22-2015 and a manifest of checksums (`reportgen archive`), and its verification."""

from reportgen.archive.manifest import verify
from reportgen.archive.package import ArchiveResult, make_archive
from reportgen.archive.settings import load_settings

__all__ = ["ArchiveResult", "load_settings", "make_archive", "verify"]
