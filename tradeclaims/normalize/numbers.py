"""Numbers as news text writes them: ``1,057.5``, ``3.5bn``, ``$1MM``, ``2,000 crore``, ``eight``.

This module is the shared base of :mod:`.money`, :mod:`.quantity` and :mod:`.change`:

* :func:`parse_number` turns one number phrase into an exact :class:`~decimal.Decimal`;
* :data:`SCALES` maps scale words (``bn``, ``mln``, ``crore``, ...) to multipliers;
* the patterns :data:`NUMBER_RE`, :data:`SCALE_RE`, :data:`WORD_NUMBER_RE` and
  :data:`FIGURE_RE` (a figure and its scale) let the finders of the other modules match a
  figure, :func:`iter_figures` finds figures fast (digit runs first), and
  :func:`match_value` reads a match into a :func:`tidy` Decimal;
* :func:`has_digit` and :func:`has_number_word` are the cheap pre-checks that keep the
  big patterns off sentences without figures;
* :func:`find_hedge` reads the hedge (``nearly``, ``more than``, ``topped``, ...) that
  stands right before a figure (CLAIMS.md, ``approximate``).

Every parser accepts any ``str`` and returns a value or ``None``; none raises on a ``str``.
Values are Decimals, so ``Decimal("1.057") * 10**9`` is exactly ``1057000000``.
"""
from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import Optional

from text_to_num import text2num

__all__ = [
    "SCALES",
    "NUMBER_PATTERN",
    "SCALE_PATTERN",
    "WORD_NUMBER_PATTERN",
    "NUMBER_RE",
    "SCALE_RE",
    "WORD_NUMBER_RE",
    "HEDGE_WORDS",
    "parse_number",
    "number_value",
    "scale_multiplier",
    "words_value",
    "find_hedge",
    "has_digit",
    "first_non_overlapping",
    "has_number_word",
    "FIGURE_RE",
    "iter_figures",
    "match_value",
    "tidy",
]

_THOUSAND = Decimal(10) ** 3
_LAKH = Decimal(10) ** 5
_MILLION = Decimal(10) ** 6
_CRORE = Decimal(10) ** 7
_BILLION = Decimal(10) ** 9
_TRILLION = Decimal(10) ** 12

#: Scale words and abbreviations → multiplier. Looked up as written first, then in lower
#: case, so ``"MM"`` (million, US finance) is not ``"mm"`` and ``"Bn"`` is ``"bn"``.
#: Single letters (``k``, ``m``, ``M``, ``b``, ``B``) and ``MM`` only count when glued to
#: the digits (``$13.96B``, ``500m``, ``$1MM``); see :data:`SCALE_RE`.
SCALES: dict[str, Decimal] = {
    "thousand": _THOUSAND,
    "k": _THOUSAND,
    "K": _THOUSAND,
    "lakh": _LAKH,
    "lakhs": _LAKH,
    "lac": _LAKH,
    "lacs": _LAKH,
    "million": _MILLION,
    "mn": _MILLION,
    "mln": _MILLION,
    "mil": _MILLION,
    "m": _MILLION,
    "M": _MILLION,
    "MM": _MILLION,
    "crore": _CRORE,
    "crores": _CRORE,
    "cr": _CRORE,
    "billion": _BILLION,
    "bn": _BILLION,
    "bln": _BILLION,
    "b": _BILLION,
    "B": _BILLION,
    "trillion": _TRILLION,
    "tn": _TRILLION,
    "trn": _TRILLION,
    "tr": _TRILLION,
}

#: A figure written with digits. Group ``num``; the pattern does not start inside
#: another number (``(?<![\d.,])``) but may follow letters (``USD34.6``), so callers that
#: need a clean left edge check it themselves.
NUMBER_PATTERN = r"""
(?<![\d.,])                                  # not the tail of a longer number
(?P<num>
    \d{1,3}(?:,\d{2})*(?:,\d{3})+(?:\.\d+)?  # 1,057.5 / 1,23,456 (Indian lakh grouping)
  | \d{1,3}(?:\.\d{3}){2,}(?:,\d+)?          # 1.234.567,8 (dot thousands, two groups or more)
  | \d+(?:\.\d+)?                            # 1057.5 / 45
  | \.\d+                                    # .001
)
(?![.,]?\d)                                  # and not followed by more digits (1,5 / 1.2.3)
"""

