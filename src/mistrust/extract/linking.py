"""Links from entity mentions to sanctions list entries, through an injected screening function.

The Workspace passes its screening (``ws.screen(NameQuery(...), record=False)``); this module never
imports the screening engine. Only actors that can be listed are screened (Person, Organization,
Facility, Vessel): countries and nationalities never are, so "Iran" does not link to every Iranian
bank. Results are cached per (name, schema, countries): a name repeated in an article or across a
batch is screened once.

Candidates come from three places, so that a name the text writes as the list does is never lost
to a low fuzzy score (one-word names, transliterations, names with particles and ayns): every hit
the screening returns, also under its threshold; the entries whose name or alias equals the mention
once case, accents, apostrophes/ayns and punctuation are set aside (a person's "SURNAME, Given"
also in reading order), or (one long word) is spelt alike (``IdentifierIndex.named``); for a person, the listed people with the mention's first or last
word as surname (``IdentifierIndex.surnamed``). The rules below, not the score, decide the tier.

Every link carries a tier and the reason for it (``Hit.tier``, ``Hit.link_reason``); only
*certain* links count as "on a sanctions list":

- **certain**: the same name (not through a weak alias), a person's surname and first given name
  (``link_rules.person_agrees``), the entry's quoted own name, or an organisation name that
  scores >= 0.95 or agrees with the text's country; and no rule below holds it back.
- **probable**: the names are close (score at or above the link threshold) but the agreement is
  partial (a missing given name, a spelling that only the screening's fuzzy features see, one of
  an alias's two surnames without the entry's country), or the name is shared by two different
  entries of one list (which one is meant is unknown), or it is a body's alias and the sentence
  names another state, or a state organ's name that only the text's main state places, or a
  person the text calls another state's citizen, national or native (``rules.stated_origins``)
  than any of the entry's nationalities and birthplaces, or names in a group of another state's
  people or of captives, or as held by the entry's state (``rules.group_placed``, ``captors``);
  then every mention of that name in the text (one name is one person in a text); or a body's
  name that writes only the generic part of the listed name, leaving out its proper word ("Ports
  and Maritime Organisation" for "<Name> PORT AND MARITIME COMPANY"), or names another kind of
  body (an Organisation for a Company, a Ministry for a Bank): ``org_agreement``.
- **possible**: a person's surname alone, titles set aside ("bin X", "Ayatollah X": every listed
  and unlisted person of that surname), a weak alias alone (list publishers mark them too broad to rely on), a vessel or
  company named by a common word or a place that the text does not type as one, a state organ's
  name whose country the text does not give, a nationality with a kind of ship or company
  ("Iranian Tanker").

Dropped outright: a state organ's name whose country disagrees with the entry's ("Russia's
defence ministry" is not North Korea's), a short acronym's chance expansion, a one-word name that is
not the same word (up to vowel spelling: Hezbollah / Hizballah).

Of a listed body and its sub-unit both found (one list names the unit as the parent plus words:
"X AIR FORCE" beside "X"), the mention's words decide which is meant, not the two scores
(``_named_units``).

Titles and ranks before a person's name are set aside (``link_rules.without_titles``). A name the
text gives no state for takes the state the whole text is plainly about (``main_country``) when
it links nothing certainly on its own; a state organ's name after "the country's" takes the state
that phrase refers back to (``referred_state``) as its own.

A name the tagger labels Person that no person carries (digits, an acronym) is screened against every
schema; a group's singular ("Xite rebels") links a listed "THE XITES".

Names the tagger split ("Applied Optics" and "Design Bureau" around "and"; a person's name cut at an
ayn it read as a quote, "Tariq" and "‘Abd-al-Nur ...") or wrapped in a possessive ("X's regime")
are tried whole, or as the possessor, before they are given up.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import lru_cache

from mistrust.extract import link_rules as rules
from mistrust.extract import org_agreement
from mistrust.extract.entities import Recognized
from mistrust.extract.gazetteer import lookup as place_lookup
from mistrust.extract.identifiers import IdentifierIndex, identifier_hit, name_hit, surname_hit
from mistrust.model.documents import Mention
from mistrust.model.screening import Hit, LinkTier, NameQuery, name_problem
from mistrust.model.sentences import sentence_span
from mistrust.model.vocabulary import APOSTROPHES

LINKING_VERSION = "linking-v11"
ScreenFn = Callable[[NameQuery], list[Hit]]

LINK_LABELS = ("Person", "Organization", "Facility", "Vessel")
_SCHEMAS = {"Person": "Person", "Organization": "Organization", "Vessel": "Vessel",
            # Listed facilities are organisations or legal entities ("SHAHID MOVAHED INDUSTRIES").
            "Facility": "Any"}
_GENERIC_TAIL = re.compile(r"\s+(?:group|network|organi[sz]ation|militia|movement)$", re.I)
_RANK: dict[LinkTier, int] = {"certain": 0, "probable": 1, "possible": 2}


@dataclass(frozen=True)
class LinkOptions:
    threshold: float = 0.85
    limit: int = 3  # hits kept per mention, best first
    labels: tuple[str, ...] = LINK_LABELS
    min_chars: int = 3
    # Keep only hits close to the best one: "Islamic Revolutionary Guard Corps" scores 1.0 on the
    # Corps and 0.85 on its Air Force; the mention names the Corps, not every branch.
    margin: float = 0.05
    # An organisation name this close is certain without the country's confirmation.
    certain_score: float = 0.95


def _fired(hit: Hit) -> set[str]:
    return {f.name for f in hit.features if f.score > 0}


def _country_agrees(hit: Hit) -> bool | None:
    for f in hit.features:
        if f.name == "country":
            return f.score > 0
    return None


def reliable(hit: Hit, mention_name: str) -> bool:
    """Whether a screening hit can link a name read in an article at all.

    - Not an acronym of three letters or fewer expanded by chance: 26^3 combinations against tens of
      thousands of listed names always find one ("FBI" is the initials of a listed Iranian company).
      Acronyms defined in the text are screened in their long form already.
    - A one-word name links only when the names are the same word, up to the vowels and doubled
      letters of a transliteration (Hezbollah / Hizballah): a single fuzzy word ("Satan" vs "SATNA",
      "Hama" vs "HAMAS") has nothing else to confirm it.
    """
    fired = _fired(hit)
    compact = mention_name.replace(" ", "").replace(".", "")
    if "name_acronym" in fired and "name_exact" not in fired and len(compact) <= 3:
        return False
    if len(mention_name.split()) == 1:
        # Compared without a leading article: lists write some movements "THE X" ("Xites" is
        # "THE XITES"), news write the name alone.
        word = rules.fold(mention_name)
        listed = {rules.fold(rules.name_key(hit.matched_name)),
                  rules.fold(rules.name_key(rules.quoted_name(hit.entity_name) or ""))}
        return word in listed or (len(word) >= 6 and rules.same_word(word, rules.name_key(hit.matched_name))) \
            or rules.group_singular(mention_name, hit.matched_name)
    return True


@lru_cache(maxsize=rules.MEMO_SIZE)
def _name_countries(name: str) -> tuple[str, ...]:
    """States a name names in its own words: "Syrian Army", "Ministry of Defence of North Korea".

    Memoised (a pure function of the name and the fixed gazetteer): every mention's query asks it,
    and a state organ's name asks it again for each of its screening hits."""
    out: list[str] = []
    words = rules.name_words(name)
    for n in (3, 2, 1):
        for i in range(len(words) - n + 1):
            place = place_lookup(" ".join(words[i:i + n]))
            if place is not None and place.code and place.code not in out:
                out.append(place.code)
    return tuple(out)


