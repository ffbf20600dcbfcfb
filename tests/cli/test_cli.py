"""The command line: help on every subcommand, one-line errors, documented exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

COMMANDS = ["build", "export", "query", "viz", "serve", "eval", "check"]


def run_cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run the installed entry point as a user would."""
    return subprocess.run(
        [sys.executable, "-m", "partnerkg.cli", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=300,
    )


@pytest.mark.parametrize("command", COMMANDS)
def test_every_subcommand_has_help(command: str) -> None:
    result = run_cli(command, "--help")
    assert result.returncode == 0
    assert "Usage" in result.stdout


def test_build_of_missing_path_is_one_line_error(tmp_path: Path) -> None:
    result = run_cli("build", str(tmp_path / "nope.md"), "--store", str(tmp_path / "store"))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "nope.md" in result.stderr
    assert not (tmp_path / "store").exists()


def test_bad_param_syntax_is_one_line_error(tmp_path: Path) -> None:
    result = run_cli("query", "people", "--param", "noequals", "--store", str(tmp_path / "s"))
    assert result.returncode == 1
    assert "name=value" in result.stderr
    assert "Traceback" not in result.stderr


def test_eval_lists_errors_of_the_chosen_issues(tmp_path: Path) -> None:
    gold = tmp_path / "gold"
    gold.mkdir()
    for month, name in (("2024-05", "Ada Byron"), ("2024-06", "Grace Hopper")):
        issue = {"issue_month": month, "people": [{"id": "p1", "name": name}],
                 "organizations": [], "events": [], "publications": []}
        (gold / f"{month}.json").write_text(json.dumps(issue))
    result = run_cli(
        "eval", str(gold), "--issue", "2024-06", "--errors", "--store", str(tmp_path / "s")
    )
    assert result.returncode == 0, result.stderr
    assert "1 gold issue(s)" in result.stdout
    assert "2024-06 person missed: Grace Hopper" in result.stdout
    assert "Ada Byron" not in result.stdout
