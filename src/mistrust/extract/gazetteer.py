"""Countries, demonyms, capitals and government metonyms, as the text uses them.

Country names come from rigour's territory table (English short and full names, kept to current
countries and a few much-reported territories); aliases, demonyms and capitals are written here
because rigour has none of them in English. A capital or seat of government is a *place* ("in
Tehran") unless the sentence makes it the actor ("Tehran has denied", "Pyongyang supplies
weapons"): :func:`is_actor` decides that from the parse, and the entity layer then labels it as the
state (canonical name, country code).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Span

GAZETTEER_VERSION = "gazetteer-v4"


@dataclass(frozen=True)
class Place:
    """One gazetteer phrase: what it is (``kind``) and which state it stands for."""

    phrase: str
    kind: str  # "country", "alias", "demonym", "capital", "government"
    code: str  # ISO 3166-1 alpha-2, lower case ("" for supranational bodies)
    canonical: str  # the state's short English name, e.g. "North Korea"

    @property
    def label(self) -> str:
        if self.kind in ("country", "alias"):
            return "Country"
        if self.kind == "demonym":
            return "Nationality"
        return "Location"  # capital/government: a place until the parse makes it the actor


# code: aliases | demonyms (adjective and people) | capitals and seats of government.
# Demonyms for the states most present in sanctions and non-proliferation reporting; others still
# get their country names from rigour.
_TABLE = """
af|Afghanistan|Afghan,Afghans|Kabul
al||Albanian,Albanians|Tirana
dz||Algerian,Algerians|Algiers
ao||Angolan,Angolans|Luanda
ar||Argentine,Argentinian,Argentines,Argentinians|Buenos Aires
am||Armenian,Armenians|Yerevan
au||Australian,Australians|Canberra
at||Austrian,Austrians|Vienna
az||Azerbaijani,Azerbaijanis,Azeri,Azeris|Baku
bh||Bahraini,Bahrainis|Manama
bd||Bangladeshi,Bangladeshis|Dhaka
by||Belarusian,Belarusians,Belarussian,Belarussians|Minsk
be||Belgian,Belgians|
br||Brazilian,Brazilians|Brasilia,Brasília
bg||Bulgarian,Bulgarians|Sofia
mm|Burma|Burmese,Myanmar's|Naypyidaw,Naypyitaw
kh||Cambodian,Cambodians|Phnom Penh
ca||Canadian,Canadians|Ottawa
cf||Central African|Bangui
td||Chadian,Chadians|N'Djamena
cl||Chilean,Chileans|Santiago
cn|PRC,People's Republic of China,Mainland China|Chinese|Beijing,Zhongnanhai
co||Colombian,Colombians|Bogota,Bogotá
cd|DRC,DR Congo,Congo-Kinshasa|Congolese|Kinshasa
hr||Croatian,Croatians,Croat,Croats|Zagreb
cu||Cuban,Cubans|Havana
cy||Cypriot,Cypriots|Nicosia
cz|Czech Republic|Czech,Czechs|Prague
dk||Danish,Dane,Danes|Copenhagen
eg||Egyptian,Egyptians|Cairo
er||Eritrean,Eritreans|Asmara
ee||Estonian,Estonians|Tallinn
et||Ethiopian,Ethiopians|Addis Ababa
fi||Finnish,Finn,Finns|Helsinki
fr||French,Frenchman,Frenchmen|Paris,Élysée,Elysee
ge||Georgian,Georgians|Tbilisi
de||German,Germans|Berlin
gh||Ghanaian,Ghanaians|Accra
gr||Greek,Greeks|Athens
hk||Hong Konger,Hong Kongers|
hu||Hungarian,Hungarians|Budapest
in||Indian,Indians|New Delhi,Delhi
id||Indonesian,Indonesians|Jakarta
ir|Islamic Republic|Iranian,Iranians,Persian|Tehran,Teheran
iq||Iraqi,Iraqis|Baghdad
ie||Irish|Dublin
il||Israeli,Israelis|Jerusalem,Tel Aviv
it||Italian,Italians|Rome
jp||Japanese|Tokyo
jo||Jordanian,Jordanians|Amman
kz||Kazakh,Kazakhs,Kazakhstani|Astana,Nur-Sultan
ke||Kenyan,Kenyans|Nairobi
kp|DPRK,D.P.R.K.,North Korea,N. Korea,N Korea,Democratic People's Republic of Korea|North Korean,North Koreans|Pyongyang
kr|ROK,South Korea,S. Korea,Republic of Korea|South Korean,South Koreans|Seoul
kw||Kuwaiti,Kuwaitis|Kuwait City
kg||Kyrgyz|Bishkek
la||Lao,Laotian,Laotians|Vientiane
lv||Latvian,Latvians|Riga
lb||Lebanese|Beirut
ly||Libyan,Libyans|Tripoli
lt||Lithuanian,Lithuanians|Vilnius
my||Malaysian,Malaysians|Kuala Lumpur
ml||Malian,Malians|Bamako
mx||Mexican,Mexicans|Mexico City
md||Moldovan,Moldovans|Chisinau
mn||Mongolian,Mongolians|Ulaanbaatar,Ulan Bator
ma||Moroccan,Moroccans|Rabat
nl|Holland|Dutch|The Hague,Amsterdam
nz||New Zealander,New Zealanders|Wellington
ni||Nicaraguan,Nicaraguans|Managua
ng||Nigerian,Nigerians|Abuja
no||Norwegian,Norwegians|Oslo
om||Omani,Omanis|Muscat
pk||Pakistani,Pakistanis|Islamabad
ps|Palestinian territories|Palestinian,Palestinians|Ramallah
pa||Panamanian,Panamanians|Panama City
ph||Filipino,Filipinos,Philippine|Manila
pl||Polish,Pole,Poles|Warsaw
pt||Portuguese|Lisbon
qa||Qatari,Qataris|Doha
ro||Romanian,Romanians|Bucharest
ru|Russian Federation|Russian,Russians|Moscow,Kremlin,the Kremlin
sa|KSA|Saudi,Saudis|Riyadh
rs||Serbian,Serbians,Serb,Serbs|Belgrade
sg||Singaporean,Singaporeans|
so||Somali,Somalis|Mogadishu
za||South African,South Africans|Pretoria
ss||South Sudanese|Juba
es||Spanish,Spaniard,Spaniards|Madrid
lk||Sri Lankan,Sri Lankans|Colombo
sd||Sudanese|Khartoum
se||Swedish,Swede,Swedes|Stockholm
ch||Swiss|Bern
sy|Syrian Arab Republic|Syrian,Syrians|Damascus
tw|Republic of China|Taiwanese|Taipei
tj||Tajik,Tajiks|Dushanbe
th||Thai|Bangkok
tn||Tunisian,Tunisians|Tunis
tr|Turkiye,Türkiye,Turkey|Turkish,Turk,Turks|Ankara
tm||Turkmen|Ashgabat
ug||Ugandan,Ugandans|Kampala
ua||Ukrainian,Ukrainians|Kyiv,Kiev
ae|UAE,U.A.E.,Emirates|Emirati,Emiratis|Abu Dhabi
gb|UK,U.K.,Britain,Great Britain|British,Briton,Britons|London,Whitehall,Downing Street
us|US,U.S.,USA,U.S.A.,America,United States of America|American,Americans|Washington,White House,the White House
uz||Uzbek,Uzbeks|Tashkent
ve||Venezuelan,Venezuelans|Caracas
vn||Vietnamese|Hanoi
ye||Yemeni,Yemenis|Sanaa,Sana'a
zw||Zimbabwean,Zimbabweans|Harare
pe||Peruvian,Peruvians|Lima
ec||Ecuadorian,Ecuadorians|Quito
bo||Bolivian,Bolivians|La Paz,Sucre
uy||Uruguayan,Uruguayans|Montevideo
py||Paraguayan,Paraguayans|Asuncion,Asunción
ht||Haitian,Haitians|Port-au-Prince
hn||Honduran,Hondurans|Tegucigalpa
sv||Salvadoran,Salvadorans,Salvadorean,Salvadoreans|San Salvador
gt||Guatemalan,Guatemalans|Guatemala City
sk||Slovak,Slovaks|Bratislava
si||Slovenian,Slovenians,Slovene,Slovenes|Ljubljana
ba|Bosnia|Bosnian,Bosnians|Sarajevo
mk|Macedonia|Macedonian,Macedonians|Skopje
me||Montenegrin,Montenegrins|Podgorica
mt||Maltese|Valletta
lu||Luxembourgish,Luxembourger,Luxembourgers|
is||Icelandic,Icelander,Icelanders|Reykjavik,Reykjavík
np||Nepali,Nepalis,Nepalese|Kathmandu
ne||Nigerien,Nigeriens|Niamey
sn||Senegalese|Dakar
ci|Ivory Coast,Cote d'Ivoire|Ivorian,Ivorians|Yamoussoukro
cm||Cameroonian,Cameroonians|Yaounde,Yaoundé
gn||Guinean,Guineans|Conakry
sl||Sierra Leonean,Sierra Leoneans|Freetown
mz||Mozambican,Mozambicans|Maputo
bf||Burkinabe,Burkinabè|Ouagadougou
bj||Beninese|Porto-Novo
tg||Togolese|Lomé,Lome
ga||Gabonese|Libreville
mg||Malagasy|Antananarivo
dj||Djiboutian,Djiboutians|
bi||Burundian,Burundians|Gitega
mw||Malawian,Malawians|Lilongwe
rw||Rwandan,Rwandans|Kigali
tz||Tanzanian,Tanzanians|Dodoma
zm||Zambian,Zambians|Lusaka
na||Namibian,Namibians|Windhoek
"""

# Peoples and groups that are nationalities (re3d's sense: national, religious or ethnic identity)
# without being one state.
_GROUPS = (
    "Arab", "Arabs", "Kurd", "Kurds", "Kurdish", "Shia", "Shiite", "Shiites", "Sunni", "Sunnis",
    "Muslim", "Muslims", "Christian", "Christians", "Jewish", "Jews", "Yazidi", "Yazidis", "Alawite",
    "Alawites", "Druze", "Pashtun", "Baluch", "Uighur", "Uyghur", "Uighurs", "Uyghurs", "Tamil",
    "Islamist", "Islamists", "European", "Europeans", "African", "Asian",
)

# Territories rigour marks as non-countries but that the news treats as actors/places.
_EXTRA_TERRITORIES = {"ps", "tw", "hk", "xk", "eh"}


def _country_names() -> dict[str, tuple[str, list[str]]]:
    from rigour.territories import get_territories

    out: dict[str, tuple[str, list[str]]] = {}
    for t in get_territories():
        if t.is_historical or not (t.is_country or t.code in _EXTRA_TERRITORIES):
            continue
        if len(t.code) != 2:
            continue
        names = [t.name, t.full_name]
        if t._in_sentence and t._in_sentence.lower().startswith("the "):
            names.append(t._in_sentence[4:])
        out[t.code] = (t.name, names)
    return out


@lru_cache(maxsize=1)
def places() -> tuple[Place, ...]:
    """Every gazetteer phrase (deterministic order)."""
    countries = _country_names()
    found: dict[tuple[str, str], Place] = {}

    def add(phrase: str, kind: str, code: str) -> None:
        phrase = phrase.strip()
        if not phrase:
            return
        canonical = countries[code][0] if code in countries else phrase
        found.setdefault((phrase, kind), Place(phrase, kind, code, canonical))

    for code, (_, names) in countries.items():
        for name in names:
            add(name, "country", code)
    for line in _TABLE.strip().splitlines():
        code, aliases, demonyms, capitals = line.split("|")
        for alias in aliases.split(","):
            add(alias, "alias", code)
        for demonym in demonyms.split(","):
            add(demonym, "demonym", code)
        for capital in capitals.split(","):
            kind = "government" if capital[:1].islower() or " House" in capital or capital in (
                "Kremlin", "Whitehall", "Downing Street", "Zhongnanhai", "Élysée", "Elysee") else "capital"
            add(capital, kind, code)
    for code, demonym in derived_demonyms(countries):
        add(demonym, "demonym", code)
    for group in _GROUPS:
        found.setdefault((group, "demonym"), Place(group, "demonym", "", group))
    return tuple(found.values())


def derived_demonyms(countries: dict[str, tuple[str, list[str]]]) -> list[tuple[str, str]]:
    """(code, demonym) for the states the table above leaves out, by the one English rule that
    holds without exceptions worth a table: a name ending in "a" takes "n" ("Ruritania" ->
    "Ruritanian", "Nova Ardenia" -> "Nova Ardenian"). Lists of names ("X and Y", "X, Y and Z") and
    forms that begin another state's name ("Dominican" of "Dominican Republic") are left out."""
    names = {n.casefold() for _, ns in countries.values() for n in ns if n}
    out: list[tuple[str, str]] = []
    for code, (name, _) in countries.items():
        if not name.endswith("a") or " and " in name or "," in name:
            continue
        demonym = name + "n"
        if any(n.startswith(demonym.casefold() + " ") for n in names):
            continue
        out += [(code, demonym), (code, demonym + "s")]
    return out


