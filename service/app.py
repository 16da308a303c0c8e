"""Application factory."""

from __future__ import annotations

import logging
from typing import Any

import swagger_ui_bundle
from flask import Flask, send_from_directory

from service import db, errors, maintenance
from service.config import Settings
from service.http import USER_HEADER_DOC, Api, remember_acting_user

API_TITLE = "Interview Co-Pilot API"
SWAGGER_ASSETS = "/docs/assets/"


def create_app(settings: Settings | None = None, *, database: db.Database | None = None, config: dict[str, Any] | None = None) -> Flask:
    """Build the app. `database` lets tests and commands share one engine; by default it is
    resolved from the settings (DATABASE_URL, or the embedded server)."""
    settings = settings or Settings.from_env()
    logging.basicConfig(level=settings.log_level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")

    app = Flask(__name__)
    app.config.update(
        API_TITLE=API_TITLE,
        API_VERSION="v1",
        OPENAPI_VERSION="3.0.3",
        OPENAPI_URL_PREFIX="/",
        OPENAPI_JSON_PATH="openapi.json",
        OPENAPI_SWAGGER_UI_PATH="/docs",
        OPENAPI_SWAGGER_UI_URL=SWAGGER_ASSETS,
        OPENAPI_SWAGGER_UI_CONFIG={"displayRequestDuration": True, "tryItOutEnabled": True},
        MAX_CONTENT_LENGTH=settings.max_request_mb * 1024 * 1024,
        COPILOT_SETTINGS=settings,
    )
    app.json.sort_keys = False
    if config:
        app.config.update(config)

    database = database or db.Database(db.resolve_database_url(settings))
    db.init_app(app, database)
    maintenance.init_app(app, database)
    errors.init_app(app)
    app.before_request(remember_acting_user)

    api = Api(app, spec_kwargs={"info": {"description": _API_DESCRIPTION}})
    _register_blueprints(api)

    @app.get(f"{SWAGGER_ASSETS}<path:filename>")
    def swagger_assets(filename: str):
        # Swagger UI is served from the installed package so the docs work offline.
        return send_from_directory(swagger_ui_bundle.swagger_ui_path, filename)

    return app


def _register_blueprints(api: Api) -> None:
    from service.analysis.routes import blp as analyses
    from service.customers.routes import blp as customers
    from service.documents.routes import blp as documents
    from service.health import blp as health
    from service.interviews.routes import blp as interviews
    from service.plans.routes import blp as plans
    from service.projects.routes import blp as projects
    from service.resources.routes import blp as resources
    from service.resumes.routes import blp as resumes
    from service.skills.routes import blp as skills

    api.register_blueprint(health)
    for blueprint in (customers, projects, resumes, skills, documents, analyses, resources, plans, interviews):
        api.register_blueprint(blueprint, parameters=[USER_HEADER_DOC])


_API_DESCRIPTION = """\
Prepare outsourcing engineers for client interviews: interview projects with their job descriptions,
employee resumes in the company's resume schema, and (as they arrive) gap analysis, study plans and
mock interviews.

Every error is `application/problem+json` (RFC 9457) with `type`, `title`, `status`, `detail` and,
for invalid fields, `errors` keyed by the field's path. Reads return an `ETag`; send it back in
`If-Match` on `PUT`, `PATCH` and `DELETE` to be refused (412) instead of overwriting someone else's
change. The optional `X-User-Id` header (a UUID) is recorded as `createdBy`/`modifiedBy`.
"""
