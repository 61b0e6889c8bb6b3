"use client";

import { startTransition, useActionState } from "react";
import { saveSettingsAction } from "@/app/admin/settings/actions";
import type { CommentSettings } from "@/lib/validation/settings";

const NUMBERS: [keyof CommentSettings, string][] = [
  ["linkHoldThreshold", "Hold comments with at least this many links"],
  ["floodIntervalSeconds", "Seconds between two comments from one sender (0: no limit)"],
  ["attemptsPerMinute", "Submissions one sender may make per minute"],
  ["minFormSeconds", "Minimum seconds on the form before posting"],
  ["maxThreadDepth", "Reply levels shown"],
  ["commentsPerPage", "Threads per comment page"],
  ["fingerprintRetentionDays", "Days to keep senders' client fingerprints"],
  ["rejectedRetentionDays", "Days to keep rejected and spam comments (after the decision)"],
  ["unconfirmedRetentionDays", "Days to keep comments whose email address was never confirmed (2 or more)"],
  ["reportThreshold", "Hide an approved comment for review after this many reader reports (1 to 100)"],
];

export function SettingsForm({ settings, version }: { settings: CommentSettings; version: string }) {
  const [result, action, saving] = useActionState(saveSettingsAction, null);
  return (
    <form
      action={action}
      // With JavaScript the action is called directly, so React does not reset the form: a value refused by the
      // validation stays on screen to be corrected instead of vanishing with everything else typed. Without
      // JavaScript the form posts as usual.
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        startTransition(() => action(data));
      }}
      className="mt-4 grid max-w-2xl gap-4 text-sm"
    >
      {/* The version this form was filled from; a save over someone else's newer one is refused. */}
      <input type="hidden" name="version" value={result?.ok ? result.version : version} />
      <label className="flex flex-col">
        <span className="font-semibold">Moderation mode</span>
        <select name="moderationMode" defaultValue={settings.moderationMode} className="rounded border border-neutral-400 px-2 py-1">
          <option value="HOLD_ALL">Hold every comment for review</option>
          <option value="HOLD_FIRST_TIME">Hold first-time commenters (needs email confirmation to trust anyone)</option>
          <option value="PUBLISH">Publish unless a check holds it</option>
        </select>
      </label>
      <label className="flex items-center gap-2">
        <input type="checkbox" name="requireEmailConfirmation" defaultChecked={settings.requireEmailConfirmation} />
        <span className="font-semibold">Ask commenters to confirm their email address</span>
      </label>
      {NUMBERS.map(([name, label]) => (
        <label key={name} className="flex flex-col">
          <span className="font-semibold">{label}</span>
          <input name={name} inputMode="numeric" defaultValue={String(settings[name])} className="w-32 rounded border border-neutral-400 px-2 py-1" />
        </label>
      ))}
      <label className="flex flex-col">
        <span className="font-semibold">Close comments this many days after publication (empty: never)</span>
        <input
          name="autoCloseDays"
          inputMode="numeric"
          defaultValue={settings.autoCloseDays ?? ""}
          className="w-32 rounded border border-neutral-400 px-2 py-1"
        />
      </label>
      <label className="flex flex-col">
        <span className="font-semibold">Hold comments containing these words (one per line, whole words)</span>
        <textarea name="holdWords" rows={4} defaultValue={settings.holdWords.join("\n")} className="rounded border border-neutral-400 px-2 py-1" />
      </label>
      <label className="flex flex-col">
        <span className="font-semibold">Refuse comments containing these words</span>
        <textarea name="refuseWords" rows={4} defaultValue={settings.refuseWords.join("\n")} className="rounded border border-neutral-400 px-2 py-1" />
      </label>
      <div className="flex items-center gap-3">
        <button type="submit" disabled={saving} className="rounded bg-neutral-900 px-4 py-2 font-semibold text-white">
          Save settings
        </button>
        <p role="status" className={result?.ok === false ? "text-red-700" : "text-green-800"}>
          {result?.message}
        </p>
      </div>
    </form>
  );
}
