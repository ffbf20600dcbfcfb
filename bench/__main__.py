"""partnerkg benchmarks: ``python -m bench`` (or ``make bench``) prints one table.

Every figure is a ratio to a baseline measured in the same run, because this
machine is shared and noisy: the build against a bare ``nlp.pipe`` pass over the
same text, rebuilds against the full build, queries against rdflib's in-memory
store. Not part of the test suite.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from rich.console import Console
from rich.table import Table

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "turing-roche-newsletters"
console = Console()


def timed(action: Callable[[], object]) -> tuple[float, object]:
    start = time.perf_counter()
    result = action()
    return time.perf_counter() - start, result


def in_child(code: str) -> dict[str, float]:
    """Run ``code`` in a fresh interpreter; it prints a JSON dict. Adds peak RSS (MiB)."""
    wrapper = (
        "import json, resource, sys\n"
        + code
        + "\nresult['peak_mib'] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024\n"
        "print(json.dumps(result))"
    )
    done = subprocess.run(
        [sys.executable, "-c", wrapper], capture_output=True, text=True, cwd=ROOT, check=False
    )
    if done.returncode != 0:
        raise SystemExit(f"benchmark step failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


BUILD = """
import time
from pathlib import Path
from partnerkg.pipeline import build_store
from partnerkg.settings import Settings
paths = [Path(p) for p in {paths!r}]
settings = Settings.from_env(store={store!r}, workers={workers})
start = time.perf_counter()
build_store(paths, settings)
result = {{'seconds': time.perf_counter() - start}}
"""

BARE = """
import time
from pathlib import Path
import spacy
from partnerkg.extract.read import read
from partnerkg.settings import Settings
texts = [b.text for p in {paths!r} for s in read(Path(p)).sections
         for blocks in [s.blocks] + [i.blocks for i in s.items] for b in blocks]
texts += [i.title for p in {paths!r} for i in read(Path(p)).items]
nlp = spacy.load(Settings().spacy_pipeline)
start = time.perf_counter()
for _ in nlp.pipe(texts, batch_size=64, n_process={workers}):
    pass
