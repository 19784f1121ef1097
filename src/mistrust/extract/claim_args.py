"""Claim arguments: the token -> mention index and the subject/object tokens of a predicate.

Grammatical subject (or passive agent, or the governing verb's subject), direct or prepositional
object, preferring entity mentions, and the text/canonical name of an argument. Split from
:mod:`mistrust.extract.claims`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from mistrust.extract.frames import (
    ACCUSE,
    CARGO_NOUNS,
    DESTINATION_PARTICIPLES,
    ENGAGED,
    ISSUING_VERBS,
    MEASURE_NOUNS,
    RECIPIENT_PREPS,
)
from mistrust.extract.gazetteer import demonym
from mistrust.extract.gazetteer import lookup as place_lookup
from mistrust.extract.predicates import inflections, verb_lemma, verb_predicate
from mistrust.extract.syntax import gerund, hung_on_agent, to_infinitive
from mistrust.model.documents import Mention
from mistrust.model.roles import BODY_NOUNS, DIPLOMATIC_NOUNS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_OBJECT_PREPS = ("to", "with", "from", "against", "for", "on", "into", "in")

# Offices whose possessor is the principal ("Iran's foreign ministry spokesman at the UN": Iran),
# while a "for"/"of" phrase names it when there is no possessor ("a spokesman for the ministry").
# (Bodies with a name and standing of their own -- a department, an agency, a command -- stay
# themselves.)
_OFFICES = DIPLOMATIC_NOUNS | frozenset({"ministry", "ministries", "spokesman", "spokeswoman", "spokesperson",
                                    "spokesmen", "spokespeople"})
# Prepositions naming the host or counterpart of a diplomatic office, never its principal.
HOST_PREPS = frozenset({"to", "at", "in", "on", "near", "with", "inside", "before"})


class MentionIndex:
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
        # The head's own name before its owner: "Syria's Republican Guard" is the Guard, not Syria.
        # An owner named with "'s" before a place after "in": "Russia's war in Ukraine" is Russia's;
        # a measure is its issuer's ("violated a U.N. arms embargo on the country": the U.N.)
        owner = [c for c in children if c.dep_ == "poss" and c.i in self.by_token
                 and any(p.dep_ == "prep" and p.lower_ in _PLACE_PREPS for p in children)]
        if tok.lower_ in MEASURE_NOUNS:
            owner += [c for c in children if self.issuer_at(c, tok)]
        # A place after "in"/"near" says where, so a party named in the head's own modifiers comes
        # first: "the Houthi insurgents in the Red Sea" are the Houthis (but "the Banyas refinery
        # in Syria", a site, is Syria's).
        party = any((m := self.by_token.get(c.i)) is not None and m.label in _PARTY_LABELS
                    for c in children if c.dep_ in ("compound", "nmod", "amod", "poss"))
        where = [c for c in children if c.dep_ == "prep" and c.lower_ in _PLACE_PREPS] if party else []
        # A body's "of"-phrase around a common noun names its portfolio, not whose body it is: "the
        # ministry's department of North American affairs" is the ministry's, not America's.
        topics = [c for c in children if tok.lower_ in BODY_NOUNS and c.dep_ == "prep" and c.lower_ == "of"
                  and any(g.dep_ == "pobj" and g.pos_ == "NOUN" and g.i not in self.by_token for g in c.children)]
        compounds = [c for c in children if c.dep_ in ("compound", "nmod")]
        modifiers = [c for c in children if c.dep_ in ("poss", "amod", "npadvmod")]
        if tok.lower_ in DIPLOMATIC_NOUNS:
            # "the Chinese UN mission", "a spokesman for the French OSCE delegation": the people
            # adjective (or owner) names the sending state, the name compounded with the office
            # the body that hosts it
            compounds, modifiers = modifiers, compounds
        ordered = (owner + [c for c in children if c.dep_ in ("appos", "conj", "prep", "pobj")
                            and c not in where and c not in topics]
                   + compounds + modifiers + where + topics)
        for c in ordered:
            found = self.in_subtree(c, skip, depth + 1)
            if found is not None:
                return found
        return None

    def issuer_at(self, mod: Token, measure: Token) -> bool:
        """Whether ``mod`` names the body that issued ``measure``: a state or organisation written
        before the measure noun ("UN sanctions", "the EU's embargo", "Security Council resolutions")."""
        m = self.by_token.get(mod.i)
        return (mod.head == measure and mod.dep_ in ("poss", "compound", "amod", "nmod") and mod.i < measure.i
                and m is not None and (m.label in ("Organization", "Country")
                                       or (m.label == "Nationality" and m.canonical is not None)))

    def issuer(self, measure: Token) -> Mention | None:
        """The named issuer of a measure noun ("UN sanctions", "Canadian sanctions"; "the EU imposed
        sanctions": the subject of a verb of imposing), else None."""
        if measure.lower_ not in MEASURE_NOUNS:
            return None
        mod = next((c for c in measure.children if self.issuer_at(c, measure)), None)
        if mod is not None:
            return self.by_token[mod.i]
        verb = measure.head
        if measure.dep_ == "dobj" and verb_lemma(verb.lower_) in ISSUING_VERBS:
            subj = subject_token(verb)
            m = self.in_subtree(subj) if subj is not None else None
            if m is not None and m.label in ("Organization", "Country"):
                return m
        return None

    def principal(self, tok: Token, skip: set[int] | None = None) -> Mention | None:
        """The actor an argument stands for: ``in_subtree``, except that an office ("X's mission to
        Y", "the X embassy in Y", "X's spokesman") stands for its possessor or sending body X."""
        if tok.lower_ in _OFFICES and tok.i not in self.by_token:
            poss = next((c for c in tok.children if c.dep_ == "poss" and not (skip and c.i in skip)), None)
            owner = self.in_subtree(poss, skip) if poss is not None else None
            if owner is not None:
                return owner
            if tok.lower_ in DIPLOMATIC_NOUNS:
                hosts = {g.i for c in tok.children if c.dep_ == "prep" and c.lower_ in HOST_PREPS
                         for g in c.subtree}
                return self.in_subtree(tok, (skip or set()) | hosts)
        return self.in_subtree(tok, skip)

    def all_in(self, tok: Token) -> list[Mention]:
        """Distinct mentions in ``tok``'s subtree, in text order."""
        out: list[Mention] = []
        for t in tok.subtree:
            m = self.by_token.get(t.i)
            if m is not None and (not out or out[-1] is not m):
                out.append(m)
        return out


def phrase_of(tok: Token) -> str:
    """A short text for an argument with no mention: its compounds/adjectives and the head noun."""
    parts = [t for t in tok.subtree if t.i <= tok.i and t.dep_ in ("compound", "amod", "nummod", "poss")
             and t.i >= tok.i - 4]
    words = [t.text for t in sorted([*parts, tok], key=lambda t: t.i)]
    return " ".join(words)


def office_state(m: Mention) -> str | None:
    """The state an office mention acts for ("Syrian embassy", "Cuba's delegation", "Iran's foreign
    ministry", "Iran's envoy" -> Syria, Cuba, Iran): a country or demonym among the words before
    the office noun. A mention that ends in the office noun is unnamed ("Iran's envoy"); a named
    holder ("Iran's envoy Ali Bagheri") keeps being that person.

    The entity step names such bodies or office holders as one Organization or Person mention with
    no canonical name; their claims are
    the state's claims ("Iran's mission denied ..."), so the state becomes the canonical name while
    the text stays as written.
    """
    words = m.text.split()
    if m.label not in ("Organization", "Person") or m.canonical is not None or len(words) < 2 or words[-1].lower() not in _OFFICES:
        return None
    words = words[:-1]
    for size in (3, 2, 1):
        for i in range(len(words) - size + 1):
            place = place_lookup(" ".join(words[i:i + size]))
            if place is not None and place.code and place.kind in ("country", "alias", "demonym"):
                return place.canonical
    return None


def argument(tok: Token | None, index: MentionIndex, actor: bool = False) -> tuple[str | None, str | None, bool]:
    """(text, canonical, is_entity) of an argument token; ``actor`` (the subject) names an office
    by the state it acts for (an embassy attacked is a place, an embassy denying speaks for its state)."""
    if tok is None:
        return None, None, False
    whole = index.by_token.get(tok.i)
    place = demonym(tok.text) if whole is not None and whole.label not in _STATE_LABELS else None
    if place is not None:
        # "Russian Su-35 jets", "Russian Sukhoi": a demonym the entity step ran into a longer name,
        # chosen as an argument (the goods' origin), is its state, not the product
        return tok.text, place.canonical, True
    m = apposed_to(tok, index) or predicated_of(tok, index)
    if m is None and tok.i not in index.by_token:
        # the name a participle gives the noun before the names among its modifiers: "a Chilean
        # firm called X" is X, not Chile ("the firm's" own name beats its origin)
        m = _named_as(tok, index)
    if m is None:
        m = index.principal(tok, skip={c.i for c in tok.children if c.dep_ in ("relcl", "acl")
                                       for c in c.subtree})
    if m is not None:
        return m.text, m.canonical or (office_state(m) if actor else None) or m.text, True
    if tok.pos_ == "PRON":
        return tok.text, None, False
    return phrase_of(tok), None, False


_PARTY_LABELS = frozenset({"Country", "Nationality", "Organization", "Person"})
_STATE_LABELS = frozenset({"Country", "Nationality"})
# Prepositions of place after a head noun ("the war in Ukraine", "bases near Homs").
_PLACE_PREPS = frozenset({"in", "near", "inside", "across", "at", "around"})
# Participles that give a description its name: "the ship, known as the Sea Lark", "a firm called X".
_NAMING = frozenset({"known", "called", "named", "dubbed"})


def apposed_to(tok: Token, index: MentionIndex) -> Mention | None:
    """ "X, a company based in Y, ...", "X, a financier of the Y rebels, who ...": an unnamed
    apposition stands for the name it describes, not for a name inside its own modifiers."""
    if tok.dep_ != "appos" or tok.i in index.by_token:
        return None
    return index.by_token.get(tok.head.i)


_COPULAS = frozenset({"be", "is", "are", "was", "were", "been", "being", "'s", "’s", "remain", "remains",
                      "remained", "become", "becomes", "became"})
_PARTITIVE = frozenset({"NUM", "PRON", "DET"})


def predicated_of(tok: Token, index: MentionIndex) -> Mention | None:
    """ "X is a front company that ships ...", "Y was one of the tankers used to carry ...", "Z,
    which is among the firms that ...": a description with no name of its own, said of a named
    subject by a copula, stands for that name (as an apposition does)."""
    if tok.i in index.by_token or any(c.dep_ == "prep" and index.in_subtree(c) is not None for c in tok.children):
        return None  # named itself, or a part of a named whole ("a member of the X commission")
    pred = tok
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.pos_ in _PARTITIVE:
        pred = tok.head.head  # "one of the tankers", "some of the firms"
    if pred.dep_ == "pobj" and pred.head.lower_ == "among":
        pred = pred.head
    if pred.dep_ not in ("attr", "prep") or pred.head.pos_ not in ("AUX", "VERB"):
        return None
    copula = pred.head
    if copula.lower_ not in _COPULAS:
        return None
    subj = next((c for c in copula.children if c.dep_ == "nsubj"), None)
    if subj is not None and subj.lower_ in _RELATIVE and copula.dep_ == "relcl":
        subj = copula.head  # "X, which is a shell firm that ..."
    # the subject is a name at its head ("Delta Trading is ..."; not "the first Polish victims were")
    return index.by_token.get(subj.i) if subj is not None else None


def _named_as(tok: Token, index: MentionIndex) -> Mention | None:
    """The name a participle gives a description with no name of its own ("The vessel, known as
    the Sea Lark, was used to ..."): the named mention stands for the description."""
    for c in tok.children:
        if c.dep_ == "acl" and c.lower_ in _NAMING:
            for g in c.subtree:
                m = index.by_token.get(g.i)
                if m is not None and g.i > c.i:
                    return m
    return None


def subject_token(verb: Token) -> Token | None:
    for c in verb.children:
        if c.dep_ in ("nsubj", "csubj"):
            return c
    for c in verb.children:
        if c.dep_ == "agent":
            return next((g for g in c.children if g.dep_ == "pobj"), None)
    if verb.dep_ == "xcomp" and verb.head.pos_ == "ADJ" and verb.head.dep_ in ("acomp", "amod") \
            and verb.head.head.pos_ in ("VERB", "AUX"):
        # "Moscow is ready to deliver", "X was willing to sell": the adjective's bearer does it
        return subject_token(verb.head.head)
    if verb.dep_ == "advcl" and _further_charge(verb):
        return accused_of(verb)  # "accuses X of selling arms, exporting coal ...": X exports
    raised = _raised_by_agent(verb)
    if raised is not None:
        return raised  # (before a noun's purpose: the parser may hang the infinitive on the agent)
    if purpose_of_noun(verb):
        # "Iran reached a deal to buy jets", "X resorted to transfers to evade sanctions": an
        # infinitive on a plain noun (a deal, a plan, an operation) is done by who has the noun
        noun = verb.head
        owner = next((c for c in noun.children if c.dep_ == "poss" and c.pos_ != "PRON"
                      and c.ent_type_ not in ("DATE", "TIME")), None)
        if owner is not None:
            # "X's attempts to sell rifles", "Y's plan to buy jets": a named owner does it (an owner
            # pronoun is left to the clause's subject, which it usually repeats: "X used its ability")
            return owner
        gov = noun.head.head if noun.dep_ == "pobj" else noun.head
        if gov.pos_ in ("VERB", "AUX"):
            return subject_token(gov)
    if verb.dep_ == "xcomp" and to_infinitive(verb) and verb.head.pos_ in ("VERB", "AUX"):
        controller = infinitive_controller(verb)
        if controller is not None:
            return controller
    if verb.dep_ == "xcomp" and verb.tag_ == "VB" and not to_infinitive(verb):
        # a bare infinitive after its own subject ("helped X buy", "let X ship", "made X pay"):
        # X does it, whether the parser made X the verb's object or (mis)read it as its auxiliary
        doer = next((c for c in verb.children if c.dep_ in ("aux", "nsubj") and c.i < verb.i
                     and c.tag_ in ("NNP", "NNPS", "NN", "NNS", "PRP")), None) or \
            next((c for c in verb.head.children if c.dep_ == "dobj" and c.i < verb.i and actor_like(c)), None)
        if doer is not None:
            return doer
    if verb.dep_ in ("xcomp", "conj", "advcl") and verb.head != verb and verb.head.pos_ in ("VERB", "AUX"):
        # "X is believed to have sent": a raising passive's subject is the doer of its complement
        raised = passive_patient(verb.head) if verb.dep_ == "xcomp" else None
        if verb.dep_ != "xcomp" and passive_patient(verb) is not None:
            return None  # "... after it was used": a clause with its own (passive) subject
        return subject_token(verb.head) or raised
    if verb.dep_ == "pobj" and verb.pos_ == "NOUN":
        # "accused X of smuggling": the charge, a gerund read as a noun, is done by the accused
        return accused_of(verb)
    if verb.dep_ == "pcomp" and gerund(verb):
        # "A accused B of violating" and "B was accused of supplying" name B, the accused, as the
        # doer, wherever the parser hung the "of" phrase (on the verb, on B, on the agent)
        accused = accused_of(verb)
        if accused is not None:
            return accused
    if verb.dep_ == "pcomp" and gerund(verb) and verb.head.head.dep_ == "acl" and \
            verb.head.head.lower_ in ENGAGED:
        # "firms in China involved in shipping parts": the firms do the shipping
        return verb.head.head.head
    if verb.dep_ == "pcomp" and gerund(verb) and verb.head.lower_ == "for" and \
            verb.head.head.pos_ in ("VERB", "AUX"):
        # "criticized China for providing aid", "sanctioned firms for shipping parts": the one
        # blamed or punished for it did it
        done_to = next((c for c in verb.head.head.children if c.dep_ == "dobj"), None)
        if done_to is not None and done_to.lower_ in MEASURE_NOUNS:
            # "imposed sanctions on 400 firms for supporting X": the firms, not the sanctions
            done_to = prep_obj(done_to, ("on", "against")) or prep_obj(verb.head.head, ("on", "against"))
        if done_to is not None:
            return done_to
    if verb.dep_ == "pcomp" and gerund(verb) and verb.head.head.pos_ in ("VERB", "AUX"):
        # "went from threatening Kim": the gerund's doer is the clause's subject
        gov = verb.head.head
        return subject_token(gov) or passive_patient(gov)
    if verb.dep_ == "pcomp" and gerund(verb) and verb.head.head.pos_ == "NOUN":
        # "X's role in shipping fuel", "Iran has a long history of backing the rebels": the
        # gerund's doer is the noun's possessor, else the subject of the verb that has the noun
        noun = verb.head.head
        owner = next((c for c in noun.children if c.dep_ == "poss"), None)
        if owner is not None:
            return owner
        clause = adverbial_clause(noun)
        if clause is not None:
            # "In addition to seizing X, the navy ...", "as part of shipping Y, the firm ...": a
            # gerund in an adverbial phrase is done by the subject of the clause it modifies
            return subject_token(clause)
        if noun.dep_ in ("dobj", "attr") and noun.head.pos_ in ("VERB", "AUX"):
            return subject_token(noun.head)
        return None
    if verb.dep_ in ("acl", "relcl") and verb.head != verb:
        # "the ship to have broken the embargo": a perfect infinitive is active, its noun the doer
        perfect = any(c.dep_ == "aux" and c.lower_ == "have" for c in verb.children)
        return verb.head if verb.tag_ != "VBN" or perfect else None
    return None


# Nouns heading a complex preposition that sets a gerund beside a clause ("in addition to",
# "instead of", "in the course of", "in the process of", "as part of", "by way of", "in lieu of",
# "in place of", "on top of"): the phrase is an adverbial of that clause, not a thing with a doer of its own.
_ADVERBIAL_NOUNS = frozenset({"addition", "instead", "course", "process", "part", "way", "lieu", "place",
                              "top"})
# The prepositions that open those phrases.
_ADVERBIAL_PREPS = frozenset({"in", "as", "by", "on", "instead"})


def adverbial_clause(noun: Token) -> Token | None:
    """The verb a complex preposition headed by ``noun`` modifies ("In addition to X-ing, A did
    Y": did), or None when the noun is an argument ("accused of a part in ...", "the firm's part
    in ...")."""
    if noun.lower_ not in _ADVERBIAL_NOUNS or noun.dep_ != "pobj" or noun.head.lower_ not in _ADVERBIAL_PREPS:
        return None
    if any(c.dep_ in ("poss", "amod") for c in noun.children):
        return None  # "its part in", "a key part in": a role somebody has, not an adverbial
    verb = noun.head.head
    return verb if noun.head.dep_ == "prep" and verb.pos_ in ("VERB", "AUX") else None


# Verbs whose passive raises the doer of a perfect infinitive while its "by" names who says so:
# "X was found by the panel to have shipped", "Y is believed by diplomats to have sold". Base forms.
_RAISING_WITH_AGENT = frozenset({"find", "show", "believe", "say", "report", "think", "know", "suspect",
                                 "allege", "understand"})
_RAISING_WITH_AGENT_FORMS = frozenset(f for v in _RAISING_WITH_AGENT for f in inflections(v))


def _raised_by_agent(verb: Token) -> Token | None:
    """The passive subject that does a perfect infinitive under a raising passive with a "by"
    agent: "X was found by the panel to have shipped Y" (the panel finds, X shipped; the parser
    may hang the infinitive on the verb as a clause of its own). Only "to have" + participle, where
    the agent cannot be the doer (the agent of a plain infinitive may be: "was asked by X to")."""
    gov = hung_on_agent(verb) or (verb.head if verb.dep_ in ("xcomp", "advcl") else None)
    if gov is None or verb.tag_ != "VBN" or not to_infinitive(verb):
        return None
    if not any(c.dep_ == "aux" and c.lower_ == "have" for c in verb.children):
        return None
    if gov.pos_ != "VERB" or gov.lower_ not in _RAISING_WITH_AGENT_FORMS \
            or not any(c.dep_ == "agent" for c in gov.children):
        return None
    return next((c for c in gov.children if c.dep_ == "nsubjpass"), None)


# Prepositions whose object a verb asks to act: "called on X to stop", "relied upon Y to ship".
_CONTROL_PREPS = frozenset({"on", "upon"})
# Verbs whose subject, not their object, does the infinitive: the promise class ("promised Y to
# deliver") and verbs of an instrument ("used the ship to carry fuel": who uses it carries).
_SUBJECT_CONTROL = frozenset({"promise", "vow", "pledge", "threaten", "use", "employ", "utilize", "utilise"})
_SUBJECT_CONTROL_FORMS = frozenset(f for v in _SUBJECT_CONTROL for f in inflections(v))
# Entity kinds that are amounts or times, never a doer ("spent $2bn to buy", "took weeks to ship").
_NOT_DOERS = frozenset({"DATE", "TIME", "MONEY", "QUANTITY", "CARDINAL", "PERCENT", "ORDINAL"})
_ACTOR_ENTS = frozenset({"GPE", "ORG", "NORP", "PERSON"})


def infinitive_controller(verb: Token) -> Token | None:
    """Who does an infinitive complement when it is not the governing verb's subject (object
    control): "urged X to stop", "paid Y to ship" (the object), "called on X to send" (the object
    of "on"), and a passive participle on a noun ("a vessel used to carry fuel", "funds meant to
    support X": the noun). Objects that are dates or event nouns ("took steps to ...") control
    nothing."""
    gov = verb.head
    if any(c.dep_ == "auxpass" for c in verb.children):
        return None  # "interceptors set to be deployed": the noun undergoes the act
    if gov.dep_ == "acl" and gov.tag_ == "VBN" and gov.head.pos_ in ("NOUN", "PROPN") \
            and not any(c.dep_ == "aux" for c in gov.children):  # "has begun to": active, not a participle
        return gov.head
    if gov.lower_ in _SUBJECT_CONTROL_FORMS:
        return None
    for c in gov.children:
        if c.i > verb.i:
            break
        cand = c if c.dep_ == "dobj" else (next((g for g in c.children if g.dep_ == "pobj"), None)
                                           if c.dep_ == "prep" and c.lower_ in _CONTROL_PREPS else None)
        if cand is not None and actor_like(cand):
            return cand
    return None


def actor_like(tok: Token) -> bool:
    """A name, a personal pronoun, or a noun phrase the tagger marks as a state, body or person
    ("the Iranian navy"): something that can act, unlike "a plan to strike" or "60 votes to pass"."""
    if tok.pos_ == "PRON":
        return tok.lower_ not in ("it", "this", "that", "which") and not tok.lower_.endswith(("self", "selves"))
    if tok.ent_type_ in _NOT_DOERS:
        return False
    return tok.pos_ == "PROPN" or any(t.ent_type_ in _ACTOR_ENTS for t in tok.subtree if t.i <= tok.i)


def purpose_of_noun(verb: Token) -> bool:
    """An infinitive clause on a common noun that is an object ("a deal to buy", "an operation to
    seize"); not on a name, nor on a carrier that does the act itself ("a ship to carry fuel")."""
    if verb.dep_ not in ("acl", "relcl") or not to_infinitive(verb) \
            or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return False
    noun = verb.head
    return (noun.pos_ == "NOUN" and not noun.ent_type_ and noun.lower_ not in CARGO_NOUNS
            and noun.dep_ in ("dobj", "pobj", "attr"))


def withholds(verb: Token) -> bool:
    """ "deny resources to X", "deny X access": a denial verb with a receiving party withholds
    something; it does not reject a claim. Not when the object opens with a gerund the parser made
    its modifier ("denied shipping fuel to X"): the "to" is the shipping's."""
    if any(c.dep_ == "dobj" and opens_with_gerund(c) for c in verb.children):
        return False
    return any(c.dep_ == "dative" or (c.dep_ == "prep" and c.lower_ == "to") for c in verb.children)


def opens_with_gerund(goods: Token) -> bool:
    """ "shipping fuel", "selling rifles": a noun phrase the parser built from a gerund of an event
    verb and its object, the gerund as the first word (a modifier of the goods)."""
    first = goods.left_edge
    return (first.dep_ in ("compound", "amod") and first.head == goods and first.lower_.endswith("ing")
            and verb_predicate(first.lower_) is not None)


def accusation(verb: Token) -> Token | None:
    """The accusing verb when ``verb`` is what someone is accused of ("accused X of shipping"),
    also when the tagger read the gerund as a noun: the prepositional object itself ("accused X of
    smuggling"), or the modifier that opens it ("accused X of smuggling fuel", smuggling a compound
    of fuel)."""
    if verb.dep_ == "advcl" and _further_charge(verb):
        return verb.head
    prep = verb.head
    if verb.dep_ in ("compound", "amod") and verb.head.dep_ == "pobj" and opens_with_gerund(verb.head):
        prep = verb.head.head
    elif verb.dep_ == "pobj" and not (verb.lower_.endswith("ing") and verb_predicate(verb.lower_) is not None):
        return None
    elif verb.dep_ not in ("pcomp", "pobj"):
        return None
    if prep.lower_ not in ("of", "with", "for"):
        return None
    gov = prep.head
    if prep.lower_ == "of" and gov.pos_ in ("NOUN", "PROPN"):
        # the parser may hang the charge on a noun: the accused ("accuses Chad of smuggling", read
        # like "the Duke of York") or the passive's agent ("was accused by Y of selling")
        gov = hung_on_agent(prep) or (gov.head if gov.dep_ == "dobj" else gov)
    lemma = verb_lemma(gov.lower_) or gov.lemma_.lower()
    return gov if lemma in ACCUSE else None


def _further_charge(verb: Token) -> bool:
    """ "accuses X of selling arms, exporting coal and violating sanctions": the parser may hang the
    later gerunds of a list of charges on the accusing verb as a clause of their own; a bare gerund
    after the verb's "of" charge that goes on to a last conjunct ("..., exporting coal and violating
    sanctions"; no subject or subordinator of its own) is one more charge. A lone participle is the
    accuser's own act: "accused X of smuggling rifles, sanctioning two of its firms"."""
    gov = verb.head
    if not gerund(verb) or any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in verb.children):
        return False
    if not any(c.dep_ == "conj" and gerund(c) for c in verb.children):
        return False
    if (verb_lemma(gov.lower_) or gov.lemma_.lower()) not in ACCUSE:
        return False
    # the first charge, on the verb or (misparsed) on the accused: "accuses X of shipping arms"
    holders = [gov, *(c for c in gov.children if c.dep_ == "dobj")]
    return any(c.dep_ == "prep" and c.lower_ in ("of", "with") and c.i < verb.i
               and any(g.dep_ == "pcomp" or (g.dep_ == "pobj" and opens_with_gerund(g)) for g in c.children)
               for h in holders for c in h.children)


