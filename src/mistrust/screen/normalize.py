"""Name normalisation for screening: one ``NormName`` per list name or query.

The steps, in order, and why:

1. Script: every script is transliterated to Latin ASCII with rigour (ICU underneath), so
   Cyrillic, Arabic/Persian, Hangul and CJK input is compared in the same alphabet as the lists.
   Two scripts need help first: in Arabic and Persian script a zero-width non-joiner stays inside
   its word and the long-vowel letters inside a word become vowels ("mhmwd" -> "mhmud"); Hangul
   is romanised a syllable block per word, the way the lists write Korean names (리성철 ->
   "ri seong cheol", an initial rieul as "r" in the North Korean manner).
2. Case, diacritics and punctuation: lower case; apostrophes vanish (``O'Brien`` = ``OBrien``),
   every other punctuation mark (hyphen, dot, comma, brackets) separates words, so
   ``Jong-un`` and ``Jong Un`` give the same tokens. Spellings of one Arabic or Persian word
   become one: the article however written (``ur-Rahman``, ``an-Nusra`` = ``al``), the ezafe
   (``Jaish-e``/``Jaish-i``), and joined compounds (``Nasruddin`` = ``Nasr al Din``).
3. Organisation legal forms (``Co., Ltd.``, ``Corporation``, ``LLC``, ``OJSC``...) are dropped at
   the ends of a name: they say what kind of body it is, not which one. Russian forms spelt out in Latin letters are
   recognised however romanised (``Gosudarstvennoye Predpriyatiye``). A few generic words are
   folded to one spelling (``centre`` = ``center``, ``industries`` = ``industry``, ``airlines`` =
   ``air``, ``HQ`` = ``headquarters``, plural ``-s``).
4. Phonetic skeleton (``skeleton()``): a general key for transliteration variants, not a table of
   names. Vowels are dropped (Persian and Korean romanisations differ mostly in vowels:
   Hosseini/Husaini/Hoseyni, Reza/Raza, Mohammad/Muhammad, Jong/Jeong), voiced/unvoiced and
   equivalent consonants are folded (k/g/q/c, t/d, p/b, j/ch/zh/dj, s/z, v/w), ``ng`` = ``n``
   and repeated consonants collapse.
5. Name-part order and word splits: ``compact`` joins the tokens without spaces as written
   (``Nam Chon Gang`` = ``Namchongang``), ``sorted_compact`` joins them in sorted order so that
   ``Hosseini Ali`` = ``Ali Hosseini``.
6. Acronyms: the initials of a multi-word name (without particles such as ``of``/``the``),
   so ``IRGC`` can be found from ``Islamic Revolutionary Guard Corps`` and back.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Final, NamedTuple

from rigour.names import remove_org_types, replace_org_types_compare
from rigour.text import ascii_text

from mistrust.model.vocabulary import LEGAL_FORMS

# Dotted initials are joined into one word when they spell a legal form ("S.A.", "E.U.", "P.S.C.")
# or run to three letters or more, an acronym as the press writes it ("I.R.G.C." = IRGC); two
# letters that are no legal form are a person's initials ("A.Q. Khan") and stay apart.
_DOTTED: Final = re.compile(r"(?<![a-z0-9])((?:[a-z]\.){2,})")
_DOTTED_FORMS: Final = LEGAL_FORMS | {"rl"}
# Legal forms that are written in front of the name ("OOO Romashka", "JSC Rosoboronexport",
# "FGUP Almaz", Indonesian "PT"). They are spelt as they reach ``strip_legal_forms``: rigour writes
# OAO and PAO as "ao" and NPO as "ngo".
LEADING_LEGAL_FORMS: Final = frozenset(
    "jsc ojsc pjsc cjsc ooo zao oao pao ao tov llc fgup gup mup fgbu npp ngo pt "
    "sherkat sherkate shirkat sharikat sharikah".split()
)
# Russian legal forms spelt out in Latin letters, as the lists romanise them: the adjective
# endings vary (-oe/-oye, -ie/-iye/-iie, a single n in gosudarstvenoye), so rigour's database,
# which knows one spelling, misses most of them. Each form is its words' stems, any ending, in
# order and apart (space or hyphen), and becomes its usual abbreviation before rigour's own
# replacements run. The English translations (State Unitary Enterprise) rigour knows.
_RUSSIAN_FORMS: Final = (
    ("fgup", ("federaln", "gosudarstven", "unitarn", "predpri")),
    ("gup", ("gosudarstven", "unitarn", "predpri")),
    ("mup", ("munitsipaln", "unitarn", "predpri")),
    ("fgbu", ("federaln", "gosudarstven", "byudzhetn", "uchrezhdeni")),
    ("npp", ("nauchno", "proizvodstven", "predpri")),
    ("npo", ("nauchno", "proizvodstven", "obedineni")),
    ("state enterprise", ("gosudarstven", "predpri")),
    ("zao", ("zakryt", "aktsioner", "obshchestv")),
    ("oao", ("(?:otkryt|publichn)", "aktsioner", "obshchestv")),
    ("ao", ("aktsioner", "obshchestv")),
    ("ooo", ("obshchestv", "s", "ogranichen", "otvetstven")),
    ("ojsc", ("open", "end", "joint", "stock", "company")),
)
# All forms in one pattern, scanned once: at each place the first form listed that matches wins,
# so the longer forms (FGUP, ZAO) come before the shorter ones they contain (GUP, AO).
_RUSSIAN_FORM: Final = re.compile("|".join(
    rf"(?P<f{n}>\b{'[^a-z0-9]+'.join(stem + '[a-z]*' for stem in stems)}\b)"
    for n, (_short, stems) in enumerate(_RUSSIAN_FORMS)
))
# Multi-token legal forms collapsed before stripping.
_LEGAL_PHRASES: Final = (
    ("co ltd", "ltd"),
    ("company limited", "ltd"),
    ("private limited", "ltd"),
    ("public limited company", "plc"),
    ("joint stock company", "jsc"),
    ("limited liability company", "llc"),
    ("limited liability partnership", "llp"),
    ("fz llc", "fzllc"),
    ("sdn bhd", "bhd"),
    ("pty ltd", "ltd"),
    ("s de rl de cv", "srl"),
    ("s de rl", "srl"),
    ("sa de cv", "sacv"),
    ("sahami khass", "pjsc"),
    ("sahami khas", "pjsc"),
    ("sahami aam", "pjsc"),
)
# Words that carry no identity in a person's or organisation's name; left out of acronyms and
# skeleton keys (Arabic article and patronymic particles fold to one spelling instead).
# Azerbaijani and Central Asian names add "ogly"/"kyzy" (son/daughter of) after the patronymic.
PARTICLES: Final = frozenset(
    "of the and for va wa de del la le du des van von der al el ul ol os e ogly oglu ogli kyzy kizi qizi gizi".split()
)
# Titles and honorifics written before a person's name (Dr, Sheikh, Mullah, Ayatollah, Sardar,
# Colonel): one side often has them and the other not. Unmatched, they are not counted, like
# particles; only unambiguous ones, so words that also name organisations (General, Major,
# Commander) or are common given names (Imam, Sayyid) are left out.
TITLES: Final = frozenset(
    """
    dr mr mrs ms prof sheikh sheik shaikh shaykh mullah mulla molla maulana mawlana moulana maulvi mawlawi
    mufti ayatollah hojatoleslam hojjatoleslam sardar col colonel brig brigadier gen lt capt adm admiral
    """.split()
)
_FOLD_WORDS: Final = {
    "centre": "center",
    "centres": "center",
    "centers": "center",
    "industries": "industry",
    "industrial": "industry",
    "airlines": "air",
    "airline": "air",
    "airways": "air",
    "hq": "headquarters",
    "hqs": "headquarters",
    "est": "establishment",
    "ibn": "bin",
    "abou": "abu",  # the French spelling (Maghreb, Sahel)
    "ben": "bin",
    "abdol": "abdul",
    "abdel": "abdul",
    "abd": "abdul",
    "haji": "haj",
    "hajji": "haj",
    "hajj": "haj",
    "&": "and",
}

# Words rigour's table of organisation types reads as a legal form, wrongly for a name: "in"
# as Inc. ("Islamic State in Egypt"), "charity" as NGO (which would then be dropped as a form).
_MISREAD_FORMS: Final = ("in", "charity")
_NOT_FORMS: Final = re.compile(rf"(?<![a-z0-9])({'|'.join(_MISREAD_FORMS)})(?![a-z0-9])")
_APOSTROPHES: Final = re.compile(r"[\u0027\u2018\u2019\u02bc\u02bb\u02be\u02bf\u0060\u00b4]")
_NON_ALNUM: Final = re.compile(r"[^a-z0-9]+")

# Skeleton folds: digraphs first (order matters: "ng" before "g" becomes "k").
_DIGRAPHS: Final = (
    ("sch", "s"),
    ("tch", "j"),
    ("dzh", "j"),
    ("kh", "h"),
    ("gh", "k"),
    ("sh", "s"),
    ("zh", "j"),
    ("ch", "j"),
    ("dj", "j"),
    ("th", "t"),
    ("dh", "t"),
    ("ph", "f"),
    ("ck", "k"),
    ("ng", "n"),
)
_LETTERS: Final = str.maketrans(
    {
        "q": "k",
        "c": "k",
        "g": "k",
        "x": "ks",
        "z": "s",
        "w": "v",
        "b": "p",
        "d": "t",
        "a": None,
        "e": None,
        "i": None,
        "o": None,
        "u": None,
        "y": None,
    }
)
_REPEATS: Final = re.compile(r"(.)\1+")


class NormName(NamedTuple):
    """A name in every form the index and the features compare (a tuple: cheap to pickle)."""

    original: str
    tokens: tuple[str, ...]  # normalised words, legal forms removed
    compact: str  # tokens joined as written
    sorted_compact: str  # tokens sorted then joined: name-part order does not matter
    skeletons: tuple[str, ...]  # phonetic skeleton of each token (particles dropped)
    skeleton: str  # skeleton of ``compact`` (word splits do not matter)
    sorted_skeleton: str  # skeleton of the tokens in sorted order
    acronyms: tuple[str, ...]  # initials of multi-word names, with and without legal forms

    @property
    def text(self) -> str:
        return " ".join(self.tokens)


# Arabic, Persian and Hebrew script: short vowels are not written, and the letters for long
# vowels (waw, yeh; vav, yod) transliterate as "w" and "y": "mhmwd" for Mahmoud, "slymany" for
# Soleimani. Inside a word and not before a vowel they are the vowels u and i.
_ABJAD: Final = re.compile(r"[\u0590-\u05ff\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")
_ABJAD_LONG_VOWEL: Final = re.compile(r"(?<=[a-z])[wy](?![aeiou])")


def _as_vowel(match: re.Match[str]) -> str:
    return "u" if match.group(0) == "w" else "i"


# Korean names are written without spaces, one Hangul block per syllable (리병철), while the lists
# write a syllable per word (Ri Pyong Chol): each block is romanised as a word of its own. The
# lists follow North Korean usage, where an initial rieul is "r" (Ri, Ryo, Ro), and ICU writes "l".
_HANGUL: Final = re.compile(r"[\uac00-\ud7a3]")
_HANGUL_INITIALS: Final = 588  # medial vowels x final consonants per initial consonant (Unicode layout)
_RIEUL: Final = 5


def _korean_syllable(match: re.Match[str]) -> str:
    block = match.group(0)
    latin = ascii_text(block).lower()
    if (ord(block) - 0xAC00) // _HANGUL_INITIALS == _RIEUL and latin.startswith("l"):
        latin = "r" + latin[1:]
    return " " + latin + " "


# The Persian and Urdu ezafe ("of") joining two words of a name is written -e-, -i- or -ye-
# (Jaish-e-Mohammed, Jaish-i-Mohammad, Sipah-ye Sahaba): one spelling, "e".
_EZAFE: Final = re.compile(r"(?<=[a-z])-(?:e|i|ye|yi)(?:-|\s+)(?=[a-z])")
# The Arabic article before a "sun letter" takes that letter's sound and is written so, as a
# word of its own (Abd ur-Rahman, Nasir ud Din, Jabhat an-Nusra): it is the article "al". It is
# recognised when hyphened to a word starting with its letter, or, in the Urdu spellings with u
# (ur, ud, us), also before a space; "An Nam" stays a Korean name.
_SUN_ARTICLE: Final = re.compile(r"(?<![a-z])(?:[aeu](sh|dh|th|[dtrszn])-(?=\1)|u([drs]) (?=\2))")


def _join_dotted(match: re.Match[str]) -> str:
    joined = match.group(1).replace(".", "")
    return joined + " " if joined in _DOTTED_FORMS or len(joined) >= 3 else match.group(1)


def ascii_words(name: str) -> list[str]:
    """Latin lower-case words of ``name``, any script, punctuation removed.

    Legal forms spelt out in full are shortened first, by rigour's database of organisation
    types ("Sociedad Anonima de Capital Variable" = "S.A. de C.V." = ``sacv``, "Obshchestvo s
    ogranichennoi otvetstvennostyu" = ``ooo``), so that ``strip_legal_forms`` can drop them.
    """
    if _HANGUL.search(name):
        name = _HANGUL.sub(_korean_syllable, name)
    abjad = _ABJAD.search(name) is not None
    if abjad:
        # A zero-width non-joiner sits inside one Persian word; a heh before it is the silent
        # final "e" (خامنه‌ای = Khamenei), not the consonant h.
        name = name.replace("\u0647\u200c", "e").replace("\u200c", "")
    text = ascii_text(name).lower()
    if abjad:
        text = _ABJAD_LONG_VOWEL.sub(_as_vowel, text)
    if "." in text:
        text = _DOTTED.sub(_join_dotted, text)
    if "-" in text:
        text = _EZAFE.sub(" e ", text)
    text = _SUN_ARTICLE.sub("al ", text)
    text = _APOSTROPHES.sub("", text).replace("&", " and ")
    text = _RUSSIAN_FORM.sub(_russian_abbreviation, text)
    # Words rigour would misread (``_NOT_FORMS``) are kept out of its replacement, as written.
    parts = _NOT_FORMS.split(text)  # text, word, text, word, ..., text
    parts[::2] = map(replace_org_types_compare, parts[::2])
    text = " ".join(parts)
    return [w for w in _NON_ALNUM.split(text) if w]


def _russian_abbreviation(match: re.Match[str]) -> str:
    """The abbreviation of the Russian legal form ``_RUSSIAN_FORM`` found (group ``f<n>``)."""
    return _RUSSIAN_FORMS[int(str(match.lastgroup)[1:])][0]


def fold_word(word: str) -> str:
    """One spelling for generic variants: centre/center, industries/industry, plural -s."""
    folded = _FOLD_WORDS.get(word)
    if folded is not None:
        return folded
    # Plural -s on long words ("guards" corps = "guard" corps); "-ss" and short words kept;
    # "-ies" is "-y" ("factories" = "factory", the spelling rigour's word classes know).
    if len(word) > 4 and word.endswith("s") and not word.endswith("ss") and not word.isdigit():
        return word[:-3] + "y" if word.endswith("ies") and len(word) > 5 else word[:-1]
    return word


@lru_cache(maxsize=8192)
def is_legal_form(word: str) -> bool:
    """Ours, or a form of three letters or more in rigour's database ("coltd", "kft", "sacv").

    Shorter rigour forms (se, ca, ei...) are left out: as the last word of a name they are more
    often a given name or a syllable (Korean "Se") than a legal form.
    """
    return word in LEGAL_FORMS or (len(word) >= 3 and word not in _MISREAD_FORMS and not remove_org_types(word).strip())


def strip_legal_forms(words: list[str]) -> list[str]:
    """Drop legal forms at the ends of an organisation name, keeping at least one word."""
    text = " " + " ".join(words) + " "
    for phrase, short in _LEGAL_PHRASES:
        text = text.replace(" " + phrase + " ", " " + short + " ")
    out = text.split()
    while len(out) > 1 and is_legal_form(out[-1]):
        out.pop()
    while len(out) > 1 and out[0] in LEADING_LEGAL_FORMS:
        out.pop(0)
    return out


def _fold_digraphs(word: str) -> str:
    for digraph, repl in _DIGRAPHS:
        if digraph in word:
            word = word.replace(digraph, repl)
    return word


@lru_cache(maxsize=65536)
def skeleton(word: str) -> str:
    """Phonetic skeleton of one word or a compact string (see the module docstring)."""
    s = _REPEATS.sub(r"\1", _fold_digraphs(word))
    s = _REPEATS.sub(r"\1", s.translate(_LETTERS))
    # Pure-vowel words ("Ali" without its consonants is "l"; "Eu", "Ai") keep their letters so
    # they still say something.
    return s or word


@lru_cache(maxsize=65536)
def vowel_gaps(word: str) -> tuple[str, ...]:
    """The vowels written before, between and after the consonants of ``skeleton(word)``.

    One string per gap, ``""`` where none is written, so two words with the same skeleton can
    compare their vowels gap by gap. Arabic and Persian script write long vowels only
    ("mhmwd" for Mahmoud, "ahmdynzhad" for Ahmadinejad): a gap empty on one side says nothing,
    where comparing the vowels in order would set "ahmdy"'s last vowel against Ahmadi's second.
    """
    gaps = [""]
    last = ""
    for ch in _fold_digraphs(word):
        mapped = ch.translate(_LETTERS)
        if not mapped:
            gaps[-1] += ch
            continue
        for consonant in mapped:
            if consonant != last:  # repeats collapse, as in ``skeleton``
                last = consonant
                gaps.append("")
    return tuple(gaps)


def acronyms_of(words: list[str], core: list[str]) -> tuple[str, ...]:
    out: list[str] = []
    for seq in (core, words):
        letters = [w[0] for w in seq if w not in PARTICLES and not w.isdigit()]
        if len(letters) >= 2:
            acro = "".join(letters)
            if acro not in out:
                out.append(acro)
    return tuple(out)


def listed_form(name: NormName, schema: str) -> NormName:
    """``name`` as a listed name of an entry of ``schema``: a person's names have no acronyms.

    People are not named by the initials of their names, in lists or in screening input (the
    few short forms the press uses are listed as aliases, and match as written): read as
    initials, a person's three names spell a common word (Dorian Ilse Gaveth / "Dig"). Organisations
    and vessels are named by theirs (IRGC, KOMID)."""
    return name._replace(acronyms=()) if schema == "Person" and name.acronyms else name


# Pieces of a name as written that normalise to its words: split at spaces and punctuation, but
# not at the dots of "I.R.G.C." or an apostrophe.
_WRITTEN_PIECES: Final = re.compile(r"[^\w.'\u2019]+")


@lru_cache(maxsize=4096)
def lower_case_words(text: str) -> frozenset[str]:
    """The words of ``text`` written with a lower-case letter, normalised as name words are.

    An acronym is written in capitals (IRGC, "I.R.G.C."): a word in lower or title case ("May",
    "Top") is a word, and is not read as initials. A name written all in capitals, or in a
    script without case, keeps the acronym reading of its words. (Split as ``ascii_words`` splits,
    without its legal-form rewriting: this runs once per query, and a legal form is no acronym.)"""
    return frozenset(fold_word(w) for piece in _WRITTEN_PIECES.split(text) if any(ch.islower() for ch in piece)
                     for w in _NON_ALNUM.split(_APOSTROPHES.sub("", ascii_text(piece).lower())) if w)


# Arabic compound names written as one word: Abd al-Rahman = Abdurrahman (the article takes the
# sound of the next letter), Nasir al-Din = Nasruddin = Nasreddine = Nuriddin's -iddin. Many
# spellings write the assimilated letter once (Abdurahman, Abdusalam, Isamudin, Kamaludeen,
# Ghayasoudine), write the article's vowel i (Somali Abdirahman) or none (Abdrabbo, Abdrakhmanov).
# With one d, only u and ou mark the article: -idin and -ideen are also the Arabic plural of a
# word in -id (Mujahidin, Rashidin), -odin, -adin and -udine end other names (Borodin, Claudine).
_ABD_JOINED: Final = re.compile(r"^abd(?:ou|u|e|a|o|i)?([tdrzsn])\1?([a-z]{3,})$")
_DIN_JOINED: Final = re.compile(r"^([a-z]{3,}?)(?:(?:ou|u|e|a|o|i)dd(?:in|ine|een)|edine|(?:ou|u)d(?:in|een)"
                                r"|oudine)$")


def arabic_compounds(words: list[str]) -> list[str]:
    """Joined Arabic compound names split into the words of their plain spelling, so that every
    spelling gives the same words ("nasruddin" -> nasr al din, "abdurrahman" -> abdul rahman)."""
    out: list[str] = []
    for word in words:
        abd = _ABD_JOINED.match(word)
        if abd is not None:
            out.extend(("abdul", abd.group(1) + abd.group(2)))
            continue
        din = _DIN_JOINED.match(word)
        if din is not None:
            out.extend((din.group(1), "al", "din"))
            continue
        out.append(word)
    return out


@lru_cache(maxsize=32768)
def normalize_name(name: str) -> NormName:
    """Normalise one name (cached: list names and repeated batch queries are normalised once)."""
    # Legal forms are stripped before folding plurals, so "Corps" never becomes the form "corp".
    raw = arabic_compounds(ascii_words(name))
    words = [fold_word(w) for w in raw]
    core = [fold_word(w) for w in strip_legal_forms(raw)] if words else []
    skel_tokens = tuple(skeleton(w) for w in core if w not in PARTICLES) or tuple(skeleton(w) for w in core)
    compact = "".join(core)
    ordered = sorted(core)
    return NormName(
        original=name,
        tokens=tuple(core),
        compact=compact,
        sorted_compact="".join(ordered),
        skeletons=skel_tokens,
        skeleton=skeleton(compact) if compact else "",
        sorted_skeleton="".join(sorted(skel_tokens)),
        acronyms=acronyms_of(words, core),
    )


__all__ = [
    "LEGAL_FORMS",
    "NormName",
    "PARTICLES",
    "TITLES",
    "acronyms_of",
    "ascii_words",
    "fold_word",
    "listed_form",
    "lower_case_words",
    "normalize_name",
    "skeleton",
    "strip_legal_forms",
    "vowel_gaps",
]
