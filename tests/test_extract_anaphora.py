"""Anaphora (extract/anaphora.py): the actor a claim argument written "it", "they", "its" or "the
tanker" stands for. Sentences and passages are written for these tests (no corpus text); each runs
through the whole extraction (parse, entities, attribution, anaphora, claims)."""

from __future__ import annotations

import pytest

from mistrust.model.documents import Claim


@pytest.fixture(scope="module")
def extractor():  # type: ignore[no-untyped-def]
    from mistrust.extract.pipeline import ExtractOptions, Extractor

    return Extractor(ExtractOptions(link=False))


def _claims(extractor, text: str) -> list[Claim]:  # type: ignore[no-untyped-def]
    return extractor.extract(text, doc_id="doc").claims


def _with_predicate(claims: list[Claim], predicate: str) -> list[Claim]:
    return [c for c in claims if c.predicate == predicate]


# (passage, predicate, written subject, resolved subject, object): the claim keeps the words written
RESOLVED_SUBJECTS = [
    # a subject pronoun takes the previous sentence's subject
    ("Venezuela bought rifles last year. It later shipped them to Cuba.", "transfer", "It", "Venezuela", "Cuba"),
    ("Belarus tested a new radar in May. It then sold drones to Syria.", "transfer", "It", "Belarus", "Syria"),
    # ... or, when that subject names no actor, the subject of what it reports
    ("The report said that Belarus kept building drones. It also shipped rifles to Syria.", "transfer", "It",
     "Belarus", "Syria"),
    # ... or the subject of the clause that governs it
    ("Belarus announced on Monday that it had delivered fuel to Syria.", "transfer", "it", "Belarus", "Syria"),
    ("Egypt said it would supply fuel to Libya.", "supply", "it", "Egypt", "Libya"),
    # a definite description takes the latest mention of its kind
    ("The Acme Shipping Company was founded in 2001. The company smuggled coal to North Korea in 2019.",
     "transfer", "The company", "Acme Shipping Company", "North Korea"),
    ("Egypt hosted the talks. The country later sold drones to Sudan.", "transfer", "The country", "Egypt", "Sudan"),
    ("The Wagner Group deployed fighters in Mali. The group later attacked villages in Sudan.", "attack",
     "The group", "Wagner Group", "Sudan"),
    ("The Lazarus Group stole funds in 2019. The network later sent the money to North Korea.", "transfer",
     "The network", "Lazarus Group", "North Korea"),
    # "they" for an organisation spoken of in the plural
    ("Hezbollah said they had shipped rockets to Syria.", "transfer", "they", "Hezbollah", "Syria"),
    # the possessive of a reason adjunct is the verb's object
    ("The Treasury sanctioned Acme Trading for its role in shipping oil to Syria.", "transfer", "its",
     "Acme Trading", "Syria"),
]


# -- anaphora-v5: descriptions the document teaches ------------------------------------------------

# (passage, predicate, written subject, resolved subject, object): "the N" outside the fixed table
# refers back to a name the text itself described with N
TAUGHT = [
    # a name modifying a plural noun: the members are the group
    ("Peru seized rifles bound for the Shining Path rebels in May. The rebels later attacked Bolivian forces.",
     "attack", "The rebels", "Shining Path", "Bolivian forces"),
    # apposition, with an epithet on the anaphor or not
    ("Andean Shipping Co, a Lima trading house, was founded in 2001. The trading house shipped rifles to Chile "
     "in 2019.", "transfer", "The trading house", "Andean Shipping Co", "Chile"),
    ("Andean Shipping Co, a trading house, was founded in 2001. The house shipped rifles to Chile in 2019.",
     "transfer", "The house", "Andean Shipping Co", "Chile"),
    # a naming participle
    ("Peru sanctioned a smuggling ring called Red Condor Ltd in May. The ring shipped fuel to Chile.", "transfer",
     "The ring", "Red Condor Ltd", "Chile"),
    # the name's own last word
    ("Peru's Finance Department froze the accounts of Acme Trading. The department also sanctioned Andean "
     "Shipping Co.", "sanction", "The department", "Finance Department", "Andean Shipping Co."),
    ("The Andean Security Council met in Lima on Monday. The council sanctioned Bolivia.", "sanction",
     "The council", "Andean Security Council", "Bolivia"),
]


