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
from .normalize._regex import first_char_filtered
from .normalize.numbers import first_non_overlapping
from .normalize.period import coerce_date, find_periods, parse_period, shift_period

# ----------------------------------------------------------------------------- flow cues

# One alternation, longest forms first; group names give the flow. Matched case-insensitively
# on the sentence text, outside agency and group names ("Korea International Trade Association").
_FLOW_RE = first_char_filtered(re.compile(
    r"""
    (?P<trade>
        \b(?:imports?\s+and\s+exports?|exports?\s+and\s+imports?)\b       # "imports and exports"
      | \btrade\s+turnover\b | \bturnover\b
      | \btrade\b(?!\s*(?:-|\s)\s*(?:surplus|deficit|shortfall|balance|gap|ministry|minister|data|statistics|figures|
            war|wars|agreement|deal|deals|pact|partners?|partnership|association|body|group|talks|tension|tensions|
            policy|policies|representative|office|fair|union|route|routes|barriers?|cent(?:er|re)|organi[sz]ation|
            bureau|commission|council|dispute|disputes|show|mission|promotion|corridor|zone|bloc|relations|ties|
            friction|restrictions|sanctions|measures|remedies|remedy|department|secretary|envoy|chief|team|delegation))
    )
  | (?P<balance>
        \b(?:surplus(?:es)?|deficits?)\b
      | \btrade\s+shortfalls?\b | \bshortfalls?(?=\s+(?:in\s+(?:goods|trade|merchandise|services)|with)\b)
      | \b(?:trade\s+balance|balance\s+of\s+trade|(?:positive|negative)\s+balance|balance|trade\s+gap)\b
      | \bnet\s+(?:\w+\s+)?exports?\b
    )
  | (?P<export>
        \b(?:re-?)?exports?(?!er)(?:ed|ing)?\b
      | \boutbound\s+shipments?\b | \bshipments?\b | \bshipped\b
      | \bsupplies\b | \bsold\s+(?:abroad|overseas)\b
      | \b(?:overseas|foreign|outbound)\s+sales\b
      | \bsales\b(?=(?:\s+of\s+(?:[\w-]+\s+){1,4}?)?\s*(?:abroad|overseas)\b)
    )
  | (?P<import>
        \bimports?(?!er)(?:ed|ing|ation)?\b | \bpurchases\b | \bbought\b
    )
    """,
    re.VERBOSE | re.IGNORECASE,
))

# Words that change a bare "trade" into something that is not a flow figure.
_NOT_FLOW_BEFORE = re.compile(r"(?:free|world|global|international\s+trade\s+and)\s*$", re.I)

_BASE_MARKER = first_char_filtered(re.compile(
    r"\b(?:from|compared\s+(?:to|with)|in\s+comparison\s+(?:to|with)|against|as\s+against|versus|vs\.?|than|over|"
    r"up\s+from|down\s+from|previous(?:ly)?)\b",
    re.I,
))
_ABS_CHANGE_BEFORE = first_char_filtered(re.compile(
    r"(?:(?<!made\s)(?<!makes\s)(?<!make\s)\b(?:up|down|rose|rising|risen|rise|fell|falling|fallen|increased|increasing|increase|decreased|decrease|"
    r"declined|dropped|grew|gained|added|jumped|widened|narrowed|shrank|slipped|climbed|surged|plunged|improved|"
    r"expanded|contracted|lower|higher)\s+(?:by\s+)?(?:(?:nearly|about|almost|over|more\s+than|some|around)\s+)?"
    r"|\b(?:an?\s+)?(?:increase|rise|decrease|fall|drop|decline|gain|jump)\s+of\s+"
    r"|\b(?:rise|increase|fall|drop|decline|decrease)\s+in\s+(?:the\s+)?(?:[\w-]+\s+){0,4}of\s+"
    r"|\b(?:up|down)\s+(?:[\w-]+\s+){1,2}by\s+)$",
    re.I,
))
_SHARE_AFTER = re.compile(r"^\s*(?:of\b|share\b|stake\b|market\s+share)", re.I)
_SHARE_BEFORE = first_char_filtered(re.compile(
    r"\b(?:account(?:s|ed|ing)?\s+for|share\s+of|making\s+up|make[s]?\s+up|made\s+up|constitut\w+|compris\w+|represent(?:s|ed|ing)?)"
    r"\s+(?:about\s+|around\s+|nearly\s+|almost\s+|over\s+|more\s+than\s+|some\s+|roughly\s+)?$",
    re.I,
))
_FORECAST = first_char_filtered(re.compile(
    r"\b(?:expect\w*|forecast\w*|project(?:ed|ion|ions|s)?|target\w*|aim(?:s|ed|ing)?\s+to|goal|plan(?:s|ned)?\s+to|"
    r"will|would|could|likely\s+to|set\s+to|on\s+(?:track|course|pace)\s+to|predict\w*|outlook|anticipat\w*|foresee\w*|"
    r"foreseen|(?-i:may|might))\b",
    re.I,
))
_OUT_OF_SCOPE = first_char_filtered(re.compile(
    r"\b(?:GDP|gross\s+domestic|investment|investments|FDI|tourism|tourists?|inflation|prices?|production|output|"
    r"remittances?|reserves|budget|revenue\s+collection|tax(?:es)?|tariffs?|market\s+cap\w*|shares?\s+of|valuation|"
    r"sales\s+tax|salary|salaries|wages?|quotas?|cap|ceiling|capacity|travel\s+(?:receipts|income|revenues?))\b",
    re.I,
))
# A figure of the currency, not of a flow: "the cedi depreciated by about 19 per cent".
_CURRENCY_MOVE = re.compile(r"\b(?:depreciat\w*|appreciat\w*|devalu\w*|exchange\s+rates?)\b|"
                            r"\bagainst\s+the\s+(?:U\.?S\.?\s+|US\s+)?dollar\b", re.I)
_TOTAL = first_char_filtered(re.compile(
    r"\b(?:total|overall|all\s+(?:partner\s+)?(?:countries|partners|destinations|markets)|global|worldwide|the\s+world|"
    r"foreign\s+trade|external\s+trade|international\s+trade|rest\s+of\s+the\s+world)\b",
    re.I,
))
_BILATERAL = first_char_filtered(re.compile(r"\b(?:bilateral|mutual|two-way|between\s+the\s+two\s+countries|the\s+two\s+countries)\b", re.I))
_ANAPHOR = re.compile(
    r"^\W*(?:[^,]{0,40},\s*)?(?:this|that|it|these|those|the\s+figures?|the\s+(?:total|value|volume|amount)|"
    r"quantities|volumes?)\b"
    r"|\bfollowed\s+(?:with|by)\b"  # "Japan followed with SR5913 billion": the list goes on
    r"|\b(?:led|drove|behind)\s+(?:this|the)\s+(?:increase|rise|decline|fall|growth|drop)\b",
    re.I,
)
_COMPARISON_BEFORE = first_char_filtered(word_start=False, rx=re.compile(
    r"(?:\bfrom|\bcompared\s+(?:to|with)|\bover|\bagainst|vis-[àa]-vis|\bthan|\bin\s+comparison\s+(?:to|with)|"
    r"\bversus|\bvs\.?|\bas\s+against|\bsince|\babove|\bbelow|\bbetween\s+\w+\s+and|\bthe\s+\d[\d.,]*\s*(?:%|percent|per\s+cent)\s+\w+\s+in|"
    r"\bcomparing\s+[^,;]{3,30}?\s+(?:with|to|and)|\brecords\s+began|(?:%|\bper\s*cent|\bpercent)\s+on)"
    r"\s+(?:in\s+|during\s+)?(?:the\s+)?(?:same\s+\w+\s+(?:of|in|a)\s+)?(?:levels?\s+(?:of|in)\s+)?$",
    re.I,
))
# "287,500 light vehicles": the words of a count that are not its product, and counts that name none
_SCALE_WORDS = frozenset("thousand million billion mn bn more fewer less additional some about nearly".split())
_GENERIC_COUNTS = frozenset("units unit pieces piece pcs sets head heads containers bags sacks bales bottles".split())
# "the six-month period", "the 12-month period": a period named by its length
_PERIOD_LENGTH = re.compile(r"the\s+(\w+)[- ]months?\s+period", re.I)
_MONTH_COUNTS = {"three": 3, "3": 3, "six": 6, "6": 6, "nine": 9, "9": 9, "twelve": 12, "12": 12,
                 "two": 2, "2": 2, "four": 4, "4": 4, "five": 5, "5": 5, "seven": 7, "7": 7, "eight": 8, "8": 8,
                 "ten": 10, "10": 10, "eleven": 11, "11": 11}
# Classes of goods a trade figure or balance may be given for: "the non-oil trade", "the energy trade balance".
_BALANCE_CLASSES = frozenset("non-oil services service energy non-energy petroleum non-petroleum oil gold non-gold "
                             "food agricultural".split())
# A flow word named again for the volume of the same flow: "with export volumes at ...".
_RESTATED_FLOW = re.compile(r"\s+(?:volumes?|quantit(?:y|ies)|tonnage)\b", re.I)
# What a percent is compared with, right after it: "from the previous month", "higher than in
# January 2022" (two percents compared with two things are two claims).
_COMPARED_WITH = re.compile(r"\s*(?:(?:higher|lower|more|less|up|down)\s+than|from|compared\s+(?:to|with)|over|against)\s+"
                            r"(?:in\s+)?([^,;]{2,25}?)(?=\s+(?:and|but)\b|[,;.]|$)", re.I)
_MEMBERS_OF = re.compile(r"(?:the\s+)?(?:other\s+)?(?:member\s+(?:states|countries|nations|economies)|members|"
                         r"countries|nations|economies|rest)\s+of\s+(?:the\s+)?$")
# Right before a second amount, once the main one is given: "..., after NIS 5.8 billion in
# November", "well below the $2.17 billion posted a year earlier".
_BASE_AFTER_MAIN = re.compile(r"\b(?:after|below\s+the|above\s+the|(?:double|twice|triple|times|half)\s+the)\s+$", re.I)
_PERCENT_BASE_BEFORE = re.compile(
    r"(?:\b(?:compared\s+(?:to|with)|after|following|from|than)\s+(?:the|a)\s+(?:revised\s+)?|"
    r"\b(?:previous|preceding|prior)\s+(?:month|quarter|year)['’]s\s+)$",
    re.I,
)
_DESTINATION = first_char_filtered(re.compile(
    r"\b(?:market|destination|partner|buyer|customer|source|supplier|recipient)s?\b|\btopped\s+the\s+list\s+of\s+countries",
    re.I))
# "the total export value for these countries": a named set of partners, not the world
_LISTED_PARTNERS = first_char_filtered(re.compile(r"\b(?:these|those|the\s+(?:top\s+)?(?:\w+\s+)?(?:major|leading|top))\s+(?:countries|markets|"
                              r"destinations|nations|economies|partners)\b", re.I))
_HABITUAL = first_char_filtered(re.compile(
    r"\b(?:typically|usually|normally|generally|traditionally|tends?\s+to|every\s+(?:year|month|quarter)|"
    r"each\s+(?:year|month|quarter)|in\s+every\s+\w+\s+since|"
    r"in\s+(?:a|an)\s+(?:typical|normal|average)\s+year)\b", re.I))
