// A deterministic archive: the same articles on every run, with words drawn Zipf-like from a few thousand invented
// words, real news vocabulary, function words, a few stock phrases and a handful of rare words.

import { FUNCTION_WORDS, NEWS_WORDS, PHRASES } from "./news-vocabulary";

export { COMMON_WORD } from "./news-vocabulary";

function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const random = mulberry32(20_261_126);
const between = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

// Draws from a list with weight 1/(rank+offset)^s (Zipf-Mandelbrot): the first words are common, the last ones rare,
// and the offset keeps the head from swamping every article with its top few words.
function zipf(words: readonly string[], exponent: number, offset = 1): () => string {
  const cumulative: number[] = [];
  let total = 0;
  for (let rank = 0; rank < words.length; rank += 1) {
    total += 1 / Math.pow(rank + offset, exponent);
    cumulative.push(total);
  }
  return () => {
    const target = random() * total;
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (cumulative[middle]! < target) low = middle + 1;
      else high = middle;
    }
    return words[low]!;
  };
}

// Words a search box sees now and then: each one appears in well under one percent of the archive.
const RARE_WORDS = ["lighthouse", "shipwright", "cormorant", "breakwater", "tugboat", "salvage"];
export const RARE_WORD = "lighthouse";

function inventedWords(count: number): string[] {
  const onsets = ["b", "br", "c", "ch", "d", "dr", "f", "fl", "g", "gr", "h", "k", "l", "m", "n", "p", "pr", "r", "s", "sh", "st", "t", "tr", "v", "w"];
  const vowels = ["a", "e", "i", "o", "u", "ai", "ea", "ou", "io"];
  const codas = ["", "", "", "n", "r", "s", "l", "m", "nd", "st", "rt", "ck"];
  const taken = new Set([...FUNCTION_WORDS, ...NEWS_WORDS, ...RARE_WORDS, ...PHRASES.flatMap((p) => p.split(" "))]);
  const words = new Set<string>();
  while (words.size < count) {
    let word = "";
    for (let syllable = between(2, 3); syllable > 0; syllable -= 1) word += pick(onsets) + pick(vowels) + pick(codas);
    if (!taken.has(word)) words.add(word);
  }
  return [...words];
}

const nextInvented = zipf(inventedWords(3_000), 1.0, 10);
const nextNews = zipf(NEWS_WORDS, 1.0, 10);
const nextFunction = zipf(FUNCTION_WORDS, 0.8);

// One word (or stock phrase) of running text; headlines lean on news vocabulary and skip most function words.
function nextToken(headline = false): string {
  const roll = random();
  if (roll < 0.0001) return pick(RARE_WORDS);
  if (roll < (headline ? 0.03 : 0.0015)) return pick(PHRASES);
  if (roll < (headline ? 0.15 : 0.4)) return nextFunction();
  if (roll < (headline ? 0.55 : 0.46)) return nextNews();
  return nextInvented();
}

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function sentence(words: number): string {
  const tokens = Array.from({ length: words }, () => nextToken());
  if (words > 10 && random() < 0.5) tokens[between(3, words - 3)] += ",";
  return `${capitalize(tokens.join(" "))}.`;
}

function paragraph(): string {
  const target = between(40, 80);
  const sentences: string[] = [];
  for (let words = 0; words < target;) {
    const length = Math.min(between(8, 22), Math.max(4, target - words));
    sentences.push(sentence(length));
    words += length;
  }
  return sentences.join(" ");
}

export type ArchiveRow = { slug: string; headline: string; dek: string; body: { type: "paragraph"; text: string }[]; sectionId: number; publishedAt: string };

export function archiveArticle(n: number, sectionIds: number[], now: number): ArchiveRow {
  const headline = capitalize(Array.from({ length: between(8, 12) }, () => nextToken(true)).join(" "));
  return {
    slug: `archive-${n}-${headline
      .toLowerCase()
      .replace(/[^a-z]+/g, "-")
      .slice(0, 60)
      .replace(/-+$/, "")}`,
    headline,
    dek: sentence(between(16, 24)),
    body: Array.from({ length: between(8, 15) }, () => ({ type: "paragraph" as const, text: paragraph() })),
    sectionId: pick(sectionIds),
    publishedAt: new Date(now - Math.floor(random() * 3 * 365 * 24 * 3600 * 1000)).toISOString(),
  };
}
