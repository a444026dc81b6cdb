"""The publishing forms (Flask-WTF: every form carries a CSRF token)."""

from __future__ import annotations

from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired
from wtforms import (
    BooleanField,
    EmailField,
    HiddenField,
    IntegerField,
    PasswordField,
    SelectField,
    StringField,
    URLField,
)
from wtforms.fields import SelectChoice
from wtforms.validators import URL, AnyOf, DataRequired, Length, NumberRange, Optional, Regexp

KINDS = ("official", "press", "illustrative")


class SignInForm(FlaskForm):
    email = EmailField(validators=[DataRequired(), Length(max=254)])
    password = PasswordField(validators=[DataRequired(), Length(max=1024)])


class SignOutForm(FlaskForm):
    """Sign-out is a POST with a token, so another site cannot sign a publisher out."""


class UploadForm(FlaskForm):
    file = FileField(validators=[FileRequired()])
    year = IntegerField(validators=[DataRequired(), NumberRange(min=2000, max=2100)])
    methodology = SelectField(validators=[DataRequired()])
    kind = SelectField(choices=[SelectChoice(k) for k in KINDS], validators=[DataRequired()])
    issuer = StringField(validators=[DataRequired(), Length(max=300)])
    document = StringField(validators=[DataRequired(), Length(max=300)])
    source_url = URLField(validators=[DataRequired(), URL(require_tld=True), Length(max=1000)])
    replaces = StringField(validators=[Optional(), Length(max=100), Regexp(r"^[A-Za-z0-9._-]+$")])
    reason = StringField(validators=[Optional(), Length(max=1000)])
    confirm_shrink = BooleanField()
    accept_published_inconsistencies = BooleanField()


class PublishForm(FlaskForm):
    """Publishing sends back only the upload's hash and the fields the preview was made with."""

    # Hidden fields can be edited like any other: held to the same rules as the upload form's.
    upload = HiddenField(validators=[DataRequired(), Regexp(r"^[0-9a-f]{64}$")])
    year = HiddenField(validators=[DataRequired(), Regexp(r"^(20[0-9]{2}|2100)$")])
    methodology = HiddenField(validators=[DataRequired(), Length(max=100)])
    kind = HiddenField(validators=[DataRequired(), AnyOf(KINDS)])
    issuer = HiddenField(validators=[DataRequired(), Length(max=300)])
    document = HiddenField(validators=[DataRequired(), Length(max=300)])
    source_url = HiddenField(validators=[DataRequired(), URL(require_tld=True), Length(max=1000)])
    replaces = HiddenField(validators=[Optional(), Length(max=100), Regexp(r"^[A-Za-z0-9._-]+$")])
    reason = HiddenField(validators=[Optional(), Length(max=1000)])
    confirm_shrink = HiddenField()
    accept_published_inconsistencies = HiddenField()
    units = HiddenField()  # the preview's choices for names no unit has
