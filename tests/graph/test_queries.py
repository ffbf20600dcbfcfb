"""The named query library and its API, on a hand-written two-issue graph (fixtures/)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from rdflib import Dataset, Literal, URIRef
from rich.console import Console
from typer.testing import CliRunner

from partnerkg.errors import QueryError, StoreError
from partnerkg.graph.query import (
    NamedQuery,
    QueryResult,
    list_queries,
    load_query,
    run_query,
    shortest_path,
)
from partnerkg.graph.store import Store, open_store
from partnerkg.settings import Settings

FIXTURE = Path(__file__).parent / "fixtures" / "two_issues.trig"
ID = "https://w3id.org/partnerkg/id/"
ADA, BO, CY, DEE = (
    URIRef(ID + "person/" + key)
    for key in ("ada-quill-1a2b", "bo-tanaka-3c4d", "cy-ferris-5e6f", "dee-moss-7a8b")
)
COUNT_QUADS = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
HOSTILE = ['" } ; DROP ALL ; #', "> <", "x' } DELETE WHERE { ?s ?p ?o } #"]


@pytest.fixture(scope="module")
def store() -> Store:
    dataset = Dataset()
    dataset.parse(FIXTURE, format="trig")
    return Store.from_dataset(dataset)


def rows(result: QueryResult, *columns: str) -> set[tuple[str | None, ...]]:
    return {tuple(None if row[c] is None else str(row[c]) for c in columns) for row in result.rows}


#: name -> (params, columns, rows that must be there) on the fixture; the fixture's facts are
#: described in its comments and the module docstring of fixtures/two_issues.trig.
EXPECTED: dict[str, tuple[dict[str, str], tuple[str, ...], set[tuple[str | None, ...]]]] = {
    "people_roles": (
        {},
        ("name", "role", "organisation", "stated"),
        {
            ("Ada Quill", "Theme Lead", "Institute of Tides", "2031-04-01"),
            ("Bo Tanaka", "Data Scientist", "Helix Labs", "2031-03-01"),
            ("Cy Ferris", "Lecturer", "Northgate University", "2031-04-01"),
            ("Dee Moss", None, None, None),
        },
    ),
    "event_speakers": (
        {},
        ("eventName", "date", "speakerName"),
        {
            ("Tidal Models Seminar", "2031-03-15", "Ada Quill"),
            ("Tidal Models Seminar", "2031-03-15", "Bo Tanaka"),
            ("River Data Workshop", "2031-05-02", "Cy Ferris"),
            ("River Data Workshop", "2031-05-02", "Ada Quill"),
        },
    ),
    "institutions_ranked": (
        {},
        ("name", "people", "events", "score"),
        {
            ("Northgate University", "2", "2", "4"),
            ("Institute of Tides", "1", "2", "3"),
            ("Helix Labs", "1", "1", "2"),
        },
    ),
    "coauthor_pairs": (
        {},
        ("nameA", "nameB", "publications"),
        {("Ada Quill", "Dee Moss", "1")},
    ),
    "cospeaker_pairs": (
        {},
        ("nameA", "nameB", "eventNames"),
        {
            ("Ada Quill", "Bo Tanaka", "Tidal Models Seminar"),
            ("Ada Quill", "Cy Ferris", "River Data Workshop"),
        },
    ),
    "collaborators": (
        {"person": "dr ada quill"},  # an alternate name, any case
        ("collaboratorName", "sharedPublications", "sharedEvents"),
        {("Bo Tanaka", "0", "1"), ("Cy Ferris", "0", "1"), ("Dee Moss", "1", "0")},
    ),
    "topics_over_time": (
        {},
        ("month", "label", "mentions"),
        {("2031-03", "Machine learning", "2"), ("2031-04", "Health data", "2")},
    ),
    "role_changes": (
        {},
        ("name", "earlierRole", "earlierOrganisation", "laterRole", "laterOrganisation"),
        {
            (
                "Ada Quill",
                "Research Fellow",
                "Northgate University",
                "Theme Lead",
                "Institute of Tides",
            )
        },
    ),
    "events_in_range": (
        {"start": "2031-03-01", "end": "2031-03-31"},
        ("eventName", "date", "organisers"),
        {("Tidal Models Seminar", "2031-03-15", "Helix Labs")},
    ),
    "upcoming_events": (
        {"after": "2031-04-01"},
        ("eventName", "date", "endDate"),
        {("River Data Workshop", "2031-05-02", "2031-05-03")},
    ),
    "member_papers": (
        {},
        ("title", "doi", "members"),
        {
            (
                "Flood forecasting with sparse gauges",
                "https://doi.org/10.9999/jwm.2031.1",
                "Ada Quill",
            )
        },
    ),
    "publications_by_venue": (
        {},
        ("venueName", "publications", "titles"),
        {
            ("Journal of Water Models", "1", "Flood forecasting with sparse gauges"),
            ("Helix Labs", "1", "Sediment report"),
        },
    ),
    "opportunities_by_deadline": (
        {"month": "2031-04"},
        ("opportunityName", "deadline", "offeredBy"),
        {("Summer Fellowship", "2031-04-20", "Institute of Tides")},
    ),
    "connection_path": (
        {"from": "Bo Tanaka", "to": "dee moss"},
        ("hops", "via1", "person1", "via2"),
        {("2", "Tidal Models Seminar", "Ada Quill", "Flood forecasting with sparse gauges")},
    ),
    "connected": (
        {"from": "Bo Tanaka", "to": "Cyrus Ferris"},
        ("sourceName", "targetName", "connected"),
        {("Bo Tanaka", "Cy Ferris", "true")},
    ),
    "person_links": (
        {},
        ("personName", "thingName", "link"),
        {
            ("Dee Moss", "Flood forecasting with sparse gauges", "author"),
            ("Bo Tanaka", "Tidal Models Seminar", "speaker"),
            ("Cy Ferris", "Northgate University", "affiliation"),
        },
    ),
    "fact_provenance": (
        {"subject": "Ada", "object": "institute of tides"},
        (
            "predicate",
            "evidence",
            "file",
            "start",
            "end",
            "issue",
            "itemTitle",
            "component",
            "confidence",
        ),
        {
            (
                "http://schema.org/affiliation",
                "Ada Quill, now Theme Lead at the Institute of Tides",
                "2031-04.md",
                "310",
                "361",
                ID + "issue/2031-04",
                "Team news",
                "dependency-rules",
                "0.9",
            )
        },
    ),
    "entity_by_name": (
        {"name": "HELIX LABS"},
        ("direction", "predicate", "valueName", "issue"),
        {
            ("in", "http://schema.org/organizer", "Tidal Models Seminar", ID + "issue/2031-03"),
            ("in", "http://schema.org/publisher", "Sediment report", ID + "issue/2031-04"),
            ("in", "http://schema.org/affiliation", "Bo Tanaka", ID + "issue/2031-03"),
        },
    ),
    "issue_entities": (
        {"issue": "2031-04"},
        ("entityName", "types"),
        {
            ("Cy Ferris", "Person"),
            ("Summer Fellowship", "FundingCall"),
            ("River Data Workshop", "Workshop"),
        },
    ),
    "issues": (
        {},
        ("month", "file", "entities", "items", "statements"),
        {("2031-03", "2031-03.md", "9", "2", "3"), ("2031-04", "2031-04.md", "9", "1", "2")},
    ),
    "people_by_organisation": (
        {"organisation": "northgate"},
        ("orgName", "personName", "role", "stated"),
        {
            ("Northgate University", "Ada Quill", "Research Fellow", "2031-03-01"),
            ("Northgate University", "Cy Ferris", "Lecturer", "2031-04-01"),
        },
    ),
    "events_by_organiser": (
        {"organiser": "helix"},
        ("organiserName", "eventName", "date"),
        {("Helix Labs", "Tidal Models Seminar", "2031-03-15")},
    ),
    "person_timeline": (
        {"person": "Ada Quill"},
        ("date", "what", "detail"),
        {
            ("2031-03-01", "role", "Research Fellow at Northgate University"),
            ("2031-03-15", "spoke at", "Tidal Models Seminar"),
            ("2031-03-01", "authored", "Flood forecasting with sparse gauges"),
            ("2031-04-01", "role", "Theme Lead at Institute of Tides"),
            ("2031-05-02", "spoke at", "River Data Workshop"),
        },
    ),
    "person_topics": (
        {"person": "Ada Quill"},
        ("topicLabel", "things"),
        {("Machine learning", "2"), ("Health data", "1")},
    ),
    "most_connected_people": (
        {},
        ("name", "connections", "events", "publications", "organisations"),
        {("Ada Quill", "3", "2", "1", "2"), ("Dee Moss", "1", "0", "1", "0")},
    ),
}

#: Rows that must NOT be there (the query's point is to leave them out).
ABSENT: dict[str, tuple[tuple[str, ...], set[tuple[str | None, ...]]]] = {
    "people_roles": (("name", "role"), {("Ada Quill", "Research Fellow")}),
    "events_in_range": (("eventName",), {("River Data Workshop",)}),
    "upcoming_events": (("eventName",), {("Tidal Models Seminar",)}),
    "people_by_organisation": (("personName",), {("Bo Tanaka",)}),
    "role_changes": (("name",), {("Bo Tanaka",), ("Cy Ferris",)}),
    "coauthor_pairs": (("nameA", "nameB"), {("Dee Moss", "Ada Quill")}),  # each pair once
}


def named() -> list[NamedQuery]:
    return [q for q in list_queries() if not q.name.startswith("eval_")]


def test_library_has_the_documented_queries() -> None:
    queries = named()
    assert len(queries) >= 20
    assert {q.name for q in queries} == set(EXPECTED)
    for query in queries:
        assert query.title and query.description, query.name
        for param in query.params:
            assert param.description, (query.name, param.name)
            # Oxigraph substitutes projected variables only.
            projected = query.sparql.split("WHERE", 1)[0]
            assert f"?{param.name}" in projected, (query.name, param.name)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_named_query_returns_the_expected_facts(store: Store, name: str) -> None:
    params, columns, expected = EXPECTED[name]
    result = run_query(store, name, params)
    assert set(columns) <= set(result.columns)
    assert not set(load_query(name).bindings(params)) & set(result.columns), "params hidden"
    assert expected <= rows(result, *columns)
    if name in ABSENT:
        absent_columns, absent = ABSENT[name]
        assert not absent & rows(result, *absent_columns)
    assert len(result.rows) == len(rows(result, *result.columns)), "no duplicate rows"


def test_people_roles_lists_each_person_once_with_the_latest_role(store: Store) -> None:
    result = run_query(store, "people_roles", {})
    assert sorted(result.values("name")) == ["Ada Quill", "Bo Tanaka", "Cy Ferris", "Dee Moss"]


def test_connection_path_gives_shortest_chains_first(store: Store) -> None:
    result = run_query(store, "connection_path", {"from": "Bo Tanaka", "to": "Cy Ferris"})
    hops = [int(h) for h in result.values("hops") if h is not None]
    assert hops == sorted(hops) and hops[0] == 2
    assert ("Ada Quill",) in rows(result, "person1")


def test_shortest_path_helper_walks_people_and_shared_things(store: Store) -> None:
    path = shortest_path(store, "bo tanaka", "Dee Moss")
    assert [name for _, name in path] == [
        "Bo Tanaka", "Tidal Models Seminar", "Ada Quill",
        "Flood forecasting with sparse gauges", "Dee Moss",
    ]  # fmt: skip
    assert path[0][0] == str(BO) and path[-1][0] == str(DEE)
    with pytest.raises(QueryError, match="no linked person named 'Nobody'"):
        shortest_path(store, "Nobody", "Dee Moss")


@pytest.mark.parametrize(
    ("name", "params", "message"),
    [
        ("collaborators", {}, r"needs --param person=.*person \(string\)"),
        ("collaborators", {"person": "Ada", "who": "x"}, r"no parameter who; it takes: person"),
        ("events_in_range", {"start": "March", "end": "2031-03-31"}, "must be a date"),
        ("most_connected_people", {"min": "many"}, "must be an integer"),
        ("no_such_query", {}, "no named query 'no_such_query'"),
        ("colaborators", {}, "did you mean collaborators"),
    ],
)
def test_bad_parameters_and_names_raise_query_error(
    store: Store, name: str, params: dict[str, str], message: str
) -> None:
    with pytest.raises(QueryError, match=message):
        run_query(store, name, params)


def test_defaults_apply(store: Store) -> None:
    assert load_query("most_connected_people").bindings({}) == {"min": Literal(1)}
    today = load_query("upcoming_events").bindings({})["after"]
    assert today == Literal(dt.date.today().isoformat(), datatype=URIRef(str(today.datatype)))
    explicit = {"after": dt.date.today().isoformat()}
    assert (
        run_query(store, "upcoming_events", {}).rows
        == run_query(store, "upcoming_events", explicit).rows
    )


def test_query_file_with_iri_parameter(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "names_of.rq"
    path.write_text(
        "# title: Names of a thing\n"
        "# description: the schema:name of one IRI.\n"
        "# param: thing (type: iri) — the thing's IRI\n"
        "SELECT DISTINCT ?name ?thing WHERE { ?thing <http://schema.org/name> ?name }\n"
    )
    result = run_query(store, str(path), {"thing": str(ADA)})
    assert result.values("name") == ["Ada Quill"]
    assert result.columns == ["name"]
    for bad in ("not an iri", "> <", "https://x.org/a b", "relative/path"):
        with pytest.raises(QueryError, match="must be an absolute IRI"):
            run_query(store, str(path), {"thing": bad})


@pytest.mark.parametrize("query", [q for q in named() if q.params], ids=lambda q: q.name)
def test_hostile_parameter_values_are_only_data(store: Store, query: NamedQuery) -> None:
    before = store.select(COUNT_QUADS)
    for value in HOSTILE:
        params = {
            p.name: value if p.type == "string" else (p.default or "2031-03-01")
            for p in query.params
        }
        if not any(p.type == "string" for p in query.params):
            params = {p.name: value for p in query.params}
            with pytest.raises(QueryError, match="must be"):
                run_query(store, query.name, params)
            continue
        assert run_query(store, query, params).rows == []
    assert store.select(COUNT_QUADS) == before


def test_result_formats(store: Store) -> None:
    result = run_query(store, "upcoming_events", {"after": "2031-04-01"})
    document = json.loads(result.to_json())
    assert document["head"]["vars"] == result.columns
    (binding,) = document["results"]["bindings"]
    assert binding["event"] == {"type": "uri", "value": ID + "event/river-data-workshop-0102"}
    assert binding["date"] == {
        "type": "literal",
        "value": "2031-05-02",
        "datatype": "http://www.w3.org/2001/XMLSchema#date",
    }
    assert "location" not in binding  # unbound cells are left out, as the format says
    lines = result.to_csv().splitlines()
    assert lines[0].split(",") == result.columns
    assert lines[1].startswith(ID + "event/river-data-workshop-0102,River Data Workshop,2031-05-02")
    frame = result.to_dataframe()
    assert list(frame.columns) == result.columns
    assert frame.loc[0, "date"] == dt.date(2031, 5, 2)


def test_rich_table_prints_text_as_text(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "markup.rq"
    path.write_text('SELECT ?x WHERE { BIND("[bold red]boom[/]" AS ?x) }\n')
    console = Console(record=True, width=80)
    console.print(run_query(store, str(path), {}).to_rich_table())
    assert "[bold red]boom[/]" in console.export_text()


def _disk_store(folder: Path) -> Settings:
    """A store on disk holding the fixture, written the way a build writes it."""
    dataset = Dataset()
    dataset.parse(FIXTURE, format="trig")
    with open_store(str(folder)) as store:
        store.replace_all(dataset, {})
    return Settings(store=str(folder))


def test_run_query_opens_the_settings_store(tmp_path: Path) -> None:
    settings = _disk_store(tmp_path / "store")
    result = run_query(settings, "coauthor_pairs", {})
    assert rows(result, "nameA", "nameB") == {("Ada Quill", "Dee Moss")}
    with pytest.raises(StoreError, match="no store at .*partnerkg build"):
        run_query(Settings(store=str(tmp_path / "absent")), "issues", {})


def test_cli_query_prints_json_and_lists_queries(tmp_path: Path) -> None:
    from partnerkg.cli import app

    settings = _disk_store(tmp_path / "store")
    runner = CliRunner()
    listed = runner.invoke(app, ["query", "--list"])
    assert listed.exit_code == 0 and "person_timeline" in listed.output
    answer = runner.invoke(
        app,
        ["query", "collaborators", "--store", settings.store, "-f", "json"]
        + ["--param", "person=Dee Moss"],
    )
    assert answer.exit_code == 0, answer.output
    bindings = json.loads(answer.output)["results"]["bindings"]
    assert [b["collaboratorName"]["value"] for b in bindings] == ["Ada Quill"]


# --- the real corpus ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def corpus_store(corpus_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """The store built from the 25 real newsletters by the real pipeline."""
    try:
        from partnerkg.pipeline import build_store
    except ImportError as error:  # the lead's pipeline module is not there yet
        pytest.skip(f"partnerkg.pipeline.build_store is not available: {error}")
    settings = Settings(store=str(tmp_path_factory.mktemp("corpus") / "store"))
    build_store([corpus_dir], settings)
    return settings


def _corpus_params(settings: Settings, query: NamedQuery) -> dict[str, str]:
    """Parameter values read from the corpus graph itself (no names written into the code)."""
    people = run_query(settings, "most_connected_people", {})
    first, second = people.values("name")[0], people.values("name")[-1]
    organisation = run_query(settings, "institutions_ranked", {}).values("name")[0]
    months = run_query(settings, "issues", {}).values("month")
    chosen = {
        "person": first, "name": first, "from": first, "to": second, "subject": first,
        "organisation": organisation, "organiser": organisation, "object": organisation,
        "issue": months[-1], "month": months[-1],
        "start": f"{months[0]}-01", "end": f"{months[-1]}-28", "after": f"{months[0]}-01",
    }  # fmt: skip
    return {p.name: chosen[p.name] for p in query.params if p.name in chosen}


@pytest.mark.corpus
@pytest.mark.slow
def test_every_named_query_runs_on_the_corpus_graph(corpus_store: Settings) -> None:
    issues = run_query(corpus_store, "issues", {})
    assert len(issues) == 25
    must_answer = {"people_roles", "event_speakers", "institutions_ranked", "issues",
                   "person_links", "most_connected_people", "entity_by_name", "person_timeline",
                   "issue_entities", "topics_over_time"}  # fmt: skip
    for query in named():
        result = run_query(corpus_store, query, _corpus_params(corpus_store, query))
        if query.name in must_answer:
            assert result.rows, f"{query.name} found nothing in the corpus graph"


@pytest.mark.corpus
@pytest.mark.slow
def test_named_queries_answer_facts_the_newsletters_state(corpus_store: Settings) -> None:
    # Each expectation is a sentence of the November 2023 issue or a change across issues.
    why = run_query(
        corpus_store, "fact_provenance", {"subject": "Spencer James", "object": "Roche"}
    )
    assert "Spencer James, Principal Data Scientist at Roche" in why.values("evidence")
    assert any(issue.endswith("/issue/2023-11") for issue in why.values("issue"))
    speakers = run_query(corpus_store, "event_speakers", {})
    assert "Louise Locock" in speakers.values("speakerName")
    november = run_query(
        corpus_store, "events_in_range", {"start": "2023-11-01", "end": "2023-11-30"}
    )
    assert "Knowledge Share Series Event: Digital Twins in Health" in november.values("eventName")
    changes = run_query(corpus_store, "role_changes", {})
    assert any(
        row["name"] is not None
        and str(row["name"]) == "Tapabrata Chakraborty"
        and str(row["laterRole"]) == "Theme Lead"
        for row in changes.rows
    )
    papers = run_query(corpus_store, "member_papers", {})
    assert "https://doi.org/10.1007/s10676-023-09728-4" in papers.values("doi") or any(
        "10.1007/s10676-023-09728-4" in (value or "")
        for row in papers.rows
        for value in map(str, row.values())
    )
