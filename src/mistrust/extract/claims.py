"""Claims: who did what to whom, when, and on whose word.

For each event verb ("shipped", "resumed cooperation", "denied any such cooperation") in a parsed
``Doc`` we read:

- predicate: the normalised verb (:mod:`mistrust.extract.predicates`); a light verb ("resumed",
  "conducted", "received") takes the predicate of its event-noun object ("cooperation", "test",
  "support"), and a denial verb with an event object denies that event rather than being one.
- subject / object: the grammatical subject and object (agent and patient for passives;
  "X received support from Y" is Y supporting X), preferring the entity mentions found by the
  entity step, named by their canonical names when the mention has one.
- time: the event time inside the predicate's clause (:mod:`mistrust.extract.timex`), never the
  publication date; relative times are resolved against ``reference`` when given.
- status: denied > hedged > attributed > asserted (:mod:`mistrust.extract.status`), where
  "attributed" comes from the innermost attribution whose content covers the predicate.
- span: the sentence holding the predicate.
- structure (claims-v2): coordinated parties of a symmetric act ("Iran and North Korea resumed
  joint development of X") become subject and object with X as ``theme``; coordinated arguments
  of a directed act ("to Hamas and Hezbollah") give one claim per conjunct, sharing span, status
  and attribution; a subject found elsewhere (relative pronoun -> antecedent, passive agent,
  "by"/"from" of an event noun, "it"/"he"/"the regime" -> the main-clause subject of this or the
  previous sentence when it is a compatible mention); memberships ("Iran's IRGC") as ``part_of``
  claims (:mod:`mistrust.extract.membership`).

One pass over the tokens; mentions and attributions are indexed once, so the cost is linear.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, NamedTuple

from mistrust.extract import status as st
from mistrust.extract.attribution import is_denial
from mistrust.extract.membership import PREDICATE as PART_OF
from mistrust.extract.membership import find_memberships, membership_status
from mistrust.extract.predicates import (
    LIGHT_VERBS,
    OBJECT_OVERRIDES,
    noun_predicate,
    verb_lemma,
    verb_predicate,
)
from mistrust.extract.timex import event_time
from mistrust.model._ids import content_id
from mistrust.model.documents import Attribution, Claim, ClaimStatus, Mention

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

EXTRACTOR = "claims-v2"

# Recipient-subject verbs: "X received/obtained support from Y" is Y -> X.
_RECEIVE = frozenset({"receive", "get", "obtain", "acquire", "accept"})
_OBJECT_PREPS = ("to", "with", "from", "against", "for", "on", "into", "in")
# Verbs that only make a claim with an entity argument ("built a wall" is not worth a claim).
_NEEDS_ENTITY = frozenset({"develop", "support", "meet", "agree", "operate", "attack", "acquire", "transfer",
                           "supply", "cooperate", "test", "resume"})


# Predicates whose interesting object is a party (recipient, partner, target), not a thing.
_ENTITY_OBJECT = frozenset({"transfer", "supply", "support", "cooperate", "sanction", "attack", "violate",
                            "threaten", "meet", "agree"})


# Symmetric acts: "Iran and North Korea cooperated" is Iran <-> North Korea; the other argument
# (what they cooperated on) becomes the claim's theme.
SYMMETRIC = frozenset({"cooperate", "meet", "agree"})
# "joint development", "bilateral production": a shared act is cooperation on that act.
_JOINT = frozenset({"joint", "mutual", "bilateral", "collaborative", "cooperative", "combined", "shared",
                    "trilateral"})
_MAX_CONJUNCTS = 4  # "A, B, C and D supplied ..." -> at most 4 x 4 claims from one coordination
# Definite descriptions that refer back to a state or group named before ("the regime", "the group").
_ANAPHORS = frozenset({"it", "regime", "country", "group", "organization", "organisation", "state",
                       "government", "militia", "movement", "company", "firm", "administration"})
_ACTOR_LABELS = frozenset({"Country", "Organization"})
# Event nouns whose "from" names the giver: "aid from Iran", "sanctions from the EU".
_FROM_GIVER = frozenset({"support", "supply", "transfer", "sanction"})
# Subject pronouns and the mention kinds they may stand for ("they" is left alone: too often people).
_PRONOUN_LABELS = {"it": _ACTOR_LABELS, "he": frozenset({"Person"}), "she": frozenset({"Person"})}


class _Event(NamedTuple):
    pred: Token
    predicate: str
    subj: Token | None
    obj: Token | None
    denied_by: Token | None
    theme: Token | None = None  # the thing of a symmetric or recipient-object act


class _Index:
    """Token -> mention, built once per document."""

    def __init__(self, doc: Doc, mentions: list[Mention]):
        self.by_token: dict[int, Mention] = {}
        for m in mentions:
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None:
                continue
            for t in span:
                self.by_token.setdefault(t.i, m)

    def in_subtree(self, tok: Token, skip: set[int] | None = None, depth: int = 0) -> Mention | None:
        """The mention at ``tok`` itself, else the best one below it.

        Heads before modifiers: in "Iran-sponsored groups such as Hamas" the argument is Hamas
        (through "such as"/apposition/conjunction), not the Iran inside the adjective.
        """
        m = self.by_token.get(tok.i)
        if m is not None or depth > 4:
            return m
        children = [c for c in tok.children if not (skip and c.i in skip)]
        ordered = ([c for c in children if c.dep_ in ("appos", "conj", "prep", "pobj")]
                   + [c for c in children if c.dep_ in ("compound", "poss", "nmod", "amod", "npadvmod")])
        for c in ordered:
            found = self.in_subtree(c, skip, depth + 1)
            if found is not None:
                return found
        return None

    def all_in(self, tok: Token) -> list[Mention]:
        """Distinct mentions in ``tok``'s subtree, in text order."""
        out: list[Mention] = []
        for t in tok.subtree:
            m = self.by_token.get(t.i)
            if m is not None and (not out or out[-1] is not m):
                out.append(m)
        return out


