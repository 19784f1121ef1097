"""Download the official list files: timeouts, a size cap, content checks, sha256 recorded.

The HTTP transport is a parameter, so tests run against a local server (or a mock
transport) and nothing here knows about the store: the workspace loads what was saved.
A download is written to a temporary name and renamed only when complete, and its first
bytes must be the format the source promises (an HTML error page is not a list).
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import httpx

from mistrust.errors import FetchError, ListFormatError
from mistrust.lists.detect import detect_format


@dataclass(frozen=True)
class Source:
    name: str
    format: str
    # (url, file name) pairs; OFAC's CSV comes as three files that must sit side by side.
    files: tuple[tuple[str, str], ...]


_OFAC = "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports"
SOURCES: dict[str, Source] = {s.name: s for s in (
    Source("un", "un-xml", (("https://scsanctions.un.org/resources/xml/en/consolidated.xml", "un.xml"),)),
    Source("ofac-sdn", "ofac-csv", ((f"{_OFAC}/SDN.CSV", "sdn.csv"), (f"{_OFAC}/ADD.CSV", "add.csv"),
                                    (f"{_OFAC}/ALT.CSV", "alt.csv"))),
    Source("ofac-consolidated", "ofac-xml", ((f"{_OFAC}/CONSOLIDATED.XML", "consolidated.xml"),)),
    Source("eu", "eu-fsf-export", (("https://webgate.ec.europa.eu/fsd/fsf/public/files/xmlFullSanctionsList_1_1/"
                                    "content?token=dG9rZW4tMjAxNw", "eu-fsf.xml"),)),
    # The FCDO's stable address for the current file (the gov.uk publication page links to it).
    Source("uk", "uk-xml", (("https://sanctionslist.fcdo.gov.uk/docs/UK-Sanctions-List.xml", "uk.xml"),)),
    Source("opensanctions", "ftm-json", (("https://data.opensanctions.org/datasets/latest/sanctions/"
                                          "entities.ftm.json", "opensanctions.ftm.json"),)),
)}
DEFAULT_SOURCES = ("un", "ofac-sdn", "ofac-consolidated", "eu", "uk")
USER_AGENT = "mistrust-lists/1 (+https://github.com/mistrust)"


@dataclass(frozen=True)
class Download:
    source: str
    format: str
    path: Path  # the file to load (for OFAC CSV: sdn.csv, with add/alt beside it)
    sha256: dict[str, str]  # url -> sha256


def download(names: Sequence[str] | None, folder: Path, *, registry: dict[str, Source] | None = None,
             transport: httpx.BaseTransport | None = None, timeout: float = 20.0,
             max_bytes: int = 200 * 1024 * 1024) -> list[Download]:
    registry = registry or SOURCES
    names = list(names or [n for n in DEFAULT_SOURCES if n in registry] or list(registry))
    unknown = [n for n in names if n not in registry]
    if unknown:
        raise FetchError(f"unknown list source(s) {', '.join(unknown)}; known: {', '.join(registry)}")
    stamp = datetime.now(UTC).strftime("%Y-%m-%dT%H%M%S")
    out = []
    with httpx.Client(transport=transport, timeout=timeout, follow_redirects=True,
                      headers={"User-Agent": USER_AGENT}) as client:
        for name in names:
            source = registry[name]
            target = folder / name / stamp
            target.mkdir(parents=True, exist_ok=True)
            hashes = {}
            for url, filename in source.files:
                hashes[url] = fetch(client, url, target / filename, source.format, max_bytes)
            out.append(Download(name, source.format, target / source.files[0][1], hashes))
    return out


def fetch(client: httpx.Client, url: str, dest: Path, expected_format: str, max_bytes: int) -> str:
    """Stream ``url`` to ``dest``; return its sha256. Refuses oversize, error pages and wrong formats."""
    tmp = dest.with_name(dest.name + ".part")
    digest = hashlib.sha256()
    size = 0
    head = b""
    try:
        with client.stream("GET", url) as response:
            if response.status_code != 200:
                raise FetchError(f"{url}: HTTP {response.status_code}")
            declared = response.headers.get("content-length")
            if declared and declared.isdigit() and int(declared) > max_bytes:
                raise FetchError(f"{url}: {declared} bytes exceeds the {max_bytes}-byte cap")
            with tmp.open("wb") as fh:
                for chunk in response.iter_bytes():
                    size += len(chunk)
                    if size > max_bytes:
                        raise FetchError(f"{url}: more than {max_bytes} bytes; download stopped")
                    if len(head) < 65536:
                        head += chunk[: 65536 - len(head)]
                    digest.update(chunk)
                    fh.write(chunk)
    except httpx.HTTPError as exc:
        tmp.unlink(missing_ok=True)
        raise FetchError(f"{url}: {type(exc).__name__}: {exc}") from None
    except FetchError:
        tmp.unlink(missing_ok=True)
        raise
    try:
        found = detect_format(head, url)
    except ListFormatError as exc:
        tmp.unlink(missing_ok=True)
        raise FetchError(f"{url}: downloaded content is not a list: {exc.reason}") from None
    # add.csv/alt.csv sniff as OFAC CSV too; an EU legacy file is acceptable where the export is expected.
    if found != expected_format and {found, expected_format} != {"eu-fsf-legacy", "eu-fsf-export"}:
        tmp.unlink(missing_ok=True)
        raise FetchError(f"{url}: expected {expected_format}, got {found}")
    tmp.replace(dest)
    return digest.hexdigest()
