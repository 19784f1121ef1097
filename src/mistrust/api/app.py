"""The FastAPI application: JSON API, web pages, error mapping (``api/errors.py``), the request
guard, and who may ask (user accounts, else the optional shared bearer token: ``web/auth.py``).

Every route but one is a plain ``def``: FastAPI runs it in its thread pool, so the event loop
only moves bytes and a route that waits (on the store, on screening) never holds up another one,
``/api/v1/health`` included. The exception is ``GET /api/v1/screen``: it screens on the loop only
when nothing can wait (``SharedWorkspace.screen_now``), and on the thread pool otherwise.
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator, Callable, Sequence
from contextlib import asynccontextmanager
from urllib.parse import quote

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool
from starlette.types import ASGIApp, Receive, Scope, Send

import mistrust
from mistrust.api.docs import build_router as build_docs_router
from mistrust.api.errors import add_error_handlers
from mistrust.api.guard import Guard, allowed_hosts
from mistrust.api.monitoring import build_monitor_router
from mistrust.api.routes import SCREEN_PATH, build_routers, screen_one
from mistrust.errors import error_body
from mistrust.settings import Settings
from mistrust.web import mount
from mistrust.web.auth import authorised, resolve
from mistrust.workspace import Workspace
from mistrust.workspace.shared import SharedWorkspace

PUBLIC_PATHS = frozenset({"/api/v1/health", "/login"})
# Answered without opening the workspace, so health stays fast while another process holds its lock.
UNRESOLVED_PATHS = frozenset({"/api/v1/health"})


def create_app(workspace_factory: Callable[[], Workspace], settings: Settings | None = None,
               web: bool = True, bind: Sequence[str] = ()) -> FastAPI:
    """The app over one shared Workspace made by ``workspace_factory`` on first use.

    The token comes from ``settings.api_token`` (default: the environment, MISTRUST_API_TOKEN).
    ``bind``: the addresses the server listens on; requests may name them (or localhost, or
    ``settings.allowed_hosts``) in their Host header.
    """
    settings = settings or Settings.from_env()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        app.state.shared.close()  # writes the audit rows still queued

    app = FastAPI(
        lifespan=lifespan,
        title="mistrust",
        version=mistrust.__version__,
        description="Sanctions screening, documents, claims and stories from open-source reporting.",
        # FastAPI's Swagger UI and ReDoc load from a CDN; api/docs.py serves /docs offline instead
        docs_url=None,
        redoc_url=None,
    )
    app.state.settings = settings
    app.state.shared = SharedWorkspace(workspace_factory)
    # GET /api/v1/screen first, as a plain route: routes.screen_one says why
    app.add_route(SCREEN_PATH, screen_one, methods=["GET"], include_in_schema=False)
    for router in build_routers():
        app.include_router(router)
    app.include_router(build_monitor_router())
    app.include_router(build_docs_router())
    if web:
        mount(app)

    add_error_handlers(app, web)  # one error shape for every route (api/errors.py)

    # plain ASGI, as the Guard: Starlette's ``@app.middleware("http")`` runs every request through
    # a task and a memory stream of its own, a large share of a served screening's time
    app.add_middleware(RequireUser, token=settings.api_token, web=web)

    # added last, so it runs first: a refused Host or body never reaches auth or a route
    app.add_middleware(Guard, hosts=allowed_hosts(settings.allowed_hosts, bind),
                       max_body=settings.max_request_bytes)
    return app


class RequireUser:
    """With users: a signed-in session or a user's API key. Without: the shared token, when set."""

    def __init__(self, app: ASGIApp, token: str | None, web: bool) -> None:
        self.app, self.token, self.web = app, token, web

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"] in UNRESOLVED_PATHS:
            await self.app(scope, receive, send)
            return
        request = Request(scope, receive)
        shared = request.app.state.shared
        shared.refresh_ahead()  # the answers read below stay fresh while requests keep coming
        opened = shared.opened
        if opened is not None and opened.no_users_known():
            user, accounts = None, False  # single-user mode, known without a store read or a thread hop
        else:
            user, accounts = await run_in_threadpool(resolve, request)
        request.state.user, request.state.accounts = user, accounts
        allowed = user is not None if accounts else (not self.token or authorised(request, self.token))
        # the stylesheet is public too: the sign-in page needs it before anyone has signed in
        if allowed or request.url.path in PUBLIC_PATHS or request.url.path.startswith("/static/"):
            await self.app(scope, receive, send)
            return
        response: Response
        if self.web and _browser_page(request):
            # a person at a browser gets the login form, not a JSON 401
            response = RedirectResponse(f"/login?next={quote(request.url.path)}", status_code=303)
        else:
            detail = "a valid API key or session is required" if accounts else "a valid bearer token is required"
            response = JSONResponse(error_body("unauthorized", detail), status_code=401,
                                    headers={"WWW-Authenticate": "Bearer"})
        await response(scope, receive, send)


def _browser_page(request: Request) -> bool:
    """A page navigation from a browser: GET, not the JSON API, and HTML asked for by name."""
    return (request.method == "GET" and not request.url.path.startswith("/api/")
            and "text/html" in request.headers.get("accept", ""))


# `mistrust serve --workers N`: each uvicorn worker process imports this factory and builds its
# own app; the command passes the workspace and the bind address through the environment, the
# one channel uvicorn gives to worker processes.
SERVE_DB_ENV = "MISTRUST_SERVE_DB"
SERVE_BIND_ENV = "MISTRUST_SERVE_BIND"


def worker_app() -> FastAPI:
    """The app of one worker process of ``serve --workers N`` (uvicorn calls it as a factory)."""
    db = os.environ[SERVE_DB_ENV]
    return create_app(lambda: Workspace(db), bind=[os.environ.get(SERVE_BIND_ENV, "127.0.0.1")])
