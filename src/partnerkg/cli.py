"""The ``partnerkg`` command line: thin wrappers over the public API.

Exit codes: 0 success (warnings may be printed); 1 a partnerkg error (one line
on stderr says what and how to fix it); 2 a usage error; 130 interrupted.
"""

from __future__ import annotations

import logging
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, NoReturn

import typer
from rich.console import Console
from rich.logging import RichHandler

from partnerkg.errors import PartnerKGError
from partnerkg.settings import Settings

app = typer.Typer(
    name="partnerkg",
    help="Turn a partnership's newsletters into a queryable knowledge graph.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
out = Console()
err = Console(stderr=True)

StoreOption = Annotated[
    str | None,
    typer.Option("--store", help="Store folder or SPARQL server URL [env PARTNERKG_STORE]."),
]


class ExportFormat(StrEnum):
    TRIG = "trig"
    NQUADS = "nquads"
    TURTLE = "turtle"
    JSONLD = "jsonld"
    GRAPHML = "graphml"
    GEXF = "gexf"
    CSV = "csv"


class TableFormat(StrEnum):
    TABLE = "table"
    CSV = "csv"
    JSON = "json"


@app.callback()
def _configure(
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Log progress details.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Only print errors.")] = False,
) -> None:
    """Configure logging once for every subcommand."""
    level = logging.DEBUG if verbose else logging.ERROR if quiet else logging.WARNING
    logging.basicConfig(
        level=level,
        format="%(message)s",
        handlers=[RichHandler(console=err, show_time=False, show_path=False)],
    )
    app.info.context_settings = {"obj": {"quiet": quiet}}


def _print_error(message: str) -> None:
    err.print(f"[bold red]error:[/] {message}", highlight=False, soft_wrap=True)


def _fail(message: str, code: int = 1) -> NoReturn:
    _print_error(message)
    raise typer.Exit(code)


@app.command()
def build(
    paths: Annotated[list[Path], typer.Argument(help="Newsletter files or folders.")],
    store: StoreOption = None,
    issue_month: Annotated[
        str | None, typer.Option(help="YYYY-MM for files whose month cannot be found.")
    ] = None,
    pipeline: Annotated[
        str | None, typer.Option(help="Installed spaCy pipeline [env PARTNERKG_SPACY_PIPELINE].")
    ] = None,
    curation: Annotated[Path | None, typer.Option(help="curation.yaml to apply.")] = None,
    workers: Annotated[int, typer.Option(min=1, help="Processes for the NLP stage.")] = 1,
    check: Annotated[bool, typer.Option(help="Run reasoner and SHACL as a quality gate.")] = False,
) -> None:
    """Ingest newsletters (idempotent, incremental: unchanged files are skipped)."""
    from partnerkg.pipeline import build_store

    settings = Settings.from_env(
        store=store, spacy_pipeline=pipeline, curation=curation, workers=workers
    )
    report = build_store(paths, settings, issue_month=issue_month, show_progress=True)
    for path, reason in report.skipped:
        err.print(f"[yellow]skipped[/] {path}: {reason}", highlight=False)
    out.print(report.summary(), highlight=False)
    if check:
        _run_check(settings)
    if not report.built and not report.unchanged:
        _fail("no newsletter could be read; nothing was written")


def _run_check(settings: Settings) -> None:
    from partnerkg.ontology.check import check_store

    result = check_store(settings)
    out.print(result.summary(), highlight=False)
    if not result.ok:
        raise typer.Exit(1)


@app.command()
def check(store: StoreOption = None) -> None:
    """Validate the graph: OWL reasoner (consistency) and SHACL shapes."""
    _run_check(Settings.from_env(store=store))


@app.command()
def export(
    format: Annotated[ExportFormat, typer.Option("--format", "-f", help="Output format.")],
    output: Annotated[Path, typer.Option("--output", "-o", help="File (or folder for csv).")],
    store: StoreOption = None,
) -> None:
    """Export the graph (RDF with provenance) or its networks (GraphML, GEXF, CSV)."""
    from partnerkg.graph.export import export_store

    written = export_store(Settings.from_env(store=store), format.value, output)
    out.print(f"wrote {written}", highlight=False)


@app.command()
def query(
    name: Annotated[str | None, typer.Argument(help="Named query or a .rq file.")] = None,
    store: StoreOption = None,
    format: Annotated[TableFormat, typer.Option("--format", "-f")] = TableFormat.TABLE,
    param: Annotated[
        list[str] | None, typer.Option("--param", "-p", help="k=v binding (repeatable).")
    ] = None,
    list_: Annotated[bool, typer.Option("--list", help="List the named queries.")] = False,
) -> None:
    """Run a named SPARQL query (see --list) or a .rq file, with safe parameter binding."""
    from partnerkg.graph.query import list_queries, run_query

    if list_ or name is None:
        for named in list_queries():
            out.print(f"[bold]{named.name}[/]  {named.title}", highlight=False)
        return
    params = dict(_split_param(p) for p in param or [])
    result = run_query(Settings.from_env(store=store), name, params)
    if format is TableFormat.CSV:
        sys.stdout.write(result.to_csv())
    elif format is TableFormat.JSON:
        sys.stdout.write(result.to_json() + "\n")
    else:
        out.print(result.to_rich_table())


def _split_param(text: str) -> tuple[str, str]:
    key, sep, value = text.partition("=")
    if not sep or not key:
        raise PartnerKGError(f"--param {text!r} is not of the form name=value")
    return key.strip(), value


@app.command()
def viz(
    view: Annotated[str, typer.Argument(help="collaboration|institutions|topics|timeline|ego")],
    output: Annotated[Path, typer.Option("--output", "-o", help="HTML file to write.")],
    store: StoreOption = None,
    node: Annotated[str | None, typer.Option(help="Centre of the ego view (name or IRI).")] = None,
    radius: Annotated[int, typer.Option(min=1, help="Ego view radius.")] = 2,
    limit: Annotated[int, typer.Option(min=1, help="Most nodes to draw.")] = 300,
) -> None:
    """Write an interactive, self-contained (offline) HTML view of the network."""
    from partnerkg.graph.viz import render_view

    written = render_view(
        Settings.from_env(store=store), view, output, node=node, radius=radius, limit=limit
    )
    out.print(f"wrote {written}", highlight=False)


@app.command()
def serve(
    store: StoreOption = None,
    host: Annotated[str, typer.Option(help="Interface to bind.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port.")] = 7878,
) -> None:
    """Serve the graph as a read-only SPARQL 1.1 Protocol endpoint with a query UI."""
    from partnerkg.graph.serve import serve_store

    serve_store(Settings.from_env(store=store), host=host, port=port)


@app.command(name="eval")
def evaluate(
    gold_dir: Annotated[Path, typer.Argument(help="Folder of gold annotation JSON files.")],
    store: StoreOption = None,
    issue: Annotated[
        list[str] | None, typer.Option(help="Score only this issue (YYYY-MM); repeatable.")
    ] = None,
    errors: Annotated[
        bool, typer.Option("--errors", help="Also list every miss and false positive.")
    ] = False,
) -> None:
    """Precision, recall and F1 of the graph against gold annotations."""
    from partnerkg.extract.evaluate import evaluate_store

    report = evaluate_store(gold_dir, Settings.from_env(store=store), issue or None)
    out.print(report.to_rich_table())
    for line in report.error_lines() if errors else []:
        out.print(line, markup=False, highlight=False, soft_wrap=True)


def main() -> None:
    """Entry point: run the app, turning partnerkg errors into one line and an exit code."""
    try:
        app()
    except PartnerKGError as error:
        _print_error(str(error))
        sys.exit(error.exit_code)
    except KeyboardInterrupt:
        _print_error("interrupted")
        sys.exit(130)


if __name__ == "__main__":
    main()
