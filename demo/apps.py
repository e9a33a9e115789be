from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    """The portal's demo content and the commands that use it (seed_demo, the benches).

    Nothing else in the portal imports this app: it only fills the database."""

    name = "demo"
    verbose_name = _("Demo content")
    default_auto_field = "django.db.models.BigAutoField"