def _own_country(rec: Recognized, name: str) -> bool:
    """Whether the mention's own sentence or words give a state (not only the text as a whole)."""
    return bool(rec.countries) or bool(_name_countries(name))


def _is_place(mention: Mention, places: list[tuple[int, int]]) -> bool:
    """A name the text uses as a place: the states gazetteer knows it, or the statistical tagger
    read it as a place ("the Persian Gulf", "Hama": ``places``, the spans of its place labels)
    before the list ruler called it a company."""
    if place_lookup(mention.text) is not None:
        return True
    return any(s <= mention.start and mention.end <= e for s, e in places)


_PLACE_LABELS = ("GPE", "LOC", "FAC")


@dataclass
class LinkContext:
    """What the rules may read besides the mention: the document text and the tagger's own
    entity spans (``[(start, end, "GPE")]``)."""

    text: str = ""
    ents: list[tuple[int, int, str]] | None = None
    # The state the text is plainly about (``main_country``): the country of a name that gives none.
    country: str | None = None
    # ``_is_place`` per (text, start, end): ``grade`` asks it for every hit of a mention, and the
    # answer walks all the tagger's entity spans of the text; the mention, not the hit, decides it.
    _places: dict[tuple[str, int, int], bool] = field(default_factory=dict, repr=False)
    # (start, state) of every state the text names, in order: what "the country's X" refers to.
    states: list[tuple[int, str]] = field(default_factory=list)
    # Listed people the text names a namesake of (a person it places in another state, or among
    # captives): one name is one person in a text, so its other mentions are held back too.
    namesakes: dict[str, str] = field(default_factory=dict)
    # The tagger's place spans, picked out of ``ents`` once for all the mentions of the text.
    _place_spans: list[tuple[int, int]] | None = field(default=None, repr=False)

    def is_place(self, mention: Mention) -> bool:
        key = (mention.text, mention.start, mention.end)
        known = self._places.get(key)
        if known is None:
            if self._place_spans is None:
                self._place_spans = [(s, e) for s, e, label in self.ents or [] if label in _PLACE_LABELS]
            known = self._places[key] = _is_place(mention, self._place_spans)
        return known


