"""The pages every NGO site has: a standard content page (About, Who we are, Privacy,
legal notice) and the contact page, built on Wagtail's form builder.

The contact form is sent to `pages.views.send`, not to the page itself, so that the
page sets no cookie for a visitor (pages/contact_guard.py says why and what stands
in for Django's CSRF check).
"""

from django.db import models
from django.http import HttpResponseNotAllowed
from django.template.response import TemplateResponse
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from ninja import Field, Schema
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.forms.forms import WagtailAdminFormPageForm
from wagtail.contrib.forms.models import AbstractFormField, AbstractFormSubmission, EmailFormMixin, FormMixin
from wagtail.fields import RichTextField, StreamField
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from pages import contact_guard
from website.addresses import loggable_address
from website.blocks import BodyBlock
from website.models import BasePage, HeroImageMixin
from website.publishing import PublishingPageForm

HOME_PAGE_TYPES = ["home.HomePage"]


class StandardPage(HeroImageMixin, BasePage):
    """About, Who we are, Privacy, a legal notice: a title, an introduction, the shared body."""

    intro = models.TextField(
        _("introduction"), blank=True, help_text=_("One or two sentences shown at the top of the page.")
    )
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = BasePage.content_panels + [
        FieldPanel("intro"),
        MultiFieldPanel(HeroImageMixin.hero_panels, heading=_("Hero image")),
        FieldPanel("body"),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = [*HOME_PAGE_TYPES, "pages.StandardPage"]
    subpage_types = ["pages.StandardPage", "pages.ContactPage"]

    api_fields = BasePage.api_fields + [
        APIField("intro", writable=True),
        *HeroImageMixin.hero_api_fields,
        APIField("body", writable=True),
    ]

    class Meta:
        verbose_name = _("standard page")
        verbose_name_plural = _("standard pages")

    @property
    def summary(self):
        """What search results quote first (search/snippets.py reads a page's `summary`)."""
        return self.intro


class ContactFormField(TranslatableMixin, AbstractFormField):
    """A field of the contact form; its label and help text are translated with the page."""

    page = ParentalKey("pages.ContactPage", on_delete=models.CASCADE, related_name="form_fields")

    # The field's name in submissions stays the source language's, so every language's
    # submissions have the same columns.
    translatable_fields = [
        TranslatableField("label"),
        TranslatableField("help_text"),
        TranslatableField("choices"),
        TranslatableField("default_value"),
        SynchronizedField("clean_name"),
        SynchronizedField("field_type"),
        SynchronizedField("required"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order"]
        verbose_name = _("form field")
        verbose_name_plural = _("form fields")


class ContactSubmission(AbstractFormSubmission):
    """A message sent through a contact page.

    No address is kept unless settings.LOG_VISITOR_IP asks for it, and then only its
    network part (website/addresses.py), as in the server's logs.
    """

    visitor_network = models.CharField(_("visitor network"), max_length=64, blank=True)

    class Meta:
        verbose_name = _("contact form submission")
        verbose_name_plural = _("contact form submissions")


class ContactPageForm(WagtailAdminFormPageForm, PublishingPageForm):
    """The form builder's admin checks (duplicate field names) and the placeholder check."""


class FormFieldSchema(Schema):
    """A contact form field as the API gives it (`ContactPage.form_field_list`)."""

    name: str = Field(description="The name to post the value under")
    label: str
    type: str = Field(description="Wagtail's form field type: singleline, multiline, email, dropdown, …")
    required: bool
    choices: list[str]
    help_text: str


class ContactPage(EmailFormMixin, FormMixin, BasePage):
    """Wagtail's AbstractEmailForm on the project's BasePage: submissions stored and mailed."""

    intro = models.TextField(_("introduction"), blank=True)
    privacy_note = RichTextField(
        _("privacy note"),
        features=["bold", "italic", "link"],
        help_text=_("Shown beside the form: what is kept of a message, for how long, and who reads it."),
    )
    thank_you_text = RichTextField(_("thank-you text"), features=["bold", "italic", "link"], blank=True)

    content_panels = BasePage.content_panels + [
        FieldPanel("intro"),
        InlinePanel("form_fields", label=_("Form fields")),
        FieldPanel("privacy_note"),
        FieldPanel("thank_you_text"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("from_address"), FieldPanel("to_address")]),
                FieldPanel("subject"),
            ],
            heading=_("Email"),
        ),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("intro")]

    parent_page_types = [*HOME_PAGE_TYPES, "pages.StandardPage"]
    subpage_types = []
    base_form_class = ContactPageForm
    landing_page_template = "pages/contact_page_landing.html"

    # Where messages go is the same in every language.
    override_translatable_fields = [SynchronizedField("to_address"), SynchronizedField("from_address")]

    api_fields = BasePage.api_fields + [
        APIField("intro", writable=True),
        APIField("privacy_note", writable=True),
        APIField("thank_you_text", writable=True),
        APIField("form_field_list"),
    ]

    class Meta:
        verbose_name = _("contact page")
        verbose_name_plural = _("contact pages")

    @property
    def summary(self):
        return self.intro

    @property
    def form_field_list(self) -> list[FormFieldSchema]:
        """The form's fields as a front end needs them to draw the form."""
        return [
            {
                "name": field.clean_name,
                "label": field.label,
                "type": field.field_type,
                "required": field.required,
                "choices": [choice.strip() for choice in field.choices.splitlines() if choice.strip()],
                "help_text": field.help_text,
            }
            for field in self.get_form_fields()
        ]

    def get_submission_class(self):
        return ContactSubmission

    def get_submissions_list_view_class(self):
        # By name: Wagtail's admin views cannot be imported while models load.
        return import_string("pages.submissions.AuditedSubmissionsListView")

    def serve(self, request, *args, **kwargs):
        if request.method == "POST":
            # Messages are sent to pages.views.send, which checks them first.
            return HttpResponseNotAllowed(["GET", "HEAD"])
        return self.render_form(request, self.get_form(page=self, user=request.user))

    def render_form(self, request, form, status=200):
        context = self.get_context(request)
        context["form"] = form
        context["form_token"] = contact_guard.issue_token(self)
        return TemplateResponse(request, self.get_template(request), context, status=status)

    def get_preview_context(self, request, mode_name):
        context = super().get_preview_context(request, mode_name)
        context["form_token"] = contact_guard.issue_token(self)
        return context

    def submit(self, request):
        """Stores and mails a message that contact_guard has let through."""
        form = self.get_form(request.POST, page=self, user=request.user)
        if not form.is_valid():
            return self.render_form(request, form, status=400)
        submission = self.get_submission_class().objects.create(
            form_data=form.cleaned_data, page=self, visitor_network=loggable_address(request) or ""
        )
        if self.to_address:
            self.send_mail(form)  # website.mail: a mail server down never fails the visitor's send
        return self.render_landing_page(request, submission)
