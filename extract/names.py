"""Name normalisation and surface-form variants, shared by resolution and evaluation.

``normalise`` implements the annotation guide's matching form exactly (accents
folded, lower case, ``&`` read as ``and``, parenthesised parts, leading titles and
a leading "the" dropped, punctuation to spaces), so the resolver merges on the
same notion of "same name" the scorer uses.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from unidecode import unidecode

#: Honorifics dropped from the front of a name (lower case, without the dot).
TITLES = frozenset(
    {"dr", "prof", "professor", "mr", "mrs", "ms", "miss", "mx", "sir", "dame", "lord", "lady"}
)
#: Honorific tokens as spaCy splits them, with and without the dot ("Prof", "Prof.").
TITLE_TOKENS = TITLES | {title + "." for title in TITLES}
#: Small words ignored when reading an acronym off a name ("School *of* Hygiene").
ACRONYM_STOPWORDS = frozenset(
    {"of", "and", "the", "for", "in", "on", "at", "with", "to", "from", "by", "a", "an", "de", "la",
     "du"})

_PARENS = re.compile(r"\s*[(\[][^)\]]*[)\]]")
_PARENS_INNER = re.compile(r"[(\[]([^)\]]*)[)\]]")
_PUNCT = re.compile(r"[^\w\s]+|_")
_SPACES = re.compile(r"\s+")
_POSSESSIVE_S = re.compile(r"['’]s\b")
_POSSESSIVE = re.compile(r"(?:['’]s|(?<=s)['’])$", re.IGNORECASE)
_LEADING_TITLE = re.compile(
    r"^(?:(?:" + "|".join(sorted(TITLES, key=len, reverse=True)) + r")\b\.?\s+)+", re.IGNORECASE
)
_INITIAL = re.compile(r"^[a-z]$")


def fold(text: str) -> str:
    """Accents folded to ASCII (``Bräuninger`` -> ``Brauninger``), other characters kept."""
    return unidecode(unicodedata.normalize("NFC", text))


def normalise(name: str) -> str:
    """The guide's matching form: ``"Prof. Jörg Müller (UCL)"`` -> ``"jorg muller"``."""
    text = fold(name).lower().replace("&", " and ")
    text = _PARENS.sub(" ", text)
    text = _PUNCT.sub(" ", text)
    tokens = _SPACES.sub(" ", text).strip().split(" ")
    while tokens and tokens[0] in TITLES:
        tokens.pop(0)
    if tokens and tokens[0] == "the":
        tokens.pop(0)
    return " ".join(t for t in tokens if t)


def tokens(name: str) -> tuple[str, ...]:
    """Normalised tokens of ``name``."""
    norm = normalise(name)
    return tuple(norm.split(" ")) if norm else ()


def clean_surface(text: str) -> str:
    """``text`` as a display name: whitespace collapsed, possessive and leading titles removed."""
    return _LEADING_TITLE.sub("", strip_possessive(text)).strip()


def strip_possessive(text: str) -> str:
    """``text`` with whitespace collapsed, a trailing possessive and stray brackets removed
    (titles kept)."""
    text = _SPACES.sub(" ", text).strip().strip(",;:")
    if text.count("(") != text.count(")"):  # a span cut inside brackets: "UCL) Institute"
        text = _SPACES.sub(" ", re.sub(r"[()]", " ", text)).strip()
    return _POSSESSIVE.sub("", text).strip()


def without_parentheses(text: str) -> str:
    """``text`` with parenthesised parts removed (``"Tapabrata (Rohan) Chakraborty"``)."""
    return _SPACES.sub(" ", _PARENS.sub(" ", text)).strip()


def parenthesised(text: str) -> tuple[str, ...]:
    """The parenthesised parts of ``text`` (nicknames, acronyms)."""
    return tuple(p.strip() for p in _PARENS_INNER.findall(text) if p.strip())


def person_variants(surface: str) -> tuple[str, ...]:
    """Other names a person surface form implies.

    ``"Tapabrata (Rohan) Chakraborty"`` gives ``"Tapabrata Chakraborty"``,
    ``"Rohan Chakraborty"`` and ``"Rohan"``: a nickname in brackets stands in for
    the given name; ``"Tapabrata Rohan Chakraborty"`` gives the two two-word names.
    """
    clean = clean_surface(surface)
    plain = without_parentheses(clean)
    variants = [plain] if plain and plain != clean else []
    words = plain.split(" ")
    nicknames = parenthesised(clean)
    for nickname in nicknames:
        if len(words) >= 2 and " " not in nickname:
            variants.append(" ".join([nickname, *words[1:]]))
            variants.append(nickname)
    if not nicknames and len(words) == 3 and len(words[1]) > 2 and words[1].isalpha():
        # "Tapabrata Rohan Chakraborty" is also written "Rohan Chakraborty"
        variants += [f"{words[1]} {words[2]}", f"{words[0]} {words[2]}"]
    return tuple(dict.fromkeys(v for v in variants if v))


