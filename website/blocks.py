"""The StreamField blocks every page shares, so the editor's menu is the same everywhere."""

from typing import Literal
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from ninja import Field, Schema
from wagtail import blocks, hooks
from wagtail.blocks.list_block import ListValue
from wagtail.documents import get_document_model
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageChooserBlock
from wagtail.models import Locale
from wagtail.rich_text import expand_db_html
from wagtail.snippets.blocks import SnippetChooserBlock

from website import image_words
from website.api_representations import PageDocumentSchema, PageImageRenditionSchema, document_representation
from website.responsive_images import SPECS, distinct_widths
from website.visibility import is_document_public, is_image_public, public_link_target

RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul", "h3", "h4"]


# The API shapes of the blocks below that represent themselves (headless/block_schemas.py).
class ImageBlockSchema(Schema):
    id: int
    alt: str = Field(description="Empty for a decorative image")
    caption: str
    credit: str
    renditions: list[PageImageRenditionSchema]


class CallToActionBlockSchema(Schema):
    heading: str
    text: str | None
    link_text: str
    url: str | None = Field(description="The page's path or the external URL; null if the page is not public")


class EmbedBlockSchema(Schema):
    url: str
    title: str
    kind: Literal["video", "map", "post"] = Field(description="What the link leads to")
    provider: str | None = Field(description="The host the embed loads from when the visitor asks")


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("text"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("level"),
        choices=[("h2", _("Section heading")), ("h3", _("Sub-heading"))],
        default="h2",
        translatable=False,
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        description = _("A section heading; keeps the page outline in order.")
        template = "blocks/heading_block.html"
        preview_value = {"text": "The UN Declaration on Human Rights Defenders", "level": "h2"}


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("features", RICH_TEXT_FEATURES)
        super().__init__(**kwargs)

    def deconstruct(self):
        # Keeps migrations stable: the features list is this class's default.
        path, args, kwargs = super().deconstruct()
        kwargs.pop("features", None)
        return "website.blocks.ParagraphBlock", args, kwargs

    api_schema = str  # HTML

    def get_api_representation(self, value, context=None):
        return expand_db_html(value.source)

    class Meta:
        icon = "pilcrow"
        label = _("Paragraph")
        description = _("Formatted text with links.")
        template = "blocks/paragraph_block.html"
        preview_value = "<p>States carry the first duty to protect human rights defenders.</p>"


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("quote"))
    attribution = blocks.CharBlock(label=_("attribution"), required=False, max_length=255)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        description = _("A quotation with the person or text it comes from.")
        template = "blocks/quote_block.html"
        preview_value = {
            "quote": "Everyone has the right to promote and to strive for the protection of human rights.",
            "attribution": "UN Declaration on Human Rights Defenders, article 1",
        }


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("image"))
    alt_text = blocks.CharBlock(
        label=_("alt text"),
        required=False,
        help_text=_("Overrides the image's own alt text for this use."),
    )
    decorative = blocks.BooleanBlock(
        label=_("decorative"),
        required=False,
        help_text=_("Tick only if the image adds no information; it is then hidden from screen readers."),
    )
    caption = blocks.CharBlock(label=_("caption"), required=False, max_length=500)
    credit = blocks.CharBlock(
        label=_("credit"), required=False, help_text=_("Defaults to the image's credit.")
    )

    def clean(self, value):
        value = super().clean(value)
        image = value.get("image")
        if image and not (value.get("decorative") or value.get("alt_text") or image.has_alt_decision):
            raise blocks.StructBlockValidationError(
                block_errors={"alt_text": ValidationError(_("Describe the image, or mark it as decorative."))}
            )
        return value

    def shown_words(self, value):
        """(alt text, caption) as visitors may read them (website/image_words.py)."""
        image = value["image"]
        alt = "" if value["decorative"] else (value["alt_text"] or image.alt_text)
        return image_words.as_shown(image, alt, value["caption"])

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        if value["image"] is not None:
            context["alt"], context["caption"] = self.shown_words(value)
        return context

    api_schema = ImageBlockSchema | None  # None: the image is gone or private

    def get_api_representation(self, value, context=None):
        image = value["image"]
        if not is_image_public(image):  # none, or in a private collection
            return None
        renditions = distinct_widths(image.get_renditions(*SPECS).values())
        alt, caption = self.shown_words(value)
        return {
            "id": image.pk,
            "alt": alt,
            "caption": caption,
            "credit": value["credit"] or image.credit,
            "renditions": [{"url": r.url, "width": r.width, "height": r.height} for r in renditions],
        }

    def get_preview_value(self):
        # Every field given: a StructValue without one fails the template and clean().
        image = get_image_model().objects.order_by("pk").first()
        return self.normalize(
            {
                "image": image,
                "alt_text": "",
                "decorative": False,
                "caption": "Defenders meeting members of parliament",
                "credit": "PI",
            }
        )

    class Meta:
        icon = "image"
        label = _("Image")
        description = _("An image with its alt text, caption and credit.")
        template = "blocks/image_block.html"


