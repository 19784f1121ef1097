"""Signing in and out: a user's name and password (once the workspace has users), else the
server's shared token.

A sign-in opens a server-side session: the browser gets a random token in an HttpOnly,
SameSite=Strict cookie (page scripts never see it, other sites cannot ride on it), the store
keeps only its hash and its expiry, and signing out deletes it.
"""

from __future__ import annotations

from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from mistrust.errors import InputError, NotSignedIn
from mistrust.web import posted_form, render
from mistrust.web.auth import (
    SESSION_COOKIE,
    TOKEN_COOKIE,
    current_user,
    local_path,
    single_user,
    token_matches,
)

_FORM = Depends(posted_form)


def _login_page(request: Request, target: str, error: str | None = None, status_code: int = 200,
                notice: str | None = None) -> HTMLResponse:
    return render(request, "login.html.j2", status_code=status_code, next=target, error=error, notice=notice,
                  accounts=not single_user(request))


def client_address(request: Request) -> str:
    """The address failed sign-ins are counted by (the peer's: a proxy in front makes it the proxy's)."""
    return request.client.host if request.client else ""


def _no_account_page(request: Request) -> HTMLResponse:
    return render(request, "password.html.j2", status_code=403, error=None, no_account=True)


def build_router() -> APIRouter:
    router = APIRouter(include_in_schema=False)

    @router.get("/login", response_class=HTMLResponse)
    def login_form(request: Request, next: str = Query("/", max_length=2000),
                   changed: str = Query("", max_length=1)) -> Response:
        if single_user(request) and not request.app.state.settings.api_token:
            return RedirectResponse(local_path(next), status_code=303)
        return _login_page(request, local_path(next), notice="Password changed: sign in with the new one."
                           if changed else None)

    @router.post("/login")
    def login(request: Request, form: dict[str, str] = _FORM) -> Response:
        target = local_path(form.get("next", "/"))
        secure = request.url.scheme == "https"
        if not single_user(request):
            try:
                _user, session = request.app.state.shared.workspace.sign_in(
                    form.get("name", ""), form.get("password", ""), address=client_address(request))
            except NotSignedIn as exc:  # a lockout (TooManySignIns) answers 429 with its own message
                return _login_page(request, target, exc.message, status_code=exc.http_status)
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

    @router.get("/account/password", response_class=HTMLResponse)
    def password_form(request: Request) -> Response:
        if current_user(request) is None:
            return _no_account_page(request)
        return render(request, "password.html.j2", error=None, no_account=False)

    @router.post("/account/password")
    def change_password(request: Request, form: dict[str, str] = _FORM) -> Response:
        user = current_user(request)
        if user is None:
            return _no_account_page(request)
        new = form.get("new", "")
        try:
            if new != form.get("repeat", ""):
                raise InputError("the new password and its repetition differ")
            request.app.state.shared.workspace.change_password(user.name, form.get("current", ""), new,
                                                               address=client_address(request))
        except (InputError, NotSignedIn) as exc:
            return render(request, "password.html.j2", status_code=exc.http_status, error=exc.message,
                          no_account=False)
        # every session of the user ended with the change, this one too: sign in with the new password
        response = RedirectResponse("/login?" + urlencode({"next": "/", "changed": "1"}), status_code=303)
        response.delete_cookie(SESSION_COOKIE)
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
