"""Status of a claim: asserted, attributed, hedged or denied; and the main-claim status of a text.

Precedence is denied > hedged > attributed > asserted: a denial reported by someone is still a
denial, and "X reportedly shipped" is weaker than a plain attribution. Cues are looked up per
token (one pass, set membership), over a token range given by the caller (a claim's clause).

``main_status`` reads headline-style texts (Emergent): the status of the sentence's main verb and
whatever governs it, plus headline conventions ("Report: ...", "... -- sources", a question mark).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from mistrust.extract.cues import DOCUMENT_NOUNS, EVIDENCE_NOUNS, KICKERS, RELATIVE
from mistrust.extract.frames import (
    ASPECTUAL,
    CONVERSE_VERBS,
    ISSUING_VERBS,
    KIND_NOUNS,
    LIGHT_VERBS,
    MEASURE_BATCHES,
    QUANTITY_NOUNS,
    SPEECH_EVENTS,
    TAKE_DELIVERY,
    UNDERGOING_VERBS,
)
from mistrust.extract.predicates import inflections, noun_predicate
from mistrust.extract.speakers import grounds_holder
from mistrust.extract.syntax import finite as finite_verb
from mistrust.extract.syntax import to_infinitive
from mistrust.model.documents import ClaimStatus, Extraction
from mistrust.model.roles import BODY_NOUNS, HEAD_NOUNS, ROLE_NOUNS
from mistrust.model.sentences import sentence_span
from mistrust.model.vocabulary import STATUS_PRECEDENCE

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

EXTRACTOR = "status-v5"  # v2: negation and hedges scoped by clause (see _link); v3: a denial verb reaches
# only what it denies (see denial_reaches); v4: an event noun only envisaged is hedged (see _envisaged);
# v5: a subject naming no one negates, a verb of occurrence carries its event, a modal noun hedges its
# content, a negated "can" is out of reach (see _future), an envisaging preposition's gerund is envisaged

PRECEDENCE = STATUS_PRECEDENCE

# Verbs that deny or refute what follows them (base forms; inflections generated).
DENIAL_VERBS = ("deny", "reject", "dismiss", "refute", "rebut", "disavow", "debunk", "dispute", "contradict",
                "disprove", "rubbish", "slam", "repudiate", "retract", "disown", "quash", "squash", "scotch",
                "counter", "discredit", "bust", "correct")
DENIAL_FORMS = frozenset(f for v in DENIAL_VERBS for f in inflections(v))
# Negators only count as denial when they negate the main event, not anywhere in the text.
NEGATORS = frozenset({"not", "n't", "never", "no", "nothing", "none", "nobody", "neither", "nor", "without"})
# Subordinators of time, cause and concession: their clause is taken as given ("after X shipped").
# "if", "unless" and "whether" are left out: a condition or a question is not given.
PRESUPPOSING = frozenset({"after", "before", "since", "because", "when", "while", "once", "as", "although",
                          "though", "until", "whereas"})
# Prepositions whose object is taken as given ("after the talks", "following the seizure").
GIVEN_PREPS = PRESUPPOSING | {"following"}
# Verbs of ending an activity: negated ("never stopped shipping") the activity goes on.
CESSATION = frozenset(f for v in ("stop", "cease", "halt", "quit", "end", "suspend", "abandon") for f in inflections(v))
# Subjects that name nobody, or next to nobody: "nobody denies", "few dispute".
NOBODY = frozenset({"nobody", "none", "noone", "few"})
# Subjects that negate their own clause: "nobody shipped arms", "none of the firms sold", "nothing was
# sent" (and a noun under "no": "no country supplied", "no one sold"). "few" is somebody.
NEGATIVE_SUBJECTS = frozenset({"nobody", "none", "nothing", "noone"})
# Verbs whose subject is an event that comes about ("the sale took place", "a deal that never
# happened", "the strike did not occur"): their negation, modal or tense are the event's own.
OCCURRENCE_FORMS = frozenset(f for v in ("happen", "occur", "materialise", "materialize", "transpire")
                             for f in inflections(v))
_TAKE_FORMS = frozenset(inflections("take"))
# Adjectives that say a denial can hardly be made: "it is hard to deny that X".
HARD_TO = frozenset({"hard", "difficult", "impossible"})
# Verbs that turn an act down ("refused to sell X", "declined to send"): like an aim given up (see
# ``INTENT_FORMS``), the act is neither done nor denied.
TURNED_DOWN_FORMS = frozenset(f for v in ("refuse", "decline") for f in inflections(v))
# Verbs that refuse what their complement does: "declined to deny", "refused to confirm or deny".
REFUSALS = TURNED_DOWN_FORMS | frozenset(inflections("fail"))
# Words that make a negated event a rule rather than a statement: "must not supply", "urged
# firms to ensure they are not supporting X", "demanded that it stop shipping". What follows them
# is required or forbidden, not said to have happened or not.
PRESCRIPTIVE_MODALS = frozenset({"must", "should", "shall"})
PRESCRIPTIVE_VERBS = frozenset(f for v in ("ensure", "urge", "demand", "require", "order", "instruct", "ask",
                                           "call", "oblige", "compel")
                               for f in inflections(v))

# What one refuses or protests rather than denies: a proposal, a request, a measure. "Caracas
# rejected the offer", "Beijing rejected the sanctions" turn something down; only a claim ("the
# report", "any involvement", "that it shipped") can be denied.
REFUSED_THINGS = frozenset({
    "offer", "offers", "proposal", "proposals", "request", "requests", "demand", "demands", "call", "calls",
    "appeal", "appeals", "invitation", "invitations", "plan", "plans", "bid", "bids", "ultimatum", "sanction",
    "sanctions", "measure", "measures", "resolution", "resolutions", "decision", "move", "deal", "terms",
    "conditions", "application", "pressure", "interference", "mediation", "ceasefire", "truce", "aid",
    "concession", "concessions",
    # proceedings a court or body throws out: "dismissed the case", "the lawsuit"
    "case", "cases", "lawsuit", "lawsuits", "suit", "petition", "petitions", "motion",
    # what is put forward to be agreed or enacted: "rejected any land-for-peace exchange", "an aim
    # Peru rejects", "dismissed the bill as flawed"
    "exchange", "swap", "compromise", "formula", "initiative", "aim", "aims", "goal", "goals", "bill", "bills",
    "legislation", "amendment", "amendments",
})
# What an authority grants or withholds: "denied the inspectors access", "was denied entry", "denied
# visas to the delegation" deprive someone of it; nothing said is contradicted.
GRANTED_THINGS = frozenset({
    "access", "entry", "admission", "passage", "transit", "visa", "visas", "permission", "permit", "permits",
    "licence", "license", "licences", "licenses", "clearance", "asylum", "bail", "parole", "landing",
    "overflight", "exit", "opportunity", "chance",
    # means withheld from an enemy: "deny the militants safe haven", "deny the rebels resources"
    "resources", "funds", "funding", "revenue", "revenues", "haven", "sanctuary", "refuge",
})
# Nouns that name what was said: "denied the reports", "dismissed the talk as gossip".
REPORT_NOUNS = frozenset({"report", "reports", "claim", "claims", "allegation", "allegations", "assertion",
                          "assertions", "accusation", "accusations", "charge", "charges", "talk", "story",
                          "stories", "rumour", "rumours", "rumor", "rumors", "suggestion", "suggestions"})
# What else a speaker rejects when contradicting: a thought put forward ("rejected the idea",
# "dismissed the notion") or a part imputed to them ("rejected any involvement", "dismissed any link").
PROPOSITION_NOUNS = REPORT_NOUNS | frozenset({
    "idea", "ideas", "notion", "notions", "premise", "theory", "theories", "speculation", "criticism",
    "criticisms", "account", "accounts", "version", "finding", "findings", "conclusion", "conclusions",
    "characterization", "characterisation", "description", "narrative", "contention", "insinuation",
    "insinuations", "contentions", "possibility", "involvement", "role", "link", "links", "connection",
    "connections", "wrongdoing", "responsibility", "blame", "complicity", "participation", "knowledge", "gossip",
    "news",
    # what was said or shown, as words or as figures: "dismissed the remarks", "rejected the data"
    "remarks", "comments", "speech", "address", "reporting", "coverage", "information", "intelligence",
    "figures", "data",
    "it", "this", "that", "these", "those", "them"}) | EVIDENCE_NOUNS
# Verbs whose first sense is to turn something down ("rejected the accord", "dismissed the
# overture"): with a noun object they contradict only a proposition (``PROPOSITION_NOUNS``, a
# document noun, or a noun with its own "that"-clause: "rejected the view that X shipped").
# "deny", "refute", "dispute" and the like contradict whatever they take.
TURN_DOWN_VERBS = frozenset(f for v in ("reject", "dismiss", "rebuff", "repudiate", "disown", "spurn", "slam",
                                        "counter", "quash", "squash", "scotch")
                            for f in inflections(v))
# Entity types of a denial verb's object that name whom it acts on, not what is said: "dismissed the
# navy chief" removes a person, "rejected Chile" (as a member) turns a body down.
_PARTY_TYPES = frozenset({"PERSON", "ORG", "GPE", "NORP"})
_WHEN_TYPES = frozenset({"DATE", "TIME"})
# Verbs of telling whose negation withholds a statement instead of denying its content: "did not
# say whether X shipped", "has not announced any plans to seize Y", "did not disclose how many jets
# X bought". Belief verbs ("does not think X shipped") are left out: their negation is the
# speaker's own doubt. A negated "confirm" leaves the claim open (hedged).
UNSAID_VERBS = ("say", "tell", "answer", "announce", "disclose", "reveal", "specify", "comment", "mention", "report",
                "state", "explain", "detail", "elaborate", "publish", "name", "identify", "confirm", "verify")
UNSAID_FORMS = frozenset(f for v in UNSAID_VERBS for f in inflections(v)) | {"said", "told"}
# Factive verbs take their complement as a fact: "did not know that X shipped", "has not realised
# that X shipped" say that someone was unaware of it, not that it did not happen.
FACTIVE_FORMS = frozenset(f for v in ("know", "realise", "realize", "notice")
                          for f in inflections(v))
UNCONFIRMED_FORMS = frozenset(f for v in ("confirm", "verify") for f in inflections(v))
# Words of wanting, planning and intending: the event under them is an aim, not a fact. A negation
# over the aim ("does not want to supply X", "is not planning to ship", "has no plans to sell",
# "doesn't have any intention of selling") says what someone does not mean to do: nothing is
# denied to have happened, and the event is left open (hedged), as after a reluctant adjective
# ("is unwilling to supply X", "reluctant to send"). A plain aim is no deed either: "is willing to
# supply", "is ready to ship", "has plans to sell" are never the outlet's assertion that the event
# happened (hedged), while a deed told beside the aim ("plans to sell jets after it delivered
# tanks") keeps its own status. An aim someone is cited for ("Moscow is ready to deliver, the
# envoy said"; "plans to", "wants to" are their holder's word, see ``cues.XCOMP_OK``) stays that
# source's attributed claim, as the claims set's README labels it (hedged is for doubt: may,
# reportedly, believed). A decision is no aim: "decided to expel the envoy" mostly reports the act
# itself. A denial verb over an aim still denies ("denied that it planned to ship").
DECISION_FORMS = frozenset(inflections("decide"))
INTENT_FORMS = frozenset(f for v in ("want", "wish", "plan", "intend", "hope", "aim", "seek", "expect",
                                     "prepare", "propose")
                         for f in inflections(v)) | DECISION_FORMS
INTENT_NOUNS = frozenset({"plan", "plans", "intention", "intentions", "intent", "desire", "wish", "wishes",
                          "interest", "ambition", "ambitions", "aim", "aims", "appetite", "inclination"})
DISPOSITION_ADJECTIVES = frozenset({"willing", "ready", "prepared", "eager", "keen", "inclined", "determined"})
RELUCTANT_ADJECTIVES = frozenset({"unwilling", "reluctant", "loath", "loth", "disinclined", "unprepared"})

# Nouns of denial and the prepositions that set them beside a claim as a concession: "despite
# denials by X", "amid X's denials", "in spite of repeated rejections from X".
DENIAL_NOUNS = frozenset({"denial", "denials", "rejection", "rejections", "refutation", "refutations"})
CONCESSIVE_PREPS = frozenset({"despite", "amid", "amidst", "notwithstanding", "spite"})

# "would"/"should"/"can" are left out: conditional and reported-speech uses dominate in news.
HEDGE_MODALS = frozenset({"may", "might", "could"})
HEDGE_ADVERBS = frozenset({
    "reportedly", "allegedly", "apparently", "possibly", "probably", "likely", "perhaps", "maybe",
    "purportedly", "supposedly", "seemingly", "ostensibly", "presumably", "potentially", "unconfirmed",
    "rumored", "rumoured", "speculation", "rumor", "rumour", "rumors", "rumours", "claim", "claims",
    "claimed", "alleged", "suspected", "purported", "possible", "unverified", "uncertain", "unclear",
    "potential",  # "potential arms transfers to X": an event that may happen or have happened
})
# Modifiers that make an event noun a prospect, not a deed: "a proposed sale", "the planned
# shipment", "a would-be deal" ("possible", "potential" are in ``HEDGE_ADVERBS``). Read on the noun
# itself as an adjective or participle modifier; a modifier that looks back ("the failed sale", "the
# completed delivery") is not one of them.
IRREALIS_MODIFIERS = frozenset({
    "proposed", "planned", "prospective", "future", "eventual", "hypothetical", "mooted", "intended",
    "contemplated", "envisaged", "envisioned", "projected", "putative", "pending", "impending", "upcoming",
    "forthcoming", "threatened",
})
# ("anticipated" is left out, mostly praise: "the most anticipated meeting"; so are "imminent" and
# "looming", mostly on a danger that is already there: "an imminent threat")
# Verbs (and the prepositions they take the event with; "" for a direct object) that only envisage
# an event, whatever their tense: "paved the way for the sale", "talks aimed at a delivery",
# "warned of a transfer", "threatened sanctions", "called for sanctions", "risks sanctions". The
# event under them is hedged (like an aim, see ``INTENT_FORMS``), and no negation above reaches it
# ("did not call for sanctions" denies no sanctions). "lead to", "result in" are left out: "led to
# sanctions" says the sanctions came; only a modal over them hedges (see ``CONSEQUENCE_FORMS``).
# These are the noun-object side of the aims (``INTENT_FORMS`` take an infinitive: "plans to sell")
# and of ``MODAL_NOUNS`` (which take an "of"-phrase: "the risk of sanctions"), read in the same walk.
_ENVISAGING = {
    "aim": ("at", "for", "toward", "towards"), "plan": ("for",), "prepare": ("for",), "push": ("for",),
    "press": ("for",), "call": ("for",), "lobby": ("for",), "campaign": ("for",), "hope": ("for",),
    "work": ("toward", "towards"), "move": ("toward", "towards"), "angle": ("for",), "negotiate": ("for",),
    "seek": ("",), "threaten": ("",), "risk": ("",), "propose": ("",), "envisage": ("",),
    "envision": ("",), "contemplate": ("",), "mull": ("",), "weigh": ("",),
    "warn": ("of", "about", "against"),
}
# ("consider" is left out: "consider the threat (to be) grave" judges its object, and the parser
# often hangs the predicate elsewhere)
ENVISAGING_FORMS = {f: frozenset(preps) for v, preps in _ENVISAGING.items() for f in inflections(v)}
# Nouns of an idiom whose preposition envisages: "pave / clear the way for", "open the door to".
ENVISAGING_IDIOMS = {"way": ("for",), "door": ("to",), "path": ("for", "to"), "ground": ("for",)}
# Prepositions that put an event off till later: "pending the delivery of the jets".
ENVISAGING_PREPS = frozenset({"pending"})
# Verbs of consequence: their object is what would follow, not an event taken as given ("could lead
# to the signing of a treaty"): a hedge above reaches it, as it reaches an indefinite noun.
CONSEQUENCE_FORMS = {f: frozenset(preps) for v, preps in (("lead", ("to",)), ("result", ("in",)))
                     for f in inflections(v)}
# Verbs that hedge a raised complement: "is said to", "appears to", "is believed to".
HEDGE_RAISING = frozenset({"say", "said", "believe", "believed", "think", "thought", "report", "reported",
                           "allege", "alleged", "suspect", "suspected", "rumor", "rumored", "rumour", "rumoured",
                           "expect", "expected", "understand", "understood", "know", "known", "feared",
                           "appear", "appears", "appeared", "seem", "seems", "seemed", "suggest", "suggests",
                           "suggested"})
# Verbs of assessment, the register of intelligence and investigative findings ("we assess that",
# "it is assessed that", "the agency judges that"): a belief, read like "believe" ("will judge
# whether" weighs a question, read as one by ``_open_question``; "judge" the noun is no cue, see
# ``cues.CLAUSE_ONLY``).
ASSESSMENT_VERBS = ("assess", "judge")
# "worry" and "concerned" are fear in the register of officials ("Washington is worried X plans to
# ship", "concerned that X may send"): a feared event, not a stated one ("concerning" is left out:
# mostly a preposition, "reports concerning X").
HEDGE_VERBS = frozenset(f for v in ("appear", "seem", "suggest", "suspect", "speculate", "allege", "rumor",
                                    "rumour", "believe", "fear", "hint", "claim", "indicate", "worry",
                                    *ASSESSMENT_VERBS)
                        for f in inflections(v)) | {"concerned"}
# Verbs of belief and assertion hedge only when nobody is named as holding the belief ("it is
# believed", "it is assessed", "the claimed attack"): "officials believe X", "the agency assesses X"
# or "Washington claims X" is the speaker's word, attributed to them (doubt verbs such as "suspect"
# or "fear" hedge even with a subject).
SPEAKER_VERBS = frozenset(f for v in ("believe", "allege", "claim", "indicate", *ASSESSMENT_VERBS)
                          for f in inflections(v))


def doubt_cue(cue: str) -> bool:
    """True for a cue of doubt ("suspect", "fear", "appear"): it hedges even with a named holder,
    unlike a belief or assertion verb (``SPEAKER_VERBS``)."""
    words = cue.lower().split()
    return bool(words) and words[-1] in HEDGE_VERBS and words[-1] not in SPEAKER_VERBS


def merge(*statuses: ClaimStatus | None) -> ClaimStatus:
    """The strongest of several statuses (denied > hedged > attributed > asserted)."""
    best: ClaimStatus = "asserted"
    for s in statuses:
        if s is not None and PRECEDENCE[s] > PRECEDENCE[best]:
            best = s
    return best


def _raises(tok: Token) -> bool:
    """True for "is said to have", "appears to", "believed to be": a raising verb with an xcomp."""
    return any(c.dep_ == "xcomp" for c in tok.children)


def governing_status(head: Token, stop: int | None = None, sourced: bool = False) -> ClaimStatus:
    """Status from the predicate's own modifiers and the verbs that govern it.

    Walks from the predicate up the dependency tree (at most a few steps) and looks at each
    verb's auxiliaries, negation and adverbs; a denial verb above the predicate denies it
    ("Tehran denied shipping parts"). ``stop`` is a token index not to climb past (e.g. an
    attribution cue whose status is decided separately). ``sourced``: someone is cited for the
    event, so an aim over it is that source's word, not a hedge (see ``INTENT_FORMS``).
    """
    status: ClaimStatus = "asserted"
    tok: Token | None = head
    via = ""  # how the walk reached ``tok``: "conj" from a verb coordinated with it
    below = ""  # the word the walk came from
    # the walk has passed a word of wanting or planning: a negation on it, or on the verb that has
    # an aim noun ("does not have any plans to"), bears on the aim, up to this depth
    aim_reach = -1
    # the links climbed below the current word: an aim hedges only its own act, reached through
    # verb complements ("plans to continue selling"), not an act inside a noun or a phrase it
    # governs ("is prepared to defend its decision to impose sanctions": the sanctions are imposed)
    climbed: list[str] = []
    # How the event lies below the current word (see ``_link``). A negation marks only its own verb
    # phrase: once the event was passed as a noun that a verb refers to without realising it ("did
    # not discuss a deal"), no negation above bears on it; once it was passed as a finite clause or
    # a noun's content ("did not claim that X shipped"), a negation above withholds or doubts it.
    # A hedge ("may", "reportedly") marks the whole sentence it stands in, adjuncts included, but
    # not an event a definite noun takes as given ("could end the sanctions on X").
    negation_reaches = hedge_reaches = True
    complement = finite = False
    below_tok: Token | None = None
    for depth in range(6):
        if tok is None:
            break
        # "warned of a transfer", "paving the way for the sale": read once, for the link and the hedge
        envisaged = below_tok is not None and _envisaged(tok, below_tok, head)
        link = "own" if below_tok is None else _link(tok, below_tok, head, envisaged)
        complement = complement or link == "complement"
        # a finite clause below ("cannot change that X killed Y"): a negated future or ability over
        # it says nothing of its event ("is not going to let X ship": a bare verb, still the intent's)
        finite = finite or (link == "complement" and below_tok is not None and finite_verb(below_tok))
        negation_reaches = negation_reaches and link not in ("reference", "given")
        hedge_reaches = hedge_reaches and link != "given"
        # this word's own negation: not over an adjunct ("did not object, saying X shipped") nor
        # a clause coordinated with its own subject or tense ("did not pay, but X shipped"); its
        # hedges: not over a clause with its own subject ("may have paid, and X shipped")
        negation_here = negation_reaches and link not in ("adjunct", "clause")
        hedge_here = hedge_reaches and link != "clause"
        # "denied the report and denounced X", "denied it, warning that X": a verb coordinated with
        # a denial, or a participle beside it, is another act
        # "did not deny that ...", and "has not stopped shipping": a negated denial or cessation
        # affirms what it governs
        withheld = (tok.lower_ in DENIAL_FORMS and denial_withheld(tok)) or (depth > 0 and tok.lower_ in CESSATION)
        if depth > 0 and tok.lower_ in DENIAL_FORMS and denial_reaches(head, tok) and not refusal(tok):
            if not withheld:
                return "denied"
            if not undisputed(tok):
                status = merge(status, "hedged")  # "would neither confirm nor deny that it shipped"
        # "found no evidence that X shipped": the finder says the claim is unsupported
        if depth > 0 and tok.lower_ in EVIDENCE_NOUNS and any(c.lower_ == "no" and c.dep_ == "det"
                                                              for c in tok.children):
            return "denied"
        if hedge_here:
            if depth > 0 and _aim(tok):
                aim_reach = depth if tok.pos_ in ("VERB", "AUX") else depth + 1
                if not sourced and _aimed_at(tok, via) and _own_act(head, climbed[:-1]):
                    status = merge(status, "hedged")  # "is willing to supply", "has plans to sell": not done
                # "is unwilling to supply", "has no plans to ship", "is not willing to send" (the
                # negation hangs on the copula, which the walk does not climb to)
                if (tok.lower_ in RELUCTANT_ADJECTIVES
                        or any(c.dep_ == "det" and c.lower_ == "no" for c in tok.children)
                        or (tok.dep_ == "acomp" and any(c.dep_ == "neg" for c in tok.head.children))):
                    status = merge(status, "hedged")
            if depth > 0 and via == "xcomp" and tok.lower_ in TURNED_DOWN_FORMS and below not in CESSATION:
                # "refused to sell jets to X": an act declined, not done ("refused to stop selling":
                # the selling goes on)
                status = merge(status, "hedged")
            # "warned of a transfer", "paving the way for the sale", "pending the delivery": an event
            # only envisaged, whoever envisages it (a threat or a warning is no aim one is cited for)
            if envisaged:
                status = merge(status, "hedged")
            # "if X ships arms, ...": the event of a condition is supposed, not stated
            if _marked_clause(tok, CONDITION_MARKS):
                status = merge(status, "hedged")
            # "the capability to ship rockets", "the risk of new sanctions", "an offer to supply
            # jets": what a modal noun holds out is only possible (an event it names as known, "fears
            # over the sale", is not)
            if depth > 0 and below_tok is not None and _possible(tok, below_tok):
                status = merge(status, "hedged")
        marks = _clause_markers(tok, depth, via, withheld, depth <= aim_reach, complement,
                                negation=negation_here, hedges=hedge_here, future=hedge_here and link != "adjunct",
                                finite=finite)
        # "the deal, which never happened": the event noun's own clause of occurrence says whether it came about
        rel = _occurrence_clause(tok) if depth == 0 and tok.pos_ in _NOUNS else None
        if rel is not None:
            marks = merge(marks, _clause_markers(rel, 0, "", False, False, False))
        if marks == "denied":
            return "denied"
        status = merge(status, marks)
        if tok.dep_ in ("ROOT",) or tok.head == tok or (stop is not None and tok.head.i == stop):
            break
        # "Peru may protest after Chile sold jets", "Lima did not comment since X shipped": a clause
        # of time or cause is taken as given; the main clause's modal or negation is not about it
        if _marked_clause(tok, PRESUPPOSING):
            break
        # Climb from complements and objects to their verb, never from a subject: the negation in
        # "the axis ... is not limited to" says nothing about the axis itself.
        # Nor from a relative clause: "did not stop ships that delivered fuel" negates the stopping,
        # not the delivery the relative clause takes as given.
        # An event noun that is the subject of a verb of occurrence ("the sale never took place") is
        # that verb's own act: climb.
        if tok.dep_ not in ("xcomp", "ccomp", "conj", "advcl", "pobj", "prep", "agent", "dobj", "acl",
                            "amod", "compound", "attr", "pcomp") and not (
                depth == 0 and tok.dep_ in ("nsubj", "nsubjpass") and tok.pos_ in _NOUNS and occurrence(tok.head)):
            break
        via, below, below_tok = tok.dep_, tok.lower_, tok
        climbed.append(via)
        tok = tok.head
    return status


def _clause_markers(tok: Token, depth: int, via: str, withheld: bool, aimed: bool, complement: bool,
                    negation: bool = True, hedges: bool = True, future: bool = False,
                    finite: bool = False) -> ClaimStatus:
    """What the word's own negation, modals, hedge words and open questions say of an event below
    it: "denied", "hedged" or "asserted" (nothing). ``aimed``: the word is, or is above, an aim
    over the event; ``complement``: the event lies in a finite clause or a noun's content below it;
    ``negation`` / ``hedges``: whether the word's negation / hedges reach the event at all;
    ``future``: a negated future still hedges where the negation does not reach (an event noun
    the word only talks about); ``finite``: the event lies in a finite clause below, which a
    negated future or ability of this word does not hedge."""
    status: ClaimStatus = "asserted"
    # a doubt verb coordinated with the event ("Peru worried for years, and Chile sold ...") is
    # another clause, not a doubt about it
    if (hedges and depth > 0 and tok.lower_ in HEDGE_VERBS and via != "conj"
            and not (tok.lower_ in SPEAKER_VERBS and _speaker(tok))):
        status = "hedged"
    # "has not announced plans to seize", "did not say whether": nothing said, nothing denied
    unsaid = depth > 0 and (tok.lower_ in UNSAID_FORMS or tok.lower_ in FACTIVE_FORMS)
    negated = not withheld and (any(_negator(c, depth) for c in tok.children) or _after_nor(tok)
                                or _negative_subject(tok))
    if negated and negation:
        if aimed:
            status = "hedged"  # "does not want to supply": an aim given up
        elif unsaid:
            # "it is not known if X": ignorance nobody holds leaves X open; "they did not know
            # that X" takes X as a fact
            if tok.lower_ in UNCONFIRMED_FORMS or (tok.lower_ in FACTIVE_FORMS
                                                   and not any(g.dep_ == "nsubj" for g in tok.children)):
                status = "hedged"
        elif (depth > 0 and tok.lower_ in BELIEF_FORMS) or (_future(tok) and not supposed(tok) and not finite):
            # "does not think X shipped", "is not believed to have": a doubt; "will not supply",
            # "would never sell", "is not going to let X ship": an intent, a forecast or a
            # conjecture, like an aim given up; no deed is denied (one only wished for, "wants to
            # be sure X will not ship", stays negated, for the caller to drop as ``supposed``)
            status = "hedged"
        elif not complement or _truth(tok):
            # (over a clause, "did not claim that X shipped", "has not seen reports that X
            # shipped": the negation is about the claiming; "it is not true that" denies)
            return "denied"
    elif negated and future and _forbidden(tok):
        # "must not finance arms sales to X": a forbidden act forbids what it would realise; read as
        # negated, for the caller to drop it as prescribed (see ``prescribed``)
        return "denied"
    elif negated and future and _future(tok):
        status = "hedged"  # "will not allow arms sales to X": the sales are not negated, only never to be
    for c in tok.children:
        low = c.lower_
        if hedges and c.dep_ in ("aux", "advmod", "amod") and (low in HEDGE_ADVERBS
                                                              or (c.tag_ == "MD" and low in HEDGE_MODALS)):
            status = "hedged"
        if hedges and tok.pos_ in _NOUNS and _irrealis(c):
            status = "hedged"  # "a proposed sale", "the planned shipment": a prospect, not a deed
    if not hedges:
        return status
    if _counterfactual(tok):
        status = "hedged"
    if depth > 0 and tok.lower_ in HEDGE_RAISING and _raises(tok):
        status = "hedged"
    # "it is unclear whether X shipped", "it was likely that X shipped": an uncertain predicate
    # adjective over the clause; "asked whether X shipped": an open question
    # (the parser hangs the clause on the verb or on the adjective itself)
    if depth > 0 and ((tok.pos_ == "ADJ" and tok.lower_ in HEDGE_ADVERBS)
                      or any(c.dep_ == "acomp" and c.lower_ in HEDGE_ADVERBS for c in tok.children)):
        status = "hedged"
    if _open_question(tok):
        status = "hedged"
    return status


def _forbidden(verb: Token) -> bool:
    """ "must not finance", "should never allow", "Don't ship them": a negated act that is forbidden."""
    return any(c.dep_ == "aux" and c.lower_ in PRESCRIPTIVE_MODALS for c in verb.children) or _bare_negated(verb)


def _negative_subject(verb: Token) -> bool:
    """ "nobody shipped", "no country supplied", "none of the firms sold": a subject that says the
    verb's act was done by no one negates the clause, as "not" would."""
    return any(c.dep_ in ("nsubj", "nsubjpass")
               and (c.lower_ in NEGATIVE_SUBJECTS or any(g.dep_ == "det" and g.lower_ == "no" for g in c.children))
               for c in verb.children)


