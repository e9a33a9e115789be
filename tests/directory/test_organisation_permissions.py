"""An organisation in the admin sees and touches only its own pages, whatever URL it types.

Two organisations register: A in Italy, B in Greece. B's page exists in every language (through
wagtail-localize, English published) and has a service. Signed in as A, every admin address of B's
pages is refused and leaves the database as it was; A's own page works as it should.
"""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import (
    GroupPagePermission,
    Locale,
    Page,
    PageLogEntry,
    PageViewRestriction,
    Revision,
    TaskState,
)
from wagtail.test.utils.form_data import nested_form_data, rich_text
from wagtail_localize.models import (
    OverridableSegment,
    SegmentOverride,
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)
from wagtail_localize.operations import translate_object

from core.roles import CENTRAL_STAFF
from directory.factories import ExpertiseCategoryFactory, ServicePageFactory
from directory.models import OrganisationPage, ServicePage
from directory.permissions import EDIT, access_admin, grant_pages, sync_organisation
from tests.directory.organisations import PASSWORD, profile_edit_data, refused, registered
from tests.helpers import load_portal, module_transaction, reload

pytestmark = pytest.mark.django_db
User = get_user_model()
A_NAME = "Cooperativa Alfa Lavoro"
B_NAME = "Synergasia Vita Ergasia"
C_NAME = "Associazione Gamma Casa"


def locale(code):
    return Locale.objects.get(language_code=code)


class World:
    """A (Italy, draft, Italian only) and B (Greece, every language, English live, a service)."""

    def __init__(self, portal):
        self.portal = portal
        self.staff = User.objects.create_superuser("staff", "staff@example.org", PASSWORD)
        self.a_user, self.a_page, self.a_account = registered("it", "a@alfa.example.org", A_NAME)
        self.b_user, self.b_page, self.b_account = registered("gr", "b@beta.example.org", B_NAME)
        # B's translations made by staff through wagtail-localize, so that its Translation,
        # TranslationSource and segments exist for the edit-translation addresses.
        others = Locale.objects.exclude(pk=self.b_page.locale_id)
        translate_object(self.b_page, others, user=self.staff)
        self.b_pages = {p.locale.language_code: p for p in self.b_page.get_translations(True)}
        self.b_pages["en"].save_revision(user=self.staff).publish()
        self.b_service = ServicePageFactory(parent=self.b_page, title="Beta job coaching")
        translate_object(self.b_service, [locale("en")], user=self.staff)
        self.b_service.save_revision(user=self.b_user)  # a revision made by B itself
        self.b_pages["service"] = self.b_service
        for page in self.b_pages.values():
            page.refresh_from_db()

    def b(self, key):
        return Page.objects.get(pk=self.b_pages[key].pk).specific

    def fresh(self, portal):
        """The same world, in new instances read from the database, for one test."""
        world = object.__new__(World)
        world.portal = portal
        for name in ("staff", "a_user", "a_page", "a_account", "b_user", "b_page", "b_account"):
            setattr(world, name, reload(getattr(self, name)))
        world.b_service = reload(self.b_service)
        world.b_pages = {
            key: world.b_service if key == "service" else reload(page)
            for key, page in self.b_pages.items()
        }
        return world


@pytest.fixture(scope="module")
def made_world(django_db_setup, django_db_blocker):
    """The world, made once for this module (`module_transaction`)."""
    with module_transaction(django_db_blocker):
        yield World(load_portal(django_db_setup))


@pytest.fixture
def world(portal, made_world):
    return made_world.fresh(portal)


@pytest.fixture
def as_a(client, world):
    client.force_login(world.a_user)
    return client


def snapshot():
    """Everything an admin action could change, in one comparable value."""
    return {
        "pages": list(
            Page.objects.order_by("pk").values_list(
                "pk",
                "path",
                "url_path",
                "title",
                "draft_title",
                "slug",
                "live",
                "has_unpublished_changes",
                "locked",
                "alias_of_id",
                "latest_revision_id",
                "owner_id",
            )
        ),
        "revisions": Revision.objects.count(),
        "logs": PageLogEntry.objects.count(),
        "restrictions": PageViewRestriction.objects.count(),
        "sources": TranslationSource.objects.count(),
        "translations": list(Translation.objects.order_by("pk").values_list("pk", "enabled")),
        "strings": StringTranslation.objects.count(),
        "overrides": SegmentOverride.objects.count(),
        "page_rights": GroupPagePermission.objects.count(),
        "images": Image.objects.count(),
    }


