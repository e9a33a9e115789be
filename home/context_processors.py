from django.utils.translation import get_language, get_language_info


def portal(request):
    """The active language's direction, for `dir` on <html>."""
    info = get_language_info(get_language() or "en")
    return {"text_direction": "rtl" if info["bidi"] else "ltr"}
