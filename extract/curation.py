"""The curation file: a person's corrections, applied by every rebuild after the machine.

``load_curation(path)`` reads ``curation.yaml`` (see ``curation.example.yaml`` at the
repository root) into a :class:`Curation`; ``resolve`` applies it. Entity references
are an entity key (``ada-lovelace-3f9a1c``) or any name or alternate name of the
entity, compared in the guide's normalised form.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from partnerkg.errors import CurationError
from partnerkg.extract.model import EntityKind, Relation

_MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")


@dataclass(frozen=True, slots=True)
class Merge:
    """These entities are one thing; ``name`` optionally fixes its canonical name."""

    entities: tuple[str, ...]
    name: str | None
    line: int


@dataclass(frozen=True, slots=True)
class SplitPart:
    """One of the things a split entity really is, chosen by issue and/or context words."""

    name: str
    issues: tuple[str, ...] = ()
    context: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Split:
    """``entity`` is really several things; mentions matching no part stay with it."""

    entity: str
    into: tuple[SplitPart, ...]
    line: int


@dataclass(frozen=True, slots=True)
class Rename:
    entity: str
    name: str
    line: int


@dataclass(frozen=True, slots=True)
class Retype:
    entity: str
    kind: EntityKind
    attributes: Mapping[str, str]
    line: int


@dataclass(frozen=True, slots=True)
class DeleteEntity:
    entity: str
    line: int


@dataclass(frozen=True, slots=True)
class RelationEdit:
    """A relation to delete (``issue`` None = every issue) or to add (``issue`` required)."""

    subject: str
    relation: Relation
    object: str
    issue: str | None
    note: str
    attributes: Mapping[str, str]
    line: int


@dataclass(frozen=True, slots=True)
class Curation:
    """Every correction in a curation file, by operation, in file order."""

    source: str = "curation.yaml"
    merge: tuple[Merge, ...] = ()
    split: tuple[Split, ...] = ()
    rename: tuple[Rename, ...] = ()
    retype: tuple[Retype, ...] = ()
    delete_entity: tuple[DeleteEntity, ...] = ()
    delete_relation: tuple[RelationEdit, ...] = ()
    add_relation: tuple[RelationEdit, ...] = ()


_SECTIONS = (
    "merge", "split", "rename", "retype", "delete_entity", "delete_relation", "add_relation",
)


def load_curation(path: Path | str) -> Curation:
    """Read and check a curation file.

    Raises
    ------
    CurationError
        When the file is missing, is not YAML, or an entry is malformed; the message
        names the file, the line and the entry, and says how to fix it.
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise CurationError(
            f"cannot read curation file {path}: {error.strerror or error}; "
            "check the path (see curation.example.yaml for the format)"
        ) from error
    try:
        root = yaml.compose(text)
    except yaml.YAMLError as error:
        raise CurationError(f"{path}: not valid YAML: {error}") from error
    if root is None:
        return Curation(source=path.name)
    if not isinstance(root, yaml.MappingNode):
        raise CurationError(
            f"{path}:{root.start_mark.line + 1}: the file must be a mapping of operations "
            f"({', '.join(_SECTIONS)}), each a list of entries"
        )
    sections: dict[str, list[Any]] = {name: [] for name in _SECTIONS}
    for key_node, value_node in root.value:
        name = key_node.value
        if name not in _PARSERS:
            raise CurationError(
                f"{path}:{key_node.start_mark.line + 1}: unknown operation {name!r}; "
                f"use one of {', '.join(_SECTIONS)}"
            )
        if not isinstance(value_node, yaml.SequenceNode):
            raise CurationError(
                f"{path}:{value_node.start_mark.line + 1}: {name!r} must be a list of entries "
                "(each starting with '- ')"
            )
        for entry_node in value_node.value:
            where = _Where(path, name, entry_node.start_mark.line + 1)
            entry = yaml.safe_load(yaml.serialize(entry_node))
            if not isinstance(entry, dict):
                raise where.error("each entry must be a mapping of fields")
            sections[name].append(_PARSERS[name](entry, where))
    return Curation(source=path.name, **{k: tuple(v) for k, v in sections.items()})


@dataclass(frozen=True, slots=True)
class _Where:
    path: Path
    operation: str
    line: int

    def error(self, problem: str) -> CurationError:
        return CurationError(
            f"{self.path}:{self.line}: {self.operation} entry: {problem} "
            "(see curation.example.yaml)"
        )


def _text(entry: Mapping[str, Any], key: str, where: _Where, required: bool = True) -> str | None:
    value = entry.get(key)
    if value is None and not required:
        return None
    if isinstance(value, dt.date):
        value = value.isoformat()
    scalar = isinstance(value, str | int | float) and not isinstance(value, bool)
    if not scalar or not str(value).strip():
        raise where.error(f"field {key!r} must be a non-empty text")
    return str(value).strip()


