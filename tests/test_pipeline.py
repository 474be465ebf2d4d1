"""End to end: text in, typed span-linked claims out; Doc plumbing; bad input."""
from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from spacy.tokens import Doc

import tradeclaims
from tradeclaims import TradeClaim, claims_from_doc, extract
from tradeclaims.pipeline import extract_dicts

ROOT = Path(__file__).resolve().parent.parent

ARTICLE = """\
# Thai rice exports climb in first half

Thailand exported 4.1 million tonnes of rice in the first six months of 2025, up 8.2% from a year earlier, the Commerce Ministry said on Monday.

Export revenue from rice rose 11.4% to $2.61 billion over the same period.

Overall exports reached $150.2 billion, compared with $141.7 billion in the first half of 2024, while imports totalled $146.9 billion, an increase of 5.1%.

The country's trade surplus narrowed to $3.3 billion.
"""


@pytest.fixture(scope="module")
def claims():
    return extract(ARTICLE, published="2025-07-21")


def _find(claims, flow, value=None, unit=None, percent=None):
    for c in claims:
        if c.flow != flow:
            continue
        if value is not None and (c.amount is None or abs(abs(float(c.amount.value)) - value) > 1e-6 * value):
            continue
        if unit is not None and (c.amount is None or c.amount.unit != unit):
            continue
        if percent is not None and (c.change is None or c.change.percent is None or float(c.change.percent) != percent):
            continue
        return c
    raise AssertionError(f"no {flow} claim {value} {unit} {percent} in {[c.model_dump(mode='json') for c in claims]}")


def test_volume_claim(claims):
    c = _find(claims, "export", 4.1e6, "t")
    assert c.reporter == "THA" and c.partner == "WLD"
    assert c.commodity == "rice"
    assert (c.period.start, c.period.end) == (dt.date(2025, 1, 1), dt.date(2025, 6, 30))
    assert float(c.change.percent) == 8.2


def test_value_claim_with_inherited_period(claims):
    c = _find(claims, "export", 2.61e9, "USD")
    assert float(c.change.percent) == 11.4
    assert c.period is not None and c.period.end == dt.date(2025, 6, 30)


def test_base_value_is_its_own_claim(claims):
    now = _find(claims, "export", 150.2e9, "USD")
    base = _find(claims, "export", 141.7e9, "USD")
    assert now.commodity is None and now.partner == "WLD"
    assert base.period.start == dt.date(2024, 1, 1) and base.period.end == dt.date(2024, 6, 30)
    assert base.change is None


def test_second_flow_in_one_sentence(claims):
    c = _find(claims, "import", 146.9e9, "USD", 5.1)
    assert c.reporter == "THA"


def test_balance_is_signed_and_positive_for_surplus(claims):
    c = _find(claims, "balance", 3.3e9, "USD")
    assert c.amount.value > 0


def test_evidence_slices_back_to_the_text(claims):
    assert claims
    for c in claims:
        assert ARTICLE[c.evidence.start:c.evidence.end] == c.evidence.text


def test_json_dump_uses_claims_md_names_and_numbers(claims):
    d = _find(claims, "export", 4.1e6, "t").model_dump(mode="json")
    assert set(d) >= {"evidence", "flow", "reporter", "partner", "commodity", "period", "amount", "change", "approximate"}
    assert d["amount"]["value"] == 4100000 and isinstance(d["amount"]["value"], (int, float))
    assert d["period"]["start"] == "2025-01-01"
    assert TradeClaim.model_validate(d) == _find(claims, "export", 4.1e6, "t")


def test_deficit_is_negative():
    claims = extract("The Philippines posted a trade deficit of $4.39 billion in May.", published="2023-07-10")
    c = _find(claims, "balance", 4.39e9)
    assert c.amount.value < 0 and c.reporter == "PHL"


def test_hedge_makes_claim_approximate():
    claims = extract("Kenya's tea exports reached nearly 600 million kilograms in 2024.", published="2025-02-01")
    c = _find(claims, "export", 6e8, "kg")
    assert c.approximate is True and c.commodity == "tea" and c.reporter == "KEN"


def test_nothing_for_shares_forecasts_and_gdp():
    text = ("Rice accounted for 12% of total exports. Exports are expected to reach $500 billion next year. "
            "GDP grew 5.1% in the quarter.")
    assert extract(text, published="2024-05-01") == []


def test_repeated_sentence_gives_its_claims_once():
    line = "Exports rose 4.5% to $12.3 billion in March."
    claims = extract(f"{line}\n\n{line}", published="2024-04-15")
    assert len([c for c in claims if c.amount is not None]) == 1


def test_pipeline_doc_holds_plain_data_and_round_trips(nlp):
    doc = nlp("Vietnam's exports to the U.S. rose 20% to $9.1 billion in January 2024.")
    assert isinstance(doc._.trade_claims, list) and isinstance(doc._.trade_claims[0], dict)
    assert [s.label_ for s in doc.spans["tradeclaims"]] == ["export"]
    restored = Doc(nlp.vocab).from_bytes(doc.to_bytes())
    assert restored._.trade_claims == doc._.trade_claims
    assert claims_from_doc(restored)[0].partner == "USA"