@lru_cache(maxsize=1)
def _by_lower() -> dict[str, Place]:
    # Countries beat capitals beat demonyms when one phrase is several things ("Jordan", "Kuwait").
    rank = {"country": 0, "alias": 1, "government": 2, "capital": 3, "demonym": 4}
    out: dict[str, Place] = {}
    for place in sorted(places(), key=lambda p: rank[p.kind]):
        out.setdefault(place.phrase.lower(), place)
    return out


def lookup(text: str) -> Place | None:
    """The gazetteer entry for a surface form (case-insensitive, leading "the" ignored)."""
    key = " ".join(text.split()).lower()
    place = _by_lower().get(key)
    if place is None and key.startswith("the "):
        place = _by_lower().get(key[4:])
    if place is None and key.endswith(("'s", "’s")):
        place = _by_lower().get(key[:-2])
    return place


def demonym(text: str) -> Place | None:
    """The state a nationality word names ("Syrian", "Iranians"), or None for any other phrase."""
    place = lookup(text)
    return place if place is not None and place.kind == "demonym" else None


def country_code(name: str) -> str | None:
    place = lookup(name)
    return place.code or None if place else None


# Dependency relations that make a noun phrase the actor of its clause.
_ACTOR_DEPS = {"nsubj", "nsubjpass", "agent", "poss"}


