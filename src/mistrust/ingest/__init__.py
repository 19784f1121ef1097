"""Reading reports: files, directories, URLs and feeds to cleaned Documents.

``Ingestor`` (run.py) plans and reads sources; ``readers`` handles local files, ``fetch``
safe HTTP, ``feeds`` RSS/Atom, ``html`` trafilatura extraction, ``model.decode`` bytes to text (shared with the list loaders and batch screening),
``clean`` the text-level boilerplate cleaner and ``documents`` the Document with its
content-hash id. Engines import only model, errors and settings.
"""

from __future__ import annotations

from mistrust.ingest.clean import CLEANER_VERSION, Cleaned, clean_text
from mistrust.ingest.documents import build_document, document_id
from mistrust.ingest.fetch import Fetched, Fetcher, check_url
from mistrust.ingest.html import extract_html
from mistrust.ingest.run import Ingestor, is_url
from mistrust.model.decode import Decoded, decode_bytes

__all__ = [
    "CLEANER_VERSION",
    "Cleaned",
    "Decoded",
    "Fetched",
    "Fetcher",
    "Ingestor",
    "build_document",
    "check_url",
    "clean_text",
    "decode_bytes",
    "document_id",
    "extract_html",
    "is_url",
]
