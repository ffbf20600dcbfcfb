"""People, roles and affiliations from the constructions newsletters use."""

from __future__ import annotations

import pytest

from partnerkg.extract.pipeline import load_pipeline
from partnerkg.extract.spans import RELATIONS


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def _ties(doc):
    """(relation, person, organisation, role title) for every tie the doc records."""
    out = set()
    for found in doc._.get(RELATIONS) or []:
        if found["relation"] in ("affiliation", "role") and not isinstance(found["object"], str):
            person = doc.text[slice(*found["subject"])]
            org = doc.text[slice(*found["object"])]
            out.add((found["relation"], person, org, found["attributes"].get("title")))
    return out


def _people(doc):
    return [e.text for e in doc.ents if e.label_ == "PERSON"]


def test_appositive_role_at_organisation(nlp) -> None:
    doc = nlp("We will be hearing from Priya Raman, Senior Data Scientist at Globex Health.")
    assert _people(doc) == ["Priya Raman"]
    assert ("role", "Priya Raman", "Globex Health", "Senior Data Scientist") in _ties(doc)
    assert ("affiliation", "Priya Raman", "Globex Health", None) in _ties(doc)


def test_team_list_line_gives_two_affiliations_and_a_role(nlp) -> None:
    doc = nlp("Olu Adeyemi, Northby Institute and University of Southby, Programme Deputy Lead")
    ties = _ties(doc)
    assert {
        ("affiliation", "Olu Adeyemi", org, None)
        for org in ("Northby Institute", "University of Southby")
    } <= ties
    assert any(r == "role" and title == "Programme Deputy Lead" for r, _, _, title in ties)


def test_from_preposition_and_title_is_not_part_of_the_name(nlp) -> None:
    doc = nlp("This month they will be joined by Prof. Hannah Weiss from University of Eastport.")
    assert "Hannah Weiss" in _people(doc)
    assert ("affiliation", "Hannah Weiss", "University of Eastport", None) in _ties(doc)


def test_nickname_form_is_kept_as_one_person(nlp) -> None:
    doc = nlp(
        "Our first video is from our research associate Ravindra (Ravi) Kumaran "
        "who tackles sampling."
    )
    assert "Ravindra (Ravi) Kumaran" in _people(doc)


def test_job_title_is_not_an_organisation(nlp) -> None:
    doc = nlp("Speakers include Lena Ortiz, Principal Data Scientist at Initech.")
    orgs = [e.text for e in doc.ents if e.label_ == "ORG"]
    assert "Principal Data Scientist" not in orgs
    assert "Initech" in orgs


def test_plural_or_adjective_phrases_are_not_people_but_titled_names_are(nlp) -> None:
    texts = [
        "Northby College are inviting applications for Hartley Fellowships in Physics.",
        "The roles include Research Assistants, Associates and Fellows in areas such as ecology.",
        "Interns will join directorates (Healthy Lives, Policy, Data Analytics).",
        "Applications are open for PhD Studentships in statistics.",
        "Lecturers Prof Ana Ruiz and Dr Ben Ito are running Spring and Summer Training Schools "
        "offering training in causal inference.",
        "The course introduces Bayesian analysis and Markov Chain Monte Carlo (MCMC) methods.",
        "- Westby Wildlife Agency -- Identifying Tiger Stripe Patterns\\",
    ]
    assert [_people(nlp(t)) for t in texts] == [[], [], [], [], ["Ana Ruiz", "Ben Ito"], [], []]
    assert _people(nlp("Dr Amara Davies will chair the panel.")) == ["Amara Davies"]


def test_a_surname_prefix_written_apart_keeps_the_surname(nlp) -> None:
    doc = nlp("The panel includes Anna Ruiz and Martin O' Reilly, Director of Research at Acme.")
    assert "Martin O' Reilly" in _people(doc)


def test_a_name_after_a_lower_case_role_noun_is_a_person(nlp) -> None:
    doc = nlp("This month's pick is from our senior research associate Arjun Kapoor.")
    assert "Arjun Kapoor" in _people(doc)


