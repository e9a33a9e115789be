from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DirectoryConfig(AppConfig):
    name = "directory"
    verbose_name = _("Directory")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from wagtail.signals import page_published

        from directory import (
            freshness,
            signals,  # noqa: F401
        )
        from directory.frontend_cache import purge_proxy_on_changes
        from directory.notifications import replace_wagtail_notifications
        from directory.search import forget_searches_on_changes

        forget_searches_on_changes()
        page_published.connect(freshness.page_published, dispatch_uid="freshness_on_publish")
        purge_proxy_on_changes()
        replace_wagtail_notifications()
