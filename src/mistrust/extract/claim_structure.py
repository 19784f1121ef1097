"""Claim structure (claims-v2): coordination and anaphora.

Coordinated parties of a symmetric act become subject and object with a theme; coordinated
arguments of a directed act give one pair per conjunct; "it"/"he"/"the regime" resolve to the
main-clause subject of this or the previous sentence. Split from :mod:`mistrust.extract.claims`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from mistrust.extract.claim_args import _Arg, _Index, _mention_arg, _phrase, _prep_obj
from mistrust.extract.predicates import noun_predicate
from mistrust.model.documents import Mention

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

# Symmetric acts: "Iran and North Korea cooperated" is Iran <-> North Korea; the other argument
# (what they cooperated on) becomes the claim's theme.
SYMMETRIC = frozenset({"cooperate", "meet", "agree"})

_MAX_CONJUNCTS = 4  # "A, B, C and D supplied ..." -> at most 4 x 4 claims from one coordination

# Definite descriptions that refer back to a state or group named before ("the regime", "the group").
_ANAPHORS = frozenset({"it", "regime", "country", "group", "organization", "organisation", "state",
                       "government", "militia", "movement", "company", "firm", "administration"})

_ACTOR_LABELS = frozenset({"Country", "Organization"})

# Subject pronouns and the mention kinds they may stand for ("they" is left alone: too often people).
_PRONOUN_LABELS = {"it": _ACTOR_LABELS, "he": frozenset({"Person"}), "she": frozenset({"Person"})}


def _conjunct_mentions(tok: Token | None, index: _Index) -> list[Mention]:
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


def _expand(predicate: str, subj: Token | None, obj: Token | None, s_arg: _Arg, o_arg: _Arg,
            theme: str | None, index: _Index) -> tuple[list[tuple[_Arg, _Arg]], str | None]:
    """(subject, object) pairs of one event, and its theme.

    Symmetric acts with coordinated subjects pair the parties ("Iran and North Korea cooperated on
    X": Iran/North Korea, theme X); other acts give one claim per conjunct of subject and object
    ("supplies weapons to Hamas and Hezbollah": two claims sharing span, status and attribution).
    """
    subjects = _conjunct_mentions(subj, index) if s_arg[2] else []
    objects = _conjunct_mentions(obj, index) if o_arg[2] else []
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
            theme = _theme_text(obj)
        parties = [_mention_arg(m) for m in subjects]
        return [(a, b) for i, a in enumerate(parties) for b in parties[i + 1:]], theme
    s_list = [_mention_arg(m) for m in subjects] if len(subjects) >= 2 else [s_arg]
    o_list = [_mention_arg(m) for m in objects] if len(objects) >= 2 else [o_arg]
    return [(a, b) for a in s_list for b in o_list if a[1] is None or a[1] != b[1]], theme


def _theme_text(tok: Token) -> str:
    """ "development of long-range missiles" for the event noun, else the noun phrase."""
    if noun_predicate(tok.lower_):
        pobj = _prep_obj(tok, ("of",))
        if pobj is not None:
            return f"{tok.lower_} of {_phrase(pobj)}"
    # "weapons and technology": the coordinated things together
    return " and ".join(_phrase(t) for t in [tok, *(c for c in tok.conjuncts if c.i > tok.i)][:_MAX_CONJUNCTS])


def _is_anaphor(tok: Token) -> bool:
    """ "it", "he", "the regime", "the group": a pronoun or a bare definite description of an actor."""
    if tok.lower_ in _PRONOUN_LABELS:
        return True
    det = [c.lower_ for c in tok.children if c.dep_ == "det"]
    mods = [c for c in tok.children if c.dep_ in ("amod", "compound", "poss", "prep", "relcl", "acl")]
    return tok.pos_ == "NOUN" and tok.lower_ in _ANAPHORS and det in (["the"], ["this"]) and not mods


def _main_subject(sent: Span, index: _Index, labels: frozenset[str], before: int | None = None) -> Mention | None:
    root = sent.root
    for c in root.children:
        if c.dep_ in ("nsubj", "nsubjpass") and (before is None or c.i < before):
            m = index.in_subtree(c, skip={g.i for k in c.children if k.dep_ in ("relcl", "acl") for g in k.subtree})
            if m is not None and m.label in labels:
                return m
    return None


def _governing_subject(pred: Token, index: _Index, labels: frozenset[str], before: int) -> Mention | None:
    """The subject of the nearest clause above ``pred`` that names a compatible actor before ``before``."""
    for head in pred.ancestors:
        for c in head.children:
            if c.dep_ in ("nsubj", "nsubjpass") and c.i < before:
                m = index.in_subtree(c, skip={g.i for k in c.children if k.dep_ in ("relcl", "acl")
                                              for g in k.subtree})
                if m is not None and m.label in labels:
                    return m
    return None


def _resolve_anaphor(subj: Token, pred: Token, index: _Index) -> _Arg | None:
    """The main-clause subject of this sentence (when it comes first) or of the previous sentence,
    when it is a mention of a compatible kind ("it"/"the regime": a state or group; "he"/"she": a person).

    Subjects are the likeliest antecedents of a following subject pronoun (the centering
    heuristic); a later mention in the previous sentence ("... a missile near Japan. It ...") is
    usually not. Nothing is guessed when that subject is not of a compatible kind.
    """
    labels = _PRONOUN_LABELS.get(subj.lower_, _ACTOR_LABELS)
    sent = pred.sent
    if sent.root != pred and sent.root != subj.head:
        # "North Korea dismissed warnings that it would face ...": a subordinate clause's pronoun
        # takes the subject of the nearest clause that governs it ("Iran denied that it had
        # supplied drones, the ministry said": Iran, not the ministry), then the main clause's.
        m = _governing_subject(pred, index, labels, before=subj.i) or _main_subject(
            sent, index, labels, before=subj.i)
        if m is not None:
            return _mention_arg(m)
    if sent.start == 0:
        return None
    m = _main_subject(pred.doc[sent.start - 1].sent, index, labels)
    return _mention_arg(m) if m is not None else None
