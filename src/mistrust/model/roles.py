"""Nouns that name people by their office or as a body of people ("the Syrian president", "U.S.
officials", "Russian forces"): roles, not names. A role ties people to a state or body as a
relation; it is never an actor of its own or a named entity."""

from __future__ import annotations

ROLE_NOUNS = frozenset({
    "president", "presidents", "minister", "ministers", "secretary", "secretaries", "ambassador", "ambassadors",
    "envoy", "envoys", "spokesman", "spokeswoman", "spokesperson", "spokespeople", "leader", "leaders",
    "official", "officials", "diplomat", "diplomats", "negotiator", "negotiators", "representative",
    "representatives", "commander", "commanders", "officer", "officers", "chief", "chiefs", "director",
    "authorities", "forces", "troops", "soldiers", "military", "militaries", "lawmakers", "legislators",
    "experts", "monitors", "investigators", "prosecutors", "media", "sources", "analysts",
})

__all__ = ["ROLE_NOUNS"]
