"""What changed between two versions of a list: entries added, removed, changed (which fields)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from mistrust.model.lists import ListEntity

# Where a file came from is not a change in the listing itself.
_IGNORED = {"source_file", "source_sha256"}


def changed_fields(old: ListEntity, new: ListEntity) -> list[str]:
    a, b = old.to_dict(), new.to_dict()
    return sorted(k for k in a if k not in _IGNORED and a[k] != b.get(k))


def _label(value: Any) -> str:
    if isinstance(value, dict):
        return " ".join(str(v) for v in value.values() if v)
    return str(value)


def field_changes(old: ListEntity, new: ListEntity, fields: list[str]) -> dict[str, Any]:
    """Per field: values added/removed for lists (aliases, programmes...), before/after for the rest."""
    a, b = old.to_dict(), new.to_dict()
    out: dict[str, Any] = {}
    for name in fields:
        before, after = a[name], b[name]
        if isinstance(before, list) and isinstance(after, list):
            old_set, new_set = {_label(v) for v in before}, {_label(v) for v in after}
            out[name] = {"added": sorted(new_set - old_set), "removed": sorted(old_set - new_set)}
        else:
            out[name] = {"old": before, "new": after}
    return out


def diff_entities(old: Iterable[ListEntity], new: Iterable[ListEntity]) -> dict[str, Any]:
    """``{"added": [ids], "removed": [ids], "changed": [{"id", "name", "fields", "changes"}], "counts": {...}}``."""
    before = {e.id: e for e in old}
    after = {e.id: e for e in new}
    added = sorted(after.keys() - before.keys())
    removed = sorted(before.keys() - after.keys())
    changed = []
    for ent_id in sorted(before.keys() & after.keys()):
        if before[ent_id].fingerprint() != after[ent_id].fingerprint():
            fields = changed_fields(before[ent_id], after[ent_id])
            if fields:
                changed.append({"id": ent_id, "name": after[ent_id].name, "fields": fields,
                                "changes": field_changes(before[ent_id], after[ent_id], fields)})
    return {
        "added": added, "removed": removed, "changed": changed,
        "names": {i: (after.get(i) or before[i]).name for i in added + removed},
        "counts": {"added": len(added), "removed": len(removed), "changed": len(changed),
                   "unchanged": len(before.keys() & after.keys()) - len(changed)},
    }
