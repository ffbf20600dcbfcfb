"""The extraction pipeline over hand-built newsletters: API, source spans, one pipe pass."""

from __future__ import annotations

import datetime as dt

import pytest

from partnerkg.errors import ExtractionError
from partnerkg.extract.model import (
    Block,
    BlockKind,
    DatedLine,
    DateLabel,
    EntityKind,
    Item,
    Link,
    Newsletter,
    Relation,
    Section,
    SourceSpan,
)
from partnerkg.extract.pipeline import extract, extract_all, load_pipeline


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


class _Writer:
    """Builds a newsletter's source text and blocks whose offsets point into it."""

    def __init__(self, name: str = "2030-01.md") -> None:
        self.name = name
        self.text = ""

    def span(self, text: str) -> SourceSpan:
        start = len(self.text) + 2  # each piece follows a blank line
        self.text += "\n\n" + text
        return SourceSpan(self.name, start, start + len(text), text)

    def block(self, text: str, kind: BlockKind = BlockKind.PARAGRAPH, links=()) -> Block:
        span = self.span(text)
        return Block(kind, text, span, tuple(links), ((0, span.start, len(text)),))

    def item(self, title: str, section: str, *paragraphs: str, date=None, links=()) -> Item:
        title_span = self.span(title)
        dated = ()
        if date is not None:
            line = self.span(date.strftime("%d %B %Y"))
            dated = (DatedLine(DateLabel.DATE, "", date, None, line),)
        blocks = tuple(self.block(p, links=links) for p in paragraphs)
        return Item(title, title_span, section, blocks, dated, tuple(links))

    def newsletter(self, month: str, *sections: Section) -> Newsletter:
        return Newsletter(self.name, month, self.text, sections, "hash-" + month)


def _one_item(nlp, month: str, title: str, *paragraphs: str):
    """The extraction of a newsletter holding one item of ``paragraphs``."""
    w = _Writer(f"{month}.md")
    item = w.item(title, "Updates", *paragraphs)
    return extract(w.newsletter(month, Section("Updates", None, (), (item,))), nlp)


def _event_newsletter() -> Newsletter:
    w = _Writer()
    item = w.item(
        "Lecture Series Event: Robots in Medicine",
        "Events",
        "The Widget Research Group are hosting this talk. We will be joined by speakers "
        "Jane Okafor, Principal Data Scientist at Acme Analytics and Tomas Berg, Research "
        "Fellow at University of Northby, who will discuss robots.",
        date=dt.date(2030, 1, 21),
    )
    return w.newsletter("2030-01", Section("Events", None, (), (item,)))


def test_load_pipeline_adds_the_configured_components_after_the_base(nlp) -> None:
    names = nlp.pipe_names
    assert names[-5:] == [
        "partnerkg_organisations",
        "partnerkg_person_roles",
        "partnerkg_event_roles",
        "partnerkg_publications",
        "partnerkg_topics",
    ]
    assert "ner" in names
    assert names.index("partnerkg_name_joins") == names.index("parser") - 1  # its `before` key


def test_a_dash_glued_to_a_word_before_a_space_is_punctuation(nlp) -> None:
    doc = nlp("Supervised with Mr Yaron Racah- info here.")
    assert [t.text for t in doc][4:6] == ["Racah", "-"]
    assert "Yaron Racah" in [e.text for e in doc.ents if e.label_ == "PERSON"]


def test_unknown_base_pipeline_is_a_clear_error() -> None:
    with pytest.raises(ExtractionError, match="not installed"):
        load_pipeline("no_such_pipeline_xyz")


def test_event_item_gives_event_speakers_roles_and_host(nlp) -> None:
    extraction = extract(_event_newsletter(), nlp)
    by_id = {m.id: m for m in extraction.mentions}
    events = [m for m in extraction.mentions if m.kind is EntityKind.EVENT]
    assert [e.text for e in events] == [
        "Lecture Series Event: Robots in Medicine",
        "Robots in Medicine",
    ]
    event, short = events
    assert short.attributes["refers_to"] == event.id  # the short name resolves to the event
    assert event.attributes["start_date"] == "2030-01-21"
    assert event.attributes["short_name"] == "Robots in Medicine"
    assert event.attributes["series"] == "Lecture Series"
    speakers = {
        by_id[a.object].text
        for a in extraction.assertions
        if a.relation is Relation.SPEAKER and a.subject == event.id
    }
    assert speakers == {"Jane Okafor", "Tomas Berg"}
    organisers = {
        by_id[a.object].text for a in extraction.assertions if a.relation is Relation.ORGANIZER
    }
    assert organisers == {"Widget Research Group"}
    ties = {
        (by_id[a.subject].text, by_id[a.object].text, a.attributes.get("title"))
        for a in extraction.assertions
        if a.relation is Relation.ROLE
    }
    assert ("Jane Okafor", "Acme Analytics", "Principal Data Scientist") in ties
    assert ("Tomas Berg", "University of Northby", "Research Fellow") in ties


