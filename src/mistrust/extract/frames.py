"""The frame lexicon: which words evoke which event, and which words wrap an event in a stance.

Read this file to know what the reader understands. Each :class:`Frame` maps predicate verbs
(base forms; inflections are generated in :mod:`mistrust.extract.predicates`) and nominalisations
to one event type. The roles of an event are always the same: agent (who does it), recipient (to
whom, or the other party), item (what is moved, attacked, tested), place, time and amount; the
matcher (:mod:`mistrust.extract.claim_events`) reads them off the dependency parse, in the active
and passive voice, from relative clauses and participles, and from nominalisations ("X's supply of
drones to Y"). ``converse`` verbs name the recipient as their subject: "Y bought drones from X" is
X's transfer to Y.

Stance frames do not make events of their own: they wrap the event they govern and say who says
so (``SPEECH``: speech acts attributed to their speaker) or who is blamed (``ACCUSE``: in "A
accuses B of shipping fuel", B is the doer and A the source).

Every entry stands for a pattern of English, tested in ``tests/test_extract_frames.py`` on
sentences written for the tests.
"""

from __future__ import annotations

from dataclasses import dataclass

EXTRACTOR = "frames-v5"


@dataclass(frozen=True)
class Frame:
    event: str  # the normalised predicate stored on a claim
    verbs: tuple[str, ...] = ()
    nouns: tuple[str, ...] = ()
    # verbs whose subject receives: "Y received / bought / obtained X from Z" is Z -> Y
    converse: tuple[str, ...] = ()
    # the other party is the thing that matters ("supplied drones to Y": Y, with drones the item)
    party_object: bool = False
    # a speech act: the claim is the speaker's word (attributed to its subject)
    speech: bool = False
    # agent nouns: the noun is the doer and its "of" / compound / possessive the other party
    # ("X, a financier of Y", "Y's main supplier, X", "X is a backer of Y")
    agents: tuple[str, ...] = ()
    # agent nouns of the receiving end: the noun receives and the goods' origin, its "from" or
    # its possessor gives ("X, the main buyer of Iranian oil", "Y's biggest customer, X")
    receivers: tuple[str, ...] = ()
    # nouns of the receiving end: their owner takes in what the goods' origin or "from" gives
    # ("X's imports of oil from Y", "Z's purchases of Y-ian crude", "imports of Y-ian drones by X")
    converse_nouns: tuple[str, ...] = ()