@pytest.mark.parametrize("text", [
    "This paper by Theme Lead Priya Natarajan explores sparse models.",  # one span, not PERSON
    "Published in Nature Medicine, this paper by our Theme Lead Priya Natarajan explores sparse "
    "models.",  # role and first name one span, the surname another
    "Check out the new publication by our Theme Lead Priya Natarajan.",  # the surname alone
])
def test_a_name_the_ner_joins_to_the_role_before_it_is_a_person(nlp, text: str) -> None:
    assert _people(nlp(text)) == ["Priya Natarajan"]


def test_a_name_after_role_words_the_ner_leaves_unlabelled_is_a_person(nlp) -> None:
    doc = nlp("Check out the new publication by our Community Scholar Jane Doe: 'Sparse models "
              "for soil records in the field'.")
    assert _people(doc) == ["Jane Doe"]


@pytest.mark.parametrize("text", [
    "Speakers will include Nadia Rahman from Westby University, as well as Owen Clarke.",
    "Nadia Rahman and Owen Clarke will be giving the keynote talks.",
])
def test_a_name_the_ner_takes_for_an_organisation_in_a_speakers_slot_is_a_person(
        nlp, text: str) -> None:
    assert "Nadia Rahman" in _people(nlp(text))


@pytest.mark.parametrize(("text", "people"), [
    ("We are excited to be joined by Tobias Richter, Grace Obi, Amelia Ford and Kofi Boateng.",
     ["Amelia Ford", "Grace Obi", "Kofi Boateng", "Tobias Richter"]),
    ("We welcome three new PhD students: Tobias Richter, Grace Obi and Amelia Ford.",
     ["Amelia Ford", "Grace Obi", "Tobias Richter"]),
    ("Tobias Richter, Acme University", ["Tobias Richter"]),
    ("Our funded project team Sofia Petrov, Nadia Romano and Elif Bello along with their "
     "colleagues have published a review paper.", ["Elif Bello", "Nadia Romano", "Sofia Petrov"]),
    ("Ben Jones, Westby Genomics and Acme University, Theme Lead", ["Ben Jones"]),
])
def test_names_listed_with_a_person_or_before_their_organisation_are_people(
        nlp, text: str, people: list[str]) -> None:
    assert sorted(_people(nlp(text))) == people


def test_a_name_before_is_a_role_is_a_person(nlp) -> None:
    assert _people(nlp("Rohan Chakraborty is a Senior Research Associate at Acme.")) == [
        "Rohan Chakraborty"]
    assert _people(nlp("Acme University is a leading university in soil science.")) == []


def test_an_acronym_after_role_of_is_an_organisation_a_field_is_not(nlp) -> None:
    acronym = nlp("Anna is the president of EUROGRAPHICS and a member of the Westby Committee.")
    field = nlp("Jane Doe, Head of AI at Acme Labs, will speak.")
    assert "EUROGRAPHICS" in [e.text for e in acronym.ents if e.label_ == "ORG"]
    assert "AI" not in [e.text for e in field.ents if e.label_ == "ORG"]


def test_the_name_after_a_partnership_with_is_an_organisation(nlp) -> None:
    doc = nlp("Roche has formed a collaborative partnership with NOVA-X Global Genes with an "
              "intent to resolve barriers.")
    assert "NOVA-X Global Genes" in [e.text for e in doc.ents if e.label_ == "ORG"]
    person = nlp("She is working in collaboration with Jane Doe on this.")
    assert [e.text for e in person.ents if e.label_ == "ORG"] == []


def test_an_organisations_possessive_before_a_person_is_their_employer(nlp) -> None:
    doc = nlp("NASA's Jacqueline Le Moigne and Globex DeepMind's Dorothy Chou are among the "
              "speakers announced.")
    assert {("affiliation", "Jacqueline Le Moigne", "NASA", None),
            ("affiliation", "Dorothy Chou", "Globex DeepMind", None)} <= _ties(doc)


def test_an_organisations_possessive_before_a_role_the_ner_took_into_the_name(nlp) -> None:
    doc = nlp("Congratulations to the Westby Institute's Chief Scientist Tomasz Sorensen who has "
              "been awarded the Acme Medal in Silver by the Royal Soil Society (RSS).")
    assert ("affiliation", "Tomasz Sorensen", "Westby Institute", None) in _ties(doc)


def test_a_name_before_its_organisation_in_brackets_or_a_role_is_a_person(nlp) -> None:
    bracket = nlp("A three-day course led by Max Little (University of Northby) on soil.")
    assert "Max Little" in _people(bracket)
    nationality = nlp("The event will feature Hui Min Ko, PhD student at University of Westby.")
    assert "Hui Min Ko" in _people(nationality)