def occurrence(verb: Token) -> bool:
    """ "happened", "occurred", "took place": a verb that says its subject, an event, came about."""
    return verb.pos_ in ("VERB", "AUX") and (verb.lower_ in OCCURRENCE_FORMS or (
        verb.lower_ in _TAKE_FORMS and any(c.dep_ == "dobj" and c.lower_ == "place" for c in verb.children)))


def _occurrence_clause(noun: Token) -> Token | None:
    """The verb of a relative clause that says whether the event noun came about: "the deal, which
    never happened", "a sale that may have taken place". Only an event comes about, so such a clause
    the parser hangs on a party inside the noun's phrase ("the deal between X and Y, which never
    happened") is the event's too."""
    for rel in noun.subtree:
        if rel.dep_ != "relcl" or not occurrence(rel) or not any(
                c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("which", "that") for c in rel.children):
            continue
        word = rel.head
        while word.i != noun.i and word.dep_ in ("pobj", "prep", "conj"):
            word = word.head
        if word.i == noun.i:
            return rel
    return None


def _after_nor(verb: Token) -> bool:
    """ "neither sold nor shipped", "would not resume tests, nor would it resume launches": a
    conjunct after "nor" is negated by it."""
    return verb.dep_ == "conj" and any(c.dep_ == "cc" and c.lower_ == "nor" and c.i < verb.i
                                       for c in verb.head.children)