def is_actor(span: Span) -> bool:
    """Whether a place name is used as an actor: subject of a verb, by-agent, or possessor of an
    act or body ("Tehran has denied", "Pyongyang supplies weapons", "Moscow's support"), rather
    than a location ("in Tehran", "the Tehran-Pyongyang axis")."""
    root = span.root
    if root.dep_ in _ACTOR_DEPS:
        return True
    # "Tehran and Pyongyang have cooperated": conjuncts of a subject are subjects.
    head = root
    while head.dep_ == "conj" and head.head is not head:
        head = head.head
        if head.dep_ in _ACTOR_DEPS:
            return True
    # Apposition / compound heading a subject ("Beijing, Moscow ... said") counts as the same.
    if root.dep_ == "appos" and root.head.dep_ in _ACTOR_DEPS:
        return True
    # Partner or source of an act: "cooperation with Pyongyang", "support from Pyongyang",
    # "talks between Tehran and Washington", "sanctions against Pyongyang". "in/at/to Tehran" stay places.
    if head.dep_ == "pobj":
        prep = head.head.lower_
        if prep in ("with", "between", "against", "by"):
            return True
        if prep == "from" and head.head.head.lower_ in _FROM_ACTS:
            return True
    return False


# Nouns naming a place: "the Iraq border", "the Syria region" keep the country a place.
_PLACE_NOUNS = {"border", "borders", "frontier", "city", "cities", "town", "towns", "village", "villages", "region",
                "regions", "province", "provinces", "capital", "territory", "territories", "coast", "waters",
                "side", "countryside", "airspace", "district", "districts", "area", "areas", "mountains", "desert",
                "north", "south", "east", "west", "interior", "soil", "map", "embassy"}
