"""Anaphora (anaphora-v5): which named actor a claim argument written as "it", "they", "its" or "the
tanker" stands for.

spaCy's small English model has no coreference, and a claim whose actor is a pronoun says nothing a
reader can use. This step resolves the arguments of claims only (lazily, when the claim step asks),
with three ideas of English rather than a model:

- **kind agreement**: "it"/"its" stand for a state, an organisation or a vessel, "he"/"she" for a
  person, "they"/"their" for an organisation (a group spoken of in the plural); a definite
  description names its kind ("the country" a state, "the tanker" a vessel, :data:`DESCRIPTIONS`),
  also behind an epithet ("the reclusive state", "the mercenary group") but not behind a word that
  sets it apart ("the other country", "the new regime"); a people word on a state noun ("the
  Syrian regime", "the Malian government") names the state such a description refers back to;
  a name the text introduces with a kind noun ("a cargo ship known as X", "X, a bulk carrier") is
  of that kind, whatever the recogniser guessed;
- **descriptions the document teaches**: outside the fixed table, "the N" refers back only to an
  organisation or vessel the text itself described with the noun N before (:func:`teaching_nouns`:
  "the Tupac rebels", "X, a trading house", "a ring called X", "the Finance Department" for "the
  department"), of that name's kind, with no epithet the description was not taught with;
- **salience**: the subject of the clause that governs the anaphor, or of the previous sentence's
  main clause (centering), before any later mention; a description falls back on the nearest
  sentence holding a mention of its kind, subject before object before any other mention;
  a possessive in a reason adjunct ("sanctioned X for its support of Y") is the object X;
- **no guessing**: two different compatible actors of equal salience leave the anaphor
  unresolved, an antecedent always comes before the anaphor (no cataphora), and nothing is looked
  for more than ``WINDOW`` sentences back (``TAUGHT_WINDOW`` for a taught description).

The claim keeps the words the text wrote (its subject or object is "it", "the tanker"); the
antecedent's canonical name is the claim's actor.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Literal

from mistrust.extract.claim_args import Arg, MentionIndex
from mistrust.extract.frames import MEASURE_NOUNS
from mistrust.extract.gazetteer import demonym
from mistrust.extract.syntax import FINITE_TAGS
from mistrust.model.documents import Attribution, Mention
from mistrust.model.vocabulary import AGENCY_NAMES

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

ANAPHORA_VERSION = "anaphora-v5"  # v3 was branch recall-x's label, never merged

_STATES = frozenset({"Country"})
_GROUPS = frozenset({"Organization"})
_VESSELS = frozenset({"Vessel"})
_PERSONS = frozenset({"Person"})
_ACTORS = _STATES | _GROUPS
CompatibleFn = Callable[[Mention], bool]
# where a description ends, what it names, the tag an anaphor needs, the words it was taught with
_Teaching = tuple[int, Mention, str | None, frozenset[str]]

# Definite descriptions that refer back to an actor named before, and the mention kinds each may
# stand for: "the country" a state, "the group" or "the ministry" an organisation, "the tanker" a
# named vessel. A table of English kind nouns, not of any document.
DESCRIPTIONS: dict[str, frozenset[str]] = {
    **dict.fromkeys(("country", "state", "government", "regime", "administration", "nation"), _STATES),
    **dict.fromkeys(("group", "organization", "organisation", "militia", "movement", "company", "firm",
                     "network", "ministry", "agency"), _GROUPS),
    **dict.fromkeys(("ship", "vessel", "tanker", "freighter", "carrier", "boat"), _VESSELS),
}

# Third-person pronouns and the mention kinds they may stand for. "they" is an organisation spoken
# of in the plural ("the Guards said they had ..."); two actors named together are a pair
# (claim_structure.resolve_they), and a "they" with no actor of that kind (officials, people) stays
# unresolved.
PRONOUNS: dict[str, frozenset[str]] = {
    **dict.fromkeys(("it", "its"), _ACTORS | _VESSELS),
    **dict.fromkeys(("he", "she", "his", "her"), _PERSONS),
    **dict.fromkeys(("they", "their", "them"), _GROUPS),
}

WINDOW = 2  # sentences back (besides the anaphor's own) searched for an antecedent
# Sentences back searched for the name a taught description ("the rebels") refers to: the noun says
# which name, so it may reach further than a pronoun; on the dev news, the resolutions within six
# sentences of their name were as often right as those within two, those further back far less.
TAUGHT_WINDOW = 6
# Reason adjuncts whose possessive is the verb's object: "sanctioned X for its role", "warned X
# over its support", "praised X for their help".
_REASON_PREPS = frozenset({"for", "over"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
_OBJECT_DEPS = frozenset({"dobj", "dative", "attr", "oprd"})


def window_start(sent: Span, sentences: int) -> int:
    """Token index where the window of ``sentences`` sentences before ``sent`` begins."""
    doc = sent.doc
    start = sent.start
    for _ in range(sentences):
        if start == 0:
            break
        start = doc[start - 1].sent.start
    return start


def anaphor_labels(tok: Token) -> frozenset[str] | None:
    """The mention kinds an anaphor may stand for: a pronoun ("it", "their") or a bare definite
    description ("the regime", "the tanker"); None for anything else, including a description that
    says which one itself ("the Iranian tanker", "the ship that docked")."""
    if tok.lower_ in PRONOUNS:
        return PRONOUNS[tok.lower_] if tok.pos_ == "PRON" else None
    if tok.lower_ in DESCRIPTIONS and bare_description(tok):
        return DESCRIPTIONS[tok.lower_]
    return None


def bare_description(tok: Token) -> bool:
    """ "the regime", "this company", "the reclusive state": a definite common noun that does not say
    which one itself (no name, owner, clause or contrasting word on it), so it refers back."""
    det = [c.lower_ for c in tok.children if c.dep_ == "det"]
    # an example list ("the regime, including its army") does not say which one; nor does an
    # epithet ("the reclusive state", "the rogue regime", "the mercenary group")
    mods = [c for c in tok.children if c.dep_ in ("amod", "compound", "poss", "prep", "relcl", "acl", "nummod")
            and c.lower_ != "including" and not _epithet(c)]
    return tok.pos_ == "NOUN" and det in (["the"], ["this"]) and not mods


def _epithet(mod: Token) -> bool:
    """ "reclusive", "rogue", "mercenary": a common-word modifier that describes the referent without
    naming it (no entity, no proper noun, no words of its own) and without contrasting it with the one
    named before ("the other country", "the new government" are someone else)."""
    return (mod.dep_ in ("amod", "compound") and mod.pos_ in ("ADJ", "NOUN") and not mod.ent_type_
            and mod.is_lower and not any(True for _ in mod.children) and mod.lower_ not in _CONTRASTIVE)


# Modifiers that set a referent apart from the one named before, or rank it among several.
_CONTRASTIVE = frozenset({"other", "another", "new", "former", "previous", "next", "last", "first", "second",
                          "third", "latter", "different", "future", "old", "neighbouring", "neighboring",
                          "foreign", "rival", "unnamed", "unidentified", "third-party"})


def is_anaphor(tok: Token) -> bool:
    """ "it", "they", "the regime", "the group": a pronoun or a bare definite description of an actor."""
    return anaphor_labels(tok) is not None


class Antecedents:
    """The anaphora step's output for one document: resolves an argument token on demand (the claim
    step asks for its arguments only), each token once."""

    def __init__(self, doc: Doc, mentions: list[Mention], index: MentionIndex | None = None):
        self.doc = doc
        self.index = index or MentionIndex(doc, mentions)
        self._cache: dict[tuple[int, str | None], Mention | None] = {}
        self._issued: list[tuple[int, Mention]] | None = None  # measures named with their issuer
        self._taught: dict[str, list[_Teaching]] | None = None  # descriptions taught, by noun

    def is_anaphor(self, tok: Token) -> bool:
        """:func:`is_anaphor`, or a description this document taught ("the rebels" after "the Tupac
        rebels")."""
        return is_anaphor(tok) or bool(self._taught_at(tok))

    def resolve(self, tok: Token, other: str | None = None) -> Mention | None:
        """The named actor ``tok`` stands for, or None. ``other`` is the canonical name of the event's
        other argument, which the anaphor cannot be ("Iran said the country ..." is not Iran acting
        on itself)."""
        key = (tok.i, other)
        if key not in self._cache:
            self._cache[key] = self._resolve(tok, other)
        return self._cache[key]

    def arg(self, tok: Token, other: str | None = None) -> Arg | None:
        """A claim argument for ``tok``: the words written, the antecedent's canonical name."""
        m = self.resolve(tok, other)
        if m is None:
            return None
        return _written(tok), m.canonical or m.text, True

    def issuer(self, measure: Token) -> Arg | None:
        """ "violated sanctions", "in breach of the arms embargo": a measure named without its issuer
        is one the article names with it elsewhere ("UN sanctions", "the EU's embargo"); the nearest
        such measure before it, else the first after it (a headline's "sanctions" are explained
        below), gives the issuer. None when the article never names an issuer."""
        if measure.lower_ not in MEASURE_NOUNS or self.index.issuer(measure) is not None:
            return None
        if self._issued is None:
            self._issued = [(t.i, m) for t in self.doc if (m := self.index.issuer(t)) is not None]
        before = [m for i, m in self._issued if i < measure.i]
        after = [m for i, m in self._issued if i > measure.i]
        m = before[-1] if before else after[0] if after else None
        return None if m is None else (_written(measure), m.canonical or m.text, True)

    # -- the rules, in order of salience ------------------------------------------------------

    def _resolve(self, tok: Token, other: str | None) -> Mention | None:
        labels = anaphor_labels(tok)
        window, names = WINDOW, None
        if labels is None:
            # "the department" after "the Finance Department": only a name the text described
            # with this noun, of that name's kind
            taught = self._taught_at(tok)
            if not taught:
                return None
            labels = frozenset(m.label for m in taught)
            window, names = TAUGHT_WINDOW, frozenset(m.canonical or m.text for m in taught)
        ok = self._compatible(labels, other, names)
        if tok.dep_ == "poss":
            owner = self._reason_object(tok, ok)
            if owner is not None:
                return owner if isinstance(owner, Mention) else None
        found = self._by_subject(tok, ok)
        if found is not None:
            return found if isinstance(found, Mention) else None  # False: ambiguous
        # A pronoun is too often about a thing or an event ("it said", "it was unclear") to take a
        # mention by recency; a description says its kind ("the tanker"), which is what recency needs.
        return self._by_recency(tok, ok, window) if tok.pos_ != "PRON" else None

    def _taught_at(self, tok: Token) -> list[Mention]:
        """The mentions before ``tok`` that the text described with its noun, when ``tok`` is a bare
        definite description outside the fixed tables ("the rebels", "the department")."""
        if tok.lower_ in DESCRIPTIONS or tok.lower_ in PRONOUNS or not bare_description(tok):
            return []
        if self._taught is None:
            self._taught = self._teachings()
        # an epithet on a taught description is one the document taught with it ("the trading house"
        # after "X, a Lima trading house"); another one makes it something else ("the fire
        # department" is not "the Defense Department")
        epithets = {c.lower_ for c in tok.children if c.dep_ != "det"}
        return [m for i, m, number, words in self._taught.get(tok.lower_, ())
                if i < tok.i and number in (None, tok.tag_) and epithets <= words]

    def _teachings(self) -> dict[str, list[_Teaching]]:
        """Each common noun the document describes a name with (:func:`teaching_nouns`), with the
        token where the description ends, the mention (of the kind the text gives it), the tag the
        anaphor must have (None: any) and the words the description was taught with."""
        out: dict[str, list[_Teaching]] = {}
        seen: set[int] = set()
        for m in self.index.by_token.values():
            if id(m) in seen:
                continue
            seen.add(id(m))
            span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None or len(span) == 0:
                continue
            actor = self._as_state(m, span.root.i)
            # a state's descriptions are the fixed table's ("the country", "the regime"); what a
            # text describes a state with after a comma is as often the clause's event ("pulled out
            # of Syria, a decision that ...")
            if actor is None or actor.label not in _GROUPS | _VESSELS:
                continue
            for noun, at, number, words in teaching_nouns(span, self.index):
                out.setdefault(noun, []).append((at, actor, number, words))
        return out

    def _compatible(self, labels: frozenset[str], other: str | None,
                    names: frozenset[str] | None = None) -> CompatibleFn:
        """Whether a mention may be the antecedent: of one of ``labels``, not a news agency, not the
        event's ``other`` argument and, when ``names`` is given, one of them."""
        def ok(m: Mention) -> bool:
            if m.label not in labels or m.text.casefold() in AGENCY_NAMES:
                return False  # a news agency is who reports, never "the group" or "it"
            name = m.canonical or m.text
            return (other is None or name != other) and (names is None or name in names)
        return ok

    def _reason_object(self, poss: Token, ok: CompatibleFn) -> Mention | Literal[False] | None:
        """ "The US sanctioned Acme for its role in ...": the possessive of a reason adjunct is the
        verb's object (the one whose conduct is the reason). None when there is no such adjunct;
        False when its object names no single compatible actor: the subject is not the fallback
        ("warned the city over its shipments" is not the warner's)."""
        prep = poss.head.head if poss.head.dep_ == "pobj" else None
        if prep is None or prep.lower_ not in _REASON_PREPS or prep.head.pos_ not in ("VERB", "AUX"):
            return None
        obj = next((c for c in prep.head.children if c.dep_ in _OBJECT_DEPS and c.i < poss.i), None)
        if obj is None:
            return None
        candidates = self._named_at(obj, ok)
        return candidates[0] if len(candidates) == 1 else False

    def _by_subject(self, tok: Token, ok: CompatibleFn) -> Mention | Literal[False] | None:
        """The subject of the nearest clause governing the anaphor that names a compatible actor
        before it, else the previous sentence's main-clause subject. False (not None) when that
        subject is two different compatible actors ("Iran and Syria ... it"): ambiguous, stop."""
        sent = tok.sent
        clause = tok.head
        if sent.root != clause:
            # "Iran denied that it had supplied drones, the ministry said": the nearest governing
            # clause's subject (Iran, not the ministry), then the main clause's
            for head in clause.ancestors:
                found = self._subject_of(head, ok, before=tok.i)
                if found is not None:
                    return found
        if sent.start > 0:
            root = self.doc[sent.start - 1].sent.root
            found = self._subject_of(root, ok)
            if found is not None:
                return found
            # "The report said that Iran kept building. It also ...": when the main clause's subject
            # names no actor (a report, officials), the topic is the subject of what it reports
            for clause in root.children:
                if clause.dep_ == "ccomp":
                    return self._subject_of(clause, ok)
        return None

    def _subject_of(self, head: Token, ok: CompatibleFn, before: int | None = None) -> Mention | Literal[False] | None:
        for c in head.children:
            if c.dep_ not in _SUBJECT_DEPS or (before is not None and c.i >= before):
                continue
            named = self._named_at(c, ok)
            if len(named) > 1:
                return False
            if named:
                return named[0]
        return None

    def _named_at(self, tok: Token, ok: CompatibleFn) -> list[Mention]:
        """The distinct compatible actors an argument names: its principal mention and those of its
        conjuncts (relative clauses aside)."""
        out: list[Mention] = []
        for c in [tok, *(c for c in tok.conjuncts if c.i > tok.i)]:
            skip = {g.i for k in c.children if k.dep_ in ("relcl", "acl", "conj") for g in k.subtree}
            m = self.index.principal(c, skip=skip)
            mod = next((k for k in c.children if m is not None and k.idx == m.start), c)
            m = self._as_state(m, mod.i)
            if m is not None and ok(m) and all((m.canonical or m.text) != (o.canonical or o.text) for o in out):
                out.append(m)
        return out

    def _as_state(self, m: Mention | None, i: int) -> Mention | None:
        """ "the Syrian regime", "the Iranian government": a nationality word modifying a state noun
        names the state, so it is what "the regime" or "it" refers back to. A name the text gives a
        kind noun ("a cargo ship known as X") is of that kind (:func:`described_kind`)."""
        if m is None or m.label == "Country":
            return m
        kind = described_kind(self.doc, m)
        if kind is not None and m.label not in kind:
            return replace(m, label=min(kind))
        if m.label == "Nationality":
            tok = self.doc[i]
            if m.canonical and tok.dep_ in ("amod", "compound") and DESCRIPTIONS.get(tok.head.lower_) == _STATES:
                return replace(m, label="Country")
            return m
        # the recogniser may have made the whole phrase one name ("Syrian regime")
        words = m.text.split()
        if len(words) >= 2 and DESCRIPTIONS.get(words[-1].lower()) == _STATES:
            place = demonym(words[-2])
            if place is not None:
                return replace(m, label="Country", canonical=place.canonical)
        return m

    def _by_recency(self, anaphor: Token, ok: CompatibleFn, window: int = WINDOW) -> Mention | None:
        """The nearest sentence (the anaphor's own, before it, then up to ``window`` back) holding a
        compatible mention; in it, the most salient one (subject, then object, then other). Two
        different actors of the same salience there: unresolved."""
        own = {t.i for t in anaphor.subtree}
        sent = anaphor.sent
        end = anaphor.i
        for _ in range(window + 1):
            ranked: dict[int, list[Mention]] = {}
            for i in range(sent.start, end):
                m = self._as_state(self.index.by_token.get(i), i)
                if m is None or i in own or not ok(m):
                    continue
                rank = ranked.setdefault(_salience(self.doc[i]), [])
                if all((m.canonical or m.text) != (o.canonical or o.text) for o in rank):
                    rank.append(m)
            if ranked:
                best = ranked[min(ranked)]
                return best[0] if len(best) == 1 else None
            if sent.start == 0:
                return None
            sent = self.doc[sent.start - 1].sent
            end = sent.end
        return None


# Participles that give a kind noun its name: "a cargo ship known as X", "a firm called Y".
_NAMING = frozenset({"known", "called", "named", "dubbed"})


def described_kind(doc: Doc, m: Mention) -> frozenset[str] | None:
    """The mention kinds of a name the text introduces with a kind noun of :data:`DESCRIPTIONS`:
    "a cargo ship known as X", "a firm called X", "X, a bulk carrier", "the tanker, X,". The
    recogniser guesses a ship's name as an organisation; the sentence that introduces it says what
    it is, and "the vessel" after it refers back to it. None when no kind noun names it."""
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    noun = None if span is None or len(span) == 0 else _describing_noun(span)
    return DESCRIPTIONS.get(noun.lower_) if noun is not None else None


def _describing_noun(span: Span) -> Token | None:
    """The common noun the text introduces a name with: "a cargo ship known as X", "a firm called X",
    "X, a shipping company", "the tanker, X," (its head noun, not inside the name); else None."""
    root = span.root
    noun: Token | None = None
    if root.dep_ == "pobj" and root.head.lower_ == "as" and root.head.head.lower_ in _NAMING:
        noun = root.head.head.head  # "a ship known as X"
    elif root.dep_ in ("oprd", "dobj", "attr") and root.head.lower_ in _NAMING and root.head.dep_ == "acl":
        noun = root.head.head  # "a firm called X"
    elif root.dep_ == "appos":
        noun = root.head  # "the tanker, X,"
    else:  # "X, a bulk carrier"
        noun = next((c for c in root.children if c.dep_ == "appos"), None)
    if noun is None or noun.i in range(span.start, span.end) or noun.pos_ != "NOUN":
        return None
    return noun


def teaching_nouns(span: Span, index: MentionIndex) -> Iterator[tuple[str, int, str | None, frozenset[str]]]:
    """The common nouns (as written, so number agrees) an organisation's or a vessel's name is
    described with, the token where each description ends, the tag an anaphor with that noun must
    have (None: as written) and the words it was described with (lower case): the noun the name
    modifies ("the Tupac rebels": the head is the one described, so "Peru-backed fighters" teaches
    nothing about Peru), the noun of an apposition or a naming participle ("X, a shipping
    company", "a network known as X": :func:`_introduces`), and the singular of a name's own last
    word ("the Finance Department" teaches "the department"; "the United Nations" does not teach
    "the nations")."""
    root = span.root
    head = root.head
    # a group's name on a plural noun names its members ("Tupac rebels"); on a singular one, a
    # thing of the group's ("a Finance release", "a Tupac official"), as on a measure ("UN
    # sanctions") or with a state's name ("the Peru deal")
    if (root.dep_ in ("compound", "amod", "nmod") and head.pos_ == "NOUN" and head.tag_ == "NNS"
            and head.lower_ not in MEASURE_NOUNS and head.i >= span.end and head.i not in index.by_token
            and all(t.head == head and t.dep_ in ("compound", "amod") for t in span.doc[span.end:head.i])):
        yield head.lower_, head.i, None, frozenset(t.lower_ for t in span.doc[span.start:head.i])
    noun = _describing_noun(span)
    if noun is not None and _introduces(noun, span):
        words = frozenset(c.lower_ for c in noun.children if c.dep_ in ("amod", "compound"))
        yield noun.lower_, max(noun.i, span.end - 1), None, words
    last = span[-1]
    if len(span) >= 2 and last.tag_ == "NNP" and last.is_alpha and last.is_title:
        yield last.lower_, last.i, "NN", frozenset(t.lower_ for t in span)


def _introduces(noun: Token, span: Span) -> bool:
    """Whether the kind noun :func:`_describing_noun` found does introduce the name: an apposition
    closed by punctuation ("X, a trading house, was fined"; in "X, a press release said" the noun
    begins a clause of its own) that does not say who it is not ("X, not the ministry"),
    or an indefinite noun with a naming participle ("a ring called X"; not "the war on the
    Andean Front, also known as the AF")."""
    doc = noun.doc
    if noun.dep_ == "appos" or span.root.dep_ == "appos":
        before = doc[noun.left_edge.i - 1] if noun.left_edge.i > 0 else None
        if any(c.dep_ == "neg" for c in noun.children) or (before is not None and before.lower_ == "not"):
            return False
        after = doc[noun.i + 1] if noun.i + 1 < len(doc) else None
        if after is not None and after.pos_ in ("VERB", "AUX") and (after.tag_ in FINITE_TAGS or not any(after.children)):
            return False  # the noun is the subject of a verb the parser hung on it ("a statement added.")
        end = max(noun.right_edge.i, span.end - 1) + 1
        return end >= len(doc) or doc[end].is_punct or bool(doc[end].is_sent_start)
    return any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in noun.children)


