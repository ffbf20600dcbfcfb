"""The quality gate finds real problems, says them in plain language, and passes clean data."""

from __future__ import annotations

import pytest
from rdflib import Literal
from rdflib.namespace import RDF, XSD

from partnerkg.ontology.check import check_graph, check_store
from partnerkg.ontology.namespaces import PKG, SCHEMA
from partnerkg.settings import Settings
from tests.ontology.issue_graph import ID, IssueGraph


def _shape_messages(issue: IssueGraph) -> list[str]:
    report = check_graph(issue.dataset, reasoner=False)
    return [str(problem) for problem in report.problems]


@pytest.mark.reasoner
def test_clean_graph_passes_both_checks(clean_issue: IssueGraph, java: None) -> None:
    report = check_graph(clean_issue.dataset)
    assert report.ok, report.summary()
    assert report.summary().startswith("check passed: OWL reasoner and SHACL shapes")


@pytest.mark.reasoner
def test_reasoner_names_a_person_organisation_and_its_evidence(
    clean_issue: IssueGraph, java: None
) -> None:
    ada = ID["person/ada-lovelace"]
    clean_issue.graph.add((ada, RDF.type, SCHEMA.Organization))
    report = check_graph(clean_issue.dataset, shapes=False)
    assert not report.ok
    (problem,) = report.problems
    assert problem.check == "reasoner"
    assert problem.nodes == (str(ada),)
    assert f"“Ada Lovelace” <{ada}>" in problem.message
    assert "organisation (schema:Organization) and person (schema:Person)" in problem.message
    assert problem.evidence[0].text == "Ada Lovelace (University of Testing) speaks."
    assert "Ada Lovelace (University of Testing) speaks." in report.summary()


@pytest.mark.reasoner
def test_reasoner_finds_a_kind_clash_through_a_property_range(
    clean_issue: IssueGraph, java: None
) -> None:
    paper = clean_issue.entity("publication/p", SCHEMA.ScholarlyArticle, "On engines")
    seminar = ID["event/seminar"]
    clean_issue.state(paper, SCHEMA.author, seminar, "On engines, by the Seminar on engines.")
    (problem,) = check_graph(clean_issue.dataset, shapes=False).problems
    assert str(seminar) in problem.nodes
    assert "is the value of schema:author" in problem.message
    assert "but it is an event (schema:Event)" in problem.message
    assert problem.evidence[0].text == "On engines, by the Seminar on engines."


def test_shapes_pass_the_clean_graph(clean_issue: IssueGraph) -> None:
    assert _shape_messages(clean_issue) == []


def test_person_with_two_names(clean_issue: IssueGraph) -> None:
    clean_issue.graph.add((ID["person/ada-lovelace"], SCHEMA.name, Literal("Ada King")))
    (message,) = _shape_messages(clean_issue)
    assert "A person must have exactly one name" in message
    assert "“Ada King”" in message and "“Ada Lovelace”" in message
    assert "source: “Ada Lovelace (University of Testing) speaks.” (2024-03.md:100-" in message


def test_event_ending_before_it_starts(clean_issue: IssueGraph) -> None:
    seminar = ID["event/seminar"]
    clean_issue.graph.set((seminar, SCHEMA.endDate, Literal("2024-03-01", datatype=XSD.date)))
    (message,) = _shape_messages(clean_issue)
    assert "The event ends (2024-03-01) before it starts (2024-03-05)" in message
    assert "“Seminar on engines”" in message


def test_event_date_that_is_not_a_date(clean_issue: IssueGraph) -> None:
    seminar = ID["event/seminar"]
    clean_issue.graph.set((seminar, SCHEMA.startDate, Literal("early March")))
    (message,) = _shape_messages(clean_issue)
    assert "start date must be one calendar date" in message
    assert "“early March”" in message


def test_entity_no_issue_mentions(clean_issue: IssueGraph) -> None:
    clean_issue.entity("organisation/ghost", SCHEMA.Organization, "Ghost Ltd", mentioned=False)
    (message,) = _shape_messages(clean_issue)
    assert "“Ghost Ltd”" in message
    assert "No newsletter issue mentions this entity" in message


def test_mention_rule_covers_subclasses(clean_issue: IssueGraph) -> None:
    clean_issue.entity("publication/pp", PKG.Preprint, "A preprint", mentioned=False)
    (message,) = _shape_messages(clean_issue)
    assert "“A preprint”" in message and "mentions" in message


def test_statement_without_provenance(clean_issue: IssueGraph) -> None:
    ada, paper = ID["person/ada-lovelace"], clean_issue.entity(
        "publication/p", SCHEMA.ScholarlyArticle, "On engines"
    )
    clean_issue.state(paper, SCHEMA.author, ada, evidence=None)
    (message,) = _shape_messages(clean_issue)
    assert "“On engines”" in message
    assert "has no provenance" in message
    assert "schema:author: “Ada Lovelace”" in message


def test_provenance_record_without_its_sentence(clean_issue: IssueGraph) -> None:
    statement = clean_issue.state(
        ID["event/seminar"], SCHEMA.organizer, ID["organisation/uni"], "Hosted by the uni."
    )
    clean_issue.graph.remove((statement, PKG.evidenceText, None))
    (message,) = _shape_messages(clean_issue)
    assert "must quote its source sentence" in message


def test_check_store_reads_the_store(clean_issue: IssueGraph, tmp_path) -> None:
    from partnerkg.graph.store import open_store

    clean_issue.graph.add((ID["person/ada-lovelace"], SCHEMA.name, Literal("Ada King")))
    location = str(tmp_path / "store")
    with open_store(location) as store:
        store.replace_all(clean_issue.dataset, {})
    report = check_store(Settings(store=location))
    assert not report.ok
    assert "exactly one name" in report.summary()


@pytest.mark.reasoner
def test_graph_build_output_passes_the_check(java: None) -> None:
    from partnerkg.graph.build import to_rdf
    from tests.graph.build_fixture import small_resolved

    report = check_graph(to_rdf(small_resolved()))
    assert report.ok, report.summary()


def test_check_store_refuses_an_empty_store(tmp_path) -> None:
    from partnerkg.errors import StoreError

    with pytest.raises(StoreError, match="run `partnerkg build` first"):
        check_store(Settings(store=str(tmp_path / "empty")))


def test_missing_java_is_an_actionable_error(
    clean_issue: IssueGraph, monkeypatch: pytest.MonkeyPatch
) -> None:
    from partnerkg.errors import OntologyError

    monkeypatch.setenv("PATH", "/nonexistent")
    with pytest.raises(OntologyError, match="needs Java"):
        check_graph(clean_issue.dataset, shapes=False)
