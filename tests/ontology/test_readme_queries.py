"""The example queries in ontology/README.md run and answer on a small graph."""

from __future__ import annotations

import re
from pathlib import Path

from rdflib import Graph

from partnerkg.ontology import build
from partnerkg.ontology.vocabularies import load_ontology, load_topic_scheme
from tests.ontology.issue_graph import IssueGraph

README = Path(build.__file__).resolve().parent / "README.md"


def _queries() -> list[str]:
    return re.findall(r"```sparql\n(.*?)```", README.read_text(), flags=re.S)


def test_readme_has_five_example_queries_that_answer(clean_issue: IssueGraph) -> None:
    queries = _queries()
    assert len(queries) == 5
    graph = Graph() + clean_issue.graph + load_ontology() + load_topic_scheme()
    answers = [list(graph.query(query)) for query in queries]
    affiliations, events, _, sentences, _ = answers
    assert [(str(r[0]), str(r[1])) for r in affiliations] == [
        ("Ada Lovelace", "University of Testing")
    ]
    assert {str(r.speaker) for r in events} == {"Ada Lovelace"}
    assert {str(r.sentence) for r in sentences} == {
        "Ada Lovelace (University of Testing) speaks."
    }
