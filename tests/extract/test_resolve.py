"""Resolution: one entity per real-world thing, within and across issues."""

from __future__ import annotations

import importlib
import itertools

import pytest

from partnerkg.extract import resolve
from partnerkg.extract.model import (
    Assertion,
    Entity,
    EntityKind,
    Extraction,
    Mention,
    Newsletter,
    Relation,
    Resolved,
    SourceSpan,
)

resolve_module = importlib.import_module("partnerkg.extract.resolve")
CONFIGURED_PARTNERS = resolve_module._partner_names  # tests below use their own table
P, ORG, E = EntityKind.PERSON, EntityKind.ORGANISATION, EntityKind.EVENT


def _span(text: str, start: int = 0) -> SourceSpan:
    return SourceSpan("x.md", start, start + len(text), text)


def issue(month: str, mentions: list[tuple], assertions: list[tuple] = ()) -> Extraction:
    """An extraction of ``month``: mentions ``(id, kind, text[, item][, attributes])``,
    assertions ``(subject, relation, object[, attributes])``."""
    built = []
    for n, row in enumerate(mentions):
        mention_id, kind, text, *rest = row
        item = rest[0] if rest and isinstance(rest[0], str) else "item"
        attributes = next((r for r in rest if isinstance(r, dict)), {})
        built.append(Mention(mention_id, kind, text, _span(text, n * 10), "test", 0.9, item,
                             attributes))
    facts = [
        Assertion(s, r, o, _span(f"{s} {r.value} {o}"), "test", 0.8, rest[0] if rest else {})
        for s, r, o, *rest in assertions
    ]
    newsletter = Newsletter(f"{month}.md", month, "", (), f"hash-{month}")
    return Extraction(newsletter, tuple(built), tuple(facts))


def by_name(resolved: Resolved, name: str) -> Entity:
    found = [e for e in resolved.entities if e.name == name]
    assert len(found) == 1, [e.name for e in resolved.entities]
    return found[0]


@pytest.fixture(autouse=True)
def no_partners(monkeypatch):
    monkeypatch.setattr(resolve_module, "_partner_names", lambda: {})


def test_titles_diacritics_and_possessives_are_one_person():
    resolved = resolve([
        issue("2023-01", [("m1", P, "Prof. Thomas Bräuninger"), ("m2", P, "Dr Thomas Brauninger"),
                          ("m3", P, "Thomas Bräuninger's")]),
    ])
    assert len(resolved.entities) == 1
    person = resolved.entities[0]
    assert person.name == "Thomas Bräuninger"
    assert "Prof. Thomas Bräuninger" in person.alternate_names
    assert "Thomas Brauninger" in person.alternate_names
    assert not any("'" in name for name in person.alternate_names)


def test_nickname_gives_every_variant_and_links_the_nickname_alone():
    resolved = resolve([
        issue("2024-06", [("m1", P, "Tapabrata (Rohan) Chakraborty"), ("m2", P, "Rohan")]),
        issue("2024-07", [("m1", P, "Rohan Chakraborty"),
                          ("m2", P, "Tapabrata Rohan Chakraborty")]),
    ])
    assert len(resolved.entities) == 1
    person = resolved.entities[0]
    assert person.name == "Tapabrata Chakraborty"
    assert {"Rohan Chakraborty", "Rohan", "Tapabrata (Rohan) Chakraborty"} <= set(
        person.alternate_names)
    assert person.issues == ("2024-06", "2024-07")


def test_first_name_refers_to_the_unique_full_name_of_the_item_then_the_issue():
    resolved = resolve([
        issue("2023-05", [("m1", P, "Chris Holmes", "talk"), ("m2", P, "Chris Jones", "paper"),
                          ("m3", P, "Chris", "talk"), ("m4", P, "Ada Byron", "paper"),
                          ("m5", P, "Ada", "other")]),
    ])
    assert "Chris" in by_name(resolved, "Chris Holmes").alternate_names
    assert "Chris" not in by_name(resolved, "Chris Jones").alternate_names
    assert "Ada" in by_name(resolved, "Ada Byron").alternate_names
    assert len(resolved.entities) == 3


