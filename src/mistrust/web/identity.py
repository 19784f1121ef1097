"""Who is making a request, as the name to record for what it does.

In single-user mode (no accounts) every request from the web or the API is recorded as "web";
once the workspace has users, the verified user (``web.auth.current_user``, which resolves it).
"""

from __future__ import annotations

from starlette.requests import Request

from mistrust.web.auth import username

ANONYMOUS = "web"


def request_user(request: Request) -> str:
    """The name recorded for what this request does: the verified user's, else "web"."""
    return username(request) or ANONYMOUS


__all__ = ["request_user"]