FRAMES: tuple[Frame, ...] = (
    Frame("cooperate", verbs=("cooperate", "collaborate", "partner", "ally", "team", "conspire", "coordinate"),
          nouns=("cooperation", "co-operation", "collaboration", "collaborations", "partnership", "partnerships",
                 "alliance", "axis", "ties", "conspiracy", "coordination"), party_object=True),
    Frame("trade", verbs=("trade",), nouns=("dealings", "trade", "transaction", "transactions"), party_object=True),
    Frame("transfer", verbs=("transfer", "ship", "deliver", "export", "smuggle", "send", "sell", "provide",
                             "transport", "re-export", "transship", "divert", "funnel", "pass", "ferry", "carry"),
          nouns=("transfer", "transfers", "shipment", "shipments", "delivery", "deliveries", "export", "exports",
                 "sale", "sales", "smuggling", "transport", "re-export", "re-exports", "transshipment",
                 "transshipments", "diversion", "diversions"),
          converse=("receive", "get", "obtain", "acquire", "accept", "buy", "purchase", "import", "procure",
                    "order"),
          agents=("seller", "sellers", "exporter", "exporters", "smuggler", "smugglers"),
          receivers=("recipient", "recipients", "buyer", "buyers", "customer", "customers", "importer", "importers",
                     "purchaser", "purchasers"),
          converse_nouns=("import", "imports", "purchase", "purchases", "acquisition", "acquisitions",
                          "procurement"), party_object=True),
    Frame("supply", verbs=("supply", "furnish", "equip", "arm"), nouns=("supply", "supplies", "provision"),
          agents=("supplier", "suppliers", "provider", "providers"), party_object=True),
    Frame("support", verbs=("support", "help", "assist", "aid", "back", "sponsor", "train", "facilitate", "enable",
                            "bolster"),
          nouns=("support", "assistance", "help", "aid", "backing", "expertise", "sponsorship", "training",
                 "facilitation"),
          agents=("backer", "backers", "sponsor", "sponsors", "patron", "patrons"), party_object=True),
    Frame("fund", verbs=("fund", "finance", "bankroll", "pay", "channel"),
          nouns=("funding", "financing", "payment", "payments"),
          agents=("financier", "financiers", "funder", "funders", "bankroller", "bankrollers"), party_object=True),
    Frame("develop", verbs=("develop", "build", "construct", "design", "produce", "manufacture", "enrich",
                            "advance", "upgrade", "create", "dig", "assemble", "research"),
          nouns=("development", "construction", "production", "enrichment", "manufacture")),
    Frame("test", verbs=("test", "launch", "fire", "detonate", "test-fire", "flight-test"),
          nouns=("test", "tests", "launch", "launches", "detonation")),
    Frame("acquire", verbs=("acquire", "obtain", "procure", "buy", "purchase", "import"),
          nouns=("acquisition", "procurement", "purchase", "purchases")),
    Frame("sanction", verbs=("sanction", "designate", "blacklist", "penalize", "penalise", "embargo", "freeze"),
          nouns=("sanctions", "designation", "designations", "embargo", "blacklisting", "penalties"),
          party_object=True),
    Frame("violate", verbs=("violate", "breach", "evade", "circumvent", "flout", "contravene", "defy", "bust"),
          nouns=("violation", "violations", "breach", "breaches", "evasion", "circumvention", "contravention",
                 "defiance"), party_object=True),
    Frame("deny", verbs=("deny", "reject", "dismiss", "refute", "rebuff", "disavow"),
          nouns=("denial", "denials", "rejection", "refutation")),
    Frame("attack", verbs=("attack", "strike", "bomb", "hack", "target", "kill", "invade", "shell", "assault",
                           "raid", "assassinate", "shoot"),
          nouns=("attack", "attacks", "strike", "strikes", "airstrike", "airstrikes", "air-strike", "air-strikes",
                 "bombing", "bombings", "assault", "assaults", "invasion", "raids", "shelling", "killing",
                 "killings", "assassination", "assassinations", "incursion", "incursions", "siege",
                 "sieges"), party_object=True),
    Frame("cyberattack", nouns=("cyberattack", "cyberattacks", "cyber-attack", "cyber-attacks", "hack", "hacks",
                                "hacking", "intrusion", "intrusions"), party_object=True),
    Frame("steal", verbs=("steal", "loot", "embezzle", "launder", "siphon"),
          nouns=("theft", "thefts", "heist", "heists", "laundering", "embezzlement")),
    Frame("threaten", verbs=("threaten",), nouns=("threat", "threats"), party_object=True),
    Frame("warn", verbs=("warn", "caution"), nouns=("warning", "warnings"), party_object=True, speech=True),
    Frame("condemn", verbs=("condemn", "criticize", "criticise", "denounce", "slam", "blast", "protest", "decry",
                            "deplore", "censure", "object"),
          nouns=("condemnation", "protest", "criticism", "denunciation", "censure", "objection", "objections"),
          party_object=True, speech=True),
    Frame("seize", verbs=("seize", "intercept", "confiscate", "impound", "detain", "arrest", "raid", "board",
                          "interdict", "capture"),
          nouns=("seizure", "seizures", "interception", "interceptions", "confiscation", "impoundment", "detention",
                 "interdiction", "interdictions", "capture")),
    Frame("deploy", verbs=("deploy", "station", "dispatch", "redeploy"),
          nouns=("deployment", "deployments", "stationing", "dispatch"),
          party_object=True),
    Frame("meet", verbs=("meet", "visit", "host", "negotiate"),
          nouns=("talks", "meeting", "meetings", "summit", "visit", "visits", "negotiation", "negotiations"),
          party_object=True),
    Frame("agree", verbs=("agree", "sign", "conclude"),
          nouns=("agreement", "agreements", "deal", "deals", "accord", "accords", "pact", "pacts", "treaty",
                 "treaties", "contract", "contracts"), party_object=True),
    Frame("operate", verbs=("operate", "run", "control", "own", "manage")),
    Frame("resume", verbs=("resume", "restart")),
)

