"""Scoring a graph against gold files: every rule of ANNOTATION_GUIDE.md's "Scoring"."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy
from rdflib import RDF, RDFS, XSD, Dataset, Literal, Namespace, URIRef

from partnerkg.errors import EvaluationError
from partnerkg.extract.evaluate import (
    EvaluationReport,
    Score,
    evaluate_dataset,
    evaluate_store,
    ner_prediction,
    score_issue,
    side_by_side,
)
from partnerkg.extract.gold import load_gold
from partnerkg.graph.store import Store
from partnerkg.ontology.namespaces import SCHEMA
from partnerkg.settings import Settings

ID = Namespace("https://w3id.org/partnerkg/id/")
ONTO = Namespace("https://example.org/onto#")


def person(pid, name, affiliations=(), roles=(), optional=False, aliases=()):
    return {"id": pid, "name": name, "aliases": list(aliases), "optional": optional,
            "affiliations": [{"org": o, "evidence": "…"} for o in affiliations],
            "roles": [{"title": "Lead", "org": o, "evidence": "…"} for o in roles]}


def org(oid, name, aliases=(), optional=False):
    return {"id": oid, "name": name, "aliases": list(aliases), "optional": optional}


GOLD_JUNE = {
    "newsletter": "2024-06.md",
    "issue_month": "2024-06",
    "people": [
        person("p1", "Tapabrata Chakraborty", ["o1"], ["o2"], aliases=["Rohan"]),
        person("p2", "Jörg Müller", ["o4"]),
        person("p3", "Ada", optional=True),
        person("p4", "Grace Hopper", ["o1"]),
        person("p5", "Katherine Johnsen"),
    ],
    "organizations": [
        org("o1", "The Alan Turing Institute", ["Turing"]),
        org("o2", "Health Data Research UK", ["HDR UK"]),
        org("o3", "Roche & Co (Basel)"),
        org("o4", "SAIL Databank", optional=True),
    ],
    "events": [
        {"id": "e1", "name": "Fairness in AI for Health", "aliases": [], "optional": False,
         "start_date": "2024-04-30", "end_date": None,
         "speakers": [{"person": "p1", "evidence": "…"}],
         "organizers": [{"org": "o1", "evidence": "…"}], "location": None},
        {"id": "e2", "name": "Data Study Group", "aliases": [], "optional": False,
         "start_date": "2024-05-01", "end_date": None, "speakers": [], "organizers": []},
    ],
    "publications": [
        {"id": "w1", "title": "A Study of Things", "optional": False,
         "authors": [{"person": "p2", "evidence": "…"}], "venue": None, "doi": None},
    ],
    "neutral_pairs": [{"kind": "affiliation", "a": "p5", "b": "o3"}],
}
GOLD_MAY = {
    "newsletter": "2024-05.md", "issue_month": "2024-05",
    "people": [person("p1", "Jörg Müller", ["o1"])],
    "organizations": [org("o1", "HDR UK")],
    "events": [], "publications": [],
}
GOLD_ABSENT = {"issue_month": "2023-01", "people": [person("p1", "Ada Byron")],
               "organizations": [], "events": [], "publications": []}


def gold_dir(tmp_path: Path, *golds: dict) -> Path:
    folder = tmp_path / "gold"
    folder.mkdir()
    for gold in golds:
        (folder / f"{gold['issue_month']}.json").write_text(json.dumps(gold), encoding="utf-8")
    passes = folder / "passes"
    passes.mkdir()
    (passes / "ignored.json").write_text("not json", encoding="utf-8")
    return folder


def build_graph() -> Dataset:
    """A small export following DESIGN.md's output contract."""
    ds = Dataset()
    ds.add((ONTO.Institute, RDFS.subClassOf, SCHEMA.Organization))  # ontology, default graph
    ds.add((ONTO.Role, RDFS.subClassOf, SCHEMA.OrganizationRole))
    ds.add((SCHEMA.OrganizationRole, RDFS.subClassOf, SCHEMA.Role))
    june, may = ID["issue/2024-06"], ID["issue/2024-05"]
    g, h = ds.graph(june), ds.graph(may)

    def entity(graph, key, cls, name, *alternates):
        node = ID[key]
        graph.add((node, RDF.type, cls))
        graph.add((node, SCHEMA.name, Literal(name)))
        for alternate in alternates:
            graph.add((node, SCHEMA.alternateName, Literal(alternate)))
        graph.add((URIRef(graph.identifier), SCHEMA.mentions, node))
        return node

    for graph, month in ((g, "2024-06"), (h, "2024-05")):
        graph.add((graph.identifier, RDF.type, SCHEMA.PublicationIssue))
        graph.add((graph.identifier, SCHEMA.datePublished, Literal(f"{month}-01",
                                                                   datatype=XSD.date)))
    rohan = entity(g, "person/rohan", SCHEMA.Person, "Tapabrata Chakraborty", "Rohan")
    jorg = entity(g, "person/jorg", SCHEMA.Person, "Jorg Muller", "Prof. Jorg Muller")
    entity(g, "person/ada", SCHEMA.Person, "Ada")
    katherine = entity(g, "person/kj", SCHEMA.Person, "Katherine Johnson")
    kathy = entity(g, "person/kathy", SCHEMA.Person, "Kathy Jones")
    turing = entity(g, "organisation/ati", SCHEMA.ResearchOrganization, "Alan Turing Institute",
                    "the Turing")
    turing_dup = entity(g, "organisation/turing", SCHEMA.Organization, "Turing")
    hdr = entity(g, "organisation/hdr", ONTO.Institute, "HDR UK")
    roche = entity(g, "organisation/roche", SCHEMA.Corporation, "Roche and Co")
    sail = entity(g, "organisation/sail", SCHEMA.Organization, "SAIL Databank")
    fair = entity(g, "event/fair", SCHEMA.Event, "Fairness in AI for Health")
    dsg = entity(g, "event/dsg", SCHEMA.EducationEvent, "Data Study Group")
    paper = entity(g, "publication/w", SCHEMA.ScholarlyArticle, "A study of things")
    role = ID["role/r1"]
    g.add((rohan, URIRef("https://w3id.org/partnerkg/ontology#hasRole"), role))
    g.add((role, RDF.type, ONTO.Role))
    g.add((role, SCHEMA.roleName, Literal("Theme Lead")))
    g.add((role, SCHEMA.affiliation, turing))
    g.add((role, SCHEMA.startDate, Literal("2024-06-01", datatype=XSD.date)))  # not an event
    programme = entity(g, "programme/p", SCHEMA.Project, "Enrichment Scheme")
    g.add((rohan, SCHEMA.memberOf, programme))  # a programme is not an organisation here
    g.add((rohan, SCHEMA.affiliation, hdr))
    g.add((jorg, SCHEMA.affiliation, sail))  # optional org: neutral
    g.add((katherine, SCHEMA.worksFor, roche))  # neutral pair
    g.add((kathy, SCHEMA.memberOf, roche))  # unmatched person: false positive
    g.add((fair, SCHEMA.performer, rohan))
    g.add((fair, SCHEMA.organizer, turing_dup))  # a duplicate still stands for o1
    g.add((fair, SCHEMA.startDate, Literal("2024-04-30", datatype=XSD.date)))
    g.add((dsg, SCHEMA.startDate, Literal("2024-05-02", datatype=XSD.date)))
    g.add((paper, SCHEMA.author, jorg))
    g.add((paper, SCHEMA.author, kathy))
    # May: only what that issue states counts for May, and never for June
    entity(h, "person/jorg", SCHEMA.Person, "Jorg Muller")
    entity(h, "organisation/hdr", ONTO.Institute, "HDR UK")
    entity(h, "person/grace-elsewhere", SCHEMA.Person, "Grace Hopper")
    h.add((jorg, SCHEMA.affiliation, hdr))
    h.remove((may, SCHEMA.mentions, ID["person/grace-elsewhere"]))
    return ds


