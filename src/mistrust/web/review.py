"""The review queue page: filters, pages (``web/paging.py``, as every list page), decisions with notes, four-eyes approvals, bulk actions.

Every decision is recorded with the verified user (``web.auth.username``); in single-user mode
as ``web`` (no form field names anyone: a typed name would be no more verified than "web"), so
the page says there that four eyes need accounts and sends approvals to ``mistrust approve``. The Workspace enforces the rules (a dismissal
needs a note, four eyes, roles), so an error here is the same error the CLI and the API give.
"""

from __future__ import annotations

from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from mistrust.errors import InputError
from mistrust.web import posted_fields, posted_form, render
from mistrust.web.identity import request_user
from mistrust.web.paging import Paging
from mistrust.workspace.review import BULK_ACTIONS, QueueFilter

PAGE = 50  # the queue's default page size (the other lists show 25): reviewers work through it
STATUSES = ("open", "pending_approval", "confirmed", "dismissed", "any")
# Score bands offered by the filter: (label, min, max); max is exclusive.
BANDS = {"0.9-1": (0.9, None), "0.8-0.9": (0.8, 0.9), "0.7-0.8": (0.7, 0.8), "below 0.7": (None, 0.7)}
Text = Annotated[str, Query(max_length=200)]  # one FieldInfo per parameter: FastAPI copies Annotated metadata
_FORM = Depends(posted_form)
_FIELDS = Depends(posted_fields)


def _filters(status: str, list_name: str, program: str, band: str, run: str, assignee: str,
             source: str) -> QueueFilter:
    low, high = BANDS.get(band, (None, None))
    return QueueFilter(status=None if status == "any" else status, list_name=list_name or None,
                       program=program or None, min_score=low, max_score=high, run_id=run or None,
                       assignee=assignee or None, source=source or None)


def build_router() -> APIRouter:
    router = APIRouter(include_in_schema=False)

    @router.get("/review", response_class=HTMLResponse)
    def review(request: Request, status: Text = "open", list: Text = "", program: Text = "",  # noqa: A002
               band: Text = "", run: Text = "", assignee: Text = "", source: Text = "", done: Text = "") -> HTMLResponse:
        if status not in STATUSES:
            raise InputError(f"status must be one of {', '.join(STATUSES)}")
        ws = request.app.state.shared.workspace
        where = _filters(status, list, program, band, run, assignee, source)
        # the shared pager (page, size, sort; the filters kept in its links); ``done`` is the notice
        # after a decision, and ``offset``/``limit`` the parameters of the old pager's bookmarks
        p = Paging.from_request(request, ws.sort_keys("review"), default_size=PAGE,
                                transient=("done", "offset", "limit")).counted(ws.count_review(where))
        queue = ws.review_items(where, limit=p.size, offset=p.offset, sort=p.sort)
        return render(request, "review.html.j2", p=p, queue=queue, done=done,
                      filters={"status": status, "list": list, "program": program, "band": band, "run": run,
                               "assignee": assignee, "source": source},
                      statuses=STATUSES, bands=BANDS, programs=ws.review_programs(), actions=BULK_ACTIONS,
                      four_eyes=ws.settings.four_eyes_score)

    @router.post("/review/bulk")
    def bulk(request: Request, fields: dict[str, list[str]] = _FIELDS) -> Response:
        form = {k: v[0] for k, v in fields.items()}
        results = request.app.state.shared.workspace.review_bulk(
            fields.get("hit", []), form.get("action", ""), user=request_user(request), note=form.get("note"),
            assignee=form.get("assignee") or None)
        failed = [r for r in results if not r["ok"]]
        if failed and len(failed) == len(results):
            raise InputError("; ".join(f"{r['hit_id']}: {r['detail']}" for r in failed[:5]))
        summary = f"{form.get('action')} on {len(results) - len(failed)} hit(s)"
        if failed:
            summary += f"; {len(failed)} refused: " + "; ".join(r["detail"] for r in failed[:3])
        return RedirectResponse("/review?" + urlencode({"done": summary}), status_code=303)

    @router.post("/review/{hit_id}")
    def judge(request: Request, hit_id: str, form: dict[str, str] = _FORM) -> Response:
        decision = form.get("decision", "")
        if decision not in ("confirm", "dismiss"):
            raise InputError(f"decision must be confirm or dismiss, got {decision!r}")
        result = request.app.state.shared.workspace.judge(hit_id, decision, note=form.get("note"),
                                                          user=request_user(request))
        done = "dismissal waiting for a second reviewer" if result.get("status") == "pending_approval" else decision
        return RedirectResponse("/review?" + urlencode({"done": done}), status_code=303)

    @router.post("/review/{hit_id}/approve")
    def approve(request: Request, hit_id: str, form: dict[str, str] = _FORM) -> Response:
        verdict = form.get("verdict", "approve")
        if verdict not in ("approve", "reject"):
            raise InputError(f"verdict must be approve or reject, got {verdict!r}")
        request.app.state.shared.workspace.approve(hit_id, request_user(request), note=form.get("note"),
                                                   reject=verdict == "reject")
        return RedirectResponse("/review?" + urlencode({"done": f"{verdict}d"}), status_code=303)

    return router


__all__ = ["build_router"]
