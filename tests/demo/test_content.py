"""The demo's content files: read once, and every shared text written in every language."""

from demo import content


def test_the_content_files_are_read_once():
    assert content.load() is content.load()
    assert content.ORGANISATIONS is content.load()["ORGANISATIONS"]


def test_every_shared_text_is_in_every_language():
    languages = set(content.LANGUAGES)
    assert languages == {"en", "it", "el", "ar"}
    shared = [
        content.HOME,
        content.DIRECTORY_INDEX,
        content.SERVICES_INDEX,
        content.GOOD_PRACTICES_INDEX,
        content.COLLABORATION_INDEX,
        content.NETWORKS_INDEX,
        content.COUNTRY_INTRO,
        content.CONTACT_NOTES,
        *(entry["text"] for entry in content.STANDARD_PAGES),
        *(entry["title"] for entry in content.COUNTRIES),
        *(entry[field] for entry in content.CATEGORIES for field in ("name", "description")),
        *(entry[field] for entry in content.TARGET_GROUPS for field in ("name", "description")),
        *content.ACTIVITIES.values(),
        *(family["text"] for family in content.SERVICE_FAMILIES.values()),
        *content.PROJECT_FAMILIES.values(),
        *(call["text"] for call in content.CALLS),
        *(entry["name"] for entry in content.PLACES),
    ]
    for texts in shared:
        assert set(texts) == languages, texts


def test_every_organisation_has_its_text_in_its_own_language():
    for organisation in content.ORGANISATIONS:
        assert organisation["language"] in content.LANGUAGES
        assert organisation["text"]["title"]
        assert organisation["country"] in {entry["code"] for entry in content.COUNTRIES}


def test_every_organisation_with_a_country_has_a_place_of_that_country():
    places = {entry["slug"]: entry["country"] for entry in content.PLACES}
    countries = {entry["code"] for entry in content.COUNTRIES if entry["code"]}
    assert set(places.values()) == countries
    for organisation in content.ORGANISATIONS:
        if organisation["country"]:
            assert places[organisation["place"]] == organisation["country"], organisation["slug"]
        else:
            assert "place" not in organisation
