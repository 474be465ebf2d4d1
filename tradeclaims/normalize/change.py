"""Changes: ``up 16.5%``, ``a decline of 18.5%``, ``doubled``, ``up $200 million``, ``y/y``.

The pieces a claim builder needs to read every change figure of a sentence:

* :func:`find_percents` — every percentage with offsets (``16.5%``, ``7.2 per cent``,
  ``69pc``, ``14-percent``, ``eight percent``), unsigned as written unless the text
  writes a sign (``-27.8%``); percentage points are not percentages and are skipped;
* :func:`find_multipliers` — ``doubled`` (+100), ``tripled`` (+200), ``halved`` (-50),
  ``sixfold`` (+500), and fractions after "by" (``by almost a fifth`` → 20, unsigned);
* :func:`find_change_figures` — both lists merged in text order: *every change figure of
  a sentence*. A figure with ``signed=True`` carries its own sign; for the others the
  sign is ``direction(window, at=figure.start)``;
* :func:`direction` — +1 / -1 / 0 from the change word nearest to a figure;
* :func:`find_basis` — ``yoy`` / ``mom`` / ``qoq`` / ``pop`` named in a window;
* :func:`parse_change` — one :class:`~tradeclaims.models.Change` (percent, absolute or
  both) from a short text.
"""
from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache
from typing import NamedTuple, Optional

from ..models import Amount, Change
from ._regex import sentence_cache
from .money import find_money
from .numbers import (
    first_non_overlapping,
    NUMBER_PATTERN,
    SCALE_PATTERN,
    WORD_NUMBER_PATTERN,
    find_hedge,
    match_value,
    tidy,
)

__all__ = [
    "FoundPercent",
    "find_percents",
    "find_multipliers",
    "find_change_figures",
    "direction",
    "find_basis",
    "parse_change",
]


class FoundPercent(NamedTuple):
    """One change figure found in a text.

    Attributes:
        start: Offset of its first character (a sign, a digit or a word).
        end: Offset just past it (``text[start:end] == self.text``).
        text: The surface, e.g. ``"16.5 per cent"``, ``"doubled"``, ``"a fifth"``.
        value: The percent. Unsigned as written (``16.5``) unless ``signed``.
        hedge: The hedge right before it, lower-case ("nearly", "more than"), or None.
        signed: True when ``value`` carries its own sign: written ``-27.8%`` / ``+5%``,
            or a multiplier (``doubled`` = +100, ``halved`` = -50). Otherwise the sign
            comes from :func:`direction`.
        kind: ``"percent"``, ``"multiplier"`` (doubled, sixfold) or ``"fraction"``
            (by a third).
    """

    start: int
    end: int
    text: str
    value: Decimal
    hedge: Optional[str]
    signed: bool = False
    kind: str = "percent"


# A percentage read forwards from its first character (find_percents reads backwards
# from the percent mark, which is faster; this one tells where a figure at an offset ends).
_PERCENT_RE = re.compile(
    rf"""
    (?<![\w.,])                              # a figure of its own ("5-6%" gives "6%")
    (?P<sign>[-+\u2212])?                    # written sign: "(-27.8%)", "+0.2%"
    (?:{NUMBER_PATTERN}|{WORD_NUMBER_PATTERN})   # 16.5 / eight
    [ \u00a0]?(?:-[ \u00a0]?)?               # "16.5 %", "14-percent"
    (?P<pct>
        %|％                                 # 16.5%
      | (?i:per[ \u00a0]?cent|percent|pct|pc|p\.c\.)(?![^\W\d_])  # per cent, pct, 69pc
    )
    """,
    re.X,
)
# "2.3 percentage points", "0.5% points": not a percent change.
_POINTS_AFTER_RE = re.compile(r"[ \u00a0]*-?[ \u00a0]?(?i:percentage[ ])?(?i:points?|pts?)\b")

