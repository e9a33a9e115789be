from django.db.models import CharField
from django.db.models.functions import Cast
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, Task, TaskState, Workflow, WorkflowPage, WorkflowTask

from core.roles import Role
from directory.listing import under_any


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
        if self._can_moderate(obj, user):
            return [
                ("reject", _("Request changes"), True),
                ("approve", _("Approve"), False),
                ("approve", _("Approve with comment"), True),
            ]
        return []

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


def ensure_directory_workflow():
    """Organisations' pages go through their country's facilitators before they are published."""
    from directory.models import DirectoryIndexPage

    task, _created = CountryFacilitatorsApprovalTask.objects.get_or_create(
        name="Approval by the country's facilitators"
    )
    workflow, created = Workflow.objects.get_or_create(name="Organisation approval")
    if created or not workflow.workflow_tasks.exists():
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    for page in DirectoryIndexPage.objects.all():
        WorkflowPage.objects.get_or_create(page=page, defaults={"workflow": workflow})
    return workflow
