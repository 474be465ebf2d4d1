"""What each sentence says, as plain dicts: places (from the entity ruler), amounts, quantities, percents, periods.

The mentions are what the text states, before any interpretation: the claim builder
decides which figure belongs to which flow, country and period. Offsets are character
offsets into ``doc.text``.
"""
from __future__ import annotations

import re
from collections import Counter
from typing import Any

from .normalize.change import find_change_figures
from .normalize.money import find_money
from .normalize.period import find_periods
from .normalize.quantity import find_quantities
from .resources import country as country_info

PLACE_LABELS = ("COUNTRY", "DEMONYM", "CAPITAL", "GROUP", "AGENCY")
_CURRENCY_AFTER = re.compile(r"\s?(?:\$|dollars?\b|shillings?\b|rupees?\b|pesos?\b|yuan\b|riyals?\b|pounds?\b|"
                             r"dirhams?\b|ringgit\b|baht\b|won\b|yen\b|euros?\b|francs?\b|lira\b|rand\b|naira\b)", re.I)


def _sentence_bounds(doc, text: str) -> list[tuple[int, int]]:
    """Sentence character spans of ``doc`` (whose text is ``text``), trimmed of surrounding
    white space and Markdown heading marks.

    Read from ``doc.to_array`` rather than ``doc.sents``, which builds a Python object per token.
    """
    from spacy.attrs import IDX, SENT_START

    if len(doc) == 0:
        return []
    arr = doc.to_array([SENT_START, IDX])
    starts = arr[arr[:, 0] == 1, 1].tolist()  # none without sentence boundaries: one sentence
    if not starts or starts[0] != 0:
        starts.insert(0, 0)
    out = []
    for i, start in enumerate(starts):
        end = starts[i + 1] if i + 1 < len(starts) else len(text)
        # headings, quotes and list bullets ("# ", "> ", "* ", "• ", "- ") are no part of the sentence
        while start < end and (text[start].isspace() or text[start] in "#>*•·▪●◦" or (
                text[start] in "-–" and start + 1 < end and text[start + 1] == " ")):
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            out.append((start, end))
    return out


# "exports to China", "imports from Russia", "trade with Japan": the partner's position.
_PARTNER_POSITION = re.compile(r"\b(?:to|from|with|into|and|between|than|including|like|as)\s+(?:the\s+)?$", re.I)


def guess_country(places: list[dict[str, Any]], text: str = "", headline_end: int = 0) -> str | None:
    """The country a document is most likely about.

    Agencies, possessives ("Kenya's") and the headline weigh most; a place in a partner's
    position ("exports to China") does not vote.
    """
    votes: Counter[str] = Counter()
    for p in places:
        code = p["id"]
        if len(code) != 3 or not code.isalpha() or code in ("WLD",):
            continue
        weight = {"AGENCY": 3, "COUNTRY": 2, "DEMONYM": 2, "CAPITAL": 1}.get(p["label"], 0)
        if p.get("possessive"):
            weight += 2
        if text and p["label"] != "AGENCY" and _PARTNER_POSITION.search(text[max(0, p["start"] - 14):p["start"]]):
            weight = 0
        if p["start"] < headline_end:
            weight *= 2
        if weight:
            votes[code] += weight
    if not votes:
        return None
    return votes.most_common(1)[0][0]


def find_mentions(doc, text: str | None = None) -> dict[str, Any]:
    """All mentions of ``doc``, grouped by sentence, plus the document's likely country.

    Returns:
        ``{"country": ISO3 or None, "currency": ISO 4217 or None, "sentences": [
        {"start", "end", "places", "money", "quantities", "percents", "periods"}, ...]}``
        with every item a dict carrying ``start``/``end`` offsets into ``doc.text``.
    """
    text = doc.text if text is None else text
    places = []
    for ent in doc.ents:
        if ent.label_ in PLACE_LABELS:
            if _CURRENCY_AFTER.match(text, ent.end_char):
                continue  # "US $ 30.66 billion", "U.S. dollars", "Singapore dollars" name a currency
            after = text[ent.end_char:ent.end_char + 2]
            places.append({
                "start": ent.start_char, "end": ent.end_char, "label": ent.label_, "id": ent.ent_id_,
                "text": ent.text, "possessive": after in ("'s", "’s") or (after[:1] in "'’" and ent.text.endswith("s")),
            })
    bounds = _sentence_bounds(doc, text)
    headline_end = bounds[0][1] if bounds and "\n" in text[bounds[0][1]:bounds[0][1] + 2] else 0
    country = guess_country(places, text, headline_end)
    info = country_info(country) if country else None
    hint = info.currency if info else None
    sentences = []
    pi = 0
    for start, end in bounds:
        s_text = text[start:end]
        s_places = []
        while pi < len(places) and places[pi]["start"] < start:
            pi += 1
        j = pi
        while j < len(places) and places[j]["start"] < end:
            s_places.append(places[j])
            j += 1
        money = [
            {"start": start + m.start, "end": start + m.end, "text": m.text, "value": str(m.amount.value),
             "unit": m.amount.unit, "bracketed": m.bracketed, "hedge": m.hedge, "kind": "money"}
            for m in find_money(s_text, currency_hint=hint)
        ]
        quantities = [
            {"start": start + q.start, "end": start + q.end, "text": q.text, "value": str(q.amount.value),
             "unit": q.amount.unit, "bracketed": False, "hedge": q.hedge, "kind": "quantity"}
            for q in find_quantities(s_text)
        ]
        percents = [
            {"start": start + p.start, "end": start + p.end, "text": p.text, "value": str(p.value),
             "hedge": p.hedge, "kind": "percent", "signed": p.signed}
            for p in find_change_figures(s_text)
        ]
        periods = [
            {"start": start + f.start, "end": start + f.end, "text": f.text, "relative": f.relative}
            for f in find_periods(s_text)
        ]
        sentences.append({
            "start": start, "end": end, "places": s_places, "money": money,
            "quantities": quantities, "percents": percents, "periods": periods,
        })
    return {"country": country, "currency": hint, "sentences": sentences}
