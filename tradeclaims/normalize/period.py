"""Period expressions in news sentences: find them and resolve them to calendar dates."""
from __future__ import annotations

import datetime as dt
import re
from typing import Callable, NamedTuple, Optional

from tradeclaims.models import Period
from tradeclaims.normalize._regex import first_char_filtered as _fast, sentence_cache, trie as _trie
from tradeclaims.normalize._calendar import (
    FISCAL_LABEL_NAMES_START,
    FISCAL_START,
    add_months,
    fiscal_year_containing,
    fiscal_year_start,
    iranian_month_span,
    iranian_year_of,
    is_whole_months,
    month_end,
    nowruz,
    shift_period,
)

__all__ = ["FoundPeriod", "find_periods", "parse_period", "shift_period"]


class FoundPeriod(NamedTuple):
    """One period expression found in a text.

    Attributes:
        start: Offset of the first character in the text passed to :func:`find_periods`.
        end: Offset just past the last character.
        text: ``text[start:end]``.
        period: The resolved period, or None when it cannot be resolved (no year known, a
            fiscal year of a country without a known convention, a relative expression
            without a reference, an anaphor such as "the month").
        relative: True when the expression names a period relative to the claim's current
            period ("the same period last year", "a year earlier", "the previous month").
    """

    start: int
    end: int
    text: str
    period: Optional[Period]
    relative: bool


# ==============================================================================================
# Regex building blocks. Patterns are written with ⟨NAME⟩ placeholders (regex braces and
# f-strings do not mix) and compiled once at import. Month names are case-sensitive on purpose:
# "may" and "march" are verbs; keywords are case-insensitive through scoped (?i:...) groups.
# ==============================================================================================

_MONTH_FORMS = (
    ("January", ("Jan",)), ("February", ("Feb",)), ("March", ("Mar",)), ("April", ("Apr",)),
    ("May", ()), ("June", ("Jun",)), ("July", ("Jul",)), ("August", ("Aug",)),
    ("September", ("Sept", "Sep")), ("October", ("Oct",)), ("November", ("Nov",)),
    ("December", ("Dec",)),
)
_MONTH_NUM = {full[:3].lower(): i for i, (full, _) in enumerate(_MONTH_FORMS, start=1)}


def _month_alternation() -> str:
    words: list[str] = []
    for full, abbrs in _MONTH_FORMS:
        words += [full, full.upper()]
        for abbr in abbrs:
            words += [abbr, abbr.upper(), abbr + ".", abbr.upper() + "."]
    return r"(?<![A-Za-z])" + _trie(words) + r"(?![A-Za-z])"


_NUM_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
}

_PIECES = {
    # any month form, abbreviations with or without a dot
    "M": _month_alternation(),
    # a day of the month, not part of a longer number or a decimal
    "D": r"(?<![\d.,:])(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d|[.,:]\d)",
    # a four-digit year
    "Y": r"(?<![\d.,$€£¥])(?:19|20)\d\d(?!\d)",
    # a small count, in digits or words
    "N": r"(?:\d{1,2}(?!\d)|(?i:" + _trie(list(_NUM_WORDS)) + r")(?![a-z]))",
    # what joins the two ends of a range
    # "January-April", "January to April", "between January and the end of April", "to end-April"
    "SEP": r"(?:\s*[-–—/]\s*|\s+(?i:to|through|thru|till|until|and)\s+)(?:(?i:the\s+end\s+of|end-?)\s*)?",
    # what joins a sub-period to the year or fiscal year it belongs to
    "CONN": r"(?:\s*,\s*|\s+)(?:(?i:of|in|for|during)\s+)?",
    # a year may not be a quantity: "2000 tonnes", "2024 units", "1,2020", "2019.5"
    "YG": r"""(?![\dA-Za-z]|[.,]\d|-[A-Za-z]|\s*(?:%|(?i:percent|per\s*cent|pct|tonnes?|tons?|t|mt|kg|kilo\w*|lbs?|
             pounds|units|vehicles|cars|barrels|bbl|containers|teus?|people|persons|workers|jobs|
             companies|firms|enterprises|products|items|head|cattle|hectares|ha|km|miles|mw|gw|kwh|
             billion|million|trillion|bn|mn|dollars|euros|yuan|yen|rupees|times)\b))""",
}


def _x(pattern: str, **extra: str) -> str:
    """Expand ⟨NAME⟩ placeholders (extra ones first, they may contain the base ones)."""
    for name, value in extra.items():
        pattern = pattern.replace(f"⟨{name}⟩", value)
    for name, value in _PIECES.items():
        pattern = pattern.replace(f"⟨{name}⟩", value)
    if "⟨" in pattern:
        raise AssertionError(f"unexpanded placeholder in {pattern[:80]!r}")
    return pattern


def _container(p: str, bare_year: bool = True, short_year: bool = True) -> str:
    """The year-like expression a sub-period belongs to, with group names prefixed by ``p``.

    The alternatives are ordered so that, at one position, the longer reading is tried first
    ("the 2019-20 financial year" before "2019-20" before "2019").
    """
    alts = [
        # a season or fiscal year whose months the text spells out:
        # "the season that runs from July 2020 to June 2021"
        r"""(?:(?i:the)\s+)?(?:(?i:current|this)\s+)?
            (?i:season|marketing\s+year|crop\s+year|fiscal\s+year|financial\s+year)\s*,?\s*
            (?:(?i:that|which)\s+)?
            (?i:runs?|ran|running|lasts?|lasted|lasting|stretch(?:es|ing)?|extend(?:s|ing)?|span(?:s|ning)?|cover(?:s|ing)?)
            \s+(?i:from)\s+(?P<⟨p⟩sdm1>⟨M⟩)(?:\s+(?P<⟨p⟩sdy1>⟨Y⟩))?⟨SEP⟩
            (?P<⟨p⟩sdm2>⟨M⟩)(?:\s*,?\s*(?P<⟨p⟩sdy2>⟨Y⟩))?""",
        # a fiscal-year code: "FY2023-24", "FY24", "FY 2016", "FY'24", "FY2022/23"
        r"""(?:(?i:the)\s+)?(?<![a-z])(?:FY|F\.Y\.)\s*['’-]?\s*
            (?P<⟨p⟩fc1>(?:19|20)?\d\d)(?:\s*[-–/]\s*(?P<⟨p⟩fc2>(?:19|20)?\d\d))?(?!\d)""",
        # fiscal words then the label: "fiscal 2024", "fiscal year 2015-2016",
        # "the current fiscal year 2015-2016", "financial year 2019-20"
        r"""(?:(?i:the)\s+)?(?:(?i:current|present|ongoing|whole|entire|full)\s+)?
            (?i:fiscal|financial)(?:\s+(?i:year))?\s+(?:(?i:of)\s+)?
            (?P<⟨p⟩fw1>(?:19|20)\d\d)(?:\s*[-–/]\s*(?P<⟨p⟩fw2>(?:19|20)?\d\d))?(?!\d)""",
        # the label then fiscal words: "the 2019-20 financial year", "the 2023 financial year"
        r"""(?:(?i:the)\s+)?(?:(?i:whole|entire|full)\s+)?
            (?P<⟨p⟩lf1>(?:19|20)\d\d)(?:\s*[-–/]\s*(?P<⟨p⟩lf2>(?:19|20)?\d\d))?(?!\d)
            \s+(?i:fiscal|financial)(?:\s+(?i:year))?""",
        # an Iranian year: "the current Iranian calendar year", "the Iranian year 1398"
        r"""(?:(?i:the)\s+)?(?:(?P<⟨p⟩ird>(?i:current|this|last|previous|preceding|past|next))\s+)?
            (?P<⟨p⟩irk>(?i:Iranian))\s+(?:(?i:calendar|fiscal|solar)\s+)?(?i:year)
            (?:\s+(?P<⟨p⟩iry>1[34]\d\d)(?!\d))?""",
        # a fiscal year named by its position: "the current fiscal year", "last financial year"
        r"""(?:(?i:the)\s+)?
            (?P<⟨p⟩fd>(?i:current|present|ongoing|this|last|previous|preceding|prior|past|next|coming))\s+
            (?:(?i:fiscal|financial)(?:\s+(?i:year))?|FY)(?![\w-])""",
        # "the fiscal year" with no label: whichever one the context means
        r"""(?P<⟨p⟩ff>(?i:the)\s+(?i:fiscal|financial)\s+(?i:year))""",
        # a split year: "2020-21", "2019/20", "the 2013-2014 season", "2022/23 marketing year"
        r"""(?:(?i:the)\s+)?(?P<⟨p⟩sp1>(?:19|20)\d\d)\s*[-–/]\s*(?P<⟨p⟩sp2>(?:19|20)?\d\d)(?![\d/-])
            (?:\s+(?P<⟨p⟩sps>(?i:season|marketing\s+year|crop\s+year|crop|harvest|campaign)))?""",
        # a year named by its position: "this year", "last year", "the previous year"
        r"""(?P<⟨p⟩dy>(?i:this|last|next|the\s+current|the\s+present|the\s+previous|the\s+preceding|
            the\s+prior|the\s+past|the\s+same))\s+(?:(?i:calendar)\s+)?(?i:year)(?![\w-])""",
        # "the year 2016", "calendar year 2023", "CY2023"
        r"""(?:(?:(?i:the)\s+)?(?:(?i:calendar)\s+)?(?i:year)\s+|(?<![A-Za-z])CY\s?)
            (?P<⟨p⟩cy>(?:19|20)\d\d)(?!\d)""",
        # "the year": whichever one the context means
        r"""(?P<⟨p⟩ty>(?i:the)\s+(?i:year))(?![\w-])""",
        # an Iranian year number on its own: "1398" (used only for Iranian reporters)
        r"""(?<![\d.,$])(?P<⟨p⟩iry2>1[34]\d\d)⟨YG⟩""",
    ]
    if short_year:
        # an abbreviated year: "'24"
        alts.append(r"""['’](?P<⟨p⟩yy>\d\d)(?!\d)""")
    if bare_year:
        # a plain year
        alts.append(r"""(?P<⟨p⟩y>⟨Y⟩)⟨YG⟩""")
    end_clause = r"""
        (?:\s*,?\s*(?:(?i:which|that)\s+)?
           (?P<⟨p⟩ev>(?i:ended|ending|ends|began|beginning|begins|started|starting|starts))\s+
           (?:(?i:on|in)\s+)?(?P<⟨p⟩em>⟨M⟩)(?:\s+(?P<⟨p⟩ed>⟨D⟩))?(?:\s*,?\s*(?P<⟨p⟩ey>⟨Y⟩))?)?"""
    body = "(?:" + "|".join(alts) + ")" + end_clause
    return _x(body.replace("⟨p⟩", p))


