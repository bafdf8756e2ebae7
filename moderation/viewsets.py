from wagtail.admin.viewsets.pages import PageViewSet

from . import views


class ModerationPageViewSet(PageViewSet):
    """Every page type's admin views, with the moderators' two changes (see views.py).

    Registered for the base Page model, it replaces Wagtail's fallback viewset; a
    page type that gets a viewset of its own should subclass this one.
    """

    unpublish_view_class = views.UnpublishView
    workflow_action_view_class = views.WorkflowActionView


page_viewset = ModerationPageViewSet()