# (passage, predicate, object, why): a description the document did not teach (for this name, here)
NOT_TAUGHT = [
    ("The Finance Department and the Trade Department met in Lima. The department sanctioned Bolivia.",
     "sanction", "Bolivia", "two candidates"),
    ("Peru's Finance Department froze funds. The other department sanctioned Bolivia.", "sanction", "Bolivia",
     "contrast"),
    ("The department sanctioned Bolivia after the Finance Department met in Lima.", "sanction", "Bolivia",
     "cataphora"),
    ("Chile-backed rebels entered Peru. The rebels shipped rifles to Bolivia.", "transfer", "Bolivia",
     "the head described is not the name's"),
    ("Bolivia rebels entered Peru. The rebels shipped rifles to Chile.", "transfer", "Chile",
     "a state's name on people is not the state"),
    ("A Red Condor Ltd official visited Lima. The official shipped rifles to Bolivia.", "transfer", "Bolivia",
     "a singular noun the name modifies is the group's, not the group"),
    ("Andean Shipping Co, not the trading house, was fined. The trading house shipped rifles to Chile.",
     "transfer", "Chile", "negated apposition"),
    ("The Andean Nations met in Lima. The nations shipped rifles to Bolivia.", "transfer", "Bolivia",
     "a plural last word does not teach"),
    ("Peru's Finance Department froze funds. The fire department shipped rifles to Bolivia.", "transfer",
     "Bolivia", "an epithet the document did not teach"),
    ("The weapons were seized by Andean Shipping Co, a press release detailed. The release shipped rifles to "
     "Chile.", "transfer", "Chile", "the noun opens a clause of its own"),
]


@pytest.mark.parametrize(("text", "predicate", "written", "actor", "obj"), RESOLVED_SUBJECTS + TAUGHT)
def test_anaphoric_subject_is_resolved(extractor, text: str, predicate: str, written: str, actor: str,  # type: ignore[no-untyped-def]
                                       obj: str) -> None:
    found = [c for c in _with_predicate(_claims(extractor, text), predicate)
             if (c.object_canonical or c.object) == obj]
    assert found, f"no {predicate} claim to {obj} in {text!r}"
    assert found[0].subject == written  # the words the text wrote
    assert found[0].subject_canonical == actor  # the actor they stand for


RESOLVED_OBJECTS = [
    ("The tanker Ocean Pearl left port in May. Venezuela seized the vessel in June.", "seize", "Venezuela",
     "the vessel", "Ocean Pearl"),
    ("The tanker Northern Star left Syria. Cyprus detained the ship in June.", "seize", "Cyprus", "the ship",
     "Northern Star"),
]


@pytest.mark.parametrize(("text", "predicate", "subject", "written", "actor"), RESOLVED_OBJECTS)
def test_anaphoric_object_is_resolved(extractor, text: str, predicate: str, subject: str | None,  # type: ignore[no-untyped-def]
                                      written: str, actor: str) -> None:
    found = _with_predicate(_claims(extractor, text), predicate)
    assert found, f"no {predicate} claim in {text!r}"
    assert (found[0].object, found[0].object_canonical) == (written, actor)
    if subject is not None:
        assert found[0].subject_canonical == subject


# (passage, predicate, object, why): the anaphor must stay unresolved
UNRESOLVED = [
    # two different compatible actors of equal salience: no guess
    ("Belarus and Cuba signed a deal in March. It shipped rifles to Syria.", "transfer", "Syria",
     "two candidates"),
    ("Egypt and Jordan met in Cairo. The country later sold drones to Sudan.", "transfer", "Sudan",
     "two candidates"),
    # a person is not "it"
    ("Viktor Petrov visited Caracas in May. It delivered tanks to Cuba.", "transfer", "Cuba", "person for it"),
    # cataphora: the name comes after the pronoun
    ("Before it shipped fuel to Cuba, Venezuela signed a deal with Iran.", "transfer", "Cuba", "cataphora"),
    # too far back: more than two sentences before
    ("Oman sold boats to Yemen. The talks ended. The rain fell. The winds rose. It shipped fuel to Syria.",
     "transfer", "Syria", "out of window"),
    # a reason adjunct's possessive is the object's, never the subject's (here a place, not an actor)
    ("Washington warned Caracas over its shipments of fuel to Cuba.", "transfer", "Cuba", "reason adjunct"),
    # a description of another kind: a state is not "the vessel"
    ("Venezuela signed a deal in May. Cuba later seized the vessel.", "seize", None, "kind mismatch"),
]


@pytest.mark.parametrize(("text", "predicate", "obj", "why"), UNRESOLVED + NOT_TAUGHT)
def test_anaphor_left_unresolved(extractor, text: str, predicate: str, obj: str | None, why: str) -> None:  # type: ignore[no-untyped-def]
    claims = _with_predicate(_claims(extractor, text), predicate)
    if obj is not None:
        claims = [c for c in claims if (c.object_canonical or c.object) == obj]
        assert claims, f"no {predicate} claim to {obj} in {text!r}"
        assert all(c.subject_canonical is None for c in claims), why
    else:
        assert claims, f"no {predicate} claim in {text!r}"
        assert all(c.object_canonical is None for c in claims), why


def test_person_pronoun_is_not_a_state(extractor) -> None:  # type: ignore[no-untyped-def]
    claims = _claims(extractor, "Cuba hosted Viktor Petrov in May. He said Venezuela shipped fuel to Syria.")
    found = _with_predicate(claims, "transfer")
    assert found and found[0].subject_canonical == "Venezuela"
    # nothing in the passage makes "he" the state that hosted him
    assert all(c.subject_canonical != "Cuba" for c in claims if (c.subject or "").lower() == "he")


