"""Cue readers: one function per kind of attribution cue, each returning a ``Found``.

Verb cues ("said", "reported", "denied") with their content, "according to X", "seen by X",
relays ("citing X", "quoting X") attached to their governing cue, headline labels ("Trump: ...")
and noun cues ("Pence's call for ..."). Split from :mod:`mistrust.extract.attribution`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from mistrust.extract.attribution_spans import (
    Found,
    cue_span,
    cut_span,
    spans_overlap,
    subtree_span,
    text_of_doc,
    tok_span,
    trim_text_span,
)
from mistrust.extract.cues import (
    CLAUSE_ONLY,
    CUE_FORMS,
    DOCUMENT_NOUNS,
    EVIDENCE_NOUNS,
    GERUND_NOT,
    KICKERS,
    NONFINITE_NOT,
    NOUN_CUES,
    NOUN_PREPS,
    OBJECT_CONTENT,
    PASSIVE_NOT,
    PREP_CONTENT,
    RAISING_TO_OBJECT,
    RELATIVE,
    RELAYS,
    SUBJECTS,
    XCOMP_OK,
)
from mistrust.extract.quotes import adjacent_quote, colon_content, quote_extend
from mistrust.extract.speakers import (
    dateline_end,
    find_source,
    is_inverted,
    passive_agent,
    quoted_person,
    source_tokens,
    that_follows,
)
from mistrust.extract.syntax import to_infinitive
from mistrust.extract.timex import event_time

if TYPE_CHECKING:
    from collections.abc import Sequence

    from spacy.tokens import Doc, Span, Token


def _content(verb: Token, lemma: str, src: Token | None) -> tuple[tuple[int, int] | None, str]:
    children = list(verb.children)
    for c in children:
        if c.dep_ == "ccomp" and not _label_before(c, verb):
            return subtree_span(c), "ccomp"
    for c in children:
        if c.dep_ == "xcomp" and lemma in XCOMP_OK:
            return subtree_span(c), "xcomp"
    for c in children:
        if c.dep_ == "dobj" and lemma in RAISING_TO_OBJECT and _raised_object(c):
            return subtree_span(c), "ccomp"
    if src is not None and src == verb.head and verb.dep_ == "acl" and src.head != src:
        # The misparsed "X, the agency reported" (see find_source): content is the clause around it.
        relays = [c for c in src.head.children if c.lower_ in RELAYS]
        if that_follows(verb):
            start = next(c.i for c in src.head.children if c.dep_ == "mark" and c.lower_ == "that")
            return tok_span(t for t in src.head.subtree if t.i >= start and t.dep_ != "punct"), "ccomp"
        return subtree_span(src.head, exclude=[src, *relays]), "paren"
    # Parenthetical cue: "X, he said" / "X, said Price" / "X, reported AFP": content is the clause
    # the cue interrupts, minus the cue's own phrase.
    head = verb.head
    if head != verb and verb.dep_ in ("parataxis", "conj", "advcl", "ccomp") and head.i < verb.i:
        # The cue's own leading comma can hang off it ("interviews, federal officials said, ..."):
        # look before the first word of its phrase.
        first = next((t.i for t in verb.subtree if not t.is_punct), verb.left_edge.i)
        prev = verb.doc[first - 1] if first > 0 else None
        if prev is not None and (prev.text in {",", "”", "\"", "’", "—", "–"}) and (src is None or src.i > verb.i or
                                                                                  src.dep_ in SUBJECTS):
            if verb.dep_ != "conj" or is_inverted(verb, src) or src is None or src.head == verb:
                return subtree_span(head, exclude=[verb]), "paren"
    if head != verb and verb.dep_ in ("parataxis", "advcl", "ccomp", "conj") and head.i > verb.i:
        # Mid-sentence aside "Greensboro, Sexton said, made him question ..." and "As X said, Y":
        # the cue phrase sits between commas (or opens with "as") inside the clause it reports.
        doc = verb.doc
        inner = [t.i for t in verb.subtree if not t.is_punct]
        left, right = min(inner), max(inner)
        before = doc[left - 1].text if left > 0 else ""
        after = doc[right + 1].text if right + 1 < len(doc) else ""
        opens_as = doc[left].lower_ == "as" and any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children)
        # "Instead, Trump told CNN, his policy would ...": a cue opening the sentence, then a comma.
        opens_sent = left == verb.sent.start and src is not None and src.i < verb.i
        if after == "," and (before == "," or opens_as or opens_sent) and lemma not in CLAUSE_ONLY - {"add"}:
            # the clause on both sides of the aside, the cue's phrase inside it ("The shipment,
            # officials said, left port in May": the subject before the aside is reported too)
            return subtree_span(head, exclude=[verb]), "aside"
    evidence = _evidence_content(children)
    if evidence is not None:
        return evidence, "ccomp"
    if lemma in OBJECT_CONTENT:
        for c in children:
            if c.dep_ == "dobj" and c != src:
                return subtree_span(c), "object"
        for c in children:
            if c.dep_ == "prep" and c.lower_ in PREP_CONTENT and lemma not in ("say", "tell"):
                for g in c.children:
                    if g.dep_ == "pobj":
                        return subtree_span(g), "object"
    # "said ... during a conference that he may": the "that"-clause got attached lower down.
    for t in verb.subtree:
        if t.lower_ == "that" and t.dep_ == "mark" and t.i > verb.i and t.head.pos_ in ("VERB", "AUX"):
            if not any(a.lower_ in CUE_FORMS and a.i != verb.i for a in t.head.ancestors if a.i > verb.i):
                return subtree_span(t.head), "ccomp"
    return None, ""


def _raised_object(obj: Token) -> bool:
    """ "suspect the Grace 1 to have broken sanctions": an infinitive follows the object (the parser
    hangs it on the object); the object is its subject, not what the verb is about."""
    return any(g.i > obj.i and g.dep_ in ("relcl", "acl", "ccomp", "xcomp") and g.pos_ in ("VERB", "AUX")
               and any(a.dep_ in ("aux", "auxpass") and a.lower_ == "to" for a in g.children) for g in obj.children)


def _evidence_content(children: list[Token]) -> tuple[int, int] | None:
    """ "found evidence that X shipped", "uncovered proof of X shipping": the finding is what the
    evidential object's clause or "of"-phrase says, as if the verb had taken it directly."""
    for c in children:
        if c.dep_ != "dobj" or c.lower_ not in EVIDENCE_NOUNS:
            continue
        for g in c.children:
            if g.dep_ in ("acl", "ccomp", "relcl") and any(m.dep_ == "mark" and m.lower_ == "that" for m in g.children):
                return subtree_span(g)
            if g.dep_ == "prep" and g.lower_ == "of":
                comp = next((p for p in g.children if p.dep_ in ("pcomp", "pobj")), None)
                if comp is not None:
                    return subtree_span(comp)
    return None


