"""The review queue and user accounts in the JSON API (``/api/v1/review``, ``/judgements``, ``/users``).

Who acts is the verified user (``web.auth.username``): the session or API key's user once the
workspace has users (a ``user`` field in a body is then ignored), the ``user`` field in
single-user mode. The Workspace checks the roles, so the API, the pages and the CLI obey one set of rules.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query, Request, Response
from pydantic import BaseModel, Field

from mistrust.api.routes import ERRORS, Limit, Offset, bearer, shared
from mistrust.api.schemas import Judgement, JudgementIn
from mistrust.errors import Forbidden
from mistrust.model.accounts import User
from mistrust.web.auth import current_user, single_user, username
from mistrust.web.identity import request_user
from mistrust.workspace.review import BULK_ACTIONS, MAX_BULK, QueueFilter

Filter = Annotated[str | None, Query(max_length=200)]
Score = Annotated[float | None, Query(ge=0.0, le=1.0)]


class ReviewPage(BaseModel):
    items: list[dict[str, Any]] = Field(description="hits with status, source, run_id, doc_id, assignee, "
                                                    "decided_by, decision_note, approved_by")
    total: int
    limit: int
    offset: int
    sort: str = Field(description="score (best first, the default) or newest (last seen first)")
    next_offset: int | None = None
    prev_offset: int | None = None


class ExportOut(BaseModel):
    id: int
    at: str
    user: str | None = Field(None, description="the verified user (web, API), the OS user (CLI), none from Python")
    channel: str = Field(description="cli, api, web or python")
    kind: str = Field(description="report, graph, lists, hit_history or batch_results")
    parameters: dict[str, Any]


class ApprovalIn(BaseModel):
    approve: bool = Field(True, description="false rejects the dismissal: the hit is open again")
    note: str | None = Field(None, max_length=2000)
    user: str | None = Field(None, max_length=200, description="single-user mode only: the second reviewer")


class BulkIn(BaseModel):
    hit_ids: list[str] = Field(min_length=1, max_length=MAX_BULK)
    action: Literal["confirm", "dismiss", "approve", "reject", "assign"]
    note: str | None = Field(None, max_length=2000)
    assignee: str | None = Field(None, max_length=200)
    user: str | None = Field(None, max_length=200, description="single-user mode only")


class BulkResult(BaseModel):
    hit_id: str
    ok: bool
    status: str | None = None
    error: str | None = None
    detail: str | None = None


class ReviewEvent(BaseModel):
    id: int
    hit_id: str
    at: str
    user: str | None = None
    action: str
    status: str
    note: str | None = None
    list_version: str | None = None
    algorithm: str | None = None
    score: float | None = None


class UserIn(BaseModel):
    name: str = Field(min_length=1, max_length=64)
    role: Literal["analyst", "reviewer", "admin"]
    password: str = Field(min_length=8, max_length=1024)


class UserOut(BaseModel):
    name: str
    role: str
    disabled: bool
    created_at: str | None = None


class KeyOut(BaseModel):
    name: str
    key: str = Field(description="shown once: only its hash is stored")


class KeyInfo(BaseModel):
    id: str = Field(description="the key's id, to revoke it: the first hex digits of its hash")
    prefix: str | None = Field(None, description="the key's first characters (none for keys made before they "
                                                 "were kept); never the key")
    created_at: str


class Me(BaseModel):
    single_user: bool
    user: UserOut | None = None


def acting(request: Request, claimed: str | None) -> str | None:
    """The verified user's name; the claimed name only in single-user mode."""
    return claimed if single_user(request) else username(request)


def _out(user: User) -> UserOut:
    return UserOut(name=user.name, role=user.role, disabled=user.disabled, created_at=user.created_at)


def _admin(request: Request) -> None:
    if single_user(request):
        raise Forbidden("this workspace has no users yet: create the first admin with `mistrust users add`")
    shared(request).workspace.check_user(username(request), "admin")


