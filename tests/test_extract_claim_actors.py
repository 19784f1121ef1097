"""Who the agent and the other party of a claim are: sentences written for these tests.

Each row is a construction where the parser's tree alone puts the wrong actor (or none) in a role:
an act of authority told in the passive by the body that did it, a bare infinitive after its doer;
and, as strict xfails, the mechanisms tried on the claims set and reverted (``REVERTED``). A row
reads: sentence, event, agent, party (a word of the claim's subject/object text or canonical name;
``None``: any). The negative rows are the readings the same constructions must not give.
"""

from __future__ import annotations

import pytest

from _claim_rows import matching, read_rows
from mistrust.model.documents import Claim

# Mechanisms tried on the claims set's half A and reverted because half B did not rise with A
# (README, issue 17, branch recall-ent): the readings are kept as strict xfails, so that a fix shows.
REVERTED = pytest.mark.xfail(strict=True, reason="tried and reverted: half B of the claims set did not rise")


def _reverted(*row: str | None) -> object:
    return pytest.param(*row, marks=REVERTED)


# (sentence, event, agent, party)
POSITIVE = [
    # an act of authority in the passive with no agent, announced by a named body: the body did it
    ("Five firms were sanctioned on Monday, the European Union said.", "sanction", "European Union", None),
    ("A Liberian cargo vessel has been seized, the British Navy said on Friday.", "seize", "British Navy",
     "Liberia"),
    ("Three tankers have been seized off the coast, the Indian Navy said on Sunday.", "seize", "Indian Navy",
     "tankers"),
    ("Two Bolivian firms were designated on Tuesday, the Treasury Department announced.", "sanction",
     "Treasury Department", "Bolivia"),
    ("The Chilean Navy said a Peruvian fishing boat was seized in May.", "seize", "Chilean Navy", "Peruvian"),
    # a bare infinitive is done by the noun before it, even one the parser reads as an auxiliary
    ("The Peruvian firms helped Bolivia buy jets from Chile.", "transfer", "Chile", "Bolivia"),
    ("The brokers helped Iran buy drones from Belarus.", "transfer", "Belarus", "Iran"),
    # an unnamed conjunct spelled out by an apposition with "including" (read before this file)
    ("Russia and its partners, including Belarus, sent troops to Mali.", "deploy", "Belarus", "Mali"),
    # tried (no change on either half; the goods' reading is the frames'): a passive transfer with no
    # agent is given by the goods' origin, to the "to" party
    _reverted("Iranian drones were delivered to Russia in August.", "transfer", "Iran", "Russia"),
    _reverted("Turkish-made drones were sold to Ethiopia last year.", "transfer", "Turkish", "Ethiopia"),
    # tried (no change on either half): a word tagged as a noun with a subject and an object is a verb
    _reverted("The sanctions, imposed by the EU in May, target Belarus.", "sanction", "EU", "Belarus"),
    # tried (no change on either half): a state's organ named with a possessive acts for the state
    _reverted("Chile's Treasury Department sanctioned three Peruvian firms.", "sanction", "Chile", "Peruvian"),
    # tried (no change on either half): "his country" in reported words is the speaker's state
    _reverted("Peru's foreign minister said his country had never sold rifles to Bolivia.", "transfer", "Peru",
              "Bolivia"),
    # reverted by recall-ent, read again by args6 (a gerund after the "of" charge going on to a last
    # conjunct): a charge list the parser hung on the accusing verb is still the accused's
    ("A UN report accuses Chile of selling rifles, exporting banned parts and violating sanctions.",
     "violate", "Chile", None),
    _reverted("The EU accused Peru of shipping fuel to Cuba and breaking the embargo.", "violate", "Peru", None),
    # reverted: a passive conjunct shares its patient; an active one after a passive head is the patient's act
    _reverted("The tanker was accused of carrying fuel to Syria and first detained by Malaysia in March.", "seize",
              "Malaysia", "tanker"),
    _reverted("The freighter was boarded by Greek marines and seized by Greece last week.", "seize", "Greece",
              "freighter"),
    _reverted("Chile was sanctioned by the EU and then attacked Peru.", "attack", "Chile", "Peru"),
    _reverted("Russia was hit with sanctions and later supplied drones to Mali.", "supply", "Russia", "Mali"),
    # reverted by recall-ent, read again by args6: a description named by a participle is the name,
    # not its flag
    ("The navy seized a Liberian tanker called the Ocean Star off Oman.", "seize", "navy", "Ocean Star"),
    ("Greek police seized a Maltese-flagged freighter named Blue Horizon carrying rifles to Libya.",
     "seize", "Greek police", "Blue Horizon"),
    _reverted("The vessel, called the Sea Lark, is one of Peru's largest carriers used to ship fuel to Bolivia.",
              "transfer", "Sea Lark", "Bolivia"),
    # reverted by recall-ent, read again by args6: a gerund under "as part of", "on top of" is the
    # clause subject's act
    ("As part of supplying arms to Mali, Russia sent advisers.", "supply", "Russia", "Mali"),
    ("On top of selling jets to Bolivia, Chile trained its pilots.", "transfer", "Chile", "Bolivia"),
    # reverted: an unnamed description tied to an actor stands for it
    _reverted("The EU imposed sanctions on the supply chain related to Russia.", "sanction", "EU", "Russia"),
    _reverted("The United States sanctioned a network tied to Hezbollah.", "sanction", "United States",
              "Hezbollah"),
    # reverted (recall3, commit 5bc1426: A +5 gold claims, B none, no firing on 400 dev news): a network
    # stands for the one the text names as leading it, also in the
    # lede before the naming ("sanctioned a smuggling network ... The network, led by X, ...")
    _reverted("The Treasury on Monday sanctioned a smuggling network that helps fund Hezbollah. The network is "
              "led by the Peruvian financier Juan Ortega.", "sanction", "Treasury", "Juan Ortega"),
    _reverted("The Treasury on Monday sanctioned a smuggling network that helps fund Hezbollah. The network is "
              "led by the Peruvian financier Juan Ortega.", "fund", "Juan Ortega", "Hezbollah"),
    _reverted("The Treasury said Juan Ortega runs a network that sells fuel. The network also funds Hezbollah.",
              "fund", "Juan Ortega", "Hezbollah"),
    _reverted("Chile sanctioned members of a smuggling ring on Monday. The ring, headed by the Bolivian broker "
              "Carlos Mendoza, sells fuel to buyers in Peru.", "sanction", "Chile", "Carlos Mendoza"),
    _reverted("Chile sanctioned members of a smuggling ring on Monday. The ring, headed by the Bolivian broker "
              "Carlos Mendoza, sells fuel to buyers in Peru.", "transfer", "Carlos Mendoza", "Peru"),
    # reverted by recall-ent, read again by args6: an unnamed conjunct spelled out by a dashed
    # apposition: each name in it
    ("The rebels in Sudan and their foreign backers \u2014 Chad, Egypt and Eritrea \u2014 violated a U.N. "
     "arms embargo, experts said.", "violate", "Chad", None),
]