#: Scale words that may stand apart from the digits (``1.8 bln``, ``$2.79-billion``).
_SCALE_WORDS = (
    "thousand|million|billion|trillion|lakhs?|lacs?|crores?|mln|bln|trn|mil|mn|bn|tn|tr|cr"
)

#: The scale after a figure. Groups ``scale`` (first word) and ``scale2`` (a second word
#: for compounds: ``3 lakh crore``, ``4,000 thousand billion``).
SCALE_PATTERN = rf"""
(?:
    (?:[ \u00a0]?-[ \u00a0]?|[ \u00a0])?     # "1.8 bln", "2.79-billion", "3.5bn"
    (?P<scale>(?i:{_SCALE_WORDS}))           # a scale word, any case ("Billion")
    (?![^\W\d_])                             # a whole word ("mil" is not "mile")
  |
    (?P<scale_glued>MM|[kKmMbB])             # a letter glued to the digits: 500m, $13.96B, $1MM
    (?![^\W_])                               # "500m3" or "5mm" is no scale
)
(?:
    [ \u00a0]
    (?P<scale2>(?i:crores?|thousand|million|billion|trillion))  # "lakh crore", "thousand crore"
    (?![^\W\d_])
)?
"""

_UNITS19 = (
    "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
    "fifteen|sixteen|seventeen|eighteen|nineteen"
)
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_UNITS9 = "one|two|three|four|five|six|seven|eight|nine"
_UNDER_100 = rf"(?:(?:{_TENS})(?:[- ](?:{_UNITS9}))?|(?:{_UNITS19}))"

#: A number in words, one to nine hundred ninety-nine (``eight``, ``twenty-five``,
#: ``three hundred and ten``). Group ``words``. Scales follow through :data:`SCALE_PATTERN`.
WORD_NUMBER_PATTERN = rf"""
(?<![^\W\d_])                                # starts a word
(?P<words>(?i:
    {_UNDER_100}                             # eight / twenty-five
    (?:[ ]hundred(?:[ ](?:and[ ])?{_UNDER_100})?)?   # three hundred (and ten)
  | (?:a|one)[ ]hundred(?:[ ](?:and[ ])?{_UNDER_100})?  # a hundred
))
(?![^\W\d_])                                 # ends a word
"""

NUMBER_RE = re.compile(NUMBER_PATTERN, re.X)
SCALE_RE = re.compile(SCALE_PATTERN, re.X)
WORD_NUMBER_RE = re.compile(WORD_NUMBER_PATTERN, re.X)
#: A digit figure and its optional scale ("1.057 billion", "3.5bn", "2,000 crore").
FIGURE_RE = re.compile(rf"{NUMBER_PATTERN}(?:{SCALE_PATTERN})?", re.X)

_DIGIT_RE = re.compile(r"\d")
# Where a figure may start: a run of digits (maybe after a dot), not inside a longer one.
_DIGIT_RUN_RE = re.compile(r"\.?\d[\d.,]*")
_LETTERS_RE = re.compile(r"[a-z]+")
#: Lower-case words that may start a number in words (a cheap pre-check).
NUMBER_WORDS = frozenset((_UNITS19 + "|" + _TENS).split("|") + ["hundred"])
_A_SCALE = ("a thousand", "a million", "a billion", "a trillion", "an hundred")

# A whole number phrase, for parse_number: sign, digits or words, optional scale.
_FULL_NUMBER_RE = re.compile(
    rf"""
    (?P<sign>[-+\u2212])?                    # -27.8, +5, −3 (unicode minus)
    (?:
        {NUMBER_PATTERN}
      | (?P<a>(?i:a|an))(?=[ ](?i:thousand|million|billion|trillion|lakh|crore))  # "a billion"
      | {WORD_NUMBER_PATTERN}
    )
    (?:{SCALE_PATTERN})?
    """,
    re.X,
)