def test_nlp_pipe_with_two_processes_matches_one(nlp):
    texts = [f"Exports rose {i}.5% to ${i + 1} billion in March 2024." for i in range(6)]
    one = [d._.trade_claims for d in nlp.pipe(texts)]
    two = [d._.trade_claims for d in nlp.pipe(texts, n_process=2, batch_size=2)]
    assert one == two and all(one)


def test_factories_register_through_entry_point_in_fresh_interpreter():
    code = (
        "import sys, spacy\n"
        "nlp = spacy.blank('en')\n"
        "nlp.add_pipe('tradeclaims_sentences')\n"
        "doc = nlp('Exports to the U.S. rose. Imports fell.')\n"
        "print(len(list(doc.sents)))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "2"


def test_sentence_splitter_keeps_abbreviations_and_amounts(nlp):
    doc = nlp("Sales to the U.S. Census Bureau's list rose. Imports hit $1.5 bn. Exports fell on Jan. 8 again.")
    assert [s.text for s in doc.sents] == [
        "Sales to the U.S. Census Bureau's list rose.", "Imports hit $1.5 bn.", "Exports fell on Jan. 8 again."]


def test_title_gives_context_but_no_claims():
    claims = extract("Exports rose 3% to $2 billion in June.", title="Chile's trade update", published="2024-07-10")
    assert len(claims) == 1 and claims[0].reporter == "CHL" and claims[0].evidence.start == 0


@pytest.mark.parametrize("bad", [None, 12, 3.5, ["text"], {"text": "x"}])
def test_non_text_is_a_type_error(bad):
    with pytest.raises(TypeError, match="`text` must be str"):
        extract(bad)


def test_bytes_is_a_type_error_with_a_hint():
    with pytest.raises(TypeError, match="decode"):
        extract(b"Exports rose 5%")


@pytest.mark.parametrize("bad", ["yesterday", "2024-13-01", 20240101, object()])
def test_bad_published_names_the_argument(bad):
    with pytest.raises(ValueError, match="`published`"):
        extract("Exports rose 5% in May.", published=bad)


@pytest.mark.parametrize("text", ["", "   \n\n ", "\x00\x01\x02\xff", "Les exportations ont augmenté de 5 %.",
                                  "出口增长了5%。", "12345 67.8 9%"])
def test_empty_binary_and_foreign_text_give_no_claims(text):
    assert extract(text) == []


def test_html_is_read_with_exact_offsets():
    html = "<html><body><p>Malaysia&#39;s exports rose 4.1% to RM120.5 billion in May 2024.</p></body></html>"
    claims = extract(html, published="2024-06-20")
    c = _find(claims, "export", 120.5e9, "MYR")
    assert html[c.evidence.start:c.evidence.end] == c.evidence.text and "exports rose" in c.evidence.text


def test_huge_text_is_chunked_with_exact_offsets():
    para = "Exports rose 4.5% to $12.3 billion in March, the agency said. Nothing else happened here.\n\n"
    filler = "Officials met to discuss the weather and football at length.\n\n" * 20
    text = (para + filler) * 800  # about 1.06 million characters: past spaCy's max_length
    assert len(text) > 1_000_000
    claims = extract_dicts(text, published="2024-04-15")
    assert len(claims) == 1  # the repeated sentence counts once per chunk at most
    for c in claims:
        assert text[c["evidence"]["start"]:c["evidence"]["end"]] == c["evidence"]["text"]


def test_public_surface_is_listed():
    for name in tradeclaims.__all__:
        assert getattr(tradeclaims, name) is not None


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=300))
@example("Exports rose 5% to $(1) billion in Q9 FY99-.")
@example("$.bn 1e99% deficit surplus trade -- 0/B")
def test_extract_never_raises(text):
    for c in extract(text, published="2024-05-01"):
        assert text[c.evidence.start:c.evidence.end] == c.evidence.text


def test_a_forecast_as_the_only_figure_gives_no_claim_and_no_error():
    # regression: dropping the forecast figure left the flow with no figure at all
    text = "The figure fell short of the $7.9 billion surplus expected by economists in a poll."
    assert extract(text, published="2024-09-06") == []


def test_text_without_a_flow_word_skips_the_pipeline(monkeypatch):
    from tradeclaims import builder, pipeline

    text = "The central bank held its key rate at 5.25% in May, and inflation eased to 3.1%.\n\n" * 50
    assert not builder.names_a_flow(text)
    made = []
    real_make_doc = pipeline._make_doc
    monkeypatch.setattr(pipeline, "_make_doc", lambda nlp, body, iso: made.append(body) or real_make_doc(nlp, body, iso))
    out = list(tradeclaims.extract_many([text, "", "Exports rose 5% to $2 billion."], published="2024-06-01"))
    assert out[:2] == [[], []] and len(out[2]) == 1
    assert made == ["Exports rose 5% to $2 billion."]  # only the text that names a flow was parsed

    def no_pipeline():
        raise AssertionError("the pipeline ran on a text without a flow word")

    monkeypatch.setattr(pipeline, "_default_nlp", no_pipeline)
    assert extract(text, published="2024-06-01") == []


