// An article's address from its headline: lowercase ASCII words joined by dashes ("Café opens" → "cafe-opens"), at
// most 80 characters, cut at a word. Empty when the headline has no letters or digits at all.
export function slugFromHeadline(headline: string): string {
  const words = headline
    .normalize("NFKD")
    .replace(/\p{Mn}/gu, "")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  let slug = "";
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > 80) break;
    slug = next;
  }
  return slug || (words[0] ?? "").slice(0, 80);
}
