"""The evidence a link from a news mention to a list entry rests on, rule by rule.

Screening scores how alike two names are; a news mention carries less than an analyst's query, so
before a hit counts as "on a sanctions list" the linker asks what *kind* of name agreement it has.
Each function here reads one kind of evidence from the mention's words, its place in the text and
the hit, and says why. ``linking.py`` turns them into a tier (certain / probable / possible).

- **People** (``person_agrees``): the mention must carry the entry's surname and its first given
  name, in Western or surname-first order, spelt alike up to vowels ("Qassem Soleimani" for
  "SOLEIMANI, Qasem"). A news person who shares only a given name or a middle name with a listed
  one ("Carlos Mendez" for "MENDEZ, Luis Carlos") is not the same person on the name alone.
- **Descriptors** (``is_descriptor``): a name made only of the words every state uses for its
  organs ("the defence ministry", "State Department"), perhaps with a state's name or demonym
  ("the Chilean coast guard"), names a different body in every country, so it links only where the
  text's country and the entry's agree. A demonym with a kind of ship or company and nothing else
  (``is_kind``: "an Iranian tanker") is a description, not a name.
- **Sites** (``site_of_company``): "the X Refinery" is the place; the listed "X REFINERY COMPANY"
  may only run it.
- **Typed names** (``typed_as``): a vessel named by a common word ("Justice", "Freedom") or a
  company named by a place is read as that vessel or company only when the text says so ("the
  tanker Justice", "MV Freedom").
- **Namesakes** (``stated_origins``, ``group_placed``, ``captors``): a person the text places in
  another state than the entry's, alone ("X, a Chilean citizen") or as one of a group it names
  ("three Chilean citizens -- X and Y", "the two others -- X and Y"), among captives ("the freed
  hostages, X, Y"), or as held by the entry's own state, is a namesake as often as not.
- **Arabic "Abd" compounds** (``name_elements``): "Abd al-Karim", "Abdel Karim" and "Abdulkarim"
  are one given name, so "Abdul-Mahdi" is neither "Mahdi" nor "Abdallah" and "Mahdi".
- **Quoted names** (``quoted_name``): legal-form names often put the body's own name in quotes
  (a private military company 'NAME', a limited company "NAME"); the text usually writes only
  the quoted part.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache

from mistrust.extract.gazetteer import demonym, lookup
from mistrust.model.sentences import sentence_span
from mistrust.model.vocabulary import APOSTROPHES, NAME_TITLES, drop_apostrophes

# Words that every state's organs are named with; a name made of these and function words alone
# is a descriptor, not a proper name.
ORGAN_WORDS = frozenset({
    "ministry", "ministries", "minister", "department", "departments", "office", "bureau", "agency",
    "state", "national", "federal", "central", "general", "public", "foreign", "home", "interior",
    "internal", "defence", "defense", "security", "intelligence", "affairs", "finance", "justice",
    "economy", "economic", "trade", "industry", "energy", "oil", "petroleum", "transport", "health",
    "education", "information", "communications", "armed", "forces", "force", "army", "navy",
    "naval", "air", "military", "police", "guard", "coast", "border", "customs", "government",
    "council", "committee", "commission", "bank", "treasury", "service", "services", "staff",
    "command", "headquarters", "people's", "peoples", "revenue", "tax", "nuclear", "atomic",
    "supreme", "high", "court", "parliament", "assembly", "cabinet", "presidential", "prime",
    # other heads of a state organ's name: "Department" and "Ministry" name the same kind of body
    "directorate", "administration", "authority", "inspectorate", "secretariat", "division",
    # the portfolios states name their ministries and departments after ("Department of Labor",
    # "Ministry of Culture"): every state has one, so they say nothing about which state's it is
    "labor", "labour", "agriculture", "culture", "environment", "tourism", "sport", "sports", "youth",
    "fisheries", "housing", "welfare", "social", "commerce", "railways", "telecommunications",
    "science", "technology", "planning", "veterans", "employment", "immigration", "homeland",
    "emergency", "emergencies", "aviation", "heritage", "human", "resources", "water", "food",
    "transportation",
})
_FUNCTION_WORDS = frozenset({"of", "the", "for", "and", "on", "in", "to"})

# Nouns that type the following (or preceding) name as a ship.
VESSEL_NOUNS = frozenset({"tanker", "tankers", "vessel", "vessels", "ship", "ships", "freighter", "carrier",
                          "dhow", "barge", "trawler", "ferry", "boat", "supertanker", "mv", "m/v", "m.v.",
                          "mt", "m/t"})
# Nouns and legal forms that type a name as a company or body.
COMPANY_NOUNS = frozenset({"company", "companies", "firm", "firms", "corporation", "corp", "co", "ltd",
                           "llc", "inc", "group", "shipping", "lines", "line", "bank", "airline",
                           "airlines", "enterprise", "network", "subsidiary", "operator", "owner"})

_QUOTED = re.compile(r"['\"\u2018\u2019\u201c\u201d\u00ab\u00bb]([^'\"\u2018\u2019\u201c\u201d\u00ab\u00bb]{2,})"
                     r"['\"\u2018\u2019\u201c\u201d\u00ab\u00bb]")
_VOWELS = re.compile(r"[aeiouy]")
# Titles and ranks written before a name ("Gen.", "Brig-Gen", "Dr"): not part of the name.
_TITLE_RE = re.compile(r"^(?:[A-Z][a-z]{0,4}\.|Brig|Maj|Lt|Gen|Col|Capt|Adm|Sgt|Dr|Mr|Mrs|Ms)$")

# The rules below are pure functions of the names they are given; linking asks them again for
# every screening hit of every mention, mostly about the same few names (a text's mentions, the
# list's top candidates): the string-to-answer ones are memoised. Bounded, so a long batch cannot
# grow them without end.
MEMO_SIZE = 1 << 16


@lru_cache(maxsize=MEMO_SIZE)
def fold(text: str) -> str:
    """Lower case, no accents, no punctuation: "Sa'id" = "Sa\u02bfid" = "said", "al-Varsani" = "alvarsani"."""
    text = unicodedata.normalize("NFKD", drop_apostrophes(text))
    return "".join(ch for ch in text.casefold() if ch.isalnum())


def name_key(text: str) -> str:
    """A name as the lists and the news may both write it: lower case, no accents, no apostrophes
    or ayns, dots dropped ("U.S."), other punctuation and hyphens as spaces, no leading "the".
    "al-Qa\u2019ida", "AL QA'IDA" and "Al Qaida" have one key."""
    text = unicodedata.normalize("NFKD", drop_apostrophes(text).replace(".", ""))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    words = re.findall(r"[^\W_]+", text)
    if words[:1] == ["the"]:
        words = words[1:]
    return " ".join(words)


def spelling_key(word: str) -> str:
    """What one long word shares with its other transliterations (``same_word``): its initial (any
    vowel or y as one) and its consonant skeleton: "Tolvarin" and "Tulvaren" have one key."""
    folded = fold(word)
    return spelling_class(folded) if folded else ""


def spelling_class(folded: str) -> str:
    """``spelling_key`` of a word already folded (not empty): what ``same_word`` compares."""
    # Initial vowels and y are transliteration variants too (Yevgeny / Evgeny, Ebrahim / Ibrahim).
    return ("V" if folded[0] in "aeiouy" else folded[0]) + skeleton(folded)


def skeleton(word: str) -> str:
    """The consonants of a folded word with doubled letters once: transliterations of one name
    differ mostly in vowels and doubling (Hezbollah / Hizballah, Qassem / Qasem)."""
    cons = re.sub(r"(.)\1+", r"\1", _VOWELS.sub("", fold(word)))
    # Latin x is k + s: Cyrillic "кс" is romanised either way (Aleksei / Alexei, Aleksandr / Alexandr);
    # after the doubled letters, so that "Alexis" keeps the s of its x and its own ("lkss", not "lks").
    return cons.replace("x", "ks")


def same_word(a: str, b: str) -> bool:
    """One name word spelt alike: equal once folded, or the same first letter and consonant
    skeleton (a word of four letters or more: short words differ by one vowel too easily)."""
    fa, fb = fold(a), fold(b)
    if not fa or not fb:
        return False
    if fa == fb:
        return True
    return min(len(fa), len(fb)) >= 4 and spelling_class(fa) == spelling_class(fb)


def group_singular(word: str, listed: str) -> bool:
    """A one-word name and a listed "THE <word>s": lists write a movement or people-like group
    with its article and in the plural ("THE XENITES"), news write its members' singular as a
    name ("Xenite rebels", "a Xenite commander"). Without the list's article a plural is another
    word ("Hama" is a town, "HAMAS" a group)."""
    plural = listed_plural(listed)
    folded = fold(word)
    return plural is not None and plural in (folded + "s", folded + "es")


def listed_plural(listed: str) -> str | None:
    """The folded word of a listed "THE <word>" (what ``group_singular`` compares), else None."""
    words = re.findall(r"[^\W_]+", listed.casefold())
    return fold(words[1]) if len(words) == 2 and words[0] == "the" else None


def same_folded(a: str, b: str) -> bool:
    """One name word written the same once case, accents and apostrophes are set aside."""
    fa = fold(a)
    return bool(fa) and fa == fold(b)


def name_words(text: str) -> list[str]:
    """Words of a written name, without titles in front and the "'s" of a possessive."""
    text = re.sub(rf"[{APOSTROPHES}]s\b", "", text)
    # Hyphens split: "Jong-un" and "Jong Un", "al-Jamal" and "AL JAMAL" are the same words.
    words = [w for w in re.split(r"[\s,\-\u2010-\u2014]+", text.replace("[", " ").replace("]", " ")) if w]
    while len(words) > 2 and _TITLE_RE.match(words[0]):
        words = words[1:]
    return words


def person_words(text: str) -> list[str]:
    """Words of a person's written name without any title in front (``is_title``): "Ayatollah
    Tolvari" is "Tolvari", a surname alone; "Foreign Minister Ana Velk" is "Ana Velk". An Arabic
    "Abd" compound is one word (``name_elements``)."""
    words = name_elements(name_words(text))
    while len(words) > 1 and is_title(words[0]):
        words = words[1:]
    return words


# Arabic theophoric names: "Abd" ("servant of") and one of the names of God is ONE name, however
# it is written: "Abd al-Karim", "Abdel Karim", "Abdul-Karim", "Abdulkarim"; "Abdallah" /
# "Abdullah" is "Abd Allah". The article between them may be written "al", "el", "ul", "ol" or
# assimilated to a sun letter ("Abdur-Rahman", "Abdus Salam").
# A whole word "Abd", "Abdul", "Abdel", "Abdur" ("Abdi", "Abdo" and "Abdu" are names of their own).
_ABD_WORD = re.compile(r"abd(?:[aeiou][lrsntdz])?")
# One word: "Abdulkarim", "Abdallah", "Abdurrahman" (a sun letter doubled by the article).
_ABD_JOINED = re.compile(r"abd(?:[aeiou]?l|[aeiou]([rsntdz])(?=\1))?(\w{3,})")
_ARTICLE = frozenset({"al", "el", "ul", "ol", "il", "ar", "ur", "as", "us", "an", "un", "ad", "ud", "at", "ut",
                      "az", "uz"})


def _abd_key(rest: str) -> str:
    """The compound as one word: "Abd" and the folded name it joins, without the article's
    vowel and l ("allah" -> "lah", so "Abdullah" = "Abd Allah")."""
    rest = fold(rest)
    found = re.match(r"[aeiou]l(\w{3,})$", rest)
    return "Abd" + (found.group(1) if found else rest)


def name_elements(words: list[str]) -> list[str]:
    """A person's name words with each Arabic "Abd" compound made one element, written the same
    whatever its spelling: "Abd al-Karim", "Abdel Karim" and "Abdulkarim" are each one word
    "Abdkarim"; "Abdul-Rahman" is not "Abdallah" and "Rahman"."""
    out: list[str] = []
    i = 0
    while i < len(words):
        word = words[i]
        if _ABD_WORD.fullmatch(fold(word)) and i + 1 < len(words):
            j = i + 1
            if fold(words[j]) in _ARTICLE and j + 1 < len(words):
                j += 1  # "Abd al Karim": the article between is part of the compound
            out.append(_abd_key(words[j]))
            i = j + 1
            continue
        joined = _ABD_JOINED.fullmatch(fold(word))
        out.append(_abd_key(joined.group(2)) if joined else word)
        i += 1
    return out


@lru_cache(maxsize=MEMO_SIZE)
def without_titles(text: str) -> str:
    """A person's written name without the titles in front ("Brig-Gen Ana Velk" -> "Ana Velk");
    a title with one word after it keeps that word ("Ayatollah Tolvari" -> "Tolvari")."""
    tokens = text.split()
    while len(tokens) > 1 and all(is_title(p) for p in re.split(r"[-\u2010-\u2014]", tokens[0]) if p):
        tokens = tokens[1:]
    return " ".join(tokens)


def looks_like_acronym(text: str) -> bool:
    """One word of capitals (dots allowed), as news write an acronym: "KPA", "S.P.L.A."."""
    word = text.replace(".", "").strip()
    return " " not in word and len(word) >= 2 and word.isalpha() and word.isupper()


def person_shaped(text: str) -> bool:
    """Whether a name could be a person's: no digits (a gang or unit's "XR-18", a "Unit 61398")
    and not a single word of capitals (an acronym: "KVLA"). The tagger labels such names Person now
    and then; they are tried against the lists as bodies instead."""
    return not any(ch.isdigit() for ch in text) and not looks_like_acronym(text)


# Nouns for a person by standing or occupation, in the singular ("American missionary X", "a U.S.
# citizen"); their plurals (``_GROUP_NOUNS``) name a group of such people.
_PERSON_NOUNS = frozenset({
    "citizen", "national", "resident", "native", "man", "woman", "businessman", "businesswoman",
    "journalist", "reporter", "correspondent", "student", "teacher", "lecturer", "academic", "scholar",
    "missionary", "pastor", "priest", "worker", "doctor", "nurse", "engineer", "expert", "activist",
    "detainee", "prisoner", "hostage", "captive", "abductee", "tourist", "traveller", "traveler",
    "veteran", "author", "writer", "scientist", "researcher", "lawyer", "official", "officer",
    "diplomat", "dissident", "defector", "executive", "entrepreneur", "sailor", "crewman", "fisherman",
    "soldier", "pilot",
})
# Words that may stand between a state's demonym and a person's name in one noun phrase ("American
# missionary X", "Chilean-born engineer X", "U.S. aid worker X"); a word outside these and the
# titles (``is_title``) ends it.
_IN_PERSON_PHRASE = _PERSON_NOUNS | {"aid"}
# ", a ... ," after a name, to the next comma or the end of the sentence (a dot inside "U.S." is
# no end: a sentence's dot is followed by a capital or the text's end).
_APPOSITION = re.compile(r"\s*,\s*((?:[^,.;:()\n\"\u201c\u201d]|\.(?!\s+[A-Z]|\s*$)){3,120})")
_PLACE_WORDS = re.compile(r"[A-Z][\w.\u2019']*(?:[ -][A-Z][\w.\u2019']*)?")


def _origins(phrase: str) -> list[str]:
    """The states a capitalised phrase of one or two words names ("U.S.", "South Korea's",
    "Chilean", "Canada-born U.S."): the whole, else each word, a birthplace before "-born" and the
    last of a hyphenated pair ("Chilean-American"; "Iranian-backed" names the backer, not the
    person's state)."""
    out: list[str] = []
    parts = (phrase, *phrase.split(" "))
    # "Korean-American", "Chilean-Canadian": a heritage and the nationality, which is the last;
    # the first must read as a people's name ("pro-Russian" is a stance, "Iranian-backed" a backer).
    pairs = [p.split("-") for p in parts if p.count("-") == 1 and not p.endswith("-born")]
    cuts = [phrase] + phrase.split(" ") + [p.removesuffix("-born") for p in parts if p.endswith("-born")] + \
        [last for first, last in pairs if _heritage(first) and _state_word(last)]
    for cut in cuts:
        place = lookup(re.sub(rf"[{APOSTROPHES}]s$", "", cut).rstrip(","))
        if place is not None and place.code and place.kind in ("country", "demonym", "alias"):
            if place.code not in out:
                out.append(place.code)
            if cut == phrase:
                break
    return out


def _state_word(word: str) -> bool:
    """A state's name or demonym ("Chile", "Chilean")."""
    place = lookup(word)
    return place is not None and bool(place.code) and place.kind in ("country", "demonym", "alias")


# How English demonyms end ("Korean", "Peruvian", "Chinese", "Kurdish", "Pakistani", "Dutch"):
# a heritage the gazetteer may not list as a state's (an ethnicity, a people without a state).
_DEMONYM_END = re.compile(r"[A-Z][a-z]{3,}(?:an|ese|ish|i|ch)")


def _heritage(word: str) -> bool:
    return _state_word(word) or bool(_DEMONYM_END.fullmatch(word))


def stated_origins(text: str, start: int, end: int) -> list[str]:
    """States the text gives as a person's nationality, citizenship or birthplace, in the same noun
    phrase as the name: before it ("U.S. citizen Ana Velk", "Chilean-born engineer Ana Velk") or in
    an apposition after it ("Ana Velk, a Canadian national,", "..., born in Chile,", "..., a
    citizen of Peru"). An ethnicity is not a nationality ("an ethnic Korean"): it is skipped. A
    state named in any other role ("the envoy to Chile", "talks with Peru") is not read."""
    out: list[str] = []
    words = re.findall(r"[\w.\u2019'-]+", text[max(0, start - 60):start])
    i = len(words) - 1
    while i >= 0 and (words[i].casefold() in _IN_PERSON_PHRASE or is_title(words[i])
                      or words[i].casefold().rstrip(".") in NAME_TITLES):
        i -= 1
    if 0 <= i < len(words) - 1:
        pair = " ".join(words[i - 1:i + 1]) if i >= 1 else ""
        whole = lookup(pair) if pair else None  # "North Korean", "South Korea-born"
        first = i - 1 if whole is not None else i
        if first == 0 or words[first - 1].casefold() != "ethnic":
            out += _origins(pair) if whole is not None else _origins(words[i])
    after = _APPOSITION.match(text, end)
    if after is not None:
        phrase = after.group(1)
        born = re.search(r"\bborn in (?:the )?([A-Z][\w.\u2019'-]*(?: [A-Z][\w.\u2019'-]*)?)", phrase)
        of = re.search(r"\b(?:citizen|national)s? of (?:the )?([A-Z][\w.\u2019'-]*(?: [A-Z][\w.\u2019'-]*)?)", phrase)
        belong = re.search(r"([A-Z][\w.\u2019'-]*(?: [A-Z][\w.\u2019'-]*)?) (?:citizen|national)s?\b", phrase)
        head = re.match(r"(?:an?|the|former|then)\s+([A-Z][\w.\u2019'-]*(?: [A-Z][\w.\u2019'-]*)?)", phrase) or \
            re.match(rf"([A-Z][\w.-]*(?: [A-Z][\w.-]*)?[{APOSTROPHES}]s) [a-z]", phrase)  # "Chile's envoy"
        for found in (born, of, belong, head):
            if found is not None:
                out += [code for code in _origins(found.group(1)) if code not in out]
    return out


def _plural(noun: str) -> str:
    """The plural of a person noun: "fisherman" -> "fishermen", "missionary" -> "missionaries"."""
    if noun.endswith("man"):
        return noun[:-3] + "men"
    if noun.endswith("y") and noun[-2:-1] not in "aeiou":
        return noun[:-1] + "ies"
    return noun + "s"


# -- people named as members of a group ------------------------------------------------------------
# Plural nouns of a group of people; a state's name or demonym before them ("three U.S. citizens",
# "the Canadian detainees") or "of" a state after them ("two citizens of Peru") places every
# member the sentence then names ("-- A and B", ": A, B and C", ", A,"). A plural demonym is such
# a group by itself ("two Americans").
_GROUP_NOUNS = frozenset(_plural(n) for n in _PERSON_NOUNS) | {"people", "businesspeople", "crew", "troops"}
# Nouns of people held against their will: someone the text names as one is a captive, not a
# listed official of a state or a listed group's member (news rarely call a listed person so).
_CAPTIVE_NOUNS = frozenset(form for n in ("hostage", "captive", "abductee") for form in (n, _plural(n)))
_COUNTS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
           "both": 2}