_FRACTIONS = {
    "half": (1, 2), "third": (1, 3), "quarter": (1, 4), "fourth": (1, 4), "fifth": (1, 5),
    "sixth": (1, 6), "seventh": (1, 7), "eighth": (1, 8), "ninth": (1, 9), "tenth": (1, 10),
}
_NUMERATORS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4}
_FOLDS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "twenty": 20, "hundred": 100,
}
_TIMES = {"doubl": 100, "tripl": 200, "quadrupl": 300, "quintupl": 400, "halv": -50}

_MULTIPLIER_RE = re.compile(
    r"""
    (?<![^\W\d_])                            # starts a word
    (?:
        (?P<times>(?i:doubl|tripl|quadrupl|quintupl))   # doubled, tripling, quadruples
        (?i:ed|es|ing)                       # not "double-digit", "a double tax treaty"
      | (?P<halv>(?i:halv))(?i:ed|es|ing)    # halved
      | (?P<fold>\d+(?:\.\d+)?|(?i:two|three|four|five|six|seven|eight|nine|ten|twenty|hundred))
        [ -]?(?i:fold)                       # sixfold, 3-fold, three fold
      | (?i:by|in)[ ]                        # "by almost a fifth", "cut in half"
        (?P<fhedge>(?i:(?:nearly|almost|about|around|roughly|some|more[ ]than|over|less[ ]than
            |close[ ]to|just[ ]over|just[ ]under|approximately)[ ])?)
        (?P<frac>
            (?P<numer>(?i:a|an|one|two|three|four))[ -]
            (?P<denom>(?i:half|third|quarter|fourth|fifth|sixth|seventh|eighth|ninth|tenth))s?
          | (?P<half>(?i:half))
        )
    )
    (?![^\W\d_])                             # ends a word
    """,
    re.X,
)

_TWO_PLACES = Decimal("0.01")


# Where a percentage ends: "%", "per cent", "percent", "pct", "pc", "p.c.".
_PCT_MARK_RE = re.compile(
    r"%|％|(?<![^\W\d_])(?i:per[ \u00a0]?cent|percent|pct|pc|p\.c\.)(?![^\W\d_])"
)
_SIGNED_NUMBER_RE = re.compile(rf"(?P<sign>[-+\u2212])?{NUMBER_PATTERN}", re.X)
_WORD_NUMBER_RE = re.compile(WORD_NUMBER_PATTERN, re.X)
_GAP_RE = re.compile(r"[ \u00a0]?(?:-[ \u00a0]?)?")
_WORD_START_RE = re.compile(r"(?<![^\W\d_])[^\W\d_]")
# Substrings without which no multiplier or fraction can match (a cheap pre-check).
_MULTIPLIER_HINTS = (
    "doubl", "tripl", "quadrupl", "quintupl", "halv", "fold", "half", "third", "quarter",
    "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
)


def _percent_before(text: str, mark: int) -> "Optional[re.Match[str]]":
    """The figure (digits with a sign, or words) that ends right before a percent mark."""
    # The gap ends at the mark: try the longest gap first, as the forward regex would.
    for j in range(max(0, mark - 3), mark + 1):
        g = _GAP_RE.fullmatch(text, j, mark)
        if g is None or j == 0:
            continue
        c = text[j - 1]
        if c.isdigit():
            r = j - 1
            while r > 0 and (text[r - 1].isdigit() or text[r - 1] in ".,"):
                r -= 1
            if r > 0 and text[r - 1] in "-+\u2212":
                r -= 1
            while r < j:  # leftmost start whose figure ends at the gap and starts a token
                m = _SIGNED_NUMBER_RE.match(text, r)
                before = text[r - 1] if r > 0 else " "
                if m is not None and m.end() == j and not (before.isalnum() or before in "_.,"):
                    return m
                r += 1
            return None
        if c.isalpha():
            for w in _WORD_START_RE.finditer(text, max(0, j - 45), j):
                m = _WORD_NUMBER_RE.match(text, w.start())
                if m is not None and m.end() == j:
                    return m
            return None
    return None


