"""What an organisation sees and touches in the admin: its own pages and collection, nothing else;
what a facilitator sees: their countries' pages.

Wagtail's own page views already refuse a page the user has no rights on, and its explorer, admin
search and image/document choosers already list only what the user's rights reach. What needs
help lives here:

- Scoping (hooks, registered in directory/wagtail_hooks.py): the page chooser lists every page of
  the site, drafts included; for anyone but central staff it lists only the pages they may explore
  (their own pages, and their ancestors to navigate through). The explorer gets the same filter,
  as a second line behind Wagtail's. Reports are the whole site's: organisations have none.
- The URL guard: wagtail-localize's views check only the global `submit_translation` permission,
  not the page; the explorer and the page chooser head their listing with any page asked for; a
  bulk action's confirmation names every object asked for; the admin API lists every image and
  document. `guarded_admin_urls()` wraps those views so that they refuse what the user cannot
  reach, and remakes every listing with filters so that its user filters offer only the people
  the user may know of (directory/admin_listings.py). portal/urls.py mounts these views before
  Wagtail's admin URLs, at the same addresses.

"Staff" are not scoped to one organisation: superusers, facilitators ("Facilitators: …" groups)
and central staff. Every other signed-in admin user is, whether or not it belongs to an
organisation (default deny): `core.roles.Role.is_scoped`.
"""

from contextlib import suppress
from functools import wraps

from django.apps import apps
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.http import Http404
from django.urls import URLPattern, URLResolver
from django.views.decorators.cache import never_cache
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.permissions import policy_registry
from wagtail.snippets.permissions import user_can_edit_snippet_type

from core.roles import Role
from directory import admin_listings

LOCALIZE_NAMESPACE = "wagtail_localize"
REPORTS_NAMESPACE = "wagtailadmin_reports"


# Who is scoped ----------------------------------------------------------------------------------


def is_scoped(user):
    """Whether the user sees only its own corner of the admin (every non-staff user)."""
    return Role.of(user).is_scoped


def explorable_pages(user):
    return PagePermissionPolicy().explorable_instances(user)


# Scoping hooks ----------------------------------------------------------------------------------


def sees_whole_site(user):
    """Central staff (and superusers) see every page; facilitators their countries' only."""
    return Role.of(user).is_central_staff


def scope_page_chooser(pages, request):
    """The chooser lists (drafts' titles included) only pages the user may explore."""
    if not sees_whole_site(request.user):
        pages = pages.filter(pk__in=explorable_pages(request.user).values("pk"))
    return pages


def scope_explorer(parent_page, pages, request):
    if is_scoped(request.user):
        pages = pages.filter(pk__in=explorable_pages(request.user).values("pk"))
    return pages


def hide_reports(request, menu_items):
    """Reports (pages, history, workflows, translations) are the whole site's: not for
    organisations, whose own pages their explorer and history show."""
    if is_scoped(request.user):
        menu_items[:] = []


def refuse_move_confirmation(request, page, destination):
    """Wagtail 8.0 shows its move confirmation (title, translations) without checking rights."""
    if not page.permissions_for_user(request.user).can_move_to(destination):
        raise PermissionDenied


# The URL guard ----------------------------------------------------------------------------------
# A check takes (request, **url kwargs) and raises PermissionDenied / Http404, or returns.


def _can_edit_page(user, page):
    if not page.permissions_for_user(user).can_edit():
        raise PermissionDenied


def _page(page_id):
    try:
        return Page.objects.get(pk=page_id)
    except Page.DoesNotExist as error:
        raise Http404 from error


def _check_snippet(user, model):
    """Organisations never translate snippets; others only those they may edit."""
    if is_scoped(user) or not user_can_edit_snippet_type(user, model):
        raise PermissionDenied


def _check_instance(user, instance):
    if isinstance(instance, Page):
        _can_edit_page(user, instance)
    else:
        _check_snippet(user, type(instance))


def check_submit_snippet(request, app_label, model_name, **kwargs):
    from wagtail.snippets.views.snippets import get_snippet_model_from_url_params

    _check_snippet(request.user, get_snippet_model_from_url_params(app_label, model_name))