# Every address an editor has on a page, against B's page `p` -------------------------------------
# (label, method, url name, args(world, p), data(world, p)); data None means none sent.


def translation_of(p):
    """One wagtail-localize Translation involving `p` (as target, else as source)."""
    translations = Translation.objects.filter(source__object_id=p.translation_key)
    return translations.filter(target_locale=p.locale_id).first() or translations.first()


def source_of(p):
    return translation_of(p).source


def destination(w, p):
    """Where A would be allowed to put a page of p's type: A's page for a service, else Italy."""
    return w.a_page if isinstance(p, ServicePage) else w.portal.countries["IT"]


def edit_data(p, **extra):
    return nested_form_data(
        {
            "title": "Taken over",
            "slug": p.slug,
            "kind": getattr(p, "kind", ""),
            "short_description": "Taken over",
            "summary": "Taken over",
            "description": rich_text("Taken over"),
            "mission": rich_text(""),
            "main_activities": rich_text(""),
            "social_links": {"TOTAL_FORMS": 0, "INITIAL_FORMS": 0},
            **extra,
        }
    )


def page_id(w, p):
    return [p.pk]


def revision(w, p):
    return [p.pk, p.latest_revision_id]


def localize_translation(w, p):
    return [translation_of(p).pk]


def string_segment(w, p):
    translation = translation_of(p)
    segment = StringSegment.objects.filter(source=translation.source).first()
    return [translation.pk, segment.pk]


def overridable_segment(w, p):
    translation = translation_of(p)
    segment = OverridableSegment.objects.filter(source=translation.source).first()
    return [translation.pk, segment.pk if segment else 1]


def page_id_and_destination(w, p):
    return [p.pk, destination(w, p).pk]


