"""The monitoring part of the JSON API: ``/api/v1/watches`` and ``/api/v1/alerts``.

Each route calls one Workspace method; who did it comes from ``web.identity.request_user``.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query, Request
from pydantic import BaseModel, Field

from mistrust.api.routes import ERRORS, Limit, Offset, bearer, shared
from mistrust.api.schemas import MAX_NAME
from mistrust.web.identity import request_user
from mistrust.workspace import WATCH_SCHEMAS


class WatchIn(BaseModel):
    name: str = Field(min_length=1, max_length=MAX_NAME)
    schema_: str = Field("Any", alias="schema", description=", ".join(WATCH_SCHEMAS), max_length=40)

    model_config = {"populate_by_name": True}


class WatchOut(BaseModel):
    id: int
    name: str
    schema_: str = Field(alias="schema")
    user: str | None = None
    created: str
    source: str | None = None
    matches: int | None = Field(None, description="matches on the current lists when the watch was added")

    model_config = {"populate_by_name": True}


class AlertOut(BaseModel):
    id: int
    kind: Literal["listed", "watched"] = Field(description="a listed entity or a watched name was mentioned")
    subject: str = Field(description="the name as the document wrote it")
    document: str
    entity_id: str | None = None
    watch_id: int | None = None
    detail: dict[str, Any] = Field(default_factory=dict)
    created: str
    status: Literal["open", "acknowledged"]
    acknowledged_by: str | None = None
    acknowledged_at: str | None = None


def build_monitor_router() -> APIRouter:
    router = APIRouter(prefix="/api/v1", responses=ERRORS, dependencies=[Depends(bearer)], tags=["monitoring"])

    @router.get("/watches", response_model=list[WatchOut], response_model_by_alias=True)
    def watches(request: Request) -> list[dict[str, Any]]:
        """Every watched name, with who added it and when."""
        return shared(request).workspace.watches()

    @router.post("/watches", response_model=WatchOut, status_code=201, response_model_by_alias=True)
    def add_watch(request: Request, body: WatchIn) -> dict[str, Any]:
        """Watch a name: screened now (matches go to the review queue) and after every list load."""
        return shared(request).workspace.add_watch(body.name, body.schema_, user=request_user(request))

    @router.delete("/watches/{watch_id}", response_model=WatchOut, response_model_by_alias=True)
    def remove_watch(request: Request, watch_id: int) -> dict[str, Any]:
        return shared(request).workspace.remove_watch(watch_id)

    @router.get("/alerts", response_model=list[AlertOut])
    def alerts(request: Request, all: Annotated[bool, Query(description="acknowledged ones too")] = False,
               limit: Limit = 100, offset: Offset = 0) -> list[dict[str, Any]]:
        """Alerts, newest first: new documents that mention a listed entity or a watched name; page with
        ``limit``/``offset`` as every list of the API."""
        return shared(request).workspace.alerts(include_all=all, limit=limit, offset=offset)

    @router.post("/alerts/{alert_id}/ack", response_model=AlertOut)
    def acknowledge(request: Request, alert_id: int) -> dict[str, Any]:
        """Acknowledge an alert (a second acknowledgement keeps the first)."""
        return shared(request).workspace.acknowledge_alert(alert_id, user=request_user(request))

    return router


__all__ = ["AlertOut", "WatchIn", "WatchOut", "build_monitor_router"]