def accused_of(verb: Token) -> Token | None:
    """Who is accused of ``verb``: the accuser's object, or the subject of a passive accusation."""
    gov = accusation(verb)
    if gov is None:
        return None
    if gov.dep_ == "acl" and gov.tag_ == "VBN":
        return gov.head  # "a truck suspected of carrying cigarettes": the truck
    return next((c for c in gov.children if c.dep_ == "dobj"), None) or passive_patient(gov)


def charge_recipient(verb: Token, index: MentionIndex) -> Token | None:
    """ "accuses X of smuggling fuel to Y": the parser may hang the charge's "to" party on the
    accusing verb, after the "of" clause; an accusation has no recipient of its own, so the party
    is where the charged act went."""
    gov = accusation(verb)
    if gov is None:
        return None
    to = next((c for c in gov.children if c.dep_ in ("prep", "dative") and c.lower_ == "to" and c.i > verb.i), None)
    pobj = next((g for g in to.children if g.dep_ == "pobj"), None) if to is not None else None
    return pobj if pobj is not None and index.in_subtree(pobj) is not None else None


def passive_patient(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ == "nsubjpass"), None)


def object_token(head: Token, skip: Token | None = None) -> Token | None:
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


def prep_obj(head: Token, preps: tuple[str, ...]) -> Token | None:
    for c in head.children:
        if c.dep_ == "prep" and c.lower_ in preps:
            pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if pobj is not None:
                return pobj
    return None


