"""Tests for the gazetteer files, their loader and the entity-ruler patterns built from them."""
from __future__ import annotations

import dataclasses
import importlib.metadata
import importlib.util
import json
import re
import shutil
from importlib.resources import files
from pathlib import Path

import pycountry
import pytest
import spacy

from tradeclaims import resources
from tradeclaims.patterns import LABELS, build_patterns
from tradeclaims.resources import (
    GROUP_CODES,
    GazetteerError,
    agencies,
    countries,
    country,
    groups,
)

DATA = Path(str(files("tradeclaims") / "data"))
ROOT = Path(__file__).resolve().parent.parent

# Surfaces each country must have (as name or alias); the clash decisions behind the
# less obvious ones (no leading "the", "Congo" is COD) are in tradeclaims/data/SOURCES.md.
REQUIRED_NAMES = {
    "USA": ["United States", "United States of America", "US", "U.S.", "USA", "U.S.A.",
            "America"],
    "GBR": ["United Kingdom", "UK", "U.K.", "Britain", "Great Britain"],
    "RUS": ["Russia", "Russian Federation"],
    "KOR": ["South Korea", "Korea", "Republic of Korea", "S. Korea"],
    "PRK": ["North Korea"],
    "TUR": ["Turkey", "Türkiye", "Turkiye"],
    "CIV": ["Ivory Coast", "Côte d'Ivoire", "Cote d'Ivoire"],
    "HKG": ["Hong Kong"],
    "MAC": ["Macau", "Macao"],
    "TWN": ["Taiwan", "Chinese Taipei"],
    "ARE": ["United Arab Emirates", "UAE", "U.A.E.", "the Emirates"],
    "CHN": ["China", "mainland China", "People's Republic of China", "PRC"],
    "VNM": ["Vietnam", "Viet Nam"],
    "LAO": ["Laos", "Lao PDR"],
    "MMR": ["Myanmar", "Burma"],
    "NLD": ["Netherlands", "Holland"],
    "CZE": ["Czechia", "Czech Republic"],
    "COD": ["DR Congo", "DRC", "Democratic Republic of the Congo", "Congo"],
    "COG": ["Republic of the Congo", "Republic of Congo", "Congo Republic"],
    "PSE": ["Palestine"],
    "BRN": ["Brunei"],
    "IRN": ["Iran"],
    "SYR": ["Syria"],
    "BOL": ["Bolivia"],
    "VEN": ["Venezuela"],
    "TZA": ["Tanzania"],
    "MDA": ["Moldova"],
    "JPN": ["Japan"],
    "KHM": ["Cambodia"],
    "SGP": ["Singapore"],
    "NZL": ["New Zealand"],
}

REQUIRED_DEMONYMS = {
    "JPN": "Japanese", "KHM": "Cambodian", "ARE": "Emirati", "USA": "American",
    "GBR": "British", "CHN": "Chinese", "RUS": "Russian", "KOR": "Korean",
    "SAU": "Saudi", "PHL": "Filipino", "THA": "Thai", "LAO": "Lao",
    "VNM": "Vietnamese", "MYS": "Malaysian", "IDN": "Indonesian", "IND": "Indian",
    "PAK": "Pakistani", "BGD": "Bangladeshi", "KEN": "Kenyan", "NGA": "Nigerian",
    "ZAF": "South African", "EGY": "Egyptian", "TUR": "Turkish", "TWN": "Taiwanese",
    "BRA": "Brazilian", "CHL": "Chilean", "DEU": "German", "FRA": "French",
    "NLD": "Dutch", "CHE": "Swiss", "AUS": "Australian",
}
REQUIRED_DEMONYMS_EXTRA = [("KOR", "South Korean"), ("PHL", "Philippine")]