def find_percents(text: str) -> list[FoundPercent]:
    """Every percentage in ``text`` (not percentage points), in order.

    >>> [(p.text, str(p.value), p.signed) for p in find_percents(
    ...     "up 16.5%, 7.2 per cent, 69pc, a 14-percent rise, eight percent and (-27.8%)")]
    [('16.5%', '16.5', False), ('7.2 per cent', '7.2', False), ('69pc', '69', False), ('14-percent', '14', False), ('eight percent', '8', False), ('-27.8%', '-27.8', True)]
    >>> find_percents("the share rose 2.3 percentage points"), find_percents("1.5 pp")
    ([], [])
    >>> find_percents("an increase of almost 20%")[0].hedge
    'almost'
    """
    if not isinstance(text, str) or not text:
        return []
    if "%" not in text and "％" not in text:
        low = text.lower()
        if "pc" not in low and "cent" not in low and "p.c." not in low:
            return []
    out: list[FoundPercent] = []
    for mark in _PCT_MARK_RE.finditer(text):
        if _POINTS_AFTER_RE.match(text, mark.end()):
            continue
        m = _percent_before(text, mark.start())
        if m is None:
            continue
        value = match_value(m)
        if value is None:
            continue
        sign = m.groupdict().get("sign")
        signed = sign is not None
        if sign in ("-", "\u2212"):
            value = -value
        start, end = m.start(), mark.end()
        if out and start < out[-1].end:
            continue
        hedge = find_hedge(text, start)
        out.append(FoundPercent(start, end, text[start:end], value,
                                hedge[0] if hedge else None, signed, "percent"))
    return out


def find_multipliers(text: str) -> list[FoundPercent]:
    """Change figures in words: multipliers (signed) and fractions after "by" (unsigned).

    >>> [(p.text, str(p.value), p.signed, p.kind) for p in find_multipliers(
    ...     "Exports doubled, imports halved and grain grew more than sixfold")]
    [('doubled', '100', True, 'multiplier'), ('halved', '-50', True, 'multiplier'), ('sixfold', '500', True, 'multiplier')]
    >>> [(p.text, str(p.value), p.hedge, p.kind) for p in find_multipliers(
    ...     "volume plunged by almost a fifth; earnings surge by almost a third")]
    [('a fifth', '20', 'almost', 'fraction'), ('a third', '33.33', 'almost', 'fraction')]
    >>> find_multipliers("double-digit growth"), find_multipliers("a third of exports")
    ([], [])
    """
    if not isinstance(text, str) or not text:
        return []
    low = text.lower()
    if not any(hint in low for hint in _MULTIPLIER_HINTS):
        return []
    out: list[FoundPercent] = []
    for m in _MULTIPLIER_RE.finditer(text):
        if m.group("times"):
            value = Decimal(_TIMES[m.group("times").lower()])
            kind, signed, start = "multiplier", True, m.start()
        elif m.group("halv"):
            value, kind, signed, start = Decimal(-50), "multiplier", True, m.start()
        elif m.group("fold"):
            word = m.group("fold").lower()
            n = Decimal(_FOLDS[word]) if word in _FOLDS else Decimal(word)
            if n <= 1:
                continue
            value, kind, signed, start = (n - 1) * 100, "multiplier", True, m.start()
        else:
            if m.group("half"):
                numer, denom = 1, 2
            else:
                numer = _NUMERATORS[m.group("numer").lower()]
                denom = _FRACTIONS[m.group("denom").lower()][1]
            if numer >= denom:
                continue
            share = Decimal(100 * numer) / Decimal(denom)
            value = tidy(share.quantize(_TWO_PLACES, ROUND_HALF_UP))
            kind, signed, start = "fraction", False, m.start("frac")
        hedge = find_hedge(text, start)
        out.append(FoundPercent(start, m.end(), text[start : m.end()], value,
                                hedge[0] if hedge else None, signed, kind))
    return out