def check_update_translations(request, translation_source_id, **kwargs):
    """Sync a source's translations: edit the source; publishing them needs publish on each."""
    from wagtail_localize.models import TranslationSource

    source = TranslationSource.objects.filter(pk=translation_source_id).first()
    if source is None:
        raise Http404
    try:
        instance = source.get_source_instance()
    except ObjectDoesNotExist as error:
        raise Http404 from error
    _check_instance(request.user, instance)
    if (
        request.method == "POST"
        and request.POST.get("publish_translations")
        and isinstance(instance, Page)
    ):
        # "Publish immediately" publishes every translation, even one not created yet.
        pages = [instance]
        for translation in source.translations.filter(enabled=True):
            with suppress(ObjectDoesNotExist):
                pages.append(translation.get_target_instance())
        if not all(page.permissions_for_user(request.user).can_publish() for page in pages):
            raise PermissionDenied
        if not instance.live:  # translations wait for their source (translation_guard.py)
            raise PermissionDenied


def check_translation(request, translation_id, **kwargs):
    """Any view on one translation: the user edits both its source and its target."""
    from wagtail_localize.models import Translation

    translation = Translation.objects.filter(pk=translation_id).select_related("source").first()
    if translation is None:
        raise Http404
    for get in (translation.source.get_source_instance, translation.get_target_instance):
        try:
            instance = get()
        except ObjectDoesNotExist as error:  # the object was deleted: nothing to act on
            raise Http404 from error
        _check_instance(request.user, instance)


def check_edit_page(request, page_id, **kwargs):
    _can_edit_page(request.user, _page(page_id))


def check_staff_only(request, **kwargs):
    if is_scoped(request.user):
        raise PermissionDenied


def check_nothing(request, **kwargs):
    return None


def check_explorable_parent(request, parent_page_id, **kwargs):
    """The explorer heads its listing with the parent page: only one the user may explore."""
    if not explorable_pages(request.user).filter(pk=parent_page_id).exists():
        raise PermissionDenied


def check_central_staff(request, **kwargs):
    """For central staff only (the admin API lists the whole site's images and documents)."""
    if not Role.of(request.user).is_central_staff:
        raise PermissionDenied


def check_bulk_action(request, app_label, model_name, action, **kwargs):
    """A bulk action's confirmation names every object asked for, even one the user may not act
    on: it is refused unless each is one the user reaches."""
    from wagtail.admin.views.bulk_action.registry import bulk_action_registry

    try:
        model = apps.get_model(app_label, model_name)
    except LookupError as error:
        raise Http404 from error
    action_class = bulk_action_registry.get_bulk_action_class(app_label, model_name, action)
    if action_class is None:
        raise Http404
    reachable = reachable_instances(request.user, model)
    objects, without_access = action_class(request, model).get_actionable_objects()
    asked = {obj.pk for obj in [*objects, *without_access["items_with_no_access"]]}
    if asked - set(reachable.filter(pk__in=asked).values_list("pk", flat=True)):
        raise PermissionDenied


REACHING_ACTIONS = ["add", "change", "delete", "choose", "view", "publish", "lock", "unlock"]


def reachable_instances(user, model):
    """The objects of `model` the user may see in the admin (pages: explore), by its policy."""
    if issubclass(model, Page):
        return explorable_pages(user)
    policy = policy_registry.get_by_type(model)
    return policy.instances_user_has_any_permission_for(user, REACHING_ACTIONS)


def check_chooser_parent(request, parent_page_id, **kwargs):
    """The page chooser shows its parent page: only one the user may explore."""
    if (
        not sees_whole_site(request.user)
        and not explorable_pages(request.user).filter(pk=parent_page_id).exists()
    ):
        raise PermissionDenied