def entity_prep(head: Token, preps: tuple[str, ...], index: MentionIndex) -> Token | None:
    """The object of one of ``preps`` under ``head`` when it names an actor."""
    pobj = prep_obj(head, preps)
    return pobj if pobj is not None and index.in_subtree(pobj) is not None else None


def entity_object(head: Token, index: MentionIndex, skip: Token | None = None) -> Token | None:
    """Prefer an argument that is an entity: "shipped supplies to Syria" -> Syria."""
    first = object_token(head, skip)
    if first is not None and index.in_subtree(first) is not None:
        return first
    for c in head.children:
        # "sold weapons to X" (the parser's "dative"), "shipped oil to X"
        if c.dep_ in ("prep", "dative") and c.lower_ in _OBJECT_PREPS:
            pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if pobj is not None and pobj != skip and index.in_subtree(pobj) is not None:
                return pobj
        # "sent Iran drones", "will send the group more arms": a noun dative is the recipient
        # itself, named or not (an unnamed one is left to the anaphora step)
        if c.dep_ == "dative" and c.pos_ in ("NOUN", "PROPN", "PRON") and c != skip:
            return c
    return destination(first, index) if first is not None else None


def shared_prep(goods: Token, preps: tuple[str, ...], index: MentionIndex) -> Token | None:
    """A phrase after a list of goods belongs to the whole list: in "tankers of gasoline, crates of
    parts and more from X" the parser hangs "from X" on the last item only."""
    if any(c.dep_ == "prep" and c.lower_ in preps for c in goods.children):
        return None  # the first item has its own ("rifles from X and drones from Y")
    last = max((c for c in goods.conjuncts if c.i > goods.i), default=None, key=lambda c: c.i)
    return entity_prep(last, preps, index) if last is not None else None


