"""Moving a workspace between backends (``db copy``), and what only a PostgreSQL workspace may do."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from _backend import PG_URL, Schemas
from mistrust import Workspace
from mistrust.cli import main
from mistrust.errors import InputError
from mistrust.store import ALL_MIGRATIONS, Database, SQLiteDatabase
from mistrust.store.copy import copy_database
from mistrust.store.postgres import PostgresDatabase

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def _filled(path: Path) -> Workspace:
    ws = Workspace(path, create=True)
    ws.load_lists([EXAMPLES / "watchlist.ftm.json"])
    ws.ingest([EXAMPLES / "articles.jsonl"])
    hits = ws.screen("Korea Mining Development Trading Corporation")
    ws.judge(hits[0].id, "confirm", note="checked", user="tester")
    assert ws.settle_writes()
    return ws


def _contents(db: Database) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table, in a backend-neutral form (bytes from BYTEA or BLOB alike)."""
    out = {}
    for table in db.tables():
        cols = ", ".join(f'"{c}"' for c in db.columns(table))
        rows = [tuple(bytes(v) if isinstance(v, memoryview) else v for v in r)
                for r in db.query(f"SELECT {cols} FROM {table}")]  # noqa: S608 - names from the schema
        out[table] = sorted(rows, key=repr)
    return out


def test_copy_moves_every_row_and_refuses_a_target_that_holds_rows(tmp_path: Path) -> None:
    with _filled(tmp_path / "a.db") as src:
        result = src.copy_to(str(tmp_path / "b.db"))
        assert result.rows["lists_entities"] > 10 and result.rows["documents"] == len(src.documents())
        with pytest.raises(InputError, match="not empty"):
            src.copy_to(str(tmp_path / "b.db"))
        again = src.copy_to(str(tmp_path / "b.db"), replace=True)
        assert again.rows == result.rows
        with Workspace(tmp_path / "b.db", create=True) as dst:
            assert _contents(dst.db) == _contents(src.db)
            assert [d.id for d in dst.documents(q="missile")] == [d.id for d in src.documents(q="missile")]
            assert [r["id"] for r in dst.audit_runs()] == [r["id"] for r in src.audit_runs()]
            assert dst.screen("Korea Mining Development Trading Corporation")[0].judgement == "confirmed"


@pytest.mark.skipif(not PG_URL, reason="needs a PostgreSQL server: MISTRUST_TEST_PG_URL (make unit-postgres)")
def test_copy_from_sqlite_to_postgres_and_back_changes_nothing(tmp_path: Path) -> None:
    schemas = Schemas(PG_URL)
    with _filled(tmp_path / "src.db") as ws:
        first = SQLiteDatabase(tmp_path / "one.db", ALL_MIGRATIONS)
        pg = PostgresDatabase(schemas.url_for(tmp_path / "pg"), ALL_MIGRATIONS)
        last = SQLiteDatabase(tmp_path / "two.db", ALL_MIGRATIONS)
        try:
            copy_database(ws.db, first)
            copy_database(first, pg)
            copy_database(pg, last)
            assert _contents(last) == _contents(first)
            # numeric (SUM of integers, AVG) reads as SQLite answers: int when whole, else float
            total, mean = pg.query("SELECT SUM(entity_count), AVG(entity_count + 0.5) FROM lists_versions")[0]
            assert (total, mean) == tuple(first.query(
                "SELECT SUM(entity_count), AVG(entity_count + 0.5) FROM lists_versions")[0])
            assert isinstance(total, int) and isinstance(mean, float)
            # after the copy Postgres numbers new rows past the copied ones
            with pg.transaction() as conn:
                conn.execute("INSERT INTO skipped_inputs(source, reason, code) VALUES (?, ?, ?)", ("x", "y", "z"))
            ids = [r[0] for r in pg.query("SELECT id FROM skipped_inputs ORDER BY id")]
            assert len(ids) == len(set(ids))
        finally:
            for db in (first, pg, last):
                db.close()
            schemas.drop_all()


def test_serving_a_sqlite_file_with_several_workers_is_refused_with_the_reason(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["--db", str(tmp_path / "w.db"), "serve", "--workers", "2"])
    assert result.exit_code == 2 and "PostgreSQL workspace" in result.output


def test_db_migrate_says_what_it_applied(tmp_path: Path) -> None:
    runner = CliRunner()
    first = runner.invoke(main, ["--db", str(tmp_path / "w.db"), "db", "migrate", "--json"])
    assert first.exit_code == 0, first.output
    assert '"lists_001_init"' in first.output and f"{len(ALL_MIGRATIONS)}" in runner.invoke(
        main, ["--db", str(tmp_path / "w.db"), "db", "migrate"]).output
    second = runner.invoke(main, ["--db", str(tmp_path / "w.db"), "db", "migrate"])
    assert "0 migration(s) applied now" in second.output


