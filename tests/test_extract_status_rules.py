"""Headline status rules added for unseen headlines: each rule with varied cases and a case where it must not fire.

Sentences are written for these tests (shipping, sanctions, finance, sport), not taken from any data set.
"""

from __future__ import annotations

import pytest

from mistrust.extract.status import headline_status, main_status


@pytest.fixture(scope="module")
def nlp():
    from mistrust.extract.nlp import load_nlp

    return load_nlp()


CASES = [
    # A negated denial word affirms the claim.
    ("negated denial", "Port video of the burning tanker is not a hoax", "asserted"),
    ("negated denial", "The leaked shipping manifest is no fake", "asserted"),
    ("negated denial", "Those satellite pictures aren't fake", "asserted"),
    ("negated denial", "The leaked shipping manifest is a fake", "denied"),
    ("negated denial", "Video of the burning tanker was a hoax", "denied"),
    # A negated feeling or judgement is not a denial of the event.
    ("attitude", "Investors not happy with the merger terms", "asserted"),
    ("attitude", "Regulator isn't sure how the tanker changed its flag", "asserted"),
    ("attitude", "The striker was not ready for the penalty shootout", "asserted"),
    ("attitude", "New audit doesn't look good for the shipping firm", "asserted"),
    ("attitude", "Leaked memo does not sound good for the minister", "asserted"),
    ("attitude", "The fugitive banker is not dead", "denied"),
    ("attitude", "The leaked memo does not look genuine", "denied"),
    ("attitude", "Tanker was not seized at the port", "denied"),
    # Advice to or teasing of the reader.
    ("reader", "You won't recognise the old ferry terminal after the refit", "asserted"),
    ("reader", "Don't update your banking app until the fix ships", "asserted"),
    ("reader", "You'll never guess which bank financed the freighter", "asserted"),
    ("reader", "You are not going to get a tax refund this year", "denied"),
    ("reader", "Don't panic: the refinery did not explode", "denied"),
    # A negated later conjunct adds a detail to the first clause.
    ("conjunct", "The exporter sold turbines to a broker but did not declare them", "asserted"),
    ("conjunct", "The factory reopened in March and never paid its fines", "asserted"),
    ("conjunct", "Broker sold the shares and did not tell his clients", "asserted"),
    ("conjunct", "The exporter did not ship turbines to the port", "denied"),
    ("conjunct", "The bank froze the accounts but not the gold reserves", "asserted"),
    # Non-committal sources neither back nor deny.
    ("noncommittal", "Ministry refuses to confirm or deny report of arms sale", "hedged"),
    ("noncommittal", "Embassy won't say if the cargo was seized", "hedged"),
    ("noncommittal", "Bank declined to comment on the frozen accounts", "hedged"),
    ("noncommittal", "Ministry denies report of arms sale", "denied"),
    ("noncommittal", "The minister did not say the cargo was seized", "denied"),
    # An accusation is an allegation.
    ("accused", "Trading firm accused of shipping drone parts abroad", "hedged"),
    ("accused", "Regulator accuses bank of hiding sanctioned clients", "hedged"),
    ("accused", "Navy report accusing smugglers of using fishing boats", "hedged"),
    ("accused", "Trading firm ships drone parts abroad", "asserted"),
    # The clause after a headline label's colon is the main claim, even if parsed as the label's modifier.
    ("after colon", "Sorry, Everyone: Acme Is Not Making Drone Engines", "denied"),
    ("after colon", "Bad News, Everyone: Acme Is Not Selling Its Tankers", "denied"),
    ("after colon", "Good News, Traders: Exchange Not Shutting Down", "denied"),
    ("after colon", "Officials: the tanker was not seized", "denied"),
    ("after colon", "Officials: the tanker was seized", "attributed"),
    # A complement stated as fact by "turns out" / "proves" carries its negation.
    ("turns out", "The minister turns out not to have signed the deal", "denied"),
    ("turns out", "The leaked file proved not to be genuine", "denied"),
    ("turns out", "The witness turned out not to have been at the port", "denied"),
    ("turns out", "The minister turns out to have signed the deal", "asserted"),
    ("turns out", "The minister plans not to sign the deal", "asserted"),
    # Dismissive idioms.
    ("idiom", "Eyewitness: the charity video is bullshit", "denied"),
    ("idiom", "The rumoured merger is a figment of traders' imagination", "denied"),
    ("idiom", "Sorry, the pumpkin-flavoured cola is not happening", "denied"),
    ("idiom", "The pumpkin-flavoured cola is happening", "asserted"),
    ("idiom", "The tanker rescue story was a lie", "denied"),
    ("idiom", "Minister's export figures are a big lie", "denied"),
    ("idiom", "Crew ordered to lie low after the seizure", "asserted"),
    # A comparison with earlier reports asserts the new fact.
    ("than reported", "Fire spread farther than reported", "asserted"),
    ("than reported", "Sanctioned tanker carried more oil than previously thought", "asserted"),
    ("than reported", "Losses at the bank were bigger than the regulator estimated", "asserted"),
    ("than reported", "Fire spread farther, officials reported", "attributed"),
    # A kicker in a headline label names a topic, not a speaker.
    ("kicker label", "Ivan Petrov Sex Scandal: Banker's Wife Was A Spy", "asserted"),
    ("kicker label", "Maria Lopez Scandal Update: The Minister Resigned", "asserted"),
    ("kicker label", "Acme Corp News: Tanker Renamed Twice", "asserted"),
    ("kicker label", "Officials: exporters resume shipments", "attributed"),
    # A passive credited to the press, and forecasts, are attributions.
    ("press", "Tanker captain named by local media", "attributed"),
    ("press", "Shell company exposed by newspapers", "attributed"),
    ("press", "Bank forecasts record grain exports", "attributed"),
    ("press", "Tanker captain named as a former navy officer", "asserted"),
]


