// Marks around matched words in snippets: control characters no article contains, turned into <mark> by the page.
export const MATCH_START = "\u0002";
export const MATCH_END = "\u0003";

const MAX_WORDS = 35;
// A snippet ends at the end of a sentence when one falls after this many words; otherwise it is cut with "…".
const MIN_WORDS = 15;
// Words kept before the first match when the snippet has to start inside a long sentence to show it.
const LEAD_WORDS = 8;

const SENTENCE_END = /[.!?…]["'”’)\]]*$/;
// Short words whose full stop ends no sentence ("Dr. Lind", "St. Olav's").
const ABBREVIATIONS = new Set(["mr.", "mrs.", "ms.", "dr.", "st.", "no.", "vs.", "jr.", "sr.", "prof.", "gen.", "gov.", "sen.", "rep."]);

type Sentence = { block: string[]; start: number; score: number; firstMatch: number };

// The snippet for a result, from the article's text with every match marked (the dek and each paragraph or heading
// on its own line). It opens the sentence with the most different matched words (the first such sentence on a tie,
// so the dek wins when it matches as well as the body), runs on through that paragraph up to MAX_WORDS and stops at
// a sentence end when it can. When the match lies too deep in a long sentence, the snippet starts a few words before
// it, at a word, with "…"; a cut end gets "…" too.
export function searchSnippet(marked: string): string {
  const blocks = marked
    .split("\n")
    .map((line) => line.split(/\s+/).filter(Boolean))
    .filter((words) => words.length > 0);
  const first = blocks[0];
  if (!first) return "";
  const best = blocks.flatMap(sentencesOf).reduce<Sentence | null>((found, sentence) => (sentence.score > (found?.score ?? 0) ? sentence : found), null);
  const { block, start: sentenceStart, firstMatch } = best ?? { block: first, start: 0, firstMatch: 0 };
  const start = firstMatch - sentenceStart >= MAX_WORDS - LEAD_WORDS ? firstMatch - LEAD_WORDS : sentenceStart;
  let end = Math.min(block.length, start + MAX_WORDS);
  if (end < block.length) {
    const sentenceEnd = lastSentenceEnd(block, start + MIN_WORDS - 1, end);
    if (sentenceEnd !== null) end = sentenceEnd;
  }
  const lead = start > sentenceStart ? "… " : "";
  const tail = end < block.length && !endsSentence(block[end - 1]!) ? " …" : "";
  return `${lead}${block.slice(start, end).join(" ")}${tail}`;
}

function sentencesOf(block: string[]): Sentence[] {
  const sentences: Sentence[] = [];
  let current: Sentence = { block, start: 0, score: 0, firstMatch: 0 };
  let terms = new Set<string>();
  block.forEach((word, index) => {
    for (const term of matchedTerms(word)) {
      if (terms.size === 0) current.firstMatch = index;
      terms.add(term);
    }
    if (endsSentence(word) || index === block.length - 1) {
      sentences.push({ ...current, score: terms.size });
      current = { block, start: index + 1, score: 0, firstMatch: index + 1 };
      terms = new Set();
    }
  });
  return sentences;
}

function matchedTerms(word: string): string[] {
  return word
    .split(MATCH_START)
    .slice(1)
    .map((part) => part.split(MATCH_END)[0]!.toLowerCase());
}

function endsSentence(word: string): boolean {
  const plain = word.replaceAll(MATCH_START, "").replaceAll(MATCH_END, "");
  return SENTENCE_END.test(plain) && !ABBREVIATIONS.has(plain.toLowerCase());
}

// Where the last sentence ending on one of the words from..to-1 stops (the index after it), or null.
function lastSentenceEnd(block: string[], from: number, to: number): number | null {
  for (let index = to - 1; index >= from; index -= 1) if (endsSentence(block[index]!)) return index + 1;
  return null;
}
