"""Claims from sentence styles the dev articles do not contain (written for the project)."""
from __future__ import annotations

import pytest

from tradeclaims import extract

# (text, published, expected claims as (flow, reporter, partner, commodity, start, end, value, unit, percent))
CASES = [
    ("Australia's exports to China fell 12% to A$14.2 billion in the June quarter, the Australian Bureau of "
     "Statistics said.", "2024-08-01",
     [("export", "AUS", "CHN", None, "2024-04-01", "2024-06-30", 14.2e9, "AUD", -12)]),
    ("India's merchandise exports in FY2023-24 stood at $437 billion, down 3.1% from $451 billion in FY2022-23.",
     "2024-04-16",
     [("export", "IND", "WLD", None, "2023-04-01", "2024-03-31", 437e9, "USD", -3.1),
      ("export", "IND", "WLD", None, "2022-04-01", "2023-03-31", 451e9, "USD", None)]),
    ("Germany's trade surplus widened to €22.2 billion in March from €20.5 billion in February, Destatis said.",
     "2024-05-08",
     [("balance", "DEU", "WLD", None, "2024-03-01", "2024-03-31", 22.2e9, "EUR", None),
      ("balance", "DEU", "WLD", None, "2024-02-01", "2024-02-29", 20.5e9, "EUR", None)]),
    ("U.S. imports from Mexico rose 5.2% to $475.6 billion in 2023, making it the top trading partner.", "2024-02-07",
     [("import", "USA", "MEX", None, "2023-01-01", "2023-12-31", 475.6e9, "USD", 5.2)]),
    ("Nigeria recorded a trade surplus of N1.2 trillion in the third quarter of 2023, according to the National "
     "Bureau of Statistics.", "2023-12-20",
     [("balance", "NGA", "WLD", None, "2023-07-01", "2023-09-30", 1.2e12, "NGN", None)]),
    ("Stats NZ said dairy exports rose $240 million, or 14 percent, to $1.9 billion in May.", "2024-06-25",
     [("export", "NZL", "WLD", "dairy", "2024-05-01", "2024-05-31", 1.9e9, "NZD", 14)]),
    ("South Africa's trade balance swung to a deficit of R3.2 billion in January from a surplus of R12.4 billion in "
     "December.", "2024-02-29",
     [("balance", "ZAF", "WLD", None, "2024-01-01", "2024-01-31", -3.2e9, "ZAR", None),
      ("balance", "ZAF", "WLD", None, "2023-12-01", "2023-12-31", 12.4e9, "ZAR", None)]),
    ("Brazil shipped 9.8 million tonnes of iron ore last month, up from 8.1 million tonnes a year earlier.", "2024-03-05",
     [("export", "BRA", "WLD", "iron ore", "2024-02-01", "2024-02-29", 9.8e6, "t", None),
      ("export", "BRA", "WLD", "iron ore", "2023-02-01", "2023-02-28", 8.1e6, "t", None)]),
    ("Exports are expected to reach $50 billion by 2025, the minister said, while GDP grew 5.1% in the first quarter.",
     "2024-05-01", []),
    ("China's exports to the EU rose 3.1% year on year in the first 10 months, while imports from the bloc fell 1.2%.",
     "2024-11-07",
     [("export", "CHN", "EU", None, "2024-01-01", "2024-10-31", None, None, 3.1),
      ("import", "CHN", "EU", None, "2024-01-01", "2024-10-31", None, None, -1.2)]),
]


def _row(c):
    d = c.model_dump(mode="json")
    amount = d["amount"] or {}
    change = d["change"] or {}
    return (d["flow"], d["reporter"], d["partner"], d["commodity"], d["period"] and d["period"]["start"],
            d["period"] and d["period"]["end"], amount.get("value"), amount.get("unit"), change.get("percent"))


@pytest.mark.parametrize("text,published,expected", CASES, ids=[c[0][:40] for c in CASES])
def test_style(text, published, expected):
    got = [_row(c) for c in extract(text, published=published)]
    assert len(got) == len(expected), got
    for row, want in zip(got, expected):
        assert row[:6] == want[:6], (row, want)
        if want[6] is None:
            assert row[6] is None
        else:
            assert row[6] == pytest.approx(want[6]) and row[7] == want[7], (row, want)
        assert row[8] == (pytest.approx(want[8]) if want[8] is not None else None), (row, want)


def test_balance_scope_and_category_words_are_no_new_flows():
    """"in its trade with the U.S." scopes the surplus; "export category" names a category."""
    text = ("That left Mexico with a surplus of $171.9 billion in its trade with the U.S., up from $152.4 billion "
            "a year earlier. Auto exports, the country's biggest export category, grew 6.2% to $189 billion in 2024.")
    got = [_row(c) for c in extract(text, published="2025-02-20")]
    assert [(r[0], r[2], r[6]) for r in got] == [("balance", "USA", 171.9e9), ("balance", "USA", 152.4e9),
                                                 ("export", "WLD", 189e9)]
    assert got[2][3] == "autos"