def iter_figures(text: str, pattern: "re.Pattern[str]" = FIGURE_RE):
    """Matches of ``pattern`` (default :data:`FIGURE_RE`) at the start of each digit run.

    Scanning for digit runs first and matching only there is several times faster than
    ``pattern.finditer`` over the whole text; ``pattern`` must start with
    :data:`NUMBER_PATTERN`.

    >>> [m.group() for m in iter_figures("up 16.5% to $1.057 billion in 2024")]
    ['16.5', '1.057 billion', '2024']
    """
    end = 0
    for run in _DIGIT_RUN_RE.finditer(text):
        s = run.start()
        if s < end:
            continue
        m = pattern.match(text, s)
        if m is None and text[s] == ".":
            m = pattern.match(text, s + 1)
        if m is not None:
            end = m.end()
            yield m


def has_number_word(text: str) -> bool:
    """Cheap pre-check: may ``text`` hold a number in words ("eight", "a million")?

    >>> has_number_word("rose eight percent"), has_number_word("a million dollar house")
    (True, True)
    >>> has_number_word("rose 8% to $5 million")
    False
    """
    low = text.lower()
    if any(a in low for a in _A_SCALE):
        return True
    return not NUMBER_WORDS.isdisjoint(_LETTERS_RE.findall(low))


def first_non_overlapping(items):
    """The items (anything with ``start`` and ``end``) in text order, dropping any that overlaps
    an earlier one: the first found wins.

    >>> from collections import namedtuple
    >>> S = namedtuple("S", "start end")
    >>> first_non_overlapping([S(5, 9), S(0, 3), S(2, 6)])
    [S(start=0, end=3), S(start=5, end=9)]
    """
    kept = []
    for item in sorted(items, key=lambda i: i.start):
        if kept and item.start < kept[-1].end:
            continue
        kept.append(item)
    return kept


def has_digit(text: str) -> bool:
    """Cheap pre-check: does ``text`` hold a digit at all?

    >>> has_digit("exports rose 5%"), has_digit("exports rose")
    (True, False)
    """
    return _DIGIT_RE.search(text) is not None


def number_value(num: str) -> Optional[Decimal]:
    """The Decimal value of a digit figure matched by :data:`NUMBER_RE` (group ``num``).

    >>> number_value("1,057.5"), number_value("1,23,456"), number_value("1.234.567,5")
    (Decimal('1057.5'), Decimal('123456'), Decimal('1234567.5'))
    >>> number_value("x") is None
    True
    """
    if num.count(".") >= 2:  # dot thousands, comma decimals
        num = num.replace(".", "").replace(",", ".")
    else:
        num = num.replace(",", "")
    try:
        value = Decimal(num)
    except (InvalidOperation, ValueError):
        return None
    return value if value.is_finite() else None


def scale_multiplier(word: Optional[str]) -> Decimal:
    """The multiplier of a scale word; ``1`` for ``None`` or an unknown word.

    >>> scale_multiplier("bn"), scale_multiplier("Billion"), scale_multiplier("MM")
    (Decimal('1000000000'), Decimal('1000000000'), Decimal('1000000'))
    >>> scale_multiplier(None)
    Decimal('1')
    """
    if not word:
        return Decimal(1)
    value = SCALES.get(word)
    if value is None:
        value = SCALES.get(word.lower(), Decimal(1))
    return value


def words_value(words: str) -> Optional[Decimal]:
    """The value of a number written in words (no scale): ``"twenty-five"`` → 25.

    >>> words_value("twenty-five"), words_value("Eight"), words_value("a hundred")
    (Decimal('25'), Decimal('8'), Decimal('100'))
    >>> words_value("a third") is None
    True
    """
    w = " ".join(words.lower().split())
    if w.startswith(("a hundred", "an hundred")):
        w = "one" + w[w.index(" hundred") :]
    try:
        return Decimal(text2num(w, "en"))
    except (ValueError, TypeError, InvalidOperation):
        return None


