"""The committed evaluation figures: how they are computed and how a change is checked.

``python -m partnerkg.extract.figures`` builds the gold issues of the corpus into a
fresh store, scores them (all gold issues, the held-out split, and plain spaCy NER on
the held-out split) and writes ``tests/extract/eval_figures.json`` plus the markdown
table the README shows. A test recomputes the figures and fails when any F1 drops
more than :data:`TOLERANCE` below the committed ones.
"""

from __future__ import annotations

import argparse
import json
import tempfile
from dataclasses import replace
from pathlib import Path
from typing import Any

from partnerkg.extract.evaluate import baseline_report, evaluate_store, side_by_side
from partnerkg.extract.gold import load_gold_dir
from partnerkg.settings import Settings

#: The held-out issues: scored, never used to tune rules (tests/gold/README.md).
HELD_OUT = ("2022-01", "2022-05", "2022-07", "2023-07", "2023-08")
#: How far an F1 may fall below the committed figure before the regression test fails.
TOLERANCE = 0.02


def compute_figures(gold_dir: Path, corpus_dir: Path, settings: Settings) -> dict[str, Any]:
    """Build the gold issues into ``settings.store`` and score them three ways."""
    from partnerkg.pipeline import build_store

    months = [gold.issue_month for gold in load_gold_dir(gold_dir)]
    build_store([corpus_dir / f"{month}.md" for month in months], settings)
    everything = replace(
        evaluate_store(gold_dir, settings), label=f"partnerkg, all {len(months)} issues"
    )
    held_out = replace(
        evaluate_store(gold_dir, settings, issues=HELD_OUT),
        label=f"partnerkg, held-out {len(HELD_OUT)}",
    )
    baseline = replace(
        baseline_report(gold_dir, corpus_dir, settings.spacy_pipeline, issues=HELD_OUT),
        label=f"plain spaCy NER, held-out {len(HELD_OUT)}",
    )
    return {
        "held_out_issues": list(HELD_OUT),
        "all": everything.to_dict(),
        "held_out": held_out.to_dict(),
        "baseline_held_out": baseline.to_dict(),
        "table": side_by_side([held_out, everything, baseline]),
    }


def f1_figures(report: dict[str, Any]) -> dict[str, float]:
    """Every F1 of a report dict, keyed by type (entities and relations included)."""
    figures = {name: score["f1"] for name, score in report["overall"].items()}
    figures["all entities"] = report["entities"]["f1"]
    figures["all relations"] = report["relations"]["f1"]
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--gold", type=Path, default=Path("tests/gold"))
    parser.add_argument(
        "--corpus", type=Path, default=Path("..") / "shared" / "corpus" / "turing-roche-newsletters"
    )
    parser.add_argument("--output", type=Path, default=Path("tests/extract/eval_figures.json"))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        figures = compute_figures(args.gold, args.corpus, Settings(store=str(Path(tmp) / "s")))
    args.output.write_text(json.dumps(figures, indent=1) + "\n", "utf-8")
    print(figures["table"])


if __name__ == "__main__":
    main()
