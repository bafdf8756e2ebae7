"""The library's search (resources/library.py) through the page visitors use."""

import datetime

import pytest
from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext
from wagtail.models import Collection, CollectionViewRestriction, Locale, PageViewRestriction

from conftest import built_once, reloaded
from resources.factories import (
    DocumentFactory,
    ResourceFileFactory,
    ResourceIdentifierFactory,
    ResourcePageFactory,
)
from resources.library import FILTER_PARAMS, LibrarySearch, search_library
from tests.resources.conftest import grow_library, make_publication, translate_publication

pytestmark = pytest.mark.django_db


def build_catalogue(library_tree):
    en = library_tree["en"]
    t = library_tree["taxonomy"]
    library, programme = en["library"], en["programme"]
    pubs = {
        "manual-th": make_publication(
            library,
            title="Community manual",
            resource_type=t["manual"],
            files=("th",),
            topics=[t["criminalisation"]],
            regions=[t["africa"]],
            countries=["TH"],
            publication_date=datetime.date(2013, 1, 1),
        ),
        "manual-multi": make_publication(
            library,
            title="Protection manual",
            resource_type=t["manual"],
            files=("en", "fr", "es", "sw"),
            topics=[t["criminalisation"], t["public-policies"]],
            countries=["KE", "TH"],
            programmes=[programme],
            publication_date=datetime.date(2009, 6, 1),
        ),
        "report-2013": make_publication(
            library,
            title="Focus 2013",
            resource_type=t["report"],
            files=("en", "es"),
            topics=[t["public-policies"]],
            programmes=[programme],
            publication_date=datetime.date(2013, 3, 1),
        ),
        "report-2017": make_publication(
            library,
            title="Focus 2017",
            resource_type=t["report"],
            files=("en", "es"),
            topics=[t["public-policies"]],
            regions=[t["africa"]],
            publication_date=datetime.date(2017, 10, 10),
        ),
        "report-2022": make_publication(
            library,
            title="Worldwide growth",
            resource_type=t["report"],
            files=("es",),
            countries=["CO"],
            publication_date=datetime.date(2022, 1, 1),
        ),
    }
    return {"tree": library_tree, "library": library, **pubs}


@pytest.fixture(scope="module")
def shared_catalogue(shared_library_tree, django_db_blocker):
    with built_once(django_db_blocker):
        yield build_catalogue(shared_library_tree)


@pytest.fixture
def catalogue(library_tree, shared_catalogue):
    """Five publications across two types, two topics, a region, countries and file languages.

    Built once per module; what a test adds to it (a translation, a private file) is
    rolled back after the test, and each test gets fresh copies of the pages.
    """
    return reloaded(shared_catalogue)


def search(catalogue, query="", locale="en"):
    return search_library(QueryDict(query), catalogue["library"], Locale.objects.get(language_code=locale))


def titles(result):
    return sorted(item.source.title for item in result.items)


def counts(result, param):
    facet = next(f for f in result.facets if f.name == param)
    return {option.value: option.count for option in facet.options}


def test_facet_counts_cover_every_publication(catalogue):
    result = search(catalogue)
    assert result.total == 5
    assert counts(result, "type") == {"manual": 2, "report": 3}
    assert counts(result, "topic") == {"criminalisation": 2, "public-policies": 3}
    assert counts(result, "region") == {"africa": 2}
    assert counts(result, "country") == {"TH": 2, "KE": 1, "CO": 1}
    assert counts(result, "language") == {"en": 3, "es": 4, "fr": 1, "sw": 1, "th": 1}
    assert counts(result, "year") == {"2009": 1, "2013": 2, "2017": 1, "2022": 1}
    assert counts(result, "programme") == {"legal-advocacy": 2}


def test_each_facet_counts_given_the_other_filters_and_agrees_with_the_results(catalogue):
    result = search(catalogue, "type=report&year=2013")
    assert titles(result) == ["Focus 2013"]
    # A facet's own selection does not narrow its counts; the other filters do.
    assert counts(result, "type") == {"manual": 1, "report": 1}
    assert counts(result, "year") == {"2013": 1, "2017": 1, "2022": 1}
    assert counts(result, "language") == {"en": 1, "es": 1}
    for facet in result.facets:
        for option in facet.options:
            if option.value not in result.filters[facet.name]:
                narrowed = search(catalogue, f"type=report&year=2013&{facet.name}={option.value}")
                if facet.name in ("type", "year"):
                    continue  # OR within a facet: adding a value widens
                assert narrowed.total == option.count, (facet.name, option.value)


