"""Attribution: source, cue, content and chains on short sentences written for these tests."""

from __future__ import annotations

import pytest

from mistrust.extract.attribution import find_attributions, is_denial, quote_regions, top_level
from mistrust.extract.quotes import paragraph_quotes
from mistrust.model.documents import Attribution


@pytest.fixture(scope="module")
def nlp():
    from mistrust.extract.nlp import load_nlp

    return load_nlp()


def _by_cue(atts: list[Attribution], cue: str) -> Attribution:
    for a in atts:
        if a.cue is not None and a.cue.text.lower() == cue.lower():
            return a
    raise AssertionError(f"no attribution with cue {cue!r} in {[a.cue.text for a in atts if a.cue]}")


# sentence, cue, expected source (None = unnamed), a word that must be in the content
CASES = [
    ("The minister said that the shipment left the port in May.", "said", "The minister", "shipment"),
    ("Officials told reporters the vessel had switched off its transponder.", "told", "Officials", "vessel"),
    ("The cargo was seized at sea, according to a regional customs agency.", "according to",
     "a regional customs agency", "cargo"),
    ("According to two diplomats, the talks collapsed on Friday.", "According to", "two diplomats", "talks"),
    ("“We have no such program,” the spokesman said.", "said", "the spokesman", "program"),
    ("“The sanctions are working,” said Helena Brandt, adding that exports had fallen.", "said",
     "Helena Brandt", "sanctions"),
    ("The company denied any involvement in the transfer.", "denied", "The company", "involvement"),
    ("It was reported that the factory had resumed production.", "was reported", None, "factory"),
    ("An unnamed member state claimed that the parts came from abroad.", "claimed", "An unnamed member state",
     "parts"),
    ("The inspectors believe the site is still active.", "believe", "The inspectors", "site"),
    ("The ship carried oil to the port, the coast guard reported.", "reported", "the coast guard", "ship"),
    ("The report found that the network used front companies.", "found", "The report", "front companies"),
]


@pytest.mark.parametrize(("sentence", "cue", "source", "content_word"), CASES)
def test_source_cue_content(nlp, sentence: str, cue: str, source: str | None, content_word: str) -> None:
    att = _by_cue(find_attributions(nlp(sentence)), cue)
    if source is None:
        assert att.source is None
    else:
        assert att.source is not None and att.source.text == source
    assert att.content is not None and content_word in att.content.text
    # offsets point into the input text
    for span in (att.source, att.cue, att.content):
        if span is not None:
            assert sentence[span.start:span.end] == span.text


def test_chain_citing_and_according(nlp) -> None:
    text = ("The broadcaster reported on Monday, citing the news agency, that a confidential UN report says "
            "the two countries resumed cooperation.")
    atts = find_attributions(nlp(text))
    reported = _by_cue(atts, "reported")
    assert reported.chain[:2] == ["The broadcaster", "the news agency"]
    says = _by_cue(atts, "says")
    assert says.chain == ["The broadcaster", "the news agency", "a confidential UN report"]
    assert says.source is not None and says.source.text == "a confidential UN report"


def test_inverted_reporter_nests_according(nlp) -> None:
    text = ("The two states resumed joint development of missiles in 2020, according to a report submitted to "
            "the council, reported AFP.")
    atts = find_attributions(nlp(text))
    according = _by_cue(atts, "according to")
    assert according.chain == ["AFP", "a report submitted to the council"]
    assert according.content is not None and "resumed" in according.content.text


def test_colon_introduces_following_paragraph(nlp) -> None:
    text = ("The channel reported the story, citing the agency:\n"
            "The two states resumed cooperation in 2020, according to an expert report.")
    atts = find_attributions(nlp(text))
    outer = _by_cue(atts, "reported")
    assert outer.content is not None and outer.content.text.startswith("The two states resumed")
    inner = _by_cue(atts, "according to")
    assert inner.chain == ["The channel", "the agency", "an expert report"]


def test_multi_sentence_quote(nlp) -> None:
    text = "“We will not stop. The program continues,” the general said."
    att = _by_cue(find_attributions(nlp(text)), "said")
    assert att.content is not None
    assert att.content.text.startswith("“We will not stop.")
    assert att.content.text.endswith("”")


def test_pronoun_source_resolved_in_chain(nlp) -> None:
    text = "The envoy said the talks failed. He added that new sanctions were likely."
    added = _by_cue(find_attributions(nlp(text)), "added")
    assert added.source is not None and added.source.text == "He"
    assert added.chain == ["The envoy"]


def test_no_attribution_in_plain_statement(nlp) -> None:
    assert find_attributions(nlp("The vessel sailed from the port on Monday.")) == []


