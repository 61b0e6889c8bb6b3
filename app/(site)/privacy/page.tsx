import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { PENDING_COOKIE_MAX_AGE_SECONDS } from "@/lib/comments/pending-cookie";
import { READER_DATA_LINK_HOURS } from "@/lib/data/readers/reader-data-links";
import { getCommentSettings } from "@/lib/data/site/settings";
import { pageMetadata } from "@/lib/seo/metadata";
import { SITE } from "@/lib/site";

// At request time, so the canonical address is the running site's.
export function generateMetadata(): Metadata {
  return pageMetadata({
    title: "Privacy: what we keep about commenters",
    description: `What ${SITE.name} keeps when you comment, for how long, and how to download or erase your comments.`,
    path: "/privacy",
  });
}

function days(count: number): string {
  return count === 1 ? "1 day" : `${count} days`;
}

// Written from the same settings the retention job reads, so the page never promises other periods than the
// ones applied.
export default async function PrivacyPage() {
  await connection();
  const settings = await getCommentSettings();
  return (
    <article className="prose max-w-3xl dark:prose-invert">
      <h1 className="font-serif">Privacy: what we keep about commenters</h1>
      <p>
        Reading {SITE.name} needs no account. When you write a comment, we keep what you typed into the form and a little about the connection it came from, for
        the times below.
      </p>
      <h2>When you comment</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">What</th>
            <th scope="col">Who sees it</th>
            <th scope="col">How long</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">Your name</th>
            <td>Everyone, with the comment once it is published</td>
            <td>As long as the comment, or until you erase it</td>
          </tr>
          <tr>
            <th scope="row">Your email address</th>
            <td>Never published. Our moderators see it; we use it only for the mail you ask for (confirmation, publication, replies)</td>
            <td>As long as the comment, or until you erase it</td>
          </tr>
          <tr>
            <th scope="row">Your website, if you give one</th>
            <td>Everyone, as a link on your name</td>
            <td>As long as the comment, or until you erase it</td>
          </tr>
          <tr>
            <th scope="row">The text of your comment</th>
            <td>Everyone, once a moderator publishes it</td>
            <td>As long as the article, unless you have it removed</td>
          </tr>
          <tr>
            <th scope="row">A fingerprint of your internet address</th>
            <td>Moderators, as a salted hash (never the address itself), to stop floods and abuse from one connection</td>
            <td>{days(settings.fingerprintRetentionDays)}, then removed</td>
          </tr>
          <tr>
            <th scope="row">When you report a comment: your reason and the same fingerprint</th>
            <td>Moderators see the reasons and how many readers reported; never who did</td>
            <td>The fingerprint {days(settings.fingerprintRetentionDays)} (it lets each reader report a comment once), then removed</td>
          </tr>
        </tbody>
      </table>
      <h2>Comments that are not published</h2>
      <ul>
        <li>Comments a moderator rejects or marks as spam are deleted {days(settings.rejectedRetentionDays)} after that decision.</li>
        <li>
          Comments whose email address was never confirmed (when we ask for confirmation) are deleted {days(settings.unconfirmedRetentionDays)} after they were
          written.
        </li>
        <li>Counters that limit how often one connection or address can post are deleted as soon as they expire.</li>
      </ul>
      <p>These deletions run automatically every hour.</p>
      <h2>In your browser</h2>
      <ul>
        <li>
          After you post, a signed cookie lets you see your own comments while they wait for a moderator, and the reason if a moderator declines one, for{" "}
          {days(PENDING_COOKIE_MAX_AGE_SECONDS / 86_400)}.
        </li>
        <li>
          If you choose to save your details, your name, email address and website are kept in your browser only, for your next comment. If you do not, they are
          kept only in that browser tab, to fill in your next comment there, and are gone when you close it.
        </li>
      </ul>
      <h2>Your comments, your choice</h2>
      <p>
        On <Link href="/privacy/my-comments">your comments</Link> you can ask, with your email address, for a link to download everything you wrote here (a JSON
        file), and a link to erase it: your name becomes “Anonymous”, your email address, website and fingerprint are removed, and you choose whether the text
        stays. Replies from other readers stay where they are. The links are sent only to that address and work once, for {READER_DATA_LINK_HOURS} hours.
      </p>
    </article>
  );
}
