"use server";

import { after } from "next/server";
import { READER_DATA_LINK_HOURS } from "@/lib/data/readers/reader-data-links";
import { logError } from "@/lib/log";
import { sendReaderDataMail } from "@/lib/mail/reader-data-mail";
import { requestReaderData } from "@/lib/privacy/request-reader-data";
import { currentClientAddress, hashClientAddress } from "@/lib/request/client";
import { commentEmailSchema } from "@/lib/validation/comment";

export type ReaderDataRequestState = { ok: boolean; message: string; email?: string } | null;

// The same words whether or not the address ever commented, so the form tells nobody who did.
const SENT_MESSAGE = `If there are comments written with this address, we have sent it an email with a link to download them and a link to erase them. The links work for ${READER_DATA_LINK_HOURS} hours.`;

export async function requestReaderDataAction(_previous: ReaderDataRequestState, formData: FormData): Promise<ReaderDataRequestState> {
  const raw = formData instanceof FormData ? formData.get("email") : null;
  const parsed = commentEmailSchema.safeParse(typeof raw === "string" ? raw : "");
  if (!parsed.success) {
    return {
      ok: false,
      message: parsed.error.issues[0]?.message ?? "Please enter a valid email address",
      email: typeof raw === "string" ? raw.slice(0, 254) : "",
    };
  }
  try {
    const result = await requestReaderData(parsed.data, hashClientAddress(await currentClientAddress()));
    if (!result.ok) {
      const minutes = Math.max(1, Math.ceil(result.retryAfterSeconds / 60));
      return { ok: false, message: `You have asked several times in a short while. Please try again in ${minutes} minutes.`, email: parsed.data };
    }
    const { mailTo } = result;
    // Sent after the answer, so the time the answer takes does not tell either whether a mail went out.
    if (mailTo) after(() => sendReaderDataMail(mailTo.address, mailTo.anchorCommentId));
  } catch (error) {
    const errorId = logError("reader-data-request", error);
    return { ok: false, message: `Your request could not be taken just now. Please try again in a moment (error ${errorId}).`, email: parsed.data };
  }
  return { ok: true, message: SENT_MESSAGE };
}
