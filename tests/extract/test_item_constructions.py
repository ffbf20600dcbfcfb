"""Item-level constructions: how a heading, its dated lines and its text name events, papers
and the people in them, read from markdown written for these tests (no newsletter's text) and
resolved as a build resolves them.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from partnerkg.extract.model import Entity, EntityKind, Relation, Resolved
from partnerkg.extract.pipeline import extract, load_pipeline
from partnerkg.extract.read import read
from partnerkg.extract.resolve import resolve


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def _resolved(nlp, tmp_path: Path, markdown: str) -> Resolved:
    path = tmp_path / "2030-03.md"
    path.write_text("# Acme Partnership Newsletter\n\n" + markdown, "utf-8")
    return resolve([extract(read(path), nlp)])


def _resolved_issues(nlp, tmp_path: Path, issues: dict[str, str]) -> Resolved:
    """Issues (month -> markdown) extracted and resolved together."""
    for month, markdown in issues.items():
        (tmp_path / f"{month}.md").write_text("# Acme Newsletter\n\n" + markdown, "utf-8")
    return resolve([extract(read(tmp_path / f"{month}.md"), nlp) for month in issues])


def _names(resolved: Resolved, kind: EntityKind) -> list[str]:
    return sorted(e.name for e in resolved.entities if e.kind is kind)


def _dates(entity: Entity) -> tuple[str | None, str | None]:
    return entity.attributes.get("start_date"), entity.attributes.get("end_date")


def _pairs(resolved: Resolved, relation: Relation) -> set[tuple[str, str]]:
    name = {e.key: e.name for e in resolved.entities}
    return {(name[f.subject], name[f.object]) for f in resolved.facts if f.relation is relation}


def test_a_heading_about_someone_presenting_at_an_event_names_that_event_once(
    nlp, tmp_path: Path
) -> None:
    resolved = _resolved(nlp, tmp_path, (
        "## Updates\n\n"
        "### Research Fellow Jane Okafor presenting at Acme Conference 2030\n\n"
        "Our research fellow Jane will be presenting her work at the International Acme "
        "Conference on Graph Learning (Acme) in Westby.\n"
    ))
    (event,) = [e for e in resolved.entities if e.kind is EntityKind.EVENT]
    assert {event.name, *event.alternate_names} >= {
        "Acme Conference 2030", "International Acme Conference on Graph Learning"}
    assert _pairs(resolved, Relation.SPEAKER) == {(event.name, "Jane Okafor")}


@pytest.mark.parametrize(("heading", "event"), [
    pytest.param("Partnership at NeurIPS 2030", "NeurIPS 2030", id="at an event with a year"),
    pytest.param("Acme researchers attending the Westby Soil Symposium",
                 "Westby Soil Symposium", id="attending a named symposium"),
])
def test_a_dated_heading_about_who_goes_to_an_event_names_that_event(
        nlp, tmp_path: Path, heading: str, event: str) -> None:
    resolved = _resolved(nlp, tmp_path, (
        f"## Updates\n\n### {heading}\n\n**1-7 December 2030**\n\nOur Research Associate Jin "
        "Woo presented a poster there, and Theme Lead Ama Boateng gave an invited talk.\n"))
    assert _names(resolved, EntityKind.EVENT) == [event]


def test_a_dated_heading_about_who_is_at_a_university_names_no_event(
        nlp, tmp_path: Path) -> None:
    resolved = _resolved(nlp, tmp_path, (
        "## Updates\n\n### Partnership at Westby University\n\n**1 December 2030**\n\n"
        "Our team visited Westby.\n"))
    assert "Westby University" not in _names(resolved, EntityKind.EVENT)


def test_a_heading_speaker_at_an_event_the_item_does_not_date(nlp, tmp_path: Path) -> None:
    resolved = _resolved(nlp, tmp_path, (
        "## Updates\n\n"
        "### Theme Lead Tomas Berg speaker at Human-Centred AI Book Launch Event\n\n"
        "Tomas joined an evening marking the publication of a new book.\n"
    ))
    assert "Human-Centred AI Book Launch Event" in _names(resolved, EntityKind.EVENT)
    assert ("Human-Centred AI Book Launch Event", "Tomas Berg") in _pairs(
        resolved, Relation.SPEAKER)


def test_the_role_of_in_a_dated_heading_is_no_job(nlp, tmp_path: Path) -> None:
    resolved = _resolved(nlp, tmp_path, (
        "## Events\n\n"
        "### The Role of Foundation Models for Genomics\n\n"
        "**09 May 2030**\n\n"
        "The Westby Genomics Group are hosting a hybrid meeting on this theme.\n"
    ))
    assert _names(resolved, EntityKind.EVENT) == ["The Role of Foundation Models for Genomics"]
    assert _names(resolved, EntityKind.OPPORTUNITY) == []


def test_a_call_for_papers_dates_the_workshop_its_labelled_line_names(
    nlp, tmp_path: Path
) -> None:
    resolved = _resolved(nlp, tmp_path, (
        "## Other Opportunities\n\n"
        "### Call for papers at the Robust Imaging Workshop\n\n"
        "**Paper submission deadline: 26 April 2030**\n\n"
        "**Workshop: 03-09 August 2030**\n\n"
        "Submit short papers on robust medical imaging.\n"
    ))
    workshop = next(e for e in resolved.entities if "Robust Imaging Workshop" in e.name)
    assert _dates(workshop) == ("2030-08-03", "2030-08-09")


def test_an_event_held_at_a_named_week_is_a_second_event(nlp, tmp_path: Path) -> None:
    resolved = _resolved(nlp, tmp_path, (
        "## Events\n\n"
        "### Acme Health Explorers at Northby Data Week\n\n"
        "**13 June 2030**\n\n"
        "Join this event, hosted as part of Northby's Data Week, to find out more.\n"
    ))
    assert _names(resolved, EntityKind.EVENT) == [
        "Acme Health Explorers at Northby Data Week", "Northby Data Week"]


def test_a_quoted_talk_title_is_an_event(nlp, tmp_path: Path) -> None:
    resolved = _resolved(nlp, tmp_path, (
        "## Updates\n\n"
        "### Jane Okafor travels to Westby\n\n"
        "Her talk 'Learning Sparse Graphs from Incomplete Records' will be on the second day.\n"
    ))
    assert "Learning Sparse Graphs from Incomplete Records" in _names(resolved, EntityKind.EVENT)


def test_a_prose_paper_item_over_an_unheaded_team_list_is_a_paper(
    nlp, tmp_path: Path
) -> None:
    resolved = _resolved(nlp, tmp_path, (
        "## Publication of the Month\n\n"
        "### Measuring the utility of synthetic records\n\n"
        "This month's paper is on a toolkit for synthetic data. It is written by Professor "
        "Mira Holt and colleagues.\n\n"
        "The Acme Partnership team\n\n"
        "- Tomas Berg, Westby University, Partnership Lead\n"
        "- Jane Okafor, Acme, Partnership Deputy Lead\n"
        "- Ryan Cole, Acme, Partnership Manager\n"
    ))
    title = "Measuring the utility of synthetic records"
    assert _names(resolved, EntityKind.PUBLICATION) == [title]
    assert _pairs(resolved, Relation.AUTHOR) == {(title, "Mira Holt")}


def test_an_events_short_form_and_its_heading_name_are_no_organisations(
    nlp, tmp_path: Path
) -> None:
    resolved = _resolved(nlp, tmp_path, (
        "## Events\n\n"
        "### Westby Digital Epidemiology School 2030\n\n"
        "**12 July 2030**\n\n"
        "The Westby Centre for Epidemiology is hosting the 4th Westby Digital Epidemiology "
        "School, held alongside the International Conference on Graph Health (GraphHealth). "
        "Apply to join the Royal Westby Society (RWS) AI Task Force.\n"
    ))
    organisations = _names(resolved, EntityKind.ORGANISATION)
    assert "Westby Centre for Epidemiology" in organisations
    assert any(name.endswith("AI Task Force") for name in organisations)
    assert not any("School" in name or "GraphHealth" in name for name in organisations)


def test_a_person_an_event_item_introduces_with_a_role_speaks(nlp, tmp_path: Path) -> None:
    resolved = _resolved(nlp, tmp_path, (
        "## Events\n\n"
        "### Acme Seminar: Robots in the Clinic\n\n"
        "**01 May 2030**\n\n"
        "This month: Nadia Rahman, Professor of Robotics at Westby University. Questions to "
        "Owen Clarke, Events Officer at Acme, or contact him by e-mail.\n"
    ))
    assert {p for _, p in _pairs(resolved, Relation.SPEAKER)} == {"Nadia Rahman"}


def test_a_linked_title_after_a_paper_noun_and_a_labelled_heading_are_papers(
    nlp, tmp_path: Path
) -> None:
    resolved = _resolved(nlp, tmp_path, (
        "## Updates\n\n"
        "### First Partnership Paper Published: Learning from Sparse Soil Records\n\n"
        "Our first paper is out in a journal.\n\n"
        "### The Westby guide has grown\n\n"
        "The guide launched a new chapter on [Licences for Shared Soil Models]"
        "(https://example.org/licences) this month.\n"
    ))
    assert _names(resolved, EntityKind.PUBLICATION) == [
        "Learning from Sparse Soil Records", "Licences for Shared Soil Models"]


@pytest.mark.parametrize(
    "markdown",
    [
        "## Publications\n\n### Sparse models for soil records\n\nBy Nadia Rahman, Tomas Berg "
        "and Mira Holt. Published in Nature Medicine.\n",
        "## Publications\n\n**Sparse models for soil records**\n\nNadia Rahman, Tomas Berg, Mira "
        "Holt\n\nNature Medicine, 2030\n",
    ],
)
def test_a_byline_under_a_papers_title_lists_its_authors(nlp, tmp_path: Path, markdown) -> None:
    resolved = _resolved(nlp, tmp_path, markdown)
    assert {p for _, p in _pairs(resolved, Relation.AUTHOR)} == {
        "Nadia Rahman", "Tomas Berg", "Mira Holt"}


def test_the_items_event_named_in_its_text_with_the_headings_words_is_one_event(
    nlp, tmp_path: Path
) -> None:
    resolved = _resolved(nlp, tmp_path, (
        "## Events\n\n### Soil and Water: Acme and Globex Summer School 2030\n\n"
        "**01-05 July 2030**\n\n"
        "Acme and Globex are organising a Soil and Water Summer School with talks and projects.\n"
    ))
    assert len(_names(resolved, EntityKind.EVENT)) == 1


@pytest.mark.parametrize(
    ("markdown", "pairs"),
    [
        pytest.param(
            "## Publication of the Month\n\n**The Clinical Model Audit**\n\n"
            "Check out this paper on auditing clinical models. Lina Haddad from the University "
            "of Westby and colleagues explore how testing misses the risks models pose in "
            "clinics.\n",
            {("The Clinical Model Audit", "Lina Haddad")},
            id="the sentence after a paper's carries its authors"),
        pytest.param(
            "## Publication of the Month\n\n### Sparse models for soil records\n\n"
            "Nadia Rahman and colleagues at Westby University show that sparse models travel "
            "well.\n",
            {("Sparse models for soil records", "Nadia Rahman")},
            id="a name before 'and colleagues' in a paper item"),
        pytest.param(
            "## Recent papers\n\n"
            "- Nadia Rahman, Tomas Berg et al. 'Sparse models for soil records', Nature Medicine "
            "(2030).\n"
            "- Mira Holt and Owen Clarke. 'Graph learning in the clinic', The Lancet (2030).\n",
            {("Sparse models for soil records", "Nadia Rahman"),
             ("Sparse models for soil records", "Tomas Berg"),
             ("Graph learning in the clinic", "Mira Holt"),
             ("Graph learning in the clinic", "Owen Clarke")},
            id="each reference in a list of papers has its own authors"),
        pytest.param(
            "## Recent Papers\n\n"
            "- [Fair risk scores for kidney injury](https://doi.org/10.1000/abc1), by Aisha "
            "Bello, Oliver Hughes and Fiona Walsh, Nature Medicine\n"
            "- [Graph networks for drug repurposing](https://doi.org/10.1000/abc2), Marco Rossi "
            "and Lena Fischer, Bioinformatics\n",
            {("Fair risk scores for kidney injury", "Aisha Bello"),
             ("Fair risk scores for kidney injury", "Oliver Hughes"),
             ("Fair risk scores for kidney injury", "Fiona Walsh"),
             ("Graph networks for drug repurposing", "Marco Rossi"),
             ("Graph networks for drug repurposing", "Lena Fischer")},
            id="the names right after a linked title"),
        pytest.param(
            "## Publications\n\n'Sparse models for soil records in the field' (James Wilson and "
            "Sarah Thompson) is out now in Nature Medicine.\n",
            {("Sparse models for soil records in the field", "James Wilson"),
             ("Sparse models for soil records in the field", "Sarah Thompson")},
            id="a quoted title in a publications section with no item heading"),
        pytest.param(
            "## Publication of the Month\n\n**Sparse models for soil records**\n\n"
            "Published in Soil Letters, [this paper](http://example.org/p) by Prof James Wilson "
            "and colleagues explores sparse models.\n\n"
            "Prof Wilson also gave a Westby Lecture on 'What sparse models can tell us about "
            "soil' last year.\n",
            {("Sparse models for soil records", "James Wilson")},
            id="a quoted lecture title in a paper item is no second paper"),
        pytest.param(
            "## Featured Community Scholar\n\nThis month we meet Jane Doe, a PhD student at "
            "Westby University.\n\nI am a PhD student. Last year I published 'Sparse models "
            "for soil records in the field' with my supervisor John Roe.\n",
            {("Sparse models for soil records in the field", "Jane Doe"),
             ("Sparse models for soil records in the field", "John Roe")},
            id="what the interviewed scholar published, and with whom"),
        pytest.param(
            "## Featured Community Scholar\n\nThis month we meet Jane Doe, a PhD student at "
            "Westby University.\n\nI am a PhD student. I co-authored a paper, 'Sparse models "
            "for soil records in the field', with John Roe.\n",
            {("Sparse models for soil records in the field", "Jane Doe"),
             ("Sparse models for soil records in the field", "John Roe")},
            id="what the interviewed scholar co-authored"),
        pytest.param(
            "## Featured Community Scholar\n\nThis month we meet Jane Doe, a PhD student at "
            "Westby University.\n\nI am a PhD student. My paper 'Sparse models for soil "
            "records in the field' was accepted at MICCAI.\n",
            {("Sparse models for soil records in the field", "Jane Doe")},
            id="the interviewed scholar's own paper"),
        pytest.param(
            "## Updates\n\n### Partnership news\n\nOur Senior Research Associate Rohan "
            "Chakraborty gave a talk at the Acme Forum.\n\nRohan Chakraborty recently "
            "co-authored 'Sparse models for soil records in the field' with Prof Yoshua "
            "Bengio.\n",
            {("Sparse models for soil records in the field", "Rohan Chakraborty"),
             ("Sparse models for soil records in the field", "Yoshua Bengio")},
            id="a person named before, whose name the NER takes for an organisation here"),
        pytest.param(
            "## Updates\n\n### Paper news\n\nThe paper 'Sparse models for soil records in the "
            "field' was published this month. Congratulations Chris Banerji!\n",
            {("Sparse models for soil records in the field", "Chris Banerji")},
            id="congratulations without 'to' after the paper's sentence"),
        pytest.param(
            "## Updates\n\n### Partnership papers\n\n- Chris Banerji: 'Sparse models for soil "
            "records in the field', Nature Medicine\n",
            {("Sparse models for soil records in the field", "Chris Banerji")},
            id="a reference that opens with its author and a colon"),
        pytest.param(
            "## Updates\n\n### Publication of the Month\n\n**Sparse models for soil records in "
            "the field**\n\nAuthors: Chris Banerji, Tomas Berg\n\nJournal: Nature Medicine\n",
            {("Sparse models for soil records in the field", "Chris Banerji"),
             ("Sparse models for soil records in the field", "Tomas Berg")},
            id="a bold title under an item heading 'Publication of the Month'"),
        pytest.param(
            "## Community\n\n### Community Scholar Blog: Why soil records matter\n\nOur "
            "community scholar Aiko Tanaka has written a blog post about soil records.\n",
            {("Why soil records matter", "Aiko Tanaka")},
            id="a blog's title after its heading's label, and who has written it"),
        *(pytest.param(
            f"## Updates\n\n### {heading}\n\n'Sparse models for soil records in the field' "
            "appeared in Nature Medicine.\n\n## Team\n\n- Chris Banerji, Acme University, "
            "Research Associate\n",
            {("Sparse models for soil records in the field", "Chris Banerji")},
            id=f"a heading's author the issue names elsewhere: {heading}")
          for heading in ("New paper from Chris Banerji", "Chris Banerji publishes in Nature "
                          "Medicine", "Congratulations to Chris Banerji on his new paper")),
        pytest.param(
            "## Updates\n\n### New Partnership Publication: Sparse models for soil records\n\n"
            "The paper, led by Jane Doe with Mark Smith, is out in Nature Medicine. [Read the "
            "paper here](https://doi.org/10.1/abc).\n",
            {("Sparse models for soil records", "Jane Doe"),
             ("Sparse models for soil records", "Mark Smith")},
            id="a call to read the paper is no title of its own"),
        pytest.param(
            "## Updates\n\n### New Partnership Publication: Sparse models for soil records\n\n"
            "Jane Doe has first-authored a new paper with Mark Smith.\n",
            {("Sparse models for soil records", "Jane Doe"),
             ("Sparse models for soil records", "Mark Smith")},
            id="has first-authored a paper with"),
        pytest.param(
            "## Updates\n\n### New Partnership Publication: Charting soil trajectories with "
            "Ricci flow\n\nOur partnership team members Rafael Hoffmann, Dmitri Larsen and Ama "
            "Nowak have a [new paper](https://doi.org/10.1234/soil.8) 'Charting soil trajectories "
            "with Ricci flow' published in Soil Communications.\n",
            {("Charting soil trajectories with Ricci flow", "Rafael Hoffmann"),
             ("Charting soil trajectories with Ricci flow", "Dmitri Larsen"),
             ("Charting soil trajectories with Ricci flow", "Ama Nowak")},
            id="names the parser left without a verb before 'have a new paper'"),
        pytest.param(
            "## Publication of the Month\n\n### Sparse models for soil records\n\n"
            "Authors: Mira Holt, Owen Clarke, Lina Haddad\n\nPublished in Soil Science, this "
            "paper explores sparse models. [Read it here](https://doi.org/10.1234/a6).\n",
            {("Sparse models for soil records", "Mira Holt"),
             ("Sparse models for soil records", "Owen Clarke"),
             ("Sparse models for soil records", "Lina Haddad")},
            id="an 'Authors:' line"),
        pytest.param(
            "## Updates\n\n### New paper\n\nMira Holt, a PhD student at Westby University, has "
            "published '[Sparse models for soil records](https://doi.org/10.1234/a7)' with her "
            "supervisor Owen Clarke.\n",
            {("Sparse models for soil records", "Mira Holt"),
             ("Sparse models for soil records", "Owen Clarke")},
            id="published 'Title' with her supervisor"),
        pytest.param(
            "## Updates\n\n### Congratulations\n\nCongratulations to Mira Holt, whose paper "
            "'[Sparse models for soil records](https://doi.org/10.1234/a10)' with Owen Clarke has "
            "been accepted at Soil Science.\n",
            {("Sparse models for soil records", "Mira Holt"),
             ("Sparse models for soil records", "Owen Clarke")},
            id="Congratulations to X, whose paper"),
        pytest.param(
            "## Updates\n\n### Paper news\n\nNadia Rahman is the first author of 'Sparse models "
            "for soil records', published in Nature Medicine this month.\n",
            {("Sparse models for soil records", "Nadia Rahman")},
            id="X is the first author of 'Title' (a name the NER calls an organisation)"),
        pytest.param(
            "## Updates\n\n### Paper news\n\nTomas Berg co-led the paper 'Sparse models for "
            "soil records' with Mira Holt.\n",
            {("Sparse models for soil records", "Tomas Berg"),
             ("Sparse models for soil records", "Mira Holt")},
            id="co-led the paper 'Title' with Y"),
        pytest.param(
            "## Updates\n\n### New paper\n\nMira Holt's latest paper, 'Sparse models for soil "
            "records', written with Owen Clarke, is out in Nature Medicine.\n",
            {("Sparse models for soil records", "Mira Holt"),
             ("Sparse models for soil records", "Owen Clarke")},
            id="X's paper, 'Title', written with Y"),
        pytest.param(
            "## Updates\n\n### Paper news\n\nMira Holt has teamed up with Owen Clarke to write "
            "'Sparse models for soil records', out now in Nature Medicine.\n",
            {("Sparse models for soil records", "Mira Holt"),
             ("Sparse models for soil records", "Owen Clarke")},
            id="X has teamed up with Y to write 'Title'"),
        pytest.param(
            "## Updates\n\n### Paper news\n\n'Sparse models for soil records', a collaboration "
            "between Mira Holt and Owen Clarke, is out now in Nature Medicine.\n",
            {("Sparse models for soil records", "Mira Holt"),
             ("Sparse models for soil records", "Owen Clarke")},
            id="'Title', a collaboration between X and Y"),
        pytest.param(
            "## Publications\n\n### Sparse models for soil records\n\nNadia Rahman (Westby "
            "University), Tomas Berg (Roche)\n\nNature Medicine, 2030\n",
            {("Sparse models for soil records", "Nadia Rahman"),
             ("Sparse models for soil records", "Tomas Berg")},
            id="a byline with each author's employer in brackets"),
        pytest.param(
            "## Publications\n\n### Paper: Sparse models for soil records\n\nMira Holt and Owen "
            "Clarke, Nature Medicine (2030). [Read the paper](https://doi.org/10.1234/x1)\n",
            {("Sparse models for soil records", "Mira Holt"),
             ("Sparse models for soil records", "Owen Clarke")},
            id="a byline that ends on the venue and year"),
        pytest.param(
            "## Updates\n\n### New paper by Mira Holt and Owen Clarke\n\nThe paper, 'Sparse "
            "models for soil records', appeared in Nature Medicine.\n",
            {("Sparse models for soil records", "Mira Holt"),
             ("Sparse models for soil records", "Owen Clarke")},
            id="every name a heading lists after 'by'"),
        pytest.param(
            "## Updates\n\n### Paper news\n\nCheck out the latest paper from Mira Holt's lab, "
            "'Sparse models for soil records', in Nature Medicine.\n",
            {("Sparse models for soil records", "Mira Holt")},
            id="the paper from X's lab (a name the NER calls an organisation)"),
        pytest.param(
            "## Updates\n\n### Paper news\n\nMira Holt's 'Sparse models for soil records' is "
            "out in Nature Medicine.\n",
            {("Sparse models for soil records", "Mira Holt")},
            id="X's 'Title'"),
        pytest.param(
            "## Updates\n\n### Paper news\n\nSparse models for soil records, a new paper by Mira "
            "Holt and Owen Clarke, is out in Nature Medicine.\n",
            {("Sparse models for soil records", "Mira Holt"),
             ("Sparse models for soil records", "Owen Clarke")},
            id="an unquoted title in apposition to 'a new paper by'"),
        pytest.param(
            "## Featured Community Scholar\n\nThis month we meet Jane Doe, a PhD student at "
            "Westby University.\n\nMy paper 'Sparse models for soil records in the field' came "
            "out last month in Nature Medicine.\n",
            {("Sparse models for soil records in the field", "Jane Doe")},
            id="the scholar's own paper, with no 'I' sentence before"),
        pytest.param(
            "## Updates\n\n### Sparse models for soil records\n\nThe paper was co-authored by "
            "Community Scholar Mira Holt.\n",
            {("Sparse models for soil records", "Mira Holt")},
            id="an item headed by its paper's title: 'the paper'"),
        pytest.param(
            "## Updates\n\n### Sparse models for soil records\n\nMira Holt, Owen Clarke and Lina "
            "Haddad have published a paper on sparse models.\n",
            {("Sparse models for soil records", "Mira Holt"),
             ("Sparse models for soil records", "Owen Clarke"),
             ("Sparse models for soil records", "Lina Haddad")},
            id="an item headed by its paper's title: 'have published a paper'"),
        pytest.param(
            "## Updates\n\n### Sparse models for soil records\n\nThis paper, by Mira Holt and "
            "Owen Clarke, shows that sparse models travel well.\n",
            {("Sparse models for soil records", "Mira Holt"),
             ("Sparse models for soil records", "Owen Clarke")},
            id="this paper, by X and Y"),
        pytest.param(
            "## Updates\n\n### New publication\n\nMira Holt and Owen Clarke, 'Sparse models for "
            "soil records', Nature Medicine, 2030.\n",
            {("Sparse models for soil records", "Mira Holt"),
             ("Sparse models for soil records", "Owen Clarke")},
            id="a reference: names, a comma, the quoted title"),
        pytest.param(
            "## Updates\n\n### Sparse models for soil records\n\nMira Holt's [new preprint]"
            "(https://doi.org/10.1234/a1) shows that sparse models travel well.\n",
            {("Sparse models for soil records", "Mira Holt")},
            id="an item headed by its paper's title: X's [new preprint](doi)"),
        pytest.param(
            "## Publications\n\n**Sparse models for soil records**\n*Nadia Rahman, Tomas Berg*\n"
            "Nature Medicine (2030)\n",
            {("Sparse models for soil records", "Nadia Rahman"),
             ("Sparse models for soil records", "Tomas Berg")},
            id="a bold title over an italic byline over its venue"),
        pytest.param(
            "## Publications\n\n- **Sparse models for soil records**, Nadia Rahman, Tomas Berg. "
            "*Nature Medicine*, 2030.\n"
            "- *Graph learning in the clinic*. Mira Holt and Owen Clarke. The Lancet (2030).\n",
            {("Sparse models for soil records", "Nadia Rahman"),
             ("Sparse models for soil records", "Tomas Berg"),
             ("Graph learning in the clinic", "Mira Holt"),
             ("Graph learning in the clinic", "Owen Clarke")},
            id="references that open with their titles"),
        pytest.param(
            "## Updates\n\n### New paper\n\nNadia Rahman and Tomas Berg wrote about soil data in "
            "'Sparse models for soil records', published this month.\n",
            {("Sparse models for soil records", "Nadia Rahman"),
             ("Sparse models for soil records", "Tomas Berg")},
            id="X and Y wrote about … in 'Title'"),
        pytest.param(
            "## Updates\n\n### New paper\n\n\"Sparse models for soil records\" (Rahman and Berg, "
            "2030) is now out. Nadia Rahman and Tomas Berg are both Turing Fellows.\n",
            {("Sparse models for soil records", "Nadia Rahman"),
             ("Sparse models for soil records", "Tomas Berg")},
            id="'Title' (Surname and Surname, year)"),
        pytest.param(
            "## Updates\n\n### Paper accepted\n\nJane Doe presented \"Sparse models for soil "
            "records\", joint work with Tomas Berg, at NeurIPS.\n",
            {("Sparse models for soil records", "Jane Doe"),
             ("Sparse models for soil records", "Tomas Berg")},
            id="X presented 'Title', joint work with Y"),
        pytest.param(
            "## Partnership Updates\n\n### Sparse models for soil records\n\nOur team members "
            "Nadia Rahman and Tomas Berg have written an article on soil models, now out in "
            "Nature Medicine ([read it here](https://www.nature.com/articles/s41591-023-02536-6))."
            "\n",
            {("Sparse models for soil records", "Nadia Rahman"),
             ("Sparse models for soil records", "Tomas Berg")},
            id="a heading over 'have written an article' and a link to 'read it here'"),
        *(pytest.param(
            f"## Partnership Updates\n\n### {heading}\n\n{text}\n",
            {("Sparse models for soil records", "Nadia Rahman"),
             ("Sparse models for soil records", "Tomas Berg")}, id=case)
          for case, heading, text in [
            ("a new preprint from two people, linked on 'arXiv'", "Sparse models for soil records",
             "A new preprint from partnership researchers Nadia Rahman and Tomas Berg is now "
             "available on [arXiv](https://arxiv.org/abs/2301.01234)."),
            ("a labelled preprint whose text opens 'X and Y explore'",
             "New preprint: Sparse models for soil records",
             "Nadia Rahman and Tomas Berg explore how sparse models travel. [Read the preprint]"
             "(https://www.medrxiv.org/content/10.1101/2023.01.01.23284000v1)."),
            ("each author's employer in brackets is no author", "Sparse models for soil records",
             "Nadia Rahman (Westby University) and Tomas Berg (Acme Bio) have a new paper out in "
             "Nature Medicine. You can read the full text [here](https://doi.org/10.1234/a1)."),
            ("'this paper by' and a bare '[Preprint]' link", "Sparse models for soil records",
             "This paper by Nadia Rahman and Tomas Berg was accepted at NeurIPS 2030. "
             "[Preprint](https://arxiv.org/abs/2301.01234)"),
          ]),
        *(pytest.param(
            "## Featured Community Scholar of the Month\n\nThis month's scholar is Nadia Rahman, "
            f"from Westby University.\n\n**Tell us about your research:**\n\n{answer}\n",
            {("Sparse models for soil records", name) for name in names}, id=case)
          for case, answer, names in [
            ("the scholar wrote a quoted title with someone named before 'I'",
             "Together with Tomas Berg, I wrote 'Sparse models for soil records', which was "
             "published last month.", ("Nadia Rahman", "Tomas Berg")),
            ("the scholar's preprint 'written with' someone",
             "I'm a PhD student. My recent preprint, [Sparse models for soil records]"
             "(https://doi.org/10.1234/a1), written with Tomas Berg, shows how models travel.",
             ("Nadia Rahman", "Tomas Berg")),
            ("the scholar is first author of a linked paper",
             "I'm a PhD student. I am the first author of [Sparse models for soil records]"
             "(https://doi.org/10.1234/a1), published in Nature Medicine.", ("Nadia Rahman",)),
            ("'our paper', co-authored with my supervisor",
             "I'm a PhD student. Our paper [Sparse models for soil records](https://doi.org/10."
             "1234/a1), co-authored with my supervisor Prof Tomas Berg, was published in "
             "Biometrics.", ("Nadia Rahman", "Tomas Berg")),
            ("the scholar's favourite paper is someone else's",
             "My favourite paper is [Sparse models for soil records](https://doi.org/10.1234/a1) "
             "by Tomas Berg. It changed how I think.", ("Tomas Berg",)),
          ]),
    ],
)
def test_a_paper_items_authors(nlp, tmp_path: Path, markdown: str, pairs) -> None:
    assert _pairs(_resolved(nlp, tmp_path, markdown), Relation.AUTHOR) == pairs


_LINKED = "[Sparse models for soil records](https://doi.org/10.1234/a1)"


@pytest.mark.parametrize("heading", [
    pytest.param("Amara Obi", id="a name alone"),
    pytest.param("Featured Community Scholar: Amara Obi", id="a label and a name"),
    pytest.param("Meet Amara Obi", id="a cue and a name"),
])
def test_a_scholar_named_only_by_the_heading_over_a_first_person_text_wrote_what_i_wrote(
        nlp, tmp_path: Path, heading: str) -> None:
    resolved = _resolved(nlp, tmp_path, (
        f"## Featured Community Scholar\n\n### {heading}\n\n**Tell us about yourself**\n\n"
        f"I am a PhD student at Westby University. Last year I published {_LINKED} with my "
        "supervisor Prof Tomas Berg.\n"))
    assert _pairs(resolved, Relation.AUTHOR) == {
        ("Sparse models for soil records", "Amara Obi"),
        ("Sparse models for soil records", "Tomas Berg")}


@pytest.mark.parametrize(("sentence", "speaks"), [
    pytest.param("Last month I presented my work at the Westby Soil Conference 2030.", True,
                 id="I presented my work at"),
    pytest.param("In July I will give a talk at the Westby Soil Conference 2030.", True,
                 id="I will give a talk at"),
    pytest.param("I attended the Westby Soil Conference 2030, where I heard great talks.", False,
                 id="I attended"),
])
def test_the_scholar_speaks_at_the_event_they_say_they_presented_at(
        nlp, tmp_path: Path, sentence: str, speaks: bool) -> None:
    resolved = _resolved(nlp, tmp_path, (
        "## Featured Community Scholar\n\nThis month's scholar is Amara Obi, a PhD student at "
        f"Westby University.\n\n**What have you been up to?**\n\n{sentence}\n"))
    assert _pairs(resolved, Relation.SPEAKER) == (
        {("Westby Soil Conference 2030", "Amara Obi")} if speaks else set())


@pytest.mark.parametrize(("sentence", "employers"), [
    pytest.param("I recently joined Westby University as a Lecturer in Biostatistics.",
                 {"Westby University"}, id="I recently joined"),
    pytest.param("I am a research associate with the Westby Centre for Soil Data, part of Westby "
                 "University.", {"Westby Centre for Soil Data", "Westby University"},
                 id="a unit, part of a university"),
])
def test_where_the_scholar_says_they_work(nlp, tmp_path: Path, sentence: str,
                                          employers: set[str]) -> None:
    resolved = _resolved(nlp, tmp_path, (
        "## Featured Community Scholar\n\nThis month's scholar is Nadia Rahman.\n\n**Tell us about "
        f"yourself**\n\n{sentence}\n"))
    assert {org for _, org in _pairs(resolved, Relation.AFFILIATION)} == employers


def test_a_heading_of_common_words_over_a_first_person_text_is_nobody(
        nlp, tmp_path: Path) -> None:
    resolved = _resolved(nlp, tmp_path, (
        "## Featured Community Scholar\n\n### Data Science Journeys\n\n"
        f"I wrote {_LINKED} during my PhD.\n"))
    assert _names(resolved, EntityKind.PERSON) == []


@pytest.mark.parametrize("sentence", [
    pytest.param(f"Nadia Rahman and Tomas Berg describe their new method in {_LINKED}.",
                 id="X and Y describe … in [Title]"),
    pytest.param(f"Nadia Rahman teamed up with Tomas Berg on {_LINKED}.",
                 id="X teamed up with Y on [Title]"),
    pytest.param(f"Nadia Rahman and Tomas Berg's {_LINKED} is out in Nature Medicine.",
                 id="X and Y's [Title]"),
    pytest.param(f"New from Nadia Rahman and Tomas Berg: {_LINKED}.", id="New from X and Y:"),
    pytest.param(f"Nadia Rahman is lead author on {_LINKED}, with Tomas Berg as senior author.",
                 id="lead author on, with Y as senior author"),
    pytest.param(f"Nadia Rahman (first author) and Tomas Berg (senior author) report in {_LINKED} "
                 "that sparse models travel.", id="X (first author) and Y (senior author)"),
    pytest.param(f"Nadia Rahman co-wrote {_LINKED} with Tomas Berg.", id="X co-wrote … with Y"),
    pytest.param(f"Nadia Rahman has a new paper with Tomas Berg: {_LINKED}.",
                 id="X has a new paper with Y"),
    pytest.param(f"Our Research Fellow Nadia Rahman presented {_LINKED} at JSM 2030. The paper "
                 "was co-written with Tomas Berg.",
                 id="presented it; the paper was co-written with Y"),
    pytest.param(f"Nadia Rahman and Tomas Berg have posted a new preprint, {_LINKED}.",
                 id="X and Y have posted a preprint"),
    pytest.param(f"Nadia Rahman and Tomas Berg have co-written a chapter, {_LINKED}, in the "
                 "Handbook of Soil Data.", id="X and Y have co-written"),
    pytest.param(f"Nadia Rahman is the lead author of {_LINKED}, published this month in Nature "
                 "Medicine together with Theme Lead Tomas Berg.",
                 id="published in Nature together with Y"),
])
def test_the_authors_of_a_paper_linked_by_doi(nlp, tmp_path: Path, sentence: str) -> None:
    resolved = _resolved(nlp, tmp_path, f"## Updates\n\n### New paper\n\n{sentence}\n")
    assert _pairs(resolved, Relation.AUTHOR) == {
        ("Sparse models for soil records", "Nadia Rahman"),
        ("Sparse models for soil records", "Tomas Berg")}


def test_someone_quoted_on_a_paper_is_no_author(nlp, tmp_path: Path) -> None:
    resolved = _resolved(nlp, tmp_path, (
        f"## Updates\n\n### Media coverage\n\nOur partnership paper {_LINKED} was featured in "
        "New Scientist, with comments from Prof Hal Diaz, who was not involved in the study.\n"))
    assert _pairs(resolved, Relation.AUTHOR) == set()


def test_an_imperative_before_a_linked_title_is_not_part_of_it(nlp, tmp_path: Path) -> None:
    resolved = _resolved(nlp, tmp_path, (
        f"## Updates\n\n### New preprint\n\nRead {_LINKED}, a new preprint from Nadia Rahman "
        "(Westby University) and Tomas Berg (Roche).\n"))
    assert _names(resolved, EntityKind.PUBLICATION) == ["Sparse models for soil records"]


def test_the_journal_after_a_linked_title_is_no_person_and_no_author(
    nlp, tmp_path: Path
) -> None:
    resolved = _resolved(nlp, tmp_path, (
        "## Updates\n\n### New paper\n\nAuthors: Nadia Rahman, Tomas Berg and Mira Holt\n\n"
        "[Sparse models for soil records](https://doi.org/10.1234/a1), Nature Medicine, 2030.\n"))
    assert "Nature Medicine" not in _names(resolved, EntityKind.PERSON)
    assert {person for _, person in _pairs(resolved, Relation.AUTHOR)} == {
        "Nadia Rahman", "Tomas Berg", "Mira Holt"}


@pytest.mark.parametrize(
    ("sentence", "venue", "doi"),
    [
        pytest.param("was published in the journal Patterns (doi:10.1016/j.patter.2030.100123).",
                     "Patterns", "10.1016/j.patter.2030.100123", id="the journal X and doi:"),
        pytest.param("appeared in Nature Medicine this month. DOI: 10.1038/s41591-030-01234-5",
                     "Nature Medicine", "10.1038/s41591-030-01234-5", id="appeared in, DOI:"),
    ],
)
def test_a_papers_venue_and_printed_doi(nlp, tmp_path: Path, sentence: str, venue: str,
                                        doi: str) -> None:
    resolved = _resolved(nlp, tmp_path, (
        "## Publications\n\n### New paper\n\nOwen Clarke's paper 'Sparse models for soil "
        f"records in the field' {sentence}\n"))
    (paper,) = [e for e in resolved.entities if e.kind is EntityKind.PUBLICATION]
    assert (paper.attributes.get("venue"), paper.attributes.get("doi")) == (venue, doi)


def test_a_heading_that_announces_a_paper_gives_way_to_the_title_its_text_names(
        nlp, tmp_path: Path) -> None:
    resolved = _resolved(nlp, tmp_path, (
        "## Publications\n\n### New paper by James Wilson\n\n"
        "'Sparse models for soil records' appeared in Nature Medicine this month.\n"
    ))
    assert _names(resolved, EntityKind.PUBLICATION) == ["Sparse models for soil records"]
    assert _pairs(resolved, Relation.AUTHOR) == {("Sparse models for soil records", "James Wilson")}


def test_the_full_name_of_the_items_event_with_one_more_word_is_that_event(
        nlp, tmp_path: Path) -> None:
    resolved = _resolved(nlp, tmp_path, (
        "## Events\n\n### Acme Hackathon\n\n**12 May 2030**\n\n"
        "The Acme Health Hackathon brings together clinicians and coders.\n"
    ))
    assert _names(resolved, EntityKind.EVENT) == ["Acme Hackathon"]


def test_the_shorter_name_an_events_text_uses_joins_that_event_in_another_issue(
        nlp, tmp_path: Path) -> None:
    dates = "**Deadline: 30 April 2030**\n\n**Event: 10-12 July 2030**\n\n"
    issues = {"2030-03": f"## Events\n\n### Westby Data Science Ideathon\n\n{dates}Teams "
                         "compete.\n",
              "2030-04": f"## Events\n\n### Westby Trust Data Science Ideathon\n\n{dates}The "
                         "Westby Data Science Ideathon is a competition for teams.\n"}
    resolved = _resolved_issues(nlp, tmp_path, issues)
    assert len(_names(resolved, EntityKind.EVENT)) == 1


def test_a_recaps_fuller_name_in_its_text_joins_the_event_in_another_issue(
        nlp, tmp_path: Path) -> None:
    issues = {"2030-03": "## Events\n\n### Acme Partnership Annual Event 2030\n\n"
                         "**14 March 2030**\n\nOur annual event returns.\n",
              "2030-04": "## Updates\n\n### Highlights from our Annual Event\n\nThe Acme "
                         "Partnership Annual Event on 14 March brought together 200 people.\n"}
    resolved = _resolved_issues(nlp, tmp_path, issues)
    assert _names(resolved, EntityKind.EVENT) == ["Acme Partnership Annual Event 2030"]


def test_a_first_name_the_ner_takes_for_a_place_before_a_paper_is_its_author(
        nlp, tmp_path: Path) -> None:
    resolved = _resolved(nlp, tmp_path, (
        "## Updates\n\n### New publications from our Theme Leads\n\n"
        "Our Theme Leads Nadia Okonkwo and Jonas Rahman also have new papers out.\n\n"
        "Nadia's paper '[Uncertainty quantification of soil records at scale]"
        "(https://doi.org/10.1234/soil.5)' was published in Soil Science with colleagues from "
        "the University of Westby.\n"
    ))
    assert _pairs(resolved, Relation.AUTHOR) == {
        ("Uncertainty quantification of soil records at scale", "Nadia Okonkwo")}


@pytest.mark.parametrize(("paragraphs", "relation", "pair"), [
    ("They will be joined by Prof. Sofia Tanaka from Westby University of Technology. Sofia is "
     "the president of EUROGRAPHICS and a member of the IEEE VIS Steering Committee.",
     Relation.AFFILIATION, ("Sofia Tanaka", "EUROGRAPHICS")),
    ("They will be joined by Prof. Tomasz Bello from Eindhoven University of Technology in "
     "Netherland. Tomasz is the president of EUROGRAPHICS and a member of the IEEE VIS "
     "Steering Committee.", Relation.AFFILIATION, ("Tomasz Bello", "EUROGRAPHICS")),
    ("Our Senior Research Associates Luca Okonkwo and Tomasz Nowak both have new papers.\n\n"
     "Tomasz' paper '[Soil muscle shows perturbation in progenitor cells]"
     "(https://doi.org/10.1234/soil.7)' was published in Soil Genetics.",
     Relation.AUTHOR, ("Soil muscle shows perturbation in progenitor cells", "Tomasz Nowak")),
])
def test_a_first_name_no_entity_holds_before_a_role_or_a_paper_is_that_person(
        nlp, tmp_path: Path, paragraphs: str, relation: Relation, pair) -> None:
    resolved = _resolved(nlp, tmp_path, f"## Updates\n\n### Soil news\n\n{paragraphs}\n")
    assert pair in _pairs(resolved, relation)


@pytest.mark.parametrize(("pair", "first"), [
    ("Oskar Adeyemi and Luca Romano", "Luca"),  # no entity
    ("Aisha Tanaka and Henrik Nilsson", "Henrik"),  # a product, says the NER
])
def test_a_first_name_organises_the_items_event(nlp, tmp_path: Path, pair, first) -> None:
    resolved = _resolved(nlp, tmp_path, (
        "## Events\n\n### Soil Night Hull: soil diagnoses!\n\n**12 May 2030**\n\n"
        f"Our Community Scholars {pair} will be speaking at a Soil Night event in Hull (which "
        f"{first} is also co-organising).\n"
    ))
    assert ("Soil Night Hull: soil diagnoses!", pair.split(" and ")[1]) in _pairs(
        resolved, Relation.ORGANIZER)


def test_the_employer_of_a_seminars_guest_does_not_host_it(nlp, tmp_path: Path) -> None:
    resolved = _resolved(nlp, tmp_path, (
        "## Events\n\n### Acme Seminar: soil causes\n\n**12 May 2030**\n\n"
        "The Acme Causal Interest Group are hosting a hybrid seminar with Dr Tobias Haddad from "
        "the University of Westby. He will discuss how soil methods might be combined.\n"
    ))
    hosts = {org for _, org in _pairs(resolved, Relation.ORGANIZER)}
    assert "University of Westby" not in hosts and "Acme Causal Interest Group" in hosts


def test_a_first_name_the_ner_takes_for_a_place_holds_the_role_it_is_given(
        nlp, tmp_path: Path) -> None:
    resolved = _resolved(nlp, tmp_path, (
        "## Events\n\n### Westby Visualization Webinar\n\n**16 November 2030**\n\n"
        "They will be joined by Prof. Aisha Raghavan from Eindhoven University of Technology in "
        "Netherland. Aisha is the president of EUROGRAPHICS and a member of the IEEE VIS "
        "Steering Committee.\n"
    ))
    assert ("Aisha Raghavan", "EUROGRAPHICS") in _pairs(resolved, Relation.AFFILIATION)


def test_a_titled_surname_the_ner_takes_for_an_organisation_is_the_person(
        nlp, tmp_path: Path) -> None:
    resolved = _resolved(nlp, tmp_path, (
        "## Publication of the month\n\n### Publication of the month\n\n"
        "Published in Proceedings of the Acme Symposium on Soil Computing, [this paper]"
        "(https://doi.org/10.1234/soil.6) by Prof Elif Castillo and colleagues explores soil "
        "records.\n\nProf Castillo also gave a Westby Lecture on 'What are your chances' last "
        "year.\n"
    ))
    assert "Castillo" not in _names(resolved, EntityKind.ORGANISATION)
    assert ("Westby Lecture", "Elif Castillo") in _pairs(resolved, Relation.SPEAKER)


def test_an_event_is_dated_in_the_issues_whose_text_dates_it(nlp, tmp_path: Path) -> None:
    issues = {"2030-03": "## Events\n\n### Soil Data Summit 2030\n\n**14 May 2030**\n\n"
                         "Talks on soil.\n",
              "2030-04": "## Updates\n\n### Acme team at the Soil Data Summit 2030\n\n"
                         "Our team spent the week at the Soil Data Summit 2030.\n"}
    (event,) = [e for e in _resolved_issues(nlp, tmp_path, issues).entities
                if e.kind is EntityKind.EVENT]
    assert (event.issues, event.dated_in) == (("2030-03", "2030-04"), ("2030-03",))


def test_an_events_mixed_case_acronym_joins_its_spelled_out_name_in_another_issue(
        nlp, tmp_path: Path) -> None:
    issues = {"2030-03": "## Events\n\n### Soil Data for Health Equity Annual Conference\n\n"
                         "**14 May 2030**\n\nTalks on soil.\n",
              "2030-04": "## Events\n\n### SDxHE Annual Conference 2030\n\n**14 May 2030**\n\n"
                         "Talks on soil.\n"}
    resolved = _resolved_issues(nlp, tmp_path, issues)
    assert len(_names(resolved, EntityKind.EVENT)) == 1


def test_an_events_acronym_that_skips_with_joins_its_name_in_another_issue(
        nlp, tmp_path: Path) -> None:
    issues = {"2030-02": "## Events\n\n### Soil Modelling with Deep Learning 2030\n\n"
                         "**3-5 July 2030, Lyon**\n\nTalks on soil.\n",
              "2030-06": "## Updates\n\n### Posters at SMDL\n\nThree posters were accepted "
                         "at SMDL 2030 in Lyon next month.\n"}
    resolved = _resolved_issues(nlp, tmp_path, issues)
    assert len(_names(resolved, EntityKind.EVENT)) == 1


def test_the_items_event_name_with_its_head_word_is_that_event(nlp, tmp_path: Path) -> None:
    resolved = _resolved(nlp, tmp_path, (
        "## Events\n\n### Soil Data Live\n\n**21-22 March 2030**\n\n"
        "Westby University will be hosting the Soil Data Live Conference, the UK's national "
        "showcase of soil science.\n"
    ))
    assert _names(resolved, EntityKind.EVENT) == ["Soil Data Live"]


@pytest.mark.parametrize(("sentence", "event"), [
    ("Our team exhibited at Soil Data Live, the UK's national showcase of soil science.",
     "Soil Data Live"),
    ("We visited Westby Data Days - an annual festival of soil science - in May.",
     "Westby Data Days"),
])
def test_a_name_in_apposition_to_an_event_noun_is_an_event(nlp, tmp_path: Path, sentence,
                                                           event) -> None:
    resolved = _resolved(nlp, tmp_path, f"## Updates\n\n### Soil news\n\n{sentence}\n")
    assert _names(resolved, EntityKind.EVENT) == [event]


def test_a_person_before_an_event_noun_in_apposition_is_no_event(nlp, tmp_path: Path) -> None:
    resolved = _resolved(nlp, tmp_path, (
        "## Events\n\n### Soil Methods Club: Soil Records\n\n**12 May 2030**\n\n"
        "Run by our Acme Community Scholar, Jane Doe, the Soil Methods Club series brings "
        "together the community.\n"
    ))
    assert "Jane Doe" not in _names(resolved, EntityKind.EVENT)
    assert "Jane Doe" in _names(resolved, EntityKind.PERSON)


def test_a_talk_given_at_the_event_a_heading_goes_to_makes_speakers_of_that_event(
        nlp, tmp_path: Path) -> None:
    resolved = _resolved(nlp, tmp_path, (
        "## Updates\n\n### Acme team exhibits at the Soil Data Summit\n\n"
        "Our team spent this week at the Soil Data Summit, with a stand on our research.\n\n"
        "Our Theme Leads, Jane Doe and Mark Smith also gave a lightning talk on 'Soil records "
        "for everyone' which will be online soon.\n"
    ))
    assert {("Soil Data Summit", "Jane Doe"), ("Soil Data Summit", "Mark Smith"),
            ("Soil records for everyone", "Jane Doe")} <= _pairs(resolved, Relation.SPEAKER)


def test_a_person_after_a_dash_that_ends_an_event_heading_speaks(nlp, tmp_path: Path) -> None:
    resolved = _resolved(nlp, tmp_path, (
        "## Events\n\n### Graphs in the clinic - James Wilson\n\n**12 May 2030**\n\n"
        "Graph learning is changing medicine.\n"
    ))
    assert _pairs(resolved, Relation.SPEAKER) == {
        ("Graphs in the clinic - James Wilson", "James Wilson")}


@pytest.mark.parametrize(
    ("markdown", "opportunities"),
    [
        pytest.param(
            "## Jobs\n\n### Research Fellow in Causal Machine Learning\n\n"
            "Acme University seeks a fellow to work on causal models.\n",
            ["Research Fellow in Causal Machine Learning"], id="an item in a jobs section"),
        pytest.param(
            "## News\n\n### Data Scientist at Acme University\n\n"
            "Acme University is hiring a data scientist. Apply by 30 June 2030.\n",
            ["Data Scientist at Acme University"], id="a job's title over hiring words"),
        pytest.param(
            "## News\n\n### Meet our Community Scholar: Maria Lopez\n\n"
            "Maria Lopez applies federated learning to rare diseases.\n",
            [], id="a person's introduction is no job"),
    ],
)
def test_a_job_is_an_opportunity(nlp, tmp_path: Path, markdown: str, opportunities) -> None:
    assert _names(_resolved(nlp, tmp_path, markdown), EntityKind.OPPORTUNITY) == opportunities


@pytest.mark.parametrize(
    "markdown",
    [
        pytest.param("## Upcoming Events\n\n- **12 July 2030** - Responsible AI Forum, London. "
                     "Speakers include Joanna Shields and Sandra Wachter.\n",
                     id="a date, a dash and the name"),
        pytest.param("## Upcoming Events\n\n- Responsible AI Forum, 12 July 2030, London. "
                     "Speakers include Joanna Shields and Sandra Wachter.\n",
                     id="the name, a comma and the date"),
        pytest.param("## Upcoming Events\n\n**Responsible AI Forum**\n12 July 2030, London\n"
                     "Speakers include Joanna Shields and Sandra Wachter.\n",
                     id="the name over a date line"),
    ],
)
def test_an_event_listed_with_its_date_outside_any_item(nlp, tmp_path: Path, markdown) -> None:
    resolved = _resolved(nlp, tmp_path, markdown)
    events = [e for e in resolved.entities if e.kind is EntityKind.EVENT]
    assert [(e.name, _dates(e)) for e in events] == [
        ("Responsible AI Forum", ("2030-07-12", None))]
    assert _pairs(resolved, Relation.SPEAKER) == {
        ("Responsible AI Forum", "Joanna Shields"), ("Responsible AI Forum", "Sandra Wachter")}


def test_a_series_programme_of_dated_entries_lists_talks_with_their_speakers(
        nlp, tmp_path: Path) -> None:
    resolved = _resolved(nlp, tmp_path, (
        "## Events\n\n### Causal Data Science Seminar Series\n\n"
        "The series continues this autumn:\n\n"
        "- 15 October 2030: Dr Chloe Martin (University of Bath) - Instrumental variables in "
        "genetics\n"
        "- 12 November 2030: Prof. Samuel Green (Westby School of Economics) - Sensitivity "
        "analysis for confounding\n"
    ))
    events = {e.name: _dates(e) for e in resolved.entities if e.kind is EntityKind.EVENT}
    assert events == {"Causal Data Science Seminar Series": (None, None),
                      "Instrumental variables in genetics": ("2030-10-15", None),
                      "Sensitivity analysis for confounding": ("2030-11-12", None)}
    assert _pairs(resolved, Relation.SPEAKER) == {
        ("Instrumental variables in genetics", "Chloe Martin"),
        ("Sensitivity analysis for confounding", "Samuel Green")}
    assert _pairs(resolved, Relation.PART_OF_SERIES) == {
        ("Instrumental variables in genetics", "Causal Data Science Seminar Series"),
        ("Sensitivity analysis for confounding", "Causal Data Science Seminar Series")}


def test_a_calls_heading_names_its_event_after_the_colon_up_to_where_it_is_held(
        nlp, tmp_path: Path) -> None:
    resolved = _resolved(nlp, tmp_path, (
        "## Other Opportunities\n\n"
        "### Call for Papers: Soil Learning for Real-world Impact Workshop at NeurIPS 2030\n\n"
        "**Submission deadline: 1 September 2030**\n\n**Workshop: 14 December 2030**\n\n"
        "The workshop is organised by Irene Chen and Tom Pollard.\n"
    ))
    workshop = "Soil Learning for Real-world Impact Workshop"
    events = {e.name: _dates(e) for e in resolved.entities if e.kind is EntityKind.EVENT}
    assert events[workshop] == ("2030-12-14", None)
    assert _pairs(resolved, Relation.ORGANIZER) == {(workshop, "Irene Chen"),
                                                     (workshop, "Tom Pollard")}


def test_a_sentence_with_a_date_is_no_date_line(nlp, tmp_path: Path) -> None:
    resolved = _resolved(nlp, tmp_path, (
        "## News\n\n### Soil records\n\nOur report was sent to the board on 12 May 2030.\n"
    ))
    assert _names(resolved, EntityKind.EVENT) == []
    assert _names(resolved, EntityKind.OPPORTUNITY) == []


def test_bold_lines_that_open_with_a_date_title_the_events_of_a_round_up(
        nlp, tmp_path: Path) -> None:
    resolved = _resolved(nlp, tmp_path, (
        "## Upcoming events\n\n**12 March 2030 - Soil Data Forum**\n\nNadia Rahman will speak "
        "on soil data.\n\n**15 April 2030 - Graph Learning Workshop**\n\nOwen Clarke will "
        "speak on graphs.\n"))
    assert sorted((e.name, _dates(e)) for e in resolved.entities if e.kind is EntityKind.EVENT) == [
        ("Graph Learning Workshop", ("2030-04-15", None)),
        ("Soil Data Forum", ("2030-03-12", None))]
    assert _pairs(resolved, Relation.SPEAKER) == {("Soil Data Forum", "Nadia Rahman"),
                                                  ("Graph Learning Workshop", "Owen Clarke")}


def test_a_round_up_item_is_no_event_of_its_own(nlp, tmp_path: Path) -> None:
    resolved = _resolved(nlp, tmp_path, (
        "## Events\n\n### Soil round-up\n\n**12 March 2030 - Soil Data Forum**\n\nTalks on "
        "soil.\n\n**15 April 2030 - Graph Learning Workshop**\n\nTalks on graphs.\n"))
    assert _names(resolved, EntityKind.EVENT) == ["Graph Learning Workshop", "Soil Data Forum"]


def test_an_events_list_entry_dates_it_and_names_its_speakers(nlp, tmp_path: Path) -> None:
    resolved = _resolved(nlp, tmp_path, (
        "## Upcoming events\n\n- **Graph Learning Workshop** (15 April 2030): Owen Clarke, "
        "Roche\n"))
    (event,) = [e for e in resolved.entities if e.kind is EntityKind.EVENT]
    assert (event.name, _dates(event)) == ("Graph Learning Workshop", ("2030-04-15", None))
    assert _pairs(resolved, Relation.SPEAKER) == {("Graph Learning Workshop", "Owen Clarke")}


@pytest.mark.parametrize(
    ("markdown", "event"),
    [
        pytest.param("## Events\n\n## Westby Patient Safety Awareness Week\n\n"
                     "**13-17 June 2030**\n\n"
                     "The Westby Safety Trust are hosting a week of lunchtime talks.\n",
                     ("Westby Patient Safety Awareness Week", ("2030-06-13", "2030-06-17")),
                     id="a second-level heading over a date line"),
        pytest.param("## Events\n\n### Acme Seminar\n\n**When:** Tuesday 12 May 2030, 2-3pm\n\n"
                     "The seminar takes stock of soil records.\n",
                     ("Acme Seminar", ("2030-05-12", None)), id="a bold label over a plain date"),
        pytest.param("## Events\n\n### Acme Seminar\n\nMay 12th, 2030\n\n"
                     "The seminar takes stock of soil records.\n",
                     ("Acme Seminar", ("2030-05-12", None)), id="a plain date line"),
        pytest.param("## News\n\n### Acme Summit\n\n**Registration closes: 1 May 2030**\n\n"
                     "The summit takes place on 12 May 2030.\n",
                     ("Acme Summit", ("2030-05-12", None)),
                     id="a registration deadline over a sentence that dates it"),
        pytest.param("## Events\n\n### Acme Summit 2030\n\n**Date: TBC**\n\nTalks on soil.\n",
                     ("Acme Summit 2030", (None, None)), id="an undated event in Events"),
        pytest.param("## Events\n\n### Soil Data Hackathon, 12-13 March 2030\n\n"
                     "Join the hackathon at Acme University.\n",
                     ("Soil Data Hackathon", ("2030-03-12", "2030-03-13")),
                     id="a heading that ends on the date"),
        pytest.param("## Events\n\n### Acme Soil Forum - 12 March 2030\n\nTalks on soil.\n",
                     ("Acme Soil Forum", ("2030-03-12", None)),
                     id="a heading's date after a dash"),
        pytest.param("## Events\n\n### Acme Networking Event - April 2030\n\n"
                     "**12 April 2030**\n\nTalks on soil.\n",
                     ("Acme Networking Event - April 2030", ("2030-04-12", None)),
                     id="a month in a heading stays in the name"),
        pytest.param("## Events\n\n### Soil Data Forum\n\n**Abstract deadline: 1 February 2030 "
                     "| Conference: 12-14 March 2030**\n\nTalks on soil.\n",
                     ("Soil Data Forum", ("2030-03-12", "2030-03-14")),
                     id="a deadline and the event's dates side by side on one line"),
        pytest.param("## Events\n\n### Join us at the Soil Data Forum\n\n**12 March 2030**\n\n"
                     "Talks on soil.\n", ("Soil Data Forum", ("2030-03-12", None)),
                     id="an invitation heading names the event after it, and only once"),
        pytest.param("## Events\n\n### Registration open for the Soil Data Forum 2030\n\n"
                     "**12 March 2030**\n\nTalks on soil.\n",
                     ("Soil Data Forum 2030", ("2030-03-12", None)),
                     id="registration open for the event"),
        pytest.param("## Updates\n\n### Highlights from our Soil Data Forum\n\nThe forum "
                     "brought together 200 people.\n", ("Soil Data Forum", (None, None)),
                     id="a recap heading names the event it recalls"),
        pytest.param("## Events\n\n### Soil records and health\n\n**12 March 2030**\n\nThis "
                     "virtual Acme Trust (AT) Insight Sharing Webinar will explore soil records."
                     "\n", ("Soil records and health", ("2030-03-12", None)),
                     id="the event 'this' points to in an event item is the item's"),
        pytest.param("## Events\n\n### Save the date: Soil Data Forum 2030\n\n**12 March 2030**"
                     "\n\nTalks on soil.\n", ("Soil Data Forum 2030", ("2030-03-12", None)),
                     id="an announcement before the event's name"),
        pytest.param("## Events\n\n### Soil Data Forum 2030 - registration now open\n\n"
                     "**12 March 2030**\n\nTalks on soil.\n",
                     ("Soil Data Forum 2030", ("2030-03-12", None)),
                     id="an announcement after the event's name"),
        pytest.param("## Updates\n\n### Come and see us\n\nCome and see us at Soil UK 2030 in "
                     "London on 12 March 2030.\n", ("Soil UK 2030", ("2030-03-12", None)),
                     id="a capitalised word before an acronym and a year"),
    ],
)
def test_an_event_items_one_event_and_its_dates(nlp, tmp_path: Path, markdown, event) -> None:
    resolved = _resolved(nlp, tmp_path, markdown)
    assert [(e.name, _dates(e)) for e in resolved.entities if e.kind is EntityKind.EVENT] == [
        event]


@pytest.mark.parametrize(
    ("answer", "org"),
    [
        pytest.param("I am based at the Westby Soil Institute.", "Westby Soil Institute",
                     id="based at"),
        pytest.param("I work as a data scientist at AstraZeneca in Cambridge.", "AstraZeneca",
                     id="work as … at"),
    ],
)
def test_a_scholar_a_meet_heading_introduces_answers_where_they_work(
        nlp, tmp_path: Path, answer: str, org: str) -> None:
    resolved = _resolved(nlp, tmp_path, (
        "## Featured Community Scholar of the Month\n\n### Meet Priya Nair\n\n"
        f"**Where are you based?**\n\n{answer}\n"
    ))
    assert _pairs(resolved, Relation.AFFILIATION) == {("Priya Nair", org)}


def test_a_name_of_short_words_is_a_person(nlp, tmp_path: Path) -> None:
    resolved = _resolved(nlp, tmp_path, "## Updates\n\n### Welcome\n\nThis month we welcome Ann "
                                        "Lee to the team.\n")
    assert _names(resolved, EntityKind.PERSON) == ["Ann Lee"]


def test_an_organisations_acronym_that_is_a_function_word_resolves(nlp, tmp_path: Path) -> None:
    resolved = _resolved(nlp, tmp_path, "## Updates\n\n### News\n\nThe Acme Trust (AT) funds "
                                        "soil research.\n")
    assert _names(resolved, EntityKind.ORGANISATION) == ["Acme Trust"]


@pytest.mark.parametrize(("sentence", "dates"), [
    ("Applications are open for the Soil Data Summit 2030, held on 12-16 May 2030.",
     ("2030-05-12", "2030-05-16")),
    ("The Soil Data Summit 2030 (12 May 2030) brings together researchers.", ("2030-05-12", None)),
    ("Join us at the Soil Data Summit 2030 on Tuesday 12 May.", ("2030-05-12", None)),
    ("We will be at the Soil Data Summit 2030 in London on 12-13 May 2030.",
     ("2030-05-12", "2030-05-13")),
    ("The Soil Data Summit 2030 returns for a third year on 12 May 2030.", ("2030-05-12", None)),
    ("Book your place at the Soil Data Summit 2030 (London, 12 May 2030).", ("2030-05-12", None)),
    ("On 12 May 2030, the Soil Data Summit 2030 will bring together researchers.",
     ("2030-05-12", None)),
])
def test_the_date_a_news_sentence_gives_an_event(nlp, tmp_path: Path, sentence, dates) -> None:
    resolved = _resolved(nlp, tmp_path, f"## Updates\n\n### News\n\n{sentence}\n")
    assert [(e.name, _dates(e)) for e in resolved.entities if e.kind is EntityKind.EVENT] == [
        ("Soil Data Summit 2030", dates)]


@pytest.mark.parametrize(("first", "second", "name"), [
    ("Oxford University", "the University of Oxford", "University of Oxford"),
    ("King's College London", "KCL", "King's College London"),
    ("AstraZeneca", "Astra Zeneca", "Astra Zeneca"),
    ("GlaxoSmithKline", "GSK", "GlaxoSmithKline"),
    ("Novo Nordisk", "Novo Nordisk", "Novo Nordisk"),  # a person, says the NER
])
def test_an_organisations_variants_in_two_issues_are_one(nlp, tmp_path: Path, first, second,
                                                          name) -> None:
    resolved = _resolved_issues(nlp, tmp_path, {
        "2030-03": f"## Updates\n\n### News\n\nJane Doe is a researcher at {first}.\n",
        "2030-04": f"## Updates\n\n### News\n\nMark Smith is a researcher at {second}.\n"})
    assert _names(resolved, EntityKind.ORGANISATION) == [name]


@pytest.mark.parametrize(("heading", "event", "speaker"), [
    ("Jane Doe to speak at the Soil Data Summit", "Soil Data Summit", "Jane Doe"),
    ("Soil Data Seminar featuring Jane Doe", "Soil Data Seminar featuring Jane Doe", "Jane Doe"),
    ("Knowledge Share: Mark Smith on soil records", "Knowledge Share: Mark Smith on soil records",
     "Mark Smith"),
])
def test_an_event_headings_speaker(nlp, tmp_path: Path, heading: str, event: str,
                                   speaker: str) -> None:
    resolved = _resolved(nlp, tmp_path, f"## Events\n\n### {heading}\n\n**12 May 2030**\n\n"
                                        "A talk on soil records.\n")
    assert _pairs(resolved, Relation.SPEAKER) == {(event, speaker)}


@pytest.mark.parametrize(("answer", "employers"), [
    ("I'm a third-year PhD student in the School of Computing at the University of Westby.",
     {"School of Computing", "University of Westby"}),
    ("I am currently doing my PhD at the University of Westby.", {"University of Westby"}),
    ("I recently started my PhD at the University of Westby.", {"University of Westby"}),
    ("I joined Roche in 2029 as a data scientist.", {"Roche"}),
])
def test_where_an_interviews_narrator_works(nlp, tmp_path: Path, answer: str, employers) -> None:
    resolved = _resolved(nlp, tmp_path, (
        "## Featured Community Scholar of the Month\n\nThis month's scholar is Jane Doe.\n\n"
        f"**Tell us about yourself:**\n\n{answer}\n"))
    assert _pairs(resolved, Relation.AFFILIATION) == {("Jane Doe", org) for org in employers}


def test_every_name_an_event_heading_lists_after_with_speaks(nlp, tmp_path: Path) -> None:
    resolved = _resolved(nlp, tmp_path, (
        "## Events\n\n### Soil Seminar with Jane Doe and John Roe\n\n**12 May 2030**\n\n"
        "Join us for an afternoon of talks.\n"
    ))
    assert {p for _, p in _pairs(resolved, Relation.SPEAKER)} == {"Jane Doe", "John Roe"}


@pytest.mark.parametrize(
    "heading",
    ["Research Fellow Mira Holt presenting at the Acme Forum", "Join the Westby Soil Data Team",
     "Why do soil models travel well?"],
)
def test_a_heading_that_names_someone_bids_or_asks_is_no_papers_title(
        nlp, tmp_path: Path, heading: str) -> None:
    resolved = _resolved(nlp, tmp_path, (
        f"## Updates\n\n### {heading}\n\nMira Holt and Owen Clarke have published a paper on "
        "sparse models.\n"))
    assert _names(resolved, EntityKind.PUBLICATION) == []


@pytest.mark.parametrize(
    ("text", "hosts"),
    [
        pytest.param("Hosted by: Acme Institute\n\nJoin us for a day of talks.",
                     {"Acme Institute"}, id="'join us' gives way to a host the item names"),
        pytest.param("Join us for a day of talks.", {"Turing-Roche Strategic Partnership"},
                     id="'join us' alone: the partnership"),
        pytest.param("Acme Institute has partnered with Westby University to deliver this "
                     "symposium.", {"Acme Institute", "Westby University"},
                     id="X has partnered with Y to deliver"),
        pytest.param("Co-hosted with the Acme Institute, the symposium brings together soil "
                     "scientists.", {"Acme Institute"}, id="co-hosted with X"),
        pytest.param("Dr Jane Doe from Globex will speak at this Westby University event.",
                     {"Westby University"}, id="this X event"),
    ],
)
def test_an_event_items_hosts(nlp, tmp_path: Path, text: str, hosts: set[str]) -> None:
    resolved = _resolved(nlp, tmp_path, (
        f"## Events\n\n### Soil Data Symposium 2030\n\n**12 May 2030**\n\n{text}\n"))
    assert {o for _, o in _pairs(resolved, Relation.ORGANIZER)} == hosts


def test_join_us_gives_way_to_the_organisation_an_event_heading_opens_with(
        nlp, tmp_path: Path) -> None:
    resolved = _resolved(nlp, tmp_path, (
        "## Events\n\n### Acme Institute Soil Data Symposium 2030\n\n**12 May 2030**\n\n"
        "Join us for talks on soil data.\n"))
    assert {o for _, o in _pairs(resolved, Relation.ORGANIZER)} == {"Acme Institute"}


@pytest.mark.parametrize(
    ("markdown", "event"),
    [
        pytest.param("## Updates\n\n### Partnership news\n\nOn 12 May 2030, Jane Doe will speak "
                     "at the Westby Soil Forum.\n", "Westby Soil Forum",
                     id="a date opening the sentence that names the event someone speaks at"),
        pytest.param("## Events\n\n### Soil Data Symposium 2030\n\nFrom 12 to 14 May 2030, "
                     "Westby University will host the symposium.\n", "Soil Data Symposium 2030",
                     id="an event item's sentence opening 'From 12 to 14 May 2030,'"),
    ],
)
def test_an_events_date_in_an_opening_phrase(nlp, tmp_path: Path, markdown: str,
                                             event: str) -> None:
    (found,) = [e for e in _resolved(nlp, tmp_path, markdown).entities
                if e.kind is EntityKind.EVENT]
    assert (found.name, found.attributes.get("start_date")) == (event, "2030-05-12")


def test_an_acronym_before_a_verbs_past_is_an_organisation(nlp, tmp_path: Path) -> None:
    resolved = _resolved(nlp, tmp_path, (
        "## Updates\n\n### News\n\nSpeakers from Novartis, AstraZeneca and GSK joined the "
        "panel.\n"))
    assert "GSK" in _names(resolved, EntityKind.ORGANISATION)


@pytest.mark.parametrize(
    ("sentence", "people"),
    [
        pytest.param("Congratulations to Ama Nowak on winning the Westby Prize!", ["Ama Nowak"],
                     id="congratulations to X (a name the NER calls an organisation)"),
        pytest.param("Read our interview with Elif Castillo.", ["Elif Castillo"],
                     id="an interview with X"),
        pytest.param("This month Kwame Asante and Ingrid Sato visited the Westby lab.",
                     ["Ingrid Sato", "Kwame Asante"], id="X and Y (the NER's 'X and')"),
        pytest.param("Roche's Tomas Berg and Westby's Mira Holt have co-authored a paper.",
                     ["Mira Holt", "Tomas Berg"], id="Acme's X and Globex's Y"),
        pytest.param("The award was presented to Elif Castillo by the Westby Society.",
                     ["Elif Castillo"], id="presented to X"),
        pytest.param("We are delighted that Nadia Volkov has joined us as Programme Manager.",
                     ["Nadia Volkov"], id="X has joined us as a role"),
        pytest.param("Kwame Asante, together with Elif Castillo, ran a workshop on soil data.",
                     ["Elif Castillo", "Kwame Asante"], id="X, together with Y,"),
        pytest.param("Tomasz Marino will be leaving the partnership at the end of May.",
                     ["Tomasz Marino"], id="an unlabelled subject with a word no dictionary has"),
        pytest.param("Ingrid Sato received the Westby Medal for her work on soil.",
                     ["Ingrid Sato"], id="an unlabelled subject of 'received'"),
        pytest.param("Westby's Soil Ideathon is a competition for student teams.", [],
                     id="no person: an organisation's event as the subject"),
        pytest.param("Machine Learning remains the theme of the series.", [],
                     id="no person: dictionary words as the subject"),
    ],
)
def test_people_in_slots_the_ner_misreads(nlp, tmp_path: Path, sentence: str,
                                          people: list[str]) -> None:
    resolved = _resolved(nlp, tmp_path, f"## Updates\n\n### News\n\n{sentence}\n")
    assert _names(resolved, EntityKind.PERSON) == people


def test_the_authors_a_list_joins_across_an_employers_possessive(nlp, tmp_path: Path) -> None:
    resolved = _resolved(nlp, tmp_path, (
        "## Updates\n\n### Paper news\n\nRoche's Tomas Berg and Westby's Mira Holt have "
        "co-authored 'Sparse models for soil records', now in Nature Medicine.\n"))
    assert {p for _, p in _pairs(resolved, Relation.AUTHOR)} == {"Tomas Berg", "Mira Holt"}


@pytest.mark.parametrize(
    ("first", "second"),
    [
        pytest.param("## Events\n\n### Westby Soil Data Symposium 2030\n\n**12 May 2030**\n\n"
                     "Join us in Westby.\n",
                     "## Updates\n\n### Highlights\n\nThe Soil Data Symposium 2030 (12 May) "
                     "brought together 200 people.\n",
                     id="the same day's name without its owner's word"),
        pytest.param("## Events\n\n### #SoilData30: Westby Soil Data Symposium\n\n**12 May "
                     "2030**\n\nJoin us in Westby.\n",
                     "## Updates\n\n### Highlights\n\nThanks to everyone who came to #SoilData30 "
                     "- the Westby Symposium on Soil Data on 12 May.\n",
                     id="the same words in another order"),
        pytest.param("## Events\n\n### Soil Data Day hosted by the Westby Soil Society\n\n**12 "
                     "May 2030**\n\nJoin us in Westby.\n",
                     "## Updates\n\n### Highlights\n\nThe Westby Soil Society Soil Data Day on 12 "
                     "May was a great success.\n",
                     id="host after 'hosted by' or before the name"),
        pytest.param("## Events\n\n### Westby Summer School in Soil Data Science 2030\n\n"
                     "**1-5 July 2030**\n\nApplications are open.\n",
                     "## Events\n\n### Westby Summer School 2030\n\n**1-5 July 2030**\n\n"
                     "There is still time to apply.\n",
                     id="the same days' summer school without its subject"),
        pytest.param("## Events\n\n### Soil Data Science Day\n\n**3 March 2030, Westby**\n\n"
                     "Join us in Westby.\n",
                     "## Updates\n\n### Posters\n\nKai Lund and Mara Vos presented posters at "
                     "the Westby Soil Data Science Day on 3 March 2030.\n",
                     id="a day's name with its place's word"),
        pytest.param("## Events\n\n### Acme Community Scholars Showcase\n\n**12 September "
                     "2030**\n\nOur scholars will present.\n",
                     "## Events\n\n### Community Scholar Showcase Event\n\n**12 September "
                     "2030**\n\nDon't miss it.\n",
                     id="a plural, and 'Event' after the name"),
    ],
)
def test_one_event_named_two_ways_in_two_issues(nlp, tmp_path: Path, first: str,
                                                second: str) -> None:
    resolved = _resolved_issues(nlp, tmp_path, {"2030-03": first, "2030-04": second})
    assert len(_names(resolved, EntityKind.EVENT)) == 1


def test_an_event_and_a_workshop_of_it_on_the_same_day_stay_two(nlp, tmp_path: Path) -> None:
    resolved = _resolved_issues(nlp, tmp_path, {
        "2030-03": "## Events\n\n### Westby Soil Conference 2030\n\n**12 May 2030**\n\nJoin us.\n",
        "2030-04": "## Events\n\n### Westby Soil Conference 2030 Graphs Workshop\n\n**12 May "
                   "2030**\n\nA satellite workshop.\n"})
    assert len(_names(resolved, EntityKind.EVENT)) == 2


def test_a_series_item_dated_by_its_next_seminar_is_that_seminar(nlp, tmp_path: Path) -> None:
    resolved = _resolved(nlp, tmp_path, (
        "## Events\n\n### Acme Seminar Series\n\n**Next seminar: 14 April 2030**\n\nOur "
        "seminar series continues with Lena Fox on 14 April.\n"))
    (event,) = [e for e in resolved.entities if e.kind is EntityKind.EVENT]
    assert _dates(event) == ("2030-04-14", None)
    assert not [e for e in resolved.entities if e.kind is EntityKind.OPPORTUNITY]


def test_a_workshop_named_after_the_event_it_is_part_of_stays_apart(
    nlp, tmp_path: Path
) -> None:
    resolved = _resolved(nlp, tmp_path, (
        "## Events\n\n### Westby Soil Summit 2030\n\n**14 November 2030**\n\nJoin us.\n\n"
        "### Workshop: Graph Models at the Westby Soil Summit\n\n**14 November 2030**\n\nAs part "
        "of the summit, Acme will run a workshop.\n"))
    assert len(_names(resolved, EntityKind.EVENT)) == 2


def test_a_paper_named_by_its_heading_has_the_url_of_its_doi_link(nlp, tmp_path: Path) -> None:
    resolved = _resolved(nlp, tmp_path, (
        "## Publications\n\n### Sparse models for soil records\n\nJane Doe shows that sparse "
        "models travel. [Read the paper](https://doi.org/10.1234/a1)\n"))
    (paper,) = [e for e in resolved.entities if e.kind is EntityKind.PUBLICATION]
    assert (paper.attributes.get("doi"), paper.attributes.get("url")) == (
        "10.1234/a1", "https://doi.org/10.1234/a1")


def test_unquoted_references_give_their_titles_authors_and_venues(nlp, tmp_path: Path) -> None:
    resolved = _resolved(nlp, tmp_path, (
        "## Recent papers\n\n"
        "- Mira Holt, Owen Clarke, Lina Haddad. Sparse models for soil records. Nature Medicine "
        "2030.\n"
        "- Jane Doe and John Roe (2029). Graph learning for the clinic in practice. The Lancet, "
        "12, 3-9.\n"))
    papers = {e.name: e.attributes.get("venue") for e in resolved.entities
              if e.kind is EntityKind.PUBLICATION}
    assert papers == {"Sparse models for soil records": "Nature Medicine",
                      "Graph learning for the clinic in practice": "The Lancet"}
    assert _pairs(resolved, Relation.AUTHOR) == {
        ("Sparse models for soil records", "Mira Holt"),
        ("Sparse models for soil records", "Owen Clarke"),
        ("Sparse models for soil records", "Lina Haddad"),
        ("Graph learning for the clinic in practice", "Jane Doe"),
        ("Graph learning for the clinic in practice", "John Roe")}


def test_names_then_sentences_of_prose_are_no_reference(nlp, tmp_path: Path) -> None:
    resolved = _resolved(nlp, tmp_path, (
        "## Updates\n\n### News\n\nJane Doe and John Roe. We met at the conference. It was great "
        "in 2029.\n"))
    assert _names(resolved, EntityKind.PERSON) == ["Jane Doe", "John Roe"]
    assert _names(resolved, EntityKind.PUBLICATION) == []


def test_a_quoted_title_someone_wrote_is_a_paper_and_never_a_person(nlp, tmp_path: Path) -> None:
    resolved = _resolved(nlp, tmp_path, (
        "## Updates\n\n### News\n\nJane Doe wrote 'Sparse models for soil records in the field' "
        "last year.\n"))
    assert _names(resolved, EntityKind.PERSON) == ["Jane Doe"]
    assert _pairs(resolved, Relation.AUTHOR) == {
        ("Sparse models for soil records in the field", "Jane Doe")}


@pytest.mark.parametrize("heading", ["Save the date", "Registration now open", "Upcoming event"])
def test_a_heading_that_names_no_event_takes_the_name_its_text_gives(
    nlp, tmp_path: Path, heading: str
) -> None:
    resolved = _resolved(nlp, tmp_path, (
        f"## Events\n\n### {heading}\n\n**12 May 2030**\n\nThe Westby Soil Data Symposium will "
        "take place in Westby. The symposium is free.\n"))
    (event,) = [e for e in resolved.entities if e.kind is EntityKind.EVENT]
    assert (event.name, _dates(event)[0]) == ("Westby Soil Data Symposium", "2030-05-12")


def test_an_event_held_at_another_is_the_event_its_own_name_gives_in_another_issue(
    nlp, tmp_path: Path
) -> None:
    resolved = _resolved_issues(nlp, tmp_path, {
        "2030-03": "## Events\n\n### Westby Soil Data Workshop at Acme Conference 2030\n\n"
                   "**12 May 2030**\n\nRegistration is open.\n",
        "2030-04": "## Events\n\n### Westby Soil Data Workshop\n\n**12 May 2030**\n\n"
                   "The workshop is part of Acme Conference 2030.\n",
    })
    workshop = next(e for e in resolved.entities if e.name.startswith("Westby Soil Data Workshop"))
    assert {workshop.name, *workshop.alternate_names} == {
        "Westby Soil Data Workshop", "Westby Soil Data Workshop at Acme Conference 2030"}
    assert _names(resolved, EntityKind.EVENT) == sorted(["Acme Conference 2030", workshop.name])


def test_an_edition_named_by_its_year_on_a_new_date_is_one_event(nlp, tmp_path: Path) -> None:
    resolved = _resolved_issues(nlp, tmp_path, {
        "2030-03": "## Events\n\n### Acme Forum 2030\n\n**12 May 2030**\n\nRegistration is open.\n",
        "2030-04": "## Events\n\n### Acme Forum 2030 - new date\n\n**19 June 2030**\n\n"
                   "The forum has moved to June.\n",
    })
    assert _names(resolved, EntityKind.EVENT) == ["Acme Forum 2030"]


@pytest.mark.parametrize(("heading", "paragraph"), [
    pytest.param("Sparse models for soil records",
                 "A new paper by Nadia Rahman and Tomas Berg shows that sparse models travel.",
                 id="a new paper by X and Y"),
    pytest.param("New paper: Sparse models for soil records",
                 "Nadia Rahman and Tomas Berg show that sparse models travel well.",
                 id="X and Y show that"),
    pytest.param("Sparse models for soil records",
                 "Nadia Rahman and Tomas Berg explain in Nature Medicine how sparse models travel.",
                 id="X and Y explain in Nature Medicine how"),
    pytest.param("Sparse models for soil records",
                 "Their paper shows how sparse models travel. Congratulations to Nadia Rahman and "
                 "Tomas Berg!", id="their paper …, congratulations to X and Y"),
    pytest.param("Sparse models for soil records",
                 "Lead author Nadia Rahman and co-author Tomas Berg show how sparse models travel.",
                 id="lead author X and co-author Y"),
    pytest.param("Sparse models for soil records",
                 "Nadia Rahman, Tomas Berg\n\nSparse models travel well, the authors show.",
                 id="a byline, then 'the authors'"),
])
def test_an_item_headed_by_its_papers_title_names_its_authors(
    nlp, tmp_path: Path, heading: str, paragraph: str
) -> None:
    resolved = _resolved(nlp, tmp_path, f"## Updates\n\n### {heading}\n\n{paragraph}\n")
    assert _pairs(resolved, Relation.AUTHOR) == {
        ("Sparse models for soil records", "Nadia Rahman"),
        ("Sparse models for soil records", "Tomas Berg")}


_SECOND = "[Graph learning in the clinic](https://doi.org/10.1234/b2)"


@pytest.mark.parametrize(("paragraph", "pairs"), [
    pytest.param(f"We have two new preprints. The first, {_LINKED}, is by Nadia Rahman. The "
                 f"second, {_SECOND}, is by Tomas Berg.",
                 {("Sparse models for soil records", "Nadia Rahman"),
                  ("Graph learning in the clinic", "Tomas Berg")},
                 id="the first, [Title], is by X"),
    pytest.param(f"Nadia Rahman has published two papers this month: {_LINKED} and {_SECOND}.",
                 {("Sparse models for soil records", "Nadia Rahman"),
                  ("Graph learning in the clinic", "Nadia Rahman")},
                 id="X has published two papers: [Title] and [Title]"),
])
def test_each_paper_a_sentence_names_gets_its_own_authors(
    nlp, tmp_path: Path, paragraph: str, pairs
) -> None:
    resolved = _resolved(nlp, tmp_path, f"## Updates\n\n### New preprints\n\n{paragraph}\n")
    assert _pairs(resolved, Relation.AUTHOR) == pairs


def test_a_list_of_names_under_a_news_heading_is_no_papers_byline(nlp, tmp_path: Path) -> None:
    resolved = _resolved(nlp, tmp_path, (
        "## Updates\n\n### New Theme Leads for the Partnership\n\nNadia Rahman, Tomas Berg\n\n"
        "They will lead the soil and clinic themes.\n"))
    assert _names(resolved, EntityKind.PUBLICATION) == []


@pytest.mark.parametrize("sentence", [
    pytest.param(f"Emeka Yilmaz has a new paper with Ingrid Sato: {_LINKED}.", id="a paper with"),
    pytest.param(f"Emeka Yilmaz presented {_LINKED}, joint work with Ingrid Sato.",
                 id="joint work with"),
    pytest.param(f"Emeka Yilmaz teamed up with Ingrid Sato on {_LINKED}.", id="teamed up with"),
    pytest.param(f"Emeka Yilmaz is lead author on {_LINKED}, with Ingrid Sato as senior author.",
                 id="with Y as senior author"),
    pytest.param(f"{_LINKED} - Emeka Yilmaz, Ingrid Sato (Nature Medicine, 2030)",
                 id="a byline after the linked title"),
])
def test_a_coauthor_the_ner_does_not_know_is_read_in_an_authors_slot(
    nlp, tmp_path: Path, sentence: str
) -> None:
    resolved = _resolved(nlp, tmp_path, f"## Updates\n\n### New paper\n\n{sentence}\n")
    assert ("Sparse models for soil records", "Ingrid Sato") in _pairs(resolved, Relation.AUTHOR)


def test_a_papers_sections_items_are_papers_when_they_speak_of_one(nlp, tmp_path: Path) -> None:
    resolved = _resolved(nlp, tmp_path, (
        "## Publication of the Month\n\n### Sparse Soils\n\nThis month's pick is [this paper]"
        "(https://doi.org/10.1234/soil) by Prof Jane Doe and colleagues.\n\n"
        "### Connect with us\n\nKeep up to date with the partnership through our website.\n"))
    assert _names(resolved, EntityKind.PUBLICATION) == ["Sparse Soils"]
    assert _pairs(resolved, Relation.AUTHOR) == {("Sparse Soils", "Jane Doe")}


def test_a_papers_sections_own_text_gives_its_paper_topics_and_no_topic_is_a_place(
    nlp, tmp_path: Path
) -> None:
    resolved = _resolved(nlp, tmp_path, (
        "## Publication of the Month\n\n**Auditing Soil Models**\n\nCheck out [this paper]"
        "(https://doi.org/10.1234/soil) on auditing medical AI, published in Acme Health. "
        "It applies machine learning to soil records.\n\n"
        "## Events\n\n### Acme Soil Day\n\n**12 May 2030**\n\nA workshop on AI and health.\n\n"
        "Speakers from UK Biobank meet in London.\n"))
    assert ("Auditing Soil Models", "machine learning") in _pairs(resolved, Relation.ABOUT)
    assert _names(resolved, EntityKind.PLACE) == ["London"]  # not "AI", nor "UK" of a name


def test_a_dated_event_in_a_jobs_section_is_an_event_and_a_job_there_a_job(
    nlp, tmp_path: Path
) -> None:
    resolved = _resolved(nlp, tmp_path, (
        "## Jobs and Calls\n\n### Acme Soil Data Workshop for Early-Career Researchers\n\n"
        "**12 May 2030**\n\nA day of talks on soil data at Westby University.\n\n"
        "### Data Scientist\n\n**Start date: 1 June 2030**\n\nAcme Bio is hiring.\n"))
    assert _names(resolved, EntityKind.EVENT) == [
        "Acme Soil Data Workshop for Early-Career Researchers"]
    assert _names(resolved, EntityKind.OPPORTUNITY) == ["Data Scientist"]
