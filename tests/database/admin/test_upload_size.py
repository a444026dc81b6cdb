"""One upload size (MAX_UPLOAD_MB) for the form's hint, the app's body cap and its clean 413 page."""

from __future__ import annotations

import io
import re
from pathlib import Path

import flask
import pytest

from dashboard import admin
from dashboard.admin import accounts, uploads
from dashboard.config import Settings

PASSWORD = "correct horse battery staple"
EMAIL = "canbo@skhcn.quangngai.gov.vn"


@pytest.fixture
def signed_in(fresh_engine, tmp_path: Path):
    engine = fresh_engine()
    accounts.add(engine, EMAIL, PASSWORD, role="publisher")
    settings = Settings.from_env(
        {"DASHBOARD_INSTANCE_DIR": str(tmp_path), "MAX_UPLOAD_MB": "0.5"}, secret_key="test-secret-key"
    )
    server = flask.Flask("upload-size-test")
    admin.install(server, settings, engine=engine)
    client = server.test_client()
    page = client.get("/quan-tri/dang-nhap").get_data(as_text=True)
    form = {"email": EMAIL, "password": PASSWORD, "csrf_token": _token(page)}
    assert client.post("/quan-tri/dang-nhap", data=form).status_code == 302
    return client


def _token(html: str) -> str:
    return re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', html).group(1)


def test_a_body_over_the_upload_size_gets_the_upload_page_with_a_413(signed_in):
    page = signed_in.get("/quan-tri/nhap-du-lieu?lang=en").get_data(as_text=True)
    assert "at most 0.5 MB" in page  # the hint says the configured size
    form = {"csrf_token": _token(page), "file": (io.BytesIO(b"a;b\n" * 200_000), "annex.csv")}
    answer = signed_in.post("/quan-tri/nhap-du-lieu?lang=en", data=form, content_type="multipart/form-data")
    assert answer.status_code == 413
    text = answer.get_data(as_text=True)
    assert "The file is larger than 0.5 MB." in text and 'enctype="multipart/form-data"' in text


def test_a_file_just_over_the_size_is_refused_by_the_upload_check():
    with pytest.raises(uploads.UploadRefused) as refused:
        uploads.check(b"a;b\n" * (2**17) + b"x", "annex.csv", max_bytes=2**19)
    assert refused.value.key == "admin.upload.too_large" and refused.value.values == {"limit": "0.5"}
    assert uploads.check(b"a;b\n" * (2**17), "annex.csv", max_bytes=2**19) == ".csv"


def test_the_upload_size_is_one_setting_for_the_app_and_nginx():
    settings = Settings.from_env({"MAX_UPLOAD_MB": "25"})
    assert settings.max_upload_bytes == 25 * 2**20
    assert settings.upload_body_bytes == 25 * 2**20 + 64 * 1024  # what deploy/start.sh gives nginx