# -- words that shape how frames are read -----------------------------------------------------

# Nouns of an activity that is only an event when it is shared: "joint work on missiles", "their
# bilateral research" is cooperation on that work (see ``JOINT``); "work" alone is no event.
JOINT_ACTIVITY = frozenset({"work", "works", "effort", "efforts", "project", "projects", "research",
                            "programme", "programmes", "program", "programs", "venture", "ventures",
                            "activity", "activities", "exercise", "exercises", "drills", "operation",
                            "operations", "study", "studies", "initiative", "initiatives"})
# Nouns of a relation that is an event only when a phase verb acts on it: "restored diplomatic
# relations", "renewed contacts" (while "his contacts with a diplomat" or "relations soured" are not).
PHASED_RELATIONS = frozenset({"contacts", "relations", "links", "exchanges", "dialogue"})
JOINT = frozenset({"joint", "mutual", "bilateral", "collaborative", "cooperative", "combined", "shared",
                   "trilateral", "common"})

# Verbs of starting, continuing or intensifying: with an event-noun object ("renewed their
# cooperation", "stepped up joint work") the noun is the event and the verb only its phase, so the
# verb never makes a claim of its own there (no "X resume cooperation" next to "X cooperate Y").
ASPECTUAL = frozenset({"complete", "finish", "finalize", "finalise", "resume", "restart", "renew", "revive",
                       "reactivate", "reestablish", "re-establish",
                       "restore", "continue", "begin", "start", "launch", "expand", "deepen", "strengthen",
                       "step", "intensify", "broaden", "widen", "enhance", "boost", "bolster", "reinforce",
                       "ramp", "scale", "accelerate", "maintain", "keep", "pursue", "extend", "further",
                       "increase", "upgrade", "advance", "build", "forge", "establish", "develop"})

# Verbs whose meaning is carried by their object noun ("resumed cooperation", "conducted a test").
LIGHT_VERBS = ASPECTUAL | frozenset({
                         "conduct", "carry", "undertake", "provide", "give", "offer", "receive",
                         "make", "have", "pursue", "involve", "include", "seek", "get", "extend", "maintain",
                         "impose", "reimpose", "slap", "levy", "announce", "unveil", "adopt", "sign", "approve", "lift", "ease",
                         "tighten", "hold", "issue", "voice", "express",
                         # "ordered strikes", "mounted an attack": who orders or mounts is the actor
                         "order", "authorize", "authorise", "mount", "stage", "wage",
                         "orchestrate", "direct", "perpetrate",
                         # "placed sanctions on X", "committed violations", "inflicted strikes on Y"
                         "place", "put", "commit", "inflict"})

# Verbs of making a deal: with an agreement noun as object and its other party after "with"
# ("agreed / inked / sealed a supply deal with Y") the noun is the agreement and the verb's subject
# its party, as with "signed". A broker or a mediator is no party ("broker" is not here), and
# negotiating a deal is talks, not yet an agreement ("negotiate" reads as a meeting).
DEAL_MAKING = frozenset({"agree", "strike", "ink", "seal", "clinch", "conclude", "reach", "secure"})

