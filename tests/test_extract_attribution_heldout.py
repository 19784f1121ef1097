"""Attribution rules added for unseen news text (issue 4), table-driven.

Every sentence here was written for this test. Each rule has several varied positive cases and
at least one case where it must not fire. ``top`` is the outermost layer that annotation schemes
such as PolNeAR score.
"""

from __future__ import annotations

from typing import Any

import pytest


@pytest.fixture(scope="module")
def nlp() -> Any:
    from mistrust.extract.nlp import load_nlp

    return load_nlp()


def _top(nlp: Any, text: str) -> list[tuple[str, str | None]]:
    from mistrust.extract.attribution import find_attributions, top_level

    doc = nlp(text)
    return [(a.cue.text, a.source.text if a.source else None)
            for a in top_level(find_attributions(doc), text) if a.cue is not None]


def _has(found: list[tuple[str, str | None]], cue: str, source: str | None) -> bool:
    return any(cue in c.lower() and (source is None or (s is not None and source in s)) for c, s in found)


# (text, cue word, source) that must be found in the top layer.
FOUND = [
    # Straight and doubled-apostrophe quotes right before the cue, whose parse gives no complement.
    ("The minister toured the port. ''Vamos a ganar este año,'' Mr. Ortega said. Then he left.", "said", "Ortega"),
    ('The crowd cheered. "Did we expect this? No, not at all," she said.', "said", "she"),
    ("Talks resumed on Monday. ''Well, we shall see,'' the envoy said.", "said", "the envoy"),
    # Mixed marks: curly opening, straight closing; the cue is outside the quote.
    ("He spoke on Friday.\n“Our ports are ready and our ships are waiting,\" she said. \"We will sail.”",
     "said", "she"),
    ("Then came the reply.\n“Nobody asked us about the cargo,\" the captain said. \"Nobody.”", "said", "captain"),
    ("Questions followed.\n“We have nothing to hide,\" Mr. Lee said. \"Ask the inspectors.”", "said", "Lee"),
    # A parenthetical cue whose leading comma hangs off the cue verb.
    ("Ms. Novak also had two interviews, federal officials said, the first by a consular officer.",
     "said", "officials"),
    ("The cargo was seized in March, customs officials said, after a tip from a rival firm.", "said", "officials"),
    ("The tanker switched off its transponder, the monitoring group said, before it entered the strait.",
     "said", "monitoring group"),
    # A cue opening the sentence, then a comma and the content without "that".
    ("Instead, Smith told reporters, his company would stop all shipments to the region.", "told", "Smith"),
    ("Last week, the ministry told Reuters, the export licences were suspended.", "told", "ministry"),
    ("Earlier, the minister said, the talks had stalled over inspections.", "said", "minister"),
    # "referring to": a doubled final consonant the regular inflection rule misses.
    ("''The rules did not cover the subsidiaries,'' she said, referring to the state-owned banks.",
     "referring", None),
    ("The ambassador referred to the embargo as a failure.", "referred", "ambassador"),
    # A document speaking through "in".
    ("In an early-October Example News poll, Smith led Jones by twelve points.", "in", "poll"),
    ("In a statement released on Monday, the ministry rejected the findings of the panel.", "rejected", "ministry"),
    ("In a letter to the council, the company conceded it had shipped the parts.", "conceded", "company"),
    ("In a report published on Tuesday, the tanker had switched off its transponder for nine days.", "in", "report"),
    # A speaker label after a newsletter-style headline.
    ("TANKERS GO DARK AGAIN - Jane Doe: “Most of the ships we track switched off their transponders.”",
     ":", "Jane Doe"),
    ("Luciana Lopez: Saying that to people does not work, because everyone imagines something else.",
     ":", "Luciana Lopez"),
]

# (text, cue word) that must NOT be in the top layer.
NOT_FOUND = [
    ("The central bank is expected to raise rates at its next meeting.", "expected"),
    ("The deficit is expected to rise to 3 percent this year.", "expected"),
    ("Some of the prisoners are believed to have been moved to a second site.", "believed"),
    ('"We will see," Smith said when asked whether he would resign.', "asked"),
    ("Asked what the plan was, the minister left the room.", "asked"),
    ("The so-called implementation initiative was called by the party in 2014.", "called"),
    ("Hundreds of people lined up, voting for the first time in a decade.", "voting"),
    ("The senator plans to vote for the bill next week.", "vote"),
    ("He urged members to support the resolution.", "to support"),
    # Stance and topic nouns are not statements.
    ("Mr. Ryan reiterated his support for the nominee at a rally in Ohio.", "support for"),
    ("The governor's remarks on the budget drew criticism from both parties.", "remarks on"),
    ("Her views on trade have shifted over the years.", "views on"),
    # A bare plural in "in ... polls" is a general reference; so is "in other words".
    ("Mrs. Clinton leads Mr. Trump in national polls by three points.", "in"),
    ("It was the opposite of a rally, in other words, and everyone knew it.", "in"),
    # A lead-in of common nouns before a colon is the writer's own point.
    ("The result: students in urban districts take more than a hundred tests.", ":"),
    ("A reminder: the tax plans would all drive up the deficit by trillions.", ":"),
    ("Good news: the answers might make you feel better about the vote.", ":"),
]


@pytest.mark.parametrize(("text", "cue", "source"), FOUND)
def test_attribution_found(nlp: Any, text: str, cue: str, source: str | None) -> None:
    found = _top(nlp, text)
    assert _has(found, cue, source), found


@pytest.mark.parametrize(("text", "cue"), NOT_FOUND)
def test_not_an_attribution(nlp: Any, text: str, cue: str) -> None:
    found = _top(nlp, text)
    assert not any(c.lower() == cue or c.lower().endswith(" " + cue) for c, _ in found), found


def test_speaker_inside_according_to_is_nested(nlp: Any) -> None:
    """ "X said Y, according to a transcript": the transcript is the outer layer."""
    text = "“We will not pay,” the minister said, according to a transcript of the meeting."
    found = _top(nlp, text)
    assert _has(found, "according to", "a transcript")
    assert not _has(found, "said", None)
    # The nested attribution is still there for chains and claims.
    from mistrust.extract.attribution import find_attributions

    assert any(a.cue is not None and a.cue.text == "said" for a in find_attributions(nlp(text)))

