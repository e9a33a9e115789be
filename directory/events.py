"""What happens to an organisation that someone should hear about.

`organisation_event` is sent, in the transaction that made the change, when an organisation
registers (directory/registration.py), confirms its email address (directory/views.py) or submits
a page for approval (directory/notifications.py). The directory does not know who facilitates
what: the facilitators app receives the signal and tells the facilitators of the organisation's
country (facilitators/notifications.py).
"""

from django.dispatch import Signal

from directory.models import OrganisationPage

REGISTERED = "registered"
EMAIL_CONFIRMED = "email_confirmed"
SUBMITTED = "submitted"

#: Sent with `kind` (one of the above), `organisation` (its first version), `page` (the page
#: submitted; the organisation's page otherwise) and `user` (who did it, when known).
organisation_event = Signal()


def announce(kind, organisation, page=None, user=None):
    """Tell whoever listens that `kind` happened to `organisation` (any of its versions)."""
    first = OrganisationPage.objects.select_related("locale").first_version(organisation)
    organisation_event.send(
        sender=OrganisationPage,
        kind=kind,
        organisation=first,
        page=page or first,
        user=user,
    )
