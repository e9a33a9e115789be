from .choices import Delivery, OrganisationKind, ProjectScope, ServiceKind, SocialPlatform
from .country import CountryPage, DirectoryIndexPage
from .organisation import OrganisationPage, OrganisationSocialLink
from .portfolio import PortfolioProjectPage
from .service import ServicePage
from .services_index import ServicesIndexPage, listed_services, service_cards
from .taxonomy import ExpertiseCategory, TargetGroup

__all__ = [
    "CountryPage",
    "Delivery",
    "DirectoryIndexPage",
    "ExpertiseCategory",
    "OrganisationKind",
    "OrganisationPage",
    "OrganisationSocialLink",
    "PortfolioProjectPage",
    "ProjectScope",
    "ServiceKind",
    "ServicePage",
    "ServicesIndexPage",
    "SocialPlatform",
    "TargetGroup",
    "listed_services",
    "service_cards",
]
