"""The security headers of every response: Content-Security-Policy and Permissions-Policy.

Public pages carry no inline script or style (everything is in static/), so their policy is
enforced: a script or style injected into a page is not run. The Wagtail admin needs inline
script and style, so there the same policy is only reported (in the browser's console), never
enforced. Referrer-Policy, X-Content-Type-Options and HSTS are Django's SecurityMiddleware's
(settings: "Headers").
"""

from csp.middleware import CSPMiddleware
from django.conf import settings


def is_admin(request):
    """An admin screen, or a preview the admin shows in its frame (Wagtail renders a preview
    through a request of its own, at the public address of the page or snippet)."""
    if getattr(request, "is_preview", False):
        return True
    return request.path_info.startswith(settings.PORTAL_ADMIN_PATH_PREFIXES)


class SecurityHeadersMiddleware(CSPMiddleware):
    """django-csp's middleware, sending the enforced policy outside the admin and the
    report-only one inside it; and PERMISSIONS_POLICY on every response."""

    def process_response(self, request, response):
        admin = is_admin(request)
        response._csp_exempt = getattr(response, "_csp_exempt", False) or admin
        response._csp_exempt_ro = getattr(response, "_csp_exempt_ro", False) or not admin
        response = super().process_response(request, response)
        if settings.PERMISSIONS_POLICY and "Permissions-Policy" not in response:
            response["Permissions-Policy"] = settings.PERMISSIONS_POLICY
        return response
