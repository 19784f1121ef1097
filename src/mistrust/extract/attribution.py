"""Attribution: who said (reported, claimed, wrote, believes) what, through whom.

One pass over the tokens of a parsed spaCy ``Doc`` finds cues, then reads the speaker and the
content off the dependency tree around each cue:

- verb cues ("said", "told", "reported", "denied", "believes"): source = the subject, or the
  agent of a passive ("it was reported by X"), or, for a participle/conjunct ("..., adding that",
  "smiled and said"), the subject of the verb it hangs off; inverted "..., said Price" too.
  Content = the clausal complement, else an object for verbs that take their content as one
  ("denied any such cooperation"), else, when the cue is a parenthetical ("X, he said"), the
  clause it interrupts.
- "according to X": source = X, content = the clause it modifies.
- "seen by X" / "citing X": relays, recorded as their own attribution and added to the chain.
- direct quotes: content is widened to the surrounding quotation marks, across sentences when
  the quote runs over several ("“A. B. C,” he said"); a sentence ending in ":" introduces the
  following paragraph ("France24 reported, citing AFP:").

Chains come from span containment: an attribution whose cue lies inside another's content is
nested in it, so "France24 reported, citing AFP: ... according to a UN report ..." gives the
inner claim the chain ["France24", "AFP", "a UN report"].
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from mistrust.extract.cues import (
    CLAUSE_ONLY,
    CLOSE_QUOTES,
    CUE_FORMS,
    KICKERS,
    NOT_SPEAKERS,
    NOUN_CUES,
    NOUN_PREPS,
    OBJECT_CONTENT,
    OPEN_QUOTES,
    PREP_CONTENT,
    PRONOUNS,
    RELATIVE,
    RELAYS,
    SUBJECTS,
    XCOMP_OK,
)
from mistrust.extract.status import DENIAL_FORMS
from mistrust.extract.timex import event_time
from mistrust.model.documents import Attribution, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

EXTRACTOR = "attribution-v1"



def _doc_text(doc: Doc) -> str:
    """``Doc.text`` joins every token on each access; read it once per doc (speed: 10x on articles)."""
    text = doc.user_data.get("mistrust_text")
    if text is None:
        text = doc.user_data["mistrust_text"] = doc.text
    return str(text)


@dataclass
class _Found:
    source: tuple[int, int] | None  # character offsets
    cue: tuple[int, int]
    content: tuple[int, int] | None
    relayed: list[tuple[int, int]] = field(default_factory=list)  # "citing X" -> X
    kind: str = "verb"  # verb | according | seen
    alias: tuple[int, int] | None = None  # chain name when the source is "who"/"which"
    time: str | None = None  # when it was said ("reported in February 2018")


def _tok_span(tokens: Iterable[Token]) -> tuple[int, int] | None:
    toks = [t for t in tokens if not t.is_space]
    if not toks:
        return None
    start = min(t.idx for t in toks)
    end = max(t.idx + len(t.text) for t in toks)
    return start, end


def _trim(doc: Doc, span: tuple[int, int] | None) -> tuple[int, int] | None:
    """Strip whitespace and dangling commas/dashes at both ends (quotes are kept)."""
    if span is None:
        return None
    text = _doc_text(doc)
    s, e = span
    while s < e and (text[s].isspace() or text[s] in ",;-–—(") :
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in ",;-–—:("):
        e -= 1
    return (s, e) if e > s else None


def _subtree_span(tok: Token, exclude: Iterable[Token] = ()) -> tuple[int, int] | None:
    """Character span of ``tok``'s subtree without the subtrees of ``exclude``."""
    banned: set[int] = set()
    for ex in exclude:
        banned.update(t.i for t in ex.subtree)
    return _tok_span(t for t in tok.subtree if t.i not in banned and t.dep_ != "punct" or t.i == tok.i)