# Objects that turn a verb into another event: "struck a deal" is an agreement, "launched a probe"
# an investigation (no predicate of ours), not an attack or a missile test.
OBJECT_OVERRIDES: dict[tuple[str, str], str | None] = {
    ("attack", "deal"): "agree", ("attack", "agreement"): "agree", ("attack", "accord"): "agree",
    ("attack", "bargain"): "agree", ("attack", "compromise"): "agree", ("attack", "tone"): None,
    ("attack", "balance"): None, ("attack", "chord"): None, ("attack", "note"): None,
    # "shot down a missile", "downed incoming rockets": an interception, no party attacked
    ("attack", "missile"): None, ("attack", "missiles"): None, ("attack", "rocket"): None,
    ("attack", "rockets"): None,
    ("test", "probe"): None, ("test", "investigation"): None, ("test", "inquiry"): None,
    ("test", "campaign"): None, ("test", "review"): None, ("test", "initiative"): None,
    ("test", "website"): None, ("test", "app"): None, ("test", "bid"): None, ("test", "appeal"): None,
    ("transfer", "tweet"): None, ("transfer", "message"): None, ("transfer", "letter"): None,
    ("transfer", "signal"): None, ("transfer", "email"): None, ("transfer", "condolences"): None,
    # "received the Iranian proposal", "got a French invitation": words and visits are not goods
    ("transfer", "proposal"): None, ("transfer", "offer"): None, ("transfer", "invitation"): None,
    ("transfer", "request"): None, ("transfer", "reply"): None, ("transfer", "response"): None,
    ("transfer", "delegation"): None, ("transfer", "visit"): None, ("transfer", "call"): None,
    # "provided no evidence", "gave details", "sent assurances": statements, not goods
    ("transfer", "evidence"): None, ("transfer", "proof"): None, ("transfer", "details"): None,
    ("transfer", "explanation"): None, ("transfer", "assurances"): None, ("transfer", "apology"): None,
    ("transfer", "resignation"): None,
}

# Particles that make an event verb another verb, by base form: "struck up a friendship" begins one,
# "the minister shot back at critics" retorts, "shot off a missile" launches it (while "struck back
# at X" stays an attack).
PARTICLE_OVERRIDES: dict[tuple[str, str], str | None] = {
    ("strike", "up"): None, ("shoot", "back"): None, ("shoot", "off"): "test"}
# Attack verbs whose everyday senses hit no one ("shot a film", "prices shot up", "a policy that
# shoots for the stars", "the speech shot him to fame"): an attack only when shooting down or at.
TARGET_NEEDED = frozenset({"shoot"})

# "some kind of deal", "a new form of attack": the noun after "of" is the one that counts.
KIND_NOUNS = frozenset({"kind", "kinds", "sort", "sorts", "type", "types", "form", "forms"})
# Event nouns whose "from" names the giver: "aid from Iran", "sanctions from the EU".
FROM_GIVER = frozenset({"support", "supply", "transfer", "sanction"})

# Stance verbs whose object is the doer of the event in their "of"-gerund: "A accused B of
# shipping fuel" is B shipping fuel, on A's word; "B was charged with / suspected of smuggling"
# likewise names B (the accuser, when named, is the source).
ACCUSE = frozenset({"accuse", "charge", "blame", "suspect", "implicate", "indict", "convict", "fault",
                    # "criticized China for providing aid": blame in a speech act
                    "criticize", "criticise", "condemn", "denounce", "rebuke", "slam"})
# Which of them leave the proposition uncertain rather than asserted by the accuser.
ACCUSE_HEDGED = frozenset({"suspect"})
# Verbs of naming and finding whose object an "as"-phrase describes: "the panel identified B as the
# supplier of drones to C" is B supplying C, on the panel's word; the namer, when named, is the
# source ("B was named as a buyer of X" names none). Base forms.
NAME_AS = frozenset({"identify", "name", "describe", "list", "designate", "brand", "label", "cite", "portray",
                     "characterize", "characterise", "depict", "expose", "unmask", "single"})