REQUIRED_CAPITALS = {
    "JPN": ["Tokyo"], "CHN": ["Beijing"], "RUS": ["Moscow"], "USA": ["Washington"],
    "IND": ["New Delhi"], "KHM": ["Phnom Penh"], "VNM": ["Hanoi", "Ho Chi Minh City"],
    "MYS": ["Kuala Lumpur"], "PHL": ["Manila"], "IDN": ["Jakarta"], "THA": ["Bangkok"],
    "KOR": ["Seoul"], "TWN": ["Taipei"], "NZL": ["Wellington"], "AUS": ["Canberra"],
    "CAN": ["Ottawa"], "ZAF": ["Pretoria"], "KEN": ["Nairobi"], "EGY": ["Cairo"],
    "SAU": ["Riyadh"], "ARE": ["Abu Dhabi", "Dubai"], "IRN": ["Tehran"],
    "TUR": ["Ankara"], "UKR": ["Kyiv", "Kiev"], "CHL": ["Santiago"],
    "BRA": ["Brasilia", "Sao Paulo"], "DEU": ["Berlin"], "GBR": ["London"],
    "FRA": ["Paris"], "PAK": ["Islamabad", "Karachi"], "BGD": ["Dhaka"],
}

EXPECTED_FISCAL_YEARS = {
    "IND": 4, "JPN": 4, "GBR": 4, "CAN": 4, "HKG": 4, "PAK": 7, "BGD": 7, "AUS": 7,
    "NZL": 7, "EGY": 7, "KEN": 7, "USA": 10, "IRN": 3,
}

# agency id -> (country, surfaces that must name it)
REQUIRED_AGENCIES = {
    "GDCE": ("KHM", ["General Department of Customs and Excise", "GDCE"]),
    "GACC": ("CHN", ["General Administration of Customs", "GAC", "GACC"]),
    "NBS_CHN": ("CHN", ["National Bureau of Statistics of China"]),
    "DESTATIS": ("DEU", ["Destatis", "Federal Statistical Office",
                         "German Federal Bureau of Statistics"]),
    "CENSUS": ("USA", ["U.S. Census Bureau", "Census Bureau"]),
    "DOC_USA": ("USA", ["Commerce Department", "Department of Commerce"]),
    "BEA": ("USA", ["BEA", "Bureau of Economic Analysis"]),
    "ONS": ("GBR", ["ONS", "Office for National Statistics"]),
    "HMRC": ("GBR", ["HMRC"]),
    "ABS": ("AUS", ["ABS", "Australian Bureau of Statistics"]),
    "STATSNZ": ("NZL", ["Stats NZ", "Statistics New Zealand"]),
    "STATCAN": ("CAN", ["Statistics Canada", "StatCan"]),
    "BPS": ("IDN", ["BPS", "Statistics Indonesia"]),
    "PSA": ("PHL", ["PSA", "Philippine Statistics Authority"]),
    "PBS": ("PAK", ["PBS", "Pakistan Bureau of Statistics"]),
    "EPB": ("BGD", ["EPB", "Export Promotion Bureau"]),
    "MATRADE": ("MYS", ["MATRADE", "Malaysia External Trade Development Corporation"]),
    "DOSM": ("MYS", ["DOSM", "Department of Statistics Malaysia"]),
    "ESG": ("SGP", ["Enterprise Singapore"]),
    "TURKSTAT": ("TUR", ["TurkStat", "Turkish Statistical Institute"]),
    "TIM": ("TUR", ["TIM", "Turkish Exporters' Assembly"]),
    "GASTAT": ("SAU", ["GaStat", "General Authority for Statistics"]),
    "FCA_ARE": ("ARE", ["FCA", "Federal Customs Authority"]),
    "FCSC": ("ARE", ["FCSC", "Federal Competitiveness and Statistics Centre"]),
    "IRICA": ("IRN", ["IRICA", "Islamic Republic of Iran Customs Administration"]),
    "KITA": ("KOR", ["KITA", "Korea International Trade Association"]),
    "KCS": ("KOR", ["Korea Customs Service"]),
    "MOTIE": ("KOR", ["MOTIE", "Ministry of Trade, Industry and Energy"]),
    "KOSTAT": ("KOR", ["Statistics Korea"]),
    "MOF_JPN": ("JPN", ["Japan's Ministry of Finance"]),
    "JAPAN_CUSTOMS": ("JPN", ["Moji Customs"]),
    "SARS": ("ZAF", ["South African Revenue Service"]),
    "STATSSA": ("ZAF", ["Stats SA", "Statistics South Africa"]),
    "ROSSTAT": ("RUS", ["Rosstat"]),
    "FCS_RUS": ("RUS", ["Federal Customs Service of Russia"]),
    "IBGE": ("BRA", ["IBGE"]),
    "SECEX": ("BRA", ["SECEX"]),
    "CARGONAVE": ("BRA", ["Cargonave"]),
    "ANEC": ("BRA", ["Anec"]),
    "INDEC": ("ARG", ["INDEC"]),
    "EUROSTAT": ("EU", ["Eurostat"]),
    "CAPMAS": ("EGY", ["CAPMAS"]),
    "KNBS": ("KEN", ["KNBS", "Kenya National Bureau of Statistics"]),
    "TBK": ("KEN", ["Tea Board of Kenya"]),
    "GSO": ("VNM", ["GSO", "General Statistics Office"]),
    "GDVC": ("VNM", ["General Department of Vietnam Customs"]),
    "MARD": ("VNM", ["Ministry of Agriculture and Rural Development"]),
    "NSO_THA": ("THA", ["National Statistical Office of Thailand"]),
    "BOT": ("THA", ["Bank of Thailand"]),
    "CBS_NLD": ("NLD", ["Statistics Netherlands"]),
    "INSEE": ("FRA", ["INSEE"]),
    "ISTAT": ("ITA", ["Istat"]),
    "INE_ESP": ("ESP", ["Instituto Nacional de Estadística"]),
    "DGCIS": ("IND", ["DGCI&S"]),
    "MOCI_IND": ("IND", ["Ministry of Commerce and Industry of India"]),
}

