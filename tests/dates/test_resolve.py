"""resolve_date: the ACLED date rules on expressions written for the tests."""

from __future__ import annotations

import pytest

from wirecoder.stages.dates import resolve_date

FRIDAY = "2025-09-05"


def value(text, published=FRIDAY):
    r = resolve_date(text, published)
    return (r.value, r.time_precision) if r else None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("on Friday", "2025-09-05"),  # the report's own weekday is that day
        ("Thursday", "2025-09-04"),  # the day before, never a later Thursday
        ("on Saturday", "2025-08-30"),
        ("last Friday", "2025-08-29"),
        ("Sunday night", "2025-08-31"),
        ("early on Monday", "2025-09-01"),
    ],
)
def test_weekday_rule(text, expected):
    assert value(text) == (expected, 1)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("yesterday", ("2025-09-04", 1)),
        ("today", ("2025-09-05", 1)),
        ("last night", ("2025-09-04", 1)),
        ("two days ago", ("2025-09-03", 1)),
        ("September 2", ("2025-09-02", 1)),
        ("the 2nd of September", ("2025-09-02", 1)),
        ("December 30", ("2024-12-30", 1)),  # a day-month later than the report is last year's
        ("on 2 January 2021", ("2021-01-02", 1)),
        ("January 2, 2021", ("2021-01-02", 1)),
        ("last week", ("2025-08-28", 2)),  # the middle of the previous week
        ("last month", ("2025-08-15", 3)),
        ("in October", ("2024-10-15", 3)),
        ("in March last year", ("2024-03-15", 3)),  # a month of last year, not a year-long period
        ("August of this year", ("2025-08-15", 3)),
    ],
)
def test_relative_and_explicit_dates(text, expected):
    assert value(text) == expected


def test_earlier_this_month_is_mid_month_but_never_after_the_report():
    assert value("earlier this month", "2025-09-20") == ("2025-09-15", 3)
    assert value("earlier this month", "2025-09-05") == ("2025-09-05", 3)


def test_muc_style_dates_use_the_right_century():
    assert value("4 FEB 90", "1990-02-04") == ("1990-02-04", 1)
    assert value("3 FEBRUARY", "1990-02-04") == ("1990-02-03", 1)


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("for the past two decades", "2005", "2025"),
        ("since 2019", "2019", "2025-09-05"),
        ("in recent days", None, "2025-09-05"),
        ("between 2005 and 2010", "2005", "2010"),
        ("the early 1980's", "1980", "1989"),
        ("the past week", "2025-08-29", "2025-09-05"),
    ],
)
def test_periods(text, start, end):
    r = resolve_date(text, FRIDAY)
    assert r.kind == "period" and (r.period_start, r.period_end) == (start, end)


def test_years_and_non_dates():
    r = resolve_date("in 2019", FRIDAY)
    assert (r.kind, r.value) == ("year", "2019")
    assert resolve_date("last year", FRIDAY).value == "2024"
    assert resolve_date("weekly", FRIDAY) is None
    assert resolve_date("decades", FRIDAY) is None


def test_numeric_dates_go_to_dateparser():
    assert value("12/03/2024") is not None


def test_relative_dates_need_a_publication_date():
    assert resolve_date("Thursday", None) is None
    assert value("2 January 2021", None) == ("2021-01-02", 1)


def test_no_guessing_from_today_without_a_publication_date():
    assert resolve_date("in November", None) is None
    assert value("16 March", "1989-03-12") == ("1989-03-16", 1)  # announced, same year


def test_calendar_edges_give_none_not_errors():
    assert value("March 31", "9999-12-31") == ("9999-03-31", 1)
    assert resolve_date("last week", "0001-01-02") is None
