from django import template

from home import seo

register = template.Library()


@register.simple_tag(takes_context=True)
def seo_head(context):
    """Canonical URL, Open Graph and Twitter tags and JSON-LD for the page being rendered."""
    return seo.head_tags(context)