@pytest.mark.parametrize(
    ("text", "person", "org"),
    [
        ("Tobias Richter, Roche, Senior Research Associate", "Tobias Richter", "Roche"),
        ("We will be hearing from Grace Obi, Group Leader at the Francis Crick Institute.",
         "Grace Obi", "Francis Crick Institute"),
        ("Grace Obi from the Francis Crick Institute opened the session.", "Grace Obi",
         "Francis Crick Institute"),
    ],
)
def test_a_name_the_ner_misses_in_a_team_line_or_before_a_role(nlp, text, person, org) -> None:
    doc = nlp(text)
    assert _people(doc) == [person]
    assert ("affiliation", person, org, None) in _ties(doc)


def test_a_name_the_ner_misses_after_a_person_and_and_is_a_person(nlp) -> None:
    doc = nlp("Our Theme Leads Hannah Kim and Tobias Richter have both published papers.")
    assert _people(doc) == ["Hannah Kim", "Tobias Richter"]
    assert _people(nlp("Hannah Kim and Acme University signed it.")) == ["Hannah Kim"]


def test_an_award_named_like_a_person_is_no_person(nlp) -> None:
    doc = nlp("Aisha Bello has won the Royal Statistical Society's Guy Medal in Bronze.")
    assert _people(doc) == ["Aisha Bello"]
    assert not [tie for tie in _ties(doc) if tie[2] == "Royal Statistical Society"]


def test_a_capitalised_run_after_a_year_is_no_person(nlp) -> None:
    doc = nlp("Hosted by Westby Health, the 2030 Soil Equity DataJam invites participants.")
    assert not _people(doc)


def test_a_surname_written_apart_after_o_stays_in_its_sentence_and_keeps_its_ties(nlp) -> None:
    doc = nlp("December's event is on the 12th on theme of Soil Engineering. We'll be hearing "
              "from Ana Ferrow, Director at Westby Soil and Martin O' Reilly, Director of "
              "Research Engineering at The Northby Institute. Both will discuss soil.")
    assert ("Martin O' Reilly", "Northby Institute") in {
        (p, o.removeprefix("The ")) for r, p, o, _ in _ties(doc) if r == "affiliation"}


def test_an_organisation_in_brackets_ends_a_persons_ties(nlp) -> None:
    doc = nlp("The course is led by Max Little (University of Northby) on soil inference as "
              "part of its programme at the Westby Martin School.")
    assert {o for r, _, o, _ in _ties(doc) if r == "affiliation"} == {"University of Northby"}


def test_a_name_with_a_particle_before_its_organisation_in_brackets(nlp) -> None:
    doc = nlp("November's seminar will have speaker Karim al Masri (University of Westby) who "
              "will be talking about soil.")
    assert _people(doc) == ["Karim al Masri"]
    assert ("affiliation", "Karim al Masri", "University of Westby", None) in _ties(doc)


def test_an_organisation_colleague_or_own_team_or_both_at_ties_people(nlp) -> None:
    doc = nlp("Our Westby University colleague Priya Raman is hiring a fellow to join her team "
              "at the University of Westby.")
    assert ("affiliation", "Priya Raman", "Westby University", None) in _ties(doc)
    assert ("affiliation", "Priya Raman", "University of Westby", None) in _ties(doc)
    both = nlp("We will be hearing from Priya Raman, Expert Data Scientist and Imaging Lead, "
               "Soil Capability Lead and Tom Berg, Principal Data Scientist, both at Roche.")
    assert {("affiliation", "Priya Raman", "Roche", None),
            ("affiliation", "Tom Berg", "Roche", None)} <= _ties(both)


def test_a_partnership_named_by_its_partners_makes_neither_partner_an_employer(nlp) -> None:
    doc = nlp("We will hear from Ana Lopes, Lecturer at Westby University, part of the "
              "Turing-Roche Partnership.")
    orgs = {org for relation, _, org, _ in _ties(doc) if relation == "affiliation"}
    assert "Westby University" in orgs and not orgs & {"Turing", "Roche", "Roche Partnership"}


