import type { StaffIdentity } from "@/lib/data/staff/staff";
import { getDb } from "@/lib/db";
import { upsertStaffUser } from "@/lib/staff/create-staff";

export const db = getDb();

export async function resetDatabase() {
  await db.$executeRaw`TRUNCATE "ModerationAction", "Comment", "ArticleAuthor", "Article", "Author", "Section", "StaffUser", "SiteSettings", "Block", "RateLimit", "ScheduledJob", "SpentLink", "Tag" RESTART IDENTITY CASCADE`;
}

export async function createArticle(
  overrides: { slug?: string; status?: "DRAFT" | "PUBLISHED"; commentsOpen?: boolean; body?: unknown; publishedAt?: Date } = {},
) {
  const section = await db.section.upsert({
    where: { slug: "test-section" },
    create: { slug: "test-section", name: "Test Section" },
    update: {},
  });
  return db.article.create({
    data: {
      slug: overrides.slug ?? `article-${Math.random().toString(36).slice(2, 10)}`,
      headline: "A test headline",
      body: (overrides.body ?? [{ type: "paragraph", text: "Body text." }]) as object,
      sectionId: section.id,
      status: overrides.status ?? "PUBLISHED",
      publishedAt: overrides.status === "DRAFT" ? null : (overrides.publishedAt ?? new Date()),
      commentsOpen: overrides.commentsOpen ?? true,
    },
  });
}

// The moderator most data tests act as.
export async function createModerator(password = "a-long-password-1"): Promise<number> {
  return (await upsertStaffUser(db, { email: "mod@example.com", name: "Mod", password })).id;
}

/** A staff member as the signed-in identity the data layer takes, named after the address's local part. */
export async function createStaffMember(email: string, role: "MODERATOR" | "WRITER" | "EDITOR" | "ADMIN"): Promise<StaffIdentity> {
  const name = email.split("@")[0]!;
  const { id } = await upsertStaffUser(db, { email, name, password: "a-long-password-3", role });
  return { id, email, name, role };
}
