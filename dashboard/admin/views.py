"""Routes under /quan-tri: sign-in, upload -> preview -> publish, audit. Thin: the work is elsewhere."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import flask
from flask_limiter import Limiter
from flask_login import LoginManager, current_user, login_required, login_user, logout_user
from flask_wtf.csrf import CSRFProtect
from limits import parse
from limits.errors import StorageError
from redis.exceptions import RedisError
from sqlalchemy import Engine
from wtforms.fields import SelectChoice

from dashboard.admin import accounts, audit, methods, publishing, sessions, units, unknown_units, uploads
from dashboard.admin.forms import PublishForm, SignInForm, SignOutForm, UploadForm
from dashboard.config import Settings
from dashboard.i18n import normalize_language, t
from dashboard.ingest.parsing import ImportRejected

PREFIX = "/quan-tri"
# Failed attempts. Per client (the real one behind nginx, web.proxy), and per account from all clients
# together at three clients' worth: one client guessing at an account never locks its publisher out.
SIGN_IN_LIMIT_PER_CLIENT = "10 per minute"
SIGN_IN_LIMIT_PER_ACCOUNT = "30 per minute"
# Throttled tries are recorded once per client per minute (a flood does not fill the audit log).
THROTTLED_AUDIT_LIMIT = parse("1 per minute")
TEXT_FIELDS = (
    "year", "methodology", "kind", "issuer", "document", "source_url", "replaces", "reason", "units"
)  # fmt: skip
SWITCHES = ("confirm_shrink", "accept_published_inconsistencies")


def _lang() -> str:
    return normalize_language(flask.request.args.get("lang"))


def _client() -> str:
    return flask.request.remote_addr or "unknown"


def _submitted_account() -> str:
    return "account:" + accounts.normalize_email(flask.request.form.get("email", ""))[:254]


def _failed_sign_in(response: flask.Response) -> bool:
    return bool(flask.g.get("sign_in_failed"))


def _render(template: str, **context: object) -> str:
    lang = _lang()
    return flask.render_template(
        template,
        lang=lang,
        upload_limit=uploads.megabytes(_settings().max_upload_bytes),
        t=lambda key, **values: t(key, lang, **values),
        signed_in=current_user.is_authenticated,
        # Never bound to this request: reading its body again fails when it was too large (413).
        sign_out_form=SignOutForm(formdata=None) if current_user.is_authenticated else None,
        **context,
    )


def _settings() -> Settings:
    return flask.current_app.config["DASHBOARD_SETTINGS"]


def _fields(form: UploadForm | PublishForm) -> publishing.Fields:
    return publishing.Fields(
        year=int(form.year.data),
        methodology=form.methodology.data,
        kind=form.kind.data,
        issuer=form.issuer.data.strip(),
        document=form.document.data.strip(),
        source_url=form.source_url.data.strip(),
        replaces=(form.replaces.data or "").strip(),
        reason=(form.reason.data or "").strip(),
        # Ticked boxes on the upload form; "1" when the preview's hidden copies send them back.
        confirm_shrink=form.confirm_shrink.data in (True, "1"),
        accept_published_inconsistencies=form.accept_published_inconsistencies.data in (True, "1"),
        units=(form.units.data or "") if isinstance(form, PublishForm) else "",
    )


def make_blueprint(
    engine: Engine, *, uploads_dir: Path, limiter: Limiter, templates_dir: Path
) -> flask.Blueprint:
    """The publishing pages bound to one database and one upload folder."""
    bp = flask.Blueprint(
        "admin", __name__, url_prefix=PREFIX, template_folder="templates", static_folder="static"
    )
    log = _audit_logger(engine)
    _install_guard(bp)
    _error_pages(bp, engine, limiter)
    _session_routes(bp, engine, limiter, log)
    _publishing_routes(bp, engine, uploads_dir, log)
    if templates_dir is not None:
        methods.register(
            bp, engine, uploads_dir=uploads_dir, templates_dir=templates_dir, render=_render, log=log
        )
    units.register(bp, engine, uploads_dir=uploads_dir, render=_render, log=log)
    _audit_routes(bp, engine)
    return bp


def _audit_logger(engine: Engine) -> Callable[..., None]:
    """What the signed-in publisher did, recorded with their account and client."""

    def log(action: str, outcome: str, *, digest: str | None = None, detail: str = "") -> None:
        audit.record(
            engine,
            account=current_user.email,
            action=action,
            outcome=outcome,
            file_sha256=digest,
            detail=detail,
            client=_client(),
        )

    return log


def _upload_form(engine: Engine, **options: object) -> UploadForm:
    form = UploadForm(**options)
    form.methodology.choices = [
        SelectChoice(code, f"{code} – {name}") for code, name in publishing.methodologies(engine)
    ]
    return form


def _install_guard(bp: flask.Blueprint) -> None:
    """Sign-in before every page, a CSRF token on every POST, and answers never cached or framed."""
    csrf = CSRFProtect()

    @bp.record_once
    def _init_csrf(state: flask.blueprints.BlueprintSetupState) -> None:
        state.app.config.setdefault("WTF_CSRF_CHECK_DEFAULT", False)  # Dash's own POSTs are not forms
        csrf.init_app(state.app)

    @bp.before_request
    def _guard() -> flask.Response | None:
        public = flask.request.endpoint in ("admin.sign_in", "admin.static")
        if not public and not current_user.is_authenticated:
            # Every page here, GET or POST, sends a visitor without a session to the sign-in page.
            return flask.redirect(flask.url_for("admin.sign_in", lang=_lang()))
        if flask.request.endpoint == "admin.upload" and flask.request.method == "POST":
            flask.request.max_content_length = _settings().upload_body_bytes
        if flask.request.method == "POST":
            csrf.protect()  # CSRFError -> 400
        return None

    @bp.after_request
    def _never_cached_indexed_or_framed(response: flask.Response) -> flask.Response:
        response.headers["Cache-Control"] = "no-store"
        response.headers["X-Robots-Tag"] = "noindex, nofollow"
        response.headers["X-Frame-Options"] = "DENY"
        return response


def _error_pages(bp: flask.Blueprint, engine: Engine, limiter: Limiter) -> None:
    """Too many sign-in tries (429, recorded once a minute per client) and a too-large upload (413)."""

    def _first_throttled_try_this_minute() -> bool:
        try:
            return limiter.limiter.hit(THROTTLED_AUDIT_LIMIT, "qnit-admin", "audit-throttled", _client())
        except (RedisError, StorageError, OSError):  # unsure: keep the record rather than lose it
            return True

    @bp.errorhandler(429)
    def _throttled(error: Exception) -> tuple[str, int]:
        if _first_throttled_try_this_minute():
            audit.record(
                engine,
                account=_submitted_account()[8:],
                action="sign_in",
                outcome="throttled",
                detail="further throttled tries from this client within a minute are not recorded",
                client=_client(),
            )
        form = SignInForm(formdata=None)
        return _render("sign_in.html", form=form, message=t("admin.sign_in.throttled", _lang())), 429

    @bp.errorhandler(413)
    def _too_large(error: Exception) -> tuple[str, int]:
        # The body was refused unread: nothing here may read the form again (that raises 413 anew,
        # which ended in a 500), hence an empty form.
        message = t("admin.upload.too_large", _lang(), limit=uploads.megabytes(_settings().max_upload_bytes))
        return _render("upload.html", form=_upload_form(engine, formdata=None), message=message), 413


def _session_routes(bp: flask.Blueprint, engine: Engine, limiter: Limiter, log: Callable[..., None]) -> None:
    """Sign in (limited per client and per account), sign out, and the door's home."""

    @bp.route("/dang-nhap", methods=["GET", "POST"])
    @limiter.limit(SIGN_IN_LIMIT_PER_CLIENT, key_func=_client, deduct_when=_failed_sign_in, methods=["POST"])
    @limiter.limit(
        SIGN_IN_LIMIT_PER_ACCOUNT, key_func=_submitted_account, deduct_when=_failed_sign_in, methods=["POST"]
    )
    def sign_in() -> str | flask.Response:
        form = SignInForm()
        message = t("admin.sign_in.session_ended", _lang()) if sessions.ended() else ""
        if form.validate_on_submit():
            account = accounts.authenticate(engine, form.email.data, form.password.data)
            outcome = "ok" if account else "refused"
            audit.record(
                engine,
                account=accounts.normalize_email(form.email.data),
                action="sign_in",
                outcome=outcome,
                client=_client(),
            )
            if account:
                flask.session.clear()  # a new session at sign-in: nothing planted before survives
                login_user(account)
                sessions.start()
                return flask.redirect(flask.url_for("admin.upload", lang=_lang()))
            flask.g.sign_in_failed = True
            # The same answer for an unknown account and a wrong password.
            message = t("admin.sign_in.refused", _lang())
        return _render("sign_in.html", form=form, message=message)

    @bp.route("/dang-xuat", methods=["POST"])
    @login_required
    def sign_out() -> flask.Response:
        SignOutForm()  # the token was checked in _guard
        accounts.end_every_session(engine, current_user._get_current_object())
        log("sign_out", "ok")
        logout_user()
        flask.session.clear()
        return flask.redirect(flask.url_for("admin.sign_in", lang=_lang()))

    @bp.route("/")
    @login_required
    def home() -> flask.Response:
        return flask.redirect(flask.url_for("admin.upload", lang=_lang()))


