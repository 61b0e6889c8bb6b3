import { blockSenderAction } from "@/app/admin/comments/[id]/actions";

// A plain form: blocking works without JavaScript, and the page that answers shows the new block.
export function BlockSenderForm({ commentId }: { commentId: number }) {
  return (
    <form action={blockSenderAction} className="mt-3 flex flex-wrap items-end gap-3 text-sm">
      <input type="hidden" name="commentId" value={commentId} />
      <label className="flex flex-col">
        <span className="font-semibold">Block by</span>
        <select name="kind" className="rounded border border-neutral-400 px-2 py-1">
          <option value="EMAIL">Email address</option>
          <option value="DOMAIN">Email domain</option>
          <option value="CLIENT">Sender fingerprint</option>
        </select>
      </label>
      <label className="flex flex-col">
        <span className="font-semibold">Their next comments are</span>
        <select name="mode" className="rounded border border-neutral-400 px-2 py-1">
          <option value="HOLD">Held for review</option>
          <option value="REFUSE">Refused</option>
        </select>
      </label>
      <label className="flex flex-col">
        <span className="font-semibold">For how many days (empty: until lifted)</span>
        <input name="days" type="number" min={1} max={3650} className="w-32 rounded border border-neutral-400 px-2 py-1" />
      </label>
      <label className="flex flex-col">
        <span className="font-semibold">Note for other moderators</span>
        <input name="reason" maxLength={300} className="rounded border border-neutral-400 px-2 py-1" />
      </label>
      <button type="submit" className="rounded bg-red-800 px-3 py-1.5 font-semibold text-white">
        Block
      </button>
    </form>
  );
}