def test_every_mention_and_assertion_points_at_its_source_text(nlp) -> None:
    newsletter = _event_newsletter()
    extraction = extract(newsletter, nlp)
    assert extraction.mentions
    for mention in extraction.mentions:
        assert mention.span.file == newsletter.source
        assert newsletter.text[mention.span.start : mention.span.end] == mention.span.text
        if mention.kind in (EntityKind.PERSON, EntityKind.ORGANISATION):
            assert mention.text in mention.span.text or mention.span.text in mention.text
        assert 0 < mention.confidence <= 1 and mention.component
    for assertion in extraction.assertions:
        evidence = assertion.evidence
        assert newsletter.text[evidence.start : evidence.end] == evidence.text
        assert assertion.component and 0 < assertion.confidence <= 1


def test_mention_ids_are_deterministic_and_issue_scoped(nlp) -> None:
    first = extract(_event_newsletter(), nlp)
    second = extract(_event_newsletter(), nlp)
    assert [m.id for m in first.mentions] == [m.id for m in second.mentions]
    assert all(m.id.startswith("2030-01/m") for m in first.mentions)
    assert first.assertions == second.assertions


def test_extract_all_runs_one_pipe_pass_and_keeps_input_order(nlp, monkeypatch) -> None:
    w = _Writer("2030-02.md")
    other = w.newsletter(
        "2030-02",
        Section("News", None, (w.block("Ada Lovelace joined the University of Northby."),), ()),
    )
    empty = _Writer("2030-03.md").newsletter("2030-03")
    calls = []
    original = type(nlp).pipe

    def counting_pipe(self, *args, **kwargs):
        if kwargs.get("as_tuples"):  # spaCy re-enters pipe() once without tuples
            calls.append(kwargs)
        return original(self, *args, **kwargs)

    monkeypatch.setattr(type(nlp), "pipe", counting_pipe)
    results = list(extract_all([_event_newsletter(), empty, other], nlp, batch_size=8))
    assert len(calls) == 1 and calls[0]["as_tuples"] is True and calls[0]["batch_size"] == 8
    assert [r.newsletter.issue_month for r in results] == ["2030-01", "2030-03", "2030-02"]
    assert results[1].mentions == ()
    assert any(m.text == "Ada Lovelace" for m in results[2].mentions)


def test_publication_with_doi_venue_and_first_name_author(nlp) -> None:
    w = _Writer("2030-04.md")
    intro = w.block("Our researchers Maria Santos and Kofi Mensah published papers this month.")
    title = "Deep learning finds rare cell types in noisy tissue atlases"
    text = f"Maria's paper '{title}' was published in Journal of Cell Atlases with colleagues."
    link_start = text.index(title)
    span = w.span(text)
    link = Link(
        title,
        "https://doi.org/10.1234/jca.5678",
        SourceSpan(w.name, span.start + link_start, span.start + link_start + len(title), title),
        "10.1234/jca.5678",
    )
    block = Block(BlockKind.PARAGRAPH, text, span, (link,), ((0, span.start, len(text)),))
    heading = w.span("New publications")
    item = Item("New publications", heading, "Updates", (intro, block), (), (link,))
    newsletter = w.newsletter("2030-04", Section("Updates", None, (), (item,)))
    extraction = extract(newsletter, nlp)
    by_id = {m.id: m for m in extraction.mentions}
    papers = [m for m in extraction.mentions if m.kind is EntityKind.PUBLICATION]
    assert [p.text for p in papers] == [title]
    assert papers[0].attributes["doi"] == "10.1234/jca.5678"
    assert papers[0].attributes["venue"] == "Journal of Cell Atlases"
    authors = [by_id[a.object].text for a in extraction.assertions if a.relation is Relation.AUTHOR]
    assert authors == ["Maria Santos"]


