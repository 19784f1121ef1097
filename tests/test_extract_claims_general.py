"""Common news constructions the claim step must read in any wording (issue 4, claims that generalise).

Each construction has several sentences written for these tests, with different actors, verbs and
word order (no seed or demo-article text):

a. a coordinated subject + a verb of starting/continuing + a noun of joint activity -> one
   symmetric ``cooperate`` claim between the conjuncts, with event time and attribution; also
   "X resumed cooperation with Y";
b. "the two countries" / "both governments" -> the most recent coordinated pair named before;
c. "X's mission/embassy/delegation to/at/in Y" acts for X (never Y); a denial of "any such
   cooperation with Z" is a denied ``X cooperate Z``;
d. the phase verb of a folded light-verb construction makes no claim of its own.
"""

from __future__ import annotations

import pytest

from mistrust.model.documents import Claim


@pytest.fixture(scope="module")
def extractor():  # type: ignore[no-untyped-def]
    from mistrust.extract.pipeline import ExtractOptions, Extractor

    return Extractor(ExtractOptions(link=False))


def _claims(extractor, text: str) -> list[Claim]:  # type: ignore[no-untyped-def]
    return extractor.extract(text, doc_id="doc").claims


def _keys(claims: list[Claim]) -> list[tuple[str | None, str, str | None, str]]:
    return [(c.subject_canonical or c.subject, c.predicate, c.object_canonical or c.object, c.status)
            for c in claims]


def _cooperations(claims: list[Claim]) -> list[Claim]:
    return [c for c in claims if c.predicate == "cooperate"]


# -- a. phase verb + joint activity --------------------------------------------------------------

# (text, parties, time, attributed to a source containing this word or None)
JOINT_CASES = [
    ("Cuba and Venezuela renewed their joint work on oil refineries during 2018, according to a "
     "leaked cable from a European embassy.", {"Cuba", "Venezuela"}, "2018", "cable"),
    ("In 2019, Syria and Belarus revived joint research on drones, two officials said.",
     {"Syria", "Belarus"}, "2019", "officials"),
    ("Russia and Myanmar have stepped up their military cooperation since 2021.",
     {"Russia", "Myanmar"}, "2021", None),
    ("Egypt and Sudan expanded common projects on air defence in March 2017, the ministry said.",
     {"Egypt", "Sudan"}, "2017-03", "ministry"),
    ("Pakistan and China deepened their partnership on drone production, according to analysts.",
     {"Pakistan", "China"}, None, "analysts"),
]


@pytest.mark.parametrize(("text", "parties", "time", "source"), JOINT_CASES)
def test_coordinated_parties_renewing_joint_activity_cooperate(extractor, text: str, parties: set[str],
                                                                time: str | None,
                                                                source: str | None) -> None:  # type: ignore[no-untyped-def]
    claims = _claims(extractor, text)
    coop = _cooperations(claims)
    assert len(coop) == 1, _keys(claims)
    c = coop[0]
    assert {c.subject_canonical, c.object_canonical} == parties
    assert c.time == time
    if source is None:
        assert c.attribution is None and c.status == "asserted"
    else:
        assert c.attribution is not None and c.attribution.source is not None
        assert source in c.attribution.source.text
        assert c.status == "attributed"


@pytest.mark.parametrize(("text", "pair"), [
    ("Venezuela resumed cooperation with Cuba on oil refining.", ("Venezuela", "Cuba")),
    ("Last year Belarus restarted its collaboration with Syria on air defence.", ("Belarus", "Syria")),
    ("Pakistan continued its partnership with China, according to the report.", ("Pakistan", "China")),
    # passive, the parties inside the noun phrase
    ("Cooperation between Cuba and Angola was restarted in 2016, the minister said.", ("Cuba", "Angola")),
])
def test_resumed_cooperation_with_partner(extractor, text: str, pair: tuple[str, str]) -> None:  # type: ignore[no-untyped-def]
    claims = _claims(extractor, text)
    assert [(c.subject_canonical, c.object_canonical) for c in _cooperations(claims)] == [pair], _keys(claims)


def test_joint_activity_theme_says_what_it_is_on(extractor) -> None:  # type: ignore[no-untyped-def]
    c = _cooperations(_claims(extractor, JOINT_CASES[0][0]))[0]
    assert c.theme is not None and "oil refineries" in c.theme


@pytest.mark.parametrize("text", [
    "Cuba and Venezuela renewed their work on oil refineries.",  # "work" without "joint" is no event
    "Syria and Belarus continued research on drones.",
])
def test_activity_without_a_joint_modifier_is_no_cooperation(extractor, text: str) -> None:  # type: ignore[no-untyped-def]
    assert not _cooperations(_claims(extractor, text))


