"""The relevance set: queries per language and the page that must be in the top 3.

Runs on PostgreSQL only: it checks the language text search configurations
(French and Spanish stemming, accents), which SQLite FTS does not have. Uses the
demo content, loaded once for the module, so it reflects the real site.
"""

import pytest
from django.db import connection
from wagtail.models import Locale

from conftest import demo_site
from search.query import matching_ids, run_search

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="needs PostgreSQL's french/spanish/english text search configurations (CI's PostgreSQL pass)",
    ),
]

LEGISLATION = {
    "en": "National legislation and public policies for the protection of defenders",
    "fr": "Législations et politiques publiques nationales de protection des défenseurs",
    "es": "Legislación y políticas públicas nacionales de protección de personas defensoras",
}
PARLIAMENTS = {
    "en": "Parliaments for human rights defenders",
    "fr": "Des parlements pour les défenseurs des droits humains",
    "es": "Parlamentos por las personas defensoras de derechos humanos",
}
EU = {
    "en": "Promoting the EU Guidelines on human rights defenders",
    "fr": "Promouvoir les Orientations de l'UE sur les défenseurs des droits humains",
    "es": "Promover las Directrices de la UE sobre defensores de derechos humanos",
}
RAPPORTEUR = {
    "en": "Supporting the UN Special Rapporteur",
    "fr": "Soutenir le Rapporteur spécial de l'ONU",
    "es": "Apoyar a la Relatoría Especial de la ONU",
}
LEGAL = {"en": "Legal advocacy", "fr": "Plaidoyer juridique", "es": "Incidencia jurídica"}

# Publications, by the slug of their English page (the same in every language's results).
DECLARATION = "un-declaration-on-human-rights-defenders"
ACHPR_69 = "achpr-resolution-69-protection-of-human-rights-defenders-in-africa"
FACT_SHEET = "fact-sheet-29-protecting-the-right-to-defend-human-rights"

PUBLICATIONS = {
    "en": [
        ("A/RES/53/144", DECLARATION),
        ("ACHPR/Res.69(XXXV)04", ACHPR_69),
        ("Fact Sheet No. 29", FACT_SHEET),
        # From the last page of the Declaration's English PDF, not from its page.
        ("printed copy of resolution 53/144", DECLARATION),
    ],
    "fr": [("A/RES/53/144", DECLARATION), ("ACHPR/Res.69(XXXV)04", ACHPR_69)],
    "es": [("A/RES/53/144", DECLARATION), ("ACHPR/Res.69(XXXV)04", ACHPR_69)],
}

