"""HTML views: self-contained, offline, capped, and newsletter text never becomes markup."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from partnerkg.errors import ViewError
from partnerkg.graph.viz import VIEWS, view_html, write_view
from tests.graph.network_fixture import contract_store

PAYLOADS = {
    "ada": '<script>alert("x")</script>Ada',
    "bo": '<img src=x onerror="alert(1)">Bo',
    "cy": "</script><script>window.pwned=1</script>",
}


def _data(html: str) -> dict:
    match = re.search(r'<script type="application/json" id="graph-data">(.*?)</script>', html, re.S)
    assert match
    return json.loads(match.group(1))


@pytest.mark.parametrize("view", [v for v in VIEWS if v != "ego"])
def test_every_view_is_self_contained(tmp_path: Path, view: str) -> None:
    html = write_view(contract_store(), view, tmp_path / "v.html").read_text("utf-8")
    assert not re.search(r'<(script|link|img|iframe)[^>]+(src|href)=["\']?(https?:)?//', html)
    assert "default-src 'none'" in html  # the browser may not fetch anything
    assert "vis.Network" in html


def test_injected_markup_stays_text(tmp_path: Path) -> None:
    html = write_view(contract_store(PAYLOADS), "collaboration", tmp_path / "v.html").read_text()
    assert "<script>alert" not in html
    assert "<img src=x" not in html
    assert "</script><script>window.pwned" not in html
    labels = {node["label"] for node in _data(html)["nodes"]}
    assert PAYLOADS["ada"] in labels  # the name survives, as data
    assert "innerHTML" not in html.split("vis.Network")[-1]


def test_only_http_links_reach_tooltips(tmp_path: Path) -> None:
    html = write_view(contract_store(), "collaboration", tmp_path / "v.html").read_text()
    cy = next(n for n in _data(html)["nodes"] if n["label"] == "Cy Morrow")
    assert cy["tip"]["links"] == ["javascript:alert(1)"]  # kept as data…
    assert "SAFE_URL.test(url)" in html  # …and dropped by the page before it becomes a link


def test_cap_hides_least_central_nodes_with_a_visible_note() -> None:
    import networkx as nx

    graph = nx.star_graph(20)
    nx.set_node_attributes(graph, "person", "kind")
    nx.set_node_attributes(graph, {n: f"P{n}" for n in graph}, "name")
    for a, b in graph.edges:
        graph.edges[a, b].update(facts=[], weight=1)
    html = view_html(graph, "t", "d", limit=5)
    assert len(_data(html)["nodes"]) == 5
    assert "Showing 5 of 21 nodes" in html
    assert "P0" in {n["label"] for n in _data(html)["nodes"]}  # the hub is kept


def test_ego_view_needs_a_known_node(tmp_path: Path) -> None:
    with pytest.raises(ViewError, match="did you mean: Ada Quill"):
        write_view(contract_store(), "ego", tmp_path / "e.html", node="Ada")
    html = write_view(contract_store(), "ego", tmp_path / "e.html", node="ada quill", radius=1)
    assert {n["label"] for n in _data(html.read_text())["nodes"]} >= {"Ada Quill", "Bo Tran"}


def test_unknown_view_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ViewError, match="choose one of"):
        write_view(contract_store(), "nope", tmp_path / "x.html")
    assert not (tmp_path / "x.html").exists()
