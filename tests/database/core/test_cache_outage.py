"""The app keeps serving when Redis goes away, and uses it again when it returns (a real redis-server);
a hung Redis (accepts, never answers) costs pages and sign-in at most one timeout."""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlencode

import pytest

NEEDS_REDIS_SERVER = pytest.mark.skipif(shutil.which("redis-server") is None, reason="needs redis-server")
EMAIL, PASSWORD = "canbo@skhcn.quangngai.gov.vn", "correct horse battery staple"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _get(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def _wait(url: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            _get(url)
            return
        except OSError:
            time.sleep(0.2)
    raise TimeoutError(url)


def _start_redis(port: int, directory: Path) -> subprocess.Popen:
    process = subprocess.Popen(
        [
            "redis-server",
            "--port",
            str(port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
            "--dir",
            str(directory),
        ],
        stdout=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return process
        time.sleep(0.1)
    raise TimeoutError("redis-server did not start")


@NEEDS_REDIS_SERVER
def test_pages_survive_a_redis_outage_and_the_cache_comes_back(tmp_path: Path):
    redis_port, app_port = _free_port(), _free_port()
    redis = _start_redis(redis_port, tmp_path)
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env |= {
        "DASHBOARD_INSTANCE_DIR": str(tmp_path / "instance"),
        "DASHBOARD_BUILD_ON_START": "1",
        "CACHE_REDIS_URL": f"redis://127.0.0.1:{redis_port}/0",
    }
    log_path = tmp_path / "app.log"
    log_file = log_path.open("wb")
    app = subprocess.Popen(
        [sys.executable, "-m", "dashboard", "serve", "--port", str(app_port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=log_file,
    )
    base = f"http://127.0.0.1:{app_port}"
    csv = f"{base}/api/v1/observations.csv?year=2024&group=district"
    try:
        _wait(base + "/health")
        status, body = _get(base + "/health")
        assert status == 200 and b'"status":"ok"' in body.replace(b" ", b"")
        assert _get(csv)[0] == 200

        redis.terminate()
        redis.wait(timeout=10)
        status, body = _get(base + "/health")
        assert status == 200 and b'"status":"degraded"' in body.replace(b" ", b"")
        started = time.monotonic()
        assert _get(csv)[0] == 200
        assert _get(base + "/xep-hang?year=2019")[0] == 200
        assert time.monotonic() - started < 5  # fails fast, no long socket waits
        for _ in range(20):
            assert _get(base + "/xep-hang?year=2020")[0] == 200
        log = log_path.read_bytes()
        assert b"Traceback" not in log  # the breaker logs a line per pause, not a traceback per call
        assert log.count(b"Redis unavailable") <= 2

        redis = _start_redis(redis_port, tmp_path)
        deadline = time.monotonic() + 30  # the breaker tries Redis again once its pause is over
        while True:
            status, body = _get(base + "/health")
            if b'"status":"ok"' in body.replace(b" ", b"") or time.monotonic() > deadline:
                break
            time.sleep(0.5)
        assert status == 200 and b'"status":"ok"' in body.replace(b" ", b"")
    finally:
        app.terminate()
        app.wait(timeout=10)
        log_file.close()
        redis.terminate()
        redis.wait(timeout=10)


def _timed(function, *args, **kwargs) -> tuple[float, object]:
    started = time.perf_counter()
    result = function(*args, **kwargs)
    return time.perf_counter() - started, result


@pytest.mark.timeout(240)
def test_a_hung_redis_keeps_pages_and_sign_in_within_one_timeout(tmp_path: Path, silent_redis):
    app_port = _free_port()
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env |= {
        "DASHBOARD_INSTANCE_DIR": str(tmp_path / "instance"),
        "DASHBOARD_BUILD_ON_START": "1",
        "CACHE_REDIS_URL": silent_redis.url,
        "SECRET_KEY": "hung-redis-test",
    }
    subprocess.run(  # the database and one publisher, made before the app starts
        [sys.executable, "-m", "dashboard", "build"], env=env, check=True, capture_output=True
    )
    subprocess.run(
        [sys.executable, "-m", "dashboard", "users", "add", EMAIL, "--role", "publisher", "--password-stdin"],
        input=PASSWORD + "\n",
        text=True,
        env=env,
        check=True,
        capture_output=True,
    )
    log_path = tmp_path / "app.log"
    with log_path.open("wb") as log_file:
        app = subprocess.Popen(
            [sys.executable, "-m", "dashboard", "serve", "--port", str(app_port)],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=log_file,
        )
        base = f"http://127.0.0.1:{app_port}"
        try:
            _wait(base + "/health")
            page_seconds, (page_status, _) = _timed(_get, base + "/xep-hang?year=2019")
            csv_seconds, (csv_status, _) = _timed(
                _get, f"{base}/api/v1/observations.csv?year=2024&group=district"
            )
            opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor())
            page = opener.open(base + "/quan-tri/dang-nhap", timeout=30).read().decode()
            token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)
            form = urlencode({"email": EMAIL, "password": PASSWORD, "csrf_token": token}).encode()
            sign_in_seconds, signed_in = _timed(
                opener.open, base + "/quan-tri/dang-nhap", data=form, timeout=30
            )
            assert (page_status, csv_status, signed_in.status) == (200, 200, 200)
            assert signed_in.url.startswith(base + "/quan-tri/nhap-du-lieu")  # redirected: signed in
            assert silent_redis.accepted  # the app did ask the hung Redis
            print(
                f"with a hung Redis: page {page_seconds:.3f} s, download {csv_seconds:.3f} s, "
                f"sign-in {sign_in_seconds:.3f} s"
            )
        finally:
            app.terminate()
            app.wait(timeout=10)
    assert b"Traceback" not in log_path.read_bytes()
