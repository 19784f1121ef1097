"""HTML to main text and metadata with trafilatura, guarded against hostile markup.

trafilatura finds the article body and the title, date, site name and author. Two
guards come first, because a page is untrusted input: a nesting depth check (libxml2
silently gives up past 256 levels and trafilatura then returns nothing, and deeper
recursive walks can blow the stack) and a size check. When the page is too deep, or
trafilatura finds no body, a plain tag-stripping fallback keeps the visible text, and
the metadata says which path was taken.
"""

from __future__ import annotations

import html as htmllib
import re
from dataclasses import dataclass, field
from typing import Any

HTML_EXTRACTOR = "trafilatura"
MAX_DEPTH = 200

# [^<>] (not [^>]) keeps every scan linear: "<a <a <a ..." without a closing ">" would
# otherwise make each attempt run to the end of the page (quadratic time on hostile input).
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9:-]*)([^<>]*)>")
_VOID = {
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
    # Often left unclosed in real pages; counting them would inflate the depth.
    "p", "li", "option", "td", "tr", "th", "dt", "dd",
}
_INVISIBLE = ("script", "style", "noscript", "template", "svg", "head")
_BLOCK = re.compile(r"</?(p|div|br|li|h[1-6]|tr|section|article|blockquote|pre|header|footer)\b[^>]*>", re.IGNORECASE)
_TITLE = re.compile(r"<title[^>]*>(.*?)</title\s*>", re.IGNORECASE | re.DOTALL)


@dataclass
class HtmlText:
    text: str
    title: str | None = None
    published: str | None = None
    outlet: str | None = None
    authors: list[str] = field(default_factory=list)
    url: str | None = None
    metadata: dict[str, Any] = field(default_factory=dict)


def nesting_depth(markup: str, stop_at: int = MAX_DEPTH + 1) -> int:
    """Maximum element nesting, approximately (void and often-unclosed tags ignored)."""
    depth = deepest = 0
    for match in _TAG.finditer(markup):
        closing, name, rest = match.group(1), match.group(2).lower(), match.group(3)
        if name in _VOID or rest.rstrip().endswith("/"):
            continue
        depth = max(depth - 1, 0) if closing else depth + 1
        if depth > deepest:
            deepest = depth
            if deepest >= stop_at:
                break
    return deepest


def extract_html(markup: str, url: str | None = None) -> HtmlText:
    """Main text and metadata of an HTML page (never raises on bad markup)."""
    depth = nesting_depth(markup)
    if depth > MAX_DEPTH:
        result = strip_tags(markup)
        result.metadata.update(html_extractor="strip-tags", html_fallback=f"nesting depth over {MAX_DEPTH}")
        return result
    try:
        import trafilatura

        doc = trafilatura.bare_extraction(
            markup, url=url, with_metadata=True, include_comments=False, include_tables=True, favor_precision=False
        )
    except Exception as exc:  # noqa: BLE001 - any parser failure means: use the fallback
        result = strip_tags(markup)
        result.metadata.update(html_extractor="strip-tags", html_fallback=f"trafilatura failed: {exc}")
        return result
    text = getattr(doc, "text", None) if doc is not None else None
    if not text or not text.strip():
        result = strip_tags(markup)
        result.metadata.update(html_extractor="strip-tags", html_fallback="trafilatura found no main text")
        return result
    assert doc is not None
    # trafilatura separates paragraphs with one newline; a blank line makes them paragraphs
    # for sentence splitting and for the cleaner's headline rule.
    paragraphs = [p.strip() for p in text.split("\n") if p.strip()]
    author = getattr(doc, "author", None)
    return HtmlText(
        text="\n\n".join(paragraphs),
        title=getattr(doc, "title", None) or None,
        published=getattr(doc, "date", None) or None,
        outlet=getattr(doc, "sitename", None) or None,
        authors=[a.strip() for a in author.split(";") if a.strip()] if author else [],
        url=getattr(doc, "url", None) or url,
        metadata={"html_extractor": HTML_EXTRACTOR},
    )


def strip_tags(markup: str) -> HtmlText:
    """Visible text without any parser: safe on any nesting depth."""
    title_match = _TITLE.search(markup)
    title = _squash(htmllib.unescape(_TAG.sub(" ", title_match.group(1)))) if title_match else None
    body = _cut(markup, "<!--", "-->")
    for name in _INVISIBLE:
        body = _cut(body, f"<{name}", f"</{name}")
    body = _BLOCK.sub("\n", body)
    body = htmllib.unescape(_TAG.sub(" ", body))
    lines = [_squash(line) for line in body.split("\n")]
    return HtmlText(text="\n\n".join(line for line in lines if line), title=title or None)


def _cut(markup: str, start: str, end: str) -> str:
    """Remove every ``start ... end`` section with plain string search (linear; an unclosed
    section runs to the end of the page, as browsers treat an unclosed script)."""
    lower = markup.lower()
    out: list[str] = []
    pos = 0
    while True:
        i = lower.find(start, pos)
        if i < 0:
            out.append(markup[pos:])
            break
        after = lower[i + len(start):i + len(start) + 1]
        if after.isalnum() or after == "-":  # "<header" is not "<head"
            out.append(markup[pos:i + len(start)])
            pos = i + len(start)
            continue
        out.append(markup[pos:i])
        j = lower.find(end, i + len(start))
        if j < 0:
            break
        k = lower.find(">", j) if end != "-->" else j + 2
        pos = len(markup) if k < 0 else k + 1
        out.append(" ")
    return "".join(out)


def _squash(text: str) -> str:
    return re.sub(r"[ \t\f\v]+", " ", text).strip()
