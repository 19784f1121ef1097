"""The extraction pipeline: spaCy, entities, links, attributions, claims, status -> ``Extraction``.

An :class:`Extractor` is assembled once from :class:`ExtractOptions` (model, linking threshold,
batch size), the list names for the entity ruler and the screening function for links, all passed
in by the caller: this engine reads neither the store nor the lists. ``extract_many`` runs
``nlp.pipe`` over many texts so a batch of thousands stays one process and one model.

Attribution, claims and status are the E components (``attribution.find_attributions(doc)``,
``claims.find_claims(doc, mentions, attributions)``, ``status.main_status(...)``). They are looked
up when the extractor is built; a component whose module is not there yet is skipped and named in
``Extractor.missing`` (so an extraction never pretends to have looked for claims).
"""

from __future__ import annotations

import importlib
import inspect
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field, is_dataclass, replace
from typing import TYPE_CHECKING, Any

from mistrust.extract.attribution_model import TAGGER_VERSION, apply_tagger
from mistrust.extract.entities import ENTITIES_VERSION, EntityRecognizer, Recognized
from mistrust.extract.linking import LINKING_VERSION, Linker, LinkOptions, ScreenFn
from mistrust.extract.nlp import DEFAULT_MODEL, FULL_COMPONENTS, load_nlp, pipeline_info
from mistrust.model._ids import content_id
from mistrust.model.documents import Attribution, Claim, ClaimStatus, Extraction, Mention, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc

PIPELINE_VERSION = "pipeline-v1"
DOC_TEXT = "mistrust_text"  # doc.user_data key: the text the doc was made from


@dataclass(frozen=True)
class ExtractOptions:
    model: str = DEFAULT_MODEL
    components: tuple[str, ...] = FULL_COMPONENTS
    link: bool = True
    link_threshold: float = 0.85
    link_limit: int = 3
    batch_size: int = 16
    # Run E's components (attribution, claims, status) when their modules exist.
    claims: bool = True
    # Longer texts are parsed in pieces (cut at line ends) to bound the parser's memory.
    max_chunk_chars: int = 100_000
    # Pronoun and group-noun mentions ("we", "the regime"): re3d's scheme, off for analysts.
    nominals: bool = False
    # spaCy tuned for speed with the same output (nlp.py: FastAttributeRuler, numpy gemm); False
    # keeps spaCy as shipped, for speed comparisons.
    tuned_spacy: bool = True
    # The learned attribution tagger (extract/attribution_model.py) corrects the rules' top layer.
    attribution_tagger: bool = True


@dataclass
class TextItem:
    """One text of a batch: its id (kept on the Extraction) and publication date (for event time)."""

    text: str
    doc_id: str | None = None
    published: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)


def _optional(module: str, name: str) -> Callable[..., Any] | None:
    try:
        mod = importlib.import_module(f"mistrust.extract.{module}")
    except ImportError:
        return None
    fn = getattr(mod, name, None)
    return fn if callable(fn) else None


def _accepts(fn: Callable[..., Any], name: str) -> bool:
    try:
        params = inspect.signature(fn).parameters
    except (TypeError, ValueError):  # pragma: no cover - builtins
        return False
    return name in params or any(p.kind is inspect.Parameter.VAR_KEYWORD for p in params.values())


