"""Normalizers: surface text to typed values (money, quantities, changes, periods); no spaCy here.

Each ``parse_*`` accepts any string and returns a value or None; it never raises on a str.

>>> from tradeclaims.normalize import parse_money, parse_quantity, parse_change, parse_period
>>> parse_money("US$3.5bn").value, parse_money("US$3.5bn").unit
(Decimal('3500000000'), 'USD')
>>> parse_quantity("3.2 million tons").unit
't'
>>> float(parse_change("a decline of 18.5%").percent)
-18.5
>>> p = parse_period("H1 2024")
>>> (p.start.isoformat(), p.end.isoformat())
('2024-01-01', '2024-06-30')
"""
from .change import parse_change
from .money import parse_money
from .period import parse_period
from .quantity import parse_quantity

__all__ = ["parse_money", "parse_quantity", "parse_change", "parse_period"]