def test_every_facet_is_counted_in_one_query_whatever_the_number_of_publications(catalogue, library_tree):
    def count_facets():
        library = catalogue["library"]
        search = LibrarySearch(QueryDict("type=report&language=en"), library, library.locale)
        subsets = {name: search.filtered(exclude=name) for name in FILTER_PARAMS}
        with CaptureQueriesContext(connection) as queries:
            counts = search.facets.counts(subsets)
        return len(queries), counts

    queries, before = count_facets()
    assert queries == 1
    assert before["type"] == {"manual": 1, "report": 2} and before["language"] == {"en": 2, "es": 3}
    t = library_tree["taxonomy"]
    grow_library(catalogue["library"], t, library_tree["en"]["programme"], 5)
    queries, after = count_facets()
    assert queries == 1
    assert after["type"] == {"manual": before["type"]["manual"] + 3, "report": before["type"]["report"] + 2}


def test_combined_filters_and_or_within_a_facet(catalogue):
    assert titles(search(catalogue, "type=manual&topic=public-policies")) == ["Protection manual"]
    assert titles(search(catalogue, "country=th&language=th")) == ["Community manual"]
    assert titles(search(catalogue, "year=2013&year=2022")) == [
        "Community manual",
        "Focus 2013",
        "Worldwide growth",
    ]
    assert titles(search(catalogue, "programme=legal-advocacy&region=africa")) == []
    assert titles(search(catalogue, "q=focus&type=report")) == ["Focus 2013", "Focus 2017"]


def test_free_text_matches_identifiers_and_translated_titles(catalogue):
    ResourceIdentifierFactory(page=catalogue["report-2017"], scheme="un-symbol", value="A/RES/53/144")
    assert titles(search(catalogue, "q=53/144")) == ["Focus 2017"]
    translate_publication(catalogue["report-2022"], "fr", "Essor mondial des politiques", "Résumé")
    assert titles(search(catalogue, "q=essor", locale="fr")) == ["Worldwide growth"]
    assert search(catalogue, "q=essor", locale="fr").items[0].page.title == "Essor mondial des politiques"


def test_sorting(catalogue):
    def order(query):
        return [item.source.title for item in search(catalogue, query).items]

    assert order("") == [
        "Worldwide growth",
        "Focus 2017",
        "Focus 2013",
        "Community manual",
        "Protection manual",
    ]
    assert order("sort=oldest")[0] == "Protection manual"
    assert order("sort=title") == sorted(order("sort=title"), key=str.lower)


def test_filters_work_in_every_locale_with_labels_in_that_language(client, catalogue):
    translate_publication(catalogue["manual-th"], "fr", "Manuel communautaire", "Un manuel en thaï.")
    french_library = catalogue["tree"]["fr"]["library"]
    response = client.get(french_library.url + "?type=manual&topic=criminalisation")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Manuel communautaire" in html  # translated page shown
    assert "Protection manual" in html and 'class="badge" lang="en"' in html  # untranslated, with badge
    assert "Focus 2013" not in html
    assert "Politiques publiques" in html and "Afrique" in html and "Thaïlande" in html
    spanish = search(catalogue, "type=manual", locale="es")
    assert spanish.total == 2
    assert {o.label for o in spanish.facets[0].options} == {"Manual de protección", "Informe"}


def test_library_page_is_a_plain_get_form_with_labelled_controls(client, catalogue):
    response = client.get(catalogue["library"].url + "?type=manual")
    html = response.content.decode()
    assert response.status_code == 200
    assert response["Cache-Control"].startswith("public") and not response.cookies
    assert '<form class="library-search" id="library-form" method="get"' in html
    assert html.count("<fieldset") == html.count("<legend>")
    assert 'name="type" form="library-form" value="manual" checked' in html  # beside the form, tied to it
    import re

    for control_id in re.findall(r'<(?:input|select)[^>]* id="([^"]+)"', html):
        assert f'for="{control_id}"' in html, control_id
    assert 'rel="alternate" type="application/rss+xml"' in html and "feed/?type=manual" in html


MALFORMED = [
    ("page=abc", 400, "is not a page number"),
    ("page=0", 400, "is not a page number"),
    ("page=-3", 400, "is not a page number"),
    ("page=99999", 404, "There is no page 99999"),
    ("year=-1", 400, "is not a year"),
    ("year=20x5", 400, "is not a year"),
    ("type=unknown-type", 400, "unknown-type"),
    ("topic=%00%ff", 400, "There is no"),
    ("country=XX", 400, "is not a country code"),
    ("language=klingon", 400, "is not a language code"),
    ("sort=random", 400, "is not a way to sort"),
    ("q=" + "x" * 500, 400, "too long"),
    ("utm_source=newsletter&foo=bar", 200, "5 publications"),
    ("type=&year=", 200, "5 publications"),
]


