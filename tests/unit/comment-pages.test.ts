import { describe, expect, it } from "vitest";
import { pageCount, pageOfComment, threadsOnPage } from "@/lib/comments/pages";
import { buildThreads } from "@/lib/comments/thread";

// Five threads; thread 3 has a reply (id 30) with its own reply (id 31).
const threads = buildThreads([
  { id: 1, parentId: null },
  { id: 2, parentId: null },
  { id: 3, parentId: null },
  { id: 30, parentId: 3 },
  { id: 31, parentId: 30 },
  { id: 4, parentId: null },
  { id: 5, parentId: null },
]);

describe("comment pages", () => {
  it("page whole threads, oldest first", () => {
    expect(pageCount(threads.length, 2)).toBe(3);
    expect(threadsOnPage(threads, 2, 2).map((thread) => thread.id)).toEqual([3, 4]);
    expect(threadsOnPage(threads, 3, 2).map((thread) => thread.id)).toEqual([5]);
    expect(pageCount(0, 50)).toBe(1);
  });

  it("find the page of any comment, however deep", () => {
    expect(pageOfComment(threads, 31, 2)).toBe(2);
    expect(pageOfComment(threads, 5, 2)).toBe(3);
    expect(pageOfComment(threads, 99, 2)).toBeNull();
  });
});