# ----------------------------------------------------------------------------------------------
# The rules. Each one is a pattern and a handler; all rules run, and overlapping candidates are
# settled longest-first (ties: earlier rule), so a rule never has to know about the others.
# ----------------------------------------------------------------------------------------------

_F = re.VERBOSE

_RX_DATE = re.compile(_x(r"""
      ⟨M⟩\s+⟨D⟩(?:\s*,?\s*⟨Y⟩)?                         # American: "July 13, 2023", "Jan. 8", "Nov 8"
    | ⟨D⟩\s+(?:(?i:of)\s+)?⟨M⟩(?:\s*,?\s*⟨Y⟩)?           # British: "30 October 2020", "8th of June"
"""), _F)

_RX_NUMDATE = re.compile(_x(r"""
      (?<!\d)(?:19|20)\d\d-[01]\d-[0-3]\d(?!\d)          # ISO: "2023-07-13"
    | (?<![\d/.])[0-3]?\d[/.][01]?\d[/.](?:19|20)?\d\d(?![\d/.])   # numeric: "04/04/2014"
"""), _F)

_RX_DAYRANGE = re.compile(_x(r"""
    (?:(?:(?i:the|a)\s+)?(?i:period)\s+)?(?:(?P<from>(?i:from|between))\s+)?(?:(?i:the)\s+)?
    (?:
        # American: "January 1 to 20, 2023", "Oct. 1 to 20", "Dec. 1-20", "March 21-July 22"
        (?P<am1>⟨M⟩)\s+(?P<ad1>⟨D⟩)(?:\s*,?\s*(?P<ay1>⟨Y⟩))?
        (?:\s*[-–—]\s*|\s+(?i:to|through|thru|till|until|and)\s+)
        (?:(?P<am2>⟨M⟩)\s+)?(?P<ad2>⟨D⟩)(?:\s*,?\s*(?P<ay2>⟨Y⟩))?
      |
        # British: "01 January to 30 September 2020", "1-20 October"
        (?P<bd1>⟨D⟩)(?:\s+(?:(?i:of)\s+)?(?P<bm1>⟨M⟩)(?:\s*,?\s*(?P<by1>⟨Y⟩))?)?
        (?:\s*[-–—]\s*|\s+(?i:to|through|till|until|and)\s+)(?:(?i:the)\s+)?
        (?P<bd2>⟨D⟩)\s+(?:(?i:of)\s+)?(?P<bm2>⟨M⟩)(?:\s*,?\s*(?P<by2>⟨Y⟩))?
    )
    (?:\s+(?i:period))?
"""), _F)

_RX_DAYSOF = re.compile(_x(r"""
    (?:(?i:the|its)\s+)?(?:(?i:first)\s+)?(?P<n>⟨N⟩)[\s-]+(?i:days)\s+(?i:of)\s+  # "the first 20 days of"
    (?:(?P<m>⟨M⟩)(?:\s*,?\s*(?P<y>⟨Y⟩))?                                       # "October 2024"
      |(?P<this>(?i:this|the|the\s+current)\s+(?i:month)))                      # "this month"
"""), _F)

_RX_MONTHRANGE = re.compile(_x(r"""
    (?:(?:(?i:the|a)\s+)?(?i:period)\s+(?:(?i:of)\s+)?)?  # "the period from January through June"
    (?:(?P<from>(?i:from|between))\s+)?(?:(?i:the)\s+)?
    (?:(?P<cur>(?i:current|latest))\s+)?                 # "the current October-December period"
    (?P<m1>⟨M⟩)(?:\s*,?\s*(?P<y1>⟨Y⟩))?(?P<sep>⟨SEP⟩)
    (?P<m2>⟨M⟩)
    (?:\s+(?P<w>(?i:period|quarter|months)))?            # "the January-June period"
    (?:⟨CONN⟩⟨C⟩)?                                       # "2025", "of this year", "of the current fiscal year 2015-2016"
    (?:\s+(?P<w2>(?i:period|quarter|months)))?
""", C=_container("c_")), _F)

_RX_FIRSTN = re.compile(_x(r"""
    (?:
        (?:(?i:the|its|their)\s+)?(?i:first|initial|opening)[\s-]+(?P<n>⟨N⟩)[\s-]+  # "the first nine months"
        (?P<u>(?i:months|quarters))
      | (?P<the>(?i:the))\s+(?P<n2>⟨N⟩)\s+(?i:months)(?![\w-])                      # "the 11 months"
      | (?:(?i:the)\s+)?(?P<one>(?i:first))[\s-]+(?i:month)(?![\w-])                 # "the first month"
      | (?<![\w.])(?P<nm>[1-9]|1[01])M(?=\s*['’]?\d\d|\s*FY|\s+(?:19|20)\d\d)        # "9M 2024", "9MFY24"
    )
    (?:(?:⟨CONN⟩|\s*(?=FY))⟨C⟩)?
""", C=_container("c_")), _F)

_RX_HALFQ = re.compile(_x(r"""
    (?:
        (?:(?i:the)\s+)?                                                            # "the first half", "third quarter"
        (?P<o>(?i:first|second|third|fourth|final|last|latter|1st|2nd|3rd|4th))[\s-]+
        (?P<u>(?i:quarter|half))(?:[\s-](?i:year)(?![\w-]))?
        (?:⟨CONN⟩⟨C⟩)?
      |
        (?<![A-Za-z0-9])(?:Q(?P<qa>[1-4])|(?P<qb>[1-4])Q)                            # "Q3", "3Q24", "Q1 FY25"
        (?:\s*[-–]\s*Q(?P<qz>[1-4]))?                                                 # "Q1-Q3 2024"
        (?:['’]?(?P<qyy>\d\d)(?!\d))?(?![A-EG-Za-z0-9])
        (?:(?:\s*[-/,]?\s*|\s+(?i:of|in)\s+)⟨C2⟩)?
      |
        (?<![A-Za-z0-9])(?:H(?P<ha>[12])|(?P<hb>[12])H)                              # "H1 2024", "1H24", "H1"
        (?:['’]?(?P<hyy>\d\d)(?!\d))?(?![A-EG-Za-z0-9])
        (?:(?:\s*[-/,]?\s*|\s+(?i:of|in)\s+)⟨C3⟩)?
    )
""", C=_container("c_"), C2=_container("d_"), C3=_container("e_")), _F)

_RX_MQUARTER = re.compile(_x(r"""
    (?:(?i:the)\s+)?(?P<m>⟨M⟩)(?:\s+(?P<y>⟨Y⟩))?\s+(?i:quarter)(?![\w-])           # "the September quarter"
"""), _F)

_RX_TO = re.compile(_x(r"""
    (?:(?i:the|a)\s+)?
    (?:(?P<n>⟨N⟩|(?i:a))[\s-]+)?(?P<u>(?i:months?|quarters?|years?))                # "the three months", "the year"
    (?:[\s-]+(?i:period))?
    \s+(?i:to|ended|ending|through|thru|till|until|up\s+to)(?:\s+(?i:in|on))?\s+   # "to", "ending in"
    (?:(?:(?i:the\s+)?(?i:end)(?:\s+(?i:of)\s+|-)))?                                # "end-March"
    (?P<m>⟨M⟩)(?:\s+(?P<d>⟨D⟩))?(?:\s*,?\s*(?P<y>⟨Y⟩))?
"""), _F)

_RX_THROUGH = re.compile(_x(r"""
    (?<![\w-])(?P<tw>(?i:through|thru|until|till|up\s+to|by))\s+                  # cumulative from January
    (?:(?i:the\s+)?(?i:end)(?:\s+(?i:of)\s+|-))?
    (?P<m>⟨M⟩)(?:⟨CONN⟩⟨C⟩)?
""", C=_container("c_")), _F)

_RX_SOFAR = re.compile(_x(r"""
      # "so far this year", "so far in the season that runs from July to June"
      (?i:so\s+far|thus\s+far|to\s+date)\s+(?:(?i:in|this|for|during)\s+)?⟨C⟩
    | ⟨C2⟩\s+(?i:so\s+far|to\s+date|thus\s+far)                                     # "this year so far"
    | (?:(?i:the)\s+)?(?P<ytd>(?i:year[\s-]to[\s-]date|YTD))(?![\w-])              # "year-to-date"
""", C=_container("c_", bare_year=True), C2=_container("d_")), _F)