def _label_before(clause: Token, verb: Token) -> bool:
    """ "Why it matters: Kirby said ...": a clause closed by a colon before the cue labels the
    paragraph; it is not what the cue reports."""
    end = clause.right_edge.i + 1
    return clause.i < verb.i and end < verb.i and clause.doc[end].text == ":"


def verb_cue(tok: Token) -> Found | None:
    lemma = CUE_FORMS.get(tok.lower_)
    if lemma is None:
        return None
    opening = misread_opening(tok)
    if opening is not None:
        return opening
    if (tok.pos_ not in ("VERB", "AUX") or not tok.tag_.startswith("VB")) and not misread_present(tok):
        return None
    if lemma in ("see",) and tok.tag_ == "VBN" and passive_agent(tok) is not None:
        return None  # "seen by" is a relay, handled separately
    if tok.lower_ in RELAYS and tok.dep_ in ("advcl", "xcomp", "acl", "prep", "conj") and tok.tag_ == "VBG":
        return None  # "..., citing X": a relay of the governing attribution
    if tok.dep_ == "xcomp" and CUE_FORMS.get(tok.head.lower_) and tok.head.pos_ in ("VERB", "AUX"):
        return None  # "wants to know", "declined to say": the governing cue carries it
    if _not_a_report(tok, lemma):
        return None
    src = find_source(tok)
    content, how = _content(tok, lemma, src)
    final = closing_cue(tok)
    spoken: tuple[int, int] | None = None  # the speaker phrase as written, when the tree lost it
    if final is not None and (src is None or not final.speaker[0] <= src.i <= final.speaker[-1]):
        # the tree found no speaker, or a word of the content or the addressee ("told CNN") as one
        src = final.head
        spoken = trim_text_span(tok.doc, tok_span(tok.doc[i] for i in final.speaker))
        content, how = tok_span(final.content), "paren"
    elif final is not None and (content is None or content[0] > final.content[0].idx):
        content, how = tok_span(final.content), "paren"
    elif content is not None and how == "ccomp":
        content = _before_closer(tok, content)
    colon = colon_content(tok.doc, tok)
    if colon is not None and how in ("", "object"):
        content, how = colon, "colon"
    if content is None or how == "object" and lemma in CLAUSE_ONLY:
        content, how = adjacent_quote(tok, src), "quote"
    if content is None:
        return None
    if lemma in CLAUSE_ONLY and how not in ("ccomp", "colon", "quote", "paren", "aside"):
        return None
    cue = cue_span(tok)
    src_span = spoken or (trim_text_span(tok.doc, tok_span(source_tokens(src))) if src is not None else None)
    alias = None
    if src is not None and src.lower_ in RELATIVE and tok.dep_ == "relcl":
        alias = trim_text_span(tok.doc, tok_span(source_tokens(tok.head)))  # "a UN report that confirmed"
    content = trim_text_span(tok.doc, quote_extend(tok.doc, content, cue))
    if content is None or spans_overlap(content, cue) and how != "aside":
        # A content that swallowed its own cue (odd parses) is cut back to the side of the cue.
        content = cut_span(content, cue, tok.doc)
        if content is None:
            return None
    # "Interfax quoted a defence source as saying": the outlet is the source (as its reader sees
    # it), the quoted person the innermost link of the chain; "the minister was quoted as saying"
    # names only the person, the source then
    person = quoted_person(tok)
    relayed: list[tuple[int, int]] = []
    if person is not None:
        named = trim_text_span(tok.doc, tok_span(source_tokens(person)))
        if src_span is None:
            src_span = named
        elif named is not None and named != src_span:
            relayed.append(named)
    return Found(src_span, cue, content, alias=alias, time=_said_when(tok), relayed=relayed)