# Verbs of finding whose passive raises the doer: "B was found to have shipped X", "B has been shown
# to supply Y" is B's act on the finder's word, as an accusation is on the accuser's (attributed,
# the finder the source when named: "found by the panel to have"; nobody named, an unnamed source,
# as "it was reported that"). Base forms.
FOUND_TO = frozenset({"find", "show"})

# Prepositions and participles that name where goods go: "drones to Y", "bound for Y",
# "destined for Y", "intended for Y", "delivered into Y".
RECIPIENT_PREPS = ("to", "for", "into")
# Transfer verbs with another everyday sense that has no one the thing goes to: "Congress passed
# the bill", "a resolution passed by the council" approve, while "passed the files to X" or
# "passed X the plans" hands over. They are a transfer only with a "to" / "into" party or a dative.
RECIPIENT_NEEDED = frozenset({"pass"})
DESTINATION_PARTICIPLES = frozenset({"bound", "destined", "intended", "headed", "meant", "earmarked"})

# People a state sends abroad: "North Korean technicians working at sites in Syria", "Russian
# instructors in Mali" are a deployment of their state to the place.
PERSONNEL_NOUNS = frozenset({"technicians", "advisers", "advisors", "instructors", "specialists", "engineers",
                             "experts", "troops", "soldiers", "mercenaries", "personnel", "forces",
                             "fighters", "officers", "operatives", "contractors"})
# Nouns and participles that say where goods come from: "of Iranian origin", "of Russian design
# and manufacture", "Iranian-made", "Chinese-built" (read with a destination participle, above).
ORIGIN_WORDS = frozenset({"origin", "design", "manufacture", "make", "provenance", "made", "built",
                          "manufactured", "produced", "supplied"})
# Verbs of using or holding goods: the subject of such a verb holds what a clause on its object
# says was sent ("Moscow fires drones that were sent by Tehran": Moscow received them).
HOLD_VERBS = frozenset({"use", "fire", "launch", "deploy", "operate", "field", "have", "possess", "employ",
                        "hold", "store", "fly"})
# "launched missiles at X", "fired rockets into Y": a launch with a target is an attack on it.
TARGET_PREPS = ("at", "against", "on", "into")

# "took delivery of X from Y", "took possession of": the subject receives what the noun moves.
TAKE_DELIVERY = frozenset({"take"})

# "in violation of", "in breach of": manner phrases whose event noun is done by the doer of the
# verb they modify.
MANNER_PREPS = frozenset({"in", "with"})
# "with the help of X", "through the backing of Y": means phrases whose support noun is given by
# its "of" phrase to the doer of the verb they modify.
MEANS_PREPS = frozenset({"with", "through", "thanks", "via"})
# Nouns of an act that a manner phrase hangs on the clause it qualifies ("in a move condemned by X").
ACT_NOUNS = frozenset({"move", "step", "decision", "action", "act"})
# Mention kinds that can be where goods come from ("Iranian missiles", "Chinese parts").
ORIGIN_LABELS = frozenset({"Country", "Nationality"})
# Verbs of goods arriving or moving, and the nouns of goods and their carriers: "Iranian tankers
# arrived in Venezuela", "arms flowed into Sudan from Chad" are a transfer from the goods' origin
# (or the "from" place) to where they arrive (a person arriving is a visit).
ARRIVAL = frozenset({"arrive", "dock", "reach", "land", "unload", "sail", "head", "steam", "flow", "pour",
                     "stream", "flood"})
CARGO_NOUNS = frozenset({"tanker", "tankers", "ship", "ships", "vessel", "vessels", "freighter", "freighters",
                         "cargo", "cargoes", "shipment", "shipments", "consignment", "consignments", "fuel",
                         "oil", "gasoline", "petrol", "diesel", "weapons", "arms", "missiles", "drones", "jets",
                         "aircraft", "helicopters", "ammunition", "rockets", "flotilla", "convoy", "barges"})
