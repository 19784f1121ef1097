"""The frame table: sentences written for these tests, each with the event it must (or must not) yield.

A row reads: sentence, event type, agent, other party (recipient, target, partner; ``None`` when
the frame has none or any will do), status, source (a word of the innermost speaker; ``None`` for
an asserted claim). Agent and party match the claim's subject/object text or canonical name,
case-insensitively. The constructions vary on purpose: voice, tense, relative clauses,
participles, nominalisations, converse verbs, coordination, reporting and stance frames,
typographic apostrophes. Rows marked ``xfail`` are readings the extractor does not manage yet;
they are kept so that a fix shows up (strict: an unexpected pass fails too).
"""

from __future__ import annotations

from typing import Any

import pytest

from _claim_rows import claim_names, matching, read_rows
from mistrust.model.documents import Claim

OPENER = pytest.mark.xfail(strict=True, reason="the parser hangs the speaker on the opener's object; no rule repairs it")
GAP = pytest.mark.xfail(strict=True, reason="the small parser misreads the sentence (no subject, or the verb as a modifier)")

# (sentence, event, agent, party, status, source)
POSITIVE: list[Any] = [
    # -- transfer, active voice, the recipient after "to" or as the parser's dative
    ("Belarus shipped diesel to Venezuela last spring.", "transfer", "Belarus", "Venezuela", "asserted", None),
    ("Pakistan sold rifles to Nigeria in 2019.", "transfer", "Pakistan", "Nigeria", "asserted", None),
    ("Serbia has delivered artillery shells to Armenia.", "transfer", "Serbia", "Armenia", "asserted", None),
    ("Cuba sends doctors and advisers to Angola every year.", "transfer", "Cuba", "Angola", "asserted", None),
    ("Egypt exported grain to Lebanon despite the ban.", "transfer", "Egypt", "Lebanon", "asserted", None),
    ("Turkey is supplying armed drones to Ukraine.", "supply", "Turkey", "Ukraine", "asserted", None),
    ("Iran provided Syria with fuel and spare parts.", "transfer", "Iran", "Syria", "asserted", None),
    ("Algeria smuggled weapons to Mali, officials said.", "transfer", "Algeria", "Mali", "attributed", "officials"),
    ("Serbia has been selling mortars to Armenia, a UN panel found.", "transfer", "Serbia", "Armenia",
     "attributed", "panel"),
    ("China will ship turbines to Pakistan next year.", "transfer", "China", "Pakistan", "asserted", None),
    ("Brazil transferred two frigates to Ghana.", "transfer", "Brazil", "Ghana", "asserted", None),
    ("Vietnam exports rice to the Philippines.", "transfer", "Vietnam", "Philippines", "asserted", None),
    # -- passive voice
    ("Rockets were supplied by Iran to Hamas.", "supply", "Iran", "Hamas", "asserted", None),
    ("The shells were delivered by Bulgaria to Ukraine in March.", "transfer", "Bulgaria", "Ukraine", "asserted",
     None),
    ("Fuel was shipped by Russia to Syria, the report said.", "transfer", "Russia", "Syria", "attributed",
     "report"),
    ("Tanks were sold by Germany to Qatar.", "transfer", "Germany", "Qatar", "asserted", None),
    ("Ammunition was sent by Serbia to Libya, diplomats said.", "transfer", "Serbia", "Libya", "attributed",
     "diplomats"),
    # -- converse verbs: the subject receives
    ("Venezuela received fuel from Iran.", "transfer", "Iran", "Venezuela", "asserted", None),
    ("Myanmar bought fighter jets from Russia.", "transfer", "Russia", "Myanmar", "asserted", None),
    ("Ethiopia acquired drones from Turkey in 2021.", "transfer", "Turkey", "Ethiopia", "asserted", None),
    pytest.param("Armenia purchased radars from India.", "transfer", "India", "Armenia", "asserted", None, marks=GAP),
    ("Syria obtained chemicals from Belarus, the panel said.", "transfer", "Belarus", "Syria",
     "attributed", "panel"),
    ("Sudan imported trucks from China.", "transfer", "China", "Sudan", "asserted", None),
    ("Iraq has bought missiles from Iran, officials say.", "transfer", "Iran", "Iraq", "attributed", "officials"),
    pytest.param("Eritrea procured rifles from Ukraine.", "transfer", "Ukraine", "Eritrea", "asserted", None, marks=GAP),
    ("Algeria acquired submarines.", "acquire", "Algeria", None, "asserted", None),
    # -- converse verbs with the giver as the goods' origin, and "order ... from"
    ("Bolivia received Russian helicopters last year.", "transfer", "Russia", "Bolivia", "asserted", None),
    ("Kenya will receive a number of Turkish drones by June.", "transfer", "Turk", "Kenya", "asserted", None),
    ("Venezuela bought Iranian fuel in May.", "transfer", "Iran", "Venezuela", "asserted", None),
    ("Iran has ordered helicopters and radars from Russia, a lawmaker said.", "transfer", "Russia", "Iran",
     "attributed", "lawmaker"),
    ("The jets that Egypt ordered from France arrived last month.", "transfer", "France", "Egypt", "asserted",
     None),
    ("Peru ordered patrol boats from South Korea in 2020.", "transfer", "South Korea", "Peru", "asserted", None),
    # -- a description named by a participle stands for its name
    ("The freighter, known as the Blue Heron, was used to smuggle fuel to Eritrea.", "transfer", "Blue Heron",
     "Eritrea", "asserted", None),
    ("A trawler named the Grey Gull shipped rifles to Somalia.", "transfer", "Grey Gull", "Somalia", "asserted",
     None),
    # -- a gerund under a noun: its doer is the noun's owner or the subject that has the noun
    ("Iran has a long history of backing the rebels in Yemen.", "support", "Iran", None, "asserted", None),
    ("Venezuela has a record of selling gold to Turkey.", "transfer", "Venezuela", "Turkey", "asserted", None),
    ("Cuba's habit of sending doctors to Angola annoys Washington.", "transfer", "Cuba", "Angola", "asserted",
     None),
    # -- an owner named with "'s" is the party of a head with a place after it
    ("Pyongyang is supporting Russia's war in Ukraine.", "support", "Pyongyang", "Russia", "asserted", None),
    ("Brazil condemned the war in Ukraine.", "condemn", "Brazil", "Ukraine", "attributed", "Brazil"),
    ("Minsk backs Moscow's offensive near Kharkiv, officials said.", "support", "Minsk", "Moscow", "attributed",
     "officials"),
    # -- a measure is its issuer's: the body whose measures are violated
    ("Angola and Chad violated a U.N. arms embargo on the war-torn country, experts said.", "violate", "Chad",
     "U.N.", "attributed", "experts"),
    # -- a double-object verb whose recipient the parser reads as a modifier of the goods
    ("Mali also sold Niger rifles.", "transfer", "Mali", "Niger", "asserted", None),
    ("Libya sent Chad drones last year.", "transfer", "Libya", "Chad", "asserted", None),
    # -- nominal speech acts and meetings, under light verbs ("issued a warning", "held talks")
    ("Peru issued a warning to Chile.", "warn", "Peru", "Chile", "attributed", "Peru"),
    ("Peru's threats against Chile grew.", "threaten", "Peru", "Chile", "asserted", None),
    ("Peru voiced strong criticism of Chile.", "condemn", "Peru", "Chile", "attributed", "Peru"),
    ("Kenya decried Uganda's missile test.", "condemn", "Kenya", "Uganda", "attributed", "Kenya"),
    ("Ghana deplored Togo's decision.", "condemn", "Ghana", "Togo", "attributed", "Ghana"),
    # summoning a state's envoy is a protest to that state
    ("The Foreign Office summoned the Iranian ambassador on Monday.", "condemn", "Foreign Office", "Iranian",
     "attributed", "Foreign Office"),
    ("Peru summoned Chile's ambassador over the arrests.", "condemn", "Peru", "Chile", "attributed", "Peru"),
    ("Ankara has summoned the Greek envoy to protest the detention.", "condemn", "Ankara", "Greek", "attributed",
     "Ankara"),
    ("Seoul summoned a senior Japanese diplomat on Friday.", "condemn", "Seoul", "Japanese", "attributed", "Seoul"),
    ("Peru held talks with Chile in Lima.", "meet", "Peru", "Chile", "asserted", None),
    ("The summit between Ghana and Togo ended early.", "meet", "Ghana", "Togo", "asserted", None),
    ("Laos and Cambodia held joint drills.", "cooperate", "Laos", "Cambodia", "asserted", None),
    # -- goods of a named origin that an actor uses or holds came to it from there
    ("Chad has used Libyan-made drones against rebels.", "transfer", "Libya", "Chad", "asserted", None),
    ("Officials said Chad fields Libyan drones.", "transfer", "Libya", "Chad", "attributed", "Officials"),
    ("Chad deployed drones from Libya near the border.", "transfer", "Libya", "Chad", "asserted", None),
    ("Chad has used drones made in Libya.", "transfer", "Libya", "Chad", "asserted", None),
    ("Drones made in Libya have reached Chad.", "transfer", "Libya", "Chad", "asserted", None),
    ("Officials said Niger operates rifles produced in Mali.", "transfer", "Mali", "Niger", "attributed",
     "Officials"),
    # -- "equip": "qu" counts as a consonant when the final "p" doubles
    ("Libya equipped the Chadian army with drones.", "supply", "Libya", "Chad", "asserted", None),
    ("Laos is equipping Cambodia with radars.", "supply", "Laos", "Cambodia", "asserted", None),
    # -- a measure's issuer around it: passive of a verb of imposing, a participle, a "targeting" measure
    ("Sanctions on Belarus were imposed by the EU.", "sanction", "EU", "Belarus", "asserted", None),
    ("An embargo on Chad was announced by the UN on Monday.", "sanction", "UN", "Chad", "asserted", None),
    ("Sanctions targeting Laos were imposed by Canada.", "sanction", "Canada", "Laos", "asserted", None),
    # (lexicon7) re-imposing a measure issues it again
    ("The United States reimposed sanctions on Venezuela in May.", "sanction", "United States", "Venezuela",
     "asserted", None),
    ("Canada reimposes its sanctions against Belarus.", "sanction", "Canada", "Belarus", "asserted", None),
    ("Sanctions on Cuba were reimposed by Washington last year.", "sanction", "Washington", "Cuba", "asserted",
     None),
    ("New EU sanctions targeting Belarus were announced.", "sanction", "EU", "Belarus", "asserted", None),
    # -- the subject of "face"/"suffer" undergoes the event: the target
    ("Belarus faces sanctions from the United States and Japan.", "sanction", "Japan", "Belarus", "asserted",
     None),
    ("Myanmar has faced EU sanctions since 2018.", "sanction", "EU", "Myanmar", "asserted", None),
    # -- every conjunct of an accusation's "of" clause is on the accuser's word
    ("Ukraine accused Belarus of buying drones, smuggling fuel to Syria and evading sanctions.", "transfer",
     "Belarus", "Syria", "attributed", "Ukraine"),
    ("Officials accused Kenya of selling rifles and supplying fuel to Somalia.", "supply", "Kenya", "Somalia",
     "attributed", "Officials"),
    # -- a gerund the parser reads as a compound of its goods ("denied selling rifles")
    ("Kenya denied selling rifles to Somalia.", "transfer", "Kenya", "Somalia", "denied", "Kenya"),
    ("Minsk denied shipping fuel to Caracas, state media reported.", "transfer", "Minsk", "Caracas", "denied",
     "Minsk"),
    ("Quito has denied sending drones to Lima, the ministry said.", "transfer", "Quito", "Lima", "denied", "Quito"),
    # a wish or a condition beside the negated clause leaves it a denial
    ("The minister, who wants closer ties, said Chile never sold jets to Peru.", "transfer", "Chile", "Peru", "denied",
     None),
    ("\"We want talks, because Chile never sold jets to Peru,\" the minister said.", "transfer", "Chile", "Peru",
     "denied", None),
    ("\"If asked, we will say that Chile never sold jets to Peru,\" the minister said.", "transfer", "Chile", "Peru",
     "denied", None),
    ("Laos resumed exporting timber to Vietnam in 2020.", "transfer", "Laos", "Vietnam", "asserted", None),
    ("Ghana has stopped smuggling gold to Togo, officials said.", "transfer", "Ghana", "Togo", "attributed",
     "officials"),
    # -- a measure named without its issuer is the one the text names with it, before or after
    ("The EU imposed new sanctions on Belarus in May. Monitors said Minsk later violated the sanctions.",
     "violate", "Minsk", "EU", "attributed", "monitors"),
    ("Ghana breached the arms embargo, the panel said. The UN embargo has been in force since 2004.",
     "violate", "Ghana", "UN", "attributed", "panel"),
    ("Canadian sanctions on the Kivu mines date from 2019. Rwanda has evaded the restrictions for years.",
     "violate", "Rwanda", "Canad", "asserted", None),
    ("Officials said the ship violated EU sanctions against Syria.", "violate", "ship", "EU", "attributed",
     "Officials"),
    # -- "involved in", "engaged in": the modified noun does what the gerund says
    ("The rules target firms in Malaysia involved in shipping drone parts to Iran.", "transfer", "Malaysia", "Iran",
     "asserted", None),
    ("Companies engaged in selling fuel to Syria were named.", "transfer", "Companies", "Syria", "asserted", None),
    # -- "to Y" hung on the noun above "of": "the volume of exports from X to Y"
    ("The magnitude of machine tool exports from China to Russia worries officials.", "transfer", "China",
     "Russia", "asserted", None),
    ("The value of grain sales from Ukraine to Egypt fell.", "transfer", "Ukraine", "Egypt", "asserted", None),
    # -- goods of a named origin arriving somewhere
    ("Four Iranian tankers arrived at Venezuelan ports in late May.", "transfer", "Iran", "Venezuela", "asserted",
     None),
    ("The Iranian fuel arrived in Venezuela despite sanctions.", "transfer", "Iran", "Venezuela", "asserted", None),
    # -- an acute accent typed for an apostrophe
    ("North Korea has delivered arms to Russia´s private military group Wagner.", "transfer", "North Korea",
     "Wagner", "asserted", None),
    # -- an adverbial of the cue dates the statement; it is not what is reported
    ("A cargo ship carrying coal has been seized, the ministry announced on Thursday, hours after Pyongyang "
     "fired two missiles.", "test", "Pyongyang", None, "asserted", None),
    ("Officials seized the tanker, announcing the move shortly after Tehran launched a rocket.", "test", "Tehran",
     None, "asserted", None),
    ("Officials said Iran shipped rifles to Sudan after the talks collapsed.", "transfer", "Iran", "Sudan",
     "attributed", "Officials"),
    # -- a speaker named right before the cue after a long clause
    ("Belarus recently supplied rifles and mortars to a private mercenary company, the Iron Legion, currently "
     "fighting in Sudan as part of a wider war, spokesperson Anna Berg told reporters on Friday.", "supply",
     "Belarus", "Iron Legion", "attributed", "Berg"),
    # -- a party named in the head's modifiers before a place after "in"; a site's place is the party
    ("Commandos intercepted an Iranian arms shipment for the Houthi insurgents in the Red Sea.", "transfer",
     "Iran", "Houthi", "asserted", None),
    ("Drones struck Russian troops near Kharkiv.", "attack", None, "Russian", "asserted", None),
    ("Iran shipped fuel to the rebels in Yemen.", "transfer", "Iran", "Yemen", "asserted", None),
    ("The tanker carried crude oil to the Qaradag refinery in Syria.", "transfer", None, "Syria", "asserted",
     None),
    # -- blamed or punished "for" doing something: the object did it
    ("Washington had strongly criticized China for providing military assistance to Russia.", "support",
     "China", "Russia", "attributed", "Washington"),
    ("Ankara condemned Athens for selling frigates to Cyprus.", "transfer", "Athens", "Cyprus", "attributed",
     "Ankara"),
    ("The US sanctioned two firms for shipping parts to Iran.", "transfer", "firms", "Iran", "asserted", None),
    ("Canada imposed sanctions on Belarus for supplying fuel to Russia.", "supply", "Belarus", "Russia",
     "asserted", None),
    # -- measures that target a party are sanctions by whoever issued them
    ("The Treasury issued sanctions targeting Belarusian and Cuban shipping firms on Friday.", "sanction",
     "Treasury", "Cuba", "asserted", None),
    ("The EU imposed new measures that target Iran's drone makers.", "sanction", "EU", "Iran", "asserted", None),
    # -- trading between two parties
    ("Minsk has traded weapons with Khartoum for years, officials said.", "trade", "Minsk", "Khartoum",
     "attributed", "officials"),
    ("Pyongyang reportedly traded arms with Damascus.", "trade", "Pyongyang", "Damascus", "hedged", None),
    ("Belarus denied that any arms transaction between Belarus and Sudan had taken place.", "trade", "Belarus",
     "Sudan", "denied", "Belarus"),
    ("The Sudanese army took delivery of a drone shipment from Iran.", "transfer", "Iran", "Sudan",
     "asserted", None),
    # -- relative clauses and participles
    ("Moscow fires drones that were sent by Tehran.", "transfer", "Tehran", "Moscow", "asserted", None),
    ("Kyiv said that Moscow uses missiles that were supplied by Pyongyang.", "supply", "Pyongyang", "Moscow",
     "attributed", "Kyiv"),
    ("Damascus operates radars that were delivered by Russia.", "transfer", "Russia", "Damascus", "asserted", None),
    ("The Houthis use missiles supplied by Iran.", "supply", "Iran", None, "asserted", None),
    ("Rebels fired rockets smuggled by Iran.", "transfer", "Iran", None, "asserted", None),
    ("Belarus, which supplied fuel to Russia, faces new measures.", "supply", "Belarus", "Russia", "asserted",
     None),
    # -- goods with an origin and a destination
    ("The navy seized Eritrean rifles bound for Somalia.", "transfer", "Eritrea", "Somalia", "asserted", None),
    ("Coast guards stopped Chinese chemicals destined for Myanmar.", "transfer", "China", "Myanmar", "asserted",
     None),
    pytest.param("Officers found Russian rifles intended for Sudan.", "transfer", "Russia", "Sudan", "asserted", None, marks=GAP),
    ("Customs intercepted North Korean coal bound for Vietnam.", "transfer", "North Korea", "Vietnam", "asserted",
     None),
    ("Police impounded Turkish drones destined for Libya.", "transfer", "Turk", "Libya", "asserted", None),
    # -- nominalisations
    ("Iran's supply of drones to Russia worries Kyiv.", "supply", "Iran", "Russia", "asserted", None),
    ("The panel counted twelve shipments from Belarus to Iran.", "transfer", "Belarus", "Iran", "asserted",
     None),
    ("China's sale of radars to Pakistan was confirmed.", "transfer", "China", "Pakistan", "asserted", None),
    ("Belarus completed a fuel delivery to Serbia, Novak said.", "transfer", "Belarus", "Serbia",
     "attributed", "Novak"),
    ("Russia's delivery of jets to Iran is expected soon.", "transfer", "Russia", "Iran", "asserted", None),
    # nouns of the receiving end: the owner takes in what the "from" party or the goods' origin gives
    ("Chad's imports of rifles from Serbia doubled last year.", "transfer", "Serbia", "Chad", "asserted", None),
    ("Kenya's fuel imports from Oman rose sharply in May.", "transfer", "Oman", "Kenya", "asserted", None),
    ("Peru's imports of Chilean copper fell in the spring.", "transfer", "Chile", "Peru", "asserted", None),
    ("Imports of Chinese drones by Ethiopia grew fast.", "transfer", "Chin", "Ethiopia", "asserted", None),
    ("India resumed oil imports from Iran last month.", "transfer", "Iran", "India", "asserted", None),
    ("The purchase of Russian missiles by Turkey angered Washington.", "transfer", "Russia", "Turkey", "asserted",
     None),
    ("Japan's purchases of Iranian crude continued despite the warnings.", "transfer", "Iran", "Japan", "asserted",
     None),
    # goods of a named origin under a transfer noun: the origin gives, the goods are no party
    ("Greece halted the sale of Russian gas to Serbia.", "transfer", "Russia", "Serbia", "asserted", None),
    # goods moving from one place into another
    ("Weapons continue to flow into Sudan from Chad.", "transfer", "Chad", "Sudan", "asserted", None),
    ("Arms flowed from Libya into Niger last year.", "transfer", "Libya", "Niger", "asserted", None),
    ("Tankers sailed from Iran to Venezuela in May.", "transfer", "Iran", "Venezuela", "asserted", None),
    # goods a clause says were sent by X, received or used by Y: Y got them from X
    ("Caracas received fuel that was shipped by Tehran.", "transfer", "Tehran", "Caracas", "asserted", None),
    ("Venezuela received fuel shipped by Iran.", "transfer", "Iran", "Venezuela", "asserted", None),
    ("Drones supplied by Iran were used by Russia.", "supply", "Iran", "Russia", "asserted", None),
    # "pass" hands over only to someone (the approving sense has no recipient: see ABSENT)
    ("The courier passed the files to Moscow.", "transfer", "courier", "Moscow", "asserted", None),
    ("The clerk passed Havana the blueprints.", "transfer", "clerk", "Havana", "asserted", None),
    ("Smugglers passed rifles into Mali.", "transfer", "Smugglers", "Mali", "asserted", None),
    ("Belarus's export of fertiliser to Lithuania stopped.", "transfer", "Belarus", "Lithuania", "asserted", None),
    ("Iran's cooperation with Venezuela has deepened.", "cooperate", "Iran", "Venezuela", "asserted", None),
    ("The axis between Moscow and Tehran grew stronger.", "cooperate", "Moscow", "Tehran", "asserted", None),
    ("Turkey's sanctions on Syria hurt trade.", "sanction", "Turkey", "Syria", "asserted", None),
    # -- accusations: the accused does it, the accuser is the source
    ("Washington accuses Minsk of quietly shipping fuel to Caracas.", "transfer", "Minsk", "Caracas", "attributed",
     "Washington"),
    ("The United States accused Iran of supplying drones to Russia.", "supply", "Iran", "Russia", "attributed",
     "United States"),
    ("Kyiv accused Tehran of arming Moscow.", "supply", "Tehran", "Moscow", "attributed", "Kyiv"),
    ("Seoul accused Pyongyang of selling coal to China.", "transfer", "Pyongyang", "China", "attributed", "Seoul"),
    ("Britain charged Iran with smuggling oil to Syria.", "transfer", "Iran", "Syria", "attributed", "Britain"),
    ("Israel blamed Iran for attacking the tanker.", "attack", "Iran", None, "attributed", "Israel"),
    ("France suspects Russia of sending mercenaries to Mali.", "deploy", "Russia", "Mali", "hedged", "France"),
    ("Riyadh has accused Tehran of attacking Saudi oil facilities.", "attack", "Tehran", None, "attributed",
     "Riyadh"),
    # -- denials: the denier is the source, never a hedge
    ("Eritrea has denied providing weapons to Sudan.", "transfer", "Eritrea", "Sudan", "denied", "Eritrea"),
    ("Russia denied sending troops to Ukraine.", "deploy", "Russia", "Ukraine", "denied", "Russia"),
    ("Beijing denied selling arms to Moscow.", "transfer", "Beijing", "Moscow", "denied", "Beijing"),
    ("Myanmar denied buying missiles from North Korea.", "transfer", "North Korea", "Myanmar", "denied",
     "Myanmar"),
    # a pronoun agent keeps the words written ("it"); its actor is the antecedent's canonical name
    ("Pyongyang rejected claims that it shipped rockets to Russia.", "transfer", "North Korea", "Russia", "denied",
     "Pyongyang"),
    ("Minsk dismissed reports that it supplied fuel to Caracas.", "supply", "Belarus", "Caracas", "denied", "Minsk"),
    ("Tehran insisted it had never sold drones to Moscow.", "transfer", "Iran", "Moscow", "denied", "Tehran"),
    # a state known by two names ("Turkey", "Türkiye") is one state its capital speaks for
    ("Turkey did not send drones to Libya, Ankara said.", "transfer", "Turkey", "Libya", "denied", "Ankara"),
    ("Peru did not sell rifles to Bolivia, Lima said.", "transfer", "Peru", "Bolivia", "denied", "Lima"),
    ("Ecuador has not shipped fuel to Cuba, Quito insisted.", "transfer", "Ecuador", "Cuba", "denied", "Quito"),
    ("Togo did not buy drones from Niger, Lomé’s envoy said.", "transfer", "Niger", "Togo", "denied", "envoy"),
    ("Iran denied that it had armed the Houthis.", "supply", "Iran", "Houthis", "denied", "Iran"),
    ("Egypt did not deliver rockets to Libya, Cairo's envoy said on Monday.", "transfer", "Egypt", "Libya",
     "denied", "envoy"),
    ("Qatar has not financed Hamas, its foreign minister told reporters.", "fund", "Qatar", "Hamas", "denied",
     "minister"),
    ("Belgrade never sold howitzers to Armenia, the Serbian defence ministry said.", "transfer", "Belgrade",
     "Armenia", "denied", "ministry"),
    # an unnamed speaker keeps the benefit of the doubt
    ('"Iran has never supplied arms to the Houthis," the ministry said.', "supply", "Iran", "Houthis", "denied",
     "ministry"),
    # -- a negated cessation affirms the activity
    ("Officials said Iran had not stopped shipping drones to Russia.", "transfer", "Iran", "Russia", "attributed",
     "officials"),
    ("Tehran never stopped sending fuel to Damascus, analysts say.", "transfer", "Tehran", "Damascus",
     "attributed", "analysts"),
    # -- a withheld denial leaves the claim open
    ("The ministry would neither confirm nor deny that Belarus shipped fuel to Cuba.", "transfer", "Belarus",
     "Cuba", "hedged", "ministry"),
    ("Minsk declined to deny reports that it sold rifles to Caracas.", "transfer", "Belarus", "Caracas", "hedged",
     "Minsk"),
    # -- anaphora: a description or pronoun stands for the latest actor of its kind named before
    ("Officials met Hamas in Doha. The group received rockets from Iran.", "transfer", "Iran", "Hamas",
     "asserted", None),
    ("Police boarded the MV Ocean Pearl on Monday. The vessel was carrying rifles to Yemen.", "transfer",
     "Ocean Pearl", "Yemen", "asserted", None),
    ("Eritrea has long been isolated. The country has supplied rifles to Sudan, diplomats said.", "supply",
     "Eritrea", "Sudan", "attributed", "diplomats"),
    # an epithet does not say which one ("the reclusive state", "the rogue regime", "the mercenary group")
    ("Eritrea held elections in May. The reclusive state later supplied rifles to Sudan.", "supply", "Eritrea",
     "Sudan", "asserted", None),
    ("Observers met Hamas in Doha. Cairo says Tehran shipped rockets to the militant group.", "transfer", "Tehran",
     "Hamas", "attributed", "Cairo"),
    ("Belarus sold jets to Chile in 2019. In 2021 the rogue regime also sold tanks to Peru.", "transfer",
     "Belarus", "Peru", "asserted", None),
    # a nationality word on a state noun names the state the bare noun refers back to
    ("The Malian government hired new advisers in May. Minsk shipped key parts to the regime.", "transfer",
     "Minsk", "Mali", "asserted", None),
    ("The Cuban regime faces shortages. Caracas shipped large amounts of fuel to the country.", "transfer",
     "Caracas", "Cuba", "asserted", None),
    # a pronoun source names the latest person before its sentence
    ("Minister Ivan Petrov visited Caracas on Monday. He said Moscow would ship wheat to Venezuela.", "transfer",
     "Moscow", "Venezuela", "attributed", "Petrov"),
    ('General Maria Lopez spoke in Lima. "Chile sold rifles to Bolivia last year," she told reporters.',
     "transfer", "Chile", "Bolivia", "attributed", "Lopez"),
    pytest.param("Minsk said on Friday it has never had any fuel dealings with Caracas, state media reported.",
                 "trade", "Belarus", "Caracas", "denied", "Minsk", id="said-it-never"),
    # -- a speaker closing the sentence, read off the word order when the parse loses it
    ("Belarus sold rifles to Mali, a European diplomat, citing a confidential report, told Reuters.", "transfer",
     "Belarus", "Mali", "attributed", "diplomat"),
    ("Chile sold jets to Peru, a defence official told reporters on Friday.", "transfer", "Chile", "Peru",
     "attributed", "official"),
    ("Cuba shipped sugar to Angola last year, the state news agency Prensa Latina reported on Monday.", "transfer",
     "Cuba", "Angola", "attributed", "Prensa Latina"),
    ("The boat had a history of carrying rifles from Eritrea to Somalia, said the official, who asked not to be "
     "named.", "transfer", "Eritrea", None, "attributed", "official"),
    # -- a quotation over several sentences is the speaker's whole (straight or typographic marks)
    ('"Chile sold jets to Peru last year. We have the papers," the minister told reporters.', "transfer", "Chile",
     "Peru", "attributed", "minister"),
    ("“It is clear that Chile keeps shipping rifles to Peru. This is another sign of its disregard for the "
     "embargo,” said General Ana Ruiz.", "transfer", "Chile", "Peru", "attributed", "Ruiz"),
    # -- the speaker phrase keeps a name given beside a title
    ("Kenya's president, Daniel Moi, accused Uganda of sending troops to Sudan.", "deploy", "Uganda", "Sudan",
     "attributed", "Moi"),
    ("UN Special Envoy for Yemen Hans Lind condemned the Houthis on Friday.", "condemn", None, "Houthis",
     "attributed", "Lind"),
    ("LIMA, PERU - Peru's president has warned Chile against new arms sales to Bolivia.", "warn", None, "Chile",
     "attributed", "president"),
    # -- a denial still denies beside what is not one
    ("Beijing rejected the accusation that it supplied drones to Moscow.", "supply", "China", "Moscow", "denied",
     "Beijing"),
    ("Syria has admitted to buying a few drones from Iran, but has denied buying drones from Iran for use against "
     "Israel.", "transfer", "Iran", "Syria", "denied", "Syria"),
    ("Ankara has not confirmed that it delivered drones to Kyiv.", "transfer", None, "Kyiv", "hedged", None),
    # -- a speaker the parser joins to a participle opener's object ("Speaking to X, Name, ..., said"): the
    # repair rule for it was shaped by one dev sentence and is gone; the reading waits for a better parse
    pytest.param("Speaking to Interfax, Ivan Petrov, a member of the Duma's defence committee, said the jets that "
                 "Egypt has ordered from France will arrive in May.", "transfer", "France", "Egypt", "attributed",
                 "Petrov", marks=OPENER),
    pytest.param("Speaking to Tasnim, Ali Rezaei, a member of the Iranian parliament's energy commission, said the "
                 "tankers that Venezuela bought from Iran will sail in June.", "transfer", "Iran", "Venezuela",
                 "attributed", "Rezaei", marks=OPENER),
    # -- a clause closed by a colon before the cue labels the paragraph; it is not the content
    ("Why it matters: Ana Ruiz said the navy believes Chile has sent troops to Bolivia.", "deploy", "Chile",
     "Bolivia", "attributed", "navy"),
    ("Bottom line: the minister said Chile had sold jets to Peru.", "transfer", "Chile", "Peru", "attributed",
     "minister"),
    # -- an accusation covers the purpose inside its "of" clause
    ("The ministry accused Minsk of secretly sending fuel to aid Moscow.", "support", "Minsk", "Moscow",
     "attributed", "ministry"),
    # -- a claim conceded against a party's denial ("despite denials by X") is denied by X
    ("Iran has shipped drones to Russia, despite Tehran's denials.", "transfer", "Iran", "Russia", "denied",
     "Tehran"),
    ("Washington says Iran armed the Houthis, despite repeated denials from Iran.", "supply", "Iran", "Houthis",
     "denied", "Iran"),
    ("The report came after accusations that Chile had shipped rifles to Peru, despite denials by Chilean "
     "President Ana Ruiz's government.", "transfer", "Chile", "Peru", "denied", "Ruiz"),
    # -- reporting frames wrap the content; the chain keeps the speakers
    ("According to the UN panel, Eritrea bought rifles from Sudan.", "transfer", "Sudan", "Eritrea", "attributed",
     "panel"),
    ("Russia supplied fuel to Syria, according to a confidential report.", "supply", "Russia", "Syria", "attributed",
     "report"),
    ("The Pentagon said Iran shipped drones to Russia.", "transfer", "Iran", "Russia", "attributed", "Pentagon"),
    ("Officials told reporters that Belarus sold trucks to Iran.", "transfer", "Belarus", "Iran", "attributed",
     "Officials"),
    ("Japan said China had exported missiles to Pakistan.", "transfer", "China", "Pakistan", "attributed", "Japan"),
    ("Germany announced that Russia delivered jets to Iran.", "transfer", "Russia", "Iran", "attributed", "Germany"),
    ("Lithuania's foreign minister said Belarus shipped potash to China.", "transfer", "Belarus", "China",
     "attributed", "minister"),
    ("The monitors reported that Libya received drones from Turkey.", "transfer", "Turkey", "Libya", "attributed",
     "monitors"),
    ("Diplomats say Eritrea sent troops to Ethiopia.", "deploy", "Eritrea", "Ethiopia", "attributed",
     "Diplomats"),
    ("Ukraine's president said Iran had supplied drones to Russia.", "supply", "Iran", "Russia", "attributed",
     "president"),
    ("An unnamed member state told the panel that Syria bought coal from North Korea.", "transfer", "North Korea",
     "Syria", "attributed", "member state"),
    # -- hedges: a modal or uncertainty cue bears on the proposition
    ("Iran reportedly shipped drones to Russia.", "transfer", "Iran", "Russia", "hedged", None),
    ("Serbia allegedly sold rockets to Azerbaijan.", "transfer", "Serbia", "Azerbaijan", "hedged", None),
    ("China may supply weapons to Russia.", "supply", "China", "Russia", "hedged", None),
    ("Belarus might send troops to Ukraine.", "deploy", "Belarus", "Ukraine", "hedged", None),
    ("Syria could receive fuel from Iran.", "transfer", "Iran", "Syria", "hedged", None),
    ("Officials said Iran may have shipped missiles to Yemen.", "transfer", "Iran", "Yemen", "hedged", "Officials"),
    ("Sudan apparently bought drones from Iran.", "transfer", "Iran", "Sudan", "hedged", None),
    ("Russia is believed to have sent jets to Iran.", "transfer", "Russia", "Iran", "hedged", None),
    ("Myanmar possibly received missiles from North Korea.", "transfer", "North Korea", "Myanmar", "hedged", None),
    ("Iran likely smuggled weapons to the Houthis.", "transfer", "Iran", "Houthis", "hedged", None),
    # -- belief and assertion verbs with a named holder are the holder's word, not a hedge
    ("US officials believe Iran shipped drones to Russia.", "transfer", "Iran", "Russia", "attributed", "officials"),
    ("Kyiv claims Minsk sent fuel to Moscow.", "transfer", "Minsk", "Moscow", "attributed", "Kyiv"),
    ("Prosecutors allege that the company shipped chips to Iran.", "transfer", None, "Iran", "attributed", "Prosecutors"),
    ("Iran is believed to have shipped drones to Russia.", "transfer", "Iran", "Russia", "hedged", None),
    ("Analysts suspect Belarus sent fuel to Russia.", "transfer", "Belarus", "Russia", "hedged", "Analysts"),
    # -- assessment verbs read like "believe": the holder's word when named, a hedge when not
    ("We assess that Iran shipped drones to Russia.", "transfer", "Iran", "Russia", "attributed", "we"),
    ("The agency assesses that Belarus sent fuel to Syria.", "transfer", "Belarus", "Syria", "attributed",
     "agency"),
    ("Western officials assess that Serbia sold shells to Armenia.", "transfer", "Serbia", "Armenia",
     "attributed", "officials"),
    ("It is assessed that Cuba sent tanks to Angola.", "transfer", "Cuba", "Angola", "hedged", None),
    ("The agency judges that Iran shipped drones to Russia.", "transfer", "Iran", "Russia", "attributed", "agency"),
    ("Analysts judged that Chile had sold jets to Peru.", "transfer", "Chile", "Peru", "attributed", "Analysts"),
    ("It is judged that Ghana smuggled gold to Togo.", "transfer", "Ghana", "Togo", "hedged", None),
    ("Laos is judged to have sold timber to Vietnam.", "transfer", "Laos", "Vietnam", "hedged", None),
    # ... "judge" the noun is a speaker, no assessment
    ("The judge said Chile sold jets to Peru.", "transfer", "Chile", "Peru", "attributed", "judge"),
    ("A panel of judges found that Cuba sent tanks to Angola.", "transfer", "Cuba", "Angola", "attributed", "panel"),
    # -- grounds for a belief: held by whoever has them, a hedge when nobody does
    ("The panel has reason to believe that Chile sold jets to Peru.", "transfer", "Chile", "Peru", "attributed",
     "panel"),
    ("We have reason to believe that Cuba sent tanks to Angola.", "transfer", "Cuba", "Angola", "attributed",
     "we"),
    ("There is reason to believe that Iran shipped missiles to Yemen.", "transfer", "Iran", "Yemen", "hedged",
     None),
    ("There are grounds to believe that Algeria smuggled weapons to Mali.", "transfer", "Algeria", "Mali",
     "hedged", None),
    # grounds given to someone are theirs (the dative of "give"); a sentence adverb changes nothing
    ("The inquiry gave the ministry good grounds to believe that Chile sold rifles to Bolivia.", "transfer", "Chile",
     "Bolivia", "attributed", "ministry"),
    ("In fact we have reason to believe that Serbia sold shells to Armenia.", "transfer", "Serbia", "Armenia",
     "attributed", "we"),
    # -- a belief verb that raises its object: the object and its infinitive are what is held
    ("Investigators believe Belarus to have sold rifles to Mali.", "transfer", "Belarus", "Mali", "attributed",
     "Investigators"),
    ("Analysts suspect the tanker to have breached UN sanctions.", "violate", "tanker", None, "hedged", "Analysts"),
    # ... also when the parser hangs the infinitive on the object (a vessel's name with a number)
    ("Spanish authorities suspect the Aurora 3 to have broken the arms embargo on Libya.", "violate", "Aurora", None,
     "hedged", "Spanish authorities"),
    ("Cypriot authorities suspect the Aurora 3 to have evaded United Nations sanctions.", "violate", "Aurora", None,
     "hedged", "Cypriot authorities"),
    ("Spanish authorities suspect the Aurora 3 to have broken Libya's arms embargo.", "violate", "Aurora", None,
     "hedged", "authorities"),
    ("The ministry considers Serbia to have shipped shells to Armenia.", "transfer", "Serbia", "Armenia",
     "attributed", "ministry"),
    # -- a quotation that runs over paragraphs (each reopens, only the last closes) is its speaker's
    ("Peru's defence minister, Ana Ruiz, spoke on Friday.\n\nShe said: \"Our navy stopped a freighter at dawn.\n\n"
     "\"Chile sold the rifles to Bolivia in May.\"", "transfer", "Chile", "Bolivia", "attributed", "minister"),
    ("The envoy told reporters: \u201cThe talks went well.\n\n\u201cCuba shipped sugar to Angola last year.\n\n"
     "\u201cThat trade will go on.\u201d", "transfer", "Cuba", "Angola", "attributed", "envoy"),
    # -- a quoted sentence with no cue of its own is the words of the speaker named last in its paragraph
    ("\"The talks went well,\" the envoy said. \"Chile sold rifles to Bolivia in May.\"", "transfer", "Chile",
     "Bolivia", "attributed", "envoy"),
    ("The minister said the talks had failed. \"Cuba shipped sugar to Angola last year.\"", "transfer", "Cuba",
     "Angola", "attributed", "minister"),
    ("''We were warned,'' the admiral said. ''Peru sold jets to Ecuador in 2019.''", "transfer", "Peru", "Ecuador",
     "attributed", "admiral"),
    # -- a denier speaks for the principal of its office, not for the host after "to"/"in"
    ("Peru's embassy in Chile said Peru had never sold rifles to Bolivia.", "transfer", "Peru", "Bolivia", "denied",
     "embassy"),
    ("Minsk rejected Kyiv's accusation that it shipped fuel to Moscow.", "transfer", "Belarus", "Moscow", "denied",
     "Minsk"),
    # -- an inverted speaker closes the sentence, with or without a time after it
    ("Chile sold jets to Peru, said Lopez on Monday.", "transfer", "Chile", "Peru", "attributed", "Lopez"),
    # -- evidential findings: the finder is the source; "no evidence" is the finder's denial
    ("Investigators found evidence that Serbia sold mortars to Armenia.", "transfer", "Serbia", "Armenia",
     "attributed", "Investigators"),
    ("The inspectors uncovered proof that Egypt shipped grain to Lebanon.", "transfer", "Egypt", "Lebanon",
     "attributed", "inspectors"),
    ("Auditors saw signs that Belarus sold rifles to Mali.", "transfer", "Belarus", "Mali", "attributed",
     "Auditors"),
    ("Officials found no evidence that Iran shipped drones to Russia.", "transfer", "Iran", "Russia", "denied",
     "Officials"),
    # -- an outlet that reports is a source
    ("A news outlet reported that Belarus sold rifles to Mali.", "transfer", "Belarus", "Mali", "attributed",
     "outlet"),
    ("Iran shipped drones to Russia, a news outlet reported.", "transfer", "Iran", "Russia", "attributed",
     "outlet"),
    ("According to a report by a local newspaper, Egypt shipped grain to Lebanon.", "transfer", "Egypt",
     "Lebanon", "attributed", "newspaper"),
    # -- the findings of an investigating body: identified, concluded, determined that
    ("The experts identified that Cuba sent tanks to Angola.", "transfer", "Cuba", "Angola", "attributed",
     "experts"),
    ("Investigators concluded that Serbia sold mortars to Armenia.", "transfer", "Serbia", "Armenia",
     "attributed", "Investigators"),
    ("The panel determined that Chile sold jets to Peru.", "transfer", "Chile", "Peru", "attributed", "panel"),
    ("Chile sold jets to Peru, the inquiry determined.", "transfer", "Chile", "Peru", "attributed", "inquiry"),
    # -- a verb coordinated with a denial is its own act
    ("Caracas denied the report and condemned Bogota.", "condemn", "Caracas", "Bogota", "attributed",
     "Caracas"),
    ("Paris accused Ankara of making a sale of drones to Tripoli.", "transfer", "Ankara", "Tripoli",
     "attributed", "Paris"),
    # -- speech acts are the speaker's word
    ("Canada warned Cuba over its ties with Moscow.", "warn", "Canada", "Cuba", "attributed",
     "Canada"),
    ("Tokyo warned Pyongyang against further tests.", "warn", "Tokyo", "Pyongyang", "attributed", "Tokyo"),
    ("Chile condemned Peru for the seizure.", "condemn", "Chile", "Peru", "attributed", "Chile"),
    ("China criticized the United States over the sanctions.", "condemn", "China", "United States", "attributed",
     "China"),
    ("Turkey denounced Greece after the incident.", "condemn", "Turkey", "Greece", "attributed", "Turkey"),
    ("Russia threatened Moldova with an energy cut.", "threaten", "Russia", "Moldova", "asserted", None),
    # -- an actor announcing its own act is the agent, asserted
    ("The European Union announced new sanctions against Belarus.", "sanction", "European Union", "Belarus",
     "asserted", None),
    ("Canada announced sanctions on Iran.", "sanction", "Canada", "Iran", "asserted", None),
    ("Britain imposed sanctions on Russia.", "sanction", "Britain", "Russia", "asserted", None),
    ("Japan unveiled sanctions against North Korea.", "sanction", "Japan", "North Korea", "asserted", None),
    ("Australia announced sanctions against Myanmar on Monday.", "sanction", "Australia", "Myanmar", "asserted",
     None),
    # -- sanction, designate
    ("The Treasury sanctioned three Iranian firms.", "sanction", "Treasury", None, "asserted", None),
    ("The United States designated the Velmora Liberation Front.", "sanction", "United States", "Velmora", "asserted", None),
    ("Switzerland sanctioned Belarus.", "sanction", "Switzerland", "Belarus", "asserted", None),
    ("The EU blacklisted Wagner.", "sanction", "EU", "Wagner", "asserted", None),
    ("Norway has sanctioned Russia, officials said.", "sanction", "Norway", "Russia", "attributed", "officials"),
    ("Washington sanctioned Chinese companies that supply Russia.", "supply", "Chinese", "Russia", "asserted",
     None),
    # -- seizures
    ("Venezuela seized a Guyanese trawler.", "seize", "Venezuela", None, "asserted", None),
    ("The Indian Navy seized a trawler carrying heroin.", "seize", "Navy", None, "asserted", None),
    ("Panama detained the freighter in 2020.", "seize", "Panama", None, "asserted", None),
    ("Malta impounded the tanker, officials said.", "seize", "Malta", None, "attributed", "officials"),
    ("Greek authorities confiscated the cargo.", "seize", "Greek", None, "asserted", None),
    ("Dutch marines boarded the freighter off Aruba.", "seize", "Dutch", None, "asserted", None),
    ("The tanker was seized by Iran.", "seize", "Iran", None, "asserted", None),
    # -- attacks, tests, deployments
    ("The Houthis attacked Saudi Arabia.", "attack", "Houthis", "Saudi Arabia", "asserted", None),
    ("Israel struck Syria overnight, the ministry said.", "attack", "Israel", "Syria", "attributed", "ministry"),
    # (lexicon7) killing a named person, shooting down, and the nouns of a military push into a place
    ("Chile assassinated a Peruvian general in Bolivia.", "attack", "Chile", "general", "asserted", None),
    ("Agents of Iran tried to assassinate a Saudi diplomat.", "attack", "Iran", "diplomat", "asserted", None),
    ("Brazil condemned the assassination of a Uruguayan envoy by Paraguay.", "attack", "Paraguay", "envoy",
     "asserted", None),
    ("Iran shot down an American drone over the Gulf.", "attack", "Iran", None, "asserted", None),
    ("Rebels from Sudan kept shooting at Chadian border posts.", "attack", "Sudan", None, "asserted", None),
    ("The Ukrainian airliner was shot down by Iran.", "attack", "Iran", None, "asserted", None),
    ("Turkey launched an incursion into Syria in October.", "attack", "Turkey", "Syria", "asserted", None),
    ("Russia's incursion into Georgia drew sanctions from the EU.", "attack", "Russia", "Georgia", "asserted",
     None),
    ("Serbia's siege of Sarajevo lasted years.", "attack", "Serbia", "Sarajevo", "asserted", None),
    ("Turkey shot down a Russian jet.", "attack", "Turkey", "Russia", "asserted", None),
    ("North Korea shot off two more missiles toward Japan.", "test", "North Korea", None, "asserted", None),
    ("Russia bombed Ukraine again.", "attack", "Russia", "Ukraine", "asserted", None),
    ("Iran attacked the base, Washington said.", "attack", "Iran", None, "attributed", "Washington"),
    ("Pakistan test-fired two cruise missiles.", "test", "Pakistan", None, "asserted", None),
    ("Chile test-launched a new rocket on Sunday.", "test", "Chile", None, "asserted", None),
    # -- text as web pages deliver it (extract/segment.py): a dateline, a lost line break, an aside
    ("HARBOR CITY – Serbia sold mortars to Armenia in March, officials said.", "transfer", "Serbia", "Armenia",
     "attributed", "officials"),
    ("PORT LEON, Chile (AP) — Peru has bought two frigates from Spain.", "transfer", "Spain", "Peru", "asserted",
     None),
    ("Inspectors left the portThe ministry said Algeria smuggled rifles to Mali.", "transfer", "Algeria", "Mali",
     "attributed", "ministry"),
    ("Egypt shipped grain – most of it from the spring harvest – to Lebanon.", "transfer", "Egypt", "Lebanon",
     "asserted", None),
    ("Ghana supplied boats—including two patrol craft—to Togo.", "supply", "Ghana", "Togo", "asserted", None),
    ("Pyongyang launched a ballistic missile on Sunday.", "test", "Pyongyang", None, "asserted", None),
    ("Iran tested a new rocket, state media said.", "test", "Iran", None, "attributed", "media"),
    ("Rwanda has deployed soldiers to Mozambique.", "deploy", "Rwanda", "Mozambique", "asserted", None),
    ("Russia deployed troops to Belarus.", "deploy", "Russia", "Belarus", "asserted", None),
    ("Chad dispatched soldiers to Niger.", "deploy", "Chad", "Niger", "asserted", None),
    # -- cooperation, meetings
    ("Iran and North Korea resumed cooperation.", "cooperate", "Iran", "North Korea", "asserted", None),
    ("Russia cooperates with Iran on drones.", "cooperate", "Russia", "Iran", "asserted", None),
    ("Venezuela and Cuba signed a partnership.", "cooperate", "Venezuela", "Cuba", "asserted", None),
    ("Putin met Kim in Vladivostok.", "meet", "Putin", "Kim", "asserted", None),
    ("Lukashenko visited China last week.", "meet", "Lukashenko", "China", "asserted", None),
    # -- violations: "in violation of" is done by the clause's doer
    ("Pyongyang exported seafood to Vietnam in violation of UN sanctions.", "violate", "Pyongyang", None,
     "asserted", None),
    ("Belarus shipped potash to Lithuania in breach of EU sanctions.", "violate", "Belarus", None, "asserted", None),
    ("Chad violated the arms embargo, the experts said.", "violate", "Chad", None, "attributed", "experts"),
    ("North Korea breached UN resolutions.", "violate", "North Korea", "UN", "asserted", None),
    ("Eritrea evaded sanctions for years.", "violate", "Eritrea", None, "asserted", None),
    # -- support and funding
    ("Iran funds Hezbollah.", "fund", "Iran", "Hezbollah", "asserted", None),
    ("Qatar financed the militia, the report said.", "fund", "Qatar", None, "attributed", "report"),
    ("Egypt backs Haftar.", "support", "Egypt", "Haftar", "asserted", None),
    ("Turkey trained Libyan forces.", "support", "Turkey", None, "asserted", None),
    ("Belarus helped Russia evade sanctions.", "support", "Belarus", "Russia", "asserted", None),
    # -- coordination: one claim per conjunct
    ("Iran sold drones to Russia and Venezuela.", "transfer", "Iran", "Venezuela", "asserted", None),
    ("Serbia and Bulgaria shipped shells to Ukraine.", "transfer", "Bulgaria", "Ukraine", "asserted", None),
    # -- appositions name the party
    ("Iran supplied oil to Syria, a close ally.", "supply", "Iran", "Syria", "asserted", None),
    ("Iran delivered drones to Syria's Republican Guard.", "transfer", "Iran", "Republican Guard", "asserted",
     None),
    # -- stance on goods and carriers
    ("Coast guards seized a Liberian tanker suspected of carrying fuel to Yemen.", "transfer", "Liberia", "Yemen",
     "hedged", None),
    ("Police stopped a truck believed to be smuggling cigarettes from Belarus to Poland.", "transfer", "Belarus",
     "Poland", "hedged", None),
    ("The vessel carried crude oil from Venezuela to Cuba.", "transfer", "Venezuela", "Cuba", "asserted", None),
    ("Russia fired missiles into Ukraine overnight.", "attack", "Russia", "Ukraine", "asserted", None),
    ("Hackers from North Korea stole millions from a bank in Bangladesh.", "steal", "North Korea", None, "asserted",
     None),
    # -- typographic apostrophes and quotes read as ASCII ones
    ("The Democratic People’s Republic of Korea shipped coal to Vietnam.", "transfer", "Korea", "Vietnam",
     "asserted", None),
    ("Iran’s navy seized a tanker.", "seize", "Iran", None, "asserted", None),
    ("“Iran shipped drones to Russia,” the minister said.", "transfer", "Iran", "Russia", "attributed", "minister"),
    ("Russia’s army attacked Ukraine’s ports.", "attack", "Russia", "Ukraine", "asserted", None),
    ("China’s sale of drones to Iran was confirmed.", "transfer", "China", "Iran", "asserted", None),
    # -- the recipient: a noun dative, an anaphor after "to", a "to" stranded in the goods' relative clause
    ("Belarus sent Sudan two hundred rifles.", "transfer", "Belarus", "Sudan", "asserted", None),
    ("Officials say Armenia will send Georgia more mortars.", "transfer", "Armenia", "Georgia", "attributed",
     "officials"),
    ("Eritrea has been shipping parts that can be used to build drones to the Sudanese army, a report says.",
     "transfer", "Eritrea", "Sudan", "attributed", "report"),
    ("Mali received rifles last year. Inspectors found that Algeria had shipped key parts to the country.",
     "transfer", "Algeria", "Mali", "attributed", "Inspectors"),
    ("Hezbollah has close ties to Syria, which has provided them with rifles and fuel.", "transfer", "Syria",
     "Hezbollah", "asserted", None),
    # -- goods of a named origin, moved by a participle; origins behind quantity nouns and makers' names
    ("Inspectors found evidence of Serbian shells shipped to the Armenian army.", "transfer", "Serbia", "Armenia",
     "attributed", "Inspectors"),
    ("Peru has ordered a batch of patrol boats from South Korea.", "transfer", "South Korea", "Peru", "asserted",
     None),
    ("Bolivia will receive a number of Russian Mil helicopters by May.", "transfer", "Russian", "Bolivia",
     "asserted", None),
    ("Venezuela's tanker arrived in Cuba on Friday.", "transfer", "Venezuela", "Cuba", "asserted", None),
    ("Eritrean arms smuggling into Sudan breaches the embargo.", "transfer", "Eritrea", "Sudan", "asserted", None),
    # -- agent nouns: the noun is the doer, its "of" / "to" / modifier the other party
    ("Zorin Holdings, a financier of Hamas, was blacklisted in May.", "fund", "Zorin Holdings", "Hamas",
     "asserted", None),
    ("Belarus is a major supplier of rifles to Sudan.", "supply", "Belarus", "Sudan", "asserted", None),
    ("Qatar, another Hamas backer, hosted the talks.", "support", "Qatar", "Hamas", "asserted", None),
    ("Serbia is the main arms seller to Armenia, diplomats say.", "transfer", "Serbia", "Armenia", "attributed",
     "diplomats"),
    # -- an apposition stands for the name it describes, also through a relative clause on it
    ("Sanctions hit the network of Omar Tarek, a trader in Dubai who was designated by Canada in 2020.",
     "sanction", "Canada", "Omar Tarek", "asserted", None),
    # -- violations: measure-breaking verbs, a doer behind an event noun, a copular "is a violation of"
    ("Inspectors suspect the Blue Heron to have broken European Union sanctions.", "violate", "Blue Heron",
     "European Union", "hedged", "Inspectors"),
    ("Chad skirted UN sanctions in 2019, the panel said.", "violate", "Chad", "UN", "attributed", "panel"),
    ("Analysts say Belarus's fuel delivery is a clear violation of European Union sanctions.", "violate", "Belarus",
     "European Union", "attributed", "Analysts"),
    ("Eritrea's arms smuggling violates UN Security Council resolutions.", "violate", "Eritrea",
     "UN Security Council", "asserted", None),
    # -- goods go to the state where a site is; a carrier's goods of a named origin come from that state
    ("Officials believe the ship was carrying Turkish diesel to the Zawiya refinery in Libya.", "transfer",
     "Turk", "Libya", "attributed", "Officials"),
    ("The barge carried coal to the Haiphong terminal in Vietnam.", "transfer", None, "Vietnam", "asserted", None),
    ("Inspectors say the vessel was carrying Syrian phosphate to the port of Varna, Bulgaria.", "transfer", "Syria",
     "Bulgaria", "attributed", "Inspectors"),
    # -- an infinitive on a plain noun, or after "ready"/"willing", is done by who has the noun or the quality
    ("Egypt has completed a deal to purchase French Rafale jets, state media reported.", "transfer", "French",
     "Egypt", "attributed", "media"),
    ("Peru signed a contract to buy frigates from Spain.", "transfer", "Spain", "Peru", "asserted", None),
    ("Egypt has finalized a deal with France to purchase jets, officials said.", "transfer", "France", "Egypt",
     "attributed", "officials"),
    ('"Ankara is ready to deliver the drones to Baku," the envoy said.', "transfer", "Ankara", "Baku", "attributed",
     "envoy"),
    ("Belarus says it is willing to sell tractors to Cuba.", "transfer", "Belarus", "Cuba", "attributed", "Belarus"),
    ("Chad has resorted to a web of front companies to evade UN sanctions.", "violate", "Chad", "UN", "asserted",
     None),
    # -- interdicted goods: an origin and a destination written as predicates of the goods
    ("The coast guard seized rifles it said were of Bulgarian origin and destined for rebels in Sudan.",
     "transfer", "Bulgaria", "Sudan", "attributed", "it"),
    # (a destination "judged to be" so, by nobody named, is an assessment: hedged, as "believed to be")
    ('"The shells were found to be of Serbian manufacture and judged to be bound for Armenia," the navy said.',
     "transfer", "Serb", "Armenia", "hedged", "navy"),
    ("Sailors found a cache of Eritrean-made mortars that officials say were intended for delivery to Hamas.",
     "transfer", "Eritrea", "Hamas", "attributed", "officials"),
    ("The dhow was sailing from Pakistan bound for Somalia.", "transfer", "Pakistan", "Somalia", "asserted", None),
    # -- a state's personnel serving in another state are its deployment there
    ("Cuban military advisers were seen working at air bases in Venezuela, the report said.", "deploy", "Cuba",
     "Venezuela", "attributed", "report"),
    ("Turkish instructors in Somalia train the coast guard.", "deploy", "Turk", "Somalia", "asserted", None),
    ("Officials say Belarusian engineers have been spotted at Syrian missile sites.", "deploy", "Belarus", "Syria",
     "attributed", "Officials"),
    # -- "with the help of X": X supports the clause's subject; "in a move criticised by X": X criticises its doer
    ("Chad expanded its gold exports through the quiet help of Sudan, the panel said.", "support", "Sudan", "Chad",
     "attributed", "panel"),
    ("Serbia rebuilt its air force with the assistance of Russia.", "support", "Russia", "Serbia", "asserted", None),
    ("Belarus is selling tractors to Cuba in a move condemned by Washington.", "condemn", "Washington", "Belarus",
     "attributed", "Washington"),
    ("Minsk shipped fuel to Caracas, in a step criticised by the European Union.", "condemn", "European Union",
     "Minsk", "attributed", "European Union"),
    ("Eritrea sent parts to build drones to Sudan, diplomats said.", "transfer", "Eritrea", "Sudan", "attributed",
     "diplomats"),
    # -- who claims responsibility for an event did it; what an attack hit is its target
    ("Al-Shabaab claimed responsibility for an attack that killed three Kenyan soldiers.", "attack", "Shabaab",
     "Kenya", "attributed", "Shabaab"),
    ("The Taliban took responsibility for the bombing of a Pakistani convoy.", "attack", "Taliban", None,
     "asserted", None),
    # -- stopping or holding a ship is a seizure; a ship bound somewhere with goods of a named origin carries them
    ("The Italian navy stopped a freighter off Crete on Monday.", "seize", "Ital", None, "asserted", None),
    ("Egypt held the tanker for two weeks.", "seize", "Egypt", None, "asserted", None),
    ("The coast guard stopped a dhow believed to be bound for Somalia loaded with Yemeni-made rifles.", "transfer",
     "Yemen", "Somalia", "hedged", None),
    # -- a speech act inside another report is its speaker's word; a description is not hedged by its clause
    ("Belarus is selling tractors to Cuba in a move condemned by Brazil, according to diplomats.", "condemn",
     "Brazil", "Belarus", "attributed", "Brazil"),
    ("The network, allegedly run by Omar Tarek, a financier of Hamas, moved the money.", "fund", "Omar Tarek",
     "Hamas", "asserted", None),
    # -- people sent are a deployment; the means of an act one is accused of is accused too
    ("Chad sent 300 soldiers to Niger in May.", "deploy", "Chad", "Niger", "asserted", None),
    ("A UN report accused Chad of violating the embargo by sending 500 Chadian troops to Libya.", "deploy", "Chad",
     "Libya", "attributed", "report"),
    # -- a datelined story: the dateline is where it was filed, not who acts
    ("MANILA -- Vietnam sanctioned three shipping firms on Monday.", "sanction", "Vietnam", None, "asserted", None),
    ("KABUL - Uzbekistan sold fuel to Afghanistan.", "transfer", "Uzbekistan", "Afghanistan", "asserted", None),
    # -- a denial of "the reports" carries the events reported just before, denied by the denier
    ("The White House said Belarus shipped rifles to Sudan last month. Belarus denied the reports.", "transfer",
     "Belarus", "Sudan", "denied", "Belarus"),
    ("Diplomats say Armenia bought shells from Serbia. Serbia has rejected the allegations.", "transfer", "Serbia",
     "Armenia", "denied", "Serbia"),
    ("Kyiv said Minsk supplied fuel to Moscow. The company's owner, Ivan Petrov, dismissed the talk as gossip.",
     "supply", "Minsk", "Moscow", "denied", "owner"),
    # -- a fear of an event ("is worried that", "concerned that") hedges it, as "fears" does
    ("Washington is worried that Pyongyang is planning to send shells to Moscow, the spokesman said.", "transfer",
     "Pyongyang", "Moscow", "hedged", "spokesman"),
    ("The ministry said it was worried about Tehran sending more drones to Moscow.", "transfer", "Tehran",
     "Moscow", "hedged", "ministry"),
    ("Officials are concerned that Cuba sent fuel to Syria.", "transfer", "Cuba", "Syria", "hedged", None),
    # -- a report by a body named after its topic is still denied
    ("Minsk rejected a report by the department of trade affairs that Belarus shipped fuel to Venezuela.",
     "transfer", "Belarus", "Venezuela", "denied", "Minsk"),
    # -- a body's portfolio ("department of Chilean affairs") is its topic: the body's state denies
    ("A spokesman for Peru's department of Chilean affairs denied that Peru sold rifles to Bolivia.", "deny",
     "Peru", None, "denied", None),
    ("The head of the Russian foreign ministry's department of North American affairs denied that Russia "
     "shipped fuel to Cuba.", "deny", "Russia", None, "denied", None),
    # -- a cue's "that"-clause after an adverbial with its own modifier is still what is said
    ("The ministry said in a statement carried by state media that Chile had shipped fuel to Cuba.", "transfer",
     "Chile", "Cuba", "attributed", "ministry"),
    ("The envoy said in an interview published on Monday that Peru had sold rifles to Bolivia.", "transfer", "Peru",
     "Bolivia", "attributed", "envoy"),
    ("Officials said in a letter sent to the council that Cuba had sent tanks to Angola.", "transfer", "Cuba",
     "Angola", "attributed", "Officials"),
    # -- a clause of time or cause is taken as given: the main clause's modal or negation stays there
    ("Peru did not protest after Chile sold jets to Bolivia.", "transfer", "Chile", "Bolivia", "asserted", None),
    ("Peru may impose sanctions because Chile sold jets to Bolivia.", "transfer", "Chile", "Bolivia", "asserted",
     None),
    ("Washington could sanction Lima after Peru shipped fuel to Cuba, officials said.", "transfer", "Peru", "Cuba",
     "attributed", "officials"),
    ("Peru might retaliate if Chile sells jets to Bolivia.", "transfer", "Chile", "Bolivia", "hedged", None),
    # -- an uncertain predicate adjective or an open question over the clause hedges it
    ("It is unclear whether Chile sold jets to Peru.", "transfer", "Chile", "Peru", "hedged", None),
    ("Officials are investigating whether Cuba shipped fuel to Syria.", "transfer", "Cuba", "Syria", "hedged", None),
    ("It was likely that Chile sold jets to Peru, the envoy said.", "transfer", "Chile", "Peru", "hedged", "envoy"),
    ("Inspectors asked if Belarus had shipped rifles to Sudan.", "transfer", "Belarus", "Sudan", "hedged", None),
    # -- a conjecture about the past ("would have") and a "potential" event are hedged; a reported future is not
    ("Chile would have sold jets to Peru if the deal had gone ahead, officials said.", "transfer", "Chile", "Peru",
     "hedged", "officials"),
    ("Officials discussed potential arms transfers from Chile to Peru.", "transfer", "Chile", "Peru", "hedged", None),
    ("Chile said it would sell jets to Peru.", "transfer", None, "Peru", "attributed", "Chile"),
    # -- a turn-down verb contradicts a proposition: something said, imputed, or with its own "that"-clause
    ("Chile rejected the view that it had shipped fuel to Cuba.", "transfer", None, "Cuba", "denied", "Chile"),
    ("Chile dismissed any involvement in the fuel shipments to Cuba.", "deny", "Chile", None, "denied", None),
    ("Chile rejected Peru's claims that it had shipped fuel to Cuba.", "transfer", None, "Cuba", "denied", "Chile"),
    ("Minsk dismissed it as propaganda.", "deny", "Minsk", None, "denied", None),
    ("Chile dismissed the evidence as fabricated.", "deny", "Chile", None, "denied", None),
    ("Lima dismissed the minister's remarks as absurd.", "deny", "Lima", None, "denied", None),
    # -- "quoted X as saying": the outlet relays the quoted person, the innermost speaker
    ("Chile shipped fuel to Cuba, state television quoted the minister as saying.", "transfer", "Chile", "Cuba",
     "attributed", "minister"),
    ("Interfax quoted a defence source as saying that Belarus sold rifles to Mali.", "transfer", "Belarus", "Mali",
     "attributed", "defence source"),
    ("Pakistan sold rifles to Nigeria, the general was quoted as saying.", "transfer", "Pakistan", "Nigeria",
     "attributed", "general"),
    ("Reuters cited a Western diplomat as saying that Cuba sent tanks to Angola.", "transfer", "Cuba", "Angola",
     "attributed", "diplomat"),
    ("The office of the Peruvian president denied that Peru had sold rifles to Bolivia.", "transfer", "Peru",
     "Bolivia", "denied", "president"),
    # -- "the statement" alone stands for the one issued a sentence or two before: its issuer heads the chain
    ("The Ruritanian navy issued a statement on Monday. The statement said Chile had shipped fuel to Cuba.",
     "transfer", "Chile", "Cuba", "attributed", "navy"),
    ("The panel published its annual report in March. The report said Belarus sold rifles to Mali.", "transfer",
     "Belarus", "Mali", "attributed", "panel"),
    ("The agency quoted Peru's foreign minister as denying that Peru had sold rifles to Bolivia.", "transfer", "Peru",
     "Bolivia", "denied", "foreign minister"),
    # -- the doer of an infinitive complement: the object when a verb asks or makes someone act, the
    #    noun of a passive participle ("a tanker used to carry"), the subject for promise and use
    ("Moscow persuaded Minsk to ship fuel to Caracas.", "transfer", "Minsk", "Caracas", "asserted", None),
    ("Algeria paid Belarus to ship trucks to Mali.", "transfer", "Belarus", "Mali", "asserted", None),
    ("Kenya used the trawler to carry rifles to Somalia.", "transfer", "Kenya", "Somalia", "asserted", None),
    ("Iran promised Syria to deliver the jets by May.", "transfer", "Iran", None, "attributed", "Iran"),
    # -- nominalisations of the frames' own verbs (invade: invasion, blacklist: blacklisting, ...)
    ("Russia's invasion of Ukraine began in 2022.", "attack", "Russia", "Ukraine", "asserted", None),
    ("The Treasury's blacklisting of Apex Shipping surprised traders.", "sanction", "Treasury", "Apex Shipping",
     "asserted", None),
    ("Putin's visit to Pyongyang lasted two days.", "meet", "Putin", "Pyongyang", "asserted", None),
    ("The transshipment of oil from Iran to Syria continued.", "transfer", "Iran", "Syria", "asserted", None),
    ("Belarus's circumvention of EU sanctions is well documented.", "violate", "Belarus", "EU", "asserted", None),
    ("Iran voiced its objection to the seizure of the tanker by Britain.", "condemn", "Iran", "Britain",
     "attributed", None),
    ("The coordination between Ghana and Togo improved.", "cooperate", "Ghana", "Togo", "asserted", None),
    ("Nigeria's sponsorship of the militia ended in 2019.", "support", "Nigeria", None, "asserted", None),
    # -- a "from" phrase after a list of goods is the whole list's
    ("Venezuela received tankers of gasoline, crates of parts, and more from Iran.", "transfer", "Iran",
     "Venezuela", "asserted", None),
    # -- light verbs of measures and acts, and dependence ("relies on X for funding": X gives)
    ("The EU placed sanctions on Belarus in June.", "sanction", "EU", "Belarus", "asserted", None),
    ("Washington put new sanctions on three Iranian banks.", "sanction", "Washington", "Iran", "asserted", None),
    ("The Houthis have been reliant on Iran for funding and weapons.", "fund", "Iran", "Houthis", "asserted",
     None),
    ("The militia's dependence on Qatar for support is well known.", "support", "Qatar", "militia", "asserted",
     None),
    # -- agreements as nouns: "a deal with X", "the arms deal between X and Y", "X's contract with Y"
    ("The arms deal between Serbia and Egypt was signed in May.", "agree", "Serbia", "Egypt", "asserted", None),
    ("Kenya's contract with Turkey covers six drones.", "agree", "Kenya", "Turkey", "asserted", None),
    ("Belarus and Venezuela concluded an agreement on fuel.", "agree", "Belarus", "Venezuela", "asserted", None),
    # -- a description said of a name by a copula stands for the name
    ("The Nordic Star is one of several tankers used to carry oil to Syria.", "transfer", "Nordic Star", "Syria",
     "asserted", None),
    ("Delta Trading is a front company that shipped engines to Syria.", "transfer", "Delta Trading", "Syria",
     "asserted", None),
    ("Omega Holdings, which is a shell firm that funds Hamas, was sanctioned.", "fund", "Omega Holdings", "Hamas",
     "asserted", None),
    # -- a denial or a report nested in a relay that closes the sentence keeps its own speaker,
    # whether or not the attribution tagger marks the inner cue (it learned one role per token)
    ("Tehran said it had never sent drones to Moscow, the official news agency reported.", "transfer", None,
     "Moscow", "denied", "Tehran"),
    ("Chile said Peru had sold rifles to Bolivia, the agency reported.", "transfer", "Peru", "Bolivia",
     "attributed", "Chile"),
    ("Kenya said on Monday it never shipped fuel to Somalia, local media reported.", "transfer", None,
     "Somalia", "denied", "Kenya"),
    ("Quito told reporters that Lima had bought drones from Caracas, a state newspaper reported on Sunday.",
     "transfer", "Caracas", "Lima", "attributed", "Quito"),
    # -- a denial of what a relative clause describes still denies (only a refused thing is refused)
    ("Peru reported that Chile sold rifles to Bolivia, which Chile has denied several times.", "deny", "Chile",
     None, "denied", "Chile"),
    # -- "a few" is somebody: their denial stands
    ("A few officials deny that Chile sold rifles to Peru.", "transfer", "Chile", "Peru", "denied", "officials"),
    ("Lima flatly denies that Quito bought drones from Caracas.", "transfer", "Caracas", "Quito", "denied", "Lima"),
    # -- "it is not known if": an open question, not a denial
    ("It is not known if Kenya shipped fuel to Somalia.", "transfer", "Kenya", "Somalia", "hedged", None),
    # -- agent nouns of the receiving end: the goods' origin, "from" or possessor gives
    ("Bolivia became the largest buyer of Chilean rifles.", "transfer", "Chile", "Bolivia", "asserted", None),
    ("Ecuador is a major importer of arms from Chile.", "transfer", "Chile", "Ecuador", "asserted", None),
    ("Chile's biggest customer, Peru, signed the deal.", "transfer", "Chile", "Peru", "asserted", None),
    ("Peru, the main customer of Bolivian gas, protested.", "transfer", "Bolivia", "Peru", "asserted", None),
    # -- a clause on a measure names who imposed it on whom
    ("Lima complained about the sanctions that Chile had imposed against Peru.", "sanction", "Chile", "Peru",
     "asserted", None),
    ("The ban answers the sanctions imposed by the European Union against Belarus.", "sanction", "European Union",
     "Belarus", "asserted", None),
    ("Officials said the sanctions imposed on Peru by Chile were lifted.", "sanction", "Chile", "Peru", "attributed",
     "Officials"),
    # -- hitting a party with a measure is sanctioning it
    ("Peru later hit Bolivia with a new round of economic sanctions.", "sanction", "Peru", "Bolivia", "asserted",
     None),
    ("Chile slapped Bolivia with sanctions in May.", "sanction", "Chile", "Bolivia", "asserted", None),
    ("Bolivia was hit with fresh sanctions by Chile on Monday.", "sanction", "Chile", "Bolivia", "asserted", None),
    ("Chile targeted Bolivia with an embargo on arms.", "sanction", "Chile", "Bolivia", "asserted", None),
    # -- an agent noun with goods under "of" and the party under "to"
    ("Chile has been a key supplier of drones to Peru.", "supply", "Chile", "Peru", "asserted", None),
    ("Officials said Laos is a major seller of rifles to Cambodia.", "transfer", "Laos", "Cambodia", "attributed",
     "Officials"),
    # -- the owner of a noun of intent does what its infinitive says
    ("The report details Chile's attempts to sell rifles to the rebels in Bolivia.", "transfer", "Chile", "Bolivia",
     "attributed", "report"),
    ("Bolivia welcomed Chile's decision to send troops to Peru.", "deploy", "Chile", "Peru", "attributed", "Bolivia"),
    # -- a party confirming a purchase or sale that names no other doer made it
    # (a purchase or acquisition with its seller named is the seller's transfer, as "bought from" is)
    ("Peruvian officials confirmed the purchase of fighter jets from Chile.", "transfer", "Chile", "Peru",
     "asserted", None),
    ("Quito confirmed the purchase of six helicopters from Lima.", "transfer", "Lima", "Quito", "asserted", None),
    ("The acquisition of Chilean tanks by Peru alarmed Quito.", "transfer", "Chile", "Peru", "asserted", None),
    ("Ecuador's acquisition of drones from Colombia worried Lima.", "transfer", "Colombia", "Ecuador", "asserted",
     None),
    ("Bolivia announced the acquisition of radar systems from Chile.", "transfer", "Chile", "Bolivia", "asserted",
     None),
    ("Officials say Laos completed the procurement of rifles from Cambodia.", "transfer", "Cambodia", "Laos",
     "attributed", "Officials"),
    # -- a deal named by its transfer: a sales / export deal sells to the "with" party, a purchase deal buys
    ("Chile signed an arms sales deal with Peru last year.", "transfer", "Chile", "Peru", "asserted", None),
    ("Peru signed a drone purchase deal with Chile.", "transfer", "Chile", "Peru", "asserted", None),
    ("Chile's arms export deal with Bolivia was signed in May.", "transfer", "Chile", "Bolivia", "asserted", None),
    # -- a participle of handing out on received goods names the giver
    ("Peru received aid distributed by Chile.", "support", "Chile", "Peru", "asserted", None),
    ("Tuvalu received aid pledged by Fiji.", "support", "Fiji", "Tuvalu", "asserted", None),
    ("Fiji received tents handed out by Tonga.", "transfer", "Tonga", "Fiji", "asserted", None),
    ("Kiribati obtained vaccines donated by Japan.", "transfer", "Japan", "Kiribati", "asserted", None),
    ("Chile acknowledged the sale of rifles to Bolivia.", "transfer", "Chile", "Bolivia", "asserted", None),
    # -- the first or last of a group of carriers arriving
    ("The last of the Chilean tankers arrived in Bolivia on Monday.", "transfer", "Chile", "Bolivia", "asserted",
     None),
    # -- the place phrase that names a place, wherever it stands among the others
    ("The second Peruvian freighter, one of a convoy of four, arrived at a harbour in Bolivia on Monday.", "transfer",
     "Peru", "Bolivia", "asserted", None),
    ("For example, the Russian jets will arrive in Peru next year.", "transfer", "Russia", "Peru", "asserted",
     None),
    # -- putting a party on a sanctions list designates it
    ("Andes Trading was added to the sanctions list by the Treasury.", "sanction", "Treasury", "Andes Trading",
     "asserted", None),
    ("The Treasury placed Andes Trading on its blacklist.", "sanction", "Treasury", "Andes Trading", "asserted",
     None),
    ("Canada put two Peruvian banks on its sanctions list, officials said.", "sanction", "Canada", "Peru",
     "attributed", "officials"),
    # -- taking over a ship is seizing it
    ("Chilean forces took over the tanker Grey Gull in the Gulf.", "seize", "Chile", "Grey Gull", "asserted", None),
    # -- an aim given up or turned down ("does not want to", "has no plans to", "refused to"): the act
    # is neither done nor denied; it is left open, with the aim's holder as source when a cue names one
    ("Chile does not want to supply rifles to Peru.", "supply", "Chile", "Peru", "hedged", "Chile"),
    ("Ghana doesn’t want to sell gold to Togo, its minister said.", "transfer", "Ghana", "Togo", "hedged",
     None),
    ("Germany did not intend to send tanks to Poland, the minister said.", "transfer", "Germany", "Poland",
     "hedged", "minister"),
    ("Berlin never wished to ship jets to Kyiv.", "transfer", "Berlin", "Kyiv", "hedged", None),
    ("Seoul was not planning to sell shells to Warsaw.", "transfer", "Seoul", "Warsaw", "hedged", None),
    ("Turkey has no plans to deliver drones to Kenya.", "transfer", "Turkey", "Kenya", "hedged", None),
    ("Kenya does not have any plans to send fuel to Somalia.", "transfer", "Kenya", "Somalia", "hedged", None),
    ("Tehran said it had no intention of sending missiles to Moscow.", "transfer", "Iran", "Moscow", "hedged",
     "Tehran"),
    ("Hungary is reluctant to send arms to Ukraine.", "transfer", "Hungary", "Ukraine", "hedged", None),
    ("Israel is not willing to supply air defences to Georgia.", "supply", "Israel", "Georgia", "hedged", None),
    ("Brazil refused to sell tanks to Ukraine.", "transfer", "Brazil", "Ukraine", "hedged", "Brazil"),
    ("Chile has declined to export lithium to Bolivia.", "transfer", "Chile", "Bolivia", "hedged", None),
    # ... while a denial over an aim, and a plain negated act a speaker reports, still deny
    ("Chile denied that it planned to sell jets to Peru.", "transfer", "Chile", "Peru", "denied", "Chile"),
    ("Ghana has rejected reports that it wanted to sell gold to Togo.", "transfer", "Ghana", "Togo", "denied",
     "Ghana"),
    ("Peru did not send rifles to Bolivia, the minister said.", "transfer", "Peru", "Bolivia", "denied",
     "minister"),
    # -- goods a party holds that a participle or passive clause says were bought from another:
    # the seller gave them to the holder
    ("The ministry said Hanoi operates radars bought from Moscow.", "transfer", "Moscow", "Hanoi", "attributed",
     "ministry"),
    ("Quito flies helicopters purchased from Lima in 2019.", "transfer", "Lima", "Quito", "asserted", None),
    ("Kenya uses drones acquired from Turkey, officials said.", "transfer", "Turkey", "Kenya", "attributed",
     "officials"),
    ("Peru deployed tanks imported from Chile.", "transfer", "Chile", "Peru", "asserted", None),
    ("Hanoi operates radars that were bought from Moscow.", "transfer", "Moscow", "Hanoi", "asserted", None),
    # -- a perfect gerund ("of having sent") is done by the accused, as a plain one is
    ("Seoul accused Pyongyang of having sent shells to Moscow.", "transfer", "Pyongyang", "Moscow", "attributed",
     "Seoul"),
    ("Peru was accused of having sold rifles to Bolivia.", "transfer", "Peru", "Bolivia", "attributed", None),
    ("Kenya accuses Somalia of having shipped charcoal to Oman, officials said.", "transfer", "Somalia", "Oman",
     "attributed", "Kenya"),
    ("Iran has a history of having armed the Houthis.", "supply", "Iran", "Houthis", "asserted", None),
    # -- a closing "according to X" relays the speaker before it, who stays the innermost source
    ("Havana said last week that it had never shipped oil to Damascus, according to state TV.", "transfer",
     "Cuba", "Damascus", "denied", "Havana"),
    ("Tehran said it had not sent drones to Moscow, according to the official IRNA agency.", "transfer", "Iran",
     "Moscow", "denied", "Tehran"),
    ("Lima said Quito bought drones from Caracas, according to local media.", "transfer", "Caracas", "Quito",
     "attributed", "Lima"),
    # -- an agent noun in an "as"-phrase describes the verb's object, a passive's subject or the
    # subject of "act/serve as"; a verb of naming or finding makes it its subject's word
    ("Chile acted as a supplier of drones to Peru for years.", "supply", "Chile", "Peru", "asserted", None),
    ("Belarus has served as the main supplier of fuel to Syria.", "supply", "Belarus", "Syria", "asserted", None),
    ("Iran emerged as the main financier of Hamas.", "fund", "Iran", "Hamas", "asserted", None),
    ("The panel identified Belarus as the supplier of the rifles to Mali.", "supply", "Belarus", "Mali",
     "attributed", "panel"),
    ("Investigators named Serbia as the main seller of shells to Libya.", "transfer", "Serbia", "Libya",
     "attributed", "Investigators"),
    ("Laos was identified by the panel as a major buyer of rifles from Chile.", "transfer", "Chile", "Laos",
     "attributed", "panel"),
    ("The report describes Ghana as the main supplier of gold to Togo.", "supply", "Ghana", "Togo", "attributed",
     "report"),
    ("Chile named Kenya as a buyer of gas from Bolivia.", "transfer", "Bolivia", "Kenya", "attributed", "Chile"),
    ("Officials listed Cuba as a key financier of Hamas.", "fund", "Cuba", "Hamas", "attributed", "Officials"),
    # -- a state's office at a body, named as a compound ("the Chinese UN mission"), speaks for the
    # state, not for the body that hosts it
    ("The Chinese UN mission denied that Beijing had sold drones to Moscow.", "deny", "China", None, "denied",
     "mission"),
    ("A spokesman for the French UN mission rejected reports that Paris sold rifles to Chad.", "deny", "France",
     None, "denied", "spokesman"),
    ("The Dutch EU delegation dismissed claims that The Hague shipped arms to Suriname.", "deny", "Netherlands",
     None, "denied", "delegation"),
    ("The Swiss OSCE mission denied that Bern had sold ammunition to Kyiv.", "deny", "Switzerland", None,
     "denied", "mission"),
    # -- a gerund the tagger reads as a noun after an accusation's "of" (the parser then hangs the
    # charge's "to" party on the accusing verb): still the accused's act, on the accuser's word
    ("A UN report accuses Chile of smuggling fuel to Bolivia.", "transfer", "Chile", "Bolivia", "attributed",
     "report"),
    ("UN report accuses Chile of smuggling fuel to Bolivia", "transfer", "Chile", "Bolivia", "attributed", "report"),
    ("A new report accuses Peru of shipping fuel to Cuba", "transfer", "Peru", "Cuba", "attributed", "report"),
    ("A UN report accuses Chile of smuggling.", "transfer", "Chile", None, "attributed", "report"),
    # -- documents opening the sentence, their stating verb read as a noun ("documents state"): the
    # documents are the source
    ("Court filings state that Ghana sent arms to Mali.", "transfer", "Ghana", "Mali", "attributed", "filings"),
    ("Customs records state that Ghana exported gold to Mali.", "transfer", "Ghana", "Mali", "attributed",
     "records"),
    ("Police records state that Kenya may have shipped fuel to Somalia.", "transfer", "Kenya", "Somalia", "hedged",
     "records"),
    ("Court documents state that Chile never shipped rifles to Bolivia.", "transfer", "Chile", "Bolivia", "denied",
     "documents"),
    # -- a document phrase with its own modifier ("filed in court") stating a clause: the
    # tagger leaves its cue untagged, the rules' reading stands
    ("Documents filed in court state that Chile shipped rifles to Bolivia.", "transfer", "Chile", "Bolivia",
     "attributed", "filed in court"),
    ("Documents submitted to the court state that Peru sold fuel to Cuba.", "transfer", "Peru", "Cuba", "attributed",
     "submitted to the court"),
    # -- ... and with no "that": a name, a determiner or a pronoun opens the stated clause
    ("The court documents state Chile shipped rifles to Bolivia.", "transfer", "Chile", "Bolivia", "attributed",
     "documents"),
    ("Court filings state Ghana sent arms to Mali.", "transfer", "Ghana", "Mali", "attributed", "filings"),
    ("Internal reports state Peru may have shipped fuel to Cuba.", "transfer", "Peru", "Cuba", "hedged",
     "reports"),
    # -- a raising passive with a "by" agent and a perfect infinitive: the agent finds or says,
    # the raised subject did it
    ("Chile was found by the panel to have supplied rifles to Bolivia.", "supply", "Chile", "Bolivia",
     "attributed", "panel"),
    ("Peru was shown by investigators to have sold fuel to Cuba.", "transfer", "Peru", "Cuba", "attributed",
     "investigators"),
    ("Kenya was found by UN experts to have shipped fuel to Somalia.", "transfer", "Kenya", "Somalia", "attributed",
     "experts"),
    ("Serbia was believed by diplomats to have delivered shells to Armenia.", "transfer", "Serbia", "Armenia",
     "hedged", None),
    ("Laos was said by officials to have sold timber to Vietnam.", "transfer", "Laos", "Vietnam", "hedged",
     "officials"),
    # -- "was found / has been shown to have done": a finding by an unnamed finder (attributed, as
    # "it was reported that" and an agentless "was accused of")
    ("Chile was found to have supplied rifles to Bolivia.", "supply", "Chile", "Bolivia", "attributed", None),
    ("Peru has been shown to supply drones to Cuba.", "supply", "Peru", "Cuba", "attributed", None),
    ("The ship was found to be carrying fuel to Syria.", "transfer", "ship", "Syria", "attributed", None),
    ("Kenya was found to have sold fuel to Somalia in 2019.", "transfer", "Kenya", "Somalia", "attributed", None),
    # -- a plan, a wish or a readiness is not a deed: nobody cited for it, the event is left open
    # (hedged; with a source, it is the source's attributed word: see the rows on "ready to deliver")
    ("Chile is willing to supply rifles to Bolivia.", "supply", "Chile", "Bolivia", "hedged", None),
    ("Ghana is ready to ship gold to Mali.", "transfer", "Ghana", "Mali", "hedged", None),
    ("Serbia has plans to export shells to Armenia.", "transfer", "Serbia", "Armenia", "hedged", None),
    ("Egypt is preparing to send troops to Sudan.", "deploy", "Egypt", "Sudan", "hedged", None),
    ("Syria is eager to buy jets from Russia.", "transfer", "Russia", "Syria", "hedged", None),
    ("Iran has the intention of selling drones to Russia.", "transfer", "Iran", "Russia", "hedged", None),
    ("Chile is willing to pursue talks with Peru.", "meet", "Chile", "Peru", "hedged", None),
    # -- (srcfix) a document phrase the parser breaks: a participle read as the main verb ("papers
    # lodged with the tribunal" as a clause), the stating verb as a noun after a post-modifier, a
    # plural document noun tagged an adjective ("memos" JJ): the opening phrase is the source
    ("Papers lodged with the tribunal say that Chile sold rifles to Bolivia.", "transfer", "Chile", "Bolivia",
     "attributed", "papers lodged"),
    ("Papers lodged with the tribunal say Chile sold rifles to Bolivia.", "transfer", "Chile", "Bolivia",
     "attributed", "papers lodged"),
    ("Papers filed with the court allege that Peru sold rifles to Chile.", "transfer", "Peru", "Chile", "attributed",
     "papers filed"),
    ("Leaked memos state that Peru shipped fuel to Cuba.", "transfer", "Peru", "Cuba", "attributed", "memos"),
    ("Leaked memos state Peru shipped fuel to Cuba.", "transfer", "Peru", "Cuba", "attributed", "memos"),
    ("But leaked memos state that Peru shipped fuel to Cuba.", "transfer", "Peru", "Cuba", "attributed", "memos"),
    ("Records filed with the registry show that Kenya shipped fuel to Somalia.", "transfer", "Kenya", "Somalia",
     "attributed", "records filed"),
    ("Court documents filed in May state that Serbia delivered shells to Armenia.", "transfer", "Serbia", "Armenia",
     "attributed", "documents filed"),
    ("Minutes of the meeting state that Chile never shipped rifles to Bolivia.", "transfer", "Chile", "Bolivia",
     "denied", "minutes"),
    ("Cables sent by the embassy state that Laos sold timber to Vietnam.", "transfer", "Laos", "Vietnam",
     "attributed", "cables"),
    ("Trade data show Kenya exported fuel to Somalia.", "transfer", "Kenya", "Somalia", "attributed", "data"),
    ("Peru said documents state that Chile sold rifles to Bolivia.", "transfer", "Chile", "Bolivia", "attributed",
     "peru"),
    # -- (srcfix) a passive's complement hung on its agent's noun: the infinitive read as a relative
    # clause of "inspectors", the "of" charge as Kyiv's: the passive subject does it, the agent says so
    ("Chile has been found by inspectors to have sold rifles to Bolivia.", "transfer", "Chile", "Bolivia",
     "attributed", "inspectors"),
    ("Egypt has been found by UN experts to have exported grain to Lebanon.", "transfer", "Egypt", "Lebanon",
     "attributed", "experts"),
    ("Serbia has been accused by Kyiv of selling shells to Armenia.", "transfer", "Serbia", "Armenia", "attributed",
     "kyiv"),
    ("Kenya was accused by Somalia of shipping charcoal to Yemen.", "transfer", "Kenya", "Yemen", "attributed",
     "somalia"),
    # -- (srcfix) an accusation's charge hung on the accused ("Chad of smuggling", read like "the Duke of
    # York") or its gerund read as a modifier of the goods ("shipping" amod of "arms")
    ("A report accuses Chad of smuggling gold to Sudan.", "transfer", "Chad", "Sudan", "attributed", "report"),
    ("A UN report accuses Chad of smuggling arms to Sudan.", "transfer", "Chad", "Sudan", "attributed", "report"),
    ("Niger accused Chad of shipping arms to Sudan.", "transfer", "Chad", "Sudan", "attributed", "niger"),
    ("Mali accused Niger of selling rifles to Chad.", "transfer", "Niger", "Chad", "attributed", "mali"),
    # -- (srcfix) a pronoun speaker is the latest person who speaks, else one not only talked about
    ("Maria Lopez, a spokeswoman for the ministry, said nobody had shown that Carlos Mendoza broke the law. "
     "She added that Chile sold rifles to Bolivia.", "transfer", "Chile", "Bolivia", "attributed", "lopez"),
    ("Ivan Petrov told reporters that Maria Lopez had resigned. He said Moscow would ship wheat to Venezuela.",
     "transfer", "Moscow", "Venezuela", "attributed", "petrov"),
    ("Senator Tom Reyes voiced concern that Pedro Gomez was helping Iran. He said Iran shipped drones to Russia.",
     "transfer", "Iran", "Russia", "attributed", "reyes"),
    ("General Omar Haddad said the army would not arrest Juan Ortega. He added that Syria received fuel from Iran.",
     "transfer", "Iran", "Syria", "attributed", "haddad"),
    ("Reuters reported that Minister Ivan Petrov said the talks had failed. He added that Moscow would ship "
     "wheat to Venezuela.", "transfer", "Moscow", "Venezuela", "attributed", "petrov"),
    ("Omar Haddad, a spokesman for Juan Ortega's campaign, said the talks had failed. He added that Syria "
     "received fuel from Iran.", "transfer", "Iran", "Syria", "attributed", "haddad"),
    ('Omar Haddad spoke in Lima. "We no longer hear threats of an attack from Juan Ortega," he said.', "attack",
     None, "Juan Ortega", "attributed", "haddad"),
    ("Juan Ortega's plan failed, according to Omar Haddad. He said Syria received fuel from Iran.", "transfer",
     "Iran", "Syria", "attributed", "haddad"),
    ("Juan Ortega's rhetoric has softened, according to Maria Lopez, an expert at the institute. \"There is a "
     "change,\" she said. \"We no longer hear threats of an attack from Juan Ortega,\" she said.", "attack", None,
     "Juan Ortega", "attributed", "lopez"),
    # -- (srcfix) "as" + a participle with an agent is a report; the agentless aside is the writer's
    ("As reported by Reuters, Ghana shipped arms to Mali.", "transfer", "Ghana", "Mali", "attributed", "reuters"),
    ("As the minister noted, Chile sold rifles to Bolivia.", "transfer", "Chile", "Bolivia", "attributed",
     "minister"),
    ("As noted earlier, Chile sold rifles to Bolivia.", "transfer", "Chile", "Bolivia", "asserted", None),
    ("Chile, as noted above, sold rifles to Bolivia.", "transfer", "Chile", "Bolivia", "asserted", None),
    ("As reported last week, Ghana shipped arms to Mali.", "transfer", "Ghana", "Mali", "asserted", None),
    # -- (srcfix) a verb of making a deal ("agreed / inked / sealed / clinched") over a deal named by
    # its transfer: the verb's subject holds the deal, as with "signed"
    ("Iran agreed a fuel supply deal with Syria last year.", "supply", "Iran", "Syria", "asserted", None),
    ("Russia inked a gas supply agreement with China.", "supply", "Russia", "China", "asserted", None),
    ("Russia inked a gas supply agreement with China.", "agree", "Russia", "China", "asserted", None),
    ("Iran sealed a fuel supply deal with Syria.", "supply", "Iran", "Syria", "asserted", None),
    ("Chile clinched an arms sales deal with Peru.", "transfer", "Chile", "Peru", "asserted", None),
    # -- (args6) a gerund in an adverbial phrase ("in addition to", "as part of", "on top of") is done
    # by the subject of the clause it modifies; a punishing verb beside a sanction is that sanction
    ("In addition to sanctioning Bolivia, Chile expelled two of its diplomats.", "sanction", "Chile", "Bolivia",
     "asserted", None),
    ("On top of supplying drones to Russia, Iran has trained its pilots.", "supply", "Iran", "Russia", "asserted",
     None),
    ("As part of arming the rebels, Ecuador shipped rifles to Colombia.", "supply", "Ecuador", None, "asserted", None),
    ("In addition to selling jets to Peru, Brazil trained Peruvian pilots.", "transfer", "Brazil", "Peru",
     "asserted", None),
    ("In addition to targeting Bolivia, the Treasury designated three Chilean firms.", "sanction", "Treasury",
     "Bolivia", "asserted", None),
    ("Peru targeted and blacklisted the Chilean firm Andes Cargo.", "sanction", "Peru", "Andes Cargo", "asserted",
     None),
    # -- (args6) a plural group noun enumerated in an apposition: its named members act, also when the
    # group is coordinated after a noun whose modifier gave a first name
    ("Its foreign backers — Peru, Chile and Bolivia — violated the embargo.", "violate", "Chile", None,
     "asserted", None),
    ("The rebels and their suppliers, Peru and Chile, broke the embargo.", "violate", "Chile", None, "asserted", None),
    ("The warring factions and their sponsors — Egypt and Sudan vs Kenya — breached the arms embargo.", "violate",
     "Sudan", None, "asserted", None),
    ("The militias in Chad and their foreign backers — Egypt, Sudan and Libya — violated the embargo.", "violate",
     "Sudan", None, "asserted", None),
    ("Rebel groups in Yemen and their patrons, Iran and Syria, smuggled rifles to the coast.", "transfer", "Syria",
     None, "asserted", None),
    ("Two neighbouring states, Ecuador and Colombia, shipped fuel to Venezuela.", "transfer", "Colombia",
     "Venezuela", "asserted", None),
    # -- (args6) a reaction an act brings about ("..., prompting / drawing / sparking X", "..., which led
    # to X") is aimed at the act's doer; "condemnation from Y" is Y's; "the imposition of sanctions by Y"
    ("Chile tested a ballistic missile on Monday, drawing condemnation from Peru and Bolivia.", "condemn",
     "Bolivia", "Chile", "attributed", "Bolivia"),
    ("Bolivia sold jets to Peru, which led to sanctions by Chile.", "sanction", "Chile", "Bolivia", "asserted", None),
    ("Ecuador shipped drones to Russia, prompting sanctions from the European Union.", "sanction",
     "European Union", "Ecuador", "asserted", None),
    ("Ghana seized a Togolese trawler, sparking criticism from Togo.", "condemn", "Togo", "Ghana", "attributed",
     "Togo"),
    ("The imposition of sanctions by the European Union hurt Ecuador's economy.", "sanction", "European Union",
     None, "asserted", None),
    # a reaction noun shares the "from" of its conjunct or of the verb that brings it
    ("Chile tested a missile, drawing sanctions and strong condemnation from Peru.", "condemn", "Peru", "Chile",
     "attributed", "Peru"),
    ("The test will probably draw new sanctions and further penalties from Canada and its partners.",
     "sanction", "Canada", None, "hedged", None),
    # -- (args6) a name the parser hangs with its "and" on the next one as a modifier or owner is a
    # conjunct: "the US and European Union", "between A and B's C"
    ("Ecuador shipped drones to Russia, prompting sanctions from the US and European Union.", "sanction", "US",
     "Ecuador", "asserted", None),
    ("As Ortega and opposition senators loudly condemn Chile, the embassies remain open.", "condemn", "Ortega",
     "Chile", "attributed", None),
    ("Diplomats laid the groundwork for a meeting between Lula and Peru's Dina Boluarte.", "meet", "Lula",
     "Boluarte", "asserted", None),
    # -- (args6) who is "involved in" an act the parser reads as a compound gerund does it; acting "in
    # cooperation with" Y is the act's doer cooperating, wherever the parser hangs the phrase
    ("Firms in Chile involved in sending engine parts to Bolivia were fined.", "transfer", "Chile", "Bolivia",
     "asserted", None),
    ("Two Chilean banks were involved in smuggling rifles to Peru.", "transfer", "Chile", "Peru", "asserted", None),
    ("Chile shipped fuel worth $5 million to Bolivia in cooperation with Peru.", "cooperate", "Chile", "Peru",
     "asserted", None),
    ("Chile relied on the brokers to route large sums of money to the rebels in cooperation with Peru.",
     "cooperate", "Chile", "Peru", "asserted", None),
    ("Ecuador provided drones worth $2 million to the rebels in coordination with Venezuela.", "cooperate",
     "Ecuador", "Venezuela", "asserted", None),
    # -- (args6) the subject of a verb of its own intent ("threaten", "propose", "weigh", "mull") over
    # an event noun would do the event: hedged
    ("Chile is weighing new sanctions on Peru.", "sanction", "Chile", "Peru", "hedged", None),
    ("Peru is mulling arms sales to Bolivia.", "transfer", "Peru", "Bolivia", "hedged", None),
    ("Chile proposed sanctions on Bolivia last week.", "sanction", "Chile", "Bolivia", "hedged", None),
    ("The EU threatened sanctions against Belarus.", "sanction", "EU", "Belarus", "hedged", None),
    # -- (args6) a list of charges the parser breaks after the first ("accuses X of A-ing, B-ing and
    # C-ing", B hung on the verb as a clause of its own): each is the accused's, on the accuser's word
    ("Panel accuses Chile of selling rifles, exporting banned fuel and violating sanctions.", "violate", "Chile",
     None, "attributed", "Panel"),
    ("The panel accuses Bolivia of shipping arms, exporting coal and breaching UN sanctions.", "violate",
     "Bolivia", "UN", "attributed", "panel"),
    # -- (args6) a noun's given name ("a firm called X", "a ship known as Y") stands for it before the
    # origin among its modifiers
    ("Ecuador sold rifles to a Peruvian company called Andina Holdings.", "transfer", "Ecuador", "Andina",
     "asserted", None),
    ("Chile said a Bolivian freighter known as the Sea Lark was seized.", "seize", None, "Sea Lark", "attributed",
     "Chile"),
]

