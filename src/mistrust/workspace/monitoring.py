"""Workspace methods for ongoing monitoring: watched names, re-screens after a list load, alerts.

* A watch is a name an analyst wants checked again whenever the lists change. Adding one screens
  it at once (recorded like ``screen``, so its matches reach the review queue).
* Every watch and every row of a batch run is a stored *subject*: the query and the entries it
  hit last time. When a list version becomes current, ``rescreen`` screens each distinct query
  again and records, as one audit run, only the hits that are new for their subject (an entry it
  did not hit before, or one whose score has crossed the threshold), each marked ``new_since``
  "<list> <date>", so they land in the review queue without repeating what was already seen.
* When a document is analysed for the first time, a certain-tier link from one of its mentions
  (``extract/linking.py``: only those count as "on a list"), or a person or organisation mention
  that screens at the threshold against the watched names, raises an alert.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any

from mistrust.errors import InputError, NotFoundError
from mistrust.model import Hit, ListEntity, NameQuery, name_problem
from mistrust.model._ids import content_id
from mistrust.model.documents import Extraction
from mistrust.model.lists import ListVersion, LoadedList
from mistrust.screen import ALGORITHM, ScreenIndex
from mistrust.screen.batch import input_kind, read_rows
from mistrust.store import monitoring as store
from mistrust.store import screening as screen_store
from mistrust.workspace.base import WorkspaceBase
from mistrust.workspace.stages import ScreenState, seen_scores

# What a watched name may be; "Any" when the analyst does not say.
WATCH_SCHEMAS = ("Person", "Organization", "Vessel", "Aircraft", "Any")
# Mentions screened against the watched names: the labels a watch can name.
WATCHED_LABELS = ("Person", "Organization")


def watch_schema(value: str | None) -> str:
    """``value`` in its canonical spelling; InputError for anything that is not a query schema."""
    by_key = {s.casefold(): s for s in WATCH_SCHEMAS}
    found = by_key.get((value or "Any").strip().casefold())
    if found is None:
        raise InputError(f"schema must be one of {', '.join(WATCH_SCHEMAS)}, got {value!r}")
    return found


def version_label(version: ListVersion) -> str:
    """How a list version is named to a reviewer: its list and publication date."""
    return f"{version.list_name} {version.published or 'undated'}"


def is_new_hit(hit: Hit, seen: dict[str, float]) -> bool:
    """A match this subject did not have before: an entry it never hit, or one below the threshold then."""
    before = seen.get(hit.entity_id)
    return hit.match and (before is None or before < hit.threshold)


class MonitoringMixin(WorkspaceBase):
    _watch_index_cache: tuple[str, ScreenIndex] | None = None

    def _screening(self) -> Any:
        # The screening room's index and search (ScreeningMixin), on the same Workspace.
        return self

    # -- watches -------------------------------------------------------------------------------
    def add_watch(self, name: str, schema: str | None = "Any", user: str | None = None,
                  source: str | None = None) -> dict[str, Any]:
        """Watch ``name``: screened now (its matches go to the review queue) and after every list load."""
        problem = name_problem(name, self.settings.max_name_length)
        if problem is not None:
            raise InputError(f"cannot watch this name: {problem}", reason=problem)
        query = NameQuery(name=name.strip(), schema=watch_schema(schema))
        hits = self._screening().screen(query)
        watch = store.add_watch(self.db, query.name, query.schema, user, source)
        store.save_subjects(self.db, [(f"watch:{watch['id']}", "watch", str(watch["id"]), None, asdict(query),
                                       seen_scores(hits))])
        return {**watch, "matches": sum(h.match for h in hits)}

    def watches(self) -> list[dict[str, Any]]:
        """Every watched name, oldest first, with who added it and when."""
        return store.list_watches(self.db)

    def remove_watch(self, watch_id: int) -> dict[str, Any]:
        watch = store.get_watch(self.db, watch_id)
        if watch is None or not store.remove_watch(self.db, watch_id):
            raise NotFoundError(f"no watch with id {watch_id} (see `mistrust watch list`)")
        return watch

    def load_watches(self, path: str | Path, schema: str | None = None, user: str | None = None) -> dict[str, Any]:
        """Watch every name of a file (one name per line, CSV with a ``name`` column, or JSON Lines).

        A row that cannot be watched is reported with its number and the others are kept. A
        row's own ``schema`` column wins over ``schema``.
        """
        src = Path(path)
        if not src.is_file():
            raise NotFoundError(f"watch-list file not found: {src}")
        default = watch_schema(schema)
        added: list[dict[str, Any]] = []
        refused: list[dict[str, Any]] = []
        with src.open("rb") as raw:
            rows = list(read_rows(raw, input_kind(src), str(src), self.settings.max_name_length))
        for row in rows:
            try:
                if row.query is None:
                    raise InputError(row.error or f"row {row.number}: unreadable")
                row_schema = row.query.schema if row.query.schema != "Any" else default
                added.append(self.add_watch(row.query.name, row_schema, user=user, source=str(src)))
            except InputError as exc:
                message = exc.message if exc.message.startswith("row ") else f"row {row.number}: {exc.message}"
                refused.append({"row": row.number, "error": message})
        return {"rows": len(rows), "added": added, "refused": refused}

    # -- stored subjects -----------------------------------------------------------------------
    def rescreen(self, versions: Sequence[ListVersion]) -> dict[str, Any]:
        """Screen every stored subject against the current lists after ``versions`` became current.

        Each distinct query is screened once. The hits new for a subject are recorded as one
        ``rescreen`` run (so they reach the review queue), marked ``new_since`` with the version
        their entry came from. Returns ``{"subjects", "queries", "new_hits", "new_since", "run_id", "hits"}``.
        """
        labels = {v.id: version_label(v) for v in versions}
        since = ", ".join(labels.values()) or "the current lists"
        self.settle_writes()  # batch rows are remembered through the background writer
        subjects = store.subjects(self.db)
        summary: dict[str, Any] = {"subjects": len(subjects), "queries": 0, "new_hits": 0, "new_since": since,
                                   "run_id": None, "hits": []}
        if not subjects:
            return summary
        ws = self._screening()
        index: ScreenIndex = ws.screen_index()
        state = ScreenState(index, ws._search_params(None, None))
        by_query: dict[str, list[store.Subject]] = {}
        for subject in subjects:
            by_query.setdefault(json.dumps(subject.query, sort_keys=True), []).append(subject)
        new: dict[str, Hit] = {}
        seen: dict[str, dict[str, float]] = {}
        for group in by_query.values():
            hits = state.search(NameQuery(**group[0].query))
            for subject in group:
                for hit in hits:
                    if hit.id and hit.id not in new and is_new_hit(hit, subject.seen):
                        hit.new_since = labels.get(hit.list_version, since)
                        new[hit.id] = hit
                seen[subject.id] = seen_scores(hits)
        store.update_seen(self.db, seen)
        found = list(new.values())
        ws._apply_judgements(index, found)
        if found:
            summary["run_id"] = screen_store.record_run(
                self.db, kind="rescreen",
                query={"new_since": since, "versions": list(labels), "subjects": len(subjects),
                       "queries": len(by_query)},
                list_versions=index.list_versions, algorithm=ALGORITHM, threshold=state.params.threshold, hits=found)
            ws.queue_hits([h for h in found if h.match], source="monitor", run_id=summary["run_id"])
        summary.update(queries=len(by_query), new_hits=len(found), hits=[h.to_dict() for h in found])
        return summary

    # -- alerts --------------------------------------------------------------------------------
    def _watch_index(self) -> ScreenIndex | None:
        """An index over the watched names (the screening engine, with the watches as the list)."""
        watches = store.list_watches(self.db)
        if not watches:
            return None
        state = content_id(*(f"{w['id']}:{w['name']}:{w['schema']}" for w in watches))
        if self._watch_index_cache is not None and self._watch_index_cache[0] == state:
            return self._watch_index_cache[1]
        version = ListVersion(id="watchlist", list_name="watchlist", source="watch", format="watchlist",
                              published=None, sha256=state, source_file="", entity_count=len(watches))
        entities = [ListEntity(id=f"watch:{w['id']}", source="watch", name=w["name"],
                               schema="LegalEntity" if w["schema"] == "Any" else w["schema"])
                    for w in watches]
        index = ScreenIndex.build([LoadedList(version=version, entities=entities)], state=state)
        self._watch_index_cache = (state, index)
        return index

    def alert_candidates(self, extraction: Extraction, watch_index: ScreenIndex | None) -> list[dict[str, Any]]:
        """The alerts one analysed document raises: certain links to list entries, and person or
        organisation mentions that match a watched name at the screening threshold."""
        doc = extraction.doc_id or ""
        out: list[dict[str, Any]] = []
        names: dict[tuple[str, str], str] = {}
        for mention in extraction.entities:
            for link in mention.links:
                hit = link if isinstance(link, Hit) else Hit(**link)
                if hit.tier != "certain":
                    continue
                out.append({"key": content_id("listed", doc, hit.entity_id), "kind": "listed",
                            "subject": mention.text, "document": doc, "entity_id": hit.entity_id,
                            "detail": {"name": hit.entity_name, "score": round(hit.score, 4),
                                       "reason": hit.link_reason, "list_version": hit.list_version}})
            if watch_index is not None and mention.label in WATCHED_LABELS:
                for text in {mention.text, mention.canonical or mention.text}:
                    names.setdefault((text.strip(), mention.label), mention.text)
        threshold = self.settings.screen_threshold
        for (text, label), said in names.items():
            if watch_index is None or name_problem(text, self.settings.max_name_length) is not None:
                continue
            for hit in watch_index.search(NameQuery(name=text, schema=label), threshold=threshold, limit=5,
                                          min_score=threshold):
                if not hit.match:
                    continue
                watch_id = int(hit.entity_id.removeprefix("watch:"))
                out.append({"key": content_id("watched", doc, watch_id), "kind": "watched", "subject": said,
                            "document": doc, "watch_id": watch_id,
                            "detail": {"name": hit.entity_name, "score": round(hit.score, 4),
                                       "reason": f"'{text}' matches the watched name '{hit.entity_name}'"}})
        return out

    def raise_alerts(self, extractions: Iterable[Extraction]) -> int:
        """Alerts for these newly analysed documents; returns how many are new (one per document
        and entry or watch: a re-analysis raises nothing again)."""
        watch_index = self._watch_index()
        found = [a for ex in extractions for a in self.alert_candidates(ex, watch_index)]
        return store.add_alerts(self.db, found) if found else 0

    def alerts(self, include_all: bool = False, limit: int = 100, offset: int = 0) -> list[dict[str, Any]]:
        """Alerts, newest first: only the open ones unless ``include_all``."""
        return store.list_alerts(self.db, open_only=not include_all, limit=limit, offset=offset)

    def open_alerts(self, limit: int = 10) -> list[dict[str, Any]]:
        """The newest open alerts (for a dashboard card)."""
        return self.alerts(limit=limit)

    def count_alerts(self, include_all: bool = False) -> int:
        return store.count_alerts(self.db, open_only=not include_all)

    def open_alert_count(self) -> int:
        return self.count_alerts()

    def acknowledge_alert(self, alert_id: int, user: str | None = None) -> dict[str, Any]:
        """Mark an alert seen by ``user``; acknowledging it again keeps the first acknowledgement."""
        found = store.acknowledge_alert(self.db, alert_id, user)
        if found is None:
            raise NotFoundError(f"no alert with id {alert_id} (see `mistrust alerts --all`)")
        return found
