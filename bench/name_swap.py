"""Name-swap check: the tuning issues with every gold person's names replaced by others.

The pretrained NER labels a name by how familiar it is ("Chris Banerji" a person, "Emeka
Yilmaz" a place), so rules tuned on one set of names can fail on the next issue's. This writes
the tuning issues and their gold with each name word mapped, one to one, to a word from a
pool of names that are in no newsletter, for ``partnerkg build`` and ``partnerkg eval``:

    python -m bench.name_swap --seed 1 --out /tmp/swap
    partnerkg build /tmp/swap/corpus --store /tmp/swap/store
    partnerkg eval /tmp/swap/gold --store /tmp/swap/store

Link targets are left alone (a name inside a URL is no mention). ``--events`` swaps the
distinctive words of event names instead (one mapping for all issues, so a series keeps one
name), ``--organisations`` the proper words of organisations' names, to see whether finding
them rests on the names the rules were tuned on.
"""

from __future__ import annotations

import argparse
import json
import random
import re
from collections.abc import Callable
from pathlib import Path

from partnerkg.extract import lexicon
from partnerkg.extract.figures import HELD_OUT
from partnerkg.ontology.vocabularies import load_partners

FIRST_NAMES = (
    "Amelia Tobias Nadia Kwame Ingrid Mateo Yuki Farah Lars Chiara Dmitri Aisha Bruno Leila "
    "Oskar Priyanka Tomasz Zainab Elif Rafael Hana Emeka Greta Ivan Sofia Jonas Mira Kofi Selin "
    "Pavel Noor Henrik Ama Luca Freya"
).split()
SURNAMES = (
    "Okonkwo Lindqvist Haddad Mensah Sorensen Alvarez Tanaka Qureshi Nilsson Romano Volkov Bello "
    "Ferreira Karimi Nowak Raghavan Kowalski Adeyemi Yilmaz Castillo Sato Eze Hoffmann Petrov "
    "Marino Weber Holt Boateng Demir Novak Rahman Larsen Asante Bianchi Fischer"
).split()
#: Words for the distinctive words of event names ("Knowledge Share Series" -> "Cohort
#: Registry Series"): a topic's words, as event names use them, in no newsletter's event name
EVENT_WORDS = (
    "Genomic Spatial Federated Causal Robust Imaging Wearable Privacy Fairness Oncology Cardiac "
    "Sensor Cohort Registry Survival Bayesian Signal Pathway Cellular Molecular Protein Retinal "
    "Dermatology Kidney Liver Sepsis Frailty Ageing Nutrition Sleep Mobility Vision Speech Atlas "
    "Compass Horizon Frontier Bridge Harbour Lantern Meridian Tapestry Beacon Catalyst Prism "
    "Quantum Tensor Vector Matrix Lattice Spectrum Mosaic Canvas Pulse Rhythm Orbit Nexus"
).split()
#: Words an event name keeps: what kind of event it is, and words the rules read
_KEPT_EVENT_WORDS = frozenset(
    "Conference Congress Symposium Summit Workshop Forum Festival Lecture Lectures Hackathon "
    "Ideathon Datathon Week Fair Expo Colloquium Meeting Awards Award Launch Event Events Seminar "
    "Seminars Webinar Webinars Bootcamp Masterclass Roundtable Showcase Sprint Tutorial Retreat "
    "Day Days Series Club School Group Study Talk Talks Session Sessions Panel Course Programme "
    "Network Interest Annual International National Partnership Fringe Summer Winter Spring "
    "Autumn The And For Of On In At "
    "With To A An".split())
#: Proper words for organisations' names: invented places and company-like words
ORGANISATION_WORDS = (
    "Westby Northby Eastport Southmere Kingsford Ashworth Bramley Calder Dunmore Elmstead "
    "Fairholm Glenmoor Harwick Ivydale Larkfield Marston Norwood Oakhurst Pendle Redcliffe "
    "Stanmore Thornbury Valewood Whitmore Yardley Veltrix Quorvia Zentara Oncolyx Biomira "
    "Kyntra Novalis Trevana Medica Corvane Solvara Axiomed Genvara Lumira Cellora Pharmix "
    "Brightwater Holloway Ravensby Easterly Millbrook Foxley Hartwell Kelburn Linwood Moorcroft"
).split()
_LINK_OR_TEXT = re.compile(r"(\]\([^)]*\))|([^\]]+|\])")


def swap_issue(text: str, gold: dict, rng: random.Random) -> tuple[str, dict]:
    """``text`` and ``gold`` with each gold person's name words mapped to others."""
    firsts, lasts = list(FIRST_NAMES), list(SURNAMES)
    rng.shuffle(firsts)
    rng.shuffle(lasts)
    words: dict[str, str] = {}
    for person in gold["people"]:
        parts = re.findall(r"[A-Z][\w'’-]+", person["name"])
        for k, part in enumerate(parts if len(parts) >= 2 else []):
            pool = firsts if k == 0 else lasts
            if part not in words and len(part) > 2 and pool:
                words[part] = pool.pop()
    if not words:
        return text, gold
    names = "|".join(map(re.escape, sorted(words, key=len, reverse=True)))
    pattern = re.compile(rf"(?<![\w/%.=-])({names})(?![\w/%=]|-\w)")

    def swap(piece: str) -> str:
        return pattern.sub(lambda m: words[m.group(1)], piece)

    text = _LINK_OR_TEXT.sub(lambda m: m.group(1) or swap(m.group(2)), text)
    return text, json.loads(swap(json.dumps(gold, ensure_ascii=False)))


