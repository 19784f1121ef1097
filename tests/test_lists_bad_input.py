"""Malformed, truncated and hostile list files are refused with a clear message; current data stays."""

from __future__ import annotations

from pathlib import Path

import pytest

from _lists_helpers import sanctions
from mistrust.errors import ListFormatError
from mistrust.lists import load_file

UN_SMALL = """<?xml version="1.0" encoding="UTF-8"?>
<CONSOLIDATED_LIST dateGenerated="2030-01-02T00:00:00Z">
  <INDIVIDUALS>
    <INDIVIDUAL><DATAID>1</DATAID><FIRST_NAME>TEST</FIRST_NAME><SECOND_NAME>PERSON</SECOND_NAME>
      <UN_LIST_TYPE>DPRK</UN_LIST_TYPE><REFERENCE_NUMBER>KPi.901</REFERENCE_NUMBER><LISTED_ON>2017-06-02</LISTED_ON>
      <NATIONALITY><VALUE>Democratic People's Republic of Korea</VALUE></NATIONALITY>
      <INDIVIDUAL_ALIAS><QUALITY>Low</QUALITY><ALIAS_NAME>T. Person</ALIAS_NAME></INDIVIDUAL_ALIAS>
    </INDIVIDUAL>
  </INDIVIDUALS>
  <ENTITIES>
    <ENTITY><DATAID>2</DATAID><FIRST_NAME>TEST TRADING CORPORATION</FIRST_NAME><UN_LIST_TYPE>DPRK</UN_LIST_TYPE>
      <REFERENCE_NUMBER>KPe.901</REFERENCE_NUMBER><LISTED_ON>2017-06-02</LISTED_ON>
    </ENTITY>
  </ENTITIES>
</CONSOLIDATED_LIST>
"""
OFAC_ROWS = ('36,"AEROCARIBBEAN AIRLINES",-0- ,"CUBA",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n'
             '306,"BANCO NACIONAL DE CUBA",-0- ,"CUBA",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"a.k.a. \'BNC\'."\r\n')
