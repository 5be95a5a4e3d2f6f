"""The small demo corpus that `storyreader` opens when given no directory.

Fifteen hand-written fictitious news stories (fictitious countries, places and people; no
real events), three of them also told by a second outlet, rendered into about thirty files in
the three layouts of the seed scrape (asharq, arabnews, plain) with exact copies, near copies
and appended "next" articles. It doubles as screenshot material, so the prose is written by
hand rather than generated. Ground truth sits beside the corpus, never inside it.
"""

from __future__ import annotations

import hashlib
import os
import random
import shutil
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from storyreader.search.demo import page
from storyreader.search.demo.page import (
    ArticleText,
    CorpusWriter,
    Site,
    curly_quotes,
    render_page,
    title_case,
)

__all__ = ["demo_truth_path", "demo_version", "ensure_demo_corpus"]


@dataclass(frozen=True, slots=True)
class _Story:
    title: str
    day: str  # ISO date
    country: str
    city: str
    paragraphs: tuple[str, ...]
    caption: str | None = None  # the photo description; the site adds date, place and agency
    bullets: tuple[str, ...] = ()  # body sentences without their full stop
    bullet_style: str = "bullet"


# fmt: off
_STORIES: dict[str, _Story] = {
    "rail-strike": _Story(
        "Valdorian rail workers walk out over pay, halting trains across the country",
        "2024-03-11", "Valdoria", "Port Halden",
        (
            "Thousands of rail workers across Valdoria walked off the job on Monday at the "
            "start of a 48-hour strike over pay, leaving commuters stranded and freight piling "
            "up at the country's main ports.",
            "The Valdorian Rail Workers' Union said about 14,000 of its members had joined the "
            "stoppage after talks with the state operator broke down late on Sunday. The union "
            "is demanding a 12 percent raise to make up for two years of rising rents and food "
            "prices.",
            "The national operator, Valdoria Rail, said 1,180 of its 1,400 scheduled services "
            "had been cancelled by midday. Only a skeleton timetable ran between Port Halden and "
            "Vessa, staffed by managers.",
            "\"Our members kept this country moving through floods and heatwaves, and they are "
            "tired of being thanked with words instead of wages,\" union leader Marta Kovac told "
            "a crowd outside the transport ministry.",
            "Transport Minister Henrik Dussel called the walkout \"deeply regrettable\" and said "
            "the government's offer of 5 percent this year, with a further review in the spring, "
            "remained on the table.",
            "Business groups estimated that each day of the strike costs the economy about 40 "
            "million crowns, much of it from goods stuck at the docks in Port Halden.",
            "In Drummore, where many residents commute to jobs in the capital, some employers "
            "told staff to work from home. Others arranged shared taxis or paid for hotel rooms "
            "near the office.",
            "The union said it would announce further action on Wednesday if the government did "
            "not return to the table with an improved offer.",
        ),
        caption="Passengers wait on an empty platform at Port Halden Central station during "
                "the rail strike",
    ),
    "rail-deal": _Story(
        "Valdoria and rail union strike deal after weeks of stoppages",
        "2024-03-27", "Valdoria", "Port Halden",
        (
            "Valdoria's government and the country's largest rail union signed a pay agreement "
            "on Wednesday, ending a dispute that had brought three rounds of strikes since the "
            "start of the month.",
            "Under the deal, rail staff will receive an 8 percent raise backdated to January, "
            "followed by a further 3 percent next year. Night and weekend allowances will also "
            "rise.",
            "Union leader Marta Kovac said the agreement was \"not everything we asked for, but "
            "a fair result,\" and called on members to approve it in a ballot next week.",
            "Transport Minister Henrik Dussel said the settlement would cost the state about 210 "
            "million crowns a year, to be covered partly by higher freight charges rather than "
            "by fares.",
            "Services are expected to return to the normal timetable on Thursday morning. "
            "Valdoria Rail said ticket holders affected by the strikes could claim refunds until "
            "the end of April.",
            "The strikes, which began with a 48-hour walkout on March 11, left thousands of "
            "commuters stranded and delayed exports through the port of Port Halden.",
        ),
        caption="Union leader Marta Kovac speaks to reporters after the agreement was signed",
    ),
    "dam-talks": _Story(
        "Marovia and Ostrelia resume talks on sharing Selva River water",
        "2024-05-14", "Marovia", "Senna",
        (
            "SENNA: Marovia and Ostrelia resumed talks on Tuesday over the sharing of water from "
            "the Selva River, four months after negotiations broke down in a row over a new "
            "dam.",
            "The two countries have argued for years over how much water the new Tavro dam may "
            "hold back in summer, when farms downstream in Ostrelia depend on the river for "
            "irrigation.",
            "Delegations of about 20 officials met for six hours at a government guesthouse on "
            "the outskirts of Senna, according to the Marovian Foreign Ministry.",
            "\"We came here to listen as much as to speak,\" Marovian Foreign Minister Clara "
            "Sorel told reporters after the session. \"Every litre that flows through the Selva "
            "belongs to both our peoples.\"",
            "Ostrelian envoy Pavel Lindqvist was more cautious, saying his country needed "
            "\"guarantees written on paper, not promises made on camera\" before any agreement "
            "could be signed.",
            "The main sticking point is a proposed minimum flow of 40 cubic metres per second "
            "during the dry months, a figure Ostrelia says is the least its farmers can survive "
            "on.",
            "A further meeting is planned in Velgrad before the end of June.",
        ),
        bullets=(
            "The two countries have argued for years over how much water the new Tavro dam may "
            "hold back in summer, when farms downstream in Ostrelia depend on the river for "
            "irrigation",
            "A further meeting is planned in Velgrad before the end of June",
        ),
    ),
    "kelbrook-floods": _Story(
        "Floods force hundreds from their homes in Kelbrook",
        "2024-04-02", "Valdoria", "Kelbrook",
        (
            "Hundreds of people were forced from their homes in the Valdorian town of Kelbrook "
            "on Tuesday after two days of heavy rain sent the Amber River over its banks.",
            "Civil protection officials said about 640 residents had been moved to schools and "
            "a sports hall on higher ground. No deaths were reported, but two people were "
            "treated in hospital for hypothermia.",
            "The national weather service recorded 118 millimetres of rain in 36 hours, more "
            "than the town usually sees in a month.",
            "\"The water rose faster than anyone expected. We had time to take the children and "
            "the dog, and that was all,\" said Irina Halvorsen, a pharmacist whose shop on the "
            "riverfront was flooded to the counter.",
            "Soldiers helped to fill sandbags along the embankment through the night, and the "
            "main bridge into town was closed as a precaution.",
            "Forecasters expect the rain to ease by Thursday, but warned that the river could "
            "stay high for several days as water drains from the hills.",
        ),
        caption="Residents carry their belongings through a flooded street in Kelbrook",
    ),
    "senna-library": _Story(
        "Senna's old library reopens after six years of restoration",
        "2024-03-08", "Marovia", "Senna",
        (
            "The Senna Public Library, a landmark of the Marovian capital, reopened its doors on "
            "Friday after a six-year restoration that saved its cracked glass dome and thousands "
            "of water-damaged books.",
            "Hundreds of people queued in the rain before the doors opened at nine. Many had not "
            "been inside since the building closed in 2018, when engineers warned that parts of "
            "the roof could collapse.",
            "The restoration cost 58 million marovi, shared between the city council and a fund "
            "raised from private donors. Craftsmen repaired more than 1,900 panes of glass by "
            "hand.",
            "\"A library is a promise that a city makes to its children,\" Mayor Ines Petrak "
            "said at the reopening. \"Today we are keeping that promise.\"",
            "Conservators spent four years drying, cleaning and rebinding about 12,000 volumes "
            "damaged by leaks, including a collection of maps from the 17th century.",
            "The library will be open seven days a week, and entry to the reading rooms remains "
            "free.",
        ),
        caption="Visitors look up at the restored glass dome of the Senna Public Library",
    ),
    "carvela-election": _Story(
        "Carvela's Reform Party leads presidential run-off as count nears end",
        "2024-04-21", "Carvela", "San Aurelio",
        (
            "Lucia Ibarra of the Reform Party was on course to become Carvela's next president "
            "on Sunday, with preliminary results from the run-off giving her 54 percent of the "
            "vote.",
            "Her opponent, former finance minister Rafael Moreau of the National Alliance, had "
            "46 percent with more than 90 percent of polling stations counted, according to the "
            "Central Electoral Commission.",
            "Turnout was 61 percent, up from 55 percent in the first round three weeks ago.",
            "\"Carvela has chosen to turn the page,\" Ibarra told supporters waving yellow flags "
            "outside her campaign headquarters in San Aurelio. \"I will be the president of "
            "those who voted against me, too.\"",
            "Moreau stopped short of conceding, saying his party would wait for the final count "
            "and review complaints about long queues at polling stations in Puerto Brava.",
            "Ibarra, a 47-year-old former mayor of Alcona, campaigned on cutting the cost of "
            "public transport and tackling corruption in state contracts.",
            "Final results are expected on Tuesday.",
        ),
        caption="Election workers count ballots at a polling station in San Aurelio",
    ),
    "lunesse-rates": _Story(
        "Lunesse central bank raises rates as bread prices climb",
        "2024-05-02", "Lunesse", "Belcourt",
        (
            "The central bank of Lunesse raised its main interest rate by half a percentage "
            "point to 6.5 percent on Thursday, saying that food prices were rising faster than "
            "expected.",
            "Annual inflation reached 7.8 percent in April, the highest in four years, driven by "
            "bread, cooking oil and fresh vegetables, according to the national statistics "
            "office.",
            "Governor Teodor Mattei said the bank was \"ready to act again\" if prices did not "
            "begin to cool over the summer. \"Our task is to protect the value of every lune in "
            "every pocket,\" he told reporters in Belcourt.",
            "The price of a standard loaf has risen by almost a fifth since January after a poor "
            "wheat harvest, and several bakeries in Vireux have cut their opening hours.",
            "Finance Minister Odile Fontaine said the government would extend a subsidy on flour "
            "for small bakeries until the end of the year.",
            "Economists said higher borrowing costs could slow the housing market, where "
            "mortgage rates have already climbed above 8 percent.",
        ),
        caption="A baker arranges loaves at a shop in Belcourt",
    ),
    "skarland-ferries": _Story(
        "Ferries return to Skarland's northern islands after week of storms",
        "2024-02-19", "Skarland", "Eldhavn",
        (
            "ELDHAVN: Ferry services to Skarland's northern islands resumed on Monday after a "
            "week of storms that left some communities cut off from the mainland for six days.",
            "The first boat left Eldhavn at dawn carrying fuel, medicine and fresh food for the "
            "3,000 people who live on the Hallund islands.",
            "Waves of up to nine metres had forced the state ferry company to suspend all "
            "crossings on February 12.",
            "\"The shop shelves were empty by Thursday. People shared what they had,\" said Nils "
            "Strand, a fisherman on the largest island, Ytterholm.",
            "Islanders have long called for a second, larger ferry able to sail in rough "
            "weather. The transport ministry said a decision on buying one would be made this "
            "autumn.",
        ),
        bullets=(
            "Waves of up to nine metres had forced the state ferry company to suspend all "
            "crossings",
            "Islanders have long called for a second, larger ferry",
        ),
        bullet_style="plain",
    ),
    "qasira-solar": _Story(
        "Qasira switches on desert solar plant to cut reliance on oil for power",
        "2024-03-19", "Qasira", "Al-Marun",
        (
            "AL-MARUN: Qasira opened its largest solar power plant on Tuesday, a field of 1.6 "
            "million panels in the desert east of Bahrat that officials said could supply a "
            "fifth of the country's electricity by day.",
            "The 900-megawatt plant cost about 2.1 billion qasir riyals and was built in just "
            "under three years by a consortium of local and foreign companies.",
            "Energy Minister Samir Haddad said it would allow the country to burn less oil in "
            "its power stations and export more of it instead.",
            "\"The sun is the one resource that our grandchildren will have as much of as we "
            "do,\" Haddad said at the opening ceremony.",
            "Engineers said robots would clean the panels every night to remove the sand and "
            "dust that can cut output by a quarter.",
            "The government plans two more plants of similar size by 2030.",
        ),
        bullets=(
            "The 900-megawatt plant cost about 2.1 billion qasir riyals and was built in just "
            "under three years by a consortium of local and foreign companies",
        ),
    ),
    "dravnik-mayor": _Story(
        "Former Dravnik mayor jailed for seven years over rigged tenders",
        "2024-04-10", "Orlesia", "Castrova",
        (
            "A court in Castrova sentenced the former mayor of Dravnik, Viktor Lazarov, to seven "
            "years in prison on Wednesday for rigging public tenders worth 36 million orles.",
            "Judges found that Lazarov, who ran the northern city from 2012 to 2020, had steered "
            "contracts for roads, street lighting and a new bus station to companies controlled "
            "by his relatives and friends.",
            "He was also ordered to pay a fine of 2 million orles and barred from holding public "
            "office for ten years.",
            "\"Public money is not a private reward for loyalty,\" presiding judge Helena Voss "
            "said as she read the verdict.",
            "Lazarov, who denies wrongdoing, listened without expression. His lawyer, Bruno "
            "Castell, said outside the court that they would appeal.",
            "Anti-corruption campaigners welcomed the ruling, saying it showed that local "
            "officials could no longer count on their connections to avoid justice.",
        ),
        caption="Former mayor Viktor Lazarov arrives at the court in Castrova",
    ),
    "beltrania-coffee": _Story(
        "Drought cuts Beltrania's coffee harvest by a third",
        "2024-05-06", "Beltrania", "Rocaverde",
        (
            "ROCAVERDE: Beltrania's coffee harvest will fall by about a third this year after "
            "the driest winter in half a century, the national growers' association said on "
            "Monday.",
            "The association expects output of around 4.1 million bags, down from 6.2 million "
            "last season, with the worst losses on small farms in the hills around Ibarro.",
            "Coffee is Beltrania's second-largest export after copper and employs about 300,000 "
            "people during the harvest.",
            "\"Some of my trees gave no fruit at all. I have been growing coffee for thirty years "
            "and I have never seen that,\" said Rosa Salgado, who farms four hectares near "
            "Ibarro.",
            "The agriculture ministry has promised cheap loans for growers who need to replant, "
            "and is studying a plan to build small reservoirs in the worst-hit valleys.",
        ),
        bullets=(
            "Coffee is Beltrania's second-largest export after copper and employs about 300,000 "
            "people during the harvest",
        ),
    ),
    "tamsara-measles": _Story(
        "Tamsara launches measles vaccination drive after cases rise",
        "2024-03-25", "Tamsara", "Kesh",
        (
            "Health workers in Tamsara began a nationwide measles vaccination campaign on Monday "
            "after the number of cases this year rose above 2,300, more than in the whole of "
            "last year.",
            "The health ministry aims to vaccinate 1.8 million children aged between nine months "
            "and five years within four weeks.",
            "Most of the cases have been recorded in the eastern districts around Kesh, where "
            "vaccination rates fell sharply during the floods of 2022, when many clinics were "
            "closed.",
            "\"Measles is not a harmless childhood illness. It can kill, and it can be "
            "prevented,\" Health Minister Priya Arvani said at a clinic in Kesh.",
            "Mobile teams will travel to remote villages by motorbike and boat, carrying "
            "vaccines in cool boxes.",
            "Eleven children have died from the disease this year, according to the ministry.",
        ),
        caption="A nurse vaccinates a child at a clinic in Kesh",
    ),
    "media-law-march": _Story(
        "Thousands march in Zlatovo against proposed media law",
        "2024-02-24", "Kovaria", "Zlatovo",
        (
            "Thousands of people marched through the Kovarian capital Zlatovo on Saturday to "
            "protest against a draft law that would give a government agency the power to fine "
            "and suspend news outlets.",
            "Organisers put the crowd at 25,000, while police estimated about 9,000. The march "
            "passed off peacefully, although police detained 14 people near the parliament "
            "building.",
            "Protesters waved copies of newspapers and chanted \"Free press, free Kovaria\" as "
            "they walked from Republic Square to the parliament.",
            "\"This law is not about protecting readers, it is about frightening journalists,\" "
            "said Elena Moravec, a reporter who helped organise the march.",
            "Government spokesman Marek Novak said the bill was needed to fight \"deliberate "
            "disinformation\" and that honest journalists had nothing to fear.",
            "Parliament is due to vote on the bill next month.",
        ),
        caption="Protesters hold up newspapers during a march in central Zlatovo",
    ),
    "media-law-vote": _Story(
        "Kovaria passes disputed media law as opposition walks out",
        "2024-03-20", "Kovaria", "Zlatovo",
        (
            "ZLATOVO: Kovaria's parliament approved a law on Wednesday that gives a new state "
            "agency the power to fine and suspend news outlets, after opposition lawmakers "
            "walked out of the chamber in protest.",
            "The bill passed with 82 votes in the 150-seat parliament. It will take effect on "
            "July 1 unless the president sends it back for review.",
            "Government spokesman Marek Novak said the law would \"protect citizens from "
            "deliberate disinformation\" and would be applied fairly.",
            "Journalists' associations said they would challenge the law at the constitutional "
            "court. Last month, thousands of people marched in Zlatovo against the bill.",
            "\"We will keep reporting, and we will keep publishing,\" said Elena Moravec, one of "
            "the organisers of the February protest.",
        ),
        bullets=(
            "The bill passed with 82 votes in the 150-seat parliament",
            "Journalists' associations said they would challenge the law at the constitutional "
            "court",
        ),
    ),
    "seruni-eruption": _Story(
        "Volcano eruption near Banyuran grounds flights, forces evacuations",
        "2024-05-20", "Sundara", "Kota Mirah",
        (
            "KOTA MIRAH: Mount Seruni, a volcano on Sundara's eastern coast, erupted on Monday, "
            "sending a column of ash five kilometres into the sky and forcing the evacuation of "
            "about 4,500 people from nearby villages.",
            "The national volcanology agency raised its alert to the highest level and ordered "
            "people to stay at least seven kilometres from the crater.",
            "Airports in Banyuran and Tanjung Rasa were closed and at least 60 flights were "
            "cancelled as ash drifted west over the island.",
            "\"We heard a sound like thunder and then the sky turned grey,\" said Dalia Sabri, a "
            "teacher in Banyuran. \"By the afternoon the cars were covered in ash.\"",
            "There were no reports of casualties. The agency said the volcano could erupt again "
            "in the coming days.",
        ),
        bullets=(
            "Airports in Banyuran and Tanjung Rasa were closed and at least 60 flights were "
            "cancelled as ash drifted west over the island",
            "The agency said the volcano could erupt again in the coming days",
        ),
    ),
}