def _salience(tok: Token) -> int:
    """0 for a subject, 1 for an object, 2 for any other place, read up the noun phrase's heads."""
    for _ in range(4):
        if tok.dep_ in _SUBJECT_DEPS:
            return 0
        if tok.dep_ in _OBJECT_DEPS or (tok.dep_ == "pobj" and tok.head.dep_ in ("agent", "dative")):
            return 1
        if tok.dep_ not in ("compound", "amod", "poss", "appos", "conj", "flat") or tok.head == tok:
            return 2
        tok = tok.head
    return 2


def _written(tok: Token) -> str:
    """The anaphor as the text wrote it: "it", "the tanker"."""
    if tok.pos_ == "PRON":
        return str(tok.text)
    return str(tok.doc[tok.left_edge.i:tok.i + 1].text)


def named_speaker(att: Attribution | None, doc: Doc, index: MentionIndex,
                  attributions: Sequence[Attribution] = ()) -> Attribution | None:
    """ "..., he told reporters": a pronoun source stands for a person named before it. The chain
    gets the name in the pronoun's place; the source span stays the pronoun the text wrote.
    Who is taken, searching back from the pronoun (its own sentence, then ``WINDOW`` before it,
    never inside what the pronoun itself says: '"I trust Ana Ruiz," he said' is not Ruiz's word):
    the latest person who speaks there, a name heading the source of one of ``attributions``
    ("In her letter, Ana Ruiz said she agreed ...", "Tom Bell, an aide to Senator Ana Ruiz's
    office, said ... He added": Bell, not Ruiz); else the latest person named before
    the pronoun's sentence who is not talked about: a person named inside what someone reports
    (an attribution's content) or inside a "that"-clause is the topic, not the speaker ("Y voiced
    concern that Z was helping Peru. He said ..." is Y's word). With neither, the pronoun is
    left as written (its speaker was not recognised as a name)."""
    if att is None or att.source is None or att.source.text.lower() not in ("he", "she"):
        return att
    span = doc.char_span(att.source.start, att.source.end)
    if span is None:
        return att
    sent = span.root.sent
    start = window_start(sent, WINDOW)
    sources = [(a.source.start, a.source.end) for a in attributions if a.source is not None]
    said = (att.content.start, att.content.end) if att.content is not None else (-1, -1)
    found = next((m for m in _persons_back(index, span.start, start)
                  if not said[0] <= m.start < said[1] and _heads_source(m, doc, sources)), None)
    if found is None:
        found = next((m for m in _persons_back(index, sent.start, start)
                      if not _talked_about(m, doc, attributions)), None)
    if found is None:
        return att
    chain = [*att.chain[:-1], found.text] if att.chain else [found.text]
    return replace(att, chain=chain)


