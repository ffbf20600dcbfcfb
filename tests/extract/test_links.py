"""Link unwrapping: safelinks, mailer click-tracking, tracking parameters, DOIs."""

from __future__ import annotations

import base64
import json
from urllib.parse import quote

import pytest

from partnerkg.extract.links import doi_of, strip_tracking, unwrap

RECIPIENT = "pat.reader@example.org"


def _tracked(target: str, urlsafe: bool = True, padded: bool = False) -> str:
    """A mailer click-tracking redirect wrapped in an Outlook safelink, as mailed."""
    payload = json.dumps({"e": RECIPIENT, "ri": "contact-123", "u": target}).encode()
    encoded = (base64.urlsafe_b64encode if urlsafe else base64.b64encode)(payload).decode()
    encoded = encoded if padded else encoded.rstrip("=")
    click = f"http://elink.example.ac.uk/c/7/{encoded}/AbCdEf"
    return (
        "https://eur01.safelinks.protection.outlook.com/?url="
        + quote(click, safe="")
        + "&data=05%7C01%7C"
        + quote(RECIPIENT)
        + "%7Cabc&sdata=xyz%3D&reserved=0"
    )


@pytest.mark.parametrize("urlsafe", [True, False])
@pytest.mark.parametrize("padded", [True, False])
def test_double_wrapped_link_gives_the_real_target(urlsafe: bool, padded: bool) -> None:
    target = "https://www.example.org/events/open-day?lang=en"
    assert unwrap(_tracked(target, urlsafe, padded)) == target


def test_view_in_browser_links_have_no_target() -> None:
    view = "http://elink.example.ac.uk/m/1/5920/p1-t2331-987b/1/1/1"
    wrapped = "https://eur01.safelinks.protection.outlook.com/?url=" + quote(view, safe="")
    assert unwrap(view) is None
    assert unwrap(wrapped) is None


def test_tracking_parameters_and_addresses_are_removed() -> None:
    encoded_address = base64.b64encode(RECIPIENT.encode()).decode()
    url = (
        "https://example.org/page?id=7&utm_source=news&_cldee="
        + quote(encoded_address)
        + "&recipientid=contact-1&esid=e-2&who="
        + quote(RECIPIENT)
    )
    assert strip_tracking(url) == "https://example.org/page?id=7"


def test_plain_links_are_kept_as_they_are() -> None:
    assert unwrap("https://example.org/a/b#part") == "https://example.org/a/b#part"


@pytest.mark.parametrize(
    ("url", "doi"),
    [
        ("https://doi.org/10.1234/abc.5", "10.1234/abc.5"),
        ("http://dx.doi.org/10.1234/abc.5", "10.1234/abc.5"),
        ("https://onlinelibrary.example.com/doi/10.1002/sim.9", "10.1002/sim.9"),
        ("https://www.tandfonline.com/doi/full/10.1080/0001.2", "10.1080/0001.2"),
        (
            "https://link.springer.com/article/10.1007/s10676-023-0001-4",
            "10.1007/s10676-023-0001-4",
        ),
        ("https://www.nature.com/articles/s41586-020-0001-2", "10.1038/s41586-020-0001-2"),
        ("https://academic.oup.com/x/advance-article/doi/10.1093/x/y/7323", None),
        ("https://example.org/paper.pdf", None),
        ("https://arxiv.org/abs/2501.01234v2", "10.48550/arXiv.2501.01234"),
        ("https://arxiv.org/pdf/2501.01234.pdf", "10.48550/arXiv.2501.01234"),
        ("https://www.biorxiv.org/content/10.1101/2023.01.05.522901v1.full",
         "10.1101/2023.01.05.522901"),
        ("https://arxiv.org/list/cs.LG", None),
    ],
)
def test_dois_are_recognised(url: str, doi: str | None) -> None:
    assert doi_of(url) == doi