_NUMBER = r"(?:two|three|four|five|six|seven|eight|nine|ten|\d{1,2})"
# A group referred back to, with no state of its own ("the two others", "the other three", "both
# men"): its members are the previous sentence's group's.
_BACK_REFERENCE = re.compile(
    rf"\b(?:the\s+(?:other|remaining)(?:\s+{_NUMBER})?|the\s+{_NUMBER}\s+(?:others|other\s+\w+|remaining\s+\w+|men|women)"
    rf"|both(?:\s+(?:men|women))?|all\s+{_NUMBER}(?:\s+(?:men|women))?)\b", re.I)
_WORD = re.compile(r"[\w.\u2019'-]+")
# A name in an enumeration: capitalised words, with the particles names carry ("Ali bin Velk").
_ITEM = re.compile(r"[A-Z][\w\u2019'-]*(?:[ \t]+(?:(?:al|el|bin|ibn|bint|abu|de|da|del|van|von|der|la|le|du)[ \t-]+)?[A-Z][\w\u2019'-]*)*")
# What may follow an enumerated name before the next one: an age (", 45," or "(45)") and a
# relative clause (", who was held for a year,").
_ITEM_TAIL = re.compile(r"(?:\s*,\s*\d{1,3}(?=\s*,|\s+and\b)|\s*\(\d{1,3}\))?"
                        r"(?:\s*,\s*(?:who|whom|whose|which)\b[^,;:()\u2014\u2013]*)?")
