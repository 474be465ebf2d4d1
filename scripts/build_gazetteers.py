"""Builds tradeclaims/data/countries.jsonl from pycountry and the curated tables in this script.

Run it from the repository root::

    python scripts/build_gazetteers.py           # rewrite the file
    python scripts/build_gazetteers.py --check   # exit 1 if the file is out of date

pycountry gives every ISO 3166-1 entry with its official and common names; everything
news prints beyond that (short forms, acronyms, demonyms, capitals, dateline cities,
currencies, fiscal years) is curated here, by hand, because no installed package has it
in a form fit for case-sensitive phrase matching. ``groups.jsonl`` and ``agencies.jsonl``
are hand-written; the loader (``tradeclaims.resources``) validates all three files.

See ``tradeclaims/data/SOURCES.md`` for what each field means and the clash decisions.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import pycountry

OUTPUT = Path(__file__).resolve().parent.parent / "tradeclaims" / "data" / "countries.jsonl"

# Display names where pycountry's is not what news prints ("Korea, Republic of") or
# where the ISO short name would clash with a surface given to another entry.
NAME_OVERRIDES: dict[str, str] = {
    "BRN": "Brunei",
    # "Congo" alone goes to COD (see EXTRA_ALIASES), so COG needs its long name.
    "COG": "Republic of the Congo",
    "COD": "Democratic Republic of the Congo",
    "FLK": "Falkland Islands",
    "FSM": "Micronesia",
    "MAF": "Saint Martin",
    "PSE": "Palestine",
    "RUS": "Russia",
    "SXM": "Sint Maarten",
    "VAT": "Holy See",
    "VGB": "British Virgin Islands",
    "VIR": "United States Virgin Islands",
}

# pycountry names that are never printed as such; kept out of the aliases.
DROPPED_PYCOUNTRY_NAMES: frozenset[str] = frozenset({
    "Congo",  # COG's ISO short name; news uses it for the DRC, see EXTRA_ALIASES["COD"]
})

# Surfaces news prints beyond pycountry's name/official_name/common_name. Case-exact.
# No leading article ("the Netherlands" is matched through "Netherlands") except where the
# article is what disambiguates ("the Emirates" vs the airline "Emirates").
EXTRA_ALIASES: dict[str, list[str]] = {
    "USA": ["United States of America", "US", "U.S.", "USA", "U.S.A.", "America",
            # US states whose names hold another country's name: the longest match
            # keeps them from being read as Mexico or Jersey.
            "New Mexico", "New Jersey"],
    "GBR": ["UK", "U.K.", "Britain", "Great Britain",
            # without it "Northern Ireland" would be read as Ireland
            "Northern Ireland"],
    "KOR": ["Korea", "Republic of Korea", "S. Korea"],
    "PRK": ["DPRK", "N. Korea"],
    "TUR": ["Turkey", "Turkiye", "Republic of Turkiye", "Republic of Turkey"],
    "CIV": ["Ivory Coast", "Cote d'Ivoire", "Republic of Cote d'Ivoire"],
    "HKG": ["Hong Kong SAR", "Hong Kong Special Administrative Region", "HONG KONG"],
    "MAC": ["Macau", "Macao SAR", "Macau SAR", "MACAU"],
    "TWN": ["Chinese Taipei"],
    # "the Emirates" but not bare "Emirates": that is most often the airline.
    "ARE": ["UAE", "U.A.E.", "the Emirates"],
    "CHN": ["mainland China", "Mainland China", "Chinese mainland", "PRC"],
    "VNM": ["Socialist Republic of Vietnam"],
    "LAO": ["Lao PDR"],
    "MMR": ["Burma"],
    "NLD": ["Holland"],
    "CZE": ["Czech Republic"],
    # Reuters and most trade news print "Congo" for the DRC (copper, cobalt); the
    # Republic of the Congo is written "Congo Republic" / "Republic of Congo".
    "COD": ["DR Congo", "D.R. Congo", "DRC", "Democratic Republic of Congo", "Congo",
            "Congo-Kinshasa"],
    "COG": ["Republic of Congo", "Congo Republic", "Congo-Brazzaville"],
    "PSE": ["Palestinian territories", "Palestinian Territories"],
    "SAU": ["KSA"],
    "NZL": ["NZ"],
    "PNG": ["PNG"],
    "SGP": ["SINGAPORE"],
    "LUX": ["LUXEMBOURG"],
    "MCO": ["MONACO"],
    "DJI": ["DJIBOUTI"],
    "IRL": ["Republic of Ireland"],
    "MKD": ["Macedonia"],
    "SWZ": ["Swaziland"],
    "CPV": ["Cape Verde"],
    "TLS": ["East Timor"],
    "BIH": ["Bosnia"],
    "TTO": ["Trinidad"],
    "ATG": ["Antigua"],
    "KNA": ["St Kitts and Nevis", "St. Kitts and Nevis", "St Kitts", "St. Kitts"],
    "LCA": ["St Lucia", "St. Lucia"],
    "VCT": ["St Vincent and the Grenadines", "St. Vincent and the Grenadines",
            "Saint Vincent", "St Vincent", "St. Vincent"],
    "STP": ["São Tomé and Príncipe"],
    "SHN": ["Saint Helena", "St Helena", "St. Helena"],
    "SPM": ["St Pierre and Miquelon", "St. Pierre and Miquelon"],
    "BLM": ["St Barthélemy", "St. Barthélemy", "Saint Barthelemy"],
    "FLK": ["Falklands"],
    "FRO": ["Faroes"],
    "ALA": ["Aland Islands", "Åland"],
    "TCA": ["Turks and Caicos"],
    "REU": ["Reunion"],
    "CUW": ["Curacao"],
    "BES": ["Bonaire", "Caribbean Netherlands"],
    "PCN": ["Pitcairn Islands"],
    "VGB": ["BVI"],
    "VIR": ["US Virgin Islands", "U.S. Virgin Islands"],
    "VAT": ["Vatican", "Vatican City"],
    "SJM": ["Svalbard"],
    "CCK": ["Cocos Islands"],
    "SGS": ["South Georgia"],
    "HMD": ["Heard Island"],
    "NGA": [
        # the oil region: without it "Niger" would match inside "Niger Delta"
        "Niger Delta",
    ],
}

# Adjectives and nationalities as news prints them. Where two countries could claim
# one ("Dominican", "Congolese"), the better-known country gets it; words that are also
# common English words in lower case are fine since matching is case-sensitive.
DEMONYMS: dict[str, list[str]] = {
    # Asia
    "JPN": ["Japanese"], "CHN": ["Chinese", "Sino"], "KOR": ["South Korean", "Korean"],
    "PRK": ["North Korean"], "MNG": ["Mongolian"], "TWN": ["Taiwanese"],
    "MAC": ["Macanese"], "VNM": ["Vietnamese"], "KHM": ["Cambodian"],
    "THA": ["Thai"], "MYS": ["Malaysian"], "SGP": ["Singaporean"],
    "IDN": ["Indonesian"], "PHL": ["Filipino", "Philippine"], "BRN": ["Bruneian"],
    "TLS": ["Timorese", "East Timorese"], "MMR": ["Burmese"], "LAO": ["Lao", "Laotian"],
    "BGD": ["Bangladeshi"], "IND": ["Indian"], "PAK": ["Pakistani"],
    "LKA": ["Sri Lankan"], "NPL": ["Nepali", "Nepalese"], "BTN": ["Bhutanese"],
    "MDV": ["Maldivian"], "AFG": ["Afghan"],
    "KAZ": ["Kazakh", "Kazakhstani"], "UZB": ["Uzbek"], "TKM": ["Turkmen"],
    "KGZ": ["Kyrgyz"], "TJK": ["Tajik"],
    # Middle East
    "IRN": ["Iranian"], "IRQ": ["Iraqi"], "SYR": ["Syrian"], "LBN": ["Lebanese"],
    "JOR": ["Jordanian"], "ISR": ["Israeli"], "PSE": ["Palestinian"],
    "SAU": ["Saudi", "Saudi Arabian"], "ARE": ["Emirati"], "KWT": ["Kuwaiti"],
    "QAT": ["Qatari"], "BHR": ["Bahraini"], "OMN": ["Omani"], "YEM": ["Yemeni"],
    "TUR": ["Turkish"],
    # Europe
    "GBR": ["British"], "IRL": ["Irish"], "FRA": ["French"], "DEU": ["German"],
    "ITA": ["Italian"], "ESP": ["Spanish"], "PRT": ["Portuguese"], "NLD": ["Dutch"],
    "BEL": ["Belgian"], "CHE": ["Swiss"], "AUT": ["Austrian"], "MCO": ["Monegasque"],
    "AND": ["Andorran"], "DNK": ["Danish"], "NOR": ["Norwegian"], "SWE": ["Swedish"],
    "FIN": ["Finnish"], "ISL": ["Icelandic"], "EST": ["Estonian"], "LVA": ["Latvian"],
    "LTU": ["Lithuanian"], "POL": ["Polish"], "CZE": ["Czech"],
    "SVK": ["Slovak", "Slovakian"], "SVN": ["Slovenian", "Slovene"],
    "HUN": ["Hungarian"], "ROU": ["Romanian"], "BGR": ["Bulgarian"],
    "SRB": ["Serbian"], "HRV": ["Croatian"], "BIH": ["Bosnian"],
    "MNE": ["Montenegrin"], "MKD": ["Macedonian", "North Macedonian"],
    "ALB": ["Albanian"], "GRC": ["Greek"], "CYP": ["Cypriot"], "MLT": ["Maltese"],
    "MDA": ["Moldovan"], "UKR": ["Ukrainian"], "BLR": ["Belarusian"],
    "RUS": ["Russian"], "GEO": ["Georgian"], "ARM": ["Armenian"],
    "AZE": ["Azerbaijani", "Azeri"], "FRO": ["Faroese"], "GRL": ["Greenlandic"],
    # Africa
    "EGY": ["Egyptian"], "LBY": ["Libyan"], "TUN": ["Tunisian"], "DZA": ["Algerian"],
    "MAR": ["Moroccan"], "MRT": ["Mauritanian"], "MLI": ["Malian"],
    "SEN": ["Senegalese"], "GMB": ["Gambian"], "GIN": ["Guinean"],
    "GNB": ["Bissau-Guinean"], "SLE": ["Sierra Leonean"], "LBR": ["Liberian"],
    "CIV": ["Ivorian"], "GHA": ["Ghanaian"], "TGO": ["Togolese"], "BEN": ["Beninese"],
    "BFA": ["Burkinabe", "Burkinabè"], "NER": ["Nigerien"], "NGA": ["Nigerian"],
    "TCD": ["Chadian"], "CMR": ["Cameroonian"], "GAB": ["Gabonese"],
    "GNQ": ["Equatorial Guinean"], "COD": ["Congolese"], "AGO": ["Angolan"],
    "ZMB": ["Zambian"], "ZWE": ["Zimbabwean"], "MWI": ["Malawian"],
    "MOZ": ["Mozambican"], "TZA": ["Tanzanian"], "KEN": ["Kenyan"],
    "UGA": ["Ugandan"], "RWA": ["Rwandan"], "BDI": ["Burundian"],
    "ETH": ["Ethiopian"], "ERI": ["Eritrean"], "DJI": ["Djiboutian"],
    "SOM": ["Somali", "Somalian"], "SDN": ["Sudanese"], "SSD": ["South Sudanese"],
    "NAM": ["Namibian"], "BWA": ["Botswanan"], "ZAF": ["South African"],
    "MDG": ["Malagasy"], "MUS": ["Mauritian"], "SYC": ["Seychellois"],
    "COM": ["Comorian"], "CPV": ["Cape Verdean"],
    # Americas
    "USA": ["American"], "CAN": ["Canadian"], "MEX": ["Mexican"],
    "GTM": ["Guatemalan"], "HND": ["Honduran"], "SLV": ["Salvadoran", "Salvadorean"],
    "NIC": ["Nicaraguan"], "CRI": ["Costa Rican"], "PAN": ["Panamanian"],
    "CUB": ["Cuban"], "JAM": ["Jamaican"], "HTI": ["Haitian"], "DOM": ["Dominican"],
    "PRI": ["Puerto Rican"], "TTO": ["Trinidadian"], "BRB": ["Barbadian"],
    "BHS": ["Bahamian"], "BLZ": ["Belizean"], "COL": ["Colombian"],
    "VEN": ["Venezuelan"], "ECU": ["Ecuadorian", "Ecuadorean"], "PER": ["Peruvian"],
    "BOL": ["Bolivian"], "CHL": ["Chilean"], "ARG": ["Argentine", "Argentinian"],
    "URY": ["Uruguayan"], "PRY": ["Paraguayan"], "BRA": ["Brazilian"],
    "GUY": ["Guyanese"], "SUR": ["Surinamese"],
    # Oceania
    "AUS": ["Australian"], "FJI": ["Fijian"], "PNG": ["Papua New Guinean"],
    "WSM": ["Samoan"], "TON": ["Tongan"], "VUT": ["Vanuatuan"],
    "ASM": ["American Samoan"],
}

# Capitals, plus the main dateline city where it differs and cannot be read as
# anything else. Left out on purpose: "Brussels" (stands for the EU in trade news),
# "Victoria", "Kingston", "Georgetown", "Hamilton", "Nassau", "St. John's" (shared with
# other well-known places), "Male" (an English word; "Malé" is kept), "Sofia" and
# "Moroni" (common personal names), "San Jose" without the accent (California),
# "Jerusalem" (status disputed), "Geneva" (WTO datelines), "New York" (market datelines),
# and capitals identical to the country name (Singapore, Monaco, Luxembourg, ...).
CAPITALS: dict[str, list[str]] = {
    # Asia
    "JPN": ["Tokyo"], "CHN": ["Beijing", "Shanghai"], "KOR": ["Seoul"],
    "PRK": ["Pyongyang"], "MNG": ["Ulaanbaatar", "Ulan Bator"], "TWN": ["Taipei"],
    "VNM": ["Hanoi", "Ho Chi Minh City"], "KHM": ["Phnom Penh"], "LAO": ["Vientiane"],
    "THA": ["Bangkok"], "MMR": ["Naypyidaw", "Nay Pyi Taw", "Yangon"],
    "MYS": ["Kuala Lumpur", "Putrajaya"], "BRN": ["Bandar Seri Begawan"],
    "IDN": ["Jakarta"], "TLS": ["Dili"], "PHL": ["Manila"],
    "BGD": ["Dhaka"], "IND": ["New Delhi", "Mumbai"], "PAK": ["Islamabad", "Karachi"],
    "LKA": ["Colombo"], "NPL": ["Kathmandu"], "BTN": ["Thimphu"], "MDV": ["Malé"],
    "AFG": ["Kabul"], "KAZ": ["Astana", "Nur-Sultan", "Almaty"], "UZB": ["Tashkent"],
    "TKM": ["Ashgabat"], "KGZ": ["Bishkek"], "TJK": ["Dushanbe"],
    # Middle East
    "IRN": ["Tehran"], "IRQ": ["Baghdad"], "SYR": ["Damascus"], "LBN": ["Beirut"],
    "JOR": ["Amman"], "ISR": ["Tel Aviv"], "PSE": ["Ramallah"],
    "SAU": ["Riyadh", "Jeddah"], "ARE": ["Abu Dhabi", "Dubai"], "KWT": ["Kuwait City"],
    "QAT": ["Doha"], "BHR": ["Manama"], "OMN": ["Muscat"], "YEM": ["Sanaa", "Sana'a"],
    "TUR": ["Ankara", "Istanbul"],
    # Europe
    "GBR": ["London"], "IRL": ["Dublin"], "FRA": ["Paris"],
    "DEU": ["Berlin", "Frankfurt"], "ITA": ["Rome"], "ESP": ["Madrid"],
    "PRT": ["Lisbon"], "NLD": ["Amsterdam"], "CHE": ["Bern", "Berne", "Zurich"],
    "AUT": ["Vienna"], "AND": ["Andorra la Vella"], "LIE": ["Vaduz"],
    "DNK": ["Copenhagen"], "NOR": ["Oslo"], "SWE": ["Stockholm"], "FIN": ["Helsinki"],
    "ISL": ["Reykjavik"], "EST": ["Tallinn"], "LVA": ["Riga"], "LTU": ["Vilnius"],
    "POL": ["Warsaw"], "CZE": ["Prague"], "SVK": ["Bratislava"], "SVN": ["Ljubljana"],
    "HUN": ["Budapest"], "ROU": ["Bucharest"], "SRB": ["Belgrade"], "HRV": ["Zagreb"],
    "BIH": ["Sarajevo"], "MNE": ["Podgorica"], "MKD": ["Skopje"], "ALB": ["Tirana"],
    "GRC": ["Athens"], "CYP": ["Nicosia"], "MLT": ["Valletta"],
    "MDA": ["Chisinau", "Chișinău"], "UKR": ["Kyiv", "Kiev"], "BLR": ["Minsk"],
    "RUS": ["Moscow"], "GEO": ["Tbilisi"], "ARM": ["Yerevan"], "AZE": ["Baku"],
    "GRL": ["Nuuk"],
    # Africa
    "EGY": ["Cairo"], "LBY": ["Tripoli"], "TUN": ["Tunis"], "DZA": ["Algiers"],
    "MAR": ["Rabat"], "MRT": ["Nouakchott"], "MLI": ["Bamako"], "SEN": ["Dakar"],
    "GMB": ["Banjul"], "GIN": ["Conakry"], "GNB": ["Bissau"], "SLE": ["Freetown"],
    "LBR": ["Monrovia"], "CIV": ["Yamoussoukro", "Abidjan"], "GHA": ["Accra"],
    "TGO": ["Lome", "Lomé"], "BEN": ["Porto-Novo", "Cotonou"], "BFA": ["Ouagadougou"],
    "NER": ["Niamey"], "NGA": ["Abuja", "Lagos"], "TCD": ["N'Djamena"],
    "CMR": ["Yaounde", "Yaoundé"], "CAF": ["Bangui"], "GAB": ["Libreville"],
    "GNQ": ["Malabo"], "COG": ["Brazzaville"], "COD": ["Kinshasa"], "AGO": ["Luanda"],
    "ZMB": ["Lusaka"], "ZWE": ["Harare"], "MWI": ["Lilongwe"], "MOZ": ["Maputo"],
    "TZA": ["Dodoma", "Dar es Salaam"], "KEN": ["Nairobi"], "UGA": ["Kampala"],
    "RWA": ["Kigali"], "BDI": ["Gitega", "Bujumbura"], "ETH": ["Addis Ababa"],
    "ERI": ["Asmara"], "SOM": ["Mogadishu"], "SDN": ["Khartoum"], "SSD": ["Juba"],
    "NAM": ["Windhoek"], "BWA": ["Gaborone"], "LSO": ["Maseru"], "SWZ": ["Mbabane"],
    "ZAF": ["Pretoria", "Johannesburg", "Cape Town"], "MDG": ["Antananarivo"],
    "MUS": ["Port Louis"], "CPV": ["Praia"],
    # Americas
    "USA": ["Washington"], "CAN": ["Ottawa"], "MEX": ["Mexico City"],
    "GTM": ["Guatemala City"], "HND": ["Tegucigalpa"], "SLV": ["San Salvador"],
    "NIC": ["Managua"], "CRI": ["San José"], "PAN": ["Panama City"], "CUB": ["Havana"],
    "DOM": ["Santo Domingo"], "HTI": ["Port-au-Prince"], "BRB": ["Bridgetown"],
    "TTO": ["Port of Spain"], "LCA": ["Castries"], "VCT": ["Kingstown"],
    "DMA": ["Roseau"], "KNA": ["Basseterre"], "BLZ": ["Belmopan"],
    "COL": ["Bogota", "Bogotá"], "VEN": ["Caracas"], "ECU": ["Quito"], "PER": ["Lima"],
    "BOL": ["La Paz"], "CHL": ["Santiago"], "ARG": ["Buenos Aires"],
    "URY": ["Montevideo"], "PRY": ["Asuncion", "Asunción"],
    "BRA": ["Brasilia", "Brasília", "Sao Paulo", "São Paulo", "Rio de Janeiro"],
    "SUR": ["Paramaribo"],
    # Oceania
    "AUS": ["Canberra"], "NZL": ["Wellington"], "FJI": ["Suva"],
    "PNG": ["Port Moresby"], "WSM": ["Apia"], "TON": ["Nuku'alofa"],
    "VUT": ["Port Vila"], "SLB": ["Honiara"], "KIR": ["Tarawa"], "MHL": ["Majuro"],
    "FSM": ["Palikir"], "PLW": ["Ngerulmud"], "TUV": ["Funafuti"], "NRU": ["Yaren"],
}

# ISO 4217 code of each entry's own currency (as of pycountry 26.2: Bulgaria and Croatia
# on the euro, Curaçao and Sint Maarten on the Caribbean guilder, Zimbabwe on ZWG).
# Antarctica has none.
CURRENCIES: dict[str, str | None] = {
    "ABW": "AWG", "AFG": "AFN", "AGO": "AOA", "AIA": "XCD", "ALA": "EUR", "ALB": "ALL",
    "AND": "EUR", "ARE": "AED", "ARG": "ARS", "ARM": "AMD", "ASM": "USD", "ATA": None,
    "ATF": "EUR", "ATG": "XCD", "AUS": "AUD", "AUT": "EUR", "AZE": "AZN", "BDI": "BIF",
    "BEL": "EUR", "BEN": "XOF", "BES": "USD", "BFA": "XOF", "BGD": "BDT", "BGR": "EUR",
    "BHR": "BHD", "BHS": "BSD", "BIH": "BAM", "BLM": "EUR", "BLR": "BYN", "BLZ": "BZD",
    "BMU": "BMD", "BOL": "BOB", "BRA": "BRL", "BRB": "BBD", "BRN": "BND", "BTN": "BTN",
    "BVT": "NOK", "BWA": "BWP", "CAF": "XAF", "CAN": "CAD", "CCK": "AUD", "CHE": "CHF",
    "CHL": "CLP", "CHN": "CNY", "CIV": "XOF", "CMR": "XAF", "COD": "CDF", "COG": "XAF",
    "COK": "NZD", "COL": "COP", "COM": "KMF", "CPV": "CVE", "CRI": "CRC", "CUB": "CUP",
    "CUW": "XCG", "CXR": "AUD", "CYM": "KYD", "CYP": "EUR", "CZE": "CZK", "DEU": "EUR",
    "DJI": "DJF", "DMA": "XCD", "DNK": "DKK", "DOM": "DOP", "DZA": "DZD", "ECU": "USD",
    "EGY": "EGP", "ERI": "ERN", "ESH": "MAD", "ESP": "EUR", "EST": "EUR", "ETH": "ETB",
    "FIN": "EUR", "FJI": "FJD", "FLK": "FKP", "FRA": "EUR", "FRO": "DKK", "FSM": "USD",
    "GAB": "XAF", "GBR": "GBP", "GEO": "GEL", "GGY": "GBP", "GHA": "GHS", "GIB": "GIP",
    "GIN": "GNF", "GLP": "EUR", "GMB": "GMD", "GNB": "XOF", "GNQ": "XAF", "GRC": "EUR",
    "GRD": "XCD", "GRL": "DKK", "GTM": "GTQ", "GUF": "EUR", "GUM": "USD", "GUY": "GYD",
    "HKG": "HKD", "HMD": "AUD", "HND": "HNL", "HRV": "EUR", "HTI": "HTG", "HUN": "HUF",
    "IDN": "IDR", "IMN": "GBP", "IND": "INR", "IOT": "USD", "IRL": "EUR", "IRN": "IRR",
    "IRQ": "IQD", "ISL": "ISK", "ISR": "ILS", "ITA": "EUR", "JAM": "JMD", "JEY": "GBP",
    "JOR": "JOD", "JPN": "JPY", "KAZ": "KZT", "KEN": "KES", "KGZ": "KGS", "KHM": "KHR",
    "KIR": "AUD", "KNA": "XCD", "KOR": "KRW", "KWT": "KWD", "LAO": "LAK", "LBN": "LBP",
    "LBR": "LRD", "LBY": "LYD", "LCA": "XCD", "LIE": "CHF", "LKA": "LKR", "LSO": "LSL",
    "LTU": "EUR", "LUX": "EUR", "LVA": "EUR", "MAC": "MOP", "MAF": "EUR", "MAR": "MAD",
    "MCO": "EUR", "MDA": "MDL", "MDG": "MGA", "MDV": "MVR", "MEX": "MXN", "MHL": "USD",
    "MKD": "MKD", "MLI": "XOF", "MLT": "EUR", "MMR": "MMK", "MNE": "EUR", "MNG": "MNT",
    "MNP": "USD", "MOZ": "MZN", "MRT": "MRU", "MSR": "XCD", "MTQ": "EUR", "MUS": "MUR",
    "MWI": "MWK", "MYS": "MYR", "MYT": "EUR", "NAM": "NAD", "NCL": "XPF", "NER": "XOF",
    "NFK": "AUD", "NGA": "NGN", "NIC": "NIO", "NIU": "NZD", "NLD": "EUR", "NOR": "NOK",
    "NPL": "NPR", "NRU": "AUD", "NZL": "NZD", "OMN": "OMR", "PAK": "PKR", "PAN": "PAB",
    "PCN": "NZD", "PER": "PEN", "PHL": "PHP", "PLW": "USD", "PNG": "PGK", "POL": "PLN",
    "PRI": "USD", "PRK": "KPW", "PRT": "EUR", "PRY": "PYG", "PSE": "ILS", "PYF": "XPF",
    "QAT": "QAR", "REU": "EUR", "ROU": "RON", "RUS": "RUB", "RWA": "RWF", "SAU": "SAR",
    "SDN": "SDG", "SEN": "XOF", "SGP": "SGD", "SGS": "GBP", "SHN": "SHP", "SJM": "NOK",
    "SLB": "SBD", "SLE": "SLE", "SLV": "USD", "SMR": "EUR", "SOM": "SOS", "SPM": "EUR",
    "SRB": "RSD", "SSD": "SSP", "STP": "STN", "SUR": "SRD", "SVK": "EUR", "SVN": "EUR",
    "SWE": "SEK", "SWZ": "SZL", "SXM": "XCG", "SYC": "SCR", "SYR": "SYP", "TCA": "USD",
    "TCD": "XAF", "TGO": "XOF", "THA": "THB", "TJK": "TJS", "TKL": "NZD", "TKM": "TMT",
    "TLS": "USD", "TON": "TOP", "TTO": "TTD", "TUN": "TND", "TUR": "TRY", "TUV": "AUD",
    "TWN": "TWD", "TZA": "TZS", "UGA": "UGX", "UKR": "UAH", "UMI": "USD", "URY": "UYU",
    "USA": "USD", "UZB": "UZS", "VAT": "EUR", "VCT": "XCD", "VEN": "VES", "VGB": "USD",
    "VIR": "USD", "VNM": "VND", "VUT": "VUV", "WLF": "XPF", "WSM": "WST", "YEM": "YER",
    "ZAF": "ZAR", "ZMB": "ZMW", "ZWE": "ZWG",
}

# First month of the fiscal year, only where trade news reports by it (CLAIMS.md §2).
FISCAL_YEAR_START: dict[str, int] = {
    "IND": 4, "JPN": 4, "GBR": 4, "CAN": 4, "HKG": 4,
    "PAK": 7, "BGD": 7, "AUS": 7, "NZL": 7, "EGY": 7, "KEN": 7,
    "USA": 10,
    "IRN": 3,  # the Iranian (solar hijri) year starts on 20/21 March
}

# Non-Gregorian year reckoning; the month above is then approximate.
CALENDARS: dict[str, str] = {"IRN": "persian"}


class BuildError(Exception):
    """A curated table is inconsistent with pycountry or with itself."""


def _pycountry_surfaces(entry: object) -> list[str]:
    """pycountry's names that news could print: no "Name, Qualifier" or parentheses."""
    found = []
    for attr in ("name", "common_name", "official_name"):
        value = getattr(entry, attr, None)
        if not value:
            continue
        if value.startswith("the "):
            value = value[len("the "):]
        if "," in value or "(" in value or value in DROPPED_PYCOUNTRY_NAMES:
            continue
        found.append(value)
    return found


