"""Who is making a request, in the one place the pages and the API ask it.

Until the workspace has accounts, every request from the web or the API is recorded as "web";
when accounts arrive, this function returns the verified user instead, and every caller
(watches, alert acknowledgements) records that without changing.
"""

from __future__ import annotations

from starlette.requests import Request

ANONYMOUS = "web"


def request_user(request: Request) -> str:
    """The name recorded for what this request does."""
    return ANONYMOUS


__all__ = ["request_user"]
