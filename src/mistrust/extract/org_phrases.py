"""Organisation-shaped phrases: bodies the text itself names by the shape of the name.

No body is known by name here (house rule: names come from the loaded lists, the gazetteer of
states and the text). What English gives instead is the shape of an institution's name: capitalised
words closed by a head noun that names a kind of body ("Defence Ministry", "Revolutionary Guard
Corps", "Atomic Energy Organization", "Northwind Shipping Limited"), often continued by "of"/"for" and
more capitalised words ("Ministry of Defence", "Office of Foreign Assets Control", "Panel of
Experts"). A news agency is named by its description instead ("the Xinhua news agency", "state news
agency IRNA"), so the name next to that description is an organisation too.

Both rules read the text, not the parse, so they see what the small model leaves unlabelled or
labels as a person or place; the recogniser ranks them with its other rules.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

ORG_PHRASES_VERSION = "org-phrase-v1"

# Head nouns of institutions' names (singular and plural as names use them). Facility heads
# (Center, Plant, Port) are the facility rule's; offices held by one person (Minister) are titles.
ORG_HEADS = (
    "Ministry", "Ministries", "Agency", "Agencies", "Corps", "Guard", "Guards", "Committee", "Council",
    "Bureau", "Army", "Front", "Party", "Company", "Corporation", "Department", "Office", "Commission",
    "Organization", "Organisation", "Union", "Group", "Navy", "Force", "Forces", "Administration",
    "Service", "Services", "Bank", "Institute", "Authority", "Command", "Brigade", "Brigades",
    "Division", "Panel", "Movement", "Association", "Federation", "Network", "Court", "Assembly",
    "Parliament", "Police", "Marines", "Militia", "Directorate", "Secretariat", "Foundation", "Fund",
    "Limited", "Ltd", "Inc", "LLC", "Co", "Holdings", "Industries", "Trading", "Shipping", "Airlines",
    "Enterprises", "Consortium", "Alliance", "Mission",
)
# Words that start a capitalised run without being part of a name ("The", a weekday at the start of
# a sentence) or that make a run a title, not a body.
_OPENERS = {"The", "A", "An", "This", "That", "These", "Those", "Its", "His", "Her", "Their", "Our", "In", "On",
            "At", "By", "For", "From", "To", "With", "And", "But", "Or", "As", "After", "Before", "When", "While",
            "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "Last", "Next", "Every",
            "Each", "Some", "All", "Both", "Former", "New", "Then", "Now", "Meanwhile", "However", "Two", "Three",
            "Four", "Five", "Several", "Many", "Most", "Other"}
# Words that end a name's "of ..." part: a date after the name ("the Navy said on May 9").
_DATE_WORDS = {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
               "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct",
               "Nov", "Dec", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}

# A capitalised word, or initials with dots ("U.N."); a sentence's full stop is not part of a name.
_NAME_WORD = r"(?:(?:[A-Z]\.){2,}|[A-Z][\w\-'’&]*)"
_SP = r"[ \t]+"  # names do not run over a line break
_HEADS = "|".join(sorted(ORG_HEADS, key=len, reverse=True))
# Up to six name words, the head, then optionally "of/for (the) Name Name ..." (at most five words).
_ORG_RE = re.compile(
    rf"(?<![\w\-.])((?:{_NAME_WORD}{_SP}(?:(?:of|for|al|el){_SP})?){{1,6}}(?:{_HEADS})(?![\w\-])"
    rf"(?:{_SP}(?:of|for){_SP}(?:the{_SP})?{_NAME_WORD}(?:{_SP}(?:and{_SP})?{_NAME_WORD}){{0,4}})?)"
)
# "Ministry of Defence", "Office of Foreign Assets Control", "Panel of Experts": head first.
_HEAD_OF_RE = re.compile(
    rf"(?<![\w\-.])((?:{_HEADS})(?![\w\-]){_SP}(?:of|for){_SP}(?:the{_SP})?{_NAME_WORD}"
    rf"(?:{_SP}(?:and{_SP})?{_NAME_WORD}){{0,4}})"
)
# "the Xinhua news agency", "Yonhap News Agency" (the whole name then is the head rule's),
# "state news agency IRNA", "the official KCNA news agency".
# The descriptions, written as is (a broadcaster is named after the word, never before it).
_AGENCY_WORDS = ("news agency", "news service", "wire service", "broadcaster", "newspaper")
_AGENCY_AFTER_RE = re.compile(
    rf"(?<![\w\-.])({_NAME_WORD}(?:{_SP}{_NAME_WORD}){{0,3}}){_SP}"
    rf"(?:{'|'.join(w for w in _AGENCY_WORDS if w != 'broadcaster')})\b"
)
_AGENCY_BEFORE_RE = re.compile(rf"\b(?:{'|'.join(_AGENCY_WORDS)}){_SP}({_NAME_WORD}(?:{_SP}{_NAME_WORD}){{0,3}})")


@dataclass(frozen=True)
class OrgPhrase:
    """A character span of ``text`` that names a body, and the rule that found it."""

    start: int
    end: int
    rule: str  # "head" (shape of the name) or "agency" (described as a news agency)


def _trim(text: str, start: int, end: int, head: bool = True) -> tuple[int, int] | None:
    """Drop opening words that are no part of a name (and a possessor: "Ruritania's Defence Ministry" is
    the ministry) and trailing dots; None when no name is left before the head (a lone "Army" or
    "The Council" is a common noun in a headline)."""
    words = list(re.finditer(r"\S+", text[start:end]))
    k = 0
    for n, word in enumerate(words[:-1]):
        # a possessor ("Ruritania's Defence Ministry") or a modifier ("Harbour-based", "militia-run")
        # is not part of the name
        if word.group().endswith(("'s", "’s")) or re.search(r"-[a-z]", word.group()):
            k = n + 1
    for n, word in enumerate(words[1:], 1):
        if word.group() in _DATE_WORDS:
            words = words[:n]
            end = start + words[-1].end()
            break
    while k < len(words) - 1 and words[k].group().rstrip(",") in _OPENERS:
        k += 1
    if head and k == len(words) - 1 and not re.search(r"\s(?:of|for|on)\s", text[start:end]):
        return None  # only the head is left
    start += words[k].start()
    while end > start and text[end - 1] in ".,'’":
        end -= 1
    return start, end


def _headline(text: str, start: int, end: int) -> bool:
    """A run inside a Title Case line (a headline, a menu) is not evidence of a name: every word of
    the line but function words is capitalised."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start: line_end if line_end >= 0 else len(text)]
    words = [w for w in re.findall(r"[A-Za-z][\w'’\-]*", line) if w.lower() not in _FUNCTION_WORDS]
    return len(words) >= 4 and all(w[0].isupper() for w in words)


_FUNCTION_WORDS = {"of", "the", "and", "for", "a", "an", "in", "on", "to", "at", "by", "with", "from", "as"}


def find_org_phrases(text: str) -> list[OrgPhrase]:
    """Every organisation-shaped phrase of ``text`` (may overlap; the recogniser resolves)."""
    out: list[OrgPhrase] = []
    for pattern in (_ORG_RE, _HEAD_OF_RE):
        for m in pattern.finditer(text):
            span = _trim(text, m.start(1), m.end(1))
            if span is not None and not _headline(text, *span):
                out.append(OrgPhrase(span[0], span[1], "head"))
    # Both agency patterns hang on a description written as is: a text without one (most) cannot
    # match, and is not scanned a character at a time for the capitalised words before it.
    described = any(word in text for word in _AGENCY_WORDS)
    for pattern in (_AGENCY_AFTER_RE, _AGENCY_BEFORE_RE) if described else ():
        for m in pattern.finditer(text):
            span = _trim(text, m.start(1), m.end(1), head=False)
            if span is not None:
                out.append(OrgPhrase(span[0], span[1], "agency"))
    return out


__all__ = ["ORG_HEADS", "ORG_PHRASES_VERSION", "OrgPhrase", "find_org_phrases"]
