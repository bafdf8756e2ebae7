"""Building blocks for the demo content that each app's `demo.py` loads.

Demo texts are written as nested structures whose leaves are either plain
strings (the same in every language) or `{"en": …, "fr": …, "es": …}` dicts.
The source-language page is built from the English leaves; its translations
are made through wagtail-localize, by pairing each English leaf with the
leaf of the same position in the other language, so every translated page is
linked to its source and has real translation records, exactly as if a
translator had used the segment editor.
"""

import html

from django.core.management.base import CommandError
from wagtail.models import DraftStateMixin, Locale
from wagtail_localize.models import StringTranslation, Translation, TranslationSource
from wagtail_localize.strings import StringValue


def pick(content, language):
    """The content with every multilingual leaf resolved to `language`."""
    if isinstance(content, dict):
        if set(content) >= {"en"} and all(isinstance(v, str) for v in content.values()):
            return content.get(language, content["en"])
        return {key: pick(value, language) for key, value in content.items()}
    if isinstance(content, list | tuple):
        return [pick(value, language) for value in content]
    return content


def leaves(content):
    if isinstance(content, dict):
        for value in content.values():
            yield from leaves(value)
    elif isinstance(content, list | tuple):
        for value in content:
            yield from leaves(value)
    elif isinstance(content, str):
        yield content


def phrasebook(content, language):
    """English text → text in `language`, for every leaf of `content`."""
    return dict(zip(leaves(pick(content, "en")), leaves(pick(content, language)), strict=True))


def paragraphs(texts):
    return "".join(f"<p>{html.escape(text, quote=False)}</p>" for text in texts)


def _normalise(text):
    return " ".join(html.unescape(text).split())


def translate(instance, content, language, *, publish=True):
    """Translate `instance` into `language` through wagtail-localize.

    Does nothing if the translation already exists, so loading twice changes
    nothing. Fails loudly if a segment has no translation in `content`.
    """
    locale = Locale.objects.get(language_code=language)
    if instance.get_translation_or_none(locale) is not None:
        return instance.get_translation(locale)
    book = {_normalise(en): text for en, text in phrasebook(content, language).items()}
    source, _ = TranslationSource.get_or_create_from_instance(instance)
    translation, _ = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    for segment in source.stringsegment_set.select_related("string", "context"):
        english = _normalise(segment.string.data)
        if english not in book:
            raise CommandError(f"Demo content has no {language} text for {english!r}")
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={
                "data": StringValue.from_plaintext(book[english]).data,
                "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
            },
        )
    return save_translation(translation, publish=publish)


def save_translation(translation, *, publish=True):
    """Save a translation's target and publish it at once.

    `Translation.save_target(publish=True)` defers publishing to
    `transaction.on_commit` with the in-memory page, whose stale `numchild`
    then overwrites the tree when children were added in the same transaction
    (wagtail_localize/models.py, `create_or_update_translation`). Publishing
    the saved revision ourselves avoids that inside the loader's transaction.
    """
    has_drafts = issubclass(translation.source.specific_content_type.model_class(), DraftStateMixin)
    # Snippets without drafts can only be saved "published".
    translation.save_target(publish=not has_drafts)
    target = translation.get_target_instance()
    if publish and has_drafts:
        target.get_latest_revision().publish()
    return target


def publish(page):
    page.save_revision().publish()
    return page


def load_listing_index(model, home, content, log, languages=("fr", "es")):
    """A listing's index page (news, events) under `home`, in the menu, translated into `languages`.

    `content` gives its title, slug and introduction per language.
    """
    index = model.objects.child_of(home).first()
    if index is None:
        text = pick(content, "en")
        index = model(
            title=text["title"],
            slug=text["slug"],
            introduction=text["introduction"],
            listing_summary=text["introduction"],
            show_in_menus=True,
        )
        home.add_child(instance=index)
        publish(index)
        log(f"Page: {index.title}")
    for language in languages:
        translate(index, content, language)
    return index