# A text is plainly about one state when that state (its name, demonym or capital) is named this
# often, and this many times as often as the next state.
_MAIN_MENTIONS = 3
_MAIN_LEAD = 2.0


def _state_of(rec: Recognized) -> str | None:
    """The state a mention names: a country, a demonym, or a capital used as a place (a capital
    still says which state the text is in)."""
    if rec.mention.label in ("Country", "Nationality"):
        return rec.country or None
    if rec.mention.label == "Location" and (place := place_lookup(rec.mention.text)) is not None:
        return place.code or None
    return None


# "the country's top military body, the X": the state a possessive description refers back to.
_STATE_ANAPHOR = re.compile(r"\b(?:the|that|this)\s+(?:country|nation|state)[" + APOSTROPHES + r"]s\b", re.I)
# How far back the state a description refers to may be named (about two sentences).
_ANAPHOR_REACH = 400


def referred_state(text: str, start: int, states: list[tuple[int, str]]) -> str | None:
    """The state "the country's ..." before a name in its sentence refers to: the last state named
    before that phrase, within ``_ANAPHOR_REACH`` characters; None without such a phrase."""
    s, _ = sentence_span(text, start)
    found = list(_STATE_ANAPHOR.finditer(text, s, start))
    if not found:
        return None
    at = found[-1].start()
    named = [code for pos, code in states if at - _ANAPHOR_REACH <= pos < at]
    return named[-1] if named else None


def main_country(recs: list[Recognized]) -> str | None:
    """The state the text names most, when it is named at least ``_MAIN_MENTIONS`` times and
    ``_MAIN_LEAD`` times as often as any other: "the ministry" or "the country's top military
    body" in such a text is that state's."""
    counts: dict[str, int] = {}
    for rec in recs:
        if code := _state_of(rec):
            counts[code] = counts.get(code, 0) + 1
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    if not ranked or ranked[0][1] < _MAIN_MENTIONS:
        return None
    if len(ranked) > 1 and ranked[0][1] < _MAIN_LEAD * ranked[1][1]:
        return None
    return ranked[0][0]


