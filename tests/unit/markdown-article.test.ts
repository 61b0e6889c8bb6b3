import { describe, expect, it } from "vitest";
import { formatFieldError, nameFromSlug, parseMarkdownArticle } from "@/lib/import/markdown-article";
import { resolveBody, type DraftBlock } from "@/lib/import/markdown-body";

const front = `slug: new-ferry-timetable
headline: New ferry timetable adds late crossings
section: city
publishedAt: 2025-03-01T09:30:00+01:00`;

const file = (frontMatter: string, body = "The first paragraph.") => `---\n${frontMatter}\n---\n\n${body}\n`;

function errorsOf(source: string) {
  const result = parseMarkdownArticle(source);
  if (result.ok) throw new Error("expected the file to be refused");
  return result.errors;
}

describe("parseMarkdownArticle", () => {
  it("reads every front matter field", () => {
    const result = parseMarkdownArticle(
      file(`slug: harbor-night-shifts
headline: "  Port approves night shifts  "
dek: Container terminal runs around the clock.
section: business
sectionName: Business & Shipping
authors:
  - priya-raman
  - { slug: tomas-ferreira, name: Tomás Ferreira }
tags: [shipping, { slug: jobs, name: Work and jobs }]
kind: ANALYSIS
status: PUBLISHED
publishedAt: 2025-03-01T09:30:00+01:00
updatedAt: 2025-03-02T12:00:00Z
commentsOpen: false
image:
  src: /images/2025/terminal.jpg
  alt: Cranes at the container terminal
  caption: The terminal at dusk.
  credit: Tomás Ferreira
  width: 1200
  height: 800
sources:
  - { title: Port authority minutes, publisher: Port Authority, url: "https://example.org/minutes" }
corrections:
  - { text: An earlier version misspelled the terminal's name., publishedAt: 2025-03-03T08:00:00Z }
previousSlugs: [port-night-shifts]`),
    );
    expect(result).toEqual({
      ok: true,
      value: {
        slug: "harbor-night-shifts",
        headline: "Port approves night shifts",
        dek: "Container terminal runs around the clock.",
        section: { slug: "business", name: "Business & Shipping" },
        authors: [
          { slug: "priya-raman", name: "Priya Raman" },
          { slug: "tomas-ferreira", name: "Tomás Ferreira" },
        ],
        tags: [
          { slug: "shipping", name: "Shipping" },
          { slug: "jobs", name: "Work and jobs" },
        ],
        kind: "ANALYSIS",
        status: "PUBLISHED",
        publishedAt: new Date("2025-03-01T08:30:00Z"),
        updatedAt: new Date("2025-03-02T12:00:00Z"),
        commentsOpen: false,
        image: {
          src: "/images/2025/terminal.jpg",
          alt: "Cranes at the container terminal",
          caption: "The terminal at dusk.",
          credit: "Tomás Ferreira",
          width: 1200,
          height: 800,
        },
        sources: [{ title: "Port authority minutes", publisher: "Port Authority", url: "https://example.org/minutes" }],
        corrections: [{ text: "An earlier version misspelled the terminal's name.", publishedAt: new Date("2025-03-03T08:00:00Z") }],
        previousSlugs: ["port-night-shifts"],
        body: [{ type: "paragraph", text: "The first paragraph." }],
      },
    });
  });

  it("fills in the defaults and leaves empty values out", () => {
    const result = parseMarkdownArticle(file(`${front}\ndek:\nimage:`));
    expect(result).toMatchObject({
      ok: true,
      value: {
        dek: "",
        section: { slug: "city", name: "City" },
        authors: [],
        tags: [],
        kind: "NEWS",
        status: "PUBLISHED",
        updatedAt: null,
        commentsOpen: true,
        image: null,
        sources: [],
        corrections: [],
        previousSlugs: [],
      },
    });
  });

  it("accepts a draft without a publication date or text, and a BOM and Windows line endings", () => {
    const source = "\uFEFF---\r\nslug: later\r\nheadline: Later\r\nsection: city\r\nstatus: DRAFT\r\n---\r\n";
    expect(parseMarkdownArticle(source)).toMatchObject({ ok: true, value: { status: "DRAFT", publishedAt: null, body: [] } });
  });

  it("splits the body into headings, paragraphs and READ ALSO blocks, keeping inline Markdown as text", () => {
    const result = parseMarkdownArticle(
      file(
        front,
        `The council voted on **Tuesday**
to extend the [timetable](https://example.org).

## What changes
Late boats run on Fridays.

### Who pays ###

READ ALSO: council-budget-vote

- tickets stay the same
- passes too`,
      ),
    );
    expect(result.ok && result.value.body).toEqual([
      { type: "paragraph", text: "The council voted on **Tuesday** to extend the [timetable](https://example.org)." },
      { type: "heading", text: "What changes" },
      { type: "paragraph", text: "Late boats run on Fridays." },
      { type: "heading", text: "Who pays" },
      { type: "readAlso", slug: "council-budget-vote", line: 16 },
      { type: "paragraph", text: "- tickets stay the same - passes too" },
    ]);
  });

  it("names derived from slugs", () => {
    expect(nameFromSlug("maritime-security")).toBe("Maritime security");
    expect(nameFromSlug("marta-okafor", "every word")).toBe("Marta Okafor");
  });
});

