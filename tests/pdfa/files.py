"""Embedded files: none in a PDF/A-2 unless PDF/A itself (ISO 19005-2 6.8); in a PDF/A-3 each is
an associated file (ISO 19005-3 6.8) with its MIME type, /Params, /AFRelationship, and listed in
an /AF array."""

from __future__ import annotations

import hashlib

from pypdf.generic import DictionaryObject

from .document import Pdf, Violation

RELATIONSHIPS = {"/Source", "/Data", "/Alternative", "/Supplement", "/EncryptedPayload",
                 "/FormData", "/Schema", "/Unspecified"}


def embedded_files(pdf: Pdf) -> list[tuple[int, DictionaryObject]]:
    """(object number, file specification) of every file specification with /EF."""
    return [(number, obj) for number, obj in pdf.objects.items()
            if isinstance(obj, DictionaryObject) and "/EF" in obj]


def check_embedded_files(pdf: Pdf, part: int) -> list[Violation]:
    files = embedded_files(pdf)
    if part == 2:
        return [Violation("6.8", f"file specification {n} embeds a file (only PDF/A files may be "
                                 "embedded in a PDF/A-2; this checker does not verify them)")
                for n, _ in files]
    listed = set()
    for obj in pdf.objects.values():
        if isinstance(obj, DictionaryObject) and "/AF" in obj:
            listed.update(ref.idnum for ref in obj["/AF"])
    found = []
    for number, spec in files:
        name = f"file specification {number} ({spec.get('/UF')})"
        for key in ("/F", "/UF"):
            if key not in spec:
                found.append(Violation("6.8 (19005-3)", f"{name}: no {key}"))
        if spec.get("/AFRelationship") not in RELATIONSHIPS:
            found.append(Violation("6.8 (19005-3)", f"{name}: /AFRelationship "
                                                    f"{spec.get('/AFRelationship')}"))
        if number not in listed:
            found.append(Violation("6.8 (19005-3)", f"{name}: in no /AF array"))
        stream = spec["/EF"].get("/F")
        if stream is None:
            found.append(Violation("6.8 (19005-3)", f"{name}: /EF has no /F"))
            continue
        stream = stream.get_object()
        subtype = stream.get("/Subtype")
        if subtype is None or "/" not in str(subtype)[1:]:
            found.append(Violation("6.8 (19005-3)", f"{name}: MIME type (/Subtype) {subtype}"))
        params = stream.get("/Params")
        if params is None or "/ModDate" not in params:
            found.append(Violation("6.8 (19005-3)", f"{name}: no /Params /ModDate"))
            continue
        data = stream.get_data()
        if "/Size" in params and int(params["/Size"]) != len(data):
            found.append(Violation("6.8 (19005-3)", f"{name}: /Size {params['/Size']}, "
                                                    f"data {len(data)} bytes"))
        checksum = params.get("/CheckSum")
        if checksum is not None and bytes(checksum.original_bytes) != hashlib.md5(data).digest():
            found.append(Violation("6.8 (19005-3)", f"{name}: /CheckSum is not the data's MD5"))
    return found
