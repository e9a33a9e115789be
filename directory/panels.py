"""A panel at the top of an organisation's editor: whether it is verified, with the action to
verify it or to withdraw its verification, for the facilitators of its country and central
staff."""

from django.urls import reverse
from wagtail.admin.panels import Panel


class VerificationPanel(Panel):
    class BoundPanel(Panel.BoundPanel):
        template_name = "directory/admin/verification_panel.html"

        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            self.account = None
            if self.instance is not None and self.instance.pk and self.request is not None:
                # The page models use this panel: the models are read once they are all loaded.
                from directory.models import OrganisationAccount
                from directory.models.workflow import facilitates

                if facilitates(self.request.user, self.instance):
                    self.account = (
                        OrganisationAccount.objects.filter(
                            translation_key=self.instance.translation_key
                        )
                        .select_related("verified_by")
                        .first()
                    )

        def is_shown(self):
            return self.account is not None

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["account"] = self.account
            name = "revoke" if self.account.verified else "verify"
            context["action_url"] = reverse(
                f"directory_{name}_organisation", args=[self.instance.pk]
            )
            return context
