"""What the apps' test factories share (factory_boy, wagtail-factories: development only)."""

import factory
import wagtail_factories


def fixed_page_factory(model, title, slug):
    """A factory of a page a site has once, under a known title and address (the home page, the
    directory's index ...); `parent=` places it, as for every page factory."""
    return factory.make_factory(
        model, FACTORY_CLASS=wagtail_factories.PageFactory, title=title, slug=slug
    )
