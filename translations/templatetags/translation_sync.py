"""The panel above the segment editor: the source changed, what changed, suggestions (translations/sync.py)."""

from django import template

from translations import sync

register = template.Library()


@register.simple_tag(takes_context=True)
def source_changes(context):
    return sync.source_changes(context["translation"])
