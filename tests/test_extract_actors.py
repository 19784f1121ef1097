"""Actor resolution: one actor per real-world entity, across mentions and documents."""

from __future__ import annotations

from mistrust.extract.actors import name_key, resolve
from mistrust.model import Extraction, Hit, Mention


def _link(entity_id: str, tier: str | None = "certain") -> Hit:
    return Hit(entity_id=entity_id, entity_name="X", schema="Organization", list_version="v", query_name="q",
               matched_name="X", score=1.0, match=True, threshold=0.7, algorithm="a", tier=tier)  # type: ignore[arg-type]


def _m(text: str, label: str = "Organization", canonical: str | None = None, links: list[Hit] | None = None,
       extractor: str = "entities-v1/ner") -> Mention:
    return Mention(text=text, start=0, end=len(text), label=label, canonical=canonical, links=links or [],
                   extractor=extractor)


def _actor_of(actors, doc: str, idx: int):
    return next(a for a in actors if (doc, idx) in a.mentions)


def test_same_list_entry_acronym_and_plural_make_one_actor() -> None:
    d1 = Extraction(doc_id="d1", entities=[
        _m("Northern Guard Corps", links=[_link("ofac:7")]),
        _m("NGC", canonical="Northern Guard Corps"),              # an acronym defined in the text
    ])
    d2 = Extraction(doc_id="d2", entities=[
        _m("the Northern Guards", links=[_link("ofac:7"), _link("un:X.1")]),   # another form, same entry
        _m("Northern Guard", label="Person"),                      # plural s, and one label wrong
    ])
    actors = resolve([d1, d2])
    corps = _actor_of(actors, "d1", 0)
    assert {("d1", 0), ("d1", 1), ("d2", 0), ("d2", 1)} <= set(corps.mentions)
    assert corps.entity_ids == ["ofac:7", "un:X.1"]
    assert corps.label == "Organization"  # voted: three Organization mentions against one Person
    assert corps.name == "Northern Guard Corps"
    assert "NGC" in corps.names and "the Northern Guards" in corps.names


def test_spelling_punctuation_and_state_names() -> None:
    ex = Extraction(doc_id="d", entities=[
        _m("Pak Su-il", "Person"), _m("Pak Su Il", "Person"), _m("U.N.", canonical=None), _m("UN"),
        _m("Pyongyang", "Country", canonical="North Korea"), _m("DPRK", "Country", canonical="North Korea"),
        _m("North Korean", "Nationality", canonical="North Korea"), _m("North Korea", "Country"),
    ])
    actors = resolve([ex])
    assert _actor_of(actors, "d", 0) is _actor_of(actors, "d", 1)
    assert _actor_of(actors, "d", 2) is _actor_of(actors, "d", 3)
    state = _actor_of(actors, "d", 4)
    assert {i for _, i in state.mentions} == {4, 5, 6, 7} and state.label == "Country"


def test_middle_initials_are_optional() -> None:
    d1 = Extraction(doc_id="d1", entities=[_m("Ann B. Velk", "Person")])
    d2 = Extraction(doc_id="d2", entities=[_m("Ann Velk", "Person"), _m("Ann Borin Velk", "Person")])
    actors = resolve([d1, d2])
    assert _actor_of(actors, "d1", 0) is _actor_of(actors, "d2", 0)
    assert _actor_of(actors, "d2", 1) is not _actor_of(actors, "d2", 0)  # a full middle name is another name


def test_surnames_join_the_full_name_of_their_document_only_when_unambiguous() -> None:
    d1 = Extraction(doc_id="d1", entities=[_m("Ned Orrin", "Person"), _m("Orrin", "Organization")])
    d2 = Extraction(doc_id="d2", entities=[_m("Pak Su Il", "Person"), _m("Pak Mi Ran", "Person"),
                                           _m("Pak", "Person"), _m("Dorian Il", "Person"), _m("IL")])
    d3 = Extraction(doc_id="d3", entities=[_m("Orrin", "Person")])   # no full name here: the workspace's one
    actors = resolve([d1, d2, d3])
    orrin = _actor_of(actors, "d1", 0)
    assert ("d1", 1) in orrin.mentions and ("d3", 0) in orrin.mentions and orrin.label == "Person"
    assert any("surname" in r for r in orrin.reasons)
    pak = _actor_of(actors, "d2", 2)
    assert pak is not _actor_of(actors, "d2", 0) and pak is not _actor_of(actors, "d2", 1)
    assert _actor_of(actors, "d2", 4) is not _actor_of(actors, "d2", 3)  # an acronym is nobody's surname


