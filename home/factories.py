from core.factories import fixed_page_factory
from home.models import HomePage, StandardPage

HomePageFactory = fixed_page_factory(HomePage, "MoreThanAJob", "home")


StandardPageFactory = fixed_page_factory(StandardPage, "About", "about")
