"""What the networks add to the apps below them: their figures to the facilitators' panel and
report (`directory.figures`), memberships to the open data's organisation records
(`directory.record_properties`)."""

from wagtail import hooks

from directory.figures import HOOK as FIGURES
from directory.record_properties import HOOK as RECORD_PROPERTIES

from .figures import NetworkFigures
from .open_data import MembershipProperties

hooks.register(FIGURES, NetworkFigures)
hooks.register(RECORD_PROPERTIES, MembershipProperties)
