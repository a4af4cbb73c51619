"""ISO 19005-2 6.2.2 and 6.2.3: the PDF/A output intent and its ICC profile, and 6.2.4.3: the
device colour spaces the pages use agree with it."""

from __future__ import annotations

from pypdf.generic import ArrayObject, ContentStream

from .document import Pdf, Violation

# ICC colour space signature → the components (/N) and the device space it stands for
_SPACES = {b"RGB ": (3, "RGB"), b"CMYK": (4, "CMYK"), b"GRAY": (1, "Gray")}
# colour operators of content streams → the device space they use
_OPERATORS = {b"rg": "RGB", b"RG": "RGB", b"k": "CMYK", b"K": "CMYK"}


def check_output_intent(pdf: Pdf) -> list[Violation]:
    intents = pdf.catalog.get("/OutputIntents")
    if not isinstance(intents, ArrayObject) or not intents:
        return [Violation("6.2.2", "the catalog has no /OutputIntents")]
    found = []
    profiles = set()
    space = None
    for intent in (i.get_object() for i in intents):
        if intent.get("/S") != "/GTS_PDFA1":
            continue
        profile = intent.get("/DestOutputProfile")
        if profile is None:
            found.append(Violation("6.2.3", "PDF/A output intent without /DestOutputProfile"))
            continue
        profiles.add(profile.idnum)
        stream = profile.get_object()
        data = stream.get_data()
        found += _profile(data, int(stream.get("/N", 0)))
        space = _SPACES.get(data[16:20], (0, None))[1]
        if "/OutputConditionIdentifier" not in intent:
            found.append(Violation("6.2.3", "output intent without /OutputConditionIdentifier"))
    if not profiles:
        found.append(Violation("6.2.2", "no output intent with /S /GTS_PDFA1"))
    elif len(profiles) > 1:
        found.append(Violation("6.2.2", "PDF/A output intents with different profiles"))
    return found + _device_colours(pdf, space)


def _profile(data: bytes, components: int) -> list[Violation]:
    """6.2.3: a valid ICC profile (ICC.1, major version 2 or 4, 'acsp' signature) of an output
    device class ('prtr' or 'mntr'), its /N its number of colour components."""
    found = []
    if len(data) < 128 or data[36:40] != b"acsp" or int.from_bytes(data[:4], "big") != len(data):
        return [Violation("6.2.3", "DestOutputProfile is not an ICC profile")]
    if data[8] not in (2, 4):
        found.append(Violation("6.2.3", f"ICC profile version {data[8]}.{data[9] >> 4}"))
    if data[12:16] not in (b"prtr", b"mntr"):
        found.append(Violation("6.2.3", f"ICC profile class {data[12:16]!r}"))
    expected = _SPACES.get(data[16:20], (None,))[0]
    if expected != components:
        found.append(Violation("6.2.3", f"/N {components} for a {data[16:20]!r} profile"))
    return found


def _device_colours(pdf: Pdf, space: str | None) -> list[Violation]:
    """6.2.4.3: DeviceRGB only with an RGB output intent, DeviceCMYK only with a CMYK one
    (DeviceGray goes with either)."""
    found = []
    for number, page in enumerate(pdf.reader.pages, start=1):
        content = ContentStream(page.get_contents(), pdf.reader)
        for operator in {op for _, op in content.operations if op in _OPERATORS}:
            if _OPERATORS[operator] != space:
                found.append(Violation("6.2.4.3", f"page {number} uses Device"
                                                  f"{_OPERATORS[operator]} with a {space} intent"))
    return found