def test_malformed_parameters_get_a_clear_answer_never_a_500(client, catalogue):
    for query, status, message in MALFORMED:
        response = client.get(catalogue["library"].url + "?" + query)
        assert response.status_code == status, query
        assert message in response.content.decode(), query
        feed = client.get(catalogue["library"].url + "feed/?" + query)
        # A feed has no pages: it refuses only what would change its items.
        assert feed.status_code == (400 if status == 400 and not query.startswith("page") else 200), query


def test_drafts_private_pages_and_private_files_stay_out_of_lists_and_counts(client, catalogue):
    library = catalogue["library"]
    kind = catalogue["tree"]["taxonomy"]["manual"]
    draft = ResourcePageFactory(parent=library, title="Secret draft", resource_type=kind, live=False)
    ResourceFileFactory(page=draft, language="ru")
    private = ResourcePageFactory(parent=library, title="Restricted manual", resource_type=kind)
    ResourceFileFactory(page=private, language="ru")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    hidden = Collection.get_first_root_node().add_child(name="Board papers")
    CollectionViewRestriction.objects.create(collection=hidden, restriction_type="login")
    ResourceFileFactory(
        page=catalogue["report-2022"], language="ru", document=DocumentFactory(collection=hidden)
    )

    result = search(catalogue)
    assert result.total == 5
    assert counts(result, "type") == {"manual": 2, "report": 3}
    assert "ru" not in counts(result, "language")
    assert search(catalogue, "language=ru").total == 0
    html = client.get(library.url).content.decode()
    assert "Secret draft" not in html and "Restricted manual" not in html
    page_html = client.get(catalogue["report-2022"].url).content.decode()
    assert "Русский" not in page_html and "/documents/" in page_html


NUMBERS = [
    # str.isdigit() accepts these, int() does not: they used to be server errors.
    ("year=%C2%B2", 400, "is not a year"),  # superscript two
    ("year=%E2%91%A0", 400, "is not a year"),  # circled one
    ("year=%D9%A2%D9%A0%D9%A1%D9%A3", 400, "is not a year"),  # 2013 in Arabic-Indic digits
    ("page=%E2%91%A0", 400, "is not a page number"),
    ("page=%C2%B2", 400, "is not a page number"),
    ("year=99999999999", 400, "is not a year"),
    ("year=0", 400, "is not a year"),
    ("year=" + "9" * 5000, 400, "is not a year"),  # past int()'s digit limit
    ("page=99999999999999999999", 404, "There is no page 99999999999999999999"),
    ("page=" + "9" * 5000, 400, "is not a page number"),
    ("page=-1", 400, "is not a page number"),
    ("page=0", 400, "is not a page number"),
    ("q=%00", 200, "5 publications"),
]


@pytest.mark.parametrize(
    ("query", "status", "message"), NUMBERS, ids=[query[:30] for query, _s, _m in NUMBERS]
)
def test_numbers_in_the_address_are_plain_ascii_digits_or_a_clear_answer(
    client, catalogue, query, status, message
):
    response = client.get(catalogue["library"].url + "?" + query)
    assert response.status_code == status
    assert message in response.content.decode()


@pytest.mark.parametrize(
    ("query", "status", "message"), NUMBERS, ids=[query[:30] for query, _s, _m in NUMBERS]
)
def test_feed_answers_bad_numbers_with_a_plain_400(client, catalogue, query, status, message):
    response = client.get(catalogue["library"].url + "feed/?" + query)
    if query.startswith("page") or status == 200:
        assert response.status_code == 200  # a feed has no pages
    else:
        assert response.status_code == 400
        assert response["Content-Type"].startswith("text/plain")
        assert message in response.content.decode()


