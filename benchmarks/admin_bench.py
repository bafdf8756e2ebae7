"""How long an editor waits on the admin's Save, Submit and Publish, on PostgreSQL.

Creates a throwaway database (pi_bench_admin by default, on the server
DATABASE_URL points at), migrates it, sets up the roles and loads the demo,
then posts the real admin edit form through Django's test client, logged in as
the demo editor and moderator, for one programme page and one publication:

- save: the editor saves a draft (one field changed);
- submit: the editor submits it for review;
- approve: the moderator approves it in the review workflow, which publishes it;
- publish: the moderator publishes a change directly.

Tasks go to the site's own queue (django-tasks-db) as in production, so what
the request enqueues is counted but not run in it; between timed requests
(untimed) a worker pass runs them, as `manage.py db_worker` would, so each
request starts from an empty queue. Then BENCH_PUBLICATIONS (10000)
publications are added to the demo library with the search benchmark's bulk
writer and the same requests are timed again. It prints p50/p95 (ms), the
queries per request and the tasks it enqueued, per size, as Markdown tables
for the README. Nothing is asserted, except that each request did what it
should (a redirect back to the page, not the form with errors).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres python -m benchmarks admin

BENCH_PUBLICATIONS, BENCH_REPEAT (20) and BENCH_DATABASE (pi_bench_admin)
change the size, the number of timed runs and the database.
"""

import collections
import os
import re
import statistics
import time

from benchmarks import search_bench

PUBLICATIONS = int(os.environ.get("BENCH_PUBLICATIONS", "10000"))
REPEAT = int(os.environ.get("BENCH_REPEAT", "20"))
ACTIONS = ("save", "submit", "approve", "publish")


# --- The edit form as the browser posts it -------------------------------------------------


def widget_data(widget, value, name, data):
    """Put what `widget` posts for `value` under `name` (several values: a list)."""
    from django import forms
    from django.db.models import Model

    if isinstance(widget, forms.CheckboxInput):
        if widget.check_test(value):
            data[name] = "on"
        return
    if isinstance(widget, forms.MultiWidget):
        parts = widget.decompress(value) if not isinstance(value, list) else value
        for suffix, subwidget, part in zip(widget.widgets_names, widget.widgets, parts, strict=False):
            widget_data(subwidget, part, name + suffix, data)
        return
    if isinstance(value, Model):
        value = value.pk
    if getattr(widget, "allow_multiple_selected", False):  # SelectMultiple, CheckboxSelectMultiple
        data[name] = [str(item.pk if isinstance(item, Model) else item) for item in value or []]
        return
    formatted = widget.format_value(value)
    if isinstance(formatted, list):  # Select: one value, as a list of one
        formatted = formatted[0] if formatted else ""
    data[name] = "" if formatted is None else formatted


def block_data(block, value, prefix, data):
    """The StreamField inputs Wagtail's block editor posts for `value` (see Block.value_from_datadict)."""
    from wagtail import blocks

    if isinstance(block, blocks.StreamBlock):
        children = list(value)
        data[f"{prefix}-count"] = str(len(children))
        for index, child in enumerate(children):
            data[f"{prefix}-{index}-type"] = child.block_type
            data[f"{prefix}-{index}-id"] = child.id or ""
            data[f"{prefix}-{index}-order"] = str(index)
            data[f"{prefix}-{index}-deleted"] = ""
            block_data(child.block, child.value, f"{prefix}-{index}-value", data)
    elif isinstance(block, blocks.ListBlock):
        children = list(value.bound_blocks) if hasattr(value, "bound_blocks") else list(value)
        data[f"{prefix}-count"] = str(len(children))
        for index, child in enumerate(children):
            child_id = getattr(child, "id", None)
            child_value = getattr(child, "value", child)
            data[f"{prefix}-{index}-id"] = child_id or ""
            data[f"{prefix}-{index}-order"] = str(index)
            data[f"{prefix}-{index}-deleted"] = ""
            block_data(block.child_block, child_value, f"{prefix}-{index}-value", data)
    elif isinstance(block, blocks.StructBlock):
        for name, child_block in block.child_blocks.items():
            block_data(child_block, value.get(name), f"{prefix}-{name}", data)
    elif isinstance(block, blocks.FieldBlock):
        field = block.field
        widget_data(field.widget, field.prepare_value(block.value_for_form(value)), prefix, data)
    else:
        raise NotImplementedError(f"{type(block).__name__} in the edit form")


