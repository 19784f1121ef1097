"""Property tests: random Unicode and random bytes never raise anything but our own clear errors.

Fed to the name normaliser, ``compare``, batch screening (in-process, on a tiny list) and the
decoders (documents, list files, batch lines). Example counts are kept small so the file runs
in seconds; a failure prints the smallest input hypothesis found.
"""

from __future__ import annotations

import io
import json
import tempfile
from functools import cache
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from hostile._make import un_xml
from mistrust import Workspace
from mistrust.errors import DocumentRejected, InputError, ListFormatError
from mistrust.lists import load_file
from mistrust.model.decode import decode_bytes, stream_encoding
from mistrust.screen import compare_record, normalize_name
from mistrust.screen.batch import text_lines

# Every code point, lone surrogates included (they arrive through JSON escapes and bad decoders).
ANY_TEXT = st.text(alphabet=st.characters(min_codepoint=0, max_codepoint=0x10FFFF), max_size=80)
# derandomize: the same examples on every run, so CI cannot go red by chance; the seed still covers
# BOM-only, NUL-laden and surrogate inputs (each once found a fault here).
FEW = settings(max_examples=60, deadline=None, database=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])


@cache
def _workspace() -> Workspace:
    folder = Path(tempfile.mkdtemp(prefix="mistrust-prop-"))
    ws = Workspace(folder / "w.db", create=True)
    ws.load_lists([un_xml(folder / "un.xml", "2025-01-01", ["Resh Industrial Group", "Ayin Trading Company"])])
    return ws


@FEW
@given(ANY_TEXT)
def test_normaliser_takes_any_text(name: str) -> None:
    normalize_name(name)


@FEW
@given(ANY_TEXT, ANY_TEXT, st.sampled_from(["Person", "Organization", "Any", "", "Vessel"]))
def test_compare_scores_or_refuses_clearly(a: str, b: str, schema: str) -> None:
    try:
        result = compare_record({"a": a, "b": b, "schema": schema}, 0.7, 500)
    except InputError as exc:
        assert exc.message
    else:
        assert 0.0 <= result["score"] <= 1.0


@settings(max_examples=25, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(ANY_TEXT, min_size=1, max_size=6), st.sampled_from(["jsonl", "csv"]))
def test_batch_screening_writes_one_line_per_row(names: list[str], kind: str) -> None:
    ws = _workspace()
    folder = Path(tempfile.mkdtemp(prefix="mistrust-batch-"))
    src, out = folder / f"in.{kind}", folder / "out.jsonl"
    if kind == "jsonl":  # JSON escapes carry any code point, lone surrogates included
        src.write_text("".join(json.dumps({"name": n}) + "\n" for n in names), encoding="utf-8")
        rows = len(names)
    else:
        cells = [n.replace('"', '""') for n in names]
        src.write_bytes(("name\n" + "".join(f'"{c}"\n' for c in cells)).encode("utf-8", "surrogatepass"))
        rows = None  # quoted line ends may join rows; every row read still gets its line
    try:
        summary = ws.screen_file(src, out, resume=False)
    except InputError as exc:  # the whole file refused (e.g. read as binary): said clearly
        assert exc.message
        return
    lines = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert len(lines) == summary["rows"] == summary["screened"] + summary["errors"]
    if rows is not None:
        assert len(lines) == rows


@FEW
@given(st.binary(max_size=400))
@example(b"\xfe\xff")
def test_document_decoder_takes_any_bytes(data: bytes) -> None:
    try:
        decoded = decode_bytes(data, "<prop>")
    except DocumentRejected as exc:
        assert exc.message
    else:
        assert decoded.text.strip()


@FEW
@given(st.binary(max_size=400))
@example(b"\xfe\xff")
def test_batch_line_decoder_takes_any_bytes(data: bytes) -> None:
    try:
        stream_encoding(data, "<prop>")
        lines = list(text_lines(io.BytesIO(data), "<prop>"))
    except (DocumentRejected, InputError) as exc:
        assert exc.message
    else:
        # a byte-order mark alone is an empty file, not lost text
        assert "".join(lines) or not data.lstrip(b"\xef\xbb\xbf\xff\xfe")


@FEW
@given(st.binary(max_size=300), st.sampled_from(["sdn.csv", "un.xml", "list.ftm.json", "list.txt"]))
def test_list_loader_takes_any_bytes(data: bytes, name: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        try:
            load_file(path)
        except ListFormatError as exc:
            assert str(path) in exc.message
