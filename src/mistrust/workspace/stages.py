"""The pure stage functions of the two heavy jobs, shared by every way of running them.

Each job is a ``Stage``: ``load(config) -> state`` builds what a worker keeps for its whole life
(the spaCy pipeline, the screening index), and ``run(state, batch) -> results`` turns one batch of
inputs into one result per input, in order. The single-process path, the process pool and the Ray
actors (``workspace/parallel.py``) all call these same functions; only who calls them differs.

Configs and results cross process boundaries, so they are plain picklable dataclasses; the state
never does (each worker loads its own). Nothing here touches the store: workers compute, the
parent process is the one writer.
"""

from __future__ import annotations

import pickle
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from mistrust.errors import InputError, MistrustError, WorkerError
from mistrust.extract.identifiers import IdentifierIndex
from mistrust.extract.pipeline import ExtractOptions, Extractor, TextItem
from mistrust.model import Hit, NameQuery, name_problem
from mistrust.model.documents import Extraction
from mistrust.screen import ScreenIndex
from mistrust.screen.batch import Row


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
    index = pickle.loads(Path(config.index_path).read_bytes())
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


@dataclass(frozen=True)
class AnalyzeConfig:
    """What an analysing worker needs: the extraction options, the listed names for the entity
    ruler and, when there are lists, the screening used to link mentions to them."""

    options: ExtractOptions
    list_names: tuple[tuple[str, str], ...]
    screen: ScreenConfig | None
    max_name_length: int
    identifiers: IdentifierIndex | None = None


def mention_screen(state: ScreenState, max_name_length: int) -> Callable[[NameQuery], list[Hit]]:
    """The linker's screening in a worker: the index search with the workspace's parameters."""
    def screen(query: NameQuery) -> list[Hit]:
        problem = name_problem(query.name, max_name_length)
        if problem is not None:  # as ``Workspace.screen`` refuses it
            raise InputError(f"cannot screen this name: {problem}", reason=problem)
        return state.search(query)
    return screen


def load_extractor(config: AnalyzeConfig) -> Extractor:
    screen = None
    if config.screen is not None:
        screen = mention_screen(load_screen_state(config.screen), config.max_name_length)
    return Extractor(config.options, list_names=config.list_names, screen=screen, identifiers=config.identifiers)


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
