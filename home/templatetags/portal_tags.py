from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, get_language_info, gettext
from wagtail.models import Page

from directory.addresses import Addresses, trail
from directory.addresses import visitor_url as addresses_visitor_url
from directory.models import ServicesIndexPage
from directory.models.services_index import services_search_url

register = template.Library()


def direction(code):
    return "rtl" if get_language_info(code)["bidi"] else "ltr"


@register.simple_tag(takes_context=True)
def language_links(context):
    """One link per portal language to the same content: its translation in that language if it
    has one, else the page itself at that language's address (`directory.addresses`)."""
    request = context["request"]
    page = context.get("page")
    is_page = isinstance(page, Page) and bool(page.pk)
    codes = [code for code, _name in settings.LANGUAGES]
    found = Addresses([page] if is_page else [], codes, request)
    query = request.GET.urlencode()
    current = get_language()
    links = []
    for code in codes:
        info = get_language_info(code)
        url = found.url(page, code) if is_page else translate_url(request.path, code)
        if url is None:
            url = f"/{code}/"
        elif query:
            url = f"{url}?{query}"
        links.append(
            {
                "code": code,
                "name": info["name_local"],
                "url": url,
                "current": code == current,
                "dir": direction(code),
                "translated": bool(found.translation(page, code)) if is_page else True,
            }
        )
    return links


@register.simple_tag(takes_context=True)
def breadcrumb_trail(context, page):
    """The pages above `page` a visitor can go back to, in their language where translated: not
    the tree's root, nor the page that holds the organisations whose country is not set
    (`CountryPage.is_public`)."""
    return trail(page, context.get("request"))


@register.simple_tag(takes_context=True)
def visitor_url(context, page):
    """The address of `page` in the visitor's language (`directory.addresses`)."""
    return addresses_visitor_url(page, context.get("request"))


@register.simple_tag
def lang_attrs(page):
    """`lang` and `dir` for content shown in a language other than the page around it."""
    code = page.locale.language_code
    if code == get_language():
        return ""
    return format_html(' lang="{}" dir="{}"', code, direction(code))


def leads_to_search(item):
    return item.specific_class is ServicesIndexPage


@register.simple_tag(takes_context=True)
def menu_url(context, item):
    """A menu item's address; the services index's is the search it leads to, without the hop."""
    if leads_to_search(item):
        return services_search_url(item.locale.language_code)
    return item.get_url(context.get("request"))


@register.simple_tag(takes_context=True)
def current_attr(context, page, item):
    """aria-current for a menu item: "page" on the item itself, "true" inside its section; the
    services index's item on the search, where it leads."""
    match = getattr(context.get("request"), "resolver_match", None)
    if match and match.url_name == "search":
        return mark_safe(' aria-current="page"') if leads_to_search(item) else ""  # noqa: S308
    path = getattr(page, "path", "")
    if getattr(page, "pk", None) == item.pk:
        return mark_safe(' aria-current="page"')  # noqa: S308
    if path.startswith(item.path):
        return mark_safe(' aria-current="true"')  # noqa: S308
    return ""


@register.simple_tag
def written_in(page):
    """A note for content not in the visitor's language: "Written in Italiano" (own name)."""
    code = page.locale.language_code
    if code == get_language():
        return ""
    return format_html(
        '<span class="badge badge--language"><span class="visually-hidden">{}</span> '
        '<span lang="{}" dir="{}">{}</span></span>',
        gettext("Written in"),
        code,
        direction(code),
        get_language_info(code)["name_local"],
    )
