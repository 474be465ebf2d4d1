"""Physical quantities: tables grouped by where the case comes from (see test_money.py)."""
from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tradeclaims.normalize.quantity import FoundQuantity, find_quantities, parse_quantity


def summary(text):
    return [(q.text, q.amount.value, q.amount.unit) for q in find_quantities(text)]


def case(text, expected, id=None, marks=()):
    want = [(s, Decimal(v), u) for s, v, u in expected]
    return pytest.param(text, want, id=id or text[:60], marks=marks)


FROM_ISSUE = [
    case("500,000 tonnes", [("500,000 tonnes", "5e5", "t")]),
    case("3.2 million tons", [("3.2 million tons", "3.2e6", "t")]),
    case("1.5 million metric tons", [("1.5 million metric tons", "1.5e6", "t")]),
    case("1.5 million metric tonnes", [("1.5 million metric tonnes", "1.5e6", "t")]),
    case("40,000 MT", [("40,000 MT", "4e4", "t")]),
    case("40,000 mt", [("40,000 mt", "4e4", "t")]),
    case("450 million kilograms", [("450 million kilograms", "4.5e8", "kg")]),
    case("20,000 TEUs", [("20,000 TEUs", "2e4", "TEU")]),
    case("1.2 million vehicles", [("1.2 million vehicles", "1.2e6", "units")]),
    case("71,000 cars", [("71,000 cars", "71000", "units")]),
    case("3,000 units", [("3,000 units", "3000", "units")]),
    case("2 million pieces", [("2 million pieces", "2e6", "units")]),
    case("15,000 head of cattle", [("15,000 head", "15000", "units")]),
    case("2,566 more new cars than in June", [("2,566 more new cars", "2566", "units")]),
    case("2.3 million barrels per day", [("2.3 million barrels per day", "2.3e6", "bbl/d")]),
    case("2.3 million barrels a day", [("2.3 million barrels a day", "2.3e6", "bbl/d")]),
    case("900,000 barrels", [("900,000 barrels", "9e5", "bbl")]),
    case("12 bcm", [("12 bcm", "1.2e10", "m3")]),
    case("12 billion cubic metres", [("12 billion cubic metres", "1.2e10", "m3")]),
    case("5,000 cubic meters", [("5,000 cubic meters", "5000", "m3")]),
    case("1.1 million bales", [("1.1 million bales", "1.1e6", "units")]),
]

DEV_STYLE = [
    case("Wheat shipments reached 9.4 million tonnes in the season, up from 8.1 million tonnes.",
         [("9.4 million tonnes", "9.4e6", "t"), ("8.1 million tonnes", "8.1e6", "t")]),
    case("The port handled 1.35 million TEUs of containers bound for Europe.",
         [("1.35 million TEUs", "1.35e6", "TEU")]),
    case("Crude exports averaged 1.9 mln barrels per day in May.",
         [("1.9 mln barrels per day", "1.9e6", "bbl/d")]),
    case("Rice exports hit 720,000 MT, worth $410 million.", [("720,000 MT", "7.2e5", "t")]),
    case("LNG imports from the country rose to 4.6 Mt in the year.", [("4.6 Mt", "4.6e6", "t")]),
    case("Cashew exports totalled 62,300 tons in the first two months.",
         [("62,300 tons", "62300", "t")]),
    case("Carmakers shipped 48,700 passenger cars abroad in October.",
         [("48,700 passenger cars", "48700", "units")]),
    case("Pipeline gas deliveries dropped to 15.5 billion cubic meters.",
         [("15.5 billion cubic meters", "1.55e10", "m3")]),
    case("Tea output sold abroad came to about 41 million kilos.",
         [("41 million kilos", "4.1e7", "kg")]),
    case("Exporters sent two million tonnes of sugar overseas.",
         [("two million tonnes", "2e6", "t")]),
]

HEDGES = [
    ("about 1.89 million tons", "about"),
    ("some 11.842 million tons", "some"),
    ("nearly 2 million tonnes", "nearly"),
    ("more than 500,000 vehicles", "more than"),
    ("an estimated 3 million tonnes", None),
]

NO_QUANTITY = [
    "26.7 million in the same period",
    "$5 billion",
    "yields of 3 tonnes per hectare",
    "consumption of 25 kg per capita",
    "A320 units were delivered",
    "the 50th anniversary",
    "exports rose 5%",
    "G20 summit",
    "",
]

XFAIL = [
    case("1.2 billion pounds of pork", [("1.2 billion pounds", "544310844", "kg")],
         marks=pytest.mark.xfail(strict=True, reason="pounds are a currency, not converted")),
    case("12 million bushels of corn", [("12 million bushels", "12e6", "bu")],
         marks=pytest.mark.xfail(strict=True, reason="bushels have no crop-free tonne factor")),
    case("1.2 million litres of milk", [("1.2 million litres", "1200", "m3")],
         marks=pytest.mark.xfail(strict=True, reason="litres are not a trade unit here")),
]


@pytest.mark.parametrize("text,expected", FROM_ISSUE)
def test_from_issue(text, expected):
    assert summary(text) == expected


@pytest.mark.parametrize("text,expected", DEV_STYLE)
def test_dev_style(text, expected):
    assert summary(text) == expected


@pytest.mark.parametrize("text,hedge", HEDGES)
def test_hedges(text, hedge):
    (q,) = find_quantities(text)
    assert q.hedge == hedge


@pytest.mark.parametrize("text", NO_QUANTITY)
def test_no_quantity(text):
    assert find_quantities(text) == []
    assert parse_quantity(text) is None


@pytest.mark.parametrize("text,expected", XFAIL)
def test_known_misses(text, expected):
    assert summary(text) == expected


def test_found_quantity_fields():
    text = "Japan bought some 500,000 tonnes of rice"
    (q,) = find_quantities(text)
    assert isinstance(q, FoundQuantity)
    assert text[q.start : q.end] == q.text == q.amount.text == "500,000 tonnes"
    assert q.hedge == "some"


@pytest.mark.parametrize("bad", [None, 7, b"5 tonnes"])
def test_non_str_input(bad):
    assert find_quantities(bad) == []
    assert parse_quantity(bad) is None


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_never_raises_and_offsets_slice_back(text):
    last_end = -1
    for q in find_quantities(text):
        assert text[q.start : q.end] == q.text
        assert q.start >= last_end
        last_end = q.end
    parse_quantity(text)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="0123456789., -milonbtesTEUkgMbarpdy/", max_size=40))
def test_never_raises_on_quantity_like_text(text):
    for q in find_quantities(text):
        assert text[q.start : q.end] == q.text