# (sentence, event, agent, amount): quantities are kept as written.
AMOUNTS: list[Any] = [
    ("The panel said North Korea conducted 40 cyberattacks.", "cyberattack", "North Korea", "40 cyberattacks"),
    ("North Korean hackers stole $2bn, a UN panel found.", "steal", "North Korean", "$2bn"),
    ("Iran sold drones worth $300 million to Russia.", "transfer", "Iran", "$300 million"),
    ("Indonesia shipped 1.4 million tonnes of nickel to Japan.", "transfer", "Indonesia", "1.4 million tonnes"),
    ("Russia launched 40 missiles at Kyiv on Monday.", "attack", "Russia", "40 missiles"),
    ("Belarus sent 12 trucks to Russia.", "transfer", "Belarus", "12 trucks"),
    ("Serbia delivered 3,000 shells to Armenia in May.", "transfer", "Serbia", "3,000 shells"),
    ("Iran paid $5 million to the militia, prosecutors said.", "fund", "Iran", "$5 million"),
]

# (sentence, event, agent, party): no claim of that event may join these two.
NEGATIVE: list[Any] = [
    # (srcfix) the agent of a passive, the accuser, or a name's "of" phrase is not the charged doer
    ("Chile has been found by inspectors to have sold rifles to Bolivia.", "transfer", "inspectors", None),
    ("Peru was praised by auditors who had shipped fuel to Cuba.", "transfer", "Peru", None),
    ("Peru accused the head of the army of smuggling fuel to Chile.", "transfer", "Peru", None),
    ("The Duke of York accused Peru of shipping gold to Chile.", "transfer", "Duke", None),
    # (srcfix) who brokers a deal is no party to it
    ("Norway brokered a fuel supply deal with Syria.", "supply", "Norway", None),
    ("Norway brokered a fuel supply deal with Syria.", "agree", "Norway", None),
    # who finds or says that X had done it ("was found by the panel to have") did not do it
    ("Kenya was found by UN experts to have shipped fuel to Somalia.", "transfer", "UN", None),
    ("Serbia was believed by diplomats to have delivered shells to Armenia.", "transfer", "diplomats", None),
    ("Laos was said by officials to have sold timber to Vietnam.", "transfer", "officials", None),
    # a purchase deal runs from the "with" party to the buyer, never the other way
    ("Peru signed a drone purchase deal with Chile.", "transfer", "Peru", "Chile"),
    ("The acquisition of Chilean tanks by Peru alarmed Quito.", "transfer", "Quito", None),
    # the accuser is not the doer of a charge whose gerund was read as a noun, and a "to" on the
    # accusing verb's other phrases is no recipient of the charge
    ("A UN report accuses Chile of smuggling fuel to Bolivia.", "transfer", "report", None),
    ("Peru accused Chile of smuggling fuel in a complaint to the UN.", "transfer", None, "UN"),
    ("Peru accused Chile of smuggling fuel; Bolivia sent aid to Cuba.", "transfer", "Chile", "Cuba"),
    # the holder of goods bought from a seller is not the seller
    ("The ministry said Hanoi operates radars bought from Moscow.", "transfer", "Hanoi", None),
    ("Peru deployed tanks imported from Chile.", "transfer", "Peru", None),
    # the accuser is not the doer of a perfect gerund either
    ("Seoul accused Pyongyang of having sent shells to Moscow.", "transfer", "Seoul", None),
    ("Kenya accuses Somalia of having shipped charcoal to Oman, officials said.", "transfer", "Kenya", None),
    # the namer of an "as"-phrase is no party to what it names
    ("The panel identified Belarus as the supplier of the rifles to Mali.", "supply", "panel", None),
    ("Chile named Kenya as a buyer of gas from Bolivia.", "transfer", "Chile", None),
    ("Chile named Kenya as a buyer of gas from Bolivia.", "transfer", None, "Chile"),
    # dependence gives only what can be given: trade is shared, a navy is one's own
    ("The rebels rely on Sudan for their trade.", "trade", "Sudan", None),
    ("Kenya relied on Britain for its navy.", "transfer", "Britain", "Kenya"),
    # the asker, the instrument and the promisee do not do what an infinitive says
    ("Moscow persuaded Minsk to ship fuel to Caracas.", "transfer", "Moscow", "Caracas"),
    ("Kenya used the trawler to carry rifles to Somalia.", "transfer", "trawler", "Somalia"),
    ("Iran promised Syria to deliver the jets by May.", "transfer", "Syria", None),
    # a member of a named whole is not the whole that acts; an unnamed subject lends no name
    ("Karim Lowe was a member of the Omega network, which shipped rifles to Sudan.", "transfer", "Karim Lowe",
     "Sudan"),
    ("The first Polish victims were apple growers who sold fruit to Russia.", "transfer", "Polish", "Russia"),
    # one's own goods, or goods shot down rather than held, came from nobody
    ("Russia fired Russian missiles at Kyiv.", "transfer", "Russia", "Russia"),
    ("Ukraine shot down Iranian drones over Odesa.", "transfer", "Iran", "Ukraine"),
    ("Chad's army uses rifles made in Chad.", "transfer", "Chad", "Chad"),
    # a demonym on the goods is their origin, and a recipient after "to" wins over the name before the goods
    ("Mali sold Iranian rifles.", "transfer", "Mali", "Iran"),
    ("Iran shipped Venezuelan oil to Syria.", "transfer", "Iran", "Venezuela"),
    # the subject of a verb that is not one of undergoing is no target
    ("Belarus welcomed sanctions from the United States on Russia.", "sanction", "United States", "Belarus"),
    ("Peru demanded sanctions from the UN against Chile.", "sanction", "UN", "Peru"),
    # a bare measure takes the nearest issuer named with a measure, not any actor that sanctions
    ("UN sanctions on Laos began in 2015. EU sanctions followed in 2018. Thailand breached the sanctions.",
     "violate", "Thailand", "UN"),
    ("Sudan sanctioned Chad in May. Officials said Niger violated the embargo.", "violate", "Niger", "Sudan"),
    ("Peru pushed for sanctions on Bolivia. Chile evaded the sanctions, the report said.", "violate", "Chile",
     "Peru"),
    # a contrasting modifier sets the referent apart from the one named before
    ("Eritrea held elections in May. The other state later supplied rifles to Sudan.", "supply", "Eritrea",
     None),
    ("Belarus sold jets to Chile in 2019. In 2021 the new regime sold tanks to Peru.", "transfer", "Belarus",
     "Peru"),
    # a modifier with words of its own, or a named one, says which one
    ("Observers met Hamas in Doha. Tehran shipped rockets to the Iraqi militant group.", "transfer", "Tehran",
     "Hamas"),
    # a nationality word on a person or thing is no state for "the country" to refer back to
    ("A Cuban doctor arrived in Lima. Caracas shipped large amounts of fuel to the country.", "transfer",
     "Caracas", "Cuba"),
    ("Commandos intercepted an Iranian arms shipment for the Houthi insurgents in the Red Sea.", "transfer",
     "Iran", "Red Sea"),
    # targeting by people is no sanction; thanks "for" something blames nobody
    ("Police targeted the smugglers in a raid.", "sanction", None, None),
    ("The Treasury issued sanctions targeting Belarusian and Cuban shipping firms on Friday.", "attack", None,
     None),
    ("Ankara condemned Athens for selling frigates to Cyprus.", "transfer", "Ankara", None),
    # people arriving visit; goods of no named origin come from nobody named
    ("Iranian diplomats arrived in Caracas on Monday.", "transfer", "Iran", None),
    ("For example, the Russian diplomats will arrive in Peru next year.", "transfer", "Russia", None),
    ("The Chilean tanker, in a convoy, arrived in the morning.", "transfer", "Chile", None),
    ("The tankers arrived in Venezuela last week.", "transfer", None, "Venezuela"),
    ("Cuban doctors landed in Angola.", "transfer", "Cuba", None),
    # a place after "in" is not the party when an owner is named; without an owner it may be
    ("Pyongyang is supporting Russia's war in Ukraine.", "support", "Pyongyang", "Ukraine"),
    ("Cuba's habit of sending doctors to Angola annoys Washington.", "transfer", "Washington", None),
    # words, visits and orders to people are not goods from the state that sends them
    ("The US received the Iranian proposal on Monday.", "transfer", "Iran", None),
    ("Japan received a Chinese delegation in Tokyo.", "transfer", "China", None),
    ("The general ordered Syrian troops to withdraw.", "transfer", "Syria", None),
    ("Officials received a French invitation to the summit.", "transfer", "France", None),
    # the kind must fit: a state description does not take a group named before, and the window is short
    ("Officials met Hamas in Doha. The country received rockets from Iran.", "transfer", "Iran", "Hamas"),
    ("Reporters visited Hezbollah's offices last week. Prices rose sharply. Markets fell. Trade slowed. "
     "The group received drones from Iran.", "transfer", "Iran", "Hezbollah"),
    ("Washington accuses Minsk of quietly shipping fuel to Caracas.", "transfer", "Washington", "Caracas"),
    ("The United States accused Iran of supplying drones to Russia.", "supply", "United States", "Russia"),
    ("Kyiv accused Tehran of arming Moscow.", "supply", "Kyiv", "Moscow"),
    ("Venezuela received fuel from Iran.", "transfer", "Venezuela", "Iran"),
    ("Myanmar bought fighter jets from Russia.", "transfer", "Myanmar", "Russia"),
    ("Moscow fires drones that were sent by Tehran.", "transfer", "Moscow", "Tehran"),
    ("Iran delivered drones to Syria's Republican Guard.", "transfer", "Iran", "Syria"),
    ("The European Union announced new sanctions against Belarus.", "sanction", None, "European Union"),
    ("The navy seized Eritrean rifles bound for Somalia.", "transfer", "navy", "Somalia"),
    ("Kyiv said that Moscow uses missiles that were supplied by Pyongyang.", "supply", "Kyiv", "Moscow"),
    # a demonym before an agent noun is the doer's origin, not the party; an apposition is not its own modifier
    ("Hamas named a Turkish supplier of rifles in its statement.", "supply", None, "Turk"),
    ("Sanctions hit Omar Tarek, a trader in Dubai who was designated by Canada.", "sanction", "Canada", "Dubai"),
    # a carrier that carries an infinitive does the act itself, and a demonym on the goods is no recipient
    ("Iran hired a tanker to carry fuel to Venezuela.", "transfer", "tanker", "Iran"),
    ("The ship was carrying Iranian oil to Syria.", "transfer", None, "Iran"),
    ("The navy intercepted a shipment of Iranian arms destined for Yemen.", "transfer", None, "Iran"),
    ("Greece halted the sale of Russian gas to Serbia.", "transfer", None, "Russia"),
    # people and trains bound somewhere are no goods; a demonym after the participle is no origin
    ("Syrian students on a train bound for Germany waited in Vienna.", "transfer", "Syria", "Germany"),
    ("A flight bound for Spain carried German tourists.", "transfer", "German", "Spain"),
    # personnel at home deploy nowhere; people who are not sent by a state are no deployment
    ("Chinese troops in China held drills on Monday.", "deploy", "Chin", None),
    ("Brazilian tourists in Portugal were stranded.", "deploy", "Brazil", None),
    # help from nobody named is no support by the place; a move's own subject is not its critic
    ("Chad expanded its gold exports with the help of new roads in Sudan.", "support", "Sudan", "Chad"),
    ("Belarus is selling tractors to Cuba in a move condemned by Washington.", "condemn", "Belarus", None),
    # stopping talks or holding a meeting seizes nothing
    ("The ministers stopped the talks on Monday.", "seize", None, None),
    ("Egypt held a meeting with Sudan.", "seize", "Egypt", None),
    # the dateline is not the actor
    ("MANILA -- Vietnam sanctioned three shipping firms on Monday.", "sanction", "Manila", None),
    # an order with an infinitive is a command, not goods from the demonym's state
    ("The colonel ordered Chadian soldiers to leave the base.", "transfer", "Chad", None),
    # the state in a body's portfolio does not deny for the body
    ("A spokesman for Peru's department of Chilean affairs denied that Peru sold rifles to Bolivia.", "deny",
     "Chile", None),
    ("The head of the Russian foreign ministry's department of North American affairs denied that Russia "
     "shipped fuel to Cuba.", "deny", "America", None),
    # goods received with no giver named: a party thanked after them did not give them
    ("Bolivia received rifles and thanked Chile.", "transfer", "Chile", "Bolivia"),
    # a deadline after "by" is no doer
    ("The jets will be delivered to Bolivia by March.", "transfer", "March", "Bolivia"),
    # an observer confirming a delivery of goods with a named origin did not deliver them
    ("The Pentagon confirmed the delivery of Chilean drones to Bolivia.", "transfer", "Pentagon", None),
    # a date's deadline does nothing
    ("Chile missed Monday's deadline to impose the new sanctions on Peru.", "sanction", "Monday", None),
    ("The report details Chile's attempts to sell rifles to the rebels in Bolivia.", "transfer", "report", None),
    # who talks about a measure did not impose it
    ("Flynn discussed the sanctions that Obama had imposed on Russia.", "sanction", "Flynn", "Russia"),
    # (args6) a gerund under a noun someone has ("a role in", "Chile's part in") is not the clause
    # subject's; a punishing verb with a weapon is no sanction
    ("Peru accused Chile of a role in supplying rifles to Bolivia.", "transfer", "Peru", None),
    ("The panel described Chile's part in smuggling rifles to Bolivia.", "transfer", "panel", None),
    ("Peru targeted Bolivia with missile strikes and seized its ports.", "sanction", "Peru", "Bolivia"),
    # an enumerated group only stands for its members in its own clause
    ("Their rivals, Peru and Chile, accused Bolivia of smuggling rifles to Ecuador.", "transfer", "Peru", None),
    # a reaction that merely follows an act, or a passive act's patient, is not aimed at the doer
    ("Bolivia sold jets to Peru after sanctions by Chile.", "sanction", "Chile", "Bolivia"),
    ("The tanker was seized by Peru, prompting sanctions from Chile.", "sanction", "Chile", "tanker"),
    ("Sanctions by Chile, which followed the sale of jets by Bolivia to Peru, angered Lima.", "sanction", "Chile",
     "Bolivia"),
    ("The downing of a Peruvian plane over Bolivia inflamed tensions, which led to sanctions from Chile.",
     "sanction", "Chile", "Peru"),
    ("The test will probably draw new sanctions and further penalties from Canada and its partners.",
     "sanction", None, "Canada"),
    # who risks or calls for a measure does not impose it
    ("Bolivia risks sanctions from the EU.", "sanction", "Bolivia", None),
    ("Peru called for sanctions on Bolivia.", "sanction", "Peru", None),
    # a lone participle after the charge is the accuser's own act, not one more charge
    ("Peru accused Chile of smuggling rifles, sanctioning two Chilean firms in response.", "sanction", "Chile", None),
    ("The panel accuses Bolivia of shipping arms, exporting coal and breaching UN sanctions.", "violate", "panel",
     None),
    # who sanctions firms involved in an act does not do it; the recipient does not cooperate
    ("Peru sanctioned firms involved in sending engine parts to Bolivia.", "transfer", "Peru", None),
    ("Chile shipped fuel worth $5 million to Bolivia in cooperation with Peru.", "cooperate", "Bolivia", None),
    # a named noun's origin is no longer the party
    ("Ecuador sold rifles to a Peruvian company called Andina Holdings.", "transfer", "Ecuador", "Peru"),
    # a place name running into its "and" is no conjunct
    ("North and South Sudan delivered a joint statement on Monday.", "transfer", "north", None),
]

