"""`python -m dashboard users add|remove|list`: accounts are managed only here, never from the web."""

from __future__ import annotations

import sys

import click

from dashboard import db
from dashboard.admin import accounts
from dashboard.config import Settings


def _engine():
    engine = db.get_engine(Settings.from_env().database_url)
    db.create_schema(engine)
    return engine


@click.group(help="Publisher accounts of the signed-in publishing pages (/quan-tri).")
def users() -> None:
    """Manage publisher accounts."""


@users.command("add")
@click.argument("email")
@click.option("--role", type=click.Choice(accounts.ROLES), required=True)
@click.option("--password-stdin", is_flag=True, help="read the password from standard input (for scripts)")
def add(email: str, role: str, password_stdin: bool) -> None:
    """Create an account; the password is asked for twice (never given on the command line)."""
    if password_stdin:
        password = sys.stdin.readline().rstrip("\n")
    else:
        password = click.prompt("Password", hide_input=True, confirmation_prompt=True)
    try:
        accounts.add(_engine(), email, password, role=role)
    except accounts.AccountError as error:
        raise click.ClickException(str(error)) from None
    click.echo(f"added {accounts.normalize_email(email)} ({role})")


@users.command("remove")
@click.argument("email")
def remove(email: str) -> None:
    """Delete an account (its audit entries stay)."""
    try:
        accounts.remove(_engine(), email)
    except accounts.AccountError as error:
        raise click.ClickException(str(error)) from None
    click.echo(f"removed {accounts.normalize_email(email)}")


@users.command("list")
def listing() -> None:
    """Print every account: e-mail, role, created at."""
    for email, role, created in accounts.listing(_engine()):
        click.echo(f"{email}\t{role}\t{created:%Y-%m-%d %H:%M}")
