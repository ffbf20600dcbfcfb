"""Interactive, self-contained HTML views of the network (pyvis + vis-network).

Every script and style is inlined and a Content-Security-Policy forbids any
request, so a view opens anywhere, offline. Newsletter text travels only as JSON
data (``tojson`` escapes ``<``, ``>``, ``&``) and is put on the page with
``textContent``; links are kept only when they are http(s).
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import jinja2
import networkx as nx
from pyvis.network import Network

from partnerkg.errors import ViewError
from partnerkg.graph import network as projections
from partnerkg.graph.store import Store, open_store
from partnerkg.settings import Settings

# Above this many nodes physics is switched off and a precomputed layout is drawn.
PHYSICS_LIMIT = 400
STYLE = {
    "person": ("#1f77b4", "dot", "Person"),
    "organisation": ("#ff7f0e", "square", "Organisation"),
    "topic": ("#2ca02c", "triangle", "Topic"),
}


@dataclass(frozen=True)
class View:
    """A named view: how to get its network from the store, and what it shows."""

    title: str
    description: str
    network: Callable[[Store], nx.Graph]


def _people_and_organisations(store: Store) -> nx.Graph:
    return nx.compose(
        projections.affiliation_network(store), projections.collaboration_network(store)
    )


VIEWS: dict[str, View] = {
    "collaboration": View(
        "Collaboration network",
        "People linked by co-authorship, co-speaking and shared organisations, "
        "with the organisations they belong to.",
        _people_and_organisations,
    ),
    "institutions": View(
        "Institutions",
        "Organisations linked by the people and events they share.",
        projections.institution_network,
    ),
    "topics": View(
        "Topics",
        "Research topics linked when one event, paper or opportunity is about both.",
        projections.topic_network,
    ),
    "timeline": View(
        "Timeline",
        "People and organisations placed left to right by the month they first appear.",
        _people_and_organisations,
    ),
    "ego": View(
        "Ego network",
        "Everyone within a few steps of one person or organisation.",
        _people_and_organisations,
    ),
}


def render_view(
    settings: Settings,
    view: str,
    output: Path,
    *,
    node: str | None = None,
    radius: int = 2,
    limit: int = 300,
) -> Path:
    """Write the view named ``view`` of the store in ``settings`` to ``output``."""
    return write_view(
        open_store(settings.store), view, output, node=node, radius=radius, limit=limit
    )


def write_view(
    store: Store,
    view: str,
    output: Path,
    *,
    node: str | None = None,
    radius: int = 2,
    limit: int = 300,
) -> Path:
    """Write ``view`` of ``store`` as one self-contained HTML file (atomically)."""
    if view not in VIEWS:
        raise ViewError(f"unknown view {view!r}; choose one of: {', '.join(VIEWS)}")
    spec = VIEWS[view]
    graph = spec.network(store)
    if view == "ego":
        graph = _ego(graph, node, radius)
    html = view_html(graph, spec.title, spec.description, limit=limit, timeline=view == "timeline")
    output.parent.mkdir(parents=True, exist_ok=True)
    handle, partial = tempfile.mkstemp(dir=output.parent, prefix=f".{output.name}.")
    with os.fdopen(handle, "w", encoding="utf-8") as file:
        file.write(html)
    os.replace(partial, output)
    return output


def _ego(graph: nx.Graph, node: str | None, radius: int) -> nx.Graph:
    if not node:
        raise ViewError("the ego view needs --node NAME (a person's or organisation's name)")
    wanted = node.casefold()
    matches = [
        n for n, name in graph.nodes(data="name") if n == node or (name or "").casefold() == wanted
    ]
    if not matches:
        close = sorted(
            name for _, name in graph.nodes(data="name") if wanted in (name or "").casefold()
        )
        hint = f"; did you mean: {', '.join(close[:5])}" if close else ""
        raise ViewError(f"no node named {node!r} in the graph{hint}")
    return nx.ego_graph(graph, matches[0], radius=radius)


def view_html(
    graph: nx.Graph, title: str, description: str, *, limit: int = 300, timeline: bool = False
) -> str:
    """The HTML of one view of ``graph``, capped to the ``limit`` most central nodes."""
    total = graph.number_of_nodes()
    # Degree only: betweenness over a 1,000-issue network takes minutes, and sizes need degree.
    degree = nx.degree_centrality(graph) if total > 1 else dict.fromkeys(graph.nodes, 0.0)
    kept = sorted(graph.nodes, key=lambda n: (-degree[n], n))[:limit]
    shown = graph.subgraph(kept)
    largest = max(degree.values(), default=0.0) or 1.0
    physics = shown.number_of_nodes() <= PHYSICS_LIMIT and not timeline
    positions = {} if physics else _layout(shown, timeline)

    net = Network(height="100vh", width="100%", directed=False)
    for node, attrs in shown.nodes(data=True):
        shape = STYLE.get(attrs.get("kind", ""), ("", "dot"))[1]
        extra: dict[str, Any] = {}
        if node in positions:
            extra = {"x": positions[node][0], "y": positions[node][1], "physics": False}
        net.add_node(
            node,
            label=attrs.get("name", node),
            group=attrs.get("kind", "other"),
            shape=shape,
            size=10 + 30 * degree[node] / largest,
            first=attrs.get("first", ""),
            last=attrs.get("last", "") or attrs.get("first", ""),
            tip=_node_tip(shown, node, attrs),
            **extra,
        )
    for a, b, attrs in shown.edges(data=True):
        net.add_edge(a, b, value=attrs.get("weight", 1), tip=_edge_tip(shown, a, b, attrs))
    net.set_options(_options(physics))
    nodes, edges, _, _, _, options = net.get_network_data()
    kinds = sorted({attrs.get("kind", "other") for _, attrs in shown.nodes(data=True)})
    months = sorted(m for _, m in shown.nodes(data="first") if m)
    template = _environment().get_template("view.html")
    return template.render(
        title=title,
        description=description,
        shown=shown.number_of_nodes(),
        total=total,
        hidden=total - shown.number_of_nodes(),
        legend=[
            {
                "name": k,
                "colour": STYLE.get(k, ("#999999",))[0],
                "label": STYLE.get(k, ("", "", k.title()))[2],
            }
            for k in kinds
        ],
        first_month=months[0] if months else "",
        last_month=months[-1] if months else "",
        data={"nodes": nodes, "edges": edges, "options": _as_dict(options), "legend": kinds},
        vis_js=_pyvis_asset("vis-network.min.js"),
        vis_css=_pyvis_asset("vis-network.css"),
    )


def _node_tip(graph: nx.Graph, node: str, attrs: dict[str, Any]) -> dict[str, Any]:
    lines = [f"{attrs.get('kind', 'entity')}, first mentioned {attrs.get('first') or 'n/a'}"]
    roles = sorted(
        {
            f["via_name"]
            for _, _, d in graph.edges(node, data=True)
            for f in d["facts"]
            if f["relation"] == "affiliation" and f["via_name"]
        }
    )
    if roles:
        lines.append("Roles: " + "; ".join(roles))
    neighbours = sorted(
        graph.nodes[n].get("name", n)
        for n in graph.neighbors(node)
        if graph.nodes[n].get("kind") == "organisation"
    )
    if neighbours:
        lines.append("Affiliations: " + "; ".join(neighbours[:8]))
    evidence = [
        f["evidence"]
        for _, _, d in graph.edges(node, data=True)
        for f in d["facts"]
        if f["evidence"]
    ]
    links = [attrs["url"]] if attrs.get("url") else []
    return {
        "heading": attrs.get("name", node),
        "lines": lines,
        "evidence": evidence[:3],
        "links": links,
    }


def _edge_tip(graph: nx.Graph, a: str, b: str, attrs: dict[str, Any]) -> dict[str, Any]:
    names = f"{graph.nodes[a].get('name', a)} – {graph.nodes[b].get('name', b)}"
    lines = [f"{f['relation']}: {f['via_name']} ({f['month']})" for f in attrs["facts"][:6]]
    evidence = [f["evidence"] for f in attrs["facts"] if f["evidence"]][:3]
    return {"heading": names, "lines": lines, "evidence": evidence, "links": []}


def _layout(graph: nx.Graph, timeline: bool) -> dict[str, tuple[float, float]]:
    """Fixed positions: months left to right for the timeline, else a spring layout."""
    if timeline:
        months = sorted({m or "" for _, m in graph.nodes(data="first")})
        column: dict[str, int] = {}
        positions = {}
        for node in sorted(graph.nodes):
            month = graph.nodes[node].get("first") or ""
            row = column.get(month, 0)
            column[month] = row + 1
            positions[node] = (months.index(month) * 320.0, row * 70.0)
        return positions
    layout = nx.spring_layout(graph, seed=0, iterations=30, scale=1500)
    return {node: (float(x), float(y)) for node, (x, y) in layout.items()}


def _options(physics: bool) -> str:
    """vis-network options; colours and shapes per entity kind live in ``groups``."""
    groups = {kind: {"color": colour, "shape": shape} for kind, (colour, shape, _) in STYLE.items()}
    return json.dumps(
        {
            "groups": groups,
            "physics": {
                "enabled": physics,
                "stabilization": {"iterations": 300},
                "barnesHut": {"gravitationalConstant": -8000, "springLength": 120},
            },
            "interaction": {"hover": True, "tooltipDelay": 150},
            "edges": {"color": {"inherit": False, "color": "#b0b0b0"}, "smooth": False},
        }
    )


def _as_dict(options: Any) -> Any:
    return json.loads(options) if isinstance(options, str) else options


def _pyvis_asset(name: str) -> str:
    return (resources.files("pyvis") / "lib" / "vis-9.1.2" / name).read_text("utf-8")


def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.PackageLoader("partnerkg.graph", "templates"),
        autoescape=True,
    )