_ITEM_JOIN = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")
# A dash or colon later in a sentence, before the names it enumerates.
_DASH = re.compile(r"\s(?:--|[\u2014\u2013])\s*|[\u2014\u2013]|:\s")
# What opens an enumeration: a comma (apposition), a colon or a dash.
_OPENS = re.compile(r"\s*(?:,|:|--|[\u2014\u2013]|\s-)\s*")


def _enumerated(text: str, at: int, limit: int) -> list[tuple[int, int]]:
    """The spans of the names enumerated from ``at`` ("A and B", "A, B, and C", each perhaps with
    an age or a relative clause after it), up to ``limit`` characters."""
    out: list[tuple[int, int]] = []
    while at < limit:
        while (title := re.match(r"[A-Z][\w.-]*\s+", text[at:limit])) and is_title(title.group().strip()):
            at += title.end()
        item = _ITEM.match(text, at, limit)
        if item is None:
            break
        out.append((item.start(), item.end()))
        at = _ITEM_TAIL.match(text, item.end(), limit).end()  # type: ignore[union-attr]
        join = _ITEM_JOIN.match(text, at, limit)
        if join is None:
            break
        at = join.end()
    return out


def _groups(text: str, start: int, end: int) -> list[tuple[int, int, list[str], int | None, str]]:
    """The groups of people a stretch of text places: (start, end, states, count, noun), e.g.
    "the three U.S. citizens" -> (..., ["us"], 3, "citizens"). A group of two states' people
    ("Iranian and Syrian officials") is none: which member is whose is not said."""
    words = [(m.group(), m.start(), m.end()) for m in _WORD.finditer(text, start, end)]
    out = []
    for k, (word, _, w_end) in enumerate(words):
        folded = word.casefold()
        plural_demonym = word[:1].isupper() and folded.endswith("s") and (
            demonym(word[:-1]) is not None)
        if folded not in _GROUP_NOUNS and folded not in _CAPTIVE_NOUNS and not plural_demonym:
            continue
        i = k if plural_demonym else k - 1
        while not plural_demonym and i >= 0 and (words[i][0].casefold() in _IN_PERSON_PHRASE
                                                 or words[i][0].casefold() in _GROUP_NOUNS):
            i -= 1  # "U.S. aid workers"
        states: list[str] = []
        first = i
        if plural_demonym:
            states = _origins(word[:-1])
        elif i >= 0 and words[i][0][:1].isupper():
            pair = " ".join(w for w, _, _ in words[i - 1:i + 1]) if i >= 1 else ""
            if pair and lookup(pair) is not None:
                states, first = _origins(pair), i - 1
            else:
                states = _origins(words[i][0])
        if not states:
            after = re.match(r"\s+of\s+(?:the\s+)?([A-Z][\w.\u2019'-]*(?: [A-Z][\w.\u2019'-]*)?)", text[w_end:end])
            states = _origins(after.group(1)) if after else []
            first = k
        else:
            j = first - 1 - (first >= 1 and words[first - 1][0].casefold() in _COUNTS)
            joined = j >= 1 and (words[j][0].casefold() in ("and", "or") or words[j][0].endswith(",")) or \
                text[max(0, words[first][1] - 2):words[first][1]].strip() == ","
            if joined and _origins(words[j - (not words[j][0].endswith(","))][0].rstrip(",")):
                continue  # "Iranian and Syrian officials", "two Chilean and two Argentine nationals"
        before = words[first - 1][0].casefold() if first >= 1 else ""
        if before == "the" and first >= 2:
            before = words[first - 2][0].casefold()
        count = _COUNTS.get(before) or (int(before) if before.isdigit() else None)
        out.append((words[max(first, 0)][1], w_end, states, count, folded))
    return out