PAGE_ACTIONS = [
    # Wagtail's page views
    ("edit", "get", "wagtailadmin_pages:edit", page_id, None),
    ("save draft", "post", "wagtailadmin_pages:edit", page_id, lambda w, p: edit_data(p)),
    (
        "publish",
        "post",
        "wagtailadmin_pages:edit",
        page_id,
        lambda w, p: edit_data(p, **{"action-publish": "publish"}),
    ),
    (
        "submit for moderation",
        "post",
        "wagtailadmin_pages:edit",
        page_id,
        lambda w, p: edit_data(p, **{"action-submit": "submit"}),
    ),
    ("delete", "get", "wagtailadmin_pages:delete", page_id, None),
    ("delete", "post", "wagtailadmin_pages:delete", page_id, lambda w, p: {}),
    ("move", "get", "wagtailadmin_pages:move", page_id, None),
    ("move confirm", "get", "wagtailadmin_pages:move_confirm", page_id_and_destination, None),
    ("move", "post", "wagtailadmin_pages:move_confirm", page_id_and_destination, lambda w, p: {}),
    ("copy", "get", "wagtailadmin_pages:copy", page_id, None),
    (
        "copy",
        "post",
        "wagtailadmin_pages:copy",
        page_id,
        lambda w, p: {
            "new_title": "Copied",
            "new_slug": f"copied-{p.pk}",
            "new_parent_page": destination(w, p).pk,
            "copy_subpages": "on",
        },
    ),
    ("unpublish", "get", "wagtailadmin_pages:unpublish", page_id, None),
    ("unpublish", "post", "wagtailadmin_pages:unpublish", page_id, lambda w, p: {}),
    ("history", "get", "wagtailadmin_pages:history", page_id, None),
    ("revisions", "get", "wagtailadmin_pages:revisions_index", page_id, None),
    ("revision view", "get", "wagtailadmin_pages:revisions_view", revision, None),
    ("revision revert", "get", "wagtailadmin_pages:revisions_revert", revision, None),
    (
        "revisions compare",
        "get",
        "wagtailadmin_pages:revisions_compare",
        lambda w, p: [p.pk, "earliest", "latest"],
        None,
    ),
    ("preview", "get", "wagtailadmin_pages:preview_on_edit", page_id, None),
    ("preview", "post", "wagtailadmin_pages:preview_on_edit", page_id, lambda w, p: edit_data(p)),
    ("view draft", "get", "wagtailadmin_pages:view_draft", page_id, None),
    ("add subpage", "get", "wagtailadmin_pages:add_subpage", page_id, None),
    (
        "add service",
        "post",
        "wagtailadmin_pages:add",
        lambda w, p: ["directory", "servicepage", p.pk],
        lambda w, p: edit_data(p, slug="planted", is_free="on", delivery="in_person"),
    ),
    ("usage", "get", "wagtailadmin_pages:usage", page_id, None),
    ("lock", "post", "wagtailadmin_pages:lock", page_id, lambda w, p: {}),
    ("privacy", "get", "wagtailadmin_pages:set_privacy", page_id, None),
    (
        "privacy",
        "post",
        "wagtailadmin_pages:set_privacy",
        page_id,
        lambda w, p: {"restriction_type": "password", "password": "x" * 10},
    ),
    ("workflow history", "get", "wagtailadmin_pages:workflow_history", page_id, None),
    (
        "reorder",
        "post",
        "wagtailadmin_pages:set_page_position",
        page_id,
        lambda w, p: {"position": "0"},
    ),
    # wagtail-localize's views
    ("translate", "get", "wagtail_localize:submit_page_translation", page_id, None),
    (
        "translate",
        "post",
        "wagtail_localize:submit_page_translation",
        page_id,
        lambda w, p: {"locales": [loc.pk for loc in Locale.objects.all()]},
    ),
    (
        "sync translations",
        "get",
        "wagtail_localize:update_translations",
        lambda w, p: [source_of(p).pk],
        None,
    ),
    (
        "sync and publish translations",
        "post",
        "wagtail_localize:update_translations",
        lambda w, p: [source_of(p).pk],
        lambda w, p: {"publish_translations": "on"},
    ),
    (
        "edit a string",
        "put",
        "wagtail_localize:edit_string_translation",
        string_segment,
        lambda w, p: "value=Taken+over",
    ),
    (
        "edit an override",
        "put",
        "wagtail_localize:edit_override",
        overridable_segment,
        lambda w, p: "value=1",
    ),
    ("download PO file", "get", "wagtail_localize:download_pofile", localize_translation, None),
    (
        "upload PO file",
        "post",
        "wagtail_localize:upload_pofile",
        localize_translation,
        lambda w, p: {"file": SimpleUploadedFile("t.po", b'msgid ""\nmsgstr ""\n')},
    ),
    (
        "machine translate",
        "post",
        "wagtail_localize:machine_translate",
        localize_translation,
        lambda w, p: {},
    ),
    (
        "preview translation",
        "get",
        "wagtail_localize:preview_translation",
        localize_translation,
        None,
    ),
    (
        "stop translation",
        "post",
        "wagtail_localize:stop_translation",
        localize_translation,
        lambda w, p: {},
    ),
    ("convert to alias", "get", "wagtail_localize:convert_to_alias", page_id, None),
    ("convert to alias", "post", "wagtail_localize:convert_to_alias", page_id, lambda w, p: {}),
    (
        "restart translation",
        "post",
        "wagtailadmin_pages:edit",
        page_id,
        lambda w, p: {"localize-restart-translation": "1"},
    ),
]

B_PAGES = ["el", "en", "it", "ar", "service"]
# Addresses that only redirect to another view, which decides: followed.
REDIRECTING = {"wagtailadmin_pages:revisions_index"}


def request(client, method, url, data, follow=False):
    if follow:
        return getattr(client, method)(url, follow=True)
    if method == "put":
        return client.put(url, data, content_type="application/x-www-form-urlencoded")
    if data is None:
        return getattr(client, method)(url)
    return getattr(client, method)(url, data)


@pytest.mark.parametrize("b_page", B_PAGES)
def test_no_address_of_another_organisations_page_lets_it_in(
    as_a, world, b_page, django_capture_on_commit_callbacks
):
    """Every action on B's page (each language, and its service), by direct URL, is refused."""
    failures = []
    for label, method, name, args, data in PAGE_ACTIONS:
        p = world.b(b_page)
        url = reverse(name, args=args(world, p))
        before = snapshot()
        with django_capture_on_commit_callbacks(execute=True):  # publishing waits for commit
            sent = data(world, p) if data else None
            response = request(as_a, method, url, sent, follow=name in REDIRECTING)
        if not refused(response):
            failures.append(f"{label}: {method.upper()} {url} → {response.status_code}")
        elif snapshot() != before:
            failures.append(f"{label}: {method.upper()} {url} changed the database")
    assert not failures, "\n".join(failures)
    assert world.b(b_page).title == world.b_pages[b_page].title


