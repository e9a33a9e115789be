"""Who may edit what in the directory.

- An organisation's group edits (not publishes) its OrganisationPage subtree, in every language,
  and uploads to its own collection. Once verified, it publishes too.
- A country's facilitators' group edits and publishes that CountryPage subtree in every language,
  and may mark its portfolio projects as good practices.
- Central staff edit and publish the whole site, and mark good practices in every country.

Rights are rows of Wagtail's GroupPagePermission / GroupCollectionPermission, granted here and
re-granted when a translation of the page is created.
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import GroupCollectionPermission, GroupPagePermission

from core.roles import CENTRAL_STAFF, facilitators_group_name

EDIT = ("add_page", "change_page")
PUBLISH = ("publish_page",)
COLLECTION = (
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
)


def _page_permissions(codenames):
    return list(
        Permission.objects.filter(content_type__app_label="wagtailcore", codename__in=codenames)
    )


def access_admin():
    return Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")


def submit_translation():
    return Permission.objects.get(
        content_type__app_label="wagtail_localize", codename="submit_translation"
    )


def mark_good_practice():
    """Marking a portfolio project as a good practice (where the user may edit it)."""
    return Permission.objects.get(
        content_type__app_label="directory", codename="mark_good_practice"
    )


def grant_pages(group, pages, codenames):
    permissions = _page_permissions(codenames)
    for page in pages:
        for permission in permissions:
            GroupPagePermission.objects.get_or_create(group=group, page=page, permission=permission)


def organisation_codenames(account):
    return EDIT + PUBLISH if account.verified else EDIT


@transaction.atomic
def sync_organisation(account):
    """Give the organisation's group exactly its rights on every language version of its page."""
    pages = list(account.pages())
    wanted = set(organisation_codenames(account))
    GroupPagePermission.objects.filter(group=account.group).exclude(
        page__in=pages, permission__codename__in=wanted
    ).delete()
    grant_pages(account.group, pages, wanted)
    # wagtail-localize's permission is global: directory/admin_scope.py limits it to own pages.
    account.group.permissions.add(access_admin(), submit_translation())
    for app_label, codename in COLLECTION:
        permission = Permission.objects.get(content_type__app_label=app_label, codename=codename)
        GroupCollectionPermission.objects.get_or_create(
            group=account.group, collection=account.collection, permission=permission
        )


@transaction.atomic
def sync_country(country):
    """The facilitators' group of a country, with edit and publish rights in every language."""
    group, _created = Group.objects.get_or_create(name=facilitators_group_name(country.code))
    group.permissions.add(access_admin(), mark_good_practice())
    grant_pages(group, country.get_translations(inclusive=True), EDIT + PUBLISH)
    return group


CENTRAL_STAFF_MODEL_PERMISSIONS = (
    ("directory", ("add_expertisecategory", "change_expertisecategory", "delete_expertisecategory",
                   "add_targetgroup", "change_targetgroup", "delete_targetgroup",
                   "add_place", "change_place", "delete_place",
                   "mark_good_practice")),
    ("emails", ("add_emailtemplate", "change_emailtemplate", "view_outboxemail",
                      "resend_outboxemail")),
    ("wagtail_localize", ("submit_translation",)),
)  # fmt: skip


@transaction.atomic
def sync_central_staff():
    """Central staff edit and publish the whole site in every language, and its vocabularies,
    email templates and outbox; they mark good practices."""
    from wagtail.models import Collection, Page, Site

    group, _created = Group.objects.get_or_create(name=CENTRAL_STAFF)
    group.permissions.add(access_admin())
    for app_label, codenames in CENTRAL_STAFF_MODEL_PERMISSIONS:
        group.permissions.add(
            *Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames)
        )
    roots = Page.objects.filter(pk__in=Site.objects.values("root_page_id"))
    homes = Page.objects.filter(translation_key__in=roots.values("translation_key"))
    grant_pages(group, homes, EDIT + PUBLISH)
    root = Collection.get_first_root_node()
    for app_label, codename in COLLECTION:
        permission = Permission.objects.get(content_type__app_label=app_label, codename=codename)
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=root, permission=permission
        )
    return group