def test_a_bracketed_parent_and_a_co_role_tie_the_person_too(nlp) -> None:
    doc = nlp("We will be hearing from Priya Raman, Senior Data Scientist at Genentech (Roche).")
    assert {("affiliation", "Priya Raman", "Genentech", None),
            ("affiliation", "Priya Raman", "Roche", None)} <= _ties(doc)
    co = nlp("We will hear from Tom Berg, co-director of the SOIL-DT: a cluster on soil.")
    assert ("affiliation", "Tom Berg", "SOIL-DT", None) in _ties(co)


def test_an_organisation_before_a_role_noun_and_a_copula_role_tie_people(nlp) -> None:
    doc = nlp("The paper is from NBX Northby researcher Priya Raman and colleagues.")
    assert ("affiliation", "Priya Raman", "NBX Northby", None) in _ties(doc)
    fellow = nlp("Turing Fellow Daniel Okafor is a guest editor on the collection.")
    assert ("affiliation", "Daniel Okafor", "Turing", None) in _ties(fellow)
    copula = nlp("Priya Raman is the president of EUROSOIL and a member of the Westby Soil "
                 "Committee.")
    assert {("affiliation", "Priya Raman", "EUROSOIL", None),
            ("affiliation", "Priya Raman", "Westby Soil Committee", None)} <= _ties(copula)
    interest = nlp("Priya Raman is interested in the history of Roche.")
    assert _ties(interest) == set()


def test_two_capitals_and_a_name_after_at_are_an_organisation(nlp) -> None:
    doc = nlp("They will be welcoming Dr Priya Raman at UC Westby to talk about her work.")
    assert ("affiliation", "Priya Raman", "UC Westby", None) in _ties(doc)


def test_a_funder_and_a_title_case_role_before_a_name(nlp) -> None:
    doc = nlp("Two PhD Studentships are open for applications, both funded by Soil Data Research "
              "UK.")
    assert "Soil Data Research UK" in [e.text for e in doc.ents if e.label_ == "ORG"]
    role = nlp("We will be hearing from our partnership Senior Research Associate Priya Raman on "
               "the topic of soil.")
    assert _people(role) == ["Priya Raman"]


def test_a_from_organisation_slot_a_visiting_student_and_a_relative_clause(nlp) -> None:
    doc = nlp("This month's scholar is Florence Tennant, from Westby University.")
    assert ("affiliation", "Florence Tennant", "Westby University", None) in _ties(doc)
    visiting = nlp("Dilara Okafor, Masters student visiting University of Northby: 'A Review'.")
    assert ("affiliation", "Dilara Okafor", "University of Northby", None) in _ties(visiting)
    clause = nlp("We will be joined by Priya Raman, who is currently completing her PhD "
                 "research in Psychology at Westby College Dublin, where she develops tools.")
    assert ("affiliation", "Priya Raman", "Westby College Dublin", None) in _ties(clause)
    talk = nlp("We will be joined by Priya Raman, who is presenting her work at the Royal "
               "Soil Society next week.")
    assert not any(org == "Royal Soil Society" for _, _, org, _ in _ties(talk))


def test_an_acronym_place_and_its_place_words_are_one_institution(nlp) -> None:
    doc = nlp("The event will feature Priya Raman, PhD student at UC Westby and the Centre of "
              "Soil Computing at University College Northby.")
    ties = {org for relation, _, org, _ in _ties(doc) if relation == "affiliation"}
    assert {"UC Westby", "Centre of Soil Computing", "University College Northby"} <= ties


def test_a_name_before_and_a_person_is_one_and_shares_a_plural_role(nlp) -> None:
    doc = nlp("We'll be hearing from Nandita Cholewa and Michael Dandrow, Data Scientists at "
              "Roche (Genentech) and Louise Coutts, Research Associate at Westby University.")
    assert {"Nandita Cholewa", "Michael Dandrow"} <= set(_people(doc))
    ties = _ties(doc)
    assert ("affiliation", "Nandita Cholewa", "Roche", None) in ties
    assert not any(p == "Michael Dandrow" and o == "Westby University" for _, p, o, _ in ties)


def test_a_list_of_people_with_organisations_in_brackets_gives_every_name_that_shape(nlp) -> None:
    doc = nlp("This webinar featuring speakers Deepak Parashar (University of Warwick), Nicole "
              "Krämer (Boehringer Ingelheim) and Guillem Desoto (AstraSoil) will discuss soil.")
    assert ("affiliation", "Guillem Desoto", "AstraSoil", None) in _ties(doc)
    place = nlp("We met Jane Doe (London) and Tom Berg (University of Westby) yesterday.")
    assert "London" not in {org for _, _, org, _ in _ties(place)}


