"""Entity mentions: spaCy NER, re-labelled and completed by rules fed from the lists and gazetteer.

Candidates come from five sources, each with a priority used when spans overlap:

====================  ========  ==========================================================
source                priority  why
====================  ========  ==========================================================
acronym definitions   4         the text itself says what the short form means
list names            3         names and aliases from the loaded sanctions lists
gazetteer, rules      2         countries, demonyms, capitals; "... Research Center"; weapons;
                                organisation-shaped names ("... Guard Corps", "Ministry of ...")
spaCy NER             1         the statistical model, labels mapped to ours
====================  ========  ==========================================================

No body is known by name: names come from the lists, the gazetteer of states and the text itself.

Overlaps are resolved greedily by (priority, length). Every mention keeps exact character offsets
into the input (spaCy keeps ``doc.text`` identical to it) and the name+version of what found it.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from mistrust.extract import gazetteer
from mistrust.extract.acronyms import ACRONYMS_VERSION, find_acronyms, short_form_occurrences
from mistrust.extract.cues import SPEECH
from mistrust.extract.nominals import NOMINAL, nominal_spans
from mistrust.extract.org_phrases import ORG_PHRASES_VERSION, find_org_phrases
from mistrust.extract.predicates import inflections
from mistrust.extract.span_checks import (
    COMPASS,
    FACILITY_TAILS,
    WEAPON_NOUNS,
    case_ok,
    context_countries,
    demonym_like,
    ends_with_facility,
    in_place_phrase,
    looks_like_name,
    split_possessives,
    strip_determiner,
    trim_mention,
    weapon_context,
)
from mistrust.model.documents import Mention
from mistrust.model.roles import DIPLOMATIC_NOUNS
from mistrust.model.vocabulary import AGENCY_NAMES

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.matcher import PhraseMatcher
    from spacy.tokens import Doc, Span

ENTITIES_VERSION = "entities-v2"
GENERIC = "group-rule-v1"
LABELS = ("Person", "Organization", "Country", "Location", "Facility", "Nationality", "Weapon", "Vessel", "Law",
          "Event")

# spaCy (OntoNotes) label -> ours. GPE is split later into Country/Location with the gazetteer.
_NER_LABELS = {
    "PERSON": "Person",
    "ORG": "Organization",
    "GPE": "Location",
    "LOC": "Location",
    "FAC": "Facility",
    "NORP": "Nationality",
    # Treaties and regimes (JCPOA, NPT) act like bodies in this reporting ("the JCPOA requires"); a
    # name headed by a kind noun of a text or event ("the Lima Accord") is relabelled, see name_kind.
    "LAW": "Organization",
    "PRODUCT": "Weapon",  # kept only when the context says weapon, see weapon_context
}
# List schemas -> labels; aircraft have no label of their own and are not looked for in text.
_SCHEMA_LABELS = {"Person": "Person", "Organization": "Organization", "LegalEntity": "Organization",
                  "Company": "Organization", "Vessel": "Vessel"}

_FACILITY_RE = re.compile(
    r"\b((?:(?!The\b)[A-Z][\w\-]*\s+(?:(?:of|al|el|for)\s+)?){1,6}(?:"
    + "|".join(re.escape(t) for t in sorted(FACILITY_TAILS, key=len, reverse=True))
    + r"))\b"
)
# "the MV Wise Honest", "tanker Grace 1", "vessel Lighthouse Winmore": the name after the ship word.
_VESSEL_RE = re.compile(
    r"\b(?:M/V|MV|M\.V\.|MT|M/T|tanker|vessel|freighter|ship|cargo ship|oil tanker)\s+"
    r"((?:[A-Z][\w\-]*|\d+)(?:\s+(?:[A-Z][\w\-]*|\d+)){0,3})"
)
# Heads that make "<country/nationality> + noun" a body or group acting ("Iraqi security forces",
# "the Syrian opposition", "Iran's government", "U.S. military") or one office holder ("the Iraqi
# Foreign Minister"). Such mentions are generic: they are kept as actors but never screened.
_GROUP_HEADS = {"government", "governments", "regime", "army", "military", "forces", "force", "troops",
                "authorities", "opposition", "rebels", "militants", "militia", "militias", "police", "navy",
                "coalition", "parliament", "ministry", "embassy", "people", "population", "intelligence",
                "administration", "officials", "delegation", "refugees", "fighters", "soldiers", "diplomats",
                "parties", "leadership", "marines", "guards", "media", "television", "security", "services",
                "negotiators", "lawmakers", "leaders", "community", "airforce", "jets", "warplanes"}
# People nouns a religious or ethnic adjective makes a group ("Kurdish fighters", "Shia militiamen",
# "the Yazidi community"): the group is the actor, the adjective alone is not a mention.
_PEOPLE_HEADS = {"fighters", "militiamen", "civilians", "groups", "group", "community", "communities",
                 "officers", "insurgents", "insurgency", "paramilitaries", "paramilitary", "clerics", "activists",
                 "citizens", "nationals", "workers", "residents", "villagers", "families",
                 "factions", "faction", "movement", "movements", "parties", "party", "volunteers", "gunmen",
                 "jihadists", "extremists", "separatists", "minority", "minorities", "majority", "writers",
                 "authors", "experts", "scientists", "engineers", "students", "audience",
                 "audiences", "businessmen", "traders", "companies", "firms", "firm", "company", "banks",
                 "bank", "crew", "crews", "sailors", "pilots", "prisoners", "detainees", "hostages"}
# Place nouns an adjective of nationality describes: "the Syrian town of Azaz", "the Turkish border".
_PLACE_HEADS = {"city", "town", "village", "border", "frontier", "region", "province", "capital", "territory",
                "coast", "waters", "side", "countryside", "airspace", "district", "port", "island", "islands",
                "desert", "mountains", "peninsula", "enclave", "suburb", "suburbs"}
_PERSON_HEADS = {"president", "minister", "secretary", "ambassador", "envoy", "spokesman", "spokeswoman",
                 "spokesperson", "leader", "king", "general", "commander", "official", "diplomat", "negotiator",
                 "representative", "premier", "chancellor", "prince", "foreign", "director", "chief"}
# "the Foreign Secretary", "The Prime Minister", "the US Secretary of State": an office named in
# capitals stands for its holder.
_SPEECH_FORMS = frozenset(form for verb in SPEECH for form in inflections(verb))
# Offices named by their portfolio: in "Secretary of State Ana Velk" or "Minister of Defence" the
# word after "of" is part of the title, not a body of its own (the body is "the State Department").
_PORTFOLIO_OFFICES = {"secretary", "secretaries", "undersecretary", "minister", "ministers"}
# Waters and capes named "<feature> of <Name>" ("the Strait of Hormuz", "the gulf of Aden"): the
# feature noun belongs to the name, in capitals or not.
_WATER_FEATURES = {"strait", "straits", "gulf", "bay", "sea", "cape", "isle", "lake"}
# Head nouns that end the name of a body: "X Ports and Maritime Organisation", "Oil and Gas Company".
_BODY_HEADS = {"organisation", "organization", "authority", "agency", "company", "corporation",
               "commission", "administration", "bureau"}
# Photo credits and breadcrumbs are page furniture the tagger reads as names: "Ana Velk/Reuters",
# "(AP Photo, File)", "Staff/Handout", "Home / World / Asia".
_CREDIT_WORDS = frozenset({"file", "pool", "handout"})
# Lower-case nouns of sites a name may precede ("the Zarvan enrichment plant").
_SITE_NOUNS = {"facility", "facilities", "plant", "reactor", "site", "complex", "refinery", "shipyard", "mine"}
# Kind nouns of texts and of occasions. A name headed by one ("the Andean Trade Act", "the Treaty of
# Quito", "the Pacific Summit", "the Gran Chaco War") names a document or an event, not a body that
# acts, so it is no actor, network node or claim argument. Checked against the organisation names of
# the UN and OFAC lists: no listed body is headed by one of these (listed "X of Y" names are headed by
# X: "Supporters of Islamic Law"), and a listed name keeps its label anyway. Left out, measured on the
# dev news and the lists: "Initiative" and "Program(me)" (NGOs, UN agencies, research programmes
# quoted as sources), "Bill" (a first name), "Process", "Crisis", "Revolution" (heads of body names).
_LAW_HEADS = frozenset({"act", "acts", "law", "laws", "treaty", "treaties", "accord", "accords", "agreement",
                        "agreements", "convention", "conventions", "protocol", "protocols", "resolution",
                        "resolutions", "pact", "charter", "deal", "declaration", "memorandum", "doctrine", "plan",
                        "amendment", "directive", "statute", "framework"})
_EVENT_HEADS = frozenset({"summit", "conference", "war", "wars", "operation", "talks"})
# Kind nouns written before the name: "Operation Condor Shield" (a code name), "Resolution 9999" and
# "Protocol 2" (a number).
_NAMING_PREFIXES = frozenset({"operation"})
# Kind nouns that also name a standing assembly: "the Lima Conference" is a meeting, but "the Conference
# on Disarmament" or "the Conference of Mayors" (of some members) is a body that acts.
_ASSEMBLY_HEADS = frozenset({"conference"})
_ORDINAL_RE = re.compile(r"^(?:[IVX]+|\d+)$")
_TITLE_RE = re.compile(
    r"\b[Tt]he\s+((?:(?:[A-Z]\.){2,}\s*|(?:US|UK|UN|EU)\s+)?"
    r"(?:(?:Deputy|Vice|Prime|Foreign|Defen[cs]e|Home|Interior|Finance|Chief|Special|Supreme|Crown|Acting|"
    r"Former|High|Senior)\s+)*"
    r"(?:President|Minister|Secretary(?:\s+of\s+State|\s+General)?|Chancellor|Ambassador|Envoy|"
    r"Spokes(?:man|woman|person)|Leader|King|Prince|Premier|Commissioner|Commander)"
    r"(?:\s+(?:of|for)\s+(?:the\s+)?[A-Z][\w\-]+(?:\s+[A-Z][\w\-]+)*)?)"
)



@dataclass
class Candidate:
    start: int
    end: int
    label: str
    priority: int
    extractor: str
    canonical: str | None = None
    country: str | None = None  # alpha-2 of the state a place/nationality stands for

    @property
    def length(self) -> int:
        return self.end - self.start


@dataclass
class Recognized:
    """A mention and the context linking needs (the state it is tied to in the text)."""

    mention: Mention
    countries: list[str] = field(default_factory=list)
    country: str | None = None  # for Country/Nationality mentions: the state itself
    actor: bool = False  # the mention is the actor of its clause (subject, agent, partner)
    plural: bool = False  # a people or group named by a plural noun ("Syrians", "the Kurds")
    generic: bool = False  # an office, group or pronoun ("the Foreign Secretary"): kept, never screened
    political: bool = False  # a state name used for the state as a body ("U.S. support"), not its territory


class EntityRecognizer:
    """Builds the phrase matchers once (gazetteer, known actors, list names) and labels docs.

    ``list_names`` are ``(name, schema)`` pairs from the loaded lists; passed in, so this engine
    never reads the store.
    """

    def __init__(self, nlp: Language, list_names: Iterable[tuple[str, str]] = (), nominals: bool = False) -> None:
        from spacy.matcher import PhraseMatcher

        self.nlp = nlp
        self.nominals = nominals
        self._places: dict[str, gazetteer.Place] = {}
        self._list_labels: dict[str, str] = {}
        self.matcher: PhraseMatcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self._add_phrases("gaz", [p.phrase for p in gazetteer.places()])
        names = self._usable_list_names(list_names)
        self._list_labels = names
        self._add_phrases("list", list(names))
        self.list_name_count = len(names)
        self._weapon_ids = {nlp.vocab.strings.add(noun) for noun in WEAPON_NOUNS}
        self._site_ids = {nlp.vocab.strings.add(noun) for noun in _SITE_NOUNS}

    def _add_phrases(self, key: str, phrases: Sequence[str]) -> None:
        unique = sorted(set(phrases))
        # make_doc only tokenises; the PhraseMatcher on LOWER needs no tagging.
        tokenizer: Any = self.nlp.tokenizer
        self.matcher.add(key, list(tokenizer.pipe(unique, batch_size=1000)))

    def _usable_list_names(self, list_names: Iterable[tuple[str, str]]) -> dict[str, str]:
        """List names worth looking for verbatim: long enough not to match ordinary words."""
        out: dict[str, str] = {}
        for name, schema in list_names:
            label = _SCHEMA_LABELS.get(schema)
            name = " ".join(name.split())
            if label is None or len(name) < 4:
                continue
            # One-word list names ("ORIENT", "ATLAS") are common words; only acronyms-like all-caps
            # forms of 4+ letters are kept, and they must appear in capitals in the text.
            if " " not in name and not (name.isupper() and name.isalpha() and label != "Person"):
                continue  # one-word person aliases are nicknames ("MARIA", "TILO"): too common
            if gazetteer.lookup(name) is not None:
                continue  # "IRAN" as some entity's weak alias must stay the country
            out.setdefault(name.lower(), label)
        return out

    # -- recognition ---------------------------------------------------------------------------

    def __call__(self, doc: Doc) -> list[Recognized]:
        # Doc.text joins every token on each access: read it once per document (the pipeline
        # leaves the input text in user_data; attribution_spans._doc_text reads the same key).
        text = doc.user_data.get("mistrust_text")
        if not isinstance(text, str):
            text = doc.user_data["mistrust_text"] = doc.text
        cands = self._ner_candidates(doc)
        cands += _coordinated_names(text, cands)
        cands += self._phrase_candidates(doc)
        cands += self._regex_candidates(doc, text)
        cands += self._acronym_candidates(text, cands)
        cands += self._group_candidates(doc, cands)
        # "(Arabic: ...)", "(Persian: ...)": a language name glossing a word, not a people
        cands = [c for c in cands if not (c.label == "Nationality" and text[c.end:c.end + 1] == ":")]
        if self.nominals:
            cands += [Candidate(start, end, label, 0, NOMINAL) for start, end, label in nominal_spans(doc)]
        chosen = resolve(cands)
        return self._finish(doc, text, chosen)

    def _ner_candidates(self, doc: Doc) -> list[Candidate]:
        out = []
        for ent in doc.ents:
            label = _NER_LABELS.get(ent.label_)
            if label is None:
                continue
            for piece in split_possessives(ent):
                span = trim_mention(piece)
                if span is None:
                    continue
                plabel = label
                if not any(c.isupper() for c in span.text):
                    continue  # "un-named": English names are capitalised; the small model guesses
                if plabel == "Weapon" and not weapon_context(span):
                    continue
                if (plabel == "Organization" and _portfolio(span)) or _credit_line(span.text):
                    continue
                if plabel == "Nationality" and not demonym_like(span):
                    # "eastern Aleppo", "control of Aleppo": a NORP that is no people word is a place
                    prev = doc[span.start - 1].lower_ if span.start else ""
                    if prev in COMPASS or span.root.dep_ == "pobj":
                        plabel = "Location"
                if plabel in ("Nationality", "Person", "Organization") and in_place_phrase(span) and (
                        gazetteer.lookup(span.text) is None and span.text.lower() not in self._list_labels):
                    plabel = "Location"  # "fighting in Aleppo", "near Sinjar": a name after "in" is a place
                if ent.label_ in ("GPE", "NORP") and len(span) == 1 and span.text.isupper() and len(span.text) > 3 \
                        and gazetteer.lookup(span.text) is None:
                    plabel = "Organization"  # an all-caps acronym tagged as a place or people is a body
                # A multi-word person/organisation/facility name from the model competes on length
                # with rule matches inside it ("Michael Jordan" must not become the country Jordan).
                prio = 2 if plabel in ("Person", "Organization", "Facility") and len(span) > 1 else 1
                start = span.start_char
                if plabel in ("Person", "Organization", "Location") and _water_name(span):
                    # "the strait of Hormuz": the feature noun is part of the place's name
                    plabel, start = "Location", span.doc[span.start - 2].idx
                out.append(Candidate(start, span.end_char, plabel, prio, f"ner:{ent.label_}"))
        return out

    def _phrase_candidates(self, doc: Doc) -> list[Candidate]:
        out = []
        strings = self.nlp.vocab.strings
        for match_id, start, end in self.matcher(doc):
            key = strings[match_id]
            span = doc[start:end]
            text = span.text
            if key == "gaz":
                place = gazetteer.lookup(text)
                if place is None or not case_ok(text, place.phrase):
                    continue
                out.append(Candidate(span.start_char, span.end_char, place.label, 2,
                                     gazetteer.GAZETTEER_VERSION, place.canonical, place.code or None))
            else:
                label = self._list_labels.get(text.lower())
                if label is None or not looks_like_name(span):
                    continue
                out.append(Candidate(span.start_char, span.end_char, label, 3, "list-names-v1"))
        return out

    def _regex_candidates(self, doc: Doc, text: str) -> list[Candidate]:
        out = []
        for m in _FACILITY_RE.finditer(text):
            out.append(Candidate(m.start(1), m.end(1), "Facility", 2, "facility-rule-v1"))
        for m in _TITLE_RE.finditer(text):
            out.append(Candidate(m.start(1), m.end(1), "Person", 2, GENERIC))
        for m in _VESSEL_RE.finditer(text):
            out.append(Candidate(m.start(1), m.end(1), "Vessel", 2, "vessel-rule-v1"))
        for org in find_org_phrases(text):
            start = _after_state_words(text, org.start, org.end) if org.rule == "head" else org.start
            if start is not None:
                out.append(Candidate(start, org.end, "Organization", 2, ORG_PHRASES_VERSION))
        # "Iran's EMAD ballistic missile", "a Hwasong-15 ICBM": a name just before a weapon noun.
        # The weapon nouns are found on the array of lowercase hashes, not by visiting every token.
        from spacy.attrs import LOWER

        weapon_ids = self._weapon_ids
        lowers = doc.to_array(LOWER).tolist() if len(doc) else []
        out += self._site_candidates(doc, lowers)
        for i, lower in enumerate(lowers):
            if lower not in weapon_ids:
                continue
            token = doc[i]
            left = token.i - 1
            while left >= 0 and doc[left].pos_ == "ADJ" and doc[left].is_lower:
                left -= 1
            if left < 0 or left == token.i:
                continue
            name = doc[left]
            # Only code-like names (EMAD, KN-08, Hwasong-15): a Title-case word before "missile" is
            # usually a headline ("Resumed Joint Missile Development"), and the noun must be lower.
            codelike = (name.is_upper and len(name.text) >= 2) or any(c.isdigit() for c in name.text)
            if codelike and token.is_lower and name.pos_ in ("PROPN", "NOUN", "NUM") and not name.is_stop:
                if gazetteer.lookup(name.text) is not None or name.text.lower() in self._list_labels:
                    continue
                out.append(Candidate(name.idx, name.idx + len(name.text), "Weapon", 2, "weapon-rule-v1"))
        return out

    def _site_candidates(self, doc: Doc, lowers: list[int]) -> list[Candidate]:
        """"the Zarvan enrichment plant", "the Kelto Iranian nuclear facility": a name before a
        lower-case site noun (over its adjectives and a people word) names the site."""
        out = []
        for i, lower in enumerate(lowers):
            if lower not in self._site_ids or not doc[i].is_lower:
                continue
            left = i - 1
            while left >= 0 and (doc[left].is_lower and doc[left].pos_ in ("ADJ", "NOUN") or
                                 gazetteer.lookup(doc[left].text) is not None and doc[left].pos_ == "ADJ"):
                left -= 1
            end = left + 1
            while left >= 0 and i - left < 6 and doc[left].pos_ == "PROPN" and doc[left].text[:1].isupper() \
                    and gazetteer.lookup(doc[left].text) is None and not doc[left].is_stop:
                left -= 1
            if left + 1 < end and not (left >= 0 and doc[left].tag_ == "POS"):
                first, last = doc[left + 1], doc[end - 1]
                out.append(Candidate(first.idx, last.idx + len(last.text), "Facility", 2, "facility-rule-v1"))
        return out

    def _acronym_candidates(self, text: str, cands: list[Candidate]) -> list[Candidate]:
        out = []
        for acro in find_acronyms(text):
            long_text = acro.long
            place = gazetteer.lookup(long_text) or gazetteer.lookup(acro.short)
            if place is not None and place.kind in ("country", "alias"):
                label, canonical, country = "Country", place.canonical, place.code or None
            else:
                label = _label_of(acro.long_start, acro.long_end, cands) or "Organization"
                if label in ("Country", "Location", "Nationality", "Weapon"):
                    label = "Organization"
                canonical, country = long_text, None
            out.append(Candidate(acro.long_start, acro.long_end, label, 4, ACRONYMS_VERSION, canonical, country))
            for start, end in short_form_occurrences(text, acro.short):
                out.append(Candidate(start, end, label, 4, ACRONYMS_VERSION, canonical, country))
        return out

    def _group_candidates(self, doc: Doc, cands: list[Candidate]) -> list[Candidate]:
        """'Iraqi security forces', 'Iran's government', 'the government of Iraq': a place or people
        word that modifies a group or office noun makes the whole phrase the actor."""
        out = []
        for cand in cands:
            if cand.label == "Nationality" and cand.country is None or cand.label == "Person":
                out += self._modifier_candidates(doc, cand)
                continue
            if cand.label not in ("Country", "Nationality", "Location") or cand.country is None:
                continue
            span = doc.char_span(cand.start, cand.end, alignment_mode="expand")
            if span is None:
                continue
            if cand.label == "Nationality":
                out += self._modifier_candidates(doc, cand, span)
            root = span.root
            head = root.head
            if root.dep_ in ("compound", "amod", "nmod", "poss", "npadvmod") and head.i >= span.end:
                if head.lower_ in _GROUP_HEADS or head.lower_ in _PERSON_HEADS:
                    label = "Organization" if head.lower_ in _GROUP_HEADS else "Person"
                    out.append(Candidate(span.start_char, head.idx + len(head.text), label, 2, GENERIC,
                                         country=cand.country))
            elif root.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ in _GROUP_HEADS:
                group = head.head
                start = min(t.idx for t in group.subtree if t.i <= group.i and t.dep_ != "det")
                out.append(Candidate(start, span.end_char, "Organization", 2, GENERIC, country=cand.country))
        return out

    @staticmethod
    def _name_candidates(doc: Doc, cand: Candidate, span: Span) -> list[Candidate]:
        """"the Syrian Electronic Army", "the Iraqi Museum": a people adjective opening a
        capitalised name is part of that name, which the small model often leaves unlabelled."""
        j = span.end
        while j < len(doc) and doc[j].pos_ == "PROPN" and doc[j].text[:1].isupper() and \
                gazetteer.lookup(doc[j].text) is None:
            if doc[j].ent_type_ == "PERSON" or doc[j].lower_ in _PERSON_HEADS:
                return []  # "Iraqi Prime Minister Haider al-Abadi": a person, not a body
            j += 1
        if j == span.end or j - span.end > 5:
            return []
        if j < len(doc) and doc[j].lower_ in DIPLOMATIC_NOUNS and doc[j - 1].dep_ == "compound":
            # "the Chinese UN mission", "the Peruvian EU delegation": the capitalised words name the
            # body that hosts a state's office, not a name the adjective opens (the group rule reads
            # the office, which speaks for the adjective's state)
            return []
        label = "Location" if doc[j - 1].lower_ in _PLACE_HEADS else "Organization"
        last = doc[j - 1]
        return [Candidate(cand.start, last.idx + len(last.text), label, 2, "name-rule-v1")]

    def _modifier_candidates(self, doc: Doc, cand: Candidate, span: Span | None = None) -> list[Candidate]:
        """The noun phrase a people adjective or a leader's name modifies: "Kurdish fighters" and
        "Shia Muslim paramilitary groups" (a group), "the Syrian town of Azaz" (a place), "the
        Assad regime" / "Assad's forces" (the body the person leads)."""
        span = span or doc.char_span(cand.start, cand.end, alignment_mode="expand")
        if span is None:
            return []
        if cand.label == "Nationality":
            named = self._name_candidates(doc, cand, span)
            if named:
                return named
        head = span.root
        # climb the modifier chain: "Shia" -> "Muslim" -> "groups"
        for _ in range(4):
            if head.dep_ not in ("amod", "compound", "nmod", "poss") or head.head.i <= head.i:
                break
            if head.dep_ == "poss" and cand.label != "Person":
                break
            head = head.head
        if head.i < span.end or not head.is_lower:
            return []
        word = head.lower_
        if cand.label == "Person":
            if word not in _GROUP_HEADS:
                return []
            label = "Organization"
        elif word in _GROUP_HEADS or word in _PEOPLE_HEADS and not _state_of(cand, span):
            # "Iranian engineers" keeps its Nationality mention (linked to Iran); only religious
            # and ethnic words with no state ("Kurdish fighters") become the group
            label = "Organization"
        elif word in _PLACE_HEADS:
            label = "Location"
        else:
            return []
        if any(t.is_punct or t.dep_ == "cc" for t in doc[span.end:head.i]):
            return []
        end = head.idx + len(head.text)
        # "the Syrian town of Azaz": the place it names comes with it
        if label == "Location" and head.i + 2 < len(doc) and doc[head.i + 1].lower_ == "of" and \
                doc[head.i + 2].pos_ == "PROPN" and doc[head.i + 2].text[:1].isupper():
            last = doc[head.i + 2]
            while last.i + 1 < len(doc) and last.i - head.i < 5 and doc[last.i + 1].pos_ == "PROPN" and \
                    doc[last.i + 1].text[:1].isupper():
                last = doc[last.i + 1]
            end = last.idx + len(last.text)
        return [Candidate(cand.start, end, label, 2, GENERIC, country=cand.country)]

    # -- final labels and canonical names ------------------------------------------------------

    def _finish(self, doc: Doc, doc_text: str, chosen: list[Candidate]) -> list[Recognized]:
        out: list[Recognized] = []
        persons: dict[str, str] = {}  # surname -> full name, for "Price" after "Ned Price"
        for cand in chosen:
            span = doc.char_span(cand.start, cand.end, alignment_mode="expand")
            text = doc_text[cand.start:cand.end]
            label, canonical, country = cand.label, cand.canonical, cand.country
            if span is not None:
                label, canonical, country = self._relabel(span, text, label, canonical, country)
            if label == "Person":
                parts = text.split()
                if len(parts) >= 2:
                    persons.setdefault(parts[-1], text)
                elif text in persons:
                    canonical = persons[text]
            elif label == "Organization" and " " not in text and text in persons:
                label, canonical = "Person", persons[text]  # "Trump" tagged ORG after "Donald Trump"
            mention = Mention(text=text, start=cand.start, end=cand.end, label=label,
                              canonical=canonical, extractor=f"{ENTITIES_VERSION}/{cand.extractor}")
            context = context_countries(doc, span) if span is not None else []
            actor = span is not None and gazetteer.is_actor(span)
            plural = span is not None and span.root.tag_ in ("NNS", "NNPS")
            if cand.country and cand.country not in context:
                context.append(cand.country)
            generic = cand.extractor in (GENERIC, NOMINAL)
            political = actor or (label == "Country" and span is not None and gazetteer.is_political(span))
            out.append(Recognized(mention, context, None if generic else country, actor, plural, generic,
                                  political))
        return out

    def _relabel(self, span: Span, text: str, label: str, canonical: str | None,
                 country: str | None) -> tuple[str, str | None, str | None]:
        if label in ("Location", "Country", "Organization") and country is None:
            place = gazetteer.lookup(text)
            if place is not None and place.kind != "demonym":
                label = place.label
                canonical, country = place.canonical, place.code or None
        if label == "Location" and country is None and _reports(span):
            return "Organization", canonical, country  # "Kestrel reported": a place does not report
        if label == "Location" and country is not None:
            # A capital or seat of government is the state when it acts ("Tehran has denied").
            if gazetteer.is_actor(span):
                return "Country", canonical, country
            return "Location", text if canonical is None else None, None
        if label in ("Person", "Organization") and ends_with_facility(text):
            return "Facility", canonical, country
        if label == "Location" and text.isupper() and len(text) > 3 and gazetteer.lookup(text) is None:
            return "Organization", canonical, country
        if label in ("Organization", "Facility") and (kind := name_kind(canonical or text)) is not None and not (
                {strip_determiner(text).lower(), (canonical or "").lower()} & self._list_labels.keys()):
            # a law or an event the model took for a body or a building ("the Lima Accord" as FAC); a
            # listed body whose name ends in such a word keeps its label
            label = kind
        if label in ("Organization", "Law", "Event") and canonical is None:
            canonical = strip_determiner(text) if text[:4].lower() == "the " else None
        return label, canonical, country


