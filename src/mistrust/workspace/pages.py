"""Workspace methods behind the browsing pages: the dashboard, sort keys of the lists, actor
profiles, and list versions named the way people name them (list and date, never the hash id)."""

from __future__ import annotations

from typing import Any

from mistrust.errors import InputError, NotFoundError
from mistrust.model import Document, Extraction
from mistrust.report.content import build_report
from mistrust.report.profile import ActorProfile, build_profile
from mistrust.store import actors as actor_store
from mistrust.store import corroboration as story_store
from mistrust.store import documents as document_store
from mistrust.store import extraction as extraction_store
from mistrust.store import lists as list_store
from mistrust.store import review as review_store
from mistrust.store.review import QueueFilter
from mistrust.workspace.base import WorkspaceBase

RELEVANCE = document_store.RELEVANCE
_SORTS = {
    "stories": tuple(story_store.STORY_SORTS),
    "documents": tuple(document_store.DOCUMENT_SORTS),
    "search": (RELEVANCE, *document_store.DOCUMENT_SORTS),
    "actors": tuple(actor_store.ACTOR_SORTS),
    "claims": tuple(extraction_store.CLAIM_SORTS),
    "review": tuple(review_store.REVIEW_SORTS),
}
PROFILE_DOCUMENTS = 40  # an actor's newest reports drawn into its neighbourhood network and timeline
PROFILE_MENTIONS = 50
DASHBOARD_STORIES = 8
DASHBOARD_ALERTS = 5


class PagesMixin(WorkspaceBase):
    @staticmethod
    def sort_keys(kind: str) -> tuple[str, ...]:
        """The sorts a list accepts (``stories``, ``documents``, ``search``, ``actors``, ``claims``,
        ``review``), the default first."""
        if kind not in _SORTS:
            raise InputError(f"no list {kind!r}; choose one of {', '.join(_SORTS)}")
        return _SORTS[kind]

    def version_labels(self) -> dict[str, str]:
        """{list version id: "ofac-sdn, published 2021-07-01"} for every loaded version."""
        out = {}
        for v in list_store.versions(self.db):
            when = f"published {v.published}" if v.published else f"loaded {(v.loaded_at or '?')[:10]}"
            out[v.id] = f"{v.list_name}, {when}"
        return out

    def dashboard(self) -> dict[str, Any]:
        """What the home page shows: counts, reviews waiting, the newest stories, the list versions."""
        ws: Any = self  # the other rooms' methods, on the same Workspace
        waiting = ws.count_review(QueueFilter(status="open"))
        rooms = self.rooms()
        return {
            "alerts": ws.open_alerts(limit=DASHBOARD_ALERTS),  # the newest, for the alerts card
            "alert_count": ws.open_alert_count(),
            "reviews_waiting": waiting,
            "new_stories": rooms.stories(limit=DASHBOARD_STORIES, sort="newest"),
            "counts": {"documents": document_store.count_documents(self.db),
                       "stories": rooms.count_stories(),
                       "actors": actor_store.count_actors(self.db),
                       "claims": extraction_store.count_claims(self.db)},
            "versions": sorted(list_store.versions(self.db), key=lambda v: (not v.current, v.list_name,
                                                                             v.published or "")),
        }

    def actor_profile(self, name: str) -> ActorProfile:
        """The actor's neighbourhood network (over its newest reports), timeline, mentions and links."""
        rooms = self.rooms()
        actor = actor_store.find_actor(self.db, name)
        if actor is not None:
            doc_ids = actor.documents
            spans = extraction_store.actor_mention_spans(self.db, actor.id, limit=PROFILE_MENTIONS)
        else:  # mentions not resolved into actors yet: the documents whose mentions carry the name
            rows = [r for r in rooms.entities(q=name, limit=200) if str(r.get("name", "")).casefold() == name.casefold()]
            doc_ids = sorted({d for r in rows for d in r.get("documents", [])})
            spans = []
        documents = rooms.get_documents(list(doc_ids))
        documents.sort(key=lambda d: (d.published or "", d.id), reverse=True)
        documents = documents[:PROFILE_DOCUMENTS]
        claims = []
        extractions: list[Extraction] = []
        for d in documents:
            claims.extend(rooms.claims(doc_id=d.id))
            try:
                extractions.append(rooms.extraction_for(d.id))
            except NotFoundError:
                continue  # not analysed: no mentions from it
        report = build_report([], claims, documents, extractions, title=name)
        by_id: dict[str, Document] = {d.id: d for d in documents}
        missing = [s["doc_id"] for s in spans if s["doc_id"] not in by_id]
        by_id.update({d.id: d for d in rooms.get_documents(missing)} if missing else {})
        mentions = [(by_id.get(s["doc_id"]), s["doc_id"], s["text"], s["start"], s["stop"]) for s in spans]
        ws: Any = self
        return build_profile(name, report, ws.claims_about(name), mentions)
