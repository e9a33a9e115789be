"""The WSGI entry point (portal/serve.py serves it): production settings unless told otherwise."""

import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.production")

application = get_wsgi_application()

# Kept anonymous pages are answered in front of Django, once it has served them (a hit) once;
# every request, answered there or by Django, writes its line to the access log.
from portal.cached_pages import PageCacheApp  # noqa: E402 - needs the settings set up above
from portal.logs import AccessLog  # noqa: E402

application = AccessLog(PageCacheApp(application))

# What is loaded at start (Django, Wagtail, the portal's code) lives as long as the process: kept
# out of the garbage collector's full passes, those no longer walk it on every request that
# makes many objects (the facilitators' panel reads one row per organisation).
gc.freeze()
