"""Synthetic newsletters in the corpus format, for scale benchmarks.

Names, organisations, events and papers are made up from syllables and patterns
(deterministic for a seed), so a 1,000-issue corpus has realistic size, structure
and link wrapping, and a network that keeps growing, without any real name.
"""

from __future__ import annotations

import base64
import json
import random
from pathlib import Path
from urllib.parse import quote

SYLLABLES = (
    "ka",
    "lo",
    "mi",
    "ren",
    "sa",
    "tor",
    "vel",
    "an",
    "bri",
    "cor",
    "dun",
    "el",
    "fa",
    "gan",
    "hol",
    "is",
    "jur",
    "ken",
    "lin",
    "mor",
    "nes",
    "or",
    "pel",
    "quin",
)
FIELDS = (
    "Data Science",
    "Health Informatics",
    "Genomic Medicine",
    "Machine Learning",
    "Biostatistics",
    "Clinical AI",
    "Population Health",
    "Digital Pathology",
)
TOPICS = (
    "causal inference",
    "digital twins",
    "federated learning",
    "multimorbidity",
    "health equity",
    "synthetic data",
    "medical imaging",
    "clinical trials",
    "natural language processing",
    "fairness in AI",
    "oncology",
    "genomics",
)
ROLES = (
    "Research Fellow",
    "Senior Research Associate",
    "Principal Data Scientist",
    "Lecturer",
    "Professor of Statistics",
    "PhD student",
    "Theme Lead",
    "Programme Manager",
)
VENUES = (
    "Journal of Health Data",
    "Computational Medicine Letters",
    "Annals of Clinical AI",
    "Statistics in Practice",
)


PROSE = (
    "The session brings together researchers, clinicians and industry partners to share methods.",
    "Attendees will hear how new approaches are changing the way patient data is analysed.",
    "The team will present results from a multi-year programme and discuss open questions.",
    "There will be time for questions, networking and a short reception afterwards.",
    "The work combines statistical modelling with careful engagement with patients and the public.",
    "Recordings of previous sessions are available on our channel for those who cannot attend.",
    "Applications from candidates with a quantitative background are particularly welcome.",
    "The programme is open to researchers at every career stage across the United Kingdom.",
)


def _prose(rng: random.Random, sentences: int) -> str:
    return " ".join(rng.choice(PROSE) for _ in range(sentences))


def _word(rng: random.Random, parts: int) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(parts)).capitalize()


class World:
    """A fixed population the issues draw from, so people recur across issues."""

    def __init__(self, rng: random.Random, people: int, orgs: int) -> None:
        self.places = [_word(rng, 2) + "ton" for _ in range(max(orgs // 3, 4))]
        self.orgs = [self._org(rng, i) for i in range(orgs)]
        self.people = [
            (f"{_word(rng, 2)} {_word(rng, 3)}", rng.choice(ROLES), rng.choice(self.orgs))
            for _ in range(people)
        ]

    def _org(self, rng: random.Random, i: int) -> str:
        place = self.places[i % len(self.places)]
        patterns = (
            f"University of {place}",
            f"{place} Institute of {rng.choice(FIELDS)}",
            f"{_word(rng, 2)} Health Ltd",
            f"{place} General Hospital",
        )
        return patterns[i % len(patterns)]


def _tracked(url: str, rng: random.Random) -> str:
    """Wrap ``url`` the way the mailer and Outlook do, with a fake recipient."""
    payload = base64.urlsafe_b64encode(json.dumps({"u": url, "r": "reader@example.org"}).encode())
    elink = f"http://elink.example.org/c/5/{payload.decode().rstrip('=')}"
    token = rng.getrandbits(64)
    return (
        f"https://eur01.safelinks.protection.outlook.com/?url={quote(elink, safe='')}"
        f"&data=05%7C01%7Creader%40example.org%7C{token:x}&reserved=0"
    )


def newsletter(world: World, year: int, month: int, rng: random.Random) -> str:
    """One issue: updates, events with speakers, jobs, a paper, a scholar, a team list."""
    months = (
        "January February March April May June July August September October November December"
    ).split()
    name = months[month - 1]
    out = [
        f"Welcome to {name}'s partnership newsletter! Here is what is new.\n",
        "## Partnership Updates\n",
    ]
    for _ in range(rng.randint(2, 4)):
        topic = rng.choice(TOPICS)
        (a, ra, oa), (b, rb, ob) = rng.sample(world.people, 2)
        day = rng.randint(1, 28)
        out += [
            f"### Knowledge Share Series Event: {topic.title()}\n",
            f"**{day} {name} {year}**\n",
            f"Join our [knowledge share series]({_tracked('https://example.org/events', rng)}). "
            f"This month we will be joined by {a}, {ra} at {oa} and {b}, {rb} at {ob}, "
            f"who will discuss {topic} in research and industry.\n",
        ]
    out.append("## Events\n")
    for _ in range(rng.randint(4, 8)):
        org = rng.choice(world.orgs)
        speaker, _, sorg = rng.choice(world.people)
        topic = rng.choice(TOPICS)
        start = rng.randint(1, 25)
        out += [
            f"### {org} Seminar: {topic.capitalize()} in Practice\n",
            f"**{start:02d}-{start + 2:02d} {name} {year}**\n",
            f"{org} are hosting a seminar on {topic}. They will be joined by Prof. {speaker} "
            f"from {sorg}, who will talk about recent work. {_prose(rng, 8)} Register "
            f"[here]({_tracked(f'https://example.org/register?id={rng.getrandbits(32)}', rng)}).\n",
        ]
    out.append("## Other Opportunities\n")
    for _ in range(rng.randint(2, 5)):
        org = rng.choice(world.orgs)
        out += [
            f"### Job: {rng.choice(ROLES)} in {rng.choice(FIELDS)}\n",
            f"**Application deadline: {rng.randint(1, 28)} {name} {year}**\n",
            f"{org} is hiring. {_prose(rng, 4)} More info and application details "
            f"[here]({_tracked('https://example.org/jobs', rng)}).\n",
        ]
    (a, _, oa), (b, _, _) = rng.sample(world.people, 2)
    doi = f"10.5555/{year}.{rng.getrandbits(24)}"
    title = f"{rng.choice(TOPICS).capitalize()} for {rng.choice(FIELDS).lower()}"
    out += [
        "## Publication of the Month\n",
        f"[{title}]({_tracked('https://doi.org/' + doi, rng)}) by {a} and {b} was published "
        f"in {rng.choice(VENUES)}.\n",
        "## Featured Community Scholar of the Month\n",
        f"This month's scholar is {rng.choice(world.people)[0]}, from {rng.choice(world.orgs)}.\n",
        f"**Tell us about your research:**\n\n{_prose(rng, 30)}\n",
        "## The Partnership Team\n",
    ]
    for person, role, org in rng.sample(world.people, 6):
        out.append(f"- {person}, {org}, {role}")
    out.append("")
    return "\n".join(out)


def write_corpus(folder: Path, issues: int, seed: int = 0) -> list[Path]:
    """Write ``issues`` monthly newsletters (from 2000-01 on) into ``folder``."""
    rng = random.Random(seed)
    world = World(rng, people=max(60, issues * 3), orgs=max(20, issues // 2))
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for index in range(issues):
        year, month = 2000 + index // 12, index % 12 + 1
        path = folder / f"{year:04d}-{month:02d}.md"
        path.write_text(newsletter(world, year, month, rng), "utf-8")
        paths.append(path)
    return paths