class KeyFactBlock(blocks.StructBlock):
    figure = blocks.CharBlock(label=_("figure"), max_length=40)
    label = blocks.CharBlock(label=_("label"), max_length=200)


class KeyFactsBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("heading"), required=False, max_length=200)
    facts = blocks.ListBlock(KeyFactBlock(), label=_("facts"), min_num=1)

    class Meta:
        icon = "list-ul"
        label = _("Key facts")
        description = _("A few figures or dates with what they mean.")
        template = "blocks/key_facts_block.html"
        preview_value = {
            "heading": "Key facts",
            "facts": [
                {"figure": "1998", "label": "The UN Declaration is adopted by consensus"},
                {"figure": "2000", "label": "The UN mandate on defenders is created"},
            ],
        }


class CallToActionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("heading"), max_length=200)
    text = blocks.TextBlock(label=_("text"), required=False)
    link_text = blocks.CharBlock(label=_("link text"), max_length=100)
    page = blocks.PageChooserBlock(label=_("page"), required=False)
    url = blocks.URLBlock(label=_("external URL"), required=False)

    def clean(self, value):
        value = super().clean(value)
        if not (value.get("page") or value.get("url")):
            raise blocks.StructBlockValidationError(
                block_errors={"page": ValidationError(_("Choose a page or give a URL."))}
            )
        return value

    def link_url(self, value):
        """The page's URL where it is public; a hidden page leaves the link text unlinked."""
        if value["page"] is None:
            return value["url"] or None
        target = public_link_target(value["page"])
        return target.url if target is not None else None

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["link_url"] = self.link_url(value)
        return context

    api_schema = CallToActionBlockSchema

    def get_api_representation(self, value, context=None):
        return {
            "heading": value["heading"],
            "text": value["text"],
            "link_text": value["link_text"],
            "url": self.link_url(value),
        }

    class Meta:
        icon = "link"
        label = _("Call to action")
        description = _("A highlighted invitation to act, leading to a page or site.")
        template = "blocks/call_to_action_block.html"
        preview_value = {
            "heading": "Work with us",
            "text": "Tell us how your parliament can protect defenders.",
            "link_text": "Contact the team",
            "page": None,
            "url": "https://www.protectioninternational.org/",
        }


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("document"))
    label = blocks.CharBlock(
        label=_("label"), required=False, help_text=_("Defaults to the document's title.")
    )

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        document = value["document"]
        # A private document's link would show its title and URL to everyone.
        context["document"] = document if document is not None and is_document_public(document) else None
        return context

    api_schema = PageDocumentSchema | None  # None: the document is gone or private

    def get_api_representation(self, value, context=None):
        document = value["document"]
        representation = document_representation(document) if document is not None else None
        if representation is None:  # gone, or in a private collection
            return None
        return {**representation, "title": value["label"] or document.title}

    def get_preview_value(self):
        return self.normalize({"document": get_document_model().objects.order_by("pk").first(), "label": ""})

    class Meta:
        icon = "doc-full"
        label = _("Document link")
        description = _("A download link that shows the file's format and size.")
        template = "blocks/document_link_block.html"


