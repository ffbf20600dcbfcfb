"""The same newsletter written another way gives the same graph.

Each real issue is rewritten with one formatting change a converter or an editor might make
(item titles set in bold instead of ``###``, typographic quotes, non-breaking spaces, Windows
line endings, ``*`` bullets, ``#`` section headings), or rendered to the HTML or the plain
text an e-mail holds, and must yield the same entities and relations as the original: rules
read structure and language, not one house style or file format.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from partnerkg.extract.model import Resolved
from partnerkg.extract.pipeline import extract, load_pipeline
from partnerkg.extract.read import read
from partnerkg.extract.resolve import resolve

pytestmark = pytest.mark.corpus

#: Tuning issues with many item kinds: a design issue, an early one, a late one.
ISSUES = ("2022-06", "2023-11", "2024-04")


def _bold_titles(text: str, gap: str) -> str:
    return re.sub(r"(?m)^### +(.+?)[ \t]*$", lambda m: f"**{m.group(1).strip('* ')}**{gap}", text)


def _typographic_quotes(text: str) -> str:
    text = re.sub(r'(^|[\s(\[])"', "\\1\u201c", text).replace('"', "\u201d")
    return re.sub(r"(^|[\s(\[])'", "\\1\u2018", text).replace("'", "\u2019")


REWRITES: dict[str, Callable[[str], str]] = {
    "bold item titles": lambda text: _bold_titles(text, "\n"),
    "bold item titles over their next bold line": lambda text: _bold_titles(text, ""),
    "typographic quotes": _typographic_quotes,
    "non-breaking spaces between names": lambda text: re.sub(
        r"(?<=[A-Za-z]) (?=[A-Z])", "\u00a0", text),
    "windows line endings": lambda text: text.replace("\n", "\r\n"),
    "star bullets": lambda text: re.sub(r"(?m)^(\s*)-\s+", r"\1* ", text),
    "sections under one-hash headings": lambda text: re.sub(r"(?m)^## ", "# ", text),
}


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def _graph(resolved: Resolved) -> tuple[set[tuple[str, str]], set[tuple[str, str, str]]]:
    """Entities as (kind, name) and facts as (relation, subject, object) names."""
    name = {e.key: e.name for e in resolved.entities}
    entities = {(e.kind.value, e.name) for e in resolved.entities}
    facts = {(f.relation.value, name[f.subject], name.get(f.object, str(f.object)))
             for f in resolved.facts}
    return entities, facts


def _graph_of(nlp, path: Path) -> tuple[set[tuple[str, str]], set[tuple[str, str, str]]]:
    return _graph(resolve([extract(read(path), nlp)]))


@pytest.mark.parametrize("month", ISSUES)
def test_an_issue_rewritten_in_another_style_gives_the_same_graph(
    nlp, corpus_dir: Path, tmp_path: Path, month: str
) -> None:
    original = corpus_dir / f"{month}.md"
    entities, facts = _graph_of(nlp, original)
    text = original.read_text(encoding="utf-8")
    for style, rewrite in REWRITES.items():
        path = tmp_path / style.replace(" ", "-") / f"{month}.md"
        path.parent.mkdir()
        path.write_bytes(rewrite(text).encode("utf-8"))  # bytes: keep "\r\n" as written
        got_entities, got_facts = _graph_of(nlp, path)
        assert (got_entities ^ entities, got_facts ^ facts) == (set(), set()), style


@pytest.mark.parametrize("month", ISSUES)
def test_an_issue_rendered_to_html_gives_the_same_graph(
    nlp, corpus_dir: Path, tmp_path: Path, month: str
) -> None:
    original = corpus_dir / f"{month}.md"
    body = MarkdownIt("commonmark", {"breaks": True}).render(original.read_text(encoding="utf-8"))
    html = tmp_path / f"{month}.html"
    html.write_text(f"<html><body>{body}</body></html>", encoding="utf-8")
    assert _graph_of(nlp, html) == _graph_of(nlp, original)


def _plain_text(markdown: str) -> str:
    """The issue as a plain-text e-mail: underlined headings, no markup, links as their text."""
    text = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", markdown)
    text = re.sub(r"\[([^\]]*)\]\(\S+?\)", r"\1", text)
    for marks, underline in (("##", "="), ("###", "-")):
        text = re.sub(rf"(?m)^{marks} +(.+?)[ \t]*$",
                      lambda m, u=underline: m.group(1).replace("*", "").strip() + "\n" + u * 10,
                      text)
    text = re.sub(r"(?m)^# +(.+?)[ \t]*$", lambda m: m.group(1).upper(), text)
    return re.sub(r"(?m)\\$", "", text.replace("**", ""))


# 2024-04 names one paper only in a link's text, which plain text has no way to mark
@pytest.mark.parametrize("month", ISSUES[:2])
def test_an_issue_rendered_to_plain_text_gives_the_same_graph(
    nlp, corpus_dir: Path, tmp_path: Path, month: str
) -> None:
    original = corpus_dir / f"{month}.md"
    text = tmp_path / f"{month}.txt"
    text.write_text(_plain_text(original.read_text(encoding="utf-8")), encoding="utf-8")
    assert _graph_of(nlp, text) == _graph_of(nlp, original)