def _negator(word: Token, depth: int) -> bool:
    """A negation of its head: "not", "never", "neither ... nor"'s "neither"; on the event itself
    also a negative determiner or adverb ("shipped no arms", "sold nothing")."""
    return (word.dep_ == "neg" or (word.dep_ == "preconj" and word.lower_ == "neither")
            or (word.lower_ in NEGATORS and word.dep_ in ("det", "advmod") and depth == 0))


# Verbs that realise an event noun as their object, so that their negation or modal is the event's
# ("did not conduct a test", "may impose sanctions", "never took part in the attack", "could face
# sanctions"); any other verb refers to the event ("did not discuss the deal", "might ease the
# sanctions": the deal was made, the sanctions are in force). Lifting and easing undo the event.
REALISING_FORMS = frozenset(f for v in (LIGHT_VERBS | ASPECTUAL | CONVERSE_VERBS | UNDERGOING_VERBS
                                        | ISSUING_VERBS | TAKE_DELIVERY
                                        | {"participate", "engage", "involve", "join", "take", "pose", "attend"})
                            - {"lift", "ease"}
                            for f in inflections(v))
# Nouns that let the event through to their verb: amounts and kinds of it ("a new round of
# sanctions", "a batch of rifles").
TRANSPARENT_NOUNS = QUANTITY_NOUNS | KIND_NOUNS | MEASURE_BATCHES
# Nouns whose clause or "of"-phrase is what they say ("reports that X shipped", "claims of a
# sale"): a verb over them speaks about the content.
CONTENT_NOUNS = PROPOSITION_NOUNS | DOCUMENT_NOUNS | EVIDENCE_NOUNS
# Nouns of what may be or is feared, whose clause or "of"-phrase is only possible: "the capability
# to deliver missiles", "fears of renewed sanctions", "the proposal to enact sanctions". They let the
# hedges above reach the event, not a negation ("did not raise concerns about the sale").
MODAL_NOUNS = frozenset({"capability", "capabilities", "ability", "capacity", "possibility", "prospect",
                         "prospects", "option", "options", "chance", "risk", "danger", "fear", "fears", "concern",
                         "concerns", "worry", "worries", "suspicion", "suspicions", "proposal", "proposals",
                         "offer", "bid", "attempt", "attempts", "effort", "efforts"})
