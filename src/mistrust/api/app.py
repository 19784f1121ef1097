"""The FastAPI application: JSON API, web pages, error mapping and optional bearer-token auth."""

from __future__ import annotations

import hmac
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from urllib.parse import quote

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, RedirectResponse, Response

import mistrust
from mistrust.api.routes import build_router
from mistrust.api.state import Shared
from mistrust.errors import MistrustError
from mistrust.settings import Settings
from mistrust.workspace import Workspace

PUBLIC_PATHS = frozenset({"/api/v1/health", "/login"})
TOKEN_COOKIE = "mistrust_token"


def create_app(workspace_factory: Callable[[], Workspace], settings: Settings | None = None,
               web: bool = True) -> FastAPI:
    """The app over one shared Workspace made by ``workspace_factory`` on first use.

    The token comes from ``settings.api_token`` (default: the environment, MISTRUST_API_TOKEN).
    """
    settings = settings or Settings.from_env()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        app.state.shared.close()

    app = FastAPI(
        lifespan=lifespan,
        title="mistrust",
        version=mistrust.__version__,
        description="Sanctions screening, documents, claims and stories from open-source reporting.",
    )
    app.state.settings = settings
    app.state.shared = Shared(workspace_factory)
    app.include_router(build_router())
    if web:
        from mistrust.web import mount

        mount(app)

    @app.exception_handler(MistrustError)
    async def mistrust_error(request: Request, exc: MistrustError) -> Response:
        if web and not request.url.path.startswith("/api/"):
            from mistrust.web import render

            return render(request, "error.html.j2", status_code=exc.http_status, status=exc.http_status,
                          detail=exc.message)
        return JSONResponse(exc.to_dict(), status_code=exc.http_status)

    token = settings.api_token
    if token:
        @app.middleware("http")
        async def require_token(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
            if request.url.path in PUBLIC_PATHS or _authorised(request, token):
                return await call_next(request)
            if web and _browser_page(request):
                # a person at a browser gets the login form, not a JSON 401
                return RedirectResponse(f"/login?next={quote(request.url.path)}", status_code=303)
            return JSONResponse({"error": "unauthorized", "detail": "a valid bearer token is required"},
                                status_code=401, headers={"WWW-Authenticate": "Bearer"})

    return app


def _browser_page(request: Request) -> bool:
    """A page navigation from a browser: GET, not the JSON API, and HTML asked for by name."""
    return (request.method == "GET" and not request.url.path.startswith("/api/")
            and "text/html" in request.headers.get("accept", ""))


def token_matches(given: str, token: str) -> bool:
    """Constant-time comparison, so the token cannot be guessed from response times."""
    return bool(given) and hmac.compare_digest(given.strip().encode(), token.encode())


def _authorised(request: Request, token: str) -> bool:
    header = request.headers.get("authorization", "")
    scheme, _, given = header.partition(" ")
    if scheme.lower() != "bearer":
        # pages in a browser cannot send a header: accept the same token from a cookie
        given = request.cookies.get(TOKEN_COOKIE, "")
    return token_matches(given, token)