@pytest.mark.skipif(not PG_URL, reason="needs a PostgreSQL server: MISTRUST_TEST_PG_URL (make unit-postgres)")
def test_postgres_writer_waiting_past_the_timeout_is_store_busy_while_audit_rows_still_go_in(tmp_path: Path) -> None:
    import psycopg

    from mistrust.errors import StoreBusy
    from mistrust.store.postgres import WRITE_LOCK
    from mistrust.store.screening import list_runs, record_run

    schemas = Schemas(PG_URL)
    url = schemas.url_for(tmp_path / "w")
    db = PostgresDatabase(url, ALL_MIGRATIONS, busy_timeout=0.3)
    holder = psycopg.connect(url, autocommit=True)  # another writer, as a list load in another process
    try:
        holder.execute("SELECT pg_advisory_lock(%s)", (WRITE_LOCK,))
        with pytest.raises(StoreBusy) as caught, db.transaction() as conn:
            conn.execute("INSERT INTO skipped_inputs(source, reason, code) VALUES (?, ?, ?)", ("a", "b", "c"))
        assert caught.value.exit_code == 7 and caught.value.http_status == 503
        run_id = record_run(db, kind="query", query={"name": "Beside A Load"}, list_versions=[], algorithm="t",
                            threshold=0.7, hits=[])
        # the writer's thread writes it while the lock is still held: audit rows never take it
        assert db.writer.flush(5.0), db.writer.last_error
        assert [r["id"] for r in list_runs(db)] == [run_id]
        holder.execute("SELECT pg_advisory_unlock(%s)", (WRITE_LOCK,))
        with db.transaction() as conn:
            conn.execute("INSERT INTO skipped_inputs(source, reason, code) VALUES (?, ?, ?)", ("a", "b", "c"))
        assert [tuple(r) for r in db.query("SELECT source, reason, code FROM skipped_inputs")] == [("a", "b", "c")]
    finally:
        holder.close()
        db.close()
        schemas.drop_all()


@pytest.mark.skipif(not PG_URL, reason="needs a PostgreSQL server: MISTRUST_TEST_PG_URL (make unit-postgres)")
def test_postgres_writer_sends_runs_of_one_statement_together_in_their_order(tmp_path: Path) -> None:
    """The writer sends adjacent rows of one statement as one executemany: every row still goes
    in, and a later row for the same key still wins over an earlier one, across jobs too."""
    schemas = Schemas(PG_URL)
    db = PostgresDatabase(schemas.url_for(tmp_path / "w"), ALL_MIGRATIONS)
    upsert = "INSERT OR REPLACE INTO skipped_inputs(source, reason, code) VALUES (?, ?, ?)"
    plain = "INSERT INTO skipped_inputs(source, reason, code) VALUES (?, ?, ?)"
    try:
        db.writer.submit([(plain, ["first", "r", "c"]), (plain, ["second", "r", "c"]), (upsert, ["third", "r", "c"])])
        db.writer.submit([(plain, ["fourth", "r", "c"])])
        assert db.writer.flush(5.0), db.writer.last_error
        assert sorted(r[0] for r in db.query("SELECT source FROM skipped_inputs")) == [
            "first", "fourth", "second", "third"]
        keyed = ("INSERT OR REPLACE INTO screen_runs(id, at, kind, query, list_versions, algorithm, threshold,"
                 " hit_count, match_count, hits) VALUES (?,?,?,?,?,?,?,?,?,?)")

        def run(run_id: str, count: int) -> list[object]:
            return [run_id, "2026-01-01T00:00:00Z", "query", "{}", "[]", "t", 0.7, count, 0, "[]"]

        db.writer.submit([(keyed, run("a", 1)), (keyed, run("a", 2)), (keyed, run("b", 5))])
        db.writer.submit([(keyed, run("a", 3))])
        assert db.writer.flush(5.0), db.writer.last_error
        assert dict(tuple(r) for r in db.query("SELECT id, hit_count FROM screen_runs")) == {"a": 3, "b": 5}
    finally:
        db.close()
        schemas.drop_all()


def test_statement_runs_groups_each_text_when_every_job_orders_them_alike() -> None:
    from mistrust.store.writer import statement_runs

    parent, child, log = "INSERT parent", "INSERT child", "INSERT log"
    jobs = [[(parent, [1]), (child, [1, "x"])], [(parent, [2])], [(parent, [3]), (child, [3, "y"]), (log, ["z"])]]
    assert statement_runs(jobs) == [(parent, [[1], [2], [3]]), (child, [[1, "x"], [3, "y"]]), (log, [["z"]])]
    # a job that orders two texts the other way round: every statement stays where it was
    mixed = [[(parent, [1]), (child, [1])], [(child, [2]), (child, [3]), (parent, [2])]]
    assert statement_runs(mixed) == [(parent, [[1]]), (child, [[1], [2], [3]]), (parent, [[2]])]
    assert statement_runs([]) == []


