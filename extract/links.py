"""Real link targets from e-mailed newsletters: unwrap redirects, drop tracking, find DOIs.

Newsletters reach readers through Outlook "safelinks" and a mailer's click-tracking
redirect, both of which carry the recipient's address and tracking ids. A graph must
hold only the real target, so every href passes through :func:`unwrap` first.
"""

from __future__ import annotations

import base64
import binascii
import json
import logging
import re
from urllib.parse import parse_qsl, unquote, urlencode, urlsplit, urlunsplit

log = logging.getLogger(__name__)

#: Query parameters that only ever identify a recipient or a mailing.
TRACKING_PARAMS = frozenset(
    {
        "_cldee",
        "recipientid",
        "esid",
        "data",
        "sdata",
        "reserved",
        "mc_cid",
        "mc_eid",
        "fbclid",
        "gclid",
        "_hsenc",
        "_hsmi",
        "mkt_tok",
    }
)
_TRACKING_PREFIXES = ("utm_",)
_MAX_DEPTH = 5


def unwrap(href: str) -> str | None:
    """The real target of ``href``, or None when it only points back at the mailing.

    Redirect layers are peeled until a plain URL remains; "view in browser" mailer
    links (``/m/…``) carry no target and give None.
    """
    url = href.strip()
    for _ in range(_MAX_DEPTH):
        inner = _redirect_target(url)
        if inner is None:
            break
        if inner == "":
            return None
        url = inner
    return strip_tracking(url)


def _redirect_target(url: str) -> str | None:
    """Target inside a known redirect ("" when the redirect has none), else None."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    if host.endswith("safelinks.protection.outlook.com"):
        return dict(parse_qsl(parts.query)).get("url", "")
    if host.startswith("elink."):
        return _mailer_target(parts.path)
    return None


def _mailer_target(path: str) -> str:
    """The ``u`` field of a click-tracking path ``/c/<n>/<base64 JSON>/…`` ("" if none)."""
    segments = [segment for segment in path.split("/") if segment]
    if len(segments) < 3 or segments[0] != "c":
        return ""
    # Standard base64 may itself contain "/": then the payload spans all middle segments.
    payload = _decode_base64_json(segments[2]) or _decode_base64_json("/".join(segments[2:-1]))
    target = payload.get("u") if isinstance(payload, dict) else None
    return target if isinstance(target, str) else ""


def _decode_base64_json(token: str) -> object:
    """JSON from standard or url-safe, padded or unpadded base64 (None when it is not)."""
    padded = token + "=" * (-len(token) % 4)
    for decode in (base64.urlsafe_b64decode, base64.b64decode):
        try:
            return json.loads(decode(padded))
        except (binascii.Error, ValueError):
            continue
    log.debug("a click-tracking payload is not base64 JSON (%d characters)", len(token))
    return None


def strip_tracking(url: str) -> str:
    """``url`` without tracking parameters or any parameter that names an e-mail address."""
    parts = urlsplit(url)
    if not parts.query:
        return url
    kept = [
        (key, value)
        for key, value in parse_qsl(parts.query, keep_blank_values=True)
        if not _is_tracking(key, value)
    ]
    return urlunsplit(parts._replace(query=urlencode(kept)))


def _is_tracking(key: str, value: str) -> bool:
    """True for a known tracking key or a value carrying an address (plain or base64)."""
    name = key.lower()
    if name in TRACKING_PARAMS or name.startswith(_TRACKING_PREFIXES):
        return True
    return "@" in unquote(value) or "@" in _base64_text(value)


def _base64_text(value: str) -> str:
    """``value`` decoded as base64 text, or "" when it is not base64."""
    try:
        return base64.b64decode(unquote(value) + "=" * (-len(value) % 4)).decode("utf-8", "ignore")
    except (binascii.Error, ValueError):
        return ""


def doi_of(url: str) -> str | None:
    """The DOI a publisher URL names, e.g. ``10.1038/s41586-020-2649-2``, else None.

    Covers doi.org resolvers, ``/doi/[full|abs|pdf/]10.…`` paths, Springer article
    pages, Nature article ids, arXiv abstracts and bioRxiv/medRxiv content pages. A
    ``doi`` deeper in the path (e.g. Oxford Academic's
    ``…/doi/10.1093/x/y/<article number>``) mixes DOI and site ids, so it gives None.
    """
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    path = unquote(parts.path)
    segments = [segment for segment in path.split("/") if segment]
    if host.endswith("doi.org"):
        return _doi_from(segments, 0)
    if host.endswith("nature.com") and segments[:1] == ["articles"] and len(segments) > 1:
        return f"10.1038/{segments[1]}" if segments[1].startswith("s4") else None
    if segments[:1] == ["doi"]:  # Wiley, T&F, ACM, SAGE: /doi/[full|abs|pdf/]10.…
        return _doi_from(segments, 1)
    if host.endswith("link.springer.com") and segments[:1] in (["article"], ["chapter"]):
        return _doi_from(segments, 1)
    if host.endswith("arxiv.org") and segments[:1] in (["abs"], ["pdf"]) and len(segments) == 2:
        return f"10.48550/arXiv.{_ARXIV_VERSION.sub('', segments[1])}"  # arXiv's DataCite DOI
    if host.endswith(("biorxiv.org", "medrxiv.org")) and segments[:1] == ["content"]:
        doi = _doi_from(segments[:3], 1)  # /content/10.1101/<id>v2.full
        return _PREPRINT_SUFFIX.sub("", doi) if doi else None
    return None


_ARXIV_VERSION = re.compile(r"(?:v\d+)?(?:\.pdf)?$")
_PREPRINT_SUFFIX = re.compile(r"(?:v\d+)?(?:\.full(?:\.pdf)?|\.abstract)?$")


def _doi_from(segments: list[str], start: int) -> str | None:
    """``10.prefix/suffix`` from the first ``10.`` segment at or after ``start``."""
    for index in range(start, len(segments)):
        if segments[index].startswith("10.") and index + 1 < len(segments):
            return "/".join(segments[index:])
    return None
