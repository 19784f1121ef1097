"""Workspace methods for the lists room: load, version, diff, update, look up entries."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import httpx

from mistrust.errors import ListFormatError, NotFoundError
from mistrust.lists import diff_entities, load_file, to_ftm
from mistrust.lists import update as list_update
from mistrust.model._ids import content_id
from mistrust.model.lists import BECAME_CURRENT, MADE_CURRENT, ListEntity, ListVersion, LoadedList
from mistrust.store import lists as store
from mistrust.workspace.base import WorkspaceBase

# Called with the summary of the re-screen a list load ran (``MonitoringMixin.rescreen``).
RescreenReport = Callable[[dict[str, Any]], None]


class ListsMixin(WorkspaceBase):
    def load_lists(self, paths: Sequence[str | Path], format: str | None = None,
                   make_current: bool = False, *, rescreen: bool = True,
                   on_rescreen: RescreenReport | None = None) -> list[ListVersion]:
        """Load each file as one version (one transaction each); a bad file raises, earlier ones stay.

        A file becomes current only if nothing published later is loaded (``store.lists.save_list``
        has the rule; each returned version's ``outcome`` says what happened); ``make_current``
        makes every file given current regardless. When a version became current, the stored
        subjects (watches, batch rows) are screened again unless ``rescreen`` is False, and
        ``on_rescreen`` gets the summary.
        """
        out = []
        for path in paths:
            loaded = load_file(path, format=format, max_name_length=self.settings.max_name_length)
            out.append(store.save_list(self.db, loaded, make_current=make_current))
        self._after_load(out, rescreen, on_rescreen)
        return out

    def _after_load(self, versions: list[ListVersion], rescreen: bool, on_rescreen: RescreenReport | None) -> None:
        changed = [v for v in versions if v.outcome in (BECAME_CURRENT, MADE_CURRENT)]
        if rescreen and changed:
            summary = self.rooms().rescreen(changed)
            if on_rescreen is not None:
                on_rescreen(summary)

    def current_version(self, list_name: str) -> ListVersion | None:
        found = store.versions(self.db, list_name=list_name, current_only=True)
        return found[0] if found else None

    def export_lists(self, out: Path, *, user: str | None = None, channel: str = "python") -> int:
        """Every current list entry as FollowTheMoney JSON lines in ``out``; returns the entry count (logged)."""
        count = 0
        with out.open("w", encoding="utf-8") as fh:
            for loaded in self.current_lists():
                for entity in loaded.entities:
                    for record in to_ftm(entity):
                        fh.write(json.dumps(record, ensure_ascii=False) + "\n")
                    count += 1
        self.record_export("lists", {"file": str(out), "entries": count}, user, channel)
        return count

    def list_versions(self) -> list[ListVersion]:
        return store.versions(self.db)

    def current_lists(self) -> list[LoadedList]:
        return [LoadedList(version=v, entities=store.entities(self.db, v))
                for v in store.versions(self.db, current_only=True)]

    def lists_state(self) -> str:
        """Changes whenever the set of current versions changes (cache key for screening indexes)."""
        return str(self.fresh("lists_state", lambda: content_id(
            *sorted(v.id for v in store.versions(self.db, current_only=True)))))

    def _version_entities(self, ref: str | Path, format: str | None = None) -> tuple[ListVersion, list[ListEntity]]:
        """A stored version (id or unique id prefix) or a list file on disk (parsed, not stored)."""
        version = store.get_version(self.db, str(ref))
        if version is not None:
            return version, store.entities(self.db, version)
        if Path(ref).is_file():
            loaded = load_file(ref, format=format, max_name_length=self.settings.max_name_length)
            return loaded.version, loaded.entities
        raise NotFoundError(f"no list version or file {str(ref)!r} (see `mistrust lists show`)")

    def diff_lists(self, old: str | Path, new: str | Path) -> dict[str, Any]:
        old_v, old_e = self._version_entities(old)
        new_v, new_e = self._version_entities(new)
        result = diff_entities(old_e, new_e)
        result["old"] = {"id": old_v.id, "list_name": old_v.list_name, "published": old_v.published,
                         "source_file": old_v.source_file, "entity_count": len(old_e)}
        result["new"] = {"id": new_v.id, "list_name": new_v.list_name, "published": new_v.published,
                         "source_file": new_v.source_file, "entity_count": len(new_e)}
        return result

    def update_lists(self, sources: Sequence[str] | None = None,
                     transport: httpx.BaseTransport | None = None,
                     registry: dict[str, list_update.Source] | None = None, *, rescreen: bool = True,
                     on_rescreen: RescreenReport | None = None) -> list[ListVersion]:
        """Download the official files and load them; a failed download or parse leaves current data as is.
        New current versions re-screen the stored subjects as ``load_lists`` does."""
        folder = self.settings.lists_dir or self.side_folder("lists") or Path(f"{self.settings.db_path}.lists")
        downloads = list_update.download(
            sources, folder, registry=registry, transport=transport,
            timeout=self.settings.fetch_timeout, max_bytes=self.settings.fetch_max_bytes)
        out = [store.save_list(self.db, load_file(d.path, format=d.format,
                                                  max_name_length=self.settings.max_name_length))
               for d in downloads]
        self._after_load(out, rescreen, on_rescreen)
        return out

    def get_entity(self, entity_id: str) -> tuple[ListEntity, list[ListVersion]]:
        found = store.entity_versions(self.db, entity_id)
        if not found:
            raise NotFoundError(f"no list entry {entity_id!r} in any loaded version")
        version, fingerprint = found[0]
        entity = store.entity_data(self.db, fingerprint, version)
        if entity is None:  # pragma: no cover - members always point at stored data
            raise ListFormatError("stored entry data missing", path=version.source_file)
        return entity, [v for v, _ in found]
