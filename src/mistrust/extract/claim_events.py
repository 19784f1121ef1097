"""Event readers: the predicate, subject, object, denier and theme of an event at a token.

Verbs ("shipped", "supplied ... to", "received ... from") and event nouns ("cooperation with X",
light verbs such as "resumed cooperation", denials such as "denied any such cooperation").
Split from :mod:`mistrust.extract.claims`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from mistrust.extract import status as st
from mistrust.extract.anaphora import is_anaphor
from mistrust.extract.claim_args import (
    MentionIndex,
    accusation,
    accused_of,
    actor_like,
    adverbial_clause,
    charge_recipient,
    destination,
    entity_object,
    entity_prep,
    object_token,
    opens_with_gerund,
    passive_patient,
    prep_obj,
    purpose_of_noun,
    shared_prep,
    stranded_recipient,
    subject_token,
    withholds,
)
from mistrust.extract.frames import (
    ACT_NOUNS,
    AGENT_NOUNS,
    ARRIVAL,
    ASPECTUAL,
    BLACKLISTS,
    CARGO_NOUNS,
    CARRIER_STOPPING,
    CONFIRMED_EVENTS,
    CONFIRMING_VERBS,
    CONVERSE_NOUNS,
    CONVERSE_VERBS,
    DEAL_MAKING,
    DEPENDENCE,
    DESTINATION_PARTICIPLES,
    ENGAGED,
    ENVOY_SUMMONING,
    FRAMES,
    FROM_GIVER,
    GERUND_VERBS,
    GIVING_PARTICIPLES,
    HOLD_VERBS,
    ISSUING_VERBS,
    JOINT,
    JOINT_ACTIVITY,
    KIND_NOUNS,
    LIGHT_VERBS,
    LIST_KINDS,
    LISTING_VERBS,
    MANNER_PREPS,
    MEANS_PREPS,
    MEASURE_BATCHES,
    MEASURE_BREAKING,
    MEASURE_NOUNS,
    OBJECT_OVERRIDES,
    ORIGIN_LABELS,
    ORIGIN_WORDS,
    PARTICLE_OVERRIDES,
    PARTY_OBJECT,
    PERSONNEL_NOUNS,
    PHASED_RELATIONS,
    PUNISHING_VERBS,
    QUANTITY_NOUNS,
    RECEIVER_NOUNS,
    RECIPIENT_NEEDED,
    RECIPIENT_PREPS,
    RESPONSIBILITY_VERBS,
    TAKE_DELIVERY,
    TARGET_NEEDED,
    TARGET_PREPS,
    UNDERGOING_VERBS,
)
from mistrust.extract.gazetteer import demonym
from mistrust.extract.gazetteer import lookup as place_lookup
from mistrust.extract.predicates import inflections, noun_predicate, verb_lemma, verb_predicate
from mistrust.extract.speakers import passive_agent
from mistrust.extract.syntax import noun_gerund
from mistrust.model.roles import DIPLOMATIC_NOUNS

if TYPE_CHECKING:
    from spacy.tokens import Token

# Recipient-subject verbs: "X received/obtained/bought support from Y" is Y -> X.
_RECEIVE = CONVERSE_VERBS

_ARRIVAL_FORMS = frozenset(form for verb in ARRIVAL for form in inflections(verb))
_MEASURE_BREAKING_FORMS = frozenset(form for verb in MEASURE_BREAKING for form in inflections(verb))
_STOPPING_FORMS = frozenset(form for verb in CARRIER_STOPPING for form in inflections(verb))
_SUMMONING_FORMS = frozenset(form for verb in ENVOY_SUMMONING for form in inflections(verb))
_RESPONSIBILITY_FORMS = frozenset(form for verb in RESPONSIBILITY_VERBS for form in inflections(verb))
_LISTING_FORMS = frozenset(form for verb in LISTING_VERBS for form in inflections(verb))
_TAKE_FORMS = frozenset(form for verb in TAKE_DELIVERY for form in inflections(verb))
_CONFIRMING_FORMS = frozenset(form for verb in CONFIRMING_VERBS for form in inflections(verb))
_ISSUING_FORMS = frozenset(form for verb in ISSUING_VERBS for form in inflections(verb))
_PUNISHING_FORMS = frozenset(form for verb in PUNISHING_VERBS for form in inflections(verb))
_GIVING_PARTICIPLE_FORMS = frozenset(form for verb in GIVING_PARTICIPLES for form in inflections(verb))

# Verb forms that make an event with no predicate of their own ("broke sanctions", "stopped a ship",
# "drones bound for X", "arrived in Y"): with the converse verbs, the only ones ``event_at`` reads
# further when the verb names no event (a cheap exit for the many verbs that are neither).
_UNNAMED_EVENT_FORMS = (_MEASURE_BREAKING_FORMS | _STOPPING_FORMS | _SUMMONING_FORMS | DESTINATION_PARTICIPLES
                        | _ARRIVAL_FORMS)
# Frequent verbs that make an event only in one construction ("added to the sanctions list", "took
# over the tanker"): read at once, so that the many other uses leave as early as before.
_LISTING_OR_TAKING = (_LISTING_FORMS | _TAKE_FORMS) - _UNNAMED_EVENT_FORMS

# Predicates whose interesting object is a party (recipient, partner, target), not a thing.
_ENTITY_OBJECT = PARTY_OBJECT
# receiving nouns that are no frame's own noun ("imports"): an event only with both ends named
# named goods ("the transfer of Russian Su-35 jets"): a mention that is goods, never a party
_GOODS_LABELS = frozenset({"Weapon", "Vessel"})
_RECEIVING_ONLY = frozenset(n for n in CONVERSE_NOUNS if not any(n in f.nouns for f in FRAMES))


def _is_joint(noun: Token) -> bool:
    """ "joint development", "their bilateral work": a shared act is cooperation on that act."""
    return any(c.dep_ == "amod" and c.lower_ in JOINT for c in noun.children)


def event_noun(noun: Token) -> str | None:
    """Predicate of an event noun, with joint activities ("joint work", "common projects") as cooperation."""
    predicate = noun_predicate(noun.lower_)
    if predicate is None and noun.lower_ in JOINT_ACTIVITY and _is_joint(noun):
        return "cooperate"
    if predicate is None and noun.lower_ in PHASED_RELATIONS and noun.dep_ in ("dobj", "nsubjpass"):
        head = noun.head
        if (verb_lemma(head.lower_) or head.lemma_.lower()) in ASPECTUAL:
            return "cooperate"  # "renewed contacts", "diplomatic relations were restored"
    return predicate




def _holder(pred: Token, index: MentionIndex) -> Token | None:
    """Who holds goods whose transfer a clause on them tells: in "Moscow fires drones that were
    sent by Tehran" (or "drones supplied by Tehran") Moscow received them; so did the subject of
    a receiving verb ("Caracas received fuel shipped by Minsk") and the agent of a passive use
    ("drones supplied by Tehran were used by Moscow")."""
    if pred.dep_ not in ("relcl", "acl"):
        return None
    item = pred.head
    verb = item.head
    lemma = verb_lemma(verb.lower_) or verb.lemma_.lower()
    if lemma not in HOLD_VERBS and lemma not in _RECEIVE:
        return None
    if item.dep_ == "dobj":
        holder = subject_token(verb)
    elif item.dep_ == "nsubjpass":
        holder = passive_agent(verb)
    else:
        return None
    return holder if holder is not None and index.in_subtree(holder) is not None else None


def _act_doer(noun: Token) -> Token | None:
    """ "Iran sent fuel in a move condemned by Y": a noun of an act in a manner phrase stands for
    the doer of the clause it qualifies; any other noun stands for itself."""
    if noun.lower_ in ACT_NOUNS and noun.dep_ == "pobj" and noun.head.head.pos_ in ("VERB", "AUX"):
        return subject_token(noun.head.head)
    return None


def _claimant(noun: Token) -> Token | None:
    """ "X claimed responsibility for the attack", "Y took responsibility for the strikes": the
    one who claims the event as its own did it."""
    if noun.dep_ != "pobj" or noun.head.lower_ != "for" or noun.head.head.lower_ != "responsibility":
        return None
    verb = noun.head.head.head
    return subject_token(verb) if verb.lower_ in _RESPONSIBILITY_FORMS else None


def _helped_by(noun: Token, index: MentionIndex) -> _Event | None:
    """ "X boosted trade with the help of Y", "through the backing of Z": in a means phrase the
    "of" phrase of a support noun gives the help and the clause's subject receives it."""
    if noun.dep_ != "pobj" or noun.head.lower_ not in MEANS_PREPS:
        return None
    of = prep_obj(noun, ("of",))
    # the giver is the "of" phrase's own name or its modifier ("of the Chinese shipping industry"),
    # not a place after it ("of new roads in X")
    giver = next((t for t in of.subtree if t.i <= of.i and t.i in index.by_token), None) if of is not None else None
    verb = noun.head.head
    if giver is None or verb.pos_ not in ("VERB", "AUX"):
        return None
    helped = subject_token(verb) or passive_patient(verb)
    if helped is None or index.in_subtree(helped) is None:
        return None
    return _Event(noun, "support", giver, helped, None)


