"""Calendar arithmetic for period resolution: month ends, shifts, fiscal years, the Iranian year."""
from __future__ import annotations

import calendar
import datetime as dt

from tradeclaims.models import Period

__all__ = [
    "FISCAL_START",
    "FISCAL_LABEL_NAMES_START",
    "month_end",
    "month_last_day",
    "add_months",
    "shift_date",
    "shift_period",
    "is_whole_months",
    "fiscal_year_start",
    "fiscal_year_containing",
    "nowruz",
    "iranian_year_of",
    "iranian_month_span",
]

#: First month of the fiscal year, by ISO alpha-3 reporter (CLAIMS.md "Fiscal years and seasons").
FISCAL_START: dict[str, int] = {
    "IND": 4, "JPN": 4, "GBR": 4, "CAN": 4, "HKG": 4,
    "PAK": 7, "BGD": 7, "AUS": 7, "NZL": 7, "EGY": 7, "KEN": 7,
    "USA": 10,
}

#: Reporters whose single-year fiscal label names the year the fiscal year STARTS in. Japan's
#: "fiscal 2023" / "the 2023 financial year" is April 2023 - March 2024 (the dev article spells it
#: out), unlike India's "FY24" which ends in March 2024; everyone else follows the CLAIMS.md rule.
FISCAL_LABEL_NAMES_START: frozenset[str] = frozenset({"JPN"})


def month_last_day(year: int, month: int) -> int:
    """Number of days in ``month`` of ``year``.

    >>> month_last_day(2024, 2), month_last_day(2023, 2), month_last_day(2024, 9)
    (29, 28, 30)
    """
    return calendar.monthrange(year, month)[1]


