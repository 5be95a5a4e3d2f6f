"""Texts shared by the tests: four reports of a flood and a budget (near copies, a rewrite,
a later development, another story) and three unrelated articles."""

STORY = [
    "Emergency crews in the river town of Kelmarsh worked through the night on Sunday to reinforce levees as the Tarrow rose to its highest level in forty years.",
    "The regional council said 1,200 residents had been moved to schools and sports halls on higher ground, and that the evacuation order would stay in place until Wednesday.",
    "Mayor Idris Holloway said the town had learned from the floods of 2011, when water broke through the northern embankment and damaged more than 300 homes.",
    "Forecasters at the national weather office expect the river to crest late on Monday, after a further 40 millimetres of rain fall on the upper catchment.",
    "Rail services between Kelmarsh and the coast were suspended after a section of track near Pellow was undermined by floodwater.",
    "Volunteers filled more than 15,000 sandbags at the town's fire station, where queues formed from early morning.",
    "The environment ministry said it would review funding for flood defences along the Tarrow once the water had receded.",
]
REWRITE = [
    "Residents of Kelmarsh spent a sleepless Sunday night watching the Tarrow climb to a forty-year high while emergency workers shored up the town's levees.",
    "About 1,200 people have been evacuated to schools and gyms on higher ground, regional officials said, adding that they could not return home before Wednesday.",
    "Holloway, the mayor, recalled the 2011 floods that breached the northern embankment and left over 300 houses damaged, saying lessons had been learned.",
    "The river is forecast to peak on Monday night as another 40 millimetres of rain is expected upstream, the weather office said.",
    "Trains to the coast were halted after floodwater undermined the line near Pellow.",
]
# The same place and cast, months later: a different event.
LATER = [
    "Kelmarsh braced again on Tuesday as the Tarrow burst its banks for the second time this year and crews rushed to reinforce the levees.",
    "Regional officials evacuated about 1,200 residents to schools on higher ground and said the order would last until the weekend.",
    "Mayor Idris Holloway said the repairs made after the spring floods near the northern embankment had so far held.",
    "Rail services to the coast were halted near Pellow, where floodwater again undermined the track.",
]
OTHER = [
    "The parliament of Ostland approved on Friday a budget that raises spending on schools by six percent and freezes fuel duty for a second year.",
    "Finance minister Carla Ventress said the plan would keep the deficit below two percent of output despite weaker tax receipts.",
    "Opposition parties criticised the absence of new money for hospitals and said the growth forecasts behind the budget were too optimistic.",
    "The budget passed by 88 votes to 71 after a debate that lasted late into the night.",
]

TITLE_A = "Harbour authority approves new ferry terminal for Nordvik after long dispute"
TITLE_B = "Drought forces farmers in Valdera to cull herds as reservoirs fall"
TITLE_C = "Central bank of Ostland holds rates steady amid slowing growth"
CAPTION = "12 March 2024, Ostland, Nordvik: Workers walk along the old pier at dawn. (AFP)"
PARAS_A = [
    "NORDVIK: The harbour authority approved on Tuesday a new ferry terminal that will double the town's capacity for passenger traffic by 2027.",
    "The decision ends a four-year dispute between the council and fishing cooperatives, who feared the terminal would cut them off from the inner basin.",
    "Officials said the 240 million crown project would be financed jointly by the state and two private operators.",
    "Construction is expected to begin in the autumn, once environmental permits for dredging have been granted.",
]
PARAS_B = [
    "Farmers across the southern province of Valdera have begun culling their herds as reservoirs fell to 18 percent of capacity.",
    "The regional agriculture office said feed prices had tripled since January, leaving many small farms unable to keep their animals.",
    "Rain is not expected before late October, according to the national weather service.",
]
PARAS_C = [
    "The central bank of Ostland kept its main rate at 3.25 percent on Thursday, citing weaker exports and cooling consumer demand.",
    "Governor Lena Brask told reporters that inflation had returned close to target and that the bank saw no reason for haste.",
]
