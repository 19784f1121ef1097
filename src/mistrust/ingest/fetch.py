"""HTTP(S) fetching that refuses to be turned against the machine it runs on.

Every hop (the first URL and each redirect, followed by hand) is checked: the scheme must
be http/https, and every address the host resolves to must be globally routable, so
loopback, private (10/8, 172.16/12, 192.168/16, fc00::/7), link-local (169.254/16, where
cloud metadata lives), multicast, reserved and unspecified addresses are refused unless
``allow_private``. The connection is then pinned to the address that was checked (the URL
host is replaced by the IP, with the original ``Host`` header and TLS server name), so a DNS
answer that changes between check and connect (DNS rebinding) cannot reach a private
address either.

Downloads are streamed with a byte cap and an overall deadline (a server dripping one byte
per second would otherwise never trip the read timeout), and only text-like content types
are accepted. The httpx transport and the DNS resolver are parameters so tests run against
a local server or a mock without touching the network.
"""

from __future__ import annotations

import ipaddress
import socket
import time
from collections.abc import Callable
from dataclasses import dataclass, field

import httpx

from mistrust.errors import DocumentRejected, FetchError, UnsafeURLError
from mistrust.settings import Settings

Resolver = Callable[[str, int], list[str]]
IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

MAX_REDIRECTS = 5
USER_AGENT = "mistrust/0.1 (+sanctions monitoring; ingest)"
REDIRECT_CODES = {301, 302, 303, 307, 308}
ACCEPTED_TYPES = {
    "text/html", "application/xhtml+xml", "text/plain", "text/xml", "application/xml",
    "application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/feed+json",
    "application/json", "text/markdown",
}


@dataclass
class Fetched:
    url: str  # final URL after redirects
    status: int
    content_type: str  # media type without parameters, lower case ("" when the server sent none)
    charset: str | None
    body: bytes
    redirects: list[str] = field(default_factory=list)


def default_resolver(host: str, port: int) -> list[str]:
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise FetchError(f"cannot resolve host {host!r}: {exc.strerror or exc}", host=host) from exc
    return sorted({str(info[4][0]) for info in infos})


def address_problem(ip: IPAddress) -> str | None:
    """Why ``ip`` must not be fetched from, or None when it is a public address."""
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped  # ::ffff:127.0.0.1 is 127.0.0.1
    if ip.is_loopback:
        return "loopback"
    if ip.is_link_local:
        return "link-local"
    if ip.is_multicast:
        return "multicast"
    if ip.is_unspecified:
        return "unspecified"
    if ip.is_private:
        return "private"
    if ip.is_reserved:
        return "reserved"
    if not ip.is_global:
        return "non-global"
    return None


def check_url(url: str, allow_private: bool, resolver: Resolver = default_resolver) -> tuple[httpx.URL, str | None]:
    """The parsed URL and the address to connect to (None when not pinned); UnsafeURLError if refused."""
    try:
        parsed = httpx.URL(url)
    except (httpx.InvalidURL, TypeError) as exc:
        raise UnsafeURLError(f"{url}: not a valid URL ({exc})", url=url) from exc
    if parsed.scheme not in ("http", "https"):
        raise UnsafeURLError(f"{url}: only http and https URLs can be fetched (got {parsed.scheme or 'none'!r})",
                             url=url)
    host = parsed.host
    if not host:
        raise UnsafeURLError(f"{url}: URL has no host", url=url)
    if allow_private:
        return parsed, None
    try:
        addresses = [host]
        ipaddress.ip_address(host)
    except ValueError:
        addresses = resolver(host, parsed.port or (443 if parsed.scheme == "https" else 80))
    if not addresses:
        raise FetchError(f"{url}: host {host!r} resolves to no address", url=url)
    for raw in addresses:
        ip = ipaddress.ip_address(raw.split("%", 1)[0])
        problem = address_problem(ip)
        if problem:
            shown = host if host == raw else f"{host} -> {raw}"
            raise UnsafeURLError(
                f"{url}: refusing to fetch from {shown}: {problem} address (use --allow-private to permit it)",
                url=url, address=raw,
            )
    return parsed, addresses[0]


