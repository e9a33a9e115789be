"""Share cards: the 1200×630 picture an organisation's page shows when it is shared.

The card is drawn here, on the portal's own server, from the organisation's cover image (or its
logo, when it has no cover) with its name written on it. It is a Wagtail rendition of that image,
made by the `sharecard` image operation registered in `home/wagtail_hooks.py`, so it is drawn once
and then served from the renditions table and storage like any other rendition:

- a new cover or logo is another image, whose card is drawn anew;
- a new file for the same image drops its renditions (Wagtail does that), so the card too;
- a new name changes the filter spec, which carries a digest of the name (and of `DESIGN`).

Each language version of an organisation is a page of its own, with its own name: the spec
names the page (`sharecard-cover-<page id>-<digest>`), and the operation reads the name from it.
"""

import hashlib
import logging
import re
from functools import lru_cache
from pathlib import Path

from PIL import Image as PILImage
from PIL import ImageDraw, ImageFont, features
from wagtail.images.image_operations import FilterOperation
from willow.plugins.pillow import PillowImage

logger = logging.getLogger(__name__)

SIZE = (1200, 630)
# What pages without a card of their own share: the portal's image, at the same size.
SHARE_IMAGE = "img/share-default.png"
MARGIN = 64
BRAND = (11, 94, 85)  # --brand in static/css/portal.css
BRAND_DARK = (7, 72, 64)
WHITE = (255, 255, 255)
SITE_NAME = "MoreThanAJob"
FONTS = Path(__file__).resolve().parent / "fonts"
LATIN_FONT = FONTS / "NotoSans-Bold.ttf"
ARABIC_FONT = FONTS / "NotoSansArabic-Bold.ttf"
# Has Latin, Greek and Arabic letters and common punctuation in one font: for the names that mix
# scripts (an Arabic name with a Latin acronym or a dash), which the other two cannot draw alone.
WIDE_FONT = FONTS / "DejaVuSans-Bold.ttf"
NAME_SIZES = (76, 68, 60, 54, 48, 42)
MAX_LINES = 3
LABEL_SIZE = 30
LOGO_BOX = 360
ARABIC = re.compile(r"[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]")
MODES = ("cover", "logo")


#: Part of every card's spec: change it when the drawing changes, so that every card is redrawn.
DESIGN = "2"


def name_digest(name):
    return hashlib.sha256(f"{DESIGN}:{name}".encode()).hexdigest()[:10]


def filter_spec(page):
    """The rendition spec of `page`'s share card, or None when it has neither cover nor logo."""
    if page.cover_image_id:
        return f"fill-1200x630|sharecard-cover-{page.pk}-{name_digest(page.title)}|format-jpeg"
    if page.logo_id:
        return f"sharecard-logo-{page.pk}-{name_digest(page.title)}|format-png"
    return None


def share_card(page):
    """`page`'s share card rendition (drawn the first time it is asked for), or None: also when
    the picture's file cannot be read, so that the page is still shared, with the portal's image."""
    spec = filter_spec(page)
    if spec is None:
        return None
    image = page.cover_image if page.cover_image_id else page.logo
    try:
        return image.get_rendition(spec)
    except OSError:  # Wagtail's SourceImageIOError among them
        logger.exception("Could not draw the share card of page %s", page.pk)
        return None


# Drawing ----------------------------------------------------------------------------------------


def is_rtl(text):
    return bool(ARABIC.search(text or ""))


@lru_cache(maxsize=32)
def _font(path, size):
    layout = ImageFont.Layout.RAQM if features.check("raqm") else ImageFont.Layout.BASIC
    return ImageFont.truetype(str(path), size, layout_engine=layout)


@lru_cache(maxsize=8)
def _missing_glyph(path):
    """What the font draws for a character it does not have."""
    return bytes(_font(path, 40).getmask("\uffff"))


@lru_cache(maxsize=256)
def covers(path, text):
    """Whether the font at `path` has a glyph for every visible character of `text`."""
    font = _font(path, 40)
    missing = _missing_glyph(path)
    return all(bytes(font.getmask(char)) != missing for char in set(text) if not char.isspace())


def font_for(text, size):
    """The script's own font when it can draw the whole text, else the wider one."""
    path = ARABIC_FONT if is_rtl(text) else LATIN_FONT
    if not covers(path, text):
        path = WIDE_FONT
    return _font(path, size)


def _text_options(text):
    if is_rtl(text) and features.check("raqm"):
        return {"direction": "rtl", "language": "ar"}
    return {}


def text_width(draw, text, font):
    left, _top, right, _bottom = draw.textbbox((0, 0), text, font=font, **_text_options(text))
    return right - left


