"""The extraction pipeline: spaCy, entities, links, attributions, claims, status -> ``Extraction``.

An :class:`Extractor` is assembled once from :class:`ExtractOptions` (model, linking threshold,
batch size), the list names for the entity ruler and the screening function for links, all passed
in by the caller: this engine reads neither the store nor the lists. ``extract_many`` runs
``nlp.pipe`` over many texts so a batch of thousands stays one process and one model.

After spaCy, the reading is a plain ordered list of :class:`Component` s (entities, links,
attribution, anaphora, claims, status), each declaring the :class:`Reading` fields it needs and makes;
``check_order`` refuses a list where a component would read what no earlier one made.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field, is_dataclass, replace
from typing import TYPE_CHECKING, Any

from mistrust.errors import ConfigError
from mistrust.extract.anaphora import Antecedents
from mistrust.extract.attribution import find_attributions
from mistrust.extract.attribution_model import TAGGER_VERSION, apply_tagger
from mistrust.extract.claims import find_claims
from mistrust.extract.entities import ENTITIES_VERSION, EntityRecognizer, Recognized
from mistrust.extract.identifiers import IdentifierIndex
from mistrust.extract.linking import LINKING_VERSION, Linker, LinkOptions, ScreenFn
from mistrust.extract.nlp import DEFAULT_MODEL, FULL_COMPONENTS, fold_typography, load_nlp, pipeline_info
from mistrust.extract.status import main_status
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
    # The parser alone takes larger batches: its transition steps score every open parse of the
    # batch in one matrix product, so more documents per batch cost less per document (about a
    # tenth less parser CPU at 32 than at 16 on 200 news articles), while tok2vec and NER are no
    # faster, or slower, with larger batches. The parses are the same (compared on those articles).
    parser_batch_size: int = 32
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


@dataclass
class Reading:
    """What the components read and write for one parsed text, field by field."""

    doc: Doc
    doc_id: str | None = None
    published: str | None = None
    recognized: list[Recognized] = field(default_factory=list)  # mentions with the evidence linking reads
    mentions: list[Mention] = field(default_factory=list)
    attributions: list[Attribution] = field(default_factory=list)
    antecedents: Antecedents | None = None  # what "it", "they", "the tanker" stand for, asked by claims
    claims: list[Claim] = field(default_factory=list)
    status: ClaimStatus | None = None


@dataclass(frozen=True)
class Component:
    """One step of the reading: its name, the ``Reading`` fields it needs and those it makes."""

    name: str
    needs: tuple[str, ...]
    makes: tuple[str, ...]
    run: Callable[[Reading], None]


def check_order(components: Sequence[Component]) -> None:
    """Every component's inputs are made by an earlier one (or are the parsed doc itself)."""
    made = {"doc", "doc_id", "published"}
    for c in components:
        missing = [n for n in c.needs if n not in made]
        if missing:
            raise ConfigError(f"extraction component {c.name!r} needs {missing}, made by no earlier component")
        made.update(c.makes)


