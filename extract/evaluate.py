"""Precision, recall and F1 of a graph against gold annotations (ANNOTATION_GUIDE.md, "Scoring").

The graph is read only through DESIGN.md's output contract, with the SPARQL queries
``graph/queries/eval_*.rq``: per gold file, the entities its issue ``schema:mentions``
and the relations stated in that issue's named graph. ``baseline_report`` scores plain
spaCy NER the same way, so the README can show both side by side.
"""

from __future__ import annotations

import json
import logging
from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rapidfuzz import fuzz
from rdflib import URIRef

from partnerkg.extract.gold import ENTITY_LISTS, RELATIONS, GoldIssue, load_gold_dir
from partnerkg.extract.names import normalise

if TYPE_CHECKING:
    from rich.table import Table
    from spacy.language import Language

    from partnerkg.graph.store import Store
    from partnerkg.settings import Settings

log = logging.getLogger(__name__)

#: Name similarity (rapidfuzz ratio, 0-100) at which two normalised names match.
MATCH_THRESHOLD = 92.0
#: Every scored type, entities first, in report order.
TYPES = (*ENTITY_LISTS, *RELATIONS)
#: The relation queries, by relation.
_RELATION_QUERIES = {
    "affiliation": "eval_affiliations.rq",
    "speaker": "eval_speakers.rq",
    "organizer": "eval_organizers.rq",
    "author": "eval_authors.rq",
    "event_date": "eval_event_dates.rq",
}
#: Relations whose predicate other things share too (memberOf a programme, a role's
#: startDate): only pairs between entities of these kinds are theirs.
_KINDS_OF_ENDS: dict[str, tuple[str, str | None]] = {
    "affiliation": ("person", "organisation"),
    "event_date": ("event", None),
}
#: Plain spaCy NER labels and the kinds they stand for (the baseline).
BASELINE_LABELS = {"PERSON": "person", "ORG": "organisation", "EVENT": "event",
                   "WORK_OF_ART": "publication"}


@dataclass(frozen=True, slots=True)
class Score:
    """Counts for one type; ``duplicates`` are false positives that re-found a hit item.

    ``errors`` names each miss and false positive ("missed: …", "spurious: …"), so that a
    team tuning rules on its own gold sees what to read next (``partnerkg eval --errors``).
    """

    tp: int = 0
    fp: int = 0
    fn: int = 0
    duplicates: int = 0
    errors: tuple[str, ...] = field(default=(), compare=False)

    def __add__(self, other: Score) -> Score:
        return Score(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn,
                     self.duplicates + other.duplicates, self.errors + other.errors)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, float | int]:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "duplicates": self.duplicates,
                "precision": round(self.precision, 4), "recall": round(self.recall, 4),
                "f1": round(self.f1, 4)}


@dataclass(frozen=True, slots=True)
class EvaluationReport:
    """Scores per issue and type; ``overall`` micro-averages them (sums the counts)."""

    label: str
    per_issue: Mapping[str, Mapping[str, Score]]
    missing_issues: tuple[str, ...] = ()

    @property
    def overall(self) -> dict[str, Score]:
        return {t: sum((s.get(t, Score()) for s in self.per_issue.values()), Score())
                for t in TYPES}

    @property
    def entities(self) -> Score:
        """All entity kinds together (micro-averaged)."""
        return sum((self.overall[t] for t in ENTITY_LISTS), Score())

    @property
    def relations(self) -> Score:
        """All relation types together (micro-averaged)."""
        return sum((self.overall[t] for t in RELATIONS), Score())

    def to_dict(self) -> dict[str, Any]:
        """Plain data for a committed figures file (``json.dumps`` ready)."""
        return {
            "label": self.label,
            "issues": sorted(self.per_issue),
            "missing_issues": list(self.missing_issues),
            "overall": {t: s.to_dict() for t, s in self.overall.items()},
            "entities": self.entities.to_dict(),
            "relations": self.relations.to_dict(),
            "per_issue": {month: {t: s.to_dict() for t, s in scores.items()}
                          for month, scores in sorted(self.per_issue.items())},
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), indent=2, sort_keys=False)

    def to_rich_table(self) -> Table:
        """The overall scores as a rich table (one row per type, then the two totals)."""
        from rich.table import Table

        table = Table(title=f"{self.label}: {len(self.per_issue)} gold issue(s)",
                      caption=("issues not in the store: " + ", ".join(self.missing_issues))
                      if self.missing_issues else None)
        for column in ("type", "P", "R", "F1", "TP", "FP", "FN", "dup"):
            table.add_column(column, justify="left" if column == "type" else "right")
        rows = [*self.overall.items(), ("all entities", self.entities),
                ("all relations", self.relations)]
        for name, score in rows:
            table.add_row(name, f"{score.precision:.3f}", f"{score.recall:.3f}",
                          f"{score.f1:.3f}", str(score.tp), str(score.fp), str(score.fn),
                          str(score.duplicates))
        return table

    def error_lines(self) -> list[str]:
        """Every miss and false positive, per issue and type (``partnerkg eval --errors``)."""
        return [f"{month} {kind} {error}"
                for month, scores in sorted(self.per_issue.items())
                for kind in TYPES
                for error in scores.get(kind, Score()).errors]