class Fetcher:
    """One HTTP client for a batch of fetches; close it (or use ``with``) when done."""

    def __init__(self, settings: Settings, allow_private: bool = False,
                 transport: httpx.BaseTransport | None = None, resolver: Resolver | None = None,
                 max_bytes: int | None = None) -> None:
        self.allow_private = allow_private or settings.allow_private_urls
        self.resolver = resolver or default_resolver
        self.max_bytes = max_bytes if max_bytes is not None else min(settings.fetch_max_bytes,
                                                                      settings.max_document_bytes)
        self.timeout = settings.fetch_timeout
        self.client = httpx.Client(
            transport=transport,
            timeout=httpx.Timeout(settings.fetch_timeout, connect=min(10.0, settings.fetch_timeout)),
            follow_redirects=False,  # each hop is checked by hand
            headers={"User-Agent": USER_AGENT},
        )

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.client.close()

    def fetch(self, url: str) -> Fetched:
        redirects: list[str] = []
        current = url
        for _ in range(MAX_REDIRECTS + 1):
            parsed, pinned = check_url(current, self.allow_private, self.resolver)
            result = self._get(parsed, pinned, current)
            if isinstance(result, str):
                redirects.append(current)
                current = result
                continue
            result.redirects = redirects
            return result
        raise FetchError(f"{url}: more than {MAX_REDIRECTS} redirects", url=url)

    def _get(self, parsed: httpx.URL, pinned: str | None, shown: str) -> Fetched | str:
        """The response, or the next URL when the server redirects."""
        headers: dict[str, str] = {}
        extensions: dict[str, str] = {}
        target = parsed
        if pinned is not None:
            target = parsed.copy_with(host=pinned)
            headers["Host"] = parsed.netloc.decode("ascii")
            if parsed.scheme == "https":
                extensions["sni_hostname"] = parsed.host
        deadline = time.monotonic() + 3 * self.timeout
        try:
            with self.client.stream("GET", target, headers=headers, extensions=extensions) as response:
                if response.status_code in REDIRECT_CODES:
                    location = response.headers.get("location")
                    if not location:
                        raise FetchError(f"{shown}: redirect {response.status_code} without a Location", url=shown)
                    return str(parsed.join(location))
                if response.status_code >= 400:
                    raise FetchError(f"{shown}: HTTP {response.status_code}", url=shown, status=response.status_code)
                media_type, charset = _content_type(response.headers.get("content-type", ""))
                if media_type and media_type not in ACCEPTED_TYPES:
                    raise DocumentRejected(f"{shown}: content type {media_type} is not text, HTML or a feed",
                                           source=shown)
                declared = response.headers.get("content-length")
                if declared and declared.isdigit() and int(declared) > self.max_bytes:
                    raise DocumentRejected(f"{shown}: too large ({int(declared):,} bytes > {self.max_bytes:,})",
                                           source=shown)
                chunks: list[bytes] = []
                size = 0
                for chunk in response.iter_bytes():
                    size += len(chunk)
                    if size > self.max_bytes:
                        raise DocumentRejected(f"{shown}: too large (over {self.max_bytes:,} bytes)", source=shown)
                    if time.monotonic() > deadline:
                        raise FetchError(f"{shown}: download took longer than {3 * self.timeout:.0f}s", url=shown)
                    chunks.append(chunk)
                return Fetched(url=shown, status=response.status_code, content_type=media_type, charset=charset,
                               body=b"".join(chunks))
        except httpx.TimeoutException as exc:
            raise FetchError(f"{shown}: timed out ({type(exc).__name__})", url=shown) from exc
        except httpx.HTTPError as exc:
            raise FetchError(f"{shown}: {type(exc).__name__}: {exc}", url=shown) from exc


def _content_type(header: str) -> tuple[str, str | None]:
    parts = [p.strip() for p in header.split(";")]
    media_type = parts[0].lower() if parts and parts[0] else ""
    charset = None
    for p in parts[1:]:
        if p.lower().startswith("charset="):
            charset = p.split("=", 1)[1].strip("\"' ") or None
    return media_type, charset
