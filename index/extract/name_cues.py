"""The words that mark a name in running text, for `index.extract.names`.

- `ORG_HEADS`: the head nouns of organisation names ("Ministry", "University", "Police").
- `GENERIC_OFFICE`: the words of a generic office ("Foreign Ministry", "Ministry of
  Health"), which its state's demonym turns into a name ("Thai Foreign Ministry");
  `OFFICE_WORDS` adds the rarer ones that follow "Minister of …".
- `TITLES`: titles and honorifics before a name ("Prime Minister", "Dr", "Sheikh"), with
  `TITLE_MODIFIERS` that may stand between them ("Deputy Foreign Minister").
- `ROLE_WORDS` and `KIN_WORDS`: lower-case nouns that introduce or describe a person
  ("spokesman X", "her brother X", "X, a hospital director").
- `NOT_NAMES`: capitalised words that are never a new person's name (months, weekdays,
  place words, events, parties' words, companies' words).
"""

from __future__ import annotations

ORG_HEADS = frozenset(
    """Ministry Ministries University College Academy Committee Committees Council Commission
    Police Department Agency Organisation Organization Association Party Institute
    Institution Command Forces Force Service Services Society Authority Foundation Union
    Court Tribunal Programme Program Fund Bank Office Centre Center Network Movement Front
    Brigade Brigades Battalion Battalions Corps Army Guard Guards Federation Confederation
    League Coalition Alliance Parliament Assembly Board Bureau Directorate Administration
    Company Corporation Corp Inc Ltd Trust Campaign Initiative Monitor Syndicate Embassy
    Consulate Mission Secretariat Group Observatory Forum Unit Division Airlines Airways
    Industries Holdings Partners Exchange Institutes Laboratory Clinic Charity Project
    Caucus Utility Cooperative Hospital Patriarchate""".split()  # noqa: SIM905
)
"""Head nouns of organisation names, capitalised as in a name."""

MEDIA_WORDS = frozenset(
    (
        "Broadcasting",
        "Broadcaster",
        "Broadcasters",
        "Television",
        "TV",
        "Radio",
        "News",
        "Newspaper",
        "Newspapers",
    )
)
"""Words that make an organisation's name a news outlet's ("Canadian Broadcasting
Corporation", "Wafa News Agency")."""

GENERIC_OFFICE = frozenset(
    """foreign health defence defense interior finance justice labour labor education
    information economy energy agriculture culture tourism transport welfare religious
    affairs security intelligence public national state social war communications trade
    industry environment housing immigration home strategic planning media government
    civil military internal external endowments prisoners detainees of and the for ministry
    embassy consulate office department parliament cabinet police army""".split()  # noqa: SIM905
)
"""Words of a generic office, lower-cased: "Foreign Ministry", "Ministry of Health"."""

OFFICE_WORDS = GENERIC_OFFICE | frozenset(
    """development international cooperation aid regional diaspora heritage digital science
    technology sport women youth veterans commonwealth overseas cabinet treasury
    exchequer""".split()  # noqa: SIM905
)
"""Words of an office after "Minister of …" ("Minister of International Development"), which
are no person's name."""

ROLE_WORDS = frozenset(
    """spokesman spokeswoman spokesperson official minister president director
    director-general head chief leader commander envoy ambassador negotiator mediator
    adviser advisor aide secretary deputy chairman chairwoman chairperson chair founder
    co-founder member lawmaker legislator senator congressman congresswoman representative
    mayor governor general officer colonel major captain sergeant lieutenant brigadier
    admiral soldier reservist rabbi imam priest bishop cleric professor lecturer analyst
    expert researcher scholar economist lawyer attorney judge prosecutor activist campaigner
    organiser organizer resident survivor witness victim hostage captive detainee prisoner
    student worker farmer driver paramedic medic doctor surgeon nurse physician pharmacist
    correspondent reporter journalist photographer photojournalist editor producer
    cameraman writer author columnist cartoonist blogger singer actor actress artist
    musician footballer player coach executive manager owner teacher coordinator
    commissioner rapporteur chancellor premier king queen prince princess emir sultan
    sheikh ayatollah pope cardinal patriarch candidate nominee mp ceo pilot commentator
    historian diplomat volunteer engineer mufti councillor councilor counsellor counselor
    superagent businessman businesswoman entrepreneur billionaire philanthropist
    presenter host anchor filmmaker director-general commissioner-general speaker
    undersecretary under-secretary inspector dean principal headteacher boss co-ordinator""".split()  # noqa: SIM905
)
"""Lower-case nouns for a person's role: "spokesman X", "X, a hospital director"."""

KIN_WORDS = frozenset(
    """mother father son daughter brother sister husband wife grandmother grandfather
    grandson granddaughter uncle aunt cousin nephew niece fiance fiancee fiancé fiancée
    partner boyfriend girlfriend friend neighbour neighbor relative mum mom dad sibling
    child baby toddler widow widower stepfather stepmother stepson stepdaughter
    brother-in-law sister-in-law son-in-law daughter-in-law father-in-law
    mother-in-law colleague classmate""".split()  # noqa: SIM905
)
"""Lower-case kinship nouns: "her brother Mukesh", "Adi Marciano, her mother"."""

HONORIFICS = frozenset(
    """Mr Mr. Mrs Mrs. Ms Ms. Miss Dr Dr. Prof Prof. Sir Dame Lord Lady Sheikh Sheik Shaikh
    Rabbi Imam Cllr Cllr. Rev Rev. Reverend Sayyed Sayed Haj Hajj Mullah Maulana Mufti
    Ayatollah""".split()  # noqa: SIM905
)
"""Honorifics: a cue even before a single word ("Mr Udomporn", "Ms Lifschitz")."""

