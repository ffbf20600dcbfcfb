"""The build: newsletter files in, an up-to-date graph in the store out.

Incremental by content hash: an unchanged file is neither read by spaCy again
(its extraction is cached as JSON beside the store) nor rewritten in the store.
Resolution always runs over every issue in the store, so identities stay right
across issues; only issue graphs whose triples changed are replaced, in one
atomic write (see graph.store).
"""

from __future__ import annotations

import hashlib
import logging
import multiprocessing
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from multiprocessing.pool import Pool
from pathlib import Path

from rich.progress import Progress

from partnerkg.codec import from_json, to_json
from partnerkg.errors import PartnerKGError
from partnerkg.extract.model import Extraction, Newsletter
from partnerkg.settings import Settings

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class BuildReport:
    """What a build did, for the CLI and for scripts."""

    built: tuple[str, ...]
    unchanged: tuple[str, ...]
    skipped: tuple[tuple[str, str], ...]
    entities: int
    facts: int

    def summary(self) -> str:
        """One line a person reads after ``partnerkg build``."""
        return (
            f"{len(self.built)} issue(s) built, {len(self.unchanged)} unchanged, "
            f"{len(self.skipped)} file(s) skipped; graph holds {self.entities} entities "
            f"and {self.facts} facts"
        )


def build_store(
    paths: Sequence[Path],
    settings: Settings,
    *,
    issue_month: str | None = None,
    show_progress: bool = False,
) -> BuildReport:
    """Read, extract, resolve and store ``paths`` (files or folders).

    Raises :class:`PartnerKGError` when nothing could be read; unreadable files
    are reported in ``BuildReport.skipped`` and the rest is built.
    """
    from partnerkg.extract.read import discover, read
    from partnerkg.graph.store import open_store

    discovery = discover(tuple(paths))
    skipped = [(str(s.path), s.reason) for s in discovery.skipped]
    if issue_month is None:
        same = _unchanged_files(discovery.files, settings)
        if same is not None:
            log.info("every issue is unchanged; nothing to do")
            return BuildReport((), same[0], tuple(skipped), *same[1])
    cache = ExtractionCache(_cache_dir(settings))
    store = open_store(settings.store)
    stored = store.issue_hashes()
    build_key = _build_key(settings)
    fingerprint = _extraction_key(settings)
    # A file the store was built from, byte for byte, is not parsed again: its cached
    # extraction holds everything (parsing the mailer's links is most of a small rebuild).
    reused = (
        {} if issue_month else _reusable(discovery.files, stored, build_key, cache, fingerprint)
    )
    newsletters = [extraction.newsletter for extraction in reused.values()]
    for path in discovery.files:
        if path in reused:
            continue
        try:
            newsletters.append(read(path, issue_month=issue_month))
        except PartnerKGError as error:
            skipped.append((str(path), str(error)))
    if not newsletters:
        reasons = "; ".join(reason for _, reason in skipped) or "no newsletter files found"
        raise PartnerKGError(f"nothing to build: {reasons}")
    _check_unique_months(newsletters)
    reused_by_month = {e.newsletter.issue_month: e for e in reused.values()}
    wanted = {n.issue_month: n for n in newsletters}
    unchanged = sorted(
        month for month, n in wanted.items() if stored.get(month) == _issue_hash(n, build_key)
    )
    if len(unchanged) == len(wanted):
        log.info("every issue is unchanged; nothing to do")
        return BuildReport((), tuple(unchanged), tuple(skipped), *store.counts())

    # Issues already in the store but not in this build keep their cached extraction.
    others = {month: h for month, h in stored.items() if month not in wanted}
    extractions = {e.newsletter.issue_month: e for e in cache.load_all(others, fingerprint)}
    to_extract = []
    for n in newsletters:
        cached = reused_by_month.get(n.issue_month) or cache.get(n, fingerprint)
        if cached is None:
            to_extract.append(n)
        else:
            extractions[n.issue_month] = cached
    for extraction in _extract(to_extract, settings, show_progress):
        cache.put(extraction, fingerprint)
        extractions[extraction.newsletter.issue_month] = extraction
    built = sorted(set(wanted) - set(unchanged))
    entities, facts = _write(store, list(extractions.values()), settings, build_key, built)
    return BuildReport(tuple(built), tuple(unchanged), tuple(skipped), entities, facts)


