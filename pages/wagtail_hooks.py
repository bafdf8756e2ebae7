from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from pages.submissions import DOWNLOAD_ACTION


@hooks.register("register_log_actions")
def register_log_actions(actions):
    actions.register_action(
        DOWNLOAD_ACTION, _("Form submissions downloaded"), _("Form submissions downloaded")
    )