_GIVING = frozenset({"support", "fund", "supply", "transfer"})


def _dependence(noun: Token, predicate: str, index: MentionIndex) -> _Event | None:
    """ "The rebels rely on X for funding", "Y is reliant on X for support", "Z's dependence on X for
    aid": X gives what the event noun names, and the one who depends receives it."""
    if noun.dep_ != "pobj" or noun.head.lower_ != "for":
        return None
    found: Token | None = noun.head.head
    if found is not None and found.lower_ not in DEPENDENCE:
        # "Y has been reliant on X for funding": the parser hangs both phrases on the copula
        found = next((c for c in found.children if c.dep_ == "acomp" and c.lower_ in DEPENDENCE), None)
    if found is None:
        return None
    word = found
    giver = entity_prep(word, ("on", "upon"), index) or entity_prep(word.head, ("on", "upon"), index)
    if giver is None:
        return None
    if word.pos_ == "NOUN":
        taker = next((c for c in word.children if c.dep_ == "poss"), None)
    else:
        clause = word.head if word.dep_ in ("acomp", "amod") else word
        taker = subject_token(clause)
    return _Event(noun, predicate, giver, taker, None) if taker is not None else None


# Manner nouns of acting together ("in cooperation / coordination / partnership / collaboration
# with Y"): they modify a whole act, never the thing acted on.
_JOINT_MANNER = frozenset({"cooperation", "coordination", "partnership", "collaboration", "concert", "league"})


def _manner_doer(noun: Token) -> Token | None:
    """ "X exported coal in violation of sanctions", "Y acted in breach of the embargo": an event
    noun in a manner phrase ("in", "with") is done by the doer of the verb it modifies."""
    if noun.dep_ != "pobj" or noun.head.lower_ not in MANNER_PREPS:
        return None
    verb = noun.head.head
    climbs = 3 if noun.lower_ in _JOINT_MANNER else 0
    while climbs and verb.pos_ not in ("VERB", "AUX") and verb.head != verb:
        # "provided funds to X in cooperation with Y": the parser may hang the manner phrase on
        # the object or the recipient; the phrase still says how the verb's subject acted
        verb, climbs = verb.head, climbs - 1
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    return subject_token(verb) or passive_patient(verb)


def _doer(tok: Token, index: MentionIndex) -> Token:
    """The doer behind an argument that is itself an event noun ("Iran's shipment", "Iranian
    weapons smuggling"), else the argument."""
    if tok.pos_ != "NOUN" or index.by_token.get(tok.i) is not None or event_noun(tok) is None:
        return tok
    inner = _nominal(tok, index)
    if inner is not None and inner.subj is not None and inner.subj != tok:
        return inner.subj
    return _origin(tok, index) or tok


def _agent_noun(noun: Token, index: MentionIndex) -> _Event | None:
    """Agent nouns: "X, a financier of Y", "Y's main supplier, X", "X is a backer of Y",
    "Y financier X". The doer is the name the noun describes; the other party its "of"/"to"/"for"
    object, possessor or noun modifier (a demonym modifier is the doer's origin, not the party)."""
    predicate = AGENT_NOUNS[noun.lower_]
    doer: Token | None = None
    if noun.dep_ == "appos" or (noun.dep_ == "compound" and noun.head.i in index.by_token):
        doer = noun.head
    elif noun.dep_ == "attr" and noun.head.pos_ in ("VERB", "AUX"):
        doer = subject_token(noun.head)
    elif noun.dep_ == "pobj" and noun.head.lower_ == "as" and noun.head.head.pos_ in ("VERB", "AUX"):
        doer = _described_as(noun.head.head)
    else:
        doer = next((c for c in noun.children if c.dep_ == "appos" and index.in_subtree(c) is not None), None)
    if doer is None or index.in_subtree(doer) is None:
        return None
    if noun.lower_ in RECEIVER_NOUNS:
        return _receiver(noun, predicate, doer, index)
    # each preposition on its own: "a supplier of drones to Y" has goods under "of", the party under "to"
    party = entity_prep(noun, ("of",), index) or entity_prep(noun, ("to",), index) or entity_prep(noun, ("for",), index)
    if party is None and (goods := prep_obj(noun, ("of",))) is not None:
        party = destination(goods, index)  # "a supplier of drones to Y": the parser hangs "to Y" on the goods
    if party is None:
        party = next((c for c in noun.children if c.dep_ in ("poss", "compound", "nmod") and c.i < noun.i
                      and index.in_subtree(c) is not None and not _demonym(c) and c != doer), None)
    if party is None or index.in_subtree(party) is index.in_subtree(doer):
        return None
    return _Event(noun, predicate, doer, party, None)


def _described_as(verb: Token) -> Token | None:
    """Whom an "as"-phrase on a verb describes: the object ("identified X as the supplier of Y",
    "named X as a buyer"), a passive's subject ("X was identified as the supplier"), the noun a
    participle describes ("X, named as the supplier,") or the subject of an intransitive verb ("X
    acted as the main supplier")."""
    # (the small parser reads a name after "named" as its object predicate: "named Peru as")
    obj = next((c for c in verb.children if c.dep_ in ("dobj", "oprd")), None)
    if obj is not None:
        return obj
    patient = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if patient is not None:
        return patient
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        return verb.head
    return subject_token(verb)


def _receiver(noun: Token, predicate: str, taker: Token, index: MentionIndex) -> _Event | None:
    """ "X, the main buyer of Iranian oil", "X was the recipient of $3m in Y's coal", "Z's
    customer X", "buyers of arms from Y": the goods' giver is their origin, the noun's "from" or
    its possessor; the described name receives."""
    goods = prep_obj(noun, ("of",))
    if goods is not None and goods.like_num or (goods is not None and goods.lower_ in ("million", "billion")):
        goods = prep_obj(goods, ("in", "of", "worth")) or goods  # "$3m in coal", "millions of barrels"
    giver = entity_prep(noun, ("from",), index) or (_goods_giver(goods, index) if goods is not None else None)
    if giver is None:
        giver = next((c for c in noun.children if c.dep_ == "poss" and index.in_subtree(c) is not None), None)
    if giver is None or index.in_subtree(giver) is index.in_subtree(taker):
        return None
    return _Event(noun, predicate, giver, taker, None, goods)


_POST_PREPS = frozenset({"in", "at", "to", "into", "inside"})


def _posted(noun: Token, index: MentionIndex) -> _Event | None:
    """A state's personnel where they serve: "North Korean technicians were seen working at
    facilities in Syria", "Russian instructors in Mali" deploy their state to that other state.
    The place is the first other state after the noun, in its clause, after "in"/"at"/"to"."""
    origin = _origin(noun, index)
    if origin is None:
        return None
    owner = index.in_subtree(origin)
    home = _state(origin.text) or (_state(owner.canonical) if owner is not None else None)
    scope = noun.head if noun.dep_ in ("nsubj", "nsubjpass", "dobj") and noun.head.pos_ in ("VERB", "AUX") else noun
    for t in scope.subtree:
        if t.i <= noun.i or t.dep_ != "pobj" or t.head.lower_ not in _POST_PREPS:
            continue
        m = index.in_subtree(t)
        if m is not None and m.label in ("Country", "Nationality") and home is not None \
                and (_state(m.canonical) or _state(m.text)) not in (None, home):
            return _Event(noun, "deploy", origin, t, None, noun)
    return None


