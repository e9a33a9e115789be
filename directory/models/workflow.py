from django.conf import settings
from django.db.models import CharField
from django.db.models.functions import Cast
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.utils.translation import override
from wagtail.models import Page, Task, TaskState, Workflow, WorkflowPage, WorkflowTask

from core.roles import Role
from directory.listing import under_any
from directory.translation_guard import unpublished_source


def country_of(page):
    from directory.models import CountryPage

    return CountryPage.objects.ancestor_of(page, inclusive=True).first()


def facilitates(user, page):
    """Whether `user` looks after the country `page` belongs to (central staff: every country)."""
    role = Role.of(user)
    if role.is_central_staff:
        return True
    if not role.country_codes:
        return False
    country = country_of(page)
    return country is not None and role.facilitates_country(country.code)


class CountryFacilitatorsApprovalTask(Task):
    """Approval by the facilitators of the page's own country (or central staff)."""

    def _can_moderate(self, obj, user):
        return isinstance(obj, Page) and facilitates(user, obj)

    def user_can_access_editor(self, obj, user):
        return self._can_moderate(obj, user)

    def locked_for_user(self, obj, user):
        return not self._can_moderate(obj, user)

    def user_can_lock(self, obj, user):
        return self._can_moderate(obj, user)

    def user_can_unlock(self, obj, user):
        return False

    def get_actions(self, obj, user):
        if not self._can_moderate(obj, user):
            return []
        if unpublished_source(obj) is not None:
            # Approving publishes; a translation waits for its source (translation_guard.py).
            return [("reject", _("Request changes"), True)]
        return [
            ("reject", _("Request changes"), True),
            ("approve", _("Approve"), False),
            ("approve", _("Approve with comment"), True),
        ]

    def get_task_states_user_can_moderate(self, user, **kwargs):
        from directory.models import CountryPage

        states = self.task_states.filter(status=TaskState.STATUS_IN_PROGRESS)
        role = Role.of(user)
        if role.is_central_staff:
            return states
        codes = role.country_codes
        if not codes:
            return TaskState.objects.none()
        pages = (
            Page.objects.filter(under_any(CountryPage.objects.filter(code__in=codes)))
            .annotate(object_id=Cast("pk", CharField()))
            .values("object_id")
        )
        return states.filter(workflow_state__object_id__in=pages)

    @classmethod
    def get_description(cls):
        return _("The facilitators of the page's country approve it")

    class Meta:
        verbose_name = _("approval by the country's facilitators")
        verbose_name_plural = _("approvals by the country's facilitators")


#: The names the directory's workflow and its task are stored under, in English.
WORKFLOW_NAME = "Organisation approval"
TASK_NAME = "Approval by the country's facilitators"
#: How they read in the admin's language.
TRANSLATED_NAMES = {
    WORKFLOW_NAME: _("Organisation approval"),
    TASK_NAME: capfirst(CountryFacilitatorsApprovalTask._meta.verbose_name),
}


class TranslatedName(str):
    """A name stored in English that reads in the admin's language wherever it is shown.

    Wagtail shows a workflow's and a task's `name` as it is stored, in templates (the page
    header's workflow status, the dashboard's moderation panels, the workflow history) and in
    `"Submit to %(workflow_name)s" % …`. Read through `str()`, this name gives its translation;
    as a string it stays the stored English, which is what the database and JSON receive.
    """

    def __new__(cls, stored, translated):
        name = super().__new__(cls, stored)
        name.translated = translated
        return name

    def __str__(self):
        return str(self.translated)

    def __format__(self, format_spec):
        return format(str(self), format_spec)

    def __reduce__(self):
        return (str, (str.__str__(self),))


def read_name_translated(sender, instance, **kwargs):
    """post_init of workflows and tasks: their stored English name reads translated."""
    name = instance.__dict__.get("name")
    if type(name) is str and name in TRANSLATED_NAMES:
        instance.name = TranslatedName(name, TRANSLATED_NAMES[name])


def store_name_in_english(sender, instance, **kwargs):
    """pre_save: a name saved from an admin form as shown (translated) is stored in English."""
    name = str(instance.name)
    for stored, translated in TRANSLATED_NAMES.items():
        for language, _name in settings.LANGUAGES:
            with override(language):
                if name == str(translated):
                    instance.name = stored
                    return


def ensure_directory_workflow():
    """Organisations' pages go through their country's facilitators before they are published."""
    from directory.models import DirectoryIndexPage

    task, _created = CountryFacilitatorsApprovalTask.objects.get_or_create(name=TASK_NAME)
    workflow, created = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    if created or not workflow.workflow_tasks.exists():
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    for page in DirectoryIndexPage.objects.all():
        WorkflowPage.objects.get_or_create(page=page, defaults={"workflow": workflow})
    return workflow
