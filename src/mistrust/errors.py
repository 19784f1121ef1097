"""One exception tree for the whole of mistrust.

Every error carries what the edges need: a stable ``code`` (for logs and JSON),
an ``exit_code`` (for the CLI) and an ``http_status`` (for the API)::

    MistrustError                     code=error            exit 1  http 500
    ├── ConfigError                   code=config           exit 2  http 500
    ├── InputError                    code=input            exit 3  http 400
    │   ├── ListFormatError           code=list_format      exit 3  http 422
    │   ├── DocumentRejected          code=document_rejected exit 3 http 422
    │   ├── UnsafeURLError            code=unsafe_url       exit 3  http 400
    │   └── RequestTooLarge           code=request_too_large exit 3 http 413
    ├── NotFoundError                 code=not_found        exit 4  http 404
    │   └── WorkspaceNotFound         code=workspace_not_found exit 4 http 404
    ├── Forbidden                     code=forbidden        exit 9  http 403
    │   └── NotSignedIn               code=unauthorized     exit 9  http 401
    │       └── TooManySignIns        code=too_many_sign_ins exit 9 http 429
    ├── FetchError                    code=fetch            exit 5  http 502
    ├── WorkerError                   code=worker           exit 8  http 500
    └── StoreError                    code=store            exit 6  http 500
        └── StoreBusy                 code=store_busy       exit 7  http 503

Engines raise these; the CLI turns them into a message and an exit code, the
API into a status and the one error body of every answer::

    {"error": {"code": "not_found", "message": "...", "details": {...}}}
"""

from __future__ import annotations

from typing import Any


class MistrustError(Exception):
    code = "error"
    exit_code = 1
    http_status = 500

    def __init__(self, message: str, **context: Any) -> None:
        super().__init__(message)
        self.message = message
        self.context = context

    def to_dict(self) -> dict[str, Any]:
        """The API's error body: ``{"error": {"code", "message", "details"}}`` (details: the context)."""
        return error_body(self.code, self.message, {k: str(v) for k, v in self.context.items()})


def error_body(code: str, message: str, details: Any = None) -> dict[str, Any]:
    """The one shape of every error answer of the API, whoever refuses the request."""
    return {"error": {"code": code, "message": message, "details": details if details is not None else {}}}


class ConfigError(MistrustError):
    code = "config"
    exit_code = 2


class InputError(MistrustError):
    code = "input"
    exit_code = 3
    http_status = 400


class ListFormatError(InputError):
    """A sanctions list file that cannot be read: says which file, where and what."""

    code = "list_format"
    http_status = 422

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None, **context: Any):
        where = path or "<input>"
        if line is not None:
            where = f"{where}:{line}"
        super().__init__(f"{where}: {message}", path=path or "", line=line or "", **context)
        self.path = path
        self.line = line
        self.reason = message


class DocumentRejected(InputError):
    """An input document that was not stored, with the reason why."""

    code = "document_rejected"
    http_status = 422


class UnsafeURLError(InputError):
    code = "unsafe_url"


class RequestTooLarge(InputError):
    """A request body over the server's limit (``max_request_bytes``): refused before it is read."""

    code = "request_too_large"
    http_status = 413


class NotFoundError(MistrustError):
    code = "not_found"
    exit_code = 4
    http_status = 404


class WorkspaceNotFound(NotFoundError):
    """A command that reads was pointed at a workspace that does not exist.

    Opening it would create an empty one and answer from it ("No hits"): a false clean result.
    """

    code = "workspace_not_found"


class Forbidden(MistrustError):
    """The user may not do this (their role, a disabled account, approving their own dismissal)."""

    code = "forbidden"
    exit_code = 9
    http_status = 403


class NotSignedIn(Forbidden):
    """No valid user: a wrong password, an unknown or disabled account's session or key."""

    code = "unauthorized"
    http_status = 401


class TooManySignIns(NotSignedIn):
    """Sign-ins refused for a while after too many failures for one user name or from one address."""

    code = "too_many_sign_ins"
    http_status = 429


class FetchError(MistrustError):
    code = "fetch"
    exit_code = 5
    http_status = 502


class WorkerError(MistrustError):
    """A parallel worker (process pool or Ray actor) failed: says which row or document."""

    code = "worker"
    exit_code = 8

    def __reduce__(self) -> tuple[object, ...]:
        # Crosses process boundaries (pool, Ray): keep the message and its context.
        return (_rebuild_worker_error, (self.message, self.context))


def _rebuild_worker_error(message: str, context: dict[str, Any]) -> WorkerError:
    return WorkerError(message, **context)


class StoreError(MistrustError):
    code = "store"
    exit_code = 6


class StoreBusy(StoreError):
    """Another process held the workspace's write lock longer than the busy timeout.

    Nothing was written; the same command can simply be run again (503: try again later).
    """

    code = "store_busy"
    exit_code = 7
    http_status = 503


__all__ = [
    "ConfigError",
    "DocumentRejected",
    "FetchError",
    "Forbidden",
    "InputError",
    "ListFormatError",
    "MistrustError",
    "NotFoundError",
    "NotSignedIn",
    "RequestTooLarge",
    "StoreBusy",
    "StoreError",
    "TooManySignIns",
    "UnsafeURLError",
    "WorkerError",
    "WorkspaceNotFound",
    "error_body",
]
