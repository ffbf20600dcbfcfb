"""Publication titles, venues and authors in sentences."""

from __future__ import annotations

import pytest

from partnerkg.extract.pipeline import load_pipeline
from partnerkg.extract.spans import PUBLICATION_TITLES, RELATIONS, VENUES


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def test_quoted_title_venue_and_possessive_author(nlp) -> None:
    doc = nlp(
        "Jonas Weber's paper 'Sparse models of tumour growth under treatment' "
        "was published in Annals of Modelling."
    )
    assert [t.text for t in doc.spans[PUBLICATION_TITLES]] == [
        "Sparse models of tumour growth under treatment"
    ]
    assert [v.text for v in doc.spans[VENUES]] == ["Annals of Modelling"]
    authors = {
        doc.text[slice(*f["object"])] for f in doc._.get(RELATIONS) if f["relation"] == "author"
    }
    assert authors == {"Jonas Weber"}


def test_short_quotes_are_not_titles(nlp) -> None:
    doc = nlp("Our 'North Star' is to improve care.")
    assert list(doc.spans[PUBLICATION_TITLES]) == []


def test_paper_by_author_and_colleagues(nlp) -> None:
    doc = nlp("This paper by Prof Ilse Brandt and colleagues explores calibration of risk models.")
    authors = {
        doc.text[slice(*f["object"])] for f in doc._.get(RELATIONS) if f["relation"] == "author"
    }
    assert authors == {"Ilse Brandt"}
    assert all(
        f["subject"] == "PUBLICATION" for f in doc._.get(RELATIONS) if f["relation"] == "author"
    )


def _authors(doc) -> set[str]:
    return {
        doc.text[slice(*f["object"])] for f in doc._.get(RELATIONS) if f["relation"] == "author"
    }


def test_the_subjects_of_a_writing_verb_with_a_paper_object_are_authors(nlp) -> None:
    have = nlp("Our team members Maria Lopez, Kofi Mensah and Lena Berg have a new paper "
               "'Mapping cell fate with curvature flows' published in Cell Maps.")
    wrote = nlp("Team members Maria Lopez and Kofi Mensah have written an article on risk.")
    assert _authors(have) == {"Maria Lopez", "Kofi Mensah", "Lena Berg"}
    assert _authors(wrote) == {"Maria Lopez", "Kofi Mensah"}


def test_a_month_possessive_does_not_hide_the_paper_is_from_cue(nlp) -> None:
    doc = nlp("November's publication of the month is from Ilse Brandt, Professor of "
              "Statistics at Westby University.")
    assert _authors(doc) == {"Ilse Brandt"}


def test_a_person_and_colleagues_in_a_paper_sentence_are_its_authors(nlp) -> None:
    doc = nlp("The paper from Ana Ferrow (Westby Soil Centre) and colleagues presents how soil "
              "predictions can be used.")
    authors = {doc.text[slice(*f["object"])] for f in doc._.get(RELATIONS) or []
               if f["relation"] == "author"}
    assert authors == {"Ana Ferrow"}


def test_a_quoted_saying_is_not_a_title(nlp) -> None:
    doc = nlp("In soil science there is a saying that \"All soils are wet, but some are useful\", "
              "and this paper plays on it.")
    assert list(doc.spans[PUBLICATION_TITLES]) == []
    paper = nlp("Read the paper 'All soils are wet and yours are dry: making soil models useful'.")
    assert [t.text for t in doc.spans[PUBLICATION_TITLES]] == [] and len(
        paper.spans[PUBLICATION_TITLES]) == 1