def build_router() -> APIRouter:  # noqa: C901 - one small function per route
    router = APIRouter(prefix="/api/v1", responses={**ERRORS, 403: ERRORS[401]}, dependencies=[Depends(bearer)])

    @router.get("/review", response_model=ReviewPage, tags=["review"])
    def review(request: Request, status: Filter = "open", list_name: Annotated[str | None, Query(
                   alias="list", max_length=200)] = None, program: Filter = None, min_score: Score = None,
               max_score: Score = None, run_id: Filter = None, assignee: Filter = None, source: Filter = None,
               limit: Limit = 50, offset: Offset = 0,
               sort: Annotated[str | None, Query(max_length=40)] = None) -> dict[str, Any]:
        """The review queue, best score first: filter by status (``any`` for all), list (name or
        source), programme, score band (``min_score`` inclusive, ``max_score`` exclusive), batch run,
        assignee and source (screen, batch, link, monitor); page with ``limit``/``offset`` as every
        list of the API; ``sort``: score or newest, as the review page."""
        where = QueueFilter(status=None if status == "any" else status, list_name=list_name, program=program,
                            min_score=min_score, max_score=max_score, run_id=run_id, assignee=assignee,
                            source=source)
        return shared(request).workspace.review_page(  # type: ignore[no-any-return]
            where, limit=limit, offset=offset, sort=sort)

    @router.post("/judgements", response_model=Judgement, tags=["review"])
    def judge(request: Request, body: JudgementIn) -> dict[str, Any]:
        """Confirm or dismiss a hit (a dismissal needs a note). A dismissal at or above the four-eyes
        score is ``pending_approval`` until another reviewer approves it."""
        return shared(request).workspace.judge(  # type: ignore[no-any-return]
            body.hit_id, body.decision, note=body.note, user=acting(request, body.user))

    @router.post("/review/bulk", response_model=list[BulkResult], tags=["review"])
    def bulk(request: Request, body: BulkIn) -> list[dict[str, Any]]:
        """One action on many hits; each hit is checked as alone and gets its own result."""
        assert body.action in BULK_ACTIONS
        return shared(request).workspace.review_bulk(  # type: ignore[no-any-return]
            body.hit_ids, body.action, user=acting(request, body.user), note=body.note, assignee=body.assignee)

    @router.post("/review/{hit_id}/approve", response_model=ReviewEvent, tags=["review"])
    def approve(request: Request, hit_id: str, body: ApprovalIn) -> dict[str, Any]:
        """Approve (or reject) a dismissal waiting for a second reviewer: a reviewer or admin, never
        the user who dismissed it."""
        return shared(request).workspace.approve(  # type: ignore[no-any-return]
            hit_id, acting(request, body.user), note=body.note, reject=not body.approve)

    @router.get("/review/{hit_id}/history", response_model=list[ReviewEvent], tags=["review"],
                responses={200: {"content": {"text/csv": {}}}})
    def history(request: Request, hit_id: str, format: Literal["json", "csv"] = "json") -> Any:  # noqa: A002
        """A hit's history for an audit: who, when, action, status after it, note, list version,
        algorithm, score. ``format=csv`` downloads it as CSV."""
        ws = shared(request).workspace
        who = {"user": request_user(request), "channel": "api"}
        if format == "csv":
            return Response(ws.hit_history_csv(hit_id, **who), media_type="text/csv; charset=utf-8",
                            headers={"Content-Disposition": f'attachment; filename="hit-{hit_id[:40]}.csv"'})
        return ws.hit_history(hit_id, **who)

    @router.get("/exports", response_model=list[ExportOut], tags=["review"])
    def exports(request: Request, limit: Limit = 100, offset: Offset = 0,
                user: Annotated[str | None, Query(max_length=64)] = None) -> list[dict[str, Any]]:
        """The export log, newest first: who exported what (reports, graphs, lists, hit histories, batch
        results), when, through which door (cli, api, web), with which parameters."""
        return shared(request).workspace.exports(limit=limit, offset=offset, user=user)  # type: ignore[no-any-return]

    @router.get("/me", response_model=Me, tags=["users"])
    def me(request: Request) -> Me:
        """Who this request is (single-user mode: nobody)."""
        user = current_user(request)
        return Me(single_user=single_user(request), user=_out(user) if user else None)

    @router.get("/users", response_model=list[UserOut], tags=["users"])
    def users(request: Request) -> list[UserOut]:
        """Every user (admin only)."""
        _admin(request)
        return [_out(u) for u in shared(request).workspace.users()]

    @router.post("/users", response_model=UserOut, tags=["users"])
    def add_user(request: Request, body: UserIn) -> UserOut:
        """Create a user (admin only) with a role: analyst, reviewer or admin."""
        _admin(request)
        return _out(shared(request).workspace.add_user(body.name, body.role, body.password))

    @router.post("/users/{name}/disable", response_model=UserOut, tags=["users"])
    def disable(request: Request, name: str, enable: bool = False) -> UserOut:
        """Disable a user (admin only): their sessions end and their keys are refused; ``enable=true`` undoes it."""
        _admin(request)
        return _out(shared(request).workspace.disable_user(name, disabled=not enable))

    @router.post("/users/{name}/keys", response_model=KeyOut, tags=["users"])
    def new_key(request: Request, name: str) -> KeyOut:
        """A new API key for a user (admin only), shown once."""
        _admin(request)
        return KeyOut(name=name, key=shared(request).workspace.new_api_key(name))

    @router.get("/users/{name}/keys", response_model=list[KeyInfo], tags=["users"])
    def keys(request: Request, name: str) -> list[dict[str, Any]]:
        """A user's API keys (admin only): id, prefix and creation time, never the key."""
        _admin(request)
        return shared(request).workspace.api_keys(name)  # type: ignore[no-any-return]

    @router.delete("/keys/{key_id}", tags=["users"])
    def revoke_key(request: Request, key_id: str) -> dict[str, str]:
        """Revoke one API key by its id (admin only): requests with it are refused from now on."""
        _admin(request)
        return {"revoked": key_id, "user": shared(request).workspace.revoke_key(key_id)}

    return router


__all__ = ["ReviewPage", "acting", "build_router"]