# Texts whose flow word only appears once the text is masked, cut into sentences or joined
# to its headline: the skip must not lose their claims.
@pytest.mark.parametrize("text,title,n_claims", [
    ("<p>Kenya's foreign <b>sales</b> rose 5% to $2 billion in May.</p>", None, 1),
    ("Kenya earned $2 billion in May from trade\nPolicy makers welcomed the figures.", None, 1),
    ("Data from the statistics office showed, that was up 5% from $1.9 billion a year earlier.",
     "Kenya earned $2 billion in May from trade", 2),
])
def test_the_flow_word_skip_loses_no_claim(text, title, n_claims):
    assert len(extract(text, published="2024-06-01", title=title)) == n_claims
    if title is None:
        assert list(map(len, tradeclaims.extract_many([text], published="2024-06-01"))) == [n_claims]


@pytest.mark.parametrize("path", sorted((ROOT / "tests" / "cases").glob("claims_*.jsonl")), ids=lambda p: p.stem)
def test_every_claim_follows_a_flow_word(path):
    # the premise of the skip: the text up to the end of each claim's sentence names a flow
    from tradeclaims import builder

    for line in path.read_text(encoding="utf-8").splitlines():
        case = json.loads(line)
        for c in extract_dicts(case["text"], published=case.get("published")):
            assert builder.names_a_flow(case["text"][:c["evidence"]["end"]]), c["evidence"]["text"]


def test_extract_iter_gives_the_claims_of_extract(claims):
    assert list(tradeclaims.extract_iter(ARTICLE, published="2025-07-21")) == claims


def test_extract_iter_checks_its_arguments_when_called():
    with pytest.raises(TypeError, match="decode"):
        tradeclaims.extract_iter(b"Exports rose 5%.")
    with pytest.raises(ValueError, match="published"):
        tradeclaims.extract_iter("Exports rose 5%.", published="yesterday")


def test_extract_iter_reads_a_huge_text_piece_by_piece(monkeypatch):
    from tradeclaims import pipeline

    # every paragraph is another sentence, so every piece gives claims of its own
    text = "".join(f"Exports rose {i % 50 + 1}.{i % 9}% to ${i}.3 million in March, the agency said.\n\n"
                   for i in range(5_000))  # about 380,000 characters: four pieces
    made = []
    real_make_doc = pipeline._make_doc
    monkeypatch.setattr(pipeline, "_make_doc", lambda nlp, body, iso: made.append(len(body)) or real_make_doc(nlp, body, iso))
    stream = tradeclaims.extract_iter(text, published="2024-04-15")
    first = next(stream)
    assert len(made) == 1 and made[0] <= pipeline.CHUNK_CHARS  # one piece read, not the whole text
    claims = [first, *stream]
    assert len(made) == 4 and len(claims) == 5_000
    assert claims[-1].evidence.start > 3 * pipeline.CHUNK_CHARS
    assert all(text[c.evidence.start:c.evidence.end] == c.evidence.text for c in claims)
    assert [c.model_dump() for c in claims] == [c.model_dump() for c in extract(text, published="2024-04-15")]


def test_long_sentences_stay_out_of_the_caches():
    from tradeclaims.normalize import change, period

    sentence = "Exports rose 5% in May, " + "and the figures were revised, " * 100 + "officials said."
    before = period._candidates.cache_info().currsize, change._cues.cache_info().currsize
    period.find_periods(sentence, published="2024-06-01")
    change.direction(sentence, 13)
    assert (period._candidates.cache_info().currsize, change._cues.cache_info().currsize) == before


def test_a_processed_doc_keeps_no_copy_of_its_text(nlp):
    from tradeclaims import components

    doc = nlp("Exports rose 5% to $2 billion in May.")
    assert doc not in components._TEXTS


@pytest.mark.parametrize("those,with_", [("those", "with"), ("THOſE", "WİTH")])
def test_pre_checks_are_as_case_blind_as_the_patterns_they_guard(those, with_):
    # "ſ" matches "s" and "İ" matches "i" in a case-insensitive pattern, but not after str.lower()
    text = (f"Exports to China rose 5% to $2 billion in May, while {those} to Japan fell 3% to $1 billion. "
            f"Exports rose 5% in May, {with_} coffee fetching $1.1 billion.")
    claims = extract_dicts(text, published="2024-06-01")
    assert [(c["partner"], c["commodity"]) for c in claims] == [("CHN", None), ("JPN", None), ("WLD", "coffee")]
