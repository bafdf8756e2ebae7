"""What a moderator sees of a translation under review: how much of it is translated.

Wagtail's "Awaiting your review" dashboard panel lists pages and snippets
without saying whether a translation is finished; a Spanish title over an
English body passed review that way. The panel here is Wagtail's, with a
"Translation" column ("14/15 translated"); previews carry the same figure in
a notice (templatetags/translation_preview.py), which visitors never get.
"""

from wagtail.admin.views.home import WorkflowObjectsToModeratePanel

from . import completeness


class ReviewPanelWithCompleteness(WorkflowObjectsToModeratePanel):
    template_name = "translations/workflow_objects_to_moderate.html"

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        states = context["states"]
        progress = completeness.progress_by_object([state["obj"] for state in states])
        for state in states:
            obj = state["obj"]
            state["translation_progress"] = progress.get(
                (getattr(obj, "translation_key", None), getattr(obj, "locale_id", None))
            )
        return context


def show_completeness_in_review_panel(panels):
    """Replace Wagtail's review panel in the dashboard's `panels`, in place."""
    for index, panel in enumerate(panels):
        if type(panel) is WorkflowObjectsToModeratePanel:
            panels[index] = ReviewPanelWithCompleteness()
