"""The emails an organisation receives about its account, and the placeholders about it."""

from django.conf import settings
from django.urls import reverse
from django.utils.translation import override
from wagtail.users.models import UserProfile

from core.urls import absolute_admin_url
from directory.completeness import completeness_of
from directory.models import OrganisationPage
from directory.registration import verification_token
from emails import mail


def registered_organisation_count():
    """Organisations registered in the directory, each counted once whatever its languages."""
    return OrganisationPage.objects.order_by().values("translation_key").distinct().count()


def organisation_placeholders(organisation):
    """Placeholder values about an organisation: its name, contact and admin links."""

    def admin_url(name, *args):
        return absolute_admin_url(reverse(name, args=args))

    return {
        "organisation_name": organisation.title,
        "contact_name": organisation.contact_person or organisation.title,
        "services_link": admin_url(
            "wagtailadmin_pages:add", "directory", "servicepage", organisation.pk
        ),
        "portfolio_link": admin_url(
            "wagtailadmin_pages:add", "directory", "portfolioprojectpage", organisation.pk
        ),
        # The organisation's admin home lists the calls that seek its expertise and its own.
        "collaboration_link": admin_url("wagtailadmin_home"),
        "dashboard_link": admin_url("wagtailadmin_home"),
    }


def organisation_context(page, contact_name):
    """Placeholders about the organisation, with what its profile still lacks, in its language."""
    with override(page.locale.language_code):
        missing = [str(rule.label) for rule in completeness_of(page).missing]
    return {
        **organisation_placeholders(page),
        "contact_name": contact_name,
        "missing_items": "\n".join(f"- {item}" for item in missing),
    }


def send_verification(request, user, page, language):
    link = request.build_absolute_uri(reverse("register_verify", args=[verification_token(user)]))
    context = organisation_context(page, user.get_full_name())
    context["verification_link"] = link
    return mail.send_templated_email(
        "email_verification", to=[user.email], language=language, context=context, organisation=page
    )


def send_existing_account(user, language):
    """To an account's owner: someone filled in the registration form with its address."""
    context = {
        "recipient_name": user.get_full_name() or user.email,
        "signin_link": absolute_admin_url(reverse("wagtailadmin_login")),
        "password_reset_link": absolute_admin_url(reverse("wagtailadmin_password_reset")),
    }
    return mail.send_templated_email(
        "registration_existing_account", to=[user.email], language=language, context=context
    )


def send_welcome(user):
    """The welcome email, in the organisation's language, once its address is confirmed."""
    account_groups = user.groups.filter(organisation_account__isnull=False)
    group = account_groups.select_related("organisation_account").first()
    if group is None:
        return None
    page = OrganisationPage.objects.select_related("locale").first_version(
        group.organisation_account.translation_key
    )
    parent = page.get_country()
    key = "welcome" if getattr(parent, "code", "") else "welcome_country_missing"
    return mail.send_templated_email(
        key,
        to=[user.email],
        language=page.locale.language_code,
        context=organisation_context(page, user.get_full_name()),
        organisation=page,
    )


def portal_languages():
    return {code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES}


def admin_language(user, fallback):
    """The language `user` chose for the admin, if the portal speaks it; else `fallback`."""
    chosen = UserProfile.get_for_user(user).preferred_language
    return chosen if chosen in portal_languages() else fallback


def send_to_members(key, organisation, context, page=None, reply_to=None):
    """Email template `key` to each member of `organisation`, each in their own admin language
    (else the organisation's). `context(language)` gives the values of the email's own
    placeholders. Returns the outbox rows."""
    first = OrganisationPage.objects.select_related("locale").first_version(organisation)
    page = page or first
    edit_link = absolute_admin_url(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    sent = []
    for member in first.members().exclude(email="").order_by("pk"):
        language = admin_language(member, first.locale.language_code)
        values = {
            **organisation_placeholders(first),
            "contact_name": member.get_full_name() or first.contact_person or first.title,
            "page_title": page.title,
            "page_edit_link": edit_link,
            **context(language),
        }
        sent.append(
            mail.send_templated_email(
                key,
                to=[member.email],
                language=language,
                context=values,
                organisation=first,
                reply_to=reply_to,
            )
        )
    return sent