# Rewrites: the same events told by another outlet in its own words.
_REWRITES: dict[str, _Story] = {
    "rail-strike": _Story(
        "Rail strike paralyses Valdoria as union rejects 5% offer",
        "2024-03-11", "Valdoria", "Port Halden",
        (
            "Valdoria's rail network came to a near standstill on Monday as around 14,000 "
            "members of the Valdorian Rail Workers' Union began a two-day stoppage, the largest "
            "the sector has seen in more than a decade.",
            "At the heart of the dispute is pay. The union wants wages raised by 12 percent, "
            "arguing that living costs have outpaced salaries since 2022, while the government "
            "has so far offered 5 percent and a review next spring.",
            "Valdoria Rail reported that only about 220 trains ran out of 1,400 planned for the "
            "day, meaning 1,180 services were cancelled. Freight traffic to and from the port of "
            "Port Halden was also hit.",
            "Union leader Marta Kovac said members had been \"thanked with words instead of "
            "wages\" for too long, while Transport Minister Henrik Dussel described the action "
            "as regrettable and urged the union to resume negotiations.",
            "Employers' organisations put the cost of each strike day at roughly 40 million "
            "crowns. Further action has not been ruled out, with the union expected to set out "
            "its next steps on Wednesday.",
        ),
    ),
    "dam-talks": _Story(
        "Water talks between Marovia and Ostrelia back on after four-month freeze",
        "2024-05-14", "Marovia", "Senna",
        (
            "Negotiators from Marovia and Ostrelia sat down together in Senna on Tuesday for the "
            "first time since January, reviving efforts to settle a long-running quarrel over "
            "the Selva River.",
            "The dispute centres on the Tavro dam, which Marovia completed last year. Ostrelia "
            "fears that in dry summers the reservoir will starve its farmland downstream and "
            "wants Marovia to commit to releasing at least 40 cubic metres of water per second.",
            "Foreign Minister Clara Sorel, who led the Marovian side, said the six-hour meeting "
            "had been held in a constructive spirit and insisted that the river's water "
            "\"belongs to both our peoples.\"",
            "On the other side of the table, envoy Pavel Lindqvist said his government would "
            "not settle for verbal assurances and needed binding guarantees.",
            "The two delegations, each of around 20 people, agreed to meet again in the "
            "Ostrelian capital, Velgrad, by the end of June.",
        ),
    ),
    "carvela-election": _Story(
        "Former Alcona mayor Ibarra poised to win Carvela presidency",
        "2024-04-21", "Carvela", "San Aurelio",
        (
            "SAN AURELIO: Lucia Ibarra, a former mayor of the city of Alcona, looked set on "
            "Sunday to win Carvela's presidential run-off after taking a clear lead in the "
            "count.",
            "With more than nine in ten polling stations reporting, Ibarra had 54 percent of the "
            "vote against 46 percent for Rafael Moreau, a former finance minister, the "
            "electoral commission said.",
            "Some 61 percent of voters took part, six points more than in the first round.",
            "Addressing a crowd in the capital, the Reform Party candidate promised to govern "
            "for all Carvelans, including those who had backed her rival.",
            "Moreau, of the National Alliance, did not concede and said his team would examine "
            "reports of hours-long waits to vote in Puerto Brava.",
            "The official result is due on Tuesday.",
        ),
        bullets=(
            "Ibarra had 54 percent of the vote against 46 percent for Rafael Moreau, a former "
            "finance minister, the electoral commission said",
        ),
    ),
}
# fmt: on

