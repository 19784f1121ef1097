"""A spaced dash before the speaker: a dateline or kicker before it is no part of the speaker
(``speakers.past_dateline``, ``speakers.dateline_end``), while an aside that a second dash closes
describes the subject, who stays the speaker. Sentences and names written for these tests."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from mistrust.extract.attribution import find_attributions
from mistrust.extract.speakers import dateline_end

if TYPE_CHECKING:
    from spacy.tokens import Token


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    from mistrust.extract.nlp import load_nlp

    return load_nlp()


def _source(nlp, sentence: str, cue: str) -> str | None:  # type: ignore[no-untyped-def]
    att = next(a for a in find_attributions(nlp(sentence)) if a.cue is not None and a.cue.text == cue)
    return att.source.text if att.source is not None else None


@pytest.mark.parametrize(("sentence", "cue", "speaker"), [
    # a dateline (not in capitals, so still in the sentence) or a kicker before the dash: left out
    ("Kaldora, Norland - Norland's foreign minister said the shipment had left the port.", "said",
     "Norland's foreign minister"),
    ("Velmar City, Norland - The customs agency said the vessel carried rifles.", "said", "The customs agency"),
    ("May 23 (UPI) -- Norland's president said the ships would sail on Monday.", "said", "Norland's president"),
])
def test_a_dateline_before_the_dash_is_not_the_speaker(nlp, sentence: str, cue: str, speaker: str) -> None:  # type: ignore[no-untyped-def]
    assert _source(nlp, sentence, cue) == speaker


@pytest.mark.parametrize(("sentence", "cue", "subject"), [
    ("Senator Ana Velk - a stern critic of the deal - said Norland had sold rifles to Ostria.", "said",
     "Senator Ana Velk"),
    ("The envoy – a veteran of the talks – said the embargo was being broken.", "said", "The envoy"),
    ("Mr. Pavel Rinn — a former customs officer — told reporters the cargo was rifles.", "told", "Mr. Pavel Rinn"),
])
def test_an_aside_between_two_dashes_leaves_the_subject_the_speaker(nlp, sentence: str, cue: str,  # type: ignore[no-untyped-def]
                                                                    subject: str) -> None:
    source = _source(nlp, sentence, cue)
    assert source is not None and source.startswith(subject), source


# -- which dash ends a dateline: read on trees built here, so the parser's choices do not matter ----

def _phrase(text: str, head: str) -> Token:
    """The words of ``text`` (split at spaces; "\\n" a line break) as one phrase headed by ``head``,
    the subject of a "said" added at the end."""
    import spacy
    from spacy.tokens import Doc

    words = text.split(" ") + ["said"]
    verb = len(words) - 1
    subject = words.index(head)
    heads = [subject] * verb + [verb]
    heads[subject] = verb
    deps = ["dep"] * verb + ["ROOT"]
    deps[subject] = "nsubj"
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps)
    return doc[subject]


@pytest.mark.parametrize(("text", "head", "first"), [
    ("Kaldora , Norland - the foreign minister", "minister", "the"),
    ("May 23 ( UPI ) -- the envoy", "envoy", "the"),
    ("Port Velmar , Ostria , March 3 ( AP ) - officials", "officials", "officials"),
    ("Rio de Ostria , Norland - the envoy", "envoy", "the"),  # a short joining word in the place
    ("ANALYSIS - Velmar 's trade minister", "minister", "Velmar"),  # a kicker
    ("Officials met on Monday . \n KALDORA - the envoy", "envoy", "the"),  # opening a paragraph
    ("2026-03-04 – 10.15 the customs agency", "agency", "10.15"),  # a live report's time stamp
])
def test_a_dash_after_a_dateline_ends_it(text: str, head: str, first: str) -> None:
    assert dateline_end(_phrase(text, head)).text == first


@pytest.mark.parametrize(("text", "head"), [
    ("The ministry - which denied it - spokesman", "spokesman"),  # a dash inside a sentence
    ("Norland 's deputy minister - a former envoy - Pavel Rinn", "Rinn"),
    ("Officials met in Kaldora - the port - and the envoy", "envoy"),  # not at the paragraph's start
    ("US - China trade council", "council"),  # two letters: no place
    ("12 - 14 crates", "crates"),  # a range, no date
    ("Velmar Ostria Norland Kaldora Tavmar Arven Rinn Ruiz Velk - the envoy", "envoy"),  # too long
])
def test_a_dash_inside_a_sentence_ends_no_dateline(text: str, head: str) -> None:
    tok = _phrase(text, head)
    assert dateline_end(tok).i == tok.left_edge.i == 0


def test_an_aside_after_a_subject_that_is_no_dateline_stays_in_the_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    source = _source(nlp, "Norland's deputy minister - a former envoy - Pavel Rinn said the deal was off.", "said")
    assert source is not None and source.startswith("Norland's deputy minister"), source
