"""Server-rendered pages: dashboard, search, the lists (stories, reports, actors, claims, alerts, and
the review queue in ``web/review.py``; all paged by ``web/paging.py``), actor, story, document, list
entry, screening form.

Every page calls the shared Workspace (``app.state.shared``) and renders a Jinja2 template
with autoescaping on, so article text and list data always render as text. The one inline
script (the network's) carries the request's CSP nonce (see ``api/guard.py``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlencode

from fastapi import APIRouter, Depends, FastAPI, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from markupsafe import Markup

from mistrust.errors import InputError, MistrustError
from mistrust.model import NameQuery
from mistrust.web.auth import same_origin
from mistrust.web.identity import request_user
from mistrust.web.paging import Paging
from mistrust.workspace import Workspace
from mistrust.workspace.shared import SharedWorkspace

HERE = Path(__file__).parent
MAX_FORM_BYTES = 16_384
SEARCH_ACTORS = 20  # actors shown above the search's reports; /actors?q= lists every one


def _shared(request: Request) -> SharedWorkspace:
    return request.app.state.shared  # type: ignore[no-any-return]


def render(request: Request, template: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    nonce = getattr(request.state, "csp_nonce", "")
    labels: dict[str, str] = {}

    def version_label(version_id: str) -> str:
        """A list version as people name it (list and date): its id is a hash no reader can use."""
        if not labels:
            labels.update(_shared(request).workspace.version_labels())
        return labels.get(version_id, "a list version no longer loaded")

    # who is signed in, as the app's middleware resolved it (read, not resolved again: an error
    # page must render even when the store cannot be read)
    account = {"current_user": getattr(request.state, "user", None),
               "single_user": getattr(request.state, "accounts", None) is False}
    if "alert_count" not in context:  # a page that counted its alerts already passes the count
        context["alert_count"] = _alert_count(request)
    html = Workspace.render_page([HERE / "templates"], template, request=request, csp_nonce=nonce,
                                 version_label=version_label, **account, **context)
    return HTMLResponse(html, status_code=status_code)


def _alert_count(request: Request) -> int | None:
    """Open alerts, for the navigation; None when the workspace cannot say (the page itself,
    an error page above all, must still render)."""
    shared = getattr(request.app.state, "shared", None)
    try:
        return shared.workspace.open_alert_count() if shared is not None else None
    except MistrustError:
        return None


def mount(app: FastAPI) -> None:
    from mistrust.web import accounts, batch, review  # they use render and the form readers above

    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.include_router(build_router())
    app.include_router(review.build_router())
    app.include_router(accounts.build_router())
    app.include_router(batch.build_router())


def _network(report: Any) -> Markup:
    return Markup(Workspace.network_html(report, link_prefix="/entity?name="))  # noqa: S704 - autoescaped SVG


async def posted_fields(request: Request) -> dict[str, list[str]]:
    """A small form posted from this site, every value of each field: refused from another site,
    read up to MAX_FORM_BYTES.

    The body is counted as it streams, so a huge post is refused without being held in memory.
    """
    same_origin(request)
    raw = await read_body(request, MAX_FORM_BYTES)
    return parse_qs(raw.decode("utf-8", "replace"))


async def read_body(request: Request, limit: int | None = None) -> bytes:
    """The request body, counted as it streams: over ``limit`` bytes it is refused without being
    held whole (no limit: a route whose size guard already refused a body over the server's cap)."""
    raw = bytearray()
    async for chunk in request.stream():
        raw += chunk
        if limit is not None and len(raw) > limit:
            raise InputError("form too large")
    return bytes(raw)


async def posted_form(request: Request) -> dict[str, str]:
    """``posted_fields`` with the first value of each field."""
    return {k: v[0] for k, v in (await posted_fields(request)).items()}


_FORM = Depends(posted_form)


def build_router() -> APIRouter:  # noqa: C901 - one small function per page
    router = APIRouter(include_in_schema=False)

    @router.get("/", response_class=HTMLResponse)
    def dashboard(request: Request, q: str | None = Query(None, max_length=500)) -> Response:
        if q is not None:  # the home page was the search page: its links keep working
            return RedirectResponse(f"/search?{urlencode({'q': q})}", status_code=307)
        board = _shared(request).workspace.dashboard()
        return render(request, "dashboard.html.j2", d=board, alert_count=board["alert_count"])

    @router.get("/search", response_class=HTMLResponse)
    def search(request: Request, q: str = Query("", max_length=500)) -> HTMLResponse:
        ws = _shared(request).workspace
        q = q.strip()
        p = Paging.from_request(request, ws.sort_keys("search" if q else "documents"))
        p = p.counted(ws.count_documents(q=q or None))
        documents = ws.documents(limit=p.size, offset=p.offset, q=q or None, sort=p.sort)
        entities = ws.entities(q=q or None, limit=SEARCH_ACTORS)
        return render(request, "search.html.j2", q=q, p=p, entities=entities, documents=documents,
                      entity_limit=SEARCH_ACTORS)

    @router.get("/stories", response_class=HTMLResponse)
    def stories(request: Request, q: str = Query("", max_length=500),
                min_reports: int = Query(1, ge=1, le=100_000)) -> HTMLResponse:
        ws = _shared(request).workspace
        p = Paging.from_request(request, ws.sort_keys("stories"))
        p = p.counted(ws.count_stories(min_docs=min_reports, q=q.strip() or None))
        rows = ws.stories(limit=p.size, offset=p.offset, min_docs=min_reports, q=q.strip() or None, sort=p.sort)
        return render(request, "stories.html.j2", p=p, stories=rows)

    @router.get("/documents", response_class=HTMLResponse)
    def documents(request: Request, outlet: str = Query("", max_length=500)) -> HTMLResponse:
        ws = _shared(request).workspace
        p = Paging.from_request(request, ws.sort_keys("documents"))
        p = p.counted(ws.count_documents(outlet=outlet or None))
        rows = ws.documents(limit=p.size, offset=p.offset, outlet=outlet or None, sort=p.sort)
        return render(request, "documents.html.j2", p=p, documents=rows, outlets=ws.outlets())

    @router.get("/actors", response_class=HTMLResponse)
    def actors(request: Request, q: str = Query("", max_length=500), label: str = Query("", max_length=40),
               listed: str = Query("", max_length=5)) -> HTMLResponse:
        ws = _shared(request).workspace
        name, kind, linked = q.strip() or None, label or None, bool(listed)
        p = Paging.from_request(request, ws.sort_keys("actors")).counted(ws.count_actors(name, kind, linked))
        rows = ws.actors(name, limit=p.size, offset=p.offset, sort=p.sort, label=kind, listed=linked)
        return render(request, "actors.html.j2", p=p, actors=rows, labels=ws.actor_labels())

    @router.get("/claims", response_class=HTMLResponse)
    def claims(request: Request, q: str = Query("", max_length=500), status: str = Query("", max_length=40),
               predicate: str = Query("", max_length=80)) -> HTMLResponse:
        ws = _shared(request).workspace
        filters = {"q": q.strip() or None, "status": status or None, "predicate": predicate or None}
        p = Paging.from_request(request, ws.sort_keys("claims")).counted(ws.count_claims(**filters))
        rows = ws.claims_page(limit=p.size, offset=p.offset, sort=p.sort, **filters)
        doc_ids = sorted({c.doc_id for c in rows if c.doc_id})
        docs = {d.id: d for d in ws.get_documents(doc_ids)} if doc_ids else {}
        return render(request, "claims.html.j2", p=p, claims=rows, documents=docs, facets=ws.claim_facets())

    @router.get("/story/{story_id}", response_class=HTMLResponse)
    def story(request: Request, story_id: str) -> HTMLResponse:
        report = _shared(request).workspace.report_data(story_id)
        return render(request, "story.html.j2", report=report, network=_network(report))

    @router.get("/overview", response_class=HTMLResponse)
    def overview(request: Request) -> HTMLResponse:
        """Every document's network at once, for workspaces without stories yet."""
        report = _shared(request).workspace.report_data(None)
        return render(request, "story.html.j2", report=report, network=_network(report))

    @router.get("/entity", response_class=HTMLResponse)
    def entity(request: Request, name: str = Query(..., min_length=1, max_length=500)) -> HTMLResponse:
        """An actor: its list links, neighbourhood network, timeline, mentions, claims and reports."""
        s = _shared(request)
        ws = s.workspace
        rows = [r for r in ws.entities(q=name, limit=200) if str(r.get("name", "")).casefold() == name.casefold()]
        doc_ids = sorted({d for r in rows for d in r.get("documents", [])})
        docs = ws.get_documents(doc_ids) if doc_ids else []
        hits = s.screen(name, record=False)
        profile = ws.actor_profile(name)
        network = Markup(ws.network_html(profile, link_prefix="/entity?name="))  # noqa: S704 - autoescaped SVG
        return render(request, "entity.html.j2", name=name, rows=rows, documents=docs,
                      claims=ws.claims_about(name), hits=hits, profile=profile, network=network)

    @router.get("/list-entity/{entity_id}", response_class=HTMLResponse)
    def list_entity(request: Request, entity_id: str) -> HTMLResponse:
        ws = _shared(request).workspace
        entity, versions = ws.get_entity(entity_id)
        p = Paging.from_request(request, ("newest",)).counted(ws.count_documents_linked_to(entity_id))
        news = ws.documents_linked_to(entity_id, limit=p.size, offset=p.offset)
        ids = [n["doc_id"] for n in news]
        news_docs = {d.id: d for d in ws.get_documents(ids)} if ids else {}
        return render(request, "list_entity.html.j2", entity=entity, versions=versions, news=news,
                      news_docs=news_docs, p=p)

    @router.get("/document/{doc_id}", response_class=HTMLResponse)
    def document(request: Request, doc_id: str) -> HTMLResponse:
        report = _shared(request).workspace.document_report(doc_id)
        return render(request, "document.html.j2", doc=report.documents[0], report=report)

    @router.get("/screen", response_class=HTMLResponse)
    def screen(request: Request, name: str = Query("", max_length=500),
               schema: str = Query("Any", max_length=40)) -> HTMLResponse:
        hits, error = [], None
        if name.strip():
            try:
                hits = _shared(request).screen(NameQuery(name=name.strip(), schema=schema))
            except InputError as exc:
                error = exc.message
        return render(request, "screen.html.j2", name=name, schema=schema, hits=hits, error=error)

    @router.get("/alerts", response_class=HTMLResponse)
    def alerts(request: Request, done: int | None = Query(None, ge=0)) -> HTMLResponse:
        """Open alerts, newest first, in pages (they were cut at 500 before, without saying so)."""
        ws = _shared(request).workspace
        p = Paging.from_request(request, ("newest",), transient=("done",)).counted(ws.count_alerts())
        open_alerts = ws.alerts(limit=p.size, offset=p.offset)
        docs = ws.get_documents(sorted({a["document"] for a in open_alerts}))
        return render(request, "alerts.html.j2", alerts=open_alerts, done=done, p=p, alert_count=p.total,
                      titles={d.id: d.title for d in docs})

    @router.post("/alerts/{alert_id}/ack")
    def acknowledge(request: Request, alert_id: int, _form: dict[str, str] = _FORM) -> Response:
        _shared(request).workspace.acknowledge_alert(alert_id, user=request_user(request))
        return RedirectResponse(f"/alerts?done={alert_id}", status_code=303)

    return router


__all__ = ["build_router", "mount", "posted_fields", "posted_form", "render"]
