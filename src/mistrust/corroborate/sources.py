"""Normalising who a report cites, so that two attribution chains can be compared.

"the French news agency AFP", "Agence France-Presse" and "AFP" are one origin; "the UN report",
"a confidential United Nations document" and "the panel's report" are one report when they come in
the same claim group; "a senior U.S. official" and "an unnamed US official" are one unnamed official.
Keys: ``agency:afp``, ``report:un``, ``report:`` (a report of unnamed provenance), ``anon:us official``,
or the normalised name (``ned price``).
"""

from __future__ import annotations

import re

from mistrust.corroborate.text import norm_key
from mistrust.model.vocabulary import AGENCY_DESCRIPTIONS, NEWS_AGENCIES

# Every name and description an agency is cited by, lower-cased once.
AGENCIES: dict[str, tuple[str, ...]] = {
    key: tuple(n.lower() for n in (*names, *AGENCY_DESCRIPTIONS.get(key, ()))) for key, names in NEWS_AGENCIES.items()
}
_REPORT_WORDS = re.compile(r"\b(report|reports|document|documents|study|assessment|dossier|findings|panel)\b")
_ANON = re.compile(
    r"\b(unnamed|anonymous|senior|an?|one|two|several|some)\b.*\b(officials?|sources?|diplomats?|"
    r"member states?|person|people|analysts?|intelligence)\b|\b(officials?|sources?|diplomats?)\b$"
)
_ISSUERS = {
    "un": ("un", "u.n", "u.n.", "united nations", "security council", "panel of experts", "un panel"),
    "iaea": ("iaea", "international atomic energy agency", "atomic energy agency"),
    "us": ("us", "u.s", "u.s.", "american", "united states", "pentagon", "state department", "white house"),
    "treasury": ("treasury",),
    "cia": ("cia",),
    "eu": ("eu", "european union"),
}


def _has(text: str, phrase: str) -> bool:
    return re.search(rf"(?<![\w.]){re.escape(phrase)}(?![\w])", text) is not None


def issuer(text: str) -> str:
    for key, names in _ISSUERS.items():
        if any(_has(text, n) for n in names):
            return key
    return ""


def source_key(link: str) -> str:
    """Comparable key of one attribution-chain link."""
    text = link.lower().replace("’", "'").strip()
    for key, names in AGENCIES.items():
        if any(_has(text, n) for n in names):
            return f"agency:{key}"
    if _REPORT_WORDS.search(text):
        return f"report:{issuer(text)}"
    if _ANON.search(text):
        who = issuer(text)
        roles = re.findall(r"member states?|officials?|sources?|diplomats?|person|people|analysts?|intelligence", text)
        role = roles[-1].rstrip("s") if roles else "source"
        return f"anon:{who + ' ' if who else ''}{role}"
    return norm_key(text)


def outlet_key(outlet: str | None) -> str:
    """An outlet as a chain key, so "citing Bloomberg" links to a Bloomberg report in the same group."""
    if not outlet:
        return ""
    key = source_key(outlet)
    return key


def keys_match(a: str, b: str) -> bool:
    """Equal keys, or a report of unnamed provenance against any report (same claim, same story)."""
    if a == b:
        return True
    return a.startswith("report:") and b.startswith("report:") and (a == "report:" or b == "report:")
