"""Everything the site needs to know about a content language, one profile per language.

Adding a content language takes three things: its line in settings.LANGUAGES, its
profile here, and its catalogue (locale/<code>/LC_MESSAGES/django.po). Search (its
PostgreSQL configuration, created after every `migrate`, and its Elasticsearch
analyser), snippets, the publishing check, Open Graph tags and the pages' text
direction all read this table; tests/website/test_language_profiles.py fails for a
language in LANGUAGES whose profile is missing or incomplete.

Imported by the settings: nothing here may import models or other apps.
"""

from dataclasses import dataclass, fields

from django.conf.locale import LANG_INFO
from django.core.exceptions import ImproperlyConfigured
from django.utils.functional import lazy
from django.utils.translation import get_language, gettext

DIRECTIONS = ("ltr", "rtl")


@dataclass(frozen=True, kw_only=True)
class LanguageProfile:
    # Open Graph's `language_TERRITORY` locale ("fr_FR"): og:locale and og:locale:alternate.
    open_graph_locale: str
    # "ltr" or "rtl": the pages' <html dir>, and Wagtail's Locale.is_bidi in the admin.
    direction: str
    # PostgreSQL's built-in text search configuration ("french", see pg_ts_config) and
    # our copy of it with `unaccent` before its dictionary, which search/text_search_configs.py
    # creates after every `migrate`.
    postgres_base_config: str
    postgres_config: str
    # Elasticsearch/OpenSearch built-in language analyser.
    elasticsearch_analyzer: str
    # Words too common to be worth highlighting in a search result's snippet.
    stop_words: frozenset[str]
    # Words that open a placeholder in brackets ("[à compléter]"), which the publishing
    # check refuses. Written with their accents; the unaccented spelling matches too.
    placeholder_words: tuple[str, ...]
    # The rules in search/inflection.py for the forms its stemmer misses: gendered and
    # inclusive forms ("french", "spanish"), spelling variants ("arabic"); "" for none.
    inflection: str
    # Whether language names are common nouns, written in lower case in running text
    # ("en thaï", "en tailandés"), unlike English's "in Thai".
    lower_case_language_names: bool


# Fields a profile may leave empty, because "none" is a valid answer for them.
OPTIONAL_FIELDS = {"inflection", "lower_case_language_names"}

