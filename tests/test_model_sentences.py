"""The one raw-text sentence rule (``model.sentences``) that headings, the list-linking rules and
the actor page share: where a stop ends a sentence and where an abbreviation's dot does not.

Every sentence here is written for the test; the names are invented."""

from __future__ import annotations

import pytest

from mistrust.model.sentences import sentence_span


def _sentence(text: str, mention: str) -> str:
    at = text.index(mention)
    s, e = sentence_span(text, at, at + len(mention))
    return text[s:e]


@pytest.mark.parametrize(("text", "mention", "sentence"), [
    # a dot that ends no sentence
    ("Mr. Velk came. U.S. President Ana Velk spoke. Then he left.", "Ana Velk", "U.S. President Ana Velk spoke."),
    ("The U.N. panel met Dr. Oru Tam in Geneva. He left.", "Oru Tam", "The U.N. panel met Dr. Oru Tam in Geneva."),
    ("Maj. Gen. Tavo Rinn led it. Nobody objected.", "Tavo Rinn", "Maj. Gen. Tavo Rinn led it."),
    ("It was listed as No. 5 on the annex. The rest were not.", "annex", "It was listed as No. 5 on the annex."),
    ("The freighter sailed on Oct. 2 with 3.5 tonnes aboard. It returned.", "tonnes",
     "The freighter sailed on Oct. 2 with 3.5 tonnes aboard."),
    ("Witnesses saw J. R. Palo at St. Ilya harbour. Later, nobody did.", "Palo",
     "Witnesses saw J. R. Palo at St. Ilya harbour."),
    ("Some states, e.g. Norland, objected. Others did not.", "Norland", "Some states, e.g. Norland, objected."),
    ("[Updated at 4:45 p.m. ET] The envoy left. Talks ended.", "envoy", "[Updated at 4:45 p.m. ET] The envoy left."),
    ("FORT ARLO, Md. (Wire) - The envoy left. Talks ended.", "envoy", "FORT ARLO, Md. (Wire) - The envoy left."),
    # a stop that does end one: before a capital, a digit or an opening quote, past closing quotes
    ("\u201cWe won.\u201d Ana Velk spoke. Then he left.", "Ana Velk", "Ana Velk spoke."),
    ("Ana Velk said: \u201cIt was never ours.\u201d The firm agreed.", "Ana Velk",
     "Ana Velk said: \u201cIt was never ours.\u201d"),
    ("The ship reached the port. 12 crates were missing.", "crates", "12 crates were missing."),
    ("Was it sold? Nobody knows.", "sold", "Was it sold?"),
    ("Nobody asked. \"Sell it,\" Ana Velk said.", "Ana Velk", "\"Sell it,\" Ana Velk said."),
    ("The deal fell through, said Kim. Then the talks ended.", "Kim", "The deal fell through, said Kim."),
    ("The cargo went to Acme Inc. The firm denied it.", "firm", "The firm denied it."),
    # a stop before a lower-case word, and a case-sensitive abbreviation, end nothing
    ("The answer was no. and the talks went on. Then came a vote.", "talks",
     "The answer was no. and the talks went on."),
    # a line break ends a sentence: a headline above the story
    ("He left.\n\nAna Velk spoke on Monday", "Ana Velk", "Ana Velk spoke on Monday"),
    ("Ministry denies sale\nAna Velk spoke. He left.", "Ministry", "Ministry denies sale"),
])
def test_the_sentence_holding_a_mention(text: str, mention: str, sentence: str) -> None:
    assert _sentence(text, mention) == sentence


def test_a_mention_ending_in_a_stop_ends_its_sentence() -> None:
    text = "The buyer was Velmar Ltd. Then the ship left."
    at = text.index("Velmar")
    s, e = sentence_span(text, at, text.index(". Then") + 1)
    assert text[s:e] == "The buyer was Velmar Ltd."


def test_a_position_without_an_end_is_the_character_there() -> None:
    text = "First one. Second one. Third one."
    assert text[slice(*sentence_span(text, text.index("Second")))] == "Second one."
    assert sentence_span("", 0) == (0, 0)


@pytest.mark.parametrize(("text", "mention", "shown"), [
    # the actor page shows the whole sentence: an abbreviation's dot does not cut it
    ("He left.\nThe U.S. Treasury named Ana Velk on Oct. 3. She denied it.", "Ana Velk",
     "The U.S. Treasury named Ana Velk on Oct. 3."),
])
def test_the_actor_page_shows_the_sentence_of_a_mention(text: str, mention: str, shown: str) -> None:
    from mistrust.report.profile import sentence_around

    at = text.index(mention)
    assert sentence_around(text, at, at + len(mention), limit=160) == shown


def test_the_actor_page_cuts_a_long_sentence_around_the_mention() -> None:
    from mistrust.report.profile import sentence_around

    text = "First came this. " + "The long report said " + "more " * 60 + "of Ana Velk " + "and more " * 40 + "."
    at = text.index("Ana Velk")
    shown = sentence_around(text, at, at + len("Ana Velk"), limit=100)
    assert shown.startswith("…") and shown.endswith("…") and "Ana Velk" in shown, shown
    assert len(shown) <= 102 and "First came" not in shown
