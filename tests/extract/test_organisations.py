"""Organisation names: keyword-headed names, coordination, acronyms, kinds."""

from __future__ import annotations

import pytest

from partnerkg.extract.pipeline import load_pipeline
from partnerkg.extract.spans import ORG_ATTRIBUTES


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def _orgs(doc):
    return [e.text for e in doc.ents if e.label_ == "ORG"]


@pytest.mark.parametrize(
    ("text", "orgs"),
    [
        pytest.param("The workshop is run by Eastport Institute and University of Westby this "
                     "year.", {"Eastport Institute", "University of Westby"},
                     id="two coordinated organisations are split"),
        pytest.param("Owen Clarke leads the Soil Data Science (SDS) group at Westby University.",
                     {"Soil Data Science (SDS) group"},
                     id="a unit's acronym in brackets before its head stays in its name"),
        pytest.param("Owen Clarke joined the Science, Technology & Society department at UCL "
                     "last year.", {"Science, Technology & Society department"},
                     id="single words listed before a unit's head name one unit"),
        pytest.param("Speakers came from Google DeepMind, Microsoft Research, AstraZeneca, GSK "
                     "and Novartis.", {"Google DeepMind", "AstraZeneca", "GSK", "Novartis"},
                     id="a sentence listing companies is no title-case heading"),
    ],
)
def test_organisations_named_in_a_sentence(nlp, text: str, orgs: set[str]) -> None:
    assert orgs <= set(_orgs(nlp(text)))


def test_an_acronym_after_and_is_a_second_organisation_a_field_acronym_is_not(nlp) -> None:
    doc = nlp("Researchers from the University of Westby and EMBL will meet.")
    assert {"University of Westby", "EMBL"} <= set(_orgs(doc))
    doc = nlp("She joined the Institute for Data Science and AI last year.")
    assert "Institute for Data Science and AI" in _orgs(doc)


def test_an_acronym_of_word_initials_in_brackets_is_recorded(nlp) -> None:
    doc = nlp("The AI for multiple long-term conditions Research Support Facility (AIM RSF) "
              "hosts a seminar.")
    org = next(e for e in doc.ents if e.label_ == "ORG")
    assert doc._.get(ORG_ATTRIBUTES)[org.start_char]["acronym"] == "AIM RSF"


@pytest.mark.parametrize(
    "text",
    [
        "The talk will be available on the Turing AI UK YouTube channel.",
        "Seminar Series Event: Crafting Digital Twins- How modelling can design trials",
    ],
)
def test_a_channel_and_a_titles_words_are_no_organisations(nlp, text) -> None:
    assert not [name for name in _orgs(nlp(text)) if "YouTube" in name or "Digital" in name]


def test_a_partners_name_before_a_role_is_the_roles_title_not_a_body(nlp) -> None:
    doc = nlp("Applications are open for our Turing-Roche Community Scholar scheme.")
    assert _orgs(doc) == []


def test_the_words_before_a_role_name_the_jobs_field(nlp) -> None:
    from spacy.tokens import Span

    from partnerkg.extract.organisations import _field_of_a_job

    doc = nlp.make_doc("A Pharmacokinetic/Pharmacodynamic (PK/PD) Data Scientist in Basel")
    assert _field_of_a_job(Span(doc, 1, 4))  # "Pharmacokinetic/Pharmacodynamic"
    doc = nlp.make_doc("A University of Westby (UW) event in Basel")
    assert not _field_of_a_job(Span(doc, 1, 4))


def test_a_head_only_whole_names_give_ends_a_name(nlp) -> None:
    assert "Genomics England" in _orgs(nlp("She works with Genomics England on rare disease."))


def test_what_a_paper_is_accepted_at_is_no_organisation_unless_named_as_a_body(nlp) -> None:
    assert _orgs(nlp("Partnership paper on soil graphs accepted at AISTATS")) == []
    doc = nlp("The paper was presented at the University of Leeds last week.")
    assert _orgs(doc) == ["University of Leeds"]