def test_headline_label(nlp) -> None:
    att = _by_cue(find_attributions(nlp("Minister: Exports to the region have doubled this year")), ":")
    assert att.source is not None and att.source.text == "Minister"


def test_denial_cue_and_top_level(nlp) -> None:
    text = "The ministry denied the report. “They said we sold the parts,” the official said."
    atts = find_attributions(nlp(text))
    assert is_denial(_by_cue(atts, "denied"))
    assert not is_denial(_by_cue(atts, "said"))
    outer = top_level(atts, text)
    cues = [a.cue.text for a in outer if a.cue]
    assert "denied" in cues
    # the "said" inside the quotation is nested and not top level
    assert sum(1 for c in cues if c == "said") == 1


def test_quote_regions() -> None:
    text = 'He said “a b” and "c d".'
    assert [text[s:e] for s, e in quote_regions(text)] == ["“a b”", '"c d"']


@pytest.mark.parametrize(("text", "runs"), [
    # each paragraph of a running quotation reopens; only the last one closes
    ('She said: "A b.\n\n"C d.\n\n"E f."\n\nAfter.', ['"A b.\n\n"C d.\n\n"E f."']),
    ("He said: \u201cA b.\n  \u201cC d.\u201d", ["\u201cA b.\n  \u201cC d.\u201d"]),
    # an open paragraph that the next one does not reopen, or one that closes, runs nowhere
    ('She said: "A b.\n\nC d. "E f."', []),
    ('She said: "A b."\n\n"C d."', []),
    # a quotation that never closes is not a run either
    ('She said: "A b.\n\n"C d.\n\nAfter.', []),
])
def test_paragraph_quotes(text: str, runs: list[str]) -> None:
    assert [text[o:c] for _, o, _, c in paragraph_quotes(text)] == runs


def test_quotation_over_paragraphs_is_the_speakers(nlp) -> None:
    text = 'The envoy said: "Talks went well.\n\n"Cuba sent sugar to Angola.\n\n"It will go on."\n\nRain fell.'
    att = _by_cue(find_attributions(nlp(text)), "said")
    assert att.content is not None and "Cuba sent sugar" in att.content.text and "It will go on" in att.content.text
    assert "Rain" not in att.content.text


def test_continued_quotation_is_the_speakers_and_one_top_level_cue(nlp) -> None:
    text = '"The talks went well," the envoy said. "Cuba sent sugar to Angola. They expect more."'
    atts = find_attributions(nlp(text))
    said = [a for a in atts if a.cue is not None and a.cue.text == "said"]
    assert len(said) == 2 and said[1].content is not None and "Cuba sent sugar" in said[1].content.text
    assert said[1].source is not None and said[1].source.text == "the envoy"
    # "They expect" inside it is nested in the envoy's words
    assert _by_cue(atts, "expect").chain[0] == "the envoy"
    assert sum(1 for a in top_level(atts, text) if a.cue is not None and a.cue.text == "said") == 1


def test_according_to_wraps_a_reported_denial(nlp) -> None:
    atts = find_attributions(nlp("Tehran has denied any such cooperation, according to a statement."))
    assert _by_cue(atts, "has denied").chain == ["a statement", "Tehran"]
    assert _by_cue(atts, "according to").chain == ["a statement"]


def test_said_when(nlp) -> None:
    att = _by_cue(find_attributions(nlp("The Journal reported in February 2018 that the ship sailed.")), "reported")
    assert att.time == "2018-02"


# A stating verb that closes its sentence after a plural source, which the small parser often reads
# as the last noun of a compound ("court documents state").
@pytest.mark.parametrize(("sentence", "source", "content_word"), [
    ("The tanker carried fuel from Iran to Syria, court documents state.", "court documents", "tanker"),
    ("Belarus sold rifles to Sudan in 2020, shipping records show.", "shipping records", "rifles"),
    ("The drones were assembled in a factory near Minsk, customs files suggest.", "customs files", "drones"),
])
def test_closing_present_tense_cue(nlp, sentence: str, source: str, content_word: str) -> None:
    found = [a for a in find_attributions(nlp(sentence)) if a.source is not None and a.source.text == source]
    assert found, [(a.source.text if a.source else None, a.cue.text if a.cue else None)
                   for a in find_attributions(nlp(sentence))]
    assert found[0].content is not None and content_word in found[0].content.text


@pytest.mark.parametrize("sentence", [
    "The tanker sailed from Tartus, a port of the Syrian state.",  # "state" is a noun after an adjective
    "Rifles reached the rebels, who hold the north of the state.",
    "Chile sold rifles to Bolivia, according to an arms report.",  # "report" is left out: often a noun
])
def test_no_closing_cue_from_a_noun(nlp, sentence: str) -> None:
    atts = find_attributions(nlp(sentence))
    assert not any(a.cue is not None and a.cue.text.lower() in ("state", "report") for a in atts), \
        [a.cue.text for a in atts if a.cue]


