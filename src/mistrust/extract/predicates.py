"""Verb and event-noun -> normalised predicate, from the frame lexicon (:mod:`mistrust.extract.frames`).

Claims are grouped across outlets by predicate, so "shipped", "delivered" and "the transfer
of" must all become ``transfer``. The lexicon lists base forms; inflected forms are generated
(regular rules plus a short irregular list) so no lemmatizer is needed and the lookup is one
dict access per token.
"""

from __future__ import annotations

from mistrust.extract.frames import ACCUSE, CONVERSE_VERBS, FRAMES, HOLD_VERBS, TAKE_DELIVERY

EXTRACTOR = "predicates-v1"

# predicate -> verbs (base forms) and event nouns, read off the frame lexicon.
VERBS: dict[str, tuple[str, ...]] = {f.event: f.verbs for f in FRAMES if f.verbs}
NOUNS: dict[str, str] = {noun: f.event for f in FRAMES for noun in f.nouns}

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
ASPECTUAL = frozenset({"complete", "finish", "finalize", "finalise", "resume", "restart", "renew", "revive", "reactivate", "reestablish", "re-establish",
                       "restore", "continue", "begin", "start", "launch", "expand", "deepen", "strengthen",
                       "step", "intensify", "broaden", "widen", "enhance", "boost", "bolster", "reinforce",
                       "ramp", "scale", "accelerate", "maintain", "keep", "pursue", "extend", "further",
                       "increase", "upgrade", "advance", "build", "forge", "establish", "develop"})

# Verbs whose meaning is carried by their object noun ("resumed cooperation", "conducted a test").
LIGHT_VERBS = ASPECTUAL | frozenset({
                         "conduct", "carry", "undertake", "provide", "give", "offer", "receive",
                         "make", "have", "pursue", "involve", "include", "seek", "get", "extend", "maintain",
                         "impose", "slap", "levy", "announce", "unveil", "adopt", "sign", "approve", "lift", "ease", "tighten",
                         # "ordered strikes", "mounted an attack": who orders or mounts is the actor
                         "order", "authorize", "authorise", "mount", "stage", "wage",
                         "orchestrate", "direct", "perpetrate"})

# Objects that turn a verb into another event: "struck a deal" is an agreement, "launched a probe"
# an investigation (no predicate of ours), not an attack or a missile test.
OBJECT_OVERRIDES: dict[tuple[str, str], str | None] = {
    ("attack", "deal"): "agree", ("attack", "agreement"): "agree", ("attack", "accord"): "agree",
    ("attack", "bargain"): "agree", ("attack", "compromise"): "agree", ("attack", "tone"): None,
    ("attack", "balance"): None, ("attack", "chord"): None, ("attack", "note"): None,
    ("test", "probe"): None, ("test", "investigation"): None, ("test", "inquiry"): None,
    ("test", "campaign"): None, ("test", "review"): None, ("test", "initiative"): None,
    ("test", "website"): None, ("test", "app"): None, ("test", "bid"): None, ("test", "appeal"): None,
    ("transfer", "tweet"): None, ("transfer", "message"): None, ("transfer", "letter"): None,
    ("transfer", "signal"): None, ("transfer", "email"): None, ("transfer", "condolences"): None,
}

_IRREGULAR: dict[str, tuple[str, ...]] = {
    "send": ("sent",), "pay": ("paid",), "steal": ("stole", "stolen"), "transfer": ("transferred", "transferring"), "sell": ("sold",), "build": ("built",), "buy": ("bought",), "get": ("got", "gotten"),
    "seek": ("sought",), "strike": ("struck", "stricken"), "dig": ("dug",), "meet": ("met",),
    "run": ("ran",), "give": ("gave", "given"), "make": ("made",), "have": ("has", "had", "having"),
    "begin": ("began", "begun"), "fire": (), "freeze": ("froze", "frozen"), "lead": ("led",),
    "say": ("said",), "tell": ("told",), "write": ("wrote", "written"), "think": ("thought",),
    "see": ("saw", "seen"), "know": ("knew", "known"), "hear": ("heard",), "feel": ("felt",),
    "find": ("found",), "show": ("shown",), "speak": ("spoke", "spoken"), "teach": ("taught",),
    "understand": ("understood",), "mean": ("meant",), "read": (), "hold": ("held",), "put": (),
    "take": ("took", "taken"), "keep": ("kept",), "bring": ("brought",), "go": ("went", "gone"),
    "shell": (), "forecast": (), "foresee": ("foresaw", "foreseen"), "predict": (),
}

_VOWELS = set("aeiou")


def inflections(base: str) -> set[str]:
    """Regular + irregular inflected forms of an English verb (good enough for a lexicon)."""
    forms = {base}
    forms.update(_IRREGULAR.get(base, ()))
    if base.endswith("e"):
        forms |= {base + "s", base + "d", base[:-1] + "ing"}
    elif base.endswith("y") and base[-2:-1] not in _VOWELS:
        forms |= {base[:-1] + "ies", base[:-1] + "ied", base + "ing"}
    else:
        plural = base + ("es" if base.endswith(("s", "sh", "ch", "x", "z")) else "s")
        forms |= {plural, base + "ed", base + "ing"}
        # Doubling for short CVC verbs (ship -> shipped, ban -> banned), and "-l" in British use.
        if (len(base) >= 3 and base[-1] not in _VOWELS | {"w", "x", "y"} and base[-2] in _VOWELS
                and base[-3] not in _VOWELS and (len(base) <= 4 or base.endswith(("it", "ip", "el", "ar")))):
            forms |= {base + base[-1] + "ed", base + base[-1] + "ing"}
    return forms


def build_form_table(table: dict[str, tuple[str, ...]]) -> dict[str, str]:
    """form -> key for a {key: base forms} table; earlier keys win when a form is shared."""
    out: dict[str, str] = {}
    for key, bases in table.items():
        for base in bases:
            for form in inflections(base):
                out.setdefault(form, key)
    return out


VERB_FORMS: dict[str, str] = build_form_table(VERBS)
LEMMA_FORMS: dict[str, str] = {f: b for b in {b for bs in VERBS.values() for b in bs} | LIGHT_VERBS
                               | ACCUSE | HOLD_VERBS | CONVERSE_VERBS | TAKE_DELIVERY for f in inflections(b)}


def verb_lemma(form: str) -> str | None:
    """Base form of a known verb form (lowercase), else None."""
    return LEMMA_FORMS.get(form.lower())


def verb_predicate(form: str) -> str | None:
    """Normalised predicate of an inflected verb form, or None when it is not an event verb."""
    return VERB_FORMS.get(form.lower())


def noun_predicate(form: str) -> str | None:
    """Normalised predicate of an event noun ("cooperation" -> cooperate), or None."""
    return NOUNS.get(form.lower())
