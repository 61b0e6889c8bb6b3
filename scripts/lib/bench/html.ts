// Just enough HTML reading for the benchmark's own pages: attribute values of a tag, with entities decoded.
const decodeEntities = (text: string) =>
  text.replace(/&(quot|amp|lt|gt|#x27|#39);/g, (_, entity: string) => ({ quot: '"', amp: "&", lt: "<", gt: ">", "#x27": "'", "#39": "'" })[entity]!);

export function attributes(tag: string): Record<string, string> {
  const found: Record<string, string> = {};
  for (const match of tag.matchAll(/([\w:$-]+)="([^"]*)"/g)) found[match[1]!] = decodeEntities(match[2]!);
  return found;
}