def _before_closer(tok: Token, content: tuple[int, int]) -> tuple[int, int]:
    """ "X said on Friday it never shipped fuel, state media reported.": the parser may hang the
    relay that closes the sentence on the reported clause, as if X said it; X's words end before
    the relay's speaker, and the relay reports X's saying."""
    for c in tok.children:
        if c.dep_ != "ccomp" or c.i <= tok.i or not CUE_FORMS.get(c.lower_):
            continue
        final = closing_cue(c)
        if final is None:
            continue
        last = [t for t in tok.doc[tok.i + 1:final.speaker[0]] if not t.is_punct and not t.is_space]
        if last and content[0] < last[-1].idx + len(last[-1].text) < content[1]:
            return content[0], last[-1].idx + len(last[-1].text)
    # "X said it never shipped fuel, according to state TV.": the closing "according to" relays
    # X's saying (its attribution takes the whole sentence before it), though the parser hangs it
    # inside X's clause
    relay = _closing_according(tok)
    if relay is not None:
        last = [t for t in tok.doc[tok.i + 1:relay.i] if not t.is_punct and not t.is_space]
        if last and content[0] < last[-1].idx + len(last[-1].text) < content[1]:
            return content[0], last[-1].idx + len(last[-1].text)
    return content


# A token whose lower form is "according" is this word in any case (no other character lowers to
# one of its letters).
_ACCORDING = re.compile("according", re.IGNORECASE)


def _closing_according(tok: Token) -> Token | None:
    """An "according to X" set off by a comma after ``tok``, hanging below it, with nothing of the
    sentence after its phrase."""
    sent, doc = tok.sent, tok.doc
    if _ACCORDING.search(text_of_doc(doc), tok.idx + len(tok.text), sent.end_char) is None:
        return None  # no "according" after the cue in its sentence: its tokens need no visit
    for t in doc[tok.i + 1:sent.end]:
        if t.lower_ != "according" or doc[t.i - 1].text != "," or t.i + 1 >= sent.end or doc[t.i + 1].lower_ != "to":
            continue
        if tok not in t.ancestors:
            return None
        after = [w for w in doc[t.right_edge.i + 1:sent.end] if not w.is_punct and not w.is_space]
        return None if after else t
    return None


_BOUNDARY = frozenset({",", "”", "\"", "’", "—", "–"})
# A clause opened by one of these is an adverbial ("When the ship docked, the navy said"), not the
# content of a cue that closes the sentence.
_SUBORDINATORS = frozenset({"when", "after", "before", "if", "because", "while", "as", "since", "although",
                            "though", "until", "once", "whether", "unless"})


@dataclass
class _Closing:
    speaker: list[int]  # token indices of the speaker phrase
    head: Token  # its head word
    content: list[Token]