result = {{'seconds': time.perf_counter() - start, 'words': sum(len(t.split()) for t in texts)}}
"""


def build(paths: list[Path], store: Path, workers: int = 1) -> dict[str, float]:
    return in_child(BUILD.format(paths=[str(p) for p in paths], store=str(store), workers=workers))


def bare(paths: list[Path], workers: int = 1) -> dict[str, float]:
    return in_child(BARE.format(paths=[str(p) for p in paths], workers=workers))


def bench_build(rows: list[tuple[str, str, str, str]], work: Path) -> None:
    paths = sorted(CORPUS.glob("*.md"))
    base = bare(paths)
    full = build(paths, work / "corpus-1")
    two = build(paths, work / "corpus-2", workers=2)
    rows.append(
        (
            "build, 25 issues, 1 process",
            f"{full['seconds']:.1f} s",
            f"{full['seconds'] / base['seconds']:.2f} × bare nlp.pipe ({base['seconds']:.1f} s)",
            "≤ 1.5",
        )
    )
    rows.append(
        (
            "build, 25 issues, --workers 2",
            f"{two['seconds']:.1f} s",
            f"{two['seconds'] / base['seconds']:.2f} × bare 1-process",
            "≤ 0.7",
        )
    )
    again = build(paths, work / "corpus-1")
    rows.append(
        (
            "rebuild, nothing changed",
            f"{again['seconds']:.2f} s",
            f"{100 * again['seconds'] / full['seconds']:.1f} % of full",
            "≤ 3 %",
        )
    )
    changed = work / "changed"
    changed.mkdir(exist_ok=True)
    for path in paths:
        text = path.read_text("utf-8")
        if path == paths[-1]:
            text += "\n\nWe are joined by Ada Lindqvist, Research Fellow at Northbay University.\n"
        (changed / path.name).write_text(text, "utf-8")
    build(sorted(changed.glob("*.md")), work / "changed-store")
    (changed / paths[-1].name).write_text(paths[-1].read_text("utf-8") + "\n\nThanks.\n")
    one = build(sorted(changed.glob("*.md")), work / "changed-store")
    share = full["seconds"] / len(paths)
    rows.append(
        (
            "rebuild, one issue changed",
            f"{one['seconds']:.2f} s",
            f"{one['seconds'] / share:.2f} × one issue's share of full",
            "≤ 1.2 × (+resolve)",
        )
    )


def bench_scale(
    rows: list[tuple[str, str, str, str]], work: Path, sizes: list[int], workers: int
) -> Path:
    from bench.synthetic import write_corpus

    per_issue = {}
    store = work
    for size in sizes:
        folder = work / f"synthetic-{size}"
        paths = write_corpus(folder, size)
        store = work / f"store-{size}"
        result = build(paths, store, workers=workers)
        per_issue[size] = result["seconds"] / size
        rows.append(
            (
                f"build, {size} synthetic issues, --workers {workers}",
                f"{result['seconds']:.0f} s, peak {result['peak_mib']:.0f} MiB",
                f"{1000 * per_issue[size]:.0f} ms/issue",
                "peak < 2048 MiB",
            )
        )
    if len(sizes) > 1:
        low, high = sizes[0], sizes[-1]
        ratio = per_issue[high] / per_issue[low]
        rows.append(
            (f"time per issue, {high} vs {low}", f"{ratio:.2f} ×", "linear if ≈ 1", "≤ 1.3")
        )
        rows.append(
            (
                "projected 10,000 issues",
                f"{per_issue[high] * 10000 / 60:.0f} min",
                "from the largest run's time per issue",
                "",
            )
        )
    return store


def bench_queries(rows: list[tuple[str, str, str, str]], store_path: Path) -> None:
    from rdflib import Dataset

    from partnerkg.graph.query import list_queries, load_query
    from partnerkg.graph.store import open_store

    store = open_store(str(store_path))
    memory = Dataset(default_union=True)
    memory.parse(data=store.dump("nquads"), format="nquads")
    worst = []
    for named in list_queries():
        query = load_query(named.name)
        if query.params:
            continue  # parameterised queries are timed with their defaults elsewhere
        ours = [timed(lambda q=query: store.select(q.text))[0] for _ in range(7)]
        base = [timed(lambda q=query: list(memory.query(q.text)))[0] for _ in range(3)]
        p95 = sorted(ours)[int(0.95 * (len(ours) - 1))]
        worst.append((p95, named.name, statistics.median(ours), statistics.median(base)))
    worst.sort(reverse=True)
    for p95, name, median, base in worst[:5]:
        rows.append(
            (
                f"query {name}",
                f"median {1000 * median:.0f} ms, p95 {1000 * p95:.0f} ms",
                f"{median / base:.2f} × rdflib in-memory",
                "p95 ≤ 200 ms",
            )
        )


def bench_views(rows: list[tuple[str, str, str, str]], store_path: Path, work: Path) -> None:
    from partnerkg.graph.store import open_store
    from partnerkg.graph.viz import VIEWS, write_view

    store = open_store(str(store_path))
    for view in (v for v in VIEWS if v != "ego"):
        seconds, path = timed(lambda v=view: write_view(store, v, work / f"{v}.html"))
        render = _render_seconds(Path(str(path)))
        rows.append(
            (
                f"view {view}",
                f"{seconds:.1f} s, {Path(str(path)).stat().st_size / 1e6:.1f} MB",
                f"stable render {render}",
                "render ≤ 5 s",
            )
        )


def _render_seconds(path: Path) -> str:
    from selenium import webdriver
    from selenium.webdriver.support.ui import WebDriverWait

    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
    ):
        options.add_argument(flag)
    driver = webdriver.Chrome(options=options)
    try:
        start = time.perf_counter()
        driver.get(path.as_uri())
        WebDriverWait(driver, 60).until(
            lambda d: d.execute_script("return document.body.dataset.stabilized === 'true'")
        )
        return f"{time.perf_counter() - start:.1f} s"
    finally:
        driver.quit()


def machine() -> str:
    import networkx
    import pyoxigraph
    import rdflib
    import spacy

    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return (
        f"{platform.machine()}, {os.cpu_count()} cores, {memory:.0f} GiB; Python "
        f"{platform.python_version()}, spaCy {spacy.__version__}, rdflib {rdflib.__version__}, "
        f"pyoxigraph {pyoxigraph.__version__}, networkx {networkx.__version__}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="100,300,1000", help="synthetic corpus sizes")
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",") if s]
    rows: list[tuple[str, str, str, str]] = []
    console.print(f"[bold]partnerkg benchmark[/] {time.strftime('%Y-%m-%d')}: {machine()}")
    with tempfile.TemporaryDirectory(prefix="partnerkg-bench-") as tmp:
        work = Path(tmp)
        if CORPUS.is_dir():
            bench_build(rows, work)
        else:
            console.print(f"[yellow]corpus not found at {CORPUS}: build ratios skipped")
        store = bench_scale(rows, work, sizes, args.workers)
        bench_queries(rows, store)
        bench_views(rows, store, work)
    table = Table("measure", "result", "against the baseline", "target")
    for row in rows:
        table.add_row(*row)
    console.print(table)


if __name__ == "__main__":
    main()