def test_an_ambiguous_first_name_stays_apart_and_lone_first_names_do_not_cross_issues():
    resolved = resolve([
        issue("2023-05", [("m1", P, "Chris Holmes", "a"), ("m2", P, "Chris Jones", "b"),
                          ("m3", P, "Chris", "c")]),
        issue("2023-06", [("m1", P, "Chris", "a")]),
    ])
    lone = [e for e in resolved.entities if e.name == "Chris"]
    assert len(lone) == 2
    assert lone[0].key != lone[1].key


def test_initials_join_the_compatible_person_only():
    resolved = resolve([
        issue("2023-01", [("m1", P, "Jane Smith"), ("m2", P, "Peter Smith")]),
        issue("2023-02", [("m1", P, "J. Smith"), ("m2", P, "K. Smith")]),
    ])
    assert "J. Smith" in by_name(resolved, "Jane Smith").alternate_names
    assert by_name(resolved, "K. Smith")
    assert len(resolved.entities) == 3


def test_people_sharing_a_surname_are_not_merged_but_typos_are():
    resolved = resolve([
        issue("2023-01", [("m1", P, "Mary Smith"), ("m2", P, "Marc Smith"),
                          ("m3", P, "Christina Okafor")]),
        issue("2023-02", [("m1", P, "Christian Okafor"), ("m2", P, "Christna Okafor")]),
    ])
    names = sorted(e.name for e in resolved.entities)
    assert names == ["Christian Okafor", "Christina Okafor", "Marc Smith", "Mary Smith"]
    assert "Christna Okafor" in by_name(resolved, "Christina Okafor").alternate_names


def test_a_surname_spelt_differently_merges_within_an_issue_only():
    resolved = resolve([issue("2023-01", [("m1", P, "Dan Wolstenholme"),
                                          ("m2", P, "Dan Wolstenholm"),
                                          ("m3", P, "Daniel Johnson")]),
                        issue("2023-02", [("m1", P, "Daniel Johnston")])])
    assert names_of(resolved) == ["Dan Wolstenholme", "Daniel Johnson", "Daniel Johnston"]


def test_acronyms_explicit_and_spelled_by_initials():
    resolved = resolve([
        issue("2023-01", [("m1", ORG, "Health Data Research UK", {"acronym": "HDR UK"}),
                          ("m2", ORG, "London School of Hygiene and Tropical Medicine")]),
        issue("2023-02", [("m1", ORG, "HDR UK"), ("m2", ORG, "LSHTM")]),
    ])
    assert len(resolved.entities) == 2
    assert "HDR UK" in by_name(resolved, "Health Data Research UK").alternate_names
    lshtm = by_name(resolved, "London School of Hygiene and Tropical Medicine")
    assert "LSHTM" in lshtm.alternate_names


def test_parenthesised_acronym_in_the_text_is_an_alias():
    resolved = resolve([issue("2023-01", [("m1", ORG, "Royal Statistical Society (RSS)"),
                                          ("m2", ORG, "RSS")])])
    assert len(resolved.entities) == 1
    assert resolved.entities[0].name == "Royal Statistical Society"


def test_partner_aliases_from_the_vocabulary(monkeypatch):
    aliases = ("The Alan Turing Institute", "Turing", "Turing Institute")
    table = {resolve_module.names.normalise(a): aliases[0] for a in aliases}
    monkeypatch.setattr(resolve_module, "_partner_names", lambda: table)
    resolved = resolve([issue("2023-01", [("m1", ORG, "the Turing"),
                                          ("m2", ORG, "Turing Institute")]),
                        issue("2023-02", [("m1", ORG, "The Alan Turing Institute"),
                                          ("m2", ORG, "Turing's")])])
    assert len(resolved.entities) == 1
    assert resolved.entities[0].name == "The Alan Turing Institute"


