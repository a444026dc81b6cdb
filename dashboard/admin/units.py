"""Publishing units from /quan-tri: upload the units file -> preview (every change as it will be stored, or
every problem with its row and column) -> publish. The same checks and storage as `python -m dashboard
units import` (ingest.unit_store): one pipeline, two doors.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import flask
from flask_login import login_required
from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired
from sqlalchemy import Engine
from wtforms import HiddenField
from wtforms.validators import DataRequired, Regexp

from dashboard.admin import uploads
from dashboard.i18n import normalize_language, t
from dashboard.ingest.parsing import ImportRejected, Problem
from dashboard.ingest.unit_store import UnitReport, publish_units

TEMPLATE_FILES = ("don-vi-mau.csv", "don-vi-mau.xlsx")


class UnitUploadForm(FlaskForm):
    file = FileField(validators=[FileRequired()])


class UnitPublishForm(FlaskForm):
    """Publishing sends back only the upload's hash: the preview was made from that file alone."""

    upload = HiddenField(validators=[DataRequired(), Regexp(r"^[0-9a-f]{64}$")])


def _lang() -> str:
    return normalize_language(flask.request.args.get("lang"))


def register(
    bp: flask.Blueprint,
    engine: Engine,
    *,
    uploads_dir: Path,
    render: Callable[..., str],
    log: Callable[..., None],
) -> None:
    """Add the unit routes to the publishing blueprint (its sign-in guard and CSRF apply)."""

    def preview(report: UnitReport | None, problems: list[Problem], **context: object) -> str:
        return render("unit_preview.html", report=report, problems=problems, **context)

    @bp.route("/don-vi", methods=["GET", "POST"])
    @login_required
    def unit_upload() -> str | tuple[str, int]:
        form = UnitUploadForm()
        if flask.request.method == "GET" or not form.validate_on_submit():
            status = 400 if flask.request.method == "POST" else 200
            return render("unit_upload.html", form=form, templates=TEMPLATE_FILES), status
        max_bytes = flask.current_app.config["DASHBOARD_SETTINGS"].max_upload_bytes
        kept = uploads.receive(form.file.data, uploads_dir, max_bytes=max_bytes, log=log)
        if isinstance(kept, uploads.UploadRefused):
            message = t(kept.key, _lang(), **kept.values)
            return render("unit_upload.html", form=form, templates=TEMPLATE_FILES, message=message), 400
        digest = kept.sha256
        try:
            report = publish_units(engine, kept.path, dry_run=True)
        except ImportRejected as rejected:
            log("preview", "refused", digest=digest, detail=f"units: {len(rejected.problems)} problem(s)")
            return preview(None, list(rejected.problems), upload=kept, form=None)
        log("preview", "ok", digest=digest, detail=f"units: {len(report.changes)} change(s)")
        return preview(report, [], upload=kept, form=UnitPublishForm(formdata=None, upload=digest))

    @bp.route("/don-vi/cong-bo", methods=["POST"])
    @login_required
    def unit_publish() -> str | tuple[str, int]:
        form = UnitPublishForm()
        path = uploads.find(uploads_dir, form.upload.data or "")
        if not form.validate_on_submit() or path is None:
            flask.abort(400)
        try:
            report = publish_units(engine, path)
        except ImportRejected as rejected:
            log(
                "publish",
                "refused",
                digest=form.upload.data,
                detail=f"units: {len(rejected.problems)} problem(s)",
            )
            return preview(None, list(rejected.problems), upload=None, form=None), 400
        log("publish", "ok", digest=form.upload.data, detail=f"units: {len(report.changes)} change(s)")
        return render("unit_published.html", report=report)
