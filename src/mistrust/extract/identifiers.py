"""What the lists carry that a text can write exactly: identifiers and names.

- **Identifiers** (IMO numbers, passport and registration numbers) matched to the lists'
  identifiers: the strongest link there is, since a number names one ship or one document. A number
  links only when it is long enough to be unlikely by chance (six characters or more with at least
  one digit) and exactly one entry carries it.
- **Names**: every listed name and alias by its ``link_rules.name_key`` (case, accents, apostrophes
  and ayns, punctuation set aside; a person listed "SURNAME, Given" also in reading order), and
  the one-word names also by their spelling key
  (Tolvarin / Tulvaren). The screening's fuzzy score is built for an analyst's query and may rank
  a one-word name or a transliteration low; a name the text writes as the list does is found here
  whatever that score is, and the linker's rules (``link_rules``) still decide whether it links.

The caller passes an :class:`IdentifierIndex` built from the loaded lists (this engine never reads
the store).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from mistrust.extract.gazetteer import lookup as place_lookup
from mistrust.extract.link_rules import (
    fold,
    listed_plural,
    name_key,
    name_words,
    person_words,
    quoted_name,
    spelling_class,
    spelling_key,
)
from mistrust.model._ids import content_id
from mistrust.model.lists import ListEntity
from mistrust.model.screening import FeatureResult, Hit

# "IMO 9116412", "IMO No. 9116412", "passport number 472310012", "registration no: KP-881203"
_NUMBER = re.compile(r"(?<![\w-])((?:IMO[\s:.]*(?:No\.?|number)?[\s:.]*)?[A-Z]{0,3}[-\s]?\d[\dA-Z-]{4,})(?![\w-])")
MIN_CHARS = 6
# A one-word name is looked up by its spelling only from this length on (as ``same_word`` and the
# linker's one-word rule): shorter words differ by one vowel too easily ("Hama" / "Hamas").
SPELLING_CHARS = 6
# The shortest listed word ``link_rules.same_word`` compares by its spelling (a mention's word has
# ``SPELLING_CHARS`` at least; the listed one this many).
_SPELT_LISTED_CHARS = 4


@dataclass(frozen=True)
class OneWordNames:
    """What the linker's one-word rule (``linking.reliable``) compares of the names a screening can
    return, as sets: a one-word mention links only to a listed name that is the same word once
    folded (the name or the entry's quoted own name), the same word up to its spelling
    (``link_rules.same_word``), or a listed "THE <word>s" (``link_rules.group_singular``).

    A one-word name no listed name passes that rule for (a news outlet, an agency's initials, a
    party: a fifth of the names the linker screens in news) can take no screening hit, so the
    linker need not screen it (``may_link``). The keys are read off the screening index's own
    names (``from_names``), which are the names its hits carry."""

    same: frozenset[str] = frozenset()  # ``fold(name_key(name))``, and of an entry's quoted name
    spelt: frozenset[str] = frozenset()  # ``link_rules.spelling_class`` of names of four letters or more
    plurals: frozenset[str] = frozenset()  # the folded word of a listed "THE <word>"

    @classmethod
    def from_names(cls, matched: Iterable[str], entity_names: Iterable[str]) -> OneWordNames:
        """``matched``: every name a screening hit may carry (``Hit.matched_name``); ``entity_names``:
        the entries' own names (``Hit.entity_name``, whose quoted part the rule also reads)."""
        same: set[str] = set()
        spelt: set[str] = set()
        plurals: set[str] = set()
        for name in matched:
            folded = fold(name_key(name))
            same.add(folded)
            if len(folded) >= _SPELT_LISTED_CHARS:
                spelt.add(spelling_class(folded))
            plural = listed_plural(name)
            if plural is not None:
                plurals.add(plural)
        for name in entity_names:
            quoted = quoted_name(name)
            if quoted is not None:
                same.add(fold(name_key(quoted)))
        return cls(frozenset(same), frozenset(spelt), frozenset(plurals))

    def may_link(self, word: str) -> bool:
        """Whether some listed name may pass the one-word rule for the one-word mention ``word``:
        False only when none can (each test below is one of the rule's, for every name at once)."""
        folded = fold(word)
        if not folded or folded in self.same:
            return True  # (a word without letters the rule cannot tell apart from anything)
        if len(folded) >= SPELLING_CHARS:
            # ``same_word`` folds the folded word again, and compares it whole or by its spelling
            again = fold(folded)
            if again and (again in self.same or spelling_class(again) in self.spelt):
                return True
        return folded + "s" in self.plurals or folded + "es" in self.plurals


def clean_id(value: str) -> str:
    """Letters and digits only, upper case, without the IMO prefix: "IMO 9116412" = "9116412"."""
    return "".join(ch for ch in value.upper() if ch.isalnum()).removeprefix("IMO")


@dataclass(frozen=True)
class Listed:
    entity_id: str
    entity_name: str
    schema: str
    list_version: str
    id_type: str
    value: str
    programs: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()  # the entry's nationalities and countries, lower case


@dataclass
class IdentifierIndex:
    by_value: dict[str, list[Listed]] = field(default_factory=dict)
    # name_key -> the entries carrying that name; id_type says how: "name", "alias", "weak alias"
    by_name: dict[str, list[Listed]] = field(default_factory=dict)
    by_spelling: dict[str, list[Listed]] = field(default_factory=dict)  # one-word names only
    # a listed person's surname (or, without "SURNAME, Given", its first and last word) -> entries
    by_surname: dict[str, list[Listed]] = field(default_factory=dict)
    # a listed person -> the states of their nationalities and birthplaces, lower case (what a text's
    # "a Chilean citizen" or "born in Peru" can contradict; an address abroad says nothing of it)
    origins: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # The one-word rule's keys of the names the screening matches (None: not given, every name is
    # screened).
    one_word: OneWordNames | None = None

    @classmethod
    def build(cls, entities: Iterable[tuple[ListEntity, str]], screened: Iterable[str] | None = None) -> IdentifierIndex:
        """From (entity, list version id) pairs; ``screened``: the names the linker's screening
        matches against (the index's, packed names split: ``OneWordNames``), when known."""
        idx = cls()
        entities = list(entities)
        if screened is not None:
            idx.one_word = OneWordNames.from_names(screened, (entity.name for entity, _ in entities))
        for entity, version in entities:
            names = [(entity.name, "name")] + [(a.name, "weak alias" if a.quality == "weak" else "alias")
                                                for a in entity.aliases]
            countries = tuple(sorted({c.lower() for c in (*entity.nationalities, *entity.countries)}))
            if entity.schema == "Person":
                born = {p.code for b in entity.birth_places if (p := place_lookup(b.split(",")[-1].strip()))
                        and p.code}
                origins = {c.lower() for c in entity.nationalities} | born
                if origins:
                    idx.origins[entity.id] = tuple(sorted(origins))
            for name, how in names:
                idx._add_name(Listed(entity.id, entity.name, entity.schema, version, how, name,
                                     tuple(entity.programs), countries))
            for ident in entity.identifiers:
                key = clean_id(ident.value)
                if len(key) >= MIN_CHARS and any(ch.isdigit() for ch in key):
                    idx.by_value.setdefault(key, []).append(
                        Listed(entity.id, entity.name, entity.schema, version, ident.type, ident.value,
                               tuple(entity.programs)))
        return idx

    def _add_name(self, listed: Listed) -> None:
        keys = listed_keys(listed.value, listed.schema)
        if not keys:
            return
        key = keys[0]
        for each in keys:
            self.by_name.setdefault(each, []).append(listed)
        if " " not in key and len(key) >= SPELLING_CHARS:
            self.by_spelling.setdefault(spelling_key(key), []).append(listed)
        if listed.schema == "Person" and listed.id_type != "weak alias":
            surname, comma, _ = listed.value.partition(",")
            words = name_words(surname if comma else listed.value)
            for word in {words[-1]} if comma and words else {words[0], words[-1]} if words else set():
                self.by_surname.setdefault(fold(word), []).append(listed)

    def named(self, written: str) -> list[Listed]:
        """Entries carrying ``written`` as a name once case, accents, apostrophes and punctuation are
        set aside; for a one-word name of six letters or more, also entries with a one-word name
        spelt alike (``link_rules.same_word`` decides, in the linker). One row per entry and way."""
        key = name_key(written)
        found = list(self.by_name.get(key, []))
        if key and " " not in key and len(key) >= SPELLING_CHARS:
            found += [x for x in self.by_spelling.get(spelling_key(key), []) if x not in found]
        seen: set[tuple[str, str]] = set()
        out = []
        for x in found:
            if (x.entity_id, x.value) not in seen:
                seen.add((x.entity_id, x.value))
                out.append(x)
        return out

    def surnamed(self, written: str) -> list[Listed]:
        """Listed people whose surname is the first or the last word of ``written``: the candidates
        a news spelling of a person's name may miss in the fuzzy ranking ("Sa'id al-Varsani" for
        "AL-VARSANI, Sa'id Omar Khalil"). Only candidates: ``link_rules.person_agrees`` decides."""
        words = person_words(written)
        if len(words) < 2:
            return []
        out: list[Listed] = []
        for word in dict.fromkeys((fold(words[0]), fold(words[-1]))):
            out += [x for x in self.by_surname.get(word, []) if x not in out]
        return out

    def find(self, text: str) -> list[tuple[int, int, Listed]]:
        """(start, end, entry) for every number in the text that exactly one entry carries."""
        out = []
        for m in _NUMBER.finditer(text):
            found = self.by_value.get(clean_id(m.group(1)), [])
            if len({x.entity_id for x in found}) == 1:
                out.append((m.start(1), m.end(1), found[0]))
        return out


def listed_keys(value: str, schema: str) -> list[str]:
    """The keys (``name_key``) a text may write a listed name under: the name as listed, and for a
    person listed "SURNAME, Given Names" also in reading order ("Given Names SURNAME"), the order
    news write most names in. The comma is the list's mark of which words are the surname, not a
    different name: the screening scores the two orders alike, so a text that writes an alias word
    for word in reading order finds it here whatever the entry's other names score."""
    key = name_key(value)
    if not key:
        return []
    surname, comma, given = value.partition(",")
    if schema != "Person" or not comma:
        return [key]
    reading = name_key(f"{given} {surname}")
    return [key, reading] if reading and reading != key else [key]


def _hit_id(written: str, listed: Listed) -> str:
    """A stable id, as screening gives its hits (the written name and the entry), so that the review
    queue and a reviewer's judgement can hold on to a link the index found without a score."""
    return content_id(name_key(written), listed.entity_id)


def identifier_hit(written: str, listed: Listed) -> Hit:
    reason = f"identifier {written} equals listed {listed.id_type} {listed.value}"
    return Hit(entity_id=listed.entity_id, entity_name=listed.entity_name, schema=listed.schema,
               list_version=listed.list_version, query_name=written, matched_name=listed.value, score=1.0,
               match=True, threshold=1.0, algorithm="identifier",
               features=[FeatureResult(name="identifiers", score=1.0, weight=1.0, reason=reason)],
               programs=list(listed.programs), tier="certain", link_reason=reason, id=_hit_id(written, listed))


def country_feature(listed: Listed, countries: Iterable[str]) -> list[FeatureResult]:
    """Whether the text's countries and the entry's agree, as the screening's country feature
    says it (so one linker rule reads both); nothing when either side has none."""
    wanted = {c.lower() for c in countries}
    if not wanted or not listed.countries:
        return []
    common = wanted & set(listed.countries)
    reason = (f"country {', '.join(sorted(common))} is linked to the entry" if common else
              f"country {', '.join(sorted(wanted))} not among listed {', '.join(listed.countries)}")
    return [FeatureResult(name="country", score=1.0 if common else 0.0, weight=0.0, reason=reason)]


def surname_hit(written: str, listed: Listed, countries: Iterable[str] = ()) -> Hit:
    """A candidate found by its surname alone (``IdentifierIndex.surnamed``): no score of its own,
    so it links only when the linker's person rule finds the surname and given name agree."""
    why = f"a listed person whose surname is in '{written}'"
    return Hit(entity_id=listed.entity_id, entity_name=listed.entity_name, schema=listed.schema,
               list_version=listed.list_version, query_name=written, matched_name=listed.value, score=0.0,
               match=False, threshold=1.0, algorithm="listed-surname",
               features=[FeatureResult(name="surname", score=1.0, weight=0.0, reason=why),
                         *country_feature(listed, countries)],
               programs=list(listed.programs), id=_hit_id(written, listed))


def name_hit(written: str, listed: Listed, countries: Iterable[str] = ()) -> Hit:
    """A hit for a name the text writes as the list does (``IdentifierIndex.named``), with the
    features the linker's rules read: the same name, or the same word up to spelling; a weak alias;
    and, when the text gives ``countries`` and the entry has some, whether they agree (as the
    screening's country feature does, so one rule reads both)."""
    same = name_key(written) in listed_keys(listed.value, listed.schema)
    feature = "name_exact" if same else "name_spelling"
    why = (f"'{written}' is the listed {listed.id_type} '{listed.value}' once case, accents and apostrophes "
           "are set aside" if same else f"'{written}' is the listed {listed.id_type} '{listed.value}' in "
           "another spelling")
    features = [FeatureResult(name=feature, score=1.0, weight=1.0, reason=why)]
    if listed.id_type == "weak alias":
        features.append(FeatureResult(name="weak_alias", score=1.0, weight=0.0,
                                      reason="the list marks this alias as weak"))
    features += country_feature(listed, countries)
    # 1.0 for the same name; a spelling variant ranks below an entry that carries the name as written.
    return Hit(entity_id=listed.entity_id, entity_name=listed.entity_name, schema=listed.schema,
               list_version=listed.list_version, query_name=written, matched_name=listed.value,
               score=1.0 if same else 0.9, match=True, threshold=1.0, algorithm="listed-name", features=features,
               programs=list(listed.programs), id=_hit_id(written, listed))


__all__ = ["IdentifierIndex", "Listed", "OneWordNames", "clean_id", "country_feature", "identifier_hit", "listed_keys", "name_hit",
           "surname_hit"]