def _state(name: str | None) -> str | None:
    place = place_lookup(name) if name else None
    return place.canonical if place is not None and place.canonical else None



_ORIGIN_WINDOW = 15  # tokens before a destination participle searched for the goods' origin


def _bound_goods(part: Token, index: MentionIndex) -> _Event | None:
    """Goods said to come from one state and to be bound for a party: "missiles it said were of
    Iranian origin and destined for X", "Iranian-made weapons that were intended for delivery to
    X", "sailing from Iran bound for Y". Interdiction reports write origin and destination as
    predicates, so the parse rarely joins them; the origin is the nearest demonym or country
    before the participle that modifies goods, an origin word, or follows "from"."""
    dest = entity_prep(part, ("for", "to"), index)
    if dest is None:
        via = prep_obj(part, ("for",))  # "intended for delivery to X"
        dest = entity_prep(via, ("to",), index) if via is not None and event_noun(via) else None
    if dest is None:
        return None
    if part.dep_ in ("acl", "amod") and _origin(part.head, index) is not None:
        return None  # "Iranian missiles bound for X": read at the goods noun (see _goods)
    sent_start = part.sent.start
    # before the participle, nearest first; then on the carrier the participle describes ("a ship
    # bound for X loaded with Iranian-made missiles")
    carrier = next((a for a in list(part.ancestors)[:4] if a.pos_ == "NOUN"), None)
    after = sorted({t for t in (*(carrier.subtree if carrier is not None else ()), *part.subtree) if t.i > part.i})
    for t in [*reversed(part.doc[max(sent_start, part.i - _ORIGIN_WINDOW):part.i]), *after]:
        m = index.by_token.get(t.i)
        if m is None or not (m.label in ORIGIN_LABELS or _demonym(t)):
            continue
        head = t.head.lower_
        if head in CARGO_NOUNS or head in ORIGIN_WORDS or head == "from":
            return _Event(part, "transfer", t, dest, None)
    return None


def _site_state(tok: Token, index: MentionIndex) -> Token:
    """Goods go to a state, not to its refinery or port: "to the Banyas refinery in Syria", "to a
    port at Tartus, Syria" name the state where the site is."""
    m = index.in_subtree(tok)
    if m is None or m.label in _PARTY_LABELS:
        return tok
    for t in tok.subtree:
        if t.i > tok.i and (n := index.by_token.get(t.i)) is not None and n.label == "Country" \
                and t.dep_ in ("pobj", "appos", "conj", "npadvmod"):
            return t
    return tok


_PARTY_LABELS = frozenset({"Country", "Nationality", "Organization", "Person", "Vessel"})


def _demonym(tok: Token) -> bool:
    return demonym(tok.text) is not None


def _inner_goods(noun: Token) -> Token:
    """The goods behind a noun of quantity or kind: "a series of radars", "a number of drones"."""
    if noun.lower_ in QUANTITY_NOUNS or noun.lower_ in KIND_NOUNS:
        return prep_obj(noun, ("of",)) or noun
    return noun



def _goods_giver(goods: Token, index: MentionIndex) -> Token | None:
    """Who the goods came from, as the goods' own phrase says: "drones from X", "a series of radars
    from X", "X-made drones"."""
    return (entity_prep(goods, ("from",), index) or entity_prep(_inner_goods(goods), ("from",), index)
            or _origin(goods, index) or shared_prep(goods, ("from",), index))

def _origin(noun: Token, index: MentionIndex) -> Token | None:
    """The state goods come from, named as their modifier: "Iranian missiles", "Russian Su-35
    jets", "a number of Turkish drones" (through a noun of quantity), "Iran's tanker". The
    modifier is read as a demonym even when the entity step ran it into a longer name ("Russian
    Sukhoi" as one organisation)."""
    noun = _inner_goods(noun)
    if ("transfer", noun.lower_) in OBJECT_OVERRIDES:
        return None  # "received the Iranian proposal": not goods
    for c in noun.children:
        if c.dep_ == "acl" and c.lower_ in ORIGIN_WORDS:
            made_in = entity_prep(c, ("in",), index)  # "drones made in Iran", "oil produced in Libya"
            if made_in is not None and (m := index.in_subtree(made_in)) is not None and m.label in ORIGIN_LABELS:
                return made_in
        if c.dep_ == "amod" and c.lower_ in ORIGIN_WORDS:
            # "Libyan-made drones": the parser may hang the demonym on "made" as an adverb
            made_in = next((g for g in c.children if g.dep_ in ("advmod", "npadvmod") and _demonym(g)), None)
            if made_in is not None:
                return made_in
        if c.dep_ in ("amod", "compound", "nmod", "poss") and c.i < noun.i:
            m = index.in_subtree(c)
            if m is None:
                continue
            if m.label in ORIGIN_LABELS:
                return c
            if c.dep_ == "poss":
                continue
            # "Russian Sukhoi jets", "Chinese Type-99 battle tanks": the demonym may modify the maker's
            # or the model's name, at any depth of the compound before the goods
            for t in _modifier_chain(c):
                if _demonym(t):
                    return t
    return None


def _modifier_chain(mod: Token) -> list[Token]:
    """A modifier of a noun and the compounds and adjectives stacked on it, nearest first: in
    "Chinese Type-99 battle tanks" the chain of "battle" is battle, Type-99, Chinese."""
    out = [mod]
    for tok in out:
        out += [g for g in tok.children if g.dep_ in ("amod", "compound") and g.i < tok.i]
    return out


def _goods(noun: Token, index: MentionIndex) -> _Event | None:
    """Goods with an origin and a destination are a transfer between them: "Iranian missiles
    bound for X", "Russian-made drones destined for Y", "fuel from Z to W"."""
    dest = destination(noun, index)
    if dest is None:
        return _held_goods(noun, index)
    origin = next((c for c in noun.children if c.dep_ in ("amod", "compound", "nmod")
                   and (m := index.in_subtree(c)) is not None and m.label in ORIGIN_LABELS), None)
    if origin is None:
        origin = entity_prep(noun, ("from",), index)
    if origin is None:
        return None
    return _Event(noun, "transfer", origin, dest, None, noun)


def _held_goods(noun: Token, index: MentionIndex) -> _Event | None:
    """Goods of a named origin that someone uses or holds came to them from there: "Chad has used
    Libyan-made drones", "X fields drones from Y" (a transfer from Y to X; one state's own goods
    are dropped with the pair of equal parties)."""
    verb = noun.head
    if noun.dep_ != "dobj" or (verb_lemma(verb.lower_) or verb.lower_) not in HOLD_VERBS:
        return None
    holder = subject_token(verb)
    if holder is None or index.in_subtree(holder) is None:
        return None
    origin = _goods_giver(noun, index)
    if origin is None:
        return None
    came, holds = index.in_subtree(origin), index.in_subtree(holder)
    if came is None or holds is None:
        return None
    home = _state(came.canonical or came.text) or came.canonical or came.text
    if home == (holds.canonical or holds.text) or any(_state(w) == home for w in holds.text.replace("'s", "").split()):
        return None  # "Russia fired Russian missiles", "Chad's army uses rifles made in Chad": its own goods
    return _Event(noun, "transfer", origin, holder, None, noun)


def _beside_sanction(verb: Token) -> bool:
    """Whether a verb is coordinated with a sanctioning verb ("targeted and designated") or sits in
    an adverbial gerund phrase of one ("In addition to targeting X, OFAC designated Y")."""
    near = [*verb.conjuncts]
    if verb.dep_ == "pcomp" and verb.head.dep_ == "prep":
        clause = adverbial_clause(verb.head.head)
        if clause is not None:
            near.append(clause)
    return any(verb_predicate(v.lower_) == "sanction" for v in near)


# Verbs of one's own intent over an event noun: "X threatened / proposed / is weighing sanctions on Y"
# (X would impose them). They are verbs the status step reads as envisaging, so the claim is hedged;
# not "seek", "call for", "risk" (another does it, or it is done to the subject).
_INTENDING = frozenset({"threaten", "propose", "weigh", "mull", "contemplate", "envisage", "envision"})
_INTENDING_FORMS = frozenset(f for v in _INTENDING for f in inflections(v))


