"""The extraction stage over the real newsletters: runs everywhere, finds the gold people."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from rapidfuzz.fuzz import ratio
from unidecode import unidecode

from partnerkg.extract.figures import HELD_OUT
from partnerkg.extract.model import EntityKind
from partnerkg.extract.pipeline import extract_all, load_pipeline
from partnerkg.extract.read import read

GOLD_DIR = Path(__file__).resolve().parent.parent / "gold" / "passes"

pytestmark = pytest.mark.corpus


def _norm(name: str) -> str:
    text = re.sub(r"\([^)]*\)", " ", unidecode(name).lower().replace("&", " and "))
    words = re.sub(r"[^\w\s]", " ", text).split()
    while words and words[0] in ("dr", "prof", "the", "mr", "mrs", "ms", "sir", "dame"):
        words = words[1:]
    return " ".join(words)


def _found(names: set[str], gold: dict) -> bool:
    wanted = {_norm(gold["name"]), *(_norm(a) for a in gold.get("aliases", []))}
    return any(a == b or ratio(a, b) >= 92 for a in names for b in wanted)


@pytest.fixture(scope="module")
def extractions(corpus_dir: Path) -> dict:
    nlp = load_pipeline()
    newsletters = [read(path) for path in sorted(corpus_dir.glob("*.md"))]
    return {x.newsletter.issue_month: x for x in extract_all(newsletters, nlp, batch_size=32)}


def test_every_issue_yields_people_organisations_and_valid_spans(extractions) -> None:
    assert len(extractions) >= 20
    checked = misplaced = 0
    for extraction in extractions.values():
        kinds = {m.kind for m in extraction.mentions}
        assert {EntityKind.PERSON, EntityKind.ORGANISATION} <= kinds
        text = extraction.newsletter.text
        for mention in extraction.mentions:
            raw = text[mention.span.start : mention.span.end]  # may hold link markup
            first = mention.span.text.split()[0]
            checked += 1
            misplaced += not (raw.startswith(first[:1]) and first in raw)
        ids = {m.id for m in extraction.mentions}
        assert all(a.subject in ids and a.object in ids for a in extraction.assertions)
    # a heading whose source span the reader places a few characters off is tolerated
    assert misplaced <= 0.01 * checked


#: Tuning issues only: a failure message here names the entities missed, which must never be
#: read for the held-out issues (their figures are held by test_eval_figures instead).
TUNING_PASSES = sorted(p for p in GOLD_DIR.glob("*.a.json") if p.name[:7] not in HELD_OUT)


@pytest.mark.parametrize("gold_file", TUNING_PASSES, ids=lambda p: p.stem)
def test_gold_people_and_dated_events_are_found(extractions, gold_file: Path) -> None:
    gold = json.loads(gold_file.read_text("utf-8"))
    extraction = extractions.get(gold["issue_month"])
    if extraction is None:
        pytest.skip(f"{gold['issue_month']} is not in the corpus folder")
    people = {_norm(m.text) for m in extraction.mentions if m.kind is EntityKind.PERSON}
    wanted = [p for p in gold["people"] if not p.get("optional")]
    found = sum(_found(people, p) for p in wanted)
    assert found >= 0.9 * len(wanted)
    dates = {
        m.attributes["start_date"]
        for m in extraction.mentions
        if m.kind is EntityKind.EVENT and "start_date" in m.attributes
    }
    gold_dates = {e["start_date"] for e in gold["events"]
                  if e.get("start_date") and not e.get("optional")}
    assert len(gold_dates & dates) >= 0.7 * len(gold_dates)
