"""Workspace methods for the extraction room: extract_text, analyze, extraction_for, entities, claims.

The Extractor is built once per set of current lists (``lists_state()``): its entity ruler gets the
list names and aliases from ``current_lists()`` and its linker screens through ``self.screen(...,
record=False)`` (mention links are not analyst queries, so they stay out of the audit trail).
Other rooms' methods (lists, screening, reading, corroboration) are reached through ``self.rooms()``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any

from mistrust.errors import NotFoundError
from mistrust.extract.actors import resolve as resolve_actors
from mistrust.extract.pipeline import ExtractOptions, Extractor, TextItem, attribution_json, extraction_json
from mistrust.gc_pause import release_loaded
from mistrust.model.actors import Actor
from mistrust.model.documents import Attribution, Claim, Document, Extraction
from mistrust.model.screening import Hit, NameQuery
from mistrust.store import actors as actor_store
from mistrust.store import extraction as store
from mistrust.workspace.base import WorkspaceBase
from mistrust.workspace.parallel import Runner, Stage, load_state, runner_for, tapered, warn_stderr
from mistrust.workspace.stages import (
    AnalyzeConfig,
    AnalyzedDocument,
    analyze_for_store,
    list_identifiers,
    list_names,
    load_extractor,
)

BATCH_DOCS = 32  # documents per batch handed to a worker (one nlp.pipe run)
# The last documents of a run go in batches of 8 (about a second of work each), so that the
# workers finish together (see parallel.tapered); the results do not depend on the batches.
TAIL_DOCS, TAIL_BATCH = 4 * BATCH_DOCS, 8
ANALYZE: Stage[AnalyzeConfig, Extractor, TextItem, AnalyzedDocument] = Stage(
    "analysis", load_extractor, analyze_for_store)


class ExtractionMixin(WorkspaceBase):
    _extractor_cache: tuple[str, Extractor] | None = None

    def extractor(self) -> Extractor:
        """The pipeline for the current lists (rebuilt when the set of current lists changes)."""
        state = (f"{self.rooms().lists_state()}|nominals={self.settings.extract_nominals}"
                 f"|tagger={self.settings.attribution_tagger}")
        if self._extractor_cache is not None and self._extractor_cache[0] == state:
            return self._extractor_cache[1]
        if self._extractor_cache is not None:
            # the lists changed: the old extractor was frozen out of the collector, and its
            # pipeline's reference cycles would stay for the life of the process
            self._extractor_cache = None
            release_loaded()
        index = self._screening().screen_index()  # the current lists, already read and indexed
        names = list_names(index)
        screen = self._screen_mention if names else None
        # Built as a worker builds its state (``load_state``): the collector paused while the
        # pipeline, the ruler's patterns and the identifier index are made, then all frozen. The
        # extractor lives as long as the lists do, and the full collections that extraction's
        # garbage triggers otherwise walk its objects each time to no avail (about 120,000 made
        # after the index's own freeze: 0.3 s of collections per 100 articles, 0.1 s frozen).
        extractor = load_state(lambda _: Extractor(self._extract_options(), list_names=names, screen=screen,
                                                   identifiers=list_identifiers(index)), None)
        self._extractor_cache = (state, extractor)
        return extractor

    def _screening(self) -> Any:
        return self  # the screening room's methods, on the same Workspace

    def _extract_options(self) -> ExtractOptions:
        return ExtractOptions(model=self.settings.spacy_model, link_threshold=self.settings.link_threshold,
                              nominals=self.settings.extract_nominals,
                              attribution_tagger=self.settings.attribution_tagger)

    def _analyze_config(self, runner: Runner) -> AnalyzeConfig:
        """What each worker builds its Extractor from: the same options as ``extractor()``, the
        current lists' index (names, identifiers and mention links as ``screen(record=False)``
        gives them; the judgements stay with the parent: the linker does not read them)."""
        ws = self._screening()
        screen = ws._screen_config(ws.screen_index(), ws._search_params(None, None), runner)
        return AnalyzeConfig(self._extract_options(), screen, self.settings.max_name_length)

    def _screen_mention(self, query: NameQuery) -> list[Hit]:
        return self.rooms().screen(query, record=False)

    # -- contract ------------------------------------------------------------------------------

    def extract_text(self, text: str) -> Extraction:
        """Extraction of one text; nothing is stored."""
        return self.extractor().extract(text)

    def extract_many(self, items: list[TextItem]) -> Iterator[Extraction]:
        """Extractions of many texts in one run of the model (``nlp.pipe``); nothing is stored."""
        return self.extractor().extract_many(items)

    def extract_texts(self, texts: Iterable[tuple[str, str | None]]) -> Iterator[Extraction]:
        """``extract_many`` over ``(text, publication date)`` pairs."""
        return self.extract_many([TextItem(text=text, published=published) for text, published in texts])

    @staticmethod
    def extraction_json(extraction: Extraction) -> dict[str, Any]:
        """The ``mistrust extract --json`` shape of an extraction."""
        return extraction_json(extraction)

    @staticmethod
    def attribution_json(attribution: Attribution) -> dict[str, Any]:
        return attribution_json(attribution)

    def analyze(self, doc_ids: list[str] | None = None, force: bool = False, *, workers: int = 1,
                ray_address: str | None = None, backend: str = "auto",
                warn: Callable[[str], None] = warn_stderr) -> int:
        """Extract and store every given document (default: every document not analysed yet).

        Each extraction is stored as it arrives, so a stopped run resumes where it stopped (the
        default skips analysed documents). ``workers`` > 1 extracts on Ray or a process pool
        (``workspace/parallel.py``); this process still reads the documents and writes the store.
        """
        if doc_ids is None:
            done = set() if force else store.analyzed_ids(self.db)
            doc_ids = [d for d in self.rooms().document_ids() if d not in done]
        if not doc_ids:
            return 0
        runner = runner_for(workers, ray_address, self.extractor, warn, backend)
        count = 0
        fresh = set(doc_ids) - store.analyzed_ids(self.db)  # analysed for the first time: they may raise alerts
        progress = self.report("analyze")
        # Workers hand back each document's rows ready to insert: this process reads the documents
        # and writes each batch in one transaction.
        for analysed in runner.map(ANALYZE, lambda: self._analyze_config(runner), self._items(doc_ids)):
            store.save_extractions(self.db, [d.rows for d in analysed])
            links = [statement for d in analysed for statement in d.links]
            if links:
                self.db.write_job(links)
            count += len(analysed)
            self.rooms().raise_alerts([d.extraction for d in analysed if d.extraction.doc_id in fresh])
            if progress is not None:
                progress(count, len(doc_ids))
        self.resolve_actors()
        return count

    def _items(self, doc_ids: list[str]) -> Iterator[list[TextItem]]:
        """The documents to analyse, a batch (one read) at a time."""
        for ids in tapered(doc_ids, BATCH_DOCS, TAIL_DOCS, TAIL_BATCH):
            documents = self.rooms().get_documents(ids)
            if len(documents) < len(ids):
                missing = sorted(set(ids) - {d.id for d in documents})
                raise NotFoundError(f"no document {missing[0]}", doc_id=missing[0])
            yield [self._item(document) for document in documents]

    def resolve_actors(self) -> list[Actor]:
        """Recompute the actors of the whole workspace (a new document may join two old ones)."""
        actors = resolve_actors(store.mentions_of_all(self.db))  # the tagger's own labels
        actor_store.save_actors(self.db, actors)
        return actors

    def actors(self, q: str | None = None, limit: int = 100, offset: int = 0, *, sort: str | None = None,
               label: str | None = None, listed: bool = False) -> list[Actor]:
        """Resolved actors, most mentioned first (``q``: a part of any of their names; ``listed``: only
        actors linked to a list entry; ``sort``: see ``sort_keys("actors")``)."""
        return actor_store.list_actors(self.db, q=q, limit=limit, offset=offset, sort=sort, label=label,
                                       listed=listed)

    def count_actors(self, q: str | None = None, label: str | None = None, listed: bool = False) -> int:
        return actor_store.count_actors(self.db, q=q, label=label, listed=listed)

    def actor_labels(self) -> list[str]:
        return actor_store.actor_labels(self.db)

    def find_actor(self, name: str) -> Actor | None:
        """The actor shown under ``name`` (any case), or None."""
        return actor_store.find_actor(self.db, name)

    def claims_page(self, q: str | None = None, status: str | None = None, predicate: str | None = None,
                    sort: str | None = None, limit: int = 50, offset: int = 0) -> list[Claim]:
        """One page of every stored claim (``sort``: see ``sort_keys("claims")``)."""
        return store.claims_page(self.db, q=q, status=status, predicate=predicate, sort=sort, limit=limit,
                                 offset=offset)

    def count_claims(self, q: str | None = None, status: str | None = None, predicate: str | None = None) -> int:
        return store.count_claims(self.db, q=q, status=status, predicate=predicate)

    def claim_facets(self) -> dict[str, list[str]]:
        """The statuses and predicates stored claims use."""
        return store.claim_facets(self.db)

    def documents_linked_to(self, entity_id: str, limit: int = 50, offset: int = 0) -> list[dict[str, Any]]:
        """Documents whose mentions are linked to list entry ``entity_id``, with the best tier and why."""
        return store.documents_linked_to(self.db, entity_id, limit=limit, offset=offset)

    def count_documents_linked_to(self, entity_id: str) -> int:
        return store.count_documents_linked_to(self.db, entity_id)

    def actor_mention_spans(self, actor_id: str, limit: int = 50, offset: int = 0) -> list[dict[str, Any]]:
        return store.actor_mention_spans(self.db, actor_id, limit=limit, offset=offset)

    def get_actor(self, actor_id: str) -> Actor:
        actor = actor_store.get_actor(self.db, actor_id)
        if actor is None:
            raise NotFoundError(f"no actor {actor_id}", actor_id=actor_id)
        return actor

    def extraction_for(self, doc_id: str) -> Extraction:
        extraction = store.load_extraction(self.db, doc_id)
        if extraction is None:
            raise NotFoundError(f"no extraction stored for document {doc_id} (run: mistrust analyze)",
                                doc_id=doc_id)
        return extraction

    def entities(self, q: str | None = None, limit: int = 100, offset: int = 0) -> list[dict[str, Any]]:
        return store.aggregate_entities(self.db, q=q, limit=limit, offset=offset)

    def claims_about(self, name: str) -> list[Claim]:
        """Claims whose subject or object is the actor ``name`` (any case)."""
        return store.claims_about(self.db, name)

    def claims(self, doc_id: str | None = None, story_id: str | None = None) -> list[Claim]:
        if story_id is not None:
            ids = [cid for group in self.rooms().story_claim_groups(story_id) for cid in group.claims]
            claims = store.claims_by_id(self.db, ids)
            return [c for c in claims if doc_id is None or c.doc_id == doc_id]
        if doc_id is not None:
            return store.list_claims(self.db, [doc_id])
        return store.list_claims(self.db)

    # -- helpers -------------------------------------------------------------------------------

    @staticmethod
    def _item(document: Document) -> TextItem:
        return TextItem(text=document.text, doc_id=document.id, published=document.published)