# (sentence, event): no claim of that event at all.
ABSENT: list[Any] = [
    # (srcfix) a deal made that names no transfer
    ("Iran sealed a peace deal with Syria.", "supply"),
    ("Peru reached a trade deal with Chile.", "transfer"),
    # an acquisition with no seller, a deal with no direction, goods taken rather than given
    ("Bolivia announced the acquisition of new radar systems.", "transfer"),
    ("Chile's acquisition of the stake was approved.", "transfer"),
    ("Chile signed an arms deal with Peru.", "transfer"),
    ("The arms sales deal between Chile and Peru collapsed.", "transfer"),
    ("Peru received weapons seized by Chile.", "transfer"),
    ("Samoa received a letter handed over by Fiji.", "transfer"),
    # "supply lines from X to Y" are a route, and who runs it is not said to supply anyone
    ("Rebels cut supply lines from Chad to Sudan.", "supply"),
    ("Bolivia maintains supply routes from Peru to Chile.", "supply"),
    # passing a law, a package or a resolution approves it; nothing is handed to anyone
    ("Congress passed a new package of sanctions against Iran.", "transfer"),
    ("The Senate will pass the bill next week, aides said.", "transfer"),
    ("Parliament in Lima passed the budget on Tuesday.", "transfer"),
    ("A resolution passed by the Security Council condemned Chile.", "transfer"),
    # a receiving noun needs both ends named: a ban names no importer, a modifier alone only an origin
    ("Russia banned imports of Polish apples.", "transfer"),
    ("Japan restricted beef imports from the United States.", "transfer"),
    ("Tariffs on Chinese imports rose.", "transfer"),
    ("Chad's imports rose.", "transfer"),
    ("Lebanon's purchases of fuel doubled.", "transfer"),
    # moving from a place to nowhere named, and people moving, are no transfer
    ("The tanker sailed from Iran.", "transfer"),
    ("Refugees flooded into Chad from Sudan.", "transfer"),
    ("Diplomats poured into Geneva from Iran.", "transfer"),
    # summoning anyone but another state's envoy is no protest ("summoned its ambassador home" calls
    # back one's own)
    ("The judge summoned the minister to testify.", "condemn"),
    ("The court summoned two witnesses from Peru.", "condemn"),
    ("The president summoned his cabinet after the attack.", "condemn"),
    ("Chile summoned its ambassador to Peru home for consultations.", "condemn"),
    # a turn-down verb whose object is no proposition refuses it: no denial
    ("Peru rejected the accord with Chile last year.", "deny"),
    ("The minister rejected integration with Europe.", "deny"),
    ("Lima dismissed the overtures from Quito.", "deny"),
    ("The senators rejected a reckless course of action.", "deny"),
    # a negated speech act is no act, and no denial by its speaker
    ("Peru did not protest the sale of jets to Bolivia by Chile.", "condemn"),
    ("Lima has never condemned Quito for the shipments.", "condemn"),
    ("The ministry did not warn Chile about the shipments.", "warn"),
    ("A great deal of fuel reached Syria.", "agree"),  # a quantity, not a deal
    ("The parliament rejected the accord with Moldova.", "deny"),  # a pact turned down, no claim denied
    ("Training for the new staff began on Monday.", "support"),  # an event noun with no party makes no claim
    # a warning, threat or meeting with no actor in it is no claim
    ("Forecasters issued a warning about floods.", "warn"),
    ("The threat of floods grew.", "threaten"),
    ("The meeting was cancelled.", "meet"),
    ("Peru held the tanker for a week.", "meet"),
    # a compound "-ing" noun that is no gerund of the governing verb
    ("The firm expanded shipping routes to Asia.", "transfer"),
    ("Peru denied the shipping reports.", "transfer"),
    # "deny X to Y" withholds: no claim is denied
    ("The embassy denied visas to the delegation.", "deny"),
    # a negation nobody makes (the outlet's own voice) or a rule laid down is no denial and no claim
    ("Syria never received missiles from Iran.", "transfer"),
    ("Venezuela has not bought weapons from Belarus.", "transfer"),
    ("The coast guard did not intercept the tanker that carried oil to Cuba.", "seize"),
    ("Banks must not finance arms sales to Sudan, the regulator said.", "transfer"),
    ("Ministers urged exporters to ensure they do not ship dual-use goods to Iran.", "transfer"),
    ("The council called on states to make sure they never supply rockets to Hamas.", "supply"),
    ("Shipping firms should not carry Russian oil to India, officials said.", "transfer"),
    ("The minister stressed the need for banks to ensure they are not financing Hamas.", "fund"),
    # a named speaker negating another party's act states something about it, it does not deny it
    ("U.S. diplomats said Serbia never sold shells to Armenia.", "transfer"),
    ("Washington said Serbia never sold shells to Armenia.", "transfer"),
    ("A UN panel found that Eritrea had not shipped rifles to Somalia.", "transfer"),
    # a denial verb negated or refused denies nothing
    ("The spokesman did not deny the report.", "deny"),
    ("Minsk declined to deny reports that it sold rifles to Caracas.", "deny"),
    ("The minister carried out reforms at home.", "transfer"),
    ("The spokesman said nothing about it.", "deny"),
    # telling someone not to do a thing forbids it; it denies nothing
    ("Peru's president warned Chile not to send troops to Bolivia.", "deploy"),
    ("The minister told Belgrade not to ship any more shells to Armenia.", "transfer"),
    ("Ankara asked Baku not to buy drones from Tehran.", "transfer"),
    # a negated event only wished for, or supposed in a condition, is no denial by the speaker
    ("\"We want to make sure Chile will not sell jets to Peru,\" the minister said.", "transfer"),
    ("The minister said he wanted to be sure Chile did not sell jets to Peru.", "transfer"),
    ("The envoy said Lima hoped that Cuba would never ship rifles to Angola.", "transfer"),
    ("\"We wish Chile had not sent troops to Bolivia,\" the envoy said.", "deploy"),
    ("The minister said Lima will walk away if it feels Chile is not supplying rockets to Peru.", "supply"),
    ("\"The deal collapses if Chile does not deliver the jets to Peru,\" the envoy said.", "transfer"),
    ("\"We want to be sure that Peru does not impose sanctions on Chile,\" the envoy said.", "sanction"),
    # turning down an offer, a proposal or a measure is a refusal, not a denial
    ("Caracas rejected the offer of Iranian fuel.", "deny"),
    ("Beijing dismissed the new sanctions as illegal.", "deny"),
    ("Tehran rejected Washington's proposal for talks.", "deny"),
    # ... nor is removing a person, throwing out a proceeding or depriving someone a denial
    ("The minister dismissed the navy chief after the tanker was seized.", "deny"),
    ("The court dismissed the case against the shipping company.", "deny"),
    ("The embargo aims to deny Caracas the fuel it needs.", "deny"),
    ("The council rejected Venezuela as a member.", "deny"),
    # ... and the protester is not the measure's issuer
    ("Beijing dismissed the new sanctions as illegal.", "sanction"),
    ("Britain said the seizure would deny resources to the regime.", "deny"),
    ("The ministry spokesman rejected reports about the use of its aircraft.", "hedge"),
    ("Sanctions experts met in Geneva.", "sanction"),
    ("The company sent a letter to investors.", "transfer"),
    ("Analysts expect the talks to resume in May.", "transfer"),
    ("The foreign minister sent his condolences to Japan.", "transfer"),
    # "break" and "ignore" are violations only of measures
    ("The singer broke the news to her fans in Mexico.", "violate"),
    ("Brazil ignored the question from Argentina.", "violate"),
    # an agent noun with no named doer makes no claim
    ("The financier of Hamas was never named.", "fund"),
    # ... nor is turning down or removing a body named after its topic, or the people at its head
    ("Officials in Lima rejected the department of consumer affairs and its findings.", "deny"),
    ("The council dismissed the head of the bureau of maritime affairs.", "deny"),
    ("The president dismissed the members of the commission on border affairs.", "deny"),
    # depriving someone of what is granted (access, entry, visas, a chance), however the parser reads
    # the two objects, and a passive that keeps its object ("was denied entry"), deny no claim
    ("Chile denied the inspectors entry to the port.", "deny"),
    ("The tanker was denied entry to the port of Lima.", "deny"),
    ("Officials denied the journalists access.", "deny"),
    ("Peru denied visas to the delegation from Bolivia.", "deny"),
    ("Iranian authorities continue denying the inspectors access to the site.", "deny"),
    ("The regime is denying its citizens the chance to travel.", "deny"),
    ("The White House denied the prime minister a meeting.", "deny"),
    # a measure or proposal a relative clause describes is turned down, in any number
    ("Peru proposed new measures that Chile rejected as insufficient.", "deny"),
    ("Peru proposed disarmament moves that Chile rejected.", "deny"),
    ("Ghana made several offers, which Togo dismissed.", "deny"),
    ("The strikes aim to deny the militants safe haven.", "deny"),
    ("To deny the rebels resources, Chile blocked the port.", "deny"),
    ("Lima urged Quito to reject any concessions to the rebels.", "deny"),
    # words given are no goods
    ("Chile provided no evidence for the claim.", "transfer"),
    ("Peru sent an apology to Chile after the incident.", "transfer"),
    ("Officials sent assurances to Peru that the border would stay open.", "transfer"),
    # a receiving noun with no giver named, or whose goods have no origin
    ("Peru is the largest buyer of cars in the region.", "transfer"),
    ("The recipients of the award were named on Monday.", "transfer"),
    # a measure used on a party is no attack; a blow with something else is no sanction
    ("Chile targeted Bolivia with an embargo on arms.", "attack"),
    ("The police hit the protesters with batons.", "sanction"),
    # a list that is no sanctions list; a firm or an office taken over is no seizure
    ("Chile added Andes Trading to the list of speakers.", "sanction"),
    ("The minister was added to the list of guests.", "sanction"),
    ("The company took over the firm Andes Trading in May.", "seize"),
    ("Peru took over the rotating presidency.", "seize"),
    # (lexicon7) the other senses of the new attack and sanction words: filming, rising, a jab, a
    # measure that is no sanction, a mood
    ("Chile shot a documentary about Peru.", "attack"),
    ("Peru's new policy shoots for the stars in its talks with Chile.", "attack"),
    ("The Bolivian summit shot Chile's president to fame.", "attack"),
    ("A French crew shot the film in Morocco.", "attack"),
    ("Brazil shot a video of the Argentine delegation.", "attack"),
    ("Peru gave booster shots to Bolivian migrants.", "attack"),
    ("Chile's prices shot up after Peru closed the border.", "attack"),
    ("Iran's exports shot up after China eased its rules.", "attack"),
    ("Chile struck up a friendship with Peru.", "attack"),
    ("The Chilean minister shot back at Peru's critics.", "attack"),
    ("Chile shot down two Peruvian missiles.", "attack"),
    ("Israel's defences shot down rockets fired by Hamas.", "attack"),
    ("Peru has a siege mentality about Chile, analysts say.", "attack"),
    # "aggression" names a stance more often than an act ("a hedge against Peruvian aggression"),
    # so it is no attack noun (on the dev news, 2 of 8 such readings were an attack that happened)
    ("Chile bought jets as a hedge against Peruvian aggression.", "attack"),
    ("Peru reimposed a curfew on Lima.", "sanction"),
    ("Ecuador reimposed its mask rule for visitors from Colombia.", "sanction"),
    pytest.param("Bolivia called the report a character assassination of its president by Chile.", "attack",
                 marks=pytest.mark.xfail(strict=True, reason="a noun's figurative modifier is not read")),
]

