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

# Head nouns of a state's or an organisation's organs ("the ministry of foreign affairs", "the
# department of consumer affairs", "a customs bureau"): a body, named after the topic it handles.
# A verb acting on one acts on a party (removing, overruling, turning it down), not on a claim.
BODY_NOUNS = frozenset({
    "ministry", "ministries", "department", "departments", "office", "offices", "bureau", "bureaus", "agency",
    "agencies", "directorate", "directorates", "commission", "commissions", "committee", "committees", "council",
    "councils", "administration", "authority", "secretariat", "inspectorate", "board", "boards", "division",
})
# Offices that act for a principal abroad: in "X's mission to Y", "the X embassy in Y", "X's envoy at
# Y" and "the X UN mission" the actor is X (the sending state or body); Y is only where the office
# sits or whom it faces.
DIPLOMATIC_NOUNS = frozenset({
    "mission", "missions", "embassy", "embassies", "consulate", "consulates", "delegation", "delegations",
    "envoy", "envoys", "ambassador", "ambassadors", "representative", "representatives", "legation", "emissary",
    "emissaries", "office", "offices", "attache", "attaché", "liaison", "diplomat", "diplomats", "negotiator",
    "negotiators",
})
# Nouns for the person at the head of a body or one of its people: "the head of the bureau",
# "members of the commission", "the chair of the committee".
HEAD_NOUNS = frozenset({"head", "heads", "member", "members", "chair", "chairman", "chairwoman", "deputy",
                        "deputies", "staff", "staffer", "staffers", "employee", "employees"})

# Extractors whose mentions are found by their head noun (offices, bodies of people, pronouns), not
# read as names: only these can be roles. A name the tagger read ("Officials" as an organisation) is
# judged as a name.
GROUP_EXTRACTORS = ("group-rule", "nominal")


def is_group_extractor(extractor: str | None) -> bool:
    return any(tag in (extractor or "") for tag in GROUP_EXTRACTORS)


def is_role_mention(text: str, extractor: str | None) -> bool:
    """A role or group of people found by its head noun ("the Syrian president", "U.S. officials"):
    a relation to a state or body, not an actor or a named entity. One test for extraction (which
    keeps roles out of actors) and the store (which keeps them out of the entity listing)."""
    if not is_group_extractor(extractor):
        return False
    words = text.split()
    return bool(words) and words[-1].casefold().strip(".,") in ROLE_NOUNS


__all__ = ["BODY_NOUNS", "GROUP_EXTRACTORS", "HEAD_NOUNS", "ROLE_NOUNS", "is_group_extractor", "is_role_mention"]
