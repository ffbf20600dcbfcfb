"""Read newsletter files: the public entry points ``read`` and ``discover``.

Bad input fails early with one :class:`~partnerkg.errors.ReaderError` naming the file
and the fix; which parser runs is looked up by suffix in
:data:`partnerkg.extract.formats.FORMATS`.

Offsets in every :class:`~partnerkg.extract.model.SourceSpan` are character offsets
into ``Newsletter.text``: the file decoded as UTF-8 (line endings kept), or for an
``.eml`` file the decoded body part it was read from (``SourceSpan.file`` still names
the .eml). ``Newsletter.text`` is that raw source, tracking URLs included, so it is the
one field never to export; all other fields (plain text, span texts, link targets)
carry only unwrapped targets.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass
from pathlib import Path

from partnerkg.errors import ReaderError
from partnerkg.extract.assemble import assemble
from partnerkg.extract.formats import FORMATS, FormatReader
from partnerkg.extract.issue_month import issue_month as find_issue_month
from partnerkg.extract.model import Newsletter

log = logging.getLogger(__name__)

#: Largest file read (bytes): a newsletter is ~100 kB; anything this big is not one.
MAX_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class Skipped:
    """A file ``discover`` will not read, and why."""

    path: Path
    reason: str


@dataclass(frozen=True, slots=True)
class Discovery:
    """Readable newsletter files found under the given paths, and the files skipped."""

    files: tuple[Path, ...]
    skipped: tuple[Skipped, ...]


def read(path: str | Path, issue_month: str | None = None) -> Newsletter:
    """Read one newsletter file (.md, .html/.htm, .eml, .txt).

    Parameters
    ----------
    path : the file to read.
    issue_month : "YYYY-MM", used only when neither the text nor the file name says it.

    Raises
    ------
    ReaderError : missing, empty, binary, too large or unknown-type file, unknown month.
    """
    file = Path(path)
    reader = _reader_for(file)
    data = _load(file)
    text, raw_blocks = reader(data, str(file))
    issue = find_issue_month(text, str(file), issue_month)
    digest = hashlib.sha256(data).hexdigest()
    newsletter = assemble(str(file), text, raw_blocks, issue, digest)
    log.info("read %s: issue %s, %d items", file, newsletter.issue_month, len(newsletter.items))
    return newsletter


def discover(paths: list[str | Path] | tuple[str | Path, ...]) -> Discovery:
    """Newsletter files in ``paths`` (files or folders, searched recursively), sorted.

    Files with a suffix no reader handles, and hidden files, are skipped with a reason
    so the CLI can tell the user; a path that does not exist is an error.
    """
    files: list[Path] = []
    skipped: list[Skipped] = []
    for path in map(Path, paths):
        if not path.exists():
            raise ReaderError(f"{path}: no such file or folder; check the path")
        candidates = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for candidate in candidates:
            reason = _skip_reason(candidate)
            if reason:
                skipped.append(Skipped(candidate, reason))
            else:
                files.append(candidate)
    return Discovery(tuple(dict.fromkeys(files)), tuple(skipped))


def _skip_reason(path: Path) -> str | None:
    if path.name.startswith("."):
        return "hidden file"
    if path.suffix.lower() not in FORMATS:
        return f"unknown file type {path.suffix or '(none)'!r}; readable: {_suffixes()}"
    return None


def _suffixes() -> str:
    return ", ".join(sorted(FORMATS))


def _reader_for(file: Path) -> FormatReader:
    reader = FORMATS.get(file.suffix.lower())
    if reader is None:
        raise ReaderError(
            f"{file}: unknown file type {file.suffix or '(none)'!r}; "
            f"save the newsletter as one of {_suffixes()}"
        )
    return reader


def _load(file: Path) -> bytes:
    """The file's bytes, after the checks that need no parsing."""
    if not file.is_file():
        raise ReaderError(f"{file}: no such file; check the path")
    size = file.stat().st_size
    if size > MAX_BYTES:
        raise ReaderError(
            f"{file}: {size / 1e6:.0f} MB is larger than the {MAX_BYTES // 2**20} MiB limit "
            "for a newsletter; pass the newsletter itself, not an archive or export"
        )
    try:
        data = file.read_bytes()
    except OSError as error:
        raise ReaderError(f"{file}: cannot read ({error.strerror}); check permissions") from error
    if not data.strip():
        raise ReaderError(f"{file}: the file is empty; export the newsletter again")
    if b"\x00" in data:
        raise ReaderError(
            f"{file}: contains NUL bytes, so it is binary, not a newsletter; "
            f"pass a text export ({_suffixes()})"
        )
    return data
