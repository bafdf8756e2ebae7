"""The contact form's submissions list in the admin, with every download in the audit trail."""

from wagtail.contrib.forms.views import SubmissionsListView
from wagtail.log_actions import log

DOWNLOAD_ACTION = "pages.submissions_downloaded"


class AuditedSubmissionsListView(SubmissionsListView):
    """Wagtail's submissions list; a CSV or Excel export is logged on the form page:
    who downloaded it, in which format, how many submissions (accounts/ shows it in
    /admin/reports/audit-trail/)."""

    def as_spreadsheet(self, queryset, spreadsheet_format):
        response = super().as_spreadsheet(queryset, spreadsheet_format)
        log(
            self.form_page,
            DOWNLOAD_ACTION,
            user=self.request.user,
            data={"format": spreadsheet_format, "submissions": len(queryset)},
        )
        return response
