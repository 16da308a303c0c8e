"""The `copilot` command: serve, db upgrade, seed, import resumes, export the OpenAPI document."""

from __future__ import annotations

import atexit
import json
import signal
import sys
from pathlib import Path

import click

from service.config import Settings
from service.db import Database, resolve_database_url


def _database(settings: Settings) -> Database:
    return Database(resolve_database_url(settings))


def prepare_database(settings: Settings, *, seed: bool) -> Database:
    """Apply migrations and, when `seed`, load the seed data into an empty database, or bring
    the catalogue and question bank of an existing one up to this release."""
    from seed_data.load import is_empty, load_reference_data, load_seed
    from service.migrate import upgrade
    from service.projects.service import reread_stale_requirements
    from service.resumes.service import refresh_stale_profiles

    database = _database(settings)
    upgrade(database.engine)
    with database.session_factory() as session:
        reread = reread_stale_requirements(session)
        if reread:
            click.echo(f"Read the requirements of {reread} job descriptions again")
        refreshed = refresh_stale_profiles(session)
        if refreshed:
            click.echo(f"Computed the skill profiles of {refreshed} resumes again")
    if seed:
        with database.session_factory() as session:
            if is_empty(session):
                summary = load_seed(session)
                click.echo(f"Loaded seed data: {summary}")
            else:
                written = load_reference_data(session)
                session.commit()
                if any(written.values()):
                    click.echo(f"Updated the reference data: {written}")
    return database


@click.group()
def main() -> None:
    """Interview Co-Pilot."""


@main.command()
@click.option("--host", default=None, help="Interface to listen on (default COPILOT_HOST or 127.0.0.1)")
@click.option("--port", type=int, default=None, help="Port (default COPILOT_PORT or 8000)")
def serve(host: str | None, port: int | None) -> None:
    """Migrate, seed an empty database, and serve the API (Swagger UI at /docs)."""
    from waitress import serve as waitress_serve

    from service.app import create_app

    settings = Settings.from_env()
    database = prepare_database(settings, seed=settings.seed_on_start)
    app = create_app(settings, database=database)
    # sections stored without vectors (the seed, an import cut short) get them while the service
    # runs; at exit the thread ends first (atexit runs last-registered first, before the database stops)
    embedder = app.extensions["copilot.embedder"]
    atexit.register(embedder.stop)
    embedder.request()
    host, port = host or settings.host, port or settings.port
    # exit normally on SIGTERM (docker stop, process managers) so the embedded server is stopped too
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    click.echo(f"Interview Co-Pilot on http://{host}:{port}  (Swagger UI: http://{host}:{port}/docs)")
    waitress_serve(app, host=host, port=port, threads=settings.threads, ident="interview-copilot")


@main.group()
def db() -> None:
    """Database commands."""


@db.command("upgrade")
def db_upgrade() -> None:
    """Apply every pending migration."""
    prepare_database(Settings.from_env(), seed=False)
    click.echo("Database is at the latest migration.")


@main.command()
def seed() -> None:
    """Load the seed data; what is already stored (by id) is left unchanged."""
    from seed_data.load import load_seed

    database = prepare_database(Settings.from_env(), seed=False)
    with database.session_factory() as session:
        click.echo(f"Loaded: {load_seed(session)}")


@main.command()
def embeddings() -> None:
    """Embed every CV section and JD requirement stored without a vector (e.g. before an upgrade)."""
    from service.maintenance import embed_missing

    database = prepare_database(Settings.from_env(), seed=False)
    with database.session_factory() as session:
        click.echo(f"Embedded {embed_missing(session)} sections and requirements.")


@main.command("import-resumes")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--on-existing", type=click.Choice(["reject", "skip", "replace"]), default="reject", show_default=True)
def import_resumes_command(path: Path, on_existing: str) -> None:
    """Import resumes from a JSON array or JSON Lines file; each is stored whole or not at all."""
    from service.errors import AppError
    from service.maintenance import embed_missing
    from service.resumes import service

    content_type = "application/x-ndjson" if path.suffix in {".jsonl", ".ndjson"} else "application/json"
    try:
        items = service.parse_import_body(path.read_bytes(), content_type)
    except AppError as exc:
        raise click.ClickException(exc.detail) from None
    database = prepare_database(Settings.from_env(), seed=False)
    with database.session_factory() as session:
        report = service.import_resumes(session, items=items, on_existing=on_existing)
        if report["created"] or report["replaced"]:
            click.echo("Embedding the new sections…")
            embed_missing(session)
    for item in report["items"]:
        if item["status"] == "rejected":
            click.echo(f"#{item['index']} rejected: {item['detail']} {json.dumps(item.get('errors') or {})}", err=True)
    click.echo(
        f"created {report['created']}, replaced {report['replaced']}, skipped {report['skipped']}, rejected {report['rejected']}"
    )
    sys.exit(1 if report["rejected"] else 0)


@main.command()
def openapi() -> None:
    """Print the OpenAPI document."""
    from service.app import create_app

    app = create_app(Settings.from_env())
    with app.test_client() as client:
        click.echo(json.dumps(client.get("/openapi.json").get_json(), indent=2))


if __name__ == "__main__":
    main()
