// Demo content: the site's own invented reporting about a fictional harbor city, written for this project.
export type SeedBlock = { type: "paragraph"; text: string } | { type: "heading"; text: string } | { type: "readAlso"; slug: string };

export type SeedArticle = {
  slug: string;
  section: string;
  authors: string[];
  headline: string;
  dek: string;
  image: { file: string; alt: string; caption: string; credit: string };
  hoursAgo: number;
  updatedHoursAgo?: number;
  body: SeedBlock[];
};

export const sections = [
  { slug: "international", name: "International", description: "Diplomacy, conflict and trade beyond our shores." },
  { slug: "city", name: "City", description: "Council decisions, neighborhoods and the life of the harbor city." },
  { slug: "business", name: "Business", description: "Markets, shipping, work and money." },
];

export const authors = [
  { slug: "marta-okafor", name: "Marta Okafor", bio: "Diplomatic correspondent covering security and foreign policy." },
  { slug: "jonas-lindqvist", name: "Jonas Lindqvist", bio: "City hall reporter since 2019." },
  { slug: "priya-raman", name: "Priya Raman", bio: "Business editor; writes about shipping, energy and labor." },
  { slug: "tomas-ferreira", name: "Tomás Ferreira", bio: "Photographer and reporter on the waterfront beat." },
];

export const tags = [
  { slug: "maritime-security", name: "Maritime security", description: "Navies, coast guards and the safety of the strait." },
  { slug: "shipping", name: "Shipping", description: "Ports, cargo and the people who move it." },
  { slug: "energy", name: "Energy", description: "Power prices, wind farms and the grid." },
  { slug: "transport", name: "Transport", description: "Ferries, streets and getting around the city." },
  { slug: "jobs", name: "Jobs", description: "Work, training and wages." },
  { slug: "culture", name: "Culture", description: "Libraries, festivals and the arts." },
];

// Newsroom furniture beyond the text: topics, the type of work, sources, corrections, editor's picks and old slugs.
export const articleExtras: Record<
  string,
  {
    tags: string[];
    kind?: "NEWS" | "ANALYSIS" | "OPINION";
    sources?: { title: string; publisher: string; url?: string }[];
    corrections?: { text: string; hoursAgo: number }[];
    picks?: string[];
    oldSlugs?: string[];
  }
> = {
  "defense-ministers-agree-naval-hotline-after-strait-talks": {
    tags: ["maritime-security", "shipping"],
    sources: [
      { title: "Joint statement of the defense ministers", publisher: "Ministry of Defense", url: "https://example.org/statements/naval-hotline" },
      { title: "Interviews with fishing crews at the north quay", publisher: "The Harbor Ledger" },
    ],
    corrections: [
      { text: "An earlier version of this article gave the wrong date for the first hotline test. It is planned for March, not February.", hoursAgo: 2 },
    ],
    picks: ["fishing-crews-ask-for-seat-at-maritime-safety-table"],
    oldSlugs: ["ministers-agree-naval-hotline"],
  },
  "fishing-crews-ask-for-seat-at-maritime-safety-table": { tags: ["maritime-security", "jobs"] },
  "trade-envoys-reopen-grain-corridor-negotiations": { tags: ["shipping"], kind: "ANALYSIS" },
  "port-authority-approves-night-shifts-container-terminal": { tags: ["shipping", "jobs"] },
  "harbor-bakery-chain-doubles-apprentice-places": { tags: ["jobs"] },
  "electricity-prices-fall-as-offshore-wind-farm-connects": { tags: ["energy"] },
  "council-votes-to-pedestrianize-old-market-street": { tags: ["transport"], kind: "OPINION" },
  "new-ferry-timetable-adds-late-crossings": { tags: ["transport"] },
  "library-reopens-after-two-year-renovation": { tags: ["culture"] },
};

const p = (text: string): SeedBlock => ({ type: "paragraph", text });
const h = (text: string): SeedBlock => ({ type: "heading", text });
const readAlso = (slug: string): SeedBlock => ({ type: "readAlso", slug });