# Verbs of belief: negated over the event ("does not believe that X shipped") they doubt it.
BELIEF_FORMS = frozenset(f for v in ("think", "believe", "expect", "assess", "judge", "suppose", "consider",
                                     "feel", "imagine", "suspect", "reckon", "anticipate")
                         for f in inflections(v))
# Subject-like dependents that make a conjunct a clause of its own.
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "expl", "csubj"})
# Coordinators of contrast: "did not pay the fee but sold the jets".
CONTRASTIVE = frozenset({"but", "yet", "while", "whereas", "although", "though"})
# Predicates of a copula that make its negation deny the clause: "it is not true that", "not the case".
TRUTH_WORDS = frozenset({"true", "case", "correct", "accurate", "right", "so", "fact", "truth"})
# Auxiliaries of the future and of conjecture ("wo" is the tokenizer's "won't").
FUTURE_AUX = frozenset({"will", "wo", "'ll", "would", "shall"})
# The present modal of ability ("ca" is the tokenizer's "can't"): negated, "cannot sell", it says an
# act is out of reach now or to come, like a negated future, and denies no deed ("could not", its
# past, still does).
ABILITY_AUX = frozenset({"can", "ca"})
_NOUNS = frozenset({"NOUN", "PROPN", "PRON", "NUM"})


def _link(tok: Token, below: Token, event: Token, envisaged: bool) -> str:
    """How the walk from ``below`` up to ``tok`` carries the scope of ``tok``'s markers to the event
    (``envisaged``: ``tok`` only envisages it, :func:`_envisaged`).

    - "own": the same clause, or a verb complement ("did not try to ship", "did not ship or sell");
    - "complement": a finite clause or a noun's content ("did not say that X shipped", "has not
      seen reports that X shipped"): a negation above withholds or doubts, it does not deny;
    - "adjunct": a clause beside ``tok`` ("did not object, saying X shipped", "did not pay the fee
      but shipped arms"): ``tok``'s negation stays in its clause, its hedges do not;
    - "clause": a clause with its own subject coordinated with ``tok`` ("may have paid, and X
      shipped"): neither reaches;
    - "reference": an indefinite event noun ``tok`` talks about without realising it ("did not
      discuss a deal"): no negation from here up reaches the event, hedges do ("could pass new
      sanctions");
    - "given": an event a definite noun, a noun it modifies or a clause of time takes as given
      ("could end the sanctions on X", "the details of the delivery", "after shipping"): nothing
      from here up reaches it.
    """
    via = below.dep_
    if (envisaged or _consequence(tok, below)
            or (via == "dobj" and _idiom_noun(below))):
        # "did not call for sanctions", "could lead to the signing of a treaty", "paving the way for
        # the sale": what is envisaged or would follow is not taken as given (hedges above reach
        # it), and a negation of the envisaging denies nothing of it
        return "reference"
    if via == "xcomp" or via in ("nsubj", "nsubjpass"):
        # "did not try to ship", "is not going to ship": a verb complement; "the sale did not take
        # place": the event noun is the subject of its verb of occurrence (the walk climbs from no other subject)
        return "own"
    if via == "conj":
        if any(c.dep_ in _SUBJECTS for c in below.children):
            return "clause"
        own_clause = (any(c.dep_ in ("aux", "auxpass") for c in below.children)
                      or any(c.dep_ == "cc" and c.lower_ in CONTRASTIVE for c in tok.children)
                      # "did not pay the fee and sold the jets", "would not beg and warned of X": a
                      # finite verb beside a head whose auxiliary it does not share
                      or (below.tag_ in ("VBD", "VBZ", "VBP") and tok.tag_ not in ("VBD", "VBZ", "VBP")
                          and any(c.dep_ == "aux" for c in tok.children)))
        return "adjunct" if own_clause else "own"
    if via == "advcl":
        # a purpose belongs to the act ("did not send troops to fight"); other adverbial clauses stand beside it
        purpose = to_infinitive(below) and not any(c.dep_ in _SUBJECTS for c in below.children)
        return "own" if purpose else "adjunct"
    if via == "ccomp":
        return "complement"
    if via == "acl" or via == "pobj" or tok.dep_ == "prep":
        # a noun's clause is the noun's own ("the alleged plan to ship"), a preposition has no
        # markers: both are judged again at the verb above
        return "own"
    noun = below
    if via == "prep":
        noun = next((c for c in below.children if c.dep_ in ("pobj", "pcomp")), below)
        if below.lower_ in GIVEN_PREPS or below.lower_ in CONCESSIVE_PREPS:
            return "given"  # "returned after a visit to X", "despite the sanctions", "after shipping"
        if noun.pos_ not in _NOUNS:
            return "own"  # a clause after a preposition is the act's means ("earned money by violating X")
    if noun.pos_ not in _NOUNS and not (noun.pos_ == "VERB" and noun.tag_ == "VBG"):
        return "own"
    if tok.pos_ in _NOUNS:
        # "a round of sanctions": let through; "plans to sell", "reports of a sale": the noun is
        # judged again at its verb; "the details of the delivery": a modifier, taken as given
        # "the signing of a treaty", "the holding of talks": a realising verb's gerund is the event's
        # own act, as the verb would be ("could sign a treaty")
        if tok.lower_ in TRANSPARENT_NOUNS or _aim(tok) or tok.lower_ in CONTENT_NOUNS or (
                tok.tag_ == "NN" and tok.lower_.endswith("ing") and tok.lower_ in REALISING_FORMS):
            return "own"
        return "reference" if tok.lower_ in MODAL_NOUNS else "given"
    if via == "attr" or (tok.lower_ in HEDGE_VERBS and tok.lower_ not in SPEAKER_VERBS):
        # "this was not a violation": the copula is the event's own verb; "fears an attack",
        # "worried about arms shipments": what is feared is the event
        return "own"
    if noun.i != event.i and noun.lower_ not in TRANSPARENT_NOUNS:
        if noun.lower_ in CONTENT_NOUNS:
            return "complement"
        if _aim(noun):
            return "own"  # "has no plans to sell"
        if noun.lower_ in MODAL_NOUNS:
            return "reference"  # "may have the capability to deliver", "did not raise concerns about a sale"
    elif noun.pos_ == "VERB":
        # a gerund object: "did not start shipping"; a verb that only talks of it ("cannot justify
        # bombing") leaves it open like a clause
        return "own" if tok.lower_ in REALISING_FORMS else "complement"
    elif tok.lower_ in REALISING_FORMS:
        return "own"
    if any(c.dep_ == "det" and c.lower_ == "any" for c in noun.children):
        return "own"  # "won't entertain any deals": "any" stands under the negation
    return "given" if _definite(noun) else "reference"


