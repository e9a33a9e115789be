"""The approval workflow's emails: the facilitators hear that a page waits (through
`directory.events`), the organisation's members that it was approved or sent back.

Wagtail sends its own moderation emails (a generic English text, to superusers and to whoever
submitted, outside the outbox) from receivers it connects in `wagtail.admin`'s `ready()`
(wagtail/admin/signal_handlers.py). `replace_wagtail_notifications()` takes their place, under
the same `dispatch_uid`s: whichever app is ready first, only the portal's receivers remain. The
organisation's members then hear that a page was approved or sent back, with the facilitator's
comment, in their language, from staff-editable templates, through the outbox. Pages outside the
directory (the home page, about pages: central staff's own) send no moderation email at all.
"""

from django.utils.translation import gettext as _
from django.utils.translation import override
from wagtail.admin.utils import get_user_display_name
from wagtail.models import Page, TaskState, WorkflowState
from wagtail.signals import task_submitted, workflow_approved, workflow_rejected, workflow_submitted

from directory.emails import send_to_members
from directory.events import SUBMITTED, announce
from directory.models import OrganisationPage
from directory.models.workflow import CountryFacilitatorsApprovalTask
from emails.models import TemplateKey


def organisation_of(page):
    """The organisation `page` belongs to (its own page, or the one above it), else None."""
    if isinstance(page, OrganisationPage):
        return page
    return OrganisationPage.objects.ancestor_of(page, inclusive=True).first()


def _page_of(workflow_state):
    obj = workflow_state.content_object
    return obj.specific if isinstance(obj, Page) else None


# The approval workflow ------------------------------------------------------------------------


def page_submitted(sender, instance, user=None, **kwargs):
    """A page entered the facilitators' approval task: submitted, or submitted again after
    changes were requested."""
    if not isinstance(instance.task.specific, CountryFacilitatorsApprovalTask):
        return
    page = _page_of(instance.workflow_state)
    organisation = organisation_of(page) if page is not None else None
    if organisation is not None:
        announce(SUBMITTED, organisation, page=page, user=user)


def _comment_block(task_state):
    """The facilitator's comment, introduced by their name, in the active language."""
    comment = (task_state.comment or "").strip() if task_state else ""
    if not comment:
        return ""
    name = get_user_display_name(task_state.finished_by) if task_state.finished_by else ""
    intro = _("Comment from %(name)s:") % {"name": name} if name else _("Comment:")
    return f"{intro}\n\n{comment}"


def _tell_members(workflow_state, key, task_state, user):
    page = _page_of(workflow_state)
    organisation = organisation_of(page) if page is not None else None
    if organisation is None:
        return []
    reply_to = [user.email] if user is not None and user.email else None

    def context(language):
        with override(language):
            return {"page_title": page.title, "comment": _comment_block(task_state)}

    return send_to_members(key, organisation, context, page=page, reply_to=reply_to)


def page_approved(sender, instance, user=None, **kwargs):
    task_state = (
        instance.task_states.filter(status=TaskState.STATUS_APPROVED)
        .select_related("finished_by")
        .order_by("-finished_at", "-pk")
        .first()
    )
    _tell_members(instance, TemplateKey.PAGE_APPROVED, task_state, user)


def page_rejected(sender, instance, user=None, **kwargs):
    task_state = instance.current_task_state
    _tell_members(instance, TemplateKey.PAGE_REJECTED, task_state, user)


def _nothing(sender, **kwargs):
    """Wagtail's email to superusers when a workflow starts: the facilitators are told instead,
    by `page_submitted`."""


# (signal, sender, Wagtail's dispatch_uid, the portal's receiver)
WAGTAIL_NOTIFIERS = (
    (task_submitted, TaskState, "group_approval_task_submitted_email_notification", page_submitted),
    (workflow_submitted, WorkflowState, "workflow_state_submitted_email_notification", _nothing),
    (workflow_rejected, WorkflowState, "workflow_state_rejected_email_notification", page_rejected),
    (workflow_approved, WorkflowState, "workflow_state_approved_email_notification", page_approved),
)


def replace_wagtail_notifications():
    """Put the portal's receivers in the place of Wagtail's moderation emails (see above)."""
    for signal, sender, dispatch_uid, receiver in WAGTAIL_NOTIFIERS:
        signal.disconnect(sender=sender, dispatch_uid=dispatch_uid)
        signal.connect(receiver, sender=sender, dispatch_uid=dispatch_uid, weak=False)
