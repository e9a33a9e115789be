from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language, get_language_info
from wagtail.models import Page, Site

register = template.Library()


def direction(code):
    return "rtl" if get_language_info(code)["bidi"] else "ltr"


@register.simple_tag(takes_context=True)
def language_links(context):
    """One link per portal language: to this page's translation if it has one, else that home."""
    request = context["request"]
    page = context.get("page")
    translations = {}
    if isinstance(page, Page) and page.pk:
        for translation in page.get_translations(inclusive=True).live().select_related("locale"):
            translations[translation.locale.language_code] = translation
    site = Site.find_for_request(request)
    homes = {}
    if site:
        for home in site.root_page.get_translations(inclusive=True).live().select_related("locale"):
            homes[home.locale.language_code] = home
    query = request.GET.urlencode()
    current = get_language()
    links = []
    for code, _name in settings.LANGUAGES:
        info = get_language_info(code)
        if isinstance(page, Page) and page.pk:
            target = translations.get(code) or homes.get(code)
            url = target.get_url(request) if target else f"/{code}/"
            translated = code in translations
        else:
            url = translate_url(request.path, code)
            translated = True
        if translated and query:
            url = f"{url}?{query}"
        links.append(
            {
                "code": code,
                "name": info["name_local"],
                "url": url,
                "current": code == current,
                "dir": direction(code),
                "translated": translated,
            }
        )
    return links


@register.simple_tag
def lang_attrs(page):
    """`lang` and `dir` for content shown in a language other than the page around it."""
    code = page.locale.language_code
    if code == get_language():
        return ""
    from django.utils.html import format_html

    return format_html(' lang="{}" dir="{}"', code, direction(code))


@register.simple_tag(takes_context=True)
def menu_pages(context):
    """The home page's children shown in menus, in the visitor's language."""
    request = context["request"]
    site = Site.find_for_request(request)
    if not site:
        return []
    home = site.root_page.localized
    return list(home.get_children().live().in_menu().select_related("locale"))


@register.simple_tag(takes_context=True)
def localized_home(context):
    request = context["request"]
    site = Site.find_for_request(request)
    return site.root_page.localized if site else None
