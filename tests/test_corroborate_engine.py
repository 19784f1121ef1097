"""Corroboration engine on hand-written texts and hand-built claims (no shared data, no NLP model)."""

from __future__ import annotations

import pytest

from mistrust.corroborate import StoryClusterer, build_claim_groups, cluster
from mistrust.corroborate.contradictions import actor_keys, time_compatible
from mistrust.corroborate.shingles import overlap, shingles
from mistrust.corroborate.sources import source_key
from mistrust.model import Attribution, Claim, Document, Extraction, Span

WIRE = (
    "The envoy said the two governments had agreed to reopen the northern border crossing for freight "
    "trucks carrying grain and fertiliser starting next Monday after months of closure and failed talks"
)


@pytest.mark.parametrize(
    ("a", "b", "min_run", "max_run"),
    [
        (f"Intro by outlet one. {WIRE}. Outlet one closing line.", f"A different intro here. {WIRE}. More.", 30, 40),
        (WIRE, WIRE.replace("freight", "cargo"), 8, 20),  # one changed word splits the run
        ("Grain trucks will cross the border next week, officials say.", WIRE, 0, 0),
    ],
)
def test_overlap_finds_longest_verbatim_run(a: str, b: str, min_run: int, max_run: int) -> None:
    ov = overlap(a, b)
    assert min_run <= ov.longest_run_words <= max_run
    assert (ov.shared_shingles > 0) == (max_run > 0)


def test_shingles_are_stable_and_case_insensitive() -> None:
    assert shingles(WIRE) == shingles(WIRE.upper())
    assert len(shingles("too short to shingle")) == 0


@pytest.mark.parametrize(
    ("link", "key"),
    [
        ("AFP", "agency:afp"),
        ("the French news agency AFP", "agency:afp"),
        ("Agence France-Presse", "agency:afp"),
        ("Reuters", "agency:reuters"),
        ("a confidential United Nations document", "report:un"),
        ("the UN panel's report", "report:un"),
        ("the report", "report:"),
        ("an unnamed member state", "anon:member state"),
        ("a senior U.S. official", "anon:us official"),
        ("Ned Price", "ned price"),
    ],
)
def test_source_keys(link: str, key: str) -> None:
    assert source_key(link) == key


def test_actor_keys_split_and_map_capitals() -> None:
    assert actor_keys("Tehran") == {"iran"}
    assert actor_keys("Iran and North Korea") == {"iran", "north korea"}
    assert time_compatible("2020", "2020-03") and not time_compatible("2019", "2020")


def _doc(doc_id: str, text: str, published: str | None, title: str, outlet: str = "Outlet") -> Document:
    return Document(id=doc_id, text=text, title=title, published=published, outlet=outlet)


TEST_A = ("Testland fired a new medium-range missile from its eastern coast on Tuesday, the defence ministry "
          "of Neighbourland said. The missile flew 600 kilometres before falling into the sea. ")
TEST_B = ("Neighbourland's defence ministry said Testland launched a medium-range missile on Tuesday from the "
          "eastern coast, flying some 600 kilometres into the sea. Analysts said the missile test was a warning. ")


def test_same_event_same_week_joins_and_other_month_does_not() -> None:
    docs = [
        (_doc("a", TEST_A * 3, "2021-07-06", "Testland fires missile"), None),
        (_doc("b", TEST_B * 3, "2021-07-07", "Testland missile test draws warning"), None),
        (_doc("c", TEST_A * 3, "2021-11-16", "Testland fires missile"), None),  # same words, four months later
        (_doc("d", "Farmers in Otherland expect a record harvest of wheat this autumn, officials said. " * 3,
              "2021-07-06", "Record harvest expected"), None),
    ]
    story = {a.doc_id: a.story_id for a in cluster(docs)}
    assert story["a"] == story["b"]
    assert story["c"] != story["a"]
    assert story["d"] not in (story["a"], story["c"])


def test_incremental_join_keeps_existing_story_ids_and_blocks_comparisons() -> None:
    cl = StoryClusterer()
    first = cluster([(_doc("a", TEST_A * 3, "2021-07-06", "Testland fires missile"), None)], cl)
    # many unrelated documents over a long period: comparisons stay bounded by blocking
    filler = [(_doc(f"f{i}", f"Topic {i} zeta{i} omega{i} report about subject{i} in region{i}. " * 5,
                    f"20{10 + i % 10}-0{1 + i % 9}-1{i % 10}", f"Item {i}"), None) for i in range(200)]
    cluster(filler, cl)
    assert cl.comparisons < 200
    later = cluster([(_doc("b", TEST_B * 3, "2021-07-07", "Testland missile test draws warning"), None)], cl)
    assert later[0].story_id == first[0].story_id and not later[0].opened
    assert cl.stories[first[0].story_id].doc_ids == ["a", "b"]


