"""For building an image only (collectstatic): production's static files, no service at all."""

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "build-only-not-secret"  # noqa: S105 (never serves a request)
