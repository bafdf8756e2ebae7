"""Query-time expansion of gendered and inclusive word forms.

PostgreSQL's French stemmer (Snowball) does not bring feminine and masculine
forms together: "défenseuses" stems to "defens", "défenseurs" to "defenseur";
"coordinatrice" and "coordinateur" do meet, "protectrice" and "protecteur" do
not. Inclusive spellings ("défenseur·e·s", "défenseur.e.s") are split by every
tokenizer into a stem and stray letters. Elasticsearch's French analyser and
SQLite (no stemming at all) have the same gaps. So each French query word is
searched in its masculine and feminine forms, and inclusive spellings are read
as both; Spanish stems "defensora(s)" and "defensores" alike, and only needs
its inclusive spellings ("defensores/as", "defensor@s") read.

Arabic has no stemmer in PostgreSQL 15 and SQLite; its visitors write the same
word in several spellings (hamza on the alef or not, taa marbuta or haa, alef
maqsura or yaa, with or without short vowels and tatweel). Its rules fold them
all to one spelling, in the query and in the text indexed by the database
backends (search/backends/database.py); Elasticsearch's `arabic` analyser does
the same folding itself (its `arabic_normalization` filter).

Rules cover the common regular patterns, not every irregular word. A content
language's profile (website/language_profiles.py) names the rules it follows, so
a new language may reuse them without a change here.
"""

import re

from website.language_profiles import profile

# A middle dot, bullet, full stop or hyphen between a word and its feminine ending.
INCLUSIVE_SEPARATOR = "[·•‧⋅∙.\\-]"
FRENCH_INCLUSIVE = re.compile(
    rf"\b(?P<base>\w{{3,}}?){INCLUSIVE_SEPARATOR}"
    r"(?P<ending>euse|rice|trice|ère|ere|ve|ne|le|e)"
    rf"(?:{INCLUSIVE_SEPARATOR}?(?P<plural>s|x))?\b",
    re.IGNORECASE,
)
# "defensores/as", "defensor/a", "defensores(as)"; "niñ@s".
SPANISH_INCLUSIVE = re.compile(r"\b(?P<base>\w{3,}?)(?:/(?:a|as)|\((?:a|as)\))(?!\w)", re.IGNORECASE)
SPANISH_AT = re.compile(r"\b(?P<base>\w{2,})@(?P<plural>s)?(?!\w)", re.IGNORECASE)

# (feminine ending, masculine ending), longest first; applied to singular and plural.
FRENCH_FEMININE_TO_MASCULINE = [
    ("trice", "teur"),
    ("euse", "eur"),
    ("eure", "eur"),
    ("ière", "ier"),
    ("ienne", "ien"),
    ("enne", "en"),
    ("elle", "el"),
    ("ive", "if"),
]
FRENCH_MASCULINE_TO_FEMININE = [
    ("teur", ["trice", "teuse", "teure"]),
    ("eur", ["euse", "eure"]),
    ("ier", ["ière"]),
    ("ien", ["ienne"]),
    ("if", ["ive"]),
]
MIN_STEM = 3


# Arabic spelling variants, folded as Elasticsearch's arabic_normalization filter folds them.
ARABIC_LETTERS = str.maketrans(
    {
        "أ": "ا",  # alef with hamza above
        "إ": "ا",  # alef with hamza below
        "آ": "ا",  # alef with madda
        "ٱ": "ا",  # alef wasla
        "ٲ": "ا",  # alef with wavy hamza above
        "ٳ": "ا",  # alef with wavy hamza below
        "ؤ": "و",  # waw with hamza
        "ئ": "ي",  # yeh with hamza
        "ى": "ي",  # alef maqsura
        "ة": "ه",  # taa marbuta
        "ـ": None,  # tatweel
    }
)
# Harakat (fathatan … sukun), superscript alef and the Quranic marks: never part of the spelling.
ARABIC_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]")


def normalise_arabic(text):
    """One spelling for the variants a visitor may type: "المُدافِعة" and "المدافعه" meet."""
    return ARABIC_DIACRITICS.sub("", text).translate(ARABIC_LETTERS)


def french_inclusive(query):
    return FRENCH_INCLUSIVE.sub(lambda match: match["base"] + (match["plural"] or ""), query)


def spanish_inclusive(query):
    query = SPANISH_INCLUSIVE.sub(lambda match: match["base"], query)
    return SPANISH_AT.sub(lambda match: match["base"] + ("os" if match["plural"] else "o"), query)


def french_other_genders(word):
    """The word's other-gender forms, if it follows one of French's regular patterns."""
    lower = word.lower()
    stem, plural = (lower[:-1], lower[-1]) if lower[-1] in "sx" and len(lower) > 4 else (lower, "")
    for feminine, masculine in FRENCH_FEMININE_TO_MASCULINE:
        if stem.endswith(feminine) and len(stem) - len(feminine) >= MIN_STEM:
            return [stem[: -len(feminine)] + masculine + plural]
    for masculine, feminines in FRENCH_MASCULINE_TO_FEMININE:
        if stem.endswith(masculine) and len(stem) - len(masculine) >= MIN_STEM:
            return [stem[: -len(masculine)] + feminine + plural for feminine in feminines]
    return []


# The rules a profile's `inflection` names: (inclusive spellings, other-gender forms).
RULES = {
    "french": (french_inclusive, french_other_genders),
    "spanish": (spanish_inclusive, None),
    # The query rewrite folds Arabic spellings; the indexed text is folded alike (INDEXED_TEXT).
    "arabic": (normalise_arabic, None),
}
# The rules whose spelling folding must also apply to the text the database backends index.
INDEXED_TEXT = {"arabic": normalise_arabic}


def language_rules(language):
    rules = profile(language).inflection
    return RULES[rules] if rules else (None, None)


def normalise_inclusive(query, language):
    """Inclusive spellings rewritten as the masculine form, which expansion widens again."""
    inclusive, _other_genders = language_rules(language)
    return inclusive(query) if inclusive else query


def normalise_indexed_text(text, language):
    """The text as the database backends index it for `language`: folded where its rules say so."""
    rules = profile(language).inflection
    return INDEXED_TEXT[rules](text) if rules in INDEXED_TEXT else text


def word_forms(word, language):
    """The word and its other-gender forms, in that order, without duplicates."""
    _inclusive, other_genders = language_rules(language)
    if other_genders is None or not word.isalpha():
        return [word]
    return list(dict.fromkeys([word, *other_genders(word)]))
