"""Tests on the dependency parse that frames, attribution and status all ask.

Each takes spaCy tokens and returns a plain value, so a rule reads as its decision ("an
infinitive complement") rather than as token arithmetic repeated in every module.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token


def to_infinitive(verb: Token) -> bool:
    """The verb carries the infinitive marker "to" ("agreed *to supply*", "a deal *to buy*")."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


# Tags of a verb with its own tense: past, present, modal.
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})


def finite(verb: Token) -> bool:
    """A verb with its own tense: "X shipped", "X has shipped", "X will ship" (not "let X ship")."""
    return verb.tag_ in FINITE_TAGS or any(c.dep_ in ("aux", "auxpass") and c.tag_ in FINITE_TAGS
                                           for c in verb.children)


def gerund(verb: Token) -> bool:
    """An active gerund: an -ing form ("of *shipping* fuel"), or a perfect gerund whose participle
    carries "having" ("of *having shipped* fuel"; not the passive "having been shipped"); also an
    -ing form the tagger took for a noun where the parser still made it a preposition's clause
    ("accuses X of *smuggling* fuel", smuggling NOUN/pcomp): a noun is never a clause, so the
    clause reading wins."""
    if verb.tag_ == "VBG" or noun_gerund(verb):
        return True
    aux = [c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")]
    return verb.tag_ == "VBN" and "having" in aux and "been" not in aux


def noun_gerund(tok: Token) -> bool:
    """An -ing word tagged as a noun but attached as a preposition's clausal complement (``pcomp``),
    as the parser does in headline-like clauses ("UN report accuses X of smuggling fuel"): a gerund
    read as a noun, which acts as the verb it is."""
    return tok.pos_ == "NOUN" and tok.dep_ == "pcomp" and tok.lower_.endswith("ing")


def hung_on_agent(tok: Token) -> Token | None:
    """The passive verb whose complement the parser hung on the noun of its "by" agent: "X has
    been found by inspectors *to have sold* ..." (the infinitive read as the inspectors'
    relative clause), "X was accused by Y *of selling* ..." (the "of" phrase as Y's). A passive's
    agent takes no such complement of its own there, so ``tok`` completes the verb. Only an
    infinitive with no subject of its own, or "of" before a gerund: "auditors who had shipped"
    and "officials in Lima" are the agent's own."""
    noun = tok.head
    if noun.dep_ != "pobj" or noun.head.dep_ != "agent" or noun.i > tok.i or noun.head.head.pos_ != "VERB":
        return None
    if tok.dep_ in ("acl", "relcl"):
        hung = to_infinitive(tok) and not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)
    else:
        hung = tok.dep_ == "prep" and tok.lower_ == "of" and any(
            c.dep_ == "pcomp" and gerund(c) or c.dep_ == "pobj" and c.left_edge.lower_.endswith("ing")
            for c in tok.children)
    return noun.head.head if hung else None


__all__ = ["FINITE_TAGS", "finite", "gerund", "hung_on_agent", "noun_gerund", "to_infinitive"]