# (sentence, event, agent or None, party or None): no claim of the event may read so
NEGATIVE = [
    # only a named body announces its own act: not unnamed officials, nor a passive that has an agent,
    # nor an act that is no act of authority
    ("Two tankers were seized in the Gulf, US officials said.", "seize", "officials", None),
    ("The tanker was seized by Iran on Sunday, the British Navy said.", "seize", "British Navy", None),
    ("A Greek tanker was attacked near Aden on Sunday, the British Navy said.", "attack", "Navy", None),
    # the helper of a bare infinitive does not receive what the helped one buys
    ("The Peruvian firms helped Bolivia buy jets from Chile.", "transfer", None, "Peruvian"),
    # a charge that is a noun ends the list: the later gerund is the accuser's own act
    ("Chile blamed Peru for the attack, warning Bolivia against any support.", "warn", "Peru", None),
    # "in retaliation for" is the other side's act
    ("Chile sanctioned Peru in retaliation for supplying drones to Bolivia.", "supply", "Chile", None),
    # reverted: the accuser does not do what it accuses the other of
    _reverted("The EU accused Peru of shipping fuel to Cuba and breaking the embargo.", "violate", "EU", None),
    # reverted: the passive head's agent does not do the active conjunct; the patient is not the doer
    _reverted("Chile was sanctioned by the EU and then attacked Peru.", "attack", "EU", None),
    _reverted("A Liberian cargo vessel used to carry sugar has been seized, officials said.", "seize", "Liberia",
              None),
    ("The navy seized a Liberian tanker called the Ocean Star off Oman.", "seize", None, "Liberia"),
    # a network with two leaders named is no one's; a network that names its members is another one
    ("Chile sanctioned a network led by Juan Ortega and a ring run by Carlos Mendoza. The network shipped fuel "
     "to Bolivia.", "transfer", "Ortega", None),
    ("Chile sanctioned a network led by Juan Ortega and a ring run by Carlos Mendoza. The network shipped fuel "
     "to Bolivia.", "transfer", "Mendoza", None),
    ("A network of exchange houses shipped fuel to Bolivia. Juan Ortega runs a network of tankers.", "transfer",
     "Ortega", None),
]


