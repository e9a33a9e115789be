"""The approval workflow's emails: the facilitators hear that a page waits (through
`directory.events`), the organisation's members that it was approved or sent back.

Wagtail sends its own moderation emails (a generic English text, to superusers and to whoever
submitted, outside the outbox) from receivers it connects in `wagtail.admin`'s `ready()`
(wagtail/admin/signal_handlers.py). `replace_wagtail_notifications()` takes their place, under
the same `dispatch_uid`s: whichever app is ready first, only the portal's receivers remain. The
organisation's members then hear that a page was approved or sent back, with the facilitator's
comment, in their language, from staff-editable templates, through the outbox.

Pages outside the directory (the home page, about pages: central staff's own) keep Wagtail's
"Moderators approval" workflow, a group approval task: the task's groups hear that a page waits,
and whoever submitted it hears that it was approved or sent back, each in their admin language,
through the outbox too. Like Wagtail's, these emails go to active users with an email address
who have not turned the notification off in their account settings, never to the person who
acted.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import override
from wagtail.admin.utils import get_user_display_name
from wagtail.models import AbstractGroupApprovalTask, Page, TaskState, WorkflowState
from wagtail.signals import task_submitted, workflow_approved, workflow_rejected, workflow_submitted
from wagtail.users.models import UserProfile

from core.urls import absolute_admin_url
from directory.emails import admin_language, send_to_members
from directory.events import SUBMITTED, announce
from directory.models import DirectoryIndexPage, OrganisationPage
from directory.models.workflow import CountryFacilitatorsApprovalTask
from emails import mail
from emails.models import TemplateKey


def organisation_of(page):
    """The organisation `page` belongs to (its own page, or the one above it), else None."""
    if isinstance(page, OrganisationPage):
        return page
    return OrganisationPage.objects.ancestor_of(page, inclusive=True).first()


def in_directory(page):
    """Whether `page` is the directory's index or below it (its countries, organisations...)."""
    return DirectoryIndexPage.objects.ancestor_of(page, inclusive=True).exists()


def _page_of(workflow_state):
    obj = workflow_state.content_object
    return obj.specific if isinstance(obj, Page) else None


# The approval workflow ------------------------------------------------------------------------


def page_submitted(sender, instance, user=None, **kwargs):
    """A page entered an approval task: submitted, or submitted again after changes were
    requested. The facilitators' task tells them through `directory.events`; a group approval
    task on a page outside the directory emails its groups."""
    task = instance.task.specific
    page = _page_of(instance.workflow_state)
    if page is None:
        return
    if isinstance(task, CountryFacilitatorsApprovalTask):
        organisation = organisation_of(page)
        if organisation is not None:
            announce(SUBMITTED, organisation, page=page, user=user)
    elif isinstance(task, AbstractGroupApprovalTask) and not in_directory(page):
        _tell_moderators(task, page, user or instance.workflow_state.requested_by)


def _comment_block(task_state):
    """The reviewer's comment, introduced by their name, in the active language."""
    comment = (task_state.comment or "").strip() if task_state else ""
    if not comment:
        return ""
    name = get_user_display_name(task_state.finished_by) if task_state.finished_by else ""
    intro = _("Comment from %(name)s:") % {"name": name} if name else _("Comment:")
    return f"{intro}\n\n{comment}"


def _tell_members(organisation, page, key, task_state, user):
    reply_to = [user.email] if user is not None and user.email else None

    def context(language):
        with override(language):
            return {"page_title": page.title, "comment": _comment_block(task_state)}

    return send_to_members(key, organisation, context, page=page, reply_to=reply_to)


# Pages outside the directory: the moderators and whoever submitted -----------------------------


def _wants(user, notification):
    """Whether `user` can be emailed and left Wagtail's `notification` ("submitted", "approved",
    "rejected") on in their account settings."""
    if not (user.is_active and user.email):
        return False
    return getattr(UserProfile.get_for_user(user), f"{notification}_notifications")


def _page_edit_link(page):
    return absolute_admin_url(reverse("wagtailadmin_pages:edit", args=[page.pk]))


def _tell_moderators(task, page, submitter):
    """Each member of the task's groups hears that `page` waits for their review."""
    people = (
        get_user_model()
        .objects.filter(groups__in=task.groups.all())
        .exclude(pk=getattr(submitter, "pk", None))
        .distinct()
        .order_by("pk")
    )
    reply_to = [submitter.email] if submitter is not None and submitter.email else None
    sent = []
    for person in people:
        if not _wants(person, "submitted"):
            continue
        context = {
            "recipient_name": get_user_display_name(person),
            "submitter_name": get_user_display_name(submitter) if submitter else "",
            "page_title": page.title,
            "page_edit_link": _page_edit_link(page),
        }
        language = admin_language(person, settings.LANGUAGE_CODE)
        sent.append(_send(TemplateKey.MODERATION_SUBMISSION, person, context, reply_to, language))
    return sent


def _tell_requester(workflow_state, page, key, notification, task_state, user):
    """Whoever submitted `page` hears of the decision, unless they made it themselves."""
    requester = workflow_state.requested_by
    if requester is None or (user is not None and requester.pk == user.pk):
        return None
    if not _wants(requester, notification):
        return None
    reply_to = [user.email] if user is not None and user.email else None
    language = admin_language(requester, settings.LANGUAGE_CODE)
    with override(language):
        context = {
            "recipient_name": get_user_display_name(requester),
            "page_title": page.title,
            "page_edit_link": _page_edit_link(page),
            "comment": _comment_block(task_state),
        }
    return _send(key, requester, context, reply_to, language)


def _send(key, person, context, reply_to, language):
    return mail.send_templated_email(
        key, to=[person.email], language=language, context=context, reply_to=reply_to
    )


# The decision -----------------------------------------------------------------------------------


def _tell_of_decision(workflow_state, task_state, user, decision):
    """An organisation's page: its members hear; a page outside the directory: its requester."""
    page = _page_of(workflow_state)
    if page is None:
        return None
    organisation = organisation_of(page)
    if organisation is not None:
        return _tell_members(organisation, page, DECISIONS[decision][0], task_state, user)
    if in_directory(page):
        return None
    key = DECISIONS[decision][1]
    return _tell_requester(workflow_state, page, key, decision, task_state, user)


#: Wagtail's name of each decision: the key of the email to an organisation's members, and to
#: whoever submitted a page outside the directory.
DECISIONS = {
    "approved": (TemplateKey.PAGE_APPROVED, TemplateKey.MODERATION_APPROVED),
    "rejected": (TemplateKey.PAGE_REJECTED, TemplateKey.MODERATION_REJECTED),
}


def page_approved(sender, instance, user=None, **kwargs):
    task_state = (
        instance.task_states.filter(status=TaskState.STATUS_APPROVED)
        .select_related("finished_by")
        .order_by("-finished_at", "-pk")
        .first()
    )
    _tell_of_decision(instance, task_state, user, "approved")


def page_rejected(sender, instance, user=None, **kwargs):
    _tell_of_decision(instance, instance.current_task_state, user, "rejected")


def _nothing(sender, **kwargs):
    """Wagtail's email to superusers when a workflow starts: the facilitators, or the task's
    groups, are told instead, by `page_submitted`."""


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