# Prepositions by which a modal noun holds out an event: "the risk of sanctions", "the capacity for a strike".
_POSSIBLE_PREPS = frozenset({"of", "for"})
# Modal nouns that name an act of trying: "Chile's attempts to sell rifles" tell of a deed that was
# tried, which the reading keeps (hedges above still reach it through ``_link``).
ENDEAVOUR_NOUNS = frozenset({"attempt", "attempts", "effort", "efforts", "bid"})


def _possible(noun: Token, below: Token) -> bool:
    """ "the ability to strike", "an offer to supply jets", "the possibility of a strike": an event
    that a modal noun (``MODAL_NOUNS``) holds out through its infinitive or its "of" / "for" phrase,
    unless that phrase names a known event ("fears of the sale")."""
    if noun.pos_ != "NOUN" or noun.lower_ not in MODAL_NOUNS or noun.lower_ in ENDEAVOUR_NOUNS:
        return False
    if below.dep_ == "acl":
        return to_infinitive(below)
    if below.dep_ != "prep" or below.lower_ not in _POSSIBLE_PREPS:
        return False
    obj = next((c for c in below.children if c.dep_ in ("pobj", "pcomp")), None)
    return obj is not None and not _definite(obj)


def _irrealis(modifier: Token) -> bool:
    """ "proposed", "planned", "would-be": a modifier that makes its event noun a prospect (the
    parser splits "would-be" and hangs "would" on "be")."""
    if modifier.dep_ not in ("amod", "compound", "nmod"):
        return False
    return modifier.lower_ in IRREALIS_MODIFIERS or (
        modifier.lower_ == "be" and any(c.lower_ == "would" for c in modifier.children))


def _idiom_noun(noun: Token) -> bool:
    """ "the way" of "pave the way for", "the door" of "open the door to": with its preposition it
    envisages what follows."""
    preps = ENVISAGING_IDIOMS.get(noun.lower_, ())
    return any(c.dep_ == "prep" and c.lower_ in preps for c in noun.children)


def _consequence(tok: Token, below: Token) -> bool:
    """ "lead to", "result in": the preposition of a verb of consequence."""
    return below.dep_ == "prep" and below.lower_ in CONSEQUENCE_FORMS.get(tok.lower_, ())


def _envisaged(tok: Token, below: Token, event: Token) -> bool:
    """True when ``tok`` only envisages the event it reaches through ``below``: an envisaging verb's
    object or preposition ("threatened sanctions", "warned of a transfer", ``ENVISAGING_FORMS``),
    an idiom's ("the way for the sale") or "pending"'s object. The event is the envisaged noun or
    lies under amounts and kinds of it ("called for a new round of sanctions"), or is a gerund or a
    gerund's realised object ("warned against selling jets", "work towards making a deal"); an event
    inside another noun is not ("called for an inquiry into the sale": the sale is given)."""
    if below.dep_ == "prep":
        prep = below.lower_
        obj = next((c for c in below.children if c.dep_ in ("pobj", "pcomp")), None)
    elif below.dep_ in ("dobj", "pobj"):
        prep, obj = "", below
    else:
        return False
    if obj is None:
        return False
    if obj.dep_ == "pcomp" and prep == "for" and any(c.dep_ == "dobj" for c in tok.children):
        return False  # "called Kim a liar for testing missiles": a gerund after an object is the reason
    low = tok.lower_
    if low in ENVISAGING_PREPS:
        known = below.dep_ == "pobj"
    elif tok.pos_ in ("VERB", "AUX"):
        # not another phrasal verb ("called Peru out for its support") nor one that says what its
        # object is ("considers the threat to be grave")
        known = (prep in ENVISAGING_FORMS.get(low, ()) and (prep != "" or below.dep_ == "dobj")
                 and not any(c.dep_ in ("prt", "xcomp", "ccomp", "oprd") for c in tok.children))
    elif tok.pos_ == "NOUN":
        known = prep != "" and prep in ENVISAGING_IDIOMS.get(low, ()) and tok.dep_ == "dobj"
    else:
        known = False
    if not known:
        return False
    word = event
    while word.i != obj.i:
        if word.head == word or not (word.dep_ in ("pobj", "prep") or _gerund_object(word)):
            return False
        word = word.head
        if word.pos_ in _NOUNS and word.lower_ not in TRANSPARENT_NOUNS:
            return False
    return True


def _gerund_object(noun: Token) -> bool:
    """ "making a deal", "imposing sanctions": an event noun a realising gerund brings about."""
    head = noun.head
    return noun.dep_ == "dobj" and head.tag_ == "VBG" and head.lower_ in REALISING_FORMS


def given_subject(event: Token) -> bool:
    """ "denied that his talks with X involved sanctions", "said the attack on X was not planned":
    an event noun that is the definite subject of its clause is taken as given; what the clause
    denies or negates is said of it, not the event itself ("denied that any shipment took place"
    still denies the shipment)."""
    return (event.pos_ in ("NOUN", "PROPN") and event.dep_ in ("nsubj", "nsubjpass") and _definite(event)
            and not any(c.dep_ == "det" and c.lower_ in ("any", "no") for c in event.children)
            and not occurrence(event.head))  # "denied that the sale took place": the sale is denied


def _definite(noun: Token) -> bool:
    """ "the sanctions", "its attack", "Peru's deal", "this meeting": a noun that takes its
    referent as known (not "new sanctions", "an attack", "any launch")."""
    return any((c.dep_ == "det" and c.lower_ in ("the", "this", "that", "these", "those")) or c.dep_ == "poss"
               for c in noun.children)


def _truth(verb: Token) -> bool:
    """ "it is not true that X", "it is not the case that X": a copula whose predicate is truth."""
    return any(c.dep_ in ("acomp", "attr") and c.lower_ in TRUTH_WORDS for c in verb.children)


def _future(verb: Token) -> bool:
    """ "will not supply", "would never sell", "is not going to ship", "cannot sell": the future, a
    conjecture or a present (in)ability;
    also an infinitive ahead of its governor ("decided not to sell", "vowed never to ship"; not
    the perfect "claimed not to have shipped", which looks back)."""
    if verb.pos_ in _NOUNS and verb.head.pos_ in ("VERB", "AUX"):
        verb = verb.head  # "there will be no cooperation", "will make no deliveries": the noun's verb tells
    aux = [c.lower_ for c in verb.children if c.dep_ == "aux"]
    return (any(a in FUTURE_AUX or a in ABILITY_AUX for a in aux)
            or (verb.lower_ == "going" and any(c.dep_ == "xcomp" for c in verb.children))
            or ("to" in aux and "have" not in aux and verb.head.lower_ not in FACTIVE_RAISING
                # "told X not to ship", "urged X not to sell": an order, read as such by ``prescribed``
                and verb.head.lower_ not in PRESCRIPTIVE_VERBS and not _told_to(verb.head, verb)))


def _aim(tok: Token) -> bool:
    """A verb, noun or adjective of wanting or planning that governs the event ("wants to supply",
    "plans to ship", "intention of selling", "willing to send")."""
    low = tok.lower_
    if tok.pos_ in ("VERB", "AUX"):
        return low in INTENT_FORMS
    if tok.pos_ == "NOUN":
        return low in INTENT_NOUNS
    return tok.pos_ == "ADJ" and (low in DISPOSITION_ADJECTIVES or low in RELUCTANT_ADJECTIVES)


def _aimed_at(aim: Token, via: str) -> bool:
    """The event is what the aim is for: the infinitive of an aim verb or adjective ("plans to
    sell", "ready to ship"), or the clause or "of"-phrase of an aim noun ("plans to sell", "the
    intention of selling"); not a participle of destination ("arms intended for X": where they
    go), nor a decision taken (``DECISION_FORMS``)."""
    if aim.lower_ in DECISION_FORMS:
        return False
    if aim.pos_ == "NOUN":
        return via in ("acl", "prep")
    return via == "xcomp"


_VERB_CHAIN = frozenset({"xcomp", "conj", "pcomp"})


def _own_act(event: Token, links: list[str]) -> bool:
    """The event is the aim's own act: below the aim's complement only verb complements ("plans to
    continue selling", "intention of selling"), or a light verb's event noun ("willing to pursue
    talks")."""
    if links and links[0] == "dobj" and event.pos_ == "NOUN":
        links = links[1:]
    return all(dep in _VERB_CHAIN for dep in links)