@pytest.mark.parametrize(
    "action",
    ["delete", "publish", "unpublish", "move"],
)
def test_bulk_actions_on_another_organisations_pages_change_nothing(as_a, world, action):
    ids = [world.b_pages[key].pk for key in B_PAGES]
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", action])
    query = "&".join(f"id={pk}" for pk in ids)
    before = snapshot()
    response = as_a.post(
        f"{url}?{query}", {"chooser": world.a_page.pk, "include_descendants": "on"}
    )
    assert response.status_code in (200, 302, 403)
    assert snapshot() == before


def test_another_organisations_translation_pages_are_not_edited_by_the_editor(as_a, world):
    """The translation editor (wagtail-localize's override of the edit view) is refused too."""
    english = world.b("en")
    response = as_a.get(reverse("wagtailadmin_pages:edit", args=[english.pk]))
    assert refused(response)
    assert B_NAME not in response.content.decode()


# Users, snippets, settings -------------------------------------------------------------------


ADMIN_AREAS = [
    ("snippets list", "get", "wagtailsnippets_directory_expertisecategory:list", []),
    ("snippet add", "get", "wagtailsnippets_directory_expertisecategory:add", []),
    ("snippet add", "post", "wagtailsnippets_directory_expertisecategory:add", []),
    ("snippet edit", "get", "wagtailsnippets_directory_expertisecategory:edit", ["category"]),
    ("snippet edit", "post", "wagtailsnippets_directory_expertisecategory:edit", ["category"]),
    ("snippet delete", "post", "wagtailsnippets_directory_expertisecategory:delete", ["category"]),
    ("target groups", "get", "wagtailsnippets_directory_targetgroup:list", []),
    ("translate snippet", "get", "wagtail_localize:submit_snippet_translation", ["snippet"]),
    ("translate snippet", "post", "wagtail_localize:submit_snippet_translation", ["snippet"]),
    ("snippets API", "get", "wagtail_localize:snippets_api_listing", ["snippet model"]),
    ("translations report", "get", "wagtail_localize:translations_report", []),
    ("users", "get", "wagtailusers_users:index", []),
    ("user add", "get", "wagtailusers_users:add", []),
    ("user add", "post", "wagtailusers_users:add", []),
    ("user edit (B's user)", "get", "wagtailusers_users:edit", ["b user"]),
    ("groups", "get", "wagtailusers_groups:index", []),
    ("own group edit", "get", "wagtailusers_groups:edit", ["a group"]),
    ("own group edit", "post", "wagtailusers_groups:edit", ["a group"]),
    ("sites", "get", "wagtailsites:index", []),
    ("locales", "get", "wagtaillocales:index", []),
    ("locale add", "post", "wagtaillocales:add", []),
    ("workflows", "get", "wagtailadmin_workflows:index", []),
    ("workflow tasks", "get", "wagtailadmin_workflows:task_index", []),
    ("redirects", "get", "wagtailredirects:index", []),
    ("redirect add", "post", "wagtailredirects:add", []),
    ("collections", "get", "wagtailadmin_collections:index", []),
    ("collection edit (B's)", "get", "wagtailadmin_collections:edit", ["b collection"]),
]