# The sites, in the seed layouts only.
_CRESCENT = Site("crescent-herald", "Crescent Herald", "asharq", title_case=True, curly=True)
_HARBOUR = Site("harbour-daily", "Harbour Daily", "arabnews", curly=True)
_MERIDIAN = Site("meridian-media", "Meridian Media Group", "plain")
_LANTERN = Site("lantern-wire", "Lantern Wire Group", "plain")

# Which site first published each story, and which site carries each rewrite.
_HOME: dict[str, Site] = {
    "rail-strike": _CRESCENT, "rail-deal": _CRESCENT, "dam-talks": _HARBOUR,
    "kelbrook-floods": _CRESCENT, "senna-library": _CRESCENT, "carvela-election": _CRESCENT,
    "lunesse-rates": _CRESCENT, "skarland-ferries": _HARBOUR, "qasira-solar": _HARBOUR,
    "dravnik-mayor": _CRESCENT, "beltrania-coffee": _HARBOUR, "tamsara-measles": _CRESCENT,
    "media-law-march": _CRESCENT, "media-law-vote": _HARBOUR, "seruni-eruption": _HARBOUR,
}  # fmt: skip
_REWRITE_SITE: dict[str, Site] = {
    "rail-strike": _MERIDIAN, "dam-talks": _LANTERN, "carvela-election": _HARBOUR,
}  # fmt: skip