def side_by_side(reports: Sequence[EvaluationReport]) -> str:
    """A markdown table of P/R/F1 per type, one column group per report (for the README)."""
    header = "| type | " + " | ".join(f"{r.label} P | R | F1" for r in reports) + " |"
    rule = "|---|" + "---:|---:|---:|" * len(reports)
    lines = [header, rule]
    totals = [{**r.overall, "all entities": r.entities, "all relations": r.relations}
              for r in reports]
    for name in [*TYPES, "all entities", "all relations"]:
        cells = [f"{t[name].precision:.2f} | {t[name].recall:.2f} | {t[name].f1:.2f}"
                 for t in totals]
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


@dataclass(slots=True)
class Prediction:
    """What a system says about one issue: entities (id -> kind, names) and relation pairs."""

    entities: dict[str, tuple[set[str], set[str]]] = field(default_factory=dict)
    relations: dict[str, set[tuple[str, str]]] = field(
        default_factory=lambda: {r: set() for r in RELATIONS})

    def is_a(self, entity: str, kind: str) -> bool:
        return kind in self.entities.get(entity, ((), ()))[0]

    def add_entity(self, entity: str, kind: str, name: str) -> None:
        kinds, names = self.entities.setdefault(entity, (set(), set()))
        kinds.add(kind)
        names.add(name)

    def label(self, entity: str) -> str:
        """One readable name of ``entity`` (its id when it has none)."""
        return min(self.entities.get(entity, ((), ()))[1], default=entity)


# -- scoring -----------------------------------------------------------------------------


def _similarity(names_a: Iterable[str], names_b: Iterable[str]) -> float:
    """Best similarity of two name sets after normalisation (0 when below the threshold)."""
    best = 0.0
    for a in names_a:
        for b in names_b:
            if not a or not b:
                continue
            score = 100.0 if a == b else fuzz.ratio(a, b)
            best = max(best, score)
    return best if best >= MATCH_THRESHOLD else 0.0


def score_issue(gold: GoldIssue, prediction: Prediction) -> dict[str, Score]:
    """Every type's counts for one issue, by the guide's rules."""
    scores: dict[str, Score] = {}
    assigned: dict[str, set[str]] = defaultdict(set)  # predicted entity -> gold ids it stands for
    for kind in ENTITY_LISTS:
        scores[kind] = _score_kind(gold, prediction, kind, assigned)
    for relation in RELATIONS:
        scores[relation] = _score_relation(gold, prediction, relation, assigned)
    return scores


