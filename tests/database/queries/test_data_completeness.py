"""The data the app serves is complete: every dataset and source has a licence and a kind, and illustrative
figures come only from the generator."""

from __future__ import annotations


def test_every_dataset_and_source_has_licence_and_kind(app):
    from dashboard import queries

    with app.server.test_request_context("/"):
        datasets = queries.datasets()
        sources = queries.sources()
    assert datasets["licence"].str.len().min() > 0
    assert sources["licence"].str.len().min() > 0
    assert set(sources["kind"]) <= {"official", "press", "community", "illustrative", "reference"}
    real = sources[sources["kind"].isin(["official", "press"])]
    assert (real["url"].notna() | real["note"].notna()).all()


def test_illustrative_data_is_only_from_the_generator(app):
    from dashboard import queries

    with app.server.test_request_context("/"):
        frame = queries.observations()
    illustrative = frame[frame["data_kind"] == "illustrative"]
    assert set(illustrative["indicator_code"].str.split("_").str[0]) <= {"ITR", "DTI", "DTI25", "EDOC"}
    scores = {c for c in illustrative["indicator_code"] if c.startswith(("ITR_", "DTI"))}
    assert scores and not scores & set(frame[frame["data_kind"] != "illustrative"]["indicator_code"])
    assert "province" not in set(illustrative["unit_kind"])
    # communes exist only from 1/7/2025: their illustrative figures are 2025 results in points
    communes = illustrative[illustrative["unit_kind"] == "commune"]
    assert set(communes["year"]) == {2025} and set(communes["indicator_code"].str[:6]) == {"DTI25_"}
