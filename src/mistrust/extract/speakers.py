"""Who speaks: the source token of a cue, read off the spaCy dependency tree.

The subject, a passive agent ("it was reported by X"), an inverted speaker ("..., said Price"),
the governing verb's speaker for participles and conjuncts, and the speaker phrase itself
(the subject's subtree minus relative clauses). Split from :mod:`mistrust.extract.attribution`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from mistrust.extract.cues import CUE_FORMS, DOCUMENT_NOUNS, GROUNDS_NOUNS, NOT_SPEAKERS
from mistrust.extract.predicates import inflections
from mistrust.extract.syntax import hung_on_agent

if TYPE_CHECKING:
    from spacy.tokens import Token


def source_tokens(tok: Token) -> list[Token]:
    """A speaker phrase: the subject's subtree minus relative clauses and appositive tails."""
    keep = [t for t in tok.subtree]
    cut: set[int] = set()
    for c in tok.children:
        # Relative clauses go ("Price, who ..."); a participle stays ("a report submitted to the
        # council") unless it holds the cue itself (misparsed "the agency reported").
        if c.i > tok.i and (c.dep_ == "relcl" or c.dep_ == "acl" and c.lower_ in CUE_FORMS
                            and c.pos_ == "VERB" and passive_agent(c) is None):
            cut.update(t.i for t in c.subtree)
        # "X was accused by Y of selling ...": the charge the parser hung on the agent is not Y's
        if hung_on_agent(c) is not None:
            cut.update(t.i for t in c.subtree)
        # "Ana Ruiz on Thursday said": the date says when it was said, not who said it
        if c.i > tok.i and c.dep_ == "prep" and any(g.dep_ == "pobj" and g.ent_type_ in NOT_SPEAKERS
                                                    for g in c.children):
            cut.update(t.i for t in c.subtree)
    toks = [t for t in keep if t.i not in cut]
    # A subject never runs across a line break ("12:50 p.m.:\n\nTexas Sen. Ted Cruz says").
    breaks = [t.i for t in toks if t.is_space and "\n" in t.text and t.i < tok.i]
    if breaks:
        toks = [t for t in toks if t.i > breaks[-1]]
    first = dateline_end(tok)
    return [t for t in toks if t.i >= first.i]


DASHES = frozenset({"-", "—", "–", "--"})


def _spaced_dash(tok: Token) -> bool:
    """A dash with a space before it, which sets off a dateline, a kicker or an aside; a hyphen
    inside a word ("vice-president") has none."""
    return tok.text in DASHES and tok.i > 0 and bool(tok.doc[tok.i - 1].whitespace_)


def past_dateline(tok: Token) -> Token:
    """The speaker behind a dateline the parser made the subject: in "Tehran, Iran - Iran's
    president said" the subject is "Tehran" and the speaker its apposition after the dash. (A
    dateline in capitals opening a paragraph is a sentence of its own already: ``segment``.) A
    subject that is no dateline stays the speaker (``_ends_dateline``)."""
    doc = tok.doc
    # the speaker hangs off the dateline as an apposition, or off the verb as a second subject
    after = [c for c in tok.children if c.dep_ == "appos"]
    if tok.dep_ in ("nsubj", "nsubjpass") and tok.head != tok:
        after += [c for c in tok.head.children if c.dep_ == tok.dep_]
    for c in sorted(after, key=lambda c: c.i):
        # an aside a second dash closes before the verb ("Ana Velk - a critic of the deal - said")
        # describes the subject: the subject is the speaker, not a dateline
        if c.i > tok.i and any(_spaced_dash(t) and _ends_dateline(t) for t in doc[tok.i + 1:c.i]) \
                and not any(_spaced_dash(t) for t in doc[c.i + 1:tok.head.i]):
            return c
    return tok


def dateline_end(tok: Token) -> Token:
    """First word of a phrase after a dateline or a kicker set off by a spaced dash ("TEHRAN,
    IRAN - Iran's president said"): what comes before the dash is a place or a label, not part
    of the speaker. A hyphen inside a word ("vice-president") has no space before it, and a dash
    inside a sentence ("The minister's deputy - a former envoy - Ana Ruiz said") ends no
    dateline: only one that opens the text or a paragraph does (``_ends_dateline``)."""
    doc = tok.doc
    first = tok.left_edge
    for t in doc[first.i:tok.i]:
        if _spaced_dash(t) and _ends_dateline(t):
            first = doc[t.i + 1]
    return first


# A dateline is a place, its state or country, a date and an agency: "Port Velmar, Ostria, March
# 3, 2024 (AP)" is seven words; a longer opening is a headline or a sentence.
_DATELINE_WORDS = 8