# Nouns of issuing a measure, whose "by" names the issuer of the measure in their "of": "the
# imposition of sanctions by X", "the adoption of an embargo by Y".
_ISSUING_NOUNS = frozenset({"imposition", "introduction", "adoption", "tightening", "extension", "expansion",
                            "renewal", "reimposition", "re-imposition"})


def _shared_agent(noun: Token, predicate: str, index: MentionIndex) -> Token | None:
    """The "from"/"by" party of a reaction noun with no phrase of its own, shared with a conjunct
    ("sanctions and condemnation from X") or hung on the verb that brings it ("brought sanctions
    from Y"); not "sanctions on Iran and support from Y", where each has its own."""
    if any(c.dep_ == "prep" for c in noun.children):
        return None
    if noun.dep_ == "dobj" and noun.head.lower_ in _BRINGING_FORMS:
        # "..., bringing sanctions from Y", the "from" hung on the verb that brings them
        agent = entity_prep(noun.head, ("from",), index)
        if agent is not None:
            return agent
    for other in noun.conjuncts:
        if event_noun(other) is None:
            continue
        agent = entity_prep(other, ("from", "by"), index)
        if agent is not None:
            return agent
    return None


def _imposed_by(measure: Token, index: MentionIndex) -> Token | None:
    """The "by" agent of an issuing noun over the measure ("the imposition of sanctions by X")."""
    if measure.dep_ != "pobj" or measure.head.lower_ != "of" or measure.head.head.lower_ not in _ISSUING_NOUNS:
        return None
    return entity_prep(measure.head.head, ("by",), index)


# Reactions a party draws on itself by what it did: "X shipped drones, prompting sanctions from Y",
# "..., which led to condemnation by Y" (Y sanctions / condemns X).
_REACTIONS = frozenset({"sanction", "condemn"})
# Verbs by which an act brings a reaction about (base forms).
_BRINGING_ABOUT = frozenset({"prompt", "draw", "trigger", "spark", "provoke", "invite", "attract", "earn",
                             "lead", "result", "bring", "cause"})
_BRINGING_FORMS = frozenset(f for v in _BRINGING_ABOUT for f in inflections(v))


def _provoker(noun: Token) -> Token | None:
    """Who did the act that brought a reaction about: the subject of the clause that a participle
    ("..., prompting sanctions") or a "which" clause ("..., which led to sanctions") comments on.
    Only an act with a subject; a reaction brought about by a named thing is left alone."""
    n = noun
    while n.dep_ == "conj":
        n = n.head  # "sanctions and condemnation": the first conjunct holds the place
    if n.dep_ == "pobj" and n.head.lower_ == "of" and n.head.head.pos_ == "NOUN":
        n = n.head.head  # "the imposition of sanctions", "a wave of condemnation"
    if n.dep_ == "dobj":
        verb = n.head
    elif n.dep_ == "pobj" and n.head.lower_ in ("to", "in") and n.head.dep_ == "prep":
        verb = n.head.head  # "led to", "resulted in"
    else:
        return None
    if verb.pos_ != "VERB" or verb.lower_ not in _BRINGING_FORMS:
        return None
    if verb.dep_ == "advcl" and verb.tag_ == "VBG" and not any(c.dep_ in ("nsubj", "mark") for c in verb.children):
        clause = verb.head
    elif verb.dep_ == "relcl" and any(c.dep_ == "nsubj" and c.lower_ == "which" for c in verb.children):
        clause = verb.head  # the parser hangs a sentential "which" on the clause's last noun
        while clause.pos_ not in ("VERB", "AUX") and clause.head != clause:
            clause = clause.head
    else:
        return None
    if clause.pos_ not in ("VERB", "AUX") or passive_patient(clause) is not None:
        return None  # "the tanker was seized, prompting protests": the protest is at the seizure
    doer = subject_token(clause)
    # a party, not an event ("the downing of a plane inflamed tensions, which led to sanctions": the
    # plane's owner is no target)
    return doer if doer is not None and actor_like(doer) else None


def _targeting_measure(verb: Token) -> Token | None:
    """The measure noun that does the targeting: "issued sanctions targeting X" (a participle on
    the noun) or "sanctions that target Y" / "the measures target Y" (its subject)."""
    noun = verb.head if verb.dep_ in ("acl", "relcl") else subject_token(verb)
    if noun is not None and noun.lower_ in MEASURE_NOUNS:
        return noun
    return None


def _issuer(measure: Token, index: MentionIndex) -> Token | None:
    """Who issued a measure, in the phrase around it: "EU sanctions", "X issued sanctions",
    "sanctions imposed by X", "sanctions ... were announced by X"."""
    named = next((c for c in measure.children if index.issuer_at(c, measure)), None)
    if named is not None:
        return named
    if measure.dep_ == "dobj":
        return subject_token(measure.head)
    verbs = [c for c in measure.children if c.dep_ == "acl" and c.tag_ == "VBN"]
    if measure.dep_ == "nsubjpass":
        verbs.append(measure.head)
    return next((g for v in verbs for c in v.children if c.dep_ == "agent" for g in c.children
                 if g.dep_ == "pobj"), None)


_ARRIVAL_PREPS = frozenset({"at", "in", "into", "to", "toward", "towards", "for"})


def _arrival(verb: Token, dobj: Token | None, index: MentionIndex) -> _Event | None:
    """Goods of a named origin arriving somewhere are a transfer there: "Iranian tankers arrived
    in Venezuela", "Russian jets reached Iran", "arms flowed into Sudan from Chad" (the place they
    leave as the origin). Only goods and their carriers: "Iranian diplomats arrived in Caracas" is
    a visit."""
    carrier = subject_token(verb)
    carrier = _inner_goods(carrier) if carrier is not None else None  # "the first of five tankers"
    if carrier is None or carrier.lower_ not in CARGO_NOUNS:
        return None
    origin = _origin(carrier, index) or entity_prep(verb, ("from",), index)
    # any of the place phrases that names one: "For example, the jets will arrive in X" is X, and
    # "arrived, one of a convoy of four, at a harbour in Y" is Y
    dest = next((g for c in verb.children if c.dep_ == "prep" and c.lower_ in _ARRIVAL_PREPS
                 for g in c.children if g.dep_ == "pobj" and index.in_subtree(g) is not None), None)
    if dest is None and dobj is not None and index.in_subtree(dobj) is not None:
        dest = dobj
    if origin is None or dest is None:
        return None
    return _Event(verb, "transfer", origin, dest, None, carrier)


class _Event(NamedTuple):
    pred: Token
    predicate: str
    subj: Token | None
    obj: Token | None
    denied_by: Token | None
    theme: Token | None = None  # the thing of a symmetric or recipient-object act


def _compound_gerund(tok: Token, index: MentionIndex) -> _Event | None:
    """ "Kenya denied selling rifles to Somalia", "Minsk resumed shipping fuel": the parser makes
    the gerund a compound of the goods that are its object; the gerund is the event, done by the
    governing verb's subject, to the party of a "to" phrase on either."""
    goods = tok.head
    verb = goods.head
    predicate = verb_predicate(tok.lower_)
    if predicate is None or goods.left_edge != tok or not opens_with_gerund(goods):
        return None
    engaged = _engaged_in(goods)
    if engaged is not None:
        # "firms in Peru involved in sending engine parts to Chile": the firms send them
        party = destination(goods, index)
        return _Event(tok, predicate, engaged, party if predicate in _ENTITY_OBJECT else goods, None, goods)
    charge = accusation(tok)
    if charge is not None:
        # "a report accuses X of smuggling fuel to Y": the accused does it, to the party on either
        # the goods or the accusing verb (the accuser is the source, see ``claims.wrap_stance``)
        party = charge_recipient(tok, index) or destination(goods, index)
        return _Event(tok, predicate, accused_of(tok), party if predicate in _ENTITY_OBJECT else goods, None, goods)
    if goods.dep_ != "dobj" or verb.pos_ not in ("VERB", "AUX"):
        return None
    denies = verb_predicate(verb.lower_) == "deny"
    if not denies and verb_lemma(verb.lower_) not in GERUND_VERBS:
        return None
    subj = subject_token(verb) or passive_patient(verb)
    if predicate in _ENTITY_OBJECT:
        party = entity_prep(verb, RECIPIENT_PREPS, index) or destination(goods, index)
        return _Event(tok, predicate, subj, party, verb if denies else None, goods)
    return _Event(tok, predicate, subj, goods, verb if denies else None)


