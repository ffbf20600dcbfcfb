"""The README's generated reference: a mermaid class diagram and class/property tables."""

from __future__ import annotations

from rdflib import BNode, Graph, URIRef
from rdflib.collection import Collection
from rdflib.namespace import DCTERMS, FOAF, ORG, OWL, PROV, RDF, RDFS, SKOS, XSD

from partnerkg.ontology.namespaces import PKG, SCHEMA

BEGIN = "<!-- BEGIN GENERATED: class diagram (python -m partnerkg.ontology.build) -->"
END = "<!-- END GENERATED: class diagram -->"

_SHOWN = {str(PKG._NS): "pkg", str(SCHEMA._NS): "schema", str(SKOS): "skos"}
_OTHERS = {str(XSD): "xsd", str(FOAF): "foaf", str(ORG): "org", str(PROV): "prov",
           str(DCTERMS): "dcterms"}


def _short(iri: URIRef, shown: dict[str, str] = _SHOWN) -> str | None:
    """``prefix:name`` for a term of a shown vocabulary, else None."""
    for ns, prefix in shown.items():
        if iri.startswith(ns):
            return f"{prefix}:{iri[len(ns):]}"
    return None


def _members(graph: Graph, node: object) -> list[URIRef]:
    """The named classes of a class expression (a class or an owl:unionOf)."""
    if isinstance(node, URIRef):
        return [node]
    if isinstance(node, BNode):
        union = graph.value(node, OWL.unionOf)
        if union is not None:
            return [m for m in Collection(graph, union) if isinstance(m, URIRef)]
    return []


def _node_id(short: str | None) -> str:
    return str(short).replace(":", "_")


def mermaid_diagram(graph: Graph) -> str:
    """A ```mermaid classDiagram``` block: subclass arrows and object-property edges."""
    classes = sorted(
        {s for s in graph.subjects(RDF.type, OWL.Class) if isinstance(s, URIRef) and _short(s)}
    )
    lines = ["```mermaid", "classDiagram", "    direction LR"]
    lines += [f'    class {_node_id(_short(c))}["{_short(c)}"]' for c in classes]
    inherits = sorted(
        (_short(parent), _short(child))
        for child in classes
        for parent in graph.objects(child, RDFS.subClassOf)
        if isinstance(parent, URIRef) and _short(parent)
    )
    lines += [f"    {_node_id(p)} <|-- {_node_id(c)}" for p, c in inherits]
    edges = set()
    for prop in graph.subjects(RDF.type, OWL.ObjectProperty):
        name = _short(prop) if isinstance(prop, URIRef) else None
        if name is None:
            continue
        for domain in graph.objects(prop, RDFS.domain):
            for range_ in graph.objects(prop, RDFS.range):
                for d in _members(graph, domain):
                    for r in _members(graph, range_):
                        if _short(d) and _short(r):
                            edges.add((_short(d), _short(r), name))
    lines += [f"    {_node_id(d)} --> {_node_id(r)} : {p}" for d, r, p in sorted(edges)]
    lines.append("```")
    return "\n".join(lines)


def _cell(graph: Graph, node: URIRef, predicate: URIRef) -> str:
    values = sorted(
        " or ".join(_short(m, _SHOWN | _OTHERS) or str(m) for m in _members(graph, v))
        for v in graph.objects(node, predicate)
    )
    return ", ".join(f"`{v}`" for v in values if v)


def _comment(graph: Graph, node: URIRef) -> str:
    return str(graph.value(node, RDFS.comment) or "").replace("|", "\\|")


def reference_tables(graph: Graph) -> str:
    """Markdown tables: every shown class and property with its parents and purpose."""
    lines = ["| class | label | subclass of | what it is for |", "| --- | --- | --- | --- |"]
    for cls in sorted(c for c in graph.subjects(RDF.type, OWL.Class)
                      if isinstance(c, URIRef) and _short(c)):
        lines.append(
            f"| `{_short(cls)}` | {graph.value(cls, RDFS.label) or ''} "
            f"| {_cell(graph, cls, RDFS.subClassOf)} | {_comment(graph, cls)} |"
        )
    lines += ["", "| property | domain | range | sub-property of | what it says |",
              "| --- | --- | --- | --- | --- |"]
    properties = {
        p for kind in (OWL.ObjectProperty, OWL.DatatypeProperty)
        for p in graph.subjects(RDF.type, kind) if isinstance(p, URIRef) and _short(p)
    }
    for prop in sorted(properties):
        lines.append(
            f"| `{_short(prop)}` | {_cell(graph, prop, RDFS.domain)} "
            f"| {_cell(graph, prop, RDFS.range)} | {_cell(graph, prop, RDFS.subPropertyOf)} "
            f"| {_comment(graph, prop)} |"
        )
    return "\n".join(lines)


def replace_generated_block(text: str, block: str) -> str:
    """``text`` with the part between the BEGIN/END markers replaced by ``block``."""
    if BEGIN not in text or END not in text:
        return text
    head, rest = text.split(BEGIN, 1)
    _, tail = rest.split(END, 1)
    return f"{head}{BEGIN}\n{block}\n{END}{tail}"
