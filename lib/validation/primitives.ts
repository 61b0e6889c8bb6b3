import { z } from "zod";

// The building blocks every input schema shares: ids, and text as people type it.

// Ids are PostgreSQL integers; anything larger cannot name a row.
export const MAX_ID = 2_147_483_647;

/** A row's id as a form posts it (text) or a program sends it (a number). */
export const recordId = z.coerce.number().int().positive().max(MAX_ID);

// Control characters (except tab and newlines) have no place in a comment, and PostgreSQL refuses NUL outright.
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

/** Control characters, or half of a UTF-16 pair on its own (no character at all, and refused by PostgreSQL's JSON). */
export function hasForbiddenCharacters(value: string): boolean {
  return CONTROL_CHARACTERS.test(value) || !value.isWellFormed();
}
// Invisible characters that can hide or reorder text (Trojan Source), split a listed word in two, or make a blank
// name look filled in: format characters (bidi controls, zero-width spaces, soft hyphens) and every other character
// Unicode says should not be drawn (Hangul fillers, variation selectors, tag characters).
const INVISIBLE_CHARACTERS = /[\p{Cf}\p{Default_Ignorable_Code_Point}]/gu;

/** Characters as people count them (code points, not UTF-16 units): an emoji is one character. */
export function characterCount(value: string): number {
  return [...value].length;
}

export function normalizeText(value: string): string {
  return value.normalize("NFC").replace(INVISIBLE_CHARACTERS, "").trim();
}
