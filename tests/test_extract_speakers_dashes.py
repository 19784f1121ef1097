"""A spaced dash before the speaker: a dateline or kicker before it is no part of the speaker
(``speakers.past_dateline``, ``speakers.dateline_end``), while an aside that a second dash closes
describes the subject, who stays the speaker. Sentences and names written for these tests."""

from __future__ import annotations

import pytest

from mistrust.extract.attribution import find_attributions


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