def _persons_back(index: MentionIndex, end: int, start: int) -> Iterator[Mention]:
    """The persons named on the tokens before ``end`` back to ``start``, the latest first."""
    return (m for m in (index.by_token.get(i) for i in range(end - 1, start - 1, -1))
            if m is not None and m.label == "Person")


def _heads_source(m: Mention, doc: Doc, sources: Sequence[tuple[int, int]]) -> bool:
    """Whether ``m`` is who speaks in one of ``sources``: inside the source phrase and not inside
    an owner's or a preposition's phrase there ("Trade Minister Ana Ruiz" speaks; Ruiz in "an
    aide to Senator Ruiz's office" does not)."""
    words = doc.char_span(m.start, m.end, alignment_mode="expand")
    if words is None:
        return False
    for start, end in sources:
        if not start <= m.start < end:
            continue
        tok = words.root
        while True:  # up to the phrase's top ("according to X": X's "to" lies outside the phrase)
            if tok.head == tok or not start <= tok.head.idx < end:
                return True
            if tok.dep_ in ("poss", "pobj"):
                break
            tok = tok.head
    return False


def _talked_about(m: Mention, doc: Doc, attributions: Sequence[Attribution]) -> bool:
    tok = doc.char_span(m.start, m.end, alignment_mode="expand")
    in_content = any(a.content is not None and a.content.start <= m.start < a.content.end for a in attributions)
    return in_content or (tok is not None and _in_that_clause(tok.root))


def _in_that_clause(tok: Token) -> bool:
    """Whether ``tok`` lies in a complement clause opened by "that" or "whether" ("concern that
    X was ...", "denied that X ...")."""
    return any(a.dep_ in ("ccomp", "acl", "advcl") and any(c.dep_ == "mark" and c.lower_ in ("that", "whether")
                                                          for c in a.children)
               for a in tok.ancestors)


__all__ = ["ANAPHORA_VERSION", "DESCRIPTIONS", "PRONOUNS", "TAUGHT_WINDOW", "WINDOW", "Antecedents",
           "anaphor_labels", "bare_description", "described_kind", "is_anaphor", "named_speaker",
           "teaching_nouns", "window_start"]
