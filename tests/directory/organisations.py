"""Helpers for tests about registered organisations in the admin."""

from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, rich_text

from directory.factories import PASSWORD, ServicePageFactory, place_named
from directory.models import CountryPage
from directory.registration import register_organisation

__all__ = ["PASSWORD", "live_with_service", "profile_edit_data", "refused", "registered"]


def registered(country="it", email="giulia@ponte.example.org", name="Cooperativa Il Ponte"):
    """An organisation registered through the real registration, its user already confirmed."""
    user, page, account = register_organisation(
        {
            "organisation_name": name,
            "acronym": "",
            "kind": "social_cooperative",
            "country": country,
            "place": place_named(
                "Palermo" if country == "it" else "Athens",
                CountryPage.objects.filter(code=country.upper()).first(),
            )
            if country != "none"
            else None,
            "first_name": "Giulia",
            "last_name": "Rossi",
            "email": email,
            "password": PASSWORD,
        }
    )
    user.is_active = True
    user.save()
    return user, page, account


def live_with_service():
    """Cooperativa Il Ponte (Italy, page in Italian), published, with a service that has its own
    contact address: (user, page, account, service)."""
    from tests.helpers import publish

    user, page, account = registered("it", "info@ponte.example.org", "Cooperativa Il Ponte")
    page = publish(page)
    service = ServicePageFactory(
        parent=page, title="Corso di italiano", contact_email="corsi@ponte.example.org"
    )
    return user, page, account, service


def refused(response):
    """403, or Wagtail's permission-denied redirect to the admin home (or to the login)."""
    if response.status_code == 403:
        return True
    if getattr(response, "redirect_chain", None):  # followed: where did it end?
        location = response.redirect_chain[-1][0]
    elif response.status_code == 302:
        location = response["Location"]
    else:
        return False
    return location == reverse("wagtailadmin_home") or location.startswith(
        reverse("wagtailadmin_login")
    )


def profile_edit_data(page, **extra):
    """The organisation page's editor form, as the browser posts it."""
    return nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "kind": page.kind,
            "short_description": "Bread, work and Italian lessons in Palermo.",
            "mission": rich_text(""),
            "main_activities": rich_text(""),
            "place": page.place_id or "",
            "email": page.email,
            "social_links": {"TOTAL_FORMS": 0, "INITIAL_FORMS": 0},
            **extra,
        }
    )
