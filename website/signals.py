import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.tasks import task
from wagtail.models import Locale, TaskState, WorkflowState
from wagtail.signals import task_submitted, workflow_approved, workflow_rejected, workflow_submitted

logger = logging.getLogger(__name__)


def create_content_locales(**kwargs):
    """Keep a Wagtail Locale for every language in settings.WAGTAIL_CONTENT_LANGUAGES.

    Runs after every `migrate`, so adding a language to settings is all it takes.
    """
    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        Locale.objects.get_or_create(language_code=code)


# Review-workflow mail, sent by a task instead of in the editor's request.
#
# Wagtail's notifiers (wagtail.admin.signal_handlers) render and send their mail
# inside the request that submits, approves or rejects: the editor waits for
# every recipient's message and for the SMTP server (up to EMAIL_URL's 10 s
# timeout when it hangs). Here each notification is enqueued once the change is
# committed, and the worker runs Wagtail's own notifier, so the recipients,
# templates and per-recipient languages stay Wagtail's.
#
# signal, sender, Wagtail's dispatch_uid for it, and its notifier in wagtail.admin.signal_handlers
WORKFLOW_NOTIFICATIONS = {
    "task_submitted": (
        task_submitted,
        TaskState,
        "group_approval_task_submitted_email_notification",
        "task_submission_email_notifier",
    ),
    "workflow_submitted": (
        workflow_submitted,
        WorkflowState,
        "workflow_state_submitted_email_notification",
        "workflow_submission_email_notifier",
    ),
    "workflow_rejected": (
        workflow_rejected,
        WorkflowState,
        "workflow_state_rejected_email_notification",
        "workflow_rejection_email_notifier",
    ),
    "workflow_approved": (
        workflow_approved,
        WorkflowState,
        "workflow_state_approved_email_notification",
        "workflow_approval_email_notifier",
    ),
}


@task
def send_workflow_notification(event, state_id, user_id):
    """Send the mail Wagtail sends for `event` about a workflow or task state; False if one failed.

    A recipient's failed message is logged by Wagtail's notifier (logger
    wagtail.admin) and the others still go. A mail server that refuses the
    connection itself fails the task: one error line here says which
    notification was lost, and the worker logs the traceback.
    """
    from wagtail.admin import signal_handlers

    _signal, sender, _uid, notifier_name = WORKFLOW_NOTIFICATIONS[event]
    state = sender.objects.filter(pk=state_id).first()
    if state is None:  # deleted with its page before the worker got to it: no one to tell
        logger.info(
            "Review notification %s skipped: %s %s no longer exists", event, sender.__name__, state_id
        )
        return True
    if sender is TaskState:
        state = state.specific
    user = get_user_model().objects.filter(pk=user_id).first() if user_id else None
    try:
        return getattr(signal_handlers, notifier_name)(instance=state, user=user)
    except Exception as error:
        logger.error(
            "Review notification %s about %s %s was not sent: %s: %s",
            event,
            sender.__name__,
            state_id,
            type(error).__name__,
            error,
        )
        raise


def notify_after_commit(event):
    def receiver(sender, instance, user=None, **kwargs):
        state_id, user_id = instance.pk, getattr(user, "pk", None)
        transaction.on_commit(lambda: send_workflow_notification.enqueue(event, state_id, user_id))

    receiver.__name__ = f"notify_{event}_after_commit"
    return receiver


# Module-level references: signals hold their receivers weakly.
_workflow_receivers = {event: notify_after_commit(event) for event in WORKFLOW_NOTIFICATIONS}


def send_workflow_mail_from_tasks():
    """Connect the task-enqueuing receivers in place of Wagtail's in-request notifiers.

    They take Wagtail's dispatch_uids, so whichever app is ready first, only one
    receiver per notification is connected: if Wagtail's came first it is
    disconnected here; if ours did, Wagtail's later connect is a no-op.
    """
    for event, (signal, sender, dispatch_uid, _notifier) in WORKFLOW_NOTIFICATIONS.items():
        signal.disconnect(sender=sender, dispatch_uid=dispatch_uid)
        signal.connect(_workflow_receivers[event], sender=sender, dispatch_uid=dispatch_uid)
