"""The reach of a denial verb (``status.denial_reaches``): sentences written for these tests, each
with the status its event must get.

A denial verb denies its object or complement clause and what that governs; not an act beside it
(a clause of time, a participle, a coordinated verb, a phrase of place or occasion), not an event
that its content only supposes (an "if" or "unless" clause) or takes as given (an "after" clause),
and not a speech act named by its object ("rejected the criticism of X": the words were said; their
target is given). Rows marked ``new`` in their comment group failed before this; the others hold
what must stay denied or undenied.
Row: sentence, event, agent, party, status.
"""

from __future__ import annotations

from typing import Any

import pytest

from _claim_rows import assert_absent, assert_status, read_rows
from mistrust.model.documents import Claim

ROWS: list[Any] = [
    # new: an act beside the denial, told by the outlet (a clause of time, a phrase of occasion, a
    # fronted phrase of place, an unlabelled second clause)
    ("The foreign minister rejected the report before visiting Caracas.", "meet", "minister", "Caracas",
     "asserted"),
    ("Russia denied the charges at a press conference after meeting Turkey's foreign minister.", "meet", "Russia",
     "Turkey", "asserted"),
    ("Ankara rejected the accusation during a visit to Qatar.", "meet", None, "Qatar", "asserted"),
    ("The minister, in a meeting with Chile's envoy, denied that Peru had shipped arms to Bolivia.", "meet",
     "minister", "Chile", "asserted"),
    ("Tehran denied the report, then met Iraq's foreign minister in Baghdad.", "meet", None, "Iraq", "asserted"),
    # ... while the content of the same denial stays denied
    ("The minister, in a meeting with Chile's envoy, denied that Peru had shipped arms to Bolivia.", "transfer",
     "Peru", "Bolivia", "denied"),
    # acts beside a denial that were never read as denied
    ("Kenya rejected the allegations before its navy seized a tanker bound for Somalia.", "seize", "navy", None,
     "asserted"),
    ("Having rejected the allegations, Belgrade met Moscow's envoy.", "meet", "Belgrade", "Moscow", "asserted"),
    # new: a condition inside the denied content is only supposed (hedged), not denied
    ("Nigeria dismissed warnings that it would face sanctions if it shipped arms to Niger.", "transfer", None,
     "Niger", "hedged"),
    ("Peru dismissed reports that Chile would impose sanctions on it if Lima bought jets from Russia.", "transfer",
     "Russia", "Lima", "hedged"),
    # ... while the clause the condition hangs on is denied
    ("Peru dismissed reports that Chile would impose sanctions on it if Lima bought jets from Russia.", "sanction",
     "Chile", None, "denied"),
    # new: a criticism rejected was made all the same, and what it criticises is given
    ("The White House rejected criticism of its sanctions on Cuba.", "sanction", None, "Cuba", "attributed"),
    ("Seoul rejected Tokyo's criticism of its sanctions on Pyongyang.", "sanction", None, "Pyongyang",
     "attributed"),
    ("Qatar rejected the criticism of its deal with Iran.", "condemn", None, "Iran", "asserted"),
    # what the denial takes as its object stays denied: a clause, a gerund, a report's content, a
    # part in an event (also with the part's phrase hung on the verb), a clause of time inside it
    ("Minsk rejected claims that it had received rifles from Moscow.", "transfer", "Moscow", None, "denied"),
    ("Moscow denied supplying and arming the rebels in Syria.", "supply", "Moscow", "Syria", "denied"),
    ("Cuba dismissed the report that it had bought rifles from Belarus.", "transfer", "Belarus", None, "denied"),
    ("Iran denied any role in the seizure of the tanker.", "seize", "Iran", None, "denied"),
    ("Oman denied that it had seized the tanker after it entered Omani waters.", "seize", None, "tanker", "denied"),
    ("Quito denied that Lima had bought missiles from Moscow, the minister said after meeting Chile's envoy.",
     "transfer", "Moscow", "Lima", "denied"),
    # a denial somebody makes of a thing said before is a denial
    ("Chile will tell you that Peru is a rival, and Peru denies that.", "deny", "Peru", None, "denied"),
    ("Peru received the report and dismissed it as false.", "deny", "Peru", None, "denied"),
    ("Seoul denied those reports that it had sold shells to Kyiv.", "transfer", None, "Kyiv", "denied"),
]

# a denial verb that withholds or turns a thing down denies no event (these already held); new: a
# denial nobody makes ("there is no denying that", "it is hard to deny") is no denial claim
ABSENT: list[Any] = [
    ("Chile will tell you that Peru is a rival, and there is no denying that.", "deny"),
    ("Yet for Ghana it is increasingly hard to deny.", "deny"),
    ("Ghana says Togo is a rival; it is difficult to dispute that.", "deny"),
    ("The envoy said Mali is a rival, and nobody denies it.", "deny"),
    # new: a thing put forward and turned down (also as "it" for it, in the passive after "any", or
    # in a relative clause through the speaker's verb), or people dismissed, is no denial
    ("The senator signed the bill under pressure and dismissed it as flawed.", "deny"),
    ("Ghana drafted the amendment, and Togo rejected it.", "deny"),
    ("Any compromise on the sanctions has been rejected by Tehran.", "deny"),
    ("The talks aim at a ceasefire, a goal that Moscow says it rejects.", "deny"),
    ("The envoy dismissed those who opposed the embargo on Cuba as traitors.", "deny"),
    ("Brazil denied Argentina's envoy a meeting with the president.", "meet"),
    ("Washington is denying Venezuela's foreign minister a meeting with the secretary.", "meet"),
]


@pytest.fixture(scope="module")
def read() -> dict[str, list[Claim]]:
    return read_rows([*ROWS, *ABSENT])


@pytest.mark.parametrize(("text", "event", "agent", "party", "status"), ROWS)
def test_denial_scope(read: dict[str, list[Claim]], text: str, event: str, agent: str | None, party: str | None,
                      status: str) -> None:
    assert_status(read[text], event, agent, party, status)


@pytest.mark.parametrize(("text", "event"), ABSENT)
def test_no_claim(read: dict[str, list[Claim]], text: str, event: str) -> None:
    assert_absent(read[text], event)
