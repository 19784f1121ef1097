"""The extraction pipeline, its storage, the Workspace methods and the extract/analyze/entities/claims CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from mistrust.cli import main
from mistrust.extract.pipeline import ExtractOptions, Extractor, TextItem, claim_id, extraction_json
from mistrust.model.documents import Attribution, Claim, Document, Extraction, Mention, Span
from mistrust.model.screening import FeatureResult, Hit, NameQuery
from mistrust.store import extraction as store

TEXT_A = ("The Maritime Security Directorate (MSD) said on Friday that North Korea had shipped "
          "centrifuge parts to Iran in 2019. Tehran has denied the claim, AFP reported.")
TEXT_B = "Pyongyang supplies rockets to armed groups, according to Reuters. Ned Price declined to comment."


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor(ExtractOptions())


def test_extract_offsets_and_shape(extractor):
    ex = extractor.extract(TEXT_A, doc_id="doc1")
    assert ex.doc_id == "doc1" and ex.extractor.startswith("pipeline-v1")
    assert ex.entities, "no entities"
    for m in ex.entities:
        assert TEXT_A[m.start:m.end] == m.text
        assert m.extractor
    labels = {m.text: m.label for m in ex.entities}
    assert labels["North Korea"] == "Country" and labels["AFP"] == "Organization"
    for a in ex.attributions:
        for span in (a.source, a.cue, a.content):
            if span is not None:
                assert TEXT_A[span.start:span.end] == span.text
    for c in ex.claims:
        assert c.id and c.doc_id == "doc1"
        assert 0 <= c.start < c.end <= len(TEXT_A)


def test_offsets_hold_for_crlf_and_non_ascii(extractor):
    text = "Café owners said\r\n\r\nthe Islamic Revolutionary Guard Corps (IRGC) met Kim Jong Un in Pyongyang."
    ex = extractor.extract(text)
    assert {m.text for m in ex.entities} >= {"IRGC", "Islamic Revolutionary Guard Corps"}
    for m in ex.entities:
        assert text[m.start:m.end] == m.text


def test_batch_equals_single(extractor):
    items = [TextItem(TEXT_A, "a"), TextItem(TEXT_B, "b"), TextItem("", "empty")]
    batch = list(extractor.extract_many(items))
    assert [e.doc_id for e in batch] == ["a", "b", "empty"]
    assert batch[2].entities == []
    for item, got in zip(items, batch, strict=True):
        single = extractor.extract(item.text, doc_id=item.doc_id)
        assert [(m.text, m.start, m.label) for m in got.entities] == [
            (m.text, m.start, m.label) for m in single.entities]


def test_long_text_in_pieces_keeps_offsets():
    small = Extractor(ExtractOptions(max_chunk_chars=300))
    text = "\n".join([TEXT_A, TEXT_B] * 6)
    whole = Extractor(ExtractOptions()).extract(text, doc_id="w")
    pieces = small.extract(text, doc_id="w")
    for m in pieces.entities:
        assert text[m.start:m.end] == m.text
    for c in pieces.claims:
        assert 0 <= c.start < c.end <= len(text)
        if c.attribution and c.attribution.cue:
            cue = c.attribution.cue
            assert text[cue.start:cue.end] == cue.text
    assert len({c.id for c in pieces.claims}) == len(pieces.claims)
    assert {(m.text, m.start) for m in pieces.entities} >= {(m.text, m.start) for m in whole.entities
                                                           if m.label == "Country"}


@pytest.mark.parametrize("limit", [10, 50, 1000])
def test_split_text_covers_everything(limit):
    from mistrust.extract.pipeline import split_text

    text = ("One line here.\nAnother, longer line. With two sentences.\n" * 20)[:900]
    pieces = split_text(text, limit)
    assert "".join(p for _, p in pieces) == text
    assert all(text[o:o + len(p)] == p and len(p) <= limit for o, p in pieces)


def test_links_come_from_the_injected_screen():
    seen: list[NameQuery] = []

    def screen(q: NameQuery) -> list[Hit]:
        seen.append(q)
        if "Directorate" not in q.name:
            return []
        return [Hit(entity_id="test:1", entity_name="MARITIME SECURITY DIRECTORATE", schema="Organization",
                    list_version="v-test", query_name=q.name, matched_name="MARITIME SECURITY DIRECTORATE",
                    score=1.0, match=True, threshold=0.7, algorithm="test",
                    features=[FeatureResult("name", 1.0, 1.0, "same tokens")])]

    ex = Extractor(ExtractOptions(), list_names=[("Maritime Security Directorate", "Organization")], screen=screen)
    result = ex.extract(TEXT_A)
    linked = {m.text: [h.entity_id for h in m.links] for m in result.entities}
    assert linked["MSD"] == ["test:1"] and linked["Maritime Security Directorate"] == ["test:1"]
    assert linked["North Korea"] == []  # countries are never screened
    assert all(q.name != "North Korea" for q in seen)


def test_claim_ids_are_deterministic():
    c1 = Claim(subject="North Korea", predicate="transfer", object="Iran", time="2019", status="attributed",
               start=0, end=10, text="x")
    c2 = Claim(subject="North Korea", predicate="transfer", object="Iran", time="2019", status="attributed",
               start=0, end=10, text="x")
    assert claim_id("d", c1) == claim_id("d", c2)
    assert claim_id("d", c1) != claim_id("e", c1)


def test_extraction_json_shape(extractor):
    out = extraction_json(extractor.extract(TEXT_A))
    assert set(out) >= {"entities", "attributions", "claims", "status"}
    for e in out["entities"]:
        assert set(e) >= {"text", "start", "end", "label", "links"}
    for a in out["attributions"]:
        assert set(a) >= {"source", "cue", "content"}
        for key in ("source", "cue", "content"):
            assert a[key] is None or set(a[key]) == {"text", "start", "end"}
    for c in out["claims"]:
        assert set(c) >= {"subject", "predicate", "object", "time", "status", "attribution", "start", "end"}
    json.dumps(out)  # serialisable as is


# -- storage and Workspace ------------------------------------------------------------------------


def _sample_extraction() -> Extraction:
    hit = Hit(entity_id="ofac:1", entity_name="ACME", schema="Organization", list_version="lv1", query_name="Acme",
              matched_name="ACME", score=0.97, match=True, threshold=0.7, algorithm="t",
              features=[FeatureResult("name", 0.97, 1.0, "tokens equal")])
    att = Attribution(source=Span("AFP", 0, 3), cue=Span("reported", 4, 12), content=None, chain=["AFP"])
    claim = Claim(subject="Acme", predicate="supply", object="Iran", time=None, status="attributed", start=0,
                  end=30, text="sentence", attribution=att, doc_id="d1")
    claim.id = claim_id("d1", claim)
    return Extraction(entities=[Mention("Acme", 13, 17, "Organization", links=[hit], extractor="t"),
                                Mention("Iran", 20, 24, "Country", canonical="Iran", extractor="t")],
                      attributions=[att], claims=[claim], status="attributed", doc_id="d1", extractor="x")


def test_store_roundtrip_and_replace(workspace):
    ex = _sample_extraction()
    store.save_extraction(workspace.db, "d1", ex)
    store.save_extraction(workspace.db, "d1", ex)  # re-analysing replaces, never duplicates
    back = workspace.extraction_for("d1")
    assert back.entities[0].links[0].features[0].reason == "tokens equal"
    assert back.entities[0].links[0].list_version == "lv1"
    assert back.claims[0].attribution is not None and back.claims[0].attribution.chain == ["AFP"]
    assert back.claims[0].id == ex.claims[0].id and back.status == "attributed"
    assert len(workspace.claims()) == 1 and len(workspace.claims(doc_id="d1")) == 1
    assert workspace.claims(doc_id="other") == []
    rows = {r["name"]: r for r in workspace.entities()}
    assert rows["Acme"]["links"][0]["entity_id"] == "ofac:1" and rows["Acme"]["documents"] == ["d1"]
    assert [r["name"] for r in workspace.entities(q="ira")] == ["Iran"]


def test_extraction_for_unknown_document(workspace):
    from mistrust.errors import NotFoundError

    with pytest.raises(NotFoundError):
        workspace.extraction_for("nope")


def test_analyze_stores_every_document(workspace, monkeypatch):
    docs = {d.id: d for d in (Document(id="da", text=TEXT_A), Document(id="db", text=TEXT_B))}
    monkeypatch.setattr(workspace, "documents", lambda limit=100, offset=0, q=None: list(docs.values())[offset:][:limit],
                        raising=False)
    monkeypatch.setattr(workspace, "get_document", lambda doc_id: docs[doc_id], raising=False)
    monkeypatch.setattr(workspace, "get_documents", lambda ids: [docs[i] for i in ids], raising=False)
    monkeypatch.setattr(workspace, "document_ids", lambda: list(docs), raising=False)
    assert workspace.analyze() == 2
    assert workspace.analyze() == 0  # nothing new
    stored = workspace.extraction_for("db")
    assert any(m.text == "Ned Price" and m.label == "Person" for m in stored.entities)
    assert {r["name"] for r in workspace.entities()} >= {"North Korea", "Iran", "Ned Price"}


# -- CLI ------------------------------------------------------------------------------------------


def _workspace(tmp_path: Path) -> str:
    """An empty workspace for ``extract``: it reads the lists (none here) to link names."""
    from mistrust.workspace import Workspace

    Workspace(tmp_path / "w.db", create=True).close()
    return str(tmp_path / "w.db")


def test_cli_extract_json(tmp_path: Path):
    src = tmp_path / "a.txt"
    src.write_text(TEXT_A, encoding="utf-8")
    res = CliRunner().invoke(main, ["--db", _workspace(tmp_path), "extract", "--json", str(src)])
    assert res.exit_code == 0, res.output
    out = json.loads(res.output)
    assert {"entities", "attributions", "claims", "status"} <= set(out)
    for e in out["entities"]:
        assert TEXT_A[e["start"]:e["end"]] == e["text"]


def test_cli_extract_stdin(tmp_path: Path):
    res = CliRunner().invoke(main, ["--db", _workspace(tmp_path), "extract", "--json", "-"], input=TEXT_B)
    assert res.exit_code == 0, res.output
    assert "Ned Price" in {e["text"] for e in json.loads(res.output)["entities"]}


@pytest.mark.parametrize("how", ["flag", "env"])
def test_cli_extract_nominals_on_request(tmp_path: Path, how: str):
    text = "They said the regime would fall. Officials in Ankara said we must wait."
    args = ["--db", _workspace(tmp_path), "extract", "--json", "-"]
    plain = json.loads(CliRunner().invoke(main, args, input=text).output)["entities"]
    if how == "flag":
        res = CliRunner().invoke(main, [*args, "--nominals"], input=text)
    else:
        res = CliRunner().invoke(main, args, input=text, env={"MISTRUST_EXTRACT_NOMINALS": "1"})
    assert res.exit_code == 0, res.output
    with_nominals = json.loads(res.output)["entities"]
    assert not {"They", "we", "the regime"} & {e["text"] for e in plain}
    assert {"They", "we"} <= {e["text"] for e in with_nominals}
    assert all(text[e["start"]:e["end"]] == e["text"] for e in with_nominals)


def test_cli_extract_jsonl_keeps_ids_and_reports_bad_lines(tmp_path: Path):
    lines = [json.dumps({"id": "r1", "text": TEXT_A}), "not json", json.dumps({"id": 7, "text": TEXT_B}),
             json.dumps({"id": "r3"})]
    res = CliRunner().invoke(main, ["--db", _workspace(tmp_path), "extract", "--jsonl", "-"],
                             input="\n".join(lines) + "\n")
    assert res.exit_code == 0, res.output
    out = [json.loads(line) for line in res.output.splitlines()]
    assert [o["id"] for o in out] == ["r1", 2, 7, "r3"]
    assert "entities" in out[0] and "error" in out[1] and "entities" in out[2] and "error" in out[3]


def test_cli_extract_missing_file(tmp_path: Path):
    res = CliRunner().invoke(main, ["--db", _workspace(tmp_path), "extract", str(tmp_path / "missing.txt")])
    assert res.exit_code == 3


def test_cli_entities_and_claims_json(tmp_path: Path):
    from mistrust import Workspace

    db = tmp_path / "w.db"
    with Workspace(db, create=True) as ws:
        store.save_extraction(ws.db, "d1", _sample_extraction())
    res = CliRunner().invoke(main, ["--db", str(db), "entities", "--json"])
    assert res.exit_code == 0, res.output
    assert {r["name"] for r in json.loads(res.output)} == {"Acme", "Iran"}
    res = CliRunner().invoke(main, ["--db", str(db), "claims", "--json", "--doc", "d1"])
    assert res.exit_code == 0, res.output
    claims = json.loads(res.output)
    assert claims[0]["predicate"] == "supply" and claims[0]["attribution"]["source"]["text"] == "AFP"
    res = CliRunner().invoke(main, ["--db", str(db), "entities"])
    assert res.exit_code == 0 and "Acme" in res.output


def test_ingest_then_analyze_end_to_end(workspace, tmp_path: Path):
    if not callable(getattr(workspace, "ingest", None)):
        pytest.skip("ingest not available")
    (tmp_path / "a.txt").write_text(TEXT_A, encoding="utf-8")
    (tmp_path / "b.txt").write_text(TEXT_B, encoding="utf-8")
    result = workspace.ingest([tmp_path / "a.txt", tmp_path / "b.txt"], analyze=True)
    assert result["new"] == 2
    for doc in workspace.documents():
        stored = workspace.extraction_for(doc.id)
        for m in stored.entities:
            assert doc.text[m.start:m.end] == m.text  # offsets point into the stored document text
    names = {r["name"] for r in workspace.entities()}
    assert {"North Korea", "Iran", "Ned Price", "Reuters"} <= names
    assert workspace.analyze() == 0  # everything analysed already
    assert workspace.analyze(force=True) == 2


@pytest.mark.parametrize(("payload", "code"), [("Café à Téhéran".encode("latin-1"), 3), (b"", 0)])
def test_cli_extract_bad_and_empty_input(tmp_path: Path, payload: bytes, code: int):
    src = tmp_path / "in.txt"
    src.write_bytes(payload)
    res = CliRunner().invoke(main, ["--db", _workspace(tmp_path), "extract", "--json", str(src)])
    assert res.exit_code == code, res.output
    if code == 0:
        assert json.loads(res.output)["entities"] == []


def test_claims_of_a_story(workspace, monkeypatch):
    from mistrust.model.corroboration import ClaimGroup

    ex = _sample_extraction()
    store.save_extraction(workspace.db, "d1", ex)
    cid = ex.claims[0].id
    assert cid is not None
    groups = {"s1": [ClaimGroup(id="g", story_id="s1", subject="Acme", predicate="supply", object="Iran", time=None,
                                claims=[cid])], "s2": []}
    monkeypatch.setattr(workspace, "story_claim_groups", lambda story_id: groups[story_id], raising=False)
    assert [c.id for c in workspace.claims(story_id="s1")] == [cid]
    assert workspace.claims(story_id="s2") == []


def test_mentions_the_linker_adds_reach_the_extraction():
    """The links component's own mentions (the possessor of "X's regime", a name the tagger split)
    are part of the reading's mentions, not only of the recognised list it fills in place."""
    from mistrust.extract.entities import Recognized
    from mistrust.extract.pipeline import DOC_TEXT, Reading

    def screen(q: NameQuery) -> list[Hit]:
        if q.name != "Dorian Velk":
            return []
        return [Hit(entity_id="test:6", entity_name="VELK, Dorian", schema="Person", list_version="v-test",
                    query_name=q.name, matched_name="VELK, Dorian", score=1.0, match=True, threshold=0.7,
                    algorithm="test", features=[FeatureResult("name_exact", 1.0, 1.0, "same name")])]

    text = "Dorian Velk's regime denied the report."
    ex = Extractor(ExtractOptions(claims=False), screen=screen)
    doc = ex.nlp(text)
    doc.user_data[DOC_TEXT] = text
    owner = "Dorian Velk's regime"
    rec = Recognized(Mention(text=owner, start=0, end=len(owner), label="Organization", extractor="test"))
    reading = Reading(doc, recognized=[rec], mentions=[rec.mention])
    next(c for c in ex.components if c.name == "links").run(reading)
    linked = {m.text: [h.entity_id for h in m.links] for m in reading.mentions}
    assert linked == {"Dorian Velk": ["test:6"], owner: []}
    assert [m.text for m in reading.mentions] == [r.mention.text for r in reading.recognized]


