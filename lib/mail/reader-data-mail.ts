import "server-only";
import { createReaderDataTokens, READER_DATA_LINK_HOURS } from "@/lib/data/readers/reader-data-links";
import { sendMail } from "@/lib/mail/send";
import { absolute, SITE } from "@/lib/site";

const READER_DATA_PATHS = { download: "/privacy/my-comments/download", erase: "/privacy/my-comments/erase" } as const;

// Goes only to the address itself, so only whoever reads that mailbox gets the links. The mail names no comment:
// anyone can type any address into the form.
export async function sendReaderDataMail(address: string, anchorCommentId: number): Promise<void> {
  const tokens = createReaderDataTokens(anchorCommentId, address);
  await sendMail({
    to: address,
    subject: `Your comments on ${SITE.name}`,
    text: [
      "Hello,",
      "",
      `Someone asked for the comments written on ${SITE.name} with this email address. If it was you:`,
      "",
      `Download them (a JSON file): ${absolute(`${READER_DATA_PATHS.download}?token=${tokens.download}`)}`,
      "",
      `Erase them (your name, address and website are removed; you choose whether the text stays): ${absolute(`${READER_DATA_PATHS.erase}?token=${tokens.erase}`)}`,
      "",
      `Each link works once, for ${READER_DATA_LINK_HOURS} hours. Both pages ask before doing anything.`,
      "",
      "If it was not you, ignore this email: nothing changes.",
      "",
      `What we keep and for how long: ${absolute("/privacy")}`,
    ].join("\n"),
  });
}