REQUIRED_GROUP_SURFACES = {
    "EU": ["EU", "European Union"],
    "ASEAN": ["ASEAN", "Association of Southeast Asian Nations",
              "Association of South East Asian Nations"],
    "RCEP": ["RCEP", "Regional Comprehensive Economic Partnership"],
    "GCC": ["GCC", "Gulf Cooperation Council"],
    "MERCOSUR": ["Mercosur", "MERCOSUR"],
    "BRICS": ["BRICS"],
    "AFRICA": ["Africa", "African countries"],
    "LATAM": ["Latin America"],
    "BRI": ["Belt and Road countries", "Belt and Road Initiative", "BRI countries"],
    "OTHER": ["G7", "OPEC", "EFTA", "USMCA", "CPTPP", "SACU", "ECOWAS", "EAEU",
              "Middle East", "Asia", "Europe", "North America", "euro zone", "eurozone",
              "euro area"],
}

# Surfaces that deliberately start in lower case; every other one starts with a
# capital letter or a digit, so that no ordinary lower-case English word matches.
LOWERCASE_SURFACES = {
    "mainland China", "the Emirates", "euro area", "euro zone", "eurozone",
    "sub-Saharan Africa",
}


def _by_id(entries):
    return {entry.id: entry for entry in entries}


def _all_surfaces():
    for collection in (countries(), groups(), agencies()):
        for entry in collection:
            for surface in entry.surfaces:
                yield surface, entry


# --------------------------------------------------------------------------- countries


def test_every_iso_country_once():
    ids = [entry.id for entry in countries()]
    assert len(ids) == len(set(ids))
    assert set(ids) == {c.alpha_3 for c in pycountry.countries}
    assert ids == sorted(ids)


def test_required_country_names_and_aliases():
    by_id = _by_id(countries())
    for code, surfaces in REQUIRED_NAMES.items():
        named = {by_id[code].name, *by_id[code].aliases}
        assert set(surfaces) <= named, (code, set(surfaces) - named)


def test_required_demonyms():
    by_id = _by_id(countries())
    for code, demonym in [*REQUIRED_DEMONYMS.items(), *REQUIRED_DEMONYMS_EXTRA]:
        assert demonym in by_id[code].demonyms, (code, demonym)