_RX_TRAIL = re.compile(_x(r"""
      (?:(?i:the)\s+)?(?P<w>(?i:past|last|latest|trailing|rolling|recent))\s+      # "the past 12 months"
      (?P<n>⟨N⟩)[\s-]+(?i:months)(?![\w-])
    | (?:(?i:the)\s+)?(?i:past)\s+(?P<year>(?i:year))(?![\w-])                     # "the past year"
    | (?<![\w-])(?P<n12>(?i:12|twelve))-(?i:month)(?=\s+(?:[\w'’-]+\s+){0,2}?      # "12-month exports"
      (?i:exports?|imports?|trade|shipments|sales|deficit|surplus|turnover|totals?|figures?|sum|value)\b)
"""), _F)

_RX_RELATIVE = re.compile(_x(r"""
    (?:
        (?:(?i:the|a|its|their)\s+)?
        (?P<adj>(?i:same|corresponding|comparable|equivalent|similar|like|year[\s-]earlier|
                  year[\s-]ago|year[\s-]before|prior[\s-]year|previous[\s-]year|
                  last\s+year['’]s(?:\s+same)?))\s+
        (?P<u>(?i:⟨N⟩[\s-]+months?(?:\s+period)?|⟨N⟩[\s-]+(?:month|day)\s+period|
                period|time\s*frame|time\s+span|timeframe|time|months?|quarters?|half|season|
                interval|span|stretch|window|levels?|figures?))(?![\w-])
      | (?P<thistime>(?i:this\s+time))                                              # "this time last year"
    )
    (?:\s*,?\s*(?:(?i:of|in|during|for|from|over)\s+)?(?:
        (?P<ya>(?i:a|one|two|three|four|five|\d))\s+(?i:years?)\s+(?i:earlier|ago|before|previously)
      | (?:(?i:the)\s+)?(?P<ly>(?i:last|previous|preceding|prior|past))\s+
        (?:(?i:fiscal|financial|calendar|Iranian)\s+)?(?:(?i:calendar)\s+)?(?P<lyu>(?i:year|season))(?![\w-])
      | (?P<yb>(?i:the\s+year\s+before))
      | (?P<mon>⟨M⟩)(?![\w-]|\s+(?:⟨D⟩|(?:19|20)\d\d))     # "the same period in October"
      | ⟨C⟩
    ))?
""", C=_container("c_")), _F)

_RX_RELSIMPLE = re.compile(_x(r"""
      (?<![\w-])(?P<yn>(?i:a|one|two|three|four|five|\d))\s+(?P<yu>(?i:years?|months?|quarters?))\s+
      (?i:earlier|ago|before|previously)(?![\w-])                                   # "a year earlier", "a month ago"
    | (?:(?i:the)\s+)?(?P<pw>(?i:previous|preceding|prior))\s+                       # "the previous month"
      (?P<pu>(?i:month|quarter|season|half))(?![\w-])
    | (?:(?i:the)\s+)?(?i:previous|preceding|prior)\s+(?P<pn>⟨N⟩)[\s-]+(?i:months?)(?:\s+(?i:period))?(?![\w-])
      # "the previous three months", "the previous six-month period"
    | (?i:the)\s+(?P<bu>(?i:year|month|quarter))\s+(?i:before)(?!\s+(?i:last))(?![\w-])   # "the year before"
"""), _F)

_RX_DEICTIC = re.compile(_x(r"""
    (?<![\w-])(?P<w>(?i:last|this|next|the\s+current|the\s+present|the\s+past))\s+   # "last month", "this quarter"
    (?P<u>(?i:month|quarter))(?![\w-])
"""), _F)

_RX_MONTH = re.compile(_x(r"""
    (?:(?i:the)\s+)?(?:(?i:month)\s+(?i:of)\s+)?
    (?P<m>⟨M⟩)
    (?:['’](?P<myy>\d\d)(?!\d)              # "Sep'24"
      |⟨CONN⟩⟨C⟩)?                          # "September 2015", "June this year", "May of the previous year"
    (?:\s+(?i:month)(?![\w-]))?             # "the November 2019 month"
""", C=_container("c_")), _F)

_RX_FULL = re.compile(_x(r"""
      (?:(?i:the|a)\s+)?(?P<w>(?i:full|whole|entire))[\s-]+(?i:year)(?![\w-])       # "full-year", "the whole year"
      (?:⟨CONN⟩⟨C⟩)?
    | (?:(?i:the)\s+)?(?P<all>(?i:whole|all))\s+(?i:of)\s+⟨C2⟩                      # "the whole of 2023"
    | (?i:the\s+year\s+as\s+a\s+whole)
""", C=_container("c_"), C2=_container("d_")), _F)

_RX_CONT = re.compile(_container("c_", bare_year=False, short_year=False), _F)
#: Every word a standalone container can start with (tests check this against the plain rule).
_CONT_FIRST_WORDS = tuple("""the current this season marketing crop fiscal financial present ongoing whole
    entire full iranian last previous preceding past next prior coming year calendar fy f.y. cy""".split())

_RX_YEARRANGE = re.compile(_x(r"""
    (?i:from|between)\s+(?P<y1>⟨Y⟩)\s+(?i:to|and|through|until|till)\s+(?P<y2>⟨Y⟩)   # "from 2019 to 2023"
"""), _F)

_RX_YEAR = re.compile(_x(r"""
    (?<![\w$€£¥#.,/:'’-])(?P<y>(?:19|20)\d\d|1[34]\d\d)⟨YG⟩      # "in 2009", "1398"
"""), _F)

_RX_ANAPHOR = re.compile(_x(r"""
      (?<![\w-])(?i:the|this|that)\s+(?:(?i:said|mentioned|above|aforementioned|reporting|review|reference)\s+)?
      (?:⟨N⟩[\s-]+(?i:month|day|week|year)\s+)?(?i:period)(?:\s+(?i:under\s+review))?(?![\w-])
                                                                  # "the period", "the six-month period"
    | (?<![\w-])(?i:the|this|that)\s+(?:(?i:reporting|review)\s+)?(?i:month|quarter)(?![\w-])   # "the month"
    | (?<![\w-])(?i:these|those|the\s+(?:said|mentioned|above|aforementioned))\s+⟨N⟩\s+(?i:months)(?![\w-])
"""), _F)

# Cheap gates, so that each rule runs only on sentences holding its trigger words.
# Each probe starts with a plain character class, which sre scans for quickly.
_RX_HAS_MON3 = re.compile(_trie([f[:3] for f, _ in _MONTH_FORMS] + [f[:3].upper() for f, _ in _MONTH_FORMS]))
_RX_HAS_MONTH = re.compile(_x(r"⟨M⟩"))
_RX_HAS_YEAR = re.compile(r"[12](?:(?<=1)[934]|(?<=2)0)\d\d")
_RX_HAS_CODE = re.compile(r"[QHFC1-9](?:(?<=[QH])[1-4]|(?<=[1-4])[QH]|(?<=[0-9])M|(?<=F)(?:Y|\.Y\.)|(?<=C)Y)")
# the standalone container rule is the costliest; bare years are the year rule's business
_RX_CONT_GATE = re.compile(r"""(?:this|last|next|current|present|previous|preceding|prior|past|same|the|calendar)
    \s+year\b|fiscal|financial|iranian|season|marketing\s+year|crop\s+year|[12]\d\d\d\s*[-–/]\s*\d\d""", re.X)

# Year-like numbers preceded by these are names, codes or quantities, not periods.
_NAME_BEFORE_YEAR = frozenset("""
    vision agenda expo plan strategy model version windows office iso cop class euro cup olympics
    games summit forum conference fair show awards award edition series no no. number route
    highway flight article section chapter page room suite block lot unit code hs item heading
    subheading tariff act law decree regulation directive resolution order standard roadmap
    programme program initiative horizon budget target goal phase about around nearly almost
    approximately roughly some
""".split())

# Capitalized words that may stand right before a year that IS a period.
_OK_BEFORE_YEAR = frozenset("""
    in during for since by of the from until till through to compared before after between and
    or over throughout across as at like versus vs while but against also both unlike last this
    fiscal calendar year full whole entire early late mid end beginning start than with
    exports imports trade export import surplus deficit total figures data growth shipments
    sales output record january february march april may june july august september october
    november december jan feb mar apr jun jul aug sep sept oct nov dec
""".split())

_RX_PREV_WORD = re.compile(r"([A-Za-z][A-Za-z.]*)(?:['’]s)?\W{0,2}$")

# "the season that runs from July to June" anywhere in the text fixes the months of the
# split-year labels ("2019/20") the same text uses.
_RX_SEASON_DEF = re.compile(_x(r"""
      (?i:season|marketing\s+year|crop\s+year)\s*,?\s*(?:(?i:that|which)\s+)?
      (?i:runs?|ran|running|lasts?|lasted|lasting|stretch(?:es|ing)?|extend(?:s|ing)?|span(?:s|ning)?|cover(?:s|ing)?)
      \s+(?i:from)\s+(?P<m1>⟨M⟩)(?:\s+⟨Y⟩)?⟨SEP⟩(?P<m2>⟨M⟩)                          # "... runs from July 2020 to June 2021"
    | (?i:season|marketing\s+year|crop\s+year)\s*\(\s*(?P<m3>⟨M⟩)⟨SEP⟩(?P<m4>⟨M⟩)\s*\)   # "season (July-June)"
"""), _F)

_RX_OPEN_PAREN = re.compile(r"\s*\(\s*")
_RX_CLOSE_PAREN = re.compile(r"\s*\)")


# ==============================================================================================
# Resolution
# ==============================================================================================

