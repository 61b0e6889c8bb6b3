import type { CommentFormValues } from "@/components/comments/comment-form-state";

// A commenter's name, email and website, kept only in their own browser: for later when they tick "Save my name"
// (localStorage), otherwise for the rest of this tab's visit (sessionStorage), so a second comment or a reply is not
// typed again.
const SAVED_KEY = "comment-author";
const THIS_VISIT_KEY = "comment-author-this-visit";

type Author = Pick<CommentFormValues, "name" | "email" | "website">;

/** The details to fill in, and whether they were saved for later; null when there are none. */
export function recallAuthor(): { author: Author; saved: boolean } | null {
  const saved = readAuthor(localStorage, SAVED_KEY);
  if (saved) return { author: saved, saved: true };
  const thisVisit = readAuthor(sessionStorage, THIS_VISIT_KEY);
  return thisVisit ? { author: thisVisit, saved: false } : null;
}

export function keepAuthor({ name, email, website }: Author, saveForLater: boolean): void {
  const author = JSON.stringify({ name, email, website });
  if (saveForLater) {
    localStorage.setItem(SAVED_KEY, author);
    sessionStorage.removeItem(THIS_VISIT_KEY);
  } else {
    localStorage.removeItem(SAVED_KEY);
    sessionStorage.setItem(THIS_VISIT_KEY, author);
  }
}

function readAuthor(storage: Storage, key: string): Author | null {
  try {
    const saved = JSON.parse(storage.getItem(key) ?? "null") as Record<string, unknown> | null;
    if (!saved) return null;
    const pick = (field: string) => (typeof saved[field] === "string" ? (saved[field] as string) : "");
    return { name: pick("name"), email: pick("email"), website: pick("website") };
  } catch {
    return null;
  }
}
