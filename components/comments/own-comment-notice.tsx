"use client";

import { useEffect, useRef } from "react";

// The note on a reader's own comment that is not public yet. When the reader arrives at that comment (the address
// after posting ends with #comment-<id>), it takes the keyboard focus, so that a screen reader reads it out and the
// next Tab continues from there, instead of focus dropping to the top of the page.
export function OwnCommentNotice({ commentId, refused, children }: { commentId: number; refused: boolean; children: React.ReactNode }) {
  const notice = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (window.location.hash === `#comment-${commentId}`) notice.current?.focus();
  }, [commentId]);
  return (
    <p
      ref={notice}
      tabIndex={-1}
      className={`mt-2 inline-block rounded px-2 py-1 text-sm font-medium focus:outline-2 ${refused ? "bg-red-50 text-red-900 focus:outline-red-700" : "bg-amber-100 text-amber-900 focus:outline-amber-700"}`}
    >
      {children}
    </p>
  );
}
