"""The WSGI entry point (gunicorn portal.wsgi): production settings unless told otherwise."""

import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.production")

application = get_wsgi_application()

# What is loaded at start (Django, Wagtail, the portal's code) lives as long as the process: kept
# out of the garbage collector's full passes, those no longer walk it on every request that
# makes many objects (the facilitators' panel reads one row per organisation).
gc.freeze()
