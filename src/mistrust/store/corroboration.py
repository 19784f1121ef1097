"""Tables and queries for the corroboration room. Engines never import this module."""

from __future__ import annotations

from mistrust.store.db import Migration

MIGRATIONS: list[Migration] = []