def _counterfactual(verb: Token) -> bool:
    """ "X would have violated the ban", "would have been shipped": "would" with a perfect "have" is
    a conjecture about the past (a plain "would" is left out: in reported speech it is the future
    of the past, "said it would send troops")."""
    aux = [c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")]
    return "would" in aux and "have" in aux


def _open_question(clause: Token) -> bool:
    """ "whether X shipped", "asked if X shipped": a clause opened by "whether", or a complement
    opened by "if", leaves the event open (an adverbial "if" is a condition, read by the modal
    of its main clause)."""
    return any(c.dep_ == "mark" and (c.lower_ == "whether" or (c.lower_ == "if" and clause.dep_ == "ccomp"))
               for c in clause.children)


def denial_withheld(verb: Token) -> bool:
    """True when a denial verb is itself negated or refused: "did not deny", "would neither
    confirm nor deny", "declined to deny". Nothing is denied then; the claim is left open."""
    if any(c.dep_ == "neg" or c.lower_ in ("neither", "nor") for c in verb.children) or undisputed(verb):
        return True
    if verb.dep_ == "conj" and (any(c.lower_ == "nor" for c in verb.head.children)
                                or denial_withheld_by(verb.head)):
        return True
    return denial_withheld_by(verb)


def undisputed(verb: Token) -> bool:
    """ "No one denies that X", "few dispute that X", "there is no denying that X", "it is hard to
    deny that X": a denial verb whose subject is nobody (or next to nobody), or that is said to be
    hard to make, concedes its content instead of denying it ("a few deny" is somebody)."""
    if any(c.dep_ == "det" and c.lower_ == "no" for c in verb.children) or any(
            g.lower_ == "no" for c in verb.children if c.dep_ in ("aux", "auxpass") for g in c.children):
        return True  # "there is no denying": the gerund itself negated (the parser may hang "no" on "is")
    if verb.dep_ == "xcomp" and (verb.head.lower_ in HARD_TO
                                 or any(c.dep_ == "acomp" and c.lower_ in HARD_TO for c in verb.head.children)):
        return True  # "it is hard to deny that X", "impossible to dispute" (on the adjective or its verb)
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None:
        return False
    words = [subj, *(c for c in subj.children if c.dep_ in ("det", "amod"))]
    # "a few" is somebody: the article may hang on "few" or on the noun
    if any(g.lower_ == "a" for w in words for g in [w, *w.children] if g.dep_ in ("det", "quantmod")):
        return False
    return any(w.lower_ in NOBODY or (w is not subj and w.lower_ == "no") for w in words)


def denial_withheld_by(verb: Token) -> bool:
    """ "refused to deny", "declined to confirm or deny", "did not confirm or deny": a verb that
    refuses, or a negation, above the denial verb."""
    if any(c.dep_ == "neg" or c.lower_ == "neither" for c in verb.children):
        return True
    return verb.dep_ == "xcomp" and (verb.head.lower_ in REFUSALS or any(
        c.dep_ == "neg" for c in verb.head.children))


def prescribed(pred: Token) -> bool:
    """True when the event is required or forbidden rather than reported: an obligation modal on
    it ("must not sell"), a directive verb whose complement it is, a few clauses up ("called on
    banks to ensure they do not finance X"), or any verb that tells someone to do it: an object
    and an infinitive after it ("warned Cairo not to send troops", "told the firms not to ship")."""
    tok = pred
    below: Token | None = None
    for _ in range(4):
        if _forbidden(tok):
            return True
        if tok is not pred and tok.pos_ in ("VERB", "AUX") and tok.lower_ in PRESCRIPTIVE_VERBS:
            return True
        if below is not None and _told_to(tok, below):
            return True
        if tok.dep_ not in ("xcomp", "ccomp", "acl", "advcl", "conj", "dobj", "pobj", "prep") or tok.head == tok:
            return False
        below, tok = tok, tok.head
    return False


def _bare_negated(verb: Token) -> bool:
    """ "insisted that X not ship", "Don't ship rifles", "Never sell to them": a negated verb in its
    base form with no tense of its own (no auxiliary but an opening "do") is a demand or an
    order, not a statement ("did not ship", "not to ship" carry their auxiliary)."""
    if verb.pos_ not in ("VERB", "AUX") or verb.tag_ != "VB" or not any(c.dep_ == "neg" for c in verb.children):
        return False
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if not aux:
        return True
    # the imperative's "do": first in its clause, with no subject ("Don't ship", "Do not sell")
    return (len(aux) == 1 and aux[0].lower_ == "do" and aux[0].i == verb.left_edge.i
            and not any(c.dep_ in _SUBJECTS for c in verb.children))


# Verbs whose complement is a state of affairs wished for, not one said to hold: "wants to make
# sure the firm will not ship", "hoped the navy would never sail". A negated event under them is
# no denial (a plain negation said by the holder of the wish is: see ``supposed``).
WISH_FORMS = frozenset(f for v in ("want", "wish", "hope") for f in inflections(v))
# Marks of a condition: the event in "if the firm does not ship" is supposed, not stated.
CONDITION_MARKS = frozenset({"if", "unless"})
# Marks of a clause whose event is given or only supposed, not stated by what governs it.
SUPPOSING_MARKS = PRESUPPOSING | CONDITION_MARKS


def _marked_clause(tok: Token, marks: frozenset[str]) -> bool:
    """An adverbial clause opened by one of ``marks`` ("if the firm ships", "after X shipped")."""
    return tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in marks for c in tok.children)


def supposed(pred: Token) -> bool:
    """True when the event is only wished for or supposed, a few clauses up: the complement of a
    wish verb ("wants to be sure the firm did not ship"), or inside a condition ("walks away if
    it feels the firm is not shipping"). A clause beside the wish or the condition ("wants talks
    because the firm never shipped", "if asked, will say the firm never shipped") is stated."""
    tok = pred
    for _ in range(4):
        if _marked_clause(tok, CONDITION_MARKS):
            return True
        if tok.dep_ not in ("xcomp", "ccomp", "acomp", "conj", "dobj") or tok.head == tok:
            return False
        if tok.dep_ in ("xcomp", "ccomp") and tok.head.pos_ in ("VERB", "AUX") and tok.head.lower_ in WISH_FORMS:
            return True
        tok = tok.head
    return False


# Dependents of a denial verb that tell when, where or how it was made, or another act beside it
# ("rejected the report before visiting X", "in a meeting with X, denied ...", "denied the report
# and met X", "denied it, saying X shipped"): what is denied is the verb's object or complement.
DENIAL_ADJUNCTS = frozenset({"advcl", "conj", "prep", "npadvmod", "advmod", "agent", "nsubj", "parataxis"})


def denial_reaches(event: Token, denial: Token) -> bool:
    """True when ``denial`` (a denial verb) denies ``event``: the event is the verb itself or lies
    in what it denies, its object or complement clause and what that governs, not in an adjunct of
    the verb (``DENIAL_ADJUNCTS``) nor in a clause of time or condition inside the denied content
    ("dismissed warnings that it would face sanctions if it tested missiles": the test is only
    supposed; "denied that it shipped arms after the talks": the talks are given). An event the
    verb does not govern at all (a relative clause: "charges, which X denied") is left to the
    caller: True."""
    if event.i == denial.i or denial not in event.ancestors:
        return True
    if _speech_noun(event):
        return False  # "rejected criticism of X", "dismissed the warnings": said all the same
    tok = event
    while tok.head.i != denial.i:
        if tok.dep_ == "prep" and _speech_noun(tok.head):
            return False  # "rejected criticism of its sanctions": the target of the words, not their content
        if _marked_clause(tok, SUPPOSING_MARKS) or (tok.dep_ == "prep" and tok.lower_ in GIVEN_PREPS):
            return False
        tok = tok.head
    if tok.dep_ == "dep":
        # an unlabelled clause after the denial's own object or complement is another act ("denied
        # the report, then met X"); with none, it may be the misread complement
        return not any(c.dep_ in ("dobj", "ccomp") for c in denial.children)
    return tok.dep_ not in DENIAL_ADJUNCTS or _object_complement(tok, denial)


def _speech_noun(noun: Token) -> bool:
    """ "criticism", "warnings", "condemnation": a speech act named by a noun. Denied, it was made
    all the same; what is denied is its content (its "that"-clause), not the act nor its target."""
    return noun.pos_ == "NOUN" and noun_predicate(noun.lower_) in SPEECH_EVENTS


# Prepositions that tie an imputed part to its event: "a role in", "any link to", "ties with".
_PART_PREPS = frozenset({"in", "to", "with", "of", "for", "behind", "into"})


def _object_complement(prep: Token, denial: Token) -> bool:
    """ "denied any role in the seizure": the parser may hang the object's own phrase on the verb;
    a part-taking preposition right after a proposition object ("role", "involvement", "link") is
    still what is denied (not "denied the charges at a press conference")."""
    obj = next((c for c in denial.children if c.dep_ == "dobj"), None)
    return (prep.dep_ == "prep" and prep.lower_ in _PART_PREPS and obj is not None
            and obj.lower_ in PROPOSITION_NOUNS and prep.i == obj.right_edge.i + 1)


def _told_to(verb: Token, comp: Token) -> bool:
    """ "warned Cairo not to send": an infinitive complement whose subject is the verb's object
    (object control) names what the object is told, asked or pressed to do."""
    return (verb.pos_ in ("VERB", "AUX") and comp.dep_ in ("xcomp", "ccomp") and comp.i > verb.i
            and to_infinitive(comp)
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in comp.children)
            and any(c.dep_ in ("dobj", "dative") and c.i < comp.i for c in verb.children))


def denial_holder(pred: Token) -> tuple[Token, Token] | None:
    """(denial noun, its holder) for an event conceded against a denial: "X shipped Y, despite
    denials by Z", "amid Z's denials", "in spite of Z's repeated denials". The phrase may hang off
    any verb above the event in its sentence; the holder is the possessor or the object of
    "by"/"from". ``None`` when there is no such phrase or it names nobody."""
    tok: Token = pred
    for _ in range(8):
        for prep in tok.children:
            if prep.dep_ != "prep" or prep.lower_ not in CONCESSIVE_PREPS:
                continue
            nouns = [g for g in prep.subtree if g.lower_ in DENIAL_NOUNS and g.pos_ == "NOUN"]
            for noun in nouns:
                holder = next((c for c in noun.children if c.dep_ == "poss"), None)
                if holder is None:
                    holder = next((g for c in noun.children if c.dep_ == "prep" and c.lower_ in ("by", "from")
                                   for g in c.children if g.dep_ == "pobj"), None)
                if holder is not None:
                    return noun, holder
        if tok.head == tok:
            return None
        tok = tok.head
    return None