def closing_cue(tok: Token) -> _Closing | None:
    """A cue that closes its sentence after the content, read off the word order when the parse
    is lost in a long sentence: "CONTENT, a UN diplomat, citing the report, told CNN." (speaker
    before the cue, an addressee or a time after it) or "CONTENT, said the official, who ...".

    The speaker phrase is the noun phrase between the last comma (or closing quote) and the cue;
    a relay ("citing X") in between is skipped; the content is the main clause before it."""
    if (tok.tag_ not in ("VBD", "VBZ", "VBP") and not misread_present(tok)) or any(c.dep_ == "neg" for c in tok.children):
        return None
    doc, sent = tok.doc, tok.sent
    after_comma = tok.i > sent.start and doc[tok.i - 1].text in _BOUNDARY
    if after_comma and CUE_FORMS.get(tok.lower_) != "tell":
        # "..., said the official(, who ...)": the speaker follows the cue (after "told" comes
        # the addressee: "..., a diplomat, told CNN")
        phrase: list[Token] = []
        for t in doc[tok.i + 1:sent.end]:
            if t.is_punct:
                break
            if t.pos_ in ("VERB", "AUX") or t.dep_ == "relcl":
                return None  # "..., said the jets that X ordered will ...": a clause, not a speaker
            if t.head == tok and t.dep_ == "prep" and t.lower_ == "of" and CUE_FORMS.get(tok.lower_) == "accuse":
                return None  # "..., accuses Lima of smuggling fuel": the accused, not a speaker
            phrase.append(t)
        end = tok.i - 1
    else:
        # the words after the cue, read only here: the branch above walks them itself
        words = [t for t in doc[tok.i + 1:sent.end] if not t.is_punct and not t.is_space]
        if any(t.pos_ in ("VERB", "AUX") for t in words) or len(words) > 6:
            return None  # a clause follows the cue: it is not the sentence's closing cue
        left = tok.i - 1
        while left > sent.start and doc[left].dep_ in ("aux", "advmod") and doc[left].pos_ in ("AUX", "ADV"):
            left -= 1
        if doc[left].text in _BOUNDARY:
            left -= 1  # "X, a diplomat, told CNN": the speaker is set off by commas
        found = _boundary_before(doc, left, sent.start)
        if found is not None and doc[found + 1].lower_ in RELAYS:  # ", citing the report," between
            left, found = found - 1, _boundary_before(doc, found - 1, sent.start)
        if found is None:
            return None
        end = found
        phrase = [t for t in doc[end + 1:left + 1] if not t.is_space]
    if not phrase or len(phrase) > 12 or any(t.pos_ in ("VERB", "AUX") for t in phrase):
        return None
    if phrase[-1].lower_ in RELATIVE and phrase[-1].tag_ in ("WDT", "WP"):
        # "..., a deal that worried its neighbours": the cue's subject is a relative pronoun, the
        # clause a noun's modifier, no speaker ("..., which an FBI official said" keeps its speaker)
        return None
    if not any(t.pos_ in ("NOUN", "PROPN") for t in phrase) or phrase[0].pos_ not in ("DET", "PROPN", "NOUN", "ADJ", "NUM"):
        return None
    while end > sent.start and doc[end - 1].text in _BOUNDARY:
        end -= 1
    content = [t for t in doc[sent.start:end] if not t.is_space]
    while content and content[0].is_punct:
        content = content[1:]
    if (len(content) < 3 or content[0].lower_ in _SUBORDINATORS
            or not any(t.pos_ in ("VERB", "AUX") for t in content)):
        return None
    head = max((t for t in phrase if t.pos_ in ("NOUN", "PROPN")), key=lambda t: (t.head not in phrase, t.i))
    return _Closing([t.i for t in phrase], head, content)


# Present-tense verbs of stating and showing that close a sentence after a plural source ("...,
# court documents state.", "..., records show.", "..., officials say."): the small parser often reads
# the verb as the last noun of a compound. Words that are as often the head noun of such a compound
# ("an arms report", "insurance claims") are left out.
_PRESENT_CLOSERS = frozenset({"say", "state", "show", "suggest", "indicate", "allege", "confirm", "reveal",
                              "warn", "insist", "argue", "contend", "maintain", "assert", "believe", "think"})


def misread_present(tok: Token) -> bool:
    """ "..., court documents state.": a base-form stating verb, tagged a noun, that ends its sentence
    right after a plural noun (its subject)."""
    doc = tok.doc
    if tok.tag_ not in ("NN", "NNS") or tok.lower_ not in _PRESENT_CLOSERS or tok.i == 0:
        return False
    nxt = next((t for t in doc[tok.i + 1:tok.sent.end] if not t.is_space), None)
    return (doc[tok.i - 1].tag_ in ("NNS", "NNPS") and (nxt is None or nxt.text in (".", "!", "?"))
            and any(t.text == "," for t in doc[tok.sent.start:tok.i]))


