import { execFileSync } from "node:child_process";
import { expect, type Page } from "@playwright/test";
import { uniqueEmail } from "./e2e-db";
import { e2eEnv } from "./e2e-env";

// Form fields by their accessible names (the required-field stars are hidden from assistive technology).
export function commentField(page: Page, name: "Comment" | "Name" | "Email" | "Website") {
  return page.getByRole("textbox", { name, exact: true });
}

// One comment on the page (the article page itself is an <article> too).
export function commentArticle(page: Page, text: string) {
  return page.locator('article[id^="comment-"]', { hasText: text });
}

export type CommentFields = { body: string; name: string; email: string; website?: string };

export async function fillCommentForm(page: Page, fields: CommentFields) {
  await commentField(page, "Comment").fill(fields.body);
  await commentField(page, "Name").fill(fields.name);
  await commentField(page, "Email").fill(fields.email);
  if (fields.website !== undefined) await commentField(page, "Website").fill(fields.website);
}

export async function signInAsModerator(page: Page, credentials = { email: e2eEnv.moderatorEmail(), password: e2eEnv.moderatorPassword() }) {
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/admin\/sign-in/);
  await commentField(page, "Email").fill(credentials.email);
  await page.getByLabel("Password").fill(credentials.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Comments", level: 1 })).toBeVisible();
}

export async function postComment(page: Page, path: string, fields: CommentFields) {
  await page.goto(path);
  await fillCommentForm(page, fields);
  await page.getByRole("button", { name: "Post Comment" }).click();
  await expect(commentArticle(page, fields.body).getByText("Your comment is awaiting moderation.")).toBeVisible();
}

// Created with the same command a newsroom uses.
export function createStaff(label: string, role: "MODERATOR" | "WRITER" | "EDITOR" | "ADMIN" = "MODERATOR") {
  const staff = { email: uniqueEmail(label), password: `temporary-password-${Date.now()}` };
  execFileSync("npm", ["run", "-s", "staff:create", "--", "--email", staff.email, "--name", `Temporary ${label}`, "--role", role], {
    env: { ...process.env, DATABASE_URL: e2eEnv.databaseUrl(), STAFF_PASSWORD: staff.password },
  });
  return staff;
}
