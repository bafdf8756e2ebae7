"""The segment editor's additions: the review step, the actions a user may take, machine translation."""

import json

from django import template
from django.contrib.admin.utils import quote
from django.core.serializers.json import DjangoJSONEncoder
from django.urls import reverse
from wagtail.models import Page, WorkflowMixin
from wagtail_localize.machine_translators import get_machine_translator

from translations.permissions import user_can_publish

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
    if not isinstance(instance, WorkflowMixin) or user_can_publish(user, instance):
        return ""
    opts = instance._meta
    return reverse(
        "translation_submit_snippet_for_review", args=[opts.app_label, opts.model_name, quote(instance.pk)]
    )


@register.simple_tag(takes_context=True)
def segment_editor_props(context):
    """The segment editor's props without "Convert to alias" where the user may not use it.

    wagtail-localize offers it to anyone who may edit; the view refuses them
    (upstream/localize_translation_views.py).
    """
    props, instance, user = context["props"], context["instance"], context["request"].user
    if not isinstance(instance, Page) or instance.permissions_for_user(user).can_publish():
        return props
    decoded = json.loads(props)
    decoded["links"]["convertToAliasUrl"] = None
    return json.dumps(decoded, cls=DjangoJSONEncoder)


@register.inclusion_tag("translations/segment_editor_footer.html", takes_context=True)
def review_footer(context, submit_url):
    """The sticky footer of those who submit for review instead of publishing.

    wagtail-localize's footer always offers "Stop Synced translation" as its
    main button, whoever the user is, and a "More actions" menu that is empty
    for a translator; its code is compiled React, so it is hidden for them
    (segment_editor.css) and this footer, built from the same props, offers
    only what they may do: submit, preview, and any other action their
    permissions allow.
    """
    props = json.loads(context["props"])
    perms, links = props["perms"], props["links"]
    actions = []
    if perms.get("canDelete") and links.get("deleteUrl"):
        actions.append({"label": "delete", "url": links["deleteUrl"]})
    if perms.get("canUnpublish") and links.get("unpublishUrl"):
        actions.append({"label": "unpublish", "url": links["unpublishUrl"]})
    return {
        "submit_url": submit_url,
        "next_url": context["request"].get_full_path(),
        "actions": actions,
        "preview_modes": props["previewModes"],
        "csrf_token": context.get("csrf_token"),
    }


@register.simple_tag
def machine_translation_available():
    return get_machine_translator() is not None