_PROSE_WORD = re.compile(r"(?<![\w/%.=@-])[a-z][a-z'-]+(?![\w/%=@])")  # not in a URL or address


def prose_words(texts: Iterable[str]) -> set[str]:
    """The words ``texts`` write in lower case: a capitalised word among them names no one."""
    return {word for text in texts for word in _PROSE_WORD.findall(text)}


def is_initial(token: str) -> bool:
    """A single-letter normalised token (``"j"`` from ``"J."``)."""
    return bool(_INITIAL.match(token))


def _acronym_words(name: str) -> list[str]:
    """The words an acronym takes initials from: no leading "the", no bracketed aside, a
    possessive's "s" no word of its own ("King's College London": KCL)."""
    plain = _POSSESSIVE_S.sub("", without_parentheses(fold(name)))
    words = _SPACES.sub(" ", _PUNCT.sub(" ", plain)).split()
    return words[1:] if words and words[0].lower() == "the" else words


def acronym_of(name: str) -> str | None:
    """The acronym a multi-word name would have (``"Health Data Research UK"`` -> ``"hdruk"``).

    Upper-case words (``UK``) are kept whole; small words (``of``, ``and``) are skipped; a
    one-word name gives its capitals, three or more (``"GlaxoSmithKline"`` -> ``"gsk"``).
    """
    words = _acronym_words(name)
    if len(words) == 1 and not words[0].isupper():  # "GlaxoSmithKline": its capitals, GSK
        capitals = [c.lower() for c in words[0] if c.isupper()]
        return "".join(capitals) if len(capitals) >= 3 else None  # not "McKinsey": "mk"
    letters = [
        w.lower() if w.isupper() and len(w) > 1 else w[0].lower()
        for w in words
        if w.lower() not in ACRONYM_STOPWORDS
    ]
    if len(letters) < 2:
        return None
    return "".join(letters)


def looks_like_acronym(surface: str) -> bool:
    """An upper-case short form such as ``"HDR UK"`` or ``"LSHTM"``."""
    letters = re.sub(r"[^A-Za-z]", "", fold(surface))
    return 2 <= len(letters) <= 10 and sum(c.isupper() for c in letters) >= max(2, len(letters) - 1)


def acronym_fits(acronym: str, name: str) -> bool:
    """Whether ``acronym`` can stand for the whole of ``name``.

    Its letters must be the name's word initials (an upper-case word gives all its
    letters, small words may be skipped), in order, from the first word to at most one
    word before the end, with at most one letter unexplained (``DSxHE``). So "HDR UK"
    fits "Health Data Research UK" but not a heading that merely starts with it.
    """
    short = acronym_key(acronym)
    units = _initials(name)
    if len(short) < 2 or not units or short == "".join(u for u, _ in units):
        return short == acronym_of(name) if short else False
    if short[0] != units[0][0]:
        return False
    position, misses, last = 0, 0, 0
    for char in short:
        found = next((i for i in range(position, len(units)) if units[i][0] == char), None)
        if found is None:
            misses += 1
        else:
            position, last = found + 1, found
    trailing = sum(1 for _, significant in units[last + 1 :] if significant)
    return misses <= 1 and len(short) - misses >= 2 and trailing <= 1


def _initials(name: str) -> list[tuple[str, bool]]:
    """(initial, significant) per word unit; upper-case words give every letter."""
    words = _acronym_words(name)
    units: list[tuple[str, bool]] = []
    for word in words:
        if word.isupper() and len(word) > 1:
            units.extend((c.lower(), True) for c in word if c.isalnum())
        else:
            units.append((word[0].lower(), word.lower() not in ACRONYM_STOPWORDS))
    return units


def acronym_key(surface: str) -> str:
    """An acronym compared letter by letter (``"HDR UK"`` -> ``"hdruk"``)."""
    return re.sub(r"[^a-z0-9]", "", fold(surface).lower())


def slug(norm: str, limit: int = 48) -> str:
    """A percent-safe slug of a normalised name, cut at a word boundary."""
    text = re.sub(r"[^a-z0-9]+", "-", norm).strip("-")
    if len(text) > limit:
        text = text[:limit].rsplit("-", 1)[0] or text[:limit]
    return text or "x"
