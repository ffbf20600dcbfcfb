"""Constructions newsletters use for speakers, organisers, authors and employers, one sentence
each.

The sentences are written for these tests (no newsletter's text): each states one way of
saying who speaks, who hosts, who wrote what or where someone works, and the pairs it must
yield.
"""

from __future__ import annotations

import pytest

from partnerkg.extract.pipeline import load_pipeline
from partnerkg.extract.spans import RELATIONS


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def _pairs(doc, relation: str) -> set[tuple[str, str]]:
    def text(part: object) -> str:
        return part if isinstance(part, str) else doc.text[slice(*part)]

    return {(text(f["subject"]), text(f["object"]))
            for f in doc._.get(RELATIONS) or [] if f["relation"] == relation}


@pytest.mark.parametrize(
    ("sentence", "speakers"),
    [
        ("With special guest Emeka Yilmaz.", {"Emeka Yilmaz"}),
        ("In conversation: Emeka Yilmaz.", {"Emeka Yilmaz"}),
        ("Speakers confirmed so far: Emeka Yilmaz, Ingrid Sato.", {"Emeka Yilmaz", "Ingrid Sato"}),
        ("Our speakers: Nina Petrova (University of Oxford) and Lucas Moreau (Karolinska "
         "Institutet).", {"Nina Petrova", "Lucas Moreau"}),
        ("The keynote is by Jonas Weber. Other presenters are Clara Dubois and Mateo Ruiz.",
         {"Jonas Weber", "Clara Dubois", "Mateo Ruiz"}),
        ("In this webinar, Dr Henrik Larsen (Novo Nordisk) and Professor Amal Haddad "
         "(University of Bristol) will explore what makes clinical AI trustworthy.",
         {"Henrik Larsen", "Amal Haddad"}),
        ("Join Alexander Petrov, Isla Murray and Diego Fernandez for a day of talks.",
         {"Alexander Petrov", "Isla Murray", "Diego Fernandez"}),
        ("Last year Catherine Doyle gave a talk on robotics, and Arjun Mehta took part in a "
         "panel on data sharing.", {"Catherine Doyle", "Arjun Mehta"}),
        ("The institute hosts a webinar on data use, chaired by Imogen Parker.",
         {"Imogen Parker"}),
        ("Our speaker this month is Dr Amara Obi from the University of Westby.", {"Amara Obi"}),
        ("Amara Obi will be speaking about federated learning.", {"Amara Obi"}),
        ("Talks will be given by Tom Reyes.", {"Tom Reyes"}),
        ("The discussion will be moderated by Grace Whitfield.", {"Grace Whitfield"}),
        ("The lineup includes Helen Carter and James Wu.", {"Helen Carter", "James Wu"}),
        ("Speaking at the event will be Olivia Grant and Daniel Fischer.",
         {"Olivia Grant", "Daniel Fischer"}),
        ("With contributions from Mei Lin.", {"Mei Lin"}),
        ("Join us for the seminar, and contact Nora Lind with questions.", set()),
        ("Chair: Nadia Rahman (Westby University)", {"Nadia Rahman"}),
        ("Moderator: Lina Haddad", {"Lina Haddad"}),
        ("There will be a Q&A with Jonas Weber afterwards.", {"Jonas Weber"}),
        ("The panel will include Owen Clarke and Lina Haddad.", {"Owen Clarke", "Lina Haddad"}),
        ("Presenting this month is Dr Mira Holt from Westby University.", {"Mira Holt"}),
        ("Tomas Berg will lead a workshop on causal inference.", {"Tomas Berg"}),
        ("Nadia Rahman will join us to talk about federated learning.", {"Nadia Rahman"}),
        ("Hosted by Lina Haddad, the webinar will cover privacy.", set()),
        ("This month's talk is from James Wilson.", {"James Wilson"}),
        ("James Wilson will be in discussion with Sarah Thompson.",
         {"James Wilson", "Sarah Thompson"}),
        ("James Wilson will be our guest speaker.", {"James Wilson"}),
        ("James Wilson is this month's speaker.", {"James Wilson"}),
        ("The workshop will be facilitated by James Wilson.", {"James Wilson"}),
        ("With James Wilson (Acme University) and Sarah Thompson (Globex Health).",
         {"James Wilson", "Sarah Thompson"}),
        ("James Wilson, who will speak on graph learning, is a Professor at Acme University.",
         {"James Wilson"}),
        ("With support from Acme University, the series continues.", set()),
        ("Kwame Mensah was a panellist at the AI in Health Summit, organised by the Westby Data "
         "Trust.", {"Kwame Mensah"}),
        ("Our guests this month are Owen Clarke and Mira Holt.", {"Owen Clarke", "Mira Holt"}),
        ("Owen Clarke will lead a hands-on tutorial on soil models.", {"Owen Clarke"}),
        ("The event will open with remarks from Owen Clarke.", {"Owen Clarke"}),
        ("Jane Doe was invited to speak at the Soil Data Summit 2030.", {"Jane Doe"}),
        ("Jane Doe's talk at the Soil Data Summit 2030 is now online.", {"Jane Doe"}),
        ("Watch Jane Doe's keynote from the Soil Data Summit 2030.", {"Jane Doe"}),
    ],
)
def test_speakers(nlp, sentence: str, speakers: set[str]) -> None:
    assert {person for _, person in _pairs(nlp(sentence), "speaker")} == speakers


