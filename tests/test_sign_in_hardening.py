"""Sign-in hardening: lockout after failed sign-ins (per name and per address), password changes
(CLI and the user's own page), API keys listed without the key and revoked one by one."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from mistrust.api import create_app
from mistrust.cli import main
from mistrust.errors import NotSignedIn, TooManySignIns
from mistrust.settings import Settings
from mistrust.workspace import Workspace

PASSWORD = "correct horse battery"
NEW = "staple battery horse"


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "hardening.db"
    with Workspace(path, create=True) as ws:
        ws.add_user("ana", "analyst", PASSWORD)
        ws.add_user("bob", "analyst", PASSWORD)
        ws.add_user("root", "admin", PASSWORD)
    return path


def _client(db: Path) -> TestClient:
    app = create_app(lambda: Workspace(db, sign_in_failures=3), settings=Settings.from_env({}))
    return TestClient(app, base_url="http://localhost")


def test_lockout_per_name_then_per_address_and_its_end(db: Path) -> None:
    with Workspace(db, sign_in_failures=3) as ws:
        for _ in range(3):
            with pytest.raises(NotSignedIn) as wrong:
                ws.sign_in("ana", "guess " * 2, address="10.0.0.1")
            assert not isinstance(wrong.value, TooManySignIns)
        with pytest.raises(TooManySignIns, match="for this user name"):  # even the right password
            ws.sign_in("ana", PASSWORD, address="10.0.0.2")
        assert ws.sign_in("bob", PASSWORD, address="10.0.0.2")[0].name == "bob"
        with pytest.raises(TooManySignIns, match="for this address"):  # 10.0.0.1 failed three times
            ws.sign_in("bob", PASSWORD, address="10.0.0.1")
    with Workspace(db, sign_in_failures=3, sign_in_lockout_minutes=0.0005) as ws:  # a 30 ms window
        time.sleep(0.05)
        assert ws.sign_in("ana", PASSWORD, address="10.0.0.1")[0].name == "ana"


def test_web_sign_in_is_refused_during_a_lockout(db: Path) -> None:
    with _client(db) as c:
        for _ in range(3):
            assert c.post("/login", data={"name": "ana", "password": "wrong one"}).status_code == 401
        locked = c.post("/login", data={"name": "ana", "password": PASSWORD}, follow_redirects=False)
        assert locked.status_code == 429 and "too many failed sign-ins" in locked.text
        assert "mistrust_session" not in locked.cookies


def cli(db: Path, *args: str, stdin: str | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["--db", str(db), *args], input=stdin)
    return result.exit_code, result.stdout, result.stderr


def test_cli_passwd_changes_the_password_and_ends_sessions(db: Path) -> None:
    with Workspace(db) as ws:
        _user, session = ws.sign_in("ana", PASSWORD)
    code, out, _ = cli(db, "users", "passwd", "ana", "--password-stdin", stdin=NEW + "\n")
    assert code == 0 and "password of ana changed" in out
    assert cli(db, "users", "passwd", "ana", "--password-stdin", stdin="short\n")[0] == 3
    assert cli(db, "users", "passwd", "nobody", "--password-stdin", stdin=NEW + "\n")[0] == 4
    with Workspace(db) as ws:
        assert ws.session_user(session) is None
        with pytest.raises(NotSignedIn):
            ws.sign_in("ana", PASSWORD)
        assert ws.sign_in("ana", NEW)[0].name == "ana"


def test_a_user_changes_their_own_password_on_the_page(db: Path) -> None:
    with _client(db) as c:
        assert c.post("/login", data={"name": "ana", "password": PASSWORD}, follow_redirects=False).status_code == 303
        assert 'href="/account/password"' in c.get("/").text
        old = c.cookies["mistrust_session"]
        wrong = c.post("/account/password", data={"current": "not it at all", "new": NEW, "repeat": NEW})
        assert wrong.status_code == 401 and "wrong user name or password" in wrong.text
        differ = c.post("/account/password", data={"current": PASSWORD, "new": NEW, "repeat": NEW + "!"})
        assert differ.status_code == 400 and "differ" in differ.text
        done = c.post("/account/password", data={"current": PASSWORD, "new": NEW, "repeat": NEW},
                      follow_redirects=False)
        assert done.status_code == 303 and "changed=1" in done.headers["location"]
        assert "sign in with the new one" in c.get(done.headers["location"]).text
        c.cookies.clear()
        assert c.get("/api/v1/me", headers={"Cookie": f"mistrust_session={old}"}).status_code == 401  # ended
        assert c.post("/login", data={"name": "ana", "password": NEW}, follow_redirects=False).status_code == 303


def test_keys_are_listed_without_the_key_and_revoked_one_by_one(db: Path) -> None:
    first, second = (cli(db, "users", "key", "ana")[1].strip() for _ in range(2))
    code, out, _ = cli(db, "users", "keys", "ana", "--json")
    keys = json.loads(out)
    assert code == 0 and len(keys) == 2 and first not in out and second not in out
    assert sorted(k["prefix"] for k in keys) == sorted([first[:10], second[:10]])
    assert all(k["created_at"] and len(k["id"]) == 12 for k in keys)
    revoked = next(k["id"] for k in keys if k["prefix"] == first[:10])
    with Workspace(db) as ws:
        root = {"Authorization": f"Bearer {ws.new_api_key('root')}"}
    with _client(db) as c:
        ana1, ana2 = ({"Authorization": f"Bearer {k}"} for k in (first, second))
        assert c.get("/api/v1/users/ana/keys", headers=ana1).status_code == 403  # admins only
        listed = c.get("/api/v1/users/ana/keys", headers=root).json()
        assert sorted(k["id"] for k in listed) == sorted(k["id"] for k in keys)
        assert c.delete(f"/api/v1/keys/{revoked}", headers=ana2).status_code == 403
        assert c.delete(f"/api/v1/keys/{revoked}", headers=root).json() == {"revoked": revoked, "user": "ana"}
        assert c.get("/api/v1/me", headers=ana1).status_code == 401  # the revoked key is refused
        assert c.get("/api/v1/me", headers=ana2).json()["user"]["name"] == "ana"  # the other still works
        assert c.delete(f"/api/v1/keys/{revoked}", headers=root).status_code == 404
    code, out, _ = cli(db, "users", "revoke-key", keys[0]["id"] if keys[0]["id"] != revoked else keys[1]["id"])
    assert code == 0 and "of ana revoked" in out
    assert "ana has no API keys" in cli(db, "users", "keys", "ana")[1]
    assert cli(db, "users", "revoke-key", "0123456789ab")[0] == 4