# (sentence, event, status that must NOT be given)
NOT_STATUS: list[Any] = [
    # sanctions one wishes were not lifted are in force: nothing about them is denied
    ("\"We want to make sure Peru will not lift its sanctions on Chile,\" the minister said.", "sanction",
     "denied"),
    # a deed told beside an aim keeps its own status; a decision taken, and goods "intended for" a
    # party, are no aim of the event
    ("Chile delivered tanks to Bolivia, and Peru plans to buy jets.", "transfer", "hedged"),
    ("Kenya sold fuel to Somalia, which wants to buy more.", "transfer", "hedged"),
    ("Kenya, which plans to build a port, sold fuel to Somalia.", "transfer", "hedged"),
    ("Russia decided to deliver jets to Iran.", "transfer", "hedged"),
    # an act inside a noun or a phrase under the aim's complement is not what is aimed at
    ("Peru is prepared to defend its decision to impose sanctions on Chile.", "sanction", "hedged"),
    ("The law aimed to cut revenue by imposing sanctions on Chile.", "sanction", "hedged"),
    ("The drones, intended for the rebels, were shipped by Iran to Yemen.", "transfer", "hedged"),
    # the active "found" is no finding
    ("Peru found a way to ship oil to Cuba.", "transfer", "attributed"),
    # a hedge inside a clause of time or cause stays there
    ("Chile sold jets to Peru after officials said Bolivia might buy them.", "transfer", "hedged"),
    # an event that dates the cue's act is not what the cue reports
    ("The ministry announced the seizure on Thursday, hours after Chile shipped fuel to Cuba.", "transfer",
     "attributed"),
    ("The envoy spoke in a hall built after Peru sold rifles to Bolivia.", "transfer", "attributed"),
    # a clause coordinated with the accusation, not inside its "of", is no accusation
    ("Peru accused Chile of spying and then sanctioned Bolivia.", "sanction", "attributed"),
    # a belief nobody holds is no attribution; one somebody has grounds for is no hedge
    ("It is assessed that Iran shipped drones to Russia.", "transfer", "attributed"),
    ("It is judged that Ghana smuggled gold to Togo.", "transfer", "attributed"),
    ("The judge said Chile sold jets to Peru.", "transfer", "hedged"),
    ("There is reason to believe that Cuba sent tanks to Angola.", "transfer", "attributed"),
    ("The panel has reason to believe that Iran shipped missiles to Yemen.", "transfer", "hedged"),
    # a quotation left open that the next paragraph does not reopen carries nothing over
    ("The minister said: \"The talks went well.\n\nChile sold rifles to Bolivia in May.", "transfer", "attributed"),
    # a quoted sentence in a paragraph that names no speaker before it is nobody's
    ("The ship docked on Monday. \"Chile sold rifles to Bolivia in May.\"", "transfer", "attributed"),
    # a relative clause on a raised object is presupposed, not suspected
    ("Police suspect the driver who smuggled rifles to Mali.", "transfer", "hedged"),
    # a finding is someone's word, not the outlet's; an object that is not evidence or a clause is no finding
    ("Investigators found evidence that Egypt shipped grain to Lebanon.", "transfer", "asserted"),
    ("Officials found no evidence that Belarus sold rifles to Mali.", "transfer", "attributed"),
    ("The coast guard identified the ship that delivered fuel to Syria.", "transfer", "attributed"),
    ("Police found evidence in the truck, and Belarus sent fuel to Poland.", "transfer", "attributed"),
    ("Police uncovered a plot and Cuba sent tanks to Angola.", "transfer", "attributed"),
    ("The court will judge whether Pakistan sold rifles to Nigeria.", "transfer", "attributed"),
    ("A cargo ship carrying coal has been seized, the ministry announced on Thursday, hours after Pyongyang "
     "fired two missiles.", "test", "attributed"),
    ("The court ruled on Monday, a day after Caracas received Iranian fuel.", "transfer", "attributed"),
    ("Iran did not deny sending drones to Russia.", "transfer", "denied"),
    ("The ministry spokesman rejected reports that its aircraft were used.", "deny", "hedged"),
    ("Washington did not stop Iranian ships that delivered fuel to Venezuela.", "transfer", "denied"),
    ("The European Union announced new sanctions against Belarus.", "sanction", "attributed"),
    ("Pyongyang rejected claims that it shipped rockets to Russia.", "transfer", "hedged"),
    ("Minsk dismissed reports that it supplied fuel to Caracas.", "supply", "hedged"),
    # a state that denies "the reports" denies its own part only; a report with its own content is not carried
    ("A UN panel found that Eritrea sold mortars to Somalia. Minsk dismissed the allegations as lies.", "transfer",
     "denied"),
    ("Officials said Belarus shipped rifles to Sudan. Sudan denied the report that it had bought tanks.",
     "transfer", "denied"),
    # a statement withheld ("has not announced", "did not say") denies nothing
    ("U.S. officials have not announced any plans to seize Iranian tankers bound for Venezuela.", "seize", "denied"),
    ("The ministry did not say whether Iran had shipped drones to Russia.", "transfer", "denied"),
    # a denial by someone who is no party to the event, or by nobody named, is not the parties' denial
    ("Iran armed the Houthis, despite denials by Saudi Arabia.", "supply", "denied"),
    ("Iran armed the Houthis, despite denials.", "supply", "denied"),
    # an accusation does not reach a clause coordinated after it
    ("Paris accused Ankara of lying, and Ankara later sent drones to Tripoli.", "transfer", "attributed"),
    # a participle beside a denial is the denier's own act
    ("The minister rejected the accusations, warning that Chile would face consequences.", "warn", "denied"),
    # one reading of an event per pair and sentence: the denial outweighs the admission
    ("Syria has admitted to buying a few drones from Iran, but has denied buying drones from Iran for use against "
     "Israel.", "transfer", "asserted"),
    # a clause that worried someone is the event's effect, not a fear of it
    ("The minister said Chile sold rifles to Bolivia, a deal that worried Peru.", "transfer", "hedged"),
    ("Peru worried for years, and Chile sold rifles to Bolivia.", "transfer", "hedged"),
    # a denial by nobody (or next to nobody) concedes the claim: neither denied nor left open
    ("No one denies that Iran ships oil to Syria.", "transfer", "denied"),
    ("No one denies that Iran ships oil to Syria.", "transfer", "hedged"),
    ("Few observers deny that Chile sold rifles to Peru.", "transfer", "denied"),
    ("Nobody disputes that Kenya supplied fuel to Somalia.", "supply", "denied"),
    ("There is no denying that Laos sent timber to Vietnam.", "transfer", "denied"),
    ("Few deny that Ghana smuggled gold to Togo.", "transfer", "denied"),
    ("It is hard to deny that Chile sold rifles to Peru.", "transfer", "denied"),
    ("It is impossible to dispute that Kenya shipped fuel to Somalia.", "transfer", "denied"),
    # a factive verb takes its clause as a fact: not knowing it denies nothing
    ("They do not know that Chile sold jets to Peru.", "transfer", "denied"),
    ("Officials did not realize that Ghana had shipped gold to Togo.", "transfer", "denied"),
    ("Lima never noticed that Quito had bought drones from Caracas.", "transfer", "denied"),
    # ... but ignorance nobody holds leaves the clause open, neither denied nor given
    ("It is not known if Kenya shipped fuel to Somalia.", "transfer", "asserted"),
    ("It is not known whether Ghana sold gold to Togo.", "transfer", "asserted"),
    # an unanswered question is no answer
    ("Officials have not answered why Ghana shipped gold to Togo.", "transfer", "denied"),
    # an aim given up or turned down is no denial
    ("Chile does not want to supply rifles to Peru.", "supply", "denied"),
    ("Ghana doesn’t want to sell gold to Togo, its minister said.", "transfer", "denied"),
    ("Germany did not intend to send tanks to Poland, the minister said.", "transfer", "denied"),
    ("Kenya does not have any plans to send fuel to Somalia.", "transfer", "denied"),
    ("Israel is not willing to supply air defences to Georgia.", "supply", "denied"),
    # ... nor asserted as done
    ("Turkey has no plans to deliver drones to Kenya.", "transfer", "asserted"),
    ("Hungary is reluctant to send arms to Ukraine.", "transfer", "asserted"),
    ("Brazil refused to sell tanks to Ukraine.", "transfer", "attributed"),
    # ... but refusing to stop an act is keeping it up
    ("Chile refused to stop selling rifles to Peru.", "transfer", "hedged"),
    ("Laos has declined to stop exporting timber to Vietnam.", "transfer", "hedged"),
]

