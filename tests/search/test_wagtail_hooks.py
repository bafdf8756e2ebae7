import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from wagtail.contrib.search_promotions.models import Query

pytestmark = pytest.mark.django_db

REPORT_URL = "/admin/reports/popular-searches/"


def admin_user(username, *permissions):
    group = Group.objects.create(name=f"{username} group")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    for codename in permissions:
        group.permissions.add(Permission.objects.get(codename=codename))
    user = get_user_model().objects.create_user(username, password="pass")
    user.groups.add(group)
    return user


@pytest.fixture
def popular():
    query = Query.get("defenders")
    for _ in range(3):
        query.add_hit()
    Query.get("focus report").add_hit()


def test_promotion_editors_see_the_popular_searches(client, popular):
    client.force_login(admin_user("editor", "add_searchpromotion", "change_searchpromotion"))
    menu = client.get("/admin/").content.decode()
    assert "Popular searches" in menu and REPORT_URL in menu
    response = client.get(REPORT_URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert html.index("defenders") < html.index("focus report")


def test_others_neither_see_nor_open_it(client, popular):
    client.force_login(admin_user("translator"))
    assert REPORT_URL not in client.get("/admin/").content.decode()
    assert client.get(REPORT_URL).status_code in (302, 403)


def test_superusers_get_one_report_not_two(client, popular):
    client.force_login(get_user_model().objects.create_superuser("root", password="pass"))
    menu = client.get("/admin/").content.decode()
    assert REPORT_URL in menu
    assert "/admin/searchpicks/reports/search-terms/" not in menu
