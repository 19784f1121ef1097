"""Tables and queries for accounts: users, their sign-in sessions and their API keys.

Only hashes are stored: a password as its scrypt hash (with its salt and cost), a session token
and an API key as their SHA-256. A stolen copy of the workspace then signs nobody in. Hashing
itself is the Workspace's (``workspace/accounts.py``); this module only stores and finds rows.
"""

from __future__ import annotations

from typing import Any

from mistrust.store.db import Database, Migration

MIGRATIONS: list[Migration] = [
    ("accounts_001_init", """
CREATE TABLE users (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL UNIQUE,
    role TEXT NOT NULL CHECK (role IN ('analyst', 'reviewer', 'admin')),
    password TEXT NOT NULL,          -- scrypt$n$r$p$salt$hash (hex)
    disabled INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL
);
CREATE TABLE user_sessions (
    token_hash TEXT PRIMARY KEY,     -- sha256 of the cookie's random token
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
);
CREATE INDEX user_sessions_user ON user_sessions(user_id);
CREATE TABLE user_keys (
    key_hash TEXT PRIMARY KEY,       -- sha256 of the key
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    created_at TEXT NOT NULL
);
CREATE INDEX user_keys_user ON user_keys(user_id);
"""),
]

_USER_COLUMNS = "u.id, u.name, u.role, u.disabled, u.created_at"


def add_user(db: Database, name: str, role: str, password: str, at: str) -> int:
    with db.transaction() as conn:
        cur = conn.execute("INSERT INTO users(name, role, password, created_at) VALUES (?,?,?,?) RETURNING id",
                           (name, role, password, at))
        return int(cur.fetchone()[0])


def has_users(db: Database) -> bool:
    return bool(db.query("SELECT 1 FROM users LIMIT 1"))


def list_users(db: Database) -> list[dict[str, Any]]:
    return [dict(r) for r in db.query(f"SELECT {_USER_COLUMNS} FROM users u ORDER BY u.name")]  # noqa: S608


def find_user(db: Database, name: str) -> dict[str, Any] | None:
    """The user called ``name``, with the password hash (for a sign-in check)."""
    rows = db.query(f"SELECT {_USER_COLUMNS}, u.password FROM users u WHERE u.name = ?", (name,))  # noqa: S608
    return dict(rows[0]) if rows else None


def set_disabled(db: Database, name: str, disabled: bool) -> bool:
    """Disable (or enable) a user; a disabled user's sessions are deleted. False if there is no such user."""
    with db.transaction() as conn:
        cur = conn.execute("UPDATE users SET disabled = ? WHERE name = ? RETURNING id", (int(disabled), name))
        row = cur.fetchone()
        if row is None:
            return False
        if disabled:
            conn.execute("DELETE FROM user_sessions WHERE user_id = ?", (row[0],))
    return True


def add_session(db: Database, user_id: int, token_hash: str, at: str, expires_at: str) -> None:
    with db.transaction() as conn:
        conn.execute("INSERT INTO user_sessions(token_hash, user_id, created_at, expires_at) VALUES (?,?,?,?)",
                     (token_hash, user_id, at, expires_at))


def delete_session(db: Database, token_hash: str) -> None:
    with db.transaction() as conn:
        conn.execute("DELETE FROM user_sessions WHERE token_hash = ?", (token_hash,))


def session_user(db: Database, token_hash: str, now: str) -> dict[str, Any] | None:
    """The enabled user of an unexpired session; None otherwise."""
    rows = db.query(
        f"SELECT {_USER_COLUMNS} FROM user_sessions s JOIN users u ON u.id = s.user_id"  # noqa: S608
        " WHERE s.token_hash = ? AND s.expires_at > ? AND u.disabled = 0", (token_hash, now))
    return dict(rows[0]) if rows else None


def add_key(db: Database, user_id: int, key_hash: str, at: str) -> None:
    with db.transaction() as conn:
        conn.execute("INSERT INTO user_keys(key_hash, user_id, created_at) VALUES (?,?,?)", (key_hash, user_id, at))


def key_user(db: Database, key_hash: str) -> dict[str, Any] | None:
    """The enabled user holding an API key; None otherwise."""
    rows = db.query(
        f"SELECT {_USER_COLUMNS} FROM user_keys k JOIN users u ON u.id = k.user_id"  # noqa: S608
        " WHERE k.key_hash = ? AND u.disabled = 0", (key_hash,))
    return dict(rows[0]) if rows else None


__all__ = ["MIGRATIONS", "add_key", "add_session", "add_user", "delete_session", "find_user", "has_users",
           "key_user", "list_users", "session_user", "set_disabled"]
