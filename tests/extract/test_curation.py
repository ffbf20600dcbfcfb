"""The curation file: loading, error messages, and every operation winning over the machine."""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest

from partnerkg.errors import CurationError
from partnerkg.extract import load_curation, resolve
from partnerkg.extract.model import (
    Assertion,
    EntityKind,
    Extraction,
    Mention,
    Newsletter,
    Relation,
    Resolved,
    SourceSpan,
)

P, ORG = EntityKind.PERSON, EntityKind.ORGANISATION
ROOT = Path(__file__).resolve().parents[2]


def _span(text: str) -> SourceSpan:
    return SourceSpan("x.md", 0, len(text), text)


def issue(month: str, mentions: list[tuple], assertions: list[tuple] = ()) -> Extraction:
    built = tuple(Mention(m, kind, text, _span(text), "test", 0.9, item)
                  for m, kind, text, item in mentions)
    facts = tuple(Assertion(s, r, o, _span("evidence"), "test", 0.8) for s, r, o in assertions)
    return Extraction(Newsletter(f"{month}.md", month, "", (), month), built, facts)


def curation(tmp_path: Path, text: str):
    path = tmp_path / "curation.yaml"
    path.write_text(text, encoding="utf-8")
    return load_curation(path)


def names(resolved: Resolved) -> list[str]:
    return sorted(e.name for e in resolved.entities)


def key_of(resolved: Resolved, name: str) -> str:
    return next(e.key for e in resolved.entities if e.name == name)


@pytest.fixture(autouse=True)
def no_partners(monkeypatch):
    module = importlib.import_module("partnerkg.extract.resolve")
    monkeypatch.setattr(module, "_partner_names", lambda: {})


@pytest.fixture
def corpus():
    return [
        issue("2023-01", [("p", P, "J. Smith", "Genomics seminar"), ("o", ORG, "Roche", "x"),
                          ("c", P, "Chris Holmes", "x"), ("t", ORG, "Thank You", "x")],
              [("p", Relation.AFFILIATION, "o")]),
        issue("2023-02", [("p", P, "J. Smith", "Ethics panel"), ("c", P, "Kit Holmes", "y"),
                          ("u", ORG, "University of Oxford", "y")]),
    ]


def test_the_example_file_loads():
    loaded = load_curation(ROOT / "curation.example.yaml")
    assert loaded.merge and loaded.split and loaded.rename and loaded.retype
    assert loaded.delete_entity and loaded.delete_relation and loaded.add_relation


def test_merge(tmp_path, corpus):
    before = resolve(corpus)
    rule = curation(tmp_path, "merge:\n  - entities: [Chris Holmes, Kit Holmes]\n"
                              "    name: Chris Holmes\n")
    after = resolve(corpus, rule)
    merged = [e for e in after.entities if "Holmes" in e.name]
    assert len(merged) == 1 and merged[0].name == "Chris Holmes"
    assert "Kit Holmes" in merged[0].alternate_names
    assert merged[0].key == key_of(before, "Chris Holmes")


def test_split_by_issue_and_by_context(tmp_path, corpus):
    rule = curation(tmp_path, """
split:
  - entity: J. Smith
    into:
      - name: Jane Smith
        issues: ["2023-01"]
      - name: John Smith
        context: [ethics]
""")
    after = resolve(corpus, rule)
    jane = next(e for e in after.entities if e.name == "Jane Smith")
    john = next(e for e in after.entities if e.name == "John Smith")
    assert jane.issues == ("2023-01",) and john.issues == ("2023-02",)
    assert "J. Smith" not in names(after)
    affiliation = next(f for f in after.facts if f.relation is Relation.AFFILIATION)
    assert affiliation.subject == jane.key


def test_rename_keeps_the_key(tmp_path, corpus):
    before = resolve(corpus)
    after = resolve(corpus, curation(tmp_path, "rename:\n  - entity: Roche\n"
                                               "    name: F. Hoffmann-La Roche AG\n"))
    assert "F. Hoffmann-La Roche AG" in names(after)
    assert key_of(after, "F. Hoffmann-La Roche AG") == key_of(before, "Roche")


def test_retype(tmp_path, corpus):
    after = resolve(corpus, curation(tmp_path, "retype:\n  - entity: University of Oxford\n"
                                               "    kind: organisation\n"
                                               "    attributes: {org_kind: university}\n"
                                               "  - entity: Roche\n    kind: person\n"))
    oxford = next(e for e in after.entities if e.name == "University of Oxford")
    assert oxford.attributes["org_kind"] == "university"
    assert next(e for e in after.entities if e.name == "Roche").kind is P


def test_delete_entity_removes_its_facts_and_mentions(tmp_path, corpus):
    after = resolve(corpus, curation(tmp_path, "delete_entity:\n  - entity: Roche\n"))
    assert "Roche" not in names(after)
    assert not after.facts
    keys = {k for record in after.issues for k in record.entity_keys}
    assert keys == {e.key for e in after.entities}


def test_delete_and_add_relation(tmp_path, corpus):
    after = resolve(corpus, curation(tmp_path, """
delete_relation:
  - {subject: J. Smith, relation: affiliation, object: Roche}
add_relation:
  - subject: Chris Holmes
    relation: affiliation
    object: University of Oxford
    issue: "2023-02"
    note: Confirmed by the team
"""))
    assert len(after.facts) == 1
    fact = after.facts[0]
    assert fact.component == "curation" and fact.evidence.text == "Confirmed by the team"
    assert fact.issue_month == "2023-02" and fact.confidence == 1.0
    assert fact.subject == key_of(after, "Chris Holmes")


def test_an_entry_that_matches_nothing_is_logged_not_fatal(tmp_path, corpus, caplog):
    after = resolve(corpus, curation(tmp_path, "delete_entity:\n  - entity: Nobody Atall\n"))
    assert len(after.entities) == len(resolve(corpus).entities)
    assert "Nobody Atall" in caplog.text and "curation.yaml:2" in caplog.text


@pytest.mark.parametrize(("text", "expected"), [
    ("- merge\n", "must be a mapping of operations"),
    ("rename:\n  - entity: X\n", "curation.yaml:2: rename entry: field 'name'"),
    ("retype:\n  - entity: X\n    kind: animal\n", "kind 'animal' is not one of"),
    ("merge:\n  - entities: [Only One]\n", "needs at least 2 entries"),
    ("renam:\n  - entity: X\n", "unknown operation 'renam'"),
    ("add_relation:\n  - {subject: A, relation: affiliation, object: B, issue: 2023-11}\n",
     "field 'note'"),
    ("delete_relation:\n  - {subject: A, relation: likes, object: B}\n", "relation 'likes'"),
    ("split:\n  - entity: X\n    into:\n      - name: Y\n", "needs 'issues' or 'context'"),
    ("rename:\n  - entity: X\n    name: Y\n    colour: red\n", "unknown field(s) 'colour'"),
    ("merge: [unclosed\n", "not valid YAML"),
])
def test_malformed_files_name_the_line_and_the_fix(tmp_path, text, expected):
    with pytest.raises(CurationError) as error:
        curation(tmp_path, text)
    assert expected in str(error.value)
    assert "curation.yaml" in str(error.value)


def test_a_missing_file_is_a_curation_error(tmp_path):
    with pytest.raises(CurationError, match="cannot read curation file"):
        load_curation(tmp_path / "absent.yaml")


def test_an_empty_file_is_no_curation(tmp_path, corpus):
    assert resolve(corpus, curation(tmp_path, "# nothing yet\n")) == resolve(corpus)
