"use client";

import { useActionState } from "react";
import { startArticleAction } from "@/app/admin/articles/actions";

// A headline and a section are all a draft needs; the rest is written in the editor it opens on.
export function NewArticleForm({ sections }: { sections: { id: number; name: string }[] }) {
  const [result, action, starting] = useActionState(startArticleAction, null);
  return (
    <form action={action} className="mt-4 grid max-w-xl gap-4 text-sm">
      <label className="flex flex-col">
        <span className="font-semibold">Headline</span>
        <input name="headline" required maxLength={200} className="rounded border border-neutral-400 px-2 py-1" />
      </label>
      <label className="flex flex-col">
        <span className="font-semibold">Section</span>
        <select name="sectionId" className="rounded border border-neutral-400 px-2 py-1">
          {sections.map((section) => (
            <option key={section.id} value={section.id}>
              {section.name}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col">
        <span className="font-semibold">Kind</span>
        <select name="kind" defaultValue="NEWS" className="rounded border border-neutral-400 px-2 py-1">
          <option value="NEWS">News</option>
          <option value="ANALYSIS">Analysis</option>
          <option value="OPINION">Opinion</option>
        </select>
      </label>
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" disabled={starting} className="rounded bg-neutral-900 px-4 py-2 font-semibold text-white">
          Start the draft
        </button>
        <p role="status" className="text-red-700">
          {result?.ok === false ? result.message : ""}
        </p>
      </div>
    </form>
  );
}