def _phrase(tok: Token) -> str:
    """A short text for an argument with no mention: its compounds/adjectives and the head noun."""
    parts = [t for t in tok.subtree if t.i <= tok.i and t.dep_ in ("compound", "amod", "nummod", "poss")
             and t.i >= tok.i - 4]
    words = [t.text for t in sorted([*parts, tok], key=lambda t: t.i)]
    return " ".join(words)


def _arg(tok: Token | None, index: _Index) -> tuple[str | None, str | None, bool]:
    """(text, canonical, is_entity) of an argument token."""
    if tok is None:
        return None, None, False
    m = index.in_subtree(tok, skip={c.i for c in tok.children if c.dep_ in ("relcl", "acl")
                                    for c in c.subtree})
    if m is not None:
        return m.text, m.canonical or m.text, True
    if tok.pos_ == "PRON":
        return tok.text, None, False
    return _phrase(tok), None, False


def _subject_token(verb: Token) -> Token | None:
    for c in verb.children:
        if c.dep_ in ("nsubj", "csubj"):
            return c
    for c in verb.children:
        if c.dep_ == "agent":
            return next((g for g in c.children if g.dep_ == "pobj"), None)
    if verb.dep_ in ("xcomp", "conj", "advcl") and verb.head != verb and verb.head.pos_ in ("VERB", "AUX"):
        return _subject_token(verb.head)
    if verb.dep_ == "pcomp" and verb.tag_ == "VBG" and verb.head.head.pos_ in ("VERB", "AUX"):
        # "went from threatening Kim", "accused X of violating": the gerund's doer is the clause's subject
        gov = verb.head.head
        return _subject_token(gov) or _passive_patient(gov)  # "X was accused of supplying": X
    if verb.dep_ in ("acl", "relcl") and verb.head != verb:
        return verb.head if verb.tag_ != "VBN" else None
    return None


