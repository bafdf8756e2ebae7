"""Load the library's demo content: taxonomy, the library page and real publications.

Each publication gets small PDF files, one per language it really exists in, and a cover
image; both are generated here (reportlab, Pillow), never committed. Pages and snippets are
translated through wagtail-localize into each language their text is written in (website/demo.py).
"""

import datetime
import io
import textwrap
from xml.sax.saxutils import escape

from django.core.files.base import ContentFile
from django.utils.text import slugify
from PIL import Image, ImageDraw, ImageFont

from resources import demo_content as content
from resources.languages import language_name
from resources.models import (
    Region,
    ResourceCountry,
    ResourceFile,
    ResourceIdentifier,
    ResourceIndexPage,
    ResourcePage,
    ResourceType,
    Topic,
)
from website.demo import pick, publish, translate_into_written_languages
from website.models import CustomDocument, CustomImage

COVER_COLOURS = {
    "manual": (0, 94, 120),
    "report": (120, 38, 60),
    "guide": (46, 104, 52),
    "legal-instrument": (40, 52, 110),
    "annual-report": (150, 90, 20),
}


def load_taxonomy(model, entries, english, log):
    found = {}
    for order, (slug, names) in enumerate(entries):
        snippet = model.objects.filter(locale=english, slug=slug).first()
        if snippet is None:
            snippet = model.objects.create(locale=english, slug=slug, name=names["en"], sort_order=order)
            publish(snippet)  # a first revision, as if published through the admin
            log(f"{model._meta.verbose_name}: {snippet.name}")
        translate_into_written_languages(snippet, {"name": names})
        found[slug] = snippet
    return found


def load_library(home, log):
    library = ResourceIndexPage.objects.child_of(home).first()
    if library is None:
        text = pick(content.LIBRARY, "en")
        library = ResourceIndexPage(
            title=text["title"],
            slug=text["slug"],
            introduction=text["introduction"],
            listing_summary=text["introduction"],
            show_in_menus=True,
        )
        home.add_child(instance=library)
        publish(library)
        log(f"Page: {library.title}")
    translate_into_written_languages(library, content.LIBRARY)
    return library


def _date(value):
    return datetime.date.fromisoformat(value) if value else None


def _display_date(publication):
    value, precision = publication["date"]
    date = _date(value)
    if precision == "year":
        return str(date.year)
    if precision == "month":
        return date.strftime("%m/%Y")
    return date.isoformat()


def make_pdf(publication, language):
    """A short PDF about the publication: its facts, then a page of key points."""
    from reportlab.lib.pagesizes import A5
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer

    styles = getSampleStyleSheet()
    words = content.PDF_TEXT.get(language, content.PDF_TEXT["en"])
    text_language = language if language in content.PDF_TEXT else "en"
    title = publication["title"][text_language]
    story = [Paragraph(escape(title), styles["Title"])]
    story.append(Paragraph(escape(f"{words['published']}: {publication['publisher']}"), styles["Normal"]))
    if publication.get("authors"):
        story.append(Paragraph(escape(publication["authors"]), styles["Normal"]))
    story.append(Paragraph(escape(f"{words['date']}: {_display_date(publication)}"), styles["Normal"]))
    for _scheme, value, _edition in publication["identifiers"]:
        story.append(Paragraph(escape(value), styles["Normal"]))
    story.append(Spacer(1, 12))
    story.append(Paragraph(escape(publication["summary"][text_language]), styles["BodyText"]))
    if language not in content.PDF_TEXT:
        story.append(
            Paragraph(
                escape(
                    f"This demonstration file stands in for the {language_name(language)} edition "
                    f"({language}) of the publication."
                ),
                styles["Italic"],
            )
        )
    story.append(PageBreak())
    story.append(Paragraph(escape(words["about"]), styles["Heading2"]))
    story.append(Paragraph(escape(publication["key_points"]), styles["BodyText"]))
    story.append(Paragraph(escape(publication["distinctive"]), styles["BodyText"]))
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=A5, title=title, author=publication["publisher"], lang=language).build(
        story
    )
    return buffer.getvalue()


