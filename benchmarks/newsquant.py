"""Value+unit F1 of ``find_money`` + ``find_percents`` on NewsQuant money/percent, and speed.

The yardstick is ``/work/shared/eval/external/newsquant_money_percent.jsonl`` (see its
README): 189 news sentences, 334 quantities (180 money with ISO 4217 units, 154 percent).
A predicted quantity matches a gold one of the same sentence when the units are equal and
the values are close (relative 1e-5, absolute 1e-8, as ``numpy.isclose`` in the CQE
paper's ``evaluate_models.py``); each gold and each prediction matches at most once.
Gold ranges ("lo-hi") need a range prediction, which these finders never make: they count
as misses, as they do for the other systems. Published on the same subset: CQE 90.2,
quantulum3 77.5.

Predictions: every amount of ``find_money(sentence)`` (bracketed conversions included,
no currency hint) with its ISO code, and every ``find_percents(sentence)`` value with the
unit ``%`` (signed when the text writes a sign). The data is for measurement only: do not
copy its sentences into tests.

Usage::

    python benchmarks/newsquant.py [--data PATH] [--errors] [--json]
"""
from __future__ import annotations

import argparse
import json
import math
import sys
import time
from pathlib import Path

from tradeclaims.normalize.change import find_percents
from tradeclaims.normalize.money import find_money

DEFAULT_DATA = Path("/work/shared/eval/external/newsquant_money_percent.jsonl")

# Speed is measured on sentences of our own, in the style of trade news.
TYPICAL = (
    "Exports of garments rose 12.4 per cent year on year to US$2.31 billion in the first "
    "quarter, while imports from the region slipped 3.2% to $987 million, customs said."
)
NO_FIGURE = "The ministry said the new rules would take effect after the holiday season ends."


def _gold_value(raw: str):
    raw = str(raw)
    if "-" in raw[1:] and "E" not in raw and "e" not in raw:
        lo, hi = raw[0] + raw[1:].split("-", 1)[0], raw[1:].split("-", 1)[1]
        return (float(lo), float(hi))
    return float(raw)


def _close(a, b) -> bool:
    if isinstance(a, tuple) or isinstance(b, tuple):
        return (
            isinstance(a, tuple) and isinstance(b, tuple)
            and all(math.isclose(x, y, rel_tol=1e-5, abs_tol=1e-8) for x, y in zip(a, b))
        )
    return math.isclose(a, b, rel_tol=1e-5, abs_tol=1e-8)


def predict(text: str) -> list[tuple[float, str, str]]:
    """(value, unit, surface) of every money amount and percentage in ``text``."""
    out = [(float(f.amount.value), f.amount.unit, f.text) for f in find_money(text)]
    out += [(float(p.value), "%", p.text) for p in find_percents(text)]
    return out


def score(docs: list[dict], show_errors: bool = False) -> dict:
    tp = {"money": 0, "%": 0}
    n_gold = {"money": 0, "%": 0}
    n_pred = {"money": 0, "%": 0}
    n_range = 0
    for doc in docs:
        preds = predict(doc["text"])
        free = list(preds)
        misses = []
        for q in doc["quantities"]:
            kind = "%" if q["unit"] == "%" else "money"
            n_gold[kind] += 1
            value = _gold_value(q["value"])
            n_range += isinstance(value, tuple)
            hit = next((p for p in free if p[1] == q["unit"] and _close(value, p[0])), None)
            if hit is None:
                misses.append((q["value"], q["unit"], q.get("surface_unit")))
            else:
                tp[kind] += 1
                free.remove(hit)
        for p in preds:
            n_pred["%" if p[1] == "%" else "money"] += 1
        if show_errors and (misses or free):
            print(f"[{doc['index']}] {doc['text'][:160]}")
            for m in misses:
                print(f"    MISS  {m}")
            for p in free:
                print(f"    EXTRA {p}")
    result = {}
    for kind in ("money", "%", "all"):
        t = sum(tp.values()) if kind == "all" else tp[kind]
        g = sum(n_gold.values()) if kind == "all" else n_gold[kind]
        p = sum(n_pred.values()) if kind == "all" else n_pred[kind]
        prec = t / p if p else 0.0
        rec = t / g if g else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        result[kind] = {"tp": t, "gold": g, "pred": p, "P": round(100 * prec, 1),
                        "R": round(100 * rec, 1), "F1": round(100 * f1, 1)}
    # Ranges are not a feature of the finders: recall on the other gold quantities.
    single = result["all"]["gold"] - n_range
    result["recall_without_range_gold"] = {
        "gold": single, "R": round(100 * result["all"]["tp"] / single, 1) if single else 0.0
    }
    return result


def _per_call_us(fn, text: str, repeat: int = 2000) -> float:
    fn(text)  # warm caches (currency table, regexes)
    best = math.inf
    for _ in range(5):
        t0 = time.perf_counter()
        for _ in range(repeat):
            fn(text)
        best = min(best, (time.perf_counter() - t0) / repeat)
    return round(best * 1e6, 1)


def speed(docs: list[dict]) -> dict:
    both = lambda t: (find_money(t), find_percents(t))  # noqa: E731
    t0 = time.perf_counter()
    rounds = 20
    for _ in range(rounds):
        for doc in docs:
            both(doc["text"])
    mean_us = (time.perf_counter() - t0) / (rounds * len(docs)) * 1e6
    return {
        "typical_sentence_us": {
            "find_money": _per_call_us(find_money, TYPICAL),
            "find_percents": _per_call_us(find_percents, TYPICAL),
            "both": _per_call_us(both, TYPICAL),
        },
        "no_figure_sentence_us": _per_call_us(both, NO_FIGURE),
        "newsquant_mean_us_per_sentence": round(mean_us, 1),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--errors", action="store_true", help="print misses and extra predictions")
    ap.add_argument("--json", action="store_true", help="print the result as JSON")
    args = ap.parse_args(argv)
    if not args.data.exists():
        print(f"no data at {args.data}", file=sys.stderr)
        return 2
    docs = [json.loads(line) for line in args.data.read_text("utf-8").splitlines() if line.strip()]
    result = {"value+unit": score(docs, args.errors), "speed": speed(docs),
              "reference_F1": {"CQE": 90.2, "quantulum3": 77.5}}
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    print(f"NewsQuant money+percent: {len(docs)} sentences")
    for kind in ("money", "%", "all"):
        r = result["value+unit"][kind]
        print(f"  {kind:>5}: P {r['P']:5.1f}  R {r['R']:5.1f}  F1 {r['F1']:5.1f}"
              f"   (tp {r['tp']}, gold {r['gold']}, predicted {r['pred']})")
    r = result["value+unit"]["recall_without_range_gold"]
    print(f"  recall on the {r['gold']} gold quantities that are not ranges: {r['R']:.1f}")
    print("  reference value+unit F1: CQE 90.2, quantulum3 77.5")
    s = result["speed"]
    print(f"speed (µs per call): typical sentence {s['typical_sentence_us']}, "
          f"no-figure sentence {s['no_figure_sentence_us']}, "
          f"NewsQuant mean {s['newsquant_mean_us_per_sentence']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
