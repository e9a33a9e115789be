"""Addresses of the admin that the portal writes into emails and sends people back to."""

from wagtail.admin.utils import get_admin_base_url


def absolute_admin_url(path):
    """`path` (a path of this site, "/admin/...") as an absolute address, for emails.

    Wagtail's base URL may end with a slash; the portal's links never have two.
    """
    return get_admin_base_url().rstrip("/") + path


def absolute_url(url):
    """A page's address as an absolute one, for emails: a site-relative one gets the base URL,
    an absolute one (another site's) stays as it is."""
    if url and url.startswith("/"):
        return absolute_admin_url(url)
    return url
