"""The text-level cleaner: boilerplate goes, prose stays, the seed reports come out clean."""

from __future__ import annotations

from pathlib import Path

import pytest

from mistrust.ingest.clean import clean_text

BODY = (
    "Officials in Seoul said on Monday that the shipment had been seized at the port after a tip from a "
    "partner government, and that the cargo included parts used in missile guidance systems.\n\n"
    "The ministry declined to name the vessel but said its owners were already under investigation."
)
TAIL = "A spokesman for the coast guard said more inspections of ships arriving from the region were planned."

BOILERPLATE = [
    ("Please enter your comment!", "comment form"),
    ("Please enter your name here", "comment form"),
    ("Leave a Reply", "comment form"),
    ("Your email address will not be published.", "comment form"),
    ("Subcribe to The Weekly Gazette Eblast", "newsletter prompt"),
    ("Subscribe to our daily newsletter", "newsletter prompt"),
    ("Sign up for Morning Briefing Newsletters Manage Newsletters", "newsletter prompt"),
    # prompts filled with the page's topic, longer than other furniture (clean-v3)
    ("Interested in Harbour Security? Add Harbour Security as an interest to stay up to date on the latest "
     "Harbour Security news, video, and analysis from Example News. Add Interest", "reader prompt"),
    ("Interested in Tariffs? Follow Tariffs for alerts.", "reader prompt"),
    ("Want more? Stay up to date with the latest port and shipping headlines from the Gazette team.", "reader prompt"),
    ("Get the Gazette stories you care about delivered to your inbox. By signing up, you agree to our "
     "Privacy Policy", "reader prompt"),
    ("Get our morning digest delivered straight to your inbox every weekday at six.", "reader prompt"),
    ("CLICK HERE FOR FULL VERSION OF THIS STORY", "call to action"),
    ("Click here to get the Example News app", "call to action"),
    ("READ MORE:", "call to action"),
    ("Related: Ten things to know about the port", "call to action"),
    ("Share this article", "share/follow prompt"),
    ("Follow us on Twitter", "share/follow prompt"),
    ("Advertisement", "advertisement marker"),
    ("Story continues below advertisement", "advertisement marker"),
    ("Advertisement Continue reading the main story", "advertisement marker"),
    ("This article is more than 1 year old", "advertisement marker"),
    ("Copyright © 2024 Example Media Ltd. All rights reserved.", "copyright notice"),
    ("A cargo ship docked at the harbour. (File)", "photo caption"),
    ("The seized containers at the port on Monday. (Reuters)", "photo caption"),
    ("Jane Example/AFP/Getty Images", "photo credit"),
    ("AP Photo/John Sample", "photo credit"),
    ("Image copyright Reuters Image caption The port seen from the air", "photo caption"),
    ("* * *", "separator"),
    ("By Jane Example and Olaf Sample", "byline"),
    ("By: Mara Fictive, Harbour Herald", "byline"),
    ("Updated 10:32 AM EST, Tue February 9, 2021", "date line"),
    ("Published: March 3, 2016", "date line"),
    ("2021-02-09", "date line"),
]


@pytest.mark.parametrize(("line", "reason"), BOILERPLATE)
def test_boilerplate_line_is_removed_with_reason(line: str, reason: str) -> None:
    cleaned = clean_text(f"{BODY}\n\n{line}\n\n{TAIL}")
    assert line not in cleaned.text
    assert cleaned.removed == [line]
    assert cleaned.reasons == [reason]


PROSE = [
    "Subscribers to the sanctions newsletter were told on Friday that the designation had been lifted after "
    "a long legal fight over the evidence.",
    "The photo, released by state media, showed the leader inspecting a launcher, the agency said.",
    "Follow the money, the investigators said, and you will find the shell companies.",
    "Yes.",
    "By Tuesday the ship had left the port.",
    "By then, Iran had denied it.",
    "On March 3, 2016 the council voted.",
    "In 2020.",
    "Ad hoc talks resumed in Geneva.",
    "Promoted to general last year, he now runs the missile forces.",
    "Sponsored by the ministry, the exhibition showed new drones.",
    "Print media were barred from the hearing.",
    "Tehran has denied the report.",
    "The ministry said it would comment later.",
    # reader-prompt words in reported prose (clean-v3 asks for a prompt's address to the reader)
    "Analysts said the navy would stay up to date with the latest intelligence on the convoy's route.",
    "Interested in the deal, officials from both ports met on Tuesday to add terms on inspections.",
    "The leaked files were delivered to the inspectors' office in two boxes, the court heard.",
    "By signing up to the treaty, the two states agreed to open their ports to inspectors.",
]