def _passive_patient(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ == "nsubjpass"), None)


def _object_token(head: Token, skip: Token | None = None) -> Token | None:
    """Direct object, else the object of a with/to/from/against... preposition."""
    for c in head.children:
        if c.dep_ in ("dobj", "attr", "oprd") and c != skip:
            return c
    for prep in _OBJECT_PREPS:
        for c in head.children:
            if c.dep_ == "prep" and c.lower_ == prep:
                pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
                if pobj is not None and pobj != skip and pobj.ent_type_ not in ("DATE", "TIME"):
                    return pobj
    return None


def _prep_obj(head: Token, preps: tuple[str, ...]) -> Token | None:
    for c in head.children:
        if c.dep_ == "prep" and c.lower_ in preps:
            pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if pobj is not None:
                return pobj
    return None


def _entity_prep(head: Token, preps: tuple[str, ...], index: _Index) -> Token | None:
    """The object of one of ``preps`` under ``head`` when it names an actor."""
    pobj = _prep_obj(head, preps)
    return pobj if pobj is not None and index.in_subtree(pobj) is not None else None


def _entity_object(head: Token, index: _Index, skip: Token | None = None) -> Token | None:
    """Prefer an argument that is an entity: "shipped supplies to Syria" -> Syria."""
    first = _object_token(head, skip)
    if first is not None and index.in_subtree(first) is not None:
        return first
    for c in head.children:
        if c.dep_ == "prep" and c.lower_ in _OBJECT_PREPS:
            pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if pobj is not None and pobj != skip and index.in_subtree(pobj) is not None:
                return pobj
    return first


class _Attributions:
    """Innermost attribution whose content covers a character offset."""

    def __init__(self, attributions: list[Attribution]):
        self.items = sorted((a for a in attributions if a.content is not None),
                            key=lambda a: a.content.end - a.content.start if a.content else 0)

    def covering(self, offset: int) -> Attribution | None:
        for a in self.items:
            c = a.content
            if c is not None and c.start <= offset < c.end:
                return a
        return None


def _time_scope(tok: Token) -> Token:
    """Where an event's time is written: a nominal's governing verb ("resumed cooperation in 2020")."""
    if tok.pos_ == "NOUN" and tok.dep_ in ("dobj", "nsubjpass", "pobj") and tok.head.pos_ in ("VERB", "AUX"):
        return tok.head
    return tok


def _clause_text(tok: Token) -> str:
    """The predicate's clause, for event time: its subtree without nested clauses of speech."""
    sent = tok.sent  # computed once: Token.sent walks the sentence, and Span == compares texts
    return " ".join(t.text for t in tok.subtree if sent.start <= t.i < sent.end)


