"""Facilitators: their countries are their groups, the welcome email is a contact, and they hear
of what happens to their organisations (this module is imported when the app is ready)."""

from django.contrib.auth.models import Group
from django.db.models.signals import m2m_changed, post_delete

from core.roles import FACILITATORS_PREFIX
from directory.events import organisation_event
from emails.mail import email_queued
from emails.models import TemplateKey

from .models import ContactLog, Facilitator
from .notifications import tell_facilitators


def _facilitator_countries_changed(sender, instance, action, reverse, **kwargs):
    if action not in {"post_add", "post_remove", "post_clear"}:
        return
    if reverse:  # a country's facilitators changed from the country's side
        for facilitator in Facilitator.objects.filter(pk__in=kwargs.get("pk_set") or []):
            facilitator.sync_groups()
        return
    instance.sync_groups()


def _facilitator_deleted(sender, instance, **kwargs):
    groups = Group.objects.filter(name__startswith=FACILITATORS_PREFIX, user=instance.user_id)
    instance.user.groups.remove(*groups)


def connect_facilitator_signals():
    m2m_changed.connect(
        _facilitator_countries_changed,
        sender=Facilitator.countries.through,
        dispatch_uid="facilitator_countries_changed",
    )
    post_delete.connect(
        _facilitator_deleted, sender=Facilitator, dispatch_uid="facilitator_deleted"
    )
    email_queued.connect(_welcome_is_a_contact, dispatch_uid="facilitators_welcome_contact")
    # Registrations, confirmed addresses and pages submitted for approval (facilitators/
    # notifications.py).
    organisation_event.connect(tell_facilitators, dispatch_uid="facilitators_told")


# The welcome email is the portal's first contact with an organisation ----------------------------

WELCOME_TEMPLATES = {TemplateKey.WELCOME, TemplateKey.WELCOME_COUNTRY_MISSING}


def _welcome_is_a_contact(sender, email, **kwargs):
    if email.template_key in WELCOME_TEMPLATES and email.organisation_id:
        ContactLog.for_email(email, email.organisation)
