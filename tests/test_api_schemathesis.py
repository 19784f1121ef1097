"""Property-based requests from the OpenAPI schema: no input may cause a server error (5xx)."""

from __future__ import annotations

from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error

import seeing_samples as S
from mistrust.api import create_app
from mistrust.settings import Settings


@pytest.fixture(scope="module")
def api_schema(tmp_path_factory: pytest.TempPathFactory):
    tmp = tmp_path_factory.mktemp("schemathesis")
    ws_cls = S.sample_workspace_class()
    db = tmp / "api.db"
    with ws_cls(db, create=True) as ws:
        ws.load_lists([S.write_small_sdn(tmp / "sdn")])
    # schemathesis calls the app as Starlette's TestClient does, Host "testserver"
    app = create_app(lambda: ws_cls(Path(db)), settings=Settings.from_env({}, allowed_hosts="testserver"))
    return schemathesis.openapi.from_asgi("/openapi.json", app)


def test_no_server_error(api_schema) -> None:
    """Every operation, a few generated examples each (bounded: the whole run stays well under 60 s)."""
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert len(operations) >= 12
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True,
                  database=None)
        def run(case) -> None:
            case.call_and_validate(checks=[not_a_server_error])

        run()
