"""Claims: subject, predicate, object, time, status and attribution, on sentences written for these tests."""

from __future__ import annotations

import pytest

from mistrust.extract.attribution import find_attributions
from mistrust.extract.claims import find_claims
from mistrust.extract.predicates import inflections, noun_predicate, verb_predicate
from mistrust.extract.timex import event_time, find_times
from mistrust.model.documents import Claim, Mention

_LABELS = {"GPE": "Country", "ORG": "Organization", "PERSON": "Person", "NORP": "Nationality", "LOC": "Location"}
# Test-only canonical names, standing in for the entity step's gazetteer.
_CANON = {"Pyongyang": "North Korea", "Tehran": "Iran", "North Korean": "North Korea", "Iranian": "Iran"}


@pytest.fixture(scope="module")
def nlp():
    from mistrust.extract.nlp import load_nlp

    return load_nlp()


def _claims(nlp, text: str, published: str | None = None) -> list[Claim]:
    doc = nlp(text)
    mentions = [Mention(e.text, e.start_char, e.end_char, _LABELS[e.label_], canonical=_CANON.get(e.text, e.text))
                for e in doc.ents if e.label_ in _LABELS]
    return find_claims(doc, mentions, find_attributions(doc), published=published)


def _one(claims: list[Claim], predicate: str) -> Claim:
    found = [c for c in claims if c.predicate == predicate]
    assert found, f"no {predicate!r} claim in {[(c.predicate, c.subject, c.object) for c in claims]}"
    return found[0]


# sentence, predicate, subject canonical, object canonical (None = any), status
CASES = [
    ("North Korea shipped missile parts to Syria in 2019.", "transfer", "North Korea", "Syria", "asserted"),
    ("Iran and North Korea resumed cooperation on missile development in 2020.", "cooperate", "Iran",
     "North Korea", "asserted"),
    ("Pyongyang may have supplied centrifuges to Libya.", "supply", "North Korea", "Libya", "hedged"),
    ("Russia reportedly delivered fighter jets to Syria.", "transfer", "Russia", "Syria", "hedged"),
    ("Tehran has denied any such cooperation with North Korea.", "cooperate", "Iran", "North Korea", "denied"),
    ("Iran did not transfer any drones to Russia, the minister said.", "transfer", "Iran", "Russia", "denied"),
    ("Venezuela received support from Iran for its drone program, officials said.", "support", "Iran",
     "Venezuela", "attributed"),
    ("The United States sanctioned three companies in China.", "sanction", "The United States", None, "asserted"),
    ("North Korea test-fired a ballistic missile on Sunday.", "test", "North Korea", None, "asserted"),
    ("Syria violated the resolution, according to the panel.", "violate", "Syria", None, "attributed"),
    ("Iran denied the allegations on Tuesday.", "deny", "Iran", None, "denied"),
    ("Military cooperation between Iran and Syria grew quickly.", "cooperate", "Iran", "Syria", "asserted"),
    ("Canada imposed several rounds of sanctions on Russia.", "sanction", "Canada", "Russia", "asserted"),
]


def test_object_changes_the_event(nlp) -> None:
    claims = _claims(nlp, "Senator Grassley launched a probe into the sale. The deal Obama struck with Iran held.")
    assert not any(c.predicate in ("test", "attack") for c in claims)
    assert any(c.predicate == "agree" for c in claims)


@pytest.mark.parametrize(("sentence", "predicate", "subject", "obj", "status"), CASES)
def test_claim_table(nlp, sentence: str, predicate: str, subject: str, obj: str | None, status: str) -> None:
    claim = _one(_claims(nlp, sentence), predicate)
    assert (claim.subject_canonical or claim.subject) == subject
    if obj is not None:
        assert (claim.object_canonical or claim.object) == obj
    assert claim.status == status
    assert sentence[claim.start:claim.end] == claim.text


def test_event_time_kept_apart_from_publication(nlp) -> None:
    claim = _one(_claims(nlp, "Iran and North Korea resumed cooperation in 2020.", published="2021-02-09"),
                 "cooperate")
    assert claim.time == "2020"


def test_relative_time_resolved_against_publication(nlp) -> None:
    claim = _one(_claims(nlp, "North Korea shipped rockets to Iran last year.", published="2021-02-09"), "transfer")
    assert claim.time == "2020"


def test_attribution_is_innermost_with_chain(nlp) -> None:
    text = ("The broadcaster reported, citing the news agency, that a UN report says North Korea shipped "
            "parts to Iran.")
    claim = _one(_claims(nlp, text), "transfer")
    assert claim.status == "attributed"
    assert claim.attribution is not None
    assert claim.attribution.chain[-1] == "a UN report"
    assert claim.attribution.chain[0] == "The broadcaster"


def test_plain_sentence_without_event_has_no_claim(nlp) -> None:
    assert _claims(nlp, "The weather in Geneva was cold on Monday.") == []


@pytest.mark.parametrize(("form", "predicate"), [
    ("shipped", "transfer"), ("ships", "transfer"), ("supplied", "supply"), ("helped", "support"),
    ("developing", "develop"), ("launched", "test"), ("test-fired", "test"), ("designated", "sanction"),
    ("violates", "violate"), ("denied", "deny"), ("procured", "acquire"), ("cooperated", "cooperate"),
    ("sold", "transfer"), ("built", "develop"), ("walked", None),
])
def test_verb_predicates(form: str, predicate: str | None) -> None:
    assert verb_predicate(form) == predicate


def test_noun_predicates() -> None:
    assert noun_predicate("cooperation") == "cooperate"
    assert noun_predicate("Shipments") == "transfer"
    assert noun_predicate("weather") is None
    assert {"ship", "ships", "shipped", "shipping"} <= inflections("ship")


@pytest.mark.parametrize(("text", "ref", "value"), [
    ("in March 2016", None, "2016-03"),
    ("on 12 February 2021", None, "2021-02-12"),
    ("on February 12, 2021", None, "2021-02-12"),
    ("the shipment in 2020", None, "2020"),
    ("last year", "2021-02-09", "2020"),
    ("last year", None, None),
    ("two years ago", "2021-02-09", "2019"),
    ("in the 1990s", None, "199X"),
    ("no date here, 300 tons", None, None),
])
def test_event_time(text: str, ref: str | None, value: str | None) -> None:
    assert event_time(text, ref) == value


def test_find_times_offsets() -> None:
    text = "Talks began in March 2016 and ended in 2018."
    times = find_times(text)
    assert [text[t.start:t.end] for t in times] == ["March 2016", "in 2018"]
