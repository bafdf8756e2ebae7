"""One public publication and one of each kind of hidden content, built once per test module.

Publications, because they reach every surface: their page, the library and its feed,
the search, the sitemap, the API and rich text links. Every title holds the word
"Vismark", so one search finds them all.
"""

import contextlib

from django.contrib.auth.models import Group
from django.db import transaction
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from conftest import translate_page
from home.models import HomePage
from resources.factories import (
    DocumentFactory,
    ResourceFileFactory,
    ResourceIndexPageFactory,
    ResourcePageFactory,
)

HIDDEN_PAGES = (
    "draft",
    "unpublished",
    "password",
    "groups",
    "below_unpublished",
    "below_private",
)


def publication(parent, case, **fields):
    return ResourcePageFactory(parent=parent, title=f"Vismark {case}", slug=f"vis-{case}", **fields)


def with_file(page, document):
    ResourceFileFactory(page=page, document=document, language="en")
    return page


def build():
    home = HomePage.objects.get(depth=2, locale__language_code="en")
    library = ResourceIndexPageFactory(parent=home, title="Library", slug="library")
    pages = {"public": publication(library, "public")}
    pages["draft"] = publication(library, "draft", live=False)
    pages["unpublished"] = publication(library, "unpublished")
    pages["unpublished"].unpublish()
    pages["password"] = publication(library, "password")
    PageViewRestriction.objects.create(page=pages["password"], restriction_type="password", password="x")
    pages["groups"] = publication(library, "groups")
    editors = Group.objects.create(name="Vismark editors")
    PageViewRestriction.objects.create(page=pages["groups"], restriction_type="groups").groups.add(editors)
    # Page-type rules are the admin's; factories may nest publications to build these cases.
    unpublished_section = publication(library, "unpublished-section")
    pages["below_unpublished"] = publication(unpublished_section, "below_unpublished")
    unpublished_section.unpublish()
    private_section = publication(library, "private-section")
    PageViewRestriction.objects.create(page=private_section, restriction_type="login")
    pages["below_private"] = publication(private_section, "below_private")

    private = Collection.get_first_root_node().add_child(name="Board papers")
    CollectionViewRestriction.objects.create(collection=private, restriction_type="login")
    documents = {
        "public": DocumentFactory(title="Vismark public file", filename="vis-public-file.pdf"),
        "private_collection": DocumentFactory(
            title="Vismark private file",
            filename="vis-private-file.pdf",
            collection=private.add_child(name="Minutes"),  # restricted through its parent
        ),
    }
    # The control publication carries the public file; this public one the private file.
    with_file(pages["public"], documents["public"])
    holder = with_file(publication(library, "file-holder"), documents["private_collection"])

    french = {
        "home": translate_page(home, "fr", title="Accueil", slug="home-fr"),
    }
    french["library"] = translate_page(library, "fr", title="Bibliothèque", slug="bibliotheque")
    french["public"] = translate_page(pages["public"], "fr", title="Vismark public fr", slug="vis-public-fr")
    spanish_home = translate_page(home, "es", title="Inicio", slug="home-es")
    translate_page(library, "es", title="Biblioteca", slug="biblioteca")
    withdrawn = translate_page(pages["public"], "es", title="Vismark retirado", slug="vis-retirado")
    withdrawn.unpublish()

    for page in [*pages.values(), holder]:
        page.refresh_from_db()
    return {
        "home": home,
        "spanish_home": spanish_home,
        "library": library,
        "pages": pages,
        "holder": holder,
        "documents": documents,
        "french": french,
        "editors": editors,
    }


@contextlib.contextmanager
def built_once(django_db_blocker):
    """The tree for a whole module, rolled back after its last test."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield build()
        transaction.set_rollback(True)
