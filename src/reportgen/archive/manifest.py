"""The archive's manifest (manifest.json): every file with its SHA-256, size and, for a PDF, its
page count; and the check that recomputes them (`reportgen archive --verify`)."""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path

from reportgen import __version__
from reportgen.errors import EXIT_IO, fail

NAME = "manifest.json"
FORMAT = "reportgen-archive/1"


def pdf_pages(data: bytes) -> int:
    """The number of pages of a PDF reportgen wrote (its page objects are not in object
    streams): the /Type /Page dictionaries."""
    return len(re.findall(rb"/Type\s*/Page(?![A-Za-z])", data))


def describe(path: str, data: bytes) -> dict:
    """A file's manifest entry: posix path within the archive, SHA-256, size, PDF pages."""
    entry = {"path": path, "sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}
    if path.lower().endswith(".pdf"):
        entry["pages"] = pdf_pages(data)
    return entry


def manifest_json(files: dict[str, bytes]) -> bytes:
    """The manifest of `files` (path within the archive → bytes), paths in sorted order."""
    manifest = {"format": FORMAT, "generator": f"reportgen {__version__}",
                "files": [describe(path, files[path]) for path in sorted(files)]}
    return (json.dumps(manifest, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


@dataclass(frozen=True)
class Finding:
    """A difference between the archive and its manifest: `changed`, `missing` or `extra`."""

    kind: str
    path: str
    detail: str = ""

    def __str__(self) -> str:
        return f"{self.kind}: {self.path}" + (f" ({self.detail})" if self.detail else "")


def verify(folder: Path) -> tuple[int, list[Finding]]:
    """(files that match, every difference) between `folder` and its manifest."""
    manifest_path = folder / NAME
    try:
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        listed = {entry["path"]: entry for entry in manifest["files"]}
    except FileNotFoundError:
        raise fail(f"no {NAME}: not an archive written by reportgen", file=folder,
                   exit_code=EXIT_IO, hint="reportgen archive REPORTS… -o DIR writes one")
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise fail(f"cannot read the manifest: {exc}", file=manifest_path, exit_code=EXIT_IO,
                   hint="the manifest was damaged or edited; take it from a copy of the "
                        "archive, or archive the reports again")
    found: list[Finding] = []
    matching = 0
    for path, entry in listed.items():
        file = folder / path
        if not file.is_file():
            found.append(Finding("missing", path))
            continue
        actual = describe(path, file.read_bytes())
        differences = [f"{key} {entry.get(key)} → {actual[key]}"
                       for key in ("size", "pages", "sha256") if entry.get(key) != actual.get(key)]
        if differences:
            found.append(Finding("changed", path, "; ".join(differences)))
        else:
            matching += 1
    present = {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}
    found += [Finding("extra", path) for path in sorted(present - set(listed) - {NAME})]
    return matching, found
