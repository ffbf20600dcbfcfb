"""Small issue graphs built inside each test, and the reasoner precondition (Java)."""

from __future__ import annotations

import os
import shutil

import pytest
from rdflib import Literal
from rdflib.namespace import XSD

from partnerkg.ontology.namespaces import PKG, SCHEMA
from tests.ontology.issue_graph import IssueGraph


@pytest.fixture
def issue() -> IssueGraph:
    return IssueGraph()


@pytest.fixture
def clean_issue(issue: IssueGraph) -> IssueGraph:
    """A small graph that follows every rule: a seminar, its speaker and her university."""
    ada = issue.entity("person/ada-lovelace", SCHEMA.Person, "Ada Lovelace")
    uni = issue.entity("organisation/uni", SCHEMA.CollegeOrUniversity, "University of Testing")
    talk = issue.entity("event/seminar", PKG.Seminar, "Seminar on engines")
    issue.graph.add((talk, SCHEMA.startDate, Literal("2024-03-05", datatype=XSD.date)))
    issue.graph.add((talk, SCHEMA.endDate, Literal("2024-03-05", datatype=XSD.date)))
    issue.state(talk, SCHEMA.performer, ada, "Ada Lovelace (University of Testing) speaks.")
    issue.state(ada, SCHEMA.affiliation, uni, "Ada Lovelace (University of Testing) speaks.")
    return issue


@pytest.fixture
def java() -> None:
    """The reasoner needs Java: skip without it, except under CI where it is installed."""
    if shutil.which("java") is None:
        if os.environ.get("CI") == "true":
            pytest.fail("java not found; CI installs it with .ci/system-deps")
        pytest.skip("java not found (the OWL reasoner HermiT needs it)")