def test_an_event_word_after_a_name_is_no_place_in_it(nlp) -> None:
    doc = nlp("Acme Soil Research Support Facility Seminar: Developing Code")
    assert _orgs(doc) == ["Acme Soil Research Support Facility"]
    doc = nlp("AI for Multiple Long-Term Soil Conditions Support Facility Seminar: Code")
    assert _orgs(doc) == ["AI for Multiple Long-Term Soil Conditions Support Facility"]


def test_a_plural_labs_heads_a_name(nlp) -> None:
    assert "Westby Labs" in _orgs(nlp("He moved from Acme to Westby Labs last year."))


def test_and_inside_an_of_complement_stays_one_name(nlp) -> None:
    doc = nlp("She is a lecturer at the Westby School of Hygiene and Tropical Medicine.")
    assert "Westby School of Hygiene and Tropical Medicine" in _orgs(doc)


def test_acronym_in_parentheses_is_recorded_not_a_second_organisation(nlp) -> None:
    doc = nlp("Health Data Network Northby (HDN Northby) is hosting a conference in May.")
    orgs = _orgs(doc)
    assert "HDN Northby" not in orgs
    start = next(e.start_char for e in doc.ents if e.label_ == "ORG")
    assert doc._.get(ORG_ATTRIBUTES)[start]["acronym"] == "HDN Northby"


def test_org_kind_comes_from_the_configured_keywords(nlp) -> None:
    doc = nlp("Applications go to the University of Westby by Friday.")
    (org,) = [e for e in doc.ents if e.label_ == "ORG"]
    assert doc._.get(ORG_ATTRIBUTES)[org.start_char]["org_kind"] == "university"


def test_job_words_end_an_organisation_name(nlp) -> None:
    doc = nlp("Job: University of Northby PhD Position in Statistics")
    assert "University of Northby" in _orgs(doc)
    assert not any("Position" in org for org in _orgs(doc))


def test_lower_case_words_inside_a_name_before_its_head_word(nlp) -> None:
    doc = nlp("The Westby Novel methods for health and wellbeing Interest Group meets monthly.")
    assert any(o.endswith("methods for health and wellbeing Interest Group") for o in _orgs(doc))


def test_from_or_at_never_joins_a_person_or_topic_to_an_organisation(nlp) -> None:
    doc = nlp("We welcome Dr Nora Lind from Eastport University of Technology to the panel.")
    assert "Eastport University of Technology" in _orgs(doc)
    assert not any("Lind" in org for org in _orgs(doc))


def test_capitalised_name_ending_on_a_lower_case_collective_noun(nlp) -> None:
    doc = nlp("It is co-hosted by the Applied Westby & Northby Physics group this year.")
    assert "Applied Westby & Northby Physics group" in _orgs(doc)


def test_committee_and_team_are_organisation_heads(nlp) -> None:
    doc = nlp(
        "It is organised by the Northby & Westby Scientific Committee. Contact the Data Team."
    )
    assert {"Northby & Westby Scientific Committee", "Data Team"} <= set(_orgs(doc))


def test_comma_separates_a_job_title_from_the_organisation(nlp) -> None:
    doc = nlp("Job: Professor of Machine Reasoning, University of Westby")
    assert "University of Westby" in _orgs(doc)
    assert not any("," in org for org in _orgs(doc))


def test_summer_school_and_challenge_are_not_organisations(nlp) -> None:
    doc = nlp("Summer School: Bayesian Methods. Apply to the Westby Institute Data Challenge.")
    assert not any("School" in o or "Challenge" in o for o in _orgs(doc))


def test_at_separates_a_unit_or_topic_from_its_organisation(nlp) -> None:
    doc = nlp("She leads Data Quality Assurance at Northby Pharmaceuticals Ltd in Basel.")
    assert not any(" at " in org for org in _orgs(doc))


def test_the_community_of_a_named_group_is_the_group(nlp) -> None:
    doc = nlp("The series is run by the Data Methods for Westby Health community this year.")
    assert "Data Methods for Westby Health" in _orgs(doc)


