// Builds nested threads from a flat, oldest-first list. A reply whose parent is not in the list (a parent that was
// later removed from view) is shown at the top level rather than lost. Replies deeper than maxDepth levels are
// drawn at the deepest level, next to the comment they answer, so narrow screens never run out of width.
export type ThreadNode<T> = T & { replies: ThreadNode<T>[] };

export function buildThreads<T extends { id: number; parentId: number | null }>(comments: readonly T[], maxDepth = Infinity): ThreadNode<T>[] {
  const nodes = new Map<number, ThreadNode<T>>();
  for (const comment of comments) nodes.set(comment.id, { ...comment, replies: [] });
  const depths = new Map<number, number>();
  const depthOf = (node: ThreadNode<T>): number => {
    const known = depths.get(node.id);
    if (known !== undefined) return known;
    const parent = node.parentId === null ? undefined : nodes.get(node.parentId);
    const depth = parent ? depthOf(parent) + 1 : 0;
    depths.set(node.id, depth);
    return depth;
  };

  const roots: ThreadNode<T>[] = [];
  for (const node of nodes.values()) {
    let parent = node.parentId === null ? undefined : nodes.get(node.parentId);
    while (parent && depthOf(parent) >= maxDepth - 1) parent = parent.parentId === null ? undefined : nodes.get(parent.parentId);
    if (parent) parent.replies.push(node);
    else roots.push(node);
  }
  return roots;
}