def test_required_capitals():
    by_id = _by_id(countries())
    for code, capitals in REQUIRED_CAPITALS.items():
        assert set(capitals) <= set(by_id[code].capitals), code


@pytest.mark.parametrize(
    ("surface", "owners"),
    [
        ("Victoria", []),    # Seychelles' capital, but also a state, a lake, a name
        ("Brussels", []),    # stands for the EU in trade news
        ("Male", []),        # an English word; "Malé" is kept
        ("Emirates", []),    # the airline; "the Emirates" is kept
        ("Georgia", ["GEO"]),
        ("Korea", ["KOR"]),
        ("Congo", ["COD"]),  # as Reuters uses it
        ("Niger", ["NER"]),
        ("Nigeria", ["NGA"]),
        ("Dominican", ["DOM"]),
    ],
)
def test_surface_clash_decisions(surface, owners):
    assert [entry.id for s, entry in _all_surfaces() if s == surface] == owners


def test_currencies():
    by_id = _by_id(countries())
    for entry in countries():
        if entry.currency is not None:
            assert pycountry.currencies.get(alpha_3=entry.currency), entry.id
    assert by_id["ATA"].currency is None
    expected = {"JPN": "JPY", "KHM": "KHR", "USA": "USD", "DEU": "EUR", "FRA": "EUR",
                "HRV": "EUR", "NZL": "NZD", "AUS": "AUD", "HKG": "HKD", "ARE": "AED",
                "CHN": "CNY", "GBR": "GBP", "ZAF": "ZAR", "IRN": "IRR", "SAU": "SAR"}
    assert {code: by_id[code].currency for code in expected} == expected


def test_fiscal_years_and_calendar():
    got = {e.id: e.fiscal_year_start for e in countries() if e.fiscal_year_start}
    assert got == EXPECTED_FISCAL_YEARS
    assert {e.id: e.calendar for e in countries() if e.calendar} == {"IRN": "persian"}


def test_country_lookup():
    assert country("JPN").name == "Japan"
    assert country("KHM").capitals == ("Phnom Penh",)
    assert country("jpn") is None
    assert country("XKX") is None  # Kosovo is not in ISO 3166-1


# ------------------------------------------------------------------ groups and agencies


def test_groups():
    by_id = _by_id(groups())
    assert GROUP_CODES - {"OTHER"} <= set(by_id)
    for entry in groups():
        assert entry.code in GROUP_CODES
        assert entry.code == "OTHER" or entry.id == entry.code
    other_surfaces = {s for g in groups() if g.code == "OTHER" for s in g.surfaces}
    for code, surfaces in REQUIRED_GROUP_SURFACES.items():
        have = other_surfaces if code == "OTHER" else set(by_id[code].surfaces)
        assert set(surfaces) <= have, (code, set(surfaces) - have)


def test_agencies():
    by_id = _by_id(agencies())
    for agency_id, (owner, surfaces) in REQUIRED_AGENCIES.items():
        assert by_id[agency_id].country == owner, agency_id
        assert set(surfaces) <= set(by_id[agency_id].surfaces), agency_id
    for entry in agencies():
        assert pycountry.countries.get(alpha_3=entry.country) or entry.country in GROUP_CODES


# -------------------------------------------------------------------- cross-file checks


def test_surfaces_unique_across_files():
    seen: dict[str, str] = {}
    for surface, entry in _all_surfaces():
        assert surface not in seen, (surface, seen.get(surface), entry.id)
        seen[surface] = entry.id


def test_surfaces_start_upper_case_unless_listed():
    for surface, entry in _all_surfaces():
        if surface in LOWERCASE_SURFACES:
            continue
        assert surface[0].isupper() or surface[0].isdigit(), (entry.id, surface)
        assert surface == surface.strip() and "  " not in surface