# Files: (site, article keys). "<slug>" is the home version, "<slug>/b" the rewrite,
# "<slug>~n1" a near copy (the site updated the article after publishing it).
_PAGES: tuple[tuple[Site, tuple[str, ...]], ...] = (
    (_CRESCENT, ("rail-strike", "senna-library")),
    (_CRESCENT, ("rail-strike", "lunesse-rates")),
    (_CRESCENT, ("rail-strike", "dravnik-mayor")),
    (_CRESCENT, ("rail-strike~n1", "tamsara-measles")),
    (_CRESCENT, ("rail-strike~n1", "kelbrook-floods")),
    (_CRESCENT, ("media-law-march", "carvela-election")),
    (_CRESCENT, ("media-law-march", "tamsara-measles")),
    (_CRESCENT, ("media-law-march~n1", "senna-library")),
    (_CRESCENT, ("rail-deal", "kelbrook-floods")),
    (_CRESCENT, ("rail-deal", "dravnik-mayor")),
    (_CRESCENT, ("carvela-election", "lunesse-rates")),
    (_CRESCENT, ("carvela-election",)),
    (_CRESCENT, ("kelbrook-floods", "media-law-march")),
    (_CRESCENT, ("dravnik-mayor", "rail-deal")),
    (_CRESCENT, ("tamsara-measles", "lunesse-rates")),
    (_CRESCENT, ("senna-library",)),
    (_CRESCENT, ("lunesse-rates", "rail-strike")),
    (_HARBOUR, ("dam-talks", "qasira-solar", "beltrania-coffee", "seruni-eruption")),
    (_HARBOUR, ("dam-talks", "qasira-solar", "skarland-ferries")),
    (
        _HARBOUR,
        (
            "dam-talks~n1",
            "media-law-vote",
            "seruni-eruption",
            "beltrania-coffee",
            "skarland-ferries",
            "carvela-election/b",
        ),
    ),
    (_HARBOUR, ("media-law-vote", "carvela-election/b", "qasira-solar")),
    (_HARBOUR, ("carvela-election/b", "dam-talks~n1")),
    (_HARBOUR, ("seruni-eruption", "beltrania-coffee")),
    (_HARBOUR, ("skarland-ferries", "media-law-vote", "qasira-solar")),
    (_HARBOUR, ("beltrania-coffee", "seruni-eruption", "dam-talks")),
    (_HARBOUR, ("qasira-solar",)),
    (_HARBOUR, ("media-law-vote", "skarland-ferries")),
    (_MERIDIAN, ("rail-strike/b",)),
    (_MERIDIAN, ("rail-strike/b",)),
    (_LANTERN, ("dam-talks/b",)),
    (_LANTERN, ("dam-talks/b",)),
    (_MERIDIAN, ("rail-strike/b",)),
)

