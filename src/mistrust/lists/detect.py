"""Which list format a file is in, from its first bytes.

Refuses early, with a reason, what is certainly not a list: empty files, binary files
(images, archives, executables). Text may come in any encoding the ingest decoder reads.
"""

from __future__ import annotations

import re

from mistrust.errors import DocumentRejected, ListFormatError
from mistrust.model.decode import BOMS, decode_bytes, sniff_utf16

FORMATS = ("un-xml", "ofac-csv", "ofac-xml", "eu-fsf-legacy", "eu-fsf-export", "ftm-json", "uk-xml")

# Root element -> format. EU "export" uses a namespace, so match on the local name.
_XML_ROOTS = {
    "CONSOLIDATED_LIST": "un-xml",
    "sdnList": "ofac-xml",
    "WHOLE": "eu-fsf-legacy",
    "export": "eu-fsf-export",
    "Designations": "uk-xml",  # FCDO UK Sanctions List
}
_MAGIC = {
    b"PK\x03\x04": "a ZIP archive",
    b"\x1f\x8b": "a gzip archive",
    b"%PDF": "a PDF document",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"\x7fELF": "an executable",
    b"MZ": "a Windows executable",
    b"BZh": "a bzip2 archive",
    b"SQLite format 3": "an SQLite database",
}
_ROOT = re.compile(r"<([A-Za-z_][\w.\-]*:)?([A-Za-z_][\w.\-]*)")
_OFAC_ROW = re.compile(r'^\d+,("|-0-|\d+,)')


def bom_encoding(head: bytes) -> tuple[str | None, int]:
    for bom, enc in BOMS:
        if head.startswith(bom):
            return enc, len(bom)
    return None, 0


def decode_text(data: bytes, path: str) -> str:
    """A whole text list file as the ingest decoder reads it (BOMs, UTF-16, Latin-1/cp1252 ...)."""
    try:
        return decode_bytes(data, path).text
    except DocumentRejected as exc:
        raise ListFormatError(exc.message.removeprefix(f"{path}: "), path=path) from None


def sniff_text(head: bytes, path: str | None = None) -> str:
    """The beginning of the file as text, or a ListFormatError saying why it is not text."""
    if not head.strip(b" \t\r\n\x1a\x00"):
        raise ListFormatError("file is empty", path=path)
    for magic, what in _MAGIC.items():
        if head.startswith(magic):
            raise ListFormatError(f"this is {what}, not a sanctions list", path=path)
    encoding, skip = bom_encoding(head)
    if encoding is None:
        # Text with every other byte NUL is UTF-16 written without a BOM; other NULs mean binary.
        encoding = sniff_utf16(head) if b"\x00" in head else "utf-8"
        if encoding is None:
            raise ListFormatError("binary data (NUL bytes) where a text list was expected", path=path)
    text = head[skip:].decode(encoding, errors="replace")
    controls = sum(1 for ch in text[:4096] if ord(ch) < 32 and ch not in "\t\r\n\x1a")
    if controls > 8 or text.count("\ufffd") > max(8, len(text) // 20):
        raise ListFormatError("binary data where a text list was expected", path=path)
    return text


def _xml_root(text: str) -> str | None:
    i = 0
    while True:
        i = text.find("<", i)
        if i == -1:
            return None
        if text.startswith(("<?", "<!"), i):
            close = text.find("-->", i) if text.startswith("<!--", i) else text.find(">", i)
            if close == -1:  # prolog longer than the sniffed head: cannot tell
                return None
            i = close + (3 if text.startswith("<!--", i) else 1)
            continue
        m = _ROOT.match(text, i)
        return m.group(2) if m else None


def detect_format(head: bytes, path: str | None = None) -> str:
    """Format name for a file beginning with ``head`` (a few KB are enough)."""
    text = sniff_text(head, path).lstrip()
    if text.startswith("<"):
        root = _xml_root(text)
        if root in _XML_ROOTS:
            return _XML_ROOTS[root]
        if root is None:
            raise ListFormatError("XML whose root element is not within the first 64 KB; give --format", path=path)
        raise ListFormatError(f"XML with root element <{root}> is not a known sanctions list format", path=path)
    if text.startswith("{"):
        first = text.split("\n", 1)[0]
        if '"schema"' in first or '"schema"' in text[:65536]:
            return "ftm-json"
        raise ListFormatError("JSON that is not FollowTheMoney entities (no \"schema\" key)", path=path)
    if _OFAC_ROW.match(text):
        return "ofac-csv"
    raise ListFormatError("unrecognised list format (expected UN/OFAC/EU/UK XML, OFAC CSV or FtM JSON lines)",
                          path=path, line=1)
