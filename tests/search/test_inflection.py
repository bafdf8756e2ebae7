import pytest

from search.inflection import normalise_arabic, normalise_inclusive, normalise_indexed_text, word_forms
from search.snippets import fold


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
    "typed,written",
    [
        ("اعلان", "إعلان"),  # alef with hamza below
        ("اليات", "آليات"),  # alef with madda
        ("الاوروبي", "الأوروبي"),  # alef with hamza above
        ("ابن", "ٱبن"),  # alef wasla
        ("مسووليه", "مسؤولية"),  # waw with hamza; taa marbuta
        ("المبادي", "المبادئ"),  # yaa with hamza
        ("الي", "إلى"),  # alef maqsura
        ("المقرر", "المُقرِّر"),  # harakat and shadda
        ("حقوق", "حقـــوق"),  # tatweel
    ],
)
def test_arabic_spellings_meet_in_one_form(typed, written):
    assert normalise_arabic(typed) == normalise_arabic(written)
    assert normalise_inclusive(written, "ar") == normalise_arabic(written)


def test_arabic_folding_leaves_symbols_and_other_scripts_alone():
    assert normalise_arabic("القرار A/RES/53/144") == "القرار A/RES/53/144"
    assert normalise_arabic("défenseurs 2000–2008") == "défenseurs 2000–2008"


def test_only_languages_whose_rules_say_so_have_their_indexed_text_folded():
    assert normalise_indexed_text("إعلانُ", "ar") == "اعلان"
    assert normalise_indexed_text("إعلانُ", "fr") == "إعلانُ"
    assert normalise_indexed_text("défenseuse", "fr") == "défenseuse"


def test_snippets_fold_arabic_letters_one_for_one():
    """Highlights match the folded query in the page's own spelling, at the same positions."""
    written = "مسؤولية إلى الأمم"
    assert fold(written) == "مسووليه الي الامم"
    assert len(fold(written)) == len(written)


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