def stranded_recipient(goods: Token, index: MentionIndex) -> Token | None:
    """ "shipped supplies that can be used to make weapons to the Syrian army": the parser hangs
    the recipient on the last verb of a relative clause on the goods; a "to" party there, after
    that clause's own object, is where the goods went."""
    clauses = [c for c in goods.children if c.dep_ in ("relcl", "acl")]
    # "sent materials to make weapons to X": the purpose clause of the verb of the goods
    if goods.dep_ == "dobj":
        clauses += [c for c in goods.head.children if c.dep_ in ("advcl", "xcomp") and c.i > goods.i
                    and to_infinitive(c)]
    for clause in clauses:
        for t in clause.subtree:
            if t.dep_ in ("prep", "dative") and t.lower_ == "to" and t.head.pos_ in ("VERB", "AUX") \
                    and any(c.dep_ == "dobj" and c.i < t.i for c in t.head.children):
                pobj = next((g for g in t.children if g.dep_ == "pobj"), None)
                if pobj is not None and index.in_subtree(pobj) is not None:
                    return pobj
    return None


def destination(item: Token, index: MentionIndex) -> Token | None:
    """Where goods go, written on the goods themselves: "arms to X", "oil bound for X",
    "missiles destined for X", "parts intended for X"."""
    for c in item.children:
        if c.dep_ == "prep" and c.lower_ in RECIPIENT_PREPS:
            pobj = entity_prep(item, (c.lower_,), index)
            if pobj is not None:
                return pobj
        if c.dep_ in ("acl", "amod") and c.lower_ in DESTINATION_PARTICIPLES:
            pobj = entity_prep(c, RECIPIENT_PREPS, index)
            if pobj is not None:
                return pobj
    return None


Arg = tuple[str | None, str | None, bool]


def mention_arg(m: Mention) -> Arg:
    return m.text, m.canonical or m.text, True


_RELATIVE = frozenset({"which", "that", "who", "whom"})


def antecedent_of(arg: Token | None, pred: Token) -> Token | None:
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
