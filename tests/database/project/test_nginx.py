"""The production recipe (deploy/start.sh): nginx with TLS in front of gunicorn, as deployed.

Slow clients do not keep /health from answering (without nginx, 50 clients sending one header line
every few seconds hold every gunicorn thread); plain HTTP redirects to HTTPS with HSTS; a publisher
signs in over HTTPS with the production (Secure) session cookie, and a 5 MB annex uploads and publishes;
a too-large body gets the same clean 413 message from nginx; one client's wrong passwords do not lock
out another's sign-in. Loopback only (clients from 127.0.0.2, .3 stand for other machines); bounded in
time and in count.
"""

from __future__ import annotations

import http.client
import http.cookies
import os
import random
import re
import shutil
import signal
import socket
import ssl
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

import pytest

from dashboard.config import REPO_ROOT

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
pytestmark = [
    pytest.mark.skipif(not Path(NGINX).exists(), reason="needs Debian nginx-light"),
    # It runs its own app on SQLite whatever the environment says: once, in the embedded pass.
    pytest.mark.skipif(bool(os.environ.get("DATABASE_URL")), reason="runs in the embedded pass"),
]
SLOW_CLIENTS = 50
EMAIL, PASSWORD = "canbo@skhcn.quangngai.gov.vn", "correct horse battery staple"
ANNEX = REPO_ROOT / "data" / "illustrative" / "qn_readiness_annex_2024.csv"
HSTS = "max-age=31536000"


_HANDED_OUT: set[int] = set()


def _free_port() -> int:
    """A free loopback port in 18000-18999 (the range this project's servers use on shared machines).
    Drawn from the system's randomness: the test workers' `random` can be seeded alike (two picked 18556
    at the same moment, and the second gunicorn could not bind)."""
    for port in random.SystemRandom().sample(range(18000, 19000), 1000):
        if port in _HANDED_OUT:  # given to a server that may not have bound it yet
            continue
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) != 0:
                try:
                    probe.close()
                    with socket.socket() as binding:
                        binding.bind(("127.0.0.1", port))
                    _HANDED_OUT.add(port)
                    return port
                except OSError:
                    continue
    raise RuntimeError("no free port in 18000-18999")


@dataclass
class Recipe:
    """The running recipe: its HTTPS address, its plain HTTP port, and a TLS context trusting its
    self-signed certificate (checked for real, host name included)."""

    base: str
    tls_port: int
    http_port: int
    tls: ssl.SSLContext
    run_dir: Path

    def get(self, path: str, *, timeout: float = 5, headers: dict | None = None) -> tuple[int, bytes, dict]:
        request = urllib.request.Request(self.base + path, headers=headers or {})
        try:
            with urllib.request.urlopen(request, timeout=timeout, context=self.tls) as response:
                return response.status, response.read(), dict(response.headers)
        except urllib.error.HTTPError as error:
            return error.code, error.read(), dict(error.headers)


class Browser:
    """An HTTPS client from one loopback address that keeps its cookies (as a browser would)."""

    def __init__(self, recipe: Recipe, source: str = "127.0.0.1") -> None:
        self.recipe, self.source, self.cookies = recipe, source, http.cookies.SimpleCookie()

    def request(self, method: str, path: str, *, body: bytes = b"", content_type: str = ""):
        connection = http.client.HTTPSConnection(
            "127.0.0.1",
            self.recipe.tls_port,
            timeout=60,
            context=self.recipe.tls,
            source_address=(self.source, 0),
        )
        headers = {"Cookie": "; ".join(f"{k}={v.value}" for k, v in self.cookies.items())}
        if content_type:
            headers["Content-Type"] = content_type
            # As a browser posting a form of this site; Flask-WTF checks it on HTTPS.
            headers["Referer"] = self.recipe.base + path
        try:
            connection.request(method, path, body=body or None, headers=headers)
            response = connection.getresponse()
            for cookie in response.headers.get_all("Set-Cookie") or []:
                if "Max-Age=0" not in cookie:  # Flask-Login's deletions carry no flags, and no value
                    assert "Secure" in cookie and "HttpOnly" in cookie, cookie
                self.cookies.load(cookie)
            return response.status, response.read().decode("utf-8", "replace"), response.headers
        finally:
            connection.close()

    def form(self, path: str, fields: dict[str, str]):
        return self.request(
            "POST", path, body=urlencode(fields).encode(), content_type="application/x-www-form-urlencoded"
        )

    def sign_in(self, password: str):
        _, page, _ = self.request("GET", "/quan-tri/dang-nhap")
        return self.form(
            "/quan-tri/dang-nhap", {"email": EMAIL, "password": password, "csrf_token": _token(page)}
        )


def _token(html: str) -> str:
    match = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', html)
    assert match, html[:2000]
    return match.group(1)


