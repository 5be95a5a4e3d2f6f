"""Deterministic generator of scraped-news corpora with ground truth.

Everything here is driven by `random.Random(seed)`: the same seed gives byte-identical files
and truth. All article text is produced from the vocabulary and sentence templates below; the
places, people, organisations and outlets are fictitious (people carry real surnames and
first names, countries real currency words, as real reports do).

Three layers:
  * a news-text generator: topics follow storylines (talks, a strike, an election, a flood...)
    whose stories are different developments, each a kind of event with its own headlines and
    sentences (talks resume, a deal is signed, the talks collapse, a minister resigns). A story
    is rendered by outlets into articles: the base, rewrites (other outlets: the same key
    facts and often the same quotation, other sentences, order, length and their own
    witnesses and experts) and near copies (edited versions);
  * page layouts: lists of articles rendered into one file's lines, with the 1-based inclusive
    line range and a per-line role string of every article;
  * corpus writers: `generate_corpus` (synthetic stories) and `generate_basil_corpus` (the
    BASIL articles from ../shared/basil, read at run time only), streaming files and JSON Lines
    truth records so memory stays bounded.

Calibration (storyreader.search.dedup.rewrite similarity, BASIL's 100 real events told by three outlets): real
rewrites score 0.22/0.43/0.65 (5th/50th/95th percentile) and different events about 0 with a
95th percentile of 0.16-0.17. Generated rewrites score about 0.3/0.45/0.6, stories of one
topic about 0.03/0.14/0.29 and unrelated stories 0/0.01/0.11 (2,000 files, seed 7). What
keeps related stories apart: a follow-up shares the country, one or two actors and one recap
sentence; names that recur across stories are ones a word-frequency list knows; each outlet
meets its own people in its own towns.
"""

from __future__ import annotations

import json
import random
import re
import time
from collections import deque
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import cache
from pathlib import Path

from wordfreq import zipf_frequency

from storyreader.search.demo.page import (
    LAYOUTS,
    MONTH_ABBR,
    MONTHS,
    SEED_LAYOUTS,
    WEEKDAYS,
    ArticleText,
    CorpusStats,
    CorpusWriter,
    Page,
    Segment,
    Site,
    curly_quotes,
    render_page,
    title_case,
)

__all__ = [
    "LAYOUTS",
    "SEED_LAYOUTS",
    "SITES",
    "ArticleText",
    "CorpusStats",
    "CorpusWriter",
    "Page",
    "Segment",
    "Site",
    "StoryMaker",
    "generate_basil_corpus",
    "generate_corpus",
    "make_near_copy",
    "render_page",
    "shingle_jaccard",
    "title_case",
]


# --------------------------------------------------------------------------------------------
# Template engine: "[a|b|c]" picks one option, "{slot}" is filled from the story's facts.
# Templates are compiled once; rendering is a join plus str.format_map, which keeps the
# generator fast enough for thousands of files a second.

_CHOICE_RE = re.compile(r"\[([^\[\]]*)\]")


@cache
def _compile(template: str) -> tuple[str | tuple[str, ...], ...]:
    parts: list[str | tuple[str, ...]] = []
    pos = 0
    for m in _CHOICE_RE.finditer(template):
        if m.start() > pos:
            parts.append(template[pos : m.start()])
        parts.append(tuple(m.group(1).split("|")))
        pos = m.end()
    if pos < len(template):
        parts.append(template[pos:])
    return tuple(parts)


_A_AN_RE = re.compile(r"\b([Aa]) (?=8|1[18](?!\d))")


def _fill(template: str, facts: dict[str, str], rng: random.Random, *, cap: bool = True) -> str:
    rnd = rng.random
    text = "".join(
        p if isinstance(p, str) else p[int(rnd() * len(p))] for p in _compile(template)
    ).format_map(facts)
    # Slots such as "{event}" may open a sentence: capitalise its first letter (after quotes).
    for i, ch in enumerate(text if cap else ""):
        if ch.isalpha():
            if ch.islower():
                text = text[:i] + ch.upper() + text[i + 1 :]
            break
        if ch not in "\"'“‘(":
            break
    text = text.replace("  ", " ")
    if "a 8" in text or "a 1" in text or "A 8" in text or "A 1" in text:
        text = _A_AN_RE.sub(r"\1n ", text)
    return text


def _commas(n: int) -> str:
    return f"{n:,}"


# --------------------------------------------------------------------------------------------
# Fictitious world. Countries carry their own cities so a story's places agree with each other.


@dataclass(frozen=True, slots=True)
class Country:
    name: str
    adj: str
    capital: str
    cities: tuple[str, ...]
    currency: str  # plural form: "340 million crowns"
    leader: str  # "President" or "Prime Minister"
    parliament: str


COUNTRIES: tuple[Country, ...] = (
    Country(
        "Valdoria",
        "Valdorian",
        "Port Halden",
        (
            "Vessa",
            "Drummore",
            "Kelbrook",
            "Ardane",
            "Halsworth",
            "Penmarrow",
            "Orsby",
            "Wicklan",
            "Tarnside",
            "Elmsgate",
        ),
        "crowns",
        "Prime Minister",
        "National Assembly",
    ),
    Country(
        "Marovia",
        "Marovian",
        "Senna",
        (
            "Oldbridge",
            "Tavro",
            "Lissel",
            "Karsten",
            "Dravosk",
            "Pelmar",
            "Ustrina",
            "Velkovo",
            "Brana",
            "Sokolets",
        ),
        "dinars",
        "President",
        "parliament",
    ),
    Country(
        "Ostrelia",
        "Ostrelian",
        "Velgrad",
        (
            "Nordholm",
            "Brisca",
            "Amsel",
            "Cairnfield",
            "Grauwald",
            "Lindhof",
            "Ebersee",
            "Torgau Nord",
            "Kesselbrunn",
            "Altmarren",
        ),
        "guilders",
        "Prime Minister",
        "Federal Diet",
    ),
    Country(
        "Carvela",
        "Carvelan",
        "San Aurelio",
        (
            "Puerto Brava",
            "Alcona",
            "Veradal",
            "Miraflor",
            "Rio Seco",
            "Las Brenas",
            "Monteluz",
            "Valdecruz",
            "Punta Serena",
            "Aguasanta",
        ),
        "pesos",
        "President",
        "Congress",
    ),
    Country(
        "Drusany",
        "Drusani",
        "Khazreen",
        (
            "Amrah",
            "Tal Sefa",
            "Berqa",
            "Oumaz",
            "Qasr Wadi",
            "Ain Zerga",
            "Bir Hamra",
            "Tel Mazar",
            "Suqara",
            "Nahr Zein",
        ),
        "dirhams",
        "President",
        "Council of Representatives",
    ),
    Country(
        "Lunesse",
        "Lunessian",
        "Belcourt",
        (
            "Saint-Orme",
            "Vireux",
            "Lachaume",
            "Montarel",
            "Champvert",
            "Roquemaure",
            "Bellefont",
            "Sainte-Aude",
            "Pontarlan",
            "Vaumeil",
        ),
        "francs",
        "Prime Minister",
        "Chamber of Deputies",
    ),
    Country(
        "Skarland",
        "Skarlandic",
        "Eldhavn",
        (
            "Fjellby",
            "Ostmark",
            "Hallund",
            "Sundvaer",
            "Brekke",
            "Tornvik",
            "Lysefjord",
            "Kvalby",
            "Nordstrand",
            "Ramsvik",
        ),
        "kroner",
        "Prime Minister",
        "Riksting",
    ),
    Country(
        "Zembaro",
        "Zembaran",
        "Kito Bay",
        (
            "Lubaro",
            "Ngeru",
            "Sakanda",
            "Tembe Falls",
            "Mbeya Hills",
            "Kasoro",
            "Ruvanga",
            "Itembe",
            "Nyamira",
            "Chiwelo",
        ),
        "shillings",
        "President",
        "National Assembly",
    ),
    Country(
        "Orlesia",
        "Orlesian",
        "Castrova",
        (
            "Dravnik",
            "Selvo",
            "Kornice",
            "Bystrava",
            "Vrbovec",
            "Zlatnik",
            "Horeva",
            "Pesnica",
            "Dolany",
            "Krasnik",
        ),
        "florins",
        "Prime Minister",
        "Sejmar",
    ),
    Country(
        "Qasira",
        "Qasiri",
        "Al-Marun",
        (
            "Bahrat",
            "Deir Suwan",
            "Ras Kalim",
            "Umm Tarif",
            "Jebel Ruwa",
            "Wadi Sahm",
            "Khor Amal",
            "Al-Fulaij",
            "Sirat",
            "Nakhlan",
        ),
        "riyals",
        "Prime Minister",
        "Shura Council",
    ),
    Country(
        "Beltrania",
        "Beltranian",
        "Rocaverde",
        (
            "Santa Lucena",
            "Ibarro",
            "Costamar",
            "Villafria",
            "Puerto Anil",
            "Sierra Baja",
            "Tordesal",
            "Villanueva Alta",
            "Caldera",
            "Montefrio",
        ),
        "escudos",
        "President",
        "Senate",
    ),
    Country(
        "Tamsara",
        "Tamsaran",
        "Nirapur",
        (
            "Kesh",
            "Vandali",
            "Sorun",
            "Patnara",
            "Rajgarh",
            "Chandipur",
            "Meloor",
            "Surajpet",
            "Kalinagar",
            "Devanhalli",
        ),
        "rupees",
        "Prime Minister",
        "Lok Parishad",
    ),
    Country(
        "Kovaria",
        "Kovarian",
        "Zlatovo",
        (
            "Brenik",
            "Osoje",
            "Radovec",
            "Mirnagora",
            "Gornji Kraj",
            "Velesnik",
            "Bistra",
            "Podgorac",
            "Lipovica",
            "Stari Most",
        ),
        "leva",
        "President",
        "parliament",
    ),
    Country(
        "Maldera",
        "Malderan",
        "Porto Celeste",
        (
            "Arvena",
            "Sant'Irene",
            "Casalmonte",
            "Rivabella",
            "Fontalba",
            "Castelnero",
            "Poggio Verde",
            "San Livio",
            "Torrevalle",
            "Acquamare",
        ),
        "lire",
        "Prime Minister",
        "Chamber of Deputies",
    ),
    Country(
        "Hollin",
        "Hollish",
        "Dunmere",
        (
            "Brackwater",
            "Ellismoor",
            "Fenwick Bay",
            "Ashcombe",
            "Kingsmere",
            "Aldbury",
            "Thornwick",
            "Harrowgate",
            "Lowfield",
            "Saltham",
        ),
        "pounds",
        "Prime Minister",
        "parliament",
    ),
    Country(
        "Sundara",
        "Sundaran",
        "Kota Mirah",
        (
            "Pulau Seri",
            "Banyuran",
            "Tanjung Rasa",
            "Lembah Jati",
            "Sungai Putih",
            "Karang Jaya",
            "Teluk Indah",
            "Bukit Merah",
            "Padang Sari",
            "Selat Biru",
        ),
        "ducats",
        "President",
        "People's Assembly",
    ),
    Country(
        "Azmeria",
        "Azmeri",
        "Sarakend",
        (
            "Bukhan",
            "Ozerabad",
            "Termak",
            "Yashkul",
            "Qizilkent",
            "Yangiyol",
            "Chorsu",
            "Beshtepa",
            "Altinsay",
            "Korgon",
        ),
        "drams",
        "President",
        "Majlis",
    ),
    Country(
        "Pravia",
        "Pravian",
        "Olomar",
        (
            "Stenza",
            "Korvo",
            "Lanzig",
            "Hradec Vel",
            "Melnice",
            "Jablonec Dolni",
            "Stribro",
            "Varnov",
            "Kunice",
            "Bezdek",
        ),
        "thalers",
        "Prime Minister",
        "parliament",
    ),
    Country(
        "Mokala",
        "Mokalan",
        "Abeku",
        (
            "Ojuma",
            "Ikoro",
            "Badesi",
            "Lake Orun",
            "Ilesa Oke",
            "Ajumo",
            "Ekiti Falls",
            "Odoba",
            "Iseyin",
            "Amuwo",
        ),
        "cedis",
        "President",
        "National Assembly",
    ),
    Country(
        "Caspira",
        "Caspiran",
        "Nadirabad",
        (
            "Zarin",
            "Golestah",
            "Baharak",
            "Tir Abad",
            "Sarvestan",
            "Kuhsar",
            "Dashtabad",
            "Ab Kenar",
            "Shahrak",
            "Mianrud",
        ),
        "tomans",
        "President",
        "Majlis",
    ),
)

# Towns and villages: a country has thousands, so two stories rarely name the same one by
# chance. They are built from the syllables of the country's region.
_TOWN_PARTS: dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {
    # first parts, second parts, and words some towns put in front ("Upper", "Nova")
    "english": (
        (
            "Ash",
            "Brack",
            "Cold",
            "Dun",
            "Elm",
            "Fen",
            "Grey",
            "Hather",
            "Kings",
            "Marl",
            "Thorn",
            "Wyn",
            "Stan",
            "Lang",
            "Hol",
            "Bar",
            "Cray",
            "Ded",
            "Ever",
            "Frome",
            "Gil",
            "Hart",
            "Ick",
            "Kel",
            "Lox",
            "Nether",
            "Ock",
            "Pen",
            "Rad",
            "Sher",
        ),
        (
            "ford",
            "bury",
            "ham",
            "wick",
            "ley",
            "mere",
            "by",
            "stead",
            "field",
            "combe",
            "ton",
            "worth",
            "well",
            "bridge",
            "hope",
            "thorpe",
            "hurst",
            "den",
            "leigh",
            "moor",
        ),
        ("Upper ", "Lower ", "Great ", "Little ", "North ", "East "),
    ),
    "slavic": (
        (
            "Vel",
            "Dol",
            "Gor",
            "Bel",
            "Star",
            "Krasn",
            "Zlat",
            "Lip",
            "Bist",
            "Drav",
            "Pol",
            "Sok",
            "Brez",
            "Mal",
            "Rad",
            "Jasen",
            "Bukov",
            "Cern",
            "Dubr",
            "Grab",
            "Hrast",
            "Jel",
            "Kamen",
            "Lesk",
            "Mir",
            "Ost",
            "Pesk",
            "Ruj",
            "Sred",
            "Trn",
        ),
        (
            "ovo",
            "ica",
            "nik",
            "ec",
            "any",
            "ovec",
            "ina",
            "ice",
            "jane",
            "ava",
            "ograd",
            "enka",
            "ovac",
            "evo",
            "jak",
            "ište",
            "ani",
            "ovci",
            "išče",
            "ovka",
        ),
        ("Nova ", "Stara ", "Gornja ", "Donja ", "Mala ", "Velika "),
    ),
    "latin": (
        (
            "Monte",
            "Villa",
            "Castel",
            "Valle",
            "Torre",
            "Ponte",
            "Campo",
            "Alto",
            "Vega",
            "Serra",
            "Fonte",
            "Bella",
            "Pietra",
            "Roca",
            "Sala",
            "Terra",
            "Acqua",
            "Costa",
            "Lago",
            "Selva",
            "Cerro",
            "Mira",
            "Prado",
            "Olmo",
        ),
        (
            "rosa",
            "nova",
            "bruna",
            "fria",
            "luz",
            "mar",
            "verde",
            "alba",
            "seca",
            "lago",
            "sol",
            "cielo",
            "dorada",
            "blanca",
            "negra",
            "viva",
            "clara",
            "fuerte",
            "bajo",
            "real",
        ),
        ("San ", "Puerto ", "Nueva "),
    ),
    "french": (
        (
            "Beau",
            "Mont",
            "Champ",
            "Roche",
            "Belle",
            "Val",
            "Bois",
            "Clair",
            "Haut",
            "Bon",
            "Chateau",
            "Font",
            "Grand",
            "Lange",
            "Mar",
            "Pierre",
            "Riche",
            "Sauve",
            "Ver",
            "Ville",
        ),
        (
            "mont",
            "fort",
            "val",
            "lieu",
            "vert",
            "fontaine",
            "aube",
            "marais",
            "castel",
            "pierre",
            "ville",
            "court",
            "bourg",
            "champ",
            "roche",
            "sart",
            "ray",
            "vaux",
        ),
        ("Saint-", "Sainte-", "Le ", "La ", "Les "),
    ),
    "nordic": (
        (
            "Ny",
            "Sol",
            "Bjorn",
            "Fjell",
            "Hav",
            "Lind",
            "Stor",
            "Ask",
            "Kvarn",
            "Tor",
            "Ul",
            "Vinter",
            "Alv",
            "Berg",
            "Eke",
            "Gran",
            "Hol",
            "Kval",
            "Lun",
            "Mos",
            "Rav",
            "Sand",
            "Tall",
            "Var",
        ),
        (
            "vik",
            "by",
            "dal",
            "heim",
            "sund",
            "nes",
            "berg",
            "strand",
            "fjord",
            "holm",
            "stad",
            "land",
            "rud",
            "ås",
            "torp",
            "lund",
            "haug",
            "øy",
        ),
        ("Nord", "Sor", "Ost", "Vest", "Gamle "),
    ),
    "germanic": (
        (
            "Alten",
            "Eber",
            "Grau",
            "Hohen",
            "Kessel",
            "Lauter",
            "Neu",
            "Ober",
            "Rosen",
            "Stein",
            "Wald",
            "Linden",
            "Bern",
            "Eichen",
            "Falken",
            "Gold",
            "Hasel",
            "Kirch",
            "Lorch",
            "Marien",
            "Nieder",
            "Schwan",
            "Tann",
            "Weiden",
        ),
        (
            "bach",
            "berg",
            "dorf",
            "feld",
            "hausen",
            "heim",
            "see",
            "stadt",
            "thal",
            "brunn",
            "burg",
            "au",
            "hof",
            "kirchen",
            "rode",
            "stein",
            "wald",
            "weiler",
        ),
        ("Bad ", "Sankt ", "Klein ", "Gross "),
    ),
    "arabic": (
        (
            "Ain ",
            "Bir ",
            "Deir ",
            "Jebel ",
            "Khor ",
            "Ras ",
            "Tel ",
            "Wadi ",
            "Qasr ",
            "Umm ",
            "Nahr ",
            "Bab ",
            "Kafr ",
            "Beit ",
            "Sidi ",
            "Hai ",
            "Souk ",
            "Arab ",
        ),
        (
            "Zahra",
            "Salem",
            "Hamra",
            "Sabah",
            "Rashid",
            "Nakhil",
            "Safi",
            "Amal",
            "Karim",
            "Huda",
            "Mazar",
            "Ward",
            "Sharqi",
            "Gharbi",
            "Jadid",
            "Atiq",
            "Nour",
            "Tawil",
            "Hilal",
            "Sultan",
            "Rayyan",
            "Faris",
            "Zaytun",
            "Ghazal",
            "Barakat",
            "Khalil",
            "Habib",
            "Jamil",
            "Latif",
            "Masri",
            "Qadir",
            "Sabri",
            "Tahir",
            "Wahid",
            "Yasin",
            "Zaki",
            "Anwar",
            "Basim",
            "Dhahab",
            "Fadl",
            "Ghanim",
            "Hasan",
            "Idris",
            "Jabir",
            "Kamal",
            "Lutfi",
        ),
        (),
    ),
    "persian": (
        (
            "Shah",
            "Dasht",
            "Kuh",
            "Sar",
            "Gol",
            "Bagh",
            "Mian",
            "Ab",
            "Zar",
            "Nur",
            "Dar",
            "Ahan",
            "Band",
            "Chah",
            "Deh",
            "Firuz",
            "Hasht",
            "Kal",
            "Lar",
            "Mehr",
            "Nik",
            "Rud",
            "Sabz",
            "Tak",
        ),
        (
            "abad",
            "dan",
            "shahr",
            "kand",
            "rud",
            "estan",
            "ab",
            "gird",
            "sar",
            "bagh",
            "kuh",
            "deh",
            "gah",
            "zar",
            "var",
            "an",
        ),
        ("Now ", "Kohne "),
    ),
    "turkic": (
        (
            "Ak",
            "Kara",
            "Kyzyl",
            "Yangi",
            "Beshk",
            "Tash",
            "Sary",
            "Uch",
            "Kok",
            "Chor",
            "Alty",
            "Bay",
            "Dzhar",
            "Ish",
            "Kum",
            "Orto",
            "Sogd",
            "Tal",
            "Ulug",
            "Yash",
        ),
        (
            "kent",
            "tepa",
            "bulak",
            "su",
            "kol",
            "say",
            "arik",
            "ovul",
            "yol",
            "bash",
            "dala",
            "jar",
            "kan",
            "ata",
            "tau",
            "uzek",
        ),
        ("Yangi ", "Eski "),
    ),
    "south_asian": (
        (
            "Chandra",
            "Raj",
            "Deva",
            "Sur",
            "Kali",
            "Hari",
            "Nag",
            "Ram",
            "Shiv",
            "Bhima",
            "Mana",
            "Anand",
            "Bela",
            "Gopal",
            "Indra",
            "Jai",
            "Kesh",
            "Lakshmi",
            "Madhu",
            "Prem",
            "Ratna",
            "Sona",
            "Vijay",
            "Yash",
        ),
        (
            "pur",
            "nagar",
            "garh",
            "abad",
            "palli",
            "halli",
            "ganj",
            "kot",
            "pet",
            "wadi",
            "gram",
            "puram",
            "dih",
            "khera",
            "mala",
            "varam",
        ),
        ("Old ", "New "),
    ),
    "malay": (
        (
            "Sungai ",
            "Bukit ",
            "Teluk ",
            "Kampung ",
            "Padang ",
            "Tanjung ",
            "Pulau ",
            "Kota ",
            "Batu ",
            "Air ",
            "Kuala ",
            "Pasir ",
            "Seri ",
            "Tebing ",
            "Lubuk ",
            "Alor ",
        ),
        (
            "Jaya",
            "Indah",
            "Merah",
            "Putih",
            "Sari",
            "Baru",
            "Lama",
            "Emas",
            "Hijau",
            "Tinggi",
            "Damai",
            "Permai",
            "Rimba",
            "Gading",
            "Bayu",
            "Melati",
            "Intan",
            "Kencana",
            "Raya",
            "Mutiara",
            "Cahaya",
            "Delima",
            "Embun",
            "Flora",
            "Gemilang",
            "Harapan",
            "Idaman",
            "Jernih",
            "Kasih",
            "Lestari",
            "Murni",
            "Nilam",
            "Pelangi",
            "Sentosa",
            "Suria",
            "Tenang",
            "Utama",
            "Wangi",
            "Bahagia",
            "Cempaka",
        ),
        (),
    ),
    "east_african": (
        (
            "Ki",
            "Nya",
            "Mba",
            "Ru",
            "Ka",
            "Itu",
            "Chi",
            "Mwa",
            "Lu",
            "Nge",
            "Bu",
            "Gi",
            "Ma",
            "Msa",
            "Nda",
            "Si",
            "Tu",
            "Wa",
        ),
        (
            "manga",
            "bugo",
            "rami",
            "sengo",
            "kanda",
            "tumba",
            "wele",
            "loro",
            "ndeti",
            "vanga",
            "kuyu",
            "lenge",
            "mbasa",
            "nyika",
            "rindi",
            "sanga",
            "thika",
            "zungu",
        ),
        (),
    ),
    "west_african": (
        (
            "Ile",
            "Oke",
            "Aba",
            "Ado",
            "Iba",
            "Ogo",
            "Ika",
            "Osu",
            "Ede",
            "Ifo",
            "Aye",
            "Eko",
            "Ijo",
            "Ota",
            "Oyo",
            "Ugbo",
            "Ise",
            "Ako",
        ),
        (
            "shin",
            "lade",
            "kuta",
            "wale",
            "dun",
            "gbo",
            "rin",
            "mosa",
            "jaiye",
            "ora",
            "fin",
            "gun",
            "kere",
            "lona",
            "mide",
            "tedo",
            "wura",
            "yemi",
        ),
        (),
    ),
}
_COUNTRY_STYLE = {
    "Valdoria": "english",
    "Marovia": "slavic",
    "Ostrelia": "germanic",
    "Carvela": "latin",
    "Drusany": "arabic",
    "Lunesse": "french",
    "Skarland": "nordic",
    "Zembaro": "east_african",
    "Orlesia": "slavic",
    "Qasira": "arabic",
    "Beltrania": "latin",
    "Tamsara": "south_asian",
    "Kovaria": "slavic",
    "Maldera": "latin",
    "Hollin": "english",
    "Sundara": "malay",
    "Azmeria": "turkic",
    "Pravia": "slavic",
    "Mokala": "west_african",
    "Caspira": "persian",
}


def _town(rng: random.Random, country: str) -> str:
    first, second, front = _TOWN_PARTS[_COUNTRY_STYLE[country]]
    a, b = rng.choice(first), rng.choice(second)
    if a.endswith((" ", "-")):
        b = b[:1].upper() + b[1:]
    town = a + b
    if front and rng.random() < 0.15:
        lead = rng.choice(front)
        town = lead + (town if lead.endswith((" ", "-")) else town.lower())
    return town


# Common first names from many languages, as in real reports: a short list of rarer ones
# made unrelated articles share a heavy term whenever two people shared a first name.
FEMALE_NAMES = (
    "Anna",
    "Maria",
    "Alice",
    "Emma",
    "Laura",
    "Julia",
    "Hannah",
    "Ruth",
    "Diana",
    "Claire",
    "Monica",
    "Rebecca",
    "Sara",
    "Eva",
    "Ana",
    "Andrea",
    "Maya",
    "Mia",
    "Marina",
    "Nina",
    "Olivia",
    "Clara",
    "Rosa",
    "Sandra",
    "Chloe",
    "Elena",
    "Iris",
    "Paula",
    "Sofia",
    "Ada",
    "Stella",
    "Teresa",
    "Vera",
    "Naomi",
    "Zoe",
    "Carmen",
    "Ella",
    "Esther",
    "Hanna",
    "Helena",
    "Lena",
    "Isabel",
    "Lea",
    "Lara",
    "Mona",
    "Nora",
    "Ida",
    "Leah",
    "Miriam",
    "Natasha",
    "Elsa",
    "Heidi",
    "Lucia",
    "Mei",
    "Alba",
    "Bianca",
    "Camille",
    "Francesca",
    "Marta",
    "Nadia",
    "Olga",
    "Zara",
    "Ingrid",
    "Petra",
    "Greta",
    "Hana",
    "Kristina",
    "Fatima",
    "Selma",
    "Adriana",
    "Dina",
    "Irina",
    "Juliette",
    "Leila",
    "Martina",
    "Tatiana",
    "Valentina",
    "Jana",
    "Karin",
    "Lina",
    "Yuki",
    "Aisha",
    "Astrid",
    "Luisa",
    "Noor",
    "Silvia",
    "Alina",
    "Layla",
    "Priya",
    "Tamar",
    "Yasmin",
)
MALE_NAMES = (
    "Daniel",
    "Adam",
    "Jan",
    "Simon",
    "Alexander",
    "Diego",
    "Walter",
    "Ali",
    "Samuel",
    "Victor",
    "Carlos",
    "Milan",
    "Luis",
    "Chen",
    "Pierre",
    "Gabriel",
    "Leon",
    "Marco",
    "Noah",
    "Boris",
    "Ivan",
    "Ahmed",
    "Andre",
    "Bruno",
    "Felix",
    "Hans",
    "Miguel",
    "Pablo",
    "Hugo",
    "Jonas",
    "Omar",
    "Pedro",
    "Stefan",
    "Erik",
    "Hassan",
    "Otto",
    "Rafael",
    "Malik",
    "Nicolas",
    "Yuri",
    "Ibrahim",
    "Jorge",
    "Viktor",
    "Henri",
    "Hussein",
    "Javier",
    "Klaus",
    "Magnus",
    "Sergei",
    "Wei",
    "Elias",
    "Giovanni",
    "Amir",
    "Anders",
    "Antoine",
    "Lars",
    "Luca",
    "Paolo",
    "Tomas",
    "Rahul",
    "Julien",
    "Ravi",
    "Henrik",
    "Khalid",
    "Andrei",
    "Luka",
    "Lukas",
    "Sven",
    "Vlad",
    "Emil",
    "Karim",
    "Mahmoud",
    "Mustafa",
    "Alexei",
    "Matteo",
    "Olaf",
    "Musa",
    "Pavel",
    "Reza",
    "Sanjay",
    "Yusuf",
    "Arjun",
    "Idris",
    "Pietro",
    "Samir",
    "Tariq",
    "Anil",
    "Dieter",
    "Kofi",
    "Marko",
    "Nikola",
    "Oskar",
    "Rami",
    "Vikram",
    "Dario",
    "Dmitri",
    "Hiroshi",
    "Hamza",
    "Jurgen",
    "Bilal",
    "Kenji",
    "Marek",
    "Nils",
)
# Real surnames of the kind news reports carry: common enough that a word-frequency list
# knows them, as it knows most names in real news (an invented name would weigh as the
# rarest word there is and make every story that mentions it look alike).
SURNAMES = (
    "Kovac",
    "Marr",
    "Orr",
    "Castell",
    "Ferreira",
    "Okafor",
    "Mendel",
    "Sorel",
    "Voss",
    "Haddad",
    "Nasser",
    "Qureshi",
    "Bellamy",
    "Varga",
    "Moreau",
    "Santoro",
    "Novak",
    "Calloway",
    "Dunmore",
    "Everly",
    "Fairbanks",
    "Hartigan",
    "Kerrigan",
    "Pellegrini",
    "Rasmussen",
    "Salgado",
    "Ulrich",
    "Abernethy",
    "Brandt",
    "Delacroix",
    "Esposito",
    "Falk",
    "Greer",
    "Hollis",
    "Kaspar",
    "Larue",
    "Sandoval",
    "Thorne",
    "Urquhart",
    "Vasquez",
    "Winslow",
    "Yousef",
    "Bianchi",
    "Coutinho",
    "Fontaine",
    "Gallo",
    "Jarvis",
    "Kozak",
    "Lindgren",
    "Mahler",
    "Pasquale",
    "Reyes",
    "Strand",
    "Toma",
    "Uribe",
    "Vidal",
    "Wren",
    "Yates",
    "Zeller",
    "Ferro",
    "Harlan",
    "Kessler",
    "Lorca",
    "Nagy",
    "Renner",
    "Talbot",
    "Zamora",
    "Brennan",
    "Koch",
    "Stein",
    "Torres",
    "Hale",
    "Hansen",
    "Weber",
    "Jensen",
    "Keller",
    "Bauer",
    "Dalton",
    "Fischer",
    "Becker",
    "Ramos",
    "Schultz",
    "Suarez",
    "Caldwell",
    "Farrell",
    "Nielsen",
    "Vega",
    "Ellison",
    "Olsen",
    "Rossi",
    "Adler",
    "Berger",
    "Bonnet",
    "Herrera",
    "Moreno",
    "Vargas",
    "Werner",
    "Berg",
    "Bosch",
    "Medina",
    "Rahman",
    "Andersen",
    "Heller",
    "Tanaka",
    "Aziz",
    "Haas",
    "Marino",
    "Richter",
    "Ruiz",
    "Russo",
    "Wolff",
    "Dubois",
    "Hahn",
    "Lund",
    "Larsen",
    "Vogel",
    "Zimmer",
    "Alves",
    "Dahl",
    "Romano",
    "Acosta",
    "Blanco",
    "Duval",
    "Frey",
    "Khalil",
    "Lombardi",
    "Molina",
    "Ortega",
    "Banda",
    "Bergman",
    "Engel",
    "Gomes",
    "Saleh",
    "Baptiste",
    "Delgado",
    "Gruber",
    "Guerra",
    "Kaya",
    "Lehmann",
    "Mehta",
    "Rios",
    "Aragon",
    "Hoffmann",
    "Osman",
    "Pereira",
    "Gerber",
    "Holm",
    "Krueger",
    "Tavares",
    "Borges",
    "Fuchs",
    "Hartmann",
    "Lorenz",
    "Serrano",
    "Arnaud",
    "Conti",
    "Marques",
    "Martens",
    "Moser",
    "Pedersen",
    "Sousa",
    "Andersson",
    "Evers",
    "Johansen",
    "Kraus",
    "Laine",
    "Mansour",
    "Petrov",
    "Boateng",
    "Carvalho",
    "Duarte",
    "Kowalski",
    "Maier",
    "Reis",
    "Amato",
    "Lopes",
    "Nunez",
    "Ahmadi",
    "Eckert",
    "Giordano",
    "Dvorak",
    "Horvath",
    "Kovacs",
    "Pacheco",
    "Sauer",
    "Toth",
    "Iyer",
    "Farouk",
    "Fonseca",
    "Lindberg",
    "Moller",
    "Nowak",
    "Asante",
    "Pohl",
    "Hamdan",
    "Mensah",
    "Szabo",
    "Calvo",
    "Barros",
)

# The recurring figures of a storyline (ministers, union leaders, party leaders) are the
# well-known names of their world, and real prominent names are common words in a
# frequency list ("Obama" weighs less than a witness's name): topic casts draw from
# the more common names.
# wordfreq's data is frozen (the project is sunset), so these lists never shift.
_COMMON_SURNAME_ZIPF = 3.18
_COMMON_FIRST_NAME_ZIPF = 3.6
_PROMINENT_SURNAMES = tuple(n for n in SURNAMES if zipf_frequency(n, "en") >= _COMMON_SURNAME_ZIPF)
_COMMON_FEMALE = tuple(
    n for n in FEMALE_NAMES if zipf_frequency(n, "en") >= _COMMON_FIRST_NAME_ZIPF
)
_COMMON_MALE = tuple(n for n in MALE_NAMES if zipf_frequency(n, "en") >= _COMMON_FIRST_NAME_ZIPF)

BLOCS = (
    "the Continental Union",
    "the Northern Council",
    "the Alliance of Coastal States",
    "the Assembly of Nations",
    "the Southern Cooperation Forum",
    "the Regional Security Council",
)
INSTITUTE_PATTERNS = (
    "the {capital} Institute for Policy Studies",
    "the Centre for Regional Affairs",
    "the {adj} Economic Forum",
    "the Harwell Foundation",
    "the Institute of Public Affairs in {itown}",
    "the {capital} School of Economics",
    "the Observatory for Democracy",
    "the Meridian Policy Lab",
    "the University of {itown}",
    "the {itown} Centre for Social Research",
    "a think tank in {itown}",
    "the Larkspur Institute",
    "the Bellweather Trust",
    "the Policy Institute of {itown}",
)
PARTY_NAMES = (
    "Democratic Alliance",
    "Party of National Renewal",
    "Green Future Movement",
    "Workers' Front",
    "Liberal Union",
    "People's Progressive Party",
    "Civic Platform",
    "Social Democratic League",
    "Homeland Party",
    "New Centre",
    "Farmers' and Citizens' Bloc",
    "Republican Movement",
)
RIVERS = ("Selva", "Amber", "Morrow", "Tesk", "Oradel", "Kirra", "Lune", "Vantar", "Ossa", "Brey")
SEAS = ("the Gulf of Marren", "the Sea of Askel", "the Straits of Corvo", "the Bay of Teller")
ORDINALS = ("second", "third", "fourth", "fifth", "sixth", "seventh")
NUMBER_WORDS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")

BG_ISSUES = (
    "high inflation",
    "a shortage of affordable housing",
    "chronic power cuts",
    "a sluggish economy",
    "rising public debt",
    "an exodus of young graduates",
    "repeated droughts",
    "tensions with neighbouring {partner}",
    "a long-running dispute over regional autonomy",
    "an overstretched health service",
    "rising fuel prices",
    "youth unemployment above 20 percent",
    "a string of corruption scandals",
    "frequent changes of government",
    "weak exports",
    "crumbling roads and bridges",
    "falling farm incomes",
    "a slow recovery from the floods of {bg_since}",
    "a growing budget deficit",
    "protests over the cost of living",
)
CONSEQUENCES = (
    "deepen divisions within the governing coalition",
    "put pressure on the government ahead of next year's election",
    "weigh on investor confidence",
    "set a precedent for other sectors",
    "strengthen the hand of the opposition",
    "test the patience of the public",
    "delay long-promised reforms",
    "push up prices in the short term",
    "complicate relations with {partner}",
    "force the government to revise its budget",
    "become a defining issue of the next campaign",
    "prompt a reshuffle of the cabinet",
)
INSIGHTS = (
    "the government's room for manoeuvre is shrinking",
    "public trust in institutions remains fragile",
    "old ways of doing business are changing faster than many expected",
    "regional tensions are far from resolved",
    "the economy is more vulnerable than official figures suggest",
    "voters are losing patience with promises",
    "the capital and the provinces see the issue very differently",
)
BLOC_HOPES = (
    "resolve the matter through dialogue",
    "respect its international commitments",
    "keep the public fully informed",
    "act with transparency and restraint",
    "protect the most vulnerable",
    "work with its neighbours on a common response",
)
MEDIA_ANGLES = (
    "the cost to ordinary families",
    "the government's handling of the crisis",
    "criticism from the opposition",
    "the reaction in the provinces",
    "questions over who knew what and when",
    "the human stories behind the numbers",
)
RESIDENT_JOBS = (
    "shopkeeper",
    "taxi driver",
    "retired teacher",
    "nurse",
    "student",
    "farmer",
    "cafe owner",
    "mechanic",
    "civil servant",
    "mother of three",
    "pharmacist",
    "baker",
    "fisherman",
    "bus driver",
    "pensioner",
    "university lecturer",
    "market trader",
    "carpenter",
)
RESIDENT_QUOTES = (
    "We just want to know what happens next",
    "Nobody tells us anything",
    "We have heard promises like this before",
    "It is the ordinary people who pay",
    "I hope this time it is different",
    "My family has lived here for forty years",
    "We are tired, but we are not giving up",
    "Everyone is talking about it",
)
WITNESS_QUOTES = (
    "I have never seen anything like it in my life",
    "We were not told anything until it was too late",
    "My neighbours are frightened, and so am I",
    "Everyone here knows someone who has been affected",
    "We will manage, we always do, but it is hard",
    "People are angry, and they have every right to be",
    "The children keep asking what is going on",
    "Nobody from the government has come here",
    "It feels like the whole town is holding its breath",
    "We have been waiting for this for years",
    "I just hope they keep their promises this time",
    "Prices go up and wages stay the same",
    "You cannot plan anything when every week brings something new",
    "There is nothing left to do but wait",
)
EXPERT_QUOTES = (
    "The warning signs were there for anyone who wanted to see them",
    "Decisions made in a hurry tend to be paid for slowly",
    "What matters now is what happens in the next month, not the next day",
    "This will be studied for years",
    "The institutions are being tested in a way they were not designed for",
    "There is a gap between what was promised and what can be delivered",
)
FIELDS = (
    "economics",
    "political science",
    "public policy",
    "sociology",
    "law",
    "engineering",
    "public health",
    "history",
)
NGOS = (
    ("Citizens' Watch", "a monitoring group"),
    ("Open Ledger", "a transparency group"),
    ("the Civic Audit Network", "a watchdog"),
    ("Right to Know", "a campaign group"),
    ("the Foundation for Local Democracy", "a non-profit group"),
    ("Helping Hands", "a charity"),
    ("the Consumers' League", "a consumer group"),
    ("Fair Share", "an anti-poverty group"),
    ("the League for Human Rights", "a rights group"),
    ("Lifeline", "an aid group"),
)
NGO_DEMANDS = (
    "an independent review",
    "full publication of the relevant documents",
    "help for the families most affected",
    "a public hearing",
    "clear answers from ministers",
)
BUSINESSES = ("bakery", "hardware shop", "small hotel", "pharmacy", "grocery", "garage", "cafe")
LOCAL_TITLES = ("Mayor", "council leader", "deputy mayor", "district governor")
SPOX_TITLES = (
    "government spokesperson",
    "government spokesman",
    "ministry spokesperson",
    "presidential spokesperson",
    "deputy government spokesperson",
    "government press secretary",
    "cabinet secretary",
    "communications director",
    "chief government press officer",
)
SCENES = (
    "shops closed early and the streets were unusually quiet",
    "people gathered around a television in a cafe on the main square",
    "queues formed outside the post office and the bank",
    "posters went up overnight on the walls of the town hall",
    "the market was half empty and traders packed up before noon",
    "taxi drivers argued about the news at the bus station",
    "the local radio station took calls from listeners all morning",
    "a small crowd waited outside the town hall for news",
    "schoolchildren were sent home early",
    "the church bells rang at noon, as they do on days of mourning",
)
ACTIVITIES = (
    "runs a small shop",
    "drives a taxi",
    "teaches at the local school",
    "works night shifts at the hospital",
    "farms wheat outside the town",
    "repairs cars near the station",
    "sells vegetables at the market",
    "manages a petrol station",
)
PAPER_NAMES = ("Gazette", "Courier", "Herald", "Observer", "Chronicle", "Messenger", "Tribune")
REGIONAL_REPORTS = (
    "local officials had held an emergency meeting late into the night",
    "several families had asked the council for help",
    "the issue dominated a packed public meeting",
    "a petition had gathered thousands of signatures within a day",
    "some businesses were considering closing for the week",
    "volunteers had set up a help desk in the library",
)
HISTORY_EVENTS = (
    "serious unrest",
    "a long drought",
    "a wave of emigration",
    "the closure of its largest factory",
    "severe flooding",
    "a bitter local election",
)
CHARITIES = (
    "the Red Crescent",
    "a local food bank",
    "a church charity",
    "a student volunteer network",
    "a neighbourhood association",
)
VOLUNTEER_OBS = (
    "demand for help had doubled in a week",
    "most of the people asking for help had never done so before",
    "donations had been generous but would not last",
    "older people living alone were the hardest to reach",
)
OBSERVATIONS = (
    "most people in the town were following the news closely",
    "prices had already gone up",
    "nobody had explained what would happen next",
    "the mood had changed in just a few days",
    "young people were talking about leaving",
    "customers talked about little else",
)


# --------------------------------------------------------------------------------------------
# Storylines and kinds of event.
#
# A topic follows one storyline ("talks" between two countries, a "strike" in one sector...).
# Its stories are different developments of that storyline, each a kind of event with its
# own titles, captions, facts and sentence templates: talks resume, an agreement is signed,
# the talks collapse, a minister resigns. A follow-up story therefore shares the topic's
# country and cast (drawn from the topic's own generator) but tells a different event in
# different words, as real follow-ups do; one sentence recalls the earlier story.
#
# Every fact of a kind is a list of alternative templates, so that a rewrite (another outlet
# telling the same event) can tell each fact in other words than the base article.


@dataclass(slots=True)
class _Person:
    first: str
    last: str
    female: bool

    @property
    def name(self) -> str:
        return f"{self.first} {self.last}"


def _new_person(
    rng: random.Random, f: dict[str, str] | None = None, topic: bool = False
) -> _Person:
    """A fictitious person whose surname no one else in the story has ("Winslow said" must
    be unambiguous). Topic-level people avoid only each other, so that drawing them from
    the topic's generator gives the same cast in every story of the topic."""
    female = rng.random() < 0.45
    if topic:
        first = rng.choice(_COMMON_FEMALE if female else _COMMON_MALE)
        surnames = _PROMINENT_SURNAMES
    else:
        first = rng.choice(FEMALE_NAMES if female else MALE_NAMES)
        surnames = SURNAMES
    last = rng.choice(surnames)
    if f is not None:
        avoid = f["_tl"] if topic else f["_tl"] + f["_rl"]
        while f" {last} " in avoid:
            last = rng.choice(surnames)
        f["_tl" if topic else "_rl"] += f" {last} "
    return _Person(first, last, female)


_ROLE_WORDS = frozenset(
    (
        "Minister",
        "Foreign",
        "Interior",
        "Trade",
        "Transport",
        "Labour",
        "Health",
        "Education",
        "Energy",
        "Finance",
        "Defence",
        "Justice",
        "Emergency",
        "Services",
        "Prime",
        "President",
        "Judge",
        "Mayor",
        "Governor",
        "Rescue",
        "Service",
        "Ambassador",
        "Prosecutor",
        "Chief",
    )
)


def _cast(f: dict[str, str], key: str, title: str, person: _Person) -> None:
    """Store a person under `key`: "Labour Minister Anna Kovac", "Kovac", pronouns... and
    list the key so that `_introduce` names them in full first, by surname afterwards."""
    f[key] = f"{title} {person.name}" if title else person.name
    f[key + "_name"] = person.name
    f[key + "_last"] = person.last
    f[key + "_title"] = title
    # The bare role reads lower-case mid-sentence ("the labour minister's resignation").
    f[key + "_role"] = " ".join(w.lower() if w in _ROLE_WORDS else w for w in title.split())
    suffix = "" if key == "lead" else "2" if key == "p2" else "_" + key
    f["he" + suffix] = "she" if person.female else "he"
    f["his" + suffix] = "her" if person.female else "his"
    f["him" + suffix] = "her" if person.female else "him"
    if f" {key} " not in f.setdefault("_cast", " "):
        f["_cast"] += key + " "


def _pick(rng: random.Random, items: Sequence[str], f: dict[str, str]) -> str:
    return rng.choice(items).format_map(f)


def _lo_hi(rng: random.Random, lo: int, hi: int, step: int = 1) -> int:
    return rng.randrange(lo, hi + 1, step)


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


# A storyline's setup draws what stays fixed across the stories of one topic (country
# pair, cast, union, parties...) from `t`, a generator seeded by the topic; it may draw
# story-level details from `rng`. A kind's setup draws the event's own facts (numbers, new
# people, places) from `rng` only, so every story gets its own.
TopicSetup = Callable[[random.Random, random.Random, dict[str, str]], None]
EventSetup = Callable[[random.Random, dict[str, str]], None]


@dataclass(slots=True)
class Kind:
    """One kind of event, a development of a storyline ("talks.deal")."""

    name: str
    storyline: str  # "talks"; "any" for events every storyline may list ("any.resign")
    section: str
    setup: EventSetup
    titles: tuple[str, ...]
    captions: tuple[str, ...]
    facts: dict[str, tuple[str, ...]]  # "lede" first; every other fact is optional
    # Words someone said that every outlet may quote: (speaker key, template).
    quotes: tuple[tuple[str, str], ...]
    # Phrases generic sentences and the next story need: event, recap, unclear...
    about: dict[str, str]
    opening: bool  # can open a topic
    final: bool  # no story follows on the topic (a minister who resigned stays gone)


@dataclass(slots=True)
class Storyline:
    name: str
    section: str
    setup: TopicSetup
    cross: tuple[str, ...]  # "any.*" kinds that fit this storyline
    # Names a report gives in full once and then shortens ("the company"): fact key -> the
    # later reference. People are handled by `_introduce`.
    anaphora: dict[str, str] = field(default_factory=dict)
    kinds: tuple[Kind, ...] = ()
    openings: tuple[Kind, ...] = ()


KINDS: dict[str, Kind] = {}
STORYLINES: dict[str, Storyline] = {}

# Keys every kind's `about` must give (the generic sentences use them).
_ABOUT_KEYS = ("event", "recap", "unclear", "local_fear", "image_desc", "hashtag")


def _storyline(
    name: str,
    section: str,
    *,
    cross: Iterable[str] = (),
    anaphora: dict[str, str] | None = None,
) -> Callable[[TopicSetup], TopicSetup]:
    def register(setup: TopicSetup) -> TopicSetup:
        later = {"country": "the country"} if anaphora is None else dict(anaphora)
        STORYLINES[name] = Storyline(name, section, setup, tuple(cross), later)
        return setup

    return register


def _kind(
    name: str,
    *,
    titles: Iterable[str],
    captions: Iterable[str],
    facts: dict[str, Iterable[str]],
    about: dict[str, str],
    quotes: Iterable[tuple[str, str]] = (),
    opening: bool = False,
    final: bool = False,
) -> Callable[[EventSetup], EventSetup]:
    line = name.split(".")[0]

    def register(setup: EventSetup) -> EventSetup:
        missing = [k for k in _ABOUT_KEYS if k not in about]
        assert not missing, (name, missing)
        KINDS[name] = Kind(
            name,
            line,
            STORYLINES[line].section if line in STORYLINES else "general",
            setup,
            tuple(titles),
            tuple(captions),
            {k: tuple(v) for k, v in facts.items()},
            tuple(quotes),
            dict(about),
            opening,
            final,
        )
        return setup

    return register


def _link_storylines() -> None:
    """Give every storyline its kinds (own ones first, then the cross-storyline ones)."""
    for line in STORYLINES.values():
        own = [k for k in KINDS.values() if k.storyline == line.name]
        line.kinds = (*own, *(KINDS[n] for n in line.cross))
        line.openings = tuple(k for k in own if k.opening)
        assert line.openings, line.name


# ---- talks ---------------------------------------------------------------------------------

_TALK_ISSUES = (
    ("water rights on the {river} River", "water rights", "water"),
    ("the future of foreign troops stationed in the country", "troop presence", "troops"),
    ("fishing quotas in {sea}", "fishing quotas", "fishing"),
    ("a long-delayed prisoner exchange", "prisoner exchange", "prisoners"),
    ("gas transit fees", "gas transit", "gas"),
    ("the demarcation of their shared border", "border demarcation", "border"),
    ("reopening the border crossing at {tcity}", "border crossing", "crossing"),
    ("compensation for families displaced by the dam at {tcity}", "dam compensation", "dam"),
)
_PAUSE_REASONS = (
    "a shooting near {city} that left {n_hurt} people injured",
    "a dispute over the arrest of two fishermen",
    "the expulsion of a diplomat",
    "the crash of a drone near an army post",
    "a row over remarks by a lawmaker",
)
_STICKING = (
    "the timetable",
    "who would monitor any agreement",
    "compensation for the families affected",
    "the order in which concessions are made",
    "the guarantees demanded by {partner}",
)
_TALK_VENUES = (
    "a government guesthouse",
    "a lakeside hotel",
    "the old customs house",
    "a conference centre near the airport",
    "a former hunting lodge",
    "a monastery in the hills",
)
_NEW_DEMANDS = (
    "a guaranteed share of future revenue",
    "an international monitoring mission",
    "the release of detainees held since {prev_year}",
    "a written apology for past incidents",
    "a freeze on construction near the frontier",
)
_INCIDENTS = (
    (
        "border guards from {partner} opened fire on a patrol near {city}, wounding {n_hurt} "
        "soldiers",
        "border shooting",
        (
            "The wounded were flown to a military hospital in {city2}, where {n_serious} "
            "[remained|were said to be] in serious condition.",
            "Army doctors said {n_serious} of the wounded had [undergone surgery|been operated "
            "on] overnight.",
        ),
    ),
    (
        "a coastguard vessel from {partner} seized a fishing boat and its {n_crew} crew off {city}",
        "seized trawler",
        (
            "Relatives of the {n_crew} fishermen gathered at the harbour in {city}, [demanding|"
            "waiting for] news of the crew.",
            "The boat's owner, {owner}, said the crew had been working [well inside|within] "
            "national waters when the patrol boat [approached|arrived].",
        ),
    ),
    (
        "a military drone from {partner} came down in farmland outside {city}",
        "drone crash",
        (
            "Farmers near {city} said the drone [narrowly missed|landed a few hundred metres "
            "from] a [school|cluster of houses].",
            "Police [sealed off|cordoned off] the field and bomb-disposal experts [removed|"
            "recovered] the wreckage [overnight|by nightfall].",
        ),
    ),
)


@_storyline(
    "talks",
    "politics",
    cross=("any.inquiry", "any.poll", "any.resign"),
    anaphora={"country": "the country", "partner": "the neighbour"},
)
def _line_talks(t: random.Random, rng: random.Random, f: dict[str, str]) -> None:
    f["river"] = t.choice(RIVERS)
    f["sea"] = t.choice(SEAS)
    issue, short, word = t.choice(_TALK_ISSUES)
    f["issue"] = issue.format_map(f)
    f["issue_short"] = short
    f["issue_word"] = word
    f["issue_tag"] = word.capitalize()
    _cast(f, "lead", "Foreign Minister", _new_person(t, f, True))
    _cast(
        f,
        "p2",
        t.choice(("{partner_adj} Foreign Minister", "{partner_adj} envoy")).format_map(f),
        _new_person(t, f, True),
    )
    f["talks_since"] = str(int(f["year"]) - t.randint(1, 3))
    f["org"] = "the foreign ministry"
    f["org2"] = "the government in {partner_capital}".format_map(f)
    f["affair"] = "the dispute with {partner} over {issue_short}".format_map(f)
    f["affair_short"] = f"{short} dispute"


@_kind(
    "talks.resume",
    opening=True,
    titles=(
        "{country} and {partner} [resume|restart|reopen] talks on {issue_short}",
        "Minister says talks with {partner} will continue 'while both sides keep their word'",
        "[Negotiators|Envoys|Delegations] meet in {city} for {n_round} round of talks",
        "[After|Following] {n_weeks_word}-week [pause|freeze], [neighbours|rivals] [are back at "
        "the table|talk again]",
        "{lead_last} [hopeful|upbeat|guarded] after {n_hours}-hour session [in {city}|with "
        "{partner_adj} side]",
        "[Back at the table|Talking again]: {issue_short} [negotiations|dialogue] [revived|"
        "restart]",
        "[Frozen|Stalled] [dialogue|negotiations] [thaws|restarts] as envoys [gather|arrive] "
        "in {city}",
    ),
    captions=(
        "{lead} speaks to reporters after the [talks|negotiations] in {city}",
        "Members of the two delegations arrive for talks in {city}",
        "{p2} shakes hands with {lead} before their meeting in {city}",
    ),
    facts={
        "lede": (
            "{country} and {partner} [resumed|restarted|reopened] talks on {issue} {day_ref}, "
            "ending a pause of {n_weeks} weeks.",
            "Negotiators from the two [countries|neighbours] met in {city} {day_ref} for a "
            "{n_round} round of talks on {issue}, {lead} said.",
            '{lead} said {day_ref} that talks with {partner} would [go on|continue] "for as '
            'long as both sides [keep|honour] the framework we agreed."',
            "[Delegations|Officials] from {country} and {partner} [sat down|met] again {day_ref} "
            "to [discuss|negotiate] {issue}, the {n_round} round since the dialogue began in "
            "{talks_since}.",
        ),
        "venue": (
            "The {n_delegates}-member delegations met for {n_hours} hours at {venue} [on the "
            "outskirts of|in] {city}.",
            "According to officials [familiar with|briefed on] the session, the meeting lasted "
            "{n_hours} hours and involved {n_delegates} delegates.",
            "{spox} said the session [ran for|lasted] {n_hours} hours and [ended without|"
            "produced no] joint statement, but [described the atmosphere as|called the atmosphere] "
            "[constructive|businesslike].",
        ),
        "pause": (
            "Contacts had been put on hold after {pause_reason}, an episode that [angered|"
            "alarmed] officials on both sides.",
            "[The process|Dialogue] stalled in {prev_month} after {pause_reason}.",
            "Both sides [suspended|froze] contacts in {prev_month} following {pause_reason}, "
            "and mediators spent weeks [trying|working] to [revive|rescue] them.",
        ),
        "sticking": (
            "The main [sticking point|obstacle] remains {sticking}, [diplomats said|according "
            "to people close to the negotiations].",
            "[Officials|Diplomats] said the two sides [remain|are still] divided over {sticking}.",
            "Disagreement over {sticking} has [repeatedly|long] held up a [deal|settlement], "
            "[analysts say|officials on both sides acknowledge].",
        ),
        "remark_p2": (
            '{p2} said the other side was "ready to move forward" [but would not accept|'
            "provided there were no] new preconditions.",
            "{p2} [struck a more cautious tone|was more guarded], saying much work [remained|"
            "was still needed] before anything could be signed.",
            "{p2_last} told reporters that the [gap|distance] between the two positions had "
            "[narrowed|shrunk] [a little|somewhat].",
        ),
        "agenda": (
            "[The agenda|Items on the table] [included|covered] {agenda_a} and {agenda_b}, "
            "according to a [draft|copy] [seen by|shown to] [reporters|journalists].",
            "Technical teams [worked on|discussed] {agenda_a}, while the ministers [focused on|"
            "spent most of the time on] {agenda_b}.",
        ),
        "technical": (
            "{n_experts} experts [stayed behind|remained in {city}] to [draft|work on] [maps|"
            "annexes] and [figures|tables] for the next session.",
            "[Working groups|Expert panels] on [legal questions|logistics] will meet [weekly|"
            "every fortnight], [a diplomat said|one participant said].",
        ),
        "next": (
            "A further round is [scheduled|expected] in {partner_capital} [before|by] {deadline}.",
            "The two sides agreed to meet again within {n_next} weeks, [this time|probably] in "
            "{partner_capital}.",
            "No date [has been|was] set for the next meeting, but {spox_last} said technical "
            "teams would keep working in the meantime.",
        ),
    },
    quotes=(
        ("lead", "We are not in a hurry, but we are serious. Every round brings us closer"),
        ("lead", "The door remains open, and we want a fair and lasting arrangement"),
        ("p2", "Our position has not changed, but we came here to listen"),
        ("lead", "Nobody should expect miracles from one [session|meeting]"),
    ),
    about={
        "event": "the new round of talks",
        "recap": "the {n_round} round of talks in {month}",
        "unclear": "how much common ground the two sides had found",
        "local_fear": "a return to the tensions of previous years",
        "image_desc": "the two delegations shaking hands at the start of the session",
        "hashtag": "{issue_tag}Talks",
    },
)
def _talks_resume(rng: random.Random, f: dict[str, str]) -> None:
    f["n_round"] = rng.choice(ORDINALS)
    f["n_delegates"] = str(_lo_hi(rng, 8, 40, 2))
    f["n_hours"] = str(_lo_hi(rng, 3, 12))
    n_weeks = _lo_hi(rng, 2, 10)
    f["n_weeks"] = str(n_weeks)
    f["n_weeks_word"] = NUMBER_WORDS[n_weeks]
    f["n_next"] = NUMBER_WORDS[_lo_hi(rng, 2, 6)]
    f["n_hurt"] = str(_lo_hi(rng, 2, 19))
    f["n_experts"] = _cap(NUMBER_WORDS[_lo_hi(rng, 4, 10)])
    f["deadline"] = "the end of " + MONTHS[(int(f["month_num"]) + rng.randint(1, 4)) % 12]
    f["pause_reason"] = _pick(rng, _PAUSE_REASONS, f)
    f["sticking"] = _pick(rng, _STICKING, f)
    f["venue"] = _pick(rng, _TALK_VENUES, f)
    a, b = rng.sample(
        (
            "a timetable for confidence-building steps",
            "a hotline between the two defence ministries",
            "joint patrols",
            "a register of claims",
            "the mandate of a future commission",
            "visa rules for people living near the frontier",
        ),
        2,
    )
    f["agenda_a"], f["agenda_b"] = a, b


@_kind(
    "talks.deal",
    titles=(
        "{country} and {partner} sign [deal|agreement|accord] on {issue_short}",
        "[Landmark|Historic|Long-awaited] {issue_word} [accord|agreement] signed in {city}",
        "{lead_last} and {p2_last} [put their names to|sign] {n_articles}-article [pact|treaty]",
        "[Deal at last|Breakthrough]: [neighbours|rivals] seal {issue_short} agreement",
        "[Pact|Deal] [ends|settles] [long-running|bitter] {issue_word} [row|quarrel]",
        "What is in the {issue_word} [agreement|deal] signed in {city}?",
        "[Ink dries on|Ministers sign] [settlement|accord] [after years of|ending years of] "
        "[wrangling|haggling]",
    ),
    captions=(
        "{lead} and {p2} exchange copies of the agreement in {city}",
        "Guests applaud after the signing ceremony in {city}",
        "{p3} speaks at the signing of the agreement in {city}",
    ),
    facts={
        "lede": (
            "{lead} and {p2} signed an agreement on {issue} at {venue} in {city} {day_ref}, "
            "[settling|ending] a dispute that had [soured|strained] relations for years.",
            "{country} and {partner} [settled|put an end to] their [row|quarrel] over "
            "{issue_short} {day_ref} with a {n_articles}-article agreement signed in {city}.",
            "After [months|more than a year] of [haggling|bargaining], the governments of "
            "{country} and {partner} [signed|initialled] a deal on {issue} {day_ref}.",
        ),
        "terms": (
            "Under the [accord|deal], a joint commission of {n_commission} members will "
            "[oversee|monitor] [its implementation|the arrangement] and [report|meet] every "
            "{n_review} months.",
            "The text [commits|obliges] both sides to [settle|refer] future disagreements "
            "[through|to] a {n_commission}-member commission, according to a copy seen by "
            "[reporters|journalists].",
        ),
        "effect": (
            "[The agreement|It] takes effect on {effect_date} and [will be|is to be] reviewed "
            "after {n_review_years} years.",
            "[Implementation|The first phase] [begins|starts] on {effect_date}, [officials said|"
            "according to officials].",
        ),
        "fund": (
            "A fund of {fund} [will|is to] [compensate|support] [villages|communities] [hurt by|"
            "affected by] the dispute.",
            "Each side [agreed to|will] put {fund} into a [joint|shared] fund for [frontier "
            "communities|local projects].",
        ),
        "ceremony": (
            "[Officials|Guests] [applauded|clapped] as the two ministers [exchanged|swapped] "
            "[leather-bound copies|folders] of the [text|treaty].",
            "The signing, [attended|witnessed] by {p3}, [lasted|took] barely {n_minutes} minutes.",
            "[Both|The two] national anthems were played before the ministers [sat down|took "
            "their seats] at a [long|single] table draped in [blue|white] cloth.",
        ),
        "ratify": (
            "The {parliament} [must still|has yet to] [ratify|approve] the deal, and a vote is "
            "[expected|scheduled] [before|by] {vote_by}.",
            "Lawmakers in both capitals must [approve|ratify] the text before it [can take|"
            "takes] effect.",
        ),
        "critics": (
            "[Nationalist|Opposition] [lawmakers|politicians] [denounced|criticised] the deal "
            "as [a surrender|too generous|a betrayal].",
            "[Critics|Some opposition figures] [said|complained] the [text|agreement] [was "
            "negotiated|had been drafted] [behind closed doors|in secret].",
            "Groups representing [farmers|residents] near the frontier said they had not been "
            "[consulted|asked] and would study the [fine print|details].",
        ),
        "mediator": (
            "{p3}, who [mediated|brokered] the final [stage|rounds] of the [talks|negotiations], called "
            "the [deal|agreement] [a model for the region|an example for others].",
            "Mediation by {bloc}, [led by|through] {p3}, [proved|was] [decisive|crucial] in the "
            "last [weeks|days], [diplomats said|according to diplomats].",
        ),
        "celebration": (
            "In {city2}, [car horns sounded|people gathered in the main square] [after|when] the "
            "news [broke|came through], [local media reported|according to local television].",
            "[Traders|Shopkeepers] in {city2} said they hoped the deal would [bring back|"
            "revive] [customers|business] from [across the frontier|the other side].",
        ),
    },
    quotes=(
        (
            "lead",
            "Today we stop arguing about the past and start [managing|building] the future "
            "together",
        ),
        ("p2", "Neither side got everything it wanted, which is how you know it is fair"),
        ("p3", "This agreement belongs to the people who live along that frontier"),
    ),
    about={
        "event": "the agreement",
        "recap": "the {issue_word} agreement the two governments signed in {month}",
        "unclear": "when the {parliament} would vote on the text",
        "local_fear": "an agreement that exists only on paper",
        "image_desc": "the two ministers raising their pens after signing",
        "hashtag": "{issue_tag}Deal",
    },
)
def _talks_deal(rng: random.Random, f: dict[str, str]) -> None:
    f["n_articles"] = str(_lo_hi(rng, 12, 48))
    f["n_commission"] = str(_lo_hi(rng, 6, 20, 2))
    f["n_review"] = NUMBER_WORDS[_lo_hi(rng, 3, 6)]
    f["n_review_years"] = NUMBER_WORDS[_lo_hi(rng, 3, 10)]
    f["n_minutes"] = str(_lo_hi(rng, 15, 40, 5))
    eff = date(int(f["year"]), int(f["month_num"]), 1) + timedelta(days=rng.randint(40, 120))
    f["effect_date"] = f"{eff.day} {MONTHS[eff.month - 1]}"
    f["vote_by"] = "the end of " + MONTHS[(int(f["month_num"]) + rng.randint(1, 3)) % 12]
    f["fund"] = f"{_lo_hi(rng, 20, 400, 5)} million {f['currency']}"
    f["venue"] = _pick(rng, _TALK_VENUES, f)
    _cast(f, "p3", f"{f['bloc_short']} envoy", _new_person(rng, f))


@_kind(
    "talks.collapse",
    titles=(
        "Talks between {country} and {partner} collapse [in acrimony|without a deal]",
        "[Delegation|Negotiators] walk out of {issue_short} talks",
        "[No deal|Stalemate]: negotiations [break down|fall apart] in {city}",
        "{lead_last} blames {partner} as talks [end abruptly|break down]",
        "[Hopes fade|Hopes dashed] for {issue_word} [deal|settlement] after [walkout|talks fail]",
        "{country} recalls negotiators [after|as] dialogue [fails|goes nowhere]",
        "[Bitter|Angry] exchanges as [dialogue|process] [grinds to a halt|hits the wall]",
    ),
    captions=(
        "Members of the visiting delegation leave the [talks|negotiations] in {city}",
        "{lead} speaks to journalists after the [talks|negotiations] broke down",
    ),
    facts={
        "lede": (
            "Talks between {country} and {partner} on {issue} broke down {day_ref} when the "
            "visiting delegation [walked out|left the room] {n_minutes} minutes into the "
            "session, {lead} said.",
            "Negotiations between {country} and {partner} [collapsed|ended in failure] "
            "{day_ref}, with [each side|both governments] blaming the other for the "
            "[breakdown|impasse].",
            "Negotiators [packed up|left {city}] {day_ref} after talks with {partner} on {issue} "
            "[ended without agreement|failed], [dashing|ending] hopes of a deal [this year|"
            "before the winter].",
        ),
        "blame": (
            "{lead_last} accused the other side of [tabling|bringing] new demands [at "
            "the last minute|on the final day], including {new_demand}.",
            "[According to officials in the capital|Officials said], the session [foundered|broke "
            "down] over {new_demand}.",
        ),
        "other_side": (
            "{p2} [rejected|dismissed] the accusation, saying [his|the] delegation had "
            "[shown|offered] [more flexibility|more than enough] and that the failure lay "
            "elsewhere.",
            "Across the frontier, [officials|the government] said they had been [refused|"
            "denied] any discussion of {new_demand}.",
        ),
        "consequence": (
            "The government [recalled|withdrew] its chief negotiator, {p3}, [for consultations|"
            "to the capital] and [suspended|froze] [joint projects|cross-border cooperation].",
            "[The crossing at {tcity}|The main crossing], which had reopened only weeks earlier, "
            "[will close again|was closed again] from midnight, the interior ministry said.",
        ),
        "ultimatum": (
            "{p2_last} [gave|set] a deadline of {n_days} days for a reply to a final offer, "
            "after which the dispute would go to {bloc}.",
            "[Officials|Diplomats] [warned|said] they would ask {bloc} to [arbitrate|intervene] "
            "if there was no [reply|answer] within {n_days} days.",
        ),
        "bloc": (
            "{bloc_cap} [urged|called on] both sides to [return to the table|resume dialogue] and "
            "to avoid [steps|actions] that could [raise tensions|inflame the situation].",
            "[Diplomats|Envoys] from {bloc} [were trying|tried] to [arrange|set up] [informal|"
            "back-channel] contacts so that the process would not die, [two|three] [diplomats|"
            "officials] said.",
        ),
        "markets": (
            "Shares of companies [exposed to|dependent on] [cross-border trade|the frontier "
            "region] fell, and the {currency1} [slipped|weakened] [slightly|against the dollar].",
            "Hauliers in {city2} said [lorries|trucks] were already [queuing|backing up] at the "
            "crossing [in anticipation|as rumours spread].",
        ),
        "walkout": (
            "[Witnesses|People at the venue] said the [visitors|visiting ministers] left [without "
            "shaking hands|without a word] and [drove|were driven] straight to the airport.",
            "A [planned|scheduled] joint news conference was [cancelled|called off] [at the last "
            "minute|without explanation], and [journalists|reporters] waited [in the rain|for an "
            "hour] [before being sent home|outside the gates].",
        ),
    },
    quotes=(
        ("lead", "You cannot negotiate with someone who moves the goalposts every time we meet"),
        ("p2", "We came with open hands and we leave with empty ones"),
        (
            "p3",
            "We were closer to a deal than at any time in years, and now we are back to square one",
        ),
    ),
    about={
        "event": "the breakdown of the [talks|negotiations]",
        "recap": "the collapse of the [talks|negotiations] in {month}",
        "unclear": "whether either side would return to the table",
        "local_fear": "the frontier closing for good",
        "image_desc": "the visiting delegation leaving the building without speaking",
        "hashtag": "{issue_tag}Talks",
    },
)
def _talks_collapse(rng: random.Random, f: dict[str, str]) -> None:
    f["n_minutes"] = str(_lo_hi(rng, 20, 90, 5))
    f["n_days"] = NUMBER_WORDS[_lo_hi(rng, 3, 10)]
    f["prev_year"] = str(int(f["year"]) - rng.randint(1, 4))
    f["new_demand"] = _pick(rng, _NEW_DEMANDS, f)
    _cast(f, "p3", "", _new_person(rng, f))


@_kind(
    "talks.incident",
    titles=(
        "{country} summons ambassador over {incident_short}",
        "[Tension flares|Tensions rise] on frontier after {incident_short}",
        "{incident_short_cap} near {city} [threatens|puts at risk] [fragile|] talks",
        "{lead_last} demands [apology|explanation] from {partner} over {incident_short}",
        "[Protest note|Diplomatic row] as neighbour [denies|rejects] blame for {incident_short}",
        "[Anger|Outrage] in {city} [after|over] {incident_short}",
    ),
    captions=(
        "Soldiers guard a checkpoint near {city}",
        "Ambassador {p3_name} leaves the foreign ministry in {capital}",
    ),
    facts={
        "lede": (
            "{country} summoned the ambassador of {partner} {day_ref} after {incident}, "
            "[the foreign ministry said|{lead} said].",
            "[Tensions|Relations] between {country} and {partner} [flared|soured] {day_ref} "
            "after {incident}, [officials said|according to officials].",
            "{lead} [demanded|called for] an explanation {day_ref} after {incident}.",
        ),
        "summons": (
            "{p3} was [handed|given] a [formal protest|note of protest] and asked to [explain|"
            "account for] the incident within {n_days} days.",
            "{p3} spent about {n_minutes} minutes [at the ministry|with officials] and left "
            "without speaking to reporters.",
        ),
        "when": (
            "The incident [happened|took place] at about {hour} a.m., [according to|said] "
            "[local officials|the regional governor's office].",
            "Local officials said it [began|unfolded] shortly before dawn and [was over|ended] "
            "within [half an hour|an hour].",
        ),
        "denial": (
            "The defence ministry across the frontier [said|insisted] its forces had acted "
            "[within|inside] their own territory and accused the other side of "
            "provocation.",
            "{p2} [denied|rejected] any [wrongdoing|responsibility] and promised to [publish|"
            "release] a full account of the incident.",
        ),
        "casualty": ("{casualty_a}", "{casualty_b}"),
        "talks": (
            "The incident [casts doubt on|threatens] the [negotiations|dialogue], which [had "
            "been due|were scheduled] to [continue|resume] [next month|in the coming weeks].",
            "It [is|was] the [most serious|worst] incident [on the frontier|between the two] "
            "since {hist_year}.",
        ),
        "security": (
            "The army [sent|deployed] [reinforcements|extra units] to {city} and [closed|shut] "
            "[two|three] [roads|crossings] [leading to|near] the frontier.",
            "[Extra|Additional] checkpoints [went up|were set up] on the road [to|from] {city2}, "
            "and [drivers|travellers] [reported|faced] [long delays|hours of queues].",
        ),
    },
    quotes=(
        ("lead", "We will not accept this, and we expect a full explanation and an apology"),
        ("lead", "Our patience [is not unlimited|has limits]"),
        ("p2", "Our forces did nothing but defend our own territory"),
    ),
    about={
        "event": "the incident",
        "recap": "the {incident_short} in {month}",
        "unclear": "whether the [talks|negotiations] would go ahead as planned",
        "local_fear": "another incident on the frontier",
        "image_desc": "soldiers reinforcing a checkpoint near {city}",
        "hashtag": "{city_tag}",
    },
)
def _talks_incident(rng: random.Random, f: dict[str, str]) -> None:
    f["n_hurt"] = NUMBER_WORDS[_lo_hi(rng, 2, 7)]
    f["n_serious"] = NUMBER_WORDS[_lo_hi(rng, 1, 2)]
    f["n_crew"] = str(_lo_hi(rng, 5, 16))
    f["n_days"] = NUMBER_WORDS[_lo_hi(rng, 2, 7)]
    f["n_minutes"] = str(_lo_hi(rng, 20, 60, 5))
    f["hour"] = str(_lo_hi(rng, 2, 6))
    f["hist_year"] = str(int(f["year"]) - rng.randint(3, 12))
    f["owner"] = _new_person(rng, f).name
    incident, short, casualty = rng.choice(_INCIDENTS)
    f["incident"] = incident.format_map(f)
    f["incident_short"] = short
    f["incident_short_cap"] = _cap(short)
    f["casualty_a"] = _fill(casualty[0], f, rng)
    f["casualty_b"] = _fill(casualty[1], f, rng)
    _cast(f, "p3", "Ambassador", _new_person(rng, f))


# ---- strike --------------------------------------------------------------------------------

_SECTORS = (
    # workers, union, services, what is disrupted, operator, minister, one worker
    (
        "rail workers",
        "Rail Workers' Union",
        "rail services",
        "{n_cancelled} trains were cancelled",
        "the national rail operator",
        "Transport Minister",
        "train driver",
    ),
    (
        "dockworkers",
        "Dockers' Federation",
        "port operations",
        "{n_cancelled} ships were left waiting to unload",
        "the ports authority",
        "Transport Minister",
        "crane operator",
    ),
    (
        "teachers",
        "Teachers' Association",
        "schools",
        "{n_cancelled} schools stayed closed",
        "the education ministry",
        "Education Minister",
        "primary school teacher",
    ),
    (
        "hospital staff",
        "Union of Health Workers",
        "hospital services",
        "{n_cancelled} planned operations were postponed",
        "the health ministry",
        "Health Minister",
        "nurse",
    ),
    (
        "airport ground staff",
        "Aviation Staff Union",
        "air travel",
        "{n_cancelled} flights were cancelled",
        "the airports authority",
        "Transport Minister",
        "baggage handler",
    ),
    (
        "miners",
        "Mineworkers' Federation",
        "coal production",
        "output fell at {n_mines} mines",
        "the state mining company",
        "Energy Minister",
        "miner",
    ),
    (
        "bus drivers",
        "Transport Workers' Union",
        "bus services",
        "{n_cancelled} bus routes were suspended",
        "the city transport authority",
        "Transport Minister",
        "bus driver",
    ),
    (
        "postal workers",
        "Postal Employees' Union",
        "mail deliveries",
        "{n_cancelled} post offices were shut",
        "the national postal service",
        "Labour Minister",
        "postman",
    ),
)


@_storyline(
    "strike",
    "economy",
    cross=("any.poll", "any.resign", "any.lawsuit"),
    anaphora={"country": "the country", "union": "union"},
)
def _line_strike(t: random.Random, rng: random.Random, f: dict[str, str]) -> None:
    workers, union, services, disrupt, operator, minister, worker = t.choice(_SECTORS)
    f.update(workers=workers, union=f"{f['adj']} {union}", services=services, operator=operator)
    f["union_short"] = "the union"
    f["worker"] = worker
    f["disrupt_t"] = disrupt
    f["ministry"] = minister.replace(" Minister", " Ministry")
    _cast(f, "lead", minister, _new_person(t, f, True))
    _cast(f, "p2", "union leader", _new_person(t, f, True))
    f["org"] = f"the {f['union']}"
    f["org2"] = f"the {f['ministry']}"
    f["affair"] = f"the pay dispute with the {workers}"
    f["affair_short"] = f"{workers}' strike"
    f["workers_cap"] = _cap(workers)
    f["services_cap"] = _cap(services)
    f["operator_cap"] = _cap(operator)


@_kind(
    "strike.walkout",
    opening=True,
    titles=(
        "{workers_cap} in {country} walk out over pay",
        "{n_hours}-hour strike by {workers} [disrupts|paralyses|hits] {services}",
        "{adj} {workers} strike after wage talks [collapse|break down]",
        "Strike by {n_workers} {workers} brings {services} to a halt in {city}",
        "{union} vows to [keep up|press on with] strike as government offers {pct_offer}%",
        "[Chaos|Disruption] in {city} as {workers} [down tools|walk off the job]",
        "[Stranded|Frustrated] [commuters|families] bear brunt of {workers}' [walkout|stoppage]",
    ),
    captions=(
        "Striking {workers} rally outside the {ministry} in {capital}",
        "People wait as {services} are disrupted by a strike in {city}",
        "{p2} addresses {workers} during a rally in {city}",
    ),
    facts={
        "lede": (
            "Thousands of {workers} walked off the job {day_ref} at the start of a {n_hours}-hour "
            "strike over pay, [disrupting|paralysing] {services} in {city} and other cities.",
            "About {n_workers} {workers} went on strike {day_ref} after talks with the "
            "government on a {pct_demand} percent pay rise [broke down|collapsed], the {union} "
            "said.",
            "A strike by {workers} [halted|crippled] {services} across much of the country "
            "{day_ref}, with the {union} demanding a pay rise of {pct_demand} percent.",
            "{services_cap} [ground to a halt|were severely disrupted] in {city} {day_ref} as "
            "{n_workers} {workers} began a {n_hours}-hour walkout called by the {union}.",
        ),
        "disruption": (
            "In all, {disrupt}, according to {operator}.",
            "By [midday|the afternoon], {disrupt}, {operator} said, urging the public to [make "
            "other plans|expect delays].",
            "{operator_cap} said {disrupt} and warned that it would take [days|a day or more] "
            "for {services} to return to normal.",
        ),
        "offer": (
            "The government has offered a {pct_offer} percent increase, which the union "
            "[called|described as] [an insult|inadequate|far too little] at a time of inflation "
            "of {inflation} percent.",
            "{lead} said the state could not afford more than {pct_offer} percent this year "
            "[without cutting|unless it cut] spending elsewhere.",
            "[Negotiators for the government|Ministry negotiators] had [put|tabled] an offer of "
            "{pct_offer} percent, [well short of|far below] the {pct_demand} percent the union "
            "[is seeking|wants].",
        ),
        "picket": (
            "Pickets [gathered|formed] outside {depot} [before dawn|from early morning], "
            "[waving|holding] [flags|placards] and [lighting|burning] [braziers|flares].",
            "[Outside|At] {depot}, [dozens|hundreds] of strikers [blocked|stood at] the "
            "entrance and [cheered|sounded horns] as [cars|passers-by] [hooted|waved] in support.",
        ),
        "public": (
            "Commuters in {city} waited for hours for [replacement buses|taxis], and some "
            "businesses told staff to work from home.",
            "A survey by {institute} published last week found that {pct_support} percent of "
            "people [supported|sympathised with] the strikers.",
            "Business groups [warned|estimated] that each day of the [strike|walkout|stoppage] [costs|would cost] "
            "the economy [about|roughly] {amount}.",
        ),
        "history": (
            "It is the [biggest|longest] stoppage in the sector since {hist_year}, when a "
            "month-long dispute ended with a {pct_hist} percent settlement.",
            "[Wages|Pay] in the sector have [fallen|lagged] [behind|well behind] inflation for "
            "{n_years_pay} years, according to the union's [figures|calculations].",
        ),
        "next": (
            "The union said it would stage another walkout [next week|on {next_weekday}] if no "
            "agreement was reached.",
            "Talks are [due|expected] to resume on {next_weekday}, [the ministry said|according "
            "to the union].",
        ),
    },
    quotes=(
        (
            "p2",
            "Our members have waited three years for a fair deal. We will not go back empty-handed",
        ),
        ("p2", "This is not about politics, it is about [rent|bread|bills] and dignity"),
        ("lead", "We understand the frustration, but the budget has limits"),
    ),
    about={
        "event": "the [strike|walkout|stoppage]",
        "recap": "the {n_hours}-hour strike in {month}",
        "unclear": "how long the [strike|walkout|stoppage] would last",
        "local_fear": "losing a day's wages",
        "image_desc": "{workers} holding banners outside the {ministry}",
        "hashtag": "FairPayNow",
    },
)
def _strike_walkout(rng: random.Random, f: dict[str, str]) -> None:
    f["n_cancelled"] = _commas(_lo_hi(rng, 40, 2400))
    f["n_mines"] = str(_lo_hi(rng, 6, 40))
    f["disrupt"] = f["disrupt_t"].format_map(f)
    f["n_hours"] = rng.choice(("24", "48", "72"))
    f["n_workers"] = _commas(_lo_hi(rng, 2000, 90000, 100))
    f["pct_demand"] = str(_lo_hi(rng, 8, 25))
    f["pct_offer"] = str(_lo_hi(rng, 2, 7))
    f["inflation"] = f"{rng.uniform(4, 14):.1f}"
    f["pct_support"] = str(_lo_hi(rng, 41, 72))
    f["pct_hist"] = str(_lo_hi(rng, 4, 12))
    f["n_years_pay"] = NUMBER_WORDS[_lo_hi(rng, 2, 8)]
    f["hist_year"] = str(int(f["year"]) - rng.randint(4, 20))
    f["amount"] = f"{_lo_hi(rng, 12, 140)} million {f['currency']}"
    f["depot"] = rng.choice(
        (
            "the main depot in {city}",
            "the {ministry} in the capital",
            "the central station in {city}",
        )
    ).format_map(f)


@_kind(
    "strike.deal",
    titles=(
        "{workers_cap} [call off|end|suspend] strike after [pay deal|wage agreement]",
        "[Deal reached|Agreement reached]: {workers} to get {pct_deal}% [rise|raise]",
        "{union} [accepts|backs] government offer, [ending|calling off] [walkout|stoppages]",
        "{services_cap} [back to normal|resume] as {workers} [settle|end] pay [row|dispute]",
        "{lead_last} and union [strike|clinch] deal [after|following] {n_hours_talks}-hour "
        "[talks|session]",
        "[Strike over|End of the stoppage]: what the {workers}' deal [means|offers]",
    ),
    captions=(
        "{lead} and {p2} after signing the agreement in {capital}",
        "{services_cap} run again in {city} after the end of the [strike|walkout|stoppage]",
    ),
    facts={
        "lede": (
            "The {union} [called off|ended] its [strike|walkout] {day_ref} after [agreeing|reaching] a "
            "deal with the government that [gives|will give] members a {pct_deal} percent "
            "[pay rise|raise] over {n_years_deal} years.",
            "{lead} and {p2} [signed|agreed] a wage deal {day_ref} after {n_hours_talks} hours "
            "of [bargaining|haggling], [ending|bringing an end to] a dispute that had "
            "[disrupted|hit] {services} for weeks.",
            "{workers_cap} will return to work [on {next_weekday}|from {next_weekday}] after "
            "their union [accepted|approved] a government offer of {pct_deal} percent, {org} "
            "said {day_ref}.",
        ),
        "terms": (
            "Under the agreement, pay will rise {pct_first} percent [this year|immediately] "
            "and the rest [next year|in {next_year}], with a one-off payment of {bonus} per "
            "worker.",
            "The [deal|settlement] also [includes|provides for] a one-off [bonus|payment] of "
            "{bonus} and [shorter|capped] [night shifts|working weeks], [the union said|"
            "according to the union].",
        ),
        "ballot": (
            "Members [backed|approved] the deal [by|with] {pct_yes} percent in a ballot, "
            "[with|on] a turnout of {pct_turnout} percent, [organisers|returning officers] said.",
            "The agreement [still needs|must still win] the approval of members in a "
            "[ballot|vote] [due|set] to close on {ballot_day}.",
        ),
        "cost": (
            "The finance ministry [put|estimated] the cost of the deal at {amount} a year.",
            "[Economists|Critics] [warned|said] the deal [could|would] [encourage|prompt] "
            "[other|public-sector] unions to [press|push] for [similar|matching] rises.",
        ),
        "services": (
            "{operator_cap} said [a full|a normal] service would [resume|be restored] by "
            "{next_weekday}, [though|but] some [delays|disruption] [could|would] [continue|"
            "persist] [into the weekend|for a day or two].",
            "[Managers|Officials] at {operator} said [it would take time|they needed a day "
            "or two] to [clear the backlog|return to normal].",
        ),
        "reaction": (
            "[Business groups|Employers] [welcomed|greeted] the [end of the dispute|deal] with "
            "relief [but warned|while warning] about [costs|the bill].",
            "[Some|A number of] [members|activists] [criticised|attacked] the deal as [too "
            "little, too late|a climbdown], [saying|arguing] it [fell short of|did not match] "
            "the original demand of {pct_demand} percent.",
        ),
    },
    quotes=(
        ("p2", "It is not everything we asked for, but it is a deal our members can live with"),
        ("lead", "Nobody wins a strike. I am glad we found a way out together"),
    ),
    about={
        "event": "the pay deal",
        "recap": "the wage deal that ended the [strike|walkout|stoppage] in {month}",
        "unclear": "whether other unions would press for similar rises",
        "local_fear": "new stoppages next year",
        "image_desc": "{workers} cheering as the result of the vote was announced",
        "hashtag": "StrikeOver",
    },
)
def _strike_deal(rng: random.Random, f: dict[str, str]) -> None:
    deal = _lo_hi(rng, 5, 14)
    f["pct_deal"] = str(deal)
    f["pct_first"] = str(max(2, deal // 2 + rng.randint(-1, 1)))
    f["pct_demand"] = str(deal + _lo_hi(rng, 3, 9))
    f["n_years_deal"] = NUMBER_WORDS[rng.choice((2, 2, 3))]
    f["n_hours_talks"] = str(_lo_hi(rng, 9, 30))
    f["next_year"] = str(int(f["year"]) + 1)
    f["bonus"] = f"{_commas(_lo_hi(rng, 300, 2500, 50))} {f['currency']}"
    f["pct_yes"] = str(_lo_hi(rng, 54, 88))
    f["pct_turnout"] = str(_lo_hi(rng, 41, 79))
    f["ballot_day"] = f["next_weekday"]
    f["amount"] = f"{_lo_hi(rng, 60, 900, 5)} million {f['currency']}"


@_kind(
    "strike.court",
    titles=(
        "Court [orders|tells] {workers} to [suspend|halt] strike",
        "[Judge|Court] rules {workers}' [walkout|stoppage] [illegal|unlawful]",
        "{union} fined {fine} over strike, [vows to appeal|says it will appeal]",
        "[Legal blow|Setback] for {workers} as court [sides with|backs] government",
        "{lead_last} [welcomes|hails] ruling against {workers}' strike",
    ),
    captions=(
        "{p2} speaks outside the court in {capital}",
        "Police officers outside the Labour Court in {capital}",
    ),
    facts={
        "lede": (
            "A court in the capital ordered the {union} {day_ref} to suspend its [strike|walkout], ruling "
            "that the union had [failed to give|not given] the [required|legal] notice.",
            "The Labour Court [declared|ruled] the stoppage illegal {day_ref} and fined the "
            "{union} {fine}.",
            "{judge} [ruled|found] {day_ref} that the [strike|walkout|stoppage] by {workers} [breached|broke] "
            "minimum-service [rules|law], [ordering|and ordered] an immediate return to work.",
        ),
        "ruling": (
            "The court [found|said] that the union [had not held|failed to hold] a [valid|"
            "proper] ballot before the stoppage began on {start_day}.",
            "In a {n_pages}-page ruling, {judge_last} [said|wrote] that [minimum|essential] "
            "services had not been [guaranteed|maintained] [at|in] {n_sites} [sites|locations].",
        ),
        "fine": (
            "The union [must|was ordered to] pay {fine} and [faces|could face] [further|daily] "
            "penalties of {daily_fine} for each day the [strike|stoppage] continues.",
            "[On top of|Besides] the {fine} fine, the court [warned|said] that [organisers|"
            "union officials] [could|might] [be held personally liable|face personal penalties].",
        ),
        "union": (
            "{p2} said the union would [appeal|challenge the ruling] and accused the "
            "government of [using|hiding behind] the courts [instead of|rather than] "
            "[negotiating|talking].",
            "[Union lawyers|The union's lawyers] [said|argued] the [ruling|decision] [ignored|"
            "disregarded] the right to strike [guaranteed|set out] in the constitution.",
        ),
        "government": (
            "The {ministry} [welcomed|said it respected] the [ruling|decision] and [called on|"
            "urged] the union to [respect|comply with] it.",
            "{lead_last} said the ruling showed that [the law|rules] [applied|apply] to "
            "everyone, [including|even] unions.",
        ),
        "workers": (
            "[Outside|At the gates of] {depot}, [pickets|some strikers] said they would wait "
            "for [instructions|a decision] from the union before going back.",
            "{worker_x}, [who has|with] {n_years_job} years in the job, said [colleagues|"
            "everyone] [felt|was] [betrayed|furious] [by the ruling|at the judges].",
        ),
        "precedent": (
            "Legal experts said it was the first time since {hist_year} that a court had "
            "[halted|stopped] a national strike, and that the ruling could [deter|discourage] "
            "[other|future] [stoppages|walkouts].",
            "[Labour lawyers|Law professors] called the [judgment|ruling] [a "
            "landmark|unusually harsh] and [predicted|expected] a [long|lengthy] appeal.",
        ),
    },
    quotes=(
        ("p2", "They could not beat us at the table, so they went to a judge"),
        ("lead", "The right to strike is not a right to hold the country hostage"),
    ),
    about={
        "event": "the ruling",
        "recap": "the court ruling against the [strike|walkout|stoppage] in {month}",
        "unclear": "whether the {workers} would comply",
        "local_fear": "a dispute dragging on for months",
        "image_desc": "{workers} listening to the verdict on a phone outside the court",
        "hashtag": "RightToStrike",
    },
)
def _strike_court(rng: random.Random, f: dict[str, str]) -> None:
    _cast(f, "judge", "Judge", _new_person(rng, f))
    f["fine"] = f"{_lo_hi(rng, 1, 12)} million {f['currency']}"
    f["daily_fine"] = f"{_commas(_lo_hi(rng, 50, 400, 10) * 1000)} {f['currency']}"
    f["n_pages"] = str(_lo_hi(rng, 12, 80))
    f["n_sites"] = str(_lo_hi(rng, 6, 60))
    f["start_day"] = WEEKDAYS[rng.randrange(7)]
    f["depot"] = rng.choice(
        ("the main depot in {city}", "the central station in {city}", "the head office in {city}")
    ).format_map(f)
    f["hist_year"] = str(int(f["year"]) - rng.randint(5, 30))
    f["n_years_job"] = str(_lo_hi(rng, 6, 31))
    _cast(f, "worker_x", f["worker"], _new_person(rng, f))


@_kind(
    "strike.escalate",
    titles=(
        "{workers_cap} [extend|widen] strike [indefinitely|to a second week]",
        "[Army|Soldiers] [drafted in|called in] as {workers}' strike [drags on|deepens]",
        "[Shortages|Queues] spread as {workers}' walkout [enters|reaches] day {n_day}",
        "{union} [rejects|snubs] [new|improved] offer, [extends|steps up] strike",
        "[Strike spreads|Walkout spreads]: {workers2} join {workers} [on picket lines|in protest]",
    ),
    captions=(
        "Soldiers help out during the [strike|walkout|stoppage] in {city}",
        "A queue in {city} during the [strike|walkout|stoppage]",
    ),
    facts={
        "lede": (
            "The {union} [extended|prolonged] its [strike|walkout] [indefinitely|until further notice] "
            "{day_ref} after rejecting a [new|revised] government offer of {pct_new} percent.",
            "The government [called in|deployed] [soldiers|the army] {day_ref} to keep "
            "[essential|basic] services going as a strike by {workers} entered its {n_day_ord} "
            "day.",
            "{workers2_cap} joined the [strike|walkout|stoppage] {day_ref}, [widening|deepening] a dispute that "
            "has [disrupted|hit] {services} for {n_day} days.",
        ),
        "shortages": (
            "[Supermarkets|Shops] in {city} [reported|said they had] [shortages|empty shelves] "
            "of [fresh produce|milk and bread], and [queues|lines] [formed|stretched] [outside|"
            "at] [petrol stations|pharmacies].",
            "{shortage_cap}, [officials|the chamber of commerce] said.",
        ),
        "army": (
            "[About|Some] {n_soldiers} soldiers [were deployed|have been deployed] to [run|"
            "operate] [a skeleton service|a minimum service], the defence ministry said.",
            "[Military|Army] [drivers|personnel] [took over|were running] [a handful of|some] "
            "routes, [but|though] [passengers|users] [reported|complained of] [long waits|"
            "chaos].",
        ),
        "offer": (
            "The new offer of {pct_new} percent [fell short of|was well below] the union's "
            "demand, which it [lowered|cut] to {pct_demand} percent [last week|on "
            "{prev_weekday}].",
            "{lead_last} said the {pct_new} percent offer was [final|the government's last "
            "word] and accused the union of [moving the goalposts|wrecking the talks].",
        ),
        "solidarity": (
            "[Several|Other] unions [announced|called] [solidarity|sympathy] stoppages [for|on] "
            "{next_weekday}, [raising|stoking] fears of a [general strike|wider shutdown].",
            "[Collections|A strike fund] [raised|has raised] {fund} to support [families of "
            "strikers|unpaid members], [the union said|according to organisers].",
        ),
        "cost": (
            "The chamber of commerce [estimated|put] the cost of the [strike|walkout|stoppage] [so far|to date] "
            "at {amount}.",
            "[Exporters|Businesses] [warned|said] they [could|would] [miss|lose] [orders|"
            "contracts] if the [dispute|stoppage] [dragged on|continued] [much longer|into "
            "next month].",
        ),
    },
    quotes=(
        ("p2", "We did not choose this fight, but we will not walk away from it"),
        ("lead", "Every day this strike goes on, it is families who pay the price"),
        (
            "worker_x",
            "I have not been paid for {n_day} days. But if we stop now, it was all for nothing",
        ),
    ),
    about={
        "event": "the widening strike",
        "recap": "the [strike|walkout|stoppage] that entered its {n_day_ord} day in {month}",
        "unclear": "how long the union's strike fund would last",
        "local_fear": "empty shelves and fuel shortages",
        "image_desc": "soldiers standing in for striking {workers}",
        "hashtag": "StrikeDay{n_day}",
    },
)
def _strike_escalate(rng: random.Random, f: dict[str, str]) -> None:
    n_day = _lo_hi(rng, 6, 24)
    f["n_day"] = str(n_day)
    f["n_day_ord"] = _ordinal(n_day)
    f["pct_new"] = str(_lo_hi(rng, 4, 8))
    f["pct_demand"] = str(int(f["pct_new"]) + _lo_hi(rng, 3, 8))
    f["n_soldiers"] = _commas(_lo_hi(rng, 300, 4000, 50))
    f["fund"] = f"{_lo_hi(rng, 1, 9)} million {f['currency']}"
    f["amount"] = f"{_lo_hi(rng, 80, 900, 5)} million {f['currency']}"
    others = [s[0] for s in _SECTORS if s[0] != f["workers"]]
    f["workers2"] = rng.choice(others)
    f["workers2_cap"] = _cap(f["workers2"])
    f["shortage_cap"] = rng.choice(
        (
            "Petrol stations in {city} ran dry by the evening",
            "Pharmacies in {city} said deliveries of medicine had stopped",
            "Factories near {city} cut shifts for lack of parts",
        )
    ).format_map(f)
    _cast(f, "worker_x", f["worker"], _new_person(rng, f))


# ---- election ------------------------------------------------------------------------------


@_storyline(
    "election",
    "politics",
    cross=("any.poll", "any.inquiry"),
    anaphora={"country": "the country", "party": "party", "party3": "smaller party"},
)
def _line_election(t: random.Random, rng: random.Random, f: dict[str, str]) -> None:
    p1, p2, p3 = t.sample(PARTY_NAMES, 3)
    f.update(party=p1, party2=p2, party3=p3)
    f["elect_type"] = t.choice(("parliamentary", "presidential", "general", "snap"))
    _cast(f, "lead", f"{p1} leader", _new_person(t, f, True))
    _cast(f, "p2", f"{p2} leader", _new_person(t, f, True))
    f["org"] = "the Central Electoral Commission"
    f["org2"] = f"the {p2}"
    f["affair"] = f"the {f['elect_type']} election and its aftermath"
    f["affair_short"] = "the election"
    f["n_seats"] = str(t.randrange(101, 452, 2))


@_kind(
    "election.result",
    opening=True,
    titles=(
        "{party} leads {adj} {elect_type} election with {pct1}% of the vote",
        "{lead_last}'s {party} claims victory as turnout hits {turnout}%",
        "Voters hand {party} {n_seats1} seats, [short of|just shy of] majority",
        "{p2_last} refuses to concede as votes are counted",
        "[Low turnout and a close race|A close race]: {country} votes",
        "[Early|Preliminary] results put {lead_last} ahead [in|after] {elect_type} vote",
        "[Victory|Win] for {lead_last}, [but|yet] [no majority|coalition talks loom]",
    ),
    captions=(
        "Election workers count ballots at a polling station in {city}",
        "{lead} casts {his} vote in {city}",
        "Supporters of the {party} celebrate in {city}",
    ),
    facts={
        "lede": (
            "The {party} led by {lead_name} won {pct1} percent of the vote in {country}'s "
            "{elect_type} election, according to preliminary results released {day_ref} by "
            "{org}.",
            "{lead_name}'s {party} [claimed victory|declared itself the winner] in the "
            "{elect_type} election {day_ref} after early results gave it {pct1} percent.",
            "Voters [handed|gave] the {party} {n_seats1} of the {n_seats} seats in the "
            "{parliament}, results showed {day_ref}, leaving {lead_name} [short of|just shy of] "
            "an outright majority.",
        ),
        "rival": (
            "{p2_name}'s {party2} came second with {pct2} percent, [down from|compared "
            "with] {pct2_prev} percent [last time|at the previous vote].",
            "{p2_name}'s {party2} [trailed|finished second] with {pct2} percent.",
        ),
        "turnout": (
            "Turnout was {turnout} percent, [the lowest|one of the lowest] since {hist_year}.",
            "{org_cap} put turnout at {turnout} percent of the {n_voters} registered voters.",
            "About {turnout} percent of eligible voters cast a ballot, with long queues "
            "reported in {city2}.",
        ),
        "concede": (
            "{p2_last} refused to concede, saying {his2} party would [challenge|contest] the "
            "count in {n_districts} districts.",
            '{p2_last} [accepted|acknowledged] defeat and promised "a vigilant opposition."',
        ),
        "monitors": (
            "Observers from {bloc} said the vote was [largely orderly|generally well run] but "
            "noted [problems with voter lists|delays in opening] at some polling stations.",
            "{org_cap} said it had received {n_complaints} complaints, most of them about "
            "[missing names on voter lists|late-opening polling stations].",
        ),
        "small": (
            "The {party3} [won|took] {pct3} percent and [is seen as|could become] a [likely|"
            "possible] [partner|kingmaker].",
            "[Smaller|Minor] parties, including the {party3} with {pct3} percent, [cleared|"
            "passed] the {threshold} percent threshold for seats.",
        ),
        "scene": (
            "At the {party}'s headquarters in {city}, supporters [waved|held up] flags and "
            "[danced|sang] [into the night|until the early hours].",
            "[Outside|At] [polling stations|schools used as polling stations] in {city2}, "
            "voters [waited|queued] [for up to|more than] {n_hours} hours [in the heat|in the "
            "cold].",
        ),
        "next": (
            "Coalition talks are expected to begin [next week|within days].",
            "Final results are due [within|in] {n_days} days.",
            "The new {parliament} [is due to|will] hold its first session on {next_date}.",
        ),
    },
    quotes=(
        ("lead", "Tonight the people have chosen stability"),
        ("lead", "We will govern for everyone, not only for those who voted for us"),
        ("p2", "The count is not over, and we will defend every vote"),
    ),
    about={
        "event": "the election",
        "recap": "the {elect_type} election in {month}, when turnout was {turnout} percent",
        "unclear": "how long coalition talks would take",
        "local_fear": "months of political deadlock",
        "image_desc": "supporters of the {party} waving flags",
        "hashtag": "{country}Votes",
    },
)
def _election_result(rng: random.Random, f: dict[str, str]) -> None:
    f["pct1"] = str(_lo_hi(rng, 31, 54))
    f["pct2"] = str(_lo_hi(rng, 18, 30))
    f["pct2_prev"] = str(_lo_hi(rng, 22, 38))
    f["pct3"] = str(_lo_hi(rng, 5, 14))
    f["threshold"] = rng.choice(("3", "4", "5"))
    f["turnout"] = str(_lo_hi(rng, 38, 79))
    f["n_seats1"] = str(int(int(f["n_seats"]) * rng.uniform(0.38, 0.49)))
    f["n_voters"] = f"{rng.uniform(1.2, 24):.1f} million"
    f["n_districts"] = NUMBER_WORDS[_lo_hi(rng, 3, 10)]
    f["n_complaints"] = _commas(_lo_hi(rng, 40, 1900))
    f["n_days"] = NUMBER_WORDS[_lo_hi(rng, 3, 10)]
    f["n_hours"] = NUMBER_WORDS[_lo_hi(rng, 2, 4)]
    f["hist_year"] = str(int(f["year"]) - rng.randint(8, 30))
    nd = date(int(f["year"]), int(f["month_num"]), 1) + timedelta(days=rng.randint(35, 60))
    f["next_date"] = f"{nd.day} {MONTHS[nd.month - 1]}"


@_kind(
    "election.debate",
    opening=True,
    titles=(
        "{lead_last} and {p2_last} clash in [televised|TV] debate [ahead of|before] vote",
        "[Taxes|Prices] and [jobs|housing] dominate [final|last] debate before {elect_type} "
        "election",
        "[Heated|Bruising] debate leaves [voters|undecided voters] [little wiser|divided]",
        "{p2_last} [attacks|goes after] {lead_last} on {debate_topic} in [final|only] debate",
        "[Who won|Who came out ahead in] the debate? [Polls|Snap polls] [split|divided]",
    ),
    captions=(
        "{lead} and {p2} before the debate in {city}",
        "People watch the debate at a cafe in {city}",
    ),
    facts={
        "lede": (
            "{lead_name} and {p2_name} [clashed|traded blows] over {debate_topic} and "
            "{debate_topic2} in a televised debate {day_ref}, {n_days_to} days before the "
            "{elect_type} election.",
            "The two [main|leading] candidates, {lead_name} and {p2_name}, [faced off|went head "
            "to head] {day_ref} in [the only|the last] debate of the campaign, [sparring|"
            "clashing] over {debate_topic}.",
        ),
        "format": (
            "The {n_minutes}-minute debate, [broadcast|shown] by [state television|the public "
            "broadcaster] from a studio in {city}, was [moderated|chaired] by {p3}.",
            "Each candidate had {n_seconds} seconds to answer [questions|each question] "
            "[chosen|submitted] by [viewers|a panel of voters].",
        ),
        "clash": (
            "{p2_last} accused {lead_last} of [promising|offering] [tax cuts|handouts] "
            "the country could not afford.",
            "{lead_last} [said|argued] the opposition's plans for {debate_topic} would [cost|"
            "add] {amount} [to the deficit|a year].",
        ),
        "polls": (
            "A [snap|quick] poll [by|for] {pollster} [after the debate|afterwards] [gave|showed] "
            "{lead_last} {pct_win} percent against {pct_lose} percent for {p2_last}.",
            "[Opinion polls|Surveys] [put|show] the {party} [slightly|narrowly] ahead, with "
            "{pct_undecided} percent of voters still undecided.",
        ),
        "moment": (
            "[The sharpest exchange|The tensest moment] came when {p2_last} [held up|waved] a "
            "[chart|newspaper] showing [rents|food prices] in {city2}.",
            "[Both|The two] candidates [avoided|dodged] a question about {dodge_topic}, "
            "[drawing|prompting] [groans|laughter] from the studio audience.",
        ),
        "campaign": (
            "Campaigning [ends|closes] at midnight on {end_day}, and voting [takes place|is held] "
            "on {vote_day}.",
            "[Some|About] {n_voters} people are [registered|eligible] to vote, [according to|"
            "said] {org}.",
        ),
    },
    quotes=(
        ("lead", "I am not promising miracles, I am promising honesty"),
        ("p2", "Four more years of this would be four years too many"),
    ),
    about={
        "event": "the debate",
        "recap": "the televised debate in {month}",
        "unclear": "how many undecided voters the debate had swayed",
        "local_fear": "more of the same whoever wins",
        "image_desc": "the two candidates shaking hands before the cameras rolled",
        "hashtag": "{country}Debate",
    },
)
def _election_debate(rng: random.Random, f: dict[str, str]) -> None:
    topics = rng.sample(
        (
            "taxes",
            "housing",
            "pensions",
            "healthcare",
            "energy prices",
            "corruption",
            "jobs",
            "migration",
            "schools",
            "public debt",
        ),
        3,
    )
    f["debate_topic"], f["debate_topic2"], f["dodge_topic"] = topics
    f["n_days_to"] = NUMBER_WORDS[_lo_hi(rng, 3, 10)]
    f["n_minutes"] = str(rng.choice((60, 90, 120)))
    f["n_seconds"] = str(rng.choice((60, 90, 120)))
    f["amount"] = f"{rng.uniform(0.5, 6):.1f} billion {f['currency']}"
    f["pollster"] = _pick(rng, _POLLSTERS, f)
    win = _lo_hi(rng, 44, 58)
    f["pct_win"], f["pct_lose"] = str(win), str(100 - win - _lo_hi(rng, 4, 12))
    f["pct_undecided"] = str(_lo_hi(rng, 12, 30))
    f["n_voters"] = f"{rng.uniform(1.2, 24):.1f} million"
    when = date(int(f["year"]), int(f["month_num"]), 1)
    f["end_day"] = WEEKDAYS[(when.weekday() + rng.randint(2, 6)) % 7]
    f["vote_day"] = "Sunday"
    _cast(f, "p3", "presenter", _new_person(rng, f))


@_kind(
    "election.coalition",
    titles=(
        "{party} and {party3} [agree|seal|sign] coalition deal",
        "{lead_last} to [lead|head] new government after coalition [pact|agreement]",
        "Coalition deal [ends|closes] {n_weeks}-week [deadlock|stalemate]",
        "New cabinet: junior partner gets {n_posts} ministries",
        "[Deal done|Agreement at last]: who gets what in the new coalition",
        "New government sworn in [after|following] [months|weeks] of [haggling|talks]",
    ),
    captions=(
        "{lead} and {p3} sign the coalition agreement in {capital}",
        "{lead} is sworn in at the {parliament} in {capital}",
    ),
    facts={
        "lede": (
            "The {party} and the {party3} signed a coalition agreement {day_ref}, clearing the "
            "way for {lead_name} to form a government after {n_weeks} weeks of [talks|"
            "negotiations].",
            "{lead_name} [will lead|is to head] the next government after the {party3} "
            "[agreed to join|signed up to] a coalition {day_ref}, [ending|breaking] a "
            "{n_weeks}-week [deadlock|stalemate].",
        ),
        "posts": (
            "Under the [deal|agreement], the {party3} [gets|receives] {n_posts} of the "
            "{n_ministries} ministries, including [finance|justice|agriculture].",
            "{p3}, leader of the {party3}, [will become|is to become] deputy {leader_lower} "
            "and [minister of|take charge of] {p3_post}.",
        ),
        "majority": (
            "Together the two parties [hold|control] {n_coalition} of the {n_seats} seats in "
            "the {parliament}, a majority of {n_majority}.",
            "The coalition's [majority|margin] of {n_majority} seats [is|looks] [slim|thin], "
            "[analysts said|according to analysts].",
        ),
        "programme": (
            "The {n_pages}-page [programme|agreement] [promises|pledges] to [cut|freeze] "
            "{pledge_a} and to [raise|increase] {pledge_b}.",
            "[Key|Main] [pledges|promises] include {pledge_a_verb} and {pledge_b_verb}, "
            "according to the text.",
        ),
        "opposition": (
            "{p2} called the coalition [a marriage of convenience|an alliance of "
            "losers] and [predicted|said] it would not last.",
            "The {party2}, now the [largest|main] opposition party, [said|promised] it would "
            "[hold the government to account|oppose the budget].",
        ),
        "vote": (
            "The {parliament} is [due|expected] to [vote on|confirm] the new cabinet on "
            "{next_weekday}.",
            "{lead_last} [is to be|will be] sworn in [on {next_weekday}|next week], "
            "[officials said|according to {his} party].",
        ),
        "members": (
            "Members of the {party3} [approved|backed] the [deal|agreement] in an [online|"
            "internal] vote, with {pct_members} percent in favour.",
        ),
    },
    quotes=(
        ("lead", "This is a government of partners, not of winners and losers"),
        ("p3", "We did not join for the posts but for the programme"),
        ("p2", "This coalition was built on the backs of voters"),
    ),
    about={
        "event": "the coalition deal",
        "recap": "the coalition agreement signed in {month}",
        "unclear": "how long the coalition would hold together",
        "local_fear": "new taxes",
        "image_desc": "the two party leaders embracing after signing",
        "hashtag": "NewGovernment",
    },
)
def _election_coalition(rng: random.Random, f: dict[str, str]) -> None:
    seats = int(f["n_seats"])
    maj = _lo_hi(rng, 2, 24)
    f["n_coalition"] = str(seats // 2 + maj)
    f["n_majority"] = str(maj * 2)
    f["n_weeks"] = NUMBER_WORDS[_lo_hi(rng, 3, 10)]
    f["n_ministries"] = str(_lo_hi(rng, 14, 24))
    f["n_posts"] = NUMBER_WORDS[_lo_hi(rng, 3, 7)]
    f["n_pages"] = str(_lo_hi(rng, 40, 180))
    f["pct_members"] = str(_lo_hi(rng, 58, 91))
    f["p3_post"] = rng.choice(("the economy", "agriculture", "the interior", "energy", "justice"))
    a, b = rng.sample(
        (
            ("electricity prices", "freezing electricity prices"),
            ("income tax for low earners", "cutting income tax for low earners"),
            ("the minimum wage", "raising the minimum wage"),
            ("spending on hospitals", "building new hospitals"),
            ("pensions", "raising pensions"),
            ("the number of ministries", "cutting the number of ministries"),
        ),
        2,
    )
    f["pledge_a"], f["pledge_a_verb"] = a
    f["pledge_b"], f["pledge_b_verb"] = b
    _cast(f, "p3", f"{f['party3']} leader", _new_person(rng, f))


@_kind(
    "election.challenge",
    titles=(
        "Court orders recount in {n_districts_num} districts [after|over] fraud claims",
        "[Opposition|{party2}] [files|lodges] challenge to election result",
        "[Recount|Partial recount] [could change|may shift] balance in {parliament}",
        "Electoral commission chief [rejects|dismisses] [fraud|rigging] allegations",
        "[Protesters|Thousands] demand [recount|fresh vote] [outside|near] electoral commission",
    ),
    captions=(
        "Officials recount ballots in {city}",
        "{p2} speaks to supporters outside the Constitutional Court in {capital}",
    ),
    facts={
        "lede": (
            "The Constitutional Court ordered a recount in {n_districts_num} electoral "
            "districts {day_ref} after the {party2} [alleged|claimed] [irregularities|fraud] in "
            "the {elect_type} election.",
            "The {party2} [filed|lodged] a [formal|legal] challenge to the election result "
            "{day_ref}, [saying|claiming] that {n_ballots} ballots had been [wrongly|"
            "improperly] [counted|annulled].",
        ),
        "claims": (
            "{p2} [said|told reporters] that [ballot boxes|tally sheets] in {city2} had been "
            "[tampered with|altered] and that [observers|party monitors] had been [turned away|"
            "kept out].",
            "[According to|In] the [complaint|filing], {n_ballots} ballots were [declared "
            "invalid|thrown out] in districts where the {party2} [was strong|had led].",
        ),
        "commission": (
            "{p3}, [head|chair] of the electoral commission, [rejected|denied] the [claims|"
            "allegations] and said the count had been [transparent|checked twice].",
            "The commission [said|insisted] that [any|the] [errors|discrepancies] [were|had "
            "been] [minor|clerical] and [would not|could not] [change|affect] the result.",
        ),
        "stakes": (
            "A swing of {n_swing} seats [would|could] [deprive|cost] the {party} of its "
            "[lead|majority] in the {parliament}.",
            "[Only|Just] {n_margin} votes [separate|separated] the two parties in [some|several] "
            "of the disputed districts.",
        ),
        "street": (
            "[Hundreds|Several thousand] [supporters|protesters] [gathered|rallied] outside the "
            "commission's offices in the capital, [chanting|holding signs reading] \"Count every "
            'vote."',
        ),
        "timeline": (
            "The recount [must|is to] be completed [within|in] {n_days} days, the court said.",
            "[The court|Judges] [will hear|is to hear] the [challenge|case] on {next_weekday}.",
        ),
        "lead": (
            "{lead} called the challenge [a stunt|an attempt to overturn the will "
            "of voters] and said {he} [was confident|had no doubt] the result would stand.",
        ),
    },
    quotes=(
        ("p2", "We are not asking for favours, we are asking for the truth"),
        ("p3", "Every ballot was counted in front of witnesses"),
    ),
    about={
        "event": "the challenge to the result",
        "recap": "the court-ordered recount in {n_districts_num} districts in {month}",
        "unclear": "when a final result would be declared",
        "local_fear": "unrest if the result was overturned",
        "image_desc": "officials counting ballots under the eyes of party observers",
        "hashtag": "CountEveryVote",
    },
)
def _election_challenge(rng: random.Random, f: dict[str, str]) -> None:
    f["n_districts_num"] = str(_lo_hi(rng, 3, 28))
    f["n_ballots"] = _commas(_lo_hi(rng, 4000, 180000, 100))
    f["n_swing"] = NUMBER_WORDS[_lo_hi(rng, 2, 9)]
    f["n_margin"] = _commas(_lo_hi(rng, 40, 2400))
    f["n_days"] = NUMBER_WORDS[_lo_hi(rng, 5, 10)]
    _cast(f, "p3", "", _new_person(rng, f))


# ---- flood ---------------------------------------------------------------------------------


@_storyline("flood", "disaster", cross=("any.resign", "any.inquiry", "any.lawsuit", "any.poll"))
def _line_flood(t: random.Random, rng: random.Random, f: dict[str, str]) -> None:
    f["river"] = t.choice(RIVERS)
    f["region"] = (
        f"{t.choice(('northern', 'southern', 'eastern', 'western', 'central'))} {f['country']}"
    )
    f["region_short"] = f["region"].split()[0]
    _cast(
        f,
        "lead",
        t.choice(("Interior Minister", "Emergency Services Minister", "Environment Minister")),
        _new_person(t, f, True),
    )
    f["org"] = "the civil protection agency"
    f["org2"] = "the national weather service"
    f["affair"] = f"the floods in the {f['region_short']} region"
    f["affair_short"] = "the floods"


@_kind(
    "flood.hit",
    opening=True,
    titles=(
        "Floods kill {n_dead} in {region} as {river} River bursts its banks",
        "Thousands flee their homes as floods hit {city}",
        "{n_dead} dead, {n_missing} missing after [torrential|heavy] rain",
        "[Emergency declared|State of emergency] in {region_short} region after deadly floods",
        "[Rescuers|Boats and helicopters] search for missing as water [rises|spreads] in {city}",
        "'The water came in minutes': {city} [counts the cost|reels] after flash floods",
        "{river} [overflows|bursts its banks], [cutting off|isolating] {n_villages} villages",
    ),
    captions=(
        "Residents wade through a flooded street in {city}",
        "Rescue workers evacuate a family by boat in {city}",
        "An aerial view shows farmland submerged near {city}",
    ),
    facts={
        "lede": (
            "At least {n_dead} people were killed and {n_missing} were missing after [heavy|"
            "torrential] rain caused the {river} River to burst its banks in {region}, {lead} "
            "said {day_ref}.",
            "Floods [swept through|hit] {city} and {n_villages} surrounding villages {day_ref}, "
            "killing at least {n_dead} people and forcing {n_displaced} from their homes.",
            "The government declared a state of emergency in {region} {day_ref} after floods "
            "killed {n_dead} people and left {n_missing} missing, {org} said.",
        ),
        "rain": (
            "More than {rain_mm} millimetres of rain fell in {n_hours} hours, according to "
            "{org2}, more than the region usually [gets|sees] in a month.",
            "{org2_cap} said {rain_mm} millimetres of rain had fallen in {n_hours} hours, [a "
            "record for the area|the heaviest in decades].",
        ),
        "rescue": (
            "Rescue teams using boats and helicopters [evacuated|pulled] {n_rescued} people from "
            "rooftops and [flooded|submerged] homes.",
            "Soldiers were deployed to help [rescue|evacuate] residents, and {n_rescued} people "
            "had been taken to [safety|temporary shelters] by [evening|nightfall].",
        ),
        "displaced": (
            "Some {n_displaced} people are [staying in|sheltering in] schools and sports halls, "
            "and the authorities have [appealed for|asked for] blankets and drinking water.",
            "Officials said {n_displaced} residents had been moved to temporary shelters in "
            "{city2}.",
        ),
        "damage": (
            "The water [washed away|destroyed] {n_bridges} bridges and [cut|severed] the main "
            "road between {city} and {city2}.",
            "[Power|Electricity] was cut to about {n_homes} homes, and [mobile networks|phone "
            "lines] were down in [several|many] villages.",
        ),
        "mayor": (
            '"The water came so fast that people had no time to take anything," said {p2}.',
            "{p2} said parts of the town had been without electricity for {n_hours} hours.",
            "{p2} [criticised|questioned] the authorities for failing to [clear|maintain] "
            "[drainage channels|flood defences] before the rainy season.",
        ),
        "farms": (
            "[Farmers|Growers] [said|feared] that [most of|much of] the [wheat|maize|rice] "
            "harvest in the valley had been [lost|ruined], along with [livestock|thousands of "
            "animals].",
            "Some {n_hectares} hectares of farmland were [under water|flooded], according to "
            "the agriculture ministry.",
        ),
        "forecast": (
            "Forecasters [warned|expect] more rain in the coming days, [raising fears|and "
            "officials fear] that the river could rise again.",
            "{org2_cap} [issued|kept] a red alert for the region [until|through] {next_weekday}.",
            "It was the deadliest flooding since {hist_year}, when {n_dead_hist} people were "
            "killed.",
        ),
    },
    quotes=(
        ("lead", "Our priority is to reach everyone who is still cut off"),
        ("lead", "The death toll could rise. We are still counting"),
        ("p2", "We have lost everything in one night"),
    ),
    about={
        "event": "the flooding",
        "recap": "the [floods|flooding] in {month} that killed {n_dead} people",
        "unclear": "when the water would recede",
        "local_fear": "another night of rain",
        "image_desc": "cars floating down flooded streets",
        "hashtag": "{city_tag}Floods",
    },
)
def _flood_hit(rng: random.Random, f: dict[str, str]) -> None:
    _cast(f, "p2", f"{f['city']} Mayor", _new_person(rng, f))
    f["n_dead"] = str(_lo_hi(rng, 3, 64))
    f["n_missing"] = str(_lo_hi(rng, 2, 40))
    f["n_dead_hist"] = str(_lo_hi(rng, 20, 200))
    f["n_displaced"] = _commas(_lo_hi(rng, 1200, 85000, 100))
    f["n_rescued"] = _commas(_lo_hi(rng, 60, 4000, 10))
    f["n_villages"] = (
        NUMBER_WORDS[_lo_hi(rng, 3, 10)] if rng.random() < 0.5 else str(_lo_hi(rng, 11, 60))
    )
    f["n_bridges"] = NUMBER_WORDS[_lo_hi(rng, 2, 9)]
    f["n_homes"] = _commas(_lo_hi(rng, 3000, 90000, 500))
    f["n_hectares"] = _commas(_lo_hi(rng, 2000, 60000, 500))
    f["rain_mm"] = str(_lo_hi(rng, 90, 400))
    f["n_hours"] = rng.choice(("24", "36", "48", "12"))
    f["hist_year"] = str(int(f["year"]) - rng.randint(5, 40))


@_kind(
    "flood.aid",
    titles=(
        "Government [approves|unveils] {amount} aid package for flood victims",
        "Flood-hit families to get {payment} each, {lead_last} says",
        "[Slow aid|Aid delays] [anger|frustrate] flood victims in {city}",
        "[Rebuilding|Reconstruction] plan [promises|pledges] {n_houses} new homes [after|by] "
        "[spring|next year]",
        "{n_households} households [apply|have applied] for flood compensation",
        "[Cash|Money] for flood victims: who gets what",
    ),
    captions=(
        "Volunteers hand out food parcels in {city}",
        "Residents clear mud from a house in {city}",
    ),
    facts={
        "lede": (
            "The government approved an aid package of {amount} {day_ref} for [families|"
            "households] [hit by|affected by] last month's floods, {lead} said.",
            "Families whose homes were [destroyed|damaged] in the [floods|flooding] will receive up to "
            "{payment} each under a [compensation|relief] plan [announced|unveiled] {day_ref}.",
            "{lead} [announced|presented] {day_ref} a {amount} [plan|programme] to [rebuild|"
            "repair] homes, roads and bridges [wrecked|destroyed] by the [floods|flooding].",
        ),
        "who": (
            "[About|Some] {n_households} households have [applied|registered] for [help|"
            "compensation] so far, [according to|said] {p3}, who [heads|is in charge of] the "
            "[scheme|programme].",
            "Payments will [start|begin] on {start_date} and [go first|be paid first] to "
            "families [whose homes were destroyed|with children and elderly members].",
        ),
        "rebuild": (
            "The plan [includes|foresees] {n_houses} new [houses|homes] [on higher ground|away "
            "from the river] and the repair of {n_km} kilometres of [roads|embankments].",
            "[Engineers|Officials] [will|are to] [rebuild|raise] {n_km} kilometres of "
            "[embankments|levees] [along|beside] the river, at a cost of {amount_levee}.",
        ),
        "complaints": (
            "[Residents|Families] in {city} [complained|said] they had [waited|been waiting] "
            "[weeks|nearly a month] [for|without] [any help|a visit from officials].",
            "{resident_b}, whose [house|shop] in {city} was [ruined|flooded], said [forms|the "
            "paperwork] [were|was] [too complicated|impossible to fill in] [for|without] "
            "[documents|papers] lost in the water.",
        ),
        "funding": (
            "[Part of|Some of] the money [will come|comes] from [an emergency reserve|a "
            "reallocation of the roads budget], and the rest from [a loan|{bloc}].",
            "{bloc_cap} [pledged|promised] {amount_bloc} [towards|for] [reconstruction|the "
            "relief effort].",
        ),
        "cleanup": (
            "[Volunteers|Students and soldiers] [shovelled|cleared] mud from [streets|homes] in "
            "{city2}, where [the water|floodwater] [reached|rose to] [the first floor|{n_metres} "
            "metres].",
            "[Skips|Piles] of [ruined furniture|soaked mattresses] [lined|stood in] the streets "
            "of {city2}.",
        ),
        "critics": (
            "{opp} called the package [too small|too late] and [demanded|called for] "
            "[a full audit|more money] [for|of] [flood defences|spending].",
        ),
    },
    quotes=(
        ("lead", "Nobody who lost a home will be left alone this winter"),
        ("p3", "We want the money in people's accounts within weeks, not months"),
    ),
    about={
        "event": "the aid package",
        "recap": "the flood aid package approved in {month}",
        "unclear": "when the first payments would arrive",
        "local_fear": "spending the winter in temporary shelters",
        "image_desc": "volunteers handing out food parcels",
        "hashtag": "FloodRelief",
    },
)
def _flood_aid(rng: random.Random, f: dict[str, str]) -> None:
    f["amount"] = f"{_lo_hi(rng, 80, 900, 5)} million {f['currency']}"
    f["amount_levee"] = f"{_lo_hi(rng, 20, 200)} million {f['currency']}"
    f["amount_bloc"] = f"{_lo_hi(rng, 10, 150)} million {f['currency']}"
    f["payment"] = f"{_commas(_lo_hi(rng, 2000, 25000, 500))} {f['currency']}"
    f["n_households"] = _commas(_lo_hi(rng, 2000, 40000, 50))
    f["n_houses"] = _commas(_lo_hi(rng, 300, 6000, 50))
    f["n_km"] = str(_lo_hi(rng, 12, 140))
    f["n_metres"] = rng.choice(("two", "1.5", "three"))
    nd = date(int(f["year"]), int(f["month_num"]), 1) + timedelta(days=rng.randint(10, 45))
    f["start_date"] = f"{nd.day} {MONTHS[nd.month - 1]}"
    f["resident_b"] = _new_person(rng, f).name
    _cast(f, "p3", "", _new_person(rng, f))


@_kind(
    "flood.blame",
    titles=(
        "Report blames [dam operator|officials] for [deadly|lethal] floods",
        "[Warnings ignored|Ignored warnings]: inquiry [finds|says] floods could have been "
        "[limited|avoided]",
        "{n_suspended} officials suspended over flood [failures|response]",
        "Dam [released|opened] too late, [engineers|experts] say",
        "[Audit|Inspectors] [find|found] flood defences [neglected|unfinished] for years",
    ),
    captions=(
        "The dam at {dam_town}",
        "An embankment breached by the flood near {city}",
    ),
    facts={
        "lede": (
            "[An official report|A government-commissioned report] [published|released] "
            "{day_ref} [blamed|faulted] the operator of the {dam_town} dam for [opening its "
            "gates|releasing water] too late during the [floods|flooding].",
            "{n_suspended_cap} officials were suspended {day_ref} after inspectors found that "
            "warnings [about|of] the rising river had sat [unread|unanswered] for "
            "{n_hours_delay} hours.",
        ),
        "findings": (
            "The {n_pages}-page report said [sirens|alarms] in {n_villages_b} villages [never "
            "sounded|failed], and that [evacuation orders|warnings] [reached|came to] [residents|"
            "villages] [after|only once] the water had arrived.",
            "According to the report, {n_pct_spent} percent of money set aside for flood "
            "defences since {since_year} had [not been spent|gone unspent].",
        ),
        "inspector": (
            "{p3}, who [led|headed] the [inspection|investigation], said the [failures|"
            'mistakes] were "[systemic|not the fault of one person]".',
            "{p3_last} [told|said to] reporters that the [gauges|river sensors] upstream had "
            "[not been|never been] [connected|maintained].",
        ),
        "operator": (
            "The dam's operator, {operator_co}, [rejected|disputed] the findings and said its "
            "staff had [followed|complied with] [the rules|protocol].",
            "{operator_co} said it [would study|was studying] the report and [had|has] "
            "[already|] [replaced|changed] its [warning|alert] procedures.",
        ),
        "suspended": (
            "Those suspended [include|included] the [head|director] of the regional [water "
            "authority|civil protection office] and [two|three] of {his_p3} deputies.",
            "[Prosecutors|The prosecutor's office] [said|announced] it would [examine|review] "
            "the report [to decide|and decide] whether [criminal charges|charges] [were|are] "
            "[warranted|justified].",
        ),
        "families": (
            "[Relatives|Families] of the [victims|dead] [said|told reporters] the report "
            "[confirmed|proved] what they had [said|suspected] [from the start|for weeks].",
        ),
    },
    quotes=(
        ("p3", "People died because a warning sat on a desk"),
        ("lead", "Those responsible will answer for this, whatever their rank"),
    ),
    about={
        "event": "the report",
        "recap": "the report in {month} that blamed the dam operator",
        "unclear": "whether anyone would face charges",
        "local_fear": "the same thing happening next winter",
        "image_desc": "the dam's spillway with its gates open",
        "hashtag": "FloodReport",
    },
)
def _flood_blame(rng: random.Random, f: dict[str, str]) -> None:
    f["dam_town"] = _town(rng, f["country"])
    f["n_suspended"] = NUMBER_WORDS[_lo_hi(rng, 3, 9)]
    f["n_suspended_cap"] = _cap(f["n_suspended"])
    f["n_hours_delay"] = NUMBER_WORDS[_lo_hi(rng, 3, 10)]
    f["n_pages"] = str(_lo_hi(rng, 40, 260))
    f["n_villages_b"] = str(_lo_hi(rng, 6, 30))
    f["n_pct_spent"] = str(_lo_hi(rng, 30, 75))
    f["since_year"] = str(int(f["year"]) - rng.randint(4, 12))
    f["operator_co"] = rng.choice(
        (
            "Hydrogen Power",
            "the state water company",
            "Riverline Energy",
            "the regional hydro authority",
        )
    )
    _cast(f, "p3", "chief inspector", _new_person(rng, f))


@_kind(
    "flood.return",
    titles=(
        "[Families return|Residents go back] to [mud-filled|ruined] homes [in|around] {city}",
        "[Disease fears|Health warning] as floodwater [recedes|drains away]",
        "{n_cases} cases of [diarrhoea|stomach illness] reported [in|at] flood shelters",
        "[Clean-up|Mud and grief]: {city} begins to [rebuild|recover]",
        "Schools reopen in {city2} [weeks|a month] after floods",
    ),
    captions=(
        "A woman cleans her flooded kitchen in {city}",
        "A medical team vaccinates children at a shelter in {city2}",
    ),
    facts={
        "lede": (
            "[Hundreds|Thousands] of families [returned|began returning] to their homes in "
            "{city} {day_ref} as floodwater receded, finding [walls|floors] [coated|caked] in "
            "mud.",
            "Health officials [warned|raised the alarm] {day_ref} about [disease|infections] "
            "[in|at] [shelters|camps] for flood victims, reporting {n_cases} cases of "
            "[diarrhoea|stomach illness] [in a week|since {prev_weekday}].",
        ),
        "health": (
            "{p3}, a doctor [at|running] a [clinic|field hospital] in {city2}, said [most|many] "
            "of the patients were children.",
            "[Medical teams|Health workers] [vaccinated|gave tetanus shots to] {n_vaccinated} "
            "people and [handed out|distributed] [water purification tablets|hygiene kits].",
        ),
        "homes": (
            "[About|Some] {n_unsafe} houses [were declared|have been declared] unsafe [and "
            "will be|and must be] [demolished|pulled down].",
            "[Engineers|Inspectors] [were checking|went door to door to check] [homes|"
            "buildings] for [cracks|structural damage] [before|ahead of] [residents|families] "
            "[could move back|were allowed back].",
        ),
        "school": (
            "Schools in {city2} [reopened|will reopen] {day_ref_next}, [though|but] [some|"
            "several] [are still|remain] [used as shelters|housing families].",
        ),
        "scene": (
            "[Along|In] [the high street|the main street] of {city}, [shopkeepers|owners] "
            "[threw out|dragged out] [ruined stock|soaked goods] and [hosed down|scrubbed] "
            "[floors|walls].",
            "[The smell|A stench] of [mud|rotting food] [hung|lingered] over [the town|the "
            "streets], [and|while] [army trucks|bulldozers] [cleared|carted away] debris.",
        ),
        "weather": (
            "[Dry weather|Sunshine] is forecast for the [rest of the week|coming days], "
            "[giving|offering] [a respite|some relief] [to|for] [clean-up crews|residents].",
        ),
    },
    quotes=(
        ("p3", "The water has gone, but the danger has not"),
        ("resident_c", "Thirty years of our lives were in this house"),
    ),
    about={
        "event": "the clean-up",
        "recap": "the return of families to flooded homes in {month}",
        "unclear": "how many families would be able to stay",
        "local_fear": "mould and disease",
        "image_desc": "residents shovelling mud out of their homes",
        "hashtag": "{city_tag}Recovers",
    },
)
def _flood_return(rng: random.Random, f: dict[str, str]) -> None:
    f["n_cases"] = str(_lo_hi(rng, 40, 900))
    f["n_vaccinated"] = _commas(_lo_hi(rng, 500, 20000, 50))
    f["n_unsafe"] = str(_lo_hi(rng, 30, 900))
    f["day_ref_next"] = "on " + f["next_weekday"]
    _cast(f, "p3", "Dr.", _new_person(rng, f))
    _cast(f, "resident_c", "resident", _new_person(rng, f))


# ---- earthquake ----------------------------------------------------------------------------


@_storyline(
    "quake",
    "disaster",
    cross=("any.inquiry", "any.lawsuit", "any.poll", "any.resign"),
    anaphora={"country": "the country", "epicentre": "the town"},
)
def _line_quake(t: random.Random, rng: random.Random, f: dict[str, str]) -> None:
    f["region"] = f"{t.choice(('northern', 'southern', 'eastern', 'western'))} {f['country']}"
    f["region_short"] = f["region"].split()[0]
    f["epicentre"] = f["tcity"]
    f["epicentre_tag"] = f["epicentre"].replace(" ", "").replace("-", "")
    _cast(f, "lead", t.choice((f["leader"], "Interior Minister")), _new_person(t, f, True))
    _cast(f, "p2", "Rescue Service chief", _new_person(t, f, True))
    f["org"] = "the emergencies ministry"
    f["seismo"] = "the National Seismological Institute"
    f["seismo_cap"] = _cap(f["seismo"])
    f["org2"] = "the rescue service"
    f["affair"] = f"the earthquake near {f['epicentre']}"
    f["affair_short"] = "the earthquake"


@_kind(
    "quake.hit",
    opening=True,
    titles=(
        "Magnitude {magnitude} [earthquake|quake|tremor] strikes {region}, killing {n_dead}",
        "Earthquake near {epicentre} leaves {n_dead} dead and hundreds homeless",
        "Rescuers dig through rubble after [powerful|strong] quake",
        "Death toll from {region_short} [earthquake|quake|tremor] rises to {n_dead}",
        "Strong quake [shakes|rattles] capital; dozens of buildings collapse in {epicentre}",
        "[Night of terror|Panic] in {epicentre} as [quake|tremor] [flattens|topples] homes",
    ),
    captions=(
        "Rescuers search through the rubble of a collapsed building in {epicentre}",
        "Residents gather in an open square after the [earthquake|quake|tremor] in {epicentre}",
    ),
    facts={
        "lede": (
            "A magnitude {magnitude} [earthquake|quake|tremor] struck {region} {day_ref}, killing at least "
            "{n_dead} people and injuring {n_injured}, {org2} said.",
            "At least {n_dead} people died when a [powerful|strong] [earthquake|quake|tremor] [hit|shook] the "
            "area around {epicentre} {day_ref}, [bringing down|toppling] {n_buildings} "
            "buildings.",
            "Rescuers [searched|dug] through the rubble of [collapsed|flattened] homes in "
            "{epicentre} {day_ref} after a magnitude {magnitude} quake killed {n_dead} people.",
        ),
        "science": (
            "{seismo_cap} said the quake [struck|hit] at a depth of {depth} kilometres, with its "
            "epicentre about {distance} kilometres from {epicentre}.",
            "{seismo_cap} recorded {n_aftershocks} aftershocks, the strongest of magnitude "
            "{magnitude_after}.",
        ),
        "damage": (
            "In all, {n_buildings} buildings collapsed and [many more|hundreds more] were "
            "damaged, [including|among them] a school and the main hospital.",
            "[Power and water|Electricity and telephone lines] were cut across much of the "
            "town, and landslides blocked roads to [several|some] villages.",
        ),
        "lead": (
            "{lead} declared {n_days_mourning} days of national mourning and [promised|pledged] "
            "{amount} for reconstruction.",
            "{lead_last} said the army had been [deployed|ordered] to help with the search and "
            "to set up [field hospitals|tent camps].",
        ),
        "rescuers": (
            "{p2} said teams were still [hearing voices|receiving calls] from people trapped "
            "under the rubble.",
            "{p2} said {n_rescued} people had been pulled alive from collapsed buildings, and "
            "that {n_rescuers} rescuers were working in shifts.",
        ),
        "hospitals": (
            "[Hospitals|Clinics] in {city2} [were overwhelmed|struggled to cope] and appealed "
            "for blood donations.",
            "Some {n_displaced} people spent the night in [tents|the open], [fearing|afraid of] "
            "aftershocks.",
        ),
        "aid": (
            "{bloc_cap} [offered|sent] search-and-rescue teams and [promised|pledged] emergency "
            "aid.",
            "[Teams|Rescuers] from [several|{n_countries}] countries [arrived|were on their way] "
            "with [sniffer dogs|heavy lifting gear].",
        ),
    },
    quotes=(
        ("lead", "We are doing everything possible to find survivors"),
        ("p2", "Every hour counts. We will not stop while there is hope"),
    ),
    about={
        "event": "the [earthquake|quake|tremor]",
        "recap": "the [earthquake|quake|tremor] in {month} that killed {n_dead} people",
        "unclear": "how many people were still trapped",
        "local_fear": "more aftershocks",
        "image_desc": "rescuers forming a human chain to clear debris",
        "hashtag": "{epicentre_tag}Earthquake",
    },
)
def _quake_hit(rng: random.Random, f: dict[str, str]) -> None:
    f["magnitude"] = f"{rng.uniform(5.1, 7.6):.1f}"
    f["magnitude_after"] = f"{rng.uniform(3.5, 5.0):.1f}"
    f["n_dead"] = str(_lo_hi(rng, 4, 180))
    f["n_injured"] = _commas(_lo_hi(rng, 30, 2500))
    f["n_buildings"] = str(_lo_hi(rng, 12, 400))
    f["depth"] = str(_lo_hi(rng, 6, 60))
    f["distance"] = str(_lo_hi(rng, 8, 70))
    f["n_aftershocks"] = str(_lo_hi(rng, 5, 120))
    f["n_days_mourning"] = NUMBER_WORDS[rng.choice((3, 3, 7))]
    f["n_rescuers"] = _commas(_lo_hi(rng, 200, 6000, 50))
    f["n_rescued"] = str(_lo_hi(rng, 9, 300))
    f["n_displaced"] = _commas(_lo_hi(rng, 2000, 60000, 100))
    f["n_countries"] = NUMBER_WORDS[_lo_hi(rng, 3, 9)]
    f["amount"] = f"{_lo_hi(rng, 50, 900)} million {f['currency']}"


@_kind(
    "quake.rescue_end",
    titles=(
        "Search for survivors [called off|ends] [as|with] death toll [reaching|at] {n_dead}",
        "[Girl|Boy|Woman|Man] pulled alive from rubble after {n_days_trapped} days",
        "[Rescue phase|Search] over in {epicentre}; [focus turns to|attention shifts to] "
        "[shelter|survivors]",
        "'[A miracle|Miracle]': rescuers cheer as {survivor_age}-year-old [freed|saved]",
        "Final [toll|count]: {n_dead} dead, {n_injured} injured in [quake|earthquake]",
    ),
    captions=(
        "Rescuers carry a survivor from the rubble in {epicentre}",
        "Rescue workers rest in {epicentre}",
    ),
    facts={
        "lede": (
            "Rescuers [called off|ended] the search for survivors {day_ref}, {n_days_after} days "
            "after the [earthquake|quake|tremor], with the [confirmed|official] death toll at {n_dead}.",
            "A {survivor_age}-year-old [was pulled|was freed] alive from the rubble of "
            "[an apartment block|a collapsed house] in {epicentre} {day_ref}, {n_days_trapped} "
            "days after the [quake|earthquake], as the search [drew to a close|wound down].",
        ),
        "miracle": (
            "[Crowds|Neighbours] [cheered|applauded] as [the|a] [survivor|{survivor_age}-year-"
            "old] was [carried|lifted] out on a stretcher, [wrapped|covered] in a [foil|"
            "thermal] blanket.",
            "[Doctors|Medics] said the survivor was [dehydrated|weak] but [conscious|in stable "
            "condition] and had [survived|lived] on [rainwater|a bottle of water].",
        ),
        "toll": (
            "[The|Officials said the] final [toll|count] [stood at|was] {n_dead} dead and "
            "{n_injured} injured, with {n_missing_end} people still [unaccounted for|missing].",
        ),
        "teams": (
            "{p2} [thanked|praised] {n_rescuers} rescuers, [including|among them] teams from "
            "{n_countries} countries, and said [heavy machinery|bulldozers] would now [begin|"
            "start] clearing [debris|the rubble].",
        ),
        "shelter": (
            "[About|Some] {n_tents} tents have been [set up|put up] in [parks|stadiums] for "
            "families [whose homes|who lost their homes], [officials said|according to "
            "officials].",
            "[Aid groups|Charities] [warned|said] that [cold nights|the coming winter] "
            "[posed|would pose] a [new|fresh] [danger|risk] for [those|families] in tents.",
        ),
        "grief": (
            "[Funerals|Burials] [continued|went on] in {epicentre}, where [rows of|dozens of] "
            "fresh graves [lined|filled] the [hillside|cemetery].",
        ),
    },
    quotes=(
        ("p2", "We kept digging because we never stopped hearing hope"),
        ("lead", "Now we must give every family a roof before winter"),
    ),
    about={
        "event": "the end of the search",
        "recap": "the end of the rescue operation in {month}",
        "unclear": "how many families would spend the winter in tents",
        "local_fear": "the cold nights in the tent camps",
        "image_desc": "rescuers carrying a survivor wrapped in a blanket",
        "hashtag": "{epicentre_tag}Rescue",
    },
)
def _quake_rescue_end(rng: random.Random, f: dict[str, str]) -> None:
    f["n_dead"] = str(_lo_hi(rng, 40, 900))
    f["n_injured"] = _commas(_lo_hi(rng, 300, 6000))
    f["n_missing_end"] = str(_lo_hi(rng, 3, 60))
    f["n_days_after"] = NUMBER_WORDS[_lo_hi(rng, 7, 10)] if rng.random() < 0.6 else "12"
    f["n_days_trapped"] = NUMBER_WORDS[_lo_hi(rng, 4, 9)]
    f["survivor_age"] = str(_lo_hi(rng, 4, 82))
    f["n_rescuers"] = _commas(_lo_hi(rng, 800, 9000, 50))
    f["n_countries"] = NUMBER_WORDS[_lo_hi(rng, 3, 10)]
    f["n_tents"] = _commas(_lo_hi(rng, 800, 15000, 50))


@_kind(
    "quake.builders",
    titles=(
        "{n_detained} builders detained over collapsed buildings",
        "[Cheap concrete|Shoddy building] [blamed|under scrutiny] after quake deaths",
        "Prosecutors [target|go after] contractors [behind|who built] [flattened|collapsed] blocks",
        "[Arrest warrants|Warrants] issued for {n_warrants} [developers|contractors]",
        "Why did [new|modern] buildings [fall|collapse] in {epicentre}?",
    ),
    captions=(
        "Police escort a detained contractor in {capital}",
        "The remains of an apartment block in {epicentre}",
    ),
    facts={
        "lede": (
            "Police detained {n_detained} [builders|contractors] and [developers|engineers] "
            "{day_ref} over the collapse of [apartment blocks|buildings] that [killed|crushed] "
            "[hundreds of|dozens of] people in the [earthquake|quake|tremor], prosecutors said.",
            "[Prosecutors|The chief prosecutor] [issued|ordered] arrest warrants for "
            "{n_warrants} contractors {day_ref}, accusing them of [using|building with] "
            "[substandard|cheap] materials.",
        ),
        "evidence": (
            "[Investigators|Experts] [took|collected] [samples|core samples] of concrete from "
            "{n_sites} [sites|collapsed buildings] and found [too little|not enough] steel "
            "[reinforcement|in the columns].",
            "[Some|Several] of the [blocks|buildings] had been [completed|built] [only|as "
            "recently as] {built_year} and [certified|approved] as [quake-proof|compliant].",
        ),
        "prosecutor": (
            "{p3} said [the investigation|inquiries] [covered|concerned] {n_sites} buildings "
            "and [could|might] [widen|extend] to [officials|inspectors] who [signed off|"
            "approved] the [plans|permits].",
        ),
        "detained": (
            "Among those [detained|held] was {p4}, [whose company|a developer whose firm] "
            "built [three|several] of the [blocks|towers] that [fell|collapsed] in {epicentre}.",
            "{p4} was [stopped|detained] at the airport [trying|while trying] to [leave|board a "
            "flight out of] the country, [police said|according to police].",
        ),
        "amnesty": (
            "[Critics|Engineers] [pointed to|blamed] a [building|zoning] amnesty [passed|"
            "approved] in {amnesty_year} that [legalised|allowed] [thousands of|unlicensed] "
            "[buildings|extra floors].",
        ),
        "victims": (
            "[Relatives|Families] of the dead [gathered|waited] outside the [court|prosecutor's "
            "office] [holding|carrying] [photographs|portraits] of [the victims|their "
            "children].",
        ),
    },
    quotes=(
        ("p3", "The [earthquake|quake|tremor] did not kill these people. Bad buildings did"),
        ("p4", "We built everything according to the approved plans"),
    ),
    about={
        "event": "the arrests",
        "recap": "the arrest of builders over collapsed blocks in {month}",
        "unclear": "whether officials who approved the buildings would be charged",
        "local_fear": "living in buildings that might not be safe",
        "image_desc": "a contractor led in handcuffs into the prosecutor's office",
        "hashtag": "JusticeFor{epicentre_tag}",
    },
)
def _quake_builders(rng: random.Random, f: dict[str, str]) -> None:
    f["n_detained"] = str(_lo_hi(rng, 6, 48))
    f["n_warrants"] = str(_lo_hi(rng, 8, 60))
    f["n_sites"] = str(_lo_hi(rng, 12, 90))
    f["built_year"] = str(int(f["year"]) - rng.randint(1, 6))
    f["amnesty_year"] = str(int(f["year"]) - rng.randint(4, 12))
    _cast(f, "p3", "chief prosecutor", _new_person(rng, f))
    _cast(f, "p4", "", _new_person(rng, f))


@_kind(
    "quake.rebuild",
    titles=(
        "Government [unveils|presents] plan to [rebuild|build] {n_homes} homes after quake",
        "[Donors|Donor conference] [pledge|pledges] {amount} for quake [reconstruction|recovery]",
        "[Tent city|Container town] [rises|opens] [outside|near] {epicentre}",
        "[New|Quake-proof] homes [promised|pledged] [within|in] {n_months} months",
        "[Rebuilding|Reconstruction] of {epicentre} to cost {amount}",
    ),
    captions=(
        "Workers set up container homes near {epicentre}",
        "{lead} visits a reconstruction site near {epicentre}",
    ),
    facts={
        "lede": (
            "{lead} [unveiled|presented] a plan {day_ref} to build {n_homes} [homes|houses] "
            "for families left homeless by the [earthquake|quake|tremor], at a cost of {amount}.",
            "[Donors|Governments and aid agencies] [pledged|promised] {amount} at a "
            "[conference|meeting] in the capital {day_ref} to [rebuild|help rebuild] "
            "{epicentre} and surrounding villages.",
        ),
        "design": (
            "The new [houses|buildings] will [be|have] [no more than|at most] {n_floors} "
            "[floors|storeys] and [meet|follow] [stricter|new] [earthquake|seismic] [codes|"
            "rules], [officials said|according to the plan].",
        ),
        "containers": (
            "[About|Some] {n_containers} [container homes|prefabricated units] [are being|will "
            "be] [set up|installed] [on|at] [a former airfield|football pitches] outside "
            "{epicentre}.",
        ),
        "timeline": (
            "The first [families|residents] [should|are due to] [move in|get keys] [within|in] "
            "{n_months} months, {p3} said.",
            "[Construction|Work] [will|is to] [begin|start] in {start_month} [on|at] {n_sites} "
            "[sites|locations] [chosen|selected] [for their|on] [solid ground|stable soil].",
        ),
        "sceptics": (
            "[Residents|Survivors] [living|still living] in tents were [sceptical|doubtful], "
            "[recalling|pointing to] [promises|pledges] made after [an earlier|a previous] "
            "[quake|disaster] in {hist_year}.",
        ),
        "donors": (
            "[The biggest|Large] [pledges|contributions] [came from|were made by] {bloc} and "
            "[neighbouring|nearby] {partner}, [which promised|pledging] {amount_partner}.",
        ),
    },
    quotes=(
        ("lead", "We will not rebuild the mistakes of the past"),
        ("p3", "Every new home will be built to withstand a quake stronger than this one"),
    ),
    about={
        "event": "the reconstruction plan",
        "recap": "the plan in {month} to build {n_homes} homes for quake survivors",
        "unclear": "how quickly building could begin",
        "local_fear": "years in temporary housing",
        "image_desc": "rows of white container homes on a former airfield",
        "hashtag": "Rebuild{epicentre_tag}",
    },
)
def _quake_rebuild(rng: random.Random, f: dict[str, str]) -> None:
    f["n_homes"] = _commas(_lo_hi(rng, 1500, 40000, 100))
    f["amount"] = f"{rng.uniform(0.4, 6):.1f} billion {f['currency']}"
    f["amount_partner"] = f"{_lo_hi(rng, 20, 400)} million {f['currency']}"
    f["n_floors"] = NUMBER_WORDS[_lo_hi(rng, 3, 5)]
    f["n_containers"] = _commas(_lo_hi(rng, 500, 12000, 50))
    f["n_months"] = NUMBER_WORDS[_lo_hi(rng, 6, 10)] if rng.random() < 0.6 else "18"
    f["n_sites"] = str(_lo_hi(rng, 4, 40))
    f["start_month"] = MONTHS[(int(f["month_num"]) + rng.randint(0, 3)) % 12]
    f["hist_year"] = str(int(f["year"]) - rng.randint(8, 30))
    _cast(f, "p3", "Reconstruction Minister", _new_person(rng, f))


# ---- court ---------------------------------------------------------------------------------

_CHARGES = (
    "embezzling {amount} in public funds",
    "accepting bribes from construction firms",
    "abuse of office",
    "laundering {amount} through shell companies",
    "rigging public tenders worth {amount}",
    "illegally financing a party campaign",
)


@_storyline(
    "court", "politics", cross=("any.poll",), anaphora={"country": "the country", "court": "court"}
)
def _line_court(t: random.Random, rng: random.Random, f: dict[str, str]) -> None:
    f["amount"] = f"{t.randrange(3, 241)} million {f['currency']}"
    charges = t.choice(_CHARGES)
    f["charges"] = charges.format_map(f)
    f["charges_short"] = (
        charges.split(" {")[0]
        .replace("embezzling", "embezzlement")
        .replace("laundering", "money laundering")
        .replace("rigging", "rigging tenders")
        .replace(" public tenders worth", "")
    )
    f["court"] = t.choice(("Criminal Court", "Anti-Corruption Court", "High Court"))
    _cast(
        f,
        "p2",
        t.choice(
            (
                "transport minister",
                "finance minister",
                "city mayor",
                "deputy prime minister",
                "health minister",
            )
        ).format_map(f),
        _new_person(t, f, True),
    )
    f["p2"] = f"former {f['p2_role']} {f['p2_name']}"
    f["lawyer"] = _new_person(t, f, True).name
    f["left_year"] = str(int(f["year"]) - t.randint(1, 6))
    f["org"] = "the prosecutor's office"
    f["org2"] = f"{f['p2_last']}'s defence team"
    f["affair"] = f"the corruption case against {f['p2_name']}"
    f["affair_short"] = f"the {f['p2_last']} case"
    f["lead"] = f["lead_name"] = f["lead_last"] = f["p2_name"]


@_kind(
    "court.arrest",
    opening=True,
    titles=(
        "Former {p2_role} {p2_last} arrested in [corruption|graft] [probe|inquiry]",
        "[Police|Anti-corruption officers] raid home of ex-{p2_role} {p2_last}",
        "{p2_name} detained [over|on suspicion of] {charges_short}",
        "[Dawn raid|Raids]: {p2_last} [held|taken into custody], {n_others} others [questioned|"
        "detained]",
        "[Graft probe|Investigation] [reaches|closes in on] former {p2_role}",
    ),
    captions=(
        "Police officers carry boxes from the home of {p2_name} in {city}",
        "{p2} is escorted by police in {city}",
    ),
    facts={
        "lede": (
            "Anti-corruption police arrested former {p2_role} {p2_name} {day_ref} [on suspicion "
            "of|over allegations of] {charges}, {org} said.",
            "[Officers|Investigators] [raided|searched] the home of {p2_name} in {city} {day_ref} "
            "and [detained|took] the former {p2_role} [for questioning|into custody].",
        ),
        "raid": (
            "[Officers|Police] [carried out|removed] [boxes of documents|computers and phones] "
            "and [seized|found] {cash} in cash [in a safe|hidden in the garage], [according to|"
            "said] {p3}.",
            "[Searches|Raids] were [carried out|conducted] at {n_sites} [addresses|properties], "
            "[including|among them] [a holiday villa|offices of a construction firm].",
        ),
        "others": (
            "{n_others_cap} other people, [including|among them] [a former deputy|two former "
            "aides] and a [businessman|contractor], were also [detained|questioned].",
        ),
        "suspicion": (
            "[Investigators|Prosecutors] [suspect|believe] that {p2_last} [steered|directed] "
            "contracts worth {amount_contracts} to [firms|companies] [linked to|owned by] "
            "[relatives|associates] while in office until {left_year}.",
        ),
        "lawyer": (
            "{p2_last}'s lawyer, {lawyer}, called the arrest [a political "
            "show|politically motivated] and said {his2} client [would cooperate|had nothing to "
            "hide].",
        ),
        "judge": (
            "A judge [is due to|will] [decide|rule] [within|in] {n_hours} hours whether "
            "{p2_last} [should|will] be [held|kept] in custody [pending trial|during the "
            "investigation].",
        ),
    },
    quotes=(
        ("p3", "No one is above the law, however high they once stood"),
        ("lawyer_q", "This is a political show, not an investigation"),
    ),
    about={
        "event": "the arrest",
        "recap": "the arrest of {p2_name} in {month}",
        "unclear": "whether more arrests would follow",
        "local_fear": "the case being quietly dropped",
        "image_desc": "police carrying boxes of documents from the house",
        "hashtag": "{p2_last}Arrest",
    },
)
def _court_arrest(rng: random.Random, f: dict[str, str]) -> None:
    f["cash"] = f"{_commas(_lo_hi(rng, 40, 900) * 1000)} {f['currency']}"
    f["n_sites"] = NUMBER_WORDS[_lo_hi(rng, 3, 9)]
    n = _lo_hi(rng, 2, 7)
    f["n_others"], f["n_others_cap"] = NUMBER_WORDS[n], _cap(NUMBER_WORDS[n])
    f["amount_contracts"] = f"{_lo_hi(rng, 20, 600)} million {f['currency']}"
    f["n_hours"] = rng.choice(("24", "48", "72"))
    _cast(f, "p3", "prosecutor", _new_person(rng, f))
    f["lawyer_q"] = f["lawyer"]


@_kind(
    "court.trial",
    titles=(
        "[Graft|Corruption] trial of former {p2_role} opens in {city}",
        "{p2_last} pleads not guilty as [graft|corruption] trial begins",
        "Prosecutors [outline|lay out] case against {p2_last}: {n_contracts} contracts, {amount}",
        "[Star witness|Former aide] [testifies|takes the stand] [in|at] [graft|corruption] trial",
        "[Crowds|Supporters and critics] [gather|face off] as {p2_last} trial starts",
    ),
    captions=(
        "{p2} arrives at the {court} in {city}",
        "Police officers stand guard outside the {court} in {city}",
    ),
    facts={
        "lede": (
            "The trial of former {p2_role} {p2_name} on charges of {charges} opened at the "
            "{court} in {city} {day_ref}.",
            "{p2_name} [pleaded not guilty|denied all charges] {day_ref} as the trial [for|on "
            "charges of] {charges_short} [opened|began] in {city}.",
        ),
        "case": (
            "Prosecutor {p3_name} [told|said to] the court that {p2_last} had [steered|"
            "awarded] {n_contracts} contracts between {case_from} and {case_to} to companies "
            "owned by [relatives|friends].",
            "[The indictment|Charge sheet], [running to|of] {n_pages} pages, [lists|names] "
            "{n_witnesses} witnesses and {n_co} co-defendants.",
        ),
        "witness": (
            "[A former aide|The first witness], {p4}, [testified|told the court] that {he_p4} "
            "had [carried|delivered] [envelopes of cash|payments] to {p2_last}'s office.",
        ),
        "defence": (
            "{lawyer}, for the defence, [argued|told the judges] that the [evidence|case] "
            "[rested|relied] on [the word of|testimony from] [disgruntled|former] employees.",
        ),
        "scene": (
            "[Supporters|Dozens of supporters] of {p2_last} [gathered|waited] outside the "
            "courthouse, [while|and] [anti-corruption activists|protesters] [held up|waved] "
            "[banners|placards].",
        ),
        "schedule": (
            "The trial [is expected to|will] [last|run for] [several|about] {n_months} months, "
            "with hearings [twice a week|every Monday and Thursday].",
            "[The judges|The court] [adjourned|will resume] [until|on] {next_weekday}.",
        ),
    },
    quotes=(
        ("p2", "I served this country honestly and I will prove it in this courtroom"),
        ("p3", "The money trail leads to one office"),
    ),
    about={
        "event": "the trial",
        "recap": "the opening of {p2_last}'s trial in {month}",
        "unclear": "how long the trial would last",
        "local_fear": "powerful people escaping justice",
        "image_desc": "{p2_last} waving to supporters outside the court",
        "hashtag": "{p2_last}Trial",
    },
)
def _court_trial(rng: random.Random, f: dict[str, str]) -> None:
    f["n_contracts"] = str(_lo_hi(rng, 4, 60))
    f["case_from"] = str(int(f["left_year"]) - rng.randint(3, 6))
    f["case_to"] = f["left_year"]
    f["n_pages"] = _commas(_lo_hi(rng, 200, 3000, 10))
    f["n_witnesses"] = str(_lo_hi(rng, 12, 90))
    f["n_co"] = NUMBER_WORDS[_lo_hi(rng, 2, 9)]
    f["n_months"] = NUMBER_WORDS[_lo_hi(rng, 3, 10)]
    _cast(f, "p3", "prosecutor", _new_person(rng, f))
    _cast(f, "p4", "", _new_person(rng, f))


@_kind(
    "court.verdict",
    opening=True,
    titles=(
        "Former {p2_role} {p2_last} jailed for {n_years} years",
        "Court convicts {p2_name} of {charges_short}",
        "{p2_last} sentenced to {n_years} years in landmark [corruption|graft] case",
        "Court in {city} finds ex-{p2_role} guilty, orders {fine} fine",
        "{p2_name} to appeal after {n_years}-year sentence",
        "[Guilty|Verdict]: {p2_last} [faces|gets] {n_years} years [behind bars|in prison]",
    ),
    captions=(
        "{p2} arrives at the court in {city}",
        "Supporters of {p2_name} gather outside the courthouse in {city}",
    ),
    facts={
        "lede": (
            "A court in {city} sentenced former {p2_role} {p2_name} to {n_years} years in prison "
            "{day_ref} after finding {him2} guilty of {charges}.",
            "{p2_name}, who served as {p2_role} until {left_year}, was convicted {day_ref} of "
            "{charges} and jailed for {n_years} years.",
            "The {court} {day_ref} found former {p2_role} {p2_name} guilty of {charges}, "
            "[handing down|imposing] a {n_years}-year sentence.",
        ),
        "fine": (
            "The court also ordered {p2_last} to pay a fine of {fine} and barred {him2} from "
            "public office for {n_ban} years.",
            "Judges [imposed|added] a {fine} fine and a {n_ban}-year ban on holding public office.",
        ),
        "judge": (
            '"No one is above the law," {judge} said as {he_judge} read the verdict.',
            'Reading the verdict, {judge} said the evidence showed "a deliberate and sustained '
            'abuse of trust."',
        ),
        "reaction_p2": (
            "{p2_last}'s lawyer, {lawyer}, said {his2} client would appeal, calling the verdict "
            '"[politically motivated|a grave injustice]."',
            "{p2_last} [denied|has denied] all the charges and [says|said] {he2} [is|was] the "
            "victim of a political vendetta.",
        ),
        "campaigners": (
            "[Anti-corruption campaigners|Transparency groups] [welcomed|praised] the ruling as "
            "a [turning point|milestone].",
            "Supporters of {p2_last} [gathered|protested] outside the court, [chanting|holding "
            "banners] [in support of|defending] the former official.",
        ),
        "co": (
            "{n_co_cap} co-defendants [received|were given] [suspended|shorter] sentences, and "
            "[one|a businessman] was [acquitted|cleared].",
        ),
        "appeal": (
            "The verdict [can be|may be] appealed to the Supreme Court within {n_days} days.",
        ),
    },
    quotes=(
        ("p2", "I am innocent and I will prove it"),
        ("judge", "No one is above the law"),
    ),
    about={
        "event": "the verdict",
        "recap": "the {n_years}-year sentence handed to {p2_last} in {month}",
        "unclear": "whether the sentence would be suspended pending appeal",
        "local_fear": "nothing really changing",
        "image_desc": "{p2_last} being led from the courtroom",
        "hashtag": "{p2_last}Verdict",
    },
)
def _court_verdict(rng: random.Random, f: dict[str, str]) -> None:
    _cast(f, "judge", "Judge", _new_person(rng, f))
    f["n_years"] = str(_lo_hi(rng, 2, 14))
    f["n_ban"] = NUMBER_WORDS[_lo_hi(rng, 3, 10)]
    f["fine"] = f"{_lo_hi(rng, 1, 30)} million {f['currency']}"
    n = _lo_hi(rng, 2, 6)
    f["n_co_cap"] = _cap(NUMBER_WORDS[n])
    f["n_days"] = str(rng.choice((15, 30, 45)))


@_kind(
    "court.appeal",
    titles=(
        "Appeals court [cuts|reduces] {p2_last}'s sentence to {n_years_new} years",
        "[Supreme Court|Appeal judges] [uphold|confirm] [graft|corruption] conviction of former {p2_role}",
        "{p2_last} [freed|released] [pending|on bail after] appeal ruling",
        "[Retrial ordered|New trial] for former {p2_role} {p2_last}",
        "[Setback|Win] for [defence|former {p2_role}] [in|at] appeals court",
    ),
    captions=(
        "{p2} leaves the Supreme Court in {capital}",
        "{lawyer} speaks to reporters in {capital}",
    ),
    facts={
        "lede": (
            "An appeals court in the capital {ruling_verb} the sentence of former {p2_role} "
            "{p2_name} {day_ref}, [ruling|finding] that {ruling_reason}.",
            "Judges [at the Supreme Court|on the appeals bench] {ruling_verb} the conviction of "
            "{p2_name} {day_ref}, {ruling_outcome}.",
        ),
        "reasoning": (
            "The [three-judge|five-judge] panel [said|found] that {ruling_reason}, [according "
            "to|in] a [summary|written ruling] [read out|published] in court.",
        ),
        "release": ("{release_text}",),
        "prosecutors": (
            "[Prosecutors|The prosecutor's office] [said|announced] [it|they] would [study|"
            "review] the ruling and [could|may] [take the case further|ask for a review].",
        ),
        "reaction": (
            "[Anti-corruption groups|Campaigners] called the [ruling|decision] [a "
            "blow|a step backwards] [for|in] the fight against [graft|corruption].",
            "{p2_last}'s [family|supporters] [embraced|wept] [in the courtroom|on the steps] as "
            "the [decision|ruling] was read.",
        ),
        "lawyer": (
            "{lawyer} said [the|this] ruling [vindicated|proved] what the defence had argued "
            "[from the start|all along].",
        ),
    },
    quotes=(
        ("p2", "I always believed justice would be done in the end"),
        ("lawyer_q", "The court has corrected a grave injustice"),
    ),
    about={
        "event": "the appeal ruling",
        "recap": "the appeal ruling in {p2_last}'s case in {month}",
        "unclear": "whether prosecutors would take the case further",
        "local_fear": "the powerful winning in the end",
        "image_desc": "{p2_last} smiling on the steps of the court",
        "hashtag": "{p2_last}Appeal",
    },
)
def _court_appeal(rng: random.Random, f: dict[str, str]) -> None:
    f["n_years_new"] = NUMBER_WORDS[_lo_hi(rng, 2, 7)]
    outcome = rng.randrange(3)
    if outcome == 0:
        f["ruling_verb"] = "cut"
        f["ruling_reason"] = "the lower court had overstated the sums involved"
        f["ruling_outcome"] = f"cutting the prison term to {f['n_years_new']} years"
        f["release_text"] = (
            "With time already served, {p2_last} could be released [within months|next "
            "year], [lawyers said|according to the defence]."
        )
    elif outcome == 1:
        f["ruling_verb"] = "upheld"
        f["ruling_reason"] = "the evidence of bribery was overwhelming"
        f["ruling_outcome"] = "rejecting every point of the defence's appeal"
        f["release_text"] = (
            "{p2_last} [remains|will remain] in [prison|jail] in {city2}, where the former "
            "official has been held since [the spring|last year]."
        )
    else:
        f["ruling_verb"] = "overturned"
        f["ruling_reason"] = "key recordings had been obtained without a warrant"
        f["ruling_outcome"] = "ordering a retrial"
        f["release_text"] = (
            "{p2_last} was [released|freed] [on bail|from custody] [hours later|that evening] "
            "and [must|has to] [report to police|surrender {his2} passport]."
        )
    f["release_text"] = _fill(f["release_text"], f, rng)
    f["lawyer_q"] = f["lawyer"]


# ---- trade ---------------------------------------------------------------------------------

_GOODS = (
    "farm produce",
    "steel and aluminium",
    "textiles",
    "cars and car parts",
    "wine and olive oil",
    "fertiliser",
    "timber",
    "electronics",
    "fish and seafood",
)


@_storyline(
    "trade",
    "economy",
    cross=("any.poll", "any.resign", "any.inquiry"),
    anaphora={"country": "the country", "partner": "the neighbour"},
)
def _line_trade(t: random.Random, rng: random.Random, f: dict[str, str]) -> None:
    g1, g2 = t.sample(_GOODS, 2)
    f.update(goods=g1, goods2=g2)
    _cast(f, "lead", "Trade Minister", _new_person(t, f, True))
    _cast(f, "p2", f"{f['partner_adj']} Trade Minister", _new_person(t, f, True))
    f["org"] = "the chamber of commerce"
    f["org2"] = "the farmers' association"
    f["affair"] = f"the trade agreement with {f['partner']}"
    f["affair_short"] = "the trade deal"


@_kind(
    "trade.signed",
    opening=True,
    titles=(
        "{country} and {partner} sign trade deal cutting tariffs on {goods}",
        "Trade pact to remove duties on {pct_lines}% of goods",
        "Trade deal will boost exports by {amount_exports}, {lead_last} says",
        "[Farmers warn|Producers fear] new trade deal threatens {goods} sector",
        "{country}, {partner} seal free trade agreement after {n_years} years of talks",
        "[Tariffs to fall|Duties to go] [under|in] [new|landmark] trade [pact|agreement]",
    ),
    captions=(
        "{lead} and {p2} sign the trade agreement in {city}",
        "Containers are stacked at the port of {city}",
    ),
    facts={
        "lede": (
            "{country} and {partner} signed a trade agreement {day_ref} that will [remove|"
            "scrap] tariffs on {pct_lines} percent of goods traded between them, ending "
            "{n_years} years of negotiations.",
            "{lead} and {p2} signed a [free trade|trade] [agreement|pact] in {city} "
            "{day_ref}, [cutting|lowering] duties on {goods} and other products.",
            "A trade [deal|pact] signed {day_ref} by {country} and {partner} will [phase out|"
            "remove] tariffs on {goods} over {n_phase} years, {lead} said.",
        ),
        "numbers": (
            "Trade between the two countries [was worth|reached] {amount_trade} last year, "
            "according to {org}.",
            "The agreement is expected to [raise|boost] exports by {amount_exports} a year, "
            "[the ministry said|according to government estimates].",
        ),
        "jobs": (
            "{lead_last} said the deal would [create|support] about {n_jobs} jobs, [mainly|"
            "mostly] in [manufacturing|logistics] around {city2}.",
        ),
        "partner": (
            "{p2} said the other side would [gain|win] [easier|better] access to markets for "
            "{goods2}.",
            "{p2} [said|told reporters] the agreement [should|would] be ratified [by the end of "
            "the year|within months].",
        ),
        "critics": (
            "{org2_cap} [warned|said] that cheaper imports of {goods} could [put|force] "
            "thousands of [small producers|family farms] out of business.",
            "Critics [say|said] the deal [was|had been] negotiated in secret and [offers|"
            "offered] too little protection for [local|domestic] producers.",
        ),
        "detail": (
            "Under the agreement, tariffs on {goods} will fall from {tariff_old} percent to "
            "zero over {n_phase} years.",
            "The pact also [covers|includes] [public procurement|services and investment], and "
            "[sets up|creates] a joint committee to settle disputes.",
        ),
        "ports": (
            "[Shipping firms|Port operators] in {city2} said they expected [container traffic|"
            "cargo volumes] to [grow|rise] by [a fifth|a quarter] [within|in] [two|three] years.",
        ),
    },
    quotes=(
        ("lead", "This opens a market of millions of consumers to our companies"),
        ("p2", "Both our economies win"),
    ),
    about={
        "event": "the trade agreement",
        "recap": "the trade deal signed in {month}",
        "unclear": "when the agreement would take effect",
        "local_fear": "competition from cheaper imports",
        "image_desc": "ministers toasting the agreement",
        "hashtag": "TradeDeal",
    },
)
def _trade_signed(rng: random.Random, f: dict[str, str]) -> None:
    f["pct_lines"] = str(_lo_hi(rng, 70, 98))
    f["n_years"] = NUMBER_WORDS[_lo_hi(rng, 2, 10)]
    f["n_phase"] = NUMBER_WORDS[_lo_hi(rng, 3, 10)]
    f["amount_trade"] = f"{rng.uniform(0.4, 9.5):.1f} billion {f['currency']}"
    f["amount_exports"] = f"{_lo_hi(rng, 80, 900)} million {f['currency']}"
    f["n_jobs"] = _commas(_lo_hi(rng, 2000, 40000, 500))
    f["tariff_old"] = str(_lo_hi(rng, 8, 35))


@_kind(
    "trade.ratify",
    titles=(
        "{parliament} [ratifies|approves] trade deal by {n_for} votes to {n_against}",
        "[Lawmakers|Parliament] [back|clear] trade pact [despite|amid] farmer protests",
        "[Narrow|Comfortable] [vote|majority] [clears way|paves way] for tariff cuts",
        "Trade deal [survives|passes] [stormy|heated] {n_hours}-hour debate",
        "[What happens now|Next steps] [after|as] lawmakers [approve|ratify] trade agreement",
    ),
    captions=(
        "Lawmakers vote in the {parliament} in {capital}",
        "Farmers protest outside the {parliament} in {capital}",
    ),
    facts={
        "lede": (
            "The {parliament} [ratified|approved] the trade agreement with {partner} {day_ref} "
            "by {n_for} votes to {n_against}, [after a|following a] {n_hours}-hour debate.",
            "Lawmakers [voted|gave their approval] {day_ref} to ratify the trade deal, clearing "
            "the way for tariffs to [start falling|begin coming down] on {start_date}.",
        ),
        "debate": (
            "[During|In] the debate, [several|some] lawmakers [from rural districts|from farming "
            "areas] [broke ranks|voted against the government].",
            "{p3}, [a lawmaker|an MP] from {city2}, [held up|waved] a [crate|bag] of [local|"
            "home-grown] produce [during|in] {his_p3} speech, [drawing|to] [applause|jeers].",
        ),
        "farmers": (
            "[Outside|Near] the {parliament}, [hundreds of|about {n_farmers}] farmers [parked|"
            "drove] tractors [along|across] the [avenue|main boulevard] [in protest|to protest].",
        ),
        "safeguards": (
            "[To win|To secure] [votes|support], the government [promised|agreed to] {amount_fund} "
            "[in support for|to help] [producers|farmers] [hurt by|affected by] [cheaper imports|"
            "competition].",
            "A [safeguard|protection] clause [allows|lets] either side [reimpose|restore] "
            "duties [if imports surge|for up to {n_years_safe} years].",
        ),
        "partner_vote": (
            "The other side's parliament [approved|ratified] the deal [last month|in "
            "{prev_month}], [so|meaning] [it|the agreement] can now [take effect|enter into "
            "force].",
        ),
        "business": (
            "{org_cap} [welcomed|hailed] the vote and [said|predicted] exporters [would|could] "
            "[start|begin] [signing|winning] new contracts [within weeks|this year].",
        ),
    },
    quotes=(
        ("lead", "Today the doors open. It is now up to our companies to walk through them"),
        ("p3", "We have just voted to sacrifice our farmers"),
    ),
    about={
        "event": "the ratification vote",
        "recap": "the {parliament}'s vote in {month} to ratify the trade deal",
        "unclear": "how quickly imports would rise",
        "local_fear": "local farms going under",
        "image_desc": "tractors parked outside the {parliament}",
        "hashtag": "TradeVote",
    },
)
def _trade_ratify(rng: random.Random, f: dict[str, str]) -> None:
    seats = _lo_hi(rng, 121, 401, 2)
    n_for = int(seats * rng.uniform(0.5, 0.65))
    f["n_for"], f["n_against"] = str(n_for), str(int((seats - n_for) * rng.uniform(0.7, 0.95)))
    f["n_hours"] = str(_lo_hi(rng, 6, 19))
    f["n_farmers"] = _commas(_lo_hi(rng, 200, 3000, 50))
    f["n_years_safe"] = NUMBER_WORDS[_lo_hi(rng, 2, 5)]
    f["amount_fund"] = f"{_lo_hi(rng, 40, 500, 5)} million {f['currency']}"
    nd = date(int(f["year"]), int(f["month_num"]), 1) + timedelta(days=rng.randint(30, 90))
    f["start_date"] = f"{nd.day} {MONTHS[nd.month - 1]}"
    _cast(f, "p3", "", _new_person(rng, f))


@_kind(
    "trade.dispute",
    titles=(
        "{partner} [bans|halts] imports of {goods2} [citing|over] [safety|health] concerns",
        "[Trade row|Tariff row] [erupts|flares] [months|weeks] after [free trade|trade] deal",
        "{lead_last} [threatens|warns of] [retaliation|countermeasures] [over|after] import ban",
        "Exporters of {goods2} [face|fear] {amount_loss} losses [as|after] border shuts",
        "[Lorries stuck|Trucks stranded] at border as {goods2} ban [takes effect|bites]",
    ),
    captions=(
        "Lorries queue at the border crossing near {city}",
        "{lead} speaks to reporters in {capital}",
    ),
    facts={
        "lede": (
            "{partner} [banned|suspended] imports of {goods2} {day_ref}, [citing|pointing to] "
            "{ban_reason}, [in a move|a step] that threatens the trade deal the two signed "
            "[last year|earlier this year].",
            "[A row|A dispute] over {goods2} [erupted|broke out] {day_ref} when {partner} "
            "[halted|stopped] imports at the border, [citing|pointing to] {ban_reason}.",
        ),
        "border": (
            "[More than|About] {n_trucks} [lorries|trucks] [were stuck|waited] at the crossing "
            "near {city} [by evening|overnight], [some|many] [carrying|loaded with] "
            "[perishable|fresh] goods.",
        ),
        "losses": (
            "Exporters [estimate|said they could lose] {amount_loss} [a month|for every month] "
            "the ban [stays|remains] in place, [according to|said] {org}.",
        ),
        "retaliation": (
            "{lead_last} [said|warned] the government [would|could] [respond|retaliate] "
            "[with|by imposing] [duties|restrictions] on [imports of|products from] the "
            "neighbour [if the ban|unless the ban] was [lifted|reversed] within {n_days} days.",
            "The government [filed|lodged] a [complaint|formal complaint] with the joint "
            "committee [set up|created] under the trade agreement.",
        ),
        "partner": (
            "{p2} denied that the ban was [political|protectionist] and said "
            "[inspectors|laboratories] had found {ban_finding}.",
        ),
        "producers": (
            "{p3}, who [runs|owns] a [cooperative|packing plant] near {city2}, said [dozens of|"
            "{n_workers}] workers had been sent home [because|as] [orders|shipments] "
            "[stopped|dried up].",
        ),
    },
    quotes=(
        ("lead", "This is protectionism dressed up as safety"),
        ("p2", "We will not compromise on the health of our consumers"),
    ),
    about={
        "event": "the import ban",
        "recap": "the import ban imposed in {month}",
        "unclear": "how long the ban would last",
        "local_fear": "losing their jobs",
        "image_desc": "lorries queuing for kilometres at the border",
        "hashtag": "TradeRow",
    },
)
def _trade_dispute(rng: random.Random, f: dict[str, str]) -> None:
    reasons = (
        ("pesticide residues", "pesticide residues above permitted levels"),
        ("labelling rules", "labels that did not meet its rules"),
        ("an outbreak of plant disease", "signs of a plant disease in several shipments"),
    )
    reason, finding = rng.choice(reasons)
    f["ban_reason"], f["ban_finding"] = reason, finding
    f["n_trucks"] = str(_lo_hi(rng, 80, 900))
    f["amount_loss"] = f"{_lo_hi(rng, 10, 300)} million {f['currency']}"
    f["n_days"] = NUMBER_WORDS[_lo_hi(rng, 5, 10)]
    f["n_workers"] = str(_lo_hi(rng, 30, 400))
    _cast(f, "p3", "", _new_person(rng, f))


# ---- protest -------------------------------------------------------------------------------

_GRIEVANCES = (
    ("a rise in fuel prices", "fuel prices", "fuel price rise"),
    ("a new media law", "the media law", "media law"),
    ("corruption in the ruling party", "corruption", "anti-corruption"),
    ("plans to raise the pension age", "pension reform", "pension reform"),
    ("the closure of the {tcity} steelworks", "the steelworks closure", "steelworks"),
    ("a proposed tax on small businesses", "the business tax", "business tax"),
    ("power cuts lasting up to {n_hours_cut} hours a day", "power cuts", "power cut"),
)
_SQUARES = (
    "Liberty Square",
    "Republic Square",
    "Independence Avenue",
    "Station Square",
    "the Old Town square",
    "Parliament Square",
    "Victory Boulevard",
)


@_storyline("protest", "politics", cross=("any.resign", "any.inquiry", "any.poll"))
def _line_protest(t: random.Random, rng: random.Random, f: dict[str, str]) -> None:
    f["n_hours_cut"] = str(t.randrange(6, 15))
    grievance, short, attr = t.choice(_GRIEVANCES)
    f["grievance"] = grievance.format_map(f)
    f["grievance_short"] = short
    f["grievance_short_cap"] = _cap(short)
    f["grievance_attr"] = attr
    f["grievance_tag"] = "".join(w.capitalize() for w in attr.replace("-", " ").split())
    f["square"] = t.choice(_SQUARES)
    f["pcity"] = t.choice((f["capital"], f["tcity"]))
    _cast(f, "lead", "Interior Minister", _new_person(t, f, True))
    _cast(
        f,
        "p2",
        t.choice(("activist", "student leader", "opposition lawmaker")),
        _new_person(t, f, True),
    )
    f["org"] = "the health ministry"
    f["org2"] = "the police"
    f["affair"] = f"the protests over {short}"
    f["affair_short"] = f"{attr} protests"


@_kind(
    "protest.march",
    opening=True,
    titles=(
        "Thousands protest in {pcity} against {grievance_short}",
        "Police fire tear gas as protesters march on {square}",
        "{n_arrested} arrested as protests over {grievance_short} spread",
        "Protesters demand [resignation|minister's resignation] over {grievance_short}",
        "Tens of thousands rally in {pcity} in biggest protest in years",
        "[Anger|Fury] over {grievance_short} [spills|pours] onto the streets",
    ),
    captions=(
        "Protesters chant slogans during a rally on {square} in {pcity}",
        "Riot police stand guard as demonstrators gather in {pcity}",
    ),
    facts={
        "lede": (
            "Thousands of people marched through {pcity} {day_ref} to protest against "
            "{grievance}, in [one of the largest|the largest] demonstrations in years.",
            "Police in {pcity} fired tear gas and water cannon {day_ref} to disperse protesters "
            "[angry about|opposed to] {grievance}, and arrested {n_arrested} people.",
            "About {n_protesters} demonstrators gathered on {square} in {pcity} {day_ref} to "
            "demand that the government [abandon|drop|reverse] {grievance}.",
        ),
        "numbers": (
            "Organisers put the crowd at {n_protesters}, while police [estimated|said there "
            "were] {n_police_est}.",
            "{org_cap} said {n_injured} people, including {n_officers} police officers, were "
            "[treated for injuries|hurt].",
        ),
        "scene": (
            "Protesters [waved|carried] flags and [chanted|shouted] slogans as they [marched|"
            "moved] towards the {parliament}.",
            "Shops along the route [closed|pulled down their shutters] as the crowd "
            "[approached|reached] {square}, and public transport in the centre was suspended.",
            "Clashes broke out [near|outside] the {parliament} when [some|a group of] "
            "protesters [threw|hurled] stones and bottles at police lines.",
        ),
        "organiser": (
            '"We are here because we have no other way to be heard," said {p2}, one of the '
            "organisers.",
            "{p2} accused the police of using excessive force and [called for|"
            "demanded] an independent inquiry.",
        ),
        "minister": (
            '{lead} said the right to protest [was|is] protected but that violence "will not '
            'be tolerated."',
            '{lead} blamed "a small group of provocateurs" for the [violence|'
            'clashes] and praised police for their "restraint."',
        ),
        "context": (
            "The protests [began|started] {n_weeks} weeks ago after the government announced "
            "{grievance}.",
            "The row over {grievance_short} has become [a rallying point|the focus] for [wider|broader] "
            "anger over [living costs|unemployment|corruption].",
            "Similar protests were held in {city2} and {city3}, [local media reported|according "
            "to local media].",
        ),
        "arrests": (
            "In all, {n_arrested} people were [detained|arrested] and {n_injured} injured, "
            "[police said|according to the interior ministry].",
        ),
    },
    quotes=(
        ("p2", "We will come back every week until they listen"),
        ("lead", "The right to protest is not a right to destroy"),
    ),
    about={
        "event": "the protest",
        "recap": "the march by {n_protesters} people in {month}",
        "unclear": "whether the government would change course",
        "local_fear": "the violence spreading",
        "image_desc": "police chasing protesters through side streets",
        "hashtag": "No{grievance_tag}",
    },
)
def _protest_march(rng: random.Random, f: dict[str, str]) -> None:
    n = _lo_hi(rng, 3000, 90000, 500)
    f["n_protesters"] = _commas(n)
    f["n_police_est"] = _commas(int(n * rng.uniform(0.3, 0.6)) // 100 * 100)
    f["n_arrested"] = str(_lo_hi(rng, 6, 240))
    f["n_injured"] = str(_lo_hi(rng, 5, 140))
    f["n_officers"] = NUMBER_WORDS[_lo_hi(rng, 2, 10)]
    f["n_weeks"] = NUMBER_WORDS[_lo_hi(rng, 2, 8)]


@_kind(
    "protest.uturn",
    titles=(
        "Government [drops|shelves|suspends] {grievance_short} [after|following] protests",
        "[U-turn|Climbdown]: {leader_lower} [backs down|retreats] on {grievance_short}",
        "[Victory for protesters|Protesters claim victory] as {grievance_short} [put on hold|"
        "frozen]",
        "{leader} [orders|announces] review of {grievance_short} [in|after] televised address",
        "[Relief|Celebrations] on {square} [after|as] government [gives way|yields]",
    ),
    captions=(
        "People celebrate on {square} in {pcity}",
        "The {leader_lower} addresses the nation from {capital}",
    ),
    facts={
        "lede": (
            "The government [suspended|shelved] {grievance} {day_ref} after weeks of "
            "protests, [in a rare|in an unusual] [climbdown|retreat] for the {leader_lower}.",
            "The {leader_lower}, {p3_name}, [announced|said] in a televised address {day_ref} "
            "that {grievance_short} would be [put on hold|frozen] [for|pending] a review.",
        ),
        "terms": (
            "A [commission|panel] of {n_panel} [experts|members], [including|with] [trade "
            "unionists|representatives of civil society], will [report|make recommendations] "
            "[within|in] {n_months} months.",
            "[Officials|The government] said [the measure|the plan] [could|might] return [in a "
            "different form|after consultations], [but|and] gave no [date|timetable].",
        ),
        "reaction": (
            "{p2} [welcomed|hailed] the decision as a [victory|win] for [ordinary people|the "
            "street] but [warned|said] protesters [would|could] return if the [plan|measure] "
            "was [revived|brought back].",
            "[Crowds|Hundreds of people] [gathered|celebrated] on {square}, [honking|sounding] "
            "car horns and [waving|setting off] [flags|flares].",
        ),
        "cost": (
            "[Economists|Analysts] said the reversal [would|could] cost the budget [about|"
            "roughly] {amount} this year and [raised|revived] [questions|doubts] about the "
            "government's [reform plans|authority].",
        ),
        "coalition": (
            "[Partners|Members] of the [governing coalition|ruling alliance] had [privately|"
            "openly] [urged|pressed] the {leader_lower} to [back down|retreat], [according to|"
            "said] [two|three] [officials|people] [familiar with|close to] the [talks|"
            "discussions].",
        ),
        "detainees": (
            "{p2} [demanded|called for] the release of {n_detained} people still [held|in "
            "custody] after the [protests|clashes].",
        ),
    },
    quotes=(
        ("p3", "A government that does not listen is not worthy of the name"),
        ("p2", "This is the people's victory, not a gift from the government"),
    ),
    about={
        "event": "the government's retreat",
        "recap": "the government's decision in {month} to shelve {grievance_short}",
        "unclear": "whether the measure would return",
        "local_fear": "the plan quietly coming back",
        "image_desc": "people celebrating on {square}",
        "hashtag": "WeWon",
    },
)
def _protest_uturn(rng: random.Random, f: dict[str, str]) -> None:
    f["n_panel"] = str(_lo_hi(rng, 7, 25))
    f["n_months"] = NUMBER_WORDS[_lo_hi(rng, 2, 6)]
    f["n_detained"] = str(_lo_hi(rng, 12, 180))
    f["amount"] = f"{_lo_hi(rng, 80, 900, 5)} million {f['currency']}"
    _cast(f, "p3", f["leader"], _new_person(rng, f))


@_kind(
    "protest.arrest",
    titles=(
        "[Protest leader|Organiser] {p2_last} [arrested|detained] [in dawn raid|at home]",
        "[Organiser|Activist] charged with [inciting unrest|organising an illegal rally]",
        "[Rights groups|Lawyers] condemn detention of protest organiser",
        "[Crowd gathers|Supporters rally] outside police station where {p2_last} [is held|held]",
        "[Crackdown|Arrests] [targets|target] [organisers|leaders] of {grievance_attr} protests",
    ),
    captions=(
        "Supporters of {p2_name} gather outside a police station in {pcity}",
        "{p2} in {pcity}",
    ),
    facts={
        "lede": (
            "Police arrested {p2}, one of the organisers of the [protests|demonstrations] against "
            "{grievance_short}, {day_ref} [at|outside] {his2} home in {pcity}, {his2} lawyer "
            "said.",
            "[Prosecutors|A prosecutor] charged {p2} {day_ref} with {charge}, [days after|a "
            "week after] [a march|protests] that [drew|brought out] tens of thousands.",
        ),
        "charge": (
            "{p2_last} [faces|could face] up to {n_years} years in prison if convicted of "
            "{charge}, according to [the charge sheet|lawyers].",
        ),
        "lawyer": (
            "{p3}, {his2} lawyer, said {p2_last} had been [questioned|interrogated] for "
            "{n_hours} hours [without|and denied] [access to counsel|a lawyer] [at first|"
            "initially].",
        ),
        "others": (
            "{n_others_cap} other [activists|organisers] were [also detained|held] in "
            "[raids|searches] in {city2} and {city3}, [rights groups|activists] said.",
        ),
        "rights": (
            "[Rights groups|Human rights organisations] called the arrests [an "
            "attempt to intimidate|a crackdown on] [peaceful protesters|dissent].",
            "{bloc_cap} [said it was|expressed] [concerned|concern] [about|over] the arrests "
            "and [urged|called on] the authorities to [respect|uphold] the right to "
            "[assembly|protest].",
        ),
        "police": (
            "{lead} [said|insisted] the arrests [had nothing to do with|were unrelated to] "
            "politics and [concerned|related to] [violence|damage to property] during the "
            "[march|protests].",
        ),
        "vigil": (
            "[Several hundred|Hundreds of] supporters [gathered|held a vigil] outside the "
            "police station where {p2_last} was [held|being held], [lighting candles|chanting "
            "{his2} name].",
        ),
    },
    quotes=(
        ("p3", "They are trying to frighten everyone by making an example of one person"),
        ("lead", "Nobody is arrested for their opinions in this country"),
    ),
    about={
        "event": "the arrest",
        "recap": "the arrest of a protest organiser in {month}",
        "unclear": "when {p2_last} would appear before a judge",
        "local_fear": "being arrested for taking part",
        "image_desc": "supporters lighting candles outside the police station",
        "hashtag": "Free{p2_last}",
    },
)
def _protest_arrest(rng: random.Random, f: dict[str, str]) -> None:
    f["charge"] = rng.choice(
        ("inciting unrest", "organising an unauthorised rally", "damaging public property")
    )
    f["n_years"] = NUMBER_WORDS[_lo_hi(rng, 3, 8)]
    f["n_hours"] = NUMBER_WORDS[_lo_hi(rng, 5, 10)]
    n = _lo_hi(rng, 2, 9)
    f["n_others_cap"] = _cap(NUMBER_WORDS[n])
    _cast(f, "p3", "", _new_person(rng, f))


@_kind(
    "protest.camp",
    titles=(
        "Protesters [set up|pitch] camp outside {parliament}",
        "[Tent city|Protest camp] on {square} enters [second|third] week",
        "[Hunger strike|Sit-in] [begins|grows] [as|while] government [refuses|declines] to "
        "[budge|talk]",
        "Police [clear|tear down] protest camp [before dawn|overnight]",
        "[Life in|Inside] the {square} camp: [soup kitchens|classes] and [speeches|music]",
    ),
    captions=(
        "Tents on {square} in {pcity}",
        "A protester reads in a tent on {square}",
    ),
    facts={
        "lede": (
            "[Hundreds of|Several hundred] protesters [camped|spent the night] on {square} "
            "{day_ref}, [vowing|promising] to stay until the government [withdraws|drops] "
            "{grievance_short}.",
            "A protest camp [outside|near] the {parliament} [grew|swelled] to [about|some] "
            "{n_tents} tents {day_ref}, as [activists|students] [began|started] a [sit-in|"
            "hunger strike].",
        ),
        "life": (
            "[Volunteers|Local restaurants] [run|keep] a [soup kitchen|field kitchen] "
            "[serving|that serves] [about|some] {n_meals} meals a day, and [students|"
            "teachers] [hold|give] [open-air classes|lectures] in the evenings.",
        ),
        "hunger": (
            "{n_hunger_cap} [protesters|activists] [are on|have begun] a hunger strike, "
            "[including|among them] {p3}, a [retired teacher|student] from {city2}.",
        ),
        "police": (
            "Police [have surrounded|ring] the square [with|behind] [metal barriers|lines of "
            "vans] but [have not|had not] [moved in|intervened], [officers said|according to "
            "witnesses].",
        ),
        "city": (
            "[City officials|The mayor's office] [said|complained] the camp [was blocking|"
            "blocks] [traffic|trams] and [ordered|asked] [organisers|protesters] to [leave|move] "
            "by {next_weekday}.",
        ),
        "support": (
            "[Passers-by|Residents] [bring|brought] [food|blankets] and [firewood|water], "
            "and [a|one] [local|nearby] [church|mosque|school] [opened|offered] its "
            "[toilets|courtyard].",
        ),
    },
    quotes=(
        ("p2", "We are not going home until this is over"),
        ("p3", "I would rather be hungry here than silent at home"),
    ),
    about={
        "event": "the protest camp",
        "recap": "the protest camp on {square} in {month}",
        "unclear": "how long the camp would be tolerated",
        "local_fear": "a violent eviction",
        "image_desc": "rows of tents lit by candles on {square}",
        "hashtag": "Occupy{square_tag}",
    },
)
def _protest_camp(rng: random.Random, f: dict[str, str]) -> None:
    f["n_tents"] = str(_lo_hi(rng, 60, 600, 10))
    f["n_meals"] = _commas(_lo_hi(rng, 300, 4000, 50))
    f["n_hunger_cap"] = _cap(NUMBER_WORDS[_lo_hi(rng, 3, 10)])
    f["square_tag"] = f["square"].replace("the ", "").replace(" ", "").title().replace(" ", "")
    _cast(f, "p3", "", _new_person(rng, f))


# ---- appointment ---------------------------------------------------------------------------

_POSTS = (
    "finance",
    "defence",
    "foreign",
    "interior",
    "health",
    "energy",
    "justice",
    "education",
    "agriculture",
    "transport",
)
_BACKGROUNDS = (
    "a former central bank official",
    "a career diplomat",
    "a former judge",
    "a university economist",
    "the former mayor of {tcity}",
    "a retired army general",
    "a businesswoman who ran the state energy company",
    "a veteran of the governing party",
    "a former head of the tax authority",
    "a prominent surgeon",
)
_TROUBLES = (
    ("shortages of flour and cooking gas", "shortages"),
    ("a row over the delayed budget", "budget row"),
    ("a scandal over overpriced contracts", "contracts scandal"),
    ("rising unemployment", "rising unemployment"),
    ("a series of blackouts", "blackouts"),
    ("a collapse in the value of the {currency1}", "currency slide"),
)


@_storyline("appointment", "politics", cross=("any.poll",))
def _line_appointment(t: random.Random, rng: random.Random, f: dict[str, str]) -> None:
    post = t.choice(_POSTS)
    f["post"] = post
    f["post_cap"] = post.capitalize()
    _cast(f, "lead", f["leader"], _new_person(t, f, True))
    f["lead_role_cap"] = _cap(f["lead_role"])
    p2 = _new_person(t, f, True)
    _cast(f, "p2", f"{post.capitalize()} Minister", p2)
    f["p2_background"] = _pick(t, _BACKGROUNDS, f)
    if "businesswoman" in f["p2_background"] and not p2.female:
        f["p2_background"] = f["p2_background"].replace("businesswoman", "businessman")
    trouble, short = t.choice(_TROUBLES)
    f["trouble"], f["trouble_short"] = trouble.format_map(f), short
    f["org"] = f"the office of the {f['leader'].lower()}"
    f["org2"] = f"the {post} ministry"
    f["affair"] = f"the shake-up at the {post} ministry"
    f["affair_short"] = f"the {post} ministry shake-up"


@_kind(
    "appointment.sack",
    opening=True,
    titles=(
        "{leader} {lead_last} names {p2_name} as new {post} minister",
        "{lead_role_cap} sacks {post} minister, appoints {p2_last}",
        "{p2_name} sworn in as {post} minister after {pred_last} is dismissed",
        "Leader replaces {post} minister amid {trouble_short}",
        "Who is {p2_name}, the new {post} minister?",
        "[Cabinet shake-up|Reshuffle]: {pred_last} out, {p2_last} in",
    ),
    captions=(
        "{p2} takes the oath of office in {capital}",
        "Outgoing {post} minister {pred_name} leaves the ministry in {capital}",
    ),
    facts={
        "lede": (
            "{lead} [dismissed|sacked|replaced] {post} minister {pred_name} {day_ref} and "
            "appointed {p2_name}, {p2_background}, to the post, [the presidency said|according "
            "to a statement from {his} office].",
            "The country has a new {post} minister: {p2_name}, {p2_background}, was sworn in "
            "{day_ref} after {lead} [removed|dismissed] {pred_name}.",
            "{p2_name} [took|has taken] over as {post} minister, replacing {pred_name}, whom "
            "{lead} [fired|dismissed] {day_ref} [amid|after weeks of] {trouble}.",
        ),
        "reason": (
            "No reason was given for {pred_last}'s dismissal, but [it came|the move came] "
            "after weeks of criticism over {trouble}.",
            "{pred_last} had been under pressure [over|because of] {trouble}, and "
            "[opposition|coalition] lawmakers had called for {his_pred} resignation.",
        ),
        "profile": (
            "{p2_last}, {p2_age}, [previously|until now] led a national commission on "
            "{commission}.",
            "Born in {born_town} in {p2_born}, {p2_last} [studied|trained] abroad and "
            "[spent|worked for] {n_years} years in public administration.",
        ),
        "oath": (
            "{p2_last} took the oath of office at the presidential palace [late on "
            "{weekday}|on {weekday} evening], [according to|in] images released by the "
            "{leader_lower}'s office.",
            '[At the ceremony|After being sworn in], {p2_last} said {he2} would "[work day and '
            'night|spare no effort]" to {p2_goal}.',
        ),
        "leader": (
            "{lead_last} [thanked|praised] {pred_last} for {his_pred} [service|work] and said "
            "the new minister would focus on {p2_goal}.",
            "{lead_last} said {he} expected {p2_last} to present a plan [within|in] {n_days} days.",
        ),
        "context": (
            "It is the [second|third] cabinet change this year, as the government "
            "[struggles|tries] to [contain|deal with] {trouble}.",
            "The opposition [said|argued] the change [would do|did] little to address {trouble}.",
        ),
    },
    quotes=(
        ("lead", "We need a fresh start and a steady hand"),
        ("p2", "I did not come here to make speeches but to fix problems"),
    ),
    about={
        "event": "the appointment",
        "recap": "the dismissal of {pred_name} in {month}",
        "unclear": "whether more cabinet changes would follow",
        "local_fear": "a new face with the old policies",
        "image_desc": "{p2_last} taking the oath of office",
        "hashtag": "New{post_cap}Minister",
    },
)
def _appointment_sack(rng: random.Random, f: dict[str, str]) -> None:
    pred = _new_person(rng, f)
    f["pred_name"], f["pred_last"] = pred.name, pred.last
    f["his_pred"] = "her" if pred.female else "his"
    f["p2_age"] = str(_lo_hi(rng, 38, 69))
    f["p2_born"] = str(int(f["year"]) - int(f["p2_age"]))
    f["born_town"] = _town(rng, f["country"])
    f["n_years"] = str(_lo_hi(rng, 8, 30))
    f["n_days"] = str(rng.choice((30, 60, 90, 100)))
    f["commission"] = rng.choice(
        (
            "recovering stolen public funds",
            "pension reform",
            "water shortages",
            "public procurement",
            "youth employment",
        )
    )
    f["p2_goal"] = rng.choice(
        (
            "restoring confidence",
            "balancing the budget",
            "ending the shortages",
            "cleaning up public contracts",
            "bringing down prices",
        )
    )


@_kind(
    "appointment.plan",
    titles=(
        "New {post} minister {p2_last} unveils {n_measures}-point plan",
        "[Audit|Review] of [ministry|{post} ministry] contracts [promised|ordered]",
        "[Cuts|Savings] of {amount} [in|at] {post} ministry, {p2_last} says",
        "[First {n_days_in} days|New broom] at the {post} ministry: [what has changed|a report card]",
        "[Budget|Spending] [freeze|review] [as|after] new minister [takes stock|opens the books]",
    ),
    captions=(
        "{p2} presents {his2} plan in {capital}",
        "{p2} at a news conference in {capital}",
    ),
    facts={
        "lede": (
            "{p2} [unveiled|presented] a {n_measures}-point plan {day_ref} to {p2_goal}, "
            "[promising|pledging] savings of {amount} [this year|in the first year].",
            "The new {post} minister, {p2_name}, [ordered|announced] an audit of all "
            "[contracts|spending] signed by the ministry since {audit_year}, {his2} office said "
            "{day_ref}.",
        ),
        "measures": (
            "[Measures|Steps] include {measure_a}, {measure_b} and a [hiring freeze|freeze on "
            "new posts] [at|in] the ministry.",
            "Among the [measures|proposals] are {measure_a} and {measure_b}, according to a "
            "[document|summary] [handed to|given to] [reporters|journalists].",
        ),
        "audit": (
            "[Auditors|A team of auditors] [led by|under] {p3} will [examine|go through] "
            "{n_contracts} contracts [worth|totalling] {amount_contracts}.",
        ),
        "staff": (
            "{p2_last} [replaced|removed] {n_officials} senior officials [in|during] {his2} "
            "first [weeks|month] [in office|at the ministry].",
        ),
        "reaction": (
            "{union_x} [warned|said] that [job cuts|the freeze] [would|could] [hurt|damage] "
            "[services|the ministry's work].",
            "[Business groups|Economists] [cautiously welcomed|welcomed] the plan but said "
            "[details|the figures] [were|remained] [thin|vague].",
        ),
        "first_days": (
            "[Since taking office|In {his2} first {n_days_in} days], {p2_last} has [visited|"
            "toured] [hospitals|depots|offices] [in|across] {n_regions} regions and "
            "[met|held talks with] [unions|local officials].",
        ),
    },
    quotes=(
        ("p2", "Every coin this ministry spends belongs to taxpayers"),
        ("p3", "We will follow every contract to the last signature"),
    ),
    about={
        "event": "the minister's plan",
        "recap": "the new minister's {n_measures}-point plan in {month}",
        "unclear": "how much of the plan the budget could pay for",
        "local_fear": "cuts to local services",
        "image_desc": "{p2_last} holding up a copy of the plan",
        "hashtag": "{post_cap}Plan",
    },
)
def _appointment_plan(rng: random.Random, f: dict[str, str]) -> None:
    f["n_measures"] = str(_lo_hi(rng, 5, 20))
    f["amount"] = f"{_lo_hi(rng, 40, 900, 5)} million {f['currency']}"
    f["amount_contracts"] = f"{rng.uniform(0.2, 4):.1f} billion {f['currency']}"
    f["n_contracts"] = _commas(_lo_hi(rng, 80, 2400))
    f["n_officials"] = NUMBER_WORDS[_lo_hi(rng, 3, 10)]
    f["n_days_in"] = str(rng.choice((30, 50, 100)))
    f["n_regions"] = NUMBER_WORDS[_lo_hi(rng, 3, 9)]
    f["audit_year"] = str(int(f["year"]) - rng.randint(2, 6))
    f["p2_goal"] = rng.choice(("cut waste", "restore confidence", "end the shortages"))
    a, b = rng.sample(
        (
            "a cap on consultants' fees",
            "publishing every contract online",
            "selling off ministry cars",
            "merging two agencies",
            "a hotline for whistleblowers",
            "moving offices out of the capital",
        ),
        2,
    )
    f["measure_a"], f["measure_b"] = a, b
    f["union_x"] = rng.choice(("The civil servants' union", "Staff representatives"))
    _cast(f, "p3", "", _new_person(rng, f))


@_kind(
    "appointment.confidence",
    titles=(
        "Government [survives|wins] confidence vote by {n_margin} votes",
        "[Opposition|{opp_party}] [fails|falls short] in bid to topple {lead_last}",
        "{lead_last} [defeated|loses] confidence vote; [early election|snap poll] looms",
        "[Knife-edge|Tense] vote [as|while] {parliament} [decides|weighs] government's fate",
        "[No-confidence|Censure] motion [over|citing] {trouble_short} [fails|defeated]",
    ),
    captions=(
        "{lead} speaks in the {parliament} in {capital}",
        "Lawmakers vote in the {parliament} in {capital}",
    ),
    facts={
        "lede": (
            "{lead} {conf_outcome} a confidence vote in the {parliament} {day_ref}, with "
            "{n_for} lawmakers voting [for|in favour of] the motion and {n_against} against.",
            "[Lawmakers|The {parliament}] {conf_outcome_b} a no-confidence motion [against|"
            "targeting] the government of {lead_name} {day_ref}, [called|tabled] over "
            "{trouble}.",
        ),
        "debate": (
            "[During|In] a {n_hours}-hour debate, {opp_leader} accused the government "
            "of [losing control|chaos] [over|on] {trouble}.",
        ),
        "defections": (
            "{n_defect_cap} [lawmakers|members] of the [governing coalition|ruling party] "
            "[abstained|broke ranks], the [largest|biggest] [rebellion|revolt] of "
            "{lead_last}'s [term|time in office].",
        ),
        "consequence": ("{conf_consequence}",),
        "markets": (
            "The {currency1} [firmed|weakened] [slightly|] and [bond yields|borrowing costs] "
            "[eased|rose] [after|as] the result [came through|was announced].",
        ),
        "speech": (
            "[Before the vote|In {his} speech], {lead_last} [defended|stood by] {his} record and "
            "[appealed|called] for [unity|stability] [ahead of|before] [a difficult winter|the "
            "budget].",
        ),
    },
    quotes=(
        ("lead", "This country needs stability, not games"),
        ("opp_x", "This government has run out of ideas and out of time"),
    ),
    about={
        "event": "the confidence vote",
        "recap": "the confidence vote in the {parliament} in {month}",
        "unclear": "how long the government could hold on",
        "local_fear": "political chaos",
        "image_desc": "lawmakers crowding around the electronic vote board",
        "hashtag": "ConfidenceVote",
    },
)
def _appointment_confidence(rng: random.Random, f: dict[str, str]) -> None:
    seats = _lo_hi(rng, 121, 401, 2)
    survived = rng.random() < 0.7
    yes = int(seats * (rng.uniform(0.3, 0.48) if survived else rng.uniform(0.51, 0.58)))
    no = int((seats - yes) * rng.uniform(0.85, 0.98))
    f["n_for"], f["n_against"] = str(yes), str(no)
    f["n_margin"] = str(abs(no - yes))
    f["conf_outcome"] = "survived" if survived else "lost"
    f["conf_outcome_b"] = "rejected" if survived else "passed"
    f["conf_consequence"] = (
        "The result [leaves|means] the government in place until the [budget|next election], "
        "[though|but] [analysts|commentators] said its majority was [fragile|shrinking]."
        if survived
        else "Under the constitution, the {leader_lower} [must|has to] [resign|step down] or "
        "call an early election within {n_days} days."
    )
    f["conf_consequence"] = _fill(f["conf_consequence"], {**f, "n_days": "30"}, rng)
    f["n_hours"] = NUMBER_WORDS[_lo_hi(rng, 4, 10)]
    f["n_defect_cap"] = _cap(NUMBER_WORDS[_lo_hi(rng, 2, 9)])
    f["opp_party"] = rng.choice(PARTY_NAMES)
    _cast(f, "opp_x", f"{f['opp_party']} leader", _new_person(rng, f))
    f["opp_leader"] = f["opp_x"]


# ---- economy -------------------------------------------------------------------------------


@_storyline("economy", "economy", cross=("any.poll", "any.inquiry"))
def _line_economy(t: random.Random, rng: random.Random, f: dict[str, str]) -> None:
    _cast(f, "lead", "central bank Governor", _new_person(t, f, True))
    _cast(f, "p2", "Finance Minister", _new_person(t, f, True))
    f["org"] = "the central bank"
    f["org2"] = "the national statistics office"
    f["affair"] = "the cost-of-living crisis"
    f["affair_short"] = "the cost of living"


@_kind(
    "economy.rates",
    opening=True,
    titles=(
        "Central bank raises rates to {rate}% as inflation hits {inflation}%",
        "Inflation climbs to {inflation}%, highest since {hist_year}",
        "{lead_last} signals more rate rises as {currency1} slides",
        "Central bank holds rates at {rate}% despite pressure",
        "[Borrowing costs|Mortgage rates] [jump|climb] [after|as] bank [tightens|acts]",
    ),
    captions=(
        "{lead} speaks at a news conference in {capital}",
        "Shoppers at a market in {city}",
    ),
    facts={
        "lede": (
            "The central bank raised its main interest rate to {rate} percent {day_ref}, its "
            "[third|fourth|latest] increase this year, as inflation [climbed|rose] to "
            "{inflation} percent.",
            "The central bank [lifted|increased] borrowing costs by {rate_step} percentage "
            "points to {rate} percent {day_ref}, [citing|pointing to] persistent price "
            "pressures.",
            "Annual inflation [reached|hit] {inflation} percent in {prev_month}, the highest "
            "since {hist_year}, prompting the central bank to raise rates to {rate} percent "
            "{day_ref}.",
        ),
        "prices": (
            "Food prices rose {food_pct} percent [over the past year|year on year], while "
            "[energy|housing] costs [climbed|rose] {energy_pct} percent, data from {org2} "
            "showed.",
            "The biggest increases were in food, up {food_pct} percent, and energy, up "
            "{energy_pct} percent.",
        ),
        "governor": (
            "{lead} said further [increases|rate rises] [could not be ruled out|remained "
            "possible] if prices kept rising.",
            "{lead_last} [said|told a news conference] the bank expected inflation to [ease|"
            "slow] to about {inflation_target} percent by the end of next year.",
        ),
        "minister": (
            "{p2} said the government would [cut|trim] spending by {amount} to [support|help] "
            "the central bank's efforts.",
            "{p2} [urged|asked] [businesses|retailers] not to [pass on|push through] price rises.",
        ),
        "currency": (
            "The {currency1} has lost {fx_loss} percent of its value against the dollar this year.",
            "[Economists|Analysts] [said|noted] the weak {currency1} [was|had been] pushing up "
            "the cost of imported fuel and food.",
        ),
        "growth": (
            "The economy grew {growth} percent in the last quarter, according to {org2}.",
            "Unemployment [stood at|was] {unemployment} percent, [little changed|unchanged] "
            "from the previous quarter.",
        ),
        "mortgages": (
            "[Banks|Lenders] [were expected to|said they would] pass the rise on to "
            "[borrowers|mortgage holders] [within days|from next month], adding [about|roughly] "
            "{mortgage_add} a month to a typical [repayment|mortgage].",
        ),
    },
    quotes=(
        ("lead", "We will do whatever is necessary to bring inflation back to target"),
        ("p2", "Support for the poorest households will stay in place"),
    ),
    about={
        "event": "the rate decision",
        "recap": "the central bank's increase to {rate} percent in {month}",
        "unclear": "how quickly prices would respond",
        "local_fear": "rising rents and loan repayments",
        "image_desc": "long queues outside exchange offices",
        "hashtag": "CostOfLiving",
    },
)
def _economy_rates(rng: random.Random, f: dict[str, str]) -> None:
    rate = rng.uniform(3, 22)
    f["rate"] = f"{rate:.1f}".replace(".0", "")
    f["rate_step"] = rng.choice(("0.25", "0.5", "0.75", "1", "1.5", "2"))
    f["inflation"] = f"{rng.uniform(3.5, 38):.1f}"
    f["inflation_target"] = str(_lo_hi(rng, 3, 8))
    f["food_pct"] = f"{rng.uniform(5, 45):.1f}"
    f["energy_pct"] = f"{rng.uniform(3, 30):.1f}"
    f["fx_loss"] = str(_lo_hi(rng, 4, 40))
    f["growth"] = f"{rng.uniform(0.2, 5.5):.1f}"
    f["unemployment"] = f"{rng.uniform(4, 19):.1f}"
    f["amount"] = f"{_lo_hi(rng, 100, 950, 50)} million {f['currency']}"
    f["mortgage_add"] = f"{_lo_hi(rng, 20, 300, 5)} {f['currency']}"
    f["hist_year"] = str(int(f["year"]) - rng.randint(6, 30))


@_kind(
    "economy.budget",
    titles=(
        "{p2_last} presents budget with {deficit}% deficit",
        "Budget [raises|hikes] taxes on {tax_target}, [cuts|trims] {cut_target}",
        "[Austerity|Belt-tightening] budget [promises|pledges] to [halve|cut] deficit",
        "[Winners and losers|Who pays]: [what|key points of] the new budget",
        "[Pensions|Public wages] [frozen|capped] [in|under] {p2_last}'s budget",
    ),
    captions=(
        "{p2} presents the budget in the {parliament} in {capital}",
        "Lawmakers listen to the budget speech in {capital}",
    ),
    facts={
        "lede": (
            "{p2} presented a budget {day_ref} that [raises|increases] taxes on {tax_target} "
            "and [cuts|reduces] {cut_target}, [aiming|seeking] to [bring|reduce] the deficit "
            "to {deficit} percent of [economic output|GDP].",
            "The government [unveiled|laid out] a {spending} spending plan for next year "
            "{day_ref}, [with|including] [cuts|savings] of {savings} and [new|higher] taxes on "
            "{tax_target}.",
        ),
        "numbers": (
            "[Spending|Total spending] [will be|is set at] {spending}, [while|and] revenue "
            "[is forecast|is expected] [at|to reach] {revenue}.",
            "Debt [stands at|has reached] {debt_pct} percent of [GDP|economic output], "
            "[according to|said] the finance ministry.",
        ),
        "winners": (
            "[Spending on|Budgets for] {winner_area} will [rise|increase] by {winner_pct} "
            "percent, [the biggest|the largest] [increase|rise] [of any|among] ministries.",
        ),
        "losers": (
            "{cut_target_cap} [will be|are] [frozen|cut] [for|over] {n_years} years, [saving|to "
            "save] {savings}.",
        ),
        "speech": (
            "[In|During] a {n_minutes}-minute speech [to|in] the {parliament}, {p2_last} "
            "[said|warned] the country [had|has] been [living beyond its means|spending money "
            "it did not have].",
        ),
        "opposition": (
            "{opp} called the budget [a war on|an attack on] [the middle class|"
            "pensioners|working families].",
            "[Unions|Public-sector unions] [threatened|called] [strikes|a day of action] "
            "[over|against] the [wage freeze|cuts].",
        ),
        "vote": (
            "The {parliament} [is due to|will] vote on the budget [next month|by {vote_month}].",
        ),
    },
    quotes=(
        ("p2", "We cannot keep borrowing from our children"),
        ("p2", "Every ministry will share the effort"),
    ),
    about={
        "event": "the budget",
        "recap": "the budget presented in {month}",
        "unclear": "whether the budget would pass the {parliament}",
        "local_fear": "higher taxes and frozen pensions",
        "image_desc": "{p2_last} holding up the budget folder",
        "hashtag": "Budget{next_year}",
    },
)
def _economy_budget(rng: random.Random, f: dict[str, str]) -> None:
    f["deficit"] = f"{rng.uniform(1.5, 6):.1f}"
    f["tax_target"] = rng.choice(
        (
            "tobacco and alcohol",
            "luxury cars",
            "bank profits",
            "second homes",
            "sugary drinks",
            "online gambling",
        )
    )
    cut = rng.choice(
        (
            "public-sector wages",
            "defence spending",
            "fuel subsidies",
            "regional grants",
            "pension increases",
        )
    )
    f["cut_target"], f["cut_target_cap"] = cut, _cap(cut)
    f["spending"] = f"{rng.uniform(8, 90):.1f} billion {f['currency']}"
    f["revenue"] = f"{rng.uniform(7, 80):.1f} billion {f['currency']}"
    n = _lo_hi(rng, 200, 3000, 50)
    f["savings"] = (
        f"{n / 1000:g} billion {f['currency']}" if n >= 1000 else f"{n} million {f['currency']}"
    )
    f["debt_pct"] = str(_lo_hi(rng, 45, 130))
    f["winner_area"] = rng.choice(("health", "defence", "education", "railways", "police"))
    f["winner_pct"] = str(_lo_hi(rng, 4, 18))
    f["n_years"] = NUMBER_WORDS[_lo_hi(rng, 2, 3)]
    f["n_minutes"] = str(_lo_hi(rng, 45, 150, 5))
    f["vote_month"] = MONTHS[(int(f["month_num"]) + 1) % 12]
    f["next_year"] = str(int(f["year"]) + 1)


@_kind(
    "economy.currency",
    titles=(
        "{currency1_cap} [plunges|tumbles] {fx_drop}% [in a day|in one session]",
        "Central bank [spends|burns] {reserves_used} to [defend|prop up] {currency1}",
        "[Panic buying|Queues] [at|outside] exchange offices as {currency1} [slides|collapses]",
        "Emergency [measures|curbs] [on|limit] [dollar|foreign currency] purchases",
        "[Record low|All-time low] for {currency1} [against|versus] the dollar",
    ),
    captions=(
        "People queue outside an exchange office in {city}",
        "A money changer counts banknotes in {city}",
    ),
    facts={
        "lede": (
            "The {currency1} [fell|plunged] {fx_drop} percent against the dollar {day_ref}, "
            "[its biggest|the steepest] one-day fall since {hist_year}, [prompting|forcing] the "
            "central bank to [intervene|step in].",
            "The central bank [spent|sold] {reserves_used} of its reserves {day_ref} [to "
            "support|defending] the {currency1}, which [hit|touched] a record low of {fx_level} "
            "to the dollar.",
        ),
        "measures": (
            "[Banks|Exchange offices] will [limit|cap] [purchases|sales] of foreign currency "
            "to {fx_cap} per person per [week|month], [under|according to] rules [announced|"
            "issued] [late on {weekday}|overnight].",
        ),
        "reserves": (
            "Reserves [have fallen|fell] to {reserves_left}, [enough to cover|equivalent to] "
            "[about|less than] {n_months} months of imports.",
        ),
        "street": (
            "[Long queues|Queues] [formed|snaked] outside exchange offices in {city}, and "
            "[some|several] [shops|importers] [stopped|suspended] [selling|sales of] "
            "[electronics|imported goods].",
            "{p3}, who [runs|owns] a [pharmacy|grocery] in {city}, said [suppliers|wholesalers] "
            "had [raised|changed] prices [twice|three times] [in a week|in a day].",
        ),
        "cause": ("[Traders|Analysts] [blamed|attributed] the [fall|slide] [on|to] {fx_cause}.",),
        "government": (
            "{p2} [said|insisted] the [fundamentals|economy] [remained|were] [sound|solid] "
            "and blamed [speculators|currency traders] for [the panic|the "
            "sell-off].",
        ),
    },
    quotes=(
        ("lead", "We have the tools and the will to restore calm"),
        ("p3", "Nobody knows what anything will cost tomorrow"),
    ),
    about={
        "event": "the currency slide",
        "recap": "the {currency1}'s record fall in {month}",
        "unclear": "how long the reserves would last",
        "local_fear": "their savings losing value overnight",
        "image_desc": "queues outside exchange offices",
        "hashtag": "{currency1_tag}Crash",
    },
)
def _economy_currency(rng: random.Random, f: dict[str, str]) -> None:
    f["currency1_cap"] = _cap(f["currency1"])
    f["currency1_tag"] = f["currency1"].title().replace(" ", "")
    f["fx_drop"] = f"{rng.uniform(3, 18):.1f}"
    f["fx_level"] = f"{rng.uniform(12, 900):.2f}"
    f["reserves_used"] = f"{_lo_hi(rng, 200, 2500, 50)} million dollars"
    f["reserves_left"] = f"{rng.uniform(1.1, 9):.1f} billion dollars"
    f["fx_cap"] = f"{rng.choice((500, 1000, 2000, 3000))} dollars"
    f["n_months"] = NUMBER_WORDS[_lo_hi(rng, 2, 5)]
    f["hist_year"] = str(int(f["year"]) - rng.randint(5, 25))
    f["fx_cause"] = rng.choice(
        (
            "a downgrade of the country's credit rating",
            "falling export earnings",
            "rumours of a devaluation",
            "political uncertainty",
        )
    )
    _cast(f, "p3", "", _new_person(rng, f))


@_kind(
    "economy.loan",
    titles=(
        "Government [agrees|reaches deal on] loan of {loan} with Global Stability Fund",
        "[Bailout|Rescue loan] [comes|arrives] with [strings|conditions]: {condition_short}",
        "{p2_last} [signs|seals] [loan|financing] deal [after|following] [months|weeks] of talks",
        "[Fund|Lenders] [demands|demand] {condition_short} in return for {loan}",
        "[Loan|Deal] [lifts|boosts] {currency1} [and|as] bonds [rally|recover]",
    ),
    captions=(
        "{p2} and {p3} at a news conference in {capital}",
        "The finance ministry in {capital}",
    ),
    facts={
        "lede": (
            "The government [reached|agreed] a deal {day_ref} with the Global Stability Fund "
            "for a loan of {loan} over {n_years} years, {p2} said.",
            "The Global Stability Fund [agreed|approved] {day_ref} to [lend|provide] {loan} "
            "[in exchange for|on condition of] {condition}, [officials said|according to "
            "officials].",
        ),
        "conditions": (
            "[Under|As part of] the deal, the government [must|will] {condition} and "
            "[publish|disclose] [the accounts|debts] of state companies.",
        ),
        "fund": (
            "{p3_name}, who [led|headed] the Fund's mission, said the programme [would|should] "
            "[restore|rebuild] confidence [and|while] [protecting|shielding] the poorest.",
        ),
        "tranches": (
            "The [first|initial] [tranche|payment] of {tranche} [will be|is expected to be] "
            "[paid|disbursed] [within|in] {n_weeks} weeks, [the rest|with the remainder] "
            "[linked to|depending on] [reforms|quarterly reviews].",
        ),
        "markets": (
            "The {currency1} [rose|gained] {fx_gain} percent [on the news|after the "
            "announcement], and [government bonds|bond prices] [rallied|rose].",
        ),
        "critics": (
            "[Unions|Opposition parties] [warned|said] the conditions [would|could] [hit|"
            "hurt] [pensioners|the poor] and [called for|demanded] a vote in the "
            "{parliament}.",
        ),
    },
    quotes=(
        ("p2", "This loan buys us time, and we intend to use it well"),
        ("p3", "The programme belongs to the government, not to us"),
    ),
    about={
        "event": "the loan deal",
        "recap": "the loan of {loan} agreed with the Global Stability Fund in {month}",
        "unclear": "when the first money would arrive",
        "local_fear": "cuts to subsidies",
        "image_desc": "{p2_last} shaking hands with the Fund's envoy",
        "hashtag": "LoanDeal",
    },
)
def _economy_loan(rng: random.Random, f: dict[str, str]) -> None:
    f["loan"] = f"{rng.uniform(0.8, 12):.1f} billion dollars"
    f["tranche"] = f"{_lo_hi(rng, 200, 1500, 50)} million dollars"
    f["n_years"] = NUMBER_WORDS[_lo_hi(rng, 3, 5)]
    f["n_weeks"] = NUMBER_WORDS[_lo_hi(rng, 2, 8)]
    f["fx_gain"] = f"{rng.uniform(1, 6):.1f}"
    cond, short = rng.choice(
        (
            ("phase out fuel subsidies over two years", "end of fuel subsidies"),
            ("raise the sales tax by two points", "higher sales tax"),
            ("cap public-sector wages", "wage cap"),
            ("let the currency float freely", "free float"),
        )
    )
    f["condition"], f["condition_short"] = cond, short
    _cast(f, "p3", "Fund mission chief", _new_person(rng, f))


# ---- company -------------------------------------------------------------------------------

_COMPANY_FIRST = (
    "Keystone",
    "Beacon",
    "Vantage",
    "Orion",
    "Sable",
    "Atlas",
    "Lumen",
    "Kestrel",
    "Halcyon",
    "Arbor",
    "Cobalt",
    "Falcon",
    "Zenith",
)
_COMPANY_TRADE = (
    ("Steel", "steelmaker", "plant"),
    ("Motors", "carmaker", "factory"),
    ("Telecom", "telecoms group", "call centre"),
    ("Foods", "food producer", "processing plant"),
    ("Energy", "energy company", "refinery"),
    ("Airways", "airline", "maintenance base"),
    ("Textiles", "textile maker", "mill"),
    ("Logistics", "logistics group", "depot"),
)


@_storyline(
    "company",
    "economy",
    cross=("any.poll", "any.lawsuit"),
    anaphora={
        "country": "the country",
        "company": "the company",
        "site_town": "the town",
        "union": "union",
    },
)
def _line_company(t: random.Random, rng: random.Random, f: dict[str, str]) -> None:
    suffix, ctype, site = t.choice(_COMPANY_TRADE)
    f["company"] = f"{t.choice(_COMPANY_FIRST)} {suffix}"
    f["company_type"] = ctype
    f["site"] = site
    f["site_town"] = f["tcity"]
    f["site_tag"] = f["tcity"].replace(" ", "").replace("-", "")
    f["union"] = (
        "Metalworkers' Union" if ctype in ("steelmaker", "carmaker") else "General Workers' Union"
    )
    _cast(f, "lead", "chief executive", _new_person(t, f, True))
    _cast(f, "p2", "union representative", _new_person(t, f, True))
    f["org"] = f["company"]
    f["org2"] = f"the {f['union']}"
    f["affair"] = f"the planned closure of the {f['company']} {site}"
    f["affair_short"] = f"the {site} closure"


@_kind(
    "company.cuts",
    opening=True,
    titles=(
        "{company} to cut {n_jobs} jobs and close {site} in {site_town}",
        "{company_type_cap} {company} reports {loss_pct}% drop in profit",
        "Unions vow to fight {company} plan to shut {site_town} {site}",
        "{company} chief {lead_last} defends job cuts as sales slump",
        "{n_jobs} jobs at risk as {company} restructures",
    ),
    captions=(
        "The {company} {site} in {site_town}",
        "Workers leave the {company} {site} in {site_town} after a shift",
    ),
    facts={
        "lede": (
            "{company}, one of the country's largest [employers|companies], said {day_ref} it "
            "would cut {n_jobs} jobs and close its {site} in {site_town} [as|after] profit fell "
            "{loss_pct} percent.",
            "The {company_type} {company} [announced|unveiled] plans {day_ref} to [shed|cut] "
            "{n_jobs} jobs, [blaming|citing] [weak demand|high energy costs|falling sales].",
            "{company} will close its {site} in {site_town} by {close_when}, putting {n_jobs} "
            "jobs at risk, chief executive {lead_name} said {day_ref}.",
        ),
        "results": (
            "Net profit fell {loss_pct} percent to {amount_profit} [last year|in the first "
            "half], on sales of {amount_sales}.",
            "{company}'s shares [fell|dropped] {share_pct} percent [in early trading|on the "
            "stock exchange] after the announcement.",
        ),
        "ceo": (
            "{lead_last} said the company would [offer|provide] [retraining|early retirement] to "
            "[affected|some] workers and [invest|spend] {amount_invest} in new technology.",
            "{lead_last} [told analysts|said on a call with analysts] that the market for "
            '{company_type}s had "[changed fundamentally|become much tougher]".',
        ),
        "union": (
            '{p2}, [of|who represents workers at] the {union}, said the union would "use every '
            'means" to [stop|block] the closure.',
            "{p2} [called the plan|described the plan as] [a betrayal|shameful] and "
            "[said|announced] workers would [hold|stage] a protest [next week|on "
            "{next_weekday}].",
        ),
        "town": (
            "The {site} is the [largest|biggest] employer in {site_town}, where [unemployment|"
            "the jobless rate] is already above {unemployment} percent.",
            "{company} [opened|built] the {site} in {site_town} in {opened_year}.",
        ),
        "government": (
            "The industry ministry said it would [meet|hold talks with] company management "
            "[this week|in the coming days] to [look for|discuss] [alternatives|ways to save "
            "jobs].",
            "[Opposition|Local] politicians [urged|called on] the government to [step in|"
            "intervene], noting that {company} received {amount_aid} in state aid in "
            "{aid_year}.",
        ),
        "suppliers": (
            "Local officials in {site_town} [warned|said] the closure would [hit|affect] "
            "[hundreds of suppliers|local shops and suppliers].",
        ),
    },
    quotes=(
        ("lead", "These are painful decisions, but they are necessary to secure the future"),
        ("p2", "The workers are being made to pay for management mistakes"),
    ),
    about={
        "event": "the closure plan",
        "recap": "the announcement in {month} that {n_jobs} jobs would go",
        "unclear": "how many of the jobs could be saved",
        "local_fear": "the town dying once the {site} closes",
        "image_desc": "workers blocking the gates of the {site}",
        "hashtag": "Save{site_tag}Jobs",
    },
)
def _company_cuts(rng: random.Random, f: dict[str, str]) -> None:
    f["company_type_cap"] = _cap(f["company_type"])
    f["n_jobs"] = _commas(_lo_hi(rng, 300, 9000, 50))
    f["loss_pct"] = str(_lo_hi(rng, 12, 68))
    f["share_pct"] = f"{rng.uniform(2, 14):.1f}"
    f["amount_profit"] = f"{_lo_hi(rng, 12, 900)} million {f['currency']}"
    f["amount_sales"] = f"{rng.uniform(0.6, 12):.1f} billion {f['currency']}"
    f["amount_invest"] = f"{_lo_hi(rng, 40, 600)} million {f['currency']}"
    f["amount_aid"] = f"{_lo_hi(rng, 10, 300)} million {f['currency']}"
    f["aid_year"] = str(int(f["year"]) - rng.randint(2, 8))
    f["opened_year"] = str(int(f["year"]) - rng.randint(12, 60))
    f["close_when"] = rng.choice(("the end of the year", "next summer", "the end of next year"))
    f["unemployment"] = str(_lo_hi(rng, 9, 24))


@_kind(
    "company.buyer",
    titles=(
        "[Buyer found|Rescue buyer] for threatened {site}",
        "{buyer} [to buy|agrees to take over] {site}, saving {n_saved} jobs",
        "[Reprieve|Lifeline] for [workers|the town] as {buyer} [steps in|makes offer]",
        "{buyer} [bids|offers] {price} for {company} {site}",
        "[Half the jobs saved|Some jobs saved]: what the takeover deal means",
    ),
    captions=(
        "The {site} in {site_town}",
        "{p3} visits the {site} in {site_town}",
    ),
    facts={
        "lede": (
            "{buyer} agreed {day_ref} to buy the {company} {site} in {site_town} for {price}, "
            "[saving|keeping] {n_saved} of the jobs that were [due|set] to go, both companies "
            "said.",
            "The {site} in {site_town} [will stay open|has been saved] after {buyer}, a "
            "[rival|foreign] {company_type}, [agreed|offered] {day_ref} to take it over, "
            "{p3} said.",
        ),
        "buyer": (
            "{p3}, [head|chief executive] of {buyer}, said the company [planned to|would] "
            "[invest|spend] {amount_invest} [over|in the next] {n_years} years [to modernise|to "
            "upgrade] the site.",
        ),
        "terms": (
            "[Workers|Staff] [kept on|who stay] will [accept|take] a {pay_cut} percent pay cut "
            "[for|over] [two years|the first two years], [under|according to] a deal with the "
            "{union}.",
        ),
        "union": (
            "{p2} called the [deal|agreement] [a reprieve|good news] but said [the "
            "union|workers] [would|will] [fight|keep fighting] for the {n_lost} jobs still "
            "[to be cut|at risk].",
        ),
        "state": (
            "The government [offered|agreed to provide] [tax breaks|a loan guarantee] of "
            "{amount_state} to [secure|seal] the deal, [the industry ministry said|according to "
            "the ministry].",
        ),
        "town": (
            "[In|Across] {site_town}, [shops|cafes] [put up|displayed] [signs|posters] "
            "[thanking|welcoming] the new owner, [local media reported|according to local "
            "radio].",
        ),
    },
    quotes=(
        ("p3", "We see a future here that others did not"),
        ("p2", "Half a victory is still a victory, but we are not done"),
    ),
    about={
        "event": "the takeover",
        "recap": "the takeover of the {site} in {month}",
        "unclear": "whether the new owner would keep its promises",
        "local_fear": "a second round of cuts",
        "image_desc": "workers cheering at the factory gates",
        "hashtag": "{site_tag}Saved",
    },
)
def _company_buyer(rng: random.Random, f: dict[str, str]) -> None:
    f["buyer"] = rng.choice(
        (
            "Asterion",
            "Baltic Holdings",
            "Crestmoor",
            "Delphine Group",
            "Eastgate Industries",
            "Fairhaven Capital",
        )
    )
    f["price"] = f"{_lo_hi(rng, 20, 600)} million {f['currency']}"
    f["amount_invest"] = f"{_lo_hi(rng, 40, 500)} million {f['currency']}"
    f["amount_state"] = f"{_lo_hi(rng, 10, 200)} million {f['currency']}"
    saved = _lo_hi(rng, 200, 4000, 10)
    f["n_saved"], f["n_lost"] = _commas(saved), _commas(_lo_hi(rng, 100, 2000, 10))
    f["n_years"] = NUMBER_WORDS[_lo_hi(rng, 3, 6)]
    f["pay_cut"] = str(_lo_hi(rng, 3, 12))
    _cast(f, "p3", "", _new_person(rng, f))


@_kind(
    "company.occupy",
    titles=(
        "Workers occupy {site} [in|to protest] [closure|job cuts]",
        "[Sit-in|Occupation] at [threatened|doomed] {site} enters day {n_day}",
        "[Police|Bailiffs] [ordered|told] to end occupation of {site}",
        "[Barricades|Tents] at {site} gates as [staff|workers] [refuse to leave|dig in]",
        "{company} [seeks|asks for] court order against occupying workers",
    ),
    captions=(
        "Workers occupy the {site} in {site_town}",
        "A banner hangs from the gates of the {site} in {site_town}",
    ),
    facts={
        "lede": (
            "[Hundreds of|About {n_occupiers}] workers [occupied|took over] the {company} {site} "
            "in {site_town} {day_ref}, [refusing|vowing not] to leave until the [closure|plan] "
            "[is|was] [dropped|reversed].",
            "Workers [occupying|who have occupied] the {site} in {site_town} for {n_day} days "
            "[rejected|defied] an order to leave {day_ref}, [saying|insisting] they would stay "
            "[until|as long as] [needed|it takes].",
        ),
        "inside": (
            "[Inside|Within] the [plant|site], workers [sleep|have been sleeping] on [camp beds|"
            "mattresses] [between|beside] [machines|production lines] and [take turns|rotate] "
            "[guarding|watching] the gates.",
        ),
        "court": (
            "{company} [asked|has asked] a court in {city2} for an order to [remove|evict] the "
            "[occupiers|workers], [saying|arguing] that [equipment|stock] worth {amount_stock} "
            "[was|is] [at risk|trapped inside].",
        ),
        "support": (
            "[Residents|Farmers] from [nearby villages|the area] [brought|delivered] [food|"
            "bread and soup], and [a local band|musicians] [played|gave a concert] at the "
            "gates.",
        ),
        "spokes": (
            "{p3}, a [welder|machine operator] who has worked at the {site} for {n_years_job} "
            "years, said [nobody|no one] [had told|told] workers [anything|the truth].",
        ),
        "talks": (
            "[Talks|Contacts] between [the company|management] and the {union} [broke down|"
            "stalled] [on|late on] {prev_weekday}, [according to|said] {p2}.",
        ),
    },
    quotes=(
        ("p3", "This factory is our life. They will have to carry us out"),
        ("lead", "Occupying the site helps nobody and puts everyone at risk"),
    ),
    about={
        "event": "the occupation",
        "recap": "the occupation of the {site} in {month}",
        "unclear": "whether police would move in",
        "local_fear": "violence at the factory gates",
        "image_desc": "workers sleeping on camp beds between machines",
        "hashtag": "Occupy{site_tag}",
    },
)
def _company_occupy(rng: random.Random, f: dict[str, str]) -> None:
    f["n_occupiers"] = str(_lo_hi(rng, 80, 900, 10))
    f["n_day"] = str(_lo_hi(rng, 3, 30))
    f["n_years_job"] = str(_lo_hi(rng, 5, 35))
    f["amount_stock"] = f"{_lo_hi(rng, 5, 120)} million {f['currency']}"
    _cast(f, "p3", "", _new_person(rng, f))


# ---- accident ------------------------------------------------------------------------------

_VEHICLES = (
    ("train", "derailed", "the railway line", "rail operator", "carriages"),
    ("bus", "plunged into a ravine", "the mountain road", "bus company", "seats"),
    ("ferry", "capsized", "the crossing", "ferry operator", "decks"),
    (
        "passenger train",
        "collided with a freight train",
        "the main line",
        "rail operator",
        "carriages",
    ),
)


@_storyline(
    "accident",
    "disaster",
    cross=("any.resign", "any.inquiry", "any.lawsuit"),
    anaphora={"country": "the country", "crash_town": "the town"},
)
def _line_accident(t: random.Random, rng: random.Random, f: dict[str, str]) -> None:
    vehicle, crashed, route, operator, parts = t.choice(_VEHICLES)
    f.update(vehicle=vehicle, crashed=crashed, route=route, operator=operator, parts=parts)
    f["vehicle_cap"] = _cap(vehicle)
    f["route_cap"] = _cap(route)
    f["crash_town"] = f["tcity"]
    _cast(f, "lead", "Transport Minister", _new_person(t, f, True))
    f["org"] = "the interior ministry"
    f["org2"] = f"the {operator}"
    f["affair"] = f"the {vehicle} disaster near {f['crash_town']}"
    f["affair_short"] = f"the {vehicle} disaster"
    f["crash_tag"] = f["tcity"].replace(" ", "").replace("-", "")


@_kind(
    "accident.crash",
    opening=True,
    titles=(
        "{vehicle_cap} crash near {crash_town} kills {n_dead}",
        "{n_dead} dead after {vehicle} {crashed}",
        "Investigators search for cause of deadly {vehicle} accident",
        "[Mourning|Grief] for {n_dead} killed in {vehicle} disaster",
        "Driver error or faulty brakes? Questions after {crash_town} {vehicle} crash",
    ),
    captions=(
        "Rescue workers at the site of the {vehicle} accident near {crash_town}",
        "The wreckage of the {vehicle} near {crash_town}",
    ),
    facts={
        "lede": (
            "At least {n_dead} people were killed and {n_injured} injured when a {vehicle} "
            "[travelling|on its way] to {city2} {crashed} near {crash_town} {day_ref}, "
            "officials said.",
            "A {vehicle} carrying {n_passengers} passengers {crashed} near {crash_town} "
            "{day_ref}, killing {n_dead} people, {org} said.",
            "At least {n_dead} people died and {n_injured} were hurt {day_ref} after a "
            "{vehicle} {crashed} on {route} outside {crash_town}.",
        ),
        "rescue": (
            "Rescuers worked [through the night|for hours] to [free|reach] passengers trapped "
            "in the wreckage, and {n_serious} of the injured were in serious condition.",
            "The injured were taken to hospitals in {city2} and {city3}, where {n_serious} "
            "were [in critical condition|undergoing surgery].",
        ),
        "scene": (
            "[Footage|Images] from the scene showed [overturned|mangled] {parts} and emergency "
            "workers carrying stretchers.",
        ),
        "cause": (
            "The cause of the accident was not [immediately|yet] known, but {lead} said "
            "investigators were [examining|looking at] [the brakes|the signals|the weather].",
            "Survivors told local media the {vehicle} had been [travelling too fast|badly "
            "overcrowded] before the crash.",
        ),
        "minister": (
            "{lead_last} [declared|announced] a day of mourning and [promised|pledged] support "
            "for the families of the victims.",
            "{lead_last} said the government would [review|audit] safety on {route} [as a "
            "matter of urgency|immediately].",
        ),
        "witness": (
            '"We heard a loud bang and then everything turned upside down," said {witness}, '
            "a passenger who [suffered|escaped with] minor injuries.",
        ),
        "history": (
            "It is the deadliest {vehicle} accident since {hist_year}.",
            "{route_cap} has a poor safety record, and [residents|local officials] have long "
            "[called for|demanded] [upgrades|investment].",
        ),
    },
    quotes=(
        ("lead", "Those responsible will be held to account"),
        ("p2", "We will cooperate fully with the investigators"),
    ),
    about={
        "event": "the accident",
        "recap": "the {vehicle} crash in {month} that killed {n_dead} people",
        "unclear": "how many passengers had been on board",
        "local_fear": "travelling on the same route again",
        "image_desc": "the wreckage of the {vehicle} surrounded by rescuers",
        "hashtag": "{crash_tag}Crash",
    },
)
def _accident_crash(rng: random.Random, f: dict[str, str]) -> None:
    _cast(f, "p2", f"{f['operator']} spokesperson", _new_person(rng, f))
    f["witness"] = _new_person(rng, f).name
    f["n_dead"] = str(_lo_hi(rng, 3, 48))
    f["n_injured"] = str(_lo_hi(rng, 10, 160))
    f["n_serious"] = NUMBER_WORDS[_lo_hi(rng, 2, 10)]
    f["n_passengers"] = str(_lo_hi(rng, 40, 400))
    f["hist_year"] = str(int(f["year"]) - rng.randint(3, 25))


@_kind(
    "accident.report",
    titles=(
        "Report blames {cause_short} for {vehicle} crash",
        "[Investigators|Inquiry] [find|finds] [warnings|faults] ignored before {crash_town} "
        "disaster",
        "{vehicle_cap} was [travelling|going] at {speed} km/h [before|when it] crashed, "
        "report says",
        "[Maintenance|Safety] [failures|lapses] [behind|led to] deadly {vehicle} accident",
        "[Families demand answers|Anger] after {vehicle} crash report",
    ),
    captions=(
        "The site of the {vehicle} accident near {crash_town}",
        "{p3} presents the report in {capital}",
    ),
    facts={
        "lede": (
            "[Investigators|Accident investigators] [blamed|found] {cause} for the {vehicle} "
            "crash near {crash_town}, [in|according to] a report [published|released] "
            "{day_ref}.",
            "The {vehicle} that crashed near {crash_town} was travelling at {speed} kilometres "
            "an hour, [well over|far above] the limit of {limit}, investigators said {day_ref}.",
        ),
        "findings": (
            "The {n_pages}-page report said {operator} had [skipped|postponed] [inspections|"
            "maintenance] [for|over] {n_months} months [to save money|because of staff "
            "shortages].",
            "[Data recorders|The black box] showed that [the driver|the crew] [had|] [tried to "
            "brake|sounded the alarm] {n_seconds} seconds before [impact|the crash].",
        ),
        "investigator": (
            "{p3}, who [led|headed] the investigation, said the [accident|crash] [was|had been] "
            '"[avoidable|entirely preventable]".',
        ),
        "recommendations": (
            "The report [made|set out] {n_recs} recommendations, [including|among them] "
            "[speed limiters|automatic braking] and [independent|annual] [safety audits|"
            "inspections].",
        ),
        "operator": (
            "The {operator} said it [accepted|would implement] the recommendations and had "
            "[already|since] [suspended|replaced] [two|several] managers.",
        ),
        "families": (
            "[An association of|A group representing] victims' families said the report "
            "[confirmed|showed] that [profit|cost-cutting] had been put before [safety|"
            "lives].",
        ),
    },
    quotes=(
        ("p3", "This was not bad luck. It was a chain of decisions"),
        ("lead", "Every recommendation will be carried out, and quickly"),
    ),
    about={
        "event": "the report",
        "recap": "the report in {month} blaming {cause_short} for the crash",
        "unclear": "whether prosecutors would bring charges",
        "local_fear": "nothing changing on the route",
        "image_desc": "relatives holding photographs of the victims",
        "hashtag": "{crash_tag}Report",
    },
)
def _accident_report(rng: random.Random, f: dict[str, str]) -> None:
    cause, short = rng.choice(
        (
            ("worn brakes that had not been replaced", "worn brakes"),
            ("a signal fault reported weeks earlier", "a faulty signal"),
            ("excessive speed on a sharp bend", "speeding"),
            ("an overloaded vessel and an untrained crew", "overloading"),
        )
    )
    f["cause"], f["cause_short"] = cause, short
    f["speed"] = str(_lo_hi(rng, 70, 160, 5))
    f["limit"] = str(_lo_hi(rng, 40, 80, 10))
    f["n_pages"] = str(_lo_hi(rng, 60, 300))
    f["n_months"] = NUMBER_WORDS[_lo_hi(rng, 3, 10)]
    f["n_seconds"] = NUMBER_WORDS[_lo_hi(rng, 2, 9)]
    f["n_recs"] = str(_lo_hi(rng, 8, 40))
    _cast(f, "p3", "chief investigator", _new_person(rng, f))


@_kind(
    "accident.charges",
    titles=(
        "[Driver|Captain] and {n_charged} managers charged over {vehicle} crash",
        "[Manslaughter|Negligence] charges [filed|brought] over {crash_town} disaster",
        "[Head|Chief] of {operator} [steps down|resigns] [after|as] charges [filed|announced]",
        "{n_charged_cap} [face trial|to stand trial] over deadly {vehicle} accident",
        "[Prosecutors|Prosecutor] [seek|seeks] [prison terms|jail] for {vehicle} [crash|"
        "disaster] [managers|officials]",
    ),
    captions=(
        "The {operator} headquarters in {capital}",
        "Relatives of victims outside the court in {city2}",
    ),
    facts={
        "lede": (
            "Prosecutors charged [the driver|the captain] and {n_charged} managers of the "
            "{operator} with negligent manslaughter {day_ref} over the {vehicle} crash near "
            "{crash_town}.",
            "{p3}, [head|chief executive] of the {operator}, [resigned|stepped down] {day_ref} "
            "hours after prosecutors [charged|indicted] {n_charged} of {his_p3} managers over "
            "the crash.",
        ),
        "charges": (
            "[If convicted|If found guilty], they [face|could face] up to {n_years} years in "
            "prison, [the prosecutor's office said|according to prosecutors].",
        ),
        "evidence": (
            "[Prosecutors|The indictment] [said|alleges] managers had [ignored|dismissed] "
            "{n_warnings} [written|internal] warnings about [the brakes|safety] [in|during] "
            "the year before the crash.",
        ),
        "ceo": (
            "{p3_last} said [in a statement|in a letter to staff] that {he_p3} [took|accepted] "
            "[moral|personal] responsibility [but|while] [denied|rejecting] any [wrongdoing|"
            "crime].",
        ),
        "families": (
            "[Relatives|Families] of the victims [welcomed|backed] the charges but [demanded|"
            "asked] that the [officials|regulators] who [approved|signed off on] [the "
            "inspections|safety certificates] also be [charged|prosecuted].",
        ),
        "trial": (
            "[A trial|Hearings] [could|is expected to] [begin|open] in {trial_month} in {city2}.",
        ),
    },
    quotes=(
        ("p3", "I cannot bring back the dead, but I can stop standing in the way"),
        ("lead", "The law will now take its course"),
    ),
    about={
        "event": "the charges",
        "recap": "the charges brought in {month} over the {vehicle} crash",
        "unclear": "when the trial would begin",
        "local_fear": "only junior staff being punished",
        "image_desc": "relatives outside the courthouse",
        "hashtag": "JusticeFor{crash_tag}",
    },
)
def _accident_charges(rng: random.Random, f: dict[str, str]) -> None:
    n = _lo_hi(rng, 2, 8)
    f["n_charged"], f["n_charged_cap"] = NUMBER_WORDS[n], _cap(NUMBER_WORDS[n + 1])
    f["n_years"] = NUMBER_WORDS[_lo_hi(rng, 5, 10)] if rng.random() < 0.6 else "12"
    f["n_warnings"] = NUMBER_WORDS[_lo_hi(rng, 3, 10)]
    f["trial_month"] = MONTHS[(int(f["month_num"]) + rng.randint(2, 6)) % 12]
    _cast(f, "p3", "", _new_person(rng, f))


# ---- outbreak ------------------------------------------------------------------------------


@_storyline("outbreak", "disaster", cross=("any.resign", "any.inquiry", "any.poll"))
def _line_outbreak(t: random.Random, rng: random.Random, f: dict[str, str]) -> None:
    f["disease"] = t.choice(("cholera", "measles", "dengue fever", "typhoid", "diphtheria"))
    f["disease_cap"] = _cap(f["disease"])
    f["spread_by"] = {
        "cholera": "through contaminated water",
        "typhoid": "through contaminated food and water",
        "dengue fever": "by mosquito bites",
        "measles": "through close contact",
        "diphtheria": "through close contact",
    }[f["disease"]]
    f["disease_tag"] = f["disease_cap"].replace(" ", "")
    f["region"] = f"{t.choice(('northern', 'southern', 'eastern', 'western'))} {f['country']}"
    f["region_short"] = f["region"].split()[0]
    _cast(f, "lead", "Health Minister", _new_person(t, f, True))
    f["org"] = "the health ministry"
    f["org2"] = "the national public health institute"
    f["affair"] = f"the {f['disease']} outbreak"
    f["affair_short"] = f"the {f['disease']} outbreak"


@_kind(
    "outbreak.spread",
    opening=True,
    titles=(
        "{disease_cap} outbreak in {region} kills {n_deaths}, infects {n_cases}",
        "Vaccination drive [launched|begins] as {disease} cases rise",
        "Hospitals in {city} overwhelmed by {disease} outbreak",
        "Health ministry declares {disease} epidemic in {n_provinces} provinces",
        "{disease_cap} cases double in a week in {city}",
    ),
    captions=(
        "A health worker vaccinates a child in {city}",
        "Patients wait outside a clinic in {city}",
    ),
    facts={
        "lede": (
            "An outbreak of {disease} has killed {n_deaths} people and infected {n_cases} in "
            "{region}, {lead} said {day_ref}.",
            "The health ministry [declared|announced] a {disease} epidemic in {n_provinces} "
            "provinces {day_ref} after recording {n_cases} cases and {n_deaths} deaths [since|"
            "in] {prev_month}.",
        ),
        "numbers": (
            "The number of new cases [doubled|rose sharply] in the past week, according to {org2}.",
            "Of the {n_cases} cases recorded so far, {n_hospital} [required|needed] hospital "
            "treatment.",
        ),
        "campaign": (
            "The ministry [aims|hopes] to vaccinate {n_vaccinate} people [within|in] "
            "{n_weeks} weeks.",
            "A total of {n_teams} mobile teams [were sent|have been deployed] to villages in "
            "the region.",
        ),
        "minister": (
            "{lead} urged people to [boil drinking water|wash their hands often] and to [seek "
            "help|go to a clinic] at the first symptoms.",
            "{lead_last} said {bloc} had [sent|promised] {n_doses} doses of vaccine.",
        ),
        "doctor": (
            "{p2} said the hospital had [set up|opened] an extra ward [but|and] was [running "
            "short of|short of] [beds|staff].",
            "{p2} [warned|said] that [poor sanitation|overcrowding] in [camps|poorer districts] "
            "was [fuelling|driving] the [outbreak|epidemic].",
        ),
        "context": (
            "{disease_cap} [spreads|is spread] {spread_by}, and outbreaks are common [in the "
            "rainy season|after floods].",
            "The last major outbreak, in {hist_year}, killed {n_hist} people.",
        ),
        "schools": (
            "Schools in {city} [were closed|will close] for {n_weeks} weeks [as a precaution|"
            "to slow the spread].",
        ),
    },
    quotes=(
        ("lead", "The situation is serious but under control"),
        ("p2", "We are seeing whole families arrive every day"),
    ),
    about={
        "event": "the [outbreak|epidemic]",
        "recap": "the [outbreak|epidemic] declared in {month}",
        "unclear": "when the [outbreak|epidemic] would peak",
        "local_fear": "sending their children to school",
        "image_desc": "queues of parents and children outside a clinic",
        "hashtag": "{disease_tag}Alert",
    },
)
def _outbreak_spread(rng: random.Random, f: dict[str, str]) -> None:
    _cast(f, "p2", rng.choice(("Dr.", "hospital director", "senior doctor")), _new_person(rng, f))
    f["n_deaths"] = str(_lo_hi(rng, 3, 140))
    f["n_cases"] = _commas(_lo_hi(rng, 200, 24000, 10))
    f["n_hospital"] = _commas(_lo_hi(rng, 40, 1800))
    f["n_provinces"] = NUMBER_WORDS[_lo_hi(rng, 2, 9)]
    f["n_vaccinate"] = f"{rng.uniform(0.2, 4.5):.1f} million"
    f["n_weeks"] = NUMBER_WORDS[_lo_hi(rng, 2, 8)]
    f["n_teams"] = str(_lo_hi(rng, 20, 400))
    f["n_doses"] = _commas(_lo_hi(rng, 50, 2000) * 1000)
    f["hist_year"] = str(int(f["year"]) - rng.randint(4, 20))
    f["n_hist"] = str(_lo_hi(rng, 30, 600))


@_kind(
    "outbreak.vaccine",
    titles=(
        "{n_vaccinated} vaccinated [as|while] {disease} cases [fall|slow]",
        "New {disease} cases [drop|fall] {pct_drop}% [in|over] a week",
        "[Door-to-door|Mass] vaccination [reaches|covers] {n_villages} villages",
        "[Turning the corner|Progress]? {disease_cap} [infections|cases] [decline|slow]",
        "[Mobile clinics|Vaccine teams] [head|travel] [to|into] [remote|cut-off] areas",
    ),
    captions=(
        "A nurse prepares vaccines in {city}",
        "Children wait to be vaccinated in {city2}",
    ),
    facts={
        "lede": (
            "[More than|Some] {n_vaccinated} people have been vaccinated against {disease}, "
            "and new cases [fell|dropped] {pct_drop} percent [last week|in the past week], the "
            "health ministry said {day_ref}.",
            "New {disease} infections [slowed|declined] for a [second|third] week, {p3} said "
            "{day_ref}, [crediting|thanks to] a [door-to-door|mass] vaccination campaign.",
        ),
        "teams": (
            "[Nurses|Health workers] [travelled|went] by [boat|motorbike] to reach {n_villages} "
            "[remote|isolated] villages, [according to|said] the [campaign's|programme's] "
            "[organisers|coordinators].",
        ),
        "hesitancy": (
            "[Some|A number of] [families|parents] [refused|turned away] [vaccinators|health "
            "workers], [citing|because of] [rumours|false claims] [spread|circulating] on "
            "social media.",
        ),
        "supply": (
            "A [shipment|consignment] of {n_doses} doses [arrived|landed] [from|via] {bloc} "
            "[on {prev_weekday}|this week], [with|and] [more|another] [expected|due] [next "
            "month|in {n_weeks} weeks].",
        ),
        "expert": (
            "{p3} [cautioned|warned] that [it was|it is] too early to [declare victory|say the "
            "outbreak was over], [as|since] [cases|infections] [often|typically] [rise|return] "
            "[after|with] [the rains|the holidays].",
        ),
        "numbers": (
            "The [total|overall] [toll|number of deaths] [stands at|rose to] {n_deaths_total}, "
            "[out of|among] {n_cases_total} cases [since|recorded since] the [outbreak|epidemic] began.",
        ),
    },
    quotes=(
        ("p3", "The curve is bending, but we are not out of the woods"),
        ("nurse", "Some days we vaccinate three hundred children"),
    ),
    about={
        "event": "the vaccination campaign",
        "recap": "the vaccination campaign in {month}",
        "unclear": "when the [outbreak|epidemic] could be declared over",
        "local_fear": "the disease coming back with the rains",
        "image_desc": "health workers crossing a river by boat with cool boxes",
        "hashtag": "Vaccinate",
    },
)
def _outbreak_vaccine(rng: random.Random, f: dict[str, str]) -> None:
    f["n_vaccinated"] = _commas(_lo_hi(rng, 50, 3000) * 1000)
    f["pct_drop"] = str(_lo_hi(rng, 15, 60))
    f["n_villages"] = str(_lo_hi(rng, 40, 900))
    f["n_doses"] = _commas(_lo_hi(rng, 50, 2000) * 1000)
    f["n_weeks"] = NUMBER_WORDS[_lo_hi(rng, 2, 6)]
    f["n_deaths_total"] = str(_lo_hi(rng, 20, 400))
    f["n_cases_total"] = _commas(_lo_hi(rng, 2000, 60000, 10))
    _cast(f, "p3", "epidemiologist", _new_person(rng, f))
    _cast(f, "nurse", "nurse", _new_person(rng, f))


@_kind(
    "outbreak.shortage",
    titles=(
        "Hospitals [run out of|short of] [medicine|drugs] [as|amid] {disease} outbreak",
        "[Nurses|Doctors] [walk out|strike] over [unpaid wages|shortages] [in|at] {city} hospital",
        "[Missing|Stolen] [medicine|supplies]: {n_boxes} boxes [vanish|disappear] from "
        "[warehouse|depot]",
        "[Patients|Families] [forced|told] to buy own [drugs|saline] [as|while] [stocks|"
        "supplies] [dwindle|run out]",
        "[Audit|Inquiry] [ordered|launched] into [medicine|drug] [procurement|purchases]",
    ),
    captions=(
        "Patients lie in a hospital corridor in {city}",
        "Nurses protest outside a hospital in {city}",
    ),
    facts={
        "lede": (
            "Hospitals in {city} ran out of [intravenous fluids|antibiotics|saline] {day_ref}, "
            "[forcing|leaving] families to buy [supplies|medicine] [at pharmacies|on the black "
            "market], doctors said.",
            "[Investigators|Police] [are searching for|are looking into] {n_boxes} boxes of "
            "[medicine|vaccines] that [disappeared|went missing] from a state warehouse in "
            "{city2}, {lead} said {day_ref}.",
        ),
        "wards": (
            "[Patients|Sick children] [lay|were lying] [on mattresses|two to a bed] in "
            "[corridors|hallways] at the [main|regional] hospital, where {p3} said [staff|"
            "nurses] [were working|worked] [double shifts|without pay].",
        ),
        "prices": (
            "[Pharmacists|Pharmacies] [said|reported] the price of [a bag of|a course of] "
            "[saline|antibiotics] had [tripled|risen to] {price} [in|within] [a week|days].",
        ),
        "procurement": (
            "[A contract|An order] for {n_units} units [awarded|signed] in {prev_month} [was|"
            "had been] [delayed|never delivered], [according to|said] [documents|officials] "
            "[seen by|quoted by] [local media|reporters].",
        ),
        "minister": (
            "{lead} [said|promised] [emergency|new] [shipments|supplies] would [arrive|reach "
            "hospitals] [within|in] {n_days} days and [ordered|announced] an audit of "
            "[purchases|procurement].",
        ),
        "staff": (
            "[Nurses|Health workers] at {n_hospitals} hospitals [staged|held] a [two-hour|"
            "one-day] [stoppage|walkout] [over|to protest] [unpaid|late] wages.",
        ),
    },
    quotes=(
        ("p3", "We are being asked to fight an epidemic with empty hands"),
        ("lead", "Whoever stole medicine from the sick will be found"),
    ),
    about={
        "event": "the shortages",
        "recap": "the medicine shortages at hospitals in {month}",
        "unclear": "when supplies would return to normal",
        "local_fear": "not being able to afford medicine",
        "image_desc": "patients lying on mattresses in hospital corridors",
        "hashtag": "EmptyShelves",
    },
)
def _outbreak_shortage(rng: random.Random, f: dict[str, str]) -> None:
    f["n_boxes"] = _commas(_lo_hi(rng, 200, 9000, 10))
    f["n_units"] = _commas(_lo_hi(rng, 10, 900) * 1000)
    f["price"] = f"{_lo_hi(rng, 20, 400)} {f['currency']}"
    f["n_days"] = NUMBER_WORDS[_lo_hi(rng, 2, 10)]
    f["n_hospitals"] = NUMBER_WORDS[_lo_hi(rng, 3, 10)]
    _cast(f, "p3", "Dr.", _new_person(rng, f))


# ---- clash ---------------------------------------------------------------------------------

_GROUPS = (
    "the Eastern Liberation Front",
    "the Free Highlands Army",
    "the Brotherhood of the Valley",
    "the Southern Resistance Movement",
    "the Northern Defence Units",
    "the People's Guard of {region_word}",
)


@_storyline(
    "clash",
    "security",
    cross=("any.inquiry", "any.poll"),
    anaphora={"country": "the country", "group": "the group", "war_town": "the town"},
)
def _line_clash(t: random.Random, rng: random.Random, f: dict[str, str]) -> None:
    f["region_word"] = t.choice(("the Highlands", "the Valley", "the North", "the Coast"))
    group = _pick(t, _GROUPS, f)
    f["group"] = group
    f["group_short"] = group.replace("the ", "", 1)
    f["group_short_cap"] = _cap(f["group_short"])
    f["region"] = f"{t.choice(('northern', 'southern', 'eastern', 'western'))} {f['country']}"
    f["region_short"] = f["region"].split()[0]
    f["war_town"] = f["tcity"]
    f["war_tag"] = f["tcity"].replace(" ", "").replace("-", "")
    f["hist_year"] = str(int(f["year"]) - t.randint(6, 30))
    _cast(f, "lead", "Defence Minister", _new_person(t, f, True))
    _cast(
        f, "p2", "group spokesperson" if t.random() < 0.6 else "commander", _new_person(t, f, True)
    )
    f["org"] = "the defence ministry"
    f["org2"] = group
    f["affair"] = f"the conflict with {group}"
    f["affair_short"] = "the insurgency"


@_kind(
    "clash.attack",
    opening=True,
    titles=(
        "{n_soldiers} soldiers killed in clashes with {group_short} near {war_town}",
        "Army says it killed {n_fighters} fighters in {region_short} [region|hills]",
        "Drone strike near {war_town} kills {group_short} commander",
        "Fighting flares [in the {region_short} region|near {war_town}] as army pushes north",
        "Government vows response after deadly attack on army post near {war_town}",
    ),
    captions=(
        "Soldiers patrol a road near {war_town}",
        "Mourners attend the funeral of soldiers killed near {war_town}",
    ),
    facts={
        "lede": (
            "At least {n_soldiers} soldiers were killed {day_ref} when fighters from {group} "
            "attacked an army post near {war_town}, {org} said.",
            "Clashes between the army and {group} near {war_town} killed {n_soldiers} soldiers "
            "and {n_fighters} fighters {day_ref}, according to {org}.",
            "The army said {day_ref} it had killed {n_fighters} fighters from {group} in "
            "[air strikes|an operation] in {region}, [a day after|following] an attack that "
            "killed {n_soldiers} soldiers.",
        ),
        "detail": (
            "The attack began at about {hour} a.m. and [lasted|went on for] {n_hours} hours, "
            "[according to|said] [a military source|local officials].",
            "Drones [struck|hit] {n_targets} targets, including [a weapons depot|a training "
            "camp|vehicles], [the army said|according to the army].",
        ),
        "minister": (
            '{lead} [visited|flew to] {war_town} and [vowed|promised] to "[restore order|secure '
            'the border]" in the region.',
            "{lead_last} said reinforcements [had been|were being] sent to the region.",
        ),
        "group": (
            "{group_short_cap} [claimed|said it carried out] the attack in a statement "
            "[posted|published] on [messaging apps|social media].",
            "{p2} [denied|disputed] the army's figures, saying only {n_fighters_claim} "
            "fighters had been killed.",
        ),
        "civilians": (
            "{n_civilians_cap} civilians were [also|] [among the dead|killed], according to [a "
            "local hospital|local officials].",
            "[Hundreds of|Many] families [fled|left] villages near {war_town}, [local "
            "officials|aid workers] said.",
        ),
        "history": (
            "{group_short_cap} has waged an insurgency in the region since {hist_year}, "
            "[demanding|seeking] [autonomy|independence].",
            "It was the deadliest attack on the army [this year|since {hist_year2}].",
        ),
    },
    quotes=(
        ("lead", "This attack will not go unanswered"),
        ("p2", "We are defending our land and our people"),
    ),
    about={
        "event": "the attack",
        "recap": "the attack in {month} in which {n_soldiers} soldiers died",
        "unclear": "how many fighters had taken part",
        "local_fear": "being caught between the army and the fighters",
        "image_desc": "columns of smoke over the hills outside {war_town}",
        "hashtag": "{war_tag}Attack",
    },
)
def _clash_attack(rng: random.Random, f: dict[str, str]) -> None:
    n = _lo_hi(rng, 2, 40)
    f["n_soldiers"] = NUMBER_WORDS[n] if n <= 10 else str(n)
    f["n_fighters"] = str(_lo_hi(rng, 8, 90))
    f["n_fighters_claim"] = NUMBER_WORDS[_lo_hi(rng, 2, 7)]
    f["n_civilians_cap"] = _cap(NUMBER_WORDS[_lo_hi(rng, 2, 10)])
    f["n_targets"] = str(_lo_hi(rng, 3, 30))
    f["n_hours"] = NUMBER_WORDS[_lo_hi(rng, 2, 9)]
    f["hour"] = str(_lo_hi(rng, 1, 6))
    f["hist_year2"] = str(int(f["year"]) - rng.randint(1, 5))


@_kind(
    "clash.truce",
    titles=(
        "Government and {group_short} agree [ceasefire|truce]",
        "[Guns fall silent|Truce holds] in {region_short} region [after|following] [deal|"
        "agreement]",
        "[Ceasefire|Truce] [deal|agreement] [brokered|mediated] by {bloc_short}",
        "[Prisoner swap|Exchange of prisoners] [part of|included in] [ceasefire|truce] deal",
        "[Fragile|Shaky] truce: [what|who] [agreed what|signed up to what]",
    ),
    captions=(
        "{p3} announces the ceasefire in {capital}",
        "Residents return to {war_town} after the ceasefire",
    ),
    facts={
        "lede": (
            "The government and {group} agreed a ceasefire {day_ref} [after|following] "
            "{n_days} days of talks [brokered|mediated] by {bloc}, {p3} said.",
            "A truce between the army and {group} [took effect|came into force] at midnight "
            "{day_ref}, [halting|pausing] [fighting|clashes] that [had killed|killed] "
            "[hundreds|dozens] [this year|since the spring].",
        ),
        "terms": (
            "Under the [deal|agreement], [both sides|the two sides] will [pull back|withdraw] "
            "[heavy weapons|artillery] {n_km} kilometres from the front line and [exchange|"
            "swap] {n_prisoners} prisoners.",
        ),
        "monitors": (
            "[A team of|Some] {n_monitors} [monitors|observers] from {bloc} will [watch over|monitor] the "
            "[truce|ceasefire] [from|at] [bases|posts] near {war_town}.",
        ),
        "mediator": (
            "{p3}, [the|a] {bloc_short} [envoy|mediator], called the agreement "
            '"[a first step|fragile but real]" and [urged|called on] both sides to [respect|'
            "honour] it.",
        ),
        "reactions": (
            "{lead} said the army would [respond|return fire] [only|] if [attacked|fired upon], "
            "[while|and] {p2} said {group_short} [would|will] [honour|respect] the truce "
            '"as long as the other side does."',
        ),
        "residents": (
            "[Residents|Families] [displaced|who fled] [from|by] the fighting [began|started] "
            "[returning|to return] to {war_town} [on|by] [foot|tractor], [aid workers|local "
            "officials] said.",
        ),
    },
    quotes=(
        ("p3", "Silence is only the beginning. Now the hard part starts"),
        ("lead", "We will respect the ceasefire as long as it is respected"),
    ),
    about={
        "event": "the ceasefire",
        "recap": "the ceasefire agreed in {month}",
        "unclear": "whether the truce would hold",
        "local_fear": "the fighting starting again",
        "image_desc": "families walking back towards {war_town} with their belongings",
        "hashtag": "Ceasefire",
    },
)
def _clash_truce(rng: random.Random, f: dict[str, str]) -> None:
    f["n_days"] = NUMBER_WORDS[_lo_hi(rng, 3, 10)]
    f["n_km"] = str(rng.choice((5, 10, 15, 20, 30)))
    f["n_prisoners"] = str(_lo_hi(rng, 12, 300))
    f["n_monitors"] = str(_lo_hi(rng, 40, 400, 10))
    _cast(f, "p3", f"{f['bloc_short']} envoy", _new_person(rng, f))


@_kind(
    "clash.offensive",
    titles=(
        "Army [retakes|recaptures] {target_town} from {group_short}",
        "[Offensive|Operation] [launched|begins] [against|on] rebel strongholds",
        "{n_displaced} flee as [fighting|offensive] [reaches|moves towards] {target_town}",
        "[Troops|Soldiers] [enter|push into] {target_town} [after|following] days of "
        "[shelling|fighting]",
        "[Ruins|Devastation] in {target_town} after [army|rebels] [withdraw|pull out]",
    ),
    captions=(
        "Soldiers in {target_town}",
        "Displaced families at a camp near {city2}",
    ),
    facts={
        "lede": (
            "The army [said|announced] {day_ref} it had [retaken|recaptured] {target_town} "
            "from {group} after {n_days} days of fighting, [raising|hoisting] the national "
            "flag over the town hall.",
            "[Troops|The army] [launched|began] [an offensive|a ground offensive] {day_ref} "
            "[against|on] positions held by {group} around {target_town}, {org} said.",
        ),
        "displaced": (
            "[About|Some] {n_displaced} people [fled|have fled] [the fighting|their homes] "
            "[to|towards] {city2}, where [aid groups|the Red Crescent] [set up|opened] "
            "[camps|shelters].",
        ),
        "casualties": (
            "{org_cap} said {n_fighters} fighters had been killed [and|while] {n_soldiers} "
            "soldiers had died; the figures could not be [independently verified|confirmed].",
        ),
        "scene": (
            "[Footage|Images] [released|published] by the army showed [burned-out|"
            "damaged] [buildings|vehicles] and [soldiers|troops] [patrolling|walking through] "
            "[empty|deserted] streets.",
        ),
        "group": (
            "{p2} [said|claimed] {group_short} had [withdrawn|pulled back] [to spare|to "
            "protect] civilians and [would|will] [fight on|keep fighting] [from|in] the "
            "[hills|mountains].",
        ),
        "aid": (
            "[Aid agencies|The UN refugee agency] [appealed for|called for] [safe passage|a "
            "humanitarian corridor] [for|to reach] [civilians|those trapped] in {target_town}.",
        ),
    },
    quotes=(
        ("lead", "{target_town} is free, and it will stay free"),
        ("p2", "Taking a town is not the same as winning a war"),
    ),
    about={
        "event": "the offensive",
        "recap": "the army offensive on {target_town} in {month}",
        "unclear": "how many civilians remained in the town",
        "local_fear": "returning to destroyed homes",
        "image_desc": "soldiers raising a flag over the town hall",
        "hashtag": "{target_tag}",
    },
)
def _clash_offensive(rng: random.Random, f: dict[str, str]) -> None:
    f["target_town"] = _town(rng, f["country"])
    f["target_tag"] = f["target_town"].replace(" ", "").replace("-", "")
    f["n_days"] = NUMBER_WORDS[_lo_hi(rng, 3, 10)]
    f["n_displaced"] = _commas(_lo_hi(rng, 2000, 60000, 100))
    f["n_fighters"] = str(_lo_hi(rng, 20, 200))
    f["n_soldiers"] = str(_lo_hi(rng, 5, 60))


@_kind(
    "clash.hostages",
    titles=(
        "{group_short_cap} [frees|releases] {n_hostages} hostages",
        "[Hostages|Captives] [freed|released] [after|following] {n_months}-month ordeal",
        "[Relief|Tears] as [hostages|captives] [return home|reunite with families]",
        "[Ransom|Deal] [paid|struck]? Questions [over|after] hostage release",
        "[Kidnapped|Abducted] [engineers|aid workers|teachers] [home|released] [after|"
        "following] talks",
    ),
    captions=(
        "Freed hostages arrive at the airport in {capital}",
        "Relatives wait for the hostages in {capital}",
    ),
    facts={
        "lede": (
            "{group} released {n_hostages} hostages {day_ref}, {n_months} months after they "
            "were [seized|abducted] [on|from] a [road|bus] near {war_town}, {org} said.",
            "{n_hostages_cap} [engineers|aid workers|teachers] [held|kept] by {group} for "
            "{n_months} months [were freed|returned home] {day_ref}, [in a deal|after talks] "
            "[mediated|brokered] by [tribal elders|{bloc}].",
        ),
        "arrival": (
            "The [freed|released] [hostages|captives] [landed|arrived] at [a military airport|"
            "the airport] in the capital, where [relatives|families] [waited|were waiting] with "
            "[flowers|flags].",
        ),
        "health": (
            "[Doctors|Medics] said [they|the former hostages] were [tired|thin] but in "
            "[reasonable|good] health.",
        ),
        "deal": (
            "The government [denied|would not confirm] [paying a ransom|reports of a ransom], "
            "[while|and] [local media|newspapers] [said|reported] {n_prisoners} [prisoners|"
            "detainees] had been [released|freed] [in exchange|as part of the deal].",
        ),
        "testimony": (
            "{p3}, one of the [freed|released] hostages, said they had been [moved|kept] "
            "[between|in] [caves|villages] and [rarely|never] [saw|knew] [daylight|where they "
            "were].",
        ),
        "remaining": (
            "[At least|Some] {n_remaining} [people|hostages] [are still|remain] [held|in "
            "captivity], [officials said|according to officials].",
        ),
    },
    quotes=(
        ("p3", "Every morning we did not know if we would see the evening"),
        ("lead", "We never stopped working to bring them home"),
    ),
    about={
        "event": "the hostage release",
        "recap": "the release of {n_hostages} hostages in {month}",
        "unclear": "whether a ransom had been paid",
        "local_fear": "more kidnappings on the roads",
        "image_desc": "freed hostages embracing relatives at the airport",
        "hashtag": "WelcomeHome",
    },
)
def _clash_hostages(rng: random.Random, f: dict[str, str]) -> None:
    n = _lo_hi(rng, 3, 10)
    f["n_hostages"], f["n_hostages_cap"] = NUMBER_WORDS[n], _cap(NUMBER_WORDS[n])
    f["n_months"] = NUMBER_WORDS[_lo_hi(rng, 2, 10)]
    f["n_prisoners"] = str(_lo_hi(rng, 6, 60))
    f["n_remaining"] = NUMBER_WORDS[_lo_hi(rng, 2, 9)]
    _cast(f, "p3", "", _new_person(rng, f))


# ---- events any storyline can have -----------------------------------------------------------
# They need from the storyline: "affair" (what the saga is about, as a noun phrase),
# "affair_short" (two or three words for headlines) and, for a resignation, a "lead" who
# holds a government post.

_POLLSTERS = (
    "the {capital} Institute of Public Opinion",
    "the polling firm Vox Civica",
    "the Barometer Research Group",
    "the polling agency Panorama",
    "the Centre for Social Research",
)


@_kind(
    "any.resign",
    final=True,
    titles=(
        "{lead_title} {lead_name} resigns over {affair_short}",
        "{lead_last} quits as {lead_role} [amid|after] [criticism|pressure] over {affair_short}",
        "[Embattled|Under-fire|Beleaguered] {lead_role} {lead_last} [steps down|resigns]",
        "{leader} accepts {lead_last}'s resignation [after weeks of|following] [pressure|"
        "criticism]",
        "[Who will replace|Who comes after] {lead_last}? [Resignation|Departure] leaves "
        "[gap|vacancy] in cabinet",
        "'I take responsibility': {lead_last} [leaves|quits] government",
    ),
    captions=(
        "{lead} leaves a cabinet meeting in {capital}",
        "{lead} announces {his} resignation at a news conference in {capital}",
    ),
    facts={
        "lede": (
            "{lead} resigned {day_ref}, saying {he} took [responsibility|full responsibility] "
            "for the government's handling of {affair}.",
            "{lead_name} [stepped down|resigned] as {lead_role} {day_ref} after weeks of "
            "[criticism|pressure] over {affair}, the {leader_lower}'s office said.",
            "The {adj} {lead_role}, {lead_name}, [quit|resigned] {day_ref}, becoming the first "
            "[cabinet casualty|minister to fall] over {affair}.",
        ),
        "letter": (
            "In a [one-page|short] letter [released|made public] by {his} office, {lead_last} "
            'said {he} did not want to be "an obstacle" to the government\'s work.',
            "{lead_last} [told|informed] the {leader_lower} of {his} decision [late on "
            "{prev_weekday}|the previous evening], [according to|said] [two|three] officials "
            "[familiar with|with knowledge of] the [matter|conversation].",
        ),
        "successor": (
            "{p3}, [a deputy minister|the ministry's most senior official], will [serve as|act "
            "as] {lead_role} until a permanent [successor|replacement] is [named|appointed].",
            "The {leader_lower} [named|appointed] {p3} as [acting|interim] {lead_role} [and is "
            "expected to|and may] [announce|name] a [permanent|full-time] [successor|"
            "replacement] [within days|next week].",
        ),
        "pressure": (
            "Opposition parties had [demanded|called for] {his} resignation [for weeks|since "
            "{prev_month}], and a [motion of no confidence|censure motion] was [due|set] to be "
            "debated [next week|on {next_weekday}].",
            "[Pressure|Calls for {his} departure] [grew|mounted] after [a newspaper|an "
            "independent broadcaster] [reported|revealed] that {he} had [ignored|dismissed] "
            "[warnings|advice] from [officials|{his} own staff].",
        ),
        "record": (
            "{lead_last}, {age}, had held the post since {since_year} and was [seen as|"
            "considered] [a close ally|one of the closest allies] of the {leader_lower}.",
            "A [lawyer|former diplomat|former journalist] by training, {lead_last} [entered|"
            "joined] the government in {since_year}.",
        ),
        "reaction": (
            "{opp} [welcomed|said] the resignation [but said|was overdue and] it [would not|"
            "did not] end the questions about {affair}.",
            "[Supporters|Allies] of {lead_last} [said|argued] {he} had been [made a scapegoat|"
            "sacrificed] [for|to cover] [failures|mistakes] [elsewhere in|across] the "
            "government.",
        ),
    },
    quotes=(
        ("lead", "A minister must answer for what happens on {his} watch, and I do"),
        ("lead", "I am leaving so that the government can get on with its work"),
    ),
    about={
        "event": "the resignation",
        "recap": "the resignation of the {lead_role} in {month}",
        "unclear": "who would take over the post permanently",
        "local_fear": "a new face with the same old policies",
        "image_desc": "{lead_last} leaving the ministry with a cardboard box",
        "hashtag": "{lead_last}Resigns",
    },
)
def _any_resign(rng: random.Random, f: dict[str, str]) -> None:
    f["age"] = str(_lo_hi(rng, 44, 71))
    f["since_year"] = str(int(f["year"]) - rng.randint(1, 6))
    _cast(f, "p3", "", _new_person(rng, f))


@_kind(
    "any.inquiry",
    titles=(
        "[Lawmakers open|Parliament opens|Parliament launches] inquiry into {affair_short}",
        "{parliament} committee to [investigate|examine] {affair_short}",
        "[Inquiry|Probe] into {affair_short} to call {lead_last} as witness",
        "{n_members}-member panel [will|to] [look into|examine] government's [handling|"
        "conduct] of {affair_short}",
        "[Opposition wins|Opposition secures] [vote|support] for {affair_short} inquiry",
    ),
    captions=(
        "Members of the {parliament} during a session in {capital}",
        "{p3} speaks to reporters at the {parliament} in {capital}",
    ),
    facts={
        "lede": (
            "The {parliament} [voted|agreed] {day_ref} to [open|set up] an inquiry into "
            "{affair}, [with|by] {n_for} votes to {n_against}.",
            "[Lawmakers|Members of the {parliament}] [launched|opened] an inquiry into {affair} "
            "{day_ref}, [naming|appointing] {p3} to [chair|lead] the committee.",
            "A parliamentary committee will [investigate|examine] {affair}, the {parliament} "
            "decided {day_ref} after a [heated|long|stormy] debate.",
        ),
        "panel": (
            "The committee [has|will have] {n_members} members [drawn from|representing] "
            "[all parties|every party in the chamber] and [will be|is] chaired by {p3}.",
            "{p3_name}, [who will chair the panel|the committee's chair], said the first hearings "
            "would [take place|be held] [next week|on {next_weekday}].",
        ),
        "witnesses": (
            "{lead} [is expected|will be asked] to [testify|give evidence] [along with|"
            "alongside] [senior officials|{n_witnesses} other witnesses].",
            "The committee [may|can] [summon|call] witnesses and [demand|order the release of] "
            "[documents|internal papers], [including|such as] [emails|minutes of meetings].",
        ),
        "deadline": (
            "It [must|has to] [report|deliver its findings] [within|in] {n_weeks} weeks.",
            "A report is [due|expected] [by|before] {report_by}.",
        ),
        "government": (
            "{spox} said the government [would cooperate fully|had nothing to hide] and "
            "[welcomed|accepted] the [inquiry|committee's work].",
            "[Government|Coalition] lawmakers [voted against|opposed] the [motion|inquiry], "
            "[calling it|saying it was] a political [stunt|manoeuvre].",
        ),
        "why": (
            "The opposition [had pushed|had campaigned] for the inquiry [for weeks|since "
            "{prev_month}], [citing|pointing to] [contradictions|gaps] in the government's "
            "[account|version of events].",
        ),
    },
    quotes=(
        ("p3", "We will follow the evidence wherever it leads, and no one will be spared"),
        ("p3", "People deserve to know what happened and who decided what"),
    ),
    about={
        "event": "the inquiry",
        "recap": "the parliamentary inquiry opened in {month}",
        "unclear": "whether the committee's findings would have consequences",
        "local_fear": "a whitewash",
        "image_desc": "lawmakers raising their hands in the vote",
        "hashtag": "{country}Inquiry",
    },
)
def _any_inquiry(rng: random.Random, f: dict[str, str]) -> None:
    seats = _lo_hi(rng, 101, 351, 2)
    n_for = int(seats * rng.uniform(0.42, 0.6))
    f["n_for"] = str(n_for)
    f["n_against"] = str(int((seats - n_for) * rng.uniform(0.6, 0.95)))
    f["n_members"] = str(_lo_hi(rng, 7, 21, 2))
    f["n_witnesses"] = str(_lo_hi(rng, 12, 40))
    f["n_weeks"] = NUMBER_WORDS[_lo_hi(rng, 4, 10)] if rng.random() < 0.6 else "12"
    f["report_by"] = "the end of " + MONTHS[(int(f["month_num"]) + rng.randint(1, 4)) % 12]
    _cast(f, "p3", "committee chair", _new_person(rng, f))


@_kind(
    "any.poll",
    titles=(
        "Poll: {pct_bad}% [disapprove of|unhappy with] government handling of {affair_short}",
        "[Most|Majority of] voters [unhappy|dissatisfied] with response to {affair_short}, "
        "survey finds",
        "{affair_short_cap} [hurts|dents] government [ratings|support], poll shows",
        "[Support for|Backing for] {leader_lower} [slips|falls] to {pct_leader}% [amid|after] "
        "{affair_short}",
        "[Voters|Public] [split|divided] over {affair_short}, [new|latest] poll [shows|says]",
    ),
    captions=(
        "People walk past a newspaper kiosk in {capital}",
        "A street in central {capital}",
    ),
    facts={
        "lede": (
            "[Some|As many as] {pct_bad} percent of voters [disapprove of|are unhappy with] the "
            "government's "
            "handling of {affair}, according to a poll [published|released] {day_ref} by "
            "{pollster}.",
            "A [survey|poll] by {pollster} [published|released] {day_ref} found that {pct_bad} "
            "percent of respondents [were dissatisfied with|disapproved of] the way the "
            "government has [dealt with|handled] {affair}.",
        ),
        "method": (
            "The [survey|poll] of {n_sample} adults was [conducted|carried out] between "
            "{from_day} and {to_day} [{month}|this month] and has a margin of error of "
            "{margin} percentage points.",
            "{pollster_cap} [questioned|interviewed] {n_sample} people [by telephone|online and "
            "by telephone]; the margin of error is {margin} points.",
        ),
        "leader": (
            "Approval of the {leader_lower} [fell|dropped|slipped] to {pct_leader} percent, "
            "[down|a fall of] {pct_drop} points from [a month earlier|the previous survey].",
            "The {leader_lower}'s approval rating [stood at|was] {pct_leader} percent, "
            "[its lowest|the lowest] [since|in] [the last election|{hist_year}].",
        ),
        "good": (
            "Only {pct_good} percent said the government had [done well|handled it well], "
            "[while|and] the rest [were undecided|had no opinion].",
            "[Just|Only] {pct_good} percent [approved|backed the government's approach], "
            "[mostly|largely] [older voters|supporters of the governing party].",
        ),
        "split": (
            "[Younger respondents|Voters under 35] were [the most critical|more critical than "
            "older ones], [the poll found|according to the survey].",
            "[Opinion|Views] [differed|varied] [sharply|widely] by region, with the [most "
            "critical|angriest] [answers|respondents] in {city}.",
        ),
        "parties": (
            "The [main|largest] opposition party would win {pct_opp} percent if an election "
            "were held [now|next Sunday], [ahead of|compared with] {pct_gov} percent for the "
            "governing party.",
        ),
    },
    quotes=(),
    about={
        "event": "the poll",
        "recap": "a poll in {month} in which {pct_bad} percent disapproved of the government's handling of the affair",
        "unclear": "whether the government would change course",
        "local_fear": "rising prices",
        "image_desc": "people reading newspapers at a kiosk",
        "hashtag": "{country}Poll",
    },
)
def _any_poll(rng: random.Random, f: dict[str, str]) -> None:
    bad = _lo_hi(rng, 52, 78)
    f["pct_bad"] = str(bad)
    f["pct_good"] = str(_lo_hi(rng, 10, 100 - bad - 5))
    f["pct_leader"] = str(_lo_hi(rng, 24, 44))
    f["pct_drop"] = NUMBER_WORDS[_lo_hi(rng, 2, 9)]
    f["pct_opp"] = str(_lo_hi(rng, 24, 38))
    f["pct_gov"] = str(_lo_hi(rng, 18, 31))
    f["n_sample"] = _commas(_lo_hi(rng, 800, 2400, 50))
    f["margin"] = rng.choice(("2.5", "3", "3.1", "2.8", "3.5"))
    day = rng.randint(1, 20)
    f["from_day"] = str(day)
    f["to_day"] = str(day + rng.randint(2, 6))
    f["hist_year"] = str(int(f["year"]) - rng.randint(2, 8))
    pollster = _pick(rng, _POLLSTERS, f)
    f["pollster"] = pollster
    f["pollster_cap"] = _cap(pollster)


@_kind(
    "any.lawsuit",
    titles=(
        "[Families|Victims] sue [government|state] over {affair_short}",
        "[Lawsuit|Legal action] seeks {amount} in damages over {affair_short}",
        "{n_plaintiffs} [people|plaintiffs] take {affair_short} to court",
        "[Lawyers|Lawyer] [file|files] [class action|collective claim] [over|against] "
        "[handling of|state failures in] {affair_short}",
        "[Court|Judges] [to hear|will hear] {affair_short} [claim|case] in {hearing_month}",
    ),
    captions=(
        "{p3} speaks to reporters outside the court in {capital}",
        "Plaintiffs gather outside the courthouse in {capital}",
    ),
    facts={
        "lede": (
            "A group of {n_plaintiffs} [people|plaintiffs] [filed|lodged] a lawsuit against the state "
            "{day_ref}, seeking {amount} in damages over {affair}, their lawyer said.",
            "[Families|Residents] [affected by|hit by] {affair} [took|have taken] the government "
            "to court, [demanding|seeking] {amount} in compensation, {p3} said {day_ref}.",
        ),
        "claim": (
            "The [claim|suit] [argues|alleges] that [officials|the authorities] [ignored|"
            "failed to act on] [repeated|clear] warnings and [breached|failed in] their duty of "
            "care.",
            "According to the [filing|complaint], [the state|ministries] [knew|had known] of "
            "the risks [for years|since {warn_year}] but [failed|did nothing] to [act|fix them].",
        ),
        "court": (
            "The [case|suit] was [filed|lodged] at the [administrative court|High Court] in "
            "the capital, which [has set a first hearing for|is expected to hold a first hearing "
            "in] {hearing_month}.",
            "A first hearing [is expected|could take place] in {hearing_month}, {p3_last} said.",
        ),
        "plaintiffs": (
            "[Most|Many] of the plaintiffs are [from|in] {city}, [where|and] [some|many] say "
            "they [have received|received] [no help|nothing] [so far|yet].",
            "[Among|The] plaintiffs [are|include] [small business owners|shopkeepers], "
            "[farmers|pensioners] and [families|parents] who lost [homes|income].",
        ),
        "government": (
            "{spox} said the government [had not yet|has not] [seen|received] the [claim|"
            "papers] and [would respond|will reply] in court.",
            "The [justice|finance] ministry [declined to comment|did not comment] on the case.",
        ),
    },
    quotes=(
        ("p3", "My clients are not looking for charity, they are looking for accountability"),
        ("p3", "The state had every warning it needed and chose to do nothing"),
    ),
    about={
        "event": "the lawsuit",
        "recap": "the lawsuit filed in {month}",
        "unclear": "how long the case would take",
        "local_fear": "waiting years for any compensation",
        "image_desc": "plaintiffs holding photographs outside the court",
        "hashtag": "JusticeFor{city_tag}",
    },
)
def _any_lawsuit(rng: random.Random, f: dict[str, str]) -> None:
    f["n_plaintiffs"] = str(_lo_hi(rng, 40, 900))
    f["amount"] = f"{_lo_hi(rng, 12, 480)} million {f['currency']}"
    f["warn_year"] = str(int(f["year"]) - rng.randint(2, 9))
    f["hearing_month"] = MONTHS[(int(f["month_num"]) + rng.randint(1, 5)) % 12]
    _cast(f, "p3", "lawyer", _new_person(rng, f))


_link_storylines()


# ---- facts every kind can add --------------------------------------------------------------
# Kind-independent sentences: background, analysts, reactions... Their slots come from
# `_base_facts`, from `_version_facts` (each outlet quotes its own analyst and residents) and
# from the kind's `about` phrases. They name the country rarely: real reports say "the
# government", "the capital".

GENERIC_FACTS: dict[str, tuple[str, ...]] = {
    "background": (
        "The country has [struggled with|been grappling with|faced] {bg_issue} since {bg_since}.",
        "[It|The episode] comes at a [difficult|sensitive|delicate] time for the government, "
        "which has faced {bg_issue} [since|for much of the time since] {bg_since}.",
        "For {bg_years} years, public debate has been [dominated|shaped] by {bg_issue}.",
        "[Many|Some] people [blame|have blamed] successive governments for {bg_issue}.",
        "[Polls|Surveys] [suggest|show] that {bg_issue} [tops|is at the top of] voters' "
        "[worries|concerns].",
        "[All this|This] [unfolds|is happening] against a backdrop of {bg_issue}.",
    ),
    "analyst": (
        "{analyst} said {event} [could|was likely to|might] {consequence}.",
        '"[This is|It is] [a real test|an important test] for the government," said '
        '{analyst_end}. "[Much|A lot] will depend on [the next few weeks|what happens next]."',
        "[According to|In the view of] {analyst_end}, {event} [shows|is a sign] that {insight}.",
        '"{analyst_quote}," said {analyst_end}.',
        "{analyst_end} [said|argued] that {insight}, [and that|adding that] {event} "
        "[could|would] {consequence}.",
    ),
    "bloc": (
        "{bloc_cap} [said it was following events closely|urged calm] and [offered|said it was "
        "ready] to help [if asked|if requested].",
        "The government of neighbouring {partner} said it was [watching the situation "
        "closely|in contact with officials in the capital].",
        "A spokesperson for {bloc} said the [organisation|bloc] hoped the authorities would "
        "{bloc_hope}.",
    ),
    "statement": (
        "In a statement [posted online|released late on {weekday}], {org} said it [would "
        "cooperate fully|was reviewing the situation|would respond in due course].",
        "{spox} said the government would [publish|release] more details [in the coming days|"
        "later this week].",
        "[Officials|The government] [declined to|would not] [give further details|comment on "
        "the specifics], [citing|pointing to] [the ongoing process|legal constraints].",
        "[Asked about|Questioned about] {event} at a [regular|weekly] briefing, {spox} said "
        "[the government|ministers] [had nothing to add|would not speculate].",
    ),
    "social": (
        "[Videos|Images|Photos] [shared|circulated] on social media [showed|captured] {image_desc}.",
        "On social media, [many|some] users [expressed|voiced] [frustration|anger|support], "
        "and the hashtag #{hashtag} [was trending|trended] for much of the day.",
        "[Footage|Video] broadcast by local television [showed|captured] {image_desc}.",
        "A [clip|video] [posted|shared] by a [local|regional] [news site|broadcaster] [showed|captured] "
        "{image_desc}.",
    ),
    "media": (
        "State television [broadcast|showed] [footage|live coverage] of {event}, while "
        "independent outlets [focused on|highlighted] {media_angle}.",
        "[Newspapers|Commentators] in the capital [were divided|disagreed] over {event}, with "
        "some [focusing on|pointing to] {media_angle}.",
        "The [morning papers|evening news bulletins] [led with|opened with] {event}.",
        "[Editorials|Columnists] [in the capital|in national newspapers] [dwelt on|seized on] {media_angle}.",
    ),
    "nocomment": (
        "There was no immediate comment from {org2}.",
        "{org2_cap} did not respond to a request for comment.",
        "[Officials|Authorities] at {org2} could not be reached for comment [on|late on] {weekday}.",
    ),
    "opposition": (
        "Opposition politicians [seized on|were quick to criticise] the government's "
        '[handling|response], with {opp} [calling it|describing it as] "[a failure of '
        'leadership|too little, too late|chaotic]."',
        "{opp} said the government [had been caught unprepared|had ignored warnings|owed the "
        "public an explanation].",
        "The opposition [demanded|called for] [a debate|an urgent session] in the {parliament} "
        "on {event}.",
        "{opp} accused ministers of [putting politics first|playing for time].",
    ),
    "economic": (
        "The {currency1} [weakened|slipped|edged lower] [slightly|by {fx_pct} percent] against "
        "major currencies [after the news|on {weekday}].",
        "[Economists|Analysts] [estimate|warn] that {event} could [shave|cost] [up to|about] "
        "{gdp_pct} percentage points [off|from] growth this year.",
    ),
    "local": (
        "In {city}, [residents|locals] said they were [worried about|anxious about|afraid of] {local_fear}.",
        '"{resident_quote}," said {resident}, a {resident_job} in {city}.',
        "[Residents|People] in {city2} said they [feared|were worried about] {local_fear}.",
        "{resident}, {resident_age}, a {resident_job}, said {resident_he} [feared|worried about] "
        "{local_fear}.",
    ),
    "witness": (
        '"{witness_quote}," said {witness}, {witness_age}, a {witness_job} from {wtown}.',
        'In {wtown}, {witness}, a {witness_job}, said: "{witness_quote}."',
        '"{witness_quote}," {witness}, {witness_age}, told [a reporter|reporters] in {wtown}.',
    ),
    "expert": (
        "{expert}, a professor of {field} at the University of {utown}, said {event} [showed|"
        "was a reminder] that {insight}.",
        '"{expert_quote}," said {expert}, who teaches {field} at the University of {utown}.',
        "[Writing|In a column] for a [local|regional] newspaper, {expert}, who lectures in "
        "{field} in {utown}, [argued|said] that {event} would {consequence}.",
    ),
    "ngo": (
        "{ngo_cap}, {ngo_kind}, [called for|urged] {ngo_demand}.",
        '"People deserve better than this," said {ngo_person} of {ngo}, {ngo_kind}.',
        "{ngo_person} of {ngo} said the [group|organisation] would [press|push] for {ngo_demand}.",
    ),
    "local_official": (
        "{lo} said the town had [received|had] [little|no] [information|help] from the "
        "capital [so far|yet].",
        "{lo} said [officials|the council] were drawing up [their own|a local] [plan|response].",
    ),
    "business": (
        "{biz_person}, who runs a {biz} in {btown}, said [trade|business] had [fallen|dropped] "
        "by [half|a third] [in recent weeks|since the start of the month].",
        "[In|Over in] {btown}, {biz_person}, [the owner of|who owns] a {biz}, said [customers|clients|regulars] "
        "[were|had been] [talking about little else|worried].",
    ),
    "scene": (
        "In {stown}, {scene}.",
        "[Across|Elsewhere in] the region, in {stown}, {scene}.",
    ),
    "witness2": (
        "{witness_b}, {age_b}, who {activity_b} in {wtown_b}, said {observation}.",
        "In {wtown_b}, {witness_b}, who {activity_b}, said {observation}.",
    ),
    "regional_media": (
        "The {paper} reported that {regional_report}.",
        "According to the {paper}, {regional_report}.",
    ),
    "history": (
        "{htown} last [saw|went through] {history_event} in {hist_year_v}, [older residents "
        "recall|locals say].",
        "[Older residents|Many people] in {htown} [recall|remember] {history_event} in "
        "{hist_year_v}.",
    ),
    "volunteer": (
        "{volunteer}, a volunteer with {charity}, said {volunteer_obs}.",
        "At {charity} in {vtown}, {volunteer} said {volunteer_obs}.",
    ),
    "closing": (
        "[Further|More] details [are expected|were expected] [later this week|in the coming "
        "days], {spox_last} said.",
        "{spox_last} said [officials|the authorities] would give an update {next_day_ref}.",
        "It was not immediately clear {unclear}.",
        "It remains unclear {unclear}.",
    ),
}

# Only when the topic had an earlier story: one sentence ties this one to it. That sentence
# and the topic's country and cast are all a follow-up shares with the earlier story.
PRIOR_FACT: tuple[str, ...] = (
    "It [comes|follows] {gap} after {prior}.",
    "The latest development [follows|comes after] {prior}, [which|an episode that] [drew wide "
    "attention|was widely covered] at the time.",
    "[Earlier|Previously], {prior} had [raised|fuelled] [tensions|questions] over the same issue.",
    "It is {gap} since {prior}.",
    "[The news|This] [comes|arrives] {gap} after {prior}.",
    "[It is|This is] the [latest|newest] [turn|twist|chapter] in a saga that [included|saw] "
    "{prior}.",
)

EDITOR_NOTES: tuple[str, ...] = (
    "Editor's note: This article has been updated with [comments from {spox_last}|the latest "
    "figures from {org}|additional reporting from {city}].",
    "Correction: An earlier version of this article [misstated|gave an incorrect] [the day|the "
    "title] of {spox_name}.",
    "This story has been updated to include [reaction from {org2}|new figures].",
    "Additional reporting by {reporter} in {city2}.",
)

# How outlets quote the words a kind's `quotes` gives: the same words, each outlet its frame.
QUOTE_FRAMES: tuple[str, ...] = (
    '"{quote}," {quote_who} said.',
    '"{quote}," {quote_who} told reporters [in the capital|on {weekday}|afterwards].',
    '{quote_who} said: "{quote}."',
    '"{quote}," {quote_who} said in a [statement|televised address].',
    '[Speaking to|In remarks to] [reporters|journalists], {quote_who} said: "{quote}."',
    '"{quote}," [said|declared] {quote_who}.',
)
ANALYST_QUOTES = (
    "Nobody should be surprised by this",
    "The question is whether anyone has a plan for what comes next",
    "This has been building for a long time",
    "It is easy to make promises and much harder to keep them",
    "People want results, not speeches",
    "There are no easy choices left",
    "The timing could hardly be worse for the government",
    "We have seen this film before",
)


# --------------------------------------------------------------------------------------------
# Stories and article versions


@dataclass(slots=True)
class Story:
    story_id: str
    topic_id: str
    kind: Kind
    when: date
    facts: dict[str, str]
    # Template alternatives already told by some version: a rewrite picks others. The keys
    # are also the facts the story's versions have told so far.
    used: dict[str, set[int]] = field(default_factory=dict)
    n_versions: int = 0


@dataclass(slots=True)
class _Topic:
    topic_id: str
    seed: int
    line: Storyline
    recap: str
    when: date
    n_stories: int
    done: set[str] = field(default_factory=set)  # kinds of event the topic has had
    closed: bool = False  # no further stories (after a resignation, say)


AGENCIES = ("CWS", "NPA", "TPX", "IPS", "KNA", "Orbis")
PHOTOGRAPHERS = (
    "Elena Marsh",
    "Tomas Reyl",
    "Nadia Ferro",
    "Kofi Mensar",
    "Ilse Baumgart",
    "Arjun Mehra",
    "Paloma Ruiz",
    "Viktor Halas",
    "Sofia Lindell",
    "Omar Khalif",
)

# The default sites: two per seed layout, two per own layout, and an aggregator. Weights give
# the asharq- and arabnews-like sites most files, as in the seed scrape.
SITES: tuple[Site, ...] = (
    Site(
        "crescent-herald",
        "Crescent Herald",
        "asharq",
        3.0,
        title_case=True,
        curly=True,
        caption_prob=0.8,
        caption_style="mixed",
        max_appended=3,
    ),
    Site(
        "gulf-meridian",
        "Gulf Meridian",
        "asharq",
        1.5,
        title_case=True,
        curly=True,
        caption_prob=0.5,
        caption_style="dated",
        max_appended=4,
        nested=True,
    ),
    Site(
        "harbour-daily",
        "Harbour Daily",
        "arabnews",
        2.5,
        curly=True,
        dateline="upper_colon",
        dateline_prob=0.9,
        caption_prob=0.3,
        caption_style="credit",
        bullet_prob=0.6,
        relative_dates=0.22,
    ),
    Site(
        "eastwind-news",
        "Eastwind News",
        "arabnews",
        1.5,
        curly=True,
        dateline="cap_colon",
        dateline_prob=0.8,
        caption_prob=0.2,
        caption_style="short",
        bullet_prob=0.5,
        max_appended=4,
        relative_dates=0.22,
    ),
    Site("meridian-media", "Meridian Media Group", "plain", 1.0, max_appended=0),
    Site("lantern-wire", "Lantern Wire Group", "plain", 0.6, max_appended=0),
    Site(
        "northgate-courier",
        "The Northgate Courier",
        "byline",
        1.2,
        curly=True,
        dateline="dash",
        dateline_prob=0.7,
        caption_prob=0.5,
        caption_style="credit",
        max_appended=3,
    ),
    Site(
        "pinewood-tribune",
        "Pinewood Tribune",
        "byline",
        0.8,
        title_case=True,
        caption_prob=0.3,
        caption_style="short",
        max_appended=2,
        nested=True,
    ),
    Site(
        "continental-ledger",
        "Continental Ledger",
        "wrapped",
        0.9,
        dateline="wire",
        dateline_prob=0.9,
        caption_prob=0.2,
        bullet_prob=0.3,
        max_appended=2,
        wrap=72,
        agency="CLW",
    ),
    Site(
        "silverline-dispatch",
        "Silverline Dispatch",
        "wrapped",
        0.6,
        dateline="dash",
        dateline_prob=0.5,
        caption_prob=0.0,
        max_appended=3,
        wrap=78,
    ),
)


def _gap(days: int) -> str:
    if days < 10:
        return f"{NUMBER_WORDS[max(days, 2)]} days"
    if days < 56:
        return f"{NUMBER_WORDS[max(days // 7, 2)]} weeks"
    if days < 330:
        return f"{NUMBER_WORDS[min(days // 30, 10)]} months"
    return "more than a year"


def _ordinal(n: int) -> str:
    if n <= len(_ORDINAL_WORDS):
        return _ORDINAL_WORDS[n - 1]
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


_ORDINAL_WORDS = (
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
)


def _base_facts(t: random.Random, rng: random.Random, when: date) -> dict[str, str]:
    """Facts every story has: the topic's country, partner country, home town and bloc
    (from `t`), and the story's own places, dates and spokesperson (from `rng`)."""
    country = t.choice(COUNTRIES)
    partner = t.choice([c for c in COUNTRIES if c is not country])
    tcity = t.choice(country.cities)
    bloc = t.choice(BLOCS)
    # The story's place: the capital, one of the big cities or one of many small towns.
    r = rng.random()
    city = country.capital if r < 0.12 else rng.choice(country.cities) if r < 0.5 else None
    towns = {city}
    while len(towns) < 4:
        towns.add(_town(rng, country.name))
    towns.discard(None)
    city = city or towns.pop()
    towns.discard(city)
    city2, city3 = sorted(towns)[:2]
    weekday = WEEKDAYS[when.weekday()]
    f: dict[str, str] = {"_tl": "", "_rl": "", "_cast": " "}
    f.update(
        {
            "country": country.name,
            "adj": country.adj,
            "capital": country.capital,
            "tcity": tcity,
            "city": city,
            "city2": city2,
            "city3": city3,
            "city_tag": city.replace(" ", "").replace("-", "").replace("'", ""),
            "region": f"{rng.choice(('northern', 'southern', 'eastern', 'western', 'central'))} "
            f"{country.name}",
            "leader": country.leader,
            "leader_lower": country.leader.lower(),
            "parliament": country.parliament,
            "currency": country.currency,
            "currency1": _singular(country.currency),
            "partner": partner.name,
            "partner_adj": partner.adj,
            "partner_capital": partner.capital,
            "bloc": bloc,
            "bloc_cap": _cap(bloc),
            "bloc_short": bloc.removeprefix("the "),
            "weekday": weekday,
            "prev_weekday": WEEKDAYS[when.weekday() - 1],
            "day_ref": f"on {weekday}" if rng.random() < 0.8 else weekday,
            "month": MONTHS[when.month - 1],
            "month_num": str(when.month),
            "year": str(when.year),
            "prev_month": MONTHS[when.month - 2],
            "next_weekday": WEEKDAYS[(when.weekday() + rng.randint(1, 5)) % 7],
        }
    )
    f["next_day_ref"] = f"on {f['next_weekday']}"
    return f


def _story_facts(
    t: random.Random, rng: random.Random, line: Storyline, kind: Kind, when: date
) -> dict[str, str]:
    """All facts of one story: base facts, the storyline's cast (from `t`), a spokesperson
    and the event's own facts (from `rng`), the `about` phrases and the shared quotation."""
    f = _base_facts(t, rng, when)
    line.setup(t, rng, f)
    f["_line"] = line.name
    f["_anaphora"] = "|".join(f"{k}={v}" for k, v in line.anaphora.items())
    # Drawn after the topic's cast so that no one in the story shares a surname.
    spox_title = rng.choice(SPOX_TITLES)
    spox = _new_person(rng, f)
    if spox_title.endswith("spokesman") and spox.female:
        spox_title = spox_title.replace("spokesman", "spokeswoman")
    _cast(f, "spox", spox_title, spox)
    kind.setup(rng, f)
    for key in ("org", "org2", "affair_short"):
        f[key + "_cap"] = _cap(f.get(key, ""))
    for key, template in kind.about.items():
        f[key] = _fill(template, f, rng, cap=False)
    if kind.quotes:
        who, words = rng.choice(kind.quotes)
        f["quote"] = _fill(words, f, rng)
        f["quote_who"] = f[who]
    return f


def _version_facts(rng: random.Random, story_facts: dict[str, str]) -> dict[str, str]:
    """The story's facts plus what one outlet adds on its own: the analyst it calls, the
    residents it meets, the background it chooses."""
    f = dict(story_facts)
    analyst = _new_person(rng, f)
    resident = _new_person(rng, f)
    reporter = _new_person(rng, f)
    opp = _new_person(rng, f)
    f["itown"] = _town(rng, f["country"])
    f["institute"] = rng.choice(INSTITUTE_PATTERNS).format_map(f)
    f["analyst_end"] = (
        f"{analyst.name}, "
        f"{rng.choice(('an analyst', 'a researcher', 'a senior fellow', 'a political scientist'))}"
        f" at {f['institute']}"
    )
    f["analyst"] = f["analyst_end"] + ","
    f["analyst_last"] = analyst.last
    f["analyst_quote"] = rng.choice(ANALYST_QUOTES)
    f["resident"] = resident.name
    f["resident_he"] = "she" if resident.female else "he"
    f["resident_age"] = str(rng.randint(23, 78))
    f["resident_job"] = rng.choice(RESIDENT_JOBS)
    f["resident_quote"] = rng.choice(RESIDENT_QUOTES)
    f["reporter"] = reporter.name
    f["opp"] = f"{rng.choice(PARTY_NAMES)} leader {opp.name}"
    f["insight"] = rng.choice(INSIGHTS)
    f["bloc_hope"] = rng.choice(BLOC_HOPES)
    f["media_angle"] = rng.choice(MEDIA_ANGLES)
    f["bg_since"] = str(int(f["year"]) - rng.randint(2, 15))
    f["bg_years"] = NUMBER_WORDS[rng.randint(2, 10)]
    f["bg_issue"] = rng.choice(BG_ISSUES).format_map(f)
    f["consequence"] = rng.choice(CONSEQUENCES).format_map(f)
    f["fx_pct"] = f"{rng.uniform(0.3, 3.5):.1f}"
    f["gdp_pct"] = f"{rng.uniform(0.1, 1.5):.1f}"
    # People and places only this outlet went to.
    country = f["country"]
    witness = _new_person(rng, f)
    f["witness"] = witness.name
    f["witness_age"] = str(rng.randint(19, 84))
    f["witness_job"] = rng.choice(RESIDENT_JOBS)
    f["witness_quote"] = rng.choice(WITNESS_QUOTES)
    f["wtown"] = _town(rng, country)
    expert = _new_person(rng, f)
    f["expert"] = expert.name
    f["field"] = rng.choice(FIELDS)
    f["utown"] = _town(rng, country)
    f["expert_quote"] = rng.choice(EXPERT_QUOTES)
    f["ngo"], f["ngo_kind"] = rng.choice(NGOS)
    f["ngo_cap"] = _cap(f["ngo"])
    f["ngo_person"] = _new_person(rng, f).name
    f["ngo_demand"] = rng.choice(NGO_DEMANDS)
    f["ltown"] = _town(rng, country)
    f["lo"] = f"{rng.choice(LOCAL_TITLES)} {_new_person(rng, f).name} of {f['ltown']}"
    f["biz_person"] = _new_person(rng, f).name
    f["stown"] = _town(rng, country)
    f["scene"] = rng.choice(SCENES)
    f["witness_b"] = _new_person(rng, f).name
    f["age_b"] = str(rng.randint(19, 84))
    f["activity_b"] = rng.choice(ACTIVITIES)
    f["wtown_b"] = _town(rng, country)
    f["observation"] = rng.choice(OBSERVATIONS)
    rtown = _town(rng, country)
    f["paper"] = f"{rtown} {rng.choice(PAPER_NAMES)}"
    f["regional_report"] = rng.choice(REGIONAL_REPORTS)
    f["htown"] = _town(rng, country)
    f["history_event"] = rng.choice(HISTORY_EVENTS)
    f["hist_year_v"] = str(int(f["year"]) - rng.randint(4, 40))
    f["volunteer"] = _new_person(rng, f).name
    f["charity"] = rng.choice(CHARITIES)
    f["vtown"] = _town(rng, country)
    f["volunteer_obs"] = rng.choice(VOLUNTEER_OBS)
    f["biz"] = rng.choice(BUSINESSES)
    f["btown"] = _town(rng, country)
    return f


def _singular(currency: str) -> str:
    if currency.endswith("lire"):
        return currency[:-4] + "lira"
    if currency in ("leva", "kroner"):
        return {"leva": "lev", "kroner": "krone"}[currency]
    return currency[:-1] if currency.endswith("s") else currency


# Generic facts that read oddly for a kind (a court verdict moving the currency...).
_GENERIC_SKIP: dict[str, tuple[str, ...]] = {
    "talks": ("economic",),
    "election": ("economic",),
    "court": ("economic", "bloc"),
    "appointment": ("bloc", "economic"),
    "protest": ("economic",),
    "accident": ("economic",),
    "outbreak": ("economic",),
    "company": ("bloc",),
    "economy": ("economic",),
    "clash": ("economic",),
}

_GENERIC_TWICE = ("statement", "media")

_PAR_COUNTS = (6, 7, 8, 9, 10, 11, 12, 12, 13, 13, 14, 15, 16, 18, 20, 22)
# A rewrite tells a fact the base told unless this chance says it leaves it out.
_REWRITE_OWN = 0.3
# Chances that a version quotes the kind's shared words: the base, then each rewrite.
_QUOTE_BASE = 0.85
_QUOTE_REWRITE = 0.6
# How many generic sentences (background, analysts, reactions) a version adds.
_GENERIC_RANGE = (11, 18)


class StoryMaker:
    """Invents stories and renders their article versions, deterministically from one rng.

    Topics give the "related but different" case: a follow-up story on a topic keeps the
    country and cast (drawn again from the topic's own seed) but is another kind of event of
    the topic's storyline, with its own date, numbers, people and sentences, and one sentence
    that recalls the previous story.
    """

    def __init__(self, rng: random.Random, *, follow_up: float = 0.35) -> None:
        self.rng = rng
        self.follow_up = follow_up
        self.topics: deque[_Topic] = deque(maxlen=300)
        self.n_stories = 0
        self.n_topics = 0
        self._lines = list(STORYLINES.values())

    def new_story(self, when: date) -> Story:
        rng = self.rng
        topic = None
        if self.topics and rng.random() < self.follow_up:
            # Mostly recent topics: a storyline runs for a while, then goes quiet.
            topic = self.topics[-1 - min(int(rng.expovariate(1 / 25)), len(self.topics) - 1)]
            if topic.closed:
                topic = None
        if topic is None:
            self.n_topics += 1
            line = rng.choice(self._lines)
            topic = _Topic(f"t{self.n_topics:06d}", rng.getrandbits(48), line, "", when, 0)
            self.topics.append(topic)
            kind = rng.choice(line.openings)
        else:
            # A development the topic has not had yet; its own storyline's kinds first.
            left = [k for k in topic.line.kinds if k.name not in topic.done]
            weights = [3 if k.storyline == topic.line.name else 1 for k in left]
            kind = rng.choices(left, weights=weights)[0]
        topic.done.add(kind.name)
        topic.closed = kind.final or len(topic.done) == len(topic.line.kinds)
        f = _story_facts(random.Random(topic.seed), rng, topic.line, kind, when)
        if topic.recap:
            f["prior"] = topic.recap
            f["gap"] = _gap(max((when - topic.when).days, 2))
        topic.recap, topic.when = f["recap"], when
        topic.n_stories += 1
        self.n_stories += 1
        return Story(f"s{self.n_stories:06d}", topic.topic_id, kind, when, f)

    def _choose(self, story: Story, key: str, templates: Sequence[str], f: dict[str, str]) -> str:
        used = story.used.setdefault(key, set())
        fresh = [i for i in range(len(templates)) if i not in used]
        i = self.rng.choice(fresh) if fresh else self.rng.randrange(len(templates))
        used.add(i)
        return _fill(templates[i], f, self.rng)

    def article(self, story: Story, site: Site, *, n_paragraphs: int | None = None) -> ArticleText:
        """A new version of `story` for `site`: the first is the base, later ones rewrites.

        Every version tells the lede (the event, its main actors, place, day and key number)
        in its own words. A rewrite tells most of the other facts the base told, some the
        base left out, its own background and analysts; about half the rewrites quote the
        same words as the base, as outlets quote the same speaker."""
        rng = self.rng
        kind = story.kind
        f = _version_facts(rng, story.facts)
        first = story.n_versions == 0
        n_par = n_paragraphs or rng.choice(_PAR_COUNTS)
        sizes = [rng.choice((1, 2, 2, 2, 3, 3)) for _ in range(n_par)]
        sizes[0] = rng.choice((1, 1, 2))
        specific = [k for k in kind.facts if k != "lede"]
        rng.shuffle(specific)
        if not first:
            specific.sort(key=lambda k: k not in story.used or rng.random() < _REWRITE_OWN)
        quote = bool(kind.quotes) and rng.random() < (_QUOTE_BASE if first else _QUOTE_REWRITE)
        skip = _GENERIC_SKIP.get(f["_line"], ())
        # Long articles tell some generic facts twice, with two different templates.
        generic = [k for k in (*GENERIC_FACTS, *_GENERIC_TWICE) if k not in skip]
        rng.shuffle(generic)
        generic = generic[: rng.randint(*_GENERIC_RANGE)]
        # Specific facts come early, as in a news article's inverted pyramid; then a mix.
        lead_n = rng.randint(2, 4)
        rest = specific[lead_n:] + generic
        rng.shuffle(rest)
        order = ["lede", *specific[:lead_n], *rest]
        if quote:  # the words everyone quotes come high up
            order.insert(rng.randint(2, 6), "quote")
        if "prior" in f:
            order.insert(min(len(order), rng.randint(6, 11)), "prior")
        # Closing lines move last in some versions.
        if "closing" in order and rng.random() < 0.5:
            order.remove("closing")
            order.append("closing")
        n_sent = max(
            sum(sizes),
            order.index("prior") + 1 if "prior" in order else 0,
            order.index("quote") + 1 if "quote" in order else 0,
        )
        later = dict(x.split("=", 1) for x in f["_anaphora"].split("|") if x)
        af = _Anaphora(f, later) if later else f
        sentences: list[str] = []
        for key in order[:n_sent]:
            if key in kind.facts:
                sentences.append(self._choose(story, key, kind.facts[key], af))
            elif key == "prior":
                sentences.append(self._choose(story, "prior", PRIOR_FACT, af))
            elif key == "quote":
                sentences.append(self._choose(story, "quote", QUOTE_FRAMES, af))
            else:
                sentences.append(self._choose(story, "g:" + key, GENERIC_FACTS[key], af))
        if later:
            sentences = [_the_the(x) for x in sentences]
        sentences = _introduce(sentences, f)
        paragraphs: list[str] = []
        pos = 0
        for size in sizes:
            if pos >= len(sentences):
                break
            paragraphs.append(" ".join(sentences[pos : pos + size]))
            pos += size
        if pos < len(sentences):
            paragraphs.append(" ".join(sentences[pos:]))
        title = self._choose(story, "title", kind.titles, f)
        title = title_case(title) if site.title_case else title[0].upper() + title[1:]
        caption = None
        if rng.random() < site.caption_prob:
            caption = self._caption(story, site, f)
        if site.dateline != "none" and rng.random() < site.dateline_prob:
            paragraphs[0] = self._dateline(story, site) + paragraphs[0]
        if site.curly:
            title, paragraphs = curly_quotes(title), [curly_quotes(p) for p in paragraphs]
            caption = curly_quotes(caption) if caption else None
        bullets: list[str] = []
        bullet_style = "bullet"
        if rng.random() < site.bullet_prob:
            bullets, bullet_style = _summary_lines(rng, paragraphs)
        story.n_versions += 1
        author = _new_person(rng).name
        return ArticleText(
            article_id=f"{story.story_id}.{story.n_versions - 1}",
            story_id=story.story_id,
            title=title,
            outlet=site.outlet,
            paragraphs=paragraphs,
            date=story.when,
            caption=caption,
            bullets=bullets,
            bullet_style=bullet_style,
            glue=rng.randrange(1, len(paragraphs)) if rng.random() < 0.12 else -1,
            author=author,
            time=f"{rng.randint(6, 22):02d}:{rng.randrange(0, 60, 5):02d}",
            kind="base" if story.n_versions == 1 else "rewrite",
            topic_id=story.topic_id,
        )

    def _caption(self, story: Story, site: Site, f: dict[str, str]) -> str:
        rng = self.rng
        desc = self._choose(story, "caption", story.kind.captions, f)
        agency = rng.choice(AGENCIES)
        style = site.caption_style
        if style == "mixed":
            style = rng.choice(("dated", "credit", "short"))
        d = story.when
        if style == "dated":
            return (
                f"{d.day:02d} {MONTHS[d.month - 1]} {d.year}, {f['country']}, {f['city']}: "
                f"{desc}. ({agency})"
            )
        if style == "credit":
            place = "" if desc.endswith(f["city"]) else f", {f['city']}"
            return (
                f"{desc}{place}, {MONTHS[d.month - 1]} {d.day}, {d.year}. "
                f"{agency.upper()}/{rng.choice(PHOTOGRAPHERS)}"
            )
        return f"{desc}. ({agency})"

    def _dateline(self, story: Story, site: Site) -> str:
        city = story.facts["city"]
        d = story.when
        if site.dateline == "upper_colon":
            return f"{city.upper()}: "
        if site.dateline == "cap_colon":
            return f"{city}: "
        if site.dateline == "dash":
            return f"{city.upper()} — "
        return f"{city.upper()}, {MONTH_ABBR[d.month - 1].rstrip('.')} {d.day} ({site.agency}) - "


class _Anaphora(dict):
    """An article's facts as templates see them, in article order: the storyline's names in
    `later` read in full the first time and as a short reference afterwards ("Cobalt
    Textiles" ... "the company"), as reporters write."""

    def __init__(self, facts: dict[str, str], later: dict[str, str]) -> None:
        super().__init__(facts)
        self.later = later
        self.seen: set[str] = set()

    def __getitem__(self, key: str) -> str:
        value = dict.__getitem__(self, key)
        short = self.later.get(key)
        if short is None:
            return value
        if key in self.seen:
            return short
        self.seen.add(key)
        return value


def _the_the(text: str) -> str:
    # "the {union}" once the union is "the union"; "the {town} mill" once it is "the town".
    if "he the " in text:
        text = text.replace("the the ", "the ").replace("The the ", "The ")
    return text


_REF_NOUNS = frozenset(
    (
        "minister",
        "leader",
        "governor",
        "envoy",
        "spokesperson",
        "spokesman",
        "spokeswoman",
        "chief",
        "executive",
        "mayor",
        "judge",
        "representative",
        "prosecutor",
        "ambassador",
        "inspector",
        "lawyer",
        "director",
        "investigator",
        "chair",
        "commander",
        "activist",
        "presenter",
        "epidemiologist",
        "nurse",
        "doctor",
        "president",
    )
)


def _role_ref(role: str, full: str) -> str | None:
    """How a report refers to someone by role: "the foreign minister", "the union leader"."""
    words = role.split()
    if not words or words[-1].lower() not in _REF_NOUNS:
        return None
    if len(words) > 3:
        words = words[-1:] if words[-2][:1].isupper() else words[-2:]
    former = "former " if full.startswith("former ") else ""
    return f"the {former}{' '.join(words)}"


def _introduce(sentences: list[str], f: dict[str, str]) -> list[str]:
    """Newsroom naming: the first mention of a person introduces them, later ones use the
    surname only. Templates can't know their order in the article, so fix it here: a first
    mention by bare surname gets the full title and name; "Title First Last" or "First Last"
    later on becomes "Last". (Plain string search: a regex per story cost more than
    writing the story.)"""
    for key in f["_cast"].split():
        full, name, last = f.get(key), f.get(key + "_name"), f.get(key + "_last")
        if not full or not name or not last or full == last or not full.endswith(name):
            continue
        full_cap = full[0].upper() + full[1:]
        forms = (full, full_cap, name)  # longest first: each ends with the surname
        ref = _role_ref(f.get(key + "_role", ""), full)
        seen = False
        mentions = 0
        for n, sent in enumerate(sentences):
            if last not in sent:
                continue
            parts: list[str] = []
            pos = 0
            while (i := sent.find(last, pos)) >= 0:
                end = i + len(last)
                if (i and sent[i - 1].isalpha()) or (end < len(sent) and sent[end].isalpha()):
                    parts.append(sent[pos:end])  # part of a longer word
                    pos = end
                    continue
                start = next((end - len(form) for form in forms
                              if end - len(form) >= pos and sent[end - len(form) : end] == form),
                             i)  # fmt: skip
                parts.append(sent[pos:start])
                mentions += 1
                if seen and ref and mentions % 2 == 1:
                    # Every other later mention by role: "the minister said".
                    at_start = start == 0 or sent[start - 1] in '"“'
                    parts.append(_cap(ref) if at_start else ref)
                elif seen:
                    parts.append(last)
                elif start < i:
                    parts.append(sent[start:end])  # already an introduction
                else:
                    at_start = i == 0 or sent[i - 1] in '"“'
                    parts.append(full_cap if at_start else full)
                seen = True
                pos = end
            parts.append(sent[pos:])
            sentences[n] = "".join(parts)
    return sentences


_SENTENCE_END_RE = re.compile(r"(?<=[.!?][”\"]) |(?<=[.!?]) (?=[A-Z“\"])")


def _sentences(paragraph: str) -> list[str]:
    return [s for s in _SENTENCE_END_RE.split(paragraph) if s]


def _summary_lines(rng: random.Random, paragraphs: Sequence[str]) -> tuple[list[str], str]:
    """0-2 summary lines taken from the body, as the arabnews seed shows them: either marked
    bullets (a body sentence without its full stop) or unmarked prefixes of body sentences."""
    candidates = [s for p in paragraphs[1:] for s in _sentences(p) if 40 <= len(s) <= 260]
    if not candidates:
        return [], "bullet"
    picked = rng.sample(candidates, min(len(candidates), rng.choice((1, 2, 2))))
    if rng.random() < 0.7:
        return [s.rstrip(".") for s in picked], "bullet"
    lines = []
    for s in picked:
        comma = s.find(", ", max(30, len(s) // 2))
        cut = comma if comma > 0 else max(30, int(len(s) * rng.uniform(0.5, 0.8)))
        lines.append(s[:cut].rsplit(" ", 1)[0] if comma < 0 else s[:cut])
    return lines, "plain"


# --------------------------------------------------------------------------------------------
# Near copies

_NUMBER_RE = re.compile(r"(?<![\w.,])(\d{1,3}(?:,\d{3})+|\d+)(?![\w,.]\d)")
_PLAIN_NOTES = (
    "Editor's note: This article has been updated with additional information.",
    "This story has been updated.",
    "Check back for updates on this developing story.",
    "Editor's note: An earlier version of this story was published under a different headline.",
    "Correction: An earlier version of this article contained an error, which has been fixed.",
)


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def shingles(text: str, k: int = 5) -> set[tuple[str, ...]]:
    words = _words(text)
    return {tuple(words[i : i + k]) for i in range(max(len(words) - k + 1, 1))}


def shingle_jaccard(a: str, b: str, k: int = 5) -> float:
    """Word k-shingle Jaccard similarity, the measure the truth's near/rewrite split targets."""
    sa, sb = shingles(a, k), shingles(b, k)
    return len(sa & sb) / len(sa | sb) if sa or sb else 1.0


def _bump_number(rng: random.Random, text: str) -> str | None:
    matches = [
        m for m in _NUMBER_RE.finditer(text) if not 1900 <= int(m.group(1).replace(",", "")) <= 2100
    ]
    if not matches:
        return None
    m = rng.choice(matches)
    n = int(m.group(1).replace(",", ""))
    new = n + max(1, round(n * rng.uniform(0.05, 0.3)))
    s = _commas(new) if "," in m.group(1) else str(new)
    return text[: m.start()] + s + text[m.end() :]


def make_near_copy(
    art: ArticleText, rng: random.Random, new_id: str, *, extra: Sequence[str] = ()
) -> ArticleText:
    """An edited version of `art`: one or two of — a paragraph removed, a paragraph added (a
    background line from `extra` or an editor's note), a paragraph cut short mid-sentence, a
    number changed, the caption dropped. Small enough that 5-shingle Jaccard stays high."""
    base_text = "\n".join(art.paragraphs)
    for attempt in range(4):
        paras = list(art.paragraphs)
        caption = art.caption
        n_ops = 1 if attempt >= 2 or rng.random() < 0.6 else 2
        ops = ["remove", "add", "truncate", "number", "number", "caption"]
        if attempt >= 2:
            ops = ["number", "add"]
        done: list[str] = []
        while len(done) < n_ops:
            op = rng.choice(ops)
            if op in done:
                continue
            done.append(op)
            if op == "remove" and len(paras) >= 5:
                del paras[rng.randrange(1, len(paras))]
            elif op == "add":
                note = rng.choice(extra) if extra and rng.random() < 0.6 else None
                if note is None:
                    paras.append(rng.choice(_PLAIN_NOTES))
                else:
                    paras.insert(rng.randrange(1, len(paras) + 1), note)
            elif op == "truncate" and len(paras) >= 3:
                i = rng.randrange(len(paras) // 2, len(paras))
                words = paras[i].split(" ")
                if len(words) > 8:
                    paras[i] = " ".join(words[: int(len(words) * rng.uniform(0.4, 0.8))])
            elif op == "caption" and caption:
                caption = None
            else:
                for _ in range(5):
                    i = rng.randrange(len(paras))
                    bumped = _bump_number(rng, paras[i])
                    if bumped:
                        paras[i] = bumped
                        break
        # A dropped caption alone is invisible in layouts without captions: the body must change.
        changed = paras != art.paragraphs
        if changed and shingle_jaccard(base_text, "\n".join(paras)) >= 0.7:
            break
    else:
        # No edit both changed the text and kept it close: a note at the end always does.
        paras, caption = [*art.paragraphs, rng.choice(_PLAIN_NOTES)], art.caption
    time_ = art.updated or art.time
    updated = None
    if time_:
        h, m = map(int, time_.split(":"))
        m += rng.randint(10, 170)
        updated = f"{min(h + m // 60, 23):02d}:{m % 60:02d}"
    bullets = [b for b in art.bullets if any(b in p for p in paras)]
    return ArticleText(
        article_id=new_id,
        story_id=art.story_id,
        title=art.title,
        outlet=art.outlet,
        paragraphs=paras,
        date=art.date,
        caption=caption,
        bullets=bullets,
        bullet_style=art.bullet_style,
        glue=art.glue if art.glue < len(paras) - 1 else -1,
        author=art.author,
        time=art.time,
        updated=updated,
        kind="near",
        copy_of=art.article_id,
        topic_id=art.topic_id,
        root_id=art.root_id or art.article_id,
    )


# --------------------------------------------------------------------------------------------
# Page layouts. A renderer appends an article's lines with their roles; `render_page` records
# where each article starts (its first title line) and ends (its last non-blank line).


# --------------------------------------------------------------------------------------------
# Corpus writers


def default_truth_path(out_dir: str | Path) -> Path:
    """Beside the corpus, never inside it: a corpus reader would read it as a document."""
    out = Path(out_dir)
    return out.parent / f"{out.name}.truth.jsonl"


@dataclass(slots=True)
class _Entry:
    art: ArticleText
    remaining: int  # appearances still to come: the long tail of copies
    born: int
    story: Story | None
    uses: int = 0
    updates: int = 0


@dataclass(slots=True)
class _Feed:
    site: Site
    active: list[_Entry] = field(default_factory=list)
    pending: deque[tuple[ArticleText, Story | None]] = field(
        default_factory=lambda: deque(maxlen=40)
    )
    recent_titles: deque[str] = field(default_factory=lambda: deque(maxlen=8))
    pages: int = 0


def _appearances(rng: random.Random) -> int:
    """How many files an article version will appear in: most 1-3, a few 50+."""
    r = rng.random()
    if r < 0.50:
        return 1
    if r < 0.70:
        return 2
    if r < 0.80:
        return 3
    if r < 0.925:
        return rng.randint(4, 9)
    if r < 0.98:
        return rng.randint(10, 40)
    return rng.randint(50, 250)


_APPENDED_WEIGHTS = (0.16, 0.3, 0.22, 0.15, 0.1, 0.07)  # 0..5 appended articles


def generate_corpus(
    out_dir: str | Path,
    n_files: int,
    seed: int = 0,
    *,
    truth_path: str | Path | None = None,
    sites: Sequence[Site] = SITES,
    layouts: Sequence[str] | None = None,
    start: date = date(2023, 1, 2),
    days: int = 365,
    rewrite_prob: float = 0.25,
    syndicate_prob: float = 0.03,
    near_prob: float = 0.07,
    progress: Callable[[int], None] | None = None,
) -> CorpusStats:
    """Write `n_files` scraped pages under `out_dir` and their truth as JSON Lines.

    Files are `<site>/<NNNNNN>_<16 hex>.txt` (some sites add a `<YYYY-MM>/` level). Each page
    holds a main article and 0-5 appended ones from the same site. Articles live in a per-site
    pool for a while, so their copies fall in nearby files, like a crawl of a live site.
    `rewrite_prob` of the stories get 1-3 rewrites on other sites; `syndicate_prob` are also
    carried verbatim by another site; `near_prob` is the chance, per reuse, that an article was
    edited since the last copy (a near copy).
    """
    started = time.perf_counter()
    out = Path(out_dir)
    truth = Path(truth_path) if truth_path else default_truth_path(out)
    rng = random.Random(seed)
    if layouts is not None:
        sites = [s for s in sites if s.layout in layouts]
    if not sites:
        raise ValueError("no site left to generate")
    maker = StoryMaker(rng)
    writer = CorpusWriter(out, truth, rng)
    feeds = [_Feed(s) for s in sites]
    cum: list[float] = []
    total = 0.0
    for s in sites:
        total += s.weight
        cum.append(total)
    step = timedelta(days=days) / max(n_files, 1)
    now = datetime.combine(start, datetime.min.time())
    near_counter = 0
    try:
        for i in range(n_files):
            now += step
            feed = rng.choices(feeds, cum_weights=cum)[0]
            site = feed.site
            _refill(feed, feeds, maker, rng, now.date(), rewrite_prob, syndicate_prob)
            active = feed.active
            weights = [min(e.remaining, 12) for e in active]
            main = rng.choices(active, weights=weights)[0]
            chosen = [main]
            k = rng.choices(range(6), weights=_APPENDED_WEIGHTS)[0]
            k = min(k, site.max_appended, len(active) - 1)
            if k:
                others = [e for e in active if e is not main]
                chosen += rng.sample(others, k)
            arts = []
            for e in chosen:
                if e.uses and e.updates < 2 and rng.random() < near_prob:
                    near_counter += 1
                    root = e.art.root_id or e.art.article_id
                    extra = _extra_paragraphs(maker, e.story) if e.story else ()
                    e.art = make_near_copy(e.art, rng, f"{root}~n{near_counter}", extra=extra)
                    e.updates += 1
                arts.append(e.art)
            page = render_page(site.layout, arts, site, rng, related=list(feed.recent_titles))
            subdir = site.name
            if site.nested:
                subdir += f"/{now.year:04d}-{now.month:02d}"
            writer.write(subdir, page, site, arts)
            feed.pages += 1
            for e in chosen:
                e.uses += 1
                e.remaining -= 1
            # Old articles leave the pool even if they had copies left: bounded memory.
            feed.active = [e for e in active if e.remaining > 0 and feed.pages - e.born < 400]
            if progress and (i + 1) % 1000 == 0:
                progress(i + 1)
    finally:
        stats = writer.close(started)
    return stats


def _extra_paragraphs(maker: StoryMaker, story: Story) -> list[str]:
    rng = maker.rng
    f = _version_facts(rng, story.facts)
    keys = rng.sample(list(GENERIC_FACTS), 2)
    lines = [_fill(rng.choice(GENERIC_FACTS[k]), f, rng) for k in keys]
    lines.append(_fill(rng.choice(EDITOR_NOTES), f, rng))
    return lines


def _refill(
    feed: _Feed,
    feeds: Sequence[_Feed],
    maker: StoryMaker,
    rng: random.Random,
    today: date,
    rewrite_prob: float,
    syndicate_prob: float,
) -> None:
    target = 6 if feed.site.max_appended <= 2 else 9
    while len(feed.active) < target:
        if feed.pending:
            art, story = feed.pending.popleft()
        else:
            story = maker.new_story(today)
            art = maker.article(story, feed.site)
            others = [f for f in feeds if f.site.outlet != feed.site.outlet]
            if others and rng.random() < rewrite_prob:
                for other in rng.sample(others, min(len(others), rng.randint(1, 3))):
                    other.pending.append((maker.article(story, other.site), story))
            if others and rng.random() < syndicate_prob:
                rng.choice(others).pending.append((art, story))
        feed.active.append(_Entry(art, _appearances(rng), feed.pages, story))
        feed.recent_titles.append(art.title)


# --------------------------------------------------------------------------------------------
# BASIL: real rewrites (three outlets per event) in our page layouts

BASIL_OUTLETS = {"nyt": "The New York Times", "fox": "Fox News", "hpo": "HuffPost"}


def _basil_articles(basil_jsonl: Path, rng: random.Random) -> list[ArticleText]:
    arts: list[ArticleText] = []
    seen_clusters: set[str] = set()
    with basil_jsonl.open(encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            row = json.loads(line)
            paragraphs = [" ".join(p.split()) for p in row["text"].split("\n\n") if p.strip()]
            if not paragraphs:
                continue
            title = (
                " ".join((row.get("title") or "").split())
                or " ".join((row.get("main_event") or "").split())
                or " ".join(paragraphs[0].split()[:10])
            )
            try:
                when: date | None = date.fromisoformat(row["date"])
            except (KeyError, TypeError, ValueError):
                when = None
            cluster = row["cluster_id"]
            kind = "rewrite" if cluster in seen_clusters else "base"
            seen_clusters.add(cluster)
            art = ArticleText(
                article_id=row["doc_id"],
                story_id=cluster,
                title=title,
                outlet=BASIL_OUTLETS.get(row.get("source", ""), row.get("source") or "Unknown"),
                paragraphs=paragraphs,
                date=when,
                kind=kind,
                topic_id=cluster,
                author=_new_person(rng).name,
                time=f"{rng.randint(6, 22):02d}:{rng.randrange(0, 60, 5):02d}",
            )
            if rng.random() < 0.4:
                art.bullets, art.bullet_style = _summary_lines(rng, paragraphs)
            arts.append(art)
    return arts


def generate_basil_corpus(
    out_dir: str | Path,
    basil_jsonl: str | Path,
    seed: int = 0,
    *,
    copies: float = 3.0,
    truth_path: str | Path | None = None,
    near_prob: float = 0.3,
    layouts: Sequence[str] = LAYOUTS,
) -> CorpusStats:
    """Render the BASIL articles into pages: each article is the main article of about
    `copies` files (exact copies, a near copy for `near_prob` of them) with 0-5 other BASIL
    articles appended. Truth: story_id = cluster_id, article_id = doc_id (near copies:
    doc_id + "~n1", copy_of = doc_id)."""
    started = time.perf_counter()
    out = Path(out_dir)
    truth = Path(truth_path) if truth_path else default_truth_path(out)
    rng = random.Random(seed)
    arts = _basil_articles(Path(basil_jsonl), rng)
    by_layout = {s.layout: s for s in reversed(SITES)}
    sites = [Site(f"basil-{lay}", "", lay, **_basil_style(by_layout[lay])) for lay in layouts]
    near: dict[str, ArticleText] = {}
    for art in arts:
        if rng.random() < near_prob:
            near[art.article_id] = make_near_copy(art, rng, art.article_id + "~n1")
    plan: list[tuple[int, bool]] = []  # (article index, use the near copy)
    for i, art in enumerate(arts):
        n = 1
        while rng.random() < 1 - 1 / max(copies, 1.0):
            n += 1
        for j in range(n):
            plan.append((i, art.article_id in near and j >= n // 2 and n > 1))
    rng.shuffle(plan)
    writer = CorpusWriter(out, truth, rng)
    try:
        for i, use_near in plan:
            site = rng.choice(sites)
            main = near[arts[i].article_id] if use_near else arts[i]
            page_arts = [main]
            if site.layout != "plain":
                k = rng.choices(range(6), weights=_APPENDED_WEIGHTS)[0]
                picks = rng.sample(range(len(arts)), min(k + 1, len(arts)))
                page_arts += [arts[j] for j in picks if j != i][:k]
            related = [a.title for a in rng.sample(arts, min(4, len(arts)))]
            page = render_page(site.layout, page_arts, site, rng, related=related)
            writer.write(site.name, page, site, page_arts)
    finally:
        stats = writer.close(started)
    return stats


def _basil_style(site: Site) -> dict[str, object]:
    # BASIL text keeps its own wording and datelines: no case or quote restyling.
    return {"max_appended": site.max_appended, "wrap": site.wrap, "caption_prob": 0.0}