class ClickToLoadEmbedBlock(blocks.StructBlock):
    """A video, map or post from another site that contacts it only when the visitor asks.

    The page shows a link to the provider; nothing is fetched from it on page
    load, which protects visitors whose connections are watched (and keeps the
    site's `default-src 'self'` policy whole: a frame from elsewhere would need it widened).
    """

    KIND_CHOICES = [("video", _("Video")), ("map", _("Map")), ("post", _("Post or other page"))]

    url = blocks.URLBlock(label=_("URL"), help_text=_("The address of the video, map or post."))
    title = blocks.CharBlock(label=_("title"), max_length=255)
    kind = blocks.ChoiceBlock(
        label=_("kind"), choices=KIND_CHOICES, default="video", required=False, translatable=False
    )

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["provider"] = urlsplit(value["url"]).hostname or ""
        return context

    api_schema = EmbedBlockSchema

    def get_api_representation(self, value, context=None):
        return {
            "url": value["url"],
            "title": value["title"],
            "kind": value["kind"] or "video",
            "provider": urlsplit(value["url"]).hostname,
        }

    class Meta:
        icon = "media"
        label = _("Embed (loads on click)")
        description = _(
            "A video, map or post from another site, reached only when the visitor follows the link."
        )
        template = "blocks/click_to_load_embed_block.html"
        preview_value = {
            "url": "https://www.openstreetmap.org/#map=15/50.8467/4.3525",
            "title": "Our office in Brussels",
            "kind": "map",
        }


class TableBlock(blocks.StructBlock):
    """A table of text, every cell translatable (wagtail-localize does not translate Wagtail's
    own TableBlock), with a caption and column (and optionally row) headings for screen readers."""

    caption = blocks.CharBlock(
        label=_("caption"), max_length=255, help_text=_("What the table shows; read first by screen readers.")
    )
    column_headings = blocks.ListBlock(
        blocks.CharBlock(label=_("heading"), max_length=100), label=_("column headings"), min_num=1
    )
    rows = blocks.ListBlock(
        blocks.ListBlock(blocks.CharBlock(label=_("cell"), required=False), label=_("row")),
        label=_("rows"),
        min_num=1,
    )
    first_column_is_heading = blocks.BooleanBlock(
        label=_("first column holds row headings"), required=False, default=False
    )

    def clean(self, value):
        value = super().clean(value)
        columns = len(value["column_headings"])
        if any(len(row) > columns for row in value["rows"]):
            raise blocks.StructBlockValidationError(
                block_errors={"rows": ValidationError(_("A row has more cells than there are columns."))}
            )
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        columns = len(value["column_headings"])
        # Short rows are padded, so every row has a cell under each heading.
        context["rows"] = [list(row) + [""] * (columns - len(row)) for row in value["rows"]]
        return context

    class Meta:
        icon = "table"
        label = _("Table")
        description = _("Rows and columns of text, with a caption and headings.")
        template = "blocks/table_block.html"
        preview_value = {
            "caption": "National protection mechanisms",
            "column_headings": ["Country", "Year"],
            "rows": [["Colombia", "1997"], ["Brazil", "2007"], ["Mexico", "2012"]],
            "first_column_is_heading": True,
        }


class AccordionItemBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("question or title"), max_length=255)
    answer = ParagraphBlock(label=_("answer"))


class AccordionBlock(blocks.StructBlock):
    """Questions and answers that fold: plain <details>, so they open without JavaScript and
    print, search and translate like the rest of the page."""

    heading = blocks.CharBlock(label=_("heading"), required=False, max_length=200)
    items = blocks.ListBlock(AccordionItemBlock(), label=_("items"), min_num=1)

    class Meta:
        icon = "list-ul"
        label = _("Accordion or FAQ")
        description = _("Questions and answers, each opened by the reader.")
        template = "blocks/accordion_block.html"
        preview_value = {
            "heading": "Frequently asked questions",
            "items": [
                {
                    "question": "Who is a human rights defender?",
                    "answer": "<p>Anyone who acts peacefully to promote or protect human rights.</p>",
                },
                {
                    "question": "What does the UN Declaration say?",
                    "answer": "<p>That everyone has the right to strive for the protection of human rights.</p>",
                },
            ],
        }


