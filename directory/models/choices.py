from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class OrganisationKind(models.TextChoices):
    SOCIAL_COOPERATIVE = "social_cooperative", _("Social cooperative")
    SOCIAL_ENTERPRISE = "social_enterprise", _("Social enterprise")
    WORK_INTEGRATION = "work_integration", _("Work integration social enterprise")
    ASSOCIATION = "association", _("Association")
    NGO = "ngo", _("Non-governmental organisation")
    FOUNDATION = "foundation", _("Foundation")
    VOLUNTEER = "volunteer", _("Volunteer organisation")
    MUTUAL = "mutual", _("Mutual society")
    COOPERATIVE = "cooperative", _("Cooperative")
    NETWORK = "network", _("Network or umbrella organisation")
    MUNICIPALITY = "municipality", _("Municipality")
    REGIONAL_AUTHORITY = "regional_authority", _("Regional authority")
    NATIONAL_AGENCY = "national_agency", _("Ministry or national agency")
    EMPLOYMENT_SERVICE = "employment_service", _("Public employment service")
    SOCIAL_SERVICES = "social_services", _("Public social services")
    PUBLIC_EDUCATION = "public_education", _("Public school, training centre or university")


class ServiceKind(models.TextChoices):
    SERVICE = "service", pgettext_lazy("kind of listing", "Service")
    OPPORTUNITY = "opportunity", pgettext_lazy("kind of listing", "Opportunity")


class Delivery(models.TextChoices):
    IN_PERSON = "in_person", _("In person")
    ONLINE = "online", _("Online")
    BOTH = "both", _("In person and online")


class ProjectScope(models.TextChoices):
    PILOT = "pilot", _("Pilot")
    LOCAL = "local", _("Local")
    REGIONAL = "regional", _("Regional")
    NATIONAL = "national", _("National")
    INTERNATIONAL = "international", _("International")


class SocialPlatform(models.TextChoices):
    FACEBOOK = "facebook", "Facebook"
    INSTAGRAM = "instagram", "Instagram"
    LINKEDIN = "linkedin", "LinkedIn"
    X = "x", "X"
    YOUTUBE = "youtube", "YouTube"
    TIKTOK = "tiktok", "TikTok"
    OTHER = "other", _("Other")


# Languages an organisation can work in (codes Django knows, so names are translated for free).
SPOKEN_LANGUAGE_CODES = [
    "en", "it", "el", "ar", "fr", "es", "de", "pt", "ro", "sq", "uk", "ru", "tr", "ckb",
    "fa", "ur", "bn", "hi", "pa", "zh-hans", "sw",
]  # fmt: skip


def country_choices():
    """Countries to choose from, each once (its default-language page): "Country not set" is not
    a country. For the countries a facilitator looks after and those a call concerns."""
    return models.Q(locale__language_code=settings.LANGUAGE_CODE) & ~models.Q(code="")


class NetworkForm(models.TextChoices):
    """How a network's members are bound together."""

    INFORMAL = "informal", _("Informal network")
    CONSORTIUM = "consortium", _("Consortium based on an agreement")
    PROJECT_PARTNERSHIP = "project_partnership", _("Project partnership")
    FORMAL_ASSOCIATION = "formal_association", _("Formal association")
    FEDERATION = "federation", _("Federation")


class NetworkLevel(models.TextChoices):
    LOCAL = "local", _("Local")
    REGIONAL = "regional", _("Regional")
    NATIONAL = "national", _("National")
    INTERNATIONAL = "international", _("International")


class NetworkOrientation(models.TextChoices):
    """Territorial: a place's shared challenges; thematic: a topic its members share."""

    TERRITORIAL = "territorial", _("Territorial")
    THEMATIC = "thematic", _("Thematic")
    BOTH = "both", _("Territorial and thematic")


class NetworkActivityKind(models.TextChoices):
    """How a network's members exchange knowledge."""

    CONVERSATION = "conversation", _("Conversation or consultation")
    STUDY_VISIT = "study_visit", _("Study visit")
    PEER_REVIEW = "peer_review", _("Peer review")
    WORKING_GROUP = "working_group", _("Working group")
    TRAINING = "training", _("Training")
    SHARED_MATERIAL = "shared_material", _("Shared material")


class DecisionMaking(models.TextChoices):
    CONSENSUS = "consensus", _("By consensus of the members")
    PUBLIC_AUTHORITY = "public_authority", _("Through a coordinating public authority")
    LEGAL_ENTITY = "legal_entity", _("Through the bodies of a legal entity")
    OTHER = "other", _("Another way")