def month_end(year: int, month: int) -> dt.date:
    """The last day of a month.

    >>> month_end(2024, 2)
    datetime.date(2024, 2, 29)
    """
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` moved by whole months, clamped to the end of a shorter month.

    >>> add_months(dt.date(2024, 1, 31), 1)
    datetime.date(2024, 2, 29)
    >>> add_months(dt.date(2024, 3, 21), -13)
    datetime.date(2023, 2, 21)
    """
    index = day.year * 12 + day.month - 1 + months
    year, month0 = divmod(index, 12)
    last = calendar.monthrange(year, month0 + 1)[1]
    return dt.date(year, month0 + 1, min(day.day, last))


def shift_date(day: dt.date, *, years: int = 0, months: int = 0) -> dt.date:
    """``day`` moved by years and months (Feb 29 becomes Feb 28 in a common year).

    >>> shift_date(dt.date(2024, 2, 29), years=-1)
    datetime.date(2023, 2, 28)
    """
    return add_months(day, years * 12 + months)


def is_whole_months(start: dt.date, end: dt.date) -> bool:
    """True when ``start..end`` begins on a 1st and ends on a month's last day.

    >>> is_whole_months(dt.date(2024, 1, 1), dt.date(2024, 2, 29))
    True
    >>> is_whole_months(dt.date(2024, 10, 1), dt.date(2024, 10, 20))
    False
    """
    return start.day == 1 and end.day == calendar.monthrange(end.year, end.month)[1]


def shift_period(period: Period, *, years: int = 0, months: int = 0) -> Period:
    """The same span of the calendar moved by ``years`` and ``months``, month-end aware.

    A period made of whole months stays whole months (its end snaps to the last day of the
    target month, so February keeps its right length); any other period moves day by day,
    clamped. The grain is kept; ``text`` is dropped because the shifted dates are no longer
    what the text said.

    Args:
        period: The period to move.
        years: Whole years to add (negative for earlier).
        months: Whole months to add (negative for earlier).

    Returns:
        A new :class:`~tradeclaims.models.Period`.

    >>> p = Period(start=dt.date(2024, 2, 1), end=dt.date(2024, 2, 29), grain="month")
    >>> q = shift_period(p, years=-1)
    >>> q.start, q.end, q.grain
    (datetime.date(2023, 2, 1), datetime.date(2023, 2, 28), 'month')
    >>> r = shift_period(Period(start=dt.date(2024, 10, 1), end=dt.date(2024, 10, 20)), years=-1)
    >>> r.start, r.end
    (datetime.date(2023, 10, 1), datetime.date(2023, 10, 20))
    >>> shift_period(p, months=-1).end
    datetime.date(2024, 1, 31)
    """
    delta = years * 12 + months
    start = add_months(period.start, delta)
    if is_whole_months(period.start, period.end):
        end = add_months(period.end, delta)
        end = month_end(end.year, end.month)
    else:
        end = add_months(period.end, delta)
    return Period(start=start, end=end, grain=period.grain, text=None)


def fiscal_year_start(start_month: int, label_start_year: int) -> tuple[dt.date, dt.date]:
    """First and last day of the fiscal year that starts in ``start_month`` of ``label_start_year``.

    >>> fiscal_year_start(7, 2019)
    (datetime.date(2019, 7, 1), datetime.date(2020, 6, 30))
    >>> fiscal_year_start(1, 2019)
    (datetime.date(2019, 1, 1), datetime.date(2019, 12, 31))
    """
    start = dt.date(label_start_year, start_month, 1)
    end = add_months(start, 11)
    return start, month_end(end.year, end.month)


def fiscal_year_containing(start_month: int, day: dt.date) -> tuple[dt.date, dt.date]:
    """The fiscal year (starting in ``start_month``) that contains ``day``.

    >>> fiscal_year_containing(4, dt.date(2022, 5, 13))
    (datetime.date(2022, 4, 1), datetime.date(2023, 3, 31))
    >>> fiscal_year_containing(7, dt.date(2016, 6, 1))
    (datetime.date(2015, 7, 1), datetime.date(2016, 6, 30))
    """
    year = day.year if day.month >= start_month else day.year - 1
    return fiscal_year_start(start_month, year)


# ----------------------------------------------------------------------------------------------
# Iranian (Solar Hijri) year. Nowruz falls on 20 or 21 March depending on the 33-year leap
# cycle, so a fixed "21 March" would be a day off in years like 1399 (2020-03-20); the leap
# arithmetic below is Borkowski's algorithm (the one behind the jalaali libraries), reduced to
# the one thing period resolution needs: the Gregorian date of 1 Farvardin.
# ----------------------------------------------------------------------------------------------

_BREAKS = (-61, 9, 38, 199, 426, 686, 756, 818, 1111, 1181, 1210, 1635, 2060, 2097, 2192,
           2262, 2324, 2394, 2456, 3178)


def _div(a: int, b: int) -> int:
    # The published algorithm truncates toward zero, unlike Python's floor division.
    q = abs(a) // abs(b)
    return q if (a >= 0) == (b > 0) else -q


def _mod(a: int, b: int) -> int:
    return a - _div(a, b) * b


def nowruz(jy: int) -> dt.date:
    """The Gregorian date of 1 Farvardin of Iranian year ``jy``.

    >>> nowruz(1398), nowruz(1399), nowruz(1402)
    (datetime.date(2019, 3, 21), datetime.date(2020, 3, 20), datetime.date(2023, 3, 21))
    """
    if not _BREAKS[0] <= jy < _BREAKS[-1]:
        raise ValueError(f"Iranian year out of range: {jy}")
    gy = jy + 621
    leap_j = -14
    jp = _BREAKS[0]
    jump = 0
    for jm in _BREAKS[1:]:
        jump = jm - jp
        if jy < jm:
            break
        leap_j += _div(jump, 33) * 8 + _div(_mod(jump, 33), 4)
        jp = jm
    n = jy - jp
    leap_j += _div(n, 33) * 8 + _div(_mod(n, 33) + 3, 4)
    if _mod(jump, 33) == 4 and jump - n == 4:
        leap_j += 1
    leap_g = _div(gy, 4) - _div((_div(gy, 100) + 1) * 3, 4) - 150
    return dt.date(gy, 3, 20 + leap_j - leap_g)


def iranian_year_of(day: dt.date) -> int:
    """The Iranian year that contains ``day``.

    >>> iranian_year_of(dt.date(2019, 5, 31)), iranian_year_of(dt.date(2019, 3, 20))
    (1398, 1397)
    """
    jy = day.year - 621
    return jy if day >= nowruz(jy) else jy - 1


def iranian_month_span(jy: int, index: int) -> tuple[dt.date, dt.date]:
    """First and last Gregorian day of month ``index`` (0 = Farvardin) of Iranian year ``jy``.

    Months 1-6 have 31 days, 7-11 have 30, and Esfand ends the day before the next Nowruz.

    >>> iranian_month_span(1398, 0)
    (datetime.date(2019, 3, 21), datetime.date(2019, 4, 20))
    >>> iranian_month_span(1402, 3)
    (datetime.date(2023, 6, 22), datetime.date(2023, 7, 22))
    >>> iranian_month_span(1398, 11)
    (datetime.date(2020, 2, 20), datetime.date(2020, 3, 19))
    """
    jy += index // 12
    index %= 12
    first = nowruz(jy)
    offset = index * 31 if index <= 6 else 186 + (index - 6) * 30
    start = first + dt.timedelta(days=offset)
    if index == 11:
        end = nowruz(jy + 1) - dt.timedelta(days=1)
    else:
        end = start + dt.timedelta(days=(31 if index < 6 else 30) - 1)
    return start, end