# Words that may stand before a group that is the sentence's subject: determiners, numbers and
# participles ("The three freed ...", "All five detained ..."); anything else makes the group an
# object ("After meeting Chilean officials, Ana Velk said ...") whose members the names are not.
_SUBJECT_LEAD = re.compile(rf"(?i)\s*(?:(?:the|all|both|some|several|{_NUMBER}|\w+ed)\s+){{0,3}}$")
_CLOSES = re.compile(r"\s*(?:,|--|[\u2014\u2013)])")


def _member(text: str, sentence: tuple[int, int], group: tuple[int, int, int | None], start: int, end: int) -> bool:
    """Whether the name at start..end is one of those enumerated after a group (start, end,
    count) that is the sentence's subject or follows "of": right after it (", A and B," closed by
    a comma or a dash) or after a dash or colon later in the sentence ("Three X citizens are
    held -- A and B")."""
    s, e = sentence
    g_start, g_end, count = group
    subject = bool(_SUBJECT_LEAD.fullmatch(text, s, g_start))
    of = re.search(rf"(?i)\bof\s+(?:the\s+)?(?:{_NUMBER}\s+)?$", text[max(s, g_start - 20):g_start]) is not None
    opens = _OPENS.match(text, g_end, e)
    if opens is not None and opens.group().strip() == ",":
        items = _enumerated(text, opens.end(), e)[:count]
        closed = bool(items) and _CLOSES.match(text, _ITEM_TAIL.match(text, items[-1][1], e).end(), e)  # type: ignore[union-attr]
        return bool(closed) and (subject or of) and any(a < end and start < b for a, b in items)
    if opens is None:
        dash = _DASH.search(text, g_end, start)
        if dash is None or not subject or _groups(text, g_end, dash.start()):
            return False  # another group comes first: the names are its members
        opens = dash
    items = _enumerated(text, opens.end(), e)[:count]
    return any(a < end and start < b for a, b in items)