def _ends_dateline(dash: Token) -> bool:
    """Whether the words from the start of the dash's paragraph up to it are a dateline or a
    kicker ("Kaldora, Norland", "May 23 (UPI)", "ANALYSIS"): a few words, each capitalised, a
    number or a date, but for one short joining word inside a place's name ("Rio de Janeiro",
    "Bosnia and Herzegovina", "Port of Spain"). More lowercase is prose ("The ministry - which denied it -
    said", "Officials met in Kaldora - the port - and ..."), and a place or a date has three
    characters at least ("US - China talks" opens with neither)."""
    doc = dash.doc
    start = dash.i
    while start > 0 and not (doc[start - 1].is_space and "\n" in doc[start - 1].text):
        start -= 1
    words = [t for t in doc[start:dash.i] if not (t.is_punct or t.is_space or t.text in DASHES)]
    if not words or len(words) > _DATELINE_WORDS:
        return False
    lower = [n for n, w in enumerate(words) if not (_numeric(w) or w.text[:1].isupper())]
    joining = not lower or (len(lower) == 1 and 0 < lower[0] < len(words) - 1 and len(words[lower[0]]) <= 3)
    return joining and any(len(w) >= 3 and (w.text[:1].isupper() or _numeric(w)) for w in words)


def _numeric(tok: Token) -> bool:
    """A number, a date or a time ("23", "2019-07-19", "19.55"): a live report's time stamp is a
    dateline too."""
    return tok.like_num or tok.text[:1].isdigit()


