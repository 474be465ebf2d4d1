"""The claim builder: which figure of a sentence belongs to which flow, country, commodity and period.

It reads the plain mentions written by ``tradeclaims_mentions`` (places, amounts,
quantities, percents, periods; character offsets into the text) and applies the rules of
CLAIMS.md sentence by sentence, carrying context (reporter, partner, period) from the
headline and earlier sentences. The output is a list of plain dicts in CLAIMS.md's JSON
shape; pydantic objects are built at the edge (``claims_from_doc``). No spaCy here.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Optional

from .models import Period
from .normalize.change import direction, find_basis
from .normalize.period import parse_period, shift_period

# ----------------------------------------------------------------------------- flow cues

# One alternation, longest forms first; group names give the flow. Matched case-insensitively
# on the sentence text, outside agency and group names ("Korea International Trade Association").
_FLOW_RE = re.compile(
    r"""
    (?P<trade>
        \b(?:imports?\s+and\s+exports?|exports?\s+and\s+imports?)\b       # "imports and exports"
      | \btrade\s+turnover\b | \bturnover\b
      | \btrade\b(?!\s*(?:-|\s)\s*(?:surplus|deficit|balance|gap|ministry|minister|data|statistics|figures|
            war|wars|agreement|deal|deals|pact|partners?|partnership|association|body|group|talks|tension|tensions|
            policy|policies|representative|office|fair|union|route|routes|barriers?|cent(?:er|re)|organi[sz]ation|
            bureau|commission|council|dispute|disputes|show|mission|promotion|corridor|zone|bloc|relations|ties|
            friction|restrictions|sanctions|measures|remedies|remedy|department|secretary|envoy|chief|team|delegation))
    )
  | (?P<balance>
        \b(?:surplus(?:es)?|deficits?)\b
      | \b(?:trade\s+balance|balance\s+of\s+trade|(?:positive|negative)\s+balance|balance)\b
      | \bnet\s+(?:\w+\s+)?exports?\b
    )
  | (?P<export>
        \b(?:re-?)?exports?(?!er)(?:ed|ing)?\b
      | \boutbound\s+shipments?\b | \bshipments?\b | \bshipped\b
      | \bsupplies\b | \bsold\s+abroad\b | \bNODX\b
    )
  | (?P<import>
        \bimports?(?!er)(?:ed|ing|ation)?\b | \bpurchases\b | \bbought\b
    )
    """,
    re.VERBOSE | re.IGNORECASE,
)

# Words that change a bare "trade" into something that is not a flow figure.
_NOT_FLOW_BEFORE = re.compile(r"(?:free|world|global|international\s+trade\s+and)\s*$", re.I)

_BASE_MARKER = re.compile(
    r"\b(?:from|compared\s+(?:to|with)|in\s+comparison\s+(?:to|with)|against|as\s+against|versus|vs\.?|than|over|"
    r"up\s+from|down\s+from|previous(?:ly)?)\b",
    re.I,
)
_ABS_CHANGE_BEFORE = re.compile(
    r"(?:\b(?:up|down|rose|rising|risen|rise|fell|falling|fallen|increased|increasing|increase|decreased|decrease|"
    r"declined|dropped|grew|gained|added|jumped|widened|narrowed|shrank|slipped|climbed|surged|plunged|improved|"
    r"expanded|contracted|lower|higher)\s+(?:by\s+)?(?:(?:nearly|about|almost|over|more\s+than|some|around)\s+)?"
    r"|\b(?:an?\s+)?(?:increase|rise|decrease|fall|drop|decline|gain|jump)\s+of\s+)$",
    re.I,
)
_SHARE_AFTER = re.compile(r"^\s*(?:of\b|share\b|stake\b|market\s+share)", re.I)
_SHARE_BEFORE = re.compile(
    r"\b(?:account(?:s|ed|ing)?\s+for|share\s+of|making\s+up|make[s]?\s+up|made\s+up|constitut\w+|represent(?:s|ed|ing)?)"
    r"\s+(?:about\s+|around\s+|nearly\s+|almost\s+|over\s+|more\s+than\s+|some\s+|roughly\s+)?$",
    re.I,
)
_FORECAST = re.compile(
    r"\b(?:expect\w*|forecast\w*|project(?:ed|ion|ions|s)?|target\w*|aim(?:s|ed|ing)?\s+to|goal|plan(?:s|ned)?\s+to|"
    r"will|would|could|may|might|likely\s+to|set\s+to|predict\w*|outlook|anticipat\w*)\b",
    re.I,
)
_OUT_OF_SCOPE = re.compile(
    r"\b(?:GDP|gross\s+domestic|investment|investments|FDI|tourism|tourists?|inflation|prices?|production|output|"
    r"remittances?|reserves|budget|revenue\s+collection|tax(?:es)?|tariffs?|market\s+cap\w*|shares?\s+of|valuation|"
    r"sales\s+tax|salary|salaries|wages?)\b",
    re.I,
)
_TOTAL = re.compile(
    r"\b(?:total|overall|all\s+(?:partner\s+)?(?:countries|partners|destinations|markets)|global|worldwide|the\s+world|"
    r"foreign\s+trade|external\s+trade|international\s+trade|rest\s+of\s+the\s+world)\b",
    re.I,
)
_BILATERAL = re.compile(r"\b(?:bilateral|mutual|two-way|between\s+the\s+two\s+countries|the\s+two\s+countries)\b", re.I)
_ANAPHOR = re.compile(
    r"^\W*(?:this|that|it|these|those|the\s+figures?|the\s+(?:total|value|volume|amount)|quantities|volumes?)\b",
    re.I,
)
_HEDGE_WORDS = re.compile(
    r"\b(?:nearly|almost|close\s+to|about|around|roughly|some|approximately|over|more\s+than|exceed\w*|surpass\w*|"
    r"top(?:s|ped|ping)?|cross(?:es|ed|ing)?|above|at\s+least|less\s+than|under|below|up\s+to|near|just\s+over|"
    r"just\s+under|upwards\s+of|in\s+excess\s+of)\s*$",
    re.I,
)
_VALUE_TERMS = re.compile(r"\b(?:in\s+(?:terms\s+of\s+)?value|value[-\s]wise|by\s+value)\b", re.I)
_VOLUME_TERMS = re.compile(
    r"\b(?:in\s+(?:terms\s+of\s+)?(?:volume|quantity|weight|tonnage)|(?:volume|quantity)[-\s]wise|by\s+volume|"
    r"on\s+a\s+quantity\s+basis)\b",
    re.I,
)
_COMMODITY_STOP = frozenset(
    """a an the its their his her our this that these those of in on for to from with by at as and or but while
    total overall monthly annual yearly merchandise goods good all other its' country's nation's kingdom's
    value volume worth was were is are be been has have had it they which who what when where than then also
    s 's ’s up down rose fell increased decreased declined grew outbound inbound foreign external international
    domestic? chinese-russian bilateral mutual two-way non-oil? year quarter month period first last second third
    fourth half six nine ten eleven twelve record new latest current previous same further main key major top
    led lower higher strong weak further such both country nation kingdom world global""".split()
) - {"domestic?", "non-oil?"}
_AGGREGATE = frozenset(
    "goods merchandise total overall product products commodity commodities items trade export exports import "
    "imports shipments outbound inbound foreign external international".split()
)
_BASIS_WORDS = {"yoy", "mom", "qoq", "pop"}


@dataclass
class Figure:
    """One number of a sentence that could carry a claim."""

    kind: str  # "money", "quantity", "percent", "absolute"
    start: int
    end: int
    text: str
    value: Decimal
    unit: Optional[str] = None
    hedge: Optional[str] = None
    bracketed: bool = False
    base: bool = False
    used: bool = False


@dataclass
class Cue:
    flow: str
    start: int
    end: int
    text: str
    figures: list = field(default_factory=list)


@dataclass
class Context:
    """What earlier sentences established, inherited by sentences that leave it implicit."""

    reporter: Optional[str] = None
    partner: Optional[str] = None
    period: Optional[Period] = None
    flow: Optional[str] = None
    commodity: Optional[str] = None
    last_claim: Optional[dict] = None


def _to_date(value: Any) -> Optional[dt.date]:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def _num(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)


class SentenceReader:
    """Builds the claims of one document, sentence by sentence."""

    def __init__(self, text: str, mentions: dict[str, Any], published: Any = None) -> None:
        self.text = text
        self.mentions = mentions
        self.published = _to_date(published)
        self.country = mentions.get("country")
        self.context = Context()
        self.doc_pair: Optional[tuple[str, str]] = None
        self.seen_sentences: set[str] = set()

    # ------------------------------------------------------------------ document level
    def read(self) -> list[dict[str, Any]]:
        claims: list[dict[str, Any]] = []
        sentences = self.mentions.get("sentences", [])
        self.doc_reporter = self._document_reporter(sentences)
        for sent in sentences:
            s_text = self.text[sent["start"]:sent["end"]]
            if s_text in self.seen_sentences:
                continue  # a scraping duplicate gives its claims once
            self.seen_sentences.add(s_text)
            claims.extend(self._read_sentence(sent))
        return claims

    def _document_reporter(self, sentences: list[dict]) -> Optional[str]:
        return self.country

    # ------------------------------------------------------------------ sentence level
    def _read_sentence(self, sent: dict) -> list[dict[str, Any]]:
        start, end = sent["start"], sent["end"]
        s_text = self.text[start:end]
        figures = self._figures(sent)
        blocked = [(p["start"], p["end"]) for p in sent["places"] if p["label"] in ("AGENCY", "GROUP")]
        cues = self._cues(s_text, start, blocked)
        if not figures:
            self._update_context_without_claims(sent, cues)
            return []
        if not cues:
            if _ANAPHOR.match(s_text) and self.context.last_claim is not None:
                prev = self.context.last_claim
                cues = [Cue(prev["flow"], start, start, "")]
                inherited_commodity = prev.get("commodity")
            else:
                return []
        else:
            inherited_commodity = None
        self._assign_figures(figures, cues, s_text, start)
        periods = self._sentence_periods(sent)
        claims: list[dict[str, Any]] = []
        respectively = "respectively" in s_text.lower()
        for ci, cue in enumerate(cues):
            if not cue.figures:
                continue
            claims.extend(self._claims_for_cue(cue, ci, cues, sent, s_text, periods, respectively, inherited_commodity))
        if respectively:
            claims = self._apply_respectively(claims, cues, sent, s_text)
        if claims:
            last = claims[-1]
            self.context.last_claim = last
            self.context.flow = last["flow"]
            main = [c for c in claims if not c.get("_base")]
            if main:
                self.context.reporter = main[-1]["reporter"]
                if main[-1].get("_explicit_period"):
                    self.context.period = main[-1]["_period_obj"]
        for c in claims:
            for k in [k for k in c if k.startswith("_")]:
                del c[k]
        return claims

    def _update_context_without_claims(self, sent: dict, cues: list[Cue]) -> None:
        periods = [p for p in self._sentence_periods(sent) if not p["relative"] and p["period"] is not None]
        if periods and cues:
            self.context.period = periods[0]["period"]

    # ------------------------------------------------------------------ figures and cues
    def _figures(self, sent: dict) -> list[Figure]:
        out: list[Figure] = []
        text = self.text
        for m in sent["money"] + sent["quantities"]:
            if m.get("bracketed"):
                continue
            kind = m["kind"]
            before = text[max(sent["start"], m["start"] - 40):m["start"]]
            if _ABS_CHANGE_BEFORE.search(before):
                kind = "absolute"
            out.append(Figure(kind, m["start"], m["end"], m["text"], Decimal(str(m["value"])), m["unit"], m.get("hedge")))
        for p in sent["percents"]:
            before = text[max(sent["start"], p["start"] - 40):p["start"]]
            after = text[p["end"]:min(sent["end"], p["end"] + 25)]
            if _SHARE_AFTER.match(after) or _SHARE_BEFORE.search(before):
                continue
            out.append(Figure("percent", p["start"], p["end"], p["text"], Decimal(str(p["value"])), "%", p.get("hedge")))
        out.sort(key=lambda f: f.start)
        # overlapping finds (a quantity inside a money span): keep the first, longest
        kept: list[Figure] = []
        for f in out:
            if kept and f.start < kept[-1].end:
                continue
            kept.append(f)
        return kept

    def _cues(self, s_text: str, offset: int, blocked: list[tuple[int, int]]) -> list[Cue]:
        cues = []
        for m in _FLOW_RE.finditer(s_text):
            a, b = offset + m.start(), offset + m.end()
            if any(x <= a < y for x, y in blocked):
                continue
            flow = m.lastgroup
            if flow == "trade" and _NOT_FLOW_BEFORE.search(s_text[:m.start()]):
                continue
            cues.append(Cue(flow, a, b, m.group()))
        return cues

    def _assign_figures(self, figures: list[Figure], cues: list[Cue], s_text: str, offset: int) -> None:
        """Each figure goes to the cue that governs it: the nearest one before it in its clause,
        a cue right after it ("a 100% increase in vegetable imports"), else the first cue."""
        for f in figures:
            best = None
            # a cue that follows closely with only "increase in <noun>" between
            for cue in cues:
                if cue.start >= f.end:
                    between = self.text[f.end:cue.start]
                    if len(between) <= 45 and re.fullmatch(
                        r"\s*(?:\)\s*)?(?:[\w-]+\s+){0,1}(?:increase|rise|growth|jump|drop|decline|fall|gain|surge)?\s*"
                        r"(?:in|of)\s+(?:[\w-]+\s+){0,3}", between, re.I):
                        best = cue
                    break
            if best is None:
                before = [c for c in cues if c.end <= f.start]
                if before:
                    best = before[-1]
                    # a figure in brackets right after a commodity in a list before the cue
                else:
                    best = cues[0]
            best.figures.append(f)

    def _sentence_periods(self, sent: dict) -> list[dict]:
        out = []
        for p in sent["periods"]:
            period = None
            if not p["relative"]:
                period = parse_period(p["text"], published=self.published, country=self.doc_reporter)
            out.append({**p, "period": period})
        return out

    # ------------------------------------------------------------------ claims
    def _claims_for_cue(self, cue: Cue, ci: int, cues: list[Cue], sent: dict, s_text: str,
                        periods: list[dict], respectively: bool, inherited_commodity) -> list[dict]:
        seg_start = cues[ci - 1].end if ci > 0 else sent["start"]
        seg_end = cues[ci + 1].start if ci + 1 < len(cues) else sent["end"]
        seg_start = min(seg_start, *(f.start for f in cue.figures))
        seg_end = max(seg_end, *(f.end for f in cue.figures))
        seg_text = self.text[seg_start:seg_end]
        if _FORECAST.search(self.text[min(cue.start, cue.figures[0].start):cue.figures[0].start]):
            return []
        reporter, partner, explicit_partner = self._who(cue, sent, s_text)
        commodity = self._commodity(cue, sent) if cue.text else inherited_commodity
        main_period, explicit_period = self._main_period(cue, periods, seg_start, seg_end)

        amounts = [f for f in cue.figures if f.kind in ("money", "quantity")]
        percents = [f for f in cue.figures if f.kind == "percent"]
        absolutes = [f for f in cue.figures if f.kind == "absolute"]
        # which amounts are the base of a comparison
        prev_end = seg_start
        last_main = None
        for f in cue.figures:
            between = self.text[prev_end:f.start]
            if f.kind in ("money", "quantity"):
                if _BASE_MARKER.search(between) and last_main is not None:
                    f.base = True
                elif _BASE_MARKER.search(self.text[max(seg_start, f.start - 25):f.start]) and re.search(
                        r"\b(?:from|than)\s+(?:the\s+|a\s+)?$", self.text[max(seg_start, f.start - 12):f.start], re.I):
                    f.base = True
                else:
                    last_main = f
            elif f.kind in ("percent", "absolute"):
                last_main = last_main or f
            prev_end = f.end
        mains = [f for f in amounts if not f.base]
        bases = [f for f in amounts if f.base]
        # "rose from $X to $Y": the first is the base even before any main figure
        if not mains and bases:
            mains, bases = bases[-1:], bases[:-1]
            mains[0].base = False

        claims = []
        pairs: list[tuple[Optional[Figure], list[Figure]]] = [(m, []) for m in mains]
        for f in percents + absolutes:
            target = self._nearest_amount(f, pairs)
            if target is None:
                pairs.append((None, [f]))
            else:
                target[1].append(f)
        pairs.sort(key=lambda p: (p[0] or p[1][0]).start)
        for amount, changes in pairs:
            for change_group in self._change_groups(changes, amount):
                claim = self._claim(cue, sent, reporter, partner, commodity, amount, change_group,
                                    main_period, explicit_period, seg_start, seg_end)
                if claim is not None:
                    claims.append(claim)
        for b in bases:
            period = self._base_period(b, main_period, periods, seg_end, amount_basis=None)
            claim = self._claim(cue, sent, reporter, partner, commodity, b, [], period, True, seg_start, seg_end)
            if claim is not None:
                claim["_base"] = True
                claims.append(claim)
        claims.sort(key=lambda c: c["_pos"])
        return claims

    def _nearest_amount(self, f: Figure, pairs):
        best, best_d = None, None
        for pair in pairs:
            amount, changes = pair
            if amount is None:
                continue
            if any(c.kind == f.kind for c in changes):
                continue
            between = self.text[min(amount.end, f.end):max(amount.start, f.start)]
            if f.kind == "percent" and amount.kind == "money" and _VOLUME_TERMS.search(self.text[f.end:f.end + 30]):
                continue
            if f.kind == "percent" and amount.kind == "quantity" and _VALUE_TERMS.search(self.text[f.end:f.end + 30]):
                continue
            if ";" in between or len(between) > 160:
                continue
            d = len(between)
            if best_d is None or d < best_d:
                best, best_d = pair, d
        return best

    def _change_groups(self, changes: list[Figure], amount: Optional[Figure]) -> list[list[Figure]]:
        if not changes:
            return [[]]
        pcts = [c for c in changes if c.kind == "percent"]
        abss = [c for c in changes if c.kind == "absolute"]
        if len(pcts) <= 1:
            return [changes]
        groups = [[p] for p in pcts]
        if abss:
            groups[0].extend(abss)
        return groups

    def _claim(self, cue: Cue, sent: dict, reporter, partner, commodity, amount: Optional[Figure],
               changes: list[Figure], period: Optional[Period], explicit_period: bool,
               seg_start: int, seg_end: int) -> Optional[dict]:
        flow = cue.flow
        if amount is None and not changes:
            return None
        change: Optional[dict] = None
        approx = bool(amount is not None and amount.hedge)
        pos = amount.start if amount is not None else changes[0].start
        if changes:
            change = {}
            for c in changes:
                approx = approx or bool(c.hedge)
                sign = self._sign(c, seg_start, seg_end)
                if c.kind == "percent":
                    value = c.value
                    if value >= 0 and sign < 0:
                        value = -value
                    change["percent"] = _num(value)
                else:
                    value = c.value if sign >= 0 else -c.value
                    change["absolute"] = {"value": _num(value), "unit": c.unit}
            basis = find_basis(self.text[changes[0].start:min(seg_end, changes[0].end + 60)]) or find_basis(
                self.text[seg_start:changes[0].start])
            if basis in _BASIS_WORDS:
                change["basis"] = basis
        amount_dict = None
        if amount is not None:
            value = amount.value
            if flow == "balance" and self._is_deficit(amount, sent, cue):
                value = -value
            amount_dict = {"value": _num(value), "unit": amount.unit, "text": amount.text}
        ev_start, ev_end = sent["start"], sent["end"]
        return {
            "evidence": {"start": ev_start, "end": ev_end, "text": self.text[ev_start:ev_end]},
            "flow": flow,
            "reporter": reporter,
            "partner": partner,
            "commodity": commodity,
            "period": None if period is None else {
                "start": period.start.isoformat(), "end": period.end.isoformat(), "grain": period.grain},
            "amount": amount_dict,
            "change": change,
            "approximate": approx,
            "_pos": pos,
            "_period_obj": period,
            "_explicit_period": explicit_period,
        }

    def _sign(self, f: Figure, seg_start: int, seg_end: int) -> int:
        if f.text.lstrip().startswith(("-", "−", "–")):
            return -1
        before = self.text[seg_start:f.start]
        d = direction(before[-60:])
        if d:
            return d
        after = self.text[f.end:min(seg_end, f.end + 30)]
        d = direction(after)
        if d:
            return d
        return direction(self.text[seg_start:seg_end]) or 1

    def _is_deficit(self, amount: Figure, sent: dict, cue: Cue) -> bool:
        window = self.text[max(sent["start"], amount.start - 60):min(sent["end"], amount.end + 25)].lower()
        a = amount.start - max(sent["start"], amount.start - 60)
        spots = [(abs(m.start() - a), m.group()) for m in re.finditer(r"deficit|surplus|positive|negative", window)]
        if not spots:
            return "deficit" in cue.text.lower()
        spots.sort()
        return spots[0][1] in ("deficit", "negative")

    # ------------------------------------------------------------------ who, what, when
    def _who(self, cue: Cue, sent: dict, s_text: str) -> tuple[Optional[str], Optional[str], bool]:
        text = self.text
        places = [p for p in sent["places"] if p["label"] in ("COUNTRY", "DEMONYM", "CAPITAL", "GROUP")]
        reporter = partner = None
        for p in places:
            before = text[max(sent["start"], p["start"] - 14):p["start"]].lower()
            after = text[p["end"]:p["end"] + 12].lower()
            is_country = p["label"] != "GROUP"
            if re.search(r"\b(?:to|into|for)\s+(?:the\s+)?$", before) and cue.flow in ("export", "balance", "trade"):
                partner = partner or p["id"]
            elif re.search(r"\bfrom\s+(?:the\s+)?$", before):
                if cue.flow == "import" or (cue.flow == "trade"):
                    partner = partner or p["id"]
                elif is_country:
                    reporter = reporter or p["id"]
            elif re.search(r"\b(?:with|and)\s+(?:the\s+)?$", before) and cue.flow in ("trade", "balance"):
                partner = partner or p["id"]
            elif re.search(r"\bbetween\s+(?:the\s+)?$", before) and is_country:
                reporter = reporter or p["id"]
            elif p["label"] == "DEMONYM" and p["start"] > cue.end and cue.flow == "import":
                partner = partner or p["id"]
            elif re.match(r"^\s*[-–]\s*\w", after) and cue.flow == "trade" and is_country:
                reporter = reporter or p["id"]
            elif is_country and (p.get("possessive") or p["start"] < cue.start):
                if reporter is None:
                    reporter = p["id"]
        if reporter is None:
            agencies = [p for p in sent["places"] if p["label"] == "AGENCY"]
            reporter = agencies[0]["id"] if agencies else (self.context.reporter or self.doc_reporter)
        explicit_partner = partner is not None
        if partner == reporter:
            partner = None
            explicit_partner = False
        if partner is None:
            seg = text[sent["start"]:sent["end"]]
            if _BILATERAL.search(seg) and self.context.partner:
                partner = self.context.partner
            else:
                partner = "WLD"
        if explicit_partner:
            self.context.partner = partner
        return reporter, partner, explicit_partner

    def _commodity(self, cue: Cue, sent: dict) -> Optional[str]:
        text = self.text
        cue_text = cue.text.lower()
        if cue.flow == "trade" or cue.flow == "balance":
            # "non-oil trade", "services trade surplus"
            m = re.search(r"((?:[\w-]+\s+){0,2})$", text[max(sent["start"], cue.start - 30):cue.start])
            words = (m.group(1) if m else "").split()
            words = [w for w in words if w.lower() in ("non-oil", "services", "service", "goods")]
            words = [w for w in words if w.lower() != "goods"]
            return " ".join(w.lower() for w in words) or None
        # "exports of X to/from/in ..."
        after = text[cue.end:sent["end"]]
        m = re.match(r"\s+of\s+((?:[\w&'’-]+(?:,\s*|\s+)){0,8}?)(?=to\b|from\b|in\b|into\b|during\b|for\b|at\b|by\b|"
                     r"with\b|on\b|over\b|compared\b|rose\b|fell\b|increased\b|decreased\b|declined\b|grew\b|were\b|"
                     r"was\b|surged\b|soared\b|jumped\b|dropped\b|totalled\b|totaled\b|reached\b|amounted\b|stood\b|"
                     r"worth\b|valued\b|\(|\d|[$€£¥]|US|$)", after)
        if m and not re.match(r"\s+of\s+(?:\$|[\d€£¥])", after):
            phrase = m.group(1).strip(" ,")
            phrase = re.sub(r"^(?:the|a|an)\s+", "", phrase, flags=re.I)
            words = [w for w in re.split(r"\s+", phrase) if w]
            if words and not any(w.lower().strip(",") in _AGGREGATE for w in words[-1:]):
                if all(w.lower() not in ("goods", "merchandise") for w in words):
                    return self._clean_commodity(phrase)
        # "X exports" / "X export revenue"
        before = text[max(sent["start"], cue.start - 60):cue.start]
        tokens = re.findall(r"[\w&'’-]+|[^\w\s]", before)
        picked: list[str] = []
        place_spans = [(p["start"], p["end"]) for p in sent["places"]]
        for tok in reversed(tokens):
            low = tok.lower()
            if not re.match(r"[\w&-]", tok) or low in _COMMODITY_STOP or low.endswith(("'s", "’s")):
                break
            if any(tok in text[a:b] for a, b in place_spans if a >= cue.start - 60):
                break
            if tok[0].isdigit():
                break
            picked.append(low)
            if len(picked) >= 4:
                break
        picked.reverse()
        if picked and picked[-1] in ("sector",):
            picked = picked[:-1]
        if not picked or all(w in _AGGREGATE for w in picked):
            return None
        return self._clean_commodity(" ".join(picked))

    @staticmethod
    def _clean_commodity(phrase: str) -> Optional[str]:
        phrase = phrase.strip().lower()
        phrase = re.sub(r"\s+", " ", phrase)
        if not phrase or phrase in _AGGREGATE:
            return None
        return phrase

    def _main_period(self, cue: Cue, periods: list[dict], seg_start: int, seg_end: int) -> tuple[Optional[Period], bool]:
        absolute = [p for p in periods if not p["relative"] and p["period"] is not None]
        in_seg = [p for p in absolute if seg_start <= p["start"] < seg_end]
        if in_seg:
            anchor = cue.figures[0].start
            in_seg.sort(key=lambda p: abs(p["start"] - anchor))
            return in_seg[0]["period"], True
        if absolute:
            return absolute[0]["period"], True
        return self.context.period, False

    def _base_period(self, b: Figure, main: Optional[Period], periods: list[dict], seg_end: int, amount_basis) -> Optional[Period]:
        # an explicit period right after the base amount ("$30.75 billion in April 2021")
        for p in periods:
            if b.end <= p["start"] <= b.end + 30:
                if not p["relative"] and p["period"] is not None:
                    return p["period"]
                if p["relative"] and main is not None:
                    resolved = parse_period(p["text"], published=self.published, country=self.doc_reporter, reference=main)
                    if resolved is not None:
                        return resolved
        for p in periods:
            if p["relative"] and main is not None:
                resolved = parse_period(p["text"], published=self.published, country=self.doc_reporter, reference=main)
                if resolved is not None:
                    return resolved
        if main is None:
            return None
        window = self.text[b.start - 80 if b.start > 80 else 0:seg_end]
        basis = find_basis(window)
        if basis == "mom":
            return shift_period(main, months=-1)
        return shift_period(main, years=-1)

    def _apply_respectively(self, claims: list[dict], cues: list[Cue], sent: dict, s_text: str) -> list[dict]:
        return claims


def build_claims_from_mentions(text: str, mentions: dict[str, Any], published: Any = None) -> list[dict[str, Any]]:
    """The claims of one document as plain dicts (CLAIMS.md's JSON shape, evidence as offsets).

    Args:
        text: The document text the mention offsets point into.
        mentions: What ``tradeclaims.mentions.find_mentions`` returned for it.
        published: The publication date (date, datetime, ISO string or None).
    """
    return SentenceReader(text, mentions, published).read()


def build_claims(doc) -> list[dict[str, Any]]:
    """The claims of a processed spaCy ``Doc`` (mentions must have been found)."""
    mentions = doc._.get("tradeclaims_mentions") or {"sentences": []}
    return build_claims_from_mentions(doc.text, mentions, doc._.get("published"))
