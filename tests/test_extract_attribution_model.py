"""The learned attribution tagger: its training script on a tiny corpus, and the shipped weights.

Every sentence here was written for this test (no corpus text). The training test builds a few
brat-format articles in a temporary folder, trains on them with the script's own entry point and
checks the result tags an unseen "X said" sentence; the shipped-model tests run the weights in
``mistrust/data`` on varied sentences, with cases where nothing may be tagged.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from mistrust.extract.attribution import find_attributions
from mistrust.extract.attribution_model import apply_tagger, load_tagger, read_tagger, save_tagger, tag_spans
from mistrust.extract.attribution_training import main as train_main
from mistrust.extract.attribution_training import read_articles

# (text, [(role, phrase)]) of the synthetic training corpus: role T = cue, S = source.
CORPUS = [
    ("The mayor said the bridge would reopen in May. Traffic was light.", [("S", "The mayor"), ("C", "said")]),
    ("Rain fell all night. The coach said the team was ready.", [("S", "The coach"), ("C", "said")]),
    ("A spokeswoman said prices would rise. The store opened early.", [("S", "A spokeswoman"), ("C", "said")]),
    ("The farmers planted corn. Their union said the harvest looked good.",
     [("S", "Their union"), ("C", "said")]),
    ("The governor told reporters the budget was balanced.", [("S", "The governor"), ("C", "told")]),
    ("Police said two cars collided on the highway. Nobody was hurt.", [("S", "Police"), ("C", "said")]),
    ("Workers repaired the road. The train departed at noon. Children played in the park.", []),
    ("The council approved the plan. A truck delivered bricks to the school.", []),
]


def _brat(text: str, marks: list[tuple[str, str]]) -> str:
    lines = []
    for n, (role, phrase) in enumerate(marks, 1):
        start = text.index(phrase)
        kind = "Cue" if role == "C" else "Source"
        lines.append(f"T{n}\t{kind} {start} {start + len(phrase)}\t{phrase}")
    return "\n".join(lines) + "\n"


def _corpus(root: Path) -> Path:
    (root / "text").mkdir(parents=True)
    (root / "attributions").mkdir()
    for n, (text, marks) in enumerate(CORPUS):
        (root / "text" / f"doc{n:02d}.txt").write_text(text, encoding="utf-8")
        (root / "attributions" / f"doc{n:02d}_ann1.ann").write_text(_brat(text, marks), encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def nlp() -> Any:
    from mistrust.extract.nlp import load_nlp

    return load_nlp()


def _tagged(nlp: Any, text: str, tagger: Any = None) -> tuple[list[str], list[str]]:
    doc = nlp(text)
    cues, sources = tag_spans(doc, find_attributions(doc), tagger)
    return [text[s:e] for s, e in cues], [text[s:e] for s, e in sources]


def test_reader_skips_held_out_articles_and_second_annotations(tmp_path: Path) -> None:
    root = _corpus(tmp_path / "corpus")
    (root / "attributions" / "doc00_ann2.ann").write_text("", encoding="utf-8")  # a second annotator
    articles = read_articles(root, skip=2)
    assert [a.name for a in articles] == [f"doc{n:02d}" for n in range(2, len(CORPUS))]
    first = read_articles(root, limit=1)[0]
    assert [first.text[s:e] for s, e in first.cues] == ["said"]
    assert [first.text[s:e] for s, e in first.sources] == ["The mayor"]


def test_training_script_learns_x_said(tmp_path: Path, nlp: Any) -> None:
    root = _corpus(tmp_path / "corpus")
    out = tmp_path / "tagger.bin.gz"
    assert train_main(["--data", str(root), "--out", str(out), "--epochs", "5"]) == 0
    tagger = read_tagger(out)
    cues, sources = _tagged(nlp, "The captain said the ship was safe.", tagger)
    assert cues == ["said"]
    assert sources == ["The captain"]
    assert _tagged(nlp, "The ship left the harbour at dawn.", tagger) == ([], [])
    # Same data, same seed: the same bytes.
    again = tmp_path / "again.bin.gz"
    assert train_main(["--data", str(root), "--out", str(again), "--epochs", "5"]) == 0
    assert again.read_bytes() == out.read_bytes()


def test_weights_round_trip(tmp_path: Path) -> None:
    tagger = load_tagger()
    path = tmp_path / "copy.bin.gz"
    save_tagger(tagger, path)
    copy = read_tagger(path)
    assert copy.use_rules and (copy.weights != 0).any()
    assert (copy.weights == tagger.weights).all() and (copy.transitions == tagger.transitions).all()
    assert load_tagger() is tagger  # read once per process


# (text, cue that must be tagged, a word of its source or None when it has none)
POSITIVE = [
    ("The harbour master said on Tuesday that the cargo had been inspected.", "said", "master"),
    ("Two diplomats told reporters the envoy would arrive next week.", "told", "diplomats"),
    ("“We will not pay,” the company’s lawyer said after the hearing.", "said", "lawyer"),
    ("According to the ministry, the convoy crossed the border at night.", "According to", "ministry"),
    ("She insisted that the contract had never been signed.", "insisted", "She"),
    ("The coastguard announced that the tanker was detained.", "announced", "coastguard"),
]
NEGATIVE = [
    "The tanker sailed to the port on Monday and unloaded its cargo.",
    "Prices of wheat rose by ten percent last year.",
    "A storm closed the airport for two days.",
]


@pytest.mark.parametrize(("text", "cue", "source"), POSITIVE)
def test_shipped_tagger_finds_cue_and_source(nlp: Any, text: str, cue: str, source: str) -> None:
    cues, sources = _tagged(nlp, text)
    assert any(cue.lower() in c.lower() for c in cues), cues
    assert any(source in s for s in sources), sources


@pytest.mark.parametrize("text", NEGATIVE)
def test_shipped_tagger_leaves_plain_events_alone(nlp: Any, text: str) -> None:
    assert _tagged(nlp, text) == ([], [])


def test_apply_tagger_keeps_spans_in_the_text(nlp: Any) -> None:
    text = ("The port authority said the ship carried grain. It was searched twice. "
            "Inspectors found nothing unusual, a customs officer told the radio station.")
    doc = nlp(text)
    atts = apply_tagger(doc, find_attributions(doc))
    cues = [a.cue.text for a in atts if a.cue is not None]
    assert "said" in cues and "told" in cues
    for a in atts:
        for span in (a.source, a.cue, a.content):
            if span is not None:
                assert text[span.start:span.end] == span.text
    said = next(a for a in atts if a.cue is not None and a.cue.text == "said")
    assert said.source is not None and "authority" in said.source.text


def test_pipeline_option_switches_the_tagger() -> None:
    from mistrust.extract.attribution import top_level
    from mistrust.extract.attribution_model import TAGGER_VERSION
    from mistrust.extract.pipeline import ExtractOptions, Extractor

    # "want" is inside the mayor's content: the rules still list it as a top-level attribution,
    # the tagger (as PolNeAR annotates) does not; it stays as a nested layer for the claims.
    text = "Voters want lower taxes, the mayor thinks. Her aide said the law would pass."
    on = Extractor(ExtractOptions(link=False)).extract(text)
    off = Extractor(ExtractOptions(link=False, attribution_tagger=False)).extract(text)
    assert TAGGER_VERSION in on.extractor and TAGGER_VERSION not in off.extractor
    cues_on = [a.cue.text for a in top_level(on.attributions, text) if a.cue is not None]
    cues_off = [a.cue.text for a in top_level(off.attributions, text) if a.cue is not None]
    assert "want" in cues_off and "want" not in cues_on
    for ex in (on, off):
        assert any(a.cue is not None and a.cue.text == "said" and a.source is not None
                   and "aide" in a.source.text for a in ex.attributions)


def _silent_tagger() -> Any:
    """A tagger that tags nothing: every cue of the rules' top layer goes unconfirmed."""
    import numpy as np

    from mistrust.extract.attribution_features import BITS
    from mistrust.extract.attribution_model import LABELS, Tagger

    return Tagger(np.zeros((1 << BITS, len(LABELS)), dtype=np.float32),
                  np.zeros((len(LABELS) + 1, len(LABELS)), dtype=np.float32))


