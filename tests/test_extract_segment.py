"""Tokens and sentence starts repaired before the parser (extract/segment.py), on sentences written
for these tests: glued words, hyphenated event verbs, datelines; the text itself never changes."""

from __future__ import annotations

import pytest

from mistrust.extract.nlp import load_nlp
from mistrust.extract.segment import glue_split


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    return load_nlp()


# -- glued words: where they split (pure) ---------------------------------------------------------

@pytest.mark.parametrize(("word", "left"), [
    ("sanctionsThe", "sanctions"),  # a lost line break before a new paragraph
    ("harbourAfter", "harbour"),
    ("cyprusU.S.", "cyprus"),  # an acronym run into a lowercase place
    ("tradersVelmar", "traders"),
    ("NorlandThe", "Norland"),  # a headline run into the story
    ("KaldoraAccording", "Kaldora"),
    ("VelmarMeanwhile", "Velmar"),
])
def test_glued_words_split(word: str, left: str) -> None:
    assert glue_split(word) == len(left)


@pytest.mark.parametrize("word", [
    "iPhone", "eBay", "macOS", "mRNA",  # one- or two-letter lowercase prefixes: brand and unit names
    "McDonald", "BlackRock", "PayPal", "DeLorean",  # inner capitals after a capital: names
    "LinkedIn", "AddOn",  # two-letter tails are no sentence openers
    "IRGC", "OPEC", "OPEC+", "U.N.", "sanctions", "Norland", "The",
    "smuggle2Day", "user_Name", "abc/Def",  # digits, underscores, slashes: handles and paths
])
def test_words_that_are_not_glued(word: str) -> None:
    assert glue_split(word) is None


# -- in the pipeline: tokens and sentences, the text unchanged ----------------------------------

def _sentences(doc) -> list[str]:  # type: ignore[no-untyped-def]
    return [s.text.strip() for s in doc.sents if s.text.strip()]


