// The archive's words (scripts/lib/bench/news-text.ts draws from them): function words, a harbor city's news
// vocabulary, and stock phrases.

// One word list written as text, in order (the order is each word's rank): a word per line would be 250 lines.
const words = (text: string): string[] => text.trim().split(/\s+/);

// A news word in about a quarter of the articles: the benchmark's common search.
export const COMMON_WORD = "harbor";

export const FUNCTION_WORDS = words(`
  the of and to in a that for on with said was is as at by from it be has have will were are an but not this after
  which their more about they who would been its over than when into some could before while
`);

// Ordered roughly by how often a harbor city's paper uses them: "city" is in most articles, "council" in about a third,
// "harbor" in about a fifth (the common word searched for), the last ones in a few percent.
export const NEWS_WORDS = words(`
  city year new people government week local public plan work money service report state country month family
  children street health market members support security rules prices homes office police minister council workers
  court school party water company center mayor board election budget hospital energy housing wages union port
  ferry strike storm talks trade shipping residents district transport officials statement ${COMMON_WORD} coast bridge crews
  cargo navy judge trial tax rent tenants fire flood tram bus rail airport tariff grain fishing container dock
  pier waterfront festival library museum theater university students teachers nurses doctors patients clinic
  ambulance inflation interest bank loan shares factory jobs unemployment pension benefits parliament opposition
  coalition vote ballot campaign candidate poll referendum protest march negotiations agreement deal treaty
  sanctions embassy diplomat border refugees asylum weather rain wind heat drought wildfire climate emissions
  carbon solar turbine grid electricity gas oil pipeline sewage pollution park traffic cyclists parking
  neighborhood landlord construction developer permit zoning inquiry audit spending deficit surplus investment
  contract tender ministry department agency regulator commission committee chairman executive director
  spokesperson interview evidence witness lawyer prosecutor verdict sentence appeal prison crime robbery arrest
  investigation officers firefighters rescue accident collision injured victims families parents elderly care
  shelter food farmers harvest fishermen quota tourism hotel cruise terminal warehouse logistics exports imports
  customs subsidy grant donation charity volunteers church
`);

// Stock phrases, so that a quoted search has real adjacent pairs to find.
export const PHRASES = [
  "city council",
  "harbor authority",
  "energy prices",
  "housing crisis",
  "ferry service",
  "coast guard",
  "school board",
  "public transport",
  "minimum wage",
  "general strike",
  "container terminal",
  "budget deficit",
];
