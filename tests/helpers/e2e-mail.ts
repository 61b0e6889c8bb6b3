import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { expect } from "@playwright/test";
import { e2eEnv } from "./e2e-env";
import type { ReceivedMail } from "./smtp-sink";

// Mail the site sent, as received by the test SMTP server that scripts/test.ts runs.
export async function mailTo(address: string): Promise<ReceivedMail[]> {
  const dir = e2eEnv.mailDir();
  const mails: ReceivedMail[] = [];
  for (const file of (await readdir(dir)).sort()) {
    let mail: ReceivedMail;
    try {
      mail = JSON.parse(await readFile(path.join(dir, file), "utf8")) as ReceivedMail;
    } catch {
      // A file the sink is still writing: read on the next poll.
      continue;
    }
    if (mail.to.includes(address.toLowerCase())) mails.push(mail);
  }
  return mails;
}

export async function waitForMail(address: string, subject: RegExp): Promise<ReceivedMail> {
  let found: ReceivedMail | undefined;
  await expect
    .poll(
      async () => {
        found = (await mailTo(address)).find((mail) => subject.test(mail.subject));
        return found !== undefined;
      },
      // Notices of a moderator's decision wait for their hold and the server's next 10-second tick.
      { timeout: 40_000 },
    )
    .toBe(true);
  return found!;
}

export function linkIn(mail: ReceivedMail, pathPrefix: string): string {
  const match = mail.text.match(new RegExp(`https?://\\S+${pathPrefix.replace(/[/?]/g, "\\$&")}\\S*`));
  if (!match) throw new Error(`No ${pathPrefix} link in: ${mail.text}`);
  return match[0];
}
