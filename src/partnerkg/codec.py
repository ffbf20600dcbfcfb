"""JSON round-trip for the frozen stage values of ``partnerkg.extract.model``.

The build caches each issue's :class:`Extraction` so an unchanged newsletter is
never sent through spaCy again; JSON (not pickle) keeps the cache inspectable and
safe to load.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import functools
import json
import types
import typing
from collections.abc import Mapping
from typing import Any, TypeVar

T = TypeVar("T")


def to_json(value: object) -> str:
    """Serialise a model value (dataclasses, tuples, enums, dates) to JSON text."""
    return json.dumps(_encode(value), ensure_ascii=False, separators=(",", ":"))


def from_json(text: str, cls: type[T]) -> T:
    """Rebuild a value of type ``cls`` from :func:`to_json` output."""
    return typing.cast(T, _decode(json.loads(text), cls))


def _encode(value: object) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _encode(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Mapping):
        return {str(k): _encode(v) for k, v in value.items()}
    if isinstance(value, tuple | list):
        return [_encode(v) for v in value]
    return value


def _decode(data: Any, hint: Any) -> Any:
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        if data is None:
            return None
        options = [a for a in typing.get_args(hint) if a is not type(None)]
        return _decode(data, options[0])
    if origin is tuple:
        args = typing.get_args(hint)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_decode(v, args[0]) for v in data)
        return tuple(_decode(v, a) for v, a in zip(data, args, strict=True))
    if origin in (Mapping, dict, typing.get_origin(Mapping[str, str])):
        _, value_hint = typing.get_args(hint)
        return {k: _decode(v, value_hint) for k, v in data.items()}
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        hints = _init_hints(hint)
        return hint(**{k: _decode(v, hints[k]) for k, v in data.items() if k in hints})
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        return hint(data)
    if hint is dt.date:
        return dt.date.fromisoformat(data)
    return data


@functools.cache
def _init_hints(cls: type) -> dict[str, Any]:
    """The resolved type of each ``__init__`` field of a dataclass, once per class
    (``get_type_hints`` per decoded value took two thirds of loading the cache)."""
    hints = typing.get_type_hints(cls)
    return {f.name: hints[f.name] for f in dataclasses.fields(cls) if f.init}