def find_claims(doc: Doc, mentions: list[Mention], attributions: list[Attribution],
                published: str | date | None = None, doc_id: str | None = None,
                structure: bool = True) -> list[Claim]:
    """Claims in a parsed ``Doc`` (see the module docstring).

    ``published`` (the publication date) is only the reference for relative times ("last year");
    it is never a claim's time. Claim ids are set when ``doc_id`` is given (else the caller sets them).
    ``structure`` (default on) expands coordinated arguments, resolves anaphoric subjects and reads
    memberships; off gives the claims-v1 output (kept as the benchmark baseline).
    """
    index = _Index(doc, mentions)
    covers = _Attributions(attributions)
    claims: list[Claim] = []
    seen: set[tuple[int, str]] = set()
    for tok in doc:
        if tok.pos_ not in ("VERB", "AUX", "NOUN"):
            continue
        found = _event(tok, index, structure)
        if found is None:
            continue
        pred_tok, predicate = found.pred, found.predicate
        subj, obj = _antecedent(found.subj, pred_tok), _antecedent(found.obj, pred_tok)
        key = (pred_tok.i, predicate)
        if key in seen:
            continue
        seen.add(key)
        s_arg, o_arg = _arg(subj, index), _arg(obj, index)
        if structure and subj is not None and not s_arg[2] and _is_anaphor(subj):
            s_arg = _resolve_anaphor(subj, pred_tok, index) or s_arg
        if structure and obj is not None and o_arg[2] and o_arg[1] == s_arg[1]:
            # the object's subtree only holds the subject again ("evasion of sanctions by Iran"): the
            # object is the phrase itself
            o_arg = (_phrase(obj), None, False)
        theme = _theme_text(found.theme) if structure and found.theme is not None else None
        pairs = [(s_arg, o_arg)]
        if structure:
            pairs, theme = _expand(predicate, subj, obj, s_arg, o_arg, theme, index)
        elif predicate == "cooperate" and subj is not None and not o_arg[2]:
            # claims-v1: "Iran and North Korea resumed cooperation": the conjoined partner is the object.
            partners = index.all_in(subj)
            if len(partners) >= 2:
                pairs = [(_mention_arg(partners[0]), _mention_arg(partners[1]))]
        att = covers.covering(pred_tok.idx)
        status = _status(pred_tok, tok, att, found.denied_by)
        sent = pred_tok.sent
        text = sent.text.strip()
        start = sent.start_char + (len(sent.text) - len(sent.text.lstrip()))
        end = start + len(text)
        when = event_time(_clause_text(_time_scope(tok)), published)
        for (s_text, s_canon, s_ent), (o_text, o_canon, o_ent) in pairs:
            if predicate in _NEEDS_ENTITY and not (s_ent or o_ent):
                continue
            if s_text is None and o_text is None:
                continue
            claims.append(Claim(
                subject=s_text, predicate=predicate, object=o_text,
                time=when, status=status, start=start, end=end, text=text,
                attribution=att, doc_id=doc_id,
                id=(content_id(doc_id, start, predicate, s_canon or s_text, o_canon or o_text, pred_tok.i)
                    if doc_id else None),
                subject_canonical=s_canon, object_canonical=o_canon, extractor=EXTRACTOR, theme=theme,
            ))
    if structure:
        claims += _membership_claims(doc, mentions, index, covers, doc_id)
    return claims


_Arg = tuple[str | None, str | None, bool]


def _mention_arg(m: Mention) -> _Arg:
    return m.text, m.canonical or m.text, True


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
        m = _main_subject(sent, index, labels, before=subj.i)
        if m is not None:
            return _mention_arg(m)
    if sent.start == 0:
        return None
    m = _main_subject(pred.doc[sent.start - 1].sent, index, labels)
    return _mention_arg(m) if m is not None else None


def _membership_claims(doc: Doc, mentions: list[Mention], index: _Index, covers: _Attributions,
                       doc_id: str | None) -> list[Claim]:
    out: list[Claim] = []
    for member, whole, tok in find_memberships(doc, mentions, index.by_token):
        sent = tok.sent
        text = sent.text.strip()
        start = sent.start_char + (len(sent.text) - len(sent.text.lstrip()))
        status, att = membership_status(tok.idx, covers.covering)
        s_canon, o_canon = member.canonical or member.text, whole.canonical or whole.text
        out.append(Claim(
            subject=member.text, predicate=PART_OF, object=whole.text, time=None,
            status="attributed" if status == "attributed" else "asserted",
            start=start, end=start + len(text), text=text, attribution=att, doc_id=doc_id,
            id=content_id(doc_id, start, PART_OF, s_canon, o_canon, tok.i) if doc_id else None,
            subject_canonical=s_canon, object_canonical=o_canon, extractor=EXTRACTOR,
        ))
    return out


_RELATIVE = frozenset({"which", "that", "who", "whom"})


def _antecedent(arg: Token | None, pred: Token) -> Token | None:
    """ "... arms destined for Gaza, which Hamas denied": the relative pronoun stands for its noun."""
    if arg is None or arg.lower_ not in _RELATIVE:
        return arg
    clause = pred
    for _ in range(3):
        if clause.dep_ == "relcl":
            return clause.head
        if clause.head == clause:
            break
        clause = clause.head
    return arg