def test_a_place_after_the_head_word_is_part_of_the_name(nlp) -> None:
    doc = nlp("Kingsby College London are hiring a research fellow on Monday.")
    assert "Kingsby College London" in _orgs(doc)
    dated = nlp("The talk is at Westby University Tuesday afternoon.")
    assert "Westby University" in _orgs(dated)


def test_a_modifier_before_an_event_word_belongs_to_the_event(nlp) -> None:
    doc = nlp("The Centre for Marine Ecology Research Showcase brings people together.")
    assert "Centre for Marine Ecology" in _orgs(doc)
    fellowship = nlp("Apply for the Westby Institute Junior Research Fellowship in Soil Data.")
    assert "Westby Institute" in _orgs(fellowship)
    place = nlp("The Northby College London Workshop on soils opens in May.")
    assert "Northby College" not in _orgs(place)


def test_a_partner_and_an_organisation_of_a_known_kind_are_two(nlp) -> None:
    doc = nlp("Mira Okafor, Research Associate with the Turing-Roche Partnership and Westby "
              "University of London, will speak.")  # the configured partnership
    assert "Westby University of London" in _orgs(doc)
    assert not any(" and " in name for name in _orgs(doc))


def test_common_words_and_a_head_before_a_role_noun_are_a_title(nlp) -> None:
    doc = nlp("Partnership Team Member Mira Okafor visits Parliament!")
    assert "Partnership Team" not in _orgs(doc)
    unit = nlp("She joined the Data Science Team at Roche last year.")
    assert "Data Science Team" in _orgs(unit)


def test_a_known_kind_and_a_long_capitalised_name_are_two(nlp) -> None:
    doc = nlp("Researchers at the University of Westby and Northby Medical Research Europe, "
              "published in a journal.")
    assert {"University of Westby", "Northby Medical Research Europe"} <= set(_orgs(doc))
    one = nlp("She is a lecturer at the Westby Department of Health and Social Care.")
    assert not any(name == "Social Care" for name in _orgs(one))


def test_a_slash_beside_a_partner_separates_two_organisations(nlp) -> None:
    doc = nlp("The role will advance Genentech/Roche's approach to data.")  # configured partners
    assert {"Genentech", "Roche"} <= set(_orgs(doc))
    phrase = nlp("A Pharmacokinetic/Pharmacodynamic (PK/PD) Data Scientist role is open.")
    assert not {"Pharmacokinetic", "Pharmacodynamic"} & set(_orgs(phrase))


def test_a_place_after_the_head_word_joins_even_inside_a_mistaken_person_span(nlp) -> None:
    doc = nlp("Mary College Oxford are inviting applications for the Westby Institute Fellowship.")
    assert "Mary College Oxford" in _orgs(doc)


def test_a_proper_name_coordinated_with_an_organisation_is_one(nlp) -> None:
    doc = nlp("This paper from researchers at Stanford University and Google, published in BMJ "
              "Health and Care Informatics.")
    assert "Google" in _orgs(doc)
    place = nlp("Centre for Personalised Soil, Westby hosting a showcase")
    assert "Westby" not in _orgs(place)
    listed = nlp("Interns join directorates (Healthy Lives, Innovation and Improvement, Policy, "
                 "Data Analytics) at the Westby Foundation.")
    assert not {"Policy", "Innovation", "Improvement"} & set(_orgs(listed))
    inside = nlp("The Westby Institute is establishing a new Research and Innovation Cluster.")
    assert "Innovation" not in _orgs(inside)


def test_a_field_noun_before_and_does_not_end_an_organisation(nlp) -> None:
    doc = nlp("The positions are based in Basel within the Data Analytics and Imaging Group, "
              "developing tools.")
    assert "Data Analytics and Imaging Group" in _orgs(doc)


def test_proper_names_listed_with_organisations_are_organisations(nlp) -> None:
    doc = nlp("Internships are open at four partners: Globexa, NBXQ, the Ministry of Soil and "
              "the Data for Soil Defence Research Centre.")
    assert {"Globexa", "NBXQ", "Ministry of Soil", "Data for Soil Defence Research Centre"} <= set(
        _orgs(doc))
    topics = nlp("Topics include Machine Learning, Statistics, Genomics and the University of "
                 "Westby.")
    assert _orgs(topics) == ["University of Westby"]


