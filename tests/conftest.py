"""Shared fixtures. Shared data is found through MISTRUST_TEST_DATA (default ../shared/data).

When it is absent the tests that need it skip with the reason, except under CI=true,
where a missing data folder is a failure: CI must never pass by skipping.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


def shared_data_dir() -> Path:
    raw = os.environ.get("MISTRUST_TEST_DATA")
    return Path(raw) if raw else (REPO.parent / "shared" / "data")


def require_shared(*parts: str) -> Path:
    """Path inside the shared data folder; skip (or fail under CI) when it is missing."""
    path = shared_data_dir().joinpath(*parts)
    if not path.exists():
        message = f"shared test data not found: {path} (set MISTRUST_TEST_DATA)"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message)
        pytest.skip(message)
    return path


@pytest.fixture
def shared_data() -> Path:
    return require_shared()


@pytest.fixture
def seeds_dir() -> Path:
    path = shared_data_dir().parent / "seeds"
    if not path.exists():
        message = f"seed reports not found: {path}"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message)
        pytest.skip(message)
    return path


@pytest.fixture
def workspace(tmp_path: Path):
    from mistrust import Workspace

    ws = Workspace(tmp_path / "test.db")
    yield ws
    ws.close()