class Extractor:
    def __init__(self, options: ExtractOptions | None = None, list_names: Iterable[tuple[str, str]] = (),
                 screen: ScreenFn | None = None) -> None:
        self.options = options or ExtractOptions()
        self.nlp = load_nlp(self.options.model, self.options.components, self.options.tuned_spacy)
        list_names = list(list_names)
        self.recognizer = EntityRecognizer(self.nlp, list_names, nominals=self.options.nominals)
        self.linker: Linker | None = None
        if screen is not None and self.options.link:
            self.linker = Linker(screen, LinkOptions(threshold=self.options.link_threshold,
                                                     limit=self.options.link_limit))
        self._find_attributions = _optional("attribution", "find_attributions") if self.options.claims else None
        self._find_claims = _optional("claims", "find_claims") if self.options.claims else None
        self._main_status = _optional("status", "main_status") if self.options.claims else None
        self.missing = [name for name, fn in (("attribution", self._find_attributions),
                                              ("claims", self._find_claims),
                                              ("status", self._main_status)) if fn is None and self.options.claims]
        info = pipeline_info(self.nlp)
        self.version = (f"{PIPELINE_VERSION}+{info['model']}-{info['version']}+{ENTITIES_VERSION}"
                        f"+{LINKING_VERSION if self.linker else 'nolinks'}"
                        f"{'+' + TAGGER_VERSION if self.options.attribution_tagger else ''}")

    # -- public ------------------------------------------------------------------------------

    def extract(self, text: str, doc_id: str | None = None, published: str | None = None) -> Extraction:
        return next(self.extract_many([TextItem(text, doc_id, published)]))

    def extract_many(self, items: Iterable[TextItem | str]) -> Iterator[Extraction]:
        """Extractions in input order; spaCy runs in batches (``nlp.pipe``).

        A text longer than ``options.max_chunk_chars`` is parsed in pieces cut at line ends (the
        parser's memory grows with the text; a 20 MB document must not take the process down) and
        the pieces' offsets are shifted back, so every span still points into the text as given.
        """
        def chunks() -> Iterator[tuple[str, tuple[TextItem, int, bool, str]]]:
            for it in items:
                item = TextItem(it) if isinstance(it, str) else it
                pieces = split_text(item.text, self.options.max_chunk_chars)
                for n, (offset, piece) in enumerate(pieces):
                    yield piece, (item, offset, n == len(pieces) - 1, piece)

        parts: list[tuple[int, Extraction]] = []
        for doc, (item, offset, last, piece) in self.nlp.pipe(chunks(), as_tuples=True,
                                                              batch_size=self.options.batch_size):
            # spaCy keeps doc.text identical to its input; Doc.text re-joins every token on each
            # access, so the components read this copy (see attribution_spans._doc_text).
            doc.user_data[DOC_TEXT] = piece
            parts.append((offset, self.from_doc(doc, doc_id=item.doc_id, published=item.published)))
            if last:
                yield parts[0][1] if len(parts) == 1 else _merge(parts, item.doc_id)
                parts = []

    def from_doc(self, doc: Doc, doc_id: str | None = None, published: str | None = None) -> Extraction:
        recs = self.recognizer(doc)
        if self.linker is not None:
            self.linker.link_all(recs)
        mentions = [r.mention for r in recs]
        doc.user_data["mistrust_mentions"] = mentions  # for components that want them from the doc
        attributions = self._attributions(doc)
        claims = self._claims(doc, mentions, attributions, published, doc_id)
        for claim in claims:
            claim.doc_id = doc_id
            claim.id = claim.id or claim_id(doc_id, claim)
        extraction = Extraction(entities=mentions, attributions=attributions, claims=claims, doc_id=doc_id,
                                extractor=self.version)
        extraction.status = self._status(doc, extraction)
        return extraction

    # -- E's components, guarded ---------------------------------------------------------------

    def _attributions(self, doc: Doc) -> list[Attribution]:
        if self._find_attributions is None:
            return []
        found = list(self._find_attributions(doc))
        if not self.options.attribution_tagger:
            return found
        return apply_tagger(doc, found)

    def _claims(self, doc: Doc, mentions: Sequence[Mention], attributions: list[Attribution],
                published: str | None, doc_id: str | None) -> list[Claim]:
        if self._find_claims is None:
            return []  # claims.find_claims not available: the extraction says so in Extractor.missing
        kwargs: dict[str, Any] = {}
        if published and _accepts(self._find_claims, "published"):
            kwargs["published"] = published
        if doc_id and _accepts(self._find_claims, "doc_id"):
            kwargs["doc_id"] = doc_id  # the claims component sets its own deterministic ids
        return list(self._find_claims(doc, list(mentions), attributions, **kwargs))

    def _status(self, doc: Doc, extraction: Extraction) -> ClaimStatus | None:
        if self._main_status is None:
            return None
        # With claims, the first claim's status is the text's; without, read the parse.
        status: ClaimStatus = self._main_status(extraction if extraction.claims else doc)
        return status