# A relative clause on a noun after the comma ("a deal that worried Peru") is no closing cue.
@pytest.mark.parametrize(("sentence", "cue"), [
    ("The minister said Chile sold rifles to Bolivia, a deal that worried Peru.", "worried"),
    ("Cuba sent tanks to Angola, a step which alarmed and angered Namibia.", "angered"),
])
def test_relative_clause_is_no_closing_cue(nlp, sentence: str, cue: str) -> None:
    for a in find_attributions(nlp(sentence)):
        if a.cue is not None and a.cue.text.lower().endswith(cue):
            assert a.source is None or a.source.text.lower() not in ("that", "which", "a deal that"), a.source


# A denial verb acting on a body (an organ named after its topic) or on the people at its head
# removes or turns down a party: a refusal, nothing denied. A report by such a body is denied.
@pytest.mark.parametrize(("sentence", "cue", "refused"), [
    ("Officials rejected the department of consumer affairs after the audit.", "rejected", True),
    ("The council dismissed the head of the bureau of maritime affairs.", "dismissed", True),
    ("The senate dismissed members of the Border Affairs Commission on Monday.", "dismissed", True),
    ("Minsk rejected the report of the department of trade affairs.", "rejected", False),
    ("The envoy dismissed the claims of the ministry of mining affairs.", "dismissed", False),
])
def test_denial_of_a_body_is_a_refusal(nlp, sentence: str, cue: str, refused: bool) -> None:
    from mistrust.extract.status import refusal

    verb = next(t for t in nlp(sentence) if t.text == cue)
    assert refusal(verb) == refused


# A mid-sentence aside reports the clause on both sides of it: the subject before the aside too.
@pytest.mark.parametrize(("sentence", "cue", "source", "before", "after"), [
    ("The shipment, officials said, left the port of Tartus in May.", "said", "officials", "shipment", "Tartus"),
    ("Many of the tankers, he said, have carried fuel to Syria.", "said", "he", "tankers", "Syria"),
    ("By switching off the transponder, the captain said, the crew hoped to avoid detection.", "said",
     "the captain", "transponder", "crew"),
    ("The rifles, the report said, came from a factory near the border.", "said", "the report", "rifles", "border"),
])
def test_aside_reports_both_sides(nlp, sentence: str, cue: str, source: str, before: str, after: str) -> None:
    att = _by_cue(find_attributions(nlp(sentence)), cue)
    assert att.source is not None and att.source.text == source
    assert att.content is not None and before in att.content.text and after in att.content.text


def test_cue_before_its_clause_is_no_aside(nlp) -> None:
    # a cue that opens the sentence reports only what follows it
    att = _by_cue(find_attributions(nlp("Officials said the shipment left the port in May.")), "said")
    assert att.content is not None and "Officials" not in att.content.text


# '"A," the envoy said, "B."': the quotation resumed after the speaker is the same speaker's words.
@pytest.mark.parametrize("text", [
    "\u201cWe never sold arms to them,\u201d the envoy said, \u201cbecause the law forbids it.\u201d",
    "\u201cThe tanker was empty,\u201d said the captain, \u201cand it sailed under a false flag.\u201d",
    "\u201cWe never sold arms to them,\u201d the envoy said, \u201cbecause the law forbids it.\u201d The minister said more.",
])
def test_split_quotation_is_one_speakers(nlp, text: str) -> None:
    atts = find_attributions(nlp(text))
    second = text.split("\u201c")[2].split("\u201d")[0]
    holders = [a for a in atts if a.content is not None and second in a.content.text]
    assert holders and all(a.source is not None and a.source.text in ("the envoy", "the captain")
                           for a in holders), [(a.source, a.content) for a in atts]


@pytest.mark.parametrize("text", [
    # a resumed quotation with a cue of its own after it is that cue's
    "\u201cWe sold nothing,\u201d the envoy said, \u201cwe bought it all,\u201d the minister added.",
    # words after the cue that are not a quotation opening right after it are not carried
    "\u201cWe sold nothing,\u201d the envoy said, and \u201cnever again\u201d became the rebels' motto.",
])
def test_split_quotation_not_carried(nlp, text: str) -> None:
    atts = find_attributions(nlp(text))
    second = text.split("\u201c")[2].split("\u201d")[0]
    assert not any(a.source is not None and a.source.text == "the envoy" and a.content is not None
                   and second in a.content.text for a in atts), [(a.source, a.content) for a in atts]