@pytest.mark.parametrize(
    ("label", "method", "name", "args"),
    ADMIN_AREAS,
    ids=[f"{label}-{method}" for label, method, _n, _a in ADMIN_AREAS],
)
def test_the_organisation_cannot_manage_users_snippets_or_settings(
    as_a, world, label, method, name, args
):
    category = ExpertiseCategoryFactory(name="Housing", slug="housing")
    values = {
        "category": category.pk,
        "snippet": ["directory", "expertisecategory", category.pk],
        "snippet model": ["directory", "expertisecategory"],
        "b user": world.b_user.pk,
        "a group": world.a_account.group.pk,
        "b collection": world.b_account.collection.pk,
    }
    url_args = []
    for arg in args:
        value = values[arg]
        url_args.extend(value if isinstance(value, list) else [value])
    before = snapshot(), Group.objects.count(), User.objects.count()
    groups_before = set(world.a_user.groups.values_list("pk", flat=True))
    permissions_before = set(world.a_account.group.permissions.values_list("pk", flat=True))
    data = {"name": "Legal aid", "slug": "legal-aid", "language_code": "de"}
    data |= {"old_path": "/x", "redirect_link": "https://example.org", "username": "new"}
    data |= {"permissions": list(Group.objects.none()), "email": "new@example.org"}
    response = request(
        as_a, method, reverse(name, args=url_args), data if method != "get" else None
    )
    assert refused(response), f"{label}: {response.status_code}"
    assert (snapshot(), Group.objects.count(), User.objects.count()) == before
    assert set(world.a_user.groups.values_list("pk", flat=True)) == groups_before
    assert set(world.a_account.group.permissions.values_list("pk", flat=True)) == (
        permissions_before
    )
    category.refresh_from_db()
    assert category.name == "Housing"


# What A may do on its own page ----------------------------------------------------------------


def test_the_organisation_edits_its_page_and_saves_a_draft(as_a, world):
    url = reverse("wagtailadmin_pages:edit", args=[world.a_page.pk])
    assert as_a.get(url).status_code == 200
    response = as_a.post(url, profile_edit_data(world.a_page, title="Cooperativa Alfa (new name)"))
    assert response.status_code == 302
    world.a_page.refresh_from_db()
    assert world.a_page.draft_title == "Cooperativa Alfa (new name)"
    assert not world.a_page.live


def test_the_unverified_organisation_cannot_publish_its_own_page(as_a, world):
    url = reverse("wagtailadmin_pages:edit", args=[world.a_page.pk])
    as_a.post(url, profile_edit_data(world.a_page, **{"action-publish": "publish"}))
    world.a_page.refresh_from_db()
    assert not world.a_page.live
    assert not world.a_page.permissions_for_user(world.a_user).can_publish()


@pytest.mark.parametrize("kind", ["servicepage", "portfolioprojectpage"])
def test_the_organisation_adds_services_and_projects_to_its_page(as_a, world, kind):
    url = reverse("wagtailadmin_pages:add", args=["directory", kind, world.a_page.pk])
    assert as_a.get(url).status_code == 200
    data = {
        "title": "Evening Italian course",
        "slug": "evening-course",
        "kind": "service",
        "summary": "Italian in the evening.",
        "description": rich_text("Twice a week."),
        "eligibility": rich_text(""),
        "how_to_access": rich_text(""),
        "delivery": "in_person",
        "is_free": "on",
        "start_year": "2024",
        "results": rich_text(""),
        "partners": rich_text(""),
        "scope": "local",
    }
    response = as_a.post(url, nested_form_data(data))
    assert response.status_code == 302, response.content.decode()[:3000]
    child = Page.objects.child_of(world.a_page).get(slug="evening-course")
    assert child.specific_class.__name__.lower() == kind
    assert not child.live


def test_the_organisation_translates_its_page_with_wagtail_localize(as_a, world):
    url = reverse("wagtail_localize:submit_page_translation", args=[world.a_page.pk])
    assert as_a.get(url).status_code == 200
    response = as_a.post(url, {"locales": [locale("en").pk]})
    assert response.status_code == 302
    english = OrganisationPage.objects.get(
        translation_key=world.a_page.translation_key, locale=locale("en")
    )
    assert english.get_parent().specific.code == "IT"
    assert not english.live, "a draft stays a draft in every language"
    rights = GroupPagePermission.objects.filter(group=world.a_account.group, page=english)
    assert set(rights.values_list("permission__codename", flat=True)) == {
        "add_page",
        "change_page",
    }
    assert as_a.get(reverse("wagtailadmin_pages:edit", args=[english.pk])).status_code == 200

    # Syncing its translations: yes; publishing them all at once without the right: no.
    source = TranslationSource.objects.get(object_id=world.a_page.translation_key)
    sync = reverse("wagtail_localize:update_translations", args=[source.pk])
    assert as_a.get(sync).status_code == 200
    assert refused(as_a.post(sync, {"publish_translations": "on"}))
    english.refresh_from_db()
    assert not english.live
    assert as_a.post(sync, {}).status_code == 302