_TRADE_WORD = first_char_filtered(re.compile(r"\b(?:trade|exports?|imports?|shipments)\b", re.I))
# Cheap pre-checks, case-insensitive as the patterns they guard (so "THOſE" still counts).
_THOSE, _WITH, _SECTOR = (re.compile(word, re.I) for word in ("those", "with", "sector"))
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
    chinese-russian bilateral mutual two-way year quarter month period first last second third
    fourth half six nine ten eleven twelve record new latest current previous same further main key major top
    led lower higher strong weak further such both country nation kingdom world global""".split()
)
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
    partner: Optional[str] = None  # "China with $4.6 billion", or a "respectively" list
    pair: Optional[int] = None  # for a change: the start offset of the amount it belongs to
    commodity: Optional[str] = None  # "gas, up $360 million (18 per cent)"
    signed: bool = False  # the figure carries its own sign ("-27.8%", "halved")


@dataclass
class Cue:
    flow: str
    start: int
    end: int
    text: str
    figures: list = field(default_factory=list)
    commodity: Optional[str] = None  # set when the sentence's subject is the product


@dataclass
class Context:
    """What earlier sentences established, inherited by sentences that leave it implicit."""

    reporter: Optional[str] = None
    partner: Optional[str] = None
    period: Optional[Period] = None
    commodity: Optional[str] = None
    last_claim: Optional[dict] = None


_VAGUE_PERIOD = re.compile(r"(?:the\s+)?(?:full[- ]year|(?:this|the)\s+(?:year|month)|whole\s+year)", re.I)


def _vague(period: Optional[Period]) -> bool:
    """"the full year", "this year": dates a figure next to it, but sets no context."""
    return period is not None and bool(period.text) and bool(_VAGUE_PERIOD.fullmatch(period.text.strip()))


# Mass nouns and materials stay singular as modifiers ("rice exports" -> "rice"); count nouns
# take the plural CLAIMS.md asks for ("garment exports" -> "garments", "car exports" -> "cars").
_MASS_NOUNS = frozenset(
    """rice coffee tea oil gas lng lpg soy soya copper gold silver iron steel ore coal wheat corn maize sugar cotton
    rubber timber beef pork lamb mutton poultry chicken dairy milk seafood fish shrimp prawn cocoa grain barley
    crude petroleum meat wool jute furniture machinery equipment apparel clothing footwear aluminium aluminum
    nickel zinc lead tin lumber fruit produce cement fertiliser fertilizer oilseed canola rapeseed palm cashew
    pepper tobacco wine beer whisky salmon tuna cattle livestock copra coconut sorghum rye oat uranium lithium
    cobalt potash sulphur sulfur bauxite alumina electricity power software pulp paper plastic glass leather
    merchandise freight cargo energy food feed wood sand gravel honey vanilla saffron tuna""".split())


# Qualifiers of a class of exports, not count nouns: "national exports", "mainland exports".
_QUALIFIERS = frozenset("national traditional non-traditional agricultural industrial mainland domestic regional "
                        "local overseas foreign primary".split())


def _plural_of_modifier(word: str) -> str:
    if word in _QUALIFIERS:
        return word
    if not word.isalpha() or not word.islower() or word in _MASS_NOUNS or len(word) < 3 or word.endswith(
            ("s", "ics", "ture", "wear", "meal", "ware", "ery", "ing", "ism", "ity", "ion", "dom", "ness", "ive", "ed")):
        return word
    if word.endswith("y") and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    if word.endswith(("x", "ch", "sh")):
        return word + "es"
    return word + "s"


def _months_spanned(period: Period) -> int:
    """The calendar months a period touches: 1 for "May", 12 for a (fiscal) year."""
    return (period.end.year - period.start.year) * 12 + period.end.month - period.start.month + 1


def explicit_partner_of(partner: Optional[str]) -> bool:
    return partner is not None and partner != "WLD"


def _num(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)


# "between 2019 and 2023, exports grew from X to Y": the base takes the first year, the figure the last
_BETWEEN_YEARS = re.compile(r"between\s+(\d{4})\s+and\s+(\d{4})", re.I)
_ACRONYM_HINT = re.compile(r"(?:exports|imports)\s*\([A-Z]{3,6}\)")
_ACRONYM_DEF = re.compile(
    r"(?P<words>(?:[\w-]+\s+){1,3}?)(?P<flow>exports|imports)\s*\((?P<acr>[A-Z]{3,6})\)")
_ITEM_START = re.compile(
    r"(?:^|[:;]|,\s*(?!including\b)(?:and\s+)?|\)\s*(?:,\s*)?(?:and\s+)?|\b(?:by|in|of|are|were|include[sd]?|as)\s+)"
    r"(?=(?:[^:;,()]|,\s*including\b)*$)",
    re.I)
_CHANGE_VERB = (r"(?:up|down|rose|rising|fell|falling|increased|decreased|declined|grew|gained|jumped|dropped|"
                r"surged|soared|plunged|tumbled|climbed|slipped|added|shed)")
_PLACE_WITH_FIGURE = re.compile(
    r"^\s*\)?\s*(?:,\s*)?(?:(?:followed\s+)?with|at|\(|:|was\s+at|stood\s+at|taking|buying|importing|receiving|absorbing)\s*"
    r"(?:a\s+value\s+of\s+|over\s+|about\s+|some\s+|nearly\s+|almost\s+|more\s+than\s+)?$", re.I)
_CUE_COORDINATION = re.compile(r"^\s*(?:,\s*)?(?:and\s+)?(?:the\s+)?(?:trade\s+)?$", re.I)
_NOT_COMMODITY_WORDS = frozenset(
    """economy country nation kingdom government ministry data figures figure statistics report bureau agency
    adjustment basis terms calendar seasonal rising falling growth increase decrease decline rise fall drop
    full-year year-on-year month-on-month year month quarter week day period value volume average daily
    record high low level levels share total overall per cent percent pct most second third first top
    main key major biggest largest leading others said says showed shows meanwhile however also
    regarding whilst while whose out bank traders economists analysts officials sector sectors category earnings
    revenue revenues receipts proceeds sales number amount quantity quantities import export imports exports
    forecast estimate estimated provisional preliminary thousand million billion trillion mn bn against versus
    january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec""".split()
)


class SentenceReader:
    """Builds the claims of one document, sentence by sentence."""

    def __init__(self, text: str, mentions: dict[str, Any], published: Any = None) -> None:
        self.text = text
        self.mentions = mentions
        self.published = coerce_date(published)
        self.country = mentions.get("country")
        self.doc_reporter = self.country
        self.context = Context()
        self.doc_pair: Optional[tuple[str, str]] = None
        self.seen_sentences: set[str] = set()
        self.anchor = self.published
        self.acronyms = self._acronyms(text)
        self.headline_pair = self._headline_pair(mentions.get("sentences", []))
        self.listed: set[str] = set()
        self.sentence_cues: list[Cue] = []
        self._sentence_end = len(text)
        self.claim_sentences = 0  # sentences with claims so far: the lead is the first few
        self.prev_places: list[dict] = []
        self.period_history: list[Period] = []  # the story's periods so far, latest last

    @staticmethod
    def _acronyms(text: str) -> dict[str, tuple[str, Optional[str]]]:
        """Flows the text names by an acronym it defines: "non-oil domestic exports (NODX)"."""
        out: dict[str, tuple[str, Optional[str]]] = {}
        if not _ACRONYM_HINT.search(text):  # most texts define none: skip the costly scan
            return out
        for m in _ACRONYM_DEF.finditer(text):
            flow = "import" if m.group("flow").lower().startswith("import") else "export"
            words = [w.lower() for w in m.group("words").split() if w.lower() not in _COMMODITY_STOP]
            out[m.group("acr")] = (flow, " ".join(words) or None)
        return out

    def _headline_pair(self, sentences: list[dict]) -> Optional[tuple[str, str]]:
        """Two countries in the headline ("China becomes Russia's biggest trading partner")
        are the pair that "the two countries" and "bilateral trade" refer to."""
        if not sentences:
            return None
        codes = []
        for p in sentences[0]["places"]:
            if p["label"] in ("COUNTRY", "DEMONYM") and p["id"] not in codes:
                codes.append(p["id"])
        return (codes[0], codes[1]) if len(codes) == 2 else None

    # ------------------------------------------------------------------ document level
    def read(self) -> list[dict[str, Any]]:
        claims: list[dict[str, Any]] = []
        sentences = self.mentions.get("sentences", [])
        if self.published is None:
            self.anchor = self._anchor_from_text(sentences)
        for sent in sentences:
            s_text = self.text[sent["start"]:sent["end"]]
            if s_text in self.seen_sentences:
                continue  # a scraping duplicate gives its claims once
            self.seen_sentences.add(s_text)
            found = self._read_sentence(sent)
            self.claim_sentences += bool(found)
            claims.extend(found)
            self.prev_places = [p for p in sent["places"] if p["label"] in ("COUNTRY", "GROUP", "CAPITAL")
                                and not p.get("possessive")]
        self._date_the_headline(claims, sentences)
        return claims

    def _date_the_headline(self, claims: list[dict[str, Any]], sentences: list[dict]) -> None:
        """A headline that names no period ("US trade deficit jumps to $50.1 billion") reports the
        period of the story's first dated claim of the same flow: any reader takes it from the lead."""
        if not sentences or "\n" not in self.text[sentences[0]["end"]:sentences[0]["end"] + 2]:
            return  # no headline line
        headline_end = sentences[0]["end"]
        for claim in claims:
            if claim["evidence"]["end"] > headline_end:
                break
            if claim["period"] is None:
                lead = next((c for c in claims if c["evidence"]["start"] > headline_end and c["flow"] == claim["flow"]
                             and c["period"] is not None), None)
                if lead is not None:
                    claim["period"] = dict(lead["period"])

    def _anchor_from_text(self, sentences: list[dict]) -> Optional[dt.date]:
        """Without a publication date, the month after the latest period with a written year
        stands in for it, so "in August" after "September 2024" reads as August 2024."""
        latest = None
        for sent in sentences:
            for p in sent["periods"]:
                if p["relative"]:
                    continue
                period = parse_period(p["text"], published=None, country=self.doc_reporter)
                if period is not None and (latest is None or period.end > latest):
                    latest = period.end
        if latest is None:
            return None
        return latest + dt.timedelta(days=1)

    # ------------------------------------------------------------------ sentence level
    def _read_sentence(self, sent: dict) -> list[dict[str, Any]]:
        start, end = sent["start"], sent["end"]
        s_text = self.text[start:end]
        figures = self._figures(sent)
        blocked = [(p["start"], p["end"]) for p in sent["places"] if p["label"] in ("AGENCY", "GROUP")]
        periods = self._sentence_periods(sent)
        if not figures:
            self._update_context_without_claims(periods, s_text, start, blocked)
            return []
        cues = self._cues(s_text, start, blocked)
        inherited_commodity = None
        if not cues:
            earned = False  # the figure before was "X earned $N": "and Y $M" goes on the list
            for f in figures:  # "Metalliferous ores fell $640 million (4.8 per cent), and coal, coke and briquettes were down"
                m = re.search(r"(?:^|,\s*(?:and\s+)?|;\s*|\band\s+)((?:[\w&'’-]+(?:,\s*|\s+)(?:and\s+)?){0,5}?[\w&'’-]+)\s+"
                              r"(?:were\s+|was\s+)?(?:up|down|fell|rose|grew|declined|increased|decreased|dropped|jumped|"
                              r"slipped|climbed|earned|fetched|generated|brought\s+in)\s+(?:by\s+)?$", s_text[:f.start - start], re.I)
                if m is None and earned and f.kind == "money":  # "... and coconut-based products US$ 66.5 million"
                    m = re.search(r"\band\s+((?:[\w&'’-]+\s+){0,3}?[\w&'’-]+)\s+$", s_text[:f.start - start])
                earned = m is not None and f.kind == "money" and (
                    bool(re.search(r"\b(?:earned|fetched|generated|brought\s+in)\s+$", m.group(0), re.I)) or earned)
                subject = m.group(1) if m else ""
                if m and f.commodity is None and f.kind in ("money", "quantity", "absolute", "percent") and \
                        not any(pl["text"] in subject for pl in sent["places"]) and \
                        subject.split()[0].lower() not in _COMMODITY_STOP and \
                        not re.search(r"\b(?:was|were|is|are|also|has|have|had|it|they)\b", subject, re.I):
                    f.commodity = self._clean_commodity(m.group(1), sent)
            itemised = re.search(r"[A-Za-z][\w-]*,\s*(?:up|down)\s+(?:by\s+)?[$€£¥\d]|"
                                 r"[A-Za-z]\s*\(\s*[+\-–]?\d[\d.,]*\s*(?:%|per\s*cent|percent)", s_text, re.I) and \
                self.context.last_claim is not None and self.context.last_claim["flow"] in ("export", "import")
            if (_ANAPHOR.search(s_text) or itemised) and self.context.last_claim is not None:
                prev = self.context.last_claim
                cues = [Cue(prev["flow"], start, start, "")]
                inherited_commodity = prev.get("commodity")
                m = re.match(r"\W*((?:[\w&'’-]+(?:,\s*|\s+)(?:and\s+)?){0,5}?[\w&'’-]+)\s+(?:led|drove|were\s+behind)\b", s_text)
                if m:  # "New motor cars led this increase": the subject is the product
                    inherited_commodity = self._clean_commodity(m.group(1), sent) or inherited_commodity
            else:
                # "Reserves stood at $74.6 billion in May, ... months of imports": no claim, but its
                # period is the one "in the month" means next
                self._update_context_without_claims(periods, s_text, start, blocked)
                return []
        self._sentence_end = end
        self.sentence_cues = cues
        self._assign_figures(figures, cues)
        self._keep_pairs_together(figures, cues, self.text)
        for f in figures:
            if f.kind not in ("money", "quantity") or not re.search(
                    r"\b(?:than|from|compared\s+(?:to|with)|against|versus|(?:double|twice|triple|times)\s+the)\s+(?:the\s+|a\s+)?$",
                    self.text[max(start, f.start - 16):f.start], re.I):
                continue
            nxt = min([g.start for g in figures if g.start > f.end], default=end)
            for p in periods:
                if 0 <= p["start"] - f.end <= 35 and p["start"] < nxt and not p["relative"]:
                    p["comparison"] = True
        self._figure_partners(figures, sent)
        self._figure_items(figures, sent)
        if "respectively" in s_text.lower():
            self._respectively(cues, figures, sent)
        claims: list[dict[str, Any]] = []
        for ci, cue in enumerate(cues):
            if cue.figures:
                claims.extend(self._claims_for_cue(cue, ci, cues, sent, periods, inherited_commodity))
        claims.sort(key=lambda c: c["_pos"])
        if claims:
            self.context.last_claim = claims[-1]
            if claims[-1].get("commodity"):
                self.context.commodity = claims[-1]["commodity"]
            main = [c for c in claims if not c.get("_base")]
            if main:
                if main[-1].get("_explicit_reporter"):
                    self.context.reporter = main[-1]["reporter"]
                if main[-1].get("_explicit_period") and not _vague(main[-1]["_period_obj"]):
                    self._remember_period(main[-1]["_period_obj"])
        for c in claims:
            for k in [k for k in c if k.startswith("_")]:
                del c[k]
        return claims

    def _remember_period(self, period: Period) -> None:
        """``period`` is now the story's: later sentences that name none inherit it."""
        self.context.period = period
        self.period_history.append(period)

    def _update_context_without_claims(self, periods: list[dict], s_text: str, offset: int,
                                       blocked: list[tuple[int, int]]) -> None:
        """A sentence without figures that names a period and a flow sets the period of the next ones."""
        own = [p for p in periods if not p["relative"] and not p["comparison"] and p["period"] is not None
               and not _vague(p["period"])]
        # the flow cues are costly: looked for only when there is a period to pass on
        if own and (_TRADE_WORD.search(s_text) or self._cues(s_text, offset, blocked)):
            self._remember_period(own[0]["period"])

    # ------------------------------------------------------------------ figures and cues
    def _figures(self, sent: dict) -> list[Figure]:
        out: list[Figure] = []
        text = self.text
        lo = sent["start"]
        for m in sent["money"] + sent["quantities"]:
            if m.get("bracketed"):
                continue
            kind = m["kind"]
            before = text[max(lo, m["start"] - 40):m["start"]]
            after = text[m["end"]:min(sent["end"], m["end"] + 30)]
            if re.search(r"\b(?:average|each|per(?!\s+cent))\s+(?:\w+\s+){0,4}$|\bprices?\s+(?:\w+\s+){0,3}$", before, re.I) or \
                    re.match(r"^\s*(?:per|a|each)\s+(?:tonne|ton|barrel|kg|kilogram|unit|head)\b", after, re.I):
                continue  # a price or a unit value, not a flow
            if re.search(r"\b(?:average|unit)\s+(?:value|price)\b|\beach\s+(?:ton|tonne|unit|barrel)\b", text[lo:m["start"]], re.I) \
                    or re.search(r"\b(?:quota|cap|ceiling|threshold|target|limit)\s+of\s+$", before, re.I) \
                    or re.search(r"\b(?:tariffs?|duties|levies)\s+(?:of\s+\S+\s+)?on\s+(?:about\s+|nearly\s+|some\s+)?$", before, re.I) \
                    or re.match(r"^\s*(?:threshold|milestone|barrier)\b", after, re.I):
                continue
            if _ABS_CHANGE_BEFORE.search(before) or re.match(r"^\s+more\b", after) or " more " in m["text"] or re.match(
                    r"^\s*(?:\([^()]*\)\s*)?(?:increase|rise|decrease|fall|drop|decline|jump|gain)\b", after, re.I):
                kind = "absolute"
            out.append(Figure(kind, m["start"], m["end"], m["text"], Decimal(str(m["value"])), m["unit"], m.get("hedge")))
        for p in sent["percents"]:
            before = text[max(lo, p["start"] - 40):p["start"]]
            after = text[p["end"]:min(sent["end"], p["end"] + 25)]
            if _SHARE_AFTER.match(after) or _SHARE_BEFORE.search(before):
                continue
            if re.match(r"^\s*(?:,|and|or|,\s*and)\s+[\d.,]+\s*(?:%|percent|per\s+cent|pc)\s+of\b", after, re.I):
                continue  # "imported 14.5% and 9.8% of its coffee": both are shares
            clause = text[self._clause_start(sent, p["start"]):p["start"]]
            chunk = clause[clause.rfind(",") + 1:]
            share_phrase = r"\bshare\b|\baccount(?:s|ed|ing)?\s+for\s+[\d.,]+\s*(?:%|percent|per\s+cent)"
            if re.search(share_phrase, chunk, re.I) or (re.search(r"\b(?:from|to)\s+$", chunk) and re.search(share_phrase, clause, re.I)):
                continue  # "with a 21% share", "accounted for 10% of the total, rising from 9.7%"
            if re.match(r"^\s*(?:share|of\s+(?:the\s+)?(?:total|global|world|its|their|overall))", after, re.I) or \
                    re.search(r"\bwith\s+(?:a\s+)?$", before) and re.match(r"^\s*share", after):
                continue
            out.append(Figure("percent", p["start"], p["end"], p["text"], Decimal(str(p["value"])), "%", p.get("hedge"),
                              signed=bool(p.get("signed"))))
        kept: list[Figure] = first_non_overlapping(out)
        # a percent at "X at 7.3%" after a ranking ("followed by diamonds at 6.5%") is a share
        return [f for f in kept if not (f.kind == "percent" and re.search(
            r"\b(?:at|with)\s+(?:a\s+)?$", text[max(lo, f.start - 6):f.start]) and
            re.search(r"\b(?:share|most|topped|tops|list|followed|category)\b", text[lo:sent["end"]], re.I))]

    def _cues(self, s_text: str, offset: int, blocked: list[tuple[int, int]]) -> list[Cue]:
        cues = []
        denominator: Optional[Cue] = None  # "Chemicals, which make up half of Swiss exports, grew 4%"
        for m in _FLOW_RE.finditer(s_text):
            a, b = offset + m.start(), offset + m.end()
            if any(x <= a < y for x, y in blocked):
                continue
            flow = m.lastgroup
            if flow == "trade" and _NOT_FLOW_BEFORE.search(s_text[:m.start()]):
                continue
            if flow == "balance" and re.search(r"\b(?:current[- ]account|budget|fiscal|primary|financial\s+account|"
                                                 r"capital\s+account)\s+$", s_text[:m.start()], re.I):
                continue  # not a trade balance
            if re.search(r"\bworth\s+of\s+(?:[\w-]+\s+){0,2}$", s_text[max(0, m.start() - 30):m.start()], re.I) and \
                    cues and cues[-1].flow != flow:
                continue  # "$4.6 billion worth of imports from Iran" restates an export from the partner's side
            if not m.group().lower().endswith("ed") and re.match(
                    r"\s+(?:category|categories|items?|earners?|sector|segment|driver|basket|mix|products?\s+list|"
                    r"coverage|ratio|cover)\b",
                    s_text[m.end():], re.I):
                continue  # "the country's biggest export category" names a category, not a flow
            if flow == "balance" and re.search(r"\b(?:driver|drivers|cause|causes|source|part|contributor|"
                                                 r"contributors)\s+of\s+(?:the\s+|a\s+)?(?:trade\s+)?$",
                                                 s_text[max(0, m.start() - 40):m.start()], re.I):
                continue  # "Energy imports, a key driver of the deficit, fell": an aside, not the flow
            if flow == "trade" and cues and cues[-1].flow == "balance" and re.search(
                    r"\b(?:in|on)\s+(?:its\s+|their\s+|the\s+)?(?:bilateral\s+|goods\s+)?$", s_text[max(0, m.start() - 25):m.start()], re.I):
                continue  # "a surplus of $171.9 billion in its trade with the U.S.": the balance's scope
            # "accounted for 84.6% of the total exports": the denominator of a share is no flow
            if re.search(r"(?:%|percent|per\s+cent|pc|half|a\s+third|two-thirds|bulk|majority)\s+of\s+"
                         r"(?:the\s+|its\s+|their\s+|all\s+)?(?:[\w'’-]+\s+){0,3}$",
                         s_text[max(0, m.start() - 60):m.start()], re.I) and not re.match(
                    r"\s*(?:[–—-]|,|\(|:)\s*(?:of\s+)?(?:about\s+|nearly\s+)?(?:[$€£¥]|[A-Z]{1,3}\$|US|\d)", s_text[m.end():]):
                subject = re.match(r"\W*((?:[\w&'’-]+\s+){0,5}?[\w&'’-]+),\s*(?:which|that)\b[^,;]*$", s_text[:m.start()])
                if subject and denominator is None:
                    denominator = Cue(flow, a, b, m.group(), commodity=self._clean_commodity(subject.group(1)))
                continue
            if re.search(r"\bcoverage\s+(?:rate|ratio)\s+of\s+(?:[\w-]+\s+){0,4}$", s_text[max(0, m.start() - 60):m.start()], re.I):
                continue  # "the coverage rate of imports by exports": a ratio of the flows
            if re.search(r"\b(?:cover\w*|enough\s+for|equivalent\s+to|sufficient\s+for)\s+(?:about\s+|nearly\s+|some\s+)?"
                         r"[\d.]+\s+months?\s+(?:worth\s+)?of\s+(?:[a-z-]+\s+){0,2}$", s_text[max(0, m.start() - 70):m.start()], re.I):
                continue  # "reserves enough to cover 5.9 months of projected imports": import cover
            # "the amount by which imports exceed exports" defines a deficit, it is no flow
            if re.match(r"\s+exceed\w*\s+(?:exports|imports)\b", s_text[m.end():]) or \
                    re.search(r"\b(?:exports|imports)\s+exceed(?:s|ed)?\s+$", s_text[:m.start()]):
                continue
            cues.append(Cue(flow, a, b, m.group()))
        for m in re.finditer(r"\bthose\s+(?=(?:of|to|from|for)\b)", s_text, re.I) if _THOSE.search(s_text) else ():
            a = offset + m.start()
            before = [c for c in cues if c.end <= a]
            if before and before[-1].flow in ("export", "import"):
                cues.append(Cue(before[-1].flow, a, a + len("those"), "those"))
        for acr, (flow, _) in self.acronyms.items():
            for m in re.finditer(rf"\b{re.escape(acr)}\b", s_text):
                a, b = offset + m.start(), offset + m.end()
                if self.text[b:b + 1] != ")":
                    cues.append(Cue(flow, a, b, m.group()))
        cues.sort(key=lambda c: c.start)
        if "respectively" in s_text.lower():
            # "trade, exports and imports contracted by 2.8%, 1% and 4.9%, respectively": a list, not total trade
            split: list[Cue] = []
            for i, cue in enumerate(cues):
                m = re.fullmatch(r"(exports?|imports?)(\s+and\s+)(exports?|imports?)", cue.text, re.I)
                listed = split and re.fullmatch(r"\s*,\s*", self.text[split[-1].end:cue.start])
                own_clause = self.text[cue.end:cues[i + 1].start if i + 1 < len(cues) else offset + len(s_text)]
                if m and (listed or len(cues) == 1 or "respectively" in own_clause.lower()):
                    first = "export" if m.group(1).lower().startswith("export") else "import"
                    second = "import" if first == "export" else "export"
                    b = cue.start + len(m.group(1)) + len(m.group(2))
                    split += [Cue(first, cue.start, cue.start + len(m.group(1)), m.group(1)),
                              Cue(second, b, cue.end, m.group(3))]
                else:
                    split.append(cue)
            cues = split
        # "over imports of $46 billion": the same flow named again for the base is no new flow
        out: list[Cue] = []
        for cue in cues:
            if out and out[-1].flow == cue.flow and re.search(
                    r"\d(?:[\d.,]*\d)?\s*(?:-?\s*(?:billion|million|trillion|bn|mln|bln|m|b|tn|B|M)\b)?\s*(?:trade\s+)?$",
                    self.text[max(offset, cue.start - 20):cue.start]):
                continue  # "a $2.79-billion deficit": the word describes the figure before it
            before = self.text[max(offset, cue.start - 60):cue.start]
            if out and out[-1].flow == cue.flow and re.search(
                    r"\b(?:over|than|from|compared\s+(?:to|with)|against)\s+(?:(?!while\b|whereas\b|whilst\b|but\b)[\w,-]+\s+){0,8}$",
                    before, re.I):
                continue
            if out and out[-1].flow == cue.flow and re.search(
                    r"\b(?:increase|rise|growth|decline|fall|drop|gain)\s+in\s+(?:the\s+)?(?:total|overall)\s+$",
                    self.text[max(offset, cue.start - 40):cue.start], re.I):
                continue
            out.append(cue)
        if not out and denominator is not None:
            # the only flow word names the whole the subject is a share of: the subject is an item of that flow
            out.append(denominator)
        return out

    def _assign_figures(self, figures: list[Figure], cues: list[Cue]) -> None:
        """Each figure goes to the cue that governs it: the nearest one before it, a cue right
        after it ("a 100% increase in vegetable imports"), else the first cue."""
        for f in figures:
            best = None
            for cue in cues:
                if cue.start >= f.end:
                    between = self.text[f.end:cue.start]
                    if len(between) <= 45 and re.fullmatch(
                            r"\s*(?:\)\s*)?(?:[\w-]+\s+){0,1}(?:increase|rise|growth|jump|drop|decline|fall|gain|surge)s?\s+"
                            r"(?:in|of)\s+(?:[\w-]+\s+){0,3}", between, re.I):
                        best = cue
                    elif re.fullmatch(r"\s*(?:\([^()]*\)\s*)?(?:were|was|are|is|have\s+been|has\s+been|had\s+been)\s+"
                                      r"(?:\w+\s+)?", between, re.I) and re.search(r"ed$", cue.text, re.I):
                        best = cue
                    break
            if best is None:
                # "the deficit, which represents the difference between imports and exports, fell to
                # JD5.8 billion": a flow word inside a closed relative clause governs no figure after it
                before = [c for c in cues if c.end <= f.start and not self._in_closed_relative_clause(c, f.start)] or \
                    [c for c in cues if c.end <= f.start]
                if not before and re.search(r"\b(?:while|whereas|whilst)\b|;", self.text[f.end:cues[0].start], re.I):
                    continue  # "The coverage rate rose to 62%, while exports grew 8%": the 62% is not the exports'
                best = before[-1] if before else cues[0]
            best.figures.append(f)

    def _in_closed_relative_clause(self, cue: Cue, upto: int) -> bool:
        opened = self.text.rfind(",", max(0, cue.start - 120), cue.start)
        return opened >= 0 and bool(re.match(r",\s*(?:which|that|who)\b[^,;]*$", self.text[opened:cue.start])) and \
            "," in self.text[cue.end:upto]

    @staticmethod
    def _keep_pairs_together(figures: list[Figure], cues: list[Cue], text: str) -> None:
        """"an $833 million (7 per cent) increase in exports": the bracketed percent's cue takes both."""
        owner = {id(f): c for c in cues for f in c.figures}
        for a, b in zip(figures, figures[1:]):
            if a.kind == "absolute" and b.kind == "percent" and re.fullmatch(r"\s*\(\s*", text[a.end:b.start]):
                ca, cb = owner[id(a)], owner[id(b)]
                if ca is not cb:
                    ca.figures.remove(a)
                    cb.figures.append(a)
                    cb.figures.sort(key=lambda f: f.start)

    def _figure_partners(self, figures: list[Figure], sent: dict) -> None:
        """"Japan followed with SR5913 billion, South Korea with SR5106 billion": a place right
        before a figure is that figure's partner."""
        places = [p for p in sent["places"] if p["label"] in ("COUNTRY", "GROUP", "CAPITAL")]
        for f in figures:
            for p in places:
                if p["end"] <= f.start and _PLACE_WITH_FIGURE.match(self.text[p["end"]:f.start]):
                    f.partner = p["id"]
        amounts = [f for f in figures if f.kind in ("money", "quantity")]
        if len(amounts) >= 2:
            for f in amounts:
                nxt = min([g.start for g in figures if g.start > f.end], default=sent["end"])
                for p in places:
                    if f.end < p["start"] < nxt and re.fullmatch(r"\s+(?:of\s+(?:[\w-]+\s+){1,4})?(?:to|from)\s+(?:the\s+)?",
                                                                  self.text[f.end:p["start"]]):
                        f.partner = p["id"]
                        break

    def _figure_items(self, figures: list[Figure], sent: dict) -> None:
        """Itemised lists: "metal components (-27.8%)", "road vehicles, up $393 million (13 per
        cent)", "coal (down by 9.2%)": the noun phrase right before a figure is its commodity."""
        text = self.text
        semicolons = ";" in text[sent["start"]:sent["end"]]
        prev_end = sent["start"]
        for f in figures:
            window = text[prev_end:f.start]
            m = ("(" in window or "," in window) and re.search(r"(?:\(\s*(?:-|–|" + _CHANGE_VERB + r"\s+(?:by\s+)?)?|,\s*(?:up|down)"
                          r"\s+(?:by\s+)?(?:about\s+|nearly\s+|almost\s+)?)$", window, re.I)
            prev_end = f.end
            if not m:
                continue
            head = window[:m.start()]
            if not head.strip() or head.rstrip().endswith((")", "%")):
                continue
            if semicolons:
                cut = max(head.rfind(";"), head.rfind(":"))
                item = head[cut + 1:] if cut >= 0 else head
                item = re.sub(r"^\s*(?:and\s+)", "", item)
            else:
                starts = list(_ITEM_START.finditer(head))
                item = head[starts[-1].end():] if starts else head
            item = re.sub(r"^\s*(?:and|the|a|an)\s+", "", item.strip(), flags=re.I)
            if re.search(r"\b(?:led|drove|were|was|is|are|has|have|had|saw|showed|accounted|made|rose|fell)\b", item, re.I):
                continue
            if not item or len(item.split()) > 12 or find_periods(item) or any(
                    pl["text"] in item for pl in sent["places"]):
                continue
            found = self._clean_commodity(item)
            if found:
                f.commodity = found
        for f in figures:  # "Regarding imports, transportation equipment surged 53.3 percent"
            window = text[max(sent["start"], f.start - 80):f.start]
            if f.commodity is None and ("," in window or ";" in window):
                m = re.search(r"(?:,|;)\s*((?:[\w&-]+\s+){0,3}?[\w&-]+)\s+" + _CHANGE_VERB + r"\s+(?:by\s+)?(?:about\s+|nearly\s+)?$",
                              window, re.I)
                if m and not _FLOW_RE.search(m.group(1)) and _FLOW_RE.search(text[sent["start"]:f.start - len(m.group(0))]) \
                        and not any(pl["text"] in m.group(1) for pl in sent["places"]):
                    found = self._clean_commodity(m.group(1), sent)
                    if found:
                        f.commodity = found
        s_text = text[sent["start"]:sent["end"]]
        m = "list" in s_text and re.search(r"(?:^|,\s*)((?:[\w&'’-]+\s+){0,3}?[\w&'’-]+)\s+(?:topped|led|headed)\s+the\s+list\b", s_text)
        if m:  # "With a value of Dh84.4 billion, gold topped the list of leading commodities"
            item = self._clean_commodity(m.group(1), sent)
            lead = next((f for f in figures if f.kind in ("money", "quantity") and f.start < sent["start"] + m.start(1)), None)
            if item and lead is not None and lead.commodity is None:
                lead.commodity = item
        for f in figures:
            if f.commodity is not None or f.kind not in ("money", "quantity"):
                continue
            rest = text[f.end:sent["end"]]
            m = rest[:1].isspace() and rest.lstrip().startswith("worth") and re.match(r"\s+worth\s+of\s+((?:[\w&'’-]+\s+){0,5}?[\w&'’-]+)(?=\s+(?:to|from|in|into|during|for|at|by|"
                r"on|were|was|is|are)\b|\s*[,.;]|\s*$)", rest)
            if m:  # "RM14.2 billion worth of electrical and electronic products to Singapore"
                f.commodity = self._clean_commodity(m.group(1), sent)
                continue
            before = text[max(sent["start"], f.start - 60):f.start]
            m = _WITH.search(before) and re.search(r"\bwith\s+((?:[\w&'’-]+\s+){0,3}?[\w&'’-]+)\s+(?:fetching|earning|bringing\s+in|worth|"
                                                       r"accounting\s+for|at)\s+$", before, re.I)
            if m and not any(pl["text"] in m.group(1) for pl in sent["places"]):  # "with coffee fetching $1.1 billion"
                f.commodity = self._clean_commodity(m.group(1), sent)
        if re.search(r"\bfollowed\s+by\b", s_text, re.I):  # "..., followed by crude petroleum at GH¢8.03 billion and cocoa beans at ..."
            for f in figures:
                if f.commodity is not None or f.kind not in ("money", "quantity"):
                    continue
                m = re.search(r"(?:\bfollowed\s+by\s+|,\s*(?:and\s+)?|\band\s+)((?:[\w&'’-]+\s+){0,3}?[\w&'’-]+)\s+(?:at|with)\s+"
                              r"(?:about\s+|nearly\s+|almost\s+|some\s+|over\s+)?$", text[max(sent["start"], f.start - 80):f.start], re.I)
                item = re.sub(r"^followed\s+by\s+", "", m.group(1), flags=re.I) if m else ""
                if item and item.split()[0].lower() not in _COMMODITY_STOP and \
                        not any(pl["text"] in item for pl in sent["places"]):
                    f.commodity = self._clean_commodity(item, sent)
        for f in figures:  # "the knitwear sector fetched US $ 11.92 billion"
            window = text[max(sent["start"], f.start - 80):f.start]
            if f.commodity is None and f.kind in ("money", "quantity") and _SECTOR.search(window):
                m = re.search(r"\bthe\s+([\w-]+)\s+sector\b[^,;]{0,40}$", window, re.I)
                if m and m.group(1).lower() not in _NOT_COMMODITY_WORDS:
                    f.commodity = m.group(1).lower()
        for f in figures:  # "exported 287,500 light vehicles": the counted goods right after the verb are the product
            if f.kind == "quantity" and f.unit == "units" and f.commodity is None and any(
                    c.end <= f.start and not text[c.end:f.start].strip() for c in self.sentence_cues):
                words = [w.lower() for w in f.text.split() if w.isalpha() and w.lower() not in _SCALE_WORDS]
                if words and words[-1] not in _GENERIC_COUNTS:
                    f.commodity = " ".join(words)
        for f in figures:  # "6.68 million tonnes of corn and 3.71 million tonnes of barley"
            if f.kind == "quantity" and f.commodity is None:
                m = re.match(r"\s+of\s+([\w&'’-]+(?:\s+[\w&'’-]+){0,3}?)(?=\s*(?:,|\.|$)|\s+(?:to|from|in|into|during|for|"
                             r"at|by|with|on|worth|valued|were|was|and|which|abroad|overseas|last|this)\b)",
                             text[f.end:sent["end"]])
                if m:
                    phrase = m.group(1)
                    incl = re.match(r",\s*(including\s+[\w&'’\s-]+?)\s*,", text[f.end + m.end():sent["end"]])
                    if incl:  # "8.5 million tons of products, including gas condensates, valued at"
                        phrase = f"{phrase}, {incl.group(1)}"
                    f.commodity = self._clean_commodity(phrase, sent)

    def _respectively(self, cues: list[Cue], figures: list[Figure], sent: dict) -> None:
        """"A and B rose 2% and 3%, respectively": pair the listed flows or places with the figures."""
        for i, f in enumerate(figures):  # listed products: "beef and lamb, up $52 million and $31 million"
            if f.commodity and re.search(r"\band\b|,", f.commodity):
                parts = [x.strip() for x in re.split(r",\s*(?:and\s+)?|\s+and\s+", f.commodity) if x.strip()]
                group = [f] + [g for g in figures[i + 1:i + len(parts)] if g.kind in (f.kind, "money")]
                if len(parts) >= 2 and len(group) == len(parts):
                    for g, part in zip(group, parts):
                        g.commodity, g.kind = part, f.kind
                    break
        # coordinated flows: "trade, exports and imports contracted by 2.8%, 1% and 4.9%"
        run = [cues[0]] if cues else []
        for prev, cue in zip(cues, cues[1:]):
            if _CUE_COORDINATION.match(self.text[prev.end:cue.start]) and not prev.figures:
                run.append(cue)
            else:
                if len(run) >= 2:
                    break
                run = [cue]
        if len(run) >= 2:
            owned = [f for c in run for f in c.figures]
            amounts = [f for f in owned if f.kind in ("money", "quantity")]
            changes = [f for f in owned if f.kind in ("percent", "absolute")]
            for c in run:
                c.figures = []
            if amounts and len(amounts) == len(run):
                for c, f in zip(run, amounts):
                    c.figures.append(f)
                if len(changes) == len(run):
                    for c, f in zip(run, changes):
                        c.figures.append(f)
                else:
                    for c in run:
                        c.figures.extend(Figure(**{**f.__dict__}) for f in changes)
            elif len(changes) == len(run):
                for c, f in zip(run, changes):
                    c.figures.append(f)
            else:
                run[0].figures = owned
            for c in run:
                c.figures.sort(key=lambda f: f.start)
            return
        # listed places: "to the US and China declined 2.9 percent and 10.2 percent"
        cue = next((c for c in cues if c.figures), None)
        if cue is None:
            return
        product = self._commodity(cue, sent) if cue.text else None
        if product and re.search(r"\band\b|,", product):  # "exports of iron ore, coal and LNG earned A$124bn, ..."
            parts = [x.strip() for x in re.split(r",\s*(?:and\s+)?|\s+and\s+", product) if x.strip()]
            for kind in (("money", "quantity"), ("percent", "absolute")):
                figs = [f for f in cue.figures if f.kind in kind]
                if len(parts) >= 2 and len(figs) == len(parts):
                    for f, part in zip(figs, parts):
                        f.commodity = part
                    return
        places = [p for p in sent["places"] if p["label"] in ("COUNTRY", "GROUP", "CAPITAL")
                  and not p.get("possessive") and p["end"] <= cue.figures[0].start
                  and not re.search(r"\b(?:including|includes|such\s+as)\s+$", self.text[max(0, p["start"] - 12):p["start"]])]
        if not places and self.prev_places:
            places = self.prev_places  # "Their NODX grew 97.5, 54 and 14.8 percent, respectively"
        places = [p for p in places if p["id"] != self.doc_reporter]
        for kind in (("money", "quantity"), ("percent", "absolute")):
            figs = [f for f in cue.figures if f.kind in kind]
            if len(figs) >= 2 and len(places) == len(figs):
                for p, f in zip(places, figs):
                    f.partner = p["id"]
                    self.listed.add(p["start"])
                return
        amounts = [f for f in cue.figures if f.kind in ("money", "quantity")]
        changes = [f for f in cue.figures if f.kind == "percent"]
        if len(amounts) >= 2 and len(changes) == len(amounts):
            for a, c in zip(amounts, changes):
                c.pair = a.start

    def _sentence_periods(self, sent: dict) -> list[dict]:
        out = []
        s_text = self.text[sent["start"]:sent["end"]]
        found = find_periods(s_text, published=self.anchor, country=self.doc_reporter, reference=self.context.period) \
            if sent["periods"] else []
        for f in found:
            p = {"start": sent["start"] + f.start, "end": sent["start"] + f.end, "text": f.text, "relative": f.relative}
            period = None if f.relative else f.period
            before = self.text[max(sent["start"], p["start"] - 40):p["start"]]
            if re.search(r"\b(?:for|in|of)\s+(?:a|any)\s+$", before, re.I):
                continue  # "a record for a first half", "the highest for any month": no period in particular
            # "Over the three months to February, the deficit widened": a duration, not a comparison
            comparison = (bool(_COMPARISON_BEFORE.search(before)) and not re.fullmatch(r"\W*over\s+", before, re.I)) or bool(
                re.match(r"^\s*:", self.text[p["end"]:p["end"] + 3]) and self.text[max(0, p["start"] - 1)] == "(")
            out.append({**p, "period": period, "comparison": comparison})
        return out

    # ------------------------------------------------------------------ claims
    def _claims_for_cue(self, cue: Cue, ci: int, cues: list[Cue], sent: dict, periods: list[dict],
                        inherited_commodity) -> list[dict]:
        seg_start = cues[ci - 1].end if ci > 0 else sent["start"]
        seg_end = cues[ci + 1].start if ci + 1 < len(cues) else sent["end"]
        seg_start = min(seg_start, *(f.start for f in cue.figures))
        seg_end = max(seg_end, *(f.end for f in cue.figures))
        clause_start = self._clause_start(sent, min(cue.start, cue.figures[0].start))
        lead = self.text[clause_start:cue.figures[0].start]
        if _FORECAST.search(lead) or _HABITUAL.search(lead) or _HABITUAL.search(
                self.text[cue.figures[-1].end:min(sent["end"], cue.figures[-1].end + 40)]):
            return []
        # "rose 7% to $3.2 billion in June and are expected to reach $40 billion": drop the forecast figure
        kept, prev = [], cue.figures[0].start
        for f in cue.figures:
            if f is not cue.figures[0] and _FORECAST.search(self.text[prev:f.start]):
                break
            if re.match(r"\s*(?:[\w-]+\s+){0,2}?(?:expected|forecast|projected|predicted|anticipated)\s+by\b",
                        self.text[f.end:min(sent["end"], f.end + 40)], re.I):
                prev = f.end  # "the $7.9 billion surplus expected by economists"
                continue
            kept.append(f)
            prev = f.end
        cue.figures = kept
        if not kept:
            return []
        if _OUT_OF_SCOPE.search(self.text[min(cue.end, cue.figures[0].start):cue.figures[0].start]):
            return []
        if cue.figures[0].end <= cue.start and _CURRENCY_MOVE.search(self.text[clause_start:cue.figures[0].start]):
            return []  # "the cedi depreciated by about 19 per cent ..., which inflated the value of exports"
        clause_end = cues[ci + 1].start if ci + 1 < len(cues) else sent["end"]
        reporter, partner, explicit_reporter = self._who(cue, sent, self._who_start(cue, ci, cues, sent), clause_end)
        commodity = cue.commodity or (self._commodity(cue, sent) if cue.text and cue.text.lower() != "those" else inherited_commodity)
        if commodity is None and ci > 0 and (cue.text.lower() == "those" or _RESTATED_FLOW.match(self.text, cue.end)):
            # "Apparel exports to the US fell, while those to the EU rose", "Crude oil exports came to
            # NOK 51.2 billion, with export volumes at 46.1 million barrels": the product named before
            named = next((c for c in reversed(cues[:ci]) if c.flow == cue.flow and c.text.lower() != "those"), None)
            commodity = self._commodity(named, sent) if named is not None else None
        amounts = [f for f in cue.figures if f.kind in ("money", "quantity")]
        # which amounts are the base of a comparison
        prev_end = seg_start
        seen_main = False
        for f in cue.figures:
            between = self.text[prev_end:f.start]
            if f.kind in ("money", "quantity"):
                near = self.text[max(seg_start, f.start - 14):f.start]
                lead_in = self.text[max(seg_start, f.start - 40):f.start]
                near = re.sub(r"\b(?:less|more|fewer|greater)\s+than\s+$", "", near, flags=re.I)
                if re.search(r"\b(?:to|reach(?:ed|ing)?|at)\s+(?:(?:a|an|the)\s+)?(?:[\w-]+\s+){0,3}?(?:of\s+)?$", lead_in, re.I) \
                        and not re.search(r"\b(?:from|than|against)\s+(?:the\s+|a\s+)?$", near, re.I) \
                        and not re.search(r"\b(?:compared|relative|comparison|opposed)\s+to\s+(?:(?:a|an|the)\s+)?(?:[\w-]+\s+){0,3}?$",
                                          lead_in, re.I) \
                        and not (seen_main and re.search(r"\b(?:compared|against|than|over|from)\b[^.;]*,\s*(?:which|that)\b",
                                                         self.text[prev_end:f.start], re.I)):
                    seen_main = True
                    prev_end = f.end
                    continue
                main_before = seen_main or any(c.flow == cue.flow and c.figures for c in cues[:ci])  # "..., after $X"
                if (seen_main and _PERCENT_BASE_BEFORE.search(self.text[max(seg_start, f.start - 30):f.start])) or (
                        main_before and _BASE_AFTER_MAIN.search(near)) or (
                        self._base_marker_in(between, prev_end, sent) and seen_main) or re.search(
                        r"\b(?:from|than)\s+(?:the\s+|a\s+)?$", near, re.I) or re.search(
                        r"\(\s*[^()]{0,25}\d{4}\s*:\s*[+\-]?\s*$", self.text[max(seg_start, f.start - 30):f.start]):
                    f.base = True
                else:
                    seen_main = True
            elif f.kind == "percent":
                lead = self.text[max(seg_start, f.start - 45):f.start]
                if _PERCENT_BASE_BEFORE.search(lead[-30:]) and not re.search(
                        r"\b(?:stems?|stemmed|comes?|came|results?|resulted|arising|arises|benefit\w*|driven|thanks)\s+"
                        r"(?:from|to|by)\s+(?:the|a)\s+$", lead, re.I):
                    f.base = True
                else:
                    seen_main = True
            else:
                seen_main = True
            prev_end = f.end
        attached = [p for p in periods for b in cue.figures if b.base and 0 <= p["start"] - b.end <= 35
                    and not any(b.end < g.start < p["start"] for g in cue.figures)]
        attached += [p for p in periods for b in cue.figures if b.base and 0 <= b.start - p["end"] <= 8
                     and re.fullmatch(r"\s*:\s*[+\-]?\s*", self.text[p["end"]:b.start])]
        free = [p for p in periods if p not in attached]
        main_period, explicit_period = self._main_period(cue, free, seg_start, seg_end)
        if explicit_period and main_period is not None:
            for f in amounts:
                own = None if f.base else self._own_period(f, cue, free, None)
                if own is not None and own.end < main_period.start and own.grain == main_period.grain:
                    f.base = True  # "337.6 billion in H1 2015, and 340.6 billion in H1 2014"
        mains = [f for f in amounts if not f.base]
        bases = [f for f in amounts if f.base]
        earlier_main = any(c.flow == cue.flow and c.figures for c in cues[:ci])
        if not mains and bases and not any(f.kind == "percent" and not f.base for f in cue.figures) and not re.search(
                r"\b(?:up|down)\s+from\s+(?:the\s+|a\s+)?$", self.text[max(seg_start, bases[-1].start - 16):bases[-1].start], re.I) \
                and not (earlier_main and _BASE_AFTER_MAIN.search(self.text[max(seg_start, bases[-1].start - 14):bases[-1].start])):
            mains, bases = bases[-1:], bases[:-1]  # a lone "from $X" with nothing else is the figure itself
            mains[0].base = False

        pairs: list[tuple[Optional[Figure], list[Figure]]] = [(m, []) for m in mains]
        loose: list[Figure] = []
        for f in cue.figures:
            if f.kind not in ("percent", "absolute") or (f.kind == "percent" and f.base):
                continue
            target = self._nearest_amount(f, pairs)
            if target is None:
                loose.append(f)
            else:
                target[1].append(f)
        pairs.extend((None, group) for group in self._group_loose(loose))
        claims = []
        for amount, changes in pairs:
            anchor_fig = amount if amount is not None else changes[0]
            own = self._own_period(anchor_fig, cue, free, main_period)
            for change_group in self._change_groups(changes):
                claim = self._claim(cue, sent, reporter, partner, commodity, amount, change_group,
                                    own or main_period, explicit_period or own is not None, seg_start, seg_end)
                if claim is not None:
                    claim["_explicit_reporter"] = explicit_reporter
                    claims.append(claim)
        for b in bases:
            period = self._base_period(b, main_period, periods, seg_end)
            claim = self._claim(cue, sent, reporter, partner, commodity, b, [], period, True, seg_start, seg_end)
            if claim is not None:
                claim["_base"] = True
                claims.append(claim)
        for f in cue.figures:
            if f.kind == "percent" and f.base:
                period = self._base_period(f, main_period, periods, seg_end)
                claim = self._claim(cue, sent, reporter, partner, commodity, None, [f], period, True, seg_start, seg_end)
                if claim is not None:
                    claim["_base"] = True
                    claims.append(claim)
        return claims

    def _who_start(self, cue: Cue, ci: int, cues: list[Cue], sent: dict) -> int:
        """Where the places of a cue's clause begin: after the previous cue's clause break."""
        if ci == 0:
            return sent["start"]
        lo = cues[ci - 1].end
        gap = self.text[lo:cue.start]
        breaks = list(re.finditer(r",(?!\s*whose\b)|;|\bwhile\b|\bwhilst\b|\bwhereas\b|\band\b|\bbut\b|–|—", gap))
        return lo + (breaks[-1].end() if breaks else 0)

    def _own_period(self, f: Figure, cue: Cue, periods: list[dict], main: Optional[Period]) -> Optional[Period]:
        """A period written right after a figure is that figure's ("$13.9 billion in April and
        $157.02 billion in 2017"); "full-year" lifts the main period to its year."""
        clause = self.text[max(cue.start, f.start - 60) if cue.start < f.start else f.start - 60:f.start]
        if main is not None and re.search(r"\bfull[- ]year\b", clause, re.I) and main.grain in ("month", "quarter", "half"):
            return Period(start=dt.date(main.start.year, 1, 1), end=dt.date(main.start.year, 12, 31), grain="year")
        for p in periods:
            if p["relative"] or p["comparison"] or p["period"] is None:
                continue
            gap = self.text[f.end:p["start"]]
            if 0 <= p["start"] - f.end <= 40 and re.fullmatch(
                    r"\s*(?:\([^()]*\)\s*)?(?:,\s*)?(?:in|during|for|of|over|at\s+the\s+end\s+of)?\s*(?:the\s+)?", gap, re.I):
                return self._between_months(p)
        return None

    def _between_months(self, p: dict) -> Period:
        """"between August and September 2020" with a change is the later month; "between 2019 and
        2023" the later year."""
        period = p["period"]
        years = _BETWEEN_YEARS.fullmatch(p["text"].strip())
        if years:
            y = int(years.group(2))
            return Period(start=dt.date(y, 1, 1), end=dt.date(y, 12, 31), grain="year")
        if re.match(r"between\b", p["text"], re.I) and period.grain in ("range", "month") and \
                _months_spanned(period) == 2:
            return Period(start=period.end.replace(day=1), end=period.end, grain="month")
        return period

    def _clause_start(self, sent: dict, at: int) -> int:
        window = self.text[sent["start"]:at]
        cut = max(window.rfind(";"), window.rfind(", while"), window.rfind(" while "), window.rfind(", but"),
                  window.rfind(" whereas "))
        return sent["start"] + (cut + 1 if cut >= 0 else 0)

    def _group_loose(self, loose: list[Figure]) -> list[list[Figure]]:
        """Changes without an amount: "up $393 million (13 per cent)" or "by $757 million or
        eight percent" is one change; otherwise each figure is its own claim."""
        groups: list[list[Figure]] = []
        for f in loose:
            if groups:
                last = groups[-1][-1]
                between = self.text[last.end:f.start]
                kinds = {g.kind for g in groups[-1]}
                if f.kind not in kinds and re.fullmatch(r"\s*(?:\([^()]*\)\s*)?(?:,\s*)?(?:\(|or\s+|,\s*or\s+)\s*", between):
                    groups[-1].append(f)
                    continue
            groups.append([f])
        return groups

    def _nearest_amount(self, f: Figure, pairs):
        if f.pair is not None:
            for pair in pairs:
                if pair[0] is not None and pair[0].start == f.pair:
                    return pair
        best, best_d = None, None
        for pair in pairs:
            amount, changes = pair
            if amount is None:
                continue
            same_kind = [c for c in changes if c.kind == f.kind]
            if same_kind and not (f.kind == "percent" and self._distinct_basis(same_kind[0], f)):
                continue
            if f.partner and amount.partner and f.partner != amount.partner:
                continue
            between = self.text[min(amount.end, f.end):max(amount.start, f.start)]
            ahead = self.text[f.end:min(f.end + 30, self._sentence_end)]
            if f.kind == "percent" and amount.kind == "money" and _VOLUME_TERMS.search(ahead):
                continue
            if f.kind == "percent" and amount.kind == "quantity" and _VALUE_TERMS.search(ahead):
                continue
            if ";" in between or len(between) > 160:
                continue
            d = len(between)
            if best_d is None or d < best_d:
                best, best_d = pair, d
        return best

    def _base_marker_in(self, between: str, offset: int, sent: dict) -> bool:
        place_starts = {p["start"] for p in sent["places"]}
        for m in _BASE_MARKER.finditer(between):
            if m.group().lower() == "than" and re.search(r"\b(?:less|more|fewer|greater|rather|other)\s+$", between[:m.start()], re.I):
                continue
            if re.match(r"\s+(?:the\s+|a\s+)?(?:year|month|quarter|same|previous|prior|last|corresponding|year-ago|"
                        r"year-earlier|[A-Z][a-z]+\s+\d{4}|\d{4})\b", between[m.end():]) and not re.search(
                    r",\s*(?:which|that)\b", between[m.end():], re.I):
                continue  # "from a year earlier", "compared with the same period": a period is compared
            nxt = offset + m.end() + (len(between[m.end():]) - len(between[m.end():].lstrip()))
            if m.group().lower() == "from" and (nxt in place_starts or re.match(r"\s*the\s", between[m.end():]) and
                                                 nxt + 4 in place_starts):
                continue
            return True
        return False

    def _distinct_basis(self, a: Figure, b: Figure) -> bool:
        """"a year-on-year increase of 32.7 percent and a month-to-month rise of 16.7 percent"."""
        lo = min(a.start, b.start) - 60
        window = self.text[max(0, lo):max(a.end, b.end) + 40]
        off = max(0, lo)
        ba = find_basis(window, a.start - off, a.end - off)
        bb = find_basis(window, b.start - off, b.end - off)
        if ba is not None and bb is not None and ba != bb:
            return True
        first, second = sorted((a, b), key=lambda f: f.start)
        pa = _COMPARED_WITH.match(self.text[first.end:second.start])
        pb = _COMPARED_WITH.match(self.text[second.end:second.end + 40])
        return bool(pa and pb and pa.group(1).strip().lower() != pb.group(1).strip().lower())

    def _change_groups(self, changes: list[Figure]) -> list[list[Figure]]:
        """Two percents for one amount ("up 6.56% month-on-month and 69.46% year-on-year") make
        two claims; an absolute change goes with the first."""
        if not changes:
            return [[]]
        pcts = [c for c in changes if c.kind == "percent"]
        abss = [c for c in changes if c.kind == "absolute"]
        if len(pcts) <= 1:
            return [changes]
        groups = [[p] for p in pcts]
        groups[0].extend(abss)
        return groups

    def _claim(self, cue: Cue, sent: dict, reporter, partner, commodity, amount: Optional[Figure],
               changes: list[Figure], period: Optional[Period], explicit_period: bool,
               seg_start: int, seg_end: int) -> Optional[dict]:
        flow = cue.flow
        if amount is None and not changes:
            return None
        s_text = self.text[sent["start"]:sent["end"]]
        change: Optional[dict] = None
        approx = bool(amount is not None and amount.hedge)
        pos = amount.start if amount is not None else changes[0].start
        figure_partner = (amount.partner if amount is not None else None) or next(
            (c.partner for c in changes if c.partner), None)
        if figure_partner and figure_partner != reporter:
            partner = figure_partner
        if changes:
            change = {}
            for c in changes:
                approx = approx or bool(c.hedge)
                sign = self._sign(c, sent)
                if c.kind == "percent":
                    value = c.value
                    if not c.signed and value >= 0 and sign < 0:
                        value = -value
                    change["percent"] = _num(value)
                else:
                    value = c.value if sign >= 0 else -c.value
                    change["absolute"] = {"value": _num(value), "unit": c.unit}
            first = changes[0]
            change["text"] = "; ".join(c.text for c in changes)
            basis = find_basis(s_text, first.start - sent["start"], first.end - sent["start"])
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
            "commodity": (amount.commodity if amount is not None and amount.commodity else None)
            or next((c.commodity for c in changes if c.commodity), None) or commodity,
            "period": None if period is None else {
                "start": period.start.isoformat(), "end": period.end.isoformat(), "grain": period.grain,
                "text": period.text},
            "amount": amount_dict,
            "change": change,
            "approximate": approx,
            "_pos": pos,
            "_period_obj": period,
            "_explicit_period": explicit_period,
        }

    def _sign(self, f: Figure, sent: dict) -> int:
        if f.text.lstrip().startswith(("-", "−", "–")):
            return -1
        s_text = self.text[sent["start"]:sent["end"]]
        d = direction(s_text, f.start - sent["start"], f.end - sent["start"])
        return d or 1

    def _is_deficit(self, amount: Figure, sent: dict, cue: Cue) -> bool:
        lo = max(sent["start"], amount.start - 60)
        window = self.text[lo:min(sent["end"], amount.end + 25)].lower()
        a = amount.start - lo
        spots = [(abs(m.start() - a), m.group()) for m in re.finditer(r"deficit|surplus|positive|negative|gap|shortfall", window)]
        if not spots:
            return any(word in cue.text.lower() for word in ("deficit", "gap", "shortfall"))
        spots.sort()
        return spots[0][1] in ("deficit", "negative", "gap", "shortfall")

    # ------------------------------------------------------------------ who, what, when
    def _who(self, cue: Cue, sent: dict, clause_start: int, clause_end: Optional[int] = None
             ) -> tuple[Optional[str], Optional[str], bool]:
        text = self.text
        clause_end = sent["end"] if clause_end is None else clause_end
        places = [p for p in sent["places"] if p["label"] in ("COUNTRY", "DEMONYM", "CAPITAL", "GROUP")
                  and clause_start <= p["start"] and (p["start"] < clause_end or p["start"] < cue.end + 40)
                  and not re.search(r"\b(?:including|includes|such\s+as|especially|notably)\s+$",
                                    text[max(0, p["start"] - 16):p["start"]], re.I)]
        # places followed by a currency word ("US dollars", "Singapore dollars") are no places
        places = [p for p in places if not re.match(r"^\s*(?:\$|dollars?|shillings?|rupees?|pesos?|yuan)\b",
                                                    text[p["end"]:p["end"] + 10], re.I)]
        places = [p for p in places if p["start"] not in self.listed and not self._is_dateline(p, sent)]
        cue_starts = [c.start for c in self.sentence_cues] or [cue.start]

        def after_a_flow_word(place: dict) -> bool:
            # "exports to China", "imports from Russia": the phrase follows its own flow word
            preceding = [c for c in cue_starts if c < place["start"]]
            if preceding:
                return preceding[-1] == cue.start or cue.start not in cue_starts
            return bool(re.search(
                r"\b(?:goods|products|commodities|items|cargo|shipments)\s+(?:from|to)\s+(?:the\s+)?$",
                text[max(0, place["start"] - 30):place["start"]], re.I))

        reporter = partner = None
        reporter_gap = None
        group_owner = next((p for p in places if p["label"] == "GROUP" and p["id"] not in ("OTHER", "AFRICA", "LATAM") and (
            (p.get("possessive") and 0 <= cue.start - p["end"] <= 40) or 0 <= cue.start - p["end"] <= 2)
            and not re.search(r"(?:\b(?:to|from|with|into|for|and|between)\s+(?:the\s+)?|[-–/]\s*)$",
                              text[max(0, p["start"] - 14):p["start"]], re.I)), None)
        for i, p in enumerate(places):
            # "trade with the member states of the EAEU", "with the rest of Africa": the group is the partner
            before = _MEMBERS_OF.sub("", text[max(sent["start"], p["start"] - 60):p["start"]].lower())[-14:]
            after = text[p["end"]:p["end"] + 12].lower()
            is_country = p["label"] != "GROUP"
            prev = places[i - 1] if i > 0 else None
            if p["label"] == "DEMONYM" and cue.flow == "export" and re.match(
                    r"\s+(?:goods|products|wares|exports|shipments|produce)\b", text[p["end"]:p["end"] + 14], re.I):
                if reporter is not None and reporter != p["id"] and partner is None:
                    partner = reporter
                reporter, reporter_gap = p["id"], 0
                for q in places:  # "Germany was the largest buyer of Czech goods"
                    if q["id"] != p["id"] and q["start"] < p["start"] and _DESTINATION.search(text[q["end"]:p["start"]]):
                        partner = q["id"]
            elif p["label"] == "DEMONYM" and 0 <= cue.start - p["end"] <= 2 and cue.flow in ("export", "import"):
                if reporter is not None and reporter != p["id"] and partner is None and \
                        _DESTINATION.search(text[sent["start"]:sent["end"]]):
                    partner = reporter  # "The United States remained the biggest market for Philippine exports"
                reporter, reporter_gap = p["id"], 0
            elif prev is not None and re.fullmatch(r"\s*[-–/]\s*", text[prev["end"]:p["start"]]):
                partner = partner or p["id"]  # "Cambodia-Japan trade", "Chinese-Russian trade"
            elif re.search(r"\b(?:to|into|for)\s+(?:the\s+)?$", before) and cue.flow in ("export", "balance", "trade") \
                    and after_a_flow_word(p):
                partner = partner or p["id"]
            elif re.search(r"\bfrom\s+(?:the\s+)?$", before) and after_a_flow_word(p) and not re.search(
                    r"\b(?:demand|orders|buying|interest|appetite)\s+from\s+(?:the\s+)?$",
                    text[max(sent["start"], p["start"] - 30):p["start"]], re.I):
                if cue.flow in ("import", "trade"):
                    partner = partner or p["id"]
                elif is_country:
                    reporter = reporter or p["id"]
            elif re.search(r"\b(?:with|and)\s+(?:the\s+)?$", before) and cue.flow in ("trade", "balance"):
                partner = partner or p["id"]
            elif re.search(r"\binto\s+(?:the\s+)?$", before) and cue.flow == "import" and is_country:
                reporter, reporter_gap = p["id"], 0
            elif re.search(r"\bbetween\s+(?:the\s+)?$", before) and is_country:
                reporter = reporter or p["id"]
            elif re.search(r"\b(?:balance|surplus|deficit|exports?|imports?|trade)\s+of\s+(?:the\s+)?$", before) \
                    and p["label"] == "COUNTRY":
                reporter, reporter_gap = p["id"], 0  # "the positive balance of Russia"
            elif re.match(r"^\s*,\s*whose\b", after) and is_country and 0 <= cue.start - p["end"] <= 30:
                reporter, reporter_gap = p["id"], 0

            elif p["label"] == "DEMONYM" and p["start"] > cue.end and cue.flow == "import":
                partner = partner or p["id"]
            elif is_country and (p.get("possessive") or p["start"] < cue.start):
                governed = re.search(r"\b(?:to|from|with|into|for|of|in|at|by|on|than|over)\s+(?:the\s+)?$", before)
                destination = re.search(r"\b(?:to|into|for|towards)\s+(?:the\s+)?$", before)
                owner = p.get("possessive") and 0 <= cue.start - p["end"] <= 40  # "a rise in New Zealand's exports"
                if not re.match(r"^\s*(?:with|at|\()", after) and reporter_gap != 0 and not destination and \
                        (not (governed and reporter) or owner):
                    gap = abs(cue.start - p["end"])
                    # the place nearest the flow word is its owner ("China's demand ... New Zealand's exports")
                    if reporter is None or (p["start"] < cue.start and gap < (reporter_gap or 10**6)):
                        if reporter is not None and reporter != p["id"] and partner is None and \
                                _DESTINATION.search(text[sent["start"]:sent["end"]]):
                            partner = reporter  # "China was New Zealand's main export destination"
                        reporter, reporter_gap = p["id"], gap
                elif reporter is not None and partner is None and cue.flow in ("trade", "balance") and \
                        p["id"] != reporter:
                    partner = p["id"]
        m_anaphor = re.search(r"\bthe\s+(?:kingdom|country|nation|island\s+nation|republic)(?:['’]s)?\s+(?:\w+\s+){0,2}$",
                              text[max(sent["start"], cue.start - 40):cue.start], re.I)
        if m_anaphor and self.doc_reporter:
            reporter = self.doc_reporter
        clause_text = text[clause_start:clause_end]
        # "Germany was the main export market", "China was the top source of imports": the subject is the
        # partner; for imports only a source or supplier is (a recipient of imports is the importer itself)
        roles = r"source|supplier" if cue.flow == "import" else \
            r"destination|market|buyer|customer|source|supplier|partner|recipient|importer"
        for p in places:
            if p["label"] in ("COUNTRY", "GROUP") and not p.get("possessive") and re.match(
                    r"\s+(?:was|were|is|are|remained|remains|became|emerged\s+as)\s+(?:still\s+)?(?:the|its|their)\s+"
                    r"(?:[\w-]+\s+){0,3}?(?:" + roles + r")s?\b", text[p["end"]:p["end"] + 80], re.I):
                if reporter == p["id"] or reporter is None:
                    reporter = None
                partner = p["id"]
                break
        if self.doc_reporter and re.search(r"\b(?:for|of|to|by|into)\s+the\s+(?:country|kingdom|nation)\b", clause_text, re.I) \
                and reporter not in (None, self.doc_reporter) and not explicit_partner_of(partner):
            partner, reporter = reporter, self.doc_reporter  # "China was the biggest source of imports for the country"
        if re.search(r"\b(?:other|all|many|various)\s+(?:countries|markets|nations|destinations|partners|sources)\b(?!\s+of\b)|"
                     r"\bfrom\s+(?:abroad|overseas)\b", clause_text, re.I):
            partner = "WLD"
        if reporter is not None and partner is None and cue.flow in ("trade", "balance", "export", "import"):
            others = [p for p in places if p["id"] != reporter and p["start"] < cue.start and not p.get("possessive")]
            if others and _DESTINATION.search(text[sent["start"]:sent["end"]]):
                partner = others[0]["id"]
        if clause_start > sent["start"]:
            # a later clause of the sentence keeps the sentence's own reporter and partner
            lead_cue = next((c for c in self.sentence_cues if c.figures), cue)
            first_reporter, first_partner, first_explicit = self._who(lead_cue, sent, sent["start"], sent["end"])
            if reporter is None and first_explicit:
                reporter = first_reporter
            if partner is None and first_partner != "WLD" and not _TOTAL.search(text[clause_start:sent["end"]]):
                partner = first_partner
        if group_owner is not None and (reporter is None or reporter_gap is None or
                                        cue.start - group_owner["end"] < (reporter_gap if reporter_gap is not None else 10**6)):
            # "The European Union's deficit", "EU exports": a bloc reports, not a country
            return None, (partner if partner not in (None, group_owner["id"]) else "WLD"), True
        explicit_reporter = reporter is not None
        if reporter is None:
            agencies = [p for p in sent["places"] if p["label"] == "AGENCY"]
            reporter = agencies[0]["id"] if agencies else (self.context.reporter or self.doc_reporter)
        explicit_partner = partner is not None
        if partner == reporter:
            partner, explicit_partner = None, False
        seg_text = text[sent["start"]:sent["end"]]
        if explicit_partner and reporter and explicit_reporter and self.doc_pair is None and cue.flow == "trade" \
                and self.claim_sentences < 3 and len(partner) == 3 and partner not in ("WLD", "EU"):
            self.doc_pair = (reporter, partner)
        if partner is None:  # "• Africa: exports of R31.45 billion; imports of R11.02 billion": a list under a partner
            label = re.match(r"\W*([^:;,.]{2,40}):\s", text[sent["start"]:sent["end"]])
            inside = [p for p in sent["places"] if label and p["start"] < sent["start"] + label.end(1)
                      and p["label"] in ("COUNTRY", "GROUP") and p["id"] != reporter]
            if len(inside) == 1 and label.end(1) - label.start(1) <= len(inside[0]["text"]) + 4:
                partner = inside[0]["id"]
        if partner is None and _LISTED_PARTNERS.search(text[clause_start:clause_end]):
            partner = "OTHER"
        if partner is None:
            if self.doc_pair and reporter in self.doc_pair and not _TOTAL.search(seg_text):
                partner = self.doc_pair[1] if reporter == self.doc_pair[0] else self.doc_pair[0]
            elif _BILATERAL.search(seg_text) and self.headline_pair and (
                    reporter in self.headline_pair or reporter == self.doc_reporter):
                a, b = self.headline_pair
                if reporter not in self.headline_pair:
                    reporter = a
                partner = b if reporter == a else a
            elif _BILATERAL.search(seg_text) and self.context.partner:
                partner = self.context.partner
            else:
                partner = "WLD"
        if explicit_partner:
            self.context.partner = partner
        return reporter, partner, explicit_reporter

    def _is_dateline(self, place: dict, sent: dict) -> bool:
        """"LUXEMBOURG, 22 April 2024 --", "KYIV:", "SANTIAGO, Nov 8 (Reuters) -": the place a story is filed from."""
        upper_country = place["label"] == "COUNTRY" and place["text"].isupper() and len(place["text"]) > 3
        return (place["label"] == "CAPITAL" or upper_country) and place["start"] - sent["start"] <= 2 and bool(re.match(
            r"\s*(?:,\s*(?:\w+\.?\s+\d{1,2}|\d{1,2}\s+\w+)|:|\s*\(|\s*[-–—])", self.text[place["end"]:place["end"] + 20]))

    def _commodity(self, cue: Cue, sent: dict) -> Optional[str]:
        text = self.text
        if cue.flow in ("trade", "balance"):
            m = re.search(r"((?:[\w-]+\s+){0,2})$", text[max(sent["start"], cue.start - 30):cue.start])
            words = [w.lower() for w in (m.group(1) if m else "").split()]
            words = [w for w in words if w in _BALANCE_CLASSES]
            if cue.text.lower().startswith("net"):
                inner = cue.text.lower().split()
                words += [w for w in inner[1:-1] if w in ("services", "service", "goods")]
            if "services" in words or "service" in words or re.match(
                    r"[^;]{0,30}?\b(?:(?:on|in)\s+)?trade\s+in\s+services\b", text[cue.end:sent["end"]], re.I):
                return "services"  # "a surplus of £27.6bn on trade in services"
            return " ".join(words) or None
        if re.match(r"re-?exports?", cue.text, re.I):
            return "re-exports"
        if cue.text in self.acronyms:
            base = self.acronyms[cue.text][1]
            m = re.search(r"([\w-]+)\s+$", text[max(sent["start"], cue.start - 25):cue.start])
            if m and m.group(1).lower() not in _COMMODITY_STOP and m.group(1).lower() not in _NOT_COMMODITY_WORDS \
                    and not m.group(1).endswith(("'s", "’s")) and m.group(1)[0].islower() or (m and "-" in m.group(1)):
                return f"{m.group(1).lower()} {base}" if base else m.group(1).lower()
            return base
        # "exports of X to/from/in ..."
        after = text[cue.end:sent["end"]]
        m = re.match(r"\s+of\s+((?:[\w&'’-]+(?:,\s*|\s+)){0,8}?)(?=to\b|from\b|in\b|into\b|during\b|for\b|at\b|by\b|"
                     r"with\b|on\b|over\b|compared\b|rose\b|fell\b|increased\b|decreased\b|declined\b|grew\b|were\b|"
                     r"was\b|surged\b|soared\b|jumped\b|dropped\b|totalled\b|totaled\b|reached\b|amounted\b|stood\b|"
                     r"worth\b|valued\b|had\b|have\b|has\b|which\b|led\b|accounted\b|made\b|continued\b|remained\b|"
                     r"contributed\b|saw\b|showed\b|registered\b|recorded\b|posted\b|hit\b|tumbled\b|plunged\b|slipped\b|"
                     r"edged\b|shed\b|climbed\b|contracted\b|expanded\b|added\b|gained\b|slid\b|went\b|came\b|"
                     r"decreased\b|halved\b|doubled\b|tripled\b|quadrupled\b|abroad\b|overseas\b|more\b|less\b|"
                     r"nearly\b|almost\b|about\b|\(|\d|[$€£¥]|US|$)", after)
        if m and re.fullmatch(r"the\s+(?:metal|commodity|product|grain|fuel|crop|fibre|fiber|staple|oilseed|gas|ore)",
                              m.group(1).strip(" ,"), re.I) and self.context.commodity:
            return self.context.commodity  # "Shipments of the metal" after a copper headline
        if m and not re.match(r"\s+of\s+(?:\$|[\d€£¥])", after):
            phrase = re.sub(r"^(?:the|a|an)\s+", "", m.group(1).strip(" ,"), flags=re.I)
            # "apparel and textiles, the country's largest export sector": an appositive or an
            # aside after a comma is no part of the product
            phrase = re.split(r",\s*(?=(?:most|some|all|much|many|which|mainly|mostly|largely|the|a|an|its|their|"
                              r"however|though|meanwhile|also|in\s+turn|by\s+contrast|in\s+contrast)\b)", phrase,
                              flags=re.I)[0]
            found = self._clean_commodity(phrase, sent)
            if found:
                return found
        # "4.68 million tonnes of rice"
        for q in sent["quantities"]:
            if q["start"] >= sent["start"]:
                m = re.match(r"\s+of\s+([\w&'’-]+(?:\s+[\w&'’-]+){0,3}?)(?=\s*(?:,|\.|$)|\s+(?:to|from|in|into|during|for|"
                             r"at|by|with|on|worth|valued|were|was|abroad|overseas|last|this|and\s+\d|\d)\b)",
                             text[q["end"]:sent["end"]])
                if m:
                    found = self._clean_commodity(m.group(1), sent)
                    if found:
                        return found
        # "importing rice from", "exported crude oil to"
        if re.search(r"(?:ed|ing)$", cue.text, re.I):
            m = re.match(r"\s+((?:[a-z][\w-]*\s+){0,2}?[a-z][\w-]*)\s+(?=from|to|in|worth|valued|at|by|for|into)\b",
                         text[cue.end:sent["end"]])
            if m:
                found = self._clean_commodity(m.group(1))
                if found:
                    return found
        # "Gold and gold objects were the most imported items"
        m = re.match(r"\W*(?:[^,;]{0,60},\s*)?((?:[\w&'’-]+\s+){0,5}?[\w&'’-]+)\s+(?:was|were|is|are|remained)\s+(?:the\s+)?"
                     r"(?:[\w-]+['’]s\s+|its\s+|their\s+)?(?:second\s+|third\s+)?"
                     r"(?:most|top|largest|biggest|main|leading)\s+(?:\w+\s+){0,1}$", text[sent["start"]:cue.start], re.I)
        if m:
            found = self._clean_commodity(m.group(1), sent)
            if found:
                return found
        # "in oil and gas, where shipments plunged"
        m = re.search(r"\b(?:in|of)\s+((?:[\w&-]+\s+){0,4}?[\w&-]+),\s*where\s+$", text[max(sent["start"], cue.start - 60):cue.start])
        if m:
            found = self._clean_commodity(m.group(1), sent)
            if found:
                return found
        # "Non-petroleum, non-gems and jewellery (gold, silver) imports": the phrase opens the sentence
        head = re.sub(r"\s*\([^()]*\)\s*$", " ", text[sent["start"]:cue.start])
        words = re.findall(r"[\w&'’-]+|,", head)
        if 2 <= len(words) <= 10 and any(w in ("and", ",") for w in words) and all(
                w in ("and", ",") or (w.lower() not in _COMMODITY_STOP and w.lower() not in _NOT_COMMODITY_WORDS
                                      and not w.endswith(("'s", "’s")) and not w[0].isdigit()) for w in words) and \
                not any(p["start"] < cue.start for p in sent["places"]):
            found = self._clean_commodity(head, sent)
            if found:
                return found
        m = re.match(r"\W*((?:[\w&'’-]+\s+){0,3}?[\w&'’-]+),\s*(?:the|its|their|[\w-]+['’]s)\s+[^,;]{0,40}$",
                     text[sent["start"]:cue.start])
        if m and re.match(r"[\w\s-]{0,20},", text[cue.end:sent["end"]]):
            found = self._clean_commodity(m.group(1), sent)  # "Copper, the country's top export product, brought in"
            if found:
                return found
        m = re.search(r"\b((?:manufactured|capital|consumer|intermediate|industrial|agricultural|finished)\s+goods)\s+$",
                      text[max(sent["start"], cue.start - 30):cue.start], re.I)
        if m:  # "Manufactured goods exports": a class of goods, not the total
            return m.group(1).lower()
        # "X exports" / "X export revenue"
        before = re.sub(r"\s*\([^()]*\)\s*$", " ", text[max(sent["start"], cue.start - 60):cue.start])
        tokens = re.findall(r"[\w&'’-]+|[^\w\s]", before)
        picked: list[str] = []
        place_words = {w for p in sent["places"] for w in p["text"].split()}
        def product_word(tok: str) -> bool:
            low = tok.lower()
            return bool(re.match(r"[\w&-]", tok)) and low not in _COMMODITY_STOP and low not in _NOT_COMMODITY_WORDS \
                and not low.endswith(("'s", "’s", "ing", "'", "’")) and tok.rstrip("'’") not in place_words \
                and not tok[0].isdigit()

        for i in range(len(tokens) - 1, -1, -1):
            tok = tokens[i]
            if tok.lower() in ("and", "&") and len(picked) == 1 and i > 0 and product_word(tokens[i - 1]):
                picked.append("and")  # "oil and gas exports"
                continue
            if not product_word(tok):
                break
            picked.append(tok.lower())
            if len(picked) >= 4:
                break
        picked.reverse()
        if picked and picked[-1] == "sector":
            picked = picked[:-1]
        if picked:
            picked[-1] = _plural_of_modifier(picked[-1])
        if not picked:
            # "export earnings from the woven sector", "the knitwear sector fetched"
            m = re.search(r"(?:\bthe|['’]s?)\s+([\w-]+)\s+sector\b", text[sent["start"]:sent["end"]], re.I)
            return m.group(1).lower() if m else None
        return self._clean_commodity(" ".join(picked), sent)

    @staticmethod
    def _clean_commodity(phrase: str, sent: Optional[dict] = None) -> Optional[str]:
        found = find_periods(phrase)
        if found:  # "iron ore last month": the period is not part of the product
            phrase = phrase[:found[0].start]
        if sent is not None:
            for p in sent["places"]:  # "Russian liquefied natural gas": the origin is the partner, not the product
                if phrase.startswith(p["text"] + " "):
                    phrase = phrase[len(p["text"]) + 1:]
                elif phrase.strip(" ,") == p["text"] or phrase.strip(" ,") == "the " + p["text"]:
                    return None
        phrase = re.sub(r"\s+", " ", phrase.strip(" ,;:")).lower()
        if not phrase:
            return None
        words = phrase.replace(",", " ").split()
        if all(w in _AGGREGATE or w in _COMMODITY_STOP for w in words):
            return None
        if any(w in ("goods", "merchandise") for w in words) and len(words) <= 2 and words[0] in _AGGREGATE | {"total"}:
            return None
        if re.fullmatch(r"(?:total\s+)?(?:goods|merchandise)\s+(?:and|&)\s+services", phrase):
            return None  # the total of both
        if any(w in _NOT_COMMODITY_WORDS for w in words[:1]) or any(ch.isdigit() for ch in phrase):
            return None
        if words[0] in ("into", "to", "from", "in", "on", "at", "by", "for", "with", "of", "over", "during"):
            return None
        return phrase

    def _main_period(self, cue: Cue, periods: list[dict], seg_start: int, seg_end: int) -> tuple[Optional[Period], bool]:
        own = [p for p in periods if not p["relative"] and not p["comparison"] and p["period"] is not None]
        in_seg = [p for p in own if seg_start <= p["start"] < seg_end]
        first = cue.figures[0]
        in_seg = [p for p in in_seg if not _vague(p["period"]) or (first.start - p["end"] <= 40 and p["start"] - first.end <= 25)]
        if in_seg:
            anchor = cue.figures[0].start
            text = self.text

            def across_a_clause(p: dict) -> bool:
                # "after the season of 2016, as Peru shipped 1.16 million tonnes last year": a period
                # behind a comma and a conjunction belongs to another clause
                lo, hi = (p["end"], anchor) if p["end"] <= anchor else (first.end, p["start"])
                return bool(re.search(r",\s*(?:as|while|when|after|but|although|though|since|even|whereas|because)\b",
                                      text[lo:hi], re.I))

            in_seg.sort(key=lambda p: (bool(re.fullmatch(r"(?:the|this)\s+(?:year|month)", p["text"], re.I)),
                                       across_a_clause(p), abs(p["start"] - anchor)))
            if re.fullmatch(r"(?:the\s+)?full[- ]year", in_seg[0]["text"].strip(), re.I):
                earlier = [p for p in periods if p["comparison"] and p["period"] is not None and p["period"].grain == "year"
                           and p["end"] <= in_seg[0]["start"] and re.search(r"\bwhen\b", self.text[p["end"]:in_seg[0]["start"]])]
                if earlier:  # "above last year when the deficit for the full year totaled $508.3 billion"
                    return earlier[-1]["period"], False  # a comparison period sets no context
            ctx = self.context.period
            if ctx is not None and re.fullmatch(r"the\s+year", in_seg[0]["text"].strip(), re.I) and \
                    _months_spanned(ctx) == 12:
                return ctx, True  # "Services exports for the year" in a story about FY23: that year
            return self._between_months(in_seg[0]), True
        own = [p for p in own if not _vague(p["period"]) or (first.start - p["end"] <= 40 and p["start"] - first.end <= 25)]
        if own:
            return own[0]["period"], True
        # "in the previous year", "the same period" as the sentence's own period
        for p in periods:
            if p["relative"] and not p["comparison"] and self.context.period is not None and not _BASE_MARKER.search(
                    self.text[seg_start:p["start"]]):
                resolved = parse_period(p["text"], published=self.anchor, country=self.doc_reporter,
                                        reference=self.context.period)
                if resolved is not None:
                    return resolved, True
        for p in periods:  # "in the six-month period" after a sentence about one month: the story's six months
            length = _PERIOD_LENGTH.fullmatch(p["text"].strip())
            months = _MONTH_COUNTS.get(length.group(1).lower()) if length else None
            if months and not p["comparison"]:
                earlier = next((q for q in reversed(self.period_history)
                                if _months_spanned(q) == months), None)
                if earlier is not None:
                    return earlier, True
        ctx = self.context.period
        if ctx is not None and ctx.grain == "month" and re.search(
                r"\b(?:is|are|was|were)\s+running\b", self.text[seg_start:seg_end], re.I):
            # "the deficit is running 8.4 percent higher than a year ago": the year so far
            return Period(start=dt.date(ctx.start.year, 1, 1), end=ctx.end, grain="range"), False
        return ctx, False

    def _base_period(self, b: Figure, main: Optional[Period], periods: list[dict], seg_end: int) -> Optional[Period]:
        for p in periods:
            years = _BETWEEN_YEARS.fullmatch(p["text"].strip())
            if years:
                y = int(years.group(1))
                return Period(start=dt.date(y, 1, 1), end=dt.date(y, 12, 31), grain="year")
        for p in periods:  # an explicit period right after the base ("$30.75 billion in April 2021")
            if b.end <= p["start"] <= b.end + 30 or (p["end"] <= b.start and re.fullmatch(
                    r"\s*:\s*[+\-]?\s*", self.text[p["end"]:b.start])):
                if not p["relative"] and p["period"] is not None:
                    return p["period"]
                if p["relative"] and main is not None:
                    resolved = parse_period(p["text"], published=self.anchor, country=self.doc_reporter, reference=main)
                    if resolved is not None:
                        return resolved
        for p in periods:
            if p["relative"] and main is not None:
                resolved = parse_period(p["text"], published=self.anchor, country=self.doc_reporter, reference=main)
                if resolved is not None and resolved != main:
                    return resolved
        if main is None:
            return None
        window = self.text[max(0, b.start - 80):seg_end]
        # shifted from the main period, not named in the text: no surface text of its own
        if find_basis(window) == "mom" or re.search(r"\b(?:previous|preceding|prior)\s+month", window, re.I):
            return shift_period(main, months=-1).model_copy(update={"text": None})
        return shift_period(main, years=-1).model_copy(update={"text": None})