def group_placed(text: str, start: int, end: int) -> tuple[list[str], bool]:
    """What the sentence says of the group the person at start..end is named in: the states of
    the group ("Three Chilean citizens are held -- Ana Velk and Ines Tolvar"; "The three U.S.
    nationals, Ana Velk, ..."), and whether its members are captives ("the freed hostages, A, B
    and C"). "The two others -- A and B" in the next sentence names members of the group before
    it. A name not enumerated after a group's noun gets nothing."""
    if not text:
        return [], False
    s, e = sentence_span(text, start)
    for g_start, g_end, states, count, noun in reversed(_groups(text, s, start)):
        if _member(text, (s, e), (g_start, g_end, count), start, end):
            return states, noun in _CAPTIVE_NOUNS
    for ref in _BACK_REFERENCE.finditer(text, s, start):
        count = next((n for w in ref.group().split() if (n := _COUNTS.get(w.casefold()) or
                      (int(w) if w.isdigit() else 0))), None)
        if not _member(text, (s, e), (ref.start(), ref.end(), count), start, end):
            continue
        before = len(text[:s].rstrip()) - 1
        earlier = [g for g in _groups(text, *sentence_span(text, before)) if g[2]] if before >= 0 else []
        earlier += [g for g in _groups(text, s, ref.start()) if g[2]]
        referred = {c for g in earlier for c in g[2]}
        if len(referred) == 1:  # one group of one state to refer back to
            return sorted(referred), any(g[4] in _CAPTIVE_NOUNS for g in earlier)
    return [], False