def test_a_partners_team_is_the_partner(monkeypatch):
    table = {"acme partnership": "Acme Partnership"}
    monkeypatch.setattr(resolve_module, "_partner_names", lambda: table)
    resolved = resolve([issue("2030-01", [("m1", ORG, "The Acme Partnership team"),
                                          ("m2", ORG, "Acme Partnership")])])
    assert [e.name for e in resolved.entities] == ["Acme Partnership"]


def test_a_partners_unit_is_one_organisation_however_it_is_prefixed(monkeypatch):
    aliases = ("The Alan Turing Institute", "Turing", "Turing Institute")
    table = {resolve_module.names.normalise(a): aliases[0] for a in aliases}
    monkeypatch.setattr(resolve_module, "_partner_names", lambda: table)
    monkeypatch.setattr(resolve_module, "_partner_words", lambda: frozenset({"turing"}))
    units = ["Turing Institute Soil Inference Interest Group", "Soil Inference Group",
             "Turing's Soil Inference Interest Group", "Soil Inference Turing Interest Group"]
    resolved = resolve([issue(f"2023-0{n + 1}", [("m1", ORG, unit)])
                        for n, unit in enumerate(units)])
    assert len(resolved.entities) == 1
    other = resolve([issue("2023-01", [("m1", ORG, "Soil Inference Interest Group"),
                                       ("m2", ORG, "Crop Inference Interest Group")])])
    assert len(other.entities) == 2


def test_the_configured_partners_are_read_from_the_ontology():
    table = CONFIGURED_PARTNERS()
    assert table  # partners.yaml ships with the package
    assert all(key == resolve_module.names.normalise(key) for key in table)
    # the newsletter's own short name for the partnership ("September's Turing-Roche newsletter")
    assert table["turing roche"] == table["turing roche strategic partnership"]


def test_a_mistyped_mention_does_not_split_the_entity():
    resolved = resolve([
        issue("2023-01", [("m1", P, "Grace Hopper"), ("m2", ORG, "Grace Hopper")]),
        issue("2023-02", [("m1", P, "Grace Hopper")]),
    ])
    assert len(resolved.entities) == 1
    assert resolved.entities[0].kind is P


def test_refers_to_links_a_back_reference():
    resolved = resolve([issue("2023-01", [("m1", P, "Grace Hopper"),
                                          ("m2", P, "the admiral", {"refers_to": "m1"})])])
    assert len(resolved.entities) == 1


def test_same_named_events_on_different_dates_stay_apart():
    resolved = resolve([
        issue("2023-01", [("m1", E, "Knowledge Share Series", {"start_date": "2023-01-10"})]),
        issue("2023-02", [("m1", E, "Knowledge Share Series", {"start_date": "2023-02-14"}),
                          ("m2", E, "Knowledge Share Series")]),
    ])
    events = [e for e in resolved.entities if e.kind is E]
    assert sorted(e.attributes["start_date"] for e in events) == ["2023-01-10", "2023-02-14"]
    assert sum(len(e.mention_ids) for e in events) == 3


def test_an_undated_mention_joins_the_instance_its_issue_announces_not_last_years():
    resolved = resolve([
        issue("2030-01", [("m1", E, "Soil UK")]),
        issue("2030-02", [("m1", E, "Soil UK", {"start_date": "2030-03-21"})]),
        issue("2030-11", [("m1", E, "Soil UK")]),
    ])
    events = sorted(([e.attributes.get("start_date"), len(e.mention_ids)]
                     for e in resolved.entities if e.kind is E), key=str)
    assert events == [["2030-03-21", 2], [None, 1]]


def test_an_undated_mention_naming_another_year_stays_apart_from_this_years_instance():
    resolved = resolve([
        issue("2030-03", [("m1", E, "Westby Lecture 2030", {"start_date": "2030-03-20"}),
                          ("m2", E, "2029 Westby Lecture")]),
    ])
    events = sorted(e.name for e in resolved.entities if e.kind is E)
    assert events == ["2029 Westby Lecture", "Westby Lecture 2030"]