# Words of a subject phrase that end it: a finite verb or a clause marker means the phrase before
# the stating word is no mere noun phrase.
_PHRASE_BREAKERS = frozenset({"VBD", "VBZ", "VBP", "MD", "WDT", "WP", "IN"})
_OPENING_SUBJECT_MAX = 8


def misread_opening(tok: Token) -> Found | None:
    """ "Court documents state that X shipped ...", "Documents filed in court state that ...": a
    base-form stating verb tagged a noun (the parser builds "documents state" as one noun), right
    after the plural noun phrase that opens the sentence and right before "that". A present verb
    agrees with that plural subject, and "that" opens what it states: the opening phrase is the
    source, the rest of the sentence the content. Only a short phrase with no verb or clause of its
    own (a participle such as "filed in court" is part of the noun phrase).
    Also the stating verb read as a verb with no subject, the participle before it taken for the
    main verb of a clause of its own ("Papers lodged with the tribunal say that ...": "papers
    lodged" parsed as a sentence): the same opening phrase is its subject."""
    doc = tok.doc
    if tok.lower_ not in _PRESENT_CLOSERS or tok.i == 0:
        return None
    if tok.tag_ not in ("NN", "NNS") and not (tok.tag_ == "VBP" and not any(c.dep_ in ("nsubj", "nsubjpass")
                                                                             for c in tok.children)):
        return None
    sent = tok.sent
    if tok.i + 1 >= sent.end:
        return None
    bare = doc[tok.i + 1].lower_ != "that"
    if bare and not _bare_clause(doc[tok.i + 1:sent.end]):
        return None
    subject = [t for t in doc[dateline_end(doc[sent.start]).i:tok.i] if not t.is_space]
    while subject and subject[0].tag_ == "CC":
        subject = subject[1:]  # "And court documents state ...": the link to the last sentence is no source
    if not subject or len(subject) > _OPENING_SUBJECT_MAX:
        return None
    head = opening_head(subject)
    # the head of the subject is plural (a plural document noun may be tagged a verb, "records"
    # VBZ, or an adjective, "memos" JJ); with no "that", only documents: "Court records state X
    # sold ..."
    if head is None or not _plural(head) or (bare and head.lower_ not in DOCUMENT_NOUNS):
        return None
    if any(t.tag_ in _PHRASE_BREAKERS and not _modifier(t, head, subject)
           and not (t.lower_ in DOCUMENT_NOUNS and _plural(t)) for t in subject):
        return None  # "Peru said documents state that": a clause, not a subject phrase
    content = tok_span(t for t in doc[tok.i + (1 if bare else 2):sent.end] if not t.is_punct)
    if content is None:
        return None
    return Found(trim_text_span(doc, tok_span(subject)), cue_span(tok), content)


def opening_head(subject: Sequence[Token]) -> Token | None:
    """The head noun of a noun phrase read off its words: the last noun before its first
    post-modifier (a participle, a preposition: "documents filed in May", "papers lodged with the
    tribunal", "minutes of the meeting"), else its last word when that is a noun. Read from the words,
    not the tree, because the tree is what the parser got wrong."""
    head: Token | None = None
    for t in subject:
        if t.pos_ in ("NOUN", "PROPN") or t.lower_ in DOCUMENT_NOUNS:
            head = t
        elif head is not None and (t.tag_ in ("VBN", "VBD", "IN") or t.lower_ in RELATIVE):
            return head
    return head


def _modifier(t: Token, head: Token, subject: Sequence[Token]) -> bool:
    """A word that modifies the subject's head rather than opening a clause: a participle opening
    the phrase ("*leaked* memos", tagged VBD), a participle right after the head ("documents
    *filed* in May", "papers *lodged* with", tagged VBN or, read as a main verb, VBD, but followed
    by a preposition: "Peru *said* documents ..." is a clause) and a preposition after the head
    ("minutes *of* the meeting", "filed *in* court")."""
    if t.i < head.i and t.tag_ in ("VBN", "VBD"):
        return t == subject[0]
    if t.i <= head.i:
        return False
    nxt = t.doc[t.i + 1] if t.i + 1 < len(t.doc) else None
    if t.tag_ in ("VBN", "VBD"):
        return t.i == head.i + 1 and nxt is not None and nxt.tag_ in ("IN", "RP")
    return t.tag_ == "IN" and t.lower_ not in RELATIVE and t.lower_ not in ("that", "because", "if", "while")


def _bare_clause(rest: Span) -> bool:
    """ "Court documents state Chile shipped ...": what follows the stating word is a clause with no
    "that", opening with a name, a determiner or a pronoun and holding a finite verb. A plain noun
    after it is left alone ("documents state officials ...": "state officials" may be one phrase)."""
    if not len(rest) or rest[0].pos_ not in ("PROPN", "DET", "PRON") or rest[0].lower_ in RELATIVE:
        return False
    return any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in rest)


