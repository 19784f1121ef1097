"""Titles and dates of plain-text documents come from their own text when it has them.

Every text here is made up for the test; each rule is checked on several unlike texts, with
texts that must not match beside the ones that must.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from mistrust.cli import main
from mistrust.ingest import build_document
from mistrust.ingest.textdate import find_date, text_date
from mistrust.model import Document
from mistrust.model.sentences import first_sentence

BODY = ("Inspectors said the cargo had been declared as farm machinery, but the crates held pumps and valves "
        "that appear on the control lists, and the shipping agent could not say who had paid for them.")


@pytest.mark.parametrize(("text", "expected"), [
    # labelled lines, in several spellings and date orders
    ("Harbour Board Fines Agent\n\nPublished: 14 March 2023\n\n" + BODY, "2023-03-14"),
    ("Posted on Feb. 9, 2021 at 10:32 am\n" + BODY, "2021-02-09"),
    ("Date: 2022-11-30\n\n" + BODY, "2022-11-30"),
    ("First published 3rd of August 2018\n" + BODY, "2018-08-03"),
    # a line that is only a date and a time
    ("Ministry Rejects Turbine Report\nWednesday, June 5, 2024 09:15 AM\n\n" + BODY, "2024-06-05"),
    # datelines opening the first paragraph
    ("BUSAN, Oct. 2, 2019 (Harbour Wire) - " + BODY, "2019-10-02"),
    ("NEW DELHI, 7 January 2022 — " + BODY, "2022-01-07"),
    ("Rotterdam, December 24, 2020: " + BODY, "2020-12-24"),
    # "Updated" counts only when nothing says when it was published
    ("Updated 4:20 PM GMT, March 8, 2021\n" + BODY, "2021-03-08"),
    ("Updated: 9 May 2021\nPublished: 2 May 2021\n" + BODY, "2021-05-02"),
])
def test_dates_near_the_top_are_read(text: str, expected: str) -> None:
    assert text_date(text) == expected


@pytest.mark.parametrize("text", [
    "On March 3, 2019, customs officers seized parts of a guidance system at the border crossing.",  # prose
    "Talks Resume on March 3, 2019 in Vienna\n\n" + BODY,  # a headline with a date in it
    "\n".join(f"Paragraph {n} of a long account of the voyage." for n in range(10)) + "\nPublished: 1 May 2020",
    "Published: 31 February 2021\n" + BODY,  # no such day
    "In 2015 the council agreed on new rules for brokers.\n" + BODY,  # a year is not a date
    "Volume 12, 40 pages\n" + BODY,  # numbers without a month
    "Officials met in Geneva on 4 April 2017 and agreed to talk again, the statement said.",
])
def test_dates_that_are_not_the_publication_date_are_not_taken(text: str) -> None:
    assert text_date(text) is None


@pytest.mark.parametrize(("text", "expected"), [
    ("see 12 Sept 2016 and 2017-01-05", "2016-09-12"),
    ("from 2017-01-05, not 12 Sept 2016", "2017-01-05"),
    ("2021-13-01 then Jan 2, 2003", "2003-01-02"),
    ("nothing here", None),
])
def test_find_date_takes_the_first_real_day(text: str, expected: str | None) -> None:
    assert find_date(text) == expected


@pytest.mark.parametrize(("text", "title"), [
    ("Coast Guard Boards Tanker Off Busan\n\n" + BODY, "Coast Guard Boards Tanker Off Busan"),  # blank line
    ("Ministry rejects report on turbine sales\nWednesday, June 5, 2024 09:15 AM\n" + BODY,
     "Ministry rejects report on turbine sales"),  # a dateline under it, no blank line, not title case
    ("Freight forwarder admits false declarations\nBy Ana Lima and Joe Park\n" + BODY,
     "Freight forwarder admits false declarations"),  # a byline under it
    ("“We Did Not Sell Them,” Says Broker\n\n" + BODY, "“We Did Not Sell Them,” Says Broker"),
])
def test_a_headline_like_first_line_is_the_title(text: str, title: str) -> None:
    doc = build_document(text, source="t.txt", source_path="t.txt")
    assert doc.title == title and doc.heading == title


@pytest.mark.parametrize(("text", "heading"), [
    # a first sentence, not a headline: it ends with a full stop
    ("Customs officers seized the valves.\n\n" + BODY, "Customs officers seized the valves."),
    # no headline and a long first sentence: cut at a word boundary, with an ellipsis
    (BODY, "Inspectors said the cargo had been declared as farm machinery, but the crates…"),
    # one line running straight into the body (no blank line, not title case)
    ("the barge left port at night and\nnobody on the quay saw it go, the harbour master said.",
     "the barge left port at night and"),
])
def test_without_a_headline_the_heading_is_the_first_sentence(text: str, heading: str) -> None:
    doc = build_document(text, source="t.txt", source_path="t.txt")
    assert doc.title is None and doc.heading == heading
    assert len(doc.heading) <= 80


@pytest.mark.parametrize(("text", "expected"), [
    ("Mr. Ri met U.S. officials in Oct. 2019. Then he left.", "Mr. Ri met U.S. officials in Oct. 2019."),
    ("The ship reached Iran. It unloaded.", "The ship reached Iran."),
    ("Was it sold? Nobody knows.", "Was it sold?"),
    ("“It was never ours.” The firm said so twice.", "“It was never ours.”"),
    ("x" * 100, "x" * 79 + "…"),
])
def test_first_sentence(text: str, expected: str) -> None:
    assert first_sentence(text) == expected


@pytest.mark.parametrize(("doc", "label"), [
    (Document(id="1", text="t", outlet="Harbour Times", url="https://example.org/a"), "Harbour Times"),
    (Document(id="2", text="t", url="https://www.example.org/news/1"), "example.org"),
    (Document(id="3", text="t", source_path="/tmp/report.txt"), "local file"),
    (Document(id="4", text="t"), "unknown source"),
])
def test_source_label(doc: Document, label: str) -> None:
    assert doc.source_label == label


def test_cli_shows_text_titles_dates_and_undated(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "dated.txt").write_text("Harbour Board Fines Agent\n\nPublished: 14 March 2023\n\n" + BODY,
                                      encoding="utf-8")
    (folder / "plain.txt").write_text(BODY, encoding="utf-8")
    db = tmp_path / "w.db"
    runner = CliRunner()
    assert runner.invoke(main, ["--db", str(db), "ingest", str(folder)]).exit_code == 0
    docs = {Path(d["source_path"]).name: d for d in json.loads(
        runner.invoke(main, ["--db", str(db), "documents", "--json"]).output)}
    assert docs["dated.txt"]["title"] == "Harbour Board Fines Agent"
    assert docs["dated.txt"]["published"] == "2023-03-14"
    assert docs["plain.txt"]["published"] is None and docs["plain.txt"]["title"] is None
    table = runner.invoke(main, ["--db", str(db), "documents"]).output
    assert "undated" in table and "local file" in table and "None" not in table
    one = runner.invoke(main, ["--db", str(db), "document", docs["plain.txt"]["id"]]).output
    assert "undated" in one and "Inspectors said the cargo" in one
