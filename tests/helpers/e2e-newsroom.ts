import { expect, type Browser, type Page } from "@playwright/test";
import { createStaff } from "./e2e-actions";

// The newsroom's members in the browser: each test creates its own, signed in through the form in a context of its
// own, so several members can work on one article at once.

export type Member = { page: Page; name: string };

export async function signInNewMember(browser: Browser, role: "MODERATOR" | "WRITER" | "EDITOR", label: string): Promise<Member> {
  const member = createStaff(label, role);
  const page = await (await browser.newContext()).newPage();
  await page.goto("/admin");
  await page.getByRole("textbox", { name: "Email", exact: true }).fill(member.email);
  await page.getByLabel("Password").fill(member.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  // Moderators land on the queue, the newsroom on their own page.
  await expect(page.getByRole("heading", { name: role === "MODERATOR" ? "Comments" : "Your account", level: 1 })).toBeVisible();
  return { page, name: `Temporary ${label}` };
}

/** Starts a draft in the City section from the editor's first form; its id. */
export async function startDraft(page: Page, headline: string): Promise<number> {
  await page.goto("/admin/articles/new");
  await page.getByLabel("Headline").fill(headline);
  await page.getByLabel("Section").selectOption({ label: "City" });
  await page.getByRole("button", { name: "Start the draft" }).click();
  await expect(page).toHaveURL(/\/admin\/articles\/\d+$/);
  return Number(new URL(page.url()).pathname.split("/").pop());
}

/** The session cookie of a signed-in page, to replay a request as that member. */
export async function sessionCookieOf(page: Page): Promise<string> {
  const session = (await page.context().cookies()).find((cookie) => cookie.name.includes("session-token"))!;
  return `${session.name}=${session.value}`;
}
