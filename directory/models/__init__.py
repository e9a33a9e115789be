from .account import OrganisationAccount
from .choices import (
    DecisionMaking,
    Delivery,
    NetworkActivityKind,
    NetworkForm,
    NetworkLevel,
    NetworkOrientation,
    OrganisationKind,
    ProjectScope,
    ServiceKind,
    SocialPlatform,
)
from .country import CountryPage, DirectoryIndexPage
from .enquiry import Enquiry, EnquiryReply
from .good_practices import GoodPracticesIndexPage
from .listing_row import (
    ListingCommonRankWords,
    ListingCommonWord,
    ListingRankWords,
    ListingRow,
    ListingStale,
    ListingTally,
    ListingTerm,
    ListingWords,
)
from .network import NetworkActivity
from .organisation import OrganisationPage, OrganisationSocialLink
from .portfolio import PortfolioProjectPage
from .service import ServicePage
from .services_index import ServicesIndexPage, service_cards
from .standing import OrganisationStanding
from .taxonomy import (
    CategoryIcon,
    ExpertiseCategory,
    NetworkPurpose,
    Place,
    PlaceKind,
    PlaceNames,
    TargetGroup,
)
from .workflow import CountryFacilitatorsApprovalTask

__all__ = [
    "CountryFacilitatorsApprovalTask",
    "CountryPage",
    "DecisionMaking",
    "Delivery",
    "DirectoryIndexPage",
    "Enquiry",
    "EnquiryReply",
    "CategoryIcon",
    "ExpertiseCategory",
    "GoodPracticesIndexPage",
    "ListingCommonWord",
    "ListingCommonRankWords",
    "ListingRankWords",
    "ListingRow",
    "ListingStale",
    "ListingTally",
    "ListingTerm",
    "ListingWords",
    "NetworkActivity",
    "NetworkActivityKind",
    "NetworkForm",
    "NetworkLevel",
    "NetworkOrientation",
    "NetworkPurpose",
    "OrganisationAccount",
    "OrganisationKind",
    "OrganisationPage",
    "OrganisationSocialLink",
    "OrganisationStanding",
    "Place",
    "PlaceKind",
    "PlaceNames",
    "PortfolioProjectPage",
    "ProjectScope",
    "ServiceKind",
    "ServicePage",
    "ServicesIndexPage",
    "SocialPlatform",
    "TargetGroup",
    "service_cards",
]
