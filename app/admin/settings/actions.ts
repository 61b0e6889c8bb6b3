"use server";

import { refresh } from "next/cache";
import { z } from "zod";
import { expireArticlePages } from "@/lib/cache-expiry";
import { changeCommentSettings, setArticleCommentsOpen } from "@/lib/data/site/settings";
import { MODERATORS, staffAction, staffFormAction, type ActionOutcome, type ActionResult } from "@/lib/staff/staff-action";
import { recordId } from "@/lib/validation/primitives";
import { parseSettingsForm } from "@/lib/validation/settings-form";

export type SettingsResult = ActionResult<{ version: string }> | null;

// The settings form carries the version it was opened at, beside the settings themselves.
function parseSettingsSubmission(fields: unknown) {
  const { version, ...settings } = fields as Record<string, unknown>;
  const parsed = parseSettingsForm(settings);
  return parsed.success ? { success: true as const, data: { settings: parsed.data, version: typeof version === "string" ? version : "" } } : parsed;
}

// Site-wide settings change what every moderator's queue receives: administrators only.
export const saveSettingsAction = staffAction(
  {
    needs: { capability: "administer", refusal: "Only administrators can change the site's comment settings." },
    parse: parseSettingsSubmission,
    describe: (issue) => `${issue.path.join(".") || "Settings"}: ${issue.message}`,
  },
  async (staff, { settings, version }): Promise<ActionOutcome<{ version: string }>> => {
    const result = await changeCommentSettings(staff.id, settings, version);
    if (!result.ok)
      return { ok: false, message: "Someone else saved the settings since you opened this page. Reload it to see their changes, then make yours again." };
    // Article pages show the comment settings (order, whether comments are open).
    expireArticlePages();
    // React resets the form after the action; refreshing first makes it reset to what was just saved.
    refresh();
    return { ok: true, message: result.changed.length ? `Saved: ${result.changed.join(", ")}.` : "Nothing changed.", version: result.version };
  },
);

const articleCommentsSchema = z.object({ articleId: recordId, open: z.enum(["true", "false"]) });

export const toggleArticleCommentsAction = staffFormAction(
  { needs: MODERATORS, parse: (fields) => articleCommentsSchema.safeParse(fields), refused: () => "/admin/settings" },
  async (staff, { articleId, open }) => {
    await setArticleCommentsOpen(staff.id, articleId, open === "true");
    expireArticlePages();
    return "/admin/settings";
  },
);