@pytest.mark.parametrize("line", PROSE)
def test_prose_is_kept(line: str) -> None:
    cleaned = clean_text(f"{BODY}\n\n{line}\n\nMore text follows in another paragraph of the story.")
    assert line in cleaned.text
    assert cleaned.removed == []


def test_repeated_block_kept_once() -> None:
    block = "The vessel was later seen unloading cargo at a port in the north of the country."
    cleaned = clean_text(f"{block}\n\n{BODY}\n\n{block}")
    assert cleaned.text.count(block) == 1
    assert cleaned.reasons == ["repeated block"]


def test_headline_kept_as_own_paragraph_and_caption_after_it_dropped() -> None:
    text = f"Port Seizes Missile Parts Bound For Overseas Buyer\n\nA container crane at the port.\n\n{BODY}"
    cleaned = clean_text(text)
    assert cleaned.title == "Port Seizes Missile Parts Bound For Overseas Buyer"
    assert cleaned.text.startswith("Port Seizes Missile Parts Bound For Overseas Buyer\n\nOfficials in Seoul")
    assert cleaned.removed == ["A container crane at the port."]


def test_first_sentence_is_not_a_headline() -> None:
    cleaned = clean_text(BODY)
    assert cleaned.title is None
    assert cleaned.text == BODY


def test_known_title_overrides_headline_guess() -> None:
    cleaned = clean_text("Jane Reporter\n\n" + BODY, known_title="Port seizes parts")
    assert cleaned.title is None
    assert cleaned.text.startswith("Jane Reporter")


def test_line_endings_and_blank_runs_normalised() -> None:
    cleaned = clean_text("First paragraph of text.\r\n\r\n\r\n\r\nSecond paragraph.\r\n")
    assert cleaned.text == "First paragraph of text.\n\nSecond paragraph."


EXPECTED_GONE = [
    "CLICK HERE FOR FULL VERSION OF THIS STORY",
    "Subcribe to The Jewish Link Eblast",
    "Please enter your comment!",
    "Please enter your name here",
    "Iran's EMAD ballistic missile. (File)",
]
BODY_KEPT = [
    "resumed cooperation",
    "Shahid Haj Ali Movahed Research Center",
    "Tehran has denied any such cooperation",
    "Ned Price",
    "Bashar al-Assad",
    "Arutz Sheva reported in August 2017",
]


def test_seed_reports_cleaned(seeds_dir: Path) -> None:
    texts = {p.name: p.read_text(encoding="utf-8") for p in sorted(seeds_dir.glob("*.txt"))}
    assert len(texts) == 2
    cleaned = {name: clean_text(t) for name, t in texts.items()}
    joined_raw = "\n".join(texts.values())
    joined = "\n".join(c.text for c in cleaned.values())
    for gone in EXPECTED_GONE:
        assert gone in joined_raw  # the fixture really contains it
        assert gone not in joined, gone
    for kept in BODY_KEPT:
        assert kept in joined, kept
    removed = [line for c in cleaned.values() for line in c.removed]
    assert sorted(removed) == sorted(EXPECTED_GONE)
    # Every kept paragraph of the raw text is still there, word for word.
    for name, raw in texts.items():
        for line in raw.splitlines():
            if line.strip() and line.strip() not in EXPECTED_GONE:
                assert line.strip() in cleaned[name].text
    headline = [c.title for c in cleaned.values() if c.title]
    assert headline == ["UN Report: Iran, North Korea Have Resumed Joint Missile Development"]


@pytest.mark.parametrize(("first", "is_headline"), [
    ("Iran Denies Missile Cooperation With North Korea", True),
    ("Iran says talk of missile help is 'a lie'", True),  # set apart by a blank line
    ("Can sanctions stop the tanker trade?", True),
    ("Officials said the ship was seized.", False),
    ("“We will respond,” the minister said.", False),
    ("Jane Reporter", False),  # a byline, too short
    ("michael barbaro", False),
])
def test_headline_detection(first: str, is_headline: bool) -> None:
    cleaned = clean_text(f"{first}\n\n{BODY}")
    assert (cleaned.title == first) is is_headline
    assert cleaned.text.startswith(first)
