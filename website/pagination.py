"""A page of a list and the list's length in one query, where Django's Paginator runs two.

Django's `Paginator` counts the rows (`COUNT(*)`) before it reads a page of them. Here the
page's query also carries the total, as a window count computed before the LIMIT, so the
first page of the news or the past events costs one query (issue 19: every page within a
dozen queries). An empty page still counts, to tell page 1 of an empty list from a page
past the end.
"""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db.models import Count, QuerySet, Window

TOTAL = "paginator_total"


class CountingPaginator(Paginator):
    def page(self, number):
        object_list = self.object_list
        if (
            not isinstance(object_list, QuerySet)
            or object_list.query.distinct
            or self.orphans
            or "count" in self.__dict__  # counted already: Django's way costs nothing more
        ):
            return super().page(number)
        try:
            number = int(number)
        except (TypeError, ValueError) as error:
            raise PageNotAnInteger(self.error_messages["invalid_page"]) from error
        if number < 1:
            raise EmptyPage(self.error_messages["min_page"])
        bottom = (number - 1) * self.per_page
        rows = list(object_list.annotate(**{TOTAL: Window(Count("pk"))})[bottom : bottom + self.per_page])
        if rows:
            self.count = getattr(rows[0], TOTAL)
            return self._get_page(rows, number, self)
        return super().page(number)  # past the end, or an empty list: Django's answer
