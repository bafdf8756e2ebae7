"""The languages a publication's files can be in: ISO 639-1 codes, far beyond the site's own.

PI publishes in Thai, Indonesian, Swahili, Arabic and more, while the site itself is in three
languages. Names come from Django's own table where it has the language, so they are already
translated in Django's catalogues; the few it lacks are named here.
"""

from django.conf.locale import LANG_INFO
from django.utils.translation import gettext_lazy as _

from website.language_profiles import in_running_text

# Languages Django's LANG_INFO does not know under their ISO 639-1 code.
EXTRA_LANGUAGES = {
    "am": {"name": _("Amharic"), "name_local": "አማርኛ", "bidi": False},
    "ha": {"name": _("Hausa"), "name_local": "Hausa", "bidi": False},
    "ku": {"name": _("Kurdish"), "name_local": "Kurdî", "bidi": False},
    "ps": {"name": _("Pashto"), "name_local": "پښتو", "bidi": True},
    "rw": {"name": _("Kinyarwanda"), "name_local": "Ikinyarwanda", "bidi": False},
    "so": {"name": _("Somali"), "name_local": "Soomaali", "bidi": False},
    "tl": {"name": _("Tagalog"), "name_local": "Tagalog", "bidi": False},
    "zh": {"name": _("Chinese"), "name_local": "中文", "bidi": False},
}

# ISO 639-1 codes offered for files, in the order of their English names.
CODES = [
    "am", "ar", "hy", "az", "bn", "bs", "my", "zh", "hr", "nl", "en", "fr", "ka", "de", "ha", "hi",
    "id", "it", "ja", "kk", "km", "ko", "ku", "ky", "ms", "mn", "ne", "ps", "fa", "pt", "rw", "ru",
    "sr", "so", "es", "sw", "tl", "tg", "ta", "th", "tr", "uk", "ur", "uz", "vi",
]  # fmt: skip


def _info(code):
    if code in EXTRA_LANGUAGES:
        return EXTRA_LANGUAGES[code]
    info = LANG_INFO[code]
    return {"name": _(info["name"]), "name_local": info["name_local"], "bidi": info["bidi"]}


def language_name(code):
    """The language's name in the visitor's language ("Thai", « thaï »)."""
    if code not in CODES:
        return code
    return in_running_text(str(_info(code)["name"]))


def language_name_local(code):
    """The language's name for itself ("ภาษาไทย"), as its readers look for it."""
    return _info(code)["name_local"] if code in CODES else code


def is_bidi(code):
    return code in CODES and _info(code)["bidi"]


def language_choices():
    return [(code, _info(code)["name"]) for code in CODES]
