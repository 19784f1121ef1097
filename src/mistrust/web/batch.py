"""Batch screening from the browser: a file of names sent from ``/screen/batch``.

The file is screened by the Workspace's batch path (``Workspace.screen_upload``, the code behind
``mistrust screen --input``), its matches go to the review queue tagged with the run, and the
run records the verified user. The body is parsed here with the standard library's MIME
parser (FastAPI's form parsing needs python-multipart, which mistrust does not depend on); the
request-size guard (``MISTRUST_MAX_REQUEST_BYTES``) caps it before a byte reaches this module.
"""

from __future__ import annotations

from email.message import EmailMessage
from email.parser import BytesParser
from email.policy import HTTP

from fastapi import APIRouter, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import FileResponse, HTMLResponse, RedirectResponse, Response

from mistrust.errors import InputError
from mistrust.web import read_body, render
from mistrust.web.auth import same_origin
from mistrust.web.identity import request_user

FIELD = "file"


def uploaded_file(content_type: str, body: bytes) -> tuple[str, bytes]:
    """(file name, bytes) of the ``file`` field of a multipart/form-data body; InputError without one."""
    if not content_type.lower().startswith("multipart/form-data"):
        raise InputError("send the file from the form (multipart/form-data)")
    head = f"Content-Type: {content_type}\r\nMIME-Version: 1.0\r\n\r\n".encode("latin-1", "replace")
    message = BytesParser(policy=HTTP).parsebytes(head + body)
    if not isinstance(message, EmailMessage) or not message.is_multipart():
        raise InputError("the form body could not be read")
    for part in message.iter_parts():
        if isinstance(part, EmailMessage) and part.get_param("name", header="content-disposition") == FIELD:
            data = part.get_payload(decode=True)
            name = part.get_filename() or ""
            if not name or not isinstance(data, bytes):
                break
            return name, data
    raise InputError("choose a file of names to screen")


def build_router() -> APIRouter:
    router = APIRouter(include_in_schema=False)

    @router.get("/screen/batch", response_class=HTMLResponse)
    def batch_form(request: Request, run: str = Query("", max_length=100)) -> HTMLResponse:
        ws = request.app.state.shared.workspace
        done = ws.batch_run(run) if run else None
        return render(request, "screen_batch.html.j2", run=done, error=None,
                      max_bytes=request.app.state.settings.max_request_bytes)

    @router.post("/screen/batch")
    async def batch_upload(request: Request) -> Response:
        same_origin(request)
        body = await read_body(request)  # the guard has already refused a body over the cap
        try:
            filename, data = uploaded_file(request.headers.get("content-type", ""), body)
            result = await run_in_threadpool(request.app.state.shared.screen_upload, filename, data,
                                             request_user(request))
        except InputError as exc:
            return render(request, "screen_batch.html.j2", status_code=400, run=None, error=exc.message,
                          max_bytes=request.app.state.settings.max_request_bytes)
        return RedirectResponse(f"/screen/batch?run={result['run_id']}", status_code=303)

    @router.get("/screen/batch/{run_id}/results")
    def batch_results(request: Request, run_id: str) -> FileResponse:
        path = request.app.state.shared.workspace.batch_results(run_id, user=request_user(request), channel="web")
        return FileResponse(path, media_type="application/x-ndjson", filename=f"hits-{run_id[:12]}.jsonl")

    return router


__all__ = ["build_router", "uploaded_file"]
