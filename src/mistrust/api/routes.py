"""The JSON API under ``/api/v1``: each route is a few lines calling one Workspace method."""

from __future__ import annotations

import time
from typing import Annotated, Any, get_args, get_origin

import orjson
from fastapi import APIRouter, Depends, Query, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.security import HTTPBearer
from pydantic import BaseModel, ValidationError
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import QueryParams

import mistrust
from mistrust.api.schemas import (
    MAX_NAME,
    BatchIn,
    BatchOut,
    EntityOut,
    ErrorBody,
    Health,
    ListEntityOut,
    ScreenParams,
    ScreenResult,
)
from mistrust.model import Claim, Document, Extraction, ListVersion, Story
from mistrust.model.actors import Actor
from mistrust.workspace.shared import SharedWorkspace

# Documents the bearer scheme in the OpenAPI schema; the middleware in app.py enforces it for
# every path (pages and docs too), so auto_error stays off here.
bearer = HTTPBearer(auto_error=False, description="Required when MISTRUST_API_TOKEN is set.")

ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorBody}, 401: {"model": ErrorBody}, 403: {"model": ErrorBody}, 404: {"model": ErrorBody},
    409: {"model": ErrorBody}, 413: {"model": ErrorBody}, 422: {"model": ErrorBody}, 500: {"model": ErrorBody},
    503: {"model": ErrorBody}}

Limit = Annotated[int, Query(ge=1, le=1000)]
Offset = Annotated[int, Query(ge=0, le=10_000_000)]
Text = Annotated[str | None, Query(max_length=MAX_NAME)]


def shared(request: Request) -> SharedWorkspace:
    return request.app.state.shared  # type: ignore[no-any-return]


def screen_params(query: QueryParams) -> ScreenParams:
    """The parameters of ``GET /api/v1/screen``, checked by one validation of ``ScreenParams``.

    The busiest route validates its query as one model rather than through FastAPI's per-parameter
    machinery, which costs more CPU than the screening itself (benchmarks/api_cpu.py). Values are
    read as FastAPI reads them (the last of a repeated parameter, every ``country``), and a
    refusal is FastAPI's own: a RequestValidationError located in ``query``.
    """
    given = {key: query.getlist(key) if many else query[key] for key, many in SCREEN_KEYS if key in query}
    try:
        return ScreenParams.model_validate(given)
    except ValidationError as exc:
        raise RequestValidationError([{**e, "loc": ("query", *e["loc"])} for e in exc.errors()]) from None


def _query_keys(model: type[BaseModel]) -> list[tuple[str, bool]]:
    """Each field's query key, and whether the parameter may repeat (a list)."""
    return [(field.alias or name, any(get_origin(a) is list for a in (field.annotation, *get_args(field.annotation))))
            for name, field in model.model_fields.items()]


SCREEN_KEYS = _query_keys(ScreenParams)


def query_parameters(model: type[BaseModel]) -> list[dict[str, Any]]:
    """The OpenAPI ``parameters`` of a route whose query ``model`` describes (``in: query``)."""
    schema = model.model_json_schema()
    required = set(schema.get("required", ()))
    return [{"name": key, "in": "query", "required": key in required, "schema": prop}
            for key, prop in schema["properties"].items()]


SCREEN_PATH = "/api/v1/screen"


async def screen_one(request: Request) -> Response:
    """Screen one name against the current lists; the run is recorded in the audit trail."""
    # The API's busiest request. create_app serves it through a plain Starlette route ahead of
    # FastAPI's routers: inside every middleware and error handler all the same, but without
    # FastAPI's route matching and dependency solving, which cost as much CPU as the screening
    # (benchmarks/api_cpu.py). Its parameters are checked here, by screen_params, in either case.
    # Async, unlike the other routes: the usual screening answers from memory on the event loop
    # (screen_now); one that would wait (an index to build or read, a store read, another
    # screening under way) goes to the thread pool as a plain route does.
    p = screen_params(request.query_params)
    q = p.name_query()
    s = shared(request)
    started = time.perf_counter()
    hits = s.screen_now(q, threshold=p.threshold, limit=p.limit)
    if hits is None:
        hits = await run_in_threadpool(s.screen, q, threshold=p.threshold, limit=p.limit)
    spent = (time.perf_counter() - started) * 1000
    # orjson writes the Hit dataclasses directly (no pydantic validation round trip); the shape
    # is the declared ScreenResult, checked by the API tests. Server-Timing: how much of the
    # latency a client sees is screening (and audit) itself
    return Response(orjson.dumps({"query": p.name, "hits": hits}), media_type="application/json",
                    headers={"Server-Timing": f"screen;dur={spent:.2f}"})