class GalleryBlock(blocks.StructBlock):
    """A few images side by side, each with its alt text, caption and credit (as the image block)."""

    heading = blocks.CharBlock(label=_("heading"), required=False, max_length=200)
    images = blocks.ListBlock(ImageBlock(), label=_("images"), min_num=2, max_num=12)

    def get_api_representation(self, value, context=None):
        image_block = self.child_blocks["images"].child_block
        shown = (image_block.get_api_representation(item, context) for item in value["images"])
        return {"heading": value["heading"], "images": [image for image in shown if image is not None]}

    def get_preview_value(self):
        image_block = self.child_blocks["images"].child_block
        images = [image_block.get_preview_value() for _ in range(2)]
        return self.normalize({"heading": "At the regional meeting", "images": images})

    class Meta:
        icon = "image"
        label = _("Image gallery")
        description = _("Two to twelve images with their captions.")
        template = "blocks/gallery_block.html"


class PublicationListBlock(blocks.StructBlock):
    """Publications of the library: the ones chosen, in that order, or else the newest of a type,
    topic and/or programme. Each is shown in the page's language where translated.

    The library lives in resources/, above this core: it answers through the
    `publication_list` and `publication_cards` hooks (resources/wagtail_hooks.py).
    """

    heading = blocks.CharBlock(label=_("heading"), required=False, max_length=200)
    publications = blocks.ListBlock(
        blocks.PageChooserBlock(page_type="resources.ResourcePage", label=_("publication")),
        label=_("chosen publications"),
        help_text=_("Leave empty to list the newest of the type, topic or programme below."),
    )
    resource_type = SnippetChooserBlock("resources.ResourceType", label=_("type"), required=False)
    topic = SnippetChooserBlock("resources.Topic", label=_("topic"), required=False)
    programme = blocks.PageChooserBlock(
        page_type="programmes.ProgrammePage", label=_("programme"), required=False
    )
    limit = blocks.IntegerBlock(label=_("how many"), min_value=1, max_value=12, default=6)

    def clean(self, value):
        # The list starts with one empty picker: left empty, it means "none chosen", not an error.
        chosen = [page for page in value["publications"] if page is not None]
        value["publications"] = ListValue(self.child_blocks["publications"], values=chosen)
        value = super().clean(value)
        if not (value["publications"] or value["resource_type"] or value["topic"] or value["programme"]):
            raise blocks.StructBlockValidationError(
                block_errors={
                    "publications": ValidationError(_("Choose publications, or a type, topic or programme."))
                }
            )
        return value

    def items(self, value):
        locale = Locale.get_active()
        for listed in hooks.get_hooks("publication_list"):
            return listed(value, locale)
        return []

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["items"] = self.items(value)
        return context

    @property
    def api_schema(self):
        # The cards' shape is the library's: it answers through a hook, as the cards do.
        return next(schema() for schema in hooks.get_hooks("publication_list_api_schema"))

    def get_api_representation(self, value, context=None):
        items = self.items(value)
        cards = [card for to_cards in hooks.get_hooks("publication_cards") for card in to_cards(items)]
        return {"heading": value["heading"], "publications": cards}

    def get_preview_value(self):
        # The library's newest publications, whatever their type.
        return self.normalize(
            {
                "heading": "Our latest publications",
                "publications": [],
                "resource_type": None,
                "topic": None,
                "programme": None,
                "limit": 3,
            }
        )

    class Meta:
        icon = "doc-full-inverse"
        label = _("Publication list")
        description = _(
            "Publications from the library: chosen ones, or the newest of a type, topic or programme."
        )
        template = "blocks/publication_list_block.html"


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    quote = QuoteBlock()
    image = ImageBlock()
    key_facts = KeyFactsBlock()
    call_to_action = CallToActionBlock()
    document_link = DocumentLinkBlock()
    embed = ClickToLoadEmbedBlock()
    table = TableBlock()
    accordion = AccordionBlock()
    gallery = GalleryBlock()
    publication_list = PublicationListBlock()

    class Meta:
        template = "blocks/body_block.html"
