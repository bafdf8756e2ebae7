import factory
import wagtail_factories

from pages.models import ContactFormField, ContactPage, StandardPage


class StandardPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"About us {n}")
    intro = "Who we are and what we do."
    body = factory.LazyFunction(
        lambda: [
            {"type": "heading", "value": {"text": "Our mission", "level": "h2"}},
            {"type": "paragraph", "value": "<p>We stand beside human rights defenders.</p>"},
        ]
    )

    class Meta:
        model = StandardPage


class ContactPageFactory(wagtail_factories.PageFactory):
    title = "Contact us"
    slug = "contact"
    intro = "Write to us."
    privacy_note = "<p>We keep your message for twelve months.</p>"
    thank_you_text = "<p>We answer within a week.</p>"
    to_address = "staff@example.org"
    from_address = "website@example.org"
    subject = "Message from the website"

    class Meta:
        model = ContactPage
        skip_postgeneration_save = True

    @factory.post_generation
    def fields(page, create, extracted, **kwargs):
        """Name, email and message, unless a test gives its own list of ContactFormField kwargs."""
        if not create:
            return
        specs = extracted or [
            {"label": "Your name", "field_type": "singleline", "required": True},
            {"label": "Your email", "field_type": "email", "required": True},
            {"label": "Your message", "field_type": "multiline", "required": True},
        ]
        for order, spec in enumerate(specs):
            ContactFormField.objects.create(page=page, sort_order=order, **spec)
