"""Replays of hostile inputs that were already handled when issue 19 was filed, kept as proof.

Each case asserts a clear error or a safe result AND that what was stored before is intact:
XXE, billion laughs and external DTDs in list XML, truncated lists, binary files given as lists
or as documents, SSRF address tricks and redirects to private addresses.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import httpx
import pytest

from hostile._make import ofac_csv, un_xml
from mistrust import Workspace
from mistrust.errors import ListFormatError
from mistrust.ingest.fetch import default_resolver
from test_ingest_fetch import HTML, PUBLIC_IP, Remote, article_html

XXE = ('<?xml version="1.0"?><!DOCTYPE CONSOLIDATED_LIST [<!ENTITY x SYSTEM "file:///etc/hostname">]>'
       "<CONSOLIDATED_LIST><INDIVIDUALS/><ENTITIES><ENTITY><FIRST_NAME>&x;</FIRST_NAME>"
       "<REFERENCE_NUMBER>Z.1</REFERENCE_NUMBER></ENTITY></ENTITIES></CONSOLIDATED_LIST>")
LAUGHS = ('<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa">'
          + "".join(f'<!ENTITY {c} "{("&" + p + ";") * 10}">' for p, c in zip("abcdefgh", "bcdefghi", strict=True))
          + ']><CONSOLIDATED_LIST><INDIVIDUALS/><ENTITIES><ENTITY><FIRST_NAME>&i;</FIRST_NAME>'
          "<REFERENCE_NUMBER>Z.2</REFERENCE_NUMBER></ENTITY></ENTITIES></CONSOLIDATED_LIST>")
PARAMETER_ENTITY = ('<?xml version="1.0"?><!DOCTYPE r [<!ENTITY % p SYSTEM "http://127.0.0.1:9/x.dtd"> %p;]>'
                    "<CONSOLIDATED_LIST><INDIVIDUALS/><ENTITIES/></CONSOLIDATED_LIST>")


def _truncated(tmp: Path, make: Callable[[Path], Path], name: str, keep: float) -> bytes:
    data = make(tmp / f"whole-{name}").read_bytes()
    return data[: int(len(data) * keep)]


HOSTILE_LISTS: dict[str, tuple[str, Callable[[Path], bytes]]] = {
    "XXE": ("un.xml", lambda tmp: XXE.encode()),
    "billion laughs": ("un.xml", lambda tmp: LAUGHS.encode()),
    "parameter entity to a local port": ("un.xml", lambda tmp: PARAMETER_ENTITY.encode()),
    "truncated UN XML": ("un.xml", lambda tmp: _truncated(
        tmp, lambda p: un_xml(p, "2026-01-01", [f"Entity Number {i}" for i in range(50)]), "un.xml", 0.6)),
    "truncated OFAC CSV": ("sdn.csv", lambda tmp: _truncated(
        tmp, lambda p: ofac_csv(p, [f"COMPANY NUMBER {i}" for i in range(50)]), "sdn.csv", 0.5)),
    "PNG given as a list": ("list.xml", lambda tmp: b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8),
    "ZIP given as a list": ("sdn.csv", lambda tmp: b"PK\x03\x04" + bytes(200)),
    "ELF given as a list": ("un.xml", lambda tmp: b"\x7fELF\x02\x01\x01" + bytes(range(256))),
}


@pytest.fixture
def stocked(tmp_path: Path) -> Path:
    """A workspace holding one list version and one document."""
    db = tmp_path / "w.db"
    article = tmp_path / "article.txt"
    article.write_text("Customs officers seized a shipment of valves at the port on Tuesday, officials said. " * 4,
                       encoding="utf-8")
    with Workspace(db, create=True) as ws:
        ws.load_lists([un_xml(tmp_path / "good.xml", "2025-01-01", ["Upsilon Machine Tools"])])
        ws.ingest([article])
    return db


def _snapshot(db: Path) -> tuple[str, list[str], list[str]]:
    with Workspace(db, create=True) as ws:
        assert ws.screen("Upsilon Machine Tools", record=False)[0].match
        return ws.lists_state(), [v.id for v in ws.list_versions()], ws.document_ids()


@pytest.mark.parametrize("case", list(HOSTILE_LISTS))
def test_hostile_list_files_are_refused_and_nothing_is_lost(stocked: Path, tmp_path: Path, case: str) -> None:
    before = _snapshot(stocked)
    name, make = HOSTILE_LISTS[case]
    bad = tmp_path / "bad" / name
    bad.parent.mkdir()
    bad.write_bytes(make(tmp_path))
    with Workspace(stocked, create=True) as ws, pytest.raises(ListFormatError) as info:
        ws.load_lists([bad])
    assert str(bad) in info.value.message
    assert "/etc/hostname" not in info.value.message and "aaaaaaaaaa" not in info.value.message
    assert _snapshot(stocked) == before


@pytest.mark.parametrize("blob", [b"\x89PNG\r\n\x1a\n" + bytes(300), b"%PDF-1.4\n" + bytes(range(256)),
                                  b"\x00\x01\x02\x03" * 100, b"MZ" + bytes(500)])
def test_binary_files_given_as_documents_are_skipped_with_a_reason(stocked: Path, tmp_path: Path,
                                                                   blob: bytes) -> None:
    before = _snapshot(stocked)
    path = tmp_path / "report.txt"
    path.write_bytes(blob)
    with Workspace(stocked, create=True) as ws:
        result = ws.ingest([path])
    assert result["documents"] == [] and len(result["skipped"]) == 1
    assert "binary" in result["skipped"][0].reason
    assert _snapshot(stocked) == before


@pytest.mark.parametrize("url", [
    "http://2130706433/",  # 127.0.0.1 as one decimal number
    "http://0x7f000001/",  # ... in hex
    "http://017700000001/",  # ... in octal
    "http://127.1/",  # ... shortened
    "http://0/",  # 0.0.0.0
    "http://[::ffff:7f00:1]/",  # IPv4-mapped IPv6
    "http://[0:0:0:0:0:ffff:a9fe:a9fe]/",  # the cloud metadata address, IPv6-mapped
    "http://public.example@127.0.0.1/",  # user info that looks like the host
    "HTTP://LOCALHOST:8000/",
])
def test_ssrf_address_tricks_are_refused(stocked: Path, url: str) -> None:
    before = _snapshot(stocked)
    remote = Remote({})
    with Workspace(stocked, create=True) as ws:
        # The real resolver: these numeric forms resolve offline, as getaddrinfo reads them.
        result = ws.ingest([url], transport=httpx.MockTransport(remote), resolver=default_resolver)
    assert result["documents"] == [] and result["skipped"][0].code == "unsafe_url"
    assert remote.seen == []  # no request left the process
    assert _snapshot(stocked) == before


@pytest.mark.parametrize("target", ["http://127.0.0.1/admin", "http://2130706433/", "http://[::1]:8080/",
                                    "http://169.254.169.254/latest/meta-data/"])
def test_redirects_to_private_addresses_are_refused(stocked: Path, target: str) -> None:
    before = _snapshot(stocked)
    remote = Remote({"news.example/a": httpx.Response(302, headers={"location": target}),
                     "news.example/ok": httpx.Response(200, headers=HTML, content=article_html("Valves seized"))})

    def resolver(host: str, port: int) -> list[str]:
        return [PUBLIC_IP] if host == "news.example" else default_resolver(host, port)

    with Workspace(stocked, create=True) as ws:
        result = ws.ingest(["http://news.example/a"], transport=httpx.MockTransport(remote), resolver=resolver)
    assert result["documents"] == [] and result["skipped"][0].code == "unsafe_url"
    assert [r.url.host for r in remote.seen] == [PUBLIC_IP]  # only the first, public hop was requested
    assert _snapshot(stocked) == before
