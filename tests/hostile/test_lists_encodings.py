"""Issue 19 item 8: an OFAC CSV in UTF-16 or with CR-only line ends crashed ``lists load``.

List CSVs are decoded as the ingest decoder decodes documents (BOMs, UTF-16 with or without a
BOM, Latin-1/cp1252), any line end reads, and what is still unreadable is a ListFormatError
naming the file, with nothing stored before lost.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from hostile._make import ofac_csv, un_xml
from mistrust import Workspace
from mistrust.cli import main
from mistrust.errors import ListFormatError
from mistrust.lists import load_file

NAMES = ["SOCIÉTÉ GÉNÉRALE D'ÉCHANGE", "MÜLLER HANDELS GMBH", "PLAIN ASCII TRADING"]


@pytest.mark.parametrize(("encoding", "newline"), [
    ("utf-16", "\r\n"),  # Python's utf-16 writes a BOM (little-endian here)
    ("utf-16-be", "\r\n"),  # no BOM: found from the NUL pattern, as for documents
    ("utf-16-le", "\r"),
    ("utf-8-sig", "\r"),  # old Mac line ends, with a BOM
    ("utf-8", "\n"),
    ("latin-1", "\r\n"),
    ("cp1252", "\r"),
])
def test_ofac_csv_in_any_text_encoding_and_line_end_loads(tmp_path: Path, encoding: str, newline: str) -> None:
    path = ofac_csv(tmp_path / "sdn.csv", NAMES, encoding=encoding, newline=newline)
    loaded = load_file(path)
    assert [e.name for e in loaded.entities] == NAMES
    assert loaded.version.format == "ofac-csv"


@pytest.mark.parametrize(("label", "content", "words"), [
    ("UTF-16 cut in the middle of a character", lambda: b"\xff\xfe" + "1,A".encode("utf-16-le") + b"\x1a", "decode"),
    ("binary noise ending in the marker", lambda: b"1,\x00\x01\x02\x03\xff" * 50 + b"\x1a", "binary"),
    ("a lone quote", lambda: b'1,"UNCLOSED,-0- \r\n' + b"\x1a", "CSV"),
    ("UTF-16 without the end marker", lambda: '1,"A",-0- \r\n'.encode("utf-16"), "0x1A"),
])
def test_unreadable_csv_is_a_clear_error_and_current_data_stays(tmp_path: Path, label: str, content, words: str) -> None:
    db = tmp_path / "w.db"
    good = un_xml(tmp_path / "un.xml", "2025-01-01", ["Lambda Export Company"])
    with Workspace(db, create=True) as ws:
        ws.load_lists([good])
        state = ws.lists_state()
    bad = tmp_path / "sdn.csv"
    bad.write_bytes(content())
    with pytest.raises(ListFormatError) as info:
        load_file(bad, format="ofac-csv")
    assert str(bad) in info.value.message and words.lower() in info.value.message.lower(), info.value.message
    # Through the CLI: an exit code and a message, never a traceback; the workspace is as it was.
    result = CliRunner().invoke(main, ["--db", str(db), "lists", "load", "--format", "ofac-csv", str(bad)])
    assert result.exit_code == ListFormatError.exit_code, result.output
    assert "Traceback" not in result.output and str(bad) in result.output
    with Workspace(db, create=True) as ws:
        assert ws.lists_state() == state
        assert ws.screen("Lambda Export Company", record=False)[0].match
