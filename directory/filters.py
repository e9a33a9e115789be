"""The filters of the services index (and, later, of search): one form, one place."""

from django import forms
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _

from directory.listing import one_per_translation, under_any


class ServiceFilterForm(forms.Form):
    country = forms.ChoiceField(label=_("Country"), required=False)
    category = forms.ChoiceField(label=_("Category"), required=False)
    target_group = forms.ChoiceField(label=_("Target group"), required=False)
    kind = forms.ChoiceField(label=_("Type"), required=False)

    def __init__(self, data, locales):
        from directory.models import CountryPage, ExpertiseCategory, ServiceKind, TargetGroup

        super().__init__(data)
        locale, default = locales.active, locales.default
        self.countries = list(
            one_per_translation(
                CountryPage.objects.live().exclude(code=""), locale, default
            ).order_by("title")
        )
        self.fields["country"].choices = [("", _("All countries"))] + [
            (country.code.lower(), country.title) for country in self.countries
        ]
        self.fields["category"].choices = [("", _("All categories"))] + [
            (term.slug, term.name)
            for term in one_per_translation(ExpertiseCategory.objects.all(), locale, default)
        ]
        self.fields["target_group"].choices = [("", _("Everyone"))] + [
            (term.slug, term.name)
            for term in one_per_translation(TargetGroup.objects.all(), locale, default)
        ]
        self.fields["kind"].choices = [("", _("Services and opportunities"))] + list(
            ServiceKind.choices
        )

    def filter(self, services):
        """Apply every valid filter; a value that is not a choice is reported and left out."""
        from directory.models import CountryPage, ServicePage

        self.is_valid()
        data = {key: value for key, value in self.cleaned_data.items() if value}
        if "country" in data:
            countries = CountryPage.objects.filter(code=data["country"].upper())
            services = services.filter(under_any(countries))
        if "category" in data:
            services = services.filter(category__slug=data["category"])
        if "target_group" in data:
            through = ServicePage.target_groups.through
            services = services.filter(
                Exists(
                    through.objects.filter(
                        servicepage_id=OuterRef("pk"), targetgroup__slug=data["target_group"]
                    )
                )
            )
        if "kind" in data:
            services = services.filter(kind=data["kind"])
        return services

    @property
    def active(self):
        return any(self.cleaned_data.get(name) for name in self.fields) if self.is_bound else False
