"""The batch API: extract_many / extract_records give what extract gives, text by text."""
from __future__ import annotations

import datetime as dt
import json
import pickle

import pytest

from tradeclaims.batch import RECORD_COLUMNS, SPARK_SCHEMA, _period_code, extract_many, extract_records
from tradeclaims.pipeline import extract

from batch_texts import batch_texts

@pytest.fixture(scope="module")
def corpus() -> tuple[list[str], list[str | None]]:
    items = batch_texts()
    return [t for t, _ in items], [d for _, d in items]


@pytest.fixture(scope="module")
def expected(corpus):
    texts, dates = corpus
    return [[c.model_dump(mode="json") for c in extract(t, published=d)] for t, d in zip(texts, dates)]


def _dump(out):
    return [[c.model_dump(mode="json") for c in claims] for claims in out]


def test_same_as_extract_text_by_text(corpus, expected):
    texts, dates = corpus
    assert sum(map(len, expected)) > 20
    assert _dump(extract_many(texts, published=dates, batch_size=3)) == expected


def test_two_processes_same_as_one(corpus, expected):
    texts, dates = corpus
    assert _dump(extract_many(iter(texts), published=iter(dates), batch_size=2, n_process=2)) == expected


def test_lazy_stream_and_single_date():
    texts = (t for t in ["Exports rose 5% to $2 billion in May.", "Imports fell 1% in May."])
    out = extract_many(texts, published=dt.date(2024, 6, 1))
    first = next(out)
    assert first[0].period.start == dt.date(2024, 5, 1)
    assert [c.flow for c in next(out)] == ["import"]
    assert next(out, None) is None


def test_records_are_flat_and_picklable(corpus, expected):
    texts, dates = corpus
    rows = extract_records(texts, published=dates)
    assert len(rows) == sum(map(len, expected))
    for row in rows:
        assert tuple(row) == RECORD_COLUMNS
        assert all(v is None or type(v) in (str, int, float, bool) for v in row.values())
    assert pickle.loads(pickle.dumps(rows)) == rows
    json.dumps(rows)
    assert [r["text_index"] for r in rows] == sorted(r["text_index"] for r in rows)
    by_text = [[r for r in rows if r["text_index"] == i] for i in range(len(texts))]
    for claims, text_rows in zip(expected, by_text):
        assert [r["evidence_start"] for r in text_rows] == [c["evidence"]["start"] for c in claims]
    assert SPARK_SCHEMA.split(", ")[0] == "text_index long"
    assert [c.split()[0] for c in SPARK_SCHEMA.split(", ")] == list(RECORD_COLUMNS)


def test_comtrade_fields():
    rows = extract_records([
        "Chile's copper exports rose 12% to $4.2 billion in March.",
        "Vietnam's rice exports reached 8.1 million tonnes in 2023.",
        "Japan's imports fell 4% in the first quarter of 2024.",
        "Germany's trade surplus widened to €16.7 billion in August.",
    ], published="2024-04-08")
    got = {r["text_index"]: r for r in rows}
    assert (got[0]["reporterISO"], got[0]["partnerISO"], got[0]["flowCode"], got[0]["period"]) == ("CHL", "WLD", "X", "202403")
    assert got[0]["primaryValue"] == 4.2e9 and got[0]["cmdCode"] is None  # copper: not mapped to HS yet
    assert (got[1]["flowCode"], got[1]["period"], got[1]["primaryValue"]) == ("X", "2023", None)  # tonnes
    assert (got[2]["flowCode"], got[2]["period"], got[2]["cmdCode"]) == ("M", None, "TOTAL")  # a quarter
    assert got[2]["primaryValue"] is None  # change only
    assert (got[3]["flowCode"], got[3]["primaryValue"]) == (None, 16.7e9)


@pytest.mark.parametrize("start,end,code", [
    ("2024-01-01", "2024-12-31", "2024"),
    ("2024-02-01", "2024-02-29", "202402"),
    ("2023-12-01", "2023-12-31", "202312"),
    ("2024-02-01", "2024-02-28", None),
    ("2024-01-01", "2024-03-31", None),
    ("2023-04-01", "2024-03-31", None),
    ("2024-05-08", "2024-05-08", None),
])
def test_period_code(start, end, code):
    assert _period_code({"start": start, "end": end}) == code


def test_period_code_none():
    assert _period_code(None) is None


@pytest.mark.parametrize("kwargs,name", [
    ({"batch_size": 0}, "batch_size"),
    ({"batch_size": True}, "batch_size"),
    ({"batch_size": "64"}, "batch_size"),
    ({"n_process": 0}, "n_process"),
    ({"n_process": -2}, "n_process"),
    ({"n_process": 1.5}, "n_process"),
    ({"published": "yesterday"}, "published"),
    ({"published": ["2024-01-01"]}, "published"),  # one date for two texts
    ({"published": 20240101}, "published"),
])
def test_bad_options_fail_before_any_work(kwargs, name):
    with pytest.raises(ValueError, match=f"`{name}` value = "):
        extract_many(["a", "b"], **kwargs)  # no iteration needed: checked at the call
    with pytest.raises(ValueError, match=f"`{name}` value = "):
        extract_records(["a", "b"], **kwargs)


def test_bad_date_in_list_names_its_index():
    with pytest.raises(ValueError, match=r"`published\[1\]` value = 'soon'"):
        list(extract_many(["a", "b"], published=["2024-01-01", "soon"]))


def test_published_stream_of_another_length():
    with pytest.raises(ValueError, match="`published` has 1 dates"):
        list(extract_many(iter(["a", "b"]), published=iter(["2024-01-01"])))
    with pytest.raises(ValueError, match="`published` has more dates"):
        list(extract_many(iter(["a"]), published=iter(["2024-01-01", None])))


@pytest.mark.parametrize("texts,match", [
    (["ok", 3], r"`texts\[1\]` must be str, not int"),
    ([b"bytes"], r"`texts\[0\]` must be str, not bytes; decode"),
    ("one text", r"`texts` must be an iterable of str, not str"),
    (None, r"`texts` must be an iterable of str, not NoneType"),
])
def test_bad_texts(texts, match):
    with pytest.raises(TypeError, match=match):
        extract_many(texts)


def test_bad_text_in_a_stream_names_its_index():
    out = extract_many(t for t in ["Exports rose 5%.", None])
    with pytest.raises(TypeError, match=r"`texts\[1\]` must be str, not NoneType"):
        list(out)
