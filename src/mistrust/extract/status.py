"""Status of a claim: asserted, attributed, hedged or denied; and the main-claim status of a text.

Precedence is denied > hedged > attributed > asserted: a denial reported by someone is still a
denial, and "X reportedly shipped" is weaker than a plain attribution. Cues are looked up per
token (one pass, set membership), over a token range given by the caller (a claim's clause).

``main_status`` reads headline-style texts (Emergent): the status of the sentence's main verb and
whatever governs it, plus headline conventions ("Report: ...", "... -- sources", a question mark).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from mistrust.extract.predicates import inflections
from mistrust.model.documents import ClaimStatus, Extraction

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

EXTRACTOR = "status-v1"

PRECEDENCE: dict[str, int] = {"asserted": 0, "attributed": 1, "hedged": 2, "denied": 3}

# Verbs that deny or refute what follows them (base forms; inflections generated).
DENIAL_VERBS = ("deny", "reject", "dismiss", "refute", "rebut", "disavow", "debunk", "dispute", "contradict",
                "disprove", "rubbish", "slam", "repudiate", "retract", "disown", "quash", "squash", "scotch",
                "counter", "discredit", "bust", "correct")
DENIAL_FORMS = frozenset(f for v in DENIAL_VERBS for f in inflections(v))
# Words that mark the claim itself as false in headline/news usage.
DENIAL_WORDS = frozenset({
    "hoax", "hoaxes", "fake", "false", "falsely", "untrue", "baseless", "bogus", "myth", "debunked", "denial",
    "denials", "rumour-busting", "groundless", "fabricated", "fabrication", "nonsense", "unfounded", "lies",
    "satire", "satirical", "phony", "fiction", "fictional", "wrong", "misleading", "no", "not", "never",
    "n't", "nothing", "none", "nor", "neither", "nobody", "without",
})
# Negators only count as denial when they negate the main event, not anywhere in the text.
NEGATORS = frozenset({"not", "n't", "never", "no", "nothing", "none", "nobody", "neither", "nor", "without"})

HEDGE_MODALS = frozenset({"may", "might", "could", "would", "should", "can"})
HEDGE_ADVERBS = frozenset({
    "reportedly", "allegedly", "apparently", "possibly", "probably", "likely", "perhaps", "maybe",
    "purportedly", "supposedly", "seemingly", "ostensibly", "presumably", "potentially", "unconfirmed",
    "rumored", "rumoured", "speculation", "rumor", "rumour", "rumors", "rumours", "claim", "claims",
    "claimed", "alleged", "suspected", "purported", "possible", "unverified", "uncertain", "unclear",
})
# Verbs that hedge a raised complement: "is said to", "appears to", "is believed to".
HEDGE_RAISING = frozenset({"say", "said", "believe", "believed", "think", "thought", "report", "reported",
                           "allege", "alleged", "suspect", "suspected", "rumor", "rumored", "rumour", "rumoured",
                           "expect", "expected", "understand", "understood", "know", "known", "feared",
                           "appear", "appears", "appeared", "seem", "seems", "seemed", "suggest", "suggests",
                           "suggested"})
HEDGE_VERBS = frozenset(f for v in ("appear", "seem", "suggest", "suspect", "speculate", "allege", "rumor",
                                    "rumour", "believe", "fear", "hint", "claim", "indicate")
                        for f in inflections(v))


def merge(*statuses: ClaimStatus | None) -> ClaimStatus:
    """The strongest of several statuses (denied > hedged > attributed > asserted)."""
    best: ClaimStatus = "asserted"
    for s in statuses:
        if s is not None and PRECEDENCE[s] > PRECEDENCE[best]:
            best = s
    return best


def is_denial_token(tok: Token) -> bool:
    return tok.lower_ in DENIAL_FORMS


def token_status(tokens: Iterable[Token]) -> ClaimStatus:
    """Hedge/denial cues among ``tokens`` (a claim's clause, not the whole document)."""
    status: ClaimStatus = "asserted"
    for tok in tokens:
        low = tok.lower_
        if low in DENIAL_FORMS and tok.pos_ in ("VERB", "NOUN") or low in NEGATORS and tok.dep_ == "neg":
            return "denied"
        if low in HEDGE_ADVERBS or (low in HEDGE_MODALS and tok.tag_ == "MD"):
            status = "hedged"
        elif low in HEDGE_RAISING and _raises(tok):
            status = "hedged"
    return status


def _raises(tok: Token) -> bool:
    """True for "is said to have", "appears to", "believed to be": a raising verb with an xcomp."""
    return any(c.dep_ == "xcomp" for c in tok.children)


def governing_status(head: Token, stop: int | None = None) -> ClaimStatus:
    """Status from the predicate's own modifiers and the verbs that govern it.

    Walks from the predicate up the dependency tree (at most a few steps) and looks at each
    verb's auxiliaries, negation and adverbs; a denial verb above the predicate denies it
    ("Tehran denied shipping parts"). ``stop`` is a token index not to climb past (e.g. an
    attribution cue whose status is decided separately).
    """
    status: ClaimStatus = "asserted"
    tok: Token | None = head
    for depth in range(6):
        if tok is None:
            break
        if depth > 0 and tok.lower_ in DENIAL_FORMS:
            return "denied"
        if depth > 0 and tok.lower_ in HEDGE_VERBS:
            status = merge(status, "hedged")
        for c in tok.children:
            low = c.lower_
            if c.dep_ == "neg" or (low in NEGATORS and c.dep_ in ("det", "advmod") and depth == 0):
                return "denied"
            if c.dep_ in ("aux", "advmod", "amod") and (low in HEDGE_ADVERBS or (c.tag_ == "MD"
                                                                                 and low in HEDGE_MODALS)):
                status = merge(status, "hedged")
        if depth > 0 and tok.lower_ in HEDGE_RAISING and _raises(tok):
            status = merge(status, "hedged")
        if tok.dep_ in ("ROOT",) or tok.head == tok or (stop is not None and tok.head.i == stop):
            break
        if tok.dep_ not in ("xcomp", "ccomp", "conj", "advcl", "pobj", "prep", "dobj", "acl", "relcl",
                            "nsubj", "nsubjpass", "amod", "compound", "attr", "pcomp"):
            break
        tok = tok.head
    return status


_HEADLINE_ATTRIBUTED = re.compile(
    r"^\s*(?:report|reports|sources?|rumou?r|police|officials?|study|poll|video|photo|watch|exclusive)\s*[:|]"
    r"|\b(?:says|said|say|claims?|claimed|reports?|reported|according to|told|tells|alleges?|suggests?"
    r"|sources?|insists?|thinks|believes?|warns?|predicts?|reveals?|believes|hints?)\b", re.I)
_HEADLINE_HEDGED = re.compile(
    r"\?\s*$|\b(?:may|might|could|reportedly|allegedly|rumou?red|rumou?rs?|possibly|apparently|purportedly"
    r"|supposedly|unconfirmed|speculation|likely|probably|perhaps|maybe|suspected|alleged|claims?"
    r"|is said to|are said to|believed to|thought to|expected to|appears? to|seems? to|set to|plans?|"
    r"considering|mulls?|in talks)\b", re.I)
_HEADLINE_DENIED = re.compile(
    r"\b(?:hoax|fake|false|falsely|untrue|baseless|bogus|myth|debunk\w*|den(?:y|ies|ied|ial)|reject\w*"
    r"|dismiss\w*|refut\w*|not true|no evidence|never|isn't|aren't|wasn't|weren't|didn't|doesn't|won't"
    r"|not|no|rubbish\w*|satir\w*|fabricat\w*|nonsense|misleading|slam\w*|shoots? down|shot down"
    r"|put to rest|scotch\w*|quash\w*|dispel\w*|disput\w*|phony|correct\w*|retract\w*|unfounded"
    r"|turns? out|wrong|nope|not real)\b", re.I)


def headline_status(text: str) -> ClaimStatus:
    """Keyword rules for short headline-style texts (no parse): the baseline and a fallback."""
    if _HEADLINE_DENIED.search(text):
        return "denied"
    if _HEADLINE_HEDGED.search(text):
        return "hedged"
    if _HEADLINE_ATTRIBUTED.search(text):
        return "attributed"
    return "asserted"


def main_status(target: Extraction | Doc | Span | Any) -> ClaimStatus:
    """Status of a text's main claim.

    For an :class:`Extraction`: the status of its first claim in text order (news leads and
    headlines put the main claim first), else the text-level status it already carries. For a
    spaCy ``Doc``/``Span``: the main verb of the first sentence and its governors, combined with
    headline conventions.
    """
    if isinstance(target, Extraction):
        if target.claims:
            first = min(target.claims, key=lambda c: c.start)
            return first.status
        return target.status or "asserted"
    sents: Sequence[Span] = list(target.sents)
    if not sents:
        return "asserted"
    sent = sents[0]
    return merge(headline_status(sent.text), _parse_status(sent))


def _parse_status(sent: Span) -> ClaimStatus:
    root = sent.root
    status = token_status([root, *root.children])
    if any(c.dep_ == "neg" for c in root.children):
        return "denied"
    return status
