"""Organisations that lead the items of a list ("- Acme -- Automating X", "- Globex: Y").

A run of list items each opening with a short capitalised name, a dash or colon and a
description is a parallel structure: when most of those leading names are organisations
(the NER or the organisation rules say so), the rest are organisations too, whatever
the NER made of them ("Johnson Matthey" as a person, "Dstl" as nothing).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Doc

from partnerkg.extract import lexicon
from partnerkg.extract.model import BlockKind
from partnerkg.extract.spans import text_of
from partnerkg.extract.units import Unit

_LEADER = re.compile(
    r"^\s*(?P<name>[A-Z][\w&'’.-]*(?: [A-Z&][\w&'’.-]*){0,5})\s*(?:--|–|—|:| - )\s"
)

Leader = tuple[int, int, int]  # unit index, start char, end char


def organisation_leaders(units: Sequence[Unit], docs: Sequence[Doc]) -> set[Leader]:
    """The leading names of list runs whose leaders are mostly organisations."""
    found: set[Leader] = set()
    for run in _list_runs(units):
        leaders = [lead for index in run if (lead := _leader(index, units[index])) is not None]
        if len(leaders) < 3:
            continue
        orgs = sum(_is_organisation(docs[index], start, end) for index, start, end in leaders)
        if orgs * 2 >= len(leaders):
            found.update(leaders)
    return found


def _list_runs(units: Sequence[Unit]) -> list[list[int]]:
    """Indices of consecutive list-item units of one item or section."""
    runs: list[list[int]] = []
    for index, unit in enumerate(units):
        if unit.block.kind is not BlockKind.LIST_ITEM or unit.is_heading:
            continue
        previous = units[index - 1] if index else None
        same_place = (
            previous is not None and previous.item is unit.item and previous.section is unit.section
        )
        if runs and same_place and runs[-1][-1] == index - 1:
            runs[-1].append(index)
        else:
            runs.append([index])
    return runs


def _leader(index: int, unit: Unit) -> Leader | None:
    match = _LEADER.match(unit.text)
    if match is None:
        return None
    return (index, match.start("name"), match.end("name"))


def _is_organisation(doc: Doc, start: int, end: int) -> bool:
    name = text_of(doc)[start:end]
    span = doc.char_span(start, end)
    org_ent = span is not None and any(
        e.label_ == "ORG" and e.start <= span.start and span.end <= e.end for e in doc.ents
    )
    return org_ent or lexicon.org_kind_of(name) is not None