def _plural(tok: Token) -> bool:
    return tok.tag_ in ("NNS", "NNPS") or (tok.lower_ in DOCUMENT_NOUNS and tok.lower_.endswith("s"))


def _boundary_before(doc: Doc, i: int, start: int) -> int | None:
    """Index of the nearest comma or closing quote at or before ``i`` (``None`` before ``start``)."""
    while i > start:
        if doc[i].text in _BOUNDARY:
            return i
        i -= 1
    return None


def _not_a_report(tok: Token, lemma: str) -> bool:
    """Verb forms that look like cues but report nothing said or held (see PASSIVE_NOT, NONFINITE_NOT)."""
    prev = tok.doc[tok.i - 1].lower_ if tok.i > 0 else ""
    if lemma == "call" and prev in ("so", "so-"):
        return True  # "the so-called implementation initiative"
    # spaCy tags a sentence-initial "Asked whether ..., X said" as a past tense without a subject.
    bare_opening = tok.tag_ == "VBD" and tok.i == tok.sent.start
    if lemma in PASSIVE_NOT and (tok.tag_ == "VBN" or bare_opening) and passive_agent(tok) is None:
        perfect = any(c.dep_ == "aux" and c.lemma_ == "have" for c in tok.children)
        has_subject = any(c.dep_ == "nsubj" for c in tok.children)
        if not perfect and not has_subject:
            return True
    if tok.tag_ == "VBN" and any(c.dep_ == "mark" and c.lower_ == "as" for c in tok.children) \
            and passive_agent(tok) is None and not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
        return True  # "As noted (earlier), X sold ...": the writer's aside; the clause's subject says nothing
    if lemma in NONFINITE_NOT:
        infinitive = tok.tag_ == "VB" and to_infinitive(tok)
        gerund = tok.tag_ == "VBG" and lemma in GERUND_NOT and not any(c.dep_ == "aux" for c in tok.children)
        if infinitive or gerund:
            return True
    return False


def _said_when(verb: Token) -> str | None:
    """The date modifying the cue itself ("reported in March 2016", "said on Tuesday")."""
    for c in verb.children:
        date_tok = None
        if c.dep_ == "prep" and c.lower_ in ("in", "on", "during", "since"):
            date_tok = next((g for g in c.children if g.dep_ == "pobj" and g.ent_type_ == "DATE"), None)
        elif c.dep_ == "npadvmod" and c.ent_type_ == "DATE":
            date_tok = c
        if date_tok is not None:
            phrase = text_of_doc(verb.doc)[c.idx:date_tok.right_edge.idx + len(date_tok.right_edge.text)]
            return event_time(phrase) or phrase
    return None


def _relayed(tok: Token) -> tuple[int, int] | None:
    """For "citing X" / "quoting X": the span of X."""
    for g in tok.children:
        if g.dep_ in ("dobj", "pobj"):
            return trim_text_span(tok.doc, tok_span(source_tokens(g)))
    return None


def attach_relays(doc: Doc, found: list[Found], relays: list[Token]) -> None:
    """Give each "citing X" to the closest cue before it in its sentence (else the next one)."""
    for r in relays:
        rel = _relayed(r)
        if rel is None:
            continue
        sent = r.sent
        lo, hi = sent.start_char, sent.end_char
        same = [f for f in found if lo <= f.cue[0] < hi and f.source is not None and f.cue != rel]
        before = [f for f in same if f.cue[1] <= r.idx]
        after = [f for f in same if f.cue[0] > r.idx]
        target = max(before, key=lambda f: f.cue) if before else (min(after, key=lambda f: f.cue) if after else None)
        if target is not None and rel not in target.relayed:
            target.relayed.append(rel)
            if target.content is not None and target.content[0] <= rel[0] and rel[1] <= target.content[1]:
                target.content = cut_span(target.content, (r.idx, rel[1]), doc)
        # The citing itself is an attribution too (X cites Y): same speaker, the cited work as content.
        src = target.source if target is not None else None
        if src is None:
            who = find_source(r)
            src = trim_text_span(doc, tok_span(source_tokens(who))) if who is not None else None
        found.append(Found(src, (r.idx, r.idx + len(r.text)), rel, kind="relay"))
    found.sort(key=lambda f: f.cue)