def find_change_figures(text: str) -> list[FoundPercent]:
    """Every change figure of ``text``: :func:`find_percents` + :func:`find_multipliers`.

    In text order and non-overlapping. Absolute changes ("up $200 million") are money:
    :func:`parse_change` reads them, :func:`~.money.find_money` finds them.

    >>> [(p.text, str(p.value)) for p in find_change_figures(
    ...     "Exports rose 5%, while grain imports doubled and rice fell by a quarter.")]
    [('5%', '5'), ('doubled', '100'), ('a quarter', '25')]
    """
    return first_non_overlapping(find_percents(text) + find_multipliers(text))


# Change words, one word each ("picked up" and "went up" end in "up", "positive growth" in
# "growth"). Read by tokens: each word of a window is looked up once (cached).
_UP_FORMS = r"""
    up|rose|ris(?:e|es|en|ing)|grew|grow(?:s|n|ing|th)?|gain(?:s|ed|ing)?
  | increas(?:e|ed|es|ing)|jump(?:s|ed|ing)?|surg(?:e|ed|es|ing)|soar(?:s|ed|ing)?
  | climb(?:s|ed|ing)?|expan(?:d|ds|ded|ding|sion)|higher|add(?:ed|ing|s)
  | rebound(?:s|ed|ing)?|widen(?:s|ed|ing)?|improv(?:e|ed|es|ing|ement)
  | boost(?:s|ed|ing)?|advanc(?:e|ed|es|ing)|rall(?:y|ied|ies|ying)|spik(?:e|ed|es|ing)
  | leap(?:s|t|ed|ing)?|skyrocket(?:s|ed|ing)?|hik(?:e|ed|es|ing)|upturn|upswing|upsurge
  | accelerat(?:e|ed|es|ing)|recover(?:s|ed|ing|y)?|more|above
"""
_DOWN_FORMS = r"""
    down|fell|fall(?:s|en|ing)?|declin(?:e|ed|es|ing)|decreas(?:e|ed|es|ing)
  | drop(?:s|ped|ping)?|dip(?:s|ped|ping)?|slip(?:s|ped|ping)?|slid(?:e|es|ing)?
  | shed(?:s|ding)?|plung(?:e|ed|es|ing)|plummet(?:s|ed|ing)?|tumbl(?:e|ed|es|ing)
  | contract(?:s|ed|ing|ion)?|lower|shr[aiu]nk|shrink(?:s|ing)?|shrinkage
  | narrow(?:s|ed|ing)?|sank|sink(?:s|ing)?|sunk|slump(?:s|ed|ing)?|dove|div(?:e|ed|es|ing)
  | tank(?:s|ed|ing)|retreat(?:s|ed|ing)?|eas(?:e|ed|es|ing)|reduc(?:e|ed|es|ing|tion)
  | los(?:e|es|t|ing|s)|weaken(?:s|ed|ing)?|cut(?:s|ting)?|slash(?:ed|es|ing)?
  | deteriorat(?:e|ed|es|ing|ion)|crash(?:ed|es|ing)?|sagg?(?:ed|ing|s)?|less|fewer|below
"""
_CUE_WORD_RE = re.compile(rf"(?P<down>{_DOWN_FORMS})|(?P<up>{_UP_FORMS})", re.X)
_WORD_RE = re.compile(r"[^\W\d_]+")
# A cue that is also a hedge is a bound, not a direction, right before a figure:
# "up to 20%", "more than $5 billion", "above 5%" (but "76 percent more than last year").
# A figure, maybe after a currency mark ("$5", "US$ 5", "RM5"), but not a year after a
# preposition: "8.8% less than in 2022" is a fall, not a bound.
_FIG = r"(?!(?:in|on|at|of|for|by|to|from|during|the|a|an)[ \u00a0])\S{0,5}[ \u00a0]?[\d.]"
_AS_HEDGE = {
    "up": re.compile(rf"[ \u00a0]+to[ \u00a0]+{_FIG}"),
    "more": re.compile(rf"[ \u00a0]+than[ \u00a0]+{_FIG}"),
    "less": re.compile(rf"[ \u00a0]+than[ \u00a0]+{_FIG}"),
    "fewer": re.compile(rf"[ \u00a0]+than[ \u00a0]+{_FIG}"),
    "above": re.compile(rf"[ \u00a0]+{_FIG}"),
    "below": re.compile(rf"[ \u00a0]+{_FIG}"),
}
_GROWTH_WORDS = frozenset({"growth", "growing", "grew", "grow", "grows"})