def _multipart(fields: dict[str, str], file_name: str, data: bytes) -> tuple[bytes, str]:
    boundary = "----recipe-test-boundary"
    parts = [
        f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode()
        for name, value in fields.items()
    ]
    parts.append(
        f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{file_name}"\r\n'
        "Content-Type: text/csv\r\n\r\n".encode()
        + data
        + f"\r\n--{boundary}--\r\n".encode()
    )
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


@pytest.fixture(scope="module")
def recipe(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Recipe]:
    """deploy/start.sh on free loopback ports (production mode, self-signed certificate, one publisher
    account): one gunicorn worker with four threads behind nginx."""
    http_port, tls_port, app_port = _free_port(), _free_port(), _free_port()
    instance = tmp_path_factory.mktemp("recipe")
    # Not under pytest's folders: they are private to root, nginx's workers could not reach them.
    run_dir = Path(tempfile.mkdtemp(prefix="qn-nginx-"))
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "CACHE_REDIS_URL")}
    env |= {
        "LISTEN": f"127.0.0.1:{http_port}",
        "LISTEN_TLS": f"127.0.0.1:{tls_port}",
        "UPSTREAM": f"127.0.0.1:{app_port}",
        "NGINX_RUN_DIR": str(run_dir),
        "DASHBOARD_INSTANCE_DIR": str(instance / "instance"),
        "DASHBOARD_ENV": "production",
        "SECRET_KEY": "recipe-test-secret-key",
        "PYTHON": sys.executable,
        "WEB_CONCURRENCY": "1",
        "GUNICORN_THREADS": "4",
    }
    log = instance / "start.log"
    process = subprocess.Popen(
        ["bash", str(REPO_ROOT / "deploy" / "start.sh")],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=log.open("wb"),
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 120
        while not (run_dir / "self-signed.crt").exists():
            assert process.poll() is None, log.read_text()[-3000:]
            assert time.monotonic() < deadline, "no certificate made"
            time.sleep(0.2)
        time.sleep(0.5)  # the certificate file is complete once openssl has exited
        tls = ssl.create_default_context(cafile=str(run_dir / "self-signed.crt"))
        running = Recipe(f"https://127.0.0.1:{tls_port}", tls_port, http_port, tls, run_dir)
        while True:
            try:
                if running.get("/health")[0] == 200:
                    break
            except OSError:
                pass
            assert process.poll() is None, log.read_text()[-3000:]
            assert time.monotonic() < deadline, "nginx + gunicorn did not start"
            time.sleep(0.5)
        subprocess.run(
            [
                sys.executable,
                "-m",
                "dashboard",
                "users",
                "add",
                EMAIL,
                "--role",
                "publisher",
                "--password-stdin",
            ],
            input=PASSWORD + "\n",
            text=True,
            env=env | {"PYTHONPATH": str(REPO_ROOT)},
            cwd=REPO_ROOT,
            check=True,
            capture_output=True,
        )
        yield running
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=10)
        shutil.rmtree(run_dir, ignore_errors=True)


def test_slow_clients_do_not_keep_health_from_answering(recipe):
    slow: list[socket.socket] = []
    try:
        for n in range(SLOW_CLIENTS):
            client = socket.create_connection(("127.0.0.1", recipe.http_port), timeout=5)
            client.sendall(f"GET /xep-hang?slow={n} HTTP/1.1\r\nHost: 127.0.0.1\r\n".encode())
            slow.append(client)
        answers = []
        for second in range(8):  # one more header line per client each second, never the blank line
            for client in slow:
                client.sendall(f"X-Slow-{second}: {'a' * 10}\r\n".encode())
            answers.append(recipe.get("/health", timeout=5)[0])
            time.sleep(1)
        assert answers == [200] * 8
    finally:
        for client in slow:
            client.close()


def test_the_recipe_serves_https_with_hsts_and_drops_other_hosts(recipe):
    status, body, headers = recipe.get("/xep-hang")
    assert status == 200 and headers["Strict-Transport-Security"] == HSTS
    # Link previews name the public HTTPS address (PUBLIC_BASE_URL), with its port.
    assert f'<meta property="og:url" content="{recipe.base}/xep-hang">' in body.decode()
    status, body, headers = recipe.get("/assets/site.css")
    assert status == 200 and body and headers["Strict-Transport-Security"] == HSTS
    with pytest.raises(OSError):  # nginx closes the connection without an answer (444)
        recipe.get("/health", headers={"Host": "evil.example"})
    assert recipe.get("/api/v1/units.csv")[0] == 200


