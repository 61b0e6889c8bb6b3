import { beforeEach, describe, expect, it } from "vitest";
import { eraseReaderData, exportReaderData, REMOVED_TEXT } from "@/lib/data/readers/reader-data";
import { checkReaderDataLink, createReaderDataTokens, findNewestCommentOf } from "@/lib/data/readers/reader-data-links";
import { hashAddress, newNonce, signReaderDataToken } from "@/lib/privacy/reader-data-token";
import { requestReaderData, REQUESTS_PER_CLIENT_HOUR } from "@/lib/privacy/request-reader-data";
import { upsertStaffUser } from "@/lib/staff/create-staff";
import { createArticle, db, resetDatabase } from "../helpers/integration-db";

const SECRET = process.env.NEXTAUTH_SECRET!;
const ALICE = "alice@example.com";
const BOB = "bob@example.com";
let articleId: number;
let alice: { root: number; reply: number; pending: number; unconfirmed: number };
let bobReply: number;

async function comment(
  email: string,
  data: { status?: "APPROVED" | "PENDING" | "UNCONFIRMED"; parentId?: number; body?: string; staffAuthorId?: number } = {},
) {
  const name = email === ALICE ? "Alice" : "Bob";
  return (
    await db.comment.create({
      data: {
        articleId,
        authorName: name,
        authorEmail: email,
        authorWebsite: `https://${name.toLowerCase()}.example.org/`,
        body: data.body ?? `${name} says hello`,
        status: data.status ?? "APPROVED",
        parentId: data.parentId ?? null,
        clientHash: `hash-of-${name}`,
        notifyOnReply: true,
        notifyOnApproval: true,
        staffAuthorId: data.staffAuthorId ?? null,
      },
    })
  ).id;
}

beforeEach(async () => {
  await resetDatabase();
  articleId = (await createArticle({ slug: "harbour-story" })).id;
  const root = await comment(ALICE, { body: "Alice's first" });
  bobReply = await comment(BOB, { parentId: root, body: "Bob answers Alice" });
  const reply = await comment(ALICE, { parentId: bobReply, body: "Alice answers Bob" });
  const pending = await comment(ALICE, { status: "PENDING", body: "Alice waits" });
  const unconfirmed = await comment(ALICE, { status: "UNCONFIRMED", body: "Alice never confirmed" });
  alice = { root, reply, pending, unconfirmed };
});

const linksFor = async (address: string, now = Date.now()) => createReaderDataTokens((await findNewestCommentOf(address))!, address, now);

describe("asking for one's comments", () => {
  it("gives the same answer for any address, mails only addresses with comments, and limits clients and addresses", async () => {
    expect(await requestReaderData(" Alice@Example.com ", "client-1")).toEqual({ ok: true, mailTo: { address: ALICE, anchorCommentId: alice.unconfirmed } });
    expect(await requestReaderData("nobody@example.com", "client-1")).toEqual({ ok: true, mailTo: null });
    // Three mails a day to one address, whoever asks; a fourth request from elsewhere gets the same answer, no mail.
    expect((await requestReaderData(ALICE, "client-2")).ok && (await requestReaderData(ALICE, "client-3")).ok).toBe(true);
    expect(await requestReaderData(ALICE, "client-4")).toEqual({ ok: true, mailTo: null });
    // A client may ask ten times an hour; the eleventh time it is told to wait.
    for (let i = 2; i < REQUESTS_PER_CLIENT_HOUR; i += 1) expect((await requestReaderData(`x${i}@example.com`, "client-1")).ok).toBe(true);
    expect(await requestReaderData(BOB, "client-1")).toMatchObject({ ok: false, retryAfterSeconds: expect.any(Number) });
    // No rate-limit row holds an address in clear.
    expect((await db.rateLimit.findMany()).filter((row) => row.key.includes("@"))).toEqual([]);
  });
});