def _publishing_routes(
    bp: flask.Blueprint, engine: Engine, uploads_dir: Path, log: Callable[..., None]
) -> None:
    """Upload -> preview (again with the officer's unit choices) -> publish."""

    def _preview(path: Path, fields: publishing.Fields, digest: str, kept: object) -> str:
        checked = publishing.check(engine, path, fields)
        log(
            "preview",
            "refused" if checked.errors else "ok",
            digest=digest,
            detail=f"{len(checked.errors)} error(s), {len(checked.records)} value(s)",
        )
        publish_form = PublishForm(
            formdata=None,
            upload=digest,
            **{name: getattr(fields, name) for name in TEXT_FIELDS},
            **{name: "1" if getattr(fields, name) else "" for name in SWITCHES},
        )
        return _render("preview.html", checked=checked, upload=kept, fields=fields, form=publish_form)

    @bp.route("/nhap-du-lieu", methods=["GET", "POST"])
    @login_required
    def upload() -> str | tuple[str, int]:
        form = _upload_form(engine)
        if flask.request.method == "GET" or not form.validate_on_submit():
            status = 400 if flask.request.method == "POST" else 200
            return _render("upload.html", form=form, message=""), status
        kept = uploads.receive(form.file.data, uploads_dir, max_bytes=_settings().max_upload_bytes, log=log)
        if isinstance(kept, uploads.UploadRefused):
            return _render("upload.html", form=form, message=t(kept.key, _lang(), **kept.values)), 400
        return _preview(kept.path, _fields(form), kept.sha256, kept)

    @bp.route("/nhap-du-lieu/don-vi", methods=["POST"])
    @login_required
    def map_units() -> str:
        """The preview again, with the officer's choice for each name no unit has (nothing stored)."""
        form = PublishForm()
        path = uploads.find(uploads_dir, form.upload.data or "")
        if not form.validate_on_submit() or path is None:
            flask.abort(400)
        names = flask.request.form.getlist("unknown_name")
        choices = dict(zip(names, flask.request.form.getlist("unknown_choice"), strict=False))
        form.units.data = unknown_units.encode(choices)
        return _preview(path, _fields(form), form.upload.data, None)

    @bp.route("/cong-bo", methods=["POST"])
    @login_required
    def publish() -> str | tuple[str, int] | flask.Response:
        form = PublishForm()
        path = uploads.find(uploads_dir, form.upload.data or "")
        if not form.validate_on_submit() or path is None:
            message = t("admin.publish.form_changed", _lang())
            return _render("upload.html", form=_upload_form(engine), message=message), 400
        fields = _fields(form)
        try:
            report = publishing.publish(engine, path, fields)
        except ImportRejected as rejected:
            log("publish", "refused", digest=form.upload.data, detail=f"{len(rejected.problems)} problem(s)")
            checked = publishing.Checked(problems=list(rejected.problems))
            return _render("preview.html", checked=checked, upload=None, fields=fields, form=None), 400
        log(
            "publish",
            "ok",
            digest=form.upload.data,
            detail=f"{', '.join(report.rows)}: {sum(report.rows.values())} value(s); {fields.reason}",
        )
        groups = publishing.unit_groups(engine, list(report.rows))
        return _render("published.html", fields=fields, report=report, groups=groups)


def _audit_routes(bp: flask.Blueprint, engine: Engine) -> None:
    """The audit log, a page at a time and as a CSV download."""

    @bp.route("/nhat-ky")
    @login_required
    def audit_log() -> str:
        before = flask.request.args.get("truoc", type=int)
        entries, older = audit.page(engine, before=before)
        return _render("audit.html", entries=entries, older=older, first_page=before is None)

    @bp.route("/nhat-ky.csv")
    @login_required
    def audit_log_csv() -> flask.Response:
        return flask.Response(
            flask.stream_with_context(audit.csv_chunks(engine)),
            mimetype="text/csv",
            headers={"Content-Disposition": "attachment; filename=nhat-ky-cong-bo.csv"},
        )


def login_manager(engine: Engine) -> LoginManager:
    """Flask-Login bound to the accounts table; unsigned visitors go to the sign-in page."""
    manager = LoginManager()
    manager.login_view = "admin.sign_in"
    manager.login_message = ""
    manager.session_protection = "strong"
    manager.user_loader(lambda session_id: accounts.load(engine, session_id))
    return manager