def swap_event_words(text: str, gold: dict, words: dict[str, str],
                     pool: list[str]) -> tuple[str, dict]:
    """``text`` and ``gold`` with the distinctive capitalised words of every gold event's name
    and aliases mapped to others, where those names occur (``words`` is shared by the issues,
    so a series keeps one name across them)."""
    def kept(word: str) -> bool:
        return word in _KEPT_EVENT_WORDS or word.removesuffix("s") in _KEPT_EVENT_WORDS

    return _swap_name_words(text, gold, "events", kept, words, pool)


def swap_organisation_words(text: str, gold: dict, words: dict[str, str], pool: list[str],
                            common: set[str]) -> tuple[str, dict]:
    """The same for organisations' names: their proper words ("Warwick" of "University of
    Warwick", "AstraZeneca") map to invented ones; the words that say what kind of body it is,
    words the newsletters also write in lower case (``common``: "Health Data Research UK",
    "Personalised Healthcare") and the partners' names stay."""
    partners = {w for p in load_partners().partners for n in [p.name, *p.aliases]
                for w in n.split()}

    def kept(word: str) -> bool:
        return (word.lower() in common or word in partners or word in lexicon.org_head_words()
                or bool(lexicon.org_kind_of(word)) or word in _KEPT_EVENT_WORDS)

    return _swap_name_words(text, gold, "organizations", kept, words, pool)


def _swap_name_words(text: str, gold: dict, key: str, kept: Callable[[str], bool],
                     words: dict[str, str], pool: list[str]) -> tuple[str, dict]:
    """Map the capitalised words of the names of gold ``key`` that ``kept`` does not keep (and
    no other gold name uses) to words from ``pool``, where those names occur."""
    others = [k for k in ("people", "organizations", "events") if k != key]
    taken = {w for k in others for thing in gold[k] for n in [thing["name"],
             *thing.get("aliases", [])] for w in n.split()}
    forms = {n for thing in gold[key] for n in [thing["name"], *thing["aliases"]] if n}
    for form in forms:
        for word in re.findall(r"\b[A-Z][a-z]{2,}\b", form):
            if not kept(word) and word not in taken and word not in words and pool:
                words[word] = pool.pop()
    here = sorted((w for w in words if w not in taken), key=len, reverse=True)
    if not here:
        return text, gold
    pattern = re.compile(rf"\b({'|'.join(map(re.escape, here))})\b", re.IGNORECASE)

    def mapped(name: str) -> str:
        def one(m: re.Match) -> str:
            new = words[next(w for w in words if w.lower() == m.group(1).lower())]
            return new if m.group(1)[0].isupper() else new.lower()
        return pattern.sub(one, name)

    renames = sorted(((f, mapped(f)) for f in forms), key=lambda pair: -len(pair[0]))
    renames = [(old, new) for old, new in renames if old != new]
    if not renames:
        return text, gold
    names = re.compile("|".join(re.escape(old) for old, _ in renames))
    new_of = dict(renames)

    def swap(piece: str) -> str:
        return names.sub(lambda m: new_of[m.group(0)], piece)

    text = _LINK_OR_TEXT.sub(lambda m: m.group(1) or swap(m.group(2)), text)
    for thing in gold[key]:
        thing["name"] = new_of.get(thing["name"], thing["name"])
        thing["aliases"] = [new_of.get(a, a) for a in thing["aliases"]]
    return text, gold


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=1, help="which draw of names")
    parser.add_argument("--corpus", type=Path,
                        default=Path("../shared/corpus/turing-roche-newsletters"))
    parser.add_argument("--gold", type=Path, default=Path("tests/gold"))
    parser.add_argument("--out", type=Path, required=True)
    kind = parser.add_mutually_exclusive_group()
    kind.add_argument("--events", action="store_true",
                      help="swap the distinctive words of event names instead of people's names")
    kind.add_argument("--organisations", action="store_true",
                      help="swap the proper words of organisations' names instead")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    shared_words: dict[str, str] = {}
    pool = list(ORGANISATION_WORDS if args.organisations else EVENT_WORDS)
    rng.shuffle(pool)
    for folder in ("corpus", "gold"):
        (args.out / folder).mkdir(parents=True, exist_ok=True)
    issues = sorted(p.stem for p in args.gold.glob("*.json") if p.stem not in HELD_OUT)
    texts = {issue: (args.corpus / f"{issue}.md").read_text("utf-8") for issue in issues}
    common = {w for text in texts.values()  # (not in link targets: "warwick.ac.uk")
              for w in re.findall(r"\b[a-z]{3,}\b", re.sub(r"\]\([^)]*\)", "]", text))}
    for issue in issues:
        text = texts[issue]
        gold = json.loads((args.gold / f"{issue}.json").read_text("utf-8"))
        if args.events:
            text, gold = swap_event_words(text, gold, shared_words, pool)
        elif args.organisations:
            text, gold = swap_organisation_words(text, gold, shared_words, pool, common)
        else:
            text, gold = swap_issue(text, gold, rng)
        (args.out / "corpus" / f"{issue}.md").write_text(text, "utf-8")
        (args.out / "gold" / f"{issue}.json").write_text(json.dumps(gold, ensure_ascii=False),
                                                         "utf-8")
    print(f"{len(issues)} tuning issue(s) with swapped names in {args.out}")


if __name__ == "__main__":
    main()