# -- helpers ------------------------------------------------------------------------------------


def tier(cand: Candidate) -> int:
    # Acronym definitions first; then every rule match and multi-word model name, longest first;
    # then the model's single words and places.
    return 2 if cand.priority >= 4 else 1 if cand.priority >= 2 else 0


def resolve(cands: list[Candidate]) -> list[Candidate]:
    """Greedy by (tier, length, priority); a span overlapping a chosen one is dropped."""
    chosen: list[Candidate] = []
    # The chosen spans never overlap, so sorted by start their ends are sorted too: a candidate
    # overlaps one of them iff it overlaps the last one starting before its end (bisect, not a
    # scan of every chosen span: articles give thousands of candidates).
    starts: list[int] = []
    ends: list[int] = []
    for cand in sorted(cands, key=lambda c: (-tier(c), -c.length, -c.priority, c.start)):
        if cand.end <= cand.start:
            continue
        at = bisect_left(starts, cand.end)
        if at and ends[at - 1] > cand.start:
            continue
        chosen.append(cand)
        starts.insert(at, cand.start)
        ends.insert(at, cand.end)
    return sorted(chosen, key=lambda c: (c.start, c.end))


def name_kind(name: str) -> str | None:
    """ "Law" or "Event" when ``name`` is headed by a kind noun of a text or an occasion: its last word
    (over a trailing number: "World War II"), the word before "of" or "on" ("the Treaty of Quito", "Joint
    Plan of Action", "the Caldera Convention on Mines"), or a naming prefix before a name or a number
    ("Operation Condor Shield", "Resolution 9999")."""
    words = strip_determiner(" ".join(name.split())).split()
    if len(words) < 2 or not words[0][:1].isupper():
        return None
    lower = [w.lower() for w in words]
    joint = next((i for i, w in enumerate(lower) if i and w in ("of", "on")), None)
    if joint is not None:
        head = words[joint - 1]
        if head.lower() in _ASSEMBLY_HEADS:
            return None
    else:
        while len(words) > 2 and _ORDINAL_RE.match(words[-1]):
            words = words[:-1]
        head = words[-1]
        if all(w.isdigit() for w in words[1:]) or lower[0] in _NAMING_PREFIXES and words[1][:1].isupper():
            head = words[0]  # "Resolution 9999", "Operation Condor Shield"
    if not head[:1].isupper():
        return None  # "Lima trade act" is a description, not a name headed by a kind noun
    key = head.lower()
    return "Law" if key in _LAW_HEADS else "Event" if key in _EVENT_HEADS else None


