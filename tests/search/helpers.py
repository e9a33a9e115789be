import html
import re

CARD = re.compile(
    r'<article class="card (service|organisation)-card">.*?<h3 class="card__title"[^>]*>'
    r'<a href="([^"]+)">([^<]*)</a>',
    re.S,
)


def titles(response):
    """The titles of the result cards, in order."""
    return [html.unescape(title) for _kind, _url, title in CARD.findall(response.content.decode())]


def result_count(response):
    match = re.search(r'id="results-heading"[^>]*>\s*(\d+)', response.content.decode())
    return int(match.group(1))


def search(client, language="en", **params):
    response = client.get(f"/{language}/search/", params)
    assert response.status_code == 200, response.status_code
    return response
