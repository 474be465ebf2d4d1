"""The typed claim model: pydantic objects built at the edge of the pipeline, no spaCy here.

Field names follow CLAIMS.md exactly, so ``claim.model_dump(mode="json")`` is the JSON a
fact-checking tool (or ``score.py``) reads: amounts are JSON numbers, dates ISO strings.
"""
from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Annotated, Literal, Optional, Union

from pydantic import BaseModel, ConfigDict, PlainSerializer

__all__ = ["Amount", "Change", "Period", "Evidence", "TradeClaim", "Flow", "Basis", "Grain"]


def _decimal_to_number(value: Decimal) -> int | float:
    """JSON wants a number, not pydantic's default ``"1.5E+9"`` string."""
    if value == value.to_integral_value():
        return int(value)
    return float(value)


#: A Decimal in Python, a plain JSON number on the way out.
Number = Annotated[Decimal, PlainSerializer(_decimal_to_number, return_type=Union[int, float], when_used="json")]

Flow = Literal["export", "import", "trade", "balance"]
Basis = Literal["yoy", "mom", "qoq", "pop"]
Grain = Literal["day", "month", "quarter", "half", "year", "fiscal_year", "range"]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Amount(_Frozen):
    """A value in base units with its unit, e.g. ``1.057e9 USD`` or ``500000 t``.

    Attributes:
        value: The amount in base units (``1057000000``, not ``1.057``), signed for a
            balance (a deficit is negative).
        unit: An ISO 4217 currency code (``USD``, ``JPY``) or a physical unit: ``t``,
            ``kg``, ``bbl``, ``bbl/d``, ``m3``, ``TEU`` or ``units``.
        text: The surface text the value was read from, e.g. ``"$1.057 billion"``.
    """

    value: Number
    unit: str
    text: Optional[str] = None

    @property
    def is_currency(self) -> bool:
        """True when ``unit`` is a three-letter currency code."""
        return len(self.unit) == 3 and self.unit.isupper() and self.unit != "TEU"


class Change(_Frozen):
    """A signed change: a percent, an absolute amount, or both.

    Attributes:
        percent: Signed percent change (``-18.5`` for "a decline of 18.5%", ``100`` for "doubled").
        absolute: Signed absolute change ("up $200 million" is ``+2e8 USD``).
        basis: What the change compares with: ``yoy`` (same period a year earlier),
            ``mom`` (previous month), ``qoq`` (previous quarter) or ``pop`` (previous
            period of another length); ``None`` when the text names none.
        text: The surface text the change was read from.
    """

    percent: Optional[Number] = None
    absolute: Optional[Amount] = None
    basis: Optional[Basis] = None
    text: Optional[str] = None


class Period(_Frozen):
    """A closed calendar interval ``start..end`` (both days included).

    Attributes:
        start: First day of the period.
        end: Last day of the period.
        grain: What the text named: a ``month``, ``quarter``, ``half``, ``year``,
            ``fiscal_year``, a single ``day`` or any other ``range``.
        text: The surface text the period was read from.
    """

    start: dt.date
    end: dt.date
    grain: Grain = "range"
    text: Optional[str] = None


class Evidence(_Frozen):
    """The sentence a claim was read from, as character offsets into the input text.

    Attributes:
        start: Offset of the first character.
        end: Offset just past the last character (``text == source[start:end]``).
        text: The sentence itself, character for character.
    """

    start: int
    end: int
    text: str


class TradeClaim(_Frozen):
    """One statistical statement about one flow of international trade (see CLAIMS.md).

    Attributes:
        evidence: The sentence or headline line that states the claim.
        flow: ``export``, ``import``, ``trade`` (total or bilateral) or ``balance``.
        reporter: ISO 3166-1 alpha-3 code of the country whose flow it is, or None.
        partner: The other side: ISO alpha-3, ``WLD`` for all partners, a group code
            (``EU``, ``ASEAN``, ``GCC``, ...), or None.
        commodity: The product as written, lower-case, or None for all goods.
        period: The calendar period the figure covers, or None when no reader could tell.
        amount: The value or volume, or None when only a change is stated.
        change: The change, or None.
        approximate: True when a figure is hedged or bounded ("nearly", "over", ...).
    """

    evidence: Evidence
    flow: Flow
    reporter: Optional[str] = None
    partner: Optional[str] = None
    commodity: Optional[str] = None
    period: Optional[Period] = None
    amount: Optional[Amount] = None
    change: Optional[Change] = None
    approximate: bool = False
