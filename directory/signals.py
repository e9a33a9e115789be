"""Keep rights in step with the page tree (a new translation gets its original's rights), and
mark organisations' standings stale when what they are worked out from changes."""

from django.db.models.signals import (
    m2m_changed,
    post_delete,
    post_init,
    post_save,
    pre_delete,
    pre_save,
)
from django.dispatch import receiver
from wagtail.images import get_image_model
from wagtail.models import Page, Task, Workflow
from wagtail.signals import pre_page_move

from directory import indexing, listing_rows, standing
from directory.models import (
    CountryPage,
    DirectoryIndexPage,
    ExpertiseCategory,
    OrganisationAccount,
    OrganisationPage,
    Place,
    TargetGroup,
)
from directory.models.workflow import (
    CountryFacilitatorsApprovalTask,
    ensure_directory_workflow,
    read_name_translated,
    store_name_in_english,
)
from directory.permissions import sync_central_staff, sync_country, sync_organisation
from emails.models import OutboxEmail


@receiver(post_save, sender=OrganisationPage)
def organisation_page_saved(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        accounts = OrganisationAccount.objects.filter(translation_key=instance.translation_key)
        for account in accounts.select_related("group", "collection"):
            sync_organisation(account)


@receiver(post_save, sender=CountryPage)
def country_page_saved(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        sync_country(instance)


@receiver(post_save, sender=DirectoryIndexPage)
def directory_saved(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        ensure_directory_workflow()
        sync_central_staff()


post_save.connect(indexing.term_saved, sender=ExpertiseCategory, dispatch_uid="reindex_category")
post_save.connect(indexing.term_saved, sender=TargetGroup, dispatch_uid="reindex_target_group")
post_save.connect(indexing.term_saved, sender=Place, dispatch_uid="reindex_place")

# The directory's workflow and task names read in the admin's language (models/workflow.py).
for model in (Workflow, Task, CountryFacilitatorsApprovalTask):
    uid = model.__name__
    post_init.connect(read_name_translated, sender=model, dispatch_uid=f"read_name_{uid}")
    pre_save.connect(store_name_in_english, sender=model, dispatch_uid=f"store_name_{uid}")


# Organisations' standings (directory/standing.py): marked stale by what they depend on ----------


@receiver(post_save)
@receiver(post_delete)
def page_changed(sender, instance, raw=False, **kwargs):
    if raw or not isinstance(instance, Page):
        return
    standing.mark_around(instance)
    listing_rows.mark_around(instance, subtree=getattr(instance, "_listing_subtree", None))
    if isinstance(instance, OrganisationPage):  # a language version more or less
        if kwargs.get("created"):
            standing.open_standing(instance)
        elif kwargs.get("signal") is post_delete:  # the first version may have gone
            first = OrganisationPage.objects.first_version(instance.translation_key)
            if first is not None:
                standing.open_standing(first)
        standing.mark_organisation(instance.translation_key)


@receiver(pre_page_move)
def page_moving(sender, instance, **kwargs):
    """Whatever moves, the organisations in it may change country: marked by their keys, which
    the move keeps."""
    standing.mark_around(instance)
    listing_rows.mark_around(instance, subtree=True)


@receiver(pre_save, sender=CountryPage)
def country_saving(sender, instance, raw=False, **kwargs):
    """A country's new code (or its going live or not) changes where its content is listed."""
    if not raw and listing_rows.country_changes(instance):
        instance._listing_subtree = True
        listing_rows.mark_in_country(instance)


@receiver(m2m_changed, sender=OrganisationPage.expertise_categories.through)
def expertise_changed(sender, instance, action, reverse, pk_set=None, **kwargs):
    if not action.startswith("post_"):
        return
    if reverse:  # a category's organisations changed
        pages = OrganisationPage.objects.filter(pk__in=pk_set or ())
        standing.mark_organisations(pages.values("translation_key"))
    else:
        standing.mark_organisation(instance.translation_key)


@receiver(pre_save, sender=ExpertiseCategory)
@receiver(pre_save, sender=TargetGroup)
def term_renaming(sender, instance, raw=False, **kwargs):
    """A term's new slug: the listings' rows of the content linked to it are marked stale."""
    if raw or instance.pk is None:
        return
    old = sender.objects.filter(pk=instance.pk).values_list("slug", flat=True).first()
    if old is not None and old != instance.slug:
        vocabulary = "category" if sender is ExpertiseCategory else "target_group"
        listing_rows.mark_using_term(vocabulary, instance)


@receiver(post_save, sender=Place)
def place_saved(sender, instance, raw=False, **kwargs):
    """A place's slug or region: the listings' rows of the content in it are marked stale."""
    if not raw:
        listing_rows.mark_using_place(instance)


@receiver(post_save, sender=OrganisationAccount)
@receiver(post_delete, sender=OrganisationAccount)
def account_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        standing.mark_organisation(instance.translation_key)


@receiver(post_save, sender=OutboxEmail)
def email_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        standing.mark_email(instance)


@receiver(pre_delete, sender=get_image_model())
def image_deleted(sender, instance, **kwargs):
    standing.mark_using_image(instance.pk)
