"use server";

import { redirect } from "next/navigation";
import { expireCommentPages } from "@/lib/cache-expiry";
import { eraseReaderData } from "@/lib/data/readers/reader-data";

const PAGE = "/privacy/my-comments/erase";

// The erase link's button. Anything but an explicit "keep" removes the text too: when in doubt, erase more.
export async function eraseReaderDataAction(formData: FormData): Promise<void> {
  const token = formData instanceof FormData ? formData.get("token") : null;
  const keepText = formData instanceof FormData && formData.get("text") === "keep";
  const result = await eraseReaderData(token, keepText);
  if (!result.ok) redirect(`${PAGE}?refused=${result.reason}`);
  // Readers see the anonymised comments on the next request.
  expireCommentPages(result.articleIds);
  redirect(`${PAGE}?erased=${result.anonymised + result.deleted}`);
}