RELEVANCE = {
    "en": [
        ("national mechanisms", LEGISLATION),
        ("national legislation", LEGISLATION),
        ("public policy", LEGISLATION),
        ("protection mechanism", LEGISLATION),
        ("parliaments", PARLIAMENTS),
        ("parliament", PARLIAMENTS),
        ("MPforHRD", PARLIAMENTS),
        ("EU Guidelines", EU),
        ("guideline", EU),
        ("diplomats", EU),
        ("Special Rapporteur", RAPPORTEUR),
        ("rapporteurs", RAPPORTEUR),
        ("legal advocacy", LEGAL),
        ("criminalisation", LEGAL),
        ("draft laws", LEGAL),
    ],
    "fr": [
        ("mécanismes nationaux", LEGISLATION),
        ("mécanisme national", LEGISLATION),
        ("mecanismes nationaux", LEGISLATION),
        ("politique publique", LEGISLATION),
        ("législation nationale", LEGISLATION),
        ("parlementaires", PARLIAMENTS),
        ("parlement", PARLIAMENTS),
        ("Orientations de l'UE", EU),
        ("diplomates européens", EU),
        ("européenne", EU),
        ("rapporteur spécial", RAPPORTEUR),
        ("Rapporteur special", RAPPORTEUR),
        ("plaidoyer juridique", LEGAL),
        ("criminalisation", LEGAL),
        ("projets de loi", LEGAL),
        # Feminine and inclusive forms find the pages that say "défenseurs", and back.
        ("défenseuses parlementaires", PARLIAMENTS),
        ("défenseuse des droits humains parlementaires", PARLIAMENTS),
        ("défenseur·e·s parlements", PARLIAMENTS),
        ("défenseur.e.s parlements", PARLIAMENTS),
        ("défenseuses diplomates", EU),
    ],
    "es": [
        ("mecanismos nacionales", LEGISLATION),
        ("mecanismo nacional", LEGISLATION),
        ("políticas públicas", LEGISLATION),
        ("politicas publicas", LEGISLATION),
        ("legislación", LEGISLATION),
        ("legislacion", LEGISLATION),
        ("parlamentarias", PARLIAMENTS),
        ("parlamento", PARLIAMENTS),
        ("Directrices de la UE", EU),
        ("diplomacia europea", EU),
        ("Relatoría Especial", RAPPORTEUR),
        ("relatoria especial", RAPPORTEUR),
        ("incidencia jurídica", LEGAL),
        ("incidencia juridica", LEGAL),
        ("criminalización", LEGAL),
        ("defensoras parlamentos", PARLIAMENTS),
        ("defensora parlamentarias", PARLIAMENTS),
        ("defensores/as parlamentarias", PARLIAMENTS),
        ("defensores de la UE", EU),
    ],
}


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo site with its PDFs' text, for this module only."""
    with demo_site(django_db_blocker):
        yield


def top_titles(query, language, count=3):
    outcome = run_search({"q": query}, language, record=False)
    return [hit.page.title for hit in (outcome.promotions + outcome.hits)[:count]], outcome


@pytest.mark.parametrize(
    "language,query,expected",
    [(language, query, pages[language]) for language, cases in RELEVANCE.items() for query, pages in cases],
)
def test_expected_page_in_top_three(demo, language, query, expected):
    titles, outcome = top_titles(query, language)
    assert expected in titles, f"{query!r} in {language}: got {titles}"
    assert all(hit.page.locale.language_code == language for hit in outcome.hits)


@pytest.mark.parametrize(
    "language,query,same_as",
    [
        ("fr", "défenseuses", "défenseurs"),
        ("fr", "défenseuse", "défenseur"),
        ("fr", "défenseur·e·s", "défenseurs"),
        ("fr", "défenseur.e.s", "défenseurs"),
        ("es", "defensoras", "defensores"),
        ("es", "defensora", "defensores"),
        ("es", "defensores/as", "defensores"),
    ],
)
def test_gendered_and_inclusive_forms_find_what_the_masculine_finds(demo, language, query, same_as):
    locale = Locale.objects.get(language_code=language)

    def found(text):
        return set(matching_ids(text, language, locale))

    expected = found(same_as)
    assert expected and found(query) >= expected


@pytest.mark.parametrize("language,query", [("fr", "mécanismes nationaux"), ("es", "mecanismos nacionales")])
def test_done_when_national_legislation_first_and_only_in_that_language(demo, client, language, query):
    response = client.get(f"/{language}/search/", {"q": query}, follow=True)
    outcome = response.context["outcome"]
    assert outcome.hits[0].page.title == LEGISLATION[language]
    assert {hit.page.locale.language_code for hit in outcome.hits} == {language}


@pytest.mark.parametrize(
    "language,query,slug",
    [(language, query, slug) for language, cases in PUBLICATIONS.items() for query, slug in cases],
)
def test_publication_in_top_three(demo, language, query, slug):
    from resources.models import ResourcePage

    key = ResourcePage.objects.get(slug=slug, locale__language_code="en").translation_key
    outcome = run_search({"q": query}, language, record=False)
    top = [(hit.page.translation_key, hit.page.locale.language_code) for hit in outcome.hits[:3]]
    assert (key, language) in top, (
        f"{query!r} in {language}: got {[hit.page.title for hit in outcome.hits[:3]]}"
    )
