"""Image uploads that are whole, readable and of a size the portal can render.

Wagtail checks an upload's extension, its first bytes, its file size and the pixel count its
header claims. A file with a PNG or JPEG header and damaged or missing data behind it passes
those checks and fails only later, when a thumbnail is made: an error page instead of a message.
So every upload (the image library, the chooser in the page editor, several at once) is also
decoded once in full; a file that cannot be is refused with a message saying so.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from PIL import Image as PILImage
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

UNREADABLE = _(
    "This image file is damaged or incomplete, so it cannot be shown. Open it on your computer, "
    "save it again as JPEG or PNG, and upload the new file."
)
VECTOR_FORMATS = {"svg"}


class CheckedImageField(WagtailImageField):
    def to_python(self, data):
        try:
            upload = super().to_python(data)
        except ValidationError:
            raise
        except Exception as error:  # noqa: BLE001 (any failure to read the header: unreadable)
            raise ValidationError(UNREADABLE, code="invalid_image") from error
        if upload is not None and upload.image.format_name not in VECTOR_FORMATS:
            decode(upload)
        return upload


def decode(upload):
    """Decode the whole image once (within the pixel limit already checked); ValidationError if
    its data is damaged or cut short."""
    upload.seek(0)
    try:
        with PILImage.open(upload) as image:
            image.load()
    except Exception as error:  # noqa: BLE001 (Pillow raises OSError, SyntaxError, ValueError…)
        raise ValidationError(UNREADABLE, code="invalid_image") from error
    finally:
        upload.seek(0)


class CheckedImageForm(BaseImageForm):
    """Wagtail's image form (WAGTAILIMAGES_IMAGE_FORM_BASE), its file field checked in full."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("file")
        if field is not None and not isinstance(field, CheckedImageField):
            checked = CheckedImageField(
                label=field.label,
                required=field.required,
                help_text=field.help_text,
                widget=field.widget,
            )
            self.fields["file"] = checked