def split_text(text: str, limit: int) -> list[tuple[int, str]]:
    """(offset, piece) pieces of at most ``limit`` characters, cut after a newline where possible."""
    if len(text) <= limit:
        return [(0, text)]
    out, start = [], 0
    while start < len(text):
        end = min(len(text), start + limit)
        if end < len(text):
            cut = text.rfind("\n", start + limit // 2, end)
            if cut < 0:
                cut = text.rfind(". ", start + limit // 2, end)
            if cut >= 0:
                end = cut + 1
        out.append((start, text[start:end]))
        start = end
    return out


def _shift_span(span: Span | None, offset: int) -> Span | None:
    return None if span is None else Span(span.text, span.start + offset, span.end + offset)


def _shift_attribution(a: Attribution, offset: int) -> Attribution:
    return replace(a, source=_shift_span(a.source, offset), cue=_shift_span(a.cue, offset),
                   content=_shift_span(a.content, offset))


def _merge(parts: list[tuple[int, Extraction]], doc_id: str | None) -> Extraction:
    """One extraction from the pieces of a long text, offsets back in the whole text."""
    merged = Extraction(doc_id=doc_id, extractor=parts[0][1].extractor, status=parts[0][1].status)
    for offset, ex in parts:
        for m in ex.entities:
            m.start += offset
            m.end += offset
            merged.entities.append(m)
        merged.attributions.extend(_shift_attribution(a, offset) for a in ex.attributions)
        for c in ex.claims:
            c.start += offset
            c.end += offset
            if c.attribution is not None:
                c.attribution = _shift_attribution(c.attribution, offset)
            c.id = claim_id(doc_id, c)  # ids from piece offsets could collide across pieces
            merged.claims.append(c)
    if merged.claims:
        merged.status = merged.claims[0].status
    return merged


def claim_id(doc_id: str | None, claim: Claim) -> str:
    """Deterministic: the same claim in the same document always gets the same id."""
    return content_id("claim", doc_id or "", claim.start, claim.end, claim.subject, claim.predicate,
                      claim.object, length=20)


def _span_json(span: Any) -> dict[str, Any] | None:
    return None if span is None else {"text": span.text, "start": span.start, "end": span.end}


def attribution_json(a: Attribution) -> dict[str, Any]:
    return {"source": _span_json(a.source), "cue": _span_json(a.cue), "content": _span_json(a.content),
            "chain": list(a.chain), "extractor": a.extractor}


def extraction_json(extraction: Extraction) -> dict[str, Any]:
    """The ``mistrust extract --json`` shape: entities, attributions, claims and the main status."""
    return {
        "doc_id": extraction.doc_id,
        "extractor": extraction.extractor,
        "entities": [
            {"text": m.text, "start": m.start, "end": m.end, "label": m.label, "canonical": m.canonical,
             "links": [asdict(h) if is_dataclass(h) and not isinstance(h, type) else h for h in m.links],
             "extractor": m.extractor}
            for m in extraction.entities
        ],
        "attributions": [attribution_json(a) for a in extraction.attributions],
        "claims": [
            {"id": c.id, "subject": c.subject, "predicate": c.predicate, "object": c.object, "time": c.time,
             "status": c.status, "attribution": attribution_json(c.attribution) if c.attribution else None,
             "start": c.start, "end": c.end, "text": c.text}
            for c in extraction.claims
        ],
        "status": extraction.status,
    }


def recognized(extractor: Extractor, text: str) -> list[Recognized]:
    """The entity layer's raw output for one text (for evaluation and debugging)."""
    return extractor.recognizer(extractor.nlp(text))


__all__ = ["PIPELINE_VERSION", "ExtractOptions", "Extractor", "TextItem", "attribution_json", "claim_id",
           "extraction_json", "recognized", "split_text"]
