"""What the featured organisations add to the directory's pages."""

from django import template

from featured.featuring import current_feature

register = template.Library()


@register.inclusion_tag("featured/includes/featured_note.html")
def featured_note(organisation):
    """'Featured organisation', and until when, on the page of an organisation featured today."""
    return {"feature": current_feature(organisation)}
