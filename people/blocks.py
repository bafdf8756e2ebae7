"""The block pages use to mention a person: named only as `display_name` allows."""

from django.utils.translation import gettext_lazy as _
from ninja import Field, Schema
from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock

from people.display import display_name, searchable_name


class PersonSchema(Schema):
    name: str = Field(description="The name the person agreed to be shown under")
    kind: str
    role: str | None


class PersonBlock(blocks.StructBlock):
    person = SnippetChooserBlock("people.Person", label=_("person"))
    role = blocks.CharBlock(
        label=_("role"), required=False, max_length=255, help_text=_("e.g. “Land rights defender, Cauca”.")
    )

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["display_name"] = display_name(value["person"])
        return context

    api_schema = PersonSchema | None  # None: the person may not be named (headless/block_schemas.py)

    def get_api_representation(self, value, context=None):
        name = display_name(value["person"])
        if name is None:
            return None
        return {"name": name, "kind": value["person"].kind, "role": value["role"]}

    def get_searchable_content(self, value):
        if value["person"] is None or display_name(value["person"]) is None:
            return []
        return searchable_name(value["person"]) + ([value["role"]] if value["role"] else [])

    class Meta:
        icon = "user"
        label = _("Person")
        description = _("A person the page is about, shown only as their consent allows.")
        template = "people/person_block.html"


class PeopleBlock(blocks.StreamBlock):
    person = PersonBlock()

    class Meta:
        label = _("People")