def match_value(m: "re.Match[str]") -> Optional[Decimal]:
    """The value of a match of a pattern built from the patterns of this module.

    Reads group ``num`` (digits) or ``words`` (number words) or ``a`` ("a billion"), and
    multiplies by groups ``scale``/``scale_glued`` and ``scale2`` when they matched.
    """
    groups = m.groupdict()
    if groups.get("num"):
        value = number_value(groups["num"])
    elif groups.get("words"):
        value = words_value(groups["words"])
    elif groups.get("a"):
        value = Decimal(1)
    else:
        return None
    if value is None:
        return None
    scale = groups.get("scale") or groups.get("scale_glued")
    if scale:
        value *= scale_multiplier(scale)
    if groups.get("scale2"):
        value *= scale_multiplier(groups["scale2"])
    return tidy(value)


def tidy(value: Decimal) -> Decimal:
    """The same number without trailing zeros or an exponent: 1057000000.000 → 1057000000.

    >>> tidy(Decimal("1057000000.000")), tidy(Decimal("0.50")), tidy(Decimal("-2E+3"))
    (Decimal('1057000000'), Decimal('0.5'), Decimal('-2000'))
    >>> tidy(Decimal("1" + "0" * 40)) == 10 ** 40
    True
    """
    try:
        if value == value.to_integral_value():
            return Decimal(int(value))  # exact at any size
        if len(value.as_tuple().digits) <= 28:  # normalize() rounds beyond the context
            return value.normalize()
    except (InvalidOperation, ValueError, OverflowError):
        pass
    return value


def parse_number(text: str) -> Optional[Decimal]:
    """Read one number phrase (the whole string) into an exact Decimal, or ``None``.

    Digits with thousands separators, a scale word or letter, or number words:

    >>> parse_number("1,057.5")
    Decimal('1057.5')
    >>> parse_number("3.5bn"), parse_number("500m"), parse_number("1MM")
    (Decimal('3500000000'), Decimal('500000000'), Decimal('1000000'))
    >>> parse_number("1.8 bln"), parse_number("728 mil")
    (Decimal('1800000000'), Decimal('728000000'))
    >>> parse_number("2,000 crore"), parse_number("3 lakh crore")
    (Decimal('20000000000'), Decimal('3000000000000'))
    >>> parse_number("two billion"), parse_number("eight"), parse_number("-27.8")
    (Decimal('2000000000'), Decimal('8'), Decimal('-27.8'))

    Fractions belong to :mod:`.change`; anything that is not one number is ``None``:

    >>> parse_number("a third") is None, parse_number("5 apples") is None, parse_number(5) is None
    (True, True, True)
    """
    if not isinstance(text, str):
        return None
    s = " ".join(text.split())
    if not s or len(s) > 200:
        return None
    m = _FULL_NUMBER_RE.fullmatch(s)
    if m is None:
        # Longer number words: "one thousand two hundred", "nine hundred ninety-nine".
        if not s.replace("-", " ").replace(" ", "").isalpha():
            return None
        try:
            return tidy(Decimal(text2num(s.lower(), "en")))
        except (ValueError, TypeError, InvalidOperation):
            return None
    value = match_value(m)
    if value is None:
        return None
    if m.group("sign") in ("-", "\u2212"):
        value = -value
    return value


#: The hedges of CLAIMS.md (``approximate``) as they stand right before a figure.
#: "estimated", "provisional" and "preliminary" are deliberately absent.
HEDGE_WORDS = (
    "nearly", "almost", "close to", "about", "around", "roughly", "some", "approximately",
    "over", "more than", "exceed", "top", "cross", "surpass", "above", "at least",
    "less than", "under", "below", "up to",
)

