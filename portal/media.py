"""Uploaded media (images, their renditions, share cards) served by the portal itself.

With MEDIA_STORAGE=local nothing else serves MEDIA_ROOT, so logos, covers and share cards would
be 404s. Files are streamed with a long cache life (a file's name changes when it does) and as
what they are (nosniff). Documents are not served here: Wagtail's document view serves them and
checks their collection's privacy. With S3 storage the files' addresses are the bucket's.
"""

from django.core.exceptions import SuspiciousFileOperation
from django.core.files.storage import FileSystemStorage, default_storage
from django.http import Http404
from django.views.static import serve

CACHE_CONTROL = "public, max-age=2592000"  # 30 days
PRIVATE_PREFIXES = ("documents/",)


def serve_media(request, path):
    if not isinstance(default_storage, FileSystemStorage) or path.startswith(PRIVATE_PREFIXES):
        raise Http404
    try:
        response = serve(request, path, document_root=default_storage.location)
    except SuspiciousFileOperation as outside:  # ../ out of the media folder
        raise Http404 from outside
    response["Cache-Control"] = CACHE_CONTROL
    response["X-Content-Type-Options"] = "nosniff"
    return response