def grade(hit: Hit, rec: Recognized, query: NameQuery, ctx: LinkContext,
          threshold: float = 0.85, certain_score: float = 0.95) -> tuple[LinkTier, str] | None:
    """The tier and reason of one screening hit for one mention, or None when it must not link."""
    m = rec.mention
    name = query.name
    quoted = rules.quoted_name(hit.entity_name)
    person = hit.schema == "Person" or (m.label == "Person" and query.schema == "Person")
    if hit.score < threshold and not person and not (quoted and rules.fold(quoted) == rules.fold(name)):
        # Under the link threshold only the rules that read the names whole may link (a person's
        # surname and given name below, the entry's quoted name); the rest grade what the score found.
        return None
    fired = _fired(hit)
    agrees = _country_agrees(hit)  # whether the entry's country is the text's (None: nothing to compare)
    if hit.schema == "Vessel" or m.label == "Vessel":
        typed = m.extractor.endswith("vessel-rule-v1") or rules.typed_as(ctx.text, m.start, m.end, rules.VESSEL_NOUNS)
        if not typed:
            return "possible", "a vessel's name the text does not call a ship"
    elif ctx.is_place(m) and not rules.typed_as(ctx.text, m.start, m.end, rules.COMPANY_NOUNS):
        return "possible", "a place name the text does not call a company or body"
    elif place_lookup(hit.matched_name) is not None and rules.fold(name) != rules.fold(hit.matched_name):
        return None  # a company listed under a state's name ("MALAYSIA") is not every body named after it
    elif rules.is_kind(name):
        return "possible", "a nationality and a kind of ship or company, not a name"
    elif rules.is_descriptor(name):
        if agrees is False:
            return None
        if agrees is None:
            return "possible", "a state organ's name, and the text gives no country for it"
        if not _own_country(rec, name) and ctx.country and rules.name_key(name) != rules.name_key(hit.matched_name):
            # The state was read off the whole text, not the name's own words: only the entry's
            # own name may then link ("State Department" in a text about Ruritania is not the
            # Ruritanian "State Security Department").
            return "probable", f"a state organ's name like '{hit.matched_name}' in a text about its state"
        return "certain", f"a state organ's name; the text's country agrees with the entry ({hit.matched_name})"
    if m.label == "Facility" and rules.site_of_company(name, hit.matched_name):
        return "probable", f"a site named like the company '{hit.matched_name}', which may only run it"
    if quoted and rules.fold(quoted) == rules.fold(name):
        return "certain", f"the entry's own name in quotes: '{quoted}'"
    if not person and rules.fold(hit.matched_name) != rules.fold(hit.entity_name):
        # An alias names the entry only where the entry is at home: "People's Liberation Army" is
        # one state's army and another body's alias, and an acronym equal to an alias is another
        # body's in a text about another state (a defined acronym is screened in its long form).
        if agrees is False and _own_country(rec, name):
            return "probable", f"an alias of '{hit.entity_name}', whose country is not the text's"
    if person and rules.given_missing(name, hit.matched_name):
        # "bin Laden", "General Tolvar": every listed person of that surname is a candidate, and
        # so is every other person of it; a surname joins its full name in the document instead.
        return "possible", f"a surname without a given name ('{hit.matched_name}' is one who has it)"
    if person and "weak_alias" not in fired:
        # The screening's score may be low for a name that leaves out middle names; under the link
        # threshold (or found by surname alone) the words must then be the same, not only alike.
        why = rules.person_agrees(name, hit.matched_name, exact=hit.score < threshold)
        alias = rules.fold(hit.matched_name) != rules.fold(hit.entity_name)
        if why and alias and rules.surname_partial(name, hit.matched_name) and agrees is not True:
            # The entry's own name written short is the usual way news name a listed person; an
            # alias written short is the usual way they name someone else of that name.
            return "probable", (f"{why}, an alias of '{hit.entity_name}' with one of its two surnames and "
                                "no country of the entry in the text")
        if why:
            return "certain", why
    if hit.score < threshold:
        return None
    if "weak_alias" in fired:
        if hit.schema == "Person" and rules.all_words_in(name, hit.entity_name) and \
                rules.person_agrees(name, hit.matched_name):
            return "certain", f"a weak alias ('{hit.matched_name}') confirmed by the full name '{hit.entity_name}'"
        return "possible", f"through a weak alias only ('{hit.matched_name}')"
    exact = "name_exact" in fired
    if person:
        if exact:
            return "certain", f"same name as '{hit.matched_name}'"
        return "probable", f"a similar name ('{hit.matched_name}', {hit.score:.2f}) without the same surname and given name"
    if _short_acronym(name) and rules.fold(hit.matched_name) != rules.fold(hit.entity_name) and \
            (agrees is False or (agrees is None and not query.countries)):
        # A short acronym is shared by many bodies (a university, a party, a listed group): equal
        # to a listed alias, it names the entry only where the text names the entry's state, or
        # the entry has none to contradict the text's (a long form is screened by itself).
        return "probable", f"an acronym equal to '{hit.matched_name}', an alias of '{hit.entity_name}', " \
            "in a text that does not name the entry's state"
    if len(name.split()) == 1 and rules.same_word(name, hit.matched_name):
        return "certain", f"the same word as '{hit.matched_name}', up to its spelling"
    if len(name.split()) == 1 and rules.group_singular(name, hit.matched_name):
        return "certain", f"the singular of the group's name '{hit.matched_name}'"
    if exact:
        return "certain", f"same name as '{hit.matched_name}'"
    partial = _generic_part(name, m, hit)
    if partial:
        return "probable", partial
    if hit.score >= certain_score:
        return "certain", f"nearly the same name as '{hit.matched_name}' ({hit.score:.2f})"
    if agrees:
        return "certain", f"a close name ('{hit.matched_name}', {hit.score:.2f}) and the text's country agrees"
    return "probable", f"a close name ('{hit.matched_name}', {hit.score:.2f})"


def _short_acronym(name: str) -> bool:
    """Two to four capitals ("ABC", "A.B.C."): initials many bodies share."""
    return rules.looks_like_acronym(name) and len(name.replace(".", "")) <= 4