# "held by X", "detained by the X authorities": the state a person is a captive of. A state's
# listed official is not its prisoner; news write "arrested" of a purge, which is left out.
_HELD_BY = re.compile(r"\b(?:held|detained|imprisoned|jailed|captured|kidnapped|abducted|hostage)\s+"
                      r"(?:[a-z]+\s+){0,3}?by\s+(?:the\s+)?([A-Z][\w.\u2019'-]*(?:[ -][A-Z][\w.\u2019'-]*)?)")
# What may stand between a name and "held by": auxiliaries and adverbs ("who has been held by").
_HELD_LEAD = re.compile(r"\s*(?:,\s*(?:who\s+)?|\s)(?:(?:is|was|are|were|has|have|had|been|being|still|now|"
                        r"reportedly|later|also|then)\s+){0,4}")


def captors(text: str, start: int, end: int) -> list[str]:
    """States the text says hold the person at start..end: right after the name ("Ana Velk, who
    is held by Chile", "Ana Velk was detained by Chilean authorities") or, for names enumerated
    after a dash or colon, in the clause before it ("Two men are held by Chile -- A and B")."""
    if not text:
        return []
    s, e = sentence_span(text, start)
    lead = _HELD_LEAD.match(text, end, e)
    held = _HELD_BY.match(text, lead.end(), e) if lead is not None else None
    if held is None:
        dashes = list(_DASH.finditer(text, s, start))
        dash = dashes[-1] if dashes else None
        if dash is None or not any(a < end and start < b for a, b in _enumerated(text, dash.end(), e)):
            return []
        held = next(_HELD_BY.finditer(text, s, dash.start()), None)
    if held is None:
        return []
    return _origins(re.sub(r" (?:authorities|government|forces|police|regime)$", "", held.group(1)))


