"""Workspace methods for the review queue: one queue for every hit, decisions, four eyes, audit.

Hits enter the queue from single screens, batch runs (at or above the threshold, tagged with
the batch's run id), news mentions linked to list entries, and whoever else calls
``queue_hits``. A decision is recorded with the verified user (``check_user``): an analyst
confirms or dismisses; a dismissal needs a note; dismissing a hit scored at or above
``four_eyes_score`` waits as ``pending_approval`` until a reviewer or admin other than the one who
dismissed it approves. Each hit's history (who, when, action, note, list version, algorithm)
exports as JSON or CSV for an audit.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from typing import Any

from mistrust.errors import Forbidden, InputError, MistrustError, NotFoundError
from mistrust.model import Hit
from mistrust.model.accounts import User
from mistrust.screen import ScreenIndex
from mistrust.store import exports as export_log
from mistrust.store import review as store
from mistrust.store import screening as screening_store
from mistrust.store.extraction import hit_from_dict
from mistrust.store.review import QueueFilter
from mistrust.store.screening import now
from mistrust.workspace.base import WorkspaceBase

_DECISIONS = {"confirm": "confirmed", "confirmed": "confirmed", "dismiss": "dismissed", "dismissed": "dismissed"}
BULK_ACTIONS = ("confirm", "dismiss", "approve", "reject", "assign")
HISTORY_FIELDS = ("at", "user", "action", "status", "note", "list_version", "algorithm", "score", "hit_id")
MAX_BULK = 500


class ReviewMixin(WorkspaceBase):
    _reviewed_state: str | None = None

    def _api(self) -> Any:
        # screen_index, lists_state, check_user and _entity_now live on the same Workspace
        return self

    # -- filling the queue ---------------------------------------------------------------------
    def queue_hits(self, hits: Sequence[Hit], source: str, run_id: str | None = None,
                   doc_id: str | None = None, reopen_unjudged: bool = True) -> int:
        """Put ``hits`` in the review queue now; returns how many.

        ``source`` says what found them (``screen``, ``batch``, ``link``, ``monitor`` ...),
        ``run_id`` the run, ``doc_id`` the article. A hit already queued keeps its status and
        history; its score, run and data are updated (see ``store.review.queue_job`` for
        ``reopen_unjudged``).
        """
        return store.queue_hits(self.db, hits, source=source, at=now(), run_id=run_id, doc_id=doc_id,
                                reopen_unjudged=reopen_unjudged)

    # -- reading it ----------------------------------------------------------------------------
    def count_review(self, where: QueueFilter | None = None) -> int:
        """How many hits of the queue match ``where``."""
        self._queue_ready()
        return store.count_items(self.db, where or QueueFilter())

    def review_items(self, where: QueueFilter | None = None, limit: int = 50, offset: int = 0,
                     sort: str | None = None) -> list[dict[str, Any]]:
        """One page of the queue (``sort``: see ``sort_keys("review")``; best score first by default)."""
        self._queue_ready()
        return store.list_items(self.db, where or QueueFilter(), limit, offset, sort)

    def review_page(self, where: QueueFilter | None = None, limit: int = 50, offset: int = 0,
                    sort: str | None = None) -> dict[str, Any]:
        """``review_items`` with ``total`` and the offsets of the pages either side, for the JSON API
        and the CLI, which page by offset (the web page pages with ``web.paging.Paging``)."""
        self._queue_ready()  # once for both reads (it settles the writer and checks the lists)
        where = where or QueueFilter()
        total = store.count_items(self.db, where)
        return {"items": store.list_items(self.db, where, limit, offset, sort), "total": total, "limit": limit,
                "offset": offset, "sort": sort or next(iter(store.REVIEW_SORTS)),
                "next_offset": offset + limit if offset + limit < total else None,
                "prev_offset": max(offset - limit, 0) if offset > 0 else None}

    def review_queue(self, limit: int = 100) -> list[dict[str, Any]]:
        """Open hits, best first (``review_items`` has the filters and paging)."""
        return self.review_items(QueueFilter(status="open"), limit=limit) if limit > 0 else []

    def _queue_ready(self) -> None:
        """Before reading the queue: queued writes landed, decisions on changed entries reopened."""
        self.settle_writes()
        self._reopen_changed()

    def review_item(self, hit_id: str) -> dict[str, Any]:
        self.settle_writes()
        item = store.get_item(self.db, hit_id)
        if item is None:
            raise NotFoundError(f"no hit {hit_id!r} in the review queue")
        return item

    def review_programs(self) -> list[str]:
        return store.programs(self.db)

    def _reopen_changed(self) -> None:
        """Reopen decided hits whose list entry changed since the decision (once per list state):
        the decision was about the entry as it was, as ``screen()`` applies it."""
        api = self._api()
        state = str(api.lists_state())
        if state == self._reviewed_state:
            return
        index: ScreenIndex | None = None
        for item, fingerprint in store.decided_items(self.db):
            index = index or api.screen_index()
            entity = index.entity(item["entity_id"])
            if entity is not None and fingerprint and entity.fingerprint() != fingerprint:
                store.record_event(self.db, item["id"], at=now(), actor=None, action="reopen", status="open",
                                   note="the list entry changed since it was judged", item=item)
        self._reviewed_state = state

    # -- deciding ------------------------------------------------------------------------------
    def _hit_for_review(self, hit_id: str) -> dict[str, Any]:
        """The queued hit, or (a near miss screened alone) the stored hit, queued now."""
        self.settle_writes()
        item = store.get_item(self.db, hit_id)
        if item is not None:
            return item
        stored = screening_store.latest_hit(self.db, hit_id)
        if stored is None:
            raise NotFoundError(f"no screening hit with id {hit_id!r} (see `mistrust audit` and `mistrust review`)")
        self.queue_hits([hit_from_dict(stored)], source="screen")
        return self.review_item(hit_id)

    def judge(self, hit_id: str, decision: str, note: str | None = None, user: str | None = None) -> dict[str, Any]:
        """Record a reviewer's ``confirm``/``dismiss`` of a hit, with the list entry as judged.

        ``user``: who decides. Once accounts exist it must be an enabled user whose role may judge.
        A dismissal needs a note. Dismissing a hit scored at or above ``four_eyes_score`` is
        recorded as ``pending_approval``: it counts once another reviewer approves it.
        """
        normal = _DECISIONS.get(decision.strip().lower())
        if normal is None:
            raise InputError(f"decision must be confirm or dismiss, got {decision!r}")
        item = self._hit_for_review(hit_id)
        note = (note or "").strip() or None
        if normal == "dismissed" and note is None:
            raise InputError("a dismissal needs a note saying why the hit is not the listed party")
        checked = self._api().check_user(user, "judge")
        who = checked.name if checked is not None else user
        entity = self._api()._entity_now(item["entity_id"])
        if entity is None:
            raise NotFoundError(f"list entry {item['entity_id']} of hit {hit_id} is no longer on a current list")
        at = now()
        if normal == "dismissed" and item["score"] >= self.settings.four_eyes_score:
            event = store.record_event(self.db, hit_id, at=at, actor=who, action="request_dismissal",
                                       status="pending_approval", note=note, item=item,
                                       updates={"decided_by": who, "decision_note": note, "approved_by": None})
            return {**event, "decision": normal, "entity_id": item["entity_id"], "query_name": item["query_name"]}
        judgement = screening_store.add_judgement(
            self.db, hit_id=hit_id, entity_id=item["entity_id"], query_name=item["query_name"], decision=normal,
            note=note, user=who, entity_fingerprint=entity.fingerprint(), algorithm=item["algorithm"])
        event = store.record_event(self.db, hit_id, at=judgement["at"], actor=who, action={"confirmed": "confirm", "dismissed": "dismiss"}[normal],
                                   status=normal, note=note, item=item,
                                   updates={"decided_by": who, "decision_note": note, "approved_by": None})
        return {**judgement, "status": event["status"], "action": event["action"]}

    def approve(self, hit_id: str, user: str | None, note: str | None = None, reject: bool = False) -> dict[str, Any]:
        """Approve (or reject) a dismissal waiting for a second reviewer.

        Needs a reviewer or admin once accounts exist, and never the user who dismissed it. An
        approved dismissal counts from then on (later screenings carry it); a rejected one is open again.
        """
        item = self.review_item(hit_id)
        if item["status"] != "pending_approval":
            raise InputError(f"hit {hit_id} is {item['status']}, not waiting for approval")
        checked = self._api().check_user(user, "approve")
        who = checked.name if checked is not None else user
        if not who:
            raise Forbidden("an approval needs the name of the second reviewer")
        if who == item["decided_by"]:
            raise Forbidden("nobody approves their own dismissal: a second reviewer must")
        note = (note or "").strip() or None
        if reject:
            return store.record_event(self.db, hit_id, at=now(), actor=who, action="reject", status="open",
                                      note=note, item=item, updates={"approved_by": None})
        entity = self._api()._entity_now(item["entity_id"])
        if entity is None:
            raise NotFoundError(f"list entry {item['entity_id']} of hit {hit_id} is no longer on a current list")
        judgement = screening_store.add_judgement(
            self.db, hit_id=hit_id, entity_id=item["entity_id"], query_name=item["query_name"],
            decision="dismissed", note=item["decision_note"], user=item["decided_by"],
            entity_fingerprint=entity.fingerprint(), algorithm=item["algorithm"])
        event = store.record_event(self.db, hit_id, at=judgement["at"], actor=who, action="approve",
                                   status="dismissed", note=note, item=item, updates={"approved_by": who})
        return {**event, "decision": "dismissed", "decided_by": item["decided_by"], "approved_by": who}

    def assign(self, hit_id: str, assignee: str | None, user: str | None = None) -> dict[str, Any]:
        """Give a hit to someone (an account's name once accounts exist); None takes it back."""
        item = self.review_item(hit_id)
        checked = self._api().check_user(user, "assign")
        if assignee and self._api().has_users():
            self._api().get_user(assignee)  # NotFoundError for a name that is no account
        return store.record_event(self.db, hit_id, at=now(), actor=checked.name if checked else user,
                                  action="assign", status=item["status"], note=assignee, item=item,
                                  updates={"assignee": assignee or None})

    def review_bulk(self, hit_ids: Sequence[str], action: str, user: str | None = None, note: str | None = None,
                    assignee: str | None = None) -> list[dict[str, Any]]:
        """``action`` (confirm, dismiss, approve, reject, assign) on each hit; one result per hit.

        Each hit goes through the same checks as alone; a hit that fails gets its error and the
        rest go on.
        """
        if action not in BULK_ACTIONS:
            raise InputError(f"action must be one of {', '.join(BULK_ACTIONS)}, got {action!r}")
        if not hit_ids or len(hit_ids) > MAX_BULK:
            raise InputError(f"give 1 to {MAX_BULK} hits")
        results = []
        for hit_id in dict.fromkeys(hit_ids):
            try:
                if action in ("confirm", "dismiss"):
                    done = self.judge(hit_id, action, note=note, user=user)
                elif action == "assign":
                    done = self.assign(hit_id, assignee, user=user)
                else:
                    done = self.approve(hit_id, user, note=note, reject=action == "reject")
                results.append({"hit_id": hit_id, "ok": True, "status": done.get("status")})
            except MistrustError as exc:
                results.append({"hit_id": hit_id, "ok": False, "error": exc.code, "detail": exc.message})
        return results

    # -- the audit -----------------------------------------------------------------------------
    def hit_history(self, hit_id: str, *, user: str | None = None, channel: str = "python",
                    format: str = "json") -> list[dict[str, Any]]:
        """Every event of one hit, oldest first: who, when, action, status after, note, list version, algorithm.

        An export for an audit, so it is logged (``exports``) with ``user`` and ``channel``.
        """
        self.review_item(hit_id)
        events = store.history(self.db, hit_id)
        self.record_export("hit_history", {"hit": hit_id, "format": format, "events": len(events)}, user, channel)
        return events

    def hit_history_csv(self, hit_id: str, *, user: str | None = None, channel: str = "python") -> str:
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=HISTORY_FIELDS, extrasaction="ignore", lineterminator="\n")
        writer.writeheader()
        for event in self.hit_history(hit_id, user=user, channel=channel, format="csv"):
            writer.writerow({k: _cell(event.get(k)) for k in HISTORY_FIELDS})
        return out.getvalue()

    def exports(self, limit: int = 100, offset: int = 0, user: str | None = None) -> list[dict[str, Any]]:
        """The export log, newest first: who exported what, when, through which door, with which parameters."""
        self.settle_writes()
        return export_log.list_exports(self.db, limit=limit, offset=offset, user=user)


def _cell(value: Any) -> Any:
    # a note starting with = + - @ would run as a formula when the CSV is opened in a spreadsheet
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


__all__ = ["BULK_ACTIONS", "QueueFilter", "ReviewMixin", "User"]
