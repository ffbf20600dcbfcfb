"""Small fictional resolved networks, built in code, for the build, store and export tests."""

from __future__ import annotations

from partnerkg.extract.model import (
    Entity,
    EntityKind,
    Fact,
    IssueRecord,
    Relation,
    Resolved,
    SourceSpan,
)


def entity(key: str, kind: EntityKind, name: str, *alts: str, issues=("2025-01",), **attrs):
    return Entity(key, kind, name, tuple(alts), (), tuple(issues), dict(attrs), tuple(issues))


def fact(subject: str, relation: Relation, obj: str, month: str, text: str, start: int, **attrs):
    span = SourceSpan(f"/somewhere/{month}.md", start, start + len(text), text)
    return Fact(subject, relation, obj, month, span, "dependency-rules", 0.85, "Winter talk", attrs)


def small_resolved() -> Resolved:
    """Two issues: a talk with a speaker, a role, a paper with a DOI; Ada in both issues."""
    both = ("2025-01", "2025-02")
    entities = (
        entity(
            "ada-quill-1a2b", EntityKind.PERSON, "Ada Quill", "Ada", "Dr Ada Quill", issues=both
        ),
        entity(
            "northfield-9f",
            EntityKind.ORGANISATION,
            "Northfield University",
            org_kind="university",
            issues=both,
        ),
        entity(
            "winter-talk-3c",
            EntityKind.EVENT,
            "Winter Talk",
            event_kind="talk",
            start_date="2025-01-21",
            end_date="2025-01-22",
        ),
        entity(
            "causal-paper-7d",
            EntityKind.PUBLICATION,
            "Causal Things",
            publication_kind="article",
            doi="10.1234/abc.5",
            issues=("2025-02",),
        ),
        entity(
            "causal-inference",
            EntityKind.TOPIC,
            "causal inference",
            concept="https://w3id.org/partnerkg/topic/causal-inference",
        ),
    )
    facts = (
        fact(
            "winter-talk-3c",
            Relation.SPEAKER,
            "ada-quill-1a2b",
            "2025-01",
            "Ada Quill will speak",
            100,
        ),
        fact(
            "ada-quill-1a2b",
            Relation.ROLE,
            "northfield-9f",
            "2025-01",
            "Ada Quill, Theme Lead at Northfield University",
            140,
            title="Theme Lead",
        ),
        fact(
            "winter-talk-3c",
            Relation.ABOUT,
            "causal-inference",
            "2025-01",
            "a talk on causal inference",
            200,
        ),
        fact(
            "causal-paper-7d",
            Relation.AUTHOR,
            "ada-quill-1a2b",
            "2025-02",
            "by Ada Quill",
            50,
            item="3",
        ),
    )
    issues = (
        IssueRecord(
            "2025-01",
            "/somewhere/2025-01.md",
            "h1",
            ("ada-quill-1a2b", "northfield-9f", "winter-talk-3c", "causal-inference"),
        ),
        IssueRecord(
            "2025-02",
            "/somewhere/2025-02.md",
            "h2",
            ("ada-quill-1a2b", "northfield-9f", "causal-paper-7d"),
        ),
    )
    return Resolved(entities, facts, issues)


def large_resolved(issues: int, people: int) -> Resolved:
    """A synthetic network big enough that writing it takes a noticeable time."""
    months = [f"{2000 + i // 12}-{i % 12 + 1:02d}" for i in range(issues)]
    entities = [
        entity(
            f"person-{n}",
            EntityKind.PERSON,
            f"Person Number {n}",
            f"P{n}",
            issues=(months[n % issues],),
        )
        for n in range(people)
    ]
    entities.append(entity("org", EntityKind.ORGANISATION, "The Org", issues=tuple(months)))
    facts = [
        fact(
            f"person-{n}",
            Relation.ROLE,
            "org",
            months[n % issues],
            f"Person Number {n}, Role {n} at The Org",
            n * 10,
            title=f"Role {n}",
        )
        for n in range(people)
    ]
    records = [
        IssueRecord(m, f"{m}.md", f"hash-{m}", tuple(e.key for e in entities if m in e.issues))
        for m in months
    ]
    return Resolved(tuple(entities), tuple(facts), tuple(records))