def test_a_lower_case_unit_head_or_an_acronym_before_one_names_a_unit(nlp) -> None:
    doc = nlp("She works in the Product Soil Informatics chapter, part of the Data Sciences and "
              "Statistics department, with the SOILNET network.")
    assert {"Product Soil Informatics chapter", "Data Sciences and Statistics department",
            "SOILNET network"} <= set(_orgs(doc))
    book = nlp("Partnership team write Soil Way chapter")
    assert not _orgs(book)


def test_a_field_after_in_completes_a_centre_name(nlp) -> None:
    doc = nlp("The NBX Centre for AI in Soil Science are hiring a student in October 2030.")
    assert "NBX Centre for AI in Soil Science" in _orgs(doc)


def test_a_coordinated_field_and_hyphenated_complements_stay_inside_one_name(nlp) -> None:
    doc = nlp("The Westby Institute's Bridging Soil Learning and Crop Models Interest Group meets "
              "with the Northby Interest Group on Meta-Learning for Multimodal Soil.")
    assert {"Bridging Soil Learning and Crop Models Interest Group",
            "Northby Interest Group on Meta-Learning for Multimodal Soil"} <= set(_orgs(doc))
    two = nlp("She studied at the University of Westby and Northby University.")
    assert {"University of Westby", "Northby University"} <= set(_orgs(two))


def test_on_after_a_partners_full_name_ends_it(nlp) -> None:
    doc = nlp("An in-person workshop is being held at Turing Institute on Open Soil Software.")
    assert "Turing Institute" in _orgs(doc)


def test_an_acronym_owning_a_named_unit_is_an_organisation_even_in_capitalised_text(nlp) -> None:
    doc = nlp("We will hear from Ana Ferrow, a PhD Student in the NBXU's Soil Cognition Lab and "
              "Westby Enrichment Student.")
    assert {"NBXU", "Soil Cognition Lab"} <= set(_orgs(doc))


def test_an_acronym_makes_a_name_of_common_words_but_a_year_makes_an_edition(nlp) -> None:
    doc = nlp("The NIHR Research Design Service, Health Data Research UK (HDR UK), the MRC "
              "Regulatory Support Centre and NHS Digital are pleased to offer the opportunity "
              "to attend the sixth in a series of virtual researcher roadshows.")
    assert "NIHR Research Design Service" in _orgs(doc)
    edition = nlp("Submit a talk or poster for RSS 2030 Annual Conference")
    assert not [o for o in _orgs(edition) if "2030" in o]


def test_generic_or_quoted_names_and_programme_words_are_no_organisations(nlp) -> None:
    doc = nlp("Researchers may spend two weeks at an Italian University or research centre, "
              "and read a personal story on 'Community Activities'.")
    assert not _orgs(doc)
    funding = nlp("Read more about the NBXRC Funding Opportunity on soil data this spring.")
    assert "NBXRC Funding Opportunity" not in _orgs(funding)
    heading = nlp("Applications open for virtual Soil Tumor Atlas Network Data Jamboree")
    assert not [o for o in _orgs(heading) if o.startswith("Applications")]


def test_a_configured_name_phrase_keeps_its_event_word_in_the_name(nlp) -> None:
    doc = nlp("She is a PhD student at Westby's Digital Soil Horizon Centre of Doctoral Training "
              "and N/LAB research centre.")
    assert "Digital Soil Horizon Centre of Doctoral Training" in _orgs(doc)
    course = nlp("The Westby Institute Training Course starts in May.")
    assert "Westby Institute" in _orgs(course)


def test_a_name_listing_its_fields_starts_at_the_first_field(nlp) -> None:
    doc = nlp("We are looking for a Scientist to join the personalised healthcare (PHC) Soil, "
              "Analytics and Imaging group. The scientist will collaborate.")
    assert "Soil, Analytics and Imaging group" in _orgs(doc)


def test_a_bracketed_acronym_pulls_in_the_words_its_letters_need(nlp) -> None:
    doc = nlp("Delivered by the Soils and Crops products Regulatory Agency (SCRA), the data "
              "service is open.")
    assert "Soils and Crops products Regulatory Agency" in _orgs(doc)