# -- d. no phase-verb duplicate ------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Iraq and Jordan restarted cooperation on border security in 2015.",
    "Syria resumed its partnership with Belarus.",
    "Diplomats said military ties between Cuba and Angola were revived in 2016.",
    "Libya renewed contacts with Pakistan on centrifuges, according to investigators.",
    *(case[0] for case in JOINT_CASES),
])
def test_folded_phase_verb_makes_no_claim_of_its_own(extractor, text: str) -> None:  # type: ignore[no-untyped-def]
    claims = _claims(extractor, text)
    assert _cooperations(claims), _keys(claims)
    assert not [c for c in claims if c.predicate == "resume"], _keys(claims)


def test_phase_verb_without_event_noun_is_still_read(extractor) -> None:  # type: ignore[no-untyped-def]
    # the fold only applies to event nouns: "launched a missile" is a test by its subject
    claims = _claims(extractor, "Pakistan launched a cruise missile in 2021.")
    assert ("Pakistan", "test") in {(c.subject_canonical, c.predicate) for c in claims}, _keys(claims)


# -- b. plural anaphors --------------------------------------------------------------------------

# (text, predicate, expected (subject, object) pairs)
PAIR_CASES = [
    ("Iraq and Jordan signed a border accord in 2014. A year later, officials said the two countries "
     "restarted cooperation on water projects.", "cooperate", {("Iraq", "Jordan")}),
    ("Russia and Belarus held talks on Monday. Both governments have expanded their partnership on "
     "air defence, according to the ministry.", "cooperate", {("Russia", "Belarus")}),
    ("Hamas and Hezbollah were named in the report. According to Israeli officials, the two groups "
     "received rockets from Iran.", "transfer", {("Iran", "Hamas"), ("Iran", "Hezbollah")}),
    ("Syria and Iraq signed a border accord. Diplomats said cooperation between the two countries was "
     "renewed in 2017.", "cooperate", {("Syria", "Iraq")}),
    # the most recent pair wins
    ("Cuba and Angola met in June. Later, Egypt and Sudan held talks. Both sides have deepened their "
     "military ties since then.", "cooperate", {("Egypt", "Sudan")}),
]


@pytest.mark.parametrize(("text", "predicate", "pairs"), PAIR_CASES)
def test_plural_anaphor_resolves_to_the_last_coordinated_pair(extractor, text: str, predicate: str,
                                                              pairs: set[tuple[str, str]]) -> None:  # type: ignore[no-untyped-def]
    claims = _claims(extractor, text)
    anaphor_sentence = [c for c in claims if c.predicate == predicate and c.start > text.index(".")]
    got = {(c.subject_canonical, c.object_canonical) for c in anaphor_sentence}
    assert got == pairs, _keys(claims)
    for c in anaphor_sentence:
        # the evidence is the sentence holding the anaphor, not the one naming the pair
        assert c.start > text.index(".")
        assert any(w in c.text for w in ("two", "Both", "both"))


@pytest.mark.parametrize("text", [
    # three named: "the two" does not pick two of them
    "Iran, Syria and Iraq were named. The two countries restarted cooperation in 2017.",
    # no pair named before
    "The two countries restarted cooperation on water projects.",
    # a pair of persons is not "the two countries"
    "Kim Jong Un and Vladimir Putin spoke on Monday. The two countries restarted cooperation.",
])
def test_plural_anaphor_is_not_guessed(extractor, text: str) -> None:  # type: ignore[no-untyped-def]
    claims = _claims(extractor, text)
    assert not [c for c in _cooperations(claims) if c.subject_canonical and c.object_canonical], _keys(claims)


def test_the_two_leaders_take_a_pair_of_persons(extractor) -> None:  # type: ignore[no-untyped-def]
    text = "Kim Jong Un and Vladimir Putin met in Vladivostok. The two leaders agreed to expand arms sales."
    agree = [c for c in _claims(extractor, text) if c.predicate == "agree" and c.start > 40]
    assert {(c.subject_canonical, c.object_canonical) for c in agree} == {("Kim Jong Un", "Vladimir Putin")}


# -- c. office of a principal --------------------------------------------------------------------

DENIAL_CASES = [
    ("Cuba's mission to the United Nations denied any such cooperation with Venezuela.", "Cuba", "Venezuela"),
    ("Syria's delegation at the IAEA rejected any cooperation with Belarus on enrichment.", "Syria", "Belarus"),
    ("The Libyan embassy in London dismissed any such collaboration with Pakistan.", "Libya", "Pakistan"),
    ("On Tuesday, Myanmar's envoy to the United Nations denied any partnership with Russia.", "Myanmar", "Russia"),
]