LOCALIZE_CHECKS = {
    "javascript_catalog": check_nothing,
    "submit_page_translation": check_edit_page,
    "submit_snippet_translation": check_submit_snippet,
    "update_translations": check_update_translations,
    "edit_string_translation": check_translation,
    "edit_override": check_translation,
    "download_pofile": check_translation,
    "upload_pofile": check_translation,
    "machine_translate": check_translation,
    "preview_translation": check_translation,
    "stop_translation": check_translation,
    "convert_to_alias": check_edit_page,
    "translations_report": check_staff_only,
    "translations_report_results": check_staff_only,
    "snippets_api_listing": check_staff_only,
    "snippets_api_detail": check_staff_only,
}
WAGTAIL_CHECKS = {
    "wagtailadmin_choose_page_child": check_chooser_parent,
    "wagtailadmin_explore": check_explorable_parent,
    "wagtailadmin_explore_results": check_explorable_parent,
    "wagtail_bulk_action": check_bulk_action,
    # Wagtail's deliberate error page, to try error reporting: central staff's only.
    "wagtailadmin_error_test": check_central_staff,
    "wagtailadmin_api:images:listing": check_central_staff,
    "wagtailadmin_api:images:detail": check_central_staff,
    "wagtailadmin_api:images:find": check_central_staff,
    "wagtailadmin_api:documents:listing": check_central_staff,
    "wagtailadmin_api:documents:detail": check_central_staff,
    "wagtailadmin_api:documents:find": check_central_staff,
    # Wagtail 8.0 answers this one for any page: the page's workflow and task, to anybody.
    "wagtailadmin_pages:confirm_workflow_cancellation": check_edit_page,
}


def guard(view, check):
    """`view`, run only once `check` passes for a signed-in user (others: the view's own login)."""

    @wraps(view)
    def guarded(request, *args, **kwargs):
        if request.user.is_authenticated:
            check(request, **kwargs)
        return view(request, *args, **kwargs)

    return guarded


def _check_for(namespace, name):
    if namespace == REPORTS_NAMESPACE:
        # Reports are the whole site's: not for organisations.
        return check_staff_only
    if namespace == LOCALIZE_NAMESPACE:
        # A wagtail-localize view this module does not know yet: staff only until reviewed.
        return LOCALIZE_CHECKS.get(name, check_staff_only)
    return WAGTAIL_CHECKS.get(f"{namespace}:{name}" if namespace else name)


GUARDED = set()  # the names of the views guarded, to check that the expected ones were found


def _guarded_patterns(patterns, namespace=""):
    guarded = []
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner_namespace = ":".join(filter(None, [namespace, pattern.namespace]))
            inner = _guarded_patterns(pattern.url_patterns, inner_namespace)
            if inner:
                guarded.append(URLResolver(pattern.pattern, inner, pattern.default_kwargs))
        elif isinstance(pattern, URLPattern):
            check = _check_for(namespace, pattern.name)
            view = _scoped_listing(pattern.callback)
            if check is not None:
                GUARDED.add(f"{namespace}:{pattern.name}" if namespace else pattern.name)
                view = guard(view or pattern.callback, check)
            if view is not None:
                # No name: reverse() keeps finding the original pattern, at the same address.
                guarded.append(URLPattern(pattern.pattern, view, pattern.default_args))
    return guarded


def _scoped_listing(callback):
    """A listing view with filters, remade with its user filters scoped (admin_listings.py), and
    the decorators Wagtail gives every admin view; None for any other view."""
    from wagtail.admin.auth import require_admin_access
    from wagtail.admin.urls import display_custom_404

    view_class = getattr(callback, "view_class", None)
    initkwargs = getattr(callback, "view_initkwargs", None) or {}
    if view_class is None or not admin_listings.has_filters(view_class, initkwargs):
        return None
    view = admin_listings.scoped_listing_view(view_class).as_view(**initkwargs)
    return never_cache(display_custom_404(require_admin_access(view)))


def guarded_admin_urls():
    """Wagtail admin URL patterns that need a per-page check, wrapped; mount before the admin."""
    from wagtail.admin import urls as wagtailadmin_urls

    patterns = _guarded_patterns(wagtailadmin_urls.urlpatterns)
    missing = {f"{LOCALIZE_NAMESPACE}:submit_page_translation", *WAGTAIL_CHECKS} - GUARDED
    if missing:  # fail loudly rather than leave a view unguarded after an upgrade
        raise RuntimeError(f"Admin URLs to guard not found: {sorted(missing)}")
    return patterns


def hide_site_page_count(request, summary_items):
    """The dashboard's page count is the whole site's: an organisation's checklist says more."""
    if is_scoped(request.user):
        summary_items[:] = [
            item for item in summary_items if type(item).__name__ != "PagesSummaryItem"
        ]
