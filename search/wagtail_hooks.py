"""Saved searches are described by the listings that run them (search/alerts.py), with their
filters' names in the reader's language, wherever subscriptions shows one."""

from wagtail import hooks

from subscriptions.models import DESCRIBE_HOOK

from . import alerts

hooks.register(DESCRIBE_HOOK, alerts.describe)
