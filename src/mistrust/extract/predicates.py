"""Verb and event-noun -> normalised predicate, from the frame lexicon (:mod:`mistrust.extract.frames`).

Claims are grouped across outlets by predicate, so "shipped", "delivered" and "the transfer
of" must all become ``transfer``. The lexicon lists base forms; inflected forms are generated
(regular rules plus a short irregular list) so no lemmatizer is needed and the lookup is one
dict access per token.
"""

from __future__ import annotations

from mistrust.extract.frames import (
    ACCUSE,
    CONVERSE_NOUNS,
    CONVERSE_VERBS,
    FRAMES,
    GERUND_VERBS,
    HOLD_VERBS,
    ISSUING_VERBS,
    LIGHT_VERBS,
    TAKE_DELIVERY,
    UNDERGOING_VERBS,
)

EXTRACTOR = "predicates-v1"

# predicate -> verbs (base forms) and event nouns, read off the frame lexicon.
VERBS: dict[str, tuple[str, ...]] = {f.event: f.verbs for f in FRAMES if f.verbs}
NOUNS: dict[str, str] = {noun: f.event for f in FRAMES for noun in f.nouns}
# a receiving noun no frame lists as its own noun ("imports") is an event noun of its frame
for _noun, _event in CONVERSE_NOUNS.items():
    NOUNS.setdefault(_noun, _event)

_IRREGULAR: dict[str, tuple[str, ...]] = {
    "send": ("sent",), "break": ("broke", "broken"), "pay": ("paid",), "steal": ("stole", "stolen"), "transfer": ("transferred", "transferring"), "sell": ("sold",), "build": ("built",), "buy": ("bought",), "get": ("got", "gotten"),
    "seek": ("sought",), "strike": ("struck", "stricken"), "dig": ("dug",), "meet": ("met",),
    "run": ("ran",), "give": ("gave", "given"), "make": ("made",), "have": ("has", "had", "having"),
    "begin": ("began", "begun"), "fire": (), "freeze": ("froze", "frozen"), "lead": ("led",),
    "say": ("said",), "tell": ("told",), "write": ("wrote", "written"), "think": ("thought",),
    "see": ("saw", "seen"), "know": ("knew", "known"), "hear": ("heard",), "feel": ("felt",),
    "find": ("found",), "show": ("shown",), "speak": ("spoke", "spoken"), "teach": ("taught",),
    "understand": ("understood",), "mean": ("meant",), "read": (), "hold": ("held",), "put": (),
    "take": ("took", "taken"), "keep": ("kept",), "bring": ("brought",), "draw": ("drew", "drawn"), "go": ("went", "gone"),
    "shell": (), "shoot": ("shot",), "forecast": (), "foresee": ("foresaw", "foreseen"), "predict": (),
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
                and (base[-3] not in _VOWELS or base[-4:-2] == "qu")  # "equip": "qu" is a consonant
                and (len(base) <= 4 or base.endswith(("it", "ip", "el", "ar")))):
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
                               | ACCUSE | HOLD_VERBS | CONVERSE_VERBS | TAKE_DELIVERY | GERUND_VERBS
                               | ISSUING_VERBS | UNDERGOING_VERBS for f in inflections(b)}


def _head_part(form: str) -> str:
    # a hyphenated verb the tokenizer kept whole ("test-fired", "re-exported": extract/segment.py)
    # is read by its last part
    form = form.lower()
    return form.rsplit("-", 1)[-1] if "-" in form else form


def verb_lemma(form: str) -> str | None:
    """Base form of a known verb form (lowercase), else None."""
    return LEMMA_FORMS.get(_head_part(form))


def verb_predicate(form: str) -> str | None:
    """Normalised predicate of an inflected verb form, or None when it is not an event verb."""
    return VERB_FORMS.get(_head_part(form))


def noun_predicate(form: str) -> str | None:
    """Normalised predicate of an event noun ("cooperation" -> cooperate), or None."""
    return NOUNS.get(form.lower())
