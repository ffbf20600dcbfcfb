"""Rules that keep themes, places and people out of the organisations (fictional names)."""

from __future__ import annotations

from pathlib import Path

import pytest

from partnerkg.extract.first_names import strip_title
from partnerkg.extract.model import EntityKind
from partnerkg.extract.pipeline import extract, load_pipeline
from partnerkg.extract.read import read
from partnerkg.extract.resolve import resolve


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def _orgs(doc) -> list[str]:
    return [e.text for e in doc.ents if e.label_ == "ORG"]


def _people(doc) -> list[str]:
    return [e.text for e in doc.ents if e.label_ == "PERSON"]


# -- organisations ---------------------------------------------------------------------


def test_a_field_noun_after_common_words_is_not_an_organisation(nlp) -> None:
    doc = nlp("The prize rewards Healthcare Data Analytics and is run by Quillby Analytics.")
    assert "Healthcare Data Analytics" not in _orgs(doc)
    assert "Quillby Analytics" in _orgs(doc)


def test_a_real_head_word_keeps_a_field_noun_in_the_name(nlp) -> None:
    doc = nlp("She is a lecturer at the Northby School of Mathematical Sciences.")
    assert "Northby School of Mathematical Sciences" in _orgs(doc)


def test_common_words_ending_on_a_field_noun_after_a_name_are_its_programme(nlp) -> None:
    doc = nlp("Apply to the Quillby Analytics Open Source Grants before May.")
    assert "Quillby Analytics" in _orgs(doc)
    assert not any("Grants" in org for org in _orgs(doc))


def test_a_topic_of_the_scheme_is_not_an_organisation(nlp) -> None:
    doc = nlp("The Westby Institute is establishing a new Research Cluster in Digital Twins.")
    assert "Digital Twins" not in _orgs(doc)


def test_a_bracketed_acronym_counts_only_when_it_abbreviates_the_name(nlp) -> None:
    doc = nlp("The Statistical Interpretability with Local Explanations (SIMPLE) method is new.")
    assert "Local Explanations" not in _orgs(doc)


def test_a_place_after_an_organisation_is_not_another_organisation(nlp) -> None:
    doc = nlp("### Centre for Data Craft, Bath hosting a research showcase")
    assert "Bath" not in _orgs(doc)


def test_the_last_coordination_of_a_comma_list_is_two_names(nlp) -> None:
    doc = nlp("Interns join Globex departments including Finance, Quality, Logistics and "
              "Supply Chain.")
    assert not any(" and " in org for org in _orgs(doc))


def test_a_head_word_shared_by_a_coordination_keeps_it_one_name(nlp) -> None:
    doc = nlp("They will join the healthcare (HC) Data, Analytics and Imaging group at Globex.")
    assert "Analytics" not in _orgs(doc)


def test_a_possessive_right_before_the_head_word_is_part_of_the_name(nlp) -> None:
    doc = nlp("They are hosting their symposium at Kingsley's College Eastport this year.")
    assert any(org.startswith("Kingsley's College") for org in _orgs(doc))


def test_a_spaced_dash_separates_an_event_from_its_organisation(nlp) -> None:
    doc = nlp("### Third Workshop on Graph AI- University of Northby")
    assert "University of Northby" in _orgs(doc)
    assert not any("Workshop" in org for org in _orgs(doc))


# -- people ----------------------------------------------------------------------------


def test_a_hyphenated_surname_stays_whole_after_a_title(nlp) -> None:
    doc = nlp("The workshop will be led by Dr Ines Varga-Lund, Reader in Statistics at Globex.")
    assert "Ines Varga-Lund" in _people(doc)


def test_a_nickname_with_a_hyphenated_surname_is_a_person(nlp) -> None:
    doc = nlp("This month we will be joined by Oluwaseun (Seun) Okafor-Brandt, Principal "
              "Statistician at Globex Health.")
    assert "Oluwaseun (Seun) Okafor-Brandt" in _people(doc)
    assert not any("Okafor" in org for org in _orgs(doc))


def test_an_unlabelled_name_before_a_comma_and_a_role_is_a_person(nlp) -> None:
    doc = nlp("We will hear from Lena Moss, Lead Analyst at Globex, and Ines Varga-Lund, Reader "
              "in Statistics at the University of Westby, who will discuss synthetic data.")
    assert "Ines Varga-Lund" in _people(doc)


def test_a_name_after_a_preposition_and_before_an_organisation_is_not_a_person(nlp) -> None:
    doc = nlp("Dr Ada Kerr, Lecturer in Biomedical Science, University of Westby and former "
              "Westby fellow, will speak.")
    assert "Biomedical Science" not in _people(doc)


def test_a_lone_org_head_word_is_neither_a_person_nor_an_organisation(nlp) -> None:
    doc = nlp("Departments include Manufacturing, Pharma technical development and Quality.")
    assert "Pharma" not in _orgs(doc)


def test_two_first_names_tagged_as_one_organisation_are_two_people(
    nlp, tmp_path: Path
) -> None:
    path = tmp_path / "2030-02.md"
    path.write_text(
        "# Westby newsletter\n\n## News\n\n### A look back\n\n"
        "You can catch up on January's session with Seun and Ines on our video channel.\n\n"
        "## Team\n\n"
        "-   Seun Okafor-Brandt, Westby Institute, Senior Research Associate\n"
        "-   Dr Ines Varga-Lund, University of Northby, Reader\n",
        "utf-8",
    )
    extraction = extract(read(path), nlp)
    kinds = {(m.text, m.kind) for m in extraction.mentions}
    assert ("Seun and Ines", EntityKind.ORGANISATION) not in kinds
    people = {e.name for e in resolve([extraction]).entities if e.kind is EntityKind.PERSON}
    assert {"Seun Okafor-Brandt", "Ines Varga-Lund"} <= people


def test_a_persons_name_drops_leading_titles_and_trailing_honours() -> None:
    assert strip_title("Prof. Jane Ferrow OBE") == "Jane Ferrow"
    assert strip_title("Stephen Westby MP") == "Stephen Westby"
    assert strip_title("Jane MP") == "Jane MP"  # too short to be a name with honours


def test_a_three_word_name_is_also_written_without_its_first_or_middle_name() -> None:
    from partnerkg.extract.names import person_variants

    assert set(person_variants("Tapabrata Rohan Chakraborty")) >= {
        "Rohan Chakraborty", "Tapabrata Chakraborty"}
    assert person_variants("Sofia S. Villar") == ()