_AGENCIES = ("NPA", "CWS", "TPX")


def _article(key: str, story: _Story, site: Site, kind: str) -> ArticleText:
    slug = key.split("/")[0]
    when = date.fromisoformat(story.day)
    paragraphs = list(story.paragraphs)
    title = story.title
    caption = None
    if story.caption:
        agency = _AGENCIES[len(slug) % len(_AGENCIES)]
        caption = (
            f"{when.day:02d} {page.MONTHS[when.month - 1]} {when.year}, "
            f"{story.country}, {story.city}: {story.caption}. ({agency})"
        )
    if site.curly:
        title = curly_quotes(title)
        paragraphs = [curly_quotes(p) for p in paragraphs]
        caption = curly_quotes(caption) if caption else None
    if site.title_case:
        title = title_case(title)
    bullets = [curly_quotes(b) if site.curly else b for b in story.bullets]
    if site.layout != "arabnews":
        bullets = []
    return ArticleText(
        article_id=f"demo-{key.replace('/', '-')}",
        story_id=f"demo-{slug}",
        title=title,
        outlet=site.outlet,
        paragraphs=paragraphs,
        date=when,
        caption=caption,
        bullets=bullets,
        bullet_style=story.bullet_style,
        kind=kind,
        topic_id=f"demo-{_TOPICS.get(slug, slug)}",
    )