def test_job_item_is_an_opportunity_with_deadline_not_an_event(nlp) -> None:
    w = _Writer("2030-05.md")
    title_span = w.span("Job: Research Fellow in Robotics")
    line = w.span("Deadline: 3 March 2030")
    deadline = DatedLine(DateLabel.DEADLINE, "Deadline", dt.date(2030, 3, 3), None, line)
    body = w.block("The University of Northby is hiring a research fellow.")
    item = Item("Job: Research Fellow in Robotics", title_span, "Jobs", (body,), (deadline,))
    extraction = extract(w.newsletter("2030-05", Section("Jobs", None, (), (item,))), nlp)
    kinds = {m.kind for m in extraction.mentions}
    assert EntityKind.EVENT not in kinds
    (job,) = [m for m in extraction.mentions if m.kind is EntityKind.OPPORTUNITY]
    assert job.attributes == {"opportunity_kind": "job", "deadline": "2030-03-03"}


def test_extractor_fingerprint_is_stable_and_short() -> None:
    from partnerkg.extract.pipeline import extractor_fingerprint

    assert extractor_fingerprint() == extractor_fingerprint()
    assert len(extractor_fingerprint()) == 16


def test_extractor_fingerprint_covers_the_vocabularies_and_every_rule_module() -> None:
    """Editing the topic scheme or org_kinds.yaml must re-extract, not reuse the cache."""
    from partnerkg.extract.fingerprint import rule_files

    names = {entry.name for entry in rule_files()}
    assert {"org_kinds.yaml", "partners.yaml", "topics.ttl", "config.cfg"} <= names
    assert {"names.py", "organisations.py", "events.py", "pipeline.py"} <= names


@pytest.mark.slow
def test_two_processes_give_the_same_extraction(nlp) -> None:
    one = list(extract_all([_event_newsletter()], nlp, n_process=1))
    two = list(extract_all([_event_newsletter()], nlp, n_process=2))
    assert one[0].mentions == two[0].mentions
    assert one[0].assertions == two[0].assertions


def test_first_name_in_the_text_confirms_the_full_name_in_its_heading(nlp) -> None:
    extraction = _one_item(
        nlp,
        "2030-06",
        "Partnership Research Associate Daniel Okafor presenting at Graph Days 2030",
        "Daniel said the conference was a great chance to meet the Director.",
    )
    people = {m.id: m for m in extraction.mentions if m.kind is EntityKind.PERSON}
    full = [m for m in people.values() if m.text == "Daniel Okafor"]
    assert len(full) == 1
    short = [m for m in people.values() if m.text == "Daniel"]
    assert [m.attributes.get("refers_to") for m in short] == [full[0].id]
    assert not [m for m in people.values() if m.text == "Director"]


def test_a_capitalised_phrase_the_issue_also_writes_in_lower_case_is_no_person(nlp) -> None:
    extraction = _one_item(
        nlp,
        "2030-07",
        "New clusters",
        "The Institute is establishing a new Research and Innovation Cluster in Digital Twins; "
        "each cluster brings research and innovation together.",
    )
    assert not [m.text for m in extraction.mentions if m.kind is EntityKind.PERSON]


def test_a_first_name_tagged_as_an_organisation_refers_to_a_full_name_later_in_the_issue(
    nlp,
) -> None:
    w = _Writer("2030-08.md")
    paper = w.block("Arjun's paper on uncertainty was published in Nature.")
    team = w.block("Arjun Mehta, Northby Institute, Theme Lead", kind=BlockKind.LIST_ITEM)
    news = Item("Papers", w.span("Papers"), "Updates", (paper,), ())
    people = Item("The team", w.span("The team"), "Team", (team,), ())
    extraction = extract(
        w.newsletter(
            "2030-08",
            Section("Updates", None, (), (news,)),
            Section("Team", None, (), (people,)),
        ),
        nlp,
    )
    by_id = {m.id: m for m in extraction.mentions}
    (short,) = [m for m in extraction.mentions if m.text == "Arjun"]
    assert short.kind is EntityKind.PERSON
    assert by_id[short.attributes["refers_to"]].text == "Arjun Mehta"


