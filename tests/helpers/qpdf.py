"""`qpdf --check` on every PDF the tests write: a plugin that watches reportgen's PDF writer.

Every PDF the writer saves during the tests (in this process, and in processes forked from it:
the build's helper, batch workers) is checked by qpdf before the writer returns, so a file qpdf
finds errors in fails the test that made it. Without qpdf installed the checks are skipped
(`.ci/run` installs it).
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import tempfile
from pathlib import Path

QPDF = shutil.which("qpdf")
_checked: set[bytes] = set()


def qpdf_check(data: bytes) -> None:
    """Raise AssertionError unless `qpdf --check` passes the PDF `data` without warnings."""
    if QPDF is None:
        return
    digest = hashlib.sha256(data).digest()
    if digest in _checked:
        return
    with tempfile.NamedTemporaryFile(suffix=".pdf") as handle:
        handle.write(data)
        handle.flush()
        run = subprocess.run([QPDF, "--check", handle.name], capture_output=True, text=True)
    if run.returncode != 0:  # 2: errors, 3: warnings
        raise AssertionError(f"qpdf --check failed ({run.returncode}):\n"
                             f"{run.stdout[-2000:]}{run.stderr[-2000:]}")
    _checked.add(digest)


def checking_canvas(canvas_class):
    """A subclass of reportlab's Canvas whose save() runs qpdf_check on what it wrote."""

    class CheckedCanvas(canvas_class):
        def __init__(self, out, *args, **kwargs):
            self._checked_out = out
            super().__init__(out, *args, **kwargs)

        def save(self):
            super().save()
            out = self._checked_out
            if hasattr(out, "getvalue"):
                qpdf_check(out.getvalue())
            else:
                out.flush()
                name = out if isinstance(out, (str, Path)) else out.name
                qpdf_check(Path(name).read_bytes())

    return CheckedCanvas
