import type { ThreadNode } from "@/lib/comments/thread";

// The orders a reader can choose for an article's comments. Only whole threads move: replies stay under the comment
// they answer, oldest first, so a conversation reads the same in every order.
export const COMMENT_ORDERS = ["oldest", "newest", "replies"] as const;
export type CommentOrder = (typeof COMMENT_ORDERS)[number];

export const COMMENT_ORDER_LABELS: Record<CommentOrder, string> = { oldest: "Oldest first", newest: "Newest first", replies: "Most replies" };

export function parseCommentOrder(value: unknown): CommentOrder {
  return typeof value === "string" && (COMMENT_ORDERS as readonly string[]).includes(value) ? (value as CommentOrder) : "oldest";
}

function replyCount<T>(node: ThreadNode<T>): number {
  return node.replies.reduce((sum, reply) => sum + 1 + replyCount(reply), 0);
}

// Threads arrive oldest first (see buildThreads); the sort is stable, so ties keep that order.
export function orderThreads<T>(threads: ThreadNode<T>[], order: CommentOrder): ThreadNode<T>[] {
  if (order === "newest") return [...threads].reverse();
  if (order === "replies") {
    const counts = new Map(threads.map((thread) => [thread, replyCount(thread)]));
    return [...threads].sort((a, b) => counts.get(b)! - counts.get(a)!);
  }
  return threads;
}

// The query string that keeps the chosen order in links (the default order adds nothing).
export function orderQuery(order: CommentOrder): string {
  return order === "oldest" ? "" : `corder=${order}`;
}