_HEDGE_RE = re.compile(
    r"""
    (?<![^\W\d_])                              # starts a word
    (?P<hedge>
        (?:(?:just|slightly|a[ ]little|little|well|far|somewhat)\s+)?  # "just over", "well above"
        (?:
            nearly|almost|close\s+to|closer\s+to|about|around|roughly|some
          | approximately|approx\.?|circa|near|nearing
          | over|more\s+than|upwards\s+of|in\s+excess\s+of|above|at\s+least
          | less\s+than|fewer\s+than|under|below|no\s+more\s+than
          | (?<!edged\s)(?<!edging\s)(?<!inched\s)(?<!ticked\s)(?<!crept\s)(?<!moved\s)(?<!picked\s)
            (?<!revised\s)(?<!shot\s)up\s+to           # "edged up to £34.7bn" is a change, not a bound
          | (?<!the\s)(?<!The\s)                 # "the top 5%" is a rank, not a hedge
            (?:exceed(?:s|ed|ing)?|surpass(?:es|ed|ing)?|top(?:s|ped|ping)?
              |cross(?:es|ed|ing)?)
            (?:\s+the)?                          # "crossed the Dh1 trillion mark"
        )
    )
    [\s\u00a0]*                                # space before the figure
    \Z
    """,
    re.X | re.I,
)
_TILDE_RE = re.compile(r"~\s*\Z")
# The last word of every hedge above: nothing else can end one.
_HEDGE_LAST_WORDS = frozenset(
    "nearly almost to about around roughly some approximately approx approx. circa near "
    "nearing over than of above least under below the exceed exceeds exceeded exceeding "
    "surpass surpasses surpassed surpassing top tops topped topping cross crosses crossed "
    "crossing".split()
)
# Last words that hedge only after one of these (prefixes of the word before).
_HEDGE_PAIRS = {
    "to": ("up", "close"),
    "than": ("more", "less", "fewer"),
    "of": ("upwards", "excess"),
    "the": ("exceed", "surpass", "top", "cross"),
}


def find_hedge(text: str, start: int) -> Optional[tuple[str, int]]:
    """The hedge right before ``text[start:]`` as ``(hedge, hedge_start)``, or ``None``.

    The hedge is lower-case with single spaces and without a trailing "the".

    >>> t = "exports of nearly $1.6 billion"
    >>> find_hedge(t, t.index("$"))
    ('nearly', 11)
    >>> t = "trade crossed the Dh1 trillion mark"
    >>> find_hedge(t, t.index("Dh"))
    ('crossed', 6)
    >>> t = "fell by more than 40%"
    >>> find_hedge(t, t.index("40"))
    ('more than', 8)
    >>> t = "an estimated $5 billion"
    >>> find_hedge(t, t.index("$")) is None
    True
    """
    if not isinstance(text, str) or start <= 0:
        return None
    # Cheap pre-check on the last word before the figure.
    j = start
    while j > 0 and text[j - 1].isspace():
        j -= 1
    if j > 0 and text[j - 1] == "~":
        return "~", j - 1
    k = j
    while k > 0 and (text[k - 1].isalpha() or text[k - 1] == "."):
        k -= 1
    last = text[k:j].lower()
    if last not in _HEDGE_LAST_WORDS:
        return None
    if last in _HEDGE_PAIRS:  # "to", "than", "of", "the": check the word before too
        j2 = k
        while j2 > 0 and text[j2 - 1].isspace():
            j2 -= 1
        k2 = j2
        while k2 > 0 and text[k2 - 1].isalpha():
            k2 -= 1
        if not text[k2:j2].lower().startswith(_HEDGE_PAIRS[last]):
            return None
    lo = max(0, start - 40)
    m = _HEDGE_RE.search(text, lo, start)
    if m is None:
        if _TILDE_RE.search(text, max(0, start - 3), start):
            return "~", text.rindex("~", 0, start)
        return None
    hedge = " ".join(m.group("hedge").lower().split())
    if hedge.endswith(" the"):
        hedge = hedge[:-4]
    return hedge, m.start("hedge")
