import { describe, expect, it } from "vitest";
import { countLinks, findListedWords, nameSkeleton, nameWords } from "@/lib/moderation/text-match";

describe("word lists", () => {
  it("match whole words only", () => {
    expect(findListedWords("A classic case", ["ass"])).toEqual([]);
    expect(findListedWords("You ass.", ["ass"])).toEqual(["ass"]);
  });

  it("match after Unicode normalisation, case folding and accent removal", () => {
    expect(findListedWords("Visit our ＣＡＳＩＮＯ now", ["casino"])).toEqual(["casino"]);
    expect(findListedWords("casinò", ["casino"])).toEqual(["casino"]);
  });

  it("match phrases as consecutive words", () => {
    expect(findListedWords("Buy cheap pills today", ["cheap pills", "pills cheap"])).toEqual(["cheap pills"]);
  });

  it("find a phrase where its first word occurs again later, and skip entries with no words", () => {
    expect(findListedWords("Free time, then free money", ["free money", "!!!", "money free"])).toEqual(["free money"]);
  });

  it("give the same answers when one list is used again for other texts", () => {
    const list = ["casino", "cheap pills"];
    expect(findListedWords("A casino", list)).toEqual(["casino"]);
    expect(findListedWords("Cheap pills, no casino", list)).toEqual(["casino", "cheap pills"]);
    expect(findListedWords("Nothing listed", list)).toEqual([]);
  });
});

describe("links and names", () => {
  it("counts links written with a scheme or www", () => {
    expect(countLinks("see https://a.example and http://b.example or www.c.example")).toBe(3);
    expect(countLinks("no links here, just example.com")).toBe(0);
  });

  it("reduces look-alike names to one skeleton", () => {
    expect(nameSkeleton("A d-m.i n")).toBe(nameSkeleton("ＡＤＭＩＮ"));
  });
});

describe("look-alike letters", () => {
  it("fold Cyrillic and Greek imitations of Latin letters", () => {
    expect(nameSkeleton("Аdmin")).toBe("admin");
    expect(findListedWords("сasino", ["casino"])).toEqual(["casino"]);
  });

  it("fold capitals that imitate Latin capitals before lower-casing, which would turn them into other letters", () => {
    // Greek capital Mu, Eta, Nu and Rho look like M, H, N and P; in lower case they are μ, η, ν and ρ.
    expect(nameWords("Μoderator")).toEqual(["moderator"]);
    expect(nameWords("ΗΕLΡ ΝOW")).toEqual(["help", "now"]);
    // Cyrillic capitals: М, Н, В, Т, К.
    expect(nameSkeleton("МОDЕRАТОR")).toBe("moderator");
    expect(nameSkeleton("ВКТ")).toBe("bkt");
  });
});
