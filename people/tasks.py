from django.tasks import task

from people.consent import check_consents


@task
def check_consents_task():
    """The daily consent check, for the worker (`manage.py check_consents --enqueue`)."""
    result = check_consents()
    return {"announced": len(result["announced"]), "unpublished": len(result["unpublished"])}