def test_names_leading_a_list_of_mostly_organisations_are_organisations(nlp) -> None:
    w = _Writer("2030-09.md")
    lines = [
        "Qvex -- Using topic models to find emerging trends in papers",
        "Westby Wildlife Agency -- Identifying animal markings in camera traps",
        "Harriet Osei -- Increasing automation of catalyst testing",
        "Northby Data Trust -- Spatial analysis of species records",
    ]
    blocks = tuple(w.block(line, kind=BlockKind.LIST_ITEM) for line in lines)
    intro = w.block("This month's study group has challenges from:")
    item = Item("Study group", w.span("Study group"), "Events", (intro, *blocks), ())
    extraction = extract(w.newsletter("2030-09", Section("Events", None, (), (item,))), nlp)
    orgs = {m.text for m in extraction.mentions if m.kind is EntityKind.ORGANISATION}
    assert {"Qvex", "Westby Wildlife Agency", "Harriet Osei", "Northby Data Trust"} <= orgs
    assert not [m for m in extraction.mentions if m.kind is EntityKind.PERSON]


def test_in_an_item_that_is_no_event_relations_attach_to_the_event_the_sentence_names(
    nlp,
) -> None:
    extraction = _one_item(
        nlp,
        "2030-10",
        "Poster success",
        "Our associate Kofi Mensah took part in Data for Westby on Monday. Data for Westby is "
        "a major poster competition which is organised by the Westby Science Committee.",
    )
    by_id = {m.id: m for m in extraction.mentions}
    hosts = [
        (by_id[a.subject].text, by_id[a.object].text)
        for a in extraction.assertions
        if a.relation is Relation.ORGANIZER
    ]
    assert hosts == [("Data for Westby", "Westby Science Committee")]


def test_a_paper_announced_only_by_its_heading_and_a_venue_link_is_named_by_the_heading(
    nlp,
) -> None:
    w = _Writer("2030-11.md")
    text = "Published in Journal of Risk, the article argues for calibrated models."
    span = w.span(text)
    link_text = "Published in Journal of Risk"
    link = Link(
        link_text,
        "https://doi.org/10.1234/jr.1",
        SourceSpan(w.name, span.start, span.start + len(link_text), link_text),
        "10.1234/jr.1",
    )
    body = Block(BlockKind.PARAGRAPH, text, span, (link,), ((0, span.start, len(text)),))
    title = "New Partnership Publication on calibrated risk models"
    item = Item(title, w.span(title), "Updates", (body,), (), (link,))
    extraction = extract(w.newsletter("2030-11", Section("Updates", None, (), (item,))), nlp)
    papers = [m for m in extraction.mentions if m.kind is EntityKind.PUBLICATION]
    assert [(p.text, p.attributes["doi"]) for p in papers] == [(title, "10.1234/jr.1")]


def test_an_acronym_organisation_is_kept_unless_the_issue_uses_it_as_a_term(nlp) -> None:
    extraction = _one_item(
        nlp,
        "2030-10",
        "Soil data",
        "The conference will welcome delegates from industry, as well as NHS and wider research "
        "partners. The session is on the 12th January at 11am GMT. It covers tips for using "
        "high-performance computing (HPC) clusters. A flexible Python package for simulating "
        "data from a causal DAG, unlike others.",
    )
    orgs = {m.text for m in extraction.mentions if m.kind is EntityKind.ORGANISATION}
    assert "NHS" in orgs
    assert not orgs & {"GMT", "HPC", "DAG"}


def test_a_publication_of_the_month_link_is_no_title_and_its_sentence_names_the_author(
    nlp,
) -> None:
    w = _Writer("2030-11.md")
    text = ("December's publication of the month (preprint version here) is from Ana Ferrow "
            "and her colleagues at Westby.")
    label = "publication of the month"
    span = w.span(text)
    start = span.start + text.index(label)
    link = Link(label, "https://doi.org/10.1002/soil.1", SourceSpan(
        w.name, start, start + len(label), label), "10.1002/soil.1")
    block = Block(BlockKind.PARAGRAPH, text, span, (link,), ((0, span.start, len(text)),))
    title = w.block("A meta-analytic framework for soil studies", kind=BlockKind.BOLD_LINE)
    section = Section("Publication of the Month", None, (title, block), ())
    extraction = extract(w.newsletter("2030-11", section), nlp)
    by_id = {m.id: m for m in extraction.mentions}
    papers = [m.text for m in extraction.mentions if m.kind is EntityKind.PUBLICATION]
    assert papers == ["A meta-analytic framework for soil studies"]
    authors = [by_id[a.object].text for a in extraction.assertions if a.relation is Relation.AUTHOR]
    assert authors == ["Ana Ferrow"]


