"""Load the extraction pipeline and run it over newsletters.

The pipeline is a base spaCy pipeline (``Settings.spacy_pipeline``, any
installed package or path) plus the partnerkg components that
``extract/config.cfg`` names, in that order, with their settings. A text that links papers
by DOI goes in already tokenised, with those links' texts in ``doc.spans`` (the one thing a
component needs from the markup, which the text no longer holds).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from importlib import resources

import spacy
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc

from partnerkg.errors import ExtractionError
from partnerkg.extract import (  # noqa: F401  (registers the components)
    events,
    name_joins,
    organisations,
    person_roles,
    publications,
    topics,
)
from partnerkg.extract.about import with_topic_links
from partnerkg.extract.fingerprint import extractor_fingerprint as extractor_fingerprint
from partnerkg.extract.mentions import assemble
from partnerkg.extract.model import Extraction, Newsletter
from partnerkg.extract.publications import linked_title
from partnerkg.extract.spans import LINKED_TITLES
from partnerkg.extract.units import Unit, units_of
from partnerkg.settings import DEFAULT_SPACY_PIPELINE

logger = logging.getLogger(__name__)


def load_pipeline(name: str = DEFAULT_SPACY_PIPELINE) -> Language:
    """The base pipeline ``name`` with the components of ``extract/config.cfg`` added.

    The base must have a parser and an NER (``en_core_web_sm``, ``_trf`` …).
    """
    try:
        nlp = spacy.load(name)
    except OSError as error:
        raise ExtractionError(
            f"spaCy pipeline {name!r} is not installed or not a pipeline folder ({error}); "
            f"install it (e.g. `python -m spacy download {name}`) or set PARTNERKG_SPACY_PIPELINE"
        ) from error
    missing = {"parser", "ner"} - set(nlp.pipe_names)
    if missing:
        raise ExtractionError(
            f"spaCy pipeline {name!r} has no {', '.join(sorted(missing))} component; "
            "choose an English pipeline with a parser and NER, e.g. en_core_web_sm"
        )
    # "Mr Jane Racah- info here", "Acme Week Liverpool- May 2030": a dash glued to a word and
    # followed by a space is punctuation, not part of the word
    suffixes = [*(nlp.Defaults.suffixes or ()), r"(?<=[A-Za-z]{2})-$"]
    if isinstance(nlp.tokenizer, Tokenizer):
        nlp.tokenizer.suffix_search = spacy.util.compile_suffix_regex(suffixes).search
    config = _partnerkg_config()
    for component in config["partnerkg"]["components"]:
        settings = dict(config["components"][component])
        factory = settings.pop("factory")
        before = settings.pop("before", None)  # e.g. "parser": a component the parser reads
        nlp.add_pipe(factory, name=component, config=settings, before=before)
    return nlp


def _partnerkg_config() -> dict:
    text = (resources.files("partnerkg.extract") / "config.cfg").read_text(encoding="utf-8")
    return dict(spacy.util.load_config_from_str(text, interpolate=True))


def extract(newsletter: Newsletter, nlp: Language) -> Extraction:
    """Mentions and assertions of one newsletter (see :func:`extract_all` for many)."""
    return next(extract_all([newsletter], nlp))


def extract_all(
    newsletters: Iterable[Newsletter], nlp: Language, batch_size: int = 64, n_process: int = 1
) -> Iterator[Extraction]:
    """Extract every newsletter with ONE ``nlp.pipe`` pass over all their texts.

    Yields one :class:`Extraction` per newsletter, in input order, as soon as its
    last text has been processed.
    """
    plan: list[tuple[Newsletter, list[Unit]]] = [(n, units_of(n)) for n in newsletters]
    texts = (
        (_with_linked_titles(nlp, unit), (n_index, u_index))
        for n_index, (_, units) in enumerate(plan)
        for u_index, unit in enumerate(units)
    )
    docs_of: list = []
    yield from _empty_from(plan, 0)
    for doc, (n_index, _u_index) in nlp.pipe(
        texts, as_tuples=True, batch_size=batch_size, n_process=n_process
    ):
        docs_of.append(doc)
        newsletter, units = plan[n_index]
        if len(docs_of) == len(units):
            yield with_topic_links(assemble(newsletter, units, docs_of))
            docs_of = []
            yield from _empty_from(plan, n_index + 1)


def _with_linked_titles(nlp: Language, unit: Unit) -> str | Doc:
    """The unit's text or, where it links papers by DOI, its tokens with those links' texts
    marked (``LINKED_TITLES``): the components see text only, and a linked title is a paper."""
    links = [link for link in unit.block.links if link.doi and linked_title(link.text)]
    if not links:
        return unit.text
    doc = nlp.make_doc(unit.text)
    starts = [(unit.text.find(link.text), link.text) for link in links]
    spans = [doc.char_span(start, start + len(text), label="PUBLICATION",
                           alignment_mode="contract") for start, text in starts if start >= 0]
    doc.spans[LINKED_TITLES] = [span for span in spans if span is not None]
    return doc


def _empty_from(plan: list[tuple[Newsletter, list[Unit]]], start: int) -> Iterator[Extraction]:
    """Newsletters without any text get an empty extraction in their place in the order."""
    index = start
    while index < len(plan) and not plan[index][1]:
        logger.warning("newsletter %s has no text to extract", plan[index][0].source)
        yield Extraction(plan[index][0], (), ())
        index += 1