def _score_kind(gold: GoldIssue, prediction: Prediction, kind: str,
                assigned: dict[str, set[str]]) -> Score:
    items = [item for item in gold.items.values() if item.kind == kind]
    gold_names = {item.id: {normalise(n) for n in item.names} for item in items}
    predicted = sorted(e for e, (kinds, _) in prediction.entities.items() if kind in kinds)
    pairs = []
    for entity in predicted:
        names = {normalise(n) for n in prediction.entities[entity][1]}
        for item in items:
            similarity = _similarity(names, gold_names[item.id])
            if similarity:
                pairs.append((-similarity, entity, item.id))
    pairs.sort()
    matched: dict[str, str] = {}
    hit: set[str] = set()
    for _, entity, item_id in pairs:  # best pairs first, each gold item hit once
        if entity in matched:
            continue
        if gold.items[item_id].optional or item_id not in hit:
            matched[entity] = item_id
            hit.add(item_id)
    tp = duplicates = 0
    errors: list[str] = []
    for entity in predicted:
        if entity in matched:
            assigned[entity].add(matched[entity])
            tp += not gold.items[matched[entity]].optional
            continue
        best = next((item_id for _, e, item_id in pairs if e == entity), None)
        errors.append(f"{'duplicate' if best else 'spurious'}: {prediction.label(entity)}")
        if best is not None:  # re-found an item another entity already hit
            duplicates += 1
            assigned[entity].add(best)
    missed = [item for item in items if not item.optional and item.id not in hit]
    errors += [f"missed: {item.names[0]}" for item in missed]
    return Score(tp, len(errors) - len(missed), len(missed), duplicates, tuple(errors))


def _score_relation(gold: GoldIssue, prediction: Prediction, relation: str,
                    assigned: Mapping[str, set[str]]) -> Score:
    truth = gold.relations[relation]
    found: set[tuple[str, str]] = set()
    errors: list[str] = []
    for subject, obj in sorted(prediction.relations[relation]):
        subjects = assigned.get(subject, set())
        objects = {obj} if relation == "event_date" else assigned.get(obj, set())
        candidates = {(s, o) for s in subjects for o in objects}
        if candidates & truth:
            found |= candidates & truth
        elif not any(gold.is_neutral(relation, s, o) for s, o in candidates):
            obj_label = obj if relation == "event_date" else prediction.label(obj)
            errors.append(f"spurious: {prediction.label(subject)} -> {obj_label}")
    scored_truth = {pair for pair in truth if not gold.is_neutral(relation, *pair)}
    missed = sorted(scored_truth - found)
    errors += [f"missed: {gold.items[a].names[0]} -> "
               f"{gold.items[b].names[0] if b in gold.items else b}" for a, b in missed]
    return Score(len(found & scored_truth), len(errors) - len(missed), len(missed),
                 errors=tuple(errors))


def _report(label: str, golds: Sequence[GoldIssue], predictions: Mapping[str, Prediction],
            missing: Iterable[str] = ()) -> EvaluationReport:
    per_issue = {g.issue_month: score_issue(g, predictions.get(g.issue_month, Prediction()))
                 for g in golds}
    return EvaluationReport(label, per_issue, tuple(sorted(missing)))


# -- the graph, through the output contract ----------------------------------------------


def _query(name: str) -> str:
    return (resources.files("partnerkg.graph") / "queries" / name).read_text(encoding="utf-8")


def _issue_iris(store: Store) -> dict[str, URIRef]:
    """Issue month -> issue IRI, from the IRI's last segment or ``schema:datePublished``."""
    found: dict[str, URIRef] = {}
    for row in store.select(_query("eval_issues.rq")):
        iri = row["issue"]
        if not isinstance(iri, URIRef):
            continue
        tail = str(iri).rstrip("/").rsplit("/", 1)[-1]
        month = tail if len(tail) == 7 and tail[4] == "-" else str(row.get("date", ""))[:7]
        if month:
            found.setdefault(month, iri)
    return found


def graph_prediction(store: Store, issue: URIRef) -> Prediction:
    """What the graph says about one issue, read with the ``eval_*.rq`` queries."""
    prediction = Prediction()
    bindings = {"issue": issue}
    for row in store.select(_query("eval_entities.rq"), bindings):
        prediction.add_entity(str(row["entity"]), str(row["kind"]), str(row["name"]))
    for relation, query in _RELATION_QUERIES.items():
        ends = _KINDS_OF_ENDS.get(relation)
        for row in store.select(_query(query), bindings):
            subject, obj = str(row["subject"]), str(row["object"])
            if ends and not (prediction.is_a(subject, ends[0]) and (
                    ends[1] is None or prediction.is_a(obj, ends[1]))):
                continue
            value = obj[:10] if relation == "event_date" else obj
            prediction.relations[relation].add((subject, value))
    return prediction


