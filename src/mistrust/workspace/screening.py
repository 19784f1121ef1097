"""Workspace methods for the screening room: screen, batch, compare, audit (judging: ``review.py``).

The screening index is built from the current lists (``current_lists()``) and cached twice:
in memory on the Workspace, and on disk next to the database (``<db>.index/``, shared between
processes by ``store.shared_files``), both keyed by the current list versions, so a CLI call
does not parse and index every list again.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, BinaryIO

from mistrust.errors import InputError, NotFoundError
from mistrust.gc_pause import keep_loaded
from mistrust.model import Hit, ListEntity, NameQuery, name_problem
from mistrust.model._ids import content_id
from mistrust.screen import ALGORITHM, ScreenIndex, compare_record
from mistrust.screen.batch import RawRow, completed_rows, input_kind, raw_rows, text_lines
from mistrust.screen.explain import explain
from mistrust.screen.index import INDEX_FORMAT
from mistrust.store import monitoring as monitor_store
from mistrust.store import review as review_store
from mistrust.store import screening as store
from mistrust.store import shared_files
from mistrust.workspace.base import WorkspaceBase
from mistrust.workspace.parallel import RayData, Runner, Stage, batched, runner_for, warn_stderr
from mistrust.workspace.stages import (
    MAX_REPORTED_ERRORS,
    BatchConfig,
    BatchRun,
    BatchState,
    ScreenConfig,
    ScreenedBlock,
    ScreenState,
    SearchParams,
    apply_judgements,
    load_batch_state,
    screen_blocks,
)

BATCH_FOLDER = "batches"  # <db>.batches/: files sent from the web and their results
UPLOAD_SUFFIXES = (".csv", ".tsv", ".jsonl", ".ndjson", ".txt")
BATCH_ROWS = 500  # rows per batch handed to a worker
# Rows remembered for re-screening per write job. Their ids are hashes, so each row lands on a
# random page of the table's key index, and a transaction writes (to the WAL, and again at the
# checkpoint) every page it touched: 500 rows a transaction (one batch) cost the parent's writer
# 9 - 13 us of CPU a row in a workspace of 100,000 - 300,000 subjects, 5,000 rows 6.5 - 10 (more
# as the table grows). What a run holds here is handed over when it stops (see screen_file); only a
# hard kill loses it, as it loses what the writer has queued.
SUBJECT_ROWS = 5000
# A batch of names takes an actor about 0.1 s, so a Ray Data block's fixed cost (``Stage``) is
# worth spreading over 16 of them (8,000 names).
SCREEN_BLOCKS: Stage[BatchConfig, BatchState, list[RawRow], ScreenedBlock] = Stage(
    "screening", load_batch_state, screen_blocks, per_block=16)


class ScreeningMixin(WorkspaceBase):
    _screen_index_cache: ScreenIndex | None = None

    # -- the index ---------------------------------------------------------------------------
    def _lists_api(self) -> Any:
        # The lists room's methods (current_lists, lists_state, get_entity) live on the same
        # Workspace through ListsMixin; typed as Any because this mixin does not inherit it.
        return self

    def screen_index(self) -> ScreenIndex:
        """The index over the current lists, built once per set of current list versions.

        Kept in memory on the Workspace and in ``<db>.index/<key>.pickle``, shared by every
        process: one builds it under a file lock, the others wait and read it
        (``store.shared_files``). The key is the current versions, the index format and the
        algorithm, so a list change or a new release never reads a stale index.
        """
        lists = self._lists_api()
        state = str(lists.lists_state())
        cached = self._screen_index_cache
        if cached is not None and cached.state == state:
            return cached

        def build() -> ScreenIndex:
            loaded = lists.current_lists()
            # the first screen after a load spends seconds here: say so, with the versions it reads
            names = ", ".join(f"{x.version.list_name} {x.version.published or x.version.id[:12]}" for x in loaded)
            return ScreenIndex.build(loaded, state=state,
                                     progress=self.report(f"building screening index for {names or 'no lists'}"))

        index: ScreenIndex = shared_files.read_or_build(
            self.side_folder("index"), self._index_key(state), build,
            valid=lambda obj: isinstance(obj, ScreenIndex) and obj.state == state)
        self._screen_index_cache = index
        keep_loaded()  # a long-lived process keeps it: full collections need not walk it again
        return index

    def memory_index(self) -> ScreenIndex | None:
        """The index ``screen`` would use, when that is known without the store: it is current by an
        answer known without asking (``known_fresh``), no reviewer judgements are there to read, and
        the audit rows only queue (``screen_from_memory`` screens with it); None otherwise."""
        cached = self._screen_index_cache
        if cached is None or not self.db.writer.queues:
            return None
        known_state, state = self.known_fresh("lists_state")
        known_judged, judged = self.known_fresh("has_judgements")
        return cached if known_state and state == cached.state and known_judged and not judged else None

    @staticmethod
    def _index_key(state: str) -> str:
        return content_id(state, INDEX_FORMAT, ALGORITHM)

    def screen_index_file(self) -> Path | None:
        """The shared file of the current index (workers load it from there); None if there is none."""
        folder = self.side_folder("index")
        if folder is None:
            return None
        path = folder / f"{self._index_key(str(self._lists_api().lists_state()))}{shared_files.SUFFIX}"
        return path if path.is_file() else None

    def _screen_config(self, index: ScreenIndex, params: SearchParams, runner: Runner) -> ScreenConfig:
        """Workers read the index file when they can reach it (this machine); a remote cluster, or a
        workspace without the file, gets the index itself (Ray ships it through its object store)."""
        path = self.screen_index_file()
        if path is None or (isinstance(runner, RayData) and runner.address is not None):
            return ScreenConfig(params, index=index)
        return ScreenConfig(params, index_path=str(path))

    # -- screening ---------------------------------------------------------------------------
    def _as_query(self, query: str | NameQuery) -> NameQuery:
        if isinstance(query, str):
            query = NameQuery(name=query)
        problem = name_problem(query.name, self.settings.max_name_length)
        if problem is not None:
            raise InputError(f"cannot screen this name: {problem}", reason=problem)
        return query

    def _search_params(self, threshold: float | None, limit: int | None) -> SearchParams:
        thr = self.settings.screen_threshold if threshold is None else threshold
        return SearchParams(threshold=thr, limit=self.settings.screen_limit if limit is None else limit,
                            min_score=min(self.settings.screen_min_score, thr))

    def _search(self, index: ScreenIndex, query: NameQuery, threshold: float | None, limit: int | None) -> list[Hit]:
        return ScreenState(index, self._search_params(threshold, limit)).search(query)

    def _apply_judgements(self, index: ScreenIndex, hits: list[Hit]) -> None:
        """A reviewer's decision holds for later runs unless the list entry changed since."""
        # judged first: the answer, known for a while, lets a server screen from memory
        # (memory_index) even while its queries find nothing
        if not self._judged() or not hits:
            return
        apply_judgements(index, hits, store.latest_judgements(self.db, [h.id for h in hits if h.id]))

    def _judged(self) -> bool:
        return bool(self.fresh("has_judgements", lambda: store.has_judgements(self.db)))

    def screen(self, query: str | NameQuery, threshold: float | None = None, limit: int | None = None,
               record: bool = True) -> list[Hit]:
        """Ranked, explained hits for one name; recorded in the audit trail unless ``record=False``."""
        q = self._as_query(query)
        return self._screen_with(self.screen_index(), q, threshold, limit, record, judgements=True)

    def screen_from_memory(self, query: str | NameQuery, threshold: float | None = None, limit: int | None = None,
                           record: bool = True) -> list[Hit] | None:
        """``screen``, answered without the store or a wait (``memory_index``); None when it cannot be.

        The index and the answer that nothing is judged are taken once, by the check itself: a
        second look (``screen``'s own) could find them expired a moment later and read the store,
        or build an index, on the caller's thread (a server's event loop)."""
        index = self.memory_index()
        if index is None:
            return None
        return self._screen_with(index, self._as_query(query), threshold, limit, record, judgements=False)

    def _screen_with(self, index: ScreenIndex, q: NameQuery, threshold: float | None, limit: int | None,
                     record: bool, judgements: bool) -> list[Hit]:
        """One screening on ``index`` (reviewers' judgements read when ``judgements``), then its audit rows."""
        hits = self._search(index, q, threshold, limit)
        if judgements:
            self._apply_judgements(index, hits)
        if record:
            run_id = store.record_run(
                self.db, kind="query", query=q.to_dict(), list_versions=index.list_versions, algorithm=ALGORITHM,
                threshold=self.settings.screen_threshold if threshold is None else threshold, hits=hits,
            )
            matches = [h for h in hits if h.match]
            if matches:  # to the review queue, by the same background writer as the audit rows
                self.db.writer.submit(review_store.queue_job(matches, source="screen", at=store.now(), run_id=run_id))
        return hits

    def screen_batch(self, queries: Sequence[str | NameQuery], threshold: float | None = None,
                     limit: int | None = None) -> list[list[Hit]]:
        """Screen every query, each recorded like ``screen``, but only once all have been checked:
        one bad name refuses the whole batch (InputError listing every bad row) and records nothing."""
        bad = [f"row {n}: {problem}" for n, q in enumerate(queries, start=1)
               if (problem := name_problem(q if isinstance(q, str) else q.name, self.settings.max_name_length))]
        if bad:
            more = f" (and {len(bad) - MAX_REPORTED_ERRORS} more)" if len(bad) > MAX_REPORTED_ERRORS else ""
            raise InputError(f"{len(bad)} of {len(queries)} names cannot be screened, nothing was screened: "
                             + "; ".join(bad[:MAX_REPORTED_ERRORS]) + more, rows=len(bad))
        return [self.screen(q, threshold=threshold, limit=limit) for q in queries]

    def screen_many(self, queries: Iterable[str | NameQuery], threshold: float | None = None,
                    limit: int | None = None) -> Iterator[list[Hit]]:
        """Hits for each query in turn (not recorded one by one: ``screen_file`` records the batch)."""
        index = self.screen_index()
        for query in queries:
            hits = self._search(index, self._as_query(query), threshold, limit)
            self._apply_judgements(index, hits)
            yield hits

    def screen_file(self, input_path: str | Path, output_path: str | Path, resume: bool = True,
                    threshold: float | None = None, limit: int | None = None,
                    progress: Callable[[int, int], None] | None = None, *, workers: int = 1,
                    ray_address: str | None = None, backend: str = "auto",
                    warn: Callable[[str], None] = warn_stderr, user: str | None = None) -> dict[str, Any]:
        """Screen every row of ``input_path`` into JSON Lines at ``output_path`` (see ``screen.batch``).

        ``progress(bytes_read, total_bytes)`` is called now and then. Returns counts and the run id.
        ``workers`` > 1 screens on Ray or a process pool (``workspace/parallel.py``); this process
        still reads the input and writes every line, in input order. ``user`` is recorded with the run.
        """
        src, out = Path(input_path), Path(output_path)
        if not src.is_file():
            raise NotFoundError(f"batch input not found: {src}")
        done = completed_rows(out) if resume else 0
        index = self.screen_index()
        params = self._search_params(threshold, limit)
        # The run id is known before the first row, so the batch's matches go to the review queue
        # as they are found, tagged with it (in jobs of the background writer: the batch never waits).
        started = store.now()
        run_id = content_id(started, str(src), str(out), ALGORITHM, params.threshold)
        run = BatchRun(input_kind(src), self.settings.max_name_length, str(out), run_id, started,
                       store.all_latest_judgements(self.db) if self._judged() else {})
        runner = runner_for(workers, ray_address, lambda: BatchState(ScreenState(index, params), run), warn, backend)
        total = src.stat().st_size
        counts = {"rows": 0, "skipped_done": done, "screened": 0, "errors": 0, "matches": 0, "hits": 0}
        # The first few refused rows, for the summary (all of them are in the output file).
        refused: list[dict[str, Any]] = []
        with src.open("rb") as raw, out.open("ab" if resume else "wb") as sink:
            def todo() -> Iterator[RawRow]:
                for row in raw_rows(raw, run.kind, str(src)):
                    counts["rows"] += 1
                    if row[0] > done:
                        yield row

            # This process only reads rows and writes what the workers made of them: the lines,
            # the rows remembered for re-screening, the matches for the review queue.
            config = lambda: BatchConfig(self._screen_config(index, params, runner), run)  # noqa: E731
            subjects: list[list[Any]] = []  # rows to remember, not yet handed to the writer
            try:
                for block in runner.map(SCREEN_BLOCKS, config, batched(batched(todo(), BATCH_ROWS), 1)):
                    for part in block:
                        sink.write(part.lines)
                        subjects += part.subjects
                        if part.review:
                            self.db.writer.submit(part.review)
                        for key in ("screened", "errors", "hits", "matches"):
                            counts[key] += getattr(part, key)
                        refused.extend(part.refused[:MAX_REPORTED_ERRORS - len(refused)])
                    if len(subjects) >= SUBJECT_ROWS:
                        monitor_store.queue_subject_params(self.db, subjects)
                        subjects = []
                    if progress is not None:
                        sink.flush()
                        progress(raw.tell(), total)
            finally:  # a stopped run remembers every row it wrote, as a finished one does
                monitor_store.queue_subject_params(self.db, subjects)
            if progress is not None:
                progress(total, total)
        store.record_run(
            self.db, kind="batch", query={"input": str(src), "output": str(out), **counts,
                                          **({"user": user} if user else {})},
            list_versions=index.list_versions, algorithm=ALGORITHM, threshold=params.threshold, hits=[],
            hit_count=counts["hits"], match_count=counts["matches"], run_id=run_id,
        )
        return {"run_id": run_id, "input": str(src), "output": str(out), **counts, "refused": refused}

    # -- batches sent from the web -------------------------------------------------------------
    def screen_upload(self, filename: str, data: bytes, user: str | None = None) -> dict[str, Any]:
        """Screen a file sent from the web exactly as ``screen --input`` screens one (``screen_file``).

        The file and its results are kept in ``<db>.batches/<id>/`` (the workspace's side folder),
        named by the file's own suffix so it is read as the CLI reads it; ``batch_results`` finds
        the results file again from the run id.
        """
        folder = self.side_folder(BATCH_FOLDER)
        if folder is None:
            raise InputError("an in-memory workspace has no folder to keep a batch file in")
        suffix = Path(filename).suffix.lower()
        if suffix not in UPLOAD_SUFFIXES:
            raise InputError(f"a batch file ends in {', '.join(UPLOAD_SUFFIXES)}; got {filename!r}")
        if not data.strip():
            raise InputError("the batch file is empty")
        batch = folder / content_id(store.now(), filename, hashlib.sha256(data).hexdigest())[:16]
        batch.mkdir(parents=True, exist_ok=True)
        src = batch / f"input{suffix}"
        src.write_bytes(data)
        result = self.screen_file(src, batch / "hits.jsonl", resume=False, user=user)
        return {**result, "filename": filename}

    def batch_run(self, run_id: str) -> dict[str, Any]:
        """One batch run's record (counts, input, output, user), for the page that reports it."""
        self.settle_writes()
        run = store.get_run(self.db, run_id)
        if run is None or run["kind"] != "batch":
            raise NotFoundError(f"no batch run {run_id!r}")
        return run

    def batch_results(self, run_id: str, *, user: str | None = None, channel: str = "python") -> Path:
        """The results file of a batch screened from the web (``screen_upload``), by its run id (logged)."""
        run = self.batch_run(run_id)
        folder = self.side_folder(BATCH_FOLDER)
        out = Path(str(run["query"].get("output", "")))
        # only files this workspace wrote into its batch folder: a CLI batch's output is the user's own file
        if folder is None or out.parent.parent != folder or not out.is_file():
            raise NotFoundError(f"no results file of a batch sent from the web for run {run_id!r}")
        self.record_export("batch_results", {"run": run_id, "file": str(out)}, user, channel)
        return out

    @staticmethod
    def explain(hit: Hit) -> list[str]:
        """Why a hit scored as it did, one line per feature."""
        return explain(hit)

    # -- compare, audit, judge ---------------------------------------------------------------
    def compare(self, record: dict[str, Any]) -> dict[str, Any]:
        """Score two names (and optional facts) with the current algorithm (``screen.algorithm.ALGORITHM``); nothing is stored."""
        return compare_record(record, self.settings.screen_threshold, self.settings.max_name_length)

    def compare_lines(self, stream: BinaryIO, source: str = "<stdin>") -> Iterator[dict[str, Any]]:
        """``compare`` for each JSON line of ``stream``: one result per non-blank line, in order.

        A line that cannot be compared (not JSON, undecodable, a bad name) gives
        ``{"line", "error", "detail"}`` in its place and the rest go on.
        """
        for number, line in enumerate(text_lines(stream, source), start=1):
            if not line.strip():
                continue
            try:
                yield self.compare(json.loads(line))
            except (ValueError, RecursionError) as exc:
                reason = exc.msg if isinstance(exc, json.JSONDecodeError) else "not JSON"
                yield {"line": number, "error": "input", "detail": f"line {number}: {reason}"}
            except InputError as exc:
                yield {"line": number, "error": exc.code, "detail": f"line {number}: {exc.message}"}

    def audit_runs(self, limit: int = 100, offset: int = 0) -> list[dict[str, Any]]:
        self.settle_writes()
        return store.list_runs(self.db, limit, offset)

    def _entity_now(self, entity_id: str) -> ListEntity | None:
        index = self._screen_index_cache
        entity = index.entity(entity_id) if index is not None else None
        if entity is not None:
            return entity
        try:
            found, _versions = self._lists_api().get_entity(entity_id)
            return found if isinstance(found, ListEntity) else None
        except (NotFoundError, AttributeError):
            return None