@pytest.fixture
def hidden_programmes(catalogue):
    """A draft, a private and a live-but-orphaned programme, each supporting a public publication."""
    from programmes.factories import ProgrammeIndexPageFactory, ProgrammePageFactory

    index = catalogue["tree"]["en"]["index"]
    draft = ProgrammePageFactory(
        parent=index, title="Covert draft programme", slug="covert-draft", live=False
    )
    private = ProgrammePageFactory(parent=index, title="Members programme", slug="members-only")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    section = ProgrammeIndexPageFactory(parent=catalogue["tree"]["en"]["home"], slug="archive", live=False)
    orphan = ProgrammePageFactory(parent=section, title="Orphaned programme", slug="orphaned")
    for programme in (draft, private, orphan):
        catalogue["report-2022"].related_programmes.add(programme)
    catalogue["report-2022"].save()
    return {"covert-draft": draft, "members-only": private, "orphaned": orphan}


def test_programmes_a_visitor_may_not_open_are_no_facet_option(client, catalogue, hidden_programmes):
    titles = [programme.title for programme in hidden_programmes.values()]
    for language in ("en", "fr"):
        library = catalogue["tree"][language]["library"]
        for url in (library.url, library.url + "feed/"):
            body = client.get(url).content.decode()
            assert not [title for title in titles if title in body], url
        data = client.get("/api/v3/library/", {"locale": language}).json()
        assert not [title for title in titles if title in str(data)]
        assert counts(search(catalogue, locale=language), "programme") == {"legal-advocacy": 2}
    for slug in hidden_programmes:
        response = client.get(catalogue["library"].url + f"?programme={slug}")
        assert response.status_code == 400
        assert f"There is no programme “{slug}”" in response.content.decode()
        assert "1 publication<" not in response.content.decode()  # the filter is left out, not applied
        assert client.get("/api/v3/library/", {"programme": slug}).status_code == 400
        assert client.get(catalogue["library"].url + f"feed/?programme={slug}").status_code == 400


def test_a_programme_public_only_in_translation_is_offered_in_that_language(client, catalogue):
    tree = catalogue["tree"]
    tree["en"]["programme"].unpublish()
    assert counts(search(catalogue, locale="fr"), "programme") == {"legal-advocacy": 2}
    assert counts(search(catalogue, locale="en"), "programme") == {}
    assert "Legal advocacy" not in client.get(catalogue["library"].url).content.decode()


def test_a_private_translation_is_neither_searched_nor_shown(client, catalogue):
    french = translate_publication(catalogue["report-2022"], "fr", "Essor confidentiel", "Note interne.")
    PageViewRestriction.objects.create(page=french, restriction_type="password", password="x")
    french_library = catalogue["tree"]["fr"]["library"]

    assert search(catalogue, "q=confidentiel", locale="fr").total == 0
    assert search(catalogue, "q=interne", locale="en").total == 0
    # Still listed, under its public English title.
    assert [item.page.title for item in search(catalogue, "sort=title", locale="fr").items][-1] == (
        "Worldwide growth"
    )
    for response in (
        client.get(french_library.url + "?sort=title"),
        client.get(french_library.url + "feed/"),
        client.get("/api/v3/library/", {"locale": "fr", "sort": "title"}),
    ):
        assert response.status_code == 200
        body = response.content.decode()
        assert "Worldwide growth" in body and "Essor confidentiel" not in body


def test_a_private_file_is_neither_offered_nor_counted_anywhere(client, catalogue):
    hidden = Collection.get_first_root_node().add_child(name="Board papers")
    CollectionViewRestriction.objects.create(collection=hidden, restriction_type="password", password="x")
    ResourceFileFactory(
        page=catalogue["manual-th"],
        language="ru",
        document=DocumentFactory(collection=hidden, filename="board-minutes.pdf"),
    )
    library = catalogue["library"]

    html = client.get(library.url + "?type=manual").content.decode()
    assert "Only in Thai" in html  # the card still shows the one public file's language
    assert "board-minutes" not in html and 'lang="ru"' not in html
    assert "ru" not in counts(search(catalogue), "language")
    assert client.get(library.url + "?language=ru").content.decode().count('class="card"') == 0
    data = client.get("/api/v3/library/", {"type": "manual"}).json()
    assert "board-minutes" not in str(data)
    assert "ru" not in {o["value"] for f in data["facets"] if f["name"] == "language" for o in f["options"]}
    assert "board-minutes" not in client.get(library.url + "feed/").content.decode()
    assert "board-minutes" not in client.get(catalogue["manual-th"].url).content.decode()


def test_a_publication_page_names_no_hidden_programme(client, catalogue, hidden_programmes):
    page = catalogue["report-2022"]
    html = client.get(page.url).content.decode()
    route = client.get("/api/v3/route/", {"path": page.url}).content.decode()
    for programme in hidden_programmes.values():
        assert programme.title not in html and programme.title not in route
