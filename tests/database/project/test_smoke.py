from dashboard import queries


def test_home_page_renders(client):
    response = client.get("/")
    assert response.status_code == 200
    assert b"_dash-app-content" in response.data or b"react-entry-point" in response.data


def test_observations_carry_sources(app):
    with app.server.test_request_context():
        frame = queries.observations()
    assert len(frame) > 1000
    assert frame["source_id"].notna().all()
    assert set(frame["data_kind"]) >= {"illustrative", "official", "press"}
