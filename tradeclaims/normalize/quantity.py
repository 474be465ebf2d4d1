"""Physical quantities of trade: ``500,000 tonnes``, ``2.3 million barrels a day``, ``20,000 TEUs``.

:func:`find_quantities` returns every volume of a sentence with offsets and its value in
base units (CLAIMS.md ``amount``): ``t`` (metric tonnes), ``kg``, ``bbl``, ``bbl/d``,
``m3``, ``TEU`` and ``units`` (vehicles, pieces, head of cattle, bales ...).

* "tons", "metric tons", "tonnes", "MT" and "mt" are all metric tonnes; ``kt``,
  ``Mt``, ``MMT`` and ``LMT`` (lakh metric tonnes) scale them;
* ``bcm`` is a billion cubic metres;
* up to three words may stand between the number and the unit when they are in a small
  list (``2,566 more new cars``, ``1.2 million passenger vehicles``);
* a rate per area or per person (``3 tonnes per hectare``) is not a volume;
* pounds are not read as a weight (they are a currency in :mod:`.money`).
"""
from __future__ import annotations

import re
from decimal import Decimal
from typing import NamedTuple, Optional

from ..models import Amount
from .numbers import (
    FIGURE_RE,
    SCALE_PATTERN,
    WORD_NUMBER_PATTERN,
    find_hedge,
    has_digit,
    has_number_word,
    iter_figures,
    match_value,
)

__all__ = ["FoundQuantity", "find_quantities", "parse_quantity", "UNITS"]


class FoundQuantity(NamedTuple):
    """One physical quantity found in a text.

    Attributes:
        start: Offset of its first character (the number).
        end: Offset just past the unit (``text[start:end] == self.text``).
        text: The surface, e.g. ``"3.2 million tons"``.
        amount: Value in base units and the unit (``3200000 t``).
        hedge: The hedge right before it, lower-case ("about", "some"), or None.
    """

    start: int
    end: int
    text: str
    amount: Amount
    hedge: Optional[str]


#: Unit group name → (unit, multiplier). The group names are those of :data:`_UNIT_PATTERN`.
UNITS: dict[str, tuple[str, Decimal]] = {
    "u_bbld_m": ("bbl/d", Decimal(10) ** 6),
    "u_bbld_k": ("bbl/d", Decimal(10) ** 3),
    "u_bbld": ("bbl/d", Decimal(1)),
    "u_bbl": ("bbl", Decimal(1)),
    "u_bcm": ("m3", Decimal(10) ** 9),
    "u_m3": ("m3", Decimal(1)),
    "u_kt": ("t", Decimal(10) ** 3),
    "u_mt": ("t", Decimal(10) ** 6),
    "u_lmt": ("t", Decimal(10) ** 5),
    "u_t": ("t", Decimal(1)),
    "u_kg": ("kg", Decimal(1)),
    "u_teu": ("TEU", Decimal(1)),
    "u_units": ("units", Decimal(1)),
}

_UNIT_PATTERN = r"""
(?:
    (?P<u_bbld_m>(?:mb/d|mbpd|mmbpd|mmb/d))                      # million barrels a day
  | (?P<u_bbld_k>(?:kb/d|kbpd|kbd))                             # thousand barrels a day
  | (?P<u_bbld>(?i:barrels?[ ](?:per|a)[ ]day|barrels?[ ]daily|bpd|b/d|bbl/d))  # barrels a day
  | (?P<u_bbl>(?i:barrels?|bbls?))                              # barrels
  | (?P<u_bcm>(?i:bcm))                                         # billion cubic metres
  | (?P<u_m3>(?i:cubic[ ]met(?:re|er)s?|cu[ ]?m|cbm)|m3|m³)     # cubic metres
  | (?P<u_kt>kt|(?i:kilo-?tonnes?|kilo-?tons?))                 # thousand tonnes
  | (?P<u_mt>Mt|MMT|mmt|(?i:mega-?tonnes?|mega-?tons?))         # million tonnes
  | (?P<u_lmt>LMT|lmt)                                          # lakh metric tonnes (India)
  | (?P<u_t>(?i:metric[ ]tonnes?|metric[ ]tons?|tonnes?|tons?)|MT|mt|t)  # tonnes
  | (?P<u_kg>(?i:kilogram(?:me)?s?|kilos?|kgs?))                # kilograms
  | (?P<u_teu>(?i:TEUs?|twenty-foot[ ]equivalent[ ]units?))     # containers
  | (?P<u_units>(?i:                                            # countable goods
        vehicles?|cars|automobiles|autos|motorcycles|motorbikes|trucks|tractors|buses
      | units|pieces|pcs|head|heads|bales|containers|sets|handsets|smartphones
      | cattle|sheep|goats|pigs|camels|bags|sacks|bottles))
)
"""