def test_a_partner_opening_a_role_and_a_possessive_before_a_role_tie_people(nlp) -> None:
    doc = nlp("We will be hearing from Priya Raman, Turing Fellow and an Associate Professor at "
              "Westby University.")
    assert ("affiliation", "Priya Raman", "Turing", None) in _ties(doc)
    chief = nlp("Congratulations to the Westby Institute's Chief Scientist Daniel Okafor who has "
                "been awarded the Guy Medal.")
    assert ("affiliation", "Daniel Okafor", "Westby Institute", None) in _ties(chief)


def test_a_text_opening_with_a_bracket_keeps_a_later_nickname_whole(nlp) -> None:
    doc = nlp("(Note) Tapabrata (Rohan) Chakraborty spoke at Westby University.")
    assert _people(doc) == ["Tapabrata (Rohan) Chakraborty"]


def test_a_name_after_an_abbreviated_role_is_a_person(nlp) -> None:
    doc = nlp("We are hiring a Senior Postdoctoral Research Associate (PDRA) to join our current "
              "Senior PDRA Rohan Vasquez. The post is full-time for 3 years.")
    assert "Rohan Vasquez" in _people(doc)


@pytest.mark.parametrize(("text", "person"), [
    # a place, facility or product by the NER
    ("Emeka Yilmaz, Acme Institute, Acme Partnership Research Project Manager", "Emeka Yilmaz"),
    ("This month's scholar is Ingrid Sato, from Westby University.", "Ingrid Sato"),
    ("It features speakers from industry, including Lars Fischer from Roche.", "Lars Fischer"),
    ("Chaired by Nadia Volkov MP, the committee meets monthly.", "Nadia Volkov"),
    # cut at a particle or an O' prefix, or after role words
    ("The seminar features a keynote from Professor Bruno van der Karimi, the Acme Professor of "
     "Soil Science at Westby University.", "Bruno van der Karimi"),
    ("We will hear from Henrik Qureshi at Roche and Priyanka O' Marino, Director of Research at "
     "Westby University.", "Priyanka O' Marino"),
    ("The speakers include Mira Castillo (Westby University), Nadia van der Lindqvist (Acme "
     "University), and others.", "Nadia van der Lindqvist"),
    ("Our Postdoctoral Research Associate Ama Qureshi recently travelled to France.",
     "Ama Qureshi"),
    ("Emeka Marino, Roche, Acme Partnership Deputy Lead", "Emeka Marino"),
    ("Nadia Okonkwo from the University of Westby and colleagues explore soil records.",
     "Nadia Okonkwo"),  # an organisation, says the NER
    ("This month's pick is this preprint from Rafael Castillo from Westby University.",
     "Rafael Castillo"),
    ("Amelia Haddad, Roche, Acme Partnership Deputy Lead", "Amelia Haddad"),  # "Amelia": a place
    ("We will hear from Pavel Haddad at Roche and Leila O' Larsen, Director of Research at "
     "Westby University.", "Leila O' Larsen"),  # "Leila" + "Larsen"
    ("The keynote is from Professor Dmitri van der Raghavan, the Acme Professor of Soil Science "
     "at Westby University.", "Dmitri van der Raghavan"),  # "Dmitri" + "van der Raghavan"
    ("Being run by our Acme Community Scholar, Tomasz Asante, the Soil Methods Club meets "
     "monthly.", "Tomasz Asante"),  # a work of art, says the NER
    ("This paper is from our Acme-Roche Partnership Deputy Lead Luca Novak and his colleagues.",
     "Luca Novak"),  # unlabelled after role words that follow an organisation
    ("We will hear from Lars Mensah at Roche and Tomasz O' Sorensen, Director of Research at "
     "Westby University.", "Tomasz O' Sorensen"),  # no entity at all
    ("Dmitri Asante, Acme Institute and Westby University, Acme Partnership Deputy Lead",
     "Dmitri Asante"),  # "Dmitri Asante," with its comma
    ("The keynote speakers include Elif Haddad (Westby University), Tobias van der Bianchi "
     "(University of Acme), and others.", "Tobias van der Bianchi"),  # "Bianchi" an organisation
    ("Acme Senior Research Associate Dr Kofi Lindqvist Fischer has been invited as a panellist.",
     "Kofi Lindqvist Fischer"),  # the third word left off
    ("Amelia Nilsson, Roche, Acme Partnership Deputy Lead (on sabbatical till August 2030)",
     "Amelia Nilsson"),  # "Nilsson" an organisation in a team line
    ("We will hear from Dr Kofi Lindqvist Yilmaz, Principal Data Scientist at Roche.",
     "Kofi Lindqvist Yilmaz"),  # "Yilmaz" a place after a two-word person
    ("We will hear from Pavel Fischer at Roche and Aisha O' Eze, Director of Research at Westby "
     "University.", "Aisha O' Eze"),  # "Aisha" a person, "O' Eze" nothing
    ("The seminar will feature a keynote from Professor Greta van der Bello, the Acme Professor "
     "of Soil Science at Westby University.", "Greta van der Bello"),  # "Greta van" a person
    ("We will hear from Nadia Rahman at Roche and Ama O' Romano, Director of Research at "
     "Westby University.", "Ama O' Romano"),  # "Romano" a person, "Ama O'" nothing
    ("Ama Asante, Masters student visiting University of Westby: 'A review of soil records'",
     "Ama Asante"),  # a role "visiting" an organisation
    ("The talk is by Priyanka Haddad Sato and Jonas Karimi of Westby University.",
     "Priyanka Haddad Sato"),  # the first of three words left off
    ("Sofia Fischer, Acme Institute and Westby University, Acme Partnership Deputy Lead",
     "Sofia Fischer"),  # no entity, in a team line with two organisations
    ("Luca Sato's Riverworld series is my favourite.",
     "Luca Sato"),  # the possessive inside the NER's span
    ("NASA's Hana Le Okonkwo and Google DeepMind's Tomasz Karimi are amongst the speakers "
     "announced for the Soil Data Summit.", "Hana Le Okonkwo"),  # an organisation
    ("NASA's Hana Le Okonkwo and Google DeepMind's Tomasz Karimi are amongst the speakers "
     "announced for the Soil Data Summit.", "Tomasz Karimi"),  # a facility
    ("Our fantastic Theme Leads, Elif Yilmaz and Tobias Holt also gave a lightning talk on "
     "soil records.", "Elif Yilmaz"),  # no entity, in apposition to a plural role
    ("Our fantastic Theme Leads, Elif Yilmaz and Tobias Holt also gave a lightning talk on "
     "soil records.", "Tobias Holt"),  # an organisation, joined to that name by "and"
    ("Previous Acme Seminar speaker and Roche colleague Kofi Holt Haddad is delivering a "
     "keynote on soil records.", "Kofi Holt Haddad"),  # an organisation, parsed as apposition
    ("Previous Acme Seminar speaker and Roche colleague Amelia Okonkwo Bianchi is delivering a "
     "keynote on 'Why we need better soil software'.", "Amelia Okonkwo Bianchi"),  # a conjunct
    ("Organised by AIM RSF, Ama Adeyemi from Westby University London will be discussing the "
     "challenges of soil data.", "Ama Adeyemi"),  # an organisation before "will be discussing"
    ("The competition has been held in Parliament since 1997. Chaired by Amelia Castillo MP, its "
     "aim is to give members of both Houses of Parliament an insight into soil research.",
     "Amelia Castillo"),  # an organisation with the honours
    ("The seminar will feature a keynote from Professor Elif van der Castillo, the Acme "
     "Professor of Soil Science at the University of Westby.",
     "Elif van der Castillo"),  # a first name cut off before the particle
    ("The Acme stand opens at the summit, and partnership Senior Research Associates Zainab "
     "Asante and Emeka Adeyemi will also be giving a talk on soil records.",
     "Emeka Adeyemi"),  # no entity, joined by "and" to a name after role words
    ("Pavel Fischer, Global Head of Regulatory at Roche, will chair the panel.",
     "Pavel Fischer"),  # a role "of" what names a body
    ("The keynote speakers will include Oskar Volkov (Westby State University), Pavel van der "
     "Eze (University of Acme), plus a discussion meeting.", "Pavel van der Eze"),  # with "("
    ("We'll be hearing from Zainab Ferreira Boateng, Principal Data Scientist at Roche and Elif "
     "O' Okonkwo, Director of Research Engineering at Westby University.",
     "Elif O' Okonkwo"),  # "Elif O" an organisation
    ("December's event is on the 12th on soil data. We'll be hearing from Kwame Novak Fischer, "
     "Senior Principal Data Scientist at Roche and Nadia O' Rahman, Director of Research at "
     "Westby University.", "Kwame Novak Fischer"),  # "Kwame" a person, the rest unlabelled
    ("We'll be hearing from Dr Priyanka Alvarez Weber, Principal Data Scientist in Soil Health at "
     "Roche and Dr Selin Volkov, Lecturer in Soil Science, University of Westby.",
     "Priyanka Alvarez Weber"),  # "Dr Priyanka" and "Alvarez Weber" two people
    ("We'll be hearing from Dr Jonas Fischer Volkov, Principal Data Scientist in Soil Health at "
     "Roche and Dr Selin Castillo, Lecturer in Soil Science, University of Westby.",
     "Jonas Fischer Volkov"),  # "Jonas Fischer" and "Volkov" two people
    ("The partnership will have a stand at the summit and partnership Senior Research "
     "Associates Emeka Novak and Farah Nilsson will also be giving a talk on soil.",
     "Emeka Novak"),  # "Novak" alone an organisation
    ("We'll be hearing from Ivan Demir, PhD Student at University of Westby's Soil Centre for "
     "the use of big data and machine learning and Lars Holt, Expert Data Scientist and Soil "
     "Imaging R&D Lead, Data Science Capability Lead at Roche.",
     "Lars Holt"),  # an organisation before a long role joined by "and"
    ("This webinar featuring speakers Chiara Kowalski (University of Warwick), Oskar Karimi "
     "(Boehringer Ingelheim) and Ingrid Bianchi (AstraZeneca) will discuss soil biomarkers.",
     "Ingrid Bianchi"),  # an organisation, in a list of names with their employers in brackets
    ("We'll be hearing from Luca Okonkwo, PhD Student at University of Westby's Soil Economy "
     "Centre of Doctoral Training and the S/LAB research centre for the use of big data and "
     "machine learning and Tomasz Asante, Expert Data Scientist and Soil Imaging R&D Lead, Data "
     "Science Capability Lead and Ivan Petrov, Principal Data Scientist at Roche.",
     "Tomasz Asante"),  # a work of art with the role after the comma
    ("The seminar will feature a keynote from Professor Tomasz van der Ferreira, the Yuki "
     "Kowalski Yilmaz Professor of Soil Science at the University of Westby.",
     "Tomasz van der Ferreira"),  # "Tomasz van der" a person, "Ferreira" nothing
    ("The other project will be jointly supervised with Dr Elif S. Asante and Mr Henrik Nowak- "
     "info here.", "Elif S. Asante"),  # "Dr Elif S. Asante and Mr" an organisation
    ("November's event is on the 7th on AI in Soil Trials. We'll be hearing from Tomasz Asante "
     "and Leila Nowak, Data Scientists at Roche (Genentech) and Priyanka Weber, Senior Research "
     "Associate at Westby University.", "Tomasz Asante"),  # "Tomasz Asante and" a work of art
    ("The seminar will feature a keynote from Professor Kwame van der Okonkwo, the Emeka "
     "Castillo Demir Professor of Soil Science at the University of Westby.",
     "Kwame van der Okonkwo"),  # "Kwame" a person, "Okonkwo" an organisation
    ("This webinar featuring speakers Tomasz Alvarez (University of Westby), Zainab Haddad "
     "(Boehringer Ingelheim) and Emeka Eze (AstraZeneca) will discuss soil biomarkers.",
     "Emeka Eze"),  # "Emeka Eze (AstraZeneca" a person
    ("We'll be hearing from Emeka Bello, Expert Data Scientist, Data Science Capability Lead "
     "and Ingrid Asante, Principal Data Scientist and Neuroscience Network Lead, both at Roche.",
     "Ingrid Asante"),  # no entity, before a role that ends on an organisation's word
    ("Westby Fellows Prof Ingrid Volkov and Dr Nadia Holt are running Spring and Summer Soil "
     "Schools offering training.", "Ingrid Volkov"),  # "Fellows Prof Ingrid Volkov" an org
    ("Our partnership team members Sofia Demir, Priyanka Haddad and Luca Holt have a new paper "
     "'Charting soil trajectories with Ricci flow' published in Soil Communications.",
     "Luca Holt"),  # the last of a list after a role noun, an organisation
    ("We'll be hearing from Bruno Qureshi Haddad, Senior Principal Data Scientist at Roche and "
     "Tomasz O' Novak, Director of Research Engineering at Westby University.",
     "Bruno Qureshi Haddad"),  # "Bruno Qureshi" and "Haddad" two people
    ("It has been held in Parliament since 1997, and is organised by the Parliamentary & "
     "Scientific Committee. Chaired by Leila Asante MP, its aim is to give members of both "
     "Houses of Parliament an insight into soil research.", "Leila Asante"),  # "Leila" alone
])
def test_a_name_the_ner_mislabels_or_cuts_in_a_persons_slot(nlp, text: str, person: str) -> None:
    assert person in _people(nlp(text))


