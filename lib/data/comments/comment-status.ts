import "server-only";
import { getDb } from "@/lib/db";

// What a commenter may learn about their own comment through the links they were emailed. No address in it.
export async function findCommentStatus(id: number) {
  const row = await getDb().comment.findUnique({
    where: { id },
    select: {
      id: true,
      status: true,
      statusReason: true,
      authorName: true,
      body: true,
      createdAt: true,
      article: { select: { id: true, slug: true, headline: true } },
    },
  });
  return row && { ...row, createdAt: row.createdAt.toISOString() };
}