def make_cover(publication):
    """A plain cover: the type's colour, the title and the year."""
    image = Image.new("RGB", (480, 660), COVER_COLOURS.get(publication["type"], (70, 70, 70)))
    draw = ImageDraw.Draw(image)
    title_font = ImageFont.load_default(size=30)
    small_font = ImageFont.load_default(size=22)
    y = 60
    for line in textwrap.wrap(publication["title"]["en"], width=26)[:10]:
        draw.text((40, y), line, fill=(255, 255, 255), font=title_font)
        y += 40
    draw.text((40, 560), publication["publisher"][:38], fill=(235, 235, 235), font=small_font)
    draw.text((40, 600), _display_date(publication)[-4:], fill=(235, 235, 235), font=small_font)
    buffer = io.BytesIO()
    image.save(buffer, "PNG", optimize=True)
    return buffer.getvalue()


def translatable_text(publication):
    titles = publication["title"]
    return {
        "title": titles,
        "slug": {
            language: slugify(title)[:80].strip("-") or publication["slug"]
            for language, title in titles.items()
        }
        | {"en": publication["slug"]},
        "summary": publication["summary"],
        # Only the languages the title is written in: a publication not yet written in a
        # language the alt text's wording has is simply not translated into it.
        "cover_alt_text": {
            language: template.format(title=titles[language])
            for language, template in content.COVER_ALT.items()
            if language in titles
        },
    }


def load_publication(library, publication, taxonomy, programmes, log):
    page = ResourcePage.objects.child_of(library).filter(slug=publication["slug"]).first()
    if page is None:
        text = pick(translatable_text(publication), "en")
        cover = CustomImage(
            title=f"Cover: {text['title'][:200]}",
            alt_text=text["cover_alt_text"][:255],
            file=ContentFile(make_cover(publication), name=f"{publication['slug'][:60]}-cover.png"),
        )
        cover.save()
        date, precision = publication["date"]
        page = ResourcePage(
            title=text["title"],
            slug=publication["slug"],
            summary=text["summary"],
            publication_date=_date(date),
            publication_date_precision=precision,
            adopted_date=_date(publication.get("adopted")),
            in_force_date=_date(publication.get("in_force")),
            authors=publication.get("authors", ""),
            publisher=publication["publisher"],
            licence=publication.get("licence", ""),
            cover_image=cover,
            cover_alt_text=text["cover_alt_text"],
            resource_type=taxonomy["type"][publication["type"]],
        )
        for order, language in enumerate(publication["files"]):
            pdf = make_pdf(publication, language)
            document = CustomDocument(
                # The language in words, as a visitor reads it in a document link, not a code.
                title=f"{text['title'][:200]} – {language_name(language)}",
                file=ContentFile(pdf, name=f"{publication['slug'][:60]}-{language}.pdf"),
                file_size=len(pdf),  # as an upload through the admin records it
            )
            document.save()
            page.files.add(ResourceFile(document=document, language=language, sort_order=order))
        for order, (scheme, value, edition) in enumerate(publication["identifiers"]):
            page.identifiers.add(
                ResourceIdentifier(scheme=scheme, value=value, language=edition, sort_order=order)
            )
        for order, code in enumerate(publication.get("countries", [])):
            page.countries.add(ResourceCountry(country=code, sort_order=order))
        page.topics = [taxonomy["topic"][slug] for slug in publication["topics"]]
        page.regions = [taxonomy["region"][slug] for slug in publication["regions"]]
        page.related_programmes = [programmes[key] for key in publication["programmes"]]
        library.add_child(instance=page)
        publish(page)
        log(f"Publication: {page.title[:60]}")
    translate_into_written_languages(page, translatable_text(publication))
    return page


def load(home, programmes, log):
    """The taxonomy, the library and its publications, in every language."""
    english = home.locale
    taxonomy = {
        "type": load_taxonomy(ResourceType, content.TYPES, english, log),
        "topic": load_taxonomy(Topic, content.TOPICS, english, log),
        "region": load_taxonomy(Region, content.REGIONS, english, log),
    }
    library = load_library(home, log)
    return [
        load_publication(library, publication, taxonomy, programmes, log)
        for publication in content.PUBLICATIONS
    ]
