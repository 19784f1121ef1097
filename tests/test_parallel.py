"""--workers N: the process pool and Ray give what the single-process path gives, in input order,
and a stopped batch resumes with every row exactly once (``workspace/parallel.py``, ``stages.py``)."""

from __future__ import annotations

import dataclasses
import json
import os
from pathlib import Path
from typing import Any

import pytest

from mistrust.errors import ConfigError, InputError, WorkerError
from mistrust.model import NameQuery
from mistrust.screen.batch import Row
from mistrust.workspace import parallel
from mistrust.workspace.stages import ScreenState, SearchParams, screen_rows
from test_screen_workspace import FakeLists, entities

TEXTS = [
    "Kim Jong Un inspected a missile launch, state media said on Tuesday.",
    "The Islamic Revolutionary Guard Corps denied that it had shipped rockets to Yemen.",
    "Namchongang Trading Corporation sold centrifuge parts to Syria, officials in Washington said.",
    "Seyed Mohammad Reza Hosseini met delegates in Tehran to discuss the nuclear deal.",
    "A cargo ship was seized off the coast of Panama carrying fighter jets from Cuba.",
]
NAMES = ["IRGC", "Kim Jong-un", "", "Nobody Special Here", "Husaini Muhammad Raza", "Namchongang Trading",
         "Sepah Pasdaran", "Hosseini Seyed", "Jong Un Kim", "Trading Corporation"]


@pytest.fixture
def ws(workspace: Any, tmp_path: Path) -> Any:
    FakeLists(entities()).install(workspace)
    corpus = tmp_path / "articles.jsonl"
    corpus.write_text("".join(json.dumps({"id": f"a{n}", "text": t, "date": f"2020-01-0{n + 1}"})
                              + "\n" for n, t in enumerate(TEXTS)), encoding="utf-8")
    workspace.ingest([corpus])
    return workspace


def names_csv(tmp_path: Path, rows: int) -> Path:
    path = tmp_path / f"names-{rows}.csv"
    lines = [f"{n},{NAMES[n % len(NAMES)]}" for n in range(1, rows + 1)]
    path.write_text("id,name\n" + "\n".join(lines) + "\n", encoding="utf-8")
    return path


def lines(path: Path) -> list[dict[str, Any]]:
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines()]


def analysed_in_order(ws: Any, monkeypatch: pytest.MonkeyPatch, **how: Any) -> tuple[list[str], dict[str, Any]]:
    """Analyse every document again; the order extractions were written in, and each one's JSON."""
    from mistrust.workspace import extraction

    written: list[str] = []
    save = extraction.store.save_extractions

    def recording(db: Any, rows: Any) -> None:
        written.extend(x.doc_id for x in rows)
        save(db, rows)

    monkeypatch.setattr(extraction.store, "save_extractions", recording)
    assert ws.analyze(force=True, **how) == len(TEXTS)
    monkeypatch.setattr(extraction.store, "save_extractions", save)
    return written, {d: ws.extraction_json(ws.extraction_for(d)) for d in written}


def same_as_single_process(ws: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, **how: Any) -> None:
    src = names_csv(tmp_path, 1200)  # batches of BATCH_ROWS (three by default, the last one short)
    ws.screen_file(src, tmp_path / "one.jsonl")
    result = ws.screen_file(src, tmp_path / "many.jsonl", workers=2, **how)
    assert lines(tmp_path / "many.jsonl") == lines(tmp_path / "one.jsonl")
    assert [x["row"] for x in lines(tmp_path / "many.jsonl")] == list(range(1, 1201))
    assert result["errors"] == 120 and result["screened"] == 1080 and result["matches"] > 0

    order, single = analysed_in_order(ws, monkeypatch)
    assert any(m["links"] for e in single.values() for m in e["entities"]), "no mention was linked to a list"
    order2, many = analysed_in_order(ws, monkeypatch, workers=2, **how)
    assert order2 == order == ws.document_ids()
    assert many == single


