import { describe, expect, it } from "vitest";
import { buildThreads } from "@/lib/comments/thread";

describe("buildThreads", () => {
  it("nests replies under their parents in the given order", () => {
    const threads = buildThreads([
      { id: 1, parentId: null },
      { id: 2, parentId: 1 },
      { id: 3, parentId: null },
      { id: 4, parentId: 2 },
      { id: 5, parentId: 1 },
    ]);
    expect(threads.map((t) => t.id)).toEqual([1, 3]);
    expect(threads[0]!.replies.map((r) => r.id)).toEqual([2, 5]);
    expect(threads[0]!.replies[0]!.replies.map((r) => r.id)).toEqual([4]);
  });

  it("keeps a reply whose parent is not shown at the top level", () => {
    expect(buildThreads([{ id: 9, parentId: 8 }]).map((t) => t.id)).toEqual([9]);
  });
});

describe("buildThreads with a depth limit", () => {
  it("draws replies past the limit at the deepest level, beside the comment they answer", () => {
    const chain = [1, 2, 3, 4].map((id) => ({ id, parentId: id === 1 ? null : id - 1 }));
    const [root] = buildThreads(chain, 2);
    expect(root!.replies.map((reply) => reply.id)).toEqual([2, 3, 4]);
    expect(root!.replies.every((reply) => reply.replies.length === 0)).toBe(true);
  });
});
