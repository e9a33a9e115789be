from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks


@hooks.register("register_account_menu_item")
def second_factor_item(request):
    """Account settings: turn on (or set up again) the second factor for signing in."""
    return {
        "url": reverse("second_factor_setup"),
        "label": _("Two-step sign-in"),
        "help_text": _("Ask for a code from your phone as well as your password when you sign in."),
    }