def test_process_pool_equals_single_process(ws: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    same_as_single_process(ws, tmp_path, monkeypatch, backend="pool")


def test_ray_local_mode_equals_single_process(ws: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    if not parallel.ray_available():
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail("Ray is not installed: make test installs the cluster extra")
        pytest.skip("Ray is not installed (pip install 'mistrust[cluster]')")
    from mistrust.workspace import screening

    # 12 batches of 100 names go as two pipelines (10 and 2 batches); in the first, blocks of 2,
    # 2, then one batch each (``guided``)
    monkeypatch.setattr(screening, "BATCH_ROWS", 100)
    monkeypatch.setattr(parallel.RayData, "window", 10)
    monkeypatch.setattr(screening, "SCREEN_BLOCKS", dataclasses.replace(screening.SCREEN_BLOCKS, per_block=2))
    same_as_single_process(ws, tmp_path, monkeypatch, backend="ray")


def test_local_ray_keeps_no_observability_for_a_dashboard_it_has_not(monkeypatch: pytest.MonkeyPatch) -> None:
    """A Ray started for one command: its workers run at normal priority, record no task events,
    timeline or metrics (nothing would read them), and it sends no usage report; a Ray joined at
    an address keeps its own settings (``start_ray`` passes it none)."""
    if not parallel.ray_available():
        pytest.skip("Ray is not installed (pip install 'mistrust[cluster]')")
    import ray

    monkeypatch.delenv("RAY_USAGE_STATS_ENABLED", raising=False)
    parallel.start_ray(1)
    try:
        @ray.remote
        def worker_config() -> tuple[bool, str | None]:
            import os

            return ray._config.enable_timeline(), os.environ.get("RAY_USAGE_STATS_ENABLED")

        # a worker is a new process: what it sees is what the new Ray was given (Ray's default is True)
        assert ray.get(worker_config.remote()) == (False, "0")
    finally:
        ray.shutdown()
    seen: dict[str, Any] = {}
    monkeypatch.setattr(ray, "init", lambda **kw: seen.update(kw))
    parallel.start_ray(2, "head:6379")
    assert seen["address"] == "head:6379" and "_system_config" not in seen and not seen["include_dashboard"]


def test_stopped_batch_resumes_every_row_exactly_once(ws: Any, tmp_path: Path) -> None:
    src = names_csv(tmp_path, 1700)
    ws.screen_file(src, tmp_path / "whole.jsonl")
    out = tmp_path / "stopped.jsonl"

    def stop(done: int, total: int) -> None:
        raise KeyboardInterrupt  # after the first 200 lines written, workers still busy

    with pytest.raises(KeyboardInterrupt):
        ws.screen_file(src, out, workers=2, backend="pool", progress=stop)
    stopped_at = len(lines(out))
    assert 0 < stopped_at < 1700
    again = ws.screen_file(src, out, workers=2, backend="pool")
    assert again["skipped_done"] == stopped_at and again["screened"] + again["errors"] == 1700 - stopped_at
    assert lines(out) == lines(tmp_path / "whole.jsonl")


def remembered(ws: Any, out: Path) -> dict[str | None, tuple[str, dict[str, float]]]:
    """What the workspace remembers for re-screening of the rows of ``out``: row id -> (name, hits seen)."""
    from mistrust.store import monitoring

    assert ws.settle_writes()
    rows = [s for s in monitoring.subjects(ws.db) if s.kind == "batch" and s.origin == str(out)]
    found = {s.row_id: (s.query["name"], s.seen) for s in rows}
    assert len(found) == len(rows), "a row remembered twice"
    return found


def screened(out: Path) -> dict[str | None, str]:
    """Row id -> name of the rows of an output file that were screened (not refused)."""
    return {x["id"]: x["query"]["name"] for x in lines(out) if x["query"]}


def test_a_stopped_batch_remembers_every_row_it_wrote_and_its_resumption_the_rest(
        ws: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The parent hands the rows to remember to the writer every SUBJECT_ROWS rows: a run stopped
    in between still remembers every row it wrote, and the resumed run the others, as one run would."""
    from mistrust.workspace import screening

    monkeypatch.setattr(screening, "BATCH_ROWS", 100)
    monkeypatch.setattr(screening, "SUBJECT_ROWS", 250)  # handed over after the third batch, then the sixth
    src = names_csv(tmp_path, 1000)
    ws.screen_file(src, tmp_path / "whole.jsonl")
    whole = remembered(ws, tmp_path / "whole.jsonl")
    assert len(whole) == 900  # every tenth name is empty: refused, not remembered
    out = tmp_path / "stopped.jsonl"
    written: list[int] = []

    def stop(done: int, total: int) -> None:
        written.append(done)
        if len(written) == 5:  # 500 rows written, the last 180 screened ones not handed over yet
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        ws.screen_file(src, out, workers=2, backend="pool", progress=stop)
    assert len(lines(out)) == 500
    stopped = remembered(ws, out)
    assert set(stopped) == set(screened(out)) and len(stopped) == 450
    ws.screen_file(src, out, workers=2, backend="pool")
    assert lines(out) == lines(tmp_path / "whole.jsonl")
    assert remembered(ws, out) == whole


def test_a_batch_screened_again_into_its_output_updates_the_rows_it_remembers(ws: Any, tmp_path: Path) -> None:
    """A row screened again is remembered once, with its new query and what that hit."""
    src, out = tmp_path / "names.csv", tmp_path / "out.jsonl"
    src.write_text("id,name\n1,Islamic Revolutionary Guard Corps\n2,Nobody Special Here\n", encoding="utf-8")
    ws.screen_file(src, out)
    first = remembered(ws, out)
    assert first["1"][1] and not first["2"][1]  # the first hit an entry, the second nothing
    src.write_text("id,name\n1,Nobody Special Here\n2,Islamic Revolutionary Guard Corps\n", encoding="utf-8")
    ws.screen_file(src, out, resume=False)
    assert remembered(ws, out) == {"1": first["2"], "2": first["1"]}

def test_worker_failure_names_the_row() -> None:
    class Broken:
        def search(self, query: NameQuery, **_: Any) -> Any:
            raise ValueError("index damaged")

    state = ScreenState(Broken(), SearchParams(0.7, 5, 0.5))  # type: ignore[arg-type]
    rows = [Row(1, None, error="row 1: the name is empty"), Row(2, NameQuery(name="IRGC"))]
    with pytest.raises(WorkerError, match=r"row 2 \('IRGC'\): ValueError: index damaged"):
        screen_rows(state, rows)


def test_analysis_failure_names_the_document() -> None:
    from mistrust.extract.pipeline import TextItem
    from mistrust.workspace.stages import analyze_documents

    class Fussy:
        def extract_many(self, items: list[TextItem]) -> Any:
            for item in items:
                if "bad" in item.text:
                    raise RuntimeError("parser crashed")
                yield item.doc_id

    items = [TextItem("fine", "d1"), TextItem("bad text", "d2"), TextItem("fine too", "d3")]
    with pytest.raises(WorkerError, match="analysis failed on document d2: RuntimeError: parser crashed"):
        analyze_documents(Fussy(), items)  # type: ignore[arg-type]
    assert analyze_documents(Fussy(), [items[0], items[2]]) == ["d1", "d3"]  # type: ignore[arg-type]


def test_worker_error_is_found_inside_ray_wrappers() -> None:
    inner = WorkerError("analysis failed on document d1: boom", doc_id="d1")

    class Wrapper(Exception):
        def __init__(self, cause: BaseException) -> None:
            super().__init__("wrapped")
            self.cause = cause

    found = parallel._worker_error(Wrapper(inner), "analysis")
    assert found is inner
    assert "analysis failed in a Ray worker" in str(parallel._worker_error(RuntimeError("x"), "analysis"))


def test_choice_of_runner(monkeypatch: pytest.MonkeyPatch) -> None:
    warned: list[str] = []
    assert isinstance(parallel.runner_for(1, None, lambda: "state", warned.append), parallel.InProcess)
    monkeypatch.setattr(parallel, "ray_available", lambda: False)
    assert isinstance(parallel.runner_for(2, None, lambda: None, warned.append), parallel.ProcessPool)
    assert warned and "local pool of 2 processes" in warned[0]
    with pytest.raises(ConfigError, match="cluster"):
        parallel.runner_for(2, "ray://head:10001", lambda: None, warned.append)
    with pytest.raises(InputError):
        parallel.runner_for(0, None, lambda: None, warned.append)
    monkeypatch.setattr(parallel, "ray_available", lambda: True)
    ray = parallel.runner_for(2, None, lambda: None, warned.append)
    assert isinstance(ray, parallel.RayData) and ray.address is None
    assert isinstance(parallel.runner_for(2, None, lambda: None, warned.append, "pool"), parallel.ProcessPool)
    assert isinstance(parallel.runner_for(1, None, lambda: None, warned.append, "ray"), parallel.RayData)


def test_cli_takes_workers_for_a_batch_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from test_screen_workspace import _cli

    result = _cli(tmp_path, monkeypatch, ["screen", "IRGC", "--workers", "2"])
    assert result.exit_code == 3 and "for a batch" in result.output
    result = _cli(tmp_path, monkeypatch, ["screen", "--input", "x.csv", "--output", "y.jsonl", "--workers", "0"])
    assert result.exit_code == 2 and "--workers" in result.output


def test_a_worker_hands_back_a_block_ready_to_write() -> None:
    """``screen_block``: the output lines already encoded (one per row, in order, refused rows as
    error lines), the rows to remember only for screened rows, the review job only for matches,
    and a reviewer's judgement applied while the entry is unchanged."""
    from mistrust.model import Hit, ListEntity
    from mistrust.workspace.stages import BatchRun, BatchState, screen_block

    entity = ListEntity(id="x:1", source="test", name="ORVAN TRUST", schema="Organization")

    class Index:
        def search(self, query: NameQuery, **_: Any) -> list[Hit]:
            score = 0.95 if "orvan" in query.name.lower() else 0.6
            return [Hit(entity_id="x:1", entity_name="ORVAN TRUST", schema="Organization", list_version="v1",
                        query_name=query.name, matched_name="ORVAN TRUST", score=score, match=score >= 0.7,
                        threshold=0.7, algorithm="test-v1", id=f"h-{query.name}")]

        def entity(self, entity_id: str) -> ListEntity | None:
            return entity if entity_id == "x:1" else None

    judged = {"h-Orvan Trust": {"entity_fingerprint": entity.fingerprint(), "decision": "confirmed"},
              "h-Orvan Holdings": {"entity_fingerprint": "an older version of the entry", "decision": "dismissed"}}
    run = BatchRun("csv", 200, "/tmp/out.jsonl", "run-1", "2026-01-01T00:00:00Z", judged)
    state = BatchState(ScreenState(Index(), SearchParams(0.7, 5, 0.5)), run)  # type: ignore[arg-type]
    raws = [(1, {"id": "a", "name": "Orvan Trust"}, None), (2, {"id": "b", "name": ""}, None),
            (3, None, "row 3: CSV syntax error (x)"), (4, {"name": "Orvan Holdings"}, None),
            (5, {"name": "Ardel Bay"}, None)]
    block = screen_block(state, raws)  # type: ignore[arg-type]
    out = [json.loads(line) for line in block.lines.decode().splitlines()]
    assert [x["row"] for x in out] == [1, 2, 3, 4, 5] and block.lines.endswith(b"\n")
    assert out[0]["id"] == "a" and out[0]["query"]["name"] == "Orvan Trust"
    assert out[0]["hits"][0]["judgement"] == "confirmed"
    assert out[3]["hits"][0]["judgement"] is None  # judged on an entry that has changed since
    assert out[1]["query"] is None and "empty" in out[1]["error"] and out[2]["error"].startswith("row 3: CSV")
    assert (block.screened, block.errors, block.hits, block.matches) == (3, 2, 3, 2)
    assert [r["row"] for r in block.refused] == [2, 3]
    assert [s[3] for s in block.subjects] == ["a", None, None]  # row ids of the screened rows only
    assert [json.loads(s[4])["name"] for s in block.subjects] == ["Orvan Trust", "Orvan Holdings", "Ardel Bay"]
    assert len(block.review) == 2  # the two matches, tagged with the run
    assert all("run-1" in params for _sql, params in block.review)


@pytest.mark.parametrize(("count", "most", "parts", "sizes"), [
    (10, 2, 4, [2, 2, 1, 1, 1, 1, 1, 1]),
    (100, 16, 4, [16, 16, 16, 13, 9, 7, 5, 4, 3, 2, 2] + [1] * 7),
    (40, 16, 2, [16, 12, 6, 3, 1, 1, 1]),
    (3, 16, 4, [1, 1, 1]),  # less than a block a part: one each
    (0, 16, 4, []),
])
def test_ray_blocks_shrink_toward_the_end(count: int, most: int, parts: int, sizes: list[int]) -> None:
    items = list(range(count))
    blocks = list(parallel.guided(items, most, parts))
    assert [x for b in blocks for x in b] == items  # every item once, in order
    assert [len(b) for b in blocks] == sizes


def test_a_block_is_at_most_a_part_of_what_is_left() -> None:
    for count, most, parts in ((1000, 16, 4), (977, 8, 2), (64, 32, 6)):
        left = count
        for block in parallel.guided(list(range(count)), most, parts):
            assert len(block) <= most and (len(block) == 1 or len(block) <= left // parts)
            left -= len(block)
        assert left == 0


def test_the_screening_stages_leave_the_extraction_pipeline_to_the_analysing_workers() -> None:
    """A Ray actor unpickles its stage from ``workspace.stages`` as it starts: importing it must
    not import the extraction pipeline, which a screening worker never runs."""
    import subprocess
    import sys

    code = ("import sys, mistrust.workspace.stages as s; "
            "print('mistrust.extract.pipeline' in sys.modules, callable(s.load_extractor))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "True"]


def test_the_last_documents_go_in_small_batches() -> None:
    items = list(range(200))
    batches = list(parallel.tapered(items, 32, 128, 8))
    assert [x for b in batches for x in b] == items  # every item once, in order
    assert [len(b) for b in batches] == [32, 32] + [8] * 17  # 64 in big batches, then 136 in small
    assert [len(b) for b in parallel.tapered(items[:50], 32, 128, 8)] == [8] * 6 + [2]  # all in the tail
    assert list(parallel.tapered([], 32, 128, 8)) == []


def test_a_shared_file_loads_with_the_collector_paused_and_on_again(tmp_path: Path) -> None:
    import gc
    import pickle

    from mistrust.store import shared_files

    class Probe:  # unpickled by calling _probe, which notes whether the collector runs
        def __reduce__(self) -> tuple[Any, tuple[()]]:
            return (_probe, ())

    _PROBED.clear()
    path = tmp_path / f"k{shared_files.SUFFIX}"
    path.write_bytes(pickle.dumps({"names": ["a", "b"], "probe": Probe()}))
    assert gc.isenabled()
    loaded = shared_files.load(path)
    assert loaded["names"] == ["a", "b"] and _PROBED == [False]  # paused while unpickling
    assert gc.isenabled()
    path.write_bytes(b"not a pickle")
    with pytest.raises(pickle.UnpicklingError):
        shared_files.load(path)
    assert gc.isenabled()  # on again after a failure too
    with pytest.raises(FileNotFoundError):
        shared_files.load(tmp_path / "none.pickle")


_PROBED: list[bool] = []


def _probe() -> str:
    import gc

    _PROBED.append(gc.isenabled())
    return "probe"


def test_a_worker_loads_its_state_with_the_collector_paused() -> None:
    import gc

    def load(config: int) -> tuple[int, bool]:
        return config, gc.isenabled()

    assert parallel.load_state(load, 7) == (7, False)
    assert gc.isenabled()

    def failing(config: int) -> None:
        raise WorkerError("no index")

    with pytest.raises(WorkerError):
        parallel.load_state(failing, 0)
    assert gc.isenabled()


def test_a_worker_freezes_its_state_so_full_collections_skip_it() -> None:
    import gc

    def load(config: int) -> list[list[int]]:
        return [[i] for i in range(config)]  # container objects, tracked by the collector

    before = gc.get_freeze_count()
    try:
        state = parallel.load_state(load, 5000)
        assert gc.get_freeze_count() >= before + 5000
        frozen = gc.get_freeze_count()
        made_after = [[i] for i in range(5000)]  # a batch's objects: not frozen
        assert gc.get_freeze_count() == frozen
        assert len(state) == len(made_after) == 5000
    finally:
        gc.unfreeze()  # this test's process is not a worker