@pytest.mark.parametrize(("rule", "headline", "status"), CASES, ids=[f"{r}:{h[:30]}" for r, h, _ in CASES])
def test_status_rules(nlp, rule: str, headline: str, status: str) -> None:
    assert main_status(nlp(headline)) == status, rule


@pytest.mark.parametrize(("text", "status"), [
    ("Spokesman: it was no hoax", "asserted"),
    ("Spokesman: it was a hoax", "denied"),
    ("Agent denies report of failed test", "denied"),  # "Agent" ends in "nt", not a negator
    ("Official refuses to confirm or deny the sale", "hedged"),
])
def test_headline_keyword_rules(text: str, status: str) -> None:
    assert headline_status(text) == status


# A denial word inside an either/or question only raises the doubt; the question is the sentence
# holding the word (a stop after an abbreviation does not end it), cut at a headline label's colon.
@pytest.mark.parametrize(("text", "status"), [
    ("Tanker video: real or fake?", "hedged"),
    ("Is the U.S. grain deal a hoax or a real offer?", "hedged"),
    ("Fake or genuine? Tanker photos spread online", "hedged"),
    ("Tanker video is fake. Or is it?", "denied"),  # the question comes after the denial's sentence
    ("Hoax: is the tanker sinking or not?", "denied"),  # the label's verdict, outside the question
    ("Was the tanker video fake?", "denied"),  # a question without an alternative still leans to the denial
    ("The tanker video is fake, or at least doctored", "denied"),  # an "or" without a question
])
def test_denial_in_an_alternative_question(text: str, status: str) -> None:
    assert headline_status(text) == status


# "worried", "concerned that": a feared event is hedged, as with "fears"; a transitive "worried X"
# after the event is its effect and leaves it alone.
@pytest.mark.parametrize(("sentence", "word", "status"), [
    ("Lima is worried that Quito will send troops to the border.", "send", "hedged"),
    ("The envoy was concerned that the tanker carried fuel to Syria.", "carried", "hedged"),
    ("The ministry worries about Chile selling rifles to Bolivia.", "selling", "hedged"),
    ("Chile sold rifles to Bolivia.", "sold", "asserted"),
    ("The report concerning the tanker was published.", "published", "asserted"),
])
def test_worry_hedges(nlp, sentence: str, word: str, status: str) -> None:
    from mistrust.extract.status import governing_status

    doc = nlp(sentence)
    tok = next(t for t in doc if t.text == word)
    assert governing_status(tok) == status
