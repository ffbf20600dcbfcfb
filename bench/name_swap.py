"""Name-swap check: the tuning issues with every gold person's names replaced by others.

The pretrained NER labels a name by how familiar it is ("Chris Banerji" a person, "Emeka
Yilmaz" a place), so rules tuned on one set of names can fail on the next issue's. This writes
the tuning issues and their gold with each name word mapped, one to one, to a word from a
pool of names that are in no newsletter, for ``partnerkg build`` and ``partnerkg eval``:

    python -m bench.name_swap --seed 1 --out /tmp/swap
    partnerkg build /tmp/swap/corpus --store /tmp/swap/store
    partnerkg eval /tmp/swap/gold --store /tmp/swap/store

Link targets are left alone (a name inside a URL is no mention).
"""

from __future__ import annotations

import argparse
import json
import random
import re
from pathlib import Path

from partnerkg.extract.figures import HELD_OUT

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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=1, help="which draw of names")
    parser.add_argument("--corpus", type=Path,
                        default=Path("../shared/corpus/turing-roche-newsletters"))
    parser.add_argument("--gold", type=Path, default=Path("tests/gold"))
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    for folder in ("corpus", "gold"):
        (args.out / folder).mkdir(parents=True, exist_ok=True)
    issues = sorted(p.stem for p in args.gold.glob("*.json") if p.stem not in HELD_OUT)
    for issue in issues:
        text, gold = swap_issue((args.corpus / f"{issue}.md").read_text("utf-8"),
                                json.loads((args.gold / f"{issue}.json").read_text("utf-8")), rng)
        (args.out / "corpus" / f"{issue}.md").write_text(text, "utf-8")
        (args.out / "gold" / f"{issue}.json").write_text(json.dumps(gold, ensure_ascii=False),
                                                         "utf-8")
    print(f"{len(issues)} tuning issue(s) with swapped names in {args.out}")


if __name__ == "__main__":
    main()
