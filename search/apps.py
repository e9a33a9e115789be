from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("Search")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_delete, post_save
        from wagtail.models import Page

        from directory.models import ExpertiseCategory, TargetGroup

        from .engine import content_changed

        def page_changed(sender, instance, **kwargs):
            if isinstance(instance, Page):
                content_changed()

        # Any page saved, published, moved or deleted, or a term renamed: cached searches go.
        post_save.connect(page_changed, weak=False, dispatch_uid="search_page_saved")
        post_delete.connect(page_changed, weak=False, dispatch_uid="search_page_deleted")
        for model in (ExpertiseCategory, TargetGroup):
            post_save.connect(content_changed, sender=model, dispatch_uid=f"search_{model}_saved")
            post_delete.connect(
                content_changed, sender=model, dispatch_uid=f"search_{model}_deleted"
            )