def names_a_flow(text: str) -> bool:
    """Whether ``text`` names a trade flow at all ("exports", "imports", "trade", "surplus", ...).

    Every claim hangs on such a word, so a text without one has no claims: batch jobs over
    whole news archives, where most articles are not about trade, skip those texts before
    any parsing.

    The test is looser than the flow cues themselves: a word stem anywhere, with no word
    boundary, lookahead or multi-word form, so that no way of cutting, masking or joining
    the text (sentence breaks, HTML tags between "foreign" and "sales", a headline read in
    front) can make a cue appear that the test missed.

    >>> names_a_flow("Shipments of rice rose 5%."), names_a_flow("The central bank held rates at 5%.")
    (True, False)
    """
    return _ANY_FLOW_STEM.search(text) is not None


# Every alternative of _FLOW_RE holds one of these stems (and an acronym cue is defined next
# to "exports" or "imports"): their absence proves a text has no flow cue.
_ANY_FLOW_STEM = first_char_filtered(re.compile(
    r"trade|turnover|surplus|deficit|shortfall|balance|export|import|shipment|shipped|supplies|sold|sales|purchases|bought",
    re.I), word_start=False)


def build_claims_from_mentions(text: str, mentions: dict[str, Any], published: Any = None) -> list[dict[str, Any]]:
    """The claims of one document as plain dicts (CLAIMS.md's JSON shape, evidence as offsets).

    Args:
        text: The document text the mention offsets point into.
        mentions: What ``tradeclaims.mentions.find_mentions`` returned for it.
        published: The publication date (date, datetime, ISO string or None).
    """
    return SentenceReader(text, mentions, published).read()


def build_claims(doc, text: Optional[str] = None) -> list[dict[str, Any]]:
    """The claims of a processed spaCy ``Doc`` (mentions must have been found); ``text`` is
    ``doc.text`` when the caller has it already."""
    mentions = doc._.get("tradeclaims_mentions") or {"sentences": []}
    return build_claims_from_mentions(doc.text if text is None else text, mentions, doc._.get("published"))
