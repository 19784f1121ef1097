"""Claim structure (claims-v2/v3): coordination and anaphora.

Coordinated parties of a symmetric act become subject and object with a theme; coordinated
arguments of a directed act give one pair per conjunct; "it"/"he"/"the regime" resolve to the
main-clause subject of this or the previous sentence; "the two countries", "both sides" and
"they" after a coordinated subject resolve to the last pair named together. Split from
:mod:`mistrust.extract.claims`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace
from typing import TYPE_CHECKING

from mistrust.extract.claim_args import Arg, MentionIndex, mention_arg, phrase_of, prep_obj
from mistrust.extract.frames import JOINT_ACTIVITY, KIND_NOUNS
from mistrust.extract.predicates import noun_predicate
from mistrust.model.documents import Attribution, Mention
from mistrust.model.vocabulary import NEWS_AGENCIES, SYMMETRIC_PREDICATES

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# Symmetric acts: "Iran and North Korea cooperated" is Iran <-> North Korea; the other argument
# (what they cooperated on) becomes the claim's theme.
SYMMETRIC = SYMMETRIC_PREDICATES


_MAX_CONJUNCTS = 4  # "A, B, C and D supplied ..." -> at most 4 x 4 claims from one coordination

_ACTOR_LABELS = frozenset({"Country", "Organization"})
_STATES = frozenset({"Country"})
_GROUPS = frozenset({"Organization"})
_VESSELS = frozenset({"Vessel"})

# Definite descriptions that refer back to an actor named before, and the mention kinds each may
# stand for: "the country" a state, "the group" an organisation, "the tanker" a named vessel.
_DESCRIPTIONS: dict[str, frozenset[str]] = {
    **dict.fromkeys(("country", "state", "government", "regime", "administration", "nation"), _STATES),
    **dict.fromkeys(("group", "organization", "organisation", "militia", "movement", "company", "firm",
                     "network"), _GROUPS),
    **dict.fromkeys(("ship", "vessel", "tanker", "freighter", "carrier", "boat"), _VESSELS),
}

# Subject pronouns and the mention kinds they may stand for ("they" is left alone: too often people).
_PRONOUN_LABELS = {"it": _ACTOR_LABELS | _VESSELS, "he": frozenset({"Person"}), "she": frozenset({"Person"})}
_AGENCY_NAMES = frozenset(n.lower() for names in NEWS_AGENCIES.values() for n in names)
_SALIENCE_WINDOW = 2  # sentences back (besides the anaphor's own) searched for the latest compatible mention


# Plural definite descriptions of two actors named together before ("the two countries", "both
# sides") and the mention kinds they may stand for.
_PERSONS = frozenset({"Person"})
_PAIR_HEADS: dict[str, frozenset[str]] = {
    **dict.fromkeys(("countries", "nations", "states", "governments", "allies", "neighbours", "neighbors",
                     "regimes", "capitals", "powers", "adversaries", "rivals", "partners"), _ACTOR_LABELS),
    **dict.fromkeys(("groups", "organisations", "organizations", "companies", "firms", "banks", "militias",
                     "agencies", "entities"), frozenset({"Organization"})),
    **dict.fromkeys(("leaders", "men", "women", "presidents", "ministers", "officials"), _PERSONS),
    **dict.fromkeys(("sides", "parties"), _ACTOR_LABELS | _PERSONS),
}
_PAIR_WINDOW = 3  # sentences back (besides the anaphor's own) where the pair may be named


def window_start(sent: Span, sentences: int) -> int:
    """Token index where the window of ``sentences`` sentences before ``sent`` begins."""
    doc = sent.doc
    start = sent.start
    for _ in range(sentences):
        if start == 0:
            break
        start = doc[start - 1].sent.start
    return start

def pair_anaphor_labels(tok: Token) -> frozenset[str] | None:
    """Mention kinds a plural anaphor may stand for ("the two countries", "both sides"), else None.

    Only a bare description counts: "the two countries in the Gulf" or "both countries that ..."
    say which two themselves.
    """
    labels = _PAIR_HEADS.get(tok.lower_)
    if labels is None or tok.pos_ not in ("NOUN", "PROPN"):
        return None
    words = {c.lower_ for c in tok.children if c.dep_ in ("det", "predet", "nummod", "quantmod")}
    if any(c.dep_ in ("prep", "relcl", "acl", "compound", "poss", "appos") for c in tok.children):
        return None
    if "both" in words or ("two" in words and words & {"the", "these", "those"}):
        return labels
    return None


def _pair_at(tok: Token, index: MentionIndex, labels: frozenset[str]) -> list[Mention] | None:
    """The two actor mentions coordinated at ``tok`` ("Iran and North Korea"), else None."""
    first = index.by_token.get(tok.i)
    conj = [c for c in tok.children if c.dep_ == "conj"]
    if first is None or len(conj) != 1 or first.label not in labels or tok.dep_ == "conj":
        return None
    if any(c.dep_ == "conj" for c in conj[0].children):
        return None  # three or more named: not "the two"
    second = index.in_subtree(conj[0], skip={g.i for k in conj[0].children if k.dep_ in ("relcl", "acl", "appos")
                                             for g in k.subtree})
    if second is None or second is first or second.label not in labels:
        return None
    if (second.canonical or second.text) == (first.canonical or first.text):
        return None
    return [first, second]


def resolve_pair(anaphor: Token, index: MentionIndex) -> list[Mention] | None:
    """The most recent coordinated pair of compatible actors before a plural anaphor ("Iran and North
    Korea ... the two countries"), in this sentence or the ``_PAIR_WINDOW`` before it; else None.

    The nearest pair wins (recency, as for any anaphor); nothing is guessed from actors that were
    not named together.
    """
    labels = pair_anaphor_labels(anaphor)
    if labels is None:
        return None
    doc = anaphor.doc
    sent = anaphor.sent
    start = window_start(sent, _PAIR_WINDOW)
    for i in range(anaphor.i - 1, start - 1, -1):
        pair = _pair_at(doc[i], index, labels) or _comitative_pair(doc[i], index, labels)
        if pair is not None:
            return pair
    return None


def _comitative_pair(verb: Token, index: MentionIndex, labels: frozenset[str]) -> list[Mention] | None:
    """ "Macron spoke with Trump", "Putin met with Kim", "Cuba held talks with Angola": a subject and
    its "with" partner are a pair too."""
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    # "spoke with Y", or on the object: "held talks with Y", "signed a deal with Y"
    holders = [verb, *(c for c in verb.children if c.dep_ == "dobj")]
    partner = next((g for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ == "with"
                    for g in c.children if g.dep_ == "pobj"), None)
    if subj is None or partner is None or any(c.dep_ == "conj" for c in (*subj.children, *partner.children)):
        return None
    a, b = index.by_token.get(subj.i), index.by_token.get(partner.i)
    if a is None or b is None or a is b or a.label not in labels or b.label not in labels:
        return None
    return None if (a.canonical or a.text) == (b.canonical or b.text) else [a, b]


def resolve_they(subj: Token, pred: Token, index: MentionIndex) -> list[Mention] | None:
    """ "Iran and Syria ... They resumed ...": "they" as the subject after a coordinated pair of
    states or groups that was itself the subject (of a clause governing this one, or of the
    previous sentence's main clause), the centering heuristic used for "it". Any other "they"
    (officials, people, a single plural noun) is left alone.
    """
    if subj.lower_ != "they" or subj.pos_ != "PRON":
        return None
    governing = next(_governing_subject_tokens(pred, subj.i), None)
    if governing is not None:
        return _pair_at(governing, index, _ACTOR_LABELS)  # the nearest governing subject decides
    sent = pred.sent
    if sent.start == 0:
        return None
    prev = next(_subject_tokens(pred.doc[sent.start - 1].sent.root), None)
    return _pair_at(prev, index, _ACTOR_LABELS) if prev is not None else None


def _conjunct_mentions(tok: Token | None, index: MentionIndex) -> list[Mention]:
    """The distinct actor mentions coordinated at ``tok`` ("Hamas and Hezbollah"), in text order.

    Only conjuncts that are mentions count ("Iran, Syria and other states" -> Iran, Syria); a
    multi-word name holding "and" ("Trinidad and Tobago") is one mention and does not split.
    """
    if tok is None:
        return []
    first = index.in_subtree(tok, skip={g.i for k in tok.children if k.dep_ in ("relcl", "acl") for g in k.subtree})
    if first is None:
        return []
    span = tok.doc.char_span(first.start, first.end, alignment_mode="expand")
    if span is not None:
        tok = span.root  # "rockets and know-how to Hamas and Hezbollah": coordinate at Hamas, not rockets
    out: list[Mention] = []
    for c in [tok, *(c for c in tok.conjuncts if c.i > tok.i)]:
        skip = {g.i for k in c.children if k.dep_ in ("conj", "relcl", "acl", "appos") for g in k.subtree}
        m = index.in_subtree(c, skip=skip)
        if m is not None and all((m.canonical or m.text) != (o.canonical or o.text) for o in out):
            out.append(m)
    return out[:_MAX_CONJUNCTS]


def _distinct(mentions: list[Mention]) -> list[Mention]:
    out: list[Mention] = []
    for m in mentions:
        if all((m.canonical or m.text) != (o.canonical or o.text) for o in out):
            out.append(m)
    return out


def expand_pairs(predicate: str, subj: Token | None, obj: Token | None, s_arg: Arg, o_arg: Arg,
            theme: str | None, index: MentionIndex, s_group: list[Mention] | None = None,
            o_group: list[Mention] | None = None) -> tuple[list[tuple[Arg, Arg]], str | None]:
    """(subject, object) pairs of one event, and its theme.

    Symmetric acts with coordinated subjects pair the parties ("Iran and North Korea cooperated on
    X": Iran/North Korea, theme X); other acts give one claim per conjunct of subject and object
    ("supplies weapons to Hamas and Hezbollah": two claims sharing span, status and attribution).
    """
    subjects = s_group or (_conjunct_mentions(subj, index) if s_arg[2] else [])
    objects = o_group or (_conjunct_mentions(obj, index) if o_arg[2] else [])
    if predicate in SYMMETRIC and o_group and not subjects and not s_arg[2]:
        # "cooperation between the two countries": the resolved pair are the parties
        return [(mention_arg(o_group[0]), mention_arg(o_group[1]))], theme
    if o_group:
        o_arg = mention_arg(o_group[0])  # an actor object: the symmetric test below sees a party
    if predicate in SYMMETRIC and len(subjects) < 2 and not o_arg[2] and subj is not None:
        # A misparsed subject ("[A]ccording to a state, North Korea and Iran have resumed ..." hangs
        # the parties under "According"): fall back to the actors named in the subject's subtree.
        named = _distinct(index.all_in(subj))
        if len(named) >= 2:
            subjects = named[:2]
    placed = obj is not None and obj.dep_ == "pobj" and obj.head.lower_ in ("in", "at", "during", "near")
    if predicate in SYMMETRIC and len(subjects) >= 2 and (not o_arg[2] or placed):
        # "Trump and Kim met in Hanoi": a place is where the parties met, not a third party
        if theme is None and o_arg[0] is not None and obj is not None and not placed:
            theme = theme_text(obj)
        parties = [mention_arg(m) for m in subjects]
        return [(a, b) for i, a in enumerate(parties) for b in parties[i + 1:]], theme
    s_list = [mention_arg(m) for m in subjects] if len(subjects) >= 2 else [s_arg]
    o_list = [mention_arg(m) for m in objects] if len(objects) >= 2 else [o_arg]
    return [(a, b) for a in s_list for b in o_list if a[1] is None or a[1] != b[1]], theme


def theme_text(tok: Token) -> str:
    """ "development of long-range missiles" for the event noun, else the noun phrase."""
    if tok.lower_ in KIND_NOUNS:
        inner = prep_obj(tok, ("of",))
        if inner is not None:
            return theme_text(inner)  # "some kind of deal on water": the deal
    if noun_predicate(tok.lower_):
        pobj = prep_obj(tok, ("of",))
        if pobj is not None:
            return f"{tok.lower_} of {phrase_of(pobj)}"
    if tok.lower_ in JOINT_ACTIVITY:
        # "joint work on long-range missiles": the activity and what it is on
        for prep in ("on", "of", "in"):
            pobj = prep_obj(tok, (prep,))
            if pobj is not None:
                return f"{tok.lower_} {prep} {phrase_of(pobj)}"
    # "weapons and technology": the coordinated things together
    return " and ".join(phrase_of(t) for t in [tok, *(c for c in tok.conjuncts if c.i > tok.i)][:_MAX_CONJUNCTS])


def is_anaphor(tok: Token) -> bool:
    """ "it", "he", "the regime", "the group": a pronoun or a bare definite description of an actor."""
    return anaphor_labels(tok) is not None


def anaphor_labels(tok: Token) -> frozenset[str] | None:
    """The mention kinds an anaphor may stand for: a pronoun ("it", "he") or a bare definite
    description ("the regime", "the tanker"); None for anything else, including a description that
    says which one itself ("the Iranian tanker", "the ship that docked")."""
    if tok.lower_ in _PRONOUN_LABELS:
        return _PRONOUN_LABELS[tok.lower_] if tok.pos_ == "PRON" else None
    det = [c.lower_ for c in tok.children if c.dep_ == "det"]
    mods = [c for c in tok.children if c.dep_ in ("amod", "compound", "poss", "prep", "relcl", "acl", "nummod")]
    if tok.pos_ == "NOUN" and tok.lower_ in _DESCRIPTIONS and det in (["the"], ["this"]) and not mods:
        return _DESCRIPTIONS[tok.lower_]
    return None


def _subject_tokens(head: Token, before: int | None = None) -> Iterator[Token]:
    """The subject tokens of the clause headed by ``head`` (those before ``before`` when given)."""
    for c in head.children:
        if c.dep_ in ("nsubj", "nsubjpass") and (before is None or c.i < before):
            yield c


def _governing_subject_tokens(pred: Token, before: int) -> Iterator[Token]:
    """Subject tokens of the clauses above ``pred``, nearest clause first, each before ``before``."""
    for head in pred.ancestors:
        yield from _subject_tokens(head, before)


def _first_actor(subjects: Iterable[Token], index: MentionIndex, labels: frozenset[str]) -> Mention | None:
    """The first of ``subjects`` whose principal mention (relative clauses aside) is of a compatible kind."""
    for c in subjects:
        m = index.principal(c, skip={g.i for k in c.children if k.dep_ in ("relcl", "acl") for g in k.subtree})
        if m is not None and m.label in labels:
            return m
    return None


def _main_subject(sent: Span, index: MentionIndex, labels: frozenset[str], before: int | None = None) -> Mention | None:
    return _first_actor(_subject_tokens(sent.root, before), index, labels)


def _governing_subject(pred: Token, index: MentionIndex, labels: frozenset[str], before: int) -> Mention | None:
    """The subject of the nearest clause above ``pred`` that names a compatible actor before ``before``."""
    return _first_actor(_governing_subject_tokens(pred, before), index, labels)


def resolve_anaphor(subj: Token, pred: Token, index: MentionIndex) -> Arg | None:
    """The main-clause subject of this sentence (when it comes first) or of the previous sentence,
    when it is a mention of a compatible kind ("it"/"the regime": a state or group; "he"/"she": a person;
    "the tanker": a vessel); failing that, the latest compatible mention (:func:`resolve_salient`).

    Subjects are the likeliest antecedents of a following subject pronoun (the centering
    heuristic); a later mention in the previous sentence ("... a missile near Japan. It ...") is
    usually not, so recency only decides when no subject fits.
    """
    labels = anaphor_labels(subj) or _ACTOR_LABELS
    sent = pred.sent
    if sent.root != pred and sent.root != subj.head:
        # "North Korea dismissed warnings that it would face ...": a subordinate clause's pronoun
        # takes the subject of the nearest clause that governs it ("Iran denied that it had
        # supplied drones, the ministry said": Iran, not the ministry), then the main clause's.
        m = _governing_subject(pred, index, labels, before=subj.i) or _main_subject(
            sent, index, labels, before=subj.i)
        if m is not None:
            return mention_arg(m)
    if sent.start > 0:
        m = _main_subject(pred.doc[sent.start - 1].sent, index, labels)
        if m is not None:
            return mention_arg(m)
    # A pronoun is too often about a thing or an event ("it said", "it was unclear") to take the
    # latest name; a description says its kind ("the tanker"), which is what recency needs.
    return resolve_salient(subj, index) if subj.pos_ != "PRON" else None


def resolve_salient(anaphor: Token, index: MentionIndex, other: str | None = None) -> Arg | None:
    """The latest mention of a kind the anaphor may stand for, before it in its sentence or in the
    ``_SALIENCE_WINDOW`` sentences before ("The Panama-flagged Ocean Star ... Iran seized the
    tanker": the Ocean Star). ``other`` is the canonical name of the event's other argument, which
    the anaphor cannot be ("Iran said the country ..." is not Iran acting on itself). None when no
    mention fits: nothing is guessed from a kind that does not match.
    """
    labels = anaphor_labels(anaphor)
    if labels is None:
        return None
    doc = anaphor.doc
    start = anaphor.sent.start
    for _ in range(_SALIENCE_WINDOW):
        if start == 0:
            break
        start = doc[start - 1].sent.start
    own = {t.i for t in anaphor.subtree}
    for i in range(anaphor.i - 1, start - 1, -1):
        m = index.by_token.get(i)
        if m is None or i in own or m.label not in labels:
            continue
        if (other is not None and (m.canonical or m.text) == other) or m.text.lower() in _AGENCY_NAMES:
            continue  # a news agency is who reports, never "the group" or "the company" itself
        return mention_arg(m)
    return None


def named_speaker(att: Attribution | None, doc: Doc, index: MentionIndex) -> Attribution | None:
    """ "..., he told reporters": a pronoun source stands for the latest person named before its
    sentence (the quote's own words are what he says, not who he is). The chain gets the name in
    the pronoun's place; the source span stays the pronoun the text wrote."""
    if att is None or att.source is None or att.source.text.lower() not in ("he", "she"):
        return att
    span = doc.char_span(att.source.start, att.source.end)
    if span is None:
        return att
    sent = span.root.sent
    start = window_start(sent, _SALIENCE_WINDOW)
    for i in range(sent.start - 1, start - 1, -1):
        m = index.by_token.get(i)
        if m is not None and m.label == "Person":
            chain = [*att.chain[:-1], m.text] if att.chain else [m.text]
            return replace(att, chain=chain)
    return att