# Verbs whose object is a destination, not a party: "visit Iraq", "leave Syria".
_MOTION_VERBS = {"visit", "visits", "visited", "visiting", "enter", "entered", "entering", "enters", "leave", "left",
                 "leaving", "leaves", "reach", "reached", "reaching", "flee", "fled", "fleeing", "cross", "crossed",
                 "tour", "toured", "invade", "invaded", "bomb", "bombed", "overfly", "flew", "travel", "traveled",
                 "travelled", "return", "returned", "depart", "departed"}


def is_political(span: Span) -> bool:
    """Whether a country name stands for the state as a body rather than for its territory: an
    actor (see :func:`is_actor`), the modifier of an act or relation ("U.S. support", "UK
    commitment", "the Iran deal"), or the object of a non-motion verb ("support Iraq", "enable
    Iraq to ..."). "in Syria", "Anbar, Iraq", "visit Iraq" and "the Syria border" stay places."""
    if is_actor(span):
        return True
    root = span.root
    while root.dep_ == "conj" and root.head is not root:
        root = root.head
    head = root.head
    if root.dep_ in ("compound", "npadvmod", "nmod", "amod") and head.i > root.i:
        return head.lower_ not in _PLACE_NOUNS and head.pos_ in ("NOUN", "PROPN")
    if root.dep_ == "dobj":
        return head.pos_ in ("VERB", "AUX") and head.lower_ not in _MOTION_VERBS
    if root.dep_ == "pobj":
        # "members including Russia and Iran", "policy towards Iran": a party, not a place.
        return head.lower_ in ("including", "like", "toward", "towards")
    return False


# "support from Tehran" is the state acting; "flew from Tehran" is a place.
_FROM_ACTS = {"receive", "received", "receives", "receiving", "support", "supports", "assistance", "help",
              "aid", "pressure", "demand", "demands", "request", "requests", "threat", "threats", "order",
              "orders", "supply", "supplies", "shipment", "shipments", "delivery", "deliveries", "funding",
              "backing", "response", "statement", "get", "got", "gets", "obtained", "bought", "buy", "imported",
              "purchased", "acquired"}


__all__ = ["GAZETTEER_VERSION", "Place", "country_code", "demonym", "is_actor", "is_political", "lookup",
           "places"]
