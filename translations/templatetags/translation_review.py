"""The segment editor's additions: the review step and the actions a user may take."""

from django import template
from django.contrib.admin.utils import quote
from django.urls import reverse
from wagtail.models import Page, WorkflowMixin

from translations import localize_gaps

register = template.Library()


@register.simple_tag(takes_context=True)
def review_submission_url(context):
    """Where "Submit translation for review" posts to, or "" for those who publish themselves."""
    instance = context["instance"]
    user = context["request"].user
    if isinstance(instance, Page):
        if context["page_perms"].can_publish():
            return ""
        return reverse("translation_submit_for_review", args=[instance.pk])
    if not isinstance(instance, WorkflowMixin) or localize_gaps.user_can_publish(user, instance):
        return ""
    opts = instance._meta
    return reverse(
        "translation_submit_snippet_for_review", args=[opts.app_label, opts.model_name, quote(instance.pk)]
    )


@register.simple_tag(takes_context=True)
def segment_editor_props(context):
    return localize_gaps.segment_editor_props(context["props"], context["instance"], context["request"].user)