def wrap(draw, text, width):
    """`text` in at most MAX_LINES lines of at most `width` pixels: (font, lines).

    The largest size that fits is chosen; a name too long even at the smallest size is cut with an
    ellipsis on its last line.
    """
    words = text.split()
    for size in NAME_SIZES:
        font = font_for(text, size)
        lines = _lines(draw, words, font, width)
        if len(lines) <= MAX_LINES:
            return font, lines
    lines = lines[: MAX_LINES - 1] + [" ".join(lines[MAX_LINES - 1 :])]
    last = lines[-1]
    while last and text_width(draw, last + "…", font) > width:
        last = last[:-1]
    lines[-1] = last.rstrip() + "…"
    return font, lines


def _lines(draw, words, font, width):
    lines, current = [], ""
    for word in words:
        candidate = f"{current} {word}".strip()
        if current and text_width(draw, candidate, font) > width:
            lines.append(current)
            current = word
        else:
            current = candidate
    if current:
        lines.append(current)
    return lines


def draw_block(draw, name, box, fill=WHITE):
    """The site's name, then the organisation's name, at the bottom of `box` (left, top, right,
    bottom), aligned to the start of the name's own writing direction."""
    left, top, right, bottom = box
    font, lines = wrap(draw, name, right - left)
    line_height = round(font.size * 1.25)
    label_font = _font(LATIN_FONT, LABEL_SIZE)
    y = bottom - line_height * len(lines)
    rtl = is_rtl(name)
    for line in lines:
        width = text_width(draw, line, font)
        x = right - width if rtl else left
        draw.text((x, y), line, font=font, fill=fill, **_text_options(line))
        y += line_height
    label_y = bottom - line_height * len(lines) - LABEL_SIZE - 24
    label_x = right - text_width(draw, SITE_NAME, label_font) if rtl else left
    draw.text((label_x, label_y), SITE_NAME, font=label_font, fill=fill)


def cover_card(picture, name):
    """The cover, filled to 1200×630, darkened at the bottom under the name."""
    card = picture.convert("RGB")
    if card.size != SIZE:
        card = card.resize(SIZE, PILImage.Resampling.LANCZOS)
    shade = PILImage.new("L", SIZE, 0)
    shade_draw = ImageDraw.Draw(shade)
    start, full = 40, 260  # fully shaded from `full` down, where the name is written
    for y in range(start, SIZE[1]):
        shade_draw.line(
            [(0, y), (SIZE[0], y)], fill=round(225 * min(1, (y - start) / (full - start)))
        )
    card = PILImage.composite(PILImage.new("RGB", SIZE, (0, 0, 0)), card, shade)
    draw = ImageDraw.Draw(card)
    draw_block(draw, name, (MARGIN, MARGIN, SIZE[0] - MARGIN, SIZE[1] - MARGIN))
    draw.rectangle([(0, SIZE[1] - 12), (SIZE[0], SIZE[1])], fill=BRAND)
    return card


def logo_card(picture, name):
    """The brand's colour, the logo on a white square, and the name beside it."""
    card = PILImage.new("RGB", SIZE, BRAND)
    draw = ImageDraw.Draw(card)
    draw.rectangle([(0, SIZE[1] - 12), (SIZE[0], SIZE[1])], fill=BRAND_DARK)
    rtl = is_rtl(name)
    box_top = (SIZE[1] - LOGO_BOX) // 2
    box_left = SIZE[0] - MARGIN - LOGO_BOX if rtl else MARGIN
    draw.rounded_rectangle(
        [(box_left, box_top), (box_left + LOGO_BOX, box_top + LOGO_BOX)], radius=24, fill=WHITE
    )
    logo = picture.convert("RGBA")
    inner = LOGO_BOX - 60
    logo.thumbnail((inner, inner), PILImage.Resampling.LANCZOS)
    if max(logo.size) < inner:  # small logos are enlarged to fill their square
        scale = inner / max(logo.size)
        logo = logo.resize(
            (max(1, round(logo.width * scale)), max(1, round(logo.height * scale))),
            PILImage.Resampling.LANCZOS,
        )
    card.paste(
        logo,
        (box_left + (LOGO_BOX - logo.width) // 2, box_top + (LOGO_BOX - logo.height) // 2),
        logo,
    )
    if rtl:
        text_box = (MARGIN, box_top, box_left - 48, box_top + LOGO_BOX)
    else:
        text_box = (box_left + LOGO_BOX + 48, box_top, SIZE[0] - MARGIN, box_top + LOGO_BOX)
    draw_block(draw, name, text_box)
    return card


class ShareCardOperation(FilterOperation):
    """`sharecard-<cover|logo>-<page id>-<name digest>`: the share card of that page."""

    def construct(self, mode, page_id, digest):
        if mode not in MODES:
            raise ValueError(f"sharecard mode must be one of {', '.join(MODES)}")
        self.mode = mode
        self.page_id = int(page_id)
        self.digest = digest

    def run(self, willow, image, env):
        from wagtail.models import Page

        page = Page.objects.filter(pk=self.page_id).only("title").first()
        name = page.title if page is not None else ""
        picture = willow.image if hasattr(willow, "image") else willow.to_pillow().image
        draw = cover_card if self.mode == "cover" else logo_card
        return PillowImage(draw(picture, name))