def according_cue(tok: Token) -> Found | None:
    """ "according to X, Y" / "Y, according to X"."""
    # "[A]ccording to": editors' brackets inside a quoted passage
    if tok.lower_.replace("[", "").replace("]", "") != "according":
        return None
    if tok.i + 1 >= len(tok.doc) or tok.doc[tok.i + 1].lower_ != "to":
        return None
    to = tok.doc[tok.i + 1]
    pobj = next((g for g in to.children if g.dep_ == "pobj"), None)
    if pobj is None:
        pobj = next((g for g in tok.children if g.dep_ == "pobj"), None)
    cue = (tok.idx, to.idx + len(to.text))
    # The source phrase ends at the first comma after its head noun: spaCy sometimes hangs the
    # following clause's subject on it ("according to a member state, North Korea and Iran ...").
    last = tok.right_edge.i
    if pobj is not None:
        comma = next((t.i for t in tok.doc[pobj.i:tok.right_edge.i + 1] if t.text in (",", ";")), None)
        if comma is not None:
            last = comma - 1
    phrase = range(tok.left_edge.i, last + 1)
    src = trim_text_span(tok.doc, tok_span(t for t in source_tokens(pobj) if t.i <= last)) if pobj is not None else None
    head = tok.head
    if head == tok or head.i == to.i:
        sent = tok.sent
        content = tok_span(t for t in sent if t.i not in phrase and t.dep_ != "punct")
    elif CUE_FORMS.get(head.lower_) and head.head != head and head.head.i < tok.i:
        # "Y, according to a report, reported AFP": the phrase hangs off the parenthetical cue;
        # the content is the clause before it.
        content = subtree_span(head.head, exclude=[head])
    else:
        sent, doc = tok.sent, tok.doc
        words = [t for t in sent if t.dep_ != "punct" and not t.is_space]
        before = [t for t in words if t.i < tok.i]
        after = [t for t in words if t.i > last]
        # (set off by commas inside its sentence, the phrase keeps the clause the parser hangs it on:
        # taking both sides, as a verb's aside does, lowered PolNeAR train-150)
        set_off = tok.i > sent.start and doc[tok.i - 1].text == ","
        if set_off and before and not after:
            # "A; B; and C, according to X." closes its sentence: X is the source of every clause
            # before it, not only of the last one the parser hangs the phrase on
            return _according(doc, src, cue, tok_span(before))
        # The clause the phrase modifies. Punctuation after the phrase only counts when words of
        # the clause follow it: "Y, according to a long source phrase." must not stretch Y's span
        # over the phrase to the final stop (the cut below would then keep the longer source side).
        tail = any(t.i > last and t.dep_ != "punct" and not t.is_space for t in head.subtree)
        content = tok_span(t for t in head.subtree
                            if t.i not in phrase and (t.dep_ != "punct" or (t.i > last and tail)))
    return _according(tok.doc, src, cue, content)


def _according(doc: Doc, src: tuple[int, int] | None, cue: tuple[int, int],
               content: tuple[int, int] | None) -> Found:
    """The "according to" attribution, its content trimmed and cut back from its own cue."""
    content = trim_text_span(doc, content)
    if content is not None and spans_overlap(content, cue):
        content = cut_span(content, cue, doc)
    if content is not None:
        content = trim_text_span(doc, quote_extend(doc, content, cue))
    return Found(src, cue, content, kind="according")


def seen_by(tok: Token) -> Found | None:
    """ "a report seen by AFP": AFP relays the report (source AFP, content = the report)."""
    if tok.lower_ not in ("seen", "obtained", "reviewed", "viewed") or tok.tag_ != "VBN":
        return None
    agent = passive_agent(tok)
    if agent is None:
        return None
    what: Token | None = None
    if tok.dep_ == "acl":
        what = tok.head
    else:
        for c in tok.children:
            if c.dep_ == "nsubjpass":
                what = c
        if what is None and tok.dep_ == "conj":
            what = next((c for c in tok.head.children if c.dep_ in ("nsubjpass", "nsubj")), None)
    by = next(c for c in tok.children if c.dep_ == "agent")
    cue = (tok.idx, by.idx + len(by.text))
    src = trim_text_span(tok.doc, tok_span(source_tokens(agent)))
    content = trim_text_span(tok.doc, tok_span(source_tokens(what))) if what is not None else None
    return Found(src, cue, content, kind="seen")


