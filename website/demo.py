"""Building blocks for the demo content that each app's `demo.py` loads.

Demo texts are written as nested structures whose leaves are either plain
strings (the same in every language) or `{"en": …, "fr": …, "es": …}` dicts.
The source-language page is built from the English leaves; its translations
are made through wagtail-localize, by pairing each English leaf with the
leaf of the same position in the other language, so every translated page is
linked to its source and has real translation records, exactly as if a
translator had used the segment editor.

Which languages a page is translated into follows settings.LANGUAGES and the
content itself: a page is translated into each content language its text is
written in (every multilingual leaf), so a new language's demo is its text,
and a page whose text is not written in it yet stays untranslated rather than
showing English under a translated address.
"""

import html

from django.conf import settings
from django.core.management.base import CommandError
from wagtail.models import DraftStateMixin, Locale
from wagtail_localize.models import StringTranslation, Translation, TranslationSource
from wagtail_localize.strings import StringValue


def target_languages():
    """The content languages the demo translates into: every language but the source."""
    return [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


def _is_multilingual(content):
    return (
        isinstance(content, dict)
        and set(content) >= {"en"}
        and all(isinstance(v, str) for v in content.values())
    )


def multilingual_leaves(content):
    if _is_multilingual(content):
        yield content
    elif isinstance(content, dict):
        for value in content.values():
            yield from multilingual_leaves(value)
    elif isinstance(content, list | tuple):
        for value in content:
            yield from multilingual_leaves(value)


def written_in(content):
    """The target languages that every multilingual leaf of `content` has a text for."""
    languages = target_languages()
    for leaf in multilingual_leaves(content):
        languages = [language for language in languages if language in leaf]
    return languages


def pick(content, language):
    """The content with every multilingual leaf resolved to `language`."""
    if _is_multilingual(content):
        return content.get(language, content["en"])
    if isinstance(content, dict):
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


def translate_into_written_languages(instance, content):
    """Translate `instance` into every content language its `content` is written in."""
    for language in written_in(content):
        translate(instance, content, language)


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


def load_listing_index(model, home, content, log):
    """A listing's index page (news, events) under `home`, in the menu, in the languages it is written in.

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
    translate_into_written_languages(index, content)
    return index