@pytest.mark.skipif(not PG_URL, reason="needs a PostgreSQL server: MISTRUST_TEST_PG_URL (make unit-postgres)")
def test_postgres_writer_batch_is_one_transaction_in_one_pipeline(tmp_path: Path) -> None:
    """Hits of several runs, gathered into one batch, go in after the runs they refer to; a batch
    with one failing statement writes nothing, not even the slices answered before it."""
    import psycopg

    from mistrust.store.postgres import SLICE

    schemas = Schemas(PG_URL)
    db = PostgresDatabase(schemas.url_for(tmp_path / "w"), ALL_MIGRATIONS)
    runs = ("INSERT OR IGNORE INTO screen_runs(id, at, kind, query, list_versions, algorithm, threshold)"
            " VALUES (?,?,?,?,?,?,?)")
    hits = ("INSERT OR REPLACE INTO screen_hits(run_id, hit_id, entity_id, query_name, score, match, at, data)"
            " VALUES (?,?,?,?,?,?,?,?)")

    def job(run_id: str, *hit_ids: str) -> list[tuple[str, list[object]]]:
        at = "2026-01-01T00:00:00Z"
        return [(runs, [run_id, at, "query", "{}", "[]", "t", 0.7]),
                *[(hits, [run_id, h, "e", "Some Name", 0.9, 1, at, "{}"]) for h in hit_ids]]
    try:
        db._write_unlocked([job("r1", "h1"), job("r2"), job("r3", "h2", "h3")])
        assert sorted(tuple(r) for r in db.query("SELECT run_id, hit_id FROM screen_hits")) == [
            ("r1", "h1"), ("r3", "h2"), ("r3", "h3")]
        many = [f"m{k}" for k in range(3 * SLICE)]  # sent, and answered, in several slices
        with pytest.raises(psycopg.Error):  # a hit whose run is nowhere: the foreign key refuses it
            db._write_unlocked([job("r4", *many), [(hits, ["nowhere", "h5", "e", "n", 0.9, 1, "t", "{}"])]])
        assert sorted(r[0] for r in db.query("SELECT id FROM screen_runs")) == ["r1", "r2", "r3"]
        db._write_unlocked([job("r4", *many)])
        assert len(db.query("SELECT hit_id FROM screen_hits WHERE run_id = ?", ("r4",))) == len(many)
        db.writer.submit(job("r5", "h6"))  # the pool's connection is fine after the failed batch
        assert db.writer.flush(5.0), db.writer.last_error
        assert [r[0] for r in db.query("SELECT hit_id FROM screen_hits WHERE run_id = ?", ("r5",))] == ["h6"]
    finally:
        db.close()
        schemas.drop_all()


def test_sqlite_writer_runs_each_text_as_one_executemany_in_the_order_written(tmp_path: Path) -> None:
    """The SQLite writer (its thread, and an in-memory workspace's direct path) sends consecutive
    rows of one statement together, but never moves a statement past another: an update between
    two inserts still sees the first and not the second, and a later row for a key still wins."""
    insert = ("INSERT INTO screen_runs(id, at, kind, query, list_versions, algorithm, threshold, hit_count,"
              " match_count, hits) VALUES (?,?,?,?,?,?,?,?,?,?)")
    bump = "UPDATE screen_runs SET hit_count = hit_count + 10"
    upsert = insert + " ON CONFLICT(id) DO UPDATE SET hit_count = excluded.hit_count"

    def run(run_id: str, count: int) -> list[object]:
        return [run_id, "2026-01-01T00:00:00Z", "query", "{}", "[]", "t", 0.7, count, 0, "[]"]

    for where in (str(tmp_path / "w.db"), ":memory:"):
        db = SQLiteDatabase(where, ALL_MIGRATIONS)
        try:
            db.writer.submit([(insert, run("a", 1)), (insert, run("b", 2)), (bump, []), (insert, run("c", 3)),
                              (upsert, run("d", 4)), (upsert, run("d", 5))])
            db.writer.submit([(upsert, run("a", 6))])
            assert db.writer.flush(5.0), db.writer.last_error
            got = dict(tuple(r) for r in db.query("SELECT id, hit_count FROM screen_runs"))
            assert got == {"a": 6, "b": 12, "c": 3, "d": 5}, where
        finally:
            db.close()


def test_consecutive_runs_keep_every_statement_where_it_was() -> None:
    from mistrust.store.writer import consecutive_runs

    a, b = "INSERT a", "INSERT b"
    jobs = [[(a, [1]), (a, [2]), (b, [3])], [(b, [4]), (a, [5])]]
    assert consecutive_runs(jobs) == [(a, [[1], [2]]), (b, [[3], [4]]), (a, [[5]])]
    assert consecutive_runs([[], []]) == []