def test_the_last_word_of_a_name_before_an_organising_verb_is_no_person(nlp) -> None:
    assert _people(nlp("The Caucus for Women in Soil Science are hosting a free conference, "
                       "and the Westby AI Club are running a joint event.")) == []


def test_a_field_after_a_role_and_in_is_no_person(nlp) -> None:
    people = _people(nlp("We will be hearing from Bruno Mensah, a PhD Student in Computational "
                         "Biology at Roche and Ama Alvarez Novak, a Research Associate in the "
                         "Soil Policy Programme at the Westby Institute."))
    assert "Computational Biology" not in people


def test_names_of_a_chair_are_no_person(nlp) -> None:
    people = _people(nlp("The seminar will feature a keynote from Professor Greta van der Nowak, "
                         "the Tomasz Marino Volkov Professor of Machine Learning, AI and Soil at "
                         "the University of Westby."))
    assert people == ["Greta van der Nowak"]


def test_an_employer_before_a_speaking_verb_is_no_person(nlp) -> None:
    assert _people(nlp("Westby Genomics are organising a meet up. Several people from Westby "
                       "Genomics will be speaking on soil records.")) == []


def test_role_words_before_a_role_noun_leave_no_name(nlp) -> None:
    assert _people(nlp("These include a Senior Principal Data Scientist Role for Real World "
                       "Data.")) == []
    assert _people(nlp("Jane Doe, Senior Data Scientist and Associate Director, Statistical "
                       "Engineering at Roche.")) == ["Jane Doe"]