describe("parseMarkdownArticle errors", () => {
  it("refuses a file without front matter or with front matter that is not closed", () => {
    expect(errorsOf("Just text.")).toEqual([{ field: "front matter", message: expect.stringContaining("must start with a line of three dashes") }]);
    expect(errorsOf("---\nslug: a\n")).toEqual([{ field: "front matter", message: expect.stringContaining("No closing line") }]);
  });

  it("names the line of a YAML syntax error and of a repeated key", () => {
    expect(errorsOf("---\nslug: a\ntags: [one\n---\n")).toEqual([{ field: "front matter (line 3)", message: expect.any(String) }]);
    expect(errorsOf("---\nslug: a\nslug: b\n---\n")).toEqual([{ field: "front matter (line 3)", message: "Map keys must be unique" }]);
    expect(errorsOf("---\n- a list\n---\n")).toEqual([{ field: "front matter", message: "Expected a mapping of fields" }]);
  });

  it("names each missing required field", () => {
    expect(errorsOf(file("kind: NEWS"))).toEqual([
      { field: "slug", message: "Required" },
      { field: "headline", message: "Required" },
      { field: "section", message: "Required" },
    ]);
  });

  it("requires a publication date with a timezone for a published article", () => {
    expect(errorsOf(file("slug: a\nheadline: A\nsection: city"))).toEqual([{ field: "publishedAt", message: "Required when status is PUBLISHED" }]);
    for (const date of ["2025-03-01T09:30:00", "2025-02-30T09:30:00Z", "1 March 2025", "2025-03-01"]) {
      expect(errorsOf(file(`slug: a\nheadline: A\nsection: city\npublishedAt: ${date}`))).toEqual([
        { field: "publishedAt", message: expect.stringMatching(/^Invalid ISO date/) },
      ]);
    }
    expect(errorsOf(file(`${front}\nupdatedAt: 2025-02-01T00:00:00Z`))).toEqual([{ field: "updatedAt", message: "Must not be before publishedAt" }]);
  });

  it("refuses malformed slugs, wherever they are", () => {
    const errors = errorsOf(
      file(`slug: New_Ferry
headline: A
section: City Desk
publishedAt: 2025-03-01T09:30:00Z
authors: [ann-lee, "Bo Berg"]
tags: [{ slug: "-x" }]
previousSlugs: [old slug]`),
    );
    expect(errors.map((error) => error.field)).toEqual(["slug", "section", "authors[1].slug", "tags[0].slug", "previousSlugs[0]"]);
    expect(errors[0]!.message).toContain("lower-case");
  });

  it("refuses unknown fields, including misspelled ones inside an entry", () => {
    expect(errorsOf(file(`${front}\nauthor: ann-lee\nauthors: [{ slug: bo, nmae: Bo }]`))).toEqual([
      { field: "authors[0].nmae", message: "Unknown field" },
      { field: "author", message: "Unknown field" },
    ]);
  });

  it("names wrong types and values", () => {
    expect(
      errorsOf(file(`slug: a\nsection: city\npublishedAt: 2025-03-01T09:30:00Z\nheadline: [a]\nkind: REVIEW\ncommentsOpen: "no"\nauthors: ann-lee\ntags: [5]`)),
    ).toEqual([
      { field: "headline", message: "Expected text, got a list" },
      { field: "authors", message: 'Expected a list, got "ann-lee"' },
      { field: "tags[0]", message: "Expected a slug or a mapping with slug and name" },
      { field: "kind", message: expect.stringContaining('"NEWS"|"ANALYSIS"|"OPINION"') },
      { field: "commentsOpen", message: 'Expected true or false, got "no"' },
    ]);
  });

  it("refuses listing an author, a tag or an old slug twice, or the article's own slug as an old one", () => {
    expect(errorsOf(file(`${front}\nauthors: [ann, { slug: ann }]\ntags: [x, x]\npreviousSlugs: [new-ferry-timetable, old, old]`))).toEqual([
      { field: "authors[1].slug", message: '"ann" is listed twice' },
      { field: "tags[1].slug", message: '"x" is listed twice' },
      { field: "previousSlugs[0]", message: "Must not include the article's own slug" },
      { field: "previousSlugs[2]", message: '"old" is listed twice' },
    ]);
  });

  it("checks the image: a path under /images/, alt text and positive whole-number dimensions", () => {
    expect(errorsOf(file(`${front}\nimage: { src: "https://cdn.example.org/a.jpg", alt: "", width: 0, height: 1.5 }`))).toEqual([
      { field: "image.src", message: expect.stringContaining("under /images/") },
      { field: "image.alt", message: "Must not be empty" },
      { field: "image.width", message: expect.stringContaining(">0") },
      { field: "image.height", message: "Expected a whole number, got 1.5" },
    ]);
    expect(errorsOf(file(`${front}\nimage: { src: /images/../secrets.txt, alt: A, width: 1, height: 1 }`))).toEqual([
      { field: "image.src", message: expect.any(String) },
    ]);
    expect(errorsOf(file(`${front}\nimage: { src: /images/a.jpg }`)).map((error) => error.field)).toEqual(["image.alt", "image.width", "image.height"]);
  });

  it("checks sources with the site's own schema and corrections for text and date", () => {
    expect(errorsOf(file(`${front}\nsources: [{ title: Minutes, url: "ftp://example.org" }, { publisher: X }]\ncorrections: [{ text: Fixed. }]`))).toEqual([
      { field: "sources[0].url", message: "a source's url must be an http(s) address" },
      { field: "sources[1].title", message: "Required" },
      { field: "corrections[0].publishedAt", message: "Required" },
    ]);
  });

  it("names the body line of a level-one heading, an empty heading, and a malformed or self-pointing READ ALSO", () => {
    expect(errorsOf(file(front, "# Title\n\n##\n\nREAD ALSO: Some Headline\n\nREAD ALSO: new-ferry-timetable"))).toEqual([
      { field: "body (line 8)", message: expect.stringContaining("headline belongs in the front matter") },
      { field: "body (line 10)", message: "Empty heading" },
      { field: "body (line 12)", message: 'READ ALSO needs one article slug, got "Some Headline"' },
      { field: "body (line 14)", message: "READ ALSO points at the article itself" },
    ]);
  });

  it("refuses a published article without text", () => {
    expect(errorsOf(file(front, ""))).toEqual([{ field: "body", message: expect.stringContaining("needs some text") }]);
  });

  it("formats an error with the file and the field", () => {
    expect(formatFieldError("posts/bad.md", { field: "publishedAt", message: "Invalid ISO date" })).toBe("posts/bad.md: publishedAt: Invalid ISO date");
  });
});

describe("resolveBody", () => {
  const blocks: DraftBlock[] = [
    { type: "paragraph", text: "Intro." },
    { type: "readAlso", slug: "known", line: 9 },
    { type: "heading", text: "More" },
    { type: "readAlso", slug: "unknown", line: 12 },
  ];

  it("turns READ ALSO slugs into article ids", () => {
    expect(resolveBody(blocks.slice(0, 3), (slug) => (slug === "known" ? 42 : undefined))).toEqual({
      ok: true,
      value: [
        { type: "paragraph", text: "Intro." },
        { type: "readAlso", articleId: 42 },
        { type: "heading", text: "More" },
      ],
    });
  });

  it("names the line and slug of a target that does not exist", () => {
    expect(resolveBody(blocks, (slug) => (slug === "known" ? 42 : undefined))).toEqual({
      ok: false,
      errors: [{ field: "body (line 12)", message: 'READ ALSO: no article with the slug "unknown" in the database or in this import' }],
    });
  });
});
