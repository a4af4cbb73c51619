"""What is at an output path before a build writes there, and the sizes worth reading."""

from __future__ import annotations

from enum import Enum


class State(Enum):
    """What is at an output path before we write there."""

    ABSENT = "absent"
    UNCHANGED = "unchanged"  # written by reportgen and not edited since
    EDITED = "edited"  # written by reportgen, then changed (or re-saved) by someone
    PULLED = "pulled"  # edited, then pulled into its report (`reportgen pull`), not since
    EARLIER = "earlier"
    """written by a reportgen whose fingerprint did not cover the whole file: whether it was
    edited cannot be told, so it is replaced only with a backup kept"""
    FOREIGN = "foreign"  # not written by reportgen, not a regular file, or not a DOCX/PDF


MAX_OUTPUT_BYTES = 512 * 1024 * 1024
"""A file at an output path larger than this is no output of ours: it is not read."""
MAX_UNPACKED = 512 * 1024 * 1024
"""Likewise for the parts of a DOCX, unpacked."""
