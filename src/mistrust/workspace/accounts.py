"""Workspace methods for accounts: users and roles, passwords, sign-in sessions, API keys.

Passwords are hashed with scrypt (stdlib ``hashlib``; a random salt per user, the cost stored
with the hash so it can be raised later) and compared in constant time. Session tokens and API
keys are random (``secrets``) and only their SHA-256 is stored: they are long enough that a
fast hash is safe, and a lookup by hash needs no per-row work.

With no users the workspace is in single-user mode: nothing here is asked, and the server's
shared token (``MISTRUST_API_TOKEN``), if set, is the only gate.
"""

from __future__ import annotations

import functools
import hashlib
import hmac
import re
import secrets
from datetime import UTC, datetime, timedelta
from typing import Any

from mistrust.errors import Forbidden, InputError, NotFoundError, NotSignedIn, TooManySignIns
from mistrust.model.accounts import ROLES, User
from mistrust.store import accounts as store
from mistrust.store.screening import now
from mistrust.workspace.base import WorkspaceBase

# scrypt cost: 16 MiB and about 50 ms per check on one core (OWASP's minimum is n=2**17 with r=8
# at p=1, or this n with a higher p; p=2 doubles the work without doubling memory).
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**14, 8, 2
MIN_PASSWORD = 8
MAX_PASSWORD = 1024  # scrypt reads the whole password: a megabyte one would be a cheap way to use CPU
USER_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._@-]{0,63}")
KEY_PREFIX = "mst_"
SHOWN_KEY_CHARACTERS = len(KEY_PREFIX) + 6  # kept to tell keys apart: 36 bits of a 256-bit key
MAX_FAILED_NAME = 200  # a failed sign-in's name is stored to count it: not a megabyte of it


def hash_password(password: str, salt: bytes | None = None, n: int = SCRYPT_N, r: int = SCRYPT_R,
                  p: int = SCRYPT_P) -> str:
    salt = salt or secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode(), salt=salt, n=n, r=r, p=p, dklen=32, maxmem=64 * 1024 * 1024)
    return f"scrypt${n}${r}${p}${salt.hex()}${digest.hex()}"


def password_matches(password: str, stored: str) -> bool:
    """Constant-time check of ``password`` against a stored ``scrypt$n$r$p$salt$hash``."""
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
    except ValueError:
        return False
    if scheme != "scrypt" or len(password) > MAX_PASSWORD:
        return False
    again = hash_password(password, bytes.fromhex(salt), int(n), int(r), int(p))
    return hmac.compare_digest(again.rsplit("$", 1)[1].encode(), digest.encode())