@lru_cache(maxsize=8192)
def _word_sign(word: str) -> int:
    """+1 / -1 for a lower-case change word, 0 for any other word."""
    m = _CUE_WORD_RE.fullmatch(word)
    if m is None:
        return 0
    return -1 if m.group("down") else 1


@sentence_cache(maxsize=1024)
def _cues(text: str, lo: int = 0, hi: Optional[int] = None) -> tuple[tuple[int, int, int], ...]:
    """The change words of ``text[lo:hi]`` as ``(start, end, sign)``."""
    out: list[tuple[int, int, int]] = []
    prev = ""
    for m in _WORD_RE.finditer(text, lo, len(text) if hi is None else hi):
        word = m.group().lower()
        sign = _word_sign(word)
        if sign:
            hedge = _AS_HEDGE.get(word)
            if hedge is not None and hedge.match(text, m.end()):
                sign = 0
            elif prev == "negative" and word in _GROWTH_WORDS:
                sign = -1  # "negative growth of 4%"
        if sign:
            out.append((m.start(), m.end(), sign))
        prev = word
    return tuple(out)



# A clause break between a cue and a figure: the cue probably belongs to another figure.
_BREAK_RE = re.compile(r"[,;:]|\s(?:and|while|whereas|but|after|following)\s", re.I)
_NUM_SCALE_RE = re.compile(rf"[-+\u2212]?{NUMBER_PATTERN}(?:{SCALE_PATTERN})?", re.X)


def _figure_end(text: str, at: int) -> int:
    """Where the figure that starts at ``at`` ends (a percent, a multiplier, money, a number)."""
    for rx in (_PERCENT_RE, _MULTIPLIER_RE):
        m = rx.match(text, at)
        if m is not None:
            return m.end()
    window = text[at : at + 60]
    money = find_money(window)
    if money and money[0].start == 0:
        return at + money[0].end
    m = _NUM_SCALE_RE.match(text, at)
    return m.end() if m is not None else at


_WINDOW = 300  # characters searched on each side of a figure given by offset


def _window(text: str, at: int, end: int) -> tuple[int, int]:
    return max(0, at - _WINDOW), min(len(text), end + _WINDOW)


def _gap(text: str, lo: int, hi: int) -> int:
    """Distance between a cue and a figure; a clause break in between costs 1000."""
    return hi - lo + (1000 if _BREAK_RE.search(text, lo, hi) else 0)


def direction(text: str, at: Optional[int] = None, end: Optional[int] = None) -> int:
    """The direction (+1 up, -1 down, 0 none) of the change word nearest to a figure.

    Args:
        text: A short window around the figure (a clause or a sentence).
        at: Offset of the figure in ``text`` (cues are looked for up to 300 characters
            around it). When None: the first change figure of ``text`` (else its first
            digit); with no figure at all, the first cue of ``text``.

    The nearest cue wins: the gap is counted in characters from the end of a cue before
    the figure to ``at``, or from the end of the figure to the start of a cue after it; a
    gap across a clause break (a comma, "and", "while", "but" ...) counts 1000 more, so a
    cue in the figure's own clause wins. A tie goes to the cue *before* the figure (the
    verb usually precedes its figure). Hedge words right before a figure ("more than 5%",
    "up to 20%", "above $1bn") are not cues.

    >>> direction("increase of 19.3%"), direction("a decline of 18.5%"), direction("fell 7.2 per cent")
    (1, -1, -1)
    >>> direction("0.9% lower than"), direction("lower by 26.4 percent"), direction("a 16.7% increase")
    (-1, -1, 1)
    >>> t = "exports rose 5% while imports fell 3%"
    >>> direction(t, t.index("3%")), direction(t, t.index("5%"))
    (-1, 1)
    >>> direction("accounting for 3.89% of total trade"), direction("more than 30% of output")
    (0, 0)
    """
    if not isinstance(text, str) or not text:
        return 0
    if at is None:
        figures = find_change_figures(text)
        if figures:
            at, end = figures[0].start, figures[0].end
        else:
            digit = re.search(r"\d", text)
            if digit is None:
                cues = _cues(text)
                return cues[0][2] if cues else 0
            at = digit.start()
    if not 0 <= at <= len(text):
        return 0
    if end is None or not at <= end <= len(text):
        end = _figure_end(text, at)
    lo, hi = _window(text, at, end)
    best = _nearest(text, _cues(text, lo, hi), at, end, before_wins=True)
    return 0 if best is None else best[2]