# "according to X" closing its sentence is the source of every clause before it.
@pytest.mark.parametrize(("sentence", "source", "first", "last"), [
    ("Lima was paid $2 million; Quito was paid $5 million; and the broker was paid $1 million, according "
     "to court records.", "court records", "Lima", "broker"),
    ("Chile sold rifles to Peru and Peru shipped them to the rebels, according to the panel.", "the panel",
     "Chile", "rebels"),
    ("The envoy was paid twice, and the broker kept the rest, according to a ledger seen by the court.",
     "a ledger seen by the court", "envoy", "broker"),
])
def test_according_covers_its_sentence(nlp, sentence: str, source: str, first: str, last: str) -> None:
    att = _by_cue(find_attributions(nlp(sentence)), "according to")
    assert att.source is not None and att.source.text == source
    assert att.content is not None and first in att.content.text and last in att.content.text


def test_according_opening_covers_what_follows(nlp) -> None:
    att = _by_cue(find_attributions(nlp("According to the panel, Chile sold rifles to Peru.")), "According to")
    assert att.content is not None and "Chile" in att.content.text and "panel" not in att.content.text


@pytest.mark.parametrize(("sentence", "cue", "source"), [
    ("Lima said that no arms deal between Peru and Chile had ever taken place, calling it a rumour.", "calling",
     "Lima"),
    ("The envoy said the tanker had left the port at night, adding that its transponder was off.", "adding",
     "The envoy"),
    ("Quito said that no drones from the factory had reached the border, calling the reports false.", "calling",
     "Quito"),
])
def test_participle_after_reported_clause_is_the_reporters(nlp, sentence: str, cue: str, source: str) -> None:
    """ "X said that A happened, calling it B": the parser hangs the participle on A's verb; the
    act is X's, not A's subject's."""
    a = _by_cue(find_attributions(nlp(sentence)), cue)
    assert a.source is not None and a.source.text == source


@pytest.mark.parametrize(("sentence", "inner", "word", "relay"), [
    ("Kenya said on Monday it never shipped fuel to Somalia, local media reported.", "said", "shipped", "reported"),
    ("The ministry said on Friday that the convoy had crossed the border, state television reported.", "said",
     "convoy", "reported"),
])
def test_relay_closing_the_sentence_is_outer(nlp, sentence: str, inner: str, word: str, relay: str) -> None:
    """The parser may hang "..., local media reported" on the reported clause as if the first
    speaker said it: the first speaker's words end before the relay, which reports them."""
    atts = find_attributions(nlp(sentence))
    said, reported = _by_cue(atts, inner), _by_cue(atts, relay)
    assert said.content is not None and word in said.content.text and relay not in said.content.text
    assert reported.content is not None and reported.content.start <= said.cue.start  # type: ignore[union-attr]
    assert said.chain[-1] != reported.source.text  # type: ignore[union-attr]


@pytest.mark.parametrize("text", [
    "The agency said, citing two officials, that the convoy left on Monday, according to a report.",
    "[According] to the ministry: the shipment, seen by reporters, was in the port in March.",
    "Nothing here is a cue at all.",
    "",
])
def test_cue_positions_are_the_tokens_whose_form_may_cue(nlp, text: str) -> None:
    """The loop of find_attributions visits, read off the Doc's array, exactly the tokens a
    per-token pass would pick by their lower form, in text order (repeated forms included)."""
    from mistrust.extract.attribution import _cue_positions, _may_cue

    doc = nlp(text + " " + text)
    assert _cue_positions(doc) == [t.i for t in doc if _may_cue(t.lower_)]
    picked = {doc[i].lower_ for i in _cue_positions(doc)}
    assert {"said", "citing", "according", "[according]", "seen", ":"} & picked or not text.strip() \
        or text.startswith("Nothing")
    assert not _may_cue("convoy") and _may_cue("said") and _may_cue("[according]") and _may_cue("in")


@pytest.mark.parametrize(("text", "cue", "content"), [
    # a closing "according to X" is not the cue's content, whatever its case
    ("The minister said the tanker had left port in March, according to the agency.", "said",
     "the tanker had left port in March"),
    ("Officials said the convoy crossed the border at night, according to a customs report.", "said",
     "the convoy crossed the border at night"),
    ("The envoy told reporters that the ship carried fuel, ACCORDING TO the coast guard.", "told",
     "that the ship carried fuel"),
    # without one, the clause runs to its end
    ("The minister said the tanker had left port in March with a cargo of fuel.", "said",
     "the tanker had left port in March with a cargo of fuel"),
])
def test_closing_according_ends_the_content(nlp, text: str, cue: str, content: str) -> None:
    found = _by_cue(find_attributions(nlp(text)), cue)
    assert found.content is not None and found.content.text == content
