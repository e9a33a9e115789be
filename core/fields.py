"""Field declarations the apps repeat."""

from django.db import models


def optional_link(to, verbose_name, related_name="+", **options):
    """A link to another row that may be missing, and is emptied (the row kept) if that row goes:
    who answered a message, the email that told an organisation, the page a message came from."""
    return models.ForeignKey(
        to,
        verbose_name=verbose_name,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name=related_name,
        **options,
    )