def secret_hash(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


@functools.cache
def _dummy_hash() -> str:
    """Checked when a name is unknown, so a wrong name takes as long as a wrong password. Made on
    the first sign-in, not at import: scrypt costs half a second of CPU, which every CLI command
    and every batch worker paid before."""
    return hash_password("not a password", salt=b"\0" * 16)


def _user(row: dict[str, Any]) -> User:
    return User(id=int(row["id"]), name=row["name"], role=row["role"], disabled=bool(row["disabled"]),
                created_at=row.get("created_at"))


class AccountsMixin(WorkspaceBase):
    def has_users(self) -> bool:
        """True once a user exists: the workspace then asks every request who it is."""
        return bool(self.fresh("has_users", lambda: store.has_users(self.db)))

    def no_users_known(self) -> bool:
        """True when a fresh answer says the workspace has no users: a request needs no store read
        to learn that it is in single-user mode (``has_users`` otherwise)."""
        known, users = self.known_fresh("has_users")
        return known and not users

    def add_user(self, name: str, role: str, password: str) -> User:
        if not USER_NAME.fullmatch(name or ""):
            raise InputError("a user name is 1-64 letters, digits or . _ @ - (starting with a letter or digit)")
        if role not in ROLES:
            raise InputError(f"role must be one of {', '.join(ROLES)}, got {role!r}")
        _check_password(password)
        if store.find_user(self.db, name) is not None:
            raise InputError(f"there is already a user called {name!r}")
        store.add_user(self.db, name, role, hash_password(password), now())
        return self.get_user(name)

    def users(self) -> list[User]:
        return [_user(r) for r in store.list_users(self.db)]

    def get_user(self, name: str) -> User:
        row = store.find_user(self.db, name)
        if row is None:
            raise NotFoundError(f"no user called {name!r}")
        return _user(row)

    def disable_user(self, name: str, disabled: bool = True) -> User:
        """Disable (or enable again) a user: their sessions end and their keys stop working."""
        if not store.set_disabled(self.db, name, disabled):
            raise NotFoundError(f"no user called {name!r}")
        return self.get_user(name)

    def new_api_key(self, name: str) -> str:
        """A new API key for ``name`` (``Authorization: Bearer KEY``); only its hash is kept, so show it once."""
        user = self.get_user(name)
        if user.disabled:
            raise Forbidden(f"user {name!r} is disabled")
        key = KEY_PREFIX + secrets.token_urlsafe(32)
        store.add_key(self.db, user.id, secret_hash(key), now(), prefix=key[:SHOWN_KEY_CHARACTERS])
        return key

    def api_keys(self, name: str) -> list[dict[str, Any]]:
        """``name``'s API keys as id, prefix (the key's first characters) and creation time: never the key."""
        return store.list_keys(self.db, self.get_user(name).id)

    def revoke_key(self, key_id: str) -> str:
        """Revoke one API key by its id (``api_keys``); returns the name of the user who held it."""
        holder = store.delete_key(self.db, key_id.strip().lower()) if key_id.strip() else None
        if holder is None:
            raise NotFoundError(f"no API key with id {key_id!r} (see `mistrust users keys NAME`)")
        return holder

    def set_password(self, name: str, password: str) -> User:
        """Give ``name`` a new password; every session of theirs ends (their API keys stay valid)."""
        _check_password(password)
        if not store.set_password(self.db, name, hash_password(password)):
            raise NotFoundError(f"no user called {name!r}")
        return self.get_user(name)

    def change_password(self, name: str, current: str, new: str, address: str = "") -> User:
        """A signed-in user's own change: the current password is checked as a sign-in is (lockout included)."""
        self._check_credentials(name, current, address)
        return self.set_password(name, new)

    def _check_credentials(self, name: str, password: str, address: str) -> dict[str, Any]:
        """The user row if ``password`` is ``name``'s; counts a failure (and refuses during a lockout) otherwise.

        A lockout is checked before the password, so a locked name cannot be probed, and it says so
        plainly (a caller who knows the password learns to wait, not to try another).
        """
        window = timedelta(minutes=self.settings.sign_in_lockout_minutes)
        since = _stamp(datetime.now(UTC) - window)
        by_name, by_address = store.recent_failures(self.db, name, address, since)
        limit = self.settings.sign_in_failures
        if by_name >= limit or (address and by_address >= limit):
            whom = "this user name" if by_name >= limit else "this address"
            raise TooManySignIns(f"too many failed sign-ins for {whom}: sign-ins are refused for up to "
                                 f"{self.settings.sign_in_lockout_minutes:g} minutes after the last failure")
        row = store.find_user(self.db, name) if USER_NAME.fullmatch(name or "") else None
        ok = password_matches(password, row["password"] if row else _dummy_hash())
        if row is None or not ok or row["disabled"]:
            store.add_failure(self.db, name[:MAX_FAILED_NAME], address, now())
            raise NotSignedIn("wrong user name or password, or the account is disabled")
        store.clear_failures(self.db, name, since)
        return row

    def sign_in(self, name: str, password: str, address: str = "") -> tuple[User, str]:
        """Check a password and open a session; returns the user and the session token (for a cookie).

        ``address`` is the client's (the web's sign-in form passes it): failures are counted per
        name and per address, and past ``sign_in_failures`` within ``sign_in_lockout_minutes``
        sign-ins are refused (``TooManySignIns``).
        """
        row = self._check_credentials(name, password, address)
        token = secrets.token_urlsafe(32)
        started = datetime.now(UTC)
        expires = started + timedelta(hours=self.settings.session_hours)
        store.add_session(self.db, int(row["id"]), secret_hash(token), now(), _stamp(expires))
        return _user(row), token

    def sign_out(self, token: str) -> None:
        if token:
            store.delete_session(self.db, secret_hash(token))

    def session_user(self, token: str) -> User | None:
        """The enabled user of an unexpired session token; None otherwise."""
        if not token:
            return None
        row = store.session_user(self.db, secret_hash(token), now())
        return _user(row) if row else None

    def key_user(self, key: str) -> User | None:
        """The enabled user holding an API key; None otherwise."""
        if not key.startswith(KEY_PREFIX):
            return None
        row = store.key_user(self.db, secret_hash(key))
        return _user(row) if row else None

    def check_user(self, name: str | None, action: str) -> User | None:
        """The enabled user ``name`` if their role allows ``action``; None in single-user mode.

        Raises Forbidden when accounts exist and ``name`` is not an enabled user whose role may
        do it: a decision is then always tied to a real account.
        """
        if not self.has_users():
            return None
        row = store.find_user(self.db, name) if name else None
        if row is None or row["disabled"]:
            raise Forbidden(f"{name!r} is not an enabled user of this workspace (see `mistrust users list`)")
        user = _user(row)
        if not user.may(action):
            raise Forbidden(f"user {user.name} ({user.role}) may not {action.replace('_', ' ')}")
        return user


def _check_password(password: str) -> None:
    if not MIN_PASSWORD <= len(password) <= MAX_PASSWORD:
        raise InputError(f"a password has {MIN_PASSWORD} to {MAX_PASSWORD} characters")


def _stamp(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%S.%fZ")


__all__ = ["AccountsMixin", "hash_password", "password_matches", "secret_hash"]
