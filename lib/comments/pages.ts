import type { ThreadNode } from "@/lib/comments/thread";

// Comments are paged by whole threads, oldest first, so a reply is always on the page of the comment it answers
// and a comment stays on the same page as newer ones arrive: permalinks keep pointing at the right page.
export function pageCount(threadCount: number, perPage: number): number {
  return Math.max(1, Math.ceil(threadCount / perPage));
}

export function threadsOnPage<T>(threads: ThreadNode<T>[], page: number, perPage: number): ThreadNode<T>[] {
  return threads.slice((page - 1) * perPage, page * perPage);
}

export function pageOfComment<T extends { id: number }>(threads: ThreadNode<T>[], commentId: number, perPage: number): number | null {
  const index = threads.findIndex((thread) => containsComment(thread, commentId));
  return index === -1 ? null : Math.floor(index / perPage) + 1;
}

function containsComment<T extends { id: number }>(node: ThreadNode<T>, commentId: number): boolean {
  return node.id === commentId || node.replies.some((reply) => containsComment(reply, commentId));
}