def _source_tokens(tok: Token) -> list[Token]:
    """A speaker phrase: the subject's subtree minus relative clauses and appositive tails."""
    keep = [t for t in tok.subtree]
    cut: set[int] = set()
    for c in tok.children:
        # Relative clauses go ("Price, who ..."); a participle stays ("a report submitted to the
        # council") unless it holds the cue itself (misparsed "the agency reported").
        if c.i > tok.i and (c.dep_ == "relcl" or c.dep_ == "acl" and c.lower_ in CUE_FORMS
                            and c.pos_ == "VERB" and _agent(c) is None):
            cut.update(t.i for t in c.subtree)
    toks = [t for t in keep if t.i not in cut]
    # A subject never runs across a line break ("12:50 p.m.:\n\nTexas Sen. Ted Cruz says").
    breaks = [t.i for t in toks if t.is_space and "\n" in t.text and t.i < tok.i]
    if breaks:
        toks = [t for t in toks if t.i > breaks[-1]]
    return toks


def _subject(verb: Token) -> Token | None:
    """The subject; when a misparse gives two, the one nearest before the verb."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "csubj")]
    before = [c for c in subjects if c.i < verb.i]
    if before:
        return max(before, key=lambda c: c.i)
    return subjects[0] if subjects else None


def _agent(verb: Token) -> Token | None:
    for c in verb.children:
        if c.dep_ == "agent":
            for g in c.children:
                if g.dep_ == "pobj":
                    return g
    return None


def _find_source(verb: Token) -> Token | None:
    subj = _subject(verb)
    if subj is not None and subj.ent_type_ not in NOT_SPEAKERS:
        return subj  # a relative pronoun ("who said") is kept; chains name its antecedent
    if verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN") and _agent(verb) is None and (
            verb.tag_ in ("VBD", "VBZ", "VBP") or _after_comma(verb.head) or _that_follows(verb)):
        # spaCy misparse of "..., the agency AFP reported on Tuesday": a finite verb cannot be a
        # reduced relative, so the noun it hangs off is its subject.
        return verb.head
    agent = _agent(verb)
    if agent is not None:
        return agent
    inverted = _inverted_speaker(verb)
    if inverted is not None:
        return inverted
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
    if passive:
        return None  # "it was reported that ...": an unnamed source
    head = verb.head
    if verb.dep_ in ("conj", "advcl", "xcomp") and head != verb:
        # "smiled and said", "..., adding that", "went on to say": the governing verb's speaker.
        return _find_source(head) if head.pos_ in ("VERB", "AUX") else None
    if verb.dep_ == "pcomp" and head.dep_ == "prep" and head.head.pos_ in ("VERB", "AUX"):
        return _find_source(head.head)  # "began by saying", "impassioned in defending"
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
            return c
    return None


def _that_follows(verb: Token) -> bool:
    """ "The broadcaster reported on Monday, ..., that X says": the that-clause got the noun as
    its subject, leaving the cue as a reduced relative."""
    head = verb.head
    clause = head.head
    return head.dep_ == "nsubj" and any(c.dep_ == "mark" and c.lower_ == "that" and c.i > verb.i
                                        for c in clause.children)


def _after_comma(tok: Token) -> bool:
    i = tok.left_edge.i - 1
    return i >= 0 and tok.doc[i].text == ","


def _is_inverted(verb: Token, src: Token | None) -> bool:
    return src is not None and src.i > verb.i and src.head == verb


def _content(verb: Token, lemma: str, src: Token | None) -> tuple[tuple[int, int] | None, str]:
    children = list(verb.children)
    for c in children:
        if c.dep_ == "ccomp":
            return _subtree_span(c), "ccomp"
    for c in children:
        if c.dep_ == "xcomp" and lemma in XCOMP_OK:
            return _subtree_span(c), "xcomp"
    if src is not None and src == verb.head and verb.dep_ == "acl" and src.head != src:
        # The misparsed "X, the agency reported" (see _find_source): content is the clause around it.
        relays = [c for c in src.head.children if c.lower_ in RELAYS]
        if _that_follows(verb):
            start = next(c.i for c in src.head.children if c.dep_ == "mark" and c.lower_ == "that")
            return _tok_span(t for t in src.head.subtree if t.i >= start and t.dep_ != "punct"), "ccomp"
        return _subtree_span(src.head, exclude=[src, *relays]), "paren"
    # Parenthetical cue: "X, he said" / "X, said Price" / "X, reported AFP": content is the clause
    # the cue interrupts, minus the cue's own phrase.
    head = verb.head
    if head != verb and verb.dep_ in ("parataxis", "conj", "advcl", "ccomp") and head.i < verb.i:
        prev = verb.doc[verb.left_edge.i - 1] if verb.left_edge.i > 0 else None
        if prev is not None and (prev.text in {",", "”", "\"", "’", "—", "–"}) and (src is None or src.i > verb.i or
                                                                                  src.dep_ in SUBJECTS):
            if verb.dep_ != "conj" or _is_inverted(verb, src) or src is None or src.head == verb:
                return _subtree_span(head, exclude=[verb]), "paren"
    if head != verb and verb.dep_ in ("parataxis", "advcl", "ccomp", "conj") and head.i > verb.i:
        # Mid-sentence aside "Greensboro, Sexton said, made him question ..." and "As X said, Y":
        # the cue phrase sits between commas (or opens with "as") inside the clause it reports.
        doc = verb.doc
        inner = [t.i for t in verb.subtree if not t.is_punct]
        left, right = min(inner), max(inner)
        before = doc[left - 1].text if left > 0 else ""
        after = doc[right + 1].text if right + 1 < len(doc) else ""
        opens_as = doc[left].lower_ == "as" and any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children)
        if after == "," and (before == "," or opens_as) and lemma not in CLAUSE_ONLY - {"add"}:
            return _subtree_span(head, exclude=[verb]), "paren"
    if lemma in OBJECT_CONTENT:
        for c in children:
            if c.dep_ == "dobj" and c != src:
                return _subtree_span(c), "object"
        for c in children:
            if c.dep_ == "prep" and c.lower_ in PREP_CONTENT and lemma not in ("say", "tell"):
                for g in c.children:
                    if g.dep_ == "pobj":
                        return _subtree_span(g), "object"
    # "said ... during a conference that he may": the "that"-clause got attached lower down.
    for t in verb.subtree:
        if t.lower_ == "that" and t.dep_ == "mark" and t.i > verb.i and t.head.pos_ in ("VERB", "AUX"):
            if not any(a.lower_ in CUE_FORMS and a.i != verb.i for a in t.head.ancestors if a.i > verb.i):
                return _subtree_span(t.head), "ccomp"
    return None, ""


def _adjacent_quote(verb: Token, src: Token | None) -> tuple[int, int] | None:
    """A quotation right before ("“...,” I said") or right after ("he said, “...”") the cue phrase."""
    doc = verb.doc
    text = _doc_text(doc)
    lo = min(verb.i, src.left_edge.i if src is not None else verb.i)
    hi = max(verb.i, src.right_edge.i if src is not None else verb.i)
    before = text[max(0, doc[lo].idx - 4):doc[lo].idx].rstrip()
    if before.endswith("”"):
        end = doc[lo].idx - (doc[lo].idx - max(0, doc[lo].idx - 4)) + len(before)
        start = text.rfind("“", max(0, end - 3000), end)
        if start >= 0 and "\n\n" not in text[start:end]:
            return start, end
    after_at = doc[hi].idx + len(doc[hi].text)
    after = text[after_at:after_at + 4]
    k = after.find("“")
    if k >= 0 and after[:k].strip() in ("", ",", ":"):
        start = after_at + k
        end = text.find("”", start + 1, start + 3000)
        if end >= 0 and "\n\n" not in text[start:end]:
            return start, end + 1
    return None


def _quote_extend(doc: Doc, span: tuple[int, int] | None, cue: tuple[int, int]) -> tuple[int, int] | None:
    """Widen a content span to the quotation marks around it, across sentences when needed."""
    if span is None:
        return None
    text = _doc_text(doc)
    s, e = span
    inside = text[s:e]
    # Only double curly quotes: ’ is also the apostrophe ("Iran’s") and straight quotes have no side.
    opens = inside.count("“")
    closes = inside.count("”")
    k = e
    while k < len(text) and text[k] in ",.?! ":
        k += 1
    if k < len(text) and text[k] == "”":
        closes += 1  # the closing mark right after the clause (punctuation is not in subtrees)
    limit = 3000
    # Quote closes inside but opened before: walk back to the opening mark (not past the cue).
    if closes > opens and "“" in text[max(0, s - limit):s]:
        back = text.rfind("“", max(0, s - limit), s)
        if back >= 0 and not (back < cue[0] < s) and "\n\n" not in text[back:s]:
            s = back
            k = e
            while k < len(text) and text[k] in ",.?!":
                k += 1
            if k < len(text) and text[k] == "”":
                e = k + 1
    # Opened inside, never closed: walk forward to the closing mark.
    elif opens > closes:
        fwd = text.find("”", e, e + limit)
        if fwd >= 0 and not (e <= cue[0] < fwd) and "\n\n" not in text[e:fwd]:
            e = fwd + 1
    # Directly wrapped in quotes: include the marks (and a trailing ,/. inside them).
    j = s - 1
    while j >= 0 and text[j] == " ":
        j -= 1
    k = e
    while k < len(text) and text[k] in ",.?!":
        k += 1
    if j >= 0 and text[j] in OPEN_QUOTES and k < len(text) and text[k] in CLOSE_QUOTES:
        s, e = j, k + 1
    return s, e


def _colon_content(doc: Doc, verb: Token) -> tuple[int, int] | None:
    """For a cue sentence ending in ':' the content is the text after it, to the paragraph end."""
    sent = verb.sent
    last = sent[-1]
    while last.is_space and last.i > sent.start:
        last = doc[last.i - 1]
    if last.text != ":":
        # "As the paper reported in March 2016: “...”": the colon right after the cue's phrase.
        nxt = verb.right_edge.i + 1
        child = next((c for c in verb.children if c.text == ":" and c.i > verb.i and c.i - verb.i <= 8), None)
        if child is not None:
            last = child
        elif nxt < len(doc) and doc[nxt].text == ":" and verb.dep_ in ("advcl", "ROOT"):
            last = doc[nxt]
        else:
            return None
    text = _doc_text(doc)
    start = last.idx + 1
    while start < len(text) and text[start].isspace():
        start += 1
    if start >= len(text):
        return None
    end = text.find("\n", start)
    end = len(text) if end < 0 else end
    return start, end


def _verb_cue(tok: Token) -> _Found | None:
    lemma = CUE_FORMS.get(tok.lower_)
    if lemma is None or tok.pos_ not in ("VERB", "AUX") or not tok.tag_.startswith("VB"):
        return None
    if lemma in ("see",) and tok.tag_ == "VBN" and _agent(tok) is not None:
        return None  # "seen by" is a relay, handled separately
    if tok.lower_ in RELAYS and tok.dep_ in ("advcl", "xcomp", "acl", "prep", "conj") and tok.tag_ == "VBG":
        return None  # "..., citing X": a relay of the governing attribution
    if tok.dep_ == "xcomp" and CUE_FORMS.get(tok.head.lower_) and tok.head.pos_ in ("VERB", "AUX"):
        return None  # "wants to know", "declined to say": the governing cue carries it
    src = _find_source(tok)
    content, how = _content(tok, lemma, src)
    colon = _colon_content(tok.doc, tok)
    if colon is not None and how in ("", "object"):
        content, how = colon, "colon"
    if content is None or how == "object" and lemma in CLAUSE_ONLY:
        content, how = _adjacent_quote(tok, src), "quote"
    if content is None:
        return None
    if lemma in CLAUSE_ONLY and how not in ("ccomp", "colon", "quote", "paren"):
        return None
    cue = _cue_span(tok)
    src_span = _trim(tok.doc, _tok_span(_source_tokens(src))) if src is not None else None
    alias = None
    if src is not None and src.lower_ in RELATIVE and tok.dep_ == "relcl":
        alias = _trim(tok.doc, _tok_span(_source_tokens(tok.head)))  # "a UN report that confirmed"
    content = _trim(tok.doc, _quote_extend(tok.doc, content, cue))
    if content is None or _overlaps(content, cue):
        # A content that swallowed its own cue (odd parses) is cut back to the side of the cue.
        content = _cut(content, cue, tok.doc)
        if content is None:
            return None
    return _Found(src_span, cue, content, alias=alias, time=_said_when(tok))


def _said_when(verb: Token) -> str | None:
    """The date modifying the cue itself ("reported in March 2016", "said on Tuesday")."""
    for c in verb.children:
        date_tok = None
        if c.dep_ == "prep" and c.lower_ in ("in", "on", "during", "since"):
            date_tok = next((g for g in c.children if g.dep_ == "pobj" and g.ent_type_ == "DATE"), None)
        elif c.dep_ == "npadvmod" and c.ent_type_ == "DATE":
            date_tok = c
        if date_tok is not None:
            phrase = _doc_text(verb.doc)[c.idx:date_tok.right_edge.idx + len(date_tok.right_edge.text)]
            return event_time(phrase) or phrase
    return None


def _relayed(tok: Token) -> tuple[int, int] | None:
    """For "citing X" / "quoting X": the span of X."""
    for g in tok.children:
        if g.dep_ in ("dobj", "pobj"):
            return _trim(tok.doc, _tok_span(_source_tokens(g)))
    return None


def _attach_relays(doc: Doc, found: list[_Found], relays: list[Token]) -> None:
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
                target.content = _cut(target.content, (r.idx, rel[1]), doc)
        # The citing itself is an attribution too (X cites Y): same speaker, the cited work as content.
        src = target.source if target is not None else None
        if src is None:
            who = _find_source(r)
            src = _trim(doc, _tok_span(_source_tokens(who))) if who is not None else None
        found.append(_Found(src, (r.idx, r.idx + len(r.text)), rel, kind="relay"))
    found.sort(key=lambda f: f.cue)


def _cue_span(tok: Token) -> tuple[int, int]:
    """The cue verb with its auxiliaries and particles ("has said", "was quoted as saying")."""
    parts = [tok]
    for c in tok.children:
        if c.dep_ in ("aux", "auxpass", "neg", "prt") and abs(c.i - tok.i) <= 3:
            parts.append(c)
    span = _tok_span(parts)
    assert span is not None
    return span


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _cut(content: tuple[int, int] | None, cue: tuple[int, int], doc: Doc) -> tuple[int, int] | None:
    if content is None:
        return None
    left = (content[0], min(content[1], cue[0]))
    right = (max(content[0], cue[1]), content[1])
    best = max((left, right), key=lambda s: s[1] - s[0])
    return _trim(doc, best) if best[1] - best[0] > 2 else None


def _according(tok: Token) -> _Found | None:
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
    src = _trim(tok.doc, _tok_span(t for t in _source_tokens(pobj) if t.i <= last)) if pobj is not None else None
    head = tok.head
    if head == tok or head.i == to.i:
        sent = tok.sent
        content = _tok_span(t for t in sent if t.i not in phrase and t.dep_ != "punct")
    elif CUE_FORMS.get(head.lower_) and head.head != head and head.head.i < tok.i:
        # "Y, according to a report, reported AFP": the phrase hangs off the parenthetical cue;
        # the content is the clause before it.
        content = _subtree_span(head.head, exclude=[head])
    else:
        # The clause the phrase modifies.
        content = _tok_span(t for t in head.subtree if t.i not in phrase and (t.dep_ != "punct" or t.i > last))
    content = _trim(tok.doc, content)
    if content is not None and _overlaps(content, cue):
        content = _cut(content, cue, tok.doc)
    if content is not None:
        content = _trim(tok.doc, _quote_extend(tok.doc, content, cue))
    return _Found(src, cue, content, kind="according")


def _seen_by(tok: Token) -> _Found | None:
    """ "a report seen by AFP": AFP relays the report (source AFP, content = the report)."""
    if tok.lower_ not in ("seen", "obtained", "reviewed", "viewed") or tok.tag_ != "VBN":
        return None
    agent = _agent(tok)
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
    src = _trim(tok.doc, _tok_span(_source_tokens(agent)))
    content = _trim(tok.doc, _tok_span(_source_tokens(what))) if what is not None else None
    return _Found(src, cue, content, kind="seen")




def _colon_label(tok: Token) -> _Found | None:
    """Headline/label convention "Trump: Cruz has a long way to go" -> source Trump, cue ":"."""
    if tok.text != ":":
        return None
    sent = tok.sent
    doc = tok.doc
    line_start = _doc_text(doc).rfind("\n", 0, tok.idx) + 1
    line_end = _doc_text(doc).find("\n", tok.idx)
    line_end = len(_doc_text(doc)) if line_end < 0 else line_end
    if line_end - tok.idx < 12:
        return None  # "12:50 p.m.:" or "he said:" at a line end introduces a block, not a label
    before = [t for t in sent if t.i < tok.i and not t.is_space and t.idx >= line_start]
    after = [t for t in sent if t.i > tok.i and not t.is_space and not t.is_punct and t.idx < line_end]
    if not before or len(before) > 5 or len(after) < 3:
        return None
    if not any(t.pos_ in ("PROPN", "NOUN") and t.ent_type_ not in ("DATE", "TIME", "CARDINAL") for t in before):
        return None
    if any(t.pos_ in ("VERB", "NUM") or t.like_num for t in before) or before[-1].lower_ in KICKERS:
        return None
    if not any(t.pos_ in ("VERB", "AUX") for t in after):
        return None
    src = _trim(doc, _tok_span(before))
    content = _trim(doc, _tok_span([t for t in sent if t.i > tok.i and t.idx < line_end]))
    return _Found(src, (tok.idx, tok.idx + 1), content, kind="label")




def _noun_cue(tok: Token) -> _Found | None:
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
            src = _trim(doc, _tok_span(_source_tokens(poss)))
            content = _trim(doc, _subtree_span(pobj))
            if src is None or content is None:
                return None
            return _Found(src, (tok.idx, c.idx + len(c.text)), content, kind="noun")
    return None


def _span(doc: Doc, se: tuple[int, int] | None) -> Span | None:
    if se is None:
        return None
    return Span(_doc_text(doc)[se[0]:se[1]], se[0], se[1])


def find_attributions(doc: Doc) -> list[Attribution]:
    """All attributions in a parsed ``Doc``, in text order, each with its chain."""
    found: list[_Found] = []
    relays: list[Token] = []
    for tok in doc:
        low = tok.lower_
        f: _Found | None = None
        if low in ("citing", "quoting") and tok.tag_ == "VBG":
            relays.append(tok)
        if low.replace("[", "").replace("]", "") == "according":
            f = _according(tok)
        elif low in ("seen", "obtained", "reviewed", "viewed"):
            f = _seen_by(tok) or _verb_cue(tok)
        elif low in NOUN_CUES and tok.pos_ == "NOUN":
            f = _noun_cue(tok)
        elif low in CUE_FORMS:
            f = _verb_cue(tok)
        elif low == ":":
            f = _colon_label(tok)
        if f is not None:
            found.append(f)
    found.sort(key=lambda f: f.cue)
    _attach_relays(doc, found, relays)
    return _with_chains(doc, found)


def _with_chains(doc: Doc, found: list[_Found]) -> list[Attribution]:
    out: list[Attribution] = []
    names: list[list[str]] = []
    for f in found:
        own: list[str] = []
        if f.source is not None:
            own.append(_resolve(doc, f, found))
        own.extend(_doc_text(doc)[s:e] for s, e in f.relayed)
        names.append(own)
    for i, f in enumerate(found):
        outer = [j for j, g in enumerate(found) if j != i and g.content is not None
                 and (g.content[0] <= f.cue[0] and f.cue[1] <= g.content[1] or _shares(f, g))]
        outer.sort(key=lambda j: _length(found[j].content), reverse=True)
        chain: list[str] = []
        for j in [*outer, i]:
            for name in names[j]:
                # "the AFP news agency" then "AFP": the same link said twice.
                if not chain or (name.lower() not in chain[-1].lower() and chain[-1].lower() not in name.lower()):
                    chain.append(name)
        out.append(Attribution(source=_span(doc, f.source), cue=_span(doc, f.cue), content=_span(doc, f.content),
                               chain=chain, extractor=EXTRACTOR, time=f.time))
    return out


def _length(span: tuple[int, int] | None) -> int:
    return span[1] - span[0] if span is not None else 0


def _shares(inner: _Found, outer: _Found) -> bool:
    """ "Y, according to a report, reported AFP": both hold Y; the report is nested in AFP's."""
    return (inner.kind == "according" and outer.kind == "verb" and inner.content is not None
            and outer.content is not None and _overlaps(inner.content, outer.content)
            and abs(inner.cue[0] - outer.cue[0]) < 300
            # "X denied Y, according to a statement": X's cue is inside the statement's content,
            # so the statement is the outer link, not the inner one.
            and not (inner.content[0] <= outer.cue[0] and outer.cue[1] <= inner.content[1]))


