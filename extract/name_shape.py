"""Whether a span reads as a person's name, whatever label the NER gave it.

Shared by the components that fill person slots: the NER's labels vary from sentence to
sentence ("Rohan Chakraborty" is a PERSON in one, an ORG in the next), a name's shape does not.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from partnerkg.extract import lexicon
from partnerkg.extract.roles import is_role_phrase

#: Lower-case particles inside a name ("Ghadi al Hajj", "Ludwig van Beethoven").
NAME_PARTICLES = frozenset(
    {"al", "el", "bin", "ibn", "de", "da", "di", "du", "del", "dos", "das", "van", "von", "der",
     "den", "ter", "ten"}
)
#: Verbs that open a sentence before a name ("Read Jane Doe's blog", "Introducing Jane Doe"),
#: never part of it
IMPERATIVES = frozenset({"read", "see", "watch", "listen", "meet", "join", "check", "visit",
                         "introducing", "welcome", "welcoming"})
NAME_WORD = re.compile(r"^[A-Z][a-zà-ÿ'’A-Z-]*[a-zà-ÿ]$|^[A-Z]\.?$|^[A-Z][a-z]*['’][A-Z][a-z]+$")


_PREFIX = re.compile(r"^[A-Z]['’]$")  # "O'" written apart from the surname ("Martin O' Reilly")


#: Honours and letters written after a name ("Jane Doe MP", "John Roe OBE"): not the name.
POST_NOMINALS = frozenset({"MP", "MEP", "MSP", "OBE", "CBE", "MBE", "KBE", "DBE", "FRS", "FRSE",
                           "FMedSci", "FREng", "FBA", "PhD", "MD", "QC", "KC"})


def looks_like_name(span: Span) -> bool:
    """Two to four capitalised name words, none an organisation or role word."""
    words = span.text.replace("(", " ").replace(")", " ").split()  # "Fenwick-Achebe" is one
    if not 2 <= len(words) <= 5:
        return False
    if lexicon.org_kind_of(span.text) or is_role_phrase(span.text):
        return False
    inner = words[1:-1]
    return (
        all(NAME_WORD.match(w) for w in (words[0], words[-1]))
        and all(NAME_WORD.match(w) or w in NAME_PARTICLES or _PREFIX.match(w) for w in inner)
        and not all(w.isupper() for w in words)
    )


def person_like(ent: Span) -> bool:
    """A PERSON, or a name the NER took for an organisation: the mention builder keeps a
    relation to it only where the issue names that person (``mentions._named_person``)."""
    return ent.label_ == "PERSON" or ent.label_ == "ORG" and looks_like_name(ent)


_PRONOUNS = frozenset({"she", "her", "hers", "he", "him", "his", "they", "them", "theirs", "/"})


def after_pronouns(doc: Doc, i: int) -> int:
    """Past a bracket of pronouns at ``i`` ("(she/her)") after a name, or ``i``."""
    if i >= len(doc) or doc[i].text != "(":
        return i
    end = i + 1
    while end < len(doc) and doc[end].lower_ in _PRONOUNS:
        end += 1
    return end + 1 if end > i + 1 and end < len(doc) and doc[end].text == ")" else i