def build_routers() -> list[APIRouter]:
    """The API's routers, for the app to include each itself: FastAPI matches a request once per
    level of included routers, and again as it hands the request down, so a router holding these
    three would make every request walk the tree twice more."""
    health_router = APIRouter(prefix="/api/v1", tags=["health"])
    router = APIRouter(prefix="/api/v1", responses=ERRORS, dependencies=[Depends(bearer)])

    @health_router.get("/health", response_model=Health)
    def health() -> Health:
        """Liveness; the only route that answers without the token."""
        return Health(version=mistrust.__version__)

    # documents GET /screen in the OpenAPI schema; create_app answers it by the same function
    # through a plain route ahead of this one (see screen_one)
    router.add_api_route("/screen", screen_one, methods=["GET"], response_model=ScreenResult, tags=["screening"],
                         openapi_extra={"parameters": query_parameters(ScreenParams)})

    @router.post("/screen", response_model=BatchOut, tags=["screening"])
    def screen_batch(request: Request, body: BatchIn) -> BatchOut:
        """Screen up to 1000 names, each recorded like a single query once all are checked (400 otherwise)."""
        s = shared(request)
        found = s.screen_batch([item.name_query() for item in body.queries], threshold=body.threshold,
                               limit=body.limit)
        return BatchOut(results=[ScreenResult(query=item.name, hits=hits)
                                 for item, hits in zip(body.queries, found, strict=True)])

    @router.get("/lists", response_model=list[ListVersion], tags=["lists"])
    def list_versions(request: Request, current: bool = False) -> list[ListVersion]:
        """Every loaded list version (``current=true``: only the versions screening uses)."""
        s = shared(request)
        versions = s.workspace.list_versions()
        return [v for v in versions if v.current] if current else versions

    @router.get("/lists/entities/{entity_id}", response_model=ListEntityOut, tags=["lists"])
    def list_entity(request: Request, entity_id: str) -> ListEntityOut:
        """One list entry (``un:KPe.001``, ``ofac:10391``) and the versions it appears in."""
        s = shared(request)
        entity, versions = s.workspace.get_entity(entity_id)
        return ListEntityOut(entity=entity, versions=versions)

    @router.get("/documents", response_model=list[Document], tags=["documents"])
    def documents(request: Request, limit: Limit = 100, offset: Offset = 0, q: Text = None,
                  sort: Annotated[str | None, Query(max_length=40)] = None) -> list[Document]:
        """Documents, newest first, or best match first with ``q`` (``sort``: newest, oldest, outlet, title)."""
        s = shared(request)
        return s.workspace.documents(limit=limit, offset=offset, q=q or None, sort=sort)

    @router.get("/documents/{doc_id}", response_model=Document, tags=["documents"])
    def document(request: Request, doc_id: str) -> Document:
        s = shared(request)
        return s.workspace.get_document(doc_id)

    @router.get("/documents/{doc_id}/extraction", response_model=Extraction, tags=["documents"])
    def extraction(request: Request, doc_id: str) -> Extraction:
        s = shared(request)
        return s.workspace.extraction_for(doc_id)

    @router.get("/entities", response_model=list[EntityOut], tags=["extraction"])
    def entities(request: Request, q: Text = None, limit: Limit = 100, offset: Offset = 0) -> list[dict[str, Any]]:
        """Actors found in the documents, with mention counts and sanctions links."""
        s = shared(request)
        return s.workspace.entities(q=q or None, limit=limit, offset=offset)

    @router.get("/actors", response_model=list[Actor], tags=["extraction"])
    def actors(request: Request, q: Text = None, limit: Limit = 100, offset: Offset = 0) -> list[Actor]:
        """Resolved actors: one per real-world entity, with every name the texts use and its list entries."""
        s = shared(request)
        return s.workspace.actors(q=q or None, limit=limit, offset=offset)

    @router.get("/actors/{actor_id}", response_model=Actor, tags=["extraction"], responses=ERRORS)
    def actor(request: Request, actor_id: str) -> Actor:
        s = shared(request)
        return s.workspace.get_actor(actor_id)

    @router.get("/claims", response_model=list[Claim], tags=["extraction"])
    def claims(request: Request, doc_id: Text = None, story_id: Text = None) -> list[Claim]:
        s = shared(request)
        return s.workspace.claims(doc_id=doc_id, story_id=story_id)

    @router.get("/stories", response_model=list[Story], tags=["corroboration"])
    def stories(request: Request, limit: Limit = 1000, offset: Offset = 0,
                sort: Annotated[str | None, Query(max_length=40)] = None) -> list[Story]:
        """Stories, biggest first (``sort``: size, newest, oldest or title)."""
        s = shared(request)
        return s.workspace.stories(limit=limit, offset=offset, sort=sort)

    @router.get("/stories/{story_id}", response_model=Story, tags=["corroboration"])
    def story(request: Request, story_id: str) -> Story:
        s = shared(request)
        return s.workspace.get_story(story_id)

    @router.get("/audit", tags=["screening"])
    def audit(request: Request, limit: Limit = 100, offset: Offset = 0) -> list[dict[str, Any]]:
        """Recorded screening runs, newest first: query, list versions, algorithm, hits."""
        s = shared(request)
        return s.workspace.audit_runs(limit=limit, offset=offset)

    from mistrust.api import review  # it uses this module's ERRORS and helpers

    return [health_router, router, review.build_router()]
