"use client";

import { useState } from "react";
import type { StaffRole } from "@/lib/generated/prisma/enums";
import { availableMoves, type ArticleStatusName, type EditorialActionName } from "@/lib/newsroom/workflow";

const LABELS: Record<EditorialActionName, string> = {
  submit: "Submit for review",
  return: "Send back",
  schedule: "Schedule",
  unschedule: "Unschedule",
  publish: "Publish",
  unpublish: "Unpublish",
  reopen: "Reopen as a draft",
};

type Props = {
  status: ArticleStatusName;
  role: StaffRole;
  scheduledFor: string;
  zoneLabel: string;
  busy: boolean;
  onMove: (action: EditorialActionName, scheduledFor: string) => Promise<void>;
};

// The workflow's buttons: only the moves this member may make from the article's status (lib/newsroom/workflow.ts).
// The server checks each again, so a button missing here is a convenience, not the protection.
export function ArticleMoves({ status, role, scheduledFor, zoneLabel, busy, onMove }: Props) {
  const [time, setTime] = useState(scheduledFor);
  const moves = availableMoves(status, role);
  if (moves.length === 0) return null;
  return (
    <section aria-labelledby="article-moves" className="mt-6 border-t border-neutral-300 pt-4">
      <h2 id="article-moves" className="text-lg font-bold">
        Workflow
      </h2>
      <div className="mt-2 flex flex-wrap items-end gap-3 text-sm">
        {moves.includes("schedule") && (
          <label className="flex flex-col">
            <span className="font-semibold">Publication time ({zoneLabel}, the newsroom&apos;s clock)</span>
            <input
              type="datetime-local"
              name="scheduledFor"
              value={time}
              onChange={(event) => setTime(event.target.value)}
              className="rounded border border-neutral-400 px-2 py-1"
            />
          </label>
        )}
        {moves.map((action) => (
          <button
            key={action}
            type="button"
            disabled={busy}
            onClick={() => void onMove(action, time)}
            className={`rounded px-3 py-1.5 font-semibold ${action === "publish" ? "bg-neutral-900 text-white" : "border border-neutral-400"}`}
          >
            {LABELS[action]}
          </button>
        ))}
      </div>
    </section>
  );
}