def _nearest(text: str, spans, at: int, end: int, before_wins: bool):
    """The ``(start, end, payload)`` span nearest to the figure ``text[at:end]``."""
    best, best_key = None, None
    for span in spans:
        if span[1] <= at:
            key = (_gap(text, span[1], at), 0 if before_wins else 1)
        elif span[0] >= end:
            key = (_gap(text, end, span[0]), 1 if before_wins else 0)
        else:
            continue  # inside the figure
        if best_key is None or key < best_key:
            best, best_key = span, key
    return best


_BASIS_RE = re.compile(
    r"""
    (?<![^\W\d_])
    (?:
      (?P<mom>
          month[- ](?:on|over|to)[- ]month|m/m|m-o-m|MoM|mom
        | on[- ]month(?![^\W\d_])
        | (?:from|than|over|compared[ ](?:to|with)|against|versus|vs\.?|on)[ ](?:the[ ])?
          (?:previous|prior|preceding|last)[ ]month
        | (?:a|one|the)[ ]month[ ](?:earlier|ago|before)|month[- ](?:earlier|ago)
        | over[ ]the[ ]month|(?:on[ ]a[ ])?monthly[ ]basis
      )
    | (?P<qoq>
          quarter[- ](?:on|over|to)[- ]quarter|q/q|q-o-q|QoQ|qoq
        | (?:from|than|over|compared[ ](?:to|with)|against|versus|vs\.?|on)[ ](?:the[ ])?
          (?:previous|prior|preceding|last)[ ]quarter
        | (?:a|one|the)[ ]quarter[ ](?:earlier|ago|before)|quarter[- ](?:earlier|ago)
        | over[ ]the[ ]quarter|(?:on[ ]a[ ])?quarterly[ ]basis
      )
    | (?P<yoy>
          year[- ](?:on|over|to)[- ]year|y/y|y-o-y|YoY|yoy
        | on[- ]year(?![- ]?(?:end|old))
        | (?:a|one|the)[ ]year[ ](?:earlier|ago|before)|year[- ](?:earlier|ago|before)
        | (?:from|than|over|compared[ ](?:to|with)|against|versus|vs\.?|above|below)[ ]
          (?:\w+[ ]){0,2}?last[ ]year
        | (?:from|than|over|compared[ ](?:to|with)|against|versus|vs\.?|on)[ ](?:the[ ])?
          (?:previous|prior|preceding|last)[ ](?:year|fiscal[ ]year)
        | (?:same|corresponding|comparable)[ ](?:\w+[ ]){0,2}?
          (?:period|month|months|quarter|time|timeframe|span|half|week|weeks|days)
        | (?:on[ ]an?[ ])?annual(?:ised|ized)?[ ]basis
      )
    | (?P<pop>
          week[- ](?:on|over|to)[- ]week|w/w|sequential(?:ly)?
        | half[- ](?:on|over|to)[- ]half|h/h
        | (?:from|than|over|compared[ ](?:to|with)|against)[ ](?:the[ ])?
          (?:previous|prior|preceding|last)[ ](?:week|period|half|six[ ]months|three[ ]months)
      )
    )
    (?![^\W\d_])
    """,
    re.X | re.I,
)


