"""A small real workspace for the page tests: more stories than one page, resolved actors, claims,
a list link and an undated report, built in a second or two without running the language model.

Documents go in through ``ingest`` (a JSON Lines file written here); their extractions are
hand-made (mentions at the offsets of their words in the text, claims on whole sentences) and
stored as ``analyze`` would store them; then actors are resolved and stories formed as usual.
Every name and sentence is made up for these tests.
"""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import seeing_samples as S
from mistrust.model import Claim, Extraction, Mention
from mistrust.store import extraction as extraction_store
from mistrust.workspace import Workspace

OUTLETS = ("Example Wire", "Daily Example", "Example Times")
# one made-up subject word per event, so each event's reports read as a story of their own
TOPICS = ("turbines", "centrifuges", "propellant", "gyroscopes", "alloys", "valves", "lathes", "sensors",
          "batteries", "antennas", "resins", "bearings", "magnets", "cables")
IRGC = "Islamic Revolutionary Guard Corps"


def _text(i: int, topic: str) -> str:
    return (f"Northland shipped {topic} to Southland in a deal worth {i + 2} million dollars, officials said.\n\n"
            f"Acme Maritime carried the {topic} on a freighter that called at Port Example {i + 3} times.\n\n"
            f"The {IRGC} inspected the {topic} cargo before it left, according to the {topic} report.\n")


def _mentions(text: str, doc_key: str, version: str) -> list[Mention]:
    out = []
    for word, label in (("Northland", "Country"), ("Southland", "Country"), ("Acme Maritime", "Organization"),
                        (IRGC, "Organization")):
        start = text.index(word)
        links = [S.irgc_hit()] if word == IRGC else []
        if links:
            links[0].id = f"h-{doc_key}"
            links[0].entity_name = "ISLAMIC REVOLUTIONARY GUARD CORPS"
            links[0].list_version = version
        out.append(Mention(word, start, start + len(word), label, links=links, extractor="test-v1"))
    return out


def _claims(text: str, doc_key: str, doc_id: str, year: int) -> list[Claim]:
    first = text.split("\n")[0]
    second = text.split("\n\n")[1]
    third = text.split("\n\n")[2].strip()
    return [
        Claim("Northland", "supply", "Southland", str(year), "attributed", 0, len(first), first, None, doc_id,
              f"{doc_key}-1"),
        Claim("Acme Maritime", "transfer", "Southland", None, "asserted", text.index(second),
              text.index(second) + len(second), second, None, doc_id, f"{doc_key}-2"),
        Claim(IRGC, "support", "Northland", None, "hedged", text.index(third), text.index(third) + len(third),
              third, None, doc_id, f"{doc_key}-3"),
    ]


def build(folder: Path, events: int = len(TOPICS)) -> Path:
    """The workspace file: ``events`` one-report stories 40 days apart, plus one undated report."""
    db = folder / "pages.db"
    rows = []
    for i in range(events):
        topic = TOPICS[i % len(TOPICS)]
        day = date(2019, 1, 5) + timedelta(days=40 * i)
        rows.append({"id": f"ev{i}", "outlet": OUTLETS[i % len(OUTLETS)], "date": day.isoformat(),
                     "url": f"https://news.example.org/{i}", "title": f"Northland {topic} reach Southland",
                     "text": _text(i, topic)})
    rows.append({"id": "undated", "outlet": None, "title": "Northland note without a date",
                 "text": _text(99, TOPICS[(events - 1) % len(TOPICS)])})  # the newest event's, joining its story
    source = folder / "pages.jsonl"
    source.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    with Workspace(db, create=True) as ws:
        version = ws.load_lists([S.write_small_sdn(folder / "sdn")])[0].id
        docs = ws.ingest([str(source)])["documents"]
        for n, doc in enumerate(docs):
            key = str(doc.metadata.get("id", n))
            year = int(doc.published[:4]) if doc.published else 2020
            extraction = Extraction(entities=_mentions(doc.text, key, version), claims=_claims(doc.text, key, doc.id, year),
                                    doc_id=doc.id, extractor="test-v1")
            extraction_store.save_extraction(ws.db, doc.id, extraction)
        ws.resolve_actors()
        ws.corroborate()
    return db
