from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets import Button

from .models import NewsletterIssuePage
from .views import send_view


@hooks.register("register_admin_urls")
def newsletter_urls():
    return [path("newsletter/<int:page_id>/send/", send_view, name="newsletter_send")]


@hooks.register("register_page_header_buttons")
@hooks.register("register_page_listing_more_buttons")
def send_button(page, user, *args, **kwargs):
    """ "Test, send or schedule" on an issue, for those who may publish it."""
    if page.specific_class is not NewsletterIssuePage:
        return
    if not page.permissions_for_user(user).can_publish():
        return
    yield Button(
        _("Test, send or schedule"),
        url=reverse("newsletter_send", args=[page.pk]),
        icon_name="mail",
        priority=70,
    )