XXE = """<?xml version="1.0"?>
<!DOCTYPE CONSOLIDATED_LIST [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
<CONSOLIDATED_LIST><INDIVIDUALS/><ENTITIES><ENTITY><FIRST_NAME>&xxe;</FIRST_NAME>
<REFERENCE_NUMBER>X.1</REFERENCE_NUMBER></ENTITY></ENTITIES></CONSOLIDATED_LIST>
"""
LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<CONSOLIDATED_LIST><INDIVIDUALS/><ENTITIES><ENTITY><FIRST_NAME>&lol4;</FIRST_NAME>
<REFERENCE_NUMBER>X.1</REFERENCE_NUMBER></ENTITY></ENTITIES></CONSOLIDATED_LIST>
"""
EXTERNAL_DTD = """<?xml version="1.0"?>
<!DOCTYPE CONSOLIDATED_LIST SYSTEM "http://127.0.0.1:9/evil.dtd">
<CONSOLIDATED_LIST><INDIVIDUALS/><ENTITIES/></CONSOLIDATED_LIST>
"""


def _cut(path: Path, fraction: float) -> bytes:
    data = path.read_bytes()
    return data[: int(len(data) * fraction)]


def _ofac_xml_minus_one_entry() -> bytes:
    data = sanctions("ofac_consolidated_nonsdn_2025-03-28.xml").read_bytes()
    start = data.index(b"<sdnEntry>")
    end = data.index(b"</sdnEntry>", start) + len(b"</sdnEntry>")
    return data[:start] + data[end:]  # well-formed, but Record_Count no longer matches


BAD_INPUTS = {
    # name: (file name, content factory, words the message must contain)
    "empty": ("un.xml", lambda: b"", "empty"),
    "whitespace only": ("list.csv", lambda: b" \r\n\r\n", "empty"),
    "binary png": ("list.xml", lambda: b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "PNG"),
    "binary noise": ("list.xml", lambda: bytes((i * 37) % 256 for i in range(4096)), "binary"),
    "latin-1 in a UTF-8 XML": ("un.xml", lambda: UN_SMALL.replace("TEST TRADING", "TÉST TRADING").encode("latin-1"),
                               "encoding"),
    "truncated UN XML": ("un.xml", lambda: _cut(sanctions("un_consolidated_2026-02-27.xml"), 0.5), "truncated"),
    "truncated OFAC XML": ("consolidated.xml", lambda: _cut(sanctions("ofac_consolidated_nonsdn_2025-03-28.xml"),
                                                             0.7), "truncated"),
    "OFAC XML with an entry removed": ("consolidated.xml", _ofac_xml_minus_one_entry, "Record_Count"),
    "truncated OFAC CSV (cut mid-row)": ("sdn.csv", lambda: _cut(sanctions("ofac_sdn_2024-05-03.csv"), 0.6),
                                          "truncated"),
    "OFAC CSV without 0x1A": ("sdn.csv", lambda: OFAC_ROWS.encode(), "0x1A"),
    "OFAC CSV partial last row": ("sdn.csv", lambda: (OFAC_ROWS + '424,"BOUTIQUE LA MAISON",-0- \r\n').encode()
                                  + b"\x1a", "partial"),
    "XXE": ("un.xml", lambda: XXE.encode(), "entit"),
    "billion laughs": ("un.xml", lambda: LAUGHS.encode(), "entit"),
    "external DTD": ("un.xml", lambda: EXTERNAL_DTD.encode(), "external DTD"),
    "well-formed but no entries": ("un.xml", lambda: b'<?xml version="1.0"?><CONSOLIDATED_LIST>'
                                   b"<INDIVIDUALS/><ENTITIES/></CONSOLIDATED_LIST>", "no list entries"),
    "unknown XML": ("list.xml", lambda: b"<html><body>Service unavailable</body></html>", "<html>"),
    "truncated FtM JSON": ("os.ftm.json", lambda: b'{"id": "a", "schema": "Person", "properties": {"name": ["A"]}}\n'
                           b'{"id": "b", "schema": "Person", "prop', "line"),
    "add.csv given alone": ("add.csv", lambda: b'36,25,-0- ,"Havana","Cuba",-0- \r\n\x1a', "sdn.csv"),
}


@pytest.mark.parametrize("case", list(BAD_INPUTS), ids=list(BAD_INPUTS))
def test_bad_input_is_refused_and_previous_version_stays_current(case, tmp_path, workspace):
    good = tmp_path / "good" / "un.xml"
    good.parent.mkdir()
    good.write_text(UN_SMALL, encoding="utf-8")
    [before] = workspace.load_lists([good])
    state = workspace.lists_state()

    name, make, words = BAD_INPUTS[case]
    bad = tmp_path / name
    bad.write_bytes(make())
    with pytest.raises(ListFormatError) as info:
        workspace.load_lists([bad], format="un-xml" if case == "well-formed but no entries" else None)
    message = str(info.value)
    assert str(bad) in message, message  # says which file
    assert words.lower() in message.lower(), message  # and what is wrong

    assert workspace.lists_state() == state
    [current] = workspace.current_lists()
    assert current.version.id == before.id and current.version.current
    assert sorted(e.id for e in current.entities) == ["un:KPe.901", "un:KPi.901"]
    assert len(workspace.list_versions()) == 1


def test_truncation_error_names_the_line(tmp_path):
    bad = tmp_path / "un.xml"
    bad.write_bytes(_cut(sanctions("un_consolidated_2026-02-27.xml"), 0.3))
    with pytest.raises(ListFormatError) as info:
        load_file(bad)
    assert info.value.line is not None and info.value.line > 100


def test_xxe_payload_is_never_read(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-VALUE")
    bad = tmp_path / "un.xml"
    bad.write_text(XXE.replace("file:///etc/passwd", secret.as_uri()))
    with pytest.raises(ListFormatError) as info:
        load_file(bad)
    assert "TOP-SECRET-VALUE" not in str(info.value)


def test_hardened_parser_does_not_expand_entities_even_without_prolog_check():
    from lxml import etree

    from mistrust.lists.xml_safety import safe_parser

    root = etree.fromstring(LAUGHS.encode(), parser=safe_parser())
    assert len(etree.tostring(root)) < 2000  # entities left unexpanded


def test_byte_order_marks_are_accepted(tmp_path):
    csv_path = tmp_path / "sdn.csv"
    csv_path.write_bytes(b"\xef\xbb\xbf" + OFAC_ROWS.encode() + b"\x1a")
    assert [e.id for e in load_file(csv_path).entities] == ["ofac:36", "ofac:306"]
    xml_path = tmp_path / "un.xml"
    xml_path.write_bytes(UN_SMALL.replace('encoding="UTF-8"', 'encoding="UTF-16"').encode("utf-16"))
    assert sorted(e.id for e in load_file(xml_path).entities) == ["un:KPe.901", "un:KPi.901"]
    bnc = load_file(csv_path).entities[1]
    assert [(a.name, a.quality) for a in bnc.aliases] == [("BNC", "weak")]


def test_doctype_hidden_behind_a_long_comment_is_still_refused(tmp_path):
    padded = LAUGHS.replace('<?xml version="1.0"?>', '<?xml version="1.0"?>\n<!--' + "x" * 200_000 + "-->")
    bad = tmp_path / "un.xml"
    bad.write_text(padded)
    with pytest.raises(ListFormatError, match="entit"):
        load_file(bad, format="un-xml")
    with pytest.raises(ListFormatError, match="64 KB"):
        load_file(bad)
