"""Bytes to text: refuse what is not text, decode what is, and record how.

Shared by every engine that reads files people hand us (documents, list CSVs, batch inputs), so
it lives with the shared vocabulary rather than in one engine. It raises DocumentRejected; the
list loaders and batch screening turn that into their own error with the file and the reason.

Order of trust: a byte-order mark, then strict UTF-8, then a charset the container declared
(HTTP header, ``<meta charset>``), then statistical detection (charset_normalizer).
Binary inputs are refused by magic number or NUL bytes before any decoding is tried, because
a detector will happily "decode" a PNG as cp1252.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from mistrust.errors import DocumentRejected

# Leading bytes of formats that are never article text (checked before decoding).
MAGIC: list[tuple[bytes, str]] = [
    (b"%PDF-", "PDF document"),
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"PK\x03\x04", "ZIP archive (or DOCX/XLSX)"),
    (b"\x1f\x8b", "gzip archive"),
    (b"BZh", "bzip2 archive"),
    (b"\xfd7zXZ\x00", "xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "7z archive"),
    (b"\x7fELF", "ELF executable"),
    (b"MZ", "Windows executable"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "OLE document (DOC/XLS)"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"\x00\x00\x01\x00", "icon image"),
    (b"RIFF", "RIFF media"),
    (b"OggS", "Ogg media"),
    (b"ID3", "MP3 audio"),
]

BOMS: list[tuple[bytes, str]] = [
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
]

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
# Control characters other than tab/newline/carriage return/form feed: a few come from
# sloppy copy-paste, many mean the "text" is really binary or wrongly decoded.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
MAX_CONTROL_RATIO = 0.01


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    method: str  # "bom", "declared", "utf-8", "detected", "utf-16-sniffed"


def sniff_binary(data: bytes) -> str | None:
    """The kind of binary file ``data`` is, or None when it may be text."""
    for magic, kind in MAGIC:
        if data.startswith(magic):
            return kind
    return None


def decode_bytes(data: bytes, source: str, declared: str | None = None, html: bool = False) -> Decoded:
    """Decode ``data`` to text or raise DocumentRejected saying why (binary, undecodable, empty)."""
    if not data.strip():
        raise DocumentRejected(f"{source}: empty input", source=source)
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return _checked(_decode(data[len(bom):], encoding, source), encoding, "bom", source)
    kind = sniff_binary(data)
    if kind:
        raise DocumentRejected(f"{source}: binary file ({kind}), not text", source=source)
    if b"\x00" in data:
        utf16 = sniff_utf16(data)
        if utf16 is None:
            raise DocumentRejected(f"{source}: binary file (contains NUL bytes), not text", source=source)
        return _checked(_decode(data, utf16, source), utf16, "utf-16-sniffed", source)
    # Strict UTF-8 first, even over a declared charset: servers often declare ISO-8859-1 for
    # UTF-8 pages, and bytes that form valid multi-byte UTF-8 are almost never Latin text.
    try:
        return _checked(data.decode("utf-8"), "utf-8", "utf-8", source)
    except UnicodeDecodeError:
        pass
    if declared is None and html:
        match = _META_CHARSET.search(data[:4096])
        if match:
            declared = match.group(1).decode("ascii", "replace")
    codec = _known_codec(declared) if declared else None
    if codec:
        try:
            return _checked(data.decode(codec), codec, "declared", source)
        except UnicodeDecodeError:
            pass  # a wrong declaration is common; fall through to detection
    return _detect(data, source)


def stream_encoding(head: bytes, source: str) -> tuple[str, int]:
    """(encoding, BOM length) for a file read as a stream, judged on its first bytes.

    The same order of trust as ``decode_bytes``: BOM, binary refused, UTF-16 from its NULs, UTF-8
    when the head is UTF-8, Western cp1252, then detection. The caller decodes line by line, so
    a damaged line can be told apart from a file in another encoding.
    """
    for bom, encoding in BOMS:
        if head.startswith(bom):
            return encoding, len(bom)
    kind = sniff_binary(head)
    if kind:
        raise DocumentRejected(f"{source}: binary file ({kind}), not text", source=source)
    few = max(2, len(head) // 200)  # a stray NUL or bad byte damages its line; more mean another format
    if head.count(0) > few:
        utf16 = sniff_utf16(head)
        if utf16 is None:
            raise DocumentRejected(f"{source}: binary file (contains NUL bytes), not text", source=source)
        return utf16, 0
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=False)  # a cut last character is fine
        return "utf-8", 0
    except UnicodeDecodeError:
        pass
    if western(head) is not None:
        return "cp1252", 0
    # A legacy-encoded file has a high byte in nearly every non-English word, not just a few.
    if head.decode("utf-8", "replace").count("\ufffd") <= few:
        return "utf-8", 0
    return _detect(head, source).encoding, 0


def _detect(data: bytes, source: str) -> Decoded:
    western_text = western(data)
    if western_text is not None:
        return _checked(western_text, "cp1252", "detected", source)
    from charset_normalizer import from_bytes

    best = from_bytes(data[:1_000_000]).best()
    if best is None or not best.encoding:
        raise DocumentRejected(f"{source}: undecodable bytes (not UTF-8 and no charset detected)", source=source)
    return _checked(_decode(data, best.encoding, source), best.encoding, "detected", source)


def western(data: bytes) -> str | None:
    """cp1252 text when it reads as a Western European language, else None.

    Statistical detectors are unreliable on short texts ("naïve résumé" comes back as cp1006),
    and our sources are mostly English and other Latin-script languages. In such text only a
    minority of letters are non-ASCII; Cyrillic or Greek bytes read as cp1252 are nearly all
    accented letters, so those go to the detector instead.
    """
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    letters = [c for c in text[:200_000] if c.isalpha()]
    if not letters:
        return None
    non_ascii = sum(1 for c in letters if ord(c) > 127)
    return text if non_ascii / len(letters) < 0.4 else None


def _decode(data: bytes, encoding: str, source: str) -> str:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError) as exc:
        raise DocumentRejected(f"{source}: cannot decode as {encoding}: {exc}", source=source) from exc


def _checked(text: str, encoding: str, method: str, source: str) -> Decoded:
    if not text.strip():
        raise DocumentRejected(f"{source}: empty input (decoded as {encoding})", source=source)
    # A DOS end-of-file byte (0x1A) closing the text is a format's convention (OFAC's CSVs), not binary.
    controls = len(_CONTROL.findall(text[:200_000].rstrip("\x1a\r\n\t ")))
    if controls > MAX_CONTROL_RATIO * min(len(text), 200_000):
        raise DocumentRejected(
            f"{source}: looks binary ({controls} control characters after decoding as {encoding})", source=source
        )
    return Decoded(text=text, encoding=encoding, method=method)


def sniff_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM: mostly-ASCII text has NULs on every other byte."""
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    even_nul = even.count(0) / len(even)
    odd_nul = odd.count(0) / len(odd)
    if odd_nul > 0.3 and even_nul < 0.05:
        return "utf-16-le"
    if even_nul > 0.3 and odd_nul < 0.05:
        return "utf-16-be"
    return None


def _known_codec(name: str) -> str | None:
    try:
        return codecs.lookup(name.strip().lower()).name
    except LookupError:
        return None
