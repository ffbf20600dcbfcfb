"""The top-level folders are the real homes of the code, imported under one namespace."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import partnerkg.extract
import partnerkg.graph
import partnerkg.ontology

ROOT = Path(__file__).resolve().parents[2]


def test_subpackages_live_in_top_level_folders() -> None:
    for module, folder in [
        (partnerkg.extract, "extract"),
        (partnerkg.graph, "graph"),
        (partnerkg.ontology, "ontology"),
    ]:
        assert Path(module.__file__ or "").resolve().parent == ROOT / folder


def test_no_generic_top_level_module_is_loaded() -> None:
    code = (
        "import sys, partnerkg.cli, partnerkg.graph.store, partnerkg.extract.model;"
        "print(sorted(m for m in sys.modules if m in {'graph', 'extract', 'ontology'}))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
