"""Shared fixtures. Shared data is found through MISTRUST_TEST_DATA (default ../shared/data).

When it is absent the tests that need it skip with the reason, except under CI=true,
where a missing data folder is a failure: CI must never pass by skipping.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from _backend import BACKEND, PG_URL, on_postgres, postgres_workspaces

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session", autouse=True)
def store_backend():
    """The backend every workspace of the run uses (``tests/_backend.py``)."""
    if not on_postgres():
        yield BACKEND
        return
    if not PG_URL:
        pytest.exit("MISTRUST_TEST_BACKEND=postgres needs MISTRUST_TEST_PG_URL (scripts/pg_cluster.sh run sets it)",
                    returncode=4)
    with postgres_workspaces():
        yield BACKEND


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if not on_postgres():
        return
    for item in items:
        marker = item.get_closest_marker("sqlite_only")
        if marker is not None:
            reason = marker.args[0] if marker.args else "about SQLite files"
            item.add_marker(pytest.mark.skip(reason=f"SQLite only: {reason}"))


def shared_data_dir() -> Path:
    raw = os.environ.get("MISTRUST_TEST_DATA")
    return Path(raw) if raw else (REPO.parent / "shared" / "data")


def require_path(path: Path, what: str = "shared test data") -> Path:
    """``path`` itself; skip when it is missing, or fail under CI=true (CI must never pass by skipping)."""
    if not path.exists():
        message = f"{what} not found: {path} (set MISTRUST_TEST_DATA)"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message)
        pytest.skip(message)
    return path


def require_shared(*parts: str) -> Path:
    """Path inside the shared data folder; skip (or fail under CI) when it is missing."""
    return require_path(shared_data_dir().joinpath(*parts))


@pytest.fixture
def shared_data() -> Path:
    return require_shared()


@pytest.fixture
def seeds_dir() -> Path:
    return require_path(shared_data_dir().parent / "seeds", "seed reports")


@pytest.fixture
def workspace(tmp_path: Path):
    from mistrust import Workspace

    ws = Workspace(tmp_path / "test.db", create=True)
    yield ws
    ws.close()