def test_a_replaced_extractor_is_given_back_to_the_collector(workspace):
    """When the lists change, the frozen extractor is replaced: its reference cycles (a spaCy
    pipeline has them) must be collected, not kept frozen for the life of the process."""
    import gc
    import weakref

    class Probe:
        pass

    gc.unfreeze()
    try:
        extractor = workspace.extractor()
        probe = Probe()
        probe.me = probe  # a cycle that only the old extractor reaches
        extractor.probe = probe
        gone = weakref.ref(probe)
        del probe
        gc.freeze()  # as load_state left it
        workspace._extractor_cache = ("lists of another day", extractor)
        del extractor
        fresh = workspace.extractor()
        assert gone() is None
        assert gc.get_freeze_count() > 0  # the new extractor is frozen again
        assert not hasattr(fresh, "probe")
    finally:
        gc.unfreeze()


def test_the_workspace_extractor_is_kept_out_of_full_collections(workspace):
    """The Workspace keeps its Extractor as long as the lists: a full collection must not walk its
    pipeline and identifier index each time extraction's garbage triggers one."""
    import gc

    gc.unfreeze()
    try:
        extractor = workspace.extractor()
        assert gc.get_freeze_count() > 0 and gc.isenabled()
        assert not any(obj is extractor for obj in gc.get_objects())  # frozen objects are in no generation
        assert workspace.extractor() is extractor  # built once per set of lists
    finally:
        gc.unfreeze()