# (sentence, event, the giver's canonical name exactly, the receiver's): goods whose name opens with a
# demonym ("Russian Su-35 jets", "Indian Pinaka launchers") come from its state, even when the entity
# step ran the demonym into the product's name; a company named with one ("Russian Helicopters") is
# the company
ORIGINS = [
    ("Iran will receive several Russian Su-35 fighter jets in May.", "transfer", "Russia", "Iran"),
    ("The Russian Sukhoi Su-35 jets will arrive in Iran next year.", "transfer", "Russia", "Iran"),
    ("Egypt has bought French Rafale fighter jets.", "transfer", "France", "Egypt"),
    ("Armenia received Indian Pinaka rocket launchers last year.", "transfer", "India", "Armenia"),
    ("Russian Helicopters sold engines to Iran in 2019.", "transfer", "Russian Helicopters", "Iran"),
    ("Turkish Aerospace delivered drones to Qatar.", "transfer", "Turkish Aerospace", "Qatar"),
]


@pytest.fixture(scope="module")
def read() -> dict[str, list[Claim]]:
    return read_rows((*POSITIVE, *NEGATIVE, *ORIGINS))


@pytest.mark.parametrize(("text", "event", "giver", "receiver"), ORIGINS)
def test_goods_origin(read: dict[str, list[Claim]], text: str, event: str, giver: str, receiver: str) -> None:
    claims = [(c.subject_canonical, c.predicate, c.object_canonical) for c in read[text]]
    assert (giver, event, receiver) in claims, claims


@pytest.mark.parametrize(("text", "event", "agent", "party"), POSITIVE)
def test_actor_read(read: dict[str, list[Claim]], text: str, event: str, agent: str, party: str | None) -> None:
    claims = read[text]
    assert list(matching(claims, event, agent, party)), [(c.subject, c.predicate, c.object) for c in claims]


@pytest.mark.parametrize(("text", "event", "agent", "party"), NEGATIVE)
def test_actor_not_read(read: dict[str, list[Claim]], text: str, event: str, agent: str | None,
                        party: str | None) -> None:
    wrong = list(matching(read[text], event, agent, party))
    assert not wrong, [(c.subject, c.predicate, c.object) for c in wrong]


def test_the_negatives_have_the_event(read: dict[str, list[Claim]]) -> None:
    """A negative row says something only if its sentence is read with that event at all."""
    for row in NEGATIVE:
        values = row.values if hasattr(row, "values") else row
        assert any(c.predicate == values[1] for c in read[str(values[0])]), values[0]
