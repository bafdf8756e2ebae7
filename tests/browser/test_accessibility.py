"""axe-core on every page type in every language: any WCAG 2.0/2.1/2.2 A or AA violation fails.

axe runs in the page through the DevTools protocol (page.evaluate), so the
site's strict Content-Security-Policy stays on and any violation of it is
caught as well.
"""

import pytest

from tests.public_pages import LANGUAGES, PAGE_KINDS, filter_choices, pages_of_kind

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def run_axe(visit, axe_source):
    visit.page.evaluate(axe_source)
    return visit.page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})"
        ".then(results => results.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,"
        " nodes: v.nodes.slice(0, 5).map(n => n.target.join(' '))})))",
        AXE_TAGS,
    )


def describe(violations):
    return "\n".join(
        f"  {v['id']} ({v['impact']}): {v['help']} at {', '.join(v['nodes'])}" for v in violations
    )


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_no_accessibility_violations(new_visit, orm, axe_source, kind, language):
    with orm():
        urls, reason = pages_of_kind(kind, language)
    if not urls:
        pytest.skip(reason)
    visit = new_visit(locale=language)
    if kind == "library":
        visit.goto(urls[0])
        params = filter_choices(visit.page.content())
        assert params, "the library has no type or language filter to apply"
        query = "&".join(f"{name}={value}" for name, value in params.items())
        urls = [f"{urls[0]}?{query}"]
    failures = []
    for url in urls:
        response = visit.goto(url)
        assert response.status == (404 if kind == "not_found" else 200), url
        assert visit.page.locator("html").get_attribute("lang") == language
        violations = run_axe(visit, axe_source)
        if violations:
            failures.append(f"{url}:\n{describe(violations)}")
    assert not failures, "axe-core found WCAG violations:\n" + "\n".join(failures)
    assert visit.csp_violations() == []
    assert visit.foreign_requests() == []


def test_axe_reports_a_violation_it_is_given(new_visit, axe_source):
    """The check itself can fail: an image without alt text is caught."""
    visit = new_visit()
    visit.goto("/en/")
    visit.page.evaluate(
        "() => { const img = document.createElement('img'); img.src = '/static/none.png';"
        " document.querySelector('main').append(img); }"
    )
    assert "image-alt" in [violation["id"] for violation in run_axe(visit, axe_source)]