@pytest.mark.parametrize(
    ("sentence", "organisers"),
    [
        ("The Westby Institute and Acme Analytics are co-hosting a hackathon.",
         {"Westby Institute", "Acme Analytics"}),
        ("Organisers: Westby Data Trust and Acme Analytics.",
         {"Westby Data Trust", "Acme Analytics"}),
        ("This webinar is brought to you by the Westby Data Trust.", {"Westby Data Trust"}),
        ("The Westby Research Institute, Soil Data Research UK (SDR UK), the Northby Support "
         "Centre and NHS Digital are pleased to offer a roadshow.",
         {"Westby Research Institute", "Soil Data Research UK", "Northby Support Centre",
          "NHS Digital"}),
        ("A workshop from the University of Glasgow on causal inference.",
         {"University of Glasgow"}),
        ("The Wellcome Trust sponsors the event.", set()),
        ("GraphMed-AI are a network of clinicians and engineers. They are hosting a summer "
         "school in June.", {"GraphMed-AI"}),
        ("Northby Care Research UK is dedicated to better services and they will be holding "
         "their annual conference in July.", {"Northby Care Research UK"}),
        ("The Acme Society is pleased to announce its annual conference in May.",
         {"Acme Society"}),
        ("James Wilson holds a joint appointment at the University of Oxford.", set()),
        ("The Acme Summer School on Soil Modelling runs for five days.", set()),
        ("The forum features talks from Nadia Rahman (Westby University) and Owen Clarke "
         "(Roche).", set()),
        ("The workshop is a joint initiative of the Westby Data Trust and Acme University.",
         {"Westby Data Trust", "Acme University"}),
        ("The Westby Data Trust and Acme University are delighted to present the Soil Data "
         "Forum.", {"Westby Data Trust", "Acme University"}),
        ("The Acme Summer School runs for five days.", set()),
        ("The Acme Society runs the Soil Summer School.", {"Acme Society"}),
        ("In this seminar, hosted by the Acme Society, Dr Nina Schulz from the University of "
         "Leipzig will present her work.", {"Acme Society"}),
        ("This is a joint event between Acme University and the Wellcome Trust.",
         {"Acme University", "Wellcome Trust"}),
        ("Acme University and the Wellcome Trust's joint workshop returns in May.",
         {"Acme University", "Wellcome Trust"}),
        ("This is a Westby University event.", {"Westby University"}),
        ("Jane Doe also gave a Westby Lecture on soil last year.", set()),
        ("Westby University, in partnership with the Acme Institute, presents a day of talks "
         "on soil data.", {"Westby University", "Acme Institute"}),
        ("The symposium is brought to you by Nexagen.", {"Nexagen"}),
        ("Convened by Quorvia, the symposium brings together soil scientists.", {"Quorvia"}),
        ("Hosts: Quorvia and Nexagen", {"Quorvia", "Nexagen"}),
        ("Quorvia are delighted to announce their annual symposium.", {"Quorvia"}),
        ("They are hosting a summer school in June.", set()),
    ],
)
def test_organisers(nlp, sentence: str, organisers: set[str]) -> None:
    assert {org for _, org in _pairs(nlp(sentence), "organizer")} == organisers


