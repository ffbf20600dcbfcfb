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