export const articles: SeedArticle[] = [
  {
    slug: "defense-ministers-agree-naval-hotline-after-strait-talks",
    section: "international",
    authors: ["marta-okafor", "tomas-ferreira"],
    headline: "Defense ministers agree to a naval hotline after two days of talks on the strait",
    dek: "The agreement stops short of a patrol pact, but both sides called it the most concrete step in a decade.",
    image: {
      file: "/images/demo/ministers-talks.jpg",
      alt: "Two delegations seated facing each other across a long table with flags behind them",
      caption: "The two delegations opened the second day of talks in the old customs house.",
      credit: "Tomás Ferreira / The Harbor Ledger",
    },
    hoursAgo: 3,
    updatedHoursAgo: 1,
    body: [
      p(
        "Defense ministers from the two largest navies operating in the strait agreed on Tuesday to open a direct telephone line between their fleet commands, ending two days of closed-door talks that officials on both sides described as tense but workmanlike.",
      ),
      p(
        "The hotline is meant to let duty officers speak within minutes when ships or aircraft come close, according to a report published by the Northern Wire, which cited a draft of the joint statement seen before the final session.",
      ),
      h("What the ministers signed"),
      p(
        "The signed text commits both fleets to report large exercises at least 72 hours in advance and to keep a list of radio frequencies that will be monitored around the clock. It does not set distances ships must keep from one another, which one delegation had asked for until the last evening.",
      ),
      p(
        "A senior official who took part in the talks said the two sides had spent most of the second day on a single paragraph about submarines, and left it out rather than let it sink the rest.",
      ),
      readAlso("port-authority-approves-night-shifts-container-terminal"),
      p(
        "Analysts were cautious. In an article published by the Coastal Review, a retired rear admiral wrote that hotlines only work if someone senior enough answers them, and that the first real test would come during the spring exercise season.",
      ),
      h("Reactions in the region"),
      p(
        "Neighboring governments welcomed the agreement in brief statements. Fishing associations, whose boats share the same waters, asked to be included in the notification scheme, saying their crews often learn of exercises from the radio traffic itself.",
      ),
      p(
        "The ministers are due to meet again in six months. Both said they would review whether the hotline had been used and whether the notification period should be longer.",
      ),
      readAlso("fishing-crews-ask-for-seat-at-maritime-safety-table"),
      p("Neither ministry released the full text on Tuesday. A spokesperson said it would be published once both parliaments had been briefed."),
    ],
  },
  {
    slug: "fishing-crews-ask-for-seat-at-maritime-safety-table",
    section: "international",
    authors: ["tomas-ferreira"],
    headline: "Fishing crews ask for a seat at the maritime safety table",
    dek: "Skippers say they share the water with warships but hear about exercises last.",
    image: {
      file: "/images/demo/fishing-boats.jpg",
      alt: "Small fishing boats moored side by side at dawn",
      caption: "Boats of the northern cooperative wait out the weather in the inner harbor.",
      credit: "Tomás Ferreira / The Harbor Ledger",
    },
    hoursAgo: 26,
    body: [
      p(
        "The skippers of the northern fishing cooperative have written to both defense ministries asking to be told about naval exercises at the same time as commercial shipping is.",
      ),
      h("Lost days at sea"),
      p(
        "Cooperative members say they lost eleven fishing days last year to closures announced at short notice. The letter asks for a single notice board, in plain language, that a skipper can check before leaving port.",
      ),
      p(
        "The ministries have not replied. A cooperative spokesperson said the crews would raise the matter again at the regional fisheries meeting next month.",
      ),
    ],
  },
  {
    slug: "trade-envoys-reopen-grain-corridor-negotiations",
    section: "international",
    authors: ["marta-okafor"],
    headline: "Trade envoys reopen talks on the grain corridor",
    dek: "Insurance costs, not politics, are now the main obstacle, negotiators say.",
    image: {
      file: "/images/demo/grain-ship.jpg",
      alt: "A bulk carrier loading grain under tall silos",
      caption: "A bulk carrier takes on grain at the western silos.",
      credit: "The Harbor Ledger",
    },
    hoursAgo: 50,
    body: [
      p(
        "Envoys from four governments returned to the negotiating table on Monday to try to restore a shipping corridor for grain that has carried little traffic since the summer.",
      ),
      h("The price of cover"),
      p(
        "Insurers still charge war-risk premiums several times higher than before the corridor closed, shipping agents said, which makes each voyage marginal even when the route is open.",
      ),
      p("Negotiators hope a state-backed insurance pool could bring the premiums down. A draft is expected before the end of the month."),
    ],
  },
  {
    slug: "port-authority-approves-night-shifts-container-terminal",
    section: "business",
    authors: ["priya-raman"],
    headline: "Port authority approves night shifts at the container terminal",
    dek: "Longer hours should cut waiting times for ships, but neighbors worry about noise.",
    image: {
      file: "/images/demo/container-terminal.jpg",
      alt: "Cranes above stacked shipping containers at dusk",
      caption: "Gantry cranes at the east terminal, which will now work through the night.",
      credit: "Priya Raman / The Harbor Ledger",
    },
    hoursAgo: 8,
    body: [
      p("The port authority board voted six to one on Monday to let the east container terminal operate around the clock from the first of next month."),
      h("Waiting at anchor"),
      p(
        "Ships now wait an average of nineteen hours at anchor before a berth is free, according to the authority's own figures. The operator expects night work to cut that by half within a year.",
      ),
      p("The dockworkers' union agreed to the new rota after a pay supplement for night shifts was added to the contract."),
      h("Neighbors' concerns"),
      p(
        "Residents of the streets above the terminal asked for quieter equipment and limits on reversing alarms after midnight. The board asked the operator to report on noise every quarter.",
      ),
    ],
  },
  {
    slug: "harbor-bakery-chain-doubles-apprentice-places",
    section: "business",
    authors: ["priya-raman"],
    headline: "Harbor bakery chain doubles its apprentice places",
    dek: "The family firm says it cannot hire enough trained bakers and will train its own.",
    image: {
      file: "/images/demo/bakery.jpg",
      alt: "Loaves of bread cooling on wooden racks",
      caption: "Morning loaves at the chain's central bakery.",
      credit: "The Harbor Ledger",
    },
    hoursAgo: 31,
    body: [
      p(
        "A bakery chain with fourteen shops across the city will take on forty apprentices this year, twice as many as last year, its owners said on Thursday.",
      ),
      p("The apprentices will spend two days a week at the vocational college and three in the central bakery, and will be paid from the first day."),
    ],
  },
  {
    slug: "electricity-prices-fall-as-offshore-wind-farm-connects",
    section: "business",
    authors: ["priya-raman", "marta-okafor"],
    headline: "Electricity prices fall as the offshore wind farm connects",
    dek: "Wholesale prices dropped on the first windy week, though households will wait for their bills to follow.",
    image: {
      file: "/images/demo/wind-farm.jpg",
      alt: "Wind turbines on the sea horizon under a pale sky",
      caption: "The offshore turbines seen from the lighthouse point.",
      credit: "Tomás Ferreira / The Harbor Ledger",
    },
    hoursAgo: 72,
    body: [
      p("Wholesale electricity prices in the region fell by almost a fifth in the first full week after the offshore wind farm was connected to the grid."),
      h("When bills change"),
      p(
        "Suppliers buy most of their power months in advance, so household tariffs will move more slowly. The energy regulator said it would publish a review of supplier margins in the spring.",
      ),
    ],
  },
  {
    slug: "council-votes-to-pedestrianize-old-market-street",
    section: "city",
    authors: ["jonas-lindqvist"],
    headline: "Council votes to close Old Market Street to cars",
    dek: "Shopkeepers are split; delivery vans will be allowed in before ten in the morning.",
    image: {
      file: "/images/demo/market-street.jpg",
      alt: "A narrow shopping street with cobblestones and awnings",
      caption: "Old Market Street on a Saturday morning.",
      credit: "Jonas Lindqvist / The Harbor Ledger",
    },
    hoursAgo: 5,
    body: [
      p(
        "The city council voted on Wednesday night to close Old Market Street to cars from the spring, after a trial last summer that brought more people on foot but fewer customers for some shops.",
      ),
      h("A year of trial and error"),
      p(
        "The council will review the closure after twelve months. Delivery vans will be allowed in until ten each morning, and disabled drivers will keep their parking bays at either end.",
      ),
      readAlso("new-ferry-timetable-adds-late-crossings"),
      p("The traders' association said it would ask the council to pay for new signs pointing drivers to the multi-storey car park."),
    ],
  },
  {
    slug: "new-ferry-timetable-adds-late-crossings",
    section: "city",
    authors: ["jonas-lindqvist"],
    headline: "New ferry timetable adds late crossings to the islands",
    dek: "The last boat will leave at half past midnight on Fridays and Saturdays.",
    image: {
      file: "/images/demo/ferry.jpg",
      alt: "A passenger ferry leaving the quay at night with its lights on",
      caption: "The evening ferry leaves the central quay.",
      credit: "The Harbor Ledger",
    },
    hoursAgo: 20,
    body: [
      p("Island residents will be able to stay in the city later at weekends under a new ferry timetable that begins next month."),
      p("The operator said the late crossings would run for a year as a trial and would stay if enough passengers used them."),
    ],
  },
  {
    slug: "library-reopens-after-two-year-renovation",
    section: "city",
    authors: ["jonas-lindqvist", "tomas-ferreira"],
    headline: "The central library reopens after a two-year renovation",
    dek: "A reading room facing the water, longer hours, and a repair café in the basement.",
    image: {
      file: "/images/demo/library.jpg",
      alt: "A bright reading room with tall windows and rows of shelves",
      caption: "The new reading room on the library's top floor.",
      credit: "Tomás Ferreira / The Harbor Ledger",
    },
    hoursAgo: 96,
    body: [
      p("The central library reopened on Saturday with a new reading room under the roof, a children's floor and opening hours until nine every evening."),
      p("More than four thousand people came through the doors on the first day, the library said."),
    ],
  },
];

