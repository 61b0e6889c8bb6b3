"use client";

import { useActionState } from "react";
import { startArticleAction } from "@/app/admin/articles/actions";
import { SectionAndKind, type Choice } from "@/components/console/article-choices";

// A headline and a section are all a draft needs; the rest is written in the editor it opens on.
export function NewArticleForm({ sections }: { sections: Choice[] }) {
  const [result, action, starting] = useActionState(startArticleAction, null);
  return (
    <form action={action} className="mt-4 grid max-w-xl gap-4 text-sm">
      <label className="flex flex-col">
        <span className="font-semibold">Headline</span>
        <input name="headline" required maxLength={200} className="rounded border border-neutral-400 px-2 py-1" />
      </label>
      <SectionAndKind sections={sections} />
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
