"""nginx in front of gunicorn (deploy/start.sh): 50 slow clients do not keep /health from answering.

Without nginx, each of gunicorn's threads is held by a client that sends one header line every few
seconds (slowloris), and /health times out for as long as they keep going (issue 15). Loopback only;
bounded in time (about 8 s of slow sending) and in count (50 connections).
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from dashboard.config import REPO_ROOT

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
pytestmark = [
    pytest.mark.skipif(not Path(NGINX).exists(), reason="needs Debian nginx-light"),
    # It runs its own app on SQLite whatever the environment says: once, in the embedded pass.
    pytest.mark.skipif(bool(os.environ.get("DATABASE_URL")), reason="runs in the embedded pass"),
]
SLOW_CLIENTS = 50


def _free_port() -> int:
    """A free loopback port in 18000-18999 (the range this project's servers use on shared machines)."""
    for port in random.sample(range(18000, 19000), 1000):
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) != 0:
                try:
                    probe.close()
                    with socket.socket() as binding:
                        binding.bind(("127.0.0.1", port))
                    return port
                except OSError:
                    continue
    raise RuntimeError("no free port in 18000-18999")


def _get(url: str, *, timeout: float = 5, headers: dict | None = None) -> tuple[int, bytes]:
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


@pytest.fixture
def behind_nginx(tmp_path: Path) -> Iterator[str]:
    """deploy/start.sh on free loopback ports: one gunicorn worker with two threads behind nginx."""
    nginx_port, app_port = _free_port(), _free_port()
    # Not under tmp_path: pytest's folders are private to root, nginx's workers could not reach it.
    run_dir = tempfile.mkdtemp(prefix="qn-nginx-")
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "CACHE_REDIS_URL")}
    env |= {
        "LISTEN": f"127.0.0.1:{nginx_port}",
        "UPSTREAM": f"127.0.0.1:{app_port}",
        "NGINX_RUN_DIR": run_dir,
        "DASHBOARD_INSTANCE_DIR": str(tmp_path / "instance"),
        "PYTHON": sys.executable,
        "WEB_CONCURRENCY": "1",
        "GUNICORN_THREADS": "2",
    }
    process = subprocess.Popen(
        ["bash", str(REPO_ROOT / "deploy" / "start.sh")],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=(tmp_path / "start.log").open("wb"),
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{nginx_port}"
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                if _get(base + "/health")[0] == 200:
                    break
            except OSError:
                pass
            assert process.poll() is None, (tmp_path / "start.log").read_text()[-3000:]
            assert time.monotonic() < deadline, "nginx + gunicorn did not start"
            time.sleep(0.5)
        yield base
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=10)
        shutil.rmtree(run_dir, ignore_errors=True)


def test_slow_clients_do_not_keep_health_from_answering(behind_nginx):
    port = int(behind_nginx.rsplit(":", 1)[1])
    slow: list[socket.socket] = []
    try:
        for n in range(SLOW_CLIENTS):
            client = socket.create_connection(("127.0.0.1", port), timeout=5)
            client.sendall(f"GET /xep-hang?slow={n} HTTP/1.1\r\nHost: 127.0.0.1\r\n".encode())
            slow.append(client)
        answers = []
        for second in range(8):  # one more header line per client each second, never the blank line
            for client in slow:
                client.sendall(f"X-Slow-{second}: {'a' * 10}\r\n".encode())
            answers.append(_get(behind_nginx + "/health", timeout=5)[0])
            time.sleep(1)
        assert answers == [200] * 8
    finally:
        for client in slow:
            client.close()


def test_the_recipe_serves_pages_static_files_and_drops_other_hosts(behind_nginx):
    assert _get(behind_nginx + "/xep-hang")[0] == 200
    status, body = _get(behind_nginx + "/assets/site.css")
    assert status == 200 and body
    with pytest.raises(OSError):  # nginx closes the connection without an answer (444)
        _get(behind_nginx + "/health", headers={"Host": "evil.example"})
    status, _ = _get(behind_nginx + "/api/v1/units.csv")
    assert status == 200


def test_nginx_turns_away_a_flood_of_callbacks_before_python_sees_it(behind_nginx):
    """Burst 30 at 5 per second: a client asking back to back is refused by nginx within ~40 requests."""
    refused = None
    for _ in range(200):
        try:
            urllib.request.urlopen(behind_nginx + "/_dash-update-component", timeout=5)  # a GET: 404 here
        except urllib.error.HTTPError as error:
            if error.code == 429:
                refused = error
                break
            assert error.code == 404
    assert refused is not None
    assert refused.headers["Retry-After"] == "1" and b'"status": 429' in refused.read()
