"""The store contract against a real SPARQL 1.1 server: ``oxigraph serve`` on loopback."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from rdflib import Dataset, Literal, URIRef

from partnerkg.errors import ConfigError, StoreError
from partnerkg.graph.build import to_rdf
from partnerkg.graph.export import export_store
from partnerkg.graph.query import list_queries, run_query
from partnerkg.graph.store import SparqlStore, Store, open_store
from partnerkg.ontology.namespaces import SCHEMA
from partnerkg.settings import Settings
from tests.graph.build_fixture import small_resolved
from tests.graph.test_store import HASHES, StoreContract


def _oxigraph_binary() -> str:
    beside_python = Path(sys.executable).with_name("oxigraph")
    found = str(beside_python) if beside_python.is_file() else shutil.which("oxigraph")
    if found is None:
        message = "the `oxigraph` server binary is missing (pip install oxigraph)"
        if os.environ.get("CI") == "true":
            pytest.fail(message + "; CI must have it")
        pytest.skip(message)
    return found


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def server(tmp_path: Path) -> Iterator[str]:
    """A fresh Oxigraph server on a free loopback port; yields its base URL."""
    port = _free_port()
    process = subprocess.Popen(
        [_oxigraph_binary(), "serve", "--location", str(tmp_path / "server"),
         "--bind", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                urllib.request.urlopen(url + "/query?query=ASK%7B%7D", timeout=1).close()
                break
            except OSError as error:
                if process.poll() is not None or time.monotonic() > deadline:
                    stderr = process.stderr.read() if process.poll() is not None else b""
                    raise RuntimeError(f"oxigraph serve did not start: {stderr!r}") from error
                time.sleep(0.1)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)


class TestRemoteStore(StoreContract):
    @pytest.fixture
    def store(self, server: str) -> Store:
        return open_store(server)


def test_the_query_endpoint_url_works_too(server: str) -> None:
    store = open_store(server + "/query")
    assert isinstance(store, SparqlStore)
    assert store.update_url == server + "/update"
    store.replace_all(to_rdf(small_resolved()), HASHES)
    assert open_store(server).issue_hashes() == HASHES


def test_endpoints_follow_server_conventions(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PARTNERKG_UPDATE_URL", raising=False)
    fuseki = SparqlStore("http://localhost:3030/ds/query")
    assert fuseki.update_url == "http://localhost:3030/ds/update"
    virtuoso = SparqlStore("http://localhost:8890/sparql")
    assert virtuoso.update_url == "http://localhost:8890/sparql"
    monkeypatch.setenv("PARTNERKG_UPDATE_URL", "http://localhost:7200/repositories/kg/statements")
    graphdb = SparqlStore("http://localhost:7200/repositories/kg")
    assert graphdb.update_url.endswith("/repositories/kg/statements")
    with pytest.raises(ConfigError, match="no host"):
        SparqlStore("http:///query")


def test_an_unreachable_server_names_the_url_and_what_to_do() -> None:
    url = f"http://127.0.0.1:{_free_port()}/query"
    with pytest.raises(StoreError, match="cannot reach the SPARQL server at .*127.0.0.1.*start it"):
        open_store(url).issue_hashes()


def test_a_rejected_request_reports_the_server_answer(server: str) -> None:
    with pytest.raises(StoreError, match=r"answered 400"):
        open_store(server).select("SELECT WHERE {")


def test_export_reads_from_a_server(server: str, tmp_path: Path) -> None:
    open_store(server).replace_all(to_rdf(small_resolved()), HASHES)
    settings = Settings(store=server)
    dataset = Dataset()
    dataset.parse(export_store(settings, "trig", tmp_path / "g.trig"), format="trig")
    ada = URIRef("https://w3id.org/partnerkg/id/person/ada-quill-1a2b")
    assert any(dataset.quads((ada, SCHEMA.name, Literal("Ada Quill"), None)))
    folder = export_store(settings, "csv", tmp_path / "tables")
    assert "Ada Quill will speak" in (folder / "relations.csv").read_text("utf-8")


#: A value for every parameter the named queries declare, true of small_resolved().
FIXTURE_PARAMS = {
    "person": "ada quill", "name": "Ada", "from": "Ada Quill", "to": "Ada Quill",
    "subject": "Ada Quill", "object": "Northfield University", "issue": "2025-01",
    "month": "2025-01", "organisation": "Northfield", "organiser": "Northfield",
    "start": "2025-01-01", "end": "2025-12-31", "after": "2025-01-01", "min": "1",
}  # fmt: skip


def test_named_queries_answer_the_same_on_a_server_as_embedded(server: str) -> None:
    """Parameters reach subqueries on a server too (a trailing VALUES would not: the named
    queries resolve names in subqueries, and would find nothing)."""
    dataset = to_rdf(small_resolved())
    remote = open_store(server)
    remote.replace_all(dataset, HASHES)
    embedded = Store.from_dataset(dataset)
    answered = set()
    for named in list_queries():
        params = {p.name: FIXTURE_PARAMS[p.name] for p in named.params}
        on_server = run_query(remote, named, params).rows
        assert _sorted(on_server) == _sorted(run_query(embedded, named, params).rows), named.name
        if params and on_server:
            answered.add(named.name)
    assert {"person_timeline", "entity_by_name", "fact_provenance", "connected"} <= answered


def _sorted(rows: list[dict]) -> list[str]:
    return sorted(repr(sorted(row.items())) for row in rows)
