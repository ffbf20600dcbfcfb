"""Who "I" is in a first-person text, such as a featured scholar's interview.

An interview section introduces its one person ("This month's scholar is Jane Doe, from
Westby University") and then lets them speak ("I am a PhD student at …"). Components record
what "I" says with the ``NARRATOR`` slot, bound here, per section (its items included, as
interview questions are often headings), to the only person named there before the first
first-person sentence, or (none before it) in that sentence ("I'm Jane Doe, …"). With no
such person, or with two, the slot stays empty and those relations are dropped.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from partnerkg.extract.mention_builder import MentionBuilder
from partnerkg.extract.model import EntityKind
from partnerkg.extract.names import normalise
from partnerkg.extract.units import Unit

FIRST_PERSON = re.compile(
    r"\bI(?:'m|’m|'ve|’ve| am| was| have| had| work| worked| lead| joined| started| completed|"
    r" did| studied| moved| spent| graduated| recently| currently| also| wrote| published|"
    r" co-wrote| co-authored| presented| developed| will| gave| spoke| attended)\b|"
    r"\b[Mm]y (?=\w)")


def narrators_of(builder: MentionBuilder, units: Sequence[Unit]) -> dict[int, str]:
    """``id(section)`` -> the person mention "I" stands for, where a first-person text has
    one person named before (or in) its first first-person sentence."""
    named: dict[int, dict[str, str]] = {}  # group -> normalised full name -> mention id
    narrators: dict[int, str] = {}
    closed: set[int] = set()
    people_of: dict[int, list[tuple[int, str]]] = {}  # unit index -> (start, person mention)
    for (unit_index, (start, _)), mention_id in sorted(builder.by_chars.items()):
        if builder.mentions[builder.index(mention_id)].kind is EntityKind.PERSON:
            people_of.setdefault(unit_index, []).append((start, mention_id))
    for index, unit in enumerate(units):
        group = id(unit.section)
        if group in closed or unit.section is None:
            continue
        people = named.setdefault(group, {})
        first_person = FIRST_PERSON.search(unit.text)
        # the people before the first first-person sentence, else those up to its end ("I'm
        # Jane Doe, …"; not Y of "Together with Y, I wrote …" after "This month: Jane Doe")
        opens = unit.text.rfind(". ", 0, first_person.start()) + 1 if first_person else -1
        cut = unit.text.find(". ", first_person.end()) if first_person else -1
        within: dict[str, str] = {}
        for start, mention_id in people_of.get(index, []):
            key = normalise(builder.mentions[builder.index(mention_id)].text)
            if " " in key and (cut < 0 or start < cut):  # a first name may be the same person
                (within if 0 <= opens <= start else people).setdefault(key, mention_id)
        if first_person:
            closed.add(group)
            candidates = people or within
            if len(candidates) == 1:
                narrators[group] = next(iter(candidates.values()))
    return narrators
