"""The README's main job on a built store: answer a few questions, write the views.

``make demo`` builds the bundled example newsletters, then runs
``python -m partnerkg.demo --store DIR --output DIR``.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Annotated

import typer
from rdflib import URIRef
from rich.console import Console

from partnerkg.errors import PartnerKGError
from partnerkg.graph.query import QueryResult
from partnerkg.settings import Settings

# (named query, parameters, what it answers)
DEMO_QUERIES: tuple[tuple[str, dict[str, str], str], ...] = (
    ("people_roles", {}, "Who is in the network, and in what role?"),
    ("event_speakers", {}, "Who spoke at which event?"),
    ("institutions_ranked", {}, "Which institutions tie most people and events to it?"),
    ("coauthor_pairs", {}, "Who wrote with whom?"),
)
DEMO_VIEWS = ("collaboration", "institutions", "topics", "timeline")

console = Console()


def run_demo(settings: Settings, output: Path) -> list[Path]:
    """Print the demo queries' answers and write every view into ``output``."""
    from partnerkg.graph.export import export_store
    from partnerkg.graph.query import run_query
    from partnerkg.graph.viz import render_view

    for name, params, question in DEMO_QUERIES:
        console.rule(f"[bold]{question}[/]  (partnerkg query {name})")
        console.print(_without_iri_columns(run_query(settings, name, params)).to_rich_table())
    output.mkdir(parents=True, exist_ok=True)
    written = [render_view(settings, view, output / f"{view}.html") for view in DEMO_VIEWS]
    written.append(export_store(settings, "trig", output / "graph.trig"))
    console.rule("[bold]Written")
    for path in written:
        console.print(f"  {path}")
    return written


def _without_iri_columns(result: QueryResult) -> QueryResult:
    """The columns a person reads: names and values, not the entities' IRIs."""
    readable = [
        column
        for column in result.columns
        if not all(isinstance(row[column], URIRef) for row in result.rows)
    ]
    return replace(result, columns=readable)


def main(
    store: Annotated[str, typer.Option(help="Store folder built by `partnerkg build`.")],
    output: Annotated[Path, typer.Option(help="Folder for the HTML views and the export.")],
) -> None:
    """Answer the demo questions and write the views."""
    try:
        run_demo(Settings.from_env(store=store), output)
    except PartnerKGError as error:
        Console(stderr=True).print(f"[bold red]error:[/] {error}", highlight=False)
        raise typer.Exit(1) from error


if __name__ == "__main__":
    typer.run(main)
