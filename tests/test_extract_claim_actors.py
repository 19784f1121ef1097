"""Who the agent and the other party of a claim are: sentences written for these tests.

Each row is a construction where the parser's tree alone puts the wrong actor (or none) in a role:
a charge list the parser hangs on the accusing verb, a passive conjunct, a description named by a
participle, an act of authority told in the passive by the body that did it, a gerund under a
compound preposition, a bare infinitive after its doer, a description tied to an actor, an
unnamed conjunct spelled out by an apposition. A row reads: sentence, event, agent, party (a
word of the claim's subject/object text or canonical name; ``None``: any). The negative rows are
the readings the same constructions must not give.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from mistrust.model.documents import Claim

# (sentence, event, agent, party)
POSITIVE = [
    # a charge list: every item is the accused's act, also those the parser hung on the accuser's verb
    ("A UN report accuses Chile of selling rifles, exporting banned parts and violating sanctions.", "violate",
     "Chile", None),
    ("The EU accused Peru of shipping fuel to Cuba and breaking the embargo.", "violate", "Peru", None),
    ("Chile charged Peru with smuggling gold and attacking Bolivia.", "attack", "Peru", "Bolivia"),
    ("Ecuador criticized Chile for selling jets to Peru and threatening Bolivia.", "threaten", "Chile", "Bolivia"),
    # a passive conjunct shares its patient; an active conjunct after a passive head is the patient's act
    ("The tanker was accused of carrying fuel to Syria and first detained by Malaysia in March.", "seize",
     "Malaysia", "tanker"),
    ("The freighter was boarded by Greek marines and seized by Greece last week.", "seize", "Greece", "freighter"),
    ("Chile was sanctioned by the EU and then attacked Peru.", "attack", "Chile", "Peru"),
    ("Russia was hit with sanctions and later supplied drones to Mali.", "supply", "Russia", "Mali"),
    # a description named by a participle is the name, not its flag
    ("The navy seized a Liberian tanker called the Ocean Star off Oman.", "seize", "navy", "Ocean Star"),
    ("Greek police seized a Maltese-flagged freighter named Blue Horizon carrying rifles to Libya.", "seize",
     "Greek police", "Blue Horizon"),
    ("The vessel, called the Sea Lark, is one of Peru's largest carriers used to ship fuel to Bolivia.",
     "transfer", "Sea Lark", "Bolivia"),
    # an act of authority in the passive with no agent, announced by a named body: the body did it
    ("A Liberian cargo vessel used to carry sugar has been seized, the Greek Justice Ministry announced on "
     "Friday.", "seize", "Greek Justice Ministry", "Liberia"),
    ("The Chilean Navy said a Peruvian fishing boat known as the Sea Lark was seized in May.", "seize",
     "Chilean Navy", "Sea Lark"),
    ("Five firms were sanctioned on Monday, the European Union said.", "sanction", "European Union", None),
    # a gerund under "in addition to", "as part of", "on top of" is the clause subject's act
    ("As part of supplying arms to Mali, Russia sent advisers.", "supply", "Russia", "Mali"),
    ("On top of selling jets to Bolivia, Chile trained its pilots.", "transfer", "Chile", "Bolivia"),
    # an unnamed description tied to an actor stands for it
    ("The EU imposed sanctions on the supply chain related to Russia.", "sanction", "EU", "Russia"),
    ("The Treasury sanctioned six companies linked to Iran's missile program.", "sanction", "Treasury", "Iran"),
    ("The United States sanctioned a network tied to Hezbollah.", "sanction", "United States", "Hezbollah"),
    # a bare infinitive is done by the noun before it, even one the parser reads as an auxiliary
    ("The Peruvian firms helped Bolivia buy jets from Chile.", "transfer", "Chile", "Bolivia"),
    ("The brokers helped Iran buy drones from Belarus.", "transfer", "Belarus", "Iran"),
    # an unnamed conjunct spelled out by an apposition: each name in it
    ("The rebels in Sudan and their foreign backers \u2014 Chad, Egypt and Eritrea \u2014 violated a U.N. arms embargo, "
     "experts said.", "violate", "Chad", None),
    ("The rebels in Sudan and their foreign backers \u2014 Chad, Egypt and Eritrea \u2014 violated a U.N. arms embargo, "
     "experts said.", "violate", "Eritrea", None),
    ("Russia and its partners, including Belarus, sent troops to Mali.", "deploy", "Belarus", "Mali"),
]

# (sentence, event, agent or None, party or None): no claim of the event may read so
NEGATIVE = [
    # the accuser does not do what it accuses the other of
    ("The EU accused Peru of shipping fuel to Cuba and breaking the embargo.", "violate", "EU", None),
    ("A UN report accuses Chile of selling rifles, exporting banned parts and violating sanctions.", "violate",
     "UN", None),
    # a charge that is a noun ends the list: the later gerund is the accuser's own act
    ("Chile blamed Peru for the attack, warning Bolivia against any support.", "warn", "Peru", None),
    # the passive head's agent does not do the active conjunct; the patient is no recipient
    ("Chile was sanctioned by the EU and then attacked Peru.", "attack", "EU", None),
    ("Russia was hit with sanctions and later supplied drones to Mali.", "supply", None, "Russia"),
    # the patient of a passive is never its doer, nor is the flag of a named ship the ship
    ("A Liberian cargo vessel used to carry sugar has been seized, officials said.", "seize", "Liberia", None),
    ("The navy seized a Liberian tanker called the Ocean Star off Oman.", "seize", None, "Liberia"),
    # only a named body announces its own act: not unnamed officials, nor a passive that has an agent,
    # nor an act that is no act of authority
    ("Two tankers were seized in the Gulf, US officials said.", "seize", "officials", None),
    ("The tanker was seized by Iran on Sunday, the British Navy said.", "seize", "British Navy", None),
    ("Two ships were attacked near Aden, the Navy said.", "attack", "Navy", None),
    # "in retaliation for" is the other side's act
    ("Chile sanctioned Peru in retaliation for supplying drones to Bolivia.", "supply", "Chile", None),
    # the helper of a bare infinitive does not receive what the helped one buys
    ("The Peruvian firms helped Bolivia buy jets from Chile.", "transfer", None, "Peruvian"),
]


@pytest.fixture(scope="module")
def read() -> dict[str, list[Claim]]:
    from mistrust.extract.pipeline import ExtractOptions, Extractor, TextItem

    texts = sorted({row[0] for row in (*POSITIVE, *NEGATIVE)})
    extractor = Extractor(ExtractOptions(link=False))
    return {t: e.claims for t, e in zip(texts, extractor.extract_many(TextItem(t) for t in texts), strict=True)}


def _names(claim: Claim, side: str) -> str:
    return " ".join(x for x in (getattr(claim, side), getattr(claim, f"{side}_canonical")) if x).lower()


def _matching(claims: list[Claim], event: str, agent: str | None, party: str | None) -> Iterator[Claim]:
    for c in claims:
        if c.predicate == event and (agent is None or agent.lower() in _names(c, "subject")) \
                and (party is None or party.lower() in _names(c, "object")):
            yield c


@pytest.mark.parametrize(("text", "event", "agent", "party"), POSITIVE)
def test_actor_read(read: dict[str, list[Claim]], text: str, event: str, agent: str, party: str | None) -> None:
    claims = read[text]
    assert list(_matching(claims, event, agent, party)), [(c.subject, c.predicate, c.object) for c in claims]


@pytest.mark.parametrize(("text", "event", "agent", "party"), NEGATIVE)
def test_actor_not_read(read: dict[str, list[Claim]], text: str, event: str, agent: str | None,
                        party: str | None) -> None:
    wrong = list(_matching(read[text], event, agent, party))
    assert not wrong, [(c.subject, c.predicate, c.object) for c in wrong]


def test_the_negatives_have_the_event() -> None:
    """A negative row says something only if the sentence is read at all: most negatives share a
    sentence with a positive row, whose event the reading finds."""
    positive_texts = {row[0] for row in POSITIVE}
    assert sum(row[0] in positive_texts for row in NEGATIVE) >= len(NEGATIVE) // 2
