"""Hand-built model objects for the seeing room's tests (report, API, web): a small story about
two reports, with a hostile ``<script>`` in article text and in list data."""

from __future__ import annotations

from mistrust.model import (
    Attribution,
    Claim,
    ClaimGroup,
    Document,
    Extraction,
    FeatureResult,
    Hit,
    Mention,
    Origin,
    Span,
    Story,
    Contradiction,
)

SCRIPT = "<script>alert('pwned')</script>"


def documents() -> list[Document]:
    return [
        Document(id="docA", text="...", title="Two states resume work on rockets", outlet="Daily Example",
                 url="https://example.org/a", published="2021-02-09"),
        Document(id="docB", text="...", title=f"Second take {SCRIPT}", outlet="Example Wire",
                 url="javascript:alert(1)", published="2021-02-10"),
    ]


def claims() -> list[Claim]:
    att = Attribution(source=Span("a panel report", 0, 14), cue=Span("says", 15, 19), content=None,
                      chain=["Example Wire", "AFP", "panel report"])
    return [
        Claim("Iran", "cooperate", "North Korea", "2020", "attributed", 0, 60,
              "A panel report says Iran and North Korea resumed cooperation in 2020.", att, "docA", "c1"),
        Claim("Iran", "cooperate", "North Korea", "2020", "attributed", 0, 60,
              f"Iran and Pyongyang resumed work on long-range missiles, the report says {SCRIPT}.",
              att, "docB", "c2", object_canonical="North Korea"),
        Claim("North Korea", "supply", "Syria", "February 2018", "asserted", 100, 160,
              "North Korea shipped supplies to Syria.", None, "docA", "c3"),
        Claim("North Korea", "support", "Hamas", "2017-08", "hedged", 200, 240,
              "Hamas may have used North Korean expertise.", None, "docB", "c4"),
        Claim("IRGC", "part_of", "Iran", None, "asserted", 300, 330, "The IRGC is part of Iran's forces.",
              None, "docB", "c5", subject_canonical="Islamic Revolutionary Guard Corps"),
        Claim(None, "deny", None, None, "denied", 400, 430, "Tehran rejected the report.", None, "docB", "c6"),
    ]


def stories() -> list[Story]:
    group = ClaimGroup(
        id="g1", story_id="s1", subject="Iran", predicate="cooperate", object="North Korea", time="2020",
        claims=["c1", "c2"], reports=["docA", "docB"], independent_origins=1,
        origins=[Origin(id="o1", label="panel report via AFP", reports=["docA", "docB"])],
        denials=[Contradiction("denial", "c2", "c6", "docB", "Tehran rejected the report.", "denial by Iran")],
    )
    return [Story(id="s1", title="Iran and North Korea resume missile cooperation", documents=["docA", "docB"],
                  first_seen="2021-02-09", last_seen="2021-02-10", entities=["Iran", "North Korea"],
                  claim_groups=[group])]


def irgc_hit(judgement: str | None = None) -> Hit:
    return Hit(entity_id="ofac:10391", entity_name=f"ISLAMIC REVOLUTIONARY GUARD CORPS {SCRIPT}",
               schema="Organization", list_version="ofac-sdn-2021", query_name="IRGC",
               matched_name="IRGC", score=0.97, match=True, threshold=0.7, algorithm="mistrust-v1",
               features=[FeatureResult("name_tokens", 1.0, 1.0, "alias IRGC matches exactly")],
               programs=["SDGT", "IRGC"], judgement=judgement, id="h1")


def extractions(judgement: str | None = None) -> list[Extraction]:
    return [
        Extraction(doc_id="docA", entities=[
            Mention("Iran", 0, 4, "Country"), Mention("North Korea", 9, 20, "Country"),
            Mention("Syria", 30, 35, "Country")]),
        Extraction(doc_id="docB", entities=[
            Mention("Pyongyang", 0, 9, "Country", canonical="North Korea"),
            Mention("IRGC", 20, 24, "Organization", canonical="Islamic Revolutionary Guard Corps",
                    links=[irgc_hit(judgement)]),
            Mention("Hamas", 40, 45, "Organization")]),
    ]
