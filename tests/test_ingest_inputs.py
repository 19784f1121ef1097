"""Reading local inputs: text, HTML, JSONL, feeds, directories, and every kind of bad input.

Each bad input must come back as a SkippedInput with a reason and leave the documents
already stored exactly as they were.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from mistrust.errors import DocumentRejected
from mistrust.ingest.html import MAX_DEPTH, extract_html, nesting_depth
from mistrust.model.decode import decode_bytes

ARTICLE = (
    "Customs officers in Rotterdam impounded a shipment of aluminium tubes on Thursday, saying the "
    "consignment matched items on the dual-use control list.\n\n"
    "The exporter, a trading company registered in Dubai, said through a lawyer that the tubes were meant "
    "for irrigation pipes and denied any link to a weapons programme."
)

HTML_PAGE = """<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Rotterdam customs impound aluminium tubes | Harbour Herald</title>
<meta property="og:title" content="Rotterdam customs impound aluminium tubes">
<meta property="og:site_name" content="Harbour Herald">
<meta name="author" content="Mara Fictive">
<meta property="article:published_time" content="2023-04-06T09:30:00Z">
</head><body>
<nav><a href="/">Home</a> | <a href="/world">World</a> | <a href="/trade">Trade</a></nav>
<article>
<h1>Rotterdam customs impound aluminium tubes</h1>
<p>Customs officers in Rotterdam impounded a shipment of aluminium tubes on Thursday, saying the
consignment matched items on the dual-use control list.</p>
<figure><img src="tubes.jpg"><figcaption>Tubes stacked at the quay. (Photo)</figcaption></figure>
<p>The exporter, a trading company registered in Dubai, said through a lawyer that the tubes were meant
for irrigation pipes and denied any link to a weapons programme.</p>
<p>Subscribe to the Harbour Herald newsletter</p>
<p>Investigators are now examining the company's earlier shipments, which passed through three other
European ports during the past two years, according to a customs spokeswoman.</p>
</article>
<section class="comments"><h3>Leave a Reply</h3><p>Please enter your comment!</p></section>
<footer>Copyright © 2023 Harbour Herald. All rights reserved.</footer>
</body></html>
"""


def _snapshot(ws) -> list[tuple]:
    return [tuple(r) for r in ws.db.query("SELECT * FROM documents ORDER BY id")]


@pytest.fixture
def stocked(workspace, tmp_path: Path):
    """A workspace with one document already stored."""
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    result = workspace.ingest([good])
    assert result["new"] == 1
    return workspace


# --- good inputs ------------------------------------------------------------------------------


def test_txt_file(workspace, tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Rotterdam Customs Impound Aluminium Tubes\n\n" + ARTICLE + "\n\nAdvertisement\n", encoding="utf-8")
    result = workspace.ingest([path])
    (doc,) = result["documents"]
    assert doc.title == "Rotterdam Customs Impound Aluminium Tubes"
    assert "Advertisement" not in doc.text and doc.removed == ["Advertisement"]
    assert doc.metadata["encoding"] == "utf-8"
    assert doc.source_path == str(path)
    assert workspace.get_document(doc.id).text == doc.text


def test_html_file_main_text_and_metadata(workspace, tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(HTML_PAGE, encoding="utf-8")
    (doc,) = workspace.ingest([path])["documents"]
    assert doc.title == "Rotterdam customs impound aluminium tubes"
    assert doc.outlet == "Harbour Herald"
    assert doc.published == "2023-04-06"
    assert doc.authors == ["Mara Fictive"]
    assert "impounded a shipment of aluminium tubes" in doc.text
    assert "three other\nEuropean ports" in doc.text or "three other European ports" in doc.text
    for furniture in ("Home", "Subscribe to the Harbour Herald", "Please enter your comment", "All rights reserved"):
        assert furniture not in doc.text, furniture


def test_html_saved_as_txt_is_read_as_html(workspace, tmp_path: Path) -> None:
    path = tmp_path / "saved.txt"
    path.write_text(HTML_PAGE, encoding="utf-8")
    (doc,) = workspace.ingest([path])["documents"]
    assert doc.outlet == "Harbour Herald" and "<p>" not in doc.text


def test_html_declared_charset(workspace, tmp_path: Path) -> None:
    page = HTML_PAGE.replace('charset="utf-8"', 'charset="windows-1252"').replace("dual-use", "dual‑use café")
    path = tmp_path / "cp1252.html"
    path.write_bytes(page.replace("‑", "-").encode("cp1252"))
    (doc,) = workspace.ingest([path])["documents"]
    assert "dual-use café" in doc.text
    assert doc.metadata["encoding_method"] == "declared"


def test_jsonl_keeps_record_id_and_fields(workspace, tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    records = [
        {"id": "rec-1", "text": ARTICLE, "title": "Tubes impounded", "outlet": "Harbour Herald",
         "date": "2023-04-06", "url": "https://example.org/a", "authors": "Mara Fictive, Olaf Example",
         "topic": "export_controls"},
        {"id": "rec-2", "text": "   "},
        "not an object",
    ]
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n{broken json\n", encoding="utf-8")
    result = workspace.ingest([path])
    (doc,) = result["documents"]
    assert doc.metadata["id"] == "rec-1" and doc.metadata["topic"] == "export_controls"
    assert "text" not in doc.metadata
    assert (doc.title, doc.outlet, doc.published, doc.url) == (
        "Tubes impounded", "Harbour Herald", "2023-04-06", "https://example.org/a")
    assert doc.authors == ["Mara Fictive", "Olaf Example"]
    reasons = {s.source.rsplit(":", 1)[1]: s.reason for s in result["skipped"]}
    assert set(reasons) == {"2", "3", "4"}
    assert "no 'text'" in reasons["2"] and "object" in reasons["3"] and "invalid JSON" in reasons["4"]


def test_directory_recursive_and_feed_file(workspace, tmp_path: Path) -> None:
    (tmp_path / "sub" / "deeper").mkdir(parents=True)
    (tmp_path / "sub" / "one.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "sub" / "deeper" / "two.html").write_text(HTML_PAGE, encoding="utf-8")
    (tmp_path / "sub" / ".hidden.txt").write_text("hidden " + ARTICLE, encoding="utf-8")
    (tmp_path / "sub" / "notes.pdf").write_bytes(b"%PDF-1.4 whatever")
    body = ("<p>" + ARTICLE.replace("\n\n", "</p><p>") + " More detail about the consignment followed. " * 8
            + "</p>")
    feed = f"""<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour Herald</title>
      <item><title>Feed item</title><pubDate>Fri, 07 Apr 2023 10:00:00 GMT</pubDate>
      <description><![CDATA[{body}]]></description></item></channel></rss>"""
    (tmp_path / "sub" / "deeper" / "news.rss").write_text(feed, encoding="utf-8")
    result = workspace.ingest([tmp_path / "sub"])
    assert result["new"] == 3
    by_title = {d.title: d for d in result["documents"]}
    assert by_title["Feed item"].outlet == "Harbour Herald"
    assert by_title["Feed item"].published == "2023-04-07"
    assert [s.code for s in result["skipped"]] == ["unsupported"]
    assert "hidden" not in " ".join(d.text[:7] for d in result["documents"])


def test_reingest_changes_nothing(stocked, tmp_path: Path) -> None:
    before = _snapshot(stocked)
    again = tmp_path / "copy.txt"
    again.write_text(ARTICLE + "\n\nPlease enter your comment!\n", encoding="utf-8")  # same body, new furniture
    result = stocked.ingest([tmp_path / "good.txt", again])
    assert result["new"] == 0 and result["existing"] == 1
    assert _snapshot(stocked) == before


# --- bad inputs ---------------------------------------------------------------------------------

BAD_INPUTS = [
    ("binary.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20, "binary file (PNG image)"),
    ("nul.txt", b"some text\x00\x01\x02\x03 more \x00\x00 bytes" * 50, "binary"),
    ("random.txt", bytes((i * 37 + 11) % 256 for i in range(5000)), ""),
    ("empty.txt", b"", "empty"),
    ("blank.txt", b"  \n\n\t \n", "empty"),
    ("elf.html", b"\x7fELF\x02\x01\x01" + b"\x00" * 100, "ELF"),
    ("notes.docx", b"PK\x03\x04rest", "unsupported file type"),
]


@pytest.mark.parametrize(("name", "data", "reason"), BAD_INPUTS)
def test_bad_input_skipped_with_reason(stocked, tmp_path: Path, name: str, data: bytes, reason: str) -> None:
    before = _snapshot(stocked)
    path = tmp_path / name
    path.write_bytes(data)
    result = stocked.ingest([path])
    assert result["documents"] == [] and result["new"] == 0
    (skipped,) = result["skipped"]
    assert skipped.source == str(path)
    assert reason in skipped.reason
    assert _snapshot(stocked) == before
    assert stocked.skipped_inputs()[0]["source"] == str(path)


def test_missing_path_skipped(stocked, tmp_path: Path) -> None:
    before = _snapshot(stocked)
    result = stocked.ingest([tmp_path / "nope.txt"])
    assert "cannot read" in result["skipped"][0].reason
    assert _snapshot(stocked) == before


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-8-sig", "utf-32"])
def test_unicode_encodings_decoded(workspace, tmp_path: Path, encoding: str) -> None:
    text = ARTICLE.replace("Dubai", "Dubaï – Jebel Ali")
    path = tmp_path / f"{encoding}.txt"
    path.write_bytes(text.encode(encoding))
    (doc,) = workspace.ingest([path])["documents"]
    assert doc.text == text
    expected = "utf-16-sniffed" if encoding in ("utf-16-le", "utf-16-be") else "bom"
    assert doc.metadata["encoding_method"] == expected


def test_latin1_detected(workspace, tmp_path: Path) -> None:
    text = ARTICLE.replace("Dubai", "Dubaï") + "\n\nLe ministère a refusé de commenter l'opération à Anvers."
    path = tmp_path / "latin1.txt"
    path.write_bytes(text.encode("latin-1"))
    (doc,) = workspace.ingest([path])["documents"]
    assert doc.text == text
    assert doc.metadata["encoding_method"] == "detected"


def test_same_text_in_two_encodings_is_one_document(workspace, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(ARTICLE.encode("utf-8"))
    (tmp_path / "b.txt").write_bytes(ARTICLE.encode("utf-16"))
    result = workspace.ingest([tmp_path])
    assert result["new"] == 1 and len(result["documents"]) == 1


def test_fifty_megabyte_text_refused_fast(stocked, tmp_path: Path) -> None:
    before = _snapshot(stocked)
    path = tmp_path / "huge.txt"
    line = (ARTICLE.replace("\n", " ") + "\n").encode("utf-8")
    with path.open("wb") as fh:
        for _ in range(50 * 1024 * 1024 // len(line) + 1):
            fh.write(line)
    assert path.stat().st_size >= 50 * 1024 * 1024
    start = time.perf_counter()
    result = stocked.ingest([path])
    elapsed = time.perf_counter() - start
    (skipped,) = result["skipped"]
    assert "too large" in skipped.reason and "max_document_bytes" in skipped.reason
    assert elapsed < 5
    assert _snapshot(stocked) == before


def test_huge_jsonl_record_refused(workspace, tmp_path: Path) -> None:
    from mistrust import Workspace

    small = Workspace(tmp_path / "small.db", max_document_bytes=10_000, create=True)
    try:
        path = tmp_path / "big.jsonl"
        path.write_text(json.dumps({"id": "x", "text": "word " * 3000}) + "\n" +
                        json.dumps({"id": "y", "text": ARTICLE}) + "\n", encoding="utf-8")
        result = small.ingest([path])
        assert [d.metadata["id"] for d in result["documents"]] == ["y"]
        assert "too large" in result["skipped"][0].reason
    finally:
        small.close()


@pytest.mark.parametrize("depth", [MAX_DEPTH + 50, 5_000, 100_000])
def test_deeply_nested_html_neither_crashes_nor_hangs(stocked, tmp_path: Path, depth: int) -> None:
    page = ("<html><head><title>Nested page</title></head><body>" + "<div><span>" * depth
            + "<p>" + ARTICLE.replace("Rotterdam", "Antwerp") + "</p>" + "</span></div>" * depth + "</body></html>")
    path = tmp_path / "nested.html"
    path.write_text(page, encoding="utf-8")
    start = time.perf_counter()
    result = stocked.ingest([path])
    assert time.perf_counter() - start < 10
    (doc,) = result["documents"]
    assert "impounded a shipment of aluminium tubes" in doc.text
    assert doc.metadata["html_fallback"].startswith("nesting depth")
    assert doc.title == "Nested page"


def test_nesting_depth_ignores_void_and_unclosed_tags() -> None:
    assert nesting_depth("<div><p>a<p>b<br><img src=x><div><span>c</span></div></div>") == 3


def test_html_without_main_text_falls_back() -> None:
    page = extract_html("<html><body><span>Short words only</span></body></html>")
    assert "Short words only" in page.text


def test_script_and_style_never_in_text() -> None:
    page = extract_html("<html><body>" + "<div>" * (MAX_DEPTH + 5) + "<script>var secret = 1;</script>"
                        "<style>p {color: red}</style><p>Visible text.</p>" + "</div>" * (MAX_DEPTH + 5))
    assert page.text == "Visible text."


@pytest.mark.parametrize(
    ("data", "message"),
    [(b"", "empty"), (b" \n", "empty"), (b"%PDF-1.7\n...", "PDF"), (b"\x00\x01\x00\x02\x00\x03", "binary"),
     (b"\x00\x00\x00", "NUL")],
)
def test_decode_rejections(data: bytes, message: str) -> None:
    with pytest.raises(DocumentRejected, match=message):
        decode_bytes(data, "input")


def test_utf16_without_bom_sniffed() -> None:
    decoded = decode_bytes("Sanctions on the café owner".encode("utf-16-le"), "input")
    assert decoded.text == "Sanctions on the café owner"
    assert (decoded.encoding, decoded.method) == ("utf-16-le", "utf-16-sniffed")


@pytest.mark.parametrize(("text", "encoding"), [
    ("naïve résumé", "latin-1"),
    ("Señor Pérez said “no” – twice.", "cp1252"),
    ("Le ministère a refusé de commenter l'opération à Anvers.", "latin-1"),
    ("Министерство иностранных дел заявило, что санкции незаконны и будут оспорены в суде.", "cp1251"),
    ("Το υπουργείο εξωτερικών δήλωσε ότι οι κυρώσεις είναι παράνομες και θα προσβληθούν.", "cp1253"),
])
def test_single_byte_encodings_detected(text: str, encoding: str) -> None:
    decoded = decode_bytes(text.encode(encoding), "input")
    assert decoded.text == text
    assert decoded.method == "detected"


@pytest.mark.parametrize("page", [
    "<a " * 300_000,
    "<script>" * 100_000,
    "<!--" * 100_000,
    "<div>" * 300_000,
    "<p title='" + "<" * 200_000,
])
def test_hostile_markup_is_linear_time(page: str) -> None:
    start = time.perf_counter()
    extract_html(page)
    assert time.perf_counter() - start < 10


def test_strip_tags_drops_invisible_sections() -> None:
    from mistrust.ingest.html import strip_tags

    page = ("<html><head><title>T</title></head><body><script>var a='<p>';</script><p>Hi <b>there</b></p>"
            "<!-- note --><style>x</style><p>Two</p><header>Top</header><script src=x>never closed")
    result = strip_tags(page)
    assert result.text == "Hi there\n\nTwo\n\nTop"
    assert result.title == "T"
