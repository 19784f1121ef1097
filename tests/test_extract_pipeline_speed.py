"""The pipeline's speed-ups give the same results as what they replace.

- ``FastAttributeRuler`` (extract/nlp.py) against spaCy's own ``AttributeRuler`` with the same rules,
  token by token, on texts that fire the one-token, multi-token and regex rules;
- the bisect overlap resolution of entity candidates (``entities._resolve``) against a plain scan.
"""

from __future__ import annotations

import random

import pytest

from mistrust.extract.entities import Candidate, resolve
from mistrust.extract.nlp import DEFAULT_MODEL, FastAttributeRuler, load_nlp, use_fast_attribute_ruler

TEXTS = [
    # multi-token rules: "ai n't", "gon na", "got ta", "let 's", "c'm on", "y'all", "there is" (expl)
    "I ain't gonna sign it, y'all. Let's go! There is a cat and there were two dogs. Gotta run, c'mon.",
    # the one-token regex rule ("nothin'") and the rule alternatives ("gets" / "got")
    "He said nothin' about it. She gets the files; he got the parts.",
    # whitespace tokens (their own TAG/POS/DEP rule), pronouns, determiners, modals
    "Tehran  said\n\n it would never ship anything to anyone.  \r\n  Those who did may be sanctioned.",
    "Iran's Foreign Ministry denied that North Korea supplied missile parts, according to Reuters.",
    "",
    "   ",
]


@pytest.fixture(scope="module")
def rulers():
    spacy = pytest.importorskip("spacy")
    stock = spacy.load(DEFAULT_MODEL, exclude=["ner", "lemmatizer", "senter"])
    fast = spacy.load(DEFAULT_MODEL, exclude=["ner", "lemmatizer", "senter"])
    assert use_fast_attribute_ruler(fast), "the shipped model's rules should be convertible"
    return stock, fast


def _annotations(doc):
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_) for t in doc]


@pytest.mark.parametrize("text", TEXTS)
def test_fast_attribute_ruler_equals_spacy(rulers, text):
    stock, fast = rulers
    assert isinstance(fast.get_pipe("attribute_ruler"), FastAttributeRuler)
    assert fast.pipe_names == stock.pipe_names
    assert _annotations(fast(text)) == _annotations(stock(text))


def test_fast_attribute_ruler_fires_the_exceptions(rulers):
    """Not only equal: the rules really ran (lemmas and POS the tagger alone does not give)."""
    _, fast = rulers
    doc = fast(TEXTS[0] + " " + TEXTS[1])
    by_text = {t.text: t for t in doc}
    assert by_text["gon"].lemma_ == "go" and by_text["na"].lemma_ == "to"  # two-token rule, index 1
    assert by_text["nothin'"].lemma_ == "nothing"  # regex rule
    assert by_text["I"].pos_ == "PRON" and by_text["a"].pos_ == "DET"  # tag map
    assert any(t.lower_ == "is" and t.pos_ == "VERB" for t in doc)  # "There is": DEP expl rule


def test_pipeline_loads_the_fast_ruler_in_place():
    nlp = load_nlp()
    assert isinstance(nlp.get_pipe("attribute_ruler"), FastAttributeRuler)
    assert nlp.pipe_names.index("attribute_ruler") == nlp.pipe_names.index("parser") + 1


@pytest.mark.parametrize("pattern, ok", [
    ([[{"TAG": "NN", "LOWER": "x"}]], True),
    ([[{"LOWER": "a"}, {"LOWER": {"REGEX": "^b"}}]], True),
    ([[{"ORTH": "x"}]], False),  # a key the fast ruler does not read
    ([[{"LOWER": "a", "OP": "+"}]], False),  # operators: variable-length matches
    ([[{"LOWER": {"REGEX": "^a"}}, {"LOWER": {"REGEX": "^b"}}]], False),  # no finite anchor
])
def test_unsupported_rules_keep_the_stock_ruler(pattern, ok):
    spacy = pytest.importorskip("spacy")
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add(pattern, {"LEMMA": "z"})
    assert FastAttributeRuler.convertible(ruler) is ok
    assert use_fast_attribute_ruler(nlp) is ok
    assert isinstance(nlp.get_pipe("attribute_ruler"), FastAttributeRuler) is ok


def _resolve_by_scan(cands: list[Candidate]) -> list[Candidate]:
    """The reference: every chosen span is compared with every candidate."""
    from mistrust.extract.entities import tier

    chosen: list[Candidate] = []
    for cand in sorted(cands, key=lambda c: (-tier(c), -c.length, -c.priority, c.start)):
        if cand.end <= cand.start:
            continue
        if any(cand.start < c.end and c.start < cand.end for c in chosen):
            continue
        chosen.append(cand)
    return sorted(chosen, key=lambda c: (c.start, c.end))


@pytest.mark.parametrize("seed", range(30))
def test_resolve_equals_plain_scan(seed):
    rng = random.Random(seed)
    cands = []
    for _ in range(rng.randint(0, 80)):
        start = rng.randint(0, 200)
        end = start + rng.randint(-1, 25)  # includes empty and reversed spans, which are dropped
        cands.append(Candidate(start, end, "Organization", rng.choice([1, 2, 3, 4]), "test"))
    assert resolve(cands) == _resolve_by_scan(cands)


