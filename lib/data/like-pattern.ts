// Prisma's `contains` is SQL LIKE, as is a raw ILIKE: escaped, the % and _ (and \) someone typed match themselves,
// not any text.
export function asTyped(text: string): string {
  return text.replace(/[\\%_]/g, "\\$&");
}
