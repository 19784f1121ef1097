"""Which store backend the suite runs on: SQLite (default) or PostgreSQL.

``MISTRUST_TEST_BACKEND=postgres`` with ``MISTRUST_TEST_PG_URL`` (a server where the user may
create schemas; ``scripts/pg_cluster.sh run`` starts a throwaway one) makes every workspace a test
opens by file path, through ``Workspace`` or ``store.open_database``, a fresh schema of that
server instead: the same path opens the same schema again, as the same file would. Tests that are
about SQLite files themselves (WAL readers, file locks, the spool, a kill -9 during a load) are
marked ``sqlite_only`` and skip there with the reason.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import quote

BACKEND = os.environ.get("MISTRUST_TEST_BACKEND", "sqlite")
PG_URL = os.environ.get("MISTRUST_TEST_PG_URL", "")


def on_postgres() -> bool:
    return BACKEND == "postgres"


def schema_url(base: str, schema: str) -> str:
    sep = "&" if "?" in base else "?"
    return f"{base}{sep}options={quote('-csearch_path=' + schema)}"


class Schemas:
    """One schema per workspace path, created on first use and dropped at the end of the run."""

    def __init__(self, url: str) -> None:
        import psycopg

        self.url = url
        self.admin = psycopg.connect(url, autocommit=True)
        self.by_path: dict[str, str] = {}

    def url_for(self, path: str | Path) -> str:
        key = str(Path(path).resolve())
        if key not in self.by_path:
            name = "t_" + uuid.uuid4().hex[:16]
            self.admin.execute(f"CREATE SCHEMA {name}")
            self.by_path[key] = name
        return schema_url(self.url, self.by_path[key])

    def drop_all(self) -> None:
        for name in self.by_path.values():
            self.admin.execute(f"DROP SCHEMA IF EXISTS {name} CASCADE")
        self.by_path.clear()
        self.admin.close()


@contextmanager
def postgres_workspaces() -> Iterator[Schemas]:
    """While open, a file path given to ``open_database`` opens a schema of the test server."""
    import mistrust.store
    import mistrust.workspace.facade
    from mistrust.store.db import is_url

    schemas = Schemas(PG_URL)
    real = mistrust.store.open_database

    def open_database(target: str | Path, *args: Any, **kwargs: Any) -> Any:
        if is_url(target) or str(target) == ":memory:":
            return real(target, *args, **kwargs)
        return real(schemas.url_for(target), *args, **kwargs)

    saved = mistrust.store.open_database, mistrust.workspace.facade.open_database
    mistrust.store.open_database = open_database  # type: ignore[assignment]
    mistrust.workspace.facade.open_database = open_database  # type: ignore[assignment]
    try:
        yield schemas
    finally:
        mistrust.store.open_database, mistrust.workspace.facade.open_database = saved
        schemas.drop_all()
