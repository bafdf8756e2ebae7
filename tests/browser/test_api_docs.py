"""A front-end developer opens the API's interactive docs and tries an endpoint.

The docs are Swagger UI from this site's own static files: they render, run a
request, and break neither the Content-Security-Policy nor the no-third-party rule.
"""


def test_the_api_docs_render_and_run_a_request(new_visit):
    visit = new_visit(locale="en-GB")
    page = visit.page

    visit.goto("/api/v3/docs/")
    page.locator(".opblock-tag", has_text="route").first.wait_for()
    page.locator('.opblock-summary-path[data-path="/api/v3/site"]').first.click()
    page.get_by_role("button", name="Try it out").click()
    page.get_by_role("button", name="Execute").click()
    page.locator(".live-responses-table .response-col_status", has_text="200").first.wait_for()

    assert visit.foreign_requests() == []
    assert visit.csp_violations() == []
    assert visit.console_errors == []
