"""Server-rendered pages: search, entity, story, document, screening form, review queue.

Every page calls the shared Workspace (``app.state.shared``) and renders a Jinja2 template
with autoescaping on, so article text and list data always render as text.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from fastapi import APIRouter, FastAPI, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles

from mistrust.api.app import TOKEN_COOKIE, token_matches
from mistrust.api.state import Shared
from mistrust.errors import InputError, NotFoundError
from mistrust.model import Claim
from mistrust.report import build_report, network_fragment
from mistrust.report.templating import environment

HERE = Path(__file__).parent
MAX_FORM_BYTES = 16_384


def _shared(request: Request) -> Shared:
    return request.app.state.shared  # type: ignore[no-any-return]


def render(request: Request, template: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    env = environment([HERE / "templates"])
    html = env.get_template(template).render(request=request, **context)
    return HTMLResponse(html, status_code=status_code)


def mount(app: FastAPI) -> None:
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.include_router(build_router())


def _claims_of(claims: list[Claim], name: str) -> list[Claim]:
    key = name.casefold()
    return [c for c in claims
            if key in {(c.subject_canonical or c.subject or "").casefold(), (c.object_canonical or c.object or "").casefold()}]


def build_router() -> APIRouter:  # noqa: C901 - one small function per page
    router = APIRouter(include_in_schema=False)

    @router.get("/", response_class=HTMLResponse)
    def search(request: Request, q: str = Query("", max_length=500)) -> HTMLResponse:
        s = _shared(request)
        ws = s.workspace
        q = q.strip()
        with s.lock:
            stories = ws.stories()
            entities = ws.entities(q=q or None, limit=50)
            documents = ws.documents(limit=50, q=q or None)
        return render(request, "search.html.j2", q=q, stories=stories, entities=entities, documents=documents)

    @router.get("/story/{story_id}", response_class=HTMLResponse)
    def story(request: Request, story_id: str) -> HTMLResponse:
        s = _shared(request)
        report = s.call(s.workspace.report_data, story_id)
        return render(request, "story.html.j2", report=report,
                      network=network_fragment(report.network, link_prefix="/entity?name="))

    @router.get("/overview", response_class=HTMLResponse)
    def overview(request: Request) -> HTMLResponse:
        """Every document's network at once, for workspaces without stories yet."""
        s = _shared(request)
        report = s.call(s.workspace.report_data, None)
        return render(request, "story.html.j2", report=report,
                      network=network_fragment(report.network, link_prefix="/entity?name="))

    @router.get("/entity", response_class=HTMLResponse)
    def entity(request: Request, name: str = Query(..., min_length=1, max_length=500)) -> HTMLResponse:
        s = _shared(request)
        ws = s.workspace
        with s.lock:
            rows = ws.entities(q=name, limit=200)
            rows = [r for r in rows if str(r.get("name", "")).casefold() == name.casefold()]
            doc_ids = sorted({d for r in rows for d in r.get("documents", [])})
            docs = ws.get_documents(doc_ids) if doc_ids else []
            claims = _claims_of(ws.claims(), name)
            hits = ws.screen(name, record=False)
        return render(request, "entity.html.j2", name=name, rows=rows, documents=docs, claims=claims, hits=hits)

    @router.get("/list-entity/{entity_id}", response_class=HTMLResponse)
    def list_entity(request: Request, entity_id: str) -> HTMLResponse:
        s = _shared(request)
        entity, versions = s.call(s.workspace.get_entity, entity_id)
        return render(request, "list_entity.html.j2", entity=entity, versions=versions)

    @router.get("/document/{doc_id}", response_class=HTMLResponse)
    def document(request: Request, doc_id: str) -> HTMLResponse:
        s = _shared(request)
        ws = s.workspace
        with s.lock:
            doc = ws.get_document(doc_id)
            claims = ws.claims(doc_id=doc_id)
            try:
                extraction = ws.extraction_for(doc_id)
            except NotFoundError:
                extraction = None
        report = build_report([], claims, [doc], [extraction] if extraction else [])
        return render(request, "document.html.j2", doc=doc, report=report)

    @router.get("/screen", response_class=HTMLResponse)
    def screen(request: Request, name: str = Query("", max_length=500),
               schema: str = Query("Any", max_length=40)) -> HTMLResponse:
        s = _shared(request)
        hits, error = [], None
        if name.strip():
            from mistrust.model import NameQuery

            try:
                hits = s.call(s.workspace.screen, NameQuery(name=name.strip(), schema=schema))
            except InputError as exc:
                error = exc.message
        return render(request, "screen.html.j2", name=name, schema=schema, hits=hits, error=error)

    @router.get("/review", response_class=HTMLResponse)
    def review(request: Request, done: str = Query("", max_length=200)) -> HTMLResponse:
        s = _shared(request)
        queue = s.call(s.workspace.review_queue, limit=200)
        return render(request, "review.html.j2", queue=queue, done=done)

    @router.post("/review/{hit_id}")
    async def judge(request: Request, hit_id: str) -> Response:
        _same_origin(request)
        form = await _read_form(request)
        decision = form.get("decision", "")
        if decision not in ("confirm", "dismiss"):
            raise InputError(f"decision must be confirm or dismiss, got {decision!r}")
        s = _shared(request)
        await run_in_threadpool(s.call, s.workspace.judge, hit_id, decision,
                                note=form.get("note") or None, user=form.get("user") or "web")
        return RedirectResponse(f"/review?done={decision}", status_code=303)

    @router.get("/login", response_class=HTMLResponse)
    def login_form(request: Request, next: str = Query("/", max_length=2000)) -> Response:
        if not request.app.state.settings.api_token:
            return RedirectResponse(_local_path(next), status_code=303)
        return render(request, "login.html.j2", next=_local_path(next), error=None)

    @router.post("/login")
    async def login(request: Request) -> Response:
        _same_origin(request)
        form = await _read_form(request)
        token = request.app.state.settings.api_token
        target = _local_path(form.get("next", "/"))
        if not token:
            return RedirectResponse(target, status_code=303)
        if not token_matches(form.get("token", ""), token):
            return render(request, "login.html.j2", status_code=401, next=target,
                          error="That token is not the one this server was started with.")
        response = RedirectResponse(target, status_code=303)
        # HttpOnly: page scripts never see the token; SameSite=Strict: other sites cannot ride on it
        response.set_cookie(TOKEN_COOKIE, token, httponly=True, samesite="strict",
                            secure=request.url.scheme == "https")
        return response

    @router.post("/logout")
    async def logout(request: Request) -> Response:
        _same_origin(request)
        response = RedirectResponse("/login", status_code=303)
        response.delete_cookie(TOKEN_COOKIE)
        return response

    return router


async def _read_form(request: Request) -> dict[str, str]:
    raw = await request.body()
    if len(raw) > MAX_FORM_BYTES:
        raise InputError("form too large")
    return {k: v[0] for k, v in parse_qs(raw.decode("utf-8", "replace")).items()}


def _local_path(target: str) -> str:
    """Only a path on this server: a login form must not become an open redirect."""
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return "/"
    return target


def _same_origin(request: Request) -> None:
    """Refuse a form posted from another site (the token cookie would otherwise ride along)."""
    origin = request.headers.get("origin") or request.headers.get("referer")
    if origin and urlsplit(origin).netloc != request.headers.get("host", ""):
        raise InputError("cross-site form submission refused")


__all__ = ["build_router", "mount", "render"]