def test_they_for_people_is_left_alone(extractor) -> None:  # type: ignore[no-untyped-def]
    claims = _claims(extractor, "Cuba hosted the talks. Officials said they had shipped rifles to Syria.")
    found = [c for c in _with_predicate(claims, "transfer") if (c.object_canonical or c.object) == "Syria"]
    assert found and all(c.subject_canonical is None for c in found)


def test_anaphora_is_a_declared_component(extractor) -> None:  # type: ignore[no-untyped-def]
    names = [c.name for c in extractor.components]
    assert names.index("anaphora") < names.index("claims")
    claims_step = extractor.components[names.index("claims")]
    assert "antecedents" in claims_step.needs



# -- discourse-v1: "we" in reported words, names introduced with a kind noun ------------------------

# (passage, predicate, object, state): "we" is the state the speaker speaks for
WE_RESOLVED = [
    ('"We will not supply drones to Russia," the Iranian foreign minister said.', "supply", "Russia", "Iran"),
    ('"We have seized the tanker," said Ivan Petrov, Peru\'s interior minister.', "seize", None, "Peru"),
    ('Chile\'s navy said: "We have detained the vessel and its crew."', "seize", None, "Chile"),
    ('"Our support for Hamas is moral," a Qatari diplomat told reporters.', "support", "Hamas", "Qatar"),
]


@pytest.mark.parametrize(("text", "predicate", "obj", "state"), WE_RESOLVED)
def test_we_is_the_speakers_state(extractor, text: str, predicate: str, obj: str | None,  # type: ignore[no-untyped-def]
                                  state: str) -> None:
    claims = [c for c in _with_predicate(_claims(extractor, text), predicate)
              if obj is None or (c.object_canonical or c.object) == obj]
    assert claims, f"no {predicate} claim to {obj} in {text!r}"
    assert any(c.subject_canonical == state and (c.subject or "").lower() in ("we", "our") for c in claims), \
        [(c.subject, c.subject_canonical) for c in claims]


# (passage, predicate, object, why): "we" stays unresolved
WE_UNRESOLVED = [
    ('"We have seized the tanker," said Ivan Petrov.', "seize", None, "a person is no we"),
    ('"We have seized the tanker," officials said.', "seize", None, "unnamed speakers"),
    ("We shipped the rifles to Bolivia in May.", "transfer", "Bolivia", "no speaker"),
    ('"We will support Kyiv," said Anna Berg, the EU foreign policy chief.', "support", "Kyiv",
     "a bloc's we is not a state"),
    ('"We sent the rifles to Bolivia," said Ana Ruiz, a director at Acme Trading.', "transfer", "Bolivia",
     "a company's we is not a state"),
]


@pytest.mark.parametrize(("text", "predicate", "obj", "why"), WE_UNRESOLVED)
def test_we_left_unresolved(extractor, text: str, predicate: str, obj: str | None, why: str) -> None:  # type: ignore[no-untyped-def]
    claims = [c for c in _with_predicate(_claims(extractor, text), predicate)
              if obj is None or (c.object_canonical or c.object) == obj]
    assert claims, f"no {predicate} claim to {obj} in {text!r}"
    assert all(c.subject_canonical is None for c in claims), why


# a name the text introduces with a kind noun is of that kind for "the vessel", "the company"
DESCRIBED = [
    ("Officials said a Cuban cargo ship known as the Blue Heron was stopped. Peru detained the vessel in April.",
     "seize", "Peru", "the vessel", "Blue Heron"),
    ("Acme Holdings, a bulk carrier, sailed from Oslo. Police in Peru seized the vessel in May.", "seize", "Peru",
     "the vessel", "Acme Holdings"),
]


@pytest.mark.parametrize(("text", "predicate", "subject", "written", "actor"), DESCRIBED)
def test_described_name_takes_its_kind(extractor, text: str, predicate: str, subject: str,  # type: ignore[no-untyped-def]
                                       written: str, actor: str) -> None:
    found = [c for c in _with_predicate(_claims(extractor, text), predicate) if c.subject_canonical == subject]
    assert found, f"no {predicate} claim by {subject} in {text!r}"
    assert (found[0].object, found[0].object_canonical) == (written, actor)


def test_a_kind_noun_of_another_kind_does_not_describe(extractor) -> None:  # type: ignore[no-untyped-def]
    # "a firm called X" makes X a company, never "the vessel"
    claims = _claims(extractor, "Peru sanctioned a firm called Blue Star Trading. The vessel shipped fuel to Cuba.")
    found = [c for c in _with_predicate(claims, "transfer") if (c.object_canonical or c.object) == "Cuba"]
    assert found and all(c.subject_canonical is None for c in found)

