"""Keep rights in step with the page tree: a new translation gets its original's rights."""

from django.db.models.signals import post_init, post_save, pre_save
from django.dispatch import receiver
from wagtail.models import Task, Workflow

from directory import indexing
from directory.models import (
    CountryPage,
    DirectoryIndexPage,
    ExpertiseCategory,
    OrganisationAccount,
    OrganisationPage,
    TargetGroup,
)
from directory.models.workflow import (
    CountryFacilitatorsApprovalTask,
    ensure_directory_workflow,
    read_name_translated,
    store_name_in_english,
)
from directory.permissions import sync_central_staff, sync_country, sync_organisation


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

# The directory's workflow and task names read in the admin's language (models/workflow.py).
for model in (Workflow, Task, CountryFacilitatorsApprovalTask):
    uid = model.__name__
    post_init.connect(read_name_translated, sender=model, dispatch_uid=f"read_name_{uid}")
    pre_save.connect(store_name_in_english, sender=model, dispatch_uid=f"store_name_{uid}")
