"""Claim-level regression suite: short hand-written news texts and every claim CLAIMS.md says they hold.

The cases live in ``tests/cases/claims_<family>.jsonl``, one JSON object a line:

    {"id": "who-001", "text": "...", "published": "2024-05-14" | null, "note": "what it tests",
     "claims": [{flow, reporter, partner, commodity, period, amount, change, approximate}, ...],
     "xfail": null | "short reason naming the error class"}

Expected claims are written from CLAIMS.md (/work/shared/eval/CLAIMS.md), never from what the
extractor outputs. A case the extractor gets wrong carries an ``xfail`` reason and runs as a
strict xfail: when a fix makes it pass, the XPASS fails the run and the ``xfail`` is removed.

Comparison (a multiset match, same count on both sides); an expected and a predicted claim agree when:
- flow is equal;
- reporter and partner are equal (for ``trade`` as an unordered pair, as ``score.py`` does);
- commodity is equal after lower-casing (both may be null);
- period start and end are equal (both may be null);
- amount: value within 0.5% relative, same unit, same sign (both may be null);
- change percent within 0.05 (None must be None); change absolute, when the case gives one,
  within 0.5% with the same unit and sign; ``basis`` is informative only (not scored yet);
- approximate is equal.
"""
from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest

import tradeclaims

CASES_DIR = Path(__file__).resolve().parent / "cases"
CASE_FILES = sorted(CASES_DIR.glob("claims_*.jsonl"))

FLOWS = {"export", "import", "trade", "balance"}
GROUPS = {"WLD", "EU", "ASEAN", "RCEP", "GCC", "MERCOSUR", "BRICS", "AFRICA", "LATAM", "BRI", "OTHER"}
PHYSICAL_UNITS = {"t", "kg", "bbl", "bbl/d", "m3", "TEU", "units"}
BASES = {"yoy", "mom", "qoq", "pop"}
CASE_KEYS = {"id", "text", "published", "note", "claims", "xfail"}
CLAIM_KEYS = {"flow", "reporter", "partner", "commodity", "period", "amount", "change", "approximate"}
ISO3 = re.compile(r"^[A-Z]{3}$")
CURRENCY = re.compile(r"^[A-Z]{3}$")


def _read_cases() -> list[dict]:
    cases = []
    for path in CASE_FILES:
        with path.open(encoding="utf-8") as f:
            for lineno, line in enumerate(f, 1):
                if not line.strip():
                    continue
                case = json.loads(line)
                case["_where"] = f"{path.name}:{lineno}"
                case["_family"] = path.stem[len("claims_"):]
                cases.append(case)
    return cases


CASES = _read_cases()


def _params():
    out = []
    for case in CASES:
        marks = []
        if case.get("xfail"):
            marks.append(pytest.mark.xfail(strict=True, reason=case["xfail"]))
        out.append(pytest.param(case, marks=marks, id=case["id"]))
    return out


# ------------------------------------------------------------------ comparing

def _close(a: float, b: float, rel: float = 0.005) -> bool:
    return abs(a - b) <= rel * max(abs(a), abs(b), 1e-12)


def _quantity_agrees(exp: dict | None, got: dict | None) -> bool:
    if exp is None or got is None:
        return exp is None and got is None
    e, g = float(exp["value"]), float(got["value"])
    return got.get("unit") == exp["unit"] and (e >= 0) == (g >= 0) and _close(e, g)


def _period(p: dict | None):
    return None if p is None else (str(p["start"])[:10], str(p["end"])[:10])


def _lower(s):
    return None if s is None else str(s).strip().lower()


def field_errors(exp: dict, got: dict) -> list[str]:
    """Names of the fields on which a predicted claim disagrees with an expected one."""
    bad = []
    if exp["flow"] != got.get("flow"):
        bad.append("flow")
    if exp["flow"] == "trade":
        if {exp["reporter"], exp["partner"]} != {got.get("reporter"), got.get("partner")}:
            bad.append("reporter/partner")
    else:
        if exp["reporter"] != got.get("reporter"):
            bad.append("reporter")
        if exp["partner"] != got.get("partner"):
            bad.append("partner")
    if _lower(exp["commodity"]) != _lower(got.get("commodity")):
        bad.append("commodity")
    if _period(exp["period"]) != _period(got.get("period")):
        bad.append("period")
    if not _quantity_agrees(exp["amount"], got.get("amount")):
        bad.append("amount")
    ec, gc = exp["change"] or {}, got.get("change") or {}
    ep, gp = ec.get("percent"), gc.get("percent")
    if (ep is None) != (gp is None) or (ep is not None and abs(float(ep) - float(gp)) > 0.05):
        bad.append("change.percent")
    if ec.get("absolute") is not None and not _quantity_agrees(ec["absolute"], gc.get("absolute")):
        bad.append("change.absolute")
    if bool(exp["approximate"]) != bool(got.get("approximate")):
        bad.append("approximate")
    return bad


