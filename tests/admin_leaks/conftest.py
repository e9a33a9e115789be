"""Two organisations in the admin: A in Italy (the one signed in), B in Greece, whose titles,
drafts, files and people nobody outside Greece and the central staff may read.

B's page has a draft whose title differs from its published one, a service, an image and a
document in B's collection, a lock held by B's user and a page submitted for approval; a Greek
facilitator approved something. Every name below is one the admin must keep from A and from
Italy's facilitator.
"""

import pytest
from django.core.files.base import ContentFile
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from directory.factories import (
    CentralStaffFactory,
    CountryFacilitatorFactory,
    EnquiryFactory,
    ServicePageFactory,
)
from emails.factories import OutboxEmailFactory
from facilitators.factories import ContactLogFactory
from tests.directory.organisations import registered
from tests.helpers import load_portal, module_transaction, reload

B_NAME = "Synergasia Omicron Zeta"
B_DRAFT = "Omicron draft title never published"
B_SERVICE = "Omicron hidden coaching"
B_IMAGE = "omicron-logo-file"
B_DOCUMENT = "omicron-annual-report"
B_PERSON = ("Zorbas", "Hiddenpapas")
B_WRITER = "Omicronwriter Secretcitizen"  # a citizen who wrote to B
GR_FACILITATOR = ("Eleni", "Unseenaki")
# What neither A nor Italy's facilitator may read anywhere in the admin.
B_SECRETS = [B_NAME, B_DRAFT, B_SERVICE, B_IMAGE, B_DOCUMENT, B_WRITER, *B_PERSON, *GR_FACILITATOR]
A_NAME = "Cooperativa Alfa Lavoro"


def named(user, first, last):
    user.first_name, user.last_name = first, last
    user.save()
    return user


class World:
    def __init__(self, portal):
        self.portal = portal
        self.staff = named(CentralStaffFactory(username="central"), "Carla", "Centrale")
        self.it_facilitator = named(
            CountryFacilitatorFactory(username="fac-it", country="IT"), "Marco", "Bellini"
        )
        self.gr_facilitator = named(
            CountryFacilitatorFactory(username="fac-gr", country="GR"), *GR_FACILITATOR
        )
        self.a_user, self.a_page, self.a_account = registered("it", "a@alfa.example.org", A_NAME)
        self.b_user, self.b_page, self.b_account = registered("gr", "b@omicron.example.org", B_NAME)
        named(self.b_user, *B_PERSON)
        self.a_page.save_revision(user=self.a_user)

        # B's page: published by the Greek facilitator, then a draft with another title.
        self.b_page.save_revision(user=self.gr_facilitator).publish(user=self.gr_facilitator)
        self.b_page.refresh_from_db()
        self.b_page.title = B_DRAFT
        self.b_page.save_revision(user=self.b_user, log_action=True)
        self.b_service = ServicePageFactory(parent=self.b_page, title=B_SERVICE, owner=self.b_user)
        self.b_service.save_revision(user=self.b_user, log_action=True)
        self.b_service.refresh_from_db()
        self.b_service.locked, self.b_service.locked_by = True, self.b_user
        self.b_service.save()
        workflow = self.b_service.get_workflow()
        if workflow is not None:
            workflow.start(self.b_service, self.b_user)
        self.b_image = Image.objects.create(
            title=B_IMAGE,
            file=get_test_image_file(),
            collection=self.b_account.collection,
            uploaded_by_user=self.b_user,
        )
        self.b_document = Document(
            title=B_DOCUMENT, collection=self.b_account.collection, uploaded_by_user=self.b_user
        )
        self.b_document.file.save("omicron.txt", ContentFile(b"report"), save=True)
        # B's messages, contacts and emails: the portal's own screens.
        self.b_enquiry = EnquiryFactory(organisation=self.b_page, name=B_WRITER)
        self.b_contact = ContactLogFactory(
            organisation=self.b_page, by=self.gr_facilitator, note=f"Called {B_NAME}"
        )
        self.b_email = OutboxEmailFactory(to=[self.b_user.email], subject=f"Hello {B_NAME}")
        self.b_page.refresh_from_db()

    def fresh(self):
        """The same world in new instances, for one test (which rolls back what it changes)."""
        world = object.__new__(World)
        world.__dict__.update(
            {
                name: reload(value) if hasattr(value, "_meta") else value
                for name, value in self.__dict__.items()
            }
        )
        return world


@pytest.fixture(scope="module")
def made_world(django_db_setup, django_db_blocker):
    with module_transaction(django_db_blocker):
        yield World(load_portal(django_db_setup))


@pytest.fixture
def world(portal, made_world):
    return made_world.fresh()


def signed_in_as(client, user):
    client.force_login(user)
    return client


def secrets_in(response):
    """B's names the response shows (streamed responses: none read)."""
    if getattr(response, "streaming", False):
        return []
    body = response.content.decode(errors="replace")
    return [secret for secret in B_SECRETS if secret in body]