# -- claim groups, echoes, denials (hand-built, modelled on the seed case with invented wording) --

SEED_1 = ("Alpha and Beta resumed cooperation on rocket engines in 2020, a panel report seen by the agency said. "
          "The panel found that the cooperation included transfers of critical parts and the latest shipment took "
          "place in 2020 according to an unnamed member state. Alpha has denied any such cooperation with Beta.")
SEED_2 = ("According to a report cited by AFP, Beta and Alpha resumed cooperation on rocket engines in 2020. "
          "Officials elsewhere commented on regional security and trade at length.")


def _claim(doc: Document, sentence: str, subject: str, predicate: str, obj: str | None, status: str,
           chain: list[str], time: str | None = "2020") -> Claim:
    start = doc.text.index(sentence)
    att = Attribution(source=Span(chain[-1], 0, 0), cue=None, content=None, chain=chain) if chain else None
    return Claim(subject=subject, predicate=predicate, object=obj, time=time, status=status,  # type: ignore[arg-type]
                 start=start, end=start + len(sentence), text=sentence, attribution=att, doc_id=doc.id)


def _seed_like() -> list[tuple[Document, Extraction | None]]:
    d1 = _doc("d1", SEED_1, "2021-02-09", "Alpha, Beta resume cooperation", "Outlet One")
    d2 = _doc("d2", SEED_2, "2021-02-09", "Report: Beta and Alpha cooperate", "Outlet Two")
    c1 = _claim(d1, "Alpha and Beta resumed cooperation on rocket engines in 2020", "Alpha and Beta", "cooperate",
                None, "attributed", ["Agence France-Presse", "panel report"])
    c2 = _claim(d2, "Beta and Alpha resumed cooperation on rocket engines in 2020", "Beta and Alpha", "cooperate",
                None, "attributed", ["AFP", "report"])
    den = _claim(d1, "Alpha has denied any such cooperation with Beta", "Alpha", "deny", "Beta", "denied", [],
                 time=None)
    return [(d1, Extraction(claims=[c1, den], doc_id="d1")), (d2, Extraction(claims=[c2], doc_id="d2"))]


def test_claim_carried_by_two_reports_via_one_agency_is_one_origin_with_denial() -> None:
    groups = build_claim_groups("s1", _seed_like())
    main = [g for g in groups if len(g.reports) == 2]
    assert len(main) == 1
    g = main[0]
    assert sorted(g.reports) == ["d1", "d2"]
    assert g.independent_origins == 1
    assert "AFP" in g.origins[0].label or "Agence" in g.origins[0].label
    assert any(edge[1] == "doc:d2" for edge in g.origins[0].tree)
    assert len(g.denials) == 1 and g.denials[0].doc_id == "d1" and "denied" in g.denials[0].text
    assert {v["doc_id"] for v in g.versions} == {"d1", "d2"}
    assert all(v["text"] and v["end"] > v["start"] for v in g.versions)


def test_independent_sources_count_separately_and_copying_merges() -> None:
    d1 = _doc("x1", "Gamma shipped drones to Delta last year, Reuters reported citing two officials. " + WIRE,
              "2021-03-01", "t1")
    d2 = _doc("x2", "Gamma shipped drones to Delta last year, a think tank study found in satellite images.",
              "2021-03-02", "t2")
    d3 = _doc("x3", "In other news: " + WIRE + ". Gamma shipped drones to Delta last year.", "2021-03-03", "t3")
    s = "Gamma shipped drones to Delta last year"
    claims = [
        (d1, Extraction(claims=[_claim(d1, s, "Gamma", "supply", "Delta", "attributed", ["Reuters"], None)])),
        (d2, Extraction(claims=[_claim(d2, s, "Gamma", "supply", "Delta", "attributed", ["a think tank study"],
                                       None)])),
        (d3, Extraction(claims=[_claim(d3, s, "Gamma", "supply", "Delta", "asserted", [], None)])),
    ]
    (g,) = build_claim_groups("s2", claims)  # type: ignore[arg-type]
    assert g.independent_origins == 2  # x3 copied x1's wire passage; x2 is its own source
    merged = next(o for o in g.origins if len(o.reports) == 2)
    assert sorted(merged.reports) == ["x1", "x3"]
    assert any("verbatim" in why for _, _, why in merged.tree)


