"""Read a Dataset's named graphs as one graph: checks and rules see the whole network."""

from __future__ import annotations

from rdflib import Dataset, Graph


def union_graph(data: Graph | Dataset) -> Graph:
    """A plain Graph holding every triple of ``data`` (all named graphs of a Dataset)."""
    if not isinstance(data, Dataset):
        return data
    union = Graph()
    for prefix, namespace in data.namespaces():
        union.bind(prefix, namespace, override=True, replace=True)
    for s, p, o, _ in data.quads((None, None, None, None)):
        union.add((s, p, o))
    return union