def test_plain_http_redirects_to_the_public_https_address(recipe):
    connection = http.client.HTTPConnection("127.0.0.1", recipe.http_port, timeout=5)
    connection.request("GET", "/xep-hang?lang=en", headers={"Host": f"127.0.0.1:{recipe.http_port}"})
    response = connection.getresponse()
    assert response.status == 301
    assert response.headers["Location"] == f"{recipe.base}/xep-hang?lang=en"
    connection.close()


def test_nginx_turns_away_a_flood_of_callbacks_before_python_sees_it(recipe):
    """Burst 30 at 5 per second: a client asking back to back is refused by nginx within ~40 requests."""
    refused = None
    for _ in range(200):
        status, body, headers = recipe.get("/_dash-update-component")  # a GET: 404 here
        if status == 429:
            refused = (body, headers)
            break
        assert status == 404
    assert refused is not None
    body, headers = refused
    assert headers["Retry-After"] == "1" and b'"status": 429' in body
    assert headers["Strict-Transport-Security"] == HSTS


def test_a_publisher_signs_in_over_https_and_a_5_mb_annex_publishes(recipe):
    publisher = Browser(recipe, "127.0.0.2")
    status, body, headers = publisher.sign_in(PASSWORD)
    assert status == 302 and headers["Location"].startswith("/quan-tri/nhap-du-lieu"), body[-2000:]
    _, page, _ = publisher.request("GET", "/quan-tri/nhap-du-lieu")
    # The published annex, padded to 5 MB with blank lines (skipped by the reader, as in a real export).
    annex = ANNEX.read_bytes()
    data = annex + b"\r\n" * ((5 * 2**20 - len(annex)) // 2)
    assert len(data) >= 5 * 2**20 - 2
    fields = {
        "csrf_token": _token(page),
        "year": "2024",
        "methodology": "qn-dti-2020",
        "kind": "official",
        "issuer": "UBND tỉnh Quảng Ngãi",
        "document": "Quyết định số 123/QĐ-UBND ngày 15/3/2025",
        "source_url": "https://quangngai.gov.vn/van-ban/123",
        "replaces": "illustrative-readiness-2024",
    }
    body, content_type = _multipart(fields, "phu-luc.csv", data)
    status, preview, _ = publisher.request(
        "POST", "/quan-tri/nhap-du-lieu", body=body, content_type=content_type
    )
    assert status == 200 and "Lỗi: 0;" in preview, preview[-3000:]
    form = preview[preview.index('action="/quan-tri/cong-bo') :]
    hidden = dict(re.findall(r'name="([a-z_0-9]+)" type="hidden" value="([^"]*)"', form))
    status, published, _ = publisher.form("/quan-tri/cong-bo", hidden)
    assert status == 200 and "qn-dti-2020-2024-official" in published, published[-3000:]
    status, body, _ = recipe.get("/api/v1/observations.csv?year=2024")
    assert status == 200 and "123/QĐ-UBND" in body.decode("utf-8-sig")  # the new source, public at once


def test_a_body_over_the_upload_size_gets_the_clean_413_page_from_nginx(recipe):
    publisher = Browser(recipe, "127.0.0.3")
    assert publisher.sign_in(PASSWORD)[0] == 302
    _, page, _ = publisher.request("GET", "/quan-tri/nhap-du-lieu")
    body, content_type = _multipart({"csrf_token": _token(page)}, "big.csv", b"a,b\r\n" * (3 * 2**20))
    status, answer, headers = publisher.request(
        "POST", "/quan-tri/nhap-du-lieu", body=body, content_type=content_type
    )
    assert status == 413 and headers["Content-Type"].startswith("text/html")
    assert "Tệp lớn hơn 10 MB." in answer and "The file is larger than 10 MB." in answer
    assert headers["Strict-Transport-Security"] == HSTS


def test_wrong_passwords_from_one_client_do_not_lock_out_another(recipe):
    attacker, publisher = Browser(recipe, "127.0.0.4"), Browser(recipe, "127.0.0.5")
    _, page, _ = attacker.request("GET", "/quan-tri/dang-nhap")
    wrong = {"email": EMAIL, "password": "wrong password, again", "csrf_token": _token(page)}
    answers = [attacker.form("/quan-tri/dang-nhap", wrong) for _ in range(100)]
    statuses = [status for status, _, _ in answers]
    # The first ten reach the app and are refused; then its throttle (429 from the app, with its sign-in
    # page), then nginx's limit once the burst is spent. Every guess after the tenth is turned away.
    assert statuses[:10] == [200] * 10 and set(statuses[10:]) == {429}
    assert "Too many failed sign-ins" in answers[10][1] or "Quá nhiều lần đăng nhập sai" in answers[10][1]
    # Behind nginx every client used to be 127.0.0.1, and ten wrong passwords locked out everyone.
    assert publisher.sign_in(PASSWORD)[0] == 302
