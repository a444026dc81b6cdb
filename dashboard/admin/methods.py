"""Publishing an index set from /quan-tri: upload the set's file with its decision -> preview (the set as
the methodology page will show it, or every problem) -> publish. The same checks and storage as
`python -m dashboard methods import` (ingest.index_set_store): one pipeline, two doors. The templates of
the file are downloaded from here too.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import flask
from flask_login import login_required
from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired
from sqlalchemy import Engine
from wtforms import BooleanField, HiddenField, IntegerField, StringField, URLField
from wtforms.validators import URL, DataRequired, Length, NumberRange, Optional, Regexp

from dashboard.admin import units, uploads
from dashboard.i18n import normalize_language, t
from dashboard.ingest.index_set_store import MethodReport, make_header, publish_index_set
from dashboard.ingest.index_sets import Header
from dashboard.ingest.parsing import ImportRejected, Problem
from dashboard.views.index_set_table import method_table

TEMPLATE_FILES = ("bo-chi-so-mau.csv", "bo-chi-so-mau.xlsx")
FIELDS = (
    "code",
    "name_vi",
    "name_en",
    "issuer",
    "document",
    "document_date",
    "source_url",
    "first_year",
    "last_year",
)
YEAR = [Optional(), NumberRange(min=2000, max=2100)]


class MethodUploadForm(FlaskForm):
    file = FileField(validators=[FileRequired()])
    code = StringField(validators=[DataRequired(), Length(max=40), Regexp(r"^[a-z0-9][a-z0-9-]+$")])
    name_vi = StringField(validators=[DataRequired(), Length(max=300)])
    name_en = StringField(validators=[Optional(), Length(max=300)])
    issuer = StringField(validators=[DataRequired(), Length(max=300)])
    document = StringField(validators=[DataRequired(), Length(max=300)])
    document_date = StringField(validators=[Optional(), Regexp(r"^\d{4}(-\d{2}(-\d{2})?)?$")])
    source_url = URLField(validators=[DataRequired(), URL(require_tld=True), Length(max=1000)])
    first_year = IntegerField(validators=YEAR)
    last_year = IntegerField(validators=YEAR)
    correct = BooleanField()


class MethodPublishForm(FlaskForm):
    """Publishing sends back only the upload's hash and the fields the preview was made with."""

    upload = HiddenField(validators=[DataRequired(), Regexp(r"^[0-9a-f]{64}$")])
    code = HiddenField(validators=[DataRequired()])
    name_vi = HiddenField(validators=[DataRequired()])
    name_en = HiddenField()
    issuer = HiddenField(validators=[DataRequired()])
    document = HiddenField(validators=[DataRequired()])
    document_date = HiddenField()
    source_url = HiddenField(validators=[DataRequired()])
    first_year = HiddenField()
    last_year = HiddenField()
    correct = HiddenField()


def _lang() -> str:
    return normalize_language(flask.request.args.get("lang"))


def _year(value: object) -> int | None:
    text = str(value or "").strip()
    return int(text) if text.isdigit() else None


def _header(form: MethodUploadForm | MethodPublishForm) -> Header:
    return make_header(
        code=form.code.data,
        name_vi=form.name_vi.data,
        name_en=form.name_en.data,
        issuer=form.issuer.data,
        document=form.document.data,
        source_url=form.source_url.data,
        document_date=form.document_date.data,
        first_year=_year(form.first_year.data),
        last_year=_year(form.last_year.data),
    )


def register(
    bp: flask.Blueprint,
    engine: Engine,
    *,
    uploads_dir: Path,
    templates_dir: Path,
    render: Callable[..., str],
    log: Callable[..., None],
) -> None:
    """Add the index-set routes to the publishing blueprint (its sign-in guard and CSRF apply)."""

    def preview(report: MethodReport | None, problems: list[Problem], **context: object) -> str:
        table = method_table(report.index_set, lang=_lang()) if report else None
        return render("method_preview.html", report=report, table=table, problems=problems, **context)

    @bp.route("/bo-chi-so", methods=["GET", "POST"])
    @login_required
    def method_upload() -> str | tuple[str, int]:
        form = MethodUploadForm()
        if flask.request.method == "GET" or not form.validate_on_submit():
            status = 400 if flask.request.method == "POST" else 200
            return render("method_upload.html", form=form, templates=TEMPLATE_FILES), status
        max_bytes = flask.current_app.config["DASHBOARD_SETTINGS"].max_upload_bytes
        kept = uploads.receive(form.file.data, uploads_dir, max_bytes=max_bytes, log=log)
        if isinstance(kept, uploads.UploadRefused):
            message = t(kept.key, _lang(), **kept.values)
            return render("method_upload.html", form=form, templates=TEMPLATE_FILES, message=message), 400
        digest = kept.sha256
        header, correct = _header(form), bool(form.correct.data)
        try:
            report = publish_index_set(engine, kept.path, header, dry_run=True, correct=correct)
        except ImportRejected as rejected:
            log("preview", "refused", digest=digest, detail=f"index set: {len(rejected.problems)} problem(s)")
            return preview(None, list(rejected.problems), upload=kept, form=None)
        log("preview", "ok", digest=digest, detail=f"index set {header.code}")
        publish_form = MethodPublishForm(
            formdata=None,
            upload=digest,
            correct="1" if correct else "",
            **{
                name: "" if getattr(form, name).data is None else str(getattr(form, name).data)
                for name in FIELDS
            },
        )
        return preview(report, [], upload=kept, form=publish_form)

    @bp.route("/bo-chi-so/cong-bo", methods=["POST"])
    @login_required
    def method_publish() -> str | tuple[str, int]:
        form = MethodPublishForm()
        path = uploads.find(uploads_dir, form.upload.data or "")
        if not form.validate_on_submit() or path is None:
            flask.abort(400)
        header = _header(form)
        try:
            report = publish_index_set(engine, path, header, correct=form.correct.data == "1")
        except ImportRejected as rejected:
            detail = f"index set: {len(rejected.problems)} problem(s)"
            log("publish", "refused", digest=form.upload.data, detail=detail)
            return preview(None, list(rejected.problems), upload=None, form=None), 400
        counts = f"{len(report.index_set.indicators)} indices, {len(report.corrections)} correction(s)"
        log("publish", "ok", digest=form.upload.data, detail=f"index set {header.code}: {counts}")
        return render("method_published.html", report=report)

    @bp.route("/mau/<name>")
    @login_required
    def method_template(name: str) -> flask.Response:
        if name not in (*TEMPLATE_FILES, *units.TEMPLATE_FILES):  # every template /quan-tri links
            flask.abort(404)
        return flask.send_from_directory(templates_dir, name, as_attachment=True)
