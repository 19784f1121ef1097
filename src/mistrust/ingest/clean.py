"""Text-level boilerplate cleaner, applied to plain text and to HTML extractor output alike.

HTML extractors (trafilatura) and copy-pasted reports leave page furniture in the body:
comment forms, newsletter prompts and prompts to follow a topic, "click here" calls to action, photo captions and
credits, share/follow prompts, advertisement markers and blocks repeated by the page
template. Each rule below is a small function of one line (and its neighbourhood) that
returns the reason it is boilerplate, so every dropped line can be explained. Rules look
at *short* lines only: a real sentence that happens to mention a newsletter or a photo is
long and keeps its place.

The cleaner works line by line and keeps paragraph breaks; removed lines are returned
so the Document records them (``Document.removed``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

# v2: a first line with a date line or a byline under it is a headline too (v1 wanted a blank line
# or title case), so such a headline becomes the title and its own paragraph; so is one opening
# with a quotation mark.
# v3: a prompt to follow a topic or to get stories by e-mail is furniture up to PROMPT_MAX_WORDS
# (it names the page's topic in a template: "Interested in X? Add X as an interest ...")
CLEANER_VERSION = "clean-v3"

# A line with more words than this is prose, never furniture (captions excepted below).
SHORT_LINE_WORDS = 16
CAPTION_MAX_WORDS = 30
# Reader prompts that fill a template with the page's topic run longer than other furniture; the
# phrases below address the reader, which a reported sentence does not.
PROMPT_MAX_WORDS = 40
REPEAT_MIN_CHARS = 40  # shorter repeated lines ("Yes.", "***") are too common in real prose

_WS = re.compile(r"\s+")


def _norm(line: str) -> str:
    return _WS.sub(" ", line).strip()


def _words(line: str) -> list[str]:
    return line.split()


# --- line rules -----------------------------------------------------------------------------

_COMMENT_FORM = re.compile(
    r"^(please\s+)?(enter|leave|post|add|write|type)\s+(your|a)\s+(comment|name|e-?mail|reply|message)"
    r"|^(leave|post)\s+a\s+(reply|comment)\b|^cancel\s+reply$|^your\s+e-?mail\s+address\s+will\s+not\s+be\s+published"
    r"|^required\s+fields\s+are\s+marked|^save\s+my\s+name,?\s+e-?mail|^\d+\s+comments?$|^(show|view|load)\s+comments?\b"
    r"|^comments?\s*(\(\d+\))?:?$|^you\s+must\s+be\s+logged\s+in\s+to\s+post",
    re.IGNORECASE,
)

# "Subscribe" is misspelled in real pages ("Subcribe to ... Eblast"): match the word loosely.
_SUBSCRIBE_WORD = re.compile(r"^su[bs]{1,2}c?s?ri[bp]e[sd]?\b|^sign\s*-?\s*up\b|^join\s+our\b|^get\s+our\b", re.IGNORECASE)
_NEWSLETTER_WORD = re.compile(
    r"\b(newsletters?|e-?blasts?|mailing\s+list|inbox|daily\s+e-?mail|briefing|digest|alerts?|updates)\b",
    re.IGNORECASE,
)
_MANAGE_NEWSLETTERS = re.compile(r"\bmanage\s+newsletters\b", re.IGNORECASE)
# Prompts to follow a topic or receive stories ("Interested in Iran? Add Iran as an interest to stay
# up to date on the latest Iran news", "Get the stories you care about delivered to your inbox. By
# signing up, you agree to our Privacy Policy"): sites fill them with the page's topic, so the same
# template reads as a different line on every topic and no repeat rule meets it, and a topic's name
# in it made two unrelated reports share a passage and rare word pairs.
_READER_PROMPT = re.compile(
    r"^interested\s+in\s+[^?]{1,80}\?\s*(add|follow|get|sign\s+up|subscribe)\b"
    r"|\bstay\s+up\s+to\s+date\s+(on|with)\s+the\s+latest\s+(\S+\s+){0,4}(news|updates|headlines|stories)\b"
    r"|\bdelivered\s+(straight\s+|directly\s+)?to\s+your\s+inbox\b|\bby\s+signing\s+up,?\s+you\s+agree\b",
    re.IGNORECASE,
)

_CALL_TO_ACTION = re.compile(
    r"^(click|tap)\s+here\b|^(read|see)\s+more\b|^continue\s+reading\b|^read\s+the\s+full\b|^full\s+story\b"
    r"|^(more|related|watch|listen|photos?|video|see\s+also|also\s+read|recommended|more\s+on\s+this)\s*(:|\.\.\.|…)"
    r"|^\(\s*(photos?|video|related|read\s+more)\s*:|^(download|get)\s+the\s+.{0,40}\bapp\b"
    r"|\bfull\s+version\s+of\s+this\s+(story|article)\b|\bclick\s+here\s+(for|to)\b|\bread\s+more$",
    re.IGNORECASE,
)

_SHARE_FOLLOW = re.compile(
    r"^(share|tweet|e-?mail|print|pin|whatsapp|linkedin|facebook|twitter|reddit|copy\s+link)"
    r"(\s+(this|on|via|the|article|story|share|tweet|post|e-?mail|print|facebook|twitter|linkedin|whatsapp|link))*\s*[.!:]?$"
    r"|^follow\s+(us|@?\w+)\s+on\s+(twitter|facebook|instagram|x|linkedin|telegram)\b|^follow\s+@\w+"
    r"|^(like|follow)\s+us\b|^join\s+us\s+on\s+(twitter|facebook)",
    re.IGNORECASE,
)

# The marker must be the whole line: "Sponsored by the ministry, the talks..." is prose.
_ADVERT = re.compile(
    r"^(advertisements?|advert|ad|sponsored(\s+content)?|promoted(\s+content)?|paid\s+content"
    r"|story\s+continue[sd]?\s+below(\s+advertisement)?|article\s+continues\s+(below|after\s+(this\s+)?advertisement)"
    r"|scroll\s+to\s+continue(\s+with\s+content)?|skip\s+advertisement"
    r"|this\s+(article|story)\s+is\s+more\s+than\s+\w+\s+\w+\s+old)"
    r"\s*[:.]?\s*(continue\s+reading(\s+the)?(\s+main)?\s+story)?\s*$",
    re.IGNORECASE,
)
_COPYRIGHT = re.compile(r"^(copyright\s*)?(©|\(c\)|copyright)\s*\d{4}\b|\ball\s+rights\s+reserved\b"
                        r"|click\s+here\s+for\s+reprint\s+permission", re.IGNORECASE)

# Photo captions and credits: a parenthesised or piped credit at the end of a short line,
# agency/photographer credit lines ("AP Photo/Jane Doe", "Jane Doe/AFP/Getty Images"),
# and the caption furniture of big news templates ("Image copyright ... Image caption ...",
# "Enlarge this image toggle caption ...", "Media caption ...").
_AGENCY = r"(AP|AFP|Reuters|Getty\s+Images|EPA|Xinhua|Yonhap|KCNA|Bloomberg|Shutterstock|Pool|Handout|Landov|Sipa|IRNA|Tasnim)"
_CAPTION_TAIL = re.compile(
    r"\((file|file\s+photo|photo|photos|illustrative|illustration|archive|archives|screenshot|screen\s*capture|handout|"
    r"credit[^)]*|photo[^)]*|courtesy[^)]*|image[^)]*|" + _AGENCY + r"[^)]{0,40})\)\s*$"
    r"|\|\s*[^|]{0,60}(photo|getty\s+images|/ap|/afp|/reuters|/epa)\s*$"
    r"|\b(photo|image|picture|credit)\s*:\s*[^.]{0,60}$",
    re.IGNORECASE,
)
_CREDIT_LINE = re.compile(
    r"^([\w.'’ -]{0,40}/)?\s*(" + _AGENCY + r"|[\w.'’ -]{2,40})(\s*/\s*(" + _AGENCY + r"|[\w.'’ -]{2,30}))*\s*"
    r"/\s*(" + _AGENCY + r")(\s+(photo|images?|via\s+getty\s+images))?\s*$"
    r"|^" + _AGENCY + r"\s+photo\s*/\s*[\w.'’ -]{2,40}$",
    re.IGNORECASE,
)
_CAPTION_FURNITURE = re.compile(
    r"^(image\s+copyright\b|image\s+caption\b|media\s+caption\b|media\s+playback\s+is\s+unsupported"
    r"|enlarge\s+this\s+image\b|toggle\s+caption\b|hide\s+caption\b|slideshow\s*\(\d+\s+images?\)|gallery\s*:)",
    re.IGNORECASE,
)

# Finite verbs and auxiliaries: a short line right after a headline that has none of
# these (and no -ed past tense) reads as a caption ("Iran's EMAD ballistic missile."),
# not as the first sentence of the story.
_VERBISH = re.compile(
    r"\b(is|are|was|were|be|been|has|have|had|will|would|can|could|may|might|must|shall|should|do|does|did|"
    r"says?|said|told|tells|reports?|reported|warns?|denies|denied|claims?|vows?|calls?|seeks?|plans?|"
    r"launch(es)?|tests?|sends?|gets?|makes?|takes?|\w+ed)\b",
    re.IGNORECASE,
)

_NAME = r"[A-Z][\w.'’-]*"
_BYLINE = re.compile(
    rf"^by:?\s+{_NAME}(\s+{_NAME}){{0,3}}(\s*(,|and|&)\s*{_NAME}(\s+{_NAME}){{0,3}})*\s*$", re.IGNORECASE
)
_MONTH = (r"(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sep(t(ember)?)?|oct(ober)?"
          r"|nov(ember)?|dec(ember)?)\.?")
_DATE_TOKEN = re.compile(
    rf"^({_MONTH}|\d{{1,4}}(st|nd|rd|th)?,?|\d{{1,2}}:\d{{2}}|[ap]\.?m\.?|[A-Z]{{2,4}}T|utc|gmt|"
    r"(mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?|updated:?|published:?|posted:?|dated?:|last|on|at|\||-|–|—|/|\d{4}-\d{2}-\d{2})$",
    re.IGNORECASE,
)

Rule = Callable[[str], str | None]


def _rule_comment_form(line: str) -> str | None:
    return "comment form" if len(_words(line)) <= SHORT_LINE_WORDS and _COMMENT_FORM.search(line) else None


def _rule_newsletter(line: str) -> str | None:
    if len(_words(line)) <= PROMPT_MAX_WORDS and _READER_PROMPT.search(line):
        return "reader prompt"
    if len(_words(line)) > SHORT_LINE_WORDS:
        return None
    if _MANAGE_NEWSLETTERS.search(line):
        return "newsletter prompt"
    if _SUBSCRIBE_WORD.search(line) and (_NEWSLETTER_WORD.search(line) or len(_words(line)) <= 8):
        return "newsletter prompt"
    return None


def _rule_call_to_action(line: str) -> str | None:
    return "call to action" if len(_words(line)) <= 20 and _CALL_TO_ACTION.search(line) else None


def _rule_share(line: str) -> str | None:
    return "share/follow prompt" if len(_words(line)) <= 12 and _SHARE_FOLLOW.search(line) else None


def _rule_advert(line: str) -> str | None:
    if len(_words(line)) <= 10 and _ADVERT.search(line):
        return "advertisement marker"
    if len(_words(line)) <= 30 and _COPYRIGHT.search(line):
        return "copyright notice"
    return None


def _rule_caption(line: str) -> str | None:
    n = len(_words(line))
    if _CAPTION_FURNITURE.search(line):
        return "photo caption"
    if n <= 10 and _CREDIT_LINE.search(line):
        return "photo credit"
    if n <= CAPTION_MAX_WORDS and _CAPTION_TAIL.search(line):
        return "photo caption"
    return None


def _rule_byline(line: str) -> str | None:
    # Only "By" followed by capitalised names: "By Tuesday the ship had left" is prose.
    words = _words(line)
    if len(words) > 10 or not _BYLINE.match(line):
        return None
    return "byline" if all(w[:1].isupper() or w.lower() in {"by", "by:", "and", "&"} for w in words) else None


def _rule_dateline(line: str) -> str | None:
    # A line of nothing but date/time tokens ("Updated 10:32 AM EST, Tue February 9, 2021").
    words = [w.strip(",") for w in _words(line)]
    if len(words) > 12 or not any(re.match(_MONTH + "$", w, re.IGNORECASE) or re.match(r"\d{4}", w) for w in words):
        return None
    return "date line" if all(_DATE_TOKEN.match(w) for w in words if w) else None


def is_date_line(line: str) -> bool:
    """A line of nothing but a date and time (``Tuesday, February 9, 2021 10:32 AM EST``)."""
    return _rule_dateline(_norm(line)) is not None


def _rule_decoration(line: str) -> str | None:
    # Separator rows ("***", "• • •", "___") carry no text at all.
    return "separator" if not re.search(r"\w", line) else None


LINE_RULES: list[Rule] = [
    _rule_comment_form,
    _rule_newsletter,
    _rule_call_to_action,
    _rule_share,
    _rule_advert,
    _rule_caption,
    _rule_byline,
    _rule_dateline,
    _rule_decoration,
]


# --- the cleaner ----------------------------------------------------------------------------


@dataclass
class Cleaned:
    text: str
    title: str | None = None  # headline found on the first line, when the text starts with one
    removed: list[str] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)  # parallel to ``removed``


def looks_like_headline(line: str, next_blank: bool) -> bool:
    """A first line that is a headline: short, no sentence-final full stop, set apart from the body."""
    words = _words(line)
    # Three words at least: two-word first lines are bylines and section labels ("USA TODAY").
    # a headline may open with a quotation ("“We did not sell them,” says broker")
    if not 3 <= len(words) <= 25 or len(line) > 200 or not line.lstrip("\"'“‘")[:1].isupper():
        return False
    bare = line.rstrip(" \"'”’")  # a quoted headline ends with a quote mark, a quoted sentence with .”
    if bare.endswith((".", ",", ";", ":")) and not bare.endswith("..."):
        return False
    capitalised = sum(1 for w in words if w[:1].isupper() or not w[:1].isalpha())
    # Headlines are either set apart by a blank line or written in title case.
    return next_blank or capitalised / len(words) >= 0.6


def _caption_after_headline(line: str) -> bool:
    words = _words(line)
    if not 1 <= len(words) <= 12 or any(q in line for q in "\"“”"):
        return False
    if not line.rstrip().endswith((".", ")")) and not all(w[:1].isupper() or not w[:1].isalpha() for w in words):
        return False
    return _VERBISH.search(line) is None


def clean_text(text: str, rules: list[Rule] | None = None, known_title: str | None = None) -> Cleaned:
    """Drop boilerplate lines; keep paragraphs; report what went and why.

    ``known_title`` is the title the container gave (JSONL field, HTML metadata): when it is
    known, only a first line repeating it counts as a headline.
    """
    rules = LINE_RULES if rules is None else rules
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ").replace("\ufeff", "")
    lines = [line.rstrip() for line in text.split("\n")]
    out: list[str] = []
    removed: list[str] = []
    reasons: list[str] = []
    seen: set[str] = set()
    title: str | None = None
    first_content = True
    after_headline = False

    for i, raw in enumerate(lines):
        line = _norm(raw)
        if not line:
            out.append("")
            continue
        if len(line) > 400 and not _CAPTION_FURNITURE.match(line):
            reason = None  # every rule is for short lines; skipping long ones keeps big texts fast
        else:
            reason = next((r for r in (rule(line) for rule in rules) if r), None)
        if reason is None and after_headline and _caption_after_headline(line):
            reason = "photo caption"
        if reason is None and len(line) >= REPEAT_MIN_CHARS:
            key = line.lower()
            if key in seen:
                reason = "repeated block"
            seen.add(key)
        if reason:
            removed.append(line)
            reasons.append(reason)
            continue
        if first_content:
            # set apart from the body: by a blank line, or by the date or byline printed under it
            below = _norm(lines[i + 1]) if i + 1 < len(lines) else ""
            next_blank = i + 1 < len(lines) and (not below or is_date_line(below) or _rule_byline(below) is not None)
            if known_title is not None:
                is_headline = _norm(known_title).lower() == line.lower()
            else:
                is_headline = looks_like_headline(line, next_blank)
            if is_headline and _has_body_after(lines, i):
                title = line
                after_headline = True
                out.extend([raw.strip(), ""])  # keep the headline as its own paragraph
                first_content = False
                continue
        first_content = False
        after_headline = False
        out.append(raw.strip() if raw.strip() == line else raw.rstrip())

    cleaned = re.sub(r"\n{3,}", "\n\n", "\n".join(out)).strip()
    return Cleaned(text=cleaned, title=title, removed=removed, reasons=reasons)


def _has_body_after(lines: list[str], i: int) -> bool:
    rest = " ".join(line for line in lines[i + 1:] if line.strip())
    return len(rest.split()) >= 20