def test_a_name_with_its_year_is_the_dated_edition_the_name_without_it_announces():
    resolved = resolve([
        issue("2030-03", [("m1", E, "Soil UK", {"start_date": "2030-05-12"}),
                          ("m2", E, "Soil UK 2030")]),
        issue("2030-04", [("m1", E, "Soil UK 2030", {"start_date": "2030-05-12"})]),
    ])
    events = [(e.name, len(e.mention_ids)) for e in resolved.entities if e.kind is E]
    assert events == [("Soil UK 2030", 3)]


def test_undated_editions_the_names_tell_apart_stay_apart():
    resolved = resolve([
        issue("2029-02", [("m1", E, "Soil UK 2029")]),
        issue("2029-11", [("m1", E, "Soil UK 2030"), ("m2", E, "Soil UK")]),
    ])
    events = sorted((e.name, len(e.mention_ids)) for e in resolved.entities if e.kind is E)
    assert events == [("Soil UK 2029", 1), ("Soil UK 2030", 2)]


def test_an_events_edition_words_and_inverted_head_do_not_split_it():
    resolved = resolve([
        issue("2030-03", [("m1", E, "The 3rd Annual Soil Symposium", {"start_date": "2030-05-12"}),
                          ("m2", E, "Soil Symposium"),
                          ("m3", E, "Workshop on Causal Graphs", {"start_date": "2030-06-01"}),
                          ("m4", E, "Causal Graphs Workshop")]),
    ])
    events = sorted((e.name, len(e.mention_ids)) for e in resolved.entities if e.kind is E)
    assert events == [("The 3rd Annual Soil Symposium", 2), ("Workshop on Causal Graphs", 2)]


def test_undated_editions_numbered_apart_stay_apart():
    resolved = resolve([issue("2030-03", [("m1", E, "2nd Soil Symposium"),
                                          ("m2", E, "3rd Soil Symposium")])])
    assert len(resolved.entities) == 2


def test_a_long_units_name_whatever_its_unit_noun_or_spelling_is_one_organisation():
    resolved = resolve([
        issue("2030-03", [("m1", ORG, "Soil Modelling and Data Analytics group"),
                          ("m2", ORG, "Center for Soil Research"),
                          ("m3", ORG, "Soil Science team")]),
        issue("2030-04", [("m1", ORG, "Soil Modeling and Data Analytic chapter"),
                          ("m2", ORG, "Centre for Soil Research"),
                          ("m3", ORG, "Soil Science group")]),
    ])
    assert sorted(len(e.mention_ids) for e in resolved.entities) == [1, 1, 2, 2]


def test_a_long_name_joins_its_one_qualified_form_in_another_issue_a_short_one_does_not():
    resolved = resolve([
        issue("2030-03", [("m1", ORG, "Long-Term Soil Conditions Support Facility"),
                          ("m2", ORG, "Centre for Soil Science")]),
        issue("2030-04", [("m1", ORG, "Acme for Long-Term Soil Conditions Support Facility"),
                          ("m2", ORG, "Westby Centre for Soil Science")]),
    ])
    assert sorted(len(e.mention_ids) for e in resolved.entities) == [1, 1, 2]