class _Frame(NamedTuple):
    """A year-like container: a calendar, fiscal or Iranian year."""

    kind: str  # "cal" | "fiscal" | "iran"
    start: dt.date
    end: dt.date
    grain: str
    key: int  # cal: the year; fiscal: the year it starts in; iran: the Iranian year


class _C(NamedTuple):
    """What a matched container resolved to."""

    frame: Optional[_Frame] = None
    infer: Optional[tuple[str, int]] = None  # (kind, fiscal start month): pick the latest instance
    relative: bool = False
    anchor: Optional[int] = None  # a Gregorian year to place a year-less parenthetical in
    season: bool = False


class _R(NamedTuple):
    period: Optional[Period]
    relative: bool = False
    anchor: Optional[int] = None
    season: bool = False


_DROP = _R(None, anchor=-1)  # a sentinel: not a period, but it claims its span ("July 13, 2023" hides "2023")
_SKIP = _R(None, anchor=-2)  # a sentinel: not a period; shorter readings of the same text may still apply
_BARE_ABBREVIATIONS = frozenset({"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "oct", "nov", "dec"})


class _Ctx:
    __slots__ = ("published", "country", "reference", "text", "anchor_year", "_season")

    def __init__(self, published, country, reference, text):
        self.published: Optional[dt.date] = published
        self.country: Optional[str] = country
        self.reference: Optional[Period] = reference
        self.text: str = text
        self.anchor_year: Optional[int] = None
        self._season: object = ...

    @property
    def fiscal_start(self) -> Optional[int]:
        return FISCAL_START.get(self.country) if self.country else None

    @property
    def season_months(self) -> Optional[tuple[int, int]]:
        if self._season is ...:
            m = _RX_SEASON_DEF.search(self.text)
            if m is None:
                self._season = None
            else:
                a, b = (m["m1"], m["m2"]) if m["m1"] else (m["m3"], m["m4"])
                self._season = (_month(a), _month(b))
        return self._season  # type: ignore[return-value]


def _month(token: str) -> int:
    return _MONTH_NUM[token[:3].lower()]


def _num(token: str) -> int:
    token = token.lower()
    return _NUM_WORDS[token] if token in _NUM_WORDS else int(token)


def _full_year(token: str) -> int:
    value = int(token)
    if len(token) <= 2:
        return 2000 + value if value < 70 else 1900 + value
    return value


def _day(token: str) -> int:
    return int(token.rstrip("stndrdth"))


def _cal(year: int) -> _Frame:
    return _Frame("cal", dt.date(year, 1, 1), dt.date(year, 12, 31), "year", year)


def _fiscal(start_month: int, start_year: int) -> _Frame:
    start, end = fiscal_year_start(start_month, start_year)
    return _Frame("fiscal", start, end, "fiscal_year", start_year)


def _iran(jy: int) -> _Frame:
    start = nowruz(jy)
    return _Frame("iran", start, nowruz(jy + 1) - dt.timedelta(days=1), "year", jy)


def _make(kind: str, start_month: int, key: int) -> _Frame:
    if kind == "cal":
        return _cal(key)
    if kind == "iran":
        return _iran(key)
    return _fiscal(start_month, key)


def _frame_month(frame: _Frame, index: int) -> tuple[dt.date, dt.date]:
    if frame.kind == "iran":
        return iranian_month_span(frame.key, index)
    first = add_months(frame.start.replace(day=1), index)
    return first, month_end(first.year, first.month)


def _last_full_month_end(published: dt.date) -> dt.date:
    return published.replace(day=1) - dt.timedelta(days=1)


_Sub = Callable[[_Frame], Optional[tuple[dt.date, dt.date]]]


def _sub_months(i: int, j: int) -> _Sub:
    def sub(frame: _Frame):
        return _frame_month(frame, i)[0], _frame_month(frame, j)[1]
    return sub


def _sub_whole(frame: _Frame):
    return frame.start, frame.end


def _sub_named(m1: int, m2: int) -> _Sub:
    """Gregorian months m1..m2 inside a frame (a calendar year holds the range that ENDS in it)."""
    def sub(frame: _Frame):
        if frame.kind == "cal":
            y2 = frame.key
            y1 = y2 if m1 <= m2 else y2 - 1
        else:
            y1 = frame.start.year if m1 >= frame.start.month else frame.start.year + 1
            y2 = y1 if m2 >= m1 else y1 + 1
        start, end = dt.date(y1, m1, 1), month_end(y2, m2)
        if frame.kind != "cal" and (start < frame.start.replace(day=1) or end > month_end(frame.end.year, frame.end.month)):
            return None
        return start, end
    return sub


def _place(sub: _Sub, cont: Optional[_C], ctx: _Ctx) -> Optional[tuple[dt.date, dt.date]]:
    """Resolve a sub-period in its container, inferring the year from the publication date.

    With no year in the text, the latest instance that has ended by the end of the publication
    month wins: "December" published in March 2024 is December 2023, "the first half" published
    in August 2022 is H1 2022.
    """
    if cont is None:
        cont = _C(infer=("cal", 1))
    if cont.frame is not None:
        return sub(cont.frame)
    if cont.infer is None:
        return None
    kind, start_month = cont.infer
    if ctx.anchor_year is not None:
        if kind == "cal":
            # an anchor is the year the bracketed span STARTS in: "(July-June)" after "2019/20"
            year = ctx.anchor_year
            return sub(_Frame("span", dt.date(year, 1, 1), dt.date(year + 1, 12, 31), "range", year))
        key = ctx.anchor_year - 621 if kind == "iran" else ctx.anchor_year
        return sub(_make(kind, start_month, key))
    pub = ctx.published
    if pub is None:
        return None
    if kind == "cal":
        top = pub.year + 1
    elif kind == "iran":
        top = iranian_year_of(pub) + 1
    else:
        top = fiscal_year_containing(start_month, pub)[0].year + 1
    limit = month_end(pub.year, pub.month)
    for key in range(top, top - 4, -1):
        span = sub(_make(kind, start_month, key))
        if span is not None and span[1] <= limit:
            return span
    return None


def _fiscal_label(y1: int, y2: Optional[int], ctx: _Ctx, end_month: Optional[int],
                  begin_month: Optional[int], end_year: Optional[int]) -> _C:
    """A fiscal year named by a label: "FY2023-24" starts in 2023, "FY24" ends in 2024."""
    if y2 is not None and y2 != y1 + 1:
        return _C()
    if end_month is not None:
        year = y2 if y2 is not None else (end_year or y1)
        end = dt.date(year, end_month, 1)
        start = add_months(end, -11)
        return _C(frame=_fiscal(start.month, start.year))
    if begin_month is not None:
        return _C(frame=_fiscal(begin_month, y1))
    start_month = ctx.fiscal_start
    if start_month is None:
        return _C(anchor=y1 if y2 is not None else y1 - 1)
    if y2 is not None or ctx.country in FISCAL_LABEL_NAMES_START:
        return _C(frame=_fiscal(start_month, y1))
    return _C(frame=_fiscal(start_month, y1 - 1))


def _ref_fiscal(ctx: _Ctx, shift: int) -> _C:
    ref, start_month = ctx.reference, ctx.fiscal_start
    if ref is None:
        return _C(relative=True)
    if ref.grain == "fiscal_year":
        return _C(frame=_fiscal(ref.start.month, ref.start.year + shift), relative=True)
    if start_month is None:
        return _C(relative=True)
    start, _ = fiscal_year_containing(start_month, ref.start)
    return _C(frame=_fiscal(start_month, start.year + shift), relative=True)


def _cont(m: re.Match, p: str, ctx: _Ctx) -> Optional[_C]:
    """Resolve the container whose groups carry prefix ``p``; None when the match has none."""
    g = m.group
    end_month = _month(g(p + "em")) if g(p + "em") else None
    verb = (g(p + "ev") or "").lower()
    begin = end_month if verb.startswith(("beg", "star")) else None
    ends = end_month if end_month is not None and begin is None else None
    end_year = int(g(p + "ey")) if g(p + "ey") else None
    pub, ref = ctx.published, ctx.reference

    if g(p + "sdm1"):
        m1, m2 = _month(g(p + "sdm1")), _month(g(p + "sdm2"))
        y1 = int(g(p + "sdy1")) if g(p + "sdy1") else None
        y2 = int(g(p + "sdy2")) if g(p + "sdy2") else None
        if y1 is None and y2 is not None:
            y1 = y2 if m1 <= m2 else y2 - 1
        if y1 is None:
            if pub is None:
                return _C(season=True)
            y1 = pub.year if m1 <= pub.month else pub.year - 1
        if y2 is None:
            y2 = y1 if m2 >= m1 else y1 + 1
        return _C(frame=_Frame("fiscal", dt.date(y1, m1, 1), month_end(y2, m2), "fiscal_year", y1))

    for a, b in (("fc1", "fc2"), ("fw1", "fw2"), ("lf1", "lf2")):
        if g(p + a):
            y1 = _full_year(g(p + a))
            y2 = g(p + b)
            y2v = None
            if y2:
                y2v = _full_year(y2) if len(y2) == 4 else (y1 // 100) * 100 + int(y2)
                if len(y2) == 2 and y2v < y1:
                    y2v += 100
            return _fiscal_label(y1, y2v, ctx, ends, begin, end_year)

    if g(p + "irk"):
        word = (g(p + "ird") or "").lower()
        if g(p + "iry"):
            return _C(frame=_iran(int(g(p + "iry"))))
        if word in ("previous", "preceding"):
            if ref is None:
                return _C(relative=True)
            return _C(frame=_iran(iranian_year_of(ref.start) - 1), relative=True)
        if word in ("current", "this", "last", "past", "next"):
            if pub is None:
                return _C()
            shift = {"last": -1, "past": -1, "next": 1}.get(word, 0)
            return _C(frame=_iran(iranian_year_of(pub) + shift))
        return _C(infer=("iran", 3))

    if g(p + "iry2"):
        if ctx.country != "IRN":
            return _C()
        return _C(frame=_iran(int(g(p + "iry2"))))

    if g(p + "fd"):
        word = g(p + "fd").lower()
        if word in ("previous", "preceding", "prior"):
            return _ref_fiscal(ctx, -1)
        start_month = ends % 12 + 1 if ends else ctx.fiscal_start
        if start_month is None or pub is None:
            return _C()
        shift = {"last": -1, "past": -1, "next": 1, "coming": 1}.get(word, 0)
        start, _ = fiscal_year_containing(start_month, pub)
        return _C(frame=_fiscal(start_month, start.year + shift))

    if g(p + "ff") or g(p + "ty"):
        fiscal_words = bool(g(p + "ff"))
        if ends is not None or begin is not None:
            start_month = begin if begin is not None else ends % 12 + 1
            if end_year is not None:
                start_year = end_year if begin is not None else add_months(dt.date(end_year, ends, 1), -11).year
                return _C(frame=_fiscal(start_month, start_year))
            if begin is not None:
                # "the fiscal year that began in July": the one running at publication
                if pub is None:
                    return _C()
                return _C(frame=_fiscal(begin, pub.year if begin <= pub.month else pub.year - 1))
            return _C(infer=("fiscal", start_month))
        if fiscal_words:
            start_month = ctx.fiscal_start
            return _C(infer=("fiscal", start_month)) if start_month else _C()
        return _C(infer=("cal", 1))

    if g(p + "sp1"):
        y1 = int(g(p + "sp1"))
        tail = g(p + "sp2")
        y2 = int(tail) if len(tail) == 4 else (y1 // 100) * 100 + int(tail)
        if len(tail) == 2 and y2 < y1:
            y2 += 100
        if y2 != y1 + 1:
            return _C()  # a span of years is not a container
        season = bool(g(p + "sps"))
        start_month = None if season else ctx.fiscal_start
        if start_month is None and ctx.season_months is not None:
            start_month = ctx.season_months[0]
        if start_month is None:
            return _C(anchor=y1, season=True)
        return _C(frame=_fiscal(start_month, y1), season=season)

    if g(p + "dy"):
        word = " ".join(g(p + "dy").lower().split())
        if word in ("the previous", "the preceding", "the prior", "the same"):
            if ref is None:
                return _C(relative=True)
            return _C(frame=_cal(ref.end.year - (0 if word == "the same" else 1)), relative=True)
        if pub is None:
            return _C()
        if word == "the current" and ctx.country == "IRN":
            return _C(frame=_iran(iranian_year_of(pub)))
        shift = {"last": -1, "next": 1, "the past": -1}.get(word, 0)
        return _C(frame=_cal(pub.year + shift))

    if g(p + "cy"):
        return _C(frame=_cal(int(g(p + "cy"))))
    if g(p + "yy"):
        return _C(frame=_cal(_full_year(g(p + "yy"))))
    if g(p + "y"):
        return _C(frame=_cal(int(g(p + "y"))))
    return None


def _period(span: Optional[tuple[dt.date, dt.date]], grain: str, text: str) -> Optional[Period]:
    if span is None:
        return None
    start, end = span
    if start > end:
        return None
    return Period(start=start, end=end, grain=grain, text=text)


def _with_cont(m: re.Match, p: str, ctx: _Ctx, sub: _Sub, grain: str) -> _R:
    cont = _cont(m, p, ctx)
    if cont is not None and cont.frame is None and cont.infer is None:
        return _R(None, cont.relative, cont.anchor, season=cont.season)
    span = _place(sub, cont, ctx)
    return _R(_period(span, grain, m.group()), bool(cont and cont.relative))


# ---- handlers ---------------------------------------------------------------------------------

def _h_date(m: re.Match, ctx: _Ctx) -> _R:
    return _DROP  # a single day is a release date, not a statistical period


def _days_span(d1: int, m1: int, y1: Optional[int], d2: int, m2: int, y2: Optional[int],
               ctx: _Ctx) -> Optional[tuple[dt.date, dt.date]]:
    wraps = (m1, d1) > (m2, d2)
    if y1 is None and y2 is None:
        if ctx.anchor_year is not None:
            y1 = ctx.anchor_year
        elif ctx.published is not None:
            pub = ctx.published
            y2 = pub.year if m2 <= pub.month else pub.year - 1
        else:
            return None
    if y1 is None:
        y1 = y2 - 1 if wraps else y2
    if y2 is None:
        y2 = y1 + 1 if wraps else y1
    return dt.date(y1, m1, d1), dt.date(y2, m2, d2)


def _h_dayrange(m: re.Match, ctx: _Ctx) -> _R:
    g = m.group
    if g("am1"):
        if g("ay1") and not g("am2"):
            return _SKIP  # "February 29, 2024 — 02:26" is a time stamp
        m1 = _month(g("am1"))
        m2 = _month(g("am2")) if g("am2") else m1
        d1, d2 = _day(g("ad1")), _day(g("ad2"))
        y1 = int(g("ay1")) if g("ay1") else None
        y2 = int(g("ay2")) if g("ay2") else None
    else:
        m2 = _month(g("bm2"))
        m1 = _month(g("bm1")) if g("bm1") else m2
        d1, d2 = _day(g("bd1")), _day(g("bd2"))
        y1 = int(g("by1")) if g("by1") else None
        y2 = int(g("by2")) if g("by2") else None
    if m1 == m2 and d1 >= d2 and y1 is None:
        return _SKIP  # "May 20 and 5" is not a span
    span = _days_span(d1, m1, y1, d2, m2, y2, ctx)
    return _R(_period(span, "range", g()))


def _h_daysof(m: re.Match, ctx: _Ctx) -> _R:
    n = _num(m["n"])
    if not 1 <= n <= 31:
        return _SKIP
    if m["this"]:
        # "the first 20 days of this month": the month of the release, or the one before it
        # when the release comes too early in the month to cover n days of it
        pub = ctx.published
        if pub is None:
            return _R(None)
        first = pub.replace(day=1) if pub.day > n else add_months(pub.replace(day=1), -1)
        return _R(_period((first, first.replace(day=n)), "range", m.group()))
    month = _month(m["m"])
    year = int(m["y"]) if m["y"] else None
    span = _days_span(1, month, year, n, month, year, ctx)
    return _R(_period(span, "range", m.group()))


def _h_monthrange(m: re.Match, ctx: _Ctx) -> _R:
    if m["sep"].strip().lower() == "and" and (m["y1"] or m["m1"].lower() in _BARE_ABBREVIATIONS
                                              or m["m2"].lower() in _BARE_ABBREVIATIONS):
        return _SKIP  # "December 2014 and January 2014", "March and Jan Hatzius": two things
    m1, m2 = _month(m["m1"]), _month(m["m2"])
    grain = "quarter" if (m["w"] or m["w2"] or "").lower() == "quarter" else "range"
    y1 = int(m["y1"]) if m["y1"] else None
    cont = _cont(m, "c_", ctx)
    if y1 is not None:
        if cont is not None and cont.frame is not None and cont.frame.kind == "cal":
            end_year = cont.frame.key
        elif cont is None:
            end_year = y1 if m2 >= m1 else y1 + 1
        else:
            return _R(None)
        if end_year < y1 or (end_year == y1 and m2 < m1):
            return _SKIP
        span = (dt.date(y1, m1, 1), month_end(end_year, m2))
        return _R(_period(span, grain, m.group()))
    if m["cur"] and cont is None and ctx.published is not None:
        cont = _C(frame=_cal(ctx.published.year))
    if cont is not None and cont.frame is None and cont.infer is None:
        if cont.anchor is None:
            return _R(None, cont.relative)
        y2 = cont.anchor if m2 >= m1 else cont.anchor + 1  # "July-November 2019/20"
        return _R(_period((dt.date(cont.anchor, m1, 1), month_end(y2, m2)), grain, m.group()))
    span = _place(_sub_named(m1, m2), cont, ctx)
    return _R(_period(span, grain, m.group()), bool(cont and cont.relative))


def _h_firstn(m: re.Match, ctx: _Ctx) -> _R:
    cont = _cont(m, "c_", ctx)
    if m["one"]:
        if cont is None:
            return _SKIP  # "the first month since August 2013" is not a period
        return _with_cont(m, "c_", ctx, _sub_months(0, 0), "month")
    if m["nm"]:
        n, unit = int(m["nm"]), "months"
    elif m["n"]:
        n, unit = _num(m["n"]), m["u"].lower()
    else:
        n, unit = _num(m["n2"]), "months"
    months = n * 3 if unit.startswith("quarter") else n
    if not 1 <= months <= 12:
        return _SKIP
    return _with_cont(m, "c_", ctx, _sub_months(0, months - 1), "range")


_ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "latter": 2, "third": 3, "3rd": 3,
             "fourth": 4, "4th": 4}


def _h_halfq(m: re.Match, ctx: _Ctx) -> _R:
    if m["o"]:
        word, unit, p = m["o"].lower(), m["u"].lower(), "c_"
        has_cont = _cont(m, p, ctx) is not None
        if word in ("last", "final"):
            if word == "last" and not has_cont:
                return _SKIP  # "last quarter" is the deictic rule's
            number = 4 if unit == "quarter" else 2
        else:
            number = _ORDINALS[word]
        if unit == "half" and number > 2:
            return _SKIP
    elif m["qa"] or m["qb"]:
        unit, number, p = "quarter", int(m["qa"] or m["qb"]), "d_"
        last = int(m["qz"]) if m["qz"] else number
        if last < number:
            return _SKIP
        if m["qz"]:
            return _with_cont(m, p, ctx, _sub_months(3 * number - 3, 3 * last - 1), "range")
        if m["qyy"]:
            year = _full_year(m["qyy"])
            return _R(_period(_sub_months(3 * number - 3, 3 * number - 1)(_cal(year)), "quarter", m.group()))
    else:
        unit, number, p = "half", int(m["ha"] or m["hb"]), "e_"
        if m["hyy"]:
            year = _full_year(m["hyy"])
            return _R(_period(_sub_months(6 * number - 6, 6 * number - 1)(_cal(year)), "half", m.group()))
        if _cont(m, p, ctx) is None and not _code_in_context(m, ctx):
            return _DROP  # "green H2" is hydrogen
    size = 3 if unit == "quarter" else 6
    sub = _sub_months(size * (number - 1), size * number - 1)
    return _with_cont(m, p, ctx, sub, unit)


def _code_in_context(m: re.Match, ctx: _Ctx) -> bool:
    before = ctx.text[max(0, m.start() - 12):m.start()].lower().split()
    return not before or before[-1] in {"in", "for", "during", "of", "the", "and", "to", "from", "over", "vs", "versus"}


def _h_mquarter(m: re.Match, ctx: _Ctx) -> _R:
    month = _month(m["m"])
    sub = _sub_named((month - 3) % 12 + 1, month)
    cont = _C(frame=_cal(int(m["y"]))) if m["y"] else None
    return _R(_period(_place(sub, cont, ctx), "quarter", m.group()))


_UNIT_MONTHS = {"month": 1, "quarter": 3, "year": 12}


def _h_to(m: re.Match, ctx: _Ctx) -> _R:
    unit = m["u"].lower().rstrip("s")
    n = 1 if not m["n"] or m["n"].lower() == "a" else _num(m["n"])
    months = n * _UNIT_MONTHS[unit]
    if not 1 <= months <= 60:
        return _SKIP
    month = _month(m["m"])
    if m["y"]:
        year = int(m["y"])
    elif ctx.anchor_year is not None:
        year = ctx.anchor_year
    elif ctx.published is not None:
        year = ctx.published.year if month <= ctx.published.month else ctx.published.year - 1
    else:
        return _R(None)
    last = month_end(year, month)
    day = _day(m["d"]) if m["d"] else last.day
    if day > last.day:
        return _SKIP
    if day == last.day:
        start, end = add_months(dt.date(year, month, 1), 1 - months), last
    else:
        end = dt.date(year, month, day)
        start = add_months(end, -months) + dt.timedelta(days=1)
    grain = "quarter" if unit == "quarter" and n == 1 else "range"
    return _R(_period((start, end), grain, m.group()))


def _h_through(m: re.Match, ctx: _Ctx) -> _R:
    if m["tw"].lower() == "by" and "end" not in m.group().lower():
        return _DROP  # "by March" is a deadline
    month = _month(m["m"])
    return _with_cont(m, "c_", ctx, _sub_named(1, month), "range")


def _h_sofar(m: re.Match, ctx: _Ctx) -> _R:
    ref, pub = ctx.reference, ctx.published
    cont = None if m["ytd"] else (_cont(m, "c_", ctx) or _cont(m, "d_", ctx))
    if cont is not None and cont.frame is None:
        if cont.infer and cont.infer[0] == "cal":
            cont = None
        else:
            return _R(None, cont.relative)
    if cont is None:
        if ref is not None:
            frame = _cal(ref.end.year)
        elif pub is not None:
            frame = _cal(pub.year)
        else:
            return _R(None)
    else:
        frame = cont.frame
    if ref is not None and frame.start <= ref.end <= frame.end:
        end = ref.end
    elif pub is not None:
        end = min(_last_full_month_end(pub), frame.end)
    else:
        return _R(None)
    return _R(_period((frame.start, end), "range", m.group()))


def _trailing_end(ctx: _Ctx) -> Optional[dt.date]:
    if ctx.reference is not None:
        return ctx.reference.end
    if ctx.published is not None:
        return _last_full_month_end(ctx.published)
    return None


def _h_trail(m: re.Match, ctx: _Ctx) -> _R:
    n = 12 if (m["year"] or m["n12"]) else _num(m["n"])
    if not 1 <= n <= 60:
        return _SKIP
    end = _trailing_end(ctx)
    if end is None:
        return _R(None)
    start = add_months(end.replace(day=1), 1 - n)
    return _R(_period((start, end), "range", m.group()))


def _shift_into(ref: Period, frame: _Frame) -> Period:
    """The reference moved by whole years into a year-like frame ("the same period of 2023")."""
    if frame.kind == "cal":
        return shift_period(ref, years=frame.key - ref.end.year)
    base = frame.start.year - ref.start.year
    for k in (base, base - 1, base + 1):
        moved = shift_period(ref, years=k)
        if frame.start <= moved.start <= frame.end:
            return moved
    return shift_period(ref, years=base)


def _relabel(period: Optional[Period], text: str) -> Optional[Period]:
    return None if period is None else period.model_copy(update={"text": text})


def _h_relative(m: re.Match, ctx: _Ctx) -> _R:
    ref, text = ctx.reference, m.group()
    adj = " ".join((m["adj"] or "").lower().replace("-", " ").split())
    unit = (m["u"] or "").lower()
    back_a_year = adj.startswith(("year", "prior", "previous", "last"))
    years: Optional[int] = None
    cont = None
    if m["ya"]:
        years = _num(m["ya"]) if m["ya"].lower() not in ("a", "one") else 1
    elif m["ly"] or m["yb"]:
        years = 1
    elif m["mon"]:
        if ref is None:
            return _R(None, True)
        back = (ref.start.month - _month(m["mon"])) % 12 or 12
        return _R(_relabel(shift_period(ref, months=-back), text), True)
    else:
        cont = _cont(m, "c_", ctx)
        if cont is None:
            if m["thistime"]:
                return _SKIP
            if back_a_year:
                years = 1
            elif unit.startswith("time") or unit in ("levels", "level", "figure", "figures"):
                return _SKIP  # "at the same time" is not a period
            else:
                return _R(_relabel(ref, text), True)  # "over the same period": the reference itself
    if ref is None:
        return _R(None, True)
    if years is not None:
        return _R(_relabel(shift_period(ref, years=-years), text), True)
    if cont.frame is None:
        return _R(None, True)
    return _R(_relabel(_shift_into(ref, cont.frame), text), True)


def _prev_month(ref: Period) -> tuple[dt.date, dt.date]:
    if is_whole_months(ref.start, ref.end) and ref.start.replace(day=1) == ref.end.replace(day=1):
        first = add_months(ref.start, -1)
    else:
        first = add_months(ref.start.replace(day=1), -1)
    return first, month_end(first.year, first.month)


def _prev_quarter(ref: Period) -> tuple[dt.date, dt.date]:
    if is_whole_months(ref.start, ref.end) and add_months(ref.start, 2).replace(day=1) == ref.end.replace(day=1):
        first = add_months(ref.start, -3)
    else:
        q_first = dt.date(ref.start.year, (ref.start.month - 1) // 3 * 3 + 1, 1)
        first = add_months(q_first, -3)
    last = add_months(first, 2)
    return first, month_end(last.year, last.month)


def _h_relsimple(m: re.Match, ctx: _Ctx) -> _R:
    ref, text = ctx.reference, m.group()
    if m["yn"]:
        n = 1 if m["yn"].lower() in ("a", "one") else _num(m["yn"])
        unit = m["yu"].lower().rstrip("s")
    elif m["pu"]:
        n, unit = 1, m["pu"].lower()
    elif m["pn"]:
        n, unit = _num(m["pn"]), "months-before"
    else:
        n, unit = 1, m["bu"].lower()
    if ref is None:
        return _R(None, True)
    if unit in ("year", "season"):
        return _R(_relabel(shift_period(ref, years=-n), text), True)
    if unit == "half":
        return _R(_relabel(shift_period(ref, months=-6), text), True)
    if unit == "month" and n == 1:
        return _R(_period(_prev_month(ref), "month", text), True)
    if unit == "quarter" and n == 1:
        return _R(_period(_prev_quarter(ref), "quarter", text), True)
    if unit == "months-before":
        end = ref.start - dt.timedelta(days=1)
        start = add_months(end.replace(day=1), 1 - n)
        return _R(_period((start, end), "range", text), True)
    months = n * _UNIT_MONTHS[unit]
    return _R(_relabel(shift_period(ref, months=-months), text), True)


def _h_deictic(m: re.Match, ctx: _Ctx) -> _R:
    word = " ".join(m["w"].lower().split())
    unit = m["u"].lower()
    pub, ref = ctx.published, ctx.reference
    if word in ("this", "the current", "the present") and unit == "month" and ref is not None \
            and ref.grain == "month":
        return _R(_relabel(ref, m.group()))  # a release's "this month" is its data month
    if pub is None:
        return _R(None)
    shift = {"last": -1, "the past": -1, "next": 1}.get(word, 0)
    if unit == "month":
        first = add_months(pub.replace(day=1), shift)
        return _R(_period((first, month_end(first.year, first.month)), "month", m.group()))
    q_first = dt.date(pub.year, (pub.month - 1) // 3 * 3 + 1, 1)
    first = add_months(q_first, 3 * shift)
    last = add_months(first, 2)
    return _R(_period((first, month_end(last.year, last.month)), "quarter", m.group()))


def _h_month(m: re.Match, ctx: _Ctx) -> _R:
    token = m["m"]
    cont = _C(frame=_cal(_full_year(m["myy"]))) if m["myy"] else _cont(m, "c_", ctx)
    if cont is None and token.lower() in _BARE_ABBREVIATIONS:
        return _SKIP  # "Jan" alone is more often a name than a month
    month = _month(token)
    if cont is not None and cont.frame is None and cont.infer is None:
        return _R(None, cont.relative)
    span = _place(_sub_named(month, month), cont, ctx)
    return _R(_period(span, "month", m.group()), bool(cont and cont.relative))


def _h_full(m: re.Match, ctx: _Ctx) -> _R:
    cont = _cont(m, "c_", ctx) or _cont(m, "d_", ctx)
    if cont is not None:
        if cont.frame is None:
            return _R(None, cont.relative)
        f = cont.frame
        return _R(_period((f.start, f.end), f.grain, m.group()), cont.relative)
    ref = ctx.reference
    if ref is None:
        return _R(None)
    if ref.grain == "fiscal_year":
        return _R(_relabel(ref, m.group()))
    return _R(_period(_sub_whole(_cal(ref.end.year)), "year", m.group()))


def _h_cont(m: re.Match, ctx: _Ctx) -> _R:
    g, text, ref = m.group, m.group(), ctx.reference
    if g("c_ty") and not g("c_em"):
        # "the year" on its own is the year of the claim's period, if there is one
        if ref is None:
            return _R(None)
        return _R(_period(_sub_whole(_cal(ref.end.year)), "year", text))
    if g("c_ff") and not g("c_em"):
        if ref is None or ctx.fiscal_start is None:
            return _R(None)
        start, end = fiscal_year_containing(ctx.fiscal_start, ref.start)
        return _R(_period((start, end), "fiscal_year", text))
    if g("c_iry2") and ctx.country != "IRN":
        return _SKIP
    if g("c_sp1"):
        y1 = int(g("c_sp1"))
        tail = g("c_sp2")
        if len(tail) == 4 and int(tail) > y1 + 1:
            # "2015-2020": a span of calendar years
            return _R(_period((dt.date(y1, 1, 1), dt.date(int(tail), 12, 31)), "range", text))
        if len(tail) == 2 and (y1 + 1) % 100 != int(tail):
            return _DROP
    dy = " ".join((g("c_dy") or "").lower().split())
    if (g("c_fd") or "").lower() in ("previous", "preceding", "prior") and not (
            ref is not None and ref.grain == "fiscal_year"):
        cont = _ref_fiscal(ctx, -1)
        if cont.frame is None:
            return _R(None, True)
        return _R(_period((cont.frame.start, cont.frame.end), "fiscal_year", text), True)
    if dy in ("the previous", "the preceding", "the prior") or (g("c_fd") or "").lower() in (
            "previous", "preceding", "prior"):
        # "the previous year" shifts the claim's own period, whatever its kind
        if ref is None:
            return _R(None, True)
        return _R(_relabel(shift_period(ref, years=-1), text), True)
    cont = _cont(m, "c_", ctx)
    if cont is None:
        return _SKIP
    if cont.frame is None and cont.infer is not None:
        span = _place(_sub_whole, cont, ctx)
        grain = "fiscal_year" if g("c_ff") else "range"
        return _R(_period(span, grain, text), cont.relative)
    if cont.frame is None:
        return _R(None, cont.relative, cont.anchor, season=cont.season)
    f = cont.frame
    grain = "fiscal_year" if cont.season else f.grain
    if g("c_ty") or g("c_ff"):
        grain = "fiscal_year" if g("c_ff") else "range"
    return _R(_period((f.start, f.end), grain, text), cont.relative, f.start.year, season=cont.season)


def _h_yearrange(m: re.Match, ctx: _Ctx) -> _R:
    y1, y2 = int(m["y1"]), int(m["y2"])
    if y2 <= y1:
        return _SKIP
    return _R(_period((dt.date(y1, 1, 1), dt.date(y2, 12, 31)), "range", m.group()))


def _h_year(m: re.Match, ctx: _Ctx) -> _R:
    year = int(m["y"])
    prev = _RX_PREV_WORD.search(ctx.text, max(0, m.start() - 30), m.start())
    if prev is not None:
        word = prev.group(1).lower()
        if word in _NAME_BEFORE_YEAR or word.rstrip(".") in _NAME_BEFORE_YEAR:
            return _DROP
        raw = prev.group(0)
        possessive = "'s" in raw or "’s" in raw
        if not possessive and word.rstrip(".") not in _OK_BEFORE_YEAR and any(
                c.isupper() for c in prev.group(1)):
            return _DROP  # "Tokyo 2020", "Expo 2020": a name with a year in it
    if year < 1500:
        if ctx.country != "IRN":
            return _SKIP
        f = _iran(year)
        return _R(_period((f.start, f.end), "year", m.group()), anchor=f.start.year)
    return _R(_period((dt.date(year, 1, 1), dt.date(year, 12, 31)), "year", m.group()), anchor=year)


def _h_anaphor(m: re.Match, ctx: _Ctx) -> _R:
    return _R(None)  # "the month", "the period": the caller knows which one from context


_Handler = Callable[[re.Match, _Ctx], _R]


# Trigger words, found in one scan of the lower-cased sentence (substrings: "ago" also fires in
# "Chicago", which only costs a wasted rule run, never a missed match).
_GATE_WORDS = ("far", "date", "ytd", "through", "thru", "until", "till", "up", "end", "month",
               "year", "quarter", "half", "same", "correspond", "comparable", "equivalent",
               "similar", "like", "earlier", "ago", "before", "prior", "previous", "preceding",
               "last", "time", "past", "latest", "trailing", "rolling", "recent", "full", "whole",
               "entire", "all", "from", "between", "period", "days", "fiscal", "financial",
               "season")
_RX_GATE_WORDS = re.compile(_trie(list(_GATE_WORDS)))
_KEYWORDS = frozenset({"year", "month", "quarter", "half", "period", "fiscal", "financial",
                       "season", "ytd", "days"})


def _kw(*words: str) -> frozenset:
    unknown = set(words) - set(_GATE_WORDS)
    if unknown:
        raise AssertionError(f"gate words missing from _GATE_WORDS: {unknown}")
    return frozenset(words)


_KW_SOFAR = _kw("far", "date", "ytd")
_KW_THROUGH = _kw("through", "thru", "until", "till", "up", "end")
_KW_UNIT = _kw("month", "year", "quarter")
_KW_RELATIVE = _kw("same", "correspond", "comparable", "equivalent", "similar", "like", "earlier",
                   "ago", "before", "prior", "previous", "preceding", "last", "time", "year")
_KW_RELSIMPLE = _kw("earlier", "ago", "before", "previous", "preceding", "prior")
_KW_TRAIL = _kw("past", "last", "latest", "trailing", "rolling", "recent", "month")
_KW_MQ = _kw("month", "quarter")
_KW_HALF = _kw("quarter", "half")
_KW_FULL = _kw("full", "whole", "entire", "all")
_KW_RANGE = _kw("from", "between")
_KW_ANAPHOR = _kw("period", "month", "quarter")
_RX_IRAN_YEAR = re.compile(r"\b1[34]\d\d\b")

#: Rules whose every match holds a month name: their scan starts shortly before the first one
#: (no rule reaches further back from its month than "the period from the 1st to the 20th of").
_MONTH_RULES = frozenset({_RX_DATE, _RX_DAYRANGE, _RX_TO, _RX_THROUGH, _RX_MONTHRANGE, _RX_MQUARTER,
                          _RX_MONTH})
_MONTH_LOOKBACK = 64

# Order settles ties between candidates of equal length: earlier wins. A gate gets the set of
# trigger words, the lower-cased text, and whether the text holds a month name, a year-like
# number or a code (Q3, H1, FY24); it must be True whenever its rule could match.
_RULE_TABLE: tuple[tuple[re.Pattern, _Handler, Callable[..., bool]], ...] = (
    (_RX_DATE, _h_date, lambda kw, low, mo, yr, code: mo),
    (_RX_NUMDATE, _h_date, lambda kw, low, mo, yr, code: yr),
    (_RX_DAYRANGE, _h_dayrange, lambda kw, low, mo, yr, code: mo),
    (_RX_DAYSOF, _h_daysof, lambda kw, low, mo, yr, code: "days" in kw),
    (_RX_SOFAR, _h_sofar, lambda kw, low, mo, yr, code: not kw.isdisjoint(_KW_SOFAR)),
    (_RX_TO, _h_to, lambda kw, low, mo, yr, code: mo and not kw.isdisjoint(_KW_UNIT)),
    (_RX_THROUGH, _h_through, lambda kw, low, mo, yr, code: mo and not kw.isdisjoint(_KW_THROUGH)),
    (_RX_RELATIVE, _h_relative, lambda kw, low, mo, yr, code: not kw.isdisjoint(_KW_RELATIVE)),
    (_RX_RELSIMPLE, _h_relsimple, lambda kw, low, mo, yr, code: not kw.isdisjoint(_KW_RELSIMPLE)),
    (_RX_TRAIL, _h_trail, lambda kw, low, mo, yr, code: not kw.isdisjoint(_KW_TRAIL)),
    (_RX_DEICTIC, _h_deictic, lambda kw, low, mo, yr, code: not kw.isdisjoint(_KW_MQ)),
    (_RX_MONTHRANGE, _h_monthrange, lambda kw, low, mo, yr, code: mo),
    (_RX_FIRSTN, _h_firstn, lambda kw, low, mo, yr, code: code or not kw.isdisjoint(_KW_MQ)),
    (_RX_HALFQ, _h_halfq, lambda kw, low, mo, yr, code: code or not kw.isdisjoint(_KW_HALF)),
    (_RX_MQUARTER, _h_mquarter, lambda kw, low, mo, yr, code: mo and "quarter" in kw),
    (_RX_FULL, _h_full, lambda kw, low, mo, yr, code: not kw.isdisjoint(_KW_FULL)),
    (_RX_MONTH, _h_month, lambda kw, low, mo, yr, code: mo),
    (_RX_YEARRANGE, _h_yearrange, lambda kw, low, mo, yr, code: yr and not kw.isdisjoint(_KW_RANGE)),
    (_RX_CONT, _h_cont, lambda kw, low, mo, yr, code: code or _RX_CONT_GATE.search(low) is not None
     or (yr and _RX_IRAN_YEAR.search(low) is not None)),
    (_RX_YEAR, _h_year, lambda kw, low, mo, yr, code: yr),
    (_RX_ANAPHOR, _h_anaphor, lambda kw, low, mo, yr, code: not kw.isdisjoint(_KW_ANAPHOR)),
)
#: The rules as run: accelerated pattern, handler, gate, and whether the scan may start near
#: the first month name.
_RULES: tuple[tuple[re.Pattern, _Handler, Callable[..., bool], bool], ...] = tuple(
    (_fast(rx, _CONT_FIRST_WORDS if rx is _RX_CONT else ()), handler, gate, rx in _MONTH_RULES)
    for rx, handler, gate in _RULE_TABLE
)
_EXPLICIT_RULES = frozenset({_h_dayrange, _h_monthrange})


def _month_scan_start(text: str) -> int:
    """Where the month-name rules start scanning, or -1 when the text names no month."""
    if _RX_HAS_MON3.search(text) is None:
        return -1
    first_month = _RX_HAS_MONTH.search(text)
    return -1 if first_month is None else max(0, first_month.start() - _MONTH_LOOKBACK)


def coerce_date(value: object) -> Optional[dt.date]:
    """A date from a date, datetime, ISO string or None (the forms ``published`` takes).

    Raises:
        ValueError: a string that is no ISO date. TypeError: any other type.

    >>> coerce_date("2024-10-29"), coerce_date(None)
    (datetime.date(2024, 10, 29), None)
    """
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
        try:
            return dt.datetime.fromisoformat(value).date()
        except ValueError:
            raise ValueError(f"published: not an ISO date: {value!r}") from None
    raise TypeError(f"published: expected a date, datetime, ISO string or None, not {type(value).__name__}")


def _run(handler: _Handler, m: re.Match, ctx: _Ctx) -> _R:
    try:
        return handler(m, ctx)
    except (ValueError, OverflowError, KeyError):
        return _SKIP  # "February 30", a year out of range: not a period after all


@sentence_cache(maxsize=4096)
def _candidates(text: str) -> tuple:
    """Every rule match in ``text``, longest first: what the text alone decides.

    Cached (the mention finder and the claim builder read the same sentence, and many
    phrases recur): only the resolution against a date, a country and a reference period
    runs on every call.
    """
    if not text:
        return ()
    low = text.lower()
    month_at = _month_scan_start(text)
    has_month = month_at >= 0
    has_year = _RX_HAS_YEAR.search(text) is not None
    has_code = _RX_HAS_CODE.search(text) is not None
    kw = set(_RX_GATE_WORDS.findall(low))
    if not (has_month or has_year or has_code or not kw.isdisjoint(_KEYWORDS)):
        return ()
    candidates = []
    for order, (rx, handler, gate, after_month) in enumerate(_RULES):
        if not gate(kw, low, has_month, has_year, has_code):
            continue
        for m in rx.finditer(text, month_at if after_month and month_at > 0 else 0):
            if m.end() > m.start():
                candidates.append((m.start() - m.end(), order, m.start(), m.end(), m, handler))
    candidates.sort(key=lambda c: (c[0], c[1], c[2]))
    return tuple(candidates)



def find_periods(text: str, *, published: dt.date | dt.datetime | str | None = None,
                 country: str | None = None, reference: Period | None = None) -> list[FoundPeriod]:
    """All period expressions in ``text``, in order, non-overlapping, longest match wins.

    Single days ("on October 25", "Jan. 8", "10:51, July 13, 2023") are release dates, not
    statistical periods, and are never returned. A range in brackets right after a label
    ("the 2023 financial year (from April 2023 to March 2024)") is merged with it and wins.
    "between August and September 2020" is returned as the two-month range; a caller that
    reads it as a month-on-month comparison takes the later month itself.

    Args:
        text: A sentence (or any text). Offsets in the result index into it.
        published: The article's publication date (a date, datetime or ISO string); year-less
            expressions take their year from it. Without it only written years resolve.
        country: ISO alpha-3 code of the reporter, for fiscal-year conventions (IND April-March,
            AUS July-June, USA October-September, ...) and the Iranian year (IRN).
        reference: The claim's current period; relative expressions ("the same period last
            year", "the previous month") resolve against it, "over the same period" returns it.

    Returns:
        A list of :class:`FoundPeriod`, ordered by offset.

    Raises:
        TypeError: ``text`` is not a str.
        ValueError: ``published`` is a string that is not an ISO date.

    >>> [(f.text, str(f.period.start), str(f.period.end)) for f in find_periods(
    ...     "From January to September, trade reached $1.595 billion.", published="2024-10-29")]
    [('From January to September', '2024-01-01', '2024-09-30')]
    >>> f = find_periods("up 16.7% from the same period in 2023", reference=Period(
    ...     start=dt.date(2024, 1, 1), end=dt.date(2024, 9, 30)))[0]
    >>> f.text, f.period.start, f.period.end, f.relative
    ('the same period in 2023', datetime.date(2023, 1, 1), datetime.date(2023, 9, 30), True)
    >>> [(f.text, f.period) for f in find_periods("Exports rose in September.")]
    [('September', None)]
    >>> find_periods("Exports rose 19.3% to $40 billion, data released on October 25 showed.")
    []
    """
    if not isinstance(text, str):
        raise TypeError(f"text: expected str, not {type(text).__name__}")
    published = coerce_date(published)
    candidates = _candidates(text)
    if not candidates:
        return []
    ctx = _Ctx(published, country.upper() if country else None, reference, text)
    chosen: list[list] = []
    for _, _, s, e, m, handler in candidates:
        if any(s < c[1] and e > c[0] for c in chosen):
            continue
        res = _run(handler, m, ctx)
        if res is _SKIP:
            continue
        chosen.append([s, e, res, m, handler])
    chosen.sort(key=lambda c: c[0])
    resolved = [c for c in chosen if c[2] is not _DROP]

    out: list[FoundPeriod] = []
    i = 0
    while i < len(resolved):
        s, e, res, m, handler = resolved[i]
        if i + 1 < len(resolved):
            s2, e2, res2, m2, handler2 = resolved[i + 1]
            close = _RX_CLOSE_PAREN.match(text, e2)
            if handler2 in _EXPLICIT_RULES and close and _RX_OPEN_PAREN.fullmatch(text, e, s2):
                # "LABEL (EXPLICIT RANGE)": the range wins, placed in the label's year if it has none
                anchor = res.period.start.year if res.period is not None else res.anchor
                if anchor is not None:
                    ctx.anchor_year = anchor
                    res2 = _run(handler2, m2, ctx)
                    ctx.anchor_year = None
                if res2 is _DROP or res2 is _SKIP:
                    res2 = _R(None)
                merged_text = text[s:close.end()]
                period = res2.period
                if period is not None:
                    grain = res.period.grain if res.period is not None else (
                        "fiscal_year" if res.season else period.grain)
                    period = period.model_copy(update={"grain": grain, "text": merged_text})
                out.append(FoundPeriod(s, close.end(), merged_text, period, res.relative))
                i += 2
                continue
        out.append(FoundPeriod(s, e, text[s:e], res.period, res.relative))
        i += 1
    return out


def parse_period(text: object, *, published: dt.date | dt.datetime | str | None = None,
                 country: str | None = None, reference: Period | None = None) -> Period | None:
    """The period named by ``text`` (the first expression found), or None.

    Never raises on a str ``text``; any other ``text`` gives None.

    Args:
        text: A period expression ("Q3 2024", "the first half of this year") or a sentence.
        published: The publication date (date, datetime or ISO string) for year-less text.
        country: ISO alpha-3 reporter code, for fiscal years.
        reference: The claim's current period, for relative expressions.

    Returns:
        The :class:`~tradeclaims.models.Period` of the first expression found, or None when
        there is none or it cannot be resolved.

    Raises:
        ValueError: ``published`` is a string that is not an ISO date.

    >>> p = parse_period("the first nine months of 2024")
    >>> p.start, p.end, p.grain
    (datetime.date(2024, 1, 1), datetime.date(2024, 9, 30), 'range')
    >>> parse_period("FY24", country="IND").start
    datetime.date(2023, 4, 1)
    >>> parse_period("in September", published="2024-10-31").end
    datetime.date(2024, 9, 30)
    >>> parse_period("in September") is None, parse_period("$40 billion") is None, parse_period(42) is None
    (True, True, True)
    >>> parse_period("FY24") is None  # no country, no convention
    True
    """
    if not isinstance(text, str):
        return None
    found = find_periods(text, published=published, country=country, reference=reference)
    return found[0].period if found else None