# Related-but-different stories: same place and people, a different event.
_TOPICS = {"rail-deal": "rail-strike", "media-law-vote": "media-law-march"}


def _near_copies(base: dict[str, ArticleText]) -> dict[str, ArticleText]:
    """Hand-made edits, the kind a site makes after publishing: a figure corrected, a
    paragraph added, a paragraph cut short by the scraper, a caption gone."""
    out: dict[str, ArticleText] = {}

    def derive(key: str, paragraphs: list[str], *, caption: bool = True) -> None:
        art = base[key]
        out[key + "~n1"] = ArticleText(
            article_id=art.article_id + "~n1", story_id=art.story_id, title=art.title,
            outlet=art.outlet, paragraphs=paragraphs, date=art.date,
            caption=art.caption if caption else None,
            bullets=[b for b in art.bullets if any(b in p for p in paragraphs)],
            bullet_style=art.bullet_style, kind="near", copy_of=art.article_id,
            topic_id=art.topic_id, root_id=art.article_id,
        )  # fmt: skip

    strike = list(base["rail-strike"].paragraphs)
    strike[2] = strike[2].replace("1,180", "1,240")
    strike.append(
        "Editor’s note: This article has been updated with the latest figures from Valdoria Rail."
    )
    derive("rail-strike", strike)

    march = list(base["media-law-march"].paragraphs)
    march[1] = march[1].replace("detained 14 people", "detained 17 people")
    march.insert(5, "Smaller marches were held in Brenik and Osoje, local media reported.")
    derive("media-law-march", march, caption=False)

    talks = list(base["dam-talks"].paragraphs)
    talks[5] = "The main sticking point is a proposed minimum flow of 40 cubic metres per"
    derive("dam-talks", talks)
    return out


