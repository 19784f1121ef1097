"""The shared token (``MISTRUST_API_TOKEN``) and the checks that keep other sites out.

Browsers send the token in an HttpOnly cookie, API clients in a bearer header. Forms are
refused when posted from another site, and a sign-in redirect only ever goes to a local path.
"""

from __future__ import annotations

import hmac
from urllib.parse import urlsplit

from starlette.requests import Request

from mistrust.errors import InputError

TOKEN_COOKIE = "mistrust_token"


def token_matches(given: str, token: str) -> bool:
    """Constant-time comparison, so the token cannot be guessed from response times."""
    return bool(given) and hmac.compare_digest(given.strip().encode(), token.encode())


def authorised(request: Request, token: str) -> bool:
    header = request.headers.get("authorization", "")
    scheme, _, given = header.partition(" ")
    if scheme.lower() != "bearer":
        # pages in a browser cannot send a header: accept the same token from a cookie
        given = request.cookies.get(TOKEN_COOKIE, "")
    return token_matches(given, token)


def local_path(target: str) -> str:
    """Only a path on this server: a login form must not become an open redirect."""
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return "/"
    return target


def same_origin(request: Request) -> None:
    """Refuse a form posted from another site (the token cookie would otherwise ride along)."""
    origin = request.headers.get("origin") or request.headers.get("referer")
    if origin and urlsplit(origin).netloc != request.headers.get("host", ""):
        raise InputError("cross-site form submission refused")


__all__ = ["TOKEN_COOKIE", "authorised", "local_path", "same_origin", "token_matches"]
