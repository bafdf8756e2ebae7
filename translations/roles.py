"""The editorial roles: Editors, Moderators and one translators' group per language.

`setup_roles()` makes the groups, their permissions and the review workflow
exactly what is described here, whatever the database held before (Wagtail's
first migration creates "Editors" and "Moderators" with rights on every
language; they are narrowed here). Running it again changes nothing. A
content language added to `WAGTAIL_CONTENT_LANGUAGES` gets its translators'
group on the next run, with no code change.
"""

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import translation
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import (
    Collection,
    DraftStateMixin,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Locale,
    LockableMixin,
    Page,
    TranslatableMixin,
    Workflow,
    WorkflowContentType,
    WorkflowMixin,
    WorkflowPage,
    WorkflowTask,
)
from wagtail.permissions import policy_registry
from wagtail.snippets.models import get_snippet_models

from .models import LanguageScope

EDITORS = "Editors"
MODERATORS = "Moderators"
WORKFLOW_NAME = "Review"
TASK_NAME = "Moderator review"

EDITOR_PAGE_ACTIONS = ("add", "change")
MODERATOR_PAGE_ACTIONS = ("add", "change", "publish", "bulk_delete", "lock", "unlock")
TRANSLATOR_PAGE_ACTIONS = ("add", "change")  # deletion is withheld by LanguageScope
MEDIA_ACTIONS = ("add", "change", "choose", "delete")
# Translators may pick another image or document for their language in the
# segment editor (an overridable segment), never upload, edit or delete one.
TRANSLATOR_MEDIA_ACTIONS = ("choose",)
# Communications staff curate the search: promoted results for chosen queries.
SEARCH_PROMOTION_ACTIONS = ("add", "change", "delete")
# Moderators keep old addresses working when pages move or are unpublished.
REDIRECT_ACTIONS = ("add", "change", "delete")


def translator_group_name(language_code):
    """ "Translators (French)": group names stay in English, the admin's language for roles."""
    with translation.override("en"):
        return f"Translators ({translation.get_language_info(language_code)['name']})"


def target_language_codes():
    return [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES if code != settings.LANGUAGE_CODE]


def _permission(model, action):
    content_type = ContentType.objects.get_for_model(model, for_concrete_model=False)
    return Permission.objects.get(content_type=content_type, codename=f"{action}_{model._meta.model_name}")


def _existing_permission(model, action):
    """None where the model does not define that action (a custom image model
    has "choose" only if its Meta declares it)."""
    try:
        return _permission(model, action)
    except Permission.DoesNotExist:
        return None


def _named_permission(app_label, codename):
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


class _Changes:
    def __init__(self):
        self.lines = []

    def add(self, line):
        self.lines.append(line)


def _set_model_permissions(group, permissions, changes):
    wanted = {perm.pk for perm in permissions}
    current = set(group.permissions.values_list("pk", flat=True))
    if wanted != current:
        group.permissions.set(wanted)
        changes.add(f"{group.name}: {len(wanted)} model permissions")


def _set_page_permissions(group, pages, actions, changes):
    wanted = {(page.pk, _permission(Page, action).pk) for page in pages for action in actions}
    current = set(GroupPagePermission.objects.filter(group=group).values_list("page_id", "permission_id"))
    for page_id, permission_id in current - wanted:
        GroupPagePermission.objects.filter(group=group, page_id=page_id, permission_id=permission_id).delete()
    for page_id, permission_id in wanted - current:
        GroupPagePermission.objects.create(group=group, page_id=page_id, permission_id=permission_id)
    if wanted != current:
        changes.add(f"{group.name}: page permissions on {', '.join(sorted({str(p) for p in pages}))}")


def media_permission_models():
    """The models Wagtail checks image and document permissions on.

    With custom image and document models these are still the base models
    (`wagtailimages.Image`, `wagtaildocs.Document`): the permission policies'
    `auth_model`. Permissions on the custom models are never asked for.
    """
    return [
        policy_registry.get_by_type(model).auth_model for model in (get_image_model(), get_document_model())
    ]


def _set_collection_permissions(group, actions, changes):
    root = Collection.get_first_root_node()
    permissions = [
        _existing_permission(model, action) for model in media_permission_models() for action in actions
    ]
    wanted = {(root.pk, permission.pk) for permission in permissions if permission is not None}
    current = set(
        GroupCollectionPermission.objects.filter(group=group).values_list("collection_id", "permission_id")
    )
    for collection_id, permission_id in current - wanted:
        GroupCollectionPermission.objects.filter(
            group=group, collection_id=collection_id, permission_id=permission_id
        ).delete()
    for collection_id, permission_id in wanted - current:
        GroupCollectionPermission.objects.create(
            group=group, collection_id=collection_id, permission_id=permission_id
        )
    if wanted != current:
        changes.add(f"{group.name}: image and document permissions")


def _set_scope(group, locale, can_delete, changes):
    scope = LanguageScope.objects.filter(group=group).first()
    if locale is None:
        if scope is not None:
            scope.delete()
            changes.add(f"{group.name}: every language")
        return
    if scope is None or scope.locale_id != locale.pk or scope.can_delete != can_delete:
        LanguageScope.objects.update_or_create(
            group=group, defaults={"locale": locale, "can_delete": can_delete}
        )
        changes.add(f"{group.name}: only {locale.language_code}")


def _snippet_permissions(actions_for_model):
    permissions = []
    for model in get_snippet_models():
        for action in actions_for_model(model):
            permissions.append(_permission(model, action))
    return permissions


def _search_promotion_permissions():
    return [
        _named_permission("wagtailsearchpromotions", f"{action}_searchpromotion")
        for action in SEARCH_PROMOTION_ACTIONS
    ]


