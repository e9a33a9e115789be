from core.factories import fixed_page_factory

from .models import NetworkIndexPage

NetworkIndexPageFactory = fixed_page_factory(NetworkIndexPage, "Networks", "networks")