# Words that may stand between the figure and the unit: "2,566 more new cars".
_BETWEEN = (
    r"(?i:more|fewer|less|new|used|passenger|commercial|electric|additional|motor|live|light|heavy|utility"
    r"|imported|exported|second-hand)"
)

# The unit after a figure (matched at the figure's end).
_UNIT_AFTER = rf"""
    (?:[ \u00a0]?-?[ \u00a0]?)               # "500,000 tonnes", "500t", "20,000-tonne"
    (?:{_BETWEEN}[ \u00a0]+){{0,3}}?         # "more new"
    {_UNIT_PATTERN}
    (?![^\W\d_])                             # a whole word: "tons" not "tonsils"
"""
_UNIT_AFTER_RE = re.compile(_UNIT_AFTER, re.X)
# A number in words, its scale and a unit: "two million tonnes".
_WORD_QUANTITY_RE = re.compile(
    rf"{WORD_NUMBER_PATTERN}(?:{SCALE_PATTERN})?{_UNIT_AFTER}", re.X
)
# A rate, not a volume: "3 tonnes per hectare", "25 kg per capita".
_RATE_AFTER_RE = re.compile(
    r"[ \u00a0]*(?:per|a|/)[ \u00a0]*(?i:hectare|ha|acre|capita|person|head|feddan|worker)\b"
)


def find_quantities(text: str) -> list[FoundQuantity]:
    """Every physical quantity in ``text``, in order and non-overlapping.

    >>> [(q.text, str(q.amount.value), q.amount.unit) for q in find_quantities(
    ...     "Vietnam exported 4.68 million tonnes of rice and 20,000 TEUs")]
    [('4.68 million tonnes', '4680000', 't'), ('20,000 TEUs', '20000', 'TEU')]
    >>> [(q.text, str(q.amount.value), q.amount.unit, q.hedge) for q in find_quantities(
    ...     "some 11.842 million tons of goods")]
    [('11.842 million tons', '11842000', 't', 'some')]
    >>> find_quantities("yields of 3 tonnes per hectare"), find_quantities("26.7 million")
    ([], [])
    """
    if not isinstance(text, str) or not text:
        return []
    matches = []  # (figure match, unit match)
    if has_digit(text):
        for m in iter_figures(text, FIGURE_RE):
            if m.start() > 0 and text[m.start() - 1].isalpha():
                continue  # "A320 units" is a model
            u = _UNIT_AFTER_RE.match(text, m.end())
            if u is not None:
                matches.append((m, u))
    if has_number_word(text):
        for m in _WORD_QUANTITY_RE.finditer(text):
            matches.append((m, m))
        matches.sort(key=lambda mu: mu[0].start())
    out: list[FoundQuantity] = []
    for m, u in matches:
        start, end = m.start(), u.end()
        if (out and start < out[-1].end) or _RATE_AFTER_RE.match(text, end):
            continue
        unit_group = next(g for g in UNITS if u.group(g) is not None)
        if unit_group == "u_t" and u.group("u_t") == "t" and text[u.start("u_t") - 1] == "-":
            continue  # "20-t" is too ambiguous
        value = match_value(m)
        if value is None:
            continue
        unit, factor = UNITS[unit_group]
        value *= factor
        surface = text[start:end]
        hedge = find_hedge(text, start)
        out.append(
            FoundQuantity(
                start, end, surface, Amount(value=value, unit=unit, text=surface),
                hedge[0] if hedge else None,
            )
        )
    return out


def parse_quantity(text: str) -> Optional[Amount]:
    """The first physical quantity of ``text``, or None.

    >>> parse_quantity("3.2 million tons")
    Amount(value=Decimal('3200000'), unit='t', text='3.2 million tons')
    >>> parse_quantity("2.3 million barrels per day").unit, parse_quantity("5 bcm").value
    ('bbl/d', Decimal('5000000000'))
    >>> parse_quantity("$5 billion") is None, parse_quantity(3) is None
    (True, True)
    """
    found = find_quantities(text)
    return found[0].amount if found else None
