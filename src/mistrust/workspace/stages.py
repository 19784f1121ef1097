"""The pure stage functions of the two heavy jobs, shared by every way of running them.

Each job is a ``Stage``: ``load(config) -> state`` builds what a worker keeps for its whole life
(the spaCy pipeline, the screening index), and ``run(state, batch) -> results`` turns one batch of
inputs into one result per input, in order. The single-process path, the process pool and the Ray
actors (``workspace/parallel.py``) all call these same functions; only who calls them differs.

Configs and results cross process boundaries, so they are plain picklable dataclasses; the state
never does (each worker loads its own). Nothing here touches a database: workers compute, the
parent process is the one writer. But the parent's time per result bounds what any number of
workers can deliver, so a worker hands back its results ready to write: a batch run's output lines
already encoded, and the store's parameter rows (built by the store's own pure row builders).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import orjson

from mistrust.errors import InputError, MistrustError, WorkerError
from mistrust.model import Hit, NameQuery, name_problem
from mistrust.model._ids import content_id
from mistrust.model.documents import Extraction
from mistrust.screen import ScreenIndex
from mistrust.screen.batch import RawRow, Row, parse_row
from mistrust.store import extraction as extraction_rows
from mistrust.store import monitoring as monitor_rows
from mistrust.store import review as review_rows
from mistrust.store import shared_files
from mistrust.store.screening import now
from mistrust.store.writer import Job

if TYPE_CHECKING:  # the analysis engine is imported where it runs (see load_extractor)
    from mistrust.extract.identifiers import IdentifierIndex
    from mistrust.extract.pipeline import ExtractOptions, Extractor, TextItem


@dataclass(frozen=True)
class SearchParams:
    """How ``ScreenIndex.search`` is called: threshold, hit limit and the lowest score kept."""

    threshold: float
    limit: int
    min_score: float


@dataclass(frozen=True)
class ScreenConfig:
    """What a screening worker needs: the index (as its shared file, or the object itself where
    no file is reachable: an in-memory workspace, a remote cluster) and the search parameters."""

    params: SearchParams
    index_path: str | None = None
    index: ScreenIndex | None = None


@dataclass
class ScreenState:
    index: ScreenIndex
    params: SearchParams

    def search(self, query: NameQuery) -> list[Hit]:
        p = self.params
        return self.index.search(query, threshold=p.threshold, limit=p.limit, min_score=p.min_score)


def load_screen_state(config: ScreenConfig) -> ScreenState:
    if config.index is not None:
        return ScreenState(config.index, config.params)
    if config.index_path is None:
        raise WorkerError("a screening worker was given no index")
    # The file is the one ``store.shared_files`` wrote next to the workspace (see its note on pickle).
    index = shared_files.load(Path(config.index_path))
    if not isinstance(index, ScreenIndex):
        raise WorkerError(f"{config.index_path} is not a screening index")
    return ScreenState(index, config.params)


def screen_rows(state: ScreenState, rows: list[Row]) -> list[list[Hit] | None]:
    """Hits for each row (None for a row that could not be read: its error line is the parent's)."""
    out: list[list[Hit] | None] = []
    for row in rows:
        try:
            out.append(None if row.query is None else state.search(row.query))
        except MistrustError:
            raise
        except Exception as exc:  # a worker's failure must say which row it was
            raise WorkerError(f"screening failed on row {row.number} ({row.query and row.query.name!r}): "
                              f"{type(exc).__name__}: {exc}", row=row.number) from exc
    return out


def apply_judgements(index: ScreenIndex, hits: list[Hit], judgements: Mapping[str, Mapping[str, Any]]) -> None:
    """A reviewer's decision (``judgements``: the newest per hit id) holds for later runs unless the
    list entry changed since."""
    for hit in hits:
        j = judgements.get(hit.id or "")
        if j is None:
            continue
        entity = index.entity(hit.entity_id)
        if entity is not None and entity.fingerprint() == j["entity_fingerprint"]:
            hit.judgement = j["decision"]


def seen_scores(hits: Iterable[Hit]) -> dict[str, float]:
    """What a subject hit, by entry: kept so a later list version can tell which hits are new."""
    return {h.entity_id: round(h.score, 4) for h in hits}


@dataclass(frozen=True)
class BatchRun:
    """One ``screen --input`` run as its workers see it: how to read its rows, the output file
    (the key of the rows it remembers), its run id and start (tagging its review-queue rows), and
    the reviewers' judgements as the run started (hit id -> newest judgement)."""

    kind: str
    max_name_length: int
    origin: str
    run_id: str
    started: str
    judgements: dict[str, dict[str, Any]] = field(default_factory=dict)


@dataclass(frozen=True)
class BatchConfig:
    screen: ScreenConfig
    run: BatchRun


@dataclass
class BatchState:
    screen: ScreenState
    run: BatchRun


@dataclass
class ScreenedBlock:
    """A block of batch rows, screened and ready to write: the output lines (JSON Lines, in order),
    the rows to remember for re-screening (``store.monitoring`` parameters), the review-queue job
    of the matches, the counts, and the first refused rows (for the summary)."""

    lines: bytes
    subjects: list[list[Any]]
    review: Job
    screened: int = 0
    errors: int = 0
    hits: int = 0
    matches: int = 0
    refused: list[dict[str, Any]] = field(default_factory=list)


# Bad rows named in an error or a run's summary; all of them are in the output either way.
MAX_REPORTED_ERRORS = 20


def load_batch_state(config: BatchConfig) -> BatchState:
    return BatchState(load_screen_state(config.screen), config.run)


def screen_blocks(state: BatchState, blocks: list[list[RawRow]]) -> list[ScreenedBlock]:
    """Each block of raw batch rows parsed, screened and encoded (``ScreenedBlock``)."""
    return [screen_block(state, block) for block in blocks]


def screen_block(state: BatchState, raws: list[RawRow]) -> ScreenedBlock:
    run = state.run
    rows = [parse_row(run.kind, raw, run.max_name_length) for raw in raws]
    results = screen_rows(state.screen, rows)
    out = ScreenedBlock(b"", [], [])
    lines: list[bytes] = []
    subjects: list[tuple[str, str, str, str | None, dict[str, Any], dict[str, float]]] = []
    matches: list[Hit] = []
    for row, hits in zip(rows, results, strict=True):
        if row.query is None or hits is None:
            out.errors += 1
            if len(out.refused) < MAX_REPORTED_ERRORS:
                out.refused.append({"row": row.number, "id": row.row_id, "error": row.error})
            line: dict[str, Any] = {"row": row.number, "id": row.row_id, "query": None, "error": row.error,
                                    "hits": []}
        else:
            if run.judgements:
                apply_judgements(state.screen.index, hits, run.judgements)
            out.screened += 1
            out.hits += len(hits)
            matches.extend(h for h in hits if h.match)
            line = {"row": row.number, "id": row.row_id, "query": row.query, "hits": hits}
            subjects.append((content_id("batch", run.origin, row.number), "batch", run.origin, row.row_id,
                             vars(row.query), seen_scores(hits)))
        lines.append(orjson.dumps(line, option=orjson.OPT_APPEND_NEWLINE))
    out.matches = len(matches)
    out.lines = b"".join(lines)
    out.subjects = monitor_rows.subject_params(subjects)
    out.review = review_rows.queue_job(matches, source="batch", at=run.started, run_id=run.run_id)
    return out


@dataclass(frozen=True)
class AnalyzeConfig:
    """What an analysing worker needs: the extraction options and the screening of the current
    lists (the entity ruler's names, the identifiers and the mention links all come from its index,
    so a worker gets a path, not the lists)."""

    options: ExtractOptions
    screen: ScreenConfig
    max_name_length: int


def list_names(index: ScreenIndex) -> list[tuple[str, str]]:
    """Every name and alias of the lists an index was built on, with its schema (for the entity ruler)."""
    return [(name, x.entity.schema) for x in index.entities for name in x.entity.all_names()]


def list_identifiers(index: ScreenIndex) -> IdentifierIndex:
    """The lists' identifiers (IMO, passport, registration numbers) that text mentions link to."""
    from mistrust.extract.identifiers import IdentifierIndex

    # The names the index matches (packed names split), which its hits carry: the linker's one-word
    # rule is checked against them before a one-word name is screened (``OneWordNames``).
    return IdentifierIndex.build(((x.entity, x.list_version) for x in index.entities),
                                 screened=(x.name for x in index.names))


def mention_screen(state: ScreenState, max_name_length: int) -> Callable[[NameQuery], list[Hit]]:
    """The linker's screening in a worker: the index search with the workspace's parameters."""
    def screen(query: NameQuery) -> list[Hit]:
        problem = name_problem(query.name, max_name_length)
        if problem is not None:  # as ``Workspace.screen`` refuses it
            raise InputError(f"cannot screen this name: {problem}", reason=problem)
        return state.search(query)
    return screen


def load_extractor(config: AnalyzeConfig) -> Extractor:
    # Imported here, not with the module: a screening worker unpickles its stage from this module
    # too, and the extraction pipeline's modules are two thirds of the module's import (0.16 s of
    # CPU after Ray Data, 0.08 s without them), paid again by every Ray actor as it starts.
    from mistrust.extract.pipeline import Extractor

    state = load_screen_state(config.screen)
    names = list_names(state.index)
    screen = mention_screen(state, config.max_name_length) if names else None
    return Extractor(config.options, list_names=names, screen=screen, identifiers=list_identifiers(state.index))


@dataclass
class AnalyzedDocument:
    """One document analysed and ready to store: its mentions (for the alerts they raise), its
    table rows and the review-queue job of its links to list entries."""

    extraction: Extraction
    rows: extraction_rows.ExtractionRows
    links: Job


def analyze_for_store(extractor: Extractor, items: list[TextItem]) -> list[AnalyzedDocument]:
    out = []
    extractions = analyze_documents(extractor, items)
    at = now()  # when the links reach the review queue
    for extraction in extractions:
        doc_id = extraction.doc_id or ""
        links = [h if isinstance(h, Hit) else Hit(**h) for m in extraction.entities for h in m.links]
        # the parent needs only the mentions (the alerts they raise): claims and attributions
        # travel once, as rows
        mentions = Extraction(entities=extraction.entities, status=extraction.status, doc_id=extraction.doc_id,
                              extractor=extraction.extractor)
        out.append(AnalyzedDocument(mentions, extraction_rows.extraction_rows(doc_id, extraction),
                                    review_rows.queue_job(links, source="link", at=at, doc_id=doc_id,
                                                          reopen_unjudged=False)))
    return out


def analyze_documents(extractor: Extractor, items: list[TextItem]) -> list[Extraction]:
    """Extractions of ``items`` in order (one ``nlp.pipe`` run per batch)."""
    try:
        return list(extractor.extract_many(items))
    except MistrustError:
        raise
    except Exception:
        pass  # find which document failed, so the error can name it
    for item in items:
        try:
            list(extractor.extract_many([item]))
        except Exception as exc:
            raise WorkerError(f"analysis failed on document {item.doc_id}: {type(exc).__name__}: {exc}",
                              doc_id=item.doc_id) from exc
    raise WorkerError(f"analysis failed on a batch of {len(items)} documents, but on none of them alone: "
                      f"{[item.doc_id for item in items]}")