def test_conflicting_figures_and_dates_are_reported() -> None:
    d1 = _doc("y1", "Zeta fired 12 missiles at the base in 2019, officials said.", "2021-01-01", "t")
    d2 = _doc("y2", "Zeta fired 15 missiles at the base in 2020, officials said.", "2021-01-02", "t")
    c1 = _claim(d1, "Zeta fired 12 missiles at the base in 2019", "Zeta", "test", "base", "asserted", [], "2019")
    c2 = _claim(d2, "Zeta fired 15 missiles at the base in 2020", "Zeta", "test", "base", "asserted", [], "2020")
    (g,) = build_claim_groups("s3", [(d1, Extraction(claims=[c1])), (d2, Extraction(claims=[c2]))])
    kinds = {c.kind for c in g.contradictions}
    assert kinds == {"date", "figure"}
    assert any("12 missiles" in c.reason and "15 missiles" in c.reason for c in g.contradictions)


def test_documents_without_extraction_give_no_claim_groups() -> None:
    assert build_claim_groups("s4", [(_doc("z", "text", None, "t"), None)]) == []


@pytest.mark.parametrize(
    ("denial_sentence", "subject", "obj", "predicate", "expected"),
    [
        # the denier names one actor, by its capital: linked to the cooperation claim, not the sale
        ("Alphaville has denied any cooperation with Beta", "Alphaville", "Beta", "cooperate", "cooperate"),
        # a denial about actors the story's claims do not name is a claim of its own
        ("Omega denied buying drones", "Omega", None, "acquire", None),
    ],
)
def test_denial_links_to_the_claim_it_denies(denial_sentence: str, subject: str, obj: str | None,
                                             predicate: str, expected: str | None) -> None:
    from mistrust.corroborate import contradictions

    text = ("Alpha and Beta resumed cooperation on rocket engines, a report said. "
            "Alpha sold tractors to Gamma last spring. " + denial_sentence + ".")
    doc = _doc("q1", text, "2021-01-01", "t")
    claims = [
        _claim(doc, "Alpha and Beta resumed cooperation on rocket engines", "Alpha and Beta", "cooperate", None,
               "attributed", ["a report"], None),
        _claim(doc, "Alpha sold tractors to Gamma last spring", "Alpha", "supply", "Gamma", "asserted", [], None),
        _claim(doc, denial_sentence, subject, predicate, obj, "denied", [], None),
    ]
    old = dict(contradictions.CAPITALS)
    contradictions.CAPITALS["alphaville"] = "alpha"  # an invented capital for the invented state
    try:
        groups = build_claim_groups("s5", [(doc, Extraction(claims=claims))])
    finally:
        contradictions.CAPITALS.clear()
        contradictions.CAPITALS.update(old)
    denied = [g for g in groups if g.denials]
    if expected is None:
        assert denied == [] and any(g.predicate == predicate for g in groups)
    else:
        assert [g.predicate for g in denied] == [expected]
        assert denied[0].denials[0].text == denial_sentence


def test_two_denial_claims_from_one_sentence_are_one_denial() -> None:
    d1, d2 = _doc("w1", "Alpha and Beta resumed cooperation on rocket engines, a report said.", "2021-01-01", "t"), \
        _doc("w2", "A spokesman for Alpha dismissed claims that Alpha and Beta cooperate on rockets.", "2021-01-02", "t")
    sentence = "A spokesman for Alpha dismissed claims that Alpha and Beta cooperate on rockets"
    main = _claim(d1, "Alpha and Beta resumed cooperation on rocket engines", "Alpha and Beta", "cooperate", None,
                  "attributed", ["a report"], None)
    general = _claim(d2, sentence, "Alpha", "deny", None, "denied", [], None)
    specific = _claim(d2, sentence, "Alpha", "cooperate", "Beta", "denied", [], None)
    groups = build_claim_groups("s6", [(d1, Extraction(claims=[main])), (d2, Extraction(claims=[general, specific]))])
    (g,) = [g for g in groups if g.denials]
    assert len(g.denials) == 1 and g.denials[0].doc_id == "w2"
    assert g.denials[0].by_claim_id == specific.id or "(same act)" in g.denials[0].reason