# (sentence, event, a word that must not be in the source or chain of any claim of that event)
NOT_SOURCE: list[Any] = [
    # (srcfix) a charge hung on the agent is no part of the speaker; a linking "and" is none either;
    # documents that state nothing are no source; a person only talked about is not "he" / "she"
    ("Serbia has been accused by Kyiv of selling shells to Armenia.", "transfer", "selling"),
    ("And court documents uncovered by a local paper allege that Chile sold rifles to Bolivia.", "transfer",
     "and court"),
    ("The papers lodged with the tribunal were lost after Chile sold rifles to Bolivia.", "transfer", "papers"),
    ("Officials lodged papers with the tribunal after Peru shipped fuel to Cuba.", "transfer", "papers"),
    ("Leaked memos embarrassed Lima after Peru shipped fuel to Cuba.", "transfer", "memos"),
    ("Maria Lopez, a spokeswoman for the ministry, said nobody had shown that Carlos Mendoza broke the law. "
     "She added that Chile sold rifles to Bolivia.", "transfer", "mendoza"),
    ("Ivan Petrov told reporters that Maria Lopez had resigned. He said Moscow would ship wheat to Venezuela.",
     "transfer", "lopez"),
    ("Senator Tom Reyes voiced concern that Pedro Gomez was helping Iran. He said Iran shipped drones to Russia.",
     "transfer", "gomez"),
    ("General Omar Haddad said the army would not arrest Juan Ortega. He added that Syria received fuel from Iran.",
     "transfer", "ortega"),
    ("Omar Haddad, a spokesman for Juan Ortega's campaign, said the talks had failed. He added that Syria "
     "received fuel from Iran.", "transfer", "ortega"),
    ("As noted, countries like Peru, which do not feel threatened, sold fuel to Cuba.", "transfer", "countries"),
    # what the pronoun itself says names others, not its speaker
    ('Omar Haddad spoke in Lima. "We no longer hear threats of an attack from Juan Ortega," he said.', "attack",
     "ortega"),
    # a passive cue names no speaker: the raised subject is what is said about
    ("Peru is said to have shipped oil to Cuba.", "transfer", "peru"),
    ("Kenya is said to be selling fuel to Somalia.", "transfer", "kenya"),
    # documents that state nothing are no source
    ("Court documents were filed after Chile shipped rifles to Bolivia.", "transfer", "documents"),
    ("Documents filed in court were lost after Chile shipped rifles to Bolivia.", "transfer", "documents"),
    ("Officials filed documents after Chile shipped rifles to Bolivia.", "transfer", "documents"),
    # a document received, or one with an owner of its own, is not the one someone issued before
    ("The council received a report in May. The report said Chile shipped fuel to Cuba.", "transfer", "council"),
    ("Peru issued a statement. The Chilean statement said Chile shipped fuel to Cuba.", "transfer", "peru"),
    # a denier's portfolio ("department of Chilean affairs") names a topic, not a speaker; a holder is kept
    ("The head of the Peruvian foreign ministry's department of Chilean affairs denied that Peru sold rifles to "
     "Bolivia.", "transfer", "chilean"),
    ("A spokesman for the Cuban ministry of Angolan affairs rejected reports that Cuba sent tanks to Namibia.",
     "transfer", "angolan"),
    # the outlet that quotes a denier relays the denial; it does not deny
    ("The agency quoted Peru's foreign minister as denying that Peru had sold rifles to Bolivia.", "transfer",
     "agency"),
    ("LIMA, PERU - Peru's president has warned Chile against new arms sales to Bolivia.", "warn", "lima"),
    # a closed quotation is not carried into the next paragraph's own speaker
    ("The minister said: \"The talks went well.\"\n\n\"Chile sold rifles to Bolivia,\" the envoy said.", "transfer",
     "minister"),
    # a quotation with its own cue keeps its own speaker
    ("\"Chile sold rifles to Bolivia,\" the envoy said. \"Peru attacked Ecuador in May,\" a diplomat added.",
     "attack", "envoy"),
    # the host of a denier's office is not the denier
    ("Iran's mission to the United Nations denied that Tehran had supplied arms to the Houthis.", "supply",
     "united nations"),
    ("Peru's embassy in Chile said Peru had never sold rifles to Bolivia.", "transfer", "chile"),
    # the grounds are not the believer
    ("We have reason to believe that Cuba sent tanks to Angola.", "transfer", "reason"),
    # a verb with its own complement after the noun takes it as object ("accuses X of", "urged X to"),
    # not as an inverted speaker
    ("Chile sells jets to Peru, accuses Bolivia of smuggling arms.", "transfer", "bolivia"),
    ("Cuba shipped sugar to Angola, urged Namibia to follow.", "transfer", "namibia"),
    ("Chile sold jets to Peru, a defence official told Reuters on Friday.", "transfer", "reuters"),
    ("Belarus sold rifles to Mali, a European diplomat, citing a confidential report, told Reuters.", "transfer",
     "reuters"),
    ("The Ruritanian envoy, Ana Lopez, on Monday criticized Chile.", "condemn", "monday"),
    ("Cuba sent tanks to Angola, the ministry said on Monday.", "transfer", "monday"),
    ("Speaking after meeting Ana Ruiz and Ivan Petrov, officials said Chile had sold jets to Peru.", "transfer",
     "petrov"),
    # a relative clause on a noun after the comma names no speaker ("a deal that worried X")
    ("The minister said Chile sold rifles to Bolivia, a deal that worried Peru.", "transfer", "deal"),
    ("Officials said Cuba sent tanks to Angola, a move which angered Namibia.", "transfer", "move"),
    # a participle after the reported clause is the reporter's act, not the clause subject's
    ("Lima said that no arms deal with Quito had ever existed, adding that Chile sold jets to Peru.", "transfer",
     "deal"),
    # the accused after "..., accuses" is no speaker closing the sentence (a headline's second verb)
    ("Chile seizes Peruvian tanker, accuses Lima of smuggling fuel to Bolivia.", "seize", "lima"),
    ("Ghana detains cargo ship, accuses Togo of shipping gold to Mali.", "seize", "togo"),
    # a relay closing the sentence is not the innermost speaker of what it relays
    ("Kenya said on Monday it never shipped fuel to Somalia, local media reported.", "transfer", "media"),
    ("Havana said last week that it had never shipped oil to Damascus, according to state TV.", "transfer", "state tv"),
    ("Tehran said it had not sent drones to Moscow, according to the official IRNA agency.", "transfer", "irna"),
]