def test_results_are_immutable():
    assert isinstance(countries(), tuple)
    japan = country("JPN")
    assert isinstance(japan.aliases, tuple)
    with pytest.raises(dataclasses.FrozenInstanceError):
        japan.name = "Nippon"
    assert countries() is countries()


# ---------------------------------------------------------------------- loader errors


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    for name in ("countries.jsonl", "groups.jsonl", "agencies.jsonl"):
        shutil.copy(DATA / name, tmp_path / name)
    return tmp_path


def _append(path: Path, line: str) -> int:
    """Appends one line and returns its line number."""
    text = path.read_text(encoding="utf-8")
    path.write_text(text + line + "\n", encoding="utf-8")
    return len(text.splitlines()) + 1


def _replace_antarctica(path: Path, line: str) -> int:
    """Puts ``line`` where ATA's record was (every ISO code is taken, so a bad country
    record cannot simply be appended) and returns its line number."""
    lines = path.read_text(encoding="utf-8").splitlines()
    number = next(i for i, text in enumerate(lines, start=1) if '"id": "ATA"' in text)
    lines[number - 1] = line
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return number


def test_loader_reads_a_copy(data_copy: Path):
    loaded = resources._load_all(data_copy)
    assert loaded.countries == countries()
    assert loaded.groups == groups()
    assert loaded.agencies == agencies()


COUNTRY_LINE = {"id": "ATA", "name": "South Pole", "aliases": [], "demonyms": [],
                "capitals": [], "currency": None}
GROUP_LINE = {"id": "Nowhere Pact", "code": "OTHER", "name": "Nowhere Pact", "aliases": []}
AGENCY_LINE = {"id": "NOSTAT", "name": "Nowhere Statistics", "aliases": [],
               "country": "JPN"}


def _country(**changes) -> str:
    return json.dumps({**COUNTRY_LINE, **changes}, ensure_ascii=False)


@pytest.mark.parametrize(
    ("filename", "line", "problem"),
    [
        ("countries.jsonl", '{"id": "ATA", "name": ', "invalid JSON"),
        ("countries.jsonl", '["ATA"]', "expected a JSON object"),
        ("countries.jsonl", json.dumps({"id": "ATA", "name": "South Pole"}), "missing keys"),
        ("countries.jsonl", _country(motto="cold"), "unknown keys"),
        ("countries.jsonl", _country(id="XXX"), "not an ISO 3166-1 alpha-3"),
        ("countries.jsonl", _country(name="Japan"), "surface 'Japan'"),
        ("countries.jsonl", _country(currency="XYZ"), "ISO 4217"),
        ("countries.jsonl", _country(fiscal_year_start=13), "month 1-12"),
        ("countries.jsonl", _country(fiscal_year_start=True), "month 1-12"),
        ("countries.jsonl", _country(calendar="mayan"), "calendar"),
        ("countries.jsonl", _country(aliases=" Pole"), "must be a list"),
        ("countries.jsonl", _country(aliases=[" Pole"]), "surrounding spaces"),
        ("groups.jsonl", json.dumps({**GROUP_LINE, "code": "NATO"}), "code 'NATO'"),
        ("groups.jsonl", json.dumps({**GROUP_LINE, "id": "X", "code": "EU"}),
         "must equal its code"),
        ("groups.jsonl", json.dumps({**GROUP_LINE, "id": "EU"}), "cannot take the id"),
        ("groups.jsonl", json.dumps({**GROUP_LINE, "aliases": ["Tokyo"]}),
         "surface 'Tokyo'"),
        ("agencies.jsonl", json.dumps({**AGENCY_LINE, "country": "OTHER"}),
         "neither an ISO alpha-3"),
        ("agencies.jsonl", json.dumps({**AGENCY_LINE, "id": "GDCE"}), "already used"),
        ("agencies.jsonl", json.dumps({**AGENCY_LINE, "aliases": ["GDCE"]}),
         "surface 'GDCE'"),
        ("agencies.jsonl", json.dumps({**AGENCY_LINE, "aliases": ["NS", "NS"]}),
         "twice in one entry"),
    ],
)
def test_loader_names_file_and_line(data_copy: Path, filename: str, line: str, problem: str):
    path = data_copy / filename
    number = _replace_antarctica(path, line) if filename == "countries.jsonl" else _append(
        path, line)
    with pytest.raises(GazetteerError) as caught:
        resources._load_all(data_copy)
    message = str(caught.value)
    # A clash names both lines: the later one first, the bad one after "also at".
    assert re.search(rf"{re.escape(filename)}:{number}\b", message), message
    assert problem in message, message