# Verbs that are a violation when their object is a measure ("broke EU sanctions", "skirted the
# embargo"), and something else otherwise ("broke the news", "ignored the question").
MEASURE_BREAKING = frozenset({"break", "skirt", "dodge", "bypass", "sidestep", "ignore", "undermine"})
# Verbs that are a seizure when their object is a ship or cargo ("stopped a dhow", "held the
# tanker") and something else otherwise ("stopped the talks", "held a meeting").
CARRIER_STOPPING = frozenset({"stop", "halt", "hold"})
# Verbs that are a protest to a state when their object is its envoy: "summoned the Iranian
# ambassador", "Peru summoned Chile's envoy" (X protests to Y); "summoned the minister to testify"
# or "summoned witnesses" is no protest.
ENVOY_SUMMONING = frozenset({"summon"})
# "claimed responsibility for an attack": who claims or takes responsibility for an event did it.
RESPONSIBILITY_VERBS = frozenset({"claim", "take", "accept", "admit", "bear"})
# Measures a body issues against a party: their modifier names the body ("EU sanctions", "a U.N. arms
# embargo"), and when they "target" or "hit" a party, that is a sanction.
MEASURE_NOUNS = frozenset({"sanctions", "sanction", "measures", "designations", "restrictions", "penalties",
                           "embargo", "embargoes", "resolution", "resolutions", "ban", "bans"})
# Verbs that take a gerund for what their subject does, stops or denies doing ("denied selling
# rifles", "resumed shipping oil"); the small parser often reads the gerund as a compound noun.
GERUND_VERBS = frozenset({"admit", "stop", "cease", "halt", "resume", "continue", "begin", "start", "keep",
                          "avoid", "suspend", "deny"})
# Verbs that hit a party with a measure: "X hit Y with sanctions", "slapped Y with an embargo",
# "punished Y with a new round of sanctions" (X sanctions Y).
PUNISHING_VERBS = frozenset({"hit", "slap", "punish", "target", "threaten", "penalize", "penalise", "sanction",
                             "strike", "pummel", "saddle", "burden"})
# Verbs by which a party confirms a deal of its own: "Iran confirmed the purchase of jets from
# Russia", "officials in X acknowledged the sale of drones to Y" (the noun names no other doer).
CONFIRMING_VERBS = frozenset({"confirm", "acknowledge", "admit"})
CONFIRMED_EVENTS = frozenset({"acquire", "transfer", "agree"})
# Participles of handing out that name the giver of what a party receives: "Tuvalu received aid
# distributed by Fiji", "the town got food donated by Samoa" (the participle's agent gives). Base
# forms; the transfer, supply, support and funding verbs count too.
GIVING_PARTICIPLES = frozenset({"distribute", "donate", "give", "grant", "hand", "allocate", "pledge"})
# Verbs that put a party on a list, and the lists that are sanctions: "X was added to the sanctions
# list", "placed Y on its blacklist", "put Z on the entity list" (not "added to the list of speakers").
LISTING_VERBS = frozenset({"add", "place", "put", "include", "list"})
BLACKLISTS = frozenset({"blacklist", "blacklists", "black-list"})
LIST_KINDS = frozenset({"sanctions", "sanction", "sdn", "entity", "terror", "terrorist", "black", "designation",
                        "designations", "embargo"})
# Nouns of a batch of measures: "a new round of sanctions", "a package of penalties".
MEASURE_BATCHES = frozenset({"round", "rounds", "package", "packages", "wave", "waves", "set", "raft", "series",
                             "slew", "batch"})