def _redirect_permissions():
    return [_named_permission("wagtailredirects", f"{action}_redirect") for action in REDIRECT_ACTIONS]


def reviewed_snippet_models():
    """Translatable snippets with drafts: they go through the Review workflow like pages."""
    return [
        model
        for model in get_snippet_models()
        if issubclass(model, TranslatableMixin) and issubclass(model, WorkflowMixin)
    ]


def locale_roots(locale):
    """The top page of each site tree in `locale` (its home page)."""
    return list(Page.objects.filter(depth=2, locale=locale))


def _group(name, changes):
    group, created = Group.objects.get_or_create(name=name)
    if created:
        changes.add(f"Group created: {name}")
    return group


def _setup_workflow(moderators, changes):
    workflow, created = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    if created:
        changes.add(f"Workflow created: {WORKFLOW_NAME}")
    elif not workflow.active:
        workflow.active = True
        workflow.save(update_fields=["active"])
        changes.add(f"Workflow reactivated: {WORKFLOW_NAME}")
    task = GroupApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=TASK_NAME)
        changes.add(f"Task created: {TASK_NAME}")
    if set(task.groups.values_list("pk", flat=True)) != {moderators.pk}:
        task.groups.set([moderators])
        changes.add(f"{TASK_NAME}: approved by {moderators.name}")
    if not WorkflowTask.objects.filter(workflow=workflow, task=task).exists():
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    return workflow


def assign_snippet_workflow(model, workflow, changes):
    content_type = ContentType.objects.get_for_model(model, for_concrete_model=False)
    current = (
        WorkflowContentType.objects.filter(content_type=content_type)
        .values_list("workflow_id", flat=True)
        .first()
    )
    if current != workflow.pk:
        WorkflowContentType.objects.update_or_create(
            content_type=content_type, defaults={"workflow": workflow}
        )
        changes.add(f"{WORKFLOW_NAME} workflow on {model._meta.verbose_name_plural}")


def assign_workflow(page, workflow, changes):
    current = WorkflowPage.objects.filter(page=page).values_list("workflow_id", flat=True).first()
    if current != workflow.pk:
        WorkflowPage.objects.update_or_create(page=page, defaults={"workflow": workflow})
        changes.add(f"{WORKFLOW_NAME} workflow on {page}")


@transaction.atomic
def setup_roles():
    """Create or correct every role; return a list of what changed (empty if nothing did)."""
    changes = _Changes()
    source_locale = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
    access_admin = _named_permission("wagtailadmin", "access_admin")
    submit_translation = _named_permission("wagtail_localize", "submit_translation")

    editors = _group(EDITORS, changes)
    _set_model_permissions(
        editors,
        [
            access_admin,
            submit_translation,
            *_snippet_permissions(lambda model: ("add", "change", "delete")),
            *_search_promotion_permissions(),
        ],
        changes,
    )
    _set_page_permissions(editors, locale_roots(source_locale), EDITOR_PAGE_ACTIONS, changes)
    _set_collection_permissions(editors, MEDIA_ACTIONS, changes)
    _set_scope(editors, source_locale, True, changes)

    moderators = _group(MODERATORS, changes)

    def moderator_snippet_actions(model):
        actions = ["add", "change", "delete"]
        if issubclass(model, DraftStateMixin):
            actions.append("publish")
        if issubclass(model, LockableMixin):
            actions += ["lock", "unlock"]
        return actions

    _set_model_permissions(
        moderators,
        [
            access_admin,
            submit_translation,
            *_snippet_permissions(moderator_snippet_actions),
            *_search_promotion_permissions(),
            *_redirect_permissions(),
            # The emergency takedown (moderation/takedown.py).
            _named_permission("moderation", "take_down"),
        ],
        changes,
    )
    _set_page_permissions(moderators, [Page.get_first_root_node()], MODERATOR_PAGE_ACTIONS, changes)
    _set_collection_permissions(moderators, MEDIA_ACTIONS, changes)
    _set_scope(moderators, None, True, changes)

    translatable_snippet_change = _snippet_permissions(
        lambda model: ("change",) if issubclass(model, TranslatableMixin) else ()
    )
    for code in target_language_codes():
        locale, created = Locale.objects.get_or_create(language_code=code)
        if created:
            changes.add(f"Locale created: {code}")
        translators = _group(translator_group_name(code), changes)
        _set_model_permissions(translators, [access_admin, *translatable_snippet_change], changes)
        _set_page_permissions(translators, locale_roots(locale), TRANSLATOR_PAGE_ACTIONS, changes)
        _set_collection_permissions(translators, TRANSLATOR_MEDIA_ACTIONS, changes)
        _set_scope(translators, locale, False, changes)

    workflow = _setup_workflow(moderators, changes)
    # On the root too, so that a language's home page created later is
    # reviewed before setup_roles runs again.
    assign_workflow(Page.get_first_root_node(), workflow, changes)
    for page in Page.objects.filter(depth=2):
        assign_workflow(page, workflow, changes)
    for model in reviewed_snippet_models():
        assign_snippet_workflow(model, workflow, changes)
    return changes.lines


def grant_new_locale_root(page):
    """Give a language's new home page to its translators (called when one is created)."""
    changes = _Changes()
    group = Group.objects.filter(name=translator_group_name(page.locale.language_code)).first()
    if group is not None and page.locale.language_code != settings.LANGUAGE_CODE:
        for action in TRANSLATOR_PAGE_ACTIONS:
            GroupPagePermission.objects.get_or_create(
                group=group, page=page, permission=_permission(Page, action)
            )
    workflow = Workflow.objects.filter(name=WORKFLOW_NAME, active=True).first()
    if workflow is not None:
        assign_workflow(page, workflow, changes)
