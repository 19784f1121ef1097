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
    # A key's first characters, so its holder can tell keys apart in a listing (never the key), and
    # the failed sign-ins that a lockout counts (per user name and per client address).
    ("accounts_002_keys_and_failures", """
ALTER TABLE user_keys ADD COLUMN prefix TEXT;
CREATE TABLE sign_in_failures (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL,
    address TEXT NOT NULL,
    at TEXT NOT NULL
);
CREATE INDEX sign_in_failures_name ON sign_in_failures(name, at);
CREATE INDEX sign_in_failures_address ON sign_in_failures(address, at);
"""),
]
KEY_ID_LENGTH = 12  # a key's id: the first hex digits of its hash (the key itself is never stored)

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


def add_key(db: Database, user_id: int, key_hash: str, at: str, prefix: str | None = None) -> None:
    with db.transaction() as conn:
        conn.execute("INSERT INTO user_keys(key_hash, user_id, created_at, prefix) VALUES (?,?,?,?)",
                     (key_hash, user_id, at, prefix))


def list_keys(db: Database, user_id: int) -> list[dict[str, Any]]:
    """A user's keys as their id (the hash's first digits), prefix and creation time, oldest first."""
    rows = db.query("SELECT key_hash, prefix, created_at FROM user_keys WHERE user_id = ? ORDER BY created_at, key_hash",
                    (user_id,))
    return [{"id": r["key_hash"][:KEY_ID_LENGTH], "prefix": r["prefix"], "created_at": r["created_at"]} for r in rows]


def delete_key(db: Database, key_id: str) -> str | None:
    """Delete the one key whose id is ``key_id``; the name of its user, or None if no key (or several) match."""
    with db.transaction() as conn:
        found = conn.execute("SELECT k.key_hash, u.name FROM user_keys k JOIN users u ON u.id = k.user_id"
                             " WHERE substr(k.key_hash, 1, ?) = ?", (KEY_ID_LENGTH, key_id)).fetchall()
        if len(found) != 1:
            return None
        conn.execute("DELETE FROM user_keys WHERE key_hash = ?", (found[0][0],))
        return str(found[0][1])


def set_password(db: Database, name: str, password: str) -> bool:
    """Store a new password hash and end every session of the user; False if there is no such user."""
    with db.transaction() as conn:
        row = conn.execute("UPDATE users SET password = ? WHERE name = ? RETURNING id", (password, name)).fetchone()
        if row is None:
            return False
        conn.execute("DELETE FROM user_sessions WHERE user_id = ?", (row[0],))
    return True


def add_failure(db: Database, name: str, address: str, at: str) -> None:
    with db.transaction() as conn:
        conn.execute("INSERT INTO sign_in_failures(name, address, at) VALUES (?,?,?)", (name, address, at))


def recent_failures(db: Database, name: str, address: str, since: str) -> tuple[int, int]:
    """(failed sign-ins for ``name``, failed sign-ins from ``address``) since ``since``."""
    by_name = db.query("SELECT COUNT(*) AS n FROM sign_in_failures WHERE name = ? AND at > ?", (name, since))
    by_address = db.query("SELECT COUNT(*) AS n FROM sign_in_failures WHERE address = ? AND at > ?", (address, since))
    return int(by_name[0]["n"]), int(by_address[0]["n"])


def clear_failures(db: Database, name: str, before: str) -> None:
    """Forget ``name``'s failures (after a sign-in that succeeded) and everyone's older than ``before``."""
    with db.transaction() as conn:
        conn.execute("DELETE FROM sign_in_failures WHERE name = ? OR at <= ?", (name, before))


def key_user(db: Database, key_hash: str) -> dict[str, Any] | None:
    """The enabled user holding an API key; None otherwise."""
    rows = db.query(
        f"SELECT {_USER_COLUMNS} FROM user_keys k JOIN users u ON u.id = k.user_id"  # noqa: S608
        " WHERE k.key_hash = ? AND u.disabled = 0", (key_hash,))
    return dict(rows[0]) if rows else None


__all__ = ["KEY_ID_LENGTH", "MIGRATIONS", "add_failure", "add_key", "add_session", "add_user", "clear_failures",
           "delete_key", "delete_session", "find_user", "has_users", "key_user", "list_keys", "list_users",
           "recent_failures", "session_user", "set_disabled", "set_password"]
