import { describe, expect, it } from "vitest";
import { MATCH_END, MATCH_START, searchSnippet } from "@/lib/format/search-snippet";

// Writes [word] for a marked match, as the database's StartSel/StopSel would.
const marked = (text: string) => text.replaceAll("[", MATCH_START).replaceAll("]", MATCH_END);
const filler = (count: number, word = "word") => Array.from({ length: count }, () => word).join(" ");

describe("a search result's snippet", () => {
  it("opens the sentence that holds the match and ends at a sentence end", () => {
    const text = marked(`The council met on Monday. After a long debate the members voted to buy a new [ferry] for the harbour. ${filler(40)}.`);
    expect(searchSnippet(text)).toBe(marked("After a long debate the members voted to buy a new [ferry] for the harbour."));
  });

  it("prefers the sentence with the most different matched words, the first one on a tie", () => {
    const text = marked("Dek about the [ferry].\nA [ferry] sails. The late [ferry] [timetable] changes. Another [ferry] [timetable] line.");
    expect(searchSnippet(text)).toMatch(/^The late \u0002ferry/);
    expect(searchSnippet(marked("Dek about the [ferry].\nThe [ferry] sails."))).toBe(marked("Dek about the [ferry]."));
  });

  it("starts at a word with an ellipsis when the match lies deep in a long sentence, and cuts the end with one", () => {
    const snippet = searchSnippet(marked(`Opening words ${filler(60, "and")} then the [ferry] arrived ${filler(60, "late")} at last.`));
    expect(snippet).toBe(marked(`… ${filler(6, "and")} then the [ferry] arrived ${filler(25, "late")} …`));
    expect(snippet.split(" ")).toHaveLength(37);
  });

  it("never runs into the next paragraph or heading", () => {
    expect(searchSnippet(marked("A short [ferry] note\nWhat changes\nThe timetable."))).toBe(marked("A short [ferry] note"));
  });

  it("keeps Dr. and St. inside their sentence", () => {
    expect(searchSnippet(marked("Spring came. Dr. Lind took the [ferry] to St. Olav's pier."))).toBe(marked("Dr. Lind took the [ferry] to St. Olav's pier."));
  });

  it("shows the opening words when only the headline matched", () => {
    expect(searchSnippet(`\n${filler(50)}.`)).toBe(`${filler(35)} …`);
    expect(searchSnippet("")).toBe("");
  });
});
