from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DirectoryConfig(AppConfig):
    name = "directory"
    verbose_name = _("Directory")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from directory import signals  # noqa: F401
        from directory.frontend_cache import purge_proxy_on_changes
        from directory.notifications import replace_wagtail_notifications
        from directory.search import forget_searches_on_changes

        forget_searches_on_changes()
        purge_proxy_on_changes()
        replace_wagtail_notifications()