@pytest.mark.parametrize(("text", "principal", "partner"), DENIAL_CASES)
def test_office_denying_cooperation_is_its_principal(extractor, text: str, principal: str,
                                                     partner: str) -> None:  # type: ignore[no-untyped-def]
    claims = _claims(extractor, text)
    coop = _cooperations(claims)
    assert [(c.subject_canonical, c.object_canonical, c.status) for c in coop] == [
        (principal, partner, "denied")], _keys(claims)


@pytest.mark.parametrize(("text", "principal"), [
    ("Iraq's mission to the European Union said it had supplied drones to Syria.", "Iraq"),
    ("The Cuban embassy in Caracas sent weapons to Venezuela, investigators said.", "Cuba"),
    ("A spokesman for Pakistan's foreign ministry denied any transfer of centrifuges to Libya.", "Pakistan"),
])
def test_office_subject_is_never_the_host(extractor, text: str, principal: str) -> None:  # type: ignore[no-untyped-def]
    claims = [c for c in _claims(extractor, text) if c.predicate in ("supply", "transfer")]
    assert claims, _keys(_claims(extractor, text))
    for c in claims:
        assert c.subject_canonical == principal, _keys(claims)


def test_organisation_own_claims_keep_their_name(extractor) -> None:  # type: ignore[no-untyped-def]
    # a body that is not an office of a state stays itself
    claims = _claims(extractor, "The European Union imposed sanctions on Belarus in 2021.")
    assert ("European Union", "sanction", "Belarus", "asserted") in _keys(claims)


def test_denied_delivery_names_the_giver(extractor) -> None:  # type: ignore[no-untyped-def]
    claims = _claims(extractor, "The Syrian government rejected reports of arms deliveries from Russia.")
    transfer = [c for c in claims if c.predicate == "transfer"]
    assert [(c.subject_canonical, c.status) for c in transfer] == [("Russia", "denied")], _keys(claims)


@pytest.mark.parametrize(("text", "pair"), [
    ("Iran and Syria signed a defence pact in 2019. They resumed joint work on drones a year later.",
     ("Iran", "Syria")),
    ("Officials said Cuba and Venezuela had met, and that they restarted cooperation on oil.",
     ("Cuba", "Venezuela")),
    ("North Korea and Myanmar were named by the panel. They have expanded military ties, it said.",
     ("North Korea", "Myanmar")),
])
def test_they_after_a_coordinated_subject_is_that_pair(extractor, text: str, pair: tuple[str, str]) -> None:  # type: ignore[no-untyped-def]
    claims = _claims(extractor, text)
    later = [c for c in _cooperations(claims) if "they" in c.text.lower().split() or "They" in c.text]
    assert [(c.subject_canonical, c.object_canonical) for c in later] == [pair], _keys(claims)


@pytest.mark.parametrize("text", [
    # "they" after a speaker, or after one party: not the pair
    "Russia and Belarus were mentioned. Analysts said they supplied drones to Iran.",
    "Syria signed a pact with Iraq. They resumed joint work on drones.",
])
def test_they_is_not_guessed(extractor, text: str) -> None:  # type: ignore[no-untyped-def]
    claims = _claims(extractor, text)
    later = [c for c in claims if c.start > text.index(".")]
    assert all(c.subject_canonical is None for c in later), _keys(claims)


@pytest.mark.parametrize(("text", "predicate", "pair"), [
    ("Venezuela held talks with Cuba on Monday. The two countries restarted cooperation on oil, officials said.",
     "cooperate", ("Venezuela", "Cuba")),
    ("Emmanuel Macron spoke by phone with Donald Trump, an aide said, adding that the two leaders agreed "
     "to meet again.", "agree", ("Emmanuel Macron", "Donald Trump")),
    ("Iraq signed a water deal with Jordan in May. Both governments later expanded their cooperation.",
     "cooperate", ("Iraq", "Jordan")),
])
def test_a_subject_and_its_with_partner_are_a_pair(extractor, text: str, predicate: str,
                                                   pair: tuple[str, str]) -> None:  # type: ignore[no-untyped-def]
    claims = [c for c in _claims(extractor, text) if c.predicate == predicate]
    assert pair in {(c.subject_canonical, c.object_canonical) for c in claims}, _keys(claims)


def test_the_two_leaders_are_persons_not_states(extractor) -> None:  # type: ignore[no-untyped-def]
    text = "Cuba and Angola were named in the report. The two leaders agreed to meet again."
    agree = [c for c in _claims(extractor, text) if c.predicate == "agree"]
    assert not [c for c in agree if c.subject_canonical in ("Cuba", "Angola")], _keys(agree)
