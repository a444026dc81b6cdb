"""The Data Package at /api/v1/datapackage.json is valid by Frictionless' own validator (the descriptor
only: its resources are URLs, and tests never reach the network)."""

from __future__ import annotations

import pytest

frictionless = pytest.importorskip("frictionless")


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_datapackage_is_valid_frictionless(client, lang: str) -> None:
    descriptor = client.get(f"/api/v1/datapackage.json?lang={lang}").get_json()
    report = frictionless.Package.validate_descriptor(descriptor)
    assert report.valid, report.flatten(["type", "note"])
    assert descriptor["created"].endswith("Z") and "T" in descriptor["created"]  # an RFC 3339 datetime