@pytest.fixture
def report(tmp_path) -> EvaluationReport:
    folder = gold_dir(tmp_path, GOLD_JUNE, GOLD_MAY, GOLD_ABSENT)
    return evaluate_dataset(folder, Store.from_dataset(build_graph()))


def test_entities_per_kind(report):
    june = report.per_issue["2024-06"]
    # accents, titles, 92 % fuzz (Johnson/Johnsen) match; optional Ada is neutral;
    # Kathy Jones is a false positive; Grace Hopper (mentioned only by another issue) a miss
    assert june["person"] == Score(tp=3, fp=1, fn=1)
    # "&", parentheses, "the", a subclass via rdfs:subClassOf; a duplicate is one false positive
    assert june["organisation"] == Score(tp=3, fp=1, fn=0, duplicates=1)
    assert june["event"] == Score(tp=2)
    assert june["publication"] == Score(tp=1)


def test_relations_per_type(report):
    june = report.per_issue["2024-06"]
    # through a role node and directly; optional org and neutral pair count neither way
    assert june["affiliation"] == Score(tp=2, fp=1, fn=1)
    assert june["speaker"] == Score(tp=1)
    assert june["organizer"] == Score(tp=1)
    assert june["author"] == Score(tp=1, fp=1)
    assert june["event_date"] == Score(tp=1, fp=1, fn=1)