def find_basis(text: str, at: Optional[int] = None, end: Optional[int] = None) -> Optional[str]:
    """The comparison basis named in ``text``: ``yoy``, ``mom``, ``qoq``, ``pop`` or None.

    With ``at`` (offset of the change figure), the basis nearest to it, measured as in
    :func:`direction` (clause breaks cost 1000); ties go to the one after the figure.

    >>> find_basis("up 6.56% month-on-month"), find_basis("rose 5% from a year earlier")
    ('mom', 'yoy')
    >>> find_basis("compared to the same month the previous year"), find_basis("q/q"), find_basis("up 5%")
    ('yoy', 'qoq', None)
    >>> t = "up 6.56% month-on-month and 69.46% year-on-year"
    >>> find_basis(t, t.index("6.56")), find_basis(t, t.index("69.46"))
    ('mom', 'yoy')
    >>> t = "a year-on-year increase of 32.7 percent and a month-to-month rise of 16.7 percent"
    >>> find_basis(t, t.index("32.7")), find_basis(t, t.index("16.7"))
    ('yoy', 'mom')
    """
    if not isinstance(text, str) or not text:
        return None
    if at is None:
        spans = _basis_spans(text, 0, len(text))
        return spans[0][2] if spans else None
    if not 0 <= at <= len(text):
        return None
    if end is None or not at <= end <= len(text):
        end = _figure_end(text, at)
    lo, hi = _window(text, at, end)
    best = _nearest(text, _basis_spans(text, lo, hi), at, end, before_wins=False)
    return None if best is None else best[2]


# Every basis phrase holds one of these words: the regex runs only around them.
_BASIS_KEYS = frozenset(
    "year month quarter week half y m q w h yoy mom qoq monthly quarterly annual annualised "
    "annualized period periods time timeframe span days months weeks sequential "
    "sequentially".split()
)


@sentence_cache(maxsize=1024)
def _basis_spans(text: str, lo: int, hi: int) -> tuple[tuple[int, int, str], ...]:
    """``(start, end, basis)`` of the basis phrases of ``text[lo:hi]``, in order."""
    spans: list[tuple[int, int, str]] = []
    searched = lo
    for tok in _WORD_RE.finditer(text, lo, hi):
        if tok.group().lower() not in _BASIS_KEYS or tok.end() <= searched:
            continue
        # A phrase reaches at most ~45 characters before its key word and ~12 after it.
        w_lo, w_hi = max(searched, tok.start() - 45, lo), min(hi, tok.end() + 12)
        for m in _BASIS_RE.finditer(text, w_lo, w_hi):
            if m.end() >= tok.end() and (not spans or m.start() >= spans[-1][1]):
                spans.append((m.start(), m.end(), m.lastgroup or ""))
        searched = max(searched, spans[-1][1] if spans else searched, tok.end())
    return tuple(spans)



# Absolute changes: "up $200 million", "rose by $757 million", "an increase of $2 billion",
# "an $833 million (7 per cent) increase".
_ABS_BEFORE_RE = re.compile(r"([^\W\d_]+)(?:[ \u00a0]+(?:by|of))?[ \u00a0]*\Z", re.I)
_ABS_AFTER_RE = re.compile(r"[ \u00a0]*(?:\([^()]{0,40}\)[ \u00a0]*)?([^\W\d_]+)")
# "rose by $757 million or eight percent", "up $360 million (18 per cent)".
_PAIR_JOIN_RE = re.compile(r"[ \u00a0]*,?[ \u00a0]*(?:or|\(|,)[ \u00a0]*(?:about[ \u00a0]+)?\Z")