def test_facts_are_deduplicated_per_issue_and_roles_keep_their_month():
    resolved = resolve([
        issue("2023-01", [("p", P, "Ada Byron"), ("o", ORG, "Analytical Society"),
                          ("p2", P, "Ada Byron")],
              [("p", Relation.ROLE, "o", {"title": "Senior Research Associate"}),
               ("p2", Relation.ROLE, "o", {"title": "Senior Research Associate"}),
               ("p", Relation.AFFILIATION, "o")]),
        issue("2024-01", [("p", P, "Ada Byron"), ("o", ORG, "Analytical Society")],
              [("p", Relation.ROLE, "o", {"title": "Theme Lead"})]),
    ])
    roles = [(f.issue_month, f.attributes["title"]) for f in resolved.facts
             if f.relation is Relation.ROLE]
    assert roles == [("2023-01", "Senior Research Associate"), ("2024-01", "Theme Lead")]
    assert len(resolved.facts) == 3
    person, org = by_name(resolved, "Ada Byron"), by_name(resolved, "Analytical Society")
    assert all(f.subject == person.key and f.object == org.key for f in resolved.facts)
    assert all(f.evidence.text and f.component == "test" for f in resolved.facts)


def test_issue_records_list_the_entities_each_issue_mentions():
    resolved = resolve([issue("2023-01", [("m1", P, "Ada Byron")]),
                        issue("2023-02", [("m1", ORG, "Analytical Society")])])
    records = {r.issue_month: r for r in resolved.issues}
    assert records["2023-01"].entity_keys == (by_name(resolved, "Ada Byron").key,)
    assert records["2023-02"].source == "2023-02.md"


def test_keys_are_percent_safe_stable_and_order_independent():
    one = issue("2023-01", [("m1", P, "Zoë O'Brien-Ñúñez"), ("m2", ORG, "Analytical Society")])
    two = issue("2023-02", [("m1", P, "Zoe O'Brien-Nunez"), ("m2", ORG, "Bletchley Park Trust")])
    keys = [
        {e.name: e.key for e in resolve(order).entities}
        for order in itertools.permutations([one, two])
    ]
    assert keys[0] == keys[1]
    first_only = {e.name: e.key for e in resolve([one]).entities}
    assert first_only["Zoë O'Brien-Ñúñez"] == keys[0]["Zoë O'Brien-Ñúñez"]
    assert all(k.replace("-", "").isalnum() and k.isascii() for k in keys[0].values())


def test_a_fuller_name_seen_later_keeps_the_first_seen_key():
    early = resolve([issue("2023-01", [("m1", ORG, "RSS")])])
    later = resolve([issue("2023-01", [("m1", ORG, "RSS")]),
                     issue("2023-02", [("m1", ORG, "Royal Statistical Society (RSS)")])])
    assert later.entities[0].name == "Royal Statistical Society"
    assert later.entities[0].key == early.entities[0].key


