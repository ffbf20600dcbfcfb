"""Organisation names: keyword-headed names, coordination, acronyms, kinds."""

from __future__ import annotations

import pytest

from partnerkg.extract.pipeline import load_pipeline
from partnerkg.extract.spans import ORG_ATTRIBUTES


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def _orgs(doc):
    return [e.text for e in doc.ents if e.label_ == "ORG"]


def test_two_coordinated_organisations_are_split(nlp) -> None:
    doc = nlp("The workshop is run by Eastport Institute and University of Westby this year.")
    assert {"Eastport Institute", "University of Westby"} <= set(_orgs(doc))


def test_and_inside_an_of_complement_stays_one_name(nlp) -> None:
    doc = nlp("She is a lecturer at the Westby School of Hygiene and Tropical Medicine.")
    assert "Westby School of Hygiene and Tropical Medicine" in _orgs(doc)


def test_acronym_in_parentheses_is_recorded_not_a_second_organisation(nlp) -> None:
    doc = nlp("Health Data Network Northby (HDN Northby) is hosting a conference in May.")
    orgs = _orgs(doc)
    assert "HDN Northby" not in orgs
    start = next(e.start_char for e in doc.ents if e.label_ == "ORG")
    assert doc._.get(ORG_ATTRIBUTES)[start]["acronym"] == "HDN Northby"


def test_org_kind_comes_from_the_configured_keywords(nlp) -> None:
    doc = nlp("Applications go to the University of Westby by Friday.")
    (org,) = [e for e in doc.ents if e.label_ == "ORG"]
    assert doc._.get(ORG_ATTRIBUTES)[org.start_char]["org_kind"] == "university"


def test_job_words_end_an_organisation_name(nlp) -> None:
    doc = nlp("Job: University of Northby PhD Position in Statistics")
    assert "University of Northby" in _orgs(doc)
    assert not any("Position" in org for org in _orgs(doc))