def _status(pred: Token, governor: Token, att: Attribution | None, denied_by: Token | None) -> ClaimStatus:
    if denied_by is not None:
        return "denied"
    status = st.merge(st.governing_status(governor), st.governing_status(pred) if pred != governor else None)
    if att is not None:
        if is_denial(att):
            return "denied"
        status = st.merge(status, "attributed")
    return status


def _event(tok: Token, index: _Index, structure: bool = True) -> _Event | None:
    """Predicate token, predicate, subject/object tokens, denying verb and theme of an event at ``tok``."""
    if tok.pos_ == "NOUN":
        return _nominal(tok, index, structure)
    lemma = verb_lemma(tok.lower_) or (tok.lemma_.lower() if tok.lemma_ else tok.lower_)
    predicate = verb_predicate(tok.lower_) or verb_predicate(lemma)
    # Light / denial verbs with an event-noun object: the noun carries the event.
    dobj = next((c for c in tok.children if c.dep_ == "dobj"), None)
    if dobj is not None and noun_predicate(dobj.lower_) and (lemma in LIGHT_VERBS or predicate == "deny"
                                                              or lemma in _RECEIVE):
        return None  # handled when the loop reaches the noun (see _nominal)
    if predicate is None and structure and lemma in _RECEIVE and dobj is not None:
        # "Hamas received weapons from Iran": Iran transferred weapons to Hamas
        giver = _entity_prep(tok, ("from",), index) or _entity_prep(dobj, ("from",), index)
        recipient = _subject_token(tok)
        if giver is not None and recipient is not None:
            return _Event(tok, "transfer", giver, recipient, None, dobj)
    if predicate is None:
        return None
    # "the deal Obama struck", "launched a probe", "sent a tweet": the object decides.
    thing = dobj if dobj is not None else (tok.head if tok.dep_ == "relcl" else None)
    if thing is not None and (predicate, thing.lower_) in OBJECT_OVERRIDES:
        override = OBJECT_OVERRIDES[(predicate, thing.lower_)]
        if override is None:
            return None
        predicate = override
    prt = next((c.lower_ for c in tok.children if c.dep_ == "prt"), None)
    if predicate == "deny":
        # "Iran denied the report": what is claimed here is denied, whoever reports the denial.
        obj = _object_token(tok)
        return _Event(tok, "deny", _subject_token(tok), obj, tok)
    patient = _passive_patient(tok)
    if patient is not None:
        agent = next((g for c in tok.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None)
        if structure and predicate in _ENTITY_OBJECT:
            # "missiles were supplied by X to Syria": the party is the recipient, the patient the theme.
            recipient = next((g for c in tok.children if c.dep_ == "prep" and c.lower_ in ("to", "with", "against", "into")
                              for g in c.children if g.dep_ == "pobj" and index.in_subtree(g) is not None), None)
            if recipient is not None and index.in_subtree(patient) is None:
                return _Event(tok, predicate, agent, recipient, None, patient)
        return _Event(tok, predicate, agent, patient, None)
    subj = _subject_token(tok)
    if lemma in _RECEIVE:
        giver = _prep_obj(tok, ("from",))
        return _Event(tok, predicate, giver, subj, None)
    theme: Token | None = None
    if predicate in _ENTITY_OBJECT:
        obj = _entity_object(tok, index, skip=subj)
        if structure and obj is not None and dobj is not None and index.by_token.get(dobj.i) is None \
                and (obj != dobj or index.in_subtree(dobj) is not None):
            theme = dobj  # "supplies weapons to Hamas": Hamas is the party, weapons what is supplied
    else:
        obj = _object_token(tok, skip=subj)
    if obj is None:
        # "helped Assad to build", "helped Iran develop": the helped party is the clause's subject.
        for c in tok.children:
            if c.dep_ in ("xcomp", "ccomp"):
                obj = next((g for g in c.children if g.dep_ == "nsubj"), None)
                if obj is not None:
                    break
    if prt is not None and obj is None:
        obj = _object_token(tok)
    return _Event(tok, predicate, subj, obj, None, theme)


def _nominal(noun: Token, index: _Index, structure: bool = True) -> _Event | None:
    """Event nouns: "resumed cooperation with X", "denied any such cooperation", "the transfer of parts"."""
    predicate = noun_predicate(noun.lower_)
    if predicate is None:
        return None
    theme: Token | None = None
    if structure and predicate != "cooperate" and any(c.dep_ == "amod" and c.lower_ in _JOINT for c in noun.children):
        # "resumed joint development of missiles" is cooperation on that development.
        predicate, theme = "cooperate", noun
    head = noun.head
    via = noun
    if noun.dep_ == "pobj" and head.lower_ == "of" and head.head.dep_ == "dobj":
        via = head.head  # "imposed several rounds of sanctions": the verb governs through "rounds of"
        head = via.head
    head_lemma = verb_lemma(head.lower_) or (head.lemma_.lower() if head.lemma_ else head.lower_)
    governed = via.dep_ == "dobj" and head.pos_ in ("VERB", "AUX")
    denied_by: Token | None = None
    subj: Token | None = None
    if governed and (head_lemma in LIGHT_VERBS or verb_predicate(head.lower_) == "deny" or head_lemma in _RECEIVE):
        if verb_predicate(head.lower_) == "deny":
            denied_by = head
            subj = _subject_token(head)  # the denier stands in for the unnamed party of the event
        elif head_lemma in _RECEIVE:
            giver = _prep_obj(head, ("from",)) or _prep_obj(noun, ("from",))
            return _Event(noun, predicate, giver, _subject_token(head), None)
        else:
            subj = _subject_token(head)
            if subj is None:
                subj = _passive_patient(head)
    else:
        # A free-standing nominal: "Iran's cooperation with North Korea", "the transfer of parts".
        between = _prep_obj(noun, ("between",))
        partner = next((c for c in between.children if c.dep_ == "conj"), None) if between is not None else None
        if between is not None and partner is not None:
            return _Event(noun, predicate, between, partner, None)  # "the axis between Iran and North Korea"
        subj = next((c for c in noun.children if c.dep_ == "poss"), None)
        if subj is None:
            subj = next((c for c in noun.children if c.dep_ in ("compound", "amod")
                         and index.by_token.get(c.i) is not None), None)
        nested = noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun_predicate(noun.head.head.lower_)
        if subj is None and structure and not nested:
            # "evasion of sanctions by front companies", "assistance from the U.S.": the agent / giver.
            # In "evasion of sanctions by X" the parser often hangs "by X" on the inner noun: the
            # agent belongs to the outer event, so an event noun under "of" takes no agent itself.
            inner = _prep_obj(noun, ("of",))
            subj = (_entity_prep(noun, ("by",), index)
                    or (_entity_prep(inner, ("by",), index) if inner is not None else None)
                    or (_entity_prep(noun, ("from",), index) if predicate in _FROM_GIVER else None))
    obj = None
    preps: tuple[str, ...] = ("with", "to", "of", "for", "from", "on", "against", "between")
    if structure and subj is not None and subj.head.head == noun:
        preps = tuple(p for p in preps if p != subj.head.lower_)  # the agent's preposition is taken
    for c in noun.children:
        # An entity among the noun's prepositional arguments first ("cooperation with North Korea").
        if c.dep_ == "prep" and c.lower_ in preps:
            pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if pobj is not None and index.in_subtree(pobj) is not None:
                obj = pobj
                break
    if obj is None:
        obj = _prep_obj(noun, preps)
    if governed and obj is None:
        obj = _prep_obj(head, ("with", "to", "from", "for", "on", "against"))
    if subj is None and obj is None:
        return None
    return _Event(noun, predicate, subj, obj, denied_by, theme)


__all__ = ["EXTRACTOR", "find_claims"]