# fmt: off
PROFILES = {
    "en": LanguageProfile(
        open_graph_locale="en_GB",
        direction="ltr",
        postgres_base_config="english",
        postgres_config="pi_english",
        elasticsearch_analyzer="english",
        stop_words=frozenset({
            "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "has", "have", "in", "into", "is",
            "it", "its", "of", "on", "or", "that", "the", "their", "this", "to", "was", "were", "which", "with",
        }),
        placeholder_words=("insert", "add", "placeholder", "to come", "tbc", "tbd", "todo", "xxx"),
        inflection="",
        lower_case_language_names=False,
    ),
    "fr": LanguageProfile(
        open_graph_locale="fr_FR",
        direction="ltr",
        postgres_base_config="french",
        postgres_config="pi_french",
        elasticsearch_analyzer="french",
        stop_words=frozenset({
            "a", "au", "aux", "avec", "ce", "ces", "dans", "de", "des", "du", "elle", "en", "est", "et", "il",
            "ils", "la", "le", "les", "leur", "leurs", "par", "pas", "pour", "que", "qui", "sa", "se", "ses",
            "son", "sont", "sur", "un", "une",
        }),
        placeholder_words=("insérer", "ajouter", "à compléter"),
        inflection="french",
        lower_case_language_names=True,
    ),
    "es": LanguageProfile(
        open_graph_locale="es_ES",
        direction="ltr",
        postgres_base_config="spanish",
        postgres_config="pi_spanish",
        elasticsearch_analyzer="spanish",
        stop_words=frozenset({
            "a", "al", "como", "con", "de", "del", "el", "en", "es", "esta", "este", "la", "las", "lo", "los",
            "para", "por", "que", "se", "sin", "sobre", "su", "sus", "un", "una", "unas", "unos", "y",
        }),
        placeholder_words=("insertar", "añadir", "pendiente", "por completar"),
        inflection="spanish",
        lower_case_language_names=True,
    ),
    # Brazilian Portuguese: most of the defenders who read PI in Portuguese are in Brazil.
    "pt": LanguageProfile(
        open_graph_locale="pt_BR",
        direction="ltr",
        postgres_base_config="portuguese",
        postgres_config="pi_portuguese",
        elasticsearch_analyzer="portuguese",
        stop_words=frozenset({
            "a", "ao", "aos", "as", "com", "como", "da", "das", "de", "do", "dos", "e", "ela", "ele",
            "em", "entre", "na", "nas", "no", "nos", "o", "os", "ou", "para", "pela", "pelas", "pelo",
            "pelos", "por", "que", "se", "sem", "seu", "seus", "sobre", "sua", "suas", "um", "uma",
        }),
        placeholder_words=("inserir", "adicionar", "a completar", "pendente"),
        # The Snowball stemmer brings "defensora(s)" and "defensores" together, as in Spanish, and
        # Portuguese writes inclusive forms the Spanish way ("defensores/as", "defensor@s").
        inflection="spanish",
        lower_case_language_names=True,
    ),
    # Modern Standard Arabic, written right to left.
    "ar": LanguageProfile(
        open_graph_locale="ar_AR",
        direction="rtl",
        # PostgreSQL 15 has no Arabic Snowball stemmer nor ispell dictionary of its own, and
        # `unaccent` leaves Arabic letters alone. `simple` (lower case, no stemming) is the
        # best built-in: a stemmer of another language would cut Arabic words at random. Our
        # own folding ("arabic" rules, search/inflection.py: hamza forms, taa marbuta, alef
        # maqsura, tatweel, harakat) runs on the indexed text and on the query instead.
        postgres_base_config="simple",
        postgres_config="pi_arabic",
        # Elasticsearch's and OpenSearch's `arabic` analyser folds the same spellings and stems.
        elasticsearch_analyzer="arabic",
        # Written as search folds them (ى as ي, no hamza on the alef): snippets compare folded words.
        stop_words=frozenset({
            "ان", "او", "الي", "التي", "الذي", "الذين", "ب", "بين", "ثم", "حتي", "ذلك", "عن", "علي",
            "عند", "في", "قد", "كان", "كل", "ل", "لا", "لم", "ما", "مع", "من", "هذا", "هذه", "هو", "هي",
            "و", "ف",
        }),
        # "[يُستكمل]" ("to be completed"), with or without its damma; "[أضف …]", "[إدراج …]".
        placeholder_words=("يُستكمل", "يستكمل", "أضف", "إدراج"),
        inflection="arabic",
        lower_case_language_names=False,
    ),
}
# fmt: on


def profile(code):
    """The profile of a content language; a language without one is a configuration error."""
    try:
        return PROFILES[code]
    except KeyError:
        raise ImproperlyConfigured(
            f"The content language {code!r} has no profile in website/language_profiles.py."
        ) from None


def missing_fields(language_profile):
    """The names of the fields a profile leaves empty, though they need a value."""
    return [
        field.name
        for field in fields(language_profile)
        if field.name not in OPTIONAL_FIELDS and not getattr(language_profile, field.name)
    ]


def bidi_languages(codes, default_bidi):
    """settings.LANGUAGES_BIDI with each content language's own direction.

    Django's `get_current_language_bidi` (the pages' <html dir>) and Wagtail's
    Locale.is_bidi read LANGUAGES_BIDI; Django's default still covers the admin
    languages that are not content languages (Hebrew, Persian...). Read at start-up,
    so a content language without a profile stops the site from starting.
    """
    directions = {code: profile(code).direction for code in codes}
    ltr = {code for code, direction in directions.items() if direction != "rtl"}
    rtl = set(directions) - ltr
    return sorted((set(default_bidi) - ltr) | rtl)


def in_running_text(language_name):
    """A language's name as the active language writes it mid-sentence: "la page en anglais",
    but "the page in English" (Django's catalogues capitalise some languages' names)."""
    active = PROFILES.get(get_language())
    return language_name.lower() if active and active.lower_case_language_names else language_name


def _content_language_name(code):
    return in_running_text(gettext(LANG_INFO[code]["name"]))


# A content language's name for settings.LANGUAGES, in the active language. Django's own
# catalogues translate it, so a new content language adds no msgid to the others' catalogues.
content_language_name = lazy(_content_language_name, str)