def _dedupe(values: list[str], exclude: set[str]) -> list[str]:
    out: list[str] = []
    for value in values:
        if value not in exclude and value not in out:
            out.append(value)
    return out


def build_records() -> list[dict[str, object]]:
    """Builds one record per ISO 3166-1 entry, sorted by alpha-3 code.

    Returns:
        The records in the order and key layout written to ``countries.jsonl``.

    Raises:
        BuildError: A curated table names an unknown code or currency, or two entries
            share a surface.
    """
    codes = {c.alpha_3 for c in pycountry.countries}
    for table_name, table in (
        ("NAME_OVERRIDES", NAME_OVERRIDES), ("EXTRA_ALIASES", EXTRA_ALIASES),
        ("DEMONYMS", DEMONYMS), ("CAPITALS", CAPITALS), ("CURRENCIES", CURRENCIES),
        ("FISCAL_YEAR_START", FISCAL_YEAR_START), ("CALENDARS", CALENDARS),
    ):
        unknown = sorted(set(table) - codes)
        if unknown:
            raise BuildError(f"{table_name}: not ISO 3166-1 alpha-3: {unknown}")
    missing = sorted(codes - set(CURRENCIES))
    if missing:
        raise BuildError(f"CURRENCIES: no entry for {missing}")

    records = []
    owner: dict[str, str] = {}
    for entry in sorted(pycountry.countries, key=lambda c: c.alpha_3):
        code = entry.alpha_3
        name = NAME_OVERRIDES.get(code) or getattr(entry, "common_name", None) or entry.name
        aliases = _dedupe(_pycountry_surfaces(entry) + EXTRA_ALIASES.get(code, []), {name})
        demonyms = _dedupe(DEMONYMS.get(code, []), {name, *aliases})
        capitals = _dedupe(CAPITALS.get(code, []), {name, *aliases, *demonyms})
        currency = CURRENCIES[code]
        if currency is not None and pycountry.currencies.get(alpha_3=currency) is None:
            raise BuildError(f"{code}: currency {currency!r} is not ISO 4217")
        for surface in (name, *aliases, *demonyms, *capitals):
            if surface in owner and owner[surface] != code:
                raise BuildError(f"surface {surface!r} given to {owner[surface]} and {code}")
            owner[surface] = code
        record: dict[str, object] = {
            "id": code, "name": name, "aliases": aliases, "demonyms": demonyms,
            "capitals": capitals, "currency": currency,
        }
        if code in FISCAL_YEAR_START:
            record["fiscal_year_start"] = FISCAL_YEAR_START[code]
        if code in CALENDARS:
            record["calendar"] = CALENDARS[code]
        records.append(record)
    return records


def render(records: list[dict[str, object]]) -> str:
    """Serializes records as JSON lines, UTF-8 kept readable (no ``\\u`` escapes)."""
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)


def main(argv: list[str] | None = None) -> int:
    """Writes (or with ``--check`` verifies) ``countries.jsonl``.

    Args:
        argv: Command-line arguments; ``sys.argv[1:]`` when None.

    Returns:
        The process exit code: 0 on success, 1 when ``--check`` finds the file stale.
    """
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true",
                        help="do not write; exit 1 if the file differs from a fresh build")
    parser.add_argument("--output", type=Path, default=OUTPUT, help="file to write")
    args = parser.parse_args(argv)

    text = render(build_records())
    if args.check:
        current = args.output.read_text(encoding="utf-8") if args.output.exists() else ""
        if current != text:
            print(f"{args.output} is out of date: run scripts/build_gazetteers.py",
                  file=sys.stderr)
            return 1
        return 0
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(text, encoding="utf-8")
    print(f"wrote {len(text.splitlines())} countries to {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
