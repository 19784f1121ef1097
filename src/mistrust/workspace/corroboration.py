"""Workspace methods for the corroboration room: corroborate, stories, get_story, story_claim_groups.

``corroborate()`` is incremental: it clusters only documents that have no story yet, resuming
the stored clusterer state of the stories near their dates, then recomputes the claim groups of
the stories that changed. A new document that bridges two stories merges them: the store moves
the merged story's documents to the surviving (older) story and keeps the old id as an alias,
so ``get_story`` on it still answers. Extractions are used when stored (``analyze``); without them stories
still form (cheap entity-key fallback) and claim groups stay empty until extraction runs.
"""

from __future__ import annotations

from collections import Counter
from datetime import timedelta
from typing import Any

from mistrust.corroborate import StoryClusterer, StoryState, build_claim_groups, doc_features
from mistrust.corroborate.stories import ALGORITHM
from mistrust.errors import NotFoundError
from mistrust.model import ClaimGroup, Document, Extraction, Story
from mistrust.store import corroboration as store
from mistrust.store.extraction import analyzed_ids
from mistrust.workspace.base import WorkspaceBase


def _basis(doc_ids: list[str], analyzed: set[str]) -> str:
    return ",".join(sorted(d for d in doc_ids if d in analyzed))


class CorroborationMixin(WorkspaceBase):
    def _corr_extraction(self, doc_id: str) -> Extraction | None:
        try:
            return self.rooms().extraction_for(doc_id)
        except NotFoundError:  # not analysed yet: entity keys fall back to the text itself
            return None

    def _corr_new_documents(self, done: set[str]) -> list[Document]:
        new_ids = [i for i in self.rooms().document_ids() if i not in done]  # ids first: read only new ones
        return self.rooms().get_documents(new_ids) if new_ids else []

    def _corr_analyzed(self) -> set[str]:
        return analyzed_ids(self.db)

    def corroborate(self, refresh_claims: bool = False) -> list[Story]:
        """Place new documents in stories; recompute claim groups of the stories that changed.

        ``refresh_claims`` recomputes every story's claim groups (e.g. after a later ``analyze``).
        Returns the stories that changed.
        """
        done = store.assigned_doc_ids(self.db)
        new = self._corr_new_documents(done)
        touched: set[str] = set()
        if new:
            feats = []
            progress = self.report("corroborate: reading new documents")
            for n, d in enumerate(new, start=1):
                feats.append(doc_features(d, self._corr_extraction(d.id)))
                if progress is not None:
                    progress(n, len(new))
            clusterer = StoryClusterer(window_days=self.settings.story_window_days,
                                       threshold=self.settings.story_threshold)
            dated = [f.date for f in feats if f.date is not None]
            since = (min(dated) - timedelta(days=clusterer.max_span_days)).isoformat() if dated else None
            df, n_docs = store.load_df(self.db)
            clusterer.load([StoryState.from_json(s) for s in store.load_states(self.db, since)], df, n_docs)
            clusterer.observe(feats)
            delta: Counter[str] = Counter()
            for f in feats:
                delta.update(f.terms.keys())
                delta.update(f"e:{e}" for e in f.entities)
                delta.update(f.phrases)  # word pairs: their rarity decides the undated "phrases" anchor
            # story ids already follow any merge
            assignments = clusterer.add_batch(feats, progress=self.report("corroborate: placing documents in stories"))
            touched = {a.story_id for a in assignments}
            touched.update(clusterer.resolve(keep) for _, keep in clusterer.merges)
            store.save_clustering(
                self.db,
                [clusterer.stories[sid].to_json() for sid in sorted(touched)],
                [(a.doc_id, a.story_id, a.score, a.reason) for a in assignments],
                dict(delta),
                clusterer.n_docs,
                ALGORITHM,
                clusterer.merges,
            )
        analyzed = self._corr_analyzed()
        stale = set(touched)
        for sid, (doc_ids, basis) in store.story_docs_and_basis(self.db).items():
            # documents analysed since the claim groups were computed (or a forced refresh)
            if refresh_claims or _basis(doc_ids, analyzed) != basis:
                stale.add(sid)
        progress = self.report("corroborate: claim groups of changed stories")
        for n, sid in enumerate(sorted(stale), start=1):
            self._corr_claim_groups(sid, analyzed)
            if progress is not None:
                progress(n, len(stale))
        return [store.get_story(self.db, sid) for sid in sorted(stale)]

    def _corr_claim_groups(self, story_id: str, analyzed: set[str]) -> list[ClaimGroup]:
        story = store.get_story(self.db, story_id)
        docs = [(self.rooms().get_document(d), self._corr_extraction(d) if d in analyzed else None) for d in story.documents]
        groups = build_claim_groups(story_id, docs)
        store.save_claim_groups(self.db, story_id, groups, _basis(story.documents, analyzed))
        return groups

    def stories(self, limit: int = 1000, offset: int = 0, min_docs: int = 1) -> list[Story]:
        """Stories, biggest first (claim groups not filled: use get_story)."""
        return store.list_stories(self.db, limit=limit, offset=offset, min_docs=min_docs)

    def get_story(self, story_id: str) -> Story:
        return store.get_story(self.db, story_id)

    def story_claim_groups(self, story_id: str) -> list[ClaimGroup]:
        store.get_story(self.db, story_id)  # NotFoundError for an unknown story (merged ids resolve)
        return store.claim_groups(self.db, story_id)

    def story_of(self, doc_id: str) -> str | None:
        """Id of the story a document was placed in (None before corroborate())."""
        return store.story_of(self.db, doc_id)

    def story_assignments(self, story_id: str) -> list[dict[str, Any]]:
        """Why each document joined the story (similarity score and reason), in joining order."""
        return store.story_assignments(self.db, story_id)