def test_titles_neither_split_a_person_nor_hide_a_surname() -> None:
    doc = Extraction(doc_id="d1", entities=[
        _m("Supreme Leader Ayatollah Omar Darvani", label="Person"),
        _m("Omar Darvani", label="Person"),
        _m("Ayatollah Darvani", label="Person"),            # title and surname: the full name above
        _m("General Ines Rovera", label="Person"),
        _m("Gen. Rovera", label="Person"),
        _m("Darvani", label="Organization"),                # a mislabelled surname joins, outvoted
    ])
    other = Extraction(doc_id="d2", entities=[
        _m("President Pavel Darvani", label="Person"),       # another Darvani, another document
        _m("Ayatollah Darvani", label="Person"),             # joins the Darvani of its own document
    ])
    third = Extraction(doc_id="d3", entities=[_m("Ayatollah Darvani", label="Person")])
    actors = resolve([doc, other, third])
    omar = _actor_of(actors, "d1", 0)
    assert {("d1", 0), ("d1", 1), ("d1", 2), ("d1", 5)} == set(omar.mentions)
    assert omar.name == "Omar Darvani" and omar.label == "Person"
    assert set(_actor_of(actors, "d1", 3).mentions) == {("d1", 3), ("d1", 4)}
    pavel = _actor_of(actors, "d2", 0)
    assert pavel is not omar and set(pavel.mentions) == {("d2", 0), ("d2", 1)} and pavel.name == "Pavel Darvani"
    # two full names end with Darvani in the workspace: the surname of a third document joins neither
    assert _actor_of(actors, "d3", 0).mentions == [("d3", 0)]


def test_roles_other_labels_and_uncertain_links_do_not_merge() -> None:
    ex = Extraction(doc_id="d", entities=[
        _m("Iran", "Country"),
        _m("Iran's foreign minister", "Person", canonical="Iran", extractor="entities-v1/group-rule-v1"),
        _m("Hamas", links=[_link("ofac:1")]), _m("Hama", "Location"),
        _m("Sorin Velk", "Person", links=[_link("ofac:9", "probable")]),
        _m("Dorian Velk", "Person", links=[_link("ofac:9", "possible")]),
        _m("the Velkland embassy", extractor="entities-v1/group-rule-v1"),     # a body, not a role
    ])
    actors = resolve([ex])
    assert all(("d", 1) not in a.mentions for a in actors)                # a role is a relation, no actor
    assert ("d", 0) in _actor_of(actors, "d", 0).mentions
    assert all(("d", 3) not in a.mentions for a in actors)                # a place is no actor
    assert _actor_of(actors, "d", 4) is not _actor_of(actors, "d", 5)   # only certain links join
    assert _actor_of(actors, "d", 6).name == "the Velkland embassy"


def test_is_role() -> None:
    from mistrust.extract.actors import is_role

    group = "entities-v1/group-rule-v1"
    assert is_role(_m("U.S. officials", extractor=group)) and is_role(_m("the Velkish president", "Person", extractor=group))
    assert not is_role(_m("the Velkish foreign ministry", extractor=group))
    assert not is_role(_m("Officials", extractor="entities-v1/ner"))  # a name the tagger read is judged as a name


def test_actor_ids_are_stable_when_documents_are_added() -> None:
    d1 = Extraction(doc_id="d1", entities=[_m("Northern Guard Corps", links=[_link("ofac:7")])])
    d2 = Extraction(doc_id="d2", entities=[_m("Coral Bank")])
    before = {a.name: a.id for a in resolve([d1])}
    after = {a.name: a.id for a in resolve([d2, d1])}
    assert before["Northern Guard Corps"] == after["Northern Guard Corps"]


def test_name_key() -> None:
    assert name_key("the Revolutionary Guards") == name_key("Revolutionary Guard")
    assert name_key("Kim Jong-un's") == name_key("KIM JONG UN")
    assert name_key("Hamas") != name_key("Hama")
    assert name_key("Ministry of Defence") != name_key("Ministry of Defense")  # spelling: only through links


def test_an_actor_as_a_dict_is_what_asdict_gives() -> None:
    from dataclasses import asdict

    from mistrust.model.actors import Actor

    actor = Actor(id="a1", name="Ana Velk", label="Person", names=["Ana Velk", "Velk"], entity_ids=["x:1"],
                  mentions=[("d1", 0), ("d2", 3)], documents=["d1", "d2"], reasons=["surname of 'Ana Velk'"])
    out = actor.to_dict()
    assert out == asdict(actor) and list(out) == list(asdict(actor))
    assert out["mentions"] == [("d1", 0), ("d2", 3)] and out["mentions"] is not actor.mentions  # a copy
