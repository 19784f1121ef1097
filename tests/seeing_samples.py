"""Hand-built model objects for the seeing room's tests (report, API, web): a small story about
two reports, with a hostile ``<script>`` in article text and in list data."""

from __future__ import annotations

from mistrust.model import (
    Attribution,
    Claim,
    ClaimGroup,
    Contradiction,
    Document,
    Extraction,
    FeatureResult,
    Hit,
    Mention,
    Origin,
    Span,
    Story,
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
        Claim("the last shipment", "occur", None, "2020-10", "asserted", 500, 540,
              "The most recent shipment was in October 2020.", None, "docA", "c7"),
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
               matched_name="IRGC", score=0.97, match=True, threshold=0.7, algorithm="mistrust-v2",
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
            Mention("Hamas", 40, 45, "Organization"), Mention("$5 million^{x}_", 50, 60, "Money")]),
    ]


SDN_ROWS = [
    '10391,"ISLAMIC REVOLUTIONARY GUARD CORPS",-0- ,"IRAN] [SDGT] [IRGC",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ',
    '19716,"SHAHID MOVAHED INDUSTRIES",-0- ,"NPWMD] [IFSR",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ',
    '777,"EVIL <script>alert(1)</script> TRADING",-0- ,"DPRK3",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ',
]
ALT_ROWS = [
    '10391,5001,"a.k.a.","IRGC",-0- ',
    '10391,5002,"a.k.a.","ISLAMIC REVOLUTIONARY GUARDS CORPS",-0- ',
    '19716,5003,"a.k.a.","SHAHID HAJ ALI MOVAHED RESEARCH CENTER",-0- ',
    '777,5004,"a.k.a.","<script>alert(\'alias\')</script>",-0- ',
]


def write_small_sdn(folder) -> object:
    """A three-entry OFAC legacy CSV triple written for these tests (not copied from OFAC)."""
    from pathlib import Path

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    # as OFAC publishes them: CRLF rows and a 0x1A end-of-file byte
    (folder / "sdn.csv").write_bytes(("\r\n".join(SDN_ROWS) + "\r\n").encode() + b"\x1a")
    (folder / "alt.csv").write_bytes(("\r\n".join(ALT_ROWS) + "\r\n").encode() + b"\x1a")
    return folder / "sdn.csv"


def sample_workspace_class():
    """A real Workspace (lists, screening, judgements in SQLite) whose story, claims and
    extraction methods return the hand-built samples above: tests of pages and the report
    then do not depend on the state of the other rooms' engines."""
    from mistrust import Workspace
    from mistrust.errors import NotFoundError

    class SampleWorkspace(Workspace):
        def stories(self):  # type: ignore[override]
            return stories()

        def get_story(self, story_id):  # type: ignore[override]
            for s in stories():
                if s.id == story_id:
                    return s
            raise NotFoundError(f"no story {story_id}")

        def story_claim_groups(self, story_id):  # type: ignore[override]
            return self.get_story(story_id).claim_groups

        def claims(self, doc_id=None, story_id=None):  # type: ignore[override]
            return [c for c in claims() if doc_id is None or c.doc_id == doc_id]

        def claims_about(self, name):  # type: ignore[override]
            key = name.casefold()
            return [c for c in claims() if key in {(c.subject_canonical or c.subject or "").casefold(),
                                                   (c.object_canonical or c.object or "").casefold()}]

        def extraction_for(self, doc_id):  # type: ignore[override]
            for e in extractions():
                if e.doc_id == doc_id:
                    return e
            raise NotFoundError(f"no extraction for {doc_id}")

        def get_documents(self, doc_ids):  # type: ignore[override]
            return [d for d in documents() if d.id in doc_ids]

        def get_document(self, doc_id):  # type: ignore[override]
            for d in documents():
                if d.id == doc_id:
                    return d
            raise NotFoundError(f"no document {doc_id}")

    return SampleWorkspace


EVIL_ARTICLE = (
    "Example Wire report.\n\n"
    "Officials said the <script>window.__pwned = 1; document.title = 'pwned'</script> tag turned up in a "
    "filing from Example Corp on Monday, and investigators were still reviewing the material.\n\n"
    "The agency said it would publish its findings next month after a further review of the documents.\n"
)

_SEEDS: dict[str, object] = {}


def seeds_db(folder, shared_data, seeds):
    """A workspace with the acceptance case: OFAC SDN 2021 triple and UN 2020 list, both seed
    reports ingested, analysed and corroborated. Built once per test session (about 30 s)."""
    from pathlib import Path

    from mistrust import Workspace

    if "db" in _SEEDS:
        return _SEEDS["db"]
    db = Path(folder) / "seeds.db"
    sanctions = Path(shared_data) / "sanctions"
    with Workspace(db, create=True) as ws:
        ws.load_lists([sanctions / "ofac_sdn_csv_2021-07" / "sdn.csv", sanctions / "un_consolidated_2020-11-30.xml"])
        ws.ingest(sorted(str(p) for p in Path(seeds).glob("*.txt")))
        ws.analyze()
        ws.corroborate()
    _SEEDS["db"] = db
    return db
