"""On a facilitator's admin home: the mentors of their countries waiting for approval."""

from wagtail.admin.ui.components import Component

from .admin import mentors_for, pending_mentors_url
from .models import Approval


class PendingMentorsPanel(Component):
    name = "mentoring_pending"
    order = 110
    template_name = "mentoring/admin/pending_panel.html"

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context["count"] = mentors_for(self.user).filter(approval=Approval.PENDING).count()
        context["url"] = pending_mentors_url()
        return context