def _generic_part(name: str, m: Mention, hit: Hit) -> str | None:
    """Why an organisation mention that is not the listed name says only its generic part, or
    None: it leaves out a proper word of the listed name ("Ports and Maritime Organisation" for
    "<Name> PORT AND MARITIME COMPANY"), or it is another kind of body (an Organisation, not a
    Company). An acronym is judged by its letters, not its words."""
    if "name_acronym" in _fired(hit) or rules.looks_like_acronym(name):
        return None
    written = m.canonical or m.text
    # The mention as written and the name screened ("the X Organisation" screened as "X")
    said = f"{name} {written}" if rules.fold(name) != rules.fold(written) else name
    missing = org_agreement.missing_proper(said, hit.matched_name)
    if missing:
        return f"a name like '{hit.matched_name}' without its own word(s) {', '.join(missing)}"
    kinds = org_agreement.kind_differs(written, hit.matched_name)
    if kinds:
        return f"a name like '{hit.matched_name}', but a {kinds[0]}, not a {kinds[1]}"
    return None


def _ambiguous(graded: list[Hit]) -> bool:
    """Two different entries of one list under one top name: the text does not say which is meant."""
    certain = [h for h in graded if h.tier == "certain"]
    by_source: dict[str, set[str]] = {}
    for h in certain:
        by_source.setdefault(_source(h), set()).add(h.entity_id)
    return any(len(ids) > 1 for ids in by_source.values())


def _source(hit: Hit) -> str:
    """The list an entry comes from: its id's prefix ("un", "ofac")."""
    return hit.entity_id.split(":")[0]


def _initials(name: str) -> str:
    return "".join(w[0] for w in rules.name_words(name) if w[:1].isalpha() and w.casefold() not in ("of", "and", "the"))


def _most_explained(hits: list[Hit], name: str) -> list[Hit]:
    """Among bodies kept for one mention, those whose matched name accounts for every proper word
    of the mention; among these, those whose matched name has no proper word the mention leaves
    out (``org_agreement.missing_proper`` both ways). A mention that names a sub-unit ("the X
    Corps' Y Force", "Bank X's Z branch") names the sub-unit, not its parent, whose name leaves Y or
    Z unexplained; a mention that writes no word of the sub-unit's own names the parent. The
    screening's scores of the two are often a few hundredths apart, so the score margin alone
    cannot tell them apart. Entries with the same name explain the same words: they stay together
    (``_ambiguous``). People's names and acronyms are not judged by words here."""
    if len(hits) < 2 or rules.looks_like_acronym(name) or \
            any(h.schema == "Person" or "name_acronym" in _fired(h) for h in hits):
        return hits
    for unexplained in (lambda h: org_agreement.missing_proper(h.matched_name, name),
                        lambda h: org_agreement.missing_proper(name, h.matched_name)):
        full = [h for h in hits if not unexplained(h)]
        if full and len(full) < len(hits):
            hits = full
    return hits


def _named_units(hits: list[Hit], name: str) -> list[Hit]:
    """Of two bodies one of which is listed as the other with words added (a sub-unit: "VELKAN
    GUARD AIR FORCE" beside "VELKAN GUARD", ``org_agreement.unit_words``), the one the mention
    names: the parent when the mention writes no word of the sub-unit's own (the added words, or a
    word of its other name: "navy" of "VELKAN NAVY" listed as "VELKAN GUARD NAVAL FORCE"), the
    sub-unit when it writes all the added words ("the Velkan Guard's air force"); both stay
    otherwise. The screening rewards the words a sub-unit shares with the mention and may score it
    within the margin of its parent, or above it when the parent matches through a looser alias;
    the added words are what tell the two apart. Judged on every graded candidate, whatever its
    tier, so that a parent held back to probable does not leave its sub-unit certain in its place.
    Only entries of one list are compared: a list names a sub-unit beside its parent, while two
    lists often name one body, one of them with words the other leaves out ("X" and "X (XYZ)").
    People's names and acronyms are not judged by words (as in ``_most_explained``)."""
    if len(hits) < 2 or rules.looks_like_acronym(name):
        return hits
    bodies = [h for h in hits if h.schema != "Person" and "name_acronym" not in _fired(h)]
    dropped: set[str] = set()
    for parent in bodies:
        for unit in bodies:
            if parent.entity_id == unit.entity_id or _source(parent) != _source(unit):
                continue
            parent_names = (parent.entity_name, parent.matched_name)
            unit_names = (unit.entity_name, unit.matched_name)
            additions = {org_agreement.unit_words(p, u) for p in parent_names for u in unit_names} - {()}
            if not additions:
                continue  # not a sub-unit of this parent
            if not org_agreement.written(name, org_agreement.own_words(unit_names, parent_names)):
                dropped.add(unit.entity_id)
            elif any(len(org_agreement.written(name, added)) == len(added) for added in additions):
                dropped.add(parent.entity_id)
    kept = [h for h in hits if h.entity_id not in dropped]
    return kept or hits


