// Matching for word lists: compatibility-normalised (NFKC), accents removed, lower-cased, then compared as whole
// words, so "ass" never matches "class" and "ｃａｓｉｎｏ" or "casinò" still match "casino". Entries may be phrases.
function words(text: string): string[] {
  return (
    text
      .normalize("NFKD")
      .replace(/\p{M}+/gu, "")
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? []
  );
}

export function findListedWords(text: string, list: readonly string[]): string[] {
  const haystack = words(text);
  const found: string[] = [];
  for (const entry of list) {
    const needle = words(entry);
    if (needle.length === 0) continue;
    for (let start = 0; start + needle.length <= haystack.length; start += 1) {
      if (needle.every((word, offset) => haystack[start + offset] === word)) {
        found.push(entry);
        break;
      }
    }
  }
  return found;
}

export function countLinks(text: string): number {
  return text.match(/\bhttps?:\/\/|\bwww\./gi)?.length ?? 0;
}

// For comparing a guest's name with staff names: "Admin", "A d m i n" and "ＡＤＭＩＮ" are the same name.
export function nameSkeleton(name: string): string {
  return words(name).join("");
}
