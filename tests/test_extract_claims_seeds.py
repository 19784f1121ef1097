"""The seed reports (../shared/seeds, see EXPECTED.md): claims, their sources, chains and statuses.

Runs the whole extraction (entities from the pipeline, then attribution, claims and status) on
the two seed texts as they are stored, boilerplate included.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from mistrust.model.documents import Claim, Extraction


@pytest.fixture(scope="module")
def extractor():
    from mistrust.extract.pipeline import ExtractOptions, Extractor

    return Extractor(ExtractOptions(link=False))


def _extract(extractor, seeds_dir: Path, name: str) -> Extraction:
    path = next(seeds_dir.glob(f"{name}_*.txt"))
    return extractor.extract(path.read_text(encoding="utf-8"), doc_id=name, published="2021-02-09")


def _pair(c: Claim) -> set[str]:
    return {c.subject_canonical or c.subject or "", c.object_canonical or c.object or ""}


def test_seed_000_central_claim_chain(extractor, seeds_dir: Path) -> None:
    ext = _extract(extractor, seeds_dir, "000")
    central = [c for c in ext.claims if c.predicate == "cooperate" and _pair(c) == {"Iran", "North Korea"}]
    assert central, [(c.predicate, c.subject, c.object) for c in ext.claims]
    # "... resumed cooperation ... in 2020, according to a UN report", under France24 citing AFP
    dated = [c for c in central if c.time == "2020"]
    assert dated and dated[0].status == "attributed"
    chain = dated[0].attribution.chain if dated[0].attribution else []
    assert any("France24" in link for link in chain)
    assert any("AFP" in link for link in chain)
    assert "UN report" in chain[-1]
    # within the report, the claim comes from "an unnamed member state"
    assert any(c.attribution and c.attribution.chain and c.attribution.chain[-1] == "an unnamed member state"
               for c in central)


def test_seed_000_other_claims(extractor, seeds_dir: Path) -> None:
    ext = _extract(extractor, seeds_dir, "000")
    # WSJ, Feb 2018, citing a UN report: North Korea shipped supplies to Syria
    syria = [c for c in ext.claims if c.predicate == "transfer" and _pair(c) == {"North Korea", "Syria"}]
    assert syria and syria[0].status == "attributed"
    att = syria[0].attribution
    assert att is not None and "Wall Street Journal" in att.chain[0] and "UN report" in att.chain[-1]
    assert any(a.time == "2018-02" for a in ext.attributions if a.source and "Wall Street" in a.source.text)
    # Bloomberg: North Korean specialists supported the Shahid Haj Ali Movahed Research Center
    movahed = [c for c in ext.claims if c.predicate == "support" and "Movahed" in (c.object or "")]
    assert movahed and movahed[0].status == "attributed"
    assert movahed[0].attribution is not None and movahed[0].attribution.chain[0] == "Bloomberg"
    # Hamas tunnels "may" have used North Korean expertise: hedged
    assert any(c.status == "hedged" and "North Korea" in _pair(c) and "tunnel" in c.text for c in ext.claims)
    # Jerusalem Post, March 2016
    assert any(a.time == "2016-03" and a.source and "Jerusalem Post" in a.source.text for a in ext.attributions)
    assert any(c.attribution and c.attribution.source and "Jerusalem Post" in c.attribution.source.text
               and "North Korea" in _pair(c) for c in ext.claims)


def test_seed_001_denial_and_central_claim(extractor, seeds_dir: Path) -> None:
    ext = _extract(extractor, seeds_dir, "001")
    denied = [c for c in ext.claims if c.status == "denied" and c.predicate == "cooperate"]
    assert denied, [(c.predicate, c.status, c.text[:40]) for c in ext.claims]
    assert "North Korea" in _pair(denied[0]) and "Tehran" in denied[0].text
    central = [c for c in ext.claims if c.time == "2020" and "Iran" in _pair(c)]
    assert central and central[0].status == "attributed"
    assert central[0].attribution is not None and "AFP" in central[0].attribution.chain
    for claim in ext.claims:
        assert ext_text(extractor, seeds_dir)[claim.start:claim.end] == claim.text


def ext_text(extractor, seeds_dir: Path) -> str:
    return next(seeds_dir.glob("001_*.txt")).read_text(encoding="utf-8")