class Extractor:
    def __init__(self, options: ExtractOptions | None = None, list_names: Iterable[tuple[str, str]] = (),
                 screen: ScreenFn | None = None, identifiers: IdentifierIndex | None = None) -> None:
        self.options = options or ExtractOptions()
        self.nlp = load_nlp(self.options.model, self.options.components, self.options.tuned_spacy)
        list_names = list(list_names)
        self.recognizer = EntityRecognizer(self.nlp, list_names, nominals=self.options.nominals)
        self.linker: Linker | None = None
        if screen is not None and self.options.link:
            self.linker = Linker(screen, LinkOptions(threshold=self.options.link_threshold,
                                                     limit=self.options.link_limit), identifiers)
        self.components = self._components()
        check_order(self.components)
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
                    folded = fold_typography(piece)
                    yield folded, (item, offset, n == len(pieces) - 1, folded)

        parts: list[tuple[int, Extraction]] = []
        for doc, (item, offset, last, piece) in self.nlp.pipe(chunks(), as_tuples=True,
                                                              batch_size=self.options.batch_size,
                                                              component_cfg=self.component_cfg()):
            # spaCy keeps doc.text identical to its input; Doc.text re-joins every token on each
            # access, so the components read this copy (see attribution_spans._doc_text).
            doc.user_data[DOC_TEXT] = piece
            extraction = self.from_doc(doc, doc_id=item.doc_id, published=item.published)
            _restore_texts(extraction, item.text[offset:offset + len(piece)])
            parts.append((offset, extraction))
            if last:
                yield parts[0][1] if len(parts) == 1 else _merge(parts, item.doc_id)
                parts = []

    def component_cfg(self) -> dict[str, dict[str, Any]]:
        """Per-component settings for ``nlp.pipe``: the parser's own batch size."""
        return {"parser": {"batch_size": self.options.parser_batch_size}}

    def from_doc(self, doc: Doc, doc_id: str | None = None, published: str | None = None) -> Extraction:
        reading = Reading(doc, doc_id=doc_id, published=published)
        for component in self.components:
            component.run(reading)
        return Extraction(entities=reading.mentions, attributions=reading.attributions, claims=reading.claims,
                          status=reading.status, doc_id=doc_id, extractor=self.version)

    # -- the components, in order --------------------------------------------------------------

    def _components(self) -> list[Component]:
        steps = [Component("entities", ("doc",), ("recognized", "mentions"), self._entities)]
        if self.linker is not None:
            steps.append(Component("links", ("recognized",), ("mentions",), self._links))
        if self.options.claims:
            steps += [Component("attribution", ("doc",), ("attributions",), self._attributions),
                      Component("anaphora", ("doc", "mentions"), ("antecedents",), _anaphora),
                      Component("claims", ("doc", "mentions", "attributions", "antecedents", "published", "doc_id"),
                                ("claims",), _claims),
                      Component("status", ("doc", "claims"), ("status",), _status)]
        return steps

    def _entities(self, r: Reading) -> None:
        r.recognized = self.recognizer(r.doc)
        r.mentions = [rec.mention for rec in r.recognized]

    def _links(self, r: Reading) -> None:
        assert self.linker is not None
        # The linker reads the text around a name and the tagger's own place labels; it fills each
        # mention's links in place.
        ents = [(e.start_char, e.end_char, e.label_) for e in r.doc.ents]
        self.linker.link_all(r.recognized, r.doc.user_data.get(DOC_TEXT) or r.doc.text, ents)
        # link_all also inserts mentions of its own (the possessor of "X's regime", a name the
        # tagger split, a listed number): the mentions are read again from the recognised list.
        r.mentions = [rec.mention for rec in r.recognized]

    def _attributions(self, r: Reading) -> None:
        found = find_attributions(r.doc)
        # The learned tagger (extract/attribution_model.py) corrects the rules' cues and sources.
        r.attributions = apply_tagger(r.doc, found) if self.options.attribution_tagger else found


def _anaphora(r: Reading) -> None:
    # resolves lazily: only the tokens the claim step asks about (claim arguments) cost anything
    r.antecedents = Antecedents(r.doc, r.mentions)


def _claims(r: Reading) -> None:
    r.claims = find_claims(r.doc, r.mentions, r.attributions, published=r.published, doc_id=r.doc_id,
                           antecedents=r.antecedents)
    for claim in r.claims:
        claim.doc_id = r.doc_id
        claim.id = claim.id or claim_id(r.doc_id, claim)


def _status(r: Reading) -> None:
    # With claims, the first claim's status is the text's; without, read the parse.
    r.status = main_status(Extraction(claims=r.claims) if r.claims else r.doc)


def _restore_texts(extraction: Extraction, original: str) -> None:
    """Mentions and claim sentences as written: the parser read the text with typographic quotes
    folded to ASCII (same offsets), what is shown keeps the text's own characters."""
    for m in extraction.entities:
        m.text = original[m.start:m.end]
    for c in extraction.claims:
        c.text = original[c.start:c.end]


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
             "start": c.start, "end": c.end, "text": c.text, "theme": c.theme, "amount": c.amount}
            for c in extraction.claims
        ],
        "status": extraction.status,
    }


__all__ = ["PIPELINE_VERSION", "ExtractOptions", "Extractor", "TextItem", "attribution_json", "claim_id",
           "extraction_json", "split_text"]