// A few approved, threaded comments on the seed-like article, so the comment area shows what it looks like.
export const comments = [
  {
    key: "a",
    parent: null,
    name: "Helen Brandt",
    email: "helen.brandt@example.org",
    website: "https://example.org/helen",
    body: "A hotline is a small thing, but small things are what stop a collision turning into something worse.",
    minutesAfter: 40,
  },
  {
    key: "b",
    parent: "a",
    name: "Rafael Costa",
    email: "rafael.costa@example.net",
    website: null,
    body: "Agreed, as long as someone senior answers it. The Coastal Review piece makes that point well.",
    minutesAfter: 55,
  },
  {
    key: "c",
    parent: "b",
    name: "Helen Brandt",
    email: "helen.brandt@example.org",
    website: "https://example.org/helen",
    body: "Fair. The spring exercises will tell us.",
    minutesAfter: 70,
  },
  {
    key: "d",
    parent: null,
    name: "Ines Walker",
    email: "ines.walker@example.com",
    website: null,
    body: "Good to see the fishing crews mentioned. My brother skippers out of the north harbor and they really do hear about closures last.",
    minutesAfter: 90,
  },
] as const;

// Readers' comments on two older stories, so the front page's "Most commented" rail has something to rank besides
// the lead.
export const otherComments = [
  {
    slug: "trade-envoys-reopen-grain-corridor-negotiations",
    name: "Tomas Lindqvist",
    email: "tomas.lindqvist@example.org",
    body: "The insurers' terms will decide this more than the envoys. Nobody sails without cover.",
    minutesAfter: 120,
  },
  {
    slug: "trade-envoys-reopen-grain-corridor-negotiations",
    name: "Amara Osei",
    email: "amara.osei@example.com",
    body: "Bakers here will feel the price of flour long before any agreement is signed.",
    minutesAfter: 200,
  },
  {
    slug: "electricity-prices-fall-as-offshore-wind-farm-connects",
    name: "Jon Eriksen",
    email: "jon.eriksen@example.net",
    body: "Lower prices are welcome, but the article is right to ask what happens on calm days in January.",
    minutesAfter: 90,
  },
] as const;