def test_numpy_gemm_gives_the_same_annotations():
    """The tuned pipeline (numpy matrix products, fast rules) parses and tags exactly like spaCy as shipped."""
    from thinc.api import NumpyOps

    tuned = load_nlp(tuned=True)
    stock = load_nlp(tuned=False)
    assert tuned is not stock
    ops = {type(n.ops).__name__ + str(getattr(n.ops, "use_blis", None))
           for _, c in tuned.pipeline if hasattr(c, "model") for n in c.model.walk()}
    assert ops == {"NumpyOpsFalse"}, ops
    assert any(isinstance(n.ops, NumpyOps) and n.ops.use_blis
               for _, c in stock.pipeline if hasattr(c, "model") for n in c.model.walk())
    for a, b in zip(tuned.pipe(TEXTS), stock.pipe(TEXTS), strict=True):
        assert [(t.tag_, t.pos_, t.dep_, t.head.i, t.ent_iob_, t.ent_type_) for t in a] == \
               [(t.tag_, t.pos_, t.dep_, t.head.i, t.ent_iob_, t.ent_type_) for t in b]


def test_row_memo_equals_the_string_key_plan(rulers):
    """The ruler's plans memoised by raw columns are the plans built from the string key, and a
    second pass (every token from the memo) still annotates as spaCy's own ruler does."""
    from spacy.attrs import DEP, IS_SPACE, LOWER, TAG

    stock, fast = rulers
    ruler = fast.get_pipe("attribute_ruler")
    text = " ".join(TEXTS)
    first = _annotations(fast(text))
    assert ruler._by_row, "the memo should hold the rows just seen"
    assert _annotations(fast(text)) == first == _annotations(stock(text))
    with fast.select_pipes(disable=["attribute_ruler"]):
        doc = fast(text)
    for tag, lower, dep, space in doc.to_array([TAG, LOWER, DEP, IS_SPACE]).tolist():
        key = (fast.vocab.strings[tag], ruler._named("LOWER", lower, ruler.lowers),
               ruler._named("DEP", dep, ruler.deps), bool(space))
        assert ruler._by_row[(tag, lower, dep, space)] == ruler._resolve(key)


def test_event_positions_equal_the_token_scan(rulers):
    """find_claims's candidate tokens read off the Doc arrays are those a token-by-token test picks."""
    from mistrust.extract.claims import _event_positions
    from mistrust.extract.frames import DESTINATION_PARTICIPLES

    _, fast = rulers
    texts = [*TEXTS, "Arms bound for the rebels were seized; the cargo, destined for Kavra, was MEANT to sail."]
    for doc in fast.pipe(texts):
        expected = [t.i for t in doc if t.pos_ in ("VERB", "AUX", "NOUN") or t.lower_ in DESTINATION_PARTICIPLES]
        assert _event_positions(doc) == expected
    assert any(_event_positions(d) for d in fast.pipe(texts))


def test_parser_batch_size_gives_the_same_parses():
    """The parser runs in its own, larger batches (``ExtractOptions.parser_batch_size``): every
    document is parsed as when the parser takes one document at a time."""
    from mistrust.extract.pipeline import ExtractOptions, Extractor

    extractor = Extractor(ExtractOptions(link=False, claims=False))
    cfg = extractor.component_cfg()
    assert cfg["parser"]["batch_size"] > extractor.options.batch_size
    # documents of different lengths, so that the batches mix short and long parses
    texts = [" ".join(TEXTS[i % len(TEXTS)] for i in range(k, k + 1 + k % 4)) for k in range(40)]

    def parses(docs):
        return [[(t.dep_, t.head.i, t.tag_, t.is_sent_start, t.ent_type_) for t in doc] for doc in docs]

    nlp = extractor.nlp
    one = parses(nlp.pipe(texts, batch_size=16, component_cfg={"parser": {"batch_size": 1}}))
    assert parses(nlp.pipe(texts, batch_size=extractor.options.batch_size, component_cfg=cfg)) == one
    assert any(dep == "nsubj" for doc in one for dep, *_ in doc)


def _line_starts_by_scan(doc):
    """The reference: a word right after a whitespace token holding a line break starts a sentence."""
    return [t.i for t in doc[1:] if not t.is_space and doc[t.i - 1].is_space and "\n" in doc[t.i - 1].text]


@pytest.mark.parametrize("text", [
    "Headline here\n\nThe ministry said on Monday.\nA second line  with two spaces.",
    "One line only, no break at all.",
    "Trailing break\n",
    "\n\nLeading breaks then words\r\n\r\nand Windows breaks\n  \nand an indented line.",
    "Spaces   inside   a line are no break.",
    "",
])
def test_line_sentences_reads_the_arrays_as_the_token_scan(text):
    """``line_sentences`` finds its candidates off the Doc's IS_SPACE array: the same sentence
    starts as a token-by-token scan (and none where a whitespace token holds no line break)."""
    from mistrust.extract.nlp import line_sentences

    nlp = load_nlp()
    doc = line_sentences(nlp.make_doc(text))
    expected = _line_starts_by_scan(doc)
    assert [t.i for t in doc[1:] if t.is_sent_start] == expected
    if "  " in text and "\n" not in text:
        assert expected == []
    if "\n\nThe" in text:
        assert any(doc[i].text == "The" for i in expected)
