"""``partnerkg export``: the graph as RDF files, its network as GraphML/GEXF, or CSV tables.

Exporters are registered by format name. RDF formats carry every issue graph
with its provenance plus the ontology graph (the store's bookkeeping graph is
left out); ``turtle`` is their union. The network formats hold persons,
organisations, events and publications as nodes (``kind``, ``type``, ``name``)
and the extracted relations between them as edges (``relation``, ``weight`` =
statements supporting it). ``csv`` writes ``entities.csv`` and ``relations.csv``
(one row per statement, with its evidence) into a folder. Every file is written
to a temporary sibling and renamed, so a reader never sees half a file.
"""

from __future__ import annotations

import csv
import io
import logging
import os
from collections.abc import Callable, Mapping
from functools import cache
from importlib import resources
from pathlib import Path

import networkx as nx

from partnerkg.errors import ConfigError, StoreError
from partnerkg.extract.model import EntityKind
from partnerkg.graph.iris import Minter
from partnerkg.graph.store import DUMP_FORMATS, Store, open_store
from partnerkg.settings import Settings

log = logging.getLogger(__name__)

#: Entity kinds that are nodes of the exported network.
NETWORK_KINDS = frozenset(
    {EntityKind.PERSON, EntityKind.ORGANISATION, EntityKind.EVENT, EntityKind.PUBLICATION}
)

ENTITY_COLUMNS = ("iri", "kind", "types", "name", "alternate_names", "issues")
RELATION_COLUMNS = (
    "statement", "subject", "relation", "object", "issue", "item",
    "evidence", "source_file", "start", "end", "component", "confidence",
)  # fmt: skip


def export_store(settings: Settings, fmt: str, output: Path) -> Path:
    """Export the store named by ``settings.store`` in ``fmt`` to ``output``; return the path.

    Parameters
    ----------
    settings : Settings
        ``store`` (folder or SPARQL URL) and ``base_iri`` are read.
    fmt : str
        One of ``trig``, ``nquads``, ``turtle``, ``jsonld``, ``graphml``, ``gexf``, ``csv``.
    output : Path
        The file to write (a folder for ``csv``); parent folders are created.
    """
    exporter = EXPORTERS.get(fmt)
    if exporter is None:
        raise ConfigError(f"unknown export format {fmt!r}; use one of {', '.join(EXPORTERS)}")
    _require_store(settings.store)
    with open_store(settings.store) as store:
        return exporter(store, output, Minter(settings.base_iri))


def _require_store(location: str) -> None:
    """An embedded store must already exist: exporting never creates one."""
    if "://" not in location and not (Path(location) / "CURRENT").is_file():
        raise StoreError(
            f"no store at {location}; run `partnerkg build PATH --store {location}` first "
            "or pass the right --store"
        )


def _write_atomically(path: Path, data: bytes) -> Path:
    """Write ``data`` to a temporary sibling of ``path``, then rename it into place."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.{os.getpid()}.partial")
    try:
        partial.write_bytes(data)
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)
    return path


def _rdf(fmt: str) -> Callable[[Store, Path, Minter], Path]:
    def export(store: Store, output: Path, mint: Minter) -> Path:
        return _write_atomically(output, store.dump(fmt))

    return export


# --- tables and networks --------------------------------------------------------------------


@cache
def _query(name: str) -> str:
    return (resources.files("partnerkg.graph") / "projections" / f"{name}.rq").read_text("utf-8")


def entity_rows(store: Store, mint: Minter) -> list[dict[str, str]]:
    """One row per entity an issue mentions (columns: :data:`ENTITY_COLUMNS`)."""
    rows = []
    for row in store.select(_query("export_entities")):
        iri = str(row["entity"])
        kind = mint.kind_of(iri)
        issues = sorted(filter(None, map(mint.issue_month, str(row.get("issues", "")).split())))
        rows.append(
            {
                "iri": iri,
                "kind": kind.value if kind else "",
                "types": " ".join(sorted(str(row.get("types", "")).split())),
                "name": str(row.get("name", "")),
                "alternate_names": "|".join(
                    sorted(filter(None, str(row.get("alternates", "")).split("|")))
                ),
                "issues": " ".join(issues),
            }
        )
    return rows


def relation_rows(store: Store, mint: Minter) -> list[dict[str, str]]:
    """One row per extracted statement with its provenance (columns: :data:`RELATION_COLUMNS`)."""
    rows = []
    for row in store.select(_query("export_statements")):
        value = {k: str(v) for k, v in row.items()}
        rows.append(
            {
                "statement": value["statement"],
                "subject": value["subject"],
                "relation": _local_name(value["predicate"]),
                "object": value["object"],
                "issue": mint.issue_month(value["issue"]) or value["issue"],
                "item": value.get("item", ""),
                "evidence": value.get("evidence", ""),
                "source_file": value.get("file", ""),
                "start": value.get("start", ""),
                "end": value.get("end", ""),
                "component": value.get("component", ""),
                "confidence": value.get("confidence", ""),
            }
        )
    return rows


def _local_name(iri: str) -> str:
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def entity_network(store: Store, mint: Minter) -> nx.DiGraph:
    """Persons, organisations, events and publications, linked by their extracted relations.

    Nodes are IRIs with ``kind``, ``type`` (most specific class names) and ``name``;
    an edge ``a -> b`` has ``relation`` (e.g. ``performer``, ``affiliation``) and
    ``weight``, the number of statements (evidence sentences) behind it.
    """
    network = nx.DiGraph()
    for row in entity_rows(store, mint):
        if row["kind"] in NETWORK_KINDS:
            types = " ".join(sorted(_local_name(t) for t in row["types"].split()))
            network.add_node(
                row["iri"], kind=row["kind"], type=types, name=row["name"], issues=row["issues"]
            )
    for row in relation_rows(store, mint):
        a, b = row["subject"], row["object"]
        if a not in network or b not in network:
            continue
        if network.has_edge(a, b):
            edge = network.edges[a, b]
            edge["weight"] += 1
            relations = set(edge["relation"].split()) | {row["relation"]}
            edge["relation"] = " ".join(sorted(relations))
        else:
            network.add_edge(a, b, relation=row["relation"], weight=1)
    return network


def _network(
    write: Callable[[nx.DiGraph, io.BytesIO], None],
) -> Callable[[Store, Path, Minter], Path]:
    def export(store: Store, output: Path, mint: Minter) -> Path:
        buffer = io.BytesIO()
        write(entity_network(store, mint), buffer)
        return _write_atomically(output, buffer.getvalue())

    return export


def _table(rows: list[dict[str, str]], columns: tuple[str, ...]) -> bytes:
    text = io.StringIO()
    writer = csv.DictWriter(text, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return text.getvalue().encode("utf-8")


def _csv(store: Store, output: Path, mint: Minter) -> Path:
    if output.exists() and not output.is_dir():
        raise ConfigError(f"csv export writes a folder of tables, but {output} is a file")
    _write_atomically(output / "entities.csv", _table(entity_rows(store, mint), ENTITY_COLUMNS))
    relations = _table(relation_rows(store, mint), RELATION_COLUMNS)
    _write_atomically(output / "relations.csv", relations)
    return output


#: Format name -> exporter.
EXPORTERS: Mapping[str, Callable[[Store, Path, Minter], Path]] = {
    **{fmt: _rdf(fmt) for fmt in DUMP_FORMATS},
    "graphml": _network(lambda network, out: nx.write_graphml(network, out)),
    "gexf": _network(lambda network, out: nx.write_gexf(network, out)),
    "csv": _csv,
}
