"""The extractor keeps the figures the README reports (within 0.02 F1), on real gold."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from partnerkg.extract.figures import TOLERANCE, compute_figures, f1_figures
from partnerkg.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
COMMITTED = json.loads((ROOT / "tests" / "extract" / "eval_figures.json").read_text("utf-8"))


@pytest.fixture(scope="module")
def figures(corpus_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> dict:
    store = tmp_path_factory.mktemp("gold-store") / "store"
    return compute_figures(ROOT / "tests" / "gold", corpus_dir, Settings(store=str(store)))


@pytest.mark.corpus
@pytest.mark.slow
@pytest.mark.parametrize("split", ["all", "held_out"])
def test_no_figure_drops_below_the_committed_one(figures: dict, split: str) -> None:
    now, then = f1_figures(figures[split]), f1_figures(COMMITTED[split])
    dropped = {k: (then[k], now[k]) for k in then if now[k] < then[k] - TOLERANCE}
    assert dropped == {}, f"F1 fell (committed, now): {dropped}"


@pytest.mark.corpus
@pytest.mark.slow
def test_no_duplicates(figures: dict) -> None:
    duplicates = {k: s["duplicates"] for k, s in figures["all"]["overall"].items()}
    assert sum(duplicates.values()) <= sum(
        s["duplicates"] for s in COMMITTED["all"]["overall"].values()
    ), duplicates


@pytest.mark.corpus
@pytest.mark.slow
def test_partnerkg_beats_plain_spacy_ner(figures: dict) -> None:
    ours = f1_figures(figures["held_out"])
    baseline = f1_figures(figures["baseline_held_out"])
    assert ours["all entities"] > baseline["all entities"]