def is_title(word: str) -> bool:
    """An honorific, rank or office written before a name (``NAME_TITLES``; "Gen.", "Brig-Gen" is
    split at its hyphen): "Ayatollah X" is X with a title, and X alone is a surname."""
    return bool(_TITLE_RE.match(word)) or word.casefold().rstrip(".") in NAME_TITLES and word[:1].isupper()


@lru_cache(maxsize=MEMO_SIZE)
def given_missing(mention: str, matched: str) -> bool:
    """A listed "SURNAME, Given" name and a mention that writes the surname only ("bin Laden",
    "General Tolvar"): which of the people of that surname is meant, the name does not say."""
    split = _split_listed(matched)
    if split is None or not split[1]:
        return False
    surname, _ = split
    words = person_words(mention)
    return bool(words) and all(any(same_folded(w, s) for s in surname) for w in words)


def surname_partial(mention: str, matched: str) -> bool:
    """A listed name with two surnames ("ROVERA LUNAS, Tomas") of which the mention writes one
    ("Tomas Rovera"): the usual short form of the listed person, and as usual the full name of
    someone else; it needs more than the name (the text's country) to be certain."""
    split = _split_listed(matched)
    if split is None:
        return False
    surname = [w for w in split[0] if w.casefold() not in _PARTICLES]
    words = person_words(mention)
    return len(surname) >= 2 and any(not any(same_word(s, w) for w in words) for s in surname)


# Particles inside surnames ("BIN LADEN", "DE LA CRUZ"): not a second surname.
_PARTICLES = frozenset({"bin", "ibn", "bint", "al", "el", "abu", "de", "del", "la", "da", "do", "dos", "van",
                        "von", "der", "le", "du"})


def _split_listed(matched: str) -> tuple[list[str], list[str]] | None:
    """(surname words, given words) of a listed person name "SURNAME, Given Names"; None without
    a comma (the UN writes names in reading order, so the order is not known)."""
    if "," not in matched:
        return None
    surname, _, given = matched.partition(",")
    return name_elements(name_words(surname)), name_elements(name_words(given))


def _agree(words: list[str], surname: list[str], given: list[str], alike: Callable[[str, str], bool]) -> bool:
    """Western order (given ... surname) or surname first (Korean, Chinese: "Kim Jong Un")."""
    if not surname or not given or len(words) < 2:
        return False
    last = "".join(surname)
    # The last word may be the whole surname or its first part: Spanish and Portuguese names carry
    # two surnames and news write the first ("Nicolas Maduro" for "MADURO MOROS, Nicolas").
    western = alike(words[-1], surname[-1]) or alike("".join(words[-len(surname):]), last) or \
        alike(words[-1], surname[0])
    if western and alike(words[0], given[0]):
        return True
    first = alike(words[0], surname[0]) or alike("".join(words[:len(surname)]), last)
    # Surname first (Korean, Chinese): the given name is one name, often in two syllables ("Sang-ho",
    # "Jong Un"), so all of it must agree: "Kim Sang Duk" is neither "KIM, Sang-ho" nor "KIM, Song".
    rest = words[len(surname):]
    return first and bool(rest) and alike("".join(rest), "".join(given))


@lru_cache(maxsize=MEMO_SIZE)
def person_agrees(mention: str, matched: str, exact: bool = False) -> str | None:
    """Why a person mention names the listed person, or None: the surname and the first given name
    must both be there ("Javad Zarif" is not "ZARIF, Mohammad Javad" by itself). ``exact``: the
    words must be the same once folded, not only spelt alike, as when nothing else (no fuzzy score
    at the link threshold) speaks for the candidate: "Sang" and "Song" are alike, not the same."""
    alike = same_folded if exact else same_word
    words = person_words(mention)
    if len(words) < 2:
        return None
    split = _split_listed(matched)
    if split is not None:
        surname, given = split
        if _agree(words, surname, given, alike):
            return f"surname and first given name agree with '{matched}'"
        return None
    listed = name_elements(name_words(matched))
    if len(listed) < 2:
        return None
    # Reading order unknown: the first and last words must agree, in either order, and every word
    # of the mention must be one of the name's ("Kim Dong Chul" is not "KIM TONG CHOL").
    ends = (alike(words[0], listed[0]) and alike(words[-1], listed[-1])) or \
        (alike(words[0], listed[-1]) and alike(words[-1], listed[0]))
    if ends and all(any(alike(w, x) for x in listed) for w in words):
        return f"first and last names agree with '{matched}'"
    return None


