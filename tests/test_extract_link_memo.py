"""The memoised link rules and ``LinkContext.is_place`` answer as the direct computation does."""

from __future__ import annotations

from mistrust.extract import link_rules as rules
from mistrust.extract.linking import LinkContext, _is_place
from mistrust.model import Mention

_NAMES = ["PRIVATE MILITARY COMPANY 'VELKA'", "Tolvar Vesko", "VESKO, Tolvar", "Gen. Tolvar Vesko", "Ministry of Defence", "the Ruritanian Army",
          "Iranian Tanker", "Velka Shipping Lines", "al-Varsani", "AL VARSANI", "Sa\u2019id Qorvan", ""]


def test_memoised_rules_equal_the_uncached_functions() -> None:
    for a in _NAMES:
        assert rules.fold(a) == rules.fold.__wrapped__(a)
        assert rules.is_descriptor(a) is rules.is_descriptor.__wrapped__(a)
        assert rules.is_kind(a) is rules.is_kind.__wrapped__(a)
        assert rules.quoted_name(a) == rules.quoted_name.__wrapped__(a)
        for b in _NAMES:
            assert rules.given_missing(a, b) is rules.given_missing.__wrapped__(a, b)
            for exact in (False, True):
                assert rules.person_agrees(a, b, exact=exact) == rules.person_agrees.__wrapped__(a, b, exact=exact)
    # and they are not constant: the cases above tell names apart
    assert rules.quoted_name("PRIVATE MILITARY COMPANY 'VELKA'") == "VELKA" and rules.quoted_name("Tolvar Vesko") is None
    assert rules.fold("al-Varsani") == rules.fold("AL VARSANI") != rules.fold("Tolvar Vesko")
    assert rules.is_descriptor("Ministry of Defence") and not rules.is_descriptor("Velka Shipping Lines")
    assert rules.person_agrees("Tolvar Vesko", "VESKO, Tolvar") and not rules.person_agrees("Tolvar Vesko", "Iranian Tanker")


def test_clear_memos_empties_every_memo() -> None:
    rules.fold("Tolvar Vesko")
    rules.clear_memos()
    assert all(fn.cache_info().currsize == 0 for fn in rules._MEMOISED)
    assert rules.fold("Tolvar Vesko") == "tolvarvesko"


def test_context_is_place_equals_direct_check_and_keys_on_the_span() -> None:
    text = "Ships left Port Velka for the Gulf of Oskar, said Velka Shipping Lines."
    ents = [(11, 21, "GPE"), (30, 43, "LOC"), (50, 70, "ORG")]
    ctx = LinkContext(text=text, ents=ents)
    spans = [(11, 21), (15, 21), (30, 43), (50, 70), (50, 55), (0, 5)]
    places = [(11, 21), (30, 43)]  # the spans of the place labels (the context picks them out itself)
    for _ in range(2):  # the second pass is answered from the memo
        for start, end in spans:
            m = Mention(text=text[start:end], start=start, end=end, label="Organization", extractor="t")
            assert ctx.is_place(m) is _is_place(m, places)
    assert [ctx.is_place(Mention(text=text[s:e], start=s, end=e, label="Organization", extractor="t"))
            for s, e in spans] == [True, True, True, False, False, False]


def test_name_countries_memo_equals_the_direct_reading_and_forget_clears_it() -> None:
    from mistrust.extract.linking import Linker, _name_countries

    names = ["Ministry of Defence of North Korea", "Syrian Arab Army", "Velka Shipping Lines", "the Iranian navy",
             "Tolvar Vesko", "Chilean coast guard", ""]
    for _ in range(2):  # the second pass is answered from the memo
        for name in names:
            assert _name_countries(name) == _name_countries.__wrapped__(name)
    # not constant: states are read from the name's own words
    assert _name_countries("Syrian Arab Army") and not _name_countries("Velka Shipping Lines")
    assert _name_countries.cache_info().hits >= len(names)
    linker = Linker(lambda query: [])
    linker._cache[("x", "Person", ())] = []
    rules.fold("Tolvar Vesko")
    linker.forget()
    assert not linker._cache and linker.calls == 0
    assert _name_countries.cache_info().currsize == 0 and rules.fold.cache_info().currsize == 0