def _golds(gold_dir: Path, issues: Collection[str] | None) -> list[GoldIssue]:
    """The gold files of ``gold_dir``, only those of ``issues`` (months) when given."""
    golds = [g for g in load_gold_dir(gold_dir) if issues is None or g.issue_month in issues]
    if not golds:
        from partnerkg.errors import EvaluationError

        raise EvaluationError(f"no gold file in {gold_dir} for issues {sorted(issues or [])}")
    return golds


def evaluate_dataset(gold_dir: Path, store: Store,
                     issues: Collection[str] | None = None) -> EvaluationReport:
    """Score the graph in ``store`` against every gold file in ``gold_dir``.

    Parameters
    ----------
    gold_dir : Path
        Folder of ``<YYYY-MM>.json`` gold files (ANNOTATION_GUIDE.md).
    store : Store
        Any store holding an export that follows DESIGN.md's output contract.
    issues : Collection[str], optional
        Score only these issue months (e.g. the held-out split).

    Returns
    -------
    EvaluationReport
        Per-issue and micro-averaged precision, recall and F1 per type; issues with a
        gold file but not in the store score as empty predictions and are listed.
    """
    golds = _golds(gold_dir, issues)
    stored = _issue_iris(store)
    missing = [g.issue_month for g in golds if g.issue_month not in stored]
    for month in missing:
        log.warning("issue %s has a gold file but is not in the store; scored as empty", month)
    predictions = {g.issue_month: graph_prediction(store, stored[g.issue_month])
                   for g in golds if g.issue_month in stored}
    return _report("partnerkg", golds, predictions, missing)


def evaluate_store(gold_dir: Path, settings: Settings,
                   issues: Collection[str] | None = None) -> EvaluationReport:
    """Score the store ``settings.store`` names (what ``partnerkg eval`` runs)."""
    from partnerkg.graph.store import open_store

    return evaluate_dataset(gold_dir, open_store(settings.store), issues)


# -- the plain spaCy baseline ------------------------------------------------------------


def ner_prediction(texts: Iterable[str], nlp: Language) -> Prediction:
    """Plain NER: each distinct normalised entity text per kind is one entity, no relations."""
    prediction = Prediction()
    for doc in nlp.pipe(texts):
        for ent in doc.ents:
            kind = BASELINE_LABELS.get(ent.label_)
            norm = normalise(ent.text)
            if kind and norm:
                prediction.add_entity(f"{kind}:{norm}", kind, ent.text)
    return prediction


def _newsletter_texts(path: Path) -> list[str]:
    """The newsletter's readable text (headings and blocks, links reduced to their text)."""
    from partnerkg.extract.read import read

    newsletter = read(path)
    texts = [block.text for block in newsletter.preamble]
    for section in newsletter.sections:
        texts.append(section.title)
        texts.extend(block.text for block in section.blocks)
        for item in section.items:
            texts.append(item.title)
            texts.extend(block.text for block in item.blocks)
    return [t for t in texts if t.strip()]


def baseline_report(gold_dir: Path, corpus_dir: Path, pipeline_name: str,
                    issues: Collection[str] | None = None) -> EvaluationReport:
    """The scores plain spaCy NER (``pipeline_name``, e.g. ``en_core_web_sm``) gets.

    PERSON, ORG, EVENT and WORK_OF_ART become person, organisation, event and
    publication; it states no relations, so its relation recall is zero.
    """
    import spacy

    from partnerkg.errors import EvaluationError

    golds = _golds(gold_dir, issues)
    nlp = spacy.load(pipeline_name)
    predictions, missing = {}, []
    for gold in golds:
        path = Path(corpus_dir) / (gold.newsletter or f"{gold.issue_month}.md")
        if not path.is_file():
            path = Path(corpus_dir) / f"{gold.issue_month}.md"
        if not path.is_file():
            missing.append(gold.issue_month)
            continue
        predictions[gold.issue_month] = ner_prediction(_newsletter_texts(path), nlp)
    if len(missing) == len(golds):
        raise EvaluationError(f"none of the gold issues is in {corpus_dir}; pass the folder "
                              "holding the newsletter files")
    return _report(f"spaCy NER ({pipeline_name})", golds, predictions, missing)