def _label_of(start: int, end: int, cands: list[Candidate]) -> str | None:
    best = None
    for c in cands:
        if c.start < end and start < c.end and (best is None or c.priority > best.priority):
            best = c
    return best.label if best else None





def _portfolio(span: Span) -> bool:
    """The portfolio of an office title right before it ("Secretary of State", "Minister of
    Defence"): "of" with no determiner, after an office noun."""
    i = span.start
    return i >= 2 and span.doc[i - 1].lower_ == "of" and span.doc[i - 2].lower_ in _PORTFOLIO_OFFICES


def _coordinated_names(text: str, cands: list[Candidate]) -> list[Candidate]:
    """One body's name that the tagger split at "and": "Velmar Ports" + "and" + "Maritime
    Organisation" is the "Velmar Ports and Maritime Organisation". The part before "and" ends in
    a plural domain word (Ports, Roads, Mines) and has no head of its own; the part after ends in
    a body's head noun. Two bodies joined by "and" ("Velk and Orla Corporation") keep apart."""
    orgs = sorted((c for c in cands if c.label == "Organization"), key=lambda c: c.start)
    out = []
    for a, b in zip(orgs, orgs[1:], strict=False):
        first, second = text[a.start:a.end].split(), text[b.start:b.end].split()
        if text[a.end:b.start] != " and " or not first or not second:
            continue
        last = first[-1]
        if (second[-1].casefold() in _BODY_HEADS and last[:1].isupper() and last.endswith("s")
                and not last.isupper() and last.casefold() not in _BODY_HEADS):
            out.append(Candidate(a.start, b.end, "Organization", 2, "ner:coordinated"))
    return out