def form_data(form, data=None):
    """Every input of a bound-to-instance admin form (fields, inline panels), as posted unchanged."""
    from wagtail.blocks.base import BlockWidget

    data = {} if data is None else data
    for name, field in form.fields.items():
        bound = form[name]
        if isinstance(field.widget, BlockWidget):
            block_data(field.widget.block_def, bound.value(), bound.html_name, data)
        else:
            widget_data(field.widget, bound.value(), bound.html_name, data)
    for formset in getattr(form, "formsets", {}).values():
        management = formset.management_form
        for name in management.fields:
            data[management[name].html_name] = str(management[name].value())
        for child in formset.forms:
            form_data(child, data)
    return data


def edit_form_data(page, user):
    """The page's edit form, filled from its latest revision, as the editor's browser posts it."""
    page = page.specific
    latest = page.get_latest_revision_as_object()
    form_class = type(page).get_edit_handler().get_form_class()
    form = form_class(instance=latest, for_user=user, parent_page=page.get_parent().specific)
    return form_data(form)


# --- The timed requests --------------------------------------------------------------------


class Editor:
    """Posts a page's edit form as a logged-in user, as the admin's buttons do."""

    def __init__(self, user):
        from django.test import Client

        self.client = Client()
        self.client.force_login(user)
        self.user = user

    def post(self, page, changes=None, **actions):
        from django.urls import reverse
        from django.utils import translation

        data = edit_form_data(page, self.user)
        data.update(changes or {})
        data.update(actions)
        with translation.override("en"):
            response = self.client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
        if response.status_code != 302:
            errors = re.findall(r'class="error-message">\s*(.*?)\s*<', response.content.decode())
            raise SystemExit(f"{page.title}: HTTP {response.status_code} instead of a redirect: {errors}")
        return response


# The edit view's "Approve" button of the review task (it publishes the page).
APPROVE = {
    "action-workflow-action": "action-workflow-action",
    "workflow-action-name": "approve",
    "workflow-action-extra-data": "{}",
}


def run_queue():
    """Run what the requests enqueued, as the worker would (untimed); returns {task name: count}."""
    from django_tasks_db.management.commands.db_worker import Worker
    from django_tasks_db.models import DBTaskResult

    names = collections.Counter(
        path.rsplit(".", 1)[-1] for path in DBTaskResult.objects.ready().values_list("task_path", flat=True)
    )
    if names:
        # db_worker's own loop, without the signal handlers its command installs
        # (they would keep Ctrl+C from stopping the benchmark).
        Worker(
            queue_names=["*"],
            interval=0,
            batch=True,
            backend_name="default",
            startup_delay=False,
            max_tasks=None,
            worker_id="admin-benchmark",
            excluded_queue_names=[],
        ).run()
    failed = collections.Counter(
        DBTaskResult.objects.failed().values_list("task_path", "exception_class_path")
    )
    for (path, error), count in failed.items():
        print(f"  {count} × {path} failed in the worker ({error})")
    DBTaskResult.objects.all().delete()
    return names


class Timings:
    def __init__(self):
        self.samples = collections.defaultdict(list)
        self.queries = collections.defaultdict(list)
        self.tasks = collections.defaultdict(collections.Counter)
        self.mails = collections.Counter()

    def measure(self, key, request):
        from django.core import mail
        from django.db import connection, reset_queries
        from django.test.utils import CaptureQueriesContext

        sent = len(getattr(mail, "outbox", []))
        # The query log keeps at most 9,000 entries: empty it, or counts go wrong after a while.
        reset_queries()
        with CaptureQueriesContext(connection) as queries:
            start = time.perf_counter()
            request()
            elapsed = (time.perf_counter() - start) * 1000
        self.samples[key].append(elapsed)
        self.queries[key].append(len(queries))
        self.mails[key] += len(getattr(mail, "outbox", [])) - sent
        self.tasks[key].update(run_queue())

    def row(self, key, size):
        samples = sorted(self.samples[key])
        p50 = statistics.median(samples)
        p95 = samples[max(0, round(len(samples) * 0.95) - 1)]
        queries = self.queries[key]
        query_text = str(queries[0]) if min(queries) == max(queries) else f"{min(queries)}–{max(queries)}"
        runs = len(samples)
        tasks = (
            ", ".join(f"{name} ×{count / runs:g}" for name, count in sorted(self.tasks[key].items()))
            or "none"
        )
        mails = f"{self.mails[key] / runs:g}"
        page, action = key
        return f"| {size} | {page} | {action} | {p50:.0f} | {p95:.0f} | {query_text} | {mails} | {tasks} |"


