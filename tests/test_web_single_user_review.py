"""In single-user mode the review page says plainly that four eyes need accounts.

Its decisions are recorded as "web"; a strong dismissal made there waits for approval, which the
page does not offer (no approve button; a forged post is refused, "web" cannot approve "web"),
pointing to ``mistrust approve --user NAME`` instead, which does approve it.
"""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from fastapi.testclient import TestClient

import seeing_samples as S
from mistrust.api import create_app
from mistrust.cli import main
from mistrust.settings import Settings
from mistrust.workspace import Workspace


def test_single_user_review_page_sends_four_eyes_to_accounts(tmp_path: Path) -> None:
    db = tmp_path / "single.db"
    with Workspace(db, create=True) as ws:
        ws.load_lists([S.write_small_sdn(tmp_path / "sdn")])
        hit = ws.screen("Islamic Revolutionary Guard Corps")[0]
    assert hit.match and hit.score >= 0.9 and hit.id
    app = create_app(lambda: Workspace(db), settings=Settings.from_env({}))
    with TestClient(app, base_url="http://localhost") as c:
        page = c.get("/review").text
        assert "four eyes need accounts" in page and "mistrust users add" in page
        dismissed = c.post(f"/review/{hit.id}", data={"decision": "dismiss", "note": "other party", "user": "eve"},
                           follow_redirects=False)
        assert dismissed.status_code == 303 and "second+reviewer" in dismissed.headers["location"]
        pending = c.get("/review", params={"status": "pending_approval"}).text
        assert '<span class="decided-by">web</span>' in pending  # a typed name is not a verified one
        assert f"mistrust approve {hit.id} --user NAME" in pending and 'class="approve"' not in pending
        forged = c.post(f"/review/{hit.id}/approve", data={"verdict": "approve"})
        assert forged.status_code == 403 and "nobody approves their own" in forged.text
    result = CliRunner().invoke(main, ["--db", str(db), "approve", hit.id, "--user", "rita"])
    assert result.exit_code == 0, result.output
    with Workspace(db) as ws:
        item = ws.review_item(hit.id)
        assert (item["status"], item["decided_by"], item["approved_by"]) == ("dismissed", "web", "rita")