def _water_name(span: Span) -> bool:
    """A name right after "<water feature> of" ("the strait of Hormuz"), which the tagger may read
    alone, or as a person or a body."""
    i = span.start
    return i >= 2 and span.doc[i - 1].lower_ == "of" and span.doc[i - 2].lower_ in _WATER_FEATURES


def _credit_line(text: str) -> bool:
    """A photo credit or a breadcrumb read as a name: parts split by "/" or "," of which one is a
    news agency, an agency's photo desk or a credit word ("Ana Velk/Reuters", "AP Photo, File",
    "Navy/Handout"), or menu levels set apart by " / ". A name with a slash of its own ("M/V
    Orla") or a comma ("Velk Holdings, Ltd") is none of these."""
    if " / " in text:
        return True
    parts = [p.strip().casefold() for p in re.split(r"[/,]", text) if p.strip()]
    if len(parts) < 2:
        return False
    for part in parts:
        words = part.split()
        if part in AGENCY_NAMES or part in _CREDIT_WORDS:
            return True
        if len(words) >= 2 and words[0] in AGENCY_NAMES and words[1] in ("photo", "photos"):
            return True
    return False


def _reports(span: Span) -> bool:
    """A name that is the subject of a verb of saying, or its source after "according to" ("X
    reported", "according to X"): the model's guess of a place for an unknown one-word name is
    wrong there. Gazetteer places (a capital that speaks for its state) never reach this test."""
    root = span.root
    if root.dep_ == "nsubj":
        return root.head.lower_ in _SPEECH_FORMS
    return root.dep_ == "pobj" and root.head.lower_ == "to" and root.head.head.lower_ == "according"


def _after_state_words(text: str, start: int, end: int) -> int | None:
    """Where an organisation-shaped name starts once a leading state word is set aside: "U.S.
    Treasury Department" is the department (the state word before it ties it to its state, see
    ``context_countries``); "Ruritanian Navy", a state word and a bare head, is the group rule's, which
    keeps the state the organ speaks for. None when nothing but the head is left."""
    words = [(m.start() + start, m.group()) for m in re.finditer(r"\S+", text[start:end])]
    for n in (3, 2, 1):
        if len(words) > n and gazetteer.lookup(" ".join(w for _, w in words[:n])) is not None:
            words = words[n:]
            break
    if len(words) < 2:
        return None
    return words[0][0]


def _state_of(cand: Candidate, span: Span) -> str | None:
    """The state a place/people candidate stands for, from the rule that found it or the gazetteer."""
    if cand.country:
        return cand.country
    place = gazetteer.lookup(span.text)
    return place.code or None if place is not None else None


__all__ = ["ENTITIES_VERSION", "LABELS", "EntityRecognizer", "Recognized", "name_kind"]
