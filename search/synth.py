"""Deterministic generator of scraped-news corpora with ground truth.

Everything here is driven by `random.Random(seed)`: the same seed gives byte-identical files
and truth. All article text is produced from the vocabulary and sentence templates below; the
places, people, organisations and outlets are fictitious.

Three layers:
  * a news-text generator: stories (events with facts) rendered by outlets into articles,
    rewrites (other outlets, other wording, same facts) and near copies (edited versions);
  * page layouts: lists of articles rendered into one file's lines, with the 1-based inclusive
    line range and a per-line role string of every article;
  * corpus writers: `generate_corpus` (synthetic stories) and `generate_basil_corpus` (the
    BASIL articles from ../shared/basil, read at run time only), streaming files and JSON Lines
    truth records so memory stays bounded.

Only the standard library is used so that `search/` stays dependency-free.
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

# Layouts of the seed files (asharq: seeds 000-002, arabnews: 004, plain: 003) and two more
# that real scrapes have: a byline/advertisement page and a hard-wrapped plain-text export.
SEED_LAYOUTS: tuple[str, ...] = ("asharq", "arabnews", "plain")
LAYOUTS: tuple[str, ...] = (*SEED_LAYOUTS, "byline", "wrapped")

# Per-line roles in truth records. The letters match search/model.py's Role so that an
# evaluation can compare them directly, but nothing here imports that module.
R_BLANK = " "
R_TITLE = "T"
R_TITLE_REPEAT = "t"
R_CAPTION = "C"
R_CAPTION_REPEAT = "c"
R_CHROME = "X"
R_FURNITURE = "F"
R_DATELINE = "D"
R_SOURCE = "S"
R_BULLET = "U"
R_BODY = "B"

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


def _fill(template: str, facts: dict[str, str], rng: random.Random) -> str:
    rnd = rng.random
    text = "".join(
        p if isinstance(p, str) else p[int(rnd() * len(p))] for p in _compile(template)
    ).format_map(facts)
    # Slots such as "{event}" may open a sentence: capitalise its first letter (after quotes).
    for i, ch in enumerate(text):
        if ch.isalpha():
            if ch.islower():
                text = text[:i] + ch.upper() + text[i + 1 :]
            break
        if ch not in "\"'“‘(":
            break
    return _A_AN_RE.sub(r"\1n ", text.replace("  ", " "))


_SMALL_WORDS = frozenset(
    (
        "a",
        "an",
        "and",
        "as",
        "at",
        "but",
        "by",
        "for",
        "from",
        "in",
        "into",
        "nor",
        "of",
        "on",
        "or",
        "over",
        "the",
        "to",
        "up",
        "via",
        "vs",
        "with",
    )
)


def title_case(title: str) -> str:
    """Headline capitalisation as the asharq site uses it: small words stay lower case
    ("Talks Resume on Water Rights as Deadline Nears")."""
    words = title.split(" ")
    out = []
    for i, word in enumerate(words):
        j = next((k for k, c in enumerate(word) if c.isalpha()), None)
        if j is None:
            out.append(word)
            continue
        bare = word[j:].lower().strip(",:;.!?’'\"”")
        if i > 0 and j == 0 and bare in _SMALL_WORDS:
            out.append(word[:j] + word[j : j + 1].lower() + word[j + 1 :])
        else:
            out.append(word[:j] + word[j].upper() + word[j + 1 :])
    return " ".join(out)


_QUOTE_OPEN_RE = re.compile(r"(^|[\s(\[—-])([\"'])")


def curly_quotes(text: str) -> str:
    """Typographic quotes, as two of the seed sites print them. An opening quote follows a
    space or a bracket; every other straight quote closes, or is an apostrophe."""
    text = _QUOTE_OPEN_RE.sub(lambda m: m.group(1) + ("“" if m.group(2) == '"' else "‘"), text)
    return text.replace('"', "”").replace("'", "’")


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
        ("Vessa", "Drummore", "Kelbrook", "Ardane"),
        "crowns",
        "Prime Minister",
        "National Assembly",
    ),
    Country(
        "Marovia",
        "Marovian",
        "Senna",
        ("Oldbridge", "Tavro", "Lissel", "Karsten"),
        "marovi",
        "President",
        "parliament",
    ),
    Country(
        "Ostrelia",
        "Ostrelian",
        "Velgrad",
        ("Nordholm", "Brisca", "Amsel", "Cairnfield"),
        "ostrels",
        "Prime Minister",
        "Federal Diet",
    ),
    Country(
        "Carvela",
        "Carvelan",
        "San Aurelio",
        ("Puerto Brava", "Alcona", "Veradal", "Miraflor"),
        "carvels",
        "President",
        "Congress",
    ),
    Country(
        "Drusany",
        "Drusani",
        "Khazreen",
        ("Amrah", "Tal Sefa", "Berqa", "Oumaz"),
        "dinars",
        "President",
        "Council of Representatives",
    ),
    Country(
        "Lunesse",
        "Lunessian",
        "Belcourt",
        ("Saint-Orme", "Vireux", "Lachaume", "Montarel"),
        "lunes",
        "Prime Minister",
        "Chamber of Deputies",
    ),
    Country(
        "Skarland",
        "Skarlandic",
        "Eldhavn",
        ("Fjellby", "Ostmark", "Hallund", "Sundvaer"),
        "skar crowns",
        "Prime Minister",
        "Riksting",
    ),
    Country(
        "Zembaro",
        "Zembaran",
        "Kito Bay",
        ("Lubaro", "Ngeru", "Sakanda", "Tembe Falls"),
        "zembas",
        "President",
        "National Assembly",
    ),
    Country(
        "Orlesia",
        "Orlesian",
        "Castrova",
        ("Dravnik", "Selvo", "Kornice", "Bystrava"),
        "orles",
        "Prime Minister",
        "Sejmar",
    ),
    Country(
        "Qasira",
        "Qasiri",
        "Al-Marun",
        ("Bahrat", "Deir Suwan", "Ras Kalim", "Umm Tarif"),
        "qasir riyals",
        "Prime Minister",
        "Shura Council",
    ),
    Country(
        "Beltrania",
        "Beltranian",
        "Rocaverde",
        ("Santa Lucena", "Ibarro", "Costamar", "Villafria"),
        "beltrans",
        "President",
        "Senate",
    ),
    Country(
        "Tamsara",
        "Tamsaran",
        "Nirapur",
        ("Kesh", "Vandali", "Sorun", "Patnara"),
        "rupas",
        "Prime Minister",
        "Lok Parishad",
    ),
    Country(
        "Kovaria",
        "Kovarian",
        "Zlatovo",
        ("Brenik", "Osoje", "Radovec", "Mirnagora"),
        "kovars",
        "President",
        "parliament",
    ),
    Country(
        "Maldera",
        "Malderan",
        "Porto Celeste",
        ("Arvena", "Sant'Irene", "Casalmonte", "Rivabella"),
        "malder lire",
        "Prime Minister",
        "Chamber of Deputies",
    ),
    Country(
        "Hollin",
        "Hollish",
        "Dunmere",
        ("Brackwater", "Ellismoor", "Fenwick Bay", "Ashcombe"),
        "hollin pounds",
        "Prime Minister",
        "parliament",
    ),
    Country(
        "Sundara",
        "Sundaran",
        "Kota Mirah",
        ("Pulau Seri", "Banyuran", "Tanjung Rasa", "Lembah Jati"),
        "sundars",
        "President",
        "People's Assembly",
    ),
    Country(
        "Azmeria",
        "Azmeri",
        "Sarakend",
        ("Bukhan", "Ozerabad", "Termak", "Yashkul"),
        "azmers",
        "President",
        "Majlis",
    ),
    Country(
        "Pravia",
        "Pravian",
        "Olomar",
        ("Stenza", "Korvo", "Lanzig", "Hradec Vel"),
        "pravics",
        "Prime Minister",
        "parliament",
    ),
    Country(
        "Mokala",
        "Mokalan",
        "Abeku",
        ("Ojuma", "Ikoro", "Badesi", "Lake Orun"),
        "nakus",
        "President",
        "National Assembly",
    ),
    Country(
        "Caspira",
        "Caspiran",
        "Nadirabad",
        ("Zarin", "Golestah", "Baharak", "Tir Abad"),
        "caspirs",
        "President",
        "Majlis",
    ),
)

FEMALE_NAMES = (
    "Anna",
    "Lena",
    "Mira",
    "Helena",
    "Sofia",
    "Clara",
    "Ines",
    "Nadia",
    "Leila",
    "Amara",
    "Yasmin",
    "Greta",
    "Ilse",
    "Marta",
    "Elena",
    "Vera",
    "Rosa",
    "Camila",
    "Priya",
    "Anika",
    "Noor",
    "Farah",
    "Zofia",
    "Katya",
    "Beatrice",
    "Maren",
    "Lucia",
    "Hana",
    "Selin",
    "Dalia",
    "Ayla",
    "Freya",
    "Ottilie",
    "Rhea",
    "Tamsin",
    "Esme",
    "Odile",
    "Paloma",
    "Irina",
    "Mariam",
)
MALE_NAMES = (
    "Tomas",
    "Marek",
    "Andris",
    "Luca",
    "Pavel",
    "Karim",
    "Omar",
    "Samir",
    "Felix",
    "Henrik",
    "Jonas",
    "Matteo",
    "Rafael",
    "Diego",
    "Arjun",
    "Ravi",
    "Kofi",
    "Tunde",
    "Emil",
    "Viktor",
    "Stefan",
    "Nikolai",
    "Yusuf",
    "Idris",
    "Malik",
    "Oskar",
    "Bruno",
    "Dario",
    "Lorenz",
    "Anselm",
    "Hugo",
    "Teodor",
    "Casimir",
    "Ruben",
    "Elias",
    "Nils",
    "Aurelio",
    "Bastian",
    "Cyril",
    "Florin",
)
SURNAMES = (
    "Kovac",
    "Dussel",
    "Marr",
    "Brek",
    "Orr",
    "Halvorsen",
    "Castell",
    "Ferreira",
    "Okafor",
    "Mendel",
    "Arvani",
    "Sorel",
    "Petrak",
    "Voss",
    "Lindqvist",
    "Haddad",
    "Nasser",
    "Qureshi",
    "Bellamy",
    "Varga",
    "Moreau",
    "Santoro",
    "Ibarra",
    "Oyelaran",
    "Mwangi",
    "Tesfaye",
    "Novak",
    "Drozd",
    "Abara",
    "Calloway",
    "Dunmore",
    "Everly",
    "Fairbanks",
    "Galvez",
    "Hartigan",
    "Iversen",
    "Jansky",
    "Kerrigan",
    "Lazarov",
    "Mattei",
    "Nordin",
    "Okonkwo",
    "Pellegrini",
    "Quist",
    "Rasmussen",
    "Salgado",
    "Ulrich",
    "Valente",
    "Wexley",
    "Yilmaz",
    "Zarif",
    "Abernethy",
    "Brandt",
    "Cerny",
    "Delacroix",
    "Esposito",
    "Falk",
    "Greer",
    "Hollis",
    "Jovanic",
    "Kaspar",
    "Larue",
    "Moravec",
    "Oduya",
    "Pirello",
    "Rostova",
    "Sandoval",
    "Thorne",
    "Urquhart",
    "Vasquez",
    "Winslow",
    "Yousef",
    "Zoric",
    "Achterberg",
    "Bianchi",
    "Coutinho",
    "Demir",
    "Ekwueme",
    "Fontaine",
    "Gallo",
    "Hadzic",
    "Ilic",
    "Jarvis",
    "Kozak",
    "Lindgren",
    "Mahler",
    "Nyberg",
    "Osei",
    "Pasquale",
    "Reyes",
    "Strand",
    "Toma",
    "Uribe",
    "Vidal",
    "Wren",
    "Yates",
    "Zeller",
    "Aldana",
    "Brightwell",
    "Corvin",
    "Dalca",
    "Elstad",
    "Ferro",
    "Gashi",
    "Harlan",
    "Imre",
    "Juhl",
    "Kessler",
    "Lorca",
    "Mireaux",
    "Nagy",
    "Ostrander",
    "Parvani",
    "Renner",
    "Sabri",
    "Talbot",
    "Vehko",
    "Wolde",
    "Yanev",
    "Zamora",
    "Albescu",
    "Marchetti",
)

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
    "the Institute of Public Affairs in {city}",
    "the {capital} School of Economics",
    "the Observatory for Democracy",
    "the Meridian Policy Lab",
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
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
MONTH_ABBR = (
    "Jan.",
    "Feb.",
    "March",
    "April",
    "May",
    "June",
    "July",
    "Aug.",
    "Sept.",
    "Oct.",
    "Nov.",
    "Dec.",
)
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
SPOX_TITLES = (
    "government spokesperson",
    "government spokesman",
    "ministry spokesperson",
    "presidential spokesperson",
    "deputy government spokesperson",
)


# --------------------------------------------------------------------------------------------
# Story kinds. Each kind has its own facts (set by `setup`), titles, photo-caption
# descriptions and sentence templates: one list of alternatives per fact, so that a rewrite
# can tell every fact with a different template from the one the base article used.


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
    first = rng.choice(FEMALE_NAMES if female else MALE_NAMES)
    last = rng.choice(SURNAMES)
    if f is not None:
        avoid = f["_tl"] if topic else f["_tl"] + f["_rl"]
        while f" {last} " in avoid:
            last = rng.choice(SURNAMES)
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
    )
)


def _cast(f: dict[str, str], key: str, title: str, person: _Person) -> None:
    """Store a person under `key`: "Labour Minister Anna Kovac", "Kovac", pronouns..."""
    f[key] = f"{title} {person.name}" if title else person.name
    f[key + "_name"] = person.name
    f[key + "_last"] = person.last
    # The bare role reads lower-case mid-sentence ("the labour minister's resignation").
    f[key + "_role"] = " ".join(w.lower() if w in _ROLE_WORDS else w for w in title.split())
    suffix = "" if key == "lead" else "2" if key == "p2" else "_" + key
    f["he" + suffix] = "she" if person.female else "he"
    f["his" + suffix] = "her" if person.female else "his"
    f["him" + suffix] = "her" if person.female else "him"


def _pick(rng: random.Random, items: Sequence[str], f: dict[str, str]) -> str:
    return rng.choice(items).format_map(f)


def _lo_hi(rng: random.Random, lo: int, hi: int, step: int = 1) -> int:
    return rng.randrange(lo, hi + 1, step)


# A setup draws the facts that stay fixed across the stories of one topic (people, union,
# parties...) from `t`, a generator seeded by the topic, and everything else (numbers,
# city, details) from `rng`; so a follow-up story keeps its cast but gets new numbers.
Setup = Callable[[random.Random, random.Random, dict[str, str]], None]


@dataclass(slots=True)
class Kind:
    name: str
    family: str
    setup: Setup
    titles: tuple[str, ...]
    captions: tuple[str, ...]
    facts: dict[str, tuple[str, ...]]  # "lede" first; every other fact is optional


KINDS: dict[str, Kind] = {}


def _kind(
    name: str,
    family: str,
    *,
    titles: Iterable[str],
    captions: Iterable[str],
    facts: dict[str, Iterable[str]],
) -> Callable[[Setup], Setup]:
    def register(setup: Setup) -> Setup:
        KINDS[name] = Kind(
            name,
            family,
            setup,
            tuple(titles),
            tuple(captions),
            {k: tuple(v) for k, v in facts.items()},
        )
        return setup

    return register


# ---- talks ---------------------------------------------------------------------------------

_TALK_ISSUES = (
    ("water rights on the {river} River", "water rights"),
    ("the future of foreign troops stationed in the country", "troop presence"),
    ("fishing quotas in {sea}", "fishing quotas"),
    ("a long-delayed prisoner exchange", "prisoner exchange"),
    ("gas transit fees", "gas transit"),
    ("the demarcation of their shared border", "border demarcation"),
    ("reopening the border crossing at {city}", "border crossing"),
    ("compensation for families displaced by the dam at {city}", "dam compensation"),
)
_PAUSE_REASONS = (
    "a border incident near {city} that left {n_hurt} people injured",
    "a dispute over the arrest of two {partner_adj} fishermen",
    "{partner} expelled a {adj} diplomat",
    "a drone crashed near a {partner_adj} army post",
    "a row over remarks by a {adj} lawmaker",
)
_STICKING = (
    "the timetable for {issue_short}",
    "who would monitor any agreement",
    "compensation for {adj} families affected",
    "the order in which concessions are made",
    "the guarantees demanded by {partner}",
)


@_kind(
    "talks",
    "politics",
    titles=(
        "{country} and {partner} resume talks on {issue_short}",
        "{adj} minister says talks with {partner} will continue 'while both sides keep their word'",
        "{partner_adj} and {adj} negotiators meet in {city} for {n_round} round of talks",
        "Talks between {country} and {partner} on {issue_short} enter {n_round} round",
        "{lead_last} hopeful of deal with {partner} after {n_hours}-hour session",
    ),
    captions=(
        "{lead} speaks to reporters after talks with {partner_adj} officials in {city}",
        "Members of the {adj} and {partner_adj} delegations arrive for talks in {city}",
        "{p2} shakes hands with {lead} before their meeting in {city}",
    ),
    facts={
        "lede": (
            "{country} and {partner} [resumed|restarted|reopened] talks on {issue} {day_ref}, "
            "ending a pause of {n_weeks} weeks that followed {pause_reason}.",
            "Negotiators from {country} and {partner} met in {city} {day_ref} for a {n_round} "
            "round of talks on {issue}, {lead} said.",
            "{lead} said {day_ref} that talks with {partner} on {issue} would [go on|continue] "
            '"for as long as both sides [keep|honour] the framework we agreed."',
            "[Delegations|Officials] from {country} and {partner} [sat down|met] again {day_ref} "
            "to [discuss|negotiate] {issue}, the {n_round} round since the two governments "
            "agreed to open a dialogue in {talks_since}.",
        ),
        "venue": (
            "The {n_delegates}-member delegations met for {n_hours} hours at a government "
            "guesthouse [on the outskirts of|in] {city}, according to [a statement from|] the "
            "{adj} Foreign Ministry.",
            "According to officials [familiar with|briefed on] the session, the meeting in {city} "
            "lasted {n_hours} hours and involved {n_delegates} delegates.",
            "{spox} said the session [ran for|lasted] {n_hours} hours and [ended without|produced "
            "no] joint statement, but [described|called] the atmosphere [constructive|"
            "businesslike].",
        ),
        "pause": (
            "The previous meeting [had been|was] put on hold after {pause_reason}, an incident "
            "that [angered|alarmed] officials in {partner_capital}.",
            "[Contacts|The process] stalled in {prev_month} after {pause_reason}.",
            "Both sides [suspended|froze] contacts in {prev_month} following {pause_reason}, and "
            "[diplomats|mediators] spent weeks [trying|working] to bring them back to the table.",
        ),
        "sticking": (
            "The main [sticking point|obstacle] remains {sticking}, [diplomats said|according "
            "to people close to the negotiations].",
            "[Officials|Diplomats] said the two sides [remain|are still] divided over {sticking}.",
            "Disagreement over {sticking} has [repeatedly|long] held up a deal, [analysts say|"
            "officials on both sides acknowledge].",
        ),
        "quote_lead": (
            '"We are not in a hurry, but we are serious," {lead_last} told reporters in '
            '{capital}. "Every round brings us closer."',
            '"The door remains open," {lead_last} said, adding that {country} wanted "a fair '
            'and lasting arrangement" by {deadline}.',
            '{lead_last} said {he} expected "[difficult but honest|frank and detailed] '
            'discussions" and hoped for a draft agreement by {deadline}.',
        ),
        "quote_p2": (
            '{p2} said {partner} was "ready to move forward" [but would not accept|provided '
            "there were no] new preconditions.",
            '"Our position has not changed," {p2} said in a [statement|televised interview] '
            "after the session.",
            '{p2} [struck a more cautious tone|was more guarded], saying "much work remains" '
            "before any agreement [could be|is] signed.",
        ),
        "next": (
            "A further round is [scheduled|expected] in {partner_capital} [before|by] {deadline}.",
            "The two sides agreed to meet again within {n_next} weeks, [this time|probably] in "
            "{partner_capital}.",
            "No date [has been|was] set for the next meeting, but {spox_last} said technical "
            "teams would keep working in the meantime.",
        ),
    },
)
def _setup_talks(t: random.Random, rng: random.Random, f: dict[str, str]) -> None:
    f["river"] = t.choice(RIVERS)
    f["sea"] = t.choice(SEAS)
    issue, short = t.choice(_TALK_ISSUES)
    f["issue"] = issue.format_map(f)
    f["issue_short"] = short
    _cast(f, "lead", "Foreign Minister", _new_person(t, f, True))
    _cast(
        f,
        "p2",
        t.choice(("{partner_adj} Foreign Minister", "{partner_adj} envoy")).format_map(f),
        _new_person(t, f, True),
    )
    f["n_round"] = rng.choice(ORDINALS)
    f["n_delegates"] = str(_lo_hi(rng, 8, 40, 2))
    f["n_hours"] = str(_lo_hi(rng, 3, 12))
    f["n_weeks"] = str(_lo_hi(rng, 2, 11))
    f["n_next"] = NUMBER_WORDS[_lo_hi(rng, 2, 6)]
    f["n_hurt"] = str(_lo_hi(rng, 2, 19))
    f["talks_since"] = str(int(f["year"]) - rng.randint(1, 3))
    f["deadline"] = "the end of " + MONTHS[(int(f["month_num"]) + rng.randint(1, 4)) % 12]
    f["pause_reason"] = _pick(rng, _PAUSE_REASONS, f)
    f["sticking"] = _pick(t, _STICKING, f)
    f["org"] = f"the {f['adj']} Foreign Ministry"
    f["org2"] = f"the {f['partner_adj']} Foreign Ministry"
    f["event"] = "the new round of talks"
    f["event_word"] = "round of talks"
    f["recap"] = "the {n_round} round of talks on {issue_short} in {month}".format_map(f)
    f["unclear"] = rng.choice(
        (
            "whether a deal could be reached before {deadline}",
            "how much common ground the two sides had found",
        )
    ).format_map(f)
    f["local_fear"] = rng.choice(
        ("a return to the tensions of previous years", "being forgotten once the cameras leave")
    )
    f["image_desc"] = "the two delegations shaking hands at the start of the session"
    f["hashtag"] = f"{f['country']}{f['partner']}Talks"


# ---- strike --------------------------------------------------------------------------------

_SECTORS = (
    # workers, union, services, what is disrupted, operator, ministry title
    (
        "rail workers",
        "Rail Workers' Union",
        "rail services",
        "{n_cancelled} trains were cancelled",
        "the national rail operator",
        "Transport Minister",
    ),
    (
        "dockworkers",
        "Dockers' Federation",
        "port operations",
        "{n_cancelled} ships were left waiting to unload",
        "the ports authority",
        "Transport Minister",
    ),
    (
        "teachers",
        "Teachers' Association",
        "schools",
        "{n_cancelled} schools stayed closed",
        "the education ministry",
        "Education Minister",
    ),
    (
        "hospital staff",
        "Union of Health Workers",
        "hospital services",
        "{n_cancelled} planned operations were postponed",
        "the health ministry",
        "Health Minister",
    ),
    (
        "airport ground staff",
        "Aviation Staff Union",
        "air travel",
        "{n_cancelled} flights were cancelled",
        "the airports authority",
        "Transport Minister",
    ),
    (
        "miners",
        "Mineworkers' Federation",
        "coal production",
        "output fell at {n_mines} mines",
        "the state mining company",
        "Energy Minister",
    ),
    (
        "bus drivers",
        "Transport Workers' Union",
        "bus services",
        "{n_cancelled} bus routes were suspended",
        "the city transport authority",
        "Transport Minister",
    ),
    (
        "postal workers",
        "Postal Employees' Union",
        "mail deliveries",
        "{n_cancelled} post offices were shut",
        "the national postal service",
        "Labour Minister",
    ),
)


@_kind(
    "strike",
    "economy",
    titles=(
        "{workers} in {country} walk out over pay",
        "{n_hours}-hour strike by {workers} disrupts {services} across {country}",
        "{adj} {workers} strike after wage talks collapse",
        "Strike by {n_workers} {workers} brings {services} to a halt in {city}",
        "{union} vows to keep up strike as government offers {pct_offer}%",
    ),
    captions=(
        "Striking {workers} rally outside the {ministry} in {capital}",
        "Passengers wait as {services} are disrupted by a strike in {city}",
        "{p2} addresses {workers} during a rally in {city}",
    ),
    facts={
        "lede": (
            "Thousands of {workers} across {country} walked off the job {day_ref} at the start "
            "of a {n_hours}-hour strike over pay, [disrupting|paralysing] {services} in {city} "
            "and other cities.",
            "About {n_workers} {workers} went on strike {day_ref} after talks with the government "
            "on a {pct_demand} percent pay rise [broke down|collapsed], the {union} said.",
            "A strike by {workers} [halted|crippled] {services} in much of {country} {day_ref}, "
            "with the {union} demanding a pay rise of {pct_demand} percent [to offset|to keep "
            "pace with] rising prices.",
            "{services} [ground to a halt|were severely disrupted] in {city} {day_ref} as "
            "{n_workers} {workers} began a {n_hours}-hour walkout called by the {union}.",
        ),
        "disruption": (
            "In all, {disrupt}, according to {operator}.",
            "By [midday|the afternoon], {disrupt}, {operator} said, urging the public to "
            "[make other plans|expect delays].",
            "{operator} said {disrupt} and warned that it would take [days|a day or more] for "
            "{services} to return to normal.",
        ),
        "offer": (
            "The government has offered a {pct_offer} percent increase, which the union "
            "[called|described as] [an insult|inadequate|far too little] at a time of inflation "
            "of {inflation} percent.",
            "{lead} said the state could not afford more than {pct_offer} percent this year "
            "[without cutting|unless it cut] spending elsewhere.",
            "[Negotiators for the government|Ministry negotiators] had [put|tabled] an offer of "
            "{pct_offer} percent, [well short of|far below] the {pct_demand} percent the "
            "{workers} are seeking.",
        ),
        "quote_p2": (
            '"Our members have waited three years for a fair deal," {p2} told a rally outside '
            'the {ministry} in {capital}. "We will not go back empty-handed."',
            "{p2} said the walkout would be [extended|repeated] if the government did not "
            "improve its offer [by the end of the month|within a week].",
            '"This is not about politics, it is about [rent|bread|bills] and dignity," {p2} said.',
        ),
        "quote_lead": (
            '{lead} called the strike "[irresponsible|unjustified|regrettable]" and said the '
            "door to negotiations [remained|was still] open.",
            '"We understand the frustration of {workers}, but the budget has limits," {lead} '
            "said in a televised statement.",
            "{lead} [urged|called on] the union to return to talks, saying a [compromise|"
            'settlement] was "within reach."',
        ),
        "public": (
            "Commuters in {city} waited for hours for [replacement buses|taxis], [while|and] "
            "some businesses told staff to work from home.",
            "A survey by {institute} published last week found that {pct_support} percent of "
            "{adj}s [supported|sympathised with] the {workers}.",
            "Business groups [warned|estimated] that each day of the strike [costs|would cost] "
            "the economy [about|roughly] {amount}.",
        ),
        "next": (
            "The {union} said it would stage another walkout [next week|on {next_weekday}] if no "
            "agreement was reached.",
            "Talks are [due|expected] to resume on {next_weekday}, [the ministry said|according "
            "to the union].",
            "It is the [biggest|longest] strike by {workers} since {hist_year}, when a month-long "
            "dispute ended with a {pct_hist} percent settlement.",
        ),
    },
)
def _setup_strike(t: random.Random, rng: random.Random, f: dict[str, str]) -> None:
    workers, union, services, disrupt, operator, minister = t.choice(_SECTORS)
    f.update(workers=workers, union=f"{f['adj']} {union}", services=services, operator=operator)
    f["ministry"] = minister.replace(" Minister", " Ministry")
    f["n_cancelled"] = _commas(_lo_hi(rng, 40, 2400))
    f["n_mines"] = str(_lo_hi(rng, 6, 40))
    f["disrupt"] = disrupt.format_map(f)
    _cast(f, "lead", minister, _new_person(t, f, True))
    _cast(f, "p2", "union leader", _new_person(t, f, True))
    f["n_hours"] = rng.choice(("24", "48", "72"))
    f["n_workers"] = _commas(_lo_hi(rng, 2000, 90000, 100))
    f["pct_demand"] = str(_lo_hi(rng, 8, 25))
    f["pct_offer"] = str(_lo_hi(rng, 2, 7))
    f["inflation"] = f"{rng.uniform(4, 14):.1f}"
    f["pct_support"] = str(_lo_hi(rng, 41, 72))
    f["pct_hist"] = str(_lo_hi(rng, 4, 12))
    f["hist_year"] = str(int(f["year"]) - rng.randint(4, 20))
    f["amount"] = f"{_lo_hi(rng, 12, 140)} million {f['currency']}"
    f["org"] = f"the {f['union']}"
    f["org2"] = f"the {f['ministry']}"
    f["event"] = "the strike"
    f["event_word"] = "strike"
    f["recap"] = "a {n_hours}-hour strike by {workers} in {month}".format_map(f)
    f["unclear"] = "how long the strike would last"
    f["local_fear"] = rng.choice(
        ("losing a day's wages", "missing hospital appointments", "not getting to work on time")
    )
    f["image_desc"] = f"{workers} holding banners outside the {f['ministry']}"
    f["hashtag"] = "FairPayNow"


# ---- election ------------------------------------------------------------------------------


@_kind(
    "election",
    "politics",
    titles=(
        "{party} leads {adj} {elect_type} election with {pct1}% of the vote",
        "{lead_last}'s {party} claims victory in {country} as turnout hits {turnout}%",
        "{adj} voters hand {party} {n_seats1} seats, short of majority",
        "{p2_last} refuses to concede as {country} counts votes",
        "Low turnout and a close race: {country} votes in {elect_type} election",
    ),
    captions=(
        "Election workers count ballots at a polling station in {city}",
        "{lead} casts {his} vote in {capital}",
        "Supporters of the {party} celebrate in {capital}",
    ),
    facts={
        "lede": (
            "The {party} led by {lead_name} won {pct1} percent of the vote in {country}'s "
            "{elect_type} election, according to preliminary results released {day_ref} by "
            "{org}.",
            "{lead_name}'s {party} [claimed victory|declared itself the winner] in {country}'s "
            "{elect_type} election {day_ref} after early results gave it {pct1} percent of the "
            "vote.",
            "Voters in {country} [handed|gave] the {party} {n_seats1} of the {n_seats} seats in "
            "the {parliament}, results showed {day_ref}, leaving {lead_name} [short of|just "
            "shy of] an outright majority.",
        ),
        "rival": (
            "The {party2} of {p2_name} came second with {pct2} percent, [down from|compared "
            "with] {pct2_prev} percent at the last election.",
            "{p2_name}'s {party2} [trailed|finished second] with {pct2} percent of the vote.",
            "The main challenger, the {party2}, won {pct2} percent, according to {org}.",
        ),
        "turnout": (
            "Turnout was {turnout} percent, [the lowest|one of the lowest] since {hist_year}.",
            "{org} put turnout at {turnout} percent of the {n_voters} registered voters.",
            "About {turnout} percent of eligible voters cast a ballot, [officials said|{org} "
            "said], with long queues reported in {city}.",
        ),
        "quote_lead": (
            '"Tonight the people of {country} have chosen stability," {lead_last} told '
            "cheering supporters in {capital}.",
            '{lead_last} [promised|vowed] to form a government "for every {adj}, not only for '
            'those who voted for us."',
            'In a speech to supporters, {lead_last} said the result was "a clear mandate for '
            'change" and thanked {his} rivals for a "hard-fought campaign."',
        ),
        "quote_p2": (
            "{p2_last} refused to concede, saying {his2} party would [challenge|contest] the "
            "results in {n_districts} districts.",
            '"The count is not over," {p2_last} said, [alleging|pointing to] irregularities '
            "at polling stations in {city}.",
            '{p2_last} [accepted|acknowledged] defeat and said the {party2} would be "a '
            'vigilant opposition."',
        ),
        "monitors": (
            "Observers from {bloc} said the vote was [largely orderly|generally well run] but "
            "noted [problems with voter lists|delays in opening] at some polling stations.",
            "{org} said it had received {n_complaints} complaints, most of them about [missing "
            "names on voter lists|late-opening polling stations].",
            "International monitors from {bloc} [reported|described] the campaign as competitive, "
            "though they [criticised|questioned] the use of state media by the {party}.",
        ),
        "next": (
            "Coalition talks are expected to begin [next week|within days], with the {party3} "
            "seen as a likely partner.",
            "Final results are due [within|in] {n_days} days.",
            "The new {parliament} [is due to|will] hold its first session on {next_date}.",
        ),
    },
)
def _setup_election(t: random.Random, rng: random.Random, f: dict[str, str]) -> None:
    p1, p2, p3 = t.sample(PARTY_NAMES, 3)
    f.update(party=p1, party2=p2, party3=p3)
    f["elect_type"] = rng.choice(("parliamentary", "presidential", "general", "snap"))
    _cast(f, "lead", f"{p1} leader", _new_person(t, f, True))
    _cast(f, "p2", f"{p2} leader", _new_person(t, f, True))
    f["pct1"] = str(_lo_hi(rng, 31, 54))
    f["pct2"] = str(_lo_hi(rng, 18, 30))
    f["pct2_prev"] = str(_lo_hi(rng, 22, 38))
    f["turnout"] = str(_lo_hi(rng, 38, 79))
    f["n_seats"] = str(_lo_hi(rng, 101, 451, 2))
    f["n_seats1"] = str(int(int(f["n_seats"]) * rng.uniform(0.38, 0.49)))
    f["n_voters"] = f"{rng.uniform(1.2, 24):.1f} million"
    f["n_districts"] = NUMBER_WORDS[_lo_hi(rng, 3, 10)]
    f["n_complaints"] = _commas(_lo_hi(rng, 40, 1900))
    f["n_days"] = NUMBER_WORDS[_lo_hi(rng, 3, 10)]
    f["hist_year"] = str(int(f["year"]) - rng.randint(8, 30))
    nd = date(int(f["year"]), int(f["month_num"]), 1) + timedelta(days=rng.randint(35, 60))
    f["next_date"] = f"{nd.day} {MONTHS[nd.month - 1]}"
    f["org"] = "the Central Electoral Commission"
    f["org2"] = f"the {p2}"
    f["event"] = "the election"
    f["event_word"] = "election"
    f["recap"] = (
        "the {elect_type} election in {month}, when turnout was {turnout} percent".format_map(f)
    )
    f["unclear"] = "how long coalition talks would take"
    f["local_fear"] = "months of political deadlock"
    f["image_desc"] = f"supporters of the {p1} waving flags in {f['capital']}"
    f["hashtag"] = f"{f['country']}Votes"


# ---- flood ---------------------------------------------------------------------------------


@_kind(
    "flood",
    "disaster",
    titles=(
        "Floods kill {n_dead} in {region} as {river} River bursts its banks",
        "Thousands flee their homes as floods hit {city}",
        "{n_dead} dead, {n_missing} missing after heavy rain in {country}",
        "{country} declares emergency in {region} after deadly floods",
        "Rescuers search for missing as floodwaters recede in {city}",
    ),
    captions=(
        "Residents wade through a flooded street in {city}",
        "Rescue workers evacuate a family by boat in {city}",
        "An aerial view shows farmland submerged by the {river} River near {city}",
    ),
    facts={
        "lede": (
            "At least {n_dead} people were killed and {n_missing} were missing after [heavy|"
            "torrential] rain caused the {river} River to burst its banks in {region}, "
            "{lead} said {day_ref}.",
            "Floods [swept through|hit] {city} and {n_villages} surrounding villages {day_ref}, "
            "killing at least {n_dead} people and forcing {n_displaced} from their homes, "
            "officials said.",
            "{country} declared a state of emergency in {region} {day_ref} after floods killed "
            "{n_dead} people and left {n_missing} missing, {org} said.",
        ),
        "rain": (
            "More than {rain_mm} millimetres of rain fell in {n_hours} hours, [according to|"
            "said] {org2}, more than [the region usually gets|falls] in a month.",
            "{org2} said {rain_mm} millimetres of rain had fallen in {n_hours} hours, [a record "
            "for the area|the heaviest in decades].",
            "The downpour, which dumped {rain_mm} millimetres of rain in {n_hours} hours, "
            "[overwhelmed|overran] drainage systems in {city}.",
        ),
        "rescue": (
            "Rescue teams using boats and helicopters [evacuated|pulled] {n_rescued} people from "
            "rooftops and [flooded|submerged] homes.",
            "{org} said {n_rescued} people had been rescued and that the search for the missing "
            "would continue [through the night|overnight].",
            "Soldiers were deployed to help [rescue|evacuate] residents, and {n_rescued} people "
            "had been taken to [safety|temporary shelters] by [evening|nightfall].",
        ),
        "displaced": (
            "Some {n_displaced} people are [staying in|sheltering in] schools and sports halls, "
            "and "
            "the authorities have [appealed for|asked for] blankets and drinking water.",
            "About {n_displaced} people [were displaced|lost their homes], {org} said.",
            "Officials said {n_displaced} residents had been moved to temporary shelters in "
            "{city2}.",
        ),
        "quote_lead": (
            '"[Our priority|The priority] is to reach everyone who is still cut off," {lead} '
            "said during a visit to {city}.",
            "{lead_last} promised [compensation|emergency aid] of {amount} for families who lost "
            "their homes.",
            "{lead_last} said the government would release {amount} in emergency funds and "
            "[warned|cautioned] that the death toll could rise.",
        ),
        "quote_p2": (
            '"The water came so fast that people had no time to take anything," said {p2}.',
            "{p2} said parts of the city had been without electricity for {n_hours} hours.",
            "{p2} [criticised|questioned] the authorities for failing to [clear|maintain] "
            "[drainage channels|flood defences] [before|ahead of] the rainy season.",
        ),
        "forecast": (
            "Forecasters [warned|expect] more rain in the coming days, [raising fears|and "
            "officials fear] that [the river|the {river}] could rise again.",
            "{org2} [issued|kept] a red alert for {region} [until|through] {next_weekday}.",
            "It was the deadliest flooding in {country} since {hist_year}, when {n_dead_hist} "
            "people were killed.",
        ),
    },
)
def _setup_flood(t: random.Random, rng: random.Random, f: dict[str, str]) -> None:
    f["river"] = t.choice(RIVERS)
    _cast(
        f,
        "lead",
        t.choice(("Interior Minister", "Emergency Services Minister", f"{f['leader']}")),
        _new_person(t, f, True),
    )
    _cast(f, "p2", f"{f['city']} Mayor", _new_person(rng, f))
    f["n_dead"] = str(_lo_hi(rng, 3, 64))
    f["n_missing"] = str(_lo_hi(rng, 2, 40))
    f["n_dead_hist"] = str(_lo_hi(rng, 20, 200))
    f["n_displaced"] = _commas(_lo_hi(rng, 1200, 85000, 100))
    f["n_rescued"] = _commas(_lo_hi(rng, 60, 4000, 10))
    f["n_villages"] = (
        NUMBER_WORDS[_lo_hi(rng, 3, 10)] if rng.random() < 0.5 else str(_lo_hi(rng, 11, 60))
    )
    f["rain_mm"] = str(_lo_hi(rng, 90, 400))
    f["n_hours"] = rng.choice(("24", "36", "48", "12"))
    f["amount"] = f"{_lo_hi(rng, 20, 500)} million {f['currency']}"
    f["hist_year"] = str(int(f["year"]) - rng.randint(5, 40))
    f["org"] = f"the {f['adj']} Civil Protection Agency"
    f["org2"] = "the national weather service"
    f["event"] = "the flooding"
    f["event_word"] = "flood"
    f["recap"] = "the floods in {region} in {month} that killed {n_dead} people".format_map(f)
    f["unclear"] = "when the water would recede"
    f["local_fear"] = rng.choice(
        ("disease spreading in the shelters", "another night of rain", "losing this year's harvest")
    )
    f["image_desc"] = "cars floating down flooded streets"
    f["hashtag"] = f"{f['city'].replace(' ', '')}Floods"


# ---- earthquake ----------------------------------------------------------------------------


@_kind(
    "quake",
    "disaster",
    titles=(
        "Magnitude {magnitude} earthquake strikes {region}, killing {n_dead}",
        "Earthquake near {city} leaves {n_dead} dead and hundreds homeless",
        "Rescuers dig through rubble after {country} quake",
        "Death toll from {region} earthquake rises to {n_dead}",
        "Strong quake shakes {capital}; dozens of buildings collapse in {city}",
    ),
    captions=(
        "Rescuers search through the rubble of a collapsed building in {city}",
        "Residents gather in an open square after the earthquake in {city}",
        "A damaged mosque and houses in {city} after the earthquake",
    ),
    facts={
        "lede": (
            "A magnitude {magnitude} earthquake struck {region} {day_ref}, killing at least "
            "{n_dead} people and injuring {n_injured}, {org2} said.",
            "At least {n_dead} people died when a [powerful|strong] earthquake [hit|shook] the "
            "area around {city} {day_ref}, [bringing down|toppling] {n_buildings} buildings.",
            "Rescuers [searched|dug] through the rubble of [collapsed|flattened] homes in {city} "
            "{day_ref} after a magnitude {magnitude} quake killed {n_dead} people.",
        ),
        "science": (
            "{org} said the quake [struck|hit] at a depth of {depth} kilometres, with its "
            "epicentre about {distance} kilometres from {city}.",
            "The epicentre was {distance} kilometres [from|outside] {city} at a depth of {depth} "
            "kilometres, [according to|said] {org}.",
            "{org} recorded {n_aftershocks} aftershocks, the strongest of magnitude "
            "{magnitude_after}.",
        ),
        "damage": (
            "In all, {n_buildings} buildings collapsed and [many more|hundreds more] were damaged, "
            "[including|among them] a school and the main hospital in {city}.",
            "[Officials|Local authorities] said {n_buildings} buildings had [collapsed|been "
            "destroyed] and roads to [several|some] villages were blocked by landslides.",
            "[Power and water|Electricity and telephone lines] were cut across much of {city}, "
            "where {n_buildings} buildings [fell|came down].",
        ),
        "quote_lead": (
            '"We are doing everything possible to find survivors," {lead} said after '
            "[visiting|touring] {city}.",
            "{lead} declared {n_days_mourning} days of national mourning and [promised|pledged] "
            "{amount} for reconstruction.",
            "{lead_last} said the army had been [deployed|ordered] to help with the search and "
            "to set up [field hospitals|tent camps].",
        ),
        "quote_p2": (
            "{p2} said teams were still [hearing voices|receiving calls] from people trapped "
            "under the rubble.",
            '"Every hour counts," {p2} said. "We have {n_rescuers} rescuers working in shifts '
            '[through the night|around the clock]."',
            "{p2} said {n_rescued} people had been pulled alive from collapsed buildings.",
        ),
        "aid": (
            "{bloc} [offered|sent] search-and-rescue teams and [promised|pledged] emergency aid.",
            "[Hospitals|Clinics] in {city2} [were overwhelmed|struggled to cope] and appealed for "
            "blood donations.",
            "Some {n_displaced} people spent the night in [tents|the open], [fearing|afraid of] "
            "aftershocks.",
        ),
    },
)
def _setup_quake(t: random.Random, rng: random.Random, f: dict[str, str]) -> None:
    _cast(f, "lead", t.choice((f["leader"], "Interior Minister")), _new_person(t, f, True))
    _cast(f, "p2", f"{f['adj']} Rescue Service chief", _new_person(t, f, True))
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
    f["amount"] = f"{_lo_hi(rng, 50, 900)} million {f['currency']}"
    f["org"] = "the National Seismological Institute"
    f["org2"] = f"the {f['adj']} Rescue Service"
    f["event"] = "the earthquake"
    f["event_word"] = "earthquake"
    f["recap"] = "the magnitude {magnitude} earthquake near {city} in {month}".format_map(f)
    f["unclear"] = "how many people were still trapped"
    f["local_fear"] = "more aftershocks"
    f["image_desc"] = "rescuers forming a human chain to clear debris"
    f["hashtag"] = f"{f['country']}Earthquake"


# ---- court ---------------------------------------------------------------------------------

_CHARGES = (
    "embezzling {amount} in public funds",
    "accepting bribes from construction firms",
    "abuse of office",
    "laundering {amount} through shell companies",
    "rigging public tenders worth {amount}",
    "illegally financing a party campaign",
)


@_kind(
    "court",
    "politics",
    titles=(
        "Former {p2_role} {p2_last} jailed for {n_years} years",
        "{adj} court convicts {p2_name} of {charges_short}",
        "{p2_last} sentenced to {n_years} years in landmark corruption case",
        "Court in {city} finds ex-{p2_role} guilty, orders {fine} fine",
        "{p2_name} to appeal after {n_years}-year sentence",
    ),
    captions=(
        "{p2} arrives at the court in {city}",
        "Police officers stand guard outside the {court} in {city}",
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
            "In addition to the prison term, {p2_last} must pay {fine} and is [banned|barred] "
            "from holding office for {n_ban} years.",
            "Judges [imposed|added] a {fine} fine and a {n_ban}-year ban on holding public office.",
        ),
        "case": (
            "Prosecutors said {p2_last} had [used|abused] {his2} position to [steer|award] "
            "contracts to companies owned by relatives.",
            "The case [centred on|concerned] {n_contracts} contracts awarded between "
            "{case_from} and {case_to}, [according to|prosecutors told] the court.",
            "During the {n_months}-month trial, the court heard from {n_witnesses} witnesses, "
            "including [several|two] former ministry officials.",
        ),
        "quote_lead": (
            '"No one is above the law," {lead} said as {he} read the verdict.',
            '{lead} said the evidence [showed|proved] "a deliberate and sustained abuse of trust."',
            "Reading the verdict, {lead} said the court had [weighed|considered] {p2_last}'s "
            "[years of public service|age and health].",
        ),
        "quote_p2": (
            "{p2_last}'s lawyer, {lawyer}, said {his2} client would appeal, calling the verdict "
            '"[politically motivated|a grave injustice]."',
            '"I am innocent and I will prove it," {p2_last} told reporters as {he2} left the '
            "courtroom.",
            "{p2_last} [denied|has denied] all the charges and [says|said] {he2} [is|was] the "
            "victim of a political vendetta.",
        ),
        "reaction": (
            "[Anti-corruption campaigners|Transparency groups] in {capital} [welcomed|praised] the "
            "ruling against {p2_last} as a [turning point|milestone].",
            "Supporters of {p2_last} [gathered|protested] outside the court, [chanting|holding "
            "banners] [in support of|defending] the former official.",
            "The verdict [can be|may be] appealed to the Supreme Court within {n_days} days.",
        ),
    },
)
def _setup_court(t: random.Random, rng: random.Random, f: dict[str, str]) -> None:
    f["amount"] = f"{_lo_hi(rng, 3, 240)} million {f['currency']}"
    charges = t.choice(_CHARGES)
    f["charges"] = charges.format_map(f)
    f["charges_short"] = (
        charges.split(" {")[0]
        .replace("embezzling", "embezzlement")
        .replace("laundering", "money laundering")
        .replace("rigging", "rigging tenders")
        .replace(" public tenders worth", "")
    )
    f["court"] = t.choice(
        ("Criminal Court", "Court of Appeal", "Anti-Corruption Court", "High Court")
    )
    _cast(f, "lead", "Judge", _new_person(rng, f))
    _cast(
        f,
        "p2",
        t.choice(
            (
                "transport minister",
                "finance minister",
                "mayor of {city}",
                "deputy prime minister",
                "health minister",
            )
        ).format_map(f),
        _new_person(t, f, True),
    )
    f["p2"] = f"former {f['p2_role']} {f['p2_name']}"
    f["lawyer"] = _new_person(t, f, True).name
    f["n_years"] = str(_lo_hi(rng, 2, 14))
    f["n_ban"] = NUMBER_WORDS[_lo_hi(rng, 3, 10)]
    f["fine"] = f"{_lo_hi(rng, 1, 30)} million {f['currency']}"
    f["left_year"] = str(int(f["year"]) - rng.randint(1, 6))
    f["case_from"] = str(int(f["left_year"]) - rng.randint(3, 6))
    f["case_to"] = f["left_year"]
    f["n_contracts"] = str(_lo_hi(rng, 4, 60))
    f["n_months"] = NUMBER_WORDS[_lo_hi(rng, 3, 10)] if rng.random() < 0.6 else "14"
    f["n_witnesses"] = str(_lo_hi(rng, 12, 90))
    f["n_days"] = str(rng.choice((15, 30, 45)))
    f["org"] = "the prosecutor's office"
    f["org2"] = f"{f['p2_last']}'s defence team"
    f["event"] = "the verdict"
    f["event_word"] = "verdict"
    f["recap"] = "the trial of {p2_name}, which opened in {month}".format_map(f)
    f["unclear"] = "whether the sentence would be suspended pending appeal"
    f["local_fear"] = "that nothing would really change"
    f["image_desc"] = f"{f['p2_last']} being led from the courtroom"
    f["hashtag"] = f"{f['p2_last']}Trial"


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


@_kind(
    "trade",
    "economy",
    titles=(
        "{country} and {partner} sign trade deal cutting tariffs on {goods}",
        "{adj}-{partner_adj} trade pact to remove duties on {pct_lines}% of goods",
        "Trade deal with {partner} will boost exports by {amount_exports}, {lead_last} says",
        "Farmers warn {adj} deal with {partner} threatens {goods} sector",
        "{country}, {partner} seal free trade agreement after {n_years} years of talks",
    ),
    captions=(
        "{lead} and {p2} sign the trade agreement in {capital}",
        "Containers are stacked at the port of {city}",
        "Workers at a {goods} plant in {city}",
    ),
    facts={
        "lede": (
            "{country} and {partner} signed a trade agreement {day_ref} that will [remove|"
            "scrap] tariffs on {pct_lines} percent of goods traded between them, ending "
            "{n_years} years of negotiations.",
            "{lead} and {p2} signed a [free trade|trade] [agreement|pact] in {capital} "
            "{day_ref}, [cutting|lowering] duties on {goods} and other products.",
            "A trade [deal|pact] signed {day_ref} by {country} and {partner} will [phase out|"
            "remove] tariffs on {goods} over {n_phase} years, {lead} said.",
        ),
        "numbers": (
            "Trade between the two countries [was worth|reached] {amount_trade} last year, "
            "[according to|said] {org}.",
            "The agreement is expected to [raise|boost] {adj} exports by {amount_exports} a "
            "year, [the ministry said|according to government estimates].",
            "{org} [estimates|estimated] that bilateral trade of {amount_trade} could [double|"
            "grow by half] [within|over] a decade.",
        ),
        "quote_lead": (
            '"This opens a market of millions of consumers to our companies," {lead_last} '
            "said at the signing ceremony.",
            "{lead_last} said the deal would [create|support] about {n_jobs} jobs in {country}.",
            "{lead_last} [called the agreement|described the agreement as] "
            '"[a new chapter|a historic step]" in '
            "relations with {partner}.",
        ),
        "quote_p2": (
            "{p2} said {partner} would [gain|win] [easier|better] access to {adj} {goods2} "
            "markets.",
            '"Both our economies win," {p2} said.',
            "{p2} [said|told reporters] the agreement [would|should] be ratified [by the end of "
            "the year|within months].",
        ),
        "critics": (
            "{org2} [warned|said] that cheaper imports of {goods} could [put|force] thousands of "
            "[small producers|family farms] out of business.",
            "Critics, including {org2}, [say|said] the deal [was|had been] negotiated in "
            "secret and [offers|offered] too little protection for {goods} producers.",
            "The {parliament} must still [approve|ratify] the deal, and [several|some] lawmakers "
            "have [threatened|vowed] to vote against it.",
        ),
        "detail": (
            "Under the agreement, tariffs on {goods} will fall from {tariff_old} percent to "
            "zero over {n_phase} years.",
            "The pact also [covers|includes] [public procurement|services and investment], and "
            "[sets up|creates] a joint committee to settle disputes between {country} and "
            "{partner}.",
            "[Sensitive|Some] products, including {goods2}, [are|were] [excluded|left out] of "
            "the deal at the insistence of {partner}.",
        ),
    },
)
def _setup_trade(t: random.Random, rng: random.Random, f: dict[str, str]) -> None:
    g1, g2 = t.sample(_GOODS, 2)
    f.update(goods=g1, goods2=g2)
    _cast(f, "lead", "Trade Minister", _new_person(t, f, True))
    _cast(f, "p2", f"{f['partner_adj']} Trade Minister", _new_person(t, f, True))
    f["pct_lines"] = str(_lo_hi(rng, 70, 98))
    f["n_years"] = NUMBER_WORDS[_lo_hi(rng, 2, 10)]
    f["n_phase"] = NUMBER_WORDS[_lo_hi(rng, 3, 10)]
    f["amount_trade"] = f"{rng.uniform(0.4, 9.5):.1f} billion {f['currency']}"
    f["amount_exports"] = f"{_lo_hi(rng, 80, 900)} million {f['currency']}"
    f["n_jobs"] = _commas(_lo_hi(rng, 2000, 40000, 500))
    f["tariff_old"] = str(_lo_hi(rng, 8, 35))
    f["org"] = f"the {f['adj']} Chamber of Commerce"
    f["org2"] = f"the {f['adj']} Farmers' Association"
    f["event"] = "the trade agreement"
    f["event_word"] = "agreement"
    f["recap"] = "the trade deal with {partner} signed in {month}".format_map(f)
    f["unclear"] = "when the agreement would take effect"
    f["local_fear"] = "competition from cheaper imports"
    f["image_desc"] = "ministers toasting the agreement"
    f["hashtag"] = f"{f['partner']}Deal"


# ---- protest -------------------------------------------------------------------------------

_GRIEVANCES = (
    ("a rise in fuel prices", "fuel prices"),
    ("a new media law", "the media law"),
    ("corruption in the ruling party", "corruption"),
    ("plans to raise the pension age", "pension reform"),
    ("the closure of the {city} steelworks", "the steelworks closure"),
    ("a proposed tax on small businesses", "the business tax"),
    ("power cuts lasting up to {n_hours_cut} hours a day", "power cuts"),
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


@_kind(
    "protest",
    "politics",
    titles=(
        "Thousands protest in {city} against {grievance_short}",
        "Police fire tear gas as protesters march on {square} in {city}",
        "{n_arrested} arrested as protests over {grievance_short} spread in {country}",
        "{adj} protesters demand {lead_role}'s resignation over {grievance_short}",
        "Tens of thousands rally in {city} in biggest protest in years",
    ),
    captions=(
        "Protesters chant slogans during a rally on {square} in {city}",
        "Riot police stand guard as demonstrators gather in {city}",
        "A protester holds a banner during a march against {grievance_short} in {city}",
    ),
    facts={
        "lede": (
            "Thousands of people marched through {city} {day_ref} to protest against "
            "{grievance}, in [one of the largest|the largest] demonstrations in {country} in "
            "years.",
            "Police in {city} fired tear gas and water cannon {day_ref} to disperse protesters "
            "[angry about|opposed to] {grievance}, and arrested {n_arrested} people.",
            "About {n_protesters} demonstrators gathered on {square} in {city} {day_ref} to "
            "demand that the government [abandon|drop|reverse] {grievance}.",
        ),
        "numbers": (
            "Organisers put the crowd at {n_protesters}, while police [estimated|said there were] "
            "{n_police_est}.",
            "{org} said {n_injured} people, including {n_officers} police officers, were "
            "[treated for injuries|hurt].",
            "In all, {n_arrested} people were [detained|arrested] and {n_injured} injured, [police "
            "said|according to the interior ministry].",
        ),
        "scene": (
            "Protesters [waved|carried] flags and [chanted|shouted] slogans against {lead_name} "
            "as they [marched|moved] towards the {parliament}.",
            "Shops along the route [closed|pulled down their shutters] as the crowd "
            "[approached|reached] {square}, and [traffic|public transport] in central {city} was "
            "suspended.",
            "Clashes broke out [near|outside] the {parliament} when [some|a group of] protesters "
            "[threw|hurled] stones and bottles at police lines.",
        ),
        "quote_p2": (
            '"We are here because we have no other way to be heard," said {p2}, one of the '
            "organisers.",
            "{p2}, [who helped organise|an organiser of] the march, said protests would continue "
            '"until the government listens."',
            "{p2} [accused|blamed] the police of using excessive force and [called for|demanded] "
            "an independent inquiry.",
        ),
        "quote_lead": (
            '{lead} said the right to protest [was|is] protected but that violence "will not '
            'be tolerated."',
            '{lead} [blamed|accused] "a small group of provocateurs" for the [violence|'
            'clashes] and praised police for their "restraint."',
            '"The government has heard the concerns of citizens," {lead} said, [promising|'
            "offering] talks with [civil society groups|the organisers].",
        ),
        "context": (
            "The protests [began|started] {n_weeks} weeks ago after the government announced "
            "{grievance}.",
            "{grievance_short_cap} has become [a rallying point|the focus] for [wider|broader] "
            "anger over [living costs|unemployment|corruption].",
            "Similar protests were held in {city2} and {city3}, [local media reported|according "
            "to local media].",
        ),
    },
)
def _setup_protest(t: random.Random, rng: random.Random, f: dict[str, str]) -> None:
    f["n_hours_cut"] = str(_lo_hi(rng, 6, 14))
    grievance, short = t.choice(_GRIEVANCES)
    f["grievance"] = grievance.format_map(f)
    f["grievance_short"] = short
    f["grievance_short_cap"] = short[0].upper() + short[1:]
    f["square"] = t.choice(_SQUARES)
    _cast(f, "lead", "Interior Minister", _new_person(t, f, True))
    _cast(
        f,
        "p2",
        t.choice(("activist", "student leader", "opposition lawmaker")),
        _new_person(t, f, True),
    )
    n = _lo_hi(rng, 3000, 90000, 500)
    f["n_protesters"] = _commas(n)
    f["n_police_est"] = _commas(int(n * rng.uniform(0.3, 0.6)) // 100 * 100)
    f["n_arrested"] = str(_lo_hi(rng, 6, 240))
    f["n_injured"] = str(_lo_hi(rng, 5, 140))
    f["n_officers"] = NUMBER_WORDS[_lo_hi(rng, 2, 10)]
    f["n_weeks"] = NUMBER_WORDS[_lo_hi(rng, 2, 8)]
    f["org"] = "the health ministry"
    f["org2"] = "the police"
    f["event"] = "the protest"
    f["event_word"] = "protest"
    f["recap"] = "a march by {n_protesters} people against {grievance_short} in {month}".format_map(
        f
    )
    f["unclear"] = "whether the government would change course"
    f["local_fear"] = "that the violence would spread to their neighbourhood"
    f["image_desc"] = "police chasing protesters through side streets"
    f["hashtag"] = "Not" + "".join(w.capitalize() for w in short.split()[-2:])


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
    "the former mayor of {city}",
    "a retired army general",
    "a businesswoman who ran the state energy company",
    "a veteran of the governing party",
    "a former head of the tax authority",
    "a prominent surgeon",
)


@_kind(
    "appointment",
    "politics",
    titles=(
        "{leader} {lead_last} names {p2_name} as new {post} minister",
        "{country}'s {lead_role} sacks {post} minister, appoints {p2_last}",
        "{p2_name} sworn in as {adj} {post} minister after {pred_last} is dismissed",
        "{adj} leader replaces {post} minister amid {trouble_short}",
        "Who is {p2_name}, {country}'s new {post} minister?",
    ),
    captions=(
        "{p2} takes the oath of office in {capital}",
        "{lead} speaks during a cabinet meeting in {capital}",
        "Outgoing {post} minister {pred_name} leaves the ministry in {capital}",
    ),
    facts={
        "lede": (
            "{lead} [dismissed|sacked|replaced] {post} minister {pred_name} {day_ref} and "
            "appointed {p2_name}, {p2_background}, to the post, [the presidency said|according "
            "to a statement from {his} office].",
            "{country} has a new {post} minister: {p2_name}, {p2_background}, was sworn in "
            "{day_ref} after {lead} [removed|dismissed] {pred_name}.",
            "{p2_name} [took|has taken] over as {adj} {post} minister, replacing {pred_name}, "
            "whom {lead} [fired|dismissed] {day_ref} [amid|after weeks of] {trouble}.",
        ),
        "reason": (
            "No reason was given for {pred_last}'s dismissal, but [it came|the move came] "
            "after weeks of criticism over {trouble}.",
            "{pred_last} had been under pressure [over|because of] {trouble}, [and|while] "
            "[opposition|coalition] lawmakers had called for {his_pred} resignation.",
            "The [announcement|change] [did not mention|made no reference to] {pred_last}, who "
            "had held the post since {pred_since}.",
        ),
        "profile": (
            "{p2_last}, {p2_age}, [previously|until now] led a national commission on "
            "{commission}.",
            "Born in {city} in {p2_born}, {p2_last} [studied|trained] in {study_city} and "
            "[spent|worked for] {n_years} years in public administration.",
            "{p2_last} is [little known|not widely known] outside {capital} but is [respected|"
            "well regarded] among officials [for|as] a [careful|pragmatic] administrator.",
        ),
        "oath": (
            "{p2_last} took the oath of office [at|in] the presidential palace [late on "
            "{weekday}|on {weekday} evening], [according to|in] images released by {lead_last}'s "
            "office.",
            "Photographs [published|shared] by the government showed {p2_last} taking the oath "
            "in front of {lead_last}.",
            '[At the ceremony|After being sworn in], {p2_last} said {he2} would "[work day and '
            'night|spare no effort]" to {p2_goal}.',
        ),
        "quote_lead": (
            '"We need a fresh start and a steady hand," {lead_last} said [in a televised '
            "address|in a brief statement].",
            "{lead_last} [thanked|praised] {pred_last} for {his_pred} [service|work] and said "
            "the new minister would focus on {p2_goal}.",
            "{lead_last} said {he} expected {p2_last} to present a plan [within|in] {n_days} days.",
        ),
        "context": (
            "It is the [second|third] cabinet change this year, [and|as] the government "
            "[struggles|tries] to [contain|deal with] {trouble}.",
            "The opposition [said|argued] the change [would do|did] little to address {trouble}.",
            "{country} [faces|has faced] {trouble}, [along with|as well as] {bg_issue}.",
        ),
    },
)
def _setup_appointment(t: random.Random, rng: random.Random, f: dict[str, str]) -> None:
    post = rng.choice(_POSTS)
    f["post"] = post
    _cast(f, "lead", f["leader"], _new_person(t, f, True))
    p2 = _new_person(rng, f)
    _cast(f, "p2", f"{post.capitalize()} Minister", p2)
    pred = _new_person(rng, f)
    f["pred_name"], f["pred_last"] = pred.name, pred.last
    f["his_pred"] = "her" if pred.female else "his"
    f["p2_background"] = _pick(rng, _BACKGROUNDS, f)
    f["p2_age"] = str(_lo_hi(rng, 38, 69))
    f["p2_born"] = str(int(f["year"]) - int(f["p2_age"]))
    f["study_city"] = rng.choice(COUNTRIES).capital
    f["n_years"] = str(_lo_hi(rng, 8, 30))
    f["n_days"] = str(rng.choice((30, 60, 90, 100)))
    f["pred_since"] = str(int(f["year"]) - rng.randint(1, 5))
    f["commission"] = rng.choice(
        (
            "recovering stolen public funds",
            "pension reform",
            "water shortages",
            "public procurement",
            "youth employment",
        )
    )
    trouble, short = rng.choice(
        (
            ("shortages of flour and cooking gas", "shortages"),
            ("a row over the delayed budget", "budget row"),
            ("a scandal over overpriced contracts", "contracts scandal"),
            ("rising unemployment", "rising unemployment"),
            ("a series of blackouts", "blackouts"),
            ("a collapse in the value of the {currency1}".format_map(f), "currency slide"),
        )
    )
    f["trouble"], f["trouble_short"] = trouble, short
    f["p2_goal"] = rng.choice(
        (
            "restoring confidence",
            "balancing the budget",
            "ending the shortages",
            "cleaning up public contracts",
            "bringing down prices",
        )
    )
    f["org"] = f"the office of the {f['leader'].lower()}"
    f["org2"] = f"the {post} ministry"
    f["event"] = "the appointment"
    f["event_word"] = "cabinet change"
    f["recap"] = "the dismissal of {pred_name} in {month}".format_map(f)
    f["unclear"] = "whether more cabinet changes would follow"
    f["local_fear"] = "that a new face would not mean new policies"
    f["image_desc"] = f"{p2.last} taking the oath of office"
    f["hashtag"] = f"New{post.capitalize()}Minister"


# ---- economy -------------------------------------------------------------------------------


@_kind(
    "economy",
    "economy",
    titles=(
        "{adj} central bank raises rates to {rate}% as inflation hits {inflation}%",
        "{country} inflation climbs to {inflation}%, highest since {hist_year}",
        "{lead_last} signals more rate rises as {currency1} slides",
        "Central bank in {capital} holds rates at {rate}% despite pressure",
        "{adj} economy grew {growth}% last quarter, beating forecasts",
    ),
    captions=(
        "{lead} speaks at a news conference in {capital}",
        "Shoppers at a market in {city}",
        "The headquarters of the {adj} central bank in {capital}",
    ),
    facts={
        "lede": (
            "The {adj} central bank raised its main interest rate to {rate} percent {day_ref}, "
            "its [third|fourth|latest] increase this year, as inflation [climbed|rose] to "
            "{inflation} percent.",
            "{country}'s central bank [lifted|increased] borrowing costs by {rate_step} "
            "percentage points to {rate} percent {day_ref}, [citing|pointing to] persistent "
            "price pressures.",
            "Annual inflation in {country} [reached|hit] {inflation} percent in {prev_month}, "
            "the highest since {hist_year}, prompting the central bank to raise rates to {rate} "
            "percent {day_ref}.",
        ),
        "prices": (
            "Food prices rose {food_pct} percent [over the past year|year on year], while "
            "[energy|housing] costs [climbed|rose] {energy_pct} percent, [according to|data "
            "from] {org2} showed.",
            "{org2} said food prices were up {food_pct} percent [from a year earlier|on the "
            "year], [driven by|led by] bread, cooking oil and vegetables.",
            "The biggest increases were in food, up {food_pct} percent, and energy, up "
            "{energy_pct} percent.",
        ),
        "quote_lead": (
            '"We will do whatever is necessary to bring inflation back to target," {lead} '
            "told reporters.",
            "{lead} said further [increases|rate rises] [could not be ruled out|remained "
            "possible] if prices kept rising.",
            "{lead_last} [said|told a news conference] the bank expected inflation to [ease|"
            "slow] to about {inflation_target} percent by the end of next year.",
        ),
        "quote_p2": (
            "{p2} said the government would [cut|trim] spending by {amount} to [support|help] "
            "the central bank's efforts.",
            "{p2} [defended|stood by] the government's budget, saying [subsidies|support] for "
            "[poorer households|pensioners] would [continue|remain in place].",
            "{p2} [urged|asked] [businesses|retailers] not to [pass on|push through] price "
            "rises, [calling it|saying it was] a matter of [social responsibility|fairness].",
        ),
        "currency": (
            "The {currency1} has lost {fx_loss} percent of its value against major currencies "
            "this year.",
            "The {currency1} [firmed|rose] slightly after the [decision|announcement], having "
            "[fallen|lost] {fx_loss} percent since January.",
            "[Economists|Analysts] [said|noted] the weak {currency1} [was|had been] pushing up "
            "the cost of imported fuel and food.",
        ),
        "growth": (
            "The economy grew {growth} percent in the [last|previous] quarter, [according to|"
            "said] {org2}.",
            "Growth [slowed|eased] to {growth} percent in the last quarter, and the government "
            "[cut|lowered] its forecast for the year.",
            "Unemployment [stood at|was] {unemployment} percent, [little changed|unchanged] from "
            "the previous quarter.",
        ),
    },
)
def _setup_economy(t: random.Random, rng: random.Random, f: dict[str, str]) -> None:
    _cast(f, "lead", "central bank Governor", _new_person(t, f, True))
    _cast(f, "p2", "Finance Minister", _new_person(t, f, True))
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
    n = _lo_hi(rng, 100, 2500, 50)
    f["amount"] = (
        f"{n / 1000:g} billion {f['currency']}" if n >= 1000 else f"{n} million {f['currency']}"
    )
    f["hist_year"] = str(int(f["year"]) - rng.randint(6, 30))
    f["org"] = "the central bank"
    f["org2"] = "the national statistics office"
    f["event"] = "the rate decision"
    f["event_word"] = "rate rise"
    f["recap"] = "the central bank's increase to {rate} percent in {month}".format_map(f)
    f["unclear"] = "how quickly prices would respond"
    f["local_fear"] = "rising rents and loan repayments"
    f["image_desc"] = "long queues outside exchange offices"
    f["hashtag"] = "CostOfLiving"


# ---- company -------------------------------------------------------------------------------

_COMPANY_FIRST = (
    "Northwind",
    "Harbourline",
    "Vantage",
    "Orion",
    "Sable",
    "Greystone",
    "Lumen",
    "Kestrel",
    "Halcyon",
    "Arbor",
    "Cobalt",
    "Meridia",
    "Tessel",
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


@_kind(
    "company",
    "economy",
    titles=(
        "{company} to cut {n_jobs} jobs and close {site} in {city}",
        "{adj} {company_type} {company} reports {loss_pct}% drop in profit",
        "Unions vow to fight {company} plan to shut {city} {site}",
        "{company} chief {lead_last} defends job cuts as sales slump",
        "{n_jobs} jobs at risk as {company} restructures",
    ),
    captions=(
        "The {company} {site} in {city}",
        "Workers leave the {company} {site} in {city} after a shift",
        "{lead} presents the company's results in {capital}",
    ),
    facts={
        "lede": (
            "{company}, one of {country}'s largest [employers|companies], said {day_ref} it "
            "would cut {n_jobs} jobs and close its {site} in {city} [as|after] profit fell "
            "{loss_pct} percent.",
            "The {adj} {company_type} {company} [announced|unveiled] plans {day_ref} to "
            "[shed|cut] {n_jobs} jobs, [blaming|citing] [weak demand|high energy costs|falling "
            "sales].",
            "{company} will close its {site} in {city} by {close_when}, putting {n_jobs} jobs "
            "at risk, chief executive {lead_name} said {day_ref}.",
        ),
        "results": (
            "Net profit fell {loss_pct} percent to {amount_profit} [last year|in the first half], "
            "on sales of {amount_sales}.",
            "The company [reported|posted] a profit of {amount_profit}, down {loss_pct} percent, "
            "[while|as] revenue [slipped|fell] to {amount_sales}.",
            "{company}'s shares [fell|dropped] {share_pct} percent [in early trading|on the "
            "{capital} exchange] after the announcement.",
        ),
        "quote_lead": (
            '"These are painful decisions, but they are necessary to secure the future of the '
            'company," {lead_last} said.',
            "{lead_last} said the company would [offer|provide] [retraining|early retirement] "
            "to [affected|some] workers and [invest|spend] {amount_invest} in new technology.",
            "{lead_last} [told analysts|said on a call with analysts] that the market for "
            '{company_type}s had "[changed fundamentally|become much tougher]".',
        ),
        "quote_p2": (
            '{p2}, [of|who represents workers at] the {union}, said the union would "use every '
            'means" to [stop|block] the closure.',
            '"The workers of {city} are being made to pay for management mistakes," said {p2}.',
            "{p2} [called the plan|described the plan as] [a betrayal|shameful] and "
            "[said|announced] workers "
            "would [hold|stage] a protest [next week|on {next_weekday}].",
        ),
        "town": (
            "The {site} is the [largest|biggest] employer in {city}, where [unemployment|the "
            "jobless rate] is already above {unemployment} percent.",
            "Local officials in {city} [warned|said] the closure would [hit|affect] [hundreds of "
            "suppliers|local shops and suppliers].",
            "{company} [opened|built] the {site} in {city} in {opened_year}.",
        ),
        "government": (
            "The {ministry} said it would [meet|hold talks with] company management [this week|"
            "in the coming days] to [discuss|look for] [alternatives|ways to save jobs].",
            "[Opposition|Local] politicians [urged|called on] the government to [step in|"
            "intervene], [pointing out|noting] that {company} received {amount_aid} in state "
            "aid in {aid_year}.",
            "{lead_last} said the company had [held talks|been in contact] with the government "
            "[before|ahead of] the announcement.",
        ),
    },
)
def _setup_company(t: random.Random, rng: random.Random, f: dict[str, str]) -> None:
    suffix, ctype, site = t.choice(_COMPANY_TRADE)
    f["company"] = f"{t.choice(_COMPANY_FIRST)} {suffix}"
    f["company_type"] = ctype
    f["site"] = site
    f["union"] = (
        f"{f['adj']} Metalworkers' Union"
        if ctype in ("steelmaker", "carmaker")
        else "General Workers' Union"
    )
    f["ministry"] = "Industry Ministry"
    _cast(f, "lead", f"{f['company']} chief executive", _new_person(t, f, True))
    _cast(f, "p2", "union representative", _new_person(t, f, True))
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
    f["org"] = f["company"]
    f["org2"] = f"the {f['union']}"
    f["event"] = "the closure plan"
    f["event_word"] = "job cuts"
    f["recap"] = "{company}'s announcement in {month} that it would cut {n_jobs} jobs".format_map(f)
    f["unclear"] = "how many of the jobs could be saved"
    f["local_fear"] = "the town dying once the " + site + " closes"
    f["image_desc"] = "workers blocking the gates of the " + site
    f["hashtag"] = "Save" + f["city"].replace(" ", "") + "Jobs"


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


@_kind(
    "accident",
    "disaster",
    titles=(
        "{vehicle_cap} crash near {city} kills {n_dead}",
        "{n_dead} dead after {vehicle} {crashed} in {region}",
        "Investigators search for cause of deadly {vehicle} accident in {country}",
        "{country} mourns {n_dead} killed in {vehicle} disaster",
        "Driver error or faulty brakes? Questions after {city} {vehicle} crash",
    ),
    captions=(
        "Rescue workers at the site of the {vehicle} accident near {city}",
        "Relatives of the victims wait outside the hospital in {city}",
        "The wreckage of the {vehicle} near {city}",
    ),
    facts={
        "lede": (
            "At least {n_dead} people were killed and {n_injured} injured when a {vehicle} "
            "[travelling|on its way] from {city} to {city2} {crashed} {day_ref}, officials said.",
            "A {vehicle} carrying {n_passengers} passengers {crashed} near {city} {day_ref}, "
            "killing {n_dead} people, {org} said.",
            "At least {n_dead} people died and {n_injured} were hurt {day_ref} after a {vehicle} "
            "{crashed} "
            "on {route} between {city} and {city2}.",
        ),
        "rescue": (
            "Rescuers worked [through the night|for hours] to [free|reach] passengers trapped "
            "in the wreckage, and {n_serious} of the injured were in serious condition.",
            "The injured were taken to hospitals in {city} and {city2}, where {n_serious} were "
            "[in critical condition|undergoing surgery].",
            "[Footage|Images] from the scene showed [overturned|mangled] {parts} and emergency "
            "workers carrying stretchers.",
        ),
        "cause": (
            "The cause of the accident was not [immediately|yet] known, but {lead} said "
            "investigators were [examining|looking at] [the brakes|the signals|the weather].",
            "{lead} said an investigation had been opened and that the {operator} had been "
            "ordered to [hand over|provide] maintenance records.",
            "Survivors told local media the {vehicle} had been [travelling too fast|badly "
            "overcrowded] before the crash.",
        ),
        "quote_lead": (
            '"Those responsible will be held to account," {lead_last} said at the scene.',
            "{lead_last} [declared|announced] a day of mourning and [promised|pledged] support "
            "for the families of the victims.",
            "{lead_last} said the government would [review|audit] safety on {route} [as a "
            "matter of urgency|immediately].",
        ),
        "quote_p2": (
            "{p2} said {n_serious} of the injured were children.",
            '"We heard a loud bang and then everything turned upside down," said {witness}, '
            "a passenger who [suffered|escaped with] minor injuries.",
            "{p2} said the {operator} would [cooperate fully|work closely] with investigators.",
        ),
        "history": (
            "It is the deadliest {vehicle} accident in {country} since {hist_year}.",
            "{route_cap} has a poor safety record, and [residents|local officials] have long "
            "[called for|demanded] [upgrades|investment].",
            "Safety campaigners [say|said] the {vehicle} network has suffered from [years of "
            "underinvestment|poor maintenance].",
        ),
    },
)
def _setup_accident(t: random.Random, rng: random.Random, f: dict[str, str]) -> None:
    vehicle, crashed, route, operator, parts = t.choice(_VEHICLES)
    f.update(vehicle=vehicle, crashed=crashed, route=route, operator=operator, parts=parts)
    f["vehicle_cap"] = vehicle[0].upper() + vehicle[1:]
    f["route_cap"] = route[0].upper() + route[1:]
    _cast(f, "lead", "Transport Minister", _new_person(t, f, True))
    _cast(f, "p2", f"{operator} spokesperson", _new_person(t, f, True))
    f["witness"] = _new_person(rng, f).name
    f["n_dead"] = str(_lo_hi(rng, 3, 48))
    f["n_injured"] = str(_lo_hi(rng, 10, 160))
    f["n_serious"] = NUMBER_WORDS[_lo_hi(rng, 2, 10)]
    f["n_passengers"] = str(_lo_hi(rng, 40, 400))
    f["hist_year"] = str(int(f["year"]) - rng.randint(3, 25))
    f["org"] = "the interior ministry"
    f["org2"] = f"the {operator}"
    f["event"] = "the accident"
    f["event_word"] = "accident"
    f["recap"] = (
        "the {vehicle} crash near {city} in {month} that killed {n_dead} people".format_map(f)
    )
    f["unclear"] = "how many passengers had been on board"
    f["local_fear"] = "travelling on the same route again"
    f["image_desc"] = f"the wreckage of the {vehicle} surrounded by rescuers"
    f["hashtag"] = f"{f['city'].replace(' ', '')}Crash"


# ---- outbreak ------------------------------------------------------------------------------


@_kind(
    "outbreak",
    "disaster",
    titles=(
        "{disease_cap} outbreak in {region} kills {n_deaths}, infects {n_cases}",
        "{country} launches vaccination drive as {disease} cases rise",
        "Hospitals in {city} overwhelmed by {disease} outbreak",
        "{adj} health ministry declares {disease} epidemic in {n_provinces} provinces",
        "{disease_cap} cases double in a week in {city}",
    ),
    captions=(
        "A health worker vaccinates a child in {city}",
        "Patients wait outside a clinic in {city}",
        "{lead} visits a hospital in {city}",
    ),
    facts={
        "lede": (
            "An outbreak of {disease} has killed {n_deaths} people and infected {n_cases} in "
            "{region}, {lead} said {day_ref}.",
            "{country} [declared|announced] a {disease} epidemic in {n_provinces} provinces "
            "{day_ref} after recording {n_cases} cases and {n_deaths} deaths [since|in] "
            "{prev_month}.",
            "Health authorities in {country} [launched|began] an emergency vaccination "
            "[campaign|drive] {day_ref} as cases of {disease} [rose|climbed] to {n_cases}.",
        ),
        "numbers": (
            "The number of new cases [doubled|rose sharply] in the past week, [according to|"
            "said] {org2}.",
            "{org2} said {n_hospital} patients were in hospital, [many of them|most of them] "
            "children.",
            "Of the {n_cases} cases recorded so far, {n_hospital} [required|needed] hospital "
            "treatment.",
        ),
        "campaign": (
            "The ministry [aims|hopes] to vaccinate {n_vaccinate} people [within|in] "
            "{n_weeks} weeks.",
            "A total of {n_teams} mobile teams [were sent|have been deployed] to villages in "
            "{region}.",
            "Schools in {city} [were closed|will close] for {n_weeks} weeks [as a precaution|"
            "to slow the spread].",
        ),
        "quote_lead": (
            '"The situation is serious but under control," {lead} told reporters.',
            "{lead} urged people to [boil drinking water|wash their hands often] and to [seek "
            "help|go to a clinic] at the first symptoms.",
            "{lead_last} said {bloc} had [sent|promised] {n_doses} doses of vaccine.",
        ),
        "quote_p2": (
            "{p2} said the hospital had [set up|opened] an extra ward [but|and] was [running "
            "short of|short of] [beds|staff].",
            '"We are seeing [whole families|more children] arrive every day," said {p2}.',
            "{p2} [warned|said] that [poor sanitation|overcrowding] in [camps|poorer districts] "
            "was [fuelling|driving] the outbreak.",
        ),
        "context": (
            "{disease_cap} [spreads|is spread] through [contaminated water|close contact], and "
            "outbreaks are common [in the rainy season|after floods].",
            "The last major outbreak, in {hist_year}, killed {n_hist} people.",
            "[Aid groups|Doctors] [say|said] years of underfunding had left clinics in "
            "{region} [poorly equipped|short of medicine].",
        ),
    },
)
def _setup_outbreak(t: random.Random, rng: random.Random, f: dict[str, str]) -> None:
    f["disease"] = t.choice(("cholera", "measles", "dengue fever", "typhoid", "diphtheria"))
    f["disease_cap"] = f["disease"][0].upper() + f["disease"][1:]
    _cast(f, "lead", "Health Minister", _new_person(t, f, True))
    _cast(f, "p2", t.choice(("Dr.", "hospital director", "senior doctor")), _new_person(t, f, True))
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
    f["org"] = "the health ministry"
    f["org2"] = "the national public health institute"
    f["event"] = "the outbreak"
    f["event_word"] = "outbreak"
    f["recap"] = "the {disease} outbreak reported in {month}".format_map(f)
    f["unclear"] = "when the outbreak would peak"
    f["local_fear"] = "sending their children to school"
    f["image_desc"] = "queues of parents and children outside a clinic"
    f["hashtag"] = f["disease_cap"].replace(" ", "") + "Alert"


# ---- clash ---------------------------------------------------------------------------------

_GROUPS = (
    "the Eastern Liberation Front",
    "the Free Highlands Army",
    "the Brotherhood of the Valley",
    "the Southern Resistance Movement",
    "the Northern Defence Units",
    "the People's Guard of {region_word}",
)


@_kind(
    "clash",
    "security",
    titles=(
        "{n_soldiers} soldiers killed in clashes with {group_short} near {city}",
        "{adj} army says it killed {n_fighters} fighters in {region}",
        "Drone strike near {city} kills {group_short} commander",
        "Fighting flares in {region} as army pushes towards {city}",
        "{country} vows response after deadly attack on army post near {city}",
    ),
    captions=(
        "{adj} soldiers patrol a road near {city}",
        "Smoke rises over {city} after an air strike",
        "Mourners attend the funeral of soldiers killed near {city}",
    ),
    facts={
        "lede": (
            "At least {n_soldiers} {adj} soldiers were killed {day_ref} when fighters from {group} "
            "attacked an army post near {city}, {org} said.",
            "Clashes between the {adj} army and {group} near {city} killed {n_soldiers} soldiers "
            "and {n_fighters} fighters {day_ref}, [according to|said] {org}.",
            "The {adj} army said {day_ref} it had killed {n_fighters} fighters from {group} in "
            "[air strikes|an operation] in {region}, [a day after|following] an attack that "
            "killed {n_soldiers} soldiers.",
        ),
        "detail": (
            "The attack began at about {hour} a.m. and [lasted|went on for] {n_hours} hours, "
            "[according to|said] [a military source|local officials].",
            "Drones [struck|hit] {n_targets} targets, including [a weapons depot|a training "
            "camp|vehicles], [the army said|according to the army].",
            "[Residents|Witnesses] said they heard [heavy gunfire|explosions] for [several|"
            "{n_hours}] hours.",
        ),
        "quote_lead": (
            '"This attack will not go unanswered," {lead} said in a statement.',
            '{lead} [visited|flew to] {city} and [vowed|promised] to "[restore order|secure the '
            'border]" in {region}.',
            "{lead_last} said reinforcements [had been|were being] sent to {region}.",
        ),
        "quote_p2": (
            "{group_short_cap} [claimed|said it carried out] the attack in a statement "
            "[posted|published] on [messaging apps|social media].",
            "{p2} [denied|disputed] the army's figures, saying only {n_fighters_claim} fighters "
            "had been killed.",
            "{p2} said the group [was|had been] responding to [army raids|arrests] in "
            "[villages|towns] near {city}.",
        ),
        "civilians": (
            "{n_civilians} civilians were [also|] [among the dead|killed], [according to|said] "
            "[a local hospital|local officials].",
            "[Hundreds of|Many] families [fled|left] villages near {city}, [local officials|"
            "aid workers] said.",
            "{bloc} [called for|urged] [restraint|calm] and [the protection of civilians|"
            "respect for international law].",
        ),
        "history": (
            "{group_short_cap} has waged an insurgency in {region} since {hist_year}, "
            "[demanding|seeking] [autonomy|independence] for the region.",
            "The [area|region] has seen [frequent|repeated] attacks [since|over] the past "
            "{n_months} months.",
            "It was the deadliest attack on the army [this year|since {hist_year2}].",
        ),
    },
)
def _setup_clash(t: random.Random, rng: random.Random, f: dict[str, str]) -> None:
    f["region_word"] = t.choice(("the Highlands", "the Valley", "the North", "the Coast"))
    group = _pick(t, _GROUPS, f)
    f["group"] = group
    f["group_short"] = group.replace("the ", "", 1)
    f["group_short_cap"] = f["group_short"][0].upper() + f["group_short"][1:]
    _cast(f, "lead", "Defence Minister", _new_person(t, f, True))
    _cast(
        f, "p2", "group spokesperson" if t.random() < 0.6 else "commander", _new_person(t, f, True)
    )
    f["n_soldiers"] = (
        NUMBER_WORDS[_lo_hi(rng, 2, 10)] if rng.random() < 0.5 else str(_lo_hi(rng, 11, 40))
    )
    f["n_fighters"] = str(_lo_hi(rng, 8, 90))
    f["n_fighters_claim"] = NUMBER_WORDS[_lo_hi(rng, 2, 7)]
    f["n_civilians"] = NUMBER_WORDS[_lo_hi(rng, 2, 10)]
    f["n_targets"] = str(_lo_hi(rng, 3, 30))
    f["n_hours"] = NUMBER_WORDS[_lo_hi(rng, 2, 9)]
    f["n_months"] = NUMBER_WORDS[_lo_hi(rng, 3, 10)]
    f["hour"] = str(_lo_hi(rng, 1, 6))
    f["hist_year"] = str(int(f["year"]) - rng.randint(6, 30))
    f["hist_year2"] = str(int(f["year"]) - rng.randint(1, 5))
    f["org"] = "the defence ministry"
    f["org2"] = group
    f["event"] = "the attack"
    f["event_word"] = "attack"
    f["recap"] = "the attack near {city} in {month} in which {n_soldiers} soldiers died".format_map(
        f
    )
    f["unclear"] = "how many fighters had taken part"
    f["local_fear"] = "being caught between the army and the fighters"
    f["image_desc"] = "columns of smoke over the hills outside " + f["city"]
    f["hashtag"] = f"{f['city'].replace(' ', '')}Attack"


# ---- facts every kind can add --------------------------------------------------------------
# Kind-independent sentences: background, analysts, reactions... Their slots come from
# `_base_facts` plus the handful every kind's setup sets (event, recap, unclear, ...).

GENERIC_FACTS: dict[str, tuple[str, ...]] = {
    "background": (
        "{country} has [struggled with|been grappling with|faced] {bg_issue} since {bg_since}.",
        "The [episode|development] comes at a [difficult|sensitive] time for {country}, which "
        "has faced {bg_issue} [since|for much of the time since] {bg_since}.",
        "For {bg_years} years, public debate in {country} has been [dominated|shaped] by "
        "{bg_issue}.",
        "[Many|Some] {adj}s [blame|have blamed] successive governments for {bg_issue}.",
    ),
    "analyst": (
        "{analyst} said {event} [could|was likely to|might] {consequence}.",
        '"[This is|It is] [a real test|an important test] for the government," said '
        '{analyst_end}. "[Much|A lot] will depend on [the next few weeks|what happens next]."',
        "[According to|In the view of] {analyst}, {event} [shows|is a sign] that {insight}.",
    ),
    "bloc": (
        "{bloc} [said it was following events closely|urged calm] and [offered|said it was "
        "ready] to help [if asked|if requested].",
        "In {partner_capital}, the {partner_adj} government said it was [watching the "
        "situation closely|in contact with {adj} officials].",
        "A spokesperson for {bloc} said the [organisation|bloc] hoped {country} would {bloc_hope}.",
    ),
    "statement": (
        "In a statement [posted online|released late on {weekday}], {org} said it [would "
        "cooperate fully|was reviewing the situation|would respond in due course].",
        "{spox} said the government would [publish|release] more details [in the coming days|"
        "later this week].",
        "{spox} [declined to|would not] [give further details|comment on the specifics], "
        "[citing|pointing to] the [ongoing process|legal constraints].",
    ),
    "social": (
        "[Videos|Images|Photos] [shared|circulated] on social media showed {image_desc}.",
        "On social media, many {adj}s [expressed|voiced] [frustration|anger|support], and the "
        "hashtag #{hashtag} [was trending|trended] for much of the day.",
        "[Footage|Video] broadcast by local television showed {image_desc}.",
    ),
    "media": (
        "State television [broadcast|showed] [footage|live coverage] of {event}, while "
        "independent outlets [focused on|highlighted] {media_angle}.",
        "[Newspapers|Commentators] in {capital} [were divided|disagreed] over {event}, with "
        "some [focusing on|pointing to] {media_angle}.",
        "The [morning papers|evening news bulletins] [led with|opened with] {event}.",
    ),
    "nocomment": (
        "There was no immediate comment from {org2}.",
        "{org2} did not respond to a request for comment.",
        "Officials at {org2} could not be reached for comment [on|late on] {weekday}.",
    ),
    "opposition": (
        "Opposition politicians [seized on|were quick to criticise] the government's "
        '[handling|response], with {opp} [calling it|describing it as] "[a failure of '
        'leadership|too little, too late|chaotic]."',
        "{opp} said the government [had been caught unprepared|had ignored warnings|owed the "
        "public an explanation].",
        "The opposition [demanded|called for] [a debate|an urgent session] in the {parliament} "
        "on {event}.",
    ),
    "economic": (
        "The {currency1} [weakened|slipped|edged lower] [slightly|by {fx_pct} percent] against "
        "major currencies [after the news|on {weekday}].",
        "[Economists|Analysts] [estimate|warn] that {event} could [shave|cost] [up to|about] "
        "{gdp_pct} percentage points [off|from] growth this year.",
    ),
    "local": (
        "In {city}, residents said they were worried about {local_fear}.",
        '"{resident_quote}," said {resident}, a {resident_job} in {city}.',
        "[Residents|People] in {city2} said they [feared|were worried about] {local_fear}.",
    ),
    "closing": (
        "[Further|More] details [are expected|were expected] [later this week|in the coming "
        "days], {spox_last} said.",
        "{spox_last} said officials would give an update {next_day_ref}.",
        "It was not immediately clear {unclear}.",
        "It remains unclear {unclear}.",
    ),
}

# Only when the topic had an earlier story: the sentence ties this one to it, which makes
# related-but-different stories share names and numbers, as real follow-ups do.
PRIOR_FACT: tuple[str, ...] = (
    "It [comes|follows] {gap} after {prior}.",
    "The latest development [follows|comes after] {prior}, [which|an episode that] [drew wide "
    "attention|was widely covered] at the time.",
    "[Earlier|Previously], {prior} had [raised|fuelled] [tensions|questions] over the same issue.",
    "[Many|Residents] still remember {prior}, {gap} ago.",
)

EDITOR_NOTES: tuple[str, ...] = (
    "Editor's note: This article has been updated with [comments from {p2_last}|the latest "
    "figures from {org}|additional reporting from {city}].",
    "Correction: An earlier version of this article [misstated|gave an incorrect] [the day|the "
    "title] of {lead_name}.",
    "This story has been updated to include [reaction from {org2}|new figures].",
    "Additional reporting by {reporter} in {city2}.",
)


# --------------------------------------------------------------------------------------------
# Stories and article versions


@dataclass(slots=True)
class ArticleText:
    """One article version as pages show it. Every copy of the version renders this object;
    only page chrome (comment counts, "Updated ... ago", ads) differs between copies."""

    article_id: str
    story_id: str
    title: str
    outlet: str
    paragraphs: list[str]
    date: date | None = None
    caption: str | None = None
    bullets: list[str] = field(default_factory=list)
    bullet_style: str = "bullet"  # "bullet": marked lines; "plain": unmarked body prefixes
    glue: int = -1  # blank-separated layouts drop the blank after this paragraph (a scrape quirk)
    author: str | None = None
    time: str | None = None  # "14:05"
    updated: str | None = None  # a later "14:40" once a near copy changed the text
    kind: str = "base"  # "base" | "rewrite" | "near"
    copy_of: str | None = None
    topic_id: str = ""
    root_id: str = ""  # the article_id near copies descend from


@dataclass(slots=True)
class Story:
    story_id: str
    topic_id: str
    kind: Kind
    when: date
    facts: dict[str, str]
    # Template alternatives already told by some version: a rewrite picks others.
    used: dict[str, set[int]] = field(default_factory=dict)
    avoid_titles: frozenset[int] = frozenset()  # the previous story on the topic had these
    n_versions: int = 0


@dataclass(slots=True)
class _Topic:
    topic_id: str
    seed: int
    kind: Kind
    recap: str
    when: date
    n_stories: int
    # Title templates of the previous story: a follow-up gets another headline shape.
    titles: set[int] = field(default_factory=set)


@dataclass(frozen=True, slots=True)
class Site:
    """A scraped site: where its files go, its outlet name and how its pages look."""

    name: str
    outlet: str
    layout: str
    weight: float = 1.0
    title_case: bool = False
    curly: bool = False
    dateline: str = "none"  # "upper_colon" | "cap_colon" | "dash" | "wire" | "none"
    dateline_prob: float = 0.0
    caption_prob: float = 0.6
    caption_style: str = "mixed"  # "dated" | "credit" | "short" | "mixed"
    bullet_prob: float = 0.0
    max_appended: int = 5
    nested: bool = False  # files under <site>/<YYYY-MM>/
    wrap: int = 76
    agency: str = "CWS"


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


def _base_facts(t: random.Random, rng: random.Random, when: date) -> dict[str, str]:
    country = t.choice(COUNTRIES)
    partner = t.choice([c for c in COUNTRIES if c is not country])
    places = list(country.cities)
    rng.shuffle(places)
    city = country.capital if rng.random() < 0.3 else places.pop()
    city2, city3 = places[0], places[1]
    weekday = WEEKDAYS[when.weekday()]
    f: dict[str, str] = {"_tl": "", "_rl": ""}
    spox_person = _new_person(t, f, True)
    spox_title = rng.choice(SPOX_TITLES)
    if spox_title.endswith("spokesman") and spox_person.female:
        spox_title = spox_title.replace("spokesman", "spokeswoman")
    opp_party = t.choice(PARTY_NAMES)
    opp = _new_person(t, f, True)
    analyst = _new_person(rng, f)
    resident = _new_person(rng, f)
    reporter = _new_person(rng, f)
    f.update(
        {
            "country": country.name,
            "adj": country.adj,
            "capital": country.capital,
            "city": city,
            "city2": city2,
            "city3": city3,
            "region": f"{rng.choice(('northern', 'southern', 'eastern', 'western', 'central'))} "
            f"{country.name}",
            "leader": country.leader,
            "parliament": country.parliament,
            "currency": country.currency,
            "currency1": _singular(country.currency),
            "partner": partner.name,
            "partner_adj": partner.adj,
            "partner_capital": partner.capital,
            "bloc": t.choice(BLOCS),
            "weekday": weekday,
            "day_ref": f"on {weekday}" if rng.random() < 0.8 else weekday,
            "month": MONTHS[when.month - 1],
            "month_num": str(when.month),
            "year": str(when.year),
            "prev_month": MONTHS[when.month - 2],
            "next_weekday": WEEKDAYS[(when.weekday() + rng.randint(1, 5)) % 7],
            "spox": f"{spox_title} {spox_person.name}",
            "spox_name": spox_person.name,
            "spox_last": spox_person.last,
            "bg_since": str(when.year - rng.randint(2, 15)),
            "bg_years": NUMBER_WORDS[rng.randint(2, 10)],
            "fx_pct": f"{rng.uniform(0.3, 3.5):.1f}",
            "gdp_pct": f"{rng.uniform(0.1, 1.5):.1f}",
            "resident": resident.name,
            "resident_job": rng.choice(RESIDENT_JOBS),
            "resident_quote": rng.choice(RESIDENT_QUOTES),
            "reporter": reporter.name,
            "opp": f"{opp_party} leader {opp.name}",
            "insight": rng.choice(INSIGHTS),
            "bloc_hope": rng.choice(BLOC_HOPES),
            "media_angle": rng.choice(MEDIA_ANGLES),
        }
    )
    f["next_day_ref"] = f"on {f['next_weekday']}"
    f["institute"] = rng.choice(INSTITUTE_PATTERNS).format_map(f)
    f["analyst_end"] = (
        f"{analyst.name}, "
        f"{rng.choice(('an analyst', 'a researcher', 'a senior fellow'))} "
        f"at {f['institute']}"
    )
    f["analyst"] = f["analyst_end"] + ","
    f["analyst_last"] = analyst.last
    f["bg_issue"] = rng.choice(BG_ISSUES).format_map(f)
    f["consequence"] = rng.choice(CONSEQUENCES).format_map(f)
    return f


def _singular(currency: str) -> str:
    if currency.endswith("lire"):
        return currency[:-4] + "lira"
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

_GENERIC_TWICE = ("background", "analyst", "statement", "media")

_PAR_COUNTS = (3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 12, 13, 14, 15)


class StoryMaker:
    """Invents stories and renders their article versions, deterministically from one rng.

    Topics give the "related but different" case: a follow-up story on a topic keeps the
    country and cast (drawn again from the topic's own seed) but gets a new date, numbers and
    details, and often refers back to the previous story.
    """

    def __init__(self, rng: random.Random, *, follow_up: float = 0.35) -> None:
        self.rng = rng
        self.follow_up = follow_up
        self.topics: deque[_Topic] = deque(maxlen=300)
        self.n_stories = 0
        self.n_topics = 0
        self._kinds = list(KINDS.values())

    def new_story(self, when: date) -> Story:
        rng = self.rng
        if self.topics and rng.random() < self.follow_up:
            # Mostly recent topics: a storyline runs for a while, then goes quiet.
            topic = self.topics[-1 - min(int(rng.expovariate(1 / 25)), len(self.topics) - 1)]
        else:
            self.n_topics += 1
            topic = _Topic(
                f"t{self.n_topics:06d}", rng.getrandbits(48), rng.choice(self._kinds), "", when, 0
            )
            self.topics.append(topic)
        t = random.Random(topic.seed)
        f = _base_facts(t, rng, when)
        topic.kind.setup(t, rng, f)
        if topic.recap:
            f["prior"] = topic.recap
            f["gap"] = _gap(max((when - topic.when).days, 2))
        topic.recap, topic.when = f["recap"], when
        topic.n_stories += 1
        self.n_stories += 1
        story = Story(f"s{self.n_stories:06d}", topic.topic_id, topic.kind, when, f,
                      avoid_titles=frozenset(topic.titles))  # fmt: skip
        # The set the story's versions fill in is what the next story on the topic avoids.
        topic.titles = story.used.setdefault("title", set())
        return story

    def _choose(self, story: Story, key: str, templates: Sequence[str],
                avoid: frozenset[int] = frozenset()) -> str:  # fmt: skip
        used = story.used.setdefault(key, set())
        fresh = [i for i in range(len(templates)) if i not in used and i not in avoid]
        fresh = fresh or [i for i in range(len(templates)) if i not in used]
        i = self.rng.choice(fresh) if fresh else self.rng.randrange(len(templates))
        used.add(i)
        return _fill(templates[i], story.facts, self.rng)

    def article(self, story: Story, site: Site, *, n_paragraphs: int | None = None) -> ArticleText:
        """A new version of `story` for `site`: the first is the base, later ones rewrites."""
        rng = self.rng
        kind = story.kind
        f = story.facts
        n_par = n_paragraphs or rng.choice(_PAR_COUNTS)
        sizes = [rng.choice((1, 2, 2, 2, 3, 3)) for _ in range(n_par)]
        sizes[0] = rng.choice((1, 1, 2))
        specific = [k for k in kind.facts if k != "lede"]
        rng.shuffle(specific)
        # A rewrite reports the key facts the first version reported, in its own words.
        specific.sort(key=lambda k: k not in story.used)
        skip = _GENERIC_SKIP.get(kind.name, ())
        # Long articles tell some generic facts twice, with two different templates.
        generic = [k for k in (*GENERIC_FACTS, *_GENERIC_TWICE) if k not in skip]
        rng.shuffle(generic)
        if "prior" in f:
            generic.insert(rng.randrange(3), "prior")
        # Specific facts come early, as in a news article's inverted pyramid; then a mix.
        lead_n = rng.randint(2, 4)
        rest = specific[lead_n:] + generic
        rng.shuffle(rest)
        order = ["lede", *specific[:lead_n], *rest]
        # Quotes and closing lines move last in some versions.
        if "closing" in order and rng.random() < 0.5:
            order.remove("closing")
            order.append("closing")
        sentences: list[str] = []
        for key in order[: sum(sizes)]:
            if key in kind.facts:
                sentences.append(self._choose(story, key, kind.facts[key]))
            elif key == "prior":
                sentences.append(self._choose(story, "prior", PRIOR_FACT))
            else:
                sentences.append(self._choose(story, "g:" + key, GENERIC_FACTS[key]))
        sentences = _introduce(sentences, f)
        paragraphs: list[str] = []
        pos = 0
        for size in sizes:
            if pos >= len(sentences):
                break
            paragraphs.append(" ".join(sentences[pos : pos + size]))
            pos += size
        if len(paragraphs) < 3 and pos < len(sentences):
            paragraphs.append(" ".join(sentences[pos:]))
        title = self._choose(story, "title", kind.titles, story.avoid_titles)
        title = title_case(title) if site.title_case else title[0].upper() + title[1:]
        caption = None
        if rng.random() < site.caption_prob:
            caption = self._caption(story, site)
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

    def _caption(self, story: Story, site: Site) -> str:
        rng = self.rng
        f = story.facts
        desc = self._choose(story, "caption", story.kind.captions)
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


def _introduce(sentences: list[str], f: dict[str, str]) -> list[str]:
    """Newsroom naming: the first mention of a person introduces them, later ones use the
    surname only. Templates can't know their order in the article, so fix it here: a first
    mention by bare surname gets the full title and name; "Title First Last" or "First Last"
    later on becomes "Last". (Plain string search: a regex per story cost more than
    writing the story.)"""
    for key in ("lead", "p2", "spox"):
        full, name, last = f.get(key), f.get(key + "_name"), f.get(key + "_last")
        if not full or not name or not last or full == last or not full.endswith(name):
            continue
        full_cap = full[0].upper() + full[1:]
        forms = (full, full_cap, name)  # longest first: each ends with the surname
        seen = False
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
                if seen:
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


@dataclass(frozen=True, slots=True)
class Segment:
    start_line: int  # 1-based, inclusive
    end_line: int
    roles: str  # one role letter per line start_line..end_line


@dataclass(slots=True)
class Page:
    text: str
    segments: list[Segment]


@dataclass(slots=True)
class _Out:
    lines: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)

    def add(self, line: str, role: str) -> None:
        self.lines.append(line)
        self.roles.append(role)

    def blank(self, n: int = 1) -> None:
        for _ in range(n):
            self.lines.append("")
            self.roles.append(R_BLANK)


@dataclass(slots=True)
class _PageChrome:
    """Chrome shared by all articles of one page (seed 001 shows the same comment count on
    both of its articles)."""

    comments: int | None
    related: list[str]


def _long_date(d: date) -> str:
    return f"{d.day:02d} {MONTHS[d.month - 1]} {d.year}"


def _render_asharq(
    out: _Out, art: ArticleText, site: Site, rng: random.Random, chrome: _PageChrome
) -> None:
    title = art.title + ("\xa0" if rng.random() < 0.3 else " " if rng.random() < 0.1 else "")
    out.add(title, R_TITLE)
    group: list[tuple[str, str]] = []
    if art.caption:
        group += [(art.caption, R_CAPTION), (art.caption, R_CAPTION_REPEAT)]
    furniture = []
    if rng.random() < 0.85:
        furniture.append(("TT", R_CHROME))
    if chrome.comments is not None:
        furniture.append((str(chrome.comments), R_CHROME))
    if len(furniture) == 2 and rng.random() < 0.15:
        furniture.reverse()
    group += furniture
    if group:
        out.blank()
        for line, role in group:
            out.add(line, role)
    out.blank()
    out.add(title, R_TITLE_REPEAT)
    out.blank()
    if art.caption:
        out.add(art.caption, R_CAPTION_REPEAT)
        out.add(art.caption, R_CAPTION_REPEAT)
        out.blank()
    last = len(art.paragraphs) - 1
    for i, p in enumerate(art.paragraphs):
        out.add(p, R_BODY)
        if i != last and i != art.glue:
            out.blank()


def _updated_line(rng: random.Random, art: ArticleText) -> str:
    r = rng.random()
    if r < 0.2:
        return f"Updated {rng.randint(1, 59)} sec ago"
    if r < 0.45:
        return f"Updated {rng.randint(1, 59)} min {rng.randint(1, 59)} sec ago"
    d = art.date or date(2024, 1, 1)
    if r < 0.55:
        d += timedelta(days=1)
    return f"Updated {_long_date(d)}"


def _render_arabnews(
    out: _Out, art: ArticleText, site: Site, rng: random.Random, chrome: _PageChrome
) -> None:
    out.add(art.title, R_TITLE)
    out.blank()
    if art.caption:
        out.add(art.caption, R_CAPTION)
        out.add(art.caption, R_CAPTION_REPEAT)
    elif rng.random() < 0.6:
        out.add(art.title, R_TITLE_REPEAT)  # seed 004 articles 3-6: title where a caption was
    if rng.random() < 0.4:
        out.add("Short Url", R_CHROME)
    out.add(_updated_line(rng, art), R_DATELINE)
    out.add("Follow", R_CHROME)
    out.blank()
    out.add(art.title, R_TITLE_REPEAT)
    out.blank()
    out.add(art.title, R_TITLE_REPEAT)
    for b in art.bullets:
        out.add(f"  • {b}" if art.bullet_style == "bullet" else b, R_BULLET)
    out.blank()
    for p in art.paragraphs:
        out.add(p, R_BODY)


def _render_plain(
    out: _Out, art: ArticleText, site: Site, rng: random.Random, chrome: _PageChrome
) -> None:
    out.add(art.title, R_TITLE)
    out.add(art.outlet, R_SOURCE)
    for p in art.paragraphs:
        out.add(p, R_BODY)


_ADVERT = "Advertisement"
_SHARE = "Share this article"
_NEWSLETTER = "Sign up for our newsletter"
_READ_MORE = "Read more"


def _byline_date(rng: random.Random, art: ArticleText) -> str:
    d = art.date or date(2024, 1, 1)
    time_ = art.updated or art.time or "12:00"
    h, m = map(int, time_.split(":"))
    r = rng.random()
    verb = "Updated" if art.updated else "Published"
    if r < 0.45:
        return f"{verb} {d.isoformat()} {time_}"
    if r < 0.75:
        return f"{MONTH_ABBR[d.month - 1]} {d.day}, {d.year}"
    ampm = "a.m." if h < 12 else "p.m."
    return f"{verb} {MONTH_ABBR[d.month - 1]} {d.day}, {d.year} {(h - 1) % 12 + 1}:{m:02d} {ampm}"


def _render_byline(
    out: _Out, art: ArticleText, site: Site, rng: random.Random, chrome: _PageChrome
) -> None:
    # Markdown-style "# Title" on sites without headline case, a bare title on the others.
    out.add(("" if site.title_case else "# ") + art.title, R_TITLE)
    author = art.author or "Staff"
    r = rng.random()
    if r < 0.5:
        out.add(f"By {author} | {art.outlet}", R_SOURCE)
    elif r < 0.8:
        out.add(f"By {author}, {art.outlet}", R_SOURCE)
    else:
        out.add(f"By {author.upper()}", R_SOURCE)
    out.add(_byline_date(rng, art), R_DATELINE)
    out.blank()
    if art.caption:
        out.add(f"Photo: {art.caption}", R_CAPTION)
        out.blank()
    every = rng.randint(3, 5)
    last = len(art.paragraphs) - 1
    for i, p in enumerate(art.paragraphs):
        out.add(p, R_BODY)
        if i != last:
            out.blank()
            if (i + 1) % every == 0:
                out.add(_ADVERT, R_FURNITURE)
                out.blank()
    out.blank()
    if rng.random() < 0.85:
        out.add(_SHARE, R_FURNITURE)
    if rng.random() < 0.35:
        out.add(_NEWSLETTER, R_FURNITURE)
    related = [t for t in chrome.related if t != art.title][:3]
    if related and rng.random() < 0.6:
        out.add("Related:", R_FURNITURE)
        for t in related:
            out.add(f"- {t}", R_FURNITURE)
    if out.roles[-1] == R_BLANK:
        out.add(_READ_MORE, R_FURNITURE)


def _wrap(text: str, width: int) -> list[str]:
    # Greedy wrap: textwrap is several times slower and we wrap megabytes.
    lines: list[str] = []
    cur: list[str] = []
    n = 0
    for word in text.split(" "):
        if cur and n + 1 + len(word) > width:
            lines.append(" ".join(cur))
            cur, n = [word], len(word)
        else:
            n += len(word) + (1 if cur else 0)
            cur.append(word)
    if cur:
        lines.append(" ".join(cur))
    return lines


def _render_wrapped(
    out: _Out, art: ArticleText, site: Site, rng: random.Random, chrome: _PageChrome
) -> None:
    width = site.wrap
    out.add(art.title, R_TITLE)
    out.add("=" * min(len(art.title), width), R_CHROME)
    out.add(f"Source: {art.outlet}", R_SOURCE)
    d = art.date or date(2024, 1, 1)
    if rng.random() < 0.5:
        out.add(
            f"Date: {WEEKDAYS[d.weekday()]}, {d.day} {MONTHS[d.month - 1]} {d.year}", R_DATELINE
        )
    else:
        out.add(f"Date: {d.isoformat()} {art.updated or art.time or ''}".rstrip(), R_DATELINE)
    out.blank()
    if art.caption:
        for line in _wrap(f"[Photo: {art.caption}]", width):
            out.add(line, R_CAPTION)
        out.blank()
    if art.bullets:
        for b in art.bullets:
            for j, line in enumerate(_wrap(b, width - 4)):
                out.add(("  * " if j == 0 else "    ") + line, R_BULLET)
        out.blank()
    last = len(art.paragraphs) - 1
    for i, p in enumerate(art.paragraphs):
        for line in _wrap(p, width):
            out.add(line, R_BODY)
        if i != last:
            out.blank()
    r = rng.random()
    if r < 0.3:
        out.blank()
        out.add(_READ_MORE, R_FURNITURE)
    elif r < 0.5:
        out.blank()
        out.add(_NEWSLETTER, R_FURNITURE)


_RENDERERS: dict[str, Callable[[_Out, ArticleText, Site, random.Random, _PageChrome], None]] = {
    "asharq": _render_asharq,
    "arabnews": _render_arabnews,
    "plain": _render_plain,
    "byline": _render_byline,
    "wrapped": _render_wrapped,
}


def _separator(out: _Out, layout: str, rng: random.Random) -> None:
    if layout == "asharq":
        out.blank(3 if rng.random() < 0.8 else rng.choice((2, 4)))
    elif layout == "arabnews":
        r = rng.random()
        if r < 0.2:  # seed 004 after its first article: blanks and no-break-space lines
            for line in ("", "\xa0", "", "\xa0", "", ""):
                out.add(line, R_BLANK)
        elif r < 0.3:
            for line in ("", " ", ""):
                out.add(line, R_BLANK)
        elif r < 0.55:
            out.blank()
        elif r < 0.85:
            out.blank(2)
        # else: nothing; only the next article's repeated title marks the boundary
    elif layout == "byline":
        out.blank(rng.choice((1, 2, 2, 3)))
    else:
        out.blank(rng.choice((2, 2, 3)))


def render_page(
    layout: str,
    articles: Sequence[ArticleText],
    site: Site,
    rng: random.Random,
    *,
    related: Sequence[str] = (),
    comments: int | None = None,
    trailing_newline: bool | None = None,
) -> Page:
    """Render `articles` (the page's main article, then the appended ones) in `layout`.

    `related` feeds the byline layout's "Related:" block; `comments` is the asharq bare
    comment count (None: drawn at random). The segments give each article's line range."""
    if layout not in _RENDERERS:
        raise ValueError(f"unknown layout {layout!r}; expected one of {LAYOUTS}")
    if layout == "plain" and len(articles) > 1:
        raise ValueError("the plain layout holds one article per file")
    if comments is None and layout == "asharq" and rng.random() < 0.3:
        comments = rng.choice((rng.randint(1, 9), rng.randint(10, 99), rng.randint(100, 400)))
    if trailing_newline is None:
        trailing_newline = rng.random() < 0.3
    chrome = _PageChrome(comments, list(related))
    render = _RENDERERS[layout]
    out = _Out()
    segments: list[Segment] = []
    for n, art in enumerate(articles):
        if n:
            _separator(out, layout, rng)
        start = len(out.lines)
        render(out, art, site, rng, chrome)
        end = len(out.lines)
        while end > start and not out.lines[end - 1].strip():
            end -= 1
        segments.append(Segment(start + 1, end, "".join(out.roles[start:end])))
    # Trailing blank lines belong to no article; files end on the last article's last line.
    end = segments[-1].end_line if segments else 0
    text = "\n".join(out.lines[:end])
    if trailing_newline:
        text += "\n"
    return Page(text, segments)


# --------------------------------------------------------------------------------------------
# Corpus writers


@dataclass(slots=True)
class CorpusStats:
    out_dir: Path
    truth_path: Path
    files: int = 0
    bytes: int = 0
    segments: int = 0  # truth records
    articles: int = 0  # distinct article_ids (text versions)
    stories: int = 0
    seconds: float = 0.0

    @property
    def mb(self) -> float:
        return self.bytes / 1e6

    def summary(self) -> str:
        rate = self.files / self.seconds if self.seconds else float("inf")
        return (
            f"{self.files} files, {self.mb:.1f} MB, {self.segments} article segments, "
            f"{self.articles} distinct articles, {self.stories} stories in "
            f"{self.seconds:.2f} s ({rate:,.0f} files/s, "
            f"{self.mb / max(self.seconds, 1e-9):.1f} MB/s) -> {self.out_dir}; "
            f"truth {self.truth_path}"
        )


def default_truth_path(out_dir: str | Path) -> Path:
    """Beside the corpus, never inside it: a corpus reader would read it as a document."""
    out = Path(out_dir)
    return out.parent / f"{out.name}.truth.jsonl"


class CorpusWriter:
    """Writes files and truth records as they are produced, so memory stays flat."""

    def __init__(self, out_dir: Path, truth_path: Path, rng: random.Random) -> None:
        self.out_dir = out_dir
        self.rng = rng
        out_dir.mkdir(parents=True, exist_ok=True)
        truth_path.parent.mkdir(parents=True, exist_ok=True)
        self.truth = truth_path.open("w", encoding="utf-8", newline="\n")
        self.stats = CorpusStats(out_dir, truth_path)
        self.seen_articles: set[str] = set()
        self.seen_stories: set[str] = set()
        self._dirs: set[str] = set()

    def write(self, subdir: str, page: Page, site: Site, articles: Sequence[ArticleText]) -> str:
        n = self.stats.files
        rel = f"{subdir}/{n:06d}_{self.rng.getrandbits(64):016x}.txt"
        if subdir not in self._dirs:
            (self.out_dir / subdir).mkdir(parents=True, exist_ok=True)
            self._dirs.add(subdir)
        data = page.text.encode("utf-8")
        with open(f"{self.out_dir}/{rel}", "wb") as fh:
            fh.write(data)
        self.stats.files += 1
        self.stats.bytes += len(data)
        records = []
        for pos, (art, seg) in enumerate(zip(articles, page.segments, strict=True)):
            first = art.article_id not in self.seen_articles
            if first:
                self.seen_articles.add(art.article_id)
            self.seen_stories.add(art.story_id)
            records.append(
                json.dumps(
                    {
                        "path": rel,
                        "start_line": seg.start_line,
                        "end_line": seg.end_line,
                        "article_id": art.article_id,
                        "story_id": art.story_id,
                        "topic_id": art.topic_id,
                        "layout": site.layout,
                        "site": site.name,
                        "outlet": art.outlet,
                        "kind": art.kind if first else "exact",
                        "version_kind": art.kind,
                        "copy_of": art.copy_of,
                        "position": pos,
                        "title": art.title,
                        "date": art.date.isoformat() if art.date else None,
                        "roles": seg.roles,
                    },
                    ensure_ascii=False,
                )
            )
        self.truth.write("\n".join(records) + "\n")
        self.stats.segments += len(records)
        return rel

    def close(self, started: float) -> CorpusStats:
        self.truth.close()
        self.stats.articles = len(self.seen_articles)
        self.stats.stories = len(self.seen_stories)
        self.stats.seconds = time.perf_counter() - started
        return self.stats


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
    keys = rng.sample(list(GENERIC_FACTS), 2)
    lines = [_fill(rng.choice(GENERIC_FACTS[k]), story.facts, rng) for k in keys]
    lines.append(_fill(rng.choice(EDITOR_NOTES), story.facts, rng))
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
