"""Undated documents join a story only with anchors of the same happening (issue 5).

All texts are written for these tests. Without publication dates the clusterer cannot use its time
window, so topical likeness (the same countries, sanctions, the Security Council) must not be
enough: it needs two of a shared verbatim passage, the same event year, rare shared word pairs.
"""

from __future__ import annotations

import pytest

from mistrust.corroborate import StoryClusterer, StoryState, cluster, doc_features
from mistrust.model import Document

MISSILE = Document(
    id="missile",
    title="North Korea fires ballistic missile into sea off Japan",
    text=(
        "North Korea fired a ballistic missile from its east coast early on Thursday, the South Korean "
        "military said, the latest in a series of launches condemned by the United States. Japan's coast "
        "guard warned ships to stay clear of the splashdown area inside its exclusive economic zone. "
        "The launch in 2022 breached United Nations Security Council resolutions that ban Pyongyang from "
        "ballistic missile development, and Washington called for new sanctions. Analysts said the "
        "solid-fuel rocket flew on a lofted trajectory, reaching an altitude of roughly 2,000 kilometres."
    ),
)
TANKER = Document(
    id="tanker",
    title="Iran's Revolutionary Guards seize foreign oil tanker in the Gulf",
    text=(
        "Iran's Revolutionary Guards seized a foreign oil tanker in the Strait of Hormuz on Thursday, "
        "accusing its crew of smuggling fuel, state television reported. Speedboats surrounded the "
        "vessel before commandos boarded it and steered it to the port of Bandar Abbas. The United "
        "States condemned the seizure in 2022 as a breach of international law and said it was in "
        "contact with the ship's owners; the Security Council was not asked to meet. Shipping insurers "
        "raised premiums for Gulf voyages after the capture of the tanker and its twenty crew members."
    ),
)
REPORT_A = Document(
    id="report-a",
    title="Panel says Arvania resumed fuel shipments to sanctioned port",
    text=(
        "Arvania resumed covert fuel shipments to the sanctioned port of Velmora in 2023, a confidential "
        "report by the independent panel of experts says. \u201cThe shipments were carried out by "
        "ship-to-ship transfers at night with transponders switched off,\u201d the panel wrote, naming "
        "three tankers. The panel also found forged cargo manifests and front companies registered "
        "in free trade zones. Arvania's foreign ministry called the findings fabricated."
    ),
)
REPORT_B = Document(
    id="report-b",
    title="Sanctions monitors accuse Arvania over Velmora fuel deliveries",
    text=(
        "Monitors accuse Arvania of covert fuel shipments to Velmora, according to a report seen by "
        "reporters. \u201cThe shipments were carried out by ship-to-ship transfers at night with "
        "transponders switched off,\u201d states the report, which dates the resumed deliveries to 2023. "
        "It cites forged cargo manifests and a network of front companies. Officials in Arvania "
        "rejected the report."
    ),
)
# Same place and topic as REPORT_A, a different happening years earlier, no shared passage.
OLDER = Document(
    id="older",
    title="Arvania fuel tanker detained near Velmora",
    text=(
        "Coast guards detained a tanker carrying Arvanian fuel near Velmora in 2016, port officials "
        "said, the first seizure since sanctions on the port took effect. The crew were questioned "
        "about the cargo and released after two days. Arvania demanded the return of the vessel and "
        "its fuel, and the shipping company said it had done nothing wrong."
    ),
)


def _stories(*docs: Document) -> dict[str, str]:
    return {a.doc_id: a.story_id for a in cluster([(d, None) for d in docs])}


@pytest.mark.parametrize(
    ("docs", "together"),
    [
        ((MISSILE, TANKER), False),  # different events that share actors, a year and the Council
        ((REPORT_A, REPORT_B), True),  # one report, two write-ups: quote, year and phrases shared
        ((REPORT_A, OLDER), False),  # same place and topic, an earlier happening
    ],
)
def test_undated_pairs(docs: tuple[Document, Document], together: bool) -> None:
    placed = _stories(*docs)
    assert (placed[docs[0].id] == placed[docs[1].id]) is together


def test_undated_join_gives_its_anchors_and_a_margin() -> None:
    cl = StoryClusterer()
    feats = [doc_features(d) for d in (REPORT_A, REPORT_B)]
    cl.observe(feats)
    cl.add(feats[0])
    story = next(iter(cl.stories.values()))
    anchors = cl.anchors(feats[1], story)
    assert "passage" in anchors and "year" in anchors
    assert len(anchors) > cl.undated_anchors - 1
    assert cl.similarity(feats[1], story)[0] >= cl.undated_threshold
    joined = cl.add(feats[1])
    assert not joined.opened and "anchored by" in joined.reason and "passage" in joined.reason


def test_unrelated_undated_pair_has_too_few_anchors() -> None:
    cl = StoryClusterer()
    feats = [doc_features(d) for d in (MISSILE, TANKER)]
    cl.observe(feats)
    cl.add(feats[0])
    anchors = cl.anchors(feats[1], next(iter(cl.stories.values())))
    assert "passage" not in anchors
    assert not any(a.startswith("phrases") for a in anchors), anchors  # "security council" is a name
    assert len(anchors) < cl.undated_anchors


def test_year_anchor_uses_the_newest_year_named() -> None:
    cl = StoryClusterer()
    feats = [doc_features(d) for d in (REPORT_A, OLDER)]
    cl.observe(feats)
    cl.add(feats[1])
    assert feats[1].years == [2016] and feats[0].years == [2023]
    assert "year" not in cl.anchors(feats[0], next(iter(cl.stories.values())))


def test_dated_story_and_undated_report_of_the_same_event() -> None:
    dated = Document(id="dated", title=REPORT_A.title, text=REPORT_A.text, published="2023-05-02")
    placed = _stories(dated, REPORT_B)
    assert placed["dated"] == placed["report-b"]


def test_state_round_trip_keeps_anchor_evidence_and_reads_old_state() -> None:
    cl = StoryClusterer()
    cl.observe([doc_features(REPORT_A)])
    cl.add(doc_features(REPORT_A))
    state = next(iter(cl.stories.values()))
    again = StoryState.from_json(state.to_json())
    assert again.passages == state.passages and state.passages
    assert again.years == [2023] and again.phrases == state.phrases and state.phrases
    old = {k: v for k, v in state.to_json().items() if k not in ("passages", "years", "phrases")}
    assert StoryState.from_json(old).passages == []
