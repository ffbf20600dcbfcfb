"""A build killed in the middle of its write leaves the previous graph readable and intact."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from rdflib import URIRef
from rdflib.compare import isomorphic

from partnerkg.graph.build import to_rdf
from partnerkg.graph.store import open_store
from tests.graph.build_fixture import small_resolved

PROJECT_ROOT = Path(__file__).resolve().parents[2]

# The child builds a large network and announces the moment its write starts writing
# graphs (into a copy of the store, which replaces the store once complete).
CHILD = """
import sys
from partnerkg.graph import store as st
from partnerkg.graph.build import to_rdf
from tests.graph.build_fixture import large_resolved

dataset = to_rdf(large_resolved(issues=10, people=4000))
store = st.open_store(sys.argv[1])
load = st.OxigraphStore._load_graph

def announced(self, *args):
    print("writing", flush=True)
    load(self, *args)

st.OxigraphStore._load_graph = announced
store.replace_all(dataset, {"2000-01": "new"})
print("done", flush=True)
"""


@pytest.mark.slow
def test_sigkill_during_the_write_keeps_the_previous_graph(tmp_path: Path) -> None:
    location = str(tmp_path / "store")
    previous = to_rdf(small_resolved())
    hashes = {"2025-01": "h1", "2025-02": "h2"}
    with open_store(location) as store:
        store.replace_all(previous, hashes)

    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, location],
        cwd=PROJECT_ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        started = child.stdout.readline().strip()
        assert started == "writing", f"child failed before writing: {child.stderr.read()}"
        time.sleep(1.0)  # the write of ~140k triples takes several seconds: kill it halfway
        child.send_signal(signal.SIGKILL)
        rest, _ = child.communicate(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
    assert child.returncode == -signal.SIGKILL
    assert "done" not in rest, "the write finished before the kill; make the input larger"
    assert Path(location + ".next").is_dir(), "killed while writing the copy"

    with open_store(location) as store:
        assert not Path(location + ".next").exists(), "opening the store dropped the copy"
        assert store.issue_hashes() == hashes
        stored = store.to_dataset()
        names = {str(g.identifier) for g in stored.graphs() if len(g)}
        expected = {str(g.identifier) for g in previous.graphs() if len(g)}
        assert names == expected
        for name in expected:
            assert isomorphic(stored.graph(URIRef(name)), previous.graph(URIRef(name))), name
        # …and the store is writable again: the dead process released its lock.
        store.replace_all(previous, {"2025-01": "h1"})
        assert store.issue_hashes() == {"2025-01": "h1"}