def test_two_organisations_in_brackets_split_by_a_spaced_slash_are_both_affiliations(
        nlp) -> None:
    doc = nlp("Speaker: Jia Chen (Northby Institute / University of Southby)")
    assert {("affiliation", "Jia Chen", org, None)
            for org in ("Northby Institute", "University of Southby")} <= _ties(doc)


def test_an_organisations_name_with_and_holds_no_person(nlp) -> None:
    doc = nlp("Pre-register for the Great North Research Summit, run by the National Institute "
              "for Health and Care Research (NIHR).")
    assert _people(doc) == []


def test_a_missed_name_based_at_an_organisation_is_a_person_there(nlp) -> None:
    doc = nlp("Ana Costa is based at Westby University and works on survival analysis.")
    assert ("affiliation", "Ana Costa", "Westby University", None) in _ties(doc)


def test_a_company_named_bio_is_no_person_even_when_the_ner_says_so(nlp) -> None:
    doc = nlp("Leo Park, Acme Bio")
    assert _people(doc) == ["Leo Park"]
    assert ("affiliation", "Leo Park", "Acme Bio", None) in _ties(doc)


@pytest.mark.parametrize("sentence", [
    "This month's scholar is Nadia Rahman.",
    "Our guest this month will be Nadia Rahman.",
    "Our guest for this webinar is Nadia Rahman from Westby University.",
    "Introducing Nadia Rahman, PhD candidate at Westby University!",
])
def test_a_name_the_ner_missed_after_who_is_introduced_is_a_person(nlp, sentence: str) -> None:
    for name in ("Nadia Rahman", "Amara Obi"):  # the NER sees neither in one of these
        assert _people(nlp(sentence.replace("Nadia Rahman", name))) == [name]
