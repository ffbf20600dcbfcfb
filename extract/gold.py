"""Gold annotation files (tests/gold/<YYYY-MM>.json, see ANNOTATION_GUIDE.md) as typed values."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from partnerkg.errors import EvaluationError

#: Entity kinds scored, with the gold file's list that holds each.
ENTITY_LISTS: Mapping[str, str] = {
    "person": "people",
    "organisation": "organizations",
    "event": "events",
    "publication": "publications",
}
#: Relations scored, in report order.
RELATIONS = ("affiliation", "speaker", "organizer", "author", "event_date")
_RELATION_ALIASES = {"organiser": "organizer", "date": "event_date", "role": "affiliation"}
_MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")


@dataclass(frozen=True, slots=True)
class GoldItem:
    """One annotated entity: its kind, every name it goes by, and whether it is optional."""

    id: str
    kind: str
    names: tuple[str, ...]
    optional: bool


@dataclass(frozen=True, slots=True)
class GoldIssue:
    """One gold file: items by id, relation pairs by relation, neutral pairs."""

    path: Path
    newsletter: str
    issue_month: str
    items: Mapping[str, GoldItem]
    relations: Mapping[str, frozenset[tuple[str, str]]]
    neutral: frozenset[tuple[str, str, str]]  # (relation, a, b)

    def is_neutral(self, relation: str, a: str, b: str) -> bool:
        """A pair that counts neither way: touches an optional item, or listed as neutral."""
        optional = any(self.items[x].optional for x in (a, b) if x in self.items)
        return optional or (relation, a, b) in self.neutral


def load_gold_dir(gold_dir: Path) -> list[GoldIssue]:
    """Every ``*.json`` directly in ``gold_dir`` (annotators' ``passes/`` are not read)."""
    gold_dir = Path(gold_dir)
    if not gold_dir.is_dir():
        raise EvaluationError(f"gold folder {gold_dir} does not exist; pass the folder that "
                              "holds the <YYYY-MM>.json gold files")
    files = sorted(gold_dir.glob("*.json"))
    if not files:
        raise EvaluationError(f"no gold files (*.json) in {gold_dir}")
    return [load_gold(path) for path in files]


def load_gold(path: Path) -> GoldIssue:
    """Read and check one gold file; errors name the file, the entry and the fix."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as error:
        raise EvaluationError(f"{path}: cannot read gold JSON: {error}") from error
    if not isinstance(data, dict):
        raise EvaluationError(f"{path}: a gold file is a JSON object (see ANNOTATION_GUIDE.md)")
    month = str(data.get("issue_month", ""))
    if not _MONTH.match(month):
        raise EvaluationError(f"{path}: 'issue_month' must be YYYY-MM, found {month!r}")
    items: dict[str, GoldItem] = {}
    for kind, list_name in ENTITY_LISTS.items():
        for entry in _entries(data, list_name, path):
            item = _item(entry, kind, path, list_name)
            if item.id in items:
                raise EvaluationError(f"{path}: id {item.id!r} is used twice; ids must be unique")
            items[item.id] = item
    relations = {name: frozenset(pairs) for name, pairs in _relations(data, items, path).items()}
    return GoldIssue(Path(path), str(data.get("newsletter", "")), month, items, relations,
                     frozenset(_neutral(data, path)))


def _entries(data: Mapping[str, Any], key: str, path: Path) -> list[dict[str, Any]]:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise EvaluationError(f"{path}: {key!r} must be a list of objects")
    return value


def _item(entry: Mapping[str, Any], kind: str, path: Path, list_name: str) -> GoldItem:
    name = entry.get("name") or entry.get("title")
    if not entry.get("id") or not isinstance(name, str) or not name.strip():
        raise EvaluationError(f"{path}: an entry of {list_name!r} lacks an 'id' or a "
                              f"'name'/'title': {json.dumps(entry)[:120]}")
    aliases = entry.get("aliases") or []
    if not isinstance(aliases, list):
        raise EvaluationError(f"{path}: 'aliases' of {entry['id']!r} must be a list of names")
    names = tuple(dict.fromkeys(str(n) for n in (name, *aliases) if str(n).strip()))
    return GoldItem(str(entry["id"]), kind, names, bool(entry.get("optional", False)))


def _ref(entry: Any, keys: Iterable[str], owner: str, items: Mapping[str, GoldItem],
         path: Path) -> str | None:
    if not isinstance(entry, dict):
        raise EvaluationError(f"{path}: a relation of {owner!r} must be an object")
    for key in keys:
        target = entry.get(key)
        if target is None:
            continue
        if target not in items:
            raise EvaluationError(f"{path}: {owner!r} refers to unknown id {target!r}; add the "
                                  "item or fix the id")
        return str(target)
    return None


def _relations(data: Mapping[str, Any], items: Mapping[str, GoldItem],
               path: Path) -> dict[str, set[tuple[str, str]]]:
    pairs: dict[str, set[tuple[str, str]]] = {name: set() for name in RELATIONS}
    for person in _entries(data, "people", path):
        for entry in [*person.get("affiliations", []), *person.get("roles", [])]:
            org = _ref(entry, ("org",), person["id"], items, path)
            if org:
                pairs["affiliation"].add((person["id"], org))
    for event in _entries(data, "events", path):
        for entry in event.get("speakers", []):
            who = _ref(entry, ("person",), event["id"], items, path)
            if who:
                pairs["speaker"].add((event["id"], who))
        for entry in event.get("organizers", []):
            who = _ref(entry, ("org", "person"), event["id"], items, path)
            if who:
                pairs["organizer"].add((event["id"], who))
        if event.get("start_date"):
            pairs["event_date"].add((event["id"], str(event["start_date"])[:10]))
    for work in _entries(data, "publications", path):
        for entry in work.get("authors", []):
            who = _ref(entry, ("person",), work["id"], items, path)
            if who:
                pairs["author"].add((work["id"], who))
    return pairs


def _neutral(data: Mapping[str, Any], path: Path) -> set[tuple[str, str, str]]:
    found: set[tuple[str, str, str]] = set()
    for entry in data.get("neutral_pairs", []) or []:
        if isinstance(entry, list | tuple) and len(entry) == 2:
            found.update((relation, str(entry[0]), str(entry[1])) for relation in RELATIONS)
            continue
        if not isinstance(entry, dict) or "a" not in entry or "b" not in entry:
            raise EvaluationError(f"{path}: neutral_pairs entries are objects "
                                  '{"kind": "affiliation", "a": "p1", "b": "o1"}')
        kind = str(entry.get("kind", ""))
        kind = _RELATION_ALIASES.get(kind, kind)
        kinds = [kind] if kind in RELATIONS else list(RELATIONS)
        found.update((k, str(entry["a"]), str(entry["b"])) for k in kinds)
    return found
