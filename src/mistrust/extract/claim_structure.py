"""Claim structure (claims-v2/v3): coordination and anaphora.

Coordinated parties of a symmetric act become subject and object with a theme; coordinated
arguments of a directed act give one pair per conjunct; "the two countries", "both sides" and
"they" after a coordinated subject resolve to the last pair named together (a single actor's
"it", "the regime" is :mod:`mistrust.extract.anaphora`'s). Split from
:mod:`mistrust.extract.claims`.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from mistrust.extract.anaphora import window_start
from mistrust.extract.claim_args import Arg, MentionIndex, mention_arg, phrase_of, prep_obj
from mistrust.extract.frames import JOINT_ACTIVITY, KIND_NOUNS
from mistrust.extract.predicates import noun_predicate
from mistrust.model.documents import Mention
from mistrust.model.vocabulary import SYMMETRIC_PREDICATES

if TYPE_CHECKING:
    from spacy.tokens import Token

# Symmetric acts: "Iran and North Korea cooperated" is Iran <-> North Korea; the other argument
# (what they cooperated on) becomes the claim's theme.
SYMMETRIC = SYMMETRIC_PREDICATES


_MAX_CONJUNCTS = 4  # "A, B, C and D supplied ..." -> at most 4 x 4 claims from one coordination

_ACTOR_LABELS = frozenset({"Country", "Organization"})

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
    group = tok
    span = tok.doc.char_span(first.start, first.end, alignment_mode="expand")
    if span is not None:
        tok = span.root  # "rockets and know-how to Hamas and Hezbollah": coordinate at Hamas, not rockets
    # "the militias in Chad and their backers -- A and B --", "firms in Chad and Libya's army": a
    # name or an enumerated group coordinated with the noun whose modifier gave the first name
    enumerated = [c for c in group.conjuncts if c.i > group.i and (c.i in index.by_token or _enumerated(c, index))
                  ] if group != tok else []
    out: list[Mention] = []
    for c in [*_coordinated_modifiers(tok, index), tok, *(c for c in tok.conjuncts if c.i > tok.i), *enumerated]:
        skip = {g.i for k in c.children if k.dep_ in ("conj", "relcl", "acl", "appos") for g in k.subtree}
        members = _enumerated(c, index)
        if not members:
            own = index.in_subtree(c, skip=skip)
            members = [own] if own is not None else []
        for m in members:
            if all((m.canonical or m.text) != (o.canonical or o.text) for o in out):
                out.append(m)
    return out[:_MAX_CONJUNCTS]


def _coordinated_modifiers(tok: Token, index: MentionIndex) -> list[Token]:
    """Names the parser hangs on a coordinated name as modifiers: in "the US and European Union" it
    may read "US" (with its "and") as a modifier of "Union", in "between A and B's C" A as C's
    owner; a modifier that carries the conjunction and is a name of its own is a conjunct."""
    own = index.by_token.get(tok.i)
    return [c for c in tok.children if c.dep_ in ("nmod", "compound", "amod", "poss") and c.i < tok.i
            and any(g.dep_ == "cc" and (m := index.by_token.get(c.i)) is not None and m is not own
                    and m.end <= g.idx for g in c.children)]  # (not a name running into its "and")


# Prepositions that join the two camps of one enumeration ("A and B vs C and D").
_VERSUS = frozenset({"vs", "vs.", "versus"})


def _enumerated(group: Token, index: MentionIndex) -> list[Mention]:
    """The named members a plural group noun is enumerated by, in an apposition: "their backers --
    A, B and C --", "two neighbours, A and B," (the members stand in for the group); none when the
    group is a name itself or its apposition names no one."""
    if group.pos_ != "NOUN" or group.tag_ != "NNS" or group.i in index.by_token:
        return []
    appos = next((c for c in group.children if c.dep_ == "appos"), None)
    if appos is None:
        return []
    heads = [appos, *(g for c in appos.children if c.dep_ == "prep" and c.lower_ in _VERSUS
                      for g in c.children if g.dep_ == "pobj")]
    members: list[Mention] = []
    for h in heads:
        for c in [h, *(c for c in h.conjuncts if c.i > h.i)]:
            m = index.by_token.get(c.i)
            if m is not None:
                members.append(m)
    # an apposition that is one description ("their backers, a group of Gulf states") is no list
    return members if len(members) >= 2 else []


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
    if predicate in SYMMETRIC and not subjects and not s_arg[2] and len(objects) >= 2 \
            and obj is not None and obj.dep_ == "pobj" and obj.head.lower_ == "between":
        # "a meeting between A and B", "talks between A, B and C": the parties are each other's
        parties = [mention_arg(m) for m in objects]
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


def _subject_tokens(head: Token, before: int | None = None) -> Iterator[Token]:
    """The subject tokens of the clause headed by ``head`` (those before ``before`` when given)."""
    for c in head.children:
        if c.dep_ in ("nsubj", "nsubjpass") and (before is None or c.i < before):
            yield c


def _governing_subject_tokens(pred: Token, before: int) -> Iterator[Token]:
    """Subject tokens of the clauses above ``pred``, nearest clause first, each before ``before``."""
    for head in pred.ancestors:
        yield from _subject_tokens(head, before)