# Participles that make the noun they modify the doer of a gerund after them: "firms involved in
# shipping parts", "a network engaged in smuggling fuel".
ENGAGED = frozenset({"involved", "engaged", "implicated", "complicit", "active", "instrumental"})
# Verbs whose subject undergoes the event that is their object: "Belarus faces sanctions from the
# EU", "the town suffered strikes by X" (the subject is the target, the "from"/"by" phrase the doer).
UNDERGOING_VERBS = frozenset({"face", "suffer", "incur", "endure", "sustain", "withstand"})
# Verbs whose subject issues the measure that is their object: "the EU imposed sanctions", "Canada
# tightened its restrictions" (not "pushed for sanctions", "welcomed the embargo").
ISSUING_VERBS = frozenset({"impose", "reimpose", "slap", "levy", "adopt", "announce", "unveil", "tighten", "extend", "expand",
                           "renew", "introduce", "enact", "place", "put"})
# Words of dependence: "Y relies on X for funding", "Y is dependent on X for arms": X gives, Y receives.
DEPENDENCE = frozenset({"rely", "relies", "relied", "relying", "depend", "depends", "depended", "depending",
                        "reliant", "dependent", "reliance", "dependence", "dependency"})
# Nouns of quantity before the goods themselves: "a number of Turkish drones", "a batch of rifles".
QUANTITY_NOUNS = frozenset({"number", "series", "batch", "batches", "range", "set", "lot", "fleet", "pair",
                            "couple", "dozen", "dozens", "hundreds", "thousands", "consignment", "cargo",
                            # a part of a group: "the first of five tankers", "the rest of the shipment"
                            "first", "second", "third", "last", "rest", "remainder"})


def frame_of(event: str) -> Frame | None:
    """The frame whose event type is ``event``."""
    return _BY_EVENT.get(event)


_BY_EVENT = {f.event: f for f in FRAMES}
SPEECH_EVENTS = frozenset(f.event for f in FRAMES if f.speech)
PARTY_OBJECT = frozenset(f.event for f in FRAMES if f.party_object)
AGENT_NOUNS = {noun: f.event for f in FRAMES for noun in (*f.agents, *f.receivers)}
RECEIVER_NOUNS = frozenset(noun for f in FRAMES for noun in f.receivers)
CONVERSE_VERBS = frozenset(v for f in FRAMES for v in f.converse)
CONVERSE_NOUNS = {noun: f.event for f in FRAMES for noun in f.converse_nouns}

__all__ = ["ACCUSE", "DEAL_MAKING", "ACCUSE_HEDGED", "FOUND_TO", "AGENT_NOUNS", "NAME_AS", "DEPENDENCE", "MEASURE_BREAKING", "CARRIER_STOPPING", "ENVOY_SUMMONING", "RESPONSIBILITY_VERBS", "MEANS_PREPS", "ACT_NOUNS", "ORIGIN_WORDS", "PERSONNEL_NOUNS", "ARRIVAL", "ASPECTUAL", "CARGO_NOUNS", "CONVERSE_NOUNS", "CONVERSE_VERBS", "DESTINATION_PARTICIPLES", "RECIPIENT_NEEDED", "ENGAGED", "EXTRACTOR", "FRAMES",
           "FROM_GIVER", "GERUND_VERBS", "JOINT", "JOINT_ACTIVITY", "KIND_NOUNS", "LIGHT_VERBS", "OBJECT_OVERRIDES", "PARTICLE_OVERRIDES", "PHASED_RELATIONS", "TARGET_NEEDED", "HOLD_VERBS", "ISSUING_VERBS", "MANNER_PREPS", "MEASURE_NOUNS", "ORIGIN_LABELS",
           "PARTY_OBJECT", "CONFIRMING_VERBS", "CONFIRMED_EVENTS", "GIVING_PARTICIPLES", "LISTING_VERBS", "BLACKLISTS", "LIST_KINDS", "PUNISHING_VERBS", "MEASURE_BATCHES", "QUANTITY_NOUNS", "RECEIVER_NOUNS", "RECIPIENT_PREPS", "SPEECH_EVENTS", "TAKE_DELIVERY", "TARGET_PREPS", "UNDERGOING_VERBS", "Frame", "frame_of"]