def _articles() -> dict[str, ArticleText]:
    arts = {slug: _article(slug, story, _HOME[slug], "base") for slug, story in _STORIES.items()}
    for slug, story in _REWRITES.items():
        arts[slug + "/b"] = _article(slug + "/b", story, _REWRITE_SITE[slug], "rewrite")
    arts.update(_near_copies(arts))
    return arts


def demo_version() -> str:
    """Changes whenever this module or the page renderer it writes with changes."""
    h = hashlib.sha256()
    for module in (__file__, page.__file__):
        h.update(Path(module).read_bytes())
    return h.hexdigest()[:16]


def demo_truth_path(directory: Path) -> Path:
    return directory.parent / f"{directory.name}.truth.jsonl"


def _stamp_path(directory: Path) -> Path:
    return directory.parent / f"{directory.name}.version"


def _write(directory: Path, truth: Path) -> None:
    arts = _articles()
    rng = random.Random(20240311)  # chrome only: comment counts, "Updated ... ago", ...
    writer = CorpusWriter(directory, truth, rng)
    for site, keys in _PAGES:
        page_arts = [arts[k] for k in keys]
        page = render_page(site.layout, page_arts, site, rng)
        writer.write(site.name, page, site, page_arts)
    writer.close(0.0)


def ensure_demo_corpus(directory: Path | None = None) -> Path:
    """Write the demo corpus once and return its directory.

    Idempotent: an up-to-date corpus (same `demo_version()`) is left alone; a stale one is
    replaced. The corpus is built in a sibling temporary directory and moved into place, so
    a concurrent reader never sees half a corpus. Truth goes to `<dir>.truth.jsonl` and the
    version stamp to `<dir>.version`, both beside the directory. A non-empty directory
    without our stamp is refused rather than overwritten.
    """
    if directory is None:
        import platformdirs  # only when no directory is given

        directory = Path(platformdirs.user_data_dir("storyreader")) / "demo"
    directory = Path(directory)
    version = demo_version()
    stamp = _stamp_path(directory)
    truth = demo_truth_path(directory)
    try:
        current = stamp.read_text(encoding="utf-8").strip()
    except OSError:
        current = None
    if current == version and directory.is_dir() and truth.is_file():
        return directory
    if directory.exists() and current is None and any(directory.iterdir()):
        raise FileExistsError(
            f"{directory} is not empty and holds no demo corpus; choose another directory"
        )
    directory.parent.mkdir(parents=True, exist_ok=True)
    tag = f"{os.getpid()}-{random.getrandbits(32):08x}"
    tmp = directory.parent / f".{directory.name}.tmp-{tag}"
    tmp_truth = directory.parent / f".{directory.name}.truth.tmp-{tag}"
    _write(tmp, tmp_truth)
    old = directory.parent / f".{directory.name}.old-{tag}"
    if directory.exists():
        directory.rename(old)
    try:
        tmp.rename(directory)
    except OSError:
        # Another process put a corpus in place first; theirs is as good as ours.
        shutil.rmtree(tmp, ignore_errors=True)
        tmp_truth.unlink(missing_ok=True)
    else:
        os.replace(tmp_truth, truth)
        stamp.write_text(version + "\n", encoding="utf-8")
    shutil.rmtree(old, ignore_errors=True)
    return directory
