// Matching for word lists and names: compatibility-normalised (NFKC), accents removed, look-alike letters from
// other scripts mapped to Latin, lower-cased, then compared as whole words. So "ass" never matches "class", while
// "ｃａｓｉｎｏ", "casinò" and a Cyrillic "сasino" all match "casino". Entries may be phrases.

// The Cyrillic and Greek letters most used to imitate Latin ones (a subset of Unicode's confusables, UTS #39).
const LOOK_ALIKES: Record<string, string> = {
  а: "a",
  в: "b",
  е: "e",
  ё: "e",
  к: "k",
  м: "m",
  н: "h",
  о: "o",
  р: "p",
  с: "c",
  т: "t",
  у: "y",
  х: "x",
  і: "i",
  ј: "j",
  ѕ: "s",
  ԁ: "d",
  ӏ: "l",
  α: "a",
  β: "b",
  ε: "e",
  η: "n",
  ι: "i",
  κ: "k",
  ν: "v",
  ο: "o",
  ρ: "p",
  τ: "t",
  υ: "u",
  χ: "x",
  ζ: "z",
};
const LOOK_ALIKE_PATTERN = new RegExp(`[${Object.keys(LOOK_ALIKES).join("")}]`, "g");
// Capitals that imitate Latin capitals, mapped before lower-casing: Greek Μ becomes μ in lower case, which imitates
// nothing, though "Μoderator" reads as "Moderator".
const CAPITAL_LOOK_ALIKES: Record<string, string> = {
  А: "A",
  В: "B",
  Е: "E",
  К: "K",
  М: "M",
  Н: "H",
  О: "O",
  Р: "P",
  С: "C",
  Т: "T",
  У: "Y",
  Х: "X",
  І: "I",
  Ј: "J",
  Ѕ: "S",
  Α: "A",
  Β: "B",
  Ε: "E",
  Ζ: "Z",
  Η: "H",
  Ι: "I",
  Κ: "K",
  Μ: "M",
  Ν: "N",
  Ο: "O",
  Ρ: "P",
  Τ: "T",
  Υ: "Y",
  Χ: "X",
};
const CAPITAL_LOOK_ALIKE_PATTERN = new RegExp(`[${Object.keys(CAPITAL_LOOK_ALIKES).join("")}]`, "g");

function words(text: string): string[] {
  return (
    text
      .normalize("NFKD")
      .replace(/\p{M}+/gu, "")
      .replace(CAPITAL_LOOK_ALIKE_PATTERN, (letter) => CAPITAL_LOOK_ALIKES[letter] ?? letter)
      .toLowerCase()
      .replace(LOOK_ALIKE_PATTERN, (letter) => LOOK_ALIKES[letter] ?? letter)
      .match(/[\p{L}\p{N}]+/gu) ?? []
  );
}

// Each list's entries folded once: a settings row is checked once per change (lib/data/comments/comment-facts.ts), so
// its lists are the same arrays from one comment to the next. Folding a thousand entries again for every field of
// every comment cost more than the rest of a submission.
const foldedLists = new WeakMap<readonly string[], { entry: string; needle: string[] }[]>();

function folded(list: readonly string[]): { entry: string; needle: string[] }[] {
  let entries = foldedLists.get(list);
  if (!entries) {
    entries = list.map((entry) => ({ entry, needle: words(entry) })).filter(({ needle }) => needle.length > 0);
    foldedLists.set(list, entries);
  }
  return entries;
}

export function findListedWords(text: string, list: readonly string[]): string[] {
  const haystack = words(text);
  // Where each word of the text stands, so that an entry is compared only where its first word occurs.
  const positions = new Map<string, number[]>();
  haystack.forEach((word, index) => {
    const at = positions.get(word);
    if (at) at.push(index);
    else positions.set(word, [index]);
  });
  const found: string[] = [];
  for (const { entry, needle } of folded(list)) {
    const starts = positions.get(needle[0]!) ?? [];
    if (starts.some((start) => needle.every((word, offset) => haystack[start + offset] === word))) found.push(entry);
  }
  return found;
}

export function countLinks(text: string): number {
  return text.match(/\bhttps?:\/\/|\bwww\./gi)?.length ?? 0;
}

// Digits people use for letters, considered only when looking for reserved words in names.
const DIGITS_AS_LETTERS: Record<string, string> = { "0": "o", "1": "l", "3": "e", "4": "a", "5": "s", "7": "t" };

// The words of a name, folded as above, digits read as letters: "The M0dеrator" gives ["the", "moderator"].
export function nameWords(name: string): string[] {
  return words(name).map((word) => word.replace(/[013457]/g, (digit) => DIGITS_AS_LETTERS[digit] ?? digit));
}

// For comparing a guest's name with staff names: "Admin", "A d m i n" and "ＡＤＭＩＮ" are the same name.
export function nameSkeleton(name: string): string {
  return words(name).join("");
}
