"""Signing in and out: a user's name and password (once the workspace has users), else the
server's shared token.

A sign-in opens a server-side session: the browser gets a random token in an HttpOnly,
SameSite=Strict cookie (page scripts never see it, other sites cannot ride on it), the store
keeps only its hash and its expiry, and signing out deletes it.
"""

from __future__ import annotations

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from mistrust.errors import NotSignedIn
from mistrust.web import posted_form, render
from mistrust.web.auth import SESSION_COOKIE, TOKEN_COOKIE, local_path, single_user, token_matches

_FORM = Depends(posted_form)


def _login_page(request: Request, target: str, error: str | None = None, status_code: int = 200) -> HTMLResponse:
    return render(request, "login.html.j2", status_code=status_code, next=target, error=error,
                  accounts=not single_user(request))


def build_router() -> APIRouter:
    router = APIRouter(include_in_schema=False)

    @router.get("/login", response_class=HTMLResponse)
    def login_form(request: Request, next: str = Query("/", max_length=2000)) -> Response:
        if single_user(request) and not request.app.state.settings.api_token:
            return RedirectResponse(local_path(next), status_code=303)
        return _login_page(request, local_path(next))

    @router.post("/login")
    def login(request: Request, form: dict[str, str] = _FORM) -> Response:
        target = local_path(form.get("next", "/"))
        secure = request.url.scheme == "https"
        if not single_user(request):
            try:
                _user, session = request.app.state.shared.workspace.sign_in(form.get("name", ""),
                                                                             form.get("password", ""))
            except NotSignedIn as exc:
                return _login_page(request, target, exc.message, status_code=401)
            response = RedirectResponse(target, status_code=303)
            hours = request.app.state.settings.session_hours
            response.set_cookie(SESSION_COOKIE, session, httponly=True, samesite="strict", secure=secure,
                                max_age=int(hours * 3600))
            return response
        token = request.app.state.settings.api_token
        if not token:
            return RedirectResponse(target, status_code=303)
        if not token_matches(form.get("token", ""), token):
            return _login_page(request, target, "That token is not the one this server was started with.", 401)
        response = RedirectResponse(target, status_code=303)
        response.set_cookie(TOKEN_COOKIE, token, httponly=True, samesite="strict", secure=secure)
        return response

    @router.post("/logout")
    def logout(request: Request, _form: dict[str, str] = _FORM) -> Response:  # the form: its same-origin check
        request.app.state.shared.workspace.sign_out(request.cookies.get(SESSION_COOKIE, ""))
        response = RedirectResponse("/login", status_code=303)
        response.delete_cookie(TOKEN_COOKIE)
        response.delete_cookie(SESSION_COOKIE)
        return response

    return router


__all__ = ["build_router"]
