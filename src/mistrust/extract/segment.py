"""Tokens and sentence starts repaired before the tagger and the parser see the text.

Web pages lose tags and line breaks when they become text, and what the parser then reads is not
what the writer wrote. These steps repair the token stream, never the text: a split or merged
token keeps its characters and offsets, so every span still points into the document as stored.

- **Glued words.** A lost tag or line break runs two words together: "the sanctionsThe ministry",
  "to the cyprusU.S. port", a headline run into the story ("...to NorlandThe ministry said").
  A lowercase word of three letters or more (four before an acronym) directly followed by a
  capital is split there: in English prose a capital inside a lowercase-initial word does not
  occur, while brand names with inner capitals start with a capital ("BlackRock", "McDonald") or
  have a short lowercase prefix ("iPhone", "eBay", "macOS"). A capitalised word run into a
  sentence-opening function word of three letters or more ("NorlandThe", "VelmarAccording") is split as well;
  two-letter words are left alone ("LinkedIn", "AddOn"). A capitalised word glued on starts a new
  sentence (the lost break ended a block); an acronym glued on does not ("the cyprusU.S. port").
- **Hyphenated verbs.** "test-fired", "test-launched", "re-exported": spaCy splits at the hyphen and
  reads "test" as a noun and the verb as a modifier, so the sentence has no finite verb. A
  lowercase word joined by a hyphen (no spaces) to a past, participle or -ing form of an event verb
  of the frame lexicon becomes one token (base and -s forms there are nouns: "cease-fire",
  "cyber-attacks"), which the tagger reads as the verb (``predicates.verb_predicate`` reads the
  part after the hyphen). Capitalised first parts stay apart: "Iran-backed" names a giver; so do
  adverbial ones ("well-armed", "newly-built": adjectives, no event).
- **Time prefixes.** "mid-September", "early-2019": one token, not "mid", "-" and a date, whose
  bare hyphen the parser makes a subject.
- **Datelines.** "KALDORA – The ministry said ...", "NEW PORT, Norland (AP) — ...", "CITY • ...":
  a place in capitals opening a paragraph, then a dash, bullet or colon. The parser otherwise
  takes the place for the subject of the first sentence; the sentence now starts after it.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from mistrust.extract.attribution_spans import text_of_doc
from mistrust.extract.cues import CUE_FORMS, RELATIVE
from mistrust.extract.predicates import verb_lemma, verb_predicate

if TYPE_CHECKING:
    from spacy.tokens import Doc

# A lowercase run, then a capital starting the glued word; the rest letters, dots or apostrophes
# only (no URL, handle, code or number). Before an acronym the run is four letters at least
# ("macOS" is a name, "cyprusU.S." is glued).
_LOWER_GLUE = re.compile(r"[a-z]{4,}(?=[A-Z][A-Za-z.'’]*$)|[a-z]{3}(?=[A-Z][a-z][A-Za-z.'’]*$)")
# Sentence openers that are never the tail of a name (three letters or more, see module doc).
OPENERS = frozenset({"The", "This", "These", "Those", "That", "They", "She", "Its", "But", "And", "According",
                     "After", "While", "When", "Meanwhile", "However"})
_CAP_GLUE = re.compile(r"[A-Z][a-z]+(?=(" + "|".join(sorted(OPENERS, key=len, reverse=True)) + r")$)")
_CAPITALISED = re.compile(r"[A-Z][a-z]")  # a word, not an acronym ("U.S.", "UN") glued to a noun
_CASE_CHANGE = re.compile(r"[a-z][A-Z]")
# a lowercase word, a hyphen, a lowercase word, no spaces, and no other hyphen on either side
_HYPHEN_VERB = re.compile(r"(?<![\w-])([a-z]{2,})-([a-z]+)(?![\w-])")

_PLACE_WORD = r"[A-Z][A-Z.'’-]{2,}"  # three characters at least: "US – China talks" is no dateline
_DATELINE = re.compile(
    rf"(?m)^[ \t]*(?:{_PLACE_WORD}(?:[ ]{_PLACE_WORD}){{0,3}})"  # the place, in capitals
    r"(?:,[ ]+[A-Z][\w.'’-]*(?:[ ][A-Z][\w.'’-]*){0,2})?"  # its country or state ("KYIV, Ukraine")
    r"(?:[ ]*\([^()\n]{1,40}\))?"  # the agency ("(AP)")
    r"[ ]*(?:--|[-–—•:|])[ ]+(?=[A-Z0-9\"“'‘])"  # then the story: a capital, a number or a quote
)


# Degree and manner prefixes make adjectives of participles ("well-armed", "self-made",
# "newly-built"): no event there, so these compounds keep their hyphen apart.
ADVERBIAL_PREFIXES = frozenset({"well", "ill", "self", "half", "so", "long", "much", "far", "ever", "all", "once"})


def _adverbial(word: str) -> bool:
    return word in ADVERBIAL_PREFIXES or word.endswith("ly")


# A time prefix on a month or a year ("mid-September", "mid-Sept.", "early-2019", "mid-1990s"):
# split at the hyphen, the parser takes the bare hyphen for a noun and makes it the subject of the
# sentence ("In mid-March, X attacked Y" has "-" attacking Y). One token reads as one date.
_TIME_PREFIX = re.compile(
    r"(?<![\w-])(?:mid|pre|post|early|late)-(?:(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?"
    r"|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
    r"|\d{4}s?|\d{2}s)(?![\w-])", re.IGNORECASE)


# An elaboration set off by a pair of dashes inside a clause: "supplied weapons—including
# rockets—to X", "shipped fuel – most of it refined abroad – to Y". The parser, meeting the second
# dash, hangs what follows on the elaboration and the clause loses its recipient. Read as one
# token with a comma's norm, the clause parses as if the aside were not there. Only asides that
# open with an elaborating word and hold no name, event verb or speech cue (the words inside carry
# nothing the reading uses; "— officials said —" or "— the X and Y —" stay as they are).
ELABORATION_OPENERS = frozenset({"including", "mostly", "mainly", "largely", "primarily", "chiefly", "especially",
                                 "notably", "particularly", "many", "some", "most", "all", "several", "both",
                                 "among", "such", "partly", "often"})
_ASIDE = re.compile(r"[ ]?[—–][ ]?([a-z][^—–\n]{0,100}?)[ ]?[—–][ ]?(?=[a-z])")
_ASIDE_MAX_WORDS = 12


def _inflected_event_verb(word: str) -> bool:
    # the past, participle or -ing form of an event verb: a base or -s form after a hyphen is a
    # noun far more often ("cease-fire", "cyber-attacks", "free-trade")
    return verb_predicate(word) is not None and verb_lemma(word) != word and not word.endswith("s")


def _elaboration(content: str) -> bool:
    words = re.findall(r"[\w'’-]+", content)
    if not words or len(words) > _ASIDE_MAX_WORDS or words[0] not in ELABORATION_OPENERS:
        return False
    if RELATIVE & {w.lower() for w in words}:
        return False  # a clause of its own ("— all of whom asked not to be named —")
    return not any(w[:1].isupper() or w.lower() in CUE_FORMS or verb_predicate(w) is not None for w in words)


def glue_split(word: str) -> int | None:
    """Where a glued word splits (characters into ``word``), or None when it is one word."""
    m = _LOWER_GLUE.match(word)
    if m is not None:
        return m.end()
    m = _CAP_GLUE.match(word)
    if m is not None and len(word) > m.end() + 1:
        return m.end()
    return None


def repair_tokens(doc: Doc) -> Doc:
    """Split glued words and join hyphenated event verbs (see the module docstring).

    Candidates are found by regular expressions over the text, so a text with none costs two scans
    and no token is looked at; offsets are kept (a token's characters never change), so the text
    read here is the doc's text after the repairs too (kept for the later steps, ``text_of_doc``)."""
    text = text_of_doc(doc)
    merges = []
    for m in _HYPHEN_VERB.finditer(text):
        if _adverbial(m[1]) or not _inflected_event_verb(m[2]):
            continue
        span = doc.char_span(m.start(), m.end())
        if span is not None and len(span) == 3:
            merges.append(span)
    for m in _TIME_PREFIX.finditer(text):
        span = doc.char_span(m.start(), m.end())
        if span is not None and span[-1].text == ".":
            span = span[:-1]  # a full stop the tokenizer split off ends the sentence, not the month
        if span is not None and len(span) > 1:
            merges.append(span)
    asides = []
    for m in _ASIDE.finditer(text):
        if _elaboration(m[1]):
            span = doc.char_span(m.start(), m.end(), alignment_mode="contract")
            if span is not None and len(span) > 2:
                asides.append(span)
    cuts: dict[int, int] = {}  # token start -> where it splits
    for m in _CASE_CHANGE.finditer(text):
        span = doc.char_span(m.start(), m.start() + 1, alignment_mode="expand")
        if span is None or span.start in cuts:
            continue
        tok = span[0]
        if tok.i > 0 and doc[tok.i - 1].text in {"@", "#"}:
            continue  # a handle or a hashtag
        cut = glue_split(tok.text)
        if cut is not None:
            cuts[tok.idx] = cut
    if merges or asides:
        with doc.retokenize() as retok:
            for span in merges:
                retok.merge(span)
            for span in asides:
                if not any(span.start < other.end and other.start < span.end for other in merges):
                    retok.merge(span, attrs={"NORM": ","})
    if cuts:
        with doc.retokenize() as retok:
            for tok in doc:
                if tok.idx in cuts:
                    cut = cuts[tok.idx]
                    retok.split(tok, [tok.text[:cut], tok.text[cut:]], heads=[(tok, 1), (tok, 1)])
        # a capitalised word glued on is where a block (headline, paragraph, caption) ended
        for start, cut in cuts.items():
            second = doc.char_span(start + cut, start + cut + 1, alignment_mode="expand")
            if second is not None and _CAPITALISED.match(second[0].text):
                doc[second.start].is_sent_start = True
    return doc


def dateline_starts(doc: Doc) -> Doc:
    """The sentence starts after a dateline that opens a paragraph (see the module docstring)."""
    text = text_of_doc(doc)
    for m in _DATELINE.finditer(text):
        tok = doc.char_span(m.end(), m.end() + 1, alignment_mode="expand")
        if tok is not None and tok.start > 0 and tok[0].idx == m.end():
            doc[tok.start].is_sent_start = True
    return doc


__all__ = ["ADVERBIAL_PREFIXES", "OPENERS", "dateline_starts", "glue_split", "repair_tokens"]