@pytest.mark.parametrize(
    ("sentence", "authors"),
    [
        ('"Interpretable risk scores from routine data" by Isabel Moreno, Tom Hughes and Zara '
         "Ahmed appeared in BMJ Open.", {"Isabel Moreno", "Tom Hughes", "Zara Ahmed"}),
        ('Congratulations to Lena Vogel, whose paper "Benchmarks for medical image '
         'segmentation" was accepted.', {"Lena Vogel"}),
        ("The paper was co-authored with Marco Bianchi.", {"Marco Bianchi"}),
        ("The work was led by our team with co-authors Beatrix Kaur and Liam O'Connor.",
         {"Beatrix Kaur", "Liam O'Connor"}),
        ("Authors: Elena Rossi, Kwame Mensah, Julia Novak.",
         {"Elena Rossi", "Kwame Mensah", "Julia Novak"}),
        ("Read the new preprint on foundation models for pathology from Amira Saleh.",
         {"Amira Saleh"}),
        ('The paper "Causal discovery with latent confounders", written by Nadia Volkov and Ben '
         "Carter, was accepted.", {"Nadia Volkov", "Ben Carter"}),
        ("Omar Haddad et al. propose deep ensembles for triage.", {"Omar Haddad"}),
        ("The authors, Isabel Moreno and Zara Ahmed, study missingness in biobanks.",
         {"Isabel Moreno", "Zara Ahmed"}),
        ("Published in Patterns, this work by Nadia Volkov and Ben Carter builds sepsis models.",
         {"Nadia Volkov", "Ben Carter"}),
        ("Mei Lin, a PhD student at Northby University, is the first author of this paper.",
         {"Mei Lin"}),
        ("Congratulations to Nadia Rahman and Tomas Berg on their new paper in Nature Medicine.",
         {"Nadia Rahman", "Tomas Berg"}),
        ("Nadia Rahman and Tomas Berg recently published in The Lancet Digital Health.",
         {"Nadia Rahman", "Tomas Berg"}),
        ("The study, led by Owen Clarke, appeared in BMJ Open.", {"Owen Clarke"}),
        ("Authors include Mira Holt and Jonas Weber.", {"Mira Holt", "Jonas Weber"}),
        ("Mira Holt is lead author on a new paper in Science.", {"Mira Holt"}),
        ("In a new paper, Jonas Weber and Mira Holt show that sparse models generalise.",
         {"Jonas Weber", "Mira Holt"}),
        ("Our Community Scholar Priya Natarajan has had her paper accepted at MICCAI.",
         {"Priya Natarajan"}),
        ("Jonas Weber's group has a new publication in Cell Systems.", {"Jonas Weber"}),
        ("A new study by Sarah Thompson and David Brown shows that sparse models travel.",
         {"Sarah Thompson", "David Brown"}),
        ("James Wilson's latest study shows that sparse models travel well.", {"James Wilson"}),
        ("James Wilson contributed a chapter to the new handbook.", {"James Wilson"}),
        ("James Wilson has a new paper out with Sarah Thompson and David Brown.",
         {"James Wilson", "Sarah Thompson", "David Brown"}),
        ("Lead author James Wilson worked with Sarah Thompson on the analysis.", {"James Wilson"}),
        ("Mira Holt is the first author.", {"Mira Holt"}),
        ("James Wilson and Sarah Thompson's paper appears in Nature Medicine this month.",
         {"James Wilson", "Sarah Thompson"}),
        ("The paper, co-written by James Wilson and Sarah Thompson, appears in Nature Medicine.",
         {"James Wilson", "Sarah Thompson"}),
        ("Research from James Wilson and Sarah Thompson appears in Nature Medicine.",
         {"James Wilson", "Sarah Thompson"}),
        ("James Wilson, together with Sarah Thompson, published the findings in Nature Medicine.",
         {"James Wilson", "Sarah Thompson"}),
        ("In this paper, James Wilson and Sarah Thompson show that sparse models travel well.",
         {"James Wilson", "Sarah Thompson"}),
        ("James Wilson and Sarah Thompson describe how sparse models travel in a new paper.",
         {"James Wilson", "Sarah Thompson"}),
        ("Work led by James Wilson shows that sparse models travel well.", {"James Wilson"}),
        ("The work was led by James Wilson together with Sarah Thompson.",
         {"James Wilson", "Sarah Thompson"}),
        ("Researchers at Acme University, led by James Wilson, show that sparse models travel.",
         {"James Wilson"}),
        ("Congratulations to James Wilson, whose research on soil has been published in Nature "
         "Medicine.", {"James Wilson"}),
        ("Westby Data Research UK will be running a three-day course led by Owen Clarke.", set()),
        ("Our first clinical paper has been published in The Lancet. Congratulations to Hannah "
         "Kim and the rest of the team!", {"Hannah Kim"}),
        ("Registration is open. Congratulations to Hannah Kim on her promotion!", set()),
        ("This is a new paper from James Wilson's lab at Acme University.", {"James Wilson"}),
        ("James Wilson, first author of the paper, is a PhD student.", {"James Wilson"}),
        ("James Wilson's team at Acme University has published a new framework.",
         {"James Wilson"}),
        ("James Wilson (first author) and Sarah Thompson propose sparse models.",
         {"James Wilson"}),
        ("Congratulations to James Wilson and Sarah Thompson! Their paper appeared in Nature "
         "Medicine.", {"James Wilson", "Sarah Thompson"}),
        ("We welcome Sarah Thompson and James Wilson. His new paper appeared in Nature Medicine.",
         {"James Wilson"}),
        ("The paper is the result of a collaboration between James Wilson and Sarah Thompson.",
         {"James Wilson", "Sarah Thompson"}),
        ("James Wilson is one of the authors of the new report.", {"James Wilson"}),
        ("A new paper in Nature Medicine by James Wilson and Sarah Thompson shows how.",
         {"James Wilson", "Sarah Thompson"}),
        ("Together with Sarah Thompson, James Wilson wrote 'Sparse models for soil records in "
         "the field' for Nature Medicine.", {"James Wilson", "Sarah Thompson"}),
        ("James Wilson's paper with Sarah Thompson, 'Sparse models for soil records in the "
         "field', is out.", {"James Wilson", "Sarah Thompson"}),
        ("James Wilson shares her latest blog post, 'Why sparse models matter for soil'.",
         {"James Wilson"}),
        ("Congratulations to James Wilson for publishing 'Sparse models for soil records in the "
         "field' in Nature Medicine.", {"James Wilson"}),
        ("James Wilson was part of the team that published 'Sparse models for soil records in "
         "the field'.", {"James Wilson"}),
        ("James Wilson reflects on her new book, 'Sparse models for soil records in the field'.",
         {"James Wilson"}),
        ("James Wilson, one of the paper's authors, is pleased with the reception.",
         {"James Wilson"}),
        ("James Wilson (Roche) and Sarah Thompson (Acme University) have co-authored 'Sparse "
         "models for soil records in the field'.", {"James Wilson", "Sarah Thompson"}),
        ("Partnership members James Wilson and Sarah Thompson contributed to this paper.",
         {"James Wilson", "Sarah Thompson"}),
        ("James Wilson worked with Sarah Thompson on this paper, now out in Nature Medicine.",
         {"James Wilson", "Sarah Thompson"}),
        ("James Wilson thanked the team that published the paper.", set()),
        ("Priya Natarajan has joined Acme University. She is senior author of the paper "
         "'Sparse models for soil records in the field'.", {"Priya Natarajan"}),
        ("We welcome Priya Natarajan and Tomas Berg. They co-authored the new report.",
         {"Priya Natarajan", "Tomas Berg"}),
        ("Priya Natarajan has also written an accompanying blog, 'Why sparse models matter'.",
         {"Priya Natarajan"}),
        ("The research, carried out by Priya Natarajan and Tomas Berg, appears in Nature "
         "Medicine.", {"Priya Natarajan", "Tomas Berg"}),
        ("Aiko Tanaka has written a piece for The Conversation, 'Why soil records matter for "
         "clinical models'.", {"Aiko Tanaka"}),
        ("Read Aiko Tanaka's blog, 'Why soil records matter for clinical models', online.",
         {"Aiko Tanaka"}),
        ("Aiko Tanaka, Owen Clarke and colleagues report in Nature Medicine that sparse models "
         "travel well.", {"Aiko Tanaka", "Owen Clarke"}),
        ("Nadia Rahman and Tomas Berg have both published papers this month.", set()),
        ("We spoke to Mira Holt about the paper.", set()),
        ("'Sparse models for soil records in the field' (Nature, 2030) by Jane Doe and Mark "
         "Smith.", {"Jane Doe", "Mark Smith"}),
        ("In 'Sparse models for soil records in the field', published in Nature, Jane Doe and "
         "Mark Smith show that sparse models travel.", {"Jane Doe", "Mark Smith"}),
        ("The work of Jane Doe and Mark Smith, 'Sparse models for soil records in the field', "
         "was published in Nature.", {"Jane Doe", "Mark Smith"}),
        ("Jane Doe's group has a new paper out: 'Sparse models for soil records in the field', "
         "with Mark Smith as co-author.", {"Jane Doe", "Mark Smith"}),
        ("Congrats to Jane Doe and Mark Smith on the publication of 'Sparse models for soil "
         "records in the field'!", {"Jane Doe", "Mark Smith"}),
        ("'Sparse models for soil records in the field', Jane Doe et al., Nature Medicine "
         "(2030).", {"Jane Doe"}),
        ("The paper's lead author, Jane Doe, is a PhD student at Acme University.",
         {"Jane Doe"}),
        ("Led by Jane Doe, the study proposes sparse models.", {"Jane Doe"}),
        ('Jane Doe and Mark Smith (2030). "Sparse models for soil records in the field". '
         "Soil Science.", {"Jane Doe", "Mark Smith"}),
        ("Jane Doe and Mark Smith propose sparse models for soil records in this paper.",
         {"Jane Doe", "Mark Smith"}),
        ("Jane Doe led the new review of soil models with Mark Smith.", {"Jane Doe", "Mark Smith"}),
        ("Jane Doe led the workshop on soil records.", set()),
    ],
)
def test_authors(nlp, sentence: str, authors: set[str]) -> None:
    assert {person for _, person in _pairs(nlp(sentence), "author")} == authors