def test_names_written_like_addresses_or_with_a_founder_or_a_slash(nlp) -> None:
    doc = nlp("We will hear from Ana Lopes, Head of Modeling at Soilwise.AI. Register here.")
    assert "Soilwise.AI" in _orgs(doc)
    founder = nlp("This paper from Tom Berg (Athina B. Kostas Center for Soil Imaging) and "
                  "colleagues presents a method.")
    assert "Athina B. Kostas Center for Soil Imaging" in _orgs(founder)
    slash = nlp("She is a PhD student at S/LAB research centre for the use of soil data.")
    assert "S/LAB research centre" in _orgs(slash)


def test_a_field_for_a_field_before_the_head_is_one_name(nlp) -> None:
    doc = nlp("Join the AI for Precision Soil Health Network")
    assert _orgs(doc) == ["AI for Precision Soil Health Network"]


def test_a_kind_alone_is_no_name_and_a_partner_opening_a_heading_stays(nlp) -> None:
    doc = nlp("Northby's Soil's Interest Group Event: Data for Crops")
    assert "Interest Group" not in _orgs(doc)
    heading = nlp("Turing Institute Soil Inference Interest Group Seminar")
    assert _orgs(heading) == ["Turing Institute Soil Inference Interest Group"]


def test_a_camel_case_conjunct_and_a_campus_after_at_belong_to_names(nlp) -> None:
    doc = nlp("We partnered with UCB and AstraSoil on this.")
    assert {"UCB", "AstraSoil"} <= set(_orgs(doc))
    campus = nlp("She works at the Westby School of Medicine at Mount Northby, in the city.")
    assert "Westby School of Medicine at Mount Northby" in _orgs(campus)
    two = nlp("She works at the Soil Lab at Northby University.")
    assert {"Soil Lab", "Northby University"} <= set(_orgs(two))


def test_a_name_starts_at_the_first_word_of_its_hyphenated_compound(nlp) -> None:
    doc = nlp("The Turing-Westby Strategic Partnership team")
    assert _orgs(doc) == ["Turing-Westby Strategic Partnership team"]


def test_a_body_named_after_whom_it_serves_and_an_owner_with_its_unit(nlp) -> None:
    doc = nlp("The scholarships come from the Office for Students to offer to students.")
    assert "Office for Students" in _orgs(doc)
    owned = nlp("The Westby Institute of Health's SOIL-NET Consortium is hosting a symposium.")
    assert {"Westby Institute of Health", "SOIL-NET Consortium"} <= set(_orgs(owned))
    kings = nlp("She studied at King's College Westby.")
    assert "King's College Westby" in _orgs(kings)


def test_a_place_opening_a_listed_name_an_elided_article_and_a_hyphenated_name(nlp) -> None:
    doc = nlp("It has speakers from UK Soilbank, NHS England, EMBL-EBI, Genomics England and more.")
    assert {"UK Soilbank", "EMBL-EBI"} <= set(_orgs(doc))
    cote = nlp("This preprint is from Luigi Antelmi from the University of Côte d'Azur.")
    assert "University of Côte d'Azur" in _orgs(cote)


def test_the_field_a_bracketed_acronym_needs_belongs_to_the_name(nlp) -> None:
    doc = nlp("The Westby Research and Innovation Cluster in Digital Twins (WRIC-DT) runs talks.")
    assert "Westby Research and Innovation Cluster in Digital Twins" in _orgs(doc)


def test_common_words_a_country_code_ends_are_a_name_when_their_acronym_follows(nlp) -> None:
    doc = nlp("Partners include Soil Health Research UK (SHR UK) and the Westby Trust.")
    assert "Soil Health Research UK" in _orgs(doc)
    assert "Soil Data Research" not in _orgs(nlp("We do Soil Data Research UK wide."))