def _unchanged_files(
    files: Sequence[Path], settings: Settings
) -> tuple[tuple[str, ...], tuple[int, int]] | None:
    """The stored months and counts when every file's bytes are what the store was built
    from (same content hash and build key); None when anything may need building.

    Parsing the Markdown of wrapped links dominates a rebuild with nothing to do, and the
    content hash is the hash of the file's bytes, so this decides before reading.
    """
    from partnerkg.graph.store import open_store

    if not files or ("://" not in settings.store and not Path(settings.store).is_dir()):
        return None
    try:
        hashes = [hashlib.sha256(path.read_bytes()).hexdigest() for path in files]
    except OSError:
        return None  # the slow path reports the unreadable file
    build_key = _build_key(settings)
    keys = {f"{digest}-{build_key}" for digest in hashes}
    with open_store(settings.store) as store:  # closed: the build may open it to write
        month_of = {issue_hash: month for month, issue_hash in store.issue_hashes().items()}
        if len(keys) != len(files) or not keys <= month_of.keys():
            return None
        return tuple(sorted(month_of[key] for key in keys)), store.counts()


def _reusable(
    files: Sequence[Path],
    stored: Mapping[str, str],
    build_key: str,
    cache: ExtractionCache,
    fingerprint: str,
) -> dict[Path, Extraction]:
    """The cached extractions of the files whose bytes the store was built from, by file."""
    month_of = {issue_hash: month for month, issue_hash in stored.items()}
    found = {}
    for path in files:
        try:
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
        except OSError:
            continue  # reading it reports the error
        month = month_of.get(f"{digest}-{build_key}")
        extraction = cache.load(month, digest, fingerprint) if month else None
        if extraction is not None:
            found[path] = extraction
    return found


def _check_unique_months(newsletters: Sequence[Newsletter]) -> None:
    seen: dict[str, str] = {}
    for n in newsletters:
        if n.issue_month in seen:
            raise PartnerKGError(
                f"{n.source} and {seen[n.issue_month]} are both the {n.issue_month} issue; "
                "build one of them, or pass --issue-month for the file that is misdated"
            )
        seen[n.issue_month] = n.source


def _extract(
    newsletters: Sequence[Newsletter], settings: Settings, show_progress: bool
) -> list[Extraction]:
    if not newsletters:
        return []
    from partnerkg.extract.pipeline import extract_all, load_pipeline

    nlp = load_pipeline(settings.spacy_pipeline)
    workers = min(settings.workers, len(newsletters))
    if workers > 1 and "fork" in multiprocessing.get_all_start_methods():
        with _issue_pool(nlp, settings.batch_size, workers) as pool:
            return _collect(pool.imap(_extract_one, newsletters), len(newsletters), show_progress)
    results = extract_all(
        newsletters, nlp, batch_size=settings.batch_size, n_process=settings.workers
    )
    return _collect(results, len(newsletters), show_progress)


def _collect(results: Iterable[Extraction], total: int, show_progress: bool) -> list[Extraction]:
    if not show_progress:
        return list(results)
    collected = []
    with Progress(transient=True) as progress:
        task = progress.add_task("extracting", total=total)
        for extraction in results:
            collected.append(extraction)
            progress.advance(task)
    return collected


# Parallel extraction hands whole newsletters to forked workers that share the loaded
# pipeline and send back only the (small) Extraction. spaCy's own n_process ships every
# Doc with its user_data back to this process and assembles here: with the partnerkg
# components that was slower on two cores than one process (see bench/README.md).
_WORKER: dict[str, object] = {}