def test_errors_name_every_miss_and_false_positive(report):
    lines = report.error_lines()
    assert "2024-06 person spurious: Kathy Jones" in lines
    assert "2024-06 person missed: Grace Hopper" in lines
    assert "2024-06 organisation duplicate: Turing" in lines
    assert "2024-06 affiliation missed: Grace Hopper -> The Alan Turing Institute" in lines
    assert "2024-06 event_date spurious: Data Study Group -> 2024-05-02" in lines
    assert len(lines) == sum(s.fp + s.fn for s in report.overall.values())


def test_relations_come_from_the_issue_graph_only(report):
    assert report.per_issue["2024-05"]["affiliation"] == Score(tp=1)
    assert report.per_issue["2024-05"]["person"] == Score(tp=1)


def test_micro_average_and_missing_issue(report):
    assert report.missing_issues == ("2023-01",)
    assert report.per_issue["2023-01"]["person"] == Score(fn=1)
    assert report.overall["person"] == Score(tp=4, fp=1, fn=2)
    assert report.overall["person"].precision == pytest.approx(0.8)
    assert report.overall["person"].recall == pytest.approx(4 / 6)
    assert report.entities.tp == 4 + 1 + 3 + 2 + 1


def test_report_serialises_and_renders(report):
    data = json.loads(report.to_json())
    assert data["overall"]["person"]["tp"] == 4
    assert data["per_issue"]["2024-06"]["organisation"]["duplicates"] == 1
    table = report.to_rich_table()
    assert table.row_count == 11


def test_a_split_scores_only_its_issues(tmp_path):
    folder = gold_dir(tmp_path, GOLD_JUNE, GOLD_MAY)
    report = evaluate_dataset(folder, Store.from_dataset(build_graph()), issues={"2024-05"})
    assert list(report.per_issue) == ["2024-05"]
    with pytest.raises(EvaluationError, match="no gold file"):
        evaluate_dataset(folder, Store.from_dataset(build_graph()), issues={"1999-01"})


def test_side_by_side_markdown(report):
    table = side_by_side([report, report]).splitlines()
    assert table[0].count("partnerkg P") == 2
    assert table[2].startswith("| person | 0.80 | 0.67 | 0.73 | 0.80")
    assert len(table) == 2 + 9 + 2


def test_evaluate_store_opens_the_configured_store(tmp_path):
    folder = gold_dir(tmp_path, GOLD_MAY)
    report = evaluate_store(folder, Settings(store=str(tmp_path / "empty-store")))
    assert report.missing_issues == ("2024-05",)
    assert report.overall["person"] == Score(fn=1)


def test_ner_baseline_scores_entities_and_no_relations(tmp_path):
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns([{"label": "PERSON", "pattern": "Jörg Müller"},
                        {"label": "ORG", "pattern": "HDR UK"},
                        {"label": "ORG", "pattern": "Acme"}])
    prediction = ner_prediction(["Jörg Müller of HDR UK met Acme.", "HDR UK again."], nlp)
    scores = score_issue(load_gold(gold_dir(tmp_path, GOLD_MAY) / "2024-05.json"), prediction)
    assert scores["person"] == Score(tp=1)
    assert scores["organisation"] == Score(tp=1, fp=1)
    assert scores["affiliation"] == Score(fn=1)


@pytest.mark.parametrize(("content", "message"), [
    ("[]", "JSON object"),
    ('{"issue_month": "June"}', "issue_month"),
    ('{"issue_month": "2024-06", "people": [{"id": "p1"}]}', "lacks an 'id' or a 'name'"),
    ('{"issue_month": "2024-06", "people": [{"id": "p1", "name": "A", '
     '"affiliations": [{"org": "o9"}]}]}', "unknown id 'o9'"),
])
def test_malformed_gold_is_an_evaluation_error(tmp_path, content, message):
    path = tmp_path / "2024-06.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(EvaluationError, match=message):
        load_gold(path)