def test_duplicate_country_id_names_both_lines(data_copy: Path):
    number = _append(data_copy / "countries.jsonl", _country(id="JPN", name="Nippon"))
    with pytest.raises(GazetteerError, match=rf"countries\.jsonl:{number}: id 'JPN' "
                                             r"already used at countries\.jsonl:\d+"):
        resources._load_all(data_copy)


def test_loader_error_is_a_value_error():
    assert issubclass(GazetteerError, ValueError)


def test_blank_lines_are_skipped_and_counted(data_copy: Path):
    path = data_copy / "agencies.jsonl"
    path.write_text(path.read_text(encoding="utf-8") + "\n\n", encoding="utf-8")
    number = _append(path, "{")
    with pytest.raises(GazetteerError, match=rf"agencies\.jsonl:{number}: invalid JSON"):
        resources._load_all(data_copy)


def test_countries_file_matches_build_script():
    if importlib.metadata.version("pycountry") != "26.2.16":
        pytest.skip("countries.jsonl was built with pycountry 26.2.16")
    spec = importlib.util.spec_from_file_location(
        "build_gazetteers", ROOT / "scripts" / "build_gazetteers.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.render(module.build_records()) == (DATA / "countries.jsonl").read_text(
        encoding="utf-8")


# --------------------------------------------------------------------------- patterns


def test_patterns_shape():
    patterns = build_patterns()
    assert {p["label"] for p in patterns} == set(LABELS)
    strings = [p["pattern"] for p in patterns]
    assert len(strings) == len(set(strings))
    for p in patterns:
        assert set(p) == {"label", "pattern", "id"}
        if p["label"] in ("COUNTRY", "DEMONYM", "CAPITAL"):
            assert country(p["id"]) is not None, p
        elif p["label"] == "GROUP":
            assert p["id"] in GROUP_CODES, p
        else:
            assert country(p["id"]) is not None or p["id"] in GROUP_CODES, p


def test_patterns_cover_every_surface():
    strings = {p["pattern"] for p in build_patterns()}
    missing = [surface for surface, _ in _all_surfaces() if surface not in strings]
    assert missing == []


def test_build_patterns_returns_fresh_copies():
    first = build_patterns()
    first[0]["id"] = "changed"
    first.clear()
    again = build_patterns()
    assert again and again[0]["id"] != "changed"


@pytest.fixture(scope="module")
def ruler_nlp():
    pipeline = spacy.blank("en")
    ruler = pipeline.add_pipe("entity_ruler", config={"validate": True})
    ruler.add_patterns(build_patterns())
    return pipeline


def _ents(nlp, text):
    return [(e.text, e.label_, e.ent_id_) for e in nlp(text).ents]


