"""The scope of negation and hedges (``status._link``): sentences written for these tests, each with
the status its event must get.

A negator marks an event only in the event's own clause or in the clauses that govern it as a
complement; a hedge marks the sentence it stands in, but not an event a definite noun takes as
given. Rows that changed with the scope mechanism are marked ``new`` in their comment group (they
failed before it); the others hold what must stay (denials in the event's own clause).
Row: sentence, event, agent, party, status.
"""

from __future__ import annotations

from typing import Any

import pytest

from _claim_rows import assert_absent, assert_status, read_rows
from mistrust.model.documents import Claim

ROWS: list[Any] = [
    # new: a negation in a clause coordinated with its own subject or after "but" stays there
    ("Ghana did not pay the levy but sold the rifles to Togo.", "transfer", "Ghana", "Togo", "asserted"),
    ("Kenya had not signed the accord, and Uganda shipped fuel to Rwanda, the envoy said.", "transfer", "Uganda",
     "Rwanda", "attributed"),
    # new: ... and in the head of an adverbial clause ("did not object, saying ...")
    ("The envoy said Mali did not object, saying Niger had sold drones to Chad.", "transfer", "Niger", "Chad",
     "attributed"),
    ("The envoy said Ghana would not pay the levy and sold the rifles to Togo.", "transfer", "Ghana", "Togo",
     "attributed"),
    # new: "neither ... nor" negates both verbs
    ("Officials said Kenya neither bought nor sold fuel to Rwanda.", "transfer", "Kenya", "Rwanda", "denied"),
    # coordinated verbs sharing their subject and auxiliary share the negation
    ("The envoy said Ghana did not buy or sell rifles to Togo.", "transfer", "Ghana", "Togo", "denied"),
    # new: a verb that only talks about an event noun negates or hedges itself, not the event
    ("The envoy said Ghana never discussed its sale of rifles to Togo.", "transfer", None, "Togo", "attributed"),
    ("Officials said Quito might end the sanctions on Lima.", "sanction", None, "Lima", "attributed"),
    ("The minister said Lima could ease its sanctions on Quito.", "sanction", "Lima", "Quito", "attributed"),
    # a verb that realises the event noun carries its negation or modal
    ("The minister said Chile did not make any shipment of rifles to Bolivia.", "transfer", "Chile", "Bolivia",
     "denied"),
    ("The envoy said Kenya never took part in the attack on the convoy.", "attack", "Kenya", "convoy", "denied"),
    ("The envoy said Lima could impose new sanctions on Quito.", "sanction", "Lima", "Quito", "hedged"),
    # new: a negated verb over a finite clause withholds it; a negated belief doubts it
    ("The report does not claim that Serbia shipped shells to Armenia.", "transfer", "Serbia", "Armenia",
     "attributed"),
    ("The minister does not think that Chile sold rifles to Bolivia.", "transfer", "Chile", "Bolivia", "hedged"),
    ("The envoy said he did not believe Peru had shipped rifles to Chile.", "transfer", "Peru", "Chile", "hedged"),
    # ... but "it is not true that" denies
    ("It is not true that Chile shipped rifles to Bolivia, the minister said.", "transfer", "Chile", "Bolivia",
     "denied"),
    # new: a negated future, conjecture or infinitive is an intent, like a negated aim
    ("Chile will not supply rockets to Bolivia, the minister said.", "supply", "Chile", "Bolivia", "hedged"),
    ("The minister said Peru would never sell jets to Chile.", "transfer", "Peru", "Chile", "hedged"),
    ("Ghana is not going to deliver the jets to Togo, the envoy said.", "transfer", "Ghana", "Togo", "hedged"),
    ("The minister said Chile decided not to sell jets to Peru.", "transfer", "Chile", "Peru", "hedged"),
    ("Kenya vowed never to ship rifles to Somalia again.", "transfer", "Kenya", "Somalia", "hedged"),
    ("Ghana has no plans to sell jets to Togo, the minister said.", "transfer", "Ghana", "Togo", "hedged"),
    # new: ... also on an event noun, whose tense is its verb's
    ("The envoy said there will be no cooperation between Ghana and Togo.", "cooperate", "Ghana", "Togo", "hedged"),
    ("The minister said Chile will make no deliveries of jets to Peru.", "transfer", "Chile", "Peru", "hedged"),
    ("The envoy said there was no cooperation between Ghana and Togo.", "cooperate", "Ghana", "Togo", "denied"),
    ("The minister said Chile made no deliveries of jets to Peru.", "transfer", "Chile", "Peru", "denied"),
    # ... a past one stays denied
    ("Chile claimed not to have shipped rifles to Bolivia.", "transfer", "Chile", "Bolivia", "denied"),
    ("Chile did not ship rifles to Bolivia, the minister said.", "transfer", "Chile", "Bolivia", "denied"),
    ("The minister said Ghana has not sent troops to fight in Mali.", "deploy", "Ghana", None, "denied"),
    # new: the event of a condition is supposed
    ("The envoy said Lima would respond if Quito sold jets to Cuba.", "transfer", "Quito", "Cuba", "hedged"),
    ("Officials said Ghana will retaliate if Togo imposes sanctions on it.", "sanction", "Togo", None, "hedged"),
    # new: a definite event noun that is the subject of a denied clause is conceded, not denied
    ("Peru denied that its talks with Chile had covered arms sales.", "meet", None, "Chile", "attributed"),
    ("Ghana denied that its shipments of rifles to Togo broke the embargo.", "transfer", None, "Togo",
     "attributed"),
    ("Ghana denied that its shipments of rifles to Togo broke the embargo.", "violate", None, None, "denied"),
    ("Peru denied that any shipment of rifles to Chile took place.", "transfer", None, "Chile", "denied"),
    # a clause describing a noun is not reached by the negation of the noun's verb
    ("The envoy said Mali did not stop the trucks carrying fuel to Niger.", "transfer", "trucks", "Niger",
     "attributed"),
    ("The minister said Kenya did not comment on reports that Uganda shipped fuel to Rwanda.", "transfer", "Uganda",
     "Rwanda", "attributed"),
    # new (status-v4): an event noun only envisaged is hedged: an irrealis modifier on it ...
    ("Officials discussed a proposed sale of rifles to Chile by Peru.", "transfer", "Peru", "Chile", "hedged"),
    ("The planned sale of rifles to Chile by Peru was announced on Monday.", "transfer", "Peru", "Chile", "hedged"),
    ("The envoy said a prospective shipment of fuel to Chile by Andean Shipping Co worried Lima.", "transfer",
     "Andean Shipping Co", "Chile", "hedged"),
    # ... or a verb, idiom or preposition that envisages it, whatever its tense or negation
    ("The envoy called for sanctions on Chile.", "sanction", None, "Chile", "hedged"),
    ("Peru threatened sanctions on Chile, the minister said.", "sanction", None, "Chile", "hedged"),
    ("Peru did not call for sanctions on Chile, the minister said.", "sanction", None, "Chile", "hedged"),
    ("Ana Ruiz warned of the transfer of drones to Peru.", "transfer", None, "Peru", "hedged"),
    ("The envoy said Peru and Chile held talks aimed at a delivery of jets to Chile.", "transfer", None, "Chile",
     "hedged"),
    ("The minister said Peru was preparing for the delivery of jets to Chile.", "transfer", None, "Chile", "hedged"),
    ("The minister said the accord is paving the way for the sale of rifles to Chile.", "transfer", None, "Chile",
     "hedged"),
    ("Pending the delivery of jets to Chile, Peru froze the talks, the envoy said.", "transfer", None, "Chile",
     "hedged"),
    # ... and a modal over a verb of consequence reaches what would follow, definite or not
    ("The minister said the accord could lead to the signing of a treaty between Peru and Chile.", "agree", "Peru",
     "Chile", "hedged"),
    # what happened stays as it is: a past event under "after", "following"; a consequence that came;
    # an event inside a noun the envisaging verb takes ("an inquiry into the sale"); a phrasal verb
    ("After the sale of rifles to Chile, Peru imposed sanctions on Bolivia, the envoy said.", "transfer", None,
     "Chile", "attributed"),
    ("Following the delivery of jets to Chile, Peru froze the talks, the envoy said.", "transfer", None, "Chile",
     "attributed"),
    ("The sale of rifles to Chile by Peru was completed last week, the envoy said.", "transfer", "Peru", "Chile",
     "attributed"),
    ("The sale of rifles to Chile led to sanctions on Peru, the envoy said.", "sanction", None, "Peru", "attributed"),
    ("Andean Shipping Co delivered fuel to Chile, leading to sanctions on Peru.", "sanction", None, "Peru",
     "asserted"),
    ("Peru called for an inquiry into the sale of rifles to Chile.", "transfer", None, "Chile", "asserted"),
    ("Ana Ruiz called Peru out for its sale of rifles to Chile.", "transfer", None, "Chile", "asserted"),
    # new (status-v5): an envisaging preposition's gerund is envisaged too, with the event noun it
    # brings about ("work towards making a deal", "warned against selling") ...
    ("Peru pushed for imposing sanctions on Chile.", "sanction", "Peru", "Chile", "hedged"),
    ("The minister warned against selling jets to Chile.", "transfer", None, "Chile", "hedged"),
    ("The president called on Peru to work towards making a deal with Chile.", "agree", "Peru", "Chile", "hedged"),
    ("Peru and Chile are working toward signing a trade deal.", "agree", "Peru", "Chile", "hedged"),
    # ... not a gerund after another verb's preposition, inside a noun, or beside the envisaging
    ("Peru was punished for selling jets to Chile.", "transfer", "Peru", "Chile", "asserted"),
    ('Chile kept calling Peru "the smuggler" for selling jets to Bolivia.', "transfer", "Peru", "Bolivia",
     "asserted"),
    ("Peru apologised for selling jets to Chile.", "transfer", "Peru", "Chile", "asserted"),
    ("Peru called for an inquiry into selling jets to Chile.", "transfer", None, "Chile", "asserted"),
    ("Peru pushed for imposing sanctions on Chile after selling jets to Bolivia.", "transfer", "Peru", "Bolivia",
     "asserted"),
    # new (status-v5): a negated present ability ("cannot", "can't") is out of reach, like a negated
    # future; its past ("could not") still denies
    ("Peru cannot sell jets to Chile, the minister said.", "transfer", "Peru", "Chile", "hedged"),
    ("The minister said Peru can't obtain jets from Chile.", "transfer", "Chile", "Peru", "hedged"),
    ("The minister said Peru can not buy rifles from Chile.", "transfer", "Chile", "Peru", "hedged"),
    ("The minister said Peru could not obtain jets from Chile last year.", "transfer", "Chile", "Peru", "denied"),
    ("The minister said Peru can sell jets to Chile.", "transfer", "Peru", "Chile", "attributed"),
    # ... nor does a negated future or ability over a finite clause touch its event
    ("They said no excuse can change that Peru sold jets to Chile.", "transfer", "Peru", "Chile", "attributed"),
    ("Officials said nothing will change the fact that Peru sold jets to Chile.", "transfer", "Peru", "Chile",
     "attributed"),
    # new (status-v5): a subject that names no one negates its clause ("nobody", "none of", "no" + noun) ...
    ("The minister said no Chilean firm had sold rifles to Bolivia.", "transfer", None, "Bolivia", "denied"),
    ("Nobody in Lima sold jets to Ecuador, the envoy said.", "transfer", None, "Ecuador", "denied"),
    ("The report said none of the brokers shipped fuel to Paraguay.", "transfer", None, "Paraguay", "denied"),
    # ... only its own clause, and "few" is somebody
    ("Few firms shipped fuel to Paraguay, the envoy said.", "transfer", None, "Paraguay", "attributed"),
    ("Peru sold jets to Chile, and nobody objected, the envoy said.", "transfer", "Peru", "Chile", "attributed"),
    ("No one was hurt when Peru attacked Chile, the minister said.", "attack", "Peru", "Chile", "attributed"),
    # new (status-v5): a verb of occurrence whose subject is the event says whether it came about, as
    # the event's own verb would ("took place", "happened", "did not occur"), also in a relative
    # clause the parser hangs on a party of the event ...
    ("The envoy said the sale of jets by Peru to Chile never took place.", "transfer", "Peru", "Chile", "denied"),
    ("The envoy said the strike on Peru by Chile did not occur.", "attack", "Chile", "Peru", "denied"),
    ("The minister denied that the sale of jets to Chile took place.", "transfer", None, "Chile", "denied"),
    ("The minister said the arms deal between Peru and Chile, which never happened, was a myth.", "agree", "Peru",
     "Chile", "denied"),
    ("The minister spoke of an arms transaction between Peru and Chile which may have happened in May.", "trade",
     "Peru", "Chile", "hedged"),
    # ... and an event that came about, or a clause of occurrence about something else, stays as it is
    ("The envoy said the sale of jets to Chile took place in May.", "transfer", None, "Chile", "attributed"),
    ("The minister spoke of an arms transaction between Peru and Chile which happened in May.", "trade", "Peru",
     "Chile", "asserted"),
    ("Peru signed a deal with Chile, which never happens in this region.", "agree", "Peru", "Chile", "asserted"),
    # new (status-v5): what a modal noun holds out through its infinitive or its "of" / "for" phrase is
    # only possible ...
    ("Chile has the capability to ship rockets to Bolivia.", "transfer", "Chile", "Bolivia", "hedged"),
    ("Officials raised the possibility of a Chilean strike on Peru.", "attack", "Chilean", "Peru", "hedged"),
    ("Chile made an offer to supply jets to Peru.", "supply", "Chile", "Peru", "hedged"),
    ("Ghana has the ability to send troops to Togo, the envoy said.", "deploy", "Ghana", "Togo", "hedged"),
    # ... not a known event it is about, nor an act beside it
    ("Officials raised concerns over the sale of jets by Peru to Chile.", "transfer", "Peru", "Chile", "asserted"),
    ("Chile made an offer to Peru after Chile had supplied jets to Bolivia.", "supply", "Chile", "Bolivia",
     "asserted"),
]

# a negated verb in its bare form is a demand, no statement: no claim (new: the first row)
ABSENT: list[Any] = [
    ("The minister insisted that Chile and Peru not hold joint drills.", "cooperate"),
    ("The envoy demanded that Ghana not sell rifles to Togo.", "transfer"),
]


@pytest.fixture(scope="module")
def read() -> dict[str, list[Claim]]:
    return read_rows([*ROWS, *ABSENT])


@pytest.mark.parametrize(("text", "event", "agent", "party", "status"), ROWS)
def test_scope(read: dict[str, list[Claim]], text: str, event: str, agent: str | None, party: str | None,
               status: str) -> None:
    assert_status(read[text], event, agent, party, status)


@pytest.mark.parametrize(("text", "event"), ABSENT)
def test_no_claim(read: dict[str, list[Claim]], text: str, event: str) -> None:
    assert_absent(read[text], event)


def test_the_table_covers_each_status() -> None:
    for status in ("asserted", "attributed", "hedged", "denied"):
        assert sum(row[4] == status for row in ROWS) >= 1