def _resolve(doc: Doc, f: _Found, found: list[_Found]) -> str:
    """Chain name of a source: a pronoun ("he") becomes the nearest earlier named speaker."""
    assert f.source is not None
    if f.alias is not None:
        return _doc_text(doc)[f.alias[0]:f.alias[1]]
    text = _doc_text(doc)[f.source[0]:f.source[1]]
    if text.lower() not in PRONOUNS:
        return text
    for g in reversed([g for g in found if g.cue < f.cue and g.source is not None]):
        name = _doc_text(doc)[g.source[0]:g.source[1]]  # type: ignore[index]
        if name.lower() not in PRONOUNS:
            return name
    return text


def quote_regions(text: str) -> list[tuple[int, int]]:
    """Character ranges between curly double quotes (“...”), one linear scan."""
    regions: list[tuple[int, int]] = []
    start = -1
    straight = -1
    for i, ch in enumerate(text):
        if ch == "“":
            start = i
        elif ch == "”" and start >= 0:
            regions.append((start, i + 1))
            start = -1
        elif ch == "\n":
            straight = -1  # straight quotes carry no side; never pair them across lines
        elif ch == "'" and text.startswith("''", i) and (i == 0 or text[i - 1] != "'"):
            # Two apostrophes for a double quote (some newswire archives): pair them like '"'.
            if straight >= 0:
                regions.append((straight, i + 2))
                straight = -1
            else:
                straight = i
        elif ch == '"':
            # Straight quotes have no side: they alternate open/close within a paragraph.
            if straight >= 0:
                regions.append((straight, i + 1))
                straight = -1
            else:
                straight = i
        elif ch == "\n" and text.startswith("\n\n", i):
            start = straight = -1  # an unclosed quote does not run past its paragraph
    return regions


