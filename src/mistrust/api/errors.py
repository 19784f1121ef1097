"""One shape for every error the API answers, whoever refuses the request.

Every JSON error body is ``{"error": {"code", "message", "details"}}``: a stable ``code`` (the
``MistrustError`` code, or ``validation``, ``not_found``, ``method_not_allowed``, ``unauthorized``,
``internal`` for what FastAPI, Starlette and the server refuse themselves), a sentence for a person,
and ``details`` (the error's context; for ``validation``, FastAPI's list of faulty fields). The
request guard (413, a refused Host) and the token check (401) build the same body through
``mistrust.errors.error_body``.

The handlers are registered on the app, not on a router: a route added anywhere gets them.
Pages (not under ``/api/``) keep their HTML error page.
"""

from __future__ import annotations

import logging
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException

from mistrust.errors import MistrustError, error_body
from mistrust.web import render

log = logging.getLogger(__name__)

# Codes for the statuses Starlette raises itself (an unknown path, a wrong method, ...).
STATUS_CODES = {400: "input", 401: "unauthorized", 403: "forbidden", 404: "not_found",
                405: "method_not_allowed", 409: "conflict", 413: "request_too_large", 422: "validation"}


def add_error_handlers(app: FastAPI, web: bool) -> None:
    """Answer every error of ``app`` in the one shape (JSON), or with the error page (pages)."""

    def answer(request: Request, status: int, code: str, message: str, details: Any = None,
               headers: dict[str, str] | None = None) -> Response:
        if web and not request.url.path.startswith("/api/"):
            return render(request, "error.html.j2", status_code=status, status=status, detail=message)
        return JSONResponse(error_body(code, message, details), status_code=status, headers=headers)

    @app.exception_handler(MistrustError)
    async def mistrust_error(request: Request, exc: MistrustError) -> Response:
        return answer(request, exc.http_status, exc.code, exc.message,
                      {k: str(v) for k, v in exc.context.items()})

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> Response:
        problems = jsonable_encoder(exc.errors(), exclude={"input", "ctx", "url"})
        where = "; ".join(f"{'.'.join(str(p) for p in e.get('loc', ()))}: {e.get('msg', '')}" for e in problems)
        return answer(request, 422, "validation", f"the request is not valid: {where}", problems)

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        message = exc.detail if isinstance(exc.detail, str) else HTTPStatus(exc.status_code).phrase
        code = STATUS_CODES.get(exc.status_code, "internal" if exc.status_code >= 500 else "input")
        return answer(request, exc.status_code, code, message, headers=getattr(exc, "headers", None))

    @app.exception_handler(Exception)
    async def internal_error(request: Request, exc: Exception) -> Response:
        # the traceback goes to the log, not to the client
        log.exception("unhandled error on %s %s", request.method, request.url.path)
        return answer(request, 500, "internal", "internal server error; the server log has the details")


__all__ = ["STATUS_CODES", "add_error_handlers"]
