"""Stream objects as ISO 32000-1 (7.3.8) and PDF/A (ISO 19005-2 6.1.7) want them.

reportlab writes a stream's data straight into `endstream`; the standard asks for an
end-of-line marker between them, not counted in `/Length`, and PDF/A requires it. reportlab also
writes `/Filter [ ]` for a stream asked to have no filter, which the XMP metadata stream must
not carry (6.6.2.1). `pdf_streams()` writes every stream of a build the standard's way, and its
page streams compressed only, not also ASCII85-encoded as reportlab does by default (ASCII85
adds a quarter to their size and time to encode). reportlab reads both from module state, so
they are set for the build and restored after it.

Flate streams (the font subsets above all) are deflated with ISA-L where the `isal` package is
installed (the platforms it has wheels for): the same zlib format, at ISA-L's highest level in
about a tenth of the time zlib takes at its default one, for about 2% more bytes; where it is
not installed, with zlib.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from reportlab import rl_config
from reportlab.pdfbase import pdfdoc

try:
    from isal.isal_zlib import compress as _isal_compress
except ImportError:  # a platform isal has no wheel for (pyproject.toml)
    import zlib

    def deflate(data: bytes) -> bytes:
        """`data` in the zlib format (RFC 1950), as /FlateDecode reads it."""
        return zlib.compress(data, 6)
else:
    def deflate(data: bytes) -> bytes:
        """`data` in the zlib format (RFC 1950), as /FlateDecode reads it."""
        return _isal_compress(data, 3)


def _format(stream: pdfdoc.PDFStream, document: pdfdoc.PDFDocument) -> bytes:
    """The stream object: its dictionary with /Filter (only when filtered) and /Length, then
    `stream`, the data, an end-of-line and `endstream`."""
    dictionary = pdfdoc.PDFDictionary(stream.dictionary.dict.copy())
    content = stream.content
    if content is None:
        raise ValueError("stream content not set")
    filters = stream.filters if stream.filters is not None else document.defaultStreamFilters
    if filters and "Filter" not in dictionary.dict:
        for stream_filter in reversed(filters):
            content = deflate(_bytes(content)) if stream_filter is pdfdoc.PDFZCompress \
                else stream_filter.encode(content)
        dictionary["Filter"] = pdfdoc.PDFArray([pdfdoc.PDFName(f.pdfname) for f in filters])
    data = pdfdoc.format(document.encrypt.encode(content), document)
    dictionary["Length"] = len(data)
    return pdfdoc.format(dictionary, document) + b"\nstream\n" + data + b"\nendstream\n"


def _bytes(content: str | bytes) -> bytes:
    return content.encode("utf-8") if isinstance(content, str) else content


@contextmanager
def pdf_streams() -> Iterator[None]:
    """Within the block, reportlab writes streams as described above."""
    saved = rl_config.useA85, pdfdoc.PDFStream.format
    rl_config.useA85 = 0
    pdfdoc.PDFStream.format = _format
    try:
        yield
    finally:
        rl_config.useA85, pdfdoc.PDFStream.format = saved