def _texts(entry: Mapping[str, Any], key: str, where: _Where, minimum: int = 0) -> tuple[str, ...]:
    value = entry.get(key, [])
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str | int) for v in value):
        raise where.error(f"field {key!r} must be a list of texts")
    found = tuple(str(v).strip() for v in value if str(v).strip())
    if len(found) < minimum:
        raise where.error(f"field {key!r} needs at least {minimum} entries")
    return found


def _month(value: str, where: _Where) -> str:
    if not _MONTH.match(value):
        raise where.error(f"issue {value!r} must be an issue month written YYYY-MM, e.g. 2023-11")
    return value


def _check_fields(entry: Mapping[str, Any], allowed: set[str], where: _Where) -> None:
    unknown = sorted(set(entry) - allowed)
    if unknown:
        raise where.error(f"unknown field(s) {', '.join(map(repr, unknown))}; allowed: "
                          f"{', '.join(sorted(allowed))}")


def _attributes(entry: Mapping[str, Any], where: _Where) -> dict[str, str]:
    value = entry.get("attributes", {}) or {}
    if not isinstance(value, dict):
        raise where.error("field 'attributes' must be a mapping such as {org_kind: university}")
    return {str(k): str(v) for k, v in value.items()}


def _parse_merge(entry: Mapping[str, Any], where: _Where) -> Merge:
    _check_fields(entry, {"entities", "name"}, where)
    return Merge(_texts(entry, "entities", where, minimum=2), _text(entry, "name", where, False),
                 where.line)


def _parse_split(entry: Mapping[str, Any], where: _Where) -> Split:
    _check_fields(entry, {"entity", "into"}, where)
    parts_raw = entry.get("into")
    if not isinstance(parts_raw, list) or not parts_raw:
        raise where.error("field 'into' must list the parts, each with a name and issues/context")
    parts = []
    for raw in parts_raw:
        if not isinstance(raw, dict):
            raise where.error("each part of 'into' must be a mapping (name, issues, context)")
        _check_fields(raw, {"name", "issues", "context"}, where)
        issues = tuple(_month(m, where) for m in _texts(raw, "issues", where))
        context = _texts(raw, "context", where)
        if not issues and not context:
            raise where.error(f"part {raw.get('name')!r} needs 'issues' or 'context' to pick "
                              "its mentions")
        parts.append(SplitPart(str(_text(raw, "name", where)), issues, context))
    return Split(str(_text(entry, "entity", where)), tuple(parts), where.line)


def _parse_rename(entry: Mapping[str, Any], where: _Where) -> Rename:
    _check_fields(entry, {"entity", "name"}, where)
    return Rename(str(_text(entry, "entity", where)), str(_text(entry, "name", where)), where.line)


def _parse_retype(entry: Mapping[str, Any], where: _Where) -> Retype:
    _check_fields(entry, {"entity", "kind", "attributes"}, where)
    kind_text = str(_text(entry, "kind", where))
    try:
        kind = EntityKind(kind_text)
    except ValueError:
        raise where.error(
            f"kind {kind_text!r} is not one of {', '.join(k.value for k in EntityKind)}"
        ) from None
    return Retype(str(_text(entry, "entity", where)), kind, _attributes(entry, where), where.line)


def _parse_delete_entity(entry: Mapping[str, Any], where: _Where) -> DeleteEntity:
    _check_fields(entry, {"entity"}, where)
    return DeleteEntity(str(_text(entry, "entity", where)), where.line)


def _relation_edit(entry: Mapping[str, Any], where: _Where, adding: bool) -> RelationEdit:
    allowed = {"subject", "relation", "object", "issue"}
    if adding:
        allowed |= {"note", "attributes"}
    _check_fields(entry, allowed, where)
    relation_text = str(_text(entry, "relation", where))
    try:
        relation = Relation(relation_text)
    except ValueError:
        raise where.error(
            f"relation {relation_text!r} is not one of {', '.join(r.value for r in Relation)}"
        ) from None
    issue = _text(entry, "issue", where, required=adding)
    note = _text(entry, "note", where, required=adding) if adding else ""
    return RelationEdit(
        str(_text(entry, "subject", where)), relation, str(_text(entry, "object", where)),
        _month(issue, where) if issue else None, note or "", _attributes(entry, where), where.line,
    )


_PARSERS: dict[str, Callable[[Mapping[str, Any], _Where], Any]] = {
    "merge": _parse_merge,
    "split": _parse_split,
    "rename": _parse_rename,
    "retype": _parse_retype,
    "delete_entity": _parse_delete_entity,
    "delete_relation": lambda entry, where: _relation_edit(entry, where, adding=False),
    "add_relation": lambda entry, where: _relation_edit(entry, where, adding=True),
}