@pytest.fixture(scope="module")
def read(request: pytest.FixtureRequest) -> dict[str, list[Claim]]:
    """Every sentence of the tables, read in one batch."""
    return read_rows(row for table in (POSITIVE, NEGATIVE, ABSENT, NOT_STATUS, AMOUNTS, NOT_SOURCE) for row in table)


def _source(claim: Claim) -> str:
    att = claim.attribution
    if att is None:
        return ""
    return " ".join([att.source.text if att.source else "", *att.chain]).lower()


def test_the_table_is_large_and_varied() -> None:
    assert len(POSITIVE) + len(NEGATIVE) + len(ABSENT) + len(NOT_STATUS) + len(AMOUNTS) >= 150
    events = {(row.values if hasattr(row, "values") else row)[1] for row in POSITIVE}
    assert len(events) >= 12
    for status in ("asserted", "attributed", "hedged", "denied"):
        assert sum((row.values if hasattr(row, "values") else row)[4] == status for row in POSITIVE) >= 10


@pytest.mark.parametrize(("text", "event", "agent", "party", "status", "source"), POSITIVE)
def test_frame(read: dict[str, list[Claim]], text: str, event: str, agent: str, party: str | None,
               status: str, source: str | None) -> None:
    claims = read[text]
    found = list(matching(claims, event, agent, party))
    assert found, f"no {event}({agent} -> {party}) in {[(c.subject, c.predicate, c.object) for c in claims]}"
    assert any(c.status == status for c in found), [c.status for c in found]
    if source is not None:
        assert any(c.status == status and source.lower() in _source(c) for c in found), [_source(c) for c in found]


