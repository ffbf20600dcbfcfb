"""The store contract, run against every store kind (embedded here; remote in test_remote_store)."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic

from partnerkg.errors import ConfigError, StoreError
from partnerkg.graph import store as store_module
from partnerkg.graph.build import named_graphs, to_rdf
from partnerkg.graph.store import OxigraphStore, Store, open_store, register_store_kind
from partnerkg.ontology.namespaces import SCHEMA
from tests.graph.build_fixture import small_resolved

ID = "https://w3id.org/partnerkg/id/"
JAN, FEB = URIRef(ID + "issue/2025-01"), URIRef(ID + "issue/2025-02")
ADA = URIRef(ID + "person/ada-quill-1a2b")
HASHES = {"2025-01": "h1", "2025-02": "h2"}
NAMES = "SELECT DISTINCT ?name WHERE { ?x <http://schema.org/name> ?name } ORDER BY ?name"
DEFAULT_GRAPH = "SELECT ?s ?p ?o WHERE { ?s ?p ?o }"
SHARED = (ADA, SCHEMA.name, Literal("Ada Quill"))


def _names(store: Store) -> list[str]:
    return [str(row["name"]) for row in store.select(NAMES)]


def _default_graph(store: Store) -> set[tuple]:
    return {(row["s"], row["p"], row["o"]) for row in store.select(DEFAULT_GRAPH)}


def _union(store: Store) -> set[tuple]:
    return {(s, p, o) for s, p, o, _ in store.to_dataset().quads((None, None, None, None))}


def _graph(*triples: tuple) -> Graph:
    graph = Graph()
    for triple in triples:
        graph.add(triple)
    return graph


def _leave_a_staging_graph(store: Store) -> None:
    """What a build killed while staging leaves: a staging graph, no swap."""
    other = (ADA, SCHEMA.name, Literal("Only In Staging"))
    store._load_graph(store_module._staging_name(JAN), store_module._ntriples([other]))


class StoreContract:
    """What the build, the queries and the exports need from any store kind."""

    @pytest.fixture
    def store(self) -> Store:
        raise NotImplementedError

    def test_a_new_store_is_empty(self, store: Store) -> None:
        assert store.issue_hashes() == {}
        assert store.counts() == (0, 0)
        assert store.select(NAMES) == []

    def test_replace_all_stores_the_graphs_and_the_issue_hashes(self, store: Store) -> None:
        dataset = to_rdf(small_resolved())
        store.replace_all(dataset, HASHES)
        assert store.issue_hashes() == HASHES
        assert store.counts() == (5, 5)
        assert "Ada Quill" in _names(store)
        stored = store.to_dataset()
        for graph in (JAN, FEB, URIRef(ID + "ontology")):
            assert isomorphic(stored.graph(graph), dataset.graph(graph)), graph
        assert not len(stored.graph(URIRef(ID + "meta"))), "metadata is not part of the data"
        assert _default_graph(store) == _union(store), "the default graph is the merge"

    def test_the_builds_sets_of_triples_store_as_the_dataset_does(self, store: Store) -> None:
        dataset = to_rdf(small_resolved())
        store.replace_all(named_graphs(small_resolved()), HASHES)
        stored = store.to_dataset()
        for graph in (JAN, FEB, URIRef(ID + "ontology")):
            assert isomorphic(stored.graph(graph), dataset.graph(graph)), graph
        store.replace_all({**named_graphs(small_resolved()), FEB: set()}, HASHES)
        assert FEB not in store.graph_names(), "an empty graph is removed"
        assert _default_graph(store) == _union(store)

    def test_replace_all_drops_issues_that_are_gone(self, store: Store) -> None:
        store.replace_all(to_rdf(small_resolved()), HASHES)
        january_only = dataclasses.replace(
            small_resolved(),
            facts=tuple(f for f in small_resolved().facts if f.issue_month == "2025-01"),
            issues=small_resolved().issues[:1],
            entities=tuple(
                dataclasses.replace(e, issues=("2025-01",))
                for e in small_resolved().entities
                if "2025-01" in e.issues
            ),
        )
        store.replace_all(to_rdf(january_only), {"2025-01": "h1b"})
        assert store.issue_hashes() == {"2025-01": "h1b"}
        assert FEB not in store.graph_names()
        assert "Causal Things" not in _names(store)
        assert "Ada Quill" in _names(store)

    def test_replacing_one_issue_leaves_the_others_and_their_entities(self, store: Store) -> None:
        dataset = to_rdf(small_resolved())
        store.replace_all(dataset, HASHES)
        store.replace_issue_graphs({JAN: Graph()}, {"2025-01": "new"})
        assert store.issue_hashes() == {"2025-01": "new", "2025-02": "h2"}
        assert isomorphic(store.to_dataset().graph(FEB), dataset.graph(FEB))
        # Ada is still typed and named: the February graph describes her itself.
        rows = store.select(
            "SELECT DISTINCT ?type WHERE { ?p a ?type ; <http://schema.org/name> ?n }",
            {"n": Literal("Ada Quill")},
        )
        assert [row["type"] for row in rows] == [SCHEMA.Person]

    def test_unchanged_graphs_are_not_rewritten(
        self, store: Store, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        dataset = to_rdf(small_resolved())
        store.replace_all(dataset, HASHES)
        updates: list[str] = []
        staged: list[URIRef] = []
        write, load = store._update, store._load_graph
        monkeypatch.setattr(store, "_update", lambda text: (updates.append(text), write(text)))
        monkeypatch.setattr(
            store, "_load_graph", lambda name, text: (staged.append(name), load(name, text))
        )
        store.replace_all(dataset, {"2025-01": "h1", "2025-02": "h2-new-build"})
        assert staged == [], "an unchanged graph is not rewritten"
        assert len(updates) == 1 and "INSERT DATA" in updates[0]
        assert "MOVE" not in updates[0] and "DROP" not in updates[0], "only metadata changes"
        assert store.issue_hashes() == {"2025-01": "h1", "2025-02": "h2-new-build"}
        assert isomorphic(store.to_dataset().graph(FEB), dataset.graph(FEB))

    def test_each_changed_graph_is_staged_then_swapped_in_by_one_update(
        self, store: Store, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        if store.location not in ("memory",) and "://" not in store.location:
            pytest.skip("an embedded store on disk writes into a copy (test_writes_go_to_a_copy…)")
        updates: list[str] = []
        staged: list[URIRef] = []
        write, load = store._update, store._load_graph
        monkeypatch.setattr(store, "_update", lambda text: (updates.append(text), write(text)))
        monkeypatch.setattr(
            store, "_load_graph", lambda name, text: (staged.append(name), load(name, text))
        )
        store.replace_all(to_rdf(small_resolved()), HASHES)
        assert len(staged) == 3, "January, February, the ontology: one request each"
        assert all(name.startswith(ID + "meta/staging/") for name in staged)
        # (a remote store stages through updates too: INSERT DATA into the staging graph)
        swaps = [u for u in updates if not u.startswith(f"INSERT DATA {{ GRAPH <{ID}meta/staging/")]
        assert len(swaps) == 1, "one update makes them visible"
        assert not any(str(g).startswith(ID + "meta/staging/") for g in store.graph_names())

    def test_a_triple_stays_in_the_default_graph_while_some_graph_states_it(
        self, store: Store
    ) -> None:
        alias = (ADA, SCHEMA.alternateName, Literal("Ada"))
        store.replace_issue_graphs({JAN: _graph(SHARED, alias), FEB: _graph(SHARED)})
        store.replace_issue_graphs({JAN: _graph(alias)})
        assert SHARED in _default_graph(store), "February still states it"
        assert _default_graph(store) == _union(store)
        store.replace_issue_graphs({FEB: _graph(alias)})
        assert SHARED not in _default_graph(store), "no graph states it any more"
        assert _default_graph(store) == {alias}
        store.replace_issue_graphs({}, remove=[JAN])
        assert _default_graph(store) == {alias}, "February still states the alias"
        store.replace_issue_graphs({}, remove=[FEB])
        assert _default_graph(store) == set()

    def test_replacing_every_graph_keeps_the_default_graph_the_merge(self, store: Store) -> None:
        store.replace_all(to_rdf(small_resolved()), HASHES)
        store.replace_issue_graphs({JAN: _graph(SHARED), FEB: _graph(SHARED)})
        assert SHARED in _default_graph(store)
        assert _default_graph(store) == _union(store)

    def test_a_killed_writes_staging_graph_is_never_read_and_goes_at_the_next_write(
        self, store: Store
    ) -> None:
        dataset = to_rdf(small_resolved())
        store.replace_all(dataset, HASHES)
        before = (store.graph_names(), store.counts(), _names(store), _default_graph(store))
        _leave_a_staging_graph(store)
        assert (store.graph_names(), store.counts(), _names(store), _default_graph(store)) == before
        assert "Only In Staging" not in store.dump("nquads").decode()
        assert not any(str(g).startswith(ID + "meta") for g in store.to_dataset().graphs())
        store.replace_all(dataset, {"2025-01": "h1b", "2025-02": "h2"})
        assert store.select(store_module._STAGING_GRAPHS) == []

    def test_remove_drops_a_graph_and_its_hash(self, store: Store) -> None:
        store.replace_all(to_rdf(small_resolved()), HASHES)
        store.replace_issue_graphs({}, remove=[FEB])
        assert store.issue_hashes() == {"2025-01": "h1"}
        assert FEB not in store.graph_names()

    def test_awkward_literals_round_trip_exactly(self, store: Store) -> None:
        awkward = 'quote " backslash \\ newline\n tab\t brace } ; DROP ALL # é 中 \U0001f600'
        graph = Graph()
        graph.add((ADA, SCHEMA.name, Literal(awkward)))
        graph.add((ADA, SCHEMA.alternateName, Literal("hallo", lang="de")))
        store.replace_issue_graphs({JAN: graph})
        assert _names(store) == [awkward]
        stored = store.to_dataset().graph(JAN)
        assert isomorphic(stored, graph)

    def test_bindings_are_values_not_query_text(self, store: Store) -> None:
        store.replace_all(to_rdf(small_resolved()), HASHES)
        query = "SELECT DISTINCT ?p WHERE { ?p <http://schema.org/name> ?n }"
        assert store.select(query, {"n": Literal("Ada Quill")}) == [{"p": ADA}]
        hostile = Literal('Ada Quill" } ?p ?q ?r . { ?p ?q "')
        assert store.select(query, {"n": hostile}) == []

    def test_construct_returns_triples(self, store: Store) -> None:
        store.replace_all(to_rdf(small_resolved()), HASHES)
        graph = store.construct(
            "CONSTRUCT { ?p <http://schema.org/name> ?n } WHERE { ?p a <http://schema.org/Person> ;"
            " <http://schema.org/name> ?n }"
        )
        assert set(graph) == {(ADA, SCHEMA.name, Literal("Ada Quill"))}

    def test_dump_formats_parse_back(self, store: Store) -> None:
        store.replace_all(to_rdf(small_resolved()), HASHES)
        trig = Dataset()
        trig.parse(data=store.dump("trig"), format="trig")
        assert (ADA, SCHEMA.name, Literal("Ada Quill"), JAN) in trig
        turtle = Graph().parse(data=store.dump("turtle"), format="turtle")
        assert (ADA, SCHEMA.name, Literal("Ada Quill")) in turtle
        with pytest.raises(ConfigError, match="trig"):
            store.dump("rdfxml")


class TestEmbeddedStore(StoreContract):
    @pytest.fixture
    def store(self, tmp_path: Path) -> Store:
        with open_store(str(tmp_path / "store")) as opened:
            yield opened


class TestInMemoryStore(StoreContract):
    @pytest.fixture
    def store(self) -> Store:
        return Store.from_dataset(Dataset())


def test_data_persists_across_reopening(tmp_path: Path) -> None:
    location = str(tmp_path / "store")
    with open_store(location) as store:
        store.replace_all(to_rdf(small_resolved()), HASHES)
    with open_store(location) as store:
        assert store.issue_hashes() == HASHES
        assert "Ada Quill" in _names(store)


def _siblings(location: str) -> list[str]:
    """What a write left beside the store, but the (empty, permanent) lock files."""
    path = Path(location)
    return sorted(
        p.name
        for p in path.parent.iterdir()
        if p.name.startswith(path.name + ".") and not p.name.endswith(".lock")
    )


def test_writes_go_to_a_copy_that_replaces_the_store(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    location = str(tmp_path / "store")
    written: list[str] = []
    load = OxigraphStore._load_graph

    def spy(self: OxigraphStore, name: URIRef, text: str) -> None:
        written.append(self.location)
        load(self, name, text)

    monkeypatch.setattr(OxigraphStore, "_load_graph", spy)
    with open_store(location) as store:
        store.replace_all(to_rdf(small_resolved()), HASHES)
        assert set(written) == {location + ".next"}, "graph by graph, into the copy"
        assert _siblings(location) == [], "the copy became the store"
        assert store.issue_hashes() == HASHES and "Ada Quill" in _names(store)
        assert _default_graph(store) == _union(store)
        store.replace_issue_graphs({JAN: _graph(SHARED)}, {"2025-01": "h1b"})
        assert store.issue_hashes() == {"2025-01": "h1b", "2025-02": "h2"}
        assert _default_graph(store) == _union(store)


def test_a_failed_write_leaves_the_store_and_no_copy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    location = str(tmp_path / "store")
    with open_store(location) as store:
        store.replace_all(to_rdf(small_resolved()), HASHES)

        def fail(self: OxigraphStore, name: URIRef, text: str) -> None:
            raise StoreError("disk full")

        monkeypatch.setattr(OxigraphStore, "_load_graph", fail)
        with pytest.raises(StoreError, match="disk full"):
            store.replace_issue_graphs({JAN: _graph(SHARED)}, {"2025-01": "h1b"})
        assert _siblings(location) == []
        assert store.issue_hashes() == HASHES


@pytest.mark.parametrize("renamed", [False, True], ids=["before-the-renames", "between-them"])
def test_a_write_killed_after_its_commit_is_completed_at_the_next_open(
    tmp_path: Path, renamed: bool
) -> None:
    location = str(tmp_path / "store")
    path = Path(location)
    with open_store(location) as store:
        store.replace_all(to_rdf(small_resolved()), HASHES)
    with open_store(str(tmp_path / "new")) as store:
        store.replace_issue_graphs({JAN: _graph(SHARED)}, {"2025-01": "h1b"})
    (tmp_path / "new").rename(location + ".ready")  # committed: the copy is complete
    if renamed:
        path.rename(location + ".old")  # …and killed between the two renames
    with open_store(location) as store:
        assert store.issue_hashes() == {"2025-01": "h1b"}
        assert _siblings(location) == []


def test_opening_waits_while_another_writer_swaps_its_copy_in(tmp_path: Path) -> None:
    """The swap briefly frees the folder: an open meanwhile would find no store, or half one."""
    location = tmp_path / "store"
    with open_store(str(location)) as store:
        store.replace_all(to_rdf(small_resolved()), HASHES)
    opened = threading.Event()

    def open_and_read() -> None:
        with open_store(str(location)) as store:
            assert store.issue_hashes() == HASHES
        opened.set()

    with store_module._swap_lock(location):  # as a writer holds it during its swap
        reader = threading.Thread(target=open_and_read)
        reader.start()
        assert not opened.wait(0.5), "the store was opened in the middle of a swap"
    reader.join(timeout=30)
    assert opened.is_set(), "the open did not go ahead once the swap was over"


def test_a_write_killed_before_its_commit_leaves_the_previous_store(tmp_path: Path) -> None:
    location = str(tmp_path / "store")
    with open_store(location) as store:
        store.replace_all(to_rdf(small_resolved()), HASHES)
    with open_store(location + ".next") as store:  # an unfinished copy
        store.replace_issue_graphs({JAN: _graph(SHARED)}, {"2025-01": "h1b"})
    with open_store(location) as store:
        assert store.issue_hashes() == HASHES
        assert _siblings(location) == []


def test_a_store_held_by_another_process_reads_but_refuses_writes(tmp_path: Path) -> None:
    location = str(tmp_path / "store")
    with open_store(location) as store:
        store.replace_all(to_rdf(small_resolved()), HASHES)
    holder = subprocess.Popen(
        [
            sys.executable, "-c",
            "import sys, pyoxigraph; s = pyoxigraph.Store(sys.argv[1]); print('ok', flush=True);"
            " sys.stdin.read()",
            location,
        ],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert holder.stdout.readline().strip() == "ok"
        with open_store(location) as store:
            assert not store.writable
            assert store.issue_hashes() == HASHES
            with pytest.raises(StoreError, match="in use by another process"):
                store.replace_all(to_rdf(small_resolved()), {})
    finally:
        holder.communicate("")
    with open_store(location) as store:
        assert store.issue_hashes() == HASHES


def test_a_file_or_a_foreign_folder_is_not_a_store(tmp_path: Path) -> None:
    file = tmp_path / "notes.txt"
    file.write_text("hello")
    with pytest.raises(StoreError, match="is a file"):
        open_store(str(file))
    with pytest.raises(StoreError, match="not a partnerkg store"):
        open_store(str(tmp_path))
    assert file.read_text() == "hello"


def test_store_kinds_come_from_a_registry_by_url_scheme(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="no store kind for 'ftp"):
        open_store("ftp://example.org/store")
    memory = Store.from_dataset(Dataset())
    register_store_kind("mem", lambda location: memory)
    try:
        assert open_store("mem://anything") is memory
    finally:
        store_module._STORE_KINDS.pop("mem")
    with open_store((tmp_path / "s").as_uri()) as store:
        assert isinstance(store, OxigraphStore)
    assert (tmp_path / "s" / "CURRENT").is_file()


def test_invalid_sparql_is_a_store_error() -> None:
    with pytest.raises(StoreError, match="invalid SPARQL"):
        Store.from_dataset(Dataset()).select("SELECT WHERE {")
