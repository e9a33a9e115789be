"""Dates and numbers in the portal's English: British, as its writing is ("4 December 2026",
"04/12/2026"), not Django's American defaults for "en"."""

from django.conf.locale.en_GB.formats import *  # noqa: F403
