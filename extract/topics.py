"""Topics: phrases matching a label of the SKOS topic scheme (ontology/topics.ttl).

Matches are case-insensitive on the label's words; each span's ``kb_id`` is the
concept IRI. New keyphrases (proposed topics) come from item headings in
``partnerkg.extract.mentions``, not from here.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from partnerkg.extract import lexicon
from partnerkg.extract.spans import TOPICS


@Language.factory("partnerkg_topics", default_config={"attr": "LOWER"})
def make_topics(nlp: Language, name: str, attr: str) -> TopicMatcher:
    return TopicMatcher(nlp, name, attr)


class TopicMatcher:
    """Writes ``doc.spans["pkg_topics"]`` with one span per topic-label match."""

    def __init__(self, nlp: Language, name: str, attr: str) -> None:
        self.name = name
        self.matcher = PhraseMatcher(nlp.vocab, attr=attr)
        self.concepts: dict[str, str] = {}
        for label in lexicon.topic_labels():
            key = f"TOPIC_{len(self.concepts)}"
            self.concepts[key] = label.concept
            self.matcher.add(key, [nlp.make_doc(label.label)])

    def __call__(self, doc: Doc) -> Doc:
        spans = [
            Span(doc, start, end, label="TOPIC", kb_id=self.concepts[doc.vocab.strings[match_id]])
            for match_id, start, end in self.matcher(doc)
        ]
        doc.spans[TOPICS] = filter_spans(spans)
        return doc
