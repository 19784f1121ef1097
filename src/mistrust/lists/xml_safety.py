"""One hardened XML parser for every list format.

Official lists never use a DTD, so any DOCTYPE that declares entities is refused before
lxml sees the bytes (that is how XXE and "billion laughs" files look). The parser itself
is configured so that, even if such a file slipped through, entities are not expanded,
no DTD is loaded and nothing is fetched from the network.
"""

from __future__ import annotations

import re

from lxml import etree

from mistrust.errors import ListFormatError

# Where the prolog ends: the first start tag that is not <?...?>, <!--...--> or <!DOCTYPE...>.
_DOCTYPE = re.compile(rb"<!DOCTYPE", re.IGNORECASE)
_ENTITY = re.compile(rb"<!ENTITY", re.IGNORECASE)
_SYSTEM = re.compile(rb"\b(SYSTEM|PUBLIC)\b")


def _ascii_view(data: bytes) -> bytes:
    """The whole file as single bytes, also for UTF-16 (drop the NULs) so the checks see markup.

    The whole file, not a prefix: a prolog can be padded with comments to push a DOCTYPE
    past any fixed-size window.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00<" in data[:8] or b"<\x00" in data[:8]:
        return data.replace(b"\x00", b"")
    return data


def check_prolog(data: bytes, path: str | None = None) -> None:
    """Refuse DOCTYPEs that declare entities or point at external resources."""
    head = _ascii_view(data)
    match = _DOCTYPE.search(head)
    if not match:
        return
    line = head.count(b"\n", 0, match.start()) + 1
    # The internal subset ends at "]>"; look only there, not in the document body.
    end = head.find(b"]>", match.start())
    decl = head[match.start(): (end if end != -1 else match.start() + 4096)]
    if _ENTITY.search(decl):
        raise ListFormatError("XML declares entities in a DOCTYPE (XXE or entity-expansion attack); refused",
                              path=path, line=line)
    gt = head.find(b">", match.start())
    if _SYSTEM.search(head[match.start(): gt if gt != -1 else None]):
        raise ListFormatError("XML DOCTYPE refers to an external DTD; refused", path=path, line=line)


def safe_parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )


def parse_xml(data: bytes, path: str | None = None) -> etree._Element:
    """Parse a whole list file safely; syntax errors (e.g. a truncated download) say file and line."""
    check_prolog(data, path)
    try:
        root = etree.fromstring(data, parser=safe_parser())
    except etree.XMLSyntaxError as exc:
        line = exc.lineno if exc.lineno else None
        msg = str(exc.msg)
        if "encoding" in msg.lower() or "utf-8" in msg.lower():
            raise ListFormatError(f"wrong character encoding (bytes do not match the declared encoding): {msg}",
                                  path=path, line=line) from None
        raise ListFormatError(f"malformed or truncated XML: {msg}", path=path, line=line) from None
    if root is None:
        raise ListFormatError("XML document has no root element", path=path)
    # Belt and braces: an entity reference that survived parsing means a DTD we did not see.
    for _ in root.iter(etree.Entity):
        raise ListFormatError("XML contains unexpanded entity references; refused", path=path)
    return root