def test_resolution_is_near_linear(benchmark_size=3000):
    import hashlib
    import time

    def given(k: int, j: int) -> str:
        return hashlib.sha256(f"{k}/{j}".encode()).hexdigest()[:10]

    def build(n: int) -> list[Extraction]:
        return [issue(f"{2000 + k // 12}-{k % 12 + 1:02d}",
                      [(f"m{j}", P, f"{given(k, j)} Surname{j % 50}") for j in range(30)])
                for k in range(n // 30)]

    start = time.perf_counter()
    small = resolve(build(benchmark_size // 4))
    small_time = time.perf_counter() - start
    start = time.perf_counter()
    large = resolve(build(benchmark_size))
    large_time = time.perf_counter() - start
    assert len(large.entities) == benchmark_size
    assert len(small.entities) == benchmark_size // 4
    assert large_time < 10 * small_time + 0.5


def test_a_bracketed_word_that_is_no_acronym_of_the_name_does_not_merge():
    resolved = resolve([issue("2023-01", [("m1", ORG, "Genentech", {"acronym": "Roche"}),
                                          ("m2", ORG, "Roche", {"acronym": "OUR"}),
                                          ("m3", ORG, "OUR")])])
    assert names_of(resolved) == ["Genentech", "OUR", "Roche"]


def test_organisation_spelling_variants_merge_but_different_places_do_not():
    resolved = resolve([issue("2023-01", [("m1", ORG, "Predictive Modelling Group"),
                                          ("m2", ORG, "University of Bath")]),
                        issue("2023-02", [("m1", ORG, "Predictive Modeling Group"),
                                          ("m2", ORG, "University of Bristol")])])
    assert names_of(resolved) == ["Predictive Modelling Group", "University of Bath",
                                  "University of Bristol"]


def names_of(resolved: Resolved) -> list[str]:
    return sorted(e.name for e in resolved.entities)


def test_a_heading_that_starts_with_an_acronym_is_not_the_organisation():
    resolved = resolve([issue("2023-01", [
        ("m1", ORG, "Health Data Research UK (HDR UK)"),
        ("m2", E, "Health Data Research UK (HDR UK) Conference 2024: Grand Challenges"),
        ("m3", ORG, "Royal Statistical Society (RSS)"), ("m4", ORG, "Roche Summer School"),
        ("m5", ORG, "RSS")])])
    assert names_of(resolved) == [
        "Health Data Research UK", "Health Data Research UK Conference 2024: Grand Challenges",
        "Roche Summer School", "Royal Statistical Society"]


def test_a_span_cut_inside_brackets_loses_the_stray_bracket():
    resolved = resolve([issue("2023-01", [("m1", ORG, "UCL) Institute of Health Informatics"),
                                          ("m2", ORG, "UCL Institute of Health Informatics")])])
    assert names_of(resolved) == ["UCL Institute of Health Informatics"]


def test_a_role_without_an_organisation_keeps_an_empty_object():
    resolved = resolve([issue("2023-01", [("p", P, "Ada Byron")],
                              [("p", Relation.ROLE, "NONE", {"title": "Theme Lead"}),
                               ("p", Relation.AFFILIATION, "NONE")])])
    assert [(f.relation, f.object, f.attributes["title"]) for f in resolved.facts] == [
        (Relation.ROLE, "", "Theme Lead")]


def test_an_organisation_joins_its_one_qualified_form_in_the_issue():
    resolved = resolve([
        issue("2023-01", [("m1", ORG, "UCL Centre for Data Science"),
                          ("m2", ORG, "Centre for Data Science")]),
        issue("2023-02", [("m1", ORG, "Data Science Unit"), ("m2", ORG, "Oxford Data Science Unit"),
                          ("m3", ORG, "Leeds Data Science Unit")]),
    ])
    assert names_of(resolved) == ["Data Science Unit", "Leeds Data Science Unit",
                                  "Oxford Data Science Unit", "UCL Centre for Data Science"]


def test_a_slip_in_the_first_word_of_an_organisation_merges_and_the_commoner_spelling_names_it():
    resolved = resolve([issue("2023-01", [("m1", ORG, "Minstry of Fisheries")]),
                        issue("2023-02", [("m1", ORG, "Ministry of Fisheries")]),
                        issue("2023-03", [("m1", ORG, "Ministry of Fisheries"),
                                          ("m2", ORG, "Ministry of Farming")])])
    assert names_of(resolved) == ["Ministry of Farming", "Ministry of Fisheries"]


def test_possessive_and_plural_spellings_of_an_organisation_merge():
    resolved = resolve([issue("2023-01", [("m1", ORG, "Queens College Westby")]),
                        issue("2023-02", [("m1", ORG, "Queen's College Westby")]),
                        issue("2023-03", [("m1", ORG, "Queens College Westby")])])
    assert names_of(resolved) == ["Queens College Westby"]


def test_a_short_given_name_joins_the_long_one_with_the_same_surname():
    resolved = resolve([issue("2023-01", [("m1", P, "Chris Okafor")]),
                        issue("2023-02", [("m1", P, "Christopher Okafor"),
                                          ("m2", P, "Chris Adeyemi"), ("m3", P, "Ann Okafor")])])
    assert names_of(resolved) == ["Ann Okafor", "Chris Adeyemi", "Christopher Okafor"]


def test_a_heading_word_spilled_onto_an_organisation_joins_it_and_is_not_its_label():
    resolved = resolve([issue("2023-01", [("m1", ORG, "Centre for Marine Ecology Research"),
                                          ("m2", ORG, "Centre for Marine Ecology"),
                                          ("m3", ORG, "Westby Soil Data Institute"),
                                          ("m4", ORG, "Westby Soil Data"),
                                          ("m5", ORG, "Soil Survey Footprints"),
                                          ("m6", ORG, "Soil Survey")])])
    # a head word is no heading spill; the name joins by the head-word rule, labelled in full
    assert names_of(resolved) == ["Centre for Marine Ecology", "Soil Survey Footprints",
                                  "Westby Soil Data Institute"]


def test_a_heading_that_joins_an_organisation_to_an_event_is_not_its_label():
    resolved = resolve([issue("2023-01", [
        ("m1", ORG, "Third Workshop on Soil Data- University of Westby"),
        ("m2", ORG, "University of Westby")])])
    assert names_of(resolved) == ["University of Westby"]


def test_a_partner_word_inside_an_organisation_name_does_not_make_another(monkeypatch):
    monkeypatch.setattr(resolve_module, "_partner_names", lambda: {"acme": "Acme"})
    resolve_module._partner_words.cache_clear()
    try:
        resolved = resolve([issue("2023-01", [("m1", ORG, "Soil Health Acme Interest Group")]),
                            issue("2023-02", [("m1", ORG, "Soil Health Interest Group"),
                                              ("m2", ORG, "Acme Soil Interest Group")])])
    finally:
        resolve_module._partner_words.cache_clear()
    assert names_of(resolved) == ["Acme Soil Interest Group", "Soil Health Acme Interest Group"]


def test_a_role_noun_a_person_span_took_from_the_title_before_it_is_dropped():
    resolved = resolve([issue("2023-01", [("m1", P, "Lead Mira Okafor"),
                                          ("m2", P, "Mira Okafor")]),
                        issue("2023-02", [("m1", P, "Lead Tanaka")])])
    assert names_of(resolved) == ["Lead Tanaka", "Mira Okafor"]


def test_a_short_form_joins_the_one_name_that_adds_a_head_word_and_a_place():
    resolved = resolve([issue("2023-01", [("m1", ORG, "Northby"), ("m2", ORG, "Eastport"),
                                          ("m3", ORG, "WSS")]),
                        issue("2023-02", [("m1", ORG, "Northby College London"),
                                          ("m2", ORG, "Eastport Centre for Soil Data"),
                                          ("m3", ORG, "WSS University")])])
    assert names_of(resolved) == ["Eastport", "Eastport Centre for Soil Data",
                                  "Northby College London", "WSS", "WSS University"]


def test_a_name_without_a_kind_word_joins_the_one_that_adds_a_head_word():
    resolved = resolve([issue("2023-01", [("m1", ORG, "Soil Science for Equity")]),
                        issue("2023-02", [("m1", ORG, "Soil Science for Equity Community"),
                                          ("m2", ORG, "Centre for Soil Data"),
                                          ("m3", ORG, "Centre for Soil Data Network")])])
    assert names_of(resolved) == ["Centre for Soil Data", "Centre for Soil Data Network",
                                  "Soil Science for Equity Community"]


def test_a_headed_name_joins_its_one_form_with_a_place_or_complement_and_a_town_its_university():
    resolved = resolve([issue("2023-01", [("m1", ORG, "Acme Design Centre"),
                                          ("m2", ORG, "Acme Business School"),
                                          ("m3", ORG, "Northby"),
                                          ("m4", ORG, "Westby Data Centre"),
                                          ("m5", ORG, "Jesus College"),
                                          ("m6", ORG, "University Network")]),
                        issue("2023-02", [("m1", ORG, "Acme Design Centre London"),
                                          ("m2", ORG, "Acme Business School for Health"),
                                          ("m3", ORG, "University of Northby"),
                                          ("m4", ORG, "Westby Data Centre Leeds"),
                                          ("m5", ORG, "Westby Data Centre York"),
                                          ("m6", ORG, "Jesus College Cambridge"),
                                          ("m7", ORG, "Acme University Network")])])
    assert names_of(resolved) == [
        "Acme Business School for Health", "Acme Design Centre London", "Acme University Network",
        "Jesus College",
        "Jesus College Cambridge", "University of Northby", "Westby Data Centre",
        "Westby Data Centre Leeds", "Westby Data Centre York"]


def test_a_first_name_two_people_share_is_nobodys_alternate_name():
    resolved = resolve([
        issue("2024-01", [("m1", P, "Sarah Holmes"), ("m2", P, "Sarah", {"refers_to": "m1"})]),
        issue("2024-02", [("m1", P, "Sarah Jones"), ("m2", P, "Sarah", {"refers_to": "m1"}),
                          ("m3", P, "Ada Byron"), ("m4", P, "Ada", {"refers_to": "m3"})]),
    ])
    assert "Sarah" not in by_name(resolved, "Sarah Holmes").alternate_names
    assert "Sarah" not in by_name(resolved, "Sarah Jones").alternate_names
    assert "Ada" in by_name(resolved, "Ada Byron").alternate_names


def test_a_short_name_joins_the_one_name_adding_words_before_its_head():
    resolved = resolve([issue("2024-01", [("m1", ORG, "Acme-RSS Health Data Lab")]),
                        issue("2024-02", [("m1", ORG, "Acme-RSS lab")])])
    assert len(resolved.entities) == 1
    two = resolve([issue("2024-01", [("m1", ORG, "Acme-RSS Health Data Lab"),
                                     ("m2", ORG, "Acme-RSS Soil Lab")]),
                   issue("2024-02", [("m1", ORG, "Acme-RSS lab")])])
    assert len(two.entities) == 3  # two candidates: the short name stays apart


def test_an_acronym_among_a_names_words_joins_the_name_spelling_it_out_in_its_issue_only():
    resolved = resolve([
        issue("2025-09", [("m1", E, "The 10th International Conference on Learning "
                                      "Representations"),
                          ("m2", E, "ICLR 2026"),
                          ("m3", E, "Royal Statistical Society Conference 2025"),
                          ("m4", E, "RSS Conference 2025")]),
        issue("2025-10", [("m1", E, "MICCAI 2025"),
                          ("m2", ORG, "University of Westby CDT"),
                          ("m3", ORG, "University of Westby UKRI Centre for Doctoral Training"),
                          ("m4", ORG, "Westby Data Lab")]),
        issue("2025-11", [("m1", E, "Medical Image Computing and Computer Assisted Intervention")]),
    ])
    assert sorted(e.name for e in resolved.entities) == [
        "MICCAI 2025", "Medical Image Computing and Computer Assisted Intervention",
        "Royal Statistical Society Conference 2025",
        "The 10th International Conference on Learning Representations",
        "University of Westby UKRI Centre for Doctoral Training", "Westby Data Lab"]


def test_an_events_acronym_joins_its_spelled_out_name_of_the_same_year_in_any_issue():
    resolved = resolve([
        issue("2030-02", [("m1", E, "Soil Modelling Conference", {"start_date": "2030-03-12"})]),
        issue("2030-04", [("m1", E, "SMC 2030")]),
        issue("2031-02", [("m1", E, "SMC 2031")]),
    ])
    assert sorted(e.name for e in resolved.entities) == ["SMC 2031", "Soil Modelling Conference"]


def test_event_names_differing_in_spacing_or_a_year_are_one_event():
    resolved = resolve([
        issue("2023-11", [("m1", E, "Praxis Auril 2023 Knowledge Exchange Awards")]),
        issue("2023-12", [("m1", E, "PraxisAuril Knowledge Exchange Awards")]),
        issue("2024-01", [("m1", E, "Westby Data Awards")]),
    ])
    assert len(resolved.entities) == 2
