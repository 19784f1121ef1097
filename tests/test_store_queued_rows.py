"""The rows a screening queues for the audit writer are no work for the garbage collector.

A server queues a screening's audit rows and review-queue rows with every answer, and under load
its writer (a low-priority process on PostgreSQL) falls seconds behind: thousands of jobs wait in
the serving process. Built of tuples of strings and numbers, the collector stops tracking them
after the collections they first live through; built of lists, each was walked again by every
collection of the older generations (``store/writer.py``, ``Statement``). The hits are written
for the test: varied schemas, programs, scores, judgements, with and without matches.
"""

from __future__ import annotations

import gc
from typing import Any

import pytest

from mistrust.model import Hit
from mistrust.store import review as review_store
from mistrust.store import screening as store
from mistrust.store.writer import Job


class _Capture:
    """Stands in for the audit writer: keeps what is submitted."""

    def __init__(self) -> None:
        self.jobs: list[Job] = []

    def submit(self, job: Job) -> None:
        self.jobs.append(job)


class _Db:
    def __init__(self) -> None:
        self.writer = _Capture()


def _hit(entity: str, name: str, schema: str, score: float, programs: list[str], judgement: str | None) -> Hit:
    return Hit(entity_id=entity, entity_name=name, schema=schema, list_version="sample-2024-05-01",
               query_name=name.title(), matched_name=name, score=score, match=score >= 0.7, threshold=0.7,
               algorithm="sample-v1", programs=programs, judgement=judgement, id=f"h-{entity}")


HIT_SETS = [
    [],
    [_hit("e:1", "NORTHERN CAPE SHIPPING CO", "Organization", 0.91, ["SDGT", "IRAN"], None)],
    [_hit("e:2", "MARIA DEL CARMEN OSORIO", "Person", 0.74, [], "confirmed"),
     _hit("e:3", "MARIA CARMEN OSORIO VEGA", "Person", 0.66, ["CUBA"], None),
     _hit("e:4", "OSORIO TRADING SA", "Organization", 0.81, ["CUBA"], "dismissed")],
]


def _tracked(obj: Any) -> list[Any]:
    """``obj`` and every tuple or list inside it that the collector still tracks."""
    found = [obj] if gc.is_tracked(obj) else []
    if isinstance(obj, tuple | list):
        for item in obj:
            found += _tracked(item)
    return found


@pytest.mark.parametrize("hits", HIT_SETS, ids=["no hits", "one match", "three, mixed"])
def test_a_screenings_queued_rows_are_left_untracked_by_the_collector(hits: list[Hit]) -> None:
    db = _Db()
    run_id = store.record_run(db, kind="query", query={"name": "sample", "countries": ["za"]},  # type: ignore[arg-type]
                              list_versions=["sample-2024-05-01"], algorithm="sample-v1", threshold=0.7, hits=hits)
    matches = [h for h in hits if h.match]
    if matches:  # as the Workspace queues them (workspace/screening.py, _screen_with)
        db.writer.submit(review_store.queue_job(matches, source="screen", at=store.now(), run_id=run_id))
    assert len(db.writer.jobs) == (2 if matches else 1)
    # one level of a job a collection: the statements' parameters in the first the job lives
    # through, the statements in the next, the job itself in the third (the collector checks a
    # tuple before the tuples inside it)
    for _ in range(3):
        gc.collect()
    for job in db.writer.jobs:
        assert _tracked(job) == []
        assert all(isinstance(params, tuple) for _, params in job)  # nothing a statement holds is tracked either


def test_the_queued_rows_carry_the_values_the_writers_insert() -> None:
    """Tuples, with the same values in the same places as before: both backends execute them."""
    db = _Db()
    hits = HIT_SETS[2]
    run_id = store.record_run(db, kind="query", query={"name": "sample"}, list_versions=["v"],  # type: ignore[arg-type]
                              algorithm="sample-v1", threshold=0.7, hits=hits)
    (run_sql, run_params), *hit_rows = db.writer.jobs[0]
    assert "screen_runs" in run_sql and run_params[0] == run_id and tuple(run_params[7:9]) == (3, 2)
    assert [p[1] for _, p in hit_rows] == ["h-e:2", "h-e:3", "h-e:4"]
    queue = review_store.queue_job([h for h in hits if h.match], source="screen", at="2024-05-02", run_id=run_id)
    assert [p[0] for _, p in queue] == ["h-e:2", "h-e:4"]
    assert [p[8] for _, p in queue] == ["", "|CUBA|"]  # the programs column, empty without programs
    assert [p[-1] for _, p in queue] == [0, 0]  # both carry a judgement: neither reopened