@pytest.mark.parametrize(("text", "inner", "speaker"), [
    ("Minsk said it had never shipped fuel to Caracas, state media reported.", "said", "Minsk"),
    ("Lima denied that its navy escorted the tanker, the official news agency reported.", "denied", "Lima"),
    ("Quito told reporters that the convoy crossed at night, a state newspaper reported on Sunday.", "told",
     "Quito"),
])
def test_untagged_cue_inside_a_relay_stays_as_a_nested_layer(nlp: Any, text: str, inner: str, speaker: str) -> None:
    """PolNeAR gives each token one role, so the tagger leaves a speaker inside a relay's content
    untagged: that is no verdict on the cue. It stays, with its own source, out of the top layer."""
    from mistrust.extract.attribution import top_level

    doc = nlp(text)
    rules = find_attributions(doc)
    assert any(a.cue is not None and a.cue.text == inner for a in top_level(rules, text))  # named: top layer
    out = apply_tagger(doc, rules, _silent_tagger())
    kept = [a for a in out if a.cue is not None and a.cue.text == inner]
    assert kept and kept[0].source is not None and kept[0].source.text == speaker
    assert not any(a.cue is not None and a.cue.text == inner for a in top_level(out, text))


def test_untagged_cue_of_its_own_is_dropped(nlp: Any) -> None:
    """A top-layer cue inside nobody's content that the tagger does not confirm still goes."""
    text = "Minsk said it had never shipped fuel to Caracas."
    doc = nlp(text)
    assert [a.cue.text for a in find_attributions(doc) if a.cue is not None] == ["said"]
    assert apply_tagger(doc, find_attributions(doc), _silent_tagger()) == []


def test_viterbi_is_the_best_allowed_path_of_each_sentence() -> None:
    """Sentences of different lengths decoded in one batch: each gets the best label sequence
    allowed (an I- label only after its own B- or I-), as an exhaustive search finds it."""
    from itertools import product

    import numpy as np

    from mistrust.extract.attribution_model import LABELS, viterbi

    def allowed(path: tuple[int, ...]) -> bool:
        names = [LABELS[j] for j in path]
        return all(not n.startswith("I-") or (i > 0 and names[i - 1][2:] == n[2:]) for i, n in enumerate(names))

    def best(emission: np.ndarray, transitions: np.ndarray) -> list[int]:
        k = len(LABELS)
        scored = [(transitions[k, p[0]] + emission[0, p[0]]
                   + sum(transitions[p[i - 1], p[i]] + emission[i, p[i]] for i in range(1, len(p))), p)
                  for p in product(range(k), repeat=len(emission)) if allowed(p)]
        return list(max(scored)[1])

    rng = np.random.default_rng(7)
    for lengths in ([1], [4, 1, 3], [2, 5, 5, 1], [3, 2, 4]):
        emissions = [rng.normal(size=(n, len(LABELS))) for n in lengths]
        transitions = rng.normal(size=(len(LABELS) + 1, len(LABELS))).astype(np.float32)
        assert viterbi(emissions, transitions) == [best(e, transitions) for e in emissions]