def _subject(verb: Token) -> Token | None:
    """The subject; when a misparse gives two, the one nearest before the verb."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "csubj")]
    before = [c for c in subjects if c.i < verb.i]
    if before:
        return max(before, key=lambda c: c.i)
    return subjects[0] if subjects else None


def passive_agent(verb: Token) -> Token | None:
    for c in verb.children:
        if c.dep_ == "agent":
            for g in c.children:
                if g.dep_ == "pobj":
                    return g
    return None


def grounds_holder(verb: Token) -> tuple[bool, Token | None]:
    """(True, holder) for an infinitive right after a noun of grounds: "we have reason to
    believe", "gave the panel grounds to suspect". The belief is held by whoever has the grounds:
    the one they are given to (the giving verb's dative), else the subject of the verb that has
    them; nobody in "there is reason to believe" (True, None). Read off the word order, as the
    parser often hangs the infinitive elsewhere. (False, None) for any other verb."""
    doc = verb.doc
    to = verb.i - 1
    if to < 1 or doc[to].lower_ != "to" or verb.tag_ != "VB":
        return False, None
    noun = doc[to - 1]
    if noun.lower_ not in GROUNDS_NOUNS or noun.pos_ != "NOUN":
        return False, None
    if noun.dep_ != "dobj":
        return True, None  # "there is reason to", "reason to believe is lacking"
    gov = noun.head
    dative = next((c for c in gov.children if c.dep_ == "dative"), None)
    if dative is not None:
        return True, dative
    return True, find_source(gov) if gov.pos_ in ("VERB", "AUX") else None


_QUOTE_FORMS = frozenset({"quote", "quotes", "quoted", "quoting", "cite", "cites", "cited", "citing"})


def quoted_person(verb: Token) -> Token | None:
    """The quoted person of "state TV quoted (cited) the minister as saying", "the minister was quoted (by
    Interfax) as denying", read from the quoting verb or from the verb under its "as": the
    innermost speaker, whom the outlet relays. ``None`` elsewhere."""
    quote = verb
    if verb.dep_ == "pcomp" and verb.head.lower_ == "as" and verb.head.dep_ == "prep":
        quote = verb.head.head
    if quote.lower_ not in _QUOTE_FORMS or not any(c.dep_ == "prep" and c.lower_ == "as" for c in quote.children):
        return None
    return next((c for c in quote.children if c.dep_ in ("dobj", "nsubjpass")), None)


# Verbs by which a body puts out a document: "the Treasury issued a statement".
ISSUING_VERBS = frozenset(f for v in ("issue", "release", "publish", "send", "submit", "file", "deliver", "write",
                                      "present", "circulate", "post", "put")
                           for f in inflections(v))
_LOOKBACK = 120  # tokens before a document's sentence searched for its issuing (a few sentences)


def document_issuer(noun: Token) -> Token | None:
    """ "The Treasury issued a statement on Monday. The statement said ...": a definite document
    noun with no owner of its own ("the statement", not "the UN statement" or "the report by X")
    stands for the one issued a few sentences before; its issuer is the subject of that issuing
    verb. ``None`` when the noun has an owner or nobody is found issuing one."""
    if noun.lower_ not in DOCUMENT_NOUNS or not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that")
                                                    for c in noun.children):
        return None
    if any(c.dep_ in ("poss", "compound", "nmod", "amod") or (c.dep_ == "prep" and c.lower_ in ("by", "of", "from"))
           for c in noun.children):
        return None
    doc = noun.doc
    for tok in reversed(doc[max(0, noun.sent.start - _LOOKBACK):noun.sent.start]):
        if tok.lower_.rstrip("s") == noun.lower_.rstrip("s") and tok.dep_ == "dobj":
            if tok.head.lower_ not in ISSUING_VERBS:
                return None  # the nearest mention is not an issuing: leave it
            return next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
    return None


def find_source(verb: Token) -> Token | None:
    subj = _subject(verb)
    if subj is not None and subj.ent_type_ not in NOT_SPEAKERS:
        return past_dateline(subj)  # a relative pronoun ("who said") is kept; chains name its antecedent
    grounds, holder = grounds_holder(verb)
    if grounds:
        return holder
    if verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN") and passive_agent(verb) is None and (
            verb.tag_ in ("VBD", "VBZ", "VBP") or _after_comma(verb.head) or that_follows(verb)):
        # spaCy misparse of "..., the agency AFP reported on Tuesday": a finite verb cannot be a
        # reduced relative, so the noun it hangs off is its subject.
        return verb.head
    agent = passive_agent(verb)
    if agent is not None:
        return agent
    inverted = _inverted_speaker(verb)
    if inverted is not None:
        return inverted
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
    if passive:
        return None  # "it was reported that ...": an unnamed source
    head = verb.head
    if (verb.dep_ == "advcl" and verb.tag_ == "VBG" and head.dep_ == "ccomp" and head.head.lower_ in CUE_FORMS
            and head.head.i < head.i < verb.i):
        # "X said that no deal took place, calling it a rumour": a participle after the reported
        # clause is the reporter's act (the parser hangs it on the clause's verb, whose subject
        # is part of what is reported)
        return find_source(head.head)
    if verb.dep_ in ("conj", "advcl", "xcomp") and head != verb:
        # "smiled and said", "..., adding that", "went on to say": the governing verb's speaker.
        return find_source(head) if head.pos_ in ("VERB", "AUX") else None
    if verb.dep_ == "pcomp" and head.dep_ == "prep" and head.head.pos_ in ("VERB", "AUX"):
        return find_source(head.head)  # "began by saying", "impassioned in defending"
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and head.pos_ in ("NOUN", "PROPN", "PRON"):
        return head  # "calls saying shots have been fired", "officials saying"
    if verb.dep_ == "relcl" and head != verb:
        return head  # "Price, who said ..."
    return None


def _inverted_speaker(verb: Token) -> Token | None:
    """ "..., said Price" / "..., reported AFP": spaCy tags the speaker as dobj/attr after the verb.

    Only finite verbs invert; after "..., calling/telling/slamming" the object is the addressee.
    """
    if verb.tag_ not in ("VBD", "VBZ", "VBP"):
        return None
    i = verb.i - 1
    while i >= 0 and verb.doc[i].dep_ in ("aux", "neg"):
        i -= 1
    if i < 0 or verb.doc[i].text not in {",", "”", "\"", "’", "—", "–"}:
        return None
    for c in verb.children:
        if (c.i > verb.i and c.dep_ in ("dobj", "attr", "nsubj", "appos") and c.pos_ in ("PROPN", "NOUN")
                and c.ent_type_ not in NOT_SPEAKERS):
            return None if _complement_after(verb, c) else c
    return None


def _complement_after(verb: Token, obj: Token) -> bool:
    """ "..., accuses X of shipping", "..., urges X to stop": a verb with a complement of its own
    after the noun takes the noun as its object. An inverted speaker closes the quotative ("...,
    said X (on Monday)"); what was said is the clause before it."""
    for c in verb.children:
        if c.i <= obj.i:
            continue
        if c.dep_ in ("ccomp", "xcomp") or (c.dep_ == "prep" and any(g.dep_ == "pcomp" for g in c.children)):
            return True
        if c.dep_ == "prep" and c.lower_ == "of" and CUE_FORMS.get(verb.lower_) == "accuse":
            return True  # "accuses X of smuggling fuel", the gerund read as a noun
    return False


def that_follows(verb: Token) -> bool:
    """ "The broadcaster reported on Monday, ..., that X says": the that-clause got the noun as
    its subject, leaving the cue as a reduced relative."""
    head = verb.head
    clause = head.head
    return head.dep_ == "nsubj" and any(c.dep_ == "mark" and c.lower_ == "that" and c.i > verb.i
                                        for c in clause.children)


def _after_comma(tok: Token) -> bool:
    i = tok.left_edge.i - 1
    return i >= 0 and tok.doc[i].text == ","


def is_inverted(verb: Token, src: Token | None) -> bool:
    return src is not None and src.i > verb.i and src.head == verb