def refusal(verb: Token) -> bool:
    """True when a denial verb turns down a proposal, a measure or a proceeding, removes a person or
    deprives someone, instead of denying a claim: "rejected the offer", "dismissed the sanctions as
    illegal", "the proposal was rejected", "dismissed the case", "dismissed the navy chief", "deny
    Caracas the fuel"."""
    # "denied it multiple times": a count of times the parser takes for an object is none
    objects = [c for c in verb.children if c.dep_ == "dobj" and c.lower_ not in ("time", "times")
               and c.ent_type_ not in _WHEN_TYPES]
    if any(c.dep_ == "dative" for c in verb.children) or len(objects) > 1:
        return True  # "deny Caracas the fuel" (two objects, however parsed): depriving someone
    if objects and any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
        return True  # "the ship was denied entry": a passive that keeps an object deprives its subject
    if any(c.lower_ in GRANTED_THINGS and c.pos_ == "NOUN" for c in verb.children if c.dep_ in ("dobj", "ccomp")):
        # "denied the inspectors access", "denied visas to the delegation" (the parser may read "the
        # inspectors access" as a clause)
        return True
    thing = next((c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")), None)
    # "an aim that Peru says it rejects": the relative clause may hold the speaker's verb
    relative = verb if verb.dep_ == "relcl" else verb.head if verb.dep_ == "ccomp" and verb.head.dep_ == "relcl" else None
    if relative is not None and (thing is None or thing.lower_ in RELATIVE):
        # "the measures that Chile rejected", "the offer Peru dismissed": what is turned down is the
        # noun the relative clause describes (only a refused thing: "arms sent to Peru, which
        # Chile denied" still denies)
        return _refused_thing(relative.head)
    if thing is None:
        return False
    if thing.pos_ == "PRON":
        if any(c.dep_ == "relcl" and any(g.lower_ in ("who", "whom") for g in c.children) for c in thing.children):
            return True  # "dismissing those who objected as cowards": people, not words
        # "signed the bill ... and dismissed it as flawed": "it" for the sentence's thing before it
        before = [t for t in thing.sent if t.i < thing.i and t.pos_ == "NOUN" and t.dep_ in ("dobj", "nsubj", "nsubjpass")]
        return thing.lower_ == "it" and bool(before) and _refused_thing(before[-1])
    # a person, an office or a body as the object: "dismissed the navy chief", "rejected the envoy",
    # "rejected the department of consumer affairs" (an organ named after its topic, with or without
    # capitals), "dismissed the head of the bureau"
    if (_refused_thing(thing) or thing.lower_ in ROLE_NOUNS or thing.lower_ in BODY_NOUNS
            or thing.ent_type_ in _PARTY_TYPES or _head_of_body(thing)):
        return True
    # "rejected the accord", "dismissed the overtures", "rejected integration with Europe": a
    # turn-down verb whose object is no proposition refuses it
    return verb.lower_ in TURN_DOWN_VERBS and not _proposition(thing)


def _refused_thing(noun: Token) -> bool:
    """A proposal, measure or proceeding, in any number ("the moves", "the measures")."""
    # (the pipeline's parser has no lemmatizer: a regular plural is cut by hand)
    return noun.lower_ in REFUSED_THINGS or (noun.tag_ == "NNS" and noun.lower_[:-1] in REFUSED_THINGS)


def _proposition(noun: Token) -> bool:
    """ "the reports", "any involvement", "the view that X shipped", "the UN study": a noun that
    names something said or imputed, a document, any noun after "any", or any noun with a
    "that"-clause of its own."""
    if noun.lower_ in PROPOSITION_NOUNS or noun.lower_ in DOCUMENT_NOUNS or noun.pos_ == "PRON":
        return True
    # "rejected any cooperation with X", "dismissed any such deal": "any" denies that it exists
    if any(c.dep_ == "det" and c.lower_ == "any" for c in noun.children):
        return True
    return any(c.dep_ in ("acl", "ccomp", "relcl") and any(m.dep_ == "mark" and m.lower_ == "that"
                                                              for m in c.children)
               for c in noun.children)


def _head_of_body(noun: Token) -> bool:
    """ "the head of the department", "members of the commission", "the chair of X": a person of a
    body, named by the body (the body's own word, or a name the tagger read as an organisation)."""
    if noun.lower_ not in HEAD_NOUNS:
        return False
    return any(g.dep_ == "pobj" and (g.lower_ in BODY_NOUNS or g.ent_type_ in _PARTY_TYPES)
               for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children)


def _speaker(verb: Token) -> bool:
    """True when the verb names who holds the belief (an active subject, or a passive's agent),
    also through grounds for it: "the panel has reason to believe" (not "there is reason to")."""
    if any(c.dep_ in ("nsubj", "agent") for c in verb.children):
        return True
    found, holder = grounds_holder(verb)
    return found and holder is not None


_HEADLINE_ATTRIBUTED = re.compile(
    r"\b(?:says|said|say|claims?|claimed|reports?|reported|according to|told|tells|alleges?|suggests?"
    r"|sources?|insists?|thinks|believes?|predicts?|hints?|analysts?|sees|estimates?|forecasts|forecasted|prognosticat\w*"
    # a passive credited to the press: "named by media", "identified by local reports"
    r"|by\s+(?:the\s+)?(?:\w+\s+)?(?:media|press|reports?|newspapers?|tabloids?|outlets?))\b"
    # A source after the claim: "... -- analyst", "... -CNBC", "...: DJ".
    r"|(?:\s--?\s*|\s-|:\s*)(?:[A-Z][\w.&]*)(?:\s[A-Z][\w.&]*)?\s*$"
    r"|(?:--?|:)\s*[\w .'-]{0,25}\b(?:paper|report|sources?|analysts?|officials?|media|police)\s*$",
    re.I)
_HEADLINE_HEDGED = re.compile(
    r"\?|\b(?:may|might|could|reportedly|allegedly|rumou?red|rumou?rs?|possibly|apparently|purportedly"
    r"|supposedly|unconfirmed|speculation|speculates?|likely|probably|perhaps|maybe|suspected|alleged|claims?"
    r"|is said to|are said to|believed to|thought to|appears? to|seems? to|unverified|feared|purported"
    r"|apparent|possible|accus(?:ed|es|ing) (?:\w+ )?of)\b",
    re.I)
# Words and phrases that mark a headline's claim as false, whatever the syntax.
_HEADLINE_DENIED = re.compile(
    r"\b(?:hoax(?:es)?|fake[sd]?|false(?:ly)?|untrue|baseless|bogus|myths?|debunk\w*|den(?:y|ies|ied|ial)"
    r"|reject\w*|refut\w*|not true|no evidence|rubbish\w*|satir\w*|fabricat\w*|nonsense|misleading"
    r"|(?:shoots?|shot) down\s+(?:\S+\s+){0,2}(?:reports?|rumou?rs?|claims?|stor(?:y|ies)|speculation)|put to rest|scotch\w*|quash\w*|dispel\w*|disput(?:es|ed|ing)|phony|retract\w*"
    r"|unfounded|not real|isn'?t real|nope|fiction|prank\w*|made (?:it )?(?:all )?up|photoshop\w*|doctored"
    r"|busted|incorrect|erroneous|exaggerated|misinformation|wrongly|cast\w* doubt|troll\w*|hoaxer|libel"
    r"|never happened|(?:isn'?t|not) what it seems|no truth|not the case|lies|lied|an?\s+(?:\w+\s+)?lie|debunk\w*"
    # dismissive idioms: "bullshit", "a figment of", "(is) not happening", "won't happen"
    r"|bullshit|baloney|hogwash|figment|(?:not|n'?t) happening|won'?t happen"
    # a dismissive verb aimed at a rumour/report: "kills stolen Batmobile rumor", "slams rumors"
    r"|(?:kill|slam|blast|shut|squash|rebuff|dismiss|dispel|quash|deny|denie|refute|laugh)\w*\s+(?:off\s+|down\s+)?"
    r"(?:\S+\s+){0,3}(?:rumou?rs?|speculation))\b"
    # a headline that opens (or answers itself) with "No," / "Nope"
    r"|(?:^|[:.?!]\s*)(?:No|Nope|Nah)\b[,.!:]",
    re.I)
# "refuses to confirm or deny", "won't say if", "declined to comment", "No comment": the source
# neither backs nor denies the claim, so the headline only observes it.
_NONCOMMITTAL = re.compile(
    r"\b(?:(?:won['’]t|will not|would not|wouldn['’]t|refus\w*(?: to)?|declin\w*(?: to)?)\s+"
    r"(?:say|comment|confirm(?: or deny)?|deny or confirm|reveal|disclose)(?:\s+(?:if|whether|on))?"
    r"|confirm or deny|deny or confirm|no comment)\b",
    re.I)
# A negated denial word affirms the claim: "it's not a hoax", "is no hoax", "they aren't fake".
_NEGATED_BEFORE = re.compile(r"(?:\b(?:not|no|never)|\wn['’]t)\s+(?:(?:a|an|all|just|really|some)\s+)?$", re.I)


_THAN_REPORTED = re.compile(
    r"\bthan\s+(?:[\w'.]+\s+){0,3}?(?:reported|thought|believed|expected|said|feared|claimed|suggested"
    r"|estimated|predicted|known)\b", re.I)


def _noncommittal_spans(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _NONCOMMITTAL.finditer(text)]


def headline_status(text: str) -> ClaimStatus:
    """Keyword rules for short headline-style texts (no parse)."""
    quiet = _noncommittal_spans(text)
    denials = [m for m in _HEADLINE_DENIED.finditer(text)
               if not any(a <= m.start() < b for a, b in quiet)
               and not _NEGATED_BEFORE.search(text[max(0, m.start() - 16):m.start()])]
    if denials:
        # "Real or hoax?": a denial word inside an either/or question only raises the doubt
        # ("Was the video a hoax?" still leans to the denial).
        if all(_alternative_question(text, m.start()) for m in denials):
            return "hedged"
        return "denied"
    # "farther than reported", "worse than previously thought": the comparison asserts the new fact.
    text = _THAN_REPORTED.sub(" ", text)
    if quiet or _HEADLINE_HEDGED.search(text):
        return "hedged"
    # A bare "Label: claim" is not counted: in headlines it is as often a topic or a place
    # ("Libya: ...", "Apple Watch pricing: ...") as a source.
    if _HEADLINE_ATTRIBUTED.search(text):
        return "attributed"
    return "asserted"


def _alternative_question(text: str, at: int) -> bool:
    """True when the word at ``at`` stands in an either/or question: the clause holding it (its
    sentence, as ``sentence_span`` finds it, cut at a headline label's colon) asks with "?" after
    the word and offers an "or". An abbreviation's stop ("U.S.") does not cut the clause."""
    start, end = sentence_span(text, at)
    label = text.rfind(":", start, at)
    colon = text.find(":", at, end)
    clause = text[label + 1 if label >= 0 else start:colon if colon >= 0 else end]
    asks = "?" in text[at:colon if colon >= 0 else end]
    return asks and re.search(r"\bor\b", clause, re.I) is not None


def main_status(target: Extraction | Doc | Span | Any) -> ClaimStatus:
    """Status of a text's main claim.

    For an :class:`Extraction`: the status of its first claim in text order (news leads and
    headlines put the main claim first), else the text-level status it already carries. For a
    spaCy ``Doc``/``Span``: the main verb of the first sentence and its governors, combined with
    headline conventions.
    """
    if isinstance(target, Extraction):
        if target.claims:
            first = min(target.claims, key=lambda c: c.start)
            return first.status
        return target.status or "asserted"
    sents: Sequence[Span] = list(target.sents)  # type: ignore[union-attr]
    if not sents:
        return "asserted"
    # The main claim of a headline-style text is in its first sentences ("Axl Rose Dead? ... Hoax").
    lead = [x for x in sents[:3] if x.start_char < 300]
    text = " ".join(x.text for x in lead) if lead else sents[0].text
    quiet = _noncommittal_spans(target.text)  # type: ignore[union-attr]
    status = merge(headline_status(text), *(_parse_status(x, quiet) for x in lead))
    if status == "asserted" and _source_label(sents[0]):
        return "attributed"
    return status


# Nouns that name a source when they label a headline ("Officials: ...", "Former player: ...").
SOURCE_NOUNS = frozenset({
    "official", "officials", "police", "analyst", "analysts", "expert", "experts", "source", "sources", "report",
    "study", "witness", "witnesses", "eyewitness", "prosecutor", "prosecutors", "government", "ministry",
    "spokesman", "spokeswoman", "spokesperson", "customer", "player", "agent", "paper", "media", "lawyer",
    "family", "doctor", "doctors", "pentagon", "military", "army", "survey", "poll", "documents", "insider",
    "insiders", "lawmaker", "lawmakers", "investigators", "scientists", "researchers", "cops", "authorities",
})


TOPIC_KICKERS = KICKERS | frozenset({"news", "scandal", "unmasked", "pictures", "pics", "gallery", "recap",
                                    "latest", "lol", "wow", "omg", "rumor", "rumour", "rumors", "rumours"})


def _source_label(sent: Span) -> bool:
    """ "Tim Cook: ...", "Pentagon: ...", "Officials: ...": a person, organisation or source noun
    before a colon credits the rest to it (a place, topic or product does not)."""
    colon = next((t for t in sent if t.text == ":" and t.i - sent.start <= 5), None)
    if colon is None or sent.end - colon.i < 4:
        return False
    label = [t for t in sent if t.i < colon.i]
    if not label:
        return False
    # A kicker in the label names a topic or a format, not a speaker ("Massacre Update:",
    # "Star Wars News:", "Graphic Photo:", "Sex Scandal:").
    if any(t.lower_ in TOPIC_KICKERS for t in label):
        return False
    if label[-1].lower_ in SOURCE_NOUNS:
        return True
    ents = [t.ent_type_ for t in label if not t.is_punct]
    return bool(ents) and all(e in ("PERSON", "ORG") for e in ents)


_SUBORDINATE = frozenset({"relcl", "advcl", "acl", "pcomp", "xcomp", "csubj", "mark"})


# Denial words that, when negated, affirm the claim ("not a hoax", "no lie", "aren't fake").
NEGATABLE_DENIALS = frozenset({"hoax", "hoaxes", "fake", "fakes", "false", "lie", "lies", "myth", "joke", "untrue",
                               "bogus", "fabricated", "made-up", "rumour", "rumor", "prank", "photoshopped",
                               "doctored", "staged"})
# Attitude and evaluation adjectives: "not happy with", "isn't sure how", "never funny" report a
# feeling or judgement about the event, not that it did not happen.
ATTITUDE_ADJECTIVES = frozenset({"happy", "unhappy", "sure", "certain", "ready", "good", "funny", "pleased",
                                 "impressed", "amused", "keen", "thrilled", "satisfied", "convinced", "fond",
                                 "afraid", "worried", "surprised", "bothered", "interested", "proud", "fazed"})
_SKIP_BETWEEN = frozenset({"a", "an", "all", "so", "too", "very", "that", "really", "entirely", "quite", "just",
                           "as", "exactly", "totally", "be", "been", "feeling", "looking",
                           # linking verbs: "doesn't sound good", "doesn't look happy"
                           "sound", "sounds", "look", "looks", "seem", "seems", "feel", "feels"})


def _next_content(tok: Token, sent: Span) -> Token | None:
    """The first token after a negator that is not an article or degree adverb ("not a", "not too")."""
    for t in sent.doc[tok.i + 1:min(sent.end, tok.i + 4)]:
        if t.lower_ not in _SKIP_BETWEEN:
            return t
    return None


# What a reader is told they will not do in teaser headlines ("You won't believe", "never guess").
READER_VERBS = frozenset(f for v in ("believe", "guess", "imagine", "expect", "know", "see", "forget", "miss",
                                     "want", "recognise", "recognize", "predict", "think")
                         for f in inflections(v))


def _addresses_reader(tok: Token, sent: Span) -> bool:
    """ "Don't reset ...", "You'll never guess", "You won't believe": advice to or teasing of the
    reader, not a statement about the event ("You're not going to float" still denies)."""
    head = tok.head
    subjects = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
    if any(c.lower_ in ("you", "ya", "u") for c in subjects) and head.lower_ in READER_VERBS:
        return True
    # An imperative: a bare verb opening the sentence with no subject of its own.
    # ("But not to keep ..." is an infinitive after a contrast, not an order.)
    return (not subjects and head.tag_ == "VB" and head.i - sent.start <= 3 and tok.i - sent.start <= 2
            and not any(c.dep_ in ("cc", "aux") and c.lower_ in ("but", "and", "to") for c in head.children))


def _later_conjunct(tok: Token, sent: Span) -> bool:
    """ "X receives $100, doesn't spend a dime on himself", "was born male but did not tell":
    the headline's claim is its first clause; a negated later conjunct adds a detail."""
    head = tok.head
    root = sent.root
    return (head.dep_ == "conj" and head.head.i == root.i and root.pos_ in ("VERB", "AUX")
            and not any(c.dep_ == "neg" for c in root.children))


def _main_after_colon(tok: Token, colon: int | None) -> bool:
    """ "Tour, agent: Woods not banned": the parser hangs the clause after a headline label's colon
    off the label (as acl/relcl), but that clause is the headline's main claim."""
    return colon is not None and tok.head.i < colon < tok.i


# Verbs whose infinitive complement is stated as fact: "turns out not to have said", "proved not to be".
FACTIVE_RAISING = frozenset({"turn", "turns", "turned", "turning", "prove", "proves", "proved", "proven",
                             "proving"})


def _raised(tok: Token) -> bool:
    return tok.dep_ == "xcomp" and tok.head.lower_ in FACTIVE_RAISING


def _parse_status(sent: Span, quiet: Sequence[tuple[int, int]] = ()) -> ClaimStatus:
    """A negation in the main clause (not inside a relative/adverbial clause) denies the main claim.

    "Al-Baghdadi not dead", "Students not among bodies", "Pope did NOT say": the negator hangs
    off the root or one of its arguments. "No idea" / "not only" are idioms, not denials; nor are
    a negated denial word ("not a hoax"), a negated feeling ("not happy with"), advice to the reader
    ("Don't reset"), a negated later conjunct, or a negator inside a non-committal phrase
    (``quiet``: "won't say if").
    """
    colon = next((t.i for t in sent if t.text == ":" and t.i - sent.start <= 8), None)
    for tok in sent:
        low = tok.lower_
        if low not in ("not", "n't", "never") or tok.dep_ not in ("neg", "advmod", "preconj"):
            continue
        nxt = tok.doc[tok.i + 1].lower_ if tok.i + 1 < len(tok.doc) else ""
        prev = tok.doc[tok.i - 1].text if tok.i > 0 else ""
        if nxt in ("only", "just", "least", "yet") or prev == ",":
            continue  # idioms, and the contrast in "a ticket, not an arrest"
        if any(a <= tok.idx < b for a, b in quiet):
            continue
        if any(a.dep_ in _SUBORDINATE and not _main_after_colon(a, colon) and not _raised(a)
               for a in [tok.head, *tok.head.ancestors] if a.i != sent.root.i):
            continue
        content = _next_content(tok, sent)
        if content is not None and content.lower_ in NEGATABLE_DENIALS | ATTITUDE_ADJECTIVES:
            continue
        if _addresses_reader(tok, sent) or _later_conjunct(tok, sent):
            continue
        return "denied"
    return "asserted"
