"""Shared fixtures: the real corpus (skipped when absent, a failure under CI)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

PROJECT_ROOT = Path(__file__).resolve().parent.parent
CORPUS_DIR = PROJECT_ROOT.parent / "shared" / "corpus" / "turing-roche-newsletters"
EXAMPLES_DIR = PROJECT_ROOT / "examples" / "newsletters"


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    """The 25 real newsletters from ../shared/corpus/; required under CI=true."""
    if not CORPUS_DIR.is_dir() or not any(CORPUS_DIR.glob("*.md")):
        message = f"corpus not found at {CORPUS_DIR} (it lives in ../shared/corpus/)"
        if os.environ.get("CI") == "true":
            pytest.fail(message + "; CI must have it")
        pytest.skip(message)
    return CORPUS_DIR


@pytest.fixture(scope="session")
def examples_dir() -> Path:
    """The bundled fictional example newsletters."""
    return EXAMPLES_DIR