@pytest.mark.parametrize(("text", "event", "agent", "party"), NEGATIVE)
def test_no_frame(read: dict[str, list[Claim]], text: str, event: str, agent: str | None, party: str) -> None:
    wrong = list(matching(read[text], event, agent, party))
    assert not wrong, [(c.subject, c.predicate, c.object) for c in wrong]


@pytest.mark.parametrize(("text", "event"), ABSENT)
def test_no_event(read: dict[str, list[Claim]], text: str, event: str) -> None:
    claims = read[text]
    if event == "hedge":
        assert all(c.status != "hedged" for c in claims), [(c.predicate, c.status) for c in claims]
    else:
        assert all(c.predicate != event for c in claims), [(c.subject, c.predicate, c.object) for c in claims]


@pytest.mark.parametrize(("text", "event", "status"), NOT_STATUS)
def test_not_status(read: dict[str, list[Claim]], text: str, event: str, status: str) -> None:
    claims = [c for c in read[text] if c.predicate == event]
    assert claims, f"no {event} in {[(c.subject, c.predicate, c.object) for c in read[text]]}"
    assert all(c.status != status for c in claims), [c.status for c in claims]


@pytest.mark.parametrize(("text", "event", "word"), NOT_SOURCE)
def test_not_source(read: dict[str, list[Claim]], text: str, event: str, word: str) -> None:
    claims = [c for c in read[text] if c.predicate == event]
    assert claims, f"no {event} in {[(c.subject, c.predicate, c.object) for c in read[text]]}"
    assert all(word not in _source(c) for c in claims), [_source(c) for c in claims]


@pytest.mark.parametrize(("text", "event", "agent", "amount"), AMOUNTS)
def test_amount(read: dict[str, list[Claim]], text: str, event: str | None, agent: str, amount: str) -> None:
    claims = [c for c in read[text] if (event is None or c.predicate == event) and agent.lower() in claim_names(c, "subject")]
    assert claims, [(c.subject, c.predicate, c.object) for c in read[text]]
    assert any(c.amount == amount for c in claims), [c.amount for c in claims]