def _scholar_section(*paragraphs: str):
    w = _Writer("2030-12.md")
    blocks = tuple(w.block(p) for p in paragraphs)
    return w.newsletter("2030-12", Section("Featured Community Scholar", None, blocks, ()))


def test_first_person_text_is_tied_to_the_one_person_its_section_introduces(nlp) -> None:
    extraction = extract(_scholar_section(
        "This month's scholar is Priya Raman, from Westby University.",
        "I am a clinical PhD student at the Westby Cancer Institute.",
        "I am organising a workshop called 'Soil in Pathology: Research Meets Reality' which "
        "brings people together.",
    ), nlp)
    by_id = {m.id: m for m in extraction.mentions}
    facts = {(a.relation, by_id[a.subject].text, by_id[a.object].text)
             for a in extraction.assertions}
    assert (Relation.AFFILIATION, "Priya Raman", "Westby Cancer Institute") in facts
    assert (Relation.ORGANIZER, "Soil in Pathology: Research Meets Reality",
            "Priya Raman") in facts
    two = extract(_scholar_section(
        "Priya Raman talked to Tomas Berg.",
        "I am a clinical PhD student at the Westby Cancer Institute.",
    ), nlp)
    assert not any(a.relation is Relation.AFFILIATION for a in two.assertions)


def test_a_non_event_heading_names_the_event_its_text_dates_with_a_year(nlp) -> None:
    extraction = _one_item(
        nlp, "2030-12", "Associate Priya Raman presents at Soil Networks Conference",
        "Our associate Priya Raman travelled to France to present at the Soil Networks "
        "conference 2030.")
    events = [m for m in extraction.mentions if m.kind is EntityKind.EVENT]
    assert [m.text for m in events] == ["Soil Networks Conference", "Soil Networks conference 2030"]
    assert events[1].attributes["refers_to"] == events[0].id


def test_a_funder_in_common_words_is_kept(nlp) -> None:
    extraction = _one_item(
        nlp, "2030-12", "PhD Studentships",
        "We study soil data research in depth. Two studentships are open, both funded by Soil "
        "Data Research UK.")
    assert "Soil Data Research UK" in [
        m.text for m in extraction.mentions if m.kind is EntityKind.ORGANISATION]


def test_people_listed_after_a_speaker_cue_speak_at_the_items_event(nlp) -> None:
    w = _Writer("2030-03.md")
    item = w.item("Soil Interest Group Seminar: Roots", "Events",
                  "The Soil Interest Group is hosting a virtual event in March with talks from:",
                  date=dt.date(2030, 3, 21))
    talks = tuple(w.block(text, BlockKind.LIST_ITEM) for text in (
        "Priya Raman, PhD Student at University of Westby: 'Roots and soil'.",
        "Felix Grant, Lecturer at Northby University: 'Deep soil'."))
    item = Item(item.title, item.title_span, item.section, (*item.blocks, *talks),
                item.dated_lines, ())
    extraction = extract(w.newsletter("2030-03", Section("Events", None, (), (item,))), nlp)
    by_id = {m.id: m for m in extraction.mentions}
    speakers = {by_id[a.object].text for a in extraction.assertions
                if a.relation is Relation.SPEAKER}
    assert speakers == {"Priya Raman", "Felix Grant"}


def test_an_event_items_text_naming_its_own_event_with_a_year_adds_no_second_event(nlp) -> None:
    w = _Writer("2030-05.md")
    item = w.item("Soil Networks Conference", "Events",
                  "Priya Raman will present at the Soil Networks conference 2030 in Westby.",
                  date=dt.date(2030, 5, 21))
    extraction = extract(w.newsletter("2030-05", Section("Events", None, (), (item,))), nlp)
    events = [m.text for m in extraction.mentions if m.kind is EntityKind.EVENT]
    assert events == ["Soil Networks Conference"]


def test_a_section_headed_by_a_paper_title_over_this_preprint_names_the_paper(nlp) -> None:
    w = _Writer("2030-01.md")
    title = "Combining Soil Learning and Crop Encoders to Exploit Missing Observations"
    blocks = (w.block("January's publication of the month is this preprint from Priya Raman "
                      "from the University of Westby and colleagues."),)
    section = Section(title, w.span(title), blocks, ())
    extraction = extract(w.newsletter("2030-01", section), nlp)
    by_id = {m.id: m for m in extraction.mentions}
    papers = [m.text for m in extraction.mentions if m.kind is EntityKind.PUBLICATION]
    assert papers == [title]
    authors = {by_id[a.object].text for a in extraction.assertions if a.relation is Relation.AUTHOR}
    assert authors == {"Priya Raman"}


