"""Speakers and organisers of the event an item describes."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.tokens import Doc, Span

from partnerkg.extract.events import before_speak_verb, heading_owner
from partnerkg.extract.items import classify, event_dates, event_names
from partnerkg.extract.model import Block, BlockKind, DatedLine, DateLabel, Item, SourceSpan
from partnerkg.extract.pipeline import load_pipeline
from partnerkg.extract.spans import EVENTS, RELATIONS


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def _found(doc, relation):
    return {
        doc.text[slice(*f["object"])]
        for f in doc._.get(RELATIONS) or []
        if f["relation"] == relation and not isinstance(f["object"], str)
    }


def test_joined_by_names_speakers(nlp) -> None:
    doc = nlp("They will be joined by Dr Amara Obi and Felix Grant for a discussion on data.")
    assert _found(doc, "speaker") == {"Amara Obi", "Felix Grant"}


def test_a_name_listed_with_a_speaker_speaks_however_it_is_parsed(nlp) -> None:
    doc = nlp("Our Community Scholars Chiara Rahman and Kwame Boateng will be speaking at a Soil "
              "Night event in Hull (which Kwame is also co-organising).")
    assert _found(doc, "speaker") == {"Chiara Rahman", "Kwame Boateng"}


def test_a_surname_the_tagger_reads_as_a_plural_after_a_cue_speaks(nlp) -> None:
    doc = nlp("We will hear from Carla Mendes on digital twins in oncology.")
    assert _found(doc, "speaker") == {"Carla Mendes"}


def test_a_missed_name_before_its_employers_acronym_in_brackets_speaks(nlp) -> None:
    doc = nlp("Featuring talks from Holger Roth (NVIDIA) and Dr Jo Kim, Senior Principal Data "
              "Scientist at Roche.")
    assert _found(doc, "speaker") == {"Holger Roth", "Jo Kim"}


def test_a_name_the_ner_ran_into_an_organisation_after_and_speaks(nlp) -> None:
    doc = nlp("Our speakers this month are Dr Sara Voss from the University of Westby and Rob "
              "Tang from Roche, who will discuss causal machine learning.")
    assert _found(doc, "speaker") == {"Sara Voss", "Rob Tang"}


def test_contact_person_after_a_cue_is_not_a_speaker(nlp) -> None:
    doc = nlp("If you would like to be a guest speaker, please get in touch with Nora Lind.")
    assert _found(doc, "speaker") == set()


def test_host_subject_and_by_agent_are_organisers(nlp) -> None:
    hosting = nlp("The Westby Data Society are hosting an online panel in June.")
    assert _found(hosting, "organizer") == {"Westby Data Society"}
    agent = nlp("The seminar series is organised by the Northby Centre for Statistics.")
    assert _found(agent, "organizer") == {"Northby Centre for Statistics"}


def test_a_name_before_its_unit_noun_organises_what_the_unit_holds(nlp) -> None:
    doc = nlp("The Data Science for Health Equity community will hold its annual meeting in "
              "Leeds.")
    assert _found(doc, "organizer") == {"Data Science for Health Equity"}


def test_the_first_organisation_after_a_joint_initiative_of_is_a_host(nlp) -> None:
    doc = nlp("This workshop is a joint initiative of Globex Pharma and the University of "
              "Westby.")
    assert _found(doc, "organizer") == {"Globex Pharma", "University of Westby"}


def test_an_organisation_announcing_a_masterclass_hosts_it(nlp) -> None:
    doc = nlp("The Westby Data Institute is delighted to announce a masterclass on federated "
              "learning, led by Dr Ann Fox.")
    assert _found(doc, "organizer") == {"Westby Data Institute"}


def test_first_person_hosting_points_at_the_partnership(nlp) -> None:
    doc = nlp("Join us for our knowledge share series on robotics.")
    assert any(f["object"] == "PARTNERSHIP" for f in doc._.get(RELATIONS))


def _item(title: str) -> Item:
    return Item(title, SourceSpan("x.md", 0, len(title), title), "Events", ())


def test_heading_names_short_name_and_series() -> None:
    assert event_names("Lecture Series Event: Robots in Medicine") == {
        "short_name": "Robots in Medicine",
        "series": "Lecture Series",
    }
    assert event_names("Centre for Things, Westby hosting a Research Showcase on Data") == {
        "short_name": "Research Showcase on Data"
    }


def test_job_heading_is_an_opportunity_even_without_a_deadline() -> None:
    reading = classify(_item("Job: Lecturer in Statistics"))
    assert (reading.kind, reading.sub_kind) == ("opportunity", "job")
    assert classify(_item("Partnership news from the team")).kind is None


def test_organisations_listed_before_a_host_verb_are_all_organisers(nlp) -> None:
    doc = nlp("Northby University, the Westby Foundation and Eastport Institute are hosting a day.")
    assert {"Northby University", "Westby Foundation", "Eastport Institute"} <= _found(
        doc, "organizer"
    )


def test_every_listed_co_host_is_an_organiser_even_with_for_inside_a_name(nlp) -> None:
    doc = nlp(
        "A series co-hosted by the Data Methods for Health Westby community, the Northby "
        "Institute Health Interest Group, and the Department of Statistics at Westby University."
    )
    found = _found(doc, "organizer")
    assert {
        "Data Methods for Health Westby",  # "the X community" names X
        "Northby Institute Health Interest Group",
        "Department of Statistics",
    } <= found
    assert "Westby University" not in found


def test_an_organisations_possessive_before_an_adjective_and_event_noun_is_a_weak_host(
    nlp,
) -> None:
    doc = nlp("The Westby Institute's annual conference Soil Day takes place in May.")
    assert "Westby Institute" in _found(doc, "organizer")


def test_a_colon_inside_the_organisers_name_after_organised_by_ends_nothing(nlp) -> None:
    doc = nlp("The seminar series is organised by the Westby for soil data: Research Support "
              "Facility (WSF).")
    assert "Research Support Facility" in _found(doc, "organizer")
    after_us = nlp("The day is hosted by us: Northby University will send speakers.")
    assert "Northby University" not in _found(after_us, "organizer")


def test_a_person_or_new_subject_after_the_hosts_list_is_no_host(nlp) -> None:
    doc = nlp("In this seminar hosted by the Westby Soil Centre, Mira Okafor and Tom Reyes will "
              "introduce a method for soil data.")
    assert _found(doc, "organizer") == {"Westby Soil Centre"}
    verb = nlp("Organised by the Northby Data Society, the 5th Soil Conference will take place "
               "at the University of Eastport.")
    assert "University of Eastport" not in _found(verb, "organizer")


def test_the_name_of_the_role_after_run_by_organises_however_it_is_parsed(nlp) -> None:
    doc = nlp("Run by our Turing-Roche Community Scholar, Farah Rahman, the Tech-Talk series aims "
              "to facilitate the exchange of technical knowledge and skills between scientists "
              "in academia and industry.")
    assert _found(doc, "organizer") == {"Farah Rahman"}


@pytest.mark.parametrize(("sentence", "hosts"), [
    ("This summit is a collaboration between Westby University and the Acme Institute.",
     {"Westby University", "Acme Institute"}),
    ("Supported by the Acme Trust, the Westby Soil Society will host the summit in Leeds.",
     {"Westby Soil Society"}),  # a sponsor is no host
    ("The summit is run by Mira Holt and Owen Clarke of the Westby Soil Society.",
     {"Mira Holt", "Owen Clarke"}),  # their employer
    ("This year's soil conference, supported by Roche, will be held in Leeds.", set()),
])
def test_who_hosts_and_who_only_supports_or_employs(nlp, sentence: str, hosts) -> None:
    assert _found(nlp(sentence), "organizer") == hosts


def test_a_partners_name_cut_short_before_its_head_is_still_the_subject(nlp) -> None:
    doc = nlp("As part of the 'Turing Connections' initiative, the Turing Institute is hosting "
              "a free event for students.")
    assert _found(doc, "organizer")


def test_organisations_in_partnership_with_a_host_co_organise(nlp) -> None:
    doc = nlp("The Westby Soil Society are running two workshops in collaboration with the "
              "Northby Data Institute and the Eastport Centre for Ecology at Southby University.")
    assert {"Westby Soil Society", "Northby Data Institute",
            "Eastport Centre for Ecology"} <= _found(doc, "organizer")
    assert "Southby University" not in _found(doc, "organizer")
    no_host = nlp("Roche in collaboration with the University of Westby won an award.")
    assert not _found(no_host, "organizer")


def test_people_a_session_is_led_by_speak(nlp) -> None:
    doc = nlp("The monthly webinar will be led by Prof Mira Okafor from Westby University.")
    assert "Mira Okafor" in _found(doc, "speaker")


def test_a_person_invited_as_a_panellist_speaks(nlp) -> None:
    doc = nlp("Dr Mira Okafor has been invited as an expert panelist at the Soil Data Summit.")
    assert "Mira Okafor" in _found(doc, "speaker")


def test_a_person_who_travelled_to_present_speaks(nlp) -> None:
    doc = nlp("Our research associate Tom Reyes travelled to Westby to present at the Soil "
              "Data Conference.")
    assert "Tom Reyes" in _found(doc, "speaker")


def test_a_heading_that_names_an_event_is_one_without_a_dated_line() -> None:
    assert classify(_item("Westby Data Facility Seminar: Privacy and Drift")).kind == "event"
    assert classify(_item("Northby Data Science Conference 2030")).kind == "event"
    assert classify(_item("New speakers announced for the Northby Conference")).kind is None
    assert classify(_item("Westby Causality Seminar Series 2030")).kind == "event"
    assert classify(_item("New Video Series: Academic Perspectives")).kind is None
    assert classify(_item("2030 Soil Equity DataJam")).kind == "event"
    assert classify(_item("Save the date: Westby Data Day 2030")).kind == "event"
    assert classify(_item("NeurIPS 2030")).kind == "event"
    assert classify(_item("PhD 2030 intake")).kind is None


def test_a_training_whose_courses_are_held_somewhere_is_an_event() -> None:
    span = SourceSpan("x.md", 0, 10, "x")
    held = Block(BlockKind.PARAGRAPH, "The courses will be held in person in Westby.", span, (),
                 ())
    item = Item("Causal Inference Training from Acme", span, "Opportunities", (held,))
    assert classify(item).kind == "event"
    assert classify(_item("Causal Inference Training from Acme")).kind is None


def test_names_opening_a_sentence_before_an_organising_verb_organise(nlp) -> None:
    doc = nlp("Westby Fellows Prof Jane Okafor and Dr Tomas Berg are running Summer Schools "
              "on causal inference.")
    assert _found(doc, "organizer") == {"Jane Okafor", "Tomas Berg"}


def test_an_event_name_the_ner_takes_for_a_facility_or_opens_with_an_acronym(nlp) -> None:
    summit = nlp("Last month, Kwame Mensah presented his work at the Soil Summit 2030 in Leeds.")
    assert [s.text for s in summit.spans[EVENTS]] == ["Soil Summit 2030"]
    assert [e.text for e in summit.ents if e.label_ == "ORG"] == []
    acronym = nlp("Kwame Mensah spoke at the AI in Health Summit in May.")
    assert [s.text for s in acronym.spans[EVENTS]] == ["AI in Health Summit"]


def test_a_lower_case_series_after_an_event_name_belongs_to_it(nlp) -> None:
    doc = nlp("We are also looking to develop a Seminar/Knowledge Share series on soil.")
    assert [e.text for e in doc.spans["pkg_events"]] == ["Seminar/Knowledge Share series"]


def test_societies_an_event_is_held_under_the_auspices_of_organise_it(nlp) -> None:
    doc = nlp("The congress is organized every four years under the auspices of the Westby "
              "Society and the Northby Institute of Statistics.")
    assert {"Westby Society", "Northby Institute of Statistics"} <= _found(doc, "organizer")


def test_events_named_in_running_text(nlp) -> None:
    defined = nlp("Data for Westby is a major scientific poster competition held every spring.")
    apposed = nlp("Northby's national conference Data NB is taking place in March.")
    plain = nlp("The workshop will be held in London.")
    assert [s.text for s in defined.spans[EVENTS]] == ["Data for Westby"]
    assert [s.text for s in apposed.spans[EVENTS]] == ["Data NB"]
    assert list(plain.spans[EVENTS]) == []


@pytest.mark.parametrize(("text", "name"), [
    ("Join the Soil Data Bootcamp on 12 May 2030.", "Soil Data Bootcamp"),
    ("The Soil Data Roundtable on 12 May 2030 will discuss soil records.", "Soil Data Roundtable"),
    ("The Soil Data Showcase 2030 will be held in London.", "Soil Data Showcase 2030"),
    ("The Soil Data Away Day takes place on 12 May 2030.", "Soil Data Away Day"),
    ("The Soil Data Seminar returns on 12 May 2030.", "Soil Data Seminar"),
])
def test_event_names_ending_on_less_common_event_words(nlp, text: str, name: str) -> None:
    doc = nlp(text)
    assert [s.text for s in doc.spans[EVENTS]] == [name]


def test_a_capitalised_name_ending_on_event_is_one_unless_it_labels_a_line(nlp) -> None:
    named = nlp("The Acme Partnership Annual Event on 14 March brought together 200 people.")
    label = nlp("Summer School Event: 20 July 2030")
    assert [s.text for s in named.spans[EVENTS]] == ["Acme Partnership Annual Event"]
    assert list(label.spans[EVENTS]) == []


def test_hosts_named_by_an_acronym_subject_an_all_caps_agent_or_a_collaboration(nlp) -> None:
    acronym = nlp("The University of Westby's Institute for Soil Data (IWSD) have organised a "
                  "seminar series.")
    assert _found(acronym, "organizer") == {"Institute for Soil Data"}  # the unit, not its owner
    agent = nlp("Organised by NBX RSF, this seminar will feature Dr Amara Obi.")
    assert _found(agent, "organizer") == {"NBX RSF"}
    run_with = nlp("Run in collaboration with the Westby Institute this online workshop aims "
                   "to build a roadmap.")
    assert _found(run_with, "organizer") == {"Westby Institute"}
    joint = nlp("They are hosting a summer school joint with the Northby Society for Imaging.")
    assert _found(joint, "organizer") == {"Northby Society for Imaging"}


def test_hosts_the_ner_missed_or_took_for_a_place_or_event(nlp) -> None:
    launching = nlp("Soil Research UK are launching an inaugural soil data conference in May.")
    assert _found(launching, "organizer") == {"Soil Research UK"}
    forum = nlp("This event hosted by the Westby Innovation Forum will bring together growers.")
    assert _found(forum, "organizer") == {"Westby Innovation Forum"}
    conjunction = nlp("Westby for Global Goals in conjunction with University of Northby are "
                      "running two summer schools.")
    assert _found(conjunction, "organizer") == {"Westby for Global Goals", "University of Northby"}
    topic = nlp("The AI for Soil Health supra-interest group is hosting a virtual event.")
    assert "AI" not in _found(topic, "organizer")


def test_a_heading_dash_that_names_the_host_gives_no_short_name() -> None:
    assert event_names("Soil Inequalities in Data Science- NBX UK") == {}
    assert event_names("Second Workshop on Soil- University of Westby") == {}
    assert event_names("Westby Webinar- Visual Soil: Learning in the Loop") == {
        "short_name": "Visual Soil: Learning in the Loop"}


def test_a_dated_heading_ending_on_an_event_word_is_an_event_despite_opportunity_words() -> None:
    line = SourceSpan("x.md", 0, 16, "14 November 2030")
    dated = (DatedLine(DateLabel.DATE, "", dt.date(2030, 11, 14), None, line),)
    title = "Westby Centres for Doctoral Training (CDTs) Conference 2030"
    item = Item(title, SourceSpan("x.md", 0, len(title), title), "Events", (), dated)
    assert classify(item).kind == "event"


def test_an_event_name_before_a_venue_word_is_a_place_and_a_course_leader_speaks(nlp) -> None:
    venue = nlp("The event takes place at the Northby Conference Centre in May.")
    assert "Northby Conference" not in {s.text for s in venue.spans["pkg_events"]}
    series = nlp("It appears in the Westby Lecture Notes in Soil Science after the meeting.")
    assert not series.spans["pkg_events"]  # a head word that modifies a longer name
    course = nlp("Westby Data will be running a three-day course led by Max Ferrow (University "
                 "of Northby) on soil inference.")
    assert _found(course, "speaker") == {"Max Ferrow"}


def test_an_organisation_that_has_or_presents_an_event_organises_it(nlp) -> None:
    has = nlp("The Westby Soil Interest Group has their next seminar on the 19th January.")
    assert _found(has, "organizer") == {"Westby Soil Interest Group"}
    paper = nlp("The Westby Soil Interest Group has a new paper in Nature.")
    assert not _found(paper, "organizer")


def test_a_host_subject_keeps_its_in_complement_and_a_sprint_is_an_event(nlp) -> None:
    caucus = nlp("The Caucus for Women in Soil Science are hosting a free virtual conference.")
    assert _found(caucus, "organizer") == {"Caucus for Women in Soil Science"}
    sprint = nlp("The Westby Soil Interest Group present the first Soil Research Sprint in May.")
    assert _found(sprint, "organizer") == {"Westby Soil Interest Group"}


def test_hosts_by_conjunction_invitation_own_event_or_brought_by(nlp) -> None:
    conjunction = nlp("In conjunction with the Westby Soil Society, the Northby Institute are "
                      "hosting a two-day workshop.")
    assert _found(conjunction, "organizer") == {"Westby Soil Society", "Northby Institute"}
    join = nlp("Join the Westby Soil Society for a two-day workshop on soil data.")
    assert _found(join, "organizer") == {"Westby Soil Society"}
    own = nlp("The Westby Soil Society are inviting abstracts for their annual conference.")
    assert _found(own, "organizer") == {"Westby Soil Society"}
    brought = nlp("Register for this two-day course, brought to you by the Westby Soil Society.")
    assert _found(brought, "organizer") == {"Westby Soil Society"}
    other_clause = nlp("The Westby Institute and Northby Soil have partnered up with the Soil "
                       "community to support their launch event.")
    assert not _found(other_clause, "organizer")


def test_a_heading_owner_is_the_named_group_and_never_a_schemes_prefix(nlp) -> None:
    group = nlp("Turing Soil Data Interest Group Seminar: Roots")
    assert [o.text for o in heading_owner(group)] == ["Turing Soil Data Interest Group"]
    parent = nlp("The Turing Soil Data Interest Group Seminar: Roots")
    assert [o.text for o in heading_owner(parent)] == ["Turing Soil Data Interest Group"]
    scheme = nlp("Turing Enrichment Scheme Open Event")
    assert heading_owner(scheme) == []


def test_a_heading_naming_a_summer_school_is_an_event_without_a_dated_line() -> None:
    reading = classify(_item("Soil Biology: Westby Data and Northby Summer School 2030"))
    assert (reading.kind, reading.sub_kind) == ("event", "workshop")
    assert classify(_item("Summer School Scholarships")).kind != "event"


def test_the_name_ending_on_an_event_word_inside_a_longer_heading_is_its_short_name() -> None:
    assert event_names("Soil in Pharma Conference featuring Westby colleagues") == {
        "short_name": "Soil in Pharma Conference"}
    assert event_names("New Speakers Announced for Soil UK Conference") == {
        "short_name": "Soil UK Conference"}
    assert event_names("Submit a talk for RSS 2030 Annual Conference")["short_name"] == (
        "RSS 2030 Annual Conference")
    assert event_names("Ana Ferrow presenting at Soil Imaging (SI) Conference") == {
        "short_name": "Soil Imaging (SI) Conference"}


def test_an_event_heading_without_a_date_line_takes_the_date_its_text_gives() -> None:
    title = "Soil in Pharma Conference featuring Westby colleagues"
    text = "The conference is taking place virtually from October 24th-26th with workshops."
    span = SourceSpan("x.md", 0, len(text), text)
    block = Block(BlockKind.PARAGRAPH, text, span, (), ((0, 0, len(text)),))
    item = Item(title, SourceSpan("x.md", 0, len(title), title), "Events", (block,))
    assert classify(item).kind == "event"
    assert event_dates(item, dt.date(2030, 10, 1)) == {
        "start_date": "2030-10-24", "end_date": "2030-10-26"}


def test_a_quoted_name_an_event_noun_is_given_names_an_event_not_a_paper(nlp) -> None:
    doc = nlp("I am organising a workshop called 'Soil in Pathology: Research Meets Reality' "
              "with the help of Jane Ferrow.")
    events = [s.text for s in doc.spans["pkg_events"]]
    assert events == ["Soil in Pathology: Research Meets Reality"]
    assert not doc.spans["pkg_publication_titles"]


def test_a_seminar_with_or_speaker_before_a_name_names_the_speaker(nlp) -> None:
    doc = nlp("The Soil Group are hosting a hybrid seminar with Dr Amara Obi from Westby.")
    assert _found(doc, "speaker") == {"Amara Obi"}
    bare = nlp("November's seminar will have speaker Felix Grant (University of Westby).")
    assert _found(bare, "speaker") == {"Felix Grant"}


def test_bringing_together_experts_for_an_event_organises_it(nlp) -> None:
    doc = nlp("The Westby Chamber of Commerce (WCC) are bringing together experts in a debate.")
    assert _found(doc, "organizer") == {"Westby Chamber of Commerce"}
    aim = nlp("Our aim is to bring together members of the Westby and Northby networks.")
    assert _found(aim, "organizer") == set()


def test_joining_us_for_an_event_names_its_speaker(nlp) -> None:
    doc = nlp("Joining us for the second event in the series will be Felix Grant, Senior "
              "Data Scientist at Globex.")
    assert _found(doc, "speaker") == {"Felix Grant"}


def test_and_with_a_capitalised_word_finishes_an_event_name_not_a_person(nlp) -> None:
    doc = nlp("She will present at the 27th International Conference on Soil Image "
              "Understanding and Analysis in Aberdeen in July.")
    assert [e.text for e in doc.spans["pkg_events"]] == [
        "the 27th International Conference on Soil Image Understanding and Analysis"]
    person = nlp("She spoke at the International Conference on Soil and Jane Doe was there.")
    assert [e.text for e in person.spans["pkg_events"]] == ["International Conference on Soil"]


def test_event_names_with_a_year_inside_a_complement_or_a_lower_case_noun(nlp) -> None:
    def events(text: str) -> list[str]:
        doc = nlp(text)
        return [e.text for e in doc.spans["pkg_events"]]

    assert events("Partnership is winner at Soil Auril 2023 Knowledge Exchange Awards") == [
        "Soil Auril 2023 Knowledge Exchange Awards"]
    assert events("Priya Raman attending Global Partnership on Soil Summit 2030") == [
        "Global Partnership on Soil Summit 2030"]
    assert events("She travelled to France to present at the Soil Networks conference 2030.") == [
        "Soil Networks conference 2030"]
    assert events("We went to the Westby conference last year.") == []


def test_a_collaboration_between_bodies_organises_an_event_and_named_speakers_first(nlp) -> None:
    doc = nlp("This event is a collaboration between the Westby Institute, Data Soil Institute "
              "and the Northby Institute for Crops. It covers soil.")
    assert _found(doc, "organizer") == {
        "Westby Institute", "Data Soil Institute", "Northby Institute for Crops"}
    facility = nlp("The Soil Facility at Westby University is a collaboration between Westby "
                   "University and the Soil Board.")
    assert _found(facility, "organizer") == set()
    before = nlp("NASA's Priya Raman and Google DeepMind's Felix Grant are amongst the second "
                 "wave of speakers announced for Soil UK.")
    assert _found(before, "speaker") == {"Priya Raman", "Felix Grant"}


def test_join_us_for_an_organisations_own_event_names_that_organisation(nlp) -> None:
    doc = nlp("Join us for the Westby Institute's flagship two-day AI conference.")
    hosts = [f["object"] for f in doc._.get(RELATIONS) if f["relation"] == "organizer"]
    assert "PARTNERSHIP" not in hosts
    assert _found(doc, "organizer") == {"Westby Institute"}


def test_among_the_experts_inviting_to_a_workshop_and_an_acronym_year_conference(nlp) -> None:
    doc = nlp("Among the four experts is Professor Priya Raman, Head of Soil at Westby.")
    assert _found(doc, "speaker") == {"Priya Raman"}
    invite = nlp("The Westby Research Council (WRC) are inviting researchers to an online "
                 "workshop.")
    assert _found(invite, "organizer") == {"Westby Research Council"}
    named = nlp("The SOIL 2030 Conference will be held over 4 days in Westby.")
    assert [e.text for e in named.spans["pkg_events"]] == ["SOIL 2030 Conference"]


def test_bodies_pleased_to_offer_an_event_organise_it(nlp) -> None:
    doc = nlp("The Westby Research Council (WRC), the Northby Support Centre and NHS Digital are "
              "pleased to offer the opportunity to attend the event.")
    assert {"Northby Support Centre", "NHS Digital"} <= _found(doc, "organizer")


def test_only_an_event_headings_colon_introduces_its_speaker(nlp) -> None:
    from partnerkg.extract.events import heading_speakers

    assert [e.text for e in heading_speakers(nlp("Soil Seminar Series: Dr Jane Okafor"))] == [
        "Jane Okafor"]
    assert heading_speakers(nlp("PhD Opportunity at Westby University: Trustworthy Digital "
                                "Twins for Healthcare")) == []


def test_a_week_of_events_is_named_in_running_text(nlp) -> None:
    doc = nlp("They run a joint event at the Westby Institute as part of Northby Data Week.")
    assert "Northby Data Week" in [e.text for e in doc.spans["pkg_events"]]


def test_an_event_held_at_another_is_the_headings_own_not_its_host() -> None:
    title = "Workshop on Soil Robustness at the International Conference on Soil Learning"
    assert "short_name" not in event_names(title)
    assert event_names("R in Soil Conference featuring Acme colleagues") == {
        "short_name": "R in Soil Conference"}


def test_a_heading_recalling_a_past_event_names_it() -> None:
    title = "Catchup on the Soil Equity Statistical Approaches Workshops"
    assert classify(_item(title)).kind == "event"
    assert event_names(title) == {"short_name": "Soil Equity Statistical Approaches Workshops"}
    assert classify(_item("Highlights from our year")).kind is None


def test_a_name_a_sentence_defines_as_an_event_is_that_event_everywhere_in_the_text(nlp) -> None:
    doc = nlp("Tom Reyes took part in Soil for Britain on Monday 6th March. Soil for Britain is "
              "a major poster competition.")
    assert [e.start_char for e in doc.spans["pkg_events"]] == [23, 61]


def test_a_capitalised_word_after_a_closing_year_names_no_event(nlp) -> None:
    doc = nlp("She is among the winners of the WSS 2030 Honours, and will speak at WSS 2030.")
    assert [e.text for e in doc.spans["pkg_events"]] == ["WSS 2030"]
    assert doc.spans["pkg_events"][0].start_char > 50


def test_a_speaker_the_parser_took_for_an_apposition_is_found_by_the_verb_after(nlp) -> None:
    # the parse the pretrained parser gave a newsletter sentence: the name hangs off the host
    words = ["Organised", "by", "AIM", "RSF", ",", "Tom", "Berg", "from", "Westby",
             "University", "will", "be", "discussing", "bias", "."]
    heads = [12, 0, 3, 1, 3, 6, 3, 6, 9, 7, 12, 12, 12, 12, 12]
    deps = ["advcl", "agent", "compound", "pobj", "punct", "compound", "appos", "prep",
            "compound", "pobj", "aux", "aux", "ROOT", "dobj", "punct"]
    pos = ["VERB", "ADP", "PROPN", "PROPN", "PUNCT", "PROPN", "PROPN", "ADP", "PROPN",
           "PROPN", "AUX", "AUX", "VERB", "NOUN", "PUNCT"]
    lemmas = [w.lower() for w in words[:12]] + ["discuss", "bias", "."]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas)
    doc.ents = [Span(doc, 2, 4, "ORG"), Span(doc, 5, 7, "PERSON"), Span(doc, 8, 10, "ORG")]
    assert before_speak_verb(doc.ents[1])
    assert not before_speak_verb(doc.ents[0])  # "AIM RSF ," then no auxiliary


def test_a_mixed_case_acronym_with_a_year_names_an_event(nlp) -> None:
    doc = nlp("Jane Okafor will present her poster at NeurIPS 2030 in December.")
    assert "NeurIPS 2030" in {s.text for s in doc.spans["pkg_events"]}


@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("He presented at the Acme Winter School on Graphs.", "Acme Winter School on Graphs"),
        ("We attended the 2030 Acme Health Summit in Manchester.", "2030 Acme Health Summit"),
        ("Over 200 people joined us at the Acme Symposium in March.", "Acme Symposium"),
    ],
)
def test_a_seasons_school_is_an_event_and_a_place_after_a_name_is_not_part_of_it(
    nlp, text: str, event: str
) -> None:
    doc = nlp(text)
    assert [s.text for s in doc.spans["pkg_events"]] == [event]
