"""Who is asking: user accounts, the shared token (``MISTRUST_API_TOKEN``), and the checks that
keep other sites out.

Once the workspace has users, every request must carry a session cookie (set by signing in at
``/login``) or a user's API key (``Authorization: Bearer KEY``); ``current_user`` says whose.
With no users the workspace is single-user: the shared token, when set, is the only gate, sent
by browsers in an HttpOnly cookie and by API clients in a bearer header. Forms are refused when
posted from another site, and a sign-in redirect only ever goes to a local path.
"""

from __future__ import annotations

import hmac
from urllib.parse import urlsplit

from starlette.requests import Request

from mistrust.errors import InputError
from mistrust.model.accounts import User

TOKEN_COOKIE = "mistrust_token"
SESSION_COOKIE = "mistrust_session"
_UNRESOLVED = object()


def current_user(request: Request) -> User | None:
    """The verified user of ``request``: the one place that says who is asking.

    The user of the session cookie (``mistrust_session``, set by ``/login``) or of the API key
    in ``Authorization: Bearer KEY``, if that user is enabled (and the session unexpired); None
    when the workspace has no users (single-user mode, see ``single_user``) or the request
    carries neither. Resolved once per request (the app's middleware does it first, so a route
    that calls this again costs nothing). Code that records who did something (judgements,
    notes, watches, exports) calls ``username(request)``.
    """
    found = getattr(request.state, "user", _UNRESOLVED)
    if found is _UNRESOLVED:
        found, accounts = resolve(request)
        request.state.user, request.state.accounts = found, accounts
    return found if isinstance(found, User) else None


def username(request: Request) -> str | None:
    """The verified user's name (``current_user``), or None."""
    user = current_user(request)
    return user.name if user is not None else None


def single_user(request: Request) -> bool:
    """True when the workspace has no users: requests are not tied to a person."""
    current_user(request)
    return not getattr(request.state, "accounts", False)


def resolve(request: Request) -> tuple[User | None, bool]:
    """(the request's user, whether the workspace has users); reads the store, so call it off the event loop."""
    ws = request.app.state.shared.workspace
    if not ws.has_users():
        return None, False
    scheme, _, given = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() == "bearer":
        return ws.key_user(given.strip()), True
    return ws.session_user(request.cookies.get(SESSION_COOKIE, "")), True


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


__all__ = ["SESSION_COOKIE", "TOKEN_COOKIE", "authorised", "current_user", "local_path", "resolve", "same_origin",
           "single_user", "token_matches", "username"]
