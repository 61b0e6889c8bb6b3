"use client";

import { useActionState } from "react";
import { changeAddressAction } from "@/app/admin/articles/[id]/actions";
import { SubmitRow } from "@/components/console/submit-row";

// The article's address. Once it has been published the old address keeps leading to it (a permanent redirect).
export function AddressForm({ articleId, slug, published }: { articleId: number; slug: string; published: boolean }) {
  const [result, submit, pending] = useActionState(changeAddressAction, null);
  return (
    <form action={submit} className="grid gap-2 text-sm">
      <div className="grid min-w-0 gap-2">
        <input type="hidden" name="articleId" value={articleId} />
        <div className="flex min-w-0 flex-col">
          <label htmlFor="article-address" className="font-semibold">
            Address
          </label>
          <span id="address-help" className="text-neutral-600">
            /articles/… in lower-case letters, digits and hyphens.
            {published ? " The present address will redirect to the new one." : ""}
          </span>
          <input
            id="article-address"
            name="slug"
            required
            maxLength={200}
            defaultValue={slug}
            aria-describedby="address-help"
            className="min-w-0 rounded border border-neutral-400 px-2 py-1 font-mono"
          />
        </div>
        <SubmitRow pending={pending} result={result}>
          Change the address
        </SubmitRow>
      </div>
    </form>
  );
}