def colon_label(tok: Token) -> Found | None:
    """Headline/label convention "Trump: Cruz has a long way to go" -> source Trump, cue ":"."""
    if tok.text != ":":
        return None
    sent = tok.sent
    doc = tok.doc
    line_start = text_of_doc(doc).rfind("\n", 0, tok.idx) + 1
    line_end = text_of_doc(doc).find("\n", tok.idx)
    line_end = len(text_of_doc(doc)) if line_end < 0 else line_end
    if line_end - tok.idx < 12:
        return None  # "12:50 p.m.:" or "he said:" at a line end introduces a block, not a label
    before = [t for t in sent if t.i < tok.i and not t.is_space and t.idx >= line_start]
    # Newsletter style "HEADLINE IN CAPS - Jane Doe: “...”": the speaker is what follows the dash.
    dash = [k for k, t in enumerate(before) if t.text in ("-", "—", "–") and k > 0]
    if dash:
        before = before[dash[-1] + 1:]
    after = [t for t in sent if t.i > tok.i and not t.is_space and not t.is_punct and t.idx < line_end]
    if not before or len(before) > 5 or len(after) < 3:
        return None
    # A speaker label names someone ("Lopez:", "Sen. Ted Cruz:") or is a bare noun ("Report:",
    # "Newspaper:" in headlines); a lead-in with an article or adjective ("The result:", "Good
    # news:", "A reminder:") introduces the writer's own point.
    named = any(t.pos_ == "PROPN" or t.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") for t in before
                if t.ent_type_ not in ("DATE", "TIME", "CARDINAL"))
    bare = all(t.pos_ in ("NOUN", "PROPN") or t.is_punct for t in before)
    if not (named or bare) or not any(t.pos_ in ("PROPN", "NOUN") for t in before):
        return None
    if any(t.pos_ in ("VERB", "NUM") or t.like_num for t in before) or before[-1].lower_ in KICKERS:
        return None
    if not any(t.pos_ in ("VERB", "AUX") for t in after):
        return None
    src = trim_text_span(doc, tok_span(before))
    content = trim_text_span(doc, tok_span([t for t in sent if t.i > tok.i and t.idx < line_end]))
    return Found(src, (tok.idx, tok.idx + 1), content, kind="label")


def noun_cue(tok: Token) -> Found | None:
    """ "Pence's call for a special prosecutor": possessor = source, prepositional object = content."""
    if tok.pos_ != "NOUN" or tok.lower_ not in NOUN_CUES:
        return None
    poss = next((c for c in tok.children if c.dep_ == "poss"), None)
    if poss is None:
        return None
    doc = tok.doc
    for c in tok.children:
        if c.i > tok.i and (c.dep_ == "prep" and c.lower_ in NOUN_PREPS):
            pobj = next((g for g in c.children if g.dep_ in ("pobj", "pcomp")), None)
            if pobj is None:
                continue
            src = trim_text_span(doc, tok_span(source_tokens(poss)))
            content = trim_text_span(doc, subtree_span(pobj))
            if src is None or content is None:
                return None
            return Found(src, (tok.idx, c.idx + len(c.text)), content, kind="noun")
    return None


def in_document(tok: Token) -> Found | None:
    """ "In a CNN poll, Clinton led ..." / "... 52 percent, in the latest survey": the document is the source.

    Only when the phrase modifies a clause that no cue verb already speaks for ("said in a
    statement" is the verb's attribution, with the statement as its channel).
    """
    if tok.lower_ != "in" or tok.dep_ != "prep":
        return None
    pobj = next((g for g in tok.children if g.dep_ == "pobj"), None)
    if pobj is None or pobj.lower_ not in DOCUMENT_NOUNS or pobj.ent_type_:
        return None
    # A bare plural is a general reference ("leads in national polls", "in other words"), not one
    # document speaking; "in Forbes' words" names its author.
    if pobj.tag_ in ("NNS", "NNPS") and not any(c.dep_ == "poss" for c in pobj.children):
        return None
    head = tok.head
    while head.pos_ not in ("VERB", "AUX") and head.head != head:
        head = head.head
    if head.pos_ not in ("VERB", "AUX") or head.lower_ in CUE_FORMS:
        return None
    if any(a.lower_ in CUE_FORMS and a.pos_ == "VERB" for a in head.ancestors):
        return None  # inside someone's reported speech: that speaker's attribution covers it
    if not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in head.children):
        return None
    doc = tok.doc
    src = trim_text_span(doc, tok_span(source_tokens(pobj)))
    content = trim_text_span(doc, subtree_span(head, exclude=[tok]))
    if src is None or content is None:
        return None
    if spans_overlap(content, (tok.idx, pobj.right_edge.idx + len(pobj.right_edge.text))):
        content = cut_span(content, (tok.idx, pobj.right_edge.idx + len(pobj.right_edge.text)), doc)
        if content is None:
            return None
    return Found(src, (tok.idx, tok.idx + len(tok.text)), content, kind="document")
