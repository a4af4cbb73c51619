"""PDF fingerprints: the file identifier (`/ID` in the trailer) is a digest of the file's bytes.

Why the identifier: the PDF standard (14.4) defines it as an identifier computed from the
file's contents, PDF/A requires it, and it sits in the file itself, so no sidecar can go
stale. We set both of its strings to the SHA-256 of the whole file (the two strings counted
as zeros): any changed, added or removed byte, an appended annotation (an incremental update,
whose new trailer comes last) or a page deleted by another tool (a rewrite) breaks it. Its
length (32 bytes; reportlab's own and most tools' are 16) marks it as ours, and a tool that
rewrites the file keeps the first string (the standard's "permanent identifier"), so an
edited file is still recognised as one of ours. A PDF of an earlier reportgen, which did not
set the identifier so, is recognised by its Creator entry only: `EARLIER`.
"""

from __future__ import annotations

import hashlib
import re

from reportgen.fingerprint.state import State

_ID = re.compile(rb"/ID\s*\[\s*<([0-9A-Fa-f]*)>\s*<([0-9A-Fa-f]*)>\s*\]")
_ZEROS = b"<" + b"0" * 64 + b">"
_TRAILER_ROOM = 4096
"""The last trailer lies within this many bytes of the end of the file."""
EARLIER_CREATOR = b"/Creator (reportgen "


def _last_id(pdf: bytes) -> re.Match | None:
    matches = list(_ID.finditer(pdf, max(0, len(pdf) - _TRAILER_ROOM)))
    return matches[-1] if matches else None


def _digest(pdf: bytes, found: re.Match) -> bytes:
    """The SHA-256 (hex) of `pdf` with the identifier `found` written as two strings of zeros."""
    view = memoryview(pdf)
    hasher = hashlib.sha256(view[:found.start()])
    hasher.update(b"/ID [" + _ZEROS + _ZEROS + b"]")
    hasher.update(view[found.end():])
    return hasher.hexdigest().encode()


def stamp(pdf: bytes) -> bytes:
    """`pdf` with both strings of its file identifier set to the digest of the file."""
    found = _last_id(pdf)
    if found is None:
        raise ValueError("the PDF has no file identifier in its trailer")
    digest = _digest(pdf, found)
    return b"".join((pdf[:found.start()], b"/ID [<", digest, b"><", digest, b">]",
                     pdf[found.end():]))


def state(data: bytes) -> State:
    """Whether the PDF bytes `data` are our untouched output, our output edited since, an
    earlier reportgen's output, or foreign."""
    if not data.startswith(b"%PDF-"):
        return State.FOREIGN
    found = _last_id(data)
    if found is not None and len(found.group(1)) == 64:
        first, second = found.group(1).lower(), found.group(2).lower()
        return State.UNCHANGED if first == second == _digest(data, found) else State.EDITED
    if EARLIER_CREATOR in data:
        return State.EARLIER
    return State.FOREIGN