def _max_matching(expected: list[dict], predicted: list[dict]) -> dict[int, int]:
    """Maximum bipartite matching of expected to predicted claims that agree on every field."""
    ok = [[pi for pi, p in enumerate(predicted) if not field_errors(e, p)] for e in expected]
    owner: dict[int, int] = {}  # predicted index -> expected index

    def augment(ei: int, seen: set[int]) -> bool:
        for pi in ok[ei]:
            if pi in seen:
                continue
            seen.add(pi)
            if pi not in owner or augment(owner[pi], seen):
                owner[pi] = ei
                return True
        return False

    for ei in range(len(expected)):
        augment(ei, set())
    return {ei: pi for pi, ei in owner.items()}


def _brief(claim: dict) -> dict:
    """A predicted claim without evidence and surface texts, for the failure message."""
    out = {k: claim.get(k) for k in ("flow", "reporter", "partner", "commodity", "period",
                                     "amount", "change", "approximate")}
    if out["period"]:
        out["period"] = {"start": out["period"]["start"], "end": out["period"]["end"]}
    if out["amount"]:
        out["amount"] = {"value": out["amount"]["value"], "unit": out["amount"]["unit"]}
    if out["change"]:
        ch = {k: v for k, v in out["change"].items() if k != "text" and v is not None}
        if ch.get("absolute"):
            ch["absolute"] = {"value": ch["absolute"]["value"], "unit": ch["absolute"]["unit"]}
        out["change"] = ch or None
    return out


def _dumps(claims: list[dict]) -> str:
    return "\n".join("    " + json.dumps(c, ensure_ascii=False) for c in claims) or "    (none)"


@pytest.mark.parametrize("case", _params())
def test_case(case):
    got = [_brief(c.model_dump(mode="json"))
           for c in tradeclaims.extract(case["text"], published=case["published"])]
    expected = case["claims"]
    matched = _max_matching(expected, got)
    if len(matched) == len(expected) == len(got):
        return
    used = set(matched.values())
    lines = [f"{case['id']} ({case['_where']}): {case['note']}",
             f"text: {case['text']!r}  published={case['published']}",
             f"expected {len(expected)} claim(s), predicted {len(got)}; {len(matched)} matched",
             "expected:", _dumps(expected), "predicted:", _dumps(got)]
    for ei, e in enumerate(expected):
        if ei in matched:
            continue
        free = [p for pi, p in enumerate(got) if pi not in used]
        if free:
            best = min(free, key=lambda p: len(field_errors(e, p)))
            lines.append(f"unmatched expected #{ei}: nearest prediction differs on "
                         f"{', '.join(field_errors(e, best))}")
        else:
            lines.append(f"unmatched expected #{ei}: no prediction left")
    extra = [p for pi, p in enumerate(got) if pi not in used]
    if extra:
        lines.append(f"{len(extra)} unmatched prediction(s):")
        lines.append(_dumps(extra))
    pytest.fail("\n".join(lines), pytrace=False)


# ------------------------------------------------------------------ the case files themselves