def _named(source: Span | None) -> bool:
    if source is None or source.text.lower() in PRONOUNS:
        return False
    words = source.text.split()
    # A capital after the first word ("the FBI", "Mike Pompeo") marks a name, not just a sentence start.
    return any(w[:1].isupper() for w in (words[1:] or words))


def top_level(attributions: list[Attribution], text: str | None = None) -> list[Attribution]:
    """Attributions not nested in another's content or in a quotation (the outermost layer).

    Annotation schemes that give each token one role (PolNeAR is "univocal") only mark this
    layer; the nested ones are still in ``find_attributions`` for chains and claims.
    """
    contents = [a.content for a in attributions if a.content is not None]
    regions = quote_regions(text) if text is not None else []
    out = []
    for a in attributions:
        if a.cue is None:
            continue
        cue = a.cue
        # Nested in someone's content: a pronoun or unnamed speaker ("I think", "he added") belongs
        # to the outer attribution; a named party ("..., which an FBI official said") starts its own.
        # Long contents (a paragraph after a colon, a multi-sentence quote) hold their own "she said".
        if not _named(a.source) and any(c.start <= cue.start and cue.end <= c.end and c is not a.content
                                        and "\n" not in c.text and c.text.count(". ") < 1 for c in contents):
            continue
        if any(s < cue.start and cue.end < e for s, e in regions):
            continue
        out.append(a)
    return out


def is_denial(attribution: Attribution) -> bool:
    """True when the cue denies its content ("Tehran denied ...", "rejected the report")."""
    if attribution.cue is None:
        return False
    return any(w.lower().strip(".,") in DENIAL_FORMS for w in attribution.cue.text.split())


__all__ = ["EXTRACTOR", "find_attributions", "is_denial", "top_level"]