def test_a_verified_organisation_may_publish_its_synced_translations(
    as_a, world, django_capture_on_commit_callbacks
):
    translate_object(world.a_page, [locale("en")], user=world.a_user)
    world.a_account.verified = True
    world.a_account.save()
    sync_organisation(world.a_account)
    source = TranslationSource.objects.get(object_id=world.a_page.translation_key)
    sync = reverse("wagtail_localize:update_translations", args=[source.pk])
    with django_capture_on_commit_callbacks(execute=True):  # wagtail-localize publishes on commit
        assert refused(as_a.post(sync, {"publish_translations": "on"})), "the source is a draft"
    english = world.a_page.get_translation(locale("en"))
    assert not english.live
    world.a_page.save_revision().publish()
    with django_capture_on_commit_callbacks(execute=True):
        assert as_a.post(sync, {"publish_translations": "on"}).status_code == 302
    english.refresh_from_db()
    assert english.live


def test_the_organisations_translation_right_comes_with_registration(world):
    assert world.a_user.has_perm("wagtail_localize.submit_translation")
    permissions = world.a_account.group.permissions.values_list("codename", flat=True)
    assert set(permissions) == {"access_admin", "submit_translation"}


# What A sees ---------------------------------------------------------------------------------


def upload(client, collection, title):
    image = SimpleUploadedFile(f"{title}.png", get_test_image_file().file.getvalue())
    return client.post(
        reverse("wagtailimages:add"),
        {"title": title, "file": image, "collection": collection.pk, "tags": ""},
    )


def test_the_organisation_uploads_to_its_own_collection_only(as_a, world):
    b_client = Client()
    b_client.force_login(world.b_user)
    assert upload(b_client, world.b_account.collection, "beta-logo").status_code == 302
    beta_logo = Image.objects.get(title="beta-logo")

    assert upload(as_a, world.a_account.collection, "alfa-logo").status_code == 302
    assert Image.objects.get(title="alfa-logo").collection == world.a_account.collection
    # Asking for B's collection: the form has only A's to offer, and files it there.
    upload(as_a, world.b_account.collection, "sneaked-into-beta")
    assert list(Image.objects.filter(collection=world.b_account.collection)) == [beta_logo]

    chooser = as_a.get(reverse("wagtailimages_chooser:choose")).content.decode()
    assert "alfa-logo" in chooser
    assert "beta-logo" not in chooser
    images = as_a.get(reverse("wagtailimages:index")).content.decode()
    assert "alfa-logo" in images and "beta-logo" not in images
    assert refused(as_a.get(reverse("wagtailimages:edit", args=[beta_logo.pk])))
    assert refused(as_a.post(reverse("wagtailimages:delete", args=[beta_logo.pk])))
    assert Image.objects.filter(pk=beta_logo.pk).exists()


def explore(client, page):
    response = client.get(reverse("wagtailadmin_explore", args=[page.pk]), follow=True)
    assert response.status_code == 200
    return response.content.decode()


def test_the_explorer_shows_its_own_page_and_not_the_others(as_a, world):
    registered("it", "c@gamma.example.org", C_NAME)  # a neighbour in Italy
    italy = world.portal.localized(world.portal.countries["IT"], "it")
    html = explore(as_a, italy)
    assert A_NAME in html
    assert C_NAME not in html

    # With a translation in English, A's pages span two trees: the English directory shows Italy
    # (on the way to A's page) but not Greece, where B's page is live.
    translate_object(world.a_page, [locale("en")], user=world.a_user)
    directory = explore(as_a, world.portal.directory)
    assert "Italy" in directory
    assert "Greece" not in directory
    # Greece, which A may not explore, is not even headed with its title.
    response = as_a.get(reverse("wagtailadmin_explore", args=[world.portal.countries["GR"].pk]))
    assert refused(response)
    assert B_NAME not in response.content.decode()
    assert "Beta job coaching" not in response.content.decode()


def test_the_explorer_of_staff_is_not_scoped(client, world):
    client.force_login(world.staff)
    assert B_NAME in explore(client, world.portal.countries["GR"])


def search(client, name, query):
    response = client.get(reverse(name), {"q": query})
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize("view", ["wagtailadmin_pages:search", "wagtailadmin_choose_page_search"])
def test_admin_search_and_page_chooser_find_only_its_own_pages(as_a, world, view):
    assert A_NAME in search(as_a, view, "Alfa")
    assert B_NAME not in search(as_a, view, "Vita Ergasia")
    assert "Beta job coaching" not in search(as_a, view, "coaching")


