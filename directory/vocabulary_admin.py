"""Deleting a vocabulary term: every use is shown, and the term is kept while it is used.

A term is one concept in every language (each language has its copy, sharing a translation key):
the English "Migrants" is used by a Greek service that chose "Μετανάστες". Uses are found by
query rather than through Wagtail's reference index, which does not follow many-to-many fields,
and include what pages' latest drafts choose, which the saved pages do not show until published.
"""

from dataclasses import dataclass

from django.contrib import messages
from django.contrib.admin.utils import quote
from django.db import connection
from django.db.models import Q
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.ui import tables
from wagtail.models import Page
from wagtail.snippets.side_panels import SnippetStatusSidePanel
from wagtail.snippets.views.snippets import DeleteView as SnippetDeleteView
from wagtail.snippets.views.snippets import EditView as SnippetEditView
from wagtail.snippets.views.snippets import UsageView as SnippetUsageView

from directory.models.taxonomy import Term


@dataclass
class TermUse:
    """One row (a page, in one language) that chooses the term in one of its fields."""

    row: object
    kind: str
    field: str
    language: str
    draft_only: bool
    edit_url: str | None


def _language_of(row):
    locale = getattr(row, "locale", None)
    return locale.get_display_name() if locale is not None else ""


def term_relations(model):
    """The fields of other models that point at a term model: many-to-many fields and foreign
    keys, those without a reverse accessor (`related_name="+"`) included."""
    for relation in model._meta.get_fields(include_hidden=True):
        if not relation.auto_created or relation.concrete:
            continue
        if not (relation.many_to_many or relation.one_to_many):
            continue
        if relation.related_model._meta.auto_created:  # the table behind a many-to-many field
            continue
        yield relation


def _draft_lists_any(source, draft, versions):
    """Rows of `source` whose latest revision's list (`draft`) holds one of `versions`: a JSON
    containment test in the database where it has one (PostgreSQL), else read here (SQLite,
    the embedded database of `make run`)."""
    if connection.features.supports_json_field_contains:
        condition = Q(pk__in=[])
        for pk in versions:
            condition |= Q(**{f"{draft}__contains": [pk]})
        return condition
    chosen = set(versions)
    rows = source._default_manager.filter(latest_revision__isnull=False).values_list("pk", draft)
    return Q(pk__in=[pk for pk, listed in rows if chosen & set(listed or [])])


def term_uses(term, user=None):
    """Every use of `term`, in any of its languages, as `TermUse`s: pages first by kind, then
    by title. Links (`edit_url`) are given where `user` may edit the row."""
    model = type(term)
    versions = list(
        model.objects.filter(translation_key=term.translation_key).values_list("pk", flat=True)
    )
    finder = AdminURLFinder(user) if user is not None else None
    uses = []
    for relation in term_relations(model):
        source, field = relation.related_model, relation.field
        saved = Q(**{f"{field.name}__in": versions})
        condition = saved
        if hasattr(source, "latest_revision"):
            # A revision stores a foreign key as the term's id, a many-to-many field as the
            # list of the chosen terms' ids.
            draft = f"latest_revision__content__{field.name}"
            if relation.many_to_many:
                condition |= _draft_lists_any(source, draft, versions)
            else:
                condition |= Q(**{f"{draft}__in": versions})
        rows = source._default_manager.filter(condition).distinct()
        if issubclass(source, Page):
            rows = rows.select_related("locale")
        saved_ids = set(source._default_manager.filter(saved).values_list("pk", flat=True))
        for row in rows:
            uses.append(
                TermUse(
                    row=row,
                    kind=capfirst(source._meta.verbose_name),
                    field=capfirst(field.verbose_name),
                    language=_language_of(row),
                    draft_only=row.pk not in saved_ids,
                    edit_url=finder.get_edit_url(row) if finder else None,
                )
            )
    return sorted(uses, key=lambda use: (use.kind, str(use.row).lower(), use.language))


def describe_uses(term, uses):
    return ngettext(
        "“%(term)s” cannot be deleted: it is used %(count)d time. Remove it from the "
        "page below first.",
        "“%(term)s” cannot be deleted: it is used %(count)d times. Remove it from the "
        "pages below first.",
        len(uses),
    ) % {"term": term, "count": len(uses)}


def refuse_deleting_used_terms(request, objects):
    """The `before_delete_snippet` hook: a delete (one term, or several at once) is refused,
    deleting nothing, while any of the terms is used. The term's delete screen lists the uses."""
    if request.method != "POST":
        return None
    terms = [term for term in objects if isinstance(term, Term)]
    used = [term for term in terms if term_uses(term)]
    if not used:
        return None
    term = used[0]
    messages.error(request, describe_uses(term, term_uses(term)))
    if len(terms) > 1:
        return redirect(term.snippet_viewset.get_url_name("list"))
    return redirect(term.snippet_viewset.get_url_name("delete"), quote(term.pk))


class TermDeleteView(SnippetDeleteView):
    """The delete screen of a term: the list of its uses, or the confirmation if there is none."""

    def get_template_names(self):
        return ["directory/admin/term_confirm_delete.html"]  # the viewset names the generic one

    # Wagtail's usage summary counts the reference index, which misses many-to-many uses.
    def get_usage_url(self):
        return None

    def get_usage(self):
        return None

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        uses = term_uses(self.object, self.request.user)
        context.update(
            uses=uses,
            uses_message=describe_uses(self.object, uses) if uses else "",
            languages_note=_("Uses in every language of this term are listed."),
            list_url=reverse(self.object.snippet_viewset.get_url_name("list")),
        )
        return context


class TermUsageView(SnippetUsageView):
    """The term's "Usage" screen: its uses in every language, as the delete screen lists them."""

    def get_queryset(self):
        return term_uses(self.object, self.request.user)

    def get_table(self, object_list, **kwargs):
        # The rows are `TermUse`s, not the reference index's (object, references) pairs.
        return self.table_class(self.columns, object_list, **self.get_table_kwargs(), **kwargs)

    @cached_property
    def columns(self):
        return [
            tables.TitleColumn("row", label=gettext_lazy("Name"), get_url=lambda use: use.edit_url),
            tables.Column("kind", label=gettext_lazy("Type")),
            tables.Column("field", label=gettext_lazy("Field")),
            tables.Column("language", label=gettext_lazy("Language")),
            tables.Column(
                "draft_only",
                label=gettext_lazy("Where"),
                accessor=lambda use: _("in its draft") if use.draft_only else _("published"),
            ),
        ]


class TermEditView(SnippetEditView):
    """The term's editor: "Used N times" in its status panel counts every use (`term_uses`)."""

    def get_side_panels(self):
        panels = super().get_side_panels()
        for panel in panels:
            if isinstance(panel, SnippetStatusSidePanel) and panel.usage_url is not None:
                panel.get_usage_context = lambda panel=panel: {
                    "usage_count": len(term_uses(self.object)),
                    "usage_url": panel.usage_url,
                }
        return panels
