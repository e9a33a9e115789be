"""Demo content of the news, built by demo.builder.DemoBuilder.

- The news index (/<lang>/news/) in every language, in the menus.
- The portal's own news, written by central staff under the news index in English and translated
  into Italian, Greek and Arabic.
- News of each country, written by its facilitators under the country in its national language
  (Italian, Greek, Arabic) and translated into English.
- One proposal of an organisation (Cooperativa Il Ponte), written under its page and submitted
  to its country's facilitators: waiting for their approval, so not public yet.

The content is demo/content/news.json: "index" (title and introduction per language) and "news",
each with where it is written ("index", "country" with its "country" code, or "organisation" with
its "organisation" slug), its "language", how many days ago it is dated, its vocabulary slugs
("categories", "targets"), the slugs of the organisations it is about ("related"), whether it
has an image ("image": the figure's text alternative and caption are in each language's text),
whether it waits for approval ("pending"), and its texts by language (slug, title, summary,
body blocks as in the standard pages, the first language's being the source).

Everything is looked up before it is made, so building again adds nothing.
"""

import datetime
import json
import uuid
from pathlib import Path

from django.contrib.auth import get_user_model
from wagtail.blocks import StreamValue

from directory.models import ExpertiseCategory, OrganisationAccount, OrganisationPage, TargetGroup
from news.models import NewsIndexPage, NewsPage

from .images import COVER_SIZE, cover_png

NEWS_FILE = Path(__file__).parent / "content" / "news.json"


def _read():
    with open(NEWS_FILE, encoding="utf-8") as file:
        return json.load(file)


def build_news(builder):
    """The news index and the news; called by DemoBuilder.build() once the countries, the
    organisations and their accounts exist."""
    from .builder import DemoError

    data = _read()
    index = builder._build_index(NewsIndexPage, "news", data["index"])
    for spec in data["news"]:
        parent = _parent(builder, index, spec)
        if parent is None:
            raise DemoError(f"The demo news {spec['key']!r} has nowhere to go.")
        _news(builder, parent, spec)


def _parent(builder, index, spec):
    language = builder.locales[spec["language"]]
    if spec["where"] == "index":
        return index.get_translation_or_none(language)
    if spec["where"] == "country":
        return builder.countries[spec["country"]].get_translation_or_none(language)
    return (
        OrganisationPage.objects.filter(slug=spec["organisation"], locale=language)
        .order_by("pk")
        .first()
    )


def _body(builder, spec, text):
    from .builder import stream_body

    body = stream_body(text["body"])
    if spec.get("image"):
        image = builder._image(
            f"News – {spec['key']}", f"news-{spec['key']}.png", COVER_SIZE,
            lambda: cover_png(spec["key"]),
        )  # fmt: skip
        figure = {"image": image, "alt": text["image"]["alt"], "caption": text["image"]["caption"]}
        body.insert(1, ("image", figure))
    # Ids of their own, so that wagtail-localize can place the figure's texts (it paths a
    # block's segments by its id) when the translations are matched with the source's.
    stream = NewsPage.body.field.stream_block
    return StreamValue(stream, [(kind, value, str(uuid.uuid4())) for kind, value in body])


def _fields(builder, spec, text):
    return {
        "title": text["title"],
        "summary": text["summary"],
        "body": _body(builder, spec, text),
    }


def _news(builder, parent, spec):
    language = spec["language"]
    text = spec["text"][language]
    news = builder._child(parent, NewsPage, text["slug"])
    if news is None:
        news = NewsPage(
            slug=text["slug"],
            locale=builder.locales[language],
            date=builder.today - datetime.timedelta(days=spec["days_ago"]),
            **_fields(builder, spec, text),
        )
        news.categories = [
            builder._term(ExpertiseCategory, slug, language) for slug in spec["categories"]
        ]
        news.target_groups = [
            builder._term(TargetGroup, slug, language) for slug in spec["targets"]
        ]
        for slug in spec["related"]:
            related = _organisation(slug)
            if related is not None:
                news.related_pages.add(news.related_pages.model(page=related))
        if spec.get("pending"):
            return _propose(builder, parent, news)
        builder._add_page(parent, news)
        builder.created["news"] += 1
    elif spec.get("pending"):
        return news
    for other, other_text in spec["text"].items():
        if other != language:
            builder._translate(
                news,
                other,
                {**_fields(builder, spec, other_text), "slug": other_text["slug"]},
                relink=True,
            )
    return news


def _organisation(slug):
    """The organisation's page in the language it was first written in."""
    return OrganisationPage.objects.filter(slug=slug).order_by("pk").first()


def _propose(builder, organisation_page, news):
    """The organisation's news as a draft, submitted to its country's facilitators."""
    news.live = False
    organisation_page.add_child(instance=news)
    news.save_revision(clean=False)
    workflow = news.get_workflow()
    if workflow is not None:
        workflow.start(news, _member(organisation_page))
    builder.created["news proposals waiting for approval"] += 1
    return builder._made(news)


def _member(organisation_page):
    """A member of the organisation's group, if it has one yet (None: the portal submits)."""
    account = OrganisationAccount.objects.filter(
        translation_key=organisation_page.translation_key
    ).first()
    if account is None:
        return None
    return get_user_model().objects.filter(groups=account.group).order_by("pk").first()


__all__ = ["build_news"]