@pytest.mark.parametrize(
    ("sentence", "ties"),
    [
        ("The keynote is by Professor Jonas Weber of ETH Zurich.",
         {("Jonas Weber", "ETH Zurich")}),
        ("Speakers include Dr Priya Nair of GSK and Leonie Schmidt from Bayer.",
         {("Priya Nair", "GSK"), ("Leonie Schmidt", "Bayer")}),
        ("We welcome Dr Henrik Larsen (Novo Nordisk).", {("Henrik Larsen", "Novo Nordisk")}),
        ("James Wilson holds a joint appointment at the University of Oxford and AstraZeneca.",
         {("James Wilson", "University of Oxford"), ("James Wilson", "AstraZeneca")}),
        ("James Wilson (University of Oxford and AstraZeneca) will speak.",
         {("James Wilson", "University of Oxford"), ("James Wilson", "AstraZeneca")}),
        ("James Wilson is currently a Research Fellow with the University of Edinburgh.",
         {("James Wilson", "University of Edinburgh")}),
        ("Oliver Hughes has joined AstraZeneca as Director of Data Science.",
         {("Oliver Hughes", "AstraZeneca")}),
        ("Oliver Hughes works at Novartis.", {("Oliver Hughes", "Novartis")}),
        ("Mira Holt is a lecturer in the Department of Statistics at the University of Warwick "
         "and a member of the Big Data Institute.",
         {("Mira Holt", "Department of Statistics"), ("Mira Holt", "University of Warwick"),
          ("Mira Holt", "Big Data Institute")}),
        ("Mira Holt is based in London and works at Acme University.",
         {("Mira Holt", "Acme University")}),
        ("Owen Clarke has moved to AstraZeneca.", {("Owen Clarke", "AstraZeneca")}),
        ("Owen Clarke is a member of the Research Software Engineering team at the Turing.",
         {("Owen Clarke", "Research Software Engineering team"), ("Owen Clarke", "the Turing")}),
        ("Owen Clarke, who recently completed her PhD at Imperial College London, will speak.",
         {("Owen Clarke", "Imperial College London")}),
        ("Oliver Hughes works for Google DeepMind in London.",
         {("Oliver Hughes", "Google DeepMind")}),
        ("Oliver Hughes joined Sarah Thompson as co-host.", set()),
        ("She moved to Karolinska Institutet last year, said Thomas Lindqvist (Karolinska "
         "Institutet).", {("Thomas Lindqvist", "Karolinska Institutet")}),
        ("Tomas Berg recently joined AstraZeneca as a data scientist.",
         {("Tomas Berg", "AstraZeneca")}),
        ("Mira Holt is based at the University of Glasgow.",
         {("Mira Holt", "University of Glasgow")}),
        ("Owen Clarke is completing his PhD at the University of Warwick.",
         {("Owen Clarke", "University of Warwick")}),
        ("Dr Priya Natarajan from GSK and Dr Tomas Berg from AstraZeneca",
         {("Priya Natarajan", "GSK"), ("Tomas Berg", "AstraZeneca")}),
        ("University of Bath researcher Mira Holt has won an award.",
         {("Mira Holt", "University of Bath")}),
        ("Jane Doe works at DeepMind.", {("Jane Doe", "DeepMind")}),
        ("Jane Doe works at Microsoft Research in Cambridge.",
         {("Jane Doe", "Microsoft Research")}),
        ("Jane Doe joined Microsoft Research in 2029.", {("Jane Doe", "Microsoft Research")}),
        ("Jane Doe leads the Health Foundation's data analytics team.",
         {("Jane Doe", "Health Foundation")}),
        ("Jane Doe (she/her), Research Fellow, Acme University", {("Jane Doe", "Acme University")}),
        ("Jane Doe – Research Fellow – Acme University", {("Jane Doe", "Acme University")}),
        ("Jane Doe | Research Fellow | Acme University", {("Jane Doe", "Acme University")}),
        ("Jane Doe: Theme Lead, Acme University", {("Jane Doe", "Acme University")}),
        ("Roche: Jane Doe, Mark Smith and Ann Lee",
         {("Jane Doe", "Roche"), ("Mark Smith", "Roche"), ("Ann Lee", "Roche")}),
        ("Roche: Jane Doe will present new results.", set()),
        ("We will hear from Ivan Novak and Pavel Fischer, Data Scientists at Roche.",
         {("Ivan Novak", "Roche"), ("Pavel Fischer", "Roche")}),
        ("Jane Doe and John Roe, Senior Lecturer at Acme University, will speak.",
         {("John Roe", "Acme University")}),
        ("Jane Doe recently started a new role as Data Scientist at Roche.",
         {("Jane Doe", "Roche")}),
        ("Jane Doe is a consultant at Guy's and St Thomas' NHS Foundation Trust.",
         {("Jane Doe", "Guy's and St Thomas' NHS Foundation Trust")}),
        ("Mira Holt holds a joint position between Westby University and the Acme Institute.",
         {("Mira Holt", "Westby University"), ("Mira Holt", "Acme Institute")}),
        ("Mira Holt completed her PhD at Westby University before joining Roche in 2029.",
         {("Mira Holt", "Westby University"), ("Mira Holt", "Roche")}),
        ("We say goodbye to Jane Doe, who is leaving us to join Novartis.",
         {("Jane Doe", "Novartis")}),
        ("Jane Doe leads the Soil Group at Westby University.",
         {("Jane Doe", "Soil Group"), ("Jane Doe", "Westby University")}),
        ("Jane Doe heads the data science team at Novartis.", {("Jane Doe", "Novartis")}),
        ("Jane Doe, who did her PhD at Westby University, has joined the team.",
         {("Jane Doe", "Westby University")}),
        ("Jane Doe has taken up a new post at Novartis.", {("Jane Doe", "Novartis")}),
        ("Based at Westby University, Jane Doe studies soil records.",
         {("Jane Doe", "Westby University")}),
        ("Based at Westby University and the Acme Institute, Jane Doe studies soil records.",
         {("Jane Doe", "Westby University"), ("Jane Doe", "Acme Institute")}),
        ("Jane Doe - Westby University", {("Jane Doe", "Westby University")}),
        ("Westby University's Head of Data, Jane Doe, joins our board.",
         {("Jane Doe", "Westby University")}),
        ("We welcome Nexagen's Chief Scientist, Jane Doe, to the board.",
         {("Jane Doe", "Nexagen")}),
        ("Jane Doe from Quorvia will talk about soil data.", {("Jane Doe", "Quorvia")}),
        ("Jane Doe (she/her) is a Research Fellow at Westby University.",
         {("Jane Doe", "Westby University")}),
        ("Jane Doe has moved from Westby University to the Acme Institute.",
         {("Jane Doe", "Acme Institute")}),
        ("Jane Doe - Research Fellow - Westby University", {("Jane Doe", "Westby University")}),
    ],
)
def test_employers(nlp, sentence: str, ties: set[tuple[str, str]]) -> None:
    assert _pairs(nlp(sentence), "affiliation") == ties
