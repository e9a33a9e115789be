from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "news"
    verbose_name = _("News")

    def ready(self):
        # The news index reads the directory's listing rows: its source joins theirs.
        from directory import listing_rows

        from .listing import News

        listing_rows.register(News())
