"""The quality gate passes on the graph built from the real newsletters."""

from __future__ import annotations

from pathlib import Path

import pytest

from partnerkg.ontology.check import check_store
from partnerkg.pipeline import build_store
from partnerkg.settings import Settings


@pytest.mark.corpus
@pytest.mark.slow
@pytest.mark.reasoner
def test_reasoner_and_shacl_pass_on_the_corpus_graph(corpus_dir: Path, tmp_path: Path) -> None:
    settings = Settings(store=str(tmp_path / "store"))
    build_store([corpus_dir], settings)
    report = check_store(settings)
    assert report.ok, report.summary()