def bench_pages():
    """The demo's first English programme page and publication."""
    from wagtail.models import Locale

    from programmes.models import ProgrammePage
    from resources.models import ResourcePage

    english = Locale.objects.get(language_code="en")
    programme = ProgrammePage.objects.live().filter(locale=english).order_by("path").first()
    publication = ResourcePage.objects.live().filter(locale=english).order_by("path").first()
    return {"programme page": programme, "publication": publication}


def cycle(timings, pages, editor, moderator, run):
    """One save → submit → approve → publish of each page."""
    for label, page in pages.items():
        marker = f"Benchmark run {run}."
        summary = {"summary": f"{page.specific.summary.split(' Benchmark run')[0]} {marker}"}
        timings.measure((label, "save"), lambda p=page, c=summary: editor.post(p, c))
        timings.measure(
            (label, "submit"), lambda p=page, c=summary: editor.post(p, c, **{"action-submit": "1"})
        )
        timings.measure((label, "approve"), lambda p=page, c=summary: moderator.post(p, c, **APPROVE))
        published = {"summary": f"{summary['summary']} Published."}
        timings.measure(
            (label, "publish"), lambda p=page, c=published: moderator.post(p, c, **{"action-publish": "1"})
        )


def time_admin(size):
    from django.contrib.auth import get_user_model

    User = get_user_model()
    editor = Editor(User.objects.get(username="editor"))
    moderator = Editor(User.objects.get(username="moderator"))
    pages = bench_pages()
    timings = Timings()
    cycle(Timings(), pages, editor, moderator, 0)  # warm-up: templates, caches, first connections
    for run in range(1, REPEAT + 1):
        cycle(timings, pages, editor, moderator, run)
    for page in pages.values():
        page.refresh_from_db()
        if "Benchmark run" not in page.specific.summary or not page.live:
            raise SystemExit(f"{page.title}: the benchmark's changes were not published")
    return [timings.row((label, action), size) for label in pages for action in ACTIONS]


def load_demo():
    from django.core.management import call_command

    start = time.perf_counter()
    call_command("setup_roles", verbosity=0)
    call_command("load_demo", verbosity=0)
    run_queue()
    return time.perf_counter() - start


def main():
    admin_url, url, name = search_bench.bench_database_url("pi_bench_admin", "admin")
    search_bench.create_database(admin_url, name)
    search_bench.setup_django(url)
    from django.test.utils import override_settings
    from wagtail.models import Page

    from resources.models import ResourcePage

    # The production queue, not the tests' immediate backend. Mail is kept in
    # memory and counted: what a request sends itself, it waits for, and an SMTP
    # server adds its own round trips (up to EMAIL_URL's 10 s timeout) on top.
    with override_settings(
        TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}},
        MAILERS={"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}},
    ):
        print(f"Demo loaded in {load_demo():.0f} s")
        search_bench.analyze()
        rows = [("demo", time_admin(f"demo ({ResourcePage.objects.count()} publications)"))]
        if PUBLICATIONS:
            # Its figures count pages: a third of them in each language.
            seconds = search_bench.generate(PUBLICATIONS // 3)
            print(f"Added {PUBLICATIONS} publications in {seconds:.0f} s")
            search_bench.analyze()
            total = ResourcePage.objects.count()
            rows.append(("large", time_admin(f"{total:,} publications")))
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    print(
        f"\n{search_bench.environment()}; {Page.objects.count()} pages at the end, "
        f"{REPEAT} runs per action; load average {load}.\n"
    )
    print("| size | page | action | p50 (ms) | p95 (ms) | queries | mails sent in it | tasks it enqueued |")
    print("|---|---|---|---:|---:|---:|---:|---|")
    for _size, table in rows:
        for line in table:
            print(line)