def _envoy_title(dobj: Token) -> Token | None:
    """The diplomatic noun of a summoned envoy: the object itself ("the ambassador"), or the title
    before a named envoy ("British ambassador Ann Lee", "the Chilean envoy, Luis Mora")."""
    if dobj.lower_ in DIPLOMATIC_NOUNS:
        return dobj
    return next((c for c in dobj.children if c.dep_ in ("compound", "appos") and c.lower_ in DIPLOMATIC_NOUNS
                 and c.i < dobj.i), None)


def _engaged_in(goods: Token) -> Token | None:
    """Who is engaged in an act whose gerund the parser made a compound of its goods: the noun an
    "involved in" participle hangs on ("firms involved in shipping parts"), or the subject of
    "was involved in"."""
    if goods.dep_ != "pobj" or goods.head.lower_ != "in" or goods.head.head.lower_ not in ENGAGED:
        return None
    word = goods.head.head
    if word.dep_ in ("acl", "amod") and word.head.pos_ in ("NOUN", "PROPN"):
        return word.head
    if word.dep_ in ("acomp", "ROOT", "conj") and word.pos_ in ("VERB", "ADJ"):
        copula = word.head if word.dep_ == "acomp" else word
        return next((c for c in copula.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return None


def event_at(tok: Token, index: MentionIndex, structure: bool = True) -> _Event | None:
    """Predicate token, predicate, subject/object tokens, denying verb and theme of an event at ``tok``."""
    if structure and tok.dep_ in ("compound", "amod"):
        gerund = _compound_gerund(tok, index)
        if gerund is not None:
            return gerund
    if tok.pos_ == "NOUN" and not (structure and verb_predicate(tok.lower_) is not None
                                   and (noun_gerund(tok) or accusation(tok) is not None)):
        # (a gerund the tagger read as a noun is read as the verb it is: "accuses X of smuggling fuel")
        if structure and tok.lower_ in AGENT_NOUNS:
            return _agent_noun(tok, index)
        if structure and event_noun(tok) is None:  # no event noun: ``_nominal`` finds nothing
            if tok.lower_ in PERSONNEL_NOUNS:
                return _posted(tok, index)
            return _goods(tok, index)
        return _nominal(tok, index, structure)
    lemma = verb_lemma(tok.lower_) or (tok.lemma_.lower() if tok.lemma_ else tok.lower_)
    predicate = verb_predicate(tok.lower_) or verb_predicate(lemma)
    if predicate is None and tok.lower_ in _LISTING_OR_TAKING:
        return _listed_or_taken(tok, index) if structure else None
    if predicate is None and lemma not in _RECEIVE and tok.lower_ not in _UNNAMED_EVENT_FORMS:
        return None  # most verbs: none of the readings below gives a verb without a predicate one
    # Light / denial verbs with an event-noun object: the noun carries the event.
    dobj = next((c for c in tok.children if c.dep_ == "dobj"), None)
    if dobj is not None and event_noun(dobj) and (lemma in LIGHT_VERBS or predicate == "deny"
                                                  or lemma in _RECEIVE or _makes_deal(tok, dobj)):
        return None  # handled when the loop reaches the noun (see _nominal)
    if structure and predicate == "deny" and dobj is not None and opens_with_gerund(dobj):
        return None  # "denied shipping fuel": the gerund is the event, denied (_compound_gerund)
    patient = passive_patient(tok)
    if structure and patient is not None and lemma in ASPECTUAL and event_noun(patient):
        # "cooperation between X and Y was restarted", "strikes were launched by X": the noun is the
        # event, as above (other light verbs keep their passive reading: "aid was provided to X by
        # Y" names the giver on the verb)
        return None
    goods = dobj if dobj is not None else (tok.head if tok.dep_ == "relcl" else None)
    if structure and lemma in _RECEIVE and any(c.dep_ == "xcomp" for c in tok.children):
        return None  # "ordered the troops to withdraw", "got the ships to leave": a command, not goods
    if predicate is None and structure and lemma in _RECEIVE and goods is not None:
        # "Hamas received weapons from Iran": Iran transferred weapons to Hamas; so did Turkey in
        # "Kenya received Turkish drones", and France in "the jets Egypt ordered from France"
        giver = (entity_prep(tok, ("from",), index) or _goods_giver(goods, index)
                 or (_handed_out_by(goods, index) if goods is dobj else None))  # "food donated by X"
        recipient = subject_token(tok)
        if giver is not None and recipient is not None:
            return _Event(tok, "transfer", giver, recipient, None, goods)
    if predicate is None and structure and dobj is not None and dobj.lower_ in MEASURE_NOUNS \
            and tok.lower_ in _MEASURE_BREAKING_FORMS:
        predicate = "violate"  # "broke EU sanctions", "skirted the embargo"
    if predicate is None and structure and dobj is not None and dobj.lower_ in CARGO_NOUNS \
            and tok.lower_ in _STOPPING_FORMS:
        predicate = "seize"  # "stopped a ship", "held the tanker"
    if predicate is None and structure and dobj is not None and tok.lower_ in _SUMMONING_FORMS:
        title = _envoy_title(dobj)
        if title is not None and not any(c.dep_ == "poss" and c.pos_ == "PRON" for c in title.children):
            # "summoned the Iranian ambassador": a protest to Iran ("summoned its envoy home" calls
            # back its own); a named envoy's title holds the state ("the British ambassador Ann Lee")
            if title != dobj:
                return _Event(tok, "condemn", subject_token(tok), title, None)
            predicate = "condemn"
    if predicate is None and structure and tok.lower_ in DESTINATION_PARTICIPLES:
        return _bound_goods(tok, index)
    if predicate is None and structure and tok.lower_ in _ARRIVAL_FORMS:
        return _arrival(tok, dobj, index)
    if predicate is None:
        return None
    # "prices shot up", "shot off a missile": the particle makes another verb (the parser takes
    # some particles for adverbs: "shot back at the critics")
    prt = next((c.lower_ for c in tok.children if c.dep_ == "prt"), None)
    turned = next(((lemma, c.lower_) for c in tok.children
                   if c.dep_ in ("prt", "advmod") and (lemma, c.lower_) in PARTICLE_OVERRIDES), None)
    if turned is not None:
        override = PARTICLE_OVERRIDES[turned]
        if override is None:
            return None
        predicate = override
    if predicate == "attack" and lemma in TARGET_NEEDED and prt != "down" and prep_obj(tok, ("at",)) is None:
        return None  # "shot a film", "shoots for the stars": no one is shot at
    # "the deal Obama struck", "launched a probe", "sent a tweet": the object decides.
    thing = dobj if dobj is not None else (tok.head if tok.dep_ == "relcl" else None)
    if thing is not None and thing.lower_ in KIND_NOUNS:
        thing = prep_obj(thing, ("of",)) or thing  # "strike some kind of deal": the deal decides
    if thing is not None and (predicate, thing.lower_) in OBJECT_OVERRIDES:
        override = OBJECT_OVERRIDES[(predicate, thing.lower_)]
        if override is None:
            return None
        predicate = override
    if predicate == "transfer" and lemma in RECIPIENT_NEEDED and prep_obj(tok, ("to", "into")) is None \
            and not any(c.dep_ == "dative" for c in tok.children):
        return None  # "the assembly passed the law": approving, not handing anything to anyone
    if predicate == "transfer" and structure and dobj is not None and dobj.lower_ in PERSONNEL_NOUNS:
        predicate = "deploy"  # "sent 1,000 troops to Libya": people sent are a deployment
    if predicate == "attack" and structure and _measure_used(tok) is not None:
        return None  # "targeted Y with sanctions": a sanction, read at the measure noun
    if predicate == "attack" and structure and lemma in PUNISHING_VERBS and _beside_sanction(tok):
        # "In addition to targeting X, the Treasury designated Y", "targeted and blacklisted Z": a
        # punishing verb sharing its subject with a sanction is that sanction, not an attack
        predicate = "sanction"
    if predicate == "attack" and structure:
        measure = _targeting_measure(tok)
        if measure is not None:
            # "sanctions targeting X", "measures that hit Y": the issuer of the measures sanctions X
            return _Event(tok, "sanction", _issuer(measure, index), entity_object(tok, index) or dobj, None, measure)
    if predicate == "test" and structure:
        target = entity_prep(tok, TARGET_PREPS, index)
        if target is not None:
            return _Event(tok, "attack", subject_token(tok), target, None, dobj)
    if predicate == "deny" and (withholds(tok) or st.denial_withheld(tok)):
        return None
    if predicate == "deny":
        # "Iran denied the report": what is claimed here is denied, whoever reports the denial.
        obj = object_token(tok)
        return _Event(tok, "deny", subject_token(tok), obj, tok)
    if patient is not None:
        agent = passive_agent(tok)
        if agent is not None and agent.ent_type_ in ("DATE", "TIME"):
            agent = None  # "will be delivered by March": a deadline, not a doer
        if structure and predicate in _ENTITY_OBJECT:
            # "missiles were supplied by X to Syria": the party is the recipient, the patient the theme.
            recipient = next((g for c in tok.children if c.dep_ == "prep" and c.lower_ in ("to", "with", "against", "into")
                              for g in c.children if g.dep_ == "pobj" and index.in_subtree(g) is not None), None)
            if recipient is not None and index.in_subtree(patient) is None:
                return _Event(tok, predicate, agent, recipient, None, patient)
            holder = _holder(tok, index) if predicate in ("transfer", "supply") else None
            if holder is not None:
                return _Event(tok, predicate, agent, holder, None, patient)
        if structure and lemma in _RECEIVE and agent is None:
            # "Hanoi flies jets that were bought from Moscow": the seller gave them to the holder
            giver = entity_prep(tok, ("from",), index)
            holder = _holder(tok, index) if giver is not None else None
            if holder is not None:
                return _Event(tok, "transfer", giver, holder, None, patient)
        return _Event(tok, predicate, agent, patient, None)
    subj = subject_token(tok)
    if structure and predicate == "violate" and subj is not None:
        subj = _doer(subj, index)  # "Iran's arms smuggling violates ...": who smuggles violates
    if lemma in _RECEIVE:
        # "Y bought drones from X": X's transfer to Y when the seller is named, else Y acquiring
        giver = entity_prep(tok, ("from",), index) or (_goods_giver(dobj, index) if dobj is not None else None)
        if giver is None and structure and dobj is not None:
            giver = _handed_out_by(dobj, index)  # "Y obtained food donated by X"
        if subj is None and structure and tok.tag_ == "VBN":
            subj = _holder(tok, index)  # "Hanoi flies jets bought from Moscow": the holder bought them
        if giver is None and structure and purpose_of_noun(tok):
            giver = entity_prep(tok.head, ("with",), index)  # "a deal with X to buy jets": X sells
        if giver is not None and subj is not None:
            return _Event(tok, "transfer", giver, subj, None, dobj)
        return _Event(tok, "acquire", subj, dobj if dobj is not None else prep_obj(tok, ("from",)), None)
    if prt == "out":
        return None  # "carried out", "ruled out": the particle makes another verb
    theme: Token | None = None
    if predicate in ("transfer", "supply") and (subj is None or index.in_subtree(subj) is None):
        # "a ship carrying oil from X to Y": with no named doer, the goods' origin is the giver, as
        # in a participle on goods of a named origin ("North Korean parts shipped to Syria")
        subj = entity_prep(tok, ("from",), index) or (entity_prep(dobj, ("from",), index)
                                                       if dobj is not None else None) or subj
        if subj is None and structure and tok.dep_ == "acl" and tok.tag_ == "VBN":
            subj = _origin(tok.head, index)
    if predicate in _ENTITY_OBJECT:
        obj = entity_object(tok, index, skip=subj)
        if structure and predicate in ("transfer", "supply") and obj is not None and obj == dobj \
                and index.by_token.get(dobj.i) is None and _origin(dobj, index) is not None:
            # "the ship was carrying Iranian oil to Syria": the demonym says where the goods come
            # from; the party is where they go, and a doer with no name gives way to the origin
            origin = _origin(dobj, index)
            obj = entity_prep(tok, RECIPIENT_PREPS, index) or destination(dobj, index)
            named = index.in_subtree(origin) if origin is not None else None
            if obj is None and subj is not None and index.in_subtree(subj) is not None and origin is not None \
                    and origin.i == tok.i + 1 and origin.dep_ == "compound" and origin.pos_ == "PROPN" \
                    and named is not None and named.label != "Nationality":
                # "Mali also sold Niger rifles": a name right after the verb, read by the parser as a
                # modifier of the goods, is the recipient of a double-object verb (goods of a named
                # origin are "Nigerien rifles"; with a named doer and no other recipient)
                obj = origin
            elif subj is None or index.in_subtree(subj) is None:
                subj = origin
        if structure and predicate in ("transfer", "supply") and obj is not None:
            obj = _site_state(obj, index)
        if structure and predicate == "deploy" and dobj is not None and dobj.lower_ in PERSONNEL_NOUNS:
            # "sent Chadian troops to Libya": where they go is the party, not the troops
            obj = entity_prep(tok, ("to", "into", "in"), index) or destination(dobj, index) or obj
        if (obj is None or index.in_subtree(obj) is None) and predicate in ("transfer", "supply"):
            holder = _holder(tok, index)
            if holder is not None:
                return _Event(tok, predicate, subj, holder, None, obj or tok.head)
            stranded = stranded_recipient(dobj, index) if structure and dobj is not None else None
            if stranded is None and structure:
                stranded = charge_recipient(tok, index)
            if stranded is not None:
                return _Event(tok, predicate, subj, stranded, None, dobj)
            to = prep_obj(tok, ("to",)) if structure else None
            if to is not None and is_anaphor(to):
                return _Event(tok, predicate, subj, to, None, dobj)  # "shipped parts to the regime"
            if structure and dobj is not None and dobj.lower_ != "it" and is_anaphor(dobj):
                return _Event(tok, predicate, subj, dobj, None)  # "provided them with weapons"
        if structure and obj is not None and dobj is not None and index.by_token.get(dobj.i) is None \
                and (obj != dobj or index.in_subtree(dobj) is not None):
            theme = dobj  # "supplies weapons to Hamas": Hamas is the party, weapons what is supplied
    else:
        obj = object_token(tok, skip=subj)
    if obj is None and structure and tok.dep_ == "acl" and tok.tag_ == "VBN":
        obj = _act_doer(tok.head)  # "..., in a move criticised by X": X criticises who made the move
    if obj is None:
        # "helped Assad to build", "helped Iran develop": the helped party is the clause's subject.
        for c in tok.children:
            if c.dep_ in ("xcomp", "ccomp"):
                obj = next((g for g in c.children if g.dep_ == "nsubj"), None)
                if obj is not None:
                    break
    if prt is not None and obj is None:
        obj = object_token(tok)
    return _Event(tok, predicate, subj, obj, None, theme)


def _issued_measure(measure: Token, index: MentionIndex) -> _Event | None:
    """A clause on a measure that says who imposed it on whom: "sanctions that X imposed on Y",
    "the embargo imposed by X against Y", "sanctions placed on Y by X"."""
    verb = next((c for c in measure.children if c.dep_ in ("acl", "relcl") and c.lower_ in _ISSUING_FORMS), None)
    if verb is None:
        return None
    target = entity_prep(verb, ("on", "against", "upon"), index)
    if target is None:
        return None
    # the body named on the measure ("EU sanctions that ..."), else the clause's own subject or agent
    issuer = next((c for c in measure.children if index.issuer_at(c, measure)), None) or subject_token(verb)
    if issuer is not None and issuer.lower_ in ("that", "which"):
        issuer = None
    return _Event(measure, "sanction", issuer, target, None)


def _listed_or_taken(verb: Token, index: MentionIndex) -> _Event | None:
    """ "X added Y to its sanctions list", "Y was placed on the blacklist by X": listing a party
    is designating it; "X took over the tanker" is seizing it."""
    dobj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if verb.lower_ in _TAKE_FORMS:
        if dobj is not None and any(c.dep_ == "prt" and c.lower_ == "over" for c in verb.children) \
                and (dobj.lower_ in CARGO_NOUNS or ((m := index.in_subtree(dobj)) is not None and m.label == "Vessel")):
            return _Event(verb, "seize", subject_token(verb), dobj, None)
        return None
    lst = prep_obj(verb, ("to", "on", "onto"))
    if lst is None or not (lst.lower_ in BLACKLISTS or (lst.lower_ in ("list", "lists") and any(
            c.dep_ in ("compound", "amod", "nmod") and c.lower_ in LIST_KINDS for c in lst.children))):
        return None
    target = dobj if dobj is not None else passive_patient(verb)
    if target is None:
        return None
    issuer = subject_token(verb) or entity_prep(lst, ("by",), index)  # the parser may hang "by X" on the list
    issuer = issuer or next((c for c in lst.children if c.dep_ == "poss" and index.in_subtree(c) is not None), None)
    return _Event(verb, "sanction", issuer, target, None)


def _measure_used(verb: Token) -> Token | None:
    """The measure a verb hits its object with ("targeted Y with sanctions"), if any."""
    outer = prep_obj(verb, ("with",))
    if outer is not None and outer.lower_ in MEASURE_BATCHES:
        outer = prep_obj(outer, ("of",)) or outer
    return outer if outer is not None and outer.lower_ in MEASURE_NOUNS else None


def _measure_with(measure: Token, index: MentionIndex) -> _Event | None:
    """ "X hit Y with sanctions", "Y was slapped with a new round of sanctions by X": the verb's
    object (or passive subject) is the target, its subject (or agent) the issuer."""
    outer = measure.head.head if measure.head.lower_ == "of" and measure.head.head.lower_ in MEASURE_BATCHES \
        else measure
    if outer.dep_ != "pobj" or outer.head.lower_ != "with":
        return None
    verb = outer.head.head
    if verb.lower_ not in _PUNISHING_FORMS:
        return None
    target = passive_patient(verb) or next((c for c in verb.children if c.dep_ == "dobj"), None)
    if target is None or index.in_subtree(target) is None:
        return None
    issuer = subject_token(verb) or entity_prep(measure, ("by",), index) or entity_prep(outer, ("by",), index)
    return _Event(measure, "sanction", issuer, target, None)


def _has_own_doer(noun: Token, predicate: str, index: MentionIndex) -> bool:
    """Whether an event noun names its doer itself: "Russia's sale", "the Iranian purchase", "the
    delivery by X", "drones from Y"."""
    if any(c.dep_ == "poss" or (c.dep_ in ("compound", "amod", "nmod") and c.i in index.by_token)
           for c in noun.children):
        return True
    if entity_prep(noun, ("by",), index) is not None:
        return True
    goods = prep_obj(noun, ("of",))  # "the delivery of Chilean drones": the goods' origin gives them
    return predicate == "transfer" and (entity_prep(noun, ("from",), index) is not None
                                        or _origin(noun, index) is not None
                                        or (goods is not None and _goods_giver(goods, index) is not None))


_DEAL_MAKING_FORMS = frozenset(f for v in DEAL_MAKING for f in inflections(v))


def _makes_deal(verb: Token, noun: Token) -> bool:
    """ "agreed / inked / sealed a supply deal with Y": a verb of making a deal over an agreement
    noun with a "with" party (on the noun or, as parsed, on the verb), whose subject is then the
    deal's other party (as "signed" is a light verb of it). Without the "with" party ("reached a
    deal on the question") the verb's subject may be one side of many, or a mere hope."""
    return (verb.lower_ in _DEAL_MAKING_FORMS and noun_predicate(noun.lower_) == "agree"
            and (prep_obj(noun, ("with",)) is not None or prep_obj(verb, ("with",)) is not None))


def _deal_transfer(noun: Token, index: MentionIndex) -> _Event | None:
    """A deal named by the transfer it is about: in "X signed an arms sales deal with Y" X sells
    to Y, in "X's drone purchase deal with Y" Y sells to X. The deal's own reading gives its
    party and the one who makes it; a deal "between" two parties, or a plain "arms deal", says
    no direction (an agreement only)."""
    buying = noun.lower_ in CONVERSE_NOUNS
    predicate = "transfer" if buying else noun_predicate(noun.lower_)
    if predicate not in ("transfer", "supply"):
        return None
    deal = _nominal(noun.head, index)
    if deal is None or deal.subj is None or deal.obj is None or deal.obj.head.lower_ != "with" \
            or index.in_subtree(deal.subj) is None or index.in_subtree(deal.obj) is None:
        return None
    giver, taker = (deal.obj, deal.subj) if buying else (deal.subj, deal.obj)
    return _Event(noun, predicate, giver, taker, None, noun.head)


def _handed_out_by(noun: Token, index: MentionIndex) -> Token | None:
    """The agent of a participle of giving on received goods: "Y received aid distributed by X",
    "rifles donated by X" (X gave them); "aid seized by X" names no giver, and a letter or a
    message handed over is no goods (``OBJECT_OVERRIDES``)."""
    if ("transfer", noun.lower_) in OBJECT_OVERRIDES:
        return None
    for c in noun.children:
        if c.dep_ != "acl" or c.tag_ != "VBN":
            continue
        # (a transfer or supply participle is its own event, whose holder is the receiver: ``_holder``)
        if c.lower_ in _GIVING_PARTICIPLE_FORMS or verb_predicate(c.lower_) in ("support", "fund"):
            agent = passive_agent(c)
            if agent is not None and index.in_subtree(agent) is not None:
                return agent
    return None


def _received(noun: Token, index: MentionIndex) -> _Event | None:
    """A noun of the receiving end: "X's imports of oil from Y", "Z's purchases of Y-ian crude",
    "imports of Y-ian drones by X", "Mongolian imports of Russian diesel", "X resumed imports from
    Y": the "from" party or the goods' origin gives and the noun's owner receives. Both ends must
    be named: "Chinese imports" says only where goods come from, and in "banned imports from Y"
    the one who bans is not said to import."""
    goods = prep_obj(noun, ("of",))
    # "X resumed imports", and "X confirmed the purchase of jets from Y": a party confirming its
    # own purchase is the buyer, as the subject of a light verb is the importer
    light = noun.dep_ == "dobj" and noun.head.pos_ in ("VERB", "AUX") \
        and ((verb_lemma(noun.head.lower_) or noun.head.lemma_.lower()) in LIGHT_VERBS
             or noun.head.lower_ in _CONFIRMING_FORMS)
    giver = (entity_prep(noun, ("from",), index) or (_goods_giver(goods, index) if goods is not None else None)
             or (entity_prep(noun.head, ("from",), index) if light else None))  # the parser's "from" on the verb
    if giver is None:
        return None
    holder = (next((c for c in noun.children if c.dep_ == "poss"), None) or entity_prep(noun, ("by",), index)
              or (entity_prep(goods, ("by",), index) if goods is not None else None))
    if holder is None:
        holder = next((c for c in noun.children if c.dep_ in ("amod", "compound", "nmod") and c.i < noun.i
                       and index.in_subtree(c) is not None), None)
    if holder is None and light:
        holder = subject_token(noun.head)  # "Kenya resumed fuel imports from Oman"
    if holder is None or holder == giver:
        return None
    return _Event(noun, "transfer", giver, holder, None, goods)


def _nominal(noun: Token, index: MentionIndex, structure: bool = True) -> _Event | None:
    """Event nouns: "resumed cooperation with X", "denied any such cooperation", "the transfer of parts"."""
    predicate = event_noun(noun) if structure else noun_predicate(noun.lower_)
    if predicate is None:
        return None
    if structure and noun.dep_ == "compound" and noun_predicate(noun.head.lower_) == "agree":
        dealt = _deal_transfer(noun, index)
        if dealt is not None:
            return dealt
    if structure and noun.lower_ in CONVERSE_NOUNS:
        received = _received(noun, index)
        if received is not None or noun.lower_ in _RECEIVING_ONLY:
            return received
    theme: Token | None = None
    if structure and noun_predicate(noun.lower_) is None:
        theme = noun  # "joint work on missiles": what they cooperate on
    elif structure and predicate != "cooperate" and _is_joint(noun):
        # "resumed joint development of missiles" is cooperation on that development.
        predicate, theme = "cooperate", noun
    if structure and noun.lower_ in MEASURE_NOUNS:
        issued = _issued_measure(noun, index) or _measure_with(noun, index)
        if issued is not None:
            return issued
    head = noun.head
    via = noun
    if noun.dep_ == "pobj" and head.lower_ == "of" and head.head.dep_ == "dobj":
        via = head.head  # "imposed several rounds of sanctions": the verb governs through "rounds of"
        head = via.head
    head_lemma = verb_lemma(head.lower_) or (head.lemma_.lower() if head.lemma_ else head.lower_)
    # "a strike was launched by X", "cooperation was renewed": a phase verb in the passive governs
    # its event-noun subject as it governs an object (its agent is the event's doer)
    passive = (structure and noun.dep_ == "nsubjpass" and head.pos_ in ("VERB", "AUX")
               and (head_lemma in ASPECTUAL or (head_lemma in LIGHT_VERBS and verb_predicate(head.lower_) is None))
               and any(c.dep_ == "agent" for c in head.children))
    governed = (via.dep_ == "dobj" and head.pos_ in ("VERB", "AUX")) or passive
    denied_by: Token | None = None
    subj: Token | None = None
    if governed and (head_lemma in LIGHT_VERBS or verb_predicate(head.lower_) == "deny" or head_lemma in _RECEIVE
                     or (structure and _makes_deal(head, noun))
                     or (structure and head.lower_ in _INTENDING_FORMS)
                     or (head_lemma in TAKE_DELIVERY and predicate == "transfer")
                     or (structure and head.lower_ in _CONFIRMING_FORMS and predicate in CONFIRMED_EVENTS
                         and not _has_own_doer(noun, predicate, index))):
        if verb_predicate(head.lower_) == "deny":
            if predicate == "agree":
                return None  # "the Senate rejected the accord": a pact turned down, no claim denied
            denied_by = head
            subj = subject_token(head)  # the denier stands in for the unnamed party of the event
            giver = entity_prep(noun, ("from",), index) if structure and predicate in FROM_GIVER else None
            if giver is not None and subj is not None:
                # "Syria rejected reports of arms deliveries from Russia": the giver is named, so
                # the unnamed party the denier stands in for is the receiving end
                return _Event(noun, predicate, giver, subj, denied_by)
        elif head_lemma in _RECEIVE or (head_lemma in TAKE_DELIVERY and predicate == "transfer"):
            inner = prep_obj(noun, ("of",))  # "took delivery of a shipment from X"
            giver = (prep_obj(head, ("from",)) or prep_obj(noun, ("from",))
                     or (prep_obj(inner, ("from",)) or shared_prep(inner, ("from",), index)
                         if inner is not None else None)
                     or (_handed_out_by(noun, index) if structure else None))
            return _Event(noun, predicate, giver, subject_token(head), None)
        elif passive:
            subj = passive_agent(head)
        else:
            subj = subject_token(head)
            if subj is None:
                subj = passive_patient(head)
    else:
        # A free-standing nominal: "Iran's cooperation with North Korea", "the transfer of parts".
        between = prep_obj(noun, ("between",))
        partner = next((c for c in between.children if c.dep_ == "conj"), None) if between is not None else None
        if between is not None and partner is not None:
            return _Event(noun, predicate, between, partner, None)  # "the axis between Iran and North Korea"
        subj = next((c for c in noun.children if c.dep_ == "poss"), None)
        if subj is None and structure:
            subj = _claimant(noun)  # "X claimed responsibility for an attack"
        helped = _helped_by(noun, index) if structure and predicate == "support" else None
        if helped is not None:
            return helped
        depends = _dependence(noun, predicate, index) if structure and predicate in _GIVING else None
        if depends is not None:
            return depends
        if subj is None and structure:
            subj = _manner_doer(noun)
        if subj is None and structure and predicate == "violate" and noun.dep_ == "attr" \
                and noun.head.pos_ in ("VERB", "AUX"):
            # "X's delivery is a violation of Y": the doer of the subject event violates Y
            subj = subject_token(noun.head)
            subj = _doer(subj, index) if subj is not None else None
        if subj is None and structure and predicate in ("transfer", "supply"):
            subj = _origin(noun, index)  # "Chilean rifle smuggling", "Peruvian arms deliveries"
        if subj is None and structure and noun.lower_ in MEASURE_NOUNS:
            subj = _imposed_by(noun, index)  # "the imposition of sanctions by X"
        if subj is None:
            subj = next((c for c in noun.children if c.dep_ in ("compound", "amod")
                         and index.by_token.get(c.i) is not None), None)
        nested = noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun_predicate(noun.head.head.lower_)
        if subj is None and structure and not nested:
            # "evasion of sanctions by front companies", "assistance from the U.S.": the agent / giver.
            # In "evasion of sanctions by X" the parser often hangs "by X" on the inner noun: the
            # agent belongs to the outer event, so an event noun under "of" takes no agent itself.
            inner = prep_obj(noun, ("of",))
            subj = (entity_prep(noun, ("by",), index)
                    or (entity_prep(inner, ("by",), index) if inner is not None else None)
                    # "aid from X" names the giver; "condemnation from X": a reaction comes from who reacts
                    or (entity_prep(noun, ("from",), index) if predicate in FROM_GIVER or predicate in _REACTIONS
                        else None)
                    or (_shared_agent(noun, predicate, index) if predicate in _REACTIONS else None))
    obj = None
    preps: tuple[str, ...] = ("with", "to", "of", "for", "from", "on", "against", "between")
    if structure and subj is not None and subj.head.head == noun:
        preps = tuple(p for p in preps if p != subj.head.lower_)  # the agent's preposition is taken
    goods = prep_obj(noun, ("of",)) if structure and predicate in ("transfer", "supply") else None
    named = index.by_token.get(goods.i) if goods is not None else None
    if goods is not None and ((named is not None and named.label not in _GOODS_LABELS) or _origin(goods, index) is None):
        goods = None  # "the transfer of Iran's ..." names a party, not goods
    if goods is not None:
        # "a shipment of Iranian arms bound for X", "the sale of Russian gas to Serbia": goods of a
        # named origin are what moves, never the other party; their origin gives when no doer is
        # named, and where they go is the party
        preps = tuple(p for p in preps if p != "of")
        if subj is None:
            subj = _origin(goods, index)
    for c in noun.children:
        # An entity among the noun's prepositional arguments first ("cooperation with North Korea").
        if c.dep_ == "prep" and c.lower_ in preps:
            pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if pobj is not None and index.in_subtree(pobj) is not None:
                obj = pobj
                break
    if obj is None and predicate in _ENTITY_OBJECT:
        obj = destination(noun, index) or (destination(goods, index) if goods is not None else None)
        if obj is None and noun.dep_ == "pobj" and noun.head.lower_ == "of":
            obj = destination(noun.head.head, index)  # "the volume of exports from X to Y": "to Y" on "volume"
        if obj is None and subj is not None and subj.dep_ == "pobj":
            # "shipments from X to Y": the parser hangs "to Y" on X or on "from"
            obj = destination(subj, index) or destination(subj.head, index)
    if obj is None and governed:
        # "made a sale of rockets to X": the party may hang on the light verb
        obj = entity_prep(head, ("to", "with", "for", "against", "on"), index)
    if obj is None and structure and predicate == "attack":
        # "an attack that crippled two Saudi oil plants": what the attack hit is its target
        obj = next((d for c in noun.children if c.dep_ == "relcl" for d in c.children
                    if d.dep_ == "dobj" and index.in_subtree(d) is not None), None)
    if obj is None:
        obj = prep_obj(noun, preps)
    if governed and obj is None:
        obj = prep_obj(head, ("with", "to", "from", "for", "on", "against"))
    if obj is None and structure and noun.dep_ == "dobj" and verb_lemma(noun.head.lower_) in UNDERGOING_VERBS:
        obj = subject_token(noun.head)  # "Belarus faces sanctions from the EU": who undergoes it is the target
    if obj is None and structure and predicate in _REACTIONS:
        obj = _provoker(noun)  # "X shipped drones, prompting sanctions from Y": Y sanctions X
    if structure and obj is not None and obj == subj:
        obj = None  # one phrase found twice ("brought sanctions from Y": Y is no target)
    if subj is None and obj is None:
        return None
    if structure and obj is not None and predicate in ("transfer", "supply"):
        obj = _site_state(obj, index)
    return _Event(noun, predicate, subj, obj, denied_by, theme)
