"""The relevance set: what visitors type, and the page they should find (search/relevance_set/).

Each language's cases live in `relevance_set/<language>.toml`, edited by hand. A case
names the expected pages by the slug of their English page, so one programme or
publication is expected in every language. `evaluate` runs every case the way the
site does (`run_search`, promotions included) and measures:

- MRR: the mean of 1/rank of the best-placed expected page (0 when it is not on the
  first page of results);
- top-1 and top-3: the share of cases whose expected page comes first, or among the
  first three.

A case with `first` passes when that page comes first; one with `top3` when one of its
pages is among the first three. tests/search/test_relevance_set.py asserts the floor
reached; `make bench` prints the figures per language and backend.
"""

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from wagtail.models import Page

from .query import run_search

SET_DIRECTORY = Path(__file__).resolve().parent / "relevance_set"


@dataclass(frozen=True)
class Case:
    language: str
    query: str
    expected: tuple
    must_be_first: bool
    why: str = ""

    def passes(self, rank):
        return rank is not None and rank <= (1 if self.must_be_first else 3)


@dataclass
class Outcome:
    case: Case
    rank: int | None
    titles: list = field(default_factory=list)

    @property
    def passed(self):
        return self.case.passes(self.rank)


@dataclass
class Scores:
    language: str
    outcomes: list

    @property
    def count(self):
        return len(self.outcomes)

    @property
    def mrr(self):
        return sum(1 / outcome.rank for outcome in self.outcomes if outcome.rank) / max(self.count, 1)

    def hit_rate(self, within):
        hits = sum(1 for outcome in self.outcomes if outcome.rank and outcome.rank <= within)
        return hits / max(self.count, 1)

    @property
    def top1(self):
        return self.hit_rate(1)

    @property
    def top3(self):
        return self.hit_rate(3)

    @property
    def failures(self):
        return [outcome for outcome in self.outcomes if not outcome.passed]


def load_cases(language):
    """The cases of one language, in file order."""
    with open(SET_DIRECTORY / f"{language}.toml", "rb") as file:
        data = tomllib.load(file)
    cases = []
    for entry in data.get("case", []):
        if "first" in entry:
            expected, first = (entry["first"],), True
        else:
            expected, first = tuple(entry["top3"]), False
        cases.append(Case(language, entry["q"], expected, first, entry.get("why", "")))
    return cases


def languages():
    return sorted(path.stem for path in SET_DIRECTORY.glob("*.toml"))


def translation_keys(slugs):
    """{English slug: translation key} of the expected pages, in one query."""
    return dict(
        Page.objects.filter(slug__in=slugs, locale__language_code=settings.LANGUAGE_CODE).values_list(
            "slug", "translation_key"
        )
    )


def run_case(case, keys):
    outcome = run_search({"q": case.query}, case.language, record=False)
    hits = [hit for hit in outcome.promotions + outcome.hits if hit.page is not None]
    wanted = {keys[slug] for slug in case.expected if slug in keys}
    rank = next(
        (number for number, hit in enumerate(hits, start=1) if hit.page.translation_key in wanted), None
    )
    return Outcome(case, rank, [hit.title for hit in hits[:3]])


def evaluate(language):
    cases = load_cases(language)
    keys = translation_keys({slug for case in cases for slug in case.expected})
    missing = {slug for case in cases for slug in case.expected} - set(keys)
    if missing:
        raise LookupError(f"The relevance set names pages the site does not have: {sorted(missing)}")
    return Scores(language, [run_case(case, keys) for case in cases])


def report(scores_by_language, backend):
    """Markdown table rows: backend, language, cases, MRR, top-1, top-3, cases failing."""
    lines = []
    for scores in scores_by_language:
        lines.append(
            f"| {backend} | {scores.language} | {scores.count} | {scores.mrr:.3f} | "
            f"{scores.top1:.0%} | {scores.top3:.0%} | {len(scores.failures)} |"
        )
    return lines


REPORT_HEADER = [
    "| backend | language | cases | MRR | top-1 | top-3 | failing |",
    "|---|---|---:|---:|---:|---:|---:|",
]
