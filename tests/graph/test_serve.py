"""The read-only SPARQL endpoint, queried over HTTP with SPARQLWrapper as any client would."""

from __future__ import annotations

import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Dataset
from SPARQLWrapper import JSON, POST, POSTDIRECTLY, SPARQLWrapper

from partnerkg.errors import ConfigError, StoreError
from partnerkg.graph.serve import Endpoint, start_endpoint
from partnerkg.graph.store import open_store
from partnerkg.settings import Settings

FIXTURE = Path(__file__).parent / "fixtures" / "two_issues.trig"
SPEAKERS = """
PREFIX schema: <http://schema.org/>
SELECT DISTINCT ?name WHERE { ?event schema:performer ?p . ?p schema:name ?name } ORDER BY ?name
"""
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
INSERT = (
    "INSERT DATA { GRAPH <http://example.org/g> { "
    "<http://example.org/x> <http://example.org/y> 1 } }"
)
DROP = "DROP ALL"


def _store(folder: Path) -> Settings:
    """A store on disk holding the fixture, written the way a build writes it."""
    dataset = Dataset()
    dataset.parse(FIXTURE, format="trig")
    with open_store(str(folder)) as store:
        store.replace_all(dataset, {})
    return Settings(store=str(folder))


@pytest.fixture(scope="module")
def endpoint(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Endpoint]:
    settings = _store(tmp_path_factory.mktemp("serve") / "store")
    with start_endpoint(settings, port=0, timeout_s=3) as running:
        yield running


def _select(url: str, query: str) -> list[dict[str, str]]:
    client = SPARQLWrapper(url)
    client.setQuery(query)
    client.setReturnFormat(JSON)
    bindings = client.queryAndConvert()["results"]["bindings"]  # type: ignore[index]
    return [{k: v["value"] for k, v in row.items()} for row in bindings]


def _quad_count(endpoint: Endpoint) -> int:
    return int(_select(endpoint.query_url, COUNT)[0]["n"])


def test_select_over_the_union_of_issue_graphs(endpoint: Endpoint) -> None:
    assert endpoint.url.startswith("http://127.0.0.1:")
    names = [row["name"] for row in _select(endpoint.query_url, SPEAKERS)]
    assert names == ["Ada Quill", "Bo Tanaka", "Cy Ferris"]


def test_query_by_post_works_too(endpoint: Endpoint) -> None:
    client = SPARQLWrapper(endpoint.url + "sparql")
    client.setMethod(POST)
    client.setQuery(SPEAKERS)
    client.setReturnFormat(JSON)
    rows = client.queryAndConvert()["results"]["bindings"]  # type: ignore[index]
    assert [r["name"]["value"] for r in rows][0] == "Ada Quill"


@pytest.mark.parametrize("update", [INSERT, DROP])
@pytest.mark.parametrize("path", ["update", "query"])
def test_updates_are_refused_and_change_nothing(endpoint: Endpoint, update: str, path: str) -> None:
    before = _quad_count(endpoint)
    client = SPARQLWrapper(endpoint.url + path, updateEndpoint=endpoint.url + path)
    client.setMethod(POST)
    client.setQuery(update)
    with pytest.raises(urllib.error.HTTPError) as refused:
        client.query()
    assert refused.value.code == 403
    client.setRequestMethod(POSTDIRECTLY)  # the body as application/sparql-update
    with pytest.raises(urllib.error.HTTPError) as refused_direct:
        client.query()
    assert refused_direct.value.code == 403
    assert _quad_count(endpoint) == before


@pytest.mark.parametrize("method", ["PUT", "DELETE", "POST"])
def test_graph_store_writes_are_refused(endpoint: Endpoint, method: str) -> None:
    before = _quad_count(endpoint)
    request = urllib.request.Request(
        endpoint.url + "store?default",
        data=b"<http://example.org/x> <http://example.org/y> <http://example.org/z> .",
        headers={"Content-Type": "application/n-triples"},
        method=method,
    )
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request, timeout=5)
    assert refused.value.code == 403
    assert _quad_count(endpoint) == before


def test_update_in_a_get_is_refused(endpoint: Endpoint) -> None:
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(endpoint.url + "query?update=DROP%20ALL", timeout=5)
    assert refused.value.code == 403


def test_the_query_ui_answers_on_get_root(endpoint: Endpoint) -> None:
    with urllib.request.urlopen(endpoint.url, timeout=5) as page:
        html = page.read().decode()
        assert page.status == 200
    assert "yasgui" in html.lower()
    with urllib.request.urlopen(endpoint.url + "yasgui.min.js", timeout=5) as script:
        assert script.status == 200 and len(script.read()) > 1000  # served locally, offline


@pytest.mark.slow
def test_a_runaway_query_is_stopped_and_the_endpoint_recovers(tmp_path: Path) -> None:
    folder = tmp_path / "big"
    oxigraph = ox.Store(str(folder))
    oxigraph.extend(
        ox.Quad(ox.NamedNode(f"http://example.org/s{i}"), ox.NamedNode("http://example.org/p"),
                ox.Literal(str(i)), ox.DefaultGraph())
        for i in range(2000)
    )  # fmt: skip
    oxigraph.flush()
    del oxigraph
    runaway = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
    with start_endpoint(Settings(store=str(folder)), port=0, timeout_s=1) as running:
        started = time.monotonic()
        with pytest.raises(urllib.error.HTTPError) as stopped:
            _select(running.query_url, runaway)
        assert stopped.value.code == 503
        assert time.monotonic() - started < 10
        assert _select(running.query_url, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }") == [
            {"n": "2000"}
        ]


def test_missing_store_and_remote_store_are_clear_errors(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no store at .*partnerkg build"):
        with start_endpoint(Settings(store=str(tmp_path / "absent")), port=0):
            pass
    with pytest.raises(ConfigError, match="already a SPARQL server"):
        with start_endpoint(Settings(store="http://localhost:7878/query"), port=0):
            pass
