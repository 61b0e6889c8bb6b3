// Builds nested threads from a flat, oldest-first list. A reply whose parent is not in the list (a parent that was
// later removed from view) is shown at the top level rather than lost.
export type ThreadNode<T> = T & { replies: ThreadNode<T>[] };

export function buildThreads<T extends { id: number; parentId: number | null }>(comments: readonly T[]): ThreadNode<T>[] {
  const nodes = new Map<number, ThreadNode<T>>();
  for (const comment of comments) nodes.set(comment.id, { ...comment, replies: [] });
  const roots: ThreadNode<T>[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId === null ? undefined : nodes.get(node.parentId);
    if (parent) parent.replies.push(node);
    else roots.push(node);
  }
  return roots;
}