def test_a_heading_labelled_paper_names_the_paper_after_its_label(nlp) -> None:
    extraction = _one_item(nlp, "2030-05", "Preprint: Foundation models for pathology slides",
                           "Our team released it this month.")
    papers = [m for m in extraction.mentions if m.kind is EntityKind.PUBLICATION]
    title = "Foundation models for pathology slides"
    assert [(p.text, p.span.text) for p in papers] == [(title, title)]


def test_an_organisation_written_before_a_unit_noun_is_kept_though_its_words_are_common(
    nlp,
) -> None:
    extraction = _one_item(
        nlp, "2030-04", "Launch event",
        "Acme have partnered with the Data Science for Soil Equity community on data science "
        "for soil equity.")
    orgs = {m.text for m in extraction.mentions if m.kind is EntityKind.ORGANISATION}
    assert "Data Science for Soil Equity" in orgs


def test_a_titled_surname_refers_to_the_full_name_before_it(nlp) -> None:
    extraction = _one_item(nlp, "2030-06", "Publication of the month",
                           "This month's paper is by Jane Okafor, Professor of Soil Science at "
                           "Westby University.",
                           "Prof Okafor also gave a lecture on soil last year.")
    people = [m for m in extraction.mentions if m.kind is EntityKind.PERSON]
    okafor = next(m for m in people if m.text == "Okafor")
    full = next(m for m in people if m.text == "Jane Okafor")
    assert okafor.attributes["refers_to"] == full.id


def test_the_event_a_heading_says_its_event_is_held_at_is_a_second_event(nlp) -> None:
    w = _Writer("2030-07.md")
    item = w.item("Workshop on Soil Robustness at the International Conference on Soil Learning",
                  "Events", "This workshop, being held at International Conference on Soil "
                  "Learning, brings researchers together.", date=dt.date(2030, 7, 21))
    extraction = extract(w.newsletter("2030-07", Section("Events", None, (), (item,))), nlp)
    events = {m.text for m in extraction.mentions
              if m.kind is EntityKind.EVENT and "refers_to" not in m.attributes}
    assert "International Conference on Soil Learning" in events
    assert len(events) == 2


def test_a_person_an_event_item_names_with_no_other_part_speaks(nlp) -> None:
    w = _Writer("2030-08.md")
    item = w.item("Soil Data Symposium", "Events",
                  "The afternoon belongs to Jane Okafor and Tomas Berg.",
                  "Questions? Contact Nora Lind.", date=dt.date(2030, 8, 21))
    extraction = extract(w.newsletter("2030-08", Section("Events", None, (), (item,))), nlp)
    names = {m.id: m.text for m in extraction.mentions}
    speakers = {names[a.object] for a in extraction.assertions if a.relation is Relation.SPEAKER}
    assert speakers == {"Jane Okafor", "Tomas Berg"}


def test_the_text_naming_the_headings_event_with_a_word_left_out_adds_no_second_event(
    nlp,
) -> None:
    w = _Writer("2030-09.md")
    item = w.item("Westby Trust Soil Science Ideathon", "Events",
                  "The Westby Soil Science Ideathon is a competition for student teams.",
                  date=dt.date(2030, 9, 21))
    extraction = extract(w.newsletter("2030-09", Section("Events", None, (), (item,))), nlp)
    events = [m for m in extraction.mentions
              if m.kind is EntityKind.EVENT and "refers_to" not in m.attributes]
    assert [e.text for e in events] == ["Westby Trust Soil Science Ideathon"]


def test_people_in_an_item_whose_heading_names_the_event_they_go_to_speak_at_it(nlp) -> None:
    w = _Writer("2030-10.md")
    item = w.item("Research Associate Jane Okafor attending the Westby Soil Summit 2030",
                  "Updates", "Jane Okafor has been invited as an expert panelist for soil "
                  "health at the summit in Northby.")
    extraction = extract(w.newsletter("2030-10", Section("Updates", None, (), (item,))), nlp)
    names = {m.id: m.text for m in extraction.mentions}
    pairs = {(names[a.subject], names[a.object]) for a in extraction.assertions
             if a.relation is Relation.SPEAKER}
    assert pairs == {("Westby Soil Summit 2030", "Jane Okafor")}
