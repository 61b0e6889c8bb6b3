"use client";

import { useEffect, useState } from "react";
import { freshTimeAgo } from "@/lib/format/relative-time";

// A time that says how long ago it was while that is less than a day ("3 hours ago"), kept current each minute.
// The page is rendered once for everybody and cached, so the server writes the date and time (children), which
// readers without JavaScript keep; the browser turns it into the relative form, with the date and time as its title.
export function RelativeTime({ iso, children }: { iso: string; children: string }) {
  const [ago, setAgo] = useState<string | null>(null);
  useEffect(() => {
    // The reader's clock exists only after hydration: the server's text stays until then.
    const update = () => setAgo(freshTimeAgo(iso, Date.now()));
    update();
    const timer = setInterval(update, 60_000);
    return () => clearInterval(timer);
  }, [iso]);
  return (
    <time dateTime={iso} title={ago ? children : undefined}>
      {ago ?? children}
    </time>
  );
}
