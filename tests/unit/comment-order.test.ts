import { describe, expect, it } from "vitest";
import { orderThreads, parseCommentOrder } from "@/lib/comments/order";
import { pageOfComment } from "@/lib/comments/pages";
import { buildThreads } from "@/lib/comments/thread";

const comments = [
  { id: 1, parentId: null },
  { id: 2, parentId: null },
  { id: 3, parentId: 2 },
  { id: 4, parentId: 3 },
  { id: 5, parentId: null },
  { id: 6, parentId: 5 },
  { id: 7, parentId: null },
];

const shape = (threads: ReturnType<typeof buildThreads<(typeof comments)[number]>>): unknown[] => threads.map((thread) => [thread.id, shape(thread.replies)]);

describe("comment order", () => {
  const threads = buildThreads(comments);

  it("moves whole threads and keeps every reply under its parent, oldest first", () => {
    expect(shape(orderThreads(threads, "oldest"))).toEqual([
      [1, []],
      [2, [[3, [[4, []]]]]],
      [5, [[6, []]]],
      [7, []],
    ]);
    expect(shape(orderThreads(threads, "newest"))).toEqual([
      [7, []],
      [5, [[6, []]]],
      [2, [[3, [[4, []]]]]],
      [1, []],
    ]);
    expect(shape(orderThreads(threads, "replies"))).toEqual([
      [2, [[3, [[4, []]]]]],
      [5, [[6, []]]],
      [1, []],
      [7, []],
    ]);
  });

  it("finds a reply's page in the order being shown", () => {
    expect(pageOfComment(orderThreads(threads, "oldest"), 4, 2)).toBe(1);
    expect(pageOfComment(orderThreads(threads, "newest"), 4, 2)).toBe(2);
    expect(pageOfComment(orderThreads(threads, "replies"), 6, 1)).toBe(2);
  });

  it("reads unknown orders as the default", () => {
    expect([parseCommentOrder("newest"), parseCommentOrder("random"), parseCommentOrder(["newest"]), parseCommentOrder(undefined)]).toEqual([
      "newest",
      "oldest",
      "oldest",
      "oldest",
    ]);
  });
});
