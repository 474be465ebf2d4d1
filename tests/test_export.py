"""Flat exports: records, JSON lines, CSV and DataFrames from claims or their dicts."""
from __future__ import annotations

import csv
import io
import json
import sys
from decimal import Decimal

import pytest

from tradeclaims.export import COLUMNS, to_csv, to_dataframe, to_jsonl, to_records
from tradeclaims.models import TradeClaim

TEXT = "Exports rose 12.5% to $3.2 billion in the first nine months of 2025, up $350 million."

FULL = {
    "evidence": {"start": 0, "end": len(TEXT), "text": TEXT},
    "flow": "export",
    "reporter": "VNM",
    "partner": "WLD",
    "commodity": "rice",
    "period": {"start": "2025-01-01", "end": "2025-09-30", "grain": "range", "text": "first nine months of 2025"},
    "amount": {"value": 3.2e9, "unit": "USD", "text": "$3.2 billion"},
    "change": {"percent": 12.5, "absolute": {"value": 3.5e8, "unit": "USD"}, "basis": "yoy", "text": "12.5%"},
    "approximate": True,
}
CHANGE_ONLY = {
    "evidence": {"start": 10, "end": 34, "text": "Imports fell 3% in March"},
    "flow": "import",
    "change": {"percent": -3},
}


@pytest.fixture
def claims():
    return [TradeClaim.model_validate(FULL), TradeClaim.model_validate(CHANGE_ONLY)]


def test_records_have_every_column_in_order(claims):
    rows = to_records(claims, source="a.md")
    assert [list(r) for r in rows] == [list(COLUMNS)] * 2


def test_record_values_are_flat_json_scalars(claims):
    row = to_records(claims, source="a.md")[0]
    assert row == {
        "source": "a.md",
        "evidence_start": 0,
        "evidence_end": len(TEXT),
        "evidence": TEXT,
        "flow": "export",
        "reporter": "VNM",
        "partner": "WLD",
        "commodity": "rice",
        "period_start": "2025-01-01",
        "period_end": "2025-09-30",
        "amount_value": 3200000000,
        "amount_unit": "USD",
        "change_percent": 12.5,
        "change_absolute_value": 350000000,
        "change_absolute_unit": "USD",
        "change_basis": "yoy",
        "approximate": True,
    }
    # Whole numbers come out as int so a CSV cell reads 3200000000, not 3200000000.0.
    assert type(row["amount_value"]) is int


def test_missing_parts_are_none(claims):
    row = to_records(claims)[1]
    assert row["source"] is None
    assert row["change_percent"] == -3
    for key in ("reporter", "partner", "commodity", "period_start", "period_end", "amount_value",
                "amount_unit", "change_absolute_value", "change_absolute_unit", "change_basis"):
        assert row[key] is None, key
    assert row["approximate"] is False


def test_dicts_in_any_dump_mode_give_the_same_rows(claims):
    python_mode = [c.model_dump() for c in claims]  # Decimals and dates
    json_mode = [c.model_dump(mode="json") for c in claims]
    assert isinstance(python_mode[0]["amount"]["value"], Decimal)
    assert to_records(python_mode) == to_records(json_mode) == to_records(claims)


def test_a_dicts_own_source_is_used_unless_overridden(claims):
    line = {"source": "from-line.md", **claims[0].model_dump(mode="json")}
    assert to_records([line])[0]["source"] == "from-line.md"
    assert to_records([line], source="given.md")[0]["source"] == "given.md"


def test_bad_items_raise_clear_errors(claims):
    with pytest.raises(TypeError, match=r"`claims\[0\]` must be a TradeClaim or a dict, not int"):
        to_records([1])
    with pytest.raises(TypeError, match="iterable of claims"):
        to_records(claims[0])
    with pytest.raises(ValueError, match=r"`claims\[1\]`.*flow"):
        to_records([FULL, {**CHANGE_ONLY, "flow": "smuggling"}])


def test_jsonl_round_trips(claims):
    text = to_jsonl(claims)
    lines = text.splitlines()
    assert len(lines) == 2 and text.endswith("\n")
    assert [TradeClaim.model_validate(json.loads(line)) for line in lines] == claims
    assert to_jsonl([]) == ""


def test_jsonl_keeps_source_first_and_non_ascii_as_is():
    claim = {**CHANGE_ONLY, "evidence": {"start": 0, "end": 21, "text": "Exports hit €2bn, 5%."}}
    line = to_jsonl([{"source": "de.md", **claim}])
    assert list(json.loads(line))[0] == "source"
    assert "€" in line


def test_csv_to_a_file_has_header_and_rows(tmp_path, claims):
    path = tmp_path / "claims.csv"
    to_csv(to_records(claims, source="a.md"), path)
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert tuple(rows[0]) == COLUMNS
    assert rows[0]["amount_value"] == "3200000000" and rows[0]["evidence"] == TEXT
    assert rows[1]["amount_value"] == "" and rows[1]["change_percent"] == "-3"


def test_csv_without_rows_still_has_the_header():
    buf = io.StringIO()
    to_csv([], buf)
    assert buf.getvalue() == ",".join(COLUMNS) + "\n"


def test_csv_rejects_unknown_columns():
    with pytest.raises(ValueError, match=r"`rows\[0\]`.*'colour'"):
        to_csv([{"flow": "export", "colour": "red"}], io.StringIO())


def test_dataframe(claims):
    pd = pytest.importorskip("pandas")
    df = to_dataframe(claims, source="a.md")
    assert isinstance(df, pd.DataFrame)
    assert list(df.columns) == list(COLUMNS) and len(df) == 2
    assert df.loc[0, "amount_value"] == 3.2e9 and df.loc[1, "flow"] == "import"


def test_dataframe_without_pandas_names_the_extra(monkeypatch, claims):
    monkeypatch.setitem(sys.modules, "pandas", None)  # makes ``import pandas`` raise ImportError
    with pytest.raises(ImportError, match=r'pip install "tradeclaims\[pandas\]"'):
        to_dataframe(claims)


def test_export_does_not_import_spacy():
    import subprocess

    code = "import sys, tradeclaims.export; print('spacy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