def all_words_in(mention: str, name: str) -> bool:
    """Every word of the mention is a word of the (primary) name: "Javad Zarif" in "ZARIF,
    Mohammad Javad"."""
    listed = [fold(w) for w in name_elements(name_words(name))]
    return all(any(same_word(w, x) for x in listed) for w in person_words(mention))


@lru_cache(maxsize=MEMO_SIZE)
def is_descriptor(text: str) -> bool:
    """A name made only of organ words, function words and the state's own name or demonym
    ("Ministry of Defence", "State Department", "the Iranian interior ministry", "Ruritanian National
    Army", "the U.S. Department of Labor"): it names a different body in every state, so the state
    it names must be the entry's."""
    words = [w.casefold().strip(".,'\u2019") for w in _without_places(name_words(text))]
    content = [w for w in words if w and w not in _FUNCTION_WORDS]
    return bool(content) and all(w in ORGAN_WORDS for w in content)


def _without_places(words: list[str]) -> list[str]:
    """The words left once the names, demonyms and short names of states (one or two words, as
    written: "U.S." keeps its dots, "Russia's" its possessive) are taken out."""
    out: list[str] = []
    i = 0
    while i < len(words):
        for n in (2, 1):
            place = lookup(" ".join(words[i:i + n]).rstrip(",")) if i + n <= len(words) else None
            if place is not None and place.code and place.kind in ("country", "demonym", "alias"):
                i += n
                break
        else:
            out.append(words[i])
            i += 1
    return out


@lru_cache(maxsize=MEMO_SIZE)
def is_kind(text: str) -> bool:
    """A nationality or place with a kind of ship or company and nothing else ("Iranian Tanker",
    "Chinese shipping firm"): a description a headline capitalised, not a body's own name."""
    words = [w.casefold().strip(".,") for w in name_words(text)]
    content = [w for w in words if w and w not in _FUNCTION_WORDS]
    kinds = [w for w in content if w in VESSEL_NOUNS or w in COMPANY_NOUNS]
    # Demonyms only: a country's own name in a company's name is part of it ("Chile Shipping Lines").
    places = [w for w in content if w not in kinds and demonym(w) is not None]
    return bool(kinds) and bool(places) and len(kinds) + len(places) == len(content)


def site_of_company(mention: str, listed: str) -> bool:
    """A site ("the X Refinery", "the Y Plant") whose name is the listed name without the company
    word the list adds ("X REFINERY COMPANY"): the place, not necessarily the company that runs it."""
    said = {fold(w) for w in name_words(mention)}
    added = [w for w in name_words(listed) if fold(w) not in said and not any(same_word(w, s) for s in said)]
    return bool(added) and all(w.casefold().rstrip(".") in COMPANY_NOUNS for w in added)


@lru_cache(maxsize=MEMO_SIZE)
def quoted_name(entity_name: str) -> str | None:
    """The part of a list name in quotes ("PRIVATE MILITARY COMPANY 'NAME'" -> "NAME")."""
    m = _QUOTED.search(entity_name)
    return m.group(1).strip() if m else None


def typed_as(text: str, start: int, end: int, nouns: frozenset[str]) -> bool:
    """Whether a type noun stands right next to the name: before it ("the tanker Justice", "MV
    Freedom"), after it ("the Atlantic Shipping company"), or in an apposition ("Freedom, a cargo
    ship"). Only the next words count: "tankers crossed the Atlantic" does not type the ocean."""
    def norm(w: str) -> str:
        return w.casefold().rstrip(".")

    before = [w for w in re.findall(r"[\w/.]+", text[max(0, start - 40):start]) if norm(w) not in _ARTICLES]
    after = re.findall(r"[\w/.]+|,", text[end:end + 60])
    if before and (norm(before[-1]) in nouns or before[-1].casefold() in nouns):
        return True
    if after and norm(after[0]) in nouns:
        return True
    if after[:1] == [","]:  # apposition: ", a North Korean cargo ship"
        return any(norm(w) in nouns for w in after[1:6] if w != ",")
    return False


_ARTICLES = frozenset({"the", "a", "an"})


__all__ = ["COMPANY_NOUNS", "MEMO_SIZE", "ORGAN_WORDS", "VESSEL_NOUNS", "all_words_in", "captors", "clear_memos", "fold", "given_missing", "group_placed", "group_singular", "is_descriptor", "is_kind",
           "is_title", "listed_plural", "looks_like_acronym", "name_elements", "person_shaped", "stated_origins", "name_key", "name_words", "person_agrees", "person_words", "quoted_name", "same_folded", "same_word", "site_of_company", "skeleton",
           "spelling_class", "spelling_key", "surname_partial", "typed_as", "without_titles"]


_MEMOISED = (fold, given_missing, person_agrees, is_descriptor, is_kind, quoted_name)


def clear_memos() -> None:
    """Forget the memoised rules' answers (a benchmark round that must link from scratch)."""
    for fn in _MEMOISED:
        fn.cache_clear()
