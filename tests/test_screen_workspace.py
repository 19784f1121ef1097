"""Screening through the Workspace and the CLI: audit, judgements, batch resume, compare."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from mistrust.cli import main
from mistrust.errors import InputError, NotFoundError
from mistrust.model import Alias, ListEntity, ListVersion, LoadedList, NameQuery
from mistrust.workspace import Workspace

VERSION = ListVersion(id="v-test-1", list_name="test-list", source="test", format="test", published="2026-01-01",
                      sha256="0" * 64, source_file="hand-made", entity_count=4, current=True)


def entities() -> list[ListEntity]:
    return [
        ListEntity(id="test:1", source="test", schema="Organization", name="ISLAMIC REVOLUTIONARY GUARD CORPS",
                   aliases=[Alias("IRGC"), Alias("Sepah-e Pasdaran")], programs=["IRGC"]),
        ListEntity(id="test:2", source="test", schema="Person", name="HOSSEINI, Seyed Mohammad Reza",
                   birth_dates=["1961-05-01"], nationalities=["ir"], programs=["NPWMD"]),
        ListEntity(id="test:3", source="test", schema="Organization", name="NAMCHONGANG TRADING CORPORATION",
                   countries=["kp"], programs=["DPRK"]),
        ListEntity(id="test:4", source="test", schema="Person", name="KIM, Jong Un", programs=["DPRK3"]),
    ]


class FakeLists:
    """Stands in for the lists room: the current lists can be swapped to simulate an update."""

    def __init__(self, ents: list[ListEntity]) -> None:
        self.ents = ents
        self.state = "state-1"

    def install(self, ws: Any) -> None:
        ws.current_lists = lambda: [LoadedList(version=VERSION, entities=self.ents)]
        ws.lists_state = lambda: self.state

        def get_entity(entity_id: str) -> tuple[ListEntity, list[ListVersion]]:
            for e in self.ents:
                if e.id == entity_id:
                    return e, [VERSION]
            raise NotFoundError(entity_id)

        ws.get_entity = get_entity


@pytest.fixture
def ws(workspace: Any) -> Any:
    FakeLists(entities()).install(workspace)
    return workspace


def test_screen_returns_explained_hit_with_provenance(ws: Any) -> None:
    hits = ws.screen("Muhammad Raza Husaini", record=False)
    assert hits and hits[0].entity_id == "test:2"
    hit = hits[0]
    assert hit.match and hit.list_version == "v-test-1" and hit.algorithm == "mistrust-v22"
    assert hit.matched_name == "HOSSEINI, Seyed Mohammad Reza" and hit.programs == ["NPWMD"]
    assert hit.id and all(f.reason for f in hit.features)


def test_acronym_and_split_syllables_through_the_index(ws: Any) -> None:
    assert ws.screen("IRGC", record=False)[0].entity_id == "test:1"
    assert ws.screen("Islamic Revolutionary Guard Corps", record=False)[0].entity_id == "test:1"
    top = ws.screen("Nam Chon Gang Trading Co.", record=False)[0]
    assert top.entity_id == "test:3" and top.match


def test_birth_date_and_country_move_the_ranking_score(ws: Any) -> None:
    base = ws.screen(NameQuery("Mohammad Reza Hosseini"), record=False)[0].score
    good = ws.screen(NameQuery("Mohammad Reza Hosseini", birth_date="1961", countries=["ir"]), record=False)[0]
    bad = ws.screen(NameQuery("Mohammad Reza Hosseini", birth_date="1990", countries=["fr"]), record=False)
    assert good.score > base
    assert not bad or bad[0].score < base


def test_every_run_is_audited(ws: Any) -> None:
    ws.screen("IRGC")
    ws.screen("Kim Jong-un", threshold=0.8)
    runs = ws.audit_runs()
    assert [r["query"]["name"] for r in runs] == ["Kim Jong-un", "IRGC"]
    assert runs[0]["threshold"] == 0.8 and runs[0]["list_versions"] == ["v-test-1"]
    assert runs[0]["algorithm"] == "mistrust-v22" and runs[0]["hits"][0]["entity_id"] == "test:4"


def test_dismissal_carries_over_until_the_entry_changes(workspace: Any) -> None:
    lists = FakeLists(entities())
    lists.install(workspace)
    hit = workspace.screen("Kim Jong-un")[0]
    assert workspace.review_queue()[0]["id"] == hit.id
    judgement = workspace.judge(hit.id, "dismiss", note="different person", user="analyst")
    assert judgement["decision"] == "dismissed" and judgement["at"]
    # a strong hit: the dismissal waits for a second reviewer (four eyes) before it counts
    assert judgement["status"] == "pending_approval" and hit.score >= workspace.settings.four_eyes_score
    assert workspace.screen("KIM JONG UN")[0].judgement is None
    workspace.approve(hit.id, user="second")
    assert workspace.screen("KIM JONG UN")[0].judgement == "dismissed"  # same normalised query
    assert all(item["id"] != hit.id for item in workspace.review_queue())
    changed = entities()
    changed[3].birth_dates = ["1984-01-08"]  # the list entry changes: the old judgement lapses
    lists.ents, lists.state = changed, "state-2"
    assert workspace.screen("Kim Jong-un")[0].judgement is None


def test_review_queue_reopens_a_judged_pair_when_the_entry_changes(workspace: Any) -> None:
    lists = FakeLists(entities())
    lists.install(workspace)
    hit = workspace.screen("Kim Jong-un")[0]
    workspace.judge(hit.id, "confirm", user="analyst")
    assert all(item["id"] != hit.id for item in workspace.review_queue())
    changed = entities()
    changed[3].aliases = [Alias("Kim Jong-eun")]  # the entry changes, nobody has re-screened yet
    lists.ents, lists.state = changed, "state-2"
    queue = workspace.review_queue()
    assert [item["id"] for item in queue].count(hit.id) == 1
    assert "judged_fingerprint" not in queue[0]
    assert workspace.review_queue(limit=0) == [] or len(workspace.review_queue(limit=1)) == 1


def test_judge_rejects_unknown_hits_and_decisions(ws: Any) -> None:
    hit = ws.screen("IRGC")[0]
    with pytest.raises(InputError):
        ws.judge(hit.id, "maybe")
    with pytest.raises(NotFoundError):
        ws.judge("0000000000000000", "confirm")


def test_empty_name_is_rejected(ws: Any) -> None:
    with pytest.raises(InputError):
        ws.screen("   ")


def test_batch_streams_and_resumes(ws: Any, tmp_path: Path) -> None:
    src = tmp_path / "names.csv"
    src.write_text("id,name,country\n1,IRGC,\n2,Kim Jong-un,kp\n3,,\n4,Nobody Special Here,\n5,Husaini Muhammad Raza,ir\n",
                   encoding="utf-8")
    out = tmp_path / "hits.jsonl"
    first = ws.screen_file(src, out)
    lines = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert [x["row"] for x in lines] == [1, 2, 3, 4, 5] and first["screened"] == 4 and first["errors"] == 1
    assert lines[0]["hits"][0]["entity_id"] == "test:1" and lines[2]["error"] == "row 3: the name is empty"
    assert lines[4]["hits"][0]["entity_id"] == "test:2"
    # Simulate an interruption: keep two rows and a torn third line, then resume.
    kept = out.read_text(encoding="utf-8").splitlines(keepends=True)[:2]
    out.write_text("".join(kept) + '{"row": 3, "torn', encoding="utf-8")
    again = ws.screen_file(src, out)
    assert again["skipped_done"] == 2 and again["screened"] == 2
    resumed = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert [x["row"] for x in resumed] == [1, 2, 3, 4, 5]
    assert ws.audit_runs()[0]["kind"] == "batch"


def test_batch_jsonl_input(ws: Any, tmp_path: Path) -> None:
    src = tmp_path / "names.jsonl"
    src.write_text('{"name": "IRGC", "schema": "Organization"}\n"Kim Jong Un"\nnot json\n', encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = ws.screen_file(src, out)
    lines = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert result["errors"] == 1 and lines[1]["hits"][0]["entity_id"] == "test:4" and "not JSON" in lines[2]["error"]


def test_index_is_cached_on_disk_by_lists_state(ws: Any, tmp_path: Path) -> None:
    first = ws.screen_index()
    assert first is ws.screen_index()
    cache = Path(str(ws.settings.db_path) + ".index")
    assert len(list(cache.glob("*.pickle"))) == 1
    ws._screen_index_cache = None
    ws.current_lists = lambda: pytest.fail("index must come from the disk cache")
    assert ws.screen_index().state == "state-1"


def _cli(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str], stdin: str | None = None) -> Any:
    from mistrust.cli import common

    real = common.open_workspace

    def patched(ctx: Any) -> Any:
        w = real(ctx)
        FakeLists(entities()).install(w)
        return w

    monkeypatch.setattr("mistrust.cli.screen.open_workspace", patched)
    Workspace(tmp_path / "cli.db", create=True).close()
    return CliRunner().invoke(main, ["--db", str(tmp_path / "cli.db"), *args], input=stdin)


def test_cli_screen_json_and_table(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    result = _cli(tmp_path, monkeypatch, ["screen", "IRGC", "--schema", "Organization", "--json"])
    assert result.exit_code == 0, result.output
    hits = json.loads(result.output)
    assert hits[0]["entity_id"] == "test:1" and hits[0]["features"][0]["reason"]
    table = _cli(tmp_path, monkeypatch, ["screen", "Kim Jong-un"])
    assert table.exit_code == 0 and "test:4" in table.output and "MATCH" in table.output


def test_cli_compare_one_line_per_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    stdin = "\n".join([
        json.dumps({"schema": "Person", "a": "Hosseini", "b": "Husaini"}),
        json.dumps({"schema": "Person", "a": "Kim Jong Un", "b": "Ri Pyong Chol"}),
        "{broken",
    ]) + "\n"
    result = _cli(tmp_path, monkeypatch, ["compare"], stdin=stdin)
    assert result.exit_code == 0, result.output
    out = [json.loads(x) for x in result.output.splitlines()]
    assert len(out) == 3 and out[0]["match"] and not out[1]["match"] and out[2]["error"] == "input"
    assert out[0]["reasons"]


def test_cli_audit_and_judge(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    hits = json.loads(_cli(tmp_path, monkeypatch, ["screen", "IRGC", "--json"]).output)
    judged = _cli(tmp_path, monkeypatch, ["judge", hits[0]["id"], "confirm", "--note", "listed", "--json"])
    assert judged.exit_code == 0, judged.output
    assert json.loads(judged.output)["decision"] == "confirmed"
    audit = _cli(tmp_path, monkeypatch, ["audit", "--json"])
    assert json.loads(audit.output)[0]["query"]["name"] == "IRGC"
    missing = _cli(tmp_path, monkeypatch, ["judge", "ffffffffffffffff", "dismiss"])
    assert missing.exit_code == 4


def test_cli_batch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    src = tmp_path / "names.txt"
    src.write_text("IRGC\nKim Jong-un\n", encoding="utf-8")
    out = tmp_path / "hits.jsonl"
    result = _cli(tmp_path, monkeypatch, ["screen", "--input", str(src), "--output", str(out)])
    assert result.exit_code == 0, result.output
    assert len(out.read_text(encoding="utf-8").splitlines()) == 2


@pytest.mark.parametrize(("env_user", "expected"), [("analyst-7", "analyst-7"), (None, "os-account")])
def test_cli_judge_records_the_same_user_as_every_cli_action(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                            env_user: str | None, expected: str) -> None:
    """``judge`` names its reviewer as ``watch`` and ``export`` do: $USER, else the OS account."""
    monkeypatch.setattr("getpass.getuser", lambda: "os-account")
    if env_user is None:
        monkeypatch.delenv("USER", raising=False)
    else:
        monkeypatch.setenv("USER", env_user)
    hits = json.loads(_cli(tmp_path, monkeypatch, ["screen", "IRGC", "--json"]).output)
    judged = _cli(tmp_path, monkeypatch, ["judge", hits[0]["id"], "confirm", "--note", "listed", "--json"])
    assert judged.exit_code == 0, judged.output
    assert json.loads(judged.output)["user"] == expected


def test_the_index_is_kept_out_of_full_collections(ws: Any) -> None:
    """A server keeps its index for its life: a full collection must not walk it (a p99 stall)."""
    import gc

    gc.unfreeze()
    try:
        index = ws.screen_index()
        assert gc.get_freeze_count() > 0
        assert not any(obj is index for obj in gc.get_objects())  # frozen objects are in no generation
    finally:
        gc.unfreeze()
