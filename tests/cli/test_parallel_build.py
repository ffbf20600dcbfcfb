"""Build behaviour the benchmarks rely on: `--workers 2` builds the same graph as one process;
a rebuild with nothing changed decides from the bytes and still sees a changed file, and
parses only the files that changed."""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest

from partnerkg.graph.store import open_store
from partnerkg.pipeline import build_store
from partnerkg.settings import Settings

# The module, not the function of the same name that partnerkg.extract re-exports.
read_module = importlib.import_module("partnerkg.extract.read")

ISSUE = """# Partnership newsletter

## Events

### Seminar: Causal Inference in Practice

**{day} {month} 2024**

The University of Northbay is hosting a seminar. We will be joined by Prof. Ada Lindqvist
from Southport Institute of Health Data, who will talk about {topic}.
"""


def _corpus(folder: Path) -> list[Path]:
    folder.mkdir()
    paths = []
    for number, (month, topic) in enumerate(
        [("January", "digital twins"), ("February", "federated learning"), ("March", "genomics")],
        start=1,
    ):
        path = folder / f"2024-{number:02d}.md"
        path.write_text(ISSUE.format(day=10 + number, month=month, topic=topic), "utf-8")
        paths.append(path)
    return paths


def _quads(store: str) -> list[bytes]:
    with open_store(store) as opened:
        return sorted(opened.dump("nquads").splitlines())


def test_two_workers_build_the_same_graph_as_one(tmp_path: Path) -> None:
    paths = _corpus(tmp_path / "news")
    one = build_store(paths, Settings(store=str(tmp_path / "one"), workers=1))
    two = build_store(paths, Settings(store=str(tmp_path / "two"), workers=2))

    assert two.built == one.built == ("2024-01", "2024-02", "2024-03")
    assert (two.entities, two.facts) == (one.entities, one.facts)
    assert _quads(str(tmp_path / "two")) == _quads(str(tmp_path / "one"))
    assert any(b"Ada Lindqvist" in quad for quad in _quads(str(tmp_path / "one")))


def test_rebuild_decides_from_the_bytes_and_still_sees_one_changed_file(tmp_path: Path) -> None:
    paths = _corpus(tmp_path / "news")
    settings = Settings(store=str(tmp_path / "store"))
    build_store(paths, settings)

    again = build_store(paths, settings)
    assert again.built == ()
    assert again.unchanged == ("2024-01", "2024-02", "2024-03")

    paths[-1].write_text(paths[-1].read_text("utf-8") + "\nRegister now.\n", "utf-8")
    changed = build_store(paths, settings)
    assert changed.built == ("2024-03",)
    assert changed.unchanged == ("2024-01", "2024-02")


def test_one_changed_file_is_the_only_one_parsed_and_the_graph_equals_a_fresh_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = _corpus(tmp_path / "news")
    settings = Settings(store=str(tmp_path / "store"))
    build_store(paths, settings)
    paths[0].write_text(paths[0].read_text("utf-8") + "\nRegister now.\n", "utf-8")

    parsed: list[str] = []
    original = read_module.read

    def counting_read(path: Path, issue_month: str | None = None) -> object:
        parsed.append(Path(path).name)
        return original(path, issue_month=issue_month)

    monkeypatch.setattr(read_module, "read", counting_read)
    changed = build_store(paths, settings)
    monkeypatch.undo()

    assert parsed == ["2024-01.md"], "the unchanged files come from the extraction cache"
    assert changed.built == ("2024-01",)
    fresh = build_store(paths, Settings(store=str(tmp_path / "fresh")))
    assert (changed.entities, changed.facts) == (fresh.entities, fresh.facts)
    assert _quads(str(tmp_path / "store")) == _quads(str(tmp_path / "fresh"))