@contextmanager
def _issue_pool(nlp: object, batch_size: int, workers: int) -> Iterator[Pool]:
    _WORKER.update(nlp=nlp, batch_size=batch_size)
    try:
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            yield pool
    finally:
        _WORKER.clear()


def _extract_one(newsletter: Newsletter) -> Extraction:
    from partnerkg.extract.pipeline import extract_all

    nlp, batch_size = _WORKER["nlp"], _WORKER["batch_size"]
    return next(extract_all([newsletter], nlp, batch_size=batch_size))  # type: ignore[arg-type]


def _write(
    store: object,
    extractions: list[Extraction],
    settings: Settings,
    build_key: str,
    built: Iterable[str],
) -> tuple[int, int]:
    from partnerkg.extract.resolve import load_curation, resolve
    from partnerkg.graph.build import named_graphs

    curation = load_curation(settings.curation) if settings.curation else None
    resolved = resolve(sorted(extractions, key=lambda e: e.newsletter.issue_month), curation)
    graphs = named_graphs(resolved, settings)  # not an rdflib Dataset: a fraction of the memory
    hashes = {e.newsletter.issue_month: _issue_hash(e.newsletter, build_key) for e in extractions}
    store.replace_all(graphs, hashes)  # type: ignore[attr-defined]
    log.info("rebuilt %s", ", ".join(built))
    return len(resolved.entities), len(resolved.facts)


def _extraction_key(settings: Settings) -> str:
    """What, besides the text, decides an extraction: the pipeline and the rules' code."""
    from partnerkg.extract.fingerprint import extractor_fingerprint

    return _digest(settings.spacy_pipeline.encode(), extractor_fingerprint().encode())


def _build_key(settings: Settings) -> str:
    """What, besides the text, decides an issue's triples: extraction and curation."""
    curation = settings.curation.read_bytes() if settings.curation else b""
    return _digest(_extraction_key(settings).encode(), curation)


def _digest(*parts: bytes) -> str:
    return hashlib.sha256(b"\0".join(parts)).hexdigest()[:16]


def _issue_hash(newsletter: Newsletter, build_key: str) -> str:
    return f"{newsletter.content_hash}-{build_key}"


def _cache_dir(settings: Settings) -> Path:
    if "://" in settings.store:
        return Path(".partnerkg") / "cache"
    store = Path(settings.store)
    return store.with_name(store.name + ".extractions")


class ExtractionCache:
    """Extractions as JSON files named by issue month and content hash."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def _path(self, issue_month: str, content_hash: str, fingerprint: str) -> Path:
        return self.folder / f"{issue_month}.{content_hash[:16]}.{fingerprint}.json"

    def get(self, newsletter: Newsletter, fingerprint: str) -> Extraction | None:
        return self.load(newsletter.issue_month, newsletter.content_hash, fingerprint)

    def load(self, issue_month: str, content_hash: str, fingerprint: str) -> Extraction | None:
        path = self._path(issue_month, content_hash, fingerprint)
        return from_json(path.read_text("utf-8"), Extraction) if path.exists() else None

    def put(self, extraction: Extraction, fingerprint: str) -> None:
        n = extraction.newsletter
        path = self._path(n.issue_month, n.content_hash, fingerprint)
        self.folder.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(".partial")
        # The raw text still holds the mailer's tracking links: it never leaves memory.
        cached = replace(extraction, newsletter=replace(n, text=""))
        partial.write_text(to_json(cached), "utf-8")
        partial.replace(path)

    def load_all(self, stored: dict[str, str], fingerprint: str) -> list[Extraction]:
        """The cached extractions of the issues the store holds now."""
        found = []
        for month, issue_hash in stored.items():
            content_hash = issue_hash.split("-", 1)[0]
            path = self._path(month, content_hash, fingerprint)
            if path.exists():
                found.append(from_json(path.read_text("utf-8"), Extraction))
            else:
                log.warning("issue %s is in the store but not in the cache; rebuild it", month)
        return found
