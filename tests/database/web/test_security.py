"""Security headers: the CSP pins exactly the inline scripts Dash serves, no others."""

from __future__ import annotations

import base64
import hashlib
import re

import pytest

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\ssrc=)([^>]*)>(.*?)</script>", re.DOTALL | re.IGNORECASE)
# Dash's index keeps an Internet Explorer warning inside a conditional comment: no browser runs it.
COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)


def _served_script_hashes(html: str) -> set[str]:
    """Hashes of the executable inline scripts of a page (JSON data blocks are not scripts)."""
    return {
        "'sha256-" + base64.b64encode(hashlib.sha256(body.encode()).digest()).decode() + "'"
        for attributes, body in INLINE_SCRIPT.findall(COMMENT.sub("", html))
        if "application/json" not in attributes
    }


def _policy_hashes(policy: str) -> set[str]:
    script_src = next(d for d in policy.split("; ") if d.startswith("script-src "))
    return {token for token in script_src.split()[1:] if token.startswith("'sha256-")}


@pytest.mark.parametrize("path", ["/", "/so-sanh?units=522,525", "/nhung/ban-do", "/khong-co-trang-nay"])
def test_policy_pins_every_inline_script_of_the_page(client, path: str) -> None:
    response = client.get(path)
    served = _served_script_hashes(response.get_data(as_text=True))
    assert served, "Dash serves its renderer inline"
    assert served <= _policy_hashes(response.headers["Content-Security-Policy"])


def test_policy_is_the_same_for_every_response_and_frames_only_embeds(client) -> None:
    page, embed, api = client.get("/"), client.get("/nhung/ban-do"), client.get("/api/v1/datapackage.json")
    assert _policy_hashes(page.headers["Content-Security-Policy"]) == _policy_hashes(
        api.headers["Content-Security-Policy"]
    )
    assert "frame-ancestors 'none'" in page.headers["Content-Security-Policy"]
    assert "frame-ancestors *" in embed.headers["Content-Security-Policy"]
    assert page.headers["X-Frame-Options"] == "DENY" and "X-Frame-Options" not in embed.headers
    assert "unsafe-inline" not in page.headers["Content-Security-Policy"].split("; ")[1]
