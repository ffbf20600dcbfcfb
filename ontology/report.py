"""The result of checking a graph: problems in plain language, with their source text."""

from __future__ import annotations

from dataclasses import dataclass

from partnerkg.ontology.evidence import Evidence


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the graph.

    ``check`` is ``"reasoner"`` (OWL inconsistency) or ``"shapes"`` (SHACL);
    ``nodes`` are the IRIs involved; ``evidence`` the sentences that stated them.
    """

    check: str
    message: str
    nodes: tuple[str, ...] = ()
    evidence: tuple[Evidence, ...] = ()

    def __str__(self) -> str:
        # no square brackets: the CLI prints through rich, which reads them as markup
        lines = [f"{self.check}: {self.message}"]
        lines += [f"    source: {evidence}" for evidence in self.evidence]
        return "\n".join(lines)


@dataclass(frozen=True)
class CheckReport:
    """What ``check_graph`` found; ``ok`` when there is no problem."""

    problems: tuple[Problem, ...] = ()
    triples: int = 0
    checks: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.problems

    def summary(self) -> str:
        """A plain-text report for the CLI: one line when clean, every problem otherwise."""
        ran = " and ".join(self.checks) or "no checks"
        if self.ok:
            return f"check passed: {ran} found no problem in {self.triples} triples"
        lines = [f"check failed: {len(self.problems)} problem(s) ({ran}, {self.triples} triples)"]
        lines += [str(problem) for problem in self.problems]
        return "\n".join(lines)