TITLES = (
    HONORIFICS
    | frozenset(
        """President Minister Minster Secretary Secretary-General Ambassador Envoy Director
        Director-General Spokesman Spokeswoman Spokesperson Commander Colonel Col Col.
        Lieutenant Lt Lt. Major Maj Maj. Captain Capt Capt. Sergeant Sgt Sgt. Brigadier Brig
        Brig. Admiral Adm Adm. Gen Gen. General Father Cardinal Bishop Archbishop Patriarch
        Emir King Queen Prince Princess Sultan Senator Sen Sen. Representative Rep Rep.
        Congressman Congresswoman Governor Gov Gov. Mayor Judge Justice Chancellor Premier
        Speaker Chairman Chairwoman Chair Chairperson Leader Head Officer Attorney Inspector
        Commissioner Rapporteur Coordinator Undersecretary Under-Secretary Dean Founder
        Co-founder Adviser Advisor Aide Counsellor Counselor Negotiator Mediator Chief
        Pope Cpl Corporal Pvt Private Cmdr Councillor Councilor Brother Sister""".split()  # noqa: SIM905
    )
    | frozenset(word.capitalize() for word in ROLE_WORDS)
)
"""Titles before a name ("Prime Minister Srettha Thavisin"): a cue, not part of the name."""

TITLE_MODIFIERS = frozenset(
    """Vice Prime Foreign Defence Defense Interior Finance Health Justice Special Senior
    Deputy Acting Former Crown Rear Supreme Grand First Second Staff Labour Labor Education
    Economy National Security Strategic Affairs Heritage Agriculture Tourism Energy
    Transport Culture Welfare Communications Intelligence Military Army Chief-of-Staff
    Vice-President Executive Assistant Regional Emergency Humanitarian Permanent Top Lead
    Principal Managing Associate Political Late Then-Secretary Then-President Then-Prime
    Chief Opposition Shadow Home Trade Housing Environment Culture Information Religious
    Public Civil Internal External Endowments Prisoners Detainees Planning Media Veteran
    Independent State""".split()  # noqa: SIM905
)
"""Words that qualify a title ("Deputy Foreign Minister"): stripped, but not a cue alone."""

NOT_NAMES = frozenset(
    """Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April
    May June July August September October November December Jan Feb Mar Apr Jun Jul Aug
    Sep Sept Oct Nov Dec Mon Tue Wed Thu Fri Sat Sun God Allah Islam Islamic Arabic English
    Hebrew Internet Muslim Muslims Jew Jews Jewish Christian Christians Arab Arabs Western
    Holocaust Christmas Ramadan Eid Easter Passover Hanukkah Shabbat Sabbath Covid COVID
    Nakba Intifada Zionist Zionists Zionism Facebook Twitter Telegram Instagram WhatsApp
    TikTok YouTube Google Kibbutz Moshav Street Road Avenue Square Camp City Strip Bank
    Valley Province Governorate District Region Crossing Border Airport Port Mosque Church
    Hospital School Island Islands Sea River Mount Lake Gulf Desert Heights Corridor Gate
    Park Hotel Tower Palace North South East West Northern Southern Eastern Western Central
    Middle Upper Lower Operation War Wars Resolution Accord Accords Agreement Summit
    Conference Games Cup Prize Award Day News Post Times Radio Television Channel Magazine
    Journal Press Online Live Update Updates Photo Photos Video Videos Read Watch Getty
    Images Reporting Editing Writing Additional Related Share Subscribe Advertisement
    Hamas Gaza Israel Israeli Palestinian Palestinians Ministry Health Red Cross Crescent
    Authority Forces Army Police Government Parliament Embassy Here There This That These
    Those They Their Them When Where What Why How While After Before During Since Until
    Meanwhile However Although Though Despite Also Still Yet Even Just Only Now Then Today
    Tonight Yesterday Tomorrow Later Earlier Last Next First Second Third Final New Old
    Global International National Local Regional Human Rights Humanitarian Emergency
    Breaking Exclusive Analysis Opinion Editorial Comment Explainer Family Families
    Hostages Prisoners Victims Survivors Soldiers Troops House Senate Congress Democrat
    Democrats Democratic Republican Republicans Labour Conservative Conservatives Tory
    Tories Liberal Lib Dem Dems Air Atlantic Pacific Energy Oil Gas Motors
    Capital Media Systems Group Technologies Technology Tech Pharma Foods Holdings Partners
    Solutions Services Electric Steel Mining Petroleum Chemical Chemicals Financial
    Securities Insurance Telecom Communications Networks Network Software Labs Care Aid
    Relief Rescue Monitor Alliance Business Economy Markets Market Story Big Economic Peace
    Freedom Liberation Resistance Movement Front Brigades Force Justice Policy Studies
    Affairs Security Defence Defense Foreign Interior Council Committee Party Union League
    Court Office Centre Center Institute University College Agency One Two Three Four Five
    Six Seven Eight Nine Ten Eleven Twelve Thirteen Fourteen Fifteen Sixteen Seventeen
    Eighteen Nineteen Twenty Thirty Forty Fifty Hundred Hundreds Thousand Thousands Dozens
    Million Millions Law Laws Act Treaty Convention Charter Protocol Index Syndrome Star
    Tribune Herald Gazette Daily Observer Chronicle Mirror Express Telegraph Review Sun
    Standard Series League Championship Olympics Festival Contest""".split()  # noqa: SIM905
)
"""Capitalised words that are never (part of) a new person's name."""
