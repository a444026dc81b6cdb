"""Sign-in behind a proxy: throttles per real client and per account, summarised audit rows, a hung
Redis that costs one timeout, and sessions that end when idle or old."""

from __future__ import annotations

import time
from pathlib import Path

import flask
import pytest

from dashboard import admin
from dashboard.admin import accounts, audit, sessions
from dashboard.config import Settings
from dashboard.web import proxy

PASSWORD = "correct horse battery staple"
EMAIL = "canbo@skhcn.quangngai.gov.vn"
ATTACKER, PUBLISHER = "198.51.100.7", "203.0.113.20"


@pytest.fixture
def engine(fresh_engine):
    engine = fresh_engine()
    accounts.add(engine, EMAIL, PASSWORD, role="publisher")
    return engine


def _server(engine, tmp_path: Path, **overrides) -> flask.Flask:
    """The publishing pages behind one trusted proxy (as behind the recipe's nginx)."""
    overrides = {"secret_key": "test-secret-key", "proxy_hops": 1, **overrides}
    settings = Settings.from_env({"DASHBOARD_INSTANCE_DIR": str(tmp_path)}, **overrides)
    server = flask.Flask("sign-in-test")
    proxy.install(server, hops=settings.proxy_hops)
    admin.install(server, settings, engine=engine)
    return server


class Browser:
    """A test client whose requests reach the app through the proxy from one client address."""

    def __init__(self, server: flask.Flask, address: str) -> None:
        self.client = server.test_client()
        self.headers = {"X-Forwarded-For": address}

    def get(self, path: str):
        return self.client.get(path, headers=self.headers)

    def sign_in(self, password: str, *, email: str = EMAIL):
        page = self.get("/quan-tri/dang-nhap").get_data(as_text=True)
        token = page.split('name="csrf_token" type="hidden" value="', 1)[1].split('"', 1)[0]
        form = {"email": email, "password": password, "csrf_token": token}
        return self.client.post("/quan-tri/dang-nhap", data=form, headers=self.headers)


def test_a_hundred_wrong_passwords_from_one_client_leave_another_clients_sign_in_alone(engine, tmp_path):
    server = _server(engine, tmp_path)
    attacker = Browser(server, ATTACKER)
    answers = [attacker.sign_in("wrong password, again").status_code for _ in range(100)]
    assert answers == [200] * 10 + [429] * 90
    assert Browser(server, PUBLISHER).sign_in(PASSWORD).status_code == 302  # signed in
    rows = [e for e in audit.entries(engine) if e["action"] == "sign_in"]
    by_outcome = {o: [r["client"] for r in rows if r["outcome"] == o] for o in ("refused", "throttled", "ok")}
    # The real client addresses, and one row for 90 throttled tries (one per client per minute).
    assert by_outcome == {"refused": [ATTACKER] * 10, "throttled": [ATTACKER], "ok": [PUBLISHER]}


def test_many_clients_guessing_at_one_account_are_stopped_per_account(engine, tmp_path):
    server = _server(engine, tmp_path)
    for n in range(3):  # three clients' worth of failures: the account's own limit
        guesser = Browser(server, f"198.51.100.{n + 1}")
        assert {guesser.sign_in("wrong password, again").status_code for _ in range(10)} == {200}
    assert Browser(server, "198.51.100.99").sign_in("wrong password, again").status_code == 429
    assert Browser(server, "198.51.100.99").sign_in("x", email="other@example.org").status_code == 200


def test_without_a_trusted_proxy_a_forwarded_address_is_not_believed(engine, tmp_path):
    server = _server(engine, tmp_path, proxy_hops=0)
    for n in range(10):
        assert Browser(server, f"198.51.100.{n}").sign_in("wrong password, again").status_code == 200
    assert Browser(server, "198.51.100.200").sign_in(PASSWORD).status_code == 429  # all one client
    assert {e["client"] for e in audit.entries(engine)} == {"127.0.0.1"}


@pytest.mark.timeout(60)
def test_a_hung_redis_costs_sign_in_one_timeout_and_the_throttle_still_counts(engine, tmp_path, silent_redis):
    server = _server(engine, tmp_path, cache_redis_url=silent_redis.url)
    publisher = Browser(server, PUBLISHER)
    timings = []
    for _ in range(10):
        started = time.perf_counter()
        assert publisher.sign_in("wrong password, again").status_code == 200
        timings.append(time.perf_counter() - started)
    assert publisher.sign_in("wrong password, again").status_code == 429  # counted in memory meanwhile
    started = time.perf_counter()
    assert Browser(server, "203.0.113.21").sign_in(PASSWORD).status_code == 302
    timings.append(time.perf_counter() - started)
    assert silent_redis.accepted  # Redis was really asked, and hung
    print(f"sign-in with a hung Redis: first {timings[0]:.3f} s, slowest {max(timings):.3f} s")


def test_sessions_end_after_idling_and_after_their_lifetime(engine, tmp_path, monkeypatch):
    server = _server(engine, tmp_path)
    assert server.permanent_session_lifetime.total_seconds() == 8 * 3600  # not Flask's 31 days
    publisher = Browser(server, PUBLISHER)
    clock = [time.time()]
    monkeypatch.setattr(sessions, "now", lambda: clock[0])
    assert publisher.sign_in(PASSWORD).status_code == 302
    for _ in range(3):  # active every 29 minutes: still signed in
        clock[0] += 29 * 60
        assert publisher.get("/quan-tri/nhap-du-lieu").status_code == 200
    clock[0] += 31 * 60
    idle = publisher.get("/quan-tri/nhap-du-lieu")
    assert idle.status_code == 302 and "/quan-tri/dang-nhap" in idle.headers["Location"]
    page = publisher.get("/quan-tri/dang-nhap?lang=en").get_data(as_text=True)
    assert "Your session has ended" in page
    assert publisher.get("/quan-tri/nhap-du-lieu").status_code == 302  # signed out for good

    assert publisher.sign_in(PASSWORD).status_code == 302
    signed_in_at = clock[0]
    answers = []
    for _ in range(18):  # active every 29 minutes for over 8 hours
        clock[0] += 29 * 60
        answers.append(publisher.get("/quan-tri/nhap-du-lieu").status_code)
    ended = answers.index(302)
    assert set(answers[:ended]) == {200} and (ended + 1) * 29 * 60 > 8 * 3600 >= ended * 29 * 60
    assert clock[0] - signed_in_at > 8 * 3600


def test_session_limits_are_settings():
    settings = Settings.from_env({"SESSION_IDLE_MINUTES": "15", "SESSION_MAX_HOURS": "2"})
    assert (settings.session_idle_seconds, settings.session_max_seconds) == (900, 7200)


def test_the_old_proxy_list_is_refused_with_the_name_of_its_replacement():
    with pytest.raises(ValueError, match="PROXY_HOPS"):
        Settings.from_env({"TRUSTED_PROXIES": "127.0.0.1"})
    assert Settings.from_env({}).proxy_hops == 0 and Settings.from_env({"PROXY_HOPS": "1"}).proxy_hops == 1