def test_a_facility_where_employers_stand_or_with_its_acronym_is_an_organisation(nlp) -> None:
    from spacy.tokens import Span

    from partnerkg.extract.organisations import _bodies_tagged_as_facilities

    doc = nlp.make_doc("Two roles open at Acme Technopole in Milan. We met at Westby Tower. "
                       "Talks at the Global Partnership on Soil (GPS) too.")
    doc.ents = [Span(doc, 4, 6, "FAC"), Span(doc, 7, 8, "GPE"), Span(doc, 12, 14, "FAC"),
                Span(doc, 17, 22, "FAC")]
    assert [s.text for s in _bodies_tagged_as_facilities(doc)] == [
        "Acme Technopole", "Global Partnership on Soil"]


def test_a_unit_named_after_an_organisations_possessive_is_an_organisation(nlp) -> None:
    doc = nlp("Acme's Soil data generation and analysis group are hosting a meeting.")
    assert "Soil data generation and analysis group" in _orgs(doc)
    mistaken = nlp("The AI for Women's Health supra-interest group is hosting a virtual event.")
    assert "Health supra-interest group" not in _orgs(mistaken)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("We spoke to Owkin, a French biotech startup, about federated learning.", "Owkin"),
        ("Join Kheiron, the medical imaging company, for a talk.", "Kheiron"),
        ("GraphMed-AI are a network of clinicians and engineers.", "GraphMed-AI"),
    ],
)
def test_a_name_defined_as_a_kind_of_body_is_an_organisation(nlp, text: str, name: str) -> None:
    assert name in _orgs(nlp(text))


def test_a_person_defined_by_a_role_stays_a_person(nlp) -> None:
    doc = nlp("Mira Holt, a network scientist, is a member of the Westby Society.")
    assert "Mira Holt" not in _orgs(doc)


def test_a_hyphenated_lower_case_word_stays_inside_a_centres_name(nlp) -> None:
    doc = nlp("We are partnering with the Westby Centre for Knowledge-driven Machine Learning.")
    assert "Westby Centre for Knowledge-driven Machine Learning" in _orgs(doc)


def test_the_topic_a_session_is_named_after_is_no_organisation(nlp) -> None:
    doc = nlp("His talk will be in the Network Topology and Geometry session on Friday.")
    assert "Network Topology" not in _orgs(doc)


@pytest.mark.parametrize(("text", "org"), [
    pytest.param("Jane Doe, Senior Scientist at Nexagen, will talk about soil data.", "Nexagen",
                 id="after a role and 'at'"),
    pytest.param("Congratulations to Jane Doe (Quorvia) on her award.", "Quorvia",
                 id="in brackets after a person"),
    pytest.param("Jane Doe from Quorvia will talk about soil data.", "Quorvia",
                 id="a person from it"),
])
def test_an_unfamiliar_name_in_an_employer_slot_is_an_organisation(nlp, text: str, org: str
                                                                    ) -> None:
    assert _orgs(nlp(text)) == [org]


def test_a_familiar_word_in_an_employer_slot_stays_what_the_ner_says(nlp) -> None:
    assert _orgs(nlp("Jane Doe from London will talk about soil data.")) == []


def test_a_role_after_a_speakers_name_is_no_organisation_of_a_list(nlp) -> None:
    # the NER calls "Hana Fischer" an organisation and "Research Fellow" a person here
    doc = nlp("We will be joined by speakers Rafael Rahman, Principal Data Scientist at Roche "
              "and Hana Fischer, Research Fellow at London School of Hygiene and Tropical "
              "Medicine, who will be discussing their work.")
    assert _orgs(doc) == ["Roche", "London School of Hygiene and Tropical Medicine"]


def test_a_persons_name_before_of_and_a_body_the_ner_joined_is_the_person_and_the_body(
    nlp,
) -> None:
    doc = nlp("The session features Nadia Rahman of Westby University alongside Tomas Berg.")
    assert _orgs(doc) == ["Westby University"]
    assert [e.text for e in doc.ents if e.label_ == "PERSON"] == ["Nadia Rahman", "Tomas Berg"]
    # a body's own name before "of" stays whole
    assert _orgs(nlp("Talks from the Royal Society of Biology.")) == ["Royal Society of Biology"]