def _absolute_changes(text: str, currency_hint: Optional[str]) -> list[tuple[int, int, Amount]]:
    out = []
    for f in find_money(text, currency_hint=currency_hint):
        if f.bracketed:
            continue
        left = f.start
        if f.hedge:
            h = find_hedge(text, f.start)
            left = h[1] if h else f.start
        before = _ABS_BEFORE_RE.search(text, max(0, left - 30), left)
        sign = _word_sign(before.group(1).lower()) if before is not None else 0
        if not sign:
            after = _ABS_AFTER_RE.match(text, f.end)
            word = after.group(1).lower() if after is not None else ""
            if word not in ("up", "down", "more", "less", "above", "below"):  # "$5bn up from"
                sign = _word_sign(word)
        if sign:
            value = f.amount.value * sign
            out.append((f.start, f.end, Amount(value=value, unit=f.amount.unit, text=f.text)))
    return out


def parse_change(text: str, *, currency_hint: Optional[str] = None) -> Optional[Change]:
    """The first change stated in ``text`` (a short clause), or None.

    A percent counts when it carries a sign or a change word names its direction; money
    counts as an absolute change right after a change word ("up $200 million", "rose by
    ...", "an increase of ...") or right before one ("a $833 million increase"). A
    percent and an absolute joined by "or" or a bracket make one change.

    >>> parse_change("up 16.5%").percent, parse_change("a decline of 18.5%").percent
    (Decimal('16.5'), Decimal('-18.5'))
    >>> parse_change("fell 7.2 per cent").percent, parse_change("-27.8%").percent
    (Decimal('-7.2'), Decimal('-27.8'))
    >>> parse_change("doubled").percent, parse_change("halved").percent
    (Decimal('100'), Decimal('-50'))
    >>> parse_change("plunged by almost a fifth").percent, parse_change("surge by almost a third").percent
    (Decimal('-20'), Decimal('33.33'))
    >>> c = parse_change("rose by $757 million or eight percent")
    >>> str(c.absolute.value), c.absolute.unit, c.percent
    ('757000000', 'USD', Decimal('8'))
    >>> parse_change("down $58 million").absolute.value
    Decimal('-58000000')
    >>> parse_change("up 6.56% month-on-month").basis
    'mom'
    >>> parse_change("accounting for 3.89% of total trade") is None, parse_change(None) is None
    (True, True)
    """
    if not isinstance(text, str) or not text:
        return None
    items: list[tuple[int, int, str, object]] = []  # (start, end, kind, value)
    absolutes = _absolute_changes(text, currency_hint)
    first_absolute = absolutes[0][0] if absolutes else len(text)
    figures = find_change_figures(text)
    cues = _cues(text) if figures else []
    for f in figures:
        if f.signed:
            value = f.value
        else:
            near = [c for c in cues if f.start - _WINDOW <= c[0] <= f.end + _WINDOW]
            cue = _nearest(text, near, f.start, f.end, before_wins=True)
            if cue is None:
                continue
            value = f.value * cue[2]
        items.append((f.start, f.end, "percent", value))
        if len(items) == 2 or f.start > first_absolute:
            break  # the first change and, maybe, its partner are known
    for start, end, amount in absolutes[:2]:
        items.append((start, end, "absolute", amount))
    if not items:
        return None
    items.sort(key=lambda it: it[0])
    first = items[0]
    percent = first[3] if first[2] == "percent" else None
    absolute = first[3] if first[2] == "absolute" else None
    start, end = first[0], first[1]
    for other in items[1:]:
        if other[2] != first[2] and _PAIR_JOIN_RE.search(text, first[1], other[0]):
            if other[2] == "percent":
                percent = other[3]
            else:
                absolute = other[3]
            end = other[1]
        break
    if percent is not None and absolute is not None and (percent < 0) != (absolute.value < 0):
        # "down $58 million or 3%": one change, one direction: that of the money's cue.
        percent = -percent
    return Change(
        percent=percent,  # type: ignore[arg-type]
        absolute=absolute,  # type: ignore[arg-type]
        basis=find_basis(text, start),  # type: ignore[arg-type]
        text=text[start:end],
    )
