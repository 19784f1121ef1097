"""What every request passes before anything runs: its Host, its body size, and the headers
every answer carries.

* **Host.** A page on another site can point its own domain name at 127.0.0.1 (DNS rebinding)
  and then talk to this server as if it were same-origin. Browsers still send that domain in
  ``Host``, so only the names this server is known by are answered (400 otherwise).
* **Body size.** A declared ``Content-Length`` over the limit is refused (413) without reading
  a byte; a chunked body is counted as it streams and the request fails once past the limit,
  so no route ever holds more than the limit in memory.
* **Headers.** A Content-Security-Policy that the pages satisfy (their one inline script
  carries a per-request nonce; inline styles are allowed), no framing (clickjacking on the
  review page), no MIME sniffing, no referrer to other sites.

It is plain ASGI (no ``BaseHTTPMiddleware``), so streaming bodies are seen chunk by chunk.
"""

from __future__ import annotations

import base64
import os
import threading
from collections.abc import Iterable

from starlette.datastructures import Headers, MutableHeaders
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from mistrust.errors import InputError, MistrustError, RequestTooLarge

LOCAL_HOSTS = ("localhost", "127.0.0.1", "::1")
ANY_HOST = "*"

PAGE_POLICY = ("default-src 'self'; script-src 'self' 'nonce-{nonce}'; style-src 'self' 'unsafe-inline';"
               " img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self';"
               " frame-ancestors 'none'")
FIXED_HEADERS = (
    ("x-frame-options", "DENY"),
    ("x-content-type-options", "nosniff"),
    ("referrer-policy", "same-origin"),
    ("cross-origin-opener-policy", "same-origin"),
)


def allowed_hosts(configured: str, bind: Iterable[str] = ()) -> frozenset[str] | None:
    """The host names to answer: ``configured`` (comma-separated), the bind addresses and
    localhost; None when ``*`` is among them (any host: a proxy in front checks it)."""
    names = {n.strip() for n in configured.split(",") if n.strip()}
    if ANY_HOST in names:
        return None
    return frozenset(host_name(n) for n in (*names, *bind, *LOCAL_HOSTS))


def host_name(host: str) -> str:
    """``Host`` header value without port, brackets, trailing dot or case: ``[::1]:8000`` -> ``::1``."""
    host = host.strip().lower()
    if host.startswith("["):
        host = host[1:].partition("]")[0]
    elif host.count(":") == 1:
        host = host.partition(":")[0]
    return host.rstrip(".")


NONCE_BYTES = 16  # as secrets.token_urlsafe(16): 128 bits, 22 URL-safe characters


class Nonces:
    """Per-request CSP nonces, each ``NONCE_BYTES`` of ``os.urandom`` never used twice, read from
    the kernel a block at a time.

    ``secrets.token_urlsafe`` asks the kernel for 16 bytes on every request, and CPython lets go
    of the GIL around that system call: on a busy server every request offered the GIL to the
    audit writer there and then waited to get it back (4% of the event loop's samples under 20
    saturating clients, py-spy). The bytes are the same kernel randomness, taken 4 KiB at a time.
    """

    BLOCK = 4096

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._pool, self._at, self._pid = b"", 0, 0

    def next(self) -> str:
        with self._lock:
            # a forked child draws its own block: it must not repeat its parent's nonces
            if self._at + NONCE_BYTES > len(self._pool) or self._pid != os.getpid():
                self._pool, self._at, self._pid = os.urandom(self.BLOCK), 0, os.getpid()
            raw = self._pool[self._at:self._at + NONCE_BYTES]
            self._at += NONCE_BYTES
        return base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii")


class Guard:
    def __init__(self, app: ASGIApp, hosts: frozenset[str] | None, max_body: int) -> None:
        self.app = app
        self.hosts = hosts
        self.max_body = max_body
        self.nonces = Nonces()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        nonce = self.nonces.next()
        scope.setdefault("state", {})["csp_nonce"] = nonce
        policy = PAGE_POLICY.format(nonce=nonce)  # every page, the API docs too: nothing from another host
        started = overflowed = False

        async def send_with_headers(message: Message) -> None:
            nonlocal started
            if overflowed:
                return  # the 413 has been sent: the route's own answer goes nowhere
            if message["type"] == "http.response.start":
                started = True
                headers = MutableHeaders(scope=message)
                headers.setdefault("content-security-policy", policy)
                for name, value in FIXED_HEADERS:
                    headers.setdefault(name, value)
            await send(message)

        refused = self._refusal(Headers(scope=scope))
        if refused is not None:
            await _error(refused, scope, receive, send_with_headers)
            return
        received = 0

        async def receive_capped() -> Message:
            nonlocal received, overflowed
            if overflowed:
                return {"type": "http.disconnect"}
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_body:
                    # answer 413 now and tell the route the client has gone: it stops reading
                    if not started:
                        await _error(_too_large(self.max_body), scope, receive, send_with_headers)
                    overflowed = True
                    return {"type": "http.disconnect"}
            return message

        try:
            await self.app(scope, receive_capped, send_with_headers)
        except Exception:
            if not overflowed:
                raise  # a route that fails on the cut-off body has nothing more to say

    def _refusal(self, headers: Headers) -> MistrustError | None:
        if self.hosts is not None and host_name(headers.get("host", "")) not in self.hosts:
            return InputError("this server does not answer for that host name (Host header); "
                              "set MISTRUST_ALLOWED_HOSTS to add one")
        length = headers.get("content-length")
        if length is not None:
            if not length.isdigit():
                return InputError("Content-Length is not a number")
            if int(length) > self.max_body:
                return _too_large(self.max_body)
        return None


def _too_large(limit: int) -> RequestTooLarge:
    return RequestTooLarge(f"request body over the limit of {limit} bytes (MISTRUST_MAX_REQUEST_BYTES)")


async def _error(exc: MistrustError, scope: Scope, receive: Receive, send: Send) -> None:
    # the connection may still carry an unread body: close it rather than read it
    headers = {"connection": "close"} if exc.http_status == 413 else None
    await JSONResponse(exc.to_dict(), status_code=exc.http_status, headers=headers)(scope, receive, send)


__all__ = ["Guard", "Nonces", "allowed_hosts", "host_name"]