describe("the download link", () => {
  it("returns every comment of its address and nothing of anyone else's, once", async () => {
    const { download } = await linksFor(ALICE);
    expect(await checkReaderDataLink(download, "download")).toMatchObject({ ok: true, address: ALICE });
    const result = await exportReaderData(download);
    if (!result.ok) throw new Error(result.reason);
    const rows = await db.comment.findMany({ where: { authorEmail: ALICE }, orderBy: { id: "asc" }, include: { article: true } });
    expect(result.data.comments).toEqual(
      rows.map((row) => ({
        id: row.id,
        article: { headline: row.article.headline, url: "http://localhost:3999/articles/harbour-story" },
        parentId: row.parentId,
        name: "Alice",
        website: "https://alice.example.org/",
        text: row.body,
        status: row.status,
        createdAt: row.createdAt.toISOString(),
      })),
    );
    expect(result.data.comments.map((c) => c.id)).toEqual([alice.root, alice.reply, alice.pending, alice.unconfirmed]);
    expect(JSON.stringify(result.data)).not.toMatch(/Bob answers|bob@|"name":"Bob"/);
    // Used once: the same link is refused after, and so is a request racing it.
    expect(await exportReaderData(download)).toEqual({ ok: false, reason: "used" });
    const again = await linksFor(ALICE);
    const raced = await Promise.all([exportReaderData(again.download), exportReaderData(again.download)]);
    expect(raced.filter((outcome) => outcome.ok)).toHaveLength(1);
  });

  it("refuses tampered, expired, cross-purpose and other people's links, and leaves them unspent", async () => {
    const now = Date.now();
    const { download, erase } = await linksFor(ALICE, now);
    const bobAnchor = (await findNewestCommentOf(BOB))!;
    const aliceHash = hashAddress(ALICE, SECRET);
    const refused: [unknown, string][] = [
      [download.replace(/.$/, (last) => (last === "A" ? "B" : "A")), "invalid"],
      [download.replace(/^0\.[0-9a-z]+/, `0.${bobAnchor.toString(36)}`), "invalid"],
      // Signed with the site's secret but for Bob's comment and Alice's address: the address must match.
      [
        signReaderDataToken({ action: "download", anchorCommentId: bobAnchor, addressHash: aliceHash, nonce: newNonce(), expiresAtMs: now + 60_000 }, SECRET),
        "invalid",
      ],
      [
        signReaderDataToken(
          { action: "download", anchorCommentId: alice.root, addressHash: aliceHash, nonce: newNonce(), expiresAtMs: now + 60_000 },
          "another-secret-that-is-long-enough!!",
        ),
        "invalid",
      ],
      [erase, "invalid"],
      ["0.1.abc.nonce.zz.sig", "invalid"],
      [["not", "a", "string"], "invalid"],
      ["x".repeat(500), "invalid"],
    ];
    for (const [token, reason] of refused) expect(await exportReaderData(token)).toEqual({ ok: false, reason });
    // A day later the link has expired.
    expect(await exportReaderData(download, new Date(now + 24 * 3_600_000 + 1000))).toEqual({ ok: false, reason: "expired" });
    expect(await db.spentLink.count()).toBe(0);
    expect((await exportReaderData(download, new Date(now + 23 * 3_600_000))).ok).toBe(true);
  });

  it("leaves staff replies out, and Bob's link shows only Bob's comment", async () => {
    const staff = await upsertStaffUser(db, { email: BOB, name: "Bob", password: "a-long-password-1" });
    await comment(BOB, { body: "Staff note", staffAuthorId: staff.id });
    const result = await exportReaderData((await linksFor(BOB)).download);
    expect(result.ok && result.data.comments.map((c) => [c.id, c.text])).toEqual([[bobReply, "Bob answers Alice"]]);
  });
});

describe("the erase link", () => {
  it("anonymises in place and keeps the text when asked to, keeping replies and other people's comments", async () => {
    const { erase, download } = await linksFor(ALICE);
    expect(await eraseReaderData(erase, true)).toEqual({ ok: true, anonymised: 3, deleted: 1, articleIds: [articleId] });
    const rows = await db.comment.findMany({ orderBy: { id: "asc" } });
    expect(
      rows.map((row) => [
        row.id,
        row.authorName,
        row.authorEmail,
        row.authorWebsite,
        row.clientHash,
        row.notifyOnReply,
        row.notifyOnApproval,
        row.body,
        row.status,
        row.parentId,
      ]),
    ).toEqual([
      [alice.root, "Anonymous", `erased:${alice.root}`, null, null, false, false, "Alice's first", "APPROVED", null],
      [bobReply, "Bob", BOB, "https://bob.example.org/", "hash-of-Bob", true, true, "Bob answers Alice", "APPROVED", alice.root],
      [alice.reply, "Anonymous", `erased:${alice.reply}`, null, null, false, false, "Alice answers Bob", "APPROVED", bobReply],
      [alice.pending, "Anonymous", `erased:${alice.pending}`, null, null, false, false, "Alice waits", "PENDING", null],
    ]);
    expect(await findNewestCommentOf(ALICE)).toBeNull();
    // Used once; and the download link mailed with it no longer finds the address.
    expect(await eraseReaderData(erase, true)).toEqual({ ok: false, reason: "used" });
    expect(await exportReaderData(download)).toEqual({ ok: false, reason: "invalid" });
  });

  it("replaces the text everywhere it is kept when asked to remove it", async () => {
    const staff = await upsertStaffUser(db, { email: "mod@example.com", name: "Mod", password: "a-long-password-1" });
    await db.moderationAction.create({ data: { commentId: alice.root, staffUserId: staff.id, action: "edit", reason: "Before: Alice's very first" } });
    expect(await eraseReaderData((await linksFor(ALICE)).erase, false)).toMatchObject({ ok: true, anonymised: 3 });
    const texts = await db.comment.findMany({ orderBy: { id: "asc" }, select: { body: true } });
    expect(texts.map((row) => row.body)).toEqual([REMOVED_TEXT, "Bob answers Alice", REMOVED_TEXT, REMOVED_TEXT]);
    expect((await db.moderationAction.findFirstOrThrow({ where: { commentId: alice.root } })).reason).toBe(`Before: ${REMOVED_TEXT}`);
  });

  it("changes nothing for a download link, an expired link or a tampered one", async () => {
    const now = Date.now();
    const { erase, download } = await linksFor(ALICE, now);
    expect(await eraseReaderData(download, false)).toEqual({ ok: false, reason: "invalid" });
    expect(await eraseReaderData(erase, false, new Date(now + 25 * 3_600_000))).toEqual({ ok: false, reason: "expired" });
    expect(await eraseReaderData(`${erase}x`, false)).toEqual({ ok: false, reason: "invalid" });
    expect(await db.comment.count({ where: { authorEmail: ALICE } })).toBe(4);
  });
});