def _prefer_primary(hits: list[Hit], name: str) -> list[Hit]:
    """Among hits tied on score, those whose primary name (or its initials) the mention writes:
    "IRGC" is the Corps' own acronym, and only an alias of its Qods Force."""
    key = rules.fold(name)
    own = [h for h in hits if rules.fold(h.entity_name) == key or rules.fold(_initials(h.entity_name)) == key]
    return own if own and len(own) < len(hits) else hits


class Linker:
    def __init__(self, screen: ScreenFn, options: LinkOptions | None = None,
                 identifiers: IdentifierIndex | None = None) -> None:
        self.screen = screen
        self.options = options or LinkOptions()
        self.identifiers = identifiers
        self._cache: dict[tuple[str, str, tuple[str, ...]], list[Hit]] = {}
        self.calls = 0

    def forget(self) -> None:
        """Drop every remembered answer: this linker's screening results and the memoised name
        rules (a benchmark round that must link from scratch)."""
        self._cache.clear()
        self.calls = 0
        rules.clear_memos()
        org_agreement.clear_memos()
        _name_countries.cache_clear()

    def query_for(self, rec: Recognized, name: str | None = None) -> NameQuery | None:
        """The screening query for a mention, or None when the mention is not screened."""
        m = rec.mention
        if m.label not in self.options.labels or rec.generic:
            return None  # offices, groups and pronouns ("the Foreign Secretary") name no one listed
        # The long form of an acronym screens better than the acronym ("IRGC" -> the Corps).
        name = name or m.canonical or m.text
        if len(name.replace(" ", "")) < self.options.min_chars:
            return None
        schema = _SCHEMAS[m.label]
        if m.label == "Person" and not rules.person_shaped(name):
            schema = "Any"  # the tagger's Person, but no person's name: tried as any listed thing
        elif m.label == "Person":
            name = rules.without_titles(name)  # "Ayatollah X" is X: a title is a role, not a name
            if len(name.split()) < 2:
                return None
        countries = list(rec.countries)
        countries += [c for c in _name_countries(name) if c not in countries]
        return NameQuery(name=name, schema=schema, countries=countries)

    def _hits(self, query: NameQuery) -> list[Hit]:
        """Candidates for a name: every hit the screening returns, also under its threshold (the
        rules of ``grade`` decide: a person's surname and given name, the entry's quoted name, and
        only then the score), and the entries that carry the name as written (``_listed``); of these,
        the ones ``reliable`` lets link, which it decides from the hit and the name alone (once per
        name, not again for each of its mentions)."""
        key = (query.name.lower(), query.schema, tuple(query.countries))
        if key not in self._cache:
            self._cache[key] = [h for h in self._listed(query) + self._screened(query) if reliable(h, query.name)]
        return self._cache[key]

    def _screened(self, query: NameQuery) -> list[Hit]:
        """The screening's hits for a name, unless none of them could pass ``reliable``: a one-word
        name that no listed name is, spells alike or names the singular of
        (``IdentifierIndex.one_word``) takes no hit, and most one-word names in news (outlets,
        parties, agencies' initials) are such. An unreadable name (``name_problem``) is still sent,
        for the screening to refuse."""
        one_word = self.identifiers.one_word if self.identifiers is not None else None
        if one_word is not None and len(query.name.split()) == 1 and not one_word.may_link(query.name) \
                and name_problem(query.name, len(query.name)) is None:
            return []
        self.calls += 1
        return list(self.screen(query))

    def _listed(self, query: NameQuery) -> list[Hit]:
        """Entries whose listed name or alias the mention writes, up to case, accents, apostrophes
        and punctuation, or (one long word) up to its spelling: found whatever the fuzzy score."""
        if self.identifiers is None:
            return []
        person = query.schema == "Person"
        if len(rules.fold(query.name)) <= 3:
            return []  # a short acronym equal to some entry's alias is chance, as in ``reliable``
        found = self.identifiers.named(query.name)
        if not person and " " not in query.name.strip():  # "Xenite" for a listed "THE XENITES"
            found += [x for x in self.identifiers.named(query.name + "s") + self.identifiers.named(query.name + "es")
                      if rules.group_singular(query.name, x.value) and x not in found]
        out = [name_hit(query.name, listed, query.countries) for listed in found
               if query.schema == "Any" or (listed.schema == "Person") == person]
        if person:  # a person's news spelling: candidates by surname, for ``person_agrees`` to judge
            out += [surname_hit(query.name, listed, query.countries)
                    for listed in self.identifiers.surnamed(query.name)]
        return out

    def link(self, rec: Recognized, ctx: LinkContext | None = None, name: str | None = None) -> list[Hit]:
        ctx = ctx or LinkContext()
        query = self.query_for(rec, name)
        if query is None:
            return []
        if not query.countries and rules.is_descriptor(query.name) and \
                (state := referred_state(ctx.text, rec.mention.start, ctx.states)):
            # "the country's top military body, the X": the state the sentence refers back to is
            # the organ's own, as if the sentence named it.
            rec = replace(rec, countries=[state])
            query = replace(query, countries=[state])
        if not query.countries and ctx.states and _short_acronym(query.name):
            # A short acronym is confirmed by the states the text names (``grade``): screened
            # with them, an entry of another state shows it, an entry of none is not contradicted.
            query = replace(query, countries=sorted({code for _, code in ctx.states}))
        found = self._graded(rec, query, ctx)
        core = _GENERIC_TAIL.sub("", query.name)
        if not found and core != query.name and rec.mention.label != "Person":
            # "the X Group", "the X network": news add a noun the list name does not have
            found = self._graded(rec, replace(query, name=core), ctx)
        if ctx.country and not query.countries and not any(h.tier == "certain" for h in found):
            # A name the text gives no state for, in a text about one state: that state is the
            # name's. Tried only when the name alone links nothing certainly, since a country in
            # the query moves the screening's scores of every other name too.
            placed = self._graded(rec, replace(query, countries=[ctx.country]), ctx)
            if any(h.tier == "certain" for h in placed):
                found = placed
        if query.schema == "Person" and any(h.tier == "certain" for h in found):
            m = rec.mention
            stated = rules.stated_origins(ctx.text, m.start, m.end)
            group, captive = rules.group_placed(ctx.text, m.start, m.end)
            held = rules.captors(ctx.text, m.start, m.end)
            found = self._against_origins(found, stated + [c for c in group if c not in stated], captive, held, ctx)
        return found

    def _against_origins(self, found: list[Hit], stated: list[str], captive: bool, held: list[str],
                         ctx: LinkContext) -> list[Hit]:
        """A listed person's name on someone the text calls another state's citizen or native ("X,
        a Chilean citizen" for a listed Peruvian), alone or as one of a group ("two Chilean
        nationals -- X and Y"), or names among captives ("the freed hostages, X and Y"), or as
        held by the entry's own state ("X, who is held by Peru", for a listed Peruvian official):
        a namesake as often as not, so not certain."""
        out = []
        for h in found:
            listed = self.identifiers.origins.get(h.entity_id, ()) if self.identifiers is not None else ()
            why = None
            if stated and listed and not set(listed) & set(stated):
                why = f"the text gives the person's state as {', '.join(stated)}, the entry's is {', '.join(listed)}"
            elif captive:
                why = "the text names the person among captives"
            elif set(held) & set(listed):
                why = f"the text says the person is held by {', '.join(held)}, the entry's state"
            if h.tier == "certain" and why:
                ctx.namesakes.setdefault(h.entity_id, why)
                h = replace(h, tier="probable", link_reason=f"{h.link_reason}; but {why}")
            out.append(h)
        return out

    def _graded(self, rec: Recognized, query: NameQuery, ctx: LinkContext) -> list[Hit]:
        graded: list[Hit] = []
        for hit in self._hits(query):
            verdict = grade(hit, rec, query, ctx, self.options.threshold, self.options.certain_score)
            if verdict is not None:
                graded.append(replace(hit, tier=verdict[0], link_reason=verdict[1]))
        if not graded:
            return []
        graded.sort(key=lambda h: (_RANK[h.tier or "possible"], -h.score))
        once: dict[str, Hit] = {}
        for h in graded:  # an entry both screened and found by its listed name: its best grade
            once.setdefault(h.entity_id, h)
        graded = _named_units(list(once.values()), query.name)
        best = graded[0]
        kept = [h for h in graded if h.tier == best.tier and h.score >= best.score - self.options.margin]
        kept = _most_explained(kept, query.name)
        kept = _prefer_primary(kept, query.name)
        if _ambiguous(kept):
            kept = [replace(h, tier="probable", link_reason=f"{h.link_reason}; another entry of the list has "
                            "the same name") for h in kept]
        return kept[: self.options.limit]

    def link_all(self, recs: list[Recognized], text: str = "",
                 ents: list[tuple[int, int, str]] | None = None) -> None:
        """Fill ``mention.links`` of every recognised mention in place; add the possessors and the
        split names that link only as a whole (they become mentions of their own)."""
        states = [(r.mention.start, code) for r in recs if (code := _state_of(r))]
        ctx = LinkContext(text=text, ents=ents, country=main_country(recs), states=states)
        for rec in recs:
            rec.mention.links = self.link(rec, ctx)
        if text:
            # Each rescued name goes in before the first mention that starts after it; the others
            # keep the order the tagger gave them (the claims read mentions in that order).
            for extra in self._rescued(recs, ctx) + self._identified(recs, text):
                at = next((i for i, r in enumerate(recs) if r.mention.start > extra.mention.start), len(recs))
                recs.insert(at, extra)
        for rec in recs:  # after all mentions: a namesake may be placed after its name's first mention
            if ctx.namesakes and rec.mention.label == "Person":
                rec.mention.links = [replace(h, tier="probable", link_reason=f"{h.link_reason}; but another mention of "
                                             f"the name in the text is a namesake ({ctx.namesakes[h.entity_id]})")
                                     if h.tier == "certain" and h.entity_id in ctx.namesakes else h
                                     for h in rec.mention.links]

    def _identified(self, recs: list[Recognized], text: str) -> list[Recognized]:
        """Numbers the lists carry: the link goes to the name written just before the number, or to
        a mention of the number itself when no name is near."""
        if self.identifiers is None:
            return []
        out: list[Recognized] = []
        for start, end, listed in self.identifiers.find(text):
            hit = identifier_hit(text[start:end], listed)
            person = listed.schema == "Person"
            near = [r for r in recs if r.mention.label in self.options.labels and (r.mention.label == "Person") == person
                    and 0 <= start - r.mention.end <= _NEAR and "\n" not in text[r.mention.end:start]]
            if near:
                m = near[-1].mention
                m.links = [hit] + [h for h in m.links if h.entity_id != hit.entity_id]
                continue
            label = _IDENT_LABELS.get(listed.schema, "Organization")
            rec = Recognized(Mention(text=text[start:end], start=start, end=end, label=label,
                                     extractor=f"{LINKING_VERSION}/identifier"))
            rec.mention.links = [hit]
            out.append(rec)
        return out

    def _rescued(self, recs: list[Recognized], ctx: LinkContext) -> list[Recognized]:
        """Mentions the tagger cut wrongly, tried again: two names joined by "and"/"of" that are one
        listed name, and the possessor of "X's regime" when X links on its own."""
        out: list[Recognized] = []
        known = {(r.mention.start, r.mention.end) for r in recs}
        linked = [r for r in recs if r.mention.label in self.options.labels]
        for a, b in zip(linked, linked[1:], strict=False):
            gap = ctx.text[a.mention.end:b.mention.start]
            people = a.mention.label == b.mention.label == "Person"
            # Two people joined by "and" are two; one person is cut only where an apostrophe or an
            # ayn the tagger read as a quote stands in the name ("Tariq ‘Abd-al-Nur").
            joint = _NAME_GAP if people else _BODY_GAP
            if _certain(a) or _certain(b) or not joint.fullmatch(gap):
                continue
            whole = ctx.text[a.mention.start:b.mention.end]
            rec = _variant(a, whole, a.mention.start, b.mention.end, "Person" if people else "Organization")
            rec.mention.links = [h for h in self.link(rec, ctx) if h.tier == "certain"]
            if rec.mention.links and (rec.mention.start, rec.mention.end) not in known:
                out.append(rec)
        for r in recs:
            m = r.mention
            found = re.match(rf"(.+?)[{APOSTROPHES}]s\s+\w+", m.text)
            if m.links or found is None or r.generic and m.label != "Organization":
                continue
            owner = found.group(1)
            for label in ("Person", "Organization"):
                rec = _variant(r, owner, m.start, m.start + len(owner), label)
                rec.mention.links = [h for h in self.link(rec, ctx) if h.tier == "certain"]
                if rec.mention.links:
                    out.append(rec)
                    break
        return out


_IDENT_LABELS = {"Vessel": "Vessel", "Person": "Person"}
_BODY_GAP = re.compile(r"\s+(?:and|of|for|&)\s+|\s+")
_NAME_GAP = re.compile(rf"[\s{APOSTROPHES}]*[{APOSTROPHES}][\s{APOSTROPHES}]*|\s+")


def _certain(rec: Recognized) -> bool:
    return any(h.tier == "certain" for h in rec.mention.links)
_NEAR = 80  # characters between a name and the number written after it ("the tanker X (IMO ...)")


def _variant(rec: Recognized, text: str, start: int, end: int, label: str) -> Recognized:
    mention = Mention(text=text, start=start, end=end, label=label,
                      extractor=f"{LINKING_VERSION}/rescued")
    return Recognized(mention, list(rec.countries))


__all__ = ["LINKING_VERSION", "LINK_LABELS", "LinkContext", "LinkOptions", "Linker", "ScreenFn", "grade",
           "main_country", "referred_state", "reliable"]
