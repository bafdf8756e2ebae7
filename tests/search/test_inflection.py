import pytest

from search.inflection import normalise_inclusive, word_forms


@pytest.mark.parametrize(
    "query,expected",
    [
        ("défenseur·e·s", "défenseurs"),
        ("défenseur.e.s", "défenseurs"),
        ("défenseur·es des droits", "défenseurs des droits"),
        ("défenseur-e-s", "défenseurs"),
        ("défenseur·e", "défenseur"),
        ("chercheur·euse·s", "chercheurs"),
        ("acteur·rice·s", "acteurs"),
        ("citoyen·ne·s", "citoyens"),
        # Identifiers and ordinary hyphenated words are left alone.
        ("A/RES/53/144", "A/RES/53/144"),
        ("ACHPR/Res.69(XXXV)04", "ACHPR/Res.69(XXXV)04"),
        ("porte-parole", "porte-parole"),
        ("peut-être", "peut-être"),
    ],
)
def test_french_inclusive_spellings_read_as_the_word(query, expected):
    assert normalise_inclusive(query, "fr") == expected


@pytest.mark.parametrize(
    "query,expected",
    [
        ("defensores/as", "defensores"),
        ("defensor/a", "defensor"),
        ("defensores(as)", "defensores"),
        ("niñ@s", "niños"),
        ("A/RES/53/144", "A/RES/53/144"),
    ],
)
def test_spanish_inclusive_spellings_read_as_the_word(query, expected):
    assert normalise_inclusive(query, "es") == expected


def test_other_languages_are_left_alone():
    assert normalise_inclusive("défenseur·e·s", "en") == "défenseur·e·s"


@pytest.mark.parametrize(
    "word,other",
    [
        ("défenseuses", "défenseurs"),
        ("défenseuse", "défenseur"),
        ("défenseurs", "défenseuses"),
        ("défenseur", "défenseure"),
        ("coordinatrice", "coordinateur"),
        ("protecteur", "protectrice"),
        ("rapporteuse", "rapporteur"),
        ("rapporteur", "rapporteuse"),
        ("active", "actif"),
        ("actifs", "actives"),
        ("première", "premier"),
        ("européenne", "européen"),
    ],
)
def test_french_words_are_searched_in_both_genders(word, other):
    forms = word_forms(word, "fr")
    assert forms[0] == word
    assert other in forms


@pytest.mark.parametrize(
    "word,language", [("mécanismes", "fr"), ("leur", "fr"), ("defenders", "en"), ("A/RES", "fr")]
)
def test_words_without_a_gender_pattern_stay_as_they_are(word, language):
    assert word_forms(word, language) == [word]
