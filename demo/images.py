"""Logos and cover images for the demo organisations, drawn with Pillow.

Nothing is downloaded: every picture is drawn here, and the same slug always gives the same
picture (the drawing is seeded by it), so a second run of the seed finds nothing new to make.
"""

import hashlib
import random
from io import BytesIO
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont, ImageOps

LOGO_SIZE = (400, 400)
COVER_SIZE = (1600, 600)

# Deep, readable colours (white text sits on them) and light companions for the covers.
PALETTE = [
    ("#1d4e89", "#9cc3e6"),
    ("#7a1f3d", "#f0a6c0"),
    ("#1b6b4a", "#a8e0c2"),
    ("#8a4b08", "#f6c98b"),
    ("#4b2c83", "#c9b6f0"),
    ("#0f6b73", "#9fe0e6"),
    ("#a3301c", "#f7b39f"),
    ("#3d5a1e", "#cfe3a3"),
    ("#5c3b2e", "#e8c7b5"),
    ("#24426b", "#f3d27a"),
]

FONT_CANDIDATES = [
    "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf",
    "/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf",
]

STOP_WORDS = {
    "a", "al", "an", "and", "at", "d", "de", "degli", "dei", "del", "della", "delle", "di", "e",
    "el", "for", "il", "in", "l", "la", "le", "of", "per", "the", "to", "tis", "ton", "tou", "ya",
}  # fmt: skip


def rng_for(slug, purpose):
    digest = hashlib.sha256(f"{purpose}:{slug}".encode()).hexdigest()
    return random.Random(int(digest[:16], 16))


def font(size):
    for candidate in FONT_CANDIDATES:
        if Path(candidate).exists():
            return ImageFont.truetype(candidate, size)
    return ImageFont.load_default(size=size)


def latin_mark(name, slug):
    """The letters on a logo: an acronym in Latin letters, or the initials of the slug's words."""
    letters = "".join(ch for ch in (name or "") if ch.isascii() and ch.isalnum())
    if letters and 2 <= len(letters) <= 5:
        return letters.upper()
    words = [word for word in slug.split("-") if word and word not in STOP_WORDS]
    return "".join(word[0] for word in words[:3]).upper() or slug[:2].upper()


def _png(image):
    buffer = BytesIO()
    image.save(buffer, format="PNG", compress_level=6)
    return buffer.getvalue()


def _rgb(hex_colour):
    hex_colour = hex_colour.lstrip("#")
    return tuple(int(hex_colour[i : i + 2], 16) for i in (0, 2, 4))


def colours_for(slug):
    return PALETTE[rng_for(slug, "colour").randrange(len(PALETTE))]


def logo_png(slug, mark):
    """A 400x400 PNG: a coloured shape with the organisation's Latin initials or acronym."""
    rng = rng_for(slug, "logo")
    dark, light = colours_for(slug)
    scale = 2  # draw large, then shrink: smooth edges without a heavy anti-aliasing step
    width, height = LOGO_SIZE[0] * scale, LOGO_SIZE[1] * scale
    image = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(image)
    margin = 24 * scale
    box = (margin, margin, width - margin, height - margin)
    shape = rng.choice(["circle", "rounded", "hexagon", "diamond"])
    if shape == "circle":
        draw.ellipse(box, fill=dark)
    elif shape == "rounded":
        draw.rounded_rectangle(box, radius=70 * scale, fill=dark)
    else:
        sides = 6 if shape == "hexagon" else 4
        draw.regular_polygon(
            (width / 2, height / 2, width / 2 - margin), sides, rotation=rng.choice([0, 30, 45]),
            fill=dark,
        )  # fmt: skip
    # A light accent: an arc or a band, so that logos with the same colour still differ.
    accent = rng.choice(["arc", "band", "dot"] if shape == "circle" else ["band", "dot"])
    if accent == "arc":
        inset = margin + 40 * scale
        draw.arc((inset, inset, width - inset, height - inset), start=rng.randrange(0, 360),
                 end=rng.randrange(0, 360), fill=light, width=14 * scale)  # fmt: skip
    elif accent == "band":
        y = int(height * 0.68)
        draw.rectangle((width * 0.3, y, width * 0.7, y + 12 * scale), fill=light)
    else:
        r = 26 * scale
        cx, cy = width * 0.7, height * 0.3
        draw.ellipse((cx - r, cy - r, cx + r, cy + r), fill=light)
    size = {1: 200, 2: 170, 3: 130, 4: 105}.get(len(mark), 88) * scale
    text_font = font(size)
    draw.text((width / 2, height / 2), mark, font=text_font, fill="white", anchor="mm")
    return _png(image.resize(LOGO_SIZE, Image.Resampling.LANCZOS))


def cover_png(slug):
    """A 1600x600 PNG: a soft diagonal gradient with a few translucent shapes."""
    rng = rng_for(slug, "cover")
    dark, light = colours_for(slug)
    # A small gradient, rotated and enlarged: cheap to make, smooth once stretched.
    gradient = Image.linear_gradient("L").rotate(rng.choice([-35, -20, 20, 35]))
    gradient = gradient.crop((80, 80, 176, 176)).resize(COVER_SIZE, Image.Resampling.BICUBIC)
    base = ImageOps.colorize(gradient, black=_rgb(dark), white=_rgb(light)).convert("RGBA")
    overlay = Image.new("RGBA", base.size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(overlay)
    w, h = base.size
    for _ in range(rng.randint(4, 7)):
        r = rng.randint(h // 6, h // 2)
        cx, cy = rng.randint(0, w), rng.randint(0, h)
        colour = (*_rgb(rng.choice([dark, light, "#ffffff"])), rng.randint(40, 90))
        if rng.random() < 0.6:
            draw.ellipse((cx - r, cy - r, cx + r, cy + r), fill=colour)
        else:
            draw.regular_polygon((cx, cy, r), rng.choice([3, 4, 6]),
                                 rotation=rng.randrange(0, 90), fill=colour)  # fmt: skip
    image = Image.alpha_composite(base, overlay).convert("RGB")
    return _png(image)
