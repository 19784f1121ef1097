"""Vocabulary that reading, corroboration and the report share: one home, so they cannot drift.

- the claim statuses, from the most to the least cautious (a denial anywhere matters more to an
  analyst than a count of assertions);
- the predicates where "A with B" and "B with A" are one fact;
- the news agencies, by the names and descriptions reports cite them with ("AFP", "the French
  news agency"), so that two reports citing one agency are known to share one origin;
- the marks written for an apostrophe or an Arabic ayn / hamza in transliterated names ("Sa'id",
  "Sa’id", "Saʿid" and "Said" are one name to the entity spans, the linker and the actors);
- the legal forms of companies ("Co", "Ltd", "GmbH", "OJSC"), which the screening drops from the
  ends of a name and the linker reads as the kind "company".
"""

from __future__ import annotations

from typing import get_args

from mistrust.model.documents import ClaimStatus

# Most cautious first.
STATUS_ORDER: tuple[ClaimStatus, ...] = ("denied", "hedged", "attributed", "asserted")
assert set(STATUS_ORDER) == set(get_args(ClaimStatus))
# How strongly a status overrides another when two readings of one claim meet (denied wins).
STATUS_PRECEDENCE: dict[ClaimStatus, int] = {s: len(STATUS_ORDER) - 1 - n for n, s in enumerate(STATUS_ORDER)}

# Predicates whose two parties play the same role.
SYMMETRIC_PREDICATES = frozenset({"cooperate", "meet", "agree", "trade", "talk", "negotiate", "ally", "resume"})

# key -> the names an agency is cited by (as written; compare case-insensitively).
NEWS_AGENCIES: dict[str, tuple[str, ...]] = {
    "afp": ("AFP", "Agence France-Presse", "Agence France Presse", "France-Presse"),
    "reuters": ("Reuters",),
    "ap": ("Associated Press", "AP"),
    "bloomberg": ("Bloomberg",),
    "kcna": ("KCNA", "Korean Central News Agency"),
    "yonhap": ("Yonhap",),
    "irna": ("IRNA", "Islamic Republic News Agency"),
    "tasnim": ("Tasnim",),
    "fars": ("Fars News", "Fars"),
    "isna": ("ISNA",),
    "xinhua": ("Xinhua",),
    "tass": ("TASS",),
    "interfax": ("Interfax",),
    "dpa": ("dpa", "Deutsche Presse-Agentur"),
    "kyodo": ("Kyodo",),
    "efe": ("EFE",),
}
# Every agency's names, case-folded: a mention that is one of them is the agency, never an actor.
AGENCY_NAMES = frozenset(n.casefold() for names in NEWS_AGENCIES.values() for n in names)
# Descriptions that stand for one agency ("the French news agency said").
AGENCY_DESCRIPTIONS: dict[str, tuple[str, ...]] = {"afp": ("French news agency",), "ap": ("the AP",)}

# Typographic apostrophes, which typesetting also uses as single quotes: the text given to the
# tagger writes them as ASCII "'" (``extract.nlp.fold_typography``, same length, same offsets).
TYPOGRAPHIC_APOSTROPHES = "\u2018\u2019\u201b\u02bc\u2032\u00b4"  # the acute accent: typed for one
# Every mark a name may carry for an apostrophe, an ayn or a hamza: the ASCII and typographic
# apostrophes, the modifier letters (which Python counts as letters, so a plain "keep letters" fold
# would keep them), the backtick and the acute accent. Names are compared without any of them. The
# modifier letters stay in the tagger's text: there they are letters inside a word, as they should be.
APOSTROPHES = "'" + TYPOGRAPHIC_APOSTROPHES + "\u02bb\u02be\u02bf\u02b9\u0060"
_NO_APOSTROPHES = str.maketrans("", "", APOSTROPHES)


def drop_apostrophes(text: str) -> str:
    """``text`` without apostrophes, ayns and hamzas: "Jami\u2019 \u2018Ali" -> "Jami Ali"."""
    return text.translate(_NO_APOSTROPHES)


# Titles as English news abbreviate them before a name ("Mr. X", "Gen. X", "Sen. X"): lower case,
# without the dot. A full stop after one ends no sentence (``model.sentences``).
TITLE_ABBREVIATIONS = frozenset({
    "mr", "mrs", "ms", "dr", "prof", "gov", "sen", "rep", "rev", "gen", "brig", "maj", "lt", "col", "capt",
    "cmdr", "adm", "sgt", "cpl",
})
# Honorifics, ranks and offices English news write before a person's name ("Ayatollah X",
# "Brig-Gen X Y", "Foreign Minister X Y"): not part of the name, so matching sets them aside (the
# office is a role, not a name). Lower case, without the dot of an abbreviation. Words that are
# also common given names (Amir, Malik) are not here.
NAME_TITLES = TITLE_ABBREVIATIONS | frozenset({
    "miss", "sir", "dame", "lord", "lady", "professor",
    "president", "vice", "prime", "premier", "minister", "chancellor", "chairman", "chairwoman",
    "secretary", "ambassador", "envoy", "governor", "senator", "representative",
    "mayor", "judge", "deputy", "foreign", "defence", "defense", "supreme", "leader", "former",
    "king", "queen", "prince", "princess", "crown", "emir", "sultan", "sheikh", "shaikh", "sheik",
    "ayatollah", "grand", "hojatoleslam", "imam", "mullah", "mufti", "cleric", "rabbi", "pope",
    "cardinal", "bishop", "reverend", "comrade",
    "general", "brigadier", "major", "lieutenant", "colonel", "captain", "commander", "admiral", "marshal",
    "sergeant", "corporal", "field",
})

# Legal forms of companies, lower case, without dots, as the screening's normalisation spells its
# tokens ("S.A." -> "sa"; a few joined forms as it writes them: "gmbhcokg", "spzoo", "sacv"). The
# screening drops them at the ends of a name, when something else is left, so a company literally
# called "Limited" keeps its name; the linker counts each as the kind "company".
LEGAL_FORMS = frozenset(
    """
    co company companies corp corporation corporations inc incorporated ltd limited llc llp lp plc
    gmbh ag sa sarl sas srl spa bv nv pte pvt jsc ojsc pjsc cjsc ooo zao oao pao tov
    fze fzco fzc fzllc kg ab oy as aps pty bhd sdn
    ltda eirl sro kft snc ohg kgaa cic psc sal cv eu sacv spzoo gmbhcokg ao
    fgup gup mup fgbu npp ngo ev
    """.split()
)

__all__ = ["AGENCY_DESCRIPTIONS", "AGENCY_NAMES", "APOSTROPHES", "LEGAL_FORMS", "NAME_TITLES", "NEWS_AGENCIES", "STATUS_ORDER", "STATUS_PRECEDENCE",
           "SYMMETRIC_PREDICATES", "TITLE_ABBREVIATIONS", "TYPOGRAPHIC_APOSTROPHES", "drop_apostrophes"]
