"""A translation does not go live before the page it was translated from.

A page's source is the version wagtail-localize translated it from (its `TranslationSource`), or,
for a translation made otherwise, the first version written of the page (the lowest id among its
translation key). While that source is not live, the translation is refused wherever it would be
published: the page editor (`before_publish_page`), wagtail-localize's translation editor
(`before_edit_page`), the one-click submit of the organisation's home, and the approval task,
which offers no "Approve" (directory/models/workflow.py). wagtail-localize's "sync translated
pages" with "publish" is refused by its URL guard (directory/admin_scope.py).
"""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import get_language_info
from django.utils.translation import gettext as _
from wagtail.models import Page


def source_of(page):
    """The page `page` was translated from, or None when it is an original."""
    from wagtail_localize.models import Translation  # wagtail-localize's models load after ours

    translation = (
        Translation.objects.filter(
            source__object_id=page.translation_key, target_locale_id=page.locale_id
        )
        .select_related("source")
        .first()
    )
    versions = Page.objects.filter(translation_key=page.translation_key).exclude(pk=page.pk)
    if translation is not None:
        return versions.filter(locale_id=translation.source.locale_id).first()
    first = Page.objects.filter(translation_key=page.translation_key).order_by("pk").first()
    return None if first is None or first.pk == page.pk else first


def unpublished_source(page):
    """The source of `page` when it is not live (the translation must wait for it), else None."""
    source = source_of(page)
    return source if source is not None and not source.live else None


def language_name(code):
    """The language's name in the reader's language ("Italian", "italiano", "Ιταλικά")."""
    try:
        return get_language_info(code)["name_translated"]
    except KeyError:
        return code


def refusal_message(page):
    """Why `page` may not go live yet, or None."""
    source = unpublished_source(page)
    if source is None:
        return None
    return _(
        "“%(title)s” is a translation: publish the %(language)s version first, then this one."
    ) % {
        "title": page.get_admin_display_title(),
        "language": language_name(source.locale.language_code),
    }


def refuse_publishing(request, page):
    """`before_publish_page`: the draft is saved; the translation does not go live."""
    if (refusal := refusal_message(page)) is not None:
        messages.error(request, refusal)
        return redirect("wagtailadmin_pages:edit", page.pk)
    return None


def refuse_translation_publishing(request, page):
    """`before_edit_page`, ahead of wagtail-localize's: its translation editor's "Publish" is
    refused; opening the editor of such a translation says why it cannot be published yet."""
    if request.method == "POST":
        if request.POST.get("action") == "publish":
            return refuse_publishing(request, page)
    elif (refusal := refusal_message(page)) is not None:
        messages.warning(request, refusal)
    return None