def central_staff_member(world):
    """Central staff: edit rights on the directory in every language, like facilitators'."""
    group, _created = Group.objects.get_or_create(name=CENTRAL_STAFF)
    group.permissions.add(access_admin())
    grant_pages(group, world.portal.directory.get_translations(inclusive=True), EDIT)
    user = User.objects.create_user("central", "central@example.org", PASSWORD)
    user.groups.add(group)
    return user


@pytest.mark.parametrize("view", ["wagtailadmin_pages:search", "wagtailadmin_choose_page_search"])
@pytest.mark.parametrize("who", ["superuser", "central staff"])
def test_staff_search_finds_every_organisation(client, world, view, who):
    client.force_login(world.staff if who == "superuser" else central_staff_member(world))
    assert B_NAME in search(client, view, "Vita Ergasia")


def test_the_page_chooser_browses_only_its_own_corner(as_a, world):
    registered("it", "c@gamma.example.org", C_NAME)
    italy = world.portal.localized(world.portal.countries["IT"], "it")
    html = as_a.get(reverse("wagtailadmin_choose_page_child", args=[italy.pk])).content.decode()
    assert A_NAME in html
    assert C_NAME not in html
    for key in ["el", "en", "service"]:
        response = as_a.get(reverse("wagtailadmin_choose_page_child", args=[world.b_pages[key].pk]))
        assert refused(response), key
        assert B_NAME not in response.content.decode()
    greece = world.portal.localized(world.portal.countries["GR"], "el")
    response = as_a.get(reverse("wagtailadmin_choose_page_child", args=[greece.pk]))
    assert refused(response)


def test_the_translations_report_is_not_in_the_organisations_menu(as_a, world):
    html = as_a.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("wagtail_localize:translations_report") not in html
    assert refused(as_a.get(reverse("wagtail_localize:translations_report")))


def test_it_cannot_approve_another_organisations_page_in_moderation(as_a, world):
    """B submits its page for approval; A's attempts to approve (= publish) it are refused."""
    b_client = Client()
    b_client.force_login(world.b_user)
    b_page = world.b("el")
    edit = reverse("wagtailadmin_pages:edit", args=[b_page.pk])
    data = profile_edit_data(b_page, **{"action-submit": "submit"})
    assert b_client.post(edit, data).status_code == 302
    task_state = TaskState.objects.get(
        workflow_state__object_id=str(b_page.pk), status=TaskState.STATUS_IN_PROGRESS
    )
    addresses = [
        ("post", "wagtailadmin_pages:workflow_action", [b_page.pk, "approve", task_state.pk]),
        (
            "get",
            "wagtailadmin_pages:collect_workflow_action_data",
            [b_page.pk, "approve", task_state.pk],
        ),
        ("get", "wagtailadmin_pages:workflow_preview", [b_page.pk, task_state.task_id]),
        ("get", "wagtailadmin_pages:confirm_workflow_cancellation", [b_page.pk]),
        ("post", "wagtailadmin_pages:edit", [b_page.pk]),  # "cancel workflow" from the editor
    ]
    before = snapshot()
    for method, name, args in addresses:
        extra = {"action-cancel-workflow": "1"} if name.endswith(":edit") else {}
        response = request(as_a, method, reverse(name, args=args), extra)
        assert refused(response), f"{name}: {response.status_code}"
    assert snapshot() == before
    task_state.refresh_from_db()
    assert task_state.status == TaskState.STATUS_IN_PROGRESS
    assert not world.b("el").live


def test_the_admin_api_does_not_reveal_another_organisations_pages(as_a, world):
    listing = as_a.get(reverse("wagtailadmin_api:pages:listing"), {"search": "Vita Ergasia"})
    assert listing.status_code == 200
    assert B_NAME not in listing.content.decode()
    mine = as_a.get(reverse("wagtailadmin_api:pages:detail", args=[world.a_page.pk]))
    assert mine.status_code == 200
    for key in B_PAGES:
        detail = reverse("wagtailadmin_api:pages:detail", args=[world.b_pages[key].pk])
        response = as_a.get(detail, follow=True)  # a 404 gets the language prefix, then 404
        assert response.status_code == 404, key
        assert B_NAME not in response.content.decode()
