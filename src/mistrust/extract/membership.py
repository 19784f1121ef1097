"""Membership relations: "Iran's IRGC", "the IRGC's Quds Force", "X, a unit of Y" -> X part_of Y.

A membership is read only between two actor mentions: the member must be an Organization or a
Facility and the whole a Country or an Organization. Possessives of other kinds are not
membership: "Iran's foreign minister" is a person holding an office (the entity step makes it one
Person mention, and persons are never members here), "Iran's missiles" is a thing.

The relation is background knowledge the sentence presupposes, not the event it reports, so its
status is "asserted", or "attributed" when the sentence is someone's reported speech; it has no
event time. Claims carry the sentence as span and ``predicate="part_of"``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from mistrust.model.documents import Attribution, Mention

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

PREDICATE = "part_of"
MEMBERS = frozenset({"Organization", "Facility"})
WHOLES = frozenset({"Country", "Organization"})
# Nouns naming a part in "X, a unit of Y" / "X, Y's nuclear arm".
PART_NOUNS = frozenset({"unit", "units", "subsidiary", "subsidiaries", "branch", "branches", "arm", "arms",
                        "division", "wing", "affiliate", "part", "member", "front", "department", "agency",
                        "directorate", "component", "offshoot", "proxy", "force", "forces", "section"})

# Possessors that are the start of a name, not an owner: "People's Liberation Army", "Workers' Party",
# "Investor's Business Daily", "Iranian Students' News Agency" (the entity step may cut such names
# at the possessive and label the first word an organisation).
NAME_POSSESSORS = frozenset({"people", "peoples", "worker", "workers", "student", "students", "investor",
                             "investors", "children", "women", "men", "veterans", "farmers", "citizens",
                             "nations", "consumers", "journalists", "teachers", "lawyers", "soldiers",
                             "martyrs", "mothers", "youth", "heroes", "patriots", "people’s"})

# (member mention, whole mention, token of the relation) found in a sentence.
Membership = tuple[Mention, Mention, "Token"]


def _whole_of(tok: Token, by_token: dict[int, Mention], member: Mention) -> Mention | None:
    m = by_token.get(tok.i)
    if m is None or m is member or m.label not in WHOLES:
        return None
    if m.text.split()[-1].lower() in NAME_POSSESSORS:
        return None
    if (m.canonical or m.text) == (member.canonical or member.text):
        return None  # "IRGC" and "Islamic Revolutionary Guard Corps": one actor, not a relation
    return m


def find_memberships(doc: Doc, mentions: list[Mention], by_token: dict[int, Mention]) -> list[Membership]:
    """Possessive and appositive memberships between actor mentions, in text order."""
    out: list[Membership] = []
    seen: set[tuple[str, str, int]] = set()
    for m in mentions:
        if m.label not in MEMBERS or m.text.split()[-1].lower() in NAME_POSSESSORS:
            continue
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            continue
        head = span.root
        candidates: list[Token] = []
        # "Iran's IRGC": the possessor hangs on the member's head (or on a token inside it).
        candidates += [c for t in span for c in t.children if c.dep_ == "poss" and c.i not in range(span.start, span.end)]
        # "X, a unit of Y" / "X, Y's nuclear arm": an appositive part noun with "of Y" or "Y's".
        apps = [c for c in head.children if c.dep_ == "appos" and c.lower_ in PART_NOUNS]
        if head.dep_ == "appos" and head.head.lower_ in PART_NOUNS:
            apps.append(head.head)  # "a unit of Y, X": the parser sometimes hangs it the other way
        for a in apps:
            candidates += [c for c in a.children if c.dep_ == "poss"]
            candidates += [g for c in a.children if c.dep_ == "prep" and c.lower_ == "of"
                           for g in c.children if g.dep_ == "pobj"]
        for c in candidates:
            whole = _whole_of(c, by_token, m)
            if whole is None:
                continue
            key = (m.canonical or m.text, whole.canonical or whole.text, head.sent.start)
            if key not in seen:
                seen.add(key)
                out.append((m, whole, head))
    return out


def membership_status(offset: int, covering: Callable[[int], Attribution | None]) -> tuple[str, Attribution | None]:
    """Asserted, or attributed when the sentence is someone's reported speech."""
    att = covering(offset)
    return ("attributed" if att is not None else "asserted"), att


__all__ = ["MEMBERS", "NAME_POSSESSORS", "PART_NOUNS", "PREDICATE", "WHOLES", "find_memberships", "membership_status"]