def test_ruler_labels_and_ids(ruler_nlp):
    text = ("Cambodia's exports to Japan rose, the General Department of Customs and "
            "Excise (GDCE) said; Japanese and Emirati buyers in Tokyo, ASEAN and the U.S. "
            "took more, while Eurostat and the euro zone lagged.")
    assert _ents(ruler_nlp, text) == [
        ("Cambodia", "COUNTRY", "KHM"),
        ("Japan", "COUNTRY", "JPN"),
        ("General Department of Customs and Excise", "AGENCY", "KHM"),
        ("GDCE", "AGENCY", "KHM"),
        ("Japanese", "DEMONYM", "JPN"),
        ("Emirati", "DEMONYM", "ARE"),
        ("Tokyo", "CAPITAL", "JPN"),
        ("ASEAN", "GROUP", "ASEAN"),
        ("U.S.", "COUNTRY", "USA"),
        ("Eurostat", "AGENCY", "EU"),
        ("euro zone", "GROUP", "OTHER"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Trade with Papua New Guinea and Guinea-Bissau.",
         [("Papua New Guinea", "COUNTRY", "PNG"), ("Guinea-Bissau", "COUNTRY", "GNB")]),
        ("South Africa and North Korea", [("South Africa", "COUNTRY", "ZAF"),
                                          ("North Korea", "COUNTRY", "PRK")]),
        ("Latin America and Northern Ireland", [("Latin America", "GROUP", "LATAM"),
                                                ("Northern Ireland", "COUNTRY", "GBR")]),
        ("the Democratic Republic of the Congo and the Republic of the Congo",
         [("Democratic Republic of the Congo", "COUNTRY", "COD"),
          ("Republic of the Congo", "COUNTRY", "COG")]),
        ("Congo's cobalt exports", [("Congo", "COUNTRY", "COD")]),
        ("Côte d’Ivoire’s cocoa and Türkiye’s exports",
         [("Côte d’Ivoire", "COUNTRY", "CIV"), ("Türkiye", "COUNTRY", "TUR")]),
        ("KYIV: Ukraine's grain", [("KYIV", "CAPITAL", "UKR"), ("Ukraine", "COUNTRY", "UKR")]),
        ("SANTIAGO, Nov 8 (Reuters) - Chile's copper",
         [("SANTIAGO", "CAPITAL", "CHL"), ("Chile", "COUNTRY", "CHL")]),
        ("the Korea Customs Service said", [("Korea Customs Service", "AGENCY", "KOR")]),
        ("Statistics New Zealand said", [("Statistics New Zealand", "AGENCY", "NZL")]),
        ("Sino-US trade and Chinese-Russian trade",
         [("Sino", "DEMONYM", "CHN"), ("US", "COUNTRY", "USA"),
          ("Chinese", "DEMONYM", "CHN"), ("Russian", "DEMONYM", "RUS")]),
        ("exports to the UAE and the Emirates",
         [("UAE", "COUNTRY", "ARE"), ("the Emirates", "COUNTRY", "ARE")]),
        ("Emirates flights", []),
        ("Turkish Exporters' Assembly (TIM)",
         [("Turkish Exporters' Assembly", "AGENCY", "TUR"), ("TIM", "AGENCY", "TUR")]),
    ],
)
def test_ruler_longest_match_and_variants(ruler_nlp, text, expected):
    assert _ents(ruler_nlp, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "let us know",
        "turkey and chicken prices",
        "fine china and polish",
        "a guinea pig, a hanging chad, a jersey",
        "the lima bean and the peru balsam",
        "trade statistics for the period",
    ],
)
def test_common_words_not_matched(ruler_nlp, text):
    assert _ents(ruler_nlp, text) == []


def test_surfaces_match_as_whole_spans(ruler_nlp):
    """Every stored surface, alone in a doc, comes out as one entity with its own id."""
    expected = {p["pattern"]: (p["label"], p["id"]) for p in build_patterns()}
    for surface, _ in _all_surfaces():
        ents = _ents(ruler_nlp, surface)
        assert ents == [(surface, *expected[surface])], surface


def test_no_pattern_is_a_short_plain_word():
    # All-caps dateline variants and acronyms must not collide with headline words.
    strings = {p["pattern"] for p in build_patterns()}
    assert not {"A", "I", "AND", "THE", "FOR", "ALL", "MAN", "CAN", "ARE", "NOT"} & strings
    assert all(len(s) >= 2 for s in strings)


def test_shipped_patterns_file_matches_the_gazetteers():
    """data/patterns.jsonl is generated (python -m tradeclaims.patterns); it must not go stale."""
    from tradeclaims.patterns import build_patterns, load_patterns

    assert load_patterns() == build_patterns()
    assert all(set(p) == {"label", "pattern", "id"} for p in load_patterns())