def _is_date(s) -> bool:
    if not isinstance(s, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", s):
        return False
    try:
        dt.date.fromisoformat(s)
    except ValueError:
        return False
    return True


def _claim_problems(c: dict) -> list[str]:
    p = []
    if not isinstance(c, dict):
        return ["claim is not an object"]
    missing, extra = CLAIM_KEYS - c.keys(), c.keys() - CLAIM_KEYS
    if missing:
        p.append(f"missing keys {sorted(missing)}")
    if extra:
        p.append(f"unknown keys {sorted(extra)}")
    if missing:
        return p
    if c["flow"] not in FLOWS:
        p.append(f"flow {c['flow']!r}")
    if c["reporter"] is not None and not ISO3.match(str(c["reporter"])):
        p.append(f"reporter {c['reporter']!r} is not ISO alpha-3")
    if c["reporter"] in GROUPS - {"WLD"} or c["reporter"] == "WLD":
        p.append(f"reporter {c['reporter']!r} is a group")
    if c["partner"] is not None and not (ISO3.match(str(c["partner"])) or c["partner"] in GROUPS):
        p.append(f"partner {c['partner']!r} is neither ISO alpha-3 nor a group code")
    if c["partner"] is not None and c["partner"] == c["reporter"]:
        p.append("partner equals reporter")
    com = c["commodity"]
    if com is not None and (not isinstance(com, str) or not com.strip() or com != com.strip().lower()):
        p.append(f"commodity {com!r} must be a stripped lower-case phrase or null")
    per = c["period"]
    if per is not None:
        if not isinstance(per, dict) or set(per) != {"start", "end"}:
            p.append(f"period {per!r} must be {{start, end}}")
        elif not (_is_date(per["start"]) and _is_date(per["end"])):
            p.append(f"period {per!r} has non-ISO dates")
        elif per["start"] > per["end"]:
            p.append(f"period {per!r} ends before it starts")
    for name, q in (("amount", c["amount"]),
                    ("change.absolute", (c["change"] or {}).get("absolute") if isinstance(c["change"], dict) else None)):
        if q is None:
            continue
        if not isinstance(q, dict) or set(q) != {"value", "unit"}:
            p.append(f"{name} {q!r} must be {{value, unit}}")
        elif not isinstance(q["value"], (int, float)) or isinstance(q["value"], bool):
            p.append(f"{name} value {q['value']!r} is not a number")
        elif not (q["unit"] in PHYSICAL_UNITS or CURRENCY.match(str(q["unit"]))):
            p.append(f"{name} unit {q['unit']!r}")
    if c["amount"] is not None and isinstance(c["amount"].get("value"), (int, float)):
        if c["flow"] != "balance" and c["amount"]["value"] < 0:
            p.append("only a balance amount can be negative")
    ch = c["change"]
    if ch is not None:
        if not isinstance(ch, dict) or not set(ch) <= {"percent", "absolute", "basis"}:
            p.append(f"change {ch!r} has unknown keys")
        elif ch.get("percent") is None and ch.get("absolute") is None:
            p.append("change has neither percent nor absolute")
        else:
            if ch.get("percent") is not None and (not isinstance(ch["percent"], (int, float))
                                                  or isinstance(ch["percent"], bool)):
                p.append(f"change percent {ch['percent']!r} is not a number")
            if ch.get("basis") is not None and ch["basis"] not in BASES:
                p.append(f"change basis {ch['basis']!r}")
    if c["amount"] is None and c["change"] is None:
        p.append("a claim needs an amount or a change")
    if not isinstance(c["approximate"], bool):
        p.append("approximate must be true or false")
    return p


def test_case_files_are_valid():
    assert CASE_FILES, f"no case files in {CASES_DIR}"
    problems = []
    seen: dict[str, str] = {}
    for path in CASE_FILES:
        family = path.stem[len("claims_"):]
        for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            where = f"{path.name}:{lineno}"
            if not line.strip():
                continue
            try:
                case = json.loads(line)
            except json.JSONDecodeError as e:
                problems.append(f"{where}: not JSON ({e})")
                continue
            if not isinstance(case, dict):
                problems.append(f"{where}: not an object")
                continue
            if set(case) != CASE_KEYS:
                problems.append(f"{where}: keys {sorted(case)} != {sorted(CASE_KEYS)}")
                continue
            cid = case["id"]
            if not isinstance(cid, str) or not re.fullmatch(rf"{re.escape(family)}-\d{{3}}", cid):
                problems.append(f"{where}: id {cid!r} must be '{family}-NNN'")
            elif cid in seen:
                problems.append(f"{where}: id {cid!r} already used at {seen[cid]}")
            else:
                seen[cid] = where
            if not isinstance(case["text"], str) or not case["text"].strip():
                problems.append(f"{where}: empty text")
            if case["published"] is not None and not _is_date(case["published"]):
                problems.append(f"{where}: published {case['published']!r} is not YYYY-MM-DD or null")
            if not isinstance(case["note"], str) or not case["note"].strip():
                problems.append(f"{where}: note must say what the case tests")
            if case["xfail"] is not None and (not isinstance(case["xfail"], str) or not case["xfail"].strip()):
                problems.append(f"{where}: xfail must be null or a reason")
            if not isinstance(case["claims"], list):
                problems.append(f"{where}: claims must be a list")
                continue
            for i, claim in enumerate(case["claims"]):
                problems.extend(f"{where} claim #{i}: {msg}" for msg in _claim_problems(claim))
    assert not problems, "\n".join(problems)
    assert len(seen) >= 70, f"only {len(seen)} cases"