def test_a_glued_capitalised_word_starts_a_sentence(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Inspectors found the crates in the holdThe ministry denied any knowledge of them."
    doc = nlp(text)
    assert doc.text == text
    assert [t.text for t in doc][6:9] == ["hold", "The", "ministry"]
    assert _sentences(doc) == ["Inspectors found the crates in the hold", "The ministry denied any knowledge of them."]


def test_a_glued_acronym_does_not_start_a_sentence(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("The barges left the velmarU.N. depot before noon.")
    assert "U.N." in [t.text for t in doc]
    assert len(_sentences(doc)) == 1


def test_brand_names_and_handles_stay_whole(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Traders used eBay and WhatsApp, and wrote to @shipTrack about the McDonald shipment.")
    words = [t.text for t in doc]
    assert {"eBay", "WhatsApp", "McDonald"} <= set(words)
    assert "Track" not in words
    assert len(_sentences(doc)) == 1


# -- hyphenated event verbs ----------------------------------------------------------------------

@pytest.mark.parametrize(("text", "joined"), [
    ("Norland test-fired two cruise missiles on Sunday.", "test-fired"),
    ("Velmar has test-launched a new rocket from the coast.", "test-launched"),
    ("The firm re-exported the lathes to Kaldora.", "re-exported"),
])
def test_hyphenated_event_verbs_are_one_verb(nlp, text: str, joined: str) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(text)
    tok = next(t for t in doc if t.text == joined)
    assert tok.tag_.startswith("VB")
    assert doc.text == text


@pytest.mark.parametrize(("text", "parts"), [
    ("Velmar-backed militias crossed the river.", ["Velmar", "-", "backed"]),  # a named giver stays apart
    ("The well-armed guards watched the port.", ["well", "-", "armed"]),  # adverbial prefixes make adjectives
    ("A newly-built frigate sailed at dawn.", ["newly", "-", "built"]),
    ("Crews made ship-to-ship transfers at night.", ["ship", "-", "to", "-", "ship"]),  # no event verb
    ("The short-range missiles were old.", ["short", "-", "range"]),
    ("They traded in a test - fired shell casing market.", ["test", "-", "fired"]),  # spaced: no compound
    ("A cease-fire held along the border.", ["cease", "-", "fire"]),  # base and -s forms: nouns
    ("The cyber-attacks hit three Norland banks.", ["cyber", "-", "attacks"]),
])
def test_other_hyphenated_words_stay_apart(nlp, text: str, parts: list[str]) -> None:  # type: ignore[no-untyped-def]
    words = [t.text for t in nlp(text)]
    assert any(words[i:i + len(parts)] == parts for i in range(len(words)))


# -- datelines -----------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "first"), [
    ("KALDORA – The rival factions in Norland violated the embargo, experts said.", "The"),
    ("PORT ARVEN, Norland (AP) — Velmar shipped fuel to Norland last week.", "Velmar"),
    ("OSTRIA • The navy boarded a dhow and seized rifles.", "The"),
    ("VELMAR CITY -- The treasury named four firms on Friday.", "The"),
    ("STORY: On Friday, the ministry denied the report.", "On"),
    ("Officials met on Monday.\nKALDORA: Norland denied the report on Tuesday.", "Norland"),
    ("KALDORA – 12 sailors from Norland were detained, officials said.", "12"),  # a number opens the story
])
def test_a_dateline_ends_before_the_sentence(nlp, text: str, first: str) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(text)
    starts = [s[0].text for s in doc.sents]
    assert first in starts
    assert doc.text == text


@pytest.mark.parametrize("text", [
    "US – China talks resumed in Geneva on Monday.",  # two letters: a country, not a dateline
    "The talks – held in secret – ended with a deal on fuel.",  # a dash inside a sentence
    "Officials said KALDORA – the port – was closed.",  # capitals not at the start of a paragraph
    "Norland: the ministry denied the report on Tuesday.",  # not in capitals
    "The ministry said 12 – 14 crates were missing.",  # a number after a dash inside a sentence
])
def test_no_dateline(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    assert len(_sentences(nlp(text))) == 1


# -- elaborations set off by dashes ----------------------------------------------------------------

@pytest.mark.parametrize(("text", "aside"), [
    ("Norland supplied rifles—including sniper models—to Velmar in May.", "—including sniper models—"),
    ("Norland shipped fuel – some of it refined abroad – to Velmar last year.", "– some of it refined abroad –"),
    ("Ostria sold trucks — mostly old army stock — to Kaldora.", "— mostly old army stock —"),
])
def test_an_elaboration_between_dashes_is_one_token(nlp, text: str, aside: str) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(text)
    assert doc.text == text
    tok = next(t for t in doc if t.text == aside)
    # the clause around it is read whole: the recipient's "to" hangs on the verb, not on the aside
    to = next(t for t in doc if t.text == "to")
    assert to.head.tag_.startswith("VB")
    assert tok.norm_ == ","


@pytest.mark.parametrize("text", [
    "Norland shipped fuel — officials said — to Velmar last year.",  # a speech cue: the source is inside
    "The backers — the Velmari and Ostrian navies — broke the embargo.",  # names inside
    "Norland sent rifles — which it had bought abroad — to Velmar.",  # no elaborating opener
    "Norland shipped fuel — including some it sold — to Velmar.",  # an event verb inside
    "Talks resumed—including on fuel.",  # one dash only
    "Five envoys — all of whom asked not to be named — left Velmar.",  # a clause of its own
])
def test_other_dashes_stay_apart(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(text)
    assert all(t.text in {"—", "–"} for t in doc if "—" in t.text or "–" in t.text)


# -- time prefixes -------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "joined"), [
    ("In mid-September, Velmari rebels attacked Norland.", "mid-September"),
    ("In mid-Sept. 2019, Velmari rebels attacked Norland.", "mid-Sept."),
    ("By mid-2019 Norland had sold rifles to Velmar.", "mid-2019"),
    ("Since the early-1990s Ostria has shipped grain to Kaldora.", "early-1990s"),
    ("Velmar shipped the rifles in mid-September. Norland paid for them.", "mid-September"),  # not "...r."
])
def test_a_time_prefix_is_one_token_and_never_a_subject(nlp, text: str, joined: str) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(text)
    assert joined in [t.text for t in doc]
    assert not any(t.text == "-" and t.dep_.startswith("nsubj") for t in doc)


@pytest.mark.parametrize(("text", "parts"), [
    ("The pre-war talks failed in Kaldora.", ["pre", "-", "war"]),  # not a month or a year
    ("Mid-level officials met in Kaldora.", ["Mid", "-", "level"]),
    ("The mid-Mayoral race was close.", ["mid", "-", "Mayoral"]),  # a month's letters, not a month
])
def test_other_prefixes_stay_apart(nlp, text: str, parts: list[str]) -> None:  # type: ignore[no-untyped-def]
    words = [t.text for t in nlp(text)]
    assert any(words[i:i + len(parts)] == parts for i in range(len(words)))


@pytest.mark.parametrize("text", [
    "Officials in the sanctionsThe ministry said the ships test-fired missiles in mid-September.",
    "KALDORA – The ministry said arms were shipped—including rockets—to the rebels.\nNext line here.",
    "Plain text with nothing to repair.",
])
def test_the_text_kept_for_later_steps_is_the_repaired_docs_text(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    """The repairs keep every character, so the text they read once (and leave for the later
    steps, ``text_of_doc``) is the doc's text after the tokens were split and joined."""
    from mistrust.extract.attribution_spans import text_of_doc

    doc = nlp(text)
    assert text_of_doc(doc) == doc.text == text
    assert doc.user_data.get("mistrust_text") == text  # read by the repairs, not joined again
